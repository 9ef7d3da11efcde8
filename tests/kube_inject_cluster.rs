//! `istioctl kube-inject` with a cluster: the real binary reads its configuration from the emulator's
//! ConfigMaps, gives upstream's errors when they are missing, and falls back to the built-in defaults only
//! when no cluster answers. The kubectl walkthrough of the README runs here too (ignored without kubectl).

mod emulator_common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use emulator_common::{emulator, install, inventory, istioctl, kubectl, repo_file, sample, texts};
use istioctl::cluster::{Cluster, ClusterApi, KubeOptions};
use kube_emulator::Emulator;
use serde_json::{Map, Value, json};

const ISTIO_NS: &str = "istio-system";
/// A proxy image no built-in configuration has.
const EDITED_HUB: &str = "registry.example/from-the-cluster";
/// A trust domain no built-in configuration has.
const EDITED_TRUST_DOMAIN: &str = "edited.example";
/// An injector config with one tiny sidecar template that shows the values and mesh config it was given.
const TINY_INJECTOR_CONFIG: &str = "policy: enabled\ntemplates:\n  sidecar: |\n    metadata:\n      annotations:\n        \
     test.example/trust-domain: \"{{ .MeshConfig.TrustDomain }}\"\n    spec:\n      containers:\n      - name: istio-proxy\n        \
     image: \"{{ .Values.global.hub }}/tiny-proxy:{{ .Values.global.tag }}\"\n";

/// kube-inject of `file` against the emulator, with native sidecars left to the cluster.
fn kube_inject(em: &Emulator, file: &Path, args: &[&str]) -> std::process::Output {
    istioctl(em)
        .env_remove("ENABLE_NATIVE_SIDECARS")
        .arg("kube-inject")
        .arg("-f")
        .arg(file)
        .args(args)
        .output()
        .unwrap()
}

fn sleep_sample() -> PathBuf {
    repo_file("samples/sleep/sleep.yaml")
}

fn parse_docs(text: &str) -> Vec<Value> {
    goyaml::parse_documents(text).unwrap().into_iter().map(|d| d.value).filter(|v| !v.is_null()).collect()
}

/// The `istio-proxy` container of the first Deployment in `docs`, wherever it was put (native or classic).
fn proxy_of(docs: &[Value]) -> Value {
    let deploy = docs.iter().find(|d| d["kind"] == "Deployment").expect("a Deployment");
    let spec = &deploy["spec"]["template"]["spec"];
    ["initContainers", "containers"]
        .iter()
        .filter_map(|list| spec[*list].as_array())
        .flatten()
        .find(|c| c["name"] == "istio-proxy")
        .cloned()
        .unwrap_or_else(|| panic!("no istio-proxy in {spec}"))
}

/// Replaces ConfigMap `istio-system/name` in the emulator after `edit` changed its data.
fn edit_config_map(em: &Emulator, name: &str, edit: impl FnOnce(&mut Map<String, Value>)) {
    let mut cm = em.get("ConfigMap", Some(ISTIO_NS), name).unwrap_or_else(|| panic!("no ConfigMap {name}"));
    edit(cm["data"].as_object_mut().expect("data"));
    let options = KubeOptions { kubeconfig: Some(em.kubeconfig_path().to_path_buf()), ..KubeOptions::default() };
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(async {
        let cluster = Cluster::connect(&options).await.unwrap();
        cluster.replace(&cm).await.unwrap();
    });
}

/// Sets `global.hub` in the injector's values.
fn edit_hub(em: &Emulator, name: &str, hub: &str) {
    edit_config_map(em, name, |data| {
        let mut values: Value = serde_json::from_str(data["values"].as_str().unwrap()).unwrap();
        values["global"]["hub"] = json!(hub);
        data.insert("values".into(), json!(values.to_string()));
    });
}

/// Creates a namespace and ConfigMaps `istio<suffix>` and `istio-sidecar-injector<suffix>` with `mesh`,
/// the tiny injector config and `values`.
fn seed_config_maps(em: &Emulator, suffix: &str, mesh: &str, values: &Value) {
    let _ = em.create(json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ISTIO_NS}}));
    em.create(json!({"apiVersion": "v1", "kind": "ConfigMap",
        "metadata": {"name": format!("istio{suffix}"), "namespace": ISTIO_NS}, "data": {"mesh": mesh}}))
        .unwrap();
    em.create(json!({"apiVersion": "v1", "kind": "ConfigMap",
        "metadata": {"name": format!("istio-sidecar-injector{suffix}"), "namespace": ISTIO_NS},
        "data": {"config": TINY_INJECTOR_CONFIG, "values": values.to_string()}}))
        .unwrap();
}

