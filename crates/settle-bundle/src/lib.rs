//! The persona library built into the program: every graph and string table of `dialogues/`
//! and every image of `assets/portraits/`, embedded at compile time, so an installed Settle
//! has its whole library wherever it is started from.
//!
//! This crate only hands out bytes and loads them through the core; it never reads the disk.
//! A trainer's folder is laid over it by the caller ([`Library::overlay`]).

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use settle_core::Library;
use settle_core::assets::MemoryAssets;
use settle_core::diagnostic::Problem;
use settle_core::load::{LoadedFile, Origin, load_persona, tables_of};

static DIALOGUES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../dialogues");
static PORTRAITS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../assets/portraits");

/// Where bundled files say they are: diagnostics and portrait paths start here, so a person
/// reading them knows the file is inside the program, not on disk.
pub const ROOT: &str = "(bundled)";

/// The bundled folder of personas, as paths name it.
pub fn dialogues_dir() -> PathBuf {
    Path::new(ROOT).join("dialogues")
}

/// The bundled images, as paths name them (portrait paths begin with it).
pub fn assets_dir() -> PathBuf {
    Path::new(ROOT).join("assets")
}

/// The bundled portraits as [`settle_core::assets::Assets`].
pub fn assets() -> MemoryAssets {
    let mut assets = MemoryAssets::new(assets_dir());
    let mut stack = vec![&PORTRAITS];
    while let Some(dir) = stack.pop() {
        for file in dir.files() {
            let relative = Path::new("portraits").join(file.path());
            assets = assets.with(&relative.to_string_lossy(), file.contents());
        }
        stack.extend(dir.dirs());
    }
    assets
}

/// The bytes of a bundled image named by a portrait's path (`(bundled)/assets/portraits/..`);
/// `None` for any other path.
pub fn image(path: &Path) -> Option<&'static [u8]> {
    let inside = path.strip_prefix(assets_dir()).ok()?.strip_prefix("portraits").ok()?;
    PORTRAITS.get_file(inside).map(|f| f.contents())
}

/// Every bundled persona, loaded and validated with its string tables, in file name order.
pub fn library() -> Library {
    let assets = assets();
    let dir = dialogues_dir();
    let mut paths: Vec<PathBuf> = DIALOGUES.files().map(|f| dir.join(f.path())).collect();
    paths.sort();
    let bytes = |path: &Path| -> Result<Vec<u8>, Problem> {
        let name = path.strip_prefix(&dir).map_err(|_| Problem::Unreadable(path.display().to_string()))?;
        DIALOGUES
            .get_file(name)
            .map(|f| f.contents().to_vec())
            .ok_or_else(|| Problem::Unreadable(path.display().to_string()))
    };
    let files = paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .filter_map(|graph| {
            let graph_bytes = bytes(graph).ok()?;
            let tables = tables_of(graph, &paths).into_iter().map(|t| {
                let read = bytes(&t);
                (t, read)
            });
            let loaded = load_persona(graph, &graph_bytes, tables.collect(), &assets);
            Some(LoadedFile { origin: Origin::Bundled, ..loaded })
        })
        .collect();
    Library { files }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_persona_loads_in_both_languages_with_its_portraits() {
        let library = library();
        assert_eq!(library.files.len(), 8, "one file per bundled persona");
        assert_eq!((library.errors(), library.warnings()), (0, 0), "{}", library.files[0].render());
        for file in &library.files {
            assert_eq!(file.origin, Origin::Bundled);
            let persona = file.persona.as_ref().expect("playable");
            assert_eq!(file.languages().len(), 2, "{} has English and Polish", persona.id.0);
            for portrait in &persona.portraits {
                let bytes = image(&portrait.path).expect("the portrait is bundled");
                settle_core::portrait::decode_pixels(&portrait.path, bytes).expect("it decodes");
            }
        }
        assert_eq!(image(Path::new("assets/portraits/jan-hardship/calm.png")), None);
    }
}
