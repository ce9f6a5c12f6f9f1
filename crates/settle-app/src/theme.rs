//! Settle's look: the embedded Noto Sans font (every Polish letter), text sizes, spacing and
//! the light and dark palettes with one accent colour, plus the colours screens share.

use std::sync::Arc;

use egui::{Color32, FontData, FontDefinitions, FontFamily, FontId, TextStyle};

pub const ACCENT: Color32 = Color32::from_rgb(0x1f, 0x6f, 0x8b);
pub const GOOD: Color32 = Color32::from_rgb(0x2e, 0x8b, 0x57);
pub const BAD: Color32 = Color32::from_rgb(0xc0, 0x39, 0x2b);
pub const WARN: Color32 = Color32::from_rgb(0xd9, 0x8c, 0x1f);

/// The family for bold text (`RichText::family(bold())`).
pub fn bold() -> FontFamily {
    FontFamily::Name("bold".into())
}

pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = FontDefinitions::default();
    fonts.font_data.insert(
        "noto".into(),
        Arc::new(FontData::from_static(include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf"))),
    );
    fonts.font_data.insert(
        "noto-bold".into(),
        Arc::new(FontData::from_static(include_bytes!("../../../assets/fonts/NotoSans-Bold.ttf"))),
    );
    if let Some(family) = fonts.families.get_mut(&FontFamily::Proportional) {
        family.insert(0, "noto".into());
    }
    let mut bold_family = vec!["noto-bold".to_string()];
    bold_family.extend(fonts.families.get(&FontFamily::Proportional).cloned().unwrap_or_default());
    fonts.families.insert(bold(), bold_family);
    ctx.set_fonts(fonts);
}

pub fn apply(ctx: &egui::Context, dark: bool) {
    ctx.set_theme(if dark { egui::Theme::Dark } else { egui::Theme::Light });
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Heading, FontId::new(24.0, bold())),
            (TextStyle::Body, FontId::new(15.0, FontFamily::Proportional)),
            (TextStyle::Button, FontId::new(15.0, FontFamily::Proportional)),
            (TextStyle::Small, FontId::new(12.5, FontFamily::Proportional)),
            (TextStyle::Monospace, FontId::new(13.5, FontFamily::Monospace)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(10.0, 8.0);
        style.spacing.button_padding = egui::vec2(12.0, 6.0);
        style.spacing.interact_size.y = 30.0;
        style.visuals.selection.bg_fill = ACCENT;
        style.visuals.selection.stroke = egui::Stroke::new(1.0, Color32::WHITE);
        style.visuals.hyperlink_color = ACCENT;
        let radius = egui::CornerRadius::same(6);
        style.visuals.widgets.noninteractive.corner_radius = radius;
        style.visuals.widgets.inactive.corner_radius = radius;
        style.visuals.widgets.hovered.corner_radius = radius;
        style.visuals.widgets.active.corner_radius = radius;
    });
}

/// A card's background, a little off the panel colour.
pub fn card_fill(ui: &egui::Ui) -> Color32 {
    if ui.visuals().dark_mode { Color32::from_gray(38) } else { Color32::from_rgb(0xf7, 0xf9, 0xfa) }
}

/// A subdued text colour for secondary lines.
pub fn muted(ui: &egui::Ui) -> Color32 {
    if ui.visuals().dark_mode { Color32::from_gray(160) } else { Color32::from_gray(95) }
}

/// The frame for cards and sections.
pub fn card(ui: &egui::Ui) -> egui::Frame {
    egui::Frame::new()
        .fill(card_fill(ui))
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .corner_radius(egui::CornerRadius::same(8))
        .inner_margin(egui::Margin::same(14))
}
