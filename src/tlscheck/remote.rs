//! Probes run inside a pod's container: the `openssl s_client` commands of [`super::openssl`], through whatever
//! runs a command there (the Kubernetes exec API in practice, see [`PodExec`]).

use std::future::Future;

use super::openssl::{self, CommandOutput};
use super::{Outcome, Probe, ProbeOptions, Target, TlsVersion};

/// The container the probes run in unless told otherwise (the sidecar, which ships `openssl`).
pub const DEFAULT_CONTAINER: &str = "istio-proxy";

/// A container to run the probes in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PodContainer {
    /// Namespace of the pod.
    pub namespace: String,
    /// Pod name.
    pub pod: String,
    /// Container name.
    pub container: String,
}

/// Runs a command in a container with stdin closed and collects its output and exit status.
pub trait PodExec {
    /// The error when the command could not be started or its stream broke.
    type Error: std::fmt::Display;

    /// Runs `command` in `at`.
    fn exec(&self, at: &PodContainer, command: &[String]) -> impl Future<Output = Result<CommandOutput, Self::Error>>;
}

/// Runs one probe per version in [`TlsVersion::ALL`] inside `at` and interprets each.
pub async fn probe<E: PodExec>(exec: &E, at: &PodContainer, target: &Target, options: &ProbeOptions) -> Vec<Probe> {
    let mut probes = Vec::with_capacity(TlsVersion::ALL.len());
    for version in TlsVersion::ALL {
        let command = openssl::command(target, version, options);
        let outcome = match exec.exec(at, &command).await {
            Ok(output) => openssl::interpret(version, &output),
            Err(e) => Outcome::ProbeFailed {
                error: format!(
                    "cannot run {} in {}/{} container {}: {e}",
                    openssl::PROGRAM,
                    at.namespace,
                    at.pod,
                    at.container
                ),
            },
        };
        probes.push(Probe { version, outcome });
    }
    probes
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    /// Answers from canned outputs keyed by the version flag, and records the commands.
    struct Canned {
        seen: Mutex<Vec<Vec<String>>>,
    }

    impl PodExec for Canned {
        type Error = String;

        async fn exec(&self, _at: &PodContainer, command: &[String]) -> Result<CommandOutput, String> {
            if let Ok(mut seen) = self.seen.lock() {
                seen.push(command.to_vec());
            }
            if command.iter().any(|a| a == "-tls1_3") {
                Ok(CommandOutput {
                    stdout:
                        "CONNECTED(00000003)\nNew, TLSv1.3, Cipher is TLS_AES_128_GCM_SHA256\nALPN protocol: istio\n"
                            .into(),
                    stderr: String::new(),
                    exit_code: Some(0),
                })
            } else {
                Err("pods \"p\" not found".into())
            }
        }
    }

    #[test]
    fn each_version_runs_its_command_and_exec_errors_become_failed_probes() {
        let exec = Canned { seen: Mutex::new(Vec::new()) };
        let at = PodContainer { namespace: "ns".into(), pod: "p".into(), container: DEFAULT_CONTAINER.into() };
        let target: Target = "svc:80".parse().unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let probes = runtime.block_on(probe(&exec, &at, &target, &ProbeOptions::default()));
        assert_eq!(
            probes[0].outcome,
            Outcome::ProbeFailed {
                error: "cannot run openssl in ns/p container istio-proxy: pods \"p\" not found".into()
            }
        );
        assert!(probes[1].outcome.accepted());
        let seen = exec.seen.lock().unwrap();
        assert_eq!(seen.len(), 2);
        assert!(seen[0].contains(&"-tls1_2".to_string()) && seen[1].contains(&"-tls1_3".to_string()));
    }
}
