//! The `istioctl` binary: a thin command-line layer over the `istioctl` library.

mod cli;

/// mimalloc instead of the system allocator: kube-inject spent about a quarter of its instructions
/// in glibc's malloc/free (docs/benchmarks.md, "kube-inject").
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::main()
}
