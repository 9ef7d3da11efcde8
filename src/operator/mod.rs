//! The IstioOperator front end: model, profiles, merge, `--set`, validation, translation to chart values.
//!
//! [`load`] does what istioctl 1.30.3 does before rendering (upstream `operator/pkg/render/manifest.go`
//! `MergeInputs` and `validateIstioOperator`): it merges the `default` profile < the named profile < the compiled-in
//! hub/tag < each `-f` file < each `--set`, translates the top-level fields into Helm values, validates, and returns
//! the merged IstioOperator with a typed view and the warnings. It reads files and nothing else.
//!
//! Deliberate differences from upstream (all in the direction of reporting, never of rendering differently):
//! - Every problem is reported with its origin (file:line:column or the `--set` flag) and what is allowed,
//!   instead of Go decoder messages without a path; all problems are reported, not only the first.
//! - `meshConfig` (both `spec.meshConfig` and `spec.values.meshConfig`) is checked strictly against MeshConfig
//!   and ProxyConfig (unknown fields are errors); istiod's own meshConfig checks that upstream drops are
//!   reported (`meshMTLS.ecdhCurves`, `proxyListenPort`); unknown or repeated curves and cipher suites warn.
//! - Component hub/tag are checked like `spec.hub`/`spec.tag`; an empty tag is an error.
//! - `values.global.waypoint.nodeSelector` is a label map (upstream checks it as a `NodeSelector`, which rejects
//!   every normal value).
//! - Fields marked deprecated in the values and MeshConfig schemas, and top-level fields shadowed by the user's
//!   own `values`, give warnings.
//! - A file with several documents is an error (upstream silently uses the first unless two have a `kind`).
//! - Where upstream panics (a `--set` path through a scalar, replacing a list element by index) or silently
//!   drops a value (a `--set` path through `null`), this returns an error or does the evident thing.
//! - `inf`/`nan` in `--set` stay strings (JSON cannot hold them); `null` top-level fields are not translated
//!   into the text `<nil>`; an object-valued `hub`/`tag`/`revision` (an error) is not merged into meshConfig.
//! - Kubernetes string enums (`imagePullPolicy`, toleration `operator`/`effect`, service `type`, ...) are
//!   checked here rather than by the API server at apply time.

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
pub use tree::{
    SetPathError, go_fmt_v, merge_values, parse_set_value, set_path, set_spec_flag, split_flag, split_path,
};
pub use validate::is_dns1123_label;

use schema::{Finding, Severity};

/// The Istio version this istioctl reproduces (defined once, in [`crate::version`]).
pub use crate::version::ISTIO_VERSION;
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
    /// Settings detected from the cluster (upstream `clusterSpecificSettings`, e.g. on GKE
    /// `components.cni.namespace=kube-system`), in `--set` syntax. They sit just above the profile and below
    /// the compiled-in hub/tag, the files and the `--set` flags.
    pub cluster_settings: Vec<String>,
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

/// Top-level spec fields istioctl copies into Helm values: `spec.<field>` -> `spec.values.<path>`
/// (upstream `translateIstioOperatorToHelm`).
const TRANSLATIONS: &[(&str, &str)] = &[
    ("hub", "global.hub"),
    ("tag", "global.tag"),
    ("revision", "revision"),
    ("meshConfig", "meshConfig"),
    ("compatibilityVersion", "compatibilityVersion"),
];

/// Chart values istioctl sets to whether a component is enabled: (value, component enabled flag).
const ENABLEMENT: &[(&str, &str)] = &[
    ("spec.values.pilot.enabled", "spec.components.pilot.enabled"),
    ("spec.values.pilot.cni.enabled", "spec.components.cni.enabled"),
];

/// `metadata.namespace` is overwritten with this value when it is a non-empty string.
const NAMESPACE_SOURCE: (&str, &str) = ("metadata.namespace", "spec.values.global.istioNamespace");

fn dotted(p: &str) -> FieldPath {
    FieldPath::keys(p.split('.'))
}

/// (spec field, values path) of each translated field, as full paths.
fn translated_fields() -> impl Iterator<Item = (FieldPath, FieldPath)> {
    TRANSLATIONS.iter().map(|(from, to)| (dotted(&format!("spec.{from}")), dotted(&format!("spec.values.{to}"))))
}

