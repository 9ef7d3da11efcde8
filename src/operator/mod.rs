//! The IstioOperator front end: model, profiles, merge, `--set`, validation, translation to chart values.
//!
//! [`load`] does what istioctl 1.30.3 does before rendering (upstream `operator/pkg/render/manifest.go`
//! `MergeInputs` and `validateIstioOperator`): it merges the `default` profile < the named profile < the compiled-in
//! hub/tag < each `-f` file < each `--set`, translates the top-level fields into Helm values, validates, and returns
//! the merged IstioOperator with a typed view and the warnings. It reads files and nothing else.

mod error;
mod model;
mod path;
mod schema;
mod tls;
mod tree;
mod validate;

use std::path::PathBuf;

use serde_json::{Value, json};

use crate::manifests::{ManifestError, ManifestSource};

pub use error::{FrontEndError, Issue, Origin, Warning};
pub use model::{
    BaseComponentSpec, ComponentSpec, GatewayComponentSpec, IstioComponentSpec, IstioOperatorSpec, KubernetesOverlay,
    KubernetesResources, Patch,
};
pub use path::{FieldPath, Seg};
pub use tls::{CIPHER_SUITES, ECDH_CURVES, MeshTls, TLS_PROTOCOLS, TlsSettings, effective_mesh_tls};
pub use tree::{SetPathError, go_fmt_v, merge_values, parse_set_value, set_path, split_flag, split_path};

use schema::{Finding, Severity};

/// The Istio version this istioctl reproduces.
pub const ISTIO_VERSION: &str = "1.30.3";
/// The image hub compiled into a released istioctl (overrides the profiles' hub).
pub const BUILD_HUB: &str = "docker.io/istio";
/// The image tag compiled into a released istioctl (overrides the profiles' tag).
pub const BUILD_TAG: &str = ISTIO_VERSION;
/// `apiVersion` of an IstioOperator.
pub const IOP_API_VERSION: &str = "install.istio.io/v1alpha1";
/// `kind` of an IstioOperator.
pub const IOP_KIND: &str = "IstioOperator";
/// The profile used when none is named; every other profile is merged over it.
pub const DEFAULT_PROFILE: &str = "default";

/// What `istioctl install` / `manifest generate` were given.
#[derive(Debug, Clone, Default)]
pub struct InstallInputs {
    /// `-f` files, in order; `-` reads [`InstallInputs::stdin`] and must come last.
    pub files: Vec<PathBuf>,
    /// `--set` flags, in order.
    pub set_flags: Vec<String>,
    /// `--manifests` (charts and profiles); a folder also becomes `--set installPackagePath=DIR`, as upstream.
    pub manifests: ManifestSource,
    /// `--force`: validation errors become warnings, as upstream.
    pub force: bool,
    /// `--revision` (`default` means none, as upstream).
    pub revision: Option<String>,
    /// The text of stdin, for a `-` file (the caller reads it; this module does no other I/O).
    pub stdin: Option<String>,
}

/// The result of the front end.
#[derive(Debug, Clone)]
pub struct MergedOperator {
    /// The full merged IstioOperator (after translation, with `unvalidatedValues` merged into `spec.values`).
    pub iop: Value,
    /// The typed view of `iop.spec`.
    pub spec: IstioOperatorSpec,
    /// Warnings (and, with `--force`, the validation errors), for the CLI to print.
    pub warnings: Vec<Warning>,
    /// The profile that was applied over `default`.
    pub profile: String,
    /// Where charts come from: `spec.installPackagePath` when set, else the embedded copy.
    pub manifests: ManifestSource,
}

impl MergedOperator {
    /// Effective `meshMTLS` / `tlsDefaults` settings, for display.
    pub fn mesh_tls(&self) -> MeshTls {
        effective_mesh_tls(&self.iop)
    }
}

