//! YAML the way Go's `sigs.k8s.io/yaml` (over go-yaml v2) reads and writes it.
//!
//! Kubernetes users expect YAML 1.1 meanings (`on`, `yes`, `0777`), and a drop-in `istioctl` must print
//! byte for byte what the Go tool prints: sorted keys, go-yaml's quoting, folding and block scalars.
//!
//! # Reading ([`parse`], [`parse_documents`], [`parse_with_spans`])
//!
//! Events from `granit-parser` are composed into [`Value`]s with go-yaml v2's typing of plain scalars,
//! then converted the way `sigs.k8s.io/yaml` converts YAML to JSON:
//!
//! * booleans `y Y yes Yes YES on On ON true True TRUE` and their negatives `n N no No NO off Off OFF
//!   false False FALSE`; nulls `~ null Null NULL` and empty; integers with sign, `_`, `0x`, `0o`, `0b`
//!   and legacy octal `0777`; integers beyond i64 become u64, then floats; floats in decimal and
//!   exponent form, kept as `f64` even when integral (`1e3` is `1000.0`). Timestamps stay strings
//!   (go-yaml hands them to `interface{}` as strings).
//! * quoted and block scalars are strings; `!!str !!int !!float !!bool !!null !!binary` tags apply,
//!   a mismatch is an error ("cannot decode !!str … as a !!int"); other tags are ignored.
//! * `.inf`/`.nan` values are an error (`json: unsupported value: +Inf`), as JSON cannot hold them.
//! * non-string keys become strings: `1` -> `"1"`, `true` -> `"true"`, floats in Go's float32 `'g'`
//!   form (`1.5`, `.inf`); a null key is an error, like `sigs.k8s.io/yaml` (`unsupported map key`).
//! * duplicate keys: the later value wins (go-yaml v2's non-strict `Unmarshal`, which `sigs.k8s.io/yaml`
//!   and kubectl's decoder use, and istioctl for IstioOperator files and kube-inject), keeping the
//!   first key's place in the order. [`parse_documents_strict`] makes them an error instead, like
//!   `UnmarshalStrict` (`istioctl validate`).
//! * anchors, aliases and merge keys `<<` (a map, or a list of maps where earlier maps win; like
//!   go-yaml v2, a merge overrides keys written before it).
//!
//! Every node's position is kept in [`Spans`], keyed by JSON pointer (a map entry has its key's
//! position; entries brought in by `<<` have the position of the `<<` key). Errors carry a 1-based
//! line and column; their texts are this crate's, not libyaml's.
//!
//! Known differences from go-yaml's scanner (it is YAML 1.1, `granit-parser` is YAML 1.2): tabs
//! before a block key are accepted, and U+2028/U+2029/U+0085 are ordinary characters, not line
//! breaks. Neither appears in Kubernetes manifests in practice. Nesting deeper than 256 levels is an
//! error (`recursion limit exceeded`), and aliases may copy at most a million nodes per stream.
//!
//! # Writing ([`to_string`])
//!
//! What `sigs.k8s.io/yaml.Marshal` prints: keys in go-yaml's order (digit runs compare numerically,
//! non-letters before letters), two-space indentation, sequences under a key not indented, `{}`/`[]`
//! for empty collections; strings plain when they read back as the same string, else double-quoted;
//! single quotes when plain is impossible (indicators, leading/trailing spaces); `|`, `|-`, `|+` and
//! `|2` block scalars for multi-line text; lines folded at the first space past column 80.
//! Integral floats print as integers and other floats in Go's `'g'` form (`0.5`, `1e+21`), as they do
//! after Go's JSON round trip.

mod compose;
mod emit;
mod fast;
mod gofloat;
mod resolve;
mod spans;

pub use spans::Spans;

/// The universal document type: JSON-shaped data with insertion order kept.
pub type Value = serde_json::Value;

/// A position in the source text, both 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Mark {
    pub line: usize,
    pub column: usize,
}

/// One document of a stream with the positions of its nodes.
#[derive(Debug, Clone)]
pub struct Document {
    pub value: Value,
    pub spans: Spans,
}

/// A parse error with its position when the parser knows it.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}{message}", mark.map(|m| format!("line {}, column {}: ", m.line, m.column)).unwrap_or_default())]
pub struct Error {
    pub message: String,
    pub mark: Option<Mark>,
}

/// Parses a multi-document stream. Empty documents are kept as `Value::Null`. A key repeated in a
/// mapping takes the later value (`sigs.k8s.io/yaml.Unmarshal`).
pub fn parse_documents(src: &str) -> Result<Vec<Document>, Error> {
    compose::parse_stream(src, false, true)
}

/// Like [`parse_documents`], but a key repeated in a mapping is an error
/// (`key "a" already set in map`), as in `sigs.k8s.io/yaml.UnmarshalStrict` (`istioctl validate`).
pub fn parse_documents_strict(src: &str) -> Result<Vec<Document>, Error> {
    compose::parse_stream(src, true, true)
}

/// Parses a single document with the positions of its nodes (an empty input is `Value::Null`).
pub fn parse_with_spans(src: &str) -> Result<Document, Error> {
    single(parse_documents(src)?)
}

/// The one document of a stream (`Value::Null` for none).
fn single(mut docs: Vec<Document>) -> Result<Document, Error> {
    match docs.len() {
        0 => Ok(Document { value: Value::Null, spans: Spans::default() }),
        1 => Ok(docs.remove(0)),
        n => Err(Error { message: format!("expected one YAML document, found {n}"), mark: None }),
    }
}

/// Parses a single document (an empty input is `Value::Null`). Positions are not recorded, which
/// makes this cheaper than [`parse_with_spans`].
pub fn parse(src: &str) -> Result<Value, Error> {
    if let Some(value) = fast::parse(src) {
        return Ok(value);
    }
    single(compose::parse_stream(src, false, false)?).map(|d| d.value)
}

/// Like [`parse_documents`] without positions (every document's [`Spans`] is empty): cheaper when
/// only the values are wanted.
pub fn parse_documents_values(src: &str) -> Result<Vec<Value>, Error> {
    Ok(compose::parse_stream(src, false, false)?.into_iter().map(|d| d.value).collect())
}

/// Serialises like Go's `sigs.k8s.io/yaml.Marshal`: sorted keys, go-yaml v2 quoting and layout.
/// The text ends with a newline.
pub fn to_string(value: &Value) -> String {
    emit::emit_document(value)
}
