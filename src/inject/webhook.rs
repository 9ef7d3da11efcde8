//! Injection of one pod (upstream `injectPod`): render the selected templates, strategic-merge them
//! onto the pod, re-apply user overrides of injected containers, then post-process (cluster/network
//! env, Prometheus merge, probe rewriting, status annotation, labels, container order).

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use super::config::Templates;
use super::pointer::PointerExt;
use super::{
    INTERCEPTION_MODE_ANNOTATION, InjectError, MERGE_METRICS_ANNOTATION, PROXY_CONFIG_ANNOTATION, PROXY_CONTAINER,
    funcs, goview, mesh, probes, typed, validate,
};
use crate::smp::{Schema, strategic_merge_patch_owned};

const INIT_CONTAINER: &str = "istio-init";
const VALIDATION_CONTAINER: &str = "istio-validation";
const ENABLE_CORE_DUMP: &str = "enable-core-dump";
const AUTO_IMAGE: &str = "auto";
const STATUS_ANNOTATION: &str = "sidecar.istio.io/status";
const OVERRIDES_ANNOTATION: &str = "proxy.istio.io/overrides";
const TEMPLATES_ANNOTATION: &str = "inject.istio.io/templates";
const NATIVE_ANNOTATION: &str = "sidecar.istio.io/nativeSidecar";
const NETWORK_LABEL: &str = "topology.istio.io/network";
const PROMETHEUS_SCRAPE: &str = "prometheus_io_scrape";
const PROMETHEUS_PORT: &str = "prometheus_io_port";
const PROMETHEUS_PATH: &str = "prometheus_io_path";
/// Env var carrying the user's Prometheus annotations after the metrics merge.
const PROMETHEUS_ENV: &str = "ISTIO_PROMETHEUS_ANNOTATIONS";
/// Default proxy UID/GID outside OpenShift.
pub const DEFAULT_PROXY_UID: i64 = 1337;

/// A pod being injected: its metadata and spec as JSON.
#[derive(Debug, Clone, Default)]
pub struct Pod {
    pub meta: Value,
    pub spec: Value,
}

/// Everything `injectPod` needs besides the pod.
pub struct Params<'a> {
    /// Owner name and namespace (`DeploymentMeta`).
    pub deploy_name: String,
    pub deploy_namespace: String,
    /// `TypeMeta` of the owner.
    pub kind: String,
    pub api_version: String,
    pub templates: &'a Templates,
    /// Mesh config with the pod's `proxy.istio.io/config` already applied.
    pub mesh: &'a Value,
    pub values: &'a Value,
    pub native: bool,
    pub revision: &'a str,
    /// Template data built once per run from the run's mesh config and values.
    pub shared: &'a SharedData,
    /// Whether `mesh` is the run's mesh config (no `proxy.istio.io/config` on the pod), so that
    /// the views in `shared` apply.
    pub mesh_is_shared: bool,
}

/// The parts of the template data that do not depend on the pod, built once per run: the
/// `.Values` view and the `.MeshConfig`/`.ProxyConfig` views of the run's mesh config. They are
/// shared by every pod, as upstream shares its values map between injections.
pub struct SharedData {
    values: gotmpl::Value,
    mesh: gotmpl::Value,
    proxy_config: gotmpl::Value,
}

impl SharedData {
    /// The views of `mesh` and `values`.
    pub fn new(mesh: &Value, values: &Value) -> Self {
        let (mesh, proxy_config) = mesh_views(mesh);
        Self { values: gotmpl::Value::from_json_f64(values), mesh, proxy_config }
    }
}

/// The `.MeshConfig` view (with `DefaultConfig`) and the `.ProxyConfig` view of a mesh config.
fn mesh_views(mesh: &Value) -> (gotmpl::Value, gotmpl::Value) {
    let mut pc_json = mesh.get("defaultConfig").cloned().unwrap_or_else(mesh::default_proxy_config);
    if let Some(m) = pc_json.as_object_mut() {
        m.entry("interceptionMode").or_insert_with(|| json!("REDIRECT"));
        m.entry("proxyMetadata").or_insert_with(|| json!({}));
    }
    let pc_view = proxy_config_view(&pc_json);
    let mut mesh_view = mesh.clone();
    if let Some(m) = mesh_view.as_object_mut() {
        m.remove("defaultConfig");
    }
    let mesh_view = goview::view(&mesh_view, "");
    if let Some(m) = mesh_view.as_map() {
        m.insert("DefaultConfig", pc_view.clone());
    }
    (mesh_view, pc_view)
}

fn annotations(meta: &Value) -> Option<&Map<String, Value>> {
    meta.get("annotations").and_then(Value::as_object)
}

fn annotation<'v>(meta: &'v Value, key: &str) -> Option<&'v str> {
    annotations(meta).and_then(|a| a.get(key)).and_then(Value::as_str)
}

fn label<'v>(meta: &'v Value, key: &str) -> Option<&'v str> {
    meta.get("labels").and_then(|l| l.get(key)).and_then(Value::as_str)
}

