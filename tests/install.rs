//! `istioctl install` and `uninstall` end to end: the real binary against the Kubernetes API emulator.

mod emulator_common;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use assert_cmd::Command;
use emulator_common::{emulator, install, inventory, istioctl, key, kubectl, sample};
use kube_emulator::{Config, Emulator, Faults, NEVER_READY_ANNOTATION};
use serde_json::json;

/// Writes an IstioOperator file into a temporary directory.
fn iop_file(dir: &tempfile::TempDir, text: &str) -> PathBuf {
    let path = dir.path().join("iop.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

fn mutating(em: &Emulator) -> Vec<String> {
    em.requests().iter().filter(|r| r.is_mutating()).map(|r| format!("{} {}", r.method, r.path)).collect()
}

#[test]
fn piped_yes_installs_with_progress_and_tls_setting() {
    let em = emulator();
    let out = istioctl(&em)
        .args(["install", "-f"])
        .arg(sample())
        .args(["--readiness-timeout", "60s"])
        .write_stdin("y\n")
        .output()
        .unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "stdout:\n{stdout}\nstderr:\n{stderr}");
    assert!(stdout.contains("profile \"default\" into the cluster. Proceed? (y/N) "), "{stdout}");
    for line in [
        "✔ Istio core installed ⛵️",
        "✔ Istiod installed 🧠",
        "✔ Ingress gateways installed 🛬",
        "✔ Installation complete",
    ] {
        assert!(stderr.contains(line), "missing {line:?} in:\n{stderr}");
    }
    let cm = em.get("ConfigMap", Some("istio-system"), "istio").expect("istio ConfigMap");
    let mesh = cm["data"]["mesh"].as_str().unwrap_or_default();
    assert!(mesh.contains("minProtocolVersion: TLSV1_3"), "{mesh}");
    let istiod = em.get("Deployment", Some("istio-system"), "istiod").expect("istiod");
    assert_eq!(istiod["metadata"]["labels"]["operator.istio.io/component"], "Pilot");
    assert_eq!(istiod["metadata"]["labels"]["operator.istio.io/managed"], "Reconcile");
    let ssa = em.requests().into_iter().filter(|r| r.method == "PATCH").collect::<Vec<_>>();
    assert!(!ssa.is_empty());
    assert!(
        ssa.iter().all(|r| r.content_type.contains("apply-patch") && r.query.contains("fieldManager=istio-operator"))
    );
}

#[test]
fn answering_no_or_nothing_cancels() {
    let em = emulator();
    for answer in ["n\n", ""] {
        let out = istioctl(&em).args(["install", "-f"]).arg(sample()).write_stdin(answer).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert!(String::from_utf8_lossy(&out.stderr).contains("Cancelled."));
    }
    assert!(mutating(&em).is_empty(), "{:?}", mutating(&em));
}

#[test]
fn rerun_converges_without_changes() {
    let em = emulator();
    install(&em, &["-f", sample().to_str().unwrap()]);
    let first = inventory(&em);
    let versions = resource_versions(&em);
    install(&em, &["-f", sample().to_str().unwrap()]);
    assert_eq!(first, inventory(&em));
    let after = resource_versions(&em);
    let changed: Vec<&String> = after.iter().filter(|(k, v)| versions.get(*k) != Some(v)).map(|(k, _)| k).collect();
    // As upstream, the default revision's injector is re-applied from the chart and neutralised again for the
    // default tag; nothing else is written.
    assert!(changed.iter().all(|k| *k == "MutatingWebhookConfiguration//istio-sidecar-injector"), "{changed:?}");
}

/// `resourceVersion` of every object install manages.
fn resource_versions(em: &Emulator) -> BTreeMap<String, String> {
    em.objects("")
        .into_iter()
        .filter(|o| o["metadata"]["labels"]["operator.istio.io/managed"] == "Reconcile")
        // The emulator re-stamps a CRD's Established condition on every write, so a CRD's resourceVersion moves
        // even when the apply is a no-op; its content is compared by `inventory` instead.
        .filter(|o| o["kind"] != "CustomResourceDefinition")
        .map(|o| (key(&o), o["metadata"]["resourceVersion"].as_str().unwrap_or_default().to_string()))
        .collect()
}

#[test]
fn disabling_the_ingress_gateway_prunes_it() {
    let em = emulator();
    install(&em, &["-f", sample().to_str().unwrap()]);
    assert!(em.get("Deployment", Some("istio-system"), "istio-ingressgateway").is_some());
    let dir = tempfile::tempdir().unwrap();
    let iop = iop_file(
        &dir,
        "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    ingressGateways:\n    - name: istio-ingressgateway\n      enabled: false\n",
    );
    let (stdout, _) = install(&em, &["-f", iop.to_str().unwrap()]);
    assert!(em.get("Deployment", Some("istio-system"), "istio-ingressgateway").is_none());
    assert!(em.get("Service", Some("istio-system"), "istio-ingressgateway").is_none());
    assert!(stdout.contains("  Removed apps/v1, Kind=Deployment/istio-ingressgateway.istio-system."), "{stdout}");
    assert!(em.get("Deployment", Some("istio-system"), "istiod").is_some());
    assert!(!em.objects("CustomResourceDefinition").is_empty(), "CRDs are never pruned");
}

#[test]
fn dry_runs_send_no_mutating_request() {
    let em = emulator();
    let out = istioctl(&em).args(["install", "--dry-run", "-f"]).arg(sample()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("✔ Installation complete"));
    assert!(mutating(&em).is_empty(), "{:?}", mutating(&em));
    install(&em, &["-f", sample().to_str().unwrap()]);
    em.clear_requests();
    let out = istioctl(&em).args(["uninstall", "--purge", "--dry-run", "-y"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Not pruning object"));
    assert!(mutating(&em).is_empty(), "{:?}", mutating(&em));
}

#[test]
fn install_survives_throttling_and_server_errors() {
    let em = emulator();
    em.set_faults(Faults {
        latency: Duration::from_millis(50),
        throttle: 0.2,
        retry_after_secs: 1,
        server_error: 0.2,
        seed: 7,
        ..Faults::default()
    });
    install(&em, &["-f", sample().to_str().unwrap()]);
    let statuses: Vec<u16> = em.requests().iter().map(|r| r.status).collect();
    assert!(statuses.contains(&429) && statuses.contains(&500), "faults were injected");
    assert!(em.get("Deployment", Some("istio-system"), "istiod").is_some());
}

#[test]
fn a_never_ready_deployment_fails_after_the_timeout_and_is_named() {
    let em = emulator();
    let dir = tempfile::tempdir().unwrap();
    let iop = iop_file(
        &dir,
        &format!(
            "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  components:\n    pilot:\n      k8s:\n        overlays:\n        - kind: Deployment\n          name: istiod\n          patches:\n          - path: metadata.annotations\n            value:\n              {NEVER_READY_ANNOTATION}: ImagePullBackOff\n"
        ),
    );
    let out = istioctl(&em).args(["install", "-y", "--readiness-timeout", "2s", "-f"]).arg(&iop).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("resources not ready after 2s"), "{stderr}");
    assert!(stderr.contains("Deployment/istio-system/istiod"), "{stderr}");
    assert!(stderr.contains("ImagePullBackOff"), "{stderr}");
}

#[test]
fn purge_removes_everything_install_created_and_nothing_else() {
    let em = emulator();
    em.create(json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "apps"}})).unwrap();
    em.create(json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web", "namespace": "apps",
        "labels": {"app": "web"}}, "spec": {"selector": {"matchLabels": {"app": "web"}},
        "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [{"name": "c", "image": "i"}]}}}}))
        .unwrap();
    em.create(json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "istio-system"}})).unwrap();
    em.create(
        json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "settings", "namespace": "istio-system"},
        "data": {"a": "b"}}),
    )
    .unwrap();
    let before = inventory(&em);
    install(&em, &["-f", sample().to_str().unwrap()]);
    let out = istioctl(&em).args(["uninstall", "--purge", "-y"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout.contains("  Removed apps/v1, Kind=Deployment/istiod.istio-system."), "{stdout}");
    assert!(String::from_utf8_lossy(&out.stderr).contains("✔ Uninstall complete"));
    let after = inventory(&em);
    let added: Vec<&String> = after.keys().filter(|k| !before.contains_key(*k)).collect();
    assert!(added.is_empty(), "left behind: {added:?}");
    for (key, obj) in &before {
        assert_eq!(after.get(key), Some(obj), "{key} changed or vanished");
    }
}

