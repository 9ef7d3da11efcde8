//! Why a cluster operation failed, keeping the API server's status (code and reason).

use std::fmt;
use std::time::Duration;

use super::object::{Kind, ObjectRef};

/// An object that did not become ready in time, and what is known about why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotReadyObject {
    /// The object.
    pub object: ObjectRef,
    /// Why, when known: a waiting container reason, a failing condition, the last warning events.
    pub reason: Option<String>,
}

impl fmt::Display for NotReadyObject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.reason {
            Some(reason) => write!(f, "  {} ({reason})", self.object.wait_id()),
            None => write!(f, "  {}", self.object.wait_id()),
        }
    }
}

/// Why a cluster operation failed.
#[derive(Debug, thiserror::Error)]
pub enum ClusterError {
    /// The kubeconfig could not be loaded or names no usable cluster.
    #[error("{0}")]
    Config(String),
    /// The API server answered with an error status.
    #[error("{message}")]
    Api {
        /// HTTP status code.
        code: u16,
        /// The status reason (`NotFound`, `Conflict`, `TooManyRequests`, ...).
        reason: String,
        /// The status message.
        message: String,
        /// `details.retryAfterSeconds`, when the server suggested a delay.
        retry_after: Option<Duration>,
    },
    /// The server does not serve this kind (client-go's wording).
    #[error("no matches for kind {:?} in version {:?}", .0.kind, .0.api_version)]
    UnknownKind(Kind),
    /// The request could not be sent or its answer not read.
    #[error("{0}")]
    Transport(String),
    /// A single request took longer than `--kubeclient-timeout`.
    #[error("request timed out after {}", format_go_duration(*.0))]
    Timeout(Duration),
    /// Objects did not become ready before the readiness timeout.
    #[error("resources not ready after {}: context deadline exceeded\n{}", format_go_duration(*.timeout),
        .objects.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    NotReady {
        /// The timeout that passed.
        timeout: Duration,
        /// Each object still not ready.
        objects: Vec<NotReadyObject>,
    },
    /// Objects were still present when the deletion wait ended.
    #[error("resources not deleted after {}: {}", format_go_duration(*.timeout),
        .objects.iter().map(ObjectRef::wait_id).collect::<Vec<_>>().join(", "))]
    NotDeleted {
        /// The timeout that passed.
        timeout: Duration,
        /// Objects still present.
        objects: Vec<ObjectRef>,
    },
    /// The object cannot be sent as it is (no kind, no name, not an object).
    #[error("invalid object: {0}")]
    InvalidObject(String),
}

impl ClusterError {
    /// The HTTP status code, for errors the server answered.
    pub fn code(&self) -> Option<u16> {
        match self {
            Self::Api { code, .. } => Some(*code),
            _ => None,
        }
    }

    /// Whether the server said the object does not exist.
    pub fn is_not_found(&self) -> bool {
        self.code() == Some(404)
    }
}

impl From<kube::Error> for ClusterError {
    fn from(err: kube::Error) -> Self {
        match err {
            kube::Error::Api(status) => Self::Api {
                code: status.code,
                reason: status.reason.clone(),
                message: if status.message.is_empty() { status.reason.clone() } else { status.message.clone() },
                retry_after: status
                    .details
                    .as_ref()
                    .map(|d| d.retry_after_seconds)
                    .filter(|s| *s > 0)
                    .map(|s| Duration::from_secs(u64::from(s))),
            },
            kube::Error::InferConfig(e) => Self::Config(e.to_string()),
            kube::Error::Discovery(e) => Self::Transport(format!("discovery: {e}")),
            other => Self::Transport(with_causes(&other)),
        }
    }
}

/// An error followed by each of its causes that adds something (`client error (Connect): tcp connect error:
/// Connection refused (os error 111)`), so that a transport failure says what actually failed.
fn with_causes(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut cause = err.source();
    while let Some(c) = cause {
        let more = c.to_string();
        if !text.contains(&more) {
            text = format!("{text}: {more}");
        }
        cause = c.source();
    }
    text
}

