//! `k8s.overlays[].patches[]`: path-addressed edits of a rendered object, the way istioctl's `tpath`
//! package applies them to a go-yaml v2 tree.
//!
//! Path syntax: `a.b.c` map keys (`\.` escapes a dot, `a[x]` is short for `a.[x]`), `[N]` a list index
//! (`-1` or out of range appends), `[key:value]` the list item whose `key` prints as `value`, `[v]` /
//! `[:v]` the scalar list item matching the regular expression `v`. Missing map keys are created.
//! Writing a value replaces the node; a string value that reads as a YAML map (one line with `: `, or
//! several lines with `:`) and is not JSON replaces the node by that map; no value deletes the node.

use serde_json::{Map, Value};

/// Why a patch could not be applied (istioctl collects and then drops these).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TpathError {
    #[error("path {path}: element {element} not found")]
    NotFound { path: String, element: String },
    #[error("path {path}: {element} is not a valid key:value path element")]
    BadKeyValue { path: String, element: String },
    #[error("path {path}: leaf value in non-leaf node at {element}")]
    LeafInPath { path: String, element: String },
    #[error("path {path}: cannot delete {what}")]
    CannotDelete { path: String, what: &'static str },
    #[error("path {path}: invalid regular expression {element}")]
    BadRegex { path: String, element: String },
}

/// Splits a patch path into elements like istioctl's `util.PathFromString`.
pub fn parse_path(path: &str) -> Vec<String> {
    crate::operator::split_path(path)
}

/// Splits on `sep` unless the separator is preceded by a backslash.
fn split_escaped(s: &str, sep: char) -> Vec<&str> {
    if s.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev = None;
    for (i, c) in s.char_indices() {
        if c == sep && prev != Some('\\') {
            out.push(&s[start..i]);
            start = i + c.len_utf8();
        }
        prev = Some(c);
    }
    out.push(&s[start..]);
    out
}

fn brackets(pe: &str) -> Option<&str> {
    pe.strip_prefix('[').and_then(|s| s.strip_suffix(']'))
}

/// `[N]` with N >= -1.
fn index_element(pe: &str) -> Option<i64> {
    brackets(pe).and_then(|s| s.parse::<i64>().ok()).filter(|n| *n >= -1)
}

/// `[key:value]` with a valid key.
fn key_value_element(pe: &str) -> Option<(String, String)> {
    let inner = brackets(pe)?;
    let kv = split_escaped(inner, ':');
    match kv.as_slice() {
        [k, v]
            if !k.is_empty()
                && !v.is_empty()
                && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') =>
        {
            Some((k.to_string(), v.to_string()))
        }
        _ => None,
    }
}

/// `[:v]` gives `v`; any other bracketed element gives its whole content.
fn value_element(pe: &str) -> Option<String> {
    let inner = brackets(pe)?;
    match inner.strip_prefix(':') {
        Some(v) if !v.is_empty() => Some(v.to_string()),
        _ if !inner.is_empty() => Some(inner.to_string()),
        _ => None,
    }
}

/// How Go's `fmt.Sprint` prints a decoded YAML value (used to match list items).
fn sprint(v: Option<&Value>) -> String {
    v.map_or_else(|| "<nil>".to_string(), crate::operator::go_fmt_v)
}

/// A string value that reads as a YAML map (and is not JSON) becomes that map.
fn value_from_string(value: &Value) -> Value {
    let Value::String(s) = value else { return value.clone() };
    let multi_line = s.contains('\n');
    if !((multi_line && s.contains(':')) || (!multi_line && s.contains(": "))) {
        return value.clone();
    }
    if serde_json::from_str::<Map<String, Value>>(s).is_ok() {
        return value.clone();
    }
    match goyaml::parse(s) {
        Ok(Value::Object(m)) => Value::Object(m),
        Ok(Value::Null) => Value::Object(Map::new()),
        _ => value.clone(),
    }
}

/// Applies one overlay patch: sets the node at `path` to `value`, or deletes it when `value` is `None`
/// (or JSON null).
pub fn apply_patch(root: &mut Value, path: &str, value: Option<&Value>) -> Result<(), TpathError> {
    let elements = parse_path(path);
    let value = value.filter(|v| !v.is_null()).map(value_from_string);
    let ctx = Ctx { path };
    if elements.is_empty() {
        // istioctl never writes the root; deleting it is an error.
        return match value {
            Some(_) => Ok(()),
            None => Err(TpathError::CannotDelete { path: path.to_string(), what: "root element" }),
        };
    }
    ctx.walk(root, &elements, value.as_ref())
}

