//! Settle's command line: `settle check`, `list`, `play`, `replay`, `analyze`, `graph`,
//! `report`, `strings` and `migrate` over the crates of the workspace, and the app started by
//! `settle` alone. The binary (`main.rs`) only parses the arguments and calls [`cli::run`].

pub mod cli;
