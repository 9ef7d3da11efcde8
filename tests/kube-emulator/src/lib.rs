//! A Kubernetes API server emulator for istioctl's tests.
//!
//! No kube-apiserver can be installed where the tests run, so this crate serves enough of the Kubernetes
//! REST API over plain HTTP on 127.0.0.1 for kube-rs (`Client`, `Discovery`, `Api<DynamicObject>`,
//! server-side apply, `await_condition` watches, exec) and for the real `kubectl` 1.35. It is an
//! independent implementation: it does not use kube-rs or k8s-openapi.
//!
//! What it serves:
//! - `/version`, `/healthz`; discovery at `/api`, `/apis`, `/api/v1`, `/apis/G`, `/apis/G/V`, in the
//!   legacy form and, when the Accept header asks for it, the aggregated form (`apidiscovery.k8s.io/v2`
//!   and `v2beta1`); kinds of stored CustomResourceDefinitions are served too.
//! - get, list (label selectors with `=`, `==`, `!=`, `in`, `notin`, exists, `!`; field selectors on any
//!   dotted path), watch (`?watch=true`, resuming from `resourceVersion`, `timeoutSeconds`,
//!   `sendInitialEvents`), create, update, delete (with propagation; `Orphan` keeps dependents),
//!   deletecollection, `/status` subresources, Table output for kubectl.
//! - Patches: server-side apply (approximated, see [`patch`]), JSON merge patch, JSON patch; strategic
//!   merge patch is handled as a JSON merge patch (lists are replaced, not merged by key).
//! - Bookkeeping: uid, resourceVersion (one global counter), generation (bumped when anything but metadata
//!   and status changes), creationTimestamp, managedFields for appliers, finalizers/deletionTimestamp.
//! - Rules: namespaces get their `kubernetes.io/metadata.name` label and Services a cluster IP, as the
//!   real API server does; namespaced creates need the namespace; deleting a namespace deletes its
//!   contents; deleting a CRD deletes its objects; errors are `Status` objects shaped like Kubernetes'.
//! - Behaviour: CRDs are Established at once; Deployments, DaemonSets, StatefulSets and ReplicaSets get a
//!   "progressing" status when written and, after [`Config::ready_after`] (or never), Pods that run and a
//!   ready status. The annotation [`NEVER_READY_ANNOTATION`] (value: a reason such as `ImagePullBackOff`)
//!   instead leaves one Pod waiting with that reason, plus a Warning Event.
//! - Exec over WebSocket (`v5.channel.k8s.io`, `v4.channel.k8s.io`) runs the command LOCALLY on this
//!   machine and streams stdout, stderr and the exit status. SPDY is not served.
//! - Port-forward over WebSocket to an istiod pod's monitoring port answers `/version` (the version is the
//!   image tag of its `discovery` container) and `/debug/syncz` (the running `istio-proxy` pods of its
//!   revision); see `istiod.rs`. Only the WebSocket channel protocol kube-rs speaks is served, so
//!   `kubectl port-forward` (SPDY, or SPDY tunnelled over WebSocket) is refused.
//! - Faults ([`Faults`]) and a request log ([`RequestRecord`]).
//!
//! Known limits: kubectl must run with `--validate=false` (no OpenAPI documents are served); protobuf
//! request bodies are read only for what `kubectl create namespace|configmap|secret|serviceaccount`
//! sends (other typed creates get 415: use `kubectl apply`); `limit`/`continue` paging is ignored (lists
//! are whole); Jobs never complete; there is no admission, validation or defaulting; no TLS (kube-rs 5 and
//! kubectl 1.35 both accept `server: http://127.0.0.1:PORT`).
//!
//! kubectl 1.35 for tests comes from `scripts/install-kubectl.sh` (into `target/tools/kubectl`); the
//! kubectl tests are `#[ignore]`d: `cargo test -p kube-emulator -- --ignored` (`KUBECTL=path` overrides).
//!
//! Standalone use (the `kube-emulator` example of the istioctl package):
//!
//! ```text
//! cargo run --release --example kube-emulator -- --listen 127.0.0.1:PORT --kubeconfig FILE [--ready-after 2s]
//! ```
//!
//! writes a kubeconfig to FILE, prints `ready` on stdout once it accepts requests, and serves until
//! killed. `--ready-after never` keeps workloads unready; fault flags are listed by `--help`.
//!
//! Library use, from plain `#[test]` functions (the emulator runs its own runtime threads; it can also be
//! started inside a tokio runtime). Workloads are ready at once by default (`ready_after: Some(0s)`):
//!
//! ```no_run
//! let emu = kube_emulator::Emulator::start(kube_emulator::Config::default()).unwrap();
//! // run `istioctl --kubeconfig <emu.kubeconfig_path()> ...`, then:
//! assert!(emu.requests().iter().all(|r| !r.is_mutating()));
//! ```

