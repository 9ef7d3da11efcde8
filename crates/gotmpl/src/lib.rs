//! Go `text/template` semantics in Rust (parse once, execute many times), plus the Sprig functions that
//! Helm charts and Istio's injection templates call.
//!
//! STUB: replaced by the real engine.
