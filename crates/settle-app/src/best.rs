//! The trainee's best score per persona for the library's cards, from the reports index: a
//! service on its own thread asked again when the folder, the key or the trainee changes, and
//! read once per frame without waiting. Nothing here reads a report.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use settle_core::persona::PersonaId;
use settle_store::report::index::{IndexService, Query, default_index_path};
use settle_store::watch::FolderWatcher;

/// What the index was last asked: the folder, the organisation key and the trainee.
type Asked = (PathBuf, Option<Vec<u8>>, String);

#[derive(Default)]
pub struct BestScores {
    service: Option<IndexService>,
    /// The reports folder, watched: a call saved by another app or machine into a shared
    /// folder counts without a restart.
    watcher: Option<FolderWatcher>,
    asked: Option<Asked>,
    /// The generation of the service's last answer taken, so that each answer is taken once.
    taken: Option<u64>,
    /// Calls saved during this run, counted in by hand for the question they were saved under:
    /// an answer the index computed before such a call was on disk must not take its score away.
    counted: Vec<(Asked, PersonaId, f64)>,
}

/// The index's latest answer for the trainee asked about.
pub struct Answer {
    pub best: BTreeMap<PersonaId, f64>,
    pub skipped: usize,
}

impl BestScores {
    /// Asks for the trainee's best scores in `folder`: a new service when the folder or the key
    /// changed, a new query when the trainee did, else a refresh of the folder.
    pub fn ask(&mut self, ctx: &egui::Context, data_dir: &std::path::Path, asked: Asked) {
        let (folder, key, trainee) = &asked;
        let query = Query { table: false, best_for: Some(trainee.clone()), ..Query::default() };
        match (&self.service, &self.asked) {
            (Some(service), Some((f, k, t))) if f == folder && k == key => {
                if t == trainee {
                    service.refresh();
                } else {
                    service.set_query(query);
                }
            }
            _ => {
                // A new service numbers its answers from the start again.
                self.taken = None;
                self.watcher = FolderWatcher::new(folder).ok();
                let repaint = ctx.clone();
                self.service = Some(IndexService::spawn(
                    default_index_path(data_dir),
                    folder.clone(),
                    key.clone(),
                    query,
                    move || repaint.request_repaint_after(Duration::from_millis(10)),
                ));
            }
        }
        self.asked = Some(asked);
    }

    /// Counts a call just saved under `asked` before the index has read it.
    pub fn count(&mut self, asked: Asked, persona: PersonaId, score: f64) {
        self.counted.push((asked, persona, score));
    }

    /// The index's answer for the trainee last asked about, with the calls counted by hand for
    /// that question, once, when a new one is ready; never waits. A change in the reports
    /// folder asks the index to read it again.
    pub fn take(&mut self) -> Option<Answer> {
        if let (Some(service), Some(watcher)) = (&self.service, &self.watcher)
            && watcher.changed()
        {
            service.refresh();
        }
        let snapshot = self.service.as_ref().and_then(IndexService::latest)?;
        let trainee = self.asked.as_ref().map(|(_, _, t)| t.as_str());
        if snapshot.query.best_for.as_deref() != trainee || self.taken == Some(snapshot.generation) {
            return None;
        }
        self.taken = Some(snapshot.generation);
        let mut best = snapshot.best.clone();
        for (_, persona, score) in
            self.counted.iter().filter(|(asked, _, _)| Some(asked) == self.asked.as_ref())
        {
            let entry = best.entry(persona.clone()).or_insert(*score);
            *entry = entry.max(*score);
        }
        Some(Answer { best, skipped: snapshot.skipped.len() })
    }
}
