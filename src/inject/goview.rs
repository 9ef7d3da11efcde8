//! The Go view of JSON data: what a Go template sees when it walks Kubernetes and Istio Go structs.
//!
//! Struct fields are reached by their Go names (`.Spec.Containers`, `.ObjectMeta.Annotations`,
//! `.ProxyConfig.ProxyMetadata`), maps keep their keys, proto wrapper fields are structs with a
//! `.Value`. [`to_json`] turns such a view back into JSON with the JSON field names, which is what
//! `structToJSON`/`toYaml` of a Go struct print.

use gotmpl::Value;
use serde_json::Value as Json;

use super::typed::STRING_MAP_FIELDS;

/// JSON names whose Go field name is not just the first letter upper-cased.
const SPECIAL_NAMES: &[(&str, &str)] = &[
    ("apiVersion", "APIVersion"),
    ("uid", "UID"),
    ("hostIP", "HostIP"),
    ("hostIPs", "HostIPs"),
    ("podIP", "PodIP"),
    ("podIPs", "PodIPs"),
    ("httpGet", "HTTPGet"),
    ("tcpSocket", "TCPSocket"),
    ("grpc", "GRPC"),
    ("fsGroup", "FSGroup"),
    ("fsGroupChangePolicy", "FSGroupChangePolicy"),
    ("dnsPolicy", "DNSPolicy"),
    ("dnsConfig", "DNSConfig"),
    ("hostIPC", "HostIPC"),
    ("hostPID", "HostPID"),
    ("seLinuxOptions", "SELinuxOptions"),
    ("seLinuxChangePolicy", "SELinuxChangePolicy"),
    ("tty", "TTY"),
    ("iscsi", "ISCSI"),
    ("nfs", "NFS"),
    ("csi", "CSI"),
    ("fc", "FC"),
    ("rbd", "RBD"),
    ("gcePersistentDisk", "GCEPersistentDisk"),
    ("awsElasticBlockStore", "AWSElasticBlockStore"),
    ("cephfs", "CephFS"),
    ("url", "URL"),
    ("caCertificatesPem", "CaCertificatesPem"),
    ("meshId", "MeshId"),
];

/// Proto wrapper fields (`google.protobuf.*Value`), seen as structs with a `Value` field.
const WRAPPER_FIELDS: &[&str] =
    &["holdApplicationUntilProxyStarts", "concurrency", "enablePrometheusMerge", "enableAutoMtls"];

/// The Go field name of a JSON field name.
pub fn go_name(json: &str) -> String {
    if let Some((_, g)) = SPECIAL_NAMES.iter().find(|(j, _)| *j == json) {
        return (*g).to_string();
    }
    let mut c = json.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The JSON field name of a Go field name (inverse of [`go_name`]).
pub fn json_name(go: &str) -> String {
    if let Some((j, _)) = SPECIAL_NAMES.iter().find(|(_, g)| *g == go) {
        return (*j).to_string();
    }
    let mut c = go.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The Go view of a JSON value found under JSON field `field`.
pub fn view(v: &Json, field: &str) -> Value {
    match v {
        Json::Object(m) => {
            if STRING_MAP_FIELDS.contains(&field) {
                return Value::map_from(m.iter().map(|(k, x)| (k.as_str(), view(x, k))));
            }
            Value::map_from(m.iter().map(|(k, x)| {
                let inner = view(x, k);
                let inner = if WRAPPER_FIELDS.contains(&k.as_str()) && !x.is_null() { wrapper(inner) } else { inner };
                (go_name(k), inner)
            }))
        }
        Json::Array(a) => Value::list_from(a.iter().map(|x| view(x, field))),
        other => Value::from_json(other),
    }
}

/// A method value that returns `v` (Go getters such as `GetValue`).
pub fn getter(v: Value) -> Value {
    Value::Method(gotmpl::func(move |_, _| Ok(v.clone())))
}

/// A proto wrapper (`*wrapperspb.BoolValue`...): `.Value` and `.GetValue`.
pub fn wrapper(v: Value) -> Value {
    Value::map_from([("Value", v.clone()), ("GetValue", getter(v))])
}

/// Whether [`json_name`] of `go` is `json`, without building the name.
fn json_name_is(go: &str, json: &str) -> bool {
    // The JSON name of an ASCII Go name differs from it in letter case only.
    if go.is_ascii() && !go.eq_ignore_ascii_case(json) {
        return false;
    }
    if let Some((j, _)) = SPECIAL_NAMES.iter().find(|(_, g)| *g == go) {
        return *j == json;
    }
    let mut c = go.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).eq(json.chars()),
        None => json.is_empty(),
    }
}

