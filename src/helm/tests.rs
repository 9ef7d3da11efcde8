use super::*;

#[test]
fn splits_documents_like_istio() {
    let text = "a: 1\n---\n\n---\nb: 2\n--- # comment\nc: 3\n---";
    assert_eq!(split_documents(text), ["a: 1", "b: 2", "c: 3\n---"]);
    assert!(split_documents("   \n").is_empty());
}

#[test]
fn warnings_come_from_warning_lines() {
    let notes = "hello\nWARNING: \"x\" is deprecated\n  WARNING: indented\nWARNING: two";
    assert_eq!(extract_warnings(notes), ["\"x\" is deprecated", "two"]);
}

#[test]
fn helm_execution_order_is_deepest_first_then_reverse_lexical() {
    let mut names = vec![
        "c/templates/a.yaml",
        "c/templates/zzz_profile.yaml",
        "c/charts/s/templates/x.yaml",
        "c/templates/NOTES.txt",
    ];
    names.sort_by(|a, b| helm_order(a, b));
    assert_eq!(
        names,
        ["c/charts/s/templates/x.yaml", "c/templates/zzz_profile.yaml", "c/templates/a.yaml", "c/templates/NOTES.txt"]
    );
    assert!(is_partial("c/templates/_helpers.tpl"));
    assert!(!is_partial("c/templates/x_y.yaml"));
}

fn files(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect()
}

#[test]
fn loads_charts_from_files() {
    let chart = Chart::from_files(
        "test",
        files(&[
            ("Chart.yaml", "name: istiod\nversion: 1.0.0\nappVersion: 1.0.0\n"),
            ("values.yaml", "a: 1\n"),
            ("templates/b.yaml", "b"),
            ("templates/_h.tpl", "h"),
            ("files/profile-demo.yaml", "x: 1"),
            ("charts/sub/Chart.yaml", "name: sub\n"),
            ("charts/sub/templates/s.yaml", "s"),
            ("values.schema.json", "{}"),
            ("crds/b.yaml", "kind: B\n---\nkind: C"),
            ("crds/a.yaml", "kind: A"),
            ("crds/notes.txt", "x"),
        ]),
    )
    .unwrap();
    assert_eq!(chart.name(), "istiod");
    assert_eq!(
        chart.templates.iter().map(|t| t.0.as_str()).collect::<Vec<_>>(),
        ["templates/_h.tpl", "templates/b.yaml"]
    );
    assert_eq!(
        chart.files.keys().collect::<Vec<_>>(),
        ["crds/a.yaml", "crds/b.yaml", "crds/notes.txt", "files/profile-demo.yaml"]
    );
    assert_eq!(chart.crd_documents(), ["kind: A", "kind: B", "kind: C"]);
    assert_eq!(chart.subcharts.len(), 1);
    let meta = chart.metadata_object();
    assert_eq!(meta["Name"], "istiod");
    assert_eq!(meta["AppVersion"], "1.0.0");
    assert_eq!(meta["Home"], "");
    assert!(Chart::from_files("x", files(&[("values.yaml", "")])).is_err());
}

#[test]
fn loads_from_a_manifest_folder() {
    let dir = tempfile::tempdir().unwrap();
    let chart_dir = dir.path().join("charts/gw");
    std::fs::create_dir_all(chart_dir.join("templates")).unwrap();
    std::fs::write(chart_dir.join("Chart.yaml"), "name: gw\n").unwrap();
    std::fs::write(chart_dir.join("templates/a.yaml"), "kind: A\n").unwrap();
    let source = crate::manifests::ManifestSource::Dir(dir.path().to_path_buf());
    let chart = Chart::load(&source, "charts/gw").unwrap();
    assert_eq!(chart.templates, [("templates/a.yaml".to_string(), "kind: A\n".to_string())]);
    let err = Chart::load(&source, "charts/none").unwrap_err();
    assert_eq!(err.to_string(), "load chart: component does not exist");
}

#[test]
fn subchart_values_are_scoped_with_globals() {
    let chart = Chart::from_files(
        "p",
        files(&[
            ("Chart.yaml", "name: p\n"),
            ("values.yaml", "global: {g: 1}\nsub: {x: 1}\n"),
            ("charts/sub/Chart.yaml", "name: sub\n"),
            ("charts/sub/values.yaml", "x: 0\nz: 2\n"),
        ]),
    )
    .unwrap();
    let user = serde_json::json!({"global": {"h": 2}}).as_object().cloned().unwrap();
    let all = coalesce_with_subcharts(&chart, &user);
    let sub = scoped_values(&all, &["sub".to_string()]);
    assert_eq!(Value::Object(sub), serde_json::json!({"x": 1, "z": 2, "global": {"h": 2, "g": 1}}));
}

