//! Fuzzing's regression inputs: every file under `tests/data/fuzz/<target>/` goes through the
//! same check as the fuzz target of that name (`fuzz_checks`). Crashes that `scripts/fuzz`
//! finds are copied there; a few representative seeds sit beside them so that each target is
//! checked even before it has found anything. See docs/fuzzing.md.

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use crate::fuzz_checks;

/// Runs every input of `tests/data/fuzz/<target>` through `check`; fails naming each input
/// whose check panicked.
fn replay_inputs(target: &str, check: fn(&[u8])) {
    let dir = Path::new("tests/data/fuzz").join(target);
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("a readable folder entry").path())
        .filter(|path| path.is_file())
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "{} holds no input", dir.display());
    let failed: Vec<String> = paths
        .iter()
        .filter(|path| {
            let data = fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            catch_unwind(AssertUnwindSafe(|| check(&data))).is_err()
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(failed.is_empty(), "the {target} check fails on:\n{}", failed.join("\n"));
}

#[test]
fn fuzz_inputs_of_persona_load_still_pass() {
    replay_inputs("persona_load", fuzz_checks::persona_load);
}

#[test]
fn fuzz_inputs_of_report_decode_still_pass() {
    replay_inputs("report_decode", fuzz_checks::report_decode);
}

#[test]
fn fuzz_inputs_of_call_engine_still_pass() {
    replay_inputs("call_engine", fuzz_checks::call_engine);
}
