//! The Helm layer: load a chart, coalesce values, and render its templates the way Helm v3's engine
//! does inside `istioctl` (release `istio`, `missingkey=zero`, `<no value>` erased, Helm's template
//! functions), returning the rendered documents in istioctl's order plus `NOTES.txt` warnings.

mod chart;
mod funcs;
mod values;

use std::collections::BTreeMap;
use std::sync::Arc;

use gotmpl::{MissingKey, Template, Value as TValue};
use serde_json::{Map, Value};

pub use chart::Chart;
pub use values::coalesce;

/// The release name istioctl renders every chart with.
pub const RELEASE_NAME: &str = "istio";
/// Helm's name for the root of a template set; `tpl` templates take this name.
pub const ROOT_TEMPLATE_NAME: &str = "gotpl";
/// The Kubernetes minor version istioctl renders for when it has no cluster (`MinK8SVersion`).
pub const DEFAULT_KUBE_MINOR: u32 = 32;
/// What Helm substitutes for `<no value>` in rendered text.
const NO_VALUE: &str = "<no value>";
/// Rendered files with this suffix are notes: their `WARNING: ` lines become warnings.
const NOTES_SUFFIX: &str = ".txt";
const WARNING_PREFIX: &str = "WARNING: ";

/// A Helm failure: loading, parsing or executing a chart.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HelmError {
    /// The chart's files could not be read or `Chart.yaml`/`values.yaml` are broken.
    #[error("load chart: {message}")]
    Load { chart: String, message: String },
    /// A template does not parse.
    #[error("render chart: {message}")]
    Parse { template: String, message: String },
    /// A template failed while executing (`fail`, `required`, a bad call...).
    #[error("render chart: {message}")]
    Execute { template: String, message: String },
}

/// `.Capabilities.KubeVersion`: what the cluster reports (`GitVersion`, `Major`, `Minor`), or 1.32.0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KubeVersion {
    /// `v1.32.0`, or a cluster's git version such as `v1.29.3-gke.1`.
    pub version: String,
    /// `1`.
    pub major: String,
    /// `32` (clusters may report `29+`).
    pub minor: String,
}

impl Default for KubeVersion {
    /// istioctl's version without a cluster: 1.32.0.
    fn default() -> Self {
        Self { version: format!("v1.{DEFAULT_KUBE_MINOR}.0"), major: "1".into(), minor: DEFAULT_KUBE_MINOR.to_string() }
    }
}

/// What a render is for: release name, namespace and cluster version.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    pub release_name: String,
    pub namespace: String,
    pub kube_version: KubeVersion,
}

impl RenderOptions {
    /// istioctl's options for a component rendered into `namespace`.
    pub fn istioctl(namespace: &str) -> Self {
        Self {
            release_name: RELEASE_NAME.to_string(),
            namespace: namespace.to_string(),
            kube_version: KubeVersion::default(),
        }
    }
}

/// The result of rendering one chart.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChartOutput {
    /// Non-empty YAML documents, trimmed, in istioctl's order (template files sorted by name, each
    /// split on `---` lines).
    pub documents: Vec<String>,
    /// `WARNING: ` lines of the notes, without the prefix.
    pub warnings: Vec<String>,
}

/// A chart with its templates parsed once, ready to render many times.
#[derive(Clone)]
pub struct PreparedChart {
    chart: Chart,
    template: Template,
    /// Every template name with the chart (or subchart) it belongs to, in Helm's execution order.
    order: Vec<(String, usize)>,
    /// Charts by index: 0 is the root, then subcharts depth-first.
    charts: Vec<ChartRef>,
}

#[derive(Clone)]
struct ChartRef {
    /// Path of the chart inside the template namespace (`istiod`, `istiod/charts/sub`).
    base: String,
    /// Path of the subchart from the root (names), empty for the root.
    scope: Vec<String>,
    /// The chart's `.Files`, shared by every render.
    files: Arc<BTreeMap<String, String>>,
}

impl std::fmt::Debug for PreparedChart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PreparedChart")
            .field("chart", &self.chart.name())
            .field("templates", &self.order.len())
            .finish()
    }
}

