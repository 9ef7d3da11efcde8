//! The mesh TLS settings a cluster runs with, read from the `istio` ConfigMap (key `mesh`: the MeshConfig YAML
//! istiod reads).

use serde_json::{Value, json};

use crate::operator::{MeshTls, effective_mesh_tls};

/// The ConfigMap istiod reads its mesh configuration from (revision `r` uses `istio-r`).
pub const MESH_CONFIG_MAP: &str = "istio";
/// The ConfigMap key holding the MeshConfig YAML.
pub const MESH_CONFIG_KEY: &str = "mesh";

/// The name of the mesh ConfigMap of a revision (`istio`, or `istio-<rev>` for a non-default revision).
pub fn mesh_config_map_name(revision: Option<&str>) -> String {
    match revision.filter(|r| !r.is_empty() && *r != "default") {
        Some(rev) => format!("{MESH_CONFIG_MAP}-{rev}"),
        None => MESH_CONFIG_MAP.to_string(),
    }
}

/// Why the mesh settings could not be read from a ConfigMap.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MeshConfigError {
    /// The ConfigMap has no `data.mesh` string.
    #[error("the ConfigMap has no data.{MESH_CONFIG_KEY} key")]
    MissingKey,
    /// The MeshConfig text is not YAML.
    #[error("data.{MESH_CONFIG_KEY} is not valid YAML: {0}")]
    Yaml(String),
    /// The MeshConfig is not a mapping.
    #[error("data.{MESH_CONFIG_KEY} is not a YAML mapping")]
    NotAMapping,
}

/// The effective `meshMTLS` and `tlsDefaults` of a mesh ConfigMap object (as the API returns it).
pub fn mesh_tls_from_config_map(config_map: &Value) -> Result<MeshTls, MeshConfigError> {
    let text = config_map.pointer(&format!("/data/{MESH_CONFIG_KEY}")).and_then(Value::as_str);
    let text = text.ok_or(MeshConfigError::MissingKey)?;
    let mesh = goyaml::parse(text).map_err(|e| MeshConfigError::Yaml(e.to_string()))?;
    match mesh {
        Value::Object(_) | Value::Null => {}
        _ => return Err(MeshConfigError::NotAMapping),
    }
    // The operator reads mesh settings where an IstioOperator keeps them; give it that shape.
    Ok(effective_mesh_tls(&json!({"spec": {"values": {"meshConfig": mesh}}})))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cm(mesh: &str) -> Value {
        json!({"apiVersion": "v1", "kind": "ConfigMap", "data": {"mesh": mesh}})
    }

    #[test]
    fn reads_min_protocol_version_and_defaults_to_auto() {
        let t = mesh_tls_from_config_map(&cm(
            "defaultConfig:\n  discoveryAddress: istiod:15012\nmeshMTLS:\n  minProtocolVersion: TLSV1_3\n",
        ))
        .unwrap();
        assert_eq!(t.mesh_mtls.min_protocol_version, "TLSV1_3");
        assert_eq!(t.tls_defaults.min_protocol_version, "TLS_AUTO");
        let t = mesh_tls_from_config_map(&cm("")).unwrap();
        assert_eq!(t.mesh_mtls.min_protocol_version, "TLS_AUTO");
    }

    #[test]
    fn broken_config_maps_are_errors() {
        assert_eq!(mesh_tls_from_config_map(&json!({"data": {}})), Err(MeshConfigError::MissingKey));
        assert_eq!(mesh_tls_from_config_map(&cm("- a\n- b\n")), Err(MeshConfigError::NotAMapping));
        assert!(matches!(mesh_tls_from_config_map(&cm("a: [\n")), Err(MeshConfigError::Yaml(_))));
    }

    #[test]
    fn revision_config_map_names() {
        assert_eq!(mesh_config_map_name(None), "istio");
        assert_eq!(mesh_config_map_name(Some("default")), "istio");
        assert_eq!(mesh_config_map_name(Some("canary")), "istio-canary");
    }
}
