fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mut t = gotmpl::Template::new();
    t.add_funcs(gotmpl::sprig_funcs());
    let data = gotmpl::Value::from(
        serde_json::json!({"a": {"b": 1, "c": [1, "x", null, 2.5]}, "s": "str", "n": null, "f": 1000000.0}),
    );
    match t.parse("t", &args[1]) {
        Ok(_) => match t.execute("t", &data) {
            Ok(s) => println!("OK[{s}]"),
            Err(e) => println!("EXEC ERR: {e}"),
        },
        Err(e) => println!("PARSE ERR: {e}"),
    }
}
