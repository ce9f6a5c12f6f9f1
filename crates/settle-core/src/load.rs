//! Loading persona files: read with limits, parse RON, validate, and gather a folder into a
//! [`Library`]. Each file stands alone: one broken file never stops the others.
//!
//! Syntax and type errors become [`Diagnostic`]s at the `file:line:column` that `ron` reports,
//! with a hint drawn from the kind of error. Limits (size, nesting) are documented in
//! docs/authoring.md and refuse hostile files before they cost memory or stack.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::assets::Assets;
use crate::diagnostic::{Diagnostic, Level, Problem, suggest};
use crate::format::PersonaFile;
use crate::lines::{strip_line_ids, take_line_ids};
use crate::mistakes;
use crate::persona::{ContentHash, Persona};
use crate::source::{SourceMap, offset_of};
use crate::translate::{Graph, LoadedTable, id_problems, load_table, table_name_parts};
use crate::validate::{Context, validate};
use crate::vocabulary::Language;

/// Files larger than this are refused unread.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;
/// RON nesting deeper than this is refused (conditions nest; nothing sensible needs more).
pub const MAX_NESTING: usize = 64;

/// One persona after loading: its graph file's text, the persona in its own language if it is
/// playable, its string tables (each with the persona in that language), and the problems.
#[derive(Debug, Clone)]
pub struct LoadedFile {
    pub path: PathBuf,
    /// The file's text (empty when it could not be read as text).
    pub text: String,
    pub persona: Option<Arc<Persona>>,
    pub diagnostics: Vec<Diagnostic>,
    pub tables: Vec<LoadedTable>,
    /// Where the file came from: the library bundled in the program or a trainer's folder.
    pub origin: Origin,
}

/// Where a persona file came from, as the library and `settle list` name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The library built into the program.
    Bundled,
    /// A folder on disk; `replaces_bundled` when its persona has a bundled persona's id and
    /// is shown instead of it.
    Folder { dir: PathBuf, replaces_bundled: bool },
}

impl Origin {
    /// The folder that holds `path`.
    pub fn folder_of(path: &Path) -> Origin {
        let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
        Origin::Folder { dir: dir.to_path_buf(), replaces_bundled: false }
    }
}

impl LoadedFile {
    /// Every diagnostic of the graph and its tables, with the text it points into.
    pub fn all_diagnostics(&self) -> impl Iterator<Item = (&Diagnostic, &str)> {
        let graph = self.diagnostics.iter().map(|d| (d, self.text.as_str()));
        graph.chain(self.tables.iter().flat_map(|t| t.diagnostics.iter().map(|d| (d, t.text.as_str()))))
    }

    pub fn errors(&self) -> usize {
        self.all_diagnostics().filter(|(d, _)| d.is_error()).count()
    }

    pub fn warnings(&self) -> usize {
        self.all_diagnostics().filter(|(d, _)| !d.is_error()).count()
    }

    /// Every diagnostic rendered with its source excerpt.
    pub fn render(&self) -> String {
        self.all_diagnostics().map(|(d, text)| d.render(text)).collect()
    }

    /// The languages the persona can be played in: its own first, then its tables'.
    pub fn languages(&self) -> Vec<Language> {
        let own = self.persona.iter().map(|p| p.language);
        own.chain(self.tables.iter().filter(|t| t.persona.is_some()).filter_map(|t| t.language)).collect()
    }

    /// The persona in `language`, if it has that language.
    pub fn in_language(&self, language: Language) -> Option<&Arc<Persona>> {
        let own = self.persona.as_ref().filter(|p| p.language == language);
        own.or_else(|| {
            self.tables.iter().find(|t| t.language == Some(language)).and_then(|t| t.persona.as_ref())
        })
    }
}

/// Every persona of a folder.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub files: Vec<LoadedFile>,
}

impl Library {
    /// The bundled library with a trainer's folder over it: the folder's personas are added,
    /// and one with a bundled persona's id is shown instead of it (marked as replacing it).
    /// A folder file that is not playable replaces nothing, so a broken edit never hides the
    /// bundled persona.
    pub fn overlay(bundled: Library, folder: Library) -> Library {
        let mut files: Vec<LoadedFile> = bundled.files;
        for mut file in folder.files {
            if let Some(persona) = &file.persona
                && let Some(at) =
                    files.iter().position(|f| f.persona.as_ref().is_some_and(|p| p.id == persona.id))
            {
                files.remove(at);
                if let Origin::Folder { replaces_bundled, .. } = &mut file.origin {
                    *replaces_bundled = true;
                }
            }
            files.push(file);
        }
        Library { files }
    }

    /// Playable personas in their own language, in file name order.
    pub fn personas(&self) -> impl Iterator<Item = &Arc<Persona>> {
        self.files.iter().filter_map(|f| f.persona.as_ref())
    }

