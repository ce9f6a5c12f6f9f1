//! The managers' index of a reports folder: one compact row per call (not the whole report,
//! so 100,000 calls fit in memory), read in parallel and refreshed incrementally (only new
//! files are read; removed ones drop out). Damaged and foreign files are listed, not fatal.
//! Aggregations for the dashboard, trainee and persona views are computed from the rows.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use crate::report::sign::{Signature, check, check_text};
use crate::report::store::{SkipReason, Skipped, as_text, decode_text, read_into};
use crate::report::{CallId, Report};
use settle_core::call::{Choice, Mode};
use settle_core::outcome::Outcome;
use settle_core::persona::{NodeId, PersonaId, ReplyIdx};
use settle_core::scoring::FailReason;
use settle_core::style::{ConflictStyle, StylePoint};
use settle_core::vocabulary::{Language, Ploy, PloyHandling, Severity, ViolationKind};

/// What the table and the aggregations need from one report.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Row {
    pub path: PathBuf,
    pub id: CallId,
    pub trainee: String,
    pub persona: PersonaId,
    pub persona_name: String,
    /// The language the call was played in.
    pub language: Language,
    /// The score the trainee expected before the debrief, if they said.
    pub expected_score: Option<u32>,
    pub mode: Mode,
    pub seed: u64,
    pub started_at: DateTime<Utc>,
    pub duration_ms: u64,
    pub outcome: Outcome,
    pub total: f64,
    pub passed: bool,
    pub fail_reason: Option<FailReason>,
    pub style_point: StylePoint,
    pub style: ConflictStyle,
    pub turns: u32,
    pub violations: Vec<(ViolationKind, Severity)>,
    pub ploys_fallen_for: Vec<Ploy>,
    /// Turns that cost points: a violation or a ploy fallen for, with the node and reply.
    pub costly: Vec<(NodeId, ReplyIdx)>,
    pub signature: Signature,
    /// The file as it was when read, so a row cache can tell whether it changed since.
    #[serde(default)]
    pub file: FileStamp,
}

/// A file's size and modification time.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileStamp {
    pub size: u64,
    pub modified_ns: u128,
}

impl FileStamp {
    pub fn of(meta: &std::fs::Metadata) -> FileStamp {
        let modified = meta.modified().ok().and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
        FileStamp { size: meta.len(), modified_ns: modified.map_or(0, |d| d.as_nanos()) }
    }
}

impl Row {
    pub fn of(path: PathBuf, r: &Report, key: Option<&[u8]>) -> Row {
        Row {
            path,
            id: r.id,
            trainee: r.trainee.clone(),
            persona: r.persona.counted_id(),
            persona_name: r.persona.name.clone(),
            language: r.persona.language,
            expected_score: r.self_assessment.as_ref().and_then(|a| a.expected_score),
            mode: r.mode,
            seed: r.seed,
            started_at: r.started_at,
            duration_ms: r.duration_ms,
            outcome: r.end.outcome,
            total: r.score.total,
            passed: r.score.passed,
            fail_reason: r.score.fail_reason,
            style_point: r.score.style_point,
            style: r.score.style,
            turns: r.score.turns,
            violations: r.score.violations.clone(),
            ploys_fallen_for: r
                .turns
                .iter()
                .filter(|t| t.handling == Some(PloyHandling::FellFor))
                .filter_map(|t| t.ploy)
                .collect(),
            costly: r
                .turns
                .iter()
                .filter(|t| t.violation.is_some() || t.handling == Some(PloyHandling::FellFor))
                .filter_map(|t| match t.choice {
                    Choice::Reply(reply) => Some((t.node.clone(), reply)),
                    Choice::Silence => None,
                })
                .collect(),
            signature: check(r, key),
            file: FileStamp::default(),
        }
    }
}

