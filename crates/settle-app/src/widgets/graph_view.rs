//! The persona's graph drawn in the app: nodes as boxes in columns by distance from the start,
//! coloured by kind (ending with points, ending without, ploy, normal), replies as arrows;
//! pan and zoom with egui's `Scene`. Returns the node the trainer clicked.

use std::collections::VecDeque;

use egui::{Color32, Pos2, Rect, Sense, Stroke, pos2, vec2};

use crate::theme;
use settle_core::graph::successors;
use settle_core::persona::{NodeIdx, Persona};

const BOX: egui::Vec2 = egui::Vec2::new(170.0, 46.0);
const GAP: egui::Vec2 = egui::Vec2::new(80.0, 24.0);

/// Column = breadth-first distance from the start (unreachable nodes in a last column);
/// row = order of discovery within the column.
fn layout(persona: &Persona) -> Vec<Pos2> {
    let n = persona.nodes.len();
    let mut depth = vec![usize::MAX; n];
    let mut queue = VecDeque::from([persona.start]);
    depth[persona.start.get()] = 0;
    let mut order = Vec::with_capacity(n);
    while let Some(at) = queue.pop_front() {
        order.push(at.get());
        for to in successors(persona.node(at)) {
            if depth[to.get()] == usize::MAX {
                depth[to.get()] = depth[at.get()] + 1;
                queue.push_back(to);
            }
        }
    }
    let last = depth.iter().filter(|d| **d != usize::MAX).max().copied().unwrap_or(0) + 1;
    for (i, d) in depth.iter_mut().enumerate() {
        if *d == usize::MAX {
            *d = last;
            order.push(i);
        }
    }
    let mut rows = vec![0usize; last + 1];
    let mut positions = vec![Pos2::ZERO; n];
    for i in order {
        let column = depth[i];
        positions[i] = pos2(column as f32 * (BOX.x + GAP.x), rows[column] as f32 * (BOX.y + GAP.y));
        rows[column] += 1;
    }
    positions
}

/// `flagged` nodes (named by a problem or never reached in the analysis) get a red border.
pub fn graph_view(
    ui: &mut egui::Ui,
    persona: &Persona,
    scene_rect: &mut Rect,
    selected: Option<NodeIdx>,
    flagged: &std::collections::HashSet<NodeIdx>,
) -> Option<NodeIdx> {
    let positions = layout(persona);
    let mut clicked = None;
    let frame = egui::Frame::new().fill(ui.visuals().extreme_bg_color).corner_radius(6);
    frame.show(ui, |ui| {
        egui::Scene::new().zoom_range(0.05..=2.0).show(ui, scene_rect, |ui| {
            let painter = ui.painter().clone();
            for (i, node) in persona.nodes.iter().enumerate() {
                let from = positions[i] + vec2(BOX.x, BOX.y / 2.0);
                for to in successors(node) {
                    let target = positions[to.get()] + vec2(0.0, BOX.y / 2.0);
                    painter
                        .line_segment([from, target], Stroke::new(1.0, theme::muted(ui).gamma_multiply(0.6)));
                    painter.circle_filled(target, 2.5, theme::muted(ui));
                }
            }
            for (i, node) in persona.nodes.iter().enumerate() {
                let rect = Rect::from_min_size(positions[i], BOX);
                let fill = match (&node.ending, node.ploy) {
                    (Some(e), _) if persona.target.points(e.outcome) > 0 => {
                        Color32::from_rgb(0xc8, 0xe6, 0xc9)
                    }
                    (Some(_), _) => Color32::from_rgb(0xff, 0xcd, 0xd2),
                    (None, Some(_)) => Color32::from_rgb(0xff, 0xe0, 0xb2),
                    (None, None) => Color32::from_rgb(0xfa, 0xfa, 0xfa),
                };
                let idx = NodeIdx(i as u32);
                let stroke = if selected == Some(idx) {
                    Stroke::new(3.0, theme::ACCENT)
                } else if flagged.contains(&idx) {
                    Stroke::new(2.5, theme::BAD)
                } else if persona.start == idx {
                    Stroke::new(2.0, Color32::from_gray(60))
                } else {
                    Stroke::new(1.0, Color32::from_gray(140))
                };
                let response = ui.allocate_rect(rect, Sense::click());
                painter.rect(rect, 6.0, fill, stroke, egui::StrokeKind::Inside);
                let label = match (&node.ending, node.ploy) {
                    (Some(e), _) => format!("{}\n{}", node.id, e.outcome.key()),
                    (None, Some(p)) => format!("{}\n{p:?}", node.id),
                    (None, None) => format!("{}\n{} replies", node.id, node.replies.len()),
                };
                painter.text(
                    rect.center(),
                    egui::Align2::CENTER_CENTER,
                    label,
                    egui::FontId::proportional(11.0),
                    Color32::from_gray(30),
                );
                response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &node.id.0));
                if response.clicked() {
                    clicked = Some(idx);
                }
            }
        });
    });
    clicked
}
