//! The desktop app: a thin egui layer over the headless core. Screens draw state and return
//! [`Intent`]s; [`SettleApp::apply`] carries them out once per frame, calling into the core
//! and, for a call, into its [`CallSession`] (the same one `settle play` uses). Nothing here
//! decides how a call goes, how it is scored, or how it is signed, queued and saved.

mod authoring;
mod dashboard;
mod screens;
mod theme;
mod widgets;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

pub use authoring::{AuthorIntent, AuthorTab, AuthoringState};
pub use settle_i18n::Lang;
pub use settle_session::CallSession;
pub use settle_store::settings::Settings;

use settle_core::load::Library;
use settle_core::persona::{Persona, PersonaId, ReplyIdx};
use settle_core::timer::ReplyTimer;
use settle_core::vocabulary::Language;
use settle_core::wrapup::{DraftError, WrapUpDraft};
use settle_lrs::LrsConfig;
use settle_lrs::client::Http;
use settle_lrs::courier::Courier;
use settle_lrs::outbox::Outbox;
use settle_session::{NewCall, Queueing, Saving, SessionConfig};
use settle_store::folders::Folders;
use settle_store::journal::Journal;
use settle_store::library::{default_assets_dir, with_folder};
use settle_store::report::Report;
use settle_store::report::index::{IndexService, Query, default_index_path};
use widgets::portrait::PortraitCache;

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
}

