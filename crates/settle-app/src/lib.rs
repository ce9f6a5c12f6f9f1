//! The desktop app: a thin egui layer over the headless core. Screens draw state and return
//! [`Intent`]s; [`SettleApp::apply`] carries them out once per frame, calling into the core.
//! Nothing here decides how a call goes or how it is scored.

mod authoring;
mod dashboard;
mod screens;
mod theme;
mod widgets;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub use authoring::{AuthorIntent, AuthorTab, AuthoringState};
pub use settle_i18n::Lang;

use settle_core::call::{Choice, Mode};
use settle_core::engine::CallEngine;
use settle_core::format::Language;
use settle_core::load::Library;
use settle_core::persona::{Persona, PersonaId, ReplyIdx};
use settle_core::timer::ReplyTimer;
use settle_core::wrapup::{DraftError, WrapUpDraft};
use settle_lrs::LrsConfig;
use settle_lrs::client::Http;
use settle_lrs::courier::Courier;
use settle_lrs::outbox::{Batch, Outbox};
use settle_store::journal::{JOURNAL_FILE, Journal};
use settle_store::library::{default_assets_dir, load_dir};
use settle_store::report::index::{IndexService, Query, default_index_path};
use settle_store::report::store::{REPORTS_DIR_ENV, default_reports_dir, resolve_reports_dir, save};
use settle_store::report::{CallId, CallTimes, Report, fresh_seed};
use widgets::portrait::PortraitCache;

/// Where the app finds its files; fixed for the app's life.
#[derive(Debug, Clone)]
pub struct AppConfig {
    pub dialogues: PathBuf,
    pub assets: PathBuf,
    /// `--reports DIR` from the command line: beats the environment and the settings.
    pub reports_flag: Option<PathBuf>,
    /// Where the journal of the call in progress lives.
    pub data_dir: PathBuf,
}

impl AppConfig {
    pub fn new(dialogues: PathBuf, assets: Option<PathBuf>, reports_flag: Option<PathBuf>) -> AppConfig {
        let assets = assets.unwrap_or_else(|| default_assets_dir(&dialogues));
        let data_dir = settle_store::journal::default_data_dir();
        AppConfig { dialogues, assets, reports_flag, data_dir }
    }
}

/// What the app remembers between runs (eframe storage).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub trainee: String,
    pub lang: Lang,
    pub dark: bool,
    /// Empty: the default folder.
    pub reports_dir: String,
    pub mode: Mode,
    pub filter_language: Option<Language>,
    pub filter_difficulty: Option<u8>,
    /// The organisation's key for signing reports (the environment variable wins).
    pub org_key: String,
    /// The learning record store (empty endpoint: none); environment variables win.
    pub lrs_endpoint: String,
    pub lrs_key: String,
    pub lrs_secret: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            trainee: String::new(),
            lang: Lang::En,
            dark: false,
            reports_dir: String::new(),
            mode: Mode::Practice,
            filter_language: None,
            filter_difficulty: None,
            org_key: String::new(),
            lrs_endpoint: String::new(),
            lrs_key: String::new(),
            lrs_secret: String::new(),
        }
    }
}

const SETTINGS_KEY: &str = "settle-settings";

/// Something the person asked for; applied once per frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Intent {
    OpenBriefing(PersonaId),
    BackToLibrary,
    StartCall,
    Choose(ReplyIdx),
    Silence,
    ToWrapUp,
    SubmitWrapUp,
    /// On the briefing: hold the call in another language the persona has.
    ChooseCallLanguage(Language),
    RetrySave,
    ReplaySameSeed,
    TryNewSeed,
    Resume,
    DiscardResume,
    ReloadLibrary,
    ReloadReports,
    OpenAuthoring,
    Author(AuthorIntent),
    OpenDashboard,
    /// On the dashboard: open another reports folder, with the organisation's key and the
    /// app's data folder like the dashboard itself.
    OpenReportsFolder(PathBuf),
    /// Show a saved report in the debrief view.
    OpenReport(PathBuf),
    /// The LRS settings changed.
    ConfigureLrs,
    /// Try sending the queued statements now.
    SendToLrs,
}

/// A call in progress.
pub struct CallState {
    pub engine: CallEngine,
    pub id: CallId,
    pub started_at: DateTime<Utc>,
    /// egui's clock when the call started (set on the first frame of the call).
    pub clock_start: Option<f64>,
    pub timer: Option<ReplyTimer>,
    pub case_open: bool,
}

