//! Every installation profile renders with our embedded charts, and gives the objects (kind, namespace,
//! name) that upstream Istio 1.30.3's charts give for that profile (research notes, "Inventory").

use std::collections::BTreeSet;

use istioctl::manifests::ManifestSource;
use istioctl::operator::InstallInputs;
use istioctl::render::generate;

mod charts_common;

const NS: &str = "istio-system";
const KUBE_SYSTEM: &str = "kube-system";

const CRDS: &[&str] = charts_common::ISTIO_CRDS;

/// A set of objects written `Kind namespace/name` (cluster-scoped: `Kind name`).
#[derive(Default, Clone)]
struct Inventory(BTreeSet<String>);

impl Inventory {
    fn cluster(mut self, kind: &str, names: &[&str]) -> Self {
        self.0.extend(names.iter().map(|n| format!("{kind} {n}")));
        self
    }
    fn namespaced(mut self, kind: &str, ns: &str, names: &[&str]) -> Self {
        self.0.extend(names.iter().map(|n| format!("{kind} {ns}/{n}")));
        self
    }
    fn with(mut self, other: Inventory) -> Self {
        self.0.extend(other.0);
        self
    }
    fn without(mut self, item: &str) -> Self {
        assert!(self.0.remove(item), "{item} was not there to remove");
        self
    }
}

/// Base: the CRDs and the reader ServiceAccount.
fn base() -> Inventory {
    Inventory::default().cluster("CustomResourceDefinition", CRDS).namespaced(
        "ServiceAccount",
        NS,
        &["istio-reader-service-account"],
    )
}

/// Pilot of the default revision in istio-system.
fn pilot() -> Inventory {
    let roles = [
        "istio-reader-clusterrole-istio-system",
        "istiod-clusterrole-istio-system",
        "istiod-gateway-controller-istio-system",
    ];
    Inventory::default()
        .cluster("ClusterRole", &roles)
        .cluster("ClusterRoleBinding", &roles)
        .cluster("ValidatingWebhookConfiguration", &["istio-validator-istio-system"])
        .cluster("MutatingWebhookConfiguration", &["istio-sidecar-injector"])
        .namespaced("ConfigMap", NS, &["istio", "istio-sidecar-injector", "values"])
        .namespaced("ServiceAccount", NS, &["istiod"])
        .namespaced("Role", NS, &["istiod"])
        .namespaced("RoleBinding", NS, &["istiod"])
        .namespaced("Deployment", NS, &["istiod"])
        .namespaced("HorizontalPodAutoscaler", NS, &["istiod"])
        .namespaced("Service", NS, &["istiod"])
}

/// A legacy gateway named `name` in istio-system.
fn gateway(name: &str) -> Inventory {
    Inventory::default()
        .namespaced("ServiceAccount", NS, &[&format!("{name}-service-account")])
        .namespaced("Role", NS, &[&format!("{name}-sds")])
        .namespaced("RoleBinding", NS, &[&format!("{name}-sds")])
        .namespaced("Deployment", NS, &[name])
        .namespaced("HorizontalPodAutoscaler", NS, &[name])
        .namespaced("Service", NS, &[name])
}

/// istio-cni in `ns`, with its ambient role when `ambient`.
fn cni(ns: &str, ambient: bool) -> Inventory {
    let mut roles = vec!["istio-cni", "istio-cni-repair-role"];
    let mut bindings = vec!["istio-cni", "istio-cni-repair-rolebinding"];
    if ambient {
        roles.push("istio-cni-ambient");
        bindings.push("istio-cni-ambient");
    }
    Inventory::default()
        .cluster("ClusterRole", &roles)
        .cluster("ClusterRoleBinding", &bindings)
        .namespaced("ServiceAccount", ns, &["istio-cni"])
        .namespaced("ConfigMap", ns, &["istio-cni-config"])
        .namespaced("DaemonSet", ns, &["istio-cni-node"])
}

fn ztunnel(ns: &str) -> Inventory {
    Inventory::default().namespaced("ServiceAccount", ns, &["ztunnel"]).namespaced("DaemonSet", ns, &["ztunnel"])
}

