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

mod call;
mod library;
mod reports;
mod settings;

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

/// Steps the app until `label` shows up (the courier works on its own thread).
fn wait_for_label(harness: &mut Harness<'_, SettleApp>, label: &str) {
    let start = std::time::Instant::now();
    while harness.query_by_label_contains(label).is_none() {
        assert!(start.elapsed() < std::time::Duration::from_secs(20), "{label} never showed");
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.run();
    }
}
