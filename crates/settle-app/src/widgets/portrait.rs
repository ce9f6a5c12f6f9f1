//! Portrait textures, decoded once per image through the core's size-checked loader, from
//! the bundled library or from a trainer's folder. Logic loads them ([`PortraitCache::load`])
//! for the screen about to be drawn; drawing only looks them up, so it never reads a file.

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
    /// Decodes an image the first time it is asked for; one that cannot be read is remembered
    /// as such (the reason is not repeated every frame: validation already reported missing
    /// files).
    pub fn load(&mut self, ctx: &egui::Context, path: &Path) {
        if self.textures.contains_key(path) {
            return;
        }
        // A bundled persona's portrait is inside the program; any other is a file.
        let pixels = match settle_bundle::image(path) {
            Some(bytes) => decode_pixels(path, bytes).ok(),
            None => load_pixels(path).ok(),
        };
        let texture = pixels.map(|pixels| {
            let size = [pixels.width as usize, pixels.height as usize];
            let image = ColorImage::from_rgba_unmultiplied(size, &pixels.rgba);
            ctx.load_texture(path.display().to_string(), image, TextureOptions::LINEAR)
        });
        self.textures.insert(path.to_path_buf(), texture);
    }

    /// The texture for an image already loaded, or `None` (not loaded, or not readable).
    pub fn get(&self, path: &Path) -> Option<&TextureHandle> {
        self.textures.get(path).and_then(Option::as_ref)
    }
}

/// Shows a portrait (or a neutral disc with initials when it cannot be read) in a square.
pub fn show(
    ui: &mut egui::Ui,
    cache: &PortraitCache,
    path: Option<&Path>,
    name: &str,
    side: f32,
) -> egui::Response {
    let texture = path.and_then(|p| cache.get(p));
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
