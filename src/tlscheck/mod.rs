//! Which TLS versions a mesh endpoint accepts, and whether that matches the configured minimum
//! (`meshMTLS.minProtocolVersion`).
//!
//! Two kinds of probe produce the same [`Probe`] results: [`local`] handshakes from this machine with rustls, and
//! [`openssl`] interprets `openssl s_client` output (run inside a pod through the Kubernetes exec API by
//! [`remote`]). [`verdict::judge`] turns the results into a verdict without any I/O.

pub mod local;
pub mod mesh;
pub mod openssl;
pub mod remote;
pub mod verdict;

use std::fmt;

use serde::Serialize;

pub use mesh::{MeshConfigError, mesh_tls_from_config_map};
pub use verdict::{Expectation, Verdict, judge};

/// The ALPN protocol Istio's mTLS listeners expect (`istio`); the probes offer it unless told otherwise.
pub const DEFAULT_ALPN: &str = "istio";

/// Why a connection that closed without any TLS record counts as "not TLS".
pub const NO_TLS_RESPONSE: &str = "the connection closed without a TLS response or alert";

/// A TLS version a probe can be limited to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum TlsVersion {
    /// TLS 1.2.
    #[serde(rename = "TLSv1.2")]
    Tls12,
    /// TLS 1.3.
    #[serde(rename = "TLSv1.3")]
    Tls13,
}

impl TlsVersion {
    /// Both versions, in the order the probes run and the table lists them.
    pub const ALL: [TlsVersion; 2] = [TlsVersion::Tls12, TlsVersion::Tls13];

    /// The name OpenSSL prints for the version (`TLSv1.2`, `TLSv1.3`).
    pub fn label(self) -> &'static str {
        match self {
            Self::Tls12 => "TLSv1.2",
            Self::Tls13 => "TLSv1.3",
        }
    }
}

impl fmt::Display for TlsVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// What one handshake attempt found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "result", rename_all = "kebab-case")]
pub enum Outcome {
    /// The handshake completed at the probed version.
    Accepted {
        /// The negotiated cipher suite, as the probe names it.
        cipher: String,
        /// The negotiated ALPN protocol, if any.
        alpn: Option<String>,
    },
    /// The peer speaks TLS but refused the handshake (e.g. a `protocol_version` alert).
    Refused {
        /// Why, as the TLS stack reported it.
        error: String,
    },
    /// Something answered, but not with TLS (or it closed the connection without a TLS record).
    NotTls {
        /// What the TLS stack saw.
        error: String,
    },
    /// No connection could be made (refused, unreachable, unresolvable, timed out).
    Unreachable {
        /// The connection error.
        error: String,
    },
    /// The probe itself could not run (e.g. no `openssl` in the container).
    ProbeFailed {
        /// Why.
        error: String,
    },
}

impl Outcome {
    /// Short word for tables: accepted, refused, not-tls, unreachable, probe-failed.
    pub fn word(&self) -> &'static str {
        match self {
            Self::Accepted { .. } => "accepted",
            Self::Refused { .. } => "refused",
            Self::NotTls { .. } => "not-tls",
            Self::Unreachable { .. } => "unreachable",
            Self::ProbeFailed { .. } => "probe-failed",
        }
    }

    /// Whether the handshake completed.
    pub fn accepted(&self) -> bool {
        matches!(self, Self::Accepted { .. })
    }

    /// The error text of an outcome that is not an acceptance.
    pub fn error(&self) -> Option<&str> {
        match self {
            Self::Accepted { .. } => None,
            Self::Refused { error }
            | Self::NotTls { error }
            | Self::Unreachable { error }
            | Self::ProbeFailed { error } => Some(error),
        }
    }
}

/// One probe's version and outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Probe {
    /// The version the client was limited to.
    pub version: TlsVersion,
    /// What happened.
    #[serde(flatten)]
    pub outcome: Outcome,
}

/// An endpoint to probe: `host:port` (`[v6]:port` for IPv6 literals).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Target {
    /// Host name or IP address, without brackets.
    pub host: String,
    /// TCP port.
    pub port: u16,
}

/// An address that is not `host:port`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid address {0:?}: expected HOST:PORT (e.g. reviews.default.svc:9080 or [::1]:15006)")]
pub struct BadAddress(pub String);

impl std::str::FromStr for Target {
    type Err = BadAddress;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || BadAddress(s.to_string());
        let (host, port) = s.rsplit_once(':').ok_or_else(bad)?;
        let host = match host.strip_prefix('[') {
            Some(inner) => inner.strip_suffix(']').ok_or_else(bad)?,
            None if host.contains(':') => return Err(bad()),
            None => host,
        };
        let port: u16 = port.parse().map_err(|_| bad())?;
        if host.is_empty() || port == 0 {
            return Err(bad());
        }
        Ok(Self { host: host.to_string(), port })
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.host.contains(':') {
            write!(f, "[{}]:{}", self.host, self.port)
        } else {
            write!(f, "{}:{}", self.host, self.port)
        }
    }
}

/// What every probe of one check offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProbeOptions {
    /// ALPN protocols to offer, in preference order (empty: none).
    pub alpn: Vec<String>,
    /// Server name to send; `None` sends the target's host when it is a DNS name.
    pub sni: Option<String>,
    /// How long connecting plus handshaking may take.
    pub timeout: std::time::Duration,
}

impl Default for ProbeOptions {
    fn default() -> Self {
        Self { alpn: vec![DEFAULT_ALPN.to_string()], sni: None, timeout: std::time::Duration::from_secs(5) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_result_names_are_the_table_words() {
        let outcomes = [
            Outcome::Accepted { cipher: String::new(), alpn: None },
            Outcome::Refused { error: String::new() },
            Outcome::NotTls { error: String::new() },
            Outcome::Unreachable { error: String::new() },
            Outcome::ProbeFailed { error: String::new() },
        ];
        for o in outcomes {
            let json = serde_json::to_value(Probe { version: TlsVersion::Tls12, outcome: o.clone() }).unwrap();
            assert_eq!(json["result"], o.word());
            assert_eq!(json["version"], "TLSv1.2");
        }
    }

    #[test]
    fn targets_parse_host_port_and_bracketed_ipv6() {
        let t: Target = "reviews.default.svc:9080".parse().unwrap();
        assert_eq!((t.host.as_str(), t.port), ("reviews.default.svc", 9080));
        let t: Target = "[::1]:15006".parse().unwrap();
        assert_eq!((t.host.as_str(), t.port, t.to_string().as_str()), ("::1", 15006, "[::1]:15006"));
        for bad in ["", "host", ":80", "host:", "host:0", "host:99999", "::1:80", "[::1:80", "host:x"] {
            assert_eq!(bad.parse::<Target>(), Err(BadAddress(bad.to_string())), "{bad}");
        }
    }
}
