//! kube-inject throughput: generates a stream of N Deployments (names, labels, container counts,
//! ports and probes vary a little), then times, in-process and single-threaded,
//!
//! * `inject`: `istioctl::inject::kube_inject_with_stdin` over the whole stream (built-in default
//!   configuration, as `istioctl kube-inject -f` without a cluster), output discarded;
//! * `baseline`: `goyaml::parse` of each document of the same stream and `goyaml::to_string` of it
//!   (parsing and re-emitting without injection, with the reader kube-inject uses);
//! * `baseline0`: the first baseline, `goyaml::parse_documents` of the whole stream (positions
//!   recorded, full reader only) and `goyaml::to_string` of each document;
//! * `config`: the same injection over a single Deployment, i.e. the fixed cost of loading the
//!   configuration, so the per-workload rate can be given without it.
//!
//! `cargo bench --bench inject -- [N] [--runs R] [--mode inject|baseline|baseline0|both] [--write FILE]`
//! (defaults: N = 1000, R = 5, both). `--write FILE` only writes the generated stream (for timing the
//! binary with `istioctl kube-inject -f FILE`) and exits. Numbers are medians over the runs; CPU time
//! is reported next to wall time because the machine may be shared.

use std::fmt::Write as _;
use std::time::Instant;

use istioctl::inject::{InjectOptions, InputSource, kube_inject_with_stdin};

/// The allocator of the `istioctl` binary (src/main.rs), so that the figures match it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Images the generated containers use, picked round-robin.
const IMAGES: &[&str] = &["docker.io/library/nginx:1.27", "ghcr.io/example/api:v2.3.1", "quay.io/example/worker:0.9"];
/// Tiers a Deployment's `tier` label takes, round-robin.
const TIERS: &[&str] = &["frontend", "backend", "batch"];

/// A YAML stream of `n` Deployments separated by `---`. Deterministic: the i-th Deployment depends on
/// `i` only. Every third has a second container, every fifth a third; every other has an HTTP
/// readiness probe (which the injector rewrites), every seventh a pod annotation.
fn deployments(n: usize) -> String {
    let mut s = String::with_capacity(n * 1200);
    for i in 0..n {
        let containers = 1 + usize::from(i % 3 == 0) + usize::from(i % 5 == 0);
        let tier = TIERS.get(i % TIERS.len()).copied().unwrap_or("frontend");
        let _ = write!(
            s,
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-{i}\n  namespace: team-{ns}\n  labels:\n    app: app-{i}\n    tier: {tier}\nspec:\n  replicas: {replicas}\n  selector:\n    matchLabels:\n      app: app-{i}\n  template:\n    metadata:\n      labels:\n        app: app-{i}\n        version: v{version}\n        tier: {tier}\n",
            ns = i % 17,
            replicas = 1 + i % 4,
            version = 1 + i % 3,
        );
        if i % 7 == 0 {
            let _ = write!(
                s,
                "      annotations:\n        prometheus.io/scrape: \"true\"\n        prometheus.io/port: \"{}\"\n",
                9000 + i % 100
            );
        }
        s.push_str("    spec:\n      containers:\n");
        for c in 0..containers {
            let image = IMAGES.get((i + c) % IMAGES.len()).copied().unwrap_or("nginx");
            let port = 8000 + (i + c) % 1000;
            let _ = write!(
                s,
                "      - name: c{c}\n        image: {image}\n        ports:\n        - containerPort: {port}\n          name: http-{c}\n        env:\n        - name: INSTANCE\n          value: \"{i}\"\n        resources:\n          requests:\n            cpu: {cpu}m\n            memory: {mem}Mi\n",
                cpu = 50 + (i % 10) * 10,
                mem = 64 + (i % 8) * 32,
            );
            if i % 2 == 0 {
                let _ = write!(
                    s,
                    "        readinessProbe:\n          httpGet:\n            path: /healthz\n            port: {port}\n          periodSeconds: 5\n"
                );
            }
        }
        s.push_str("---\n");
    }
    s
}

/// CPU time of this process in ms (`/proc/self/stat`, 100 ticks per second; `None` elsewhere).
fn cpu_ms() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/self/stat").ok()?;
    let rest = text.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok());
    Some((ticks(11)? + ticks(12)?) * 10.0)
}

