//! The managers' index and exports on a generated report set whose numbers are known.

use std::sync::Arc;

use chrono::{Duration, TimeZone, Utc};
use settle_core::Persona;
use settle_core::call::Mode;
use settle_core::engine::CallEngine;
use settle_core::vocabulary::ViolationKind;
use settle_core::wrapup::WrapUp;
use settle_i18n::Lang;
use settle_store::report::export::{csv, trainee_html, xapi};
use settle_store::report::index::{FailureKind, Filter, ReportIndex, persona_view, summary, trainee_view};
use settle_store::report::store::save;
use settle_store::report::{CallId, CallTimes, Report};

use crate::common::good;

/// Plays `minimal` by reply 1 then 1 (promise, 100 with a correct wrap-up) or by reply 2
/// (the threat: 23.8, failed), `day` days after 1 November.
fn call(persona: &Arc<Persona>, trainee: &str, good_path: bool, day: i64) -> Report {
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

    let mut index = ReportIndex::open(dir.path(), None);
    assert_eq!(index.rows.len(), 7);
    assert_eq!(index.skipped.len(), 2, "{:?}", index.skipped);

    let s = summary(&index.rows);
    assert_eq!((s.calls, s.passed), (7, 4));
    assert!((s.pass_rate - 4.0 / 7.0).abs() < 1e-12);
    // 4 × 100 + 3 × 23.8 = 471.4, over 7.
    assert!((s.mean_score - 471.4 / 7.0).abs() < 1e-9, "{}", s.mean_score);
    // The threat is a critical error.
    assert_eq!(s.top_failure, Some((FailureKind::CriticalError(ViolationKind::Threat), 3)));

    let bartek = trainee_view(&index.rows, "bartek");
    assert_eq!(bartek.summary.calls, 3);
    assert_eq!(bartek.violations, vec![(ViolationKind::Threat, 2)]);
    assert_eq!(bartek.best_and_last.values().next(), Some(&(100.0, 23.8)));

    let persona = persona_view(&index.rows, &minimal.id);
    assert_eq!(persona.histogram[9], 4);
    assert_eq!(persona.histogram[2], 3);
    assert_eq!(persona.costly_replies.len(), 1);
    assert_eq!(persona.costly_replies[0].1, 3);
    assert_eq!(persona.costly_replies[0].0.0.0, "opening");

    let filter = Filter { passed: Some(false), ..Filter::default() };
    assert_eq!(index.rows.iter().filter(|r| filter.matches(r)).count(), 3);
    let filter = Filter { text: "ann".into(), ..Filter::default() };
    assert_eq!(index.rows.iter().filter(|r| filter.matches(r)).count(), 3);

    // Incremental: one new file is read, a removed one drops out.
    save(dir.path(), &call(&minimal, "Anna", true, 7)).expect("saved");
    assert_eq!(index.refresh(), 1);
    assert_eq!(index.rows.len(), 8);
    std::fs::remove_file(dir.path().join("notes.txt")).expect("remove");
    assert_eq!(index.refresh(), 0);
    assert_eq!(index.skipped.len(), 1);

    // CSV: the hostile name cannot run as a formula.
    let table = csv(&index.rows).expect("csv");
    let header = table.lines().next().expect("a header");
    assert!(header.contains(",persona_name,language,mode,outcome,score,expected_score,passed,"), "{header}");
    assert!(table.lines().nth(1).is_some_and(|row| row.contains(",en,Practice,")), "{table}");
    assert!(table.contains("\"'=HYPERLINK(\"\"http://x\"\")<script>alert(1)</script>\""), "{table}");
    assert!(!table.contains(",=HYPERLINK"));
    // HTML: escaped.
    let html = trainee_html(&index.rows, hostile, Lang::En);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<script>"));
    assert!(html.contains("<svg"));
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\">"), "{html}");
    assert!(html.contains("<h1>Settle training report: "), "{html}");
    // In Polish: the page says so, and its words, scores and plurals are Polish.
    let pl = trainee_html(&index.rows, hostile, Lang::Pl);
    assert!(pl.starts_with("<!DOCTYPE html><html lang=\"pl\">"), "{pl}");
    assert!(pl.contains("<h1>Raport szkoleniowy Settle: "), "{pl}");
    assert!(pl.contains("<th>Rozmówca</th><th>Najlepszy</th>"), "{pl}");
    assert!(!pl.contains("<script>"));
    let bartek = trainee_html(&index.rows, "Bartek", Lang::Pl);
    assert!(bartek.contains("<p>3 rozmowy, zaliczone: 1 (33%), średni wynik 49,2.</p>"), "{bartek}");
    assert!(bartek.contains("<li>Groźba × 2</li>"), "{bartek}");
    let bartek = trainee_html(&index.rows, "Bartek", Lang::En);
    assert!(bartek.contains("<p>3 calls, 1 passed (33%), mean score 49.2.</p>"), "{bartek}");
    assert!(bartek.contains("<li>Threat × 2</li>"), "{bartek}");
    // xAPI: one statement per call, stable ids, the verb by result.
    let statements = xapi(&index.rows);
    let list = statements.as_array().expect("array");
    assert_eq!(list.len(), 8);
    let again = xapi(&index.rows);
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
    // A careful forgery that every field agrees with, so only the signature can tell.
    let forged = text
        .replacen("total: 23.8", "total: 93.8", 1)
        .replacen("passed: false", "passed: true", 1)
        .replacen("fail_reason: Some(CriticalError(Threat, Major))", "fail_reason: None", 1);
    assert_eq!(forged.matches("93.8").count(), 1);
    assert!(forged.contains("fail_reason: None"), "{forged}");
    std::fs::write(&path, &forged).expect("write");
    let index = ReportIndex::open(dir.path(), Some(key.to_vec()));
    assert_eq!(index.rows.len(), 1);
    assert_eq!(index.rows[0].total, 93.8);
    assert_eq!(index.rows[0].signature, Signature::Mismatch);
}

