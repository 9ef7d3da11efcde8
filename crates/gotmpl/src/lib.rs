//! Go `text/template` semantics in Rust (parse once, execute many times), plus the Sprig functions that
//! Helm charts and Istio's injection templates call.
//!
//! ```
//! use gotmpl::{Template, Value};
//! let mut t = Template::new();
//! t.add_funcs(gotmpl::sprig_funcs());
//! t.parse("t", r#"{{ range $k, $v := . }}{{ $k }}={{ printf "%v" $v }} {{ end }}"#).unwrap();
//! let data = Value::from(serde_json::json!({"b": 2, "a": "x"}));
//! assert_eq!(t.execute("t", &data).unwrap(), "a=x b=2 ");
//! ```
//!
//! Values are [`Value`]s: Go's `interface{}` world where maps and lists are shared references, so
//! functions like `set` mutate data visible to every holder, as Go (and Helm charts) expect.
//! Convert from/to `serde_json::Value` with [`Value::from_json`], [`Value::from_json_f64`] and
//! [`Value::to_json`].
//!
//! Notes for layers built on this crate:
//! * Helm sees every number in values (and `fromYaml`/`fromJson` results) as float64: build its
//!   data with [`Value::from_json_f64`], so `{{ 1000000 }}`-valued settings print as `1e+06`
//!   exactly like Helm, and `eq`/`lt` between such floats and int literals fail as in Go.
//! * Executing several templates against the same [`Value`] shares mutations between them (Helm
//!   renders all templates of a chart with one values map; `zzz_profile.yaml` relies on that).
//! * Go methods (`.Files.Get "x"`, `.ProxyConfig.GetTracing`) are modelled as [`Value::Method`]
//!   entries of a map: a field chain reaching one calls it, with the command's arguments.
//! * A missing map key reached through a field is "no value" (prints `<no value>`; Helm replaces
//!   that text) or, with [`MissingKey::Zero`], a nil interface that errors on further field access,
//!   exactly as Go. For Go's typed maps (`map[string]string` such as pod annotations) build a
//!   [`Map::typed`] map: `index` of a missing key then gives `""` like Go (a plain map gives nil).
//!   Use an empty map, not nil, where Go would have a nil typed map.
//! * Execution is bounded by [`Template::set_max_depth`] and a native stack budget
//!   ([`Template::set_stack_budget`], 1 MiB by default); both fail with Go's
//!   "exceeded maximum template depth" error instead of overflowing the stack.

pub mod encode;
mod exec;
mod funcs;
pub mod gofmt;
mod lex;
mod parse;
pub mod sprig;
mod value;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

pub use funcs::{FuncContext, FuncError, arg_bool, arg_int, arg_list, arg_map, arg_str, check_arity, check_min_arity};
pub use serde_json;
pub use sprig::sprig_funcs;
pub use value::{Key, List, MAX_VALUE_DEPTH, Map, Value};

/// A template function: receives the call context and the evaluated arguments (the piped value, if
/// any, is the last argument) and returns a value or an error.
pub type Func = Arc<dyn Fn(&mut FuncContext<'_>, &[Value]) -> Result<Value, FuncError> + Send + Sync>;

/// Wraps a closure as a [`Func`].
pub fn func<F>(f: F) -> Func
where
    F: Fn(&mut FuncContext<'_>, &[Value]) -> Result<Value, FuncError> + Send + Sync + 'static,
{
    Arc::new(f)
}

/// What a field access on a map does when the key is missing (Go's `missingkey=` option).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MissingKey {
    /// `missingkey=default`/`invalid`: the result is "no value" (prints `<no value>`).
    #[default]
    Default,
    /// `missingkey=zero`: the result is the map element type's zero value (nil for `interface{}`).
    Zero,
    /// `missingkey=error`: execution stops with `map has no entry for key "x"`.
    Error,
}

/// Default bound on nested template invocations (`template`, `include`, `tpl`). Go allows 100000
/// but a native stack cannot; deeper nesting fails with Go's "exceeded maximum template depth" error.
pub const DEFAULT_MAX_DEPTH: usize = 1000;

/// Default bound on the native stack one execution may use (bytes). Deep nesting fails with
/// "exceeded maximum template depth" before a thread's stack (2 MiB for spawned threads) overflows.
pub const DEFAULT_STACK_BUDGET: usize = 1 << 20;

/// What went wrong, broadly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// The template text did not parse.
    Parse,
    /// Execution failed.
    Exec,
    /// The named template does not exist in the set.
    NoTemplate,
}

