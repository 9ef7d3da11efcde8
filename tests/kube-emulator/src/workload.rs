//! Workload readiness: the status a Deployment/DaemonSet/StatefulSet/ReplicaSet gets while "rolling out"
//! and once "ready", the Pods behind it, and the never-ready mode that leaves a Pod waiting with a reason
//! and a Warning Event.

use crate::resources::ResourceInfo;
use crate::store::{EventType, Key, ReadyTask, Store};
use crate::util::{get_path, name_suffix, now_rfc3339, set_path, str_at};
use serde_json::{Value, json};

/// Annotation on a workload that keeps it from ever becoming ready; its value is the waiting reason given
/// to the workload's Pod (for example `ImagePullBackOff`).
pub const NEVER_READY_ANNOTATION: &str = "emulator.istio-rs/never-ready";

fn replicas(key: &Key, obj: &Value) -> i64 {
    if key.plural == "daemonsets" {
        return 1;
    }
    get_path(obj, &["spec", "replicas"]).and_then(Value::as_i64).unwrap_or(1)
}

fn generation(obj: &Value) -> i64 {
    get_path(obj, &["metadata", "generation"]).and_then(Value::as_i64).unwrap_or(0)
}

fn condition(kind: &str, status: bool, reason: &str, message: &str) -> Value {
    let now = now_rfc3339();
    json!({
        "type": kind,
        "status": if status { "True" } else { "False" },
        "lastUpdateTime": now,
        "lastTransitionTime": now,
        "reason": reason,
        "message": message,
    })
}

/// The status fields of a workload with `ready` of `want` replicas ready and `updated` updated.
fn status(plural: &str, name: &str, obj: &Value, want: i64, updated: i64, ready: i64) -> Value {
    let gen_ = generation(obj);
    let unavailable = want - ready;
    match plural {
        "daemonsets" => json!({
            "currentNumberScheduled": want,
            "desiredNumberScheduled": want,
            "numberMisscheduled": 0,
            "numberReady": ready,
            "numberAvailable": ready,
            "numberUnavailable": unavailable,
            "updatedNumberScheduled": updated,
            "observedGeneration": gen_,
        }),
        "statefulsets" => json!({
            "replicas": want,
            "readyReplicas": ready,
            "currentReplicas": updated,
            "updatedReplicas": updated,
            "availableReplicas": ready,
            "currentRevision": format!("{name}-{gen_}"),
            "updateRevision": format!("{name}-{gen_}"),
            "observedGeneration": gen_,
        }),
        "replicasets" => json!({
            "replicas": want,
            "fullyLabeledReplicas": want,
            "readyReplicas": ready,
            "availableReplicas": ready,
            "observedGeneration": gen_,
        }),
        _ => {
            let conditions = if ready >= want {
                json!([
                    condition("Available", true, "MinimumReplicasAvailable", "Deployment has minimum availability."),
                    condition(
                        "Progressing",
                        true,
                        "NewReplicaSetAvailable",
                        &format!("ReplicaSet \"{name}\" has successfully progressed.")
                    ),
                ])
            } else {
                json!([
                    condition(
                        "Available",
                        false,
                        "MinimumReplicasUnavailable",
                        "Deployment does not have minimum availability."
                    ),
                    condition(
                        "Progressing",
                        true,
                        "ReplicaSetUpdated",
                        &format!("ReplicaSet \"{name}\" is progressing.")
                    ),
                ])
            };
            json!({
                "observedGeneration": gen_,
                "replicas": want,
                "updatedReplicas": updated,
                "readyReplicas": ready,
                "availableReplicas": ready,
                "unavailableReplicas": unavailable,
                "conditions": conditions,
            })
        }
    }
}

/// The status a workload gets as soon as a new generation is written: nothing ready yet.
pub(crate) fn progressing_status(res: &ResourceInfo, obj: &Value) -> Value {
    let key = Key::new(res, "", str_at(obj, &["metadata", "name"]));
    status(&res.plural, &key.name, obj, replicas(&key, obj), 0, 0)
}

/// Whether a workload's status says every replica of its current generation is ready.
pub(crate) fn is_settled(obj: &Value) -> bool {
    let st = obj.get("status");
    let observed = st.and_then(|s| s.get("observedGeneration")).and_then(Value::as_i64);
    let ready =
        st.and_then(|s| s.get("readyReplicas").or_else(|| s.get("numberReady"))).and_then(Value::as_i64).unwrap_or(0);
    let want = st
        .and_then(|s| s.get("replicas").or_else(|| s.get("desiredNumberScheduled")))
        .and_then(Value::as_i64)
        .unwrap_or(1);
    observed == Some(generation(obj)) && ready >= want
}

/// The never-ready reason a workload asks for, if any.
pub(crate) fn never_ready_reason(obj: &Value) -> Option<String> {
    get_path(obj, &["metadata", "annotations", NEVER_READY_ANNOTATION]).and_then(Value::as_str).map(str::to_string)
}

