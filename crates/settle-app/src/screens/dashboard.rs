//! The managers' dashboard: summary tiles, a sortable, filterable table of calls that stays
//! smooth with 100,000 rows (only the visible rows are laid out), exports, and the trainee and
//! persona views. Everything shown comes from the reports index's latest answer; its folder's
//! changes are read by logic and its exports written by commands: this screen edits its own
//! filters, sort, selection and view, and pushes intents.

use egui::RichText;
use egui_extras::{Column, TableBuilder};
use egui_plot::{Bar, BarChart, Legend, Line, Plot, PlotPoints, Points};

use crate::dashboard::{DashView, DashboardState, ExportKind, SortBy};
use crate::screens::choose_button;
use crate::{Intent, Pick, theme};
use settle_core::call::Mode;
use settle_core::vocabulary::Language;
use settle_i18n::Lang;
use settle_store::report::index::{FailureKind, Summary};
use settle_store::report::sign::Signature;

pub fn dashboard_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    state: &mut DashboardState,
    dialog_open: bool,
    intents: &mut Vec<Intent>,
) {
    state.update_order();
    if state.busy() {
        // The index answers from its own thread; look again soon without spinning.
        ui.ctx().request_repaint_after(std::time::Duration::from_millis(100));
    }
    egui::Panel::top("dash-tools").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(lang.tr("reports-folder"));
            ui.add(egui::TextEdit::singleline(&mut state.folder_text).desired_width(320.0))
                .labelled_by(label.id);
            if ui.button(lang.tr("open")).clicked() {
                intents.push(Intent::OpenReportsFolder(state.folder_text.trim().into()));
            }
            intents.extend(choose_button(ui, lang, dialog_open, Pick::DashboardFolder));
            ui.separator();
            for (view, name) in [(DashView::Table, lang.tr("dashboard-all-calls"))] {
                if ui.selectable_label(state.view == view, name).clicked() {
                    state.view = view;
                }
            }
        });
        if !state.skipped().is_empty() {
            ui.collapsing(
                lang.tr_args("dashboard-skipped", &[("count", state.skipped().len().into())]),
                |ui| {
                    for s in state.skipped() {
                        ui.label(
                            RichText::new(format!("{}: {}", s.path.display(), s.reason))
                                .small()
                                .color(theme::WARN),
                        );
                    }
                },
            );
        }
        ui.add_space(4.0);
    });
    match state.view.clone() {
        DashView::Table => table_view(ui, lang, state, dialog_open, intents),
        DashView::Trainee(name) => trainee_ui(ui, lang, state, &name),
        DashView::Persona(id) => persona_ui(ui, lang, state, &id),
    }
}

fn tiles(ui: &mut egui::Ui, lang: Lang, s: &Summary) {
    ui.horizontal_wrapped(|ui| {
        let tile = |ui: &mut egui::Ui, title: &str, value: String| {
            theme::card(ui).show(ui, |ui| {
                ui.set_min_width(150.0);
                ui.label(RichText::new(title).small().color(theme::muted(ui)));
                ui.label(RichText::new(value).family(theme::bold()).size(22.0));
            });
        };
        tile(ui, lang.tr("dashboard-calls"), s.calls.to_string());
        tile(ui, lang.tr("dashboard-pass-rate"), format!("{:.0}%", s.pass_rate * 100.0));
        tile(ui, lang.tr("dashboard-mean-score"), lang.score(s.mean_score));
        let failure = match s.top_failure {
            Some((FailureKind::CriticalError(kind), n)) => format!("{} ({n})", lang.violation(kind)),
            Some((FailureKind::MissedCriticalStep, n)) => {
                format!("{} ({n})", lang.tr("fail-missed-critical-step"))
            }
            Some((FailureKind::BelowPassMark, n)) => format!("{} ({n})", lang.tr("fail-below-pass-mark")),
            None => "—".into(),
        };
        tile(ui, lang.tr("dashboard-top-failure"), failure);
    });
}