mod exec;
mod faults;
mod istiod;
pub mod patch;
mod portforward;
mod proto;
mod resources;
mod selector;
mod server;
mod status;
mod store;
mod util;
mod workload;

pub use faults::Faults;
pub use resources::ResourceInfo;
pub use selector::{FieldSelector, LabelSelector};
pub use util::parse_duration;
pub use workload::NEVER_READY_ANNOTATION;

use serde_json::{Value, json};
use server::Shared;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use store::{EventType, Key, Store};
use util::lock;

/// The Kubernetes minor version the emulator reports (`v1.35.0`).
pub const VERSION_MINOR: &str = "35";
/// The name of the cluster, context and user in the kubeconfig written.
pub const CONTEXT_NAME: &str = "kube-emulator";
/// The one Node the emulator pretends to have; Pods are "scheduled" on it.
pub const NODE_NAME: &str = "emulator-node";
/// Namespaces that exist from the start, like in a fresh cluster.
pub const INITIAL_NAMESPACES: &[&str] = &["default", "kube-system", "kube-public", "kube-node-lease"];

/// How to start the emulator.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where to listen; port 0 picks a free port.
    pub listen: SocketAddr,
    /// Where to write the kubeconfig; `None` writes one into a temporary directory removed on drop.
    pub kubeconfig: Option<PathBuf>,
    /// How long after a workload is written it becomes ready; `None` means never.
    pub ready_after: Option<Duration>,
    /// Faults from the start.
    pub faults: Faults,
    /// Whether to answer aggregated discovery when asked for it (otherwise only the legacy form).
    pub aggregated_discovery: bool,
    /// Seed for uids and generated names.
    pub seed: u64,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            kubeconfig: None,
            ready_after: Some(Duration::ZERO),
            faults: Faults::default(),
            aggregated_discovery: true,
            seed: 0,
        }
    }
}

/// One answered request, for assertions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestRecord {
    pub method: String,
    pub path: String,
    /// The raw query string (still percent-encoded).
    pub query: String,
    pub content_type: String,
    /// The HTTP status; 0 when the connection was dropped by an injected fault.
    pub status: u16,
}

impl RequestRecord {
    /// Whether the request could change state: POST, PUT, PATCH or DELETE, except POSTs of access and
    /// token reviews (`.../selfsubjectaccessreviews`), which only ask a question.
    pub fn is_mutating(&self) -> bool {
        matches!(self.method.as_str(), "POST" | "PUT" | "PATCH" | "DELETE") && !self.path.ends_with("reviews")
    }
}

/// Errors starting the emulator or using its library API.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("cannot listen on {addr}: {source}")]
    Listen { addr: SocketAddr, source: std::io::Error },
    #[error("cannot start the runtime: {0}")]
    Runtime(std::io::Error),
    #[error("cannot write the kubeconfig {path}: {source}")]
    Kubeconfig { path: PathBuf, source: std::io::Error },
    #[error("no served resource has apiVersion {api_version} and kind {kind}")]
    UnknownKind { api_version: String, kind: String },
    #[error("the API refused the object: {0}")]
    Refused(String),
}

/// A running emulator. Dropping it stops the server.
pub struct Emulator {
    shared: Arc<Shared>,
    runtime: Option<tokio::runtime::Runtime>,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    addr: SocketAddr,
    kubeconfig: PathBuf,
    temp_dir: Option<PathBuf>,
}

