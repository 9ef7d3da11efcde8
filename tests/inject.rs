//! Behaviour of `kube-inject` (the library behind `istioctl kube-inject`): every handled kind,
//! byte-exact pass-through, skip rules, Lists, JSON input, stdin, `-o`, configuration sources and
//! errors.

use std::path::{Path, PathBuf};

use istioctl::inject::{
    InjectError, InjectOptions, InjectReport, InputSource, kube_inject, kube_inject_with_stdin, run_kube_inject,
};
use serde_json::Value;

fn data(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/inject").join(name)
}

/// Options with the tiny test template, values and mesh.
fn tiny_opts(input: &Path) -> InjectOptions {
    InjectOptions {
        input: InputSource::Path(input.to_path_buf()),
        inject_config_file: Some(data("tiny-template.yaml")),
        values_file: Some(data("values.yaml")),
        mesh_config_file: Some(data("mesh.yaml")),
        native_sidecars: Some(false),
        ..InjectOptions::default()
    }
}

fn run_text(text: &str, opts: impl FnOnce(&Path) -> InjectOptions) -> (Result<InjectReport, InjectError>, String) {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.yaml");
    std::fs::write(&input, text).unwrap();
    let mut out = Vec::new();
    let r = kube_inject(&opts(&input), &mut out);
    (r, String::from_utf8(out).unwrap())
}

fn docs(out: &str) -> Vec<Value> {
    goyaml::parse_documents(out).unwrap().into_iter().map(|d| d.value).filter(|v| !v.is_null()).collect()
}

