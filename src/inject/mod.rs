//! `istioctl kube-inject`: sidecar injection into Kubernetes manifests, as upstream Istio 1.30.3 does
//! it offline (`pkg/kube/inject` + `istioctl/pkg/kubeinject`).
//!
//! The input stream is split into documents; Pods, ReplicationControllers, Deployments, ReplicaSets,
//! StatefulSets, DaemonSets, Jobs, CronJobs, DeploymentConfigs and Lists of them get the injection
//! templates rendered and merged into their pod template; every other document is echoed unchanged.
//! Each output document is followed by `---`.

mod config;
mod funcs;
mod goview;
pub mod incluster;
mod mesh;
mod pointer;
mod probes;
pub mod quantity;
mod stream;
mod typed;
mod validate;
mod webhook;

use std::io::{BufRead, Read, Write};
use std::path::{Path, PathBuf};

use serde_json::Value;

pub use config::{BUILTIN_TEMPLATES, SIDECAR_TEMPLATE, parse_template};
pub use mesh::apply_mesh_config;

/// A JSON document (mesh config, proxy config) as templates see the Go struct it stands for, so that
/// gateway-controller-style templates can be rendered with the same data model as istiod gives them.
pub fn go_struct_view(value: &serde_json::Value) -> gotmpl::Value {
    goview::view(value, "")
}
use crate::install::labels::DEFAULT_REVISION;
use pointer::PointerExt;
use typed::Kind;
use webhook::{Params, Pod};

/// Name of the injected proxy container.
pub const PROXY_CONTAINER: &str = "istio-proxy";
/// Env var with the original application probes.
pub const KUBE_APP_PROBERS: &str = "ISTIO_KUBE_APP_PROBERS";
/// Environment variable selecting native sidecars (`true` turns them on offline).
pub const NATIVE_SIDECARS_ENV: &str = "ENABLE_NATIVE_SIDECARS";
/// Namespaces whose pods are never injected.
const IGNORED_NAMESPACES: &[&str] = &["kube-system", "kube-public", "kube-node-lease", "local-path-storage"];
const INJECT_KEY: &str = "sidecar.istio.io/inject";
/// Pod annotation with a ProxyConfig overlay.
pub(crate) const PROXY_CONFIG_ANNOTATION: &str = "proxy.istio.io/config";
/// Pod annotation selecting the interception mode.
pub(crate) const INTERCEPTION_MODE_ANNOTATION: &str = "sidecar.istio.io/interceptionMode";
/// Pod annotation turning the Prometheus metrics merge on or off.
pub(crate) const MERGE_METRICS_ANNOTATION: &str = "prometheus.istio.io/merge-metrics";

/// Where the manifests come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputSource {
    /// A file.
    Path(PathBuf),
    /// Standard input (`-f -`).
    Stdin,
}

impl InputSource {
    /// `-` means stdin, anything else a path.
    pub fn from_arg(arg: &str) -> Self {
        if arg == "-" { Self::Stdin } else { Self::Path(PathBuf::from(arg)) }
    }
}

/// Options of one kube-inject run (the CLI flags).
#[derive(Debug, Clone)]
pub struct InjectOptions {
    /// `-f/--filename`.
    pub input: InputSource,
    /// `-o/--output`: written to a temporary file as the stream is processed and renamed over the
    /// target at the end (nothing changes on failure); stdout, document by document, when `None`.
    pub output: Option<PathBuf>,
    /// `--injectConfigFile`.
    pub inject_config_file: Option<PathBuf>,
    /// `--meshConfigFile`.
    pub mesh_config_file: Option<PathBuf>,
    /// `--valuesFile`.
    pub values_file: Option<PathBuf>,
    /// `--operatorFileName`.
    pub operator_file_name: Option<PathBuf>,
    /// `--revision` (`default` means none).
    pub revision: String,
    /// Native sidecars; `None` reads `ENABLE_NATIVE_SIDECARS` (only `true` turns them on), or asks the
    /// cluster when the templates come from it.
    pub native_sidecars: Option<bool>,
    /// The cluster whose ConfigMaps supply what no file gives; `None` means built-in defaults.
    pub cluster: Option<incluster::InCluster>,
}

