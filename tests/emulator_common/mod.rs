//! Helpers shared by the tests that run the real binary (and the real kubectl) against the Kubernetes API
//! emulator.
// Each test binary uses a subset of these helpers.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};
use std::time::Duration;

use assert_cmd::Command;
use kube_emulator::{Config, Emulator};
use serde_json::Value;

/// Why the kubectl tests are ignored by default.
pub const NEEDS_KUBECTL: &str = "needs kubectl 1.35: run scripts/install-kubectl.sh; KUBECTL=path";

/// A file of this repository.
pub fn repo_file(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The sample that sets the mesh's minimum TLS version.
pub fn sample() -> PathBuf {
    repo_file("samples/istio.yaml")
}

/// A fresh emulator with workloads ready at once.
pub fn emulator() -> Emulator {
    Emulator::start(Config::default()).expect("emulator starts")
}

/// The binary, pointed at the emulator.
pub fn istioctl(em: &Emulator) -> Command {
    let mut cmd = Command::cargo_bin("istioctl").expect("binary built");
    cmd.env_remove("KUBECONFIG").env_remove("RUST_LOG").arg("--kubeconfig").arg(em.kubeconfig_path());
    cmd.timeout(Duration::from_secs(240));
    cmd
}

/// stdout and stderr as text.
pub fn texts(out: &Output) -> (String, String) {
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Runs an install with `-y` and the given extra arguments; asserts success.
pub fn install(em: &Emulator, args: &[&str]) -> (String, String) {
    let out = istioctl(em).args(["install", "-y", "--readiness-timeout", "60s"]).args(args).output().unwrap();
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "install failed\nstdout:\n{stdout}\nstderr:\n{stderr}");
    (stdout, stderr)
}

/// `Kind/namespace/name` of an object.
pub fn key(o: &Value) -> String {
    format!(
        "{}/{}/{}",
        o["kind"].as_str().unwrap_or_default(),
        o["metadata"]["namespace"].as_str().unwrap_or_default(),
        o["metadata"]["name"].as_str().unwrap_or_default()
    )
}

/// Every object, keyed by `Kind/namespace/name`, without the fields the server changes by itself.
pub fn inventory(em: &Emulator) -> BTreeMap<String, Value> {
    em.objects("")
        .into_iter()
        .filter(|o| !matches!(o["kind"].as_str(), Some("Event" | "Pod" | "ReplicaSet" | "Lease" | "EndpointSlice")))
        .map(|mut o| {
            let key = key(&o);
            if let Some(meta) = o.get_mut("metadata").and_then(Value::as_object_mut) {
                for volatile in ["resourceVersion", "managedFields", "generation", "creationTimestamp", "uid"] {
                    meta.remove(volatile);
                }
            }
            if let Some(obj) = o.as_object_mut() {
                obj.remove("status");
            }
            (key, o)
        })
        .collect()
}

/// The kubectl 1.35 binary: `$KUBECTL`, else `target/tools/kubectl`. Fails (never skips) when absent.
pub fn kubectl_path() -> PathBuf {
    let path = std::env::var_os("KUBECTL").map(PathBuf::from).unwrap_or_else(|| repo_file("target/tools/kubectl"));
    assert!(path.is_file(), "{NEEDS_KUBECTL} (no kubectl at {})", path.display());
    path
}

/// Runs kubectl against the emulator with a private discovery cache, feeding `stdin`; asserts success and
/// returns stdout.
pub fn kubectl(em: &Emulator, args: &[&str], stdin: &str) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new(kubectl_path())
        .arg("--kubeconfig")
        .arg(em.kubeconfig_path())
        .arg("--cache-dir")
        .arg(em.kubeconfig_path().with_extension("cache"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kubectl runs");
    if let Some(mut pipe) = child.stdin.take() {
        pipe.write_all(stdin.as_bytes()).expect("write kubectl's stdin");
    }
    let out = child.wait_with_output().expect("kubectl output");
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "kubectl {args:?} failed:\n{stderr}");
    stdout
}
