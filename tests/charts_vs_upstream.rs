//! Our embedded charts against upstream Istio 1.30.3's own charts, for inputs beyond the conformance cases:
//! every profile and many values (revisions, tags, remote clusters, network policies, gateways, CNI and
//! ztunnel settings, ...). Both are rendered by our engine; the objects must be the same, apart from what is
//! ours by design (CRD schemas, built-in injection templates) and the chart version stamped into labels
//! (upstream's git charts say 1.0.0). An input that fails must fail with both, with the same message.
//!
//! Needs `UPSTREAM_MANIFESTS` (the tag's `manifests/` folder; its `charts/` is used with the profiles from
//! `../shared/conformance/manifest/profiles`); skipped otherwise. `CHART_VARIANTS=a,b` limits the run.

use std::path::{Path, PathBuf};

use charts_common::{first_difference, normalize, objects_by_identity};
use istioctl::manifests::ManifestSource;
use istioctl::operator::InstallInputs;
use istioctl::render::{generate, print_manifest};
use serde_json::Value;

mod charts_common;

const PROFILES_DIR: &str = "../shared/conformance/manifest/profiles";
/// The chart version of upstream's git tree, stamped into `app.kubernetes.io/version` and `helm.sh/chart`.
const GIT_CHART_VERSION: &str = "1.0.0";
const RELEASE_VERSION: &str = "1.30.3";