fn str_at<'v>(v: &'v Value, pointer: &str) -> &'v str {
    v.at(pointer).and_then(Value::as_str).unwrap_or_default()
}

fn map_mut<'v>(v: &'v mut Value, key: &str) -> Option<&'v mut Map<String, Value>> {
    let m = v.as_object_mut()?;
    if !m.get(key).is_some_and(Value::is_object) {
        m.insert(key.to_string(), json!({}));
    }
    m.get_mut(key).and_then(Value::as_object_mut)
}

fn containers<'v>(spec: &'v Value, list: &str) -> &'v [Value] {
    spec.get(list).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn names(spec: &Value, list: &str) -> Vec<String> {
    containers(spec, list).iter().filter_map(|c| c.get("name").and_then(Value::as_str)).map(str::to_string).collect()
}

fn find<'v>(list: &'v [Value], name: &str) -> Option<&'v Value> {
    list.iter().find(|c| c.get("name").and_then(Value::as_str) == Some(name))
}

/// `FindSidecar`: `istio-proxy` in containers, else in init containers.
fn sidecar_mut(spec: &mut Value) -> Option<&mut Value> {
    let in_containers = find(containers(spec, "containers"), PROXY_CONTAINER).is_some();
    let list = if in_containers { "containers" } else { "initContainers" };
    spec.get_mut(list)?
        .as_array_mut()?
        .iter_mut()
        .find(|c| c.get("name").and_then(Value::as_str) == Some(PROXY_CONTAINER))
}

fn has_sidecar(spec: &Value) -> bool {
    find(containers(spec, "containers"), PROXY_CONTAINER).is_some()
        || find(containers(spec, "initContainers"), PROXY_CONTAINER).is_some()
}

/// Parsed `sidecar.istio.io/status`: names of injected containers and init containers.
fn parse_status(meta: &Value) -> Option<(Vec<String>, Vec<String>)> {
    let v: Value = serde_json::from_str(annotation(meta, STATUS_ANNOTATION)?).ok()?;
    let list = |k: &str| -> Vec<String> {
        v.get(k).and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).map(str::to_string).collect()
    };
    Some((list("containers"), list("initContainers")))
}

fn remove_named(spec: &mut Value, list: &str, name: &str) {
    if let Some(Value::Array(cs)) = spec.get_mut(list) {
        cs.retain(|c| c.get("name").and_then(Value::as_str) != Some(name));
    }
}

/// The Prometheus annotation kind of a key, after label-name sanitising.
/// Whether `key` with every character other than ASCII letters, digits and `_` replaced by `_`
/// (how upstream compares prometheus annotation keys) is `sanitized`; without building the string.
fn sanitizes_to(key: &str, sanitized: &str) -> bool {
    key.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).eq(sanitized.chars())
}

fn prometheus_port(meta: &Value) -> Option<String> {
    annotations(meta)?
        .iter()
        .find(|(k, _)| sanitizes_to(k, PROMETHEUS_PORT))
        .and_then(|(_, v)| v.as_str().map(str::to_string))
}

fn clear_prometheus(meta: &mut Value) {
    if let Some(a) = meta.get_mut("annotations").and_then(Value::as_object_mut) {
        a.retain(|k, _| ![PROMETHEUS_PORT, PROMETHEUS_PATH, PROMETHEUS_SCRAPE].iter().any(|p| sanitizes_to(k, p)));
    }
}

fn status_port_of(mesh: &Value) -> i64 {
    mesh.at("/defaultConfig/statusPort").and_then(Value::as_i64).unwrap_or(15020)
}

/// `stripPod`: the pod without previously injected containers (template data is built from it).
fn strip_pod(pod: &Pod, mesh: &Value) -> Pod {
    let Some((cs, ics)) = parse_status(&pod.meta) else { return pod.clone() };
    let mut out = pod.clone();
    for c in cs {
        remove_named(&mut out.spec, "containers", &c);
    }
    for c in ics {
        remove_named(&mut out.spec, "initContainers", &c);
    }
    if prometheus_port(&out.meta).as_deref() == Some(status_port_of(mesh).to_string().as_str()) {
        clear_prometheus(&mut out.meta);
    }
    if let Some(a) = out.meta.get_mut("annotations").and_then(Value::as_object_mut) {
        a.remove(STATUS_ANNOTATION);
    }
    out
}

/// The `proxy.istio.io/overrides` annotation, parsed.
fn overrides(meta: &Value) -> Result<(Vec<Value>, Vec<Value>), InjectError> {
    let Some(text) = annotation(meta, OVERRIDES_ANNOTATION) else { return Ok((Vec::new(), Vec::new())) };
    let v: Value = serde_json::from_str(text).map_err(|e| InjectError::Inject(e.to_string()))?;
    let list = |k: &str| v.get(k).and_then(Value::as_array).cloned().unwrap_or_default();
    Ok((list("containers"), list("initContainers")))
}

