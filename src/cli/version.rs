//! `istioctl version`: print the client version and, when a cluster answers, the control- and data-plane
//! versions.

use clap::{ArgAction, Args};
use istioctl::version::{BuildInfo, VersionReport};

use super::error::{CliError, write_stderr_line, write_stdout};
use super::flags::go_bool;
use super::kube::{KubeFlags, KubeOptions};

/// Short description of `version`.
pub const ABOUT: &str = "Print version information";

/// Printed on stderr while the remote part is missing.
pub const REMOTE_NOT_IMPLEMENTED: &str = "control plane and data plane versions: asking the cluster is not \
implemented yet in this build (use --remote=false to skip this check)";

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

/// How `version` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VersionFormat {
    /// `client version: 1.30.3`
    Short,
    /// Go struct syntax of the whole build information.
    Long,
    /// `{"clientVersion": {...}}`, indented by two spaces.
    Json,
    /// The same document as YAML.
    Yaml,
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

/// Renders the client part of the report.
pub fn render(format: VersionFormat, info: &BuildInfo) -> Result<String, CliError> {
    let report = VersionReport { client_version: info.clone() };
    Ok(match format {
        VersionFormat::Short => format!("client version: {}\n", info.version),
        VersionFormat::Long => format!("client version: {}\n", info.long_form()),
        VersionFormat::Json => format!("{}\n", serde_json::to_string_pretty(&report).map_err(CliError::failed)?),
        VersionFormat::Yaml => {
            let value = serde_json::to_value(&report).map_err(CliError::failed)?;
            format!("{}\n", goyaml::to_string(&value))
        }
    })
}

/// Runs `version`. Asking the cluster is not implemented yet; as upstream does when the cluster cannot be
/// asked, that is reported on stderr, the client version is still printed and the run succeeds.
pub fn run(args: &VersionArgs, kube: &KubeFlags) -> Result<(), CliError> {
    let options = args.options(kube)?;
    let text = render(options.format, &BuildInfo::client())?;
    if options.remote {
        write_stderr_line(REMOTE_NOT_IMPLEMENTED);
    }
    write_stdout(text.as_bytes())
}
