//! Trainer tools: the persona folder's files with their status, a file's diagnostics with
//! `file:line:column` and the source excerpt, and for a playable persona its graph, its
//! analysis and an author preview with everything visible.

use egui::RichText;

use crate::screens::choose_button;
use crate::widgets::graph_view::graph_view;
use crate::{AuthorIntent, AuthorTab, AuthoringState, Intent, Pick, theme};
use settle_core::analysis::{Analysis, NaivePlayer};
use settle_core::lines::Site;
use settle_core::load::LoadedFile;
use settle_core::persona::{MoodIdx, NodeIdx, Persona};
use settle_i18n::Lang;

/// Trainer tools over the library's `files`; `state` is the screen's own (selection, tab,
/// graph view, preview, the folder as typed).
pub fn authoring_ui(
    ui: &mut egui::Ui,
    lang: Lang,
    state: &mut AuthoringState,
    files: &[LoadedFile],
    dialog_open: bool,
    intents: &mut Vec<Intent>,
) {
    egui::Panel::left("author-files").resizable(true).default_size(300.0).show(ui, |ui| {
        ui.add_space(6.0);
        ui.heading(lang.tr("authoring-files"));
        let label = ui.label(lang.tr("authoring-folder"));
        ui.horizontal(|ui| {
            ui.add(egui::TextEdit::singleline(&mut state.folder_text).desired_width(140.0))
                .labelled_by(label.id);
            if ui.button(lang.tr("open")).clicked() {
                intents.push(Intent::Author(AuthorIntent::OpenFolder(state.folder_text.trim().into())));
            }
            intents.extend(choose_button(ui, lang, dialog_open, Pick::AuthoringFolder));
        });
        ui.label(RichText::new(lang.tr("authoring-reload-hint")).small().color(theme::muted(ui)));
        ui.separator();
        egui::ScrollArea::vertical().show(ui, |ui| {
            for file in files {
                let name =
                    file.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                let (status, color) = match (file.errors(), file.warnings()) {
                    (0, 0) => (lang.tr("authoring-ready").to_string(), theme::GOOD),
                    (0, w) => (lang.tr_args("authoring-warnings", &[("count", w.into())]), theme::WARN),
                    (e, _) => (lang.tr_args("authoring-errors", &[("count", e.into())]), theme::BAD),
                };
                let selected = state.selected.as_ref() == Some(&file.path);
                ui.horizontal(|ui| {
                    if ui.selectable_label(selected, &name).clicked() {
                        intents.push(Intent::Author(AuthorIntent::Select(file.path.clone())));
                    }
                    ui.label(RichText::new(status).small().color(color));
                });
            }
            if files.is_empty() {
                ui.label(lang.tr("authoring-no-files"));
            }
        });
    });
    let selected = state.selected.as_ref().and_then(|p| files.iter().find(|f| &f.path == p));
    egui::CentralPanel::default().show(ui, |ui| {
        let Some(file) = selected else {
            ui.add_space(20.0);
            ui.label(lang.tr("authoring-choose-file"));
            return;
        };
        ui.horizontal(|ui| {
            ui.heading(file.path.display().to_string());
            match &file.persona {
                Some(_) => ui.label(RichText::new(lang.tr("authoring-playable")).color(theme::GOOD)),
                None => ui.label(RichText::new(lang.tr("authoring-not-playable")).color(theme::BAD)),
            };
        });
        ui.horizontal(|ui| {
            let tabs = [
                (AuthorTab::Problems, lang.tr("authoring-tab-problems")),
                (AuthorTab::Graph, lang.tr("authoring-tab-graph")),
                (AuthorTab::Analysis, lang.tr("authoring-tab-analysis")),
                (AuthorTab::Preview, lang.tr("authoring-tab-preview")),
            ];
            for (tab, name) in tabs {
                let enabled = tab == AuthorTab::Problems || file.persona.is_some();
                if ui.add_enabled(enabled, egui::Button::selectable(state.tab == tab, name)).clicked() {
                    intents.push(Intent::Author(AuthorIntent::Tab(tab)));
                }
            }
        });
        ui.separator();
        // The preview shows the persona in the interface's language when it has one.
        let previewed = file.in_language(lang.into()).or(file.persona.as_ref());
        match (state.tab, &file.persona) {
            (AuthorTab::Graph, Some(persona)) => graph_tab(ui, lang, state, file, persona, intents),
            (AuthorTab::Analysis, Some(persona)) => analysis_tab(ui, lang, state, persona, intents),
            (AuthorTab::Preview, Some(own)) => {
                preview_tab(ui, lang, state, previewed.unwrap_or(own), intents)
            }
            _ => problems(ui, lang, file),
        }
    });
}

