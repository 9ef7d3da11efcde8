//! Table-driven tests of Go text/template semantics (expected outputs are Go's).

use gotmpl::{MissingKey, Template, Value, func};
use serde_json::json;

fn data() -> Value {
    Value::from(json!({
        "s": "str",
        "e": "",
        "n": null,
        "i": 3,
        "z": 0,
        "f": 1.5,
        "t": true,
        "l": [1, "x", null],
        "el": [],
        "m": {"b": 2, "a": 1, "c": {"d": "deep"}},
        "em": {},
        "html": "<a href='x'>&\"</a>",
    }))
}

fn tmpl(mk: MissingKey) -> Template {
    let mut t = Template::new();
    t.add_funcs(gotmpl::sprig_funcs());
    t.set_missing_key(mk);
    t
}

fn run_mk(src: &str, mk: MissingKey) -> Result<String, String> {
    let mut t = tmpl(mk);
    t.parse("t", src).map_err(|e| e.to_string())?;
    t.execute("t", &data()).map_err(|e| e.to_string())
}

fn run(src: &str) -> Result<String, String> {
    run_mk(src, MissingKey::Default)
}

fn check(cases: &[(&str, &str)]) {
    let mut failed = Vec::new();
    for (src, want) in cases {
        match run(src) {
            Ok(got) if got == *want => {}
            other => failed.push(format!("{src:?}\n   want {want:?}\n   got  {other:?}")),
        }
    }
    assert!(failed.is_empty(), "{} case(s) failed:\n{}", failed.len(), failed.join("\n"));
}

fn check_err(cases: &[(&str, &str)]) {
    let mut failed = Vec::new();
    for (src, want) in cases {
        match run(src) {
            Err(got) if got == *want => {}
            other => failed.push(format!("{src:?}\n   want Err({want:?})\n   got  {other:?}")),
        }
    }
    assert!(failed.is_empty(), "{} case(s) failed:\n{}", failed.len(), failed.join("\n"));
}

#[test]
fn text_trim_and_comments() {
    check(&[
        ("plain text", "plain text"),
        ("a  {{- .s -}}  b", "astrb"),
        ("a \n\t{{- .s }} b", "astr b"),
        ("a {{ .s -}} \n b", "a strb"),
        ("a{{/* comment */}}b", "ab"),
        ("a {{- /* comment */ -}} b", "ab"),
        ("{{- 3 -}}", "3"),
        ("{{-3}}", "-3"),
        ("x{{/* multi\nline */}}y", "xy"),
        ("{{ .s }}\n{{ .i }}", "str\n3"),
    ]);
}

