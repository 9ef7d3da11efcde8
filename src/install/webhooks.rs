//! The default revision tag: after the components are installed, istioctl points the `default` tag at the
//! installed revision with a tag MutatingWebhookConfiguration (`istio-revision-tag-default`), the default
//! ValidatingWebhookConfiguration (`istiod-default-validator`) and the tag Service, and neutralises the
//! revision's own injector (upstream: `operator/pkg/webhook`, `istioctl/pkg/tag`). The objects are rendered
//! from the charts by a caller-supplied renderer; this module decides, patches and applies.

use std::collections::{BTreeMap, BTreeSet};

use futures::{StreamExt, TryStreamExt, stream};
use serde_json::{Map, Value, json};

use super::labels::{self, DEFAULT_REVISION, NOT_PRUNED_LABEL, Owner, REVISION_LABEL, TAG_LABEL};
use super::{APPLY_CONCURRENCY, InstallError};
use crate::cluster::{ClusterApi, Kind};

/// The tag istioctl manages.
pub const DEFAULT_TAG: &str = "default";
/// Name suffix of the injection webhook inside a revision's MutatingWebhookConfiguration.
const INJECTION_WEBHOOK_SUFFIX: &str = "sidecar-injector.istio.io";
/// Name prefix of tag MutatingWebhookConfigurations.
const TAG_WEBHOOK_PREFIX: &str = "istio-revision-tag-";
/// The default validator's name.
pub const DEFAULT_VALIDATOR: &str = "istiod-default-validator";
/// The label selector of an existing default tag webhook.
const DEFAULT_TAG_SELECTOR: &str = "app=sidecar-injector,istio.io/tag=default";
/// The label that never matches, put on a neutralised webhook's selectors.
const NEVER_MATCH: (&str, &str) = ("istio.io/deactivated", "never-match");

/// Renders objects for IstioOperator `--set` flags (used to render the tag objects from the charts).
pub type Renderer<'a> = &'a dyn Fn(&[String]) -> Result<Vec<Value>, String>;

fn mwc_kind() -> Kind {
    Kind::new("admissionregistration.k8s.io/v1", "MutatingWebhookConfiguration")
}

fn vwc_kind() -> Kind {
    Kind::new("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration")
}

fn str_at<'a>(v: &'a Value, pointer: &str) -> &'a str {
    v.pointer(pointer).and_then(Value::as_str).unwrap_or_default()
}

/// Whether the default tag objects are generated: unless webhooks are operator-managed, when no default tag
/// exists yet or this install is of the default revision.
pub fn needed(iop: &Value, default_tag_exists: bool) -> bool {
    let managed = iop.pointer("/spec/values/global/operatorManageWebhooks").and_then(Value::as_bool) == Some(true);
    !managed && (!default_tag_exists || str_at(iop, "/spec/values/revision").is_empty())
}

/// What the tag objects copy from the revision's own injector webhook.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Canonical {
    /// The revision ("" for default).
    pub revision: String,
    /// Injection service name, path and URL, CA bundle and reinvocation policy.
    pub service: String,
    pub path: String,
    pub url: String,
    pub ca_bundle: String,
    pub reinvocation_policy: String,
    /// Its labels except `app`.
    pub labels: Map<String, Value>,
    /// Its annotations.
    pub annotations: Map<String, Value>,
}

/// Reads the injection settings of a revision's MutatingWebhookConfiguration.
pub fn canonical(mwc: &Value) -> Option<Canonical> {
    let webhook =
        mwc.get("webhooks")?.as_array()?.iter().find(|w| str_at(w, "/name").ends_with(INJECTION_WEBHOOK_SUFFIX))?;
    let rev = labels::label(mwc, REVISION_LABEL);
    let mut labels = labels::labels_of(mwc).cloned().unwrap_or_default();
    labels.remove("app");
    Some(Canonical {
        revision: if rev == DEFAULT_REVISION { String::new() } else { rev.to_string() },
        service: str_at(webhook, "/clientConfig/service/name").to_string(),
        path: str_at(webhook, "/clientConfig/service/path").to_string(),
        url: str_at(webhook, "/clientConfig/url").to_string(),
        ca_bundle: str_at(webhook, "/clientConfig/caBundle").to_string(),
        reinvocation_policy: str_at(webhook, "/reinvocationPolicy").to_string(),
        labels,
        annotations: mwc.pointer("/metadata/annotations").and_then(Value::as_object).cloned().unwrap_or_default(),
    })
}

