//! kube-inject's configuration from a cluster: ConfigMap `istio[-<rev>]` (key `mesh`) and
//! `istio-sidecar-injector[-<rev>]` (keys `config` and `values`) in the Istio namespace, with upstream's
//! names and error texts. Only the parsing lives here; [`ConfigMapSource`] is implemented by
//! `crate::cluster`, the one module that talks to a cluster.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use serde_json::Value;

use super::{InjectError, mesh};
use crate::install::labels::DEFAULT_REVISION;
use crate::version::ISTIO_VERSION;

/// Default name of the mesh-config ConfigMap (`--meshConfigMapName`).
pub const MESH_CONFIG_MAP: &str = "istio";
/// Default name of the injector ConfigMap (`--injectConfigMapName`).
pub const INJECT_CONFIG_MAP: &str = "istio-sidecar-injector";
/// Key of the mesh config in the mesh-config ConfigMap.
pub const MESH_KEY: &str = "mesh";
/// Key of the injector config (policy, templates) in the injector ConfigMap.
pub const CONFIG_KEY: &str = "config";
/// Key of the injection values (JSON) in the injector ConfigMap.
pub const VALUES_KEY: &str = "values";

/// A cluster kube-inject may read its ConfigMaps from. Implementations connect lazily: nothing is asked
/// until [`reachable`](Self::reachable) is.
pub trait ConfigMapSource: fmt::Debug + Send + Sync {
    /// Whether the cluster answers (its kubeconfig loads and the API server responds); `Err` says why not.
    /// Asked before any other method; the answer is remembered.
    fn reachable(&self) -> Result<(), String>;
    /// The Istio namespace the ConfigMaps are read from (`-i/--istioNamespace`).
    fn namespace(&self) -> &str;
    /// The `data` of ConfigMap `name` in [`namespace`](Self::namespace); the error is the client's
    /// message, such as `configmaps "istio" not found`.
    fn config_map(&self, name: &str) -> Result<BTreeMap<String, String>, String>;
    /// The kubelet version of every node (`status.nodeInfo.kubeletVersion`), for [`native_sidecars`].
    fn kubelet_versions(&self) -> Result<Vec<String>, String>;
    /// The `istio.io/rev` label of the default revision tag's MutatingWebhookConfiguration
    /// (`istio-revision-tag-default`); `None` when there is no such tag.
    fn default_tag_revision(&self) -> Result<Option<String>, String>;
}

/// The revision kube-inject uses when `--revision` is not given (upstream's `RevisionOrDefault`): the one
/// the default tag points at, where `default` (or no tag, or a cluster that cannot say) means none.
pub fn default_revision(source: &dyn ConfigMapSource) -> Option<String> {
    match source.default_tag_revision() {
        Ok(rev) => rev.filter(|r| !r.is_empty() && r != DEFAULT_REVISION),
        Err(why) => {
            tracing::debug!(%why, "cannot read the default revision tag");
            None
        }
    }
}

/// The first Kubernetes minor version whose kubelets run native sidecars (stable in 1.33).
pub const NATIVE_SIDECAR_MIN_MINOR: u64 = 33;

/// Whether pods get native sidecars when injecting with a cluster (upstream's `DetectNativeSidecar`):
/// `ENABLE_NATIVE_SIDECARS` `true` or `false` decides; otherwise (`auto`) every node's kubelet must be
/// 1.33 or newer (a cluster without nodes qualifies), and nodes that cannot be listed do not.
pub fn native_sidecars(env: Option<&str>, kubelets: Result<Vec<String>, String>) -> bool {
    match env {
        Some("true") => return true,
        Some("false") => return false,
        _ => {}
    }
    match kubelets {
        Ok(versions) => versions.iter().all(|v| kubelet_minor(v).is_some_and(|m| m >= NATIVE_SIDECAR_MIN_MINOR)),
        Err(why) => {
            tracing::debug!(%why, "cannot list nodes; no native sidecars");
            false
        }
    }
}

/// The minor version of a kubelet version such as `v1.33.2` or `1.34.0-eks-1`.
fn kubelet_minor(version: &str) -> Option<u64> {
    let mut parts = version.trim_start_matches('v').split('.');
    parts.next()?.parse::<u64>().ok()?;
    let minor: String = parts.next()?.chars().take_while(char::is_ascii_digit).collect();
    minor.parse().ok()
}

/// Where and under which names kube-inject looks for in-cluster configuration.
#[derive(Debug, Clone)]
pub struct InCluster {
    /// The cluster.
    pub source: Arc<dyn ConfigMapSource>,
    /// `--meshConfigMapName` (default [`MESH_CONFIG_MAP`]).
    pub mesh_config_map: String,
    /// `--injectConfigMapName` (default [`INJECT_CONFIG_MAP`]).
    pub inject_config_map: String,
}

impl InCluster {
    /// The default ConfigMap names over `source`.
    pub fn new(source: Arc<dyn ConfigMapSource>) -> Self {
        Self { source, mesh_config_map: MESH_CONFIG_MAP.into(), inject_config_map: INJECT_CONFIG_MAP.into() }
    }