fn names(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|c| c["name"].as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

#[test]
fn every_handled_kind_gets_the_template() {
    let text = std::fs::read_to_string(data("workloads.yaml")).unwrap();
    let (r, out) = run_text(&text, tiny_opts);
    r.unwrap();
    assert!(out.starts_with("# a comment-only chunk that must be echoed as it is\n---\n"), "{out}");
    assert!(out.contains("  name: svc   # trailing comment kept\n"));
    let objs = docs(&out);
    let kinds: Vec<&str> = objs.iter().filter_map(|o| o["kind"].as_str()).collect();
    assert_eq!(
        kinds,
        [
            "Service",
            "Pod",
            "StatefulSet",
            "DaemonSet",
            "Job",
            "CronJob",
            "ReplicationController",
            "ReplicaSet",
            "DeploymentConfig"
        ]
    );
    for o in objs.iter().skip(1) {
        let (meta, spec) = match o["kind"].as_str().unwrap() {
            "Pod" => ("/metadata", "/spec"),
            "CronJob" => ("/spec/jobTemplate/metadata", "/spec/jobTemplate/spec/template/spec"),
            _ => ("/spec/template/metadata", "/spec/template/spec"),
        };
        let spec = o.pointer(spec).unwrap();
        assert_eq!(names(spec.get("containers")), ["app", "istio-proxy"], "{o}");
        assert_eq!(names(spec.get("initContainers")), ["istio-init"], "{o}");
        assert_eq!(spec["containers"][1]["image"], "example.com/proxy:t1");
        let status = o.pointer(meta).unwrap()["annotations"]["sidecar.istio.io/status"].as_str().unwrap();
        assert_eq!(
            status,
            r#"{"initContainers":["istio-init"],"containers":["istio-proxy"],"volumes":null,"imagePullSecrets":null,"revision":"default"}"#
        );
    }
    assert!(out.ends_with("---\n"));
}

#[test]
fn typed_kinds_are_normalised_like_go() {
    let text = std::fs::read_to_string(data("workloads.yaml")).unwrap();
    let (r, out) = run_text(&text, tiny_opts);
    r.unwrap();
    let objs = docs(&out);
    let by_kind = |k: &str| objs.iter().find(|o| o["kind"] == k).unwrap();
    assert_eq!(by_kind("StatefulSet")["status"], serde_json::json!({"replicas": 0, "availableReplicas": 0}));
    assert_eq!(by_kind("StatefulSet")["spec"]["updateStrategy"], serde_json::json!({}));
    assert_eq!(by_kind("Job")["status"], serde_json::json!({}));
    assert_eq!(by_kind("Pod")["spec"]["containers"][0]["resources"], serde_json::json!({}));
    assert_eq!(by_kind("CronJob").pointer("/spec/jobTemplate/spec/template/metadata"), Some(&serde_json::json!({})));
}

#[test]
fn unhandled_documents_pass_through_byte_for_byte() {
    let text = "kind: ConfigMap\napiVersion: v1\nmetadata: {name: x}   # keep\ndata:\n  a: 'b'\n";
    let (r, out) = run_text(text, tiny_opts);
    r.unwrap();
    assert_eq!(out, format!("{text}---\n"));
}

#[test]
fn host_network_and_disabled_pods_are_skipped_with_warnings() {
    let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a, namespace: ns}\nspec:\n  template:\n    spec:\n      hostNetwork: true\n      containers: [{name: c, image: i}]\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n  labels: {sidecar.istio.io/inject: \"false\"}\n  annotations: {sidecar.istio.io/inject: \"true\"}\nspec:\n  containers: [{name: c, image: i}]\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: k, namespace: kube-system}\nspec:\n  containers: [{name: c, image: i}]\n";
    let (r, out) = run_text(text, tiny_opts);
    let report = r.unwrap();
    assert_eq!(
        report.warnings,
        [
            "===> Skipping injection because Deployment \"ns/a\" has host networking enabled\n",
            "===> Skipping injection because Pod \"b\" has sidecar injection disabled\n",
            "===> Skipping injection because Pod \"kube-system/k\" has sidecar injection disabled\n",
        ]
    );
    assert!(!out.contains("istio-proxy"));
    // Skipped objects are still re-serialised (typed defaults appear).
    assert_eq!(docs(&out)[0]["status"], serde_json::json!({}));
}

#[test]
fn label_true_beats_annotation_false() {
    let text = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n  labels: {sidecar.istio.io/inject: \"true\"}\n  annotations: {sidecar.istio.io/inject: \"false\"}\nspec:\n  containers: [{name: c, image: i}]\n";
    let (r, out) = run_text(text, tiny_opts);
    assert!(r.unwrap().warnings.is_empty());
    assert!(out.contains("istio-proxy"));
}

#[test]
fn list_items_are_injected_and_others_kept() {
    let text = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: cm}\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: d}\n  spec:\n    template:\n      spec:\n        containers: [{name: c, image: i}]\n";
    let (r, out) = run_text(text, tiny_opts);
    r.unwrap();
    let list = &docs(&out)[0];
    assert_eq!(list["metadata"], serde_json::json!({}));
    assert_eq!(
        list["items"][0],
        serde_json::json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "cm"}})
    );
    assert_eq!(names(list.pointer("/items/1/spec/template/spec/containers")), ["c", "istio-proxy"]);
}

#[test]
fn json_documents_are_read() {
    let text = r#"{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d"},
  "spec": {"template": {"spec": {"containers": [{"name": "c", "image": "i"}]}}}}"#;
    let (r, out) = run_text(text, tiny_opts);
    r.unwrap();
    assert_eq!(names(docs(&out)[0].pointer("/spec/template/spec/containers")), ["c", "istio-proxy"]);
}

#[test]
fn stdin_is_read_when_input_is_dash() {
    assert_eq!(InputSource::from_arg("-"), InputSource::Stdin);
    let mut opts = tiny_opts(Path::new("unused"));
    opts.input = InputSource::Stdin;
    let mut stdin =
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: i}]\n".as_bytes();
    let mut out = Vec::new();
    kube_inject_with_stdin(&opts, &mut stdin, &mut out).unwrap();
    assert!(String::from_utf8(out).unwrap().contains("image: example.com/proxy:t1"));
}

