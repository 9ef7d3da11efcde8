//! `verify-install`: compares what an IstioOperator installs with what the cluster has (each object present,
//! carrying istioctl's owner labels, and ready for workloads), and reports the mesh TLS settings the cluster
//! runs with. The result is a list of categories of checks, each with a hint when it fails.

use k8s_openapi::api::apps::v1::{DaemonSet, Deployment, StatefulSet};
use k8s_openapi::api::core::v1::Namespace;
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::cluster::{ClusterApi, Kind, ObjectRef, ready};
use crate::install::labels::{Owner, label};
use crate::operator::{MeshTls, TlsSettings, effective_mesh_tls};
use crate::render::Rendered;
use crate::tlscheck::mesh::{mesh_config_map_name, mesh_tls_from_config_map};

/// Name of the mesh TLS category.
pub const MESH_TLS_CATEGORY: &str = "Mesh TLS";

/// One check and its outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    /// What was checked, e.g. `Deployment istio-system/istiod`.
    pub name: String,
    /// Whether it passed.
    pub ok: bool,
    /// What was found (a summary for passing checks, the gap for failing ones).
    pub detail: String,
    /// What to do about a failure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

/// Checks of one kind (a component's objects, or the mesh TLS settings).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Category {
    /// E.g. `Pilot component` or [`MESH_TLS_CATEGORY`].
    pub name: String,
    /// Its checks, in render order.
    pub checks: Vec<Check>,
}

/// The whole result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Every category.
    pub categories: Vec<Category>,
    /// True when every check passed.
    pub ok: bool,
}

impl Report {
    /// The failing checks, with their category names.
    pub fn gaps(&self) -> impl Iterator<Item = (&str, &Check)> {
        self.categories.iter().flat_map(|c| c.checks.iter().filter(|k| !k.ok).map(move |k| (c.name.as_str(), k)))
    }
}

/// Where the cluster's installation is compared from.
#[derive(Debug, Clone)]
pub struct Expected<'a> {
    /// What the IstioOperator renders.
    pub rendered: &'a Rendered,
    /// The Istio namespace (where the mesh ConfigMap lives).
    pub istio_namespace: &'a str,
    /// The control plane revision (`None` for the default one).
    pub revision: Option<&'a str>,
    /// How to reinstall, quoted in hints (e.g. `istioctl install -f istio.yaml`).
    pub reinstall: &'a str,
}

/// Whether a stored object of `kind` is ready; `None` when readiness does not apply to the kind. An object
/// that does not parse as its type is not ready.
fn readiness(kind: &str, obj: &Value) -> Option<bool> {
    fn typed<T: DeserializeOwned>(obj: &Value, ok: fn(&T) -> bool) -> bool {
        serde_json::from_value::<T>(obj.clone()).is_ok_and(|t| ok(&t))
    }
    Some(match kind {
        "Deployment" => typed::<Deployment>(obj, ready::deployment_ready),
        "DaemonSet" => typed::<DaemonSet>(obj, ready::daemonset_ready),
        "StatefulSet" => typed::<StatefulSet>(obj, ready::statefulset_ready),
        "CustomResourceDefinition" => typed::<CustomResourceDefinition>(obj, ready::crd_ready),
        "Namespace" => typed::<Namespace>(obj, ready::namespace_ready),
        _ => return None,
    })
}

/// How checks name an object: `Deployment istio-system/istiod`, `ClusterRole istiod-clusterrole`.
fn display_name(target: &ObjectRef) -> String {
    match &target.namespace {
        Some(ns) if !ns.is_empty() => format!("{} {ns}/{}", target.kind.kind, target.name),
        _ => format!("{} {}", target.kind.kind, target.name),
    }
}

/// Compares one expected object with what the cluster has under its name.
fn check_object(
    target: &ObjectRef,
    expected_labels: &[(String, String)],
    found: Option<&Value>,
    reinstall: &str,
) -> Check {
    let name = display_name(target);
    let Some(obj) = found else {
        return Check {
            name,
            ok: false,
            detail: "missing from the cluster".to_string(),
            hint: Some(format!("install it again: {reinstall}")),
        };
    };
    let wrong: Vec<String> = expected_labels
        .iter()
        .filter(|(k, v)| label(obj, k) != v)
        .map(|(k, v)| {
            let have = label(obj, k);
            if have.is_empty() { format!("{k} (want {v}, missing)") } else { format!("{k} (want {v}, have {have})") }
        })
        .collect();
    if !wrong.is_empty() {
        return Check {
            name,
            ok: false,
            detail: format!("present but not labelled as installed by this IstioOperator: {}", wrong.join(", ")),
            hint: Some(format!("it was installed by something else or another revision; reinstall with {reinstall}")),
        };
    }
    match readiness(&target.kind.kind, obj) {
        Some(false) => Check {
            name,
            ok: false,
            detail: "present but not ready".to_string(),
            hint: Some(format!(
                "inspect it: kubectl describe {} {}{}",
                target.kind.kind.to_lowercase(),
                target.name,
                target.namespace.as_deref().filter(|n| !n.is_empty()).map(|n| format!(" -n {n}")).unwrap_or_default()
            )),
        },
        Some(true) => Check { name, ok: true, detail: "present and ready".to_string(), hint: None },
        None => Check { name, ok: true, detail: "present".to_string(), hint: None },
    }
}

