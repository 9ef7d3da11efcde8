//! Asking the running control plane what it runs, as upstream's `GetIstioVersions` (control-plane versions
//! from each ready istiod's `/version`) and `GetProxyInfo` (data-plane versions from each istiod's
//! `/debug/syncz`) do: running pods labelled `app=istiod` (and `istio.io/rev` when a revision is given), asked
//! on their monitoring port through a port-forward (see [`super::portforward`] for why).

use std::future::Future;

use k8s_openapi::api::admissionregistration::v1::MutatingWebhookConfiguration;
use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, ListParams};

use super::client::Cluster;
use super::error::ClusterError;
use super::portforward::PortForwardError;
use crate::install::labels::{DEFAULT_REVISION, REVISION_LABEL};
use crate::version::{ProxyInfo, ServerInfo, go_quote, parse_istiod_version, parse_syncz};

/// The label selector of istiod pods.
pub const ISTIOD_SELECTOR: &str = "app=istiod";
/// The pod label that names the control-plane component (`pilot`).
pub const COMPONENT_LABEL: &str = "istio";
/// istiod's monitoring port, unless the pod's [`MONITORING_PORT_ANNOTATION`] says otherwise.
pub const MONITORING_PORT: u16 = 15014;
/// The pod annotation that names the monitoring port.
pub const MONITORING_PORT_ANNOTATION: &str = "prometheus.io/port";
/// istiod's version endpoint on the monitoring port.
pub const VERSION_PATH: &str = "/version";
/// istiod's sync-status endpoint on the monitoring port: one entry per connected proxy.
pub const SYNCZ_PATH: &str = "/debug/syncz";
/// The MutatingWebhookConfiguration of the default revision tag; its `istio.io/rev` label is the default
/// revision.
pub const DEFAULT_TAG_WEBHOOK: &str = "istio-revision-tag-default";
/// The non-empty `istio.io/rev` label of a tag's webhook configuration.
fn tag_revision(webhook: Option<MutatingWebhookConfiguration>) -> Option<String> {
    webhook.and_then(|w| w.metadata.labels?.remove(REVISION_LABEL)).filter(|r| !r.is_empty())
}

/// Only pods in this phase are asked.
const RUNNING: &str = "status.phase=Running";

/// Why the control plane could not be asked (upstream's wording).
#[derive(Debug, thiserror::Error)]
pub enum IstiodError {
    /// Listing the pods failed.
    #[error("unable to retrieve Pods: {0}")]
    ListPods(ClusterError),
    /// No istiod pod is running and ready.
    #[error("no running Istio pods in namespace {}", go_quote(.0))]
    NoReadyIstiod(String),
    /// No istiod pod is running.
    #[error("unable to find any Istiod instances")]
    NoIstiod,
    /// One istiod could not be asked.
    #[error(transparent)]
    PortForward(#[from] PortForwardError),
    /// An istiod's sync status was not the expected JSON.
    #[error("{0}")]
    Syncz(#[from] serde_json::Error),
}

/// The control-plane instances that answered, and what went wrong with the others. Upstream keeps the
/// answers even when some instances fail, and reports both.
#[derive(Debug, Default)]
pub struct MeshVersions {
    /// One entry per instance that answered, in pod-list order.
    pub servers: Vec<ServerInfo>,
    /// Upstream's error entries for instances that could not be asked (two per instance).
    pub failures: Vec<String>,
}

/// The port to ask `pod` on: its monitoring-port annotation when that is a number, else 15014.
pub fn monitoring_port(pod: &Pod) -> u16 {
    pod.metadata
        .annotations
        .as_ref()
        .and_then(|a| a.get(MONITORING_PORT_ANNOTATION))
        .and_then(|p| p.parse().ok())
        .unwrap_or(MONITORING_PORT)
}

/// Upstream's `CheckPodReady`: running, every (init) container ready, and no `Ready` condition that is not
/// `True`.
pub fn pod_ready(pod: &Pod) -> bool {
    let Some(status) = &pod.status else { return false };
    status.phase.as_deref() == Some("Running")
        && status.init_container_statuses.iter().flatten().all(|c| c.ready)
        && status.container_statuses.iter().flatten().all(|c| c.ready)
        && status.conditions.iter().flatten().filter(|c| c.type_ == "Ready").all(|c| c.status == "True")
}

fn label<'a>(pod: &'a Pod, key: &str) -> &'a str {
    pod.metadata.labels.as_ref().and_then(|l| l.get(key)).map(String::as_str).unwrap_or_default()
}

fn name(pod: &Pod) -> &str {
    pod.metadata.name.as_deref().unwrap_or_default()
}

impl Cluster {
    /// One request under the per-request timeout, without retries: these questions are best-effort (a
    /// failure only leaves a part of the report out), and client-go, which upstream asks them with, does not
    /// retry a refused connection either.
    async fn once<T>(&self, request: impl Future<Output = Result<T, kube::Error>>) -> Result<T, ClusterError> {
        tokio::time::timeout(self.timeout, request)
            .await
            .map_err(|_| ClusterError::Timeout(self.timeout))?
            .map_err(ClusterError::from)
    }

