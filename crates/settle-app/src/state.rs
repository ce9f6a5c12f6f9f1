//! The app's long-lived state, the way egui_demo_app keeps its apps: one [`State`] holds every
//! screen's state for the whole run, and the [`Route`] only chooses which one is shown, so a
//! dashboard's filters, sort and loaded rows are still there after opening a call from it.
//!
//! State is data: screens read it (and edit only the fields their widgets show), commands
//! change it, logic refreshes it. Nothing here draws, and nothing here runs on its own: the
//! few methods that read files (`reload_library`, `reload_reports`) are called by commands and
//! logic, never by drawing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use settle_core::load::Library;
use settle_core::persona::{Persona, PersonaId};
use settle_core::timer::ReplyTimer;
use settle_core::wrapup::{DraftError, WrapUpDraft};
use settle_lrs::courier::CourierStatus;
use settle_session::{CallSession, SessionConfig};
use settle_store::folders::Folders;
use settle_store::journal::Journal;
use settle_store::library::{default_assets_dir, with_folder};
use settle_store::report::Report;
use settle_store::settings::Settings;

use crate::authoring::AuthoringState;
use crate::dashboard::DashboardState;
use crate::widgets::portrait::PortraitCache;

/// Where the app finds its files.
#[derive(Debug, Clone)]
pub struct AppConfig {
    /// The trainer's folder of persona files, laid over the bundled library (and watched).
    pub dialogues: Option<PathBuf>,
    /// The trainer's folder's images.
    pub assets: PathBuf,
    /// Whether the library built into the program is shown (off to look at a folder alone).
    pub bundled: bool,
    /// `--reports DIR` from the command line: beats the environment and the settings.
    pub reports_flag: Option<PathBuf>,
    /// Settle's data folder: settings, the journal of the call in progress, the LRS outbox.
    pub data_dir: PathBuf,
}

impl AppConfig {
    pub fn new(
        dialogues: Option<PathBuf>,
        assets: Option<PathBuf>,
        reports_flag: Option<PathBuf>,
    ) -> AppConfig {
        let beside = || dialogues.as_deref().map(default_assets_dir).unwrap_or_default();
        let assets = assets.unwrap_or_else(beside);
        let data_dir = Folders::platform().data().to_path_buf();
        AppConfig { dialogues, assets, bundled: true, reports_flag, data_dir }
    }

    /// The files in the data folder.
    pub fn folders(&self) -> Folders {
        Folders::at(&self.data_dir)
    }

    /// Lays another persona folder over the bundled library, its images beside it.
    pub fn use_dialogues(&mut self, folder: Option<PathBuf>) {
        self.assets = folder.as_deref().map(default_assets_dir).unwrap_or_default();
        self.dialogues = folder;
    }
}

/// Which screen is shown; the screens' state lives in [`State`] whichever is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Library,
    Briefing,
    Call,
    WrapUp,
    Debrief,
    Authoring,
    Dashboard,
    Settings,
}

/// A call in progress.
pub struct CallState {
    pub session: CallSession,
    /// egui's clock when the call started (set by logic on the first frame of the call).
    pub clock_start: Option<f64>,
    pub timer: Option<ReplyTimer>,
    pub case_open: bool,
}

/// The wrap-up form after a call.
pub struct WrapUpState {
    pub session: CallSession,
    pub draft: WrapUpDraft,
    pub errors: Vec<DraftError>,
}

/// Where a finished call's report is: the debrief shows it at once and says this beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Queued and being saved on another thread.
    Saving,
    Saved(PathBuf),
    /// Why it could not be saved; the report stays in memory for a retry.
    Failed(String),
}

/// The debrief of a finished call.
pub struct DebriefState {
    pub report: Report,
    pub persona: Arc<Persona>,
    pub saved: SaveState,
    /// Opened from the reports dashboard (its back button returns there).
    pub from_reports: bool,
}

/// The dashboard and what it was opened for: the settings' reports folder and key at the time.
/// Coming back with the same settings shows the same dashboard (filters, sort, rows); changed
/// settings open it afresh.
pub struct DashboardSlot {
    pub opened_for: (PathBuf, Option<Vec<u8>>),
    pub state: Box<DashboardState>,
}

/// The settings screen's fields as typed; each is applied to [`Settings`] when its field loses
/// focus, Enter is pressed, a dialog answers, or the screen is left.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SettingsForm {
    pub reports_dir: String,
    pub org_key: String,
    pub dialogues_dir: String,
    pub lrs_endpoint: String,
    pub lrs_key: String,
    pub lrs_secret: String,
}

