//! Untyped tree operations with istioctl's semantics (upstream `operator/pkg/values/map.go`): deep merge,
//! `--set` path parsing and setting, `--set` value typing, and Go's `%v` rendering of a value.

use serde_json::{Map, Value};

use super::path::{FieldPath, Seg};

/// Paths (after the `spec.` prefix is added) whose `--set` values always stay strings.
const ALWAYS_STRING: &[&str] = &[
    "spec.values.compatibilityVersion",
    "spec.tag",
    "spec.values.global.tag",
    "spec.meshConfig.defaultConfig.proxyMetadata.",
    "spec.values.meshConfig.defaultConfig.proxyMetadata.",
    "spec.compatibilityVersion",
];

/// Merges `overlay` into `base` like istioctl's `values.Map.MergeFrom`: when both sides hold an object under the
/// same key the objects merge recursively; anything else in the overlay (scalars, lists, `null`) replaces the base.
/// Unlike RFC 7386, `null` is stored rather than deleting the key, and lists are never merged element-wise.
pub fn merge_values(base: &mut Value, overlay: &Value) {
    match (base, overlay) {
        (Value::Object(b), Value::Object(o)) => merge_maps(b, o),
        (b, o) => *b = o.clone(),
    }
}

fn merge_maps(base: &mut Map<String, Value>, overlay: &Map<String, Value>) {
    for (k, v) in overlay {
        match (base.get_mut(k), v) {
            (Some(Value::Object(b)), Value::Object(o)) => merge_maps(b, o),
            _ => {
                base.insert(k.clone(), v.clone());
            }
        }
    }
}

/// Why a `--set` path could not be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SetPathError {
    /// `[key:value]` matched no element (upstream: `element [k:v] not found`).
    #[error("element {selector} not found in the list at {at}")]
    ElementNotFound { selector: String, at: String },
    /// A bracket segment that is neither an index nor `key:value` (upstream: `unknown segment [x]`).
    #[error("unknown segment {segment} at {at}: use [N] for an index or [key:value] to select by a field")]
    UnknownSegment { segment: String, at: String },
    /// The path walks into a value that is not an object (upstream panics).
    #[error("cannot set a field inside {at}, which holds {found}")]
    NotAnObject { at: String, found: String },
    /// The path indexes a value that is not a list (upstream panics).
    #[error("cannot select a list element in {at}, which holds {found}")]
    NotAList { at: String, found: String },
    /// Nothing is left of the path once `.` and empty parts are removed.
    #[error("the path is empty")]
    EmptyPath,
}

/// Splits a `--set` flag into path and raw value the way istioctl does: only a flag with exactly one `=` is split
/// (both sides trimmed); otherwise the whole flag is the path and the value is empty.
pub fn split_flag(flag: &str) -> (&str, &str) {
    let mut parts = flag.split('=');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(p), Some(v), None) => (p.trim(), v.trim()),
        _ => (flag, ""),
    }
}

/// Types a `--set` value like istioctl: an integer (Go `Atoi`), else a float (`ParseFloat`), else a boolean
/// (`ParseBool`: 1 t T TRUE true True 0 f F FALSE false False), else a string with `\,` turned into `,`.
/// `path` is the full path (with its `spec.` prefix); under the always-string paths (`spec.tag`,
/// `spec.values.global.tag`, `spec.compatibilityVersion`, `...proxyMetadata.`) the raw text is kept.
/// Deviation: Go accepts `inf`/`nan` as floats, which JSON cannot hold; they stay strings here.
pub fn parse_set_value(path: &str, raw: &str) -> Value {
    if ALWAYS_STRING.iter().any(|p| path.starts_with(p)) {
        return Value::String(raw.to_string());
    }
    if let Some(i) = go_atoi(raw) {
        return Value::from(i);
    }
    if let Some(f) = go_parse_float(raw).and_then(serde_json::Number::from_f64) {
        return Value::Number(f);
    }
    match raw {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Value::Bool(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Value::Bool(false),
        _ => Value::String(raw.replace("\\,", ",")),
    }
}

fn go_atoi(s: &str) -> Option<i64> {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse::<i64>().ok()
}

/// Go's `strconv.ParseFloat(s, 64)`: decimal text, or hexadecimal with a mandatory `p` exponent (`0x1.8p1`);
/// out-of-range values fail as in Go. Underscores (Go allows them only after a base prefix) are not accepted.
fn go_parse_float(s: &str) -> Option<f64> {
    let body = s.strip_prefix(['+', '-']).unwrap_or(s);
    let lower = body.to_ascii_lowercase();
    if matches!(lower.as_str(), "inf" | "infinity" | "nan") {
        return None; // Valid in Go, but not representable in JSON.
    }
    if let Some(hex) = lower.strip_prefix("0x") {
        let negative = s.starts_with('-');
        return go_parse_hex_float(hex).map(|f| if negative { -f } else { f }).filter(|f| f.is_finite());
    }
    if !body.bytes().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-')) {
        return None;
    }
    s.parse::<f64>().ok().filter(|f| f.is_finite())
}

