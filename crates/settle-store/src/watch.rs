//! Watching persona folders for saved files, so that the app reloads a persona within a
//! second of the trainer saving it. A thin wrapper over `notify` that the app polls once per
//! frame: no callbacks into app state, no threads of our own.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

pub struct FolderWatcher {
    _watcher: RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    folder: PathBuf,
}

impl FolderWatcher {
    /// Starts watching `folder` (not recursively).
    pub fn new(folder: &Path) -> notify::Result<FolderWatcher> {
        let (sender, events) = channel();
        let mut watcher = notify::recommended_watcher(move |event| {
            // The receiver goes away with the watcher; nothing to do then.
            let _ = sender.send(event);
        })?;
        watcher.watch(folder, RecursiveMode::NonRecursive)?;
        Ok(FolderWatcher { _watcher: watcher, events, folder: folder.to_path_buf() })
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Whether a persona or report file (`*.ron`, `*.json`) was created, changed or removed
    /// since the last call. Never blocks.
    pub fn changed(&self) -> bool {
        let mut changed = false;
        while let Ok(event) = self.events.try_recv() {
            let Ok(event) = event else {
                // An error from the platform watcher: reload to be safe.
                changed = true;
                continue;
            };
            let relevant = !matches!(event.kind, notify::EventKind::Access(_))
                && event.paths.iter().any(|p| p.extension().is_some_and(|e| e == "ron" || e == "json"));
            changed |= relevant;
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::*;

    #[test]
    fn notices_a_saved_persona_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let watcher = FolderWatcher::new(dir.path()).expect("watch");
        assert!(!watcher.changed());
        std::fs::write(dir.path().join("notes.txt"), "not a persona").expect("write");
        std::fs::write(dir.path().join("a.ron"), "Persona()").expect("write");
        let start = Instant::now();
        while !watcher.changed() {
            assert!(start.elapsed() < Duration::from_secs(5), "no event within 5 s");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}