impl SettingsForm {
    pub fn of(settings: &Settings) -> SettingsForm {
        SettingsForm {
            reports_dir: settings.reports_dir.clone(),
            org_key: settings.org_key.clone(),
            dialogues_dir: settings.dialogues_dir.clone(),
            lrs_endpoint: settings.lrs_endpoint.clone(),
            lrs_key: settings.lrs_key.clone(),
            lrs_secret: settings.lrs_secret.clone(),
        }
    }
}

/// Everything the app knows between frames.
pub struct State {
    pub config: AppConfig,
    pub settings: Settings,
    pub library: Library,
    pub best: BTreeMap<PersonaId, f64>,
    pub skipped_reports: usize,
    /// The best scores are to be asked for again (see [`State::reload_reports`]).
    pub reports_wanted: bool,
    pub route: Route,
    pub pending_resume: Option<Journal>,
    pub notice: Option<String>,
    /// The persona being prepared on the briefing.
    pub briefing: Option<Arc<Persona>>,
    pub call: Option<Box<CallState>>,
    pub wrap_up: Option<Box<WrapUpState>>,
    pub debrief: Option<Box<DebriefState>>,
    pub authoring: Box<AuthoringState>,
    pub dashboard: Option<DashboardSlot>,
    pub settings_form: SettingsForm,
    /// Decoded portraits; filled by logic for the screen about to be drawn.
    pub portraits: PortraitCache,
    /// The LRS courier's state as of this frame (taken by logic).
    pub courier: CourierStatus,
    /// A native file dialog is open (its "Choose…" buttons wait for it).
    pub dialog_open: bool,
}

impl State {
    /// The state at start-up: the library loaded, the best scores read, an interrupted call
    /// looked for.
    pub fn new(config: AppConfig, settings: Settings) -> State {
        let authoring = Box::new(AuthoringState::new(config.dialogues.as_deref()));
        let settings_form = SettingsForm::of(&settings);
        let mut state = State {
            config,
            settings,
            library: Library::default(),
            best: BTreeMap::new(),
            skipped_reports: 0,
            reports_wanted: false,
            route: Route::Library,
            pending_resume: None,
            notice: None,
            briefing: None,
            call: None,
            wrap_up: None,
            debrief: None,
            authoring,
            dashboard: None,
            settings_form,
            portraits: PortraitCache::default(),
            courier: CourierStatus::default(),
            dialog_open: false,
        };
        state.reload_library();
        state.reload_reports();
        match CallSession::waiting(&state.session_config()) {
            Ok(journal) => state.pending_resume = journal,
            Err(e) => state.notice = Some(e.to_string()),
        }
        state
    }

    pub fn reports_dir(&self) -> PathBuf {
        self.settings.reports_dir(&self.config.folders(), self.config.reports_flag.as_deref())
    }

    /// The reports folder when no flag, environment variable or setting names one.
    pub fn default_reports_dir(&self) -> PathBuf {
        self.config.folders().default_reports()
    }

    /// Where a call is journaled, saved and queued, and its key: from the settings as they
    /// are now, the same way `settle play` decides them.
    pub fn session_config(&self) -> SessionConfig {
        SessionConfig::decide(&self.config.folders(), &self.settings, self.config.reports_flag.as_deref())
    }

    /// What the dashboard is opened for under the settings as they are now.
    pub fn dashboard_key(&self) -> (PathBuf, Option<Vec<u8>>) {
        (self.reports_dir(), settle_store::report::sign::org_key(&self.settings.org_key))
    }

    /// A call is in progress (on the call screen or the wrap-up), so the journal is its.
    pub fn call_in_progress(&self) -> bool {
        self.call.is_some() || self.wrap_up.is_some()
    }

    pub fn reload_library(&mut self) {
        let bundled = if self.config.bundled { settle_bundle::library() } else { Library::default() };
        let folder = self.config.dialogues.as_deref().map(|dir| (dir, self.config.assets.as_path()));
        let (library, problem) = with_folder(bundled, folder);
        self.library = library;
        if let Some(e) = problem {
            self.notice = Some(e.to_string());
        }
    }

    /// Asks for the best scores again (the folder, the key or the trainee may have changed);
    /// logic puts the question to the reports index, which answers in a later frame.
    pub fn reload_reports(&mut self) {
        self.reports_wanted = true;
    }

    /// The persona folder laid over the bundled library now, if any (the setting's, a
    /// `--dialogues` flag's, or the data folder's own `dialogues`).
    pub fn dialogues_in_use(&self) -> Option<&Path> {
        self.config.dialogues.as_deref()
    }
}
