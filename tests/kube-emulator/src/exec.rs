//! `pods/NAME/exec` over WebSocket (`v5.channel.k8s.io` / `v4.channel.k8s.io`): the requested command runs
//! LOCALLY on this machine; stdout and stderr stream on channels 1 and 2, stdin arrives on channel 0
//! (v5 closes it with `[255, 0]`), and the exit status goes out as a `Status` on channel 3.

use axum::extract::ws::{CloseFrame, Message, WebSocket, close_code};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::process::Stdio;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWriteExt};
use tokio::process::Command;
use tokio::sync::mpsc;

/// The subprotocols the emulator speaks, preferred first.
pub(crate) const PROTOCOLS: [&str; 2] = ["v5.channel.k8s.io", "v4.channel.k8s.io"];

const STDIN: u8 = 0;
const STDOUT: u8 = 1;
const STDERR: u8 = 2;
const ERROR: u8 = 3;
const CLOSE: u8 = 255;

/// What the exec request asked for.
#[derive(Debug, Clone, Default)]
pub(crate) struct ExecRequest {
    pub command: Vec<String>,
    pub stdin: bool,
    pub stdout: bool,
    pub stderr: bool,
}

fn frame(channel: u8, data: &[u8]) -> Message {
    let mut v = Vec::with_capacity(data.len() + 1);
    v.push(channel);
    v.extend_from_slice(data);
    Message::Binary(v.into())
}

/// The channel-3 `Status` for an exit code, as the kubelet reports it.
fn exit_status(command: &[String], code: Option<i32>) -> Value {
    match code {
        Some(0) => json!({"metadata": {}, "status": "Success"}),
        Some(c) => json!({
            "metadata": {},
            "status": "Failure",
            "message": format!("command terminated with non-zero exit code: error executing command {command:?}, exit code {c}"),
            "reason": "NonZeroExitCode",
            "details": {"causes": [{"reason": "ExitCode", "message": c.to_string()}]},
        }),
        None => {
            json!({"metadata": {}, "status": "Failure", "message": "command terminated by a signal", "reason": "InternalError"})
        }
    }
}

async fn pump<R: AsyncRead + Unpin>(reader: Option<R>, channel: u8, tx: mpsc::Sender<Message>) {
    let Some(mut reader) = reader else { return };
    let mut buf = vec![0u8; 16 * 1024];
    loop {
        match reader.read(&mut buf).await {
            Ok(0) | Err(_) => return,
            Ok(n) => {
                if tx.send(frame(channel, buf.get(..n).unwrap_or_default())).await.is_err() {
                    return;
                }
            }
        }
    }
}

/// Runs the command and speaks the channel protocol on `socket` until it exits.
pub(crate) async fn run(socket: WebSocket, req: ExecRequest) {
    let (mut sink, mut incoming) = socket.split();
    let (tx, mut rx) = mpsc::channel::<Message>(64);
    let writer = tokio::spawn(async move {
        while let Some(m) = rx.recv().await {
            if sink.send(m).await.is_err() {
                return;
            }
        }
        // A close frame without a code reads as an error to client-go; 1000 is a normal closure.
        let _ = sink.send(Message::Close(Some(CloseFrame { code: close_code::NORMAL, reason: "".into() }))).await;
        let _ = sink.close().await;
    });
    let pipe = |wanted: bool| if wanted { Stdio::piped() } else { Stdio::null() };
    let spawned = match req.command.split_first() {
        Some((program, args)) => Command::new(program)
            .args(args)
            .stdin(pipe(req.stdin))
            .stdout(pipe(req.stdout))
            .stderr(pipe(req.stderr))
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| e.to_string()),
        None => Err("you must specify at least one command for the container".to_string()),
    };
    let status = match spawned {
        Err(e) => json!({
            "metadata": {},
            "status": "Failure",
            "message": format!("exec failed: unable to start container process: exec: {:?}: {e}", req.command.first().cloned().unwrap_or_default()),
            "reason": "InternalError",
            "code": 500,
        }),
        Ok(mut child) => {
            let mut stdin = child.stdin.take();
            let input = tokio::spawn(async move {
                while let Some(Ok(msg)) = incoming.next().await {
                    let Message::Binary(data) = msg else {
                        if matches!(msg, Message::Close(_)) {
                            return;
                        }
                        continue;
                    };
                    match data.first().copied() {
                        Some(STDIN) => {
                            if let Some(w) = stdin.as_mut()
                                && w.write_all(data.get(1..).unwrap_or_default()).await.is_err()
                            {
                                stdin = None;
                            }
                        }
                        Some(CLOSE) if data.get(1).copied() == Some(STDIN) => stdin = None,
                        _ => {}
                    }
                }
            });
            let out = pump(child.stdout.take(), STDOUT, tx.clone());
            let err = pump(child.stderr.take(), STDERR, tx.clone());
            tokio::join!(out, err);
            let code = child.wait().await.ok().and_then(|s| s.code());
            input.abort();
            exit_status(&req.command, code)
        }
    };
    let _ = tx.send(frame(ERROR, status.to_string().as_bytes())).await;
    drop(tx);
    let _ = writer.await;
}