/// The flags that render the tag MutatingWebhookConfiguration and Service.
pub fn tag_flags(c: &Canonical, auto_inject: bool, istio_namespace: &str) -> Vec<String> {
    let mut flags = vec!["profile=empty".to_string(), "components.pilot.enabled=true".to_string()];
    if !c.revision.is_empty() {
        flags.push(format!("revision={}", c.revision));
    }
    flags.push(format!("values.revisionTags.[0]={DEFAULT_TAG}"));
    flags.push(format!("values.sidecarInjectorWebhook.enableNamespacesByDefault={auto_inject}"));
    if !c.url.is_empty() {
        flags.push(format!("values.istiodRemote.injectionURL={}", c.url));
    }
    flags.push(format!("values.global.istioNamespace={istio_namespace}"));
    if !c.reinvocation_policy.is_empty() {
        flags.push(format!("values.sidecarInjectorWebhook.reinvocationPolicy={}", c.reinvocation_policy));
    }
    flags
}

/// The flags that render the default validator.
pub fn validator_flags(c: &Canonical, istio_namespace: &str) -> Vec<String> {
    let rev = if c.revision.is_empty() { DEFAULT_REVISION } else { c.revision.as_str() };
    let mut flags = vec![
        "profile=empty".to_string(),
        "components.base.enabled=true".to_string(),
        "values.base.enableIstioConfigCRDs=false".to_string(),
        format!("values.defaultRevision={rev}"),
        format!("values.global.istioNamespace={istio_namespace}"),
    ];
    if let Some((scheme, rest)) = c.url.split_once("://") {
        let host = rest.split('/').next().unwrap_or(rest);
        flags.push(format!("values.base.validationURL={scheme}://{host}/validate"));
    }
    flags
}

/// Merges labels in order (later wins) into the object's labels.
fn merge_labels(obj: &mut Value, layers: &[&Map<String, Value>]) {
    let mut merged: BTreeMap<String, String> = BTreeMap::new();
    for layer in layers {
        for (k, v) in *layer {
            merged.insert(k.clone(), v.as_str().unwrap_or_default().to_string());
        }
    }
    labels::set_labels(obj, &merged);
}

/// Sets the CA bundle (and, for service-based webhooks, the service name and path) on every webhook.
fn patch_client_config(obj: &mut Value, c: &Canonical, service: bool) {
    let Some(webhooks) = obj.get_mut("webhooks").and_then(Value::as_array_mut) else { return };
    for w in webhooks {
        let Some(cc) = w.get_mut("clientConfig").and_then(Value::as_object_mut) else { continue };
        if c.ca_bundle.is_empty() {
            cc.remove("caBundle");
        } else {
            cc.insert("caBundle".into(), json!(c.ca_bundle));
        }
        if service && let Some(svc) = cc.get_mut("service").and_then(Value::as_object_mut) {
            svc.insert("path".into(), json!(c.path));
            svc.insert("name".into(), json!(c.service));
        }
    }
}

/// Keeps the failure policies istiod set on an existing validator: `Fail` is left to istiod (the field is
/// not sent), any other value is kept.
fn keep_failure_policies(vwc: &mut Value, existing: Option<&Value>) {
    let Some(existing) = existing.and_then(|e| e.get("webhooks")).and_then(Value::as_array) else { return };
    let Some(webhooks) = vwc.get_mut("webhooks").and_then(Value::as_array_mut) else { return };
    for w in webhooks {
        let name = str_at(w, "/name").to_string();
        let Some(old) = existing.iter().find(|e| str_at(e, "/name") == name) else { continue };
        let Some(w) = w.as_object_mut() else { continue };
        match old.get("failurePolicy") {
            Some(Value::String(p)) if p == "Fail" => {
                w.remove("failurePolicy");
            }
            Some(p) => {
                w.insert("failurePolicy".into(), p.clone());
            }
            None => {}
        }
    }
}

