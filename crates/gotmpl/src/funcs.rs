//! What a template function sees: [`FuncContext`] (call-site information and access to the
//! template set for `include`/`tpl`), [`FuncError`], and argument helpers that produce Go's
//! argument-type errors.

use crate::{Error, Map, Value};

/// Services the executing engine offers to functions.
pub(crate) trait Host {
    fn exec_template(&mut self, name: &str, data: &Value) -> Result<String, Error>;
    fn exec_text(&mut self, name: &str, text: &str, data: &Value) -> Result<String, Error>;
    fn has_template(&self, name: &str) -> bool;
    fn missing_key(&self) -> crate::MissingKey;
}

/// The context of one function call.
pub struct FuncContext<'a> {
    pub(crate) host: &'a mut dyn Host,
    pub(crate) func_name: &'a str,
    pub(crate) template_name: &'a str,
    pub(crate) location: &'a dyn Fn() -> String,
}

impl FuncContext<'_> {
    /// The name the function was called by.
    pub fn func_name(&self) -> &str {
        self.func_name
    }
    /// The name of the template being executed (Go's `s.tmpl.Name()`).
    pub fn template_name(&self) -> &str {
        self.template_name
    }
    /// `parse-name:line:col` of the call, as Go prints it in errors.
    pub fn location(&self) -> String {
        (self.location)()
    }
    /// Executes another template of the same set with `data` as dot (Helm's `include`).
    /// A missing template gives Go's `template: no template "x" associated with template "y"`.
    pub fn execute_template(&mut self, name: &str, data: &Value) -> Result<String, Error> {
        self.host.exec_template(name, data)
    }
    /// Parses `text` as a template named `name` (its `define`s visible only during this call) and
    /// executes it with `data`, sharing the set's functions and templates (Helm's `tpl`).
    pub fn execute_text(&mut self, name: &str, text: &str, data: &Value) -> Result<String, Error> {
        self.host.exec_text(name, text, data)
    }
    /// Whether the set (including templates defined by an enclosing `execute_text`) has `name`.
    pub fn has_template(&self, name: &str) -> bool {
        self.host.has_template(name)
    }
    /// The set's `missingkey` option.
    pub fn missing_key(&self) -> crate::MissingKey {
        self.host.missing_key()
    }
}

/// Why a function call failed. The engine turns it into Go's message with the call's location.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum FuncError {
    /// A failure reported as `error calling NAME: MSG`.
    #[error("{0}")]
    Msg(String),
    /// Wrong argument count: `wrong number of args for NAME: want [at least ]N got M`.
    #[error("wrong number of args: want {want} got {got}")]
    Arity {
        /// Required count (minimum when `at_least`).
        want: usize,
        /// Given count.
        got: usize,
        /// Whether the function is variadic.
        at_least: bool,
    },
    /// Argument `index` has the wrong Go type: `wrong type for value; expected EXPECTED; got T`
    /// (the engine knows the argument's actual Go type and position).
    #[error("wrong type for value; expected {expected}")]
    WrongType {
        /// Zero-based argument index (the piped value is the last one).
        index: usize,
        /// Go type name the parameter has, e.g. `string`, `int`, `map[string]interface {}`.
        expected: &'static str,
    },
    /// A complete template error from a nested execution, reported as `error calling NAME: ERR`.
    #[error("{0}")]
    Template(#[from] Error),
}

impl FuncError {
    /// A plain `error calling NAME: msg` failure.
    pub fn msg(m: impl Into<String>) -> Self {
        FuncError::Msg(m.into())
    }
}

/// Checks a fixed argument count.
pub fn check_arity(args: &[Value], want: usize) -> Result<(), FuncError> {
    if args.len() == want { Ok(()) } else { Err(FuncError::Arity { want, got: args.len(), at_least: false }) }
}

/// Checks a variadic function's minimum argument count.
pub fn check_min_arity(args: &[Value], min: usize) -> Result<(), FuncError> {
    if args.len() >= min { Ok(()) } else { Err(FuncError::Arity { want: min, got: args.len(), at_least: true }) }
}

fn wrong(index: usize, expected: &'static str) -> FuncError {
    FuncError::WrongType { index, expected }
}

/// Argument `i` as a Go `string` parameter.
pub fn arg_str(args: &[Value], i: usize) -> Result<&str, FuncError> {
    match args.get(i) {
        Some(Value::String(s)) => Ok(s),
        _ => Err(wrong(i, "string")),
    }
}

/// Argument `i` as a Go `int` parameter.
pub fn arg_int(args: &[Value], i: usize) -> Result<i64, FuncError> {
    match args.get(i) {
        Some(Value::Int(n)) => Ok(*n),
        _ => Err(wrong(i, "int")),
    }
}

/// Argument `i` as a Go `bool` parameter.
pub fn arg_bool(args: &[Value], i: usize) -> Result<bool, FuncError> {
    match args.get(i) {
        Some(Value::Bool(b)) => Ok(*b),
        _ => Err(wrong(i, "bool")),
    }
}

/// Argument `i` as a Go `map[string]interface{}` parameter (nil gives None, like a nil map).
pub fn arg_map(args: &[Value], i: usize) -> Result<Option<&Map>, FuncError> {
    match args.get(i) {
        Some(Value::Map(m)) => Ok(Some(m)),
        Some(Value::Nil) => Ok(None),
        _ => Err(wrong(i, "map[string]interface {}")),
    }
}

/// Argument `i` as a Go `[]interface{}` parameter (nil gives an empty list).
pub fn arg_list(args: &[Value], i: usize) -> Result<Vec<Value>, FuncError> {
    match args.get(i) {
        Some(Value::List(l)) => Ok(l.to_vec()),
        Some(Value::Nil) => Ok(Vec::new()),
        _ => Err(wrong(i, "[]interface {}")),
    }
}
