//! Output order and printing of `manifest generate`: a stable sort by kind rank (CRDs first, Services
//! last), then API group, kind and name; each object marshalled like `sigs.k8s.io/yaml` and followed by
//! `\n---\n`.

use serde_json::Value;

use super::component::ComponentName;

/// A rendered Kubernetes object and the component it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Object {
    /// The object as parsed.
    pub value: Value,
    /// The component whose chart produced it.
    pub component: ComponentName,
}

impl Object {
    fn str_field(&self, pointer: &str) -> &str {
        self.value.pointer(pointer).and_then(Value::as_str).unwrap_or_default()
    }
    /// `kind`.
    pub fn kind(&self) -> &str {
        self.str_field("/kind")
    }
    /// `metadata.name`.
    pub fn name(&self) -> &str {
        self.str_field("/metadata/name")
    }
    /// `metadata.namespace` ("" when cluster scoped or unset).
    pub fn namespace(&self) -> &str {
        self.str_field("/metadata/namespace")
    }
    /// The API group (`apps` for `apps/v1`, "" for `v1`).
    pub fn group(&self) -> &str {
        let api_version = self.str_field("/apiVersion");
        api_version.rsplit_once('/').map_or("", |(g, _)| g)
    }
    /// istioctl's object hash: `Kind:namespace:name` (`Kind:name` for ClusterRole/ClusterRoleBinding).
    pub fn hash(&self) -> String {
        match self.kind() {
            k @ ("ClusterRole" | "ClusterRoleBinding") => format!("{k}:{}", self.name()),
            k => format!("{k}:{}:{}", self.namespace(), self.name()),
        }
    }
}

/// The rank deciding creation order (`objectKindOrdering`).
pub fn kind_rank(group: &str, kind: &str) -> i32 {
    match (group, kind) {
        ("apiextensions.k8s.io", "CustomResourceDefinition") => -1000,
        ("", "ServiceAccount") | ("rbac.authorization.k8s.io", "ClusterRole") => 1,
        ("rbac.authorization.k8s.io", "ClusterRoleBinding") => 2,
        ("admissionregistration.k8s.io", "ValidatingWebhookConfiguration") => 3,
        ("", "ConfigMap" | "Secrets") => 100,
        ("autoscaling", "HorizontalPodAutoscaler") => 1001,
        ("", "Service") => 10000,
        _ => 1000,
    }
}

/// Sorts objects into output order (stable).
pub fn sort_objects(objects: &mut [&Object]) {
    objects.sort_by(|a, b| {
        kind_rank(a.group(), a.kind())
            .cmp(&kind_rank(b.group(), b.kind()))
            .then_with(|| a.group().cmp(b.group()))
            .then_with(|| a.kind().cmp(b.kind()))
            .then_with(|| a.name().cmp(b.name()))
    });
}

/// The YAML separator istioctl prints after every object.
pub const YAML_SEPARATOR: &str = "\n---\n";

/// Prints objects in output order, each followed by [`YAML_SEPARATOR`].
pub fn print_objects<'a>(objects: impl IntoIterator<Item = &'a Object>) -> String {
    let mut all: Vec<&Object> = objects.into_iter().collect();
    sort_objects(&mut all);
    let mut out = String::new();
    for o in all {
        out.push_str(&goyaml::to_string(&o.value));
        out.push_str(YAML_SEPARATOR);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj(api: &str, kind: &str, name: &str) -> Object {
        Object {
            value: json!({"apiVersion": api, "kind": kind, "metadata": {"name": name}}),
            component: ComponentName::Base,
        }
    }

    #[test]
    fn orders_like_istioctl() {
        let objs = [
            obj("v1", "Service", "a"),
            obj("autoscaling/v2", "HorizontalPodAutoscaler", "a"),
            obj("apps/v1", "Deployment", "b"),
            obj("apps/v1", "Deployment", "a"),
            obj("policy/v1", "PodDisruptionBudget", "a"),
            obj("v1", "ConfigMap", "z"),
            obj("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", "v"),
            obj("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", "c"),
            obj("rbac.authorization.k8s.io/v1", "ClusterRole", "c"),
            obj("v1", "ServiceAccount", "s"),
            obj("apiextensions.k8s.io/v1", "CustomResourceDefinition", "x"),
        ];
        let mut refs: Vec<&Object> = objs.iter().collect();
        sort_objects(&mut refs);
        let got: Vec<String> = refs.iter().map(|o| format!("{}/{}", o.kind(), o.name())).collect();
        assert_eq!(
            got,
            [
                "CustomResourceDefinition/x",
                "ServiceAccount/s",
                "ClusterRole/c",
                "ClusterRoleBinding/c",
                "ValidatingWebhookConfiguration/v",
                "ConfigMap/z",
                "Deployment/a",
                "Deployment/b",
                "PodDisruptionBudget/a",
                "HorizontalPodAutoscaler/a",
                "Service/a",
            ]
        );
    }

    #[test]
    fn prints_each_object_with_separator() {
        let out = print_objects(&[obj("v1", "ConfigMap", "b"), obj("v1", "ServiceAccount", "a")]);
        let sa = goyaml::to_string(&obj("v1", "ServiceAccount", "a").value);
        let cm = goyaml::to_string(&obj("v1", "ConfigMap", "b").value);
        assert_eq!(out, format!("{sa}\n---\n{cm}\n---\n"));
    }

    #[test]
    fn hashes_and_groups() {
        let mut o = obj("rbac.authorization.k8s.io/v1", "ClusterRole", "r");
        assert_eq!(o.hash(), "ClusterRole:r");
        assert_eq!(o.group(), "rbac.authorization.k8s.io");
        o.value["kind"] = json!("Role");
        o.value["metadata"]["namespace"] = json!("ns");
        assert_eq!(o.hash(), "Role:ns:r");
    }
}
