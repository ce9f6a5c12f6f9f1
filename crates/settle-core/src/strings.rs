//! String tables: one persona's texts in another language, as a CSV file a translator edits in
//! a spreadsheet (`tomasz-partner.pl.strings.csv`).
//!
//! Columns: `id` (the line id), `where` (for people), `source` (the text in the persona's own
//! language), `translation`, and `lock`, the first eight hex digits of SHA-256 of the source
//! text the translation was made from: when the graph's text changes, the lock no longer
//! matches and the row is stale. This module reads and writes tables and compares them with a
//! graph's texts; it never reads files and never decides how a finding is reported.

use std::collections::{HashMap, HashSet};

use crate::lines::{LineId, TextLine};

/// The header a table is written with. Reading accepts the columns in any order; `where` may
/// be missing.
pub const HEADER: [&str; 5] = ["id", "where", "source", "translation", "lock"];

/// One row of a table, with where it is in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableRow {
    pub id: String,
    pub place: String,
    pub source: String,
    pub translation: String,
    pub lock: String,
    /// Byte offsets in the file of the row and of its `id`, `translation` and `lock` cells.
    pub at: RowPlace,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RowPlace {
    pub row: usize,
    pub id: usize,
    pub translation: usize,
    pub lock: usize,
}

impl TableRow {
    /// A row for `line`, untranslated, locked to its current source.
    pub fn for_line(line: &TextLine, id: &LineId) -> TableRow {
        TableRow {
            id: id.0.clone(),
            place: line.site.describe(),
            source: line.text.clone(),
            translation: String::new(),
            lock: lock_of(&line.text),
            at: RowPlace::default(),
        }
    }

    pub fn is_translated(&self) -> bool {
        !self.translation.trim().is_empty()
    }

    /// Translated from another source text than `source`. An empty lock means the translator
    /// confirmed the translation against the current source.
    pub fn is_stale(&self, source: &str) -> bool {
        self.is_translated() && !self.lock.trim().is_empty() && self.lock.trim() != lock_of(source)
    }
}

/// The first eight hex digits of SHA-256 of a source text.
pub fn lock_of(source: &str) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(&Sha256::digest(source.as_bytes())[..4])
}

/// Why a table cannot be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TableError {
    #[error("the table has no header row")]
    Empty,
    #[error("the header has no `{0}` column")]
    MissingColumn(&'static str),
    #[error("row {line} cannot be read: {message}")]
    BadRow { line: u64, offset: usize, message: String },
}

impl TableError {
    /// Where in the file the problem is.
    pub fn offset(&self) -> usize {
        match self {
            TableError::BadRow { offset, .. } => *offset,
            _ => 0,
        }
    }
}

/// Reads a table. Accepts a UTF-8 byte-order mark and `;` as the separator (as spreadsheets
/// in Polish locales save CSV).
pub fn parse(text: &str) -> Result<Vec<TableRow>, TableError> {
    let bom = if text.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let body = &text[bom..];
    let first_line = body.lines().next().unwrap_or("");
    let delimiter =
        if first_line.matches(';').count() > first_line.matches(',').count() { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(true)
        .from_reader(body.as_bytes());
    let headers = reader.headers().map_err(|_| TableError::Empty)?.clone();
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(TableError::Empty);
    }
    let column = |name: &'static str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let required = |name: &'static str| column(name).ok_or(TableError::MissingColumn(name));
    let (id_col, source_col, translation_col, lock_col) =
        (required("id")?, required("source")?, required("translation")?, required("lock")?);
    let where_col = column("where");
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let (line, offset) = e.position().map(|p| (p.line(), p.byte() as usize)).unwrap_or((0, 0));
            TableError::BadRow { line, offset: bom + offset, message: e.to_string() }
        })?;
        let starts =
            field_starts(text, bom + record.position().map(|p| p.byte() as usize).unwrap_or(0), delimiter);
        let start = starts[0];
        let cell = |i: usize| record.get(i).unwrap_or("").to_string();
        let at_cell = |i: usize| starts.get(i).copied().unwrap_or(start);
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        rows.push(TableRow {
            id: cell(id_col).trim().to_string(),
            place: where_col.map(cell).unwrap_or_default(),
            source: cell(source_col),
            translation: cell(translation_col),
            lock: cell(lock_col).trim().to_string(),
            at: RowPlace {
                row: start,
                id: at_cell(id_col),
                translation: at_cell(translation_col),
                lock: at_cell(lock_col),
            },
        });
    }
    Ok(rows)
}