/// One input document with its name for messages.
#[derive(Debug, Clone)]
pub struct SourceText {
    /// File name as the user gave it (`-` for stdin).
    pub name: String,
    pub text: String,
}

/// Reads the `-f` files and runs the front end.
pub fn load(inputs: &InstallInputs) -> Result<MergedOperator, FrontEndError> {
    let mut sources = Vec::with_capacity(inputs.files.len());
    for (i, file) in inputs.files.iter().enumerate() {
        let name = file.to_string_lossy().trim().to_string();
        let text = if name == "-" {
            if i + 1 != inputs.files.len() {
                return Err(FrontEndError::StdinNotLast);
            }
            inputs.stdin.clone().unwrap_or_default()
        } else {
            std::fs::read_to_string(&name)
                .map_err(|source| FrontEndError::ReadFile { path: PathBuf::from(&name), source })?
        };
        sources.push(SourceText { name, text });
    }
    load_sources(&sources, inputs)
}

/// Runs the front end on one YAML text and some `--set` flags, with the embedded manifests (for tests and tools).
pub fn load_from_str(yaml: &str, set_flags: &[&str]) -> Result<MergedOperator, FrontEndError> {
    let inputs =
        InstallInputs { set_flags: set_flags.iter().map(|s| (*s).to_string()).collect(), ..Default::default() };
    load_sources(&[SourceText { name: "<input>".into(), text: yaml.into() }], &inputs)
}

/// One layer of the merge, kept to tell where a merged setting came from.
struct Layer {
    origin: Origin,
    /// For file and profile layers: the document and its positions.
    doc: Option<(Value, goyaml::Spans)>,
    /// For flag layers: where the flag's value landed.
    set_at: Option<FieldPath>,
}

impl Layer {
    /// The origin of `path` if this layer set it, with the node position when known.
    fn origin_of(&self, path: &FieldPath) -> Option<Origin> {
        if let Some((doc, spans)) = &self.doc {
            path.get(doc)?;
            let mark = ancestors(path.clone()).find_map(|p| spans.get(&p.pointer()));
            let (line, column) = (mark.map(|m| m.line), mark.map(|m| m.column));
            return Some(match &self.origin {
                Origin::File { name, .. } => Origin::File { name: name.clone(), line, column },
                Origin::Profile { name, .. } => Origin::Profile { name: name.clone(), line, column },
                other => other.clone(),
            });
        }
        let at = self.set_at.as_ref()?;
        (path.starts_with(at) || at.starts_with(path)).then(|| self.origin.clone())
    }
}

fn ancestors(path: FieldPath) -> impl Iterator<Item = FieldPath> {
    let mut cur = Some(path);
    std::iter::from_fn(move || {
        let p = cur.take()?;
        if !p.is_empty() {
            cur = Some(p.parent());
        }
        Some(p)
    })
}

/// Where translated chart values came from (`values.global.hub` <- `spec.hub`, ...).
const TRANSLATED: &[(&[&str], &[&str])] = &[
    (&["spec", "values", "global", "hub"], &["spec", "hub"]),
    (&["spec", "values", "global", "tag"], &["spec", "tag"]),
    (&["spec", "values", "revision"], &["spec", "revision"]),
    (&["spec", "values", "compatibilityVersion"], &["spec", "compatibilityVersion"]),
    (&["spec", "values", "meshConfig"], &["spec", "meshConfig"]),
    (&["spec", "values", "pilot", "enabled"], &["spec", "components", "pilot", "enabled"]),
    (&["spec", "values", "pilot", "cni", "enabled"], &["spec", "components", "cni", "enabled"]),
    (&["metadata", "namespace"], &["spec", "values", "global", "istioNamespace"]),
];

struct Provenance {
    /// Lowest precedence first.
    layers: Vec<Layer>,
}

