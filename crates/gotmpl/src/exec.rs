//! Executor (stub).
use crate::{Error, ErrorKind, Template, Value};

pub(crate) fn is_builtin(_name: &str) -> bool {
    false
}

pub(crate) fn execute(_t: &Template, name: &str, _data: &Value, _out: &mut String) -> Result<(), Error> {
    Err(Error::new(ErrorKind::Exec, format!("template: {name}: not implemented"), None, "not implemented".into()))
}
