//! What an istiod pod answers on its monitoring port (reached through port-forward), so that `istioctl
//! version` and install's version check have something to read:
//!
//! - `/version`: istiod's plain form `VERSION-REVISION-STATUS`, where VERSION is the image tag of the pod's
//!   `discovery` container (so a test sets the version through the image, e.g. `istio/pilot:1.29.0`).
//! - `/debug/syncz`: one sync status per running pod with an `istio-proxy` container (or init container) of
//!   the same revision, version from that container's image tag, type `router` for gateways (`proxy router`)
//!   and `sidecar` otherwise. Each proxy is listed by one istiod of its revision only (the first by name), as
//!   a proxy is connected to one istiod.
//!
//! Other pods, and other ports, refuse the connection.

use serde_json::{Value, json};

use crate::store::Store;
use crate::util::{get_path, str_at};

/// The label that marks istiod pods.
const APP_LABEL: (&str, &str) = ("app", "istiod");
/// The revision label of istiod pods and gateways.
const REVISION_LABEL: &str = "istio.io/rev";
/// The annotation injected pods carry, with the revision in its JSON.
const SIDECAR_STATUS: &str = "sidecar.istio.io/status";
/// istiod's monitoring port unless `prometheus.io/port` says otherwise.
const MONITORING_PORT: u16 = 15014;
/// The git revision and build status the emulated istiod reports.
const BUILD: &str = "emulated-Clean";
/// The container istiod runs in, and the proxy container.
const DISCOVERY: &str = "discovery";
const PROXY: &str = "istio-proxy";

/// The tag of an image reference (`docker.io/istio/pilot:1.30.3` → `1.30.3`), `latest` when it has none.
pub(crate) fn image_tag(image: &str) -> &str {
    let image = image.split('@').next().unwrap_or_default();
    let last = image.rsplit('/').next().unwrap_or_default();
    last.split_once(':').map(|(_, tag)| tag).unwrap_or("latest")
}

fn containers(pod: &Value) -> impl Iterator<Item = &Value> {
    ["containers", "initContainers"]
        .into_iter()
        .flat_map(move |list| get_path(pod, &["spec", list]).and_then(Value::as_array).into_iter().flatten())
}

fn is_running(pod: &Value) -> bool {
    str_at(pod, &["status", "phase"]) == "Running"
}

fn is_istiod(pod: &Value) -> bool {
    str_at(pod, &["metadata", "labels", APP_LABEL.0]) == APP_LABEL.1
}

/// The revision a pod belongs to: its `istio.io/rev` label, else its sidecar status annotation's, else
/// `default`.
fn revision(pod: &Value) -> String {
    let label = str_at(pod, &["metadata", "labels", REVISION_LABEL]);
    if !label.is_empty() {
        return label.to_string();
    }
    let status: Option<Value> = serde_json::from_str(str_at(pod, &["metadata", "annotations", SIDECAR_STATUS])).ok();
    status
        .as_ref()
        .map(|s| str_at(s, &["revision"]).to_string())
        .filter(|r| !r.is_empty())
        .unwrap_or_else(|| "default".to_string())
}

fn monitoring_port(pod: &Value) -> u16 {
    str_at(pod, &["metadata", "annotations", "prometheus.io/port"]).parse().unwrap_or(MONITORING_PORT)
}

/// The running pods of the store, in store order.
fn running_pods(store: &Store) -> Vec<&Value> {
    store
        .all()
        .map(|(_, v)| v)
        .filter(|v| v.get("kind").and_then(Value::as_str) == Some("Pod") && is_running(v))
        .collect()
}

fn sync_statuses(store: &Store, istiod: &Value) -> Vec<Value> {
    let rev = revision(istiod);
    let first = running_pods(store)
        .into_iter()
        .find(|p| is_istiod(p) && revision(p) == rev)
        .map(|p| (str_at(p, &["metadata", "namespace"]).to_string(), str_at(p, &["metadata", "name"]).to_string()));
    let me =
        (str_at(istiod, &["metadata", "namespace"]).to_string(), str_at(istiod, &["metadata", "name"]).to_string());
    if first != Some(me) {
        return Vec::new();
    }
    running_pods(store)
        .into_iter()
        .filter(|p| revision(p) == rev)
        .filter_map(|p| {
            let proxy = containers(p).find(|c| str_at(c, &["name"]) == PROXY)?;
            let args: Vec<&str> = get_path(proxy, &["args"])
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            let kind =
                if args.first() == Some(&"proxy") && args.get(1) == Some(&"router") { "router" } else { "sidecar" };
            Some(json!({
                "cluster_id": "Kubernetes",
                "proxy": format!("{}.{}", str_at(p, &["metadata", "name"]), str_at(p, &["metadata", "namespace"])),
                "proxy_type": kind,
                "istio_version": image_tag(str_at(proxy, &["image"])),
            }))
        })
        .collect()
}

/// The answer of `pod` to `GET path` on `port`: status, content type and body, or why the connection was
/// refused.
pub(crate) fn answer(store: &Store, pod: &Value, port: u16, path: &str) -> Result<(u16, &'static str, String), String> {
    if !is_istiod(pod) || port != monitoring_port(pod) || !is_running(pod) {
        return Err(format!(
            "error forwarding port {port} to pod {}: failed to connect to localhost:{port} inside the pod: connection refused",
            str_at(pod, &["metadata", "name"])
        ));
    }
    Ok(match path {
        "/version" => {
            let discovery =
                containers(pod).find(|c| str_at(c, &["name"]) == DISCOVERY).or_else(|| containers(pod).next());
            let tag = image_tag(discovery.map(|c| str_at(c, &["image"])).unwrap_or_default());
            (200, "text/plain; charset=utf-8", format!("{tag}-{BUILD}"))
        }
        "/debug/syncz" => (200, "application/json", Value::Array(sync_statuses(store, pod)).to_string()),
        _ => (404, "text/plain; charset=utf-8", "404 page not found\n".to_string()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_tags() {
        assert_eq!(image_tag("docker.io/istio/pilot:1.30.3"), "1.30.3");
        assert_eq!(image_tag("localhost:5000/pilot"), "latest");
        assert_eq!(image_tag("gcr.io/istio/pilot:1.29.0@sha256:abc"), "1.29.0");
    }

    #[test]
    fn revisions_of_pods() {
        assert_eq!(revision(&json!({"metadata": {"labels": {"istio.io/rev": "canary"}}})), "canary");
        let injected = json!({"metadata": {"annotations": {"sidecar.istio.io/status": "{\"revision\":\"blue\"}"}}});
        assert_eq!(revision(&injected), "blue");
        assert_eq!(revision(&json!({})), "default");
    }
}
