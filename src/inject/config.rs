//! Where kube-inject's configuration comes from: the `--injectConfigFile`, `--meshConfigFile`,
//! `--valuesFile` and `--operatorFileName` files (upstream formats), else a reachable cluster's
//! ConfigMaps (see [`super::incluster`]), else built-in defaults (the default profile's values, the
//! chart's mesh config and our own templates).

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{Value, json};

use super::incluster::{self, InCluster};
use super::{InjectError, InjectOptions, funcs, mesh};
use crate::install::labels::DEFAULT_REVISION;
use crate::{operator, render};

/// The template every pod gets unless `inject.istio.io/templates` says otherwise.
pub const SIDECAR_TEMPLATE: &str = "sidecar";

/// Parsed templates by name.
pub type Templates = BTreeMap<String, gotmpl::Template>;

/// Our own injection templates, by the names upstream's chart gives them.
pub const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    (
        SIDECAR_TEMPLATE,
        include_str!("../../manifests/charts/istio-control/istio-discovery/files/injection-template.yaml"),
    ),
    (
        "gateway",
        include_str!("../../manifests/charts/istio-control/istio-discovery/files/gateway-injection-template.yaml"),
    ),
    ("grpc-simple", include_str!("../../manifests/charts/istio-control/istio-discovery/files/grpc-simple.yaml")),
    ("grpc-agent", include_str!("../../manifests/charts/istio-control/istio-discovery/files/grpc-agent.yaml")),
    ("agentgateway", include_str!("../../manifests/charts/istio-control/istio-discovery/files/agentgateway.yaml")),
    ("waypoint", include_str!("../../manifests/charts/istio-control/istio-discovery/files/waypoint.yaml")),
    ("kube-gateway", include_str!("../../manifests/charts/istio-control/istio-discovery/files/kube-gateway.yaml")),
];

/// The configuration one kube-inject run uses.
pub struct InjectConfig {
    pub templates: Templates,
    pub values: Value,
    pub mesh: Value,
    /// Notes for stderr (e.g. that built-in defaults were used).
    pub notes: Vec<String>,
    /// Native sidecars as the cluster decides them, when the templates came from a cluster (upstream
    /// detects them only with a client); `None` leaves the decision to the options.
    pub native_sidecars: Option<bool>,
    /// The revision the cluster's default tag names, when `--revision` was not given and the cluster was
    /// read: the templates see it, as upstream's.
    pub revision: Option<String>,
}

fn read(path: &Path) -> Result<String, InjectError> {
    std::fs::read_to_string(path)
        .map_err(|e| InjectError::Io { path: path.display().to_string(), message: super::io_message(&e) })
}

/// Go expressions of upstream's templates that need a Go `Stringer` (our enum views are plain
/// strings already), rewritten to their string equivalent before parsing.
const STRINGER_CALLS: &[(&str, &str)] = &[(".InterceptionMode.String", ".InterceptionMode")];

/// Parses raw templates into a template set each, with Sprig and Istio's functions.
/// Parses one injection template the way istiod does: Sprig, then Istio's own template functions.
pub fn parse_template(text: &str) -> Result<gotmpl::Template, InjectError> {
    let text = STRINGER_CALLS.iter().fold(text.to_string(), |t, (from, to)| t.replace(from, to));
    let mut t = gotmpl::Template::named("inject");
    t.add_funcs(gotmpl::sprig_funcs());
    t.add_funcs(funcs::injection_funcs());
    t.parse("inject", &text).map_err(|e| InjectError::Config(e.to_string()))?;
    Ok(t)
}

pub fn parse_templates(raw: &BTreeMap<String, String>) -> Result<Templates, InjectError> {
    let mut out = Templates::new();
    for (name, text) in raw {
        out.insert(name.clone(), parse_template(text)?);
    }
    Ok(out)
}

