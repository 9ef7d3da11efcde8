//! Go `fmt` formatting of template values (stub).
use crate::Value;

/// `fmt.Sprint("%v", v)`.
pub fn sprint_v(_v: &Value) -> String {
    String::new()
}
