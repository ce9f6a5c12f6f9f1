//! The start screen: an offer to resume an interrupted call, the trainee's name (their best
//! scores are theirs), and the persona library as cards with filters and the
//! practice/assessment choice. The organisation's settings live on the settings screen.

use std::collections::BTreeMap;

use egui::RichText;

use crate::screens::{difficulty, primary_button};
use crate::widgets::portrait::{self, PortraitCache};
use crate::{Intent, theme};
use settle_core::call::Mode;
use settle_core::load::{Library, Origin};
use settle_core::persona::PersonaId;
use settle_core::portrait::resting_portrait;
use settle_core::vocabulary::Language;
use settle_i18n::Lang;
use settle_store::journal::Journal;

/// What the library shows.
pub struct LibraryView<'a> {
    pub lang: Lang,
    pub library: &'a Library,
    pub best: &'a BTreeMap<PersonaId, f64>,
    pub pending_resume: Option<&'a Journal>,
    pub portraits: &'a PortraitCache,
}

/// The settings the library's widgets edit.
pub struct LibraryChoices<'a> {
    pub trainee: &'a mut String,
    pub filter_language: &'a mut Option<Language>,
    pub filter_difficulty: &'a mut Option<u8>,
    pub mode: &'a mut Mode,
}

pub fn library_ui(
    ui: &mut egui::Ui,
    view: &LibraryView<'_>,
    choices: LibraryChoices<'_>,
    intents: &mut Vec<Intent>,
) {
    let lang = view.lang;
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            ui.add_space(8.0);
            if let Some(journal) = view.pending_resume {
                resume_card(ui, lang, journal, intents);
            }
            ui.horizontal_wrapped(|ui| {
                ui.heading(lang.tr("library-title"));
                ui.add_space(16.0);
                trainee(ui, lang, choices.trainee, intents);
            });
            ui.add_space(4.0);
            filters(ui, lang, choices.filter_language, choices.filter_difficulty, choices.mode);
            ui.add_space(6.0);
            let shown = Shown { language: *choices.filter_language, difficulty: *choices.filter_difficulty };
            cards(ui, view, shown, intents);
            let broken = view.library.files.iter().filter(|f| f.persona.is_none()).count();
            if broken > 0 {
                ui.add_space(8.0);
                ui.label(
                    RichText::new(lang.tr_args("library-broken-files", &[("count", broken.into())]))
                        .color(theme::WARN),
                );
            }
        });
    });
}

fn resume_card(ui: &mut egui::Ui, lang: Lang, journal: &Journal, intents: &mut Vec<Intent>) {
    theme::card(ui).stroke(egui::Stroke::new(1.5, theme::WARN)).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(lang.tr("library-resume-waiting")).family(theme::bold()));
            ui.label(lang.tr_args(
                "library-resume-progress",
                &[("persona", (&journal.persona_name).into()), ("count", journal.choices.len().into())],
            ));
            if primary_button(ui, lang.tr("library-resume")).clicked() {
                intents.push(Intent::Resume);
            }
            if ui.button(lang.tr("library-discard")).clicked() {
                intents.push(Intent::DiscardResume);
            }
        });
    });
    ui.add_space(10.0);
}

/// The trainee's name: the best scores on the cards are theirs, read again when it changes.
fn trainee(ui: &mut egui::Ui, lang: Lang, name: &mut String, intents: &mut Vec<Intent>) {
    let label = ui.label(lang.tr("library-trainee-name"));
    let field = ui
        .add(
            egui::TextEdit::singleline(name)
                .hint_text(lang.tr("library-trainee-name-hint"))
                .desired_width(380.0),
        )
        .labelled_by(label.id);
    if field.lost_focus() {
        intents.push(Intent::ReloadReports);
    }
}

fn filters(
    ui: &mut egui::Ui,
    lang: Lang,
    language: &mut Option<Language>,
    difficulty: &mut Option<u8>,
    mode: &mut Mode,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(lang.tr("library-filter-language"));
        ui.selectable_value(language, None, lang.tr("library-filter-all"));
        ui.selectable_value(language, Some(Language::En), "EN");
        ui.selectable_value(language, Some(Language::Pl), "PL");
        ui.separator();
        ui.label(lang.tr("library-filter-difficulty"));
        ui.selectable_value(difficulty, None, lang.tr("library-filter-all"));
        for d in 1..=5u8 {
            ui.selectable_value(difficulty, Some(d), d.to_string());
        }
        ui.separator();
        ui.label(lang.tr("library-filter-mode"));
        ui.selectable_value(mode, Mode::Practice, lang.mode(Mode::Practice))
            .on_hover_text(lang.mode_hint(Mode::Practice));
        ui.selectable_value(mode, Mode::Assessment, lang.mode(Mode::Assessment))
            .on_hover_text(lang.mode_hint(Mode::Assessment));
    });
}

