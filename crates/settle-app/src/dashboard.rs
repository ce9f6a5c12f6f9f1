//! The managers' dashboard state: the reports index service of a folder (watched, refreshed in
//! the background), the filter and sort of the table, the selected call, which view (table,
//! trainee, persona) is open, and the index's latest answer. Nothing here waits on the index:
//! a changed filter or sort is a new query, and the table shows the last answer until the next
//! one arrives.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use settle_i18n::Lang;
pub use settle_store::report::index::SortBy;
use settle_store::report::index::{
    Filter, Index, IndexService, Line, Query, Snapshot, Summary, default_index_path,
};
use settle_store::report::store::Skipped;
use settle_store::watch::FolderWatcher;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DashView {
    Table,
    Trainee(String),
    Persona(settle_core::persona::PersonaId),
}

pub struct DashboardState {
    pub index: IndexService,
    pub folder_text: String,
    pub filter: Filter,
    pub sort: SortBy,
    pub descending: bool,
    pub selected: Option<PathBuf>,
    pub view: DashView,
    /// The second trainee for side-by-side comparison.
    pub compare: Option<String>,
    pub export_text: String,
    pub message: Option<String>,
    /// The date range as typed (`2026-11-01` or `01.11.2026`); empty for open-ended.
    pub from_text: String,
    pub to_text: String,
    /// The index's latest answer (none before the first).
    pub snapshot: Option<Arc<Snapshot>>,
    watcher: Option<FolderWatcher>,
    /// The query last sent to the index.
    asked: Option<Query>,
    /// The index file, for exports that need whole rows.
    db_path: PathBuf,
    /// The answer of an export being written on its thread.
    export_answer: Option<std::sync::mpsc::Receiver<String>>,
}

impl DashboardState {
    /// Opens a reports folder on the index in `data_dir`; `repaint` is called from the index's
    /// thread when a new answer is ready.
    pub fn open(
        folder: &Path,
        key: Option<Vec<u8>>,
        data_dir: &Path,
        repaint: impl Fn() + Send + 'static,
    ) -> DashboardState {
        let db_path = default_index_path(data_dir);
        let mut state = DashboardState {
            index: IndexService::spawn(db_path.clone(), folder.to_path_buf(), key, Query::default(), repaint),
            folder_text: folder.display().to_string(),
            filter: Filter::default(),
            sort: SortBy::Date,
            descending: true,
            selected: None,
            view: DashView::Table,
            compare: None,
            export_text: std::env::temp_dir().join("settle-export").display().to_string(),
            message: None,
            from_text: String::new(),
            to_text: String::new(),
            snapshot: None,
            watcher: FolderWatcher::new(folder).ok(),
            asked: None,
            db_path,
            export_answer: None,
        };
        state.asked = Some(state.query());
        state
    }

    /// Sets the filter's date range from the typed dates: `from` at the start of its day, `to`
    /// at the end of its day; a date that cannot be read leaves that end open.
    pub fn apply_dates(&mut self) {
        let day = |text: &str| settle_core::wrapup::parse_date(text.trim());
        self.filter.from = day(&self.from_text).and_then(|d| d.and_hms_opt(0, 0, 0)).map(|t| t.and_utc());
        self.filter.to = day(&self.to_text).and_then(|d| d.and_hms_opt(23, 59, 59)).map(|t| t.and_utc());
    }

