//! Persona folders on disk: reading a `dialogues/` folder (each graph with the string tables
//! beside it, each file with a size limit) into a [`Library`], and the `assets/` folder beside
//! it as the [`Assets`] that validation checks portraits against.
//!
//! Parsing and validation are the core's; this module only reads bytes and never decides
//! what they mean.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use settle_core::Library;
use settle_core::assets::{Assets, Entry, ImageSource};
use settle_core::diagnostic::{Diagnostic, Level, Problem};
use settle_core::load::{LoadedFile, MAX_FILE_BYTES, Origin, load_persona, reject_duplicate_ids, tables_of};
use settle_core::portrait::{Pixels, PortraitError, decode_pixels};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum LoadError {
    #[error("cannot read the folder {path}: {source}")]
    Folder { path: PathBuf, source: std::io::Error },
}

/// The `assets/` folder beside a `dialogues/` folder.
/// `dialogues` may be relative, even `.` or empty (a file named without its folder).
pub fn default_assets_dir(dialogues: &Path) -> PathBuf {
    let folder = if dialogues.as_os_str().is_empty() { Path::new(".") } else { dialogues };
    if let Some(parent) = folder.canonicalize().ok().and_then(|d| d.parent().map(Path::to_path_buf)) {
        return parent.join("assets");
    }
    let parent = folder.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    parent.join("assets")
}

/// Loads every `*.ron` file of a folder (portraits from `assets_dir`) (not recursive) with the string tables beside it, then
/// checks that persona ids are unique across files.
pub fn load_dir(dir: &Path, assets_dir: &Path) -> Result<Library, LoadError> {
    let assets = &FolderAssets::new(assets_dir);
    let entries =
        fs::read_dir(dir).map_err(|source| LoadError::Folder { path: dir.to_path_buf(), source })?;
    let mut paths: Vec<PathBuf> =
        entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_file()).collect();
    paths.sort();
    let is_graph = |p: &&PathBuf| p.extension().is_some_and(|e| e == "ron");
    let mut files: Vec<LoadedFile> =
        paths.iter().filter(is_graph).map(|p| load_graph(p, tables_of(p, &paths), assets)).collect();
    reject_duplicate_ids(&mut files);
    Ok(Library { files })
}

/// Reads, parses and validates one persona file with the string tables beside it.
pub fn load_file(path: &Path, assets_dir: &Path) -> LoadedFile {
    let assets = &FolderAssets::new(assets_dir);
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let beside: Vec<PathBuf> = fs::read_dir(folder)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    let mut tables = tables_of(path, &beside);
    tables.sort();
    load_graph(path, tables, assets)
}

fn load_graph(path: &Path, table_paths: Vec<PathBuf>, assets: &dyn Assets) -> LoadedFile {
    let bytes = match read_limited(path) {
        Ok(bytes) => bytes,
        Err(problem) => {
            return LoadedFile {
                path: path.to_path_buf(),
                text: String::new(),
                persona: None,
                diagnostics: vec![Diagnostic::new(Level::Error, problem, path, "", None)],
                tables: Vec::new(),
                origin: Origin::folder_of(path),
            };
        }
    };
    let tables: Vec<(PathBuf, Result<Vec<u8>, Problem>)> = table_paths
        .into_iter()
        .map(|p| {
            let read = read_limited(&p);
            (p, read)
        })
        .collect();
    load_persona(path, &bytes, tables, assets)
}

fn read_limited(path: &Path) -> Result<Vec<u8>, Problem> {
    let file = fs::File::open(path).map_err(|e| Problem::Unreadable(e.to_string()))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    if size > MAX_FILE_BYTES {
        return Err(Problem::TooLarge { size, limit: MAX_FILE_BYTES });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // A file that grows while read is still cut at the limit.
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(|e| Problem::Unreadable(e.to_string()))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Problem::TooLarge { size: bytes.len() as u64, limit: MAX_FILE_BYTES });
    }
    Ok(bytes)
}

/// The library a person sees: the bundled personas with a trainer's folder of persona files
/// (and its images folder) laid over them. A folder that cannot be read leaves the bundled
/// library whole and is returned as the error to show.
pub fn with_folder(bundled: Library, folder: Option<(&Path, &Path)>) -> (Library, Option<LoadError>) {
    match folder.map(|(dir, assets_dir)| load_dir(dir, assets_dir)) {
        None => (bundled, None),
        Some(Ok(loaded)) => (Library::overlay(bundled, loaded), None),
        Some(Err(e)) => (bundled, Some(e)),
    }
}

