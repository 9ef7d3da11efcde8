//! The reader: builds JSON values from parser events with go-yaml v2's typing rules and the
//! `sigs.k8s.io/yaml` conversion to JSON (string keys, no NaN/Inf), recording node positions.

use crate::gofloat::format_g32;
use crate::resolve::{Resolved, plainly_string, resolve_plain};
use crate::{Document, Error, Mark, Spans, Value};
use granit_parser::{Event, Marker, Parser, ScalarStyle, ScanError, Tag};
use serde_json::{Map, Number};
use std::collections::{HashMap, HashSet};

/// A plain scalar without tag, as a value (the reader's typing; for the fast path).
pub(crate) fn plain_value(text: &str) -> Option<Value> {
    if plainly_string(text) {
        return Some(Value::String(text.to_owned()));
    }
    scalar_value(text, ScalarStyle::Plain, None, Mark::default()).ok()
}

/// A plain scalar without tag, as a map key (the reader's conversion; for the fast path).
pub(crate) fn plain_key(text: &str) -> Option<String> {
    if plainly_string(text) {
        return Some(text.to_owned());
    }
    key_string(text, &scalar_typed(text, ScalarStyle::Plain, None, Mark::default()).ok()?, Mark::default()).ok()
}

/// The namespace of the standard `!!` tags.
const YAML_TAG_PREFIX: &str = "tag:yaml.org,2002:";
/// Limit on nodes copied through aliases, against "billion laughs" documents.
const MAX_ALIAS_NODES: usize = 1_000_000;
const NULL_KEY: &str = "unsupported map key of type: <nil>, key: <nil>";
const COLLECTION_KEY: &str = "invalid map key: a collection cannot be a key";

/// A finished node: its value and how many nodes it holds (for the alias budget).
struct Node {
    value: Value,
    size: usize,
}

/// A key read in a mapping, waiting for its value.
struct PendingKey {
    key: String,
    mark: Mark,
    merge: bool,
    /// The span node of the entry's value, unless positions are not recorded for it.
    span: Option<usize>,
}

/// An open collection with its span node. Collections without one (the values of merge keys)
/// record no positions: their entries land in the enclosing map, under other pointers.
enum Frame {
    Seq {
        items: Vec<Value>,
        size: usize,
        anchor: usize,
        span: Option<usize>,
    },
    Map {
        map: Map<String, Value>,
        size: usize,
        anchor: usize,
        span: Option<usize>,
        pending: Option<PendingKey>,
        /// Keys written explicitly so far, kept only when duplicates are errors.
        seen: Option<HashSet<String>>,
    },
}