/// The filters the cards are shown through.
#[derive(Clone, Copy)]
struct Shown {
    language: Option<Language>,
    difficulty: Option<u8>,
}

fn cards(ui: &mut egui::Ui, view: &LibraryView<'_>, filter: Shown, intents: &mut Vec<Intent>) {
    let lang = view.lang;
    // One card per persona, in the interface's language where the persona has it, with every
    // language it can be played in.
    let ui_language = Language::from(lang);
    let shown: Vec<_> = view
        .library
        .files
        .iter()
        .filter_map(|f| {
            let languages = f.languages();
            let persona = f.in_language(ui_language).or(f.persona.as_ref())?;
            Some((persona, languages, &f.origin))
        })
        .filter(|(_, languages, _)| filter.language.is_none_or(|l| languages.contains(&l)))
        .filter(|(p, _, _)| filter.difficulty.is_none_or(|d| d == p.difficulty))
        .collect();
    if shown.is_empty() {
        ui.label(RichText::new(lang.tr("library-no-match")).color(theme::muted(ui)));
        return;
    }
    let gap = ui.spacing().item_spacing.x;
    // The vertical scroll bar floats over the right edge: the cards stay clear of it.
    let width = ui.available_width() - ui.spacing().scroll.bar_width - 4.0;
    let columns = ((width + gap) / (300.0 + gap)).floor().max(1.0) as usize;
    let card_width = ((width - gap * (columns as f32 - 1.0)) / columns as f32).floor();
    for row in shown.chunks(columns) {
        ui.horizontal(|ui| {
            for (persona, languages, origin) in row {
                theme::card(ui).show(ui, |ui| {
                    ui.set_width(card_width - 28.0);
                    ui.vertical(|ui| {
                        ui.horizontal(|ui| {
                            let image = resting_portrait(persona).map(|p| p.path.as_path());
                            portrait::show(ui, view.portraits, image, &persona.name, 84.0);
                            ui.vertical(|ui| {
                                ui.label(RichText::new(&persona.name).family(theme::bold()).size(17.0));
                                ui.label(RichText::new(&persona.company).color(theme::muted(ui)));
                                ui.label(lang.archetype(persona.archetype));
                                ui.horizontal(|ui| {
                                    difficulty(ui, lang, persona.difficulty);
                                    let codes: Vec<String> =
                                        languages.iter().map(|l| l.code().to_uppercase()).collect();
                                    ui.label(RichText::new(codes.join(" · ")).small().family(theme::bold()))
                                        .on_hover_text(lang.tr("library-languages"));
                                });
                            });
                        });
                        ui.add_space(4.0);
                        ui.horizontal(|ui| {
                            ui.label(lang.tr("library-owes"));
                            ui.label(
                                RichText::new(
                                    lang.money(persona.case_file.amount, &persona.case_file.currency),
                                )
                                .family(theme::bold()),
                            );
                        });
                        best_score(ui, lang, view.best.get(&persona.id).copied());
                        origin_line(ui, lang, origin);
                        ui.add_space(4.0);
                        let open = lang.tr_args("library-prepare", &[("persona", (&persona.name).into())]);
                        if ui.button(open).clicked() {
                            intents.push(Intent::OpenBriefing(persona.id.clone()));
                        }
                    });
                });
            }
        });
        ui.add_space(8.0);
    }
}

/// Where the persona comes from: the library built into Settle or a trainer's folder.
fn origin_line(ui: &mut egui::Ui, lang: Lang, origin: &Origin) {
    let (text, folder) = match origin {
        Origin::Bundled => (lang.tr("library-origin-bundled"), None),
        Origin::Folder { dir, replaces_bundled: true } => (lang.tr("library-origin-replaces"), Some(dir)),
        Origin::Folder { dir, replaces_bundled: false } => (lang.tr("library-origin-folder"), Some(dir)),
    };
    let label = ui.label(RichText::new(text).small().color(theme::muted(ui)));
    if let Some(folder) = folder {
        // The folder's path is only written out while the label is hovered.
        label.on_hover_ui(|ui| {
            ui.label(folder.display().to_string());
        });
    }
}

fn best_score(ui: &mut egui::Ui, lang: Lang, best: Option<f64>) {
    ui.horizontal(|ui| {
        ui.label(lang.tr("library-best"));
        match best {
            Some(score) => {
                let text = lang.tr_args("score-of-100", &[("score", lang.score(score).into())]);
                ui.label(RichText::new(text).family(theme::bold()))
            }
            None => ui.label(RichText::new(lang.tr("library-not-played")).color(theme::muted(ui))),
        };
    });
}