/// `readInjectConfigFile`: an injector config with a non-empty `templates` map, or a bare template.
pub fn read_inject_config(text: &str) -> BTreeMap<String, String> {
    let templates = goyaml::parse(text).ok().and_then(|v| v.get("templates").and_then(Value::as_object).cloned());
    match templates {
        Some(t) if !t.is_empty() => {
            t.iter().map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_string())).collect()
        }
        _ => BTreeMap::from([(SIDECAR_TEMPLATE.to_string(), text.to_string())]),
    }
}

/// Values text (JSON or YAML) -> the values map (`NewValuesConfig`).
pub fn parse_values(text: &str) -> Result<Value, InjectError> {
    let v =
        goyaml::parse(text).map_err(|e| InjectError::Config(format!("could not parse configuration values: {e}")))?;
    match v {
        Value::Null => Ok(json!({})),
        Value::Object(_) => Ok(v),
        other => Err(InjectError::Config(format!("could not parse configuration values: not a map: {other}"))),
    }
}

/// The built-in templates plus the ones `values.sidecarInjectorWebhook.templates` adds (the chart
/// appends those to the templates map).
pub fn builtin_raw_templates(values: &Value) -> BTreeMap<String, String> {
    let mut raw: BTreeMap<String, String> =
        BUILTIN_TEMPLATES.iter().map(|(n, t)| ((*n).to_string(), (*t).to_string())).collect();
    if let Some(extra) = values.pointer("/sidecarInjectorWebhook/templates").and_then(Value::as_object) {
        for (k, v) in extra {
            raw.insert(k.clone(), v.as_str().unwrap_or_default().to_string());
        }
    }
    raw
}

/// The injector values and the mesh config the charts render for `inputs`: ConfigMap
/// `istio-sidecar-injector[-<rev>]` key `values` and ConfigMap `istio[-<rev>]` key `mesh`.
fn rendered_config(inputs: &operator::InstallInputs) -> Result<(Value, Value), InjectError> {
    let rendered = render::generate(inputs).map_err(|e| InjectError::Config(e.to_string()))?;
    let data = |key: &str| {
        rendered
            .objects()
            .filter(|o| o.kind() == "ConfigMap")
            .find_map(|o| o.value.pointer(&format!("/data/{key}")).and_then(Value::as_str).map(str::to_string))
            .ok_or_else(|| {
                InjectError::Config(format!("the rendered control plane has no ConfigMap with a {key:?} key"))
            })
    };
    let values = parse_values(&data("values")?)?;
    let mesh = mesh::apply_mesh_config(&data("mesh")?)?;
    Ok((values, mesh))
}

