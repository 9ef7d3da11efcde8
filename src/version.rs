//! Which Istio release this build imitates, and the build facts `istioctl version` reports.
//!
//! Scripts parse `istioctl version` to learn which Istio they talk to, so the reported version is the Istio
//! release whose behaviour and charts this build reproduces, not the crate version. The crate version is kept
//! visible in the toolchain field, where upstream names its Go compiler.

use serde::Serialize;

/// The Istio release this build reproduces (charts, profiles, defaults, output formats).
pub const ISTIO_VERSION: &str = "1.30.3";

/// The name and version of this implementation, e.g. `istioctl-rs/0.1.0`.
pub const IMPLEMENTATION: &str = concat!("istioctl-rs/", env!("CARGO_PKG_VERSION"));

/// What a build does not know (upstream prints the same word for unset build facts).
pub const UNKNOWN: &str = "unknown";

/// Version facts about one binary, shaped like upstream's `BuildInfo` so that `-o json|yaml` consumers keep
/// working. The JSON keys are upstream's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BuildInfo {
    /// The Istio release, e.g. `1.30.3`.
    pub version: String,
    /// Source revision of this build, when the build was given one.
    #[serde(rename = "revision")]
    pub git_revision: String,
    /// The toolchain field; here it names this implementation and its version.
    #[serde(rename = "golang_version")]
    pub golang_version: String,
    /// Whether the source tree was clean when built, when known.
    #[serde(rename = "status")]
    pub build_status: String,
    /// The release tag.
    #[serde(rename = "tag")]
    pub git_tag: String,
}

impl BuildInfo {
    /// The facts about this very binary. `ISTIOCTL_GIT_REVISION` and `ISTIOCTL_BUILD_STATUS`, when set at
    /// compile time, fill the fields a release pipeline knows.
    pub fn client() -> Self {
        Self {
            version: ISTIO_VERSION.to_string(),
            git_revision: option_env!("ISTIOCTL_GIT_REVISION").unwrap_or(UNKNOWN).to_string(),
            golang_version: IMPLEMENTATION.to_string(),
            build_status: option_env!("ISTIOCTL_BUILD_STATUS").unwrap_or(UNKNOWN).to_string(),
            git_tag: ISTIO_VERSION.to_string(),
        }
    }

    /// The one-line long form upstream prints for `version --short=false` (Go's `%#v` of the struct).
    pub fn long_form(&self) -> String {
        format!(
            "version.BuildInfo{{Version:{}, GitRevision:{}, GolangVersion:{}, BuildStatus:{}, GitTag:{}}}",
            go_quote(&self.version),
            go_quote(&self.git_revision),
            go_quote(&self.golang_version),
            go_quote(&self.build_status),
            go_quote(&self.git_tag)
        )
    }
}

/// The document `istioctl version -o json|yaml` prints. Remote parts are absent when not known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VersionReport {
    /// This binary.
    #[serde(rename = "clientVersion")]
    pub client_version: BuildInfo,
}

/// Quotes a string the way Go's `strconv.Quote` does for the characters that matter here.
pub fn go_quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_reports_the_istio_release() {
        let info = BuildInfo::client();
        assert_eq!(info.version, ISTIO_VERSION);
        assert_eq!(info.git_tag, ISTIO_VERSION);
        assert!(info.golang_version.starts_with("istioctl-rs/"));
    }

    #[test]
    fn json_keys_are_upstreams() {
        let report = VersionReport { client_version: BuildInfo::client() };
        let v = serde_json::to_value(&report).unwrap_or_default();
        let keys: Vec<&str> =
            v["clientVersion"].as_object().map(|m| m.keys().map(String::as_str).collect()).unwrap_or_default();
        assert_eq!(keys, ["version", "revision", "golang_version", "status", "tag"]);
    }

    #[test]
    fn long_form_is_go_struct_syntax() {
        let info = BuildInfo {
            version: "1.30.3".into(),
            git_revision: "abc".into(),
            golang_version: "go".into(),
            build_status: "Clean".into(),
            git_tag: "1.30.3".into(),
        };
        assert_eq!(
            info.long_form(),
            r#"version.BuildInfo{Version:"1.30.3", GitRevision:"abc", GolangVersion:"go", BuildStatus:"Clean", GitTag:"1.30.3"}"#
        );
    }

    #[test]
    fn go_quote_escapes() {
        assert_eq!(go_quote("a\"b\\c\n\u{1}"), r#""a\"b\\c\n\x01""#);
    }
}