impl Provenance {
    /// The user-facing path and origin of a merged setting.
    fn resolve(&self, path: &FieldPath) -> (FieldPath, Option<Origin>) {
        for p in ancestors(path.clone()) {
            if let Some(o) = self.layers.iter().rev().find_map(|l| l.origin_of(&p)) {
                return (path.clone(), Some(o));
            }
            for (to, from) in TRANSLATED {
                let to = FieldPath::keys(to.iter().copied());
                if path.starts_with(&to) {
                    let rest = FieldPath(path.0.get(to.0.len()..).unwrap_or_default().to_vec());
                    let mapped = FieldPath::keys(from.iter().copied()).join(&rest);
                    if let Some(o) =
                        ancestors(mapped.clone()).find_map(|m| self.layers.iter().rev().find_map(|l| l.origin_of(&m)))
                    {
                        return (mapped, Some(o));
                    }
                }
            }
        }
        (path.clone(), None)
    }

    fn issue(&self, f: &Finding) -> Issue {
        let (path, origin) = self.resolve(&f.path);
        Issue { path: path.to_string(), message: f.message.clone(), origin }
    }
}

/// Parses one user file into its single document (upstream: at most one document per file).
fn parse_user_file(src: &SourceText) -> Result<(Value, goyaml::Spans), FrontEndError> {
    let origin = Origin::File { name: src.name.clone(), line: None, column: None };
    let docs = goyaml::parse_documents(&src.text).map_err(|e| FrontEndError::Parse {
        origin: Origin::File { name: src.name.clone(), line: e.mark.map(|m| m.line), column: e.mark.map(|m| m.column) },
        message: e.message.clone(),
    })?;
    let mut docs: Vec<goyaml::Document> = docs.into_iter().filter(|d| !d.value.is_null()).collect();
    if docs.len() > 1 {
        return Err(FrontEndError::MultipleIops { name: src.name.clone() });
    }
    let Some(doc) = docs.pop() else { return Ok((json!({}), goyaml::Spans::default())) };
    match doc.value {
        Value::Object(mut m) => {
            if m.get("spec").is_some_and(Value::is_null) {
                m.remove("spec");
            }
            Ok((Value::Object(m), doc.spans))
        }
        other => Err(FrontEndError::NotAnObject { origin, found: schema::describe(&other) }),
    }
}

/// The apiVersion/kind of a user file must be an IstioOperator's when given.
fn check_type_meta(doc: &Value, findings: &mut Vec<(Finding, Origin)>, layer: &Layer) {
    for (key, want) in [("apiVersion", IOP_API_VERSION), ("kind", IOP_KIND)] {
        if let Some(v) = doc.get(key)
            && v.as_str() != Some(want)
        {
            let p = FieldPath::keys([key]);
            let origin = layer.origin_of(&p).unwrap_or_else(|| layer.origin.clone());
            let shown = v.as_str().map_or_else(|| schema::describe(v), |s| format!("{s:?}"));
            findings.push((
                Finding::error(&p, format!("{key} is {shown}; an IstioOperator file must have {key}: {want}")),
                origin,
            ));
        }
    }
}

fn profile_names(src: &ManifestSource) -> Vec<String> {
    src.list("profiles")
        .unwrap_or_default()
        .iter()
        .filter_map(|p| p.strip_prefix("profiles/")?.strip_suffix(".yaml").map(str::to_string))
        .collect()
}

fn read_profile(src: &ManifestSource, name: &str) -> Result<(Value, goyaml::Spans), FrontEndError> {
    let valid = !name.is_empty()
        && !name.starts_with('.')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || "._-".contains(c));
    if !valid {
        return Err(FrontEndError::ProfileName { name: name.into(), available: profile_names(src) });
    }
    let text = src.read(&format!("profiles/{name}.yaml")).map_err(|source| match source {
        ManifestError::NotFound { .. } => {
            FrontEndError::ProfileNotFound { name: name.into(), source, available: profile_names(src) }
        }
        other => FrontEndError::ProfileNotFound { name: name.into(), source: other, available: Vec::new() },
    })?;
    let invalid = |message: String| FrontEndError::ProfileInvalid { name: name.into(), message };
    let mut docs = goyaml::parse_documents(&text).map_err(|e| invalid(e.to_string()))?;
    docs.retain(|d| !d.value.is_null());
    match docs.pop() {
        Some(d) if d.value.is_object() && docs.is_empty() => Ok((d.value, d.spans)),
        None => Ok((json!({}), goyaml::Spans::default())),
        Some(_) => Err(invalid("expected exactly one YAML mapping".into())),
    }
}

