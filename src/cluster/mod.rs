//! The one module that talks to a Kubernetes API server.
//!
//! Everything above it (install, prune, uninstall planning) goes through the small [`ClusterApi`] trait, so
//! that planning can be tested against an in-memory fake without HTTP. [`Cluster`] is the real implementation
//! over `kube` + `k8s-openapi`: kubeconfig/context loading, discovery, server-side apply, retries with capped
//! exponential backoff, and readiness/deletion waits built on `kube::runtime::wait::await_condition`.

mod client;
mod error;
mod exec;
mod inject;
pub mod istiod;
mod object;
pub mod portforward;
pub mod ready;
pub mod retry;

use std::future::Future;
use std::path::PathBuf;
use std::time::Duration;

use serde_json::Value;

pub use client::Cluster;
pub use error::{ClusterError, NotReadyObject, format_go_duration};
pub use exec::ExecOutput;
pub use inject::InjectSource;
pub use istiod::{IstiodError, MeshVersions};
pub use object::{Kind, ObjectRef};
pub use portforward::PortForwardError;

/// The field manager every server-side apply uses, as upstream (`istio-operator`).
pub const FIELD_MANAGER: &str = "istio-operator";

/// The namespace Istio's control plane lives in unless told otherwise.
pub const ISTIO_SYSTEM_NAMESPACE: &str = "istio-system";

/// How to reach the cluster: the shared kube flags as the client takes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KubeOptions {
    /// The kubeconfig file; `None` means the usual lookup (`$KUBECONFIG`, then `~/.kube/config`).
    pub kubeconfig: Option<PathBuf>,
    /// The context; `None` means the kubeconfig's current context.
    pub context: Option<String>,
    /// Impersonated user, if any.
    pub impersonate: Option<String>,
    /// Impersonated UID, if any.
    pub impersonate_uid: Option<String>,
    /// Impersonated groups.
    pub impersonate_groups: Vec<String>,
    /// The namespace to work in; `None` means the context's namespace.
    pub namespace: Option<String>,
    /// The Istio control-plane namespace.
    pub istio_namespace: String,
    /// Per-request timeout.
    pub timeout: Duration,
}

impl Default for KubeOptions {
    fn default() -> Self {
        Self {
            kubeconfig: None,
            context: None,
            impersonate: None,
            impersonate_uid: None,
            impersonate_groups: Vec::new(),
            namespace: None,
            istio_namespace: ISTIO_SYSTEM_NAMESPACE.to_string(),
            timeout: Duration::from_secs(15),
        }
    }
}

/// What a delete request found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Deleted {
    /// The object existed and its deletion was accepted.
    Deleted,
    /// There was no such object.
    NotFound,
}

/// What a create request found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Created {
    /// The object was created.
    Created,
    /// An object of that name already existed (left unchanged).
    AlreadyExists,
}

/// The operations install, prune and uninstall need from a cluster. Every method is idempotent, so callers
/// may repeat any of them; the real implementation retries transient failures itself.
pub trait ClusterApi {
    /// Server-side applies `obj` (force, field manager [`FIELD_MANAGER`]) and returns the stored object.
    fn apply(&self, obj: &Value) -> impl Future<Output = Result<Value, ClusterError>>;
    /// Creates `obj` unless an object of that name exists.
    fn create(&self, obj: &Value) -> impl Future<Output = Result<Created, ClusterError>>;
    /// Replaces `obj` (a full update, as a typed client's `Update`).
    fn replace(&self, obj: &Value) -> impl Future<Output = Result<Value, ClusterError>>;
    /// Reads one object; `None` when it does not exist.
    fn get(&self, target: &ObjectRef) -> impl Future<Output = Result<Option<Value>, ClusterError>>;
    /// Lists the objects of `kind` in every namespace that match the label `selector`; `None` when the server
    /// does not serve the kind. Items carry `apiVersion` and `kind`.
    fn list(&self, kind: &Kind, selector: &str) -> impl Future<Output = Result<Option<Vec<Value>>, ClusterError>>;
    /// Deletes one object with foreground propagation.
    fn delete(&self, target: &ObjectRef) -> impl Future<Output = Result<Deleted, ClusterError>>;
    /// Waits until every target is ready (see [`ready`]) or `timeout` passes. `waiting` is called with the
    /// targets still not ready whenever that set changes. On timeout the error names each object that is not
    /// ready and why.
    fn wait_ready(
        &self,
        targets: &[ObjectRef],
        timeout: Duration,
        waiting: &dyn Fn(&[ObjectRef]),
    ) -> impl Future<Output = Result<(), ClusterError>>;
    /// Waits until none of the targets exists any more, or `timeout` passes.
    fn wait_deleted(&self, targets: &[ObjectRef], timeout: Duration) -> impl Future<Output = Result<(), ClusterError>>;
}

/// Reads a string at a JSON pointer, "" when absent.
pub(crate) fn str_at<'a>(value: &'a Value, pointer: &str) -> &'a str {
    value.pointer(pointer).and_then(Value::as_str).unwrap_or_default()
}
