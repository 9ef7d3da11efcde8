//! `pods/NAME/portforward` over WebSocket (`v5.channel.k8s.io` / `v4.channel.k8s.io`, the channel framing of
//! the Kubernetes WebSocket port-forward): for port number `i` of the request, channel `2i` carries data and
//! `2i+1` errors, and each channel's first frame is the port number (little-endian u16). Only the first port
//! is served. One HTTP request arriving on it is answered by [`crate::istiod::answer`] for the pod, then the
//! socket closes; a port the pod does not serve gets a message on the error channel instead.

use std::sync::Arc;

use axum::extract::ws::{CloseFrame, Message, WebSocket, close_code};
use futures_util::{SinkExt, StreamExt};

use crate::server::Shared;
use crate::store::Key;
use crate::util::lock;

/// What the port-forward request asked for.
pub(crate) struct ForwardRequest {
    /// The pod's store key.
    pub pod: Key,
    /// The first port of `?ports=`.
    pub port: u16,
}

/// The first port in a `ports` query value (`15014` or `15014,8080`).
pub(crate) fn first_port(ports: &str) -> Option<u16> {
    ports.split(',').next()?.trim().parse().ok()
}

fn frame(channel: u8, data: &[u8]) -> Message {
    let mut v = Vec::with_capacity(data.len() + 1);
    v.push(channel);
    v.extend_from_slice(data);
    Message::Binary(v.into())
}

/// The request path of an HTTP request whose head has fully arrived, without its query string.
fn request_path(buf: &[u8]) -> Option<String> {
    let end = buf.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = String::from_utf8_lossy(buf.get(..end)?);
    let target = head.lines().next()?.split(' ').nth(1)?.to_string();
    Some(target.split('?').next().unwrap_or_default().to_string())
}

/// Speaks the port-forward protocol on `socket` for one HTTP exchange.
pub(crate) async fn run(socket: WebSocket, shared: Arc<Shared>, req: ForwardRequest) {
    let (mut sink, mut incoming) = socket.split();
    let port = req.port.to_le_bytes();
    if sink.send(frame(0, &port)).await.is_err() || sink.send(frame(1, &port)).await.is_err() {
        return;
    }
    let mut buf = Vec::new();
    let path = loop {
        match incoming.next().await {
            Some(Ok(Message::Binary(data))) if data.first() == Some(&0) => {
                buf.extend_from_slice(data.get(1..).unwrap_or_default());
                if let Some(path) = request_path(&buf) {
                    break Some(path);
                }
            }
            Some(Ok(Message::Close(_))) | Some(Err(_)) | None => break None,
            Some(Ok(_)) => {}
        }
    };
    if let Some(path) = path {
        let answer = {
            let store = lock(&shared.store);
            store.get(&req.pod).map(|pod| crate::istiod::answer(&store, pod, req.port, &path))
        };
        let out = match answer {
            Some(Ok((status, content_type, body))) => frame(
                0,
                format!(
                    "HTTP/1.0 {status} {}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{body}",
                    if status == 200 { "OK" } else { "Not Found" },
                    body.len()
                )
                .as_bytes(),
            ),
            Some(Err(message)) => frame(1, message.as_bytes()),
            None => frame(1, b"pod not found"),
        };
        let _ = sink.send(out).await;
    }
    let _ = sink.send(Message::Close(Some(CloseFrame { code: close_code::NORMAL, reason: "".into() }))).await;
    let _ = sink.close().await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_ports() {
        assert_eq!(request_path(b"GET /version HTTP/1.0\r\nHost: x\r\n"), None);
        assert_eq!(request_path(b"GET /debug/syncz?x=1 HTTP/1.0\r\nHost: x\r\n\r\n").as_deref(), Some("/debug/syncz"));
        assert_eq!(first_port("15014,8080"), Some(15014));
        assert_eq!(first_port("http"), None);
    }
}