/// `reinsertOverrides`: containers recorded as overrides are put back into the stripped pod.
fn reinsert_overrides(mut pod: Pod) -> Result<Pod, InjectError> {
    let (cs, ics) = overrides(&pod.meta)?;
    for (list, items) in [("containers", cs), ("initContainers", ics)] {
        for c in items {
            let name = c.get("name").and_then(Value::as_str).unwrap_or_default().to_string();
            if find(containers(&pod.spec, list), &name).is_some() {
                continue;
            }
            if let Some(spec) = pod.spec.as_object_mut() {
                let entry = spec.entry(list).or_insert_with(|| json!([]));
                if let Value::Array(a) = entry {
                    a.push(c);
                } else {
                    *entry = json!([c]);
                }
            }
        }
    }
    Ok(pod)
}

/// `ProxyImage`: `<hub>/<image>:<tag>[-<variant>]`.
fn proxy_image(values: &Value, proxy_config: &Value, meta: &Value) -> String {
    let hub = str_at(values, "/global/hub");
    let tag = match values.at("/global/tag") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    };
    let image = match str_at(values, "/global/proxy/image") {
        "" => "proxyv2",
        i => i,
    };
    let mut image_type = str_at(values, "/global/variant").to_string();
    if let Some(img) = proxy_config.get("image") {
        image_type = str_at(img, "/imageType").to_string();
    }
    if let Some(t) = annotation(meta, "sidecar.istio.io/proxyImageType") {
        image_type = t.to_string();
    }
    format!("{hub}/{image}:{}", tag_with_type(&tag, &image_type))
}

fn tag_with_type(tag: &str, image_type: &str) -> String {
    if image_type.is_empty() {
        return tag.to_string();
    }
    let mut t = tag;
    for known in ["distroless", "debug"] {
        if let Some(stripped) = t.strip_suffix(&format!("-{known}")) {
            t = stripped;
            break;
        }
    }
    if image_type == "default" { t.to_string() } else { format!("{t}-{image_type}") }
}

/// The data the templates see (`SidecarTemplateData`).
fn template_data(p: &Params<'_>, stripped: &Pod) -> gotmpl::Value {
    let default_proxy_config;
    let proxy_config = match p.mesh.get("defaultConfig") {
        Some(pc) => pc,
        None => {
            default_proxy_config = mesh::default_proxy_config();
            &default_proxy_config
        }
    };
    let mut meta = stripped.meta.clone();
    if let Some(m) = meta.as_object_mut() {
        for k in ["annotations", "labels"] {
            m.entry(k).or_insert_with(|| json!({}));
        }
    }
    let mut spec = stripped.spec.clone();
    if let Some(m) = spec.as_object_mut() {
        for k in ["containers", "initContainers", "volumes"] {
            if !m.get(k).is_some_and(Value::is_array) {
                m.insert(k.to_string(), json!([]));
            }
        }
    }
    if let Some(m) = spec.as_object_mut() {
        m.entry("serviceAccountName").or_insert_with(|| json!(""));
    }
    let (mesh_view, pc_view) =
        if p.mesh_is_shared { (p.shared.mesh.clone(), p.shared.proxy_config.clone()) } else { mesh_views(p.mesh) };
    let inbound = match str_at(p.mesh, "/inboundTrafficPolicy/mode") {
        "LOCALHOST" => "localhost",
        _ => "passthrough",
    };
    gotmpl::Value::map_from([
        (
            "TypeMeta",
            gotmpl::Value::map_from([
                ("Kind", gotmpl::Value::string(p.kind.as_str())),
                ("APIVersion", gotmpl::Value::string(p.api_version.as_str())),
            ]),
        ),
        (
            "DeploymentMeta",
            gotmpl::Value::map_from([
                ("Name", gotmpl::Value::string(p.deploy_name.as_str())),
                ("Namespace", gotmpl::Value::string(p.deploy_namespace.as_str())),
            ]),
        ),
        ("ObjectMeta", goview::view(&meta, "metadata")),
        ("Spec", goview::view(&spec, "spec")),
        ("ProxyConfig", pc_view),
        ("MeshConfig", mesh_view),
        ("Values", p.shared.values.clone()),
        ("Revision", gotmpl::Value::string(p.revision)),
        ("NativeSidecars", gotmpl::Value::Bool(p.native)),
        ("ProxyImage", gotmpl::Value::string(proxy_image(p.values, proxy_config, &stripped.meta))),
        ("ProxyUID", gotmpl::Value::Int(DEFAULT_PROXY_UID)),
        ("ProxyGID", gotmpl::Value::Int(DEFAULT_PROXY_UID)),
        ("InboundTrafficPolicyMode", gotmpl::Value::string(inbound)),
        ("CompliancePolicy", gotmpl::Value::string(std::env::var("COMPLIANCE_POLICY").unwrap_or_default())),
    ])
}

