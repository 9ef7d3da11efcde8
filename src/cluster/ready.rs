//! When an object counts as ready, and why a workload is not: pure functions over typed objects, so that
//! they can be tested without a cluster.
//!
//! Readiness follows upstream's wait (`operator/pkg/install/wait.go`) with kstatus-style strictness for
//! Deployments: the controller must have observed the current generation and every wanted replica must be
//! updated and available, so a rollout that has not started yet is not taken for a finished one.

use k8s_openapi::api::apps::v1::{DaemonSet, Deployment, StatefulSet};
use k8s_openapi::api::core::v1::{Event, Namespace, Pod};
use k8s_openapi::apiextensions_apiserver::pkg::apis::apiextensions::v1::CustomResourceDefinition;

/// The kinds a readiness wait looks at; every other kind is ready once applied.
pub const WAITED_KINDS: &[&str] = &["CustomResourceDefinition", "Namespace", "Deployment", "DaemonSet", "StatefulSet"];

/// Whether objects of this kind are waited for.
pub fn is_waited(kind: &str) -> bool {
    WAITED_KINDS.contains(&kind)
}

/// Whether a stored object (as the server returned it, e.g. in answer to an apply) is ready by the rules
/// below; an object of a kind not waited for is ready, one that does not parse as its kind is not. Lets a
/// caller skip waiting for objects the server already reports ready.
pub fn stored_ready(obj: &serde_json::Value) -> bool {
    fn parsed<T: serde::de::DeserializeOwned>(obj: &serde_json::Value, ready: fn(&T) -> bool) -> bool {
        T::deserialize(obj).is_ok_and(|t| ready(&t))
    }
    match obj.get("kind").and_then(serde_json::Value::as_str).unwrap_or_default() {
        "CustomResourceDefinition" => parsed(obj, crd_ready),
        "Namespace" => parsed(obj, namespace_ready),
        "Deployment" => parsed(obj, deployment_ready),
        "DaemonSet" => parsed(obj, daemonset_ready),
        "StatefulSet" => parsed(obj, statefulset_ready),
        kind => !is_waited(kind),
    }
}

/// Whether the controller has seen the current spec.
fn observed(generation: Option<i64>, observed: Option<i64>) -> bool {
    observed.unwrap_or(0) >= generation.unwrap_or(0)
}

/// A CRD is ready once its `Established` condition is true.
pub fn crd_ready(crd: &CustomResourceDefinition) -> bool {
    crd.status
        .as_ref()
        .and_then(|s| s.conditions.as_ref())
        .is_some_and(|cs| cs.iter().any(|c| c.type_ == "Established" && c.status == "True"))
}

/// A namespace is ready while it is `Active`.
pub fn namespace_ready(ns: &Namespace) -> bool {
    ns.status.as_ref().and_then(|s| s.phase.as_deref()) == Some("Active")
}

/// A Deployment is ready when its current generation is observed and all wanted replicas are updated and
/// available.
pub fn deployment_ready(d: &Deployment) -> bool {
    let want = d.spec.as_ref().and_then(|s| s.replicas).unwrap_or(1);
    let Some(status) = d.status.as_ref() else { return false };
    observed(d.metadata.generation, status.observed_generation)
        && status.updated_replicas.unwrap_or(0) >= want
        && status.available_replicas.unwrap_or(0) >= want
}

/// A DaemonSet is ready as upstream judges it: generation observed; for rolling updates at least one pod
/// wanted, all ready and all updated; for OnDelete all updated.
pub fn daemonset_ready(ds: &DaemonSet) -> bool {
    let Some(status) = ds.status.as_ref() else { return false };
    if !observed(ds.metadata.generation, status.observed_generation) {
        return false;
    }
    let desired = status.desired_number_scheduled;
    let updated = status.updated_number_scheduled.unwrap_or(0);
    let strategy = ds.spec.as_ref().and_then(|s| s.update_strategy.as_ref()).and_then(|u| u.type_.as_deref());
    match strategy {
        Some("OnDelete") => updated == desired,
        _ => desired > 0 && status.number_ready >= desired && updated == desired,
    }
}

