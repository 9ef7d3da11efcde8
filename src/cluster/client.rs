//! [`Cluster`]: the [`ClusterApi`] over a real API server, through `kube`.

use std::collections::HashMap;
use std::future::Future;
use std::sync::Mutex;
use std::time::Duration;

use futures::StreamExt;
use futures::stream::FuturesUnordered;
use k8s_openapi::api::apps::v1::{DaemonSet, Deployment, StatefulSet};
use k8s_openapi::api::core::v1::{Event, Namespace, Pod};
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use kube::api::{Api, DeleteParams, DynamicObject, ListParams, Patch, PatchParams, PostParams};
use kube::config::{KubeConfigOptions, Kubeconfig};
use kube::core::discovery::v2::APIGroupDiscovery;
use kube::core::{ApiResource, GroupVersionKind, TypeMeta};
use kube::discovery::Scope;
use kube::runtime::wait::await_condition;
use serde_json::Value;

use super::error::{ClusterError, NotReadyObject};
use super::object::{Kind, ObjectRef};
use super::ready;
use super::retry::{Backoff, with_retry};
use super::{ClusterApi, Created, Deleted, FIELD_MANAGER, KubeOptions};

/// How many warning events a not-ready report quotes per object.
const WARNING_EVENTS_QUOTED: usize = 3;

/// How often a wait reports the objects it still waits for (upstream polls this often).
const WAIT_REPORT_INTERVAL: Duration = Duration::from_secs(2);

/// A kind as discovery resolved it.
#[derive(Clone)]
struct Resolved {
    resource: ApiResource,
    namespaced: bool,
}

/// A connection to one cluster (one kubeconfig context).
pub struct Cluster {
    pub(super) client: kube::Client,
    pub(super) timeout: Duration,
    backoff: Backoff,
    kinds: Mutex<HashMap<Kind, Resolved>>,
    /// Whether the one aggregated discovery of every served kind has run (held while it runs, so that
    /// concurrent first lookups wait for it instead of each asking the server).
    discovered: futures::lock::Mutex<bool>,
}

impl Cluster {
    /// Connects as the kube flags say: `--kubeconfig` (else `$KUBECONFIG`, else `~/.kube/config`), `--context`,
    /// impersonation, `--namespace` and the per-request `--kubeclient-timeout`. No request is sent yet.
    pub async fn connect(options: &KubeOptions) -> Result<Self, ClusterError> {
        let kc_options = KubeConfigOptions { context: options.context.clone(), cluster: None, user: None };
        let loaded = match &options.kubeconfig {
            Some(path) => {
                let kubeconfig = Kubeconfig::read_from(path).map_err(|e| ClusterError::Config(e.to_string()))?;
                kube::Config::from_custom_kubeconfig(kubeconfig, &kc_options).await
            }
            None => kube::Config::from_kubeconfig(&kc_options).await,
        };
        let mut config = loaded.map_err(|e| ClusterError::Config(e.to_string()))?;
        if let Some(ns) = options.namespace.as_deref().filter(|n| !n.is_empty()) {
            config.default_namespace = ns.to_string();
        }
        if options.impersonate.is_some() {
            config.auth_info.impersonate = options.impersonate.clone();
        }
        if options.impersonate_uid.is_some() {
            config.auth_info.impersonate_uid = options.impersonate_uid.clone();
        }
        if !options.impersonate_groups.is_empty() {
            config.auth_info.impersonate_groups = Some(options.impersonate_groups.clone());
        }
        // One retry policy for every request, ours (see `retry`): kube's own layer would add an uncapped one.
        config.default_retry = false;
        let client = kube::Client::try_from(config).map_err(ClusterError::from)?;
        Ok(Self {
            client,
            timeout: options.timeout,
            backoff: Backoff::default(),
            kinds: Mutex::new(HashMap::new()),
            discovered: futures::lock::Mutex::new(false),
        })
    }

    /// The server's version (`/version`), as the charts see it (`.Capabilities.KubeVersion`).
    pub async fn server_version(&self) -> Result<crate::helm::KubeVersion, ClusterError> {
        let info = self.call(|| async { Ok(self.client.apiserver_version().await?) }).await?;
        Ok(crate::helm::KubeVersion { version: info.git_version, major: info.major, minor: info.minor })
    }

