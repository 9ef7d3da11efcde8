//! The `istioctl` command line: parses arguments the way upstream's cobra/pflag front end accepts them, turns
//! them into the library's options and reports the outcome with upstream's exit statuses.
//!
//! stdout carries results only; errors, warnings and progress go to stderr.

mod color;
mod completion;
mod error;
mod flags;
mod install;
mod kube;
mod kube_inject;
mod logging;
mod man;
mod manifest;
mod manifest_generate;
mod shared;
mod tls_check;
mod uninstall;
mod upgrade;
mod verify_install;
mod version;

use std::ffi::OsString;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{ArgAction, Command, CommandFactory, FromArgMatches, Parser, Subcommand};

use error::{CliError, write_stdout};
use flags::go_bool;
use istioctl::version::go_quote;

/// Name of the binary, as commands and messages spell it.
const BIN: &str = "istioctl";

/// Long description of istioctl.
const LONG_ABOUT: &str = "Istio's command line tool for installing Istio and for operating, debugging and \
diagnosing an Istio service mesh.

This build reimplements istioctl 1.30.3 in Rust.";

/// The whole command line.
#[derive(Debug, Parser)]
#[command(name = BIN, about = "Istio control interface", long_about = LONG_ABOUT, disable_version_flag = true)]
pub struct Cli {
    #[command(flatten)]
    pub kube: kube::KubeFlags,

    #[command(flatten)]
    pub log: logging::LogFlags,

    #[command(subcommand)]
    pub command: Option<Commands>,
}

/// istioctl's commands.
#[derive(Debug, Subcommand)]
pub enum Commands {
    #[command(about = install::ABOUT, long_about = install::LONG_ABOUT, visible_alias = "apply")]
    Install(install::InstallArgs),
    #[command(about = manifest::ABOUT)]
    Manifest(manifest::ManifestArgs),
    #[command(about = upgrade::ABOUT, long_about = upgrade::LONG_ABOUT)]
    Upgrade(install::InstallArgs),
    #[command(about = uninstall::ABOUT, long_about = uninstall::LONG_ABOUT)]
    Uninstall(uninstall::UninstallArgs),
    #[command(about = kube_inject::ABOUT, long_about = kube_inject::LONG_ABOUT)]
    KubeInject(Box<kube_inject::KubeInjectArgs>),
    #[command(about = version::ABOUT)]
    Version(version::VersionArgs),
    #[command(about = completion::ABOUT, long_about = completion::LONG_ABOUT)]
    Completion(completion::CompletionArgs),
    #[command(about = verify_install::ABOUT, long_about = verify_install::LONG_ABOUT)]
    VerifyInstall(Box<verify_install::VerifyInstallArgs>),
    #[command(about = EXPERIMENTAL_ABOUT, visible_aliases = ["x", "exp"])]
    Experimental(ExperimentalArgs),
}

/// Short description of the `experimental` group (upstream's wording).
const EXPERIMENTAL_ABOUT: &str = "Experimental commands that may be modified or deprecated";

/// The `experimental` (`x`) command group.
#[derive(Debug, clap::Args)]
pub struct ExperimentalArgs {
    #[command(subcommand)]
    pub command: Option<ExperimentalCommand>,
}

/// Commands under `experimental`.
#[derive(Debug, Subcommand)]
pub enum ExperimentalCommand {
    #[command(about = tls_check::ABOUT, long_about = tls_check::LONG_ABOUT)]
    TlsCheck(Box<tls_check::TlsCheckArgs>),
}

/// Where global flags start in help listings (after any command's own flags).
const GLOBAL_DISPLAY_ORDER: usize = 500;

/// Flags hidden from the help of some commands, as upstream hides them there (they are still accepted).
const HIDDEN_FLAGS: &[(&[&str], &[&str])] = &[
    (&["install"], &["namespace", "istio_namespace"]),
    (&["upgrade"], &["namespace", "istio_namespace"]),
    (&["manifest"], &["namespace", "istio_namespace"]),
    (&["manifest", "generate"], &["namespace", "istio_namespace"]),
    (&["manifest", "install"], &["namespace", "istio_namespace"]),
    (&["kube-inject"], &["namespace"]),
];