#[test]
fn output_file_is_written_atomically_even_over_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.yaml");
    std::fs::write(
        &file,
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: i}]\n",
    )
    .unwrap();
    let mut opts = tiny_opts(&file);
    opts.output = Some(file.clone());
    let mut out = Vec::new();
    kube_inject(&opts, &mut out).unwrap();
    assert!(out.is_empty());
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(written.contains("istio-proxy") && written.contains("name: c"), "{written}");
    // A failing run leaves the output file alone.
    std::fs::write(&file, "a: 1\n--- junk\n").unwrap();
    assert!(kube_inject(&opts, &mut out).is_err());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "a: 1\n--- junk\n");
}

#[test]
fn operator_file_values_win() {
    let (r, out) =
        run_text("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c}]\n", |p| {
            InjectOptions { operator_file_name: Some(data("iop.yaml")), ..tiny_opts(p) }
        });
    r.unwrap();
    assert!(out.contains("example.com/proxy:fromiop"), "{out}");
}

#[test]
fn a_bare_template_file_is_the_sidecar_template() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("t.yaml");
    std::fs::write(&t, "metadata:\n  labels:\n    injected: \"{{ .DeploymentMeta.Name }}\"\n").unwrap();
    let (r, out) =
        run_text("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c}]\n", |p| {
            InjectOptions { inject_config_file: Some(t.clone()), ..tiny_opts(p) }
        });
    r.unwrap();
    assert!(out.contains("injected: p"), "{out}");
}

#[test]
fn errors_are_reported() {
    let missing = InjectOptions { input: InputSource::Path("missing.yaml".into()), ..tiny_opts(Path::new("x")) };
    let e = kube_inject(&missing, &mut Vec::new()).unwrap_err();
    assert_eq!(e.to_string(), "open missing.yaml: no such file or directory");

    let no_mesh = InjectOptions { mesh_config_file: Some("nomesh.yaml".into()), ..tiny_opts(&data("workloads.yaml")) };
    let e = kube_inject(&no_mesh, &mut Vec::new()).unwrap_err();
    assert_eq!(e.to_string(), "cannot read mesh config file: open nomesh.yaml: no such file or directory");

    let (r, _) = run_text("a: 1\n--- x\n", tiny_opts);
    assert_eq!(r.unwrap_err().to_string(), "invalid Yaml document separator: x");

    let (r, _) = run_text("apiVersion: v1\nkind: ReplicationController\nmetadata: {name: rc}\nspec: {}\n", tiny_opts);
    assert_eq!(r.unwrap_err().to_string(), "spec.template is required value");

    let (r, _) = run_text(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: {inject.istio.io/templates: nope}\nspec:\n  containers: [{name: c}]\n",
        tiny_opts,
    );
    assert!(r.unwrap_err().to_string().contains("requested template \"nope\" not found; have sidecar"));

    let (r, _) = run_text(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations: {sidecar.istio.io/inject: false}\nspec: {}\n",
        tiny_opts,
    );
    assert!(r.unwrap_err().to_string().contains("cannot unmarshal bool"));
}

#[test]
fn bad_annotations_name_the_annotation_and_the_workload() {
    let (r, out) = run_text(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: ok}\nspec:\n  template:\n    spec:\n      containers: [{name: c}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: prod}\nspec:\n  template:\n    metadata:\n      annotations:\n        traffic.sidecar.istio.io/excludeInboundPorts: \"99999\"\n    spec:\n      containers: [{name: c}]\n",
        tiny_opts,
    );
    let e = r.unwrap_err().to_string();
    assert!(e.contains("invalid value '99999' for annotation 'traffic.sidecar.istio.io/excludeInboundPorts'"), "{e}");
    assert!(e.contains("Deployment \"prod/web\""), "{e}");
    // Upstream streams: documents before the failing one are already written.
    assert!(out.contains("name: ok") && !out.contains("name: web"));
}

