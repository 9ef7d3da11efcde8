//! Our `agentgateway` template (istiod chart `files/agentgateway.yaml`, shipped in ConfigMap
//! `istio-sidecar-injector` as `config.templates.agentgateway`): what istiod's gateway controller gets when
//! it renders it for a Gateway of class agentgateway, with the data of `tests/data/agentgateway/` and the
//! values and mesh config of the control plane our charts render.
//!
//! With `UPSTREAM_MANIFESTS` (the tag's `manifests/` folder) set, upstream's template is rendered with the
//! same data and must give the same objects; that test is skipped otherwise.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use serde_json::{Value, json};

mod charts_common;

/// The template's name in the injector config.
const TEMPLATE: &str = "agentgateway";
/// Where the template lives inside a `manifests/` folder.
const TEMPLATE_FILE: &str = "charts/istio-control/istio-discovery/files/agentgateway.yaml";
/// The label that ties the pods, Service and PodDisruptionBudget to their Gateway.
const GATEWAY_NAME_LABEL: &str = "gateway.networking.k8s.io/gateway-name";
/// The ConfigMap istiod reads its injection templates and values from.
const INJECTOR_CONFIGMAP: &str = "istio-sidecar-injector";

fn fixture() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/agentgateway/gateway.yaml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    goyaml::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The default control plane our charts render: injector ConfigMap data (`config`, `values`) and mesh config.
struct ControlPlane {
    templates: serde_json::Map<String, Value>,
    values: Value,
    mesh: Value,
}

fn control_plane() -> &'static ControlPlane {
    static CP: OnceLock<ControlPlane> = OnceLock::new();
    CP.get_or_init(|| {
        let rendered = istioctl::render::generate(&istioctl::operator::InstallInputs::default()).unwrap();
        let data = |name: &str, key: &str| -> String {
            rendered
                .objects()
                .filter(|o| o.kind() == "ConfigMap" && o.value.pointer("/metadata/name") == Some(&json!(name)))
                .find_map(|o| o.value.pointer(&format!("/data/{key}")).and_then(Value::as_str).map(str::to_string))
                .unwrap_or_else(|| panic!("no ConfigMap {name} with key {key}"))
        };
        let config = goyaml::parse(&data(INJECTOR_CONFIGMAP, "config")).unwrap();
        ControlPlane {
            templates: config["templates"].as_object().cloned().unwrap_or_default(),
            values: goyaml::parse(&data(INJECTOR_CONFIGMAP, "values")).unwrap(),
            mesh: istioctl::inject::apply_mesh_config(&data("istio", "mesh")).unwrap(),
        }
    })
}

/// A template parsed the way kube-inject parses injection templates: Sprig, then Istio's functions.
fn parse(text: &str) -> gotmpl::Template {
    istioctl::inject::parse_template(text).unwrap_or_else(|e| panic!("template does not parse: {e}"))
}

/// The template data: the Gateway fields of `input` (Go names), `values` as Go's JSON-decoded map and the
/// mesh config and its default proxy config as Go structs.
fn template_data(input: &Value, values: &Value, mesh: &Value) -> gotmpl::Value {
    let data = gotmpl::Value::from_json(input);
    let m = data.as_map().expect("the fixture is a map");
    m.insert("Values", gotmpl::Value::from_json_f64(values));
    m.insert("MeshConfig", istioctl::inject::go_struct_view(mesh));
    m.insert("ProxyConfig", istioctl::inject::go_struct_view(&mesh["defaultConfig"]));
    data
}

/// Renders `template` for `input` with the control plane's values and mesh config changed by `patch`
/// (`{"values": …, "mesh": …}`, merged in).
fn render_with(template: &gotmpl::Template, input: &Value, patch: &Value) -> Result<Vec<Value>, String> {
    let cp = control_plane();
    let (mut values, mut mesh) = (cp.values.clone(), cp.mesh.clone());
    if let Some(p) = patch.get("values") {
        merge(&mut values, p);
    }
    if let Some(p) = patch.get("mesh") {
        merge(&mut mesh, p);
    }
    let text = template.execute("inject", &template_data(input, &values, &mesh)).map_err(|e| e.to_string())?;
    let docs = goyaml::parse_documents(&text).map_err(|e| format!("{e}\n{text}"))?;
    Ok(docs.into_iter().map(|d| d.value).filter(|v| !v.is_null()).collect())
}

