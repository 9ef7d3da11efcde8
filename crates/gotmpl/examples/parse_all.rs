//! Times parsing every upstream chart template (run with --release; UPSTREAM_ISTIO overrides /work/upstream).
use std::time::Instant;

fn collect(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, out);
        } else if (p.to_string_lossy().contains("/templates/")
            || p.to_string_lossy().contains("istio-discovery/files/"))
            && let Ok(t) = std::fs::read_to_string(&p)
        {
            out.push((p.to_string_lossy().to_string(), t));
        }
    }
}

fn main() {
    let root = std::env::var("UPSTREAM_ISTIO").unwrap_or_else(|_| "/work/upstream".into());
    let mut files = Vec::new();
    collect(&std::path::Path::new(&root).join("manifests/charts"), &mut files);
    let bytes: usize = files.iter().map(|f| f.1.len()).sum();
    let mut base = gotmpl::Template::new();
    base.add_funcs(gotmpl::sprig_funcs());
    for f in [
        "include",
        "tpl",
        "toYaml",
        "fromYaml",
        "required",
        "annotation",
        "isset",
        "valueOrDefault",
        "toJsonMap",
        "strdict",
        "structToJSON",
        "protoToJSON",
        "omitNil",
        "excludeInboundPort",
        "appendMultusNetwork",
        "toLower",
        "toJSON",
        "fromJSON",
        "directory",
        "lookup",
        "toJson",
    ] {
        base.add_func(f, gotmpl::func(|_, _| Ok(gotmpl::Value::Nil)));
    }
    let n = 20;
    let start = Instant::now();
    let mut ok = 0;
    for _ in 0..n {
        let mut t = base.clone();
        for (name, text) in &files {
            match t.parse(name, text) {
                Ok(_) => ok += 1,
                Err(e) => eprintln!("{e}"),
            }
        }
    }
    println!(
        "{} files, {} bytes, parsed ok {}/{}, {:?} per full parse",
        files.len(),
        bytes,
        ok / n,
        files.len(),
        start.elapsed() / n
    );
}
