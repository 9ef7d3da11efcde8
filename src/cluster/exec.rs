//! Running a command in a pod's container through the exec API (WebSocket, kube's `ws` feature), with stdin
//! closed, collecting stdout, stderr and the exit status.

use k8s_openapi::api::core::v1::Pod;
use kube::api::{Api, AttachParams};
use tokio::io::{AsyncRead, AsyncReadExt};

use super::client::Cluster;
use super::error::ClusterError;

/// What a command run through exec produced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExecOutput {
    /// Everything the command wrote to stdout.
    pub stdout: Vec<u8>,
    /// Everything the command wrote to stderr.
    pub stderr: Vec<u8>,
    /// The exit status the kubelet reported; `None` when it reported none or an unreadable one.
    pub exit_code: Option<i32>,
}

/// Reads a stream to its end; a missing stream reads as empty.
async fn drain<R: AsyncRead + Unpin>(reader: Option<R>) -> Result<Vec<u8>, ClusterError> {
    let mut buf = Vec::new();
    if let Some(mut r) = reader {
        r.read_to_end(&mut buf).await.map_err(|e| ClusterError::Transport(format!("reading exec output: {e}")))?;
    }
    Ok(buf)
}

/// The exit code in an exec `Status`: 0 for `Success`, the `ExitCode` cause of a `NonZeroExitCode` failure.
fn exit_code(status: &k8s_openapi::apimachinery::pkg::apis::meta::v1::Status) -> Option<i32> {
    if status.status.as_deref() == Some("Success") {
        return Some(0);
    }
    status
        .details
        .as_ref()?
        .causes
        .as_ref()?
        .iter()
        .find(|c| c.reason.as_deref() == Some("ExitCode"))
        .and_then(|c| c.message.as_deref()?.trim().parse().ok())
}

impl Cluster {
    /// The namespace used when none is given (the context's, or `--namespace`).
    pub fn default_namespace(&self) -> &str {
        self.client.default_namespace()
    }

    /// Runs `command` in `container` (the pod's default when `None`) of `namespace/pod` with stdin closed, and
    /// waits for it to finish. A non-zero exit is not an error: it is in [`ExecOutput::exit_code`].
    pub async fn exec(
        &self,
        namespace: &str,
        pod: &str,
        container: Option<&str>,
        command: &[String],
    ) -> Result<ExecOutput, ClusterError> {
        let api: Api<Pod> = Api::namespaced(self.client.clone(), namespace);
        let mut params = AttachParams::default().stdin(false).stdout(true).stderr(true);
        if let Some(c) = container {
            params = params.container(c);
        }
        let mut attached = api.exec(pod, command.iter().map(String::as_str), &params).await?;
        let stdout = attached.stdout();
        let stderr = attached.stderr();
        let status = attached.take_status();
        let (stdout, stderr) = tokio::try_join!(drain(stdout), drain(stderr))?;
        let status = match status {
            Some(s) => s.await,
            None => None,
        };
        attached.join().await.map_err(|e| ClusterError::Transport(format!("exec stream: {e}")))?;
        Ok(ExecOutput { stdout, stderr, exit_code: status.as_ref().and_then(exit_code) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use k8s_openapi::apimachinery::pkg::apis::meta::v1::{Status, StatusCause, StatusDetails};

    #[test]
    fn exit_codes_from_statuses() {
        assert_eq!(exit_code(&Status { status: Some("Success".into()), ..Status::default() }), Some(0));
        let failed = Status {
            status: Some("Failure".into()),
            reason: Some("NonZeroExitCode".into()),
            details: Some(StatusDetails {
                causes: Some(vec![StatusCause {
                    reason: Some("ExitCode".into()),
                    message: Some("1".into()),
                    ..StatusCause::default()
                }]),
                ..StatusDetails::default()
            }),
            ..Status::default()
        };
        assert_eq!(exit_code(&failed), Some(1));
        assert_eq!(exit_code(&Status { status: Some("Failure".into()), ..Status::default() }), None);
    }
}
