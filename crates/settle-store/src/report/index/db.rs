//! The index's tables and how they follow a folder: [`Index::scan`] lists the folder with
//! each file's size and time and reads the heads of new and changed files in parallel (through
//! `files`); [`Index::apply`] writes their rows, the skipped files with their reasons, and the
//! deletions of vanished files in one transaction ([`Index::refresh`] is both);
//! [`Index::verify`] then reads whole files, a batch at a time, to check signatures and that
//! each row is its report's.
//!
//! The database is a cache: a schema from another version is dropped and rebuilt, never
//! migrated, and nothing here writes into a reports folder.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use rayon::prelude::*;
use rusqlite::{Connection, OptionalExtension, Transaction, params};

use super::codes::{
    failure_code, language_code, mode_code, outcome_code, signature_code, style_code, violation_code,
};
use super::files::{Listed, is_racy, list, read_row, read_whole};
use super::{FileStamp, IndexError, trainee_key};
use crate::report::row::Row;
use crate::report::sign::{Signature, verify_file};
use crate::report::store::{SkipReason, Skipped};

/// Bumped whenever the tables change; an index of another version is rebuilt from the files.
const SCHEMA: i64 = 3;

/// Kept here too, where it was public first.
pub use super::files::RACY;

const TABLES: &str = "
CREATE TABLE folders (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    -- which signing key the verdicts were reached with (a hash, never the key)
    key_id TEXT NOT NULL DEFAULT ''
);
CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    folder INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    modified_ns INTEGER NOT NULL,
    -- changed just before it was read: read again at the next refresh whatever its stamp
    racy INTEGER NOT NULL DEFAULT 0,
    -- why the file is not a report (JSON of SkipReason); NULL for a report
    skip TEXT,
    signature INTEGER NOT NULL DEFAULT 0,
    trainee TEXT, trainee_key TEXT, persona TEXT, persona_name TEXT, persona_name_key TEXT,
    language INTEGER, mode INTEGER, started_at INTEGER, outcome INTEGER, total REAL,
    passed INTEGER, failure INTEGER, style INTEGER, empathy REAL, firmness REAL,
    expected_score INTEGER,
    UNIQUE (folder, name)
);
CREATE INDEX files_by_date ON files (folder, started_at, name);
CREATE INDEX files_pending ON files (folder, signature);
-- Partial, over reports only, so that the trainees' menu (GROUP BY trainee_key) reads this index
-- alone, without a look-up in the table for `skip` per row (0.09 s to 0.03 s at 100,000 rows).
CREATE INDEX files_by_trainee ON files (folder, trainee_key, trainee) WHERE skip IS NULL;
-- With the name, so that the skipped files come in name order from this index; on (folder) alone
-- SQLite walked the (folder, name) key of all 100,000 rows instead (0.1 s for none skipped).
CREATE INDEX files_skipped ON files (folder, name) WHERE skip IS NOT NULL;
-- The whole row as JSON, for exports: apart, so that the table the dashboard scans stays small.
CREATE TABLE rows (file INTEGER PRIMARY KEY REFERENCES files(id) ON DELETE CASCADE, row TEXT NOT NULL);
CREATE TABLE violations (file INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE, kind INTEGER NOT NULL);
CREATE INDEX violations_by_file ON violations (file);
CREATE TABLE ploys (file INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE, ploy TEXT NOT NULL);
CREATE INDEX ploys_by_file ON ploys (file);
CREATE TABLE costly (
    file INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    node TEXT NOT NULL,
    reply INTEGER NOT NULL
);
CREATE INDEX costly_by_file ON costly (file);
";

/// A whole file's verdict: its row and signature, or why it is no report after all.
type Checked = Result<(Row, Signature), SkipReason>;

/// The reports index: one connection to the database.
pub struct Index {
    pub(super) conn: Connection,
}

/// What a refresh did.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Refreshed {
    /// Files whose rows were written (new or changed files; a recent file read again and found
    /// the same is not counted).
    pub read: usize,
    /// Rows of files that went away.
    pub removed: usize,
    /// Files newly found not to be reports, with the reason: the caller's warnings.
    pub skipped: Vec<Skipped>,
    /// Files changed so recently that they are read again at the next refresh (after
    /// [`RACY`]), in case a write in the same clock tick followed.
    pub racy: usize,
}

impl Refreshed {
    pub fn changed(&self) -> bool {
        self.read > 0 || self.removed > 0
    }
}

