//! The screens, one module each, behind a top bar. Each screen borrows only what it draws and
//! pushes [`Intent`]s; none changes app state beyond the fields its widgets edit.

mod authoring;
mod briefing;
mod call;
mod dashboard;
mod debrief;
mod library;
mod lrs;
mod wrapup;

use egui::RichText;

use crate::{Intent, Route, SettleApp, theme};
use settle_i18n::Lang;

pub fn frame(app: &mut SettleApp, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
    let lang = app.settings.lang;
    egui::Panel::top("top-bar").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.label(RichText::new("Settle").family(theme::bold()).size(20.0).color(theme::ACCENT));
            ui.label(RichText::new(lang.tr("app-tagline")).color(theme::muted(ui)));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let dark = app.settings.dark;
                let theme_label = if dark { lang.tr("theme-light") } else { lang.tr("theme-dark") };
                if ui.button(theme_label).clicked() {
                    app.settings.dark = !dark;
                }
                if matches!(app.route, Route::Library) {
                    if ui.button(lang.tr("top-reports")).clicked() {
                        intents.push(Intent::OpenDashboard);
                    }
                    if ui.button(lang.tr("top-trainer-tools")).clicked() {
                        intents.push(Intent::OpenAuthoring);
                    }
                } else if matches!(app.route, Route::Authoring(_) | Route::Dashboard(_))
                    && ui.button(lang.tr("back-to-library")).clicked()
                {
                    intents.push(Intent::BackToLibrary);
                }
                for choice in [Lang::Pl, Lang::En] {
                    ui.selectable_value(&mut app.settings.lang, choice, choice.name());
                }
                if !app.settings.trainee.trim().is_empty() {
                    ui.label(RichText::new(app.settings.trainee.trim()).color(theme::muted(ui)));
                }
            });
        });
        ui.add_space(2.0);
    });
    if let Some(notice) = app.notice.clone() {
        egui::Panel::top("notice").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.add(egui::Label::new(RichText::new(notice).color(theme::WARN)).wrap());
                if ui.button(lang.tr("notice-dismiss")).clicked() {
                    app.notice = None;
                }
            });
        });
    }
    match &app.route {
        Route::Library => library::show(app, ui, intents),
        Route::Briefing(_) => briefing::show(app, ui, intents),
        Route::Call(_) => call::show(app, ui, intents),
        Route::WrapUp(_) => wrapup::show(app, ui, intents),
        Route::Debrief(_) => debrief::show(app, ui, intents),
        Route::Authoring(_) => authoring::show(app, ui, intents),
        Route::Dashboard(_) => dashboard::show(app, ui, intents),
    }
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