#[test]
fn after_install_the_in_cluster_configuration_is_used() {
    let em = emulator();
    install(&em, &["-f", sample().to_str().unwrap()]);
    // Unedited, the cluster's configuration is what the same IstioOperator gives offline (the emulator's
    // kubelet is 1.35, so the cluster asks for native sidecars).
    let out = kube_inject(&em, &sleep_sample(), &[]);
    let (in_cluster, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("default profile"), "no fallback note: {stderr}");
    let offline = Command::cargo_bin("istioctl")
        .unwrap()
        .env("ENABLE_NATIVE_SIDECARS", "true")
        .args(["kube-inject", "--kubeconfig", "/nonexistent", "--operatorFileName"])
        .arg(sample())
        .arg("-f")
        .arg(sleep_sample())
        .output()
        .unwrap();
    assert!(offline.status.success(), "{}", texts(&offline).1);
    assert_eq!(in_cluster, texts(&offline).0);
    let requested: Vec<String> = em.requests().iter().map(|r| r.path.clone()).collect();
    for cm in ["istio", "istio-sidecar-injector"] {
        assert!(requested.contains(&format!("/api/v1/namespaces/istio-system/configmaps/{cm}")), "{requested:?}");
    }

    // Edited, the output follows the edits: templates, values and mesh config all come from the cluster.
    edit_config_map(&em, "istio-sidecar-injector", |data| {
        data.insert("config".into(), json!(TINY_INJECTOR_CONFIG));
    });
    edit_hub(&em, "istio-sidecar-injector", EDITED_HUB);
    edit_config_map(&em, "istio", |data| {
        let mesh = format!("{}\ntrustDomain: {EDITED_TRUST_DOMAIN}\n", data["mesh"].as_str().unwrap());
        data.insert("mesh".into(), json!(mesh));
    });
    let out = kube_inject(&em, &sleep_sample(), &[]);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    let docs = parse_docs(&stdout);
    assert_eq!(proxy_of(&docs)["image"], format!("{EDITED_HUB}/tiny-proxy:1.30.3"));
    let deploy = docs.iter().find(|d| d["kind"] == "Deployment").unwrap();
    assert_eq!(deploy["spec"]["template"]["metadata"]["annotations"]["test.example/trust-domain"], EDITED_TRUST_DOMAIN);
}

#[test]
fn revision_reads_the_suffixed_config_maps() {
    let em = emulator();
    seed_config_maps(
        &em,
        "-canary",
        "trustDomain: canary.example\n",
        &json!({"global": {"hub": "canary.example", "tag": "c1"}}),
    );
    let out = kube_inject(&em, &sleep_sample(), &["--revision", "canary"]);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    let docs = parse_docs(&stdout);
    assert_eq!(proxy_of(&docs)["image"], "canary.example/tiny-proxy:c1");
    let deploy = docs.iter().find(|d| d["kind"] == "Deployment").unwrap();
    let annotations = &deploy["spec"]["template"]["metadata"]["annotations"];
    assert_eq!(annotations["test.example/trust-domain"], "canary.example");
    assert!(
        annotations["sidecar.istio.io/status"].as_str().unwrap().contains("\"revision\":\"canary\""),
        "{annotations}"
    );
    // `--meshConfigMapName` replaces the (suffixed) default name.
    em.create(json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "my-mesh", "namespace": ISTIO_NS},
        "data": {"mesh": "trustDomain: mine.example\n"}}))
        .unwrap();
    let out = kube_inject(&em, &sleep_sample(), &["-r", "canary", "--meshConfigMapName", "my-mesh"]);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    let docs = parse_docs(&stdout);
    let deploy = docs.iter().find(|d| d["kind"] == "Deployment").unwrap();
    assert_eq!(deploy["spec"]["template"]["metadata"]["annotations"]["test.example/trust-domain"], "mine.example");
    // Without the revision and without a default tag, the unsuffixed ConfigMaps are read; they do not exist.
    let out = kube_inject(&em, &sleep_sample(), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(texts(&out).1.contains("could not read valid configmap \"istio\""), "{}", texts(&out).1);
    // With the default tag pointing at canary, its ConfigMaps are read and the templates see its name.
    em.create(json!({"apiVersion": "admissionregistration.k8s.io/v1", "kind": "MutatingWebhookConfiguration",
        "metadata": {"name": "istio-revision-tag-default", "labels": {"istio.io/rev": "canary", "istio.io/tag": "default"}},
        "webhooks": []}))
    .unwrap();
    let out = kube_inject(&em, &sleep_sample(), &[]);
    let (stdout, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    let docs = parse_docs(&stdout);
    assert_eq!(proxy_of(&docs)["image"], "canary.example/tiny-proxy:c1");
    let status = docs.iter().find(|d| d["kind"] == "Deployment").unwrap()["spec"]["template"]["metadata"]["annotations"]
        ["sidecar.istio.io/status"]
        .clone();
    assert!(status.as_str().unwrap().contains("\"revision\":\"canary\""), "{status}");
}

#[test]
fn missing_config_maps_give_upstream_errors() {
    let em = emulator();
    let out = kube_inject(&em, &sleep_sample(), &[]);
    let (stdout, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        "Error: could not read valid configmap \"istio\" from namespace \"istio-system\": configmaps \"istio\" not \
         found - Use --meshConfigFile or re-run kube-inject with `-i <istioSystemNamespace> and ensure valid \
         MeshConfig exists\n"
    );
    // With the mesh config from a file, the injector ConfigMap is the next one missing; `-i` names its namespace.
    let dir = tempfile::tempdir().unwrap();
    let mesh = dir.path().join("mesh.yaml");
    std::fs::write(&mesh, "trustDomain: file.example\n").unwrap();
    let out = kube_inject(&em, &sleep_sample(), &["--meshConfigFile", mesh.to_str().unwrap(), "-i", "elsewhere"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        texts(&out).1,
        "Error: could not find valid configmap \"istio-sidecar-injector\" from namespace  \"elsewhere\": configmaps \
         \"istio-sidecar-injector\" not found - Use --injectConfigFile or re-run kube-inject with \
         `-i <istioSystemNamespace>` and ensure istio-sidecar-injector configmap exists\n"
    );
    // A ConfigMap without its key.
    em.create(json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ISTIO_NS}})).unwrap();
    em.create(json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "istio", "namespace": ISTIO_NS},
        "data": {"meshNetworks": "{}"}}))
        .unwrap();
    let out = kube_inject(&em, &sleep_sample(), &[]);
    assert_eq!(texts(&out).1, "Error: missing configuration map key \"mesh\"\n");
}

