//! The real app driven through egui_kittest by the labels a person reads: a whole call from
//! the library to the debrief (saved in the background), resuming an interrupted call, the
//! settings screen, the dashboard kept while a call is opened from it, and the Polish
//! interface.

use std::path::PathBuf;
use std::sync::Arc;

use chrono::NaiveDate;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use settle_app::{AppConfig, CallState, DebriefState, Route, SettleApp};
use settle_core::call::Mode;
use settle_core::engine::CallEngine;
use settle_core::money::Money;
use settle_core::outcome::{NextStep, Outcome};
use settle_core::persona::ReplyIdx;
use settle_core::scoring::score;
use settle_core::wrapup::WrapUp;

use crate::common::good;

struct Folders {
    _root: tempfile::TempDir,
    reports: PathBuf,
    data: PathBuf,
}

fn folders() -> Folders {
    let root = tempfile::tempdir().expect("tempdir");
    let reports = root.path().join("reports");
    let data = root.path().join("data");
    Folders { _root: root, reports, data }
}

fn harness(folders: &Folders) -> Harness<'static, SettleApp> {
    harness_on(folders, PathBuf::from("tests/data/good"))
}

/// The app on a persona folder of the test's choosing.
fn harness_on(folders: &Folders, dialogues: PathBuf) -> Harness<'static, SettleApp> {
    let config = AppConfig {
        dialogues: Some(dialogues),
        assets: PathBuf::from("tests/data/assets"),
        bundled: false,
        reports_flag: Some(folders.reports.clone()),
        data_dir: folders.data.clone(),
    };
    harness_with(config)
}

/// The app on folders of the test's choosing.
fn harness_with(config: AppConfig) -> Harness<'static, SettleApp> {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| SettleApp::new(cc, config));
    harness.run();
    harness
}

/// Library → briefing (typing the trainee's name there) → the call started.
fn start_minimal_call(harness: &mut Harness<'_, SettleApp>) {
    // As a person would, scroll to the card when it is below the fold.
    harness.get_by_label("Prepare the call with Jan Nowak").scroll_to_me();
    harness.run();
    harness.get_by_label("Prepare the call with Jan Nowak").click();
    harness.run();
    assert!(harness.query_by_label_contains("Briefing: Jan Nowak").is_some());
    start_call_as(harness, "Anna Kowalska");
}

/// On the briefing: the trainee's name, then the call.
fn start_call_as(harness: &mut Harness<'_, SettleApp>, trainee: &str) {
    let name = harness.get_by_role_and_label(Role::TextInput, "Trainee");
    name.focus();
    name.type_text(trainee);
    harness.run();
    harness.get_by_label("Start call").click();
    harness.run();
}

/// A whole call with the first replies and an empty wrap-up, up to the debrief.
fn play_minimal_call_to_the_debrief(harness: &mut Harness<'_, SettleApp>) {
    start_minimal_call(harness);
    reply(harness, GOOD_OPENING);
    choose(harness, egui::Key::Num1);
    harness.get_by_label("Continue to wrap-up").click();
    harness.run();
    harness.get_by_label("Save and see the debrief").click();
    harness.run();
}

/// The debrief on screen.
fn debrief<'a>(harness: &'a Harness<'_, SettleApp>) -> &'a DebriefState {
    let state = &harness.state().state;
    assert_eq!(state.route, Route::Debrief, "the debrief is showing");
    state.debrief.as_deref().expect("a debrief")
}

/// The call on screen.
fn call<'a>(harness: &'a Harness<'_, SettleApp>) -> &'a CallState {
    let state = &harness.state().state;
    assert_eq!(state.route, Route::Call, "the call is on");
    state.call.as_deref().expect("a call")
}

