//! Errors and warnings of the front end. Every problem names where the offending setting came from (file, line and
//! column when the YAML parser reports positions, or the `--set` flag), the field path, and what is allowed.

use std::fmt;
use std::path::PathBuf;

use crate::manifests::ManifestError;

use super::tree::SetPathError;

/// Where a setting came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A `-f` file (or `-` for stdin), with the position of the node when known.
    File { name: String, line: Option<usize>, column: Option<usize> },
    /// A built-in or `--manifests` profile file.
    Profile { name: String, line: Option<usize>, column: Option<usize> },
    /// A `--set` flag, as the user wrote it.
    SetFlag { flag: String },
    /// A flag that istioctl turns into a `--set` (`--revision`, `--manifests`).
    FlagAlias { flag: &'static str, value: String },
    /// A setting detected from the cluster ([`super::InstallInputs::cluster_settings`]).
    ClusterSetting { flag: String },
    /// The hub and tag compiled into this binary.
    Builtin,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let pos = |f: &mut fmt::Formatter<'_>, line: &Option<usize>, column: &Option<usize>| match (line, column) {
            (Some(l), Some(c)) => write!(f, ":{l}:{c}"),
            (Some(l), None) => write!(f, ":{l}"),
            _ => Ok(()),
        };
        match self {
            Origin::File { name, line, column } => {
                write!(f, "{name}")?;
                pos(f, line, column)
            }
            Origin::Profile { name, line, column } => {
                write!(f, "profile {name:?} (profiles/{name}.yaml")?;
                pos(f, line, column)?;
                write!(f, ")")
            }
            Origin::SetFlag { flag } => write!(f, "--set {flag}"),
            Origin::FlagAlias { flag, value } => write!(f, "{flag} {value}"),
            Origin::ClusterSetting { flag } => write!(f, "cluster-specific setting {flag}"),
            Origin::Builtin => write!(f, "built-in hub/tag"),
        }
    }
}

/// One validation problem (an error, or a warning when returned in [`super::MergedOperator::warnings`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// The field path (`spec.meshConfig.meshMTLS.minProtocolVersion`); empty for whole-document problems.
    pub path: String,
    /// What is wrong and what is allowed.
    pub message: String,
    /// Where the setting came from, when it could be traced.
    pub origin: Option<Origin>,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(o) = &self.origin {
            write!(f, "{o}: ")?;
        }
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        write!(f, "{}", self.message)
    }
}

/// A warning: returned as data for the CLI to print.
pub type Warning = Issue;

/// Why the IstioOperator input could not be turned into a merged configuration.
#[derive(Debug, thiserror::Error)]
pub enum FrontEndError {
    /// A `-f` file could not be read.
    #[error("{path}: {source}")]
    ReadFile { path: PathBuf, source: std::io::Error },
    /// `-` (stdin) was given somewhere other than last, or no stdin content was supplied.
    #[error("stdin is only allowed as the last filename")]
    StdinNotLast,
    /// A file is not valid YAML.
    #[error("{origin}: unable to parse file: {message}")]
    Parse { origin: Origin, message: String },
    /// A file holds more than one document.
    #[error("{name}: contains multiple IstioOperator CRs, only one per file is supported")]
    MultipleIops { name: String },
    /// A file holds several documents, not all of them objects with a `kind`.
    #[error("{name}: holds {count} YAML documents; an IstioOperator file must hold exactly one")]
    MultipleDocuments { name: String, count: usize },
    /// A file's document is not a mapping.
    #[error("{origin}: expected an IstioOperator (a YAML mapping), found {found}")]
    NotAnObject { origin: Origin, found: String },
    /// A `--set` flag could not be applied.
    #[error("{origin}: {source}")]
    SetFlag { origin: Origin, source: SetPathError },
    /// The selected profile does not exist.
    #[error("profile {name:?} not found: {source}{}", available_hint(available))]
    ProfileNotFound { name: String, source: ManifestError, available: Vec<String> },
    /// The profile name is not a plain name.
    #[error("invalid profile name {name:?}: a profile is a name such as {}, not a path", available.join(", "))]
    ProfileName { name: String, available: Vec<String> },
    /// A profile file is broken.
    #[error("profile {name:?}: {message}")]
    ProfileInvalid { name: String, message: String },
    /// Turning top-level settings into chart values failed because a values node has the wrong shape.
    #[error("{path}: {source}")]
    Translate { path: String, source: SetPathError },
    /// Validation failed.
    #[error("invalid IstioOperator:\n{}", issues.iter().map(|i| format!("  - {i}")).collect::<Vec<_>>().join("\n"))]
    Invalid { issues: Vec<Issue> },
    /// The merged configuration does not fit the typed model (possible only with `--force`).
    #[error("the merged IstioOperator cannot be used even with --force: {message}")]
    Typed { message: String },
    /// The embedded schema data is broken (a build defect).
    #[error("internal schema error: {0}")]
    Schema(String),
}

fn available_hint(available: &[String]) -> String {
    if available.is_empty() { String::new() } else { format!(" (available profiles: {})", available.join(", ")) }
}
