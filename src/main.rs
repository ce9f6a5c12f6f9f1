use std::process::ExitCode;

use clap::Parser;

/// mimalloc: loading a persona or a reports folder is allocation-heavy (tens of thousands
/// of small strings), and glibc's allocator spent about 40% of the load time (see
/// docs/performance.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    settle::cli::run(settle::cli::Cli::parse())
}
