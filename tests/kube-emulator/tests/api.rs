//! The emulator's API, seen from the wire.

mod support;

use kube_emulator::{Config, Emulator, Faults, NEVER_READY_ANNOTATION};
use serde_json::{Value, json};
use std::net::SocketAddr;
use support::{Resp, Watch, delete, get, patch, post, put, request, try_request};

const APPLY: &str = "application/apply-patch+yaml";
const MERGE: &str = "application/merge-patch+json";

fn start() -> (Emulator, SocketAddr) {
    start_with(Config::default())
}

fn start_with(config: Config) -> (Emulator, SocketAddr) {
    let emu = Emulator::start(config).expect("start emulator");
    let addr = emu.addr();
    (emu, addr)
}

fn cm(name: &str, ns: &str, data: Value) -> Value {
    json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": name, "namespace": ns, "labels": {"app": name}}, "data": data})
}

fn deployment(name: &str, replicas: i64, annotations: Value) -> Value {
    json!({
        "apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {"name": name, "namespace": "default", "annotations": annotations},
        "spec": {"replicas": replicas, "selector": {"matchLabels": {"app": name}},
                 "template": {"metadata": {"labels": {"app": name}}, "spec": {"containers": [{"name": "main", "image": "example/app:1"}]}}}
    })
}

fn names(list: &Value) -> Vec<String> {
    list["items"]
        .as_array()
        .map(|a| a.iter().filter_map(|i| i["metadata"]["name"].as_str().map(String::from)).collect())
        .unwrap_or_default()
}

fn assert_status(r: &Resp, code: u16, reason: &str, message: &str) {
    assert_eq!(r.status, code, "{}", String::from_utf8_lossy(&r.body));
    let s = r.json();
    assert_eq!(s["kind"], "Status");
    assert_eq!(s["apiVersion"], "v1");
    assert_eq!(s["status"], "Failure");
    assert_eq!(s["reason"], reason);
    assert_eq!(s["code"], code);
    assert_eq!(s["message"], message);
}

fn crd() -> Value {
    json!({
        "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": {"name": "gateways.networking.istio.io"},
        "spec": {"group": "networking.istio.io", "scope": "Namespaced",
                 "names": {"plural": "gateways", "singular": "gateway", "kind": "Gateway", "shortNames": ["gw"]},
                 "versions": [{"name": "v1", "served": true, "storage": true}, {"name": "v1beta1", "served": true, "storage": false}]}
    })
}