/// (derived path, source path) of everything translation writes, for tracing values back to what the user set.
fn derivations() -> impl Iterator<Item = (FieldPath, FieldPath)> {
    translated_fields()
        .map(|(from, to)| (to, from))
        .chain(ENABLEMENT.iter().chain([&NAMESPACE_SOURCE]).map(|(to, from)| (dotted(to), dotted(from))))
}

struct Provenance {
    /// Lowest precedence first.
    layers: Vec<Layer>,
}

impl Provenance {
    /// The origin of exactly this path: the highest-precedence layer that set it.
    fn find(&self, path: &FieldPath) -> Option<Origin> {
        self.layers.iter().rev().find_map(|l| l.origin_of(path))
    }

    /// The user-facing path and origin of a merged setting, and whether it was copied there by translation.
    fn resolve(&self, path: &FieldPath) -> (FieldPath, Option<Origin>, bool) {
        if let Some(o) = self.find(path) {
            return (path.clone(), Some(o), false);
        }
        for (to, from) in derivations() {
            if path.starts_with(&to) {
                let rest = FieldPath(path.0.get(to.0.len()..).unwrap_or_default().to_vec());
                let mapped = from.join(&rest);
                if let Some(o) = ancestors(mapped.clone()).find_map(|m| self.find(&m)) {
                    return (mapped, Some(o), true);
                }
            }
        }
        let origin = ancestors(path.clone()).skip(1).find_map(|p| self.find(&p));
        (path.clone(), origin, false)
    }

    fn issue(&self, f: &Finding) -> Issue {
        let (path, origin, translated) = self.resolve(&f.path);
        let mut message = f.message.clone();
        if translated && message.starts_with("expected a string") {
            message.push_str(&format!(
                " (istioctl copies {path} into {} with --set parsing, which turns numeric text into a number)",
                f.path
            ));
        }
        let top_level = ["spec", "metadata", "apiVersion", "kind", "status"];
        if matches!(origin, Some(Origin::SetFlag { .. }))
            && matches!(path.0.as_slice(), [Seg::Key(s), Seg::Key(k)] if s == "spec" && top_level.contains(&k.as_str()))
        {
            message.push_str(
                "; --set paths are relative to spec (write hub=x, not spec.hub=x), and metadata, apiVersion and kind \
                 can only be set in a -f file",
            );
        }
        Issue { path: path.to_string(), message, origin }
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
    if docs.iter().filter(|d| d.value.get("kind").is_some()).count() > 1 {
        return Err(FrontEndError::MultipleIops { name: src.name.clone() });
    }
    if docs.len() > 1 {
        // Upstream would silently use the first document only.
        return Err(FrontEndError::MultipleDocuments { name: src.name.clone(), count: docs.len() });
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
    for flag in &inputs.cluster_settings {
        let origin = Origin::ClusterSetting { flag: flag.clone() };
        let at = tree::set_spec_flag(&mut base, flag)
            .map_err(|source| FrontEndError::SetFlag { origin: origin.clone(), source })?;
        layers.push(Layer { origin, doc: None, set_at: Some(at) });
    }
    for flag in [format!("hub={BUILD_HUB}"), format!("tag={BUILD_TAG}")] {
        let at = tree::set_spec_flag(&mut base, &flag)
            .map_err(|source| FrontEndError::Translate { path: flag.clone(), source })?;
        layers.push(Layer { origin: Origin::Builtin, doc: None, set_at: Some(at) });
    }
    merge_values(&mut base, &user);
    layers.extend(user_layers);
    let prov = Provenance { layers };
    check_translation_targets(&base, &prov)?;
    translate(&mut base)?;
    if let Some(v) = user_values {
        merge_values(&mut base, &json!({"spec": {"values": v}}));
    }

    // Validate.
    let findings = validate::validate(&base).map_err(FrontEndError::Schema)?;
    let mut errors: Vec<Issue> = Vec::new();
    let mut warnings: Vec<Warning> = shadowed_settings(&base, &prov);
    let early = early
        .into_iter()
        .map(|(f, o)| (f.severity, Issue { path: f.path.to_string(), message: f.message, origin: Some(o) }));
    let later = findings.iter().map(|f| (f.severity, prov.issue(f)));
    for (severity, issue) in early.chain(later) {
        let list = if severity == Severity::Error { &mut errors } else { &mut warnings };
        // The same problem can show twice: in spec.meshConfig and in values.meshConfig (a copy), or in a
        // top-level field and in the chart value it is translated into.
        let same = |i: &Issue| {
            i.path == issue.path
                && i.origin == issue.origin
                && (i.message.starts_with(&issue.message) || issue.message.starts_with(&i.message))
        };
        if !list.iter().any(same) {
            list.push(issue);
        }
    }
    let order = |i: &Issue| -> (u8, usize, usize, usize) {
        match &i.origin {
            Some(Origin::Profile { line, column, .. }) => (0, 0, line.unwrap_or(0), column.unwrap_or(0)),
            Some(Origin::ClusterSetting { .. } | Origin::Builtin) => (1, 0, 0, 0),
            Some(Origin::File { name, line, column }) => {
                let index = sources.iter().position(|s| &s.name == name).unwrap_or(0);
                (2, index, line.unwrap_or(0), column.unwrap_or(0))
            }
            Some(Origin::SetFlag { flag }) => (3, inputs.set_flags.iter().position(|f| f == flag).unwrap_or(0), 0, 0),
            Some(Origin::FlagAlias { .. }) => (4, 0, 0, 0),
            None => (5, 0, 0, 0),
        }
    };
    errors.sort_by_key(order);
    warnings.sort_by_key(order);
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

/// Warnings for top-level settings the user gave that their own `values` silently override (values win).
fn shadowed_settings(base: &Value, prov: &Provenance) -> Vec<Warning> {
    let user =
        |o: &Option<Origin>| matches!(o, Some(Origin::File { .. } | Origin::SetFlag { .. } | Origin::FlagAlias { .. }));
    let mut out = Vec::new();
    for (from, to) in translated_fields() {
        let Some(given) = from.get(base) else { continue };
        let mut leaves = Vec::new();
        collect_leaves(given, &mut FieldPath::default(), &mut leaves);
        for rest in leaves {
            let (spec_path, values_path) = (from.join(&rest), to.join(&rest));
            let (Some(a), Some(b)) = (spec_path.get(base), values_path.get(base)) else { continue };
            let (spec_origin, values_origin) = (prov.find(&spec_path), prov.find(&values_path));
            if a != b && user(&spec_origin) && user(&values_origin) {
                out.push(Issue {
                    path: values_path.to_string(),
                    message: format!(
                        "{} overrides {spec_path} ({}): settings under values win over the top-level field",
                        b, a
                    ),
                    origin: values_origin,
                });
            }
        }
    }
    out
}

fn collect_leaves(v: &Value, at: &mut FieldPath, out: &mut Vec<FieldPath>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                at.push_key(k);
                collect_leaves(child, at, out);
                at.pop();
            }
        }
        _ => out.push(at.clone()),
    }
}

