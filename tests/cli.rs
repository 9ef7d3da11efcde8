//! The command-line surface: flags as upstream istioctl 1.30.3 names them, exit statuses, error wording,
//! `version` output and the handling of a closed stdout.

use assert_cmd::Command;
use istioctl::version::ISTIO_VERSION;
use predicates::prelude::*;

fn istioctl() -> Command {
    let mut cmd = Command::cargo_bin("istioctl").unwrap_or_else(|e| panic!("binary not built: {e}"));
    cmd.env_remove("RUST_LOG").env_remove("ISTIOCTL_ISTIONAMESPACE").env_remove("NO_COLOR");
    cmd
}

/// Runs `istioctl <args>` and returns (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = istioctl().args(args).output().unwrap_or_else(|e| panic!("running istioctl {args:?}: {e}"));
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The `--help` output of a command path.
fn help(path: &[&str]) -> String {
    let mut args = path.to_vec();
    args.push("--help");
    let (code, stdout, stderr) = run(&args);
    assert_eq!(code, 0, "{args:?} failed: {stderr}");
    stdout
}

/// Asserts that the help of `path` shows each flag (`-x, --long` or `--long`) and none of `absent`.
fn assert_flags(path: &[&str], present: &[&str], absent: &[&str]) {
    let text = help(path);
    // A flag is listed when an option line (indented less than help text) starts with it
    // (`-f, --filename <FILE>`, `--dry-run[=<BOOL>]`).
    let listed = |flag: &str| {
        text.lines().filter(|l| l.len() - l.trim_start().len() < 8).map(str::trim_start).any(|l| {
            let rest =
                l.strip_prefix(flag).or_else(|| l.split_once(", ").and_then(|(_, long)| long.strip_prefix(flag)));
            rest.is_some_and(|r| r.is_empty() || r.starts_with([' ', '[']))
        })
    };
    for flag in present {
        assert!(listed(flag), "`istioctl {}` help lacks {flag}:\n{text}", path.join(" "));
    }
    for flag in absent {
        assert!(!listed(flag), "`istioctl {}` help shows {flag}:\n{text}", path.join(" "));
    }
}

const INSTALL_FLAGS: &[&str] = &[
    "-f, --filename",
    "-s, --set",
    "-y, --skip-confirmation",
    "--force",
    "--verify",
    "--readiness-timeout",
    "-d, --manifests",
    "-r, --revision",
    "--dry-run",
    "-c, --kubeconfig",
    "--context",
];

#[test]
fn install_like_commands_list_upstream_flags() {
    for path in [&["install"][..], &["apply"], &["upgrade"], &["manifest", "install"]] {
        assert_flags(path, INSTALL_FLAGS, &["--namespace", "--istioNamespace", "--charts", "--set-string"]);
    }
    assert!(help(&["install"]).contains("[default: 5m0s]"));
}

#[test]
fn manifest_generate_lists_upstream_flags() {
    assert_flags(
        &["manifest", "generate"],
        &[
            "-f, --filename",
            "-s, --set",
            "--force",
            "-d, --manifests",
            "-r, --revision",
            "--cluster-specific",
            "--dry-run",
        ],
        &["--output", "--filter", "--namespace", "--skip-confirmation"],
    );
}

#[test]
fn uninstall_lists_upstream_flags() {
    assert_flags(
        &["uninstall"],
        &[
            "-y, --skip-confirmation",
            "--force",
            "--purge",
            "-r, --revision",
            "-f, --filename",
            "-d, --manifests",
            "-s, --set",
            "-v, --verbose",
            "--dry-run",
            "-n, --namespace",
            "-i, --istioNamespace",
        ],
        &[],
    );
}

#[test]
fn kube_inject_lists_upstream_flags() {
    assert_flags(
        &["kube-inject"],
        &[
            "-f, --filename",
            "-o, --output",
            "--meshConfigFile",
            "--injectConfigFile",
            "--valuesFile",
            "--operatorFileName",
            "--meshConfigMapName",
            "--webhookConfig",
            "-r, --revision",
            "--xds-address",
            "--xds-port",
            "--timeout",
            "-i, --istioNamespace",
        ],
        &["--injectConfigMapName", "--namespace"],
    );
}

#[test]
fn version_and_root_list_upstream_flags() {
    assert_flags(&["version"], &["-s, --short", "-o, --output", "--remote", "-r, --revision"], &[]);
    assert_flags(
        &[],
        &[
            "-c, --kubeconfig",
            "--context",
            "-n, --namespace",
            "-i, --istioNamespace",
            "--as",
            "--as-uid",
            "--as-group",
            "--kubeclient-timeout",
            "--vklog",
        ],
        &["--log_output_level"],
    );
}

