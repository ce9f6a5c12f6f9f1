//! The wrap-up: the trainee documents the call as a collector would (result code, agreed
//! amount, instalments, first due date or call-back day, next step, a note) and assesses the
//! call themselves before seeing the debrief.

use egui::RichText;

use crate::screens::primary_button;
use crate::{Intent, WrapUpState, theme};
use settle_core::outcome::{NextStep, Outcome};
use settle_core::style::ConflictStyle;
use settle_core::wrapup::DraftError;
use settle_core::wrapup::WrapUpField;
use settle_i18n::Lang;

/// The wrap-up form; its draft is what the widgets edit.
pub fn wrapup_ui(ui: &mut egui::Ui, lang: Lang, state: &mut WrapUpState, intents: &mut Vec<Intent>) {
    let persona = std::sync::Arc::clone(state.session.persona());
    // The save button stays in sight however long the form grows.
    egui::Panel::bottom("wrap-up-actions").show(ui, |ui| {
        ui.add_space(6.0);
        for error in &state.errors {
            let text = match error {
                DraftError::Amount => lang.tr("wrapup-error-amount"),
                DraftError::Instalments => lang.tr("wrapup-error-instalments"),
                DraftError::FirstDue => lang.tr("wrapup-error-first-due"),
                DraftError::CallBack => lang.tr("wrapup-error-call-back"),
                DraftError::ExpectedScore => lang.tr("wrapup-error-expected-score"),
            };
            ui.label(RichText::new(text).color(theme::BAD));
        }
        if primary_button(ui, lang.tr("wrapup-save")).clicked() {
            intents.push(Intent::SubmitWrapUp);
        }
        ui.add_space(6.0);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            ui.add_space(8.0);
            ui.heading(lang.tr("wrapup-title"));
            ui.label(
                RichText::new(lang.tr_args("wrapup-intro", &[("persona", (&persona.name).into())]))
                    .color(theme::muted(ui)),
            );
            ui.add_space(8.0);
            let d = &mut state.draft;
            theme::card(ui).show(ui, |ui| {
                egui::Grid::new("wrap-up").num_columns(2).spacing([16.0, 10.0]).show(ui, |ui| {
                    let label = ui.label(lang.wrap_up_field(WrapUpField::Outcome));
                    let shown = d.outcome.map_or(lang.tr("choose"), |o| lang.outcome(o));
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
                        ui.label(lang.tr_args("wrapup-agreed-amount", &[("currency", currency.into())]));
                    ui.add(egui::TextEdit::singleline(&mut d.amount).hint_text("0.00").desired_width(200.0))
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label(lang.wrap_up_field(WrapUpField::Instalments));
                    ui.add(egui::TextEdit::singleline(&mut d.instalments).hint_text("—").desired_width(80.0))
                        .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label(lang.wrap_up_field(WrapUpField::FirstDue));
                    ui.add(
                        egui::TextEdit::singleline(&mut d.first_due)
                            .hint_text("2026-12-01")
                            .desired_width(200.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label(lang.tr("wrapup-call-back"));
                    ui.add(
                        egui::TextEdit::singleline(&mut d.call_back)
                            .hint_text("2026-12-01")
                            .desired_width(200.0),
                    )
                    .labelled_by(label.id);
                    ui.end_row();
                    let label = ui.label(lang.wrap_up_field(WrapUpField::NextStep));
                    let shown = d.next_step.map_or(lang.tr("choose"), |s| lang.next_step(s));
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
                    let label = ui.label(lang.tr("wrapup-note"));
                    ui.add(egui::TextEdit::multiline(&mut d.note).desired_rows(3).desired_width(420.0))
                        .labelled_by(label.id);
                    ui.end_row();
                });
            });
            ui.label(RichText::new(lang.tr("wrapup-empty-hint")).small().color(theme::muted(ui)));
            ui.add_space(10.0);
            self_assessment(ui, lang, d);
        });
    });
}

/// Before the debrief the trainee says how the call went: the score they expect, where their
/// style sat, and one thing they would do differently. The debrief sets it beside the result.
fn self_assessment(ui: &mut egui::Ui, lang: settle_i18n::Lang, d: &mut settle_core::wrapup::WrapUpDraft) {
    ui.label(RichText::new(lang.tr("wrapup-assess-title")).family(theme::bold()).size(16.0));
    ui.label(RichText::new(lang.tr("wrapup-assess-intro")).color(theme::muted(ui)));
    theme::card(ui).show(ui, |ui| {
        egui::Grid::new("self-assessment").num_columns(2).spacing([16.0, 10.0]).show(ui, |ui| {
            let label = ui.label(lang.tr("wrapup-assess-score"));
            ui.add(egui::TextEdit::singleline(&mut d.expected_score).hint_text("0-100").desired_width(80.0))
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(lang.tr("wrapup-assess-style"));
            let shown = d.expected_style.map_or(lang.tr("choose"), |s| lang.style(s));
            egui::ComboBox::from_id_salt("expected-style")
                .selected_text(shown)
                .width(300.0)
                .show_ui(ui, |ui| {
                    for s in ConflictStyle::ALL {
                        ui.selectable_value(&mut d.expected_style, Some(s), lang.style(s));
                    }
                })
                .response
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(lang.tr("wrapup-assess-differently"));
            ui.add(egui::TextEdit::multiline(&mut d.differently).desired_rows(2).desired_width(420.0))
                .labelled_by(label.id);
            ui.end_row();
        });
    });
}
