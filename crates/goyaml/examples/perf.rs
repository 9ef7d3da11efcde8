//! Measures reading and writing a large manifest: `perf MODE FILE [ROUNDS]` with MODE `raw` (scanner
//! only), `parse` or `emit`, 20 rounds unless told; time it with `/usr/bin/time` (user time is the
//! useful figure on a shared machine). Used to keep a 1 MB manifest well under 50 ms. Under
//! `valgrind --tool=callgrind`, the difference between two round counts gives instructions per round
//! (e.g. of a rendered injection template or an injected Deployment). MODE `echo` prints every
//! document read (as JSON) and written again, once, to compare the reader's and writer's output
//! between versions.

/// The allocator of the `istioctl` binary, so that the figures match it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let path = std::env::args().nth(2).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let docs: Vec<&str> = text.split("\n---\n").collect();
    let values: Vec<_> = docs.iter().map(|d| goyaml::parse(d).unwrap_or_default()).collect();
    if mode == "echo" {
        for v in &values {
            print!("{}\n{}---\n", serde_json::to_string(v).unwrap_or_default(), goyaml::to_string(v));
        }
        return;
    }
    let rounds: usize = std::env::args().nth(3).and_then(|r| r.parse().ok()).unwrap_or(20);
    let mut n = 0;
    for _ in 0..rounds {
        n += match mode.as_str() {
            "raw" => granit_parser::Parser::new_from_str(&text).count(),
            "parse" => docs.iter().filter(|d| goyaml::parse(d).is_ok()).count(),
            "emit" => values.iter().map(|v| goyaml::to_string(v).len()).sum(),
            _ => 0,
        };
    }
    println!("{n}");
}
