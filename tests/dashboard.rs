//! The managers' index and exports on a generated report set whose numbers are known: the
//! SQL aggregations give the figures the in-memory ones gave before the index moved to SQLite.

use std::sync::Arc;

use chrono::{Duration, TimeZone, Utc};
use settle_core::Persona;
use settle_core::call::Mode;
use settle_core::engine::CallEngine;
use settle_core::vocabulary::ViolationKind;
use settle_core::wrapup::WrapUp;
use settle_i18n::Lang;
use settle_store::report::export::{csv, trainee_html, xapi};
use settle_store::report::index::{Entry, FailureKind, Filter, Index, SortBy};
use settle_store::report::store::save;
use settle_store::report::{CallId, CallTimes, Report};

use crate::common::good;

/// An index of `dir` in memory, read and with every signature checked, as the dashboard has it
/// once its background work is done.
pub fn indexed(dir: &std::path::Path, key: Option<&[u8]>) -> Index {
    let mut index = Index::open_in_memory().expect("an index");
    index.refresh(dir, key).expect("refreshed");
    while index.verify(dir, key, 64).expect("verified").remaining > 0 {}
    index
}

/// The rows that pass `filter`, oldest first.
pub fn entries(index: &Index, dir: &std::path::Path, filter: &Filter) -> Vec<Entry> {
    index.entries(dir, filter, SortBy::Date, false).expect("entries")
}

/// Plays `minimal` by reply 1 then 1 (promise, 100 with a correct wrap-up) or by reply 2
/// (the threat: 23.8, failed), `day` days after 1 November.
pub fn call(persona: &Arc<Persona>, trainee: &str, good_path: bool, day: i64) -> Report {
    let (mut engine, _) = CallEngine::start(Arc::clone(persona), Mode::Practice, day as u64);
    let steps: &[usize] = if good_path { &[1, 1] } else { &[2] };
    for n in steps {
        engine.choose_listed(*n).expect("offered");
    }
    let start = Utc.with_ymd_and_hms(2026, 11, 1, 9, 0, 0).single().expect("valid") + Duration::days(day);
    let times = CallTimes { started_at: start, ended_at: start + Duration::seconds(90) };
    let wrap_up = WrapUp::matching(engine.end().expect("over"));
    Report::new(&engine, trainee, wrap_up, times, CallId::new()).expect("over")
}