/// Makes every plain boolean flag behave like a pflag boolean: `--flag`, `--flag=true` and `--flag=false`.
/// Also lets a repeated single-value flag take its last value, as pflag does.
fn pflag_style(cmd: Command) -> Command {
    let names: Vec<String> = cmd.get_subcommands().map(|c| c.get_name().to_string()).collect();
    let mut cmd = cmd.args_override_self(true).mut_args(|arg| {
        if matches!(arg.get_action(), ArgAction::SetTrue) {
            arg.action(ArgAction::Set)
                .num_args(0..=1)
                .require_equals(true)
                .default_value("false")
                .default_missing_value("true")
                .hide_default_value(true)
                .value_name("BOOL")
                .hide_possible_values(true)
                .value_parser(go_bool)
        } else if !arg.is_positional() && matches!(arg.get_action(), ArgAction::Set | ArgAction::Append) {
            // pflag gives a value-taking flag the next argument even when it starts with `-`.
            arg.allow_hyphen_values(true)
        } else {
            arg
        }
    });
    for name in names {
        cmd = cmd.mut_subcommand(name, pflag_style);
    }
    cmd
}

/// istioctl's command tree, ready to parse or to document, including the hidden maintenance commands.
pub fn command() -> Command {
    tree(Cli::command().subcommand(man::command()))
}

/// The tree shell completion describes: what users type, without the hidden maintenance commands.
fn completion_command() -> Command {
    tree(Cli::command())
}

/// Adapts a derived tree to upstream's flag conventions and builds it.
fn tree(cmd: Command) -> Command {
    // Global flags are listed after each command's own flags.
    let mut order = GLOBAL_DISPLAY_ORDER;
    let mut cmd = pflag_style(cmd).mut_args(|a| {
        if a.is_global_set() {
            order += 1;
            a.display_order(order).help_heading("Global Options")
        } else {
            a
        }
    });
    for (path, ids) in HIDDEN_FLAGS {
        for id in *ids {
            let arg = cmd.get_arguments().find(|a| a.get_id() == id).cloned();
            if let Some(arg) = arg {
                cmd = add_at(cmd, path, arg.hide(true));
            }
        }
    }
    cmd.build();
    cmd
}

/// Gives the command at `path` its own copy of a global flag (here: a hidden one). Clap does not propagate a
/// global flag to a command that already has one with the same id, and values still reach the top level.
fn add_at(cmd: Command, path: &[&str], arg: clap::Arg) -> Command {
    match path.split_first() {
        None => cmd.arg(arg),
        Some((first, rest)) => {
            if cmd.find_subcommand(first).is_some() {
                cmd.mut_subcommand(*first, |sub| add_at(sub, rest, arg))
            } else {
                cmd
            }
        }
    }
}

/// Parses the command line and runs the command; returns the exit status.
pub fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => err.report(),
    }
}

/// Runs istioctl with these arguments (the first is the program name).
pub fn run(args: Vec<OsString>) -> Result<(), CliError> {
    let mut cmd = command();
    let matches = match cmd.try_get_matches_from_mut(args.iter().cloned()) {
        Ok(m) => m,
        Err(err) => return parse_failure(err, &args, &cmd),
    };
    if let Some((man::NAME, sub)) = matches.subcommand() {
        return man::run(sub, cmd);
    }
    let cli = Cli::from_arg_matches(&matches).map_err(|err| parse_failure_message(&err, &args, &cmd))?;
    cli.log.init()?;
    dispatch(cli, cmd)
}

/// Calls the command's library entry point.
fn dispatch(cli: Cli, cmd: Command) -> Result<(), CliError> {
    let kube = &cli.kube;
    let Some(command) = cli.command else {
        return print_help(cmd, &[]);
    };
    match command {
        Commands::Install(args) => install::run(&format!("{BIN} install"), &args, kube),
        Commands::Upgrade(args) => upgrade::run(&format!("{BIN} upgrade"), &args, kube),
        Commands::Manifest(group) => match group.command {
            None => print_help(cmd, &["manifest"]),
            Some(manifest::ManifestCommand::Generate(args)) => {
                manifest_generate::run(&format!("{BIN} manifest generate"), &args, kube)
            }
            Some(manifest::ManifestCommand::Install(args)) => {
                install::run(&format!("{BIN} manifest install"), &args, kube)
            }
        },
        Commands::Uninstall(args) => uninstall::run(&format!("{BIN} uninstall"), &args, kube),
        Commands::KubeInject(args) => kube_inject::run(&format!("{BIN} kube-inject"), &args, kube),
        Commands::Version(args) => version::run(&args, kube),
        Commands::Completion(args) => match args.shell {
            None => print_help(cmd, &["completion"]),
            Some(_) => completion::run(&args, completion_command()),
        },
        Commands::VerifyInstall(args) => verify_install::run(&args, kube),
        Commands::Experimental(group) => match group.command {
            None => print_help(cmd, &["experimental"]),
            Some(ExperimentalCommand::TlsCheck(args)) => tls_check::run(&args, kube),
        },
    }
}

