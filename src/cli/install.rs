//! `istioctl install` (also `apply`, `manifest install` and `upgrade`): render Istio and apply it to a cluster.

use std::time::Duration;

use clap::Args;

use super::error::CliError;
use super::flags::go_duration;
use super::kube::{KubeFlags, KubeOptions};
use super::shared::{DRY_RUN_HELP, ExtraArgs, OperatorInput, OperatorInputFlags, SKIP_CONFIRMATION_HELP};

/// Short description of `install`.
pub const ABOUT: &str = "Render an Istio manifest and apply it to a cluster, installing or reconfiguring Istio";

/// Long description and examples of `install`.
pub const LONG_ABOUT: &str = "Render Istio's resources from the chosen profile, IstioOperator files and --set \
overrides, then apply them to the cluster and wait for each component to become ready.

Examples:
  # Install the default profile
  istioctl install

  # Install the demo profile without being asked to confirm
  istioctl install --set profile=demo -y

  # Layer two IstioOperator files and turn tracing on
  istioctl install -f base.yaml -f overrides.yaml --set meshConfig.enableTracing=true

  # A path element containing dots is written with each dot escaped; quote it for the shell
  istioctl install --set \"values.sidecarInjectorWebhook.injectedAnnotations.container\\.apparmor\\.security\\.beta\\.kubernetes\\.io/istio-proxy=runtime/default\"";

/// The flags of `install` (shared with `apply`, `manifest install` and `upgrade`).
#[derive(Debug, Clone, Args)]
pub struct InstallArgs {
    #[command(flatten)]
    pub input: OperatorInputFlags,

    /// How long to wait, for each component, until its resources are ready (Go duration syntax)
    #[arg(long = "readiness-timeout", value_name = "DURATION", default_value = "5m0s", value_parser = go_duration)]
    pub readiness_timeout: Duration,

    #[arg(short = 'y', long = "skip-confirmation", help = SKIP_CONFIRMATION_HELP)]
    pub skip_confirmation: bool,

    /// Check the control plane after installing (accepted for compatibility; Istio 1.30 does nothing with it)
    #[arg(long)]
    pub verify: bool,

    #[arg(long = "dry-run", help = DRY_RUN_HELP)]
    pub dry_run: bool,

    #[command(flatten)]
    pub extra: ExtraArgs,
}

/// Everything an install needs, as the installer takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstallOptions {
    /// How to reach the cluster.
    pub kube: KubeOptions,
    /// What to render.
    pub input: OperatorInput,
    /// Per-component readiness timeout.
    pub readiness_timeout: Duration,
    /// Skip the confirmation prompt.
    pub skip_confirmation: bool,
    /// Accepted and unused, as upstream.
    pub verify: bool,
    /// Render and report, but change nothing in the cluster.
    pub dry_run: bool,
}

impl InstallArgs {
    /// Checks the command line like upstream's argument and pre-run checks, and builds the options.
    pub fn options(&self, kube: &KubeFlags) -> Result<InstallOptions, CliError> {
        self.extra.expect_none()?;
        self.input.check_revision()?;
        Ok(self.options_unchecked(kube))
    }

    /// Builds the options without upstream's argument checks (`upgrade` has none).
    pub fn options_unchecked(&self, kube: &KubeFlags) -> InstallOptions {
        InstallOptions {
            kube: kube.options(),
            input: self.input.options(),
            readiness_timeout: self.readiness_timeout,
            skip_confirmation: self.skip_confirmation,
            verify: self.verify,
            dry_run: self.dry_run,
        }
    }
}

/// Runs `install` under the name it was invoked as (e.g. `istioctl manifest install`).
pub fn run(command: &str, args: &InstallArgs, kube: &KubeFlags) -> Result<(), CliError> {
    let options = args.options(kube)?;
    tracing::debug!(?options, "install options");
    Err(CliError::not_implemented(command))
}