/// The Go view of a proxy config, with the getters upstream's templates call on the Go message
/// (`.HoldApplicationUntilProxyStarts.GetValue`, `.GetTracing.GetTlsSettings.GetCaCertificates`)
/// working on unset fields as they do on Go nil pointers.
fn proxy_config_view(pc: &Value) -> gotmpl::Value {
    let view = goview::view(pc, "");
    let Some(m) = view.as_map() else { return view };
    if !m.contains_key("HoldApplicationUntilProxyStarts") {
        m.insert(
            "HoldApplicationUntilProxyStarts",
            gotmpl::Value::map_from([("GetValue", goview::getter(gotmpl::Value::Bool(false)))]),
        );
    }
    let tls = m.get("Tracing").and_then(|t| t.get("TlsSettings")).unwrap_or_default();
    if let Some(t) = tls.as_map() {
        t.insert(
            "GetCaCertificates",
            goview::getter(t.get("CaCertificates").unwrap_or_else(|| gotmpl::Value::string(""))),
        );
    }
    let tracing = m.get("Tracing").unwrap_or_else(gotmpl::Value::new_map);
    let tracing = if tracing.as_map().is_some() { tracing } else { gotmpl::Value::new_map() };
    if let Some(t) = tracing.as_map() {
        t.insert("GetTlsSettings", goview::getter(tls));
    }
    m.insert("GetTracing", goview::getter(tracing));
    view
}

/// Strategic merge of a template overlay (a pod as JSON) onto a pod, then the normalisation of the
/// decode into `corev1.Pod` that follows it upstream.
fn apply_overlay(target: Pod, overlay: Value) -> Result<Pod, InjectError> {
    let smp = |orig: Value, patch: Option<Value>, schema: Schema| -> Result<Value, InjectError> {
        match patch {
            None | Some(Value::Null) => Ok(orig),
            Some(p) => {
                let base = if orig.is_object() { orig } else { json!({}) };
                strategic_merge_patch_owned(base, p, schema)
                    .map_err(|e| InjectError::Inject(format!("strategic merge: {e}")))
            }
        }
    };
    let (meta_patch, spec_patch) = match overlay {
        Value::Object(mut o) => (o.remove("metadata"), o.remove("spec")),
        Value::Null => (None, None),
        _ => {
            return Err(InjectError::Inject(
                "strategic merge: json: cannot unmarshal non-object into Go value of type map[string]interface {}"
                    .into(),
            ));
        }
    };
    let mut meta = smp(target.meta, meta_patch, Schema::ObjectMeta)?;
    let mut spec = smp(target.spec, spec_patch, Schema::PodSpec)?;
    typed::normalize_pod_parts(&mut meta, &mut spec);
    Ok(Pod { meta, spec })
}

/// Moves container `name` from `containers` to the end of `initContainers`.
fn move_to_init(spec: &mut Value, name: &str) {
    let Some(m) = spec.as_object_mut() else { return };
    let Some(Value::Array(cs)) = m.get_mut("containers") else { return };
    let Some(i) = cs.iter().position(|c| c.get("name").and_then(Value::as_str) == Some(name)) else { return };
    let c = cs.remove(i);
    match m.get_mut("initContainers") {
        Some(Value::Array(ics)) => ics.push(c),
        _ => {
            m.insert("initContainers".into(), json!([c]));
        }
    }
}

/// The pod spec lists whose item names the injection status records (in this order), and the only
/// parts of the template pod that injection reads.
const STATUS_LISTS: [&str; 4] = ["initContainers", "containers", "volumes", "imagePullSecrets"];

/// What of a template overlay decides the names in the template pod's [`STATUS_LISTS`] when it is
/// merged onto an empty pod: the metadata, the spec's directives, and the lists with each item's
/// `name` and `$patch` only. Merging this instead of a copy of the whole overlay gives the same
/// names and the same errors (onto an empty pod only top-level directives can fail).
fn name_skeleton(overlay: &Value) -> Value {
    let (Some(o), Some(Value::Object(spec))) = (overlay.as_object(), overlay.get("spec")) else {
        return overlay.clone();
    };
    let item = |v: &Value| match v.as_object() {
        Some(m) => Value::Object(
            m.iter().filter(|(k, _)| *k == "name" || *k == "$patch").map(|(k, x)| (k.clone(), x.clone())).collect(),
        ),
        None => v.clone(),
    };
    let mut skeleton_spec = Map::new();
    for (k, v) in spec {
        if k.starts_with('$') {
            skeleton_spec.insert(k.clone(), v.clone());
        } else if STATUS_LISTS.contains(&k.as_str()) {
            let kept = match v {
                Value::Array(items) => Value::Array(items.iter().map(item).collect()),
                other => other.clone(),
            };
            skeleton_spec.insert(k.clone(), kept);
        }
    }
    let mut skeleton = Map::new();
    for (k, v) in o {
        match k.as_str() {
            "spec" => skeleton.insert(k.clone(), Value::Object(std::mem::take(&mut skeleton_spec))),
            _ => skeleton.insert(k.clone(), v.clone()),
        };
    }
    Value::Object(skeleton)
}

fn select_templates(meta: &Value) -> Vec<String> {
    match annotation(meta, TEMPLATES_ANNOTATION) {
        Some(a) => a.split(',').map(|s| s.trim().to_string()).collect(),
        None => vec![super::config::SIDECAR_TEMPLATE.to_string()],
    }
}

