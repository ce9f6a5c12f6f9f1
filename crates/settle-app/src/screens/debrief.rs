//! The debrief: total and pass/fail, each score part explained, the style map, the mood
//! curves, the wrap-up against the real terms and the turn-by-turn transcript with stance,
//! ploy, violation and the trainer's feedback.

use egui::RichText;
use egui_plot::{Legend, Line, Plot, PlotPoints};
use settle_lrs::courier::CourierStatus;

use crate::screens::primary_button;
use crate::widgets::style_map::{StyleMap, style_map_ui};
use crate::{DebriefState, Intent, SaveState, theme};
use settle_core::scoring::StepState;
use settle_core::wrapup::FieldValue;
use settle_i18n::Lang;
use settle_i18n::{ScorePart, score_parts};
use settle_store::debrief::{mood_series, style_path, wrap_up_rows};
use settle_store::report::Report;

/// The debrief; `lrs` is the courier's status when the trainee should see where the call went.
pub fn debrief_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    state: &DebriefState,
    lrs: Option<&CourierStatus>,
    intents: &mut Vec<Intent>,
) {
    egui::Panel::bottom("debrief-actions").show(ui, |ui| {
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if primary_button(ui, lang.tr("debrief-replay")).clicked() {
                intents.push(Intent::ReplaySameSeed);
            }
            if ui.button(lang.tr("debrief-new-seed")).clicked() {
                intents.push(Intent::TryNewSeed);
            }
            if state.from_reports {
                if ui.button(lang.tr("debrief-back-to-reports")).clicked() {
                    intents.push(Intent::OpenDashboard);
                }
            } else if ui.button(lang.tr("back-to-library")).clicked() {
                intents.push(Intent::BackToLibrary);
            }
        });
        ui.add_space(8.0);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            header(ui, lang, state, lrs, intents);
            ui.add_space(10.0);
            let report = &state.report;
            ui.columns(2, |cols| {
                theme::card(&cols[0]).show(&mut cols[0], |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(RichText::new(lang.tr("debrief-score-parts")).family(theme::bold()).size(16.0));
                    parts(ui, lang, report);
                });
                theme::card(&cols[1]).show(&mut cols[1], |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(RichText::new(lang.tr("debrief-style")).family(theme::bold()).size(16.0));
                    let path = style_path(report);
                    style_map_ui(ui, &StyleMap { zone: state.persona.target.style_zone, path: &path, lang });
                    ui.label(RichText::new(lang.tr("debrief-style-legend")).small().color(theme::muted(ui)));
                });
            });
            ui.add_space(10.0);
            ui.columns(2, |cols| {
                theme::card(&cols[0]).show(&mut cols[0], |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(RichText::new(lang.tr("debrief-steps")).family(theme::bold()).size(16.0));
                    steps(ui, lang, report);
                });
                theme::card(&cols[1]).show(&mut cols[1], |ui| {
                    ui.set_width(ui.available_width());
                    ui.label(RichText::new(lang.tr("debrief-self")).family(theme::bold()).size(16.0));
                    self_assessment(ui, lang, report);
                });
            });
            ui.add_space(10.0);
            theme::card(ui).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(lang.tr("debrief-moods")).family(theme::bold()).size(16.0));
                moods(ui, lang, report);
            });
            ui.add_space(10.0);
            theme::card(ui).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(lang.tr("debrief-wrap-up")).family(theme::bold()).size(16.0));
                wrap_up(ui, lang, report, &state.persona.case_file.currency);
            });
            ui.add_space(10.0);
            theme::card(ui).show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(RichText::new(lang.tr("debrief-turns")).family(theme::bold()).size(16.0));
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
        ui.heading(lang.tr_args("debrief-title", &[("persona", (&state.report.persona.name).into())]));
        ui.label(
            RichText::new(lang.tr_args("debrief-seed", &[("seed", state.report.seed.to_string().into())]))
                .small()
                .color(theme::muted(ui)),
        );
    });
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(lang.tr_args("debrief-total", &[("score", lang.score(s.total).into())]))
                .family(theme::bold())
                .size(30.0),
        );
        let (text, color) = if s.passed {
            (lang.tr("passed-verdict"), theme::GOOD)
        } else {
            (lang.tr("failed-verdict"), theme::BAD)
        };
        ui.label(RichText::new(text).family(theme::bold()).size(22.0).color(color));
        ui.label(
            RichText::new(lang.tr_args("debrief-pass-mark", &[("mark", s.pass_mark.into())]))
                .color(theme::muted(ui)),
        );
    });
    if let Some(reason) = s.fail_reason {
        ui.label(RichText::new(lang.fail_reason(reason)).color(theme::BAD));
    }
    ui.label(lang.tr_args("debrief-outcome", &[("outcome", lang.outcome(state.report.end.outcome).into())]));
    match &state.saved {
        // No spinner: it would repaint every frame; the saving thread asks for the frame
        // that says how it went.
        SaveState::Saving => {
            ui.label(RichText::new(lang.tr("debrief-saving")).small().color(theme::muted(ui)));
        }
        SaveState::Saved(path) => {
            ui.label(
                RichText::new(lang.tr_args("debrief-saved", &[("path", path.display().to_string().into())]))
                    .small()
                    .color(theme::muted(ui)),
            );
        }
        SaveState::Failed(error) => {
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(lang.tr_args("debrief-not-saved", &[("error", error.into())]))
                        .color(theme::BAD),
                );
                if ui.button(lang.tr("debrief-retry-save")).clicked() {
                    intents.push(Intent::RetrySave);
                }
            });
        }
    }
    if let Some(status) = lrs {
        let (text, color) = crate::screens::lrs::status_text(lang, status);
        let text = lang.tr_args("debrief-lrs", &[("status", text.into())]);
        ui.label(RichText::new(text).small().color(color.unwrap_or_else(|| theme::muted(ui))));
    }
}

