//! The briefing: the case file laid out for preparation, and the button that starts the call.

use egui::RichText;

use crate::screens::{difficulty, primary_button};
use crate::widgets::portrait::PortraitCache;
use crate::widgets::{case_file, portrait};
use crate::{Intent, theme};
use settle_core::Persona;
use settle_core::call::Mode;
use settle_core::portrait::resting_portrait;
use settle_core::vocabulary::Language;
use settle_i18n::Lang;

/// What the briefing shows.
pub struct BriefingView<'a> {
    pub lang: Lang,
    pub persona: &'a Persona,
    /// The languages the call can be held in.
    pub languages: &'a [Language],
    pub mode: Mode,
    pub portraits: &'a PortraitCache,
}

/// The briefing; `trainee` is the name field beside the start button.
pub fn briefing_ui(
    ui: &mut egui::Ui,
    view: &BriefingView<'_>,
    trainee: &mut String,
    intents: &mut Vec<Intent>,
) {
    let (lang, persona) = (view.lang, view.persona);
    let name_missing = trainee.trim().is_empty();
    egui::Panel::bottom("briefing-actions").show(ui, |ui| {
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(lang.tr("back-to-library")).clicked() {
                intents.push(Intent::BackToLibrary);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let start =
                    ui.add_enabled_ui(!name_missing, |ui| primary_button(ui, lang.tr("briefing-start")));
                if start.inner.clicked() || (!name_missing && ui.input(|i| i.key_pressed(egui::Key::Enter))) {
                    intents.push(Intent::StartCall);
                }
                ui.add(
                    egui::TextEdit::singleline(trainee)
                        .hint_text(lang.tr("briefing-name-hint"))
                        .desired_width(200.0),
                )
                .labelled_by(ui.label(lang.tr("trainee")).id);
                let mode = match view.mode {
                    Mode::Practice => lang.tr("mode-practice.call"),
                    Mode::Assessment => lang.tr("mode-assessment.call"),
                };
                ui.label(RichText::new(mode).color(theme::muted(ui)));
            });
        });
        ui.add_space(8.0);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let image = resting_portrait(persona).map(|p| p.path.as_path());
                portrait::show(ui, view.portraits, image, &persona.name, 110.0);
                ui.vertical(|ui| {
                    ui.heading(lang.tr_args("briefing-title", &[("persona", (&persona.name).into())]));
                    ui.label(RichText::new(&persona.company).size(17.0));
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(lang.archetype(persona.archetype)).color(theme::muted(ui)));
                        difficulty(ui, lang, persona.difficulty);
                    });
                    call_language(ui, lang, persona, view.languages, intents);
                    ui.add(egui::Label::new(&persona.description).wrap());
                });
            });
            ui.add_space(10.0);
            let case = &persona.case_file;
            ui.columns(2, |cols| {
                theme::card(&cols[0]).show(&mut cols[0], |ui| {
                    ui.set_width(ui.available_width());
                    case_file::summary_ui(ui, lang, case);
                });
                theme::card(&cols[1]).show(&mut cols[1], |ui| {
                    ui.set_width(ui.available_width());
                    case_file::debtor_ui(ui, lang, case);
                });
            });
            ui.add_space(8.0);
            theme::card(ui).show(ui, |ui| {
                ui.set_width(ui.available_width());
                case_file::records_ui(ui, lang, case, "briefing");
            });
            if let Some(limit) = persona.target.reply_time_limit {
                ui.add_space(8.0);
                ui.label(
                    RichText::new(lang.tr_args("briefing-time-limit", &[("seconds", limit.into())]))
                        .color(theme::muted(ui)),
                );
            }
        });
    });
}

/// The languages the call can be held in; the interface's is chosen when the persona has it.
fn call_language(
    ui: &mut egui::Ui,
    lang: Lang,
    persona: &Persona,
    languages: &[Language],
    intents: &mut Vec<Intent>,
) {
    if languages.len() < 2 {
        return;
    }
    ui.horizontal(|ui| {
        ui.label(lang.tr("briefing-call-language"));
        for language in languages {
            let name = match language {
                Language::En => lang.tr("language-en"),
                Language::Pl => lang.tr("language-pl"),
            };
            if ui.selectable_label(persona.language == *language, name).clicked()
                && persona.language != *language
            {
                intents.push(Intent::ChooseCallLanguage(*language));
            }
        }
    });
}
