//! `istioctl manifest generate`: render Istio's resources to stdout without touching a cluster.

use clap::{ArgAction, Args};

use super::error::{CliError, write_stdout};
use super::kube::{KubeFlags, KubeOptions};
use super::shared::{ExtraArgs, OperatorInput, OperatorInputFlags};

/// Short description of `manifest generate`.
pub const ABOUT: &str = "Render an Istio install manifest";

/// Long description and examples of `manifest generate`.
pub const LONG_ABOUT: &str = "Render the resources an install would apply, from the chosen profile, IstioOperator \
files and --set overrides, and print them to stdout as one YAML stream. No cluster is contacted unless \
--cluster-specific is given.

Examples:
  # Render the default profile
  istioctl manifest generate

  # Render the demo profile with tracing on
  istioctl manifest generate --set profile=demo --set meshConfig.enableTracing=true

  # Render from an IstioOperator file
  istioctl manifest generate -f samples/istio.yaml

  # A path element containing dots is written with each dot escaped; quote it for the shell
  istioctl manifest generate --set \"values.sidecarInjectorWebhook.injectedAnnotations.container\\.apparmor\\.security\\.beta\\.kubernetes\\.io/istio-proxy=runtime/default\"";

/// The flags of `manifest generate`.
#[derive(Debug, Clone, Args)]
pub struct ManifestGenerateArgs {
    #[command(flatten)]
    pub input: OperatorInputFlags,

    /// Ask the current cluster for settings that depend on it (such as the platform) instead of using generic
    /// defaults
    #[arg(long = "cluster-specific")]
    pub cluster_specific: bool,

    /// Components to render (accepted for compatibility; upstream ignores it too)
    #[arg(long, hide = true, value_delimiter = ',', action = ArgAction::Append)]
    pub filter: Vec<String>,

    #[command(flatten)]
    pub extra: ExtraArgs,
}

/// What `manifest generate` needs, as the renderer takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestGenerateOptions {
    /// How to reach the cluster; used only with `cluster_specific`.
    pub kube: KubeOptions,
    /// What to render.
    pub input: OperatorInput,
    /// Detect cluster-specific settings from the live cluster.
    pub cluster_specific: bool,
}

impl ManifestGenerateArgs {
    /// Checks the command line like upstream and builds the options.
    pub fn options(&self, kube: &KubeFlags) -> Result<ManifestGenerateOptions, CliError> {
        self.extra.expect_none_for_generate()?;
        Ok(ManifestGenerateOptions {
            kube: kube.options(),
            input: self.input.options(),
            cluster_specific: self.cluster_specific,
        })
    }
}

/// Runs `manifest generate`.
pub fn run(command: &str, args: &ManifestGenerateArgs, kube: &KubeFlags) -> Result<(), CliError> {
    let options = args.options(kube)?;
    tracing::debug!(?options, "manifest generate options");
    if options.cluster_specific {
        return Err(CliError::failed(format!("{command} --cluster-specific is not implemented yet in this build")));
    }
    let rendered = istioctl::render::generate(&options.input.install_inputs()?).map_err(CliError::failed)?;
    write_stdout(istioctl::render::print_manifest(&rendered).as_bytes())
}
