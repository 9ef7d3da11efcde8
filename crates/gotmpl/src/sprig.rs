//! The Sprig function subset Helm charts and Istio's templates call, with Sprig's (and Go's)
//! observable quirks: `default` treats empty values as unset, `quote` skips nil, numbers convert
//! like spf13/cast, `merge`/`mergeOverwrite` follow mergo and mutate their first argument, and
//! `toJson`/`fromJson` follow Helm's encoding/json-based versions.

use std::sync::Arc;

use crate::funcs::{FuncContext, FuncError, arg_int, arg_map, arg_str, check_arity, check_min_arity};
use crate::gofmt::{self, sprint_v};
use crate::value::{MAX_VALUE_DEPTH, Map, Value};
use crate::{Func, encode};

type FResult = Result<Value, FuncError>;
type RawFn = fn(&mut FuncContext<'_>, &[Value]) -> FResult;

const TABLE: &[(&str, RawFn)] = &[
    ("default", default),
    ("empty", |_, a| {
        check_arity(a, 1)?;
        Ok(Value::Bool(!a[0].is_true()))
    }),
    ("coalesce", |_, a| Ok(a.iter().find(|v| v.is_true()).cloned().unwrap_or(Value::Nil))),
    ("ternary", ternary),
    ("fail", |_, a| {
        check_arity(a, 1)?;
        Err(FuncError::msg(arg_str(a, 0)?))
    }),
    // strings
    ("quote", |_, a| Ok(join_non_nil(a, |v| gofmt::quote(&strval(v))))),
    ("squote", |_, a| Ok(join_non_nil(a, |v| format!("'{}'", sprint_v(v))))),
    ("upper", |_, a| str1(a, |s| s.to_uppercase())),
    ("lower", |_, a| str1(a, |s| s.to_lowercase())),
    ("title", |_, a| str1(a, title)),
    ("trim", |_, a| str1(a, |s| s.trim_matches(is_go_space).to_string())),
    ("nospace", |_, a| str1(a, |s| s.chars().filter(|c| !is_go_space(*c)).collect())),
    ("trimSuffix", |_, a| str2(a, |x, s| s.strip_suffix(x).unwrap_or(s).to_string())),
    ("trimPrefix", |_, a| str2(a, |x, s| s.strip_prefix(x).unwrap_or(s).to_string())),
    ("trimAll", |_, a| str2(a, |cut, s| s.trim_matches(|c| cut.contains(c)).to_string())),
    ("contains", |_, a| bool2(a, |x, s| s.contains(x))),
    ("hasPrefix", |_, a| bool2(a, |x, s| s.starts_with(x))),
    ("hasSuffix", |_, a| bool2(a, |x, s| s.ends_with(x))),
    ("replace", |_, a| {
        check_arity(a, 3)?;
        let (old, new, src) = (arg_str(a, 0)?, arg_str(a, 1)?, arg_str(a, 2)?);
        Ok(Value::string(go_replace_all(src, old, new)))
    }),
    ("repeat", |_, a| {
        check_arity(a, 2)?;
        let (n, s) = (arg_int(a, 0)?, arg_str(a, 1)?);
        let n = usize::try_from(n).map_err(|_| FuncError::msg("strings: negative Repeat count"))?;
        if s.len().saturating_mul(n) > 1 << 28 {
            return Err(FuncError::msg("strings: Repeat output length overflow"));
        }
        Ok(Value::string(s.repeat(n)))
    }),
    ("split", |_, a| {
        check_arity(a, 2)?;
        let parts = go_split(arg_str(a, 1)?, arg_str(a, 0)?);
        Ok(Value::map_from(parts.into_iter().enumerate().map(|(i, p)| (format!("_{i}"), Value::string(p)))))
    }),
    ("splitList", |_, a| {
        check_arity(a, 2)?;
        Ok(Value::list_from(go_split(arg_str(a, 1)?, arg_str(a, 0)?).into_iter().map(Value::string)))
    }),
    ("join", |_, a| {
        check_arity(a, 2)?;
        let sep = arg_str(a, 0)?;
        Ok(Value::string(strslice(&a[1]).join(sep)))
    }),
    ("indent", |_, a| indent(a, false)),
    ("nindent", |_, a| indent(a, true)),
    ("trunc", |_, a| {
        check_arity(a, 2)?;
        let (c, s) = (arg_int(a, 0)?, arg_str(a, 1)?);
        let len = s.len() as i64;
        let out = if c < 0 && len + c > 0 {
            byte_slice(s, (len + c) as usize, s.len())
        } else if c >= 0 && len > c {
            byte_slice(s, 0, c as usize)
        } else {
            s.to_string()
        };
        Ok(Value::string(out))
    }),
    ("abbrev", |_, a| {
        check_arity(a, 2)?;
        let (w, s) = (arg_int(a, 0)?, arg_str(a, 1)?);
        if w < 4 || s.len() as i64 <= w {
            return Ok(Value::string(s));
        }
        Ok(Value::string(format!("{}...", byte_slice(s, 0, (w - 3) as usize))))
    }),
    ("substr", |_, a| {
        check_arity(a, 3)?;
        let (start, end, s) = (arg_int(a, 0)?, arg_int(a, 1)?, arg_str(a, 2)?);
        let len = s.len() as i64;
        let (lo, hi) = if start < 0 {
            (0, end)
        } else if end < 0 || end > len {
            (start, len)
        } else {
            (start, end)
        };
        if lo < 0 || hi < lo || hi > len {
            return Err(FuncError::msg(format!("runtime error: slice bounds out of range [{lo}:{hi}]")));
        }
        Ok(Value::string(byte_slice(s, lo as usize, hi as usize)))
    }),
    ("cat", |_, a| {
        let parts: Vec<String> = a.iter().filter(|v| !v.is_nil()).map(sprint_v).collect();
        Ok(Value::string(parts.join(" ")))
    }),
    ("toString", |_, a| {
        check_arity(a, 1)?;
        Ok(Value::string(strval(&a[0])))
    }),
    ("toStrings", |_, a| {
        check_arity(a, 1)?;
        Ok(Value::list_from(strslice(&a[0]).into_iter().map(Value::string)))
    }),
    ("sortAlpha", |_, a| {
        check_arity(a, 1)?;
        let mut v = strslice(&a[0]);
        v.sort();
        Ok(Value::list_from(v.into_iter().map(Value::string)))
    }),
    // numbers
    ("int", |_, a| num1(a, |v| Value::Int(to_int64(v)))),
    ("int64", |_, a| num1(a, |v| Value::Int(to_int64(v)))),
    ("float64", |_, a| num1(a, |v| Value::Float(to_float64(v)))),
    ("atoi", |_, a| {
        check_arity(a, 1)?;
        Ok(Value::Int(arg_str(a, 0)?.parse::<i64>().unwrap_or(0)))
    }),
    ("add", |_, a| Ok(Value::Int(a.iter().map(to_int64).fold(0i64, i64::wrapping_add)))),
    ("add1", |_, a| num1(a, |v| Value::Int(to_int64(v).wrapping_add(1)))),
    ("sub", |_, a| {
        check_arity(a, 2)?;
        Ok(Value::Int(to_int64(&a[0]).wrapping_sub(to_int64(&a[1]))))
    }),
    ("mul", |_, a| {
        check_min_arity(a, 1)?;
        Ok(Value::Int(a.iter().map(to_int64).fold(1i64, i64::wrapping_mul)))
    }),
    ("div", |_, a| {
        check_arity(a, 2)?;
        let d = to_int64(&a[1]);
        if d == 0 {
            return Err(FuncError::msg("runtime error: integer divide by zero"));
        }
        Ok(Value::Int(to_int64(&a[0]).wrapping_div(d)))
    }),
    ("mod", |_, a| {
        check_arity(a, 2)?;
        let d = to_int64(&a[1]);
        if d == 0 {
            return Err(FuncError::msg("runtime error: integer divide by zero"));
        }
        Ok(Value::Int(to_int64(&a[0]).wrapping_rem(d)))
    }),
    ("max", |_, a| {
        check_min_arity(a, 1)?;
        Ok(Value::Int(a.iter().map(to_int64).max().unwrap_or(0)))
    }),
    ("min", |_, a| {
        check_min_arity(a, 1)?;
        Ok(Value::Int(a.iter().map(to_int64).min().unwrap_or(0)))
    }),
    ("until", |_, a| {
        check_arity(a, 1)?;
        let n = arg_int(a, 0)?;
        let step = if n < 0 { -1 } else { 1 };
        if n.unsigned_abs() > 1 << 20 {
            return Err(FuncError::msg("until: count too large"));
        }
        Ok(Value::list_from(
            std::iter::successors(Some(0i64), |i| Some(i + step)).take_while(|i| *i != n).map(Value::Int),
        ))
    }),
    // lists
    ("list", |_, a| Ok(Value::list_from(a.iter().cloned()))),
    ("tuple", |_, a| Ok(Value::list_from(a.iter().cloned()))),
    ("append", |_, a| push(a, "append", "push", false)),
    ("push", |_, a| push(a, "push", "push", false)),
    ("mustAppend", |_, a| push(a, "append", "push", false)),
    ("mustPush", |_, a| push(a, "push", "push", false)),
    ("prepend", |_, a| push(a, "prepend", "prepend", true)),
    ("mustPrepend", |_, a| push(a, "prepend", "prepend", true)),
    ("first", |_, a| list_pick(a, "first", |l| l.first().cloned().unwrap_or(Value::Nil))),
    ("mustFirst", |_, a| list_pick(a, "first", |l| l.first().cloned().unwrap_or(Value::Nil))),
    ("last", |_, a| list_pick(a, "last", |l| l.last().cloned().unwrap_or(Value::Nil))),
    ("mustLast", |_, a| list_pick(a, "last", |l| l.last().cloned().unwrap_or(Value::Nil))),
    ("rest", |_, a| list_pick(a, "rest", |l| if l.is_empty() { Value::Nil } else { Value::from(l[1..].to_vec()) })),
    ("mustRest", |_, a| list_pick(a, "rest", |l| if l.is_empty() { Value::Nil } else { Value::from(l[1..].to_vec()) })),
    ("initial", |_, a| {
        list_pick(a, "initial", |l| if l.is_empty() { Value::Nil } else { Value::from(l[..l.len() - 1].to_vec()) })
    }),
    ("mustInitial", |_, a| {
        list_pick(a, "initial", |l| if l.is_empty() { Value::Nil } else { Value::from(l[..l.len() - 1].to_vec()) })
    }),
    ("uniq", |_, a| list_pick(a, "uniq", |l| Value::from(uniq(l)))),
    ("mustUniq", |_, a| list_pick(a, "uniq", |l| Value::from(uniq(l)))),
    ("compact", |_, a| list_pick(a, "compact", |l| Value::list_from(l.iter().filter(|v| v.is_true()).cloned()))),
    ("mustCompact", |_, a| list_pick(a, "compact", |l| Value::list_from(l.iter().filter(|v| v.is_true()).cloned()))),
    ("without", without),
    ("mustWithout", without),
    ("has", has),
    ("mustHas", has),
    ("concat", |_, a| {
        let mut out = Vec::new();
        for v in a {
            match v {
                Value::List(l) => out.extend(l.to_vec()),
                other => return Err(FuncError::msg(format!("Cannot concat type {} as list", other.kind_name()))),
            }
        }
        Ok(Value::from(out))
    }),
    // dicts
    ("dict", |_, a| {
        let m = Map::new();
        for pair in a.chunks(2) {
            let key = strval(&pair[0]);
            m.insert(key, pair.get(1).cloned().unwrap_or_else(|| Value::string("")));
        }
        Ok(Value::Map(m))
    }),
    ("get", |_, a| {
        check_arity(a, 2)?;
        let (m, k) = (arg_map(a, 0)?, arg_str(a, 1)?);
        Ok(m.and_then(|m| m.get(k)).unwrap_or_else(|| Value::string("")))
    }),
    ("set", |_, a| {
        check_arity(a, 3)?;
        let (m, k) = (arg_map(a, 0)?, arg_str(a, 1)?);
        let m = m.ok_or_else(|| FuncError::msg("assignment to entry in nil map"))?;
        m.insert(k, a[2].clone());
        Ok(Value::Map(m.clone()))
    }),
    ("unset", |_, a| {
        check_arity(a, 2)?;
        let (m, k) = (arg_map(a, 0)?, arg_str(a, 1)?);
        match m {
            Some(m) => {
                m.remove(k);
                Ok(Value::Map(m.clone()))
            }
            // deleting from a nil map is a no-op in Go; the (nil) map prints as map[]
            None => Ok(Value::new_map()),
        }
    }),
    ("hasKey", |_, a| {
        check_arity(a, 2)?;
        let (m, k) = (arg_map(a, 0)?, arg_str(a, 1)?);
        Ok(Value::Bool(m.is_some_and(|m| m.contains_key(k))))
    }),
    ("keys", |_, a| {
        let mut out = Vec::new();
        for i in 0..a.len() {
            if let Some(m) = arg_map(a, i)? {
                out.extend(m.keys().into_iter().map(Value::String));
            }
        }
        Ok(Value::from(out))
    }),
    ("values", |_, a| {
        check_arity(a, 1)?;
        let m = arg_map(a, 0)?;
        Ok(Value::from(m.map(|m| m.entries().into_iter().map(|(_, v)| v).collect::<Vec<_>>()).unwrap_or_default()))
    }),
    ("pick", |_, a| {
        check_min_arity(a, 1)?;
        let m = arg_map(a, 0)?;
        let out = Map::new();
        for i in 1..a.len() {
            let k = arg_str(a, i)?;
            if let Some(v) = m.and_then(|m| m.get(k)) {
                out.insert(k, v);
            }
        }
        Ok(Value::Map(out))
    }),
    ("omit", |_, a| {
        check_min_arity(a, 1)?;
        let m = arg_map(a, 0)?;
        let mut drop = Vec::new();
        for i in 1..a.len() {
            drop.push(arg_str(a, i)?);
        }
        let entries = m.map(Map::entries).unwrap_or_default();
        Ok(Value::Map(entries.into_iter().filter(|(k, _)| !drop.contains(&&**k)).collect()))
    }),
    ("merge", |_, a| merge_fn(a, false)),
    ("mustMerge", |_, a| merge_fn(a, false)),
    ("mergeOverwrite", |_, a| merge_fn(a, true)),
    ("mustMergeOverwrite", |_, a| merge_fn(a, true)),
    ("deepCopy", |_, a| {
        check_arity(a, 1)?;
        Ok(a[0].deep_copy())
    }),
    ("mustDeepCopy", |_, a| {
        check_arity(a, 1)?;
        Ok(a[0].deep_copy())
    }),
    ("dig", dig),
    // types
    ("kindOf", |_, a| {
        check_arity(a, 1)?;
        Ok(Value::string(a[0].kind_name()))
    }),
    ("kindIs", |_, a| {
        check_arity(a, 2)?;
        Ok(Value::Bool(arg_str(a, 0)? == a[1].kind_name()))
    }),
    ("typeOf", |_, a| {
        check_arity(a, 1)?;
        Ok(Value::string(a[0].type_name()))
    }),
    ("typeIs", |_, a| {
        check_arity(a, 2)?;
        Ok(Value::Bool(arg_str(a, 0)? == a[1].type_name()))
    }),
    // regex
    ("regexMatch", |_, a| {
        check_arity(a, 2)?;
        let (re, s) = (arg_str(a, 0)?, arg_str(a, 1)?);
        Ok(Value::Bool(regex::Regex::new(re).is_ok_and(|r| r.is_match(s))))
    }),
    ("mustRegexMatch", |_, a| {
        check_arity(a, 2)?;
        let (re, s) = (compile(arg_str(a, 0)?)?, arg_str(a, 1)?);
        Ok(Value::Bool(re.is_match(s)))
    }),
    ("regexReplaceAll", |_, a| regex_replace(a, false)),
    ("mustRegexReplaceAll", |_, a| regex_replace(a, false)),
    ("regexReplaceAllLiteral", |_, a| regex_replace(a, true)),
    ("mustRegexReplaceAllLiteral", |_, a| regex_replace(a, true)),
    ("regexFind", |_, a| {
        check_arity(a, 2)?;
        let (re, s) = (compile(arg_str(a, 0)?)?, arg_str(a, 1)?);
        Ok(Value::string(re.find(s).map(|m| m.as_str()).unwrap_or("")))
    }),
    ("mustRegexFind", |_, a| {
        check_arity(a, 2)?;
        let (re, s) = (compile(arg_str(a, 0)?)?, arg_str(a, 1)?);
        Ok(Value::string(re.find(s).map(|m| m.as_str()).unwrap_or("")))
    }),
    ("regexFindAll", |_, a| {
        check_arity(a, 3)?;
        let (re, s, n) = (compile(arg_str(a, 0)?)?, arg_str(a, 1)?, arg_int(a, 2)?);
        let take = usize::try_from(n).unwrap_or(usize::MAX);
        Ok(Value::list_from(re.find_iter(s).take(take).map(|m| Value::string(m.as_str()))))
    }),
    ("regexSplit", |_, a| {
        check_arity(a, 3)?;
        let (re, s, n) = (compile(arg_str(a, 0)?)?, arg_str(a, 1)?, arg_int(a, 2)?);
        if n == 0 {
            return Ok(Value::Nil);
        }
        let parts: Vec<Value> = match usize::try_from(n) {
            Ok(n) => re.splitn(s, n).map(Value::string).collect(),
            Err(_) => re.split(s).map(Value::string).collect(),
        };
        Ok(Value::from(parts))
    }),
    ("all", |_, a| Ok(Value::Bool(a.iter().all(Value::is_true)))),
    ("any", |_, a| Ok(Value::Bool(a.iter().any(Value::is_true)))),
    ("reverse", |_, a| list_pick(a, "reverse", |l| Value::list_from(l.iter().rev().cloned()))),
    ("mustReverse", |_, a| list_pick(a, "reverse", |l| Value::list_from(l.iter().rev().cloned()))),
    ("chunk", chunk),
    ("mustChunk", chunk),
    ("pluck", |_, a| {
        check_min_arity(a, 1)?;
        let key = arg_str(a, 0)?;
        let mut out = Vec::new();
        for i in 1..a.len() {
            if let Some(v) = arg_map(a, i)?.and_then(|m| m.get(key)) {
                out.push(v);
            }
        }
        Ok(Value::from(out))
    }),
    ("splitn", |_, a| {
        check_arity(a, 3)?;
        let (sep, n, orig) = (arg_str(a, 0)?, arg_int(a, 1)?, arg_str(a, 2)?);
        let parts: Vec<String> = match usize::try_from(n) {
            Ok(0) => Vec::new(),
            Ok(n) if !sep.is_empty() => orig.splitn(n, sep).map(String::from).collect(),
            Ok(n) => {
                let chars: Vec<char> = orig.chars().collect();
                let mut v: Vec<String> = chars.iter().take(n.saturating_sub(1)).map(|c| c.to_string()).collect();
                if chars.len() >= n {
                    v.push(chars[n - 1..].iter().collect());
                }
                v
            }
            Err(_) => go_split(orig, sep),
        };
        Ok(Value::map_from(parts.into_iter().enumerate().map(|(i, p)| (format!("_{i}"), Value::string(p)))))
    }),
    ("deepEqual", |_, a| {
        check_arity(a, 2)?;
        Ok(Value::Bool(a[0].deep_equal(&a[1])))
    }),
    ("floor", |_, a| num1(a, |v| Value::Float(to_float64(v).floor()))),
    ("ceil", |_, a| num1(a, |v| Value::Float(to_float64(v).ceil()))),
    ("biggest", |_, a| {
        check_min_arity(a, 1)?;
        Ok(Value::Int(a.iter().map(to_int64).max().unwrap_or(0)))
    }),
    ("toDecimal", |_, a| num1(a, |v| Value::Int(i64::from_str_radix(&sprint_v(v), 8).unwrap_or(0)))),
    ("trimall", |_, a| str2(a, |cut, s| s.trim_matches(|c| cut.contains(c)).to_string())),
    ("regexQuoteMeta", |_, a| {
        str1(a, |s| {
            let mut out = String::with_capacity(s.len());
            for c in s.chars() {
                if "\\.+*?()|[]{}^$".contains(c) {
                    out.push('\\');
                }
                out.push(c);
            }
            out
        })
    }),
    // paths (Go's path package)
    ("base", |_, a| str1(a, path_base)),
    ("dir", |_, a| str1(a, |p| path_clean(p.rfind('/').map_or("", |i| &p[..=i])))),
    ("clean", |_, a| str1(a, path_clean)),
    ("ext", |_, a| {
        str1(a, |p| {
            let tail = p.rsplit('/').next().unwrap_or("");
            tail.rfind('.').map_or(String::new(), |i| tail[i..].to_string())
        })
    }),
    ("isAbs", |_, a| {
        check_arity(a, 1)?;
        Ok(Value::Bool(arg_str(a, 0)?.starts_with('/')))
    }),
    // encodings
    ("b64enc", |_, a| str1(a, |s| encode::base64_encode(s.as_bytes()))),
    ("b64dec", |_, a| {
        str1(a, |s| match encode::base64_decode(s) {
            Ok(b) => String::from_utf8_lossy(&b).into_owned(),
            Err(e) => e,
        })
    }),
    ("sha256sum", |_, a| str1(a, |s| encode::sha256_hex(s.as_bytes()))),
    ("toJson", |_, a| json_fn(a, true, false, false)),
    ("mustToJson", |_, a| json_fn(a, true, false, true)),
    ("toPrettyJson", |_, a| json_fn(a, true, true, false)),
    ("mustToPrettyJson", |_, a| json_fn(a, true, true, true)),
    ("toRawJson", |_, a| json_fn(a, false, false, false)),
    ("mustToRawJson", |_, a| json_fn(a, false, false, true)),
    ("fromJson", |_, a| {
        check_arity(a, 1)?;
        let s = arg_str(a, 0)?;
        Ok(match encode::json_decode(s) {
            Ok(v @ Value::Map(_)) => v,
            Ok(v) => error_map(format!(
                "json: cannot unmarshal {} into Go value of type map[string]interface {{}}",
                json_kind(&v)
            )),
            Err(e) => error_map(e),
        })
    }),
    ("fromJsonArray", |_, a| {
        check_arity(a, 1)?;
        let s = arg_str(a, 0)?;
        Ok(match encode::json_decode(s) {
            Ok(v @ Value::List(_)) => v,
            Ok(v) => Value::list_from([Value::string(format!(
                "json: cannot unmarshal {} into Go value of type []interface {{}}",
                json_kind(&v)
            ))]),
            Err(e) => Value::list_from([Value::string(e)]),
        })
    }),
];

/// The Sprig function subset, by name, ready for [`crate::Template::add_funcs`].
///
/// Not provided (unused by Istio's charts and templates): case conversions (`camelcase`,
/// `snakecase`, `kebabcase`, `swapcase`, `untitle`, `initials`), `semver*`, dates/`now`, `uuid*`,
/// `rand*`, decimal float math (`addf`…), `sha1sum`/`adler32sum`, `env`/`expandenv`, crypto and
/// URL helpers. Helm's (`include`, `tpl`, `toYaml`, `fromYaml`, `required`, `lookup`) and Istio's
/// injector functions belong to the layers above.
pub fn sprig_funcs() -> Vec<(&'static str, Func)> {
    TABLE.iter().map(|(n, f)| (*n, Arc::new(*f) as Func)).collect()
}

fn error_map(msg: String) -> Value {
    Value::map_from([("Error", Value::string(msg))])
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Nil => "null",
        Value::Bool(_) => "bool",
        Value::Int(_) | Value::Float(_) => "number",
        Value::String(_) => "string",
        Value::List(_) => "array",
        _ => "object",
    }
}

