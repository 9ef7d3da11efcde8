//! Our embedded control-plane charts (`manifests/charts/`): layout, release facts and the files that Helm's
//! chart layout forces us to keep in several charts, which must stay identical.

mod charts_common;

use istioctl::manifests::ManifestSource;

/// Release facts every chart must carry (what the released istioctl 1.30.3 prints).
const VERSION: &str = "1.30.3";
const HUB: &str = "docker.io/istio";

/// Chart directories (upstream's names, so `--manifests` may point at upstream's folder) and chart names.
const CHARTS: &[(&str, &str)] = &[
    ("base", "base"),
    ("istio-control/istio-discovery", "istiod"),
    ("gateways/istio-ingress", "istio-ingress"),
    ("gateways/istio-egress", "istio-egress"),
    ("istio-cni", "cni"),
    ("ztunnel", "ztunnel"),
    ("default", "istio-default"),
];

/// Charts with no workload, hence no image settings.
const CHARTS_WITHOUT_IMAGES: &[&str] = &["base", "default"];

/// Injection templates istiod's chart reads from its `files/`.
const INJECTION_TEMPLATES: &[&str] = &[
    "injection-template.yaml",
    "gateway-injection-template.yaml",
    "grpc-simple.yaml",
    "grpc-agent.yaml",
    "waypoint.yaml",
    "kube-gateway.yaml",
    "agentgateway.yaml",
];

fn read(rel: &str) -> String {
    ManifestSource::Embedded.read(rel).unwrap_or_else(|e| panic!("{e}"))
}

fn yaml(rel: &str) -> goyaml::Value {
    goyaml::parse(&read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn list(rel_dir: &str) -> Vec<String> {
    ManifestSource::Embedded.list(rel_dir).unwrap_or_else(|e| panic!("{e}"))
}

/// Names of the files directly in `charts/<chart>/<sub>` whose name starts with `prefix`.
fn files_in(chart: &str, sub: &str, prefix: &str) -> Vec<String> {
    let dir = format!("charts/{chart}/{sub}/");
    list(&format!("charts/{chart}/{sub}"))
        .into_iter()
        .filter_map(|p| p.strip_prefix(&dir).map(str::to_string))
        .filter(|name| !name.contains('/') && name.starts_with(prefix))
        .collect()
}

#[test]
fn every_chart_carries_the_release_version_and_name() {
    for (dir, name) in CHARTS {
        let chart = yaml(&format!("charts/{dir}/Chart.yaml"));
        assert_eq!(chart["apiVersion"], "v2", "{dir}");
        assert_eq!(chart["name"], *name, "{dir}");
        assert_eq!(chart["version"], VERSION, "{dir}");
        assert_eq!(chart["appVersion"], VERSION, "{dir}");
    }
}

#[test]
fn chart_defaults_sit_under_the_internal_key_only() {
    for (dir, _) in CHARTS {
        let values = yaml(&format!("charts/{dir}/values.yaml"));
        let keys: Vec<&String> = values.as_object().map(|m| m.keys().collect()).unwrap_or_default();
        assert_eq!(keys, ["_internal_defaults_do_not_set"], "{dir}");
    }
}

#[test]
fn default_images_are_the_released_ones() {
    for (dir, _) in CHARTS.iter().filter(|(dir, _)| !CHARTS_WITHOUT_IMAGES.contains(dir)) {
        let values = yaml(&format!("charts/{dir}/values.yaml"));
        let defaults = &values["_internal_defaults_do_not_set"];
        // ztunnel reads its image settings at the top level; every other chart under `global`.
        let images = if *dir == "ztunnel" { defaults } else { &defaults["global"] };
        assert_eq!(images["hub"], HUB, "{dir}");
        assert_eq!(images["tag"], VERSION, "{dir}");
    }
}

#[test]
fn shared_files_are_identical_in_every_chart() {
    let (first, _) = CHARTS[0];
    let profiles = files_in(first, "files", "profile-");
    assert!(profiles.iter().any(|p| p == "profile-demo.yaml"), "{profiles:?}");
    assert!(profiles.iter().any(|p| p.starts_with("profile-compatibility-version-")), "{profiles:?}");
    assert!(profiles.iter().any(|p| p.starts_with("profile-platform-")), "{profiles:?}");
    for (dir, _) in CHARTS {
        assert_eq!(files_in(dir, "files", "profile-"), profiles, "{dir}");
        let mut shared: Vec<String> = profiles.iter().map(|p| format!("files/{p}")).collect();
        shared.push("templates/zzz_profile.yaml".to_string());
        for file in shared {
            assert_eq!(read(&format!("charts/{dir}/{file}")), read(&format!("charts/{first}/{file}")), "{dir}/{file}");
        }
    }
    let policy = "templates/_stable_policy.tpl";
    assert_eq!(read(&format!("charts/base/{policy}")), read(&format!("charts/istio-control/istio-discovery/{policy}")));
}

#[test]
fn ingress_and_egress_share_every_template_but_their_identity() {
    let ingress = files_in("gateways/istio-ingress", "templates", "");
    assert_eq!(ingress, files_in("gateways/istio-egress", "templates", ""));
    assert!(ingress.iter().any(|t| t == "deployment.yaml"), "{ingress:?}");
    for template in ingress.iter().filter(|t| *t != "_gateway.tpl") {
        assert_eq!(
            read(&format!("charts/gateways/istio-ingress/templates/{template}")),
            read(&format!("charts/gateways/istio-egress/templates/{template}")),
            "{template}"
        );
    }
    for (chart, key) in [("istio-ingress", "istio-ingressgateway"), ("istio-egress", "istio-egressgateway")] {
        let identity = read(&format!("charts/gateways/{chart}/templates/_gateway.tpl"));
        assert!(identity.contains(&format!("{{{{- define \"gateway.key\" }}}}{key}{{{{ end }}}}")), "{chart}");
        let values = yaml(&format!("charts/gateways/{chart}/values.yaml"));
        assert_eq!(values["_internal_defaults_do_not_set"]["gateways"][key]["name"], key, "{chart}");
    }
}

#[test]
fn istiod_has_every_injection_template() {
    let files = files_in("istio-control/istio-discovery", "files", "");
    for template in INJECTION_TEMPLATES {
        assert!(files.iter().any(|f| f == template), "missing files/{template}");
    }
    let configmap = read("charts/istio-control/istio-discovery/templates/istiod-injector-configmap.yaml");
    for template in INJECTION_TEMPLATES {
        assert!(configmap.contains(&format!("\"files/{template}\"")), "injector ConfigMap does not read {template}");
    }
}

#[test]
fn crd_facts_describe_istios_fifteen_crds() {
    let facts = yaml("charts/base/files/crds.yaml");
    let crds = facts["crds"].as_array().cloned().unwrap_or_default();
    let mut names: Vec<String> = crds
        .iter()
        .map(|c| format!("{}.{}", c["plural"].as_str().unwrap_or("?"), c["group"].as_str().unwrap_or("?")))
        .collect();
    names.sort();
    assert_eq!(names, charts_common::ISTIO_CRDS);
    for crd in &crds {
        let versions = crd["versions"].as_array().cloned().unwrap_or_default();
        assert!(versions.contains(&crd["storage"]), "{crd}: storage version is not served");
        if let Some(age) = crd["age"].as_str() {
            assert!(facts["ageDescriptions"][age].is_string(), "{crd}: unknown age wording {age}");
        }
    }
}
