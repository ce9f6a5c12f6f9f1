//! The reports index against the files: old RON reports counted beside JSON ones, rows read
//! from the head of a file only, the background service, and agreement with a full read of the
//! folder after many writers.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use chrono::{TimeZone, Utc};
use settle_core::Persona;
use settle_core::call::Mode;
use settle_core::engine::CallEngine;
use settle_core::wrapup::WrapUp;
use settle_store::report::index::{Filter, Index, IndexService, Query, Snapshot, SortBy};
use settle_store::report::replay::{Verdict, replay};
use settle_store::report::sign::{Signature, check, sign};
use settle_store::report::store::{
    SkipReason, decode, encode, encode_ron, file_name, read, read_dir, save, save_text,
};
use settle_store::report::{CallId, CallTimes, RON_REPORT_FORMAT, Report};

use crate::common::good;
use crate::dashboard::{call, indexed};

const KEY: &[u8] = b"org key";

fn report(persona: &Arc<Persona>, trainee: &str, seed: u64, minute: u32) -> Report {
    let (mut engine, _) = CallEngine::start(Arc::clone(persona), Mode::Practice, seed);
    while !engine.is_over() {
        engine.choose_listed(1).expect("offered");
    }
    let at = Utc.with_ymd_and_hms(2026, 11, 23, 10, minute % 60, 0).single().expect("valid");
    let times = CallTimes { started_at: at, ended_at: at + chrono::Duration::seconds(90) };
    let wrap_up = WrapUp::matching(engine.end().expect("over"));
    Report::new(&engine, trainee, wrap_up, times, CallId::new()).expect("over")
}

/// Saves `report` as an old version did: RON, format 1, signed over its RON text.
fn save_old(dir: &Path, mut report: Report, key: Option<&[u8]>) -> std::path::PathBuf {
    report.format = RON_REPORT_FORMAT;
    if let Some(key) = key {
        sign(&mut report, key);
    }
    let name = file_name(&report).replace(".json", ".ron");
    save_text(dir, &name, &encode_ron(&report).expect("encodes")).expect("saved")
}

fn names<'a>(paths: impl IntoIterator<Item = &'a Path>) -> BTreeSet<String> {
    paths.into_iter().filter_map(|p| p.file_name()).map(|n| n.to_string_lossy().into_owned()).collect()
}

#[test]
fn old_ron_reports_are_read_beside_json_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (minimal, branching) = (good("minimal"), good("branching"));
    let mut new = report(&minimal, "Anna", 1, 0);
    sign(&mut new, KEY);
    let new_path = save(dir.path(), &new).expect("saved");
    assert!(new_path.extension().is_some_and(|e| e == "json"));
    let old = report(&branching, "ANNA", 2, 1);
    let old_total = old.score.total;
    let old_path = save_old(dir.path(), old, Some(KEY));
    let unsigned_old = save_old(dir.path(), report(&minimal, "Bartek", 3, 2), None);

    // Read whole: both kinds, and the old signature still verifies under its RON text.
    let set = read_dir(dir.path()).expect("readable");
    assert!(set.skipped.is_empty(), "{:?}", set.skipped);
    assert_eq!(set.reports.len(), 3);
    let old_report = read(&old_path).expect("an old report reads");
    assert_eq!(old_report.format, RON_REPORT_FORMAT);
    assert_eq!(check(&old_report, Some(KEY)), Signature::Valid);
    assert_eq!(replay(&old_report, Some(&branching)), Verdict::Reproduced);

    // In the index: every call counted, with its verdict, in the rows and the best scores.
    let index = indexed(dir.path(), Some(KEY));
    let lines = index.lines(dir.path(), &Filter::default(), SortBy::Date, false).expect("lines");
    let verdicts: Vec<(String, Signature)> = lines.iter().map(|l| (l.trainee.clone(), l.signature)).collect();
    assert_eq!(
        verdicts,
        [
            ("Anna".into(), Signature::Valid),
            ("ANNA".into(), Signature::Valid),
            ("Bartek".into(), Signature::Unsigned)
        ]
    );
    assert_eq!(index.summary(dir.path(), &Filter::default()).expect("summary").calls, 3);
    let best = index.best_scores(dir.path(), "ANNA").expect("best");
    assert_eq!(best.get(&minimal.id), Some(&new.score.total));
    assert_eq!(best.get(&branching.id), Some(&old_total));
    assert_eq!(
        names(lines.iter().map(|l| l.path.as_path())),
        names([&new_path, &old_path, &unsigned_old].map(|p| p.as_path()))
    );

    // An old report edited by hand is flagged, as a new one is.
    let text = std::fs::read_to_string(&old_path).expect("read");
    std::fs::write(&old_path, text.replacen("trainee: \"ANNA\"", "trainee: \"ANNE\"", 1)).expect("write");
    let index = indexed(dir.path(), Some(KEY));
    let flagged = index.lines(dir.path(), &Filter::default(), SortBy::Date, false).expect("lines");
    assert_eq!(flagged[1].signature, Signature::Mismatch);
}