/// The wrap-up form after a call.
pub struct WrapUpState {
    pub engine: CallEngine,
    pub id: CallId,
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    pub draft: WrapUpDraft,
    pub errors: Vec<DraftError>,
}

/// The debrief of a finished call.
pub struct DebriefState {
    pub report: Report,
    pub persona: Arc<Persona>,
    /// Where the report was saved, or why it could not be.
    pub saved: Result<PathBuf, String>,
    /// Opened from the reports dashboard (its back button returns there).
    pub from_reports: bool,
}

pub enum Route {
    Library,
    Briefing(Arc<Persona>),
    Call(Box<CallState>),
    WrapUp(Box<WrapUpState>),
    Debrief(Box<DebriefState>),
    Authoring(Box<AuthoringState>),
    Dashboard(Box<dashboard::DashboardState>),
}

pub struct SettleApp {
    pub config: AppConfig,
    pub settings: Settings,
    pub library: Library,
    pub best: BTreeMap<PersonaId, f64>,
    pub skipped_reports: usize,
    pub route: Route,
    pub pending_resume: Option<Journal>,
    pub notice: Option<String>,
    portraits: PortraitCache,
    applied_look: Option<(bool, Lang)>,
    /// For measuring start-up: close the window once the first frame is drawn.
    pub exit_after_first_frame: bool,
    /// The settings as last written to storage.
    stored_settings: Option<Settings>,
    /// Reloads the library when a persona file in the folder is saved.
    watcher: Option<settle_store::watch::FolderWatcher>,
    /// Sends finished calls to the learning record store in the background.
    pub courier: Courier,
    /// The reports index of the reports folder, for the trainee's best scores; answers in the
    /// background (see [`SettleApp::reload_reports`]).
    pub reports_index: Option<IndexService>,
    /// The folder, key and trainee the index was last asked about.
    reports_asked: Option<(PathBuf, Option<Vec<u8>>, String)>,
    /// For the index's thread to ask for a frame when an answer is ready.
    repaint: egui::Context,
}

impl SettleApp {
    /// The app as eframe starts it, with settings from eframe's storage.
    pub fn new(cc: &eframe::CreationContext<'_>, config: AppConfig) -> SettleApp {
        let settings = cc.storage.and_then(|s| eframe::get_value(s, SETTINGS_KEY)).unwrap_or_default();
        SettleApp::with_settings(&cc.egui_ctx, config, settings)
    }

    pub fn with_settings(ctx: &egui::Context, config: AppConfig, settings: Settings) -> SettleApp {
        theme::install_fonts(ctx);
        let repaint = ctx.clone();
        let courier = Courier::spawn(
            Outbox::in_data_dir(&config.data_dir),
            lrs_config(&settings),
            Box::new(Http::default()),
            move || repaint.request_repaint(),
        );
        let mut app = SettleApp {
            config,
            settings,
            library: Library::default(),
            best: BTreeMap::new(),
            skipped_reports: 0,
            route: Route::Library,
            pending_resume: None,
            notice: None,
            portraits: PortraitCache::default(),
            applied_look: None,
            exit_after_first_frame: false,
            stored_settings: None,
            watcher: None,
            courier,
            reports_index: None,
            reports_asked: None,
            repaint: ctx.clone(),
        };
        app.watch();
        app.reload_library();
        app.reload_reports();
        match Journal::load(&app.journal_path()) {
            Ok(journal) => app.pending_resume = journal,
            Err(e) => app.notice = Some(e.to_string()),
        }
        app
    }

    pub fn reports_dir(&self) -> PathBuf {
        let setting = (!self.settings.reports_dir.trim().is_empty())
            .then(|| PathBuf::from(self.settings.reports_dir.trim()));
        resolve_reports_dir(
            self.config.reports_flag.as_deref(),
            std::env::var_os(REPORTS_DIR_ENV),
            setting.as_deref(),
        )
    }

    pub fn default_reports_dir() -> PathBuf {
        default_reports_dir()
    }

    fn journal_path(&self) -> PathBuf {
        self.config.data_dir.join(JOURNAL_FILE)
    }