/// Median wall ms and mean CPU ms of `runs` calls of `f` (which returns an output size, kept so the
/// work cannot be optimised away).
fn measure(runs: u32, mut f: impl FnMut() -> usize) -> (f64, Option<f64>, usize) {
    let mut times = Vec::new();
    let mut bytes = 0;
    let cpu0 = cpu_ms();
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        bytes = std::hint::black_box(f());
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let cpu = cpu0.zip(cpu_ms()).map(|(a, b)| (b - a) / f64::from(runs.max(1)));
    times.sort_by(f64::total_cmp);
    (times.get(times.len() / 2).copied().unwrap_or_default(), cpu, bytes)
}

/// One kube-inject run over `stream`; the output size.
fn inject(stream: &str) -> usize {
    let opts = InjectOptions { input: InputSource::Stdin, native_sidecars: Some(false), ..InjectOptions::default() };
    let mut out = Vec::new();
    match kube_inject_with_stdin(&opts, &mut stream.as_bytes(), &mut out) {
        Ok(_) => out.len(),
        Err(e) => {
            eprintln!("kube-inject failed: {e}");
            std::process::exit(1);
        }
    }
}

/// Parses `stream` per document with `goyaml::parse` (the reader kube-inject uses, fast path
/// included) and re-emits every document; the output size.
fn baseline(stream: &str) -> usize {
    stream
        .split("---\n")
        .filter(|d| !d.is_empty())
        .map(|doc| match goyaml::parse(doc) {
            Ok(v) => goyaml::to_string(&v).len() + 4,
            Err(e) => {
                eprintln!("parse failed: {e}");
                std::process::exit(1);
            }
        })
        .sum()
}

/// The first baseline: `goyaml::parse_documents` of the whole stream (which records every node's
/// position and always uses the full reader) and `goyaml::to_string` of each document.
fn baseline_stream(stream: &str) -> usize {
    match goyaml::parse_documents(stream) {
        Ok(docs) => docs.iter().map(|d| goyaml::to_string(&d.value).len() + 4).sum(),
        Err(e) => {
            eprintln!("parse failed: {e}");
            std::process::exit(1);
        }
    }
}

fn report(label: &str, n: usize, (wall, cpu, bytes): (f64, Option<f64>, usize), fixed_ms: f64) {
    let per_s = |ms: f64| if ms > 0.0 { format!("{:.0}", n as f64 / (ms / 1000.0)) } else { "-".to_string() };
    let cpu_text = cpu.map(|c| format!(", cpu {c:.1} ms")).unwrap_or_default();
    println!(
        "{label:<9} {n} workloads: median {wall:.1} ms{cpu_text} -> {} workloads/s ({}/s without the {fixed_ms:.1} ms fixed cost), {bytes} bytes out",
        per_s(wall),
        per_s(wall - fixed_ms),
    );
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    // The first argument that is neither a flag nor a flag's value.
    let n: usize = args
        .iter()
        .enumerate()
        .filter(|(i, a)| {
            !a.starts_with("--") && !i.checked_sub(1).and_then(|p| args.get(p)).is_some_and(|p| p.starts_with("--"))
        })
        .find_map(|(_, a)| a.parse().ok())
        .unwrap_or(1000);
    let runs: u32 = flag("--runs").and_then(|r| r.parse().ok()).unwrap_or(5);
    let mode = flag("--mode").unwrap_or_else(|| "both".into());
    let stream = deployments(n);
    if let Some(path) = flag("--write") {
        if let Err(e) = std::fs::write(&path, &stream) {
            eprintln!("write {path}: {e}");
            std::process::exit(1);
        }
        println!("wrote {n} Deployments ({} bytes) to {path}", stream.len());
        return;
    }
    println!("stream: {n} Deployments, {} bytes; {runs} runs each, medians", stream.len());
    let one = deployments(1);
    if mode == "inject" || mode == "both" {
        let fixed = measure(runs, || inject(&one));
        println!("config    load + 1 workload: median {:.1} ms", fixed.0);
        report("inject", n, measure(runs, || inject(&stream)), fixed.0);
    }
    if mode == "baseline" || mode == "both" {
        report("baseline", n, measure(runs, || baseline(&stream)), 0.0);
    }
    if mode == "baseline0" || mode == "both" {
        report("baseline0", n, measure(runs, || baseline_stream(&stream)), 0.0);
    }
}
