//! Engine fidelity: rendering upstream Istio 1.30.3's own charts (`UPSTREAM_MANIFESTS` = the tag's
//! `manifests/` folder) for every conformance case must print exactly what the released istioctl prints
//! with `--manifests` (`../shared/conformance/manifest/outputs-upstream-charts-release/<case>.yaml`).
//!
//! Actual outputs are written to `$CARGO_TARGET_TMPDIR/render-upstream/<case>.yaml` for inspection with
//! `../shared/conformance/bin/manifest-diff`. `RENDER_CASES=a,b` limits the run to some cases;
//! `RENDER_EXPECTED=outputs-1.30.3-release` compares with another folder of expected outputs (e.g. to
//! check our own charts, passed as `UPSTREAM_MANIFESTS`, against the released istioctl).

use std::path::{Path, PathBuf};

use istioctl::manifests::ManifestSource;
use istioctl::operator::InstallInputs;
use istioctl::render::{generate, print_manifest};
use serde_json::Value;

mod charts_common;
use charts_common::{FORCE_CASE, PROFILE_OBJECT_COUNTS, case_inputs};

const CASES_DIR: &str = "../shared/conformance/manifest";
const EXPECTED_DIR: &str = "outputs-upstream-charts-release";

/// The folder of expected outputs: [`EXPECTED_DIR`] unless `RENDER_EXPECTED` names another.
fn expected_dir() -> String {
    std::env::var("RENDER_EXPECTED").unwrap_or_else(|_| EXPECTED_DIR.to_string())
}

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
        let inputs = case_inputs(case, &dir, ManifestSource::Dir(upstream.to_path_buf()));
        let expected = std::fs::read_to_string(dir.join(expected_dir()).join(format!("{name}.yaml"))).unwrap();
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
        let inputs = case_inputs(case, &dir, ManifestSource::Dir(upstream.to_path_buf()));
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
        let got = Value::Object(component_values(pilot, &spec, &merged.iop).unwrap());
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

