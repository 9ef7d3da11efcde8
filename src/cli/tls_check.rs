//! `istioctl x tls-check`: which TLS versions an endpoint accepts, checked against the mesh's configured minimum
//! (`meshMTLS.minProtocolVersion`).

use std::path::PathBuf;
use std::time::Duration;

use clap::{ArgGroup, Args};
use istioctl::tlscheck::local::{self, Trust};
use istioctl::tlscheck::remote::{DEFAULT_CONTAINER, PodContainer};
use istioctl::tlscheck::{DEFAULT_ALPN, Expectation, Probe, ProbeOptions, Target, Verdict, judge};
use serde::Serialize;

use super::error::{CliError, write_report};
use super::flags::go_duration;
use super::kube::KubeFlags;

/// Short description of `x tls-check`.
pub const ABOUT: &str = "Check which TLS versions a mesh endpoint accepts against the configured minimum";

/// Long description of `x tls-check`.
pub const LONG_ABOUT: &str = "Check which TLS versions a mesh endpoint accepts against the configured minimum.

Two handshakes are attempted, one limited to TLS 1.2 and one limited to TLS 1.3 (offering ALPN \"istio\" unless \
--alpn says otherwise), and the result is compared with the expected minimum: --expect, or else \
meshMTLS.minProtocolVersion from the cluster's mesh ConfigMap. A TLSV1_3 minimum needs TLS 1.3 accepted and \
TLS 1.2 refused; TLSV1_2 and TLS_AUTO need TLS 1.2 accepted. The command exits with 0 when the endpoint matches.

With --address the handshakes start from where istioctl runs (the certificate is not verified unless --ca is \
given). With --from POD --to HOST:PORT they run inside the pod's container through the Kubernetes exec API, as \
`openssl s_client -alpn istio -tls1_3 -connect HOST:PORT` and `-tls1_2`.

Examples:
  # Check a port-forwarded sidecar against the mesh configuration
  istioctl x tls-check --address 127.0.0.1:15006

  # From inside a pod's sidecar, expecting TLS 1.3 only
  istioctl x tls-check --from sleep-5d8f9c -n default --to reviews.default.svc:9080 --expect TLSV1_3";

/// The output formats.
const OUTPUT_FORMATS: [&str; 2] = ["text", "json"];

/// The flags of `x tls-check`.
#[derive(Debug, Clone, Args)]
#[command(group(ArgGroup::new("where").required(true).args(["address", "from"])))]
pub struct TlsCheckArgs {
    /// Endpoint to probe from where istioctl runs (HOST:PORT)
    #[arg(long, value_name = "HOST:PORT", conflicts_with_all = ["from", "to", "container"], value_parser = parse_target)]
    pub address: Option<Target>,

    /// Pod to run the probes in (with -n for its namespace); needs --to
    #[arg(long, value_name = "POD", requires = "to")]
    pub from: Option<String>,

    /// Container of --from that runs openssl
    #[arg(long, value_name = "NAME", default_value = DEFAULT_CONTAINER, requires = "from")]
    pub container: String,

    /// Endpoint the pod given by --from connects to (HOST:PORT)
    #[arg(long, value_name = "HOST:PORT", requires = "from", value_parser = parse_target)]
    pub to: Option<Target>,

    /// Expected minimum version (TLS_AUTO, TLSV1_2, TLSV1_3); default: meshMTLS.minProtocolVersion of the cluster
    #[arg(long, value_name = "VERSION", value_parser = parse_expectation)]
    pub expect: Option<Expectation>,

    /// ALPN protocols to offer, comma-separated; empty for none
    #[arg(long, value_name = "PROTOCOLS", default_value = DEFAULT_ALPN)]
    pub alpn: String,

    /// Server name (SNI) to send
    #[arg(long, value_name = "NAME")]
    pub sni: Option<String>,

    /// Verify the server certificate against the CA certificates in this PEM file (--address only)
    #[arg(long, value_name = "FILE", conflicts_with = "from")]
    pub ca: Option<PathBuf>,

    /// How long each connection and handshake may take
    #[arg(long, value_name = "DURATION", default_value = "5s", value_parser = go_duration)]
    pub timeout: Duration,

    /// Control plane revision whose mesh ConfigMap gives the expected minimum
    #[arg(short = 'r', long, value_name = "REVISION")]
    pub revision: Option<String>,

    /// Output format: text or json
    #[arg(short = 'o', long, value_name = "FORMAT", default_value = OUTPUT_FORMATS[0], value_parser = OUTPUT_FORMATS)]
    pub output: String,
}

fn parse_target(s: &str) -> Result<Target, String> {
    s.parse().map_err(|e: istioctl::tlscheck::BadAddress| e.to_string())
}

fn parse_expectation(s: &str) -> Result<Expectation, String> {
    s.parse().map_err(|e: istioctl::tlscheck::verdict::UnknownProtocol| e.to_string())
}

/// What `-o json` prints.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Report<'a> {
    target: String,
    /// `namespace/pod/container` for exec probes; absent for local ones.
    #[serde(skip_serializing_if = "Option::is_none")]
    from: Option<String>,
    expected: Expectation,
    expected_from: &'a str,
    probes: &'a [Probe],
    #[serde(flatten)]
    verdict: &'a Verdict,
}