/// Every report row of a folder, kept up to date.
#[derive(Debug, Default)]
pub struct ReportIndex {
    pub folder: PathBuf,
    pub rows: Vec<Row>,
    pub skipped: Vec<Skipped>,
    known: HashSet<PathBuf>,
    /// The organisation's key for checking signatures.
    key: Option<Vec<u8>>,
    /// Rows kept between runs, so that opening a large folder parses only new files.
    cache: Option<RowCache>,
    /// How many files the last refresh parsed (the rest came from the cache or were known).
    pub parsed_last: usize,
    /// Goes up whenever rows are added or removed, so views know when to sort again.
    pub generation: u64,
}

impl ReportIndex {
    pub fn open(folder: &Path, key: Option<Vec<u8>>) -> ReportIndex {
        let mut index = ReportIndex { folder: folder.to_path_buf(), key, ..ReportIndex::default() };
        index.refresh();
        index
    }

    /// Reads the files that appeared since the last refresh (in parallel) and forgets the ones
    /// that went away. Returns how many new reports were read.
    pub fn refresh(&mut self) -> usize {
        let Ok(entries) = std::fs::read_dir(&self.folder) else {
            self.rows.clear();
            self.skipped.clear();
            self.known.clear();
            return 0;
        };
        // The entry's own type costs no system call; only links are followed to their target.
        let present: HashMap<PathBuf, bool> = entries
            .filter_map(Result::ok)
            .filter(|e| !e.file_name().as_encoded_bytes().starts_with(b"."))
            .map(|e| {
                let path = e.path();
                let is_file = match e.file_type() {
                    Ok(kind) if kind.is_symlink() => path.is_file(),
                    Ok(kind) => kind.is_file(),
                    Err(_) => false,
                };
                (path, is_file)
            })
            .collect();
        let before = self.rows.len();
        self.rows.retain(|r| present.contains_key(&r.path));
        if self.rows.len() != before {
            self.generation += 1;
        }
        self.skipped.retain(|s| present.contains_key(&s.path));
        self.known.retain(|p| present.contains_key(p));
        let mut new: Vec<PathBuf> = present
            .into_iter()
            .filter(|(p, is_file)| *is_file && !self.known.contains(p))
            .map(|(p, _)| p)
            .collect();
        // Byte order, which is the name order here and much cheaper than comparing components.
        new.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
        // Files the cache already holds, unchanged since, are not read again.
        let mut added = 0;
        if let Some(cache) = &self.cache {
            new.retain(|path| match cache.hit(path) {
                Some(row) => {
                    self.known.insert(path.clone());
                    self.rows.push(row);
                    added += 1;
                    false
                }
                None => true,
            });
        }
        let results = read_parallel(&new, self.key.as_deref());
        self.parsed_last = new.len();
        let parsed = !new.is_empty();
        self.rows.reserve(new.len());
        self.known.reserve(new.len());
        for (path, result) in new.into_iter().zip(results) {
            self.known.insert(path.clone());
            match result {
                Ok(row) => {
                    self.rows.push(row);
                    added += 1;
                }
                Err(reason) => self.skipped.push(Skipped { path, reason }),
            }
        }
        if added > 0 {
            self.generation += 1;
        }
        if parsed && let Some(cache) = &mut self.cache {
            cache.store(&self.rows);
        }
        added
    }

    /// Waits until the row cache, which is written in the background, is on disk.
    pub fn finish_cache_write(&mut self) {
        if let Some(cache) = &mut self.cache {
            cache.wait();
        }
    }

    /// Opens a folder keeping rows in `cache_file` between runs (see [`RowCache`]).
    pub fn open_cached(folder: &Path, key: Option<Vec<u8>>, cache_file: PathBuf) -> ReportIndex {
        let fingerprint =
            key.as_deref().map(|k| settle_core::persona::ContentHash::of(k).0).unwrap_or_default();
        let cache = RowCache::load(cache_file, fingerprint);
        let mut index =
            ReportIndex { folder: folder.to_path_buf(), key, cache: Some(cache), ..ReportIndex::default() };
        index.refresh();
        index
    }
}

