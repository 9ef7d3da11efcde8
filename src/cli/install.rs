//! `istioctl install` (also `apply`, `manifest install` and `upgrade`): render Istio and apply it to a cluster.

use std::cell::RefCell;
use std::future::Future;
use std::io::{self, BufRead, IsTerminal, Read};
use std::path::PathBuf;
use std::time::Duration;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use istioctl::cluster::{Cluster, ISTIO_SYSTEM_NAMESPACE};
use istioctl::install::labels::Owner;
use istioctl::install::progress::{Event, Line, ProgressLog};
use istioctl::install::{InstallSettings, install, install_prompt, render_flags, unsupported_kubernetes_notice};
use istioctl::manifests::ManifestSource;
use istioctl::operator::InstallInputs;
use istioctl::version::{ISTIO_VERSION, VersionDrift};

use super::color;
use super::error::{CliError, write_stderr_line, write_stdout};
use super::flags::go_duration;
use super::kube::{KubeFlags, KubeOptions};
use super::shared::{DRY_RUN_HELP, ExtraArgs, OperatorInput, OperatorInputFlags, SKIP_CONFIRMATION_HELP};

/// Short description of `install`.
pub const ABOUT: &str = "Render an Istio manifest and apply it to a cluster, installing or reconfiguring Istio";

/// Long description and examples of `install`.
pub const LONG_ABOUT: &str = "Render Istio's resources from the chosen profile, IstioOperator files and --set \
overrides, then apply them to the cluster and wait for each component to become ready.

Examples:
  # Install the default profile
  istioctl install

  # Install the demo profile without being asked to confirm
  istioctl install --set profile=demo -y

  # Layer two IstioOperator files and turn tracing on
  istioctl install -f base.yaml -f overrides.yaml --set meshConfig.enableTracing=true

  # A path element containing dots is written with each dot escaped; quote it for the shell
  istioctl install --set \"values.sidecarInjectorWebhook.injectedAnnotations.container\\.apparmor\\.security\\.beta\\.kubernetes\\.io/istio-proxy=runtime/default\"";

/// The flags of `install` (shared with `apply`, `manifest install` and `upgrade`).
#[derive(Debug, Clone, Args)]
pub struct InstallArgs {
    #[command(flatten)]
    pub input: OperatorInputFlags,

    /// How long to wait, for each component, until its resources are ready (Go duration syntax)
    #[arg(long = "readiness-timeout", value_name = "DURATION", default_value = "5m0s", value_parser = go_duration)]
    pub readiness_timeout: Duration,

    #[arg(short = 'y', long = "skip-confirmation", help = SKIP_CONFIRMATION_HELP)]
    pub skip_confirmation: bool,

    /// Check the control plane after installing (accepted for compatibility; Istio 1.30 does nothing with it)
    #[arg(long)]
    pub verify: bool,

    #[arg(long = "dry-run", help = DRY_RUN_HELP)]
    pub dry_run: bool,

    #[command(flatten)]
    pub extra: ExtraArgs,
}

/// Everything an install needs, as the installer takes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstallOptions {
    /// How to reach the cluster.
    pub kube: KubeOptions,
    /// What to render.
    pub input: OperatorInput,
    /// Per-component readiness timeout.
    pub readiness_timeout: Duration,
    /// Skip the confirmation prompt.
    pub skip_confirmation: bool,
    /// Accepted and unused, as upstream.
    pub verify: bool,
    /// Render and report, but change nothing in the cluster.
    pub dry_run: bool,
}

impl InstallArgs {
    /// Checks the command line like upstream's argument and pre-run checks, and builds the options.
    pub fn options(&self, kube: &KubeFlags) -> Result<InstallOptions, CliError> {
        self.extra.expect_none()?;
        self.input.check_revision()?;
        Ok(self.options_unchecked(kube))
    }

    /// Builds the options without upstream's argument checks (`upgrade` has none).
    pub fn options_unchecked(&self, kube: &KubeFlags) -> InstallOptions {
        InstallOptions {
            kube: kube.options(),
            input: self.input.options(),
            readiness_timeout: self.readiness_timeout,
            skip_confirmation: self.skip_confirmation,
            verify: self.verify,
            dry_run: self.dry_run,
        }
    }
}