/// Helm's `sortTemplates`: deepest paths first, then reverse lexical order.
fn helm_order(a: &str, b: &str) -> std::cmp::Ordering {
    let (ca, cb) = (a.matches('/').count(), b.matches('/').count());
    cb.cmp(&ca).then_with(|| b.cmp(a))
}

fn is_partial(name: &str) -> bool {
    name.rsplit('/').next().is_some_and(|base| base.starts_with('_'))
}

impl PreparedChart {
    /// Parses every template of `chart` (and its subcharts) into one template set.
    pub fn new(chart: Chart) -> Result<Self, HelmError> {
        let mut template = Template::named(ROOT_TEMPLATE_NAME);
        template.add_funcs(gotmpl::sprig_funcs());
        template.add_funcs(funcs::helm_funcs());
        template.set_missing_key(MissingKey::Zero);
        let mut sources: Vec<(String, usize, &str)> = Vec::new();
        let mut charts = Vec::new();
        collect_templates(&chart, chart.name().to_string(), Vec::new(), &mut charts, &mut sources);
        sources.sort_by(|a, b| helm_order(&a.0, &b.0));
        for (name, _, text) in &sources {
            template
                .parse(name, text)
                .map_err(|e| HelmError::Parse { template: name.clone(), message: parse_message(name, &e) })?;
        }
        let order = sources.into_iter().map(|(n, i, _)| (n, i)).collect();
        Ok(Self { chart, template, order, charts })
    }

    /// The chart.
    pub fn chart(&self) -> &Chart {
        &self.chart
    }

    /// Renders with `values` (the user's values; the chart's defaults are coalesced underneath).
    pub fn render(&self, values: &Map<String, Value>, opts: &RenderOptions) -> Result<ChartOutput, HelmError> {
        let root_values = coalesce_with_subcharts(&self.chart, values);
        let release = TValue::from_json(&serde_json::json!({
            "Name": opts.release_name,
            "Namespace": opts.namespace,
            "IsUpgrade": false,
            "IsInstall": false,
            "Revision": 0,
            "Service": "Helm",
        }));
        let capabilities = capabilities(&opts.kube_version);
        // One top-level map per chart, shared by all its templates: a template that changes `$.Values`
        // (as Istio's zzz_profile.yaml does) changes it for the templates rendered after it.
        let tops: Vec<TValue> = self
            .charts
            .iter()
            .map(|c| {
                let chart = chart_at(&self.chart, &c.scope);
                let scoped = scoped_values(&root_values, &c.scope);
                let files = funcs::files_object(Arc::clone(&c.files));
                TValue::map_from([
                    ("Values", TValue::from_json_f64(&Value::Object(scoped))),
                    ("Release", release.deep_copy()),
                    ("Chart", TValue::from_json(&chart.map(Chart::metadata_object).unwrap_or(Value::Null))),
                    ("Capabilities", capabilities.clone()),
                    ("Files", files),
                    ("Subcharts", TValue::new_map()),
                ])
            })
            .collect();
        let mut rendered: BTreeMap<&str, String> = BTreeMap::new();
        for (name, idx) in &self.order {
            if is_partial(name) {
                continue;
            }
            let (Some(top), Some(c)) = (tops.get(*idx), self.charts.get(*idx)) else { continue };
            if let Some(m) = top.as_map() {
                m.insert(
                    "Template",
                    TValue::map_from([
                        ("Name", TValue::string(name.as_str())),
                        ("BasePath", TValue::string(format!("{}/templates", c.base))),
                    ]),
                );
            }
            let text = self
                .template
                .execute(name, top)
                .map_err(|e| HelmError::Execute { template: name.clone(), message: exec_message(&e) })?;
            rendered.insert(name, text.replace(NO_VALUE, ""));
        }
        let mut out = ChartOutput::default();
        for (name, text) in rendered {
            if name.ends_with(NOTES_SUFFIX) {
                out.warnings = extract_warnings(&text);
                continue;
            }
            out.documents.extend(split_documents(&text));
        }
        Ok(out)
    }
}

/// Helm's error text for a failed template (`reformatExecErrorMsg`): a function error becomes
/// `execution error at (<template>:<line>:<col>): <msg>`, anything else stays Go's message.
fn exec_message(e: &gotmpl::Error) -> String {
    let called = e.detail().strip_prefix("error calling ").and_then(|rest| rest.split_once(": ")).map(|(_, msg)| msg);
    match (e.location(), called) {
        (Some(loc), Some(msg)) => format!("execution error at ({loc}): {msg}"),
        _ => e.message().to_string(),
    }
}

