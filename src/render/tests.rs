use super::*;
use serde_json::json;

fn comp(name: ComponentName) -> Component {
    ALL_COMPONENTS.iter().copied().find(|c| c.name == name).unwrap()
}

#[test]
fn gateway_values_get_name_labels_ports_and_image() {
    let merged =
        json!({"spec": {"values": {"gateways": {"istio-ingressgateway": {"labels": {"old": "x"}, "tag": "t0"}}}}});
    let spec = ComponentSpec {
        name: "gw".into(),
        hub: "my.hub".into(),
        tag: Some(json!(1.5)),
        labels: json!({"app": "gw"}).as_object().cloned().unwrap(),
        k8s: Some(json!({"service": {"ports": [{"port": 80, "name": "http"}, {"port": 443, "targetPort": "https", "nodePort": 0}]}})
            .as_object()
            .cloned()
            .unwrap()),
        ..ComponentSpec::default()
    };
    let values = component_values(&comp(ComponentName::IngressGateways), &spec, &merged).unwrap();
    assert_eq!(
        values["gateways"]["istio-ingressgateway"],
        json!({
            "labels": {"app": "gw"},
            "tag": 1.5,
            "name": "gw",
            "ports": [{"name": "http", "port": 80, "targetPort": 0}, {"port": 443, "targetPort": "https"}],
            "hub": "my.hub"
        })
    );
}

#[test]
fn ztunnel_values_are_flattened() {
    let merged = json!({"spec": {"values": {
        "global": {"hub": "h"}, "revision": "", "profile": "ambient", "meshConfig": {"a": 1},
        "ztunnel": {"resourceName": "ztunnel", "profile": "override"}
    }}});
    let values = component_values(&comp(ComponentName::Ztunnel), &ComponentSpec::default(), &merged).unwrap();
    assert_eq!(
        Value::Object(values),
        json!({"global": {"hub": "h"}, "revision": "", "profile": "override", "resourceName": "ztunnel"})
    );
}

#[test]
fn other_components_see_values_as_is() {
    let merged = json!({"spec": {"values": {"pilot": {"x": 1}}}});
    let values = component_values(&comp(ComponentName::Pilot), &ComponentSpec::default(), &merged).unwrap();
    assert_eq!(Value::Object(values), json!({"pilot": {"x": 1}}));
}

#[test]
fn component_tags_are_typed_like_set_flags() {
    assert_eq!(set_flag_value("pilot", "tag", "12"), json!(12));
    assert_eq!(set_flag_value("pilot", "tag", "1.30"), json!(1.3));
    assert_eq!(set_flag_value("pilot", "tag", "1.30.3"), json!("1.30.3"));
}

#[test]
fn kindless_documents_are_skipped() {
    let docs = vec!["# just a comment".to_string(), "kind: A\nmetadata: {name: a}".to_string(), "a: 1".to_string()];
    let objs = parse_objects(ComponentName::Base, &docs).unwrap();
    assert_eq!(objs, [json!({"kind": "A", "metadata": {"name": "a"}})]);
    assert!(parse_objects(ComponentName::Base, &["a: [".to_string()]).is_err());
}

#[test]
fn printing_orders_across_components() {
    let rendered = Rendered {
        components: vec![
            ComponentManifests {
                component: ComponentName::Base,
                objects: vec![Object {
                    value: json!({"apiVersion": "v1", "kind": "Service", "metadata": {"name": "s"}}),
                    component: ComponentName::Base,
                }],
            },
            ComponentManifests {
                component: ComponentName::Pilot,
                objects: vec![Object {
                    value: json!({"apiVersion": "v1", "kind": "ServiceAccount", "metadata": {"name": "a"}}),
                    component: ComponentName::Pilot,
                }],
            },
        ],
        ..Rendered::default()
    };
    assert_eq!(
        print_manifest(&rendered),
        "apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: a\n\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: s\n\n---\n"
    );
}

fn write_chart(root: &std::path::Path, dir: &str, name: &str, template: &str) {
    let chart = root.join("charts").join(dir);
    std::fs::create_dir_all(chart.join("templates")).unwrap();
    std::fs::write(chart.join("Chart.yaml"), format!("name: {name}\nversion: 1.0.0\n")).unwrap();
    std::fs::write(chart.join("templates/t.yaml"), template).unwrap();
}

#[test]
fn components_render_in_order_and_the_first_failure_wins() {
    let dir = tempfile::tempdir().unwrap();
    write_chart(dir.path(), "base", "base", "kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: b\n");
    write_chart(dir.path(), "istio-control/istio-discovery", "istiod", "{{ fail \"pilot broke\" }}");
    write_chart(dir.path(), "gateways/istio-ingress", "gw", "{{ fail \"gateway broke\" }}");
    let source = ManifestSource::Dir(dir.path().to_path_buf());
    let merged = json!({"metadata": {"namespace": "ns"}, "spec": {"components": {"ingressGateways": [{"name": "g"}]}}});
    let err = render_merged(&merged, &source, &KubeVersion::default()).unwrap_err();
    assert!(err.to_string().contains("pilot broke"), "{err}");
    // Without Pilot, the gateway's failure is the first.
    let merged = json!({"spec": {"components": {"pilot": {"enabled": false}}}});
    let err = render_merged(&merged, &source, &KubeVersion::default()).unwrap_err();
    assert!(err.to_string().contains("gateway broke"), "{err}");
    // With only Base, objects come out grouped per component, in the chart's namespace.
    let merged = json!({"spec": {"components": {"pilot": {"enabled": false}, "ingressGateways": []}}});
    let rendered = render_merged(&merged, &source, &KubeVersion::default()).unwrap();
    assert_eq!(rendered.components.len(), 1);
    assert_eq!(rendered.components[0].component, ComponentName::Base);
    assert_eq!(rendered.objects().map(Object::name).collect::<Vec<_>>(), ["b"]);
}