impl Default for InjectOptions {
    fn default() -> Self {
        Self {
            input: InputSource::Stdin,
            output: None,
            inject_config_file: None,
            mesh_config_file: None,
            values_file: None,
            operator_file_name: None,
            revision: String::new(),
            native_sidecars: None,
            cluster: None,
        }
    }
}

/// What the CLI prints on stderr after a run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InjectReport {
    /// Upstream's skip warnings, verbatim (`===> Skipping injection because ...\n`, with the trailing
    /// newline). Upstream prints one empty line, then each warning with `Println` (so a blank line
    /// follows each), after processing and also when processing failed.
    pub warnings: Vec<String>,
    /// Our own notes (e.g. that built-in defaults replaced the cluster configuration), one line each.
    pub notes: Vec<String>,
}

/// Why kube-inject failed.
#[derive(Debug, thiserror::Error)]
pub enum InjectError {
    /// A file could not be read (`open x: no such file or directory`).
    #[error("open {path}: {message}")]
    Io { path: String, message: String },
    /// Writing the output failed.
    #[error("write {path}: {message}")]
    Write { path: String, message: String },
    /// Reading the input stream failed.
    #[error("{0}")]
    Read(String),
    /// Bad configuration (templates, values, mesh config).
    #[error("{0}")]
    Config(String),
    /// The input is not valid YAML/JSON or not a valid object.
    #[error("{0}")]
    Parse(String),
    /// Injection failed (bad annotations, template errors, merge errors).
    #[error("{0}")]
    Inject(String),
    /// The reader of standard output went away (the CLI ends quietly, as on any closed pipe).
    #[error("write stdout: broken pipe")]
    BrokenPipe,
}

/// Go's text for common I/O errors.
pub(crate) fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Whether native sidecars are on for `opts` (the env var must be literally `true`).
fn native_enabled(opts: &InjectOptions) -> bool {
    opts.native_sidecars.unwrap_or_else(|| std::env::var(NATIVE_SIDECARS_ENV).is_ok_and(|v| v == "true"))
}

/// The whole command: reads the input, loads the configuration, injects, writes the output.
/// On an error with stdout output, the documents before the failing one have been written (as
/// upstream streams them); with `-o` nothing is written.
pub fn kube_inject(opts: &InjectOptions, stdout: &mut impl Write) -> Result<InjectReport, InjectError> {
    kube_inject_with_stdin(opts, &mut std::io::stdin(), stdout)
}

/// [`kube_inject`] with an explicit standard input (used when `opts.input` is [`InputSource::Stdin`]).
pub fn kube_inject_with_stdin(
    opts: &InjectOptions,
    stdin: &mut impl Read,
    stdout: &mut impl Write,
) -> Result<InjectReport, InjectError> {
    let (report, result) = run_kube_inject(opts, stdin, stdout);
    result.map(|()| report)
}

/// [`kube_inject_with_stdin`] that also returns the warnings gathered before a failure (upstream prints
/// them even when the command fails).
pub fn run_kube_inject(
    opts: &InjectOptions,
    stdin: &mut impl Read,
    stdout: &mut impl Write,
) -> (InjectReport, Result<(), InjectError>) {
    let mut report = InjectReport::default();
    let result = run_into(opts, stdin, stdout, &mut report);
    (report, result)
}

