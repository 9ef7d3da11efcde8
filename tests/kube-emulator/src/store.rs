//! The object store: objects by resource/namespace/name, resourceVersion bookkeeping, watch history and the
//! write rules (create, update, delete with cascading) shared by every HTTP verb.

use crate::resources::{ResourceInfo, all_resources};
use crate::status::ApiError;
use crate::util::{get_path, mix64, name_suffix, now_rfc3339, set_path, str_at};
use crate::workload;
use serde_json::{Value, json};
use std::collections::{BTreeMap, VecDeque};
use std::sync::Arc;
use tokio::sync::broadcast;

/// How many past events are kept for watches that resume from a resourceVersion.
const HISTORY: usize = 20_000;

/// Where an object lives; the version is not part of it (every served version sees the same objects).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Key {
    pub group: String,
    pub plural: String,
    /// `""` for cluster-scoped objects.
    pub namespace: String,
    pub name: String,
}

impl Key {
    pub(crate) fn new(res: &ResourceInfo, namespace: &str, name: &str) -> Self {
        Key {
            group: res.group.clone(),
            plural: res.plural.clone(),
            namespace: if res.namespaced { namespace.to_string() } else { String::new() },
            name: name.to_string(),
        }
    }
}

/// The type of a watch event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EventType {
    Added,
    Modified,
    Deleted,
}

impl WatchEvent {
    /// The event type a watch filtered by `matches` sees, if any: a MODIFIED object that starts
    /// matching is ADDED for it, one that stops matching is DELETED.
    pub(crate) fn seen_as(&self, matches: impl Fn(&Key, &Value) -> bool) -> Option<EventType> {
        let now = matches(&self.key, &self.object);
        match (self.kind, &self.previous) {
            (EventType::Modified, Some(before)) => match (matches(&self.key, before), now) {
                (true, true) => Some(EventType::Modified),
                (false, true) => Some(EventType::Added),
                (true, false) => Some(EventType::Deleted),
                (false, false) => None,
            },
            (kind, _) => now.then_some(kind),
        }
    }
}

impl EventType {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            EventType::Added => "ADDED",
            EventType::Modified => "MODIFIED",
            EventType::Deleted => "DELETED",
        }
    }
}

/// One change, as watches see it.
#[derive(Debug, Clone)]
pub(crate) struct WatchEvent {
    pub rv: u64,
    pub kind: EventType,
    pub key: Key,
    pub object: Value,
    /// The object before a MODIFIED change, so selector-filtered watches can tell "started or stopped
    /// matching" (sent as ADDED or DELETED, like Kubernetes does).
    pub previous: Option<Value>,
}

/// A workload whose readiness the timer must settle: (key, uid, generation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReadyTask {
    pub key: Key,
    pub uid: String,
    pub generation: i64,
}

/// All objects and the bookkeeping around them.
pub(crate) struct Store {
    objects: BTreeMap<Key, Value>,
    rv: u64,
    history: VecDeque<Arc<WatchEvent>>,
    counter: u64,
    seed: u64,
    tx: broadcast::Sender<Arc<WatchEvent>>,
    /// Workloads written since the server last scheduled readiness timers.
    pub pending_ready: Vec<ReadyTask>,
}

/// The parts of an object that count for `metadata.generation` (everything but metadata and status).
fn spec_part(v: &Value) -> Value {
    let mut v = v.clone();
    if let Some(m) = v.as_object_mut() {
        m.shift_remove("metadata");
        m.shift_remove("status");
    }
    v
}

/// An object without the fields that change on every write, to detect no-op updates.
fn comparable(v: &Value) -> Value {
    let mut v = v.clone();
    if let Some(meta) = v.get_mut("metadata").and_then(Value::as_object_mut) {
        meta.shift_remove("resourceVersion");
        if let Some(Value::Array(entries)) = meta.get_mut("managedFields") {
            for e in entries.iter_mut().filter_map(Value::as_object_mut) {
                e.shift_remove("time");
            }
        }
    }
    v
}

fn generation(v: &Value) -> i64 {
    get_path(v, &["metadata", "generation"]).and_then(Value::as_i64).unwrap_or(0)
}

fn has_finalizers(v: &Value) -> bool {
    get_path(v, &["metadata", "finalizers"]).and_then(Value::as_array).is_some_and(|a| !a.is_empty())
}

impl Store {
    pub(crate) fn new(seed: u64) -> (Self, broadcast::Sender<Arc<WatchEvent>>) {
        let (tx, _) = broadcast::channel(4096);
        let store = Store {
            objects: BTreeMap::new(),
            rv: 0,
            history: VecDeque::new(),
            counter: 0,
            seed,
            tx: tx.clone(),
            pending_ready: Vec::new(),
        };
        (store, tx)
    }