/// Lets the dashboard's index finish in the background (read the folder, check signatures,
/// answer the last query), then draws the answer.
fn wait_for_reports(harness: &mut Harness<'_, SettleApp>) {
    for _ in 0..2000 {
        let state = &harness.state().state;
        let settled =
            state.route != Route::Dashboard || state.dashboard.as_ref().is_none_or(|d| !d.state.busy());
        harness.run();
        if settled {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    harness.run();
}

/// Whether some node carries exactly this label (a value may be shown in several places).
fn shows(harness: &Harness<'_, SettleApp>, label: &str) -> bool {
    harness.query_all_by_label(label).next().is_some()
}

fn choose(harness: &mut Harness<'_, SettleApp>, key: egui::Key) {
    harness.key_press(key);
    harness.run();
}

/// Clicks the reply that begins with `text`, wherever the shuffled order put it.
fn reply(harness: &mut Harness<'_, SettleApp>, text: &str) {
    harness.get_by_label_contains(&format!(". {text}")).click();
    harness.run();
}

/// The minimal persona's good opening reply, then the only reply of its second turn.
const GOOD_OPENING: &str = "Good morning, Mr Nowak.";

fn type_into(harness: &mut Harness<'_, SettleApp>, label: &str, text: &str) {
    let field = harness.get_by_role_and_label(Role::TextInput, label);
    field.focus();
    field.type_text(text);
    harness.run();
}

fn pick(harness: &mut Harness<'_, SettleApp>, combo: &str, option: &str) {
    harness.get_by_label(combo).click();
    harness.run();
    harness.get_by_label(option).click();
    harness.run();
}

#[test]
fn a_whole_call_reaches_the_debrief_with_the_cores_score() {
    let folders = folders();
    let mut harness = harness(&folders);
    start_minimal_call(&mut harness);
    assert!(harness.query_by_label("Nowak speaking.").is_some());
    reply(&mut harness, GOOD_OPENING);
    // The second turn offers one reply: the number key takes it.
    choose(&mut harness, egui::Key::Num1);
    assert!(harness.query_by_label("The call is over.").is_some());
    harness.get_by_label("Continue to wrap-up").click();
    harness.run();
    pick(&mut harness, "Outcome", "Promise to pay");
    type_into(&mut harness, "Agreed amount (PLN)", "1200");
    type_into(&mut harness, "First due date", "2026-11-27");
    pick(&mut harness, "Next step", "Monitor the payment");
    harness.get_by_label("Save and see the debrief").click();
    harness.run();

    // The same seed and replies in the core, with the same wrap-up.
    let seed = debrief(&harness).report.seed;
    let persona = good("minimal");
    let (mut engine, _) = CallEngine::start(Arc::clone(&persona), Mode::Practice, seed);
    engine.choose(ReplyIdx(0)).expect("offered");
    engine.choose(ReplyIdx(0)).expect("offered");
    let wrap_up = WrapUp {
        outcome: Some(Outcome::PromiseToPay),
        amount: Some(Money::from_major(1200)),
        instalments: None,
        first_due: NaiveDate::from_ymd_opt(2026, 11, 27),
        call_back: None,
        next_step: Some(NextStep::MonitorPayment),
        note: String::new(),
    };
    let card = score(&persona.target, engine.turns(), engine.end().expect("over"), &wrap_up);
    assert_eq!(card.total, 100.0);
    let total = format!("Total {:.1} / 100", card.total);
    assert!(harness.query_by_label(&total).is_some(), "{total} is shown");
    assert!(harness.query_by_label("PASSED").is_some());
    let style = format!(
        "Style map: {}, empathy {:+.2}, firmness {:+.2}",
        "Collaborating", card.style_point.empathy, card.style_point.firmness
    );
    assert!(harness.query_by_role_and_label(Role::Image, &style).is_some(), "the style map reads {style}");
    assert!(shows(&harness, &style), "{style} is written under the map");
    // The report is saved in the background while the debrief shows, then the journal cleared.
    wait_for_label(&mut harness, "Report saved:");
    let saved: Vec<_> = std::fs::read_dir(&folders.reports).expect("reports").collect();
    assert_eq!(saved.len(), 1);
    assert!(!folders.data.join("current-call.ron").exists());
}

#[test]
fn an_interrupted_call_is_offered_for_resuming_and_goes_on_where_it_stopped() {
    let folders = folders();
    {
        let mut harness = harness(&folders);
        start_minimal_call(&mut harness);
        reply(&mut harness, GOOD_OPENING);
        assert!(harness.query_by_label("Oh, I missed it. I'll transfer it on Friday.").is_some());
        // The window closes here, mid-call.
    }
    assert!(folders.data.join("current-call.ron").exists());
    // The name typed in the app is in the settings file `settle play` reads too.
    let shared = settle_store::settings::load(&folders.data.join("settings.json")).expect("readable");
    assert_eq!(shared.map(|s| s.trainee), Some("Anna Kowalska".to_string()));
    let mut harness = harness(&folders);
    assert!(harness.query_by_label_contains("An interrupted call is waiting").is_some());
    harness.get_by_label("Resume call").click();
    harness.run();
    assert!(harness.query_by_label("Oh, I missed it. I'll transfer it on Friday.").is_some());
    assert!(harness.query_by_label_contains("Good morning, Mr Nowak.").is_some());
    choose(&mut harness, egui::Key::Num1);
    assert!(harness.query_by_label("The call is over.").is_some());
    assert_eq!(call(&harness).session.engine().turns().len(), 2);
    assert_eq!(harness.state().state.settings.trainee, "Anna Kowalska");
}

#[test]
fn switching_to_polish_translates_the_interface() {
    let folders = folders();
    let mut harness = harness(&folders);
    assert!(harness.query_by_label("Persona library").is_some());
    harness.get_by_label("Polski").click();
    harness.run();
    assert!(harness.query_by_label("Biblioteka rozmówców").is_some());
    assert!(harness.query_by_label("Przygotuj rozmowę: Jan Nowak").is_some());
    assert!(harness.query_by_label("Persona library").is_none());
    harness.get_by_label("Przygotuj rozmowę: Jan Nowak").click();
    harness.run();
    assert!(harness.query_by_label("Rozpocznij rozmowę").is_some());
    assert!(harness.query_by_label("Faktury").is_some());
    assert!(shows(&harness, "1\u{a0}200,00 zł"));
}

#[test]
fn an_assessment_call_hides_the_moods_and_uses_the_personas_seed() {
    let folders = folders();
    let mut harness = harness(&folders);
    harness.get_by_label("Assessment").click();
    harness.run();
    start_minimal_call(&mut harness);
    assert!(harness.query_by_label("Moods are hidden in an assessment call.").is_some());
    assert!(harness.query_by_label("Trust").is_none());
    assert_eq!(call(&harness).session.engine().seed(), 7);
}

#[test]
fn the_authoring_panel_shows_a_diagnostic_and_clears_it_when_the_file_is_fixed() {
    let folders = folders();
    let dialogues = folders.data.parent().expect("root").join("dialogues");
    std::fs::create_dir_all(&dialogues).expect("mkdir");
    std::fs::copy("tests/data/good/minimal.ron", dialogues.join("minimal.ron")).expect("copy");
    let broken = std::fs::read_to_string("tests/data/bad/unknown_target.ron").expect("read");
    let broken = broken.replace("id: \"minimal\"", "id: \"draft\"");
    std::fs::write(dialogues.join("draft.ron"), &broken).expect("write");
    let mut harness = harness_on(&folders, dialogues.clone());
    // The broken persona is not offered; the good one still is.
    assert!(harness.query_by_label("Prepare the call with Jan Nowak").is_some());
    harness.get_by_label("Trainer tools").click();
    harness.run();
    harness.get_by_label("draft.ron").click();
    harness.run();
    let location =
        format!("{}:65:27: node `end_promis` does not exist", dialogues.join("draft.ron").display());
    assert!(shows(&harness, &location), "{location}");
    assert!(shows(&harness, "not playable until the errors are fixed"));
    // The trainer fixes the typo and saves: the file reloads by itself.
    std::fs::write(dialogues.join("draft.ron"), broken.replace("end_promis\"", "end_promise\""))
        .expect("write");
    let start = std::time::Instant::now();
    while !shows(&harness, "playable") {
        assert!(start.elapsed() < std::time::Duration::from_secs(5), "no reload within 5 s");
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.step();
    }
    assert!(shows(&harness, "No problems found."));
}

/// Saves a finished `minimal` call for `trainee` into `folder`: the promise (passed) or the
/// threat (failed).
fn saved_call(folder: &std::path::Path, trainee: &str, passed: bool) {
    let persona = good("minimal");
    let (mut engine, _) = CallEngine::start(Arc::clone(&persona), Mode::Practice, 1);
    for n in if passed { &[1usize, 1][..] } else { &[2usize][..] } {
        engine.choose_listed(*n).expect("offered");
    }
    let now = chrono::Utc::now();
    let times = settle_store::report::CallTimes { started_at: now, ended_at: now };
    let wrap_up = WrapUp::matching(engine.end().expect("over"));
    let report = settle_store::report::Report::new(
        &engine,
        trainee,
        wrap_up,
        times,
        settle_store::report::CallId::new(),
    )
    .expect("over");
    settle_store::report::store::save(folder, &report).expect("saved");
}

#[test]
fn the_reports_dashboard_filters_its_table_and_opens_a_call() {
    let folders = folders();
    saved_call(&folders.reports, "Anna Kowalska", true);
    saved_call(&folders.reports, "Anna Kowalska", true);
    saved_call(&folders.reports, "Bartek Zieliński", false);
    std::fs::write(folders.reports.join("damaged.ron"), "Report(").expect("write");
    let mut harness = harness(&folders);
    harness.get_by_label("Reports").click();
    harness.run();
    wait_for_reports(&mut harness);
    assert_eq!(harness.query_all_by_label("Anna Kowalska").count(), 2);
    assert_eq!(harness.query_all_by_label("Bartek Zieliński").count(), 1);
    assert!(shows(&harness, "1 file skipped"));
    assert!(shows(&harness, "67%"), "two of three passed");
    harness.get_by_label("Failed").click();
    harness.run();
    wait_for_reports(&mut harness);
    assert_eq!(harness.query_all_by_label("Anna Kowalska").count(), 0);
    assert_eq!(harness.query_all_by_label("Bartek Zieliński").count(), 1);
    assert!(shows(&harness, "0%"));
    // Open the failed call in the debrief view.
    harness.get_by_label("Bartek Zieliński").click();
    harness.run();
    harness.get_by_label("Open the call").click();
    harness.run();
    assert!(shows(&harness, "Total 23.8 / 100"));
    assert!(shows(&harness, "Back to reports"));
}

#[test]
fn the_reports_dashboard_filters_by_date() {
    let folders = folders();
    saved_call(&folders.reports, "Anna Kowalska", true);
    let mut harness = harness(&folders);
    harness.get_by_label("Reports").click();
    harness.run();
    wait_for_reports(&mut harness);
    assert_eq!(harness.query_all_by_label("Anna Kowalska").count(), 1);
    type_into(&mut harness, "From", "2099-01-01");
    wait_for_reports(&mut harness);
    assert_eq!(harness.query_all_by_label("Anna Kowalska").count(), 0, "no call on or after 2099");
    assert!(shows(&harness, "0"), "the calls tile counts none");
}

#[test]
fn a_report_that_cannot_be_saved_is_kept_and_saved_on_retry() {
    let folders = folders();
    // The reports "folder" is a file: creating it fails, as on a read-only or missing share.
    std::fs::write(&folders.reports, "not a folder").expect("write");
    let mut harness = harness(&folders);
    play_minimal_call_to_the_debrief(&mut harness);
    wait_for_label(&mut harness, "The report could not be saved");
    assert!(folders.data.join("current-call.ron").exists(), "the journal stays until the report is saved");
    // The share comes back; the report kept in memory is saved on retry.
    std::fs::remove_file(&folders.reports).expect("remove");
    harness.get_by_label("Try saving again").click();
    harness.run();
    wait_for_label(&mut harness, "Report saved:");
    assert_eq!(std::fs::read_dir(&folders.reports).expect("created").count(), 1);
    assert!(!folders.data.join("current-call.ron").exists());
}

/// A one-shot xAPI endpoint on loopback: answers the first POST with 200 and hands back the
/// request's text.
fn one_post_server(listener: std::net::TcpListener) -> std::thread::JoinHandle<String> {
    use std::io::{BufRead, BufReader, Read, Write};
    std::thread::spawn(move || {
        let (stream, _) = listener.accept().expect("a connection");
        let mut reader = BufReader::new(stream);
        let (mut head, mut length) = (String::new(), 0usize);
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).expect("a header line");
            if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = value.trim().parse().expect("a length");
            }
            head.push_str(&line);
            if line == "\r\n" {
                break;
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).expect("the body");
        let answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n[]";
        reader.get_mut().write_all(answer.as_bytes()).expect("answered");
        head + &String::from_utf8_lossy(&body)
    })
}

