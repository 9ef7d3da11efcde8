//! The six components `istioctl` renders, in order, and how each one's specs are read from the merged
//! IstioOperator (`spec.components.<key>`).

use serde_json::{Map, Value};

use super::RenderError;
use super::get_dotted as get_path;

/// A component's user-facing name (also the `operator.istio.io/component` label value).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ComponentName {
    Base,
    Pilot,
    IngressGateways,
    EgressGateways,
    Cni,
    Ztunnel,
}

impl ComponentName {
    /// The name as istioctl spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Base => "Base",
            Self::Pilot => "Pilot",
            Self::IngressGateways => "IngressGateways",
            Self::EgressGateways => "EgressGateways",
            Self::Cni => "Cni",
            Self::Ztunnel => "Ztunnel",
        }
    }
}

impl std::fmt::Display for ComponentName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Static facts about a component.
#[derive(Debug, Clone, Copy)]
pub struct Component {
    /// User-facing name.
    pub name: ComponentName,
    /// Key under `spec.components`.
    pub spec_key: &'static str,
    /// Rendered when the spec does not mention it.
    pub default_on: bool,
    /// A list of specs (gateways) rather than one.
    pub multi: bool,
    /// Kind of the object `k8s` settings patch (empty: none).
    pub resource_kind: &'static str,
    /// Name of that object (gateways: overridden by the gateway name).
    pub resource_name: &'static str,
    /// Container `k8s` settings patch.
    pub container_name: &'static str,
    /// Chart folder under `charts/`.
    pub chart_dir: &'static str,
    /// Where the component's own values live under `spec.values`.
    pub values_root: &'static str,
    /// The chart reads its values without the root prefix (ztunnel).
    pub flatten_values: bool,
    /// A values path that enables every listed spec.
    pub alt_enablement: Option<&'static str>,
    /// The chart's name in Istio's Helm repository, for `manifest translate` (gateways have none).
    pub release_name: Option<&'static str>,
}

/// Every component, in istioctl's rendering order.
pub const ALL_COMPONENTS: [Component; 6] = [
    Component {
        name: ComponentName::Base,
        spec_key: "base",
        default_on: true,
        multi: false,
        resource_kind: "",
        resource_name: "",
        container_name: "",
        chart_dir: "base",
        values_root: "global",
        flatten_values: false,
        alt_enablement: None,
        release_name: Some("base"),
    },
    Component {
        name: ComponentName::Pilot,
        spec_key: "pilot",
        default_on: true,
        multi: false,
        resource_kind: "Deployment",
        resource_name: "istiod",
        container_name: "discovery",
        chart_dir: "istio-control/istio-discovery",
        values_root: "pilot",
        flatten_values: false,
        alt_enablement: None,
        release_name: Some("istiod"),
    },
    Component {
        name: ComponentName::IngressGateways,
        spec_key: "ingressGateways",
        default_on: true,
        multi: true,
        resource_kind: "Deployment",
        resource_name: "istio-ingressgateway",
        container_name: "istio-proxy",
        chart_dir: "gateways/istio-ingress",
        values_root: "gateways.istio-ingressgateway",
        flatten_values: false,
        alt_enablement: Some("spec.values.gateways.istio-ingressgateway.enabled"),
        release_name: None,
    },
    Component {
        name: ComponentName::EgressGateways,
        spec_key: "egressGateways",
        default_on: false,
        multi: true,
        resource_kind: "Deployment",
        resource_name: "istio-egressgateway",
        container_name: "istio-proxy",
        chart_dir: "gateways/istio-egress",
        values_root: "gateways.istio-egressgateway",
        flatten_values: false,
        alt_enablement: Some("spec.values.gateways.istio-egressgateway.enabled"),
        release_name: None,
    },
    Component {
        name: ComponentName::Cni,
        spec_key: "cni",
        default_on: false,
        multi: false,
        resource_kind: "DaemonSet",
        resource_name: "istio-cni-node",
        container_name: "install-cni",
        chart_dir: "istio-cni",
        values_root: "cni",
        flatten_values: false,
        alt_enablement: None,
        release_name: Some("cni"),
    },
    Component {
        name: ComponentName::Ztunnel,
        spec_key: "ztunnel",
        default_on: false,
        multi: false,
        resource_kind: "DaemonSet",
        resource_name: "ztunnel",
        container_name: "istio-proxy",
        chart_dir: "ztunnel",
        values_root: "ztunnel",
        flatten_values: true,
        alt_enablement: None,
        release_name: Some("ztunnel"),
    },
];

/// The namespace when neither the component nor `metadata.namespace` names one.
pub const DEFAULT_NAMESPACE: &str = "istio-system";

/// One instance of a component to render (gateways may have several).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ComponentSpec {
    /// Gateway name ("" for non-gateways and for the implicit default gateway).
    pub name: String,
    /// Namespace to render into.
    pub namespace: String,
    /// Component hub override ("" when unset).
    pub hub: String,
    /// Component tag override, as given (any scalar).
    pub tag: Option<Value>,
    /// Gateway labels (`label`).
    pub labels: Map<String, Value>,
    /// The `k8s` block, when present.
    pub k8s: Option<Map<String, Value>>,
}

impl Component {
    /// Whether this component is one of the two gateway kinds.
    pub fn is_gateway(&self) -> bool {
        matches!(self.name, ComponentName::IngressGateways | ComponentName::EgressGateways)
    }

