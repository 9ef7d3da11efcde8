//! Typed view of `install.istio.io/v1alpha1 IstioOperator` (upstream `operator/pkg/apis/types.go`).
//!
//! Free-form parts (Helm values, meshConfig, Kubernetes sub-objects) stay `serde_json::Value`: the renderer reads
//! them as trees, and the schema checker has already vetted their shape.

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// `spec` of an IstioOperator.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IstioOperatorSpec {
    /// Profile name (`default` when unset).
    pub profile: Option<String>,
    /// Folder holding `charts/` and `profiles/` (istioctl's `--manifests`).
    pub install_package_path: Option<String>,
    pub hub: Option<String>,
    /// Any scalar; rendered with Go's `%v`.
    pub tag: Option<Value>,
    /// Accepted but unused by rendering (as upstream).
    pub namespace: Option<String>,
    pub revision: Option<String>,
    pub compatibility_version: Option<String>,
    pub mesh_config: Option<Value>,
    pub components: Option<IstioComponentSpec>,
    /// Helm values (already translated: `values.global.hub`, `values.meshConfig`, ... are filled in).
    pub values: Option<Value>,
    pub unvalidated_values: Option<Value>,
}

/// `spec.components`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IstioComponentSpec {
    pub base: Option<BaseComponentSpec>,
    pub pilot: Option<ComponentSpec>,
    pub cni: Option<ComponentSpec>,
    pub ztunnel: Option<ComponentSpec>,
    /// Accepted and ignored, as upstream.
    pub istiod_remote: Option<ComponentSpec>,
    pub ingress_gateways: Option<Vec<GatewayComponentSpec>>,
    pub egress_gateways: Option<Vec<GatewayComponentSpec>>,
}

/// `components.base`: only `enabled` and `k8s`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BaseComponentSpec {
    pub enabled: Option<bool>,
    pub k8s: Option<KubernetesResources>,
}

/// `components.{pilot,cni,ztunnel,istiodRemote}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ComponentSpec {
    /// Unset means enabled once the component is listed.
    pub enabled: Option<bool>,
    pub namespace: Option<String>,
    pub hub: Option<String>,
    pub tag: Option<Value>,
    pub k8s: Option<KubernetesResources>,
}

/// An element of `components.{ingress,egress}Gateways`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct GatewayComponentSpec {
    pub enabled: Option<bool>,
    pub namespace: Option<String>,
    pub hub: Option<String>,
    pub tag: Option<Value>,
    pub k8s: Option<KubernetesResources>,
    pub name: Option<String>,
    pub label: Option<indexmap::IndexMap<String, String>>,
}

/// `components.*.k8s`: Kubernetes settings patched onto the rendered objects.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KubernetesResources {
    pub affinity: Option<Value>,
    pub env: Option<Vec<Value>>,
    pub hpa_spec: Option<Value>,
    pub image_pull_policy: Option<String>,
    pub node_selector: Option<indexmap::IndexMap<String, String>>,
    pub pod_disruption_budget: Option<Value>,
    pub pod_annotations: Option<indexmap::IndexMap<String, String>>,
    pub priority_class_name: Option<String>,
    pub readiness_probe: Option<Value>,
    pub replica_count: Option<u32>,
    pub resources: Option<Value>,
    pub service: Option<Value>,
    pub strategy: Option<Value>,
    pub tolerations: Option<Vec<Value>>,
    pub service_annotations: Option<indexmap::IndexMap<String, String>>,
    pub security_context: Option<Value>,
    /// Accepted and not applied, as upstream.
    pub volumes: Option<Vec<Value>>,
    /// Accepted and not applied, as upstream.
    pub volume_mounts: Option<Vec<Value>>,
    pub overlays: Option<Vec<KubernetesOverlay>>,
}

/// `k8s.overlays[]`: patches on a rendered object chosen by kind and name.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KubernetesOverlay {
    /// Ignored when matching, as upstream.
    pub api_version: Option<String>,
    pub kind: Option<String>,
    pub name: Option<String>,
    pub patches: Option<Vec<Patch>>,
}

/// One overlay patch: a path in `a.b.[key:value].c` syntax and the value to set (absent deletes).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Patch {
    pub path: Option<String>,
    pub value: Option<Value>,
}

impl IstioOperatorSpec {
    /// Reads the typed view from a merged `spec` tree (unknown keys are ignored here; validation reports them).
    pub fn from_value(spec: &Value) -> Result<Self, serde_json::Error> {
        if spec.is_null() {
            return Ok(Self::default());
        }
        serde_json::from_value(spec.clone())
    }
}
