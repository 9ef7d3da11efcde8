//! Install, prune and uninstall planning against an in-memory cluster.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use serde_json::{Value, json};

use super::labels::Owner;
use super::labels::{self, COMPONENT_LABEL, VERSION_LABEL};
use super::progress::Event;
use super::prune::uninstall_selection;
use super::*;
use crate::cluster::{ClusterApi, ClusterError, Created, Deleted, Kind, NotReadyObject, ObjectRef};
use crate::render::{ComponentManifests, Object};

/// A cluster kept in memory that records every call.
#[derive(Default)]
struct Fake {
    store: RefCell<BTreeMap<ObjectRef, Value>>,
    calls: RefCell<Vec<String>>,
    never_ready: BTreeSet<String>,
    failing_apply: BTreeSet<String>,
    /// CRDs whose apply answer already says Established (as a real server's often does).
    established_on_apply: BTreeSet<String>,
}

/// Whether `obj` matches a selector of `k=v`, `k` and `k in (a,b)` terms.
fn matches(obj: &Value, selector: &str) -> bool {
    let mut terms = Vec::new();
    let mut depth = 0;
    let mut current = String::new();
    for ch in selector.chars() {
        match ch {
            '(' => depth += 1,
            ')' => depth -= 1,
            ',' if depth == 0 => {
                terms.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(ch);
    }
    terms.push(current);
    terms.iter().filter(|t| !t.is_empty()).all(|term| {
        if let Some((k, set)) = term.split_once(" in ") {
            let set = set.trim_matches(|c| c == '(' || c == ')');
            set.split(',').any(|v| labels::label(obj, k) == v)
        } else if let Some((k, v)) = term.split_once('=') {
            labels::label(obj, k) == v
        } else {
            labels::labels_of(obj).is_some_and(|l| l.contains_key(term.as_str()))
        }
    })
}

impl Fake {
    fn calls(&self, prefix: &str) -> Vec<String> {
        self.calls.borrow().iter().filter(|c| c.starts_with(prefix)).cloned().collect()
    }
    fn insert(&self, obj: Value) {
        let target = ObjectRef::of(&obj).unwrap();
        self.store.borrow_mut().insert(target, obj);
    }
}

impl ClusterApi for Fake {
    async fn apply(&self, obj: &Value) -> Result<Value, ClusterError> {
        let target = ObjectRef::of(obj).unwrap();
        self.calls.borrow_mut().push(format!("apply {target}"));
        if self.failing_apply.contains(&target.name) {
            return Err(ClusterError::Api {
                code: 422,
                reason: "Invalid".into(),
                message: "bad".into(),
                retry_after: None,
            });
        }
        let mut stored = obj.clone();
        if self.established_on_apply.contains(&target.name) {
            stored["spec"] = json!({"group": "g", "names": {"kind": "K", "plural": "k"}, "scope": "Namespaced",
                "versions": []});
            stored["status"] = json!({"conditions": [{"type": "Established", "status": "True"}]});
        }
        self.store.borrow_mut().insert(target, stored.clone());
        Ok(stored)
    }
    async fn create(&self, obj: &Value) -> Result<Created, ClusterError> {
        let target = ObjectRef::of(obj).unwrap();
        self.calls.borrow_mut().push(format!("create {target}"));
        if self.store.borrow().contains_key(&target) {
            return Ok(Created::AlreadyExists);
        }
        self.store.borrow_mut().insert(target, obj.clone());
        Ok(Created::Created)
    }
    async fn replace(&self, obj: &Value) -> Result<Value, ClusterError> {
        let target = ObjectRef::of(obj).unwrap();
        self.calls.borrow_mut().push(format!("replace {target}"));
        self.store.borrow_mut().insert(target, obj.clone());
        Ok(obj.clone())
    }
    async fn get(&self, target: &ObjectRef) -> Result<Option<Value>, ClusterError> {
        self.calls.borrow_mut().push(format!("get {target}"));
        Ok(self.store.borrow().get(target).cloned())
    }
    async fn list(&self, kind: &Kind, selector: &str) -> Result<Option<Vec<Value>>, ClusterError> {
        self.calls.borrow_mut().push(format!("list {} {selector}", kind.kind));
        Ok(Some(
            self.store
                .borrow()
                .iter()
                .filter(|(k, v)| k.kind == *kind && matches(v, selector))
                .map(|(_, v)| v.clone())
                .collect(),
        ))
    }
    async fn delete(&self, target: &ObjectRef) -> Result<Deleted, ClusterError> {
        self.calls.borrow_mut().push(format!("delete {target}"));
        Ok(if self.store.borrow_mut().remove(target).is_some() { Deleted::Deleted } else { Deleted::NotFound })
    }
    async fn wait_ready(
        &self,
        targets: &[ObjectRef],
        timeout: Duration,
        waiting: &dyn Fn(&[ObjectRef]),
    ) -> Result<(), ClusterError> {
        let stuck: Vec<ObjectRef> = targets.iter().filter(|t| self.never_ready.contains(&t.name)).cloned().collect();
        let names: Vec<&str> = targets.iter().map(|t| t.name.as_str()).collect();
        self.calls.borrow_mut().push(format!("wait {}", names.join(",")));
        if stuck.is_empty() {
            return Ok(());
        }
        waiting(&stuck);
        Err(ClusterError::NotReady {
            timeout,
            objects: stuck
                .into_iter()
                .map(|object| NotReadyObject { object, reason: Some("container failed to start: Boom: x".into()) })
                .collect(),
        })
    }
    async fn wait_deleted(&self, targets: &[ObjectRef], _timeout: Duration) -> Result<(), ClusterError> {
        self.calls.borrow_mut().push(format!("wait-deleted {}", targets.len()));
        Ok(())
    }
}

fn object(api_version: &str, kind: &str, ns: Option<&str>, name: &str) -> Value {
    let mut v = json!({"apiVersion": api_version, "kind": kind, "metadata": {"name": name}});
    if let Some(ns) = ns {
        v["metadata"]["namespace"] = json!(ns);
    }
    v
}

fn component(component: ComponentName, objects: Vec<Value>) -> ComponentManifests {
    ComponentManifests { component, objects: objects.into_iter().map(|value| Object { value, component }).collect() }
}

const NS: Option<&str> = Some("istio-system");

fn rendered(with_ingress: bool) -> Vec<ComponentManifests> {
    let mut out = vec![
        component(
            ComponentName::Base,
            vec![
                object("v1", "ServiceAccount", NS, "istio-reader-service-account"),
                object("apiextensions.k8s.io/v1", "CustomResourceDefinition", None, "gateways.networking.istio.io"),
            ],
        ),
        component(
            ComponentName::Pilot,
            vec![
                object("v1", "ConfigMap", NS, "istio"),
                object("apps/v1", "Deployment", NS, "istiod"),
                object("rbac.authorization.k8s.io/v1", "ClusterRole", None, "istiod-clusterrole-istio-system"),
            ],
        ),
    ];
    if with_ingress {
        out.push(component(
            ComponentName::IngressGateways,
            vec![
                object("apps/v1", "Deployment", NS, "istio-ingressgateway"),
                object("v1", "Service", NS, "istio-ingressgateway"),
            ],
        ));
    }
    out
}

fn iop() -> Value {
    json!({"metadata": {"namespace": "istio-system"}, "spec": {"values": {}}})
}

/// A renderer with no charts: the tag objects are skipped.
fn no_render(_: &[String]) -> Result<Vec<Value>, String> {
    Err("no charts".to_string())
}

/// Runs an install and returns its result and the events.
fn run_install(
    fake: &Fake,
    components: &[ComponentManifests],
    dry_run: bool,
) -> (Result<(), InstallError>, Vec<Event>) {
    let events = RefCell::new(Vec::new());
    let settings = InstallSettings { dry_run, ..Default::default() };
    let sink = |e: Event| events.borrow_mut().push(e);
    let result = futures::executor::block_on(install(fake, components, &iop(), &settings, &sink, &no_render));
    (result, events.into_inner())
}

#[test]
fn install_labels_orders_and_reports() {
    let fake = Fake::default();
    let (result, events) = run_install(&fake, &rendered(true), false);
    result.unwrap();
    let applies = fake.calls("apply");
    let pos = |s: &str| applies.iter().position(|a| a.ends_with(s)).unwrap();
    assert!(pos("gateways.networking.istio.io") < pos("istio-reader-service-account"), "CRDs first");
    assert!(pos("istio-reader-service-account") < pos("/istiod"), "Base before Pilot");
    assert!(pos("/istiod") < pos("Deployment/istio-system/istio-ingressgateway"), "Pilot before gateways");
    assert_eq!(fake.calls("create"), ["create Namespace//istio-system"]);
    let store = fake.store.borrow();
    let istiod = store.values().find(|v| labels::label(v, "app").is_empty() && v["metadata"]["name"] == "istiod");
    let istiod = istiod.unwrap();
    assert_eq!(labels::label(istiod, COMPONENT_LABEL), "Pilot");
    assert_eq!(labels::label(istiod, labels::MANAGED_LABEL), "Reconcile");
    assert_eq!(labels::label(istiod, labels::REVISION_LABEL), "default");
    assert_eq!(labels::label(istiod, VERSION_LABEL), crate::version::ISTIO_VERSION);
    let installed: Vec<&Event> = events.iter().filter(|e| matches!(e, Event::ComponentInstalled(_))).collect();
    assert_eq!(installed.len(), 3);
    assert_eq!(events.last(), Some(&Event::InstallComplete));
    assert!(events.contains(&Event::Pruning));
}

#[test]
fn only_what_the_apply_answer_shows_unready_is_waited_for_and_crds_before_their_users() {
    let fake = Fake { established_on_apply: ["gateways.networking.istio.io".to_string()].into(), ..Default::default() };
    let mut components = rendered(false);
    let pending_crd =
        object("apiextensions.k8s.io/v1", "CustomResourceDefinition", None, "sidecars.networking.istio.io");
    components[0].objects.push(Object { value: pending_crd, component: ComponentName::Base });
    run_install(&fake, &components, false).0.unwrap();
    let calls = fake.calls.borrow();
    let waits: Vec<&String> = calls.iter().filter(|c| c.starts_with("wait ")).collect();
    assert!(waits.iter().all(|w| !w.contains("gateways.networking.istio.io")), "established at once: {waits:?}");
    assert!(waits.iter().all(|w| !w.contains("istio-reader-service-account")), "kinds never waited for: {waits:?}");
    let pos = |s: &str| calls.iter().position(|c| c == s).unwrap_or_else(|| panic!("no {s:?} in {calls:?}"));
    assert!(
        pos("wait sidecars.networking.istio.io")
            < pos("apply ServiceAccount/istio-system/istio-reader-service-account"),
        "a CRD not yet established is waited for before the rest of its component: {calls:?}"
    );
    assert!(
        pos("wait istiod") > pos("apply Deployment/istio-system/istiod"),
        "only the Deployment of Pilot: {calls:?}"
    );
}

#[test]
fn rerun_changes_nothing_and_prunes_nothing() {
    let fake = Fake::default();
    run_install(&fake, &rendered(true), false).0.unwrap();
    let before = fake.store.borrow().clone();
    fake.calls.borrow_mut().clear();
    run_install(&fake, &rendered(true), false).0.unwrap();
    assert_eq!(*fake.store.borrow(), before);
    assert!(fake.calls("delete").is_empty());
    assert!(fake.calls("create").is_empty(), "the namespace exists");
}

#[test]
fn disabled_component_is_pruned_but_crds_and_foreign_objects_stay() {
    let fake = Fake::default();
    run_install(&fake, &rendered(true), false).0.unwrap();
    // An object of another istioctl version and one without our labels must survive.
    let mut old = object("v1", "Service", NS, "old-version");
    let mut labels_old = Owner::from_iop(&iop()).labels(Some(ComponentName::IngressGateways));
    labels_old.insert(VERSION_LABEL.to_string(), "1.29.0".to_string());
    labels::set_labels(&mut old, &labels_old);
    fake.insert(old);
    fake.insert(object("v1", "Service", NS, "users"));
    fake.calls.borrow_mut().clear();
    let (result, events) = run_install(&fake, &rendered(false), false);
    result.unwrap();
    let mut deleted = fake.calls("delete");
    deleted.sort();
    assert_eq!(
        deleted,
        ["delete Deployment/istio-system/istio-ingressgateway", "delete Service/istio-system/istio-ingressgateway"]
    );
    assert!(
        events.contains(&Event::Report(
            "  Removed apps/v1, Kind=Deployment/istio-ingressgateway.istio-system.".to_string()
        ))
    );
    assert!(fake.calls("list CustomResourceDefinition").is_empty(), "prune never lists CRDs");
}

#[test]
fn dry_run_sends_no_mutating_request() {
    let fake = Fake::default();
    let (result, events) = run_install(&fake, &rendered(true), true);
    result.unwrap();
    let mutating: Vec<String> = fake
        .calls
        .borrow()
        .iter()
        .filter(|c| ["apply", "create", "replace", "delete"].iter().any(|m| c.starts_with(m)))
        .cloned()
        .collect();
    assert!(mutating.is_empty(), "{mutating:?}");
    assert!(events.contains(&Event::ComponentInstalled(ComponentName::Pilot)));
    assert!(!events.contains(&Event::Pruning));
    assert_eq!(events.last(), Some(&Event::InstallComplete));
}

#[test]
fn a_never_ready_deployment_fails_its_component_and_names_it() {
    let fake = Fake { never_ready: BTreeSet::from(["istiod".to_string()]), ..Default::default() };
    let (result, events) = run_install(&fake, &rendered(true), false);
    let err = result.unwrap_err().to_string();
    assert!(err.contains("failed to wait for resource: resources not ready after 5m0s"), "{err}");
    assert!(err.contains("Deployment/istio-system/istiod (container failed to start: Boom: x)"), "{err}");
    assert!(events.iter().any(|e| matches!(e, Event::ComponentFailed { component: ComponentName::Pilot, .. })));
    // A failed parent still releases its children, as upstream; prune does not run.
    assert!(events.contains(&Event::ComponentInstalled(ComponentName::IngressGateways)));
    assert!(!events.contains(&Event::Pruning));
    assert!(!events.contains(&Event::InstallComplete));
}

#[test]
fn apply_errors_name_the_object_and_several_failures_are_listed() {
    let fake = Fake {
        failing_apply: BTreeSet::from(["istiod".to_string(), "istio-ingressgateway".to_string()]),
        ..Default::default()
    };
    let err = run_install(&fake, &rendered(true), false).0.unwrap_err().to_string();
    assert!(
        err.starts_with("2 errors occurred:\n\t* failed to update resource with server-side apply for obj "),
        "{err}"
    );
    assert!(err.contains("Deployment/istio-system/istiod: bad"), "{err}");
}

#[test]
fn component_plan_puts_crds_then_namespaces_first() {
    let owner = Owner::from_iop(&iop());
    let phases = plan_component(
        ComponentName::Base,
        &[
            object("v1", "ConfigMap", NS, "a"),
            object("v1", "Namespace", None, "n"),
            object("apiextensions.k8s.io/v1", "CustomResourceDefinition", None, "c"),
        ],
        &owner,
    );
    let names: Vec<Vec<&str>> =
        phases.iter().map(|p| p.iter().map(|o| o["metadata"]["name"].as_str().unwrap()).collect()).collect();
    assert_eq!(names, [vec!["c"], vec!["n"], vec!["a"]]);
    assert!(phases.iter().flatten().all(|o| labels::label(o, COMPONENT_LABEL) == "Base"));
}

#[test]
fn purge_removes_everything_installed_and_the_tag_objects_but_no_namespace() {
    let fake = Fake::default();
    run_install(&fake, &rendered(true), false).0.unwrap();
    fake.insert(object(
        "admissionregistration.k8s.io/v1",
        "MutatingWebhookConfiguration",
        None,
        "istio-revision-tag-default",
    ));
    fake.insert(object("apps/v1", "Deployment", Some("default"), "users-app"));
    let selection = uninstall_selection(true, None, "", "", "istio-system");
    let objects = futures::executor::block_on(uninstall::find(&fake, &selection)).unwrap();
    let events = RefCell::new(Vec::new());
    let sink = |e: Event| events.borrow_mut().push(e);
    futures::executor::block_on(uninstall::remove_all(&fake, &objects, false, Duration::from_secs(1), &sink)).unwrap();
    let left: Vec<String> = fake.store.borrow().keys().map(ToString::to_string).collect();
    assert_eq!(left, ["Deployment/default/users-app", "Namespace//istio-system"]);
    assert_eq!(events.borrow().last(), Some(&Event::UninstallComplete));
}

#[test]
fn uninstall_dry_run_deletes_nothing() {
    let fake = Fake::default();
    run_install(&fake, &rendered(true), false).0.unwrap();
    let selection = uninstall_selection(true, None, "", "", "istio-system");
    let objects = futures::executor::block_on(uninstall::find(&fake, &selection)).unwrap();
    let events = RefCell::new(Vec::new());
    let sink = |e: Event| events.borrow_mut().push(e);
    futures::executor::block_on(uninstall::remove_all(&fake, &objects, true, Duration::from_secs(1), &sink)).unwrap();
    assert!(fake.calls("delete").is_empty());
    assert!(events.borrow().iter().any(|e| matches!(e, Event::Report(l) if l.starts_with("Not pruning object"))));
}

#[test]
fn revision_uninstall_keeps_base_and_crds() {
    let fake = Fake::default();
    run_install(&fake, &rendered(true), false).0.unwrap();
    let selection = uninstall_selection(false, Some("default"), "", "istio-system", "istio-system");
    let objects = futures::executor::block_on(uninstall::find(&fake, &selection)).unwrap();
    assert!(!objects.is_empty());
    assert!(
        objects.iter().all(|o| o.name != "istio-reader-service-account" && o.kind.kind != "CustomResourceDefinition")
    );
}

#[test]
fn install_prompt_quotes_the_profile() {
    assert_eq!(
        install_prompt("default"),
        format!(
            "This will install the Istio {} profile \"default\" into the cluster. Proceed? (y/N)",
            crate::version::ISTIO_VERSION
        )
    );
    assert_eq!(multi_error(&["a"]), "a");
    assert_eq!(multi_error(&["a", "b"]), "2 errors occurred:\n\t* a\n\t* b\n");
}

#[test]
fn old_kubernetes_gets_a_notice() {
    let version = |v: &str, minor: &str| crate::helm::KubeVersion {
        version: v.to_string(),
        major: "1".to_string(),
        minor: minor.to_string(),
    };
    assert!(unsupported_kubernetes_notice(&version("v1.35.0", "35")).is_none());
    assert!(unsupported_kubernetes_notice(&version("v1.33.1-gke.1", "33+")).is_none());
    let notice = unsupported_kubernetes_notice(&version("v1.31.2", "31")).unwrap();
    assert!(notice.starts_with("\nThe Kubernetes version v1.31.2 is not supported by Istio"), "{notice}");
    assert!(notice.contains("minimum supported Kubernetes version is 1.32."), "{notice}");
}

#[test]
fn uninstall_precheck_messages() {
    let o = |k: &str, n: &str| ObjectRef::new(Kind::new("apps/v1", k), Some("istio-system"), n);
    let purge = uninstall::precheck(true, false, None, &[]);
    assert_eq!((purge.message.as_str(), purge.confirm, purge.nothing), (uninstall::ALL_RESOURCES_REMOVED, true, false));
    let nothing = uninstall::precheck(false, true, Some("canary"), &[]);
    assert!(nothing.nothing && !nothing.confirm);
    let quiet = uninstall::precheck(false, false, None, &[o("Deployment", "istiod")]);
    assert_eq!((quiet.message.as_str(), quiet.confirm), ("", false));
    let gw = uninstall::precheck(false, true, Some("default"), &[o("Deployment", "istio-ingressgateway")]);
    assert!(gw.confirm);
    assert!(
        gw.message.starts_with(
            "The following resources will be pruned from the cluster: Deployment: istio-ingressgateway. \n"
        )
    );
    assert!(gw.message.contains("Unable to find any proxies pointing to the default control plane."));
    assert!(gw.message.contains("You are about to remove the following gateways: istio-ingressgateway."));
}
