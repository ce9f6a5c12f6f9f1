//! Turning an old pair of persona files (one graph per language, the same structure) into one
//! graph with line ids and a string table for the other language.
//!
//! The pair must agree on everything but their words: a branch changed in one language only
//! would be lost in the merge, so any such difference stops the migration and is named. This
//! module works on texts only; the command line reads and writes the files.

use std::path::Path;

use crate::format::PersonaFile;
use crate::lines::{TextLine, for_each_text, missing_ids, take_line_ids, write_ids};
use crate::load::parse;
use crate::strings::{TableRow, lock_of};
use crate::vocabulary::Language;

/// One graph with ids, and the table of its twin's texts.
#[derive(Debug, Clone)]
pub struct Migrated {
    /// The source graph's text with a line id in every text.
    pub graph: String,
    pub language: Language,
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MigrateError {
    #[error("{0}")]
    Unparsable(String),
    #[error("both files are in {0}; the second must be the other language's twin")]
    SameLanguage(&'static str),
    #[error(
        "the two files differ beyond their words, in {0}; make them the same (or fix the one that is wrong) and migrate again"
    )]
    Structure(String),
    #[error("{0}")]
    WriteBack(#[from] crate::lines::WriteBackError),
}

/// Merges `twin` (the same persona in another language) into `source`.
pub fn migrate_pair(
    (source_path, source_text): (&Path, &str),
    (twin_path, twin_text): (&Path, &str),
) -> Result<Migrated, MigrateError> {
    let parsed = |path: &Path, text: &str| -> Result<PersonaFile, MigrateError> {
        let (file, diagnostics) = parse(path, text);
        file.ok_or_else(|| MigrateError::Unparsable(diagnostics.iter().map(|d| d.to_string()).collect()))
    };
    let mut source = parsed(source_path, source_text)?;
    let mut twin = parsed(twin_path, twin_text)?;
    if source.language == twin.language {
        return Err(MigrateError::SameLanguage(source.language.name_en()));
    }
    let language = twin.language;
    let lines = take_line_ids(&mut source);
    let twin_lines = take_line_ids(&mut twin);
    if let Some(at) = structural_difference(&source, &twin) {
        return Err(MigrateError::Structure(at));
    }
    let graph = write_ids(source_text, &lines, &missing_ids(&lines))?;
    let mut with_ids = parsed(source_path, &graph)?;
    let lines = take_line_ids(&mut with_ids);
    Ok(Migrated { graph, language, rows: rows(&lines, &twin_lines) })
}

fn rows(lines: &[TextLine], twin: &[TextLine]) -> Vec<TableRow> {
    lines
        .iter()
        .zip(twin)
        .filter_map(|(line, twin)| {
            let id = line.id.as_ref()?;
            Some(TableRow {
                translation: twin.text.clone(),
                lock: lock_of(&line.text),
                ..TableRow::for_line(line, id)
            })
        })
        .collect()
}

/// Where two files differ once their texts, ids and languages are set aside, if anywhere: the
/// part named as a trainer knows it (`node `opening``, `the target`).
fn structural_difference(a: &PersonaFile, b: &PersonaFile) -> Option<String> {
    let blank = |file: &PersonaFile| {
        let mut file = file.clone();
        for_each_text(&mut file, |_, _, text| text.clear());
        file
    };
    let (a, b) = (blank(a), blank(b));
    let parts = [
        (
            "the persona's name, company, kind or difficulty",
            differs(
                &(&a.name, &a.company, a.archetype, a.difficulty),
                &(&b.name, &b.company, b.archetype, b.difficulty),
            ),
        ),
        ("the portraits", differs(&a.portraits, &b.portraits)),
        ("the case file's figures, dates or names", differs(&a.case_file, &b.case_file)),
        ("the target", differs(&a.target, &b.target)),
        ("the moods", differs(&a.moods, &b.moods)),
        ("the start node", differs(&a.start, &b.start)),
    ];
    if let Some((part, _)) = parts.into_iter().find(|(_, differ)| *differ) {
        return Some(part.to_string());
    }
    let names = |file: &PersonaFile| file.nodes.keys().cloned().collect::<Vec<_>>();
    if let Some(name) = names(&a).into_iter().find(|n| !b.nodes.contains_key(n)) {
        return Some(format!("node `{name}`, which only the first file has"));
    }
    if let Some(name) = names(&b).into_iter().find(|n| !a.nodes.contains_key(n)) {
        return Some(format!("node `{name}`, which only the second file has"));
    }
    a.nodes
        .iter()
        .find(|(name, node)| differs(*node, &b.nodes[*name]))
        .map(|(name, _)| format!("node `{name}`"))
}

/// Compared through their debug form: the file types are plain data without `PartialEq`.
fn differs<T: std::fmt::Debug>(a: &T, b: &T) -> bool {
    format!("{a:?}") != format!("{b:?}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: &str = include_str!("../../../tests/data/good/minimal.ron");

    fn twin() -> String {
        EN.replace("language: \"en\"", "language: \"pl\"").replace("id: \"minimal\"", "id: \"minimal-pl\"")
    }

    #[test]
    fn a_pair_differing_in_structure_is_refused() {
        let twin = twin().replacen("empathy: 1", "empathy: 2", 1);
        let err = migrate_pair((Path::new("a.ron"), EN), (Path::new("a-pl.ron"), &twin));
        assert_eq!(err.err(), Some(MigrateError::Structure("node `opening`".into())));
    }

    #[test]
    fn a_pair_in_one_language_is_refused() {
        let err = migrate_pair((Path::new("a.ron"), EN), (Path::new("b.ron"), EN));
        assert_eq!(err.err(), Some(MigrateError::SameLanguage("English")));
    }
}
