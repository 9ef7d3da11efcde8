//! Type schemas for everything an IstioOperator may contain, and a checker that walks a JSON value against them.
//!
//! The schemas are data (`schema/*.schema`), written in a small line format so that they stay readable and diffable:
//!
//! ```text
//! # comment
//! message Name            -- an object with known fields; any other key is an error
//!   jsonName|proto_name TYPE [deprecated]
//! enum Name A=0 B=1       -- accepted names (and numbers, when given)
//! ```
//!
//! `TYPE` is `string`, `bool`, `int`, `uint`, `float`, `duration` (Go duration text), `quantity` (Kubernetes
//! resource quantity), `intstr` (integer or string), `any`, `object` (any JSON object), `[T]` (list of T),
//! `{T}` (object whose values are T), or the name of a message or enum. A name from another file is written
//! `file::Name`. Files decoded by protobuf JSON (`values`, `mesh`) also accept numbers written as strings, as jsonpb does.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde_json::Value;

use super::path::FieldPath;

/// The schema files, with the namespace each is known by and whether protobuf JSON rules apply.
const FILES: &[(&str, &str, bool)] = &[
    ("iop", include_str!("schema/iop.schema"), false),
    ("k8s", include_str!("schema/k8s.schema"), false),
    ("values", include_str!("schema/values.schema"), true),
    ("mesh", include_str!("schema/mesh.schema"), true),
];

/// A field or element type.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Ty {
    String,
    Bool,
    Int,
    Uint,
    Float,
    Duration,
    Quantity,
    IntStr,
    Any,
    Object,
    List(Box<Ty>),
    Map(Box<Ty>),
    Message(usize),
    Enum(usize),
}

/// One known field of a message.
#[derive(Debug, Clone)]
pub(crate) struct Field {
    pub name: String,
    pub alt: Option<String>,
    pub ty: Ty,
    pub deprecated: bool,
}

/// A message: an object with a closed set of fields.
#[derive(Debug, Clone)]
pub(crate) struct Message {
    pub name: String,
    pub fields: Vec<Field>,
    /// Protobuf JSON accepts integers and floats written as strings.
    pub jsonpb: bool,
}

impl Message {
    /// The field a JSON key names (by its JSON name or its proto name).
    pub fn field(&self, key: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == key || f.alt.as_deref() == Some(key))
    }
}

/// An enum: its names and, for protobuf enums, their numbers.
#[derive(Debug, Clone)]
pub(crate) struct Enum {
    pub values: Vec<(String, Option<i64>)>,
}

/// Every schema, parsed once.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    pub messages: Vec<Message>,
    pub enums: Vec<Enum>,
    index: HashMap<String, Ty>,
}

/// The embedded schemas; an error names the line that does not parse (caught by the unit tests).
pub(crate) fn registry() -> Result<&'static Registry, String> {
    static REG: OnceLock<Result<Registry, String>> = OnceLock::new();
    REG.get_or_init(|| Registry::parse(FILES)).as_ref().map_err(Clone::clone)
}