/// Named inputs: `--set` flags and an optional IstioOperator file.
const VARIANTS: &[(&str, &[&str], &str)] = &[
    ("default", &[], ""),
    ("demo", &["profile=demo"], ""),
    ("minimal", &["profile=minimal"], ""),
    ("remote", &["profile=remote"], ""),
    ("ambient", &["profile=ambient"], ""),
    ("preview", &["profile=preview"], ""),
    ("stable", &["profile=stable"], ""),
    ("openshift", &["profile=openshift"], ""),
    ("openshift-ambient", &["profile=openshift-ambient"], ""),
    (
        "revision-everything",
        &["revision=canary", "profile=ambient", "components.egressGateways[0].enabled=true"],
        "spec:\n  components:\n    egressGateways: [{name: istio-egressgateway, enabled: true}]\n    ingressGateways: [{name: istio-ingressgateway, enabled: true}]\n",
    ),
    ("revision-tags", &[], "spec:\n  values:\n    revisionTags: [default, prod]\n    defaultRevision: default\n"),
    (
        "revision-tags-revisioned",
        &["revision=blue"],
        "spec:\n  values:\n    revisionTags: [prod]\n    sidecarInjectorWebhook: {enableNamespacesByDefault: true}\n",
    ),
    (
        "network-policies",
        &["values.global.networkPolicy.enabled=true", "components.cni.enabled=true", "components.ztunnel.enabled=true"],
        "spec:\n  components:\n    egressGateways: [{name: istio-egressgateway, enabled: true}]\n",
    ),
    (
        "disruption-budgets",
        &[
            "values.pilot.autoscaleEnabled=false",
            "values.pilot.replicaCount=3",
            "values.gateways.istio-ingressgateway.autoscaleEnabled=false",
            "values.gateways.istio-ingressgateway.replicaCount=2",
        ],
        "",
    ),
    (
        "pilot-settings",
        &[],
        "spec:\n  values:\n    pilot:\n      env: {A: b, EXTERNAL_ISTIOD: true, PILOT_ENABLE_GATEWAY_API_DEPLOYMENT_CONTROLLER: false}\n      taint: {enabled: true, namespace: kube-system}\n      traceSampling: 0.5\n      jwksResolverExtraRootCA: PEM\n      podLabels: {x: y}\n      deploymentLabels: {d: '1'}\n      nodeSelector: {n: '1'}\n      tolerations: [{key: k, operator: Exists}]\n      seccompProfile: {type: RuntimeDefault}\n      extraContainerArgs: [--foo]\n      volumes: [{name: v, emptyDir: {}}]\n      volumeMounts: [{name: v, mountPath: /v}]\n      ipFamilyPolicy: PreferDualStack\n      ipFamilies: [IPv4, IPv6]\n      serviceAnnotations: {s: a}\n      autoscaleMin: 2\n      memory: {targetAverageUtilization: 70}\n      autoscaleBehavior: {scaleDown: {stabilizationWindowSeconds: 60}}\n    global:\n      externalIstiod: true\n      logAsJson: true\n      priorityClassName: pc\n      imagePullPolicy: Always\n      imagePullSecrets: [s1]\n      multiCluster: {clusterName: c1}\n      meshID: m1\n      network: n1\n      istiod: {enableAnalysis: true}\n      trustBundleName: tb\n      platform: gke\n",
    ),
    ("tracer-zipkin", &["values.global.proxy.tracer=zipkin"], ""),
    (
        "deprecated-settings",
        &["values.global.proxy.concurrency=2", "values.global.tracer.zipkin.address=z:1", "values.pilot.ingress.x=1"],
        "",
    ),
    ("tracer-datadog", &["values.global.proxy.tracer=datadog"], ""),
    ("tracer-lightstep-unset", &["values.global.proxy.tracer=lightstep"], ""),
    ("stackdriver-removed", &["values.global.tracer.stackdriver.debug=true"], ""),
    ("kubernetes-ca", &["values.global.pilotCertProvider=kubernetes"], ""),
    (
        "mesh-config",
        &["meshConfig.accessLogFile=/dev/stdout", "meshConfig.trustDomain=td"],
        "spec:\n  meshConfig:\n    defaultProviders: {metrics: [x]}\n    defaultConfig: {proxyMetadata: {A: '1'}}\n  values:\n    global:\n      meshNetworks: {n1: {endpoints: [{fromRegistry: c1}]}}\n",
    ),
    (
        "remote-ip",
        &["profile=remote", "values.global.remotePilotAddress=10.0.0.1", "values.global.configCluster=true"],
        "",
    ),
    (
        "remote-host",
        &["profile=remote", "values.global.remotePilotAddress=istiod.example.com"],
        "spec:\n  values:\n    istiodRemote: {injectionURL: 'https://x/inject', injectionCABundle: CA}\n",
    ),
    (
        "remote-local-injector",
        &["values.global.remotePilotAddress=fd00::1", "values.istiodRemote.enabled=true"],
        "spec:\n  values:\n    istiodRemote: {enabledLocalInjectorIstiod: true}\n",
    ),
    ("gateway-classes", &[], "spec:\n  values:\n    gatewayClasses: {istio: {service: {spec: {type: ClusterIP}}}}\n"),
    (
        "injector-settings",
        &["values.global.proxy.autoInject=disabled", "values.sidecarInjectorWebhook.reinvocationPolicy=IfNeeded"],
        "spec:\n  values:\n    sidecarInjectorWebhook:\n      neverInjectSelector: [{matchExpressions: [{key: a, operator: Exists}]}]\n      injectedAnnotations: {a: b}\n      defaultTemplates: [sidecar, x]\n      templates: {x: 'c: d'}\n",
    ),
    (
        "cluster-scope",
        &["values.global.resourceScope=cluster", "components.cni.enabled=true", "components.ztunnel.enabled=true"],
        "spec:\n  values:\n    base: {excludedCRDs: [envoyfilters.networking.istio.io]}\n",
    ),
    (
        "namespace-scope",
        &["values.global.resourceScope=namespace", "components.cni.enabled=true", "components.ztunnel.enabled=true"],
        "",
    ),
    (
        "default-revision-webhook",
        &["values.defaultRevision=canary", "values.experimental.stableValidationPolicy=true"],
        "spec:\n  values:\n    base: {validationURL: 'https://v', validationCABundle: CA}\n",
    ),
    (
        "omitted-parts",
        &[
            "values.global.omitSidecarInjectorConfigMap=true",
            "values.global.operatorManageWebhooks=true",
            "values.global.configValidation=false",
            "values.global.enableReaderRBAC=false",
        ],
        "",
    ),
    (
        "gateway-settings",
        &["values.global.network=n2", "values.global.mountMtlsCerts=true", "values.global.caAddress=ca:1"],
        "spec:\n  components:\n    ingressGateways:\n    - name: my-gw\n      namespace: gw-ns\n      enabled: true\n      label: {app: x, istio: 'y', version: v2}\n      k8s:\n        service:\n          ports: [{port: 80, name: http}]\n  meshConfig:\n    enablePrometheusMerge: false\n  values:\n    global:\n      arch: {amd64: 2, arm64: 0}\n      sts: {servicePort: 15463}\n      proxy: {variant: debug}\n      platform: openshift\n    gateways:\n      istio-ingressgateway:\n        runAsRoot: true\n        nodeSelector: {a: b}\n        podAntiAffinityLabelSelector: [{key: k, operator: In, values: 'a,b', topologyKey: t, namespaces: 'n1,n2'}]\n        podAntiAffinityTermLabelSelector: [{key: k, operator: In, values: a, topologyKey: t}]\n        serviceAnnotations: {s: '1'}\n        loadBalancerIP: 1.2.3.4\n        loadBalancerSourceRanges: [0.0.0.0/0]\n        externalTrafficPolicy: Local\n        ingressPorts: [{port: 99, name: x}]\n        additionalContainers: [{name: c, image: i}]\n        configVolumes: [{name: cv, configMapName: cm, mountPath: /cm}]\n        env: {ISTIO_META_NETWORK: n}\n        tolerations: [{key: t, operator: Exists}]\n        podAnnotations: {p: a}\n",
    ),
    (
        "injected-gateway",
        &[],
        "spec:\n  components:\n    egressGateways: [{name: eg, enabled: true}]\n  values:\n    gateways:\n      istio-egressgateway: {injectionTemplate: gateway, customService: true}\n    global:\n      defaultTolerations: [{key: d, operator: Exists}]\n      defaultNodeSelector: {x: y}\n",
    ),
    (
        "cni-settings",
        &["components.cni.enabled=true", "components.cni.namespace=kube-system"],
        "spec:\n  values:\n    cni:\n      repair: {repairPods: false, deletePods: true}\n      ambient: {enabled: true, shareHostNetworkNamespace: true}\n      seLinuxOptions: {level: s0}\n      seccompProfile: {type: RuntimeDefault}\n      cniBinDir: ''\n      provider: multus\n      resourceQuotas: {enabled: true}\n      cniConfFileName: x.conf\n      istioOwnedCNIConfig: true\n      env: {A: 1}\n      podLabels: {l: '1'}\n      daemonSetLabels: {d: '1'}\n      useAppArmorAnnotation: false\n      logging: {level: debug}\n      pullPolicy: Always\n",
    ),
    (
        "cni-label-pods",
        &["components.cni.enabled=true", "values.cni.repair.repairPods=false", "values.cni.repair.labelPods=true"],
        "",
    ),
    (
        "ztunnel-settings",
        &["profile=ambient", "revision=r1", "values.global.platform=openshift"],
        "spec:\n  values:\n    ztunnel:\n      resourceName: zt\n      peerCaCrl: {enabled: true}\n      labels: {l: '1'}\n      annotations: {a: '1'}\n      env: {E: '1'}\n      logAsJson: true\n      network: n\n      dnsPolicy: ClusterFirst\n      resourceQuotas: {enabled: true}\n      caAddress: ca:1\n      nodeSelector: {a: b}\n",
    ),
    (
        "compatibility-1.25",
        &["compatibilityVersion=1.25", "components.cni.enabled=true", "components.ztunnel.enabled=true"],
        "",
    ),
    ("platform-k3s", &["values.global.platform=k3s", "components.cni.enabled=true"], ""),
    ("unknown-profile", &["values.profile=nope"], ""),
    ("unknown-platform", &["values.global.platform=nope"], ""),
    ("defaults-prefix", &["values.defaults.hub=x"], ""),
    (
        "other-namespace",
        &["values.global.istioNamespace=other", "components.pilot.namespace=other"],
        "spec:\n  components:\n    ingressGateways: [{name: istio-ingressgateway, namespace: other, enabled: true}]\n",
    ),
];