/// One step into a Go view as [`to_json`] would see it, without converting the rest: the view that
/// becomes JSON field `name` of `v` (a view found under JSON field `field`), with the JSON field
/// name its own conversion uses. None when that field is absent or `v` is not a map.
pub fn json_child<'a>(v: &Value, field: &str, name: &'a str) -> Option<(Value, &'a str)> {
    let m = v.as_map()?;
    let keys = m.keys();
    let is_struct = !STRING_MAP_FIELDS.contains(&field)
        && !keys.is_empty()
        && keys.iter().all(|k| k.chars().next().is_some_and(char::is_uppercase));
    if !is_struct {
        return m.get(name).map(|x| (x, name));
    }
    // The last key with this JSON name wins, as when the object is collected.
    let x = keys
        .iter()
        .rev()
        .filter(|k| !k.starts_with("Get") && json_name_is(k, name))
        .find_map(|k| m.get(k).filter(|x| !matches!(x, Value::Method(_))))?;
    match x {
        Value::Map(w) if WRAPPER_FIELDS.contains(&name) => Some((w.get("Value").unwrap_or_default(), "")),
        x => Some((x, name)),
    }
}

/// Back from a Go view to JSON with JSON field names (wrappers unwrapped). Maps whose keys do not
/// look like Go field names (lower-case first letter) are taken as plain maps.
pub fn to_json(v: &Value) -> Json {
    to_json_field(v, "")
}

fn to_json_field(v: &Value, field: &str) -> Json {
    match v {
        Value::Map(m) => {
            let entries = m.entries();
            let is_struct = !STRING_MAP_FIELDS.contains(&field)
                && !entries.is_empty()
                && entries.iter().all(|(k, _)| k.chars().next().is_some_and(char::is_uppercase));
            if !is_struct {
                return Json::Object(entries.iter().map(|(k, x)| (k.to_string(), to_json_field(x, k))).collect());
            }
            Json::Object(
                entries
                    .iter()
                    .filter(|(k, x)| !matches!(x, Value::Method(_)) && !k.starts_with("Get"))
                    .map(|(k, x)| {
                        let name = json_name(k);
                        let inner = match x {
                            Value::Map(w) if WRAPPER_FIELDS.contains(&name.as_str()) => {
                                w.get("Value").map_or(Json::Null, |x| to_json(&x))
                            }
                            _ => to_json_field(x, &name),
                        };
                        (name, inner)
                    })
                    .collect(),
            )
        }
        Value::List(l) => Json::Array(l.to_vec().iter().map(|x| to_json_field(x, field)).collect()),
        Value::Method(_) => Json::Null,
        other => other.to_json(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn round_trip_keeps_names_and_maps() {
        let j = json!({"containers": [{"name": "a", "ports": [{"containerPort": 80, "hostIP": "x"}]}],
            "labels": {"app": "x"}});
        let v = view(&j, "");
        assert_eq!(
            v.get_path(&["Containers"]).and_then(|c| c.as_list().and_then(|l| l.get(0))).and_then(|c| c.get("Name")),
            Some(Value::string("a"))
        );
        assert_eq!(v.get_path(&["Labels", "app"]), Some(Value::string("x")));
        assert_eq!(to_json(&v), j);
    }

    #[test]
    fn json_child_agrees_with_to_json() {
        let j = json!({"concurrency": 2, "podIP": "1.2.3.4", "labels": {"Up": "x"}, "ports": [{"name": "p"}]});
        let v = view(&j, "");
        let whole = to_json(&v);
        for name in ["concurrency", "podIP", "labels", "ports", "missing"] {
            let child = json_child(&v, "", name).map(|(c, field)| to_json_field(&c, field));
            assert_eq!(child.as_ref(), whole.get(name), "{name}");
        }
        let labels = json_child(&v, "", "labels").map(|(c, f)| (c, f.to_string()));
        let (labels, field) = labels.unwrap_or_default();
        assert_eq!(json_child(&labels, &field, "Up").map(|(c, _)| c), Some(Value::string("x")));
        assert!(json_child(&Value::Int(1), "", "x").is_none());
    }

    #[test]
    fn wrappers_have_value() {
        let v = view(&json!({"holdApplicationUntilProxyStarts": true}), "");
        assert_eq!(v.get_path(&["HoldApplicationUntilProxyStarts", "Value"]), Some(Value::Bool(true)));
        assert_eq!(to_json(&v), json!({"holdApplicationUntilProxyStarts": true}));
    }
}