    /// Runs one request under the per-request timeout, retrying transient failures.
    pub(super) async fn call<T, F, Fut>(&self, mut op: F) -> Result<T, ClusterError>
    where
        F: FnMut() -> Fut,
        Fut: Future<Output = Result<T, ClusterError>>,
    {
        let timeout = self.timeout;
        with_retry(self.backoff, || {
            let fut = op();
            async move { tokio::time::timeout(timeout, fut).await.unwrap_or(Err(ClusterError::Timeout(timeout))) }
        })
        .await
    }

    /// The cached resolution of `kind`, if any.
    fn cached(&self, kind: &Kind) -> Option<Resolved> {
        self.kinds.lock().ok().and_then(|k| k.get(kind).cloned())
    }

    /// Finds how the server serves `kind`: from the cache, which the first lookup fills with every kind the
    /// server serves (aggregated discovery, `/api` and `/apis` in two concurrent requests), else by asking
    /// for the kind's group version (kinds that CRDs added later; servers without aggregated discovery). A
    /// kind not found is asked again next time, since CRDs may have been established meanwhile.
    async fn resolve(&self, kind: &Kind) -> Result<Resolved, ClusterError> {
        if let Some(found) = self.cached(kind) {
            return Ok(found);
        }
        self.discover_all().await;
        if let Some(found) = self.cached(kind) {
            return Ok(found);
        }
        let gvk = GroupVersionKind::gvk(kind.group(), kind.version(), &kind.kind);
        let found = self
            .call(|| async {
                match kube::discovery::pinned_kind(&self.client, &gvk).await {
                    Ok(found) => Ok(Some(found)),
                    Err(kube::Error::Discovery(_)) => Ok(None),
                    Err(kube::Error::Api(s)) if s.code == 404 => Ok(None),
                    Err(e) => Err(ClusterError::from(e)),
                }
            })
            .await?;
        let (resource, caps) = found.ok_or_else(|| ClusterError::UnknownKind(kind.clone()))?;
        let resolved = Resolved { resource, namespaced: caps.scope == Scope::Namespaced };
        if let Ok(mut kinds) = self.kinds.lock() {
            kinds.insert(kind.clone(), resolved.clone());
        }
        Ok(resolved)
    }

    /// Fills the kind cache from aggregated discovery, once per connection. Best effort: a server that
    /// does not answer it (older than 1.26, or a failing request) leaves the cache as it was, and kinds are
    /// then looked up one group version at a time.
    async fn discover_all(&self) {
        let mut done = self.discovered.lock().await;
        if *done {
            return;
        }
        *done = true;
        let timeout = self.timeout;
        let (apis, core) = futures::join!(
            tokio::time::timeout(timeout, self.client.list_api_groups_aggregated()),
            tokio::time::timeout(timeout, self.client.list_core_api_versions_aggregated()),
        );
        let found: Vec<(Kind, Resolved)> = [apis, core]
            .into_iter()
            .filter_map(|r| r.ok()?.ok())
            .flat_map(|list| aggregated_kinds(list.items))
            .collect();
        tracing::debug!(kinds = found.len(), "aggregated discovery");
        if let Ok(mut kinds) = self.kinds.lock() {
            kinds.extend(found);
        }
    }

    /// The dynamic API for one object (its namespace, or the context's when a namespaced object has none).
    async fn api_for(&self, target: &ObjectRef) -> Result<Api<DynamicObject>, ClusterError> {
        let resolved = self.resolve(&target.kind).await?;
        Ok(if resolved.namespaced {
            let ns = target.namespace.as_deref().unwrap_or(self.client.default_namespace());
            Api::namespaced_with(self.client.clone(), ns, &resolved.resource)
        } else {
            Api::all_with(self.client.clone(), &resolved.resource)
        })
    }

