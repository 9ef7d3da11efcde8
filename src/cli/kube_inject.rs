//! `istioctl kube-inject`: add the Istio sidecar to the workloads in a Kubernetes YAML stream.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use clap::Args;

use istioctl::cluster::InjectSource;
use istioctl::inject::incluster::{INJECT_CONFIG_MAP, InCluster, MESH_CONFIG_MAP};
use istioctl::inject::{InjectError, InjectOptions, InputSource, run_kube_inject};

use super::error::{CliError, write_stderr_line};
use super::flags::{go_duration, go_int};
use super::kube::{KubeFlags, KubeOptions};

/// Name of the webhook configuration (the injector ConfigMap's name).
pub const DEFAULT_WEBHOOK_CONFIG: &str = INJECT_CONFIG_MAP;
/// Default port of istiod's XDS endpoint.
pub const DEFAULT_XDS_PORT: &str = "15012";

/// Short description of `kube-inject`.
pub const ABOUT: &str = "Add the Istio sidecar to Kubernetes workload resources";

/// Long description and examples of `kube-inject`.
pub const LONG_ABOUT: &str = "Add the Istio sidecar to the workloads (Pods, Deployments, DaemonSets, StatefulSets, \
Jobs, CronJobs, ...) in a YAML stream. Every other resource is passed through unchanged, so a whole application \
file can be processed at once. Run it again on updated resources to pick up the current injection settings; it \
works best when resources are first created.

Examples:
  # Inject on the fly before applying
  kubectl apply -f <(istioctl kube-inject -f resource.yaml)

  # Keep an injected copy of a deployment
  istioctl kube-inject -f deployment.yaml -o deployment-injected.yaml

  # Inject into a deployment already in the cluster
  kubectl get deployment -o yaml | istioctl kube-inject -f - | kubectl apply -f -

  # Save the cluster's injection settings, then inject offline with them
  kubectl -n istio-system get cm istio-sidecar-injector -o jsonpath=\"{.data.config}\" > /tmp/inj-template.tmpl
  kubectl -n istio-system get cm istio -o jsonpath=\"{.data.mesh}\" > /tmp/mesh.yaml
  kubectl -n istio-system get cm istio-sidecar-injector -o jsonpath=\"{.data.values}\" > /tmp/values.json
  istioctl kube-inject -f app.yaml --injectConfigFile /tmp/inj-template.tmpl \\
    --meshConfigFile /tmp/mesh.yaml --valuesFile /tmp/values.json";

/// The flags of `kube-inject`.
#[derive(Debug, Clone, Args)]
pub struct KubeInjectArgs {
    /// Kubernetes resources to inject into; `-` reads stdin
    #[arg(short = 'f', long = "filename", value_name = "FILE")]
    pub filename: Option<String>,

    /// File to write the injected resources to (default: stdout)
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<String>,

    /// Mesh configuration file; used instead of the --meshConfigMapName ConfigMap
    #[arg(long = "meshConfigFile", value_name = "FILE")]
    pub mesh_config_file: Option<String>,

    /// Injection configuration file (sidecar templates); cannot be combined with --injectConfigMapName
    #[arg(long = "injectConfigFile", value_name = "FILE")]
    pub inject_config_file: Option<String>,

    /// Injection values file (JSON or YAML)
    #[arg(long = "valuesFile", value_name = "FILE")]
    pub values_file: Option<String>,

    /// IstioOperator file whose mesh config and values take precedence over the files above
    #[arg(long = "operatorFileName", value_name = "FILE")]
    pub operator_file: Option<String>,

    /// ConfigMap holding the mesh configuration (key "mesh")
    #[arg(long = "meshConfigMapName", value_name = "NAME", default_value = MESH_CONFIG_MAP)]
    pub mesh_config_map: String,

    /// ConfigMap holding the injection configuration (key "config")
    #[arg(long = "injectConfigMapName", value_name = "NAME", default_value = INJECT_CONFIG_MAP, hide = true)]
    pub inject_config_map: String,

    /// Name of Istio's MutatingWebhookConfiguration (used in messages)
    #[arg(long = "webhookConfig", value_name = "NAME", default_value = DEFAULT_WEBHOOK_CONFIG)]
    pub webhook_config: String,

    /// Control plane revision
    #[arg(short = 'r', long, value_name = "REVISION")]
    pub revision: Option<String>,

    /// XDS endpoint of the control plane
    #[arg(long = "xds-address", value_name = "ADDRESS", env = "ISTIOCTL_XDS_ADDRESS", hide_env_values = true)]
    pub xds_address: Option<String>,

    /// Directory with the certificates for the XDS endpoint
    #[arg(long = "cert-dir", value_name = "DIR", env = "ISTIOCTL_CERT_DIR", hide_env_values = true)]
    pub cert_dir: Option<String>,

    /// Label selector of the istiod pods to use
    #[arg(long = "xds-label", value_name = "SELECTOR")]
    pub xds_label: Option<String>,

    /// Port of istiod's XDS endpoint
    #[arg(long = "xds-port", value_name = "PORT", default_value = DEFAULT_XDS_PORT, env = "ISTIOCTL_XDS_PORT", hide_env_values = true, value_parser = go_int)]
    pub xds_port: i64,

    /// How long to wait before giving up (Go duration syntax)
    #[arg(long, value_name = "DURATION", default_value = "30s", value_parser = go_duration)]
    pub timeout: Duration,