/// Makes every webhook of a MutatingWebhookConfiguration match nothing (kept, so that it can be switched back).
pub fn neutralise(mwc: &mut Value) {
    let never = json!({"matchLabels": {NEVER_MATCH.0: NEVER_MATCH.1}});
    if let Some(webhooks) = mwc.get_mut("webhooks").and_then(Value::as_array_mut) {
        for w in webhooks.iter_mut().filter_map(Value::as_object_mut) {
            w.insert("namespaceSelector".into(), never.clone());
            w.insert("objectSelector".into(), never.clone());
        }
    }
}

/// Builds the three tag objects from rendered ones.
pub fn tag_objects(
    tag_render: &[Value],
    validator_render: &[Value],
    existing_validator: Option<&Value>,
    c: &Canonical,
    custom: &Map<String, Value>,
) -> Result<Vec<Value>, String> {
    let kind = |o: &Value| str_at(o, "/kind").to_string();
    let mut mwc = tag_render
        .iter()
        .find(|o| {
            kind(o) == "MutatingWebhookConfiguration" && str_at(o, "/metadata/name").starts_with(TAG_WEBHOOK_PREFIX)
        })
        .cloned()
        .ok_or("could not find MutatingWebhookConfiguration in manifests")?;
    let mut svc = tag_render
        .iter()
        .find(|o| kind(o) == "Service" && labels::label(o, TAG_LABEL) == DEFAULT_TAG)
        .cloned()
        .ok_or("could not find Service tag in manifests")?;
    let mut vwc = validator_render
        .iter()
        .find(|o| kind(o) == "ValidatingWebhookConfiguration")
        .cloned()
        .ok_or("could not find ValidatingWebhookConfiguration in manifests")?;
    patch_client_config(&mut mwc, c, true);
    patch_client_config(&mut vwc, c, false);
    keep_failure_policies(&mut vwc, existing_validator);
    let own = |o: &Value| labels::labels_of(o).cloned().unwrap_or_default();
    let (m, v, s) = (own(&mwc), own(&vwc), own(&svc));
    merge_labels(&mut mwc, &[&m, &c.labels, custom]);
    merge_labels(&mut vwc, &[&v, &c.labels, custom]);
    merge_labels(&mut svc, &[&s, custom]);
    for obj in [&mut mwc, &mut vwc] {
        if !c.annotations.is_empty()
            && let Some(meta) = obj.get_mut("metadata").and_then(Value::as_object_mut)
        {
            let annotations = meta.entry("annotations").or_insert_with(|| json!({}));
            if let Some(a) = annotations.as_object_mut() {
                a.extend(c.annotations.clone());
            }
        }
    }
    Ok(vec![mwc, vwc, svc])
}