/// Steps the app until `label` shows up (the courier works on its own thread).
fn wait_for_label(harness: &mut Harness<'_, SettleApp>, label: &str) {
    let start = std::time::Instant::now();
    while harness.query_by_label_contains(label).is_none() {
        assert!(start.elapsed() < std::time::Duration::from_secs(20), "{label} never showed");
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.run();
    }
}

#[test]
fn a_finished_call_waits_for_the_lrs_and_is_sent_when_it_answers() {
    let folders = folders();
    let mut harness = harness(&folders);
    // Nothing listens on the port yet: the LRS is "down".
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("port").local_addr().expect("addr").port();
    harness.get_by_label("Settings").click();
    harness.run();
    assert!(shows(&harness, "Learning record store (xAPI): off"));
    type_into(&mut harness, "Endpoint", &format!("http://127.0.0.1:{port}/xAPI/"));
    type_into(&mut harness, "Key", "settle");
    let secret = harness.get_by_role_and_label(Role::PasswordInput, "Secret");
    secret.focus();
    secret.type_text("s3cret");
    harness.run();
    harness.key_press(egui::Key::Tab);
    harness.run();
    harness.get_by_label("Back to library").click();
    harness.run();
    play_minimal_call_to_the_debrief(&mut harness);
    // The debrief says where the call went once it is queued (on the saving thread).
    wait_for_label(&mut harness, "1 call waiting: the LRS cannot be reached");
    let queued: Vec<_> = std::fs::read_dir(folders.data.join("lrs-outbox")).expect("outbox").collect();
    assert_eq!(queued.len(), 1, "the call is queued on disk");

    harness.get_by_label("Back to library").click();
    harness.run();
    harness.get_by_label("Settings").click();
    harness.run();
    wait_for_label(&mut harness, "1 call waiting: the LRS cannot be reached");

    // The LRS comes up; "Send now" delivers without waiting for the next retry.
    let server = one_post_server(std::net::TcpListener::bind(("127.0.0.1", port)).expect("the same port"));
    harness.get_by_label("Send now").click();
    harness.run();
    wait_for_label(&mut harness, "Every finished call has been sent");
    let request = server.join().expect("the server saw the POST");
    assert!(request.starts_with("POST /xAPI/statements HTTP/1.1"), "{request}");
    let lower = request.to_ascii_lowercase();
    // Basic base64("settle:s3cret")
    assert!(lower.contains("authorization: basic ") && request.contains("c2V0dGxlOnMzY3JldA=="), "{request}");
    assert!(lower.contains("x-experience-api-version: 1.0.3"), "{request}");
    assert!(request.contains("\"name\":\"Anna Kowalska\""), "{request}");
    assert!(request.contains("http://adlnet.gov/expapi/verbs/answered"), "{request}");
    let left = std::fs::read_dir(folders.data.join("lrs-outbox")).expect("outbox");
    assert_eq!(left.filter_map(Result::ok).filter(|e| e.path().is_file()).count(), 0, "the queue is empty");
}

