//! Trainer tools: the persona folder's files with their status, a file's diagnostics with
//! `file:line:column` and the source excerpt, and for a playable persona its graph, its
//! analysis and an author preview with everything visible.

use egui::RichText;

use crate::app::widgets::graph_view::graph_view;
use crate::app::{AuthorIntent, AuthorTab, AuthoringState, Intent, Route, SettleApp, theme};
use crate::core::analysis::{Analysis, NaivePlayer};
use crate::core::load::LoadedFile;
use crate::core::persona::{MoodIdx, NodeIdx, Persona};
use crate::i18n::Lang;

pub fn show(app: &mut SettleApp, ui: &mut egui::Ui, intents: &mut Vec<Intent>) {
    let lang = app.settings.lang;
    let Route::Authoring(state) = &mut app.route else { return };
    let files = &app.library.files;
    egui::Panel::left("author-files").resizable(true).default_size(300.0).show(ui, |ui| {
        ui.add_space(6.0);
        ui.heading(lang.t("Persona files", "Pliki rozmówców"));
        let label = ui.label(lang.t("Folder", "Folder"));
        ui.horizontal(|ui| {
            ui.add(egui::TextEdit::singleline(&mut state.folder_text).desired_width(180.0))
                .labelled_by(label.id);
            if ui.button(lang.t("Open", "Otwórz")).clicked() {
                intents.push(Intent::Author(AuthorIntent::OpenFolder(state.folder_text.trim().into())));
            }
        });
        ui.label(
            RichText::new(lang.t("Saved files reload by themselves.", "Zapisane pliki wczytują się same."))
                .small()
                .color(theme::muted(ui)),
        );
        ui.separator();
        egui::ScrollArea::vertical().show(ui, |ui| {
            for file in files {
                let name =
                    file.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                let (status, color) = match (file.errors(), file.warnings()) {
                    (0, 0) => (lang.t("ready", "gotowy").to_string(), theme::GOOD),
                    (0, w) => (format!("{w} {}", lang.t("warning(s)", "ostrzeż.")), theme::WARN),
                    (e, _) => (format!("{e} {}", lang.t("error(s)", "błąd/błędy")), theme::BAD),
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
                ui.label(lang.t("No .ron files in this folder.", "Brak plików .ron w tym folderze."));
            }
        });
    });
    let selected = state.selected.as_ref().and_then(|p| files.iter().find(|f| &f.path == p));
    egui::CentralPanel::default().show(ui, |ui| {
        let Some(file) = selected else {
            ui.add_space(20.0);
            ui.label(lang.t("Choose a file on the left.", "Wybierz plik po lewej."));
            return;
        };
        ui.horizontal(|ui| {
            ui.heading(file.path.display().to_string());
            match &file.persona {
                Some(_) => ui.label(RichText::new(lang.t("playable", "do rozmowy")).color(theme::GOOD)),
                None => ui.label(
                    RichText::new(
                        lang.t("not playable until the errors are fixed", "niedostępny, dopóki są błędy"),
                    )
                    .color(theme::BAD),
                ),
            };
        });
        ui.horizontal(|ui| {
            let tabs = [
                (AuthorTab::Problems, lang.t("Problems", "Problemy")),
                (AuthorTab::Graph, lang.t("Graph", "Graf")),
                (AuthorTab::Analysis, lang.t("Analysis", "Analiza")),
                (AuthorTab::Preview, lang.t("Preview", "Podgląd")),
            ];
            for (tab, name) in tabs {
                let enabled = tab == AuthorTab::Problems || file.persona.is_some();
                if ui.add_enabled(enabled, egui::Button::selectable(state.tab == tab, name)).clicked() {
                    intents.push(Intent::Author(AuthorIntent::Tab(tab)));
                }
            }
        });
        ui.separator();
        match (state.tab, &file.persona) {
            (AuthorTab::Graph, Some(persona)) => graph_tab(ui, lang, state, file, persona, intents),
            (AuthorTab::Analysis, Some(persona)) => analysis_tab(ui, lang, state, persona, intents),
            (AuthorTab::Preview, Some(persona)) => preview_tab(ui, lang, state, persona, intents),
            _ => problems(ui, lang, file),
        }
    });
}

fn problems(ui: &mut egui::Ui, lang: Lang, file: &LoadedFile) {
    if file.diagnostics.is_empty() {
        ui.label(RichText::new(lang.t("No problems found.", "Nie znaleziono problemów.")).color(theme::GOOD));
        return;
    }
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        for d in &file.diagnostics {
            let color = if d.is_error() { theme::BAD } else { theme::WARN };
            ui.label(
                RichText::new(format!("{}: {}", d.location(), d.problem)).family(theme::bold()).color(color),
            );
            ui.add(
                egui::Label::new(RichText::new(d.render(&file.text)).monospace())
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
    use crate::core::diagnostic::Problem;
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
            if ui.button(lang.t("Preview from here", "Podgląd od tego miejsca")).clicked() {
                intents.push(Intent::Author(AuthorIntent::PreviewJump(node)));
            }
        });
        ui.separator();
    }
    ui.label(
        RichText::new(lang.t(
            "Drag to pan, scroll to zoom, click a node to see it. Green: endings with points; red: endings without; orange: ploys; red border: a problem or never reached.",
            "Przeciągnij, aby przesunąć; kółko myszy przybliża; kliknij węzeł. Zielone: zakończenia z punktami; czerwone: bez; pomarańczowe: wybiegi; czerwona ramka: problem lub węzeł nieosiągalny.",
        ))
        .small()
        .color(theme::muted(ui)),
    );
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
    if ui.button(lang.t("Run the analysis", "Uruchom analizę")).clicked() {
        intents.push(Intent::Author(AuthorIntent::Analyze));
    }
    let Some((hash, analysis)) = &state.analysis else { return };
    if *hash != persona.source.hash {
        ui.label(
            RichText::new(
                lang.t("The file changed since: run it again.", "Plik się zmienił: uruchom ponownie."),
            )
            .color(theme::WARN),
        );
    }
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| analysis_ui(ui, lang, analysis));
}

