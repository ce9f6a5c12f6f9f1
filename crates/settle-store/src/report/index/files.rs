//! Reading a reports folder for the index: listing its files with their stamps, reading the
//! row from the head of a new or changed file, and reading a whole file for the signature
//! pass. Everything here runs on rayon's threads, in parallel, before the database is touched.
//!
//! This module must never write (into the folder or anywhere else) and never touch the
//! database: it only says what the folder holds.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rayon::prelude::*;

use super::FileStamp;
use crate::report::row::Row;
use crate::report::store::{HEAD_BYTES, MAX_REPORT_BYTES, SkipReason, is_report_name, row_from_head};

/// A file changed less than this before it was listed may still be written to within the same
/// tick of the file system's clock (network shares keep coarse times): its row is kept, marked
/// racy, and read again at the next refresh.
pub const RACY: Duration = Duration::from_secs(1);

/// A file in a folder listing.
pub(super) struct Listed {
    pub(super) name: String,
    pub(super) path: PathBuf,
    pub(super) stamp: FileStamp,
}

/// The folder's files (not hidden ones: writes in progress are hidden) with their stamps; the
/// stamps are taken in parallel, since a network folder answers each one slowly.
pub(super) fn list(folder: &Path) -> std::io::Result<Vec<Listed>> {
    let entries: Vec<(String, PathBuf)> = fs::read_dir(folder)?
        .filter_map(Result::ok)
        .filter(|e| !e.file_name().as_encoded_bytes().starts_with(b"."))
        .map(|e| (e.file_name().to_string_lossy().into_owned(), e.path()))
        .collect();
    Ok(entries
        .into_par_iter()
        .filter_map(|(name, path)| {
            // `metadata` follows links, so a link to a report counts as the report.
            let meta = fs::metadata(&path).ok().filter(fs::Metadata::is_file)?;
            Some(Listed { name, path, stamp: FileStamp::of(&meta) })
        })
        .collect())
}

/// Whether a file changed so shortly before it was listed that a write in the same tick of
/// the file system's clock could follow without changing its stamp.
pub(super) fn is_racy(stamp: FileStamp, listed_at: SystemTime) -> bool {
    let line = listed_at.checked_sub(RACY).and_then(|t| t.duration_since(UNIX_EPOCH).ok());
    line.is_none_or(|line| stamp.modified_ns >= i64::try_from(line.as_nanos()).unwrap_or(i64::MAX))
}

/// A file's row, read from its head (the whole file only when the row does not fit or the
/// file is an old RON report), with the stamp of what was read.
pub(super) fn read_row(path: &Path, listed: FileStamp) -> (FileStamp, Result<Row, SkipReason>) {
    if !is_report_name(path) {
        return (listed, Err(SkipReason::Foreign));
    }
    let unreadable = |e: std::io::Error| SkipReason::Unreadable(e.to_string());
    let read = || -> Result<(FileStamp, Row), (FileStamp, SkipReason)> {
        let mut file = fs::File::open(path).map_err(|e| (listed, unreadable(e)))?;
        let stamp = file.metadata().map(|m| FileStamp::of(&m)).unwrap_or(listed);
        if stamp.size > MAX_REPORT_BYTES {
            return Err((stamp, SkipReason::TooLarge { size: stamp.size, limit: MAX_REPORT_BYTES }));
        }
        let mut head = Vec::with_capacity(HEAD_BYTES);
        (&mut file).take(HEAD_BYTES as u64).read_to_end(&mut head).map_err(|e| (stamp, unreadable(e)))?;
        let whole = head.len() < HEAD_BYTES;
        if let Some(row) = row_from_head(&head, whole).map_err(|e| (stamp, e))? {
            return Ok((stamp, row));
        }
        file.take(MAX_REPORT_BYTES).read_to_end(&mut head).map_err(|e| (stamp, unreadable(e)))?;
        match row_from_head(&head, true) {
            Ok(Some(row)) => Ok((stamp, row)),
            Ok(None) => Err((stamp, SkipReason::Unreadable("no report in the file".into()))),
            Err(reason) => Err((stamp, reason)),
        }
    };
    match read() {
        Ok((stamp, row)) => (stamp, Ok(row)),
        Err((stamp, reason)) => (stamp, Err(reason)),
    }
}

/// A whole file into `bytes`, refused past [`MAX_REPORT_BYTES`]; its stamp as read.
pub(super) fn read_whole(path: &Path, bytes: &mut Vec<u8>) -> std::io::Result<FileStamp> {
    let file = fs::File::open(path)?;
    let stamp = FileStamp::of(&file.metadata()?);
    file.take(MAX_REPORT_BYTES + 1).read_to_end(bytes)?;
    Ok(stamp)
}