/// Rows saved between runs as JSON in the user's data folder (never in the shared reports
/// folder), each with its file's name, size and modification time: a file whose size or time
/// changed is read again. The cache belongs to one signing key (by its hash), since rows hold
/// signature verdicts. A damaged or foreign cache is ignored, never trusted.
#[derive(Debug)]
pub struct RowCache {
    file: PathBuf,
    fingerprint: String,
    /// By file name; each row carries its file's stamp. Only the first refresh looks rows up,
    /// so they are let go once stored.
    entries: HashMap<String, Row>,
    /// The write in progress: writing 100,000 rows takes a while and need not hold up the
    /// caller. Joined before the next write and when the cache is dropped.
    writer: Option<std::thread::JoinHandle<()>>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct CacheFile {
    format: u32,
    fingerprint: String,
    entries: HashMap<String, Row>,
}

// 3: rows carry the call's language, and old twins' ids are merged; 4: the expected score.
const CACHE_FORMAT: u32 = 4;

impl RowCache {
    fn load(file: PathBuf, fingerprint: String) -> RowCache {
        let entries = std::fs::read(&file)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<CacheFile>(&bytes).ok())
            .filter(|c| c.format == CACHE_FORMAT && c.fingerprint == fingerprint)
            .map(|c| c.entries)
            .unwrap_or_default();
        RowCache { file, fingerprint, entries, writer: None }
    }

    fn hit(&self, path: &Path) -> Option<Row> {
        let name = path.file_name()?.to_string_lossy();
        let cached = self.entries.get(name.as_ref())?;
        let now = FileStamp::of(&std::fs::metadata(path).ok()?);
        (cached.file == now).then(|| Row { path: path.to_path_buf(), ..cached.clone() })
    }

    /// Writes the current rows atomically, on a thread of its own (a failure only costs speed
    /// next time).
    fn store(&mut self, rows: &[Row]) {
        self.entries = HashMap::new();
        self.wait();
        let entries = rows
            .iter()
            .filter_map(|r| Some((r.path.file_name()?.to_string_lossy().into_owned(), r.clone())))
            .collect();
        let contents = CacheFile { format: CACHE_FORMAT, fingerprint: self.fingerprint.clone(), entries };
        let file = self.file.clone();
        self.writer = Some(std::thread::spawn(move || {
            if let (Some(dir), Ok(json)) = (file.parent(), serde_json::to_vec(&contents)) {
                let _ = std::fs::create_dir_all(dir);
                if let Ok(mut temp) = tempfile::NamedTempFile::new_in(dir) {
                    use std::io::Write as _;
                    if temp.write_all(&json).is_ok() {
                        let _ = temp.persist(&file);
                    }
                }
            }
        }));
    }

    /// Waits for the write in progress, if any.
    fn wait(&mut self) {
        if let Some(writer) = self.writer.take() {
            let _ = writer.join();
        }
    }
}

impl Drop for RowCache {
    fn drop(&mut self) {
        self.wait();
    }
}

/// Where the row cache of a reports folder lives: the data folder, one file per folder.
pub fn cache_file_for(folder: &Path, data_dir: &Path) -> PathBuf {
    let absolute = folder.canonicalize().unwrap_or_else(|_| folder.to_path_buf());
    let name = settle_core::persona::ContentHash::of(absolute.to_string_lossy().as_bytes()).0;
    data_dir.join("index-cache").join(format!("{}.json", &name[..16]))
}

