//! Post-processing of a component's rendered objects: each `k8s.<field>` setting becomes a strategic
//! merge patch on the component's object, then `k8s.overlays` path patches apply.

use serde_json::{Map, Value, json};

use super::RenderError;
use super::component::{Component, ComponentName, ComponentSpec};
use super::tpath;
use crate::smp::{self, Schema};

/// Where a `k8s.<field>` setting lands.
#[derive(Clone, Copy)]
enum Target {
    /// The component's workload (Deployment or DaemonSet).
    Workload,
    Hpa,
    Pdb,
    Service,
}

impl Target {
    fn kind(self, comp: &Component) -> &'static str {
        match self {
            Self::Workload => comp.resource_kind,
            Self::Hpa => "HorizontalPodAutoscaler",
            Self::Pdb => "PodDisruptionBudget",
            Self::Service => "Service",
        }
    }
}

/// How the patch document wraps the user's value.
#[derive(Clone, Copy)]
enum Wrap {
    /// `{"spec":{"template":{"spec":{<key>: v}}}}`.
    PodSpec(&'static str),
    /// `{"spec":{"template":{"spec":{"containers":[{"name": <container>, <key>: v}]}}}}`.
    Container(&'static str),
    /// `{"spec":{"template":{"metadata":{"annotations": v}}}}`.
    PodAnnotations,
    /// `{"spec":{<key>: v}}`.
    Spec(&'static str),
    /// `{"spec": v}`.
    WholeSpec,
    /// `{"metadata":{"annotations": v}}`.
    Annotations,
}

/// Every `k8s` field istioctl turns into a patch (`volumes`/`volumeMounts` are accepted and ignored).
const PATCHES: &[(&str, Target, Wrap)] = &[
    ("affinity", Target::Workload, Wrap::PodSpec("affinity")),
    ("env", Target::Workload, Wrap::Container("env")),
    ("hpaSpec", Target::Hpa, Wrap::WholeSpec),
    ("imagePullPolicy", Target::Workload, Wrap::Container("imagePullPolicy")),
    ("nodeSelector", Target::Workload, Wrap::PodSpec("nodeSelector")),
    ("podDisruptionBudget", Target::Pdb, Wrap::WholeSpec),
    ("podAnnotations", Target::Workload, Wrap::PodAnnotations),
    ("priorityClassName", Target::Workload, Wrap::PodSpec("priorityClassName")),
    ("readinessProbe", Target::Workload, Wrap::Container("readinessProbe")),
    ("replicaCount", Target::Workload, Wrap::Spec("replicas")),
    ("resources", Target::Workload, Wrap::Container("resources")),
    ("strategy", Target::Workload, Wrap::Spec("strategy")),
    ("tolerations", Target::Workload, Wrap::PodSpec("tolerations")),
    ("serviceAnnotations", Target::Service, Wrap::Annotations),
    ("service", Target::Service, Wrap::WholeSpec),
    ("securityContext", Target::Workload, Wrap::PodSpec("securityContext")),
];

fn wrap(w: Wrap, container: &str, v: Value) -> Value {
    match w {
        Wrap::PodSpec(k) => json!({"spec": {"template": {"spec": {k: v}}}}),
        Wrap::Container(k) => json!({"spec": {"template": {"spec": {"containers": [{"name": container, k: v}]}}}}),
        Wrap::PodAnnotations => json!({"spec": {"template": {"metadata": {"annotations": v}}}}),
        Wrap::Spec(k) => json!({"spec": {k: v}}),
        Wrap::WholeSpec => json!({"spec": v}),
        Wrap::Annotations => json!({"metadata": {"annotations": v}}),
    }
}

fn kind_name(v: &Value) -> (&str, &str) {
    let s = |p: &str| v.pointer(p).and_then(Value::as_str).unwrap_or_default();
    (s("/kind"), s("/metadata/name"))
}

/// Applies the component's `k8s` settings to its objects. `revision` is `spec.values.revision`.
pub fn post_process(
    comp: &Component,
    spec: &ComponentSpec,
    objects: &mut [Value],
    revision: &str,
) -> Result<(), RenderError> {
    let Some(k8s) = &spec.k8s else { return Ok(()) };
    let mut k8s = k8s.clone();
    let mut name = if spec.name.is_empty() { comp.resource_name.to_string() } else { spec.name.clone() };
    if comp.name == ComponentName::Pilot && !revision.is_empty() && revision != "default" {
        name = format!("{name}-{revision}");
    }
    if comp.is_gateway() {
        // Gateway service ports already went through the chart values; istioctl blanks them here.
        let service = k8s.entry("service").or_insert_with(|| Value::Object(Map::new()));
        if !service.is_object() {
            *service = Value::Object(Map::new());
        }
        if let Value::Object(s) = service {
            s.insert("ports".into(), Value::Array(Vec::new()));
        }
    }
    let patch_err = |e: smp::SmpError| RenderError::Patch { component: comp.name, message: e.to_string() };
    for (field, target, w) in PATCHES {
        let Some(v) = k8s.get(*field) else { continue };
        let patch = wrap(*w, comp.container_name, v.clone());
        let kind = target.kind(comp);
        for obj in objects.iter_mut().filter(|o| kind_name(o) == (kind, name.as_str())) {
            let mut patched = smp::strategic_merge_patch(obj, &patch, Schema::for_kind(kind)).map_err(patch_err)?;
            if matches!(target, Target::Pdb) {
                fix_pdb(&mut patched);
            }
            *obj = patched;
        }
    }
    apply_overlays(comp, &k8s, objects)
}

/// A PDB may not set both `minAvailable` and `maxUnavailable`; istioctl nulls `minAvailable`.
fn fix_pdb(pdb: &mut Value) {
    if let Some(spec) = pdb.get_mut("spec").and_then(Value::as_object_mut)
        && spec.contains_key("maxUnavailable")
        && spec.contains_key("minAvailable")
    {
        spec.insert("minAvailable".into(), Value::Null);
    }
}

/// `k8s.overlays[]`: `{kind, name, patches: [{path, value}]}`, matched on kind and name (namespace and
/// apiVersion ignored). Patch errors are dropped, as istioctl drops them.
fn apply_overlays(comp: &Component, k8s: &Map<String, Value>, objects: &mut [Value]) -> Result<(), RenderError> {
    let Some(overlays) = k8s.get("overlays") else { return Ok(()) };
    let bad = |what: &str| RenderError::ComponentSpec {
        component: comp.name,
        spec_key: comp.spec_key,
        message: format!("k8s.overlays: {what}"),
    };
    let overlays = match overlays {
        Value::Null => return Ok(()),
        Value::Array(a) => a,
        _ => return Err(bad("not a list")),
    };
    for overlay in overlays {
        let str_of = |key: &str| -> Result<&str, RenderError> {
            match overlay.get(key) {
                None | Some(Value::Null) => Ok(""),
                Some(Value::String(s)) => Ok(s),
                Some(_) => Err(bad(&format!("{key} is not a string"))),
            }
        };
        let (kind, name) = (str_of("kind")?, str_of("name")?);
        let patches = overlay.get("patches").and_then(Value::as_array).map(Vec::as_slice).unwrap_or_default();
        for obj in objects.iter_mut().filter(|o| kind_name(o) == (kind, name)) {
            for p in patches {
                let path = p.get("path").and_then(Value::as_str).unwrap_or_default();
                // Errors are collected and ignored by istioctl; so are they here.
                let _ = tpath::apply_patch(obj, path, p.get("value"));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::component::ALL_COMPONENTS;

    fn comp(name: ComponentName) -> Component {
        ALL_COMPONENTS.iter().copied().find(|c| c.name == name).unwrap()
    }

    fn istiod(name: &str) -> Value {
        json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": name}, "spec": {"replicas": 1,
            "template": {"spec": {"containers": [{"name": "discovery", "env": [{"name": "A", "value": "1"}]}]}}}})
    }

    #[test]
    fn patches_the_named_workload_only() {
        let spec = ComponentSpec {
            k8s: Some(
                json!({"replicaCount": 3, "env": [{"name": "B", "value": "2"}], "nodeSelector": {"a": "b"}})
                    .as_object()
                    .cloned()
                    .unwrap(),
            ),
            ..ComponentSpec::default()
        };
        let mut objs = vec![istiod("istiod-canary"), istiod("other")];
        post_process(&comp(ComponentName::Pilot), &spec, &mut objs, "canary").unwrap();
        assert_eq!(objs[0]["spec"]["replicas"], 3);
        assert_eq!(objs[0].pointer("/spec/template/spec/containers/0/env/0/name").unwrap(), "B");
        assert_eq!(objs[0].pointer("/spec/template/spec/nodeSelector/a").unwrap(), "b");
        assert_eq!(objs[1], istiod("other"));
    }

    #[test]
    fn pdb_with_both_bounds_nulls_min_available() {
        let spec = ComponentSpec {
            k8s: Some(json!({"podDisruptionBudget": {"maxUnavailable": 1}}).as_object().cloned().unwrap()),
            ..ComponentSpec::default()
        };
        let mut objs =
            vec![json!({"kind": "PodDisruptionBudget", "metadata": {"name": "istiod"}, "spec": {"minAvailable": 1}})];
        post_process(&comp(ComponentName::Pilot), &spec, &mut objs, "").unwrap();
        assert_eq!(objs[0]["spec"], json!({"minAvailable": null, "maxUnavailable": 1}));
    }

    #[test]
    fn overlays_apply_by_kind_and_name() {
        let spec = ComponentSpec {
            name: "gw".into(),
            k8s: Some(
                json!({"overlays": [{"kind": "Deployment", "name": "gw", "patches": [
                    {"path": "spec.replicas", "value": 5},
                    {"path": "spec.nope.[0].x", "value": 1},
                    {"path": "metadata.labels"}
                ]}]})
                .as_object()
                .cloned()
                .unwrap(),
            ),
            ..ComponentSpec::default()
        };
        let mut objs = vec![
            json!({"kind": "Deployment", "metadata": {"name": "gw", "labels": {"a": "b"}}, "spec": {"replicas": 1}}),
            json!({"kind": "Service", "metadata": {"name": "gw"}, "spec": {"ports": [{"port": 80}]}}),
        ];
        post_process(&comp(ComponentName::IngressGateways), &spec, &mut objs, "").unwrap();
        assert_eq!(objs[0]["spec"]["replicas"], 5);
        assert!(objs[0]["metadata"].get("labels").is_none());
        // The blanked gateway service patch leaves ports alone.
        assert_eq!(objs[1]["spec"]["ports"], json!([{"port": 80}]));
    }
}