/// Prints the help of the command at `path` to stdout (what cobra does for a command that only groups others).
fn print_help(cmd: Command, path: &[&str]) -> Result<(), CliError> {
    let mut target = cmd;
    for name in path {
        if let Some(sub) = target.find_subcommand(name).cloned() {
            target = sub;
        }
    }
    // Help is plain, as upstream's (cobra never colours help).
    write_stdout(target.render_help().to_string().as_bytes())
}

/// The names of the commands the arguments select, e.g. `["istioctl", "manifest", "generate"]`.
fn command_path(cmd: &Command, args: &[OsString]) -> Vec<String> {
    let mut path = vec![BIN.to_string()];
    let mut current = cmd;
    for arg in args.iter().skip(1) {
        let Some(arg) = arg.to_str() else { continue };
        if arg == "--" {
            break;
        }
        if arg.starts_with('-') {
            continue;
        }
        match current.find_subcommand(arg) {
            Some(sub) => {
                path.push(sub.get_name().to_string());
                current = sub;
            }
            None => break,
        }
    }
    path
}

/// The command at `path` (as given by [`command_path`], starting with the binary's name).
fn find_command<'a>(cmd: &'a Command, path: &[String]) -> &'a Command {
    path.iter().skip(1).fold(cmd, |c, name| c.find_subcommand(name).unwrap_or(c))
}

/// Cobra's "Did you mean this?" block: visible commands within edit distance 2 of `typed` (ignoring case) or
/// starting with it, in alphabetical order. Empty when nothing is close.
fn suggestions(cmd: &Command, typed: &str) -> String {
    let typed = typed.to_lowercase();
    let mut names: Vec<&str> = cmd
        .get_subcommands()
        .filter(|c| !c.is_hide_set() && c.get_name() != "help")
        .map(Command::get_name)
        .filter(|name| {
            let name = name.to_lowercase();
            strsim::levenshtein(&typed, &name) <= 2 || name.starts_with(&typed)
        })
        .collect();
    names.sort_unstable();
    if names.is_empty() {
        return String::new();
    }
    let lines: String = names.iter().map(|n| format!("\t{n}\n")).collect();
    format!("\n\nDid you mean this?\n{lines}")
}

/// Handles a parse failure: help requests print to stdout and succeed, everything else is a usage error.
fn parse_failure(err: clap::Error, args: &[OsString], cmd: &Command) -> Result<(), CliError> {
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::DisplayVersion => {
            write_stdout(err.render().to_string().as_bytes())
        }
        ErrorKind::InvalidSubcommand if command_path(cmd, args).len() == 2 && is_help_request(args) => {
            // cobra's `help <unknown>` names the topic and shows the top-level usage, and succeeds.
            let topics: Vec<String> = args
                .iter()
                .skip(2)
                .filter_map(|a| a.to_str())
                .filter(|a| !a.starts_with('-'))
                .map(|a| format!("`{a}`"))
                .collect();
            let usage = cmd.clone().render_usage().to_string();
            error::write_stderr_line(&format!("Unknown help topic [{}]\n{usage}", topics.join(" ")));
            Ok(())
        }
        _ => Err(parse_failure_message(&err, args, cmd)),
    }
}

/// Whether the first command word is `help`.
fn is_help_request(args: &[OsString]) -> bool {
    args.iter().skip(1).filter_map(|a| a.to_str()).find(|a| !a.starts_with('-')) == Some("help")
}

/// The context value of kind `kind` as text.
fn context(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        other => Some(other.to_string()),
    }
}

/// The flag named in a clap argument description such as `--filename <FILE>` or `-f, --filename <FILE>`.
fn flag_name(arg: &str) -> String {
    let names: Vec<&str> = arg.split([' ', ',', '=', '[']).filter(|s| s.starts_with('-') && s.len() > 1).collect();
    names.iter().find(|s| s.starts_with("--")).or(names.first()).map_or_else(|| arg.to_string(), |s| s.to_string())
}

/// The flag of `cmd` that a clap argument description (`--filename <FILE>`, `-f <FILE>`) refers to.
fn lookup_flag<'a>(cmd: &'a Command, description: &str) -> Option<&'a clap::Arg> {
    let name = flag_name(description);
    cmd.get_arguments().find(|a| {
        a.get_long().is_some_and(|l| name.strip_prefix("--") == Some(l))
            || a.get_short()
                .is_some_and(|s| name.strip_prefix('-').is_some_and(|n| n.len() == s.len_utf8() && n.starts_with(s)))
    })
}

