//! The dashboard's answer from the rows of a first scan, before they are written: a first
//! open of a large folder shows its table as soon as the heads are read, and the insert into
//! SQLite follows in the background (for 100,000 reports it takes longer than the reading).
//!
//! Every function here is the in-memory twin of a query in `query`, and must give exactly its
//! answer on the same rows: the same filter (`Where::of`), the same order (`order_by`: the
//! column, then the file name, both in the asked direction, text compared as bytes as SQLite's
//! BINARY collation does), the same mean (SQLite's Kahan-Babuska-Neumaier sum), the same
//! values after the round trip through the columns (times in microseconds, enums by their
//! codes). `tests/index.rs` compares the two on a fixture folder. Nothing here reads files or
//! the database; when a query asks for more than this module answers (a trainee's or a
//! persona's picture), it answers nothing and the service waits for SQL.

use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::path::Path;

use super::codes::{failure_code, failure_of, language_code, mode_code, nth, outcome_code, style_code};
use super::db::Scan;
use super::query::time;
use super::service::{Query, Snapshot};
use super::{Filter, Line, SortBy, Summary, trainee_key};
use crate::report::row::Row;
use crate::report::sign::Signature;
use crate::report::store::Skipped;
use settle_core::outcome::Outcome;
use settle_core::persona::PersonaId;
use settle_core::style::ConflictStyle;
use settle_core::vocabulary::Language;

/// One report of the scan with what the queries compare it by, as its columns hold it.
struct Held<'a> {
    name: &'a str,
    row: &'a Row,
    /// `trainee_key`
    trainee_key: String,
    /// `started_at`, in microseconds as stored
    started_at: i64,
}

/// The snapshot the database will give once `scan` is applied, when the scan is the whole
/// folder and the query asks for nothing but the table, its tiles and best scores.
pub(super) fn snapshot(scan: &Scan, query: &Query) -> Option<Snapshot> {
    if !scan.is_whole() || !query.trainees.is_empty() || query.persona.is_some() {
        return None;
    }
    let folder = &scan.folder;
    let mut held = Vec::with_capacity(scan.read.len());
    let mut skipped = Vec::new();
    for file in &scan.read {
        match &file.row {
            Ok(row) => held.push(Held {
                name: &file.name,
                row,
                trainee_key: trainee_key(&row.trainee),
                started_at: row.started_at.timestamp_micros(),
            }),
            Err(reason) => skipped.push((file.name.as_str(), reason)),
        }
    }
    // `Index::skipped`: by name.
    skipped.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let skipped = skipped
        .into_iter()
        .map(|(name, reason)| Skipped { path: folder.join(name), reason: reason.clone() })
        .collect();
    let best = match &query.best_for {
        Some(trainee) => best_scores(&held, &trainee_key(trainee)),
        None => BTreeMap::new(),
    };
    let (lines, summary, trainees) = if query.table {
        let mut passing = filtered(&held, &query.filter);
        let summary = summary(&passing);
        passing.sort_by(|a, b| order(a, b, query.sort, query.descending));
        let lines = passing.iter().map(|h| line(folder, h)).collect();
        (lines, summary, trainees(&held))
    } else {
        (Vec::new(), Summary::default(), Vec::new())
    };
    Some(Snapshot {
        folder: folder.clone(),
        query: query.clone(),
        lines: std::sync::Arc::new(lines),
        summary,
        trainees,
        skipped,
        pending: held.len(),
        trainee_views: Vec::new(),
        persona_view: None,
        best,
        refreshed: false,
        error: None,
        generation: 0,
    })
}

/// `Where::of`.
fn filtered<'a, 'b>(held: &'b [Held<'a>], filter: &Filter) -> Vec<&'b Held<'a>> {
    let trainee = filter.trainee.as_deref().map(trainee_key);
    let text = filter.text.trim().to_lowercase();
    held.iter()
        .filter(|h| {
            let row = h.row;
            trainee.as_ref().is_none_or(|t| *t == h.trainee_key)
                && filter.persona.as_ref().is_none_or(|p| *p == row.persona)
                && filter.language.is_none_or(|l| language_code(l) == language_code(row.language))
                && filter.mode.is_none_or(|m| mode_code(m) == mode_code(row.mode))
                && filter.passed.is_none_or(|p| p == row.passed)
                && filter.from.is_none_or(|from| h.started_at >= from.timestamp_micros())
                && filter.to.is_none_or(|to| h.started_at <= to.timestamp_micros())
                && (text.is_empty()
                    || h.trainee_key.contains(&text)
                    || row.persona_name.to_lowercase().contains(&text)
                    || row.persona.0.contains(&text))
        })
        .collect()
}

