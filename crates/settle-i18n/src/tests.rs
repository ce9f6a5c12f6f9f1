//! The two Fluent files against each other and against the code: both parse, both hold the
//! same messages with the same attributes and variables, every id the code asks for exists
//! (found by reading `src/` for `tr("…")` and `tr_args("…"`), every message is asked for, and
//! no English/Polish pair is left in code. Plurals are checked with real messages.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use fluent_bundle::FluentResource;
use fluent_syntax::ast;

use super::*;

/// A message's attribute names and the variables of its value and attributes.
#[derive(Debug, PartialEq)]
struct Shape {
    attributes: BTreeSet<String>,
    variables: BTreeSet<String>,
}

fn variables_of(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            variables_of_expression(expression, out);
        }
    }
}

fn variables_of_expression(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    let inline = match expression {
        ast::Expression::Select { selector, variants } => {
            for variant in variants {
                variables_of(&variant.value, out);
            }
            selector
        }
        ast::Expression::Inline(inline) => inline,
    };
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => variables_of_expression(expression, out),
        _ => {}
    }
}

/// Every message of a language's file by id, failing on syntax errors and duplicate ids.
fn messages(lang: Lang) -> BTreeMap<String, Shape> {
    let resource = match FluentResource::try_new(source(lang).to_string()) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("{lang:?}.ftl does not parse: {errors:?}"),
    };
    let mut out = BTreeMap::new();
    for entry in resource.entries() {
        if let ast::Entry::Message(message) = entry {
            let mut variables = BTreeSet::new();
            if let Some(value) = &message.value {
                variables_of(value, &mut variables);
            }
            for attribute in &message.attributes {
                variables_of(&attribute.value, &mut variables);
            }
            let attributes = message.attributes.iter().map(|a| a.id.name.to_string()).collect();
            let id = message.id.name.to_string();
            assert!(!out.contains_key(&id), "{lang:?}.ftl has `{id}` twice");
            out.insert(id, Shape { attributes, variables });
        }
    }
    out
}

#[test]
fn both_languages_have_the_same_messages_attributes_and_variables() {
    let en = messages(Lang::En);
    let pl = messages(Lang::Pl);
    let only_en: Vec<_> = en.keys().filter(|k| !pl.contains_key(*k)).collect();
    let only_pl: Vec<_> = pl.keys().filter(|k| !en.contains_key(*k)).collect();
    assert!(only_en.is_empty(), "missing in pl.ftl: {only_en:?}");
    assert!(only_pl.is_empty(), "missing in en.ftl: {only_pl:?}");
    for (id, shape) in &en {
        assert_eq!(Some(shape), pl.get(id), "`{id}` differs between en.ftl and pl.ftl");
    }
    assert!(en.len() > 300, "only {} messages: did a file lose its entries?", en.len());
}

/// The text of every `.rs` file of the workspace (`src/` and `crates/`), comment lines left out.
fn sources() -> Vec<(PathBuf, String)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        let mut entries: Vec<_> =
            std::fs::read_dir(dir).expect("the sources are readable").flatten().collect();
        entries.sort_by_key(|e| e.path());
        for entry in entries {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("source is UTF-8");
                let code: Vec<&str> = text.lines().filter(|l| !l.trim_start().starts_with("//")).collect();
                out.push((path, code.join("\n")));
            }
        }
    }
    let mut out = Vec::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    walk(&root.join("src"), &mut out);
    walk(&root.join("crates"), &mut out);
    out
}

/// The string literals right after `call` (such as `.tr(`), whitespace allowed between.
fn literal_args(text: &str, call: &str) -> Vec<String> {
    text.match_indices(call)
        .filter_map(|(at, _)| {
            let rest = text[at + call.len()..].trim_start().strip_prefix('"')?;
            Some(rest[..rest.find('"')?].to_string())
        })
        .collect()
}

/// The ids the code asks for: `(id, needs variables)`.
fn ids_in_code() -> BTreeSet<(String, bool)> {
    let mut ids = BTreeSet::new();
    for (path, text) in sources() {
        if path.ends_with("settle-i18n/src/tests.rs") {
            continue;
        }
        ids.extend(literal_args(&text, ".tr(").into_iter().map(|id| (id, false)));
        ids.extend(literal_args(&text, ".tr_args(").into_iter().map(|id| (id, true)));
    }
    ids
}

#[test]
fn every_id_the_code_asks_for_exists_in_both_languages() {
    let ids = ids_in_code();
    assert!(ids.len() > 300, "only {} ids found in src/: is the scan broken?", ids.len());
    for lang in Lang::ALL {
        let bundle = &catalog(lang).bundle;
        for (id, with_args) in &ids {
            if *with_args {
                assert!(pattern(bundle, id).is_some(), "{lang:?}: `{id}` is not in the .ftl file");
            } else {
                // `tr` only serves messages that need no variable.
                assert!(
                    catalog(lang).plain.contains_key(id),
                    "{lang:?}: `{id}` is missing or needs variables"
                );
            }
        }
    }
}

