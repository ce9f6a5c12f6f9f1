//! The wrap-up: the trainee documents the call as a collector would (result code, agreed
//! amount, instalments, first due date, next step, a note) before seeing the debrief.

use egui::RichText;

use crate::app::screens::primary_button;
use crate::app::{Intent, Route, SettleApp, theme};
use crate::core::outcome::{NextStep, Outcome};
use crate::core::wrapup::DraftError;

pub fn show(app: &mut SettleApp, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
    let lang = app.settings.lang;
    let Route::WrapUp(state) = &mut app.route else { return };
    let persona = std::sync::Arc::clone(state.engine.persona());
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            ui.add_space(8.0);
            ui.heading(lang.t("Wrap-up", "Podsumowanie rozmowy"));
            ui.label(
                RichText::new(format!(
                    "{} {} — {}",
                    lang.t("Document the call with", "Udokumentuj rozmowę:"),
                    persona.name,
                    lang.t("record what was really agreed.", "zapisz, co naprawdę ustalono.")
                ))
                .color(theme::muted(ui)),
            );
            ui.add_space(8.0);
            let d = &mut state.draft;
            theme::card(ui).show(ui, |ui| {
                egui::Grid::new("wrap-up").num_columns(2).spacing([16.0, 10.0]).show(ui, |ui| {
                    let label = ui.label(lang.t("Outcome", "Wynik rozmowy"));
                    let shown = d.outcome.map_or(lang.t("(choose)", "(wybierz)"), |o| lang.outcome(o));
                    egui::ComboBox::from_id_salt("outcome")
                        .selected_text(shown)
                        .width(300.0)
                        .show_ui(ui, |ui| {
                            for o in Outcome::ALL {
                                ui.selectable_value(&mut d.outcome, Some(o), lang.outcome(o));
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                    let currency = &persona.case_file.currency;
                    let label =
                        ui.label(format!("{} ({currency})", lang.t("Agreed amount", "Uzgodniona kwota")));
                    ui.add(egui::TextEdit::singleline(&mut d.amount).hint_text("0.00").desired_width(200.0))
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label(lang.t("Instalments", "Liczba rat"));
                    ui.add(egui::TextEdit::singleline(&mut d.instalments).hint_text("—").desired_width(80.0))
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label(lang.t("First due date", "Termin pierwszej płatności"));
                    ui.add(
                        egui::TextEdit::singleline(&mut d.first_due)
                            .hint_text("2026-12-01")
                            .desired_width(200.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label(lang.t("Next step", "Następny krok"));
                    let shown = d.next_step.map_or(lang.t("(choose)", "(wybierz)"), |s| lang.next_step(s));
                    egui::ComboBox::from_id_salt("next-step")
                        .selected_text(shown)
                        .width(300.0)
                        .show_ui(ui, |ui| {
                            for s in NextStep::ALL {
                                ui.selectable_value(&mut d.next_step, Some(s), lang.next_step(s));
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label(lang.t("Note", "Notatka"));
                    ui.add(egui::TextEdit::multiline(&mut d.note).desired_rows(3).desired_width(420.0))
                        .labelled_by(label.id);
                    ui.end_row();
                });
            });
            ui.label(
                RichText::new(lang.t(
                    "Leave a field empty when nothing was agreed on it.",
                    "Zostaw pole puste, jeśli nic w tej sprawie nie ustalono.",
                ))
                .small()
                .color(theme::muted(ui)),
            );
            for error in &state.errors {
                let text = match error {
                    DraftError::Amount => lang.t(
                        "The amount is not a number such as 1250.00.",
                        "Kwota nie jest liczbą, np. 1250,00.",
                    ),
                    DraftError::Instalments => lang.t(
                        "Instalments must be a whole number from 1 to 120.",
                        "Liczba rat musi być liczbą całkowitą od 1 do 120.",
                    ),
                    DraftError::FirstDue => lang.t(
                        "The date is not a date such as 2026-12-01 or 01.12.2026.",
                        "Data musi mieć postać 2026-12-01 lub 01.12.2026.",
                    ),
                };
                ui.label(RichText::new(text).color(theme::BAD));
            }
            ui.add_space(10.0);
            if primary_button(ui, lang.t("Save and see the debrief", "Zapisz i zobacz omówienie")).clicked()
            {
                intents.push(Intent::SubmitWrapUp);
            }
        });
    });
}
