//! Fault injection: latency and a deterministic share of requests answered 429, 500, 409, or dropped.

use crate::util::mix64;
use std::time::Duration;

/// Faults to inject. Fractions are in `[0, 1]`; a request is checked against them in the order drop,
/// throttle, server error, conflict. Decisions come from a counter mixed with `seed`, so the same
/// sequence of requests meets the same faults on every run.
#[derive(Debug, Clone, PartialEq)]
pub struct Faults {
    /// Added to every eligible request before it is answered.
    pub latency: Duration,
    /// Share answered `429 Too Many Requests` with `Retry-After`.
    pub throttle: f64,
    /// The `Retry-After` value, in seconds.
    pub retry_after_secs: u64,
    /// Share answered `500 Internal Server Error`.
    pub server_error: f64,
    /// Share answered `409 Conflict`.
    pub conflict: f64,
    /// Share whose connection is dropped without a complete answer.
    pub drop_connection: f64,
    /// Mixed into the counter.
    pub seed: u64,
    /// Only these methods are eligible (`"PATCH"`, ...); empty means all.
    pub methods: Vec<String>,
    /// Only paths containing this are eligible.
    pub path_contains: Option<String>,
    /// At most this many faults are injected in total (latency excepted).
    pub max_faults: Option<u64>,
}

impl Default for Faults {
    fn default() -> Self {
        Faults {
            latency: Duration::ZERO,
            throttle: 0.0,
            retry_after_secs: 1,
            server_error: 0.0,
            conflict: 0.0,
            drop_connection: 0.0,
            seed: 0,
            methods: Vec::new(),
            path_contains: None,
            max_faults: None,
        }
    }
}

/// The fault chosen for one request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fault {
    Throttle(u64),
    ServerError,
    Conflict,
    Drop,
}

/// Faults plus the counters that make them deterministic.
#[derive(Debug, Default)]
pub(crate) struct FaultState {
    pub faults: Faults,
    counter: u64,
    injected: u64,
}

impl FaultState {
    /// Replaces the faults and restarts the counters.
    pub(crate) fn set(&mut self, faults: Faults) {
        *self = FaultState { faults, counter: 0, injected: 0 };
    }

    /// The latency and fault for the next request.
    pub(crate) fn decide(&mut self, method: &str, path: &str) -> (Duration, Option<Fault>) {
        let f = &self.faults;
        let eligible = (f.methods.is_empty() || f.methods.iter().any(|m| m.eq_ignore_ascii_case(method)))
            && f.path_contains.as_deref().is_none_or(|p| path.contains(p));
        if !eligible {
            return (Duration::ZERO, None);
        }
        let n = self.counter;
        self.counter += 1;
        if f.max_faults.is_some_and(|max| self.injected >= max) {
            return (f.latency, None);
        }
        let r = (mix64(f.seed ^ mix64(n)) >> 11) as f64 / (1u64 << 53) as f64;
        let mut edge = 0.0;
        let mut pick = None;
        for (share, fault) in [
            (f.drop_connection, Fault::Drop),
            (f.throttle, Fault::Throttle(f.retry_after_secs)),
            (f.server_error, Fault::ServerError),
            (f.conflict, Fault::Conflict),
        ] {
            edge += share.clamp(0.0, 1.0);
            if r < edge {
                pick = Some(fault);
                break;
            }
        }
        if pick.is_some() {
            self.injected += 1;
        }
        (f.latency, pick)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_deterministic_and_roughly_right() {
        let run = || {
            let mut s = FaultState::default();
            s.set(Faults { throttle: 0.25, seed: 7, ..Faults::default() });
            (0..1000).map(|_| s.decide("GET", "/api").1).collect::<Vec<_>>()
        };
        let a = run();
        assert_eq!(a, run());
        let throttled = a.iter().filter(|f| **f == Some(Fault::Throttle(1))).count();
        assert!((200..300).contains(&throttled), "{throttled}");
    }

    #[test]
    fn filters_and_limits() {
        let mut s = FaultState::default();
        s.set(Faults { server_error: 1.0, methods: vec!["PATCH".into()], max_faults: Some(2), ..Faults::default() });
        assert_eq!(s.decide("GET", "/x").1, None);
        assert_eq!(s.decide("PATCH", "/x").1, Some(Fault::ServerError));
        assert_eq!(s.decide("patch", "/x").1, Some(Fault::ServerError));
        assert_eq!(s.decide("PATCH", "/x").1, None);
    }
}
