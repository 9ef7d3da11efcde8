//! The cluster-access flags every command accepts (upstream's root persistent flags), in one struct.

use std::path::PathBuf;
use std::time::Duration;

use clap::{ArgAction, Args};

use super::flags::go_duration;

pub use istioctl::cluster::{ISTIO_SYSTEM_NAMESPACE, KubeOptions};

/// Flags naming the cluster, the identity and the namespaces a command works with. They are global: they may
/// be given before or after the command name.
#[derive(Debug, Clone, Args)]
pub struct KubeFlags {
    /// Path of the kubeconfig file to use
    #[arg(short = 'c', long, global = true, value_name = "FILE")]
    pub kubeconfig: Option<PathBuf>,

    /// Name of the kubeconfig context to use
    #[arg(long, global = true, value_name = "NAME")]
    pub context: Option<String>,

    /// User to act as for this operation (a user or a service account)
    #[arg(long = "as", global = true, value_name = "USER")]
    pub impersonate: Option<String>,

    /// UID to act as for this operation
    #[arg(long = "as-uid", global = true, value_name = "UID")]
    pub impersonate_uid: Option<String>,

    /// Group to act as for this operation; repeat the flag for several groups
    #[arg(long = "as-group", global = true, value_name = "GROUP", action = ArgAction::Append)]
    pub impersonate_groups: Vec<String>,

    /// Kubernetes namespace to work in
    #[arg(short = 'n', long, global = true, value_name = "NAMESPACE")]
    pub namespace: Option<String>,

    /// Namespace of the Istio control plane
    #[arg(
        short = 'i',
        long = "istioNamespace",
        global = true,
        value_name = "NAMESPACE",
        env = "ISTIOCTL_ISTIONAMESPACE",
        hide_env_values = true,
        default_value = ISTIO_SYSTEM_NAMESPACE
    )]
    pub istio_namespace: String,

    /// How long a single Kubernetes API request may take (Go duration syntax)
    #[arg(long = "kubeclient-timeout", global = true, value_name = "DURATION", default_value = "15s", value_parser = go_duration)]
    pub kubeclient_timeout: Duration,
}

impl KubeFlags {
    /// The options the library's client takes.
    pub fn options(&self) -> KubeOptions {
        KubeOptions {
            kubeconfig: self.kubeconfig.clone(),
            context: self.context.clone(),
            impersonate: self.impersonate.clone(),
            impersonate_uid: self.impersonate_uid.clone(),
            impersonate_groups: self.impersonate_groups.clone(),
            namespace: self.namespace.clone(),
            istio_namespace: self.istio_namespace.clone(),
            timeout: self.kubeclient_timeout,
        }
    }
}