/// Reads files on every available core; the order of results follows `paths`.
fn read_parallel(paths: &[PathBuf], key: Option<&[u8]>) -> Vec<Result<Row, SkipReason>> {
    // One buffer per thread, reused: a fresh 16 KiB buffer per file costs page faults.
    let read_one = |buffer: &mut Vec<u8>, path: &PathBuf| -> Result<Row, SkipReason> {
        if path.extension().is_none_or(|e| e != "ron") {
            return Err(SkipReason::Foreign);
        }
        let meta = read_into(path, buffer)?;
        let text = as_text(buffer)?;
        let report = decode_text(text)?;
        let mut row = Row::of(path.clone(), &report, None);
        row.signature = check_text(&report, text, key);
        row.file = FileStamp::of(&meta);
        Ok(row)
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if paths.len() < 64 || threads == 1 {
        let mut buffer = Vec::new();
        return paths.iter().map(|path| read_one(&mut buffer, path)).collect();
    }
    // Threads take small batches in turn rather than one fixed share each, so a thread that
    // the machine slows down (a shared core) does not hold up the others.
    const BATCH: usize = 128;
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let mut buffer = Vec::new();
        let mut done = Vec::new();
        loop {
            let start = next.fetch_add(BATCH, std::sync::atomic::Ordering::Relaxed);
            let Some(batch) = paths.get(start..(start + BATCH).min(paths.len())) else { break };
            if batch.is_empty() {
                break;
            }
            done.push((start, batch.iter().map(|path| read_one(&mut buffer, path)).collect::<Vec<_>>()));
        }
        done
    };
    let mut batches: Vec<_> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut all = work();
        for helper in helpers {
            all.extend(helper.join().unwrap_or_default());
        }
        all
    });
    batches.sort_unstable_by_key(|(start, _)| *start);
    batches.into_iter().flat_map(|(_, results)| results).collect()
}

/// What the dashboard filters by; `None` means any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub trainee: Option<String>,
    pub persona: Option<PersonaId>,
    pub language: Option<Language>,
    pub mode: Option<Mode>,
    pub passed: Option<bool>,
    pub from: Option<DateTime<Utc>>,
    pub to: Option<DateTime<Utc>>,
    /// Case-insensitive text found in the trainee or persona name.
    pub text: String,
}

impl Filter {
    pub fn matches(&self, row: &Row) -> bool {
        let text = self.text.trim().to_lowercase();
        self.trainee.as_ref().is_none_or(|t| row.trainee.eq_ignore_ascii_case(t))
            && self.persona.as_ref().is_none_or(|p| row.persona == *p)
            && self.language.is_none_or(|l| row.language == l)
            && self.mode.is_none_or(|m| row.mode == m)
            && self.passed.is_none_or(|p| row.passed == p)
            && self.from.is_none_or(|f| row.started_at >= f)
            && self.to.is_none_or(|t| row.started_at <= t)
            && (text.is_empty()
                || row.trainee.to_lowercase().contains(&text)
                || row.persona_name.to_lowercase().contains(&text)
                || row.persona.0.contains(&text))
    }
}

/// The summary tiles.
#[derive(Debug, Clone, PartialEq)]
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

pub fn summary<'r>(rows: impl IntoIterator<Item = &'r Row>) -> Summary {
    let mut calls = 0;
    let mut passed = 0;
    let mut total = 0.0;
    let mut failures: BTreeMap<FailureKind, usize> = BTreeMap::new();
    for row in rows {
        calls += 1;
        total += row.total;
        if row.passed {
            passed += 1;
        }
        match row.fail_reason {
            Some(FailReason::SevereViolation(kind) | FailReason::CriticalError(kind, _)) => {
                *failures.entry(FailureKind::CriticalError(kind)).or_default() += 1
            }
            Some(FailReason::MissedCriticalStep) => {
                *failures.entry(FailureKind::MissedCriticalStep).or_default() += 1
            }
            Some(FailReason::BelowPassMark) => *failures.entry(FailureKind::BelowPassMark).or_default() += 1,
            None => {}
        }
    }
    let top_failure = failures.into_iter().max_by_key(|(k, n)| (*n, std::cmp::Reverse(*k)));
    Summary {
        calls,
        passed,
        pass_rate: if calls > 0 { passed as f64 / calls as f64 } else { 0.0 },
        mean_score: if calls > 0 { total / calls as f64 } else { 0.0 },
        top_failure,
    }
}

