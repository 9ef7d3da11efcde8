//! How objects and kinds are named: the keys used for apply, waits, prune and the messages that name them.

use std::fmt;

use serde_json::Value;

use super::str_at;

/// An object kind as the API serves it: `apiVersion` (`group/version`, or `version` for the core group) and
/// `kind`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Kind {
    /// `apps/v1`, `v1`, ...
    pub api_version: String,
    /// `Deployment`, ...
    pub kind: String,
}

impl Kind {
    /// A kind from its `apiVersion` and name.
    pub fn new(api_version: &str, kind: &str) -> Self {
        Self { api_version: api_version.to_string(), kind: kind.to_string() }
    }

    /// The API group ("" for the core group).
    pub fn group(&self) -> &str {
        self.api_version.rsplit_once('/').map_or("", |(g, _)| g)
    }

    /// The API version within the group.
    pub fn version(&self) -> &str {
        self.api_version.rsplit_once('/').map_or(self.api_version.as_str(), |(_, v)| v)
    }

    /// The kind of an object (its `apiVersion` and `kind`), if both are set.
    pub fn of(obj: &Value) -> Option<Self> {
        let (api_version, kind) = (str_at(obj, "/apiVersion"), str_at(obj, "/kind"));
        (!api_version.is_empty() && !kind.is_empty()).then(|| Self::new(api_version, kind))
    }
}

impl fmt::Display for Kind {
    /// client-go's `GroupVersionKind` string: `apps/v1, Kind=Deployment` (core: `/v1, Kind=Service`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}, Kind={}", self.group(), self.version(), self.kind)
    }
}

/// One object's address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjectRef {
    /// Its kind.
    pub kind: Kind,
    /// Its namespace; `None` for cluster-scoped objects (and namespaced ones rendered without one).
    pub namespace: Option<String>,
    /// Its name.
    pub name: String,
}

impl ObjectRef {
    /// A reference to an object of `kind`.
    pub fn new(kind: Kind, namespace: Option<&str>, name: &str) -> Self {
        Self { kind, namespace: namespace.filter(|n| !n.is_empty()).map(str::to_string), name: name.to_string() }
    }

    /// The address of an object; `None` when it has no kind or name.
    pub fn of(obj: &Value) -> Option<Self> {
        let name = str_at(obj, "/metadata/name");
        if name.is_empty() {
            return None;
        }
        Some(Self::new(Kind::of(obj)?, Some(str_at(obj, "/metadata/namespace")), name))
    }

    /// The namespace, "" when there is none.
    pub fn namespace_str(&self) -> &str {
        self.namespace.as_deref().unwrap_or_default()
    }

    /// How upstream's wait lists an object: `Deployment/ns/name`, or `Kind/name` when cluster scoped.
    pub fn wait_id(&self) -> String {
        match &self.namespace {
            Some(ns) => format!("{}/{ns}/{}", self.kind.kind, self.name),
            None => format!("{}/{}", self.kind.kind, self.name),
        }
    }

    /// How upstream's prune and uninstall name an object: `apps/v1, Kind=Deployment/name.ns` (cluster-scoped
    /// objects end in `.`).
    pub fn removal_id(&self) -> String {
        format!("{}/{}.{}", self.kind, self.name, self.namespace_str())
    }

    /// istioctl's object key (`Kind:ns:name`; `Kind:name` for ClusterRole and ClusterRoleBinding), which prune
    /// compares with what was rendered.
    pub fn hash(&self) -> String {
        match self.kind.kind.as_str() {
            k @ ("ClusterRole" | "ClusterRoleBinding") => format!("{k}:{}", self.name),
            k => format!("{k}:{}:{}", self.namespace_str(), self.name),
        }
    }
}

impl fmt::Display for ObjectRef {
    /// `Kind/ns/name` as upstream's apply errors spell it (the namespace is empty when cluster scoped).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}/{}", self.kind.kind, self.namespace_str(), self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn ids_follow_upstream_spelling() {
        let dep = ObjectRef::of(&json!({"apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": "istiod", "namespace": "istio-system"}}))
        .unwrap();
        assert_eq!(dep.to_string(), "Deployment/istio-system/istiod");
        assert_eq!(dep.wait_id(), "Deployment/istio-system/istiod");
        assert_eq!(dep.removal_id(), "apps/v1, Kind=Deployment/istiod.istio-system");
        assert_eq!(dep.hash(), "Deployment:istio-system:istiod");
        let mwc = ObjectRef::of(&json!({"apiVersion": "admissionregistration.k8s.io/v1",
            "kind": "MutatingWebhookConfiguration", "metadata": {"name": "istio-sidecar-injector"}}))
        .unwrap();
        assert_eq!(
            mwc.removal_id(),
            "admissionregistration.k8s.io/v1, Kind=MutatingWebhookConfiguration/istio-sidecar-injector."
        );
        assert_eq!(mwc.to_string(), "MutatingWebhookConfiguration//istio-sidecar-injector");
        let svc = ObjectRef::new(Kind::new("v1", "Service"), Some("ns"), "s");
        assert_eq!(svc.removal_id(), "/v1, Kind=Service/s.ns");
        let cr = ObjectRef::new(Kind::new("rbac.authorization.k8s.io/v1", "ClusterRole"), None, "r");
        assert_eq!(cr.hash(), "ClusterRole:r");
    }

    #[test]
    fn objects_without_kind_or_name_have_no_ref() {
        assert!(ObjectRef::of(&json!({"kind": "Service", "metadata": {"name": "a"}})).is_none());
        assert!(ObjectRef::of(&json!({"apiVersion": "v1", "kind": "Service", "metadata": {}})).is_none());
    }
}
