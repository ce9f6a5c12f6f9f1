//! Integration tests: one binary, one module per area (see ARCHITECTURE.md).

mod analysis;
mod architecture;
mod cli;
mod common;
mod crash;
mod dashboard;
mod disk;
mod engine;
mod fixtures;
mod fuzz_checks;
mod fuzz_regressions;
mod gui;
mod index;
mod lrs;
mod package;
mod personas;
mod property;
mod reports;
mod smoke;
mod translation;