/// The images in a folder on disk.
#[derive(Debug, Clone)]
pub struct FolderAssets {
    root: PathBuf,
}

impl FolderAssets {
    pub fn new(root: impl Into<PathBuf>) -> FolderAssets {
        FolderAssets { root: root.into() }
    }
}

impl Assets for FolderAssets {
    fn root(&self) -> &Path {
        &self.root
    }

    fn entry(&self, relative: &Path) -> Entry {
        let path = self.root.join(relative);
        let escapes_by_link = match (path.canonicalize(), self.root.canonicalize()) {
            (Ok(real), Ok(root)) => !real.starts_with(root),
            _ => false,
        };
        if escapes_by_link {
            Entry::Outside
        } else if path.is_file() {
            Entry::File
        } else if path.is_dir() {
            Entry::Folder
        } else {
            Entry::Missing
        }
    }

    fn names(&self, relative: &Path, limit: usize) -> Vec<String> {
        let Ok(entries) = fs::read_dir(self.root.join(relative)) else { return Vec::new() };
        entries.take(limit).filter_map(|e| e.ok()?.file_name().into_string().ok()).collect()
    }

    fn open(&self, relative: &Path) -> std::io::Result<Box<dyn ImageSource + '_>> {
        Ok(Box::new(std::io::BufReader::new(fs::File::open(self.root.join(relative))?)))
    }
}

/// Portraits are small; a file past this is refused before it is read.
const MAX_PORTRAIT_BYTES: u64 = 16 * 1024 * 1024;

/// Reads and decodes a portrait file (its dimensions are checked before any pixel is decoded).
pub fn load_pixels(path: &Path) -> Result<Pixels, PortraitError> {
    let unreadable =
        |message: String| PortraitError::Unreadable { path: path.display().to_string(), message };
    let file = fs::File::open(path).map_err(|e| unreadable(e.to_string()))?;
    let mut bytes = Vec::new();
    file.take(MAX_PORTRAIT_BYTES).read_to_end(&mut bytes).map_err(|e| unreadable(e.to_string()))?;
    decode_pixels(path, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assets_beside_dialogues() {
        let here = std::env::current_dir().expect("cwd");
        let dir = tempfile::tempdir().expect("tempdir");
        fs::create_dir(dir.path().join("dialogues")).expect("mkdir");
        let real = dir.path().canonicalize().expect("canonical");
        assert_eq!(default_assets_dir(&dir.path().join("dialogues")), real.join("assets"));
        assert_eq!(default_assets_dir(Path::new("")), here.parent().expect("parent").join("assets"));
        assert_eq!(default_assets_dir(Path::new("/nowhere/b/dialogues")), PathBuf::from("/nowhere/b/assets"));
    }

    #[test]
    fn a_folder_lists_its_images_and_refuses_huge_ones() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::create_dir(dir.path().join("portraits")).expect("mkdir");
        image::RgbaImage::new(4000, 1).save(dir.path().join("portraits/bomb.png")).expect("write png");
        image::RgbaImage::new(3, 2).save(dir.path().join("portraits/small.png")).expect("write png");
        let assets = FolderAssets::new(dir.path());
        assert_eq!(assets.entry(Path::new("portraits")), Entry::Folder);
        assert_eq!(assets.entry(Path::new("portraits/small.png")), Entry::File);
        assert_eq!(assets.entry(Path::new("portraits/none.png")), Entry::Missing);
        let mut names = assets.names(Path::new("portraits"), 10);
        names.sort();
        assert_eq!(names, ["bomb.png", "small.png"]);
        let bomb = load_pixels(&dir.path().join("portraits/bomb.png"));
        assert!(matches!(bomb, Err(PortraitError::TooLarge { width: 4000, .. })));
        let pixels = load_pixels(&dir.path().join("portraits/small.png")).expect("decodes");
        assert_eq!((pixels.width, pixels.height), (3, 2));
        assert!(load_pixels(&dir.path().join("missing.png")).is_err());
    }
}