/// Inputs that must fail with both chart sets (the charts reject them), with the same error.
const FAILING: &[&str] = &[
    "tracer-lightstep-unset",
    "stackdriver-removed",
    "kubernetes-ca",
    "unknown-profile",
    "unknown-platform",
    "defaults-prefix",
];

/// Failing inputs whose message names a different template call chain (ours has its own helpers).
const OWN_ERROR_CHAIN: &[&str] = &["tracer-lightstep-unset"];

/// upstream's charts with upstream's profiles, laid out like `manifests/` (set up once for all tests).
fn upstream_manifests() -> Option<PathBuf> {
    static DIR: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    DIR.get_or_init(lay_out_upstream_manifests).clone()
}

fn lay_out_upstream_manifests() -> Option<PathBuf> {
    let Some(upstream) = std::env::var_os("UPSTREAM_MANIFESTS") else {
        eprintln!("skipping: UPSTREAM_MANIFESTS (upstream's manifests/ folder) is not set");
        return None;
    };
    let profiles = Path::new(env!("CARGO_MANIFEST_DIR")).join(PROFILES_DIR);
    if !profiles.is_dir() {
        eprintln!("skipping: {} is absent", profiles.display());
        return None;
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("upstream-manifests");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("profiles")).unwrap();
    std::os::unix::fs::symlink(Path::new(&upstream).join("charts"), dir.join("charts")).unwrap();
    for entry in std::fs::read_dir(&profiles).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.join("profiles").join(path.file_name().unwrap())).unwrap();
    }
    Some(dir)
}

