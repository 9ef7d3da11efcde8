//! The real kubectl 1.35 against the emulator: a second, independent client.
//!
//! Run with `scripts/install-kubectl.sh` then `cargo test -p kube-emulator -- --ignored`; `KUBECTL=path`
//! overrides the default `target/tools/kubectl`. Without kubectl these tests fail; they never skip.

use kube_emulator::{Config, Emulator};
use serde_json::json;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const NEEDS: &str = "needs kubectl 1.35: run scripts/install-kubectl.sh; KUBECTL=path";

fn kubectl_path() -> PathBuf {
    let path = std::env::var_os("KUBECTL")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/tools/kubectl"));
    assert!(path.is_file(), "{NEEDS} (no kubectl at {})", path.display());
    path
}

/// Runs kubectl against the emulator with a private discovery cache, feeding `stdin`.
fn kubectl(emu: &Emulator, args: &[&str], stdin: Option<&str>) -> Output {
    use std::io::Write;
    let cache = emu.kubeconfig_path().with_extension("cache");
    let mut child = Command::new(kubectl_path())
        .arg("--kubeconfig")
        .arg(emu.kubeconfig_path())
        .arg("--cache-dir")
        .arg(&cache)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn kubectl");
    if let Some(mut pipe) = child.stdin.take() {
        pipe.write_all(stdin.unwrap_or("").as_bytes()).expect("write stdin");
    }
    child.wait_with_output().expect("kubectl output")
}

/// Runs kubectl and returns stdout, failing the test when kubectl fails.
fn ok(emu: &Emulator, args: &[&str], stdin: Option<&str>) -> String {
    let out = kubectl(emu, args, stdin);
    assert!(out.status.success(), "kubectl {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn start(aggregated: bool) -> Emulator {
    Emulator::start(Config { aggregated_discovery: aggregated, ..Config::default() }).expect("start emulator")
}

#[test]
#[ignore = "needs kubectl 1.35: run scripts/install-kubectl.sh; KUBECTL=path"]
fn kubectl_version_is_1_35() {
    let out =
        Command::new(kubectl_path()).args(["version", "--client", "-o", "json"]).output().expect("kubectl version");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("version JSON");
    assert_eq!(v["clientVersion"]["minor"], "35");
}

#[test]
#[ignore = "needs kubectl 1.35: run scripts/install-kubectl.sh; KUBECTL=path"]
fn kubectl_get_namespaces_with_both_discovery_forms() {
    for aggregated in [true, false] {
        let emu = start(aggregated);
        let out = ok(&emu, &["get", "ns"], None);
        let names: Vec<&str> = out.lines().skip(1).filter_map(|l| l.split_whitespace().next()).collect();
        assert_eq!(
            names,
            ["default", "kube-node-lease", "kube-public", "kube-system"],
            "aggregated={aggregated}: {out}"
        );
        let asked_group_versions = emu.requests().iter().any(|r| r.path == "/api/v1" || r.path.starts_with("/apis/"));
        assert_eq!(asked_group_versions, !aggregated, "legacy discovery walks the group versions; aggregated does not");
    }
}

#[test]
#[ignore = "needs kubectl 1.35: run scripts/install-kubectl.sh; KUBECTL=path"]
fn kubectl_server_side_apply_then_jsonpath() {
    let emu = start(true);
    let manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: istio\n  namespace: default\ndata:\n  mesh: |-\n    defaultConfig:\n      discoveryAddress: istiod:15012\n";
    let out = ok(&emu, &["apply", "--server-side", "-f", "-", "--validate=false"], Some(manifest));
    assert_eq!(out.trim(), "configmap/istio serverside-applied");
    let mesh = ok(&emu, &["get", "cm", "istio", "-o", "jsonpath={.data.mesh}"], None);
    assert_eq!(mesh, "defaultConfig:\n  discoveryAddress: istiod:15012");
    let stored = emu.get("ConfigMap", Some("default"), "istio").unwrap_or_default();
    assert_eq!(stored["metadata"]["managedFields"][0]["manager"], "kubectl");
    let patch = emu.requests().into_iter().find(|r| r.method == "PATCH").expect("a PATCH");
    assert_eq!(patch.content_type, "application/apply-patch+yaml");
    assert!(patch.query.contains("fieldManager=kubectl"), "{}", patch.query);
}

#[test]
#[ignore = "needs kubectl 1.35: run scripts/install-kubectl.sh; KUBECTL=path"]
fn kubectl_create_and_delete_namespace() {
    let emu = start(true);
    assert_eq!(ok(&emu, &["create", "ns", "foo"], None).trim(), "namespace/foo created");
    assert!(emu.get("Namespace", None, "foo").is_some());
    let again = kubectl(&emu, &["create", "ns", "foo"], None);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("namespaces \"foo\" already exists"));
    emu.create(json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "inside", "namespace": "foo"}}))
        .expect("seed");
    assert_eq!(ok(&emu, &["delete", "ns", "foo"], None).trim(), "namespace \"foo\" deleted");
    assert!(emu.get("Namespace", None, "foo").is_none());
    assert!(emu.get("ConfigMap", Some("foo"), "inside").is_none());
    let missing = kubectl(&emu, &["get", "ns", "foo"], None);
    assert!(String::from_utf8_lossy(&missing.stderr).contains("namespaces \"foo\" not found"));
}

#[test]
#[ignore = "needs kubectl 1.35: run scripts/install-kubectl.sh; KUBECTL=path"]
fn kubectl_waits_for_crds_and_rollouts_and_execs() {
    let emu = start(true);
    let manifest = r#"
apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: gateways.networking.istio.io}
spec:
  group: networking.istio.io
  names: {kind: Gateway, plural: gateways, singular: gateway, shortNames: [gw]}
  scope: Namespaced
  versions: [{name: v1, served: true, storage: true}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: istiod, namespace: default}
spec:
  replicas: 1
  selector: {matchLabels: {app: istiod}}
  template:
    metadata: {labels: {app: istiod}}
    spec: {containers: [{name: discovery, image: istio/pilot}]}
"#;
    ok(&emu, &["apply", "--server-side", "-f", "-", "--validate=false"], Some(manifest));
    ok(&emu, &["wait", "--for=condition=Established", "crd/gateways.networking.istio.io", "--timeout=20s"], None);
    ok(&emu, &["rollout", "status", "deploy/istiod", "--timeout=20s"], None);
    let gw = "apiVersion: networking.istio.io/v1\nkind: Gateway\nmetadata: {name: gw1, namespace: default}\nspec: {}\n";
    ok(&emu, &["apply", "--server-side", "-f", "-", "--validate=false"], Some(gw));
    assert!(ok(&emu, &["get", "gw"], None).contains("gw1"));
    let pod = ok(&emu, &["get", "pods", "-l", "app=istiod", "-o", "jsonpath={.items[0].metadata.name}"], None);
    let out = kubectl(&emu, &["exec", &pod, "--", "sh", "-c", "echo from-exec; exit 3"], None);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "from-exec\n");
    assert_eq!(out.status.code(), Some(3), "{}", String::from_utf8_lossy(&out.stderr));
}