#[test]
fn warnings_before_a_failure_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.yaml");
    std::fs::write(
        &input,
        "apiVersion: v1\nkind: Pod\nmetadata: {name: h}\nspec:\n  hostNetwork: true\n---\nkind: Pod\nmetadata:\n  name: x\n  annotations: {sidecar.istio.io/interceptionMode: BAD}\n",
    )
    .unwrap();
    let (report, result) = run_kube_inject(&tiny_opts(&input), &mut std::io::empty(), &mut Vec::new());
    assert!(result.is_err());
    assert_eq!(report.warnings, ["===> Skipping injection because Pod \"h\" has host networking enabled\n"]);
}

#[test]
fn built_in_defaults_inject_httpbin_without_files() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/httpbin/httpbin.yaml");
    let opts =
        InjectOptions { input: InputSource::Path(sample), native_sidecars: Some(false), ..InjectOptions::default() };
    let mut out = Vec::new();
    let report = kube_inject(&opts, &mut out).unwrap();
    assert!(report.warnings.is_empty());
    assert_eq!(report.notes.len(), 1);
    assert!(report.notes[0].contains("of the default profile"), "{:?}", report.notes);
    let out = String::from_utf8(out).unwrap();
    let deploy = docs(&out).into_iter().find(|o| o["kind"] == "Deployment").unwrap();
    let spec = deploy.pointer("/spec/template/spec").unwrap();
    assert_eq!(names(spec.get("initContainers")), ["istio-init"]);
    let proxy = spec["containers"].as_array().unwrap().last().unwrap();
    assert_eq!(proxy["name"], "istio-proxy");
    assert_eq!(proxy["image"], "docker.io/istio/proxyv2:1.30.3");
}

#[test]
fn native_sidecars_put_the_proxy_in_init_containers() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/httpbin/httpbin.yaml");
    let opts =
        InjectOptions { input: InputSource::Path(sample), native_sidecars: Some(true), ..InjectOptions::default() };
    let mut out = Vec::new();
    kube_inject(&opts, &mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    let deploy = docs(&out).into_iter().find(|o| o["kind"] == "Deployment").unwrap();
    let spec = deploy.pointer("/spec/template/spec").unwrap();
    assert_eq!(names(spec.get("initContainers")), ["istio-init", "istio-proxy"]);
    assert_eq!(spec["initContainers"][1]["restartPolicy"], "Always");
}

/// The CLI-level cases of upstream's `kubeinject_test.go` (tiny templates, mesh/values/IOP files).
#[test]
fn upstream_cli_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/conformance/inject/istioctl/testdata");
    if !dir.exists() {
        println!("SKIP upstream_cli_cases: ../shared/conformance is not available");
        return;
    }
    let f = |n: &str| Some(dir.join(n));
    let input = InputSource::Path(dir.join("deployment/hello.yaml"));
    let base = InjectOptions { input, native_sidecars: Some(false), ..InjectOptions::default() };
    let cases = [
        (
            InjectOptions {
                mesh_config_file: f("mesh-config.yaml"),
                inject_config_file: f("inject-config.yaml"),
                values_file: f("inject-values.yaml"),
                ..base.clone()
            },
            "deployment/hello.yaml.injected",
        ),
        (
            InjectOptions {
                mesh_config_file: f("mesh-config.yaml"),
                inject_config_file: f("inject-config-inline.yaml"),
                values_file: f("inject-values.yaml"),
                ..base.clone()
            },
            "deployment/hello.yaml.injected",
        ),
        (
            InjectOptions {
                operator_file_name: f("istio-operator.yaml"),
                inject_config_file: f("inject-config-iop.yaml"),
                ..base.clone()
            },
            "deployment/hello.yaml.iop.injected",
        ),
        (
            InjectOptions {
                operator_file_name: f("istio-operator.yaml"),
                inject_config_file: f("inject-config-inline-iop.yaml"),
                ..base.clone()
            },
            "deployment/hello.yaml.iop.injected",
        ),
        (
            InjectOptions {
                operator_file_name: f("istio-operator.yaml"),
                inject_config_file: f("inject-config-iop.yaml"),
                values_file: f("inject-values.yaml"),
                ..base.clone()
            },
            "deployment/hello.yaml.iop.injected",
        ),
    ];
    for (opts, golden) in cases {
        let mut out = Vec::new();
        kube_inject(&opts, &mut out).unwrap();
        let want = std::fs::read_to_string(dir.join(golden)).unwrap();
        assert_eq!(String::from_utf8(out).unwrap().trim(), want.trim(), "{golden}");
    }
}

