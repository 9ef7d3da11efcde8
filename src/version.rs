//! Which Istio release this build imitates, and the build facts `istioctl version` reports.
//!
//! Scripts parse `istioctl version` to learn which Istio they talk to, so the reported version is the Istio
//! release whose behaviour and charts this build reproduces, not the crate version. The crate version is kept
//! visible in the toolchain field, where upstream names its Go compiler.
//!
//! The remote parts (control-plane versions from istiod, data-plane versions from istiod's sync status) are
//! modelled here with upstream's field names and printed in upstream's formats; asking the cluster is the
//! cluster module's job.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::install::labels::DEFAULT_REVISION;

/// The Istio release this build reproduces (charts, profiles, defaults, output formats).
pub const ISTIO_VERSION: &str = "1.30.3";

/// The name and version of this implementation, e.g. `istioctl-rs/0.1.0`.
pub const IMPLEMENTATION: &str = concat!("istioctl-rs/", env!("CARGO_PKG_VERSION"));

/// What a build does not know (upstream prints the same word for unset build facts).
pub const UNKNOWN: &str = "unknown";

/// Version facts about one binary, shaped like upstream's `BuildInfo` so that `-o json|yaml` consumers keep
/// working. The JSON keys are upstream's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
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

/// One control-plane instance's version (upstream's `ServerInfo`; JSON keys are its Go field names).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ServerInfo {
    /// The pod's `istio` label, e.g. `pilot`.
    #[serde(rename = "Component")]
    pub component: String,
    /// The pod's `istio.io/rev` label.
    #[serde(rename = "Revision")]
    pub revision: String,
    /// What the instance reported.
    #[serde(rename = "Info")]
    pub info: BuildInfo,
}

/// One proxy's version (upstream's `ProxyInfo`; JSON keys are its Go field names).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ProxyInfo {
    /// The proxy id, `pod.namespace`.
    #[serde(rename = "ID")]
    pub id: String,
    /// The Istio version the proxy reported.
    #[serde(rename = "IstioVersion")]
    pub istio_version: String,
    /// `sidecar`, `gateway`, ...: the node type as users know it.
    #[serde(rename = "Type")]
    pub kind: String,
}

/// The document `istioctl version` prints. Remote parts are absent when they could not be asked for; an
/// empty list is kept (and printed), as upstream's pointers to empty slices are.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct VersionReport {
    /// This binary.
    #[serde(rename = "clientVersion")]
    pub client_version: BuildInfo,
    /// The control-plane instances that answered.
    #[serde(rename = "meshVersion", skip_serializing_if = "Option::is_none")]
    pub mesh_version: Option<Vec<ServerInfo>>,
    /// The proxies istiod knows about.
    #[serde(rename = "dataPlaneVersion", skip_serializing_if = "Option::is_none")]
    pub data_plane_version: Option<Vec<ProxyInfo>>,
}

/// How `istioctl version` prints its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VersionFormat {
    /// `client version: 1.30.3`, one line per distinct control-plane version, a data-plane summary.
    Short,
    /// Go struct syntax of every part.
    Long,
    /// `json.MarshalIndent` with two spaces.
    Json,
    /// `sigs.k8s.io/yaml`: sorted keys, followed by an empty line.
    Yaml,
}

/// The component name upstream prints when every control-plane instance reports the same version.
pub const CONTROL_PLANE: &str = "control plane";

impl VersionReport {
    /// The text `istioctl version` prints on stdout in `format`.
    pub fn render(&self, format: VersionFormat) -> Result<String, serde_json::Error> {
        Ok(match format {
            VersionFormat::Short => self.short_form(),
            VersionFormat::Long => self.long_form(),
            VersionFormat::Json => format!("{}\n", go_json_escape(&serde_json::to_string_pretty(self)?)),
            VersionFormat::Yaml => format!("{}\n", goyaml::to_string(&serde_json::to_value(self)?)),
        })
    }