    /// The enabled specs of this component in `merged` (an IstioOperator with `spec` and `metadata`).
    pub fn specs(&self, merged: &Value) -> Result<Vec<ComponentSpec>, RenderError> {
        let default_ns = get_path(merged, "metadata.namespace").and_then(Value::as_str).unwrap_or_default().to_string();
        let alt_enabled = self.alt_enablement.is_some_and(|p| get_path(merged, p) == Some(&Value::Bool(true)));
        let default_response = if self.default_on || alt_enabled {
            vec![ComponentSpec { namespace: default_ns.clone(), ..ComponentSpec::default() }]
        } else {
            Vec::new()
        };
        let path = format!("spec.components.{}", self.spec_key);
        let found = get_path(merged, &path);
        if self.multi {
            let Some(found) = found else { return Ok(default_response) };
            let items = found.as_array().map(Vec::as_slice).unwrap_or_default();
            let mut specs = Vec::new();
            for item in items {
                let empty = Map::new();
                let (spec, enabled) = self.build_spec(item.as_object().unwrap_or(&empty), &default_ns)?;
                if enabled || alt_enabled {
                    specs.push(spec);
                }
            }
            return Ok(specs);
        }
        let Some(Value::Object(m)) = found else { return Ok(default_response) };
        let (spec, enabled) = self.build_spec(m, &default_ns)?;
        Ok(if enabled || alt_enabled { vec![spec] } else { Vec::new() })
    }

    /// Reads one spec map like istioctl's `GatewayComponentSpec` decode; returns it and its `enabled`.
    fn build_spec(&self, m: &Map<String, Value>, default_ns: &str) -> Result<(ComponentSpec, bool), RenderError> {
        let bad = |field: &str, v: &Value| RenderError::ComponentSpec {
            component: self.name,
            spec_key: self.spec_key,
            message: format!("{field}: cannot use {v} here"),
        };
        let string_field = |field: &str| -> Result<String, RenderError> {
            match m.get(field) {
                None | Some(Value::Null) => Ok(String::new()),
                Some(Value::String(s)) => Ok(s.clone()),
                Some(v) => Err(bad(field, v)),
            }
        };
        let enabled = match m.get("enabled") {
            None | Some(Value::Null) => true,
            Some(Value::Bool(b)) => *b,
            Some(v) => return Err(bad("enabled", v)),
        };
        let mut namespace = string_field("namespace")?;
        if namespace.is_empty() {
            namespace = default_ns.to_string();
        }
        if namespace.is_empty() {
            namespace = DEFAULT_NAMESPACE.to_string();
        }
        let labels = match m.get("label") {
            None | Some(Value::Null) => Map::new(),
            Some(Value::Object(l)) => {
                if let Some((k, v)) = l.iter().find(|(_, v)| !v.is_string()) {
                    return Err(bad(&format!("label.{k}"), v));
                }
                l.clone()
            }
            Some(v) => return Err(bad("label", v)),
        };
        let k8s = match m.get("k8s") {
            None | Some(Value::Null) => None,
            Some(Value::Object(k)) => Some(k.clone()),
            Some(v) => return Err(bad("k8s", v)),
        };
        let tag = m.get("tag").filter(|v| !v.is_null()).cloned();
        let spec =
            ComponentSpec { name: string_field("name")?, namespace, hub: string_field("hub")?, tag, labels, k8s };
        Ok((spec, enabled))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn comp(name: ComponentName) -> Component {
        ALL_COMPONENTS.iter().copied().find(|c| c.name == name).unwrap()
    }

    #[test]
    fn defaults_and_namespaces() {
        let merged =
            json!({"metadata": {"namespace": "ns1"}, "spec": {"components": {"pilot": {"namespace": "other"}}}});
        assert_eq!(comp(ComponentName::Base).specs(&merged).unwrap()[0].namespace, "ns1");
        assert_eq!(comp(ComponentName::Pilot).specs(&merged).unwrap()[0].namespace, "other");
        assert!(comp(ComponentName::Cni).specs(&merged).unwrap().is_empty());
        let bare = json!({"spec": {"components": {"cni": {"enabled": true}}}});
        assert_eq!(comp(ComponentName::Cni).specs(&bare).unwrap()[0].namespace, DEFAULT_NAMESPACE);
    }

    #[test]
    fn gateways_lists_and_alt_enablement() {
        let merged = json!({"spec": {"components": {"egressGateways": [
            {"name": "a", "enabled": false, "label": {"x": "y"}},
            {"name": "b", "enabled": true}
        ]}}});
        let specs = comp(ComponentName::EgressGateways).specs(&merged).unwrap();
        assert_eq!(specs.iter().map(|s| s.name.as_str()).collect::<Vec<_>>(), ["b"]);
        let mut alt = merged.clone();
        alt["spec"]["values"] = json!({"gateways": {"istio-egressgateway": {"enabled": true}}});
        let specs = comp(ComponentName::EgressGateways).specs(&alt).unwrap();
        assert_eq!(specs.len(), 2);
        assert_eq!(specs[0].labels.get("x"), Some(&json!("y")));
        // No list at all: the implicit default gateway only if on by default.
        assert_eq!(comp(ComponentName::IngressGateways).specs(&json!({})).unwrap().len(), 1);
        assert!(comp(ComponentName::EgressGateways).specs(&json!({})).unwrap().is_empty());
    }

    #[test]
    fn bad_spec_fields_are_errors() {
        let merged = json!({"spec": {"components": {"pilot": {"enabled": "yes"}}}});
        assert!(comp(ComponentName::Pilot).specs(&merged).is_err());
    }
}
