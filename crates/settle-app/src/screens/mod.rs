//! The screens, one module each, behind a top bar. [`frame`] hands each screen only what it
//! draws, borrowed from [`State`]: read-only views, the fields its widgets edit, and the
//! intents list to push to. No screen opens a file, builds an index, writes an export, starts
//! a thread or reads the environment: it pushes an [`Intent`] and `commands` does the rest.

mod authoring;
mod briefing;
mod call;
mod dashboard;
mod debrief;
mod library;
mod lrs;
mod settings;
mod wrapup;

use egui::RichText;

use crate::state::{Route, State};
use crate::{Intent, theme};
use settle_i18n::Lang;

pub fn frame(state: &mut State, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
    let lang = state.settings.lang;
    top_bar(ui, lang, state.route, &state.settings, intents);
    if let Some(notice) = &state.notice {
        egui::Panel::top("notice").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.add(egui::Label::new(RichText::new(notice).color(theme::WARN)).wrap());
                if ui.button(lang.tr("notice-dismiss")).clicked() {
                    intents.push(Intent::DismissNotice);
                }
            });
        });
    }
    let s = &mut state.settings;
    match state.route {
        Route::Library => {
            let view = library::LibraryView {
                lang,
                library: &state.library,
                best: &state.best,
                pending_resume: state.pending_resume.as_ref(),
                portraits: &state.portraits,
            };
            let choices = library::LibraryChoices {
                trainee: &mut s.trainee,
                filter_language: &mut s.filter_language,
                filter_difficulty: &mut s.filter_difficulty,
                mode: &mut s.mode,
            };
            library::library_ui(ui, &view, choices, intents);
        }
        Route::Briefing => {
            let Some(persona) = &state.briefing else { return };
            let languages = state.library.file_of(&persona.id.0).map(|f| f.languages()).unwrap_or_default();
            let view = briefing::BriefingView {
                lang,
                persona,
                languages: &languages,
                mode: s.mode,
                portraits: &state.portraits,
            };
            briefing::briefing_ui(ui, &view, &mut s.trainee, intents);
        }
        Route::Call => {
            if let Some(call) = &mut state.call {
                call::call_ui(ui, lang, call, &state.portraits, intents);
            }
        }
        Route::WrapUp => {
            if let Some(wrap_up) = &mut state.wrap_up {
                wrapup::wrapup_ui(ui, lang, wrap_up, intents);
            }
        }
        Route::Debrief => {
            if let Some(debrief) = &state.debrief {
                // The trainee sees where their call went; a report opened from the dashboard
                // was sent long ago.
                let lrs = Some(&state.courier).filter(|s| s.configured && !debrief.from_reports);
                debrief::debrief_ui(ui, lang, debrief, lrs, intents);
            }
        }
        Route::Authoring => {
            let files = &state.library.files;
            authoring::authoring_ui(ui, lang, &mut state.authoring, files, state.dialog_open, intents);
        }
        Route::Dashboard => {
            if let Some(slot) = &mut state.dashboard {
                dashboard::dashboard_ui(ui, lang, &mut slot.state, state.dialog_open, intents);
            }
        }
        Route::Settings => {
            let view = settings::SettingsView {
                lang,
                reports_in_use: state
                    .settings
                    .reports_dir(&state.config.folders(), state.config.reports_flag.as_deref()),
                default_reports: state.config.folders().default_reports(),
                dialogues_in_use: state.config.dialogues.clone(),
                settings_file: state.config.folders().settings(),
                courier: &state.courier,
                rejected_dir: settle_lrs::outbox::Outbox::of(&state.config.folders()).rejected_dir(),
                dialog_open: state.dialog_open,
            };
            settings::settings_ui(ui, &view, &mut state.settings_form, intents);
        }
    }
}

/// The app's name, the ways out of the current screen, the language and the theme.
fn top_bar(
    ui: &mut egui::Ui,
    lang: Lang,
    route: Route,
    settings: &settle_store::settings::Settings,
    intents: &mut Vec<Intent>,
) {
    egui::Panel::top("top-bar").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new("Settle").family(theme::bold()).size(20.0).color(theme::ACCENT));
            ui.label(RichText::new(lang.tr("app-tagline")).color(theme::muted(ui)));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let theme_label = if settings.dark { lang.tr("theme-light") } else { lang.tr("theme-dark") };
                if ui.button(theme_label).clicked() {
                    intents.push(Intent::ToggleDark);
                }
                let away = matches!(route, Route::Authoring | Route::Dashboard | Route::Settings);
                if matches!(route, Route::Library | Route::Authoring | Route::Dashboard)
                    && ui.button(lang.tr("top-settings")).clicked()
                {
                    intents.push(Intent::OpenSettings);
                }
                if route == Route::Library {
                    if ui.button(lang.tr("top-reports")).clicked() {
                        intents.push(Intent::OpenDashboard);
                    }
                    if ui.button(lang.tr("top-trainer-tools")).clicked() {
                        intents.push(Intent::OpenAuthoring);
                    }
                } else if away && ui.button(lang.tr("back-to-library")).clicked() {
                    intents.push(Intent::BackToLibrary);
                }
                for choice in [Lang::Pl, Lang::En] {
                    if ui.selectable_label(settings.lang == choice, choice.name()).clicked() {
                        intents.push(Intent::SetLang(choice));
                    }
                }
                if !settings.trainee.trim().is_empty() {
                    ui.label(RichText::new(settings.trainee.trim()).color(theme::muted(ui)));
                }
            });
        });
        ui.add_space(2.0);
    });
}

/// A path typed beside a "Choose…" button that opens the native dialog; the dialog's answer
/// comes back as the intent the typed path produces. The button waits while a dialog is open.
pub fn choose_button(ui: &mut egui::Ui, lang: Lang, dialog_open: bool, pick: crate::Pick) -> Option<Intent> {
    let button = ui.add_enabled(!dialog_open, egui::Button::new(lang.tr("choose-path")));
    button.clicked().then_some(Intent::Browse(pick))
}

/// The primary action's button: accent-filled, larger.
pub fn primary_button(ui: &mut egui::Ui, text: &str) -> egui::Response {
    ui.add(
        egui::Button::new(RichText::new(text).family(theme::bold()).color(egui::Color32::WHITE))
            .fill(theme::ACCENT)
            .min_size(egui::vec2(160.0, 36.0)),
    )
}

/// Difficulty as five pips, three filled for a 3; read out as "Difficulty 3 of 5".
pub fn difficulty(ui: &mut egui::Ui, lang: Lang, level: u8) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(egui::vec2(5.0 * 14.0, 14.0), egui::Sense::hover());
    for i in 0..5u8 {
        let centre = egui::pos2(rect.left() + 7.0 + f32::from(i) * 14.0, rect.center().y);
        if i < level {
            ui.painter().circle_filled(centre, 5.0, theme::WARN);
        } else {
            ui.painter().circle_stroke(centre, 4.5, egui::Stroke::new(1.2, theme::WARN));
        }
    }
    let text = lang.tr_args("difficulty-level", &[("level", level.into())]);
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &text));
    response.on_hover_text(text)
}
