//! `istioctl completion <shell>`: print a shell completion script for istioctl.

use clap::{Args, Command, Subcommand};
use clap_complete::Shell;

use super::error::{CliError, write_stdout};

/// Short description of `completion`.
pub const ABOUT: &str = "Print the shell completion script for the given shell";

/// Long description of `completion`.
pub const LONG_ABOUT: &str = "Print a script that teaches a shell to complete istioctl's commands and flags. \
See the help of each shell's command for how to load it.";

/// The `completion` group.
#[derive(Debug, Clone, Args)]
#[command(arg_required_else_help = true)]
pub struct CompletionArgs {
    #[command(subcommand)]
    pub shell: Option<CompletionShell>,
}

/// Options every shell's command takes.
#[derive(Debug, Clone, Args)]
pub struct ShellArgs {
    /// Leave the descriptions of commands and flags out of the completions
    #[arg(long = "no-descriptions")]
    pub no_descriptions: bool,
}

/// The shells a script can be printed for.
#[derive(Debug, Clone, Subcommand)]
pub enum CompletionShell {
    /// Print the completion script for bash
    #[command(long_about = "Print the completion script for bash.

Load it in the current shell:
  source <(istioctl completion bash)

Load it in every new shell (Linux):
  istioctl completion bash > /etc/bash_completion.d/istioctl

The script needs the bash-completion package.")]
    Bash(ShellArgs),
    /// Print the completion script for zsh
    #[command(long_about = "Print the completion script for zsh.

Load it in every new shell:
  istioctl completion zsh > \"${fpath[1]}/_istioctl\"

Shell completion must be enabled (autoload -U compinit; compinit in ~/.zshrc). Start a new shell to use it.")]
    Zsh(ShellArgs),
    /// Print the completion script for fish
    #[command(long_about = "Print the completion script for fish.

Load it in the current shell:
  istioctl completion fish | source

Load it in every new shell:
  istioctl completion fish > ~/.config/fish/completions/istioctl.fish")]
    Fish(ShellArgs),
    /// Print the completion script for PowerShell
    #[command(long_about = "Print the completion script for PowerShell.

Load it in the current shell:
  istioctl completion powershell | Out-String | Invoke-Expression

Add that line to your PowerShell profile to load it in every new shell.")]
    Powershell(ShellArgs),
}

impl CompletionShell {
    /// The shell and its options.
    fn parts(&self) -> (Shell, &ShellArgs) {
        match self {
            Self::Bash(a) => (Shell::Bash, a),
            Self::Zsh(a) => (Shell::Zsh, a),
            Self::Fish(a) => (Shell::Fish, a),
            Self::Powershell(a) => (Shell::PowerShell, a),
        }
    }
}

/// Removes every description from a command tree, for `--no-descriptions`.
fn strip_descriptions(cmd: Command) -> Command {
    let names: Vec<String> = cmd.get_subcommands().map(|c| c.get_name().to_string()).collect();
    let mut cmd = cmd.about(None).long_about(None).mut_args(|a| a.help(None).long_help(None));
    for name in names {
        cmd = cmd.mut_subcommand(name, strip_descriptions);
    }
    cmd
}

/// The completion script for `shell`.
pub fn script(shell: Shell, mut cmd: Command, descriptions: bool) -> Vec<u8> {
    if !descriptions {
        cmd = strip_descriptions(cmd);
    }
    let name = cmd.get_name().to_string();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, name, &mut out);
    out
}

/// Runs `completion <shell>`. `cmd` is istioctl's whole command tree.
pub fn run(args: &CompletionArgs, cmd: Command) -> Result<(), CliError> {
    let Some(shell) = &args.shell else { return Ok(()) };
    let (shell, shell_args) = shell.parts();
    write_stdout(&script(shell, cmd, !shell_args.no_descriptions))
}