    /// Why one object is not ready, as far as the cluster tells: pod states and recent warning events.
    async fn diagnose(&self, target: &ObjectRef) -> Option<String> {
        let ns = target.namespace_str();
        let (failure, pod_names) = match target.kind.kind.as_str() {
            "Deployment" | "DaemonSet" | "StatefulSet" => {
                let obj = self.get(target).await.ok().flatten();
                let selector = obj.as_ref().map(match_labels_selector).unwrap_or_default();
                let pods: Api<Pod> = Api::namespaced(self.client.clone(), ns);
                match self.call(|| async { Ok(pods.list(&ListParams::default().labels(&selector)).await?) }).await {
                    Ok(list) => (
                        ready::pod_failure_reason(&list.items),
                        list.items.iter().filter_map(|p| p.metadata.name.clone()).collect::<Vec<_>>(),
                    ),
                    Err(e) => (Some(format!("failed to fetch pods: {e}")), Vec::new()),
                }
            }
            "CustomResourceDefinition" => (Some("condition Established is not True".to_string()), Vec::new()),
            "Namespace" => (Some("namespace is not Active".to_string()), Vec::new()),
            _ => (None, Vec::new()),
        };
        let events = if ns.is_empty() {
            Vec::new()
        } else {
            let api: Api<Event> = Api::namespaced(self.client.clone(), ns);
            let list = self.call(|| async { Ok(api.list(&ListParams::default()).await?) }).await;
            let related: Vec<Event> = list
                .map(|l| l.items)
                .unwrap_or_default()
                .into_iter()
                .filter(|e| {
                    let name = e.involved_object.name.as_deref().unwrap_or_default();
                    name == target.name || pod_names.iter().any(|p| p == name)
                })
                .collect();
            ready::warning_events(&related, WARNING_EVENTS_QUOTED)
        };
        ready::describe(failure, &events)
    }

    /// Waits, without end, until one object is ready; a failing watch is re-established after a backoff.
    async fn await_ready(&self, target: &ObjectRef) {
        let c = &self.client;
        let (name, ns) = (target.name.as_str(), target.namespace_str());
        let mut retry = 0;
        loop {
            let outcome = match target.kind.kind.as_str() {
                "CustomResourceDefinition" => {
                    let api: Api<CustomResourceDefinition> = Api::all(c.clone());
                    await_condition(api, name, |o: Option<&CustomResourceDefinition>| o.is_some_and(ready::crd_ready))
                        .await
                        .map(drop)
                }
                "Namespace" => {
                    let api: Api<Namespace> = Api::all(c.clone());
                    await_condition(api, name, |o: Option<&Namespace>| o.is_some_and(ready::namespace_ready))
                        .await
                        .map(drop)
                }
                "Deployment" => {
                    let api: Api<Deployment> = Api::namespaced(c.clone(), ns);
                    await_condition(api, name, |o: Option<&Deployment>| o.is_some_and(ready::deployment_ready))
                        .await
                        .map(drop)
                }
                "DaemonSet" => {
                    let api: Api<DaemonSet> = Api::namespaced(c.clone(), ns);
                    await_condition(api, name, |o: Option<&DaemonSet>| o.is_some_and(ready::daemonset_ready))
                        .await
                        .map(drop)
                }
                "StatefulSet" => {
                    let api: Api<StatefulSet> = Api::namespaced(c.clone(), ns);
                    await_condition(api, name, |o: Option<&StatefulSet>| o.is_some_and(ready::statefulset_ready))
                        .await
                        .map(drop)
                }
                _ => return,
            };
            match outcome {
                Ok(()) => return,
                Err(err) => {
                    tracing::debug!(%err, object = %target, "readiness watch failed; watching again");
                    tokio::time::sleep(self.backoff.delay(retry, None)).await;
                    retry = retry.saturating_add(1);
                }
            }
        }
    }

    /// Waits, without end, until one object is gone.
    async fn await_gone(&self, target: &ObjectRef) -> Result<(), ClusterError> {
        let api = match self.api_for(target).await {
            Ok(api) => api,
            Err(ClusterError::UnknownKind(_)) => return Ok(()),
            Err(e) => return Err(e),
        };
        let mut retry = 0;
        loop {
            match await_condition(api.clone(), &target.name, |o: Option<&DynamicObject>| o.is_none()).await {
                Ok(_) => return Ok(()),
                Err(err) => {
                    tracing::debug!(%err, object = %target, "deletion watch failed; watching again");
                    tokio::time::sleep(self.backoff.delay(retry, None)).await;
                    retry = retry.saturating_add(1);
                }
            }
        }
    }
}

