//! eframe's `App::logic`: what must happen every frame before anything is drawn, and shows no
//! UI (rerun's `app/logic.rs`). It notices saved persona files and new reports (folder
//! watchers), picks up the answers of background work (a call's report filed, a file dialog's
//! choice), runs the reply timer, takes the LRS courier's status, decodes the portraits the
//! screen is about to show, applies the look and writes changed settings.
//!
//! Slow work never happens here either: it runs on threads ([`crate::jobs`], the courier) and
//! only its answers are taken here. Nothing here draws.

use std::time::Duration;

use settle_core::portrait::{portrait_for, resting_portrait};
use settle_core::vocabulary::Language;
use settle_i18n::Lang;
use settle_lrs::LrsConfig;
use settle_lrs::client::Http;
use settle_lrs::courier::Courier;
use settle_lrs::outbox::Outbox;
use settle_session::{CallSession, Queueing, Saving};
use settle_store::debrief::best_scores;
use settle_store::settings::Settings;
use settle_store::watch::FolderWatcher;

use crate::best::BestScores;
use crate::commands::{self, Intent};
use crate::jobs::{Dialogs, Filed, Saves};
use crate::state::{AppConfig, Route, SaveState, State};
use crate::theme;

/// The app's machinery, beside its state: threads, watchers, and what was last written.
pub struct Work {
    /// Sends finished calls to the learning record store in the background.
    pub courier: Courier,
    /// Reloads the library when a persona file in the folder is saved.
    watcher: Option<FolderWatcher>,
    pub saves: Saves,
    pub dialogs: Dialogs,
    /// The settings as last written to the settings file.
    pub stored_settings: Option<Settings>,
    applied_look: Option<(bool, Lang)>,
    /// The library's best scores, from the reports index.
    pub best: BestScores,
    /// For background threads (the reports index) to ask for a frame when they have news.
    pub repaint: egui::Context,
    /// Frames drawn so far, up to 2: the reports index is first asked after the first frame, so
    /// that a large reports folder never delays the window.
    frames: u8,
}

impl Work {
    pub fn new(ctx: &egui::Context, config: &AppConfig, settings: &Settings) -> Work {
        let repaint = ctx.clone();
        let courier = Courier::spawn(
            Outbox::of(&config.folders()),
            LrsConfig::of(settings),
            Box::new(Http::default()),
            move || repaint.request_repaint(),
        );
        let mut work = Work {
            courier,
            watcher: None,
            saves: Saves::new(ctx.clone()),
            dialogs: Dialogs::new(ctx.clone()),
            stored_settings: None,
            applied_look: None,
            best: BestScores::default(),
            repaint: ctx.clone(),
            frames: 0,
        };
        work.watch(config);
        work
    }

    /// Watches the persona folder; without a watcher the library still loads, only by hand.
    pub fn watch(&mut self, config: &AppConfig) {
        self.watcher = config.dialogues.as_deref().and_then(|dir| FolderWatcher::new(dir).ok());
    }
}

/// One frame's logic; see the module's documentation.
pub fn logic(state: &mut State, work: &mut Work, ctx: &egui::Context) {
    if work.watcher.as_ref().is_some_and(FolderWatcher::changed) {
        state.reload_library();
    }
    if let Some(slot) = &mut state.dashboard {
        slot.state.poll();
    }
    for filed in work.saves.answers() {
        filed_call(state, work, filed);
    }
    for (pick, path) in work.dialogs.answers() {
        commands::apply(state, work, commands::chosen(pick, path));
    }
    state.dialog_open = work.dialogs.is_open();
    state.courier = work.courier.status();
    reply_clock(state, work, ctx);
    let look = (state.settings.dark, state.settings.lang);
    if work.applied_look != Some(look) {
        theme::apply(ctx, state.settings.dark);
        work.applied_look = Some(look);
    }
    best_scores_from_index(state, work, ctx);
    warm_portraits(state, ctx);
    store_settings(state, work);
    // Wake up twice a second to notice saved files even when nobody moves the mouse.
    ctx.request_repaint_after(Duration::from_millis(500));
}

/// Puts a wanted question to the reports index once the first frame is on screen, and takes its
/// latest answer for the library.
fn best_scores_from_index(state: &mut State, work: &mut Work, ctx: &egui::Context) {
    if work.frames < 2 {
        work.frames += 1;
    }
    if state.reports_wanted && work.frames > 1 {
        state.reports_wanted = false;
        let (folder, key) = state.dashboard_key();
        work.best.ask(ctx, &state.config.data_dir, (folder, key, state.settings.trainee.clone()));
    }
    if let Some(answer) = work.best.take() {
        state.best = answer.best;
        state.skipped_reports = answer.skipped;
    }
}

