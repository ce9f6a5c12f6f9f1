//! What Settle remembers between runs, in one JSON file in the data folder
//! ([`Folders::settings`](crate::folders::Folders::settings)) that the app and the command line
//! both read: the trainee, the interface's language and look, the reports folder, the
//! organisation's signing key and the learning record store.
//!
//! The environment still wins where it did ([`Settings::org_key`], [`Settings::reports_dir`];
//! the LRS's variables in `settle_lrs::LrsConfig::of`), so an organisation can fix them for
//! every trainee. A damaged or unreadable file is a [`SettingsError`] for the caller to show,
//! never a crash: the caller goes on with the defaults. Writes are atomic, so a crash mid-write
//! leaves the old file.

use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use settle_core::call::Mode;
use settle_core::vocabulary::Language;
use settle_i18n::Lang;

use crate::folders::Folders;

/// The settings file's format version.
pub const SETTINGS_FORMAT: u32 = 1;

/// Settings files larger than this are refused unread (a settings file is well under 1 KiB).
const MAX_SETTINGS_BYTES: u64 = 64 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub format: u32,
    pub trainee: String,
    pub lang: Lang,
    pub dark: bool,
    /// Empty: the default folder.
    pub reports_dir: String,
    pub mode: Mode,
    pub filter_language: Option<Language>,
    pub filter_difficulty: Option<u8>,
    /// The organisation's key for signing reports (the environment variable wins).
    pub org_key: String,
    /// The learning record store (empty endpoint: none); environment variables win.
    pub lrs_endpoint: String,
    pub lrs_key: String,
    pub lrs_secret: String,
    /// A trainer's folder of persona files laid over the bundled library (empty: the
    /// `dialogues` folder in the data folder, when there is one).
    pub dialogues_dir: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            format: SETTINGS_FORMAT,
            trainee: String::new(),
            lang: Lang::En,
            dark: false,
            reports_dir: String::new(),
            mode: Mode::Practice,
            filter_language: None,
            filter_difficulty: None,
            org_key: String::new(),
            lrs_endpoint: String::new(),
            lrs_key: String::new(),
            lrs_secret: String::new(),
            dialogues_dir: String::new(),
        }
    }
}

impl Settings {
    /// The signing key: `SETTLE_ORG_KEY`, else the setting; `None` signs nothing.
    pub fn org_key(&self) -> Option<Vec<u8>> {
        crate::report::sign::org_key(&self.org_key)
    }

    /// The reports folder: `flag`, else `SETTLE_REPORTS_DIR`, else the setting, else the data
    /// folder's default.
    pub fn reports_dir(&self, folders: &Folders, flag: Option<&Path>) -> PathBuf {
        folders.reports(flag, &self.reports_dir)
    }
}

#[derive(Debug, Error)]
pub enum SettingsError {
    #[error("cannot read the settings {path}: {source}; the defaults are used")]
    Read { path: PathBuf, source: std::io::Error },
    #[error("the settings {path} are damaged ({message}); the defaults are used")]
    Damaged { path: PathBuf, message: String },
    #[error("cannot write the settings {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
}

/// Reads the settings file; `Ok(None)` when there is none yet.
pub fn load(path: &Path) -> Result<Option<Settings>, SettingsError> {
    let damaged = |message: String| SettingsError::Damaged { path: path.to_path_buf(), message };
    let bytes = match fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(SettingsError::Read { path: path.to_path_buf(), source }),
        Ok(meta) if meta.len() > MAX_SETTINGS_BYTES => {
            return Err(damaged(format!("{} bytes, more than a settings file has", meta.len())));
        }
        Ok(_) => fs::read(path).map_err(|source| SettingsError::Read { path: path.to_path_buf(), source })?,
    };
    let settings: Settings = serde_json::from_slice(&bytes).map_err(|e| damaged(e.to_string()))?;
    if settings.format != SETTINGS_FORMAT {
        return Err(damaged(format!("format {} is not supported", settings.format)));
    }
    Ok(Some(settings))
}

/// [`load`], with the defaults where there is no file or a damaged one; the problem, if any,
/// is returned for the caller to show.
pub fn load_or_default(path: &Path) -> (Settings, Option<SettingsError>) {
    match load(path) {
        Ok(settings) => (settings.unwrap_or_default(), None),
        Err(e) => (Settings::default(), Some(e)),
    }
}

/// Writes the settings atomically.
pub fn save(path: &Path, settings: &Settings) -> Result<(), SettingsError> {
    let err = |source| SettingsError::Write { path: path.to_path_buf(), source };
    let text = serde_json::to_vec_pretty(settings).map_err(|e| err(std::io::Error::other(e)))?;
    crate::fsutil::replace(path, &text).map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_a_missing_file_is_none() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.json");
        assert!(load(&path).expect("no file is fine").is_none());
        let settings = Settings {
            trainee: "Anna Łęcka".into(),
            lang: Lang::Pl,
            org_key: "k".into(),
            lrs_endpoint: "http://lrs/xAPI/".into(),
            filter_language: Some(Language::Pl),
            ..Settings::default()
        };
        save(&path, &settings).expect("saved");
        assert_eq!(load(&path).expect("read"), Some(settings));
    }

    #[test]
    fn a_damaged_file_is_reported_and_the_defaults_used() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("settings.json");
        fs::write(&path, b"{ \"trainee\": ").expect("write");
        let (settings, problem) = load_or_default(&path);
        assert_eq!(settings, Settings::default());
        assert!(matches!(problem, Some(SettingsError::Damaged { .. })), "{problem:?}");
        fs::write(&path, b"{ \"format\": 9 }").expect("write");
        assert!(load(&path).is_err(), "a later format is not read as this one");
        // Fields this version does not know, and ones it misses, are fine.
        fs::write(&path, b"{ \"trainee\": \"Jan\", \"future\": 1 }").expect("write");
        assert_eq!(load(&path).expect("read").map(|s| s.trainee), Some("Jan".to_string()));
    }
}