/// Helm's error text for a template that does not parse (`cleanupParseError`).
fn parse_message(name: &str, e: &gotmpl::Error) -> String {
    let message = e.message();
    let tokens: Vec<&str> = message.split(": ").collect();
    match (tokens.get(1), tokens.last()) {
        (Some(location), Some(last)) if tokens.len() > 1 => format!("parse error at ({location}): {last}"),
        _ => format!("parse error in ({name}): {message}"),
    }
}

fn collect_templates<'a>(
    chart: &'a Chart,
    base: String,
    scope: Vec<String>,
    charts: &mut Vec<ChartRef>,
    out: &mut Vec<(String, usize, &'a str)>,
) {
    let idx = charts.len();
    charts.push(ChartRef { base: base.clone(), scope: scope.clone(), files: Arc::new(chart.files.clone()) });
    for (path, text) in &chart.templates {
        out.push((format!("{base}/{path}"), idx, text.as_str()));
    }
    for sub in &chart.subcharts {
        let mut sub_scope = scope.clone();
        sub_scope.push(sub.name().to_string());
        collect_templates(sub, format!("{base}/charts/{}", sub.name()), sub_scope, charts, out);
    }
}

fn chart_at<'a>(root: &'a Chart, scope: &[String]) -> Option<&'a Chart> {
    scope.iter().try_fold(root, |c, name| c.subcharts.iter().find(|s| s.name() == name))
}

/// Coalesces the user's values over the chart defaults, recursively for subcharts (whose values live
/// under their name, with `global` handed down).
fn coalesce_with_subcharts(chart: &Chart, user: &Map<String, Value>) -> Map<String, Value> {
    let mut out = coalesce(&chart.values, user);
    let global = out.get("global").cloned();
    for sub in &chart.subcharts {
        let mut sub_user = match out.get(sub.name()) {
            Some(Value::Object(m)) => m.clone(),
            _ => Map::new(),
        };
        if let Some(Value::Object(g)) = &global {
            let merged = match sub_user.get("global") {
                Some(Value::Object(sg)) => coalesce(g, sg),
                _ => g.clone(),
            };
            sub_user.insert("global".into(), Value::Object(merged));
        }
        out.insert(sub.name().to_string(), Value::Object(coalesce_with_subcharts(sub, &sub_user)));
    }
    out
}

fn scoped_values(root: &Map<String, Value>, scope: &[String]) -> Map<String, Value> {
    let mut cur = root;
    for name in scope {
        match cur.get(name) {
            Some(Value::Object(m)) => cur = m,
            _ => return Map::new(),
        }
    }
    cur.clone()
}

/// `.Capabilities` for a cluster of the given version.
fn capabilities(v: &KubeVersion) -> TValue {
    TValue::map_from([
        (
            "KubeVersion",
            TValue::map_from([
                ("Version", TValue::string(v.version.as_str())),
                ("GitVersion", TValue::string(v.version.as_str())),
                ("Major", TValue::string(v.major.as_str())),
                ("Minor", TValue::string(v.minor.as_str())),
            ]),
        ),
        ("APIVersions", funcs::api_versions_object()),
        ("HelmVersion", TValue::map_from([("Version", TValue::string(funcs::HELM_VERSION))])),
    ])
}

/// Splits rendered text into documents at lines starting with `---` (istio's `yml.SplitString`),
/// trimming each and dropping empty ones.
pub fn split_documents(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut active = String::new();
    for line in text.split_inclusive('\n') {
        if line.starts_with("---") && line.ends_with('\n') {
            parts.push(std::mem::take(&mut active));
        } else {
            active.push_str(line);
        }
    }
    parts.push(active);
    parts.into_iter().map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
}

/// The `WARNING: ` lines of a notes file, without the prefix.
pub fn extract_warnings(notes: &str) -> Vec<String> {
    notes.split('\n').filter_map(|l| l.strip_prefix(WARNING_PREFIX)).map(str::to_string).collect()
}

#[cfg(test)]
mod tests;
