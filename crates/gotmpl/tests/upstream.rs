//! Parses every upstream Istio chart template and injection template with our engine.
//! Functions our engine does not provide (Helm's and Istio's own) get stubs, so this checks the
//! template syntax support only; executing them is the Helm layer's job.

use std::path::{Path, PathBuf};

use gotmpl::{ErrorKind, Template, Value, func};

const DEFAULT_UPSTREAM: &str = "/work/upstream";

fn upstream_root() -> Option<PathBuf> {
    let root = std::env::var("UPSTREAM_ISTIO").unwrap_or_else(|_| DEFAULT_UPSTREAM.to_string());
    let charts = Path::new(&root).join("manifests/charts");
    charts.is_dir().then_some(charts)
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            collect(&p, out);
            continue;
        }
        let parent = p.parent().and_then(|d| d.file_name()).and_then(|n| n.to_str()).unwrap_or("");
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let is_tpl = name.ends_with(".yaml") || name.ends_with(".tpl");
        let in_templates = parent == "templates";
        let injector = parent == "files" && p.to_string_lossy().contains("istio-discovery/files/");
        if is_tpl && (in_templates || injector) {
            out.push(p);
        }
    }
}

/// Parses `text`, adding a stub for each function reported missing (Helm/Istio functions).
fn parse_with_stubs(t: &mut Template, name: &str, text: &str) -> Result<usize, gotmpl::Error> {
    let mut stubs = 0;
    loop {
        match t.parse(name, text) {
            Ok(_) => return Ok(stubs),
            Err(e) if e.kind() == ErrorKind::Parse && e.detail().starts_with("function \"") => {
                let missing = e.detail().trim_start_matches("function \"").split('"').next().unwrap_or("").to_string();
                assert!(!missing.is_empty() && !t.has_func(&missing), "unexpected error {e}");
                t.add_func(&missing, func(|_, _| Ok(Value::Nil)));
                stubs += 1;
            }
            Err(e) => return Err(e),
        }
    }
}

#[test]
fn every_upstream_template_parses() {
    let Some(charts) = upstream_root() else {
        println!("skipped: upstream Istio charts not found (set UPSTREAM_ISTIO to the upstream source root)");
        return;
    };
    let mut files = Vec::new();
    collect(&charts, &mut files);
    assert!(files.len() > 50, "expected the upstream templates, found {}", files.len());
    let mut t = Template::new();
    t.add_funcs(gotmpl::sprig_funcs());
    let mut failures = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        let name = f.strip_prefix(&charts).unwrap_or(f).to_string_lossy().to_string();
        if let Err(e) = parse_with_stubs(&mut t, &name, &text) {
            failures.push(format!("{name}: {e}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} failed:\n{}", failures.len(), files.len(), failures.join("\n"));
    // defines from _helpers.tpl are registered under their own names
    assert!(t.has("istio.labels"), "define \"istio.labels\" missing");
}