/// How pflag names a flag in messages: `--long`, or `-s, --long` in value errors when it has a shorthand.
fn flag_label(arg: Option<&clap::Arg>, description: Option<&str>, with_short: bool) -> String {
    match (arg.and_then(clap::Arg::get_long), arg.and_then(clap::Arg::get_short)) {
        (Some(long), Some(short)) if with_short => format!("-{short}, --{long}"),
        (Some(long), _) => format!("--{long}"),
        _ => flag_name(description.unwrap_or_default()),
    }
}

/// Words the way pflag reports an unknown flag.
fn unknown_flag(arg: &str) -> String {
    if let Some(long) = arg.strip_prefix("--") {
        let name = long.split('=').next().unwrap_or(long);
        format!("unknown flag: --{name}")
    } else if let Some(short) = arg.strip_prefix('-') {
        let letter = short.chars().next().map_or_else(String::new, |c| c.to_string());
        format!("unknown shorthand flag: '{letter}' in {arg}")
    } else {
        format!("unknown command {arg:?}")
    }
}

/// Turns a clap parse error into upstream's wording (cobra/pflag) with exit status 64.
fn parse_failure_message(err: &clap::Error, args: &[OsString], cmd: &Command) -> CliError {
    let path_names = command_path(cmd, args);
    let path = path_names.join(" ");
    let invalid_arg = context(err, ContextKind::InvalidArg);
    let invalid_value = context(err, ContextKind::InvalidValue);
    let mut hint = None;
    let message = match err.kind() {
        ErrorKind::InvalidSubcommand | ErrorKind::UnknownArgument
            if invalid_arg.as_deref().is_none_or(|a| !a.starts_with('-')) =>
        {
            let name = context(err, ContextKind::InvalidSubcommand).or(invalid_arg).unwrap_or_default();
            let suggestion = suggestions(find_command(cmd, &path_names), &name);
            hint = Some(format!("Run '{path} --help' for usage."));
            format!("unknown command {name:?} for {path:?}{suggestion}")
        }
        ErrorKind::UnknownArgument => unknown_flag(invalid_arg.as_deref().unwrap_or_default()),
        ErrorKind::InvalidValue if invalid_value.as_deref().is_none_or(str::is_empty) => {
            let arg = lookup_flag(find_command(cmd, &path_names), invalid_arg.as_deref().unwrap_or_default());
            let last = args.last().and_then(|a| a.to_str()).unwrap_or_default();
            match arg.and_then(clap::Arg::get_short) {
                // pflag names the shorthand when that is what was typed: `'f' in -f`.
                Some(short) if !last.starts_with("--") && last.ends_with(short) => {
                    format!("flag needs an argument: '{short}' in {last}")
                }
                _ => format!("flag needs an argument: {}", flag_label(arg, invalid_arg.as_deref(), false)),
            }
        }
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let arg = lookup_flag(find_command(cmd, &path_names), invalid_arg.as_deref().unwrap_or_default());
            let reason = std::error::Error::source(err).map(|s| format!(": {s}")).unwrap_or_default();
            format!(
                "invalid argument {} for {} flag{reason}",
                go_quote(&invalid_value.unwrap_or_default()),
                go_quote(&flag_label(arg, invalid_arg.as_deref(), true))
            )
        }
        _ => {
            let rendered = err.render().to_string();
            let first = rendered.lines().next().unwrap_or_default();
            first.strip_prefix("error: ").unwrap_or(first).to_string()
        }
    };
    CliError::Usage { message, hint }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses a command line (without the program name) into the derived structs.
    fn parse(args: &[&str]) -> Cli {
        let argv = std::iter::once(BIN).chain(args.iter().copied());
        let matches = command().try_get_matches_from(argv).unwrap_or_else(|e| panic!("{args:?}: {e}"));
        Cli::from_arg_matches(&matches).unwrap_or_else(|e| panic!("{args:?}: {e}"))
    }

    fn install_args(cli: Cli) -> install::InstallArgs {
        match cli.command {
            Some(Commands::Install(a) | Commands::Upgrade(a)) => a,
            Some(Commands::Manifest(manifest::ManifestArgs {
                command: Some(manifest::ManifestCommand::Install(a)),
                ..
            })) => a,
            other => panic!("not an install: {other:?}"),
        }
    }

    #[test]
    fn filenames_split_on_commas_and_repeat_but_set_does_not_split() {
        let a = install_args(parse(&[
            "install",
            "-f",
            "a.yaml,b.yaml",
            "--filename=c.yaml",
            "-s",
            "x=1,2",
            "--set",
            "y=3",
        ]));
        assert_eq!(a.input.filenames, ["a.yaml", "b.yaml", "c.yaml"]);
        assert_eq!(a.input.set, ["x=1,2", "y=3"]);
    }

    #[test]
    fn last_single_value_wins_and_charts_is_manifests() {
        let a = install_args(parse(&["install", "--charts", "one", "-d", "two", "-r", "a", "--revision", "b"]));
        assert_eq!(a.input.manifests.as_deref(), Some("two"));
        assert_eq!(a.input.revision.as_deref(), Some("b"));
        let Some(Commands::Uninstall(u)) = parse(&["uninstall", "-f", "a.yaml", "-f", "b.yaml"]).command else {
            panic!("not uninstall")
        };
        assert_eq!(u.filename.as_deref(), Some("b.yaml"));
    }

    #[test]
    fn booleans_take_pflag_values() {
        let a = install_args(parse(&["install", "-y=false", "--dry-run", "--force=true", "--verify=F"]));
        assert!(!a.skip_confirmation && a.dry_run && a.input.force && !a.verify);
        let Some(Commands::Version(v)) = parse(&["version", "--short=false", "--remote=0"]).command else {
            panic!("not version")
        };
        assert!(!v.short && !v.remote);
        let Some(Commands::Version(v)) = parse(&["version"]).command else { panic!("not version") };
        assert!(v.short && v.remote, "short and remote default to true");
    }

    #[test]
    fn defaults_match_upstream() {
        let cli = parse(&["install"]);
        assert_eq!(cli.kube.istio_namespace, kube::ISTIO_SYSTEM_NAMESPACE);
        assert_eq!(cli.kube.kubeclient_timeout, std::time::Duration::from_secs(15));
        let a = install_args(cli);
        assert_eq!(a.readiness_timeout, std::time::Duration::from_secs(300));
        let Some(Commands::KubeInject(k)) = parse(&["kube-inject"]).command else { panic!("not kube-inject") };
        assert_eq!(k.mesh_config_map, "istio");
        assert_eq!(k.inject_config_map, "istio-sidecar-injector");
        assert_eq!(k.webhook_config, "istio-sidecar-injector");
        assert_eq!(k.xds_port, 15012);
        assert_eq!(k.timeout, std::time::Duration::from_secs(30));
    }

    #[test]
    fn hidden_global_flags_still_reach_the_top_level() {
        let cli = parse(&["manifest", "generate", "-n", "ns", "-i", "custom"]);
        assert_eq!(cli.kube.namespace.as_deref(), Some("ns"));
        assert_eq!(cli.kube.istio_namespace, "custom");
        let cli = parse(&["--context", "ctx", "install", "-c", "kc"]);
        assert_eq!(cli.kube.context.as_deref(), Some("ctx"));
        assert_eq!(cli.kube.kubeconfig.as_deref(), Some(std::path::Path::new("kc")));
    }

    #[test]
    fn manifest_dry_run_before_the_subcommand_reaches_install() {
        assert!(install_args(parse(&["manifest", "--dry-run", "install"])).dry_run);
        assert!(install_args(parse(&["manifest", "apply", "--dry-run"])).dry_run);
    }

    #[test]
    fn command_tree_is_consistent() {
        command().debug_assert();
    }

    #[test]
    fn suggestions_follow_cobra() {
        let cmd = command();
        assert_eq!(suggestions(&cmd, "instal"), "\n\nDid you mean this?\n\tinstall\n");
        assert_eq!(suggestions(&cmd, "profile"), "");
        assert_eq!(suggestions(&cmd, "VERSON"), "\n\nDid you mean this?\n\tversion\n");
    }

    #[test]
    fn flag_names_prefer_long() {
        assert_eq!(flag_name("--filename <FILE>"), "--filename");
        assert_eq!(flag_name("-f, --filename <FILE>"), "--filename");
        assert_eq!(flag_name("-f <FILE>"), "-f");
        assert_eq!(flag_name("--dry-run[=<BOOL>]"), "--dry-run");
    }

    #[test]
    fn unknown_flags_are_worded_like_pflag() {
        assert_eq!(unknown_flag("--foo=bar"), "unknown flag: --foo");
        assert_eq!(unknown_flag("-o"), "unknown shorthand flag: 'o' in -o");
    }
}