/// The kinds (top-level resources, not subresources) an aggregated discovery answer lists.
fn aggregated_kinds(groups: Vec<APIGroupDiscovery>) -> Vec<(Kind, Resolved)> {
    let mut out = Vec::new();
    for group in groups {
        let name = group.metadata.and_then(|m| m.name).unwrap_or_default();
        for version in group.versions {
            let Some(v) = version.version else { continue };
            let api_version = if name.is_empty() { v.clone() } else { format!("{name}/{v}") };
            for res in version.resources {
                let (Some(plural), Some(kind)) = (res.resource, res.response_kind.and_then(|k| k.kind)) else {
                    continue;
                };
                let resource = ApiResource {
                    group: name.clone(),
                    version: v.clone(),
                    api_version: api_version.clone(),
                    kind: kind.clone(),
                    plural,
                };
                let resolved = Resolved { resource, namespaced: res.scope.as_deref() == Some("Namespaced") };
                out.push((Kind::new(&api_version, &kind), resolved));
            }
        }
    }
    out
}

/// The label selector (`k=v,...`) of a workload's `spec.selector.matchLabels`.
fn match_labels_selector(obj: &Value) -> String {
    obj.pointer("/spec/selector/matchLabels")
        .and_then(Value::as_object)
        .map(|m| m.iter().map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or_default())).collect::<Vec<_>>().join(","))
        .unwrap_or_default()
}

/// A stored object as JSON, with `apiVersion` and `kind` (list items come without them).
fn to_value(obj: DynamicObject, kind: &Kind) -> Result<Value, ClusterError> {
    let mut obj = obj;
    obj.types = Some(TypeMeta { api_version: kind.api_version.clone(), kind: kind.kind.clone() });
    serde_json::to_value(obj).map_err(|e| ClusterError::InvalidObject(e.to_string()))
}

/// An object to send, as the dynamic client takes it.
fn to_dynamic(obj: &Value) -> Result<(ObjectRef, DynamicObject), ClusterError> {
    let target = ObjectRef::of(obj).ok_or_else(|| ClusterError::InvalidObject("object without kind or name".into()))?;
    let dynamic = serde_json::from_value(obj.clone()).map_err(|e| ClusterError::InvalidObject(e.to_string()))?;
    Ok((target, dynamic))
}

impl ClusterApi for Cluster {
    async fn apply(&self, obj: &Value) -> Result<Value, ClusterError> {
        let (target, _) = to_dynamic(obj)?;
        let api = self.api_for(&target).await?;
        let params = PatchParams::apply(FIELD_MANAGER).force();
        let patch = Patch::Apply(obj);
        let stored = self.call(|| async { Ok(api.patch(&target.name, &params, &patch).await?) }).await?;
        to_value(stored, &target.kind)
    }

    async fn create(&self, obj: &Value) -> Result<Created, ClusterError> {
        let (target, dynamic) = to_dynamic(obj)?;
        let api = self.api_for(&target).await?;
        let outcome = self
            .call(|| async {
                match api.create(&PostParams::default(), &dynamic).await {
                    Ok(_) => Ok(Created::Created),
                    Err(kube::Error::Api(s)) if s.reason == "AlreadyExists" => Ok(Created::AlreadyExists),
                    Err(e) => Err(e.into()),
                }
            })
            .await?;
        Ok(outcome)
    }

    async fn replace(&self, obj: &Value) -> Result<Value, ClusterError> {
        let (target, dynamic) = to_dynamic(obj)?;
        let api = self.api_for(&target).await?;
        let stored =
            self.call(|| async { Ok(api.replace(&target.name, &PostParams::default(), &dynamic).await?) }).await?;
        to_value(stored, &target.kind)
    }

    async fn get(&self, target: &ObjectRef) -> Result<Option<Value>, ClusterError> {
        let api = match self.api_for(target).await {
            Ok(api) => api,
            Err(ClusterError::UnknownKind(_)) => return Ok(None),
            Err(e) => return Err(e),
        };
        let found = self.call(|| async { Ok(api.get_opt(&target.name).await?) }).await?;
        found.map(|o| to_value(o, &target.kind)).transpose()
    }

