//! Sprig functions (stub).
use crate::Func;

/// The Sprig function subset, by name.
pub fn sprig_funcs() -> Vec<(&'static str, Func)> {
    Vec::new()
}