/// A StatefulSet is ready as upstream judges it: all replicas (less the rolling-update partition) updated.
pub fn statefulset_ready(sts: &StatefulSet) -> bool {
    let spec = sts.spec.as_ref();
    let replicas = spec.and_then(|s| s.replicas).unwrap_or(1);
    let strategy = spec.and_then(|s| s.update_strategy.as_ref());
    let partition = strategy.and_then(|u| u.rolling_update.as_ref()).and_then(|r| r.partition).unwrap_or(0);
    let Some(status) = sts.status.as_ref() else { return false };
    if !observed(sts.metadata.generation, status.observed_generation) {
        return false;
    }
    let updated = status.updated_replicas.unwrap_or(0);
    match strategy.and_then(|u| u.type_.as_deref()) {
        Some("OnDelete") => updated == status.replicas,
        _ => updated >= replicas - partition,
    }
}

/// Why a workload's pods are not ready: the newest pod's waiting container (`container failed to start:
/// <Reason>: <Message>`, as upstream), else its failing Ready condition, else its unschedulable reason.
pub fn pod_failure_reason(pods: &[Pod]) -> Option<String> {
    let mut pods: Vec<&Pod> = pods.iter().collect();
    pods.sort_by(|a, b| b.metadata.creation_timestamp.cmp(&a.metadata.creation_timestamp));
    pods.iter().find_map(|pod| {
        let status = pod.status.as_ref()?;
        let all = status.init_container_statuses.iter().flatten().chain(status.container_statuses.iter().flatten());
        for cs in all {
            if let Some(w) = cs.state.as_ref().and_then(|s| s.waiting.as_ref()) {
                return Some(format!(
                    "container failed to start: {}: {}",
                    w.reason.as_deref().unwrap_or_default(),
                    w.message.as_deref().unwrap_or_default()
                ));
            }
        }
        let conditions = status.conditions.iter().flatten();
        let failing = |t: &str| conditions.clone().find(|c| c.type_ == t && c.status == "False");
        failing("Ready")
            .or_else(|| failing("PodScheduled"))
            .map(|c| c.message.clone().or_else(|| c.reason.clone()).unwrap_or_default())
            .filter(|m| !m.is_empty())
    })
}

/// The newest Warning events, most recent first, as `Reason: message` (at most `limit`).
pub fn warning_events(events: &[Event], limit: usize) -> Vec<String> {
    let mut warnings: Vec<&Event> = events.iter().filter(|e| e.type_.as_deref() == Some("Warning")).collect();
    let when = |e: &Event| {
        e.last_timestamp
            .clone()
            .map(|t| t.0)
            .or_else(|| e.event_time.clone().map(|t| t.0))
            .or_else(|| e.metadata.creation_timestamp.clone().map(|t| t.0))
    };
    warnings.sort_by_key(|e| std::cmp::Reverse(when(e)));
    let mut out: Vec<String> = Vec::new();
    for e in warnings {
        let line = format!("{}: {}", e.reason.as_deref().unwrap_or_default(), e.message.as_deref().unwrap_or_default());
        if !out.contains(&line) {
            out.push(line);
        }
        if out.len() >= limit {
            break;
        }
    }
    out
}

