//! Table tests of the writer: each expected text is what `sigs.k8s.io/yaml.Marshal` prints.

use goyaml::to_string;
use serde_json::{Value, json};

fn check(cases: &[(Value, &str)]) {
    for (value, want) in cases {
        assert_eq!(to_string(value), *want, "for {value}");
    }
}

#[test]
fn layout_of_collections() {
    check(&[
        (json!({"b": 1, "a": "x"}), "a: x\nb: 1\n"),
        (json!({"a": {"b": [1, {"e": [], "c": "d"}], "f": {}}}), "a:\n  b:\n  - 1\n  - c: d\n    e: []\n  f: {}\n"),
        (json!([[1, [2, 3]], 4]), "- - 1\n  - - 2\n    - 3\n- 4\n"),
        (json!([{"a": 1, "b": [1]}]), "- a: 1\n  b:\n  - 1\n"),
        (json!({"k": [{"a": 1, "b": 2}]}), "k:\n- a: 1\n  b: 2\n"),
        (json!({}), "{}\n"),
        (json!([]), "[]\n"),
        (json!([{}, []]), "- {}\n- []\n"),
        (json!({"a": [], "b": {}}), "a: []\nb: {}\n"),
        (json!(null), "null\n"),
        (json!({"a": null, "b": true, "c": false}), "a: null\nb: true\nc: false\n"),
    ]);
}

#[test]
fn key_order_is_go_yamls() {
    // Non-letters sort before letters, letters by code point, digit runs by numeric value (a
    // non-digit counts as the number 0, so `_x` precedes `1`).
    let v = json!({"b": 0, "a10": 0, "a2": 0, "a": 0, "A": 0, "_x": 0, "a1": 0, "1": 0, "01": 0, "a.b": 0, "a-b": 0});
    assert_eq!(to_string(&v), "_x: 0\n\"1\": 0\n\"01\": 0\nA: 0\na: 0\na-b: 0\na.b: 0\na1: 0\na2: 0\na10: 0\nb: 0\n");
    let v = json!({"app.kubernetes.io/name": 0, "app": 0, "istio.io/rev": 0, "istio": 0, "x10y": 0, "x9z": 0});
    assert_eq!(to_string(&v), "app: 0\napp.kubernetes.io/name: 0\nistio: 0\nistio.io/rev: 0\nx9z: 0\nx10y: 0\n");
}

#[test]
fn two_keys_are_ordered_like_longer_mappings() {
    // Two-entry mappings take a shortcut in the sort; the order is the same comparison's.
    check(&[
        (json!({"b": 0, "a": 0}), "a: 0\nb: 0\n"),
        (json!({"a": 0, "b": 0}), "a: 0\nb: 0\n"),
        (json!({"a10": 0, "a2": 0}), "a2: 0\na10: 0\n"),
        (json!({"b": 0, "_": 0}), "_: 0\nb: 0\n"),
        (json!({"x": {"value": 1, "name": "nm"}}), "x:\n  name: nm\n  value: 1\n"),
    ]);
}

#[test]
fn intransitive_key_sets_still_sort_without_panicking() {
    // a2 < a10 < a1b < a2 under go-yaml's comparison; Go's order then depends on map iteration.
    let keys = ["a2", "a10", "a1b", "b", "a", "_", "1"];
    let v = Value::Object(keys.iter().map(|k| ((*k).to_owned(), json!(0))).collect());
    let text = to_string(&v);
    let mut written: Vec<&str> = text.lines().filter_map(|l| l.split(':').next()).collect();
    assert_eq!(written.first(), Some(&"_"));
    written.sort_unstable();
    let mut want: Vec<&str> = keys.iter().map(|k| if *k == "1" { "\"1\"" } else { k }).collect();
    want.sort_unstable();
    assert_eq!(written, want);
}