/// `RunTemplate`: renders and merges every selected template. Returns (merged pod, template pod).
fn run_templates(p: &Params<'_>, pod: &Pod) -> Result<(Pod, Pod), InjectError> {
    let stripped = reinsert_overrides(strip_pod(pod, p.mesh))?;
    let data = template_data(p, &stripped);
    let mut merged = pod.clone();
    let mut template_pod = Pod { meta: json!({}), spec: json!({}) };
    let selected = select_templates(&pod.meta);
    let single = selected.len() == 1;
    for name in selected {
        let Some(t) = p.templates.get(&name) else {
            let have: Vec<&str> = p.templates.keys().map(String::as_str).collect();
            return Err(InjectError::Inject(format!(
                "requested template {name:?} not found; have {}",
                have.join(", ")
            )));
        };
        let text = t.execute("inject", &data).map_err(|e| InjectError::Inject(e.to_string()))?;
        let overlay =
            goyaml::parse(&text).map_err(|e| InjectError::Inject(format!("failed applying injection overlay: {e}")))?;
        // Only names are read from the template pod; with one template it starts empty and its
        // names come from the skeleton alone (several templates merge onto each other in full).
        let for_template = if single { name_skeleton(&overlay) } else { overlay.clone() };
        template_pod = apply_overlay(std::mem::take(&mut template_pod), for_template)
            .map_err(|e| InjectError::Inject(format!("failed applying injection overlay: {e}")))?;
        let native = match annotation(&merged.meta, NATIVE_ANNOTATION) {
            Some("true") => true,
            Some("false") => false,
            _ => p.native,
        };
        if native
            && find(containers(&template_pod.spec, "initContainers"), PROXY_CONTAINER).is_some()
            && find(containers(&merged.spec, "containers"), PROXY_CONTAINER).is_some()
        {
            move_to_init(&mut merged.spec, PROXY_CONTAINER);
        }
        merged = apply_overlay(std::mem::take(&mut merged), overlay).map_err(|e| {
            InjectError::Inject(format!(
                "failed parsing generated injected YAML (check Istio sidecar injector configuration): {e}"
            ))
        })?;
    }
    Ok((merged, template_pod))
}

/// Merges one container back on top of the pod (`applyContainer`/`applyInitContainer`).
fn apply_container(target: Pod, container: &Value, list: &str) -> Result<Pod, InjectError> {
    let mut spec = Map::new();
    if list == "initContainers" {
        spec.insert("containers".into(), json!([]));
    }
    spec.insert(list.into(), json!([container]));
    apply_overlay(target, json!({"spec": spec}))
}

/// `reapplyOverwrittenContainers`: user-defined containers named like template containers win.
fn reapply_overwritten(mut fin: Pod, original: &Pod, template: &Pod, mesh: &Value) -> Result<Pod, InjectError> {
    let (existing_cs, existing_ics) = overrides(&original.meta)?;
    let status = parse_status(&original.meta);
    let already = annotation(&original.meta, STATUS_ANNOTATION).is_some();
    let (status_cs, status_ics) = status.unwrap_or_default();
    let mut recorded: BTreeMap<&str, Vec<Value>> = BTreeMap::new();
    for (list, existing, injected) in
        [("containers", &existing_cs, &status_cs), ("initContainers", &existing_ics, &status_ics)]
    {
        for name in names(&template.spec, list) {
            if injected.contains(&name) {
                continue;
            }
            let user = find(existing, &name).or_else(|| {
                if list == "containers" {
                    find(containers(&original.spec, "containers"), &name)
                } else {
                    find(containers(&original.spec, "containers"), &name)
                        .or_else(|| find(containers(&original.spec, "initContainers"), &name))
                }
            });
            let Some(user) = user else { continue };
            let mut overlay = user.clone();
            if overlay.get("image").and_then(Value::as_str) == Some(AUTO_IMAGE)
                && let Some(m) = overlay.as_object_mut()
            {
                m.remove("image");
            }
            if let Some(m) = overlay.as_object_mut() {
                m.entry("resources").or_insert_with(|| json!({}));
            }
            recorded.entry(list).or_default().push(overlay.clone());
            fin = apply_container(std::mem::take(&mut fin), &overlay, list)?;
        }
    }
    if !already && !recorded.is_empty() {
        let mut o = Map::new();
        for list in ["containers", "initContainers"] {
            if let Some(cs) = recorded.get(list) {
                o.insert(
                    list.into(),
                    Value::Array(cs.iter().map(|c| typed::go_struct_order(c, "container")).collect()),
                );
            }
        }
        if let Some(a) = map_mut(&mut fin.meta, "annotations") {
            a.insert(OVERRIDES_ANNOTATION.into(), Value::String(funcs::go_json(&Value::Object(o))));
        }
    }
    adjust_init_user(&mut fin, original, mesh);
    Ok(fin)
}