/// Byte offsets of each field of the record that starts at `start`.
fn field_starts(text: &str, start: usize, delimiter: u8) -> Vec<usize> {
    let bytes = text.as_bytes();
    // With CRLF line ends a record's position may fall on the `\n` of the previous line.
    let start =
        start + bytes[start.min(bytes.len())..].iter().take_while(|b| matches!(b, b'\r' | b'\n')).count();
    let mut starts = vec![start];
    let mut quoted = false;
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'"' if quoted && bytes.get(i + 1) == Some(&b'"') => i += 1,
            b'"' => quoted = !quoted,
            b if b == delimiter && !quoted => starts.push(i + 1),
            b'\n' | b'\r' if !quoted => break,
            _ => {}
        }
        i += 1;
    }
    starts
}

/// A table as text, with the header; cells are quoted where CSV needs it.
pub fn write(rows: &[TableRow]) -> String {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    // Writing to memory cannot fail; an error here would be a bug in the csv crate.
    let mut out = |cells: &[&str]| writer.write_record(cells).is_ok();
    out(&HEADER);
    for row in rows {
        out(&[&row.id, &row.place, &row.source, &row.translation, &row.lock]);
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// What comparing a table with a graph found.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    /// Lines (by position in the graph's list) with no row at all.
    pub no_row: Vec<usize>,
    /// Rows (by position) whose translation is empty.
    pub untranslated: Vec<usize>,
    /// Rows whose source text changed since they were translated.
    pub stale: Vec<usize>,
    /// Rows whose id is not in the graph, with the closest id that is.
    pub orphans: Vec<(usize, Option<String>)>,
    /// Rows that repeat an id of an earlier row.
    pub duplicates: Vec<usize>,
}

/// Compares a table's rows with a graph's texts.
pub fn compare(lines: &[TextLine], rows: &[TableRow]) -> Comparison {
    let mut cmp = Comparison::default();
    let mut by_id: HashMap<&str, usize> = HashMap::new();
    for (r, row) in rows.iter().enumerate() {
        if by_id.contains_key(row.id.as_str()) {
            cmp.duplicates.push(r);
        } else {
            by_id.insert(&row.id, r);
        }
    }
    let graph_ids: HashSet<&str> =
        lines.iter().filter_map(|l| l.id.as_ref().map(|id| id.0.as_str())).collect();
    for (i, line) in lines.iter().enumerate() {
        let Some(id) = &line.id else { continue };
        match by_id.get(id.0.as_str()) {
            None => cmp.no_row.push(i),
            Some(&r) if !rows[r].is_translated() => cmp.untranslated.push(r),
            Some(&r) if rows[r].is_stale(&line.text) => cmp.stale.push(r),
            Some(_) => {}
        }
    }
    // A renamed line is suggested only among ids that have no row of their own yet.
    let rowless: Vec<&str> = graph_ids.iter().copied().filter(|id| !by_id.contains_key(id)).collect();
    for (r, row) in rows.iter().enumerate() {
        if !graph_ids.contains(row.id.as_str()) && by_id.get(row.id.as_str()) == Some(&r) {
            let suggestion = crate::diagnostic::suggest(&row.id, rowless.iter().copied());
            cmp.orphans.push((r, suggestion));
        }
    }
    cmp
}

/// The translation to show for each line id: rows with a translation, by id.
pub fn translations(rows: &[TableRow]) -> HashMap<&str, &str> {
    let mut out = HashMap::new();
    for row in rows.iter().filter(|r| r.is_translated()) {
        out.entry(row.id.as_str()).or_insert(row.translation.as_str());
    }
    out
}

/// The table refreshed from the graph: a row per line id in graph order, each existing
/// translation kept. A translated row keeps its lock (so a stale row stays stale until the
/// translator empties the lock); an emptied lock is set to the current source. Rows whose id
/// left the graph are kept at the end unless `prune`, so no translation is lost by accident.
pub fn refresh(lines: &[TextLine], rows: &[TableRow], prune: bool) -> Vec<TableRow> {
    let mut by_id: HashMap<&str, &TableRow> = HashMap::new();
    for row in rows {
        by_id.entry(row.id.as_str()).or_insert(row);
    }
    let mut out = Vec::with_capacity(lines.len());
    let mut used = HashSet::new();
    for line in lines {
        let Some(id) = &line.id else { continue };
        if !used.insert(id.0.as_str()) {
            continue;
        }
        let mut row = TableRow::for_line(line, id);
        if let Some(old) = by_id.get(id.0.as_str()).filter(|old| old.is_translated()) {
            row.translation = old.translation.clone();
            if !old.lock.trim().is_empty() {
                row.lock = old.lock.trim().to_string();
            }
        }
        out.push(row);
    }
    if !prune {
        let kept = rows.iter().filter(|r| !used.contains(r.id.as_str()));
        let mut seen = HashSet::new();
        out.extend(
            kept.filter(|r| seen.insert(r.id.as_str()))
                .map(|r| TableRow { at: RowPlace::default(), ..r.clone() }),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::Site;

    fn line(node: &str, id: &str, text: &str) -> TextLine {
        TextLine {
            site: Site::Reply { node: node.into(), n: 0 },
            id: Some(LineId(id.into())),
            text: text.into(),
            weighted: false,
        }
    }

    #[test]
    fn writes_and_reads_back_with_places() {
        let lines = [line("a", "a.reply1", "Hello, \"sir\"\nsecond line"), line("b", "b.reply1", "Bye")];
        let mut rows = refresh(&lines, &[], false);
        rows[1].translation = "Do widzenia".into();
        let text = write(&rows);
        assert!(text.starts_with("id,where,source,translation,lock\r\n"), "{text}");
        let read = parse(&text).expect("reads");
        assert_eq!(read.len(), 2);
        assert_eq!(read[0].source, "Hello, \"sir\"\nsecond line");
        assert_eq!(read[1].translation, "Do widzenia");
        assert_eq!(&text[read[1].at.translation..read[1].at.translation + 3], "Do ");
        assert_eq!(&text[read[1].at.id..read[1].at.id + 8], "b.reply1");
    }

    #[test]
    fn reads_semicolons_and_a_byte_order_mark() {
        let text = "\u{feff}id;where;source;translation;lock\nx;;Hi;Cześć;\n";
        let rows = parse(text).expect("reads");
        assert_eq!(rows[0].translation, "Cześć");
        assert_eq!(&text[rows[0].at.translation..rows[0].at.translation + 2], "Cz");
    }

    #[test]
    fn a_table_without_a_needed_column_is_refused() {
        assert_eq!(parse("id,source,lock\n"), Err(TableError::MissingColumn("translation")));
        assert_eq!(parse(""), Err(TableError::Empty));
    }

    #[test]
    fn finds_missing_untranslated_stale_orphan_and_duplicate_rows() {
        let lines =
            [line("a", "a1", "one"), line("b", "b1", "two"), line("c", "c1", "three"), line("d", "d1", "x")];
        let row = |id: &str, translation: &str, lock: &str| TableRow {
            id: id.into(),
            place: String::new(),
            source: String::new(),
            translation: translation.into(),
            lock: lock.into(),
            at: RowPlace::default(),
        };
        let rows = [
            row("a1", "jeden", &lock_of("one")),
            row("b1", "", ""),
            row("c1", "trzy", &lock_of("old three")),
            row("gone", "x", ""),
            row("a1", "raz", ""),
        ];
        let cmp = compare(&lines, &rows);
        assert_eq!(cmp.no_row, vec![3]);
        assert_eq!(cmp.untranslated, vec![1]);
        assert_eq!(cmp.stale, vec![2]);
        assert_eq!(cmp.orphans, vec![(3, None)]);
        assert_eq!(cmp.duplicates, vec![4]);
    }

    #[test]
    fn refresh_keeps_translations_and_stale_locks() {
        let lines = [line("a", "a1", "new text"), line("b", "b1", "two")];
        let old = vec![
            TableRow {
                translation: "stary".into(),
                lock: lock_of("old text"),
                ..TableRow::for_line(&lines[0], &LineId("a1".into()))
            },
            TableRow {
                translation: "dwa".into(),
                lock: String::new(),
                ..TableRow::for_line(&lines[1], &LineId("b1".into()))
            },
            TableRow {
                id: "gone".into(),
                translation: "x".into(),
                ..TableRow::for_line(&lines[1], &LineId("gone".into()))
            },
        ];
        let rows = refresh(&lines, &old, false);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].source, "new text");
        assert_eq!(rows[0].translation, "stary");
        assert!(rows[0].is_stale("new text"), "a changed source stays stale until confirmed");
        assert_eq!(rows[1].lock, lock_of("two"), "an emptied lock is filled with the current source");
        assert_eq!(rows[2].id, "gone");
        assert_eq!(refresh(&lines, &old, true).len(), 2);
    }
}
