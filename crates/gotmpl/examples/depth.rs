//! Shows how deep template recursion gets before the depth bound or stack budget stops it.
fn main() {
    let mut t = gotmpl::Template::new();
    t.add_funcs(gotmpl::sprig_funcs());
    t.add_func(
        "include",
        gotmpl::func(|ctx, a| {
            let n = gotmpl::arg_str(a, 0)?.to_string();
            Ok(gotmpl::Value::string(ctx.execute_template(&n, a.get(1).unwrap_or(&gotmpl::Value::Nil))?))
        }),
    );
    let parsed = t.parse(
        "deep",
        "{{ define \"d\" }}{{ range $i, $v := list 1 }}{{ with $ }}{{ if true }}{{ include \"d\" (dict \"x\" (printf \"%v\" (list $v))) | trim }}{{ end }}{{ end }}{{ end }}{{ end }}{{ template \"d\" . }}",
    );
    if let Err(e) = parsed {
        eprintln!("{e}");
        return;
    }
    let data = gotmpl::Value::from(serde_json::json!({"a": 1}));
    match t.execute("deep", &data) {
        Ok(_) => println!("unexpectedly finished"),
        Err(e) => println!("{}", e.to_string().rsplit("error calling include: ").next().unwrap_or_default()),
    }
}
