//! One persona, many languages: `settle strings` and `settle migrate`, every finding about a
//! string table with its exact diagnostic, the fallback to the source text, and old reports of
//! Polish twins counted for the merged persona.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use settle_core::lines::{CaseText, Site};
use settle_core::load::LoadedFile;
use settle_core::strings::{self, TableRow, lock_of};
use settle_core::vocabulary::Language;
use settle_store::library::{load_dir, load_file};

const ASSETS: &str = "tests/data/assets";

fn settle(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_settle")).args(args).output().expect("settle runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A copy of the minimal persona after `settle strings --lang pl`: ids written, a table made.
fn persona_with_table() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let graph = dir.path().join("minimal.ron");
    fs::copy("tests/data/good/minimal.ron", &graph).expect("copy");
    let out = settle(&["strings", graph.to_str().expect("utf-8"), "--lang", "pl"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let table = dir.path().join("minimal.pl.strings.csv");
    (dir, graph, table)
}

fn rows(table: &Path) -> Vec<TableRow> {
    strings::parse(&fs::read_to_string(table).expect("table")).expect("a table")
}

fn translate_all(rows: &mut [TableRow]) {
    for row in rows.iter_mut() {
        row.translation = format!("PL {}", row.source);
    }
}

fn load(graph: &Path) -> LoadedFile {
    load_file(graph, Path::new(ASSETS))
}

/// 1-based line and column of `needle` in `text`, searched from the line starting with `from`.
fn place(text: &str, from: &str, needle: &str) -> (usize, usize) {
    let start = text.find(from).unwrap_or_else(|| panic!("`{from}` in the file"));
    let at = start + text[start..].find(needle).unwrap_or_else(|| panic!("`{needle}` after `{from}`"));
    let line = text[..at].matches('\n').count() + 1;
    let column = text[..at].rfind('\n').map_or(at, |nl| at - nl - 1) + 1;
    (line, column)
}

fn messages(file: &LoadedFile) -> Vec<String> {
    file.all_diagnostics().map(|(d, _)| d.to_string()).collect()
}

#[test]
fn strings_writes_ids_into_the_graph_and_a_table_without_touching_anything_else() {
    let (_dir, graph, table) = persona_with_table();
    let original = fs::read_to_string("tests/data/good/minimal.ron").expect("original");
    let with_ids = fs::read_to_string(&graph).expect("graph");
    assert!(with_ids.contains("\"Nowak speaking. #line:opening.line1\""), "{with_ids}");
    assert!(with_ids.contains("the full amount by Friday. #line:end_promise.ending\""), "{with_ids}");
    let stripped = regex_free_strip(&with_ids);
    assert_eq!(stripped, original, "only the ids were added");
    let rows = rows(&table);
    let row = rows.iter().find(|r| r.id == "opening.reply1.feedback").expect("a row for the feedback");
    assert_eq!(row.place, "opening / reply 1 / feedback");
    assert_eq!(row.source, "Precise and polite: amount, number, due date, and a clear ask.");
    assert_eq!(row.lock, lock_of(&row.source));
    assert!(rows.iter().all(|r| r.translation.is_empty()));
    // Everything is still missing: the table is new. The call plays, in English words.
    let loaded = load(&graph);
    assert_eq!(loaded.errors(), 0, "{}", loaded.render());
    assert_eq!(loaded.warnings(), rows.len());
    assert_eq!(loaded.languages(), [Language::En, Language::Pl]);
}

/// The file with every ` #line:ID` removed.
fn regex_free_strip(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(" #line:") {
        out.push_str(&rest[..at]);
        let after = &rest[at + " #line:".len()..];
        let end = after.find('"').expect("an id ends at the closing quote");
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

#[test]
fn missing_stale_orphan_and_duplicate_rows_each_have_their_exact_diagnostic() {
    let (_dir, graph, table) = persona_with_table();
    let mut rows = rows(&table);
    translate_all(&mut rows);
    // Missing: no row at all for one line, an empty translation for another.
    rows.retain(|r| r.id != "promise.reply1");
    rows.iter_mut().find(|r| r.id == "opening.line1").expect("row").translation.clear();
    // Stale: translated from an older source text.
    rows.iter_mut().find(|r| r.id == "opening.reply2").expect("row").lock = lock_of("Pay up.");
    // Orphan: a line that left the graph; its near namesake `hung_up.line1` has a row of its own,
    // so it is not suggested as the new name.
    let mut orphan = rows[0].clone();
    orphan.id = "hung_up.line2".into();
    rows.push(orphan);
    // Duplicate: one id twice.
    let mut twice = rows[1].clone();
    twice.translation = "inaczej".into();
    rows.push(twice.clone());
    let text = strings::write(&rows);
    fs::write(&table, &text).expect("write table");
    let graph_text = fs::read_to_string(&graph).expect("graph");
    let (g, t) = (graph.display(), table.display());

    let loaded = load(&graph);
    let (l, c) = place(&graph_text, "\"promise\": Node(", "\"Thank you.");
    let (l1, _) = place(&text, "opening.line1,", "opening.line1,");
    let (_, c1) = place(&text, "opening.line1,", ",,");
    let (l2, _) = place(&text, "opening.reply2,", "opening.reply2");
    let lock = lock_of("Pay up.");
    let (_, c2) = place(&text, "opening.reply2,", &lock);
    let (l3, _) = place(&text, "hung_up.line2,", "hung_up.line2");
    let lines: Vec<&str> = text.lines().collect();
    let dup_line =
        lines.iter().rposition(|line| line.starts_with(&format!("{},", twice.id))).expect("dup") + 1;
    let expected = vec![
        format!(
            "{g}:{l}:{c}: warning[translation-missing]: line `promise.reply1` has no Polish translation; \
             the call shows the English text (hint: run `settle strings` on the persona to add a row for it \
             to the table, then translate the row)"
        ),
        format!(
            "{t}:{l1}:{}: warning[translation-missing]: line `opening.line1` has no Polish translation; \
             the call shows the English text (hint: fill in the `translation` cell of this row)",
            c1 + 1
        ),
        format!(
            "{t}:{l2}:{c2}: warning[translation-stale]: the English text of line `opening.reply2` changed \
             since it was translated (hint: the text now reads \"Pay up or else.\"; update the translation, \
             then empty this row's `lock` cell)"
        ),
        format!(
            "{t}:{l3}:1: warning[translation-orphan]: line `hung_up.line2` is not in the persona any more \
             (hint: delete the row, or run `settle strings --prune` to drop every such row)"
        ),
        format!(
            "{t}:{dup_line}:1: error[line-id-duplicate]: line id `{}` is used by another text too \
             (hint: give one of the texts another id, such as `{}-2`; ids must be unique in a persona)",
            twice.id, twice.id
        ),
    ];
    assert_eq!(messages(&loaded), expected);
    // A table with an error gives no Polish; the persona still plays in English.
    assert!(loaded.persona.is_some());
    assert_eq!(loaded.languages(), [Language::En]);
}

#[test]
fn a_duplicate_line_id_in_the_graph_is_an_error_at_its_second_use() {
    let (_dir, graph, _table) = persona_with_table();
    let text = fs::read_to_string(&graph).expect("graph");
    let text = text.replace("#line:promise.line1", "#line:opening.line1");
    fs::write(&graph, &text).expect("write");
    let loaded = load(&graph);
    let (l, c) = place(&text, "\"promise\": Node(", "\"Oh, I missed it.");
    let expected = format!(
        "{}:{l}:{c}: error[line-id-duplicate]: line id `opening.line1` is used by another text too \
         (hint: give one of the texts another id, such as `opening.line1-2`; ids must be unique in a persona)",
        graph.display()
    );
    assert!(messages(&loaded).contains(&expected), "{:#?}", messages(&loaded));
    assert!(loaded.persona.is_none(), "a duplicate id makes the persona unplayable");
}

#[test]
fn an_untranslated_line_falls_back_to_the_source_text_and_is_marked() {
    let (_dir, graph, table) = persona_with_table();
    let mut rows = rows(&table);
    translate_all(&mut rows);
    rows.iter_mut().find(|r| r.id == "promise.reply1").expect("row").translation.clear();
    fs::write(&table, strings::write(&rows)).expect("write");
    let loaded = load(&graph);
    let polish = loaded.in_language(Language::Pl).expect("plays in Polish");
    let english = loaded.in_language(Language::En).expect("and in English");
    let promise = polish.node(polish.node_index("promise").expect("node"));
    let english_promise = english.node(english.node_index("promise").expect("node"));
    assert_eq!(promise.replies[0].text, english_promise.replies[0].text, "the source text is shown");
    assert_eq!(promise.lines[0].text, format!("PL {}", english_promise.lines[0].text));
    assert_eq!(polish.case_file.goal, format!("PL {}", english.case_file.goal));
    let untranslated: Vec<&Site> = polish.untranslated.iter().collect();
    assert_eq!(untranslated, [&Site::Reply { node: "promise".into(), n: 0 }]);
    assert!(!polish.untranslated.contains(&Site::Case(CaseText::Goal)));
    assert!(english.untranslated.is_empty());
}

#[test]
fn migrate_turns_an_old_pair_into_one_graph_and_a_polish_table() {
    let dir = tempfile::tempdir().expect("tempdir");
    let english = fs::read_to_string("tests/data/good/minimal.ron").expect("minimal");
    let polish = english
        .replace("id: \"minimal\"", "id: \"minimal-pl\"")
        .replace("language: \"en\"", "language: \"pl\"")
        .replace("Nowak speaking.", "Nowak, słucham.")
        .replace("Pay up or else.", "Płać albo pożałujesz.");
    fs::write(dir.path().join("minimal.ron"), &english).expect("write");
    fs::write(dir.path().join("minimal-pl.ron"), &polish).expect("write");
    let folder = dir.path().to_str().expect("utf-8");
    let out = settle(&["migrate", folder]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(dir.path().join("minimal-pl.ron.old").is_file(), "the old twin is kept");
    assert!(!dir.path().join("minimal-pl.ron").exists(), "and no longer loads as a persona");
    let out = settle(&["check", folder, "--assets", ASSETS]);
    assert!(
        stdout(&out)
            .contains("1 file(s) and 1 string table(s) checked, 1 playable: 0 error(s), 0 warning(s)")
    );
    let out = settle(&["list", "--dialogues", folder, "--assets", ASSETS]);
    assert!(stdout(&out).contains("en, pl"), "{}", stdout(&out));
    let library = load_dir(dir.path(), Path::new(ASSETS)).expect("folder");
    let pl = library.find_in("minimal", Language::Pl).expect("Polish");
    assert_eq!(pl.nodes[pl.start.get()].lines[0].text, "Nowak, słucham.");
    assert_eq!(library.find("minimal-pl").map(|p| &p.id.0), Some(&"minimal".to_string()));
    let out = settle(&[
        "play",
        "minimal",
        "--lang",
        "pl",
        "--dialogues",
        folder,
        "--assets",
        ASSETS,
        "--replies",
        "#2",
        "--no-save",
    ]);
    let text = stdout(&out);
    assert!(text.contains("Nowak, słucham.") && text.contains("Płać albo pożałujesz."), "{text}");
    // The terminal speaks the call's language too.
    assert!(text.contains("Dłużnik: Nowak, słucham.") && text.contains("Rozmowa zakończona"), "{text}");
    // Migrating again finds no pair; a second table is never written over the first.
    let out = settle(&["migrate", folder]);
    assert!(stdout(&out).contains("no old pairs"), "{}", stdout(&out));
}

#[test]
fn an_old_polish_twin_report_counts_for_the_merged_persona() {
    use chrono::{TimeZone, Utc};
    use settle_core::call::Mode;
    use settle_core::engine::CallEngine;
    use settle_core::persona::PersonaId;
    use settle_core::wrapup::WrapUp;
    use settle_store::debrief::best_scores;
    use settle_store::report::index::{Filter, SortBy};
    use settle_store::report::store::save;
    use settle_store::report::{CallId, CallTimes, Report};

    let library = load_dir(Path::new("dialogues"), Path::new("assets")).expect("dialogues");
    let report = |language: Language, seed: u64| {
        let persona = library.find_in("tomasz-partner", language).expect("bundled").clone();
        let (mut engine, _) = CallEngine::start(persona, Mode::Practice, seed);
        while !engine.is_over() {
            engine.choose_listed(1).expect("first offer");
        }
        let at = |m| Utc.with_ymd_and_hms(2026, 11, 23, 10, m, 0).single().expect("valid");
        let times = CallTimes { started_at: at(0), ended_at: at(3) };
        Report::new(&engine, "Ola", WrapUp::default(), times, CallId::new()).expect("over")
    };
    let english = report(Language::En, 1);
    let mut old = report(Language::Pl, 2);
    old.persona.id = PersonaId("tomasz-partner-pl".into());
    let dir = tempfile::tempdir().expect("tempdir");
    save(dir.path(), &english).expect("saved");
    save(dir.path(), &old).expect("saved");
    let index = crate::dashboard::indexed(dir.path(), None);
    let lines = index.lines(dir.path(), &Filter::default(), SortBy::Date, false).expect("lines");
    let mut seen: Vec<(String, Language)> = lines.iter().map(|r| (r.persona.0.clone(), r.language)).collect();
    seen.sort();
    assert_eq!(seen, [("tomasz-partner".into(), Language::En), ("tomasz-partner".into(), Language::Pl)]);
    let best = best_scores([&english, &old], "Ola");
    assert_eq!(best.keys().map(|k| k.0.as_str()).collect::<Vec<_>>(), ["tomasz-partner"]);
    assert_eq!(index.best_scores(dir.path(), "ola").expect("best"), best, "the index counts alike");
    assert!(
        library
            .find_preferring(&old.persona.id.0, old.persona.language)
            .is_some_and(|p| p.language == Language::Pl)
    );
}