    /// Watches the persona folder; without a watcher the library still loads, only by hand.
    fn watch(&mut self) {
        self.watcher = settle_store::watch::FolderWatcher::new(&self.config.dialogues).ok();
    }

    fn reload_library(&mut self) {
        match load_dir(&self.config.dialogues, &self.config.assets) {
            Ok(library) => self.library = library,
            Err(e) => {
                self.library = Library::default();
                self.notice = Some(e.to_string());
            }
        }
    }

    /// Asks the reports index for the trainee's best scores: a new service when the folder or
    /// the key changed, a new query when the trainee did, else a refresh of the folder. The
    /// answer arrives in a later frame ([`SettleApp::take_best_scores`]); nothing here reads a
    /// report.
    fn reload_reports(&mut self) {
        let folder = self.reports_dir();
        let key = settle_store::report::sign::org_key(&self.settings.org_key);
        let trainee = self.settings.trainee.clone();
        let query = Query { table: false, best_for: Some(trainee.clone()), ..Query::default() };
        match (&self.reports_index, &self.reports_asked) {
            (Some(index), Some((f, k, t))) if *f == folder && *k == key => {
                if *t == trainee {
                    index.refresh();
                } else {
                    index.set_query(query);
                }
            }
            _ => {
                let repaint = self.repaint.clone();
                self.reports_index = Some(IndexService::spawn(
                    default_index_path(&self.config.data_dir),
                    folder.clone(),
                    key.clone(),
                    query,
                    move || repaint.request_repaint_after(std::time::Duration::from_millis(10)),
                ));
            }
        }
        self.reports_asked = Some((folder, key, trainee));
    }

    /// Takes the index's latest best scores, once per frame; never waits.
    fn take_best_scores(&mut self) {
        let Some(snapshot) = self.reports_index.as_ref().and_then(IndexService::latest) else { return };
        let asked = self.reports_asked.as_ref().map(|(_, _, t)| t.as_str());
        if snapshot.query.best_for.as_deref() == asked {
            self.best.clone_from(&snapshot.best);
            self.skipped_reports = snapshot.skipped.len();
        }
    }

    fn save_journal(&mut self, call: &CallState) {
        let journal = Journal::of(&call.engine, call.id, &self.settings.trainee, call.started_at);
        if let Err(e) = journal.save(&self.journal_path()) {
            self.notice = Some(e.to_string());
        }
    }

    fn start_call(&mut self, persona: Arc<Persona>, seed: Option<u64>) {
        let mode = self.settings.mode;
        let seed = seed.unwrap_or_else(|| mode.seed(&persona, fresh_seed()));
        let (engine, _) = CallEngine::start(persona, mode, seed);
        let call = CallState {
            engine,
            id: CallId::new(),
            started_at: Utc::now(),
            clock_start: None,
            timer: None,
            case_open: false,
        };
        self.save_journal(&call);
        self.route = if call.engine.is_over() {
            Route::WrapUp(Box::new(wrap_up_of(call)))
        } else {
            Route::Call(Box::new(call))
        };
    }