/// On OpenShift: Multus' attachment for istio-cni.
fn multus() -> Inventory {
    Inventory::default().namespaced("NetworkAttachmentDefinition", "default", &["istio-cni"])
}

fn default_profile() -> Inventory {
    base().with(pilot()).with(gateway("istio-ingressgateway"))
}

/// Expected objects of each profile.
fn expected(profile: &str) -> Inventory {
    match profile {
        "default" | "preview" => default_profile(),
        // No autoscaling; the egress gateway is on.
        "demo" => default_profile()
            .with(gateway("istio-egressgateway"))
            .without(&format!("HorizontalPodAutoscaler {NS}/istiod"))
            .without(&format!("HorizontalPodAutoscaler {NS}/istio-ingressgateway"))
            .without(&format!("HorizontalPodAutoscaler {NS}/istio-egressgateway")),
        "minimal" => base().with(pilot()),
        "empty" => Inventory::default(),
        // istiod runs elsewhere: only what this cluster needs to be reached and to inject.
        "remote" => base()
            .cluster("ClusterRole", &["istio-reader-clusterrole-istio-system"])
            .cluster("ClusterRoleBinding", &["istio-reader-clusterrole-istio-system"])
            .cluster("MutatingWebhookConfiguration", &["istio-sidecar-injector"])
            .namespaced("ConfigMap", NS, &["values"]),
        "ambient" => base().with(pilot()).with(cni(NS, true)).with(ztunnel(NS)),
        "stable" => default_profile()
            .cluster("ValidatingAdmissionPolicy", &["stable-channel-policy-istio-system.istio.io"])
            .cluster("ValidatingAdmissionPolicyBinding", &["stable-channel-policy-binding-istio-system.istio.io"]),
        "openshift" => default_profile().with(cni(KUBE_SYSTEM, false)).with(multus()),
        "openshift-ambient" => base()
            .with(pilot())
            .with(cni(KUBE_SYSTEM, true))
            .with(multus())
            .with(ztunnel(KUBE_SYSTEM))
            .cluster("ClusterRole", &["ztunnel"])
            .cluster("ClusterRoleBinding", &["ztunnel"]),
        other => panic!("no expectation for profile {other}"),
    }
}

/// The profiles shipped in `manifests/profiles/`.
fn profiles() -> Vec<String> {
    ManifestSource::Embedded
        .list("profiles")
        .unwrap()
        .iter()
        .filter_map(|p| p.strip_prefix("profiles/")?.strip_suffix(".yaml").map(str::to_string))
        .collect()
}

fn rendered_inventory(profile: &str) -> Inventory {
    let inputs = InstallInputs { set_flags: vec![format!("profile={profile}")], ..InstallInputs::default() };
    let rendered = generate(&inputs).unwrap_or_else(|e| panic!("profile {profile}: {e}"));
    let mut inventory = Inventory::default();
    for obj in rendered.objects() {
        let v = &obj.value;
        let field = |p: &str| v.pointer(p).and_then(|x| x.as_str()).unwrap_or_default().to_string();
        let (kind, ns, name) = (field("/kind"), field("/metadata/namespace"), field("/metadata/name"));
        let item = if ns.is_empty() { format!("{kind} {name}") } else { format!("{kind} {ns}/{name}") };
        assert!(inventory.0.insert(item.clone()), "profile {profile}: {item} rendered twice");
    }
    inventory
}

#[test]
fn every_profile_renders_upstreams_objects() {
    let profiles = profiles();
    assert_eq!(profiles.len(), 10, "{profiles:?}");
    for profile in &profiles {
        let want = expected(profile);
        let got = rendered_inventory(profile);
        let missing: Vec<&String> = want.0.difference(&got.0).collect();
        let extra: Vec<&String> = got.0.difference(&want.0).collect();
        assert!(missing.is_empty() && extra.is_empty(), "profile {profile}: missing {missing:?}, extra {extra:?}");
    }
}

#[test]
fn profile_sizes_match_the_research_inventory() {
    for &(profile, size) in charts_common::PROFILE_OBJECT_COUNTS {
        assert_eq!(expected(profile).0.len(), size, "{profile}");
    }
}
