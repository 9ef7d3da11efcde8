//! Comparison helpers shared by the chart tests: objects are compared after removing the differences that
//! are ours by design (CRD schemas, built-in injection templates), with YAML/JSON ConfigMap data parsed.

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
