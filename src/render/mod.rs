//! The render pipeline of `istioctl manifest generate`: for each enabled component, build its Helm
//! values from the merged IstioOperator, render its chart, parse the objects, apply the `k8s`
//! post-processing, and finally print everything in istioctl's order.
//!
//! Entry points: [`generate`] (or [`generate_for`] with a cluster's version) then [`print_manifest`]
//! for `manifest generate`; [`Rendered`] keeps each object's component for `install`; [`migrate`] for
//! `manifest translate`; [`render_merged`] / [`render_components`] when the merged IstioOperator is
//! already at hand.

pub mod component;
mod output;
mod postprocess;
pub mod tpath;

use serde_json::{Map, Value};

pub use component::{ALL_COMPONENTS, Component, ComponentName, ComponentSpec};
pub use output::{Object, YAML_SEPARATOR, kind_rank, print_objects, sort_objects};

use crate::helm::{Chart, HelmError, KubeVersion, PreparedChart, RenderOptions};
use crate::manifests::ManifestSource;
use crate::operator::{FrontEndError, InstallInputs, Warning};

/// Why rendering failed.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The IstioOperator inputs could not be merged or validated.
    #[error(transparent)]
    FrontEnd(#[from] FrontEndError),
    /// A component spec does not decode (`get component Pilot: fail to convert pilot: ...`).
    #[error("get component {component}: fail to convert {spec_key}: {message}")]
    ComponentSpec { component: ComponentName, spec_key: &'static str, message: String },
    /// A chart failed to load or render.
    #[error("helm render: {0}")]
    Helm(#[from] HelmError),
    /// A chart rendered text that is not YAML.
    #[error("helm render: parsing rendered output of {component}: {message}")]
    Parse { component: ComponentName, message: String },
    /// A `k8s` setting could not be applied as a strategic merge patch.
    #[error("post processing: patch: {message}")]
    Patch { component: ComponentName, message: String },
    /// A component's own values cannot be set (a values node on the way is not a map).
    #[error("component {component} values: {source}")]
    Values { component: ComponentName, source: crate::operator::SetPathError },
    /// Rendering a component stopped abnormally (a defect, reported rather than propagated).
    #[error("internal error while rendering component {component}")]
    Crashed { component: ComponentName },
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
    generate_for(inputs, &KubeVersion::default())
}

/// [`generate`] for a known cluster version (`--cluster-specific`; without a cluster istioctl uses 1.32.0).
pub fn generate_for(inputs: &InstallInputs, kube_version: &KubeVersion) -> Result<Rendered, RenderError> {
    let merged = crate::operator::load(inputs)?;
    let mut rendered = render_merged(&merged.iop, &merged.manifests, kube_version)?;
    rendered.input_warnings = merged.warnings;
    rendered.merged = merged.iop;
    Ok(rendered)
}

/// The text `istioctl manifest generate` prints.
pub fn print_manifest(rendered: &Rendered) -> String {
    print_objects(rendered.objects())
}

/// One rendered instance of a component (a gateway, or the single spec of other components).
#[derive(Debug, Clone)]
pub struct ComponentRender {
    /// The component.
    pub component: Component,
    /// The spec it was rendered for.
    pub spec: ComponentSpec,
    /// The Helm values it was rendered with (`spec.values` as the chart saw it).
    pub values: Map<String, Value>,
    /// Its objects, in chart order.
    pub objects: Vec<Value>,
    /// Its chart's `NOTES.txt` warnings.
    pub warnings: Vec<String>,
}

/// Stack size of a component's rendering thread (template nesting recurses natively).
const RENDER_THREAD_STACK: usize = 16 << 20;

/// Renders every enabled component instance of a merged IstioOperator, with or without the `k8s`
/// post-processing (istioctl's `GenerateManifest` applies it; `Migrate`, behind `manifest translate`,
/// does not). Components render in parallel; results and the first error come in component order, as
/// istioctl's sequential loop would give them.
pub fn render_components(
    merged: &Value,
    source: &ManifestSource,
    kube_version: &KubeVersion,
    post_process: bool,
) -> Result<Vec<ComponentRender>, RenderError> {
    let render = |comp: &Component| render_component(comp, merged, source, kube_version, post_process);
    let results: Vec<Result<Vec<ComponentRender>, RenderError>> = std::thread::scope(|scope| {
        let handles: Vec<_> = ALL_COMPONENTS
            .iter()
            .map(|comp| {
                let spawned = std::thread::Builder::new()
                    .name(format!("render-{}", comp.spec_key))
                    .stack_size(RENDER_THREAD_STACK)
                    .spawn_scoped(scope, move || render(comp));
                (comp, spawned)
            })
            .collect();
        handles
            .into_iter()
            .map(|(comp, spawned)| match spawned {
                Ok(handle) => handle.join().unwrap_or_else(|_| Err(RenderError::Crashed { component: comp.name })),
                // No thread to be had: render here.
                Err(_) => render(comp),
            })
            .collect()
    });
    let mut out = Vec::new();
    for result in results {
        out.extend(result?);
    }
    Ok(out)
}

/// Renders the enabled instances of one component.
fn render_component(
    comp: &Component,
    merged: &Value,
    source: &ManifestSource,
    kube_version: &KubeVersion,
    post_process: bool,
) -> Result<Vec<ComponentRender>, RenderError> {
    let specs = comp.specs(merged)?;
    if specs.is_empty() {
        return Ok(Vec::new());
    }
    let chart = PreparedChart::new(Chart::load(source, &format!("charts/{}", comp.chart_dir))?)?;
    let mut out = Vec::with_capacity(specs.len());
    for spec in specs {
        let values = component_values(comp, &spec, merged)?;
        let opts = RenderOptions { kube_version: kube_version.clone(), ..RenderOptions::istioctl(&spec.namespace) };
        let mut rendered = chart.render(&values, &opts)?;
        if installs_crds(chart.chart(), &values) {
            rendered.documents.extend(chart.chart().crd_documents());
        }
        let mut objects = parse_objects(comp.name, &rendered.documents)?;
        if post_process {
            let revision = values.get("revision").and_then(Value::as_str).unwrap_or_default();
            postprocess::post_process(comp, &spec, &mut objects, revision)?;
        }
        out.push(ComponentRender { component: *comp, spec, values, objects, warnings: rendered.warnings });
    }
    Ok(out)
}

/// Renders a fully merged IstioOperator (`spec.values` already translated, as the operator front end
/// produces it) with charts from `source`, post-processed and grouped by component.
pub fn render_merged(
    merged: &Value,
    source: &ManifestSource,
    kube_version: &KubeVersion,
) -> Result<Rendered, RenderError> {
    let mut rendered = Rendered::default();
    for part in render_components(merged, source, kube_version, true)? {
        rendered.warnings.extend(part.warnings);
        let name = part.component.name;
        let objects = part.objects.into_iter().map(|value| Object { value, component: name });
        match rendered.components.iter_mut().find(|c| c.component == name) {
            Some(c) => c.objects.extend(objects),
            None => rendered.components.push(ComponentManifests { component: name, objects: objects.collect() }),
        }
    }
    Ok(rendered)
}

/// What `manifest translate` needs (upstream `render.Migrate`): each component instance rendered with its
/// values but without `k8s` post-processing.
pub fn migrate(inputs: &InstallInputs) -> Result<Vec<ComponentRender>, RenderError> {
    let merged = crate::operator::load(inputs)?;
    render_components(&merged.iop, &merged.manifests, &KubeVersion::default(), false)
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

/// The value at a dotted path of plain keys.
fn get_dotted<'a>(tree: &'a Value, path: &str) -> Option<&'a Value> {
    crate::operator::FieldPath::keys(path.split('.')).get(tree)
}

/// The Helm values one component instance sees (`applyComponentValuesToHelmValues`).
pub fn component_values(
    comp: &Component,
    spec: &ComponentSpec,
    merged: &Value,
) -> Result<Map<String, Value>, RenderError> {
    let mut values = Value::Object(match get_dotted(merged, "spec.values") {
        Some(Value::Object(m)) => m.clone(),
        _ => Map::new(),
    });
    let root = comp.values_root;
    let mut set = |field: &str, value: Value| {
        crate::operator::set_path(&mut values, &format!("{root}.{field}"), value)
            .map(|_| ())
            .map_err(|source| RenderError::Values { component: comp.name, source })
    };
    if comp.is_gateway() {
        set("name", Value::String(spec.name.clone()))?;
        set("labels", Value::Object(spec.labels.clone()))?;
        let ports = spec
            .k8s
            .as_ref()
            .and_then(|k| k.get("service"))
            .and_then(|s| s.get("ports"))
            .and_then(Value::as_array)
            .map(|p| p.iter().map(service_port).collect::<Vec<_>>())
            .unwrap_or_default();
        if !ports.is_empty() {
            set("ports", Value::Array(ports))?;
        }
    }
    if !spec.hub.is_empty() {
        set("hub", set_flag_value(root, "hub", &spec.hub))?;
    }
    if let Some(tag) = &spec.tag {
        let text = crate::operator::go_fmt_v(tag);
        set("tag", set_flag_value(root, "tag", &text))?;
    }
    let Value::Object(mut values) = values else { return Ok(Map::new()) };
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
    Ok(values)
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