/// Sprig's `strval`: strings as is, everything else with `%v`.
pub fn strval(v: &Value) -> String {
    match v {
        Value::String(s) => s.to_string(),
        other => sprint_v(other),
    }
}

/// Sprig's `strslice`: a list's non-nil elements as strings, nil as empty, a scalar as one.
pub fn strslice(v: &Value) -> Vec<String> {
    match v {
        Value::List(l) => l.to_vec().iter().filter(|e| !e.is_nil()).map(strval).collect(),
        Value::Nil => Vec::new(),
        other => vec![strval(other)],
    }
}

/// spf13/cast `ToInt64` (errors become 0).
pub fn to_int64(v: &Value) -> i64 {
    match v {
        Value::Int(i) => *i,
        Value::Float(f) => {
            if f.is_nan() {
                i64::MIN
            } else {
                *f as i64
            }
        }
        Value::Bool(b) => i64::from(*b),
        Value::String(s) => parse_cast_int(&trim_zero_decimal(s)).unwrap_or(0),
        _ => 0,
    }
}

fn parse_cast_int(s: &str) -> Option<i64> {
    let (neg, body) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (radix, digits) = if let Some(r) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        (16, r)
    } else if let Some(r) = body.strip_prefix("0o").or_else(|| body.strip_prefix("0O")) {
        (8, r)
    } else if let Some(r) = body.strip_prefix("0b").or_else(|| body.strip_prefix("0B")) {
        (2, r)
    } else if body.len() > 1 && body.starts_with('0') {
        (8, &body[1..])
    } else {
        (10, body)
    };
    if digits.is_empty() || digits.starts_with(['+', '-', '_']) || digits.ends_with('_') || digits.contains("__") {
        return None;
    }
    let clean: String = digits.chars().filter(|c| *c != '_').collect();
    let u = u64::from_str_radix(&clean, radix).ok()?;
    if neg {
        if u == 1u64 << 63 { Some(i64::MIN) } else { i64::try_from(u).ok().map(|v| -v) }
    } else {
        i64::try_from(u).ok()
    }
}

