//! The debrief: total and pass/fail, each score part explained, the style map, the mood
//! curves, the wrap-up against the real terms and the turn-by-turn transcript with stance,
//! ploy, violation and the trainer's feedback.

use crate::core::lrs::courier::CourierStatus;
use egui::RichText;
use egui_plot::{Legend, Line, Plot, PlotPoints};

use crate::app::screens::primary_button;
use crate::app::widgets::style_map::{StyleMap, style_map_ui};
use crate::app::{DebriefState, Intent, Route, SettleApp, theme};
use crate::core::debrief::{FieldValue, WrapUpField, mood_series, style_path, wrap_up_rows};
use crate::core::report::Report;
use crate::core::scoring::ScoreCard;
use crate::i18n::Lang;

pub fn show(app: &mut SettleApp, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
    let lang = app.settings.lang;
    let Route::Debrief(state) = &app.route else { return };
    // The trainee sees where their call went; a report opened from the dashboard was sent long ago.
    let lrs = Some(app.courier.status()).filter(|s| s.configured && !state.from_reports);
    egui::Panel::bottom("debrief-actions").show(ui, |ui| {
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if primary_button(ui, lang.t("Replay the same call", "Powtórz tę samą rozmowę")).clicked() {
                intents.push(Intent::ReplaySameSeed);
            }
            if ui.button(lang.t("Try again with a new seed", "Spróbuj z nowym losowaniem")).clicked() {
                intents.push(Intent::TryNewSeed);
            }
            if state.from_reports {
                if ui.button(lang.t("Back to reports", "Wróć do raportów")).clicked() {
                    intents.push(Intent::OpenDashboard);
                }
            } else if ui.button(lang.t("Back to library", "Wróć do biblioteki")).clicked() {
                intents.push(Intent::BackToLibrary);
            }
        });
        ui.add_space(8.0);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            header(ui, lang, state, lrs.as_ref(), intents);
            ui.add_space(10.0);
            let report = &state.report;
            ui.columns(2, |cols| {
                theme::card(&cols[0]).show(&mut cols[0], |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(
                        RichText::new(lang.t("Score parts", "Składowe wyniku"))
                            .family(theme::bold())
                            .size(16.0),
                    );
                    parts(ui, lang, report);
                });
                theme::card(&cols[1]).show(&mut cols[1], |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(
                        RichText::new(lang.t("Negotiation style", "Styl negocjacji"))
                            .family(theme::bold())
                            .size(16.0),
                    );
                    let path = style_path(report);
                    style_map_ui(ui, &StyleMap { zone: state.persona.target.style_zone, path: &path, lang });
                    ui.label(
                        RichText::new(lang.t(
                            "Green: the target zone. The line follows your style turn by turn.",
                            "Na zielono: strefa docelowa. Linia pokazuje Twój styl tura po turze.",
                        ))
                        .small()
                        .color(theme::muted(ui)),
                    );
                });
            });
            ui.add_space(10.0);
            theme::card(ui).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(lang.t("Mood over the call", "Nastroje w trakcie rozmowy"))
                        .family(theme::bold())
                        .size(16.0),
                );
                moods(ui, lang, report);
            });
            ui.add_space(10.0);
            theme::card(ui).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(lang.t(
                        "Your wrap-up against what was agreed",
                        "Twoje podsumowanie a faktyczne ustalenia",
                    ))
                    .family(theme::bold())
                    .size(16.0),
                );
                wrap_up(ui, lang, report, &state.persona.case_file.currency);
            });
            ui.add_space(10.0);
            theme::card(ui).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(lang.t("Turn by turn", "Tura po turze")).family(theme::bold()).size(16.0),
                );
                transcript(ui, lang, report);
            });
        });
    });
}

