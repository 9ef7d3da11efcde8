//! The install executor: namespace, component tree, prune.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};

use futures::future::{LocalBoxFuture, join_all};
use futures::{FutureExt, StreamExt, TryStreamExt, stream};
use serde_json::{Value, json};

use super::labels::{Owner, set_labels};
use super::progress::Event;
use super::prune::{prune_kinds, prune_selection};
use super::webhooks::{self, Renderer};
use super::{APPLY_CONCURRENCY, InstallError, InstallSettings, ROOT_COMPONENT, dependents};
use crate::cluster::{ClusterApi, ClusterError, Deleted, Kind, ObjectRef, ready};
use crate::render::{ComponentManifests, ComponentName};

/// The label install puts on the system namespace when `values.global.network` is set.
const NETWORK_LABEL: &str = "topology.istio.io/network";

/// Whether an object is a CRD (applied and established before everything else of its component).
fn is_crd(obj: &Value) -> bool {
    Kind::of(obj).is_some_and(|k| k.kind == "CustomResourceDefinition")
}

/// Whether an object is a Namespace (applied before the objects that may live in it).
fn is_namespace(obj: &Value) -> bool {
    Kind::of(obj).is_some_and(|k| k.kind == "Namespace" && k.group().is_empty())
}

/// One component's objects with the owner labels set, in apply phases: CRDs, Namespaces, everything else
/// (empty phases left out). Within a phase, render order is kept.
pub fn plan_component(component: ComponentName, objects: &[Value], owner: &Owner) -> Vec<Vec<Value>> {
    let labels = owner.labels(Some(component));
    let labelled: Vec<Value> = objects
        .iter()
        .map(|o| {
            let mut o = o.clone();
            set_labels(&mut o, &labels);
            o
        })
        .collect();
    let (crds, rest): (Vec<Value>, Vec<Value>) = labelled.into_iter().partition(is_crd);
    let (namespaces, rest): (Vec<Value>, Vec<Value>) = rest.into_iter().partition(is_namespace);
    [crds, namespaces, rest].into_iter().filter(|p| !p.is_empty()).collect()
}

/// One install run.
struct Run<'a, C> {
    cluster: &'a C,
    components: &'a [ComponentManifests],
    owner: Owner,
    settings: &'a InstallSettings,
    events: &'a dyn Fn(Event),
    errors: RefCell<Vec<InstallError>>,
}

