//! The verdict: does what an endpoint accepts match the configured minimum TLS version? Pure logic, no I/O.

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use super::{Outcome, Probe, TlsVersion};
use crate::operator::TLS_PROTOCOLS;

/// A configured minimum (`MeshConfig.TLSConfig.TLSProtocol`), as `--expect` or the mesh config names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Expectation {
    /// `TLS_AUTO`: Envoy's default minimum, TLS 1.2.
    #[serde(rename = "TLS_AUTO")]
    Auto,
    /// `TLSV1_2`.
    #[serde(rename = "TLSV1_2")]
    Tls12,
    /// `TLSV1_3`.
    #[serde(rename = "TLSV1_3")]
    Tls13,
}

impl Expectation {
    /// In [`TLS_PROTOCOLS`] order.
    const ALL: [Expectation; 3] = [Expectation::Auto, Expectation::Tls12, Expectation::Tls13];

    /// The enum name (`TLS_AUTO`, `TLSV1_2`, `TLSV1_3`).
    pub fn name(self) -> &'static str {
        let index = Self::ALL.iter().position(|e| *e == self).unwrap_or_default();
        TLS_PROTOCOLS.get(index).copied().unwrap_or_default()
    }

    /// The lowest version an endpoint configured this way must accept.
    pub fn minimum(self) -> TlsVersion {
        match self {
            Self::Auto | Self::Tls12 => TlsVersion::Tls12,
            Self::Tls13 => TlsVersion::Tls13,
        }
    }
}

impl fmt::Display for Expectation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is not one of [`TLS_PROTOCOLS`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown TLS protocol version {0:?}; expected one of {list}", list = TLS_PROTOCOLS.join(", "))]
pub struct UnknownProtocol(pub String);

impl FromStr for Expectation {
    type Err = UnknownProtocol;

    /// Accepts the enum names in any case (`TLSV1_3`, `tlsv1_3`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        TLS_PROTOCOLS
            .iter()
            .position(|name| name.eq_ignore_ascii_case(s.trim()))
            .and_then(|i| Self::ALL.get(i).copied())
            .ok_or_else(|| UnknownProtocol(s.to_string()))
    }
}

/// Whether the endpoint matches, with a one-line explanation either way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// True when what the endpoint accepts matches the expectation.
    pub ok: bool,
    /// One line saying why.
    pub message: String,
}

impl Verdict {
    fn pass(message: String) -> Self {
        Self { ok: true, message }
    }

    fn fail(message: String) -> Self {
        Self { ok: false, message }
    }
}

/// Whether a handshake error is the server refusing the offered ALPN protocols rather than the TLS version
/// (rustls: `NoApplicationProtocol`; OpenSSL: `no application protocol`).
fn is_alpn_refusal(error: &str) -> bool {
    let e = error.to_ascii_lowercase().replace(' ', "");
    e.contains("noapplicationprotocol")
}