/// Runs `install` under the name it was invoked as (e.g. `istioctl manifest install`).
pub fn run(_command: &str, args: &InstallArgs, kube: &KubeFlags) -> Result<(), CliError> {
    let options = args.options(kube)?;
    tracing::debug!(?options, "install options");
    execute(&options)
}

/// The renderer's input for these options; stdin is read when a file is `-`.
pub(super) fn install_inputs(input: &OperatorInput) -> Result<InstallInputs, CliError> {
    let stdin = if input.filenames.iter().any(|f| f.trim() == "-") {
        let mut text = String::new();
        io::stdin().read_to_string(&mut text)?;
        Some(text)
    } else {
        None
    };
    Ok(InstallInputs {
        files: input.filenames.iter().map(PathBuf::from).collect(),
        set_flags: input.set.clone(),
        manifests: ManifestSource::from_option(input.manifests.as_deref()),
        force: input.force,
        revision: input.revision.clone(),
        stdin,
        ..Default::default()
    })
}

/// The async runtime the cluster client runs on.
pub(super) fn runtime() -> Result<tokio::runtime::Runtime, CliError> {
    tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().map_err(CliError::from)
}

/// Connects to the cluster the kube flags name.
pub(super) fn connect(rt: &tokio::runtime::Runtime, kube: &KubeOptions) -> Result<Cluster, CliError> {
    rt.block_on(Cluster::connect(kube)).map_err(CliError::failed)
}

/// Runs `fut` until it ends or Ctrl-C is pressed; an interrupted run can simply be run again.
pub(super) fn until_interrupted<T, E: std::fmt::Display>(
    rt: &tokio::runtime::Runtime,
    fut: impl Future<Output = Result<T, E>>,
    wrap: impl Fn(E) -> String,
) -> Result<T, CliError> {
    rt.block_on(async {
        tokio::select! {
            out = fut => out.map_err(|e| CliError::failed(wrap(e))),
            _ = tokio::signal::ctrl_c() => Err(CliError::failed(INTERRUPTED)),
        }
    })
}

/// The profile whose install ends with [`AMBIENT_INSTALLED`].
const AMBIENT_PROFILE: &str = "ambient";
/// Printed after an ambient install.
const AMBIENT_INSTALLED: &str = "The ambient profile has been installed successfully, enjoy Istio without sidecars!";

/// What an interrupted run says.
const INTERRUPTED: &str =
    "interrupted; nothing is left half-applied that a new run does not fix: run the command again";

/// Renders, asks, installs: the work of `install`, `upgrade` and `manifest install`.
pub(super) fn execute(options: &InstallOptions) -> Result<(), CliError> {
    let inputs = install_inputs(&options.input)?;
    let rt = runtime()?;
    let cluster = connect(&rt, &options.kube)?;
    let kube_version = rt.block_on(cluster.server_version()).map_err(|e| {
        CliError::failed(format!("check minimum supported Kubernetes version: error getting Kubernetes version: {e}"))
    })?;
    if let Some(notice) = unsupported_kubernetes_notice(&kube_version) {
        write_stdout(format!("{notice}\n").as_bytes())?;
    }
    let merged = istioctl::operator::load(&inputs).map_err(|e| CliError::failed(format!("generate config: {e}")))?;
    let rendered = istioctl::render::render_merged(&merged.iop, &merged.manifests, &kube_version)
        .map_err(|e| CliError::failed(format!("generate config: {e}")))?;
    for warning in merged.warnings.iter().map(ToString::to_string).chain(rendered.warnings.iter().cloned()) {
        write_stderr_line(&format!("❗ {warning}"));
    }
    if let Some(notice) = version_drift_notice(&rt, &cluster, &merged.iop) {
        write_stderr_line(notice.trim_end());
    }
    if !options.dry_run && !options.skip_confirmation && !confirm(&install_prompt(&merged.profile))? {
        cancel();
    }
    let settings = InstallSettings {
        readiness_timeout: options.readiness_timeout,
        dry_run: options.dry_run,
        force: options.input.force,
    };
    let drawer = Drawer::new();
    let events = |e: Event| drawer.handle(&e);
    let render = |flags: &[String]| render_flags(&merged.manifests, &kube_version, flags);
    let work = install(&cluster, &rendered.components, &merged.iop, &settings, &events, &render);
    let result = until_interrupted(&rt, work, |e| format!("failed to install manifests: {e}"));
    drawer.finish();
    if result.is_ok() && merged.profile == AMBIENT_PROFILE {
        write_stderr_line(AMBIENT_INSTALLED);
    }
    result
}