    /// A persona in its own language, by id. Ids of old language twins (`x-pl`) find `x`.
    pub fn find(&self, id: &str) -> Option<&Arc<Persona>> {
        self.file_of(id).and_then(|f| f.persona.as_ref())
    }

    /// A persona in a language, by id; `None` when it lacks that language.
    pub fn find_in(&self, id: &str, language: Language) -> Option<&Arc<Persona>> {
        self.file_of(id).and_then(|f| f.in_language(language))
    }

    /// The persona in `language` when it has it, else in its own language.
    pub fn find_preferring(&self, id: &str, language: Language) -> Option<&Arc<Persona>> {
        self.find_in(id, language).or_else(|| self.find(id))
    }

    /// The loaded file of a playable persona, by id (or an old twin's id).
    pub fn file_of(&self, id: &str) -> Option<&LoadedFile> {
        let playable =
            |id: &str| self.files.iter().find(|f| f.persona.as_ref().is_some_and(|p| p.id.0 == id));
        playable(id).or_else(|| crate::persona::merged_id(id).and_then(playable))
    }

    pub fn errors(&self) -> usize {
        self.files.iter().map(LoadedFile::errors).sum()
    }

    pub fn warnings(&self) -> usize {
        self.files.iter().map(LoadedFile::warnings).sum()
    }
}

/// The second and later files that use a persona id get an error and are not playable.
pub fn reject_duplicate_ids(files: &mut [LoadedFile]) {
    let mut seen: Vec<(String, PathBuf)> = Vec::new();
    for file in files.iter_mut() {
        let Some(persona) = &file.persona else { continue };
        let id = persona.id.0.clone();
        match seen.iter().find(|(seen_id, _)| *seen_id == id) {
            Some((_, other)) => {
                let span = SourceMap::scan(&file.text).locate_value("id");
                let problem = Problem::DuplicatePersonaId { id, other: other.display().to_string() };
                file.diagnostics.push(Diagnostic::new(Level::Error, problem, &file.path, &file.text, span));
                file.persona = None;
            }
            None => seen.push((id, file.path.clone())),
        }
    }
}

/// The string tables among `paths` (files of the graph's folder) that belong to `graph`.
pub fn tables_of(graph: &Path, paths: &[PathBuf]) -> Vec<PathBuf> {
    let stem = graph.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let belongs = |p: &&PathBuf| {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        table_name_parts(&name).is_some_and(|(of, _)| of == stem)
    };
    paths.iter().filter(belongs).cloned().collect()
}

/// Files at least this large are hashed and copied on a second thread while they parse.
const PARALLEL_BYTES: usize = 1024 * 1024;

/// Parses and validates a file's bytes; `path` names it in diagnostics.
pub fn load_bytes(path: &Path, bytes: &[u8], assets: &dyn Assets) -> LoadedFile {
    load_persona(path, bytes, Vec::new(), assets)
}

/// Parses and validates a graph's bytes and applies its string tables (path and bytes, or why
/// they could not be read).
pub fn load_persona(
    path: &Path,
    bytes: &[u8],
    tables: Vec<(PathBuf, Result<Vec<u8>, Problem>)>,
    assets: &dyn Assets,
) -> LoadedFile {
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]).into_owned();
            let at = valid.len();
            let diagnostic = Diagnostic::new(Level::Error, Problem::NotUtf8, path, &valid, Some(at..at));
            return LoadedFile {
                path: path.to_path_buf(),
                text: valid,
                persona: None,
                diagnostics: vec![diagnostic],
                tables: Vec::new(),
                origin: Origin::folder_of(path),
            };
        }
    };
    let hash_and_copy = || (ContentHash::of(bytes), text.to_string());
    let ((hash, owned), (parsed, mut diagnostics)) = if bytes.len() < PARALLEL_BYTES {
        (hash_and_copy(), parse(path, text))
    } else {
        std::thread::scope(|scope| match std::thread::Builder::new().spawn_scoped(scope, hash_and_copy) {
            Ok(side) => {
                let parsed = parse(path, text);
                match side.join() {
                    Ok(hashed) => (hashed, parsed),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            Err(_) => (hash_and_copy(), parse(path, text)),
        })
    };
    let Some(mut file) = parsed else {
        return LoadedFile {
            path: path.to_path_buf(),
            text: owned,
            persona: None,
            diagnostics,
            tables: Vec::new(),
            origin: Origin::folder_of(path),
        };
    };
    // Tables need every text; without them only the ids matter (to find one used twice).
    let lines = if tables.is_empty() { strip_line_ids(&mut file) } else { take_line_ids(&mut file) };
    // Validation takes the file; translations need it again, with only their words changed.
    let for_tables = (!tables.is_empty()).then(|| file.clone());
    let (persona, found) = validate(file, Context { path, text, assets, hash: hash.clone() });
    diagnostics.extend(found);
    let table_paths: Vec<PathBuf> = tables.iter().map(|(p, _)| p.clone()).collect();
    let mut persona = persona;
    let mut loaded_tables = Vec::new();
    if let Some(file) = &for_tables {
        let graph =
            Graph { path, text, file, lines: &lines, assets, hash: &hash, playable: persona.is_some() };
        diagnostics.extend(id_problems(path, text, &lines, &table_paths));
        for (table_path, read) in tables {
            let table_text = read.and_then(|bytes| String::from_utf8(bytes).map_err(|_| Problem::NotUtf8));
            match table_text {
                Ok(table_text) => {
                    let (table, in_graph) = load_table(&graph, &table_path, &table_text);
                    diagnostics.extend(in_graph);
                    loaded_tables.push(table);
                }
                Err(problem) => loaded_tables.push(LoadedTable {
                    diagnostics: vec![Diagnostic::new(Level::Error, problem, &table_path, "", None)],
                    path: table_path,
                    text: String::new(),
                    language: None,
                    persona: None,
                }),
            }
        }
    } else {
        diagnostics.extend(id_problems(path, text, &lines, &[]));
    }
    if diagnostics.iter().any(Diagnostic::is_error) {
        persona = None;
    }
    LoadedFile {
        path: path.to_path_buf(),
        text: owned,
        persona: persona.map(Arc::new),
        diagnostics,
        tables: loaded_tables,
        origin: Origin::folder_of(path),
    }
}

/// How persona files are read: implicit `Some` (trainers may write a bare value for an
/// optional field) and the nesting limit.
pub fn reading() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING)
}

