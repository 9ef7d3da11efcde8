//! Renders the default profile from upstream's charts N times and prints milliseconds per render.
//!
//! `UPSTREAM_MANIFESTS=/path/to/istio/manifests cargo bench --bench render -- [N]` (default N = 5;
//! without the variable the embedded charts are used).

use std::time::Instant;

use istioctl::manifests::ManifestSource;
use istioctl::operator::InstallInputs;
use istioctl::render::{generate, print_manifest};

fn main() {
    let runs: u32 = std::env::args().skip(1).find_map(|a| a.parse().ok()).unwrap_or(5);
    let manifests =
        ManifestSource::from_option(std::env::var_os("UPSTREAM_MANIFESTS").as_deref().map(std::path::Path::new));
    let inputs = InstallInputs { manifests, ..InstallInputs::default() };
    let mut times = Vec::with_capacity(runs as usize);
    let mut bytes = 0;
    for _ in 0..runs {
        let start = Instant::now();
        match generate(&inputs) {
            Ok(r) => bytes = print_manifest(&r).len(),
            Err(e) => {
                eprintln!("render failed: {e}");
                std::process::exit(1);
            }
        }
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    let median = times.get(times.len() / 2).copied().unwrap_or_default();
    let min = times.first().copied().unwrap_or_default();
    println!("default profile: {runs} renders, median {median:.1} ms/render, min {min:.1} ms ({bytes} bytes)");
}
