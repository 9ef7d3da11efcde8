//! `istioctl install` and `uninstall` end to end: the real binary against the Kubernetes API emulator.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use kube_emulator::{Config, Emulator, Faults, NEVER_READY_ANNOTATION};
use serde_json::{Value, json};

/// The sample that sets the mesh's minimum TLS version.
fn sample() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/istio.yaml")
}

fn emulator() -> Emulator {
    Emulator::start(Config::default()).expect("emulator starts")
}

/// The binary, pointed at the emulator.
fn istioctl(em: &Emulator) -> Command {
    let mut cmd = Command::cargo_bin("istioctl").expect("binary built");
    cmd.env_remove("KUBECONFIG").arg("--kubeconfig").arg(em.kubeconfig_path());
    cmd.timeout(Duration::from_secs(240));
    cmd
}

/// Runs an install with `-y` and the given extra arguments; asserts success.
fn install(em: &Emulator, args: &[&str]) -> (String, String) {
    let out = istioctl(em).args(["install", "-y", "--readiness-timeout", "60s"]).args(args).output().unwrap();
    let (stdout, stderr) =
        (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned());
    assert!(out.status.success(), "install failed\nstdout:\n{stdout}\nstderr:\n{stderr}");
    (stdout, stderr)
}

/// Writes an IstioOperator file into a temporary directory.
fn iop_file(dir: &tempfile::TempDir, text: &str) -> PathBuf {
    let path = dir.path().join("iop.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

/// Every object, keyed by `Kind/namespace/name`, without the fields the server changes by itself.
fn inventory(em: &Emulator) -> BTreeMap<String, Value> {
    em.objects("")
        .into_iter()
        .filter(|o| !matches!(o["kind"].as_str(), Some("Event" | "Pod" | "ReplicaSet" | "Lease" | "EndpointSlice")))
        .map(|mut o| {
            let key = format!(
                "{}/{}/{}",
                o["kind"].as_str().unwrap_or_default(),
                o["metadata"]["namespace"].as_str().unwrap_or_default(),
                o["metadata"]["name"].as_str().unwrap_or_default()
            );
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
    install(&em, &["-f", sample().to_str().unwrap()]);
    assert_eq!(first, inventory(&em));
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
        retry_after_secs: 0,
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
