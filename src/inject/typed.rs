//! What upstream's typed Go objects do to the data: which kinds kube-inject handles, where their pod
//! template lives, and how decoding into and marshalling out of the Go structs normalises documents
//! (zero values dropped by `omitempty`, struct defaults such as `resources: {}` and `status: {}`
//! appearing, resource quantities canonicalised).

use serde_json::{Map, Value, json};

use super::pointer::PointerExt;
use super::quantity;

/// The kinds registered in upstream's inject scheme (looked up by kind alone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Pod,
    ReplicationController,
    Deployment,
    ReplicaSet,
    StatefulSet,
    DaemonSet,
    Job,
    CronJob,
    DeploymentConfig,
    List,
}

impl Kind {
    /// The registered kind named `kind`, if any.
    pub fn from_name(kind: &str) -> Option<Self> {
        Some(match kind {
            "Pod" => Self::Pod,
            "ReplicationController" => Self::ReplicationController,
            "Deployment" => Self::Deployment,
            "ReplicaSet" => Self::ReplicaSet,
            "StatefulSet" => Self::StatefulSet,
            "DaemonSet" => Self::DaemonSet,
            "Job" => Self::Job,
            "CronJob" => Self::CronJob,
            "DeploymentConfig" => Self::DeploymentConfig,
            "List" => Self::List,
            _ => return None,
        })
    }

    /// JSON pointers of the pod metadata and pod spec inside an object of this kind.
    pub fn pod_pointers(self) -> (&'static str, &'static str) {
        match self {
            Self::Pod | Self::List => ("/metadata", "/spec"),
            Self::CronJob => ("/spec/jobTemplate/metadata", "/spec/jobTemplate/spec/template/spec"),
            _ => ("/spec/template/metadata", "/spec/template/spec"),
        }
    }

    /// Whether `spec.template` is a pointer in Go (a missing template is an error).
    pub fn template_required(self) -> bool {
        matches!(self, Self::ReplicationController | Self::DeploymentConfig)
    }
}

/// Fields whose Go type is `map[string]string` (or another map): their keys are data, empty maps
/// are dropped, and empty string values are kept.
pub const STRING_MAP_FIELDS: &[&str] = &[
    "labels",
    "annotations",
    "nodeSelector",
    "matchLabels",
    "limits",
    "requests",
    "data",
    "binaryData",
    "stringData",
    "volumeAttributes",
    "overhead",
    "capacity",
    "allocatable",
    "parameters",
    "proxyMetadata",
    "runtimeValues",
];

/// Fields holding resource quantities (maps of them or single ones).
const QUANTITY_MAPS: &[&str] = &["limits", "requests", "overhead"];
const QUANTITY_FIELDS: &[&str] = &["divisor", "sizeLimit"];

/// String fields without `omitempty` (kept when empty).
const REQUIRED_STRINGS: &[&str] = &["name", "mountPath", "key", "path", "fieldPath", "resource", "devicePath"];

/// Integer fields with `omitempty` on a non-pointer type (dropped when zero).
const OMITEMPTY_INTS: &[&str] = &[
    "hostPort",
    "initialDelaySeconds",
    "timeoutSeconds",
    "periodSeconds",
    "successThreshold",
    "failureThreshold",
    "minReadySeconds",
];

/// Bool fields with `omitempty` on a non-pointer type (dropped when false).
const OMITEMPTY_BOOLS: &[&str] =
    &["readOnly", "hostNetwork", "hostPID", "hostIPC", "stdin", "stdinOnce", "tty", "paused"];

/// Lists declared without `omitempty` (kept, as `null` or `[]`).
const REQUIRED_LISTS: &[&str] = &["containers"];