fn problems(ui: &mut egui::Ui, lang: Lang, file: &LoadedFile) {
    if file.all_diagnostics().next().is_none() {
        ui.label(RichText::new(lang.tr("authoring-no-problems")).color(theme::GOOD));
        return;
    }
    // The graph's problems, then each string table's, each rendered from its own file.
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        for (d, text) in file.all_diagnostics() {
            let color = if d.is_error() { theme::BAD } else { theme::WARN };
            ui.label(
                RichText::new(format!("{}: {}", d.location(), d.problem)).family(theme::bold()).color(color),
            );
            ui.add(
                egui::Label::new(RichText::new(d.render(text)).monospace())
                    .wrap_mode(egui::TextWrapMode::Extend),
            );
            ui.separator();
        }
    });
}

/// Nodes a warning names, and nodes the last analysis never reached.
fn flagged(
    file: &LoadedFile,
    state: &AuthoringState,
    persona: &Persona,
) -> std::collections::HashSet<NodeIdx> {
    use settle_core::diagnostic::Problem;
    let mut ids: Vec<&str> = file
        .diagnostics
        .iter()
        .filter_map(|d| match &d.problem {
            Problem::Unreachable(id)
            | Problem::EndingUnreachable(id)
            | Problem::PloyHandlingWithoutPloy(id) => Some(id.as_str()),
            _ => None,
        })
        .collect();
    if let Some((_, analysis)) = &state.analysis {
        ids.extend(analysis.unreached_nodes.iter().map(|n| n.0.as_str()));
    }
    ids.into_iter().filter_map(|id| persona.node_index(id)).collect()
}

fn graph_tab(
    ui: &mut egui::Ui,
    lang: Lang,
    state: &mut AuthoringState,
    file: &LoadedFile,
    persona: &Persona,
    intents: &mut Vec<Intent>,
) {
    let flagged = flagged(file, state, persona);
    if let Some(node) = state.graph_node {
        let n = persona.node(node);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(&n.id.0).family(theme::bold()));
            ui.label(n.lines.first().map(|l| l.text.as_str()).unwrap_or(""));
            if ui.button(lang.tr("authoring-preview-from-here")).clicked() {
                intents.push(Intent::Author(AuthorIntent::PreviewJump(node)));
            }
        });
        ui.separator();
    }
    ui.label(RichText::new(lang.tr("authoring-graph-help")).small().color(theme::muted(ui)));
    if let Some(clicked) = graph_view(ui, persona, &mut state.graph_rect, state.graph_node, &flagged) {
        intents.push(Intent::Author(AuthorIntent::SelectNode(clicked)));
    }
}

fn analysis_tab(
    ui: &mut egui::Ui,
    lang: Lang,
    state: &AuthoringState,
    persona: &Persona,
    intents: &mut Vec<Intent>,
) {
    if ui.button(lang.tr("analysis-run")).clicked() {
        intents.push(Intent::Author(AuthorIntent::Analyze));
    }
    let Some((hash, analysis)) = &state.analysis else { return };
    if *hash != persona.source.hash {
        ui.label(RichText::new(lang.tr("analysis-file-changed")).color(theme::WARN));
    }
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| analysis_ui(ui, lang, analysis));
}

