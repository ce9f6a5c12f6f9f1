//! What the person asked for ([`Intent`]) and carrying it out: once per frame, after drawing,
//! through the call's [`CallSession`], the store and the LRS courier. This is the one place
//! the app's state changes on purpose; screens only push intents, logic only refreshes.
//!
//! Nothing here draws, and nothing here waits on the disk for a call's report: finishing a
//! call builds and signs the report here (the debrief shows it at once) and hands the queueing
//! and saving to a thread ([`crate::jobs::Saves`]).

use std::path::PathBuf;
use std::sync::Arc;

use settle_core::persona::{Persona, PersonaId, ReplyIdx};
use settle_core::vocabulary::Language;
use settle_core::wrapup::WrapUpDraft;
use settle_i18n::Lang;
use settle_lrs::LrsConfig;
use settle_session::{CallSession, NewCall};

use crate::authoring::{AuthorIntent, AuthoringState};
use crate::dashboard::{DashboardState, ExportKind};
use crate::jobs::Pick;
use crate::logic::Work;
use crate::state::{
    CallState, DashboardSlot, DebriefState, Route, SaveState, SettingsForm, State, WrapUpState,
};

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
    /// The trainee's name changed: their best scores are read again.
    ReloadReports,
    OpenAuthoring,
    Author(AuthorIntent),
    /// The dashboard as it was left, or opened afresh when the settings' reports folder or
    /// key changed since.
    OpenDashboard,
    /// On the dashboard: open another reports folder, with the organisation's key and the
    /// app's data folder like the dashboard itself.
    OpenReportsFolder(PathBuf),
    /// Show a saved report in the debrief view.
    OpenReport(PathBuf),
    /// Write the dashboard's rows (or a trainee's report) next to its export path.
    Export(ExportKind),
    /// The dashboard's export path, as a file dialog chose it.
    SetExportPath(PathBuf),
    OpenSettings,
    /// The settings' reports folder, typed or chosen.
    SetReportsDir(String),
    /// The settings' persona folder, typed or chosen: the library is loaded again.
    SetPersonaFolder(String),
    /// The settings screen's fields as typed (organisation key, LRS) take effect.
    ApplySettings,
    /// Try sending the queued statements now.
    SendToLrs,
    /// Open a native dialog; its answer comes back as the typed field's intent.
    Browse(Pick),
    SetLang(Lang),
    ToggleDark,
    DismissNotice,
}