#[test]
fn one_card_per_persona_lists_its_languages_and_the_briefing_switches_the_call_language() {
    let folders = folders();
    let mut harness = harness_on(&folders, PathBuf::from("tests/data/languages"));
    assert_eq!(harness.query_all_by_label("Prepare the call with Jan Nowak").count(), 1, "one card");
    assert!(harness.query_by_label("EN · PL").is_some(), "the card lists both languages");
    harness.get_by_label("Prepare the call with Jan Nowak").click();
    harness.run();
    // The interface is English, so is the call; Polish is one click away.
    assert!(shows(&harness, "A buyer who simply forgot an invoice."));
    harness.get_by_label("Polish").click();
    harness.run();
    assert!(shows(&harness, "Kupiec, który po prostu zapomniał o fakturze."));
    start_call_as(&mut harness, "Ola");
    assert!(harness.query_by_label("Nowak, słucham.").is_some(), "the call is held in Polish");
    assert_eq!(call(&harness).session.engine().persona().language, settle_core::vocabulary::Language::Pl);
}

#[test]
fn the_self_assessment_written_before_the_debrief_is_shown_beside_the_result() {
    let folders = folders();
    let mut harness = harness(&folders);
    start_minimal_call(&mut harness);
    reply(&mut harness, GOOD_OPENING);
    choose(&mut harness, egui::Key::Num1);
    harness.get_by_label("Continue to wrap-up").click();
    harness.run();
    type_into(&mut harness, "Score you expect", "60");
    pick(&mut harness, "Your style in this call", "Competing");
    let field = harness.get_by_role_and_label(Role::MultilineTextInput, "One thing to do differently");
    field.focus();
    field.type_text("Ask for the reason first");
    harness.run();
    harness.get_by_label("Save and see the debrief").click();
    harness.run();
    assert!(harness.query_by_label("Your assessment").is_some());
    assert!(shows(&harness, "60"), "the expected score");
    assert!(shows(&harness, "Ask for the reason first"));
    let mine = debrief(&harness).report.self_assessment.as_ref().expect("kept in the report");
    assert_eq!(mine.expected_score, Some(60));
    assert_eq!(mine.style, Some(settle_core::style::ConflictStyle::Competing));
}