/// Normalises any value the way a round trip through Kubernetes Go types would (recursively).
fn normalize_generic(v: &mut Value, key: &str) {
    match v {
        Value::Object(m) => {
            let string_map = STRING_MAP_FIELDS.contains(&key);
            let quantities = QUANTITY_MAPS.contains(&key);
            // Entries are normalised in place; the dropped ones are removed afterwards, in the same
            // order as before (`remove` moves the last entry into the gap, so the order matters).
            let mut dropped: Vec<String> = Vec::new();
            for (k, child) in m.iter_mut() {
                if string_map {
                    if quantities && let Some(c) = value_as_quantity(child).and_then(|q| quantity::canonical(&q)) {
                        *child = Value::String(c);
                    }
                    if child.is_null() {
                        dropped.push(k.clone());
                    }
                    continue;
                }
                normalize_generic(child, k);
                let drop = match &*child {
                    Value::Null => !REQUIRED_LISTS.contains(&k.as_str()),
                    Value::String(s) => s.is_empty() && !REQUIRED_STRINGS.contains(&k.as_str()),
                    Value::Array(a) => a.is_empty() && !REQUIRED_LISTS.contains(&k.as_str()),
                    Value::Object(o) => o.is_empty() && STRING_MAP_FIELDS.contains(&k.as_str()),
                    Value::Number(n) => n.as_f64() == Some(0.0) && OMITEMPTY_INTS.contains(&k.as_str()),
                    Value::Bool(b) => !b && OMITEMPTY_BOOLS.contains(&k.as_str()),
                };
                if drop {
                    dropped.push(k.clone());
                } else if QUANTITY_FIELDS.contains(&k.as_str())
                    && let Some(c) = value_as_quantity(child).and_then(|s| quantity::canonical(&s))
                {
                    *child = Value::String(c);
                }
            }
            for k in dropped {
                m.remove(&k);
            }
        }
        Value::Array(a) => {
            for item in a.iter_mut() {
                normalize_generic(item, key);
            }
        }
        _ => {}
    }
}

fn value_as_quantity(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn ensure(m: &mut Map<String, Value>, key: &str, default: Value) {
    if !m.contains_key(key) {
        m.insert(key.to_string(), default);
    }
}

fn obj_at<'a>(v: &'a mut Value, pointer: &str) -> Option<&'a mut Map<String, Value>> {
    v.at_mut(pointer).and_then(Value::as_object_mut)
}

/// Struct defaults of a pod spec: every container gets `resources: {}`; `containers` is always there.
fn pod_spec_defaults(spec: &mut Map<String, Value>) {
    ensure(spec, "containers", Value::Null);
    for list in ["containers", "initContainers", "ephemeralContainers"] {
        if let Some(Value::Array(cs)) = spec.get_mut(list) {
            for c in cs.iter_mut().filter_map(Value::as_object_mut) {
                ensure(c, "name", json!(""));
                ensure(c, "resources", json!({}));
            }
        }
    }
}

/// Struct defaults of a pod template (`metadata: {}` and the pod spec).
fn pod_template_defaults(t: &mut Map<String, Value>) {
    ensure(t, "metadata", json!({}));
    ensure(t, "spec", json!({}));
    if let Some(spec) = t.get_mut("spec").and_then(Value::as_object_mut) {
        pod_spec_defaults(spec);
    }
}