fn pod_for(store: &mut Store, key: &Key, owner: &Value, waiting: Option<&str>) -> (String, Value) {
    let n = store.next_counter();
    let name = format!("{}-{}", key.name, name_suffix(n));
    let template = get_path(owner, &["spec", "template"]).cloned().unwrap_or_else(|| json!({}));
    let containers: Vec<Value> =
        get_path(&template, &["spec", "containers"]).and_then(Value::as_array).cloned().unwrap_or_default();
    let now = now_rfc3339();
    let statuses: Vec<Value> = containers
        .iter()
        .map(|c| {
            let state = match waiting {
                Some(reason) => json!({"waiting": {"reason": reason, "message": format!("Back-off pulling image \"{}\"", str_at(c, &["image"]))}}),
                None => json!({"running": {"startedAt": now}}),
            };
            json!({
                "name": str_at(c, &["name"]),
                "image": str_at(c, &["image"]),
                "imageID": "",
                "ready": waiting.is_none(),
                "started": waiting.is_none(),
                "restartCount": 0,
                "state": state,
            })
        })
        .collect();
    let ready = if waiting.is_none() { "True" } else { "False" };
    let mut pod = json!({
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {
            "name": name,
            "namespace": key.namespace,
            "labels": get_path(&template, &["metadata", "labels"]).cloned().unwrap_or_else(|| json!({})),
            "ownerReferences": [{
                "apiVersion": owner.get("apiVersion").cloned().unwrap_or(Value::Null),
                "kind": owner.get("kind").cloned().unwrap_or(Value::Null),
                "name": key.name,
                "uid": str_at(owner, &["metadata", "uid"]),
                "controller": true,
                "blockOwnerDeletion": true,
            }],
        },
        "spec": template.get("spec").cloned().unwrap_or_else(|| json!({})),
        "status": {
            "phase": if waiting.is_none() { "Running" } else { "Pending" },
            "conditions": [
                {"type": "PodScheduled", "status": "True", "lastTransitionTime": now},
                {"type": "Initialized", "status": "True", "lastTransitionTime": now},
                {"type": "ContainersReady", "status": ready, "lastTransitionTime": now},
                {"type": "Ready", "status": ready, "lastTransitionTime": now},
            ],
            "containerStatuses": statuses,
            "hostIP": "10.0.0.1",
            "podIP": format!("10.1.{}.{}", n / 250 % 250, n % 250 + 2),
            "startTime": now,
        },
    });
    if let Some(ann) = get_path(&template, &["metadata", "annotations"]) {
        set_path(&mut pod, &["metadata", "annotations"], ann.clone());
    }
    set_path(&mut pod, &["spec", "nodeName"], json!(crate::NODE_NAME));
    (name, pod)
}

/// Settles a workload written at `task.generation`: Pods (ready, or one waiting with the never-ready
/// reason plus a Warning Event) and the matching status. Does nothing if the object changed since.
pub(crate) fn settle(store: &mut Store, task: &ReadyTask) {
    let Some(obj) = store.get(&task.key).cloned() else { return };
    if str_at(&obj, &["metadata", "uid"]) != task.uid || generation(&obj) != task.generation {
        return;
    }
    let Some(pods) = store.find_resource("", "v1", "pods") else { return };
    let waiting = never_ready_reason(&obj);
    store.remove_owned(&task.uid, "", "pods");
    let want = replicas(&task.key, &obj);
    let count = if waiting.is_some() { want.min(1) } else { want };
    for _ in 0..count {
        let (name, pod) = pod_for(store, &task.key, &obj, waiting.as_deref());
        let pod_key = Key::new(&pods, &task.key.namespace, &name);
        let mut pod = pod;
        store.fill_new_meta(&mut pod);
        let stored = store.put(pod_key, pod, EventType::Added);
        if let Some(reason) = &waiting {
            warning_event(store, &stored, reason);
        }
    }
    let ready = if waiting.is_some() { 0 } else { want };
    let mut updated = obj;
    let st = status(&task.key.plural, &task.key.name, &updated, want, want, ready);
    set_path(&mut updated, &["status"], st);
    store.put(task.key.clone(), updated, EventType::Modified);
}

fn warning_event(store: &mut Store, pod: &Value, reason: &str) {
    let Some(events) = store.find_resource("", "v1", "events") else { return };
    let pod_name = str_at(pod, &["metadata", "name"]).to_string();
    let ns = str_at(pod, &["metadata", "namespace"]).to_string();
    let container = get_path(pod, &["spec", "containers"])
        .and_then(Value::as_array)
        .and_then(|c| c.first())
        .map(|c| str_at(c, &["name"]).to_string())
        .unwrap_or_default();
    let n = store.next_counter();
    let name = format!("{pod_name}.{n:016x}");
    let now = now_rfc3339();
    let event = json!({
        "apiVersion": "v1",
        "kind": "Event",
        "metadata": {"name": name, "namespace": ns},
        "involvedObject": {
            "apiVersion": "v1",
            "kind": "Pod",
            "name": pod_name,
            "namespace": ns,
            "uid": str_at(pod, &["metadata", "uid"]),
            "fieldPath": format!("spec.containers{{{container}}}"),
        },
        "reason": "Failed",
        "message": format!("Error: {reason}"),
        "type": "Warning",
        "count": 1,
        "firstTimestamp": now,
        "lastTimestamp": now,
        "source": {"component": "kubelet", "host": crate::NODE_NAME},
        "reportingComponent": "kubelet",
    });
    let key = Key::new(&events, &ns, &name);
    let mut event = event;
    store.fill_new_meta(&mut event);
    store.put(key, event, EventType::Added);
}