/// A copy of the two-language fixture whose Polish table lacks one translation.
fn languages_with_a_gap(folders: &Folders) -> PathBuf {
    let dialogues = folders.data.parent().expect("root").join("dialogues");
    std::fs::create_dir_all(&dialogues).expect("mkdir");
    std::fs::copy("tests/data/languages/minimal.ron", dialogues.join("minimal.ron")).expect("copy");
    let table = std::fs::read_to_string("tests/data/languages/minimal.pl.strings.csv").expect("read");
    let gap = "Dziękuję. Czyli 1 200 zł do piątku 27 listopada; potwierdzę to mailem.";
    assert!(table.contains(gap));
    std::fs::write(dialogues.join("minimal.pl.strings.csv"), table.replace(gap, "")).expect("write");
    dialogues
}

#[test]
fn the_trainer_sees_the_surface_players_fail_and_the_polish_preview_marks_an_untranslated_reply() {
    let folders = folders();
    let dialogues = languages_with_a_gap(&folders);
    let mut harness = harness_on(&folders, dialogues);
    harness.get_by_label("Trainer tools").click();
    harness.run();
    harness.get_by_label("minimal.ron").click();
    harness.run();
    // The missing translation is a warning of the table, listed with the graph's problems.
    assert!(harness.query_all_by_label_contains("has no Polish translation").next().is_some());
    harness.get_by_label("Analysis").click();
    harness.run();
    harness.get_by_label("Run the analysis").click();
    harness.run();
    assert!(harness.query_by_label_contains("Players who ignore what a reply says").is_some());
    assert!(harness.query_by_label("Always the longest").is_some());
    // In Polish the preview plays the Polish text and marks the reply left untranslated.
    harness.get_by_label("Polski").click();
    harness.run();
    harness.get_by_label("Podgląd").click();
    harness.run();
    harness.get_by_label("Rozpocznij podgląd od początku").click();
    harness.run();
    assert!(harness.query_by_label("Nowak, słucham.").is_some());
    harness.get_by_label_contains("1. Dzień dobry, panie Nowak.").click();
    harness.run();
    assert!(
        harness.query_by_label_contains("brak tłumaczenia").is_some(),
        "the untranslated reply is marked"
    );
}

