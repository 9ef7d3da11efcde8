//! Table tests of the reader: go-yaml v2's YAML 1.1 typing plus `sigs.k8s.io/yaml`'s JSON conversion.

use goyaml::{Mark, parse, parse_documents, parse_documents_strict, parse_with_spans};
use serde_json::{Value, json};

/// The value of `v` in the one-line document `v: <text>`.
fn value_of(text: &str) -> Value {
    match parse(&format!("v: {text}\n")) {
        Ok(Value::Object(mut m)) => m.remove("v").unwrap_or(Value::String("<missing>".into())),
        other => panic!("{text}: {other:?}"),
    }
}

fn error_of(src: &str) -> goyaml::Error {
    match parse(src) {
        Err(e) => e,
        Ok(v) => panic!("{src:?} parsed as {v}"),
    }
}

#[test]
fn yaml_1_1_plain_scalars() {
    let cases: &[(&str, Value)] = &[
        ("yes", json!(true)),
        ("Y", json!(true)),
        ("On", json!(true)),
        ("TRUE", json!(true)),
        ("n", json!(false)),
        ("NO", json!(false)),
        ("off", json!(false)),
        ("False", json!(false)),
        ("~", json!(null)),
        ("null", json!(null)),
        ("NULL", json!(null)),
        ("", json!(null)),
        ("12", json!(12)),
        ("+12", json!(12)),
        ("-12", json!(-12)),
        ("1_000", json!(1000)),
        ("0x1F", json!(31)),
        ("0b101", json!(5)),
        ("0777", json!(511)),
        ("0o17", json!(15)),
        ("9223372036854775808", json!(9223372036854775808u64)),
        ("18446744073709551616", json!(18446744073709551616.0)),
        ("-9223372036854775809", json!(-9223372036854775809.0)),
        ("1.5", json!(1.5)),
        ("1e3", json!(1000.0)),
        ("-.5", json!(-0.5)),
        ("08", json!(8.0)),
        ("1.30.3", json!("1.30.3")),
        ("yesterday", json!("yesterday")),
        ("2001-12-14", json!("2001-12-14")),
        ("12:30", json!("12:30")),
        ("0x", json!("0x")),
        ("1e400", json!("1e400")),
    ];
    for (text, want) in cases {
        assert_eq!(value_of(text), *want, "for {text:?}");
    }
}

#[test]
fn quoted_and_block_scalars_are_strings() {
    assert_eq!(value_of("\"true\""), json!("true"));
    assert_eq!(value_of("'1'"), json!("1"));
    assert_eq!(value_of("''"), json!(""));
    assert_eq!(value_of("\"a\\tb\\u00e9\""), json!("a\tbé"));
    assert_eq!(parse("v: |\n  12\n").ok(), Some(json!({"v": "12\n"})));
    assert_eq!(parse("v: >-\n  a\n  b\n").ok(), Some(json!({"v": "a b"})));
}

#[test]
fn explicit_tags() {
    assert_eq!(value_of("!!str 123"), json!("123"));
    assert_eq!(value_of("!!str"), json!(""));
    assert_eq!(value_of("!!int '12'"), json!(12));
    assert_eq!(value_of("!!float 1"), json!(1.0));
    assert_eq!(value_of("!!bool yes"), json!(true));
    assert_eq!(value_of("!!null ''"), json!(null));
    assert_eq!(value_of("!!binary aGVsbG8="), json!("hello"));
    assert_eq!(value_of("!!timestamp 2001-12-14"), json!("2001-12-14"));
    assert_eq!(value_of("!custom 12"), json!("12"));
    let e = error_of("v: !!int abc\n");
    assert_eq!(e.message, "cannot decode !!str `abc` as a !!int");
    assert_eq!(e.mark, Some(Mark { line: 1, column: 10 }));
}

#[test]
fn infinities_and_nan_cannot_become_json() {
    for (text, shown) in [(".inf", "+Inf"), ("-.Inf", "-Inf"), (".nan", "NaN")] {
        let e = error_of(&format!("a:\n  v: {text}\n"));
        assert_eq!(e.message, format!("json: unsupported value: {shown}"));
        assert_eq!(e.mark, Some(Mark { line: 2, column: 6 }));
    }
}

#[test]
fn non_string_keys_become_strings() {
    let v = parse("1: a\ntrue: b\n1.5: c\n0x10: d\ny: e\n1e3: f\n.inf: g\n0.1: h\n").ok();
    let want = json!({"1": "a", "true": "b", "1.5": "c", "16": "d", "1000": "f", ".inf": "g", "0.1": "h"});
    let mut want = want;
    if let Some(m) = want.as_object_mut() {
        // `y` is a YAML 1.1 boolean, so it lands on the same key as `true`: the later value wins.
        m.insert("true".into(), json!("e"));
    }
    assert_eq!(v, Some(want));
    let e = error_of("a: 1\n~: 2\n");
    assert!(e.message.starts_with("unsupported map key of type: <nil>"), "{}", e.message);
    assert_eq!(e.mark, Some(Mark { line: 2, column: 1 }));
    assert_eq!(error_of("? [1]\n: 2\n").mark, Some(Mark { line: 1, column: 3 }));
}

#[test]
fn duplicate_keys_take_the_last_value_in_the_first_place() {
    let v = parse("a: 1\nb: 2\na: 3\n").ok();
    assert_eq!(v, Some(json!({"a": 3, "b": 2})));
    let keys: Vec<String> = v.and_then(|v| v.as_object().map(|m| m.keys().cloned().collect())).unwrap_or_default();
    assert_eq!(keys, ["a", "b"]);
}

