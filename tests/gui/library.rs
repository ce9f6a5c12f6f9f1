//! The library and the trainer tools: languages, the bundled library and a trainer's folder,
//! diagnostics, and the surface players.

use super::*;

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
