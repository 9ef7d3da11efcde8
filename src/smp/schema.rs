//! The patch metadata (`patchStrategy` / `patchMergeKey` struct tags) of the Kubernetes types Istio's
//! post-processing patches: Deployment, DaemonSet, Service, HorizontalPodAutoscaler and
//! PodDisruptionBudget, down to the pod spec and its containers. Lists not listed here are atomic
//! (a patch replaces them), as they are for untagged fields in Kubernetes.

/// How a list field is patched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListStrategy {
    /// The patch list replaces the original (no `patchStrategy` tag).
    Replace,
    /// `patchStrategy: merge` on a list of scalars: union.
    MergePrimitive,
    /// `patchStrategy: merge` with `patchMergeKey`: items merge by that key.
    MergeByKey(&'static str),
}

/// A position in the type tree: which Go type the value at hand has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Schema {
    /// A type without list patch metadata below it (maps merge, lists replace).
    Opaque,
    /// A top-level object of the given kind.
    Object(ObjectKind),
    /// `metav1.ObjectMeta`.
    ObjectMeta,
    /// `DeploymentSpec`, `DaemonSetSpec`, ... (anything holding a `template`).
    WorkloadSpec,
    /// `PodTemplateSpec`.
    PodTemplate,
    /// `PodSpec`.
    PodSpec,
    /// `Container` (also init and ephemeral containers).
    Container,
    /// `ServiceSpec`.
    ServiceSpec,
}

/// The kinds whose metadata is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectKind {
    /// Deployment, DaemonSet, StatefulSet, ReplicaSet, Job: objects with a pod template.
    Workload,
    /// Service.
    Service,
    /// Any other kind (HPA, PDB, ...): only metadata is typed.
    Other,
}

/// What a field of a type is: its own type and, for lists, how it is patched.
#[derive(Debug, Clone, Copy)]
pub struct FieldMeta {
    /// The type of the field (of its items for lists).
    pub schema: Schema,
    /// The list strategy (ignored for maps).
    pub list: ListStrategy,
}

const fn field(schema: Schema, list: ListStrategy) -> FieldMeta {
    FieldMeta { schema, list }
}

const OPAQUE: FieldMeta = field(Schema::Opaque, ListStrategy::Replace);

impl Schema {
    /// The schema for a top-level object of kind `kind`.
    pub fn for_kind(kind: &str) -> Self {
        match kind {
            "Deployment" | "DaemonSet" | "StatefulSet" | "ReplicaSet" | "Job" => Self::Object(ObjectKind::Workload),
            "Service" => Self::Object(ObjectKind::Service),
            _ => Self::Object(ObjectKind::Other),
        }
    }

    /// The metadata of field `name` of this type.
    pub fn field(self, name: &str) -> FieldMeta {
        use ListStrategy::{MergeByKey, MergePrimitive};
        match (self, name) {
            (Self::Object(_), "metadata") | (Self::PodTemplate, "metadata") => {
                field(Self::ObjectMeta, ListStrategy::Replace)
            }
            (Self::Object(ObjectKind::Workload), "spec") => field(Self::WorkloadSpec, ListStrategy::Replace),
            (Self::Object(ObjectKind::Service), "spec") => field(Self::ServiceSpec, ListStrategy::Replace),
            (Self::ObjectMeta, "ownerReferences") => field(Self::Opaque, MergeByKey("uid")),
            (Self::ObjectMeta, "finalizers") => field(Self::Opaque, MergePrimitive),
            (Self::WorkloadSpec, "template") => field(Self::PodTemplate, ListStrategy::Replace),
            (Self::PodTemplate, "spec") => field(Self::PodSpec, ListStrategy::Replace),
            (Self::PodSpec, "containers" | "initContainers" | "ephemeralContainers") => {
                field(Self::Container, MergeByKey("name"))
            }
            (Self::PodSpec, "volumes" | "imagePullSecrets" | "resourceClaims" | "schedulingGates") => {
                field(Self::Opaque, MergeByKey("name"))
            }
            (Self::PodSpec, "hostAliases") => field(Self::Opaque, MergeByKey("ip")),
            (Self::PodSpec, "topologySpreadConstraints") => field(Self::Opaque, MergeByKey("topologyKey")),
            (Self::Container, "env") => field(Self::Opaque, MergeByKey("name")),
            (Self::Container, "ports") => field(Self::Opaque, MergeByKey("containerPort")),
            (Self::Container, "volumeMounts") => field(Self::Opaque, MergeByKey("mountPath")),
            (Self::Container, "volumeDevices") => field(Self::Opaque, MergeByKey("devicePath")),
            (Self::ServiceSpec, "ports") => field(Self::Opaque, MergeByKey("port")),
            _ => OPAQUE,
        }
    }
}
