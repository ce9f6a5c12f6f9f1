//! Saving and reading report files in a reports folder, which may be a shared network folder
//! that many trainees write to at once.
//!
//! Writes are atomic and never overwrite: the report goes to a hidden temporary file in the
//! same folder, is flushed to disk (fsync), then linked under its final name only if that name
//! is free (`persist_noclobber`), and the folder is synced. Names carry the time, trainee,
//! persona and eight hex digits of the call's random id, so two writers never collide in
//! practice, and a collision is retried under a new name. Reading a folder never fails as a
//! whole: corrupt or foreign files are skipped and listed.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::fsutil::write_new;
use crate::report::{REPORT_FORMAT, Report};

/// The environment variable that overrides the reports folder ([`crate::folders`] decides).
pub use crate::folders::REPORTS_DIR_ENV;
/// Report files larger than this are skipped unread.
pub const MAX_REPORT_BYTES: u64 = 4 * 1024 * 1024;

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("cannot create the reports folder {path}: {source}")]
    CreateFolder { path: PathBuf, source: std::io::Error },
    #[error("cannot write a report into {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("cannot encode the report: {0}")]
    Encode(String),
    #[error("cannot read the reports folder {path}: {source}")]
    ReadFolder { path: PathBuf, source: std::io::Error },
}

/// Why one file in a reports folder was skipped.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SkipReason {
    #[error("not a report file (reports end in .ron)")]
    Foreign,
    #[error("cannot read: {0}")]
    Unreadable(String),
    #[error("{size} bytes, more than the {limit} a report may have")]
    TooLarge { size: u64, limit: u64 },
    #[error("not a Settle report or damaged, at {line}:{column}: {message}")]
    Corrupt { line: usize, column: usize, message: String },
    #[error("report format {0} is not supported (this Settle reads {REPORT_FORMAT})")]
    UnsupportedFormat(u32),
    #[error("not as Settle wrote it (edited or forged): {0}")]
    Implausible(String),
}

/// A file that was not read as a report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: SkipReason,
}

/// The reports found in a folder, and what was skipped.
#[derive(Debug, Default)]
pub struct ReportSet {
    pub reports: Vec<(PathBuf, Report)>,
    pub skipped: Vec<Skipped>,
}

/// `20261123T101502Z-anna-kowalska-tomasz-partner-1a2b3c4d.ron`
pub fn file_name(report: &Report) -> String {
    let id = report.id.0.simple().to_string();
    format!(
        "{}-{}-{}-{}.ron",
        report.started_at.format("%Y%m%dT%H%M%SZ"),
        slug(&report.trainee),
        slug(&report.persona.id.0),
        &id[..8]
    )
}

/// Lower-case ASCII letters, digits and single dashes; Polish letters lose their marks.
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'ą' => 'a',
            'ć' => 'c',
            'ę' => 'e',
            'ł' => 'l',
            'ń' => 'n',
            'ó' => 'o',
            'ś' => 's',
            'ź' | 'ż' => 'z',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 32 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "anonymous".to_string() } else { out }
}

/// Encodes a report as the text of its file.
pub fn encode(report: &Report) -> Result<String, StoreError> {
    let config = ron::ser::PrettyConfig::new().depth_limit(6).struct_names(true);
    ron::ser::to_string_pretty(report, config).map_err(|e| StoreError::Encode(e.to_string()))
}

/// Writes a report atomically under a new name in `dir`; returns the path written.
pub fn save(dir: &Path, report: &Report) -> Result<PathBuf, StoreError> {
    fs::create_dir_all(dir).map_err(|source| StoreError::CreateFolder { path: dir.to_path_buf(), source })?;
    let text = encode(report)?;
    let base = file_name(report);
    let stem = base.trim_end_matches(".ron").to_string();
    for attempt in 0u32..1000 {
        let name = if attempt == 0 { base.clone() } else { format!("{stem}-{attempt}.ron") };
        match write_new(dir, &name, text.as_bytes()) {
            Ok(true) => return Ok(dir.join(name)),
            Ok(false) => continue,
            Err(source) => return Err(StoreError::Write { path: dir.to_path_buf(), source }),
        }
    }
    let taken = std::io::Error::new(std::io::ErrorKind::AlreadyExists, "1000 names taken");
    Err(StoreError::Write { path: dir.to_path_buf(), source: taken })
}

