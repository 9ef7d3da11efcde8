//! Retries of idempotent requests: capped exponential backoff on throttling (429, honouring the server's
//! suggested delay), server errors (5xx), conflicts and timeouts or broken connections.

use std::future::Future;
use std::time::Duration;

use super::error::ClusterError;

/// How often and how long to retry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backoff {
    /// Delay before the first retry.
    pub initial: Duration,
    /// No computed delay is longer than this.
    pub max: Duration,
    /// A server's suggested delay (`Retry-After`, `retryAfterSeconds`) is honoured up to this.
    pub max_suggested: Duration,
    /// Attempts in total, the first included.
    pub attempts: u32,
}

impl Default for Backoff {
    fn default() -> Self {
        Self {
            initial: Duration::from_millis(100),
            max: Duration::from_secs(2),
            max_suggested: Duration::from_secs(30),
            attempts: 8,
        }
    }
}

impl Backoff {
    /// The delay before retry number `retry` (0-based): the server's suggestion when it gave one (at most
    /// `max_suggested`), else `initial * 2^retry` capped at `max`.
    pub fn delay(&self, retry: u32, suggested: Option<Duration>) -> Duration {
        match suggested {
            Some(s) => s.min(self.max_suggested),
            None => self.initial.saturating_mul(2u32.saturating_pow(retry.min(30))).min(self.max),
        }
    }
}

/// Whether an error is worth retrying, and the delay the server suggested. Client errors other than
/// throttling and conflicts are final.
pub fn retryable(err: &ClusterError) -> Option<Option<Duration>> {
    match err {
        ClusterError::Api { code: 409 | 429 | 500 | 502 | 503 | 504, retry_after, .. } => Some(*retry_after),
        ClusterError::Transport(_) | ClusterError::Timeout(_) => Some(None),
        _ => None,
    }
}

/// Runs `op` until it succeeds, fails for good, or the attempts run out; returns the last result.
pub async fn with_retry<T, F, Fut>(backoff: Backoff, mut op: F) -> Result<T, ClusterError>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, ClusterError>>,
{
    let mut retry = 0;
    loop {
        match op().await {
            Ok(v) => return Ok(v),
            Err(err) => {
                let Some(suggested) = retryable(&err) else { return Err(err) };
                if retry + 1 >= backoff.attempts {
                    return Err(err);
                }
                tracing::debug!(%err, retry, "retrying request");
                tokio::time::sleep(backoff.delay(retry, suggested)).await;
                retry += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn api(code: u16, retry_after: Option<Duration>) -> ClusterError {
        ClusterError::Api { code, reason: String::new(), message: String::new(), retry_after }
    }

    #[test]
    fn delays_double_and_are_capped() {
        let b = Backoff {
            initial: Duration::from_millis(100),
            max: Duration::from_secs(1),
            max_suggested: Duration::from_secs(10),
            attempts: 5,
        };
        assert_eq!(b.delay(0, None), Duration::from_millis(100));
        assert_eq!(b.delay(2, None), Duration::from_millis(400));
        assert_eq!(b.delay(10, None), Duration::from_secs(1));
        assert_eq!(b.delay(0, Some(Duration::from_secs(3))), Duration::from_secs(3), "Retry-After is honoured");
        assert_eq!(b.delay(0, Some(Duration::from_secs(60))), Duration::from_secs(10));
    }

    #[test]
    fn only_transient_errors_are_retried() {
        assert_eq!(retryable(&api(429, Some(Duration::from_secs(2)))), Some(Some(Duration::from_secs(2))));
        assert_eq!(retryable(&api(500, None)), Some(None));
        assert_eq!(retryable(&ClusterError::Timeout(Duration::from_secs(1))), Some(None));
        assert_eq!(retryable(&api(404, None)), None);
        assert_eq!(retryable(&api(422, None)), None);
        assert_eq!(retryable(&ClusterError::InvalidObject("x".into())), None);
    }

    #[tokio::test]
    async fn retries_until_success_and_gives_up_on_final_errors() {
        let calls = Cell::new(0);
        let b = Backoff {
            initial: Duration::from_millis(10),
            max: Duration::from_millis(50),
            max_suggested: Duration::from_millis(50),
            attempts: 4,
        };
        let out = with_retry(b, || {
            calls.set(calls.get() + 1);
            let n = calls.get();
            async move { if n < 3 { Err(api(503, None)) } else { Ok(n) } }
        })
        .await;
        assert_eq!(out.ok(), Some(3));

        calls.set(0);
        let out: Result<(), _> = with_retry(b, || {
            calls.set(calls.get() + 1);
            async { Err(api(500, None)) }
        })
        .await;
        assert_eq!(out.err().and_then(|e| e.code()), Some(500));
        assert_eq!(calls.get(), 4, "gives up after the attempts");

        calls.set(0);
        let out: Result<(), _> = with_retry(b, || {
            calls.set(calls.get() + 1);
            async { Err(api(403, None)) }
        })
        .await;
        assert!(out.is_err());
        assert_eq!(calls.get(), 1, "a final error is not retried");
    }
}