/// `adjustInitContainerUser`: the init/validation container follows a user-set proxy UID/GID.
fn adjust_init_user(fin: &mut Pod, original: &Pod, mesh: &Value) {
    let user = find(containers(&original.spec, "containers"), PROXY_CONTAINER)
        .or_else(|| find(containers(&original.spec, "initContainers"), PROXY_CONTAINER));
    let Some(sc) = user.and_then(|u| u.get("securityContext")) else { return };
    let run_as_user = sc.get("runAsUser").and_then(Value::as_i64);
    let run_as_group = sc.get("runAsGroup").and_then(Value::as_i64);
    if run_as_user.is_none() && run_as_group.is_none() {
        return;
    }
    let tproxy = str_at(mesh, "/defaultConfig/interceptionMode") == "TPROXY"
        || annotation(&fin.meta, INTERCEPTION_MODE_ANNOTATION) == Some("TPROXY");
    if tproxy
        && run_as_user.is_some()
        && let Some(sc) = sidecar_mut(&mut fin.spec).and_then(|s| map_mut(s, "securityContext"))
    {
        sc.insert("runAsUser".into(), json!(0));
    }
    let Some(Value::Array(ics)) = fin.spec.get_mut("initContainers") else { return };
    let Some(init) = [INIT_CONTAINER, VALIDATION_CONTAINER]
        .iter()
        .find_map(|n| ics.iter().position(|c| c.get("name").and_then(Value::as_str) == Some(n)))
        .and_then(|i| ics.get_mut(i))
    else {
        return;
    };
    if !tproxy
        && init.get("name").and_then(Value::as_str) == Some(VALIDATION_CONTAINER)
        && let Some(isc) = map_mut(init, "securityContext")
    {
        if let Some(u) = run_as_user {
            isc.insert("runAsUser".into(), json!(u));
        }
        if let Some(g) = run_as_group {
            isc.insert("runAsGroup".into(), json!(g));
        }
    }
    let Some(uid) = run_as_user.filter(|u| *u != 0) else { return };
    if let Some(Value::Array(args)) = init.get_mut("args")
        && let Some(i) = args.iter().position(|a| a.as_str() == Some("-u"))
        && let Some(slot) = args.get_mut(i + 1)
    {
        *slot = json!(uid.to_string());
    }
}

/// Cluster and network env: removed from their template position and appended sorted.
fn overwrite_cluster_info(spec: &mut Value, envs: &BTreeMap<String, String>) {
    if envs.is_empty() {
        return;
    }
    let Some(sidecar) = sidecar_mut(spec) else { return };
    let Some(m) = sidecar.as_object_mut() else { return };
    let mut env: Vec<Value> = m.get("env").and_then(Value::as_array).cloned().unwrap_or_default();
    env.retain(|e| e.get("name").and_then(Value::as_str).is_none_or(|n| !envs.contains_key(n)));
    for (k, v) in envs {
        if v.is_empty() {
            env.push(json!({"name": k}));
        } else {
            env.push(json!({"name": k, "value": v}));
        }
    }
    m.insert("env".into(), Value::Array(env));
}

fn prometheus_merge(pod: &mut Pod, mesh: &Value) {
    let anns: Vec<(&str, &str)> = annotations(&pod.meta)
        .map(|a| a.iter().map(|(k, v)| (k.as_str(), v.as_str().unwrap_or_default())).collect())
        .unwrap_or_default();
    let scrape_off = anns
        .iter()
        .find(|(k, v)| sanitizes_to(k, PROMETHEUS_SCRAPE) && validate::parse_go_bool(v).is_some())
        .is_some_and(|(_, v)| validate::parse_go_bool(v) == Some(false));
    if scrape_off {
        return;
    }
    let enabled = match anns.iter().find(|(k, _)| *k == MERGE_METRICS_ANNOTATION) {
        Some((_, v)) if validate::parse_go_bool(v).is_some() => validate::parse_go_bool(v) == Some(true),
        _ => mesh.get("enablePrometheusMerge").and_then(Value::as_bool).unwrap_or(true),
    };
    if !enabled {
        return;
    }
    let target = status_port_of(mesh).to_string();
    if prometheus_port(&pod.meta).as_deref() == Some(target.as_str()) {
        return;
    }
    let get = |kind: &str| anns.iter().find(|(k, _)| sanitizes_to(k, kind)).map(|(_, v)| v.to_string());
    let (scrape, path, port) = (get(PROMETHEUS_SCRAPE), get(PROMETHEUS_PATH), get(PROMETHEUS_PORT));
    let any = [&scrape, &path, &port].iter().any(|v| v.as_deref().is_some_and(|s| !s.is_empty()));
    if any && let Some(sidecar) = sidecar_mut(&mut pod.spec) {
        let value = format!(
            "{{\"scrape\":{},\"path\":{},\"port\":{}}}",
            json!(scrape.unwrap_or_default()),
            json!(path.unwrap_or_default()),
            json!(port.unwrap_or_default())
        );
        if let Some(m) = sidecar.as_object_mut() {
            let env = m.entry("env").or_insert_with(|| json!([]));
            if let Value::Array(e) = env {
                e.push(json!({"name": PROMETHEUS_ENV, "value": value}));
            }
        }
    }
    clear_prometheus(&mut pod.meta);
    if let Some(a) = map_mut(&mut pod.meta, "annotations") {
        a.insert("prometheus.io/port".into(), json!(target));
        a.insert("prometheus.io/path".into(), json!("/stats/prometheus"));
        a.insert("prometheus.io/scrape".into(), json!("true"));
    }
}

