//! Helm's own template functions (`include`, `tpl`, `required`, `fail`, `toYaml`, `fromYaml`, ...)
//! and the method-bearing objects `.Files` and `.Capabilities.APIVersions`.

use std::collections::BTreeMap;
use std::sync::Arc;

use gotmpl::{Func, FuncContext, FuncError, Value as TValue, arg_str, check_arity, func};
use serde_json::Value;

use super::{NO_VALUE, ROOT_TEMPLATE_NAME};

/// The Helm version `.Capabilities.HelmVersion.Version` reports (istioctl 1.30 embeds Helm v3).
pub const HELM_VERSION: &str = "v3.18.6";

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

/// Parses YAML the way `sigs.k8s.io/yaml.Unmarshal` into `interface{}` does (numbers as float64).
fn yaml_to_value(text: &str) -> Result<TValue, String> {
    goyaml::parse(text)
        .map(|v| TValue::from_json_f64(&v))
        .map_err(|e| format!("error converting YAML to JSON: yaml: {e}"))
}

fn error_map(message: String) -> TValue {
    TValue::map_from([("Error", TValue::string(message))])
}

fn to_yaml(v: &TValue) -> String {
    let text = goyaml::to_string(&v.to_json());
    text.strip_suffix('\n').map(str::to_string).unwrap_or(text)
}

fn to_json_string(v: &TValue) -> String {
    go_json(&v.to_json())
}

/// Go's `json.Marshal` text: sorted keys (serde_json keeps them as given, and template maps are sorted),
/// with `<`, `>`, `&` escaped as Go escapes them for HTML safety.
pub fn go_json(v: &Value) -> String {
    let s = serde_json::to_string(v).unwrap_or_default();
    s.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
        .replace('\u{2028}', "\\u2028")
        .replace('\u{2029}', "\\u2029")
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

fn fail(_: &mut FuncContext<'_>, args: &[TValue]) -> Result<TValue, FuncError> {
    check_arity(args, 1)?;
    Err(FuncError::msg(arg_str(args, 0)?))
}

fn one_arg(args: &[TValue]) -> Result<TValue, FuncError> {
    check_arity(args, 1)?;
    Ok(args.first().cloned().unwrap_or_default())
}

/// Helm's function map additions (on top of Sprig), by name.
pub fn helm_funcs() -> Vec<(&'static str, Func)> {
    vec![
        ("include", func(include)),
        ("tpl", func(tpl)),
        ("required", func(required)),
        ("fail", func(fail)),
        ("toYaml", func(|_, a| Ok(TValue::string(to_yaml(&one_arg(a)?))))),
        ("mustToYaml", func(|_, a| Ok(TValue::string(to_yaml(&one_arg(a)?))))),
        (
            "fromYaml",
            func(|_, a| {
                let s = arg_str(a, 0)?;
                check_arity(a, 1)?;
                Ok(match yaml_to_value(s) {
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
            func(|_, a| {
                let s = arg_str(a, 0)?;
                check_arity(a, 1)?;
                Ok(match yaml_to_value(s) {
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
        ("toJson", func(|_, a| Ok(TValue::string(to_json_string(&one_arg(a)?))))),
        ("mustToJson", func(|_, a| Ok(TValue::string(to_json_string(&one_arg(a)?))))),
        (
            "fromJson",
            func(|_, a| {
                let s = arg_str(a, 0)?;
                check_arity(a, 1)?;
                Ok(match serde_json::from_str::<Value>(s) {
                    Ok(v @ Value::Object(_)) => TValue::from_json_f64(&v),
                    Ok(_) => error_map("json: cannot unmarshal into Go value of type map[string]interface {}".into()),
                    Err(e) => error_map(e.to_string()),
                })
            }),
        ),
        (
            "fromJsonArray",
            func(|_, a| {
                let s = arg_str(a, 0)?;
                check_arity(a, 1)?;
                Ok(match serde_json::from_str::<Value>(s) {
                    Ok(v @ Value::Array(_)) => TValue::from_json_f64(&v),
                    Ok(_) => TValue::list_from([TValue::string(
                        "json: cannot unmarshal into Go value of type []interface {}",
                    )]),
                    Err(e) => TValue::list_from([TValue::string(e.to_string())]),
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
pub fn files_object(files: BTreeMap<String, String>) -> TValue {
    let files = Arc::new(files);
    files_value(files)
}

fn files_value(files: Arc<BTreeMap<String, String>>) -> TValue {
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
            Ok(files_value(Arc::new(matched)))
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
    fn globs() {
        assert!(glob_match("files/*.yaml", "files/a.yaml"));
        assert!(!glob_match("files/*.yaml", "files/x/a.yaml"));
        assert!(glob_match("files/**.yaml", "files/x/a.yaml"));
        assert!(glob_match("f?les/a", "files/a"));
    }

    #[test]
    fn json_escapes_like_go() {
        assert_eq!(go_json(&serde_json::json!({"a": "<&>"})), r#"{"a":"\u003c\u0026\u003e"}"#);
    }

    #[test]
    fn to_yaml_trims_the_final_newline() {
        let v = TValue::from_json_f64(&serde_json::json!({"b": [1, 2], "a": 15010}));
        assert_eq!(to_yaml(&v), "a: 15010\nb:\n- 1\n- 2");
    }
}