/// Values nodes that translation writes into must be objects (upstream panics otherwise); report them with
/// their origin before translating.
fn check_translation_targets(base: &Value, prov: &Provenance) -> Result<(), FrontEndError> {
    let mut parents: Vec<FieldPath> = Vec::new();
    for (target, _) in derivations() {
        for p in ancestors(target).skip(1).filter(|p| !p.is_empty()) {
            if !parents.contains(&p) {
                parents.push(p);
            }
        }
    }
    let mut issues = Vec::new();
    for path in parents {
        if let Some(v) = path.get(base).filter(|v| !v.is_object() && !v.is_null()) {
            let f = Finding::error(&path, format!("expected an object, found {}", schema::describe(v)));
            issues.push(prov.issue(&f));
        }
    }
    if issues.is_empty() { Ok(()) } else { Err(FrontEndError::Invalid { issues }) }
}

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
            // Upstream merges any object-valued field here into values.meshConfig (the branch is meant for
            // meshConfig); an object hub/tag/revision is already a validation error, so only meshConfig is merged.
            if *from == "meshConfig" {
                merge_values(base, &json!({"spec": {"values": {"meshConfig": v}}}));
            }
        } else {
            tree::set_spec_flag(base, &format!("values.{to}={}", go_fmt_v(&v)))
                .map_err(err(&format!("spec.{from}")))?;
        }
    }
    for (target, source) in ENABLEMENT {
        let on = dotted(source).get(base).and_then(Value::as_bool) == Some(true);
        set_path(base, target, Value::Bool(on)).map_err(err(target))?;
    }
    let (target, source) = NAMESPACE_SOURCE;
    let ns = dotted(source).get(base).and_then(Value::as_str).unwrap_or_default().to_string();
    if !ns.is_empty() {
        set_path(base, target, Value::String(ns)).map_err(err(target))?;
    }
    Ok(())
}