#[test]
fn only_the_head_of_a_report_is_read_for_its_row() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = encode(&report(&good("minimal"), "Anna", 1, 0)).expect("encodes");
    let at = text.find(",\"report\":").expect("the report follows the row");
    // The row intact, then garbage where the report was.
    let broken = format!("{}{}", &text[..at], ",\"report\":{{{ nothing here is JSON ".repeat(500));
    std::fs::write(dir.path().join("tail.json"), &broken).expect("write");
    // A row too long for the head (a very long name) is read from the whole file.
    let long = encode(&report(&good("minimal"), &"Ł".repeat(3000), 2, 1)).expect("encodes");
    std::fs::write(dir.path().join("long.json"), &long).expect("write");

    let mut index = Index::open_in_memory().expect("index");
    let refreshed = index.refresh(dir.path(), None).expect("refresh");
    assert!(refreshed.skipped.is_empty(), "{:?}", refreshed.skipped);
    let lines = index.lines(dir.path(), &Filter::default(), SortBy::Trainee, false).expect("lines");
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0].trainee, "Anna");
    assert_eq!(lines[0].signature, Signature::Pending);
    // A full read refuses the file, at the place where the JSON breaks.
    match decode(broken.as_bytes()) {
        Err(SkipReason::Corrupt { line: 1, column, .. }) => assert!(column > at, "{column} after {at}"),
        other => panic!("a full read refuses it: {other:?}"),
    }
    // The signature pass reads it whole, and then it is skipped with that reason.
    while index.verify(dir.path(), None, 16).expect("verify").remaining > 0 {}
    let skipped = index.skipped(dir.path()).expect("skipped");
    assert_eq!(names(skipped.iter().map(|s| s.path.as_path())), names([Path::new("tail.json")]));
    assert!(matches!(skipped[0].reason, SkipReason::Corrupt { .. }), "{:?}", skipped[0].reason);
}

#[test]
fn the_service_answers_in_the_background_and_follows_the_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = tempfile::tempdir().expect("tempdir");
    let minimal = good("minimal");
    for (i, trainee) in ["Anna", "Anna", "Bartek"].into_iter().enumerate() {
        let mut r = report(&minimal, trainee, i as u64, i as u32);
        sign(&mut r, KEY);
        save(dir.path(), &r).expect("saved");
    }
    let query = Query { best_for: Some("anna".into()), ..Query::default() };
    let db = settle_store::report::index::default_index_path(data.path());
    let service = IndexService::spawn(db, dir.path().to_path_buf(), Some(KEY.to_vec()), query, || {});
    assert!(service.wait_settled(Duration::from_secs(20)), "settles");
    let snapshot = service.latest().expect("an answer");
    assert_eq!((snapshot.lines.len(), snapshot.pending, snapshot.summary.calls), (3, 0, 3));
    assert!(snapshot.lines.iter().all(|l| l.signature == Signature::Valid));
    assert_eq!(snapshot.best.len(), 1);
    assert_eq!(snapshot.trainees, ["Anna", "Bartek"]);

    save(dir.path(), &report(&minimal, "Celina", 9, 9)).expect("saved");
    service.refresh();
    assert!(service.wait_settled(Duration::from_secs(20)));
    assert_eq!(service.latest().expect("an answer").lines.len(), 4);
    service.set_query(Query {
        filter: Filter { trainee: Some("celina".into()), ..Filter::default() },
        trainees: vec!["Celina".into()],
        ..Query::default()
    });
    assert!(service.wait_settled(Duration::from_secs(20)));
    let snapshot = service.latest().expect("an answer");
    assert_eq!(snapshot.lines.len(), 1);
    assert_eq!(snapshot.lines[0].signature, Signature::Unsigned);
    assert_eq!(snapshot.trainee_views[0].summary.calls, 1);
}

