//! A session on the test personas with temporary folders and a clock that ticks a minute per
//! reading, so every time in a report is known.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, TimeZone, Utc};

use settle_core::call::{Choice, Mode};
use settle_core::load::Library;
use settle_core::wrapup::{SelfAssessment, WrapUp};
use settle_lrs::outbox::Outbox;
use settle_store::report::sign::{Signature, check};

use crate::{CallSession, NewCall, Queueing, Saving, SessionConfig};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn library() -> Library {
    settle_store::library::load_dir(&root().join("tests/data/good"), &root().join("tests/data/assets"))
        .expect("the test personas load")
}

fn call(library: &Library, persona: &str) -> NewCall {
    let persona = Arc::clone(library.find(persona).expect("a test persona"));
    NewCall { persona, mode: Mode::Practice, seed: Some(5), trainee: "Anna Kowalska".into() }
}

fn nine_o_clock() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).single().expect("a valid time")
}

/// 09:00, 09:01, 09:02, ... one minute per reading.
fn ticking_clock() -> impl Fn() -> DateTime<Utc> + Send + Sync {
    let minutes = AtomicI64::new(0);
    move || nine_o_clock() + chrono::Duration::minutes(minutes.fetch_add(1, Ordering::SeqCst))
}

fn config(dir: &Path) -> SessionConfig {
    SessionConfig {
        journal: Some(dir.join("data/current-call.ron")),
        reports: Some(dir.join("reports")),
        org_key: Some(b"org-key".to_vec()),
        outbox: Some(Outbox::new(dir.join("data/lrs-outbox"))),
        clock: Arc::new(crate::SystemClock),
    }
    .with_clock(ticking_clock())
}

fn journal_exists(config: &SessionConfig) -> bool {
    config.journal.as_ref().is_some_and(|p| p.exists())
}

#[test]
fn a_finished_call_is_signed_queued_and_saved_and_its_journal_cleared() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = config(dir.path());
    let library = library();
    let started = CallSession::start(call(&library, "minimal"), config.clone());
    started.journaled.expect("journaled at the start");
    assert!(!started.events.is_empty(), "the debtor opens");
    let mut session = started.session;
    assert!(journal_exists(&config));
    let turned = session.choose_listed(1).expect("offered");
    turned.journaled.expect("journaled");
    let waiting = CallSession::waiting(&config).expect("readable").expect("a journal");
    assert_eq!(waiting.choices.len(), 1, "every turn is on disk");
    session.choose_listed(1).expect("offered").journaled.expect("journaled");
    assert!(session.is_over());

    let assessment = SelfAssessment { expected_score: Some(80), ..SelfAssessment::default() };
    let finished = session.finish(WrapUp::default(), assessment).expect("the call is over");
    let report = &finished.report;
    assert_eq!(report.trainee, "Anna Kowalska");
    assert_eq!(report.started_at, nine_o_clock(), "stamped by the given clock");
    assert_eq!(report.ended_at, nine_o_clock() + chrono::Duration::minutes(1));
    assert_eq!(report.self_assessment.as_ref().and_then(|a| a.expected_score), Some(80));
    assert_eq!(check(report, Some(b"org-key")), Signature::Valid);
    assert_eq!(check(report, Some(b"another")), Signature::Mismatch);
    assert!(matches!(finished.queued, Queueing::Queued), "{:?}", finished.queued);
    let queued = config.outbox.as_ref().expect("an outbox").pending();
    assert_eq!(queued.len(), 1);
    assert_eq!(queued[0].batch.call, report.id);
    let Saving::Saved(path) = &finished.saved else { panic!("not saved: {:?}", finished.saved) };
    assert_eq!(&settle_store::report::store::read(path).expect("readable"), report);
    assert!(!journal_exists(&config), "the journal is cleared once the report is saved");
}

#[test]
fn a_call_interrupted_after_some_turns_resumes_to_the_same_state() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = config(dir.path());
    let library = library();
    let mut session = CallSession::start(call(&library, "branching"), config.clone()).session;
    for _ in 0..3 {
        session.silence().expect("silence keeps the call going").journaled.expect("journaled");
    }
    assert!(!session.is_over());
    let before = session.engine().clone();
    let (id, started_at) = (session.id(), session.started_at());
    // The process dies here: nothing but the journal survives.
    drop(session);

    let journal = CallSession::waiting(&config).expect("readable").expect("a journal");
    let mut resumed = CallSession::resume(&journal, &library, config.clone()).expect("resumes");
    assert_eq!(resumed.id(), id);
    assert_eq!(resumed.started_at(), started_at);
    assert_eq!(resumed.trainee(), "Anna Kowalska");
    assert_eq!(resumed.engine().turns(), before.turns());
    assert_eq!(resumed.engine().node(), before.node());
    assert_eq!(resumed.engine().moods(), before.moods());
    assert_eq!(resumed.engine().debtor_line(), before.debtor_line());
    // And it goes on as the uninterrupted call would have.
    let mut uninterrupted = before;
    let expected = uninterrupted.apply(Choice::Silence).expect("silence");
    assert_eq!(resumed.silence().expect("silence").events, expected);
}