/// Applies the default tag objects when they are needed (never under `dry_run`). A revision without its own
/// injector webhook (for example a remote cluster) is skipped silently, as upstream does.
pub async fn deploy<C: ClusterApi>(
    cluster: &C,
    iop: &Value,
    owner: &Owner,
    dry_run: bool,
    render: Renderer<'_>,
) -> Result<(), InstallError> {
    if dry_run {
        return Ok(());
    }
    let revision = owner.revision.as_str();
    let selector = format!("{REVISION_LABEL}={revision}");
    let default_selector = format!("{REVISION_LABEL}={DEFAULT_REVISION}");
    let validator_ref = crate::cluster::ObjectRef::new(vwc_kind(), None, DEFAULT_VALIDATOR);
    // Everything this needs to read, read at once (one round trip); each answer is looked at, and its error
    // reported, only where the decision needs it.
    let injectors = mwc_kind();
    let (tagged, canonicals, existing, defaults) = futures::join!(
        cluster.list(&injectors, DEFAULT_TAG_SELECTOR),
        cluster.list(&injectors, &selector),
        cluster.get(&validator_ref),
        async {
            if selector == default_selector { None } else { Some(cluster.list(&injectors, &default_selector).await) }
        },
    );
    let tagged = tagged.ok().flatten().unwrap_or_default();
    if !needed(iop, !tagged.is_empty()) {
        return Ok(());
    }
    let untagged = |objs: Vec<Value>| -> Vec<Value> {
        objs.into_iter().filter(|o| labels::label(o, TAG_LABEL).is_empty()).collect()
    };
    let canonicals = untagged(canonicals?.unwrap_or_default());
    let [mwc] = canonicals.as_slice() else { return Ok(()) };
    let Some(c) = canonical(mwc) else { return Ok(()) };
    let ns = str_at(iop, "/metadata/namespace");
    let ns = if ns.is_empty() { crate::cluster::ISTIO_SYSTEM_NAMESPACE } else { ns };
    let auto_inject =
        iop.pointer("/spec/values/sidecarInjectorWebhook/enableNamespacesByDefault").and_then(Value::as_bool)
            == Some(true);
    let Ok(tag_render) = render(&tag_flags(&c, auto_inject, ns)) else { return Ok(()) };
    let Ok(validator_render) = render(&validator_flags(&c, ns)) else { return Ok(()) };
    let existing = existing?;
    let mut custom: Map<String, Value> = owner.labels(None).into_iter().map(|(k, v)| (k, Value::String(v))).collect();
    custom.insert(NOT_PRUNED_LABEL.to_string(), json!("true"));
    let Ok(objects) = tag_objects(&tag_render, &validator_render, existing.as_ref(), &c, &custom) else {
        return Ok(());
    };
    // Point the default revision's own injector at nothing: the tag webhook takes over.
    let defaults = match defaults {
        Some(listed) => untagged(listed?.unwrap_or_default()),
        None => canonicals.clone(),
    };
    let neutralised = match defaults.as_slice() {
        [] => None,
        [one] => {
            let mut one = one.clone();
            neutralise(&mut one);
            Some(one)
        }
        _ => return Err(InstallError::GenerateWebhooks("expected a single webhook for default revision".into())),
    };
    // The writes touch different objects: all at once.
    let replaced = async {
        match &neutralised {
            Some(one) => cluster.replace(one).await.map(drop),
            None => Ok(()),
        }
    };
    let applied = stream::iter(&objects)
        .map(|obj| async move {
            cluster.apply(obj).await.map(drop).map_err(|e| InstallError::DeployWebhooks(Box::new(e.into())))
        })
        .buffered(APPLY_CONCURRENCY)
        .try_collect::<Vec<()>>();
    let (replaced, applied) = futures::join!(replaced, applied);
    replaced?;
    applied.map(drop)
}

/// Whether a Kubernetes `LabelSelector` (JSON) matches a label set; an absent selector matches everything.
pub fn selector_matches(selector: Option<&Value>, labels: &BTreeMap<&str, &str>) -> bool {
    let Some(selector) = selector.filter(|s| !s.is_null()) else { return true };
    let match_labels = selector.get("matchLabels").and_then(Value::as_object);
    let labels_ok = match_labels.into_iter().flatten().all(|(k, v)| labels.get(k.as_str()).copied() == v.as_str());
    let expressions = selector.get("matchExpressions").and_then(Value::as_array);
    let expressions_ok = expressions.into_iter().flatten().all(|e| {
        let key = str_at(e, "/key");
        let values: Vec<&str> =
            e.get("values").and_then(Value::as_array).into_iter().flatten().filter_map(Value::as_str).collect();
        let value = labels.get(key).copied();
        match str_at(e, "/operator") {
            "In" => value.is_some_and(|v| values.contains(&v)),
            "NotIn" => value.is_none_or(|v| !values.contains(&v)),
            "Exists" => value.is_some(),
            "DoesNotExist" => value.is_none(),
            _ => false,
        }
    });
    labels_ok && expressions_ok
}