#[test]
fn no_command_prints_help_and_succeeds() {
    let (code, stdout, stderr) = run(&[]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    assert!(stdout.contains("Usage: istioctl"), "{stdout}");
    assert!(!stdout.contains("manual page"), "the hidden man command is listed: {stdout}");
    let (code, stdout, _) = run(&["manifest"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("generate"), "{stdout}");
}

#[test]
fn commands_removed_upstream_are_unknown_with_exit_64() {
    for name in ["profile", "operator"] {
        let (code, stdout, stderr) = run(&[name, "list"]);
        assert_eq!(code, 64, "{name}");
        assert_eq!(stdout, "");
        assert_eq!(
            stderr,
            format!("Error: unknown command \"{name}\" for \"istioctl\"\nRun 'istioctl --help' for usage.\n")
        );
    }
}

#[test]
fn unknown_command_suggests_close_names() {
    let (code, _, stderr) = run(&["instal"]);
    assert_eq!(code, 64);
    assert_eq!(
        stderr,
        "Error: unknown command \"instal\" for \"istioctl\"\n\nDid you mean this?\n\tinstall\n\nRun 'istioctl --help' for usage.\n"
    );
}

#[test]
fn flag_errors_exit_64_with_pflag_wording() {
    let cases: &[(&[&str], &str)] = &[
        (&["install", "--foo"], "Error: unknown flag: --foo\n"),
        (&["manifest", "generate", "--set-string", "a=b"], "Error: unknown flag: --set-string\n"),
        (&["manifest", "generate", "-o", "out"], "Error: unknown shorthand flag: 'o' in -o\n"),
        (&["version", "--bogus=1"], "Error: unknown flag: --bogus\n"),
        (
            &["install", "--readiness-timeout", "abc"],
            "Error: invalid argument \"abc\" for \"--readiness-timeout\" flag: time: invalid duration \"abc\"\n",
        ),
        (
            &["install", "--dry-run=maybe"],
            "Error: invalid argument \"maybe\" for \"--dry-run\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\n",
        ),
        (&["install", "--filename"], "Error: flag needs an argument: --filename\n"),
        (&["install", "-f"], "Error: flag needs an argument: 'f' in -f\n"),
        (
            &["version", "-s=maybe"],
            "Error: invalid argument \"maybe\" for \"-s, --short\" flag: strconv.ParseBool: parsing \"maybe\": invalid syntax\n",
        ),
        (
            &["kube-inject", "--xds-port", "http"],
            "Error: invalid argument \"http\" for \"--xds-port\" flag: strconv.ParseInt: parsing \"http\": invalid syntax\n",
        ),
    ];
    for (args, expected) in cases {
        let (code, stdout, stderr) = run(args);
        assert_eq!((code, stdout.as_str(), stderr.as_str()), (64, "", *expected), "{args:?}");
    }
}

#[test]
fn help_for_an_unknown_topic_succeeds_like_cobra() {
    let (code, stdout, stderr) = run(&["help", "nosuch"]);
    assert_eq!((code, stdout.as_str()), (0, ""));
    assert!(stderr.starts_with("Unknown help topic [`nosuch`]\n"), "{stderr}");
    assert!(stderr.contains("Usage: istioctl"), "{stderr}");
}

#[test]
fn flag_values_may_start_with_a_dash() {
    // pflag hands the next argument to a value-taking flag whatever it looks like.
    // The value reaches the IstioOperator front end, which names the flag and the unknown field.
    let (code, _, stderr) = run(&["manifest", "generate", "--set", "-weird"]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("--set -weird: spec.-weird: unknown field \"-weird\""), "{stderr}");
}

#[test]
fn argument_checks_match_upstream() {
    let cases: &[(&[&str], &str)] = &[
        (&["install", "extra"], "Error: accepts 0 arg(s), received 1\n"),
        (&["install", "-r", "Not_A_Label"], "Error: invalid revision specified: Not_A_Label\n"),
        (&["install", "--revision="], "Error: invalid revision specified: \n"),
        (&["manifest", "generate", "x"], "Error: generate accepts no positional arguments, got []string{\"x\"}\n"),
        (
            &["uninstall"],
            "Error: at least one of the --revision (or --set revision=<revision>), --filename or --purge flags must be set\n",
        ),
        (&["uninstall", "--purge", "x"], "Error: istioctl uninstall does not take arguments\n"),
        (&["kube-inject"], "Error: 1 error occurred:\n\t* filename not specified (see --filename or -f)\n\n\n"),
        (&["version", "-o", "text"], "Error: --output must be 'yaml' or 'json'\n"),
    ];
    for (args, expected) in cases {
        let (code, stdout, stderr) = run(args);
        assert_eq!((code, stdout.as_str(), stderr.as_str()), (1, "", *expected), "{args:?}");
    }
}

#[test]
fn global_flags_work_before_and_after_the_command() {
    for args in [
        &["-i", "custom", "--context=ctx", "version", "--remote=false"][..],
        &["version", "--remote=false", "-c", "/nonexistent/kubeconfig", "--istioNamespace", "custom", "-n", "ns"],
    ] {
        let (code, stdout, stderr) = run(args);
        assert_eq!((code, stderr.as_str()), (0, ""), "{args:?}");
        assert_eq!(stdout, format!("client version: {ISTIO_VERSION}\n"));
    }
}

#[test]
fn version_offline_prints_the_client_version() {
    let (code, stdout, stderr) = run(&["version", "--remote=false"]);
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (0, format!("client version: {ISTIO_VERSION}\n").as_str(), "")
    );

    // Without --remote=false an unreachable cluster is reported on stderr, as upstream; the run still succeeds.
    let (code, stdout, stderr) = run(&["version", "--kubeconfig", "/nonexistent/kubeconfig"]);
    assert_eq!(code, 0);
    assert_eq!(stdout, format!("client version: {ISTIO_VERSION}\n"));
    assert!(stderr.starts_with("Istio is not present in the cluster: "), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");

    let (code, stdout, _) = run(&["version", "--remote=false", "--short=false"]);
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with(&format!("client version: version.BuildInfo{{Version:\"{ISTIO_VERSION}\", ")),
        "{stdout}"
    );
}

#[test]
fn version_json_has_upstreams_shape() {
    let (code, stdout, stderr) = run(&["version", "--remote=false", "-o", "json"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    let client = &doc["clientVersion"];
    assert_eq!(client["version"], ISTIO_VERSION);
    assert_eq!(client["tag"], ISTIO_VERSION);
    for key in ["revision", "golang_version", "status"] {
        assert!(client[key].is_string(), "{key} missing: {stdout}");
    }
    assert!(stdout.starts_with("{\n  \"clientVersion\": {\n    \"version\""), "{stdout}");
}

#[test]
fn version_yaml_parses() {
    let (code, stdout, stderr) = run(&["version", "--remote=false", "--output=yaml"]);
    assert_eq!((code, stderr.as_str()), (0, ""));
    let doc = goyaml::parse(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    assert_eq!(doc["clientVersion"]["version"], ISTIO_VERSION);
    assert!(stdout.ends_with("\n\n"), "upstream prints an extra blank line: {stdout:?}");
}

#[test]
fn completion_scripts_start_with_each_shells_header() {
    let cases = [
        ("bash", "_istioctl() {"),
        ("zsh", "#compdef istioctl"),
        ("fish", "# Print an optspec for argparse"),
        ("powershell", "\nusing namespace System.Management.Automation"),
    ];
    for (shell, header) in cases {
        let (code, stdout, stderr) = run(&["completion", shell]);
        assert_eq!((code, stderr.as_str()), (0, ""), "{shell}");
        assert!(stdout.starts_with(header), "{shell}: {}", stdout.lines().next().unwrap_or_default());
        assert!(stdout.contains("kube-inject"), "{shell} script lacks the commands");
        assert!(!stdout.contains("manual page"), "{shell} script offers the hidden man command");
    }
}

#[test]
fn completion_without_descriptions_drops_help_text() {
    let (_, with, _) = run(&["completion", "zsh"]);
    let (code, without, _) = run(&["completion", "zsh", "--no-descriptions"]);
    assert_eq!(code, 0);
    assert!(with.contains("Remove Istio from a cluster"));
    assert!(!without.contains("Remove Istio from a cluster"));
    assert!(without.contains("uninstall"));
}

#[test]
fn man_page_renders() {
    istioctl().args(["man", "manifest", "generate"]).assert().success().stdout(
        predicate::str::contains(".TH istioctl-manifest-generate 1")
            .and(predicate::str::contains("cluster\\-specific")),
    );
}

#[test]
fn closed_stdout_ends_quietly() {
    let (reader, writer) = std::io::pipe().unwrap_or_else(|e| panic!("pipe: {e}"));
    // Close the reading end before istioctl starts, so every write it makes hits a closed pipe.
    drop(reader);
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("istioctl"))
        .args(["completion", "bash"])
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap_or_else(|e| panic!("running istioctl: {e}"));
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn log_level_flag_is_checked() {
    let (code, _, stderr) = run(&["version", "--remote=false", "--log_output_level=loud"]);
    assert_eq!((code, stderr.as_str()), (1, "Error: invalid output level 'loud'\n"));
    let (code, _, _) = run(&["version", "--remote=false", "--log_output_level=default:debug,kube:error"]);
    assert_eq!(code, 0);
}