/// What a signature pass did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Verified {
    /// Rows whose verdict was settled in this pass.
    pub checked: usize,
    /// Rows still waiting (beyond this pass's batch, or changed since and waiting for a refresh).
    pub remaining: usize,
}

/// What [`Index::scan`] found in a folder, for [`Index::apply`] to write.
pub struct Scan {
    pub(super) folder: PathBuf,
    pub(super) folder_id: i64,
    /// The index held no file of the folder before: `read` is the whole folder.
    whole: bool,
    /// New and changed files, with their rows or why they are no reports.
    pub(super) read: Vec<ReadFile>,
    /// Rows to delete: files gone or changed.
    stale: Vec<i64>,
    removed: usize,
    /// Racy rows whose stamp still held, by name: kept if they read the same again.
    recheck: HashMap<String, (i64, FileStamp)>,
    listed_at: SystemTime,
}

/// One file read by a scan.
pub(super) struct ReadFile {
    pub(super) name: String,
    pub(super) stamp: FileStamp,
    pub(super) row: Result<Row, SkipReason>,
}

impl Scan {
    /// Whether the scan read every file of the folder (the index held none of them), so that
    /// what it read is what the index will hold once it is applied: a first open.
    pub fn is_whole(&self) -> bool {
        self.whole
    }

    /// How many files the scan read.
    pub fn len(&self) -> usize {
        self.read.len()
    }

    pub fn is_empty(&self) -> bool {
        self.read.is_empty()
    }
}

impl Index {
    /// Opens (or creates) the index at `path`.
    pub fn open(path: &Path) -> Result<Index, IndexError> {
        if let Some(dir) = path.parent() {
            let _ = fs::create_dir_all(dir);
        }
        let open = |path: &Path| -> Result<Index, rusqlite::Error> {
            let conn = Connection::open(path)?;
            // Another process (the command line, a second window) may hold the write lock.
            conn.busy_timeout(Duration::from_secs(10))?;
            conn.pragma_update(None, "journal_mode", "WAL")?;
            // A lost last transaction after a power cut costs only a re-read of those files.
            conn.pragma_update(None, "synchronous", "NORMAL")?;
            // Room for the whole table of a large folder, so that refreshes and queries stay in memory.
            conn.pragma_update(None, "cache_size", -65536)?;
            Index::prepare(conn)
        };
        open(path).or_else(|first| {
            // A damaged or foreign file is only a lost cache: start it again.
            let damaged = matches!(
                first.sqlite_error_code(),
                Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
            );
            if !damaged {
                return Err(IndexError::Open { path: path.to_path_buf(), source: first });
            }
            for suffix in ["", "-wal", "-shm"] {
                let mut name = path.as_os_str().to_owned();
                name.push(suffix);
                let _ = fs::remove_file(PathBuf::from(name));
            }
            open(path).map_err(|source| IndexError::Open { path: path.to_path_buf(), source })
        })
    }

    /// An index kept in memory only (when the data folder cannot hold one, and for tests).
    pub fn open_in_memory() -> Result<Index, IndexError> {
        Ok(Index::prepare(Connection::open_in_memory()?)?)
    }

    fn prepare(conn: Connection) -> Result<Index, rusqlite::Error> {
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version != SCHEMA {
            // Only a cache: drop whatever an older or newer Settle kept, and read the files again.
            conn.execute_batch(
                "BEGIN;
                 DROP TABLE IF EXISTS rows; DROP TABLE IF EXISTS costly; DROP TABLE IF EXISTS ploys;
                 DROP TABLE IF EXISTS violations; DROP TABLE IF EXISTS files;
                 DROP TABLE IF EXISTS folders;",
            )?;
            conn.execute_batch(TABLES)?;
            conn.execute_batch(&format!("PRAGMA user_version = {SCHEMA}; COMMIT;"))?;
        }
        Ok(Index { conn })
    }

    /// Reads pages through a memory map (`on`) rather than copying them into SQLite's cache,
    /// or stops. For the service's first answer on a reopen, which reads the whole table once
    /// cold: with the map it is ready in about 0.23 s instead of 0.29-0.40 s at 100,000 rows
    /// (docs/performance.md). Not for writing: rows, their JSON and indexes are interleaved in
    /// the file, so a refresh or a signature pass would map nearly all of it (84 MB at 100,000
    /// rows) and the process's peak resident memory rose from 189 to 272 MiB.
    pub fn map_for_reading(&self, on: bool) -> Result<(), IndexError> {
        let size: i64 = if on { 256 * 1024 * 1024 } else { 0 };
        self.conn.pragma_update(None, "mmap_size", size)?;
        Ok(())
    }