fn run_into(
    opts: &InjectOptions,
    stdin: &mut impl Read,
    stdout: &mut impl Write,
    report: &mut InjectReport,
) -> Result<(), InjectError> {
    let input_name = match &opts.input {
        InputSource::Stdin => None,
        InputSource::Path(p) => Some(p.display().to_string()),
    };
    let input: Box<dyn Read + '_> = match &opts.input {
        InputSource::Stdin => Box::new(stdin),
        InputSource::Path(p) => Box::new(
            std::fs::File::open(p)
                .map_err(|e| InjectError::Io { path: p.display().to_string(), message: io_message(&e) })?,
        ),
    };
    let mut docs = stream::DocumentReader::new(std::io::BufReader::with_capacity(INPUT_BUFFER, input));
    let cfg = config::load(opts)?;
    report.notes.clone_from(&cfg.notes);
    let revision = match &cfg.revision {
        Some(tagged) => tagged.as_str(),
        None if opts.revision == DEFAULT_REVISION => "",
        None => opts.revision.as_str(),
    };
    let shared = webhook::SharedData::new(&cfg.mesh, &cfg.values);
    let injector = Injector {
        templates: &cfg.templates,
        values: &cfg.values,
        mesh: &cfg.mesh,
        revision,
        native: opts.native_sidecars.or(cfg.native_sidecars).unwrap_or_else(|| native_enabled(opts)),
        shared: &shared,
    };
    let read_error = |e: stream::StreamError| match e {
        stream::StreamError::Io(e) => match &input_name {
            Some(path) => InjectError::Io { path: path.clone(), message: io_message(&e) },
            None => InjectError::Read(e.to_string()),
        },
        other => InjectError::Parse(other.to_string()),
    };
    match &opts.output {
        None => {
            let write_error = |e: std::io::Error| {
                if e.kind() == std::io::ErrorKind::BrokenPipe {
                    InjectError::BrokenPipe
                } else {
                    InjectError::Write { path: "stdout".into(), message: e.to_string() }
                }
            };
            let result = injector.inject_stream(&mut docs, stdout, &mut report.warnings);
            // What was written before a failure is flushed, as upstream streams its output.
            let flushed = stdout.flush().map_err(write_error);
            match result {
                Err(StreamFailure::Read(e)) => Err(read_error(e)),
                Err(StreamFailure::Inject(e)) => Err(e),
                Err(StreamFailure::Write(e)) => Err(write_error(e)),
                Ok(()) => flushed,
            }
        }
        Some(path) => {
            let mut file = AtomicFile::create(path)?;
            let result = injector.inject_stream(&mut docs, &mut file.writer, &mut report.warnings);
            match result {
                Err(StreamFailure::Read(e)) => Err(read_error(e)),
                Err(StreamFailure::Inject(e)) => Err(e),
                Err(StreamFailure::Write(e)) => Err(file.error(&e)),
                Ok(()) => file.commit(),
            }
        }
    }
}

/// Read buffer size for the input stream.
const INPUT_BUFFER: usize = 64 * 1024;

/// Why [`Injector::inject_stream`] stopped.
enum StreamFailure {
    /// Reading or splitting the input failed.
    Read(stream::StreamError),
    /// A document could not be injected.
    Inject(InjectError),
    /// Writing the output failed.
    Write(std::io::Error),
}

impl From<InjectError> for StreamFailure {
    fn from(e: InjectError) -> Self {
        Self::Inject(e)
    }
}

/// The `-o` file, written to a temporary file in the same directory and renamed over the target only
/// when the whole stream is done, so a failed run leaves the target alone and `-f a.yaml -o a.yaml`
/// reads its input to the end before replacing it. Dropped without [`AtomicFile::commit`], the
/// temporary file is removed.
struct AtomicFile {
    path: PathBuf,
    tmp: PathBuf,
    writer: std::io::BufWriter<std::fs::File>,
    committed: bool,
}

impl AtomicFile {
    fn create(path: &Path) -> Result<Self, InjectError> {
        let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or_else(|| Path::new("."));
        let name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let tmp = dir.join(format!(".{name}.kube-inject.{}.tmp", std::process::id()));
        let file = std::fs::File::create(&tmp)
            .map_err(|e| InjectError::Write { path: path.display().to_string(), message: e.to_string() })?;
        Ok(Self { path: path.to_path_buf(), tmp, writer: std::io::BufWriter::new(file), committed: false })
    }

    fn error(&self, e: &std::io::Error) -> InjectError {
        InjectError::Write { path: self.path.display().to_string(), message: e.to_string() }
    }