fn table_view(
    ui: &mut egui::Ui,
    lang: Lang,
    state: &mut DashboardState,
    dialog_open: bool,
    intents: &mut Vec<Intent>,
) {
    egui::CentralPanel::default().show(ui, |ui| {
        let names = state.trainees().to_vec();
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(lang.tr("dashboard-search"));
            ui.add(egui::TextEdit::singleline(&mut state.filter.text).desired_width(160.0))
                .labelled_by(label.id);
            let label = ui.label(lang.tr("trainee"));
            egui::ComboBox::from_id_salt("dash-trainee")
                .selected_text(
                    state.filter.trainee.clone().unwrap_or_else(|| lang.tr("dashboard-all-trainees").into()),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut state.filter.trainee, None, lang.tr("dashboard-all-trainees"));
                    for n in &names {
                        ui.selectable_value(&mut state.filter.trainee, Some(n.clone()), n);
                    }
                })
                .response
                .labelled_by(label.id);
            ui.selectable_value(&mut state.filter.language, None, lang.tr("dashboard-any-language"));
            for language in Language::ALL {
                ui.selectable_value(
                    &mut state.filter.language,
                    Some(language),
                    language.code().to_uppercase(),
                );
            }
            ui.separator();
            ui.selectable_value(&mut state.filter.mode, None, lang.tr("dashboard-any-mode"));
            for mode in [Mode::Practice, Mode::Assessment] {
                ui.selectable_value(&mut state.filter.mode, Some(mode), lang.mode(mode));
            }
            ui.separator();
            ui.selectable_value(&mut state.filter.passed, None, lang.tr("dashboard-any-result"));
            ui.selectable_value(&mut state.filter.passed, Some(true), lang.tr("dashboard-passed"));
            ui.selectable_value(&mut state.filter.passed, Some(false), lang.tr("dashboard-failed"));
            ui.separator();
            let from = ui.label(lang.tr("dashboard-from"));
            ui.add(
                egui::TextEdit::singleline(&mut state.from_text).hint_text("2026-11-01").desired_width(100.0),
            )
            .labelled_by(from.id);
            let to = ui.label(lang.tr("dashboard-to"));
            ui.add(
                egui::TextEdit::singleline(&mut state.to_text).hint_text("2026-11-30").desired_width(100.0),
            )
            .labelled_by(to.id);
            state.apply_dates();
            state.update_order();
        });
        let shown = state.summary();
        tiles(ui, lang, &shown);
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(lang.tr("dashboard-export-to"));
            ui.add(egui::TextEdit::singleline(&mut state.export_text).desired_width(260.0))
                .labelled_by(label.id);
            intents.extend(choose_button(ui, lang, dialog_open, Pick::ExportFile));
            let mut export = None;
            if ui.button(lang.tr("dashboard-csv")).clicked() {
                export = Some(ExportKind::Csv);
            }
            if ui.button(lang.tr("dashboard-xapi")).clicked() {
                export = Some(ExportKind::Xapi);
            }
            let selected_row =
                state.selected.as_ref().and_then(|p| state.visible().iter().find(|r| &r.path == p));
            if let Some(row) = selected_row {
                let trainee = row.trainee.clone();
                let persona = row.persona.clone();
                let path = row.path.clone();
                if ui.button(lang.tr("dashboard-html")).clicked() {
                    export = Some(ExportKind::Html(trainee.clone()));
                }
                if ui.button(lang.tr("dashboard-open-call")).clicked() {
                    intents.push(Intent::OpenReport(path));
                }
                if ui.button(lang.tr("dashboard-trainee-view")).clicked() {
                    state.view = DashView::Trainee(trainee);
                }
                if ui.button(lang.tr("dashboard-persona-view")).clicked() {
                    state.view = DashView::Persona(persona);
                }
            }
            if let Some(kind) = export {
                intents.push(Intent::Export(kind));
            }
            if let Some(message) = &state.message {
                ui.label(RichText::new(message).small().color(theme::muted(ui)));
            }
        });
        ui.separator();
        let snapshot = state.snapshot.clone();
        let rows = snapshot.as_deref().map_or(&[][..], |s| s.lines.as_slice());
        let mut clicked = None;
        let mut sort = None;
        let header = |sort: &mut Option<SortBy>, ui: &mut egui::Ui, by: SortBy, name: &str| {
            if ui.button(RichText::new(name).family(theme::bold())).clicked() {
                *sort = Some(by);
            }
        };
        // Cells must not take the click for text selection: a click selects the row.
        ui.style_mut().interaction.selectable_labels = false;
        // Narrow windows scroll the table sideways rather than cut its last columns.
        egui::ScrollArea::horizontal().id_salt("calls-h").show(ui, |ui| {
            TableBuilder::new(ui)
                .id_salt("calls")
                .striped(true)
                .sense(egui::Sense::click())
                .column(Column::auto().at_least(130.0))
                .column(Column::auto().at_least(140.0))
                .column(Column::auto().at_least(160.0))
                .column(Column::auto().at_least(40.0))
                .column(Column::auto().at_least(80.0))
                .column(Column::auto().at_least(150.0))
                .column(Column::auto().at_least(60.0))
                .column(Column::auto().at_least(60.0))
                .column(Column::auto().at_least(70.0))
                .column(Column::remainder())
                .header(28.0, |mut h| {
                    h.col(|ui| header(&mut sort, ui, SortBy::Date, lang.tr("column-date")));
                    h.col(|ui| header(&mut sort, ui, SortBy::Trainee, lang.tr("trainee")));
                    h.col(|ui| header(&mut sort, ui, SortBy::Persona, lang.tr("column-persona")));
                    h.col(|ui| {
                        ui.label(RichText::new(lang.tr("column-language")).family(theme::bold()));
                    });
                    h.col(|ui| {
                        ui.label(RichText::new(lang.tr("column-mode")).family(theme::bold()));
                    });
                    h.col(|ui| header(&mut sort, ui, SortBy::Outcome, lang.tr("column-outcome")));
                    h.col(|ui| header(&mut sort, ui, SortBy::Score, lang.tr("column-score")));
                    h.col(|ui| {
                        ui.label(RichText::new(lang.tr("column-expected")).family(theme::bold()))
                            .on_hover_text(lang.tr("column-expected-hint"));
                    });
                    h.col(|ui| {
                        ui.label(RichText::new(lang.tr("column-result")).family(theme::bold()));
                    });
                    h.col(|ui| {
                        ui.label(RichText::new(lang.tr("column-style")).family(theme::bold()));
                    });
                })
                .body(|body| {
                    body.rows(24.0, rows.len(), |mut row| {
                        let r = &rows[row.index()];
                        row.set_selected(state.selected.as_ref() == Some(&r.path));
                        row.col(|ui| {
                            ui.label(format!(
                                "{} {}",
                                lang.date_short(r.started_at.date_naive()),
                                r.started_at.format("%H:%M")
                            ));
                        });
                        row.col(|ui| {
                            ui.label(&r.trainee);
                        });
                        row.col(|ui| {
                            ui.label(&r.persona_name);
                        });
                        row.col(|ui| {
                            ui.label(r.language.code().to_uppercase());
                        });
                        row.col(|ui| {
                            ui.label(lang.mode(r.mode));
                        });
                        row.col(|ui| {
                            ui.label(lang.outcome(r.outcome));
                        });
                        row.col(|ui| {
                            ui.label(lang.score(r.total));
                        });
                        row.col(|ui| {
                            ui.label(r.expected_score.map_or("—".to_string(), |v| v.to_string()));
                        });
                        row.col(|ui| {
                            if r.passed {
                                ui.label(RichText::new(lang.tr("result-passed")).color(theme::GOOD));
                            } else {
                                ui.label(RichText::new(lang.tr("result-failed")).color(theme::BAD));
                            }
                        });
                        row.col(|ui| {
                            ui.label(lang.style(r.style));
                            if r.signature == Signature::Mismatch {
                                ui.label(
                                    RichText::new(lang.tr("dashboard-changed"))
                                        .family(theme::bold())
                                        .color(theme::BAD),
                                );
                            }
                        });
                        if row.response().clicked() {
                            clicked = Some(r.path.clone());
                        }
                    });
                });
        });
        if let Some(path) = clicked {
            state.selected = Some(path);
        }
        if let Some(by) = sort {
            state.sort_by(by);
        }
    });
}

