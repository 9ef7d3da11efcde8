//! `istioctl manifest`: the group holding `manifest generate` and `manifest install`.

use clap::{Args, Subcommand};

use super::install::{self, InstallArgs};
use super::manifest_generate::{self, ManifestGenerateArgs};
use super::shared::DRY_RUN_HELP;

/// Short description of `manifest`.
pub const ABOUT: &str = "Work with Istio install manifests";

/// The `manifest` group.
#[derive(Debug, Clone, Args)]
#[command(arg_required_else_help = true)]
pub struct ManifestArgs {
    /// Accepted by every `manifest` command; only `manifest install` acts on it
    #[arg(long = "dry-run", global = true, help = DRY_RUN_HELP)]
    pub dry_run: bool,

    #[command(subcommand)]
    pub command: Option<ManifestCommand>,
}

/// The commands of the `manifest` group.
#[derive(Debug, Clone, Subcommand)]
pub enum ManifestCommand {
    #[command(about = manifest_generate::ABOUT, long_about = manifest_generate::LONG_ABOUT)]
    Generate(ManifestGenerateArgs),
    #[command(about = install::ABOUT, long_about = install::LONG_ABOUT, visible_alias = "apply")]
    Install(InstallArgs),
}
