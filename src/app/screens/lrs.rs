//! The learning record store settings on the start screen (endpoint, key, secret) and the
//! courier's state in words: what is waiting, why, and when the next try is.

use egui::{Color32, RichText};

use crate::app::{Intent, SettleApp, lrs_config, theme};
use crate::core::lrs::client::DeliveryError;
use crate::core::lrs::courier::CourierStatus;
use crate::i18n::Lang;

pub fn settings(app: &mut SettleApp, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
    let lang = app.settings.lang;
    let status = app.courier.status();
    let title = match (status.configured, status.waiting) {
        (false, _) => {
            lang.t("Learning record store (xAPI): off", "Rejestr szkoleń LRS (xAPI): wyłączony").to_string()
        }
        (true, 0) => {
            lang.t("Learning record store (xAPI): on", "Rejestr szkoleń LRS (xAPI): włączony").to_string()
        }
        (true, n) => format!(
            "{} ({n} {})",
            lang.t("Learning record store (xAPI)", "Rejestr szkoleń LRS (xAPI)"),
            lang.t("waiting", "w kolejce")
        ),
    };
    egui::CollapsingHeader::new(title).id_salt("lrs-settings").show(ui, |ui| {
        let mut changed = false;
        egui::Grid::new("lrs-grid").num_columns(2).spacing([14.0, 8.0]).show(ui, |ui| {
            let s = &mut app.settings;
            let label = ui.label(lang.t("Endpoint", "Adres (endpoint)"));
            let field = egui::TextEdit::singleline(&mut s.lrs_endpoint)
                .hint_text("https://lrs.example.com/xAPI/")
                .desired_width(320.0);
            changed |= ui.add(field).labelled_by(label.id).lost_focus();
            ui.end_row();
            let label = ui.label(lang.t("Key", "Klucz"));
            changed |= ui
                .add(egui::TextEdit::singleline(&mut s.lrs_key).desired_width(320.0))
                .labelled_by(label.id)
                .lost_focus();
            ui.end_row();
            let label = ui.label(lang.t("Secret", "Hasło (secret)"));
            changed |= ui
                .add(egui::TextEdit::singleline(&mut s.lrs_secret).password(true).desired_width(320.0))
                .labelled_by(label.id)
                .lost_focus();
            ui.end_row();
        });
        if changed {
            intents.push(Intent::ConfigureLrs);
        }
        ui.horizontal_wrapped(|ui| {
            let (text, color) = status_text(lang, &status);
            ui.label(RichText::new(text).color(color.unwrap_or_else(|| theme::muted(ui))));
            let configured = lrs_config(&app.settings).is_set();
            if ui.add_enabled(configured, egui::Button::new(lang.t("Send now", "Wyślij teraz"))).clicked() {
                intents.push(Intent::SendToLrs);
            }
        });
        if status.rejected > 0 {
            let dir = crate::core::lrs::outbox::Outbox::in_data_dir(&app.config.data_dir).rejected_dir();
            ui.label(
                RichText::new(format!(
                    "{} {} {}",
                    status.rejected,
                    lang.t(
                        "statement(s) were refused by the LRS and are kept in",
                        "komunikat(ów) LRS odrzucił; są zachowane w"
                    ),
                    dir.display()
                ))
                .color(theme::WARN),
            );
        }
        ui.label(
            RichText::new(lang.t(
                "Each finished call is queued on this computer and sent when the LRS answers; nothing is lost while it is away. SETTLE_LRS_ENDPOINT, SETTLE_LRS_KEY and SETTLE_LRS_SECRET override these fields.",
                "Każda zakończona rozmowa czeka w kolejce na tym komputerze i jest wysyłana, gdy LRS odpowie; nic nie ginie w czasie przerwy. Zmienne SETTLE_LRS_ENDPOINT, SETTLE_LRS_KEY i SETTLE_LRS_SECRET mają pierwszeństwo przed tymi polami.",
            ))
            .small()
            .color(theme::muted(ui)),
        );
    });
}

/// The courier's state as one sentence, and a warning colour when something is stuck.
pub fn status_text(lang: Lang, status: &CourierStatus) -> (String, Option<Color32>) {
    if !status.configured {
        let text = lang.t(
            "Not set: calls are kept in the reports folder only.",
            "Nie ustawiono: rozmowy trafiają tylko do folderu raportów.",
        );
        return (text.to_string(), None);
    }
    let Some(error) = &status.error else {
        let text = match status.last_attempt {
            None => lang.t("Checking the queue…", "Sprawdzanie kolejki…").to_string(),
            Some(_) if status.waiting > 0 => {
                format!(
                    "{} {}",
                    status.waiting,
                    lang.t("call(s) queued, sending…", "rozmów(y) w kolejce, wysyłanie…")
                )
            }
            Some(_) if status.sent == 0 => {
                lang.t("Nothing is waiting to be sent.", "Nic nie czeka na wysłanie.").to_string()
            }
            Some(_) => format!(
                "{} ({} {})",
                lang.t("Every finished call has been sent", "Wszystkie zakończone rozmowy wysłano"),
                status.sent,
                lang.t("statement(s) this session", "komunikat(ów) w tej sesji")
            ),
        };
        return (text, None);
    };
    let why = match error {
        DeliveryError::Unreachable(detail) => {
            format!("{} ({detail})", lang.t("the LRS cannot be reached", "brak połączenia z LRS"))
        }
        DeliveryError::Unauthorised { status, .. } => format!(
            "{} ({status})",
            lang.t("the LRS refused the key and secret", "LRS odrzucił klucz i hasło")
        ),
        DeliveryError::Server { status, detail } => {
            format!("{} ({status} {detail})", lang.t("the LRS reported an error", "LRS zgłosił błąd"))
        }
    };
    let retry = status
        .retry_in
        .map(|d| format!("; {} {} s", lang.t("next try in", "kolejna próba za"), d.as_secs()))
        .unwrap_or_default();
    let text = format!("{} {}: {why}{retry}.", status.waiting, lang.t("call(s) waiting", "rozmów(y) czeka"));
    (text, Some(theme::WARN))
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    #[test]
    fn a_stuck_queue_says_why_and_when_in_both_languages() {
        let status = CourierStatus {
            configured: true,
            waiting: 3,
            error: Some(DeliveryError::Unauthorised { status: 401, detail: String::new() }),
            last_attempt: Some(chrono::Utc::now()),
            retry_in: Some(Duration::from_secs(20)),
            ..CourierStatus::default()
        };
        let (en, color) = status_text(Lang::En, &status);
        assert_eq!(en, "3 call(s) waiting: the LRS refused the key and secret (401); next try in 20 s.");
        assert_eq!(color, Some(theme::WARN));
        let (pl, _) = status_text(Lang::Pl, &status);
        assert_eq!(pl, "3 rozmów(y) czeka: LRS odrzucił klucz i hasło (401); kolejna próba za 20 s.");
        let (off, color) = status_text(Lang::En, &CourierStatus::default());
        assert!(off.starts_with("Not set"), "{off}");
        assert_eq!(color, None);
    }
}
