//! Reports: round trip, atomic never-overwriting writes, skipping damaged and foreign files,
//! many writers on one folder, and replay.

use std::collections::BTreeSet;
use std::fs;
use std::sync::Arc;

use chrono::{TimeZone, Utc};
use settle_core::Persona;
use settle_core::call::Mode;
use settle_core::engine::CallEngine;
use settle_core::wrapup::WrapUp;
use settle_store::report::replay::{Difference, Verdict, replay};
use settle_store::report::store::{SkipReason, decode, encode, encode_ron, read, read_dir, save};
use settle_store::report::{CallId, CallTimes, RON_REPORT_FORMAT, Report};

use crate::common::good;

fn report_of(persona: &Arc<Persona>, seed: u64, trainee: &str) -> Report {
    let (mut engine, _) = CallEngine::start(Arc::clone(persona), Mode::Practice, seed);
    while !engine.is_over() {
        engine.choose_listed(1).expect("first offer");
    }
    let times = CallTimes {
        started_at: Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).single().expect("valid"),
        ended_at: Utc.with_ymd_and_hms(2026, 11, 23, 10, 3, 30).single().expect("valid"),
    };
    Report::new(&engine, trainee, WrapUp::default(), times, CallId::new()).expect("call over")
}

#[test]
fn a_saved_report_reads_back_equal() {
    let dir = tempfile::tempdir().expect("tempdir");
    let report = report_of(&good("branching"), 4, "Zofia Łuczak-Żmuda \"<script>\"");
    let path = save(dir.path(), &report).expect("saved");
    assert_eq!(read(&path).expect("readable"), report);
    assert_eq!(report.duration_ms, 210_000);
    let name = path.file_name().and_then(|n| n.to_str()).expect("utf-8 name");
    assert!(name.starts_with("20261123T100000Z-zofia-luczak-zmuda-script-branching-"), "{name}");
}

#[test]
fn saving_never_overwrites_and_leaves_no_temporary_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let report = report_of(&good("minimal"), 1, "Anna");
    let first = save(dir.path(), &report).expect("saved");
    // The same report again (same id, same name): a second file, the first untouched.
    let before = fs::read(&first).expect("read");
    let second = save(dir.path(), &report).expect("saved again");
    assert_ne!(first, second);
    assert_eq!(fs::read(&first).expect("read"), before);
    let names: Vec<_> =
        fs::read_dir(dir.path()).expect("list").map(|e| e.expect("entry").file_name()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.iter().all(|n| !n.to_string_lossy().starts_with('.')));
}

#[test]
fn damaged_and_foreign_files_are_skipped_and_listed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let report = report_of(&good("minimal"), 1, "Anna");
    save(dir.path(), &report).expect("saved");
    let text = encode(&report).expect("encodes");
    let ron = encode_ron(&Report { format: RON_REPORT_FORMAT, ..report.clone() }).expect("encodes");
    fs::write(dir.path().join("old.ron"), &ron).expect("write");
    fs::write(dir.path().join("truncated.ron"), &ron[..ron.len() / 2]).expect("write");
    fs::write(dir.path().join("truncated.json"), &text[..text.len() / 2]).expect("write");
    fs::write(dir.path().join("garbage.ron"), [0xff, 0xfe, 0x00, 0x01]).expect("write");
    fs::write(dir.path().join("notes.txt"), "not a report").expect("write");
    fs::write(dir.path().join("future.ron"), ron.replacen("format: 1", "format: 9", 1)).expect("write");
    fs::write(dir.path().join("future.json"), text.replace("\"format\":2", "\"format\":9")).expect("write");
    fs::copy("tests/data/good/minimal.ron", dir.path().join("persona.ron")).expect("copy");
    fs::write(dir.path().join(".tmp-in-progress.part"), "half").expect("write");
    let set = read_dir(dir.path()).expect("folder readable");
    assert_eq!(set.reports.len(), 2, "the new report and the old one");
    let skipped: BTreeSet<String> = set
        .skipped
        .iter()
        .map(|s| s.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
        .collect();
    let expected: BTreeSet<String> = [
        "truncated.ron",
        "truncated.json",
        "garbage.ron",
        "notes.txt",
        "future.ron",
        "future.json",
        "persona.ron",
    ]
    .map(String::from)
    .into();
    assert_eq!(skipped, expected);
    let reason = |name: &str| &set.skipped.iter().find(|s| s.path.ends_with(name)).expect("listed").reason;
    assert_eq!(*reason("notes.txt"), SkipReason::Foreign);
    assert_eq!(*reason("future.ron"), SkipReason::UnsupportedFormat(9));
    assert_eq!(*reason("future.json"), SkipReason::UnsupportedFormat(9));
    assert!(matches!(reason("truncated.ron"), SkipReason::Corrupt { .. }));
    // JSON damage is placed at its line and column.
    let column = text.len() / 2;
    assert!(
        matches!(reason("truncated.json"), SkipReason::Corrupt { line: 1, column: c, .. } if *c == column),
        "{:?}",
        reason("truncated.json")
    );
}