    /// A name left at its default gets the revision suffix, as upstream.
    fn suffixed(name: &str, default: &str, revision: Option<&str>) -> String {
        match revision {
            Some(rev) if name == default => format!("{default}-{rev}"),
            _ => name.to_string(),
        }
    }

    fn read(&self, name: &str, hint: &str, separator: &str) -> Result<BTreeMap<String, String>, InjectError> {
        self.source.config_map(name).map_err(|e| {
            InjectError::Config(format!(
                "could not {hint} configmap {name:?} from namespace{separator}{:?}: {e} - ",
                self.source.namespace()
            ))
        })
    }

    /// The mesh config of ConfigMap `istio[-<rev>]`, key `mesh`, over the defaults.
    pub fn mesh(&self, revision: Option<&str>) -> Result<Value, InjectError> {
        let name = Self::suffixed(&self.mesh_config_map, MESH_CONFIG_MAP, revision);
        let data = self.read(&name, "read valid", " ").map_err(|e| {
            InjectError::Config(format!(
                "{e}Use --meshConfigFile or re-run kube-inject with `-i <istioSystemNamespace> and ensure valid MeshConfig exists"
            ))
        })?;
        let text = data
            .get(MESH_KEY)
            .ok_or_else(|| InjectError::Config(format!("missing configuration map key {MESH_KEY:?}")))?;
        mesh::apply_mesh_config(text).map_err(|e| {
            InjectError::Config(format!(
                "2 errors occurred:\n\t* {e}\n\t* istioctl version {ISTIO_VERSION} cannot parse mesh config.  \
                 Install istioctl from the latest Istio release\n\n"
            ))
        })
    }

    /// The raw templates of ConfigMap `istio-sidecar-injector[-<rev>]`, key `config`.
    pub fn templates(&self, revision: Option<&str>) -> Result<BTreeMap<String, String>, InjectError> {
        let name = Self::suffixed(&self.inject_config_map, INJECT_CONFIG_MAP, revision);
        let data = self.read(&name, "find valid", "  ").map_err(|e| {
            InjectError::Config(format!(
                "{e}Use --injectConfigFile or re-run kube-inject with `-i <istioSystemNamespace>` and ensure istio-sidecar-injector configmap exists"
            ))
        })?;
        let text = data
            .get(CONFIG_KEY)
            .ok_or_else(|| InjectError::Config(format!("missing configuration map key {CONFIG_KEY:?} in {name:?}")))?;
        injector_templates(text).map_err(|e| {
            InjectError::Config(format!(
                "unable to convert data from configmap {name:?}: failed to unmarshal injection template: {e}"
            ))
        })
    }

    /// The values text of ConfigMap `istio-sidecar-injector[-<rev>]` (with a revision always the suffixed
    /// default name, as upstream), key `values`.
    pub fn values(&self, revision: Option<&str>) -> Result<String, InjectError> {
        let name = match revision {
            Some(rev) => format!("{INJECT_CONFIG_MAP}-{rev}"),
            None => self.inject_config_map.clone(),
        };
        let data = self.read(&name, "find valid", "  ").map_err(|e| {
            InjectError::Config(format!(
                "{e}Use --valuesFile or re-run kube-inject with `-i <istioSystemNamespace> and ensure istio-sidecar-injector configmap exists"
            ))
        })?;
        data.get(VALUES_KEY)
            .cloned()
            .ok_or_else(|| InjectError::Config(format!("missing configuration map key {VALUES_KEY:?} in {name:?}")))
    }
}

/// The `templates` map of an injector config (`inject.Config`); other fields are not used here. An
/// injector config without templates gives none (istiod then has nothing to inject with).
pub fn injector_templates(text: &str) -> Result<BTreeMap<String, String>, String> {
    let config = goyaml::parse(text).map_err(|e| e.to_string())?;
    let templates = match &config {
        Value::Null => return Ok(BTreeMap::new()),
        Value::Object(c) => c.get("templates"),
        other => return Err(format!("cannot unmarshal {} into inject.Config", json_kind(other))),
    };
    match templates {
        None | Some(Value::Null) => Ok(BTreeMap::new()),
        Some(Value::Object(t)) => t
            .iter()
            .map(|(name, body)| match body {
                Value::String(s) => Ok((name.clone(), s.clone())),
                Value::Null => Ok((name.clone(), String::new())),
                other => Err(format!("template {name:?}: cannot unmarshal {} into string", json_kind(other))),
            })
            .collect(),
        Some(other) => Err(format!("templates: cannot unmarshal {} into map", json_kind(other))),
    }
}

