//! `istioctl version` against a cluster, and install's version-drift notice: the real binary against the
//! Kubernetes API emulator, whose istiod pods answer `/version` with their image tag and `/debug/syncz` with
//! the running proxies of their revision.

mod emulator_common;

use emulator_common::{emulator, istioctl};
use istioctl::version::ISTIO_VERSION;
use kube_emulator::{Emulator, NEVER_READY_ANNOTATION};
use serde_json::{Value, json};

const NOT_PRESENT: &str = "Istio is not present in the cluster: no running Istio pods in namespace \"istio-system\"\n";

/// Runs the binary; (exit code, stdout, stderr).
fn run(em: &Emulator, args: &[&str]) -> (i32, String, String) {
    let out = istioctl(em).args(args).output().expect("istioctl runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn install(em: &Emulator) -> String {
    let (code, stdout, stderr) = run(em, &["install", "-y", "--readiness-timeout", "60s"]);
    assert_eq!(code, 0, "install failed\nstdout:\n{stdout}\nstderr:\n{stderr}");
    stderr
}

fn namespace(em: &Emulator, name: &str) {
    em.create(json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}})).expect("namespace");
}

/// A running, ready pod with one container.
fn running_pod(ns: &str, name: &str, labels: Value, container: &str, image: &str, args: &[&str]) -> Value {
    json!({
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {"name": name, "namespace": ns, "labels": labels},
        "spec": {"containers": [{"name": container, "image": image, "args": args}]},
        "status": {
            "phase": "Running",
            "conditions": [{"type": "Ready", "status": "True"}],
            "containerStatuses": [{"name": container, "image": image, "imageID": "", "ready": true,
                "restartCount": 0, "state": {"running": {}}}],
        },
    })
}

/// Seeds a ready istiod pod of `revision` running `version`.
fn istiod(em: &Emulator, name: &str, version: &str, revision: &str) {
    let labels = json!({"app": "istiod", "istio": "pilot", "istio.io/rev": revision});
    let pod = running_pod("istio-system", name, labels, "discovery", &format!("docker.io/istio/pilot:{version}"), &[]);
    em.create_with_status(pod).expect("istiod pod");
}

/// Seeds a running pod with a sidecar of `version`.
fn sidecar(em: &Emulator, ns: &str, name: &str, version: &str) {
    let image = format!("docker.io/istio/proxyv2:{version}");
    let pod = running_pod(ns, name, json!({"app": name}), "istio-proxy", &image, &["proxy", "sidecar"]);
    em.create_with_status(pod).expect("sidecar pod");
}

