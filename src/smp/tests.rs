use super::*;
use proptest::prelude::*;
use serde_json::json;

fn deployment_with_env(names: &[&str]) -> Value {
    let env: Vec<Value> = names.iter().map(|n| json!({"name": n, "value": "orig"})).collect();
    json!({"kind": "Deployment", "spec": {"template": {"spec": {"containers": [
        {"name": "discovery", "env": env, "image": "a"},
        {"name": "other", "image": "b"}
    ]}}}})
}

fn env_names(v: &Value) -> Vec<String> {
    v.pointer("/spec/template/spec/containers/0/env")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|e| e["name"].as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

fn patch_env(env: Value) -> Value {
    json!({"spec": {"template": {"spec": {"containers": [{"name": "discovery", "env": env}]}}}})
}

#[test]
fn env_merges_by_name_in_apimachinery_order() {
    // The istiod case of upstream's pilot_k8s_settings golden.
    let orig = deployment_with_env(&["REVISION", "PILOT_CERT_PROVIDER", "POD_NAME", "POD_NAMESPACE", "KUBECONFIG"]);
    let patch = patch_env(json!([
        {"name": "POD_NAME", "valueFrom": {"fieldRef": {"fieldPath": "new.path"}}},
        {"name": "GODEBUG", "value": "gctrace=111"},
        {"name": "NEW_VAR", "value": "new_value"}
    ]));
    let out = strategic_merge_patch(&orig, &patch, Schema::for_kind("Deployment")).unwrap();
    assert_eq!(
        env_names(&out),
        ["REVISION", "PILOT_CERT_PROVIDER", "POD_NAME", "GODEBUG", "NEW_VAR", "POD_NAMESPACE", "KUBECONFIG"]
    );
    let pod_name = &out.pointer("/spec/template/spec/containers/0/env/2").unwrap();
    // Merged, so the original `value` stays next to the patched `valueFrom`.
    assert_eq!(pod_name["value"], "orig");
    assert_eq!(pod_name["valueFrom"]["fieldRef"]["fieldPath"], "new.path");
    // The untouched container and fields survive.
    assert_eq!(out.pointer("/spec/template/spec/containers/1/image").unwrap(), "b");
    assert_eq!(out.pointer("/spec/template/spec/containers/0/image").unwrap(), "a");
}

#[test]
fn new_items_only_go_first() {
    let orig = deployment_with_env(&["A", "B"]);
    let out =
        strategic_merge_patch(&orig, &patch_env(json!([{"name": "C", "value": "x"}])), Schema::for_kind("Deployment"))
            .unwrap();
    assert_eq!(env_names(&out), ["C", "A", "B"]);
}

#[test]
fn untyped_lists_are_replaced() {
    let orig =
        json!({"kind": "Deployment", "spec": {"template": {"spec": {"tolerations": [{"key": "a"}, {"key": "b"}]}}}});
    let patch = json!({"spec": {"template": {"spec": {"tolerations": [{"key": "c"}]}}}});
    let out = strategic_merge_patch(&orig, &patch, Schema::for_kind("Deployment")).unwrap();
    assert_eq!(out.pointer("/spec/template/spec/tolerations").unwrap(), &json!([{"key": "c"}]));
    // HPA metrics are atomic too.
    let hpa = json!({"kind": "HorizontalPodAutoscaler", "spec": {"metrics": [{"type": "Resource"}], "minReplicas": 1}});
    let out =
        strategic_merge_patch(&hpa, &json!({"spec": {"metrics": [{"type": "Pods"}]}}), Schema::for_kind("x")).unwrap();
    assert_eq!(
        out,
        json!({"kind": "HorizontalPodAutoscaler", "spec": {"metrics": [{"type": "Pods"}], "minReplicas": 1}})
    );
}

#[test]
fn null_deletes_and_unmatched_nulls_vanish() {
    let orig = json!({"spec": {"a": 1, "b": 2}});
    let patch = json!({"spec": {"a": null, "c": null, "d": {"e": null, "f": 1}}});
    let out = strategic_merge_patch(&orig, &patch, Schema::Opaque).unwrap();
    assert_eq!(out, json!({"spec": {"b": 2, "d": {"f": 1}}}));
}

#[test]
fn patch_directives() {
    let orig = json!({"spec": {"selector": {"a": 1, "b": 2}, "keep": {"x": 1}}});
    let out =
        strategic_merge_patch(&orig, &json!({"spec": {"selector": {"$patch": "replace", "c": 3}}}), Schema::Opaque)
            .unwrap();
    assert_eq!(out, json!({"spec": {"selector": {"c": 3}, "keep": {"x": 1}}}));
    let out =
        strategic_merge_patch(&orig, &json!({"spec": {"selector": {"$patch": "delete"}}}), Schema::Opaque).unwrap();
    assert_eq!(out, json!({"spec": {"selector": {}, "keep": {"x": 1}}}));
    let err = strategic_merge_patch(&orig, &json!({"spec": {"selector": {"$patch": "bogus"}}}), Schema::Opaque);
    assert!(matches!(err, Err(SmpError::BadPatchType { .. })));

    let orig = deployment_with_env(&["A", "B", "C"]);
    let out = strategic_merge_patch(
        &orig,
        &patch_env(json!([{"name": "B", "$patch": "delete"}])),
        Schema::for_kind("Deployment"),
    )
    .unwrap();
    assert_eq!(env_names(&out), ["A", "C"]);
    let out = strategic_merge_patch(
        &orig,
        &patch_env(json!([{"$patch": "replace"}, {"name": "Z", "value": "1"}])),
        Schema::for_kind("Deployment"),
    )
    .unwrap();
    assert_eq!(env_names(&out), ["Z"]);
    let err = strategic_merge_patch(&orig, &patch_env(json!([{"value": "1"}])), Schema::for_kind("Deployment"));
    assert!(matches!(err, Err(SmpError::NoMergeKey { .. })));
}

#[test]
fn retain_keys_and_primitive_lists() {
    let orig = json!({"spec": {"strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxSurge": 1}}}});
    let patch = json!({"spec": {"strategy": {"$retainKeys": ["type"], "type": "Recreate"}}});
    let out = strategic_merge_patch(&orig, &patch, Schema::for_kind("Deployment")).unwrap();
    assert_eq!(out, json!({"spec": {"strategy": {"type": "Recreate"}}}));

    let orig = json!({"metadata": {"finalizers": ["a", "b"]}});
    let out =
        strategic_merge_patch(&orig, &json!({"metadata": {"finalizers": ["c", "a"]}}), Schema::for_kind("x")).unwrap();
    assert_eq!(out, json!({"metadata": {"finalizers": ["c", "a", "b"]}}));
    let out = strategic_merge_patch(
        &orig,
        &json!({"metadata": {"$deleteFromPrimitiveList/finalizers": ["a"]}}),
        Schema::for_kind("x"),
    )
    .unwrap();
    assert_eq!(out, json!({"metadata": {"finalizers": ["b"]}}));
}