    async fn list(&self, kind: &Kind, selector: &str) -> Result<Option<Vec<Value>>, ClusterError> {
        let resolved = match self.resolve(kind).await {
            Ok(r) => r,
            Err(ClusterError::UnknownKind(_)) => return Ok(None),
            Err(e) => return Err(e),
        };
        let api: Api<DynamicObject> = Api::all_with(self.client.clone(), &resolved.resource);
        let params = ListParams::default().labels(selector);
        let list = match self.call(|| async { Ok(api.list(&params).await?) }).await {
            Ok(list) => list,
            Err(e) if e.is_not_found() => return Ok(None),
            Err(e) => return Err(e),
        };
        list.items.into_iter().map(|o| to_value(o, kind)).collect::<Result<Vec<_>, _>>().map(Some)
    }

    async fn delete(&self, target: &ObjectRef) -> Result<Deleted, ClusterError> {
        let api = match self.api_for(target).await {
            Ok(api) => api,
            Err(ClusterError::UnknownKind(_)) => return Ok(Deleted::NotFound),
            Err(e) => return Err(e),
        };
        let params = DeleteParams::foreground();
        self.call(|| async {
            match api.delete(&target.name, &params).await {
                Ok(_) => Ok(Deleted::Deleted),
                Err(kube::Error::Api(s)) if s.code == 404 => Ok(Deleted::NotFound),
                Err(e) => Err(e.into()),
            }
        })
        .await
    }

    async fn wait_ready(
        &self,
        targets: &[ObjectRef],
        timeout: Duration,
        waiting: &dyn Fn(&[ObjectRef]),
    ) -> Result<(), ClusterError> {
        let waited: Vec<ObjectRef> = targets.iter().filter(|t| ready::is_waited(&t.kind.kind)).cloned().collect();
        if waited.is_empty() {
            return Ok(());
        }
        let mut remaining = waited.clone();
        let deadline = tokio::time::Instant::now() + timeout;
        let mut pending: FuturesUnordered<_> = waited
            .iter()
            .map(|t| async move {
                self.await_ready(t).await;
                t
            })
            .collect();
        // Report what is still awaited once the first interval has passed and then at most once per interval,
        // like upstream's 2 s poll: objects that become ready at once are never listed.
        let mut next_report = tokio::time::Instant::now() + WAIT_REPORT_INTERVAL;
        let mut reported: Option<Vec<ObjectRef>> = None;
        loop {
            match tokio::time::timeout_at(deadline.min(next_report), pending.next()).await {
                Ok(Some(done)) => {
                    let done = done.clone();
                    remaining.retain(|t| *t != done);
                }
                Ok(None) => return Ok(()),
                Err(_) if tokio::time::Instant::now() >= deadline => break,
                Err(_) => {
                    if reported.as_ref() != Some(&remaining) {
                        waiting(&remaining);
                        reported = Some(remaining.clone());
                    }
                    next_report += WAIT_REPORT_INTERVAL;
                }
            }
        }
        drop(pending);
        let mut objects = Vec::with_capacity(remaining.len());
        for object in remaining {
            let reason = self.diagnose(&object).await;
            objects.push(NotReadyObject { object, reason });
        }
        Err(ClusterError::NotReady { timeout, objects })
    }

