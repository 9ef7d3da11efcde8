//! Which objects prune and uninstall remove: the kinds they look at, the selectors, and the pure choice of
//! objects from what the cluster listed. Upstream: `operator/pkg/uninstall/prune.go`, `install.go` `prune`.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::labels::{self, COMPONENT_LABEL, NOT_PRUNED_LABEL, Owner};
use crate::cluster::istiod::DEFAULT_TAG_WEBHOOK;
use crate::cluster::{Kind, ObjectRef};
use crate::render::ComponentName;

/// Namespaced kinds prune and uninstall remove, in deletion order.
pub const NAMESPACED_KINDS: &[(&str, &str)] = &[
    ("apps/v1", "Deployment"),
    ("apps/v1", "DaemonSet"),
    ("v1", "Service"),
    ("v1", "ConfigMap"),
    ("v1", "Pod"),
    ("v1", "Secret"),
    ("v1", "ServiceAccount"),
    ("rbac.authorization.k8s.io/v1", "RoleBinding"),
    ("rbac.authorization.k8s.io/v1", "Role"),
    ("policy/v1", "PodDisruptionBudget"),
    ("autoscaling/v2", "HorizontalPodAutoscaler"),
    ("networking.istio.io/v1alpha3", "EnvoyFilter"),
];

/// Cluster-scoped kinds prune and uninstall remove, after the namespaced ones. Upstream leaves validating
/// admission policies behind; istioctl-rs removes them too, since they carry the same labels.
pub const CLUSTER_KINDS: &[(&str, &str)] = &[
    ("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration"),
    ("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration"),
    ("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicy"),
    ("admissionregistration.k8s.io/v1", "ValidatingAdmissionPolicyBinding"),
    ("rbac.authorization.k8s.io/v1", "ClusterRole"),
    ("rbac.authorization.k8s.io/v1", "ClusterRoleBinding"),
];

/// Kinds only `uninstall --purge` removes (never prune: CRDs hold user configuration).
pub const PURGE_ONLY_KINDS: &[(&str, &str)] =
    &[("apiextensions.k8s.io/v1", "CustomResourceDefinition"), ("k8s.cni.cncf.io/v1", "NetworkAttachmentDefinition")];

/// Components a revision or file uninstall removes (Base, with the CRDs, stays).
pub const UNINSTALLED_COMPONENTS: &[ComponentName] = &[
    ComponentName::Pilot,
    ComponentName::IngressGateways,
    ComponentName::EgressGateways,
    ComponentName::Cni,
    ComponentName::Ztunnel,
];

/// The default revision tag objects install creates outside any chart: removed by `--purge` by name.
pub const DEFAULT_TAG_OBJECTS: &[(&str, &str, bool, &str)] = &[
    ("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration", false, DEFAULT_TAG_WEBHOOK),
    ("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", false, "istiod-default-validator"),
    ("v1", "Service", true, "istiod-revision-tag-default"),
];

fn kinds<'a>(table: &'a [(&'a str, &'a str)]) -> impl Iterator<Item = Kind> + 'a {
    table.iter().map(|(v, k)| Kind::new(v, k))
}

/// The kinds prune lists, in order.
pub fn prune_kinds() -> Vec<Kind> {
    kinds(NAMESPACED_KINDS).chain(kinds(CLUSTER_KINDS)).collect()
}

/// The kinds uninstall lists, in order.
pub fn uninstall_kinds(purge: bool) -> Vec<Kind> {
    let extra = if purge { PURGE_ONLY_KINDS } else { &[] };
    kinds(NAMESPACED_KINDS).chain(kinds(CLUSTER_KINDS)).chain(kinds(extra)).collect()
}

/// The objects prune removes from what the cluster listed under [`Owner::prune_selector`]: those of a known
/// component whose owner labels all match and whose key was not rendered for that component this time,
/// unless marked not-pruned.
pub fn prune_selection(
    listed: &[Value],
    rendered: &BTreeMap<ComponentName, BTreeSet<String>>,
    owner: &Owner,
) -> Vec<ObjectRef> {
    listed
        .iter()
        .filter(|obj| labels::label(obj, NOT_PRUNED_LABEL) != "true")
        .filter_map(|obj| {
            let component = labels::component_of(obj)?;
            let target = ObjectRef::of(obj)?;
            let keep = rendered.get(&component).is_some_and(|keys| keys.contains(&target.hash()));
            (!keep && labels::has_labels(obj, &owner.labels(Some(component)))).then_some(target)
        })
        .collect()
}

/// What an uninstall selects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UninstallSelection {
    /// The label selector every kind is listed with.
    pub selector: String,
    /// The kinds, in deletion order.
    pub kinds: Vec<Kind>,
    /// Objects removed by name when they exist (with `--purge`: the default tag objects).
    pub by_name: Vec<ObjectRef>,
}