/// The display of one TLS block: `minProtocolVersion TLSV1_3 (Envoy minimum TLSv1_3, maximum TLSv1_3)` plus the
/// configured cipher suites and curves.
fn describe_tls(t: &TlsSettings) -> String {
    let mut s = format!(
        "minProtocolVersion {} (Envoy minimum {}, maximum {})",
        t.min_protocol_version, t.effective_min_version, t.max_version
    );
    if !t.cipher_suites.is_empty() {
        s.push_str(&format!("; cipherSuites {}", t.cipher_suites.join(",")));
    }
    if !t.ecdh_curves.is_empty() {
        s.push_str(&format!("; ecdhCurves {}", t.ecdh_curves.join(",")));
    }
    s
}

/// The mesh TLS checks: the cluster's effective settings against the IstioOperator's.
fn tls_checks(cluster: Result<MeshTls, String>, wanted: &MeshTls, config_map: &str, reinstall: &str) -> Vec<Check> {
    let cluster = match cluster {
        Ok(t) => t,
        Err(reason) => {
            return vec![Check {
                name: "mesh TLS settings".to_string(),
                ok: false,
                detail: format!("cannot read {config_map}: {reason}"),
                hint: Some(format!("istiod reads its mesh config from it; install it again: {reinstall}")),
            }];
        }
    };
    [("meshMTLS", &cluster.mesh_mtls, &wanted.mesh_mtls), ("tlsDefaults", &cluster.tls_defaults, &wanted.tls_defaults)]
        .into_iter()
        .map(|(block, have, want)| {
            let ok = have == want;
            Check {
                name: block.to_string(),
                ok,
                detail: if ok {
                    describe_tls(have)
                } else {
                    format!("cluster has {}; the IstioOperator sets {}", describe_tls(have), describe_tls(want))
                },
                hint: (!ok)
                    .then(|| format!("{config_map} differs from the IstioOperator; install it again: {reinstall}")),
            }
        })
        .collect()
}

/// Runs every check against the cluster.
pub async fn verify<C: ClusterApi>(cluster: &C, expected: &Expected<'_>) -> Report {
    let owner = Owner::from_iop(&expected.rendered.merged);
    let mut categories = Vec::new();
    for component in &expected.rendered.components {
        let labels: Vec<(String, String)> = owner.labels(Some(component.component)).into_iter().collect();
        let mut checks = Vec::new();
        for object in &component.objects {
            let Some(target) = ObjectRef::of(&object.value) else { continue };
            let check = match cluster.get(&target).await {
                Ok(found) => check_object(&target, &labels, found.as_ref(), expected.reinstall),
                Err(e) => Check {
                    name: display_name(&target),
                    ok: false,
                    detail: format!("cannot read it: {e}"),
                    hint: Some("check access to the cluster (kubeconfig, context, permissions)".to_string()),
                },
            };
            checks.push(check);
        }
        categories.push(Category { name: format!("{} component", component.component), checks });
    }

    let name = mesh_config_map_name(expected.revision);
    let config_map = format!("ConfigMap {}/{name}", expected.istio_namespace);
    let target = ObjectRef::new(Kind::new("v1", "ConfigMap"), Some(expected.istio_namespace), &name);
    let found = match cluster.get(&target).await {
        Ok(Some(cm)) => mesh_tls_from_config_map(&cm).map_err(|e| e.to_string()),
        Ok(None) => Err("not found".to_string()),
        Err(e) => Err(e.to_string()),
    };
    let wanted = effective_mesh_tls(&expected.rendered.merged);
    categories.push(Category {
        name: MESH_TLS_CATEGORY.to_string(),
        checks: tls_checks(found, &wanted, &config_map, expected.reinstall),
    });

    let ok = categories.iter().all(|c| c.checks.iter().all(|k| k.ok));
    Report { categories, ok }
}

#[cfg(test)]
mod tests;