/// Upstream's git charts carry version 1.0.0; ours the release's.
fn restamp(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                match (key.as_str(), v.as_str()) {
                    ("app.kubernetes.io/version", Some(GIT_CHART_VERSION)) => *v = Value::from(RELEASE_VERSION),
                    ("helm.sh/chart", Some(chart)) if chart.ends_with(&format!("-{GIT_CHART_VERSION}")) => {
                        *v = Value::from(chart.replace(GIT_CHART_VERSION, RELEASE_VERSION));
                    }
                    _ => restamp(v),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(restamp),
        _ => {}
    }
}

/// The printed manifest and the charts' warnings.
fn render(set_flags: &[&str], file: Option<&Path>, manifests: ManifestSource) -> Result<(String, Vec<String>), String> {
    let inputs = InstallInputs {
        files: file.map(Path::to_path_buf).into_iter().collect(),
        set_flags: set_flags.iter().map(|s| s.to_string()).collect(),
        manifests,
        // Some chart settings are outside istioctl's values schema: validate as warnings only.
        force: true,
        ..InstallInputs::default()
    };
    generate(&inputs).map(|r| (print_manifest(&r), r.warnings)).map_err(|e| e.to_string())
}

#[test]
fn embedded_charts_render_like_upstreams_charts() {
    let Some(upstream) = upstream_manifests() else { return };
    let only: Option<Vec<String>> =
        std::env::var("CHART_VARIANTS").ok().map(|s| s.split(',').map(str::to_string).collect());
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("charts-vs-upstream");
    std::fs::create_dir_all(&work).unwrap();
    let mut failures = Vec::new();
    let mut ran = 0;
    for (name, set_flags, iop) in VARIANTS {
        if only.as_ref().is_some_and(|o| !o.iter().any(|n| n == name)) {
            continue;
        }
        ran += 1;
        let file = (!iop.is_empty()).then(|| {
            let path = work.join(format!("{name}.iop.yaml"));
            std::fs::write(&path, format!("apiVersion: install.istio.io/v1alpha1\nkind: IstioOperator\n{iop}"))
                .unwrap();
            path
        });
        let ours = render(set_flags, file.as_deref(), ManifestSource::Embedded);
        let theirs = render(set_flags, file.as_deref(), ManifestSource::Dir(upstream.clone()));
        let (ours, theirs) = match (ours, theirs) {
            (Ok((o, our_warnings)), Ok((t, their_warnings))) if !FAILING.contains(name) => {
                if our_warnings != their_warnings {
                    failures.push(format!("{name}: warnings {our_warnings:?}, upstream's {their_warnings:?}"));
                }
                (o, t)
            }
            (Err(o), Err(t)) if FAILING.contains(name) => {
                if o != t && !OWN_ERROR_CHAIN.contains(name) {
                    failures.push(format!("{name}: error {o:?}, upstream's {t:?}"));
                }
                continue;
            }
            (o, t) => {
                failures.push(format!("{name}: ours {:?}, upstream's {:?}", o.err(), t.err()));
                continue;
            }
        };
        std::fs::write(work.join(format!("{name}.ours.yaml")), &ours).unwrap();
        std::fs::write(work.join(format!("{name}.upstream.yaml")), &theirs).unwrap();
        let ours = objects_by_identity(&ours);
        let mut theirs = objects_by_identity(&theirs);
        theirs.values_mut().for_each(restamp);
        let mut diffs: Vec<String> =
            ours.keys().filter(|id| !theirs.contains_key(*id)).map(|id| format!("extra {id}")).collect();
        for (id, obj) in &theirs {
            match ours.get(id) {
                None => diffs.push(format!("missing {id}")),
                Some(o) => diffs.extend(first_difference(id, &normalize(obj), &normalize(o))),
            }
        }
        if !diffs.is_empty() {
            failures.push(format!(
                "{name}: {} differences, first: {}",
                diffs.len(),
                diffs[..diffs.len().min(4)].join("; ")
            ));
        }
    }
    eprintln!("compared {ran} inputs (outputs in {})", work.display());
    assert!(ran > 0, "no input ran");
    assert!(failures.is_empty(), "{} of {ran} inputs differ:\n{}", failures.len(), failures.join("\n"));
}

