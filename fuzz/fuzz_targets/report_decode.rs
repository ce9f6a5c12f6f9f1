//! Any bytes as a report file: decode, re-encode, and derive rows, exports and the debrief.
//! The check itself is `tests/fuzz_checks.rs`, shared with the regression tests.

#![no_main]

#[allow(dead_code)]
#[path = "../../tests/fuzz_checks.rs"]
mod fuzz_checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| fuzz_checks::report_decode(data));
