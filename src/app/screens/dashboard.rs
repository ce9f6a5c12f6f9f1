//! The managers' dashboard: summary tiles, a sortable, filterable table of calls that stays
//! smooth with 100,000 rows (only the visible rows are laid out), exports, and the trainee and
//! persona views.

use egui::RichText;
use egui_extras::{Column, TableBuilder};
use egui_plot::{Bar, BarChart, Legend, Line, Plot, PlotPoints, Points};

use crate::app::dashboard::{DashView, DashboardState, ExportKind, SortBy};
use crate::app::{Intent, Route, SettleApp, theme};
use crate::core::call::Mode;
use crate::core::report::index::{FailureKind, Summary, persona_view, summary, trainee_view, trainees};
use crate::core::report::sign::Signature;
use crate::i18n::Lang;

pub fn show(app: &mut SettleApp, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
    let lang = app.settings.lang;
    let Route::Dashboard(state) = &mut app.route else { return };
    state.poll();
    state.update_order();
    egui::Panel::top("dash-tools").show(ui, |ui| {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(lang.t("Reports folder", "Folder raportów"));
            ui.add(egui::TextEdit::singleline(&mut state.folder_text).desired_width(320.0))
                .labelled_by(label.id);
            if ui.button(lang.t("Open", "Otwórz")).clicked() {
                let key = crate::core::report::sign::org_key("");
                let data_dir = crate::core::journal::default_data_dir();
                **state =
                    DashboardState::open(std::path::Path::new(state.folder_text.trim()), key, &data_dir);
            }
            ui.separator();
            for (view, name) in [(DashView::Table, lang.t("All calls", "Wszystkie rozmowy"))] {
                if ui.selectable_label(state.view == view, name).clicked() {
                    state.view = view;
                }
            }
        });
        if !state.index.skipped.is_empty() {
            ui.collapsing(
                format!("{} {}", state.index.skipped.len(), lang.t("file(s) skipped", "plik(i) pominięte")),
                |ui| {
                    for s in &state.index.skipped {
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
        DashView::Table => table_view(ui, lang, state, intents),
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
        tile(ui, lang.t("Calls", "Rozmowy"), s.calls.to_string());
        tile(ui, lang.t("Pass rate", "Zaliczone"), format!("{:.0}%", s.pass_rate * 100.0));
        tile(ui, lang.t("Mean score", "Średni wynik"), lang.score(s.mean_score));
        let failure = match s.top_failure {
            Some((FailureKind::SevereViolation(kind), n)) => format!("{} ({n})", lang.violation(kind)),
            Some((FailureKind::BelowPassMark, n)) => {
                format!("{} ({n})", lang.t("Below the pass mark", "Poniżej progu"))
            }
            None => "—".into(),
        };
        tile(ui, lang.t("Most common failure", "Najczęstsza przyczyna porażki"), failure);
    });
}

fn table_view(ui: &mut egui::Ui, lang: Lang, state: &mut DashboardState, intents: &mut Vec<Intent>) {
    egui::CentralPanel::default().show(ui, |ui| {
        let names = trainees(&state.index.rows);
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(lang.t("Search", "Szukaj"));
            ui.add(egui::TextEdit::singleline(&mut state.filter.text).desired_width(160.0))
                .labelled_by(label.id);
            let label = ui.label(lang.t("Trainee", "Uczestnik"));
            egui::ComboBox::from_id_salt("dash-trainee")
                .selected_text(
                    state.filter.trainee.clone().unwrap_or_else(|| lang.t("All trainees", "Wszyscy").into()),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut state.filter.trainee, None, lang.t("All trainees", "Wszyscy"));
                    for n in &names {
                        ui.selectable_value(&mut state.filter.trainee, Some(n.clone()), n);
                    }
                })
                .response
                .labelled_by(label.id);
            ui.selectable_value(&mut state.filter.mode, None, lang.t("Any mode", "Każdy tryb"));
            ui.selectable_value(
                &mut state.filter.mode,
                Some(Mode::Practice),
                lang.t("Practice", "Ćwiczenie"),
            );
            ui.selectable_value(
                &mut state.filter.mode,
                Some(Mode::Assessment),
                lang.t("Assessment", "Ocena"),
            );
            ui.separator();
            ui.selectable_value(&mut state.filter.passed, None, lang.t("Any result", "Każdy wynik"));
            ui.selectable_value(&mut state.filter.passed, Some(true), lang.t("Passed", "Zaliczone"));
            ui.selectable_value(&mut state.filter.passed, Some(false), lang.t("Failed", "Niezaliczone"));
            ui.separator();
            let from = ui.label(lang.t("From", "Od"));
            ui.add(
                egui::TextEdit::singleline(&mut state.from_text).hint_text("2026-11-01").desired_width(100.0),
            )
            .labelled_by(from.id);
            let to = ui.label(lang.t("To", "Do"));
            ui.add(
                egui::TextEdit::singleline(&mut state.to_text).hint_text("2026-11-30").desired_width(100.0),
            )
            .labelled_by(to.id);
            state.apply_dates();
            state.update_order();
        });
        let shown = summary(state.visible());
        tiles(ui, lang, &shown);
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(lang.t("Export to", "Eksport do"));
            ui.add(egui::TextEdit::singleline(&mut state.export_text).desired_width(260.0))
                .labelled_by(label.id);
            let mut export = None;
            if ui.button(lang.t("CSV of this table", "CSV tej tabeli")).clicked() {
                export = Some(ExportKind::Csv);
            }
            if ui.button(lang.t("xAPI statements", "Instrukcje xAPI")).clicked() {
                export = Some(ExportKind::Xapi);
            }
            let selected_row =
                state.selected.as_ref().and_then(|p| state.index.rows.iter().find(|r| &r.path == p));
            if let Some(row) = selected_row {
                let trainee = row.trainee.clone();
                let persona = row.persona.clone();
                let path = row.path.clone();
                if ui.button(lang.t("HTML report of the trainee", "Raport HTML uczestnika")).clicked() {
                    export = Some(ExportKind::Html(trainee.clone()));
                }
                if ui.button(lang.t("Open the call", "Otwórz rozmowę")).clicked() {
                    intents.push(Intent::OpenReport(path));
                }
                if ui.button(lang.t("Trainee view", "Widok uczestnika")).clicked() {
                    state.view = DashView::Trainee(trainee);
                }
                if ui.button(lang.t("Persona view", "Widok rozmówcy")).clicked() {
                    state.view = DashView::Persona(persona);
                }
            }
            if let Some(kind) = export {
                state.export(kind);
            }
            if let Some(message) = &state.message {
                ui.label(RichText::new(message).small().color(theme::muted(ui)));
            }
        });
        ui.separator();
        let rows = state.visible();
        let mut clicked = None;
        let mut sort = None;
        let header = |sort: &mut Option<SortBy>, ui: &mut egui::Ui, by: SortBy, name: &str| {
            if ui.button(RichText::new(name).family(theme::bold())).clicked() {
                *sort = Some(by);
            }
        };
        // Cells must not take the click for text selection: a click selects the row.
        ui.style_mut().interaction.selectable_labels = false;
        TableBuilder::new(ui)
            .id_salt("calls")
            .striped(true)
            .sense(egui::Sense::click())
            .column(Column::auto().at_least(130.0))
            .column(Column::auto().at_least(140.0))
            .column(Column::auto().at_least(160.0))
            .column(Column::auto().at_least(80.0))
            .column(Column::auto().at_least(150.0))
            .column(Column::auto().at_least(60.0))
            .column(Column::auto().at_least(70.0))
            .column(Column::remainder())
            .header(28.0, |mut h| {
                h.col(|ui| header(&mut sort, ui, SortBy::Date, lang.t("Date", "Data")));
                h.col(|ui| header(&mut sort, ui, SortBy::Trainee, lang.t("Trainee", "Uczestnik")));
                h.col(|ui| header(&mut sort, ui, SortBy::Persona, lang.t("Persona", "Rozmówca")));
                h.col(|ui| {
                    ui.label(RichText::new(lang.t("Mode", "Tryb")).family(theme::bold()));
                });
                h.col(|ui| header(&mut sort, ui, SortBy::Outcome, lang.t("Outcome", "Rezultat")));
                h.col(|ui| header(&mut sort, ui, SortBy::Score, lang.t("Score", "Wynik")));
                h.col(|ui| {
                    ui.label(RichText::new(lang.t("Result", "Zaliczenie")).family(theme::bold()));
                });
                h.col(|ui| {
                    ui.label(RichText::new(lang.t("Style", "Styl")).family(theme::bold()));
                });
            })
            .body(|body| {
                body.rows(24.0, rows.len(), |mut row| {
                    let r = rows[row.index()];
                    row.set_selected(state.selected.as_ref() == Some(&r.path));
                    row.col(|ui| {
                        ui.label(r.started_at.format("%Y-%m-%d %H:%M").to_string());
                    });
                    row.col(|ui| {
                        ui.label(&r.trainee);
                    });
                    row.col(|ui| {
                        ui.label(&r.persona_name);
                    });
                    row.col(|ui| {
                        ui.label(match r.mode {
                            Mode::Practice => lang.t("Practice", "Ćwiczenie"),
                            Mode::Assessment => lang.t("Assessment", "Ocena"),
                        });
                    });
                    row.col(|ui| {
                        ui.label(lang.outcome(r.outcome));
                    });
                    row.col(|ui| {
                        ui.label(lang.score(r.total));
                    });
                    row.col(|ui| {
                        if r.passed {
                            ui.label(RichText::new(lang.t("passed", "zaliczona")).color(theme::GOOD));
                        } else {
                            ui.label(RichText::new(lang.t("failed", "niezaliczona")).color(theme::BAD));
                        }
                    });
                    row.col(|ui| {
                        ui.label(lang.style(r.style));
                        if r.signature == Signature::Mismatch {
                            ui.label(
                                RichText::new(lang.t("changed after saving!", "zmieniony po zapisie!"))
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
        if let Some(path) = clicked {
            state.selected = Some(path);
        }
        if let Some(by) = sort {
            state.sort_by(by);
        }
    });
}

fn back(ui: &mut egui::Ui, lang: Lang, state: &mut DashboardState) {
    if ui.button(lang.t("Back to all calls", "Wróć do wszystkich rozmów")).clicked() {
        state.view = DashView::Table;
    }
}

fn trainee_ui(ui: &mut egui::Ui, lang: Lang, state: &mut DashboardState, name: &str) {
    egui::CentralPanel::default().show(ui, |ui| {
        back(ui, lang, state);
        let names = trainees(&state.index.rows);
        ui.horizontal(|ui| {
            let label = ui.label(lang.t("Compare with", "Porównaj z"));
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
    let view = trainee_view(&state.index.rows, trainee);
    ui.heading(trainee);
    tiles(ui, lang, &view.summary);
    ui.label(RichText::new(lang.t("Score over time", "Wynik w czasie")).family(theme::bold()));
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
    ui.label(
        RichText::new(lang.t(
            "Style of each call (firmness across, empathy up)",
            "Styl rozmów (stanowczość w poziomie, empatia w pionie)",
        ))
        .family(theme::bold()),
    );
    Plot::new(("styles", trainee))
        .height(200.0)
        .data_aspect(1.0)
        .include_x(-1.0)
        .include_x(1.0)
        .include_y(-1.0)
        .include_y(1.0)
        .show(ui, |plot| {
            let points: PlotPoints = view.style_points.iter().map(|(_, p)| [p.firmness, p.empathy]).collect();
            plot.points(Points::new(lang.t("calls", "rozmowy"), points).radius(4.0));
        });
    ui.label(RichText::new(lang.t("Violations", "Naruszenia")).family(theme::bold()));
    for (kind, n) in &view.violations {
        ui.label(format!("{} × {n}", lang.violation(*kind)));
    }
    ui.label(RichText::new(lang.t("Ploys fallen for", "Skuteczne wybiegi")).family(theme::bold()));
    for (ploy, n) in &view.ploys_fallen_for {
        ui.label(format!("{} × {n}", lang.ploy(*ploy)));
    }
    ui.label(
        RichText::new(lang.t("Best and last per persona", "Najlepszy i ostatni wynik")).family(theme::bold()),
    );
    for (persona, (best, last)) in &view.best_and_last {
        ui.label(format!("{}: {} / {}", persona.0, lang.score(*best), lang.score(*last)));
    }
}

fn persona_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    state: &mut DashboardState,
    id: &crate::core::persona::PersonaId,
) {
    egui::CentralPanel::default().show(ui, |ui| {
        back(ui, lang, state);
        let view = persona_view(&state.index.rows, id);
        egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
            ui.heading(&id.0);
            tiles(ui, lang, &view.summary);
            ui.label(RichText::new(lang.t("Score distribution", "Rozkład wyników")).family(theme::bold()));
            let bars: Vec<Bar> = view
                .histogram
                .iter()
                .enumerate()
                .map(|(i, n)| Bar::new(i as f64 * 10.0 + 5.0, *n as f64).width(9.0))
                .collect();
            Plot::new("histogram")
                .height(180.0)
                .show(ui, |plot| plot.bar_chart(BarChart::new(lang.t("calls", "rozmowy"), bars)));
            ui.label(RichText::new(lang.t("Outcome mix", "Rezultaty")).family(theme::bold()));
            for (outcome, n) in &view.outcomes {
                ui.label(format!("{} × {n}", lang.outcome(*outcome)));
            }
            ui.label(
                RichText::new(lang.t(
                    "Replies that cost trainees the most",
                    "Odpowiedzi, które najczęściej kosztują punkty",
                ))
                .family(theme::bold()),
            );
            for ((node, reply), n) in view.costly_replies.iter().take(15) {
                ui.label(format!("{node}#{}: {n}", reply.0 + 1));
            }
        });
    });
}