    fn short_form(&self) -> String {
        let mut out = format!("client version: {}\n", self.client_version.version);
        for server in coalesce(self.mesh_version.as_deref().unwrap_or_default()) {
            out.push_str(&format!("{} version: {}\n", server.component, server.info.version));
        }
        if let Some(proxies) = &self.data_plane_version {
            out.push_str(&format!("data plane version: {}\n", proxy_summary(proxies)));
        }
        out
    }

    fn long_form(&self) -> String {
        let mut out = format!("client version: {}\n", self.client_version.long_form());
        for server in self.mesh_version.iter().flatten() {
            out.push_str(&format!("{} version: {}\n", server.component, server.info.long_form()));
        }
        for proxy in self.data_plane_version.iter().flatten() {
            out.push_str(&format!(
                "data plane version: version.ProxyInfo{{ID:{}, IstioVersion:{}, Type:{}}}\n",
                go_quote(&proxy.id),
                go_quote(&proxy.istio_version),
                go_quote(&proxy.kind)
            ));
        }
        out
    }
}

/// Upstream's `coalesceVersions`: one `control plane` entry when every instance reports the same version
/// (other build facts may differ), else every instance as it is.
fn coalesce(servers: &[ServerInfo]) -> Vec<ServerInfo> {
    match servers.split_first() {
        Some((first, rest)) if rest.iter().all(|s| s.info.version == first.info.version) => {
            vec![ServerInfo { component: CONTROL_PLANE.to_string(), revision: String::new(), info: first.info.clone() }]
        }
        _ => servers.to_vec(),
    }
}

/// Upstream's `renderProxyVersions`: `none`, or `1.30.3 (2 proxies), ...` per version, versions sorted.
pub fn proxy_summary(proxies: &[ProxyInfo]) -> String {
    if proxies.is_empty() {
        return "none".to_string();
    }
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for p in proxies {
        *counts.entry(p.istio_version.as_str()).or_default() += 1;
    }
    counts.iter().map(|(v, n)| format!("{v} ({n} proxies)")).collect::<Vec<_>>().join(", ")
}