/// Values `istioctl tag generate` passes to the `default` chart (and variations of them).
const TAG_VALUES: &[&str] = &[
    r#"{"revision": "canary", "base": {"validationURL": ""}, "global": {"istioNamespace": "istio-system"}}"#,
    r#"{"revision": "", "global": {"istioNamespace": "other"}}"#,
    r#"{"revision": "r", "istiodRemote": {"injectionURL": "https://a/b"}, "base": {"validationURL": "https://v"},
        "sidecarInjectorWebhook": {"enableNamespacesByDefault": true}, "ownerName": "o"}"#,
];

#[test]
fn default_tag_chart_renders_like_upstreams() {
    use istioctl::helm::{Chart, PreparedChart, RenderOptions};
    let Some(upstream) = upstream_manifests() else { return };
    let prepare = |source: ManifestSource| PreparedChart::new(Chart::load(&source, "charts/default").unwrap()).unwrap();
    let (ours, theirs) = (prepare(ManifestSource::Embedded), prepare(ManifestSource::Dir(upstream)));
    for values in TAG_VALUES {
        let values: serde_json::Map<String, Value> = serde_json::from_str(values).unwrap();
        let objects = |chart: &PreparedChart| {
            let out = chart.render(&values, &RenderOptions::istioctl("istio-system")).unwrap();
            objects_by_identity(&out.documents.join("\n---\n"))
        };
        let mine = objects(&ours);
        let mut want = objects(&theirs);
        want.values_mut().for_each(restamp);
        assert_eq!(mine.keys().collect::<Vec<_>>(), want.keys().collect::<Vec<_>>(), "{values:?}");
        for (id, obj) in &want {
            assert_eq!(first_difference(id, obj, &mine[id]), None, "{values:?}");
        }
    }
}
