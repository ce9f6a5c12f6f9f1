//! The managers' dashboard and the reports folder: filters, dates, signed folders, state kept
//! across screens, and a folder shared with other apps.

use super::*;

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

#[test]
fn the_dashboards_filters_survive_opening_a_call_and_coming_back() {
    let folders = folders();
    let mut harness = dashboard_of_anna_and_bartek(&folders);
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

/// An export is written on a thread of its own and the dashboard says where it went: the CSV
/// holds the table's rows.
#[test]
fn an_export_is_written_in_the_background_and_the_dashboard_says_where() {
    let folders = folders();
    let mut harness = dashboard_of_anna_and_bartek(&folders);
    wait_for_reports(&mut harness);
    let target = folders.data.join("team-export");
    std::fs::create_dir_all(&folders.data).expect("mkdir");
    let slot = harness.state_mut().state.dashboard.as_mut().expect("the dashboard is open");
    slot.state.export_text = target.display().to_string();
    harness.run();
    harness.get_by_label("CSV of this table").click();
    harness.run();
    let csv = target.with_extension("csv");
    wait_for_label(&mut harness, &csv.display().to_string());
    let text = std::fs::read_to_string(&csv).expect("the CSV is written");
    assert_eq!(text.lines().count(), 3, "a header and the two calls:\n{text}");
    assert!(text.contains("Anna Kowalska") && text.contains("Bartek Zieliński"), "{text}");
}

/// The dashboard over two saved calls: Anna's passed, Bartek's failed.
fn dashboard_of_anna_and_bartek(folders: &Folders) -> Harness<'static, SettleApp> {
    saved_call(&folders.reports, "Anna Kowalska", true);
    saved_call(&folders.reports, "Bartek Zieliński", false);
    let mut harness = harness(folders);
    harness.get_by_label("Reports").click();
    harness.run();
    harness
}