    /// The revision the default tag points at (the `istio.io/rev` label of [`DEFAULT_TAG_WEBHOOK`]), else
    /// `default`, as upstream's `RevisionOrDefault`. Best effort: one request, failures mean `default`.
    pub async fn default_revision(&self) -> String {
        let api: Api<MutatingWebhookConfiguration> = Api::all(self.client.clone());
        let found = self.once(api.get_opt(DEFAULT_TAG_WEBHOOK)).await.ok().flatten();
        tag_revision(found).unwrap_or_else(|| DEFAULT_REVISION.to_string())
    }

    /// The revision the default tag points at; `None` without a tag. Unlike [`Cluster::default_revision`],
    /// retried and failing loudly, for callers that must not guess.
    pub async fn default_tag_revision(&self) -> Result<Option<String>, ClusterError> {
        let api: Api<MutatingWebhookConfiguration> = Api::all(self.client.clone());
        let found = self.call(|| async { Ok(api.get_opt(DEFAULT_TAG_WEBHOOK).await?) }).await?;
        Ok(tag_revision(found))
    }

    /// Running istiod pods in `namespace`, of `revision` when given.
    async fn running_istiods(&self, namespace: &str, revision: Option<&str>) -> Result<Vec<Pod>, IstiodError> {
        let selector = match revision {
            Some(rev) => format!("{ISTIOD_SELECTOR},{REVISION_LABEL}={rev}"),
            None => ISTIOD_SELECTOR.to_string(),
        };
        let api: Api<Pod> = Api::namespaced(self.client.clone(), namespace);
        let params = ListParams::default().labels(&selector).fields(RUNNING);
        let list = self.once(api.list(&params)).await.map_err(IstiodError::ListPods)?;
        Ok(list.items)
    }

    /// The versions the ready istiod pods in `namespace` (of `revision`, when given) report.
    pub async fn istio_versions(&self, namespace: &str, revision: Option<&str>) -> Result<MeshVersions, IstiodError> {
        let pods: Vec<Pod> = self.running_istiods(namespace, revision).await?.into_iter().filter(pod_ready).collect();
        if pods.is_empty() {
            return Err(IstiodError::NoReadyIstiod(namespace.to_string()));
        }
        let mut out = MeshVersions::default();
        for pod in &pods {
            match self.pod_http_get(namespace, name(pod), monitoring_port(pod), VERSION_PATH).await {
                Ok(body) => {
                    if let Some(info) = parse_istiod_version(&body) {
                        out.servers.push(ServerInfo {
                            component: label(pod, COMPONENT_LABEL).to_string(),
                            revision: label(pod, REVISION_LABEL).to_string(),
                            info,
                        });
                    }
                }
                Err(e) => {
                    out.failures.push(format!("error port-forwarding into {namespace}.{}: {e}", name(pod)));
                    out.failures.push(e.to_string());
                }
            }
        }
        Ok(out)
    }

    /// The proxies the running istiod pods in `namespace` (of `revision`, when given) know about. Any failing
    /// instance fails the whole question, as upstream's `AllDiscoveryDo`.
    pub async fn proxy_versions(&self, namespace: &str, revision: Option<&str>) -> Result<Vec<ProxyInfo>, IstiodError> {
        let pods = self.running_istiods(namespace, revision).await?;
        if pods.is_empty() {
            return Err(IstiodError::NoIstiod);
        }
        let mut proxies = Vec::new();
        for pod in &pods {
            let body = self.pod_http_get(namespace, name(pod), monitoring_port(pod), SYNCZ_PATH).await?;
            if !body.is_empty() {
                proxies.extend(parse_syncz(&body)?);
            }
        }
        Ok(proxies)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pod(value: serde_json::Value) -> Pod {
        serde_json::from_value(value).unwrap_or_default()
    }

    #[test]
    fn readiness_follows_upstream() {
        let ready = serde_json::json!({"status": {"phase": "Running",
            "containerStatuses": [{"name": "discovery", "ready": true, "image": "", "imageID": "", "restartCount": 0}],
            "conditions": [{"type": "Ready", "status": "True"}]}});
        assert!(pod_ready(&pod(ready.clone())));
        let mut unready = ready.clone();
        unready["status"]["conditions"][0]["status"] = "False".into();
        assert!(!pod_ready(&pod(unready)));
        let mut pending = ready;
        pending["status"]["phase"] = "Pending".into();
        assert!(!pod_ready(&pod(pending)));
        assert!(!pod_ready(&Pod::default()));
    }

    #[test]
    fn monitoring_port_from_the_annotation() {
        assert_eq!(monitoring_port(&Pod::default()), MONITORING_PORT);
        let annotated = pod(serde_json::json!({"metadata": {"annotations": {"prometheus.io/port": "9999"}}}));
        assert_eq!(monitoring_port(&annotated), 9999);
        let bad = pod(serde_json::json!({"metadata": {"annotations": {"prometheus.io/port": "http"}}}));
        assert_eq!(monitoring_port(&bad), MONITORING_PORT);
    }

    #[test]
    fn no_ready_istiod_message_is_upstreams() {
        assert_eq!(
            IstiodError::NoReadyIstiod("istio-system".into()).to_string(),
            r#"no running Istio pods in namespace "istio-system""#
        );
    }
}