fn trim_zero_decimal(s: &str) -> String {
    let b = s.as_bytes();
    let mut found_zero = false;
    for i in (1..=b.len()).rev() {
        match b[i - 1] {
            b'.' => {
                if found_zero {
                    return s[..i - 1].to_string();
                }
            }
            b'0' => found_zero = true,
            _ => return s.to_string(),
        }
    }
    s.to_string()
}

/// spf13/cast `ToFloat64` (errors become 0).
pub fn to_float64(v: &Value) -> f64 {
    match v {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        Value::Bool(b) => f64::from(u8::from(*b)),
        Value::String(s) => {
            let t = s.trim();
            if t.is_empty() || t != &**s { 0.0 } else { crate::parse::parse_go_float_pub(t).unwrap_or(0.0) }
        }
        _ => 0.0,
    }
}

fn is_go_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{85}' | '\u{a0}')
        || (c as u32 > 0xff && c.is_whitespace())
}

fn byte_slice(s: &str, lo: usize, hi: usize) -> String {
    String::from_utf8_lossy(s.as_bytes().get(lo..hi).unwrap_or(&[])).into_owned()
}

fn join_non_nil(a: &[Value], f: impl Fn(&Value) -> String) -> Value {
    let parts: Vec<String> = a.iter().filter(|v| !v.is_nil()).map(f).collect();
    Value::string(parts.join(" "))
}