fn back(ui: &mut egui::Ui, lang: Lang, state: &mut DashboardState) {
    if ui.button(lang.tr("dashboard-back")).clicked() {
        state.view = DashView::Table;
    }
}

fn trainee_ui(ui: &mut egui::Ui, lang: Lang, state: &mut DashboardState, name: &str) {
    egui::CentralPanel::default().show(ui, |ui| {
        back(ui, lang, state);
        let names = state.trainees().to_vec();
        ui.horizontal(|ui| {
            let label = ui.label(lang.tr("dashboard-compare"));
            egui::ComboBox::from_id_salt("compare")
                .selected_text(state.compare.clone().unwrap_or_else(|| "—".into()))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut state.compare, None, "—");
                    for n in names.iter().filter(|n| !n.eq_ignore_ascii_case(name)) {
                        ui.selectable_value(&mut state.compare, Some(n.clone()), n);
                    }
                })
                .response
                .labelled_by(label.id);
        });
        let shown: Vec<String> = std::iter::once(name.to_string()).chain(state.compare.clone()).collect();
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            ui.columns(shown.len(), |cols| {
                for (col, trainee) in cols.iter_mut().zip(&shown) {
                    trainee_column(col, lang, state, trainee);
                }
            });
        });
    });
}

fn trainee_column(ui: &mut egui::Ui, lang: Lang, state: &DashboardState, trainee: &str) {
    ui.heading(trainee);
    let views = state.snapshot.as_deref().map_or(&[][..], |s| s.trainee_views.as_slice());
    // Until the index answers for this trainee, the column stays empty.
    let Some(view) = views.iter().find(|v| v.trainee == trainee) else { return };
    tiles(ui, lang, &view.summary);
    ui.label(RichText::new(lang.tr("dashboard-score-over-time")).family(theme::bold()));
    Plot::new(("scores", trainee))
        .height(180.0)
        .legend(Legend::default())
        .include_y(0.0)
        .include_y(100.0)
        .show(ui, |plot| {
            for (persona, series) in &view.scores_over_time {
                let points: PlotPoints =
                    series.iter().enumerate().map(|(i, (_, s))| [i as f64 + 1.0, *s]).collect();
                plot.line(Line::new(persona.0.clone(), points).width(2.0));
            }
        });
    ui.label(RichText::new(lang.tr("dashboard-style-of-calls")).family(theme::bold()));
    Plot::new(("styles", trainee))
        .height(200.0)
        .data_aspect(1.0)
        .include_x(-1.0)
        .include_x(1.0)
        .include_y(-1.0)
        .include_y(1.0)
        .show(ui, |plot| {
            let points: PlotPoints = view.style_points.iter().map(|(_, p)| [p.firmness, p.empathy]).collect();
            plot.points(Points::new(lang.tr("dashboard-calls-series"), points).radius(4.0));
        });
    ui.label(RichText::new(lang.tr("dashboard-violations")).family(theme::bold()));
    for (kind, n) in &view.violations {
        ui.label(format!("{} × {n}", lang.violation(*kind)));
    }
    ui.label(RichText::new(lang.tr("dashboard-ploys-fallen")).family(theme::bold()));
    for (ploy, n) in &view.ploys_fallen_for {
        ui.label(format!("{} × {n}", lang.ploy(*ploy)));
    }
    ui.label(RichText::new(lang.tr("dashboard-best-last")).family(theme::bold()));
    for (persona, (best, last)) in &view.best_and_last {
        ui.label(format!("{}: {} / {}", persona.0, lang.score(*best), lang.score(*last)));
    }
}