/// Normalises a whole object of a registered kind as decoding into and marshalling the Go type does.
pub fn normalize_object(kind: Kind, obj: &mut Value) {
    normalize_generic(obj, "");
    let Some(root) = obj.as_object_mut() else { return };
    ensure(root, "metadata", json!({}));

    if kind == Kind::List {
        ensure(root, "items", json!([]));
        return;
    }
    if kind != Kind::Pod {
        ensure(root, "spec", json!({}));
    }
    match kind {
        Kind::Pod => {
            ensure(root, "spec", json!({}));
            if let Some(spec) = root.get_mut("spec").and_then(Value::as_object_mut) {
                pod_spec_defaults(spec);
            }
            ensure(root, "status", json!({}));
        }
        Kind::CronJob => {
            if let Some(spec) = obj_at(obj, "/spec") {
                ensure(spec, "schedule", json!(""));
                ensure(spec, "jobTemplate", json!({}));
            }
            if let Some(jt) = obj_at(obj, "/spec/jobTemplate") {
                ensure(jt, "spec", json!({}));
            }
            if let Some(js) = obj_at(obj, "/spec/jobTemplate/spec") {
                ensure(js, "template", json!({}));
            }
            if let Some(t) = obj_at(obj, "/spec/jobTemplate/spec/template") {
                pod_template_defaults(t);
            }
            if let Some(root) = obj.as_object_mut() {
                ensure(root, "status", json!({}));
            }
        }
        _ => {
            if kind != Kind::ReplicationController
                && kind != Kind::DeploymentConfig
                && let Some(spec) = obj_at(obj, "/spec")
            {
                ensure(spec, "template", json!({}));
            }
            if let Some(t) = obj_at(obj, "/spec/template") {
                pod_template_defaults(t);
            }
            let (spec_defaults, status): (Vec<(&str, Value)>, Value) = match kind {
                Kind::Deployment => (vec![("strategy", json!({}))], json!({})),
                Kind::DaemonSet => (
                    vec![("updateStrategy", json!({}))],
                    json!({"currentNumberScheduled": 0, "numberMisscheduled": 0, "desiredNumberScheduled": 0, "numberReady": 0}),
                ),
                Kind::StatefulSet => {
                    (vec![("updateStrategy", json!({}))], json!({"replicas": 0, "availableReplicas": 0}))
                }
                Kind::ReplicaSet | Kind::ReplicationController => (vec![], json!({"replicas": 0})),
                Kind::DeploymentConfig => (
                    vec![
                        ("strategy", json!({})),
                        ("replicas", json!(0)),
                        ("test", json!(false)),
                        ("triggers", Value::Null),
                    ],
                    json!({"latestVersion": 0, "observedGeneration": 0, "replicas": 0, "updatedReplicas": 0,
                        "availableReplicas": 0, "unavailableReplicas": 0}),
                ),
                _ => (vec![], json!({})),
            };
            if let Some(spec) = obj_at(obj, "/spec") {
                for (k, v) in spec_defaults {
                    ensure(spec, k, v);
                }
            }
            if kind == Kind::DeploymentConfig
                && let Some(strategy) = obj_at(obj, "/spec/strategy")
            {
                ensure(strategy, "resources", json!({}));
            }
            if let Some(root) = obj.as_object_mut() {
                ensure(root, "status", status);
            }
        }
    }
}

/// Normalises a pod (metadata + spec) after injection, like the decode into `corev1.Pod` upstream.
pub fn normalize_pod_parts(meta: &mut Value, spec: &mut Value) {
    normalize_generic(meta, "metadata");
    normalize_generic(spec, "spec");
    if let Some(s) = spec.as_object_mut() {
        pod_spec_defaults(s);
    }
}

/// Go struct field order of the Kubernetes types whose JSON upstream prints inside annotations
/// (`proxy.istio.io/overrides`): `Container` and what it holds.
fn struct_order(key: &str) -> &'static [&'static str] {
    match key {
        "container" => &[
            "name",
            "image",
            "command",
            "args",
            "workingDir",
            "ports",
            "envFrom",
            "env",
            "resources",
            "resizePolicy",
            "restartPolicy",
            "restartPolicyRules",
            "volumeMounts",
            "volumeDevices",
            "livenessProbe",
            "readinessProbe",
            "startupProbe",
            "lifecycle",
            "terminationMessagePath",
            "terminationMessagePolicy",
            "imagePullPolicy",
            "securityContext",
            "stdin",
            "stdinOnce",
            "tty",
        ],
        "ports" => &["name", "hostPort", "containerPort", "protocol", "hostIP"],
        "env" => &["name", "value", "valueFrom"],
        "valueFrom" => &["fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef", "fileKeyRef"],
        "fieldRef" => &["apiVersion", "fieldPath"],
        "resourceFieldRef" => &["containerName", "resource", "divisor"],
        "resources" => &["limits", "requests", "claims"],
        "volumeMounts" => {
            &["name", "readOnly", "recursiveReadOnly", "mountPath", "subPath", "mountPropagation", "subPathExpr"]
        }
        "livenessProbe" | "readinessProbe" | "startupProbe" => &[
            "exec",
            "httpGet",
            "tcpSocket",
            "grpc",
            "initialDelaySeconds",
            "timeoutSeconds",
            "periodSeconds",
            "successThreshold",
            "failureThreshold",
            "terminationGracePeriodSeconds",
        ],
        "lifecycle" => &["postStart", "preStop", "stopSignal"],
        "postStart" | "preStop" => &["exec", "httpGet", "tcpSocket", "sleep"],
        "httpGet" => &["path", "port", "host", "scheme", "httpHeaders"],
        "tcpSocket" => &["port", "host"],
        "grpc" => &["port", "service"],
        "securityContext" => &[
            "capabilities",
            "privileged",
            "seLinuxOptions",
            "windowsOptions",
            "runAsUser",
            "runAsGroup",
            "runAsNonRoot",
            "readOnlyRootFilesystem",
            "allowPrivilegeEscalation",
            "procMount",
            "seccompProfile",
            "appArmorProfile",
        ],
        "capabilities" => &["add", "drop"],
        _ => &[],
    }
}

