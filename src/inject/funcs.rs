//! Istio's injection template functions (upstream `pkg/kube/inject/template.go`), added on top of
//! Sprig. They take Go views of Kubernetes/Istio structs (see [`super::goview`]).

use std::borrow::Cow;

use gotmpl::{Func, FuncError, Value, func};
use serde_json::Value as Json;

use super::goview;
use super::mesh;

/// Go's string of an argument: a string as is, nil or missing as empty, anything else as `%v`.
fn s(v: Option<&Value>) -> Cow<'_, str> {
    match v {
        Some(Value::String(x)) => Cow::Borrowed(x),
        Some(Value::Nil) | None => Cow::Borrowed(""),
        Some(other) => Cow::Owned(gotmpl::gofmt::sprint_v(other)),
    }
}

/// [`s`] as a template string value (a string argument is shared, not copied).
fn s_value(v: Option<&Value>) -> Value {
    match v {
        Some(x @ Value::String(_)) => x.clone(),
        other => Value::string(s(other)),
    }
}

/// Go's `map[string]string` argument: a map with string values (nil or missing -> empty).
fn string_map(v: Option<&Value>) -> Vec<(String, String)> {
    match v {
        Some(Value::Map(m)) => {
            m.entries().into_iter().map(|(k, x)| (k.to_string(), s(Some(&x)).into_owned())).collect()
        }
        _ => Vec::new(),
    }
}

/// `json.Marshal` of a string map: sorted keys, Go's HTML-safe escaping.
fn go_json_string_map(entries: &[(String, String)]) -> String {
    let mut sorted: Vec<&(String, String)> = entries.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    sorted.dedup_by(|a, b| a.0 == b.0);
    let obj: serde_json::Map<String, Json> =
        sorted.into_iter().map(|(k, v)| (k.clone(), Json::String(v.clone()))).collect();
    go_json(&Json::Object(obj))
}

/// Compact JSON as Go's `encoding/json` prints it (`<`, `>`, `&`, U+2028 and U+2029 escaped).
pub fn go_json(v: &Json) -> String {
    crate::version::go_json_escape(&serde_json::to_string(v).unwrap_or_default())
}

fn merged_maps(args: &[Value]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for a in args {
        for (k, v) in string_map(Some(a)) {
            match out.iter_mut().find(|(x, _)| *x == k) {
                Some(slot) => slot.1 = v,
                None => out.push((k, v)),
            }
        }
    }
    out
}

fn str_map_value(entries: Vec<(String, String)>) -> Value {
    Value::map_from(entries.into_iter().map(|(k, v)| (k, Value::string(v))))
}

fn container_ports(containers: Option<&Value>, skip_proxy: bool) -> String {
    let mut parts = Vec::new();
    let list = containers.and_then(Value::as_list).map(gotmpl::List::to_vec).unwrap_or_default();
    for c in list {
        if skip_proxy && c.get("Name").as_ref().and_then(Value::as_str) == Some(super::PROXY_CONTAINER) {
            continue;
        }
        let ports = c.get("Ports").and_then(|p| p.as_list().map(gotmpl::List::to_vec)).unwrap_or_default();
        for p in ports {
            let proto = p.get("Protocol");
            if matches!(proto.as_ref().and_then(Value::as_str), Some("UDP" | "SCTP")) {
                continue;
            }
            parts.push(s(p.get("ContainerPort").as_ref()).into_owned());
        }
    }
    parts.join(",")
}

/// `excludeInboundPort`: the exclude list with the status port appended (unless 0 or listed).
pub fn exclude_inbound_port(port: &str, excluded: &str) -> String {
    let port = port.trim();
    if port.is_empty() || port == "0" {
        return excluded.to_string();
    }
    let mut out = Vec::new();
    for p in excluded.split(',') {
        if p == port {
            return excluded.to_string();
        }
        let p = p.trim();
        if !p.is_empty() {
            out.push(p.to_string());
        }
    }
    out.push(port.to_string());
    out.join(",")
}

