//! The walkthrough's sample files (`samples/`) hold what the README's minimum-TLS walkthrough relies on, and
//! `istioctl kube-inject` prepares them as the walkthrough says. (`version -o json` is checked in `tests/cli.rs`.)

use std::path::Path;
use std::process::Command;

use istioctl::inject::PROXY_CONTAINER;
use istioctl::operator::{IOP_API_VERSION, IOP_KIND, TLS_PROTOCOLS};
use serde_json::{Value, json};

const ISTIO: &str = "samples/istio.yaml";
const HTTPBIN: &str = "samples/httpbin/httpbin.yaml";
const SLEEP: &str = "samples/sleep/sleep.yaml";
/// The TLS version the walkthrough makes the minimum.
const MIN_TLS: &str = "TLSV1_3";
/// The init container injected when sidecars are not native (the offline default).
const INIT_CONTAINER: &str = "istio-init";

fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The non-empty documents of a YAML stream.
fn documents(text: &str) -> Vec<Value> {
    goyaml::parse_documents(text)
        .unwrap_or_else(|e| panic!("{e}\n{text}"))
        .into_iter()
        .map(|d| d.value)
        .filter(|v| !v.is_null())
        .collect()
}

fn sample(path: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(repo_root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
    documents(&text)
}

fn find<'a>(docs: &'a [Value], kind: &str) -> &'a Value {
    docs.iter().find(|d| d["kind"] == kind).unwrap_or_else(|| panic!("no {kind} in {docs:#?}"))
}

fn kinds(docs: &[Value]) -> Vec<&str> {
    docs.iter().filter_map(|d| d["kind"].as_str()).collect()
}

fn container_names(list: &Value) -> Vec<&str> {
    list.as_array().map(|a| a.iter().filter_map(|c| c["name"].as_str()).collect()).unwrap_or_default()
}

/// Runs the built `istioctl` in the repository root, as the README does; returns stdout.
fn istioctl(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_istioctl"))
        .args(args)
        .current_dir(repo_root())
        .env_remove("ENABLE_NATIVE_SIDECARS")
        .env_remove("KUBECONFIG")
        .output()
        .expect("run istioctl");
    assert!(out.status.success(), "istioctl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn istio_yaml_only_sets_the_minimum_mesh_tls_version() {
    assert!(TLS_PROTOCOLS.contains(&MIN_TLS));
    let docs = sample(ISTIO);
    assert_eq!(
        docs,
        [json!({
            "apiVersion": IOP_API_VERSION,
            "kind": IOP_KIND,
            "spec": {"meshConfig": {"meshMTLS": {"minProtocolVersion": MIN_TLS}}}
        })]
    );
}

#[test]
fn httpbin_serves_port_8000_from_container_port_8080() {
    let docs = sample(HTTPBIN);
    assert_eq!(kinds(&docs), ["ServiceAccount", "Service", "Deployment"]);
    let svc = find(&docs, "Service");
    assert_eq!(svc["metadata"]["name"], "httpbin", "the walkthrough calls httpbin.foo:8000");
    assert_eq!(svc["spec"]["ports"][0]["port"], 8000);
    assert_eq!(svc["spec"]["ports"][0]["targetPort"], 8080);
    let deploy = find(&docs, "Deployment");
    let pod = &deploy["spec"]["template"];
    assert_eq!(pod["spec"]["containers"][0]["ports"][0]["containerPort"], 8080);
    assert_eq!(pod["spec"]["serviceAccountName"], find(&docs, "ServiceAccount")["metadata"]["name"]);
    // The Service and the Deployment select the pods they create.
    for (k, v) in svc["spec"]["selector"].as_object().expect("service selector") {
        assert_eq!(&pod["metadata"]["labels"][k], v, "service selector {k}");
    }
    assert_eq!(deploy["spec"]["selector"]["matchLabels"], pod["metadata"]["labels"]);
}

#[test]
fn sleep_is_a_client_pod_labelled_and_named_as_the_walkthrough_uses_it() {
    let docs = sample(SLEEP);
    let deploy = find(&docs, "Deployment");
    assert_eq!(deploy["metadata"]["name"], "sleep");
    let pod = &deploy["spec"]["template"];
    // `kubectl get pod -l app=sleep` and `kubectl exec ... -c sleep`.
    assert_eq!(pod["metadata"]["labels"]["app"], "sleep");
    assert_eq!(container_names(&pod["spec"]["containers"]), ["sleep"]);
    assert!(pod["spec"]["containers"][0]["command"].is_array(), "sleep waits instead of exiting");
    assert_eq!(pod["spec"]["serviceAccountName"], find(&docs, "ServiceAccount")["metadata"]["name"]);
}

#[test]
fn kube_inject_adds_the_proxy_and_passes_the_rest_through() {
    for path in [HTTPBIN, SLEEP] {
        let input = sample(path);
        let output = documents(&istioctl(&["kube-inject", "-f", path]));
        assert_eq!(kinds(&output), kinds(&input), "{path}");
        for (before, after) in input.iter().zip(&output) {
            if before["kind"] != "Deployment" {
                assert_eq!(after, before, "{path}: {} passes through unchanged", before["kind"]);
                continue;
            }
            let app = &before["spec"]["template"]["spec"]["containers"];
            let spec = &after["spec"]["template"]["spec"];
            let mut expected = container_names(app);
            expected.push(PROXY_CONTAINER);
            assert_eq!(container_names(&spec["containers"]), expected, "{path}");
            assert_eq!(container_names(&spec["initContainers"]), [INIT_CONTAINER], "{path}");
            assert_eq!(spec["containers"][0]["image"], app[0]["image"], "{path}: the app image is kept");
            let status = &after["spec"]["template"]["metadata"]["annotations"]["sidecar.istio.io/status"];
            assert!(status.is_string(), "{path}: injection status annotation");
        }
    }
}

/// The README says the built-in defaults inject the same sidecars as the walkthrough's IstioOperator would.
#[test]
fn built_in_defaults_inject_as_the_walkthroughs_operator_does() {
    for path in [HTTPBIN, SLEEP] {
        let defaults = istioctl(&["kube-inject", "-f", path]);
        let with_operator = istioctl(&["kube-inject", "-f", path, "--operatorFileName", ISTIO]);
        assert_eq!(defaults, with_operator, "{path}");
    }
}