fn ours() -> &'static gotmpl::Template {
    static T: OnceLock<gotmpl::Template> = OnceLock::new();
    T.get_or_init(|| parse(control_plane().templates[TEMPLATE].as_str().expect("template text")))
}

/// Our template rendered for `input` with the control plane's values changed by `values_patch`.
fn render(input: &Value, values_patch: &Value) -> Vec<Value> {
    render_with(ours(), input, &json!({ "values": values_patch })).unwrap_or_else(|e| panic!("{e}"))
}

/// JSON merge of `patch` into `base` (objects merged key by key, anything else replaced).
fn merge(base: &mut Value, patch: &Value) {
    match (base, patch) {
        (Value::Object(b), Value::Object(p)) => {
            for (k, v) in p {
                merge(b.entry(k.clone()).or_insert(Value::Null), v);
            }
        }
        (b, p) => *b = p.clone(),
    }
}

fn with(mut input: Value, patch: Value) -> Value {
    merge(&mut input, &patch);
    input
}

fn kind<'a>(docs: &'a [Value], kind: &str) -> &'a Value {
    docs.iter().find(|d| d["kind"] == kind).unwrap_or_else(|| panic!("no {kind} in {docs:#?}"))
}

fn container(docs: &[Value]) -> &Value {
    kind(docs, "Deployment").pointer("/spec/template/spec/containers/0").expect("a container")
}

fn env(docs: &[Value]) -> Vec<(String, Value)> {
    container(docs)["env"]
        .as_array()
        .expect("env")
        .iter()
        .map(|e| (e["name"].as_str().unwrap_or_default().to_string(), e.get("value").cloned().unwrap_or(Value::Null)))
        .collect()
}

fn env_value(docs: &[Value], name: &str) -> Option<Value> {
    env(docs).into_iter().find(|(n, _)| n == name).map(|(_, v)| v)
}

fn volume<'a>(docs: &'a [Value], name: &str) -> Option<&'a Value> {
    kind(docs, "Deployment").pointer("/spec/template/spec/volumes")?.as_array()?.iter().find(|v| v["name"] == name)
}

#[test]
fn the_injector_configmap_ships_our_template() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("manifests").join(TEMPLATE_FILE);
    let ours = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(control_plane().templates[TEMPLATE].as_str(), Some(ours.as_str()));
}

#[test]
fn renders_the_gateway_objects_owned_by_the_gateway() {
    let input = fixture();
    let docs = render(&input, &json!({}));
    let kinds: Vec<&str> = docs.iter().filter_map(|d| d["kind"].as_str()).collect();
    assert_eq!(kinds, ["ServiceAccount", "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget"]);
    let owner = json!([{"apiVersion": "gateway.networking.k8s.io/v1", "kind": "Gateway", "name": input["Name"], "uid": input["UID"]}]);
    for doc in &docs {
        assert_eq!(doc.pointer("/metadata/namespace"), Some(&input["Namespace"]), "{doc}");
        assert_eq!(doc.pointer("/metadata/ownerReferences"), Some(&owner), "{doc}");
        // Bookkeeping annotations of the Gateway are not copied; the others are.
        assert_eq!(doc.pointer("/metadata/annotations"), Some(&json!({"example.com/owner": "team-payments"})));
        let labels = doc.pointer("/metadata/labels").expect("labels");
        assert_eq!(labels[GATEWAY_NAME_LABEL], input["Name"]);
        assert_eq!(labels["gateway.networking.k8s.io/gateway-class-name"], "agentgateway");
        assert_eq!(labels["app.kubernetes.io/part-of"], "payments");
    }
    assert_eq!(docs[0].pointer("/metadata/name"), Some(&input["ServiceAccount"]));
    for doc in &docs[1..] {
        assert_eq!(doc.pointer("/metadata/name"), Some(&input["DeploymentName"]));
    }
    let deploy = kind(&docs, "Deployment");
    assert_eq!(
        deploy.pointer("/metadata/labels/gateway.istio.io~1managed"),
        Some(&json!("istio.io-agentgateway-controller"))
    );
    assert_eq!(kind(&docs, "Service").pointer("/metadata/labels/gateway.istio.io~1managed"), None);
    assert_eq!(deploy.pointer("/spec/selector/matchLabels"), Some(&json!({GATEWAY_NAME_LABEL: "agw"})));
    assert_eq!(
        kind(&docs, "HorizontalPodAutoscaler").pointer("/spec"),
        Some(
            &json!({"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": "agw"}, "maxReplicas": 1})
        )
    );
    assert_eq!(
        kind(&docs, "PodDisruptionBudget").pointer("/spec/selector/matchLabels"),
        Some(&json!({GATEWAY_NAME_LABEL: "agw"}))
    );
}