#[test]
fn numbers_print_as_after_a_json_round_trip() {
    check(&[
        (json!(2.0), "2\n"),
        (json!(-0.0), "0\n"),
        (json!(0.5), "0.5\n"),
        (json!(-5), "-5\n"),
        (json!(1e21), "1e+21\n"),
        (json!(1e20), "1e+20\n"),
        (json!(1e19), "10000000000000000000\n"),
        (json!(1234567.5), "1.2345675e+06\n"),
        (json!(123456.5), "123456.5\n"),
        (json!(1e-7), "1e-07\n"),
        (json!(u64::MAX), "18446744073709551615\n"),
        (json!(i64::MIN), "-9223372036854775808\n"),
    ]);
}

#[test]
fn strings_that_would_change_meaning_are_double_quoted() {
    for s in [
        "true",
        "False",
        "yes",
        "on",
        "OFF",
        "y",
        "N",
        "~",
        "null",
        "",
        "1",
        "-1",
        "+1",
        "1.0",
        "1e3",
        ".5",
        "0x10",
        "0o17",
        "0777",
        "1_000",
        "08",
        ".inf",
        "-.Inf",
        ".nan",
        "12:30",
        "190:20:30.15",
        "2001-12-14",
        "2001-12-14 21:59:43.10",
    ] {
        assert_eq!(to_string(&json!({ "k": s })), format!("k: \"{s}\"\n"), "for {s:?}");
    }
    for s in ["yesno", "Yes!", "1.2.3", "0x", "1e", "2001-13-14", "v1", "1.30.3", "nil", "None", "-", "12:60", "."] {
        let want = if s == "-" { "k: '-'\n".to_owned() } else { format!("k: {s}\n") };
        assert_eq!(to_string(&json!({ "k": s })), want, "for {s:?}");
    }
}

#[test]
fn indicators_and_edge_spaces_use_single_quotes() {
    check(&[
        (json!("*"), "'*'\n"),
        (json!("&a"), "'&a'\n"),
        (json!("!x"), "'!x'\n"),
        (json!("|x"), "'|x'\n"),
        (json!(">x"), "'>x'\n"),
        (json!("%x"), "'%x'\n"),
        (json!("@x"), "'@x'\n"),
        (json!("`x"), "'`x'\n"),
        (json!("#x"), "'#x'\n"),
        (json!("[a]"), "'[a]'\n"),
        (json!("{}"), "'{}'\n"),
        (json!(",a"), "',a'\n"),
        (json!("'x"), "'''x'\n"),
        (json!("\"x"), "'\"x'\n"),
        (json!("- a"), "'- a'\n"),
        (json!("? a"), "'? a'\n"),
        (json!("?"), "'?'\n"),
        (json!(": a"), "': a'\n"),
        (json!("a: b"), "'a: b'\n"),
        (json!("a:"), "'a:'\n"),
        (json!("a #b"), "'a #b'\n"),
        (json!("---x"), "'---x'\n"),
        (json!("...x"), "'...x'\n"),
        (json!(" lead"), "' lead'\n"),
        (json!("trail "), "'trail '\n"),
        (json!("it's: x"), "'it''s: x'\n"),
        (json!("!self.contains(\"*\")"), "'!self.contains(\"*\")'\n"),
    ]);
    // Plain is fine for indicators that only matter at the start or before a space.
    check(&[
        (json!("a#b"), "a#b\n"),
        (json!("a:b"), "a:b\n"),
        (json!("-x"), "-x\n"),
        (json!(":x"), ":x\n"),
        (json!("?x"), "?x\n"),
        (json!("a,b[c]{d}"), "a,b[c]{d}\n"),
        (json!("a'b\"c"), "a'b\"c\n"),
        (json!("a\\b"), "a\\b\n"),
        (json!("/"), "/\n"),
        (json!("é ü"), "é ü\n"),
        (json!("{{.UID}}x"), "'{{.UID}}x'\n"),
    ]);
}

