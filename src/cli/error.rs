//! How a command fails, and the exit status each failure maps to (upstream's sysexits-style codes).

use std::fmt;
use std::io::{self, Write};
use std::process::ExitCode;

/// Exit status of a run that failed at runtime or on argument validation.
pub const EXIT_FAILURE: u8 = 1;
/// Exit status of a command line that could not be parsed (unknown command or flag, bad flag value).
pub const EXIT_USAGE: u8 = 64;

/// Why a command did not succeed.
#[derive(Debug)]
pub enum CliError {
    /// The command line could not be parsed (exit 64). `hint` is an extra line such as
    /// `Run 'istioctl --help' for usage.`.
    Usage { message: String, hint: Option<String> },
    /// The command ran and failed, or rejected its arguments (exit 1).
    Failed(String),
    /// The reader of stdout went away; the run ends quietly with success.
    BrokenPipe,
}

impl CliError {
    /// A runtime failure with this message.
    pub fn failed(message: impl fmt::Display) -> Self {
        Self::Failed(message.to_string())
    }

    /// Prints the error as upstream does (`Error: <message>` on stderr) and gives the exit status.
    pub fn report(&self) -> ExitCode {
        let mut stderr = io::stderr().lock();
        // Nothing sensible is left to do when stderr itself is gone, so write errors are ignored.
        match self {
            Self::BrokenPipe => ExitCode::SUCCESS,
            Self::Usage { message, hint } => {
                let _ = writeln!(stderr, "Error: {message}");
                if let Some(hint) = hint {
                    let _ = writeln!(stderr, "{hint}");
                }
                ExitCode::from(EXIT_USAGE)
            }
            Self::Failed(message) => {
                let _ = writeln!(stderr, "Error: {message}");
                ExitCode::from(EXIT_FAILURE)
            }
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Usage { message, .. } | Self::Failed(message) => f.write_str(message),
            Self::BrokenPipe => f.write_str("broken pipe"),
        }
    }
}

impl std::error::Error for CliError {}

impl From<io::Error> for CliError {
    fn from(err: io::Error) -> Self {
        if err.kind() == io::ErrorKind::BrokenPipe { Self::BrokenPipe } else { Self::Failed(err.to_string()) }
    }
}

/// Writes a command's result to stdout. A closed pipe becomes [`CliError::BrokenPipe`].
pub fn write_stdout(bytes: &[u8]) -> Result<(), CliError> {
    let mut out = io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(())
}

/// Writes a report to stdout: indented JSON (with a final newline) for `-o json`, else its text form.
pub fn write_report<T: serde::Serialize>(
    output: &str,
    report: &T,
    text: impl FnOnce(&T) -> String,
) -> Result<(), CliError> {
    if output == "json" {
        let mut json = serde_json::to_string_pretty(report).map_err(CliError::failed)?;
        json.push('\n');
        write_stdout(json.as_bytes())
    } else {
        write_stdout(text(report).as_bytes())
    }
}

/// Writes one line of progress or warning text to stderr; a closed stderr is ignored.
pub fn write_stderr_line(line: &str) {
    let _ = writeln!(io::stderr().lock(), "{line}");
}