#[test]
fn installed_control_plane_and_gateway_are_reported() {
    let em = emulator();
    install(&em);
    let (code, stdout, stderr) = run(&em, &["version"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert_eq!(
        stdout,
        format!(
            "client version: {ISTIO_VERSION}\ncontrol plane version: {ISTIO_VERSION}\ndata plane version: {ISTIO_VERSION} (1 proxies)\n"
        )
    );
    // Upstream's way in: a port-forward to the istiod pod's monitoring port.
    let forwards: Vec<String> = em
        .requests()
        .into_iter()
        .filter(|r| r.path.ends_with("/portforward"))
        .map(|r| format!("{} {}", r.path, r.query))
        .collect();
    assert_eq!(forwards.len(), 2, "{forwards:?}");
    assert!(
        forwards.iter().all(|f| f.starts_with("/api/v1/namespaces/istio-system/pods/istiod-") && f.contains("15014"))
    );
}

#[test]
fn mixed_versions_get_a_line_per_pod_and_proxies_are_counted_per_version() {
    let em = emulator();
    install(&em);
    istiod(&em, "istiod-old", "1.29.0", "default");
    namespace(&em, "foo");
    sidecar(&em, "foo", "httpbin", "1.29.0");
    sidecar(&em, "foo", "sleep", "1.29.0");
    let (code, stdout, stderr) = run(&em, &["version"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.first().copied(), Some(format!("client version: {ISTIO_VERSION}").as_str()));
    let mut pilots: Vec<&str> = lines.iter().copied().filter(|l| l.starts_with("pilot version: ")).collect();
    pilots.sort_unstable();
    assert_eq!(pilots, ["pilot version: 1.29.0", &format!("pilot version: {ISTIO_VERSION}")], "{stdout}");
    assert!(!stdout.contains("control plane version"), "{stdout}");
    assert_eq!(
        lines.last().copied(),
        Some(format!("data plane version: 1.29.0 (2 proxies), {ISTIO_VERSION} (1 proxies)").as_str())
    );
    assert_eq!(lines.len(), 4, "{stdout}");
}

#[test]
fn no_istiod_is_reported_on_stderr_and_succeeds() {
    let em = emulator();
    let (code, stdout, stderr) = run(&em, &["version"]);
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (0, format!("client version: {ISTIO_VERSION}\n").as_str(), NOT_PRESENT)
    );

    // A pod that never becomes ready does not count either.
    namespace(&em, "istio-system");
    em.create(json!({
        "apiVersion": "apps/v1",
        "kind": "Deployment",
        "metadata": {"name": "istiod", "namespace": "istio-system", "annotations": {NEVER_READY_ANNOTATION: "ImagePullBackOff"}},
        "spec": {"selector": {"matchLabels": {"app": "istiod"}}, "template": {
            "metadata": {"labels": {"app": "istiod", "istio": "pilot", "istio.io/rev": "default"}},
            "spec": {"containers": [{"name": "discovery", "image": "docker.io/istio/pilot:1.30.3"}]}}},
    }))
    .expect("deployment");
    let (code, _, stderr) = run(&em, &["version"]);
    assert_eq!((code, stderr.as_str()), (0, NOT_PRESENT));
}

#[test]
fn revision_and_namespace_narrow_the_search() {
    let em = emulator();
    install(&em);
    let (code, stdout, stderr) = run(&em, &["version", "-r", "canary"]);
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (0, format!("client version: {ISTIO_VERSION}\n").as_str(), NOT_PRESENT)
    );
    let (code, _, stderr) = run(&em, &["version", "-i", "elsewhere"]);
    assert_eq!(
        (code, stderr.as_str()),
        (0, "Istio is not present in the cluster: no running Istio pods in namespace \"elsewhere\"\n")
    );
    istiod(&em, "istiod-canary", "1.31.0", "canary");
    let (code, stdout, stderr) = run(&em, &["version", "--revision=canary"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert!(stdout.contains("control plane version: 1.31.0\n"), "{stdout}");
    // The canary istiod is asked only about its own revision's proxies: the default gateway is not one.
    assert!(stdout.ends_with("data plane version: none\n"), "{stdout}");
}

#[test]
fn remote_false_sends_no_request() {
    let em = emulator();
    let (code, stdout, stderr) = run(&em, &["version", "--remote=false"]);
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (0, format!("client version: {ISTIO_VERSION}\n").as_str(), "")
    );
    assert!(em.requests().is_empty(), "{:?}", em.requests());
}

#[test]
fn json_has_upstreams_keys() {
    let em = emulator();
    install(&em);
    let (code, stdout, stderr) = run(&em, &["version", "-o", "json"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let doc: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    let keys: Vec<&str> = doc.as_object().map(|m| m.keys().map(String::as_str).collect()).unwrap_or_default();
    assert_eq!(keys, ["clientVersion", "meshVersion", "dataPlaneVersion"]);
    let mesh = &doc["meshVersion"][0];
    assert_eq!((mesh["Component"].as_str(), mesh["Revision"].as_str()), (Some("pilot"), Some("default")));
    assert_eq!(mesh["Info"]["version"], ISTIO_VERSION);
    assert_eq!(mesh["Info"]["tag"], ISTIO_VERSION);
    assert_eq!(mesh["Info"]["status"], "Clean");
    let proxy = &doc["dataPlaneVersion"][0];
    assert!(
        proxy["ID"].as_str().is_some_and(|id| id.starts_with("istio-ingressgateway-") && id.ends_with(".istio-system"))
    );
    assert_eq!((proxy["IstioVersion"].as_str(), proxy["Type"].as_str()), (Some(ISTIO_VERSION), Some("gateway")));
    assert!(stdout.starts_with("{\n  \"clientVersion\": {\n"), "{stdout}");
}

#[test]
fn yaml_sorts_keys_and_ends_with_a_blank_line() {
    let em = emulator();
    install(&em);
    let (code, stdout, stderr) = run(&em, &["version", "-o", "yaml"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let doc = goyaml::parse(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    assert_eq!(doc["meshVersion"][0]["Info"]["version"], ISTIO_VERSION);
    assert_eq!(doc["dataPlaneVersion"][0]["Type"], "gateway");
    let top: Vec<&str> = stdout.lines().filter(|l| !l.starts_with([' ', '-']) && !l.is_empty()).collect();
    assert_eq!(top, ["clientVersion:", "dataPlaneVersion:", "meshVersion:"]);
    assert!(stdout.contains("- Component: pilot\n  Info:\n"), "{stdout}");
    assert!(stdout.ends_with("\n\n"), "{stdout:?}");
}

#[test]
fn other_output_formats_are_refused() {
    let em = emulator();
    let (code, stdout, stderr) = run(&em, &["version", "--output", "xml"]);
    assert_eq!((code, stdout.as_str(), stderr.as_str()), (1, "", "Error: --output must be 'yaml' or 'json'\n"));
    assert!(em.requests().is_empty());
}

const REVISION_LINE: &str =
    "         Running this command will overwrite it; use revisions to upgrade alongside the existing version.\n";
const PRECHECK_LINE: &str =
    "         Before upgrading, you may wish to use 'istioctl x precheck' to check for upgrade warnings.\n";

#[test]
fn install_over_an_older_istiod_warns_of_the_upgrade() {
    let em = emulator();
    namespace(&em, "istio-system");
    istiod(&em, "istiod-old", "1.29.2", "default");
    let stderr = install(&em);
    let notice =
        format!("WARNING: Istio is being upgraded from 1.29.2 to {ISTIO_VERSION}.\n{REVISION_LINE}{PRECHECK_LINE}");
    assert!(stderr.contains(&notice), "{stderr}");
}

#[test]
fn install_compares_versions_as_strings_like_upstream() {
    let em = emulator();
    namespace(&em, "istio-system");
    // "1.9.0" sorts after "1.30.3" as a string, so upstream calls this a downgrade.
    istiod(&em, "istiod-old", "1.9.0", "default");
    let stderr = install(&em);
    let notice =
        format!("WARNING: Istio is being downgraded from 1.9.0 to {ISTIO_VERSION}.\n{REVISION_LINE}{PRECHECK_LINE}");
    assert!(stderr.contains(&notice), "{stderr}");
}

#[test]
fn install_is_quiet_about_the_same_version_and_other_revisions() {
    let em = emulator();
    namespace(&em, "istio-system");
    istiod(&em, "istiod-canary", "1.29.0", "canary");
    let first = install(&em);
    assert!(!first.contains("WARNING"), "{first}");
    let again = install(&em);
    assert!(!again.contains("WARNING"), "{again}");
}
