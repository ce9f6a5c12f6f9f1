//! Trainer tools' state and intents: the watched persona folder's files and diagnostics, the
//! selected persona's analysis, graph view and author preview. The screen draws this; the
//! changes happen here, through the core.

use std::path::PathBuf;
use std::sync::Arc;

use settle_core::analysis::{Analysis, Bounds, analyze};
use settle_core::call::{Choice, Mode};
use settle_core::engine::{CallEngine, CallEvent};
use settle_core::persona::{ContentHash, NodeIdx, Persona, ReplyIdx};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthorTab {
    Problems,
    Graph,
    Analysis,
    Preview,
}

/// An author preview: a call with everything visible, that can jump anywhere.
pub struct Preview {
    pub engine: CallEngine,
    /// The last random draw: effective weights and the branch chosen.
    pub last_draw: Option<(Vec<f64>, usize)>,
    /// Mood values to jump with, as edited.
    pub moods: Vec<i32>,
}

pub struct AuthoringState {
    pub selected: Option<PathBuf>,
    pub tab: AuthorTab,
    pub folder_text: String,
    pub analysis: Option<(ContentHash, Analysis)>,
    pub graph_rect: egui::Rect,
    pub graph_node: Option<NodeIdx>,
    pub preview: Option<Preview>,
}

impl AuthoringState {
    pub fn new(folder: Option<&std::path::Path>) -> AuthoringState {
        AuthoringState {
            selected: None,
            tab: AuthorTab::Problems,
            folder_text: folder.map(|f| f.display().to_string()).unwrap_or_default(),
            analysis: None,
            graph_rect: egui::Rect::ZERO,
            graph_node: None,
            preview: None,
        }
    }
}

/// What the trainer asked for on the authoring screen.
#[derive(Debug, Clone, PartialEq)]
pub enum AuthorIntent {
    OpenFolder(PathBuf),
    Select(PathBuf),
    Tab(AuthorTab),
    Analyze,
    PreviewFromStart,
    PreviewChoose(ReplyIdx),
    PreviewSilence,
    /// Jump to a node with the edited moods.
    PreviewJump(NodeIdx),
    SelectNode(NodeIdx),
}

impl AuthoringState {
    /// Applies an intent that concerns only the authoring state and the selected persona.
    pub fn apply(&mut self, intent: AuthorIntent, persona: Option<&Arc<Persona>>) {
        match intent {
            AuthorIntent::OpenFolder(_) => {}
            AuthorIntent::Select(path) => {
                if self.selected.as_ref() != Some(&path) {
                    self.selected = Some(path);
                    self.analysis = None;
                    self.preview = None;
                    self.graph_node = None;
                    self.graph_rect = egui::Rect::ZERO;
                }
            }
            AuthorIntent::Tab(tab) => {
                self.tab = tab;
                if tab == AuthorTab::Preview && self.preview.is_none() {
                    self.apply(AuthorIntent::PreviewFromStart, persona);
                }
            }
            AuthorIntent::Analyze => {
                if let Some(p) = persona {
                    self.analysis = Some((p.source.hash.clone(), analyze(p, Bounds::for_persona(p))));
                }
            }
            AuthorIntent::PreviewFromStart => {
                if let Some(p) = persona {
                    let (engine, events) = CallEngine::start(Arc::clone(p), Mode::Practice, 1);
                    let moods = engine.moods().values().to_vec();
                    self.preview = Some(Preview { engine, last_draw: draw_of(&events), moods });
                    self.tab = AuthorTab::Preview;
                }
            }
            AuthorIntent::PreviewChoose(_) | AuthorIntent::PreviewSilence => {
                if let Some(preview) = &mut self.preview {
                    let choice = match intent {
                        AuthorIntent::PreviewChoose(r) => Choice::Reply(r),
                        _ => Choice::Silence,
                    };
                    if let Ok(events) = preview.engine.apply(choice) {
                        preview.last_draw = draw_of(&events);
                        preview.moods = preview.engine.moods().values().to_vec();
                    }
                }
            }
            AuthorIntent::PreviewJump(node) => {
                if self.preview.is_none() {
                    self.apply(AuthorIntent::PreviewFromStart, persona);
                }
                if let Some(preview) = &mut self.preview {
                    let mut moods = preview.engine.moods().clone();
                    for (i, v) in preview.moods.iter().enumerate() {
                        moods.set_value(settle_core::persona::MoodIdx(i as u16), *v);
                    }
                    let events = preview.engine.jump(node, moods);
                    preview.last_draw = draw_of(&events);
                    self.tab = AuthorTab::Preview;
                }
            }
            AuthorIntent::SelectNode(node) => self.graph_node = Some(node),
        }
    }
}

fn draw_of(events: &[CallEvent]) -> Option<(Vec<f64>, usize)> {
    events.iter().find_map(|e| match e {
        CallEvent::BranchDrawn { weights, chosen } => Some((weights.clone(), *chosen)),
        _ => None,
    })
}
