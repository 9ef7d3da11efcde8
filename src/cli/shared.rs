//! Flags shared by the commands that render Istio from IstioOperator input (`install`, `upgrade`,
//! `manifest generate`, `manifest install`, partly `uninstall`), and their help text.

use std::path::PathBuf;

use clap::{ArgAction, Args};

use super::error::CliError;
use super::flags::go_string_slice;
use istioctl::manifests::ManifestSource;
use istioctl::operator::{InstallInputs, is_dns1123_label};
use std::io::Read as _;

/// Help of `-s/--set`.
pub const SET_HELP: &str = "Override one IstioOperator field as path=value: pick a profile (--set profile=demo), \
turn a component on or off (--set components.cni.enabled=true) or change a setting \
(--set meshConfig.enableTracing=true). Repeat the flag for several fields. Field reference: \
https://istio.io/v1.30/docs/reference/config/istio.operator.v1alpha1/#IstioOperatorSpec";
/// Help of `-d/--manifests`.
pub const MANIFESTS_HELP: &str = "Directory holding the charts and profiles to use instead of the built-in ones \
(for example ~/Downloads/istio-1.30.3/manifests)";
/// Help of `-r/--revision` on the install-type commands.
pub const REVISION_HELP: &str = "Control plane revision the command acts on";
/// Help of `-y/--skip-confirmation`.
pub const SKIP_CONFIRMATION_HELP: &str = "Do not ask for confirmation: every question is answered yes";
/// Help of `--force`.
pub const FORCE_HELP: &str = "Carry on even when the configuration does not pass validation";
/// Help of `--dry-run`.
pub const DRY_RUN_HELP: &str = "Only report what would be done; change nothing";

/// The IstioOperator input: files, `--set` overrides, chart source, revision.
#[derive(Debug, Clone, Args)]
pub struct OperatorInputFlags {
    /// IstioOperator file to read; `-` reads stdin (only as the last file). Repeat the flag, or separate
    /// names with commas, to layer several files: later files override earlier ones
    #[arg(short = 'f', long = "filename", value_name = "FILE", value_delimiter = ',', action = ArgAction::Append)]
    pub filenames: Vec<String>,

    #[arg(short = 's', long = "set", value_name = "PATH=VALUE", action = ArgAction::Append, help = SET_HELP)]
    pub set: Vec<String>,

    #[arg(short = 'd', long = "manifests", alias = "charts", value_name = "DIR", help = MANIFESTS_HELP)]
    pub manifests: Option<String>,

    #[arg(short = 'r', long = "revision", value_name = "REVISION", help = REVISION_HELP)]
    pub revision: Option<String>,

    #[arg(long, help = FORCE_HELP)]
    pub force: bool,
}

/// The IstioOperator input as the renderer takes it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OperatorInput {
    /// Files overlaid left to right (`-` is stdin).
    pub filenames: Vec<String>,
    /// `path=value` overrides, in order.
    pub set: Vec<String>,
    /// Charts and profiles folder instead of the built-in copy (upstream: `--set installPackagePath=`).
    pub manifests: Option<PathBuf>,
    /// The revision flag as given (`default` means no revision; upstream: `--set revision=`).
    pub revision: Option<String>,
    /// Continue past validation errors.
    pub force: bool,
}

impl OperatorInput {
    /// The front end's input; reads stdin when a file is `-` (the library itself does no such I/O).
    pub fn install_inputs(&self) -> Result<InstallInputs, CliError> {
        let stdin = if self.filenames.iter().any(|f| f.trim() == "-") {
            let mut text = String::new();
            std::io::stdin().read_to_string(&mut text)?;
            Some(text)
        } else {
            None
        };
        Ok(InstallInputs {
            files: self.filenames.iter().map(|f| PathBuf::from(f.trim())).collect(),
            set_flags: self.set.clone(),
            manifests: ManifestSource::from_option(self.manifests.as_deref()),
            force: self.force,
            revision: self.revision.clone(),
            stdin,
            cluster_settings: Vec::new(),
        })
    }
}

impl OperatorInputFlags {
    /// The renderer's input.
    pub fn options(&self) -> OperatorInput {
        OperatorInput {
            filenames: self.filenames.clone(),
            set: self.set.clone(),
            manifests: self.manifests.as_deref().filter(|d| !d.is_empty()).map(PathBuf::from),
            revision: self.revision.clone(),
            force: self.force,
        }
    }

    /// Upstream's check of an explicitly given `--revision` on install-type commands.
    pub fn check_revision(&self) -> Result<(), CliError> {
        match &self.revision {
            Some(rev) if !is_dns1123_label(rev) => Err(CliError::failed(format!("invalid revision specified: {rev}"))),
            _ => Ok(()),
        }
    }
}

/// Positional arguments a command does not take; captured so the command can reject them with upstream's
/// message and exit status instead of a parse error.
#[derive(Debug, Clone, Args)]
pub struct ExtraArgs {
    #[arg(hide = true, value_name = "ARGS")]
    pub args: Vec<String>,
}

impl ExtraArgs {
    /// Rejects any positional argument the way cobra's `ExactArgs(0)` does.
    pub fn expect_none(&self) -> Result<(), CliError> {
        if self.args.is_empty() {
            Ok(())
        } else {
            Err(CliError::failed(format!("accepts 0 arg(s), received {}", self.args.len())))
        }
    }

    /// Rejects any positional argument with `manifest generate`'s own wording.
    pub fn expect_none_for_generate(&self) -> Result<(), CliError> {
        if self.args.is_empty() {
            Ok(())
        } else {
            Err(CliError::failed(format!(
                "generate accepts no positional arguments, got {}",
                go_string_slice(&self.args)
            )))
        }
    }
}
