//! The render pipeline of `istioctl manifest generate`: for each enabled component, build its Helm
//! values from the merged IstioOperator, render its chart, parse the objects, apply the `k8s`
//! post-processing, and finally print everything in istioctl's order.

pub mod component;
mod output;
mod paths;
mod postprocess;
pub mod tpath;

use serde_json::{Map, Value};

pub use component::{ALL_COMPONENTS, Component, ComponentName, ComponentSpec};
pub use output::{Object, YAML_SEPARATOR, kind_rank, print_objects, sort_objects};

use crate::helm::{Chart, HelmError, PreparedChart, RenderOptions};
use crate::manifests::ManifestSource;
use crate::operator::{FrontEndError, InstallInputs, Warning};

/// Why rendering failed.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The IstioOperator inputs could not be merged or validated.
    #[error(transparent)]
    FrontEnd(#[from] FrontEndError),
    #[error("get component {component}: fail to convert {component}: {message}")]
    ComponentSpec { component: String, message: String },
    #[error("helm render: {0}")]
    Helm(#[from] HelmError),
    #[error("helm render: parsing rendered output of {component}: {message}")]
    Parse { component: ComponentName, message: String },
    #[error("post processing: patch: {message}")]
    Patch { component: ComponentName, message: String },
}

/// Objects of one component, in rendering order.
#[derive(Debug, Clone, PartialEq)]
pub struct ComponentManifests {
    /// The component.
    pub component: ComponentName,
    /// Its objects (all its specs, e.g. every gateway), post-processed.
    pub objects: Vec<Object>,
}

/// Everything `manifest generate` renders.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// Per component, in istioctl's component order (only components that rendered).
    pub components: Vec<ComponentManifests>,
    /// Chart warnings (`NOTES.txt` `WARNING:` lines), for `install` to print.
    pub warnings: Vec<String>,
    /// The front end's warnings (validation warnings; errors too under `--force`).
    pub input_warnings: Vec<Warning>,
    /// The merged IstioOperator the charts were rendered from.
    pub merged: Value,
}

impl Rendered {
    /// All objects, component by component.
    pub fn objects(&self) -> impl Iterator<Item = &Object> {
        self.components.iter().flat_map(|c| c.objects.iter())
    }
}

/// `istioctl manifest generate`'s work: merge and validate the inputs, render every enabled component.
pub fn generate(inputs: &InstallInputs) -> Result<Rendered, RenderError> {
    let merged = crate::operator::load(inputs)?;
    let mut rendered = render_merged(&merged.iop, &merged.manifests)?;
    rendered.input_warnings = merged.warnings;
    rendered.merged = merged.iop;
    Ok(rendered)
}

/// The text `istioctl manifest generate` prints.
pub fn print_manifest(rendered: &Rendered) -> String {
    print_objects(rendered.objects())
}

/// Renders a fully merged IstioOperator (`spec.values` already translated, as the operator front end
/// produces it) with charts from `source`.
pub fn render_merged(merged: &Value, source: &ManifestSource) -> Result<Rendered, RenderError> {
    let mut rendered = Rendered::default();
    for comp in &ALL_COMPONENTS {
        let specs = comp.specs(merged)?;
        if specs.is_empty() {
            continue;
        }
        let chart = PreparedChart::new(Chart::load(source, &format!("charts/{}", comp.chart_dir))?)?;
        let mut objects = Vec::new();
        for spec in &specs {
            let values = component_values(comp, spec, merged);
            let mut out = chart.render(&values, &RenderOptions::istioctl(&spec.namespace))?;
            rendered.warnings.extend(out.warnings);
            if installs_crds(chart.chart(), &values) {
                out.documents.extend(chart.chart().crd_documents());
            }
            let mut docs = parse_objects(comp.name, &out.documents)?;
            let revision = values.get("revision").and_then(Value::as_str).unwrap_or_default();
            postprocess::post_process(comp, spec, &mut docs, revision)?;
            objects.extend(docs.into_iter().map(|value| Object { value, component: comp.name }));
        }
        match rendered.components.iter_mut().find(|c| c.component == comp.name) {
            Some(c) => c.objects.extend(objects),
            None => rendered.components.push(ComponentManifests { component: comp.name, objects }),
        }
    }
    Ok(rendered)
}