fn str1(a: &[Value], f: impl Fn(&str) -> String) -> FResult {
    check_arity(a, 1)?;
    Ok(Value::string(f(arg_str(a, 0)?)))
}

fn str2(a: &[Value], f: impl Fn(&str, &str) -> String) -> FResult {
    check_arity(a, 2)?;
    Ok(Value::string(f(arg_str(a, 0)?, arg_str(a, 1)?)))
}

fn bool2(a: &[Value], f: impl Fn(&str, &str) -> bool) -> FResult {
    check_arity(a, 2)?;
    Ok(Value::Bool(f(arg_str(a, 0)?, arg_str(a, 1)?)))
}

fn num1(a: &[Value], f: impl Fn(&Value) -> Value) -> FResult {
    check_arity(a, 1)?;
    Ok(f(&a[0]))
}

fn default(_: &mut FuncContext<'_>, a: &[Value]) -> FResult {
    check_min_arity(a, 1)?;
    match a.get(1) {
        Some(g) if g.is_true() => Ok(g.clone()),
        _ => Ok(a[0].clone()),
    }
}

fn ternary(_: &mut FuncContext<'_>, a: &[Value]) -> FResult {
    check_arity(a, 3)?;
    let c = crate::funcs::arg_bool(a, 2)?;
    Ok(if c { a[0].clone() } else { a[1].clone() })
}

