//! `istioctl manifest generate` renders our embedded charts offline, like upstream prints them.

use assert_cmd::Command;

fn generate(args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("istioctl")
        .expect("binary built")
        .args(["manifest", "generate"])
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run istioctl");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The documents of a `manifest generate` stream (each object is followed by `---`).
fn documents(stream: &str) -> Vec<goyaml::Value> {
    goyaml::parse_documents(stream)
        .expect("output parses")
        .into_iter()
        .map(|d| d.value)
        .filter(|v| !v.is_null())
        .collect()
}

fn find<'a>(docs: &'a [goyaml::Value], kind: &str, name: &str) -> Option<&'a goyaml::Value> {
    docs.iter().find(|d| d["kind"] == kind && d["metadata"]["name"] == name)
}

#[test]
fn walkthrough_iop_differs_from_default_only_in_the_mesh_config() {
    let (code, default, stderr) = generate(&[]);
    assert_eq!(code, 0, "{stderr}");
    let (code, tls13, stderr) = generate(&["-f", "samples/istio.yaml"]);
    assert_eq!(code, 0, "{stderr}");
    let (default, tls13) = (documents(&default), documents(&tls13));
    assert_eq!(default.len(), tls13.len());
    let mut changed = Vec::new();
    for (a, b) in default.iter().zip(&tls13) {
        assert_eq!((&a["kind"], &a["metadata"]["name"]), (&b["kind"], &b["metadata"]["name"]), "same order");
        if a != b {
            changed.push(format!(
                "{}/{}",
                a["kind"].as_str().unwrap_or(""),
                a["metadata"]["name"].as_str().unwrap_or("")
            ));
        }
    }
    // The mesh config lands in the `istio` ConfigMap; the `values` ConfigMap records the merged values.
    assert_eq!(changed, ["ConfigMap/istio", "ConfigMap/values"]);
    let mesh = find(&tls13, "ConfigMap", "istio").and_then(|cm| cm["data"]["mesh"].as_str()).expect("mesh key");
    let mesh = goyaml::parse(mesh).expect("mesh config is YAML");
    assert_eq!(mesh["meshMTLS"]["minProtocolVersion"], "TLSV1_3");
}

#[test]
fn every_object_is_followed_by_a_separator() {
    let (code, out, stderr) = generate(&["--set", "profile=minimal"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(out.ends_with("\n---\n"), "{}", &out[out.len().saturating_sub(40)..]);
    assert_eq!(out.matches("\n---\n").count(), documents(&out).len());
}

#[test]
fn a_bad_tls_version_is_rejected_before_anything_is_printed() {
    let (code, out, stderr) = generate(&["--set", "meshConfig.meshMTLS.minProtocolVersion=TLSV1_1"]);
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert!(stderr.contains("spec.meshConfig.meshMTLS.minProtocolVersion"), "{stderr}");
    assert!(stderr.contains("TLSV1_3"), "{stderr}");
}
