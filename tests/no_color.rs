//! Colour follows upstream: only when stdout is a terminal and `NO_COLOR` is empty or unset (fatih/color's
//! rule), and, for the progress marks, when stderr is a terminal too. Piped output and `NO_COLOR` runs carry
//! no escape sequence at all; emoji and marks are printed either way.
//!
//! The terminal cases run the binary under `script` (util-linux), which gives it a pseudo-terminal.

mod emulator_common;

use std::process::Command as StdCommand;
use std::time::Duration;

use assert_cmd::Command;
use emulator_common::emulator;
use kube_emulator::Emulator;
use serde_json::json;

/// Seeds a ready istiod pod running 1.29.0, so that install prints its version-drift `WARNING:`.
fn older_istiod(em: &Emulator) {
    em.create(json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "istio-system"}})).expect("ns");
    let image = "docker.io/istio/pilot:1.29.0";
    em.create_with_status(json!({
        "apiVersion": "v1",
        "kind": "Pod",
        "metadata": {"name": "istiod-old", "namespace": "istio-system",
            "labels": {"app": "istiod", "istio": "pilot", "istio.io/rev": "default"}},
        "spec": {"containers": [{"name": "discovery", "image": image}]},
        "status": {"phase": "Running", "conditions": [{"type": "Ready", "status": "True"}],
            "containerStatuses": [{"name": "discovery", "image": image, "imageID": "", "ready": true, "restartCount": 0}]},
    }))
    .expect("istiod pod");
}

/// Runs the binary with piped output; (stdout, stderr) joined, after checking the exit code.
fn piped(em: &Emulator, no_color: Option<&str>, args: &[&str], code: i32) -> String {
    let mut cmd = Command::cargo_bin("istioctl").expect("binary built");
    cmd.env_remove("KUBECONFIG").env_remove("RUST_LOG").env("TERM", "xterm-256color");
    match no_color {
        Some(v) => cmd.env("NO_COLOR", v),
        None => cmd.env_remove("NO_COLOR"),
    };
    let out = cmd.arg("--kubeconfig").arg(em.kubeconfig_path()).args(args).timeout(Duration::from_secs(240)).output();
    let out = out.expect("istioctl runs");
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert_eq!(out.status.code(), Some(code), "{args:?}: {text}");
    text
}

/// What the commands print that could be coloured: install progress and drift warning, version, uninstall
/// progress, a tls-check failure and a usage error.
fn session(no_color: Option<&str>) -> String {
    let em = emulator();
    older_istiod(&em);
    let mut all = piped(&em, no_color, &["install", "-y", "--readiness-timeout", "60s"], 0);
    assert!(all.contains("WARNING: Istio is being upgraded from 1.29.0 to"), "{all}");
    assert!(all.contains("✔ Istio core installed ⛵️"), "emoji lines are printed off a terminal too: {all}");
    all += &piped(&em, no_color, &["version"], 0);
    all += &piped(&em, no_color, &["uninstall", "--purge", "-y"], 0);
    all += &piped(&em, no_color, &["version"], 0);
    let empty = emulator();
    let absent = piped(&empty, no_color, &["version"], 0);
    assert!(absent.contains("Istio is not present in the cluster"), "{absent}");
    all += &absent;
    all += &piped(&em, no_color, &["x", "tls-check", "--address", "127.0.0.1:1"], 1);
    all += &piped(&em, no_color, &["version", "-o", "xml"], 1);
    all
}

#[test]
fn piped_output_has_no_escape_sequences() {
    let all = session(None);
    assert!(!all.contains('\x1b'), "{all:?}");
}

#[test]
fn no_color_output_has_no_escape_sequences() {
    let all = session(Some("1"));
    assert!(!all.contains('\x1b'), "{all:?}");
}

/// Runs the binary on a pseudo-terminal (stdout and stderr both); everything it wrote.
fn on_terminal(em: &Emulator, no_color: Option<&str>, args: &[&str]) -> String {
    let binary = assert_cmd::cargo::cargo_bin("istioctl");
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let mut line =
        vec![quote(&binary.to_string_lossy()), "--kubeconfig".into(), quote(&em.kubeconfig_path().to_string_lossy())];
    line.extend(args.iter().map(|a| quote(a)));
    let mut cmd = StdCommand::new("script");
    cmd.args(["-qefc", &line.join(" "), "/dev/null"]).env("TERM", "xterm-256color").env_remove("KUBECONFIG");
    match no_color {
        Some(v) => cmd.env("NO_COLOR", v),
        None => cmd.env_remove("NO_COLOR"),
    };
    assert!(which_script(), "these tests need util-linux's `script` on PATH");
    let out = cmd.output().expect("script runs");
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{args:?}: {text}");
    text
}

fn which_script() -> bool {
    std::env::var_os("PATH").is_some_and(|p| std::env::split_paths(&p).any(|d| d.join("script").exists()))
}

/// SGR (colour) sequences: ESC [ digits/semicolons m.
fn has_colour(text: &str) -> bool {
    text.split('\x1b').skip(1).any(|rest| {
        rest.strip_prefix('[').is_some_and(|r| {
            let end = r.find(|c: char| !(c.is_ascii_digit() || c == ';'));
            end.is_some_and(|i| r.get(i..).is_some_and(|t| t.starts_with('m')))
        })
    })
}

#[test]
fn terminal_output_is_coloured_like_upstream() {
    let em = emulator();
    older_istiod(&em);
    let install = on_terminal(&em, None, &["install", "-y", "--readiness-timeout", "60s"]);
    assert!(install.contains("\x1b[33;3mWARNING:\x1b[0m Istio is being upgraded"), "{install:?}");
    assert!(install.contains("\x1b[32m✔\x1b[0m Istio core installed ⛵️"), "{install:?}");
    // Empty NO_COLOR means unset, as for fatih/color.
    let uninstall = on_terminal(&em, Some(""), &["uninstall", "--purge", "-y"]);
    assert!(uninstall.contains("\x1b[32m✔\x1b[0m Uninstall complete"), "{uninstall:?}");
}

#[test]
fn no_color_on_a_terminal_is_plain() {
    let em = emulator();
    older_istiod(&em);
    let mut all = on_terminal(&em, Some("1"), &["install", "-y", "--readiness-timeout", "60s"]);
    assert!(all.contains("WARNING: Istio is being upgraded"), "{all:?}");
    assert!(all.contains("✔ Istio core installed ⛵️"), "{all:?}");
    all += &on_terminal(&em, Some("1"), &["version"]);
    all += &on_terminal(&em, Some("1"), &["uninstall", "--purge", "-y"]);
    all += &on_terminal(&em, Some("1"), &["--help"]);
    assert!(!has_colour(&all), "{all:?}");
}