fn analysis_ui(ui: &mut egui::Ui, lang: Lang, a: &Analysis) {
    let done = |complete: bool| {
        if complete { lang.tr("analysis-complete") } else { lang.tr("analysis-stopped") }
    };
    ui.label(lang.tr_args(
        "analysis-states",
        &[
            ("states", a.states.into()),
            ("states_done", done(a.states_complete).into()),
            ("score_states", a.score_states.into()),
            ("score_done", done(a.score_complete).into()),
        ],
    ));
    ui.add_space(6.0);
    ui.label(RichText::new(lang.tr("analysis-endings")).family(theme::bold()));
    egui::Grid::new("endings").striped(true).num_columns(3).show(ui, |ui| {
        for e in &a.endings {
            ui.label(&e.node.0);
            ui.label(lang.outcome(e.outcome));
            match &e.path {
                Some(p) => ui.add(egui::Label::new(settle_core::analysis::describe(p)).wrap()),
                None => ui.label(RichText::new(lang.tr("analysis-not-reached")).color(theme::BAD)),
            };
            ui.end_row();
        }
    });
    for (title, scored) in [(lang.tr("analysis-best"), &a.best), (lang.tr("analysis-worst"), &a.worst)] {
        if let Some(s) = scored {
            ui.add_space(6.0);
            ui.label(
                RichText::new(format!("{title}: {} ({})", lang.score(s.total), s.ending.0))
                    .family(theme::bold()),
            );
            ui.add(egui::Label::new(settle_core::analysis::describe(&s.steps)).wrap());
        }
    }
    if let Some(outcome) = a.target_outcome {
        ui.add_space(6.0);
        let outcome = [("outcome", lang.outcome(outcome).into())];
        let (text, color) = if a.target_in_zone {
            (lang.tr_args("analysis-target-reached", &outcome), theme::GOOD)
        } else {
            (lang.tr_args("analysis-target-missed", &outcome), theme::BAD)
        };
        ui.label(RichText::new(text).color(color));
    }
    if !a.never_offered.is_empty() {
        let list: Vec<String> = a.never_offered.iter().map(|(n, r)| format!("{n}#{}", r.0 + 1)).collect();
        ui.label(
            RichText::new(lang.tr_args("analysis-never-offered", &[("replies", list.join(", ").into())]))
                .color(theme::WARN),
        );
    }
    if !a.unreached_nodes.is_empty() {
        let list: Vec<&str> = a.unreached_nodes.iter().map(|n| n.0.as_str()).collect();
        ui.label(
            RichText::new(lang.tr_args("analysis-unreached-nodes", &[("nodes", list.join(", ").into())]))
                .color(theme::WARN),
        );
    }
    for naive in &a.naive {
        let who = match naive.player {
            NaivePlayer::AllEmpathic => lang.tr("analysis-all-empathic"),
            NaivePlayer::AllFirm => lang.tr("analysis-all-firm"),
        };
        ui.add_space(6.0);
        ui.label(
            RichText::new(lang.tr_args(
                "analysis-naive",
                &[("player", who.into()), ("score", lang.score(naive.mean_score).into())],
            ))
            .family(theme::bold()),
        );
        for (ending, share) in &naive.endings {
            ui.label(format!("{ending}: {:.1}%", share * 100.0));
        }
    }
    surface_ui(ui, lang, a);
}

/// Players who ignore what a reply says must all fail; the form of the replies must not tell.
fn surface_ui(ui: &mut egui::Ui, lang: Lang, a: &Analysis) {
    use settle_core::surface::{FORM_TELL_LIMIT, Strategy};
    ui.add_space(8.0);
    ui.label(RichText::new(lang.tr("analysis-surface")).family(theme::bold()));
    egui::Grid::new("surface").striped(true).num_columns(4).show(ui, |ui| {
        for r in &a.surface {
            let name = match r.strategy {
                Strategy::Longest => lang.tr("strategy-longest"),
                Strategy::Shortest => lang.tr("strategy-shortest"),
                Strategy::FirstOffered => lang.tr("strategy-first"),
                Strategy::LastOffered => lang.tr("strategy-last"),
                Strategy::MostFigures => lang.tr("strategy-figures"),
                Strategy::Warmest => lang.tr("strategy-warmest"),
                Strategy::Firmest => lang.tr("strategy-firmest"),
                Strategy::Random => lang.tr("strategy-random"),
            };
            ui.label(name);
            ui.label(lang.tr_args("analysis-surface-mean", &[("score", lang.score(r.mean).into())]));
            let passed = lang.tr_args(
                "analysis-surface-passed",
                &[("share", lang.number(r.pass_rate() * 100.0, 1).into())],
            );
            let color = if r.passed == 0 { theme::GOOD } else { theme::BAD };
            ui.label(RichText::new(passed).color(color));
            ui.end_row();
        }
    });
    let t = a.form_tells;
    let color =
        if t.longest_share().max(t.shortest_share()) > FORM_TELL_LIMIT { theme::BAD } else { theme::GOOD };
    ui.label(
        RichText::new(lang.tr_args(
            "analysis-form-tells",
            &[
                ("points", t.decision_points.into()),
                ("longest", lang.number(t.longest_share() * 100.0, 0).into()),
                ("shortest", lang.number(t.shortest_share() * 100.0, 0).into()),
            ],
        ))
        .color(color),
    );
}