/// Go's name for a JSON value's type, for unmarshal errors.
fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    /// ConfigMaps in memory, recording what was asked.
    #[derive(Debug, Default)]
    struct Fake {
        maps: BTreeMap<String, BTreeMap<String, String>>,
        asked: Mutex<Vec<String>>,
        tag: Option<String>,
    }

    impl ConfigMapSource for Fake {
        fn reachable(&self) -> Result<(), String> {
            Ok(())
        }
        fn namespace(&self) -> &str {
            "istio-system"
        }
        fn config_map(&self, name: &str) -> Result<BTreeMap<String, String>, String> {
            if let Ok(mut asked) = self.asked.lock() {
                asked.push(name.to_string());
            }
            self.maps.get(name).cloned().ok_or_else(|| format!("configmaps {name:?} not found"))
        }
        fn kubelet_versions(&self) -> Result<Vec<String>, String> {
            Ok(Vec::new())
        }
        fn default_tag_revision(&self) -> Result<Option<String>, String> {
            Ok(self.tag.clone())
        }
    }

    fn cluster(maps: &[(&str, &[(&str, &str)])]) -> (InCluster, Arc<Fake>) {
        let fake = Arc::new(Fake {
            maps: maps
                .iter()
                .map(|(n, d)| (n.to_string(), d.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()))
                .collect(),
            ..Fake::default()
        });
        (InCluster::new(fake.clone()), fake)
    }

    #[test]
    fn revision_suffixes_default_names_only() {
        let (mut c, fake) = cluster(&[]);
        let _ = c.mesh(Some("canary"));
        let _ = c.templates(Some("canary"));
        let _ = c.values(Some("canary"));
        c.mesh_config_map = "mine".into();
        c.inject_config_map = "inj".into();
        let _ = c.mesh(Some("canary"));
        let _ = c.templates(Some("canary"));
        let _ = c.values(Some("canary"));
        let _ = c.values(None);
        assert_eq!(
            *fake.asked.lock().unwrap(),
            [
                "istio-canary",
                "istio-sidecar-injector-canary",
                "istio-sidecar-injector-canary",
                "mine",
                "inj",
                "istio-sidecar-injector-canary",
                "inj"
            ]
        );
    }

    #[test]
    fn upstream_error_texts() {
        let (c, _) = cluster(&[("istio", &[("other", "")]), ("istio-sidecar-injector", &[("config", "- a")])]);
        let err = |r: Result<String, InjectError>| r.err().map(|e| e.to_string()).unwrap_or_default();
        assert_eq!(
            err(c.mesh(Some("x")).map(|_| String::new())),
            "could not read valid configmap \"istio-x\" from namespace \"istio-system\": configmaps \"istio-x\" not \
             found - Use --meshConfigFile or re-run kube-inject with `-i <istioSystemNamespace> and ensure valid \
             MeshConfig exists"
        );
        assert_eq!(err(c.mesh(None).map(|_| String::new())), "missing configuration map key \"mesh\"");
        assert_eq!(
            err(c.templates(Some("x")).map(|_| String::new())),
            "could not find valid configmap \"istio-sidecar-injector-x\" from namespace  \"istio-system\": configmaps \
             \"istio-sidecar-injector-x\" not found - Use --injectConfigFile or re-run kube-inject with \
             `-i <istioSystemNamespace>` and ensure istio-sidecar-injector configmap exists"
        );
        assert!(err(c.templates(None).map(|_| String::new())).starts_with(
            "unable to convert data from configmap \"istio-sidecar-injector\": failed to unmarshal injection \
                 template: "
        ));
        assert_eq!(err(c.values(None)), "missing configuration map key \"values\" in \"istio-sidecar-injector\"");
        assert!(err(c.values(Some("x"))).ends_with(
            "- Use --valuesFile or re-run kube-inject with `-i <istioSystemNamespace> and ensure istio-sidecar-injector \
             configmap exists"
        ));
    }

    #[test]
    fn the_default_tag_names_the_revision() {
        let tagged = |tag: Option<&str>| Fake { tag: tag.map(str::to_string), ..Fake::default() };
        assert_eq!(default_revision(&tagged(Some("canary"))), Some("canary".to_string()));
        assert_eq!(default_revision(&tagged(Some("default"))), None);
        assert_eq!(default_revision(&tagged(Some(""))), None);
        assert_eq!(default_revision(&tagged(None)), None);
    }

    #[test]
    fn native_sidecars_need_every_kubelet_at_1_33() {
        let v = |vs: &[&str]| Ok(vs.iter().map(|s| s.to_string()).collect());
        assert!(native_sidecars(None, v(&[])));
        assert!(native_sidecars(Some("auto"), v(&["v1.33.1", "v1.34.0-eks-1"])));
        assert!(!native_sidecars(None, v(&["v1.33.1", "v1.32.9"])));
        assert!(!native_sidecars(None, v(&["garbage"])));
        assert!(!native_sidecars(None, Err("forbidden".into())));
        assert!(native_sidecars(Some("true"), v(&["v1.20.0"])));
        assert!(!native_sidecars(Some("false"), v(&[])));
    }

    #[test]
    fn injector_config_forms() {
        let t = injector_templates("policy: enabled\ntemplates:\n  sidecar: |\n    spec: {}\n  gw: x\n").unwrap();
        assert_eq!(t.get("sidecar").map(String::as_str), Some("spec: {}\n"));
        assert_eq!(t.len(), 2);
        assert!(injector_templates("policy: enabled\n").unwrap().is_empty());
        assert!(injector_templates("templates: [a]\n").is_err());
        assert!(injector_templates("templates:\n  a: [1]\n").is_err());
        assert!(injector_templates("templates: {a: [").is_err());
    }
}