fn apply_rewrite(pod: &mut Pod, values: &Value, mesh: &Value) {
    if !has_sidecar(&pod.spec) {
        return;
    }
    let default = values.at("/sidecarInjectorWebhook/rewriteAppHTTPProbe").and_then(Value::as_bool).unwrap_or(false);
    let rewrite = annotation(&pod.meta, "sidecar.istio.io/rewriteAppHTTPProbers")
        .and_then(validate::parse_go_bool)
        .unwrap_or(default);
    if !rewrite {
        return;
    }
    let mesh_port = status_port_of(mesh);
    if let Some(probers) = probes::dump_app_probers(&pod.spec, mesh_port) {
        let previously = annotation(&pod.meta, STATUS_ANNOTATION).is_some();
        if let Some(m) = sidecar_mut(&mut pod.spec).and_then(Value::as_object_mut) {
            let mut env = m.get("env").and_then(Value::as_array).cloned().unwrap_or_default();
            probes::merge_or_append(&mut env, previously, &probers);
            m.insert("env".into(), Value::Array(env));
        }
    }
    let port = match annotation(&pod.meta, "status.sidecar.istio.io/port") {
        Some(v) => v.parse::<i64>().unwrap_or(0),
        None => mesh_port,
    };
    probes::rewrite_probes(&mut pod.spec, port);
}

fn status_value(template: &Pod, revision: &str) -> String {
    let list = |l: &str| {
        let n = names(&template.spec, l);
        if n.is_empty() { Value::Null } else { json!(n) }
    };
    let rev = if revision.is_empty() { "default" } else { revision };
    let mut out = String::from("{");
    for l in STATUS_LISTS {
        out.push_str(&format!("{}:{},", json!(l), list(l)));
    }
    out.push_str(&format!("\"revision\":{}}}", json!(rev)));
    out
}

enum Place {
    First,
    Last,
}

fn move_container(spec: &mut Value, list: &str, name: &str, place: Place) {
    let Some(Value::Array(cs)) = spec.get_mut(list) else { return };
    let Some(i) = cs.iter().position(|c| c.get("name").and_then(Value::as_str) == Some(name)) else { return };
    let c = cs.remove(i);
    match place {
        Place::First => cs.insert(0, c),
        Place::Last => cs.push(c),
    }
}

fn reorder(pod: &mut Pod, original_meta: &Value, mesh: &Value, values: &Value) -> Result<(), InjectError> {
    let mc = match annotation(original_meta, PROXY_CONFIG_ANNOTATION) {
        Some(pca) => mesh::apply_proxy_config_annotation(mesh, pca).map_err(InjectError::Inject)?,
        None => mesh.clone(),
    };
    let hold = mc.at("/defaultConfig/holdApplicationUntilProxyStarts").and_then(Value::as_bool).unwrap_or(false)
        || values.at("/global/proxy/holdApplicationUntilProxyStarts").and_then(Value::as_bool).unwrap_or(false);
    move_container(&mut pod.spec, "containers", PROXY_CONTAINER, if hold { Place::First } else { Place::Last });
    if find(containers(&pod.spec, "initContainers"), PROXY_CONTAINER).is_some() {
        for n in [ENABLE_CORE_DUMP, PROXY_CONTAINER, VALIDATION_CONTAINER, INIT_CONTAINER] {
            move_container(&mut pod.spec, "initContainers", n, Place::First);
        }
    } else {
        move_container(&mut pod.spec, "initContainers", VALIDATION_CONTAINER, Place::First);
        move_container(&mut pod.spec, "initContainers", INIT_CONTAINER, Place::Last);
        move_container(&mut pod.spec, "initContainers", ENABLE_CORE_DUMP, Place::Last);
    }
    Ok(())
}