/// Loads the configuration for `opts`, in upstream's precedence order: `--operatorFileName` over
/// the `--meshConfigFile`/`--valuesFile`/`--injectConfigFile` files; for what is still missing, the
/// cluster's ConfigMaps when `opts.cluster` answers (read in upstream's order: mesh config, templates,
/// values; a missing ConfigMap is an error), else the control plane the default profile renders and our
/// own templates, with a note saying so.
pub fn load(opts: &InjectOptions) -> Result<InjectConfig, InjectError> {
    let revision = Some(opts.revision.clone()).filter(|r| !r.is_empty() && r != DEFAULT_REVISION);
    let (mut iop_values, mut iop_mesh) = (None, None);
    if let Some(path) = &opts.operator_file_name {
        let inputs = operator::InstallInputs {
            files: vec![path.clone()],
            force: true,
            revision: revision.clone(),
            ..Default::default()
        };
        match rendered_config(&inputs) {
            Ok((values, mesh)) => {
                iop_values = Some(values);
                iop_mesh = Some(mesh);
            }
            Err(_) => {
                // What upstream itself takes (`render.MergeInputs`): `spec.values` and `spec.meshConfig`.
                let merged = operator::load(&inputs).map_err(|e| InjectError::Config(e.to_string()))?;
                iop_values = Some(merged.iop.pointer("/spec/values").cloned().unwrap_or_else(|| json!({})));
                if let Some(m) = merged.iop.pointer("/spec/meshConfig").filter(|m| !m.is_null()) {
                    iop_mesh = Some(mesh::apply_mesh_config(&serde_json::to_string(m).unwrap_or_default())?);
                }
            }
        }
    }
    // The cluster, asked (once) only when something is still missing, with the revision to read: the
    // given one, else the one the default tag names.
    let mut reached: Option<Result<Option<String>, ()>> = None;
    let mut cluster = || -> Option<(&InCluster, Option<String>)> {
        let c = opts.cluster.as_ref()?;
        let state = reached.get_or_insert_with(|| match c.source.reachable() {
            Ok(()) => Ok(revision.clone().or_else(|| incluster::default_revision(c.source.as_ref()))),
            Err(why) => {
                tracing::debug!(%why, "no cluster for kube-inject's configuration");
                Err(())
            }
        });
        state.as_ref().ok().map(|rev| (c, rev.clone()))
    };
    let mesh = match (iop_mesh, &opts.mesh_config_file) {
        (Some(m), _) => Some(m),
        (None, Some(path)) => {
            let text = read(path).map_err(|e| InjectError::Config(format!("cannot read mesh config file: {e}")))?;
            Some(mesh::apply_mesh_config(&text)?)
        }
        (None, None) => cluster().map(|(c, rev)| c.mesh(rev.as_deref())).transpose()?,
    };
    let (raw, native_sidecars) = match &opts.inject_config_file {
        Some(path) => (Some(read_inject_config(&read(path)?)), None),
        None => match cluster() {
            Some((c, rev)) => {
                let env = std::env::var(super::NATIVE_SIDECARS_ENV).ok();
                let native = incluster::native_sidecars(env.as_deref(), c.source.kubelet_versions());
                (Some(c.templates(rev.as_deref())?), Some(native))
            }
            None => (None, None),
        },
    };
    let values = match (iop_values, &opts.values_file) {
        (Some(v), _) => Some(v),
        (None, Some(path)) => Some(parse_values(&read(path)?)?),
        (None, None) => {
            cluster().map(|(c, rev)| c.values(rev.as_deref())).transpose()?.map(|t| parse_values(&t)).transpose()?
        }
    };
    let mut notes = Vec::new();
    let (values, mesh) = match (values, mesh) {
        (Some(v), Some(m)) => (v, m),
        (values, mesh) => {
            let defaulted: Vec<&str> = [(values.is_none(), "values"), (mesh.is_none(), "mesh config")]
                .iter()
                .filter(|d| d.0)
                .map(|d| d.1)
                .collect();
            notes.push(format!(
                "kube-inject: no cluster configuration available; using the {} of the default profile",
                defaulted.join(" and ")
            ));
            let (dv, dm) =
                rendered_config(&operator::InstallInputs { revision: revision.clone(), ..Default::default() })?;
            (values.unwrap_or(dv), mesh.unwrap_or(dm))
        }
    };
    let raw = raw.unwrap_or_else(|| builtin_raw_templates(&values));
    // The revision the templates see, when the default tag chose it.
    let revision = match reached {
        Some(Ok(rev)) if revision.is_none() => rev,
        _ => None,
    };
    Ok(InjectConfig { templates: parse_templates(&raw)?, values, mesh, notes, native_sidecars, revision })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Template data like istiod's gateway controller passes to the waypoint/kube-gateway templates.
    fn gateway_data() -> gotmpl::Value {
        let (values, mesh) = rendered_config(&operator::InstallInputs::default()).unwrap_or_default();
        let data = json!({
            "Name": "gw", "Namespace": "ns", "UID": "uid-1", "GatewayClass": "istio-waypoint",
            "ControllerLabel": "istio.io-mesh-controller", "GatewayNameLabel": "gateway.networking.k8s.io/gateway-name",
            "DeploymentName": "gw-istio", "ServiceAccount": "gw-sa", "ServiceType": "ClusterIP", "KubeVersion": 130,
            "Revision": "", "ClusterID": "Kubernetes", "ProxyImage": "docker.io/istio/proxyv2:1.30.3",
            "ProxyUID": 1337, "ProxyGID": 1337,
            "InfrastructureLabels": {"topology.istio.io/network": "net1"},
            "InfrastructureAnnotations": {"kubectl.kubernetes.io/last-applied-configuration": "x", "a": "b"},
            "Ports": [{"Name": "mesh", "Port": 15008, "AppProtocol": "all"}],
            "Spec": {"Addresses": []},
            "ObjectMeta": {"Annotations": {}, "Labels": {}},
        });
        let v = gotmpl::Value::from_json(&data);
        if let Some(m) = v.as_map() {
            m.insert("Values", gotmpl::Value::from_json_f64(&values));
            m.insert("MeshConfig", super::super::goview::view(&mesh, ""));
            let mut pc = mesh.get("defaultConfig").cloned().unwrap_or_default();
            if let Some(p) = pc.as_object_mut() {
                p.insert("interceptionMode".into(), json!("REDIRECT"));
            }
            m.insert("ProxyConfig", super::super::goview::view(&pc, ""));
        }
        v
    }

    fn render(name: &str) -> Vec<Value> {
        let raw = builtin_raw_templates(&json!({}));
        let templates = parse_templates(&raw).unwrap();
        let text = templates[name].execute("inject", &gateway_data()).unwrap();
        goyaml::parse_documents(&text).unwrap().into_iter().map(|d| d.value).collect()
    }

    #[test]
    fn waypoint_renders_the_gateway_resources() {
        let docs = render("waypoint");
        let kinds: Vec<&str> = docs.iter().filter_map(|d| d["kind"].as_str()).collect();
        assert_eq!(
            kinds,
            ["ServiceAccount", "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget"]
        );
        let deploy = &docs[1];
        assert_eq!(deploy.pointer("/metadata/annotations"), Some(&json!({"a": "b"})));
        assert_eq!(
            deploy.pointer("/metadata/labels/gateway.istio.io~1managed"),
            Some(&json!("istio.io-mesh-controller"))
        );
        let proxy = deploy.pointer("/spec/template/spec/containers/0").unwrap();
        assert_eq!(proxy["args"][1], "waypoint");
        let env: Vec<&str> = proxy["env"].as_array().unwrap().iter().filter_map(|e| e["name"].as_str()).collect();
        assert!(env.contains(&"ISTIO_META_NETWORK"));
        assert_eq!(proxy["resources"]["limits"]["cpu"], "2");
        assert_eq!(docs[0].pointer("/metadata/ownerReferences/0/uid"), Some(&json!("uid-1")));
        assert_eq!(docs[2].pointer("/spec/ports/0/port"), Some(&json!(15008)));
    }

    #[test]
    fn kube_gateway_renders_a_router() {
        let docs = render("kube-gateway");
        let kinds: Vec<&str> = docs.iter().filter_map(|d| d["kind"].as_str()).collect();
        assert_eq!(
            kinds,
            ["ServiceAccount", "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget"]
        );
        let spec = docs[1].pointer("/spec/template/spec").unwrap();
        assert_eq!(spec.pointer("/securityContext/sysctls/0/value"), Some(&json!("0")));
        let proxy = &spec["containers"][0];
        assert_eq!(proxy["args"][1], "router");
        let env: Vec<&str> = proxy["env"].as_array().unwrap().iter().filter_map(|e| e["name"].as_str()).collect();
        assert!(env.contains(&"ISTIO_META_REQUESTED_NETWORK_VIEW") && env.contains(&"ISTIO_META_POD_PORTS"));
        assert_eq!(
            docs[1].pointer("/metadata/labels/gateway.istio.io~1managed"),
            Some(&json!("istio.io-gateway-controller"))
        );
    }

    #[test]
    fn injector_config_file_forms() {
        let t = read_inject_config("templates:\n  a: x\n  b: y\n");
        assert_eq!(t.keys().collect::<Vec<_>>(), ["a", "b"]);
        let t = read_inject_config("spec: {}\n");
        assert_eq!(t.get(SIDECAR_TEMPLATE).map(String::as_str), Some("spec: {}\n"));
    }
}