fn parts(ui: &mut egui::Ui, lang: Lang, report: &Report) {
    egui::Grid::new("parts").num_columns(3).striped(true).spacing([12.0, 8.0]).min_col_width(60.0).show(
        ui,
        |ui| {
            for ScorePart { name, score, weight, why } in score_parts(lang, &report.score, report.end.outcome)
            {
                ui.vertical(|ui| {
                    ui.set_min_width(130.0);
                    ui.label(RichText::new(name).family(theme::bold()));
                    ui.label(
                        RichText::new(lang.tr_args("weight", &[("weight", weight.into())]))
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
        for h in [lang.tr("debrief-field"), lang.tr("debrief-recorded"), lang.tr("debrief-real"), ""] {
            ui.label(RichText::new(h).family(theme::bold()));
        }
        ui.end_row();
        for row in wrap_up_rows(report) {
            ui.label(lang.wrap_up_field(row.field));
            ui.label(value(lang, row.recorded, currency));
            ui.label(value(lang, row.real, currency));
            if row.right {
                ui.label(RichText::new(lang.tr("debrief-right")).family(theme::bold()).color(theme::GOOD));
            } else {
                ui.label(RichText::new(lang.tr("debrief-wrong")).family(theme::bold()).color(theme::BAD));
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
            ui.label(RichText::new(lang.tr("you")).family(theme::bold()).color(theme::ACCENT));
            ui.add(egui::Label::new(t.reply.as_deref().unwrap_or(lang.tr("silence"))).wrap());
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(lang.tr_args(
                    "stance",
                    &[
                        ("empathy", format!("{:+}", t.stance.empathy).into()),
                        ("firmness", format!("{:+}", t.stance.firmness).into()),
                    ],
                ))
                .small()
                .color(theme::muted(ui)),
            );
            if let Some(ploy) = t.ploy {
                let color = match t.handling {
                    Some(settle_core::vocabulary::PloyHandling::Countered) => theme::GOOD,
                    Some(settle_core::vocabulary::PloyHandling::FellFor) => theme::BAD,
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
                    RichText::new(lang.tr_args("trainer-feedback", &[("feedback", feedback.into())]))
                        .color(theme::muted(ui)),
                )
                .wrap(),
            );
        }
        ui.separator();
    }
}

/// Each required step: taken at which turn, taken too late, missed, or not required in this call.
fn steps(ui: &mut egui::Ui, lang: Lang, report: &Report) {
    let results = &report.score.step_results;
    if results.is_empty() {
        ui.label(RichText::new(lang.tr("debrief-no-steps")).color(theme::muted(ui)));
        return;
    }
    for r in results {
        let (mark, color) = match r.state() {
            StepState::NotRequired => ("–", theme::muted(ui)),
            StepState::Done(_) => ("✔", theme::GOOD),
            StepState::Late(_) | StepState::Missed => ("✘", theme::BAD),
        };
        let state = lang.step_state(r.state());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(mark).color(color).family(theme::bold()));
            ui.label(&r.name);
            ui.label(RichText::new(state).color(color));
            if r.critical {
                ui.label(RichText::new(lang.tr("debrief-step-critical")).small().color(theme::muted(ui)));
            }
        });
    }
}

/// What the trainee expected, beside what happened.
fn self_assessment(ui: &mut egui::Ui, lang: Lang, report: &Report) {
    let Some(mine) = &report.self_assessment else {
        ui.label(RichText::new(lang.tr("debrief-self-none")).color(theme::muted(ui)));
        return;
    };
    let s = &report.score;
    egui::Grid::new("self-vs-real").num_columns(3).spacing([12.0, 6.0]).show(ui, |ui| {
        ui.label("");
        ui.label(RichText::new(lang.tr("debrief-self-expected")).family(theme::bold()));
        ui.label(RichText::new(lang.tr("debrief-self-real")).family(theme::bold()));
        ui.end_row();
        ui.label(lang.tr("debrief-self-score"));
        ui.label(mine.expected_score.map_or("—".to_string(), |v| v.to_string()));
        ui.label(lang.score(s.total));
        ui.end_row();
        ui.label(lang.tr("debrief-self-style"));
        ui.label(mine.style.map_or("—", |st| lang.style(st)));
        ui.label(lang.style(s.style));
        ui.end_row();
    });
    if !mine.differently.is_empty() {
        ui.label(RichText::new(lang.tr("debrief-self-differently")).family(theme::bold()));
        ui.label(&mine.differently);
    }
}