    /// Flushes and renames the temporary file over the target.
    fn commit(mut self) -> Result<(), InjectError> {
        self.writer.flush().map_err(|e| self.error(&e))?;
        std::fs::rename(&self.tmp, &self.path).map_err(|e| self.error(&e))?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// Everything fixed for one run.
struct Injector<'a> {
    templates: &'a config::Templates,
    values: &'a Value,
    mesh: &'a Value,
    revision: &'a str,
    native: bool,
    /// Template data that does not depend on the pod.
    shared: &'a webhook::SharedData,
}

/// Go's `%q`-ish quoting used in the skip warnings.
fn go_quote(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_default()
}

fn type_error(v: &Value) -> &'static str {
    match v {
        Value::Bool(_) => "bool",
        Value::Number(_) => "number",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
        Value::String(_) => "string",
        Value::Null => "null",
    }
}

/// Rejects what Go's typed decoding would reject in the places injection reads.
fn check_pod_shape(meta: &Value, spec: &Value, meta_path: &str, spec_path: &str) -> Result<(), InjectError> {
    let path = |p: &str| p.trim_start_matches('/').replace('/', ".");
    for field in ["labels", "annotations"] {
        match meta.get(field) {
            None | Some(Value::Null) => {}
            Some(Value::Object(m)) => {
                if let Some((_, v)) = m.iter().find(|(_, v)| !v.is_string() && !v.is_null()) {
                    return Err(InjectError::Parse(format!(
                        "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go struct field ObjectMeta.{}.{field} of type string",
                        type_error(v),
                        path(meta_path)
                    )));
                }
            }
            Some(v) => {
                return Err(InjectError::Parse(format!(
                    "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go struct field ObjectMeta.{}.{field} of type map[string]string",
                    type_error(v),
                    path(meta_path)
                )));
            }
        }
    }
    if !(meta.is_object() || meta.is_null()) {
        return Err(InjectError::Parse(format!(
            "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go struct field {} of type v1.ObjectMeta",
            type_error(meta),
            path(meta_path)
        )));
    }
    if !(spec.is_object() || spec.is_null()) {
        return Err(InjectError::Parse(format!(
            "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go struct field {} of type v1.PodSpec",
            type_error(spec),
            path(spec_path)
        )));
    }
    for list in ["containers", "initContainers", "volumes", "imagePullSecrets"] {
        match spec.get(list) {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) => {
                if let Some(bad) = items.iter().find(|i| !i.is_object()) {
                    return Err(InjectError::Parse(format!(
                        "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go struct field PodSpec.{}.{list} of type v1.Container",
                        type_error(bad),
                        path(spec_path)
                    )));
                }
            }
            Some(v) => {
                return Err(InjectError::Parse(format!(
                    "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go struct field PodSpec.{}.{list} of type []v1.Container",
                    type_error(v),
                    path(spec_path)
                )));
            }
        }
    }
    Ok(())
}

/// `injectRequired` with policy `enabled` and no selectors (kube-inject's view).
fn inject_required(meta: &Value) -> bool {
    let ns = meta.get("namespace").and_then(Value::as_str).unwrap_or_default();
    if IGNORED_NAMESPACES.contains(&ns) {
        return false;
    }
    let ann = meta.at("/annotations").and_then(|a| a.get(INJECT_KEY)).and_then(Value::as_str);
    let lbl = meta.at("/labels").and_then(|l| l.get(INJECT_KEY)).and_then(Value::as_str);
    lbl.or(ann) != Some("false")
}

