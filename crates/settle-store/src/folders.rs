//! Where Settle keeps its own files, decided once for the app and the command line alike: the
//! data folder (the platform's, or `--data`), and inside it the settings, the journal of the
//! call in progress, the LRS outbox, the index cache and the default reports folder; plus the
//! rule that picks the reports folder (flag, then environment, then setting, then default).
//!
//! Only paths are decided here: nothing is created or read, so asking where a file goes never
//! fails and never touches the disk.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// The environment variable that overrides the reports folder of the settings.
pub const REPORTS_DIR_ENV: &str = "SETTLE_REPORTS_DIR";
/// The settings file inside the data folder.
pub const SETTINGS_FILE: &str = "settings.json";
/// The journal of the call in progress inside the data folder.
pub const JOURNAL_FILE: &str = "current-call.ron";
/// The LRS outbox's folder inside the data folder.
pub const OUTBOX_DIR: &str = "lrs-outbox";
/// A trainer's persona folder inside the data folder, used when no other is named.
pub const DIALOGUES_DIR: &str = "dialogues";
/// The default reports folder inside the data folder.
pub const REPORTS_DIR: &str = "reports";

/// Settle's data folder and the files in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Folders {
    data: PathBuf,
}

impl Folders {
    /// The platform's data folder for Settle, e.g. `~/.local/share/settle`; `.settle` in the
    /// working folder where the platform names none.
    pub fn platform() -> Folders {
        let data = directories::ProjectDirs::from("", "", "settle")
            .map(|d| d.data_dir().to_path_buf())
            .unwrap_or_else(|| PathBuf::from(".settle"));
        Folders { data }
    }

    /// Another data folder (`--data DIR`, a test's temporary folder).
    pub fn at(data: impl Into<PathBuf>) -> Folders {
        Folders { data: data.into() }
    }

    /// `--data DIR` when given, else the platform's.
    pub fn or_platform(flag: Option<&Path>) -> Folders {
        flag.map_or_else(Folders::platform, Folders::at)
    }

    pub fn data(&self) -> &Path {
        &self.data
    }

    pub fn settings(&self) -> PathBuf {
        self.data.join(SETTINGS_FILE)
    }

    pub fn journal(&self) -> PathBuf {
        self.data.join(JOURNAL_FILE)
    }

    pub fn outbox(&self) -> PathBuf {
        self.data.join(OUTBOX_DIR)
    }

    /// The reports folder when neither flag, environment nor setting names one.
    pub fn default_reports(&self) -> PathBuf {
        self.data.join(REPORTS_DIR)
    }

    /// The trainer's folder of persona files laid over the bundled library: the command-line
    /// flag, else the setting (empty: none), else `dialogues` in the data folder if it exists.
    pub fn trainer_dialogues(&self, flag: Option<&Path>, setting: &str) -> Option<PathBuf> {
        let setting = setting.trim();
        let in_data = self.data.join(DIALOGUES_DIR);
        flag.map(Path::to_path_buf)
            .or_else(|| (!setting.is_empty()).then(|| PathBuf::from(setting)))
            .or_else(|| in_data.is_dir().then_some(in_data))
    }

    /// The reports folder to use: the command-line flag, else `SETTLE_REPORTS_DIR`, else the
    /// setting (empty: none), else [`Folders::default_reports`].
    pub fn reports(&self, flag: Option<&Path>, setting: &str) -> PathBuf {
        let setting = setting.trim();
        let setting = (!setting.is_empty()).then(|| Path::new(setting));
        resolve_reports_dir(flag, std::env::var_os(REPORTS_DIR_ENV), setting)
            .unwrap_or_else(|| self.default_reports())
    }
}

/// The first of flag, environment (empty counts as unset) and setting that names a folder.
fn resolve_reports_dir(
    flag: Option<&Path>,
    env: Option<OsString>,
    setting: Option<&Path>,
) -> Option<PathBuf> {
    flag.map(Path::to_path_buf)
        .or_else(|| env.filter(|v| !v.is_empty()).map(PathBuf::from))
        .or_else(|| setting.map(Path::to_path_buf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flag_beats_environment_beats_setting() {
        let flag = Path::new("/flag");
        let setting = Path::new("/setting");
        let env = Some(OsString::from("/env"));
        assert_eq!(resolve_reports_dir(Some(flag), env.clone(), Some(setting)), Some(PathBuf::from("/flag")));
        assert_eq!(resolve_reports_dir(None, env, Some(setting)), Some(PathBuf::from("/env")));
        assert_eq!(
            resolve_reports_dir(None, Some(OsString::new()), Some(setting)),
            Some(PathBuf::from("/setting"))
        );
        assert_eq!(resolve_reports_dir(None, None, None), None);
    }

    #[test]
    fn every_file_lives_in_the_one_data_folder() {
        let folders = Folders::at("/d");
        assert_eq!(folders.settings(), Path::new("/d/settings.json"));
        assert_eq!(folders.journal(), Path::new("/d/current-call.ron"));
        assert_eq!(folders.outbox(), Path::new("/d/lrs-outbox"));
        assert_eq!(folders.default_reports(), Path::new("/d/reports"));
        assert_eq!(Folders::or_platform(None), Folders::platform());
    }
}