fn string_at<'a>(tree: &'a Value, keys: &[&str]) -> &'a str {
    tree::get_keys(tree, keys).and_then(Value::as_str).unwrap_or_default()
}

/// Runs the front end on texts already read.
pub fn load_sources(sources: &[SourceText], inputs: &InstallInputs) -> Result<MergedOperator, FrontEndError> {
    let mut user = json!({"apiVersion": IOP_API_VERSION, "kind": IOP_KIND, "metadata": {}, "spec": {}});
    let mut user_layers = Vec::new();
    let mut early: Vec<(Finding, Origin)> = Vec::new();
    for src in sources {
        let (doc, spans) = parse_user_file(src)?;
        let layer = Layer {
            origin: Origin::File { name: src.name.clone(), line: None, column: None },
            doc: Some((doc, spans)),
            set_at: None,
        };
        if let Some((doc, _)) = &layer.doc {
            check_type_meta(doc, &mut early, &layer);
            merge_values(&mut user, doc);
        }
        user_layers.push(layer);
    }

    // --set flags, then the flag aliases istioctl appends.
    let mut flags: Vec<(String, Origin)> =
        inputs.set_flags.iter().map(|f| (f.clone(), Origin::SetFlag { flag: f.clone() })).collect();
    if let ManifestSource::Dir(d) = &inputs.manifests {
        let d = d.to_string_lossy().to_string();
        flags.push((format!("installPackagePath={d}"), Origin::FlagAlias { flag: "--manifests", value: d }));
    }
    if let Some(rev) = inputs.revision.as_deref().filter(|r| !r.is_empty() && *r != "default") {
        flags.push((format!("revision={rev}"), Origin::FlagAlias { flag: "--revision", value: rev.into() }));
    }
    for (flag, origin) in flags {
        let at = tree::set_spec_flag(&mut user, &flag)
            .map_err(|source| FrontEndError::SetFlag { origin: origin.clone(), source })?;
        user_layers.push(Layer { origin, doc: None, set_at: Some(at) });
    }

    // Profiles come from spec.installPackagePath when given (upstream reads them from there).
    let package = string_at(&user, &["spec", "installPackagePath"]);
    let manifests =
        if package.is_empty() { inputs.manifests.clone() } else { ManifestSource::Dir(PathBuf::from(package)) };
    let profile = match string_at(&user, &["spec", "profile"]) {
        "" => DEFAULT_PROFILE.to_string(),
        p => p.to_string(),
    };
    let user_values = tree::get_keys(&user, &["spec", "values"]).filter(|v| v.is_object()).cloned();

    let mut layers = Vec::new();
    let (mut base, spans) = read_profile(&manifests, DEFAULT_PROFILE)?;
    let profile_origin = |name: &str| Origin::Profile { name: name.into(), line: None, column: None };
    layers.push(Layer { origin: profile_origin(DEFAULT_PROFILE), doc: Some((base.clone(), spans)), set_at: None });
    if profile != DEFAULT_PROFILE {
        let (top, spans) = read_profile(&manifests, &profile)?;
        merge_values(&mut base, &top);
        layers.push(Layer { origin: profile_origin(&profile), doc: Some((top, spans)), set_at: None });
    }
    for flag in [format!("hub={BUILD_HUB}"), format!("tag={BUILD_TAG}")] {
        let at = tree::set_spec_flag(&mut base, &flag)
            .map_err(|source| FrontEndError::Translate { path: flag.clone(), source })?;
        layers.push(Layer { origin: Origin::Builtin, doc: None, set_at: Some(at) });
    }
    merge_values(&mut base, &user);
    layers.extend(user_layers);
    translate(&mut base)?;
    if let Some(v) = user_values {
        merge_values(&mut base, &json!({"spec": {"values": v}}));
    }

    // Validate.
    let prov = Provenance { layers };
    let findings = validate::validate(&base).map_err(FrontEndError::Schema)?;
    let mut errors: Vec<Issue> = Vec::new();
    let mut warnings: Vec<Warning> = Vec::new();
    let early = early
        .into_iter()
        .map(|(f, o)| (f.severity, Issue { path: f.path.to_string(), message: f.message, origin: Some(o) }));
    let later = findings.iter().map(|f| (f.severity, prov.issue(f)));
    for (severity, issue) in early.chain(later) {
        let list = if severity == Severity::Error { &mut errors } else { &mut warnings };
        if !list.contains(&issue) {
            list.push(issue);
        }
    }
    if !errors.is_empty() {
        if !inputs.force {
            return Err(FrontEndError::Invalid { issues: errors });
        }
        for mut e in errors {
            e.message = format!("{} (ignored because of --force)", e.message);
            warnings.push(e);
        }
    }

    // After validation, unvalidatedValues are merged into values.
    if let Some(uv) = tree::get_keys(&base, &["spec", "unvalidatedValues"]).filter(|v| v.is_object()).cloned() {
        merge_values(&mut base, &json!({"spec": {"values": uv}}));
    }
    let spec = IstioOperatorSpec::from_value(base.get("spec").unwrap_or(&Value::Null))
        .map_err(|e| FrontEndError::Typed { message: e.to_string() })?;
    Ok(MergedOperator { iop: base, spec, warnings, profile, manifests })
}