/// `GetDeployMetaFromPod`: the owner of a bare pod, derived from its controller reference.
fn deploy_meta_from_pod(meta: &Value) -> (String, String, String, String) {
    let s = |p: &str| meta.at(p).and_then(Value::as_str).unwrap_or_default().to_string();
    let (mut name, ns) = (s("/name"), s("/namespace"));
    let (mut kind, mut api) = ("Pod".to_string(), "v1".to_string());
    if !s("/generateName").is_empty() {
        let controller = meta
            .get("ownerReferences")
            .and_then(Value::as_array)
            .and_then(|refs| refs.iter().find(|r| r.get("controller").and_then(Value::as_bool) == Some(true)));
        if let Some(r) = controller {
            let rs = |k: &str| r.get(k).and_then(Value::as_str).unwrap_or_default().to_string();
            api = rs("apiVersion");
            kind = rs("kind");
            name = rs("name");
            let lbl = |k: &str| meta.at("/labels").and_then(|l| l.get(k)).and_then(Value::as_str).unwrap_or_default();
            let hash = lbl("pod-template-hash");
            let rollout = lbl("rollouts-pod-template-hash");
            if kind == "ReplicaSet" && !hash.is_empty() && name.ends_with(hash) {
                name = name.strip_suffix(&format!("-{hash}")).unwrap_or(&name).to_string();
                kind = "Deployment".into();
            } else if kind == "ReplicaSet" && !rollout.is_empty() && name.ends_with(rollout) {
                name = name.strip_suffix(&format!("-{rollout}")).unwrap_or(&name).to_string();
                kind = "Rollout".into();
                api = "v1alpha1".into();
            } else if kind == "ReplicationController" && !lbl("deploymentconfig").is_empty() {
                name = lbl("deploymentconfig").to_string();
                kind = "DeploymentConfig".into();
            } else if kind == "Job"
                && let Some((base, digits)) = name.rsplit_once('-')
                && (8..=10).contains(&digits.len())
                && digits.bytes().all(|b| b.is_ascii_digit())
                && !base.is_empty()
            {
                name = base.to_string();
                kind = "CronJob".into();
                api = "batch/v1".into();
            }
        }
    }
    if name.is_empty() {
        name = s("/name");
    }
    (name, ns, kind, api)
}

/// Stores `value` at JSON pointer `pointer`, creating missing (or non-object) parents.
fn set_pointer(obj: &mut Value, pointer: &str, value: Value) {
    let mut cur = obj;
    let mut parts = pointer.trim_start_matches('/').split('/').peekable();
    while let Some(part) = parts.next() {
        if !cur.is_object() {
            *cur = Value::Object(serde_json::Map::new());
        }
        let Some(m) = cur.as_object_mut() else { return };
        if parts.peek().is_none() {
            m.insert(part.to_string(), value);
            return;
        }
        cur = m.entry(part.to_string()).or_insert_with(|| Value::Object(serde_json::Map::new()));
    }
}

