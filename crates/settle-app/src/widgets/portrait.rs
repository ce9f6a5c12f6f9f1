//! Portrait textures, decoded once per image through the core's size-checked loader, from
//! the bundled library or from a trainer's folder.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use egui::{ColorImage, TextureHandle, TextureOptions};

use settle_core::portrait::decode_pixels;
use settle_store::library::load_pixels;

#[derive(Default)]
pub struct PortraitCache {
    textures: HashMap<PathBuf, Option<TextureHandle>>,
}

impl PortraitCache {
    /// The texture for an image, or `None` when it cannot be read (the reason is not
    /// repeated every frame: validation already reported missing files).
    pub fn get(&mut self, ctx: &egui::Context, path: &Path) -> Option<TextureHandle> {
        self.textures
            .entry(path.to_path_buf())
            .or_insert_with(|| {
                // A bundled persona's portrait is inside the program; any other is a file.
                let pixels = match settle_bundle::image(path) {
                    Some(bytes) => decode_pixels(path, bytes).ok()?,
                    None => load_pixels(path).ok()?,
                };
                let size = [pixels.width as usize, pixels.height as usize];
                let image = ColorImage::from_rgba_unmultiplied(size, &pixels.rgba);
                Some(ctx.load_texture(path.display().to_string(), image, TextureOptions::LINEAR))
            })
            .clone()
    }
}

/// Shows a portrait (or a neutral disc with initials when it cannot be read) in a square.
pub fn show(
    ui: &mut egui::Ui,
    cache: &mut PortraitCache,
    path: Option<&Path>,
    name: &str,
    side: f32,
) -> egui::Response {
    let texture = path.and_then(|p| cache.get(ui.ctx(), p));
    match texture {
        Some(texture) => ui.add(
            egui::Image::new((texture.id(), egui::vec2(side, side)))
                .corner_radius(egui::CornerRadius::same((side / 2.0).min(255.0) as u8))
                .alt_text(name),
        ),
        None => {
            let (rect, response) = ui.allocate_exact_size(egui::vec2(side, side), egui::Sense::hover());
            let painter = ui.painter();
            painter.circle_filled(rect.center(), side / 2.0, ui.visuals().widgets.inactive.bg_fill);
            let initials: String = name.split_whitespace().filter_map(|w| w.chars().next()).take(2).collect();
            painter.text(
                rect.center(),
                egui::Align2::CENTER_CENTER,
                initials,
                egui::FontId::proportional(side / 3.0),
                ui.visuals().text_color(),
            );
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, name));
            response
        }
    }
}