/// Go's `strings.Title`: upper-cases the first letter of each word.
fn title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_sep = true;
    for c in s.chars() {
        if prev_sep {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        prev_sep = if c.is_ascii() {
            !(c.is_ascii_alphanumeric() || c == '_')
        } else {
            !(c.is_alphanumeric()) && c.is_whitespace()
        };
    }
    out
}

/// Go's `strings.Replace(s, old, new, -1)` (an empty `old` inserts `new` around every rune).
fn go_replace_all(s: &str, old: &str, new: &str) -> String {
    if !old.is_empty() {
        return s.replace(old, new);
    }
    let mut out = String::with_capacity(s.len() + new.len() * (s.len() + 1));
    out.push_str(new);
    for c in s.chars() {
        out.push(c);
        out.push_str(new);
    }
    out
}

/// Go's `strings.Split` (an empty separator splits into runes).
fn go_split(s: &str, sep: &str) -> Vec<String> {
    if sep.is_empty() {
        return s.chars().map(String::from).collect();
    }
    s.split(sep).map(String::from).collect()
}

fn indent(a: &[Value], newline: bool) -> FResult {
    check_arity(a, 2)?;
    let (n, s) = (arg_int(a, 0)?, arg_str(a, 1)?);
    let n = usize::try_from(n).map_err(|_| FuncError::msg("strings: negative Repeat count"))?;
    if n > 1 << 20 {
        return Err(FuncError::msg("strings: Repeat output length overflow"));
    }
    let pad = " ".repeat(n);
    let body = format!("{pad}{}", s.replace('\n', &format!("\n{pad}")));
    Ok(Value::string(if newline { format!("\n{body}") } else { body }))
}