#[test]
fn the_row_cache_skips_unchanged_files_and_rereads_changed_ones() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = tempfile::tempdir().expect("tempdir").keep().join("rows.json");
    let minimal = good("minimal");
    for day in 0..5 {
        save(dir.path(), &call(&minimal, "Anna", day % 2 == 0, day)).expect("saved");
    }
    let mut first = ReportIndex::open_cached(dir.path(), None, cache.clone());
    assert_eq!((first.rows.len(), first.parsed_last), (5, 5));
    // The cache is written in the background; an open meanwhile would only read more files.
    first.finish_cache_write();
    let again = ReportIndex::open_cached(dir.path(), None, cache.clone());
    assert_eq!((again.rows.len(), again.parsed_last), (5, 0), "all five come from the cache");
    let mut a: Vec<_> = first.rows.iter().map(|r| (r.id, r.total)).collect();
    let mut b: Vec<_> = again.rows.iter().map(|r| (r.id, r.total)).collect();
    a.sort_by_key(|x| x.0);
    b.sort_by_key(|x| x.0);
    assert_eq!(a, b);
    // A changed file is read again; a damaged cache is ignored, not trusted.
    let changed = &again.rows[0].path;
    let text = std::fs::read_to_string(changed).expect("read");
    std::fs::write(changed, format!("{text}\n")).expect("write");
    let mut third = ReportIndex::open_cached(dir.path(), None, cache.clone());
    assert_eq!(third.parsed_last, 1);
    third.finish_cache_write();
    std::fs::write(&cache, "{ not json").expect("write");
    let fourth = ReportIndex::open_cached(dir.path(), None, cache.clone());
    assert_eq!((fourth.rows.len(), fourth.parsed_last), (5, 5));
    // Another signing key: the cached verdicts do not apply.
    let keyed = ReportIndex::open_cached(dir.path(), Some(b"k".to_vec()), cache);
    assert_eq!(keyed.parsed_last, 5);
}