#[test]
fn fields_and_missing_values() {
    check(&[
        ("{{ .s }}", "str"),
        ("{{ .m.c.d }}", "deep"),
        ("{{ .missing }}", "<no value>"),
        ("{{ .missing.deeper }}", "<no value>"),
        ("{{ .n }}", "<no value>"),
        ("{{ print .n }}", "<nil>"),
        ("{{ print .missing }}", "<nil>"),
        ("{{ .m }}", "map[a:1 b:2 c:map[d:deep]]"),
        ("{{ .l }}", "[1 x <nil>]"),
        ("{{ .em }} {{ .el }}", "map[] []"),
        ("{{ . | len }}", "12"),
        ("{{ $.s }}", "str"),
        ("{{ $x := .m }}{{ $x.c.d }}", "deep"),
        ("{{ (.m).a }}", "1"),
        ("{{ (index .m \"c\").d }}", "deep"),
        ("{{ $x := .missing }}{{ $x.a }}", "<no value>"),
        ("{{ (.missing).a }}", "<no value>"),
    ]);
    assert_eq!(run_mk("{{ .missing }}", MissingKey::Zero), Ok("<no value>".into()));
    assert_eq!(run_mk("{{ print .missing }}", MissingKey::Zero), Ok("<nil>".into()));
    assert_eq!(
        run_mk("{{ .missing.x }}", MissingKey::Zero),
        Err(r#"template: t:1:11: executing "t" at <.missing.x>: nil pointer evaluating interface {}.x"#.into())
    );
    assert_eq!(
        run_mk("{{ .missing }}", MissingKey::Error),
        Err(r#"template: t:1:3: executing "t" at <.missing>: map has no entry for key "missing""#.into())
    );
    assert_eq!(
        run_mk("{{ $x := .missing }}", MissingKey::Error),
        Err(r#"template: t:1:9: executing "t" at <.missing>: map has no entry for key "missing""#.into())
    );
}

#[test]
fn field_errors() {
    check_err(&[
        ("{{ .n.x }}", r#"template: t:1:5: executing "t" at <.n.x>: nil pointer evaluating interface {}.x"#),
        ("{{ .s.x }}", r#"template: t:1:5: executing "t" at <.s.x>: can't evaluate field x in type interface {}"#),
        (
            "{{ $v := .s }}{{ $v.x }}",
            r#"template: t:1:19: executing "t" at <$v.x>: can't evaluate field x in type string"#,
        ),
        ("{{ .m.a 1 }}", r#"template: t:1:5: executing "t" at <.m.a>: a is not a method but has arguments"#),
        ("{{ .s 1 }}", r#"template: t:1:3: executing "t" at <.s>: s is not a method but has arguments"#),
        ("{{ \"x\" 1 }}", r#"template: t:1:3: executing "t" at <"x">: can't give argument to non-function "x""#),
        ("{{ nil }}", r#"template: t:1:3: executing "t" at <nil>: nil is not a command"#),
        (
            "{{ template \"nope\" }}",
            r#"template: t:1:12: executing "t" at <{{template "nope"}}>: template "nope" not defined"#,
        ),
    ]);
}

#[test]
fn literals() {
    check(&[
        ("{{ 3 }} {{ -3 }} {{ +3 }}", "3 -3 3"),
        ("{{ 3.0 }} {{ 1e3 }} {{ 1.5e3 }} {{ .5 }}", "3 1000 1500 0.5"),
        ("{{ 0x1F }} {{ 0o17 }} {{ 017 }} {{ 0b101 }} {{ 1_000_000 }}", "31 15 15 5 1000000"),
        ("{{ 'a' }} {{ '\\n' }} {{ '\\'' }}", "97 10 39"),
        ("{{ \"a\\tb\\u00e9\\x41\" }}", "a\tbéA"),
        ("{{ `raw\\n` }}", "raw\\n"),
        ("{{ true }} {{ false }}", "true false"),
        (
            "{{ typeOf 3 }} {{ typeOf 3.0 }} {{ typeOf 1e3 }} {{ typeOf 'a' }} {{ typeOf 0x10 }}",
            "int float64 float64 int int",
        ),
    ]);
}

#[test]
fn float_printing_follows_go_fmt() {
    check(&[
        ("{{ 1000000.0 }}", "1e+06"),
        ("{{ 100000.0 }}", "100000"),
        ("{{ 123456789.0 }}", "1.23456789e+08"),
        ("{{ 1234567.0 }}", "1.234567e+06"),
        ("{{ 0.0001 }}", "0.0001"),
        ("{{ 0.00001 }}", "1e-05"),
        ("{{ 1e21 }}", "1e+21"),
        ("{{ 0.1 }}", "0.1"),
        ("{{ 2.5e-10 }}", "2.5e-10"),
        ("{{ 0.0 }} {{ -0.5 }}", "0 -0.5"),
        ("{{ 100.0 }}", "100"),
        ("{{ list 1e6 2.5 }}", "[1e+06 2.5]"),
    ]);
    let v = Value::Float(1_000_000.0);
    assert_eq!(gotmpl::gofmt::sprint_v(&v), "1e+06");
}

#[test]
fn variables_and_scoping() {
    check(&[
        ("{{ $x := 1 }}{{ $x }}", "1"),
        ("{{ $x := 1 }}{{ $x = 2 }}{{ $x }}", "2"),
        ("{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}", "2"),
        ("{{ $x := 1 }}{{ if true }}{{ $x := 2 }}{{ $x }}{{ end }}{{ $x }}", "21"),
        ("{{ $x := 1 }}{{ range .l }}{{ $x = . }}{{ end }}{{ $x }}", "<no value>"),
        ("{{ $x := 1 }}{{ with .m }}{{ $x = .a }}{{ end }}{{ $x }}", "1"),
        ("{{ $ := 5 }}{{ $ }}", "5"),
        ("{{ with .m }}{{ $.s }}{{ end }}", "str"),
        ("{{ define \"sub\" }}{{ $.b }}{{ end }}{{ template \"sub\" .m }}", "2"),
        ("{{ if $v := .s }}{{ $v }}{{ end }}", "str"),
    ]);
    check_err(&[("{{ $x = 1 }}", r#"template: t:1:8: executing "t" at <1>: undefined variable: $x"#)]);
    assert_eq!(
        run("{{ if true }}{{ $y := 1 }}{{ end }}{{ $y }}"),
        Err(r#"template: t:1: undefined variable "$y""#.into())
    );
}

#[test]
fn conditionals() {
    check(&[
        ("{{ if .t }}y{{ end }}", "y"),
        ("{{ if .z }}y{{ else }}n{{ end }}", "n"),
        ("{{ if .e }}a{{ else if .z }}b{{ else if .s }}c{{ else }}d{{ end }}", "c"),
        ("{{ if .el }}y{{ else }}n{{ end }}{{ if .em }}y{{ else }}n{{ end }}{{ if .n }}y{{ else }}n{{ end }}", "nnn"),
        ("{{ if .missing }}y{{ else }}n{{ end }}", "n"),
        ("{{ if 0.0 }}y{{ else }}n{{ end }}{{ if \"0\" }}y{{ end }}", "ny"),
        ("{{ with .m.c }}{{ .d }}{{ end }}", "deep"),
        ("{{ with .missing }}x{{ else }}none{{ end }}", "none"),
        ("{{ with .e }}x{{ else with .s }}{{ . }}{{ end }}", "str"),
        ("{{ with $x := .m }}{{ $x.a }}{{ end }}", "1"),
    ]);
}

#[test]
fn range_forms() {
    check(&[
        ("{{ range .l }}[{{ . }}]{{ end }}", "[1][x][<no value>]"),
        ("{{ range $i, $v := .l }}{{ $i }}={{ $v }},{{ end }}", "0=1,1=x,2=<no value>,"),
        ("{{ range $v := .l }}{{ $v }},{{ end }}", "1,x,<no value>,"),
        ("{{ range $k, $v := .m }}{{ $k }},{{ end }}", "a,b,c,"),
        ("{{ range .m }}{{ . }};{{ end }}", "1;2;map[d:deep];"),
        ("{{ range .el }}x{{ else }}empty{{ end }}", "empty"),
        ("{{ range .missing }}x{{ else }}none{{ end }}", "none"),
        ("{{ range 3 }}{{ . }}{{ end }}", "012"),
        ("{{ range $i := 3 }}{{ $i }}{{ end }}", "012"),
        ("{{ range 0 }}x{{ else }}zero{{ end }}", "zero"),
        ("{{ range .l }}{{ if eq (typeOf .) \"string\" }}{{ break }}{{ end }}{{ . }}{{ end }}", "1"),
        ("{{ range $i, $_ := .l }}{{ if eq $i 1 }}{{ continue }}{{ end }}{{ $i }}{{ end }}", "02"),
        ("{{ range .l }}{{ range $.el }}{{ else }}i{{ end }}{{ end }}", "iii"),
        ("{{ $i := 0 }}{{ range $i = .l }}{{ end }}{{ $i }}", "<no value>"),
    ]);
    check_err(&[
        ("{{ range .s }}{{ end }}", r#"template: t:1:9: executing "t" at <.s>: range can't iterate over str"#),
        ("{{ range 1.5 }}{{ end }}", r#"template: t:1:9: executing "t" at <1.5>: range can't iterate over 1.5"#),
    ]);
    assert_eq!(run("{{ break }}"), Err("template: t:1: {{break}} outside {{range}}".into()));
}

#[test]
fn define_template_block() {
    check(&[
        ("{{ define \"a\" }}A{{ . }}{{ end }}{{ template \"a\" 1 }}{{ template \"a\" }}", "A1A<no value>"),
        ("{{ block \"b\" .s }}[{{ . }}]{{ end }}", "[str]"),
        (
            "{{ define \"r\" }}{{ if gt . 0 }}{{ . }}{{ template \"r\" (sub . 1) }}{{ end }}{{ end }}{{ template \"r\" 3 }}",
            "321",
        ),
    ]);
    let mut t = tmpl(MissingKey::Default);
    t.parse("base", "{{ define \"x\" }}one{{ end }}{{ template \"x\" }}").unwrap();
    t.parse("over", "{{ define \"x\" }}two{{ end }}").unwrap();
    assert_eq!(t.execute("base", &Value::Nil).unwrap(), "two");
    // an empty redefinition does not replace a non-empty one
    t.parse("again", "{{ define \"x\" }}  {{ end }}").unwrap();
    assert_eq!(t.execute("base", &Value::Nil).unwrap(), "two");
    assert!(t.has("x") && t.has("base") && t.has("over"));
    assert_eq!(t.names(), vec!["again", "base", "over", "x"]);
    let e = t.parse("dup", "{{ define \"y\" }}1{{ end }}{{ define \"y\" }}2{{ end }}").unwrap_err();
    assert_eq!(e.to_string(), r#"template: dup:1: template: multiple definition of template "y""#);
    let e = t.execute("nope", &Value::Nil).unwrap_err();
    assert_eq!(e.to_string(), r#"template: no template "nope" associated with template """#);
}

#[test]
fn template_errors_report_inner_location() {
    let mut t = tmpl(MissingKey::Default);
    t.parse("outer", "line1\n{{ define \"inner\" }}\n  {{ .x.y }}{{ end }}{{ template \"inner\" . }}").unwrap();
    let e = t.execute("outer", &Value::from(json!({"x": null}))).unwrap_err();
    assert_eq!(
        e.to_string(),
        r#"template: outer:3:7: executing "inner" at <.x.y>: nil pointer evaluating interface {}.y"#
    );
    assert_eq!(e.location(), Some("outer:3:7"));
    assert_eq!(e.detail(), "nil pointer evaluating interface {}.y");
}

#[test]
fn logic_and_comparisons() {
    check(&[
        ("{{ and 1 0 2 }} {{ and 1 2 }} {{ or 0 \"\" }} {{ or 0 \"x\" 1 }}", "0 2  x"),
        ("{{ and 0 (fail \"not evaluated\") }}", "0"),
        ("{{ or 1 (fail \"not evaluated\") }}", "1"),
        ("{{ .s | and 1 }}", "str"),
        ("{{ not 0 }} {{ not .s }} {{ not .missing }}", "true false true"),
        ("{{ eq 1 1 }} {{ eq 1 2 3 1 }} {{ eq \"a\" \"b\" }} {{ eq .s \"str\" }}", "true true false true"),
        ("{{ eq .missing \"x\" }} {{ eq .n nil }} {{ eq .missing .n }}", "false true true"),
        ("{{ ne 1 2 }} {{ lt 1 2 }} {{ le 2 2 }} {{ gt \"b\" \"a\" }} {{ ge 1.5 2.5 }}", "true true true true false"),
        ("{{ eq true true }} {{ eq .f 1.5 }}", "true true"),
    ]);
    check_err(&[
        (
            "{{ eq 1 1.0 }}",
            r#"template: t:1:3: executing "t" at <eq>: error calling eq: incompatible types for comparison"#,
        ),
        (
            "{{ lt 1 \"a\" }}",
            r#"template: t:1:3: executing "t" at <lt>: error calling lt: incompatible types for comparison"#,
        ),
        (
            "{{ lt true false }}",
            r#"template: t:1:3: executing "t" at <lt>: error calling lt: invalid type for comparison"#,
        ),
        ("{{ lt .n 1 }}", r#"template: t:1:3: executing "t" at <lt>: error calling lt: invalid type for comparison"#),
        (
            "{{ eq .m .m }}",
            r#"template: t:1:3: executing "t" at <eq>: error calling eq: non-comparable type map[a:1 b:2 c:map[d:deep]]: map[string]interface {}"#,
        ),
        ("{{ eq 1 }}", r#"template: t:1:3: executing "t" at <eq>: error calling eq: missing argument for comparison"#),
        (
            "{{ and }}",
            r#"template: t:1:3: executing "t" at <and>: wrong number of args for and: want at least 1 got 0"#,
        ),
        ("{{ not 1 2 }}", r#"template: t:1:3: executing "t" at <not>: wrong number of args for not: want 1 got 2"#),
        ("{{ 1 | ne 1 2 }}", r#"template: t:1:7: executing "t" at <ne>: wrong number of args for ne: want 2 got 3"#),
    ]);
}

#[test]
fn index_slice_len() {
    check(&[
        ("{{ index .l 1 }} {{ index .m \"a\" }} {{ index .m \"c\" \"d\" }}", "x 1 deep"),
        ("{{ index .m \"nope\" }} {{ index .l }}", "<no value> [1 x <nil>]"),
        ("{{ index \"abc\" 1 }}", "98"),
        (
            "{{ slice .l 1 }} {{ slice .l 1 2 }} {{ slice \"hello\" 1 3 }} {{ slice .l }}",
            "[x <nil>] [x] el [1 x <nil>]",
        ),
        ("{{ len .l }} {{ len .m }} {{ len .s }} {{ len .e }}", "3 3 3 0"),
    ]);
    check_err(&[
        (
            "{{ index .l 5 }}",
            r#"template: t:1:3: executing "t" at <index>: error calling index: index out of range: 5"#,
        ),
        (
            "{{ index .l 3 }}",
            r#"template: t:1:3: executing "t" at <index>: error calling index: reflect: slice index out of range"#,
        ),
        (
            "{{ index .missing 1 }}",
            r#"template: t:1:3: executing "t" at <index>: error calling index: index of untyped nil"#,
        ),
        (
            "{{ index .m 1 }}",
            r#"template: t:1:3: executing "t" at <index>: error calling index: value has type int; should be string"#,
        ),
        (
            "{{ index .m \"x\" \"y\" }}",
            r#"template: t:1:3: executing "t" at <index>: error calling index: index of nil pointer"#,
        ),
        (
            "{{ index .l \"a\" }}",
            r#"template: t:1:3: executing "t" at <index>: error calling index: cannot index slice/array with type string"#,
        ),
        (
            "{{ index 1 1 }}",
            r#"template: t:1:3: executing "t" at <index>: error calling index: can't index item of type int"#,
        ),
        (
            "{{ slice .l 2 1 }}",
            r#"template: t:1:3: executing "t" at <slice>: error calling slice: invalid slice index: 2 > 1"#,
        ),
        ("{{ len 3 }}", r#"template: t:1:3: executing "t" at <len>: error calling len: len of type int"#),
        ("{{ len .n }}", r#"template: t:1:3: executing "t" at <len>: error calling len: len of nil pointer"#),
    ]);
}

#[test]
fn print_functions() {
    check(&[
        ("{{ print 1 2 }}|{{ print \"a\" \"b\" }}|{{ print \"a\" 1 \"b\" }}|{{ print 1 \"a\" 2 }}", "1 2|ab|a1b|1a2"),
        ("{{ println 1 \"a\" }}", "1 a\n"),
        ("{{ print nil 1 }}", "<nil> 1"),
        ("{{ html .html }}", "&lt;a href=&#39;x&#39;&gt;&amp;&#34;&lt;/a&gt;"),
        ("{{ html .missing }}", "&lt;no value&gt;"),
        ("{{ js \"a'b\\\"<>&=\\n\" }}", "a\\'b\\\"\\u003C\\u003E\\u0026\\u003D\\u000A"),
        ("{{ urlquery \"a b&c/d\" }}", "a+b%26c%2Fd"),
        ("{{ .s | printf \"%s-%s\" \"x\" }}", "x-str"),
    ]);
}

#[test]
fn printf_verbs() {
    check(&[
        (r#"{{ printf "%s|%v|%d|%t" "a" .m 42 true }}"#, "a|map[a:1 b:2 c:map[d:deep]]|42|true"),
        (r#"{{ printf "%q|%x|%X|%o|%b|%c|%U" "hi" 255 255 8 5 65 65 }}"#, "\"hi\"|ff|FF|10|101|A|U+0041"),
        (r#"{{ printf "%5s|%-5s|%05d|%+d|% d|%x" "ab" "ab" 42 42 42 "hi" }}"#, "   ab|ab   |00042|+42| 42|6869"),
        (
            r#"{{ printf "%.2f|%8.3f|%-8.2f|%e|%g|%G" 3.14159 2.5 1.0 123456.789 0.000012 1e21 }}"#,
            "3.14|   2.500|1.00    |1.234568e+05|1.2e-05|1E+21",
        ),
        (r#"{{ printf "%v|%.3g|%10.4v|%f" 1e6 1234.5678 3.14159 1e6 }}"#, "1e+06|1.23e+03|     3.142|1000000.000000"),
        (
            r#"{{ printf "%#x|%#o|%#v|%#v" 255 8 "s" .l }}"#,
            "0xff|010|\"s\"|[]interface {}{1, \"x\", interface {}(nil)}",
        ),
        (r#"{{ printf "%v %s %d" .l .l .l }}"#, "[1 x <nil>] [%!s(int=1) x <nil>] [1 %!d(string=x) <nil>]"),
        (r#"{{ printf "%.2s|%.0d|%5.1f%%" "abc" 0 99.95 }}"#, "ab||100.0%"),
        (r#"{{ printf "%d" "x" }}"#, "%!d(string=x)"),
        (r#"{{ printf "%s" 5 }}"#, "%!s(int=5)"),
        (r#"{{ printf "%d" 3.0 }}"#, "%!d(float64=3)"),
        (r#"{{ printf "%s" nil }}|{{ printf "%v" nil }}|{{ printf "%d" .missing }}"#, "%!s(<nil>)|<nil>|%!d(<nil>)"),
        (r#"{{ printf "%s %s" "a" }}"#, "a %!s(MISSING)"),
        (r#"{{ printf "%s" "a" "b" 1 }}"#, "a%!(EXTRA string=b, int=1)"),
        (r#"{{ printf "100%" }}"#, "100%!(NOVERB)"),
        (r#"{{ printf "%z" 1 }}"#, "%!z(int=1)"),
        (r#"{{ printf "%T %T %T %T" 1 "a" .m .n }}"#, "int string map[string]interface {} <nil>"),
        (r#"{{ printf "%*d|%-*d|" 4 7 3 7 }}"#, "   7|7  |"),
        (r#"{{ printf "%[2]s %[1]s" "a" "b" }}"#, "b a"),
        (r#"{{ printf "%05s|%q|%+q" "ab" 'x' "é" }}"#, "   ab|'x'|\"\\u00e9\""),
        (r#"{{ printf "%6.2f|%-+7.1f|%07.2f" -1.5 2.25 -3.14159 }}"#, " -1.50|+2.2   |-003.14"),
    ]);
}

#[test]
fn parse_errors() {
    check_err(&[
        ("{{ nope }}", r#"template: t:1: function "nope" not defined"#),
        ("{{ if }}{{ end }}", "template: t:1: missing value for if"),
        ("{{ end }}", "template: t:1: unexpected {{end}}"),
        ("{{ else }}", "template: t:1: unexpected {{else}}"),
        ("{{ .s ", "template: t:1: unclosed action"),
        ("{{ if 1 }}x", "template: t:1: unexpected EOF"),
        ("a\n\n{{ $x }}", r#"template: t:3: undefined variable "$x""#),
        ("{{ 1 | 2 }}", "template: t:1: non executable command in pipeline stage 2"),
        ("{{ \"unterminated }}", "template: t:1: unterminated quoted string"),
        ("{{ ( .s }}", "template: t:1: unclosed left paren"),
        ("{{ .s ) }}", "template: t:1: unexpected \")\" in command"),
        ("{{ 3.x }}", "template: t:1: bad number syntax: \"3.x\""),
        ("{{ \"a\".b }}", r#"template: t:1: unexpected . after term "\"a\"""#),
        ("{{ template .s }}", "template: t:1: unexpected \".s\" in template clause"),
        ("{{/* open", "template: t:1: unclosed comment"),
        ("{{/*/}}", "template: t:1: unclosed comment"),
        ("{{/* c */ x }}", "template: t:1: comment ends before closing delimiter"),
        ("{{ 99999999999999999999 }}", "template: t:1: integer overflow: \"99999999999999999999\""),
        ("{{ range $a, $b, $c := . }}{{ end }}", "template: t:1: too many declarations in range"),
    ]);
}

#[test]
fn function_errors() {
    check_err(&[
        ("{{ trim }}", r#"template: t:1:3: executing "t" at <trim>: wrong number of args for trim: want 1 got 0"#),
        ("{{ fail \"boom\" }}", r#"template: t:1:3: executing "t" at <fail>: error calling fail: boom"#),
        (
            "{{ list 1 | first | trim }}",
            r#"template: t:1:20: executing "t" at <trim>: wrong type for value; expected string; got int"#,
        ),
        ("{{ trim .i }}", r#"template: t:1:8: executing "t" at <.i>: wrong type for value; expected string; got int"#),
        ("{{ trim .missing }}", r#"template: t:1:8: executing "t" at <.missing>: invalid value; expected string"#),
        (
            "{{ trim .n }}",
            r#"template: t:1:8: executing "t" at <.n>: wrong type for value; expected string; got interface {}"#,
        ),
        ("{{ indent \"2\" .s }}", r#"template: t:1:10: executing "t" at <"2">: expected integer; found "2""#),
        (
            "{{ div 1 0 }}",
            r#"template: t:1:3: executing "t" at <div>: error calling div: runtime error: integer divide by zero"#,
        ),
    ]);
}

#[test]
fn custom_functions_and_context() {
    let mut t = tmpl(MissingKey::Default);
    t.add_func(
        "include",
        func(|ctx, args| {
            gotmpl::check_arity(args, 2)?;
            let name = gotmpl::arg_str(args, 0)?.to_string();
            Ok(Value::string(ctx.execute_template(&name, &args[1])?))
        }),
    );
    t.add_func(
        "tpl",
        func(|ctx, args| {
            gotmpl::check_arity(args, 2)?;
            let text = gotmpl::arg_str(args, 0)?.to_string();
            Ok(Value::string(ctx.execute_text("inline", &text, &args[1])?))
        }),
    );
    t.add_func("where", func(|ctx, _| Ok(Value::string(format!("{}@{}", ctx.template_name(), ctx.location())))));
    t.parse("main", "{{ define \"h\" }}<{{ .a }}>{{ end }}{{ include \"h\" . | upper }}{{ tpl \"{{ .a }}{{ include \\\"h\\\" . }}\" . }}\n {{ where }}")
        .unwrap();
    let out = t.execute("main", &Value::from(json!({"a": "v"}))).unwrap();
    assert_eq!(out, "<V>v<v>\n main@main:2:4");
    t.parse("bad", "{{ include \"zzz\" . }}").unwrap();
    let e = t.execute("bad", &Value::Nil).unwrap_err();
    assert_eq!(
        e.to_string(),
        r#"template: bad:1:3: executing "bad" at <include>: error calling include: template: no template "zzz" associated with template """#
    );
    // nested errors keep the inner template's location
    t.parse("inner-err", "{{ define \"ie\" }}{{ fail \"x\" }}{{ end }}{{ include \"ie\" . }}").unwrap();
    let e = t.execute("inner-err", &Value::Nil).unwrap_err();
    assert_eq!(
        e.to_string(),
        r#"template: inner-err:1:43: executing "inner-err" at <include>: error calling include: template: inner-err:1:20: executing "ie" at <fail>: error calling fail: x"#
    );
}

#[test]
fn recursion_is_bounded() {
    let mut t = tmpl(MissingKey::Default);
    t.set_max_depth(20);
    t.parse("r", "{{ define \"loop\" }}{{ template \"loop\" . }}{{ end }}{{ template \"loop\" . }}").unwrap();
    let e = t.execute("r", &Value::Nil).unwrap_err();
    assert!(e.to_string().ends_with("exceeded maximum template depth (20)"), "{e}");
    let deep = format!("{}1{}", "(".repeat(1000), ")".repeat(1000));
    let e = t.parse("deep", &format!("{{{{ {deep} }}}}")).unwrap_err();
    assert_eq!(e.to_string(), "template: deep:1: max expression depth exceeded");
}

#[test]
fn methods_on_map_values() {
    let files = Value::map_from([(
        "Get",
        Value::Method(func(|_, args| Ok(Value::string(format!("content of {}", gotmpl::arg_str(args, 0)?))))),
    )]);
    let flag = Value::map_from([("GetValue", Value::Method(func(|_, _| Ok(Value::Bool(true)))))]);
    let data = Value::map_from([("Files", files), ("Flag", flag)]);
    let mut t = tmpl(MissingKey::Default);
    t.parse("m", "{{ .Files.Get \"a.txt\" }}|{{ .Flag.GetValue }}|{{ if .Flag.GetValue }}y{{ end }}|{{ call (index .Files \"Get\") \"b\" }}")
        .unwrap();
    assert_eq!(t.execute("m", &data).unwrap(), "content of a.txt|true|y|content of b");
}

#[test]
fn maps_are_shared_references() {
    let mut t = tmpl(MissingKey::Default);
    t.parse("mut", "{{ $_ := set .Values \"x\" 1 }}{{ $v := .Values }}{{ $_ := unset $v \"gone\" }}{{ $_ := set $ \"Top\" \"t\" }}")
        .unwrap();
    t.parse("read", "{{ .Values.x }} {{ .Values.gone }} {{ .Top }}").unwrap();
    let data = Value::from(json!({"Values": {"gone": true}}));
    assert_eq!(t.execute("mut", &data).unwrap(), "");
    assert_eq!(t.execute("read", &data).unwrap(), "1 <no value> t");
    assert_eq!(data.to_json(), json!({"Values": {"x": 1}, "Top": "t"}));
}

#[test]
fn template_is_cheap_to_clone_and_reusable() {
    let mut t = tmpl(MissingKey::Default);
    t.parse("x", "{{ .s }}-{{ .i }}").unwrap();
    let c = t.clone();
    let h = std::thread::spawn(move || c.execute("x", &data()).unwrap());
    assert_eq!(t.execute("x", &data()).unwrap(), "str-3");
    assert_eq!(h.join().unwrap(), "str-3");
    let mut w = String::new();
    t.execute_to(&mut w, "x", &data()).unwrap();
    assert_eq!(w, "str-3");
}

#[test]
fn default_limits_fit_a_test_thread_stack() {
    // Debug builds and 2 MiB test-thread stacks: the default bounds must fail cleanly, not overflow.
    let mut t = tmpl(MissingKey::Default);
    t.add_func(
        "include",
        func(|ctx, args| {
            let name = gotmpl::arg_str(args, 0)?.to_string();
            Ok(Value::string(ctx.execute_template(&name, &args[1])?))
        }),
    );
    t.parse(
        "deep",
        "{{ define \"d\" }}{{ range $i, $v := list 1 }}{{ with $ }}{{ if true }}{{ include \"d\" (dict \"x\" (printf \"%v\" (list $v))) | trim }}{{ end }}{{ end }}{{ end }}{{ end }}{{ template \"d\" . }}",
    )
    .unwrap();
    let e = t.execute("deep", &data()).unwrap_err();
    assert!(e.to_string().contains("exceeded maximum template depth ("), "{e}");
    let nested = format!("{}1{}", "(print ".repeat(90), ")".repeat(90));
    t.parse("parens", &format!("{{{{ {nested} }}}}")).unwrap();
    assert_eq!(t.execute("parens", &data()).unwrap(), "1");
    let ifs = format!("{}x{}", "{{ if true }}".repeat(150), "{{ end }}".repeat(150));
    t.parse("ifs", &ifs).unwrap();
    assert_eq!(t.execute("ifs", &data()).unwrap(), "x");
    let too_many = format!("{}1{}", "(print ".repeat(199), ")".repeat(199));
    t.parse("parens2", &format!("{{{{ {too_many} }}}}")).unwrap();
    // At the parser's nesting bound the default budget either suffices or fails cleanly.
    match t.execute("parens2", &data()) {
        Ok(out) => assert_eq!(out, "1"),
        Err(e) => assert!(e.to_string().contains("native stack budget used up"), "{e}"),
    }
    // A smaller budget is enforced with Go's depth error.
    t.set_stack_budget(16 << 10);
    let e = t.execute("parens2", &data()).unwrap_err();
    assert!(e.to_string().contains("native stack budget used up"), "{e}");
}

#[test]
fn typed_maps_read_missing_elements_as_zero() {
    let ann = gotmpl::Map::typed(Value::string(""));
    ann.insert("present", Value::string("yes"));
    let data = Value::map_from([("ann", Value::Map(ann)), ("plain", Value::new_map())]);
    let run_typed = |src: &str, mk: MissingKey| {
        let mut t = tmpl(mk);
        t.parse("t", src).map_err(|e| e.to_string())?;
        t.execute("t", &data).map_err(|e| e.to_string())
    };
    let src = "[{{ index .ann \"nope\" }}] {{ eq (index .ann \"nope\") \"\" }} {{ index .ann \"present\" }} [{{ index .plain \"nope\" }}] {{ .ann.nope }}";
    assert_eq!(run_typed(src, MissingKey::Default), Ok("[] true yes [<no value>] <no value>".to_string()));
    assert_eq!(
        run_typed("[{{ .ann.nope }}] {{ (deepCopy .ann).nope | printf \"%q\" }}", MissingKey::Zero),
        Ok("[] \"\"".to_string())
    );
    assert_eq!(
        run_typed("{{ .ann.present.x }}", MissingKey::Default),
        Err(r#"template: t:1:7: executing "t" at <.ann.present.x>: can't evaluate field x in type string"#.to_string())
    );
}