/// Parses RON text into the raw file structure, or a located syntax diagnostic.
///
/// `ron` reads it and gives the diagnostic. When the text there shows a mistake trainers
/// commonly make (see [`mistakes`]), the diagnostic names that mistake instead.
pub fn parse(path: &Path, text: &str) -> (Option<PersonaFile>, Vec<Diagnostic>) {
    match reading().from_str::<PersonaFile>(text) {
        Ok(file) => (Some(file), Vec::new()),
        Err(err) => {
            let start = offset_of(text, err.span.start.line, err.span.start.col);
            let end = offset_of(text, err.span.end.line, err.span.end.col).max(start);
            let end = if end == start { next_char_end(text, start) } else { end };
            if let Some(found) = mistakes::recognise(text, &err.code, start) {
                let diagnostic = Diagnostic::new(Level::Error, found.problem, path, text, Some(found.span));
                return (None, vec![diagnostic]);
            }
            let message = match &err.code {
                ron::Error::ExceededRecursionLimit => format!("nesting deeper than {MAX_NESTING} levels"),
                code => code.to_string(),
            };
            let mut diagnostic =
                Diagnostic::new(Level::Error, Problem::Syntax(message), path, text, Some(start..end));
            diagnostic.hint = syntax_hint(&err.code);
            (None, vec![diagnostic])
        }
    }
}

fn next_char_end(text: &str, at: usize) -> usize {
    text.get(at..).and_then(|rest| rest.chars().next()).map_or(at, |c| at + c.len_utf8())
}