impl Registry {
    fn parse(files: &[(&str, &str, bool)]) -> Result<Self, String> {
        let mut reg = Registry::default();
        // First pass: declare names so that fields can refer to types declared later or in other files.
        for (ns, text, jsonpb) in files {
            for line in text.lines() {
                let mut words = line.split_whitespace();
                match (words.next(), words.next()) {
                    (Some("message"), Some(name)) => {
                        reg.index.insert(format!("{ns}::{name}"), Ty::Message(reg.messages.len()));
                        reg.messages.push(Message { name: name.to_string(), fields: Vec::new(), jsonpb: *jsonpb });
                    }
                    (Some("enum"), Some(name)) => {
                        let mut values = Vec::new();
                        for v in words {
                            values.push(match v.split_once('=') {
                                Some((n, num)) => {
                                    let num = num.parse().map_err(|_| format!("{ns}: bad enum number in {line:?}"))?;
                                    (n.to_string(), Some(num))
                                }
                                None => (v.to_string(), None),
                            });
                        }
                        reg.index.insert(format!("{ns}::{name}"), Ty::Enum(reg.enums.len()));
                        reg.enums.push(Enum { values });
                    }
                    _ => {}
                }
            }
        }
        // Second pass: fields.
        for (ns, text, _) in files {
            let mut current: Option<usize> = None;
            for (no, line) in text.lines().enumerate() {
                let trimmed = line.trim();
                if trimmed.is_empty() || trimmed.starts_with('#') {
                    continue;
                }
                let mut words = trimmed.split_whitespace();
                let first = words.next().unwrap_or_default();
                if !line.starts_with(' ') {
                    current = match first {
                        "message" => match reg.lookup(ns, words.next().unwrap_or_default()) {
                            Some(Ty::Message(i)) => Some(i),
                            _ => return Err(format!("{ns}:{}: unknown message", no + 1)),
                        },
                        "enum" => None,
                        _ => return Err(format!("{ns}:{}: expected `message` or `enum`", no + 1)),
                    };
                    continue;
                }
                let Some(msg) = current else {
                    return Err(format!("{ns}:{}: field outside a message", no + 1));
                };
                let ty_text = words.next().ok_or_else(|| format!("{ns}:{}: field without a type", no + 1))?;
                let deprecated = match words.next() {
                    None => false,
                    Some("deprecated") => true,
                    Some(other) => return Err(format!("{ns}:{}: unexpected {other:?}", no + 1)),
                };
                let ty = reg.parse_ty(ns, ty_text).ok_or_else(|| format!("{ns}:{}: unknown type {ty_text}", no + 1))?;
                let (name, alt) = match first.split_once('|') {
                    Some((n, a)) => (n.to_string(), Some(a.to_string())),
                    None => (first.to_string(), None),
                };
                if let Some(m) = reg.messages.get_mut(msg) {
                    m.fields.push(Field { name, alt, ty, deprecated });
                }
            }
        }
        Ok(reg)
    }

    fn lookup(&self, ns: &str, name: &str) -> Option<Ty> {
        if name.contains("::") {
            self.index.get(name).cloned()
        } else {
            self.index.get(&format!("{ns}::{name}")).cloned()
        }
    }

