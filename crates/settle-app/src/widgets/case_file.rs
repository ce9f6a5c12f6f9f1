//! The case file laid out as a collector's system shows it: the debtor, the amount and goal,
//! invoices, payments, earlier contacts, documents and the relationship. Used on the briefing
//! screen and in the call's side panel.

use egui::{RichText, Ui};

use crate::theme;
use settle_core::case_file::CaseFile;
use settle_i18n::Lang;

fn section(ui: &mut Ui, title: &str) {
    ui.add_space(6.0);
    ui.label(RichText::new(title).family(theme::bold()).size(16.0));
}

/// The call's goal, the amount and the mandate: what the collector must keep in view.
pub fn summary_ui(ui: &mut Ui, lang: Lang, case: &CaseFile) {
    egui::Grid::new("case-summary").num_columns(2).spacing([16.0, 6.0]).show(ui, |ui| {
        ui.label(RichText::new(lang.tr("case-amount-owed")).color(theme::muted(ui)));
        ui.label(RichText::new(lang.money(case.amount, &case.currency)).family(theme::bold()).size(18.0));
        ui.end_row();
        ui.label(RichText::new(lang.tr("case-call-date")).color(theme::muted(ui)));
        ui.label(lang.date(case.call_date));
        ui.end_row();
        ui.label(RichText::new(lang.tr("case-goal")).color(theme::muted(ui)));
        ui.add(egui::Label::new(&case.goal).wrap());
        ui.end_row();
        ui.label(RichText::new(lang.tr("case-mandate")).color(theme::muted(ui)));
        ui.add(egui::Label::new(&case.mandate).wrap());
        ui.end_row();
    });
}

pub fn debtor_ui(ui: &mut Ui, lang: Lang, case: &CaseFile) {
    let d = &case.debtor;
    egui::Grid::new("case-debtor").num_columns(2).spacing([16.0, 4.0]).show(ui, |ui| {
        let row = |ui: &mut Ui, label: &str, value: &str| {
            ui.label(RichText::new(label).color(theme::muted(ui)));
            ui.add(egui::Label::new(value).wrap());
            ui.end_row();
        };
        row(ui, lang.tr("case-company"), &d.company);
        row(ui, lang.tr("case-legal-form"), &d.legal_form);
        if let Some(nip) = &d.tax_id {
            row(ui, lang.tr("case-tax-id"), nip);
        }
        if let Some(krs) = &d.register_no {
            row(ui, lang.tr("case-register-no"), krs);
        }
        row(ui, lang.tr("case-contact"), &format!("{}, {}", d.contact, d.role));
        row(ui, lang.tr("case-phone"), &d.phone);
        if let Some(hours) = &d.preferred_hours {
            row(ui, lang.tr("case-preferred-hours"), hours);
        }
    });
}

/// Invoices, payments, contacts, documents and the relationship.
pub fn records_ui(ui: &mut Ui, lang: Lang, case: &CaseFile, id: &str) {
    section(ui, lang.tr("case-invoices"));
    egui::Grid::new((id, "invoices")).striped(true).num_columns(6).spacing([14.0, 4.0]).show(ui, |ui| {
        for h in [
            lang.tr("case-number"),
            lang.tr("case-issued"),
            lang.tr("case-due"),
            lang.tr("case-amount"),
            lang.tr("case-overdue"),
            lang.tr("case-status"),
        ] {
            ui.label(RichText::new(h).family(theme::bold()));
        }
        ui.end_row();
        for inv in &case.invoices {
            ui.label(&inv.number);
            ui.label(lang.date(inv.issued));
            ui.label(lang.date(inv.due));
            ui.label(lang.money(inv.amount, &case.currency));
            let days = inv.days_overdue(case.call_date);
            ui.label(if days > 0 {
                lang.tr_args("case-days-overdue", &[("days", days.into())])
            } else {
                "—".into()
            });
            if inv.paid {
                ui.label(RichText::new(lang.tr("case-paid")).color(theme::GOOD));
            } else {
                ui.label(RichText::new(lang.tr("case-unpaid")).color(theme::BAD));
            }
            ui.end_row();
        }
    });
    if !case.payments.is_empty() {
        section(ui, lang.tr("case-payments"));
        egui::Grid::new((id, "payments")).striped(true).num_columns(3).spacing([14.0, 4.0]).show(ui, |ui| {
            for p in &case.payments {
                ui.label(lang.date(p.date));
                ui.label(lang.money(p.amount, &case.currency));
                ui.add(egui::Label::new(&p.note).wrap());
                ui.end_row();
            }
        });
    }
    if !case.contacts.is_empty() {
        section(ui, lang.tr("case-contacts"));
        for c in &case.contacts {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(lang.date(c.date)).family(theme::bold()));
                ui.label(RichText::new(lang.channel(c.channel)).color(theme::muted(ui)));
                ui.label(RichText::new(&c.who).color(theme::muted(ui)));
                match c.promise_kept {
                    Some(true) => {
                        ui.label(RichText::new(lang.tr("case-promise-kept")).color(theme::GOOD));
                    }
                    Some(false) => {
                        ui.label(RichText::new(lang.tr("case-promise-broken")).color(theme::BAD));
                    }
                    None => {}
                }
            });
            ui.add(egui::Label::new(&c.summary).wrap());
            ui.add_space(4.0);
        }
    }
    if !case.documents.is_empty() {
        section(ui, lang.tr("case-documents"));
        for doc in &case.documents {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(&doc.title).family(theme::bold()));
                if let Some(date) = doc.date {
                    ui.label(RichText::new(lang.date(date)).color(theme::muted(ui)));
                }
            });
            ui.add(egui::Label::new(&doc.summary).wrap());
            ui.add_space(4.0);
        }
    }
    section(ui, lang.tr("case-relationship"));
    ui.add(egui::Label::new(&case.relationship).wrap());
}