mod no_panics {
    use super::*;
    use proptest::prelude::*;

    fn inject_str(text: &str) -> Result<String, String> {
        let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
        let input = dir.path().join("in.yaml");
        std::fs::write(&input, text).map_err(|e| e.to_string())?;
        let mut out = Vec::new();
        kube_inject(&tiny_opts(&input), &mut out).map_err(|e| e.to_string())?;
        Ok(String::from_utf8_lossy(&out).to_string())
    }

    fn fragment() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("apiVersion: v1\nkind: Pod\n".to_string()),
            Just("kind: Deployment\nspec:\n  template:\n".to_string()),
            Just("kind: List\nitems:\n".to_string()),
            Just("- kind: Pod\n".to_string()),
            Just("metadata:\n  annotations:\n    proxy.istio.io/config: \"x: [\"\n".to_string()),
            Just("    spec:\n      containers: [{name: istio-proxy}]\n".to_string()),
            Just("spec:\n  containers: 3\n".to_string()),
            Just("  hostNetwork: true\n".to_string()),
            Just("---\n".to_string()),
            Just("--- x\n".to_string()),
            Just("{\"kind\": \"Pod\"}\n".to_string()),
            "[ -~\n]{0,40}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
        #[test]
        fn arbitrary_streams_never_panic(parts in proptest::collection::vec(fragment(), 0..8)) {
            let _ = inject_str(&parts.concat());
        }

        /// Documents of kinds kube-inject does not handle come out exactly as they went in.
        #[test]
        fn unhandled_documents_round_trip(docs in proptest::collection::vec(("[A-Z][a-z]{1,8}", "[a-z]{1,8}", "[ -~]{0,30}"), 1..5)) {
            let chunks: Vec<String> = docs
                .iter()
                .map(|(kind, key, comment)| format!("kind: {kind}Thing\n{key}: 'v'  # {comment}\n"))
                .collect();
            let out = inject_str(&chunks.join("---\n")).unwrap();
            prop_assert_eq!(out, chunks.iter().map(|c| format!("{c}---\n")).collect::<String>());
        }
    }
}

/// Templates written against upstream's Go types (getters, Stringer enums, typed zero values) work.
#[test]
fn go_style_template_expressions_work() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("t.yaml");
    std::fs::write(
        &t,
        "metadata:\n  labels:\n    mode: {{ .ProxyConfig.InterceptionMode.String | quote }}\n    hold: {{ .ProxyConfig.HoldApplicationUntilProxyStarts.GetValue | quote }}\n    hbone: {{ index .ProxyConfig.ProxyMetadata \"ISTIO_META_ENABLE_HBONE\" | default \"unset\" | quote }}\n    tls: {{ if .ProxyConfig.GetTracing.GetTlsSettings }}\"yes\"{{ else }}\"no\"{{ end }}\n    sa: {{ if eq .Spec.ServiceAccountName \"\" }}default{{ else }}{{ .Spec.ServiceAccountName }}{{ end }}\n    port: {{ .MeshConfig.ProxyListenPort | quote }}\n",
    )
    .unwrap();
    let (r, out) =
        run_text("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c}]\n", |p| {
            InjectOptions { inject_config_file: Some(t.clone()), ..tiny_opts(p) }
        });
    r.unwrap();
    let labels = &docs(&out)[0]["metadata"]["labels"];
    assert_eq!(
        labels,
        &serde_json::json!({"mode": "REDIRECT", "hold": "false", "hbone": "unset", "tls": "no", "sa": "default", "port": "15001"})
    );
}