fn analysis_ui(ui: &mut egui::Ui, lang: Lang, a: &Analysis) {
    let done = |complete: bool| {
        if complete {
            lang.t("complete", "pełna")
        } else {
            lang.t("stopped at its bound", "przerwana na limicie")
        }
    };
    ui.label(format!(
        "{}: {} ({}), {} ({})",
        lang.t("States explored", "Zbadane stany"),
        a.states,
        done(a.states_complete),
        a.score_states,
        done(a.score_complete)
    ));
    ui.add_space(6.0);
    ui.label(
        RichText::new(lang.t("Endings and their shortest paths", "Zakończenia i najkrótsze ścieżki"))
            .family(theme::bold()),
    );
    egui::Grid::new("endings").striped(true).num_columns(3).show(ui, |ui| {
        for e in &a.endings {
            ui.label(&e.node.0);
            ui.label(lang.outcome(e.outcome));
            match &e.path {
                Some(p) => ui.add(egui::Label::new(crate::core::analysis::describe(p)).wrap()),
                None => ui.label(RichText::new(lang.t("not reached", "nieosiągalne")).color(theme::BAD)),
            };
            ui.end_row();
        }
    });
    for (title, scored) in [
        (lang.t("Best reachable score", "Najlepszy możliwy wynik"), &a.best),
        (lang.t("Worst reachable score", "Najgorszy możliwy wynik"), &a.worst),
    ] {
        if let Some(s) = scored {
            ui.add_space(6.0);
            ui.label(
                RichText::new(format!("{title}: {} ({})", lang.score(s.total), s.ending.0))
                    .family(theme::bold()),
            );
            ui.add(egui::Label::new(crate::core::analysis::describe(&s.steps)).wrap());
        }
    }
    if let Some(outcome) = a.target_outcome {
        ui.add_space(6.0);
        let (text, color) = if a.target_in_zone {
            (
                lang.t(
                    "can be reached inside the target style zone",
                    "jest osiągalny w docelowej strefie stylu",
                ),
                theme::GOOD,
            )
        } else {
            (
                lang.t(
                    "was not reached inside the target style zone",
                    "nie został osiągnięty w docelowej strefie stylu",
                ),
                theme::BAD,
            )
        };
        ui.label(RichText::new(format!("{} {text}", lang.outcome(outcome))).color(color));
    }
    if !a.never_offered.is_empty() {
        let list: Vec<String> = a.never_offered.iter().map(|(n, r)| format!("{n}#{}", r.0 + 1)).collect();
        ui.label(
            RichText::new(format!(
                "{}: {}",
                lang.t("Replies never offered", "Odpowiedzi nigdy niedostępne"),
                list.join(", ")
            ))
            .color(theme::WARN),
        );
    }
    if !a.unreached_nodes.is_empty() {
        let list: Vec<&str> = a.unreached_nodes.iter().map(|n| n.0.as_str()).collect();
        ui.label(
            RichText::new(format!(
                "{}: {}",
                lang.t("Nodes never reached", "Węzły nigdy nieosiągnięte"),
                list.join(", ")
            ))
            .color(theme::WARN),
        );
    }
    for naive in &a.naive {
        let who = match naive.player {
            NaivePlayer::AllEmpathic => lang.t("An all-empathic player", "Gracz wyłącznie empatyczny"),
            NaivePlayer::AllFirm => lang.t("An all-firm player", "Gracz wyłącznie stanowczy"),
        };
        ui.add_space(6.0);
        ui.label(
            RichText::new(format!(
                "{who} ({} {})",
                lang.t("mean score", "średni wynik"),
                lang.score(naive.mean_score)
            ))
            .family(theme::bold()),
        );
        for (ending, share) in &naive.endings {
            ui.label(format!("{ending}: {:.1}%", share * 100.0));
        }
    }
}

