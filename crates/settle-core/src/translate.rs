//! A persona in another language: its graph's texts replaced from a string table, and every
//! finding about the table (missing, stale, orphan, duplicate) placed at `file:line:column`.
//!
//! The graph is validated once in its own language by `load`; a translation differs only in
//! its texts, so the translated persona is the same graph validated again with other words.
//! A line with no translation keeps the source text and is listed in
//! [`Persona::untranslated`], so the author preview can mark it. Nothing here reads files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostic::{Diagnostic, Level, Problem};
use crate::format::PersonaFile;
use crate::lines::{TextLine, for_each_text};
use crate::persona::{ContentHash, Persona};
use crate::source::SourceMap;
use crate::strings::{self, TableRow};
use crate::validate::{Context, validate};
use crate::vocabulary::Language;

/// The suffix of a string table's file name: `tomasz-partner.pl.strings.csv`.
pub const TABLE_SUFFIX: &str = ".strings.csv";

/// One string table after loading: its text, its language, the persona in that language when
/// the table could be used, and the problems found in it.
#[derive(Debug, Clone)]
pub struct LoadedTable {
    pub path: PathBuf,
    pub text: String,
    pub language: Option<Language>,
    pub persona: Option<Arc<Persona>>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The graph file name stem and language a table's name says, if it is a table's name.
pub fn table_name_parts(file_name: &str) -> Option<(&str, &str)> {
    file_name.strip_suffix(TABLE_SUFFIX)?.rsplit_once('.')
}

/// The table's path for a graph and a language: beside the graph.
pub fn table_path(graph: &Path, language: Language) -> PathBuf {
    let stem = graph.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    graph.with_file_name(format!("{stem}.{}{TABLE_SUFFIX}", language.code()))
}

/// What translating needs to know about the graph.
pub struct Graph<'a> {
    pub path: &'a Path,
    pub text: &'a str,
    /// The parsed file with its line ids stripped.
    pub file: &'a PersonaFile,
    pub lines: &'a [TextLine],
    pub assets: &'a dyn crate::assets::Assets,
    pub hash: &'a ContentHash,
    /// Whether the graph itself is playable (no errors).
    pub playable: bool,
}

impl Graph<'_> {
    fn span_of(&self, map: &SourceMap, line: &TextLine) -> Option<std::ops::Range<usize>> {
        map.locate_value(&line.source_path())
    }
}

/// Problems about line ids in the graph itself: ids used twice (errors) and, when the persona
/// has tables, texts without an id (warnings).
pub fn id_problems(path: &Path, text: &str, lines: &[TextLine], tables: &[PathBuf]) -> Vec<Diagnostic> {
    let duplicates = crate::lines::duplicate_ids(lines);
    let has_tables = !tables.is_empty();
    if duplicates.is_empty() && !(has_tables && lines.iter().any(|l| l.id.is_none())) {
        return Vec::new();
    }
    let map = SourceMap::scan(text);
    let span_of = |line: &TextLine| map.locate_value(&line.source_path());
    let mut out = Vec::new();
    for (id, i) in duplicates {
        let span = span_of(&lines[i]);
        out.push(Diagnostic::new(Level::Error, Problem::LineIdDuplicate(id.0), path, text, span));
    }
    if let Some(first) = tables.first().filter(|_| has_tables) {
        let language = first
            .file_name()
            .and_then(|n| table_name_parts(&n.to_string_lossy()).map(|(_, lang)| lang.to_string()))
            .unwrap_or_else(|| "pl".into());
        let command = format!("{} --lang {language}", path.display());
        for line in lines.iter().filter(|l| l.id.is_none()) {
            let problem = Problem::LineIdMissing { table: command.clone() };
            out.push(Diagnostic::new(Level::Warning, problem, path, text, span_of(line)));
        }
    }
    out
}

