use serde_json::json;

use super::*;

fn deployment_ref() -> ObjectRef {
    ObjectRef::new(Kind::new("apps/v1", "Deployment"), Some("istio-system"), "istiod")
}

fn labels() -> Vec<(String, String)> {
    vec![("operator.istio.io/component".into(), "Pilot".into())]
}

fn deployment(available: i64, component: &str) -> Value {
    json!({"apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {"name": "istiod", "namespace": "istio-system", "generation": 1,
            "labels": {"operator.istio.io/component": component}},
        "spec": {"replicas": 1, "selector": {}, "template": {}},
        "status": {"observedGeneration": 1, "updatedReplicas": available, "availableReplicas": available}})
}

#[test]
fn objects_must_be_present_labelled_and_ready() {
    let t = deployment_ref();
    let c = check_object(&t, &labels(), None, "istioctl install");
    assert_eq!(
        (c.ok, c.name.as_str(), c.detail.as_str()),
        (false, "Deployment istio-system/istiod", "missing from the cluster")
    );
    assert_eq!(c.hint.as_deref(), Some("install it again: istioctl install"));

    let c = check_object(&t, &labels(), Some(&deployment(1, "Pilot")), "x");
    assert!(c.ok && c.detail == "present and ready", "{c:?}");

    let c = check_object(&t, &labels(), Some(&deployment(0, "Pilot")), "x");
    assert!(!c.ok && c.detail == "present but not ready", "{c:?}");
    assert_eq!(c.hint.as_deref(), Some("inspect it: kubectl describe deployment istiod -n istio-system"));

    let c = check_object(&t, &labels(), Some(&deployment(1, "Base")), "x");
    assert!(!c.ok && c.detail.ends_with("operator.istio.io/component (want Pilot, have Base)"), "{c:?}");

    let cm = ObjectRef::new(Kind::new("v1", "ConfigMap"), Some("istio-system"), "istio");
    let c = check_object(&cm, &[], Some(&json!({"kind": "ConfigMap"})), "x");
    assert!(c.ok && c.detail == "present", "{c:?}");
}

#[test]
fn tls_settings_must_match_the_operator() {
    let tls13 = effective_mesh_tls(
        &json!({"spec": {"values": {"meshConfig": {"meshMTLS": {"minProtocolVersion": "TLSV1_3"}}}}}),
    );
    let auto = effective_mesh_tls(&json!({}));
    let checks = tls_checks(Ok(tls13.clone()), &tls13, "ConfigMap istio-system/istio", "x");
    assert!(checks.iter().all(|c| c.ok));
    assert_eq!(checks[0].detail, "minProtocolVersion TLSV1_3 (Envoy minimum TLSv1_3, maximum TLSv1_3)");
    let checks = tls_checks(Ok(auto), &tls13, "ConfigMap istio-system/istio", "x");
    assert!(!checks[0].ok && checks[1].ok);
    assert!(checks[0].detail.starts_with("cluster has minProtocolVersion TLS_AUTO"), "{}", checks[0].detail);
    let checks = tls_checks(Err("not found".into()), &tls13, "ConfigMap istio-system/istio", "x");
    assert_eq!(checks.len(), 1);
    assert_eq!(checks[0].detail, "cannot read ConfigMap istio-system/istio: not found");
}
