//! Whether and how output is coloured, as upstream decides it. Upstream colours through `fatih/color`, which
//! turns colour off unless stdout is a terminal, `TERM` is not `dumb` and `NO_COLOR` is empty or unset, even
//! for text written to stderr; the progress marks are coloured only when the progress bar also draws on a
//! terminal (stderr). Emoji and marks such as `✔` and `❗` are text, printed with or without a terminal.

use std::io::IsTerminal;

/// Green, for the `✔` of finished progress lines.
pub const GREEN: &str = "32";
/// Red, for the `✘` of failed progress lines.
pub const RED: &str = "31";
/// Yellow italic, for the `WARNING:` marker.
pub const YELLOW_ITALIC: &str = "33;3";

/// Whether colour may be used: `NO_COLOR` empty or unset, `TERM` not `dumb`, stdout a terminal.
pub fn enabled() -> bool {
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
    !no_color && !dumb && std::io::stdout().is_terminal()
}

/// `text` wrapped in the SGR sequence `sgr` (e.g. [`GREEN`]) when `on`, else as it is.
pub fn paint(on: bool, sgr: &str, text: &str) -> String {
    if on { format!("\x1b[{sgr}m{text}\x1b[0m") } else { text.to_string() }
}

/// Upstream's `WARNING:` marker, yellow italic when colour is [`enabled`].
pub fn warning_marker() -> String {
    paint(enabled(), YELLOW_ITALIC, istioctl::version::WARNING_MARKER)
}

/// A finished progress line with its leading `✔` green or `✘` red, when `on`.
pub fn progress_mark(on: bool, line: &str) -> String {
    for (mark, sgr) in [("✔", GREEN), ("✘", RED)] {
        if let Some(rest) = line.strip_prefix(mark) {
            return format!("{}{rest}", paint(on, sgr, mark));
        }
    }
    line.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_painted_only_when_on() {
        assert_eq!(progress_mark(true, "✔ Istiod installed 🧠"), "\x1b[32m✔\x1b[0m Istiod installed 🧠");
        assert_eq!(
            progress_mark(true, "✘ CNI encountered an error: x"),
            "\x1b[31m✘\x1b[0m CNI encountered an error: x"
        );
        assert_eq!(progress_mark(false, "✔ Installation complete"), "✔ Installation complete");
        assert_eq!(progress_mark(true, "- Processing resources"), "- Processing resources");
        assert_eq!(paint(true, YELLOW_ITALIC, "WARNING:"), "\x1b[33;3mWARNING:\x1b[0m");
    }
}
