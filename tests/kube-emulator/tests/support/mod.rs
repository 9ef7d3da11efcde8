//! A tiny blocking HTTP/1.1 client for the emulator's tests (no client library: the point is to see the
//! wire).

#![allow(dead_code)]

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

/// How long a test waits on a socket before failing instead of hanging.
pub const IO_TIMEOUT: Duration = Duration::from_secs(20);

/// An HTTP answer.
#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

fn connect(addr: SocketAddr) -> TcpStream {
    let s = TcpStream::connect(addr).expect("connect to the emulator");
    s.set_read_timeout(Some(IO_TIMEOUT)).expect("set timeout");
    s
}

fn send(s: &mut TcpStream, method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) {
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: emulator\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    s.write_all(req.as_bytes()).expect("write request");
    s.write_all(body).expect("write body");
}

fn read_head(r: &mut BufReader<TcpStream>) -> std::io::Result<(u16, Vec<(String, String)>)> {
    let mut line = String::new();
    r.read_line(&mut line)?;
    let status = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("bad status line {line:?}")))?;
    let mut headers = Vec::new();
    loop {
        line.clear();
        r.read_line(&mut line)?;
        let l = line.trim_end();
        if l.is_empty() {
            return Ok((status, headers));
        }
        if let Some((k, v)) = l.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
}

/// Reads one chunk of a chunked body; `None` at the end.
fn read_chunk(r: &mut BufReader<TcpStream>) -> std::io::Result<Option<Vec<u8>>> {
    let mut line = String::new();
    r.read_line(&mut line)?;
    let size = usize::from_str_radix(line.trim(), 16)
        .map_err(|_| std::io::Error::other(format!("bad chunk size {line:?}")))?;
    if size == 0 {
        return Ok(None);
    }
    let mut data = vec![0; size + 2];
    r.read_exact(&mut data)?;
    data.truncate(size);
    Ok(Some(data))
}

/// Sends a request and reads the whole answer. Errors are returned (dropped connections are a test case).
pub fn try_request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<Resp> {
    let mut s = connect(addr);
    send(&mut s, method, path, headers, body);
    let mut r = BufReader::new(s);
    let (status, headers) = read_head(&mut r)?;
    let chunked = headers.iter().any(|(k, v)| k.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    let mut body = Vec::new();
    if chunked {
        while let Some(c) = read_chunk(&mut r)? {
            body.extend(c);
        }
    } else {
        r.read_to_end(&mut body)?;
    }
    Ok(Resp { status, headers, body })
}

/// Sends a request and reads the answer, failing the test on I/O errors.
pub fn request(addr: SocketAddr, method: &str, path: &str, content_type: Option<&str>, body: &str) -> Resp {
    let mut headers = vec![("Accept", "application/json")];
    if let Some(ct) = content_type {
        headers.push(("Content-Type", ct));
    }
    try_request(addr, method, path, &headers, body.as_bytes()).expect("HTTP request")
}

pub fn get(addr: SocketAddr, path: &str) -> Resp {
    request(addr, "GET", path, None, "")
}

pub fn post(addr: SocketAddr, path: &str, body: &Value) -> Resp {
    request(addr, "POST", path, Some("application/json"), &body.to_string())
}

pub fn put(addr: SocketAddr, path: &str, body: &Value) -> Resp {
    request(addr, "PUT", path, Some("application/json"), &body.to_string())
}

pub fn patch(addr: SocketAddr, path: &str, content_type: &str, body: &str) -> Resp {
    request(addr, "PATCH", path, Some(content_type), body)
}

pub fn delete(addr: SocketAddr, path: &str) -> Resp {
    request(addr, "DELETE", path, None, "")
}

/// A streaming watch: events are read as they arrive.
pub struct Watch {
    reader: BufReader<TcpStream>,
    pending: Vec<u8>,
}

impl Watch {
    pub fn open(addr: SocketAddr, path: &str) -> Watch {
        Self::open_accepting(addr, path, "application/json")
    }

    pub fn open_accepting(addr: SocketAddr, path: &str, accept: &str) -> Watch {
        let mut s = connect(addr);
        send(&mut s, "GET", path, &[("Accept", accept)], b"");
        let mut reader = BufReader::new(s);
        let (status, _) = read_head(&mut reader).expect("watch head");
        assert_eq!(status, 200, "watch {path}");
        Watch { reader, pending: Vec::new() }
    }

    /// The next event, or `None` when the server ends the stream.
    pub fn next(&mut self) -> Option<Value> {
        loop {
            if let Some(i) = self.pending.iter().position(|b| *b == b'\n') {
                let line: Vec<u8> = self.pending.drain(..=i).collect();
                return Some(serde_json::from_slice(&line).expect("watch event JSON"));
            }
            match read_chunk(&mut self.reader).expect("read watch chunk") {
                Some(c) => self.pending.extend(c),
                None => return None,
            }
        }
    }

    /// Reads events until one satisfies `pred`, and returns it; fails if the stream ends first.
    pub fn until(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        loop {
            match self.next() {
                Some(ev) if pred(&ev) => return ev,
                Some(_) => {}
                None => panic!("watch ended before {what}"),
            }
        }
    }
}