fn preview_tab(
    ui: &mut egui::Ui,
    lang: Lang,
    state: &mut AuthoringState,
    persona: &Persona,
    intents: &mut Vec<Intent>,
) {
    if ui.button(lang.tr("preview-start")).clicked() {
        intents.push(Intent::Author(AuthorIntent::PreviewFromStart));
    }
    let Some(preview) = &mut state.preview else { return };
    let engine = &preview.engine;
    let node = persona.node(engine.node());
    egui::Panel::right("preview-moods").default_size(260.0).show(ui, |ui| {
        ui.label(RichText::new(lang.tr("preview-moods-flags")).family(theme::bold()));
        for (i, mood) in persona.moods.iter().enumerate() {
            ui.horizontal(|ui| {
                let label = ui.label(format!("{} ({})", mood.name, engine.moods().value(MoodIdx(i as u16))));
                ui.add(egui::Slider::new(&mut preview.moods[i], 0..=100)).labelled_by(label.id);
            });
        }
        for (i, flag) in persona.flags.iter().enumerate() {
            let on = engine.moods().flags()[i];
            ui.label(format!(
                "{flag}: {}",
                if on { lang.tr("preview-flag-set") } else { lang.tr("preview-flag-not-set") }
            ));
        }
        ui.separator();
        ui.label(RichText::new(lang.tr("preview-jump")).family(theme::bold()));
        egui::ScrollArea::vertical().show(ui, |ui| {
            for (i, n) in persona.nodes.iter().enumerate() {
                if ui.small_button(&n.id.0).clicked() {
                    intents.push(Intent::Author(AuthorIntent::PreviewJump(settle_core::persona::NodeIdx(
                        i as u32,
                    ))));
                }
            }
        });
    });
    ui.label(
        RichText::new(lang.tr_args("preview-node", &[("node", node.id.0.as_str().into())]))
            .family(theme::bold()),
    );
    if let Some(ploy) = node.ploy {
        ui.label(
            RichText::new(lang.tr_args("preview-ploy", &[("ploy", lang.ploy(ploy).into())]))
                .color(theme::WARN),
        );
    }
    ui.add(egui::Label::new(RichText::new(engine.debtor_line()).size(16.0)).wrap());
    let untranslated = |site: Site| persona.untranslated.contains(&site);
    let node_name = node.id.0.clone();
    if (0..node.lines.len()).any(|n| untranslated(Site::Says { node: node_name.clone(), n })) {
        ui.label(RichText::new(lang.tr("preview-untranslated")).small().color(theme::WARN));
    }
    if let Some((weights, chosen)) = &preview.last_draw {
        let list: Vec<String> = weights
            .iter()
            .enumerate()
            .map(|(i, w)| if i == *chosen { format!("[{w:.1}]") } else { format!("{w:.1}") })
            .collect();
        ui.label(
            RichText::new(lang.tr_args("preview-weights", &[("weights", list.join(" · ").into())]))
                .color(theme::muted(ui)),
        );
    }
    if let Some(end) = engine.end() {
        ui.label(
            RichText::new(lang.tr_args("preview-ending", &[("outcome", lang.outcome(end.outcome).into())]))
                .color(theme::GOOD),
        );
        return;
    }
    ui.separator();
    for (i, reply) in node.replies.iter().enumerate() {
        let holds = engine.moods().allows(reply.when.as_ref());
        ui.horizontal_wrapped(|ui| {
            let text = format!("{}. {} ({})", i + 1, reply.text, reply.stance);
            if ui.add_enabled(holds, egui::Button::new(text).wrap()).clicked() {
                intents.push(Intent::Author(AuthorIntent::PreviewChoose(settle_core::persona::ReplyIdx(
                    i as u16,
                ))));
            }
        });
        let mut notes = Vec::new();
        if reply.when.is_some() {
            notes.push(
                if holds { lang.tr("preview-condition-holds") } else { lang.tr("preview-condition-fails") }
                    .to_string(),
            );
        }
        if let Some(h) = reply.ploy {
            notes.push(lang.handling(Some(h)).to_string());
        }
        if let Some(v) = reply.violation {
            notes.push(format!("{} ({})", lang.violation(v.kind), lang.severity(v.severity)));
        }
        if !reply.steps.is_empty() {
            notes.push(lang.tr_args("preview-steps", &[("steps", reply.steps.join(", ").into())]));
        }
        let reply_site = Site::Reply { node: node_name.clone(), n: i };
        let feedback_site = Site::Feedback { node: node_name.clone(), n: i };
        if untranslated(reply_site) || untranslated(feedback_site) {
            notes.push(lang.tr("preview-untranslated").to_string());
        }
        if !notes.is_empty() {
            ui.label(RichText::new(notes.join(" · ")).small().color(theme::muted(ui)));
        }
    }
    if ui.button(lang.tr("preview-silence")).clicked() {
        intents.push(Intent::Author(AuthorIntent::PreviewSilence));
    }
}