#[test]
fn names_that_look_like_numbers_stay_strings() {
    let docs = render(&with(fixture(), json!({"Name": "8080", "UID": "12345"})), &json!({}));
    for doc in &docs {
        assert_eq!(doc.pointer("/metadata/ownerReferences/0/name"), Some(&json!("8080")), "{doc}");
        assert_eq!(doc.pointer("/metadata/ownerReferences/0/uid"), Some(&json!("12345")), "{doc}");
    }
    assert_eq!(kind(&docs, "Service").pointer("/spec/selector"), Some(&json!({GATEWAY_NAME_LABEL: "8080"})));
    assert_eq!(env_value(&docs, "GATEWAY"), Some(json!("8080")));
}

#[test]
fn the_pod_runs_agentgateway_fed_by_istiod() {
    let input = fixture();
    let docs = render(&input, &json!({}));
    let pod = kind(&docs, "Deployment").pointer("/spec/template").expect("pod template");
    assert_eq!(
        pod.pointer("/metadata/annotations"),
        Some(&json!({
            "example.com/owner": "team-payments", "istio.io/rev": "default", "prometheus.io/path": "/stats/prometheus",
            "prometheus.io/port": "15020", "prometheus.io/scrape": "true",
        }))
    );
    let labels = &pod["metadata"]["labels"];
    assert_eq!(labels["sidecar.istio.io/inject"], "false");
    assert_eq!(labels["service.istio.io/canonical-name"], "agw");
    assert_eq!(labels["gateway.istio.io/managed"], "istio.io-agentgateway-controller");
    assert_eq!(labels["topology.istio.io/network"], "net-east");
    let spec = &pod["spec"];
    assert_eq!(spec["serviceAccountName"], "agw");
    assert_eq!(
        spec["securityContext"],
        json!({"sysctls": [{"name": "net.ipv4.ip_unprivileged_port_start", "value": "0"}]})
    );

    let c = container(&docs);
    assert_eq!(c["name"], "agentgateway");
    assert_eq!(c["image"], input["AgentgatewayImage"]);
    assert_eq!(c["args"], json!(["--config", "{}"]));
    assert_eq!(
        c["ports"],
        json!([
            {"containerPort": 15020, "name": "metrics", "protocol": "TCP"},
            {"containerPort": 15021, "name": "status-port", "protocol": "TCP"},
        ])
    );
    assert_eq!(c["resources"], control_plane().values["global"]["proxy"]["resources"]);
    assert_eq!(c["securityContext"]["runAsUser"], 1337);
    assert_eq!(c["securityContext"]["readOnlyRootFilesystem"], true);
    assert_eq!(c["securityContext"]["capabilities"], json!({"drop": ["ALL"]}));
    assert_eq!(c["readinessProbe"]["httpGet"]["port"], 15021);

    let names: Vec<String> = env(&docs).into_iter().map(|(n, _)| n).collect();
    assert_eq!(
        names,
        [
            "POD_NAME",
            "POD_NAMESPACE",
            "NAMESPACE",
            "INSTANCE_IP",
            "SERVICE_ACCOUNT",
            "CPU_LIMIT",
            "GATEWAY",
            "RUST_BACKTRACE",
            "CLUSTER_ID",
            "NETWORK",
            "TRUST_DOMAIN",
            "XDS_ADDRESS",
            "CA_ADDRESS",
        ]
    );
    assert_eq!(env_value(&docs, "GATEWAY"), Some(json!("agw")));
    assert_eq!(env_value(&docs, "CLUSTER_ID"), Some(json!("Kubernetes")));
    assert_eq!(env_value(&docs, "NETWORK"), Some(json!("net-east")));
    assert_eq!(env_value(&docs, "TRUST_DOMAIN"), Some(json!("cluster.local")));
    assert_eq!(env_value(&docs, "XDS_ADDRESS"), Some(json!("istiod.istio-system.svc:15012")));
    assert_eq!(env_value(&docs, "CA_ADDRESS"), Some(json!("istiod.istio-system.svc:15012")));

    let mounts: Vec<(&str, &str)> = c["volumeMounts"]
        .as_array()
        .expect("mounts")
        .iter()
        .filter_map(|m| Some((m["name"].as_str()?, m["mountPath"].as_str()?)))
        .collect();
    assert_eq!(
        mounts,
        [
            ("istiod-ca-cert", "/var/run/secrets/xds"),
            ("xds-token", "/var/run/secrets/xds-tokens"),
            ("tmp", "/tmp"),
            ("istiod-ca-cert", "/var/run/secrets/istio"),
            ("istio-token", "/var/run/secrets/tokens"),
        ]
    );
    for token in ["xds-token", "istio-token"] {
        let source = volume(&docs, token).and_then(|v| v.pointer("/projected/sources/0/serviceAccountToken"));
        assert_eq!(source, Some(&json!({"path": token, "expirationSeconds": 43200, "audience": "istio-ca"})));
    }
    assert_eq!(volume(&docs, "istiod-ca-cert").map(|v| &v["configMap"]), Some(&json!({"name": "istio-ca-root-cert"})));
}