/// The revisions a MutatingWebhookConfiguration serves: its revision label and the revisions its selectors
/// name.
fn revisions_of(mwc: &Value) -> Vec<String> {
    let mut revs = Vec::new();
    let mut add = |r: &str| {
        if !revs.iter().any(|x| x == r) {
            revs.push(r.to_string());
        }
    };
    if let Some(r) = labels::labels_of(mwc).and_then(|l| l.get(REVISION_LABEL)).and_then(Value::as_str) {
        add(r);
    }
    for w in mwc.get("webhooks").and_then(Value::as_array).into_iter().flatten() {
        for sel in ["namespaceSelector", "objectSelector"].iter().filter_map(|k| w.get(*k)) {
            if let Some(r) = sel.pointer("/matchLabels/istio.io~1rev").and_then(Value::as_str) {
                add(r);
            }
            for e in sel.get("matchExpressions").and_then(Value::as_array).into_iter().flatten() {
                if str_at(e, "/key") == REVISION_LABEL {
                    e.get("values")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                        .for_each(&mut add);
                }
            }
        }
    }
    revs
}

/// Upstream's IST0139 overlap analysis: for every combination of namespace and pod injection labels (for
/// each revision found), at most one Istio injection webhook may match. Returns, per MutatingWebhookConfiguration
/// name, the overlap messages (sorted). `skip_default_revision` leaves out the untagged default-revision
/// webhook, which the default tag is about to neutralise.
pub fn overlaps(configs: &[Value], skip_default_revision: bool) -> BTreeMap<String, BTreeSet<String>> {
    let mut hooks: Vec<(String, String, &Value)> = Vec::new();
    let mut revisions: Vec<String> = Vec::new();
    for mwc in configs {
        let untagged_default =
            labels::label(mwc, TAG_LABEL).is_empty() && labels::label(mwc, REVISION_LABEL) == DEFAULT_REVISION;
        if skip_default_revision && untagged_default {
            continue;
        }
        let revs = revisions_of(mwc);
        let webhooks: Vec<&Value> = mwc.get("webhooks").and_then(Value::as_array).into_iter().flatten().collect();
        let istio = webhooks.iter().any(|w| str_at(w, "/name").ends_with("istio.io"));
        if revs.is_empty() && !istio {
            continue;
        }
        let name = str_at(mwc, "/metadata/name").to_string();
        for w in webhooks {
            hooks.push((name.clone(), str_at(w, "/name").to_string(), w));
        }
        for r in revs {
            if !revisions.contains(&r) {
                revisions.push(r);
            }
        }
    }
    let bases = |key: &'static str, on: &'static str, off: &'static str| -> Vec<Vec<(&'static str, &'static str)>> {
        vec![vec![], vec![(key, on)], vec![(key, off)]]
    };
    let with_revisions = |sets: Vec<Vec<(&'static str, &'static str)>>| -> Vec<BTreeMap<&str, &str>> {
        let mut out: Vec<BTreeMap<&str, &str>> = sets.iter().map(|s| s.iter().copied().collect()).collect();
        for rev in &revisions {
            for s in &sets {
                let mut m: BTreeMap<&str, &str> = s.iter().copied().collect();
                m.insert(REVISION_LABEL, rev.as_str());
                out.push(m);
            }
        }
        out
    };
    let namespaces = with_revisions(bases("istio-injection", "enabled", "disabled"));
    let objects = with_revisions(bases("sidecar.istio.io/inject", "true", "false"));
    let mut found: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for ns in &namespaces {
        for obj in &objects {
            let matches: BTreeSet<String> = hooks
                .iter()
                .filter(|(_, _, w)| {
                    selector_matches(w.get("namespaceSelector"), ns) && selector_matches(w.get("objectSelector"), obj)
                })
                .map(|(config, hook, _)| format!("{config}/{hook}"))
                .collect();
            if matches.len() < 2 {
                continue;
            }
            for m in &matches {
                let others: Vec<&str> = matches.iter().filter(|o| *o != m).map(String::as_str).collect();
                let config = m.split_once('/').map_or(m.as_str(), |(c, _)| c).to_string();
                found.entry(config).or_default().insert(format!(
                    "Webhook overlaps with others: [{}]. This may cause injection to occur twice.",
                    others.join(" ")
                ));
            }
        }
    }
    found
}