static TEMP_COUNTER: AtomicU64 = AtomicU64::new(0);

/// The kubeconfig text for a server URL.
pub fn kubeconfig_yaml(url: &str) -> String {
    format!(
        "apiVersion: v1\nkind: Config\nclusters:\n- name: {CONTEXT_NAME}\n  cluster:\n    server: {url}\ncontexts:\n- name: {CONTEXT_NAME}\n  context:\n    cluster: {CONTEXT_NAME}\n    user: {CONTEXT_NAME}\n    namespace: default\ncurrent-context: {CONTEXT_NAME}\nusers:\n- name: {CONTEXT_NAME}\n  user: {{}}\npreferences: {{}}\n"
    )
}

impl Emulator {
    /// Binds the listener, writes the kubeconfig and starts serving on a runtime of its own. When this
    /// returns, the server accepts connections.
    pub fn start(config: Config) -> Result<Emulator, Error> {
        let listener = std::net::TcpListener::bind(config.listen)
            .map_err(|source| Error::Listen { addr: config.listen, source })?;
        let addr = listener.local_addr().map_err(|source| Error::Listen { addr: config.listen, source })?;
        listener.set_nonblocking(true).map_err(|source| Error::Listen { addr, source })?;
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .thread_name("kube-emulator")
            .enable_all()
            .build()
            .map_err(Error::Runtime)?;
        let (mut store, events) = Store::new(config.seed);
        seed_cluster(&mut store);
        let mut faults = faults::FaultState::default();
        faults.set(config.faults.clone());
        let shared = Arc::new(Shared {
            store: Mutex::new(store),
            events,
            requests: Mutex::new(Vec::new()),
            faults: Mutex::new(faults),
            ready_after: Mutex::new(config.ready_after),
            handle: runtime.handle().clone(),
            aggregated_discovery: config.aggregated_discovery,
        });
        let (temp_dir, kubeconfig) = match &config.kubeconfig {
            Some(p) => (None, p.clone()),
            None => {
                let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
                let dir = std::env::temp_dir().join(format!("kube-emulator-{}-{n}", std::process::id()));
                std::fs::create_dir_all(&dir).map_err(|source| Error::Kubeconfig { path: dir.clone(), source })?;
                (Some(dir.clone()), dir.join("kubeconfig"))
            }
        };
        let url = format!("http://{addr}");
        std::fs::write(&kubeconfig, kubeconfig_yaml(&url))
            .map_err(|source| Error::Kubeconfig { path: kubeconfig.clone(), source })?;
        let (tx, rx) = tokio::sync::oneshot::channel::<()>();
        let app = axum::Router::new().fallback(server::entry).with_state(shared.clone());
        runtime.spawn(async move {
            let Ok(listener) = tokio::net::TcpListener::from_std(listener) else { return };
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = rx.await;
                })
                .await;
        });
        Ok(Emulator { shared, runtime: Some(runtime), shutdown: Some(tx), addr, kubeconfig, temp_dir })
    }

    /// The kubeconfig pointing at this emulator (context [`CONTEXT_NAME`], namespace `default`).
    pub fn kubeconfig_path(&self) -> &Path {
        &self.kubeconfig
    }

    /// `http://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The address served.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Every request answered so far, oldest first.
    pub fn requests(&self) -> Vec<RequestRecord> {
        lock(&self.shared.requests).clone()
    }

    /// Forgets the requests logged so far.
    pub fn clear_requests(&self) {
        lock(&self.shared.requests).clear();
    }

    /// Replaces the injected faults (and restarts their counters).
    pub fn set_faults(&self, faults: Faults) {
        lock(&self.shared.faults).set(faults);
    }

    /// Changes when workloads become ready; unready workloads are (re)scheduled with the new delay.
    pub fn set_ready_after(&self, ready_after: Option<Duration>) {
        *lock(&self.shared.ready_after) = ready_after;
        let tasks = lock(&self.shared.store).unsettled_workloads();
        for task in tasks {
            self.shared.schedule(task);
        }
    }

    /// Stored objects of one kind (`"Deployment"`), or of every kind for `""`, sorted by
    /// group, resource, namespace and name.
    pub fn objects(&self, kind: &str) -> Vec<Value> {
        lock(&self.shared.store)
            .all()
            .filter(|(_, v)| kind.is_empty() || v.get("kind").and_then(Value::as_str) == Some(kind))
            .map(|(_, v)| v.clone())
            .collect()
    }

    /// One stored object by kind, namespace (`None` for cluster-scoped) and name.
    pub fn get(&self, kind: &str, namespace: Option<&str>, name: &str) -> Option<Value> {
        lock(&self.shared.store)
            .all()
            .find(|(k, v)| {
                v.get("kind").and_then(Value::as_str) == Some(kind)
                    && k.name == name
                    && k.namespace == namespace.unwrap_or("")
            })
            .map(|(_, v)| v.clone())
    }

    /// Creates an object directly (as a POST would), for seeding a test's cluster.
    pub fn create(&self, obj: Value) -> Result<Value, Error> {
        let api_version = obj.get("apiVersion").and_then(Value::as_str).unwrap_or("").to_string();
        let kind = obj.get("kind").and_then(Value::as_str).unwrap_or("").to_string();
        let ns = obj
            .get("metadata")
            .and_then(|m| m.get("namespace"))
            .and_then(Value::as_str)
            .unwrap_or("default")
            .to_string();
        let created = {
            let mut store = lock(&self.shared.store);
            let res = store.resource_for(&api_version, &kind).ok_or(Error::UnknownKind { api_version, kind })?;
            store.create(&res, &ns, obj, false).map_err(|e| Error::Refused(e.message))?
        };
        self.shared.schedule_pending();
        Ok(created)
    }
}

