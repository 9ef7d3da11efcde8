//! Install, prune and uninstall: what to apply, delete and wait for, in which order, over the
//! [`ClusterApi`](crate::cluster::ClusterApi) seam (so the planning is tested without HTTP).
//!
//! Install follows upstream's `operator/pkg/install`: the system namespace is created when missing, then the
//! components run as a dependency tree (Base → {Pilot, CNI}; Pilot → {ingress, egress gateways}; CNI →
//! Ztunnel) whose independent branches run concurrently. Inside a component the CRDs are applied first and
//! waited for until Established, then the other objects are applied concurrently, then everything is waited
//! for until ready. After all components succeeded, objects of an earlier install that were not rendered this
//! time are pruned (never CRDs), and the default revision tag webhooks are applied.

pub mod labels;
pub mod progress;
pub mod prune;
mod run;
pub mod uninstall;
pub mod webhooks;

use std::time::Duration;

use crate::cluster::{ClusterError, ObjectRef};
use crate::render::ComponentName;

pub use run::{install, plan_component};

/// How many requests of one component (or of one prune listing) are in flight at once: enough for every
/// CRD of the base chart in one round trip.
pub const APPLY_CONCURRENCY: usize = 32;

/// The prompt `install` shows before changing the cluster (answered on one line of stdin).
pub fn install_prompt(profile: &str) -> String {
    format!(
        "This will install the Istio {} profile {} into the cluster. Proceed? (y/N)",
        crate::version::ISTIO_VERSION,
        crate::version::go_quote(profile)
    )
}

/// The oldest Kubernetes minor version Istio 1.30 supports.
pub const MIN_KUBERNETES_MINOR: u32 = 32;

/// The notice install prints (stdout) when the server is older than [`MIN_KUBERNETES_MINOR`]; `None` when it
/// is supported. A `+` suffix on the minor version (some providers add one) is ignored.
pub fn unsupported_kubernetes_notice(version: &crate::helm::KubeVersion) -> Option<String> {
    let minor: u32 = version.minor.trim_end_matches(|c: char| !c.is_ascii_digit()).parse().unwrap_or(0);
    let git_version = &version.version;
    (minor < MIN_KUBERNETES_MINOR).then(|| {
        format!(
            "\nThe Kubernetes version {git_version} is not supported by Istio {}. The minimum supported Kubernetes \
             version is 1.{MIN_KUBERNETES_MINOR}.\nProceeding with the installation, but you might experience problems. \
             See https://istio.io/latest/docs/releases/supported-releases/ for a list of supported versions.\n",
            crate::version::ISTIO_VERSION
        )
    })
}

/// The components that start once `component` is installed (or failed, or had nothing to install).
pub fn dependents(component: ComponentName) -> &'static [ComponentName] {
    match component {
        ComponentName::Base => &[ComponentName::Pilot, ComponentName::Cni],
        ComponentName::Pilot => &[ComponentName::IngressGateways, ComponentName::EgressGateways],
        ComponentName::Cni => &[ComponentName::Ztunnel],
        _ => &[],
    }
}

/// The component every other one depends on.
pub const ROOT_COMPONENT: ComponentName = ComponentName::Base;

/// Settings of one install run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstallSettings {
    /// How long each component may take to become ready.
    pub readiness_timeout: Duration,
    /// Send no mutating request at all.
    pub dry_run: bool,
    /// Carry on past the webhook conflict check.
    pub force: bool,
}

impl Default for InstallSettings {
    fn default() -> Self {
        Self { readiness_timeout: Duration::from_secs(300), dry_run: false, force: false }
    }
}

/// Why an install failed (upstream's messages).
#[derive(Debug, thiserror::Error)]
pub enum InstallError {
    /// The system namespace could not be read.
    #[error("failed to check if namespace {namespace} exists: {source}")]
    CheckNamespace { namespace: String, source: ClusterError },
    /// The system namespace could not be created.
    #[error("failed to create namespace {namespace}: {source}")]
    CreateNamespace { namespace: String, source: ClusterError },
    /// An object could not be applied.
    #[error("failed to update resource with server-side apply for obj {object}: {source}")]
    Apply { object: ObjectRef, source: ClusterError },
    /// A component's objects did not become ready.
    #[error("failed to wait for resource: {0}")]
    Wait(ClusterError),
    /// Some components failed.
    #[error("{}", multi_error(.0))]
    Components(Vec<InstallError>),
    /// Prune failed for some objects.
    #[error("pruning: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))]
    Prune(Vec<ClusterError>),
    /// The rendered injector would overlap with webhooks in the cluster.
    #[error("creating default tag would conflict:\n{0}")]
    WebhookConflict(String),
    /// The default revision tag webhooks could not be generated.
    #[error("failed generating webhooks: {0}")]
    GenerateWebhooks(String),
    /// The default revision tag webhooks could not be applied.
    #[error("failed deploying webhooks: {0}")]
    DeployWebhooks(Box<InstallError>),
    /// Another cluster request failed.
    #[error(transparent)]
    Cluster(#[from] ClusterError),
}

/// Upstream's multi-error text: one error plainly, several as `N errors occurred:\n\t* e1\n\t* e2\n`.
pub fn multi_error<E: std::fmt::Display>(errors: &[E]) -> String {
    match errors {
        [one] => one.to_string(),
        many => {
            let items: String = many.iter().map(|e| format!("\t* {e}\n")).collect();
            format!("{} errors occurred:\n{items}", many.len())
        }
    }
}

/// Renders the objects of the IstioOperator that `--set` flags alone describe, with charts from `source`:
/// the renderer [`install`] takes for the default revision tag objects.
pub fn render_flags(
    source: &crate::manifests::ManifestSource,
    kube_version: &crate::helm::KubeVersion,
    flags: &[String],
) -> Result<Vec<serde_json::Value>, String> {
    let inputs =
        crate::operator::InstallInputs { set_flags: flags.to_vec(), manifests: source.clone(), ..Default::default() };
    let merged = crate::operator::load(&inputs).map_err(|e| e.to_string())?;
    let rendered =
        crate::render::render_merged(&merged.iop, &merged.manifests, kube_version).map_err(|e| e.to_string())?;
    Ok(rendered.objects().map(|o| o.value.clone()).collect())
}

#[cfg(test)]
mod tests;