#[test]
fn the_service_exposes_the_listener_ports() {
    let input = fixture();
    let docs = render(&input, &json!({}));
    let svc = kind(&docs, "Service");
    assert_eq!(
        svc["spec"],
        json!({
            "ipFamilyPolicy": "PreferDualStack",
            "ports": [
                {"name": "status-port", "port": 15021, "protocol": "TCP", "appProtocol": "tcp"},
                {"name": "http", "port": 80, "protocol": "TCP", "appProtocol": "http"},
                {"name": "mcp", "port": 3000, "protocol": "TCP", "appProtocol": "http"},
            ],
            "selector": {GATEWAY_NAME_LABEL: "agw"},
            "loadBalancerIP": "203.0.113.7",
            "type": "LoadBalancer",
        })
    );
    // An address is only requested from a load balancer.
    let docs = render(&with(input, json!({"ServiceType": "ClusterIP"})), &json!({}));
    let spec = &kind(&docs, "Service")["spec"];
    assert_eq!((spec.get("loadBalancerIP"), &spec["type"]), (None, &json!("ClusterIP")));
}

#[test]
fn gateway_annotations_and_identity_choose_image_and_user() {
    let image = |input: Value| container(&render(&input, &json!({})))["image"].clone();
    let annotated = |value: &str| {
        with(fixture(), json!({"ObjectMeta": {"Annotations": {"gateway.istio.io/agentgatewayImage": value}}}))
    };
    // A full reference is used as is; a bare value is only a variant the controller already applied.
    assert_eq!(image(annotated("example.com/agw:dev")), "example.com/agw:dev");
    assert_eq!(image(annotated("distroless")), fixture()["AgentgatewayImage"]);
    // The same holds for the values' image.
    let docs = render(&fixture(), &json!({"global": {"agentgateway": {"image": "mirror.example/agentgateway:x"}}}));
    assert_eq!(container(&docs)["image"], "mirror.example/agentgateway:x");

    // No proxy identity from the controller: agentgateway's own user.
    let docs = render(&with(fixture(), json!({"ProxyUID": 0, "ProxyGID": 0})), &json!({}));
    assert_eq!(container(&docs)["securityContext"]["runAsUser"], 10101);
    assert_eq!(container(&docs)["securityContext"]["runAsGroup"], 10101);

    // Without a network label the mesh-wide network is used, and without either there is none.
    let unlabelled = with(fixture(), json!({"InfrastructureLabels": {"topology.istio.io/network": ""}}));
    assert_eq!(env_value(&render(&unlabelled, &json!({})), "NETWORK"), None);
    let docs = render(&unlabelled, &json!({"global": {"network": "net-west"}}));
    assert_eq!(env_value(&docs, "NETWORK"), Some(json!("net-west")));
}