/// Escapes what Go's `encoding/json` escapes and serde_json does not (`<`, `>`, `&`, U+2028, U+2029). In
/// JSON text these characters can only occur inside strings, so replacing them everywhere is safe.
pub fn go_json_escape(json: &str) -> String {
    // U+2028 and U+2029 are encoded `E2 80 A8`/`A9`: without these bytes there is nothing to escape.
    if !json.bytes().any(|b| matches!(b, b'<' | b'>' | b'&' | 0xE2)) {
        return json.to_string();
    }
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// What an istiod's `/version` endpoint (monitoring port) says, read as upstream reads it: a JSON document
/// with a non-empty `clientVersion.version`, or else istiod's own plain form
/// `VERSION-GITREVISION-STATUS` (`1.30.3-0123abcd-Clean`, `1.30.3-dev-0123abcd-dirty-Modified`). `None` for
/// an empty answer (upstream skips that instance).
pub fn parse_istiod_version(body: &[u8]) -> Option<BuildInfo> {
    #[derive(Deserialize)]
    struct Document {
        #[serde(rename = "clientVersion")]
        client_version: Option<BuildInfo>,
    }
    if let Ok(Document { client_version: Some(info) }) = serde_json::from_slice::<Document>(body)
        && !info.version.is_empty()
    {
        return Some(info);
    }
    if body.is_empty() {
        return None;
    }
    let text = String::from_utf8_lossy(body);
    let parts: Vec<&str> = text.split('-').collect();
    let mut info = BuildInfo::default();
    match parts.as_slice() {
        [.., a, b, status] if *b == "dirty" => {
            info.version = parts.get(..parts.len() - 3).unwrap_or_default().join("-");
            info.git_revision = format!("{a}-dirty");
            info.build_status = (*status).to_string();
            info.git_tag = info.version.clone();
        }
        [version @ .., revision, status] if !version.is_empty() => {
            info.version = version.join("-");
            info.git_revision = (*revision).to_string();
            info.build_status = (*status).to_string();
            info.git_tag = info.version.clone();
        }
        _ => info.version = text.into_owned(),
    }
    Some(info)
}

/// The proxies in an istiod's `/debug/syncz` answer (a JSON list of sync statuses), with node type `router`
/// shown as `gateway`, as upstream does.
pub fn parse_syncz(body: &[u8]) -> Result<Vec<ProxyInfo>, serde_json::Error> {
    #[derive(Deserialize)]
    struct SyncStatus {
        #[serde(default)]
        proxy: String,
        #[serde(default)]
        proxy_type: String,
        #[serde(default)]
        istio_version: String,
    }
    let statuses: Vec<SyncStatus> = serde_json::from_slice(body)?;
    Ok(statuses
        .into_iter()
        .map(|s| ProxyInfo {
            id: s.proxy,
            istio_version: s.istio_version,
            kind: if s.proxy_type == "router" { "gateway".to_string() } else { s.proxy_type },
        })
        .collect())
}

/// Upstream's `GetTagVersion`: a version tag normalised to `MAJOR.MINOR.PATCH` (a leading `v` and any
/// pre-release or build suffix dropped, missing parts read as 0); `None` when it is not a version.
pub fn tag_version(tag: &str) -> Option<String> {
    let core = tag.strip_prefix('v').unwrap_or(tag);
    let core = core.split(['-', '+']).next().unwrap_or_default();
    let numbers: Vec<u64> = core.split('.').map(|p| p.parse::<u64>().ok()).collect::<Option<_>>()?;
    if numbers.is_empty() {
        return None;
    }
    let at = |i: usize| numbers.get(i).copied().unwrap_or(0);
    Some(format!("{}.{}.{}", at(0), at(1), at(2)))
}

/// Which way an install moves the running control plane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionDrift {
    /// The newest version running in the revision being installed.
    pub from: String,
    /// This build's version.
    pub to: String,
    /// Whether `to` sorts after `from` (a plain string comparison, as upstream: 1.9 sorts after 1.30).
    pub upgrade: bool,
    /// Whether the default revision is being overwritten in place.
    pub default_revision: bool,
}

impl VersionDrift {
    /// Upstream's `detectIstioVersionDiff`: compares this build's `tag` with the newest version (by string
    /// order) that the instances of `revision` report. `None` when they agree, when none of them runs, or
    /// when any reported tag is not a version (upstream then says nothing).
    pub fn detect(tag: &str, revision: &str, running: &[ServerInfo]) -> Option<VersionDrift> {
        let to = tag_version(tag)?;
        let mut tags: Vec<String> = running
            .iter()
            .filter(|s| s.revision == revision)
            .map(|s| tag_version(&s.info.git_tag))
            .collect::<Option<_>>()?;
        tags.sort();
        let from = tags.pop()?;
        (from != to).then(|| VersionDrift {
            upgrade: from < to,
            from,
            to,
            default_revision: revision == DEFAULT_REVISION,
        })
    }

    /// The notice, after `marker` (upstream's `WARNING:`, coloured on a terminal). Ends with a newline.
    pub fn notice(&self, marker: &str) -> String {
        let verb = if self.upgrade { "upgraded" } else { "downgraded" };
        let mut out = format!("{marker} Istio is being {verb} from {} to {}.\n", self.from, self.to);
        if self.default_revision {
            out.push_str(
                "         Running this command will overwrite it; use revisions to upgrade alongside the existing version.\n",
            );
        }
        out.push_str(
            "         Before upgrading, you may wish to use 'istioctl x precheck' to check for upgrade warnings.\n",
        );
        out
    }
}

/// The marker upstream puts before warnings such as [`VersionDrift::notice`].
pub const WARNING_MARKER: &str = "WARNING:";