/// Reads one report file.
pub fn read(path: &Path) -> Result<Report, SkipReason> {
    decode(&read_bytes(path)?)
}

/// A report file's bytes, refused unread when larger than [`MAX_REPORT_BYTES`].
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, SkipReason> {
    let mut bytes = Vec::new();
    read_into(path, &mut bytes)?;
    Ok(bytes)
}

/// [`read_bytes`] into a buffer the caller reuses; returns the file's metadata as of the read.
pub fn read_into(path: &Path, bytes: &mut Vec<u8>) -> Result<fs::Metadata, SkipReason> {
    bytes.clear();
    let file = fs::File::open(path).map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    let meta = file.metadata().map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    if meta.len() > MAX_REPORT_BYTES {
        return Err(SkipReason::TooLarge { size: meta.len(), limit: MAX_REPORT_BYTES });
    }
    bytes.reserve(meta.len() as usize);
    file.take(MAX_REPORT_BYTES + 1).read_to_end(bytes).map_err(|e| SkipReason::Unreadable(e.to_string()))?;
    if bytes.len() as u64 > MAX_REPORT_BYTES {
        return Err(SkipReason::TooLarge { size: bytes.len() as u64, limit: MAX_REPORT_BYTES });
    }
    Ok(meta)
}

/// How report files are read: no implicit `Some`, and a nesting limit well above a report's.
pub fn reading() -> ron::Options {
    ron::Options::default().with_recursion_limit(64)
}

/// Decodes a report file's bytes. A report in another format version is named as such
/// rather than as damaged, whether or not it reads as this version's report.
/// Only when the whole report cannot be read is the version read alone.
pub fn decode(bytes: &[u8]) -> Result<Report, SkipReason> {
    decode_text(as_text(bytes)?)
}

/// A report file's bytes as text, or where they stop being UTF-8.
pub fn as_text(bytes: &[u8]) -> Result<&str, SkipReason> {
    std::str::from_utf8(bytes).map_err(|e| {
        let (line, column) = settle_core::source::line_col(&String::from_utf8_lossy(bytes), e.valid_up_to());
        SkipReason::Corrupt { line, column, message: "not UTF-8 text".into() }
    })
}

/// [`decode`] for text already known to be UTF-8.
pub fn decode_text(text: &str) -> Result<Report, SkipReason> {
    /// Only the version: every other field is ignored.
    #[derive(serde::Deserialize)]
    #[serde(rename = "Report")]
    struct Version {
        format: u32,
    }
    let full = reading().from_str::<Report>(text);
    let format = match &full {
        Ok(report) => Some(report.format),
        Err(_) => reading().from_str::<Version>(text).ok().map(|v| v.format),
    };
    if let Some(format) = format
        && format != REPORT_FORMAT
    {
        return Err(SkipReason::UnsupportedFormat(format));
    }
    let report = full.map_err(|e| SkipReason::Corrupt {
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })?;
    match report.implausibility() {
        Some(why) => Err(SkipReason::Implausible(why)),
        None => Ok(report),
    }
}

/// Reads every report in a folder (not recursive). Hidden files (including writes in
/// progress) are passed over silently; everything else that is not a readable report is
/// listed in `skipped`.
pub fn read_dir(dir: &Path) -> Result<ReportSet, StoreError> {
    let entries =
        fs::read_dir(dir).map_err(|source| StoreError::ReadFolder { path: dir.to_path_buf(), source })?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .collect();
    paths.sort();
    let mut set = ReportSet::default();
    for path in paths {
        if path.extension().is_none_or(|e| e != "ron") {
            set.skipped.push(Skipped { path, reason: SkipReason::Foreign });
            continue;
        }
        match read(&path) {
            Ok(report) => set.reports.push((path, report)),
            Err(reason) => set.skipped.push(Skipped { path, reason }),
        }
    }
    Ok(set)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe_file_name_parts() {
        assert_eq!(slug("Anna Łukasiewicz-Żak"), "anna-lukasiewicz-zak");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("  "), "anonymous");
        assert_eq!(slug(&"x".repeat(100)).len(), 32);
    }
}