fn list_arg(a: &[Value], what: &str) -> Result<Vec<Value>, FuncError> {
    match a.first() {
        Some(Value::List(l)) => Ok(l.to_vec()),
        Some(Value::Nil) | None => {
            Err(FuncError::msg("runtime error: invalid memory address or nil pointer dereference"))
        }
        Some(other) => Err(FuncError::msg(format!("Cannot find {what} on type {}", other.kind_name()))),
    }
}

fn list_pick(a: &[Value], what: &str, f: impl Fn(&[Value]) -> Value) -> FResult {
    check_arity(a, 1)?;
    let l = list_arg(a, what)?;
    Ok(f(&l))
}

fn push(a: &[Value], _name: &str, verb: &str, front: bool) -> FResult {
    check_arity(a, 2)?;
    let mut l = match &a[0] {
        Value::List(l) => l.to_vec(),
        Value::Nil => return Err(FuncError::msg("runtime error: invalid memory address or nil pointer dereference")),
        other => return Err(FuncError::msg(format!("Cannot {verb} on type {}", other.kind_name()))),
    };
    if front {
        l.insert(0, a[1].clone());
    } else {
        l.push(a[1].clone());
    }
    Ok(Value::from(l))
}

fn uniq(l: &[Value]) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    for v in l {
        if !out.iter().any(|o| o.deep_equal(v)) {
            out.push(v.clone());
        }
    }
    out
}