/// Formats a duration the way Go's `time.Duration.String` does (`5m0s`, `1.5s`, `300ms`, `1h0m0s`).
pub fn format_go_duration(d: Duration) -> String {
    let nanos = d.as_nanos();
    if nanos == 0 {
        return "0s".to_string();
    }
    if nanos < 1_000_000_000 {
        let (unit, div) = match nanos {
            n if n < 1_000 => return format!("{n}ns"),
            n if n < 1_000_000 => ("µs", 1_000u128),
            _ => ("ms", 1_000_000u128),
        };
        return format!("{}{unit}", fraction(nanos, div));
    }
    let secs = nanos / 1_000_000_000;
    let (h, m) = (secs / 3600, (secs / 60) % 60);
    let s = fraction(nanos % 60_000_000_000, 1_000_000_000);
    match (h, m) {
        (0, 0) => format!("{s}s"),
        (0, m) => format!("{m}m{s}s"),
        (h, m) => format!("{h}h{m}m{s}s"),
    }
}

/// `value / div` with Go's shortest decimal fraction (no trailing zeros).
fn fraction(value: u128, div: u128) -> String {
    let whole = value / div;
    let rest = value % div;
    if rest == 0 {
        return whole.to_string();
    }
    let width = div.ilog10() as usize;
    let digits = format!("{rest:0width$}");
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug)]
    struct Layer(&'static str, Option<Box<Layer>>);

    impl fmt::Display for Layer {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(self.0)
        }
    }

    impl std::error::Error for Layer {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            self.1.as_deref().map(|l| l as &(dyn std::error::Error + 'static))
        }
    }

    #[test]
    fn causes_are_appended_unless_already_said() {
        let refused = Layer("connection refused", None);
        let connect = Layer("client error (Connect)", Some(Box::new(refused)));
        let service = Layer("ServiceError: client error (Connect)", Some(Box::new(connect)));
        assert_eq!(with_causes(&service), "ServiceError: client error (Connect): connection refused");
    }

    #[test]
    fn go_duration_strings() {
        assert_eq!(format_go_duration(Duration::from_secs(300)), "5m0s");
        assert_eq!(format_go_duration(Duration::from_secs(15)), "15s");
        assert_eq!(format_go_duration(Duration::from_millis(1500)), "1.5s");
        assert_eq!(format_go_duration(Duration::from_millis(300)), "300ms");
        assert_eq!(format_go_duration(Duration::from_secs(3600)), "1h0m0s");
        assert_eq!(format_go_duration(Duration::from_secs(3661)), "1h1m1s");
        assert_eq!(format_go_duration(Duration::ZERO), "0s");
        assert_eq!(format_go_duration(Duration::from_nanos(1500)), "1.5µs");
    }

    #[test]
    fn api_errors_keep_code_reason_and_suggested_delay() {
        let status: kube::core::Status = serde_json::from_value(serde_json::json!({
            "status": "Failure", "code": 429, "reason": "TooManyRequests", "message": "slow down",
            "details": {"retryAfterSeconds": 3}
        }))
        .unwrap();
        let err = ClusterError::from(kube::Error::Api(Box::new(status)));
        match &err {
            ClusterError::Api { code, reason, retry_after, .. } => {
                assert_eq!(
                    (*code, reason.as_str(), *retry_after),
                    (429, "TooManyRequests", Some(Duration::from_secs(3)))
                );
            }
            other => panic!("not an API error: {other:?}"),
        }
        assert_eq!(err.to_string(), "slow down");
    }

    #[test]
    fn not_ready_names_each_object_and_reason() {
        let err = ClusterError::NotReady {
            timeout: Duration::from_secs(2),
            objects: vec![NotReadyObject {
                object: ObjectRef::new(Kind::new("apps/v1", "Deployment"), Some("istio-system"), "istiod"),
                reason: Some("container failed to start: ImagePullBackOff: back-off".into()),
            }],
        };
        assert_eq!(
            err.to_string(),
            "resources not ready after 2s: context deadline exceeded\n  Deployment/istio-system/istiod \
             (container failed to start: ImagePullBackOff: back-off)"
        );
    }
}
