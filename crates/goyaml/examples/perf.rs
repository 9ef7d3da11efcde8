//! Measures reading and writing a large manifest: `perf MODE FILE` with MODE `raw` (scanner only),
//! `parse` or `emit`, 20 rounds each; time it with `/usr/bin/time` (user time is the useful figure
//! on a shared machine). Used to keep a 1 MB manifest well under 50 ms.

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let path = std::env::args().nth(2).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let docs: Vec<&str> = text.split("\n---\n").collect();
    let values: Vec<_> = docs.iter().map(|d| goyaml::parse(d).unwrap_or_default()).collect();
    let mut n = 0;
    for _ in 0..20 {
        n += match mode.as_str() {
            "raw" => granit_parser::Parser::new_from_str(&text).count(),
            "parse" => docs.iter().filter(|d| goyaml::parse(d).is_ok()).count(),
            "emit" => values.iter().map(|v| goyaml::to_string(v).len()).sum(),
            _ => 0,
        };
    }
    println!("{n}");
}