    /// The folder's id, made when new; verdicts reached with another key go back to pending.
    pub(super) fn folder_id(&self, folder: &Path, key: Option<&[u8]>) -> Result<i64, IndexError> {
        let path = folder_text(folder);
        let key_id = key.map(|k| settle_core::persona::ContentHash::of(k).0).unwrap_or_default();
        let found: Option<(i64, String)> = self
            .conn
            .query_row("SELECT id, key_id FROM folders WHERE path = ?1", [&path], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        match found {
            Some((id, old)) if old == key_id => Ok(id),
            Some((id, _)) => {
                self.conn
                    .execute("UPDATE files SET signature = 0 WHERE folder = ?1 AND skip IS NULL", [id])?;
                self.conn.execute("UPDATE folders SET key_id = ?2 WHERE id = ?1", params![id, key_id])?;
                Ok(id)
            }
            None => {
                self.conn
                    .execute("INSERT INTO folders (path, key_id) VALUES (?1, ?2)", params![path, key_id])?;
                Ok(self.conn.last_insert_rowid())
            }
        }
    }

    /// The folder's id if the index knows it (for queries, which never create one).
    pub(super) fn known_folder(&self, folder: &Path) -> Result<Option<i64>, IndexError> {
        let path = folder_text(folder);
        Ok(self.conn.query_row("SELECT id FROM folders WHERE path = ?1", [&path], |r| r.get(0)).optional()?)
    }

    /// Brings the folder's rows up to date with its files: heads of new and changed files read
    /// in parallel, vanished files deleted, all written in one transaction. A folder that does
    /// not exist has no reports. The same as [`Index::scan`] then [`Index::apply`].
    pub fn refresh(&mut self, folder: &Path, key: Option<&[u8]>) -> Result<Refreshed, IndexError> {
        let scan = self.scan(folder, key)?;
        self.apply(scan)
    }

    /// The reading half of a refresh: lists the folder, compares it with the stamps the index
    /// holds, and reads the heads of new and changed files (in parallel). Writes nothing but
    /// the folder's entry; [`Index::apply`] writes what was read. Apart so that a first open can
    /// show the rows read ([`Scan::whole`]) before they are written.
    pub fn scan(&self, folder: &Path, key: Option<&[u8]>) -> Result<Scan, IndexError> {
        let folder_id = self.folder_id(folder, key)?;
        let listed = match list(folder) {
            Ok(listed) => listed,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(source) => return Err(IndexError::ReadFolder { path: folder.to_path_buf(), source }),
        };
        let mut known: HashMap<String, (i64, FileStamp, bool)> = HashMap::new();
        {
            let mut stmt = self
                .conn
                .prepare_cached("SELECT id, name, size, modified_ns, racy FROM files WHERE folder = ?1")?;
            let rows = stmt.query_map([folder_id], |r| {
                let stamp = FileStamp { size: r.get::<_, i64>(2)? as u64, modified_ns: r.get(3)? };
                Ok((r.get::<_, String>(1)?, (r.get::<_, i64>(0)?, stamp, r.get::<_, bool>(4)?)))
            })?;
            for row in rows {
                let (name, entry) = row?;
                known.insert(name, entry);
            }
        }
        let whole = known.is_empty();
        let mut stale: Vec<i64> = Vec::new();
        let mut to_read: Vec<Listed> = Vec::new();
        let mut recheck: HashMap<String, (i64, FileStamp)> = HashMap::new();
        for file in listed {
            match known.remove(&file.name) {
                Some((_, stamp, false)) if stamp == file.stamp => {}
                Some((id, stamp, true)) if stamp == file.stamp => {
                    // Racy and its stamp still holds: kept, verdict and all, if it reads the same.
                    recheck.insert(file.name.clone(), (id, stamp));
                    to_read.push(file);
                }
                Some((id, _, _)) => {
                    stale.push(id);
                    to_read.push(file);
                }
                None => to_read.push(file),
            }
        }
        let removed = known.len();
        stale.extend(known.into_values().map(|(id, _, _)| id));
        let listed_at = SystemTime::now();
        let read: Vec<ReadFile> = to_read
            .into_par_iter()
            .map(|file| {
                let (stamp, row) = read_row(&file.path, file.stamp);
                ReadFile { name: file.name, stamp, row }
            })
            .collect();
        Ok(Scan { folder: folder.to_path_buf(), folder_id, whole, read, stale, removed, recheck, listed_at })
    }

    /// The writing half of a refresh: the scan's rows, skipped files and deletions in one
    /// transaction. A scan applied late is still safe: a file that changed since is read again
    /// at the next refresh, by its stamp.
    pub fn apply(&mut self, scan: Scan) -> Result<Refreshed, IndexError> {
        let Scan { folder, folder_id, read, stale, removed, recheck, listed_at, .. } = scan;
        let tx = self.conn.transaction()?;
        delete(&tx, &stale)?;
        let mut skipped = Vec::new();
        let mut racy = 0;
        let mut reread = 0;
        for file in &read {
            let still_racy = is_racy(file.stamp, listed_at);
            racy += usize::from(still_racy);
            let kept = match recheck.get(file.name.as_str()) {
                Some((id, old)) if *old == file.stamp && same_as_stored(&tx, *id, file.row.as_ref())? => {
                    Some(*id)
                }
                Some((id, _)) => {
                    delete(&tx, &[*id])?;
                    None
                }
                None => None,
            };
            if let Some(id) = kept {
                // Read again and the same: only the racy mark may change.
                tx.prepare_cached("UPDATE files SET racy = ?2 WHERE id = ?1")?
                    .execute(params![id, still_racy])?;
                continue;
            }
            reread += 1;
            put(&tx, folder_id, &file.name, file.stamp, file.row.as_ref(), Signature::Pending)?;
            if still_racy {
                let id = tx.last_insert_rowid();
                tx.prepare_cached("UPDATE files SET racy = 1 WHERE id = ?1")?.execute([id])?;
            }
            if let Err(reason) = &file.row {
                skipped.push(Skipped { path: folder.join(&file.name), reason: reason.clone() });
            }
        }
        tx.commit()?;
        Ok(Refreshed { read: reread, removed, skipped, racy })
    }

    /// Checks the signatures of up to `batch` rows still pending (in parallel), reading each
    /// whole file: a row whose file no longer reads is turned into a skipped file, a row that
    /// is not its report's is flagged as changed. Rows whose file changed since the last
    /// refresh are left for the next one.
    pub fn verify(
        &mut self,
        folder: &Path,
        key: Option<&[u8]>,
        batch: usize,
    ) -> Result<Verified, IndexError> {
        let folder_id = self.folder_id(folder, key)?;
        let pending: Vec<(i64, String, FileStamp)> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id, name, size, modified_ns FROM files
                 WHERE folder = ?1 AND skip IS NULL AND signature = 0 AND modified_ns >= 0 LIMIT ?2",
            )?;
            stmt.query_map(params![folder_id, batch as i64], |r| {
                let stamp = FileStamp { size: r.get::<_, i64>(2)? as u64, modified_ns: r.get(3)? };
                Ok((r.get(0)?, r.get(1)?, stamp))
            })?
            .collect::<Result<_, _>>()?
        };
        let checked: Vec<(i64, &str, FileStamp, Option<Checked>)> = pending
            .par_iter()
            .map(|(id, name, stamp)| {
                let path = folder.join(name);
                let mut bytes = Vec::new();
                let verdict = match read_whole(&path, &mut bytes) {
                    // Changed since it was indexed: the next refresh reads it again.
                    Ok(now) if now != *stamp => None,
                    Ok(_) => Some(verify_file(&bytes, key)),
                    Err(_) => None,
                };
                (*id, name.as_str(), *stamp, verdict)
            })
            .collect();
        let tx = self.conn.transaction()?;
        let mut done = 0;
        for (id, name, stamp, verdict) in &checked {
            match verdict {
                Some(Ok((_, signature))) => {
                    tx.prepare_cached("UPDATE files SET signature = ?2 WHERE id = ?1")?
                        .execute(params![id, signature_code(*signature)])?;
                }
                Some(Err(reason)) => {
                    delete(&tx, &[*id])?;
                    put(&tx, folder_id, name, *stamp, Err(reason), Signature::Pending)?;
                }
                None => {
                    // Marked as changed, so that the next refresh reads it and this pass skips it.
                    tx.prepare_cached("UPDATE files SET modified_ns = -1 WHERE id = ?1")?.execute([id])?;
                }
            }
            done += usize::from(verdict.is_some());
        }
        tx.commit()?;
        Ok(Verified { checked: done, remaining: self.pending(folder_id)? })
    }

    /// How many rows of the folder wait for their signature check.
    pub(super) fn pending(&self, folder_id: i64) -> Result<usize, IndexError> {
        let n: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM files WHERE folder = ?1 AND skip IS NULL AND signature = 0",
            [folder_id],
            |r| r.get(0),
        )?;
        Ok(n as usize)
    }

    /// Records one file as the index would after reading it: for tools and tests that have a
    /// row in hand rather than a file.
    pub fn record(
        &mut self,
        folder: &Path,
        name: &str,
        row: Result<&Row, &SkipReason>,
        signature: Signature,
    ) -> Result<(), IndexError> {
        let folder_id = self.folder_id(folder, None)?;
        let tx = self.conn.transaction()?;
        let old: Option<i64> = tx
            .query_row(
                "SELECT id FROM files WHERE folder = ?1 AND name = ?2",
                params![folder_id, name],
                |r| r.get(0),
            )
            .optional()?;
        delete(&tx, &old.into_iter().collect::<Vec<_>>())?;
        put(&tx, folder_id, name, FileStamp::default(), row, signature)?;
        tx.commit()?;
        Ok(())
    }
}

