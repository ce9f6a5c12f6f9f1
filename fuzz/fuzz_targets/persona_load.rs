//! Any bytes as a persona file: load, validate, render every diagnostic, play a short call.
//! The check itself is `tests/fuzz_checks.rs`, shared with the regression tests.

#![no_main]

#[allow(dead_code)]
#[path = "../../tests/fuzz_checks.rs"]
mod fuzz_checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_checks::persona_load(data));
