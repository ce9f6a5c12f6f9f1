//! Which portrait the debtor shows for the current mood, and reading portrait images safely.
//!
//! The choice is the persona's first portrait whose condition holds (the author lists the
//! strongest moods first and ends with an unconditional one). Images are decoded with a cap
//! on their dimensions, so a hostile file cannot make the app allocate gigabytes.

use std::io::{BufRead, Cursor, Seek};
use std::path::{Component, Path, PathBuf};

use thiserror::Error;

use crate::assets::{Assets, Entry};
use crate::mood::MoodState;
use crate::persona::{Persona, Portrait};

pub use crate::assets::MAX_PORTRAIT_SIDE;

/// The portrait for these moods; `None` only for a persona without portraits.
pub fn portrait_for<'p>(persona: &'p Persona, moods: &MoodState) -> Option<&'p Portrait> {
    persona.portraits.iter().find(|p| moods.allows(p.when.as_ref()))
}

/// The portrait shown on library cards and the briefing: the unconditional one.
pub fn resting_portrait(persona: &Persona) -> Option<&Portrait> {
    persona.portraits.iter().find(|p| p.when.is_none()).or(persona.portraits.first())
}

#[derive(Debug, Error)]
pub enum PortraitError {
    #[error("cannot read {path}: {message}")]
    Unreadable { path: String, message: String },
    #[error("{path} is {width}×{height} pixels; portraits may be at most {MAX_PORTRAIT_SIDE} on a side")]
    TooLarge { path: String, width: u32, height: u32 },
}

/// An image as RGBA pixels, row by row.
#[derive(Debug, Clone)]
pub struct Pixels {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}

fn unreadable(path: &Path, e: &dyn std::fmt::Display) -> PortraitError {
    PortraitError::Unreadable { path: path.display().to_string(), message: e.to_string() }
}

/// Reads only the image's header: its format must be known and its sides within
/// [`MAX_PORTRAIT_SIDE`]. Validation calls this so that an image bomb is reported where the
/// persona names it, before anything tries to decode it. `path` names the image in errors.
pub fn check_image(path: &Path, image: impl BufRead + Seek) -> Result<(u32, u32), PortraitError> {
    let reader = image::ImageReader::new(image).with_guessed_format().map_err(|e| unreadable(path, &e))?;
    let (width, height) = reader.into_dimensions().map_err(|e| unreadable(path, &e))?;
    if width > MAX_PORTRAIT_SIDE || height > MAX_PORTRAIT_SIDE {
        return Err(PortraitError::TooLarge { path: path.display().to_string(), width, height });
    }
    Ok((width, height))
}

/// Decodes a portrait from its bytes, checking its dimensions before any pixel is decoded.
pub fn decode_pixels(path: &Path, bytes: &[u8]) -> Result<Pixels, PortraitError> {
    check_image(path, Cursor::new(bytes))?;
    let image = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| unreadable(path, &e))?
        .decode()
        .map_err(|e| unreadable(path, &e))?
        .to_rgba8();
    Ok(Pixels { width: image.width(), height: image.height(), rgba: image.into_raw() })
}

/// The image among `assets` that a missing portrait path most likely means: each part of
/// `image` that does not exist is replaced by the one entry beside it that differs only in case
/// or by a typo (`Calm.png`, `portraits/minmal/calm.png`). `None` when no such image exists.
pub fn nearest_image(assets: &dyn Assets, image: &Path) -> Option<String> {
    /// Entries read per folder at most: a folder of portraits is small.
    const MAX_ENTRIES: usize = 1000;
    let parts: Vec<&str> = image
        .components()
        .filter_map(|c| match c {
            Component::Normal(part) => part.to_str(),
            _ => None,
        })
        .collect();
    let mut found = PathBuf::new();
    for part in parts {
        let name = if assets.entry(&found.join(part)) != Entry::Missing {
            part.to_string()
        } else {
            let names = assets.names(&found, MAX_ENTRIES);
            match names.iter().find(|n| n.eq_ignore_ascii_case(part)) {
                Some(name) => name.clone(),
                None => crate::diagnostic::suggest(part, names.iter().map(String::as_str))?,
            }
        };
        found.push(name);
    }
    (assets.entry(&found) == Entry::File && found != image)
        .then(|| found.to_string_lossy().replace('\\', "/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(width: u32, height: u32) -> Vec<u8> {
        let mut bytes = Vec::new();
        image::RgbaImage::new(width, height)
            .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Png)
            .expect("encode png");
        bytes
    }

    #[test]
    fn refuses_huge_images_before_decoding() {
        let path = Path::new("bomb.png");
        assert!(matches!(
            decode_pixels(path, &png(4000, 1)),
            Err(PortraitError::TooLarge { width: 4000, .. })
        ));
        let pixels = decode_pixels(Path::new("small.png"), &png(3, 2)).expect("decodes");
        assert_eq!((pixels.width, pixels.height, pixels.rgba.len()), (3, 2, 24));
        assert!(decode_pixels(Path::new("text.png"), b"not an image").is_err());
    }

    use crate::assets::MemoryAssets;

    #[test]
    fn a_missing_image_is_matched_to_the_one_it_most_likely_means() {
        let assets = MemoryAssets::new("assets")
            .with("portraits/minimal/calm.png", &b""[..])
            .with("portraits/minimal/angry.png", &b""[..])
            .with("portraits/other/calm.png", &b""[..]);
        let nearest = |image: &str| nearest_image(&assets, Path::new(image));
        assert_eq!(nearest("portraits/minimal/Calm.png").as_deref(), Some("portraits/minimal/calm.png"));
        assert_eq!(nearest("portraits/minmal/calm.png").as_deref(), Some("portraits/minimal/calm.png"));
        assert_eq!(nearest("portraits/minimal/clam.png").as_deref(), Some("portraits/minimal/calm.png"));
        assert_eq!(nearest("portraits/minimal/smiling.png"), None);
        assert_eq!(nearest("portraits/nobody/calm.png"), None);
        assert_eq!(nearest("portraits/minimal/calm.png"), None);
    }
}
