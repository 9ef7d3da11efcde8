//! Property: arbitrary template text and arbitrary data never panic (errors are fine).

use gotmpl::{MissingKey, Template, Value};
use proptest::prelude::*;

const PIECES: &[&str] = &[
    "{{",
    "}}",
    "{{- ",
    " -}}",
    "{{/*",
    "*/}}",
    " ",
    "\n",
    ".",
    ".a",
    ".b.c",
    "$",
    "$x",
    "$y",
    ":=",
    "=",
    ",",
    "|",
    "(",
    ")",
    "\"s\"",
    "`r`",
    "'c'",
    "'",
    "\"",
    "`",
    "if",
    "else",
    "end",
    "range",
    "with",
    "define",
    "template",
    "block",
    "break",
    "continue",
    "nil",
    "true",
    "1",
    "-2",
    "0x1f",
    "1.5e3",
    "3",
    "index",
    "slice",
    "len",
    "printf",
    "\"%d %s %v %q %5.2f %x\"",
    "print",
    "eq",
    "ne",
    "lt",
    "and",
    "or",
    "not",
    "html",
    "js",
    "urlquery",
    "call",
    "default",
    "quote",
    "dict",
    "list",
    "set",
    "merge",
    "mergeOverwrite",
    "toJson",
    "fromJson",
    "include",
    "tpl",
    "indent",
    "nindent",
    "trunc",
    "substr",
    "repeat",
    "until",
    "splitList",
    "regexReplaceAll",
    "\"(\"",
    "b64dec",
    "first",
    "append",
    "dig",
    "int",
    "add",
    "div",
    "mod",
    "é",
    "\u{0}",
    "}",
    "{",
    "x",
];

fn template_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

fn value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::Value::Null),
        any::<bool>().prop_map(serde_json::Value::from),
        (-5i64..5).prop_map(serde_json::Value::from),
        prop::num::f64::ANY.prop_map(serde_json::Value::from),
        "[a-c%<>\"{}.]{0,4}".prop_map(serde_json::Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
            prop::collection::btree_map("[a-c]", inner, 0..4)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

fn engine(mk: MissingKey) -> Template {
    let mut t = Template::new();
    t.add_funcs(gotmpl::sprig_funcs());
    t.add_func(
        "include",
        gotmpl::func(|ctx, a| {
            let name = gotmpl::arg_str(a, 0)?.to_string();
            Ok(Value::string(ctx.execute_template(&name, a.get(1).unwrap_or(&Value::Nil))?))
        }),
    );
    t.add_func(
        "tpl",
        gotmpl::func(|ctx, a| {
            let text = gotmpl::arg_str(a, 0)?.to_string();
            Ok(Value::string(ctx.execute_text("tpl", &text, a.get(1).unwrap_or(&Value::Nil))?))
        }),
    );
    t.set_missing_key(mk);
    t.set_max_depth(40);
    t
}

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(600), ..ProptestConfig::default() })]

    #[test]
    fn never_panics(text in template_text(), data in value(), mk in 0u8..3) {
        let mk = [MissingKey::Default, MissingKey::Zero, MissingKey::Error][usize::from(mk)];
        let mut t = engine(mk);
        let data = Value::from_json(&data);
        if t.parse("t", &text).is_ok() {
            let _ = t.execute("t", &data);
            // a self-including template must hit the depth bound, not the stack
            let _ = t.parse("self", "{{ include \"self\" . }}{{ template \"t\" . }}");
            let _ = t.execute("self", &data);
        }
    }

    #[test]
    fn printf_never_panics(fmt in "[%a-z0-9.+\\-# *\\[\\]]{0,12}", args in prop::collection::vec(value(), 0..3)) {
        let args: Vec<Value> = args.iter().map(Value::from_json).collect();
        let _ = gotmpl::gofmt::sprintf(&fmt, &args);
    }
}

#[test]
fn self_referencing_maps_do_not_overflow() {
    let mut t = engine(MissingKey::Default);
    t.parse("cyc", "{{ $m := dict }}{{ $_ := set $m \"self\" $m }}{{ $m }}{{ toJson $m }}{{ $c := deepCopy $m }}{{ eq (len (list $m)) 1 }}{{ mergeOverwrite $m $m }}")
        .unwrap();
    // must terminate without a stack overflow; the output itself is not Go-defined
    let _ = t.execute("cyc", &Value::Nil);
}

proptest! {
    /// Go's shortest float forms (`%v`, JSON) must read back as the same number, and fixed
    /// precision forms must agree with correctly rounded decimal output.
    #[test]
    fn float_formats_round_trip(x in prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO) {
        let v = gotmpl::gofmt::sprint_v(&Value::Float(x));
        prop_assert_eq!(v.parse::<f64>().ok(), Some(x), "%v gave {}", v);
        let j = gotmpl::encode::json_float(x).unwrap_or_default();
        prop_assert_eq!(j.parse::<f64>().ok(), Some(x), "json gave {}", j);
        let f = gotmpl::gofmt::format_float(x, 'f', Some(3));
        prop_assert_eq!(f.clone(), format!("{x:.3}"));
        let e = gotmpl::gofmt::format_float(x, 'e', Some(4));
        let rust_e = format!("{x:.4e}");
        prop_assert_eq!(e.parse::<f64>().ok(), rust_e.parse::<f64>().ok(), "%e gave {} vs {}", e, rust_e);
        let g = gotmpl::gofmt::format_float(x, 'g', Some(5));
        let rust_g = format!("{x:.4e}").parse::<f64>().ok();
        prop_assert_eq!(g.parse::<f64>().ok(), rust_g, "%.5g gave {}", g);
    }
}