#[test]
fn every_message_is_used_by_the_code() {
    let used: BTreeSet<String> = ids_in_code()
        .into_iter()
        .map(|(id, _)| id.split('.').next().unwrap_or_default().to_string())
        .collect();
    let unused: Vec<_> = messages(Lang::En).into_keys().filter(|id| !used.contains(id)).collect();
    assert!(unused.is_empty(), "messages no code asks for: {unused:?}");
}

#[test]
fn no_english_polish_pair_is_left_in_code() {
    // Written in pieces, so that this file does not find itself.
    let needles = [[".", "t("].concat(), ["fn", " t("].concat()];
    for (path, text) in sources() {
        for needle in &needles {
            assert!(!text.contains(needle.as_str()), "{} still has `{needle}`", path.display());
        }
    }
}

#[test]
fn polish_counts_take_all_three_plural_forms() {
    let errors = |n: usize| Lang::Pl.tr_args("authoring-errors", &[("count", n.into())]);
    assert_eq!(errors(1), "1 błąd");
    assert_eq!(errors(2), "2 błędy");
    assert_eq!(errors(5), "5 błędów");
    assert_eq!(errors(12), "12 błędów");
    assert_eq!(errors(22), "22 błędy");
    assert_eq!(errors(25), "25 błędów");
    let skipped = |n: usize| Lang::Pl.tr_args("dashboard-skipped", &[("count", n.into())]);
    assert_eq!(skipped(1), "1 plik pominięty");
    assert_eq!(skipped(2), "2 pliki pominięte");
    assert_eq!(skipped(5), "5 plików pominiętych");
    assert_eq!(skipped(22), "22 pliki pominięte");
    assert_eq!(skipped(25), "25 plików pominiętych");
    let days = |n: u32| Lang::Pl.tr_args("case-days-overdue", &[("days", n.into())]);
    assert_eq!(
        [days(1), days(2), days(5), days(22), days(25)],
        ["1 dzień", "2 dni", "5 dni", "22 dni", "25 dni"]
    );
    let calls = |n: usize| Lang::Pl.tr_args("lrs-sending", &[("count", n.into())]);
    assert_eq!(calls(1), "1 rozmowa w kolejce, wysyłanie…");
    assert_eq!(calls(22), "22 rozmowy w kolejce, wysyłanie…");
    assert_eq!(calls(25), "25 rozmów w kolejce, wysyłanie…");
}

#[test]
fn english_counts_take_one_and_other() {
    let skipped = |n: usize| Lang::En.tr_args("dashboard-skipped", &[("count", n.into())]);
    assert_eq!(skipped(1), "1 file skipped");
    assert_eq!(skipped(2), "2 files skipped");
    assert_eq!(skipped(0), "0 files skipped");
}

#[test]
fn a_missing_id_shows_itself_instead_of_failing() {
    assert_eq!(Lang::Pl.tr("no-such-message"), "no-such-message");
    assert_eq!(Lang::En.tr_args("no-such-message", &[("count", 3.into())]), "no-such-message");
    assert_eq!(Lang::En.tr("mode-practice.no-such-attribute"), "mode-practice.no-such-attribute");
}

#[test]
fn plain_messages_attributes_and_terms_resolve_without_bidi_marks() {
    assert_eq!(Lang::En.tr("briefing-start"), "Start call");
    assert_eq!(Lang::Pl.tr("briefing-start"), "Rozpocznij rozmowę");
    assert_eq!(Lang::Pl.tr("mode-assessment.call"), "Rozmowa oceniana");
    assert_eq!(Lang::Pl.tr("lrs-title-off"), "Rejestr szkoleń LRS (xAPI): wyłączony");
    let prepare = Lang::Pl.tr_args("library-prepare", &[("persona", "Jan Nowak".into())]);
    assert_eq!(prepare, "Przygotuj rozmowę: Jan Nowak");
    assert_eq!(Lang::En.name(), "English");
    assert_eq!(Lang::Pl.name(), "Polski");
}

#[test]
fn the_saved_form_of_a_language_is_unchanged() {
    assert_eq!(ron::to_string(&Lang::Pl).expect("serialises"), "Pl");
    assert_eq!(ron::from_str::<Lang>("En").expect("reads"), Lang::En);
    assert_eq!(Lang::from(Language::Pl), Lang::Pl);
    assert_eq!(Language::from(Lang::En), Language::En);
}

#[test]
fn known_moods_are_translated_and_others_read_as_written() {
    assert_eq!(Lang::Pl.mood("trust"), "Zaufanie");
    assert_eq!(Lang::En.mood("cash_position"), "Cash position");
    assert_eq!(Lang::Pl.mood("żal"), "żal");
}