/// Joins what is known about a stuck object into one reason.
pub fn describe(failure: Option<String>, events: &[String]) -> Option<String> {
    let events = (!events.is_empty()).then(|| format!("last warning events: {}", events.join("; ")));
    match (failure, events) {
        (Some(f), Some(e)) => Some(format!("{f}; {e}")),
        (f, e) => f.or(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn typed<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> T {
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn deployment_needs_observed_generation_and_available_replicas() {
        let d = |gen_: i64, obs: i64, upd: i32, avail: i32| -> Deployment {
            typed(json!({"metadata": {"name": "d", "generation": gen_}, "spec": {"replicas": 2,
                "selector": {}, "template": {}},
                "status": {"observedGeneration": obs, "updatedReplicas": upd, "availableReplicas": avail}}))
        };
        assert!(deployment_ready(&d(2, 2, 2, 2)));
        assert!(!deployment_ready(&d(3, 2, 2, 2)), "old generation observed");
        assert!(!deployment_ready(&d(2, 2, 1, 2)), "not all updated");
        assert!(!deployment_ready(&d(2, 2, 2, 1)), "not all available");
        assert!(!deployment_ready(&typed(json!({"metadata": {"name": "d"}}))), "no status yet");
    }

    #[test]
    fn stored_objects_are_judged_by_their_kind() {
        let established = json!({"apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
            "metadata": {"name": "a.b"}, "spec": {"group": "b", "names": {"kind": "A", "plural": "a"},
            "scope": "Namespaced", "versions": []},
            "status": {"conditions": [{"type": "Established", "status": "True"}]}});
        assert!(stored_ready(&established));
        let mut pending = established.clone();
        pending["status"] = json!({});
        assert!(!stored_ready(&pending));
        let progressing = json!({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "d",
            "generation": 1}, "spec": {"selector": {}, "template": {}}, "status": {"observedGeneration": 1}});
        assert!(!stored_ready(&progressing));
        assert!(stored_ready(&json!({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}})));
        assert!(!stored_ready(&json!({"kind": "Deployment", "spec": "not a spec"})), "unparsable is not ready");
    }

    #[test]
    fn crds_need_established() {
        let crd = |status: &str| -> CustomResourceDefinition {
            typed(json!({"metadata": {"name": "a.b"}, "spec": {"group": "b", "names": {"kind": "A", "plural": "a"},
                "scope": "Namespaced", "versions": []},
                "status": {"conditions": [{"type": "Established", "status": status}]}}))
        };
        assert!(crd_ready(&crd("True")));
        assert!(!crd_ready(&crd("False")));
    }

    #[test]
    fn daemonsets_and_statefulsets_follow_upstream() {
        let ds = |desired: i32, ready: i32, updated: i32| -> DaemonSet {
            typed(json!({"metadata": {"name": "d", "generation": 1}, "spec": {"selector": {}, "template": {}},
                "status": {"observedGeneration": 1, "desiredNumberScheduled": desired, "numberReady": ready,
                "updatedNumberScheduled": updated, "currentNumberScheduled": desired, "numberMisscheduled": 0}}))
        };
        assert!(daemonset_ready(&ds(1, 1, 1)));
        assert!(!daemonset_ready(&ds(0, 0, 0)), "no pod wanted yet");
        assert!(!daemonset_ready(&ds(2, 1, 2)));
        let sts = |replicas: i32, updated: i32| -> StatefulSet {
            typed(json!({"metadata": {"name": "s"}, "spec": {"replicas": replicas, "selector": {}, "template": {},
                "serviceName": "s"}, "status": {"replicas": replicas, "updatedReplicas": updated}}))
        };
        assert!(statefulset_ready(&sts(2, 2)));
        assert!(!statefulset_ready(&sts(2, 1)));
    }

    #[test]
    fn newest_pod_reason_and_warnings() {
        let pods: Vec<Pod> = vec![
            typed(json!({"metadata": {"name": "old", "creationTimestamp": "2026-01-01T00:00:00Z"},
                "status": {"conditions": [{"type": "Ready", "status": "False", "message": "old pod"}]}})),
            typed(json!({"metadata": {"name": "new", "creationTimestamp": "2026-01-02T00:00:00Z"},
                "status": {"containerStatuses": [{"name": "c", "image": "i", "imageID": "", "ready": false,
                "restartCount": 0, "state": {"waiting": {"reason": "ImagePullBackOff", "message": "no such image"}}}]}})),
        ];
        assert_eq!(
            pod_failure_reason(&pods).as_deref(),
            Some("container failed to start: ImagePullBackOff: no such image")
        );
        assert_eq!(pod_failure_reason(&pods[..1]).as_deref(), Some("old pod"));
        let events: Vec<Event> = vec![
            typed(json!({"metadata": {"name": "e1"}, "involvedObject": {}, "type": "Warning", "reason": "Failed",
                "message": "pull failed", "lastTimestamp": "2026-01-02T00:00:00Z"})),
            typed(json!({"metadata": {"name": "e2"}, "involvedObject": {}, "type": "Normal", "reason": "Pulling",
                "message": "pulling", "lastTimestamp": "2026-01-03T00:00:00Z"})),
        ];
        assert_eq!(warning_events(&events, 3), ["Failed: pull failed"]);
        assert_eq!(
            describe(Some("x".into()), &["Failed: pull failed".into()]).as_deref(),
            Some("x; last warning events: Failed: pull failed")
        );
        assert_eq!(describe(None, &[]), None);
    }
}