/// A parse or execution error whose `Display` is Go's message, e.g.
/// `template: t:1:3: executing "t" at <.x>: map has no entry for key "x"`.
/// Boxed so that the results the executor passes up through every evaluation step stay small.
#[derive(Clone, PartialEq, Eq)]
pub struct Error(Box<ErrorData>);

#[derive(Clone, PartialEq, Eq)]
struct ErrorData {
    kind: ErrorKind,
    message: String,
    location: Option<String>,
    detail: String,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: String, location: Option<String>, detail: String) -> Self {
        Error(Box::new(ErrorData { kind, message, location, detail }))
    }
    /// The broad kind.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }
    /// The full Go-style message (same as `Display`).
    pub fn message(&self) -> &str {
        &self.0.message
    }
    /// `name:line:col` (exec) or `name:line` (parse) where Go reports it.
    pub fn location(&self) -> Option<&str> {
        self.0.location.as_deref()
    }
    /// The message without the `template: ...:` location prefix, e.g.
    /// `error calling fail: boom` (what Helm shows after its own prefix).
    pub fn detail(&self) -> &str {
        &self.0.detail
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl std::fmt::Debug for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let d = &self.0;
        f.debug_struct("Error")
            .field("kind", &d.kind)
            .field("message", &d.message)
            .field("location", &d.location)
            .field("detail", &d.detail)
            .finish()
    }
}

impl std::error::Error for Error {}

/// A map from function or template names, looked up on every call during execution. Its keys come
/// from the template set's author, so a fast unkeyed hash is enough.
pub(crate) type NameMap<V> = HashMap<String, V, BuildHasherDefault<NameHasher>>;

/// FxHash-style hasher of short names: a multiply-rotate over 8-byte words.
#[derive(Default, Clone, Copy)]
pub(crate) struct NameHasher(u64);

impl NameHasher {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for NameHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // byte by byte: a copy of a variable-length slice would call memcpy
            let w = rest.iter().rev().fold(0u64, |w, b| (w << 8) | u64::from(*b));
            self.add(w);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        // the multiply mixes into the high bits; tables select slots by the low ones
        self.0.rotate_left(26)
    }
}

/// The [`NameHasher`] hash of a name.
pub(crate) fn hash_name(name: &str) -> u64 {
    let mut h = NameHasher::default();
    h.write(name.as_bytes());
    h.finish()
}

/// A set of named templates sharing a function map and options (Go's `*template.Template` with its
/// associated templates). Cloning is O(1) (shared, copy-on-write); `Send + Sync`; executing
/// never mutates it.
#[derive(Clone)]
pub struct Template {
    name: Arc<str>,
    funcs: Arc<NameMap<Func>>,
    trees: Arc<NameMap<Arc<parse::Tree>>>,
    missing_key: MissingKey,
    max_depth: usize,
    stack_budget: usize,
    /// Length of the longest output so far (at most [`MAX_OUTPUT_HINT`]): an execution starts
    /// with that much room, so rendering the same template again does not regrow its output.
    output_hint: Arc<AtomicUsize>,
}

/// Bound on the output capacity an execution reserves from earlier outputs.
const MAX_OUTPUT_HINT: usize = 1 << 20;

impl Default for Template {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for Template {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Template").field("name", &self.name).field("templates", &self.names()).finish()
    }
}

impl Template {
    /// An empty set with Go's builtin functions only.
    pub fn new() -> Self {
        Template {
            name: Arc::from(""),
            funcs: Arc::new(NameMap::default()),
            trees: Arc::new(NameMap::default()),
            missing_key: MissingKey::Default,
            max_depth: DEFAULT_MAX_DEPTH,
            stack_budget: DEFAULT_STACK_BUDGET,
            output_hint: Arc::default(),
        }
    }

    /// An empty set whose own name is `name` (used in "no template ... associated with" errors).
    pub fn named(name: &str) -> Self {
        Template { name: Arc::from(name), ..Self::new() }
    }

