//! `uninstall`: find the objects an install created (by labels, and with `--purge` the default revision tag
//! objects by name), report and delete them, and wait until they are gone. Namespaces and objects without
//! our labels or known names are never touched.

use std::time::Duration;

use serde_json::Value;

use super::labels::{self, DEFAULT_REVISION, REVISION_LABEL};
use super::progress::Event;
use super::prune::{UninstallSelection, resource_summary};
use super::run::{list_kinds, remove};
use crate::cluster::{ClusterApi, ClusterError, Deleted, Kind, ObjectRef};

/// Printed when `--purge` comes with `--revision` or `-f`.
pub const PURGE_IGNORES_SELECTION: &str =
    "Purge uninstall will remove all Istio resources, ignoring the specified revision or operator file";
/// The `--purge` warning.
pub const ALL_RESOURCES_REMOVED: &str = "All Istio resources will be pruned from the cluster\n";
/// Printed when nothing matches.
pub const NO_RESOURCES_REMOVED: &str =
    "No resources will be pruned from the cluster. Please double check the input configs\n";
/// How long uninstall waits for the deleted objects to disappear.
pub const DELETION_TIMEOUT: Duration = Duration::from_secs(300);
/// The confirmation question appended to the warnings.
pub const PROCEED: &str = "Proceed? (y/N)";

/// Why an uninstall failed (upstream's messages).
#[derive(Debug, thiserror::Error)]
pub enum UninstallError {
    /// The revisions in the cluster could not be listed.
    #[error("could not list revisions: {0}")]
    ListRevisions(ClusterError),
    /// `--revision` names no revision in the cluster.
    #[error("could not find target revision")]
    UnknownRevision,
    /// Some deletions failed.
    #[error("failed to delete control plane resources by revision: {}",
        .0.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))]
    Delete(Vec<ClusterError>),
    /// Another cluster request failed.
    #[error(transparent)]
    Cluster(#[from] ClusterError),
}

/// Checks that `revision` has a control plane: some MutatingWebhookConfiguration carries it (one without a
/// revision label counts as `default`).
pub async fn check_revision<C: ClusterApi>(cluster: &C, revision: &str) -> Result<(), UninstallError> {
    let kind = Kind::new("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration");
    let webhooks = cluster.list(&kind, "").await.map_err(UninstallError::ListRevisions)?.unwrap_or_default();
    let found = webhooks.iter().any(|w| {
        let rev = labels::label(w, REVISION_LABEL);
        (if rev.is_empty() { DEFAULT_REVISION } else { rev }) == revision
    });
    if found { Ok(()) } else { Err(UninstallError::UnknownRevision) }
}

/// Lists what the selection matches, in deletion order, each object once.
pub async fn find<C: ClusterApi>(cluster: &C, selection: &UninstallSelection) -> Result<Vec<ObjectRef>, ClusterError> {
    let mut found: Vec<ObjectRef> = Vec::new();
    let (lists, named) = futures::join!(
        list_kinds(cluster, &selection.kinds, &selection.selector),
        futures::future::join_all(selection.by_name.iter().map(|target| cluster.get(target)))
    );
    for listed in lists {
        let listed: Vec<Value> = listed?.unwrap_or_default();
        for target in listed.iter().filter_map(ObjectRef::of) {
            if !found.contains(&target) {
                found.push(target);
            }
        }
    }
    for (target, existing) in selection.by_name.iter().zip(named) {
        if !found.contains(target) && existing?.is_some() {
            found.push(target.clone());
        }
    }
    Ok(found)
}

/// What to tell the user before deleting, and whether to ask.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Precheck {
    /// The warnings (stdout).
    pub message: String,
    /// Whether the user must confirm.
    pub confirm: bool,
    /// Nothing matched: print [`NO_RESOURCES_REMOVED`] and stop.
    pub nothing: bool,
}

/// Upstream's pre-check: the purge warning, or the verbose list, the proxy notice for `revision` and the
/// gateway warning. istioctl-rs does not ask istiod which proxies it serves, so for a revision it says, as
/// upstream does when that query fails, that it found none, and asks for confirmation.
pub fn precheck(purge: bool, verbose: bool, revision: Option<&str>, objects: &[ObjectRef]) -> Precheck {
    if purge {
        return Precheck { message: ALL_RESOURCES_REMOVED.to_string(), confirm: true, nothing: false };
    }
    let (summary, gateways) = resource_summary(objects);
    if summary.is_empty() {
        return Precheck { message: NO_RESOURCES_REMOVED.to_string(), confirm: false, nothing: true };
    }
    let mut message = String::new();
    if verbose {
        message.push_str(&format!("The following resources will be pruned from the cluster: {summary}\n"));
    }
    let mut confirm = false;
    if let Some(rev) = revision.filter(|r| !r.is_empty()) {
        confirm = true;
        message.push_str(&format!(
            "Unable to find any proxies pointing to the {rev} control plane. This may be because the control plane \
             cannot be connected or there is no {rev} control plane.\n"
        ));
    }
    if !gateways.is_empty() {
        confirm = true;
        message.push_str(&format!(
            "You are about to remove the following gateways: {}. To avoid downtime, please quit this command and \
             reinstall the gateway(s) with a revision that is not being removed from the cluster.\n",
            gateways.join(", ")
        ));
    }
    Precheck { message, confirm, nothing: false }
}

/// Deletes the objects (reporting each), waits until they are gone, and reports completion. Under `dry_run`
/// nothing is deleted.
pub async fn remove_all<C: ClusterApi>(
    cluster: &C,
    objects: &[ObjectRef],
    dry_run: bool,
    timeout: Duration,
    events: &dyn Fn(Event),
) -> Result<(), UninstallError> {
    let mut errors = Vec::new();
    let mut deleted = Vec::new();
    for target in objects {
        match remove(cluster, target, dry_run, events).await {
            Ok(Deleted::Deleted) => deleted.push(target.clone()),
            Ok(Deleted::NotFound) => {}
            Err(e) => errors.push(e),
        }
    }
    if !errors.is_empty() {
        return Err(UninstallError::Delete(errors));
    }
    cluster.wait_deleted(&deleted, timeout).await?;
    events(Event::UninstallComplete);
    Ok(())
}