#[test]
fn strict_parsing_refuses_duplicate_keys() {
    let e = parse_documents_strict("a: 1\nb:\n  c: 1\n  c: 2\n").err();
    assert_eq!(e.as_ref().map(|e| e.message.as_str()), Some("key \"c\" already set in map"));
    assert_eq!(e.and_then(|e| e.mark), Some(Mark { line: 4, column: 3 }));
    // `1` and `0x1` are the same key once converted; merged keys are not duplicates.
    assert!(parse_documents_strict("1: a\n0x1: b\n").is_err());
    let docs = parse_documents_strict("m: &m {a: 1}\nx:\n  <<: *m\n  a: 2\n").unwrap_or_default();
    assert_eq!(docs.first().map(|d| &d.value), Some(&json!({"m": {"a": 1}, "x": {"a": 2}})));
}

#[test]
fn anchors_aliases_and_merges() {
    let src = "base: &b {a: 1, b: 2}\nother: &o {b: 9, c: 3}\nx:\n  <<: *b\n  b: 3\nm:\n  <<: [*b, *o]\nz: *b\nw:\n  a: 0\n  <<: *o\nk: &k key\n*k : v\n";
    let want = json!({
        "base": {"a": 1, "b": 2},
        "other": {"b": 9, "c": 3},
        "x": {"a": 1, "b": 3},
        "m": {"a": 1, "b": 2, "c": 3},
        "z": {"a": 1, "b": 2},
        // go-yaml v2 applies a merge where it stands: it overrides keys written before it.
        "w": {"a": 0, "b": 9, "c": 3},
        "k": "key",
        "key": "v",
    });
    assert_eq!(parse(src).ok(), Some(want));
    assert_eq!(error_of("a: *nope\n").mark, Some(Mark { line: 1, column: 4 }));
    let e = error_of("a:\n  <<: 1\n");
    assert_eq!(e.message, "map merge requires map or sequence of maps as the value");
    assert_eq!(e.mark, Some(Mark { line: 2, column: 3 }));
    // A quoted `<<` is an ordinary key.
    assert_eq!(parse("'<<': 1\n").ok(), Some(json!({"<<": 1})));
}

#[test]
fn excessive_aliasing_is_refused() {
    let mut src = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..10 {
        let p = i - 1;
        src.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"));
    }
    assert_eq!(error_of(&src).message, "document contains excessive aliasing");
}

#[test]
fn multi_document_streams() {
    let docs = parse_documents("a: 1\n---\n---\n# only a comment\n---\nb: 2\n...\n").unwrap_or_default();
    let values: Vec<Value> = docs.into_iter().map(|d| d.value).collect();
    assert_eq!(values, [json!({"a": 1}), json!(null), json!(null), json!({"b": 2})]);
    assert_eq!(parse_documents("").map(|d| d.len()).ok(), Some(0));
    assert_eq!(parse("").ok(), Some(json!(null)));
    assert_eq!(parse("# nothing\n").ok(), Some(json!(null)));
    assert!(error_of("a: 1\n---\nb: 2\n").message.contains("found 2"));
}

#[test]
fn spans_point_at_keys_and_items() {
    let src = "apiVersion: v1\nspec:\n  list:\n  - name: a\n    value: 1\n  - plain\n  a/b: {x: [1, 2]}\n";
    let doc = parse_with_spans(src).ok();
    let spans = doc.map(|d| d.spans).unwrap_or_default();
    let cases = [
        ("", (1, 1)),
        ("/apiVersion", (1, 1)),
        ("/spec", (2, 1)),
        ("/spec/list", (3, 3)),
        ("/spec/list/0", (4, 5)),
        ("/spec/list/0/name", (4, 5)),
        ("/spec/list/0/value", (5, 5)),
        ("/spec/list/1", (6, 5)),
        ("/spec/a~1b", (7, 3)),
        ("/spec/a~1b/x", (7, 9)),
        ("/spec/a~1b/x/1", (7, 16)),
    ];
    for (pointer, (line, column)) in cases {
        assert_eq!(spans.get(pointer), Some(Mark { line, column }), "at {pointer:?}");
    }
    assert_eq!(spans.get("/spec/missing"), None);
    // Each document of a stream has its own positions.
    let docs = parse_documents("a: 1\n---\nb:\n  c: 2\n").unwrap_or_default();
    assert_eq!(docs.get(1).and_then(|d| d.spans.get("/b/c")), Some(Mark { line: 4, column: 3 }));
}

#[test]
fn syntax_errors_carry_positions() {
    let cases =
        [("a: [1, 2\n", (1, 4)), ("a: b\n c: d\n", (2, 3)), ("a: \"x\n", (1, 4)), ("a:\n  - 1\n  b: 2\n", (3, 3))];
    for (src, (line, column)) in cases {
        let e = error_of(src);
        assert_eq!(e.mark, Some(Mark { line, column }), "for {src:?}: {e}");
        assert!(e.to_string().starts_with(&format!("line {line}, column {column}: ")), "{e}");
    }
}

#[test]
fn deep_nesting_is_bounded_without_panicking() {
    let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
    let v = parse(&nested(200));
    assert!(v.is_ok(), "{v:?}");
    let text = goyaml::to_string(&v.unwrap_or_default());
    assert_eq!(text, format!("{}[]\n", "- ".repeat(199)));
    let e = error_of(&nested(100_000));
    assert!(e.message.contains("recursion limit"), "{e}");
}