#[test]
fn a_report_that_cannot_be_saved_keeps_the_journal_and_is_still_returned() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut config = config(dir.path());
    // A file where the reports folder should be: creating it fails even for root, whom a
    // read-only folder would not stop.
    let blocked = dir.path().join("not-a-folder");
    std::fs::write(&blocked, "a file").expect("write");
    config.reports = Some(blocked.clone());
    let library = library();
    let mut session = CallSession::start(call(&library, "minimal"), config.clone()).session;
    while !session.is_over() {
        session.choose_listed(1).expect("offered");
    }
    let finished = session.finish(WrapUp::default(), SelfAssessment::default()).expect("over");
    assert!(matches!(finished.saved, Saving::Failed(_)), "{:?}", finished.saved);
    assert!(matches!(finished.queued, Queueing::Queued), "queued before the save failed");
    assert!(journal_exists(&config), "the journal stays until the report is saved");
    assert_eq!(finished.report.score.turns, 2);

    // The folder comes back: saving again works and only then clears the journal.
    std::fs::remove_file(&blocked).expect("remove");
    assert!(matches!(config.save(&finished.report), Saving::Saved(_)));
    assert!(!journal_exists(&config));
}

#[test]
fn finishing_a_call_that_is_not_over_hands_the_session_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = config(dir.path());
    let library = library();
    let session = CallSession::start(call(&library, "minimal"), config.clone()).session;
    let back = session.finish(WrapUp::default(), SelfAssessment::default()).expect_err("not over");
    assert_eq!(back.0.engine().turns().len(), 0);
    assert!(journal_exists(&config), "nothing was filed");
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1, "only the data folder");
}

#[test]
fn the_config_comes_from_the_settings_and_folders() {
    use settle_store::folders::Folders;
    use settle_store::settings::Settings;
    let folders = Folders::at("/data");
    let settings = Settings {
        reports_dir: "/shared/reports".into(),
        org_key: "k".into(),
        lrs_endpoint: "http://lrs.example/xAPI/".into(),
        ..Settings::default()
    };
    let flag = Path::new("/flag");
    let config = SessionConfig::decide(&folders, &settings, Some(flag));
    assert_eq!(config.journal.as_deref(), Some(Path::new("/data/current-call.ron")));
    assert_eq!(config.reports.as_deref(), Some(flag));
    assert_eq!(config.outbox.as_ref().map(Outbox::dir), Some(Path::new("/data/lrs-outbox")));
    assert!(!format!("{config:?}").contains("\"k\""), "the key stays out of logs");
    let off = SessionConfig::decide(&folders, &Settings::default(), Some(flag));
    // Without an LRS (unless the environment names one) nothing is queued.
    if std::env::var_os(settle_lrs::ENDPOINT_ENV).is_none() {
        assert!(off.outbox.is_none());
    }
}

#[test]
fn a_concluded_call_is_signed_but_touches_no_file_until_it_is_filed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = config(dir.path());
    let library = library();
    let mut session = CallSession::start(call(&library, "minimal"), config.clone()).session;
    session.choose_listed(1).expect("offered");
    session.choose_listed(1).expect("offered");
    let concluded = session.conclude(WrapUp::default(), SelfAssessment::default()).expect("over");
    assert_eq!(check(&concluded.report, Some(b"org-key")), Signature::Valid, "signed before it is shown");
    assert!(!dir.path().join("reports").exists(), "nothing saved yet");
    assert!(journal_exists(&config), "the journal keeps the call until it is saved");
    // The app's way: queued and stored on another thread, the journal left for it to clear.
    assert!(matches!(concluded.config.queue(&concluded.report), Queueing::Queued));
    let Saving::Saved(path) = concluded.config.store(&concluded.report) else { panic!("saved") };
    assert!(path.exists());
    assert!(journal_exists(&config), "store leaves the journal");
    CallSession::discard(&concluded.config);
    assert!(!journal_exists(&config));
}
