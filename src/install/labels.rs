//! The labels istioctl puts on every object it installs, and the selectors prune and uninstall build from
//! them.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::render::ComponentName;

/// The component an object belongs to (`Base`, `Pilot`, ...).
pub const COMPONENT_LABEL: &str = "operator.istio.io/component";
/// Marks objects the installer manages.
pub const MANAGED_LABEL: &str = "operator.istio.io/managed";
/// The value of [`MANAGED_LABEL`].
pub const MANAGED_VALUE: &str = "Reconcile";
/// The istioctl version that installed the object.
pub const VERSION_LABEL: &str = "operator.istio.io/version";
/// The IstioOperator's `metadata.name`.
pub const OWNING_RESOURCE_LABEL: &str = "install.operator.istio.io/owning-resource";
/// The IstioOperator's `metadata.namespace`.
pub const OWNING_NAMESPACE_LABEL: &str = "install.operator.istio.io/owning-resource-namespace";
/// Objects carrying this label with value `true` are never pruned (the default revision tag webhooks).
pub const NOT_PRUNED_LABEL: &str = "install.operator.istio.io/owning-resource-not-pruned";
/// The control plane revision.
pub const REVISION_LABEL: &str = "istio.io/rev";
/// The revision tag of a tag webhook.
pub const TAG_LABEL: &str = "istio.io/tag";
/// The revision that `--revision` unset means.
pub const DEFAULT_REVISION: &str = "default";

/// Who owns an install: what the owner labels are made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Owner {
    /// `metadata.name` of the IstioOperator ("" when unset).
    pub name: String,
    /// `metadata.namespace` of the IstioOperator ("" when unset).
    pub namespace: String,
    /// `spec.values.revision`, or `default`.
    pub revision: String,
    /// The version label's value.
    pub version: String,
}

fn str_at<'a>(v: &'a Value, pointer: &str) -> &'a str {
    v.pointer(pointer).and_then(Value::as_str).unwrap_or_default()
}

impl Owner {
    /// The owner of an install of the merged IstioOperator `iop`.
    pub fn from_iop(iop: &Value) -> Self {
        let revision = str_at(iop, "/spec/values/revision");
        Self {
            name: str_at(iop, "/metadata/name").to_string(),
            namespace: str_at(iop, "/metadata/namespace").to_string(),
            revision: if revision.is_empty() { DEFAULT_REVISION } else { revision }.to_string(),
            version: crate::version::ISTIO_VERSION.to_string(),
        }
    }

    /// The owner labels, with the component label when `component` is given (upstream's `getOwnerLabels`).
    pub fn labels(&self, component: Option<ComponentName>) -> BTreeMap<String, String> {
        let mut labels = BTreeMap::new();
        labels.insert(MANAGED_LABEL.to_string(), MANAGED_VALUE.to_string());
        labels.insert(VERSION_LABEL.to_string(), self.version.clone());
        if !self.name.is_empty() {
            labels.insert(OWNING_RESOURCE_LABEL.to_string(), self.name.clone());
        }
        if !self.namespace.is_empty() {
            labels.insert(OWNING_NAMESPACE_LABEL.to_string(), self.namespace.clone());
        }
        labels.insert(REVISION_LABEL.to_string(), self.revision.clone());
        if let Some(c) = component {
            labels.insert(COMPONENT_LABEL.to_string(), c.as_str().to_string());
        }
        labels
    }

    /// Prune's selector: every owner label but the component, and a component label present.
    pub fn prune_selector(&self) -> String {
        selector(&self.labels(None), &[COMPONENT_LABEL])
    }
}

/// A label selector string: `k=v` for each label, then the `extra` requirements as given.
pub fn selector(labels: &BTreeMap<String, String>, extra: &[&str]) -> String {
    labels
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .chain(extra.iter().map(|s| s.to_string()))
        .collect::<Vec<_>>()
        .join(",")
}

/// An object's labels.
pub fn labels_of(obj: &Value) -> Option<&Map<String, Value>> {
    obj.pointer("/metadata/labels").and_then(Value::as_object)
}

/// One label's value, "" when absent.
pub fn label<'a>(obj: &'a Value, key: &str) -> &'a str {
    labels_of(obj).and_then(|l| l.get(key)).and_then(Value::as_str).unwrap_or_default()
}

/// Whether the object carries every one of `labels`.
pub fn has_labels(obj: &Value, labels: &BTreeMap<String, String>) -> bool {
    labels.iter().all(|(k, v)| label(obj, k) == v)
}

/// Sets labels on an object, creating `metadata.labels` when needed; other labels are kept.
pub fn set_labels(obj: &mut Value, labels: &BTreeMap<String, String>) {
    let Some(root) = obj.as_object_mut() else { return };
    let metadata = root.entry("metadata").or_insert_with(|| Value::Object(Map::new()));
    let Some(metadata) = metadata.as_object_mut() else { return };
    let existing = metadata.entry("labels").or_insert_with(|| Value::Object(Map::new()));
    if !existing.is_object() {
        *existing = Value::Object(Map::new());
    }
    if let Some(map) = existing.as_object_mut() {
        for (k, v) in labels {
            map.insert(k.clone(), Value::String(v.clone()));
        }
    }
}

/// The component named by an object's component label, if it is one istioctl knows.
pub fn component_of(obj: &Value) -> Option<ComponentName> {
    let name = label(obj, COMPONENT_LABEL);
    crate::render::ALL_COMPONENTS.iter().map(|c| c.name).find(|c| c.as_str() == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn owner_labels_follow_upstream() {
        let owner = Owner::from_iop(&json!({"metadata": {"namespace": "istio-system"}, "spec": {"values": {}}}));
        let labels = owner.labels(Some(ComponentName::Pilot));
        assert_eq!(labels.get(MANAGED_LABEL).map(String::as_str), Some("Reconcile"));
        assert_eq!(labels.get(REVISION_LABEL).map(String::as_str), Some("default"));
        assert_eq!(labels.get(COMPONENT_LABEL).map(String::as_str), Some("Pilot"));
        assert_eq!(labels.get(OWNING_NAMESPACE_LABEL).map(String::as_str), Some("istio-system"));
        assert!(!labels.contains_key(OWNING_RESOURCE_LABEL), "no name, no owning-resource label");
        assert_eq!(
            owner.prune_selector(),
            format!(
                "install.operator.istio.io/owning-resource-namespace=istio-system,istio.io/rev=default,\
                 operator.istio.io/managed=Reconcile,operator.istio.io/version={},operator.istio.io/component",
                crate::version::ISTIO_VERSION
            )
        );
        let named = Owner::from_iop(&json!({"metadata": {"name": "x"}, "spec": {"values": {"revision": "canary"}}}));
        let labels = named.labels(None);
        assert_eq!(labels.get(OWNING_RESOURCE_LABEL).map(String::as_str), Some("x"));
        assert_eq!(labels.get(REVISION_LABEL).map(String::as_str), Some("canary"));
    }

    #[test]
    fn set_labels_keeps_other_labels() {
        let mut obj = json!({"metadata": {"name": "a", "labels": {"app": "istiod", "istio.io/rev": "x"}}});
        let mut labels = BTreeMap::new();
        labels.insert("istio.io/rev".to_string(), "default".to_string());
        set_labels(&mut obj, &labels);
        assert_eq!(obj["metadata"]["labels"], json!({"app": "istiod", "istio.io/rev": "default"}));
        let mut bare = json!({"kind": "X"});
        set_labels(&mut bare, &labels);
        assert_eq!(label(&bare, "istio.io/rev"), "default");
        assert!(has_labels(&bare, &labels));
    }
}