/// Several errors in the layout of Go's `hashicorp/go-multierror` (which upstream prints as is); one error is
/// printed alone by callers.
pub fn go_multierror<S: AsRef<str>>(errors: &[S]) -> String {
    let items: String = errors.iter().map(|e| format!("\t* {}\n", e.as_ref())).collect();
    let noun = if errors.len() == 1 { "error" } else { "errors" };
    format!("{} {noun} occurred:\n{items}\n", errors.len())
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
        let report = VersionReport { client_version: BuildInfo::client(), ..VersionReport::default() };
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

    fn server(component: &str, revision: &str, version: &str) -> ServerInfo {
        ServerInfo {
            component: component.into(),
            revision: revision.into(),
            info: BuildInfo { version: version.into(), git_tag: version.into(), ..BuildInfo::default() },
        }
    }

    fn proxy(id: &str, version: &str) -> ProxyInfo {
        ProxyInfo { id: id.into(), istio_version: version.into(), kind: "sidecar".into() }
    }

    fn report(mesh: Option<Vec<ServerInfo>>, proxies: Option<Vec<ProxyInfo>>) -> VersionReport {
        let client = BuildInfo { version: "1.30.3".into(), ..BuildInfo::default() };
        VersionReport { client_version: client, mesh_version: mesh, data_plane_version: proxies }
    }

    #[test]
    fn short_form_merges_agreeing_instances() {
        let same = report(Some(vec![server("pilot", "default", "1.30.3"), server("pilot", "default", "1.30.3")]), None);
        assert_eq!(
            same.render(VersionFormat::Short).ok().as_deref(),
            Some("client version: 1.30.3\ncontrol plane version: 1.30.3\n")
        );
        let mixed = report(
            Some(vec![server("pilot", "default", "1.29.0"), server("pilot", "canary", "1.30.3")]),
            Some(vec![proxy("b.ns", "1.30.3"), proxy("a.ns", "1.29.0"), proxy("c.ns", "1.30.3")]),
        );
        assert_eq!(
            mixed.render(VersionFormat::Short).ok().as_deref(),
            Some(
                "client version: 1.30.3\npilot version: 1.29.0\npilot version: 1.30.3\n\
                 data plane version: 1.29.0 (1 proxies), 1.30.3 (2 proxies)\n"
            )
        );
        let empty = report(Some(Vec::new()), Some(Vec::new()));
        assert_eq!(
            empty.render(VersionFormat::Short).ok().as_deref(),
            Some("client version: 1.30.3\ndata plane version: none\n")
        );
    }

    #[test]
    fn long_form_prints_each_part_in_go_syntax() {
        let r = report(Some(vec![server("pilot", "default", "1.30.3")]), Some(vec![proxy("a.ns", "1.30.3")]));
        let text = r.render(VersionFormat::Long).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines.get(1).copied(),
            Some(
                r#"pilot version: version.BuildInfo{Version:"1.30.3", GitRevision:"", GolangVersion:"", BuildStatus:"", GitTag:"1.30.3"}"#
            )
        );
        assert_eq!(
            lines.get(2).copied(),
            Some(r#"data plane version: version.ProxyInfo{ID:"a.ns", IstioVersion:"1.30.3", Type:"sidecar"}"#)
        );
    }

    #[test]
    fn json_keeps_empty_lists_and_escapes_like_go() {
        let r = report(Some(Vec::new()), None);
        let text = r.render(VersionFormat::Json).unwrap_or_default();
        assert!(text.contains("\"meshVersion\": []"), "{text}");
        assert!(!text.contains("dataPlaneVersion"), "{text}");
        assert_eq!(go_json_escape("\"<a&b>\""), r#""\u003ca\u0026b\u003e""#);
    }

    #[test]
    fn istiod_answers_in_both_forms() {
        let plain = parse_istiod_version(b"1.30.3-0123abc-Clean").unwrap_or_default();
        assert_eq!(
            (plain.version.as_str(), plain.git_revision.as_str(), plain.build_status.as_str(), plain.git_tag.as_str()),
            ("1.30.3", "0123abc", "Clean", "1.30.3")
        );
        let dirty = parse_istiod_version(b"1.12.0-custom-016bc46-dirty-Modified").unwrap_or_default();
        assert_eq!(
            (dirty.version.as_str(), dirty.git_revision.as_str(), dirty.build_status.as_str()),
            ("1.12.0-custom", "016bc46-dirty", "Modified")
        );
        assert_eq!(parse_istiod_version(b"1.30").map(|i| i.version).as_deref(), Some("1.30"));
        let json = br#"{"clientVersion": {"version": "1.29.1", "revision": "r", "golang_version": "go1.24", "status": "Clean", "tag": "1.29.1"}}"#;
        let doc = parse_istiod_version(json).unwrap_or_default();
        assert_eq!((doc.version.as_str(), doc.golang_version.as_str()), ("1.29.1", "go1.24"));
        assert_eq!(parse_istiod_version(b""), None);
    }

    #[test]
    fn syncz_proxies_with_user_facing_types() {
        let body = br#"[{"proxy": "gw.istio-system", "proxy_type": "router", "istio_version": "1.30.3", "cluster_id": "Kubernetes"},
                        {"proxy": "app.foo", "proxy_type": "sidecar", "istio_version": "1.29.0"}]"#;
        let proxies = parse_syncz(body).unwrap_or_default();
        let got: Vec<(&str, &str, &str)> =
            proxies.iter().map(|p| (p.id.as_str(), p.istio_version.as_str(), p.kind.as_str())).collect();
        assert_eq!(got, [("gw.istio-system", "1.30.3", "gateway"), ("app.foo", "1.29.0", "sidecar")]);
        assert!(parse_syncz(b"not json").is_err());
    }

    #[test]
    fn tags_normalise_like_upstream() {
        assert_eq!(tag_version("1.30.3").as_deref(), Some("1.30.3"));
        assert_eq!(tag_version("v1.29").as_deref(), Some("1.29.0"));
        assert_eq!(tag_version("1.31.0-beta.1").as_deref(), Some("1.31.0"));
        assert_eq!(tag_version("latest"), None);
        assert_eq!(tag_version(""), None);
    }

    #[test]
    fn drift_compares_strings_within_the_revision() {
        let running = [server("pilot", "default", "1.29.0"), server("pilot", "canary", "1.31.0")];
        let up = VersionDrift::detect("1.30.3", "default", &running);
        assert_eq!(up.as_ref().map(|d| (d.from.as_str(), d.upgrade)), Some(("1.29.0", true)));
        assert_eq!(
            up.map(|d| d.notice("WARNING:")).unwrap_or_default(),
            "WARNING: Istio is being upgraded from 1.29.0 to 1.30.3.\n\
             \x20        Running this command will overwrite it; use revisions to upgrade alongside the existing version.\n\
             \x20        Before upgrading, you may wish to use 'istioctl x precheck' to check for upgrade warnings.\n"
        );
        let canary = VersionDrift::detect("1.30.3", "canary", &running).unwrap_or_else(|| panic!("drift expected"));
        assert!(!canary.upgrade && !canary.default_revision);
        assert_eq!(canary.notice("W").lines().count(), 2);
        // As strings, 1.9.0 is newer than 1.30.3.
        let old = [server("pilot", "default", "1.9.0")];
        assert_eq!(VersionDrift::detect("1.30.3", "default", &old).map(|d| d.upgrade), Some(false));
        assert_eq!(VersionDrift::detect("1.30.3", "default", &[server("pilot", "default", "1.30.3")]), None);
        assert_eq!(VersionDrift::detect("1.30.3", "default", &[server("pilot", "default", "dev")]), None);
        assert_eq!(VersionDrift::detect("1.30.3", "other", &running), None);
    }

    #[test]
    fn multierror_layout() {
        assert_eq!(go_multierror(&["a", "b"]), "2 errors occurred:\n\t* a\n\t* b\n\n");
        assert_eq!(go_multierror(&["a"]), "1 error occurred:\n\t* a\n\n");
    }
}