    fn parse_ty(&self, ns: &str, text: &str) -> Option<Ty> {
        if let Some(inner) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            return Some(Ty::List(Box::new(self.parse_ty(ns, inner)?)));
        }
        if let Some(inner) = text.strip_prefix('{').and_then(|t| t.strip_suffix('}')) {
            return Some(Ty::Map(Box::new(self.parse_ty(ns, inner)?)));
        }
        Some(match text {
            "string" => Ty::String,
            "bool" => Ty::Bool,
            "int" => Ty::Int,
            "uint" => Ty::Uint,
            "float" => Ty::Float,
            "duration" => Ty::Duration,
            "quantity" => Ty::Quantity,
            "intstr" => Ty::IntStr,
            "any" => Ty::Any,
            "object" => Ty::Object,
            other => self.lookup(ns, other)?,
        })
    }

    /// The type of a named message or enum (`iop::IstioOperator`).
    pub fn ty(&self, qualified: &str) -> Option<Ty> {
        self.index.get(qualified).cloned()
    }

    /// Walks `value` against `ty`, reporting every problem found.
    pub fn check(&self, value: &Value, ty: &Ty, path: &mut FieldPath, out: &mut Vec<Finding>) {
        self.check_inner(value, ty, false, path, out);
    }

    fn check_inner(&self, value: &Value, ty: &Ty, jsonpb: bool, path: &mut FieldPath, out: &mut Vec<Finding>) {
        if value.is_null() {
            return; // null means "unset" in Go's JSON and in protobuf JSON.
        }
        let mut wrong = |expected: &str| {
            out.push(Finding::error(path, format!("expected {expected}, found {}", describe(value))));
        };
        match ty {
            Ty::Any => {}
            Ty::String => {
                if !value.is_string() {
                    wrong("a string");
                }
            }
            Ty::Bool => {
                if !value.is_boolean() {
                    wrong("a boolean (true or false)");
                }
            }
            Ty::Int | Ty::Uint => {
                let unsigned = *ty == Ty::Uint;
                let ok = match value {
                    Value::Number(n) => integral(n, unsigned),
                    Value::String(s) if jsonpb => s.trim().parse::<i64>().is_ok_and(|v| !unsigned || v >= 0),
                    _ => false,
                };
                if !ok {
                    wrong(if unsigned { "a non-negative integer" } else { "an integer" });
                }
            }
            Ty::Float => {
                let ok = match value {
                    Value::Number(_) => true,
                    Value::String(s) if jsonpb => s.trim().parse::<f64>().is_ok(),
                    _ => false,
                };
                if !ok {
                    wrong("a number");
                }
            }
            Ty::Duration => match value {
                Value::String(s) if go_duration_ok(s) => {}
                Value::String(s) => out.push(Finding::error(
                    path,
                    format!("invalid duration {s:?}; write a number with a unit: ns, us, ms, s, m or h (e.g. \"10s\", \"1m30s\")"),
                )),
                _ => wrong("a duration string such as \"10s\""),
            },
            Ty::Quantity => match value {
                Value::Number(_) => {}
                Value::String(s) if quantity_ok(s) => {}
                Value::String(s) => out.push(Finding::error(
                    path,
                    format!("invalid quantity {s:?}; expected a number with an optional suffix such as 100m, 128Mi, 1G or 1e3"),
                )),
                _ => wrong("a quantity such as \"100m\" or \"128Mi\""),
            },
            Ty::IntStr => {
                let ok = match value {
                    Value::Number(n) => integral(n, false),
                    Value::String(_) => true,
                    _ => false,
                };
                if !ok {
                    wrong("an integer or a string");
                }
            }
            Ty::Object => {
                if !value.is_object() {
                    wrong("an object");
                }
            }
            Ty::List(inner) => match value {
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        path.push_index(i);
                        self.check_inner(item, inner, jsonpb, path, out);
                        path.pop();
                    }
                }
                _ => wrong("a list"),
            },
            Ty::Map(inner) => match value {
                Value::Object(map) => {
                    for (k, v) in map {
                        path.push_key(k);
                        self.check_inner(v, inner, jsonpb, path, out);
                        path.pop();
                    }
                }
                _ => wrong("an object"),
            },
            Ty::Enum(i) => {
                let Some(e) = self.enums.get(*i) else { return };
                // Kubernetes string enums (no numbers) take "" as "the default".
                let kubernetes_default = |s: &str| s.is_empty() && e.values.iter().all(|(_, n)| n.is_none());
                let ok = match value {
                    Value::String(s) => kubernetes_default(s) || e.values.iter().any(|(n, _)| n == s),
                    Value::Number(n) => n.as_i64().is_some_and(|n| e.values.iter().any(|(_, v)| *v == Some(n))),
                    _ => false,
                };
                if !ok {
                    let names: Vec<&str> = e.values.iter().map(|(n, _)| n.as_str()).collect();
                    let shown = match value {
                        Value::String(s) => format!("{s:?}"),
                        other => describe(other),
                    };
                    out.push(Finding::error(
                        path,
                        format!("invalid value {shown}; allowed values: {}", names.join(", ")),
                    ));
                }
            }
            Ty::Message(i) => {
                let Some(msg) = self.messages.get(*i) else { return };
                let Value::Object(map) = value else {
                    wrong(&format!("an object ({})", msg.name));
                    return;
                };
                for (k, v) in map {
                    path.push_key(k);
                    match msg.field(k) {
                        Some(field) => {
                            if field.deprecated && !v.is_null() {
                                out.push(Finding::warning(path, format!("{k} is deprecated in Istio {}; it still works but may be removed", super::ISTIO_VERSION)));
                            }
                            self.check_inner(v, &field.ty, msg.jsonpb, path, out);
                        }
                        None => out.push(Finding::error(path, unknown_field_message(k, msg))),
                    }
                    path.pop();
                }
            }
        }
    }
}

