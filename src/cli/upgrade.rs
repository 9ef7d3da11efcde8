//! `istioctl upgrade`: upstream's other name for `install`, without its argument checks.

use super::error::CliError;
use super::install::InstallArgs;
use super::kube::KubeFlags;

/// Short description of `upgrade`.
pub const ABOUT: &str = "Upgrade the Istio control plane in place";

/// Long description of `upgrade`.
pub const LONG_ABOUT: &str = "Upgrade the Istio control plane in place. This does exactly what `istioctl install` \
does, with the same flags.";

/// Runs `upgrade`.
pub fn run(command: &str, args: &InstallArgs, kube: &KubeFlags) -> Result<(), CliError> {
    let options = args.options_unchecked(kube);
    tracing::debug!(command, ?options, "upgrade options");
    super::install::execute(&options)
}