    /// Carries out one intent.
    pub fn apply(&mut self, intent: Intent) {
        match intent {
            Intent::OpenBriefing(id) => {
                if let Some(persona) = self.library.find_preferring(&id.0, Language::from(self.settings.lang))
                {
                    self.route = Route::Briefing(Arc::clone(persona));
                }
            }
            Intent::ChooseCallLanguage(language) => {
                if let Route::Briefing(persona) = &self.route
                    && let Some(other) = self.library.find_in(&persona.id.0, language)
                {
                    self.route = Route::Briefing(Arc::clone(other));
                }
            }
            Intent::BackToLibrary => {
                self.route = Route::Library;
            }
            Intent::StartCall => {
                if let Route::Briefing(persona) = &self.route {
                    let persona = Arc::clone(persona);
                    self.start_call(persona, None);
                }
            }
            Intent::Choose(_) | Intent::Silence => self.take_turn(&intent),
            Intent::ToWrapUp => {
                if let Route::Call(call) = std::mem::replace(&mut self.route, Route::Library) {
                    self.route = Route::WrapUp(Box::new(wrap_up_of(*call)));
                }
            }
            Intent::SubmitWrapUp => self.submit_wrap_up(),
            Intent::RetrySave => {
                let dir = self.reports_dir();
                if let Route::Debrief(debrief) = &mut self.route {
                    debrief.saved = save(&dir, &debrief.report).map_err(|e| e.to_string());
                    if debrief.saved.is_ok() {
                        Journal::clear(&self.config.data_dir.join(JOURNAL_FILE));
                        self.reload_reports();
                    }
                }
            }
            Intent::ReplaySameSeed | Intent::TryNewSeed => {
                if let Route::Debrief(debrief) = &self.route {
                    let persona = Arc::clone(&debrief.persona);
                    let seed = (intent == Intent::ReplaySameSeed).then_some(debrief.report.seed);
                    if seed.is_some() {
                        self.settings.mode = debrief.report.mode;
                    }
                    self.start_call(persona, seed);
                }
            }
            Intent::Resume => self.resume(),
            Intent::DiscardResume => {
                Journal::clear(&self.journal_path());
                self.pending_resume = None;
            }
            Intent::ReloadLibrary => self.reload_library(),
            Intent::ReloadReports => self.reload_reports(),
            Intent::OpenDashboard => {
                let folder = self.reports_dir();
                self.open_dashboard(&folder);
            }
            Intent::OpenReportsFolder(folder) => self.open_dashboard(&folder),
            Intent::OpenReport(path) => match settle_store::report::store::read(&path) {
                Ok(report) => {
                    match self.library.find_preferring(&report.persona.id.0, report.persona.language) {
                        Some(persona) => {
                            let persona = Arc::clone(persona);
                            self.route = Route::Debrief(Box::new(DebriefState {
                                report,
                                persona,
                                saved: Ok(path),
                                from_reports: true,
                            }));
                        }
                        None => {
                            let persona = [("persona", report.persona.id.0.as_str().into())];
                            self.notice =
                                Some(self.settings.lang.tr_args("notice-persona-missing", &persona));
                        }
                    }
                }
                Err(reason) => self.notice = Some(format!("{}: {reason}", path.display())),
            },
            Intent::ConfigureLrs => self.courier.configure(lrs_config(&self.settings)),
            Intent::SendToLrs => self.courier.wake(),
            Intent::OpenAuthoring => {
                self.route = Route::Authoring(Box::new(AuthoringState::new(&self.config.dialogues)));
            }
            Intent::Author(AuthorIntent::OpenFolder(folder)) => {
                self.config.assets = default_assets_dir(&folder);
                self.config.dialogues = folder;
                self.reload_library();
                self.watch();
                if let Route::Authoring(state) = &mut self.route {
                    **state = AuthoringState::new(&self.config.dialogues);
                }
            }
            Intent::Author(intent) => {
                if let Route::Authoring(state) = &mut self.route {
                    let persona = state
                        .selected
                        .as_ref()
                        .and_then(|path| self.library.files.iter().find(|f| &f.path == path))
                        .and_then(|f| {
                            f.in_language(self.settings.lang.into()).or(f.persona.as_ref()).cloned()
                        });
                    state.apply(intent, persona.as_ref());
                }
            }
        }
    }

    fn take_turn(&mut self, intent: &Intent) {
        let Route::Call(call) = &mut self.route else { return };
        let result = match intent {
            Intent::Choose(reply) => call.engine.choose(*reply),
            _ => call.engine.apply(Choice::Silence),
        };
        if let Err(e) = result {
            self.notice = Some(e.to_string());
            return;
        }
        call.timer = None;
        let journal = Journal::of(&call.engine, call.id, &self.settings.trainee, call.started_at);
        if let Err(e) = journal.save(&self.journal_path()) {
            self.notice = Some(e.to_string());
        }
    }

    fn open_dashboard(&mut self, folder: &std::path::Path) {
        let key = settle_store::report::sign::org_key(&self.settings.org_key);
        let repaint = self.repaint.clone();
        self.route = Route::Dashboard(Box::new(dashboard::DashboardState::open(
            folder,
            key,
            &self.config.data_dir,
            move || repaint.request_repaint_after(std::time::Duration::from_millis(10)),
        )));
    }

