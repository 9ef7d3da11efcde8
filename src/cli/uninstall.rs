//! `istioctl uninstall`: remove Istio's resources from a cluster, by revision, by IstioOperator file, or all.

use std::path::PathBuf;

use clap::{ArgAction, Args};

use istioctl::install::labels::DEFAULT_REVISION;
use istioctl::install::progress::Event;
use istioctl::install::prune::uninstall_selection;
use istioctl::install::uninstall::{self, PURGE_IGNORES_SELECTION};
use istioctl::manifests::ManifestSource;
use istioctl::operator::InstallInputs;

use super::error::{CliError, write_stdout};
use super::install::{Drawer, cancel, confirm, connect, runtime, until_interrupted};
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
pub fn run(_command: &str, args: &UninstallArgs, kube: &KubeFlags) -> Result<(), CliError> {
    let options = args.options(kube)?;
    tracing::debug!(?options, "uninstall options");
    let rt = runtime()?;
    let cluster = connect(&rt, &options.kube)?;
    if let Some(revision) = &options.revision {
        until_interrupted(&rt, uninstall::check_revision(&cluster, revision), |e| e.to_string())?;
    }
    if options.purge && (options.revision.is_some() || options.filename.is_some()) {
        write_stdout(format!("{PURGE_IGNORES_SELECTION}\n").as_bytes())?;
    }
    let mut set_flags = options.set.clone();
    if let Some(rev) = options.revision.as_deref().filter(|r| *r != DEFAULT_REVISION) {
        set_flags.push(format!("revision={rev}"));
    }
    let inputs = InstallInputs {
        files: options.filename.iter().map(PathBuf::from).collect(),
        set_flags,
        manifests: ManifestSource::from_option(options.manifests.as_deref()),
        ..Default::default()
    };
    let merged = istioctl::operator::load(&inputs).map_err(CliError::failed)?;
    let text = |p: &str| merged.iop.pointer(p).and_then(|v| v.as_str()).unwrap_or_default().to_string();
    let selection = uninstall_selection(
        options.purge,
        options.revision.as_deref(),
        &text("/metadata/name"),
        &text("/metadata/namespace"),
        &options.kube.istio_namespace,
    );
    let objects = until_interrupted(&rt, uninstall::find(&cluster, &selection), |e| e.to_string())?;
    let check = uninstall::precheck(options.purge, options.verbose, options.revision.as_deref(), &objects);
    if check.nothing || options.dry_run || options.skip_confirmation {
        write_stdout(format!("{}\n", check.message).as_bytes())?;
    } else if check.confirm && !confirm(&format!("{}{}", check.message, uninstall::PROCEED))? {
        cancel();
    }
    let drawer = Drawer::new();
    let events = |e: Event| drawer.handle(&e);
    let removal = uninstall::remove_all(&cluster, &objects, options.dry_run, uninstall::DELETION_TIMEOUT, &events);
    let result = until_interrupted(&rt, removal, |e| e.to_string());
    drawer.finish();
    result
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