/// A kubeconfig whose current context points nowhere and whose `emulator` context is the emulator.
fn two_context_kubeconfig(em: &Emulator, dir: &tempfile::TempDir) -> PathBuf {
    let text = format!(
        "apiVersion: v1\nkind: Config\ncurrent-context: nowhere\nclusters:\n- name: emu\n  cluster:\n    server: {}\n\
         - name: dead\n  cluster:\n    server: http://127.0.0.1:1\ncontexts:\n- name: emulator\n  context:\n    cluster: emu\n    user: u\n\
         - name: nowhere\n  context:\n    cluster: dead\n    user: u\nusers:\n- name: u\n  user: {{}}\n",
        em.url()
    );
    let path = dir.path().join("kubeconfig");
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn context_flag_selects_the_cluster() {
    let em = emulator();
    let dir = tempfile::tempdir().unwrap();
    let kc = two_context_kubeconfig(&em, &dir);
    let run = |context: Option<&str>| {
        let mut cmd = Command::cargo_bin("istioctl").unwrap();
        cmd.env_remove("KUBECONFIG").arg("--kubeconfig").arg(&kc).args(["--kubeclient-timeout", "2s"]);
        if let Some(c) = context {
            cmd.args(["--context", c]);
        }
        cmd.args(["install", "--dry-run", "-f"]).arg(sample()).timeout(Duration::from_secs(120)).output().unwrap()
    };
    let out = run(Some("emulator"));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(em.requests().iter().any(|r| r.path == "/version"), "the emulator was asked");
    let out = run(None);
    assert_eq!(out.status.code(), Some(1), "the current context's server is unreachable");
    assert!(String::from_utf8_lossy(&out.stderr).contains("error getting Kubernetes version"));
}

#[test]
fn revision_uninstall_keeps_base() {
    let em = emulator();
    install(&em, &["-f", sample().to_str().unwrap()]);
    let out = istioctl(&em).args(["uninstall", "--revision", "default", "-y"]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(em.get("Deployment", Some("istio-system"), "istiod").is_none());
    assert!(em.get("ServiceAccount", Some("istio-system"), "istio-reader-service-account").is_some());
    assert!(!em.objects("CustomResourceDefinition").is_empty());
    let out = istioctl(&em).args(["uninstall", "--revision", "canary", "-y"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("could not find target revision"));
}

#[test]
#[ignore = "needs kubectl 1.35: run scripts/install-kubectl.sh; KUBECTL=path"]
fn kubectl_reads_what_install_wrote() {
    let em = emulator();
    install(&em, &["-f", sample().to_str().unwrap()]);
    let mesh = kubectl(&em, &["get", "configmap", "istio", "-n", "istio-system", "-o", "jsonpath={.data.mesh}"], "");
    assert!(mesh.contains("minProtocolVersion: TLSV1_3"), "{mesh}");
}

#[test]
fn interrupted_install_stops_and_a_rerun_converges() {
    let em = Emulator::start(Config { ready_after: Some(Duration::from_secs(30)), ..Config::default() }).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("istioctl");
    let mut child = std::process::Command::new(bin)
        .env_remove("KUBECONFIG")
        .arg("--kubeconfig")
        .arg(em.kubeconfig_path())
        .args(["install", "-y", "-f"])
        .arg(sample())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Read the progress until istiod is being waited for, then press Ctrl-C.
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut seen = String::new();
    while !seen.contains("Waiting for Deployment/istio-system/istiod") {
        let mut line = String::new();
        if std::io::BufRead::read_line(&mut stderr, &mut line).unwrap() == 0 {
            break;
        }
        seen.push_str(&line);
    }
    assert!(seen.contains("Waiting for Deployment/istio-system/istiod"), "{seen}");
    let killed = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    std::io::Read::read_to_string(&mut stderr, &mut seen).unwrap();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(1), "{seen}");
    assert!(seen.contains("interrupted"), "{seen}");
    em.set_ready_after(Some(Duration::ZERO));
    install(&em, &["-f", sample().to_str().unwrap()]);
    assert!(em.get("Deployment", Some("istio-system"), "istio-ingressgateway").is_some());
}

#[test]
fn file_uninstall_removes_the_control_plane_of_that_file() {
    let em = emulator();
    install(&em, &["-f", sample().to_str().unwrap()]);
    let out = istioctl(&em).args(["uninstall", "-y", "-f"]).arg(sample()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(em.get("Deployment", Some("istio-system"), "istiod").is_none());
    assert!(em.get("Deployment", Some("istio-system"), "istio-ingressgateway").is_none());
    assert!(em.get("ServiceAccount", Some("istio-system"), "istio-reader-service-account").is_some());
    assert!(em.get("Namespace", None, "istio-system").is_some(), "namespaces are never deleted");
}
