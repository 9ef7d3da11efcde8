//! Engine fidelity: rendering upstream Istio 1.30.3's own charts (`UPSTREAM_MANIFESTS` = the tag's
//! `manifests/` folder) for every conformance case must print exactly what the released istioctl prints
//! with `--manifests` (`../shared/conformance/manifest/outputs-upstream-charts-release/<case>.yaml`).
//!
//! Actual outputs are written to `$CARGO_TARGET_TMPDIR/render-upstream/<case>.yaml` for inspection with
//! `../shared/conformance/bin/manifest-diff`. `RENDER_CASES=a,b` limits the run to some cases.

use std::path::{Path, PathBuf};

use istioctl::manifests::ManifestSource;
use istioctl::operator::InstallInputs;
use istioctl::render::{generate, print_manifest};
use serde_json::Value;

const CASES_DIR: &str = "../shared/conformance/manifest";
const EXPECTED_DIR: &str = "outputs-upstream-charts-release";
/// `--set installPackagePath=...` flags name upstream's own chart folder; `--manifests` replaces them.
const PACKAGE_PATH_FLAG: &str = "installPackagePath=";
/// The case upstream's test runs with `--force`.
const FORCE_CASE: &str = "flag_force";

fn setup() -> Option<(PathBuf, PathBuf)> {
    let Some(upstream) = std::env::var_os("UPSTREAM_MANIFESTS") else {
        eprintln!("skipping: UPSTREAM_MANIFESTS (upstream's manifests/ folder) is not set");
        return None;
    };
    let cases = Path::new(env!("CARGO_MANIFEST_DIR")).join(CASES_DIR);
    if !cases.join("cases.json").is_file() {
        eprintln!("skipping: {} is absent", cases.display());
        return None;
    }
    Some((PathBuf::from(upstream), cases))
}

/// The inputs of one case: its `-f` file and `--set` flags, upstream's charts, and `--force` for the
/// case upstream runs with it (`flag_force`, whose input has an unknown values key).
fn case_inputs(case: &Value, dir: &Path, upstream: &Path) -> InstallInputs {
    InstallInputs {
        files: case["input"].as_str().map(|i| dir.join(i)).into_iter().collect(),
        set_flags: case["set_flags"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .filter_map(Value::as_str)
            .filter(|f| !f.starts_with(PACKAGE_PATH_FLAG))
            .map(str::to_string)
            .collect(),
        manifests: ManifestSource::Dir(upstream.to_path_buf()),
        force: case["name"] == FORCE_CASE,
        ..InstallInputs::default()
    }
}

/// The first line where two texts differ, with both versions, for a readable failure.
fn first_difference(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    for i in 0..e.len().max(a.len()) {
        if e.get(i) != a.get(i) {
            return format!("line {}: expected {:?}, got {:?}", i + 1, e.get(i), a.get(i));
        }
    }
    "texts differ only in line endings".to_string()
}

#[test]
fn upstream_charts_render_like_released_istioctl() {
    let Some((upstream, dir)) = setup() else { return };
    let cases: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("cases.json")).unwrap()).unwrap();
    let only: Option<Vec<String>> =
        std::env::var("RENDER_CASES").ok().map(|s| s.split(',').map(str::to_string).collect());
    let out_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("render-upstream");
    std::fs::create_dir_all(&out_dir).unwrap();
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in cases["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        if case["orphan"].as_bool() == Some(true) || only.as_ref().is_some_and(|o| !o.iter().any(|n| n == name)) {
            continue;
        }
        let inputs = case_inputs(case, &dir, &upstream);
        let expected = std::fs::read_to_string(dir.join(EXPECTED_DIR).join(format!("{name}.yaml"))).unwrap();
        ran += 1;
        let actual = match generate(&inputs) {
            Ok(r) => print_manifest(&r),
            Err(e) => {
                failures.push(format!("{name}: error: {e}"));
                continue;
            }
        };
        std::fs::write(out_dir.join(format!("{name}.yaml")), &actual).unwrap();
        if actual != expected {
            failures.push(format!("{name}: {}", first_difference(&expected, &actual)));
        }
    }
    eprintln!("rendered {ran} cases into {}", out_dir.display());
    assert!(failures.is_empty(), "{} of {ran} cases differ:\n{}", failures.len(), failures.join("\n"));
}

/// The `original-values` JSON of the expected `values` ConfigMap (Pilot's Helm values as istioctl
/// passed them, after chart defaults were set aside), if the output has one.
fn expected_pilot_values(expected: &str) -> Option<Value> {
    let docs = goyaml::parse_documents(expected).ok()?;
    let cm =
        docs.into_iter().map(|d| d.value).find(|v| v["kind"] == "ConfigMap" && v["metadata"]["name"] == "values")?;
    serde_json::from_str(cm["data"]["original-values"].as_str()?).ok()
}

/// Front end + per-component values, checked without executing templates: what istioctl handed the
/// Pilot chart is printed in every output's `values` ConfigMap.
#[test]
fn pilot_helm_values_match_released_istioctl() {
    use istioctl::render::{ALL_COMPONENTS, ComponentName, component_values};
    let Some((upstream, dir)) = setup() else { return };
    let cases: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("cases.json")).unwrap()).unwrap();
    let pilot = ALL_COMPONENTS.iter().find(|c| c.name == ComponentName::Pilot).unwrap();
    let mut failures = Vec::new();
    let mut checked = 0;
    for case in cases["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        if case["orphan"].as_bool() == Some(true) {
            continue;
        }
        let expected = std::fs::read_to_string(dir.join(EXPECTED_DIR).join(format!("{name}.yaml"))).unwrap();
        let Some(want) = expected_pilot_values(&expected) else { continue };
        let inputs = case_inputs(case, &dir, &upstream);
        let merged = match istioctl::operator::load(&inputs) {
            Ok(m) => m,
            Err(e) => {
                failures.push(format!("{name}: front end error: {e}"));
                continue;
            }
        };
        let Some(spec) = pilot.specs(&merged.iop).unwrap().into_iter().next() else {
            failures.push(format!("{name}: Pilot not enabled"));
            continue;
        };
        checked += 1;
        let got = Value::Object(component_values(pilot, &spec, &merged.iop));
        if !json_equal(&got, &want) {
            failures.push(format!(
                "{name}:\n  expected {}\n  got      {}",
                serde_json::to_string(&want).unwrap(),
                serde_json::to_string(&got).unwrap()
            ));
        }
    }
    eprintln!("checked {checked} cases");
    assert!(failures.is_empty(), "{} cases differ:\n{}", failures.len(), failures.join("\n"));
}

/// JSON equality with numbers compared by value (`1` equals `1.0`).
fn json_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_equal(a, b)),
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| json_equal(v, w)))
        }
        _ => a == b,
    }
}