#[test]
fn a_first_open_shows_from_memory_what_the_index_then_answers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (minimal, branching) = (good("minimal"), good("branching"));
    // Names that differ only in case and spaces, letters beyond ASCII, passes and failures,
    // two personas, equal dates (ordered by file name), damaged and foreign files, an old RON
    // report.
    let trainees = ["Anna", "anna", " ANNA ", "Bartek", "Łucja", "Zoë", "celina"];
    for (i, trainee) in trainees.iter().cycle().take(21).enumerate() {
        let day = (i % 5) as i64;
        save(dir.path(), &call(&minimal, trainee, i % 3 != 0, day)).expect("saved");
        if i % 4 == 0 {
            save(dir.path(), &report(&branching, trainee, i as u64, (i % 2) as u32)).expect("saved");
        }
    }
    save_old(dir.path(), report(&branching, "Bartek", 99, 7), None);
    std::fs::write(dir.path().join("damaged.json"), "{\"row\":{\"format\":2,").expect("write");
    std::fs::write(dir.path().join("notes.txt"), "hello").expect("write");

    let day = |d: u32| Utc.with_ymd_and_hms(2026, 11, d, 12, 0, 0).single().expect("valid");
    let mut queries = Vec::new();
    for sort in [SortBy::Date, SortBy::Trainee, SortBy::Persona, SortBy::Score, SortBy::Outcome] {
        for descending in [false, true] {
            queries.push(Query { sort, descending, best_for: Some("ANNA".into()), ..Query::default() });
        }
    }
    for filter in [
        Filter { trainee: Some(" anna".into()), ..Filter::default() },
        Filter { persona: Some(branching.id.clone()), ..Filter::default() },
        Filter { passed: Some(false), mode: Some(Mode::Practice), ..Filter::default() },
        Filter { from: Some(day(2)), to: Some(day(4)), ..Filter::default() },
        Filter { text: " ŁUC ".into(), ..Filter::default() },
        Filter { text: "nobody".into(), ..Filter::default() },
    ] {
        queries.push(Query { filter, sort: SortBy::Score, ..Query::default() });
    }
    queries.push(Query { table: false, best_for: Some("bartek".into()), ..Query::default() });

    let mut index = Index::open_in_memory().expect("index");
    let scan = index.scan(dir.path(), None).expect("scan");
    assert!(scan.is_whole(), "the index knew nothing of the folder");
    let shown: Vec<Snapshot> =
        queries.iter().map(|q| Snapshot::of_scan(&scan, q).expect("a first scan answers")).collect();
    index.apply(scan).expect("written");
    for (query, memory) in queries.iter().zip(&shown) {
        let sql = Snapshot::of_index(&index, dir.path(), query).expect("answered");
        assert_eq!(memory.lines, sql.lines, "{query:?}");
        assert_eq!(memory.summary, sql.summary, "{query:?}");
        assert_eq!(memory.trainees, sql.trainees, "{query:?}");
        assert_eq!(memory.skipped, sql.skipped, "{query:?}");
        assert_eq!(memory.best, sql.best, "{query:?}");
        assert_eq!(memory.pending, sql.pending, "{query:?}");
    }
    assert!(shown[0].lines.len() > 20 && shown[0].skipped.len() == 2, "{:?}", shown[0].skipped);
    assert!(
        shown[0].summary.top_failure.is_some() && shown[0].trainees.len() == 5,
        "{:?}",
        shown[0].trainees
    );
    // Once the index holds the folder, a scan reads only what changed and answers nothing.
    let scan = index.scan(dir.path(), None).expect("scan");
    assert!(!scan.is_whole());
    assert!(Snapshot::of_scan(&scan, &Query::default()).is_none());
    // Nor does it answer the views it does not compute.
    let dir = tempfile::tempdir().expect("tempdir");
    save(dir.path(), &call(&minimal, "Anna", true, 1)).expect("saved");
    let scan = Index::open_in_memory().expect("index").scan(dir.path(), None).expect("scan");
    let views = Query { trainees: vec!["Anna".into()], ..Query::default() };
    assert!(Snapshot::of_scan(&scan, &views).is_none());
}