#[test]
fn every_profile_renders_the_known_object_count() {
    let Some((upstream, _)) = setup() else { return };
    let mut failures = Vec::new();
    for (profile, want) in PROFILE_OBJECT_COUNTS {
        let inputs = InstallInputs {
            set_flags: vec![format!("profile={profile}")],
            manifests: ManifestSource::Dir(upstream.clone()),
            ..InstallInputs::default()
        };
        match generate(&inputs) {
            Ok(r) => {
                let got = r.objects().count();
                if got != *want {
                    failures.push(format!("{profile}: {got} objects, expected {want}"));
                }
                // The printed stream has one separator per object.
                assert_eq!(print_manifest(&r).matches("\n---\n").count(), got, "{profile}");
            }
            Err(e) => failures.push(format!("{profile}: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Every upstream input renders, except the three upstream expects to fail and the two no 1.30.3 test
/// reads, whose autoscaling/v2beta1 `targetAverageUtilization` a strict autoscaling/v2 decode rejects.
#[test]
fn every_upstream_input_renders_or_fails_as_upstream() {
    let Some((upstream, dir)) = setup() else { return };
    const EXPECTED_ERRORS: &[(&str, &str)] = &[
        ("multiple_iops.yaml", "contains multiple IstioOperator CRs"),
        ("invalid-k8s.yaml", ""),
        ("invalid-k8s-values.yaml", ""),
        ("autoscaling_v2beta1_k8s_and_values.yaml", "targetAverageUtilization"),
        ("deprecated_autoscaling_k8s_spec.yaml", "targetAverageUtilization"),
    ];
    let mut names: Vec<_> = std::fs::read_dir(dir.join("inputs")).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    let mut failures = Vec::new();
    for path in names {
        let file = path.file_name().unwrap().to_string_lossy().to_string();
        let inputs = InstallInputs {
            files: vec![path.clone()],
            manifests: ManifestSource::Dir(upstream.clone()),
            force: file == format!("{FORCE_CASE}.yaml"),
            ..InstallInputs::default()
        };
        let result = generate(&inputs);
        match (EXPECTED_ERRORS.iter().find(|(n, _)| *n == file), result) {
            (None, Err(e)) => failures.push(format!("{file}: {e}")),
            (Some((_, want)), Ok(_)) => {
                failures.push(format!("{file}: rendered, expected an error containing {want:?}"))
            }
            (Some((_, want)), Err(e)) if !e.to_string().contains(want) => {
                failures.push(format!("{file}: error {e:?} lacks {want:?}"))
            }
            _ => {}
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Upstream's `TestManifestGenerateGateways` assertions (operator/cmd/mesh/manifest-generate_test.go):
/// several gateways with their own labels, `k8s` patches, service ports and overlays, plus `--set`s
/// that address list items by index and by `[name:...]`.
#[test]
fn several_gateways_render_like_upstream_asserts() {
    let Some((upstream, dir)) = setup() else { return };
    let inputs = InstallInputs {
        files: vec![dir.join("inputs/gateways.yaml")],
        set_flags: vec![
            "components.ingressGateways.[0].k8s.resources.requests.memory=999Mi".into(),
            "components.ingressGateways.[name:user-ingressgateway].k8s.resources.requests.cpu=555m".into(),
            "values.gateways.istio-ingressgateway.autoscaleMin=2".into(),
        ],
        manifests: ManifestSource::Dir(upstream),
        ..InstallInputs::default()
    };
    let rendered = generate(&inputs).unwrap();
    let objs: Vec<&Value> = rendered.objects().map(|o| &o.value).collect();
    let of_kind = |k: &str| objs.iter().copied().filter(|o| o["kind"] == k).collect::<Vec<_>>();
    let named = |k: &str, n: &str| *of_kind(k).iter().find(|o| o["metadata"]["name"] == n).unwrap();
    let gateway_named =
        |k: &str| of_kind(k).iter().filter(|o| o["metadata"]["name"].as_str().unwrap().contains("gateway")).count();
    assert_eq!(of_kind("HorizontalPodAutoscaler").len(), 3);
    assert_eq!(of_kind("PodDisruptionBudget").len(), 3);
    assert_eq!(of_kind("Service").iter().filter(|s| s["metadata"]["labels"]["istio"] == "ingressgateway").count(), 3);
    for kind in ["Role", "RoleBinding", "ServiceAccount"] {
        assert_eq!(gateway_named(kind), 3, "{kind}");
    }
    let proxy = |d: &Value| d["spec"]["template"]["spec"]["containers"][0].clone();
    let d = named("Deployment", "istio-ingressgateway");
    assert_eq!(d["spec"]["template"]["metadata"]["labels"]["service.istio.io/canonical-revision"], "21");
    assert_eq!(d["metadata"]["labels"]["aaa"], "aaa-val");
    assert_eq!(d["metadata"]["labels"]["bbb"], "bbb-val");
    assert_eq!(proxy(d)["resources"]["requests"], serde_json::json!({"cpu": "111m", "memory": "999Mi"}));
    let d = named("Deployment", "user-ingressgateway");
    assert_eq!(d["metadata"]["labels"]["ccc"], "ccc-val");
    assert_eq!(proxy(d)["resources"]["requests"], serde_json::json!({"cpu": "555m", "memory": "888Mi"}));
    let d = named("Deployment", "ilb-gateway");
    assert_eq!(d["metadata"]["namespace"], "user-ingressgateway-ns");
    assert_eq!(d["metadata"]["labels"]["app"], "istio-ingressgateway");
    assert_eq!(d["metadata"]["labels"]["istio"], "ingressgateway");
    assert_eq!(proxy(d)["resources"]["requests"]["cpu"], "333m");
    let env = proxy(d)["env"].as_array().unwrap().clone();
    assert_eq!(env.iter().find(|e| e["name"] == "PILOT_CERT_PROVIDER").unwrap()["value"], "foobar");
    let s = named("Service", "ilb-gateway");
    assert_eq!(s["metadata"]["annotations"]["cloud.google.com/load-balancer-type"], "internal");
    let ports = s["spec"]["ports"].as_array().unwrap();
    let port = |i: usize| (ports[i]["name"].clone(), ports[i]["port"].clone(), ports[i].get("targetPort").cloned());
    assert_eq!(port(0).0, "grpc-pilot-mtls");
    assert_eq!(port(0).1, 15011);
    assert_eq!(port(1), ("tcp-citadel-grpc-tls".into(), 8060.into(), Some(8060.into())));
    assert_eq!(port(2).0, "tcp-dns");
    for hpa in of_kind("HorizontalPodAutoscaler") {
        assert_eq!(hpa["spec"]["minReplicas"], 2);
        assert_eq!(hpa["spec"]["maxReplicas"], 5);
    }
}

/// Renders one upstream input with upstream's charts; the objects in print order.
fn render_input(upstream: &Path, dir: &Path, input: &str, flags: &[&str]) -> Vec<Value> {
    let inputs = InstallInputs {
        files: vec![dir.join("inputs").join(input)],
        set_flags: flags.iter().map(|f| (*f).to_string()).collect(),
        manifests: ManifestSource::Dir(upstream.to_path_buf()),
        ..InstallInputs::default()
    };
    let rendered = generate(&inputs).unwrap_or_else(|e| panic!("{input}: {e}"));
    let text = print_manifest(&rendered);
    goyaml::parse_documents(&text).unwrap().into_iter().map(|d| d.value).filter(|v| !v.is_null()).collect()
}

/// The value at `pointer` in the object of that kind and name.
fn at<'a>(objs: &'a [Value], kind: &str, name: &str, pointer: &str) -> Option<&'a Value> {
    objs.iter().find(|o| o["kind"] == kind && o["metadata"]["name"] == name).and_then(|o| o.pointer(pointer))
}

/// Assertions of upstream's manifest-generate tests that are written in Go code rather than goldens
/// (component hub/tag, custom gateway tags, remote istiod variants, revisions).
#[test]
fn upstream_code_assertions_hold() {
    let Some((upstream, dir)) = setup() else { return };
    let image = "/spec/template/spec/containers/0/image";
    let objs = render_input(&upstream, &dir, "component_hub_tag.yaml", &[]);
    assert_eq!(
        at(&objs, "Deployment", "istio-ingressgateway", image).unwrap(),
        "istio-spec.hub/proxyv2:istio-spec.tag-global.variant"
    );
    assert_eq!(at(&objs, "Deployment", "istiod", image).unwrap(), "component.pilot.hub/pilot:2-global.variant");
    assert_eq!(
        at(&objs, "DaemonSet", "istio-cni-node", image).unwrap(),
        "component.cni.hub/install-cni:v3.3.3-global.variant"
    );
    assert_eq!(at(&objs, "DaemonSet", "ztunnel", image).unwrap(), "component.ztunnel.hub/ztunnel:4-global.variant");

    let objs = render_input(&upstream, &dir, "gateways-with-custom-tags-and-no-labels.yaml", &[]);
    assert!(
        at(&objs, "Deployment", "istio-ingressgateway", image).unwrap().as_str().unwrap().ends_with(":special-tag")
    );
    assert!(
        at(&objs, "Deployment", "istio-egressgateway", image).unwrap().as_str().unwrap().ends_with(":special-tag2")
    );

    let crds = |objs: &[Value]| {
        let names: Vec<&str> = objs
            .iter()
            .filter(|o| o["kind"] == "CustomResourceDefinition")
            .filter_map(|o| o["metadata"]["name"].as_str())
            .collect();
        for crd in [
            "destinationrules.networking.istio.io",
            "sidecars.networking.istio.io",
            "authorizationpolicies.security.istio.io",
        ] {
            assert!(names.contains(&crd), "{crd}");
        }
        assert!(!names.contains(&"adapters.config.istio.io"));
    };
    let webhook = "/webhooks/0/clientConfig";
    let objs = render_input(&upstream, &dir, "istiod_remote.yaml", &[]);
    crds(&objs);
    assert_eq!(
        at(&objs, "MutatingWebhookConfiguration", "istio-sidecar-injector", webhook).unwrap()["url"],
        "https://xxx:15017/inject"
    );
    assert_eq!(at(&objs, "EndpointSlice", "istiod", "/endpoints/0/addresses/0").unwrap(), "169.10.112.88");
    assert_eq!(at(&objs, "EndpointSlice", "istiod", "/ports/0/name").unwrap(), "tcp-istiod");
    assert_eq!(at(&objs, "EndpointSlice", "istiod", "/ports/0/port").unwrap(), 15012);

    let objs = render_input(&upstream, &dir, "istiod_remote_ipv6.yaml", &[]);
    assert_eq!(at(&objs, "EndpointSlice", "istiod", "/addressType").unwrap(), "IPv6");
    assert_eq!(at(&objs, "EndpointSlice", "istiod", "/endpoints/0/addresses/0").unwrap(), "2001:db8::1");
    assert!(at(&objs, "Service", "istiod", "/spec/type").is_none());

    let objs = render_input(&upstream, &dir, "istiod_remote_config.yaml", &[]);
    assert_eq!(
        at(&objs, "MutatingWebhookConfiguration", "istio-sidecar-injector", webhook).unwrap()["service"]["name"],
        "istiod"
    );
    assert_eq!(
        at(&objs, "ValidatingWebhookConfiguration", "istio-validator-istio-system", webhook).unwrap()["url"],
        "https://xxx:15017/validate"
    );

    let objs = render_input(&upstream, &dir, "istiod_remote_local.yaml", &[]);
    assert!(at(&objs, "Deployment", "istiod", "/metadata").is_some());
    assert_eq!(at(&objs, "EndpointSlice", "istiod-remote", "/endpoints/0/addresses/0").unwrap(), "169.10.112.88");
    assert_eq!(
        at(&objs, "ValidatingWebhookConfiguration", "istio-validator-istio-system", webhook).unwrap()["service"]["name"],
        "istiod"
    );

    // A revision renames istiod, and k8s patches follow the new name.
    let objs = render_input(&upstream, &dir, "pilot_k8s_settings.yaml", &["revision=canary"]);
    assert_eq!(at(&objs, "Deployment", "istiod-canary", "/spec/template/spec/nodeSelector/master").unwrap(), "true");
    assert_eq!(at(&objs, "HorizontalPodAutoscaler", "istiod-canary", "/spec/maxReplicas").unwrap(), 333);
}

/// Deprecated settings surface as the charts' `NOTES.txt` warnings.
#[test]
fn chart_notes_warnings_are_collected() {
    let Some((upstream, _)) = setup() else { return };
    let inputs = InstallInputs {
        set_flags: vec!["unvalidatedValues.global.proxy.concurrency=2".into()],
        manifests: ManifestSource::Dir(upstream),
        ..InstallInputs::default()
    };
    let rendered = generate(&inputs).unwrap();
    assert!(
        rendered.warnings.contains(
            &r#""global.proxy.concurrency" is deprecated; use "meshConfig.defaultConfig.concurrency" instead."#
                .to_string()
        ),
        "{:?}",
        rendered.warnings
    );
}

/// `manifest translate`'s view: the same components, rendered without the `k8s` patches.
#[test]
fn migrate_renders_without_k8s_patches() {
    let Some((upstream, dir)) = setup() else { return };
    let inputs = InstallInputs {
        files: vec![dir.join("inputs/pilot_k8s_settings.yaml")],
        manifests: ManifestSource::Dir(upstream),
        ..InstallInputs::default()
    };
    let parts = istioctl::render::migrate(&inputs).unwrap();
    let names: Vec<_> = parts.iter().map(|p| (p.component.name.as_str(), p.component.release_name)).collect();
    // The input's `empty` profile enables Pilot only.
    assert_eq!(names, [("Pilot", Some("istiod"))]);
    let pilot = &parts[0];
    assert_eq!(pilot.spec.namespace, "istio-control");
    assert_eq!(pilot.values["global"]["hub"], "registry.istio.io/release");
    let istiod = pilot.objects.iter().find(|o| o["kind"] == "Deployment").unwrap();
    assert!(istiod["spec"]["template"]["spec"].get("nodeSelector").is_none());
    // The generated manifest has it.
    let generated = generate(&inputs).unwrap();
    let patched = generated.objects().find(|o| o.kind() == "Deployment").unwrap();
    assert_eq!(patched.value["spec"]["template"]["spec"]["nodeSelector"]["master"], "true");
}