fn render(templates: &[(&str, &str)], values: Value) -> Result<ChartOutput, HelmError> {
    let mut list = vec![
        ("Chart.yaml", "name: c\nversion: 1.2.3\nappVersion: 9.9\n"),
        ("values.yaml", "d: 1\nm: {k: v}\n"),
        ("files/f.txt", "file text"),
    ];
    list.extend_from_slice(templates);
    let chart = Chart::from_files("c", files(&list))?;
    let opts = RenderOptions::istioctl("ns1");
    PreparedChart::new(chart)?.render(values.as_object().unwrap_or(&Map::new()), &opts)
}

#[test]
fn renders_helm_objects_and_functions() {
    let tpl = r#"kind: A
release: {{ .Release.Name }}/{{ .Release.Namespace }}/{{ .Release.Service }}/{{ .Release.IsInstall }}
chart: {{ .Chart.Name }}-{{ .Chart.Version }}-{{ .Chart.AppVersion }}
template: {{ .Template.Name }} {{ .Template.BasePath }}
kube: {{ .Capabilities.KubeVersion.GitVersion }} {{ .Capabilities.KubeVersion.Minor }} {{ .Capabilities.APIVersions.Has "apps/v1" }}
file: {{ .Files.Get "files/f.txt" }}|{{ .Files.Get "nope" }}|
missing: [{{ .Values.nope }}]
values: {{ .Values.d }} {{ .Values.u }} {{ .Values.m.k }}
include: {{ include "h" . }}
tpl: {{ tpl "{{ .Values.u }}x" . }}
yaml: {{ toYaml .Values.m }}
from: {{ (fromYaml "a: 1").a }}
json: {{ toJson .Values.m }}
"#;
    let out = render(
        &[("templates/a.yaml", tpl), ("templates/_h.tpl", r#"{{ define "h" }}H{{ .Values.d }}{{ end }}"#)],
        serde_json::json!({"u": "user"}),
    )
    .unwrap();
    assert_eq!(out.documents.len(), 1);
    let doc = &out.documents[0];
    for want in [
        "release: istio/ns1/Helm/false",
        "chart: c-1.2.3-9.9",
        "template: c/templates/a.yaml c/templates",
        "kube: v1.32.0 32 true",
        "file: file text||",
        "missing: []",
        "values: 1 user v",
        "include: H1",
        "tpl: userx",
        "yaml: k: v",
        "from: 1",
        r#"json: {"k":"v"}"#,
    ] {
        assert!(doc.lines().any(|l| l == want), "missing {want:?} in\n{doc}");
    }
}

#[test]
fn notes_become_warnings_and_files_sort_by_name() {
    let out = render(
        &[
            ("templates/b.yaml", "kind: B\n---\nkind: B2"),
            ("templates/a.yaml", "kind: A"),
            ("templates/NOTES.txt", "hi\nWARNING: careful {{ .Release.Name }}\n"),
        ],
        serde_json::json!({}),
    )
    .unwrap();
    assert_eq!(out.documents, ["kind: A", "kind: B", "kind: B2"]);
    assert_eq!(out.warnings, ["careful istio"]);
}

#[test]
fn required_and_fail_stop_rendering() {
    let err =
        render(&[("templates/a.yaml", r#"{{ required "need x" .Values.x }}"#)], serde_json::json!({})).unwrap_err();
    assert!(err.to_string().contains("need x"), "{err}");
    let err = render(&[("templates/a.yaml", r#"{{ fail "boom" }}"#)], serde_json::json!({})).unwrap_err();
    assert!(err.to_string().contains("boom"), "{err}");
    assert!(matches!(
        render(&[("templates/a.yaml", "{{ .Values.x ")], serde_json::json!({})),
        Err(HelmError::Parse { .. })
    ));
}

#[test]
fn required_errors_read_like_helm() {
    let err =
        render(&[("templates/a.yaml", "a\n{{ required \"need x\" .Values.x }}")], serde_json::json!({})).unwrap_err();
    assert_eq!(err.to_string(), "render chart: execution error at (c/templates/a.yaml:2:3): need x");
    let err = render(&[("templates/a.yaml", "a\n{{ nofunc }}")], serde_json::json!({})).unwrap_err();
    assert_eq!(err.to_string(), "render chart: parse error at (c/templates/a.yaml:2): function \"nofunc\" not defined");
}
