//! `istioctl version`: print the client version and, when a cluster answers, the control- and data-plane
//! versions. Asking the cluster is `istioctl::cluster`'s, printing is `istioctl::version`'s.

use clap::{ArgAction, Args};
use istioctl::cluster::{Cluster, IstiodError};
use istioctl::version::{BuildInfo, VersionReport, go_multierror};

use super::error::{CliError, write_stderr_line, write_stdout};
use super::flags::go_bool;
use super::kube::{KubeFlags, KubeOptions};

pub use istioctl::version::VersionFormat;

/// Short description of `version`.
pub const ABOUT: &str = "Print version information";

/// Printed on stderr when the control plane cannot be asked (followed by `: <why>`), as upstream.
pub const NOT_PRESENT: &str = "Istio is not present in the cluster";

/// The flags of `version`.
#[derive(Debug, Clone, Args)]
pub struct VersionArgs {
    /// Print only the version numbers; use --short=false for the full build information
    #[arg(
        short = 's',
        long,
        value_name = "BOOL",
        num_args = 0..=1,
        require_equals = true,
        default_value = "true",
        default_missing_value = "true",
        value_parser = go_bool,
        action = ArgAction::Set
    )]
    pub short: bool,

    /// Output format: 'yaml' or 'json'
    #[arg(short = 'o', long, value_name = "FORMAT")]
    pub output: Option<String>,

    /// Also ask the cluster for control- and data-plane versions; use --remote=false to skip that
    #[arg(
        long,
        value_name = "BOOL",
        num_args = 0..=1,
        require_equals = true,
        default_value = "true",
        default_missing_value = "true",
        value_parser = go_bool,
        action = ArgAction::Set
    )]
    pub remote: bool,

    /// Control plane revision
    #[arg(short = 'r', long, value_name = "REVISION")]
    pub revision: Option<String>,

    /// Ignored, as upstream ignores positional arguments here
    #[arg(hide = true, value_name = "ARGS")]
    pub args: Vec<String>,
}

/// What `version` needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionOptions {
    /// How to reach the cluster for the remote part.
    pub kube: KubeOptions,
    /// Output format.
    pub format: VersionFormat,
    /// Whether to ask the cluster.
    pub remote: bool,
    /// Control plane revision to ask about.
    pub revision: Option<String>,
}

impl VersionArgs {
    /// Checks the flags like upstream and builds the options.
    pub fn options(&self, kube: &KubeFlags) -> Result<VersionOptions, CliError> {
        let format = match (self.output.as_deref().unwrap_or_default(), self.short) {
            ("", true) => VersionFormat::Short,
            ("", false) => VersionFormat::Long,
            ("json", _) => VersionFormat::Json,
            ("yaml", _) => VersionFormat::Yaml,
            _ => return Err(CliError::failed("--output must be 'yaml' or 'json'")),
        };
        Ok(VersionOptions {
            kube: kube.options(),
            format,
            remote: self.remote,
            revision: self.revision.clone().filter(|r| !r.is_empty()),
        })
    }
}

/// Runs `version`. Remote failures never fail the command: as upstream, they are reported on stderr and the
/// parts that could not be asked are left out.
pub fn run(args: &VersionArgs, kube: &KubeFlags) -> Result<(), CliError> {
    let options = args.options(kube)?;
    let mut report = VersionReport { client_version: BuildInfo::client(), ..VersionReport::default() };
    if options.remote {
        remote(&options, &mut report)?;
    }
    let text = report.render(options.format).map_err(CliError::failed)?;
    write_stdout(text.as_bytes())
}

/// Asks the cluster for the control-plane versions (reporting on stderr why not) and the data-plane versions
/// (silently left out when they cannot be had, as upstream).
fn remote(options: &VersionOptions, report: &mut VersionReport) -> Result<(), CliError> {
    let rt = super::install::runtime()?;
    rt.block_on(async {
        let cluster = match Cluster::connect(&options.kube).await {
            Ok(cluster) => cluster,
            Err(e) => {
                write_stderr_line(&format!("{NOT_PRESENT}: {e}"));
                return;
            }
        };
        let revision = match &options.revision {
            Some(rev) => rev.clone(),
            None => cluster.default_revision().await,
        };
        let namespace = options.kube.istio_namespace.as_str();
        let mut reachable = true;
        report.mesh_version = match cluster.istio_versions(namespace, Some(&revision)).await {
            Ok(found) => {
                // Upstream prints partial failures after an empty prefix, hence the lone colon.
                if !found.failures.is_empty() {
                    write_stderr_line(&format!(": {}", go_multierror(&found.failures)));
                }
                Some(found.servers)
            }
            Err(e) => {
                reachable = !matches!(e, IstiodError::ListPods(_));
                write_stderr_line(&format!("{NOT_PRESENT}: {e}"));
                None
            }
        };
        // Upstream asks again and fails the same way when the pods cannot even be listed; that only costs time.
        if reachable {
            report.data_plane_version = cluster.proxy_versions(namespace, Some(&revision)).await.ok();
        }
    });
    Ok(())
}