/// The window is closing: every call being filed is waited for, so no report is lost.
pub fn on_exit(state: &mut State, work: &mut Work) {
    for filed in work.saves.wait() {
        filed_call(state, work, filed);
    }
    store_settings(state, work);
}

/// A call's report filed on its thread: the debrief says how, the courier is woken for a
/// queued call, the call counts towards the best scores, and the journal is cleared once the report is
/// saved, unless a newer call has been journaled since.
fn filed_call(state: &mut State, work: &mut Work, filed: Filed) {
    match &filed.queued {
        Some(Queueing::Queued) => work.courier.wake(),
        Some(Queueing::Failed(e)) => state.notice = Some(e.to_string()),
        Some(Queueing::Off | Queueing::AlreadyQueued) | None => {}
    }
    let saved = match &filed.saved {
        Saving::Saved(path) => SaveState::Saved(path.clone()),
        Saving::Failed(e) => SaveState::Failed(e.to_string()),
        // The app always has a reports folder; nothing to say otherwise.
        Saving::Off => SaveState::Failed(String::new()),
    };
    if matches!(saved, SaveState::Saved(_)) {
        if !state.call_in_progress() {
            CallSession::discard(&filed.config);
        }
        count_best(state, work, &filed);
    }
    if let Some(debrief) = &mut state.debrief
        && debrief.report.id == filed.call
        && !debrief.from_reports
    {
        debrief.saved = saved;
    }
}

/// A saved call in the library's best scores. Reading the whole reports folder again would
/// hold this frame for as long as the folder is large (75 ms median with a few thousand
/// reports, docs/performance.md), so the one new report is counted in; only when it went to
/// another folder than the library reads (the settings changed meanwhile) is the folder read.
fn count_best(state: &mut State, work: &mut Work, filed: &Filed) {
    if filed.config.reports.as_deref() != Some(state.reports_dir().as_path()) {
        state.reload_reports();
        return;
    }
    let (folder, key) = state.dashboard_key();
    for (persona, score) in best_scores([&filed.report], &state.settings.trainee) {
        work.best.count(
            (folder.clone(), key.clone(), state.settings.trainee.clone()),
            persona.clone(),
            score,
        );
        let best = state.best.entry(persona).or_insert(score);
        *best = best.max(score);
    }
    // The index catches up in the background; its next answer includes this call.
    state.reload_reports();
}

/// The call's clock and reply timer run on egui's input clock (so they are testable headless);
/// a timer that runs out answers with silence.
fn reply_clock(state: &mut State, work: &mut Work, ctx: &egui::Context) {
    if state.route != Route::Call {
        return;
    }
    let Some(call) = &mut state.call else { return };
    let now = ctx.input(|i| i.time);
    call.clock_start.get_or_insert(now);
    let limit = call.session.engine().persona().target.reply_time_limit;
    if let Some(limit) = limit.filter(|_| !call.session.engine().is_over()) {
        let timer = *call.timer.get_or_insert_with(|| settle_core::timer::ReplyTimer::new(limit, now));
        if timer.expired(now) {
            commands::apply(state, work, Intent::Silence);
        }
    }
    // The clock on screen counts seconds.
    ctx.request_repaint_after(Duration::from_millis(200));
}

/// Decodes (once) the portraits the screen about to be drawn shows, so drawing never reads an
/// image.
fn warm_portraits(state: &mut State, ctx: &egui::Context) {
    let language = Language::from(state.settings.lang);
    let paths: Vec<std::path::PathBuf> = match state.route {
        Route::Library => state
            .library
            .files
            .iter()
            .filter_map(|f| f.in_language(language).or(f.persona.as_ref()))
            .filter_map(|p| resting_portrait(p).map(|p| p.path.clone()))
            .collect(),
        Route::Briefing => {
            state.briefing.iter().filter_map(|p| resting_portrait(p).map(|p| p.path.clone())).collect()
        }
        Route::Call => state
            .call
            .iter()
            .filter_map(|c| {
                let engine = c.session.engine();
                portrait_for(engine.persona(), engine.moods()).map(|p| p.path.clone())
            })
            .collect(),
        _ => Vec::new(),
    };
    for path in paths {
        state.portraits.load(ctx, &path);
    }
}

/// Writes the settings file when the settings changed, so that a crash or a killed process
/// keeps them too, and `settle play` sees them at once. A failed write is said once (and
/// tried again with the next change).
fn store_settings(state: &mut State, work: &mut Work) {
    if work.stored_settings.as_ref() == Some(&state.settings) {
        return;
    }
    if let Err(e) = settle_store::settings::save(&state.config.folders().settings(), &state.settings) {
        state.notice = Some(e.to_string());
    }
    work.stored_settings = Some(state.settings.clone());
}
