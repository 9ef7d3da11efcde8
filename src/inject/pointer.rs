//! JSON pointer lookups (RFC 6901) that do not allocate. `serde_json::Value::pointer` builds two
//! `String`s per path segment; kube-inject looks up a few dozen fixed paths per workload.

use serde_json::Value;

/// `pointer`/`pointer_mut` with the semantics of serde_json's, without the allocations.
pub trait PointerExt {
    /// The value at `pointer`, as `serde_json::Value::pointer`.
    fn at(&self, pointer: &str) -> Option<&Value>;
    /// The value at `pointer`, as `serde_json::Value::pointer_mut`.
    fn at_mut(&mut self, pointer: &str) -> Option<&mut Value>;
}

/// An array index as RFC 6901 allows it: digits, no leading zero, no sign.
fn index(token: &str) -> Option<usize> {
    if token.is_empty() || (token.len() > 1 && token.starts_with('0')) || !token.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    token.parse().ok()
}

/// How a pointer is resolved.
enum Path<'p> {
    /// `""`: the value itself.
    Whole,
    /// Unescaped reference tokens, looked up one by one.
    Tokens(std::str::Split<'p, char>),
    /// Contains `~` escapes: left to serde_json.
    Escaped,
    /// Does not start with `/`: nothing.
    Invalid,
}

fn path(pointer: &str) -> Path<'_> {
    if pointer.is_empty() {
        Path::Whole
    } else if pointer.contains('~') {
        Path::Escaped
    } else {
        pointer.strip_prefix('/').map_or(Path::Invalid, |rest| Path::Tokens(rest.split('/')))
    }
}

impl PointerExt for Value {
    fn at(&self, pointer: &str) -> Option<&Value> {
        match path(pointer) {
            Path::Whole => Some(self),
            Path::Escaped => self.pointer(pointer),
            Path::Invalid => None,
            Path::Tokens(mut tokens) => tokens.try_fold(self, |target, token| match target {
                Value::Object(m) => m.get(token),
                Value::Array(a) => index(token).and_then(|i| a.get(i)),
                _ => None,
            }),
        }
    }

    fn at_mut(&mut self, pointer: &str) -> Option<&mut Value> {
        match path(pointer) {
            Path::Whole => Some(self),
            Path::Escaped => self.pointer_mut(pointer),
            Path::Invalid => None,
            Path::Tokens(mut tokens) => tokens.try_fold(self, |target, token| match target {
                Value::Object(m) => m.get_mut(token),
                Value::Array(a) => index(token).and_then(|i| a.get_mut(i)),
                _ => None,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use serde_json::json;

    fn doc() -> Value {
        json!({"a": {"b": [10, {"c": "x"}], "": {"e": 1}, "s/t": 2, "m~n": 3}, "01": 4})
    }

    #[test]
    fn agrees_with_serde_json_on_edge_cases() {
        let mut d = doc();
        for p in [
            "",
            "/",
            "/a",
            "/a/b/0",
            "/a/b/1/c",
            "/a/b/01",
            "/a/b/+1",
            "/a/b/2",
            "/a/b/-",
            "/a//e",
            "/a/s~1t",
            "/a/m~0n",
            "a",
            "/01",
            "/a/b/1/c/d",
            "/zz",
        ] {
            assert_eq!(d.at(p), d.pointer(p), "{p}");
            let expected = d.clone().pointer_mut(p).cloned();
            assert_eq!(d.at_mut(p).cloned(), expected, "{p}");
        }
        if let Some(v) = d.at_mut("/a/b/1/c") {
            *v = json!("y");
        }
        assert_eq!(d.pointer("/a/b/1/c"), Some(&json!("y")));
    }

    proptest! {
        #[test]
        fn agrees_with_serde_json(segments in proptest::collection::vec("[a-c0-2~/]{0,3}", 0..4)) {
            let d = doc();
            let p: String = segments.iter().map(|s| format!("/{s}")).collect();
            prop_assert_eq!(d.at(&p), d.pointer(&p));
        }
    }
}