#[test]
fn opening_a_signed_folder_from_the_dashboard_uses_the_organisations_key_and_flags_an_edit() {
    use settle_store::report::sign::{org_key, sign};
    let folders = folders();
    let other = folders.data.parent().expect("root").join("branch-office");
    std::fs::create_dir_all(&other).expect("mkdir");
    let key = org_key("north-branch").expect("a key");
    let persona = good("minimal");
    let (mut engine, _) = CallEngine::start(Arc::clone(&persona), Mode::Practice, 1);
    engine.choose_listed(2).expect("offered");
    let now = chrono::Utc::now();
    let times = settle_store::report::CallTimes { started_at: now, ended_at: now };
    let wrap_up = WrapUp::matching(engine.end().expect("over"));
    let mut report = settle_store::report::Report::new(
        &engine,
        "Edek",
        wrap_up,
        times,
        settle_store::report::CallId::new(),
    )
    .expect("over");
    sign(&mut report, &key);
    let path = settle_store::report::store::save(&other, &report).expect("saved");
    // The trainee edits the file to pass: the signature no longer matches.
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replacen("\"trainee\":\"Edek\"", "\"trainee\":\"Edek Z\"", 1)).expect("write");
    let mut harness = harness(&folders);
    harness.get_by_label("Settings").click();
    harness.run();
    let field = harness.get_by_role_and_label(Role::PasswordInput, "Organisation key");
    field.focus();
    field.type_text("north-branch");
    harness.run();
    // Leaving the settings screen applies what was typed there.
    harness.get_by_label("Back to library").click();
    harness.run();
    harness.get_by_label("Reports").click();
    harness.run();
    wait_for_reports(&mut harness);
    assert!(!shows(&harness, "Edek Z"), "the default folder holds no call");
    // The folder field holds the default folder; the trainer puts the branch's in its place.
    let dashboard = harness.state_mut().state.dashboard.as_mut().expect("the dashboard");
    dashboard.state.folder_text = other.display().to_string();
    harness.run();
    harness.get_by_label("Open").click();
    harness.run();
    wait_for_reports(&mut harness);
    assert!(shows(&harness, "Edek Z"));
    assert!(shows(&harness, "changed after saving!"), "checked with the key from the settings");
}

/// The installed app: the bundled library with no folder at all, then a trainer's folder whose
/// copy of a bundled persona replaces it, each card saying where it comes from.
#[test]
fn the_library_shows_the_bundled_personas_and_a_trainers_folder_over_them() {
    let folders = folders();
    let config = AppConfig {
        dialogues: None,
        assets: PathBuf::new(),
        bundled: true,
        reports_flag: Some(folders.reports.clone()),
        data_dir: folders.data.clone(),
    };
    let harness = harness_with(config);
    assert_eq!(harness.query_all_by_label("Built into Settle").count(), 8, "eight bundled personas");
    assert!(harness.query_by_label("Prepare the call with Jan Wójcik").is_some());

    // A trainer's edited copy of Jan, and a persona of their own.
    let mine = tempfile::tempdir().expect("tempdir");
    let jan = std::fs::read_to_string("dialogues/jan-hardship.ron").expect("jan");
    let edited = jan.replacen("name: \"Jan Wójcik", "name: \"Jan Wójcik-Edited", 1);
    assert_ne!(jan, edited, "the name was found");
    std::fs::write(mine.path().join("jan-hardship.ron"), edited).expect("write");
    std::fs::copy("tests/data/good/minimal.ron", mine.path().join("minimal.ron")).expect("copy");
    let images = tempfile::tempdir().expect("tempdir");
    for (from, persona) in [("assets", "jan-hardship"), ("tests/data/assets", "minimal")] {
        let to = images.path().join("portraits").join(persona);
        std::fs::create_dir_all(&to).expect("mkdir");
        for image in
            std::fs::read_dir(PathBuf::from(from).join("portraits").join(persona)).expect("images").flatten()
        {
            std::fs::copy(image.path(), to.join(image.file_name())).expect("copy");
        }
    }
    let config = AppConfig {
        dialogues: Some(mine.path().to_path_buf()),
        assets: images.path().to_path_buf(),
        bundled: true,
        reports_flag: Some(folders.reports.clone()),
        data_dir: folders.data.clone(),
    };
    let harness = harness_with(config);
    assert_eq!(harness.query_all_by_label("Built into Settle").count(), 7);
    assert!(harness.query_by_label("Prepare the call with Jan Wójcik").is_none(), "replaced");
    assert!(harness.query_by_label("Prepare the call with Jan Wójcik-Edited").is_some());
    assert_eq!(
        harness.query_all_by_label("From your persona folder, in place of the built-in one").count(),
        1
    );
    assert_eq!(harness.query_all_by_label("From your persona folder").count(), 1, "minimal is new");
}

