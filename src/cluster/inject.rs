//! What `kube-inject` reads from a cluster: a lazily connected [`ConfigMapSource`] over [`Cluster`].

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use k8s_openapi::api::core::v1::{ConfigMap, Node};
use kube::api::{Api, ListParams};

use super::KubeOptions;
use super::client::Cluster;
use super::error::ClusterError;
use crate::inject::incluster::ConfigMapSource;

impl Cluster {
    /// Asks the API server for its version once, without retries: whether the cluster answers at all.
    pub async fn ping(&self) -> Result<(), ClusterError> {
        tokio::time::timeout(self.timeout, self.client.apiserver_version())
            .await
            .map_err(|_| ClusterError::Timeout(self.timeout))?
            .map(drop)
            .map_err(ClusterError::from)
    }

    /// The `data` of ConfigMap `namespace/name`; not found is an error with the server's message.
    pub async fn config_map_data(&self, namespace: &str, name: &str) -> Result<BTreeMap<String, String>, ClusterError> {
        let api: Api<ConfigMap> = Api::namespaced(self.client.clone(), namespace);
        let cm = self.call(|| async { Ok(api.get(name).await?) }).await?;
        Ok(cm.data.unwrap_or_default().into_iter().collect())
    }

    /// The kubelet version of every node.
    pub async fn kubelet_versions(&self) -> Result<Vec<String>, ClusterError> {
        let api: Api<Node> = Api::all(self.client.clone());
        let nodes = self.call(|| async { Ok(api.list(&ListParams::default()).await?) }).await?;
        Ok(nodes
            .items
            .into_iter()
            .map(|n| n.status.and_then(|s| s.node_info).map(|i| i.kubelet_version).unwrap_or_default())
            .collect())
    }
}

/// A connection made on first use, with its own runtime, so that synchronous code can read from it.
struct Connected {
    runtime: tokio::runtime::Runtime,
    cluster: Cluster,
}

/// The cluster the kube flags name, as `kube-inject`'s [`ConfigMapSource`]: it connects when first asked and
/// counts as reachable when its kubeconfig loads and the API server answers.
pub struct InjectSource {
    options: KubeOptions,
    connected: OnceLock<Result<Connected, String>>,
}

impl InjectSource {
    /// A source for the cluster `options` name; nothing is sent yet.
    pub fn new(options: KubeOptions) -> Self {
        Self { options, connected: OnceLock::new() }
    }

    fn connect(&self) -> Result<&Connected, String> {
        self.connected
            .get_or_init(|| {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .map_err(|e| format!("cannot start the runtime: {e}"))?;
                let cluster = runtime
                    .block_on(async {
                        let cluster = Cluster::connect(&self.options).await?;
                        cluster.ping().await?;
                        Ok::<_, ClusterError>(cluster)
                    })
                    .map_err(|e| e.to_string())?;
                Ok(Connected { runtime, cluster })
            })
            .as_ref()
            .map_err(Clone::clone)
    }
}

impl fmt::Debug for InjectSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match self.connected.get() {
            None => "not connected",
            Some(Ok(_)) => "connected",
            Some(Err(_)) => "unreachable",
        };
        f.debug_struct("InjectSource").field("options", &self.options).field("state", &state).finish()
    }
}

impl ConfigMapSource for InjectSource {
    fn reachable(&self) -> Result<(), String> {
        self.connect().map(drop)
    }

    fn namespace(&self) -> &str {
        &self.options.istio_namespace
    }

    fn config_map(&self, name: &str) -> Result<BTreeMap<String, String>, String> {
        let c = self.connect()?;
        c.runtime.block_on(c.cluster.config_map_data(&self.options.istio_namespace, name)).map_err(|e| e.to_string())
    }

    fn kubelet_versions(&self) -> Result<Vec<String>, String> {
        let c = self.connect()?;
        c.runtime.block_on(c.cluster.kubelet_versions()).map_err(|e| e.to_string())
    }

    fn default_tag_revision(&self) -> Result<Option<String>, String> {
        let c = self.connect()?;
        c.runtime.block_on(c.cluster.default_tag_revision()).map_err(|e| e.to_string())
    }
}