/// Loads one table against its graph. Problems placed in the graph (a line with no row at all)
/// are returned apart, to be rendered with the graph's text.
pub fn load_table(graph: &Graph<'_>, path: &Path, text: &str) -> (LoadedTable, Vec<Diagnostic>) {
    let mut table = LoadedTable {
        path: path.to_path_buf(),
        text: text.to_string(),
        language: None,
        persona: None,
        diagnostics: Vec::new(),
    };
    let mut in_graph = Vec::new();
    let error_at =
        |problem: Problem, at: usize| Diagnostic::new(Level::Error, problem, path, text, Some(at..at + 1));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let code = table_name_parts(&name).map(|(_, lang)| lang.to_string()).unwrap_or_default();
    let language = match Language::try_from(code.clone()) {
        Ok(language) if language == graph.file.language => {
            let why = format!("is the persona's own language; its texts are in {}", graph.path.display());
            table.diagnostics.push(error_at(Problem::TableLanguage { found: code, why }, 0));
            return (table, in_graph);
        }
        Ok(language) => language,
        Err(_) => {
            let why = "is not one Settle offers (en, pl)".to_string();
            table.diagnostics.push(error_at(Problem::TableLanguage { found: code, why }, 0));
            return (table, in_graph);
        }
    };
    table.language = Some(language);
    let rows = match strings::parse(text) {
        Ok(rows) => rows,
        Err(e) => {
            table.diagnostics.push(error_at(Problem::TableUnreadable(e.to_string()), e.offset()));
            return (table, in_graph);
        }
    };
    let names = (language.name_en().to_string(), graph.file.language.name_en().to_string());
    let cmp = strings::compare(graph.lines, &rows);
    let at = |offset: usize| Some(offset..offset + 1);
    let warn =
        |problem: Problem, offset: usize| Diagnostic::new(Level::Warning, problem, path, text, at(offset));
    let mut found: Vec<(usize, Diagnostic)> = Vec::new();
    for &r in &cmp.duplicates {
        let row = &rows[r];
        found.push((r, error_at(Problem::LineIdDuplicate(row.id.clone()), row.at.id)));
    }
    for &r in &cmp.untranslated {
        let row = &rows[r];
        let problem = missing(&row.id, &names, true);
        found.push((r, warn(problem, row.at.translation)));
    }
    let source_of: HashMap<&str, &str> =
        graph.lines.iter().filter_map(|l| l.id.as_ref().map(|id| (id.0.as_str(), l.text.as_str()))).collect();
    for &r in &cmp.stale {
        let row = &rows[r];
        let source = source_of.get(row.id.as_str()).copied().unwrap_or_default().to_string();
        let problem =
            Problem::TranslationStale { id: row.id.clone(), source_language: names.1.clone(), now: source };
        found.push((r, warn(problem, row.at.lock)));
    }
    for (r, suggestion) in &cmp.orphans {
        let row = &rows[*r];
        let problem = Problem::TranslationOrphan { id: row.id.clone(), suggestion: suggestion.clone() };
        found.push((*r, warn(problem, row.at.id)));
    }
    found.sort_by_key(|(r, d)| (*r, d.column));
    table.diagnostics.extend(found.into_iter().map(|(_, d)| d));
    if !cmp.no_row.is_empty() {
        let map = SourceMap::scan(graph.text);
        for &i in &cmp.no_row {
            let line = &graph.lines[i];
            let id = line.id.as_ref().map(|id| id.0.as_str()).unwrap_or_default();
            let span = graph.span_of(&map, line);
            let problem = missing(id, &names, false);
            in_graph.push(Diagnostic::new(Level::Warning, problem, graph.path, graph.text, span));
        }
    }
    let table_ok = !table.diagnostics.iter().any(Diagnostic::is_error);
    if graph.playable && table_ok {
        table.persona = translated(graph, language, &rows).map(Arc::new);
    }
    (table, in_graph)
}

fn missing(id: &str, names: &(String, String), in_table: bool) -> Problem {
    Problem::TranslationMissing {
        id: id.to_string(),
        language: names.0.clone(),
        source_language: names.1.clone(),
        in_table,
    }
}

/// The graph validated again with the table's texts; lines without a translation keep the
/// source text and are listed as untranslated.
fn translated(graph: &Graph<'_>, language: Language, rows: &[TableRow]) -> Option<Persona> {
    let by_id = strings::translations(rows);
    let mut file = graph.file.clone();
    file.language = language;
    let mut untranslated = std::collections::HashSet::new();
    let mut index = 0;
    for_each_text(&mut file, |site, _, text| {
        let line = &graph.lines[index];
        index += 1;
        match line.id.as_ref().and_then(|id| by_id.get(id.0.as_str())) {
            Some(translation) => *text = (*translation).to_string(),
            None => {
                untranslated.insert(site.to_owned());
            }
        }
    });
    let cx = Context { path: graph.path, text: graph.text, assets: graph.assets, hash: graph.hash.clone() };
    let (persona, _) = validate(file, cx);
    persona.map(|mut persona| {
        persona.untranslated = untranslated;
        persona
    })
}
