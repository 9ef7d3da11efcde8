//! Properties: the reader never panics, and whatever the writer prints reads back as the same value,
//! which shows its quoting and block-scalar choices are safe.

use goyaml::{parse, parse_documents, to_string};
use proptest::prelude::*;
use serde_json::{Map, Number, Value};

/// Text that looks like YAML, to reach deep into the scanner.
fn yamlish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("- ".to_owned()),
            Just(": ".to_owned()),
            Just("\n".to_owned()),
            Just("  ".to_owned()),
            Just("&a ".to_owned()),
            Just("*a".to_owned()),
            Just("<<: ".to_owned()),
            Just("---\n".to_owned()),
            Just("!!int ".to_owned()),
            Just("? ".to_owned()),
            "[a-z0-9{}\\[\\],'\"|>#.~-]{1,4}",
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

/// Strings rich in YAML-significant spellings and characters.
fn tricky_string() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "",
            "true",
            "yes",
            "No",
            "on",
            "~",
            "null",
            "1",
            "-1",
            "0x1F",
            "0777",
            "0o7",
            "1_000",
            "1.5",
            ".5",
            "1e3",
            ".inf",
            "-.nan",
            "12:30",
            "2001-12-14",
            "2001-12-14 1:2:3",
            "08",
            "<<<",
            "- a",
            "a: b",
            "#c",
            "a #c",
            "*",
            "&",
            "!",
            "|",
            ">",
            "%",
            "@",
            "`",
            "'",
            "\"",
            "---",
            "...",
            " ",
            "\n",
            "\n\n",
            " a",
            "a ",
            "\ta",
        ])
        .prop_map(str::to_owned),
        // U+2028/U+2029 are left out: go-yaml writes them raw in single quotes and, being YAML 1.1,
        // reads them as line breaks; our YAML 1.2 scanner reads them as ordinary characters.
        "[ a-z0-9:#'\"\\-\\\\*&!|>%@`,\\[\\]{}?~.\n\té😀\u{85}\r]{0,30}",
        // Long words and spaces, to exercise folding.
        prop::collection::vec(prop_oneof!["[a-z]{1,12}", Just(" ".to_owned()), Just("  ".to_owned())], 0..60)
            .prop_map(|p| p.concat()),
    ]
}

fn leaf() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|i| Value::Number(i.into())),
        any::<u64>().prop_map(|u| Value::Number(u.into())),
        any::<f64>().prop_filter_map("finite", Number::from_f64).prop_map(Value::Number),
        tricky_string().prop_map(Value::String),
    ]
}

fn value() -> impl Strategy<Value = Value> {
    leaf().prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            // `<<` is excluded as a key: go-yaml writes it plain, and then it reads back as a merge.
            prop::collection::vec((tricky_string().prop_filter("merge key", |k| k != "<<"), inner), 0..6)
                .prop_map(|entries| Value::Object(entries.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// What a value becomes after Go's JSON round trip: integral floats that fit become integers.
fn normalized(v: &Value) -> Value {
    match v {
        Value::Number(n) if n.is_f64() => {
            let f = n.as_f64().unwrap_or(0.0);
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            if f.fract() == 0.0 && (-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&f) {
                Value::Number((f as i64).into())
            } else if f.fract() == 0.0 && (0.0..1.844_674_407_370_955_2e19).contains(&f) {
                Value::Number((f as u64).into())
            } else {
                v.clone()
            }
        }
        Value::Array(items) => Value::Array(items.iter().map(normalized).collect()),
        Value::Object(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), normalized(v))).collect()),
        other => other.clone(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn reader_never_panics_on_any_text(src in any::<String>()) {
        let _ = parse_documents(&src);
    }

    #[test]
    fn reader_never_panics_on_yamlish_text(src in yamlish()) {
        let _ = parse_documents(&src);
    }

    #[test]
    fn written_values_read_back_unchanged(v in value()) {
        let text = to_string(&v);
        prop_assert!(text.ends_with('\n'));
        match parse(&text) {
            Ok(back) => prop_assert_eq!(back, normalized(&v), "text was:\n{}", text),
            Err(e) => prop_assert!(false, "{} for text:\n{}", e, text),
        }
    }
}