    async fn wait_deleted(&self, targets: &[ObjectRef], timeout: Duration) -> Result<(), ClusterError> {
        let mut remaining: Vec<ObjectRef> = targets.to_vec();
        let deadline = tokio::time::Instant::now() + timeout;
        let mut pending: FuturesUnordered<_> =
            targets.iter().map(|t| async move { (t, self.await_gone(t).await) }).collect();
        loop {
            match tokio::time::timeout_at(deadline, pending.next()).await {
                Ok(Some((done, Ok(())))) => remaining.retain(|t| t != done),
                Ok(Some((_, Err(e)))) => return Err(e),
                Ok(None) => return Ok(()),
                Err(_) => return Err(ClusterError::NotDeleted { timeout, objects: remaining }),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kube_emulator::{Config, Emulator};

    /// Connects to `emu`, resolves `kinds` twice, all of each round at once, and returns the resolutions of
    /// the second round with the discovery paths each round asked for.
    fn resolve_twice(emu: &Emulator, kinds: &[Kind]) -> (Vec<Result<Resolved, ClusterError>>, [Vec<String>; 2]) {
        let is_discovery = |p: &str| {
            let depth = p.matches('/').count();
            p == "/api"
                || p == "/apis"
                || (p.starts_with("/api/") && depth == 2)
                || (p.starts_with("/apis/") && depth == 3)
        };
        let paths = || -> Vec<String> {
            let mut p: Vec<String> = emu.requests().into_iter().map(|r| r.path).filter(|p| is_discovery(p)).collect();
            p.sort();
            emu.clear_requests();
            p
        };
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let options = KubeOptions { kubeconfig: Some(emu.kubeconfig_path().to_path_buf()), ..Default::default() };
        let cluster = rt.block_on(Cluster::connect(&options)).unwrap();
        let round = || rt.block_on(futures::future::join_all(kinds.iter().map(|k| cluster.resolve(k))));
        round();
        let first = paths();
        let resolved = round();
        (resolved, [first, paths()])
    }

    fn kinds() -> Vec<Kind> {
        vec![
            Kind::new("v1", "ConfigMap"),
            Kind::new("v1", "Namespace"),
            Kind::new("apps/v1", "Deployment"),
            Kind::new("rbac.authorization.k8s.io/v1", "ClusterRole"),
            Kind::new("rbac.authorization.k8s.io/v1", "ClusterRole"),
            Kind::new("apps/v1", "Deployment"),
        ]
    }

    /// What the resolutions say: plural and scope per kind, or the error.
    fn summary(resolved: &[Result<Resolved, ClusterError>]) -> Vec<String> {
        resolved
            .iter()
            .map(|r| match r {
                Ok(r) => format!("{} {} {}", r.resource.api_version, r.resource.plural, r.namespaced),
                Err(e) => e.to_string(),
            })
            .collect()
    }

    const EXPECTED: [&str; 6] = [
        "v1 configmaps true",
        "v1 namespaces false",
        "apps/v1 deployments true",
        "rbac.authorization.k8s.io/v1 clusterroles false",
        "rbac.authorization.k8s.io/v1 clusterroles false",
        "apps/v1 deployments true",
    ];

    #[test]
    fn concurrent_first_lookups_share_one_aggregated_discovery() {
        let emu = Emulator::start(Config::default()).unwrap();
        let (resolved, [first, second]) = resolve_twice(&emu, &kinds());
        assert_eq!(summary(&resolved), EXPECTED);
        assert_eq!(first, ["/api", "/apis"], "one aggregated discovery, no lookup per group version");
        assert!(second.is_empty(), "cached: {second:?}");
    }

    #[test]
    fn without_aggregated_discovery_kinds_are_looked_up_per_group_version_and_cached() {
        let emu = Emulator::start(Config { aggregated_discovery: false, ..Config::default() }).unwrap();
        let (resolved, [first, second]) = resolve_twice(&emu, &kinds());
        assert_eq!(summary(&resolved), EXPECTED);
        for gv in ["/api/v1", "/apis/apps/v1", "/apis/rbac.authorization.k8s.io/v1"] {
            assert!(first.iter().any(|p| p == gv), "{gv} asked: {first:?}");
        }
        assert!(second.is_empty(), "cached: {second:?}");
    }

    #[test]
    fn a_kind_nobody_serves_is_unknown_and_asked_again() {
        let emu = Emulator::start(Config::default()).unwrap();
        let envoy_filter = Kind::new("networking.istio.io/v1alpha3", "EnvoyFilter");
        let (resolved, [_, second]) = resolve_twice(&emu, std::slice::from_ref(&envoy_filter));
        assert!(matches!(resolved.as_slice(), [Err(ClusterError::UnknownKind(k))] if *k == envoy_filter));
        assert_eq!(second, ["/apis/networking.istio.io/v1alpha3"], "a CRD may have added it meanwhile");
    }
}