fn without(_: &mut FuncContext<'_>, a: &[Value]) -> FResult {
    check_min_arity(a, 1)?;
    let l = list_arg(a, "without")?;
    let omit = &a[1..];
    Ok(Value::list_from(l.into_iter().filter(|v| !omit.iter().any(|o| o.deep_equal(v)))))
}

fn has(_: &mut FuncContext<'_>, a: &[Value]) -> FResult {
    check_arity(a, 2)?;
    match &a[1] {
        Value::Nil => Ok(Value::Bool(false)),
        Value::List(l) => Ok(Value::Bool(l.to_vec().iter().any(|v| v.deep_equal(&a[0])))),
        other => Err(FuncError::msg(format!("Cannot find has on type {}", other.kind_name()))),
    }
}

fn dig(_: &mut FuncContext<'_>, a: &[Value]) -> FResult {
    if a.len() < 3 {
        return Err(FuncError::msg("dig needs at least three arguments"));
    }
    let dict = &a[a.len() - 1];
    let default = &a[a.len() - 2];
    let keys = &a[..a.len() - 2];
    let mut cur = match dict {
        Value::Map(m) => m.clone(),
        other => {
            return Err(FuncError::msg(format!(
                "interface conversion: interface {{}} is {}, not map[string]interface {{}}",
                other.type_name()
            )));
        }
    };
    for (i, k) in keys.iter().enumerate() {
        let Value::String(k) = k else {
            return Err(FuncError::msg(format!(
                "interface conversion: interface {{}} is {}, not string",
                k.type_name()
            )));
        };
        let Some(step) = cur.get(k) else { return Ok(default.clone()) };
        if i + 1 == keys.len() {
            return Ok(step);
        }
        cur = match step {
            Value::Map(m) => m,
            other => {
                return Err(FuncError::msg(format!(
                    "interface conversion: interface {{}} is {}, not map[string]interface {{}}",
                    other.type_name()
                )));
            }
        };
    }
    Ok(default.clone())
}