#[test]
fn forged_fields_that_still_parse_are_refused_with_the_reason() {
    let report = report_of(&good("minimal"), 1, "Anna");
    let text = encode(&report).expect("encodes");
    let ron = encode_ron(&Report { format: RON_REPORT_FORMAT, ..report.clone() }).expect("encodes");
    let total = format!("total: {:?}", report.score.total);
    let json_total = format!("\"total\":{:?}", report.score.total);
    assert!(ron.contains(&total), "{total}");
    assert!(text.contains(&json_total), "{json_total}");
    // Edited alike in the row and the report, so that each reader's own check must catch it.
    let cases = [
        (ron.replacen(&total, "total: 250.0", 1), "the total score 250 is outside 0-100"),
        (ron.replacen("turns: 2,", "turns: 9,", 1), "the score counts 9 turns but 2 are recorded"),
        (ron.replacen("empathy: 1,", "empathy: 7,", 1), "a stance of (7,"),
        (text.replace(&json_total, "\"total\":250.0"), "the total score 250 is outside 0-100"),
        (text.replace("\"turns\":2,", "\"turns\":9,"), "the score counts 9 turns but 2 are recorded"),
        (text.replacen("\"empathy\":1,", "\"empathy\":7,", 1), "a stance of (7,"),
    ];
    for (forged, why) in cases {
        assert!(forged != text && forged != ron, "the edit for {why:?} applies");
        match decode(forged.as_bytes()) {
            Err(SkipReason::Implausible(reason)) => assert!(reason.contains(why), "{reason}"),
            other => panic!("{why}: {other:?}"),
        }
    }
    let reason = SkipReason::Implausible("x".into()).to_string();
    assert_eq!(reason, "not as Settle wrote it (edited or forged): x");
}

#[test]
fn many_writers_on_one_folder_lose_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let persona = good("branching");
    std::thread::scope(|scope| {
        for writer in 0..8u64 {
            let persona = Arc::clone(&persona);
            let dir = dir.path();
            scope.spawn(move || {
                for call in 0..25u64 {
                    // Same trainee, persona and second: only the call id tells the files apart.
                    let report = report_of(&persona, writer * 100 + call, "Same Trainee");
                    save(dir, &report).expect("saved");
                }
            });
        }
    });
    let set = read_dir(dir.path()).expect("readable");
    assert!(set.skipped.is_empty(), "{:?}", set.skipped);
    assert_eq!(set.reports.len(), 200);
    let seeds: BTreeSet<u64> = set.reports.iter().map(|(_, r)| r.seed).collect();
    assert_eq!(seeds.len(), 200);
}

#[test]
fn a_report_replays_and_a_changed_persona_is_detected() {
    let persona = good("branching");
    let report = report_of(&persona, 11, "Anna");
    assert_eq!(replay(&report, Some(&persona)), Verdict::Reproduced);
    assert_eq!(replay(&report, None), Verdict::PersonaMissing);

    let mut forged = report.clone();
    forged.score.total = 100.0;
    assert!(matches!(replay(&forged, Some(&persona)), Verdict::Differs(Difference::Score { .. })));

    let mut other_seed = report.clone();
    other_seed.seed += 1;
    assert!(matches!(replay(&other_seed, Some(&persona)), Verdict::Differs(_)));

    let text = fs::read_to_string("tests/data/good/branching.ron").expect("read");
    let edited = text.replace("Call me next week.", "Call me next month.");
    let loaded = settle_core::load::load_bytes(
        std::path::Path::new("branching.ron"),
        edited.as_bytes(),
        &settle_store::library::FolderAssets::new("tests/data/assets"),
    );
    let changed = loaded.persona.expect("still valid");
    match replay(&report, Some(&changed)) {
        Verdict::PersonaChanged { recorded, current, .. } => assert_ne!(recorded, current),
        other => panic!("expected a changed persona, got {other:?}"),
    }
}

#[test]
fn decoding_never_panics_on_mangled_reports() {
    let report = report_of(&good("branching"), 2, "Anna");
    let text = encode(&report).expect("encodes");
    for cut in (0..text.len()).step_by(37) {
        let _ = decode(&text.as_bytes()[..cut]);
        let mut bytes = text.clone().into_bytes();
        bytes[cut] = b'(';
        let _ = decode(&bytes);
    }
}
