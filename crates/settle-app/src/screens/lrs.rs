//! The learning record store's part of the settings screen (endpoint, key, secret, send
//! now) and the courier's state in words: what is waiting, why, and when the next try is.

use std::path::Path;

use egui::{Color32, RichText};

use crate::state::SettingsForm;
use crate::{Intent, theme};
use settle_i18n::Lang;
use settle_lrs::client::DeliveryError;
use settle_lrs::courier::CourierStatus;

/// The LRS fields of `form` (applied when one loses focus) and the courier's `status`.
pub fn lrs_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    form: &mut SettingsForm,
    status: &CourierStatus,
    rejected_dir: &Path,
    intents: &mut Vec<Intent>,
) {
    let title = match (status.configured, status.waiting) {
        (false, _) => lang.tr("lrs-title-off").to_string(),
        (true, 0) => lang.tr("lrs-title-on").to_string(),
        (true, n) => lang.tr_args("lrs-title-waiting", &[("count", n.into())]),
    };
    ui.label(RichText::new(title).family(theme::bold()).size(16.0));
    let mut changed = false;
    egui::Grid::new("lrs-grid")
        .num_columns(2)
        .min_col_width(super::settings::LABEL_WIDTH)
        .spacing([14.0, 8.0])
        .show(ui, |ui| {
            let label = ui.label(lang.tr("lrs-endpoint"));
            let field = egui::TextEdit::singleline(&mut form.lrs_endpoint)
                .hint_text("https://lrs.example.com/xAPI/")
                .desired_width(super::settings::FIELD_WIDTH);
            changed |= ui.add(field).labelled_by(label.id).lost_focus();
            ui.end_row();
            let label = ui.label(lang.tr("lrs-key"));
            changed |= ui
                .add(
                    egui::TextEdit::singleline(&mut form.lrs_key).desired_width(super::settings::FIELD_WIDTH),
                )
                .labelled_by(label.id)
                .lost_focus();
            ui.end_row();
            let label = ui.label(lang.tr("lrs-secret"));
            changed |= ui
                .add(
                    egui::TextEdit::singleline(&mut form.lrs_secret)
                        .password(true)
                        .desired_width(super::settings::FIELD_WIDTH),
                )
                .labelled_by(label.id)
                .lost_focus();
            ui.end_row();
        });
    if changed {
        intents.push(Intent::ApplySettings);
    }
    ui.horizontal_wrapped(|ui| {
        let (text, color) = status_text(lang, status);
        ui.label(RichText::new(text).color(color.unwrap_or_else(|| theme::muted(ui))));
        // Typed but not yet applied counts: "Send now" applies the fields first.
        let configured = status.configured || !form.lrs_endpoint.trim().is_empty();
        if ui.add_enabled(configured, egui::Button::new(lang.tr("lrs-send-now"))).clicked() {
            intents.push(Intent::SendToLrs);
        }
    });
    if status.rejected > 0 {
        ui.label(
            RichText::new(lang.tr_args(
                "lrs-rejected",
                &[("count", status.rejected.into()), ("folder", rejected_dir.display().to_string().into())],
            ))
            .color(theme::WARN),
        );
    }
    ui.add(egui::Label::new(RichText::new(lang.tr("lrs-help")).small().color(theme::muted(ui))).wrap());
}

/// The courier's state as one sentence, and a warning colour when something is stuck.
pub fn status_text(lang: Lang, status: &CourierStatus) -> (String, Option<Color32>) {
    if !status.configured {
        return (lang.tr("lrs-not-set").to_string(), None);
    }
    let Some(error) = &status.error else {
        let text = match status.last_attempt {
            None => lang.tr("lrs-checking").to_string(),
            Some(_) if status.waiting > 0 => lang.tr_args("lrs-sending", &[("count", status.waiting.into())]),
            Some(_) if status.sent == 0 => lang.tr("lrs-nothing-waiting").to_string(),
            Some(_) => lang.tr_args("lrs-all-sent", &[("count", status.sent.into())]),
        };
        return (text, None);
    };
    let why = match error {
        DeliveryError::Unreachable(detail) => lang.tr_args("lrs-unreachable", &[("detail", detail.into())]),
        DeliveryError::Unauthorised { status, .. } => {
            lang.tr_args("lrs-unauthorised", &[("status", status.to_string().into())])
        }
        DeliveryError::Server { status, detail } => lang
            .tr_args("lrs-server-error", &[("status", status.to_string().into()), ("detail", detail.into())]),
    };
    let (count, why) = (("count", status.waiting.into()), ("why", why.into()));
    let text = match status.retry_in {
        Some(d) => lang.tr_args("lrs-waiting-retry", &[count, why, ("seconds", d.as_secs().into())]),
        None => lang.tr_args("lrs-waiting", &[count, why]),
    };
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
        assert_eq!(en, "3 calls waiting: the LRS refused the key and secret (401); next try in 20 seconds.");
        assert_eq!(color, Some(theme::WARN));
        let (pl, _) = status_text(Lang::Pl, &status);
        assert_eq!(pl, "3 rozmowy czekają: LRS odrzucił klucz i hasło (401); kolejna próba za 20 sekund.");
        let one = CourierStatus { waiting: 1, retry_in: Some(Duration::from_secs(1)), ..status.clone() };
        assert_eq!(
            status_text(Lang::En, &one).0,
            "1 call waiting: the LRS refused the key and secret (401); next try in 1 second."
        );
        let (pl, _) = status_text(Lang::Pl, &CourierStatus { waiting: 5, retry_in: None, ..status });
        assert_eq!(pl, "5 rozmów czeka: LRS odrzucił klucz i hasło (401).");
        let (off, color) = status_text(Lang::En, &CourierStatus::default());
        assert!(off.starts_with("Not set"), "{off}");
        assert_eq!(color, None);
    }
}
