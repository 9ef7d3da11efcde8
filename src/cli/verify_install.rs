//! `istioctl verify-install`: check that what an IstioOperator installs is in the cluster and ready, and report
//! the mesh TLS settings the cluster runs with. (Upstream removed this command in 1.24; this build keeps it.)

use clap::Args;
use istioctl::cluster::Cluster;
use istioctl::verify::{Expected, Report, verify};

use super::error::{CliError, write_report};
use super::install::{install_inputs, runtime};
use super::kube::KubeFlags;
use super::shared::OperatorInputFlags;

/// Short description of `verify-install`.
pub const ABOUT: &str = "Verify that Istio is installed as an IstioOperator describes, and show the mesh TLS settings";

/// Long description of `verify-install`.
pub const LONG_ABOUT: &str = "Verify that Istio is installed as an IstioOperator describes, and show the mesh TLS \
settings.

Renders what the IstioOperator (-f, --set, --revision) installs and checks each object in the cluster: present, \
labelled as installed by istioctl for its component (operator.istio.io/component and the owner labels), and ready \
for Deployments, DaemonSets, StatefulSets, CRDs and Namespaces. Then compares the mesh TLS settings (meshMTLS, \
tlsDefaults) of the cluster's mesh ConfigMap with the IstioOperator's. Every gap is listed with a hint, and the \
command exits with a non-zero status when there is any.

Examples:
  # Verify the default installation
  istioctl verify-install

  # Verify an installation made from a file, as JSON
  istioctl verify-install -f istio.yaml -o json";

/// The output formats.
const OUTPUT_FORMATS: [&str; 2] = ["text", "json"];

/// The flags of `verify-install`.
#[derive(Debug, Clone, Args)]
pub struct VerifyInstallArgs {
    #[command(flatten)]
    pub input: OperatorInputFlags,

    /// Output format: text or json
    #[arg(short = 'o', long, value_name = "FORMAT", default_value = OUTPUT_FORMATS[0], value_parser = OUTPUT_FORMATS)]
    pub output: String,
}

/// The install command that recreates what is being verified, for hints.
fn reinstall_command(args: &VerifyInstallArgs) -> String {
    let mut cmd = "istioctl install".to_string();
    for f in &args.input.filenames {
        cmd.push_str(&format!(" -f {f}"));
    }
    for s in &args.input.set {
        cmd.push_str(&format!(" --set {s}"));
    }
    if let Some(r) = &args.input.revision {
        cmd.push_str(&format!(" --revision {r}"));
    }
    cmd
}

/// Runs `verify-install`.
pub fn run(args: &VerifyInstallArgs, kube: &KubeFlags) -> Result<(), CliError> {
    args.input.check_revision()?;
    let inputs = install_inputs(&args.input.options())?;
    let rendered = istioctl::render::generate(&inputs).map_err(CliError::failed)?;
    let reinstall = reinstall_command(args);
    let expected = Expected {
        rendered: &rendered,
        istio_namespace: &kube.istio_namespace,
        revision: args.input.revision.as_deref(),
        reinstall: &reinstall,
    };
    let report = runtime()?.block_on(async {
        let cluster = Cluster::connect(&kube.options()).await.map_err(CliError::failed)?;
        Ok::<_, CliError>(verify(&cluster, &expected).await)
    })?;
    write_report(&args.output, &report, text_report)?;
    if report.ok {
        return Ok(());
    }
    let gaps: Vec<String> = report.gaps().map(|(_, c)| format!("{} ({})", c.name, c.detail)).collect();
    Err(CliError::Failed(format!("{} gap(s) found: {}", gaps.len(), gaps.join("; "))))
}

/// Passing and failing marks, as `linkerd check` prints them.
const PASS: &str = "√";
const FAIL: &str = "×";

/// Categories with underlined titles, one line per check, hints indented under failures, then a summary.
fn text_report(report: &Report) -> String {
    let mut out = String::new();
    for category in &report.categories {
        out.push_str(&format!("{}\n{}\n", category.name, "-".repeat(category.name.chars().count())));
        for check in &category.checks {
            let mark = if check.ok { PASS } else { FAIL };
            out.push_str(&format!("{mark} {}: {}\n", check.name, check.detail));
            if let Some(hint) = &check.hint {
                out.push_str(&format!("    hint: {hint}\n"));
            }
        }
        out.push('\n');
    }
    let gaps = report.gaps().count();
    if gaps == 0 {
        out.push_str(&format!("Status check results are {PASS}\n"));
    } else {
        out.push_str(&format!("Status check results are {FAIL}: {gaps} gap(s)\n"));
    }
    out
}
