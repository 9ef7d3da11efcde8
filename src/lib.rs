//! istioctl-rs: a drop-in compatible reimplementation of Istio's `istioctl` (Istio 1.30.3).
//!
//! The library does the work and returns typed errors; only the CLI (in `src/cli/`) prints.

pub mod cluster;
pub mod helm;
pub mod inject;
pub mod install;
pub mod manifests;
pub mod operator;
pub mod render;
pub mod smp;
pub mod tlscheck;
pub mod verify;
pub mod version;