    /// The current resourceVersion (of the last write).
    pub(crate) fn resource_version(&self) -> u64 {
        self.rv
    }

    /// The oldest resourceVersion a watch can still resume from.
    pub(crate) fn oldest_resumable(&self) -> u64 {
        self.history.front().map(|e| e.rv.saturating_sub(1)).unwrap_or(self.rv)
    }

    /// Events after `rv`, oldest first.
    pub(crate) fn events_since(&self, rv: u64) -> Vec<Arc<WatchEvent>> {
        self.history.iter().filter(|e| e.rv > rv).cloned().collect()
    }

    /// A fresh number for uids and generated names.
    pub(crate) fn next_counter(&mut self) -> u64 {
        self.counter += 1;
        self.counter
    }

    fn new_uid(&mut self) -> String {
        let n = self.next_counter();
        let r = mix64(self.seed ^ n);
        format!("{:08x}-{:04x}-4{:03x}-8{:03x}-{:012x}", r >> 32, (r >> 16) & 0xffff, r & 0xfff, n >> 48 & 0xfff, n)
    }

    /// Every served resource type (built-ins plus stored CRDs).
    pub(crate) fn resources(&self) -> Vec<ResourceInfo> {
        let start =
            Key { group: CRD_GROUP.into(), plural: CRD_PLURAL.into(), namespace: String::new(), name: String::new() };
        all_resources(self.objects.range(start..).take_while(|(k, _)| is_crd_key(k)).map(|(_, v)| v))
    }

    /// The resource type at group/version/plural.
    pub(crate) fn find_resource(&self, group: &str, version: &str, plural: &str) -> Option<ResourceInfo> {
        self.resources().into_iter().find(|r| r.group == group && r.version == version && r.plural == plural)
    }

    /// The resource type for an object's apiVersion and kind.
    pub(crate) fn resource_for(&self, api_version: &str, kind: &str) -> Option<ResourceInfo> {
        let (group, version) = api_version.rsplit_once('/').unwrap_or(("", api_version));
        self.resources().into_iter().find(|r| r.group == group && r.version == version && r.kind == kind)
    }

    pub(crate) fn get(&self, key: &Key) -> Option<&Value> {
        self.objects.get(key)
    }

