//! The standalone emulator (`cargo run --example kube-emulator -- --listen ADDR --kubeconfig FILE`) keeps
//! its documented contract: it writes the kubeconfig, prints `ready`, then serves.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Command, Stdio};

/// Builds the example with the same profile and target directory as this test, and returns its path.
fn example_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    // target/<profile>/deps/<test> -> target/<profile>
    let profile_dir = exe.parent().and_then(|deps| deps.parent()).expect("profile directory").to_path_buf();
    let target_dir = profile_dir.parent().expect("target directory").to_path_buf();
    let profile = profile_dir.file_name().and_then(|n| n.to_str()).unwrap_or("debug");
    let mut build = Command::new(env!("CARGO"));
    build.args(["build", "--quiet", "--example", "kube-emulator"]).env("CARGO_TARGET_DIR", &target_dir);
    build.current_dir(env!("CARGO_MANIFEST_DIR"));
    if profile != "debug" {
        build.args(["--profile", profile]);
    }
    let status = build.status().expect("run cargo build --example kube-emulator");
    assert!(status.success(), "cargo build --example kube-emulator failed");
    profile_dir.join("examples").join(format!("kube-emulator{}", std::env::consts::EXE_SUFFIX))
}

/// Kills the emulator when the test ends, passing or failing.
struct Running(std::process::Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn standalone_writes_kubeconfig_prints_ready_and_serves() {
    let dir = tempfile::tempdir().expect("temp dir");
    let kubeconfig = dir.path().join("kubeconfig");
    let mut child = Running(
        Command::new(example_binary())
            .args(["--listen", "127.0.0.1:0", "--kubeconfig"])
            .arg(&kubeconfig)
            .args(["--ready-after", "2s"])
            .stdout(Stdio::piped())
            .spawn()
            .expect("start the emulator"),
    );
    let mut first = String::new();
    BufReader::new(child.0.stdout.take().expect("stdout")).read_line(&mut first).expect("read stdout");
    assert_eq!(first, "ready\n");
    let config = std::fs::read_to_string(&kubeconfig).expect("kubeconfig written");
    let server =
        config.lines().find_map(|l| l.trim().strip_prefix("server: http://")).expect("server line").to_string();
    let mut s = TcpStream::connect(&server).expect("connect");
    s.write_all(b"GET /version HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").expect("write");
    let mut answer = String::new();
    s.read_to_string(&mut answer).expect("read");
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(answer.contains(&format!("\"minor\":\"{}\"", kube_emulator::VERSION_MINOR)), "{answer}");
}