/// Top-level fields that istioctl copies into Helm values (upstream `translateIstioOperatorToHelm`).
const TRANSLATIONS: &[(&str, &str)] = &[
    ("hub", "global.hub"),
    ("tag", "global.tag"),
    ("revision", "revision"),
    ("meshConfig", "meshConfig"),
    ("compatibilityVersion", "compatibilityVersion"),
];

/// Copies top-level spec fields into `spec.values` the way istioctl does: scalars go through `--set` parsing of
/// their `%v` text (so a numeric revision becomes a number), and any object is merged into `values.meshConfig`.
fn translate(base: &mut Value) -> Result<(), FrontEndError> {
    let err = |path: &str| {
        let path = path.to_string();
        move |source| FrontEndError::Translate { path: path.clone(), source }
    };
    for (from, to) in TRANSLATIONS {
        // Deviation: upstream turns an explicit `null` into the text "<nil>"; null means "unset" here.
        let Some(v) = tree::get_keys(base, &["spec", from]).filter(|v| !v.is_null()).cloned() else { continue };
        if v.is_object() {
            merge_values(base, &json!({"spec": {"values": {"meshConfig": v}}}));
        } else {
            tree::set_spec_flag(base, &format!("values.{to}={}", go_fmt_v(&v)))
                .map_err(err(&format!("spec.{from}")))?;
        }
    }
    for (comp, target) in [("pilot", "spec.values.pilot.enabled"), ("cni", "spec.values.pilot.cni.enabled")] {
        let on = tree::get_keys(base, &["spec", "components", comp, "enabled"]).and_then(Value::as_bool) == Some(true);
        set_path(base, target, Value::Bool(on)).map_err(err(target))?;
    }
    let ns = string_at(base, &["spec", "values", "global", "istioNamespace"]).to_string();
    if !ns.is_empty() {
        set_path(base, "metadata.namespace", Value::String(ns)).map_err(err("metadata.namespace"))?;
    }
    Ok(())
}