/// Runs `x tls-check`.
pub fn run(args: &TlsCheckArgs, kube: &KubeFlags) -> Result<(), CliError> {
    super::install::runtime()?.block_on(run_async(args, kube))
}

async fn run_async(args: &TlsCheckArgs, kube: &KubeFlags) -> Result<(), CliError> {
    let options = ProbeOptions {
        alpn: args.alpn.split(',').map(str::trim).filter(|p| !p.is_empty()).map(str::to_string).collect(),
        sni: args.sni.clone(),
        timeout: args.timeout,
    };
    let trust = match &args.ca {
        Some(path) => Trust::from_ca_file(path).map_err(CliError::failed)?,
        None => Trust::Any,
    };
    // The cluster is needed for the mesh config and for exec; a local probe with --expect needs none.
    let client = match (args.expect, &args.from) {
        (Some(_), None) => None,
        _ => Some(cluster::connect(kube).await?),
    };
    let (expected, expected_from) = match (args.expect, &client) {
        (Some(e), _) => (e, "--expect".to_string()),
        (None, Some(c)) => cluster::expectation(c, kube, args.revision.as_deref()).await?,
        (None, None) => return Err(CliError::failed("no expected minimum: pass --expect")),
    };
    let (target, from, probes) = match (&args.address, &args.from, &args.to) {
        (Some(target), _, _) => {
            let probes = local::probe(target, &options, &trust).await.map_err(CliError::failed)?;
            (target.clone(), None, probes)
        }
        (None, Some(pod), Some(target)) => {
            let Some(client) = &client else { return Err(CliError::failed("--from needs the cluster")) };
            let at = PodContainer {
                namespace: kube.namespace.clone().unwrap_or_default(),
                pod: pod.clone(),
                container: args.container.clone(),
            };
            let (at, probes) = cluster::probe_from(client, at, target, &options).await;
            (target.clone(), Some(format!("{}/{}/{}", at.namespace, at.pod, at.container)), probes)
        }
        _ => return Err(CliError::failed("give either --address HOST:PORT or --from POD --to HOST:PORT")),
    };
    let verdict = judge(expected, &probes);
    let report = Report {
        target: target.to_string(),
        from,
        expected,
        expected_from: &expected_from,
        probes: &probes,
        verdict: &verdict,
    };
    write_report(&args.output, &report, text_report)?;
    if verdict.ok { Ok(()) } else { Err(CliError::Failed(verdict.message)) }
}

