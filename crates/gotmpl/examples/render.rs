//! Renders one template with JSON data and the Sprig functions, for quick experiments:
//! `cargo run -p gotmpl --example render -- '{{ .a | quote }}' '{"a": 1}'`

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(text) = args.next() else {
        eprintln!("usage: render TEMPLATE [JSON-DATA]");
        std::process::exit(2);
    };
    let data = match args.next().map(|j| serde_json::from_str::<serde_json::Value>(&j)) {
        None => gotmpl::Value::Nil,
        Some(Ok(j)) => gotmpl::Value::from_json(&j),
        Some(Err(e)) => {
            eprintln!("bad JSON data: {e}");
            std::process::exit(2);
        }
    };
    let mut t = gotmpl::Template::new();
    t.add_funcs(gotmpl::sprig_funcs());
    let result = t.parse("t", &text).map(|_| ()).and_then(|()| t.execute("t", &data));
    match result {
        Ok(out) => print!("{out}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
