//! `istioctl x tls-check` against real `openssl s_server` processes on 127.0.0.1, a refused port and plain TCP
//! listeners. Skips (with a printed reason) when the `openssl` command is missing.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};

use assert_cmd::cargo::cargo_bin_cmd;
use serde_json::Value;

const OPENSSL: &str = "openssl";

/// Whether `openssl` can run here; prints why not.
fn have_openssl() -> bool {
    let ok = Command::new(OPENSSL).arg("version").output().is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("skipping: the `{OPENSSL}` command is not available");
    }
    ok
}

/// Runs openssl with these arguments and fails the test on error.
fn openssl(args: &[&str], dir: &Path) {
    let out = Command::new(OPENSSL).args(args).current_dir(dir).output().expect("run openssl");
    assert!(out.status.success(), "openssl {args:?}: {}", String::from_utf8_lossy(&out.stderr));
}

/// Throwaway certificates: a CA, a `localhost` server certificate it signed, and an unrelated CA.
struct Certs {
    dir: tempfile::TempDir,
}

impl Certs {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"];
        for (key, cert, cn) in [("ca.key", "ca.pem", "/CN=test-ca"), ("other.key", "other.pem", "/CN=other-ca")] {
            let mut args = vec!["req", "-x509"];
            args.extend(ec);
            args.extend(["-keyout", key, "-out", cert, "-days", "1", "-subj", cn]);
            openssl(&args, d);
        }
        let mut args = vec!["req"];
        args.extend(ec);
        args.extend(["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost"]);
        openssl(&args, d);
        std::fs::write(d.join("ext.cnf"), "subjectAltName=DNS:localhost\n").expect("write ext");
        openssl(
            &[
                "x509",
                "-req",
                "-in",
                "server.csr",
                "-CA",
                "ca.pem",
                "-CAkey",
                "ca.key",
                "-CAcreateserial",
                "-out",
                "server.pem",
                "-days",
                "1",
                "-extfile",
                "ext.cnf",
            ],
            d,
        );
        Self { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

/// A running `openssl s_server`; killed on drop.
struct Server {
    child: Child,
    /// Held open: s_server stops when its stdin reaches end of file.
    _stdin: Option<ChildStdin>,
    addr: SocketAddr,
}

impl Server {
    /// Starts s_server on a free port with these version flags (`-tls1_3`, or none for 1.2 and 1.3).
    fn start(certs: &Certs, versions: &[&str]) -> Self {
        let cert = certs.path("server.pem");
        let key = certs.path("server.key");
        let mut cmd = Command::new(OPENSSL);
        cmd.args(["s_server", "-accept", "127.0.0.1:0", "-alpn", "istio", "-cert"])
            .arg(&cert)
            .arg("-key")
            .arg(&key)
            .args(versions)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null());
        let mut child = cmd.spawn().expect("start openssl s_server");
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().expect("s_server stdout");
        let mut lines = BufReader::new(stdout);
        // s_server prints `ACCEPT 127.0.0.1:PORT` once it listens (the port it picked for port 0).
        let mut addr = None;
        let mut line = String::new();
        while addr.is_none() {
            line.clear();
            let n = lines.read_line(&mut line).expect("read s_server output");
            assert!(n > 0, "s_server exited before listening");
            addr = line.trim().strip_prefix("ACCEPT ").and_then(|a| a.parse::<SocketAddr>().ok());
        }
        // Keep draining its output so it never blocks on a full pipe.
        std::thread::spawn(move || {
            let mut sink = Vec::new();
            let _ = lines.read_to_end(&mut sink);
        });
        let addr = addr.expect("listening address");
        wait_connectable(addr);
        Self { child, _stdin: stdin, addr }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Connects until the listener answers, a bounded number of times.
fn wait_connectable(addr: SocketAddr) {
    const ATTEMPTS: usize = 200;
    let ok = (0..ATTEMPTS).any(|_| TcpStream::connect(addr).is_ok());
    assert!(ok, "{addr} did not accept a connection after {ATTEMPTS} attempts");
}

/// A port nothing listens on: bound, then released.
fn refused_port() -> SocketAddr {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind");
    l.local_addr().expect("addr")
}

/// A plain TCP listener that answers every connection with `reply` and closes it.
fn plain_listener(reply: &'static [u8]) -> SocketAddr {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = l.local_addr().expect("addr");
    std::thread::spawn(move || {
        for mut conn in l.incoming().flatten() {
            let _ = conn.write_all(reply);
        }
    });
    addr
}

/// Runs `istioctl x tls-check` with these arguments; returns exit code, stdout, stderr.
fn tls_check(args: &[&str]) -> (i32, String, String) {
    let out = cargo_bin_cmd!("istioctl").args(["x", "tls-check"]).args(args).output().expect("run istioctl");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `-o json` output, parsed, with the exit code.
fn tls_check_json(address: SocketAddr, extra: &[&str]) -> (i32, Value) {
    let addr = address.to_string();
    let mut args = vec!["--address", addr.as_str(), "-o", "json"];
    args.extend(extra);
    let (code, stdout, stderr) = tls_check(&args);
    let json = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}\n{stderr}"));
    (code, json)
}

/// The `result` of each probe, TLS 1.2 first.
fn results(report: &Value) -> Vec<String> {
    report["probes"]
        .as_array()
        .expect("probes")
        .iter()
        .map(|p| p["result"].as_str().unwrap_or("").to_string())
        .collect()
}

#[test]
fn tls13_only_server_passes_a_tls13_minimum_and_fails_a_tls12_one() {
    if !have_openssl() {
        return;
    }
    let certs = Certs::new();
    let server = Server::start(&certs, &["-tls1_3"]);
    let addr = server.addr.to_string();

    let (code, stdout, stderr) = tls_check(&["--address", &addr, "--expect", "TLSV1_3"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(stderr, "");
    let rows: Vec<Vec<&str>> = stdout.lines().map(|l| l.split_whitespace().collect()).collect();
    assert!(rows.iter().any(|r| r.starts_with(&["TLSv1.2", "refused"])), "{stdout}");
    assert!(rows.iter().any(|r| r.starts_with(&["TLSv1.3", "accepted"]) && r.get(3) == Some(&"istio")), "{stdout}");
    assert!(stdout.contains("PASS"), "{stdout}");

    let (code, stdout, stderr) = tls_check(&["--address", &addr, "--expect", "TLSV1_2"]);
    assert_eq!(code, 1, "{stdout}");
    assert_eq!(stderr.lines().count(), 1, "one-line explanation: {stderr}");
    assert!(stderr.starts_with("Error: TLSv1.2 is refused"), "{stderr}");

    let (code, report) = tls_check_json(server.addr, &["--expect", "TLSV1_3"]);
    assert_eq!(code, 0);
    assert_eq!(results(&report), ["refused", "accepted"]);
    assert_eq!(report["probes"][1]["alpn"], "istio");
    assert_eq!(report["ok"], true);
    assert_eq!(report["expected"], "TLSV1_3");
}

#[test]
fn server_accepting_both_versions_fails_a_tls13_minimum() {
    if !have_openssl() {
        return;
    }
    let certs = Certs::new();
    let server = Server::start(&certs, &[]);

    let (code, report) = tls_check_json(server.addr, &["--expect", "TLSV1_3"]);
    assert_eq!(code, 1);
    assert_eq!(results(&report), ["accepted", "accepted"]);
    assert_eq!(report["ok"], false);
    assert!(report["message"].as_str().unwrap_or("").contains("TLSv1.2 is accepted"), "{report}");

    for expect in ["TLSV1_2", "TLS_AUTO"] {
        let (code, report) = tls_check_json(server.addr, &["--expect", expect]);
        assert_eq!(code, 0, "{expect}: {report}");
        assert_eq!(report["probes"][0]["alpn"], "istio");
    }

    // Without ALPN nothing is negotiated; the versions are still accepted.
    let (code, report) = tls_check_json(server.addr, &["--expect", "TLSV1_2", "--alpn", ""]);
    assert_eq!(code, 0);
    assert_eq!(report["probes"][0].get("alpn"), Some(&Value::Null));
}

#[test]
fn ca_verification_accepts_the_issuer_and_rejects_another_ca() {
    if !have_openssl() {
        return;
    }
    let certs = Certs::new();
    let server = Server::start(&certs, &["-tls1_3"]);
    let ca = certs.path("ca.pem");
    let other = certs.path("other.pem");
    let ca = ca.to_str().expect("utf-8 path");
    let (code, report) = tls_check_json(server.addr, &["--expect", "TLSV1_3", "--ca", ca, "--sni", "localhost"]);
    assert_eq!((code, results(&report)), (0, vec!["refused".to_string(), "accepted".to_string()]), "{report}");
    let other = other.to_str().expect("utf-8 path");
    let (code, report) = tls_check_json(server.addr, &["--expect", "TLSV1_3", "--ca", other, "--sni", "localhost"]);
    assert_eq!(code, 1);
    assert_eq!(report["probes"][1]["result"], "probe-failed", "{report}");
}

#[test]
fn refused_connection_is_unreachable_not_accepted() {
    let addr = refused_port();
    let (code, report) = tls_check_json(addr, &["--expect", "TLSV1_2"]);
    assert_eq!(code, 1);
    assert_eq!(results(&report), ["unreachable", "unreachable"]);
    assert!(report["message"].as_str().unwrap_or("").starts_with("cannot connect to the endpoint"), "{report}");
    let (_, _, stderr) = tls_check(&["--address", &addr.to_string(), "--expect", "TLSV1_3"]);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn plain_tcp_ports_are_not_tls() {
    for reply in [&b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"[..], b""] {
        let addr = plain_listener(reply);
        for expect in ["TLSV1_2", "TLSV1_3"] {
            let (code, report) = tls_check_json(addr, &["--expect", expect]);
            assert_eq!(code, 1, "{report}");
            assert_eq!(results(&report), ["not-tls", "not-tls"], "{report}");
            assert!(report["message"].as_str().unwrap_or("").contains("does not speak TLS"), "{report}");
        }
    }
}

#[test]
fn bad_arguments_are_usage_errors() {
    for args in [
        &["--address", "nohost"][..],
        &["--address", "127.0.0.1:1", "--expect", "TLSV1_1"],
        &["--address", "127.0.0.1:1", "--from", "pod", "--to", "a:1"],
        &["--from", "pod"],
        &[],
    ] {
        let (code, _, stderr) = tls_check(args);
        assert_eq!(code, 64, "{args:?}: {stderr}");
    }
}

/// An emulated cluster with a pod whose exec runs commands on this machine, and optionally the mesh ConfigMap.
struct Cluster {
    emu: kube_emulator::Emulator,
}

const POD: &str = "sleep-1";
const POD_NAMESPACE: &str = "default";
const ISTIO_NAMESPACE: &str = "istio-system";

impl Cluster {
    fn new(min_protocol_version: Option<&str>) -> Self {
        let emu = kube_emulator::Emulator::start(kube_emulator::Config::default()).expect("start the emulator");
        emu.create(serde_json::json!({
            "apiVersion": "v1", "kind": "Pod",
            "metadata": {"name": POD, "namespace": POD_NAMESPACE},
            "spec": {"containers": [{"name": "sleep", "image": "curl"}, {"name": "istio-proxy", "image": "proxyv2"}]}
        }))
        .expect("create pod");
        if let Some(min) = min_protocol_version {
            emu.create(
                serde_json::json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": ISTIO_NAMESPACE}}),
            )
            .expect("create namespace");
            emu.create(serde_json::json!({
                "apiVersion": "v1", "kind": "ConfigMap",
                "metadata": {"name": "istio", "namespace": ISTIO_NAMESPACE},
                "data": {"mesh": format!("defaultConfig:\n  discoveryAddress: istiod.istio-system.svc:15012\nmeshMTLS:\n  minProtocolVersion: {min}\n")}
            }))
            .expect("create mesh ConfigMap");
        }
        Self { emu }
    }

    /// Runs tls-check with `--kubeconfig` pointing at the emulator, `-o json`.
    fn tls_check_json(&self, args: &[&str]) -> (i32, Value, String) {
        let kubeconfig = self.emu.kubeconfig_path().to_str().expect("utf-8 path").to_string();
        let mut all = vec!["--kubeconfig", kubeconfig.as_str(), "-o", "json"];
        all.extend(args);
        let (code, stdout, stderr) = tls_check(&all);
        let json = serde_json::from_str(&stdout).unwrap_or(Value::Null);
        (code, json, stderr)
    }
}

#[test]
fn exec_probes_from_a_pod_run_openssl_s_client_there() {
    if !have_openssl() {
        return;
    }
    let certs = Certs::new();
    let tls13 = Server::start(&certs, &["-tls1_3"]);
    let both = Server::start(&certs, &[]);
    let cluster = Cluster::new(None);

    let to = tls13.addr.to_string();
    let (code, report, stderr) =
        cluster.tls_check_json(&["--from", POD, "-n", POD_NAMESPACE, "--to", &to, "--expect", "TLSV1_3"]);
    assert_eq!(code, 0, "{report}\n{stderr}");
    assert_eq!(results(&report), ["refused", "accepted"]);
    assert_eq!(report["from"], format!("{POD_NAMESPACE}/{POD}/istio-proxy"));
    assert_eq!(report["probes"][1]["alpn"], "istio");
    assert!(report["probes"][1]["cipher"].as_str().unwrap_or("").starts_with("TLS_"), "{report}");
    assert!(report["probes"][0]["error"].as_str().unwrap_or("").contains("protocol version"), "{report}");

    let to = both.addr.to_string();
    let (code, report, stderr) = cluster.tls_check_json(&["--from", POD, "--to", &to, "--expect", "TLSV1_3"]);
    assert_eq!(code, 1, "{report}");
    assert_eq!(results(&report), ["accepted", "accepted"]);
    assert!(stderr.starts_with("Error: TLSv1.2 is accepted"), "{stderr}");

    // A refused port and a plain TCP port, seen from the pod.
    let to = refused_port().to_string();
    let (code, report, _) = cluster.tls_check_json(&["--from", POD, "--to", &to, "--expect", "TLSV1_2"]);
    assert_eq!((code, results(&report)), (1, vec!["unreachable".to_string(), "unreachable".to_string()]), "{report}");
    let to = plain_listener(b"HTTP/1.1 400 Bad Request\r\n\r\n").to_string();
    let (code, report, _) = cluster.tls_check_json(&["--from", POD, "--to", &to, "--expect", "TLSV1_2"]);
    assert_eq!((code, results(&report)), (1, vec!["not-tls".to_string(), "not-tls".to_string()]), "{report}");

    // A pod that does not exist: the probes fail, and so does the check.
    let (code, report, _) = cluster.tls_check_json(&["--from", "nope", "--to", &to, "--expect", "TLSV1_2"]);
    assert_eq!((code, results(&report)), (1, vec!["probe-failed".to_string(), "probe-failed".to_string()]), "{report}");
}

#[test]
fn the_expected_minimum_comes_from_the_mesh_config_map() {
    if !have_openssl() {
        return;
    }
    let certs = Certs::new();
    let tls13 = Server::start(&certs, &["-tls1_3"]);
    let both = Server::start(&certs, &[]);
    let cluster = Cluster::new(Some("TLSV1_3"));

    let (code, report, stderr) = cluster.tls_check_json(&["--address", &tls13.addr.to_string()]);
    assert_eq!(code, 0, "{report}\n{stderr}");
    assert_eq!(report["expected"], "TLSV1_3");
    assert_eq!(report["expectedFrom"], "ConfigMap istio-system/istio meshMTLS.minProtocolVersion");
    let (code, report, _) = cluster.tls_check_json(&["--from", POD, "--to", &both.addr.to_string()]);
    assert_eq!((code, report["expected"].as_str()), (1, Some("TLSV1_3")), "{report}");

    // No ConfigMap: a clear error that names it and --expect.
    let empty = Cluster::new(None);
    let (code, _, stderr) = empty.tls_check_json(&["--address", &tls13.addr.to_string()]);
    assert_eq!(code, 1);
    assert_eq!(stderr, "Error: ConfigMap istio-system/istio not found; pass --expect to check without it\n");
}