fn header(
    ui: &mut egui::Ui,
    lang: Lang,
    state: &DebriefState,
    lrs: Option<&CourierStatus>,
    intents: &mut Vec<Intent>,
) {
    let s = &state.report.score;
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        ui.heading(format!("{}: {}", lang.t("Debrief", "Omówienie"), state.report.persona.name));
        ui.label(
            RichText::new(format!("{} {}", lang.t("seed", "losowanie"), state.report.seed))
                .small()
                .color(theme::muted(ui)),
        );
    });
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(format!("{} {} / 100", lang.t("Total", "Wynik"), lang.score(s.total)))
                .family(theme::bold())
                .size(30.0),
        );
        let (text, color) = if s.passed {
            (lang.t("PASSED", "ZALICZONE"), theme::GOOD)
        } else {
            (lang.t("FAILED", "NIEZALICZONE"), theme::BAD)
        };
        ui.label(RichText::new(text).family(theme::bold()).size(22.0).color(color));
        ui.label(
            RichText::new(format!("{} {}", lang.t("pass mark", "próg zaliczenia"), s.pass_mark))
                .color(theme::muted(ui)),
        );
    });
    if let Some(reason) = s.fail_reason {
        ui.label(RichText::new(lang.fail_reason(reason)).color(theme::BAD));
    }
    ui.label(format!("{}: {}", lang.t("Outcome", "Wynik rozmowy"), lang.outcome(state.report.end.outcome)));
    match &state.saved {
        Ok(path) => {
            ui.label(
                RichText::new(format!("{} {}", lang.t("Report saved:", "Raport zapisany:"), path.display()))
                    .small()
                    .color(theme::muted(ui)),
            );
        }
        Err(error) => {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(format!(
                        "{} {error}",
                        lang.t("The report could not be saved:", "Nie udało się zapisać raportu:")
                    ))
                    .color(theme::BAD),
                );
                if ui.button(lang.t("Try saving again", "Spróbuj zapisać ponownie")).clicked() {
                    intents.push(Intent::RetrySave);
                }
            });
        }
    }
    if let Some(status) = lrs {
        let (text, color) = crate::app::screens::lrs::status_text(lang, status);
        let text = format!("{} {text}", lang.t("Learning record store:", "Rejestr szkoleń LRS:"));
        ui.label(RichText::new(text).small().color(color.unwrap_or_else(|| theme::muted(ui))));
    }
}