#[test]
fn files_leave_the_cluster_alone() {
    let em = emulator();
    let data = |n: &str| repo_file(&format!("tests/data/inject/{n}"));
    let out = istioctl(&em)
        .args(["kube-inject", "--injectConfigFile"])
        .arg(data("tiny-template.yaml"))
        .arg("--meshConfigFile")
        .arg(data("mesh.yaml"))
        .arg("--valuesFile")
        .arg(data("values.yaml"))
        .arg("-f")
        .arg(sleep_sample())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    assert!(em.requests().is_empty(), "{:?}", em.requests());
    assert_eq!(texts(&out).1, "", "no note: nothing was defaulted");
}

/// A kubeconfig whose only cluster does not answer.
fn dead_kubeconfig(dir: &tempfile::TempDir) -> PathBuf {
    let path = dir.path().join("kubeconfig");
    std::fs::write(
        &path,
        "apiVersion: v1\nkind: Config\ncurrent-context: dead\nclusters:\n- name: dead\n  cluster:\n    server: \
         http://127.0.0.1:1\ncontexts:\n- name: dead\n  context:\n    cluster: dead\n    user: u\nusers:\n- name: u\n  \
         user: {}\n",
    )
    .unwrap();
    path
}

#[test]
fn without_a_cluster_the_built_in_defaults_are_used_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let dead = dead_kubeconfig(&dir);
    let missing = dir.path().join("no-such-kubeconfig");
    for kubeconfig in [&dead, &missing] {
        let out = Command::cargo_bin("istioctl")
            .unwrap()
            .env_remove("KUBECONFIG")
            .env_remove("ENABLE_NATIVE_SIDECARS")
            .env("HOME", dir.path())
            .arg("--kubeconfig")
            .arg(kubeconfig)
            .arg("kube-inject")
            .arg("-f")
            .arg(sleep_sample())
            .timeout(Duration::from_secs(120))
            .output()
            .unwrap();
        let (stdout, stderr) = texts(&out);
        assert!(out.status.success(), "{stderr}");
        assert_eq!(
            stderr,
            "kube-inject: no cluster configuration available; using the values and mesh config of the default profile\n",
            "only our note, no client log lines ({})",
            kubeconfig.display()
        );
        let docs = parse_docs(&stdout);
        assert_eq!(proxy_of(&docs)["image"], "docker.io/istio/proxyv2:1.30.3");
        let spec = &docs.iter().find(|d| d["kind"] == "Deployment").unwrap()["spec"]["template"]["spec"];
        assert!(spec["containers"].as_array().unwrap().iter().any(|c| c["name"] == "istio-proxy"), "classic offline");
    }
}