/// The selection of `uninstall`: with `purge`, everything with a component label plus the default tag
/// objects; otherwise the objects of `revision` (when given) and of the IstioOperator's name and namespace,
/// in the non-Base components.
pub fn uninstall_selection(
    purge: bool,
    revision: Option<&str>,
    iop_name: &str,
    iop_namespace: &str,
    istio_namespace: &str,
) -> UninstallSelection {
    if purge {
        let by_name = DEFAULT_TAG_OBJECTS
            .iter()
            .map(|(v, k, namespaced, name)| {
                ObjectRef::new(Kind::new(v, k), namespaced.then_some(istio_namespace), name)
            })
            .collect();
        return UninstallSelection { selector: COMPONENT_LABEL.to_string(), kinds: uninstall_kinds(true), by_name };
    }
    let mut required = BTreeMap::new();
    if let Some(rev) = revision.filter(|r| !r.is_empty()) {
        required.insert(labels::REVISION_LABEL.to_string(), rev.to_string());
    }
    if !iop_name.is_empty() {
        required.insert(labels::OWNING_RESOURCE_LABEL.to_string(), iop_name.to_string());
    }
    if !iop_namespace.is_empty() {
        required.insert(labels::OWNING_NAMESPACE_LABEL.to_string(), iop_namespace.to_string());
    }
    let components: Vec<&str> = UNINSTALLED_COMPONENTS.iter().map(|c| c.as_str()).collect();
    let component_in = format!("{COMPONENT_LABEL} in ({})", components.join(","));
    UninstallSelection {
        selector: labels::selector(&required, &[&component_in]),
        kinds: uninstall_kinds(false),
        by_name: Vec::new(),
    }
}

/// Upstream's uninstall summary: `Kind: a, b. Kind2: c. ` (kinds in first-seen order) and the names of
/// Deployments that look like gateways.
pub fn resource_summary(objects: &[ObjectRef]) -> (String, Vec<String>) {
    let mut by_kind: Vec<(&str, Vec<&str>)> = Vec::new();
    for o in objects {
        match by_kind.iter_mut().find(|(k, _)| *k == o.kind.kind) {
            Some((_, names)) => names.push(&o.name),
            None => by_kind.push((&o.kind.kind, vec![&o.name])),
        }
    }
    let summary = by_kind.iter().map(|(k, names)| format!("{k}: {}. ", names.join(", "))).collect();
    let gateways = objects
        .iter()
        .filter(|o| o.kind.kind == "Deployment" && o.name.contains("gateway"))
        .map(|o| o.name.clone())
        .collect();
    (summary, gateways)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj(kind: &str, name: &str, labels: Value) -> Value {
        json!({"apiVersion": "v1", "kind": kind, "metadata": {"name": name, "namespace": "istio-system",
            "labels": labels}})
    }

    #[test]
    fn prune_removes_only_our_unrendered_objects() {
        let owner = Owner::from_iop(&json!({"metadata": {"namespace": "istio-system"}}));
        let mut ours = serde_json::to_value(owner.labels(Some(ComponentName::IngressGateways))).unwrap();
        let listed = vec![
            obj("Service", "istio-ingressgateway", ours.clone()),
            obj("Service", "kept", ours.clone()),
            obj("Service", "other-version", {
                let mut l = ours.clone();
                l[labels::VERSION_LABEL] = json!("1.29.0");
                l
            }),
            obj("Service", "tag", {
                ours[NOT_PRUNED_LABEL] = json!("true");
                ours.clone()
            }),
            obj("Service", "unknown-component", json!({COMPONENT_LABEL: "Other"})),
        ];
        let mut rendered = BTreeMap::new();
        rendered.insert(ComponentName::IngressGateways, BTreeSet::from(["Service:istio-system:kept".to_string()]));
        let chosen: Vec<String> = prune_selection(&listed, &rendered, &owner).iter().map(|o| o.name.clone()).collect();
        assert_eq!(chosen, ["istio-ingressgateway"]);
    }

    #[test]
    fn prune_never_lists_crds() {
        assert!(prune_kinds().iter().all(|k| k.kind != "CustomResourceDefinition"));
        assert!(uninstall_kinds(true).iter().any(|k| k.kind == "CustomResourceDefinition"));
        assert!(uninstall_kinds(false).iter().all(|k| k.kind != "CustomResourceDefinition"));
    }

    #[test]
    fn uninstall_selectors_follow_upstream() {
        let purge = uninstall_selection(true, Some("canary"), "x", "istio-system", "istio-system");
        assert_eq!(purge.selector, COMPONENT_LABEL);
        assert_eq!(purge.by_name.len(), DEFAULT_TAG_OBJECTS.len());
        let rev = uninstall_selection(false, Some("canary"), "", "istio-system", "istio-system");
        assert_eq!(
            rev.selector,
            "install.operator.istio.io/owning-resource-namespace=istio-system,istio.io/rev=canary,\
             operator.istio.io/component in (Pilot,IngressGateways,EgressGateways,Cni,Ztunnel)"
        );
        assert!(rev.by_name.is_empty());
    }

    #[test]
    fn summary_groups_by_kind_and_finds_gateways() {
        let o = |k: &str, n: &str| ObjectRef::new(Kind::new("apps/v1", k), Some("ns"), n);
        let (summary, gws) =
            resource_summary(&[o("Deployment", "istiod"), o("Deployment", "istio-ingressgateway"), o("Service", "s")]);
        assert_eq!(summary, "Deployment: istiod, istio-ingressgateway. Service: s. ");
        assert_eq!(gws, ["istio-ingressgateway"]);
    }
}