/// Composes every document of `src`. With `strict`, a key written twice in one mapping is an error
/// (go-yaml v2's `UnmarshalStrict`); otherwise the later value wins.
/// With `record_spans` false, no positions are recorded (the documents' [`Spans`] stay empty), which
/// saves an allocation per key for callers that only want the values.
pub(crate) fn parse_stream(src: &str, strict: bool, record_spans: bool) -> Result<Vec<Document>, Error> {
    let mut c = Composer {
        anchors: HashMap::new(),
        alias_nodes: 0,
        stack: Vec::new(),
        spans: Spans::default(),
        strict,
        record_spans,
    };
    let mut docs = Vec::new();
    let mut root: Option<Value> = None;
    let mut parser = Parser::new_from_str(src);
    while let Some(ev) = parser.next_event() {
        let (event, span) = ev.map_err(|e| scan_error(&e))?;
        let mark = to_mark(&span.start);
        // A finished node, and whether it is a collection (which recorded its position on opening).
        let done: Option<(Node, bool)> = match event {
            Event::StreamStart | Event::StreamEnd => None,
            Event::DocumentStart(..) => {
                c.anchors.clear();
                c.spans = Spans::default();
                root = None;
                None
            }
            Event::DocumentEnd => {
                docs.push(Document { value: root.take().unwrap_or(Value::Null), spans: std::mem::take(&mut c.spans) });
                None
            }
            Event::Alias(id) => {
                let node = c.anchors.get(&id).ok_or_else(|| err("unknown anchor referenced", mark))?;
                c.alias_nodes += node.size;
                if c.alias_nodes > MAX_ALIAS_NODES {
                    return Err(err("document contains excessive aliasing", mark));
                }
                if c.expecting_key() {
                    let key = key_from_value(&node.value, mark)?;
                    c.set_key(key, mark, false)?;
                    None
                } else {
                    Some((Node { value: node.value.clone(), size: node.size }, false))
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                let text = if style == ScalarStyle::Plain && span.is_empty() { "" } else { text.as_ref() };
                let node = if c.expecting_key() {
                    c.key(text, style, tag.as_deref(), mark)?;
                    None
                } else {
                    let value = scalar_value(text, style, tag.as_deref(), mark)?;
                    Some((Node { value, size: 1 }, false))
                };
                if anchor != 0 {
                    // A key's anchor stands for the key's scalar value.
                    let value = match &node {
                        Some((n, _)) => Some(n.value.clone()),
                        None => scalar_value(text, style, tag.as_deref(), mark).ok(),
                    };
                    if let Some(value) = value {
                        c.anchors.insert(anchor, Node { value, size: 1 });
                    }
                }
                node
            }
            Event::SequenceStart(_, anchor, _) => {
                let span = c.open(mark)?;
                c.stack.push(Frame::Seq { items: Vec::new(), size: 1, anchor, span });
                None
            }
            Event::MappingStart(_, anchor, _) => {
                let span = c.open(mark)?;
                let seen = c.strict.then(HashSet::new);
                c.stack.push(Frame::Map { map: Map::new(), size: 1, anchor, span, pending: None, seen });
                None
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let (node, anchor) = match c.stack.pop() {
                    Some(Frame::Seq { items, size, anchor, .. }) => (Node { value: Value::Array(items), size }, anchor),
                    Some(Frame::Map { map, size, anchor, .. }) => (Node { value: Value::Object(map), size }, anchor),
                    None => return Err(err("unbalanced collection end", mark)),
                };
                if anchor != 0 {
                    c.anchors.insert(anchor, Node { value: node.value.clone(), size: node.size });
                }
                Some((node, true))
            }
            _ => None,
        };
        if let Some((node, is_collection)) = done
            && let Some(node) = c.attach(node, mark, is_collection)?
        {
            root = Some(node.value);
        }
    }
    Ok(docs)
}

struct Composer {
    strict: bool,
    record_spans: bool,
    anchors: HashMap<usize, Node>,
    alias_nodes: usize,
    stack: Vec<Frame>,
    spans: Spans,
}

impl Composer {
    fn expecting_key(&self) -> bool {
        matches!(self.stack.last(), Some(Frame::Map { pending: None, .. }))
    }

    /// Creates the span node of the next child of the innermost collection and records `mark` for
    /// it; a map entry's node already holds its key's position.
    fn child_span(&mut self, mark: Mark) -> Option<usize> {
        let id = match self.stack.last() {
            None if !self.record_spans => return None,
            None => {
                let root = self.spans.root();
                self.spans.set(root, mark);
                return Some(root);
            }
            Some(Frame::Seq { items, span, .. }) => {
                let index = items.len().to_string();
                span.map(|parent| self.spans.child(parent, index))
            }
            Some(Frame::Map { pending, .. }) => return pending.as_ref().and_then(|p| p.span),
        };
        if let Some(id) = id {
            self.spans.set(id, mark);
        }
        id
    }

    /// A collection starts: records its position and returns its span node.
    fn open(&mut self, mark: Mark) -> Result<Option<usize>, Error> {
        if self.expecting_key() {
            return Err(err(COLLECTION_KEY, mark));
        }
        Ok(self.child_span(mark))
    }

    /// A scalar in key position: converts it to a JSON key and waits for the value.
    fn key(&mut self, text: &str, style: ScalarStyle, tag: Option<&Tag>, mark: Mark) -> Result<(), Error> {
        let merge = text == "<<"
            && ((style == ScalarStyle::Plain && tag.is_none()) || tag.is_some_and(|t| core_name(t) == Some("merge")));
        let key = if merge { text.to_owned() } else { key_string(text, &scalar_typed(text, style, tag, mark)?, mark)? };
        self.set_key(key, mark, merge)
    }

    /// Remembers the key of the entry being read and records its position.
    fn set_key(&mut self, key: String, mark: Mark, merge: bool) -> Result<(), Error> {
        if let Some(Frame::Map { span, pending, seen, .. }) = self.stack.last_mut() {
            if let Some(seen) = seen
                && !merge
                && !seen.insert(key.clone())
            {
                return Err(err(&format!("key {key:?} already set in map"), mark));
            }
            let child = match *span {
                Some(parent) if !merge => {
                    let id = self.spans.child(parent, key.as_str());
                    self.spans.set(id, mark);
                    Some(id)
                }
                _ => None,
            };
            *pending = Some(PendingKey { key, mark, merge, span: child });
        }
        Ok(())
    }

    /// Adds a finished node to its parent; returns it when it is the document's root.
    fn attach(&mut self, node: Node, mark: Mark, is_collection: bool) -> Result<Option<Node>, Error> {
        if !is_collection {
            self.child_span(mark);
        }
        match self.stack.last_mut() {
            None => Ok(Some(node)),
            Some(Frame::Seq { items, size, .. }) => {
                *size += node.size;
                items.push(node.value);
                Ok(None)
            }
            Some(Frame::Map { pending: None, .. }) => {
                // A collection or alias in key position.
                Err(err(COLLECTION_KEY, mark))
            }
            Some(Frame::Map { map, size, pending: pending @ Some(_), span, .. }) => {
                let Some(p) = pending.take() else { return Ok(None) };
                *size += node.size;
                if p.merge {
                    // Merged entries take the position of the `<<` key unless written explicitly.
                    for key in merge_into(map, node.value, p.mark)? {
                        if let Some(parent) = *span
                            && self.spans.find_child(parent, &key).and_then(|id| self.spans.mark_of(id)).is_none()
                        {
                            let id = self.spans.child(parent, key);
                            self.spans.set(id, p.mark);
                        }
                    }
                } else {
                    // Later duplicates win, as in go-yaml v2's non-strict decoding.
                    map.insert(p.key, node.value);
                }
                Ok(None)
            }
        }
    }
}

/// Applies a `<<` merge: a map, or a list of maps where earlier ones take precedence. Returns the
/// merged keys.
fn merge_into(map: &mut Map<String, Value>, value: Value, mark: Mark) -> Result<Vec<String>, Error> {
    const WANT_MAP: &str = "map merge requires map or sequence of maps as the value";
    let sources = match value {
        Value::Object(m) => vec![m],
        Value::Array(items) => items
            .into_iter()
            .rev()
            .map(|item| match item {
                Value::Object(m) => Ok(m),
                _ => Err(err(WANT_MAP, mark)),
            })
            .collect::<Result<_, _>>()?,
        _ => return Err(err(WANT_MAP, mark)),
    };
    let mut keys = Vec::new();
    for source in sources {
        for (k, v) in source {
            keys.push(k.clone());
            map.insert(k, v);
        }
    }
    Ok(keys)
}

/// The name of a `!!` tag (`str`, `int`, `binary`, ...).
fn core_name(tag: &Tag) -> Option<&str> {
    tag.suffix_in_namespace(YAML_TAG_PREFIX).and_then(|name| match name.as_ref() {
        "str" => Some("str"),
        "int" => Some("int"),
        "float" => Some("float"),
        "bool" => Some("bool"),
        "null" => Some("null"),
        "binary" => Some("binary"),
        "timestamp" => Some("timestamp"),
        "merge" => Some("merge"),
        "map" => Some("map"),
        "seq" => Some("seq"),
        _ => None,
    })
}

fn tag_display(name: &str) -> String {
    format!("!!{name}")
}

/// A scalar typed as go-yaml v2 types it (before the JSON conversion).
fn scalar_typed(text: &str, style: ScalarStyle, tag: Option<&Tag>, mark: Mark) -> Result<Resolved, Error> {
    let Some(tag) = tag else {
        return Ok(if style == ScalarStyle::Plain {
            match resolve_plain(text) {
                Resolved::Timestamp => Resolved::Str,
                r => r,
            }
        } else {
            Resolved::Str
        });
    };
    let Some(name) = core_name(tag) else {
        // Local and unknown tags leave the text as a string.
        return Ok(Resolved::Str);
    };
    let wanted = match name {
        "str" | "binary" | "merge" | "map" | "seq" => return Ok(Resolved::Str),
        other => other,
    };
    let got = resolve_plain(text);
    let got_name = match got {
        Resolved::Null => "null",
        Resolved::Bool(_) => "bool",
        Resolved::Int(_) | Resolved::UInt(_) => "int",
        Resolved::Float(_) => "float",
        Resolved::Timestamp => "timestamp",
        Resolved::Str => "str",
    };
    match (wanted, got) {
        (w, _) if w == got_name => Ok(if got == Resolved::Timestamp { Resolved::Str } else { got }),
        ("float", Resolved::Int(i)) => Ok(Resolved::Float(i as f64)),
        ("float", Resolved::UInt(u)) => Ok(Resolved::Float(u as f64)),
        _ => Err(err(&format!("cannot decode {} `{text}` as a {}", tag_display(got_name), tag_display(wanted)), mark)),
    }
}

/// A scalar value as JSON.
fn scalar_value(text: &str, style: ScalarStyle, tag: Option<&Tag>, mark: Mark) -> Result<Value, Error> {
    if let Some(t) = tag
        && core_name(t) == Some("binary")
    {
        let bytes = decode_base64(text).ok_or_else(|| err("!!binary value contains invalid base64 data", mark))?;
        return String::from_utf8(bytes)
            .map(Value::String)
            .map_err(|_| err("!!binary value is not valid UTF-8 text", mark));
    }
    Ok(match scalar_typed(text, style, tag, mark)? {
        Resolved::Null => Value::Null,
        Resolved::Bool(b) => Value::Bool(b),
        Resolved::Int(i) => Value::Number(i.into()),
        Resolved::UInt(u) => Value::Number(u.into()),
        Resolved::Float(f) => Value::Number(
            Number::from_f64(f)
                .ok_or_else(|| err(&format!("json: unsupported value: {}", crate::gofloat::format_g64(f)), mark))?,
        ),
        Resolved::Str | Resolved::Timestamp => Value::String(text.to_owned()),
    })
}

/// `sigs.k8s.io/yaml`'s conversion of a typed key to a JSON object key.
fn key_string(text: &str, r: &Resolved, mark: Mark) -> Result<String, Error> {
    Ok(match r {
        Resolved::Str | Resolved::Timestamp => text.to_owned(),
        Resolved::Bool(b) => b.to_string(),
        Resolved::Int(i) => i.to_string(),
        Resolved::Float(f) => match format_g32(*f).as_str() {
            "+Inf" => ".inf".to_owned(),
            "-Inf" => "-.inf".to_owned(),
            "NaN" => ".nan".to_owned(),
            s => s.to_owned(),
        },
        Resolved::UInt(u) => {
            return Err(err(&format!("unsupported map key of type: uint64, key: {u}"), mark));
        }
        Resolved::Null => return Err(err(NULL_KEY, mark)),
    })
}

/// The key string of an aliased node used as a key.
fn key_from_value(v: &Value, mark: Mark) -> Result<String, Error> {
    match v {
        Value::String(s) => Ok(s.clone()),
        Value::Bool(b) => Ok(b.to_string()),
        Value::Number(n) => Ok(match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.to_string(),
            (None, Some(u), _) => return key_string("", &Resolved::UInt(u), mark),
            (None, None, f) => key_string("", &Resolved::Float(f.unwrap_or(0.0)), mark)?,
        }),
        Value::Null => Err(err(NULL_KEY, mark)),
        Value::Array(_) | Value::Object(_) => Err(err(COLLECTION_KEY, mark)),
    }
}

fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    let mut padding = false;
    for c in text.bytes().filter(|c| !c.is_ascii_whitespace()) {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            b'=' => {
                padding = true;
                continue;
            }
            _ => return None,
        };
        if padding {
            return None;
        }
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xFF) as u8);
        }
    }
    Some(out)
}

fn to_mark(m: &Marker) -> Mark {
    Mark { line: m.line(), column: m.col() + 1 }
}

fn err(message: &str, mark: Mark) -> Error {
    Error { message: message.to_owned(), mark: Some(mark) }
}

fn scan_error(e: &ScanError) -> Error {
    Error { message: e.kind().to_string(), mark: Some(to_mark(e.marker())) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64() {
        assert_eq!(decode_base64("aGVsbG8=").as_deref(), Some(&b"hello"[..]));
        assert_eq!(decode_base64("aGVs\n bG8=").as_deref(), Some(&b"hello"[..]));
        assert_eq!(decode_base64("a$"), None);
    }
}