#[test]
fn values_shape_the_pod() {
    let input = fixture();
    let docs = render(&input, &json!({"revision": "canary", "global": {"multiCluster": {"clusterName": "east"}}}));
    assert_eq!(env_value(&docs, "CA_ADDRESS"), Some(json!("istiod-canary.istio-system.svc:15012")));
    assert_eq!(env_value(&docs, "CLUSTER_ID"), Some(json!("east")));
    let docs = render(
        &input,
        &json!({"global": {"caAddress": "ca.example:443", "imagePullPolicy": "Always", "imagePullSecrets": ["pull-a", "pull-b"]}}),
    );
    assert_eq!(env_value(&docs, "CA_ADDRESS"), Some(json!("ca.example:443")));
    assert_eq!(container(&docs)["imagePullPolicy"], "Always");
    let pod = kind(&docs, "Deployment").pointer("/spec/template/spec").expect("pod spec");
    assert_eq!(pod["imagePullSecrets"], json!([{"name": "pull-a"}, {"name": "pull-b"}]));

    // The trust bundle comes from ClusterTrustBundles when istiod publishes them.
    let docs = render(&input, &json!({"pilot": {"env": {"ENABLE_CLUSTER_TRUST_BUNDLE_API": true}}}));
    assert_eq!(
        volume(&docs, "istiod-ca-cert").and_then(|v| v.pointer("/projected/sources/0/clusterTrustBundle")),
        Some(&json!({"name": "istio.io:istiod-ca:root-cert", "path": "root-cert.pem"}))
    );
    // Certificates not from istiod: no istiod root certificate volume.
    let docs = render(&input, &json!({"global": {"pilotCertProvider": "kubernetes"}}));
    assert_eq!(volume(&docs, "istiod-ca-cert"), None);

    // A gateways security context replaces the default one; a seccomp profile joins the default.
    let docs = render(&input, &json!({"gateways": {"securityContext": {"runAsNonRoot": true}}}));
    let pod = kind(&docs, "Deployment").pointer("/spec/template/spec").expect("pod spec");
    assert_eq!(pod["securityContext"], json!({"runAsNonRoot": true}));
    let docs = render(&input, &json!({"gateways": {"seccompProfile": {"type": "RuntimeDefault"}}}));
    let pod = kind(&docs, "Deployment").pointer("/spec/template/spec").expect("pod spec");
    assert_eq!(pod["securityContext"]["seccompProfile"], json!({"type": "RuntimeDefault"}));
    assert_eq!(pod["securityContext"]["sysctls"][0]["value"], "0");

    let docs = render(
        &input,
        &json!({"global": {"proxy": {"lifecycle": {"preStop": {"exec": {"command": ["sleep", "5"]}}}}}}),
    );
    assert_eq!(container(&docs)["lifecycle"], json!({"preStop": {"exec": {"command": ["sleep", "5"]}}}));
}

/// A mesh config whose default proxy config carries metadata and another XDS address, in another trust domain.
fn mesh_patch() -> Value {
    json!({
        "trustDomain": "example.org",
        "defaultConfig": {"discoveryAddress": "istiod.mesh.example:15012", "proxyMetadata": {"B_FLAG": "on", "A_LEVEL": "2"}},
    })
}

