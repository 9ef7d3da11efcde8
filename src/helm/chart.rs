//! Loading a Helm chart from a [`ManifestSource`] folder, the way Helm's `loader.LoadFiles` sorts a
//! chart's files: `Chart.yaml` (metadata), `values.yaml` (defaults), `templates/**` (templates and
//! `_*.tpl` partials), `charts/<sub>/**` (subcharts) and everything else (`.Files`).

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use super::HelmError;
use crate::manifests::{ManifestError, ManifestSource};

const CHART_FILE: &str = "Chart.yaml";
const VALUES_FILE: &str = "values.yaml";
const SCHEMA_FILE: &str = "values.schema.json";
const TEMPLATES_DIR: &str = "templates/";
const SUBCHARTS_DIR: &str = "charts/";
const CRDS_DIR: &str = "crds/";
/// istioctl's message for a chart folder that is not there.
const COMPONENT_MISSING: &str = "component does not exist";

/// A loaded chart.
#[derive(Debug, Clone)]
pub struct Chart {
    /// `Chart.yaml` as parsed (keys as in the file: `name`, `version`, `appVersion`, ...).
    pub metadata: Map<String, Value>,
    /// `values.yaml` (an empty map when absent or empty).
    pub values: Map<String, Value>,
    /// Files under `templates/`, as (path relative to the chart, text), sorted by path.
    pub templates: Vec<(String, String)>,
    /// Every other file (path relative to the chart → text): what `.Files.Get` reads.
    pub files: BTreeMap<String, String>,
    /// Subcharts found under `charts/<name>/`.
    pub subcharts: Vec<Chart>,
}

impl Chart {
    /// The chart's `name` from `Chart.yaml`.
    pub fn name(&self) -> &str {
        self.metadata.get("name").and_then(Value::as_str).unwrap_or_default()
    }

    /// Loads the chart in `dir` (relative to the manifests root, e.g. `charts/base`).
    pub fn load(source: &ManifestSource, dir: &str) -> Result<Self, HelmError> {
        let dir = dir.trim_end_matches('/');
        let missing = || HelmError::Load { chart: dir.to_string(), message: COMPONENT_MISSING.into() };
        let paths = source.list(dir).map_err(|e| match e {
            ManifestError::Io { err, .. } if err.kind() == std::io::ErrorKind::NotFound => missing(),
            other => HelmError::Load { chart: dir.to_string(), message: other.to_string() },
        })?;
        if paths.is_empty() {
            return Err(missing());
        }
        let prefix = format!("{dir}/");
        let mut files = Vec::with_capacity(paths.len());
        for path in paths {
            let text =
                source.read(&path).map_err(|e| HelmError::Load { chart: dir.to_string(), message: e.to_string() })?;
            let rel = path.strip_prefix(&prefix).unwrap_or(&path).to_string();
            files.push((rel, text));
        }
        Self::from_files(dir, files)
    }

    /// Builds a chart from (path relative to the chart root, text) pairs.
    pub fn from_files(label: &str, files: Vec<(String, String)>) -> Result<Self, HelmError> {
        let mut metadata = None;
        let mut values = Map::new();
        let mut templates = Vec::new();
        let mut other = BTreeMap::new();
        let mut sub_files: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
        for (path, text) in files {
            if let Some(rest) = path.strip_prefix(SUBCHARTS_DIR) {
                if let Some((sub, inner)) = rest.split_once('/') {
                    sub_files.entry(sub.to_string()).or_default().push((inner.to_string(), text));
                }
                continue;
            }
            match path.as_str() {
                CHART_FILE => metadata = Some(parse_map(label, &path, &text)?),
                VALUES_FILE => values = parse_map(label, &path, &text)?,
                SCHEMA_FILE => {}
                p if p.starts_with(TEMPLATES_DIR) => templates.push((path, text)),
                _ => {
                    other.insert(path, text);
                }
            }
        }
        let Some(metadata) = metadata else {
            return Err(HelmError::Load {
                chart: label.to_string(),
                message: format!("{label}: Chart.yaml file is missing"),
            });
        };
        templates.sort_by(|a, b| a.0.cmp(&b.0));
        let subcharts = sub_files
            .into_iter()
            .map(|(name, files)| Self::from_files(&format!("{label}/{SUBCHARTS_DIR}{name}"), files))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Self { metadata, values, templates, files: other, subcharts })
    }

    /// Helm's `CRDObjects`: files under `crds/` with a manifest extension, sorted by name, split into
    /// documents (subcharts' CRDs included).
    pub fn crd_documents(&self) -> Vec<String> {
        let mut crds: Vec<(String, &str)> = Vec::new();
        self.collect_crds("", &mut crds);
        crds.sort_by(|a, b| a.0.cmp(&b.0));
        crds.into_iter().flat_map(|(_, text)| super::split_documents(text)).collect()
    }

    fn collect_crds<'a>(&'a self, prefix: &str, out: &mut Vec<(String, &'a str)>) {
        for (path, text) in &self.files {
            let is_manifest = [".yaml", ".yml", ".json"].iter().any(|ext| path.ends_with(ext));
            if path.starts_with(CRDS_DIR) && is_manifest {
                out.push((format!("{prefix}{path}"), text));
            }
        }
        for sub in &self.subcharts {
            sub.collect_crds(&format!("{prefix}{SUBCHARTS_DIR}{}/", sub.name()), out);
        }
    }

    /// `.Chart` as templates see it: Helm's `chart.Metadata` with Go field names.
    pub fn metadata_object(&self) -> Value {
        const FIELDS: &[(&str, &str)] = &[
            ("name", "Name"),
            ("home", "Home"),
            ("version", "Version"),
            ("description", "Description"),
            ("icon", "Icon"),
            ("apiVersion", "APIVersion"),
            ("condition", "Condition"),
            ("tags", "Tags"),
            ("appVersion", "AppVersion"),
            ("kubeVersion", "KubeVersion"),
            ("type", "Type"),
        ];
        const LISTS: &[(&str, &str)] = &[
            ("sources", "Sources"),
            ("keywords", "Keywords"),
            ("maintainers", "Maintainers"),
            ("dependencies", "Dependencies"),
        ];
        let mut out = Map::new();
        for (yaml_key, go_name) in FIELDS {
            let v = match self.metadata.get(*yaml_key) {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Null) | None => String::new(),
                Some(other) => other.to_string(),
            };
            out.insert((*go_name).to_string(), Value::String(v));
        }
        for (yaml_key, go_name) in LISTS {
            out.insert((*go_name).to_string(), self.metadata.get(*yaml_key).cloned().unwrap_or(Value::Null));
        }
        out.insert(
            "Deprecated".into(),
            Value::Bool(self.metadata.get("deprecated").and_then(Value::as_bool).unwrap_or(false)),
        );
        out.insert("Annotations".into(), self.metadata.get("annotations").cloned().unwrap_or(Value::Null));
        Value::Object(out)
    }
}

fn parse_map(chart: &str, path: &str, text: &str) -> Result<Map<String, Value>, HelmError> {
    match goyaml::parse(text) {
        Ok(Value::Object(m)) => Ok(m),
        Ok(Value::Null) => Ok(Map::new()),
        Ok(_) => Err(HelmError::Load { chart: chart.to_string(), message: format!("{chart}/{path}: not a map") }),
        Err(e) => Err(HelmError::Load { chart: chart.to_string(), message: format!("{chart}/{path}: {e}") }),
    }
}