/// Carries out one intent.
pub fn apply(state: &mut State, work: &mut Work, intent: Intent) {
    match intent {
        Intent::OpenBriefing(id) => {
            let language = Language::from(state.settings.lang);
            if let Some(persona) = state.library.find_preferring(&id.0, language) {
                state.briefing = Some(Arc::clone(persona));
                go(state, work, Route::Briefing);
            }
        }
        Intent::ChooseCallLanguage(language) => {
            let other = state.briefing.as_ref().and_then(|p| state.library.find_in(&p.id.0, language));
            if let Some(other) = other {
                state.briefing = Some(Arc::clone(other));
            }
        }
        Intent::BackToLibrary => go(state, work, Route::Library),
        Intent::StartCall => {
            if let Some(persona) = state.briefing.clone() {
                start_call(state, work, persona, None);
            }
        }
        Intent::Choose(_) | Intent::Silence => take_turn(state, &intent),
        Intent::ToWrapUp => {
            if let Some(call) = state.call.take() {
                state.wrap_up = Some(Box::new(wrap_up_of(call.session)));
                go(state, work, Route::WrapUp);
            }
        }
        Intent::SubmitWrapUp => submit_wrap_up(state, work),
        Intent::RetrySave => {
            let config = state.session_config();
            if let Some(debrief) = &mut state.debrief
                && matches!(debrief.saved, SaveState::Failed(_))
            {
                debrief.saved = match work.saves.file(debrief.report.clone(), config, false) {
                    Ok(()) => SaveState::Saving,
                    Err(e) => SaveState::Failed(e),
                };
            }
        }
        Intent::ReplaySameSeed | Intent::TryNewSeed => {
            if let Some(debrief) = &state.debrief {
                let persona = Arc::clone(&debrief.persona);
                let seed = (intent == Intent::ReplaySameSeed).then_some(debrief.report.seed);
                if seed.is_some() {
                    state.settings.mode = debrief.report.mode;
                }
                start_call(state, work, persona, seed);
            }
        }
        Intent::Resume => resume(state, work),
        Intent::DiscardResume => {
            CallSession::discard(&state.session_config());
            state.pending_resume = None;
        }
        Intent::ReloadReports => state.reload_reports(),
        Intent::OpenAuthoring => go(state, work, Route::Authoring),
        Intent::Author(AuthorIntent::OpenFolder(folder)) => use_persona_folder(state, work, Some(folder)),
        Intent::Author(intent) => {
            let lang = state.settings.lang;
            let persona = state
                .authoring
                .selected
                .as_ref()
                .and_then(|path| state.library.files.iter().find(|f| &f.path == path))
                .and_then(|f| f.in_language(lang.into()).or(f.persona.as_ref()).cloned());
            state.authoring.apply(intent, persona.as_ref());
        }
        Intent::OpenDashboard => {
            let key = state.dashboard_key();
            if state.dashboard.as_ref().is_none_or(|slot| slot.opened_for != key) {
                let folder = key.0.clone();
                open_dashboard(state, work, &folder);
            }
            go(state, work, Route::Dashboard);
        }
        Intent::OpenReportsFolder(folder) => {
            open_dashboard(state, work, &folder);
            go(state, work, Route::Dashboard);
        }
        Intent::OpenReport(path) => open_report(state, work, path),
        Intent::Export(kind) => {
            let lang = state.settings.lang;
            if let Some(slot) = &mut state.dashboard {
                slot.state.export(kind, lang);
            }
        }
        Intent::SetExportPath(path) => {
            if let Some(slot) = &mut state.dashboard {
                slot.state.export_text = path.display().to_string();
            }
        }
        Intent::OpenSettings => {
            state.settings_form = SettingsForm::of(&state.settings);
            go(state, work, Route::Settings);
        }
        Intent::SetReportsDir(text) => {
            state.settings_form.reports_dir = text;
            apply_settings(state, work);
        }
        Intent::SetPersonaFolder(text) => {
            state.settings_form.dialogues_dir = text;
            apply_settings(state, work);
        }
        Intent::ApplySettings => apply_settings(state, work),
        Intent::SendToLrs => {
            apply_settings(state, work);
            work.courier.wake();
        }
        Intent::Browse(pick) => {
            let start = match pick {
                Pick::ReportsFolder => Some(state.reports_dir()),
                Pick::PersonaFolder | Pick::AuthoringFolder => state.config.dialogues.clone(),
                Pick::DashboardFolder => state.dashboard.as_ref().map(|s| s.state.folder_text.trim().into()),
                Pick::ExportFile => state
                    .dashboard
                    .as_ref()
                    .and_then(|s| PathBuf::from(s.state.export_text.trim()).parent().map(PathBuf::from)),
            };
            work.dialogs.open(pick, start);
        }
        Intent::SetLang(lang) => state.settings.lang = lang,
        Intent::ToggleDark => state.settings.dark = !state.settings.dark,
        Intent::DismissNotice => state.notice = None,
    }
}

/// The intent a dialog's answer stands for: the same one its typed field produces.
pub fn chosen(pick: Pick, path: PathBuf) -> Intent {
    match pick {
        Pick::ReportsFolder => Intent::SetReportsDir(path.display().to_string()),
        Pick::PersonaFolder => Intent::SetPersonaFolder(path.display().to_string()),
        Pick::DashboardFolder => Intent::OpenReportsFolder(path),
        Pick::AuthoringFolder => Intent::Author(AuthorIntent::OpenFolder(path)),
        Pick::ExportFile => Intent::SetExportPath(path),
    }
}

/// Shows another screen; leaving the settings screen applies what was typed there.
fn go(state: &mut State, work: &mut Work, route: Route) {
    if state.route == Route::Settings && route != Route::Settings {
        apply_settings(state, work);
    }
    state.route = route;
}

/// The settings screen's fields into the settings, each change with its consequence: the
/// best scores read from the new reports folder, the library loaded from the new persona
/// folder, the courier told of the new LRS. The settings file is written by logic.
fn apply_settings(state: &mut State, work: &mut Work) {
    let form = state.settings_form.clone();
    let s = &mut state.settings;
    s.org_key = form.org_key;
    if s.reports_dir != form.reports_dir {
        s.reports_dir = form.reports_dir;
        state.reload_reports();
    }
    let s = &mut state.settings;
    let lrs = (&form.lrs_endpoint, &form.lrs_key, &form.lrs_secret);
    if (&s.lrs_endpoint, &s.lrs_key, &s.lrs_secret) != lrs {
        (s.lrs_endpoint, s.lrs_key, s.lrs_secret) = (form.lrs_endpoint, form.lrs_key, form.lrs_secret);
        work.courier.configure(LrsConfig::of(s));
    }
    if s.dialogues_dir != form.dialogues_dir {
        s.dialogues_dir = form.dialogues_dir;
        let folder = state.config.folders().trainer_dialogues(None, &state.settings.dialogues_dir);
        use_persona_folder(state, work, folder);
    }
}

