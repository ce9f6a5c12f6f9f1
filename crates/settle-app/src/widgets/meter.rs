//! A labelled horizontal meter for a mood value (0-100), readable by screen readers.

use egui::{Color32, Response, Sense, Ui, Widget, WidgetInfo};

pub struct Meter<'a> {
    pub label: &'a str,
    pub value: i32,
    pub color: Color32,
}

pub fn meter_ui(ui: &mut Ui, meter: &Meter<'_>) -> Response {
    let width = ui.available_width().min(260.0);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, 34.0), Sense::hover());
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        let text_color = ui.visuals().text_color();
        painter.text(
            rect.left_top(),
            egui::Align2::LEFT_TOP,
            meter.label,
            egui::FontId::proportional(13.0),
            text_color,
        );
        painter.text(
            rect.right_top(),
            egui::Align2::RIGHT_TOP,
            meter.value.to_string(),
            egui::FontId::proportional(13.0),
            text_color,
        );
        let bar =
            egui::Rect::from_min_max(egui::pos2(rect.left(), rect.bottom() - 10.0), rect.right_bottom());
        painter.rect_filled(bar, 5.0, ui.visuals().extreme_bg_color);
        let filled = bar.with_max_x(bar.left() + bar.width() * meter.value.clamp(0, 100) as f32 / 100.0);
        painter.rect_filled(filled, 5.0, meter.color);
    }
    response.widget_info(|| {
        let mut info = WidgetInfo::labeled(egui::Role::ProgressIndicator, true, meter.label);
        info.value = Some(f64::from(meter.value));
        info
    });
    response
}

impl Widget for Meter<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        meter_ui(ui, &self)
    }
}
