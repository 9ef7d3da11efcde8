//! Application probe rewriting (upstream `app_probe.go`): HTTP/TCP/gRPC probes and lifecycle hooks
//! of application containers are redirected to the sidecar's status port, and the original actions
//! are recorded for the agent in `ISTIO_KUBE_APP_PROBERS`.

use serde_json::{Map, Value, json};

use super::PROXY_CONTAINER;

/// Probe fields with the URL suffix each is served under.
const PROBES: [(&str, &str); 3] =
    [("readinessProbe", "readyz"), ("livenessProbe", "livez"), ("startupProbe", "startupz")];
/// Lifecycle handlers with their URL suffix.
const HOOKS: [(&str, &str); 2] = [("preStop", "prestopz"), ("postStart", "poststartz")];

fn probe_url(container: &str, suffix: &str) -> String {
    format!("/app-health/{container}/{suffix}")
}

fn hook_url(container: &str, suffix: &str) -> String {
    format!("/app-lifecycle/{container}/{suffix}")
}

/// HTTPGetAction in Go field order.
fn http_get_json(h: &Value) -> Value {
    let mut m = Map::new();
    for k in ["path", "port", "host", "scheme", "httpHeaders"] {
        if let Some(v) = h.get(k).filter(|v| !is_empty(v) || k == "port") {
            m.insert(k.into(), v.clone());
        }
    }
    Value::Object(m)
}

fn ordered(h: &Value, keys: &[&str]) -> Value {
    let mut m = Map::new();
    for k in keys {
        if let Some(v) = h.get(*k).filter(|v| !is_empty(v) || *k == "port") {
            m.insert((*k).into(), v.clone());
        }
    }
    Value::Object(m)
}

fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Number(n) => n.as_f64() == Some(0.0),
        _ => false,
    }
}

/// The internal prober for a probe or hook (`None` for exec or empty handlers).
fn to_prober(handler: &Value, with_timeout: bool) -> Option<Value> {
    let mut p = Map::new();
    if let Some(h) = handler.get("httpGet") {
        p.insert("httpGet".into(), http_get_json(h));
    } else if let Some(t) = handler.get("tcpSocket") {
        p.insert("tcpSocket".into(), ordered(t, &["port", "host"]));
    } else if let Some(g) = handler.get("grpc").filter(|_| with_timeout) {
        p.insert("grpc".into(), ordered(g, &["port", "service"]));
    } else {
        return None;
    }
    if with_timeout && let Some(t) = handler.get("timeoutSeconds").filter(|t| !is_empty(t)) {
        p.insert("timeoutSeconds".into(), t.clone());
    }
    Some(Value::Object(p))
}

/// Resolves a named port, drops probes already aimed at `target`.
fn resolve_port(mut p: Value, ports: &Map<String, Value>, target: i64) -> Option<Value> {
    if p.get("grpc").is_some() {
        return Some(p);
    }
    let action = if p.get("httpGet").is_some() { "httpGet" } else { "tcpSocket" };
    let port = p.get(action)?.get("port").cloned().unwrap_or(Value::Null);
    match port {
        Value::String(name) => {
            let n = ports.get(&name)?.clone();
            if let Some(a) = p.get_mut(action).and_then(Value::as_object_mut) {
                a.insert("port".into(), n);
            }
            Some(p)
        }
        Value::Number(n) if n.as_i64() == Some(target) => None,
        _ => Some(p),
    }
}

fn all_containers(spec: &Value) -> Vec<&Value> {
    let mut v: Vec<&Value> = Vec::new();
    for list in ["initContainers", "containers"] {
        if let Some(Value::Array(cs)) = spec.get(list) {
            v.extend(cs.iter());
        }
    }
    v
}

/// `DumpAppProbers`: the JSON for `ISTIO_KUBE_APP_PROBERS` (keys sorted), or `None` if empty.
pub fn dump_app_probers(spec: &Value, target: i64) -> Option<String> {
    let mut out: std::collections::BTreeMap<String, Value> = std::collections::BTreeMap::new();
    for c in all_containers(spec) {
        let name = c.get("name").and_then(Value::as_str).unwrap_or_default();
        if name == PROXY_CONTAINER {
            continue;
        }
        let mut ports = Map::new();
        for p in c.get("ports").and_then(Value::as_array).into_iter().flatten() {
            if let Some(n) = p.get("name").and_then(Value::as_str).filter(|n| !n.is_empty()) {
                ports.insert(n.to_string(), p.get("containerPort").cloned().unwrap_or(json!(0)));
            }
        }
        for (field, suffix) in PROBES {
            if let Some(p) = c.get(field).and_then(|h| to_prober(h, true)).and_then(|p| resolve_port(p, &ports, target))
            {
                out.insert(probe_url(name, suffix), p);
            }
        }
        if let Some(lc) = c.get("lifecycle") {
            for (field, suffix) in HOOKS {
                if let Some(p) =
                    lc.get(field).and_then(|h| to_prober(h, false)).and_then(|p| resolve_port(p, &ports, target))
                {
                    out.insert(hook_url(name, suffix), p);
                }
            }
        }
    }
    if out.is_empty() {
        return None;
    }
    let obj: Map<String, Value> = out.into_iter().collect();
    Some(super::funcs::go_json(&Value::Object(obj)))
}