/// A folder as the index names it: its absolute path when it can be found.
fn folder_text(folder: &Path) -> String {
    folder.canonicalize().unwrap_or_else(|_| folder.to_path_buf()).to_string_lossy().into_owned()
}

/// Whether a file read again holds what its row already says.
fn same_as_stored(tx: &Transaction<'_>, id: i64, row: Result<&Row, &SkipReason>) -> Result<bool, IndexError> {
    let (stored_row, stored_skip): (Option<String>, Option<String>) = tx
        .prepare_cached(
            "SELECT r.row, f.skip FROM files f LEFT JOIN rows r ON r.file = f.id WHERE f.id = ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(match row {
        Ok(row) => stored_row == Some(serde_json::to_string(row)?),
        Err(reason) => stored_skip == Some(serde_json::to_string(reason)?),
    })
}

fn delete(tx: &Transaction<'_>, ids: &[i64]) -> Result<(), IndexError> {
    let mut stmt = tx.prepare_cached("DELETE FROM files WHERE id = ?1")?;
    for id in ids {
        stmt.execute([id])?;
    }
    Ok(())
}

/// Inserts one file's row (or its reason for being skipped) and the row's lists.
fn put(
    tx: &Transaction<'_>,
    folder: i64,
    name: &str,
    stamp: FileStamp,
    row: Result<&Row, &SkipReason>,
    signature: Signature,
) -> Result<(), IndexError> {
    let size = i64::try_from(stamp.size).unwrap_or(i64::MAX);
    let row = match row {
        Ok(row) => row,
        Err(reason) => {
            let reason = serde_json::to_string(reason)?;
            tx.prepare_cached(
                "INSERT INTO files (folder, name, size, modified_ns, skip) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![folder, name, size, stamp.modified_ns, reason])?;
            return Ok(());
        }
    };
    tx.prepare_cached(
        "INSERT INTO files (folder, name, size, modified_ns, signature, trainee, trainee_key, persona,
             persona_name, persona_name_key, language, mode, started_at, outcome, total, passed, failure,
             style, empathy, firmness, expected_score)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20,
             ?21)",
    )?
    .execute(params![
        folder,
        name,
        size,
        stamp.modified_ns,
        signature_code(signature),
        row.trainee,
        trainee_key(&row.trainee),
        row.persona.0,
        row.persona_name,
        row.persona_name.to_lowercase(),
        language_code(row.language),
        mode_code(row.mode),
        row.started_at.timestamp_micros(),
        outcome_code(row.outcome),
        row.total,
        row.passed,
        row.fail_reason.map(failure_code),
        style_code(row.style),
        row.style_point.empathy,
        row.style_point.firmness,
        row.expected_score,
    ])?;
    let file = tx.last_insert_rowid();
    tx.prepare_cached("INSERT INTO rows (file, row) VALUES (?1, ?2)")?
        .execute(params![file, serde_json::to_string(row)?])?;
    // The lists are empty in most calls: no statement is looked up for an empty one.
    for (kind, _) in &row.violations {
        tx.prepare_cached("INSERT INTO violations (file, kind) VALUES (?1, ?2)")?
            .execute(params![file, violation_code(*kind)])?;
    }
    for ploy in &row.ploys_fallen_for {
        tx.prepare_cached("INSERT INTO ploys (file, ploy) VALUES (?1, ?2)")?
            .execute(params![file, serde_json::to_string(ploy)?])?;
    }
    for (node, reply) in &row.costly {
        tx.prepare_cached("INSERT INTO costly (file, node, reply) VALUES (?1, ?2, ?3)")?
            .execute(params![file, node.0, reply.0])?;
    }
    Ok(())
}
