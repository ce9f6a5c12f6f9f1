//! The case file laid out as a collector's system shows it: the debtor, the amount and goal,
//! invoices, payments, earlier contacts, documents and the relationship. Used on the briefing
//! screen and in the call's side panel.

use egui::{RichText, Ui};

use crate::app::theme;
use crate::core::case_file::{CaseFile, Channel};
use crate::i18n::Lang;

fn section(ui: &mut Ui, title: &str) {
    ui.add_space(6.0);
    ui.label(RichText::new(title).family(theme::bold()).size(16.0));
}

fn channel(lang: Lang, c: Channel) -> &'static str {
    match c {
        Channel::Phone => lang.t("Phone", "Telefon"),
        Channel::Email => lang.t("E-mail", "E-mail"),
        Channel::Letter => lang.t("Letter", "List"),
        Channel::Sms => lang.t("SMS", "SMS"),
        Channel::Visit => lang.t("Visit", "Wizyta"),
    }
}

/// The call's goal, the amount and the mandate: what the collector must keep in view.
pub fn summary_ui(ui: &mut Ui, lang: Lang, case: &CaseFile) {
    egui::Grid::new("case-summary").num_columns(2).spacing([16.0, 6.0]).show(ui, |ui| {
        ui.label(RichText::new(lang.t("Amount owed", "Kwota zadłużenia")).color(theme::muted(ui)));
        ui.label(RichText::new(lang.money(case.amount, &case.currency)).family(theme::bold()).size(18.0));
        ui.end_row();
        ui.label(RichText::new(lang.t("Call date", "Data rozmowy")).color(theme::muted(ui)));
        ui.label(lang.date(case.call_date));
        ui.end_row();
        ui.label(RichText::new(lang.t("Goal", "Cel rozmowy")).color(theme::muted(ui)));
        ui.add(egui::Label::new(&case.goal).wrap());
        ui.end_row();
        ui.label(RichText::new(lang.t("Mandate", "Pełnomocnictwo")).color(theme::muted(ui)));
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
        row(ui, lang.t("Company", "Firma"), &d.company);
        row(ui, lang.t("Legal form", "Forma prawna"), &d.legal_form);
        if let Some(nip) = &d.tax_id {
            row(ui, "NIP", nip);
        }
        if let Some(krs) = &d.register_no {
            row(ui, "KRS", krs);
        }
        row(ui, lang.t("Contact", "Osoba kontaktowa"), &format!("{}, {}", d.contact, d.role));
        row(ui, lang.t("Phone", "Telefon"), &d.phone);
        if let Some(hours) = &d.preferred_hours {
            row(ui, lang.t("Preferred hours", "Preferowane godziny"), hours);
        }
    });
}

/// Invoices, payments, contacts, documents and the relationship.
pub fn records_ui(ui: &mut Ui, lang: Lang, case: &CaseFile, id: &str) {
    section(ui, lang.t("Invoices", "Faktury"));
    egui::Grid::new((id, "invoices")).striped(true).num_columns(6).spacing([14.0, 4.0]).show(ui, |ui| {
        for h in [
            lang.t("Number", "Numer"),
            lang.t("Issued", "Wystawiona"),
            lang.t("Due", "Termin"),
            lang.t("Amount", "Kwota"),
            lang.t("Overdue", "Po terminie"),
            lang.t("Status", "Status"),
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
            ui.label(if days > 0 { format!("{days} {}", lang.t("days", "dni")) } else { "—".into() });
            if inv.paid {
                ui.label(RichText::new(lang.t("paid", "zapłacona")).color(theme::GOOD));
            } else {
                ui.label(RichText::new(lang.t("unpaid", "niezapłacona")).color(theme::BAD));
            }
            ui.end_row();
        }
    });
    if !case.payments.is_empty() {
        section(ui, lang.t("Payment history", "Historia wpłat"));
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
        section(ui, lang.t("Earlier contacts", "Wcześniejsze kontakty"));
        for c in &case.contacts {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new(lang.date(c.date)).family(theme::bold()));
                ui.label(RichText::new(channel(lang, c.channel)).color(theme::muted(ui)));
                ui.label(RichText::new(&c.who).color(theme::muted(ui)));
                match c.promise_kept {
                    Some(true) => {
                        ui.label(
                            RichText::new(lang.t("promise kept", "obietnica dotrzymana")).color(theme::GOOD),
                        );
                    }
                    Some(false) => {
                        ui.label(
                            RichText::new(lang.t("promise broken", "obietnica niedotrzymana"))
                                .color(theme::BAD),
                        );
                    }
                    None => {}
                }
            });
            ui.add(egui::Label::new(&c.summary).wrap());
            ui.add_space(4.0);
        }
    }
    if !case.documents.is_empty() {
        section(ui, lang.t("Documents", "Dokumenty"));
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
    section(ui, lang.t("Relationship", "Relacja z klientem"));
    ui.add(egui::Label::new(&case.relationship).wrap());
}
