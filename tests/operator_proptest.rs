//! Property tests: the front end never panics on any YAML or `--set` input, and the merge keeps istioctl's
//! `MergeFrom` laws.

use istioctl::operator::{load_from_str, merge_values, parse_set_value, set_path};
use proptest::prelude::*;
use serde_json::{Map, Value};

/// Words that steer random input into the interesting parts of the schema.
const WORDS: &[&str] = &[
    "spec",
    "values",
    "global",
    "hub",
    "tag",
    "revision",
    "profile",
    "meshConfig",
    "meshMTLS",
    "tlsDefaults",
    "minProtocolVersion",
    "ecdhCurves",
    "cipherSuites",
    "components",
    "pilot",
    "cni",
    "ztunnel",
    "base",
    "ingressGateways",
    "egressGateways",
    "k8s",
    "enabled",
    "name",
    "service",
    "ports",
    "targetPort",
    "defaultConfig",
    "proxyMetadata",
    "unvalidatedValues",
    "metadata",
    "namespace",
    "gateways",
    "istio-ingressgateway",
    "tolerations",
    "replicaCount",
    "autoscaleEnabled",
    "proxy",
    "includeIPRanges",
    "apiVersion",
    "kind",
    "demo",
    "ambient",
    "x",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::sample::select(WORDS).prop_map(str::to_string),
        1 => "[a-zA-Z0-9_.\\-\\[\\]:\\\\/]{0,8}",
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (-1e6f64..1e6).prop_map(Value::from),
        word().prop_map(Value::String),
        proptest::sample::select(&["TLSV1_1", "TLSV1_3", "P-256", "10.0.0.0/8", "80,x", "1.30", "Docker.io"][..])
            .prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(4, 40, 6, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec((word(), inner), 0..5)
                .prop_map(|kv| Value::Object(kv.into_iter().collect::<Map<String, Value>>())),
        ]
    })
}

fn set_flag() -> impl Strategy<Value = String> {
    let seg = prop_oneof![
        4 => word(),
        1 => (0usize..4).prop_map(|i| format!("[{i}]")),
        1 => word().prop_map(|w| format!("[name:{w}]")),
        1 => Just("a\\.b".to_string()),
    ];
    (proptest::collection::vec(seg, 0..6), proptest::option::of("[a-zA-Z0-9_.,=\\\\ -]{0,10}")).prop_map(|(segs, v)| {
        let path = segs.join(".");
        match v {
            Some(v) => format!("{path}={v}"),
            None => path,
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in "[ -~\\n\\t]{0,200}", flags in proptest::collection::vec(set_flag(), 0..3)) {
        let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
        let _ = load_from_str(&text, &flags);
    }

    #[test]
    fn structured_documents_never_panic(doc in json_value(), flags in proptest::collection::vec(set_flag(), 0..4)) {
        let wrapped = serde_json::json!({"apiVersion": "install.istio.io/v1alpha1", "kind": "IstioOperator", "spec": doc});
        let yaml = goyaml::to_string(&wrapped);
        let flags: Vec<&str> = flags.iter().map(String::as_str).collect();
        let _ = load_from_str(&yaml, &flags);
        // Also as a bare document.
        let _ = load_from_str(&goyaml::to_string(&doc), &flags);
    }

    #[test]
    fn set_path_never_panics(doc in json_value(), flag in set_flag()) {
        let mut tree = doc;
        let (p, v) = flag.split_once('=').unwrap_or((&flag, ""));
        let _ = set_path(&mut tree, p, parse_set_value(p, v));
    }

    #[test]
    fn merge_overlay_wins_and_base_keys_survive(base in json_value(), overlay in json_value()) {
        let mut merged = base.clone();
        merge_values(&mut merged, &overlay);
        match (&base, &overlay) {
            (Value::Object(b), Value::Object(o)) => {
                let m = merged.as_object().expect("object stays object");
                for k in b.keys() { prop_assert!(m.contains_key(k)); }
                for (k, v) in o {
                    let both_objects = v.is_object() && b.get(k).is_some_and(Value::is_object);
                    if !both_objects { prop_assert_eq!(m.get(k), Some(v)); }
                }
            }
            _ => prop_assert_eq!(&merged, &overlay),
        }
        // Merging the same overlay twice changes nothing more.
        let mut again = merged.clone();
        merge_values(&mut again, &overlay);
        prop_assert_eq!(again, merged);
    }
}