/// What a full read of the folder says: each report's file name, id, trainee and total, and
/// the names of the files skipped.
type Scan = (BTreeSet<(String, String, String, u64)>, BTreeSet<String>);

fn full_scan(dir: &Path) -> Scan {
    let set = read_dir(dir).expect("readable");
    let reports = set
        .reports
        .iter()
        .map(|(path, r)| {
            let name = names([path.as_path()]).pop_first().unwrap_or_default();
            (name, r.id.0.to_string(), r.trainee.clone(), r.score.total.to_bits())
        })
        .collect();
    (reports, names(set.skipped.iter().map(|s| s.path.as_path())))
}

fn index_scan(index: &Index, dir: &Path) -> Scan {
    let entries = index.entries(dir, &Filter::default(), SortBy::Date, false).expect("entries");
    let reports = entries
        .iter()
        .map(|e| {
            let name = names([e.path.as_path()]).pop_first().unwrap_or_default();
            (name, e.id.0.to_string(), e.trainee.clone(), e.total.to_bits())
        })
        .collect();
    let skipped = index.skipped(dir).expect("skipped");
    (reports, names(skipped.iter().map(|s| s.path.as_path())))
}

#[test]
fn the_index_agrees_with_a_full_scan_after_concurrent_writers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = tempfile::tempdir().expect("tempdir");
    let db = settle_store::report::index::default_index_path(data.path());
    let (minimal, branching) = (good("minimal"), good("branching"));
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        let writers: Vec<_> = (0..4u64)
            .map(|w| {
                let persona = if w % 2 == 0 { Arc::clone(&minimal) } else { Arc::clone(&branching) };
                let dir = dir.path();
                scope.spawn(move || {
                    for call in 0..25u64 {
                        save(dir, &report(&persona, &format!("Writer {w}"), w * 100 + call, call as u32))
                            .expect("saved");
                        if call % 5 == 0 {
                            // A damaged file now and then.
                            let name = format!("damaged-{w}-{call}.json");
                            std::fs::write(dir.join(name), "{\"row\":{\"format\":2,").expect("write");
                        }
                        std::thread::sleep(Duration::from_millis(3));
                    }
                })
            })
            .collect();
        // One editor rewrites files in place (same size: only the time can tell) and deletes
        // others, while they are being indexed.
        let editor = scope.spawn(|| {
            let mut round = 0;
            while !done.load(std::sync::atomic::Ordering::SeqCst) || round < 3 {
                round += 1;
                let files: Vec<_> = std::fs::read_dir(dir.path())
                    .expect("list")
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|e| e == "json"))
                    .collect();
                for (i, path) in files.iter().enumerate() {
                    let Ok(text) = std::fs::read_to_string(path) else { continue };
                    if i % 11 == 0 && round % 4 == 1 {
                        let _ = std::fs::remove_file(path);
                    } else if i % 3 == 0 && text.contains("\"Writer 1\"") {
                        let _ = std::fs::write(path, text.replace("\"Writer 1\"", "\"Editor 1\""));
                    }
                }
                std::thread::sleep(Duration::from_millis(7));
            }
        });
        let mut index = Index::open(&db).expect("index");
        while writers.iter().any(|w| !w.is_finished()) {
            index.refresh(dir.path(), None).expect("refresh");
            index.verify(dir.path(), None, 32).expect("verify");
        }
        for writer in writers {
            writer.join().expect("a writer");
        }
        done.store(true, std::sync::atomic::Ordering::SeqCst);
        editor.join().expect("the editor");
        // The writers stopped: one more refresh, and the index is the folder.
        index.refresh(dir.path(), None).expect("refresh");
        let (reports, skipped) = index_scan(&index, dir.path());
        let (full_reports, full_skipped) = full_scan(dir.path());
        assert_eq!(reports, full_reports);
        assert_eq!(skipped, full_skipped);
        assert!(reports.len() > 40, "most calls are still there: {}", reports.len());
        assert!(reports.iter().any(|r| r.2 == "Editor 1"), "some were edited");
        // And once every signature is checked, still.
        while index.verify(dir.path(), None, 64).expect("verify").remaining > 0 {}
        assert_eq!(index_scan(&index, dir.path()), full_scan(dir.path()));
    });
}
