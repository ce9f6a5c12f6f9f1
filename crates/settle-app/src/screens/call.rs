//! The call: the debtor's portrait following the mood, the transcript as a chat, the replies
//! as buttons (keys 1-9 choose too), the case file beside it, the reply timer and the call clock.

use egui::{Color32, RichText};

use crate::screens::primary_button;
use crate::widgets::meter::Meter;
use crate::widgets::portrait::PortraitCache;
use crate::widgets::{case_file, portrait};
use crate::{CallState, Intent, theme};
use settle_core::call::Mode;
use settle_core::portrait::portrait_for;
use settle_core::timer::clock;
use settle_i18n::Lang;

const NUMBER_KEYS: [egui::Key; 9] = [
    egui::Key::Num1,
    egui::Key::Num2,
    egui::Key::Num3,
    egui::Key::Num4,
    egui::Key::Num5,
    egui::Key::Num6,
    egui::Key::Num7,
    egui::Key::Num8,
    egui::Key::Num9,
];

/// The call screen; `call` is drawn, and only its case file's open/closed state is edited
/// here (its clock and reply timer are run by logic).
pub fn call_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    call: &mut CallState,
    portraits: &PortraitCache,
    intents: &mut Vec<Intent>,
) {
    let now = ui.input(|i| i.time);
    let clock_start = call.clock_start.unwrap_or(now);
    let persona = std::sync::Arc::clone(call.session.engine().persona());

    egui::Panel::top("call-bar").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label(RichText::new(&persona.name).family(theme::bold()).size(17.0));
            ui.label(RichText::new(&persona.company).color(theme::muted(ui)));
            ui.label(RichText::new(lang.mode(call.session.engine().mode())).color(theme::ACCENT));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let label =
                    if call.case_open { lang.tr("call-hide-case") } else { lang.tr("call-show-case") };
                if ui.button(label).clicked() {
                    call.case_open = !call.case_open;
                }
                ui.label(
                    RichText::new(lang.tr_args("call-time", &[("clock", clock(now - clock_start).into())]))
                        .monospace(),
                );
            });
        });
    });

    egui::Panel::right("case-file").resizable(true).default_size(420.0).show_collapsible(
        ui,
        &mut call.case_open,
        |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| {
                ui.heading(lang.tr("call-case-file"));
                case_file::summary_ui(ui, lang, &persona.case_file);
                ui.separator();
                case_file::debtor_ui(ui, lang, &persona.case_file);
                case_file::records_ui(ui, lang, &persona.case_file, "call");
            });
        },
    );

    egui::Panel::left("debtor").resizable(false).exact_size(250.0).show(ui, |ui| {
        ui.add_space(10.0);
        let shown = portrait_for(&persona, call.session.engine().moods());
        ui.vertical_centered(|ui| {
            portrait::show(ui, portraits, shown.map(|p| p.path.as_path()), &persona.name, 200.0);
            if let Some(p) = shown {
                ui.label(RichText::new(lang.expression(p.expression)).color(theme::muted(ui)));
            }
        });
        ui.add_space(10.0);
        match call.session.engine().mode() {
            Mode::Practice => {
                for (i, mood) in persona.moods.iter().enumerate() {
                    let label = lang.mood(&mood.name);
                    let value = call.session.engine().moods().values()[i];
                    ui.add(Meter { label: &label, value, color: mood_color(&mood.name, i) });
                }
            }
            Mode::Assessment => {
                ui.label(RichText::new(lang.tr("call-moods-hidden")).color(theme::muted(ui)));
            }
        }
    });

    egui::Panel::bottom("replies").show(ui, |ui| {
        ui.add_space(8.0);
        replies(ui, lang, call, now, intents);
        ui.add_space(8.0);
    });

    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink(false).stick_to_bottom(true).show(ui, |ui| {
            transcript(ui, lang, call, &persona.name);
        });
    });
}

/// Anger reads red and willingness green wherever they appear; other moods take the rest.
fn mood_color(name: &str, index: usize) -> Color32 {
    match name {
        "anger" | "stress" => theme::BAD,
        "willingness" => theme::GOOD,
        "trust" => theme::ACCENT,
        _ => [theme::WARN, Color32::from_rgb(120, 90, 170), Color32::from_rgb(90, 120, 160)][index % 3],
    }
}

fn replies(ui: &mut egui::Ui, lang: Lang, call: &CallState, now: f64, intents: &mut Vec<Intent>) {
    if let Some(end) = call.session.engine().end() {
        ui.horizontal(|ui| {
            ui.label(RichText::new(lang.tr("call-over")).family(theme::bold()).size(16.0));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if primary_button(ui, lang.tr("call-to-wrap-up")).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Enter))
                {
                    intents.push(Intent::ToWrapUp);
                }
            });
        });
        if !end.summary.is_empty() {
            ui.label(RichText::new(&end.summary).color(theme::muted(ui)));
        }
        return;
    }
    if let Some(timer) = call.timer {
        let left = timer.fraction_left(now);
        let color = if left > 0.5 {
            theme::GOOD
        } else if left > 0.2 {
            theme::WARN
        } else {
            theme::BAD
        };
        let remaining = timer.remaining(now).ceil();
        ui.label(
            RichText::new(
                lang.tr_args("call-time-to-reply", &[("seconds", format!("{remaining:.0}").into())]),
            )
            .color(color),
        );
        ui.add(egui::ProgressBar::new(left).fill(color).desired_height(6.0));
        ui.add_space(4.0);
    }
    ui.label(RichText::new(lang.tr("call-your-reply")).color(theme::muted(ui)));
    let offers = call.session.engine().offers();
    let pressed = ui.input(|i| NUMBER_KEYS.iter().position(|k| i.key_pressed(*k)));
    for (i, offer) in offers.iter().enumerate() {
        let text = format!("{}. {}", i + 1, offer.text);
        let button = egui::Button::new(text).wrap().min_size(egui::vec2(ui.available_width(), 34.0));
        if ui.add(button).clicked() || pressed == Some(i) {
            intents.push(Intent::Choose(offer.reply));
        }
    }
}

fn transcript(ui: &mut egui::Ui, lang: Lang, call: &CallState, debtor: &str) {
    let bubble = |ui: &mut egui::Ui, who: &str, text: &str, mine: bool| {
        let layout = if mine {
            egui::Layout::right_to_left(egui::Align::TOP)
        } else {
            egui::Layout::left_to_right(egui::Align::TOP)
        };
        ui.with_layout(layout, |ui| {
            let fill = if mine { theme::ACCENT.gamma_multiply(0.18) } else { theme::card_fill(ui) };
            egui::Frame::new()
                .fill(fill)
                .corner_radius(egui::CornerRadius::same(10))
                .inner_margin(egui::Margin::symmetric(12, 8))
                .show(ui, |ui| {
                    ui.set_max_width((ui.available_width() * 0.75).max(240.0));
                    ui.vertical(|ui| {
                        ui.label(RichText::new(who).small().family(theme::bold()).color(theme::muted(ui)));
                        ui.add(egui::Label::new(text).wrap());
                    });
                });
        });
        ui.add_space(6.0);
    };
    let you = lang.tr("you");
    ui.add_space(8.0);
    for turn in call.session.engine().turns() {
        bubble(ui, debtor, &turn.debtor_line, false);
        match &turn.reply {
            Some(reply) => bubble(ui, you, reply, true),
            None => bubble(ui, you, lang.tr("silence"), true),
        }
    }
    bubble(ui, debtor, call.session.engine().debtor_line(), false);
}
