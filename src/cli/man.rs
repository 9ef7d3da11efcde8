//! `istioctl man` (hidden): print the roff manual page of istioctl or of one of its commands.

use clap::{ArgMatches, Args, Command, FromArgMatches};

use super::error::{CliError, write_stdout};

/// The command's name.
pub const NAME: &str = "man";

/// The hidden `man` command (kept out of the derived command list so shell completion does not offer it).
pub fn command() -> Command {
    ManArgs::augment_args(Command::new(NAME).hide(true).about("Print istioctl's manual page (roff)"))
}

/// The flags of `man`.
#[derive(Debug, Clone, Args)]
pub struct ManArgs {
    /// Command path to document, e.g. `manifest generate` (default: istioctl itself)
    #[arg(value_name = "COMMAND")]
    pub command: Vec<String>,
}

/// Runs `man` with its parsed flags. `cmd` is istioctl's whole command tree.
pub fn run(matches: &ArgMatches, cmd: Command) -> Result<(), CliError> {
    let args = ManArgs::from_arg_matches(matches).map_err(CliError::failed)?;
    let mut target = cmd;
    target.build();
    let mut path = vec![target.get_name().to_string()];
    for name in &args.command {
        let Some(sub) = target.find_subcommand(name).cloned() else {
            return Err(CliError::failed(format!("unknown command {name:?} for {:?}", path.join(" "))));
        };
        path.push(sub.get_name().to_string());
        target = sub;
    }
    let page = target.display_name(path.join("-")).version(istioctl::version::ISTIO_VERSION);
    let mut out = Vec::new();
    clap_mangen::Man::new(page).render(&mut out)?;
    write_stdout(&out)
}
