//! Work that must not hold up a frame, each on a thread of its own, with its answer sent back
//! over a channel for logic to pick up: filing a finished call (queueing its statements for the
//! LRS, saving the report with fsync) and native file dialogs (rfd).
//!
//! A job never touches the app's state: it gets what it needs by value and answers with
//! values. Each answer asks egui for a frame, so logic sees it at once even when nobody moves
//! the mouse.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

use settle_session::{Queueing, Saving, SessionConfig};
use settle_store::report::{CallId, Report};

/// A finished call filed on a thread: what happened to it.
pub struct Filed {
    pub call: CallId,
    /// The report, back from the thread: a saved one counts towards the best scores.
    pub report: Report,
    /// The settings the call was filed with (the journal it may clear is theirs).
    pub config: SessionConfig,
    /// `None` for a retried save: the call was queued the first time.
    pub queued: Option<Queueing>,
    pub saved: Saving,
}

/// The filing threads and their answers.
pub struct Saves {
    send: Sender<Filed>,
    answers: Receiver<Filed>,
    running: Vec<JoinHandle<()>>,
    repaint: egui::Context,
}

impl Saves {
    pub fn new(repaint: egui::Context) -> Saves {
        let (send, answers) = channel();
        Saves { send, answers, running: Vec::new(), repaint }
    }

    /// Queues (when `queue`) and saves a report on a thread; the journal is left for logic
    /// to clear, which knows whether a newer call has been journaled since. An error when no
    /// thread can be started: the report stays with the caller for a retry.
    pub fn file(&mut self, report: Report, config: SessionConfig, queue: bool) -> Result<(), String> {
        let (send, repaint) = (self.send.clone(), self.repaint.clone());
        let handle = std::thread::Builder::new().name("settle-save".into()).spawn(move || {
            let queued = queue.then(|| config.queue(&report));
            let saved = config.store(&report);
            // The app may be closing: nobody listens then, and on_exit has joined us anyway.
            let _ = send.send(Filed { call: report.id, report, config, queued, saved });
            repaint.request_repaint();
        });
        self.running.push(handle.map_err(|e| e.to_string())?);
        Ok(())
    }

    /// The calls filed since the last frame.
    pub fn answers(&mut self) -> Vec<Filed> {
        self.running.retain(|h| !h.is_finished());
        self.answers.try_iter().collect()
    }

    /// Waits for every filing thread (the window is closing: a report must not be lost), then
    /// hands back their answers.
    pub fn wait(&mut self) -> Vec<Filed> {
        for handle in self.running.drain(..) {
            let _ = handle.join();
        }
        self.answers.try_iter().collect()
    }

    pub fn busy(&self) -> bool {
        !self.running.is_empty()
    }
}

/// What a file dialog is choosing: each answer becomes the intent its typed field produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    /// The settings' reports folder.
    ReportsFolder,
    /// The settings' persona folder.
    PersonaFolder,
    /// Another reports folder for the dashboard.
    DashboardFolder,
    /// The trainer tools' persona folder.
    AuthoringFolder,
    /// Where the dashboard's exports go.
    ExportFile,
}

/// Native dialogs, one at a time, each on a thread of its own.
pub struct Dialogs {
    send: Sender<(Pick, Option<PathBuf>)>,
    answers: Receiver<(Pick, Option<PathBuf>)>,
    open: bool,
    repaint: egui::Context,
}

impl Dialogs {
    pub fn new(repaint: egui::Context) -> Dialogs {
        let (send, answers) = channel();
        Dialogs { send, answers, open: false, repaint }
    }

    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Opens the dialog for `pick`, starting in `start` when it is a folder. The desktop
    /// portal answers on the dialog's thread; where none runs (a bare X server, a test) the
    /// answer is `None` and the typed path is the way.
    pub fn open(&mut self, pick: Pick, start: Option<PathBuf>) {
        if self.open {
            return;
        }
        let (send, repaint) = (self.send.clone(), self.repaint.clone());
        let spawned = std::thread::Builder::new().name("settle-dialog".into()).spawn(move || {
            let mut dialog = rfd::AsyncFileDialog::new();
            if let Some(dir) = start.filter(|d| d.is_dir()) {
                dialog = dialog.set_directory(dir);
            }
            let chosen = match pick {
                Pick::ExportFile => pollster::block_on(dialog.save_file()),
                _ => pollster::block_on(dialog.pick_folder()),
            };
            let _ = send.send((pick, chosen.map(|handle| handle.path().to_path_buf())));
            repaint.request_repaint();
        });
        self.open = spawned.is_ok();
    }

    /// The paths chosen since the last frame (a cancelled dialog chose none).
    pub fn answers(&mut self) -> Vec<(Pick, PathBuf)> {
        let answers: Vec<_> = self.answers.try_iter().collect();
        if !answers.is_empty() {
            self.open = false;
        }
        answers.into_iter().filter_map(|(pick, path)| Some((pick, path?))).collect()
    }
}