/// `appendMultusNetwork`: adds the Istio CNI network to a Multus networks annotation value.
pub fn append_multus_network(existing: &str, network: &str) -> String {
    if existing.is_empty() {
        return network.to_string();
    }
    let (ns, name) = network.split_once('/').unwrap_or(("", network));
    if let Some(i) = existing.rfind(']') {
        let Ok(Json::Array(nets)) = serde_json::from_str::<Json>(existing) else { return existing.to_string() };
        for n in &nets {
            if n.get("name").and_then(Json::as_str) == Some(name)
                && n.get("namespace").and_then(Json::as_str).unwrap_or("") == ns
            {
                return existing.to_string();
            }
        }
        let add = if ns.is_empty() {
            format!(r#", {{"name": "{name}"}}"#)
        } else {
            format!(r#", {{"name": "{name}", "namespace": "{ns}"}}"#)
        };
        return format!("{}{add}{}", &existing[..i], &existing[i..]);
    }
    if existing.split(',').any(|n| n.trim() == network) {
        return existing.to_string();
    }
    format!("{existing}, {network}")
}

fn image_tag_digest(image: &str) -> (String, String) {
    let (image, digest) = match image.find('@') {
        Some(i) => (&image[..i], image[i + 1..].to_string()),
        None => (image, String::new()),
    };
    let slash = image.rfind('/');
    let tag = match image.rfind(':') {
        Some(c) if slash.is_none_or(|s| c > s) => image[c + 1..].to_string(),
        _ => String::new(),
    };
    (tag, digest)
}

/// Whether an OpenTelemetry extension provider of the mesh config (a Go view) enriches service
/// attributes with the semantic conventions. Looks only at the fields involved, as they would
/// appear in the view's JSON.
fn semantic_conventions(mesh: &Value) -> bool {
    let Some((Value::List(providers), field)) = goview::json_child(mesh, "", "extensionProviders") else {
        return false;
    };
    providers.to_vec().iter().any(|p| {
        goview::json_child(p, field, "opentelemetry")
            .and_then(|(otel, field)| goview::json_child(&otel, field, "serviceAttributeEnrichment"))
            .is_some_and(|(v, _)| v.as_str() == Some(SEMANTIC_CONVENTIONS))
    })
}

/// The `serviceAttributeEnrichment` of an OpenTelemetry provider that asks for semantic conventions.
const SEMANTIC_CONVENTIONS: &str = "OTEL_SEMANTIC_CONVENTIONS";

/// `otelResourceAttributes` over Go views of the mesh config, annotations, labels and containers.
fn otel_resource_attributes(args: &[Value]) -> String {
    if !args.first().is_some_and(semantic_conventions) {
        return String::new();
    }
    let ann = string_map(args.get(1));
    let labels = string_map(args.get(2));
    let ns = s(args.get(3));
    let containers = args.get(4).and_then(Value::as_list).map(gotmpl::List::to_vec).unwrap_or_default();
    let find =
        |m: &[(String, String)], k: &str| m.iter().find(|(x, v)| x == k && !v.is_empty()).map(|(_, v)| v.clone());
    let mut attrs = Vec::new();
    if let Some(v) = find(&ann, "resource.opentelemetry.io/service.namespace") {
        attrs.push(format!("service.namespace={v}"));
    } else if !ns.is_empty() {
        attrs.push(format!("service.namespace={ns}"));
    }
    if let Some(v) = find(&ann, "resource.opentelemetry.io/service.version") {
        attrs.push(format!("service.version={v}"));
    } else if let Some(v) = find(&labels, "app.kubernetes.io/version") {
        attrs.push(format!("service.version={v}"));
    } else if let [only] = containers.as_slice() {
        let (tag, digest) = image_tag_digest(&s(only.get("Image").as_ref()));
        match (tag.is_empty(), digest.is_empty()) {
            (false, false) => attrs.push(format!("service.version={tag}@{digest}")),
            (true, false) => attrs.push(format!("service.version={digest}")),
            (false, true) => attrs.push(format!("service.version={tag}")),
            (true, true) => {}
        }
    }
    if let Some(v) = find(&ann, "resource.opentelemetry.io/service.instance.id") {
        attrs.push(format!("service.instance.id={v}"));
    } else if let Some(first) = containers.first() {
        attrs.push(format!("service.instance.id={ns}.$(POD_NAME).{}", s(first.get("Name").as_ref())));
    }
    attrs.join(",")
}

/// Upstream's `indent`: every line but the first is prefixed with `spaces` spaces.
fn indent(spaces: usize, source: &str) -> String {
    let pad = " ".repeat(spaces);
    source
        .split('\n')
        .enumerate()
        .map(|(i, l)| if i == 0 { l.to_string() } else { format!("{pad}{l}") })
        .collect::<Vec<_>>()
        .join("\n")
}

fn int_arg(v: Option<&Value>) -> Result<i64, FuncError> {
    match v {
        Some(Value::Int(i)) => Ok(*i),
        Some(Value::Float(f)) if f.fract() == 0.0 => Ok(*f as i64),
        _ => Err(FuncError::WrongType { index: 0, expected: "int" }),
    }
}

/// `protoToJSON`: a proxy config as upstream's protojson prints it. The last map converted and its
/// text are remembered: every pod without a `proxy.istio.io/config` annotation passes the same
/// shared `.ProxyConfig` map (the entry holds it, so its address cannot be reused by another map;
/// templates do not change it: upstream passes a proto message, not a map).
fn proto_to_json() -> Func {
    let last: std::sync::Mutex<Option<(gotmpl::Map, std::sync::Arc<str>)>> = std::sync::Mutex::new(None);
    func(move |_, a| {
        Ok(match a.first() {
            None | Some(Value::Nil) => Value::string("{}"),
            Some(Value::Map(m)) => {
                let mut last = last.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                if let Some((seen, text)) = last.as_ref()
                    && seen.ptr_eq(m)
                {
                    return Ok(Value::String(text.clone()));
                }
                let text: std::sync::Arc<str> =
                    mesh::proxy_config_json(&goview::to_json(&Value::Map(m.clone()))).into();
                *last = Some((m.clone(), text.clone()));
                Value::String(text)
            }
            Some(v) => Value::string(mesh::proxy_config_json(&goview::to_json(v))),
        })
    })
}

/// Every Istio template function, to be added after Sprig's (they replace Sprig's of the same name).
pub fn injection_funcs() -> Vec<(&'static str, Func)> {
    vec![
        (
            "formatDuration",
            func(|_, a| {
                let text = s(a.first()).into_owned();
                Ok(Value::string(mesh::parse_duration(&text).map_or(text, mesh::go_duration_string)))
            }),
        ),
        (
            "isset",
            func(|_, a| {
                let key = s(a.get(1));
                Ok(Value::Bool(a.first().and_then(Value::as_map).is_some_and(|m| m.contains_key(&key))))
            }),
        ),
        ("excludeInboundPort", func(|_, a| Ok(Value::string(exclude_inbound_port(&s(a.first()), &s(a.get(1))))))),
        ("includeInboundPorts", func(|_, a| Ok(Value::string(container_ports(a.first(), false))))),
        ("applicationPorts", func(|_, a| Ok(Value::string(container_ports(a.first(), true))))),
        ("kubevirtInterfaces", func(|_, a| Ok(s_value(a.first())))),
        ("excludeInterfaces", func(|_, a| Ok(s_value(a.first())))),
        (
            "annotation",
            func(|_, a| {
                let name = s(a.get(1));
                let found = a.first().and_then(|m| m.get("Annotations")).and_then(|m| m.get(&name));
                Ok(match found {
                    Some(v) => s_value(Some(&v)),
                    None => s_value(a.get(2)),
                })
            }),
        ),
        (
            "valueOrDefault",
            func(|_, a| {
                let v = a.first().cloned().unwrap_or_default();
                let empty = matches!(&v, Value::Nil) || v.as_str() == Some("");
                Ok(if empty { a.get(1).cloned().unwrap_or_default() } else { v })
            }),
        ),
        ("toJSON", func(|_, a| Ok(Value::string(go_json_string_map(&string_map(a.first())))))),
        (
            "fromJSON",
            func(|_, a| {
                Ok(match serde_json::from_str::<Json>(&s(a.first())) {
                    Ok(j) => Value::from_json_f64(&j),
                    Err(_) => Value::string("{}"),
                })
            }),
        ),
        (
            "structToJSON",
            func(|_, a| {
                Ok(Value::string(match a.first() {
                    None | Some(Value::Nil) => "{}".to_string(),
                    Some(v) => {
                        let j = goview::to_json(v);
                        go_json(&super::typed::go_struct_order(&j, guess_struct(&j)))
                    }
                }))
            }),
        ),
        ("protoToJSON", proto_to_json()),
        (
            "toYaml",
            func(|_, a| {
                Ok(Value::string(goyaml::to_string(&goview::to_json(&a.first().cloned().unwrap_or_default()))))
            }),
        ),
        (
            "indent",
            func(|_, a| {
                let n = usize::try_from(int_arg(a.first())?).unwrap_or(0);
                Ok(Value::string(indent(n, &s(a.get(1)))))
            }),
        ),
        (
            "directory",
            func(|_, a| {
                let p = s(a.first());
                Ok(Value::string(p.rfind('/').map_or(String::new(), |i| p[..=i].to_string())))
            }),
        ),
        ("contains", func(|_, a| Ok(Value::Bool(s(a.get(1)).contains(&*s(a.first())))))),
        ("toLower", func(|_, a| Ok(Value::string(s(a.first()).to_lowercase())))),
        ("appendMultusNetwork", func(|_, a| Ok(Value::string(append_multus_network(&s(a.first()), &s(a.get(1))))))),
        (
            "env",
            func(|_, a| {
                let v = std::env::var(&*s(a.first())).unwrap_or_default();
                Ok(if v.is_empty() { a.get(1).cloned().unwrap_or_default() } else { Value::string(v) })
            }),
        ),
        (
            "omit",
            func(|_, a| {
                let skip: Vec<String> = a.iter().skip(1).map(|x| s(Some(x)).into_owned()).collect();
                Ok(str_map_value(string_map(a.first()).into_iter().filter(|(k, _)| !skip.contains(k)).collect()))
            }),
        ),
        (
            "strdict",
            func(|_, a| {
                let items: Vec<String> = a.iter().map(|x| s(Some(x)).into_owned()).collect();
                let mut out: Vec<(String, String)> = Vec::new();
                for pair in items.chunks(2) {
                    let k = pair.first().cloned().unwrap_or_default();
                    let v = pair.get(1).cloned().unwrap_or_default();
                    out.retain(|(x, _)| *x != k);
                    out.push((k, v));
                }
                Ok(str_map_value(out))
            }),
        ),
        ("toJsonMap", func(|_, a| Ok(Value::string(go_json_string_map(&merged_maps(a)))))),
        ("mergeMaps", func(|_, a| Ok(if a.is_empty() { Value::Nil } else { str_map_value(merged_maps(a)) }))),
        ("omitNil", func(|_, a| Ok(goview::omit_nil(a.first().unwrap_or(&Value::Nil))))),
        ("otelResourceAttributes", func(|_, a| Ok(Value::string(otel_resource_attributes(a))))),
    ]
}

/// The Kubernetes struct a JSON object most likely is (for Go field order in `structToJSON`).
fn guess_struct(j: &Json) -> &'static str {
    let Some(m) = j.as_object() else { return "" };
    if m.contains_key("containerPort") {
        "ports"
    } else if m.contains_key("image") || m.contains_key("volumeMounts") {
        "container"
    } else if m.contains_key("mountPath") {
        "volumeMounts"
    } else {
        ""
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn go_json_escapes_like_encoding_json() {
        let v = serde_json::json!({"a": "<b>&c\u{2028}d\u{2029}", "plain": "x"});
        assert_eq!(go_json(&v), r#"{"a":"\u003cb\u003e\u0026c\u2028d\u2029","plain":"x"}"#);
    }

    #[test]
    fn exclude_inbound_port_rules() {
        assert_eq!(exclude_inbound_port("15020", ""), "15020");
        assert_eq!(exclude_inbound_port("15020", "4,5,6"), "4,5,6,15020");
        assert_eq!(exclude_inbound_port("0", "4"), "4");
        assert_eq!(exclude_inbound_port("15020", "15020,1"), "15020,1");
        assert_eq!(exclude_inbound_port("15020", "1,,2"), "1,2,15020");
    }

    #[test]
    fn multus_append() {
        assert_eq!(append_multus_network("", "default/istio-cni"), "default/istio-cni");
        assert_eq!(append_multus_network("a, b", "default/istio-cni"), "a, b, default/istio-cni");
        assert_eq!(
            append_multus_network(r#"[{"name": "x"}]"#, "default/istio-cni"),
            r#"[{"name": "x"}, {"name": "istio-cni", "namespace": "default"}]"#
        );
    }

    #[test]
    fn semantic_conventions_read_from_the_mesh_view() {
        let on = serde_json::json!({"extensionProviders": [
            {"name": "a", "zipkin": {"service": "z"}},
            {"name": "b", "opentelemetry": {"serviceAttributeEnrichment": SEMANTIC_CONVENTIONS}},
        ]});
        assert!(semantic_conventions(&goview::view(&on, "")));
        let other = serde_json::json!({"extensionProviders": [
            {"name": "b", "opentelemetry": {"serviceAttributeEnrichment": "ISTIO_CANONICAL"}},
        ]});
        assert!(!semantic_conventions(&goview::view(&other, "")));
        assert!(!semantic_conventions(&goview::view(&serde_json::json!({}), "")));
        // a plain (JSON-named) map is read as is
        assert!(semantic_conventions(&Value::from_json(&on)));
        assert!(!semantic_conventions(&Value::string("x")));
    }

    #[test]
    fn upstream_indent_skips_first_line() {
        assert_eq!(indent(2, "a\nb"), "a\n  b");
    }
}