/// Templates are strategic merge patches: directives work and template list items come first.
#[test]
fn templates_are_strategic_merge_patches() {
    let dir = tempfile::tempdir().unwrap();
    let t = dir.path().join("t.yaml");
    std::fs::write(
        &t,
        "metadata:\n  labels:\n    $patch: replace\n    foo: bar\nspec:\n  containers:\n  - name: injected\n    image: inj:1\n  volumes:\n  - name: v\n    emptyDir: {}\n",
    )
    .unwrap();
    let (r, out) = run_text(
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: hello\n  labels: {key: value}\nspec:\n  containers:\n  - name: hello\n    image: app:1\n  volumes:\n  - name: user\n    emptyDir: {}\n",
        |p| InjectOptions { inject_config_file: Some(t.clone()), ..tiny_opts(p) },
    );
    r.unwrap();
    let pod = &docs(&out)[0];
    assert_eq!(pod["metadata"]["labels"], serde_json::json!({"foo": "bar"}));
    assert_eq!(names(pod.pointer("/spec/containers")), ["injected", "hello"]);
    assert_eq!(names(pod.pointer("/spec/volumes")), ["v", "user"]);
}

#[test]
fn revision_reaches_templates_and_status() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/httpbin/httpbin.yaml");
    let run = |rev: &str| {
        let opts = InjectOptions {
            input: InputSource::Path(sample.clone()),
            revision: rev.to_string(),
            native_sidecars: Some(false),
            ..InjectOptions::default()
        };
        let mut out = Vec::new();
        kube_inject(&opts, &mut out).unwrap();
        let deploy = docs(&String::from_utf8(out).unwrap()).into_iter().find(|o| o["kind"] == "Deployment").unwrap();
        deploy.pointer("/spec/template/metadata/annotations").cloned().unwrap()
    };
    let canary = run("canary");
    assert_eq!(canary["istio.io/rev"], "canary");
    assert!(canary["sidecar.istio.io/status"].as_str().unwrap().ends_with(r#""revision":"canary"}"#));
    assert_eq!(run("default")["istio.io/rev"], "default");
}

/// With `--operatorFileName` and no other files, the control plane that IstioOperator renders supplies
/// the values and mesh config for our built-in templates.
#[test]
fn operator_file_drives_the_built_in_templates() {
    let dir = tempfile::tempdir().unwrap();
    let iop = dir.path().join("iop.yaml");
    std::fs::write(
        &iop,
        "apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\nspec:\n  hub: example.com/istio\n  tag: t9\n  meshConfig:\n    defaultConfig:\n      proxyMetadata:\n        FOO: bar\n",
    )
    .unwrap();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/httpbin/httpbin.yaml");
    let opts = InjectOptions {
        input: InputSource::Path(sample),
        operator_file_name: Some(iop),
        native_sidecars: Some(false),
        ..InjectOptions::default()
    };
    let mut out = Vec::new();
    let report = kube_inject(&opts, &mut out).unwrap();
    assert!(report.notes.is_empty(), "{:?}", report.notes);
    let out = String::from_utf8(out).unwrap();
    let deploy = docs(&out).into_iter().find(|o| o["kind"] == "Deployment").unwrap();
    let proxy = deploy.pointer("/spec/template/spec/containers/1").unwrap();
    assert_eq!(proxy["image"], "example.com/istio/proxyv2:t9");
    assert!(proxy["env"].as_array().unwrap().contains(&serde_json::json!({"name": "FOO", "value": "bar"})));
    assert_eq!(
        proxy.pointer("/env").unwrap().as_array().unwrap().iter().find(|e| e["name"] == "PROXY_CONFIG").unwrap()["value"],
        "{\"proxyMetadata\":{\"FOO\":\"bar\"}}\n"
    );
}