/// Upstream's version-drift notice (`detectIstioVersionDiff`): what the ready istiod pods of the revision being
/// installed run, compared with this build. Any trouble asking means no notice, as upstream.
fn version_drift_notice(rt: &tokio::runtime::Runtime, cluster: &Cluster, iop: &serde_json::Value) -> Option<String> {
    let owner = Owner::from_iop(iop);
    let namespace = if owner.namespace.is_empty() { ISTIO_SYSTEM_NAMESPACE } else { owner.namespace.as_str() };
    let running = rt.block_on(cluster.istio_versions(namespace, None)).ok().filter(|r| r.failures.is_empty())?;
    let drift = VersionDrift::detect(ISTIO_VERSION, &owner.revision, &running.servers)?;
    Some(drift.notice(&color::warning_marker()))
}

/// Upstream's `Confirm`: writes the question and a space to stdout and reads one line from stdin. `y`/`yes`
/// (any case) is yes; `n`/`no`, end of input, an empty line or several words are no; any other word asks
/// again.
pub(super) fn confirm(question: &str) -> Result<bool, CliError> {
    let stdin = io::stdin();
    loop {
        write_stdout(format!("{question} ").as_bytes())?;
        let mut line = String::new();
        if stdin.lock().read_line(&mut line)? == 0 {
            return Ok(false);
        }
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            [one] => match one.to_uppercase().as_str() {
                "Y" | "YES" => return Ok(true),
                "N" | "NO" => return Ok(false),
                _ => continue,
            },
            _ => return Ok(false),
        }
    }
}

/// Ends the run after a "no": `Cancelled.` on stderr, exit status 1 (as upstream's `os.Exit(1)`).
pub(super) fn cancel() -> ! {
    write_stderr_line("Cancelled.");
    std::process::exit(i32::from(super::error::EXIT_FAILURE))
}

/// Draws progress events: on a terminal a blinking yellow `-` with the status line and finished lines with a
/// green `✔` / red `✘` (colour as [`color::enabled`] allows), plain lines elsewhere (a line equal to the
/// previous one is not repeated). Lines meant for stdout go there.
pub(super) struct Drawer {
    log: RefCell<ProgressLog>,
    bar: Option<ProgressBar>,
    colour: bool,
    last: RefCell<String>,
}

/// Upstream's spinner: `-` most of the time, blank now and then (the last entry is the finished state).
const SPINNER_FRAMES: [&str; 5] = ["-", "-", "-", " ", "-"];

impl Drawer {
    /// A drawer for stderr as it is (terminal or not).
    pub(super) fn new() -> Self {
        let terminal = io::stderr().is_terminal();
        let colour = terminal && color::enabled();
        console::set_colors_enabled_stderr(colour);
        let bar = terminal.then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner:.yellow} {msg}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner())
                    .tick_strings(&SPINNER_FRAMES),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        });
        Self { log: RefCell::new(ProgressLog::new()), bar, colour, last: RefCell::new(String::new()) }
    }

    /// Draws one event.
    pub(super) fn handle(&self, event: &Event) {
        let lines = self.log.borrow_mut().handle(event);
        for line in lines {
            match (line, &self.bar) {
                (Line::Stdout(text), Some(bar)) => bar.suspend(|| println!("{text}")),
                (Line::Stdout(text), None) => println!("{text}"),
                (Line::Status(text), Some(bar)) => bar.set_message(text),
                (Line::Status(text), None) => self.plain(&format!("- {text}")),
                (Line::Done(text), Some(bar)) => {
                    bar.set_message("");
                    bar.println(color::progress_mark(self.colour, &text));
                }
                (Line::Done(text), None) => self.plain(&text),
            }
        }
    }

    fn plain(&self, text: &str) {
        if *self.last.borrow() != text {
            write_stderr_line(text);
            *self.last.borrow_mut() = text.to_string();
        }
    }

    /// Removes the spinner.
    pub(super) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
