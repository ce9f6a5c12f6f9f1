//! The style map: firmness across, empathy up, each from -1 to 1; the five conflict-style
//! regions, the persona's target zone shaded, the call's path turn by turn and its end point
//! labelled with its style.

use egui::{Color32, Pos2, Rect, Response, Sense, Stroke, Ui, WidgetInfo, pos2, vec2};

use crate::theme;
use settle_core::style::{COMPROMISE_RADIUS, ConflictStyle, StylePoint, StyleZone};
use settle_i18n::{Lang, style_description};

pub struct StyleMap<'a> {
    pub zone: StyleZone,
    pub path: &'a [StylePoint],
    pub lang: Lang,
}

pub fn style_map_ui(ui: &mut Ui, map: &StyleMap<'_>) -> Response {
    let side = ui.available_width().clamp(220.0, 360.0);
    let (outer, response) = ui.allocate_exact_size(vec2(side, side), Sense::hover());
    let lang = map.lang;
    let end = map.path.last().copied().unwrap_or_default();
    if ui.is_rect_visible(outer) {
        let painter = ui.painter_at(outer);
        let plot = outer.shrink2(vec2(26.0, 22.0)).translate(vec2(8.0, -4.0));
        let at = |p: StylePoint| -> Pos2 {
            pos2(
                plot.left() + (p.firmness as f32 + 1.0) / 2.0 * plot.width(),
                plot.bottom() - (p.empathy as f32 + 1.0) / 2.0 * plot.height(),
            )
        };
        let text = ui.visuals().text_color();
        let muted = theme::muted(ui);
        painter.rect_filled(plot, 4.0, ui.visuals().extreme_bg_color);
        // Target zone.
        let zone = Rect::from_two_pos(
            at(StylePoint { empathy: map.zone.empathy.1, firmness: map.zone.firmness.0 }),
            at(StylePoint { empathy: map.zone.empathy.0, firmness: map.zone.firmness.1 }),
        );
        painter.rect_filled(zone, 2.0, theme::GOOD.gamma_multiply(0.25));
        painter.rect_stroke(zone, 2.0, Stroke::new(1.5, theme::GOOD), egui::StrokeKind::Inside);
        // Axes and the compromising square.
        let grid = Stroke::new(1.0, muted.gamma_multiply(0.6));
        painter.line_segment([pos2(plot.center().x, plot.top()), pos2(plot.center().x, plot.bottom())], grid);
        painter.line_segment([pos2(plot.left(), plot.center().y), pos2(plot.right(), plot.center().y)], grid);
        let r = COMPROMISE_RADIUS;
        let middle = Rect::from_two_pos(
            at(StylePoint { empathy: r, firmness: -r }),
            at(StylePoint { empathy: -r, firmness: r }),
        );
        painter.rect_stroke(middle, 2.0, grid, egui::StrokeKind::Inside);
        // Region names.
        let font = egui::FontId::proportional(12.0);
        let label = |pos: Pos2, align: egui::Align2, s: ConflictStyle| {
            painter.text(pos, align, lang.style(s), font.clone(), muted);
        };
        label(plot.right_top() + vec2(-6.0, 6.0), egui::Align2::RIGHT_TOP, ConflictStyle::Collaborating);
        label(plot.right_bottom() + vec2(-6.0, -6.0), egui::Align2::RIGHT_BOTTOM, ConflictStyle::Competing);
        label(plot.left_top() + vec2(6.0, 6.0), egui::Align2::LEFT_TOP, ConflictStyle::Accommodating);
        label(plot.left_bottom() + vec2(6.0, -6.0), egui::Align2::LEFT_BOTTOM, ConflictStyle::Avoiding);
        label(middle.center_bottom() + vec2(0.0, 2.0), egui::Align2::CENTER_TOP, ConflictStyle::Compromising);
        // Axis titles, with arrowheads at the positive ends.
        let axis = Stroke::new(1.5, text);
        let right = pos2(plot.right(), plot.center().y);
        let top = pos2(plot.center().x, plot.top());
        painter.add(egui::Shape::convex_polygon(
            vec![right, right + vec2(-8.0, -4.0), right + vec2(-8.0, 4.0)],
            text,
            axis,
        ));
        painter.add(egui::Shape::convex_polygon(
            vec![top, top + vec2(-4.0, 8.0), top + vec2(4.0, 8.0)],
            text,
            axis,
        ));
        painter.text(
            pos2(plot.center().x, outer.bottom() - 2.0),
            egui::Align2::CENTER_BOTTOM,
            lang.tr("style-map-firmness"),
            font.clone(),
            text,
        );
        painter.text(
            pos2(plot.center().x + 8.0, plot.top() + 14.0),
            egui::Align2::LEFT_TOP,
            lang.tr("style-map-empathy"),
            font.clone(),
            text,
        );
        // The path.
        let points: Vec<Pos2> =
            std::iter::once(at(StylePoint::default())).chain(map.path.iter().map(|p| at(*p))).collect();
        painter.add(egui::Shape::line(points.clone(), Stroke::new(2.0, theme::ACCENT.gamma_multiply(0.7))));
        for (i, p) in points.iter().enumerate().skip(1) {
            painter.circle_filled(*p, 3.0, theme::ACCENT);
            if points.len() <= 16 {
                painter.text(
                    *p + vec2(5.0, -5.0),
                    egui::Align2::LEFT_BOTTOM,
                    i.to_string(),
                    egui::FontId::proportional(10.0),
                    muted,
                );
            }
        }
        if let Some(last) = points.last().filter(|_| !map.path.is_empty()) {
            painter.circle(*last, 7.0, theme::ACCENT, Stroke::new(2.0, Color32::WHITE));
        }
    }
    let description = style_description(lang, end);
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Image, true, &description));
    ui.label(egui::RichText::new(description).family(theme::bold()));
    response
}