fn merge_fn(a: &[Value], overwrite: bool) -> FResult {
    check_min_arity(a, 1)?;
    let dst = match arg_map(a, 0)? {
        Some(m) => m.clone(),
        None => Map::new(),
    };
    for i in 1..a.len() {
        if let Some(src) = arg_map(a, i)? {
            merge_into(&dst, src, overwrite, 0);
        }
    }
    Ok(Value::Map(dst))
}

/// mergo's map merge as Sprig uses it (`merge`: fill missing/empty keys; `mergeOverwrite`: src
/// wins). Nested maps are merged in place; a map missing in `dst` is shared, not copied.
pub fn merge_into(dst: &Map, src: &Map, overwrite: bool, depth: usize) {
    if depth > MAX_VALUE_DEPTH {
        return;
    }
    for (k, s) in src.entries() {
        let d = dst.get(&k);
        match (&s, &d) {
            (Value::Nil, _) => {
                if overwrite {
                    dst.insert(k, Value::Nil);
                }
            }
            (Value::Map(sm), Some(Value::Map(dm))) => {
                if dm.ptr_eq(sm) {
                    continue;
                }
                merge_into(dm, sm, overwrite, depth + 1);
            }
            (_, None) => dst.insert(k, s),
            (_, Some(dv)) => {
                if overwrite || !dv.is_true() {
                    dst.insert(k, s);
                }
            }
        }
    }
}

fn chunk(_: &mut FuncContext<'_>, a: &[Value]) -> FResult {
    check_arity(a, 2)?;
    let size = arg_int(a, 0)?;
    let l = match &a[1] {
        Value::List(l) => l.to_vec(),
        other => return Err(FuncError::msg(format!("Cannot chunk type {}", other.kind_name()))),
    };
    let size =
        usize::try_from(size).ok().filter(|s| *s > 0).ok_or_else(|| FuncError::msg("chunk size must be positive"))?;
    Ok(Value::list_from(l.chunks(size).map(|c| Value::from(c.to_vec()))))
}

/// Go's `path.Clean`.
fn path_clean(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let rooted = p.starts_with('/');
    let mut parts: Vec<&str> = Vec::new();
    for seg in p.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                if parts.last().is_some_and(|l| *l != "..") {
                    parts.pop();
                } else if !rooted {
                    parts.push("..");
                }
            }
            s => parts.push(s),
        }
    }
    let joined = parts.join("/");
    match (rooted, joined.is_empty()) {
        (true, _) => format!("/{joined}"),
        (false, true) => ".".into(),
        (false, false) => joined,
    }
}

/// Go's `path.Base`.
fn path_base(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let t = p.trim_end_matches('/');
    if t.is_empty() {
        return "/".into();
    }
    t.rsplit('/').next().unwrap_or(t).to_string()
}

fn compile(re: &str) -> Result<regex::Regex, FuncError> {
    regex::Regex::new(re).map_err(|e| FuncError::msg(format!("error parsing regexp: {e}")))
}

fn regex_replace(a: &[Value], literal: bool) -> FResult {
    check_arity(a, 3)?;
    let (re, s, repl) = (compile(arg_str(a, 0)?)?, arg_str(a, 1)?, arg_str(a, 2)?);
    let out = if literal { re.replace_all(s, regex::NoExpand(repl)) } else { re.replace_all(s, repl) };
    Ok(Value::string(out.into_owned()))
}

fn json_fn(a: &[Value], html: bool, pretty: bool, must: bool) -> FResult {
    check_arity(a, 1)?;
    match encode::json_encode(&a[0], html, pretty) {
        Ok(s) => Ok(Value::string(s)),
        Err(e) if must => Err(FuncError::msg(e)),
        Err(_) => Ok(Value::string("")),
    }
}