    fn submit_wrap_up(&mut self) {
        let Route::WrapUp(state) = &mut self.route else { return };
        let (wrap_up, assessment) = match (state.draft.parse(), state.draft.self_assessment()) {
            (Ok(wrap_up), Ok(assessment)) => (wrap_up, assessment),
            (parsed, assessed) => {
                state.errors = parsed.err().unwrap_or_default();
                state.errors.extend(assessed.err());
                return;
            }
        };
        let times = CallTimes { started_at: state.started_at, ended_at: state.ended_at };
        let mut report = match Report::new(&state.engine, &self.settings.trainee, wrap_up, times, state.id) {
            Ok(report) => report,
            Err(e) => {
                self.notice = Some(e.to_string());
                return;
            }
        };
        report.self_assessment = Some(assessment).filter(|a| !a.is_empty());
        if let Some(key) = settle_store::report::sign::org_key(&self.settings.org_key) {
            settle_store::report::sign::sign(&mut report, &key);
        }
        let persona = Arc::clone(state.engine.persona());
        // Queued before the report is saved: the LRS gets the call even if the folder fails.
        if lrs_config(&self.settings).is_set() {
            match Outbox::in_data_dir(&self.config.data_dir).enqueue(&Batch::of(&report)) {
                Ok(_) => self.courier.wake(),
                Err(e) => self.notice = Some(e.to_string()),
            }
        }
        let saved = save(&self.reports_dir(), &report).map_err(|e| e.to_string());
        if saved.is_ok() {
            Journal::clear(&self.journal_path());
        }
        self.route = Route::Debrief(Box::new(DebriefState { report, persona, saved, from_reports: false }));
        self.reload_reports();
    }

    fn resume(&mut self) {
        let Some(journal) = self.pending_resume.take() else { return };
        let persona = match journal.language {
            Some(language) => self.library.find_in(&journal.persona.0, language),
            None => self.library.find(&journal.persona.0),
        }
        .cloned();
        match journal.resume(persona.as_ref()) {
            Ok(engine) => {
                self.settings.trainee = journal.trainee.clone();
                let call = CallState {
                    engine,
                    id: journal.id,
                    started_at: journal.started_at,
                    clock_start: None,
                    timer: None,
                    case_open: false,
                };
                self.route = if call.engine.is_over() {
                    Route::WrapUp(Box::new(wrap_up_of(call)))
                } else {
                    Route::Call(Box::new(call))
                };
            }
            Err(e) => {
                self.notice = Some(e.to_string());
                Journal::clear(&self.journal_path());
            }
        }
    }

    /// Draws one frame and applies what the person asked for.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        if self.watcher.as_ref().is_some_and(|w| w.changed()) {
            self.reload_library();
        }
        self.take_best_scores();
        // Wake up twice a second to notice saved files even when nobody moves the mouse.
        ui.ctx().request_repaint_after(std::time::Duration::from_millis(500));
        let look = (self.settings.dark, self.settings.lang);
        if self.applied_look != Some(look) {
            theme::apply(ui.ctx(), self.settings.dark);
            self.applied_look = Some(look);
        }
        let mut intents = Vec::new();
        screens::frame(self, ui, &mut intents);
        for intent in intents {
            self.apply(intent);
        }
    }
}

/// The LRS to send to: the environment's, else the settings'.
pub fn lrs_config(settings: &Settings) -> LrsConfig {
    LrsConfig::from_env_or(&settings.lrs_endpoint, &settings.lrs_key, &settings.lrs_secret)
}

fn wrap_up_of(call: CallState) -> WrapUpState {
    WrapUpState {
        engine: call.engine,
        id: call.id,
        started_at: call.started_at,
        ended_at: Utc::now(),
        draft: WrapUpDraft::default(),
        errors: Vec::new(),
    }
}

impl eframe::App for SettleApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.frame(ui);
        // Written as soon as they change, so that a crash or a killed process keeps them too.
        if self.stored_settings.as_ref() != Some(&self.settings)
            && let Some(storage) = frame.storage_mut()
        {
            eframe::set_value(storage, SETTINGS_KEY, &self.settings);
            storage.flush();
            self.stored_settings = Some(self.settings.clone());
        }
        if self.exit_after_first_frame {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}

/// Opens the app window on the given folders.
pub fn run(config: AppConfig, exit_after_first_frame: bool) -> Result<(), eframe::Error> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Settle")
            .with_app_id("settle")
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([1024.0, 700.0]),
        ..Default::default()
    };
    eframe::run_native(
        "Settle",
        options,
        Box::new(move |cc| {
            let mut app = SettleApp::new(cc, config);
            app.exit_after_first_frame = exit_after_first_frame;
            Ok(Box::new(app))
        }),
    )
}