/// Counts of a key over rows, most common first (ties by key).
pub fn ranked<K: Ord + Clone>(items: impl IntoIterator<Item = K>) -> Vec<(K, usize)> {
    let mut counts: BTreeMap<K, usize> = BTreeMap::new();
    for k in items {
        *counts.entry(k).or_default() += 1;
    }
    let mut out: Vec<(K, usize)> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// One trainee's picture.
#[derive(Debug, Clone, PartialEq)]
pub struct TraineeView {
    pub trainee: String,
    pub summary: Summary,
    /// Per persona: (date, score) in time order.
    pub scores_over_time: BTreeMap<PersonaId, Vec<(DateTime<Utc>, f64)>>,
    pub style_points: Vec<(PersonaId, StylePoint)>,
    pub violations: Vec<(ViolationKind, usize)>,
    pub ploys_fallen_for: Vec<(Ploy, usize)>,
    /// Per persona: the best and the last total.
    pub best_and_last: BTreeMap<PersonaId, (f64, f64)>,
}

pub fn trainee_view(rows: &[Row], trainee: &str) -> TraineeView {
    let mut mine: Vec<&Row> = rows.iter().filter(|r| r.trainee.eq_ignore_ascii_case(trainee)).collect();
    mine.sort_by_key(|r| r.started_at);
    let mut scores_over_time: BTreeMap<PersonaId, Vec<(DateTime<Utc>, f64)>> = BTreeMap::new();
    let mut best_and_last: BTreeMap<PersonaId, (f64, f64)> = BTreeMap::new();
    for r in &mine {
        scores_over_time.entry(r.persona.clone()).or_default().push((r.started_at, r.total));
        let entry = best_and_last.entry(r.persona.clone()).or_insert((r.total, r.total));
        entry.0 = entry.0.max(r.total);
        entry.1 = r.total;
    }
    TraineeView {
        trainee: trainee.to_string(),
        summary: summary(mine.iter().copied()),
        scores_over_time,
        style_points: mine.iter().map(|r| (r.persona.clone(), r.style_point)).collect(),
        violations: ranked(mine.iter().flat_map(|r| r.violations.iter().map(|(k, _)| *k))),
        ploys_fallen_for: ranked(mine.iter().flat_map(|r| r.ploys_fallen_for.iter().copied())),
        best_and_last,
    }
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

pub fn persona_view(rows: &[Row], persona: &PersonaId) -> PersonaView {
    let calls: Vec<&Row> = rows.iter().filter(|r| r.persona == *persona).collect();
    let mut histogram = [0usize; 10];
    for r in &calls {
        histogram[((r.total / 10.0).floor() as usize).min(9)] += 1;
    }
    PersonaView {
        persona: persona.clone(),
        summary: summary(calls.iter().copied()),
        histogram,
        outcomes: ranked(calls.iter().map(|r| r.outcome)),
        costly_replies: ranked(calls.iter().flat_map(|r| r.costly.iter().cloned())),
    }
}

/// Distinct trainees and personas, for filter menus.
pub fn trainees(rows: &[Row]) -> Vec<String> {
    let mut seen: HashMap<String, String> = HashMap::new();
    for r in rows {
        seen.entry(r.trainee.to_lowercase()).or_insert_with(|| r.trainee.clone());
    }
    let mut out: Vec<String> = seen.into_values().collect();
    out.sort_by_key(|a| a.to_lowercase());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parallel_results_follow_the_order_of_the_paths() {
        // Enough paths for several batches on every thread; every seventh is foreign, the others
        // do not exist, so each result says which kind of path it belongs to.
        let paths: Vec<PathBuf> = (0..1000)
            .map(|i| PathBuf::from(format!("/nonexistent/{i}.{}", if i % 7 == 0 { "txt" } else { "ron" })))
            .collect();
        let results = read_parallel(&paths, None);
        assert_eq!(results.len(), paths.len());
        for (i, result) in results.iter().enumerate() {
            match result {
                Err(SkipReason::Foreign) => assert_eq!(i % 7, 0, "path {i}"),
                Err(SkipReason::Unreadable(_)) => assert_ne!(i % 7, 0, "path {i}"),
                other => panic!("path {i}: {other:?}"),
            }
        }
    }
}
