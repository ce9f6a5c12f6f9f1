//! Any bytes as a call on a bundled persona: persona, mode, seed, then one action per byte.
//! The check itself is `tests/fuzz_checks.rs`, shared with the regression tests.

#![no_main]

#[allow(dead_code)]
#[path = "../../tests/fuzz_checks.rs"]
mod fuzz_checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_checks::call_engine(data));