impl<'a, C: ClusterApi> Run<'a, C> {
    /// Runs `component`, then every component depending on it, concurrently.
    fn tree(&'a self, component: ComponentName) -> LocalBoxFuture<'a, ()> {
        async move {
            if let Err(err) = self.component(component).await {
                self.errors.borrow_mut().push(err);
            }
            join_all(dependents(component).iter().map(|c| self.tree(*c))).await;
        }
        .boxed_local()
    }

    /// Applies one component's objects and waits for them; reports progress.
    async fn component(&self, component: ComponentName) -> Result<(), InstallError> {
        let objects: Vec<Value> = self
            .components
            .iter()
            .filter(|m| m.component == component)
            .flat_map(|m| m.objects.iter().map(|o| o.value.clone()))
            .collect();
        if objects.is_empty() {
            return Ok(());
        }
        (self.events)(Event::ComponentStarted(component));
        let result = self.apply_and_wait(component, &objects).await;
        match &result {
            Ok(()) => (self.events)(Event::ComponentInstalled(component)),
            Err(err) => (self.events)(Event::ComponentFailed { component, error: err.to_string() }),
        }
        result
    }

    /// Applies the component's phases in order (CRDs are waited for until Established before the next
    /// phase), then waits for what is not ready yet. Objects the apply answer already shows ready (e.g.
    /// CRDs established at once) are not waited for again.
    async fn apply_and_wait(&self, component: ComponentName, objects: &[Value]) -> Result<(), InstallError> {
        if self.settings.dry_run {
            return Ok(());
        }
        let mut unready = Vec::new();
        for phase in plan_component(component, objects, &self.owner) {
            let pending = self.apply_all(&phase).await?;
            if phase.iter().all(is_crd) {
                self.wait(component, &pending).await?;
            } else {
                unready.extend(pending);
            }
        }
        self.wait(component, &unready).await
    }

    /// Applies objects concurrently and returns those the server does not report ready yet, in render order;
    /// the first failure stops the component.
    async fn apply_all(&self, objects: &[Value]) -> Result<Vec<ObjectRef>, InstallError> {
        let applied: Vec<Option<ObjectRef>> = stream::iter(objects)
            .map(|obj| async move {
                let object = ObjectRef::of(obj)
                    .ok_or_else(|| ClusterError::InvalidObject("rendered object without kind or name".into()))?;
                match self.cluster.apply(obj).await {
                    Ok(stored) => Ok((!ready::stored_ready(&stored)).then_some(object)),
                    Err(source) => Err(InstallError::Apply { object, source }),
                }
            })
            .buffered(APPLY_CONCURRENCY)
            .try_collect()
            .await?;
        Ok(applied.into_iter().flatten().collect())
    }

    /// Waits for objects to become ready, reporting what is still awaited.
    async fn wait(&self, component: ComponentName, targets: &[ObjectRef]) -> Result<(), InstallError> {
        let report = |remaining: &[ObjectRef]| {
            let resources = remaining.iter().map(ObjectRef::wait_id).collect();
            (self.events)(Event::Waiting { component, resources });
        };
        self.cluster.wait_ready(targets, self.settings.readiness_timeout, &report).await.map_err(InstallError::Wait)
    }
}

/// The IstioOperator's namespace (`metadata.namespace`, default `istio-system`) to create, if it is missing.
async fn missing_namespace<C: ClusterApi>(cluster: &C, iop: &Value) -> Result<Option<Value>, InstallError> {
    let namespace = iop
        .pointer("/metadata/namespace")
        .and_then(Value::as_str)
        .filter(|n| !n.is_empty())
        .unwrap_or(crate::cluster::ISTIO_SYSTEM_NAMESPACE)
        .to_string();
    let target = ObjectRef::new(Kind::new("v1", "Namespace"), None, &namespace);
    let existing = cluster
        .get(&target)
        .await
        .map_err(|source| InstallError::CheckNamespace { namespace: namespace.clone(), source })?;
    if existing.is_some() {
        return Ok(None);
    }
    let mut ns = json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": namespace}});
    let network = iop.pointer("/spec/values/global/network").and_then(Value::as_str).unwrap_or_default();
    if !network.is_empty() {
        ns["metadata"]["labels"] = json!({ NETWORK_LABEL: network });
    }
    Ok(Some(ns))
}

/// Creates a namespace [`missing_namespace`] found missing.
async fn create_namespace<C: ClusterApi>(cluster: &C, ns: &Value) -> Result<(), InstallError> {
    let namespace = crate::cluster::str_at(ns, "/metadata/name").to_string();
    cluster.create(ns).await.map(drop).map_err(|source| InstallError::CreateNamespace { namespace, source })
}

/// Lists the objects of each kind that match `selector` ([`ClusterApi::list`]), every kind at once (listing
/// only reads), answers in the order of `kinds`, so that deletions can keep that order.
pub(crate) async fn list_kinds<C: ClusterApi>(
    cluster: &C,
    kinds: &[Kind],
    selector: &str,
) -> Vec<Result<Option<Vec<Value>>, ClusterError>> {
    stream::iter(kinds).map(|kind| cluster.list(kind, selector)).buffered(APPLY_CONCURRENCY).collect().await
}

/// Deletes one object and reports it as upstream does (stdout lines).
pub(crate) async fn remove<C: ClusterApi>(
    cluster: &C,
    target: &ObjectRef,
    dry_run: bool,
    events: &dyn Fn(Event),
) -> Result<Deleted, ClusterError> {
    let id = target.removal_id();
    if dry_run {
        events(Event::Report(format!("Not pruning object {id} because of dry run.")));
        return Ok(Deleted::NotFound);
    }
    let outcome = cluster.delete(target).await?;
    events(Event::Report(match outcome {
        Deleted::Deleted => format!("  Removed {id}."),
        Deleted::NotFound => format!("object: {id} is not being deleted because it no longer exists"),
    }));
    Ok(outcome)
}

/// Removes objects of an earlier install that were not rendered this time, then waits until they are gone.
async fn prune<C: ClusterApi>(
    cluster: &C,
    components: &[ComponentManifests],
    owner: &Owner,
    settings: &InstallSettings,
    events: &dyn Fn(Event),
) -> Result<(), InstallError> {
    let mut rendered: BTreeMap<ComponentName, BTreeSet<String>> = BTreeMap::new();
    for m in components {
        let keys = rendered.entry(m.component).or_default();
        keys.extend(m.objects.iter().filter_map(|o| ObjectRef::of(&o.value)).map(|r| r.hash()));
    }
    let selector = owner.prune_selector();
    let mut errors = Vec::new();
    let mut removed = Vec::new();
    for listed in list_kinds(cluster, &prune_kinds(), &selector).await {
        let Some(listed) = listed? else { continue };
        for target in prune_selection(&listed, &rendered, owner) {
            match remove(cluster, &target, false, events).await {
                Ok(Deleted::Deleted) => removed.push(target),
                Ok(Deleted::NotFound) => {}
                Err(e) => errors.push(e),
            }
        }
    }
    if !errors.is_empty() {
        return Err(InstallError::Prune(errors));
    }
    cluster.wait_deleted(&removed, settings.readiness_timeout).await.map_err(|e| InstallError::Prune(vec![e]))
}

/// Installs rendered components: namespace, component tree, prune, completion. `iop` is the merged
/// IstioOperator (owner labels, namespace, network). Under `dry_run` no mutating request is sent and nothing
/// is waited for; the progress is reported all the same. `render` renders the default revision tag objects
/// (see [`webhooks`]).
pub async fn install<C: ClusterApi>(
    cluster: &C,
    components: &[ComponentManifests],
    iop: &Value,
    settings: &InstallSettings,
    events: &dyn Fn(Event),
    render: Renderer<'_>,
) -> Result<(), InstallError> {
    let pilot: Vec<Value> = components
        .iter()
        .filter(|m| m.component == ComponentName::Pilot)
        .flat_map(|m| m.objects.iter().map(|o| o.value.clone()))
        .collect();
    // The namespace lookup and the webhook check only read: both at once; the namespace is created once
    // the check passed.
    let (missing, checked) = futures::join!(
        async { if settings.dry_run { Ok(None) } else { missing_namespace(cluster, iop).await } },
        webhooks::check(cluster, iop, &pilot)
    );
    let missing = missing?;
    match checked {
        Ok(Some(notice)) => events(Event::Report(notice)),
        Ok(None) => {}
        Err(err) if settings.force => {
            events(Event::Warning(format!("invalid webhook configs; continuing because of --force: {err}")))
        }
        Err(err) => return Err(err),
    }
    if let Some(ns) = &missing {
        create_namespace(cluster, ns).await?;
    }
    let run =
        Run { cluster, components, owner: Owner::from_iop(iop), settings, events, errors: RefCell::new(Vec::new()) };
    run.tree(ROOT_COMPONENT).await;
    let errors = run.errors.into_inner();
    if !errors.is_empty() {
        return Err(InstallError::Components(errors));
    }
    if !settings.dry_run {
        events(Event::Pruning);
        prune(cluster, components, &run.owner, settings, events).await?;
    }
    events(Event::InstallComplete);
    webhooks::deploy(cluster, iop, &run.owner, settings.dry_run, render).await
}