#[test]
fn aggregations_on_a_known_report_set() {
    let dir = tempfile::tempdir().expect("tempdir");
    let minimal = good("minimal");
    // Anna: 3 good calls. Bartek: 1 good, 2 threats. Hostile: 1 threat.
    for day in 0..3 {
        save(dir.path(), &call(&minimal, "Anna", true, day)).expect("saved");
    }
    save(dir.path(), &call(&minimal, "Bartek", true, 3)).expect("saved");
    save(dir.path(), &call(&minimal, "Bartek", false, 4)).expect("saved");
    save(dir.path(), &call(&minimal, "Bartek", false, 5)).expect("saved");
    let hostile = "=HYPERLINK(\"http://x\")<script>alert(1)</script>";
    save(dir.path(), &call(&minimal, hostile, false, 6)).expect("saved");
    std::fs::write(dir.path().join("broken.ron"), "Report(format: 1, id: ").expect("write");
    std::fs::write(dir.path().join("notes.txt"), "hello").expect("write");

    let mut index = indexed(dir.path(), None);
    let all = Filter::default();
    let rows = entries(&index, dir.path(), &all);
    assert_eq!(rows.len(), 7);
    assert_eq!(index.skipped(dir.path()).expect("skipped").len(), 2);

    let s = index.summary(dir.path(), &all).expect("summary");
    assert_eq!((s.calls, s.passed), (7, 4));
    assert!((s.pass_rate - 4.0 / 7.0).abs() < 1e-12);
    // 4 × 100 + 3 × 23.8 = 471.4, over 7.
    assert!((s.mean_score - 471.4 / 7.0).abs() < 1e-9, "{}", s.mean_score);
    // The threat is a critical error.
    assert_eq!(s.top_failure, Some((FailureKind::CriticalError(ViolationKind::Threat), 3)));

    let bartek = index.trainee_view(dir.path(), "bartek").expect("view");
    assert_eq!(bartek.summary.calls, 3);
    assert_eq!(bartek.violations, vec![(ViolationKind::Threat, 2)]);
    assert_eq!(bartek.best_and_last.values().next(), Some(&(100.0, 23.8)));
    assert_eq!(bartek.scores_over_time.values().next().map(Vec::len), Some(3));

    let persona = index.persona_view(dir.path(), &minimal.id).expect("view");
    assert_eq!(persona.histogram[9], 4);
    assert_eq!(persona.histogram[2], 3);
    assert_eq!(persona.costly_replies.len(), 1);
    assert_eq!(persona.costly_replies[0].1, 3);
    assert_eq!(persona.costly_replies[0].0.0.0, "opening");
    assert_eq!(persona.summary.calls, 7);

    let failed = Filter { passed: Some(false), ..Filter::default() };
    assert_eq!(entries(&index, dir.path(), &failed).len(), 3);
    assert_eq!(index.summary(dir.path(), &failed).expect("summary").calls, 3);
    let ann = Filter { text: "ANN".into(), ..Filter::default() };
    assert_eq!(entries(&index, dir.path(), &ann).len(), 3);
    let trainees = index.trainees(dir.path()).expect("trainees");
    assert_eq!(trainees.len(), 3, "{trainees:?}");
    assert_eq!(trainees[1..], ["Anna".to_string(), "Bartek".to_string()], "name order, case aside");
    // Sorted by score, best first; the table's lines agree with the full rows.
    let lines = index.lines(dir.path(), &all, SortBy::Score, true).expect("lines");
    assert_eq!(lines.first().map(|l| l.total), Some(100.0));
    assert_eq!(lines.last().map(|l| l.total), Some(23.8));

    // Incremental: one new file is read, a removed one drops out.
    save(dir.path(), &call(&minimal, "Anna", true, 7)).expect("saved");
    assert_eq!(index.refresh(dir.path(), None).expect("refresh").read, 1);
    assert_eq!(entries(&index, dir.path(), &all).len(), 8);
    std::fs::remove_file(dir.path().join("notes.txt")).expect("remove");
    let refreshed = index.refresh(dir.path(), None).expect("refresh");
    assert_eq!((refreshed.read, refreshed.removed), (0, 1));
    assert_eq!(index.skipped(dir.path()).expect("skipped").len(), 1);

    let rows = entries(&index, dir.path(), &all);
    let rows: Vec<_> = rows.iter().map(|e| &e.row).collect();
    // CSV: the hostile name cannot run as a formula.
    let table = csv(rows.iter().copied()).expect("csv");
    let header = table.lines().next().expect("a header");
    assert!(header.contains(",persona_name,language,mode,outcome,score,expected_score,passed,"), "{header}");
    assert!(table.lines().nth(1).is_some_and(|row| row.contains(",en,Practice,")), "{table}");
    assert!(table.contains("\"'=HYPERLINK(\"\"http://x\"\")<script>alert(1)</script>\""), "{table}");
    assert!(!table.contains(",=HYPERLINK"));
    // HTML: escaped.
    let html_of = |trainee: &str, lang: Lang| {
        let view = index.trainee_view(dir.path(), trainee).expect("view");
        trainee_html(&view, rows.iter().copied(), lang)
    };
    let html = html_of(hostile, Lang::En);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script>"));
    assert!(html.contains("<svg"));
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\">"), "{html}");
    assert!(html.contains("<h1>Settle training report: "), "{html}");
    // In Polish: the page says so, and its words, scores and plurals are Polish.
    let pl = html_of(hostile, Lang::Pl);
    assert!(pl.starts_with("<!DOCTYPE html><html lang=\"pl\">"), "{pl}");
    assert!(pl.contains("<h1>Raport szkoleniowy Settle: "), "{pl}");
    assert!(pl.contains("<th>Rozmówca</th><th>Najlepszy</th>"), "{pl}");
    assert!(!pl.contains("<script>"));
    let bartek = html_of("Bartek", Lang::Pl);
    assert!(bartek.contains("<p>3 rozmowy, zaliczone: 1 (33%), średni wynik 49,2.</p>"), "{bartek}");
    assert!(bartek.contains("<li>Groźba × 2</li>"), "{bartek}");
    let bartek = html_of("Bartek", Lang::En);
    assert!(bartek.contains("<p>3 calls, 1 passed (33%), mean score 49.2.</p>"), "{bartek}");
    assert!(bartek.contains("<li>Threat × 2</li>"), "{bartek}");
    // xAPI: one statement per call, stable ids, the verb by result.
    let statements = xapi(rows.iter().copied());
    let list = statements.as_array().expect("array");
    assert_eq!(list.len(), 8);
    let again = xapi(rows.iter().copied());
    assert_eq!(statements, again);
    let failed = list.iter().filter(|s| s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/failed").count();
    assert_eq!(failed, 3);
    for s in list {
        assert_eq!(s["context"]["registration"].as_str().map(str::len), Some(36));
        let scaled = s["result"]["score"]["scaled"].as_f64().expect("scaled");
        assert!((0.0..=1.0).contains(&scaled));
    }
}

