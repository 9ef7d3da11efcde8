//! Conformance of `kube-inject` against upstream Istio 1.30.3's goldens, run the way
//! `../shared/conformance/score` runs its inject suite (same values, mesh, revision and native
//! sidecar setting per case; output compared with `bin/manifest-diff`, errors by substring).
//!
//! `INJECT_CASE=<name>` runs one case, `INJECT_VERBOSE=1` prints the differences of failing cases.

use std::path::{Path, PathBuf};
use std::process::Command;

use istioctl::inject::{InjectOptions, InputSource, kube_inject};
use serde_json::Value;

/// Cases that must pass (raised as the implementation improves).
const FLOOR: usize = 88;

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance");
    p.join("inject/cases.json").exists().then_some(p)
}

fn score_line(out: &str) -> Option<(u64, u64, u64, u64)> {
    let line = out.lines().last()?;
    let nums: Vec<u64> =
        line.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).filter_map(|s| s.parse().ok()).collect();
    match nums.as_slice() {
        [a, b, c, d] => Some((*a, *b, *c, *d)),
        _ => None,
    }
}

#[test]
fn inject_conformance() {
    let Some(root) = shared() else {
        println!("SKIP inject_conformance: ../shared/conformance is not available");
        return;
    };
    let dir = root.join("inject");
    let diff = root.join("bin/manifest-diff");
    let cases: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("cases.json")).unwrap()).unwrap();
    let only = std::env::var("INJECT_CASE").ok();
    let verbose = std::env::var("INJECT_VERBOSE").is_ok();
    let tmp = tempfile::tempdir().unwrap();
    let (mut pass, mut total) = (0, 0);
    for c in cases["cases"].as_array().unwrap() {
        let name = c["name"].as_str().unwrap();
        if c["mode"] != "kube-inject" || only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        total += 1;
        let native = c["native_sidecars"][0].as_bool().unwrap_or(false);
        let opts = InjectOptions {
            input: InputSource::Path(dir.join(c["input"].as_str().unwrap())),
            mesh_config_file: Some(dir.join(c["mesh"].as_str().unwrap())),
            values_file: Some(dir.join(c["values"].as_str().unwrap())),
            revision: c["revision"].as_str().unwrap_or_default().to_string(),
            native_sidecars: Some(native),
            ..InjectOptions::default()
        };
        let mut out = Vec::new();
        let result = kube_inject(&opts, &mut out);
        if let Some(want) = c["expected_error_substring"].as_str() {
            let ok = matches!(&result, Err(e) if e.to_string().to_lowercase().contains(&want.to_lowercase()));
            pass += usize::from(ok);
            println!("inject {name:<60} {} (expects error containing {want:?})", if ok { "PASS" } else { "FAIL" });
            if !ok && verbose {
                println!("    got: {result:?}");
            }
            continue;
        }
        let actual = tmp.path().join("actual.yaml");
        std::fs::write(&actual, &out).unwrap();
        let golden = dir.join(c["golden"].as_str().unwrap());
        let mut cmd = Command::new("python3");
        cmd.arg(&diff).arg(&golden).arg(&actual);
        if !verbose {
            cmd.arg("--quiet");
        }
        let diff_out = String::from_utf8_lossy(&cmd.output().unwrap().stdout).to_string();
        let nums = score_line(&diff_out).unwrap_or((0, 1, 0, 1));
        let mut ok = result.is_ok() && nums.0 == nums.1 && nums.2 == nums.3;
        if let (Some(w), Ok(report)) = (c["expected_warning_substring"].as_str(), &result) {
            ok &= report.warnings.iter().any(|x| x.to_lowercase().contains(&w.to_lowercase()));
        }
        let same =
            result.is_ok() && String::from_utf8_lossy(&out).trim() == std::fs::read_to_string(&golden).unwrap().trim();
        pass += usize::from(ok);
        println!(
            "inject {name:<60} {}{} objects {}/{} fields {}/{}",
            if ok { "PASS" } else { "FAIL" },
            if same { " bytes=identical" } else { "" },
            nums.0,
            nums.1,
            nums.2,
            nums.3
        );
        if let Err(e) = &result {
            println!("    error: {e}");
        }
        if verbose && !ok {
            for l in diff_out.lines().take(60) {
                println!("    {l}");
            }
        }
    }
    println!("inject TOTAL cases {pass}/{total}");
    assert!(pass >= FLOOR.min(total), "conformance fell below the floor: {pass} < {FLOOR}");
}