fn preview_tab(
    ui: &mut egui::Ui,
    lang: Lang,
    state: &mut AuthoringState,
    persona: &Persona,
    intents: &mut Vec<Intent>,
) {
    if ui.button(lang.t("Start the preview from the beginning", "Zacznij podgląd od początku")).clicked() {
        intents.push(Intent::Author(AuthorIntent::PreviewFromStart));
    }
    let Some(preview) = &mut state.preview else { return };
    let engine = &preview.engine;
    let node = persona.node(engine.node());
    egui::Panel::right("preview-moods").default_size(260.0).show(ui, |ui| {
        ui.label(RichText::new(lang.t("Moods and flags", "Nastroje i flagi")).family(theme::bold()));
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
                if on { lang.t("set", "ustawiona") } else { lang.t("not set", "nieustawiona") }
            ));
        }
        ui.separator();
        ui.label(
            RichText::new(lang.t("Jump to a node with these moods", "Skocz do węzła z tymi nastrojami"))
                .family(theme::bold()),
        );
        egui::ScrollArea::vertical().show(ui, |ui| {
            for (i, n) in persona.nodes.iter().enumerate() {
                if ui.small_button(&n.id.0).clicked() {
                    intents.push(Intent::Author(AuthorIntent::PreviewJump(crate::core::persona::NodeIdx(
                        i as u32,
                    ))));
                }
            }
        });
    });
    ui.label(RichText::new(format!("{}: {}", lang.t("Node", "Węzeł"), node.id)).family(theme::bold()));
    if let Some(ploy) = node.ploy {
        ui.label(
            RichText::new(format!("{}: {}", lang.t("Ploy", "Wybieg"), lang.ploy(ploy))).color(theme::WARN),
        );
    }
    ui.add(egui::Label::new(RichText::new(engine.debtor_line()).size(16.0)).wrap());
    if let Some((weights, chosen)) = &preview.last_draw {
        let list: Vec<String> = weights
            .iter()
            .enumerate()
            .map(|(i, w)| if i == *chosen { format!("[{w:.1}]") } else { format!("{w:.1}") })
            .collect();
        ui.label(
            RichText::new(format!(
                "{}: {}",
                lang.t("Random branch weights (drawn in brackets)", "Wagi losowania (wylosowana w nawiasie)"),
                list.join(" · ")
            ))
            .color(theme::muted(ui)),
        );
    }
    if let Some(end) = engine.end() {
        ui.label(
            RichText::new(format!("{}: {}", lang.t("Ending", "Zakończenie"), lang.outcome(end.outcome)))
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
                intents.push(Intent::Author(AuthorIntent::PreviewChoose(crate::core::persona::ReplyIdx(
                    i as u16,
                ))));
            }
        });
        let mut notes = Vec::new();
        if reply.when.is_some() {
            notes.push(
                if holds {
                    lang.t("condition holds", "warunek spełniony")
                } else {
                    lang.t("condition does not hold", "warunek niespełniony")
                }
                .to_string(),
            );
        }
        if let Some(h) = reply.ploy {
            notes.push(format!("{:?}", h));
        }
        if let Some(v) = reply.violation {
            notes.push(format!("{} ({})", lang.violation(v.kind), lang.severity(v.severity)));
        }
        if !notes.is_empty() {
            ui.label(RichText::new(notes.join(" · ")).small().color(theme::muted(ui)));
        }
    }
    if ui
        .button(lang.t("Let the reply timer run out (silence)", "Pozwól upłynąć czasowi (milczenie)"))
        .clicked()
    {
        intents.push(Intent::Author(AuthorIntent::PreviewSilence));
    }
}
