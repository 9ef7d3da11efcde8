//! Our embedded charts against the released istioctl 1.30.3: every conformance case
//! (`../shared/conformance/manifest/cases.json`) rendered with the built-in charts must give the objects of
//! `outputs-1.30.3-release/<case>.yaml` (those the case selects, if it has a selector), field for field. Two differences are by design and ignored: CRD
//! schemas (ours are permissive) and the built-in injection templates in `istio-sidecar-injector`.
//!
//! Outputs go to `$CARGO_TARGET_TMPDIR/charts-conformance/<case>.yaml` for
//! `../shared/conformance/bin/manifest-diff`. `CHART_CASES=a,b` limits the run to some cases.

use std::path::{Path, PathBuf};

use charts_common::{case_inputs, first_difference, normalize, objects_by_identity};
use istioctl::manifests::ManifestSource;
use istioctl::render::{generate, print_manifest};
use regex::Regex;
use serde_json::Value;

mod charts_common;

const CASES_DIR: &str = "../shared/conformance/manifest";
const EXPECTED_DIR: &str = "outputs-1.30.3-release";
fn cases_dir() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(CASES_DIR);
    if dir.join("cases.json").is_file() {
        Some(dir)
    } else {
        eprintln!("skipping: {} is absent", dir.display());
        None
    }
}

/// `Kind:namespace:name` as upstream's `FilterManifest` matches it (ClusterRole[Binding]: `Kind:name`).
fn selector_key(obj: &Value) -> String {
    let s = |p: &str| obj.pointer(p).and_then(Value::as_str).unwrap_or_default().to_string();
    let kind = s("/kind");
    if kind == "ClusterRole" || kind == "ClusterRoleBinding" {
        format!("{kind}:{}", s("/metadata/name"))
    } else {
        format!("{kind}:{}:{}", s("/metadata/namespace"), s("/metadata/name"))
    }
}

/// Upstream's selector: comma-separated `Kind:ns:name`, each part an unanchored regexp, `*` or empty = any.
fn selected(select: &str, obj: &Value) -> bool {
    let key = selector_key(obj);
    let parts: Vec<&str> = key.split(':').collect();
    select.split(',').any(|sel| {
        let sel_parts: Vec<&str> = sel.trim().split(':').collect();
        sel_parts.len() == parts.len()
            && sel_parts.iter().zip(&parts).all(|(pattern, value)| {
                pattern.is_empty()
                    || *pattern == "*"
                    || Regex::new(pattern).map(|re| re.is_match(value)).unwrap_or(false)
            })
    })
}

/// Compares one case; returns the differences.
fn compare(case: &Value, expected: &str, actual: &str) -> Vec<String> {
    let mut want = objects_by_identity(expected);
    let mut got = objects_by_identity(actual);
    if let Some(select) = case["select"].as_str() {
        want.retain(|_, obj| selected(select, obj));
        got.retain(|_, obj| selected(select, obj));
    }
    let mut diffs = Vec::new();
    for id in got.keys().filter(|id| !want.contains_key(*id)) {
        diffs.push(format!("extra object {id}"));
    }
    for (id, obj) in &want {
        match got.get(id) {
            None => diffs.push(format!("missing object {id}")),
            Some(ours) => diffs.extend(first_difference(id, &normalize(obj), &normalize(ours))),
        }
    }
    diffs
}

#[test]
fn embedded_charts_render_like_released_istioctl() {
    let Some(dir) = cases_dir() else { return };
    let cases: Value = serde_json::from_str(&std::fs::read_to_string(dir.join("cases.json")).unwrap()).unwrap();
    let only: Option<Vec<String>> =
        std::env::var("CHART_CASES").ok().map(|s| s.split(',').map(str::to_string).collect());
    let out_dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("charts-conformance");
    std::fs::create_dir_all(&out_dir).unwrap();
    let mut failures = Vec::new();
    let mut ran = 0;
    for case in cases["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        if case["orphan"].as_bool() == Some(true) || only.as_ref().is_some_and(|o| !o.iter().any(|n| n == name)) {
            continue;
        }
        let expected = std::fs::read_to_string(dir.join(EXPECTED_DIR).join(format!("{name}.yaml"))).unwrap();
        ran += 1;
        let actual = match generate(&case_inputs(case, &dir, ManifestSource::Embedded)) {
            Ok(r) => print_manifest(&r),
            Err(e) => {
                failures.push(format!("{name}: error: {e}"));
                continue;
            }
        };
        std::fs::write(out_dir.join(format!("{name}.yaml")), &actual).unwrap();
        let diffs = compare(case, &expected, &actual);
        if !diffs.is_empty() {
            failures.push(format!(
                "{name}: {} differences, first: {}",
                diffs.len(),
                diffs[..diffs.len().min(5)].join("; ")
            ));
        }
    }
    eprintln!("rendered {ran} cases into {}", out_dir.display());
    assert!(ran > 0, "no case ran");
    assert!(failures.is_empty(), "{} of {ran} cases differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_comparison_notices_a_changed_field_and_a_missing_object() {
    let case = serde_json::json!({"select": null});
    let object = "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n  namespace: ns1\nspec:\n  type: ClusterIP\n";
    assert!(compare(&case, object, object).is_empty());
    let changed = object.replace("ClusterIP", "LoadBalancer");
    assert_eq!(compare(&case, object, &changed).len(), 1);
    assert_eq!(compare(&case, object, ""), ["missing object v1 Service ns1/a"]);
}