struct Ctx<'a> {
    path: &'a str,
}

impl Ctx<'_> {
    fn not_found(&self, pe: &str) -> TpathError {
        TpathError::NotFound { path: self.path.to_string(), element: pe.to_string() }
    }

    /// Walks `node` along `rest`; the last element is written (or deleted) in its parent.
    fn walk(&self, node: &mut Value, rest: &[String], value: Option<&Value>) -> Result<(), TpathError> {
        let Some((pe, tail)) = rest.split_first() else { return Ok(()) };
        if node.is_null() {
            if value.is_none() {
                // A container created for a delete is never linked into the tree.
                return Ok(());
            }
            *node = if index_element(pe).is_some() || key_value_element(pe).is_some() {
                Value::Array(Vec::new())
            } else {
                Value::Object(Map::new())
            };
        }
        match node {
            Value::Array(list) => self.walk_list(list, pe, tail, value),
            Value::Object(map) => {
                let child = map.entry(pe.clone()).or_insert_with(|| Value::Object(Map::new()));
                if tail.is_empty() {
                    match value {
                        Some(v) => *child = v.clone(),
                        None => {
                            map.shift_remove(pe);
                        }
                    }
                    return Ok(());
                }
                self.walk(child, tail, value)
            }
            _ => Err(TpathError::LeafInPath { path: self.path.to_string(), element: pe.clone() }),
        }
    }

    fn walk_list(
        &self,
        list: &mut Vec<Value>,
        pe: &str,
        tail: &[String],
        value: Option<&Value>,
    ) -> Result<(), TpathError> {
        if let Some(n) = index_element(pe) {
            let idx = usize::try_from(n).ok().filter(|i| *i < list.len());
            return match (idx, tail.is_empty(), value) {
                (Some(i), true, Some(v)) => {
                    if let Some(slot) = list.get_mut(i) {
                        *slot = v.clone();
                    }
                    Ok(())
                }
                (Some(i), true, None) => {
                    list.remove(i);
                    Ok(())
                }
                (Some(i), false, _) => match list.get_mut(i) {
                    Some(item) => self.walk(item, tail, value),
                    None => Err(self.not_found(pe)),
                },
                (None, _, None) => {
                    Err(TpathError::CannotDelete { path: self.path.to_string(), what: "index out of range" })
                }
                (None, true, Some(v)) => {
                    list.push(v.clone());
                    Ok(())
                }
                (None, false, Some(_)) => {
                    let mut item = Value::Object(Map::new());
                    self.walk(&mut item, tail, value)?;
                    list.push(item);
                    Ok(())
                }
            };
        }
        let mut found = None;
        for (i, item) in list.iter().enumerate() {
            if let Value::Object(m) = item {
                let Some((k, v)) = key_value_element(pe) else {
                    return Err(TpathError::BadKeyValue { path: self.path.to_string(), element: pe.to_string() });
                };
                if sprint(m.get(&k)) == v {
                    found = Some(i);
                    break;
                }
                continue;
            }
            let pattern = value_element(pe).ok_or_else(|| self.not_found(pe))?;
            let re = regex::Regex::new(&pattern)
                .map_err(|_| TpathError::BadRegex { path: self.path.to_string(), element: pattern.clone() })?;
            if re.is_match(&sprint(Some(item))) {
                found = Some(i);
                break;
            }
        }
        let Some(i) = found else { return Err(self.not_found(pe)) };
        match (tail.is_empty(), value) {
            (true, Some(v)) => {
                if let Some(slot) = list.get_mut(i) {
                    *slot = v.clone();
                }
                Ok(())
            }
            (true, None) => {
                list.remove(i);
                Ok(())
            }
            (false, _) => match list.get_mut(i) {
                Some(item) => self.walk(item, tail, value),
                None => Err(self.not_found(pe)),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn deployment() -> Value {
        json!({"kind": "Deployment", "metadata": {"name": "istiod"}, "spec": {"template": {"spec": {
            "containers": [{"name": "discovery", "args": ["a", "--log=1"], "ports": [{"containerPort": 8080}]}]
        }}}})
    }

    #[test]
    fn parses_paths_like_istioctl() {
        assert_eq!(parse_path("a.b[name:x].c"), ["a", "b", "[name:x]", "c"]);
        assert_eq!(
            parse_path(".metadata.annotations.sidecar\\.istio\\.io/inject."),
            ["metadata", "annotations", "sidecar.istio.io/inject"]
        );
        assert_eq!(parse_path("a.[0]"), ["a", "[0]"]);
        assert!(parse_path("").is_empty());
    }

    #[test]
    fn sets_creates_and_deletes() {
        let mut d = deployment();
        apply_patch(
            &mut d,
            "spec.template.spec.containers.[name:discovery].ports.[containerPort:8080].name",
            Some(&json!("http")),
        )
        .unwrap();
        assert_eq!(d.pointer("/spec/template/spec/containers/0/ports/0/name").unwrap(), "http");
        apply_patch(&mut d, "metadata.labels.new", Some(&json!(3))).unwrap();
        assert_eq!(d.pointer("/metadata/labels/new").unwrap(), 3);
        apply_patch(&mut d, "spec.template.spec.containers.[name:discovery].args.[--log]", Some(&json!("--log=2")))
            .unwrap();
        assert_eq!(d.pointer("/spec/template/spec/containers/0/args").unwrap(), &json!(["a", "--log=2"]));
        apply_patch(&mut d, "spec.template.spec.containers.[0].args.[0]", None).unwrap();
        assert_eq!(d.pointer("/spec/template/spec/containers/0/args").unwrap(), &json!(["--log=2"]));
        apply_patch(&mut d, "spec.template.spec.containers.[name:discovery]", None).unwrap();
        assert_eq!(d.pointer("/spec/template/spec/containers").unwrap(), &json!([]));
        apply_patch(&mut d, "metadata.name", None).unwrap();
        assert!(d.pointer("/metadata/name").is_none());
    }

    #[test]
    fn appends_out_of_range_indexes() {
        let mut d = json!({"spec": {"list": [1]}});
        apply_patch(&mut d, "spec.list.[5]", Some(&json!(2))).unwrap();
        apply_patch(&mut d, "spec.list.[-1].x", Some(&json!(3))).unwrap();
        assert_eq!(d, json!({"spec": {"list": [1, 2, {"x": 3}]}}));
    }

    #[test]
    fn yaml_map_strings_replace_the_node() {
        let mut d = json!({"spec": {"a": "x"}});
        apply_patch(&mut d, "spec.a", Some(&json!("b: c"))).unwrap();
        assert_eq!(d, json!({"spec": {"a": {"b": "c"}}}));
        apply_patch(&mut d, "spec.a", Some(&json!("{\"b\": 1}"))).unwrap();
        assert_eq!(d, json!({"spec": {"a": "{\"b\": 1}"}}));
        apply_patch(&mut d, "spec.a", Some(&json!("http://x"))).unwrap();
        assert_eq!(d, json!({"spec": {"a": "http://x"}}));
    }

    #[test]
    fn missing_items_are_errors_and_leave_the_object_alone() {
        let mut d = deployment();
        let before = d.clone();
        assert!(matches!(
            apply_patch(&mut d, "spec.template.spec.containers.[name:nope].image", Some(&json!("x"))),
            Err(TpathError::NotFound { .. })
        ));
        assert!(matches!(apply_patch(&mut d, "metadata.name.x", Some(&json!(1))), Err(TpathError::LeafInPath { .. })));
        assert_eq!(d, before);
        // A delete of a missing key leaves the created parents behind, as istioctl does.
        apply_patch(&mut d, "metadata.annotations.x", None).unwrap();
        assert_eq!(d.pointer("/metadata/annotations").unwrap(), &json!({}));
    }

    proptest::proptest! {
        #[test]
        fn never_panics(path in "[a-c.\\[\\]:0-9*-]{0,12}", set in proptest::bool::ANY) {
            let mut d = deployment();
            let value = json!("x: y");
            let _ = apply_patch(&mut d, &path, set.then_some(&value));
        }
    }

    #[test]
    fn sprint_matches_go() {
        assert_eq!(sprint(Some(&json!(8080))), "8080");
        assert_eq!(sprint(Some(&json!(1.5))), "1.5");
        assert_eq!(sprint(None), "<nil>");
        assert_eq!(sprint(Some(&json!(1e6))), "1e+06");
    }
}