#[test]
fn a_changed_score_breaks_the_signature() {
    use settle_store::report::sign::{Signature, check, sign};
    use settle_store::report::store::read;
    let dir = tempfile::tempdir().expect("tempdir");
    let key = b"org secret".as_slice();
    let mut report = call(&good("minimal"), "Bartek", false, 1);
    assert_eq!(check(&report, Some(key)), Signature::Unsigned);
    sign(&mut report, key);
    assert_eq!(check(&report, Some(key)), Signature::Valid);
    assert_eq!(check(&report, Some(b"another key".as_slice())), Signature::Mismatch);
    assert_eq!(check(&report, None), Signature::Unchecked);
    let path = save(dir.path(), &report).expect("saved");
    assert_eq!(check(&read(&path).expect("readable"), Some(key)), Signature::Valid);
    // The trainee edits the file by hand to pass.
    let text = std::fs::read_to_string(&path).expect("read");
    // A careful forgery that every field, in the row and in the report, agrees with, so only the
    // signature can tell.
    let forged = text
        .replace("\"total\":23.8", "\"total\":93.8")
        .replace("\"passed\":false", "\"passed\":true")
        .replace("\"fail_reason\":{\"CriticalError\":[\"Threat\",\"Major\"]}", "\"fail_reason\":null");
    assert_eq!(forged.matches("93.8").count(), 2, "{forged}");
    assert_eq!(forged.matches("\"fail_reason\":null").count(), 2, "{forged}");
    std::fs::write(&path, &forged).expect("write");
    // The row shows at once, its signature not yet checked; the check then flags it.
    let mut index = Index::open_in_memory().expect("index");
    index.refresh(dir.path(), Some(key)).expect("refresh");
    let lines = index.lines(dir.path(), &Filter::default(), SortBy::Date, true).expect("lines");
    assert_eq!((lines.len(), lines[0].total, lines[0].signature), (1, 93.8, Signature::Pending));
    let index = indexed(dir.path(), Some(key));
    let lines = index.lines(dir.path(), &Filter::default(), SortBy::Date, true).expect("lines");
    assert_eq!((lines[0].total, lines[0].signature), (93.8, Signature::Mismatch));
}

#[test]
fn the_index_file_reads_only_new_and_changed_files_and_rechecks_for_another_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = tempfile::tempdir().expect("tempdir");
    let db = settle_store::report::index::default_index_path(data.path());
    let minimal = good("minimal");
    for day in 0..5 {
        save(dir.path(), &call(&minimal, "Anna", day % 2 == 0, day)).expect("saved");
    }
    // Files written this second are read again at the next refresh (a write in the same tick
    // of the clock could follow); older ones are not.
    std::thread::sleep(settle_store::report::index::db::RACY);
    let mut first = Index::open(&db).expect("index");
    assert_eq!(first.refresh(dir.path(), None).expect("refresh").read, 5);
    let before = entries(&first, dir.path(), &Filter::default());
    drop(first);
    let mut again = Index::open(&db).expect("index");
    assert_eq!(again.refresh(dir.path(), None).expect("refresh").read, 0, "all five come from the index");
    assert_eq!(entries(&again, dir.path(), &Filter::default()), before);
    // A changed file is read again.
    let changed = &before[0].path;
    let text = std::fs::read_to_string(changed).expect("read");
    std::fs::write(changed, format!("{text}\n")).expect("write");
    assert_eq!(again.refresh(dir.path(), None).expect("refresh").read, 1);
    // Another signing key: the verdicts go back to be checked again; the rows stay.
    while again.verify(dir.path(), None, 64).expect("verify").remaining > 0 {}
    assert_eq!(again.pending_signatures(dir.path()).expect("pending"), 0);
    again.refresh(dir.path(), Some(b"k")).expect("refresh");
    assert_eq!(again.pending_signatures(dir.path()).expect("pending"), 5);
    // A damaged index file is rebuilt, not trusted.
    drop(again);
    std::fs::write(&db, "not a database, not at all: sixteen bytes and more").expect("write");
    let mut rebuilt = Index::open(&db).expect("a new index in its place");
    assert_eq!(rebuilt.refresh(dir.path(), None).expect("refresh").read, 5);
}
