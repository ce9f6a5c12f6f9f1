//! The index on a thread of its own, so that the app never waits on it: the thread owns the
//! database connection, takes requests over a channel (refresh the folder, answer another
//! query), and publishes each answer as an immutable [`Snapshot`] that the app picks up
//! without blocking ([`IndexService::latest`]).
//!
//! Its order of work: what the index already holds for the folder is published at once; then
//! the folder is refreshed (heads of new and changed files only) and published again (on a
//! first open, from the rows in memory before they are written, then from SQL); then
//! signatures are checked in batches, between which requests are answered first, with a
//! snapshot now and then and at the end. This thread never touches the app's state, and the
//! app never touches the connection.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError, channel};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::files::RACY;
use super::{Filter, Index, IndexError, Line, PersonaView, Scan, SortBy, Summary, TraineeView};
use crate::report::store::Skipped;
use settle_core::persona::PersonaId;

/// How many signatures one pass checks before the thread looks at its requests again.
const VERIFY_BATCH: usize = 2048;
/// How often a snapshot is published while signatures are being checked.
const VERIFY_PUBLISH_EVERY: Duration = Duration::from_secs(2);

/// What the app wants answered.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    pub filter: Filter,
    pub sort: SortBy,
    pub descending: bool,
    /// Whether the table's lines are wanted (the library wants only best scores).
    pub table: bool,
    /// Trainees whose picture is wanted (the trainee view and its comparison).
    pub trainees: Vec<String>,
    /// The persona whose picture is wanted.
    pub persona: Option<PersonaId>,
    /// The trainee whose best scores per persona are wanted.
    pub best_for: Option<String>,
}

impl Default for Query {
    fn default() -> Self {
        Query {
            filter: Filter::default(),
            sort: SortBy::Date,
            descending: true,
            table: true,
            trainees: Vec::new(),
            persona: None,
            best_for: None,
        }
    }
}

/// One answer of the index, as of one moment.
#[derive(Debug, Clone, Default)]
pub struct Snapshot {
    pub folder: PathBuf,
    /// The query this snapshot answers.
    pub query: Query,
    /// The table: the rows that pass the filter, sorted (shared between snapshots that differ
    /// only in their flags).
    pub lines: Arc<Vec<Line>>,
    /// The summary tiles of those rows.
    pub summary: Summary,
    /// Every trainee in the folder, for the filter menu.
    pub trainees: Vec<String>,
    /// Files that are not readable reports, with why.
    pub skipped: Vec<Skipped>,
    /// Reports whose signature is not checked yet.
    pub pending: usize,
    /// The pictures of `query.trainees`, in that order.
    pub trainee_views: Vec<TraineeView>,
    pub persona_view: Option<PersonaView>,
    /// `query.best_for`'s best score per persona.
    pub best: BTreeMap<PersonaId, f64>,
    /// Whether the folder itself has been read since the service started (before that, the
    /// snapshot is what the index held from earlier runs).
    pub refreshed: bool,
    /// What went wrong last, if anything (the snapshot then holds what could be answered).
    pub error: Option<String>,
    /// Goes up with every snapshot.
    pub generation: u64,
}

impl Snapshot {
    /// The index's answer to `query` for `folder` (flags unset: not refreshed, no error).
    pub fn of_index(index: &Index, folder: &Path, q: &Query) -> Result<Snapshot, IndexError> {
        let lines = if q.table { index.lines(folder, &q.filter, q.sort, q.descending)? } else { Vec::new() };
        let trainee_views =
            q.trainees.iter().map(|t| index.trainee_view(folder, t)).collect::<Result<Vec<_>, _>>()?;
        let persona_view = q.persona.as_ref().map(|p| index.persona_view(folder, p)).transpose()?;
        let best = match &q.best_for {
            Some(trainee) => index.best_scores(folder, trainee)?,
            None => BTreeMap::new(),
        };
        Ok(Snapshot {
            folder: folder.to_path_buf(),
            query: q.clone(),
            summary: if q.table { index.summary(folder, &q.filter)? } else { Summary::default() },
            lines: Arc::new(lines),
            trainees: if q.table { index.trainees(folder)? } else { Vec::new() },
            skipped: index.skipped(folder)?,
            pending: index.pending_signatures(folder)?,
            trainee_views,
            persona_view,
            best,
            refreshed: false,
            error: None,
            generation: 0,
        })
    }

    /// The answer the index will give to `query` once `scan` is applied, computed from the
    /// rows the scan holds in memory: only for a scan of the whole folder (a first open) and a
    /// query for the table, its tiles and best scores; `None` otherwise. Equal to
    /// [`Snapshot::of_index`] after [`Index::apply`] (flags unset).
    pub fn of_scan(scan: &Scan, query: &Query) -> Option<Snapshot> {
        super::memory::snapshot(scan, query)
    }
}

