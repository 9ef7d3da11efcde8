//! YAML the way Go's `sigs.k8s.io/yaml` (over go-yaml v2) reads and writes it.
//!
//! Kubernetes users expect YAML 1.1 meanings (`on`, `yes`, `0777`), and a drop-in `istioctl` must print
//! byte for byte what the Go tool prints: sorted keys, go-yaml's quoting, folding and block scalars.
//!
//! STUB: the API below is the contract other modules code against; the implementation behind it is
//! temporary (serde-saphyr, no positions) until the real parser and emitter land.

use std::collections::HashMap;

/// The universal document type: JSON-shaped data with insertion order kept.
pub type Value = serde_json::Value;

/// A position in the source text, both 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Mark {
    pub line: usize,
    pub column: usize,
}

/// Where each node of a parsed document starts, keyed by JSON pointer (`/spec/meshConfig/meshMTLS`).
/// For a map entry the mark is the key's position.
#[derive(Debug, Clone, Default)]
pub struct Spans {
    marks: HashMap<String, Mark>,
}

impl Spans {
    /// The mark of the node at `pointer` (RFC 6901, `""` for the root), if known.
    pub fn get(&self, pointer: &str) -> Option<Mark> {
        self.marks.get(pointer).copied()
    }
    /// Records the mark of a node.
    pub fn insert(&mut self, pointer: String, mark: Mark) {
        self.marks.insert(pointer, mark);
    }
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

/// Parses a multi-document stream. Empty documents are kept as `Value::Null`.
pub fn parse_documents(src: &str) -> Result<Vec<Document>, Error> {
    let values: Vec<Value> =
        serde_saphyr::from_multiple(src).map_err(|e| Error { message: e.to_string(), mark: None })?;
    Ok(values.into_iter().map(|value| Document { value, spans: Spans::default() }).collect())
}

/// Parses a single document (an empty input is `Value::Null`).
pub fn parse(src: &str) -> Result<Value, Error> {
    let mut docs = parse_documents(src)?;
    match docs.len() {
        0 => Ok(Value::Null),
        1 => Ok(docs.remove(0).value),
        n => Err(Error { message: format!("expected one YAML document, found {n}"), mark: None }),
    }
}

/// Serialises like Go's `sigs.k8s.io/yaml.Marshal`: sorted keys, go-yaml v2 quoting and layout.
pub fn to_string(value: &Value) -> String {
    serde_saphyr::to_string(value).unwrap_or_default()
}