/// `order_by`: the column, then the file name, both reversed for a descending order.
fn order(a: &Held<'_>, b: &Held<'_>, sort: SortBy, descending: bool) -> Ordering {
    let by = match sort {
        SortBy::Date => a.started_at.cmp(&b.started_at),
        SortBy::Trainee => a.trainee_key.as_bytes().cmp(b.trainee_key.as_bytes()),
        SortBy::Persona => a.row.persona_name.as_bytes().cmp(b.row.persona_name.as_bytes()),
        // Totals are finite (a row outside 0-100 is skipped); SQLite holds -0.0 equal to 0.0,
        // as `partial_cmp` does.
        SortBy::Score => a.row.total.partial_cmp(&b.row.total).unwrap_or(Ordering::Equal),
        SortBy::Outcome => outcome_code(a.row.outcome).cmp(&outcome_code(b.row.outcome)),
    };
    let ordering = by.then_with(|| a.name.as_bytes().cmp(b.name.as_bytes()));
    if descending { ordering.reverse() } else { ordering }
}

/// A table line as `Index::lines` reads it back from its columns.
fn line(folder: &Path, h: &Held<'_>) -> Line {
    let row = h.row;
    Line {
        path: folder.join(h.name),
        trainee: row.trainee.clone(),
        persona: row.persona.clone(),
        persona_name: row.persona_name.clone(),
        language: nth(&Language::ALL, language_code(row.language)).unwrap_or(Language::En),
        mode: row.mode,
        started_at: time(h.started_at),
        outcome: nth(&Outcome::ALL, outcome_code(row.outcome)).unwrap_or(Outcome::Refused),
        total: row.total,
        expected_score: row.expected_score,
        passed: row.passed,
        style: nth(&ConflictStyle::ALL, style_code(row.style)).unwrap_or(ConflictStyle::Compromising),
        // Every row is written pending; its check comes after the insert.
        signature: Signature::Pending,
    }
}

/// `Index::summary`.
fn summary(passing: &[&Held<'_>]) -> Summary {
    let calls = passing.len();
    let passed = passing.iter().filter(|h| h.row.passed).count();
    let mut sum = Neumaier::default();
    let mut failures: BTreeMap<i64, usize> = BTreeMap::new();
    for h in passing {
        sum.add(h.row.total);
        if let Some(reason) = h.row.fail_reason {
            *failures.entry(failure_code(reason)).or_default() += 1;
        }
    }
    // The most common failure; equal counts go to the lowest code (the map is in code order and
    // `max_by` keeps the last of equals, so it walks the codes from the highest).
    let top = failures.iter().rev().max_by(|a, b| a.1.cmp(b.1)).map(|(code, n)| (*code, *n));
    Summary {
        calls,
        passed,
        pass_rate: if calls > 0 { passed as f64 / calls as f64 } else { 0.0 },
        mean_score: if calls > 0 { sum.total() / calls as f64 } else { 0.0 },
        top_failure: top.and_then(|(code, n)| Some((failure_of(code)?, n))),
    }
}

/// `Index::trainees`: one spelling per trainee (the smallest), in key order.
fn trainees(held: &[Held<'_>]) -> Vec<String> {
    let mut names: BTreeMap<&[u8], &str> = BTreeMap::new();
    for h in held {
        let name = names.entry(h.trainee_key.as_bytes()).or_insert(&h.row.trainee);
        if h.row.trainee.as_bytes() < name.as_bytes() {
            *name = &h.row.trainee;
        }
    }
    names.into_values().map(str::to_string).collect()
}

/// `Index::best_scores`.
fn best_scores(held: &[Held<'_>], key: &str) -> BTreeMap<PersonaId, f64> {
    let mut best: BTreeMap<PersonaId, f64> = BTreeMap::new();
    for h in held.iter().filter(|h| h.trainee_key == key) {
        let total = best.entry(h.row.persona.clone()).or_insert(h.row.total);
        if h.row.total > *total {
            *total = h.row.total;
        }
    }
    best
}

/// SQLite's `AVG` over reals (`kahanBabuskaNeumaierStep` in sqlite3.c): a compensated sum, so
/// that the mean of 100,000 scores does not depend on rounding in a long running sum.
#[derive(Default)]
struct Neumaier {
    sum: f64,
    error: f64,
}

impl Neumaier {
    fn add(&mut self, value: f64) {
        let t = self.sum + value;
        if self.sum.abs() > value.abs() {
            self.error += (self.sum - t) + value;
        } else {
            self.error += (value - t) + self.sum;
        }
        self.sum = t;
    }

    fn total(&self) -> f64 {
        // SQLite leaves the error out when it overflowed.
        if self.error.is_finite() { self.sum + self.error } else { self.sum }
    }
}
