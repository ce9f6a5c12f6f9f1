//! The start screen: the trainee's details and settings, an offer to resume an interrupted
//! call, and the persona library as cards with filters and the practice/assessment choice.

use std::sync::Arc;

use egui::RichText;

use crate::screens::{difficulty, primary_button};
use crate::widgets::portrait;
use crate::{Intent, SettleApp, theme};
use settle_core::call::Mode;
use settle_core::load::Origin;
use settle_core::portrait::resting_portrait;
use settle_core::vocabulary::Language;
use settle_i18n::Lang;

pub fn show(app: &mut SettleApp, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
    let lang = app.settings.lang;
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            ui.add_space(8.0);
            if let Some(journal) = &app.pending_resume {
                theme::card(ui).stroke(egui::Stroke::new(1.5, theme::WARN)).show(ui, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(lang.tr("library-resume-waiting")).family(theme::bold()));
                        ui.label(lang.tr_args(
                            "library-resume-progress",
                            &[
                                ("persona", (&journal.persona_name).into()),
                                ("count", journal.choices.len().into()),
                            ],
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
            details(app, ui, intents);
            ui.add_space(12.0);
            ui.heading(lang.tr("library-title"));
            filters(app, ui);
            ui.add_space(6.0);
            cards(app, ui, intents);
            let broken = app.library.files.iter().filter(|f| f.persona.is_none()).count();
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

fn details(app: &mut SettleApp, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
    let lang = app.settings.lang;
    theme::card(ui).show(ui, |ui| {
        ui.set_width(ui.available_width());
        egui::Grid::new("details").num_columns(2).spacing([14.0, 8.0]).show(ui, |ui| {
            let label = ui.label(lang.tr("library-trainee-name"));
            let name = ui.add(
                egui::TextEdit::singleline(&mut app.settings.trainee)
                    .hint_text(lang.tr("library-trainee-name-hint"))
                    .desired_width(320.0),
            );
            let name = name.labelled_by(label.id);
            if name.lost_focus() {
                intents.push(Intent::ReloadReports);
            }
            ui.end_row();
            let label = ui.label(lang.tr("reports-folder"));
            let default = app.default_reports_dir().display().to_string();
            ui.horizontal(|ui| {
                let folder = ui
                    .add(
                        egui::TextEdit::singleline(&mut app.settings.reports_dir)
                            .hint_text(default)
                            .desired_width(320.0),
                    )
                    .labelled_by(label.id);
                if folder.lost_focus() {
                    intents.push(Intent::ReloadReports);
                }
                ui.label(
                    RichText::new(app.reports_dir().display().to_string()).small().color(theme::muted(ui)),
                );
            });
            ui.end_row();
            let label = ui.label(lang.tr("library-org-key"));
            ui.horizontal(|ui| {
                ui.add(
                    egui::TextEdit::singleline(&mut app.settings.org_key).password(true).desired_width(320.0),
                )
                .labelled_by(label.id);
                ui.label(RichText::new(lang.tr("library-org-key-hint")).small().color(theme::muted(ui)));
            });
            ui.end_row();
        });
        crate::screens::lrs::settings(app, ui, intents);
    });
}

fn filters(app: &mut SettleApp, ui: &mut egui::Ui) {
    let lang = app.settings.lang;
    let s = &mut app.settings;
    ui.horizontal_wrapped(|ui| {
        ui.label(lang.tr("library-filter-language"));
        ui.selectable_value(&mut s.filter_language, None, lang.tr("library-filter-all"));
        ui.selectable_value(&mut s.filter_language, Some(Language::En), "EN");
        ui.selectable_value(&mut s.filter_language, Some(Language::Pl), "PL");
        ui.separator();
        ui.label(lang.tr("library-filter-difficulty"));
        ui.selectable_value(&mut s.filter_difficulty, None, lang.tr("library-filter-all"));
        for d in 1..=5u8 {
            ui.selectable_value(&mut s.filter_difficulty, Some(d), d.to_string());
        }
        ui.separator();
        ui.label(lang.tr("library-filter-mode"));
        ui.selectable_value(&mut s.mode, Mode::Practice, lang.mode(Mode::Practice))
            .on_hover_text(lang.mode_hint(Mode::Practice));
        ui.selectable_value(&mut s.mode, Mode::Assessment, lang.mode(Mode::Assessment))
            .on_hover_text(lang.mode_hint(Mode::Assessment));
    });
}

fn cards(app: &mut SettleApp, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
    let lang = app.settings.lang;
    // One card per persona, in the interface's language where the persona has it, with every
    // language it can be played in.
    let ui_language = Language::from(lang);
    let shown: Vec<_> = app
        .library
        .files
        .iter()
        .filter_map(|f| {
            let languages = f.languages();
            let persona = f.in_language(ui_language).or(f.persona.as_ref())?;
            Some((Arc::clone(persona), languages, f.origin.clone()))
        })
        .filter(|(_, languages, _)| app.settings.filter_language.is_none_or(|l| languages.contains(&l)))
        .filter(|(p, _, _)| app.settings.filter_difficulty.is_none_or(|d| d == p.difficulty))
        .collect();
    if shown.is_empty() {
        ui.label(RichText::new(lang.tr("library-no-match")).color(theme::muted(ui)));
        return;
    }
    let gap = ui.spacing().item_spacing.x;
    let columns = ((ui.available_width() + gap) / (300.0 + gap)).floor().max(1.0) as usize;
    let card_width = ((ui.available_width() - gap * (columns as f32 - 1.0)) / columns as f32).floor();
    for row in shown.chunks(columns) {
        ui.horizontal(|ui| {
            for (persona, languages, origin) in row {
                theme::card(ui).show(ui, |ui| {
                    ui.set_width(card_width - 28.0);
                    ui.vertical(|ui| {
                        ui.horizontal(|ui| {
                            let image = resting_portrait(persona).map(|p| p.path.as_path());
                            portrait::show(ui, &mut app.portraits, image, &persona.name, 84.0);
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
                        best_score(ui, lang, app.best.get(&persona.id).copied());
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
        Origin::Folder { dir, replaces_bundled: true } => {
            (lang.tr("library-origin-replaces"), Some(dir.display().to_string()))
        }
        Origin::Folder { dir, replaces_bundled: false } => {
            (lang.tr("library-origin-folder"), Some(dir.display().to_string()))
        }
    };
    let label = ui.label(RichText::new(text).small().color(theme::muted(ui)));
    if let Some(folder) = folder {
        label.on_hover_text(folder);
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