impl Injector<'_> {
    /// `IntoResourceFile`: processes the documents of `docs` one at a time, writing each to `out` as
    /// soon as it is done.
    fn inject_stream(
        &self,
        docs: &mut stream::DocumentReader<impl BufRead>,
        out: &mut impl Write,
        warnings: &mut Vec<String>,
    ) -> Result<(), StreamFailure> {
        while let Some(raw) = docs.next_document().map_err(StreamFailure::Read)? {
            let value =
                goyaml::parse(&raw).map_err(|e| InjectError::Parse(format!("error converting YAML to JSON: {e}")))?;
            let kind = match &value {
                Value::Object(m) => match m.get("kind") {
                    None | Some(Value::Null) => None,
                    Some(Value::String(k)) => Kind::from_name(k),
                    Some(other) => {
                        return Err(InjectError::Parse(format!(
                            "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go struct field TypeMeta.kind of type string",
                            type_error(other)
                        ))
                        .into());
                    }
                },
                Value::Null => None,
                other => {
                    return Err(InjectError::Parse(format!(
                        "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go value of type v1.TypeMeta",
                        type_error(other)
                    ))
                    .into());
                }
            };
            let written = match kind {
                None => out.write_all(raw.as_bytes()),
                Some(kind) => {
                    let obj = self.inject_object(kind, value, warnings)?;
                    out.write_all(goyaml::to_string(&obj).as_bytes())
                }
            };
            written.and_then(|()| out.write_all(b"---\n")).map_err(StreamFailure::Write)?;
        }
        Ok(())
    }

    /// `IntoObject`: injects one object of a registered kind (recursing into Lists).
    fn inject_object(&self, kind: Kind, mut obj: Value, warnings: &mut Vec<String>) -> Result<Value, InjectError> {
        if kind == Kind::List {
            let items = obj.get("items").cloned().unwrap_or(Value::Null);
            let items = match items {
                Value::Array(items) => items,
                Value::Null => Vec::new(),
                other => {
                    return Err(InjectError::Parse(format!(
                        "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go struct field List.items of type []runtime.RawExtension",
                        type_error(&other)
                    )));
                }
            };
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                let k = item.get("kind").and_then(Value::as_str).and_then(Kind::from_name);
                match k {
                    Some(k) => out.push(self.inject_object(k, item, warnings)?),
                    None => out.push(item),
                }
            }
            if let Some(m) = obj.as_object_mut() {
                m.insert("items".into(), Value::Array(out));
            }
            typed::normalize_object(Kind::List, &mut obj);
            return Ok(obj);
        }
        let (meta_ptr, spec_ptr) = kind.pod_pointers();
        if kind.template_required() && obj.at("/spec/template").is_none_or(Value::is_null) {
            return Err(InjectError::Inject("spec.template is required value".into()));
        }
        {
            let at = |p: &str| obj.at(p).unwrap_or(&Value::Null);
            check_pod_shape(at(meta_ptr), at(spec_ptr), meta_ptr, spec_ptr)?;
            if meta_ptr != "/metadata" {
                check_pod_shape(at("/metadata"), &Value::Null, "/metadata", spec_ptr)?;
            }
        }
        typed::normalize_object(kind, &mut obj);
        let mut pod = Pod {
            meta: obj.at(meta_ptr).cloned().unwrap_or_else(|| serde_json::json!({})),
            spec: obj.at(spec_ptr).cloned().unwrap_or_else(|| serde_json::json!({})),
        };
        if !pod.meta.is_object() {
            pod.meta = serde_json::json!({});
        }
        let (deploy_name, deploy_ns, type_kind, api_version) = if kind == Kind::Pod {
            deploy_meta_from_pod(&pod.meta)
        } else {
            let s = |p: &str| obj.at(p).and_then(Value::as_str).unwrap_or_default().to_string();
            (s("/metadata/name"), s("/metadata/namespace"), s("/kind"), s("/apiVersion"))
        };
        let pod_name = pod.meta.get("name").and_then(Value::as_str).filter(|n| !n.is_empty());
        let name = pod_name.map_or_else(|| deploy_name.clone(), str::to_string);
        let full_name = if deploy_ns.is_empty() { name } else { format!("{deploy_ns}/{name}") };
        let subject =
            if type_kind.is_empty() { go_quote(&full_name) } else { format!("{type_kind} {}", go_quote(&full_name)) };
        if pod.spec.get("hostNetwork").and_then(Value::as_bool) == Some(true) {
            warnings.push(format!("===> Skipping injection because {subject} has host networking enabled\n"));
            return Ok(obj);
        }
        let mesh =
            match pod.meta.at("/annotations").and_then(|a| a.get(PROXY_CONFIG_ANNOTATION)).and_then(Value::as_str) {
                Some(pca) => {
                    std::borrow::Cow::Owned(mesh::apply_proxy_config_annotation(self.mesh, pca).map_err(|e| {
                        InjectError::Inject(format!("could not parse proxy config: {e} (in {subject})"))
                    })?)
                }
                None => std::borrow::Cow::Borrowed(self.mesh),
            };
        if !inject_required(&pod.meta) {
            warnings.push(format!("===> Skipping injection because {subject} has sidecar injection disabled\n"));
            return Ok(obj);
        }
        let params = Params {
            deploy_name,
            deploy_namespace: deploy_ns,
            kind: type_kind,
            api_version,
            templates: self.templates,
            mesh: &mesh,
            values: self.values,
            native: self.native,
            revision: self.revision,
            shared: self.shared,
            mesh_is_shared: matches!(mesh, std::borrow::Cow::Borrowed(_)),
        };
        pod = webhook::inject_pod(&params, &pod).map_err(|e| match e {
            InjectError::Inject(m) => InjectError::Inject(format!("{} (in {subject})", m.trim_end())),
            other => other,
        })?;
        // The object was normalised before, and `inject_pod` normalises the pod it returns.
        set_pointer(&mut obj, meta_ptr, pod.meta);
        set_pointer(&mut obj, spec_ptr, pod.spec);
        Ok(obj)
    }
}