#[test]
fn an_unreachable_cluster_is_reported_once_without_client_log_lines() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::cargo_bin("istioctl")
        .unwrap()
        .env_remove("KUBECONFIG")
        .env_remove("RUST_LOG")
        .arg("--kubeconfig")
        .arg(dead_kubeconfig(&dir))
        .args(["install", "-y", "--dry-run", "-f"])
        .arg(sample())
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    let (_, stderr) = texts(&out);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{stderr}");
    assert!(lines[0].starts_with("Error: check minimum supported Kubernetes version: "), "{stderr}");
    assert!(!stderr.contains("kube_client") && !stderr.contains("ERROR"), "{stderr}");
}

/// The README's walkthrough with the real kubectl as the second client.
#[test]
#[ignore = "needs kubectl 1.35: run scripts/install-kubectl.sh; KUBECTL=path"]
fn kubectl_walkthrough_with_in_cluster_injection() {
    let em = emulator();
    let before = inventory(&em);
    // echo y | istioctl install -f samples/istio.yaml
    let out = istioctl(&em).args(["install", "-f"]).arg(sample()).write_stdin("y\n").output().unwrap();
    let (_, stderr) = texts(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("✔ Installation complete"), "{stderr}");
    let mesh = kubectl(&em, &["get", "cm", "istio", "-n", ISTIO_NS, "-o", "jsonpath={.data.mesh}"], "");
    assert!(mesh.contains("minProtocolVersion: TLSV1_3"), "{mesh}");
    // Only the in-cluster values can give the proxy this hub: edit them with kubectl.
    let values =
        kubectl(&em, &["get", "cm", "istio-sidecar-injector", "-n", ISTIO_NS, "-o", "jsonpath={.data.values}"], "");
    let mut values: Value = serde_json::from_str(&values).expect("values are JSON");
    values["global"]["hub"] = json!(EDITED_HUB);
    let patch = json!({"data": {"values": values.to_string()}}).to_string();
    kubectl(&em, &["patch", "cm", "istio-sidecar-injector", "-n", ISTIO_NS, "--type", "merge", "-p", &patch], "");
    assert_eq!(kubectl(&em, &["create", "ns", "foo"], "").trim(), "namespace/foo created");
    for app in ["httpbin", "sleep"] {
        let out = kube_inject(&em, &repo_file(&format!("samples/{app}/{app}.yaml")), &[]);
        let (injected, stderr) = texts(&out);
        assert!(out.status.success(), "{stderr}");
        let applied = kubectl(&em, &["apply", "-f", "-", "-n", "foo", "--validate=false"], &injected);
        assert!(applied.contains(&format!("deployment.apps/{app} created")), "{applied}");
        let stored = em.get("Deployment", Some("foo"), app).unwrap_or_else(|| panic!("deployment {app} stored"));
        let proxy = proxy_of(std::slice::from_ref(&stored));
        assert_eq!(proxy["image"], format!("{EDITED_HUB}/proxyv2:1.30.3"), "{app}");
        // The emulator's kubelet (1.35) asks for native sidecars: the proxy is a restartable init container.
        assert_eq!(proxy["restartPolicy"], "Always", "{app}");
    }
    let workloads = |em: &Emulator| {
        inventory(em)
            .into_iter()
            .filter(|(k, _)| k.split('/').nth(1) == Some("foo") || k == "Namespace//foo")
            .collect::<Vec<_>>()
    };
    let apps = workloads(&em);
    assert!(
        apps.iter().any(|(k, _)| k == "Deployment/foo/sleep") && apps.iter().any(|(k, _)| k == "Service/foo/httpbin")
    );
    let out = istioctl(&em).args(["uninstall", "--purge", "-y"]).output().unwrap();
    assert!(out.status.success(), "{}", texts(&out).1);
    let mut after = inventory(&em);
    for (key, obj) in &apps {
        assert_eq!(after.remove(key).as_ref(), Some(obj), "{key} changed or vanished");
    }
    // Like upstream, uninstall never deletes namespaces: istio-system stays, empty, until the README's last step.
    let left: Vec<&String> = after.keys().filter(|k| !before.contains_key(*k)).collect();
    assert_eq!(left, ["Namespace//istio-system"], "left behind");
    assert!(after.keys().all(|k| k.split('/').nth(1) != Some(ISTIO_NS)), "istio-system is empty");
    kubectl(&em, &["delete", "ns", "foo", ISTIO_NS], "");
    assert_eq!(inventory(&em), before);
}