/// Redirects one handler to `url` on `port`; `None` when it has nothing to redirect.
fn convert(handler: &Value, url: &str, port: i64, grpc: bool) -> Option<Value> {
    let mut h = handler.as_object()?.clone();
    let mut get = if let Some(Value::Object(g)) = h.get("httpGet") {
        g.clone()
    } else if h.contains_key("tcpSocket") || (grpc && h.contains_key("grpc")) {
        h.remove("tcpSocket");
        h.remove("grpc");
        Map::new()
    } else {
        return None;
    };
    get.insert("port".into(), json!(port));
    get.insert("path".into(), json!(url));
    if get.get("scheme").and_then(Value::as_str) == Some("HTTPS") {
        get.insert("scheme".into(), json!("HTTP"));
    }
    h.insert("httpGet".into(), Value::Object(get));
    Some(Value::Object(h))
}

/// `patchRewriteProbe`: rewrites the probes and hooks of every non-proxy container.
pub fn rewrite_probes(spec: &mut Value, status_port: i64) {
    for list in ["containers", "initContainers"] {
        let Some(Value::Array(cs)) = spec.get_mut(list) else { continue };
        for c in cs.iter_mut() {
            let name = c.get("name").and_then(Value::as_str).unwrap_or_default().to_string();
            if name == PROXY_CONTAINER {
                continue;
            }
            let Some(cm) = c.as_object_mut() else { continue };
            for (field, suffix) in PROBES {
                if let Some(new) = cm.get(field).and_then(|p| convert(p, &probe_url(&name, suffix), status_port, true))
                {
                    cm.insert(field.into(), new);
                }
            }
            if let Some(Value::Object(lc)) = cm.get_mut("lifecycle") {
                for (field, suffix) in HOOKS {
                    if let Some(new) =
                        lc.get(field).and_then(|h| convert(h, &hook_url(&name, suffix), status_port, false))
                    {
                        lc.insert(field.into(), new);
                    }
                }
            }
        }
    }
}

/// `mergeOrAppendProbers`: on re-injection, keys already recorded win over new ones.
pub fn merge_or_append(env: &mut Vec<Value>, previously_injected: bool, probers: &str) {
    let name = super::KUBE_APP_PROBERS;
    if previously_injected
        && let Some(slot) = env.iter_mut().find(|e| e.get("name").and_then(Value::as_str) == Some(name))
    {
        let old = slot.get("value").and_then(Value::as_str).unwrap_or_default();
        let (Ok(Value::Object(old)), Ok(Value::Object(mut new))) =
            (serde_json::from_str::<Value>(old), serde_json::from_str::<Value>(probers))
        else {
            return;
        };
        for (k, v) in old {
            new.insert(k, v);
        }
        new.sort_keys();
        *slot = json!({"name": name, "value": super::funcs::go_json(&Value::Object(new))});
        return;
    }
    env.push(json!({"name": name, "value": probers}));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_ports_and_https() {
        let spec = json!({"containers": [{"name": "hello", "ports": [{"name": "http", "containerPort": 80}],
            "livenessProbe": {"httpGet": {"port": "http"}},
            "readinessProbe": {"httpGet": {"port": 3333, "scheme": "HTTPS"}, "timeoutSeconds": 2}}]});
        assert_eq!(
            dump_app_probers(&spec, 15020).unwrap(),
            r#"{"/app-health/hello/livez":{"httpGet":{"port":80}},"/app-health/hello/readyz":{"httpGet":{"port":3333,"scheme":"HTTPS"},"timeoutSeconds":2}}"#
        );
        let mut s = spec.clone();
        rewrite_probes(&mut s, 15020);
        assert_eq!(
            s.pointer("/containers/0/readinessProbe"),
            Some(
                &json!({"httpGet": {"port": 15020, "scheme": "HTTP", "path": "/app-health/hello/readyz"}, "timeoutSeconds": 2})
            )
        );
    }

    #[test]
    fn tcp_hooks_become_http() {
        let mut spec = json!({"containers": [{"name": "c", "lifecycle": {"postStart": {"tcpSocket": {"port": 93}}}}]});
        assert_eq!(
            dump_app_probers(&spec, 15020).unwrap(),
            r#"{"/app-lifecycle/c/poststartz":{"tcpSocket":{"port":93}}}"#
        );
        rewrite_probes(&mut spec, 15020);
        assert_eq!(
            spec.pointer("/containers/0/lifecycle/postStart"),
            Some(&json!({"httpGet": {"port": 15020, "path": "/app-lifecycle/c/poststartz"}}))
        );
    }
}
