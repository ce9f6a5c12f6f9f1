//! The managers' reports index: one SQLite database in the user's data folder
//! ([`default_index_path`]) holding a row for every report file of any number of reports
//! folders, keyed by folder and file name and stamped with the file's size and modification
//! time. The dashboard's table, filters, sorts and aggregations and the library's best scores
//! are queries on it.
//!
//! `files` lists a folder and reads the heads (or the whole) of its files; `db` keeps the
//! tables and refreshes a folder incrementally (only new or changed files are read, and only
//! their heads; vanished ones are deleted; damaged ones recorded as skipped so they are not
//! read again until they change) and checks signatures in a second pass; `codes` says how
//! enums are kept in columns; `query` answers the dashboard's questions; `memory` gives the
//! same answer from the rows of a first scan before they are written; `service` runs all of
//! it on a thread of its own so that the app never waits. The index is only ever a shortcut: it never writes into a reports
//! folder, and deleting its file loses nothing but time.

mod codes;
pub mod db;
mod files;
mod memory;
pub mod query;
pub mod service;

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use thiserror::Error;

use crate::report::row::Row;
use crate::report::sign::Signature;
use settle_core::call::Mode;
use settle_core::outcome::Outcome;
use settle_core::persona::{NodeId, PersonaId, ReplyIdx};
use settle_core::style::{ConflictStyle, StylePoint};
use settle_core::vocabulary::{Language, Ploy, ViolationKind};

pub use db::{Index, Refreshed, Scan, Verified};
pub use service::{IndexService, Query, Snapshot};

/// The index's file name in the data folder.
pub const INDEX_FILE: &str = "reports-index.sqlite3";

/// Where the reports index lives: one file in Settle's data folder, for every reports folder.
pub fn default_index_path(data_dir: &std::path::Path) -> PathBuf {
    data_dir.join(INDEX_FILE)
}

#[derive(Debug, Error)]
pub enum IndexError {
    #[error("the reports index {path}: {source}")]
    Open { path: PathBuf, source: rusqlite::Error },
    #[error("the reports index: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("cannot read the reports folder {path}: {source}")]
    ReadFolder { path: PathBuf, source: std::io::Error },
    #[error("the reports index holds a row it cannot read: {0}")]
    Row(#[from] serde_json::Error),
}

/// A file's size and modification time, as the index saw it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FileStamp {
    pub size: u64,
    /// Nanoseconds since 1970; -1 for a file changed so recently that a write in the same clock
    /// tick could still follow unseen (it is read again at the next refresh).
    pub modified_ns: i64,
}

impl FileStamp {
    pub fn of(meta: &std::fs::Metadata) -> FileStamp {
        let modified = meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
        let modified_ns = modified.map_or(0, |d| i64::try_from(d.as_nanos()).unwrap_or(i64::MAX));
        FileStamp { size: meta.len(), modified_ns }
    }
}

/// One call of the index with everything its row holds: for exports and the command line.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub path: PathBuf,
    pub signature: Signature,
    pub row: Row,
}

impl std::ops::Deref for Entry {
    type Target = Row;
    fn deref(&self) -> &Row {
        &self.row
    }
}

/// One line of the dashboard's table: only what it shows, so that 100,000 of them are quick to
/// fetch and small to keep.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub path: PathBuf,
    pub trainee: String,
    pub persona: PersonaId,
    pub persona_name: String,
    pub language: Language,
    pub mode: Mode,
    pub started_at: DateTime<Utc>,
    pub outcome: Outcome,
    pub total: f64,
    pub expected_score: Option<u32>,
    pub passed: bool,
    pub style: ConflictStyle,
    pub signature: Signature,
}

/// What the dashboard filters by; `None` means any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Compared without case or surrounding spaces.
    pub trainee: Option<String>,
    pub persona: Option<PersonaId>,
    pub language: Option<Language>,
    pub mode: Option<Mode>,
    pub passed: Option<bool>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    /// Case-insensitive text found in the trainee or persona name, or the persona's id.
    pub text: String,
}

/// The table's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortBy {
    #[default]
    Date,
    Trainee,
    Persona,
    Score,
    Outcome,
}

/// The summary tiles.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Summary {
    pub calls: usize,
    pub passed: usize,
    pub pass_rate: f64,
    pub mean_score: f64,
    /// The most common reason for failing, with its count.
    pub top_failure: Option<(FailureKind, usize)>,
}

/// A failure reason as managers group them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FailureKind {
    CriticalError(ViolationKind),
    MissedCriticalStep,
    BelowPassMark,
}

/// One trainee's picture.
#[derive(Debug, Clone, PartialEq)]
pub struct TraineeView {
    pub trainee: String,
    pub summary: Summary,
    /// Per persona: (date, score) in time order.
    pub scores_over_time: std::collections::BTreeMap<PersonaId, Vec<(DateTime<Utc>, f64)>>,
    pub style_points: Vec<(PersonaId, StylePoint)>,
    pub violations: Vec<(ViolationKind, usize)>,
    pub ploys_fallen_for: Vec<(Ploy, usize)>,
    /// Per persona: the best and the last total.
    pub best_and_last: std::collections::BTreeMap<PersonaId, (f64, f64)>,
}

/// One persona's picture, for the trainer who tunes it.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonaView {
    pub persona: PersonaId,
    pub summary: Summary,
    /// Calls per score band of ten: index 0 is 0-9.9, index 9 is 90-100.
    pub histogram: [usize; 10],
    pub outcomes: Vec<(Outcome, usize)>,
    /// The replies that most often cost trainees points (a violation or a ploy fallen for).
    pub costly_replies: Vec<((NodeId, ReplyIdx), usize)>,
}

/// A trainee's name as the index compares it: without case or surrounding spaces.
pub fn trainee_key(name: &str) -> String {
    name.trim().to_lowercase()
}