    /// Objects of one resource, in one namespace or all.
    pub(crate) fn list(&self, res: &ResourceInfo, namespace: Option<&str>) -> Vec<Value> {
        self.objects
            .iter()
            .filter(|(k, _)| k.group == res.group && k.plural == res.plural)
            .filter(|(k, _)| namespace.is_none_or(|ns| k.namespace == ns))
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// Every object, with its key.
    pub(crate) fn all(&self) -> impl Iterator<Item = (&Key, &Value)> {
        self.objects.iter()
    }

    fn namespace_exists(&self, ns: &str) -> bool {
        self.objects.contains_key(&namespace_key(ns))
    }

    /// Stores `obj` under `key` with a new resourceVersion and tells watchers.
    pub(crate) fn put(&mut self, key: Key, mut obj: Value, kind: EventType) -> Value {
        self.rv += 1;
        set_path(&mut obj, &["metadata", "resourceVersion"], json!(self.rv.to_string()));
        let previous = self.objects.insert(key.clone(), obj.clone()).filter(|_| kind == EventType::Modified);
        self.record(key, obj.clone(), kind, previous);
        obj
    }

    fn record(&mut self, key: Key, object: Value, kind: EventType, previous: Option<Value>) {
        let ev = Arc::new(WatchEvent { rv: self.rv, kind, key, object, previous });
        self.history.push_back(ev.clone());
        while self.history.len() > HISTORY {
            self.history.pop_front();
        }
        // No receivers is fine: nobody is watching.
        let _ = self.tx.send(ev);
    }

    /// Removes an object outright (no finalizer handling) and tells watchers.
    fn remove(&mut self, key: &Key) -> Option<Value> {
        let mut obj = self.objects.remove(key)?;
        self.rv += 1;
        set_path(&mut obj, &["metadata", "resourceVersion"], json!(self.rv.to_string()));
        self.record(key.clone(), obj.clone(), EventType::Deleted, None);
        Some(obj)
    }

    /// Creates an object. `namespace` comes from the request path.
    pub(crate) fn create(
        &mut self,
        res: &ResourceInfo,
        namespace: &str,
        mut obj: Value,
        dry_run: bool,
    ) -> Result<Value, ApiError> {
        if !obj.is_object() {
            return Err(ApiError::bad_request("the body of the request must be an object"));
        }
        let body_ns = str_at(&obj, &["metadata", "namespace"]).to_string();
        if res.namespaced && !body_ns.is_empty() && body_ns != namespace {
            return Err(ApiError::bad_request(
                "the namespace of the provided object does not match the namespace sent on the request",
            ));
        }
        let mut name = str_at(&obj, &["metadata", "name"]).to_string();
        if name.is_empty() {
            let prefix = str_at(&obj, &["metadata", "generateName"]).to_string();
            if prefix.is_empty() {
                return Err(ApiError::invalid(
                    res,
                    "",
                    format!(
                        "{} \"\" is invalid: metadata.name: Required value: name or generateName is required",
                        res.kind
                    ),
                ));
            }
            let n = self.next_counter();
            name = format!("{prefix}{}", name_suffix(self.seed ^ n));
        }
        if res.namespaced && !self.namespace_exists(namespace) {
            return Err(ApiError::namespace_not_found(namespace));
        }
        let key = Key::new(res, namespace, &name);
        if self.objects.contains_key(&key) {
            return Err(ApiError::already_exists(res, &name));
        }
        set_path(&mut obj, &["apiVersion"], json!(res.api_version()));
        set_path(&mut obj, &["kind"], json!(res.kind));
        set_path(&mut obj, &["metadata", "name"], json!(name));
        if res.namespaced {
            set_path(&mut obj, &["metadata", "namespace"], json!(namespace));
        } else if let Some(meta) = obj.get_mut("metadata").and_then(Value::as_object_mut) {
            meta.shift_remove("namespace");
        }
        self.fill_new_meta(&mut obj);
        self.on_write(res, None, &mut obj, false);
        if dry_run {
            return Ok(obj);
        }
        let stored = self.put(key.clone(), obj, EventType::Added);
        self.note_workload(res, &key, &stored);
        Ok(stored)
    }

    /// Sets what the server decides for a new object: uid, creationTimestamp, generation 1.
    pub(crate) fn fill_new_meta(&mut self, obj: &mut Value) {
        let uid = self.new_uid();
        set_path(obj, &["metadata", "uid"], json!(uid));
        set_path(obj, &["metadata", "creationTimestamp"], json!(now_rfc3339()));
        set_path(obj, &["metadata", "generation"], json!(1));
        if let Some(meta) = obj.get_mut("metadata").and_then(Value::as_object_mut) {
            meta.shift_remove("deletionTimestamp");
            meta.shift_remove("resourceVersion");
        }
    }

    /// Replaces an object (PUT, and every patch after it is computed). With `status_only`, only the
    /// status of `new` is taken.
    pub(crate) fn update(
        &mut self,
        res: &ResourceInfo,
        namespace: &str,
        name: &str,
        mut new: Value,
        status_only: bool,
        dry_run: bool,
    ) -> Result<Value, ApiError> {
        let key = Key::new(res, namespace, name);
        let old = self.objects.get(&key).cloned().ok_or_else(|| ApiError::not_found(res, name))?;
        if !new.is_object() {
            return Err(ApiError::bad_request("the body of the request must be an object"));
        }
        let body_name = str_at(&new, &["metadata", "name"]);
        if !body_name.is_empty() && body_name != name {
            return Err(ApiError::bad_request("the name of the object does not match the name on the URL"));
        }
        let body_rv = str_at(&new, &["metadata", "resourceVersion"]);
        if !body_rv.is_empty() && body_rv != str_at(&old, &["metadata", "resourceVersion"]) {
            return Err(ApiError::conflict(res, name));
        }
        if status_only {
            let status = new.get("status").cloned();
            new = old.clone();
            match status {
                Some(s) => set_path(&mut new, &["status"], s),
                None => {
                    if let Some(m) = new.as_object_mut() {
                        m.shift_remove("status");
                    }
                }
            }
        }
        set_path(&mut new, &["apiVersion"], json!(res.api_version()));
        set_path(&mut new, &["kind"], json!(res.kind));
        for field in ["name", "namespace", "uid", "creationTimestamp", "deletionTimestamp"] {
            match get_path(&old, &["metadata", field]) {
                Some(v) => set_path(&mut new, &["metadata", field], v.clone()),
                None => {
                    if let Some(meta) = new.get_mut("metadata").and_then(Value::as_object_mut) {
                        meta.shift_remove(field);
                    }
                }
            }
        }
        if get_path(&new, &["metadata", "managedFields"]).is_none()
            && let Some(mf) = get_path(&old, &["metadata", "managedFields"])
        {
            set_path(&mut new, &["metadata", "managedFields"], mf.clone());
        }
        let bump = i64::from(spec_part(&old) != spec_part(&new));
        set_path(&mut new, &["metadata", "generation"], json!(generation(&old) + bump));
        set_path(
            &mut new,
            &["metadata", "resourceVersion"],
            get_path(&old, &["metadata", "resourceVersion"]).cloned().unwrap_or(Value::Null),
        );
        self.on_write(res, Some(&old), &mut new, status_only);
        if comparable(&new) == comparable(&old) {
            return Ok(old);
        }
        if dry_run {
            return Ok(new);
        }
        if get_path(&new, &["metadata", "deletionTimestamp"]).is_some() && !has_finalizers(&new) {
            let gone = self.put(key.clone(), new, EventType::Modified);
            self.delete_now(&key, false);
            return Ok(gone);
        }
        let stored = self.put(key.clone(), new, EventType::Modified);
        self.note_workload(res, &key, &stored);
        Ok(stored)
    }

    /// Deletes an object. Objects with finalizers only get a deletionTimestamp. Dependents (by
    /// ownerReference uid), a namespace's contents and a CRD's objects go too, unless `orphan`.
    pub(crate) fn delete(
        &mut self,
        res: &ResourceInfo,
        namespace: &str,
        name: &str,
        orphan: bool,
        dry_run: bool,
    ) -> Result<Value, ApiError> {
        let key = Key::new(res, namespace, name);
        let obj = self.objects.get(&key).cloned().ok_or_else(|| ApiError::not_found(res, name))?;
        if dry_run {
            return Ok(obj);
        }
        if has_finalizers(&obj) {
            if get_path(&obj, &["metadata", "deletionTimestamp"]).is_some() {
                return Ok(obj);
            }
            let mut marked = obj;
            set_path(&mut marked, &["metadata", "deletionTimestamp"], json!(now_rfc3339()));
            return Ok(self.put(key, marked, EventType::Modified));
        }
        Ok(self.delete_now(&key, orphan).unwrap_or(obj))
    }

    /// Removes an object and, unless `orphan`, everything that depends on it.
    fn delete_now(&mut self, key: &Key, orphan: bool) -> Option<Value> {
        let obj = self.remove(key)?;
        let uid = str_at(&obj, &["metadata", "uid"]).to_string();
        let mut dependents: Vec<Key> = Vec::new();
        if key.group.is_empty() && key.plural == "namespaces" {
            dependents.extend(self.objects.keys().filter(|k| k.namespace == key.name).cloned());
        }
        if is_crd_key(key) {
            let group = str_at(&obj, &["spec", "group"]);
            let plural = str_at(&obj, &["spec", "names", "plural"]);
            dependents.extend(self.objects.keys().filter(|k| k.group == group && k.plural == plural).cloned());
        }
        if !orphan {
            dependents.extend(
                self.objects
                    .iter()
                    .filter(|(_, v)| {
                        get_path(v, &["metadata", "ownerReferences"]).and_then(Value::as_array).is_some_and(|refs| {
                            refs.iter().any(|r| r.get("uid").and_then(Value::as_str) == Some(uid.as_str()))
                        })
                    })
                    .map(|(k, _)| k.clone()),
            );
        }
        for k in dependents {
            self.delete_now(&k, orphan);
        }
        Some(obj)
    }

    /// Kind-specific rules applied on every write of the main resource or its status.
    fn on_write(&mut self, res: &ResourceInfo, old: Option<&Value>, obj: &mut Value, status_only: bool) {
        if res.status_subresource && !status_only {
            match old.and_then(|o| o.get("status")) {
                Some(s) => set_path(obj, &["status"], s.clone()),
                None => {
                    if let Some(m) = obj.as_object_mut() {
                        m.shift_remove("status");
                    }
                }
            }
        }
        match (res.group.as_str(), res.plural.as_str()) {
            ("", "namespaces") => {
                if str_at(obj, &["status", "phase"]).is_empty() {
                    set_path(obj, &["status", "phase"], json!("Active"));
                }
                let name = str_at(obj, &["metadata", "name"]).to_string();
                set_path(obj, &["metadata", "labels", NAMESPACE_NAME_LABEL], json!(name));
            }
            ("", "services") => self.assign_cluster_ip(old, obj),
            (CRD_GROUP, CRD_PLURAL) => establish_crd(obj),
            _ if res.is_workload() && old.is_none_or(|o| generation(o) != generation(obj)) => {
                let status = workload::progressing_status(res, obj);
                set_path(obj, &["status"], status);
            }
            _ => {}
        }
    }

    /// Gives a Service a cluster IP (kept across updates), as the API server's allocator does.
    fn assign_cluster_ip(&mut self, old: Option<&Value>, obj: &mut Value) {
        if str_at(obj, &["spec", "type"]) == "ExternalName" || !str_at(obj, &["spec", "clusterIP"]).is_empty() {
            return;
        }
        let ip = match old.map(|o| str_at(o, &["spec", "clusterIP"])).filter(|ip| !ip.is_empty()) {
            Some(ip) => ip.to_string(),
            None => {
                let n = self.next_counter();
                format!("10.96.{}.{}", n / 250 % 250, n % 250 + 1)
            }
        };
        set_path(obj, &["spec", "clusterIPs"], json!([ip]));
        set_path(obj, &["spec", "clusterIP"], json!(ip));
    }

    fn note_workload(&mut self, res: &ResourceInfo, key: &Key, stored: &Value) {
        if res.is_workload() {
            let task = ReadyTask {
                key: key.clone(),
                uid: str_at(stored, &["metadata", "uid"]).to_string(),
                generation: generation(stored),
            };
            if !self.pending_ready.contains(&task) {
                self.pending_ready.push(task);
            }
        }
    }

    /// Workloads whose status does not yet say ready for their current generation (never-ready ones aside).
    pub(crate) fn unsettled_workloads(&self) -> Vec<ReadyTask> {
        self.objects
            .iter()
            .filter(|(k, _)| k.group == "apps" && crate::resources::WORKLOAD_PLURALS.contains(&k.plural.as_str()))
            // Never-ready workloads were settled (as not ready) when written.
            .filter(|(_, v)| !workload::is_settled(v) && workload::never_ready_reason(v).is_none())
            .map(|(k, v)| ReadyTask {
                key: k.clone(),
                uid: str_at(v, &["metadata", "uid"]).to_string(),
                generation: generation(v),
            })
            .collect()
    }

    /// Removes the objects with an ownerReference to `uid` of the given resource (used for workload Pods).
    pub(crate) fn remove_owned(&mut self, uid: &str, group: &str, plural: &str) {
        let keys: Vec<Key> = self
            .objects
            .iter()
            .filter(|(k, _)| k.group == group && k.plural == plural)
            .filter(|(_, v)| {
                get_path(v, &["metadata", "ownerReferences"])
                    .and_then(Value::as_array)
                    .is_some_and(|refs| refs.iter().any(|r| r.get("uid").and_then(Value::as_str) == Some(uid)))
            })
            .map(|(k, _)| k.clone())
            .collect();
        for k in keys {
            self.delete_now(&k, false);
        }
    }
}

/// The key of a namespace object.
pub(crate) fn namespace_key(ns: &str) -> Key {
    Key { group: String::new(), plural: "namespaces".into(), namespace: String::new(), name: ns.to_string() }
}

/// The label Kubernetes puts on every namespace, holding its name.
pub(crate) const NAMESPACE_NAME_LABEL: &str = "kubernetes.io/metadata.name";
const CRD_GROUP: &str = "apiextensions.k8s.io";
const CRD_PLURAL: &str = "customresourcedefinitions";

fn is_crd_key(k: &Key) -> bool {
    k.group == CRD_GROUP && k.plural == CRD_PLURAL
}

/// Marks a CRD Established with its names accepted, as the apiextensions controller would at once.
fn establish_crd(crd: &mut Value) {
    let now = now_rfc3339();
    let names = get_path(crd, &["spec", "names"]).cloned().unwrap_or_else(|| json!({}));
    let stored: Vec<Value> = get_path(crd, &["spec", "versions"])
        .and_then(Value::as_array)
        .map(|vs| {
            vs.iter()
                .filter(|v| v.get("storage").and_then(Value::as_bool) == Some(true))
                .filter_map(|v| v.get("name").cloned())
                .collect()
        })
        .unwrap_or_default();
    set_path(
        crd,
        &["status"],
        json!({
            "acceptedNames": names,
            "conditions": [
                {"type": "NamesAccepted", "status": "True", "lastTransitionTime": now, "reason": "NoConflicts", "message": "no conflicts found"},
                {"type": "Established", "status": "True", "lastTransitionTime": now, "reason": "InitialNamesAccepted", "message": "the initial names have been accepted"}
            ],
            "storedVersions": stored,
        }),
    );
}