/// Upstream's webhook pre-check before installing: the rendered Pilot injectors (unless the default tag is
/// about to take over) and every injector in the cluster must not overlap. Returns a notice for stdout when
/// default injection moves from a revision to the default revision.
pub async fn check<C: ClusterApi>(cluster: &C, iop: &Value, pilot: &[Value]) -> Result<Option<String>, InstallError> {
    let rendered: Vec<&Value> = pilot.iter().filter(|o| str_at(o, "/kind") == "MutatingWebhookConfiguration").collect();
    if pilot.is_empty() {
        return Ok(None);
    }
    let injectors = mwc_kind();
    let (tagged, configs) =
        futures::join!(cluster.list(&injectors, DEFAULT_TAG_SELECTOR), cluster.list(&injectors, ""));
    let exists = !tagged.ok().flatten().unwrap_or_default().is_empty();
    let needed = needed(iop, exists);
    let mut configs: Vec<Value> = configs?.unwrap_or_default();
    if !needed {
        for r in &rendered {
            let name = str_at(r, "/metadata/name");
            configs.retain(|c| str_at(c, "/metadata/name") != name);
            configs.push((*r).clone());
        }
    }
    let names: BTreeSet<&str> = rendered.iter().map(|r| str_at(r, "/metadata/name")).collect();
    let messages: Vec<String> = overlaps(&configs, needed)
        .into_iter()
        .filter(|(config, _)| names.contains(config.as_str()))
        .flat_map(|(config, msgs)| {
            msgs.into_iter().map(move |m| format!("Error [IST0139] (MutatingWebhookConfiguration {config}) {m}"))
        })
        .collect();
    if !messages.is_empty() {
        return Err(InstallError::WebhookConflict(messages.join("\n")));
    }
    if needed && exists && str_at(iop, "/spec/values/revision").is_empty() {
        let defaults = cluster
            .list(&mwc_kind(), "app=sidecar-injector,istio.io/rev=default,istio.io/tag=default")
            .await?
            .unwrap_or_default();
        if defaults.is_empty() {
            return Ok(Some(
                "This installation will make default injection and validation pointing to the default revision, \
                 and originally it was pointing to the revisioned one.\n"
                    .to_string(),
            ));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn injector() -> Value {
        json!({"apiVersion": "admissionregistration.k8s.io/v1", "kind": "MutatingWebhookConfiguration",
            "metadata": {"name": "istio-sidecar-injector", "labels": {"app": "sidecar-injector",
                "istio.io/rev": "default", "operator.istio.io/component": "Pilot"}},
            "webhooks": [{"name": "rev.namespace.sidecar-injector.istio.io",
                "clientConfig": {"service": {"name": "istiod", "namespace": "istio-system", "path": "/inject"},
                "caBundle": "Q0E="}, "reinvocationPolicy": "Never"}]})
    }

    #[test]
    fn need_follows_upstream() {
        let iop = |rev: &str, managed: bool| json!({"spec": {"values": {"revision": rev, "global": {"operatorManageWebhooks": managed}}}});
        assert!(needed(&iop("", false), false));
        assert!(needed(&iop("", false), true));
        assert!(needed(&iop("canary", false), false));
        assert!(!needed(&iop("canary", false), true));
        assert!(!needed(&iop("", true), false));
    }

    #[test]
    fn canonical_webhook_is_read_and_tag_objects_built() {
        let c = canonical(&injector()).unwrap();
        assert_eq!((c.revision.as_str(), c.service.as_str(), c.path.as_str()), ("", "istiod", "/inject"));
        assert!(!c.labels.contains_key("app"));
        let flags = tag_flags(&c, false, "istio-system");
        assert!(flags.contains(&"values.revisionTags.[0]=default".to_string()));
        let tag_render = vec![
            json!({"kind": "MutatingWebhookConfiguration", "metadata": {"name": "istio-revision-tag-default",
                "labels": {"app": "sidecar-injector", "istio.io/tag": "default"}},
                "webhooks": [{"name": "rev.namespace.sidecar-injector.istio.io",
                    "clientConfig": {"service": {"name": "x", "path": "/y"}}}]}),
            json!({"kind": "Service", "metadata": {"name": "istiod-revision-tag-default",
                "labels": {"istio.io/tag": "default"}}}),
        ];
        let validator_render = vec![json!({"kind": "ValidatingWebhookConfiguration",
            "metadata": {"name": "istiod-default-validator"},
            "webhooks": [{"name": "validation.istio.io", "failurePolicy": "Ignore", "clientConfig": {}}]})];
        let existing = json!({"webhooks": [{"name": "validation.istio.io", "failurePolicy": "Fail"}]});
        let custom: Map<String, Value> = [(NOT_PRUNED_LABEL.to_string(), json!("true"))].into_iter().collect();
        let objs = tag_objects(&tag_render, &validator_render, Some(&existing), &c, &custom).unwrap();
        assert_eq!(objs[0]["webhooks"][0]["clientConfig"]["caBundle"], "Q0E=");
        assert_eq!(objs[0]["webhooks"][0]["clientConfig"]["service"]["path"], "/inject");
        assert_eq!(labels::label(&objs[0], "operator.istio.io/component"), "Pilot");
        assert_eq!(labels::label(&objs[1], NOT_PRUNED_LABEL), "true");
        assert!(objs[1]["webhooks"][0].get("failurePolicy").is_none(), "Fail is left to istiod");
        assert_eq!(labels::label(&objs[2], NOT_PRUNED_LABEL), "true");
    }

    #[test]
    fn overlapping_injectors_are_reported() {
        let tag = json!({"metadata": {"name": "istio-revision-tag-default", "labels": {"istio.io/tag": "default",
            "istio.io/rev": "default"}}, "webhooks": [{"name": "rev.namespace.sidecar-injector.istio.io",
            "namespaceSelector": {"matchExpressions": [{"key": "istio-injection", "operator": "In", "values": ["enabled"]}]}}]});
        assert!(overlaps(&[injector(), tag.clone()], true).is_empty(), "the default injector is skipped");
        let found = overlaps(&[injector(), tag], false);
        assert_eq!(found.keys().collect::<Vec<_>>(), ["istio-revision-tag-default", "istio-sidecar-injector"]);
        let msg = found["istio-sidecar-injector"].iter().next().unwrap();
        assert!(msg.starts_with("Webhook overlaps with others: [istio-revision-tag-default/"), "{msg}");
        let mut off = injector();
        neutralise(&mut off);
        assert!(overlaps(&[off], false).is_empty());
    }

    #[test]
    fn label_selectors_match_like_kubernetes() {
        let labels: BTreeMap<&str, &str> = [("istio-injection", "enabled")].into_iter().collect();
        let sel = |v: Value| selector_matches(Some(&v), &labels);
        assert!(selector_matches(None, &labels));
        assert!(sel(json!({"matchLabels": {"istio-injection": "enabled"}})));
        assert!(!sel(json!({"matchLabels": {"istio-injection": "disabled"}})));
        assert!(sel(json!({"matchExpressions": [{"key": "istio.io/rev", "operator": "DoesNotExist"}]})));
        assert!(!sel(
            json!({"matchExpressions": [{"key": "istio-injection", "operator": "NotIn", "values": ["enabled"]}]})
        ));
        assert!(sel(json!({"matchExpressions": [{"key": "istio-injection", "operator": "Exists"}]})));
    }

    #[test]
    fn neutralised_webhooks_match_nothing() {
        let mut mwc = injector();
        neutralise(&mut mwc);
        assert_eq!(mwc["webhooks"][0]["namespaceSelector"]["matchLabels"]["istio.io/deactivated"], "never-match");
        assert_eq!(mwc["webhooks"][0]["objectSelector"]["matchLabels"]["istio.io/deactivated"], "never-match");
    }
}