/// Reorders the keys of `v` (typed as `key`) into Go struct field order, recursively; unknown keys
/// keep their relative order after the known ones. Maps (labels etc.) are sorted like Go maps.
pub fn go_struct_order(v: &Value, key: &str) -> Value {
    match v {
        Value::Object(m) => {
            if STRING_MAP_FIELDS.contains(&key) {
                let mut keys: Vec<&String> = m.keys().collect();
                keys.sort();
                return Value::Object(
                    keys.into_iter().filter_map(|k| m.get(k).map(|x| (k.clone(), x.clone()))).collect(),
                );
            }
            let order = struct_order(key);
            let mut out = Map::new();
            for k in order {
                if let Some(x) = m.get(*k) {
                    out.insert((*k).to_string(), go_struct_order(x, k));
                }
            }
            for (k, x) in m {
                if !out.contains_key(k) {
                    out.insert(k.clone(), go_struct_order(x, k));
                }
            }
            Value::Object(out)
        }
        Value::Array(a) => Value::Array(a.iter().map(|x| go_struct_order(x, key)).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deployment_defaults_and_quantities() {
        let mut d = json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "x", "creationTimestamp": null},
            "spec": {"template": {"spec": {"containers": [{"name": "a", "image": "",
                "resources": {"limits": {"cpu": "2000m", "memory": "1024Mi"}}}]}}}});
        normalize_object(Kind::Deployment, &mut d);
        assert_eq!(d.at("/spec/strategy"), Some(&json!({})));
        assert_eq!(d.at("/status"), Some(&json!({})));
        assert_eq!(d.at("/spec/template/metadata"), Some(&json!({})));
        assert_eq!(d.at("/spec/template/spec/containers/0/resources/limits/cpu"), Some(&json!("2")));
        assert_eq!(d.at("/spec/template/spec/containers/0/resources/limits/memory"), Some(&json!("1Gi")));
        assert_eq!(d.at("/spec/template/spec/containers/0/image"), None);
        assert_eq!(d.at("/metadata/creationTimestamp"), None);
        let mut p = json!({"metadata": {"creationTimestamp": "2024-01-01T00:00:00Z"},
            "spec": {"containers": [{"name": "a", "resources": {"requests": {"cpu": 1, "memory": "1024Mi"}}}]}});
        normalize_object(Kind::Pod, &mut p);
        assert_eq!(p.at("/metadata/creationTimestamp"), Some(&json!("2024-01-01T00:00:00Z")));
        assert_eq!(p.at("/spec/containers/0/resources/requests/cpu"), Some(&json!("1")));
    }

    #[test]
    fn empty_labels_dropped_but_empty_values_kept() {
        let mut d =
            json!({"kind": "Pod", "metadata": {"labels": {}, "annotations": {"a": ""}}, "spec": {"containers": []}});
        normalize_object(Kind::Pod, &mut d);
        assert_eq!(d.at("/metadata/labels"), None);
        assert_eq!(d.at("/metadata/annotations/a"), Some(&json!("")));
        assert_eq!(d.at("/spec/containers"), Some(&json!([])));
    }

    #[test]
    fn container_field_order() {
        let c = json!({"resources": {}, "name": "x", "image": "i"});
        let o = go_struct_order(&c, "container");
        assert_eq!(serde_json::to_string(&o).unwrap(), r#"{"name":"x","image":"i","resources":{}}"#);
    }
}
