//! `istioctl verify-install` against the Kubernetes API emulator, after a real `istioctl install`.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use kube_emulator::{Config, Emulator};
use serde_json::Value;

/// The sample that sets the mesh's minimum TLS version to TLS 1.3.
fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/istio.yaml")
}

/// The binary, pointed at the emulator.
fn istioctl(em: &Emulator) -> Command {
    let mut cmd = Command::cargo_bin("istioctl").expect("binary built");
    cmd.env_remove("KUBECONFIG").arg("--kubeconfig").arg(em.kubeconfig_path());
    cmd.timeout(Duration::from_secs(240));
    cmd
}

/// Runs istioctl; returns exit code, stdout, stderr.
fn run(em: &Emulator, args: &[&str]) -> (i32, String, String) {
    let out = istioctl(em).args(args).output().expect("run istioctl");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Deletes an object through the emulator's HTTP API (plain HTTP on 127.0.0.1); returns the HTTP status line.
fn delete(em: &Emulator, path: &str) -> String {
    let mut conn = TcpStream::connect(em.addr()).expect("connect to the emulator");
    write!(conn, "DELETE {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", em.addr())
        .expect("send");
    let mut response = String::new();
    conn.read_to_string(&mut response).expect("read");
    response.lines().next().unwrap_or_default().to_string()
}

/// Every check of the JSON report, as (category, name, ok).
fn checks(report: &Value) -> Vec<(String, String, bool)> {
    let mut out = Vec::new();
    for cat in report["categories"].as_array().into_iter().flatten() {
        for check in cat["checks"].as_array().into_iter().flatten() {
            out.push((
                cat["name"].as_str().unwrap_or_default().to_string(),
                check["name"].as_str().unwrap_or_default().to_string(),
                check["ok"].as_bool().unwrap_or(false),
            ));
        }
    }
    out
}

#[test]
fn verify_install_reports_everything_then_names_a_deleted_deployment() {
    let em = Emulator::start(Config::default()).expect("emulator starts");
    let file = sample();
    let file = file.to_str().expect("utf-8 path");

    // Nothing installed yet: every object is a gap.
    let (code, stdout, _) = run(&em, &["verify-install", "-f", file, "-o", "json"]);
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&stdout).expect("json");
    assert!(checks(&report).iter().all(|(_, _, ok)| !ok), "{stdout}");

    let (code, _, stderr) = run(&em, &["install", "-y", "-f", file, "--readiness-timeout", "60s"]);
    assert_eq!(code, 0, "install: {stderr}");

    let (code, stdout, stderr) = run(&em, &["verify-install", "-f", file, "-o", "json"]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let report: Value = serde_json::from_str(&stdout).expect("json");
    assert_eq!(report["ok"], true);
    let all = checks(&report);
    assert!(
        all.iter().any(|(c, n, ok)| c == "Pilot component" && n == "Deployment istio-system/istiod" && *ok),
        "{stdout}"
    );
    assert!(
        all.iter().any(|(c, n, _)| c == "Base component" && n.starts_with("CustomResourceDefinition ")),
        "{stdout}"
    );
    let tls = report["categories"].as_array().and_then(|c| c.last()).expect("TLS category");
    assert_eq!(tls["name"], "Mesh TLS");
    assert_eq!(tls["checks"][0]["name"], "meshMTLS");
    assert!(
        tls["checks"][0]["detail"].as_str().unwrap_or_default().starts_with("minProtocolVersion TLSV1_3 "),
        "{tls}"
    );

    let (code, stdout, _) = run(&em, &["verify-install", "-f", file]);
    assert_eq!(code, 0);
    assert!(stdout.contains("√ meshMTLS: minProtocolVersion TLSV1_3 (Envoy minimum TLSv1_3"), "{stdout}");
    assert!(stdout.ends_with("Status check results are √\n"), "{stdout}");

    let status = delete(&em, "/apis/apps/v1/namespaces/istio-system/deployments/istiod");
    assert!(status.contains(" 200 ") || status.contains(" 202 "), "{status}");

    let (code, stdout, stderr) = run(&em, &["verify-install", "-f", file]);
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.contains("× Deployment istio-system/istiod: missing from the cluster"), "{stdout}");
    assert!(stdout.contains(&format!("hint: install it again: istioctl install -f {file}")), "{stdout}");
    assert_eq!(stderr, "Error: 1 gap(s) found: Deployment istio-system/istiod (missing from the cluster)\n");

    // The default profile differs from the installed one: the TLS setting is a gap, named as such.
    let (code, stdout, _) = run(&em, &["verify-install", "-o", "json"]);
    assert_eq!(code, 1);
    let report: Value = serde_json::from_str(&stdout).expect("json");
    assert!(checks(&report).iter().any(|(c, n, ok)| c == "Mesh TLS" && n == "meshMTLS" && !ok), "{stdout}");
}
