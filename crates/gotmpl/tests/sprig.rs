//! Table-driven tests of the Sprig subset (expected outputs are Sprig's under Go).

use gotmpl::{Template, Value};
use serde_json::json;

fn data() -> Value {
    Value::from_json_f64(&json!({
        "s": "str",
        "e": "",
        "n": null,
        "num": 3,
        "big": 1000000,
        "l": ["b", "a", "b"],
        "m": {"b": 2, "a": 1, "inner": {"x": "y"}},
        "em": {},
        "t": true,
    }))
}

fn run(src: &str) -> Result<String, String> {
    let mut t = Template::new();
    t.add_funcs(gotmpl::sprig_funcs());
    t.parse("t", src).map_err(|e| e.to_string())?;
    t.execute("t", &data()).map_err(|e| e.to_string())
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

#[test]
fn defaults_and_emptiness() {
    check(&[
        ("{{ .missing | default \"d\" }}", "d"),
        (
            "{{ .e | default \"d\" }} {{ 0 | default 5 }} {{ false | default true }} {{ .em | default \"x\" }}",
            "d 5 true x",
        ),
        ("{{ .s | default \"d\" }} {{ default \"d\" }}", "str d"),
        ("{{ empty .n }} {{ empty .s }} {{ empty 0 }} {{ empty .em }} {{ empty .l }}", "true false true true false"),
        ("{{ coalesce .n .e 0 \"x\" 1 }} {{ coalesce .n .e }}", "x <no value>"),
        ("{{ ternary \"y\" \"n\" true }} {{ ternary \"y\" \"n\" (eq 1 2) }}", "y n"),
    ]);
}

#[test]
fn strings() {
    check(&[
        ("{{ quote .s 1 .n \"a\\\"b\" }}", r#""str" "1" "a\"b""#),
        ("{{ quote .missing }}|{{ squote .s 2 }}", "|'str' '2'"),
        ("{{ .big | quote }} {{ .num | quote }}", r#""1e+06" "3""#),
        ("{{ upper \"aBc\" }} {{ lower \"AbC\" }} {{ title \"hello wide_world-x\" }}", "ABC abc Hello Wide_world-X"),
        ("[{{ trim \"  a b \\n\" }}] [{{ nospace \" a b\\tc \" }}]", "[a b] [abc]"),
        ("{{ trimSuffix \"-\" \"a-b-\" }} {{ trimPrefix \"x\" \"xxy\" }} {{ trimAll \"$\" \"$$5$\" }}", "a-b xy 5"),
        (
            "{{ replace \"+\" \"_\" \"1+2+3\" }} {{ contains \"b\" \"abc\" }} {{ hasPrefix \"a\" \"abc\" }} {{ hasSuffix \"a\" \"abc\" }}",
            "1_2_3 true true false",
        ),
        ("{{ split \",\" \"a,b\" }} {{ splitList \"\\n---\\n\" \"x\\n---\\ny\" }}", "map[_0:a _1:b] [x y]"),
        (
            "{{ join \",\" .l }} {{ join \"-\" (list 1 .n 2.5) }} {{ join \",\" \"single\" }} {{ join \",\" .n }}",
            "b,a,b 1-2.5 single ",
        ),
        ("{{ indent 2 \"a\\nb\" }}|{{ \"x\\ny\" | nindent 4 }}", "  a\n  b|\n    x\n    y"),
        ("{{ trunc 3 \"abcdef\" }} {{ trunc -2 \"abcdef\" }} {{ trunc 10 \"ab\" }} {{ trunc 0 \"ab\" }}", "abc ef ab "),
        ("{{ abbrev 5 \"hello world\" }} {{ abbrev 3 \"hello\" }} {{ abbrev 20 \"hi\" }}", "he... hello hi"),
        (
            "{{ repeat 3 \"ab\" }} {{ substr 1 3 \"hello\" }} {{ substr -1 2 \"hello\" }} {{ substr 2 99 \"hello\" }}",
            "ababab el he llo",
        ),
        ("{{ cat \"a\" 1 .n \"b\" }}", "a 1 b"),
        (
            "{{ toString 5 }} {{ toString .n }} {{ toString .big }} {{ toString .m }}",
            "5 <nil> 1e+06 map[a:1 b:2 inner:map[x:y]]",
        ),
        ("{{ toStrings (list 1 \"a\" .n) }} {{ sortAlpha .l }}", "[1 a] [a b b]"),
        ("{{ printf \"%s-%s\" \"a\" \"b\" | replace \"-\" \"+\" | trunc 63 | trimSuffix \"-\" }}", "a+b"),
    ]);
}

#[test]
fn numbers() {
    check(&[
        (
            "{{ int \"12\" }} {{ int 3.9 }} {{ int .num }} {{ int \"0x10\" }} {{ int \"8.00\" }} {{ int \"nope\" }} {{ int .n }} {{ int true }}",
            "12 3 3 16 8 0 0 1",
        ),
        (
            "{{ int64 \"-5\" }} {{ float64 \"1.5\" }} {{ float64 2 }} {{ atoi \"42\" }} {{ atoi \"x\" }}",
            "-5 1.5 2 42 0",
        ),
        (
            "{{ add 1 2 3 }} {{ add 1 2.9 }} {{ add1 .num }} {{ sub 5 7 }} {{ mul 2 3 4 }} {{ div 7 2 }} {{ mod 7 3 }}",
            "6 3 4 -2 24 3 1",
        ),
        ("{{ max 1 5 3 }} {{ min 4 2 8 }} {{ typeOf (add 1 1) }} {{ until 3 }}", "5 2 int [0 1 2]"),
        ("{{ gt (int .num) 2 }}", "true"),
    ]);
    assert_eq!(
        run("{{ gt .num 2 }}"),
        Err(r#"template: t:1:3: executing "t" at <gt>: error calling gt: incompatible types for comparison"#.into())
    );
}

#[test]
fn lists() {
    check(&[
        ("{{ list 1 \"a\" .n }} {{ tuple 1 2 }}", "[1 a <nil>] [1 2]"),
        ("{{ append .l \"c\" }} {{ prepend .l \"z\" }} {{ .l }}", "[b a b c] [z b a b] [b a b]"),
        (
            "{{ first .l }} {{ last .l }} {{ rest .l }} {{ initial .l }} {{ first (list) }}",
            "b b [a b] [b a] <no value>",
        ),
        ("{{ uniq .l }} {{ without .l \"b\" }} {{ compact (list 0 1 \"\" \"x\" .n) }}", "[b a] [a] [1 x]"),
        (
            "{{ has \"a\" .l }} {{ has \"z\" .l }} {{ has 1 .n }} {{ concat .l (list 1) (list) }}",
            "true false false [b a b 1]",
        ),
        ("{{ $c := list }}{{ range .l }}{{ $c = append $c . }}{{ end }}{{ $c }}", "[b a b]"),
    ]);
    assert_eq!(
        run("{{ first \"str\" }}"),
        Err(r#"template: t:1:3: executing "t" at <first>: error calling first: Cannot find first on type string"#
            .into())
    );
    assert_eq!(
        run("{{ append \"s\" 1 }}"),
        Err(r#"template: t:1:3: executing "t" at <append>: error calling append: Cannot push on type string"#.into())
    );
}

#[test]
fn dicts() {
    check(&[
        ("{{ dict \"b\" 1 \"a\" 2 }} {{ dict \"k\" }} {{ dict }}", "map[a:2 b:1] map[k:] map[]"),
        ("{{ get .m \"a\" }} [{{ get .m \"nope\" }}] {{ hasKey .m \"b\" }} {{ hasKey .m \"z\" }}", "1 [] true false"),
        (
            "{{ $d := dict }}{{ $_ := set $d \"x\" 1 }}{{ $_ := set $d \"y\" 2 }}{{ $_ := unset $d \"x\" }}{{ $d }}",
            "map[y:2]",
        ),
        ("{{ unset .n \"x\" }}", "map[]"),
        ("{{ keys .m | sortAlpha }} {{ values (dict \"a\" 1 \"b\" 2) }}", "[a b inner] [1 2]"),
        ("{{ pick .m \"a\" \"zz\" }} {{ omit .m \"a\" \"inner\" }}", "map[a:1] map[b:2]"),
        (
            "{{ dig \"inner\" \"x\" \"def\" .m }} {{ dig \"inner\" \"q\" \"def\" .m }} {{ dig \"zz\" \"q\" \"def\" .m }}",
            "y def def",
        ),
        (
            "{{ $c := deepCopy .m }}{{ $_ := set $c.inner \"x\" \"changed\" }}{{ .m.inner.x }} {{ $c.inner.x }}",
            "y changed",
        ),
        (
            "{{ kindOf .m }} {{ kindOf .l }} {{ kindOf .n }} {{ kindOf 1 }} {{ kindIs \"map\" .m }} {{ typeOf .l }} {{ typeIs \"string\" .s }}",
            "map slice invalid int true []interface {} true",
        ),
    ]);
}

#[test]
fn merge_semantics_follow_mergo() {
    check(&[
        // merge keeps dst values, fills missing and empty ones, recurses into maps
        (
            "{{ merge (dict \"a\" 1 \"e\" \"\" \"m\" (dict \"x\" 1)) (dict \"a\" 2 \"e\" \"z\" \"n\" 3 \"m\" (dict \"x\" 2 \"y\" 2)) }}",
            "map[a:1 e:z m:map[x:1 y:2] n:3]",
        ),
        // mergeOverwrite: src wins, including false/0/"" and nil
        (
            "{{ mergeOverwrite (dict \"a\" 1 \"b\" true \"c\" \"x\" \"l\" (list 1 2) \"m\" (dict \"x\" 1 \"k\" 1)) (dict \"a\" 0 \"b\" false \"c\" .n \"l\" (list 3) \"m\" (dict \"x\" 2)) }}",
            "map[a:0 b:false c:<nil> l:[3] m:map[k:1 x:2]]",
        ),
        // both mutate and return the first dict
        (
            "{{ $d := dict \"a\" 1 }}{{ $_ := mergeOverwrite $d (dict \"b\" 2) (dict \"c\" 3) }}{{ $d }}",
            "map[a:1 b:2 c:3]",
        ),
        ("{{ $d := dict }}{{ $_ := merge $d .m }}{{ $_ := set $d.inner \"new\" 1 }}{{ .m.inner }}", "map[new:1 x:y]"),
        ("{{ mustMergeOverwrite (dict) .n (dict \"a\" 1) }}", "map[a:1]"),
    ]);
}

#[test]
fn regex_and_encodings() {
    check(&[
        (
            "{{ regexMatch \"^[a-z]+$\" \"abc\" }} {{ regexMatch \"^[a-z]+$\" \"ab1\" }} {{ regexMatch \"(\" \"x\" }}",
            "true false false",
        ),
        (
            "{{ regexReplaceAll \"a(x*)b\" \"-ab-axxb-\" \"${1}W\" }} {{ regexReplaceAllLiteral \"a(x*)b\" \"-ab-\" \"$1\" }}",
            "-W-xxW- -$1-",
        ),
        (
            "{{ regexFind \"[0-9]+\" \"ab12cd34\" }} {{ regexFindAll \"[0-9]\" \"a1b2c3\" 2 }} {{ regexSplit \",\" \"a,b,c\" -1 }}",
            "12 [1 2] [a b c]",
        ),
        (
            "{{ b64enc \"hello!?\" }} {{ b64dec \"aGVsbG8hPw==\" }} {{ b64dec \"%%%\" }}",
            "aGVsbG8hPw== hello!? illegal base64 data at input byte 0",
        ),
        ("{{ sha256sum \"\" }}", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("{{ toJson .m }}", r#"{"a":1,"b":2,"inner":{"x":"y"}}"#),
        (
            "{{ toJson (list \"<&>\" .big 1.5 .n true \"\\u2028\\t\") }}",
            r#"["\u003c\u0026\u003e",1000000,1.5,null,true,"\u2028\t"]"#,
        ),
        ("{{ toRawJson (list \"<&>\") }} {{ toJson 1e21 }} {{ toJson 0.0000001 }}", r#"["<&>"] 1e+21 1e-7"#),
        ("{{ toPrettyJson .m }}", "{\n  \"a\": 1,\n  \"b\": 2,\n  \"inner\": {\n    \"x\": \"y\"\n  }\n}"),
        ("{{ toPrettyJson (dict \"e\" (dict) \"l\" (list)) }}", "{\n  \"e\": {},\n  \"l\": []\n}"),
        (
            "{{ $j := fromJson \"{\\\"a\\\": 1, \\\"b\\\": [true]}\" }}{{ $j.a }} {{ typeOf $j.a }} {{ $j.b }}",
            "1 float64 [true]",
        ),
        (
            "{{ (fromJson \"[1]\").Error }}",
            "json: cannot unmarshal array into Go value of type map[string]interface {}",
        ),
        ("{{ fromJsonArray \"[1, \\\"x\\\"]\" }}", "[1 x]"),
    ]);
}

/// The profile-overlay logic Istio's charts run first (zzz_profile.yaml): it mutates `$` and
/// `$.Values` in place, and templates executed afterwards on the same data must see the result.
#[test]
fn profile_overlay_mutations_persist_across_templates() {
    let files = Value::map_from([(
        "Get",
        Value::Method(gotmpl::func(|_, a| {
            Ok(Value::string(match gotmpl::arg_str(a, 0)? {
                "files/profile-demo.json" => r#"{"global": {"hub": "demo-hub"}, "pilot": {"replicas": 1}}"#,
                _ => "",
            }))
        })),
    )]);
    let root = Value::from_json_f64(&json!({
        "Values": {
            "profile": "demo",
            "pilot": {"enabled": false},
            "_internal_defaults_do_not_set": {
                "global": {"hub": "default-hub", "tag": "1.30.3"},
                "pilot": {"enabled": true, "replicas": 2, "env": {}}
            }
        }
    }));
    if let Value::Map(m) = &root {
        m.insert("Files", files);
    }
    let mut t = Template::new();
    t.add_funcs(gotmpl::sprig_funcs());
    t.parse(
        "zzz_profile.yaml",
        r#"{{- $defaults := $.Values._internal_defaults_do_not_set }}
{{- $_ := unset $.Values "_internal_defaults_do_not_set" }}
{{- $profile := dict }}
{{- with (coalesce ($.Values).profile ($.Values.global).profile) }}
{{- with $.Files.Get (printf "files/profile-%s.json" .)}}
{{- $profile = (. | fromJson) }}
{{- else }}
{{ fail (cat "unknown profile" .) }}
{{- end }}
{{- end }}
{{- if $profile }}
{{- $a := mustMergeOverwrite $defaults $profile }}
{{- end }}
{{- $x := set $.Values "_original" (deepCopy $.Values) }}
{{- $b := set $ "Values" (mustMergeOverwrite $defaults $.Values) }}"#,
    )
    .unwrap();
    t.parse("deployment.yaml", "{{ .Values.global.hub }} {{ .Values.pilot.enabled }} {{ .Values.pilot.replicas }} {{ .Values._original.profile }} {{ .Values.global.tag }}")
        .unwrap();
    assert_eq!(t.execute("zzz_profile.yaml", &root).unwrap(), "");
    assert_eq!(t.execute("deployment.yaml", &root).unwrap(), "demo-hub false 1 demo 1.30.3");
    let mut bad = root.deep_copy();
    if let Value::Map(m) = &mut bad {
        m.insert("Values", Value::from_json_f64(&json!({"profile": "nope", "_internal_defaults_do_not_set": {}})));
    }
    let e = t.execute("zzz_profile.yaml", &bad).unwrap_err();
    assert!(e.to_string().ends_with("error calling fail: unknown profile nope"), "{e}");
}

#[test]
fn more_sprig_for_user_templates() {
    check(&[
        ("{{ all 1 \"a\" }} {{ all 1 0 }} {{ any 0 \"\" }} {{ any 0 \"x\" }}", "true false false true"),
        (
            "{{ reverse .l }} {{ chunk 2 (list 1 2 3) }} {{ pluck \"a\" (dict \"a\" 1) (dict \"b\" 2) (dict \"a\" 3) }}",
            "[b a b] [[1 2] [3]] [1 3]",
        ),
        (
            "{{ splitn \",\" 2 \"a,b,c\" }} {{ deepEqual (list 1 .m) (list 1 .m) }} {{ deepEqual 1 1.0 }}",
            "map[_0:a _1:b,c] true false",
        ),
        (
            "{{ floor 2.7 }} {{ ceil \"2.1\" }} {{ biggest 1 9 3 }} {{ toDecimal \"0777\" }} {{ trimall \"-\" \"--x--\" }}",
            "2 3 9 511 x",
        ),
        ("{{ regexQuoteMeta \"a.b*c[d]\" }}", "a\\.b\\*c\\[d\\]"),
        (
            "{{ base \"/a/b/\" }} {{ base \"\" }} {{ base \"///\" }} {{ dir \"/a/b/c\" }} {{ dir \"x\" }}",
            "b . / /a/b .",
        ),
        (
            "{{ clean \"a/../../b/./c//\" }} {{ clean \"/../x\" }} {{ clean \"\" }} {{ ext \"x/y.tar.gz\" }} {{ ext \"a.b/c\" }} {{ isAbs \"/x\" }}",
            "../b/c /x . .gz  true",
        ),
    ]);
}