/// The app on the test personas with no `--reports` flag, so the settings' folder counts.
fn harness_without_reports_flag(folders: &Folders) -> Harness<'static, SettleApp> {
    harness_with(AppConfig {
        dialogues: Some(PathBuf::from("tests/data/good")),
        assets: PathBuf::from("tests/data/assets"),
        bundled: false,
        reports_flag: None,
        data_dir: folders.data.clone(),
    })
}

#[test]
fn the_library_starts_with_the_personas_and_the_settings_screen_holds_the_organisations_fields() {
    let folders = folders();
    let mut harness = harness(&folders);
    assert!(harness.query_by_label("Persona library").is_some());
    assert!(
        harness.query_by_role_and_label(Role::TextInput, "Trainee name").is_some(),
        "kept for the trainee"
    );
    for moved in ["Organisation key", "Reports folder", "Endpoint", "Persona folder"] {
        assert!(harness.query_by_label(moved).is_none(), "{moved} is no longer on the library");
    }
    harness.get_by_label("Settings").click();
    harness.run();
    for field in ["Organisation key", "Reports folder", "Endpoint", "Key", "Secret", "Persona folder"] {
        assert!(harness.query_by_label(field).is_some(), "{field} is on the settings screen");
    }
    assert!(harness.query_all_by_label("Choose…").count() >= 2, "a dialog beside each folder");
    harness.get_by_label("Back to library").click();
    harness.run();
    assert!(harness.query_by_label("Prepare the call with Jan Nowak").is_some());
}

#[test]
fn the_settings_screen_sets_the_reports_folder_key_and_lrs_and_a_call_uses_them() {
    use settle_store::report::sign::{Signature, check};
    let folders = folders();
    let elsewhere = folders.data.parent().expect("root").join("team-reports");
    let mut harness = harness_without_reports_flag(&folders);
    harness.get_by_label("Settings").click();
    harness.run();
    // The typed path, as a file dialog's answer would set it.
    type_into(&mut harness, "Reports folder", &elsewhere.display().to_string());
    let key = harness.get_by_role_and_label(Role::PasswordInput, "Organisation key");
    key.focus();
    key.type_text("team-key");
    harness.run();
    type_into(&mut harness, "Endpoint", "http://127.0.0.1:9/xAPI/");
    harness.key_press(egui::Key::Tab);
    harness.run();
    assert!(shows(&harness, &format!("In use: {}", elsewhere.display())));
    harness.get_by_label("Back to library").click();
    harness.run();
    // The shared settings file has them, for `settle play` too.
    let shared = settle_store::settings::load(&folders.data.join("settings.json")).expect("readable");
    let shared = shared.expect("written");
    assert_eq!(shared.reports_dir, elsewhere.display().to_string());
    assert_eq!(shared.org_key, "team-key");
    assert_eq!(shared.lrs_endpoint, "http://127.0.0.1:9/xAPI/");

    play_minimal_call_to_the_debrief(&mut harness);
    wait_for_label(&mut harness, "Report saved:");
    let saved: Vec<_> = std::fs::read_dir(&elsewhere).expect("the chosen folder").flatten().collect();
    assert_eq!(saved.len(), 1, "saved in the folder the settings name");
    let report = settle_store::report::store::read(&saved[0].path()).expect("a report");
    let team_key = settle_store::report::sign::org_key("team-key").expect("a key");
    assert_eq!(check(&report, Some(&team_key)), Signature::Valid, "signed with the settings' key");
    let queued = std::fs::read_dir(folders.data.join("lrs-outbox")).expect("outbox");
    assert_eq!(queued.flatten().filter(|e| e.path().is_file()).count(), 1, "queued for the settings' LRS");
}