/// Where eframe kept the settings before they moved to the shared settings file; read once,
/// to import them.
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
    pub session: CallSession,
    /// egui's clock when the call started (set on the first frame of the call).
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
    /// The settings as last written to the settings file.
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
    /// The app as eframe starts it, with the shared settings file of its data folder. The
    /// first time there is none, the settings eframe kept before are imported (and written to
    /// the file on the first frame); a damaged file is named in a notice and the defaults used.
    pub fn new(cc: &eframe::CreationContext<'_>, config: AppConfig) -> SettleApp {
        let file = settle_store::settings::load(&config.folders().settings());
        let (settings, stored, problem) =
            first_settings(file, || cc.storage.and_then(|s| eframe::get_value(s, SETTINGS_KEY)));
        let mut app = SettleApp::with_settings(&cc.egui_ctx, config, settings);
        app.stored_settings = stored;
        if problem.is_some() {
            app.notice = problem;
        }
        app
    }

    pub fn with_settings(ctx: &egui::Context, config: AppConfig, settings: Settings) -> SettleApp {
        theme::install_fonts(ctx);
        let repaint = ctx.clone();
        let courier = Courier::spawn(
            Outbox::of(&config.folders()),
            LrsConfig::of(&settings),
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
        match CallSession::waiting(&app.session_config()) {
            Ok(journal) => app.pending_resume = journal,
            Err(e) => app.notice = Some(e.to_string()),
        }
        app
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
    fn session_config(&self) -> SessionConfig {
        SessionConfig::decide(&self.config.folders(), &self.settings, self.config.reports_flag.as_deref())
    }

    /// Watches the persona folder; without a watcher the library still loads, only by hand.
    fn watch(&mut self) {
        self.watcher = self
            .config
            .dialogues
            .as_deref()
            .and_then(|dir| settle_store::watch::FolderWatcher::new(dir).ok());
    }

    fn reload_library(&mut self) {
        let bundled = if self.config.bundled { settle_bundle::library() } else { Library::default() };
        let folder = self.config.dialogues.as_deref().map(|dir| (dir, self.config.assets.as_path()));
        let (library, problem) = with_folder(bundled, folder);
        self.library = library;
        if let Some(e) = problem {
            self.notice = Some(e.to_string());
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

    fn start_call(&mut self, persona: Arc<Persona>, seed: Option<u64>) {
        let call =
            NewCall { persona, mode: self.settings.mode, seed, trainee: self.settings.trainee.clone() };
        let started = CallSession::start(call, self.session_config());
        if let Err(e) = started.journaled {
            self.notice = Some(e.to_string());
        }
        self.route = route_of(started.session);
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
                    self.route = Route::WrapUp(Box::new(wrap_up_of(call.session)));
                }
            }
            Intent::SubmitWrapUp => self.submit_wrap_up(),
            Intent::RetrySave => {
                let config = self.session_config();
                if let Route::Debrief(debrief) = &mut self.route {
                    debrief.saved = saved_text(config.save(&debrief.report));
                    if debrief.saved.is_ok() {
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
                CallSession::discard(&self.session_config());
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
            Intent::ConfigureLrs => self.courier.configure(LrsConfig::of(&self.settings)),
            Intent::SendToLrs => self.courier.wake(),
            Intent::OpenAuthoring => {
                self.route =
                    Route::Authoring(Box::new(AuthoringState::new(self.config.dialogues.as_deref())));
            }
            Intent::Author(AuthorIntent::OpenFolder(folder)) => {
                self.config.assets = default_assets_dir(&folder);
                self.config.dialogues = Some(folder);
                self.reload_library();
                self.watch();
                if let Route::Authoring(state) = &mut self.route {
                    **state = AuthoringState::new(self.config.dialogues.as_deref());
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
            Intent::Choose(reply) => call.session.choose(*reply),
            _ => call.session.silence(),
        };
        match result {
            Ok(turned) => {
                call.timer = None;
                if let Err(e) = turned.journaled {
                    self.notice = Some(e.to_string());
                }
            }
            Err(e) => self.notice = Some(e.to_string()),
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
        let Route::WrapUp(state) = std::mem::replace(&mut self.route, Route::Library) else { return };
        let finished = match state.session.finish(wrap_up, assessment) {
            Ok(finished) => finished,
            Err(not_over) => {
                self.notice = Some(not_over.to_string());
                self.route = Route::WrapUp(Box::new(WrapUpState { session: *not_over.0, ..*state }));
                return;
            }
        };
        match finished.queued {
            Queueing::Queued => self.courier.wake(),
            Queueing::Failed(e) => self.notice = Some(e.to_string()),
            Queueing::Off | Queueing::AlreadyQueued => {}
        }
        self.route = Route::Debrief(Box::new(DebriefState {
            report: finished.report,
            persona: finished.persona,
            saved: saved_text(finished.saved),
            from_reports: false,
        }));
        self.reload_reports();
    }

    fn resume(&mut self) {
        let Some(journal) = self.pending_resume.take() else { return };
        let config = self.session_config();
        match CallSession::resume(&journal, &self.library, config.clone()) {
            Ok(session) => {
                self.settings.trainee = session.trainee().to_string();
                self.route = route_of(session);
            }
            Err(e) => {
                self.notice = Some(e.to_string());
                CallSession::discard(&config);
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

/// The settings to start with, what the file already holds (`None`: write them on the first
/// frame), and a problem to show. The eframe-kept settings are read only when there is no file
/// yet: imported once, then the file rules.
fn first_settings(
    file: Result<Option<Settings>, settle_store::settings::SettingsError>,
    eframe_kept: impl FnOnce() -> Option<Settings>,
) -> (Settings, Option<Settings>, Option<String>) {
    match file {
        Ok(Some(settings)) => (settings.clone(), Some(settings), None),
        Ok(None) => match eframe_kept() {
            Some(old) => (old, None, None),
            None => (Settings::default(), Some(Settings::default()), None),
        },
        // Not written back until the person changes a setting: the file stays as it is.
        Err(e) => (Settings::default(), Some(Settings::default()), Some(e.to_string())),
    }
}

/// The call screen for a call in progress, the wrap-up for one already over.
fn route_of(session: CallSession) -> Route {
    match session.is_over() {
        true => Route::WrapUp(Box::new(wrap_up_of(session))),
        false => {
            Route::Call(Box::new(CallState { session, clock_start: None, timer: None, case_open: false }))
        }
    }
}

fn wrap_up_of(session: CallSession) -> WrapUpState {
    WrapUpState { session, draft: WrapUpDraft::default(), errors: Vec::new() }
}

/// What the debrief says of the save. Without a reports folder nothing is saved; the app
/// always has one, so that case does not arise here.
fn saved_text(saved: Saving) -> Result<PathBuf, String> {
    match saved {
        Saving::Saved(path) => Ok(path),
        Saving::Failed(e) => Err(e.to_string()),
        Saving::Off => Err(String::new()),
    }
}

impl SettleApp {
    /// Writes the settings file when the settings changed, so that a crash or a killed process
    /// keeps them too, and `settle play` sees them at once. A failed write is said once (and
    /// tried again with the next change).
    fn store_settings(&mut self) {
        if self.stored_settings.as_ref() == Some(&self.settings) {
            return;
        }
        if let Err(e) = settle_store::settings::save(&self.config.folders().settings(), &self.settings) {
            self.notice = Some(e.to_string());
        }
        self.stored_settings = Some(self.settings.clone());
    }
}

impl eframe::App for SettleApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame(ui);
        self.store_settings();
        if self.exit_after_first_frame {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

/// The desktop's name for the app: the desktop entry and AppStream metainfo are named after
/// it, so docks and window lists show the app's icon and name.
pub const APP_ID: &str = "org.settle.Settle";

/// The window's icon, drawn by `examples/draw_icon.rs` like the desktop entry's.
const WINDOW_ICON: &[u8] = include_bytes!("../../../assets/icons/hicolor/256x256/apps/settle.png");

/// Opens the app window on the given folders.
pub fn run(config: AppConfig, exit_after_first_frame: bool) -> Result<(), eframe::Error> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Settle")
        .with_app_id(APP_ID)
        .with_inner_size([1280.0, 800.0])
        .with_min_inner_size([1024.0, 700.0]);
    // The same picture the desktop entry shows; a broken icon must never stop the app.
    if let Ok(icon) = eframe::icon_data::from_png_bytes(WINDOW_ICON) {
        viewport = viewport.with_icon(std::sync::Arc::new(icon));
    }
    let options = eframe::NativeOptions {
        viewport,
        // eframe names its storage after the app id; this keeps the folder settings were
        // saved in before the id became the desktop entry's.
        persistence_path: eframe::storage_dir("settle").map(|dir| dir.join("app.ron")),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eframes_settings_are_imported_only_when_there_is_no_file() {
        let old = Settings { trainee: "Anna".into(), org_key: "k".into(), ..Settings::default() };
        let (settings, stored, problem) = first_settings(Ok(None), || Some(old.clone()));
        assert_eq!((settings, stored, problem), (old.clone(), None, None), "imported, then written");
        let file = Settings { trainee: "Jan".into(), ..Settings::default() };
        let (settings, stored, _) = first_settings(Ok(Some(file.clone())), || panic!("not read"));
        assert_eq!((settings, stored), (file.clone(), Some(file)));
        let damaged =
            settle_store::settings::SettingsError::Damaged { path: "s.json".into(), message: "x".into() };
        let (settings, stored, problem) = first_settings(Err(damaged), || Some(old.clone()));
        assert_eq!((settings, stored), (Settings::default(), Some(Settings::default())));
        assert!(problem.is_some_and(|p| p.contains("damaged")));
    }
}