/// The text form: where the probes ran, a table of the probes and the verdict.
fn text_report(r: &Report<'_>) -> String {
    let dash = |s: Option<&str>| s.filter(|s| !s.is_empty()).unwrap_or("-").to_string();
    let mut rows = vec![["VERSION", "RESULT", "CIPHER", "ALPN", "ERROR"].map(str::to_string)];
    for p in r.probes {
        let (cipher, alpn) = match &p.outcome {
            istioctl::tlscheck::Outcome::Accepted { cipher, alpn } => (Some(cipher.as_str()), alpn.as_deref()),
            _ => (None, None),
        };
        rows.push([
            p.version.to_string(),
            p.outcome.word().to_string(),
            dash(cipher),
            dash(alpn),
            dash(p.outcome.error()),
        ]);
    }
    let widths: Vec<usize> =
        (0..5).map(|i| rows.iter().map(|r| r.get(i).map_or(0, |c| c.chars().count())).max().unwrap_or(0)).collect();
    let from = r.from.as_deref().map_or_else(|| "this machine".to_string(), |f| format!("pod {f}"));
    let mut out = format!("Probing {} from {from}\n", r.target);
    for row in &rows {
        let cells: Vec<String> = row.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}", w = *w)).collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    let mark = if r.verdict.ok { "PASS" } else { "FAIL" };
    out.push_str(&format!(
        "{mark}: expected minimum {} (from {}): {}\n",
        r.expected, r.expected_from, r.verdict.message
    ));
    out
}

/// What needs the cluster: the mesh ConfigMap and the exec API.
mod cluster {
    use istioctl::cluster::{Cluster, ClusterApi, Kind, ObjectRef};
    use istioctl::tlscheck::mesh::mesh_config_map_name;
    use istioctl::tlscheck::openssl::CommandOutput;
    use istioctl::tlscheck::remote::{self, PodContainer, PodExec};
    use istioctl::tlscheck::{Expectation, Probe, ProbeOptions, Target, mesh_tls_from_config_map};

    use super::super::error::CliError;
    use super::super::kube::KubeFlags;

    /// Connects to the cluster the kube flags name.
    pub async fn connect(kube: &KubeFlags) -> Result<Cluster, CliError> {
        Cluster::connect(&kube.options()).await.map_err(CliError::failed)
    }

    /// The expected minimum from the cluster's mesh ConfigMap, and where it came from.
    pub async fn expectation(
        cluster: &Cluster,
        kube: &KubeFlags,
        revision: Option<&str>,
    ) -> Result<(Expectation, String), CliError> {
        let name = mesh_config_map_name(revision);
        let at = format!("ConfigMap {}/{name}", kube.istio_namespace);
        let target = ObjectRef::new(Kind::new("v1", "ConfigMap"), Some(&kube.istio_namespace), &name);
        let hint = "pass --expect to check without it";
        let cm = cluster.get(&target).await.map_err(|e| CliError::failed(format!("cannot read {at}: {e}; {hint}")))?;
        let cm = cm.ok_or_else(|| CliError::failed(format!("{at} not found; {hint}")))?;
        let tls = mesh_tls_from_config_map(&cm).map_err(|e| CliError::failed(format!("{at}: {e}")))?;
        let expected = tls
            .mesh_mtls
            .min_protocol_version
            .parse::<Expectation>()
            .map_err(|e| CliError::failed(format!("{at}: meshMTLS.minProtocolVersion: {e}")))?;
        Ok((expected, format!("{at} meshMTLS.minProtocolVersion")))
    }

    /// Exec through the cluster client.
    struct ClusterExec<'a>(&'a Cluster);

    impl PodExec for ClusterExec<'_> {
        type Error = istioctl::cluster::ClusterError;

        async fn exec(&self, at: &PodContainer, command: &[String]) -> Result<CommandOutput, Self::Error> {
            let out = self.0.exec(&at.namespace, &at.pod, Some(&at.container), command).await?;
            Ok(CommandOutput {
                stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
                stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
                exit_code: out.exit_code,
            })
        }
    }

    /// Runs the probes in a pod's container through the exec API (the namespace defaults to the context's).
    pub async fn probe_from(
        cluster: &Cluster,
        mut at: PodContainer,
        target: &Target,
        options: &ProbeOptions,
    ) -> (PodContainer, Vec<Probe>) {
        if at.namespace.is_empty() {
            at.namespace = cluster.default_namespace().to_string();
        }
        let probes = remote::probe(&ClusterExec(cluster), &at, target, options).await;
        (at, probes)
    }
}
