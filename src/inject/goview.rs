//! The Go view of JSON data: what a Go template sees when it walks Kubernetes and Istio Go structs.
//!
//! Struct fields are reached by their Go names (`.Spec.Containers`, `.ObjectMeta.Annotations`,
//! `.ProxyConfig.ProxyMetadata`), maps keep their keys, proto wrapper fields are structs with a
//! `.Value`. [`to_json`] turns such a view back into JSON with the JSON field names, which is what
//! `structToJSON`/`toYaml` of a Go struct print.

use gotmpl::{Key, Value};
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

/// Whether [`to_json`] takes a map found under JSON field `field` with these keys for a Go struct
/// (every key a Go field name, upper-case first letter) rather than a plain map.
fn is_struct<'k>(field: &str, mut keys: impl Iterator<Item = &'k Key>) -> bool {
    if STRING_MAP_FIELDS.contains(&field) {
        return false;
    }
    let Some(first) = keys.next() else { return false };
    std::iter::once(first).chain(keys).all(|k| k.chars().next().is_some_and(char::is_uppercase))
}

/// One step into a Go view as [`to_json`] would see it, without converting the rest: the view that
/// becomes JSON field `name` of `v` (a view found under JSON field `field`), with the JSON field
/// name its own conversion uses. None when that field is absent or `v` is not a map.
pub fn json_child<'a>(v: &Value, field: &str, name: &'a str) -> Option<(Value, &'a str)> {
    let m = v.as_map()?;
    let keys = m.keys();
    if !is_struct(field, keys.iter()) {
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

/// The entries of a map (found under JSON field `field`) as [`to_json`] converts them, in order:
/// the JSON name, the view converted under it, and whether that view is an unwrapped proto
/// wrapper's value (converted on its own, not as field `name`). Struct methods and getters are
/// left out.
fn json_entries(m: &gotmpl::Map, field: &str) -> Vec<(String, Value, bool)> {
    let entries = m.entries();
    if !is_struct(field, entries.iter().map(|(k, _)| k)) {
        return entries.into_iter().map(|(k, x)| (k.to_string(), x, false)).collect();
    }
    entries
        .into_iter()
        .filter(|(k, x)| !matches!(x, Value::Method(_)) && !k.starts_with("Get"))
        .map(|(k, x)| {
            let name = json_name(&k);
            match x {
                Value::Map(w) if WRAPPER_FIELDS.contains(&name.as_str()) => {
                    (name, w.get("Value").unwrap_or_default(), true)
                }
                x => (name, x, false),
            }
        })
        .collect()
}

/// Back from a Go view to JSON with JSON field names (wrappers unwrapped). Maps whose keys do not
/// look like Go field names (lower-case first letter) are taken as plain maps.
pub fn to_json(v: &Value) -> Json {
    to_json_field(v, "")
}

fn to_json_field(v: &Value, field: &str) -> Json {
    match v {
        Value::Map(m) => Json::Object(
            json_entries(m, field)
                .into_iter()
                .map(|(name, x, unwrapped)| {
                    let inner = to_json_field(&x, if unwrapped { "" } else { &name });
                    (name, inner)
                })
                .collect(),
        ),
        Value::List(l) => Json::Array(l.to_vec().iter().map(|x| to_json_field(x, field)).collect()),
        Value::Method(_) => Json::Null,
        other => other.to_json(),
    }
}

/// `omitNil`: the view as JSON ([`to_json`]) without nulls, and without the objects and arrays
/// that only held nulls, read back the way Go decodes JSON (numbers become float64); computed on
/// the view without building the JSON.
pub fn omit_nil(v: &Value) -> Value {
    omit_nil_field(v, "")
}

fn omit_nil_field(v: &Value, field: &str) -> Value {
    match v {
        Value::Map(m) => {
            let fields = json_entries(m, field);
            let had_fields = !fields.is_empty();
            // Collected first (a later duplicate JSON name replaces an earlier one, as in the
            // object), then nulls dropped.
            let all: gotmpl::Map = fields
                .into_iter()
                .map(|(name, x, unwrapped)| {
                    let inner = omit_nil_field(&x, if unwrapped { "" } else { &name });
                    (Key::from(name), inner)
                })
                .collect();
            let kept: gotmpl::Map = all.entries().into_iter().filter(|(_, x)| !x.is_nil()).collect();
            if kept.is_empty() && had_fields { Value::Nil } else { Value::Map(kept) }
        }
        Value::List(l) => {
            let items = l.to_vec();
            let kept: Vec<Value> = items.iter().map(|x| omit_nil_field(x, field)).filter(|x| !x.is_nil()).collect();
            if kept.is_empty() && !items.is_empty() { Value::Nil } else { Value::from(kept) }
        }
        Value::Nil | Value::Method(_) => Value::Nil,
        Value::Int(i) => Value::Float(*i as f64),
        Value::Float(f) if !f.is_finite() => Value::Nil,
        other => other.clone(),
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

    /// The JSON route `omitNil` took before: to JSON, drop nulls, back to a Go value.
    fn omit_nil_through_json(v: &Value) -> Value {
        fn omit(v: &Json) -> Json {
            match v {
                Json::Object(m) => {
                    let out: serde_json::Map<String, Json> =
                        m.iter().map(|(k, x)| (k.clone(), omit(x))).filter(|(_, x)| !x.is_null()).collect();
                    if out.is_empty() && !m.is_empty() { Json::Null } else { Json::Object(out) }
                }
                Json::Array(a) => {
                    let out: Vec<Json> = a.iter().map(omit).filter(|x| !x.is_null()).collect();
                    if out.is_empty() && !a.is_empty() { Json::Null } else { Json::Array(out) }
                }
                other => other.clone(),
            }
        }
        Value::from_json_f64(&omit(&to_json(v)))
    }

    #[test]
    fn omit_nil_matches_the_json_route() {
        let resources = json!({"limits": {"cpu": "2", "memory": null}, "requests": {"cpu": null}, "claims": [null, 1]});
        let cases = [
            Value::from_json_f64(&resources),
            Value::from_json(&resources),
            view(
                &json!({"containers": [{"name": "a", "ports": [{"containerPort": 80, "hostIP": null}]}],
                "labels": {"app": null}, "concurrency": 2, "holdApplicationUntilProxyStarts": null}),
                "",
            ),
            Value::map_from([("A", Value::Nil), ("GetA", Value::Int(1)), ("B", getter(Value::Int(1)))]),
            Value::map_from([("x", Value::Float(f64::NAN)), ("y", Value::new_map()), ("z", Value::list_from([]))]),
            Value::list_from([Value::Nil]),
            Value::Nil,
            Value::Int(3),
            Value::string("s"),
        ];
        for v in cases {
            assert_eq!(omit_nil(&v), omit_nil_through_json(&v), "{v}");
        }
    }

    #[test]
    fn wrappers_have_value() {
        let v = view(&json!({"holdApplicationUntilProxyStarts": true}), "");
        assert_eq!(v.get_path(&["HoldApplicationUntilProxyStarts", "Value"]), Some(Value::Bool(true)));
        assert_eq!(to_json(&v), json!({"holdApplicationUntilProxyStarts": true}));
    }
}
