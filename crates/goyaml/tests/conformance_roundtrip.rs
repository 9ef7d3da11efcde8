//! Every document istioctl 1.30.3 printed (manifest goldens and kube-inject goldens) must come back
//! byte for byte after parse then `to_string`: this pins the emitter to go-yaml v2's output.

use std::path::{Path, PathBuf};

/// Folders (under `<repo>/../shared/conformance`) and the file name suffix of the goldens to check.
const CORPORA: &[(&str, &str)] = &[
    ("manifest/outputs-1.30.3-release", ".yaml"),
    ("manifest/outputs-1.30.3-charts", ".yaml"),
    ("inject/testdata/inject", ".injected"),
    ("manifest/outputs", ".yaml"),
    ("manifest/outputs-upstream-charts-release", ".yaml"),
];

/// The separator between documents in the golden files.
const SEPARATOR: &str = "\n---\n";

fn conformance_root() -> Option<PathBuf> {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let repo = manifest_dir.parent()?.parent()?;
    let root = repo.join("../shared/conformance");
    root.is_dir().then_some(root)
}

fn golden_files(root: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for (dir, suffix) in CORPORA {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else { continue };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.to_string_lossy().ends_with(suffix) {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The documents of a golden file, each ending with exactly the newline `yaml.Marshal` prints.
fn documents(text: &str) -> Vec<String> {
    text.split(SEPARATOR)
        .map(|d| d.trim_start_matches("---\n"))
        .filter(|d| !d.trim().is_empty())
        .map(|d| if d.ends_with('\n') { d.to_owned() } else { format!("{d}\n") })
        .collect()
}

#[test]
fn goldens_round_trip_byte_for_byte() {
    let Some(root) = conformance_root() else {
        println!("skipped: ../shared/conformance is absent next to the repository");
        return;
    };
    let files = golden_files(&root);
    assert!(!files.is_empty(), "no golden files found under {}", root.display());
    let (mut checked, mut passthrough, mut failures) = (0usize, 0usize, Vec::new());
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        // kube-inject copies documents it does not inject verbatim from its input: those are not
        // `yaml.Marshal` output.
        let input =
            file.to_str().and_then(|p| p.strip_suffix(".injected")).and_then(|p| std::fs::read_to_string(p).ok());
        for (i, doc) in documents(&text).iter().enumerate() {
            if input.as_deref().is_some_and(|input| input.contains(doc.trim_end())) {
                passthrough += 1;
                continue;
            }
            checked += 1;
            let out = match goyaml::parse(doc) {
                Ok(v) => goyaml::to_string(&v),
                Err(e) => format!("parse error: {e}"),
            };
            if out != *doc {
                let line = doc.lines().zip(out.lines()).position(|(a, b)| a != b).unwrap_or(0);
                failures.push(format!(
                    "{} doc {i}: first difference at line {}\n  want: {:?}\n  got:  {:?}",
                    file.display(),
                    line + 1,
                    doc.lines().nth(line).unwrap_or(""),
                    out.lines().nth(line).unwrap_or("")
                ));
            }
        }
    }
    println!(
        "{checked} documents from {} files checked ({passthrough} verbatim kube-inject pass-throughs skipped), {} differ",
        files.len(),
        failures.len()
    );
    assert!(
        failures.is_empty(),
        "{} of {checked} documents differ:\n{}",
        failures.len(),
        failures[..failures.len().min(15)].join("\n")
    );
}
