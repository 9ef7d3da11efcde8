//! The resource types the emulator serves: a table of built-in kinds plus whatever the stored
//! CustomResourceDefinitions declare.

use crate::util::{get_path, str_at};
use serde_json::{Value, json};

/// What a resource type supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbs {
    /// get, list, watch, create, update, patch, delete, deletecollection.
    All,
    /// Create only, answered at once (SelfSubjectAccessReview and friends).
    Review,
}

impl Verbs {
    /// The verb names discovery reports.
    pub fn names(self) -> &'static [&'static str] {
        match self {
            Verbs::All => &["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
            Verbs::Review => &["create"],
        }
    }
}

/// One served resource type at one group/version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResourceInfo {
    /// API group, `""` for the core group.
    pub group: String,
    pub version: String,
    pub kind: String,
    /// Lowercase plural, the URL segment (`deployments`).
    pub plural: String,
    pub singular: String,
    pub namespaced: bool,
    pub short_names: Vec<String>,
    pub categories: Vec<String>,
    pub verbs: Verbs,
    /// Whether `/status` is a subresource; then writes to the main resource keep the stored status.
    pub status_subresource: bool,
}

impl ResourceInfo {
    /// `apps/v1` or `v1`.
    pub fn api_version(&self) -> String {
        if self.group.is_empty() { self.version.clone() } else { format!("{}/{}", self.group, self.version) }
    }

    /// `deployments.apps` or `configmaps`, as Kubernetes names a resource in messages.
    pub fn group_resource(&self) -> String {
        if self.group.is_empty() { self.plural.clone() } else { format!("{}.{}", self.plural, self.group) }
    }

    /// Whether this is one of the workload kinds the readiness timer drives.
    pub fn is_workload(&self) -> bool {
        self.group == "apps" && WORKLOAD_PLURALS.contains(&self.plural.as_str())
    }
}

/// Workload plurals in group `apps` that get a status and Pods from the readiness timer.
pub(crate) const WORKLOAD_PLURALS: &[&str] = &["deployments", "daemonsets", "statefulsets", "replicasets"];

struct Builtin {
    group: &'static str,
    version: &'static str,
    kind: &'static str,
    plural: &'static str,
    namespaced: bool,
    short: &'static [&'static str],
    all: bool,
    status: bool,
    verbs: Verbs,
}

const fn b(
    group: &'static str,
    version: &'static str,
    kind: &'static str,
    plural: &'static str,
    namespaced: bool,
    short: &'static [&'static str],
) -> Builtin {
    Builtin { group, version, kind, plural, namespaced, short, all: false, status: false, verbs: Verbs::All }
}

const fn with_status(mut x: Builtin) -> Builtin {
    x.status = true;
    x
}

/// In the `all` category (`kubectl get all`), which also implies a status subresource here.
const fn in_all(mut x: Builtin) -> Builtin {
    x.all = true;
    x.status = true;
    x
}

const fn review(mut x: Builtin) -> Builtin {
    x.verbs = Verbs::Review;
    x
}

