//! Settle: a training simulator for debt-collection negotiation calls.
//!
//! `core` is headless (format, loading, validation, engine, scoring, reports); `cli` drives it
//! from a terminal and `app` draws it in an egui window. `i18n` holds the words all three show
//! a person, in English and Polish.

pub mod app;
pub mod cli;
pub mod core;
pub mod i18n;
