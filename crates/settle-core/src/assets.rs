//! Where a persona's portraits are looked up: a trait the edges implement (a folder on disk,
//! the images bundled in the binary), so that validation can check every portrait a persona
//! names without the core touching the file system.
//!
//! Paths given to an [`Assets`] are relative and hold only normal parts; the core checks that
//! before asking.

use std::io::{BufRead, Seek};
use std::path::Path;

/// Portraits wider or taller than this are refused.
pub const MAX_PORTRAIT_SIDE: u32 = 2048;

/// What lies at a relative path among the images.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    File,
    Folder,
    Missing,
    /// It exists, but only by a link that leads out of the images' folder.
    Outside,
}

/// A readable image: a file or bytes in memory.
pub trait ImageSource: BufRead + Seek {}
impl<T: BufRead + Seek> ImageSource for T {}

/// The images a persona's portraits may name.
pub trait Assets: Sync {
    /// Where the images are, as a trainer would look for them (a folder's path); named in
    /// messages and joined to a portrait's path to make the path the app shows.
    fn root(&self) -> &Path;
    /// What is at `relative`.
    fn entry(&self, relative: &Path) -> Entry;
    /// The names inside the folder at `relative` (empty for the root), at most `limit`.
    fn names(&self, relative: &Path, limit: usize) -> Vec<String>;
    /// Opens the image at `relative`.
    fn open(&self, relative: &Path) -> std::io::Result<Box<dyn ImageSource + '_>>;
}

/// No images at all, rooted at `root`: every portrait is missing. For checks of a persona's
/// text alone (fuzzing, the analysis of a graph pasted in).
#[derive(Debug, Clone, Default)]
pub struct NoAssets {
    pub root: std::path::PathBuf,
}

impl Assets for NoAssets {
    fn root(&self) -> &Path {
        &self.root
    }
    fn entry(&self, relative: &Path) -> Entry {
        if relative.as_os_str().is_empty() { Entry::Folder } else { Entry::Missing }
    }
    fn names(&self, _: &Path, _: usize) -> Vec<String> {
        Vec::new()
    }
    fn open(&self, relative: &Path) -> std::io::Result<Box<dyn ImageSource + '_>> {
        Err(std::io::Error::new(std::io::ErrorKind::NotFound, relative.display().to_string()))
    }
}

/// Images held in memory by their relative path (`portraits/jan/calm.png`): the library bundled
/// in the binary, generated personas, tests.
#[derive(Debug, Clone, Default)]
pub struct MemoryAssets {
    root: std::path::PathBuf,
    files: std::collections::BTreeMap<String, std::borrow::Cow<'static, [u8]>>,
}

impl MemoryAssets {
    /// No images yet; `root` is what messages call their folder.
    pub fn new(root: impl Into<std::path::PathBuf>) -> MemoryAssets {
        MemoryAssets { root: root.into(), files: Default::default() }
    }

    /// Adds an image at `relative` (parts separated by `/`).
    pub fn with(mut self, relative: &str, bytes: impl Into<std::borrow::Cow<'static, [u8]>>) -> MemoryAssets {
        self.files.insert(relative.trim_matches('/').to_string(), bytes.into());
        self
    }

    fn key(relative: &Path) -> String {
        let parts: Vec<String> = relative
            .components()
            .filter_map(|c| match c {
                std::path::Component::Normal(part) => Some(part.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect();
        parts.join("/")
    }

    /// The images under the folder `key` (every image for the root).
    fn under<'s>(&'s self, key: &'s str) -> impl Iterator<Item = &'s str> + 's {
        let prefix = if key.is_empty() { String::new() } else { format!("{key}/") };
        self.files.keys().filter_map(move |k| k.strip_prefix(prefix.as_str()))
    }
}

impl Assets for MemoryAssets {
    fn root(&self) -> &Path {
        &self.root
    }

    fn entry(&self, relative: &Path) -> Entry {
        let key = Self::key(relative);
        if self.files.contains_key(&key) {
            Entry::File
        } else if key.is_empty() || self.under(&key).next().is_some() {
            Entry::Folder
        } else {
            Entry::Missing
        }
    }

    fn names(&self, relative: &Path, limit: usize) -> Vec<String> {
        let key = Self::key(relative);
        let mut names: Vec<String> =
            self.under(&key).map(|rest| rest.split('/').next().unwrap_or(rest).to_string()).collect();
        names.dedup();
        names.truncate(limit);
        names
    }

    fn open(&self, relative: &Path) -> std::io::Result<Box<dyn ImageSource + '_>> {
        match self.files.get(&Self::key(relative)) {
            Some(bytes) => Ok(Box::new(std::io::Cursor::new(bytes.as_ref()))),
            None => Err(std::io::Error::new(std::io::ErrorKind::NotFound, relative.display().to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_in_memory_answer_like_a_folder() {
        let assets = MemoryAssets::new("bundled")
            .with("portraits/jan/calm.png", &b"png"[..])
            .with("portraits/jan/angry.png", &b"png"[..])
            .with("portraits/ola/calm.png", &b"png"[..]);
        assert_eq!(assets.entry(Path::new("portraits/jan/calm.png")), Entry::File);
        assert_eq!(assets.entry(Path::new("./portraits/jan")), Entry::Folder);
        assert_eq!(assets.entry(Path::new("portraits/ja")), Entry::Missing);
        assert_eq!(assets.names(Path::new("portraits"), 10), ["jan", "ola"]);
        assert_eq!(assets.names(Path::new("portraits/jan"), 1), ["angry.png"]);
        assert!(assets.open(Path::new("portraits/ola/calm.png")).is_ok());
        assert!(assets.open(Path::new("portraits/ola/angry.png")).is_err());
    }
}
