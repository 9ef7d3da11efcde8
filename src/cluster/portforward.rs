//! One HTTP GET to a port of a pod, through the API server's port-forward subresource (WebSocket, kube's
//! `ws` feature), as upstream's `portForwardRequest` does.
//!
//! Why port-forward and not the API server's pod proxy (`pods/NAME:PORT/proxy/PATH`): istiod serves
//! `/debug/*` on its monitoring port only to callers on localhost or with an XDS credential. A proxied request
//! arrives from the API server without the user's token and is refused (401), while a port-forwarded one
//! arrives on the pod's loopback interface, exactly as upstream's does. Port-forward also needs the same RBAC
//! as upstream (`pods/portforward`).
//!
//! The request is HTTP/1.0, so the answer is never chunked: its body runs to `Content-Length` or to the end of
//! the stream.

use k8s_openapi::api::core::v1::Pod;
use kube::api::Api;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use super::client::Cluster;
use super::error::ClusterError;

/// Why a port-forwarded request failed.
#[derive(Debug, thiserror::Error)]
pub enum PortForwardError {
    /// The stream could not be opened, written or read (upstream's wording).
    #[error("failure running port forward process: {0}")]
    Transport(String),
    /// The pod answered with a status other than 200 (upstream's wording).
    #[error("unexpected status code: {0}")]
    Status(u16),
}

/// A complete HTTP answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// The body.
    pub body: Vec<u8>,
}

/// Reads an HTTP/1.x answer from what has arrived so far: `Ok(None)` while more is needed, an error when the
/// stream ended (`eof`) before a whole answer or the status line is unreadable.
pub(super) fn parse_response(buf: &[u8], eof: bool) -> Result<Option<HttpResponse>, String> {
    let Some(head_end) = buf.windows(4).position(|w| w == b"\r\n\r\n") else {
        return if eof { Err(incomplete(buf)) } else { Ok(None) };
    };
    let head = String::from_utf8_lossy(buf.get(..head_end).unwrap_or_default());
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap_or_default();
    let status = match status_line.split(' ').collect::<Vec<_>>().as_slice() {
        [proto, code, ..] if proto.starts_with("HTTP/") => code.parse::<u16>().ok(),
        _ => None,
    }
    .ok_or_else(|| format!("malformed HTTP response {status_line:?}"))?;
    let length = lines
        .filter_map(|l| l.split_once(':'))
        .find(|(name, _)| name.trim().eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.trim().parse::<usize>().ok());
    let rest = buf.get(head_end + 4..).unwrap_or_default();
    match length {
        Some(n) if rest.len() >= n => {
            Ok(Some(HttpResponse { status, body: rest.get(..n).unwrap_or_default().to_vec() }))
        }
        Some(_) if eof => Err("unexpected EOF".to_string()),
        None if eof => Ok(Some(HttpResponse { status, body: rest.to_vec() })),
        _ => Ok(None),
    }
}

fn incomplete(buf: &[u8]) -> String {
    if buf.is_empty() { "empty reply from the pod".to_string() } else { "unexpected EOF".to_string() }
}

impl Cluster {
    /// GETs `path` from `port` of `namespace/pod` through a port-forward; the body of a 200 answer. The whole
    /// exchange is bounded by the per-request timeout.
    pub async fn pod_http_get(
        &self,
        namespace: &str,
        pod: &str,
        port: u16,
        path: &str,
    ) -> Result<Vec<u8>, PortForwardError> {
        let api: Api<Pod> = Api::namespaced(self.client.clone(), namespace);
        let transport = |e: &dyn std::fmt::Display| PortForwardError::Transport(e.to_string());
        let exchange = async {
            let mut forwarder = api.portforward(pod, &[port]).await.map_err(|e| transport(&ClusterError::from(e)))?;
            let mut stream = forwarder.take_stream(port).ok_or_else(|| transport(&"no stream for the port"))?;
            let errors = forwarder.take_error(port);
            let request =
                format!("GET {path} HTTP/1.0\r\nHost: localhost:{port}\r\nUser-Agent: istioctl\r\nAccept: */*\r\n\r\n");
            stream.write_all(request.as_bytes()).await.map_err(|e| transport(&e))?;
            let mut buf = Vec::new();
            let mut chunk = vec![0u8; 16 * 1024];
            let parsed = loop {
                let n = stream.read(&mut chunk).await.map_err(|e| transport(&e))?;
                buf.extend_from_slice(chunk.get(..n).unwrap_or_default());
                match parse_response(&buf, n == 0) {
                    Ok(Some(response)) => break Ok(response),
                    Ok(None) => {}
                    Err(e) => break Err(e),
                }
            };
            drop(stream);
            let parsed = match parsed {
                Ok(response) => response,
                // The pod side may have said why on the error channel.
                Err(e) => {
                    let reason = match errors {
                        Some(errors) => errors.await.filter(|m| !m.is_empty()).unwrap_or(e),
                        None => e,
                    };
                    forwarder.abort();
                    return Err(transport(&reason));
                }
            };
            forwarder.abort();
            if parsed.status != 200 {
                return Err(PortForwardError::Status(parsed.status));
            }
            Ok(parsed.body)
        };
        tokio::time::timeout(self.timeout, exchange)
            .await
            .unwrap_or_else(|_| Err(transport(&ClusterError::Timeout(self.timeout))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_length_bounds_the_body() {
        let head = b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n";
        assert_eq!(parse_response(head, false), Ok(None));
        let mut full = head.to_vec();
        full.extend_from_slice(b"1.2.3trailing");
        assert_eq!(parse_response(&full, false), Ok(Some(HttpResponse { status: 200, body: b"1.2.3".to_vec() })));
        assert_eq!(parse_response(head, true), Err("unexpected EOF".to_string()));
    }

    #[test]
    fn without_length_the_body_runs_to_eof() {
        let text = b"HTTP/1.0 404 Not Found\r\ncontent-type: text/plain\r\n\r\nnope";
        assert_eq!(parse_response(text, false), Ok(None));
        assert_eq!(parse_response(text, true), Ok(Some(HttpResponse { status: 404, body: b"nope".to_vec() })));
    }

    #[test]
    fn broken_answers_are_errors() {
        assert_eq!(parse_response(b"", true), Err("empty reply from the pod".to_string()));
        assert_eq!(parse_response(b"HTTP/1.1 200", true), Err("unexpected EOF".to_string()));
        assert!(parse_response(b"SSH-2.0\r\n\r\n", false).is_err());
    }
}