fn integral(n: &serde_json::Number, unsigned: bool) -> bool {
    if let Some(i) = n.as_i64() {
        return !unsigned || i >= 0;
    }
    if n.as_u64().is_some() {
        return true;
    }
    n.as_f64().is_some_and(|f| f.fract() == 0.0 && f.is_finite() && (!unsigned || f >= 0.0))
}

/// How a problem found by the checker weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Severity {
    Error,
    Warning,
}

/// One problem found at a field path.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Finding {
    pub path: FieldPath,
    pub severity: Severity,
    pub message: String,
}

impl Finding {
    pub fn error(path: &FieldPath, message: String) -> Self {
        Finding { path: path.clone(), severity: Severity::Error, message }
    }
    pub fn warning(path: &FieldPath, message: String) -> Self {
        Finding { path: path.clone(), severity: Severity::Warning, message }
    }
}

/// `unknown field "x" in Msg; did you mean "y"?`, or the list of known fields when no name is close.
fn unknown_field_message(key: &str, msg: &Message) -> String {
    let names: Vec<&str> = msg.fields.iter().map(|f| f.name.as_str()).collect();
    let mut text = format!("unknown field {key:?} in {}", msg.name);
    match did_you_mean(key, &names) {
        Some(best) => text.push_str(&format!("; did you mean {best:?}?")),
        None => {
            let mut sorted = names.clone();
            if sorted.len() > 12 {
                sorted.sort_unstable_by_key(|n| n.to_lowercase());
            }
            text.push_str(&format!("; known fields: {}", sorted.join(", ")));
        }
    }
    text
}

/// The closest candidate to `key`, if one is close enough to be a likely typo.
pub(crate) fn did_you_mean<'a>(key: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let lower = key.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for c in candidates {
        let d = strsim::levenshtein(&lower, &c.to_lowercase());
        if best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    let (d, c) = best?;
    let limit = (key.chars().count() / 3).clamp(1, 3);
    (d <= limit).then_some(c)
}

/// A short description of a JSON value for messages: its kind and, for scalars, the value.
pub(crate) fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("a boolean ({b})"),
        Value::Number(n) => format!("a number ({n})"),
        Value::String(s) => format!("a string ({s:?})"),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// Go's `time.ParseDuration` grammar: `[-+]` then one or more `<decimal><unit>`, or just `0`.
pub(crate) fn go_duration_ok(s: &str) -> bool {
    let s = s.strip_prefix(['-', '+']).unwrap_or(s);
    if s == "0" {
        return true;
    }
    if s.is_empty() {
        return false;
    }
    let mut rest = s;
    while !rest.is_empty() {
        let digits = rest.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(rest.len());
        let number = &rest[..digits];
        if number.is_empty() || number == "." || number.matches('.').count() > 1 {
            return false;
        }
        rest = &rest[digits..];
        let unit_len =
            ["ns", "us", "µs", "μs", "ms", "s", "m", "h"].iter().find(|u| rest.starts_with(**u)).map(|u| u.len());
        match unit_len {
            Some(n) => rest = &rest[n..],
            None => return false,
        }
    }
    true
}

