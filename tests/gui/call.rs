//! A call through the real app: the whole flow to the debrief, resuming, assessment mode,
//! the self-assessment, and saving (off the UI thread, with a retry).

use super::*;

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
