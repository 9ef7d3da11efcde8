//! The `istioctl` binary: a thin command-line layer over the `istioctl` library.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