/// Kubernetes `resource.Quantity` text: a signed decimal number, then a binary (Ki..Ei), decimal (n u m k M G T P E)
/// or exponent (e3, E-2) suffix.
pub(crate) fn quantity_ok(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let end = s.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(s.len());
    let (number, suffix) = s.split_at(end);
    let digits = number.chars().filter(char::is_ascii_digit).count();
    if digits == 0 || number.matches('.').count() > 1 {
        return false;
    }
    match suffix {
        "" | "Ki" | "Mi" | "Gi" | "Ti" | "Pi" | "Ei" | "n" | "u" | "m" | "k" | "M" | "G" | "T" | "P" | "E" => true,
        exp => {
            let Some(e) = exp.strip_prefix(['e', 'E']) else { return false };
            let e = e.strip_prefix(['+', '-']).unwrap_or(e);
            !e.is_empty() && e.chars().all(|c| c.is_ascii_digit())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(ty: &str, v: Value) -> Vec<Finding> {
        let reg = registry().expect("schemas parse");
        let ty = reg.ty(ty).expect("type exists");
        let mut out = Vec::new();
        reg.check(&v, &ty, &mut FieldPath::default(), &mut out);
        out
    }

    #[test]
    fn every_schema_file_parses_and_resolves() {
        let reg = registry().expect("schemas parse");
        for name in ["iop::IstioOperator", "values::Values", "mesh::MeshConfig", "mesh::ProxyConfig", "k8s::Affinity"] {
            assert!(reg.ty(name).is_some(), "{name}");
        }
    }

    #[test]
    fn unknown_field_suggests_the_closest_name() {
        let f = check("mesh::MeshConfig", json!({"meshMtls": {}}));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].message, "unknown field \"meshMtls\" in MeshConfig; did you mean \"meshMTLS\"?");
        assert_eq!(f[0].path.to_string(), "meshMtls");
    }

    #[test]
    fn proto_names_are_accepted_as_jsonpb_does() {
        assert!(check("mesh::MeshConfig", json!({"mesh_mTLS": {"min_protocol_version": "TLSV1_3"}})).is_empty());
    }

    #[test]
    fn jsonpb_accepts_quoted_integers_but_go_json_does_not() {
        assert!(check("values::ResourceQuotas", json!({"pods": "5"})).is_empty());
        let f = check("k8s::Probe", json!({"periodSeconds": "5"}));
        assert_eq!(f[0].message, "expected an integer, found a string (\"5\")");
    }

    #[test]
    fn enum_lists_allowed_values_and_accepts_numbers() {
        let f = check("mesh::MeshConfig.TLSConfig", json!({"minProtocolVersion": "TLSV1_1"}));
        assert_eq!(f[0].message, "invalid value \"TLSV1_1\"; allowed values: TLS_AUTO, TLSV1_2, TLSV1_3");
        assert!(check("mesh::MeshConfig.TLSConfig", json!({"minProtocolVersion": 2})).is_empty());
        assert_eq!(check("mesh::MeshConfig.TLSConfig", json!({"minProtocolVersion": ""})).len(), 1);
        assert!(check("k8s::Toleration", json!({"operator": "", "effect": ""})).is_empty());
        assert_eq!(check("k8s::Toleration", json!({"effect": "Never"})).len(), 1);
    }

    #[test]
    fn deprecated_fields_warn() {
        let f = check("values::GlobalConfig", json!({"arch": {}}));
        assert_eq!(f[0].severity, Severity::Warning);
    }

    #[test]
    fn durations_follow_go() {
        for ok in ["10s", "1m30s", "1.5h", "0", "300ms", "-2s"] {
            assert!(go_duration_ok(ok), "{ok}");
        }
        for bad in ["10", "s", "1x", "", "1..2s"] {
            assert!(!go_duration_ok(bad), "{bad}");
        }
    }

    #[test]
    fn quantities_follow_kubernetes() {
        for ok in ["100m", "128Mi", "1", "0.5", "1e3", "2Gi", ".5"] {
            assert!(quantity_ok(ok), "{ok}");
        }
        for bad in ["abc", "1Q", "", "1.2.3", "Mi"] {
            assert!(!quantity_ok(bad), "{bad}");
        }
    }

    #[test]
    fn nulls_are_always_accepted() {
        assert!(check("values::Values", json!({"global": {"mountMtlsCerts": null}, "pilot": null})).is_empty());
    }
}