/// Whether the chart's `crds/` files are part of the output: always, except for the `base` chart when
/// the user set `base.enableIstioConfigCRDs: false`.
fn installs_crds(chart: &Chart, values: &Map<String, Value>) -> bool {
    let disabled = values.get("base").and_then(|b| b.get("enableIstioConfigCRDs")) == Some(&Value::Bool(false));
    !(chart.name() == BASE_CHART_NAME && disabled)
}

/// The name of the chart whose CRDs `base.enableIstioConfigCRDs` controls.
const BASE_CHART_NAME: &str = "base";

/// Parses rendered documents; those without a `kind` (empty, comments only) are not objects. Like
/// `sigs.k8s.io/yaml.Unmarshal`, only the first YAML document of a part counts.
fn parse_objects(component: ComponentName, docs: &[String]) -> Result<Vec<Value>, RenderError> {
    let mut out = Vec::with_capacity(docs.len());
    for doc in docs {
        let parsed =
            goyaml::parse_documents(doc).map_err(|e| RenderError::Parse { component, message: e.to_string() })?;
        let value = parsed.into_iter().next().map(|d| d.value).unwrap_or(Value::Null);
        let has_kind = value.get("kind").and_then(Value::as_str).is_some_and(|k| !k.is_empty());
        if has_kind {
            out.push(value);
        }
    }
    Ok(out)
}

/// The Helm values one component instance sees (`applyComponentValuesToHelmValues`).
pub fn component_values(comp: &Component, spec: &ComponentSpec, merged: &Value) -> Map<String, Value> {
    let mut values = Value::Object(match paths::get_path(merged, "spec.values") {
        Some(Value::Object(m)) => m.clone(),
        _ => Map::new(),
    });
    let root = comp.values_root;
    if comp.is_gateway() {
        paths::set_path(&mut values, &format!("{root}.name"), Value::String(spec.name.clone()));
        paths::set_path(&mut values, &format!("{root}.labels"), Value::Object(spec.labels.clone()));
        let ports = spec
            .k8s
            .as_ref()
            .and_then(|k| paths::get_path(&Value::Object(k.clone()), "service.ports").cloned())
            .and_then(|p| p.as_array().cloned())
            .unwrap_or_default();
        if !ports.is_empty() {
            paths::set_path(
                &mut values,
                &format!("{root}.ports"),
                Value::Array(ports.iter().map(service_port).collect()),
            );
        }
    }
    if !spec.hub.is_empty() {
        paths::set_path(&mut values, &format!("{root}.hub"), set_flag_value(root, "hub", &spec.hub));
    }
    if let Some(tag) = &spec.tag {
        let text = crate::operator::go_fmt_v(tag);
        paths::set_path(&mut values, &format!("{root}.tag"), set_flag_value(root, "tag", &text));
    }
    let Value::Object(mut values) = values else { return Map::new() };
    if comp.flatten_values
        && let Some(Value::Object(own)) = values.get(root).cloned()
    {
        let mut flat = Map::new();
        flat.insert("global".into(), values.get("global").cloned().unwrap_or(Value::Null));
        for (k, v) in &values {
            if !v.is_object() {
                flat.insert(k.clone(), v.clone());
            }
        }
        for (k, v) in own {
            flat.insert(k, v);
        }
        values = flat;
    }
    values
}

/// istioctl sets component hub/tag with `--set values.<root>.<field>=<text>`, typing the text as a flag.
fn set_flag_value(root: &str, field: &str, text: &str) -> Value {
    crate::operator::parse_set_value(&format!("spec.values.{root}.{field}"), text)
}

/// A `k8s.service.ports` item as Go's `corev1.ServicePort` JSON: `port` and `targetPort` always
/// present (0 when unset), the optional string fields and `nodePort` only when set.
fn service_port(p: &Value) -> Value {
    let mut out = Map::new();
    let get = |k: &str| p.get(k).filter(|v| !v.is_null());
    for key in ["name", "protocol", "appProtocol"] {
        if let Some(v) = get(key).filter(|v| v.as_str() != Some("")) {
            out.insert(key.into(), v.clone());
        }
    }
    out.insert("port".into(), get("port").cloned().unwrap_or(Value::from(0)));
    out.insert("targetPort".into(), get("targetPort").cloned().unwrap_or(Value::from(0)));
    if let Some(v) = get("nodePort").filter(|v| v.as_i64() != Some(0)) {
        out.insert("nodePort".into(), v.clone());
    }
    Value::Object(out)
}

#[cfg(test)]
mod tests;