fn persona_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    state: &mut DashboardState,
    id: &settle_core::persona::PersonaId,
) {
    egui::CentralPanel::default().show(ui, |ui| {
        back(ui, lang, state);
        let Some(view) =
            state.snapshot.as_deref().and_then(|s| s.persona_view.clone()).filter(|v| v.persona == *id)
        else {
            return;
        };
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            ui.heading(&id.0);
            tiles(ui, lang, &view.summary);
            ui.label(RichText::new(lang.tr("dashboard-score-distribution")).family(theme::bold()));
            let bars: Vec<Bar> = view
                .histogram
                .iter()
                .enumerate()
                .map(|(i, n)| Bar::new(i as f64 * 10.0 + 5.0, *n as f64).width(9.0))
                .collect();
            Plot::new("histogram")
                .height(180.0)
                .show(ui, |plot| plot.bar_chart(BarChart::new(lang.tr("dashboard-calls-series"), bars)));
            ui.label(RichText::new(lang.tr("dashboard-outcome-mix")).family(theme::bold()));
            for (outcome, n) in &view.outcomes {
                ui.label(format!("{} × {n}", lang.outcome(*outcome)));
            }
            ui.label(RichText::new(lang.tr("dashboard-costly-replies")).family(theme::bold()));
            for ((node, reply), n) in view.costly_replies.iter().take(15) {
                ui.label(format!("{node}#{}: {n}", reply.0 + 1));
            }
        });
    });
}
