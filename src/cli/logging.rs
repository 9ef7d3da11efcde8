//! Diagnostic logging to stderr, and upstream's logging flags (accepted so scripts keep working).
//!
//! `RUST_LOG` wins when set. Otherwise `--log_output_level` picks the level, in upstream's
//! `<level>` or `<scope>:<level>,...` form; only the `default` and `all` scopes mean something here, since our
//! code is not divided into upstream's scopes. Without either, only warnings and errors are shown, as upstream.
//! The Kubernetes client's own log lines (e.g. an `ERROR` per failed connection attempt) are silent unless
//! `--vklog` asks for them: our commands report such failures themselves.

use clap::{ArgAction, Args};
use tracing_subscriber::EnvFilter;

use super::error::CliError;
use super::flags::go_int;

/// The level shown when nothing else is asked for.
const DEFAULT_LEVEL: &str = "warn";

/// The tracing target of the Kubernetes client library's own messages.
/// Upstream's logging flags. All but `--vklog` are hidden, as upstream hides them.
#[derive(Debug, Clone, Args)]
pub struct LogFlags {
    /// Minimum level of log messages to show: `<level>` or `<scope>:<level>,...`, with a level among debug,
    /// info, warn, error, fatal, none
    #[arg(long = "log_output_level", global = true, hide = true, value_name = "LEVELS")]
    pub output_level: Option<String>,

    /// Where log messages go (accepted for compatibility; logs always go to stderr)
    #[arg(long = "log_target", global = true, hide = true, value_name = "PATH", action = ArgAction::Append)]
    pub target: Vec<String>,

    /// Log as JSON (accepted for compatibility; has no effect)
    #[arg(long = "log_as_json", global = true, hide = true)]
    pub as_json: bool,

    /// Levels at which stack traces are captured (accepted for compatibility; has no effect)
    #[arg(long = "log_stacktrace_level", global = true, hide = true, value_name = "LEVELS")]
    pub stacktrace_level: Option<String>,

    /// Scopes that log their caller (accepted for compatibility; has no effect)
    #[arg(long = "log_caller", global = true, hide = true, value_name = "SCOPES")]
    pub caller: Option<String>,

    /// Verbosity of the Kubernetes client's own logging, like kubectl's -v (e.g. --vklog=9)
    #[arg(long, global = true, value_name = "LEVEL", default_value = "0", value_parser = go_int)]
    pub vklog: i64,
}

/// The log targets of the Kubernetes client library, governed by `--vklog` instead of `--log_output_level`.
const KUBE_CLIENT_TARGETS: &[&str] = &["kube_client", "kube_runtime"];

/// Turns one upstream level name into a tracing filter directive.
fn directive(level: &str) -> Option<&'static str> {
    Some(match level {
        "debug" => "debug",
        "info" => "info",
        "warn" => "warn",
        "error" | "fatal" => "error",
        "none" => "off",
        _ => return None,
    })
}

impl LogFlags {
    /// The tracing filter these flags ask for (ignoring `RUST_LOG`).
    pub fn filter_directive(&self) -> Result<String, CliError> {
        let Some(levels) = self.output_level.as_deref() else { return Ok(DEFAULT_LEVEL.to_string()) };
        let mut chosen = DEFAULT_LEVEL;
        for item in levels.split(',').filter(|s| !s.is_empty()) {
            let parts: Vec<&str> = item.split(':').collect();
            let (scope, level) = match parts.as_slice() {
                [level] => ("default", *level),
                [scope, level] => (*scope, *level),
                _ => return Err(CliError::failed(format!("invalid output level format '{item}'"))),
            };
            let directive =
                directive(level).ok_or_else(|| CliError::failed(format!("invalid output level '{level}'")))?;
            if scope == "default" || scope == "all" {
                chosen = directive;
            }
        }
        Ok(chosen.to_string())
    }

    /// The tracing directives for the Kubernetes client's targets: off at `--vklog=0`, then, as klog's
    /// verbosity grows, info (1-5), debug (6-7, requests) and trace (8+, bodies).
    pub fn kube_client_directives(&self) -> String {
        let level = match self.vklog {
            i64::MIN..=0 => "off",
            1..=5 => "info",
            6..=7 => "debug",
            _ => "trace",
        };
        KUBE_CLIENT_TARGETS.iter().map(|t| format!("{t}={level}")).collect::<Vec<_>>().join(",")
    }

    /// Starts the stderr subscriber. Called once, before a command runs.
    pub fn init(&self) -> Result<(), CliError> {
        let filter = match EnvFilter::try_from_default_env() {
            Ok(filter) => filter,
            Err(_) => EnvFilter::new(format!("{},{}", self.filter_directive()?, self.kube_client_directives())),
        };
        // A second initialisation (only possible in tests) is harmless; ignore it.
        let _ = tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(std::io::stderr)
            // Upstream's log lines are never coloured.
            .with_ansi(false)
            .without_time()
            .try_init();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flags(level: Option<&str>) -> LogFlags {
        LogFlags {
            output_level: level.map(str::to_string),
            target: vec![],
            as_json: false,
            stacktrace_level: None,
            caller: None,
            vklog: 0,
        }
    }

    #[test]
    fn levels_map_to_filters() {
        assert_eq!(flags(None).filter_directive().ok(), Some("warn".to_string()));
        assert_eq!(flags(Some("debug")).filter_directive().ok(), Some("debug".to_string()));
        assert_eq!(flags(Some("all:none")).filter_directive().ok(), Some("off".to_string()));
        assert_eq!(flags(Some("kube:debug")).filter_directive().ok(), Some("warn".to_string()));
        assert_eq!(flags(Some("default:fatal,kube:info")).filter_directive().ok(), Some("error".to_string()));
    }

    #[test]
    fn kube_client_logs_follow_vklog() {
        let mut f = flags(None);
        assert_eq!(f.kube_client_directives(), "kube_client=off,kube_runtime=off");
        f.vklog = 6;
        assert_eq!(f.kube_client_directives(), "kube_client=debug,kube_runtime=debug");
        f.vklog = 9;
        assert_eq!(f.kube_client_directives(), "kube_client=trace,kube_runtime=trace");
    }

    #[test]
    fn bad_levels_are_errors() {
        assert_eq!(
            flags(Some("loud")).filter_directive().map_err(|e| e.to_string()),
            Err("invalid output level 'loud'".into())
        );
        assert!(flags(Some("a:b:c")).filter_directive().is_err());
    }
}
