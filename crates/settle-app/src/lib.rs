//! The desktop app: a thin egui layer over the headless core, split the way rerun splits its
//! viewer. [`State`] (`state`) is everything the app knows, each screen's state kept for the
//! whole run; the route only chooses what is shown. Each frame, [`logic`] refreshes state from
//! the world (watchers, background answers, timers), the screens (`screens`) draw state and
//! push [`Intent`]s, and [`commands`] carries the intents out once, through the call's
//! [`CallSession`] (the same one `settle play` uses), the store and the LRS courier. Slow work
//! (filing a call, file dialogs) runs on threads (`jobs`). Nothing here decides how a call
//! goes, how it is scored, or how it is signed, queued and saved.

mod authoring;
mod best;
pub mod commands;
mod dashboard;
pub mod jobs;
pub mod logic;
mod screens;
pub mod state;
mod theme;
mod widgets;

pub use authoring::{AuthorIntent, AuthorTab, AuthoringState};
pub use commands::Intent;
pub use jobs::Pick;
pub use logic::Work;
pub use settle_i18n::Lang;
pub use settle_session::CallSession;
pub use settle_store::settings::Settings;
pub use state::{AppConfig, CallState, DebriefState, Route, SaveState, State, WrapUpState};

/// Where eframe kept the settings before they moved to the shared settings file; read once,
/// to import them.
const SETTINGS_KEY: &str = "settle-settings";

/// The app as eframe runs it: its state, and the machinery (threads, watchers) beside it.
pub struct SettleApp {
    pub state: State,
    pub work: Work,
    /// For measuring start-up: close the window once the first frame is drawn.
    pub exit_after_first_frame: bool,
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
        app.work.stored_settings = stored;
        if problem.is_some() {
            app.state.notice = problem;
        }
        app
    }

    pub fn with_settings(ctx: &egui::Context, config: AppConfig, settings: Settings) -> SettleApp {
        theme::install_fonts(ctx);
        let work = Work::new(ctx, &config, &settings);
        let state = State::new(config, settings);
        SettleApp { state, work, exit_after_first_frame: false }
    }

    /// One whole frame as eframe runs it: logic, then drawing and the intents it pushed.
    pub fn frame(&mut self, ui: &mut egui::Ui) {
        logic::logic(&mut self.state, &mut self.work, ui.ctx());
        self.draw(ui);
    }

    /// One whole frame in which the person also asked for `intents`, as if by a click (the
    /// frame benchmarks drive the app this way).
    pub fn frame_with(&mut self, ui: &mut egui::Ui, intents: Vec<Intent>) {
        logic::logic(&mut self.state, &mut self.work, ui.ctx());
        self.draw_then(ui, intents);
    }

    /// Draws the screen the route shows, then carries out what the person asked for.
    fn draw(&mut self, ui: &mut egui::Ui) {
        self.draw_then(ui, Vec::new());
    }

    fn draw_then(&mut self, ui: &mut egui::Ui, mut intents: Vec<Intent>) {
        screens::frame(&mut self.state, ui, &mut intents);
        for intent in intents {
            commands::apply(&mut self.state, &mut self.work, intent);
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

impl eframe::App for SettleApp {
    fn logic(&mut self, ctx: &egui::Context, _frame: &mut eframe::Frame) {
        logic::logic(&mut self.state, &mut self.work, ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
        if self.exit_after_first_frame {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        logic::on_exit(&mut self.state, &mut self.work);
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