/// The built-in kinds: what Istio's install and istioctl touch, with real plurals and scopes.
const BUILTINS: &[Builtin] = &[
    with_status(b("", "v1", "Namespace", "namespaces", false, &["ns"])),
    b("", "v1", "ConfigMap", "configmaps", true, &["cm"]),
    b("", "v1", "Secret", "secrets", true, &[]),
    in_all(b("", "v1", "Service", "services", true, &["svc"])),
    b("", "v1", "ServiceAccount", "serviceaccounts", true, &["sa"]),
    in_all(b("", "v1", "Pod", "pods", true, &["po"])),
    b("", "v1", "Event", "events", true, &["ev"]),
    b("", "v1", "Endpoints", "endpoints", true, &["ep"]),
    with_status(b("", "v1", "Node", "nodes", false, &["no"])),
    with_status(b("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true, &["pvc"])),
    with_status(b("", "v1", "ResourceQuota", "resourcequotas", true, &["quota"])),
    b("", "v1", "LimitRange", "limitranges", true, &["limits"]),
    in_all(b("apps", "v1", "Deployment", "deployments", true, &["deploy"])),
    in_all(b("apps", "v1", "DaemonSet", "daemonsets", true, &["ds"])),
    in_all(b("apps", "v1", "StatefulSet", "statefulsets", true, &["sts"])),
    in_all(b("apps", "v1", "ReplicaSet", "replicasets", true, &["rs"])),
    b("apps", "v1", "ControllerRevision", "controllerrevisions", true, &[]),
    in_all(b("batch", "v1", "Job", "jobs", true, &[])),
    in_all(b("batch", "v1", "CronJob", "cronjobs", true, &["cj"])),
    in_all(b("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, &["hpa"])),
    with_status(b("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, &["pdb"])),
    b("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", false, &[]),
    b("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings", false, &[]),
    b("rbac.authorization.k8s.io", "v1", "Role", "roles", true, &[]),
    b("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", true, &[]),
    b(
        "admissionregistration.k8s.io",
        "v1",
        "MutatingWebhookConfiguration",
        "mutatingwebhookconfigurations",
        false,
        &[],
    ),
    b(
        "admissionregistration.k8s.io",
        "v1",
        "ValidatingWebhookConfiguration",
        "validatingwebhookconfigurations",
        false,
        &[],
    ),
    with_status(b(
        "admissionregistration.k8s.io",
        "v1",
        "ValidatingAdmissionPolicy",
        "validatingadmissionpolicies",
        false,
        &[],
    )),
    b(
        "admissionregistration.k8s.io",
        "v1",
        "ValidatingAdmissionPolicyBinding",
        "validatingadmissionpolicybindings",
        false,
        &[],
    ),
    with_status(b(
        "apiextensions.k8s.io",
        "v1",
        "CustomResourceDefinition",
        "customresourcedefinitions",
        false,
        &["crd", "crds"],
    )),
    b("networking.k8s.io", "v1", "NetworkPolicy", "networkpolicies", true, &["netpol"]),
    with_status(b("networking.k8s.io", "v1", "Ingress", "ingresses", true, &["ing"])),
    b("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false, &[]),
    b("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", true, &[]),
    b("coordination.k8s.io", "v1", "Lease", "leases", true, &[]),
    with_status(b(
        "certificates.k8s.io",
        "v1",
        "CertificateSigningRequest",
        "certificatesigningrequests",
        false,
        &["csr"],
    )),
    review(b("authorization.k8s.io", "v1", "SelfSubjectAccessReview", "selfsubjectaccessreviews", false, &[])),
    review(b("authorization.k8s.io", "v1", "SubjectAccessReview", "subjectaccessreviews", false, &[])),
    review(b("authorization.k8s.io", "v1", "LocalSubjectAccessReview", "localsubjectaccessreviews", true, &[])),
];

fn builtin_info(x: &Builtin) -> ResourceInfo {
    ResourceInfo {
        group: x.group.to_string(),
        version: x.version.to_string(),
        kind: x.kind.to_string(),
        plural: x.plural.to_string(),
        singular: x.kind.to_lowercase(),
        namespaced: x.namespaced,
        short_names: x.short.iter().map(|s| (*s).to_string()).collect(),
        categories: if x.all { vec!["all".to_string()] } else { Vec::new() },
        verbs: x.verbs,
        status_subresource: x.status,
    }
}

/// The resource types one CustomResourceDefinition serves, one per served version.
pub(crate) fn crd_resources(crd: &Value) -> Vec<ResourceInfo> {
    let group = str_at(crd, &["spec", "group"]);
    let names = |k: &str| str_at(crd, &["spec", "names", k]).to_string();
    let list = |k: &str| -> Vec<String> {
        get_path(crd, &["spec", "names", k])
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(Value::as_str).map(str::to_string).collect())
            .unwrap_or_default()
    };
    let (plural, kind) = (names("plural"), names("kind"));
    if group.is_empty() || plural.is_empty() || kind.is_empty() {
        return Vec::new();
    }
    let singular = Some(names("singular")).filter(|s| !s.is_empty()).unwrap_or_else(|| kind.to_lowercase());
    let namespaced = str_at(crd, &["spec", "scope"]) != "Cluster";
    let versions = get_path(crd, &["spec", "versions"]).and_then(Value::as_array).cloned().unwrap_or_default();
    versions
        .iter()
        .filter(|v| v.get("served").and_then(Value::as_bool).unwrap_or(true))
        .filter_map(|v| v.get("name").and_then(Value::as_str))
        .map(|version| ResourceInfo {
            group: group.to_string(),
            version: version.to_string(),
            kind: kind.clone(),
            plural: plural.clone(),
            singular: singular.clone(),
            namespaced,
            short_names: list("shortNames"),
            categories: list("categories"),
            verbs: Verbs::All,
            status_subresource: versions
                .iter()
                .find(|x| x.get("name").and_then(Value::as_str) == Some(version))
                .and_then(|x| get_path(x, &["subresources", "status"]))
                .is_some(),
        })
        .collect()
}

/// Every served resource type: built-ins first, then those of the given CRDs.
pub(crate) fn all_resources<'a>(crds: impl Iterator<Item = &'a Value>) -> Vec<ResourceInfo> {
    let mut out: Vec<ResourceInfo> = BUILTINS.iter().map(builtin_info).collect();
    for crd in crds {
        for r in crd_resources(crd) {
            if !out.iter().any(|x| x.group == r.group && x.version == r.version && x.plural == r.plural) {
                out.push(r);
            }
        }
    }
    out
}

/// Orders versions the way Kubernetes prefers them: GA before beta before alpha, higher numbers first,
/// then anything else alphabetically.
pub(crate) fn version_priority(v: &str) -> (u8, i64, i64, String) {
    let parse = || -> Option<(u8, i64, i64)> {
        let rest = v.strip_prefix('v')?;
        let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        let (major, tail) = rest.split_at(digits);
        let major: i64 = major.parse().ok()?;
        if tail.is_empty() {
            return Some((0, -major, 0));
        }
        let (rank, minor) =
            if let Some(m) = tail.strip_prefix("beta") { (1, m) } else { (2, tail.strip_prefix("alpha")?) };
        Some((rank, -major, -minor.parse::<i64>().ok()?))
    };
    match parse() {
        Some((rank, major, minor)) => (rank, major, minor, String::new()),
        None => (3, 0, 0, v.to_string()),
    }
}

/// The groups served, in discovery order, each with its versions, preferred first.
pub(crate) fn groups(resources: &[ResourceInfo]) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for r in resources.iter().filter(|r| !r.group.is_empty()) {
        match out.iter_mut().find(|(g, _)| *g == r.group) {
            Some((_, versions)) if !versions.contains(&r.version) => versions.push(r.version.clone()),
            Some(_) => {}
            None => out.push((r.group.clone(), vec![r.version.clone()])),
        }
    }
    for (_, versions) in &mut out {
        versions.sort_by_key(|v| version_priority(v));
    }
    out
}

/// The legacy discovery entry of one resource (`APIResource`).
pub(crate) fn api_resource_json(r: &ResourceInfo) -> Value {
    let mut v = json!({
        "name": r.plural,
        "singularName": r.singular,
        "namespaced": r.namespaced,
        "kind": r.kind,
        "verbs": r.verbs.names(),
    });
    if !r.short_names.is_empty() {
        v["shortNames"] = json!(r.short_names);
    }
    if !r.categories.is_empty() {
        v["categories"] = json!(r.categories);
    }
    v
}

/// The subresources of a resource, as (name, kind, verbs).
pub(crate) fn subresources(r: &ResourceInfo) -> Vec<(&'static str, String, &'static [&'static str])> {
    let mut out = Vec::new();
    if r.status_subresource {
        out.push(("status", r.kind.clone(), &["get", "patch", "update"][..]));
    }
    if r.group.is_empty() && r.plural == "pods" {
        out.push(("exec", "PodExecOptions".to_string(), &["create", "get"][..]));
        out.push(("log", "Pod".to_string(), &["get"][..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_sort_like_kubernetes() {
        let mut v = vec!["v1alpha1", "v1beta1", "v2", "v1", "v1beta2", "foo"];
        v.sort_by_key(|x| version_priority(x));
        assert_eq!(v, ["v2", "v1", "v1beta2", "v1beta1", "v1alpha1", "foo"]);
    }

    #[test]
    fn crd_declares_resources() {
        let crd = json!({"spec": {"group": "networking.istio.io", "scope": "Namespaced",
            "names": {"plural": "gateways", "kind": "Gateway", "shortNames": ["gw"], "singular": "gateway"},
            "versions": [{"name": "v1", "served": true, "subresources": {"status": {}}},
                         {"name": "v1alpha3", "served": true}, {"name": "v0", "served": false}]}});
        let r = crd_resources(&crd);
        assert_eq!(r.len(), 2);
        assert!(r.iter().all(|x| x.namespaced && x.plural == "gateways" && x.short_names == ["gw"]));
        assert!(r.first().is_some_and(|x| x.status_subresource));
        assert!(r.get(1).is_some_and(|x| !x.status_subresource));
    }
}