/// One sentence per part, in the trainee's language, from the score card's numbers.
pub fn explain(lang: Lang, report: &Report) -> [(&'static str, Option<f64>, u32, String); 5] {
    let s: &ScoreCard = &report.score;
    let w = s.weights;
    let outcome = format!(
        "{} = {} {}; {} {} {} {}",
        lang.outcome(report.end.outcome),
        s.outcome_points,
        lang.t("points", "pkt"),
        s.turns,
        lang.t("turns of", "tur z"),
        s.turn_budget,
        lang.t("planned", "planowanych"),
    );
    let style = if s.style_distance == 0.0 {
        format!("{} — {}", lang.style(s.style), lang.t("inside the target zone", "w strefie docelowej"))
    } else {
        format!(
            "{} — {:.2} {}",
            lang.style(s.style),
            s.style_distance,
            lang.t("from the target zone", "od strefy docelowej")
        )
    };
    let conduct = if s.violations.is_empty() {
        lang.t("No conduct violations", "Bez naruszeń zasad").to_string()
    } else {
        s.violations
            .iter()
            .map(|(k, sev)| format!("{} ({})", lang.violation(*k), lang.severity(*sev)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let ploys = if s.ploys_met == 0 {
        lang.t("No ploy met: not scored", "Brak wybiegów: nie oceniano").to_string()
    } else {
        format!(
            "{} {}: {} {}, {} {}",
            s.ploys_met,
            lang.t("met", "napotkane"),
            s.ploys_countered,
            lang.t("countered", "odparte"),
            s.ploys_fallen_for,
            lang.t("fallen for", "skuteczne")
        )
    };
    let c = s.wrap_up_check;
    let right =
        [c.outcome, c.amount, c.instalments, c.first_due, c.next_step].iter().filter(|ok| **ok).count();
    let wrap = format!("{right} / 5 {}", lang.t("fields right", "pól poprawnie"));
    [
        (lang.t("Outcome", "Rezultat"), Some(s.outcome), w.outcome, outcome),
        (lang.t("Style fit", "Dopasowanie stylu"), Some(s.style_fit), w.style, style),
        (lang.t("Conduct", "Zasady rozmowy"), Some(s.conduct), w.conduct, conduct),
        (lang.t("Ploy handling", "Reakcja na wybiegi"), s.ploys, w.ploys, ploys),
        (lang.t("Wrap-up", "Podsumowanie"), Some(s.wrap_up), w.wrap_up, wrap),
    ]
}

fn parts(ui: &mut egui::Ui, lang: Lang, report: &Report) {
    egui::Grid::new("parts").num_columns(3).striped(true).spacing([12.0, 8.0]).min_col_width(60.0).show(
        ui,
        |ui| {
            for (name, score, weight, why) in explain(lang, report) {
                ui.vertical(|ui| {
                    ui.set_min_width(130.0);
                    ui.label(RichText::new(name).family(theme::bold()));
                    ui.label(
                        RichText::new(format!("{} {weight}", lang.t("weight", "waga")))
                            .small()
                            .color(theme::muted(ui)),
                    );
                });
                ui.label(RichText::new(score.map_or("—".to_string(), |v| lang.score(v))).size(18.0));
                ui.add(egui::Label::new(why).wrap());
                ui.end_row();
            }
        },
    );
}

fn moods(ui: &mut egui::Ui, lang: Lang, report: &Report) {
    let series = mood_series(report);
    Plot::new("moods")
        .height(180.0)
        .legend(Legend::default())
        .include_y(0.0)
        .include_y(100.0)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .show(ui, |plot| {
            for s in series {
                let points: PlotPoints =
                    s.values.iter().enumerate().map(|(i, v)| [i as f64, f64::from(*v)]).collect();
                plot.line(Line::new(lang.mood(&s.name), points).width(2.0));
            }
        });
}

fn value(lang: Lang, v: Option<FieldValue>, currency: &str) -> String {
    match v {
        None => "—".into(),
        Some(FieldValue::Outcome(o)) => lang.outcome(o).into(),
        Some(FieldValue::Amount(m)) => lang.money(m, currency),
        Some(FieldValue::Count(n)) => n.to_string(),
        Some(FieldValue::Date(d)) => lang.date(d),
        Some(FieldValue::NextStep(s)) => lang.next_step(s).into(),
    }
}

fn wrap_up(ui: &mut egui::Ui, lang: Lang, report: &Report, currency: &str) {
    egui::Grid::new("wrap-up-check").num_columns(4).striped(true).spacing([14.0, 6.0]).show(ui, |ui| {
        for h in [
            lang.t("Field", "Pole"),
            lang.t("You recorded", "Twój zapis"),
            lang.t("Really agreed", "Faktycznie"),
            "",
        ] {
            ui.label(RichText::new(h).family(theme::bold()));
        }
        ui.end_row();
        for row in wrap_up_rows(report) {
            let name = match row.field {
                WrapUpField::Outcome => lang.t("Outcome", "Wynik rozmowy"),
                WrapUpField::Amount => lang.t("Amount", "Kwota"),
                WrapUpField::Instalments => lang.t("Instalments", "Liczba rat"),
                WrapUpField::FirstDue => lang.t("First due date", "Termin pierwszej płatności"),
                WrapUpField::NextStep => lang.t("Next step", "Następny krok"),
            };
            ui.label(name);
            ui.label(value(lang, row.recorded, currency));
            ui.label(value(lang, row.real, currency));
            if row.right {
                ui.label(RichText::new(lang.t("right", "dobrze")).family(theme::bold()).color(theme::GOOD));
            } else {
                ui.label(RichText::new(lang.t("wrong", "źle")).family(theme::bold()).color(theme::BAD));
            }
            ui.end_row();
        }
    });
    if !report.end.summary.is_empty() {
        ui.add_space(4.0);
        ui.add(egui::Label::new(RichText::new(&report.end.summary).italics()).wrap());
    }
}

fn transcript(ui: &mut egui::Ui, lang: Lang, report: &Report) {
    for (i, t) in report.turns.iter().enumerate() {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{}.", i + 1)).family(theme::bold()));
            ui.label(RichText::new(&report.persona.name).family(theme::bold()));
            ui.add(egui::Label::new(&t.debtor_line).wrap());
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(lang.t("You", "Ty")).family(theme::bold()).color(theme::ACCENT));
            ui.add(egui::Label::new(t.reply.as_deref().unwrap_or(lang.t("(silence)", "(milczenie)"))).wrap());
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!(
                    "{} {:+} · {} {:+}",
                    lang.t("empathy", "empatia"),
                    t.stance.empathy,
                    lang.t("firmness", "stanowczość"),
                    t.stance.firmness
                ))
                .small()
                .color(theme::muted(ui)),
            );
            if let Some(ploy) = t.ploy {
                let color = match t.handling {
                    Some(crate::core::format::PloyHandling::Countered) => theme::GOOD,
                    Some(crate::core::format::PloyHandling::FellFor) => theme::BAD,
                    None => theme::WARN,
                };
                ui.label(
                    RichText::new(format!("{}: {}", lang.ploy(ploy), lang.handling(t.handling)))
                        .small()
                        .color(color),
                );
            }
            if let Some(v) = t.violation {
                ui.label(
                    RichText::new(format!("{} ({})", lang.violation(v.kind), lang.severity(v.severity)))
                        .small()
                        .color(theme::BAD),
                );
            }
        });
        if let Some(feedback) = &t.feedback {
            ui.add(
                egui::Label::new(
                    RichText::new(format!("{} {feedback}", lang.t("Trainer:", "Trener:")))
                        .color(theme::muted(ui)),
                )
                .wrap(),
            );
        }
        ui.separator();
    }
}
