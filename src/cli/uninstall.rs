//! `istioctl uninstall`: remove Istio's resources from a cluster, by revision, by IstioOperator file, or all.

use std::path::PathBuf;

use clap::{ArgAction, Args};

use super::error::CliError;
use super::kube::{KubeFlags, KubeOptions};
use super::shared::{DRY_RUN_HELP, MANIFESTS_HELP, SET_HELP, SKIP_CONFIRMATION_HELP};

/// Short description of `uninstall`.
pub const ABOUT: &str = "Remove Istio from a cluster";

/// Long description and examples of `uninstall`.
pub const LONG_ABOUT: &str = "Remove Istio's resources from a cluster: those of one control plane revision, those \
an IstioOperator file describes, or with --purge every Istio resource of every version.

Examples:
  # Remove the control plane of revision canary
  istioctl uninstall --revision canary

  # Remove what an IstioOperator file installed
  istioctl uninstall -f iop.yaml

  # Remove every control plane and the resources they share
  istioctl uninstall --purge";

/// The flags of `uninstall`.
#[derive(Debug, Clone, Args)]
pub struct UninstallArgs {
    #[arg(short = 'y', long = "skip-confirmation", help = SKIP_CONFIRMATION_HELP)]
    pub skip_confirmation: bool,

    /// Accepted for compatibility; has no effect (as upstream)
    #[arg(long)]
    pub force: bool,

    /// Remove every Istio resource, of every version and revision
    #[arg(long)]
    pub purge: bool,

    /// Control plane revision to remove
    #[arg(short = 'r', long, value_name = "REVISION")]
    pub revision: Option<String>,

    /// IstioOperator file describing what to remove (if given several times, the last one counts)
    #[arg(short = 'f', long = "filename", value_name = "FILE")]
    pub filename: Option<String>,

    #[arg(short = 'd', long = "manifests", value_name = "DIR", help = MANIFESTS_HELP)]
    pub manifests: Option<String>,

    #[arg(short = 's', long = "set", value_name = "PATH=VALUE", action = ArgAction::Append, help = SET_HELP)]
    pub set: Vec<String>,

    /// Also list the resources that will be removed
    #[arg(short = 'v', long)]
    pub verbose: bool,

    #[arg(long = "dry-run", help = DRY_RUN_HELP)]
    pub dry_run: bool,

    #[arg(hide = true, value_name = "ARGS")]
    pub args: Vec<String>,
}

/// What `uninstall` needs, as the library takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UninstallOptions {
    /// How to reach the cluster.
    pub kube: KubeOptions,
    /// Skip the confirmation prompt.
    pub skip_confirmation: bool,
    /// Remove everything Istio, ignoring revision and file.
    pub purge: bool,
    /// Revision whose resources are removed.
    pub revision: Option<String>,
    /// IstioOperator file whose resources are removed.
    pub filename: Option<String>,
    /// Charts and profiles folder instead of the built-in copy.
    pub manifests: Option<PathBuf>,
    /// `path=value` overrides applied to the file.
    pub set: Vec<String>,
    /// List what will be removed.
    pub verbose: bool,
    /// Report, but delete nothing.
    pub dry_run: bool,
}

/// The value the last `--set revision=...` gives (empty when none does), as upstream reads it to decide
/// whether a revision was named.
fn set_revision(set: &[String]) -> &str {
    set.iter()
        .filter_map(|s| s.split_once('=').filter(|(_, v)| !v.contains('=')))
        .filter(|(path, _)| path.trim().trim_matches('.') == "revision")
        .map(|(_, value)| value.trim())
        .next_back()
        .unwrap_or("")
}

impl UninstallArgs {
    /// Checks the command line like upstream and builds the options.
    pub fn options(&self, kube: &KubeFlags) -> Result<UninstallOptions, CliError> {
        let given = |o: &Option<String>| o.as_deref().is_some_and(|s| !s.is_empty());
        if !given(&self.revision) && set_revision(&self.set).is_empty() && !given(&self.filename) && !self.purge {
            return Err(CliError::failed(
                "at least one of the --revision (or --set revision=<revision>), --filename or --purge flags must be set",
            ));
        }
        if !self.args.is_empty() {
            return Err(CliError::failed("istioctl uninstall does not take arguments"));
        }
        Ok(UninstallOptions {
            kube: kube.options(),
            skip_confirmation: self.skip_confirmation,
            purge: self.purge,
            revision: self.revision.clone().filter(|r| !r.is_empty()),
            filename: self.filename.clone().filter(|f| !f.is_empty()),
            manifests: self.manifests.as_deref().filter(|d| !d.is_empty()).map(PathBuf::from),
            set: self.set.clone(),
            verbose: self.verbose,
            dry_run: self.dry_run,
        })
    }
}

/// Runs `uninstall`.
pub fn run(command: &str, args: &UninstallArgs, kube: &KubeFlags) -> Result<(), CliError> {
    let options = args.options(kube)?;
    tracing::debug!(?options, "uninstall options");
    Err(CliError::not_implemented(command))
}

#[cfg(test)]
mod tests {
    use super::set_revision;

    #[test]
    fn last_revision_set_counts() {
        let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(set_revision(&set(&["revision=a", "profile=demo", "revision=b"])), "b");
        assert_eq!(set_revision(&set(&["profile=demo"])), "");
        assert_eq!(set_revision(&set(&["revision=a=b"])), "");
        assert_eq!(set_revision(&set(&[" revision = c "])), "c");
    }
}