/// `<hex digits>[.<hex digits>]p<signed decimal exponent>`, the part after `0x`.
fn go_parse_hex_float(hex: &str) -> Option<f64> {
    let (mantissa, exp) = hex.split_once('p')?;
    let exp: i32 = exp.parse().ok()?;
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int_part.is_empty() && frac_part.is_empty() {
        return None;
    }
    let mut value = 0f64;
    for c in int_part.chars().chain(frac_part.chars()) {
        value = value * 16.0 + f64::from(c.to_digit(16)?);
    }
    let frac_digits = i32::try_from(frac_part.len()).ok()?;
    Some(value * 2f64.powi(exp.checked_sub(frac_digits.checked_mul(4)?)?))
}

/// Splits a path like istioctl: Go `filepath.Clean`, one leading and one trailing `.` trimmed, split on `.` not
/// preceded by `\`, `\.` unescaped, and `node[expr]` split into `node` and `[expr]`.
pub fn split_path(path: &str) -> Vec<String> {
    let cleaned = go_clean(path);
    let cleaned = cleaned.strip_prefix('.').unwrap_or(&cleaned);
    let cleaned = cleaned.strip_suffix('.').unwrap_or(cleaned);
    let mut out = Vec::new();
    for part in split_escaped(cleaned) {
        if part.is_empty() {
            continue;
        }
        let part = part.replace("\\.", ".");
        match part.find('[') {
            Some(i) if i > 0 => {
                out.push(part[..i].to_string());
                out.push(part[i..].to_string());
            }
            _ => out.push(part),
        }
    }
    out
}

fn split_escaped(s: &str) -> Vec<&str> {
    if s.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev = None;
    for (i, c) in s.char_indices() {
        if c == '.' && prev != Some('\\') {
            out.push(&s[start..i]);
            start = i + 1;
        }
        prev = Some(c);
    }
    out.push(&s[start..]);
    out
}

/// Go's `path/filepath.Clean` on a Unix path (lexical: `//`, `/./` and `x/..` collapse).
fn go_clean(path: &str) -> String {
    if path.is_empty() {
        return ".".to_string();
    }
    let rooted = path.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|p| *p != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            p => parts.push(p),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".to_string(),
        (false, false) => joined,
    }
}

fn bracket(seg: &str) -> Option<&str> {
    seg.strip_prefix('[')?.strip_suffix(']')
}

enum Selector<'a> {
    Index(i64),
    KeyValue(&'a str, &'a str),
}

fn selector(seg: &str) -> Option<Selector<'_>> {
    let inner = bracket(seg)?;
    if let Some(i) = go_atoi(inner) {
        return Some(Selector::Index(i));
    }
    inner.split_once(':').map(|(k, v)| Selector::KeyValue(k, v))
}