/// Judges the probes of one endpoint against the expected minimum:
/// - `TLSV1_3`: TLS 1.3 accepted and TLS 1.2 refused;
/// - `TLSV1_2`, `TLS_AUTO`: TLS 1.2 accepted.
///
/// A probe that could not connect, found no TLS, or could not run makes the check fail with that reason,
/// unless the probes that decide the verdict are conclusive on their own.
pub fn judge(expect: Expectation, probes: &[Probe]) -> Verdict {
    let find = |v: TlsVersion| probes.iter().find(|p| p.version == v).map(|p| &p.outcome);
    let (tls12, tls13) = (find(TlsVersion::Tls12), find(TlsVersion::Tls13));

    // Reasons that make a probe inconclusive: the endpoint was never asked the question.
    let blocker = |o: Option<&Outcome>, v: TlsVersion| -> Option<String> {
        match o {
            None => Some(format!("no {v} probe was made")),
            Some(Outcome::Unreachable { error }) => Some(format!("cannot connect to the endpoint: {error}")),
            Some(Outcome::NotTls { error }) => Some(format!("the endpoint does not speak TLS ({v} probe: {error})")),
            Some(Outcome::ProbeFailed { error }) => Some(format!("the {v} probe failed: {error}")),
            Some(Outcome::Accepted { .. } | Outcome::Refused { .. }) => None,
        }
    };
    let refusal = |o: Option<&Outcome>| {
        let error = o.and_then(Outcome::error).unwrap_or_default();
        if is_alpn_refusal(error) {
            format!("{error}; the server rejected the offered ALPN protocols, see --alpn")
        } else {
            error.to_string()
        }
    };

    match expect {
        Expectation::Tls13 => {
            if let Some(reason) = blocker(tls13, TlsVersion::Tls13).or_else(|| blocker(tls12, TlsVersion::Tls12)) {
                return Verdict::fail(reason);
            }
            match (tls12.is_some_and(Outcome::accepted), tls13.is_some_and(Outcome::accepted)) {
                (false, true) => Verdict::pass(format!("TLSv1.3 accepted and TLSv1.2 refused, as {expect} requires")),
                (true, true) => Verdict::fail(format!(
                    "TLSv1.2 is accepted although the configured minimum is {expect}: the endpoint does not enforce it"
                )),
                (true, false) => Verdict::fail(format!(
                    "TLSv1.2 is accepted and TLSv1.3 refused ({}), but the configured minimum is {expect}",
                    refusal(tls13)
                )),
                (false, false) => Verdict::fail(format!(
                    "both TLSv1.2 and TLSv1.3 are refused (TLSv1.3: {}); expected TLSv1.3 to be accepted for {expect}",
                    refusal(tls13)
                )),
            }
        }
        Expectation::Auto | Expectation::Tls12 => {
            if let Some(reason) = blocker(tls12, TlsVersion::Tls12) {
                return Verdict::fail(reason);
            }
            if tls12.is_some_and(Outcome::accepted) {
                Verdict::pass(format!("TLSv1.2 accepted, as the configured minimum {expect} allows"))
            } else {
                Verdict::fail(format!(
                    "TLSv1.2 is refused ({}) although the configured minimum is {expect}: the endpoint enforces a \
                     stricter minimum than configured",
                    refusal(tls12)
                ))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepted() -> Outcome {
        Outcome::Accepted { cipher: "TLS13_AES_256_GCM_SHA384".into(), alpn: Some("istio".into()) }
    }

    fn refused() -> Outcome {
        Outcome::Refused { error: "received fatal alert: ProtocolVersion".into() }
    }

    fn probes(tls12: Outcome, tls13: Outcome) -> Vec<Probe> {
        vec![Probe { version: TlsVersion::Tls12, outcome: tls12 }, Probe { version: TlsVersion::Tls13, outcome: tls13 }]
    }

    #[test]
    fn names_parse_in_any_case_and_round_trip() {
        for name in TLS_PROTOCOLS {
            let e: Expectation = name.parse().unwrap();
            assert_eq!(e.name(), *name);
            assert_eq!(name.to_lowercase().parse::<Expectation>(), Ok(e));
        }
        let err = "TLSV1_1".parse::<Expectation>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown TLS protocol version \"TLSV1_1\"; expected one of TLS_AUTO, TLSV1_2, TLSV1_3"
        );
    }

    #[test]
    fn tls13_minimum_needs_13_accepted_and_12_refused() {
        let v = judge(Expectation::Tls13, &probes(refused(), accepted()));
        assert!(v.ok, "{v:?}");
        let v = judge(Expectation::Tls13, &probes(accepted(), accepted()));
        assert!(!v.ok);
        assert!(v.message.contains("TLSv1.2 is accepted although the configured minimum is TLSV1_3"), "{}", v.message);
        let v = judge(Expectation::Tls13, &probes(accepted(), refused()));
        assert!(!v.ok && v.message.contains("TLSv1.3 refused (received fatal alert"), "{}", v.message);
        let v = judge(Expectation::Tls13, &probes(refused(), refused()));
        assert!(!v.ok && v.message.starts_with("both TLSv1.2 and TLSv1.3 are refused"), "{}", v.message);
    }

    #[test]
    fn tls12_and_auto_minimum_need_12_accepted() {
        for e in [Expectation::Tls12, Expectation::Auto] {
            assert!(judge(e, &probes(accepted(), accepted())).ok);
            assert!(judge(e, &probes(accepted(), refused())).ok);
            let v = judge(e, &probes(refused(), accepted()));
            assert!(!v.ok && v.message.contains(&format!("configured minimum is {e}")), "{}", v.message);
        }
    }

    #[test]
    fn unreachable_and_non_tls_endpoints_fail_with_the_reason() {
        let down = || Outcome::Unreachable { error: "Connection refused (os error 111)".into() };
        for e in [Expectation::Tls12, Expectation::Tls13] {
            let v = judge(e, &probes(down(), down()));
            assert_eq!(v, Verdict::fail("cannot connect to the endpoint: Connection refused (os error 111)".into()));
        }
        let plain = || Outcome::NotTls { error: "received corrupt message".into() };
        let v = judge(Expectation::Tls13, &probes(plain(), plain()));
        assert!(!v.ok && v.message.starts_with("the endpoint does not speak TLS (TLSv1.3 probe"), "{}", v.message);
        let v = judge(Expectation::Auto, &probes(Outcome::ProbeFailed { error: "no openssl".into() }, accepted()));
        assert_eq!(v.message, "the TLSv1.2 probe failed: no openssl");
    }

    #[test]
    fn an_alpn_refusal_says_so() {
        let alpn = |e: &str| Outcome::Refused { error: e.into() };
        for e in ["received fatal alert: NoApplicationProtocol", "tlsv1 alert no application protocol"] {
            let v = judge(Expectation::Tls13, &probes(alpn(e), alpn(e)));
            assert!(!v.ok && v.message.contains("rejected the offered ALPN protocols, see --alpn"), "{}", v.message);
        }
        let v = judge(Expectation::Tls13, &probes(refused(), refused()));
        assert!(!v.message.contains("ALPN"), "{}", v.message);
    }

    #[test]
    fn a_missing_probe_is_never_a_pass() {
        let only13 = vec![Probe { version: TlsVersion::Tls13, outcome: accepted() }];
        assert!(!judge(Expectation::Tls13, &only13).ok);
        assert!(!judge(Expectation::Tls12, &only13).ok);
        assert!(!judge(Expectation::Tls13, &[]).ok);
    }
}