impl Emulator {
    /// Creates an object and then gives it the `status` it was given (a create alone drops it, as the API
    /// server does), for seeding objects whose status matters, such as running Pods.
    pub fn create_with_status(&self, obj: Value) -> Result<Value, Error> {
        let mut created = self.create(obj.clone())?;
        let Some(status) = obj.get("status") else { return Ok(created) };
        created["status"] = status.clone();
        let mut store = lock(&self.shared.store);
        let api_version = str_of(&created, "apiVersion");
        let kind = str_of(&created, "kind");
        let res = store.resource_for(&api_version, &kind).ok_or(Error::UnknownKind { api_version, kind })?;
        let meta = created.get("metadata");
        let key = Key::new(
            &res,
            meta.and_then(|m| m.get("namespace")).and_then(Value::as_str).unwrap_or_default(),
            meta.and_then(|m| m.get("name")).and_then(Value::as_str).unwrap_or_default(),
        );
        Ok(store.put(key, created, EventType::Modified))
    }
}

fn str_of(obj: &Value, field: &str) -> String {
    obj.get(field).and_then(Value::as_str).unwrap_or_default().to_string()
}

impl Drop for Emulator {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_background();
        }
        if let Some(dir) = &self.temp_dir {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// What a fresh cluster has: the system namespaces and one Node.
fn seed_cluster(store: &mut Store) {
    let (Some(ns), Some(nodes)) = (store.find_resource("", "v1", "namespaces"), store.find_resource("", "v1", "nodes"))
    else {
        return;
    };
    for name in INITIAL_NAMESPACES {
        let obj = json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": name}});
        let _ = store.create(&ns, "", obj, false);
    }
    let node = json!({
        "apiVersion": "v1",
        "kind": "Node",
        "metadata": {"name": NODE_NAME, "labels": {"kubernetes.io/hostname": NODE_NAME, "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64"}},
        "status": {
            "conditions": [{"type": "Ready", "status": "True", "reason": "KubeletReady"}],
            "nodeInfo": {"kubeletVersion": format!("v1.{VERSION_MINOR}.0"), "operatingSystem": "linux", "architecture": "amd64", "containerRuntimeVersion": "containerd://2.0.0"},
        },
    });
    if let Ok(mut created) = store.create(&nodes, "", node.clone(), false) {
        // Node status is a subresource, so create dropped it; put it back.
        if let Some(st) = node.get("status") {
            created["status"] = st.clone();
        }
        let key = Key::new(&nodes, "", NODE_NAME);
        store.put(key, created, EventType::Modified);
    }
}