#[test]
fn submitting_the_wrap_up_shows_the_debrief_at_once_and_the_report_lands_on_disk() {
    let folders = folders();
    let mut harness = harness(&folders);
    play_minimal_call_to_the_debrief(&mut harness);
    // The debrief shows in the frame the wrap-up was submitted, whatever the disk is doing.
    assert_eq!(harness.state().state.route, Route::Debrief);
    assert!(harness.query_by_label_contains("Total").is_some());
    wait_for_label(&mut harness, "Report saved:");
    let saved: Vec<_> = std::fs::read_dir(&folders.reports).expect("reports").flatten().collect();
    assert_eq!(saved.len(), 1);
    assert!(!folders.data.join("current-call.ron").exists(), "the journal is cleared once saved");
    // Back in the library, the call counts at once.
    harness.get_by_label("Back to library").click();
    harness.run();
    assert!(!harness.state().state.best.is_empty(), "the best scores are read again");
}

#[test]
fn the_dashboards_filters_survive_opening_a_call_and_coming_back() {
    let folders = folders();
    saved_call(&folders.reports, "Anna Kowalska", true);
    saved_call(&folders.reports, "Bartek Zieliński", false);
    let mut harness = harness(&folders);
    harness.get_by_label("Reports").click();
    harness.run();
    harness.get_by_label("Failed").click();
    harness.run();
    type_into(&mut harness, "Search", "Bartek");
    assert_eq!(harness.query_all_by_label("Anna Kowalska").count(), 0);
    harness.get_by_label("Bartek Zieliński").click();
    harness.run();
    harness.get_by_label("Open the call").click();
    harness.run();
    assert!(shows(&harness, "Total 23.8 / 100"));
    harness.get_by_label("Back to reports").click();
    harness.run();
    assert_eq!(harness.query_all_by_label("Anna Kowalska").count(), 0, "still filtered");
    assert_eq!(harness.query_all_by_label("Bartek Zieliński").count(), 1);
    let dashboard = &harness.state().state.dashboard.as_ref().expect("kept").state;
    assert_eq!(dashboard.filter.text, "Bartek", "the search is kept");
    assert_eq!(dashboard.filter.passed, Some(false));
    assert!(dashboard.selected.is_some(), "the selected call too");
    // And through the library as well.
    harness.get_by_label("Back to library").click();
    harness.run();
    harness.get_by_label("Reports").click();
    harness.run();
    assert_eq!(harness.query_all_by_label("Anna Kowalska").count(), 0, "still filtered");
}

#[test]
fn the_settings_screen_speaks_polish() {
    let folders = folders();
    let mut harness = harness(&folders);
    harness.get_by_label("Polski").click();
    harness.run();
    harness.get_by_label("Ustawienia").click();
    harness.run();
    for label in
        ["Klucz organizacji", "Folder raportów", "Folder rozmówców", "Adres (endpoint)", "Wyślij teraz"]
    {
        assert!(shows(&harness, label), "{label}");
    }
    assert!(harness.query_all_by_label("Wybierz…").count() >= 2);
    assert!(harness.query_by_label("Organisation key").is_none());
    harness.get_by_label("Wróć do biblioteki").click();
    harness.run();
    assert!(harness.query_by_label("Biblioteka rozmówców").is_some());
}

/// A call saved into the reports folder by another app (a shared folder) counts in the
/// library's best scores without a restart: the index follows the folder in the background.
#[test]
fn a_call_saved_into_the_reports_folder_by_someone_else_shows_in_the_library() {
    let folders = folders();
    std::fs::create_dir_all(&folders.reports).expect("mkdir");
    std::fs::create_dir_all(&folders.data).expect("mkdir");
    let settings = settle_store::settings::Settings { trainee: "Anna Kowalska".into(), ..Default::default() };
    settle_store::settings::save(&folders.data.join("settings.json"), &settings).expect("settings");
    let mut harness = harness(&folders);
    let not_played = |harness: &Harness<'_, SettleApp>| harness.query_all_by_label("not played yet").count();
    assert_eq!(not_played(&harness), 2, "two personas, neither played");
    // Let the index give its first (empty) answer before the other app saves.
    for _ in 0..50 {
        harness.run();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    saved_call(&folders.reports, "Anna Kowalska", true);
    let mut counted = false;
    for _ in 0..1000 {
        harness.run();
        if !harness.state().state.best.is_empty() {
            counted = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(counted, "the call saved elsewhere is counted");
    harness.run();
    assert_eq!(not_played(&harness), 1, "the card shows the best score");
}