#[test]
fn unprintable_characters_are_escaped_in_double_quotes() {
    check(&[
        (json!("a\tb"), "\"a\\tb\"\n"),
        (json!("\r"), "\"\\r\"\n"),
        (json!("a\u{7}\u{8}\u{b}\u{c}\u{1b}\u{0}"), "\"a\\a\\b\\v\\f\\e\\0\"\n"),
        (json!("\u{1}"), "\"\\x01\"\n"),
        (json!("\u{80}"), "\"\\x80\"\n"),
        (json!("\u{85}"), "\"\\N\"\n"),
        (json!("\u{FEFF}x"), "\"\\uFEFFx\"\n"),
        (json!("\u{2028}"), "'\u{2028}'\n"),
        (json!("😀"), "\"\\U0001F600\"\n"),
        (json!("a\"b\tc\\"), "\"a\\\"b\\tc\\\\\"\n"),
    ]);
}

#[test]
fn multi_line_strings_are_literal_blocks() {
    check(&[
        (json!({"k": "a\nb"}), "k: |-\n  a\n  b\n"),
        (json!({"k": "a\nb\n"}), "k: |\n  a\n  b\n"),
        (json!({"k": "a\n\n"}), "k: |+\n  a\n\n"),
        (json!({"k": "\n"}), "k: |2+\n\n"),
        (json!({"k": " a\nb"}), "k: |2-\n   a\n  b\n"),
        (json!({"k": "\na"}), "k: |2-\n\n  a\n"),
        (json!({"k": "a\n\nb\n"}), "k: |\n  a\n\n  b\n"),
        (json!({"k": "a\n  b\n", "z": 1}), "k: |\n  a\n    b\nz: 1\n"),
        (json!(["a\nb"]), "- |-\n  a\n  b\n"),
        (json!({"a": {"b": "x\ny"}}), "a:\n  b: |-\n    x\n    y\n"),
        (json!("a\nb"), "|-\n  a\n  b\n"),
        // A space before a break, a trailing space or a control character rule out block style.
        (json!({"k": "a \nb"}), "k: \"a \\nb\"\n"),
        (json!({"k": "a\n "}), "k: \"a\\n \"\n"),
        (json!({"k": "a\n\tb"}), "k: \"a\\n\\tb\"\n"),
    ]);
}

#[test]
fn long_lines_fold_at_the_first_space_past_column_80() {
    let a78 = "a".repeat(78);
    check(&[
        (json!({ "k": format!("{a78} b c") }), &format!("k: {a78}\n  b c\n")),
        // Runs of spaces are never folded.
        (json!({ "k": format!("{a78}  b") }), &format!("k: {a78}  b\n")),
        (json!({ "k": format!("*{a78} b") }), &format!("k: '*{a78}\n  b'\n")),
        (json!({ "k": format!("\t{a78}  b") }), &format!("k: \"\\t{a78}\n  \\ b\"\n")),
        (json!([format!("{a78} b")]), &format!("- {a78} b\n")),
        (json!([format!("{a78}a b")]), &format!("- {a78}a\n  b\n")),
    ]);
    // Keys are never folded; keys over 128 bytes become complex keys.
    let long_key = format!("{a78}a {a78}");
    assert_eq!(to_string(&json!({ long_key.clone(): 1 })), format!("? {a78}a\n  {a78}\n: 1\n"));
    let key = format!("{} {}", "b".repeat(60), "c".repeat(40));
    assert_eq!(to_string(&json!({ key.clone(): 1 })), format!("{key}: 1\n"));
}

#[test]
fn special_keys() {
    check(&[
        (json!({"": 1}), "\"\": 1\n"),
        (json!({"true": 1, "a b": 2, "- x": 3}), "'- x': 3\na b: 2\n\"true\": 1\n"),
        (json!({"a\nb": 1}), "? |-\n  a\n  b\n: 1\n"),
    ]);
}