/// Sets `value` at `path` (istioctl `SetPath` syntax: `a.b`, `a[0].b`, `a.[0].b`, `a.[name:x].b`, `a\.b`) and
/// returns where it landed. Missing objects and lists are created; an index past the end appends.
/// Where upstream panics (walking into a scalar, replacing an existing list element) this returns an error or
/// replaces the element; where upstream silently drops the value (walking through `null`) this creates the object.
pub fn set_path(tree: &mut Value, path: &str, value: Value) -> Result<FieldPath, SetPathError> {
    let segs = split_path(path);
    if segs.is_empty() {
        return Err(SetPathError::EmptyPath);
    }
    let mut at = FieldPath::default();
    if !tree.is_object() {
        return Err(SetPathError::NotAnObject { at: "the document root".into(), found: super::schema::describe(tree) });
    }
    set_rec(tree, &segs, value, &mut at)?;
    Ok(at)
}

fn set_rec(base: &mut Value, segs: &[String], value: Value, at: &mut FieldPath) -> Result<(), SetPathError> {
    let Some((seg, rest)) = segs.split_first() else { return Ok(()) };
    let shown = |at: &FieldPath| if at.is_empty() { "the document root".to_string() } else { at.to_string() };
    let map = match base {
        Value::Object(m) => m,
        Value::Null => {
            *base = Value::Object(Map::new());
            base.as_object_mut().ok_or(SetPathError::EmptyPath)?
        }
        other => return Err(SetPathError::NotAnObject { at: shown(at), found: super::schema::describe(other) }),
    };
    at.push_key(seg);
    let next_is_list = rest.first().is_some_and(|s| s.starts_with('['));
    if !next_is_list {
        if rest.is_empty() {
            map.insert(seg.clone(), value);
            return Ok(());
        }
        let child = map.entry(seg.clone()).or_insert_with(|| Value::Object(Map::new()));
        return set_rec(child, rest, value, at);
    }
    let Some((sel_seg, after)) = rest.split_first() else { return Ok(()) };
    let list_val = map.entry(seg.clone()).or_insert_with(|| Value::Array(Vec::new()));
    if list_val.is_null() {
        *list_val = Value::Array(Vec::new());
    }
    let Value::Array(list) = list_val else {
        return Err(SetPathError::NotAList { at: shown(at), found: super::schema::describe(list_val) });
    };
    let index = match selector(sel_seg) {
        Some(Selector::Index(i)) => usize::try_from(i).ok().filter(|i| *i < list.len()),
        Some(Selector::KeyValue(k, v)) => {
            let found = list.iter().position(|e| e.get(k).and_then(Value::as_str) == Some(v));
            if found.is_none() {
                return Err(SetPathError::ElementNotFound { selector: sel_seg.clone(), at: shown(at) });
            }
            found
        }
        None => return Err(SetPathError::UnknownSegment { segment: sel_seg.clone(), at: shown(at) }),
    };
    match index {
        Some(i) => {
            at.push_index(i);
            let Some(elem) = list.get_mut(i) else { return Ok(()) };
            if after.is_empty() {
                *elem = value;
                Ok(())
            } else {
                set_rec(elem, after, value, at)
            }
        }
        None => {
            at.push_index(list.len());
            if after.is_empty() {
                list.push(value);
                Ok(())
            } else {
                let mut elem = Value::Object(Map::new());
                let r = set_rec(&mut elem, after, value, at);
                list.push(elem);
                r
            }
        }
    }
}

/// Applies one `--set` flag under `spec.` (istioctl `SetSpecPaths`), returning where the value landed.
pub fn set_spec_flag(tree: &mut Value, flag: &str) -> Result<FieldPath, SetPathError> {
    let (path, raw) = split_flag(flag);
    let full = format!("spec.{path}");
    let value = parse_set_value(&full, raw);
    set_path(tree, &full, value)
}