    /// The set's own name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Adds or replaces a function (must happen before parsing templates that call it, as in Go).
    pub fn add_func(&mut self, name: &str, f: Func) -> &mut Self {
        Arc::make_mut(&mut self.funcs).insert(name.to_string(), f);
        self
    }

    /// Adds or replaces several functions.
    pub fn add_funcs<I, S>(&mut self, funcs: I) -> &mut Self
    where
        I: IntoIterator<Item = (S, Func)>,
        S: Into<String>,
    {
        let map = Arc::make_mut(&mut self.funcs);
        for (n, f) in funcs {
            map.insert(n.into(), f);
        }
        self
    }

    /// Whether a function of that name is callable (user-added or Go builtin).
    pub fn has_func(&self, name: &str) -> bool {
        self.funcs.contains_key(name) || exec::is_builtin(name)
    }

    /// Sets the `missingkey` option.
    pub fn set_missing_key(&mut self, mk: MissingKey) -> &mut Self {
        self.missing_key = mk;
        self
    }

    /// The `missingkey` option.
    pub fn missing_key(&self) -> MissingKey {
        self.missing_key
    }

    /// Sets the bound on nested template invocations.
    pub fn set_max_depth(&mut self, depth: usize) -> &mut Self {
        self.max_depth = depth;
        self
    }

    /// Sets the native stack budget of one execution (raise it when executing on a thread with a
    /// large stack to allow deeper nesting).
    pub fn set_stack_budget(&mut self, bytes: usize) -> &mut Self {
        self.stack_budget = bytes;
        self
    }

    /// The native stack budget of one execution.
    pub fn stack_budget(&self) -> usize {
        self.stack_budget
    }

    /// The bound on nested template invocations.
    pub fn max_depth(&self) -> usize {
        self.max_depth
    }

    /// Parses `text` as template `name`, adding it and every `define`/`block` in it to the set.
    /// Later definitions replace earlier ones, except that an empty body never replaces a
    /// non-empty one (Go's `AddParseTree` rule).
    pub fn parse(&mut self, name: &str, text: &str) -> Result<&mut Self, Error> {
        let trees = parse::parse(name, text, &|f: &str| self.has_func(f))?;
        for (n, t) in trees {
            self.add_tree(n, t);
        }
        Ok(self)
    }

    fn add_tree(&mut self, name: String, tree: parse::Tree) {
        if tree.is_empty() && self.trees.contains_key(&name) {
            return;
        }
        Arc::make_mut(&mut self.trees).insert(name, Arc::new(tree));
    }

    /// Whether a template of that name is defined.
    pub fn has(&self, name: &str) -> bool {
        self.trees.contains_key(name)
    }

    /// Names of all defined templates, sorted.
    pub fn names(&self) -> Vec<String> {
        let mut v: Vec<String> = self.trees.keys().cloned().collect();
        v.sort();
        v
    }

    /// Executes template `name` with `data` as dot and returns the output. Maps and lists inside
    /// `data` may be mutated by functions such as `set` (Go semantics).
    pub fn execute(&self, name: &str, data: &Value) -> Result<String, Error> {
        let mut out = String::with_capacity(self.output_hint.load(Ordering::Relaxed));
        exec::execute(self, name, data, &mut out)?;
        self.output_hint.fetch_max(out.len().min(MAX_OUTPUT_HINT), Ordering::Relaxed);
        Ok(out)
    }

    /// Like [`Template::execute`] but writes into `w`.
    pub fn execute_to<W: std::fmt::Write>(&self, w: &mut W, name: &str, data: &Value) -> Result<(), Error> {
        let s = self.execute(name, data)?;
        w.write_str(&s)
            .map_err(|_| Error::new(ErrorKind::Exec, "template: write failed".into(), None, "write failed".into()))
    }

    pub(crate) fn tree(&self, name: &str) -> Option<&Arc<parse::Tree>> {
        self.trees.get(name)
    }

    pub(crate) fn user_func(&self, name: &str) -> Option<&Func> {
        self.funcs.get(name)
    }
}

#[cfg(test)]
mod send_sync {
    fn assert_send_sync<T: Send + Sync>() {}
    #[test]
    fn template_is_send_sync() {
        assert_send_sync::<super::Template>();
        assert_send_sync::<super::Value>();
    }
}