/// A hint for a syntax or type error, where the fix is clear.
fn syntax_hint(err: &ron::Error) -> Option<String> {
    use ron::Error as E;
    let listed = |expected: &[&str]| expected.iter().map(|e| format!("`{e}`")).collect::<Vec<_>>().join(", ");
    Some(match err {
        E::ExpectedComma => {
            "a comma may be missing after the previous value, or a quote is not closed".into()
        }
        E::Eof => "a bracket or quote opened earlier is not closed".into(),
        E::ExpectedString | E::ExpectedStringEnd => {
            "text goes in double quotes; write a quote inside text as \\\"".into()
        }
        E::ExpectedInteger | E::InvalidIntegerDigit { .. } | E::IntegerOutOfBounds => {
            "write a whole number here".into()
        }
        E::ExpectedFloat => "write a number such as 1250.00".into(),
        E::ExpectedBoolean => "write `true` or `false`, without quotes".into(),
        E::ExpectedMapColon => "map entries are written `key: value`".into(),
        E::TrailingCharacters => "everything must be inside the one `Persona( ... )`".into(),
        E::ExceededRecursionLimit => "conditions need only a few levels; simplify this one".into(),
        E::UnclosedBlockComment => "close the comment with */".into(),
        E::MissingStructField { field, .. } => format!("add `{field}: ...` (see docs/authoring.md)"),
        E::DuplicateStructField { .. } => "remove one of the two".into(),
        E::ExpectedDifferentStructName { expected, .. } => format!("write `{expected}(`"),
        E::NoSuchStructField { expected, found, .. } => match suggest(found, expected.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("the fields here are {}", listed(expected)),
        },
        E::NoSuchEnumVariant { expected, found, .. } => match suggest(found, expected.iter().copied()) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!("write one of {}", listed(expected)),
        },
        E::Message(m) if m.contains("untagged enum LineSpec") => {
            "a debtor line is \"text\" or (text: \"...\", weight: 2)".into()
        }
        E::Message(m) if m.contains("written twice") => {
            "each key may appear only once; rename or merge one".into()
        }
        E::Message(m) if m.contains("input") || m.contains("premature") => {
            "dates are written \"2026-03-14\" (year-month-day)".into()
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_error_is_located_with_a_hint() {
        let text = "Persona(\n    format: 1,\n    id: \"x\"\n    name: \"y\",\n)";
        let (file, diags) = parse(Path::new("x.ron"), text);
        assert!(file.is_none());
        assert_eq!(diags.len(), 1);
        let d = &diags[0];
        assert_eq!(d.problem.code(), "missing-comma");
        assert_eq!((d.line, d.column), (3, 12));
        assert_eq!(d.hint.as_deref(), Some("write `id: \"x\",`"));
        // Where the mistake is not one `mistakes` knows, `ron`'s message stands, with a hint.
        let (_, diags) = parse(Path::new("x.ron"), "Persona(\n    format: 1 PLN,\n)");
        let d = &diags[0];
        assert_eq!((d.problem.code(), d.line, d.column), ("syntax", 2, 15));
        assert_eq!(
            d.hint.as_deref(),
            Some("a comma may be missing after the previous value, or a quote is not closed")
        );
    }

    #[test]
    fn misspelt_field_gets_a_suggestion() {
        let text = "Persona(formt: 1)";
        let (_, diags) = parse(Path::new("x.ron"), text);
        assert_eq!(diags[0].hint.as_deref(), Some("did you mean `format`?"));
    }

    #[test]
    fn deep_nesting_is_refused() {
        let text = format!("Persona(format: {}1{})", "[".repeat(500), "]".repeat(500));
        let (_, diags) = parse(Path::new("x.ron"), &text);
        assert!(diags[0].hint.is_some(), "{:?}", diags[0]);
    }

    #[test]
    fn invalid_utf8_is_located() {
        let bytes = b"Persona(\n  name: \"Zieli\xf1ski\")";
        let loaded = load_bytes(Path::new("x.ron"), bytes, &crate::assets::NoAssets::default());
        assert_eq!(loaded.diagnostics[0].problem, Problem::NotUtf8);
        assert_eq!((loaded.diagnostics[0].line, loaded.diagnostics[0].column), (2, 15));
    }
}

#[cfg(test)]
mod overlay_tests {
    use super::*;
    use crate::assets::MemoryAssets;

    const MINIMAL: &str = include_str!("../../../tests/data/good/minimal.ron");

    fn loaded(path: &str, text: &str, origin: Origin) -> LoadedFile {
        let assets =
            MemoryAssets::new("assets").with("portraits/minimal/calm.png", crate::synthetic::PORTRAIT_PNG);
        LoadedFile { origin, ..load_bytes(Path::new(path), text.as_bytes(), &assets) }
    }

    #[test]
    fn a_folder_persona_replaces_the_bundled_one_with_its_id_and_a_broken_one_does_not() {
        let bundled = Library { files: vec![loaded("(bundled)/minimal.ron", MINIMAL, Origin::Bundled)] };
        assert!(bundled.files[0].persona.is_some(), "{}", bundled.files[0].render());
        let edited = MINIMAL.replacen("name: \"", "name: \"Edited ", 1);
        let folder = Library {
            files: vec![loaded(
                "mine/minimal.ron",
                &edited,
                Origin::folder_of(Path::new("mine/minimal.ron")),
            )],
        };
        let library = Library::overlay(bundled.clone(), folder);
        assert_eq!(library.files.len(), 1);
        let file = &library.files[0];
        assert_eq!(file.origin, Origin::Folder { dir: PathBuf::from("mine"), replaces_bundled: true });
        assert!(file.persona.as_ref().is_some_and(|p| p.name.starts_with("Edited ")));

        let broken = Library {
            files: vec![loaded(
                "mine/minimal.ron",
                "Persona(",
                Origin::folder_of(Path::new("mine/minimal.ron")),
            )],
        };
        let library = Library::overlay(bundled, broken);
        assert_eq!(library.files.len(), 2, "the bundled persona stays beside the broken file");
        assert_eq!(library.files[0].origin, Origin::Bundled);
        assert!(library.files[1].persona.is_none());
    }
}