/// Renders a value like Go's `fmt.Sprintf("%v", v)` on decoded JSON (strings bare, `<nil>`, floats in `%g` form,
/// lists `[a b]`, objects `map[k:v]` with sorted keys).
pub fn go_fmt_v(v: &Value) -> String {
    match v {
        Value::Null => "<nil>".into(),
        Value::Bool(b) => b.to_string(),
        Value::String(s) => s.clone(),
        Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
            (Some(i), _, _) => i.to_string(),
            (_, Some(u), _) => u.to_string(),
            (_, _, Some(f)) => go_fmt_float(f),
            _ => n.to_string(),
        },
        Value::Array(items) => format!("[{}]", items.iter().map(go_fmt_v).collect::<Vec<_>>().join(" ")),
        Value::Object(m) => {
            let mut keys: Vec<&String> = m.keys().collect();
            keys.sort();
            let parts: Vec<String> =
                keys.iter().map(|k| format!("{k}:{}", m.get(*k).map(go_fmt_v).unwrap_or_default())).collect();
            format!("map[{}]", parts.join(" "))
        }
    }
}

/// Go's `%v` for a float64 (`strconv` `'g'` with shortest digits): exponent form when the decimal exponent is
/// below -4 or at least 6 (`1e+06`, `1.234567e+06`), plain digits otherwise.
fn go_fmt_float(f: f64) -> String {
    if f == 0.0 {
        return if f.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    // Shortest round-trip digits via Rust's `{:e}` formatting: d.ddddde±x.
    let sci = format!("{f:e}");
    let Some((mantissa, exp)) = sci.split_once('e') else { return sci };
    let exp: i32 = exp.parse().unwrap_or(0);
    if !(-4..6).contains(&exp) {
        let sign = if exp < 0 { '-' } else { '+' };
        return format!("{mantissa}e{sign}{:02}", exp.abs());
    }
    format!("{f}")
}

/// The value at a dotted path of plain keys, if present.
pub fn get_keys<'a>(tree: &'a Value, keys: &[&str]) -> Option<&'a Value> {
    FieldPath(keys.iter().map(|k| Seg::Key((*k).to_string())).collect()).get(tree)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn merge_recurses_into_maps_and_replaces_everything_else() {
        let mut base = json!({"a": {"b": 1, "c": [1, 2]}, "d": {"x": 1}, "e": 1});
        merge_values(&mut base, &json!({"a": {"c": [3]}, "d": null, "e": {"y": 2}}));
        assert_eq!(base, json!({"a": {"b": 1, "c": [3]}, "d": null, "e": {"y": 2}}));
    }

    #[test]
    fn flag_split_needs_exactly_one_equals() {
        assert_eq!(split_flag(" a.b = c "), ("a.b", "c"));
        assert_eq!(split_flag("a=b=c"), ("a=b=c", ""));
        assert_eq!(split_flag("a"), ("a", ""));
    }

    #[test]
    fn value_typing_follows_go_strconv() {
        let p = "spec.values.x";
        assert_eq!(parse_set_value(p, "42"), json!(42));
        assert_eq!(parse_set_value(p, "-7"), json!(-7));
        assert_eq!(parse_set_value(p, "+7"), json!(7));
        assert_eq!(parse_set_value(p, "1.5"), json!(1.5));
        assert_eq!(parse_set_value(p, "1e3"), json!(1000.0));
        assert_eq!(parse_set_value(p, "t"), json!(true));
        assert_eq!(parse_set_value(p, "False"), json!(false));
        assert_eq!(parse_set_value(p, "yes"), json!("yes"));
        assert_eq!(parse_set_value(p, "a\\,b"), json!("a,b"));
        assert_eq!(parse_set_value(p, ""), json!(""));
        assert_eq!(parse_set_value(p, "null"), json!("null"));
        assert_eq!(parse_set_value(p, "inf"), json!("inf"));
        assert_eq!(parse_set_value(p, "1e400"), json!("1e400"));
        assert_eq!(parse_set_value(p, "99999999999999999999"), json!(1e20));
        assert_eq!(parse_set_value(p, "0x1.8p1"), json!(3.0));
        assert_eq!(parse_set_value(p, "-0x1p-2"), json!(-0.25));
        assert_eq!(parse_set_value(p, "0x10"), json!("0x10"));
    }

    #[test]
    fn always_string_paths_keep_text() {
        assert_eq!(parse_set_value("spec.tag", "1.30"), json!("1.30"));
        assert_eq!(parse_set_value("spec.values.global.tag", "130"), json!("130"));
        assert_eq!(parse_set_value("spec.compatibilityVersion", "1.25"), json!("1.25"));
        assert_eq!(parse_set_value("spec.meshConfig.defaultConfig.proxyMetadata.X", "true"), json!("true"));
        assert_eq!(parse_set_value("spec.values.revision", "130"), json!(130));
    }

    #[test]
    fn path_splitting() {
        assert_eq!(split_path("a.b.c"), ["a", "b", "c"]);
        assert_eq!(split_path(".a.b."), ["a", "b"]);
        assert_eq!(split_path("a\\.b.c"), ["a.b", "c"]);
        assert_eq!(split_path("top[0].x"), ["top", "[0]", "x"]);
        assert_eq!(split_path("top.[0].x"), ["top", "[0]", "x"]);
        assert_eq!(split_path("l.[name:foo\\.bar].x"), ["l", "[name:foo.bar]", "x"]);
        assert_eq!(split_path("a//b/./c"), ["a/b/c"]);
        assert_eq!(split_path("sidecar\\.istio\\.io/inject"), ["sidecar.istio.io/inject"]);
    }

    #[test]
    fn set_creates_maps_and_lists() {
        let mut t = json!({});
        assert_eq!(set_path(&mut t, "a.b", json!(1)).map(|p| p.to_string()), Ok("a.b".into()));
        set_path(&mut t, "l[0].name", json!("x")).unwrap();
        set_path(&mut t, "l.[name:x].v", json!(2)).unwrap();
        set_path(&mut t, "l[5].name", json!("y")).unwrap();
        assert_eq!(t, json!({"a": {"b": 1}, "l": [{"name": "x", "v": 2}, {"name": "y"}]}));
    }

    #[test]
    fn set_errors() {
        let mut t = json!({"l": [{"name": "x"}], "s": 1});
        assert!(matches!(set_path(&mut t, "l.[name:zz].v", json!(1)), Err(SetPathError::ElementNotFound { .. })));
        assert!(matches!(set_path(&mut t, "l.[zz].v", json!(1)), Err(SetPathError::UnknownSegment { .. })));
        assert!(matches!(set_path(&mut t, "s.x", json!(1)), Err(SetPathError::NotAnObject { .. })));
        assert!(matches!(set_path(&mut t, "s[0]", json!(1)), Err(SetPathError::NotAList { .. })));
        assert_eq!(set_path(&mut t, "...", json!(1)), Err(SetPathError::EmptyPath));
        assert_eq!(
            set_path(&mut t, "l.[name:zz].v", json!(1)).unwrap_err().to_string(),
            "element [name:zz] not found in the list at l"
        );
    }

    #[test]
    fn set_replaces_an_existing_element_by_index() {
        let mut t = json!({"l": [1, 2]});
        set_path(&mut t, "l[1]", json!(3)).unwrap();
        assert_eq!(t, json!({"l": [1, 3]}));
    }

    #[test]
    fn go_v_formatting() {
        assert_eq!(go_fmt_v(&json!(1.3)), "1.3");
        assert_eq!(go_fmt_v(&json!(130)), "130");
        assert_eq!(go_fmt_v(&json!(1e21)), "1e+21");
        assert_eq!(go_fmt_v(&json!(0.00001)), "1e-05");
        assert_eq!(go_fmt_v(&json!(1e6)), "1e+06");
        assert_eq!(go_fmt_v(&json!(1234567.0)), "1.234567e+06");
        assert_eq!(go_fmt_v(&json!(123456.0)), "123456");
        assert_eq!(go_fmt_v(&json!(null)), "<nil>");
        assert_eq!(go_fmt_v(&json!(["a", 1])), "[a 1]");
        assert_eq!(go_fmt_v(&json!({"b": 1, "a": true})), "map[a:true b:1]");
    }
}
