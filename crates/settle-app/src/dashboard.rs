//! The managers' dashboard state: the report index of a folder (watched, refreshed
//! incrementally), the filter and sort of the table, the selected call, and which view
//! (table, trainee, persona) is open.

use std::path::{Path, PathBuf};

use settle_i18n::Lang;
use settle_store::report::index::{Filter, ReportIndex, Row};
use settle_store::watch::FolderWatcher;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    Date,
    Trainee,
    Persona,
    Score,
    Outcome,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DashView {
    Table,
    Trainee(String),
    Persona(settle_core::persona::PersonaId),
}

pub struct DashboardState {
    pub index: ReportIndex,
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
    watcher: Option<FolderWatcher>,
    /// The filtered, sorted row order and what it was computed for: sorting 100,000 rows
    /// every frame would not stay smooth, so it is redone only when something changed.
    order: Vec<usize>,
    order_for: Option<(Filter, SortBy, bool, u64)>,
}

impl DashboardState {
    /// Opens a reports folder; its rows are cached in `data_dir` between runs.
    pub fn open(folder: &Path, key: Option<Vec<u8>>, data_dir: &Path) -> DashboardState {
        let cache = settle_store::report::index::cache_file_for(folder, data_dir);
        DashboardState {
            index: ReportIndex::open_cached(folder, key, cache),
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
            watcher: FolderWatcher::new(folder).ok(),
            order: Vec::new(),
            order_for: None,
        }
    }

    /// Sets the filter's date range from the typed dates: `from` at the start of its day, `to`
    /// at the end of its day; a date that cannot be read leaves that end open.
    pub fn apply_dates(&mut self) {
        let day = |text: &str| settle_core::wrapup::parse_date(text.trim());
        self.filter.from = day(&self.from_text).and_then(|d| d.and_hms_opt(0, 0, 0)).map(|t| t.and_utc());
        self.filter.to = day(&self.to_text).and_then(|d| d.and_hms_opt(23, 59, 59)).map(|t| t.and_utc());
    }

    /// Reads report files that appeared since the last frame.
    pub fn poll(&mut self) {
        if self.watcher.as_ref().is_some_and(FolderWatcher::changed) {
            self.index.refresh();
        }
    }

    /// Recomputes the visible order if the filter, the sort or the rows changed; call once
    /// per frame before [`DashboardState::visible`].
    pub fn update_order(&mut self) {
        let key = (self.filter.clone(), self.sort, self.descending, self.index.generation);
        if self.order_for.as_ref() == Some(&key) {
            return;
        }
        let rows = &self.index.rows;
        let mut order: Vec<usize> = (0..rows.len()).filter(|i| self.filter.matches(&rows[*i])).collect();
        order.sort_by(|a, b| {
            let (a, b) = (&rows[*a], &rows[*b]);
            let order = match self.sort {
                SortBy::Date => a.started_at.cmp(&b.started_at),
                SortBy::Trainee => a.trainee.to_lowercase().cmp(&b.trainee.to_lowercase()),
                SortBy::Persona => a.persona_name.cmp(&b.persona_name),
                SortBy::Score => a.total.total_cmp(&b.total),
                SortBy::Outcome => a.outcome.cmp(&b.outcome),
            };
            if self.descending { order.reverse() } else { order }
        });
        self.order = order;
        self.order_for = Some(key);
    }

    /// The rows that pass the filter, sorted (as of the last [`DashboardState::update_order`]).
    pub fn visible(&self) -> Vec<&Row> {
        self.order.iter().filter_map(|i| self.index.rows.get(*i)).collect()
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
    /// in the interface's language.
    pub fn export(&mut self, kind: ExportKind, lang: Lang) {
        let base = PathBuf::from(self.export_text.trim());
        let rows = self.visible();
        let (path, text) = match &kind {
            ExportKind::Csv => (
                base.with_extension("csv"),
                settle_store::report::export::csv(rows).map_err(|e| e.to_string()),
            ),
            ExportKind::Xapi => (
                base.with_extension("json"),
                serde_json::to_string_pretty(&settle_store::report::export::xapi(rows))
                    .map_err(|e| e.to_string()),
            ),
            ExportKind::Html(trainee) => (
                base.with_extension("html"),
                Ok(settle_store::report::export::trainee_html(&self.index.rows, trainee, lang)),
            ),
        };
        self.message = Some(match text.and_then(|t| std::fs::write(&path, t).map_err(|e| e.to_string())) {
            Ok(()) => path.display().to_string(),
            Err(e) => format!("{}: {e}", path.display()),
        });
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportKind {
    Csv,
    Xapi,
    Html(String),
}