/// Lays a persona folder over the bundled library: loaded, watched, and shown in the trainer
/// tools.
fn use_persona_folder(state: &mut State, work: &mut Work, folder: Option<PathBuf>) {
    state.config.use_dialogues(folder);
    state.reload_library();
    work.watch(&state.config);
    *state.authoring = AuthoringState::new(state.config.dialogues.as_deref());
}

fn open_dashboard(state: &mut State, work: &Work, folder: &std::path::Path) {
    let opened_for = state.dashboard_key();
    let key = opened_for.1.clone();
    let repaint = work.repaint.clone();
    let dashboard = Box::new(DashboardState::open(folder, key, &state.config.data_dir, move || {
        repaint.request_repaint_after(std::time::Duration::from_millis(10))
    }));
    state.dashboard = Some(DashboardSlot { opened_for, state: dashboard });
}

fn open_report(state: &mut State, work: &mut Work, path: PathBuf) {
    let report = match settle_store::report::store::read(&path) {
        Ok(report) => report,
        Err(reason) => {
            state.notice = Some(format!("{}: {reason}", path.display()));
            return;
        }
    };
    match state.library.find_preferring(&report.persona.id.0, report.persona.language) {
        Some(persona) => {
            let persona = Arc::clone(persona);
            let saved = SaveState::Saved(path);
            state.debrief = Some(Box::new(DebriefState { report, persona, saved, from_reports: true }));
            go(state, work, Route::Debrief);
        }
        None => {
            let persona = [("persona", report.persona.id.0.as_str().into())];
            state.notice = Some(state.settings.lang.tr_args("notice-persona-missing", &persona));
        }
    }
}

fn start_call(state: &mut State, work: &mut Work, persona: Arc<Persona>, seed: Option<u64>) {
    let call = NewCall { persona, mode: state.settings.mode, seed, trainee: state.settings.trainee.clone() };
    let started = CallSession::start(call, state.session_config());
    if let Err(e) = started.journaled {
        state.notice = Some(e.to_string());
    }
    show_session(state, work, started.session);
}

/// The call screen for a call in progress, the wrap-up for one already over.
fn show_session(state: &mut State, work: &mut Work, session: CallSession) {
    if session.is_over() {
        state.wrap_up = Some(Box::new(wrap_up_of(session)));
        go(state, work, Route::WrapUp);
    } else {
        let call = CallState { session, clock_start: None, timer: None, case_open: false };
        state.call = Some(Box::new(call));
        go(state, work, Route::Call);
    }
}

fn wrap_up_of(session: CallSession) -> WrapUpState {
    WrapUpState { session, draft: WrapUpDraft::default(), errors: Vec::new() }
}

fn take_turn(state: &mut State, intent: &Intent) {
    let Some(call) = &mut state.call else { return };
    let result = match intent {
        Intent::Choose(reply) => call.session.choose(*reply),
        _ => call.session.silence(),
    };
    match result {
        Ok(turned) => {
            call.timer = None;
            if let Err(e) = turned.journaled {
                state.notice = Some(e.to_string());
            }
        }
        Err(e) => state.notice = Some(e.to_string()),
    }
}

/// The report is built and signed here and shown at once; queueing and saving go to a
/// thread, and logic picks up how they went.
fn submit_wrap_up(state: &mut State, work: &mut Work) {
    let Some(wrap) = &mut state.wrap_up else { return };
    let (wrap_up, assessment) = match (wrap.draft.parse(), wrap.draft.self_assessment()) {
        (Ok(wrap_up), Ok(assessment)) => (wrap_up, assessment),
        (parsed, assessed) => {
            wrap.errors = parsed.err().unwrap_or_default();
            wrap.errors.extend(assessed.err());
            return;
        }
    };
    let Some(wrap) = state.wrap_up.take() else { return };
    let concluded = match wrap.session.conclude(wrap_up, assessment) {
        Ok(concluded) => concluded,
        Err(not_over) => {
            state.notice = Some(not_over.to_string());
            state.wrap_up = Some(Box::new(WrapUpState { session: *not_over.0, ..*wrap }));
            return;
        }
    };
    let saved = match work.saves.file(concluded.report.clone(), concluded.config, true) {
        Ok(()) => SaveState::Saving,
        Err(e) => SaveState::Failed(e),
    };
    let (report, persona) = (concluded.report, concluded.persona);
    state.debrief = Some(Box::new(DebriefState { report, persona, saved, from_reports: false }));
    go(state, work, Route::Debrief);
}

fn resume(state: &mut State, work: &mut Work) {
    let Some(journal) = state.pending_resume.take() else { return };
    let config = state.session_config();
    match CallSession::resume(&journal, &state.library, config.clone()) {
        Ok(session) => {
            state.settings.trainee = session.trainee().to_string();
            show_session(state, work, session);
        }
        Err(e) => {
            state.notice = Some(e.to_string());
            CallSession::discard(&config);
        }
    }
}
