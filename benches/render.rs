//! Renders the default profile from upstream's charts N times and prints milliseconds per render, then
//! a per-chart breakdown (load, parse templates, execute, parse YAML) and the printing time.
//!
//! `UPSTREAM_MANIFESTS=/path/to/istio/manifests cargo bench --bench render -- [N]` (default N = 5;
//! without the variable the embedded charts are used).
//!
//! `... -- --write-values DIR` renders nothing: it writes, for every enabled component of the default
//! profile, the Helm values istioctl passes to its chart (`DIR/<k>-<component>.json`) and a plan line
//! `<chart dir>\t<namespace>\t<values file>` to `DIR/plan.tsv`, so that `helm template` can be run on
//! the same charts with the same values (scripts/bench-render.sh).

use std::path::Path;
use std::time::Instant;

use istioctl::helm::{Chart, PreparedChart, RenderOptions};
use istioctl::manifests::ManifestSource;
use istioctl::operator::InstallInputs;
use istioctl::render::{ALL_COMPONENTS, component_values, generate, print_manifest};

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

/// CPU time the process has used, in ms (Linux `/proc/self/stat`, 100 ticks per second; `None`
/// elsewhere). Wall time on a shared machine says little; CPU time does.
fn cpu_ms() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
    let rest = text.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok());
    Some((ticks(11)? + ticks(12)?) * 10.0)
}

/// Writes the values and plan described in the module docs into `dir`.
fn write_values(inputs: &InstallInputs, dir: &Path) -> Result<usize, String> {
    let merged = istioctl::operator::load(inputs).map_err(|e| e.to_string())?.iop;
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut plan = String::new();
    let mut k = 0;
    for comp in &ALL_COMPONENTS {
        for spec in comp.specs(&merged).map_err(|e| e.to_string())? {
            let values = component_values(comp, &spec, &merged).map_err(|e| e.to_string())?;
            let file = dir.join(format!("{k}-{}.json", comp.name.as_str()));
            let text = serde_json::to_string_pretty(&values).map_err(|e| e.to_string())?;
            std::fs::write(&file, text).map_err(|e| format!("{}: {e}", file.display()))?;
            plan.push_str(&format!("charts/{}\t{}\t{}\n", comp.chart_dir, spec.namespace, file.display()));
            k += 1;
        }
    }
    let file = dir.join("plan.tsv");
    std::fs::write(&file, plan).map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(k)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let manifests =
        ManifestSource::from_option(std::env::var_os("UPSTREAM_MANIFESTS").as_deref().map(std::path::Path::new));
    let inputs = InstallInputs { manifests, ..InstallInputs::default() };
    if let Some(dir) = args.iter().position(|a| a == "--write-values").and_then(|i| args.get(i + 1)) {
        match write_values(&inputs, Path::new(dir)) {
            Ok(n) => println!("wrote values of {n} charts to {dir}"),
            Err(e) => {
                eprintln!("write values: {e}");
                std::process::exit(1);
            }
        }
        return;
    }
    let runs: u32 = args.iter().find_map(|a| a.parse().ok()).unwrap_or(5);
    let mut times = Vec::with_capacity(runs as usize);
    let mut last = None;
    let cpu_start = cpu_ms();
    for _ in 0..runs {
        let start = Instant::now();
        match generate(&inputs) {
            Ok(r) => last = Some(r),
            Err(e) => {
                eprintln!("render failed: {e}");
                std::process::exit(1);
            }
        }
        times.push(ms(start));
    }
    times.sort_by(f64::total_cmp);
    let median = times.get(times.len() / 2).copied().unwrap_or_default();
    let min = times.first().copied().unwrap_or_default();
    println!("default profile: {runs} renders, median {median:.1} ms/render, min {min:.1} ms (without printing)");
    if let (Some(a), Some(b)) = (cpu_start, cpu_ms()) {
        println!("  cpu: {:.1} ms/render", (b - a) / f64::from(runs.max(1)));
    }
    let Some(rendered) = last else { return };
    let start = Instant::now();
    let text = print_manifest(&rendered);
    println!("  print: {:.1} ms ({} bytes)", ms(start), text.len());
    let merged = istioctl::operator::load(&inputs).map(|m| m.iop).unwrap_or_default();
    for comp in &ALL_COMPONENTS {
        let Some(spec) = comp.specs(&merged).ok().and_then(|s| s.into_iter().next()) else { continue };
        let t = Instant::now();
        let Ok(chart) = Chart::load(&inputs.manifests, &format!("charts/{}", comp.chart_dir)) else { continue };
        let load = ms(t);
        let t = Instant::now();
        let Ok(prepared) = PreparedChart::new(chart) else { continue };
        let prepare = ms(t);
        let Ok(values) = component_values(comp, &spec, &merged) else { continue };
        let t = Instant::now();
        let Ok(out) = prepared.render(&values, &RenderOptions::istioctl(&spec.namespace)) else { continue };
        let exec = ms(t);
        let t = Instant::now();
        let docs = out.documents.iter().filter(|d| goyaml::parse_documents(d).is_ok()).count();
        let parse = ms(t);
        println!(
            "  {:<16} load {load:.1} ms, templates {prepare:.1} ms, execute {exec:.1} ms, parse {parse:.1} ms ({docs} documents)",
            comp.name.as_str()
        );
    }
}