/// `injectPod` for kube-inject: returns the injected pod.
pub fn inject_pod(p: &Params<'_>, pod: &Pod) -> Result<Pod, InjectError> {
    let wrap = |e: InjectError| match e {
        InjectError::Inject(m) => InjectError::Inject(format!("failed to run injection template: {m}")),
        other => other,
    };
    validate::validate_annotations(annotations(&pod.meta)).map_err(|e| wrap(InjectError::Inject(e)))?;
    let mut envs = BTreeMap::new();
    let cluster = str_at(p.values, "/global/multiCluster/clusterName").to_string();
    let mut network = str_at(p.values, "/global/network").to_string();
    if let Some(n) = label(&pod.meta, NETWORK_LABEL) {
        network = n.to_string();
    }
    if !cluster.is_empty() {
        envs.insert("ISTIO_META_CLUSTER_ID".to_string(), cluster);
    }
    if !network.is_empty() {
        envs.insert("ISTIO_META_NETWORK".to_string(), network);
    }
    let (merged, template_pod) = run_templates(p, pod).map_err(wrap)?;
    let mut fin = reapply_overwritten(merged, pod, &template_pod, p.mesh)
        .map_err(|e| InjectError::Inject(format!("failed to re apply container: {e}")))?;
    for k in ["annotations", "labels"] {
        map_mut(&mut fin.meta, k);
    }
    overwrite_cluster_info(&mut fin.spec, &envs);
    prometheus_merge(&mut fin, p.mesh);
    apply_rewrite(&mut fin, p.values, p.mesh);
    if let Some(nw) = envs.get("ISTIO_META_NETWORK")
        && let Some(l) = map_mut(&mut fin.meta, "labels")
    {
        l.insert(NETWORK_LABEL.into(), json!(nw));
    }
    let status = status_value(&template_pod, p.revision);
    if let Some(a) = map_mut(&mut fin.meta, "annotations") {
        a.insert(STATUS_ANNOTATION.into(), Value::String(status));
    }
    reorder(&mut fin, &pod.meta, p.mesh, p.values)
        .map_err(|e| InjectError::Inject(format!("failed to process pod: {e}")))?;
    typed::normalize_pod_parts(&mut fin.meta, &mut fin.spec);
    Ok(fin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_variants() {
        assert_eq!(tag_with_type("1.0-distroless", "debug"), "1.0-debug");
        assert_eq!(tag_with_type("1.0", "default"), "1.0");
        assert_eq!(tag_with_type("1.0", ""), "1.0");
        assert_eq!(tag_with_type("1.0-debug", "default"), "1.0");
    }

    #[test]
    fn status_lists_are_null_when_empty() {
        let t = Pod { meta: json!({}), spec: json!({"initContainers": [{"name": "istio-init"}]}) };
        assert_eq!(
            status_value(&t, ""),
            r#"{"initContainers":["istio-init"],"containers":null,"volumes":null,"imagePullSecrets":null,"revision":"default"}"#
        );
    }

    /// The template pod built from [`name_skeleton`] has the names (or the error) of the one built
    /// from the whole overlay.
    fn assert_skeleton_agrees(overlay: &Value) {
        let empty = || Pod { meta: json!({}), spec: json!({}) };
        let full = apply_overlay(empty(), overlay.clone());
        let skeleton = apply_overlay(empty(), name_skeleton(overlay));
        match (full, skeleton) {
            (Ok(f), Ok(s)) => {
                for l in STATUS_LISTS {
                    assert_eq!(names(&f.spec, l), names(&s.spec, l), "{l} of {overlay}");
                }
            }
            (Err(f), Err(s)) => assert_eq!(f.to_string(), s.to_string(), "{overlay}"),
            (f, s) => panic!("{overlay}: full {:?}, skeleton {:?}", f.err(), s.err()),
        }
    }

    #[test]
    fn name_skeleton_keeps_names_and_errors() {
        for overlay in [
            json!({"spec": {"containers": [{"name": "istio-proxy", "image": "x", "env": [{"name": "A"}]}, {"image": "nameless"},
                {"name": null}, "not-a-map"], "volumes": [{"name": "v", "emptyDir": {}}], "hostNetwork": true},
                "metadata": {"annotations": {"a": "b"}}}),
            json!({"spec": {"$patch": "replace", "initContainers": [{"name": "istio-init", "$patch": "delete"}]}}),
            json!({"spec": {"$patch": "bogus", "containers": [{"name": "a"}]}}),
            json!({"spec": {"$retainKeys": ["volumes"], "volumes": [{"name": "v"}], "containers": [{"name": "c"}]}}),
            json!({"spec": {"$retainKeys": "not-a-list"}}),
            json!({"spec": {"$deleteFromPrimitiveList/x": 1}}),
            json!({"spec": {"imagePullSecrets": null, "containers": {"name": "not-a-list"}}}),
            json!({"metadata": {"$patch": "bogus"}, "spec": {}}),
            json!({"spec": null}),
            json!({"spec": "text"}),
            json!([1]),
            Value::Null,
        ] {
            assert_skeleton_agrees(&overlay);
        }
    }

    #[test]
    fn prometheus_keys_compare_sanitized() {
        assert!(sanitizes_to("prometheus.io/port", PROMETHEUS_PORT));
        assert!(sanitizes_to("prometheus-io_port", PROMETHEUS_PORT));
        assert!(sanitizes_to("prometheus\u{e9}io/port", PROMETHEUS_PORT), "one character, one underscore");
        assert!(!sanitizes_to("prometheus.io/por", PROMETHEUS_PORT));
        assert!(!sanitizes_to("prometheus.io/portx", PROMETHEUS_PORT));
        assert!(!sanitizes_to("prometheus\u{e9}.io/port", PROMETHEUS_PORT));
    }

    #[test]
    fn reorder_native() {
        let mut pod = Pod {
            meta: json!({}),
            spec: json!({"initContainers": [{"name": "a"}, {"name": "istio-proxy"}, {"name": "istio-init"}]}),
        };
        reorder(&mut pod, &json!({}), &json!({}), &json!({})).unwrap();
        assert_eq!(names(&pod.spec, "initContainers"), vec!["istio-init", "istio-proxy", "a"]);
    }
}
