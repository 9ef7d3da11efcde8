//! Helm's own template functions (`include`, `tpl`, `required`, `toYaml`, `fromYaml`, ...; the JSON
//! ones and `fail` come with gotmpl's Sprig set) and the method-bearing objects `.Files` and
//! `.Capabilities.APIVersions`.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex, PoisonError};

use gotmpl::{Func, FuncContext, FuncError, Value as TValue, arg_str, check_arity, func};
use serde_json::Value;

use super::{NO_VALUE, ROOT_TEMPLATE_NAME};

/// The Helm version `.Capabilities.HelmVersion.Version` reports: istioctl 1.30.3 embeds the Helm
/// v3.21.0 library, whose unstamped version string is the minor version.
pub const HELM_VERSION: &str = "v3.21";

/// API group versions a default Helm client knows (`.Capabilities.APIVersions.Has`).
const API_VERSIONS: &[&str] = &[
    "v1",
    "admissionregistration.k8s.io/v1",
    "apiextensions.k8s.io/v1",
    "apps/v1",
    "autoscaling/v1",
    "autoscaling/v2",
    "batch/v1",
    "certificates.k8s.io/v1",
    "coordination.k8s.io/v1",
    "discovery.k8s.io/v1",
    "events.k8s.io/v1",
    "networking.k8s.io/v1",
    "node.k8s.io/v1",
    "policy/v1",
    "rbac.authorization.k8s.io/v1",
    "scheduling.k8s.io/v1",
    "storage.k8s.io/v1",
];

/// Remembers parsed `fromYaml`/`fromYamlArray` inputs: charts parse the same text repeatedly (the
/// base chart reads every CRD twice). Each call still gets fresh, unshared template values.
#[derive(Clone, Default)]
pub struct YamlCache(Arc<Mutex<HashMap<String, Result<Value, String>>>>);

impl YamlCache {
    /// Parses YAML the way `sigs.k8s.io/yaml.Unmarshal` into `interface{}` does (numbers as float64).
    fn parse(&self, text: &str) -> Result<TValue, String> {
        let mut cache = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let parsed = cache
            .entry(text.to_string())
            .or_insert_with(|| goyaml::parse(text).map_err(|e| format!("error converting YAML to JSON: yaml: {e}")));
        parsed.as_ref().map(TValue::from_json_f64).map_err(Clone::clone)
    }
}

fn error_map(message: String) -> TValue {
    TValue::map_from([("Error", TValue::string(message))])
}

fn to_yaml(v: &TValue) -> String {
    let text = goyaml::to_string(&v.to_json());
    text.strip_suffix('\n').map(str::to_string).unwrap_or(text)
}

fn include(ctx: &mut FuncContext<'_>, args: &[TValue]) -> Result<TValue, FuncError> {
    check_arity(args, 2)?;
    let name = arg_str(args, 0)?.to_string();
    let data = args.get(1).cloned().unwrap_or_default();
    Ok(TValue::string(ctx.execute_template(&name, &data)?))
}

fn tpl(ctx: &mut FuncContext<'_>, args: &[TValue]) -> Result<TValue, FuncError> {
    check_arity(args, 2)?;
    let text = arg_str(args, 0)?.to_string();
    let data = args.get(1).cloned().unwrap_or_default();
    let out = ctx.execute_text(ROOT_TEMPLATE_NAME, &text, &data)?;
    Ok(TValue::string(out.replace(NO_VALUE, "")))
}

fn required(_: &mut FuncContext<'_>, args: &[TValue]) -> Result<TValue, FuncError> {
    check_arity(args, 2)?;
    let warn = arg_str(args, 0)?;
    let val = args.get(1).cloned().unwrap_or_default();
    match &val {
        TValue::Nil => Err(FuncError::msg(warn)),
        TValue::String(s) if s.is_empty() => Err(FuncError::msg(warn)),
        _ => Ok(val),
    }
}

fn one_arg(args: &[TValue]) -> Result<TValue, FuncError> {
    check_arity(args, 1)?;
    Ok(args.first().cloned().unwrap_or_default())
}

/// Helm's function map additions (on top of Sprig), by name.
pub fn helm_funcs() -> Vec<(&'static str, Func)> {
    let cache = YamlCache::default();
    let (from_yaml_cache, from_yaml_array_cache) = (cache.clone(), cache);
    vec![
        ("include", func(include)),
        ("tpl", func(tpl)),
        ("required", func(required)),
        ("toYaml", func(|_, a| Ok(TValue::string(to_yaml(&one_arg(a)?))))),
        ("mustToYaml", func(|_, a| Ok(TValue::string(to_yaml(&one_arg(a)?))))),
        (
            "fromYaml",
            func(move |_, a| {
                let s = arg_str(a, 0)?;
                check_arity(a, 1)?;
                Ok(match from_yaml_cache.parse(s) {
                    Ok(v @ TValue::Map(_)) => v,
                    Ok(TValue::Nil) => TValue::new_map(),
                    Ok(other) => error_map(format!(
                        "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go value of type map[string]interface {{}}",
                        json_kind(&other)
                    )),
                    Err(e) => error_map(e),
                })
            }),
        ),
        (
            "fromYamlArray",
            func(move |_, a| {
                let s = arg_str(a, 0)?;
                check_arity(a, 1)?;
                Ok(match from_yaml_array_cache.parse(s) {
                    Ok(v @ TValue::List(_)) => v,
                    Ok(TValue::Nil) => TValue::list_from([]),
                    Ok(other) => TValue::list_from([TValue::string(format!(
                        "error unmarshaling JSON: while decoding JSON: json: cannot unmarshal {} into Go value of type []interface {{}}",
                        json_kind(&other)
                    ))]),
                    Err(e) => TValue::list_from([TValue::string(e)]),
                })
            }),
        ),
        // Offline (as in `helm template` and istioctl), lookup finds nothing.
        ("lookup", func(|_, _| Ok(TValue::new_map()))),
    ]
}

