use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    settle::cli::run(settle::cli::Cli::parse())
}