    /// Subject Alternative Name expected from the XDS endpoint (e.g. istiod.istio-system.svc)
    #[arg(long, value_name = "SAN", env = "ISTIOCTL_AUTHORITY", hide_env_values = true)]
    pub authority: Option<String>,

    /// Do not verify the server's certificate and name (NOT SECURE)
    #[arg(long)]
    pub insecure: bool,

    /// Talk plain-text HTTP/2 to the server (no TLS)
    #[arg(long)]
    pub plaintext: bool,

    /// Ignored, as upstream ignores positional arguments here
    #[arg(hide = true, value_name = "ARGS")]
    pub args: Vec<String>,
}

/// What `kube-inject` needs, as the injector takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KubeInjectOptions {
    /// How to reach the cluster (for settings not given as files).
    pub kube: KubeOptions,
    /// Input (`-` is stdin).
    pub filename: String,
    /// Output file; `None` is stdout.
    pub output: Option<PathBuf>,
    /// Mesh config file.
    pub mesh_config_file: Option<PathBuf>,
    /// Injection templates file.
    pub inject_config_file: Option<PathBuf>,
    /// Injection values file.
    pub values_file: Option<PathBuf>,
    /// IstioOperator file.
    pub operator_file: Option<PathBuf>,
    /// Mesh config ConfigMap name.
    pub mesh_config_map: String,
    /// Injection ConfigMap name.
    pub inject_config_map: String,
    /// Webhook configuration name (messages only).
    pub webhook_config: String,
    /// Control plane revision.
    pub revision: Option<String>,
    /// XDS endpoint address; only its host part is used, as a fallback injector address.
    pub xds_address: Option<String>,
    /// Request timeout.
    pub timeout: Duration,
}

/// An optional path flag, where an empty value means "not given" as in upstream.
fn path(flag: &Option<String>) -> Option<PathBuf> {
    flag.as_deref().filter(|s| !s.is_empty()).map(PathBuf::from)
}

impl KubeInjectArgs {
    /// Checks the flags like upstream and builds the options.
    pub fn options(&self, kube: &KubeFlags) -> Result<KubeInjectOptions, CliError> {
        let mut problems = Vec::new();
        let filename = self.filename.clone().filter(|f| !f.is_empty());
        if filename.is_none() {
            problems.push("filename not specified (see --filename or -f)");
        }
        if path(&self.mesh_config_file).is_none()
            && self.mesh_config_map.is_empty()
            && path(&self.operator_file).is_none()
        {
            problems.push("--meshConfigFile or --meshConfigMapName or --operatorFileName must be set");
        }
        if !problems.is_empty() {
            return Err(CliError::failed(multierror(&problems)));
        }
        Ok(KubeInjectOptions {
            kube: kube.options(),
            filename: filename.unwrap_or_default(),
            output: path(&self.output),
            mesh_config_file: path(&self.mesh_config_file),
            inject_config_file: path(&self.inject_config_file),
            values_file: path(&self.values_file),
            operator_file: path(&self.operator_file),
            mesh_config_map: self.mesh_config_map.clone(),
            inject_config_map: self.inject_config_map.clone(),
            webhook_config: self.webhook_config.clone(),
            revision: self.revision.clone().filter(|r| !r.is_empty()),
            xds_address: self.xds_address.clone().filter(|a| !a.is_empty()),
            timeout: self.timeout,
        })
    }
}

/// Joins errors the way hashicorp/go-multierror prints them (upstream's format for these checks).
fn multierror(errors: &[&str]) -> String {
    istioctl::version::go_multierror(errors)
}

/// Runs `kube-inject`.
pub fn run(command: &str, args: &KubeInjectArgs, kube: &KubeFlags) -> Result<(), CliError> {
    let options = args.options(kube)?;
    tracing::debug!(?options, command, "kube-inject options");
    let inject = InjectOptions {
        input: InputSource::from_arg(&options.filename),
        output: options.output.clone(),
        inject_config_file: options.inject_config_file.clone(),
        mesh_config_file: options.mesh_config_file.clone(),
        values_file: options.values_file.clone(),
        operator_file_name: options.operator_file.clone(),
        revision: options.revision.clone().unwrap_or_default(),
        native_sidecars: None,
        cluster: Some(InCluster {
            source: Arc::new(InjectSource::new(options.kube.clone())),
            mesh_config_map: options.mesh_config_map.clone(),
            inject_config_map: options.inject_config_map.clone(),
        }),
    };
    // Documents go to stdout as they are done (flushed before the warnings below), as upstream streams.
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let (report, result) = run_kube_inject(&inject, &mut std::io::stdin().lock(), &mut stdout);
    drop(stdout);
    for note in &report.notes {
        write_stderr_line(note);
    }
    // Upstream prints its skip warnings after the stream: an empty line, then each warning and a blank line.
    if !report.warnings.is_empty() {
        write_stderr_line("");
        for warning in &report.warnings {
            write_stderr_line(warning);
        }
    }
    match result {
        Err(InjectError::BrokenPipe) => Err(CliError::BrokenPipe),
        other => other.map_err(CliError::failed),
    }
}

#[cfg(test)]
mod tests {
    use super::multierror;

    #[test]
    fn multierror_format() {
        assert_eq!(multierror(&["a"]), "1 error occurred:\n\t* a\n\n");
        assert_eq!(multierror(&["a", "b"]), "2 errors occurred:\n\t* a\n\t* b\n\n");
    }
}
