//! The README tells the truth: every command in it that needs no cluster is run here exactly as written.
//!
//! Conventions (also described in the README's "Development" section):
//! - Each ```` ```sh ```` block is run as one bash script (`set -euo pipefail`) in the repository root, with the
//!   `istioctl` cargo built for this test first on `PATH`, no kubeconfig and a scratch `HOME`. A failing command
//!   fails the test.
//! - A ```` ```text ```` block that follows a run block (only blank lines between) is that block's expected
//!   standard output, compared line by line (trailing spaces and trailing empty lines ignored).
//! - A block whose last non-blank line before the fence is one of [`SKIP_MARKERS`] is not run: it is checked
//!   with `bash -n`, and each `<(istioctl ...)` in it (which needs no cluster) is run on its own.
//! - Lines starting with `cargo ` build or test this repository and are not run: this test is itself run by
//!   cargo. In `cargo install --path . && COMMAND`, the `cargo install --path .` part is covered by the build
//!   of this test (the binary on `PATH` is what it would install) and `COMMAND` is run.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The README, as this test was built with it.
const README: &str = include_str!("../README.md");
/// Markers for blocks that cannot run here.
const SKIP_MARKERS: &[&str] = &["<!-- needs-cluster -->", "<!-- needs-network -->", "<!-- needs-conformance-data -->"];
/// The install step of the quick start, covered by the build of this test.
const CARGO_INSTALL: &str = "cargo install --path . && ";
/// Lines with this start run cargo on this repository.
const CARGO: &str = "cargo ";
/// The two commands that must stay at the top of the README, copyable as they are.
const QUICK_START: [&str; 2] =
    ["cargo install --path . && istioctl manifest generate -f samples/istio.yaml", "cargo test --workspace"];

/// One fenced code block.
#[derive(Debug, Clone, PartialEq)]
struct Block {
    /// 1-based line of the opening fence.
    line: usize,
    /// The info string (`sh`, `text`, ...).
    lang: String,
    /// The lines between the fences.
    body: String,
    /// The skip marker before the block, if any.
    marker: Option<&'static str>,
    /// The expected output (the `text` block right after this one).
    expected: Option<String>,
}

/// Splits markdown into its fenced blocks, with markers and expected outputs attached.
fn blocks(markdown: &str) -> Vec<Block> {
    let lines: Vec<&str> = markdown.lines().collect();
    let mut out: Vec<Block> = Vec::new();
    // Whether the previous block is followed by nothing but blank lines so far.
    let mut adjacent = false;
    let mut last_text = "";
    let mut i = 0;
    while i < lines.len() {
        let line = lines.get(i).copied().unwrap_or_default();
        if let Some(lang) = line.strip_prefix("```") {
            let start = i;
            let mut body = Vec::new();
            i += 1;
            while let Some(l) = lines.get(i).filter(|l| l.trim_end() != "```") {
                body.push(*l);
                i += 1;
            }
            let body = body.iter().map(|l| format!("{l}\n")).collect::<String>();
            let lang = lang.trim().to_string();
            match out.last_mut() {
                Some(prev) if adjacent && lang == "text" && prev.lang == "sh" && prev.expected.is_none() => {
                    prev.expected = Some(body);
                }
                _ => {
                    let marker = SKIP_MARKERS.iter().copied().find(|m| last_text.trim() == *m);
                    out.push(Block { line: start + 1, lang, body, marker, expected: None });
                }
            }
            adjacent = true;
            last_text = "";
        } else if !line.trim().is_empty() {
            adjacent = false;
            last_text = line;
        }
        i += 1;
    }
    out
}

/// The script the test runs for a block: cargo lines dropped, the quick start's install step removed.
fn runnable(body: &str) -> String {
    body.lines()
        .filter_map(|l| match l.strip_prefix(CARGO_INSTALL) {
            Some(rest) => Some(rest),
            None if l.starts_with(CARGO) => None,
            None => Some(l),
        })
        .map(|l| format!("{l}\n"))
        .collect()
}

fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The folder of the binary under test.
fn bin_dir() -> PathBuf {
    Path::new(env!("CARGO_BIN_EXE_istioctl")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Runs `script` with bash the way a reader would, but isolated from any real cluster and home folder.
fn bash(args: &[&str], script: &str, home: &Path) -> Output {
    let path = std::env::join_paths(
        std::iter::once(bin_dir()).chain(std::env::var_os("PATH").iter().flat_map(std::env::split_paths)),
    )
    .expect("PATH entries join");
    Command::new("bash")
        .args(args)
        .arg(script)
        .current_dir(repo_root())
        .env("PATH", path)
        .env("HOME", home)
        .env("KUBECONFIG", home.join("no-such-kubeconfig"))
        .env_remove("ENABLE_NATIVE_SIDECARS")
        .output()
        .expect("bash runs")
}

/// Lines without trailing spaces, trailing empty lines dropped.
fn normalized(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

/// What went wrong with one block, if anything.
fn check_block(block: &Block, home: &Path) -> Option<String> {
    let script = runnable(&block.body);
    let out = bash(&["-euo", "pipefail", "-c"], &script, home);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() {
        return Some(format!("README.md:{}: {}\n{script}stderr:\n{stderr}", block.line, out.status));
    }
    let expected = block.expected.as_deref()?;
    (normalized(expected) != normalized(&stdout))
        .then(|| format!("README.md:{}: output differs\n{script}expected:\n{expected}actual:\n{stdout}", block.line))
}

#[test]
fn quick_start_keeps_its_two_commands_at_the_top() {
    let sh: Vec<String> = blocks(README).into_iter().filter(|b| b.lang == "sh").map(|b| b.body).collect();
    let first: Vec<&str> = sh.iter().take(2).map(|b| b.trim_end()).collect();
    assert_eq!(first, QUICK_START);
}

#[test]
fn the_binary_under_test_comes_first_on_path() {
    let home = tempfile::tempdir().expect("scratch home");
    let out = bash(&["-c"], "command -v istioctl", home.path());
    let found = String::from_utf8_lossy(&out.stdout);
    assert_eq!(Path::new(found.trim()), Path::new(env!("CARGO_BIN_EXE_istioctl")));
}

#[test]
fn every_no_cluster_command_runs_as_written() {
    let runnable_blocks: Vec<Block> = blocks(README)
        .into_iter()
        .filter(|b| b.lang == "sh" && b.marker.is_none() && !runnable(&b.body).trim().is_empty())
        .collect();
    // The quick start, install, walkthrough preview and the offline examples at least.
    assert!(runnable_blocks.len() >= 5, "too few runnable blocks found: {runnable_blocks:#?}");
    let home = tempfile::tempdir().expect("scratch home");
    let home = home.path();
    let failures: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = runnable_blocks.iter().map(|b| s.spawn(move || check_block(b, home))).collect();
        handles.into_iter().filter_map(|h| h.join().expect("block thread")).collect()
    });
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn cluster_blocks_are_valid_shell_and_their_istioctl_parts_run() {
    let marked: Vec<Block> = blocks(README).into_iter().filter(|b| b.lang == "sh" && b.marker.is_some()).collect();
    assert!(marked.iter().any(|b| b.body.contains("istioctl install")), "the walkthrough's install step");
    let home = tempfile::tempdir().expect("scratch home");
    let substitution = regex::Regex::new(r"<\((istioctl [^)]*)\)").expect("pattern");
    let mut failures = Vec::new();
    for block in &marked {
        let syntax = bash(&["-n", "-c"], &block.body, home.path());
        if !syntax.status.success() {
            failures.push(format!("README.md:{}: {}", block.line, String::from_utf8_lossy(&syntax.stderr)));
        }
        for cmd in substitution.captures_iter(&block.body).filter_map(|c| c.get(1)) {
            let out = bash(&["-euo", "pipefail", "-c"], cmd.as_str(), home.path());
            if !out.status.success() || out.stdout.is_empty() {
                failures.push(format!(
                    "README.md:{}: `{}`: {}\n{}",
                    block.line,
                    cmd.as_str(),
                    out.status,
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_sample_file_named_in_a_command_exists() {
    let path = regex::Regex::new(r"samples/[A-Za-z0-9_./-]+\.yaml").expect("pattern");
    let all = blocks(README);
    let named: Vec<&str> = all
        .iter()
        .filter(|b| b.lang == "sh")
        .flat_map(|b| path.find_iter(&b.body).map(|m| m.as_str()).collect::<Vec<_>>())
        .collect();
    assert!(named.contains(&"samples/istio.yaml"), "{named:?}");
    let missing: Vec<&&str> = named.iter().filter(|p| !repo_root().join(p).is_file()).collect();
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn blocks_markers_and_expected_outputs_are_found() {
    let md = "intro\n\n```sh\necho a\n```\n\n```text\na\n```\n\n<!-- needs-cluster -->\n```sh\nkubectl get pods\n```\n\
              \nprose\n\n```text\nnot an output\n```\n";
    let got = blocks(md);
    assert_eq!(
        got,
        [
            Block { line: 3, lang: "sh".into(), body: "echo a\n".into(), marker: None, expected: Some("a\n".into()) },
            Block {
                line: 12,
                lang: "sh".into(),
                body: "kubectl get pods\n".into(),
                marker: Some("<!-- needs-cluster -->"),
                expected: None
            },
            Block { line: 18, lang: "text".into(), body: "not an output\n".into(), marker: None, expected: None },
        ]
    );
}

#[test]
fn cargo_lines_are_dropped_and_the_install_step_is_covered_by_the_build() {
    assert_eq!(
        runnable("cargo install --path . && istioctl version\ncargo test\necho x\n"),
        "istioctl version\necho x\n"
    );
}
