//! The journal of the call in progress: enough to rebuild it exactly (persona, hash, mode,
//! seed, trainee, start time and every choice so far), written atomically after each turn so
//! that closing the window or a crash mid-call loses nothing.
//!
//! Resuming replays the recorded choices on the same seed; the engine's determinism makes
//! the rebuilt call identical. A journal whose persona changed or vanished is refused with a
//! reason, never half-resumed.

use std::fs;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::report::CallId;
use settle_core::call::{Choice, Mode};
use settle_core::engine::CallEngine;
use settle_core::persona::{ContentHash, Persona, PersonaId};
use settle_core::vocabulary::Language;

/// The journal's file format version.
pub const JOURNAL_FORMAT: u32 = 1;
/// The file name of the journal inside the data folder ([`crate::folders::Folders::journal`]).
pub use crate::folders::JOURNAL_FILE;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Journal {
    pub format: u32,
    pub id: CallId,
    pub persona: PersonaId,
    pub persona_name: String,
    /// The language the call is played in; journals from before languages shared one persona
    /// have none, and resume in the persona's own language.
    #[serde(default)]
    pub language: Option<Language>,
    pub hash: ContentHash,
    pub mode: Mode,
    pub seed: u64,
    pub trainee: String,
    pub started_at: DateTime<Utc>,
    pub choices: Vec<Choice>,
}

#[derive(Debug, Error)]
pub enum JournalError {
    #[error("cannot write the call journal {path}: {source}")]
    Write { path: String, source: std::io::Error },
    #[error("cannot read the call journal: {0}")]
    Read(String),
    #[error("the persona `{0}` of the interrupted call is no longer in the library")]
    PersonaMissing(String),
    #[error("the persona `{0}` changed since the call began; the call cannot be rebuilt")]
    PersonaChanged(String),
    #[error("the interrupted call does not replay: {0}")]
    Replay(String),
}

impl Journal {
    pub fn of(engine: &CallEngine, id: CallId, trainee: &str, started_at: DateTime<Utc>) -> Journal {
        let persona = engine.persona();
        Journal {
            format: JOURNAL_FORMAT,
            id,
            persona: persona.id.clone(),
            persona_name: persona.name.clone(),
            language: Some(persona.language),
            hash: persona.source.hash.clone(),
            mode: engine.mode(),
            seed: engine.seed(),
            trainee: trainee.to_string(),
            started_at,
            choices: engine.choices(),
        }
    }

    /// Writes the journal atomically (temporary file, fsync, rename over the old one).
    pub fn save(&self, path: &Path) -> Result<(), JournalError> {
        let err = |source| JournalError::Write { path: path.display().to_string(), source };
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::new())
            .map_err(|e| err(std::io::Error::other(e.to_string())))?;
        crate::fsutil::replace(path, text.as_bytes()).map_err(err)
    }

    /// Reads a journal; `Ok(None)` when there is none.
    pub fn load(path: &Path) -> Result<Option<Journal>, JournalError> {
        let text = match fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(JournalError::Read(e.to_string())),
        };
        let journal: Journal = ron::from_str(&text).map_err(|e| JournalError::Read(e.to_string()))?;
        if journal.format != JOURNAL_FORMAT {
            return Err(JournalError::Read(format!("format {} is not supported", journal.format)));
        }
        Ok(Some(journal))
    }

    /// Removes the journal once the call is finished or discarded.
    pub fn clear(path: &Path) {
        let _ = fs::remove_file(path);
    }

    /// Rebuilds the call on `persona` (the library's persona with the journal's id).
    pub fn resume(&self, persona: Option<&Arc<Persona>>) -> Result<CallEngine, JournalError> {
        let persona = persona.ok_or_else(|| JournalError::PersonaMissing(self.persona.0.clone()))?;
        if persona.source.hash != self.hash {
            return Err(JournalError::PersonaChanged(self.persona.0.clone()));
        }
        CallEngine::replay(Arc::clone(persona), self.mode, self.seed, &self.choices)
            .map_err(|e| JournalError::Replay(e.to_string()))
    }
}