fn json_kind(v: &TValue) -> &'static str {
    match v {
        TValue::List(_) => "array",
        TValue::Map(_) => "object",
        TValue::String(_) => "string",
        TValue::Bool(_) => "bool",
        TValue::Int(_) | TValue::Float(_) => "number",
        _ => "value",
    }
}

/// `.Files`: `Get` (text of a chart file, "" when absent), `GetBytes`, `Glob` (files matching a
/// pattern, as another files object), `Lines`.
pub fn files_object(files: Arc<BTreeMap<String, String>>) -> TValue {
    let get = {
        let files = Arc::clone(&files);
        func(move |_, a| {
            check_arity(a, 1)?;
            Ok(TValue::string(files.get(arg_str(a, 0)?).cloned().unwrap_or_default()))
        })
    };
    let lines = {
        let files = Arc::clone(&files);
        func(move |_, a| {
            check_arity(a, 1)?;
            let text = files.get(arg_str(a, 0)?).cloned().unwrap_or_default();
            Ok(TValue::list_from(text.split('\n').map(TValue::string)))
        })
    };
    let glob = {
        let files = Arc::clone(&files);
        func(move |_, a| {
            check_arity(a, 1)?;
            let pattern = arg_str(a, 0)?;
            let matched: BTreeMap<String, String> =
                files.iter().filter(|(k, _)| glob_match(pattern, k)).map(|(k, v)| (k.clone(), v.clone())).collect();
            Ok(files_object(Arc::new(matched)))
        })
    };
    TValue::map_from([
        ("Get", TValue::Method(get.clone())),
        ("GetBytes", TValue::Method(get)),
        ("Lines", TValue::Method(lines)),
        ("Glob", TValue::Method(glob)),
    ])
}

/// Glob matching with `*` (not crossing `/`), `**` (crossing), `?` and literal characters.
fn glob_match(pattern: &str, name: &str) -> bool {
    fn go(p: &[u8], n: &[u8]) -> bool {
        match p.split_first() {
            None => n.is_empty(),
            Some((b'*', rest)) => {
                let (cross, rest) = match rest.split_first() {
                    Some((b'*', r)) => (true, r),
                    _ => (false, rest),
                };
                (0..=n.len()).take_while(|&i| cross || !n[..i].contains(&b'/')).any(|i| go(rest, &n[i..]))
            }
            Some((b'?', rest)) => n.split_first().is_some_and(|(c, nr)| *c != b'/' && go(rest, nr)),
            Some((c, rest)) => n.split_first().is_some_and(|(d, nr)| c == d && go(rest, nr)),
        }
    }
    go(pattern.as_bytes(), name.as_bytes())
}

/// `.Capabilities.APIVersions` with its `Has` method.
pub fn api_versions_object() -> TValue {
    TValue::map_from([(
        "Has",
        TValue::Method(func(|_, a| {
            check_arity(a, 1)?;
            let wanted = arg_str(a, 0)?;
            Ok(TValue::Bool(API_VERSIONS.iter().any(|v| *v == wanted || wanted.starts_with(&format!("{v}/")))))
        })),
    )])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_yaml_results_are_fresh_values() {
        let cache = YamlCache::default();
        let a = cache.parse("a: {b: 1}").unwrap();
        let b = cache.parse("a: {b: 1}").unwrap();
        if let Some(m) = a.as_map() {
            m.insert("x", TValue::Bool(true));
        }
        assert!(b.get("x").is_none());
        assert_eq!(b.get("a").and_then(|m| m.get("b")).and_then(|v| v.as_f64()), Some(1.0));
        assert!(cache.parse("a: [").is_err());
    }

    #[test]
    fn globs() {
        assert!(glob_match("files/*.yaml", "files/a.yaml"));
        assert!(!glob_match("files/*.yaml", "files/x/a.yaml"));
        assert!(glob_match("files/**.yaml", "files/x/a.yaml"));
        assert!(glob_match("f?les/a", "files/a"));
    }

    #[test]
    fn to_yaml_trims_the_final_newline() {
        let v = TValue::from_json_f64(&serde_json::json!({"b": [1, 2], "a": 15010}));
        assert_eq!(to_yaml(&v), "a: 15010\nb:\n- 1\n- 2");
    }
}
