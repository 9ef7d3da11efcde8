//! Runs the Kubernetes API emulator (crate `kube-emulator`) as a standalone server.
//!
//! ```text
//! cargo run --release --example kube-emulator -- --listen 127.0.0.1:PORT --kubeconfig FILE [--ready-after 2s]
//! ```
//!
//! Writes a kubeconfig for `http://127.0.0.1:PORT` to FILE, prints `ready` on stdout once it accepts
//! requests, and serves until killed. `--ready-after` takes `250ms`, `2s`, `1m` or `never` (default: `0s`,
//! workloads become ready at once). Faults: `--latency 100ms`, `--throttle 0.1` (share of requests answered
//! 429 with `Retry-After: --retry-after`), `--server-error 0.1`, `--conflict 0.1`, `--drop 0.1`, and
//! `--fault-seed N` to vary the deterministic sequence. `--log-requests` prints each answered request to
//! stderr.

use clap::Parser;
use kube_emulator::{Config, Emulator, Faults, parse_duration};
use std::io::Write;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Parser, Debug)]
#[command(about = "A Kubernetes API server emulator for istioctl's tests")]
struct Args {
    /// Address to serve on (port 0 picks one).
    #[arg(long, default_value = "127.0.0.1:0")]
    listen: SocketAddr,
    /// Where to write the kubeconfig.
    #[arg(long)]
    kubeconfig: PathBuf,
    /// Delay before workloads become ready, or `never`.
    #[arg(long, default_value = "0s", value_parser = ready_after)]
    ready_after: ReadyAfter,
    /// Latency added to every request.
    #[arg(long, default_value = "0s", value_parser = duration)]
    latency: Duration,
    /// Share of requests answered 429 Too Many Requests.
    #[arg(long, default_value_t = 0.0)]
    throttle: f64,
    /// Retry-After seconds sent with 429 answers.
    #[arg(long, default_value_t = 1)]
    retry_after: u64,
    /// Share of requests answered 500.
    #[arg(long, default_value_t = 0.0)]
    server_error: f64,
    /// Share of requests answered 409.
    #[arg(long, default_value_t = 0.0)]
    conflict: f64,
    /// Share of requests whose connection is dropped.
    #[arg(long = "drop", default_value_t = 0.0)]
    drop_connection: f64,
    /// Print each answered request to stderr (method, path?query, content type, status).
    #[arg(long)]
    log_requests: bool,
    /// Seed of the deterministic fault sequence.
    #[arg(long, default_value_t = 0)]
    fault_seed: u64,
}

#[derive(Debug, Clone, Copy)]
struct ReadyAfter(Option<Duration>);

fn ready_after(s: &str) -> Result<ReadyAfter, String> {
    if s == "never" {
        return Ok(ReadyAfter(None));
    }
    duration(s).map(|d| ReadyAfter(Some(d)))
}

fn duration(s: &str) -> Result<Duration, String> {
    parse_duration(s).ok_or_else(|| format!("invalid duration {s:?} (use e.g. 250ms, 2s, 1m)"))
}

fn main() -> std::process::ExitCode {
    let args = Args::parse();
    let config = Config {
        listen: args.listen,
        kubeconfig: Some(args.kubeconfig.clone()),
        ready_after: args.ready_after.0,
        faults: Faults {
            latency: args.latency,
            throttle: args.throttle,
            retry_after_secs: args.retry_after,
            server_error: args.server_error,
            conflict: args.conflict,
            drop_connection: args.drop_connection,
            seed: args.fault_seed,
            ..Faults::default()
        },
        ..Config::default()
    };
    let emulator = match Emulator::start(config) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("kube-emulator: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let mut out = std::io::stdout();
    if writeln!(out, "ready").and_then(|()| out.flush()).is_err() {
        return std::process::ExitCode::FAILURE;
    }
    let mut seen = 0;
    loop {
        if !args.log_requests {
            std::thread::park();
            continue;
        }
        std::thread::sleep(Duration::from_millis(100));
        let requests = emulator.requests();
        for r in requests.iter().skip(seen) {
            eprintln!("{} {}?{} [{}] {}", r.method, r.path, r.query, r.content_type, r.status);
        }
        seen = requests.len();
    }
}
