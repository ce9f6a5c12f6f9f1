//! The on-disk queue of statements waiting for the learning record store.
//!
//! One JSON file per finished call, named by its start time and call id so the oldest sorts
//! first and queueing the same call twice is a no-op. Files are written atomically
//! ([`settle_store::fsutil`]) and removed only after the LRS has confirmed them. Statements the
//! LRS refuses for good, and queue files that cannot be read, go to `rejected/` with the
//! reason beside them: a manager can look at them, nothing is silently dropped.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use settle_store::fsutil::write_new;
use settle_store::report::{CallId, Report};

/// The outbox's folder name inside Settle's data folder ([`settle_store::folders`] decides).
pub use settle_store::folders::OUTBOX_DIR;
const REJECTED_DIR: &str = "rejected";

#[derive(Debug, Error)]
pub enum OutboxError {
    #[error("cannot queue statements in {path}: {source}")]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot encode statements: {0}")]
    Encode(String),
}

/// The statements of one call, as queued.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Batch {
    pub call: CallId,
    pub started_at: DateTime<Utc>,
    pub statements: Vec<Value>,
}

impl Batch {
    pub fn of(report: &Report) -> Batch {
        Batch { call: report.id, started_at: report.started_at, statements: super::statements(report) }
    }

    fn file_name(&self) -> String {
        format!("{}-{}.json", self.started_at.format("%Y%m%dT%H%M%S%.3fZ"), self.call.0.simple())
    }
}

/// A queued batch and the file it lives in.
#[derive(Debug, Clone)]
pub struct Queued {
    pub path: PathBuf,
    pub batch: Batch,
}

#[derive(Debug, Clone)]
pub struct Outbox {
    dir: PathBuf,
}

impl Outbox {
    pub fn new(dir: impl Into<PathBuf>) -> Outbox {
        Outbox { dir: dir.into() }
    }

    /// The outbox inside Settle's data folder.
    pub fn in_data_dir(data_dir: &Path) -> Outbox {
        Outbox::of(&settle_store::folders::Folders::at(data_dir))
    }

    /// The outbox of these data folders.
    pub fn of(folders: &settle_store::folders::Folders) -> Outbox {
        Outbox::new(folders.outbox())
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn rejected_dir(&self) -> PathBuf {
        self.dir.join(REJECTED_DIR)
    }

    /// Queues a call's statements; `Ok(false)` when that call is already queued.
    pub fn enqueue(&self, batch: &Batch) -> Result<bool, OutboxError> {
        let json = serde_json::to_vec(batch).map_err(|e| OutboxError::Encode(e.to_string()))?;
        write_new(&self.dir, &batch.file_name(), &json)
            .map_err(|source| OutboxError::Write { path: self.dir.clone(), source })
    }

    /// Every queued batch, oldest first. A file that cannot be read as a batch is moved to
    /// `rejected/` (with the reason) so it neither blocks the queue nor disappears.
    pub fn pending(&self) -> Vec<Queued> {
        let mut queued = Vec::new();
        for path in self.files() {
            match fs::read(&path).map_err(|e| e.to_string()).and_then(|bytes| {
                serde_json::from_slice::<Batch>(&bytes).map_err(|e| format!("not a queued batch: {e}"))
            }) {
                Ok(batch) => queued.push(Queued { path, batch }),
                // Another process may have delivered and removed it meanwhile.
                Err(_) if !path.exists() => {}
                Err(reason) => self.set_aside(&path, &reason),
            }
        }
        queued
    }

    /// How many calls are waiting, without reading them.
    pub fn len(&self) -> usize {
        self.files().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// How many statements or files the LRS refused or that could not be read.
    pub fn rejected(&self) -> usize {
        fs::read_dir(self.rejected_dir()).map_or(0, |entries| {
            entries
                .filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
                .count()
        })
    }

    /// Removes a batch the LRS has confirmed.
    pub fn done(&self, queued: &Queued) -> io::Result<()> {
        match fs::remove_file(&queued.path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }

    /// Keeps a statement the LRS refused for good, with the LRS's reason.
    pub fn reject(&self, queued: &Queued, index: usize, statement: &Value, reason: &str) -> io::Result<()> {
        let dir = self.rejected_dir();
        let stem = format!("{}-{index}", queued.batch.call.0.simple());
        let body = serde_json::to_vec_pretty(statement).map_err(io::Error::other)?;
        write_new(&dir, &format!("{stem}.json"), &body)?;
        write_new(&dir, &format!("{stem}.reason.txt"), reason.as_bytes())?;
        Ok(())
    }

    fn set_aside(&self, path: &Path, reason: &str) {
        let dir = self.rejected_dir();
        let Some(name) = path.file_name() else { return };
        if fs::create_dir_all(&dir).is_ok() && fs::rename(path, dir.join(name)).is_ok() {
            let _ = fs::write(dir.join(name).with_extension("reason.txt"), reason);
        }
    }

    fn files(&self) -> Vec<PathBuf> {
        let Ok(entries) = fs::read_dir(&self.dir) else { return Vec::new() };
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.extension().is_some_and(|x| x == "json")
                    && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'))
                    && p.is_file()
            })
            .collect();
        files.sort();
        files
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn batch(n: u128, minute: u32) -> Batch {
        let started_at = format!("2026-11-23T10:{minute:02}:00Z").parse().expect("time");
        Batch { call: CallId(uuid::Uuid::from_u128(n)), started_at, statements: vec![json!({ "n": n })] }
    }

    #[test]
    fn queue_is_oldest_first_and_idempotent() {
        let dir = tempfile::tempdir().expect("temp dir");
        let outbox = Outbox::new(dir.path().join("out"));
        assert!(outbox.is_empty());
        assert!(outbox.enqueue(&batch(2, 30)).expect("queue"));
        assert!(outbox.enqueue(&batch(1, 10)).expect("queue"));
        assert!(!outbox.enqueue(&batch(1, 10)).expect("queue twice"), "the same call is queued once");
        let pending = outbox.pending();
        assert_eq!(pending.iter().map(|q| q.batch.call.0.as_u128()).collect::<Vec<_>>(), [1, 2]);
        assert_eq!(pending[0].batch, batch(1, 10));
        outbox.done(&pending[0]).expect("remove");
        outbox.done(&pending[0]).expect("removing twice is fine");
        assert_eq!(outbox.len(), 1);
    }

    #[test]
    fn damaged_files_and_refused_statements_are_set_aside() {
        let dir = tempfile::tempdir().expect("temp dir");
        let outbox = Outbox::new(dir.path());
        fs::write(dir.path().join("20260101T000000.000Z-broken.json"), b"{ not json").expect("write");
        outbox.enqueue(&batch(7, 0)).expect("queue");
        let pending = outbox.pending();
        assert_eq!(pending.len(), 1, "the damaged file does not block the queue");
        assert_eq!(outbox.rejected(), 1);
        let reason = fs::read_to_string(outbox.rejected_dir().join("20260101T000000.000Z-broken.reason.txt"))
            .expect("reason beside it");
        assert!(reason.contains("not a queued batch"), "{reason}");
        outbox.reject(&pending[0], 0, &json!({"n": 7}), "409 Conflict").expect("reject");
        assert_eq!(outbox.rejected(), 2);
    }
}
