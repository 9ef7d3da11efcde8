//! Comparison helpers shared by the chart tests: objects are compared after removing the differences that
//! are ours by design (CRD schemas, built-in injection templates), with YAML/JSON ConfigMap data parsed.
// Each test binary uses a subset of these helpers.
#![allow(dead_code)]

use serde_json::Value;

/// Injection templates our istiod chart ships in place of upstream's (keys of `config.templates`).
const OWN_INJECTION_TEMPLATES: &[&str] =
    &["sidecar", "gateway", "grpc-simple", "grpc-agent", "waypoint", "kube-gateway", "agentgateway"];

/// (apiVersion, kind, namespace, name) of an object.
pub fn identity(obj: &Value) -> String {
    let s = |p: &str| obj.pointer(p).and_then(Value::as_str).unwrap_or_default();
    format!("{} {} {}/{}", s("/apiVersion"), s("/kind"), s("/metadata/namespace"), s("/metadata/name"))
}

/// The object with the by-design differences removed and YAML/JSON ConfigMap data parsed.
pub fn normalize(obj: &Value) -> Value {
    let mut obj = obj.clone();
    if obj["kind"] == "CustomResourceDefinition" {
        for version in obj.pointer_mut("/spec/versions").and_then(Value::as_array_mut).into_iter().flatten() {
            if let Some(v) = version.as_object_mut() {
                v.remove("schema");
            }
        }
    }
    if obj["kind"] == "ConfigMap" {
        let injector = obj["metadata"]["name"].as_str().is_some_and(|n| n.starts_with("istio-sidecar-injector"));
        if let Some(data) = obj.get_mut("data").and_then(Value::as_object_mut) {
            for (key, value) in data.iter_mut() {
                let Some(text) = value.as_str() else { continue };
                let Ok(mut parsed) = goyaml::parse(text) else { continue };
                if !(parsed.is_object() || parsed.is_array()) {
                    continue;
                }
                if injector
                    && key == "config"
                    && let Some(templates) = parsed.get_mut("templates").and_then(Value::as_object_mut)
                {
                    templates.retain(|name, _| !OWN_INJECTION_TEMPLATES.contains(&name.as_str()));
                }
                *value = parsed;
            }
        }
    }
    obj
}

/// The first path where two values differ, numbers compared by value.
pub fn first_difference(path: &str, a: &Value, b: &Value) -> Option<String> {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.as_f64() == y.as_f64() => None,
        (Value::Object(x), Value::Object(y)) => {
            let keys: std::collections::BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            keys.into_iter().find_map(|k| {
                first_difference(
                    &format!("{path}.{k}"),
                    x.get(k).unwrap_or(&Value::Null),
                    y.get(k).unwrap_or(&Value::Null),
                )
            })
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            x.iter().zip(y).enumerate().find_map(|(i, (a, b))| first_difference(&format!("{path}[{i}]"), a, b))
        }
        _ if a == b => None,
        _ => Some(format!("{path}: expected {a}, got {b}")),
    }
}

/// The objects of a printed manifest, keyed by [`identity`].
pub fn objects_by_identity(text: &str) -> serde_json::Map<String, Value> {
    goyaml::parse_documents(text)
        .unwrap_or_default()
        .into_iter()
        .map(|d| d.value)
        .filter(|v| v.is_object())
        .map(|v| (identity(&v), v))
        .collect()
}

/// `--set installPackagePath=...` names upstream's chart folder; the charts are chosen by the caller instead.
pub const PACKAGE_PATH_FLAG: &str = "installPackagePath=";
/// The conformance case upstream's test runs with `--force`.
pub const FORCE_CASE: &str = "flag_force";

/// The inputs of one conformance case (`cases.json` record): its `-f` file under `dir`, its `--set` flags,
/// the given charts, and `--force` for the case upstream runs with it.
pub fn case_inputs(
    case: &Value,
    dir: &std::path::Path,
    manifests: istioctl::manifests::ManifestSource,
) -> istioctl::operator::InstallInputs {
    istioctl::operator::InstallInputs {
        files: case["input"].as_str().map(|i| dir.join(i)).into_iter().collect(),
        set_flags: case["set_flags"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter_map(Value::as_str)
            .filter(|f| !f.starts_with(PACKAGE_PATH_FLAG))
            .map(str::to_string)
            .collect(),
        manifests,
        force: case["name"] == FORCE_CASE,
        ..istioctl::operator::InstallInputs::default()
    }
}

/// The 15 CustomResourceDefinitions of Istio 1.30.3 (`plural.group`), sorted.
pub const ISTIO_CRDS: &[&str] = &[
    "authorizationpolicies.security.istio.io",
    "destinationrules.networking.istio.io",
    "envoyfilters.networking.istio.io",
    "gateways.networking.istio.io",
    "peerauthentications.security.istio.io",
    "proxyconfigs.networking.istio.io",
    "requestauthentications.security.istio.io",
    "serviceentries.networking.istio.io",
    "sidecars.networking.istio.io",
    "telemetries.telemetry.istio.io",
    "trafficextensions.extensions.istio.io",
    "virtualservices.networking.istio.io",
    "wasmplugins.extensions.istio.io",
    "workloadentries.networking.istio.io",
    "workloadgroups.networking.istio.io",
];

/// Object counts per profile, as the released istioctl renders them (research notes, rendering.md §2.1).
pub const PROFILE_OBJECT_COUNTS: &[(&str, usize)] = &[
    ("default", 39),
    ("demo", 42),
    ("minimal", 33),
    ("empty", 0),
    ("remote", 20),
    ("ambient", 44),
    ("preview", 39),
    ("stable", 41),
    ("openshift", 47),
    ("openshift-ambient", 47),
];