enum Request {
    Refresh(u64),
    Query(Box<Query>, u64),
}

/// The handle the app keeps: dropping it stops the thread.
pub struct IndexService {
    folder: PathBuf,
    sender: Option<Sender<Request>>,
    shared: Arc<Shared>,
    sent: AtomicU64,
    thread: Option<JoinHandle<()>>,
}

#[derive(Default)]
struct Shared {
    latest: Mutex<Option<Arc<Snapshot>>>,
    /// The last request whose work, signatures included, is done and published.
    done: AtomicU64,
}

impl IndexService {
    /// Starts the service for one reports folder, with the index at `db_path` (kept in memory
    /// when that cannot be opened) and the organisation's key for signatures. `notify` is
    /// called after each snapshot (the app asks for a repaint).
    pub fn spawn(
        db_path: PathBuf,
        folder: PathBuf,
        key: Option<Vec<u8>>,
        query: Query,
        notify: impl Fn() + Send + 'static,
    ) -> IndexService {
        let (sender, receiver) = channel();
        let shared = Arc::new(Shared::default());
        let worker = Worker {
            folder: folder.clone(),
            key,
            query,
            shared: Arc::clone(&shared),
            notify: Box::new(notify),
            generation: 0,
            refreshed: false,
            error: None,
            last: None,
        };
        let thread = std::thread::Builder::new()
            .name("settle-index".into())
            .spawn(move || worker.run(&db_path, &receiver))
            .ok();
        IndexService { folder, sender: Some(sender), shared, sent: AtomicU64::new(0), thread }
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Reads what changed in the folder (after a watcher's event); answered in the background.
    pub fn refresh(&self) {
        let n = self.sent.fetch_add(1, Ordering::SeqCst) + 1;
        self.send(Request::Refresh(n));
    }

    /// Asks for another answer (filter, sort, views); answered in the background.
    pub fn set_query(&self, query: Query) {
        let n = self.sent.fetch_add(1, Ordering::SeqCst) + 1;
        self.send(Request::Query(Box::new(query), n));
    }

    fn send(&self, request: Request) {
        if let Some(sender) = &self.sender {
            // A stopped thread has nothing more to answer; its last snapshot stands.
            let _ = sender.send(request);
        }
    }

    /// The newest snapshot, if any yet. Never blocks for longer than a pointer copy.
    pub fn latest(&self) -> Option<Arc<Snapshot>> {
        self.shared.latest.lock().ok().and_then(|l| l.clone())
    }

    /// Whether every request so far is answered, the folder read and its signatures checked.
    pub fn settled(&self) -> bool {
        let finished = self.thread.as_ref().is_none_or(JoinHandle::is_finished);
        finished || self.shared.done.load(Ordering::SeqCst) > self.sent.load(Ordering::SeqCst)
    }

    /// Waits until [`IndexService::settled`], at most `timeout`; for the command line,
    /// measurements and tests, never for the app.
    pub fn wait_settled(&self, timeout: Duration) -> bool {
        let start = Instant::now();
        while !self.settled() {
            if start.elapsed() > timeout {
                return false;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        true
    }
}

impl Drop for IndexService {
    fn drop(&mut self) {
        // Closing the channel stops the thread between two steps of its work.
        self.sender = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

struct Worker {
    folder: PathBuf,
    key: Option<Vec<u8>>,
    query: Query,
    shared: Arc<Shared>,
    notify: Box<dyn Fn() + Send>,
    generation: u64,
    refreshed: bool,
    error: Option<String>,
    /// The last snapshot published, to republish with new flags when no row changed.
    last: Option<Arc<Snapshot>>,
}

impl Worker {
    fn run(mut self, db_path: &Path, requests: &Receiver<Request>) {
        let mut index = match Index::open(db_path).or_else(|e| {
            self.error = Some(e.to_string());
            Index::open_in_memory()
        }) {
            Ok(index) => index,
            Err(e) => {
                self.error = Some(e.to_string());
                self.publish_empty();
                return;
            }
        };
        // Request 0 is the start: the folder's first refresh and the first query.
        let mut seen = 0;
        let mut want_refresh = true;
        let mut dirty = false;
        // Only the snapshot's flags are out of date (the folder was read and nothing changed).
        let mut touch = false;
        let mut verifying = false;
        let mut checked_since_publish = false;
        let mut last_publish = Instant::now();
        let mut retry_at: Option<Instant> = None;
        // What the index already knows is shown before the folder is listed.
        if index.known_folder(&self.folder).ok().flatten().is_some() {
            // A failed map only costs speed: the answer is the same.
            let mapped = index.map_for_reading(true).is_ok();
            self.publish(&index);
            if mapped {
                let _ = index.map_for_reading(false);
            }
        }
        loop {
            loop {
                match requests.try_recv() {
                    Ok(request) => self.apply(request, &mut seen, &mut want_refresh, &mut dirty),
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => return,
                }
            }
            if want_refresh {
                want_refresh = false;
                match self.refresh(&mut index) {
                    Ok(refreshed) => {
                        dirty |= refreshed.changed() || self.last.is_none();
                        touch |= !self.refreshed;
                        verifying = true;
                        if refreshed.racy > 0 {
                            retry_at = Some(Instant::now() + RACY);
                        }
                        self.error = None;
                    }
                    Err(e) => {
                        dirty = true;
                        self.error = Some(e.to_string());
                    }
                }
                self.refreshed = true;
                continue;
            }
            if dirty {
                (dirty, touch) = (false, false);
                checked_since_publish = false;
                self.publish(&index);
                last_publish = Instant::now();
                continue;
            }
            if touch {
                touch = false;
                self.touch();
                continue;
            }
            if verifying {
                match index.verify(&self.folder, self.key.as_deref(), VERIFY_BATCH) {
                    Ok(pass) => {
                        checked_since_publish |= pass.checked > 0;
                        if pass.remaining == 0 || pass.checked == 0 {
                            verifying = false;
                            dirty = checked_since_publish;
                            if pass.remaining > 0 {
                                // Files that changed under the check: read again soon.
                                retry_at = Some(Instant::now() + RACY);
                            }
                        } else if last_publish.elapsed() > VERIFY_PUBLISH_EVERY {
                            dirty = true;
                        }
                    }
                    Err(e) => {
                        verifying = false;
                        dirty = true;
                        self.error = Some(e.to_string());
                    }
                }
                continue;
            }
            // Idle: everything asked so far is answered.
            self.shared.done.store(seen + 1, Ordering::SeqCst);
            let request = match retry_at {
                Some(at) => match requests.recv_timeout(at.saturating_duration_since(Instant::now())) {
                    Ok(request) => Some(request),
                    Err(RecvTimeoutError::Timeout) => {
                        retry_at = None;
                        want_refresh = true;
                        None
                    }
                    Err(RecvTimeoutError::Disconnected) => return,
                },
                None => match requests.recv() {
                    Ok(request) => Some(request),
                    Err(_) => return,
                },
            };
            if let Some(request) = request {
                self.apply(request, &mut seen, &mut want_refresh, &mut dirty);
            }
        }
    }

    fn apply(&mut self, request: Request, seen: &mut u64, want_refresh: &mut bool, dirty: &mut bool) {
        match request {
            Request::Refresh(n) => {
                *want_refresh = true;
                *seen = n;
            }
            Request::Query(query, n) => {
                self.query = *query;
                *dirty = true;
                *seen = n;
            }
        }
    }

    /// Reads the folder and writes what changed. On a first open the rows read are published
    /// before they are written: for 100,000 reports the insert and its commit take longer than
    /// the reading (docs/performance.md), and the table need not wait for them.
    fn refresh(&mut self, index: &mut Index) -> Result<super::Refreshed, IndexError> {
        let scan = index.scan(&self.folder, self.key.as_deref())?;
        if !scan.is_empty()
            && let Some(snapshot) = Snapshot::of_scan(&scan, &self.query)
        {
            self.refreshed = true;
            self.store(Snapshot { error: self.error.clone(), refreshed: true, ..snapshot });
        }
        index.apply(scan)
    }

    fn publish_empty(&mut self) {
        let snapshot = Snapshot {
            folder: self.folder.clone(),
            query: self.query.clone(),
            error: self.error.clone(),
            ..Snapshot::default()
        };
        self.store(snapshot);
    }

    fn publish(&mut self, index: &Index) {
        match self.answer(index) {
            Ok(snapshot) => self.store(snapshot),
            Err(e) => {
                self.error = Some(e.to_string());
                self.publish_empty();
            }
        }
    }

    fn answer(&self, index: &Index) -> Result<Snapshot, IndexError> {
        let snapshot = Snapshot::of_index(index, &self.folder, &self.query)?;
        Ok(Snapshot { refreshed: self.refreshed, error: self.error.clone(), ..snapshot })
    }

    /// Publishes the last snapshot again with the current flags: no query is run.
    fn touch(&mut self) {
        if let Some(last) = &self.last {
            let snapshot =
                Snapshot { refreshed: self.refreshed, error: self.error.clone(), ..Snapshot::clone(last) };
            self.store(snapshot);
        }
    }

    fn store(&mut self, mut snapshot: Snapshot) {
        self.generation += 1;
        snapshot.generation = self.generation;
        let snapshot = Arc::new(snapshot);
        if let Ok(mut latest) = self.shared.latest.lock() {
            *latest = Some(Arc::clone(&snapshot));
        }
        self.last = Some(snapshot);
        (self.notify)();
    }
}