#[test]
fn discovery_legacy_and_aggregated() {
    let (_emu, addr) = start();
    assert_eq!(get(addr, "/version").json()["minor"], kube_emulator::VERSION_MINOR);
    assert_eq!(get(addr, "/api").json()["versions"], json!(["v1"]));
    let core = get(addr, "/api/v1").json();
    let find = |list: &Value, name: &str| {
        list["resources"].as_array().and_then(|a| a.iter().find(|r| r["name"] == name).cloned())
    };
    assert_eq!(find(&core, "configmaps").map(|r| r["namespaced"].clone()), Some(json!(true)));
    assert_eq!(find(&core, "namespaces").map(|r| r["namespaced"].clone()), Some(json!(false)));
    assert!(find(&core, "pods/exec").is_some());
    let apps = get(addr, "/apis/autoscaling/v2").json();
    assert_eq!(
        find(&apps, "horizontalpodautoscalers").map(|r| r["kind"].clone()),
        Some(json!("HorizontalPodAutoscaler"))
    );
    let groups = get(addr, "/apis").json();
    let group_names: Vec<&str> =
        groups["groups"].as_array().map(|g| g.iter().filter_map(|x| x["name"].as_str()).collect()).unwrap_or_default();
    for g in ["apps", "policy", "admissionregistration.k8s.io", "apiextensions.k8s.io", "rbac.authorization.k8s.io"] {
        assert!(group_names.contains(&g), "{g} missing from {group_names:?}");
    }
    assert!(!group_names.contains(&"networking.istio.io"));

    // A CRD adds its group, preferred version first.
    assert_eq!(post(addr, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", &crd()).status, 201);
    let g = get(addr, "/apis/networking.istio.io").json();
    assert_eq!(g["preferredVersion"]["version"], "v1");
    let gw = get(addr, "/apis/networking.istio.io/v1beta1").json();
    assert_eq!(
        find(&gw, "gateways").map(|r| (r["namespaced"].clone(), r["kind"].clone())),
        Some((json!(true), json!("Gateway")))
    );

    // Aggregated discovery when the Accept header asks for it.
    let accept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json";
    let r = support::try_request(addr, "GET", "/apis", &[("Accept", accept)], b"").expect("GET /apis");
    assert_eq!(r.header("content-type"), Some("application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"));
    let agg = r.json();
    assert_eq!(agg["kind"], "APIGroupDiscoveryList");
    let istio = agg["items"]
        .as_array()
        .and_then(|a| a.iter().find(|i| i["metadata"]["name"] == "networking.istio.io").cloned());
    let gateways = istio.map(|i| i["versions"][0]["resources"][0].clone()).unwrap_or_default();
    assert_eq!(gateways["resource"], "gateways");
    assert_eq!(gateways["scope"], "Namespaced");
    assert_eq!(gateways["responseKind"], json!({"group": "networking.istio.io", "version": "v1", "kind": "Gateway"}));

    // Legacy only, when configured so.
    let (_emu2, addr2) = start_with(Config { aggregated_discovery: false, ..Config::default() });
    let r = support::try_request(addr2, "GET", "/apis", &[("Accept", accept)], b"").expect("GET /apis");
    assert_eq!(r.json()["kind"], "APIGroupList");

    let missing = get(addr, "/apis/nope.example.com/v1/things");
    assert_status(&missing, 404, "NotFound", "the server could not find the requested resource");
}

#[test]
fn crud_with_bookkeeping_and_status_bodies() {
    let (_emu, addr) = start();
    let base = "/api/v1/namespaces/default/configmaps";
    let created = post(addr, base, &cm("a", "default", json!({"k": "v"})));
    assert_eq!(created.status, 201);
    let c = created.json();
    let rv1 = c["metadata"]["resourceVersion"].as_str().unwrap_or_default().to_string();
    assert!(!c["metadata"]["uid"].as_str().unwrap_or_default().is_empty());
    assert!(c["metadata"]["creationTimestamp"].as_str().is_some_and(|t| t.ends_with('Z')));
    assert_eq!(c["metadata"]["generation"], 1);

    let dup = post(addr, base, &cm("a", "default", json!({})));
    assert_status(&dup, 409, "AlreadyExists", "configmaps \"a\" already exists");
    assert_eq!(dup.json()["details"], json!({"name": "a", "kind": "configmaps"}));

    let mut updated = c.clone();
    updated["data"]["k"] = json!("v2");
    let u = put(addr, &format!("{base}/a"), &updated);
    assert_eq!(u.status, 200);
    let rv2 = u.json()["metadata"]["resourceVersion"].as_str().unwrap_or_default().to_string();
    assert_ne!(rv1, rv2);
    // The old resourceVersion is now stale.
    assert_status(
        &put(addr, &format!("{base}/a"), &updated),
        409,
        "Conflict",
        "Operation cannot be fulfilled on configmaps \"a\": the object has been modified; please apply your changes to the latest version and try again",
    );
    assert_eq!(get(addr, &format!("{base}/a")).json()["data"]["k"], "v2");

    // Generation counts spec changes, not metadata changes.
    let d = post(addr, "/apis/apps/v1/namespaces/default/deployments", &deployment("web", 1, json!({})));
    assert_eq!(d.status, 201);
    let path = "/apis/apps/v1/namespaces/default/deployments/web";
    let labelled = patch(addr, path, MERGE, r#"{"metadata":{"labels":{"x":"y"}}}"#).json();
    assert_eq!(labelled["metadata"]["generation"], 1);
    let scaled = patch(addr, path, MERGE, r#"{"spec":{"replicas":3}}"#).json();
    assert_eq!(scaled["metadata"]["generation"], 2);
    assert_status(
        &get(addr, "/apis/apps/v1/namespaces/default/deployments/nope"),
        404,
        "NotFound",
        "deployments.apps \"nope\" not found",
    );

    let del = delete(addr, &format!("{base}/a"));
    assert_eq!(del.status, 200);
    assert_eq!(del.json()["status"], "Success");
    assert_status(&get(addr, &format!("{base}/a")), 404, "NotFound", "configmaps \"a\" not found");
    assert_status(&delete(addr, &format!("{base}/a")), 404, "NotFound", "configmaps \"a\" not found");
}

#[test]
fn namespaces_gate_creates_and_take_their_contents_along() {
    let (emu, addr) = start();
    let r = post(addr, "/api/v1/namespaces/istio-system/configmaps", &cm("istio", "istio-system", json!({})));
    assert_status(&r, 404, "NotFound", "namespaces \"istio-system\" not found");
    let r = patch(
        addr,
        "/api/v1/namespaces/istio-system/configmaps/istio?fieldManager=t",
        APPLY,
        &cm("istio", "istio-system", json!({})).to_string(),
    );
    assert_status(&r, 404, "NotFound", "namespaces \"istio-system\" not found");

    assert_eq!(
        post(
            addr,
            "/api/v1/namespaces",
            &json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "istio-system"}})
        )
        .status,
        201
    );
    let ns = get(addr, "/api/v1/namespaces/istio-system").json();
    assert_eq!(ns["status"]["phase"], "Active");
    assert_eq!(ns["metadata"]["labels"]["kubernetes.io/metadata.name"], "istio-system");
    assert_eq!(
        post(addr, "/api/v1/namespaces/istio-system/configmaps", &cm("istio", "istio-system", json!({}))).status,
        201
    );
    assert_eq!(post(addr, "/api/v1/namespaces/default/configmaps", &cm("keep", "default", json!({}))).status, 201);
    assert!(emu.get("ConfigMap", Some("istio-system"), "istio").is_some());

    assert_eq!(delete(addr, "/api/v1/namespaces/istio-system").status, 200);
    assert_eq!(get(addr, "/api/v1/namespaces/istio-system").status, 404);
    assert!(emu.get("ConfigMap", Some("istio-system"), "istio").is_none());
    assert!(emu.get("ConfigMap", Some("default"), "keep").is_some());
}

#[test]
fn server_side_apply_creates_updates_owns_and_conflicts() {
    let (emu, addr) = start();
    let path = "/api/v1/namespaces/default/configmaps/mesh";
    let first = cm("mesh", "default", json!({"mesh": "a", "extra": "x"}));
    let yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: mesh\n  namespace: default\ndata:\n  mesh: a\n  extra: x\n";
    let created = patch(addr, &format!("{path}?fieldManager=istioctl&force=true"), APPLY, yaml);
    assert_eq!(created.status, 201, "{}", String::from_utf8_lossy(&created.body));
    let c = created.json();
    assert_eq!(c["data"], first["data"]);
    assert_eq!(c["metadata"]["managedFields"][0]["manager"], "istioctl");
    assert_eq!(c["metadata"]["managedFields"][0]["operation"], "Apply");
    assert_eq!(c["metadata"]["managedFields"][0]["fieldsV1"]["f:data"], json!({"f:mesh": {}, "f:extra": {}}));

    // Re-applying the same config changes nothing, not even the resourceVersion.
    let again = patch(addr, &format!("{path}?fieldManager=istioctl&force=true"), APPLY, yaml).json();
    assert_eq!(again["metadata"]["resourceVersion"], c["metadata"]["resourceVersion"]);

    // Dropping a field from the applied config removes it.
    let second = cm("mesh", "default", json!({"mesh": "b"}));
    let updated = patch(addr, &format!("{path}?fieldManager=istioctl"), APPLY, &second.to_string());
    assert_eq!(updated.status, 200);
    assert_eq!(updated.json()["data"], json!({"mesh": "b"}));

    // Another manager changing an owned field conflicts unless forced.
    let other = cm("mesh", "default", json!({"mesh": "c"})).to_string();
    let conflict = patch(addr, &format!("{path}?fieldManager=kubectl&force=false"), APPLY, &other);
    assert_status(&conflict, 409, "Conflict", "Apply failed with 1 conflict: - conflict with \"istioctl\": .data.mesh");
    let forced = patch(addr, &format!("{path}?fieldManager=kubectl&force=true"), APPLY, &other);
    assert_eq!(forced.status, 200);
    assert_eq!(emu.get("ConfigMap", Some("default"), "mesh").map(|o| o["data"]["mesh"].clone()), Some(json!("c")));

    let no_manager = patch(addr, path, APPLY, &other);
    assert_eq!(no_manager.status, 400);

    // Merge patch and JSON patch.
    let merged = patch(addr, path, MERGE, r#"{"data":{"added":"1","mesh":null}}"#).json();
    assert_eq!(merged["data"], json!({"added": "1"}));
    let jp = patch(addr, path, "application/json-patch+json", r#"[{"op":"replace","path":"/data/added","value":"2"}]"#)
        .json();
    assert_eq!(jp["data"]["added"], "2");
    let smp = patch(addr, path, "application/strategic-merge-patch+json", r#"{"data":{"s":"3"}}"#).json();
    assert_eq!(smp["data"], json!({"added": "2", "s": "3"}));
}

#[test]
fn selectors_filter_lists_and_deletecollection() {
    let (emu, addr) = start();
    let base = "/api/v1/namespaces/default/configmaps";
    for (name, tier) in [("a", "web"), ("b", "db"), ("c", "web")] {
        let mut o = cm(name, "default", json!({}));
        o["metadata"]["labels"]["tier"] = json!(tier);
        assert_eq!(post(addr, base, &o).status, 201);
    }
    let list = |q: &str| names(&get(addr, &format!("{base}?{q}")).json());
    assert_eq!(list("labelSelector=tier%3Dweb"), ["a", "c"]);
    assert_eq!(list("labelSelector=tier!%3Dweb"), ["b"]);
    assert_eq!(list("labelSelector=tier+in+(db,x)"), ["b"]);
    assert_eq!(list("labelSelector=tier%20notin%20(db)"), ["a", "c"]);
    assert_eq!(list("labelSelector=tier"), ["a", "b", "c"]);
    assert_eq!(list("labelSelector=!tier"), Vec::<String>::new());
    assert_eq!(list("labelSelector=app%3Da,tier%3Dweb"), ["a"]);
    assert_eq!(list("fieldSelector=metadata.name%3Db"), ["b"]);
    assert_eq!(names(&get(addr, "/api/v1/configmaps?labelSelector=tier%3Ddb").json()), ["b"]);
    assert_eq!(get(addr, &format!("{base}?labelSelector=tier+in+()")).status, 400);

    let deleted = delete(addr, &format!("{base}?labelSelector=tier%3Dweb"));
    assert_eq!(deleted.status, 200);
    assert_eq!(names(&deleted.json()), ["a", "c"]);
    let left: Vec<String> =
        emu.objects("ConfigMap").iter().filter_map(|o| o["metadata"]["name"].as_str().map(String::from)).collect();
    assert_eq!(left, ["b"]);
}

#[test]
fn watch_streams_events_and_resumes_from_a_resource_version() {
    let (_emu, addr) = start();
    let base = "/api/v1/namespaces/default/configmaps";
    assert_eq!(post(addr, base, &cm("before", "default", json!({}))).status, 201);
    let rv = get(addr, base).json()["metadata"]["resourceVersion"].as_str().unwrap_or_default().to_string();

    let mut w = Watch::open(addr, &format!("{base}?watch=true&resourceVersion={rv}&allowWatchBookmarks=true"));
    assert_eq!(post(addr, base, &cm("live", "default", json!({}))).status, 201);
    let added = w.next().expect("an event");
    assert_eq!(added["type"], "ADDED");
    assert_eq!(added["object"]["metadata"]["name"], "live");
    assert_eq!(added["object"]["kind"], "ConfigMap");
    assert_eq!(patch(addr, &format!("{base}/live"), MERGE, r#"{"data":{"x":"1"}}"#).status, 200);
    let modified = w.next().expect("an event");
    assert_eq!((modified["type"].as_str(), modified["object"]["data"]["x"].as_str()), (Some("MODIFIED"), Some("1")));
    assert_eq!(delete(addr, &format!("{base}/live")).status, 200);
    assert_eq!(w.next().map(|e| e["type"].clone()), Some(json!("DELETED")));

    // Resuming from the list's resourceVersion replays what happened since, and timeoutSeconds ends it.
    let mut replay = Watch::open(addr, &format!("{base}?watch=1&resourceVersion={rv}&timeoutSeconds=1"));
    let types: Vec<Value> = std::iter::from_fn(|| replay.next()).map(|e| e["type"].clone()).collect();
    assert_eq!(types, [json!("ADDED"), json!("MODIFIED"), json!("DELETED")]);

    // Without a resourceVersion, current objects come first; a field selector narrows them.
    let mut fresh =
        Watch::open(addr, &format!("{base}?watch=true&fieldSelector=metadata.name%3Dbefore&timeoutSeconds=1"));
    let first = fresh.next().expect("an event");
    assert_eq!((first["type"].as_str(), first["object"]["metadata"]["name"].as_str()), (Some("ADDED"), Some("before")));
    assert!(fresh.next().is_none());

    // With a label selector, objects that start or stop matching are ADDED or DELETED.
    let mut labelled = Watch::open(addr, &format!("{base}?watch=true&labelSelector=tier%3Dweb"));
    assert_eq!(patch(addr, &format!("{base}/before"), MERGE, r#"{"metadata":{"labels":{"tier":"web"}}}"#).status, 200);
    assert_eq!(labelled.next().map(|e| e["type"].clone()), Some(json!("ADDED")));
    assert_eq!(patch(addr, &format!("{base}/before"), MERGE, r#"{"data":{"y":"1"}}"#).status, 200);
    assert_eq!(labelled.next().map(|e| e["type"].clone()), Some(json!("MODIFIED")));
    assert_eq!(patch(addr, &format!("{base}/before"), MERGE, r#"{"metadata":{"labels":{"tier":null}}}"#).status, 200);
    assert_eq!(labelled.next().map(|e| e["type"].clone()), Some(json!("DELETED")));

    // A resourceVersion that cannot be resumed from gets an ERROR event with 410 Gone.
    let mut old = Watch::open(addr, &format!("{base}?watch=true&resourceVersion=bogus"));
    let err = old.next().expect("an ERROR event");
    assert_eq!((err["type"].as_str(), err["object"]["code"].as_i64()), (Some("ERROR"), Some(410)));
}

#[test]
fn crds_are_established_and_serve_their_kind() {
    let (_emu, addr) = start();
    let created = post(addr, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", &crd()).json();
    let conditions = created["status"]["conditions"].as_array().cloned().unwrap_or_default();
    let cond = |t: &str| conditions.iter().find(|c| c["type"] == t).map(|c| c["status"].clone());
    assert_eq!(cond("Established"), Some(json!("True")));
    assert_eq!(cond("NamesAccepted"), Some(json!("True")));
    let gw = json!({"apiVersion": "networking.istio.io/v1", "kind": "Gateway", "metadata": {"name": "gw"}, "spec": {"servers": []}});
    assert_eq!(post(addr, "/apis/networking.istio.io/v1/namespaces/default/gateways", &gw).status, 201);
    // Served at every version, shown at the one asked for.
    assert_eq!(
        get(addr, "/apis/networking.istio.io/v1beta1/namespaces/default/gateways/gw").json()["apiVersion"],
        "networking.istio.io/v1beta1"
    );
    // Deleting the CRD deletes its objects and its API.
    assert_eq!(
        delete(addr, "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/gateways.networking.istio.io").status,
        200
    );
    assert_eq!(get(addr, "/apis/networking.istio.io/v1/namespaces/default/gateways/gw").status, 404);
}

#[test]
fn workloads_become_ready_on_the_timer() {
    let (emu, addr) = start_with(Config { ready_after: None, ..Config::default() });
    let base = "/apis/apps/v1/namespaces/default/deployments";
    let created = post(addr, base, &deployment("istiod", 2, json!({}))).json();
    assert_eq!(created["status"]["readyReplicas"], 0);
    assert_eq!(created["status"]["observedGeneration"], 1);
    let rv = created["metadata"]["resourceVersion"].as_str().unwrap_or_default().to_string();
    assert!(emu.objects("Pod").is_empty(), "never ready: no pods yet");

    let mut w =
        Watch::open(addr, &format!("{base}?watch=true&resourceVersion={rv}&fieldSelector=metadata.name%3Distiod"));
    emu.set_ready_after(Some(std::time::Duration::from_millis(50)));
    let ready = w.until("the deployment is ready", |e| e["object"]["status"]["readyReplicas"] == 2);
    let st = &ready["object"]["status"];
    assert_eq!(
        (st["replicas"].as_i64(), st["availableReplicas"].as_i64(), st["updatedReplicas"].as_i64()),
        (Some(2), Some(2), Some(2))
    );
    let available = st["conditions"]
        .as_array()
        .and_then(|c| c.iter().find(|c| c["type"] == "Available").cloned())
        .unwrap_or_default();
    assert_eq!(available["status"], "True");
    let pods = emu.objects("Pod");
    assert_eq!(pods.len(), 2);
    assert!(pods.iter().all(|p| p["status"]["phase"] == "Running" && p["metadata"]["labels"]["app"] == "istiod"));

    // Deleting the deployment deletes its pods.
    assert_eq!(delete(addr, &format!("{base}/istiod")).status, 200);
    assert!(emu.objects("Pod").is_empty());
}

#[test]
fn never_ready_workloads_leave_a_waiting_pod_and_a_warning_event() {
    let (emu, addr) = start();
    let rv = get(addr, "/api/v1/namespaces/default/events").json()["metadata"]["resourceVersion"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    let mut w = Watch::open(addr, &format!("/api/v1/namespaces/default/events?watch=true&resourceVersion={rv}"));
    let d = deployment("broken", 1, json!({NEVER_READY_ANNOTATION: "ImagePullBackOff"}));
    assert_eq!(post(addr, "/apis/apps/v1/namespaces/default/deployments", &d).status, 201);
    let ev = w.until("a warning event", |e| e["object"]["type"] == "Warning");
    assert_eq!(ev["object"]["message"], "Error: ImagePullBackOff");
    assert_eq!(ev["object"]["involvedObject"]["kind"], "Pod");
    let pods = emu.objects("Pod");
    assert_eq!(pods.len(), 1);
    assert_eq!(pods[0]["status"]["containerStatuses"][0]["state"]["waiting"]["reason"], "ImagePullBackOff");
    let dep = emu.get("Deployment", Some("default"), "broken").unwrap_or_default();
    assert_eq!(dep["status"]["readyReplicas"], 0);
    // Changing the timer neither readies it nor repeats the pod and event.
    emu.set_ready_after(Some(std::time::Duration::ZERO));
    let rv = get(addr, "/api/v1/pods").json()["metadata"]["resourceVersion"].as_str().unwrap_or_default().to_string();
    let mut pod_watch = Watch::open(addr, &format!("/api/v1/pods?watch=true&resourceVersion={rv}"));
    assert_eq!(
        post(addr, "/apis/apps/v1/namespaces/default/deployments", &deployment("fine", 1, json!({}))).status,
        201
    );
    pod_watch.until("the next workload's pod", |e| e["object"]["metadata"]["labels"]["app"] == "fine");
    assert_eq!(emu.objects("Pod").len(), 2);
    assert_eq!(emu.objects("Event").len(), 1);
    assert_eq!(
        emu.get("Pod", Some("default"), pods[0]["metadata"]["name"].as_str().unwrap_or_default())
            .map(|p| p["metadata"]["uid"].clone()),
        Some(pods[0]["metadata"]["uid"].clone())
    );
}

#[test]
fn faults_throttle_fail_and_drop_deterministically() {
    let (emu, addr) = start();
    emu.set_faults(Faults { throttle: 1.0, retry_after_secs: 2, max_faults: Some(1), ..Faults::default() });
    let r = get(addr, "/api/v1/namespaces");
    assert_eq!(r.status, 429);
    assert_eq!(r.header("retry-after"), Some("2"));
    assert_eq!(r.json()["reason"], "TooManyRequests");
    assert_eq!(get(addr, "/api/v1/namespaces").status, 200, "only one fault allowed");

    emu.set_faults(Faults { server_error: 1.0, methods: vec!["POST".into()], ..Faults::default() });
    assert_eq!(get(addr, "/api/v1/namespaces").status, 200);
    assert_eq!(post(addr, "/api/v1/namespaces", &json!({"metadata": {"name": "x"}})).status, 500);

    emu.set_faults(Faults { conflict: 1.0, path_contains: Some("/configmaps".into()), ..Faults::default() });
    assert_eq!(post(addr, "/api/v1/namespaces/default/configmaps", &cm("x", "default", json!({}))).status, 409);

    emu.set_faults(Faults { drop_connection: 1.0, ..Faults::default() });
    let dropped = try_request(addr, "GET", "/version", &[], b"");
    assert!(dropped.is_err() || dropped.is_ok_and(|r| r.body.is_empty()), "the answer must not arrive whole");

    // The same seed gives the same sequence.
    let run = || {
        emu.set_faults(Faults { throttle: 0.5, seed: 42, ..Faults::default() });
        (0..20).map(|_| get(addr, "/version").status).collect::<Vec<u16>>()
    };
    let a = run();
    assert_eq!(a, run());
    assert!(a.contains(&429) && a.contains(&200), "{a:?}");
    emu.set_faults(Faults::default());
    assert!(emu.requests().iter().any(|r| r.status == 0), "dropped requests are logged with status 0");
}

#[test]
fn request_log_records_what_was_asked() {
    let (emu, addr) = start();
    get(addr, "/api/v1/namespaces?labelSelector=a%3Db");
    patch(
        addr,
        "/api/v1/namespaces/default/configmaps/x?fieldManager=t",
        APPLY,
        &cm("x", "default", json!({})).to_string(),
    );
    let log = emu.requests();
    assert_eq!(log.len(), 2);
    assert_eq!(
        (log[0].method.as_str(), log[0].path.as_str(), log[0].query.as_str(), log[0].status),
        ("GET", "/api/v1/namespaces", "labelSelector=a%3Db", 200)
    );
    assert!(!log[0].is_mutating());
    assert_eq!((log[1].method.as_str(), log[1].content_type.as_str(), log[1].status), ("PATCH", APPLY, 201));
    assert!(log[1].is_mutating());
    emu.clear_requests();
    assert!(emu.requests().is_empty());
    // Access reviews answer at once and change nothing.
    let review = json!({"apiVersion": "authorization.k8s.io/v1", "kind": "SelfSubjectAccessReview",
        "spec": {"resourceAttributes": {"verb": "create", "resource": "namespaces"}}});
    let r = post(addr, "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", &review);
    assert_eq!((r.status, r.json()["status"]["allowed"].as_bool()), (201, Some(true)));
    assert!(emu.requests().iter().all(|r| !r.is_mutating()));
    get(addr, "/version");
    assert!(emu.requests().iter().all(|r| !r.is_mutating()));
}

#[test]
fn dry_run_changes_nothing() {
    let (emu, addr) = start();
    let r = request(
        addr,
        "POST",
        "/api/v1/namespaces/default/configmaps?dryRun=All",
        Some("application/json"),
        &cm("dry", "default", json!({})).to_string(),
    );
    assert_eq!(r.status, 201);
    assert_eq!(r.json()["metadata"]["name"], "dry");
    assert!(emu.get("ConfigMap", Some("default"), "dry").is_none());
}

#[test]
fn library_api_seeds_and_reads_objects() {
    let (emu, addr) = start();
    let created = emu.create(cm("seeded", "default", json!({"k": "v"}))).expect("create");
    assert_eq!(created["metadata"]["resourceVersion"].as_str().map(str::is_empty), Some(false));
    assert_eq!(get(addr, "/api/v1/namespaces/default/configmaps/seeded").json()["data"]["k"], "v");
    assert!(emu.create(json!({"apiVersion": "nope/v1", "kind": "Thing", "metadata": {"name": "x"}})).is_err());
    let namespaces: Vec<String> =
        emu.objects("Namespace").iter().filter_map(|n| n["metadata"]["name"].as_str().map(String::from)).collect();
    let mut want: Vec<String> = kube_emulator::INITIAL_NAMESPACES.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(namespaces, want);
    let kubeconfig = std::fs::read_to_string(emu.kubeconfig_path()).expect("kubeconfig");
    assert!(kubeconfig.contains(&format!("server: {}", emu.url())));
}

#[test]
fn exec_runs_the_command_locally_over_websocket() {
    use futures_util::{SinkExt, StreamExt};
    use tokio_tungstenite::tungstenite::{Message, client::IntoClientRequest, http::HeaderValue};

    let (emu, addr) = start();
    emu.create(json!({"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "istiod-1", "namespace": "default"}, "spec": {"containers": [{"name": "discovery"}]}}))
        .expect("pod");
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
    let run = |query: &str, stdin: Option<&'static [u8]>| {
        let url = format!("ws://{addr}/api/v1/namespaces/default/pods/istiod-1/exec?{query}");
        rt.block_on(async move {
            let mut req = url.into_client_request().expect("request");
            req.headers_mut().insert("Sec-WebSocket-Protocol", HeaderValue::from_static("v5.channel.k8s.io"));
            let (mut ws, resp) = tokio_tungstenite::connect_async(req).await.expect("websocket");
            assert_eq!(
                resp.headers().get("sec-websocket-protocol").map(|v| v.as_bytes()),
                Some(&b"v5.channel.k8s.io"[..])
            );
            if let Some(data) = stdin {
                ws.send(Message::Binary([&[0u8][..], data].concat().into())).await.expect("stdin");
                ws.send(Message::Binary(vec![255u8, 0].into())).await.expect("close stdin");
            }
            let mut channels: [Vec<u8>; 4] = Default::default();
            while let Some(Ok(msg)) = ws.next().await {
                if let Message::Binary(b) = msg
                    && let Some((ch, data)) = b.split_first()
                    && let Some(buf) = channels.get_mut(usize::from(*ch))
                {
                    buf.extend_from_slice(data);
                }
            }
            channels
        })
    };
    let [_, out, err, status] =
        run("command=sh&command=-c&command=echo+out%3B+echo+err+%3E%262%3B+exit+3&stdout=true&stderr=true", None);
    assert_eq!(String::from_utf8_lossy(&out), "out\n");
    assert_eq!(String::from_utf8_lossy(&err), "err\n");
    let status: Value = serde_json::from_slice(&status).expect("status JSON");
    assert_eq!(status["status"], "Failure");
    assert_eq!(status["reason"], "NonZeroExitCode");
    assert_eq!(status["details"]["causes"][0], json!({"reason": "ExitCode", "message": "3"}));

    let [_, out, _, status] = run("command=cat&stdin=true&stdout=true&stderr=true", Some(b"piped"));
    assert_eq!(String::from_utf8_lossy(&out), "piped");
    assert_eq!(serde_json::from_slice::<Value>(&status).expect("status")["status"], "Success");

    assert_status(
        &get(addr, "/api/v1/namespaces/default/pods/nope/exec?command=true"),
        404,
        "NotFound",
        "pods \"nope\" not found",
    );
}

#[test]
fn latency_delays_eligible_answers() {
    let (emu, addr) = start();
    let latency = std::time::Duration::from_millis(300);
    emu.set_faults(Faults { latency, path_contains: Some("/version".into()), ..Faults::default() });
    let t = std::time::Instant::now();
    assert_eq!(get(addr, "/version").status, 200);
    assert!(t.elapsed() >= latency, "{:?}", t.elapsed());
}

#[test]
fn tables_for_kubectl_get() {
    let (_emu, addr) = start();
    let accept = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json";
    let t = try_request(addr, "GET", "/api/v1/namespaces?limit=500", &[("Accept", accept)], b"").expect("GET").json();
    assert_eq!(t["kind"], "Table");
    let columns: Vec<&str> = t["columnDefinitions"]
        .as_array()
        .map(|c| c.iter().filter_map(|x| x["name"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(columns, ["Name", "Status", "Age"]);
    assert_eq!(t["rows"][0]["cells"][0], "default");
    assert_eq!(t["rows"][0]["cells"][1], "Active");
    assert_eq!(t["rows"][0]["object"]["metadata"]["name"], "default");
    // `kubectl get -w`: one-row tables, column definitions only in the first event.
    let mut w = Watch::open_accepting(addr, "/api/v1/namespaces?watch=true&timeoutSeconds=1", accept);
    let first = w.next().expect("an event");
    assert_eq!((first["type"].as_str(), first["object"]["kind"].as_str()), (Some("ADDED"), Some("Table")));
    assert_eq!(first["object"]["columnDefinitions"].as_array().map(Vec::len), Some(3));
    let second = w.next().expect("an event");
    assert_eq!(second["object"]["columnDefinitions"], json!([]));
    assert_eq!(second["object"]["rows"][0]["cells"][0], "kube-node-lease");
    // Plain JSON when the Accept header does not ask for a table first.
    assert_eq!(get(addr, "/api/v1/namespaces").json()["kind"], "NamespaceList");
}

#[test]
fn services_get_a_stable_cluster_ip() {
    let (_emu, addr) = start();
    let svc = json!({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "istiod"},
        "spec": {"selector": {"app": "istiod"}, "ports": [{"name": "grpc-xds", "port": 15010}]}});
    let created = post(addr, "/api/v1/namespaces/default/services", &svc).json();
    let ip = created["spec"]["clusterIP"].as_str().unwrap_or_default().to_string();
    assert!(ip.starts_with("10.96."), "{ip}");
    assert_eq!(created["spec"]["clusterIPs"], json!([ip]));
    let applied =
        patch(addr, "/api/v1/namespaces/default/services/istiod?fieldManager=t", APPLY, &svc.to_string()).json();
    assert_eq!(applied["spec"]["clusterIP"], ip.as_str());
    let external = json!({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "ext"}, "spec": {"type": "ExternalName", "externalName": "example.com"}});
    assert!(post(addr, "/api/v1/namespaces/default/services", &external).json()["spec"].get("clusterIP").is_none());
}