#[test]
fn the_mesh_config_points_at_istiod_and_adds_metadata() {
    let docs = render_with(ours(), &fixture(), &json!({ "mesh": mesh_patch() })).unwrap_or_else(|e| panic!("{e}"));
    let names: Vec<String> = env(&docs).into_iter().map(|(n, _)| n).collect();
    let tail: Vec<&str> = names.iter().skip(10).map(String::as_str).collect();
    assert_eq!(tail, ["TRUST_DOMAIN", "A_LEVEL", "B_FLAG", "XDS_ADDRESS", "CA_ADDRESS"]);
    assert_eq!(env_value(&docs, "TRUST_DOMAIN"), Some(json!("example.org")));
    assert_eq!(env_value(&docs, "A_LEVEL"), Some(json!("2")));
    assert_eq!(env_value(&docs, "XDS_ADDRESS"), Some(json!("istiod.mesh.example:15012")));
}

/// Data variants both templates are rendered with: (change to the Gateway data, change to the control
/// plane as `{"values": …, "mesh": …}`).
fn variants() -> Vec<(Value, Value)> {
    let values = |v: Value| json!({ "values": v });
    vec![
        (json!({}), json!({})),
        (
            json!({"ServiceType": "ClusterIP", "ProxyUID": 0, "ProxyGID": 0, "Revision": "canary"}),
            values(json!({"revision": "canary"})),
        ),
        (
            json!({
                "ObjectMeta": {"Annotations": {"gateway.istio.io/agentgatewayImage": "example.com/agw:dev"}},
                "InfrastructureLabels": {"topology.istio.io/network": ""},
            }),
            values(json!({"global": {
                "caAddress": "ca.example:443", "imagePullPolicy": "Always", "imagePullSecrets": ["pull-a"],
                "network": "net-west", "multiCluster": {"clusterName": "east"},
            }})),
        ),
        (
            json!({"ObjectMeta": {"Annotations": {"gateway.istio.io/agentgatewayImage": "distroless"}}}),
            values(json!({"global": {"agentgateway": {"image": "mirror.example/agentgateway:x"}}})),
        ),
        (
            json!({}),
            values(
                json!({"pilot": {"env": {"ENABLE_CLUSTER_TRUST_BUNDLE_API": true}}, "global": {"trustBundleName": "bundle"}}),
            ),
        ),
        (
            json!({}),
            values(json!({"global": {
                "pilotCertProvider": "kubernetes",
                "proxy": {"resources": null, "lifecycle": {"preStop": {"exec": {"command": ["sleep", "5"]}}}},
            }})),
        ),
        (json!({}), values(json!({"gateways": {"securityContext": {"runAsNonRoot": true}}}))),
        (json!({}), values(json!({"gateways": {"seccompProfile": {"type": "RuntimeDefault"}}}))),
        (json!({}), json!({ "mesh": mesh_patch() })),
        (json!({}), values(json!({"revision": null}))),
    ]
}

/// Control-plane changes both templates fail on (Go's `eq` refuses to compare a string with a bool).
fn failing_variants() -> Vec<Value> {
    vec![json!({"values": {"pilot": {"env": {"ENABLE_CLUSTER_TRUST_BUNDLE_API": "true"}}}})]
}

#[test]
fn upstream_renders_the_same_objects() {
    let Some(upstream) = std::env::var_os("UPSTREAM_MANIFESTS") else {
        eprintln!("skipping: UPSTREAM_MANIFESTS (upstream's manifests/ folder) is not set");
        return;
    };
    let path = PathBuf::from(upstream).join(TEMPLATE_FILE);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let theirs = parse(&text);
    for (input_patch, patch) in variants() {
        let input = with(fixture(), input_patch.clone());
        let expected = Value::Array(render_with(&theirs, &input, &patch).unwrap_or_else(|e| panic!("{e}")));
        let got = Value::Array(render_with(ours(), &input, &patch).unwrap_or_else(|e| panic!("{e}")));
        if let Some(diff) = charts_common::first_difference("", &expected, &got) {
            panic!("data {input_patch}, control plane {patch}: {diff}");
        }
    }
    for patch in failing_variants() {
        let (theirs, ours) = (render_with(&theirs, &fixture(), &patch), render_with(ours(), &fixture(), &patch));
        assert!(theirs.is_err() && ours.is_err(), "control plane {patch}: upstream {theirs:?}, ours {ours:?}");
    }
}