    /// Asks the index to read report files that changed since the last frame.
    pub fn poll(&mut self) {
        if self.watcher.as_ref().is_some_and(FolderWatcher::changed) {
            self.index.refresh();
        }
        if let Some(answers) = &self.export_answer {
            match answers.try_recv() {
                Ok(message) => {
                    self.message = Some(message);
                    self.export_answer = None;
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
                Err(std::sync::mpsc::TryRecvError::Disconnected) => self.export_answer = None,
            }
        }
    }

    /// What the index is asked: the table's filter and order, and the open view's pictures.
    fn query(&self) -> Query {
        let (trainees, persona) = match &self.view {
            DashView::Table => (Vec::new(), None),
            DashView::Trainee(name) => {
                (std::iter::once(name.clone()).chain(self.compare.clone()).collect(), None)
            }
            DashView::Persona(id) => (Vec::new(), Some(id.clone())),
        };
        Query {
            filter: self.filter.clone(),
            sort: self.sort,
            descending: self.descending,
            table: true,
            trainees,
            persona,
            best_for: None,
        }
    }

    /// Sends the query if the filter, the sort or the view changed, and takes the index's
    /// latest answer; call once per frame before [`DashboardState::visible`]. Never waits.
    pub fn update_order(&mut self) {
        let query = self.query();
        if self.asked.as_ref() != Some(&query) {
            self.index.set_query(query.clone());
            self.asked = Some(query);
        }
        if let Some(latest) = self.index.latest() {
            self.snapshot = Some(latest);
        }
    }

    /// Whether the index is still working (reading the folder, checking signatures, answering).
    pub fn busy(&self) -> bool {
        !self.index.settled()
    }

    /// The rows that pass the filter, sorted (as of the index's latest answer).
    pub fn visible(&self) -> &[Line] {
        self.snapshot.as_deref().map_or(&[], |s| s.lines.as_slice())
    }

    /// The summary tiles of the visible rows.
    pub fn summary(&self) -> Summary {
        self.snapshot.as_deref().map(|s| s.summary.clone()).unwrap_or_default()
    }

    pub fn skipped(&self) -> &[Skipped] {
        self.snapshot.as_deref().map_or(&[], |s| s.skipped.as_slice())
    }

    pub fn trainees(&self) -> &[String] {
        self.snapshot.as_deref().map_or(&[], |s| s.trainees.as_slice())
    }

    pub fn sort_by(&mut self, by: SortBy) {
        if self.sort == by {
            self.descending = !self.descending;
        } else {
            self.sort = by;
            self.descending = matches!(by, SortBy::Date | SortBy::Score);
        }
    }

    /// Writes an export next to `export_text` (its extension is set per kind); the HTML report
    /// in the interface's language. Whole rows come from the index file.
    /// Writes an export on a thread of its own (100,000 rows take longer than a frame); the
    /// message says where it went when [`DashboardState::poll`] picks up the answer.
    pub fn export(&mut self, kind: ExportKind, lang: Lang) {
        let job = ExportJob {
            kind,
            lang,
            base: PathBuf::from(self.export_text.trim()),
            folder: self.index.folder().to_path_buf(),
            filter: self.filter.clone(),
            sort: self.sort,
            descending: self.descending,
            db_path: self.db_path.clone(),
        };
        let (answer, answers) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new().name("settle-export".into()).spawn(move || {
            let _ = answer.send(job.write());
        });
        match spawned {
            Ok(_) => {
                self.message = Some(lang.tr("dashboard-exporting").into());
                self.export_answer = Some(answers);
            }
            Err(e) => self.message = Some(e.to_string()),
        }
    }

    /// Whether an export is still being written.
    pub fn exporting(&self) -> bool {
        self.export_answer.is_some()
    }
}

/// One export to write: what, in which language, where, and the table's filter and order.
struct ExportJob {
    kind: ExportKind,
    lang: Lang,
    base: PathBuf,
    folder: PathBuf,
    filter: Filter,
    sort: SortBy,
    descending: bool,
    db_path: PathBuf,
}

impl ExportJob {
    /// Writes the file; the message for the dashboard: the path written, or why not.
    fn write(self) -> String {
        let text = |index: &Index| -> Result<(PathBuf, String), String> {
            let entries = |filter: &Filter| {
                index.entries(&self.folder, filter, self.sort, self.descending).map_err(|e| e.to_string())
            };
            Ok(match &self.kind {
                ExportKind::Csv => {
                    let rows = entries(&self.filter)?;
                    let text = settle_store::report::export::csv(rows.iter().map(|e| &e.row));
                    (self.base.with_extension("csv"), text.map_err(|e| e.to_string())?)
                }
                ExportKind::Xapi => {
                    let rows = entries(&self.filter)?;
                    let statements = settle_store::report::export::xapi(rows.iter().map(|e| &e.row));
                    (
                        self.base.with_extension("json"),
                        serde_json::to_string_pretty(&statements).map_err(|e| e.to_string())?,
                    )
                }
                ExportKind::Html(trainee) => {
                    let view = index.trainee_view(&self.folder, trainee).map_err(|e| e.to_string())?;
                    let rows = entries(&Filter { trainee: Some(trainee.clone()), ..Filter::default() })?;
                    let html = settle_store::report::export::trainee_html(
                        &view,
                        rows.iter().map(|e| &e.row),
                        self.lang,
                    );
                    (self.base.with_extension("html"), html)
                }
            })
        };
        let written = Index::open(&self.db_path)
            .map_err(|e| e.to_string())
            .and_then(|index| text(&index))
            .and_then(|(path, text)| std::fs::write(&path, text).map(|()| path).map_err(|e| e.to_string()));
        match written {
            Ok(path) => path.display().to_string(),
            Err(e) => format!("{}: {e}", self.base.display()),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportKind {
    Csv,
    Xapi,
    Html(String),
}