#[test]
fn service_ports_merge_by_port_with_numeric_keys() {
    let orig =
        json!({"kind": "Service", "spec": {"ports": [{"port": 80, "name": "http"}, {"port": 443, "name": "https"}]}});
    let patch = json!({"spec": {"ports": [{"port": 443.0, "nodePort": 30443}]}});
    let out = strategic_merge_patch(&orig, &patch, Schema::for_kind("Service")).unwrap();
    assert_eq!(out.pointer("/spec/ports/1/nodePort").unwrap(), 30443);
    assert_eq!(out.pointer("/spec/ports/1/name").unwrap(), "https");
    assert_eq!(out.pointer("/spec/ports").and_then(Value::as_array).map(Vec::len), Some(2));
}

#[test]
fn non_objects_are_rejected() {
    assert!(strategic_merge_patch(&json!([]), &json!({}), Schema::Opaque).is_err());
    assert!(strategic_merge_patch(&json!({}), &json!(1), Schema::Opaque).is_err());
}

fn arb_scalar() -> impl Strategy<Value = Value> {
    prop_oneof![
        any::<i32>().prop_map(|i| json!(i)),
        "[a-c]{0,2}".prop_map(Value::String),
        any::<bool>().prop_map(Value::Bool)
    ]
}

fn arb_tree() -> impl Strategy<Value = Value> {
    arb_scalar().prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            prop::collection::btree_map("[a-d]", inner, 0..4).prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn arb_object() -> impl Strategy<Value = Value> {
    prop::collection::btree_map("[a-d]", arb_tree(), 0..4).prop_map(|m| Value::Object(m.into_iter().collect()))
}

fn arb_env() -> impl Strategy<Value = Vec<Value>> {
    prop::collection::vec(("[A-E]", "[xy]"), 0..5).prop_map(|items| {
        let mut seen = Vec::new();
        items
            .into_iter()
            .filter(|(n, _)| {
                let fresh = !seen.contains(n);
                seen.push(n.clone());
                fresh
            })
            .map(|(n, v)| json!({"name": n, "value": v}))
            .collect()
    })
}

proptest! {
    #[test]
    fn empty_patch_is_identity(orig in arb_object()) {
        prop_assert_eq!(strategic_merge_patch(&orig, &json!({}), Schema::Opaque).unwrap(), orig);
    }

    #[test]
    fn patch_scalars_win_and_patching_is_idempotent(orig in arb_object(), patch in arb_object()) {
        let once = strategic_merge_patch(&orig, &patch, Schema::Opaque).unwrap();
        let twice = strategic_merge_patch(&once, &patch, Schema::Opaque).unwrap();
        prop_assert_eq!(&once, &twice);
        for (k, v) in patch.as_object().unwrap() {
            if !v.is_object() {
                prop_assert_eq!(once.get(k), Some(&discard_nulls(v.clone())));
            }
        }
    }

    #[test]
    fn env_merge_keeps_every_name_once(orig in arb_env(), patch in arb_env()) {
        let names = |v: &[Value]| v.iter().map(|e| e["name"].as_str().unwrap_or_default().to_string()).collect::<Vec<_>>();
        let o = deployment_with_env(&[]);
        let mut o = o;
        o["spec"]["template"]["spec"]["containers"][0]["env"] = Value::Array(orig.clone());
        let out = strategic_merge_patch(&o, &patch_env(Value::Array(patch.clone())), Schema::for_kind("Deployment")).unwrap();
        let got = env_names(&out);
        let mut expected: Vec<String> = names(&orig);
        for n in names(&patch) { if !expected.contains(&n) { expected.push(n); } }
        let mut sorted_got = got.clone();
        sorted_got.sort();
        expected.sort();
        prop_assert_eq!(sorted_got, expected);
        // Patch items keep the patch's relative order, server-only items the server's.
        let pn = names(&patch);
        let in_patch: Vec<&String> = got.iter().filter(|n| pn.contains(n)).collect();
        prop_assert_eq!(in_patch, pn.iter().collect::<Vec<_>>());
        // Each patched value wins.
        let env = out.pointer("/spec/template/spec/containers/0/env").and_then(Value::as_array).unwrap();
        for p in &patch {
            let item = env.iter().find(|e| e["name"] == p["name"]).unwrap();
            prop_assert_eq!(&item["value"], &p["value"]);
        }
    }
}

fn arb_env_patch_item() -> impl Strategy<Value = Value> {
    prop_oneof![
        ("[A-E]", "[xy]").prop_map(|(n, v)| json!({"name": n, "value": v})),
        "[A-E]".prop_map(|n| json!({"name": n, "$patch": "delete"})),
        Just(json!({"$patch": "replace"})),
        Just(json!({"value": "no name"})),
        arb_scalar(),
    ]
}

proptest! {
    #[test]
    fn arbitrary_typed_patches_never_panic(
        orig in arb_env(),
        items in prop::collection::vec(arb_env_patch_item(), 0..5),
        junk in arb_object(),
    ) {
        let mut o = deployment_with_env(&[]);
        o["spec"]["template"]["spec"]["containers"][0]["env"] = Value::Array(orig);
        let _ = strategic_merge_patch(&o, &patch_env(Value::Array(items)), Schema::for_kind("Deployment"));
        let _ = strategic_merge_patch(&o, &json!({"spec": {"template": {"spec": junk.clone()}}}), Schema::for_kind("Deployment"));
        let _ = strategic_merge_patch(&o, &json!({"spec": junk}), Schema::for_kind("Service"));
    }
}
