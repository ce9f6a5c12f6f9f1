//! [`CallSession`]: one call in progress with its id, trainee and times, journaled after every
//! turn, and finished into a signed, queued and saved report.

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use thiserror::Error;

use settle_core::call::{Choice, Mode};
use settle_core::engine::{CallEngine, CallEvent, EngineError};
use settle_core::load::Library;
use settle_core::persona::{Persona, ReplyIdx};
use settle_core::wrapup::{SelfAssessment, WrapUp};
use settle_lrs::outbox::{Batch, OutboxError};
use settle_store::journal::{Journal, JournalError};
use settle_store::report::store::StoreError;
use settle_store::report::{CallId, CallTimes, Report, fresh_seed};

use crate::SessionConfig;

/// What a new call is: the persona in the language the call is held in (one of
/// `LoadedFile::in_language`), the mode, the seed and who plays it.
#[derive(Debug, Clone)]
pub struct NewCall {
    pub persona: Arc<Persona>,
    pub mode: Mode,
    /// A practice call's seed; `None` draws a fresh one. Assessment always plays the persona's.
    pub seed: Option<u64>,
    pub trainee: String,
}

/// A started call, what the debtor opens with, and whether the journal was written.
#[derive(Debug)]
pub struct Started {
    pub session: CallSession,
    pub events: Vec<CallEvent>,
    /// The call runs either way; an error means a crash now would lose it.
    pub journaled: Result<(), JournalError>,
}

/// A turn taken: what to show, and whether the journal was written.
#[derive(Debug)]
pub struct Turned {
    pub events: Vec<CallEvent>,
    /// The turn stands either way; an error means a crash now would lose it.
    pub journaled: Result<(), JournalError>,
}

/// What finishing a call did.
#[derive(Debug)]
pub struct Finished {
    pub report: Report,
    pub persona: Arc<Persona>,
    pub queued: Queueing,
    pub saved: Saving,
}

/// Whether the call's statements wait in the LRS outbox.
#[derive(Debug)]
pub enum Queueing {
    /// No LRS is configured: nothing queued.
    Off,
    Queued,
    /// The same call was queued before (finishing is idempotent for the LRS).
    AlreadyQueued,
    Failed(OutboxError),
}

/// Whether the report is on disk. Until it is, the journal stays, so nothing is lost.
#[derive(Debug)]
pub enum Saving {
    /// No reports folder was given (`--no-save`): nothing saved, the journal cleared.
    Off,
    Saved(PathBuf),
    Failed(StoreError),
}

/// [`CallSession::finish`] on a call that is not over; the session is handed back.
#[derive(Error)]
#[error("the call is not over yet")]
pub struct NotOver(pub Box<CallSession>);

impl fmt::Debug for NotOver {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("NotOver")
    }
}

/// One call: the engine, its id, trainee and times, and where it is kept.
#[derive(Debug)]
pub struct CallSession {
    engine: CallEngine,
    id: CallId,
    trainee: String,
    started_at: DateTime<Utc>,
    /// Stamped by the turn that ends the call (or on resuming one already over).
    ended_at: Option<DateTime<Utc>>,
    config: SessionConfig,
}

impl CallSession {
    /// Starts a call now and journals it.
    pub fn start(call: NewCall, config: SessionConfig) -> Started {
        let seed = call.mode.seed(&call.persona, call.seed.unwrap_or_else(fresh_seed));
        let (engine, events) = CallEngine::start(call.persona, call.mode, seed);
        let started_at = config.clock.now();
        let session = CallSession::of(engine, CallId::new(), call.trainee, started_at, config);
        let journaled = session.journal();
        Started { session, events, journaled }
    }

    /// The interrupted call waiting in the journal, if any.
    pub fn waiting(config: &SessionConfig) -> Result<Option<Journal>, JournalError> {
        match &config.journal {
            Some(path) => Journal::load(path),
            None => Ok(None),
        }
    }

    /// Forgets the interrupted call.
    pub fn discard(config: &SessionConfig) {
        if let Some(path) = &config.journal {
            Journal::clear(path);
        }
    }

    /// Rebuilds an interrupted call on the library's persona, in the journal's language.
    pub fn resume(
        journal: &Journal,
        library: &Library,
        config: SessionConfig,
    ) -> Result<CallSession, JournalError> {
        let persona = match journal.language {
            Some(language) => library.find_in(&journal.persona.0, language),
            None => library.find(&journal.persona.0),
        };
        CallSession::resume_on(journal, persona, config)
    }

    /// Rebuilds an interrupted call on a persona the caller found (a file given by path).
    pub fn resume_on(
        journal: &Journal,
        persona: Option<&Arc<Persona>>,
        config: SessionConfig,
    ) -> Result<CallSession, JournalError> {
        let engine = journal.resume(persona)?;
        let trainee = journal.trainee.clone();
        Ok(CallSession::of(engine, journal.id, trainee, journal.started_at, config))
    }

    fn of(
        engine: CallEngine,
        id: CallId,
        trainee: String,
        started_at: DateTime<Utc>,
        config: SessionConfig,
    ) -> CallSession {
        // A call that was already over when it started (or was interrupted) ends now.
        let ended_at = engine.is_over().then(|| config.clock.now());
        CallSession { engine, id, trainee, started_at, ended_at, config }
    }

    /// The call as the engine has it, to draw or print.
    pub fn engine(&self) -> &CallEngine {
        &self.engine
    }

    pub fn persona(&self) -> &Arc<Persona> {
        self.engine.persona()
    }

    pub fn id(&self) -> CallId {
        self.id
    }

    pub fn trainee(&self) -> &str {
        &self.trainee
    }

    pub fn started_at(&self) -> DateTime<Utc> {
        self.started_at
    }

    pub fn ended_at(&self) -> Option<DateTime<Utc>> {
        self.ended_at
    }

    pub fn is_over(&self) -> bool {
        self.engine.is_over()
    }

    pub fn config(&self) -> &SessionConfig {
        &self.config
    }

    /// A reply by its index in the persona.
    pub fn choose(&mut self, reply: ReplyIdx) -> Result<Turned, EngineError> {
        self.turn(|engine| engine.choose(reply))
    }

    /// A reply by its number on screen (1-based, in the order shown).
    pub fn choose_offer(&mut self, number: usize) -> Result<Turned, EngineError> {
        self.turn(|engine| engine.choose_offer(number))
    }

    /// A reply by its place among those on offer in the persona file's order (1-based).
    pub fn choose_listed(&mut self, number: usize) -> Result<Turned, EngineError> {
        self.turn(|engine| engine.choose_listed(number))
    }

    pub fn silence(&mut self) -> Result<Turned, EngineError> {
        self.apply(Choice::Silence)
    }

    /// Any choice the engine takes.
    pub fn apply(&mut self, choice: Choice) -> Result<Turned, EngineError> {
        self.turn(|engine| engine.apply(choice))
    }

    /// One turn through the engine, then the journal: a turn the caller sees accepted is on
    /// disk before it is shown.
    fn turn(
        &mut self,
        take: impl FnOnce(&mut CallEngine) -> Result<Vec<CallEvent>, EngineError>,
    ) -> Result<Turned, EngineError> {
        let events = take(&mut self.engine)?;
        if self.engine.is_over() && self.ended_at.is_none() {
            self.ended_at = Some(self.config.clock.now());
        }
        Ok(Turned { events, journaled: self.journal() })
    }

    fn journal(&self) -> Result<(), JournalError> {
        match &self.config.journal {
            Some(path) => Journal::of(&self.engine, self.id, &self.trainee, self.started_at).save(path),
            None => Ok(()),
        }
    }

    /// Finishes the call: [`CallSession::conclude`], then [`SessionConfig::file`] (queued for
    /// the LRS, saved, the journal cleared once saved). A call not yet over is handed back.
    pub fn finish(self, wrap_up: WrapUp, assessment: SelfAssessment) -> Result<Finished, NotOver> {
        let Concluded { report, persona, config } = self.conclude(wrap_up, assessment)?;
        let (queued, saved) = config.file(&report);
        Ok(Finished { report, persona, queued, saved })
    }

    /// The report from the wrap-up and self-assessment, signed with the organisation's key, not
    /// yet queued or saved: a caller that must not wait on the disk (the app) shows it at once
    /// and files it elsewhere ([`SessionConfig::queue`], [`SessionConfig::store`]). A call not
    /// yet over is handed back.
    pub fn conclude(self, wrap_up: WrapUp, assessment: SelfAssessment) -> Result<Concluded, NotOver> {
        let Some(ended_at) = self.ended_at else {
            return Err(NotOver(Box::new(self)));
        };
        let times = CallTimes { started_at: self.started_at, ended_at };
        let mut report = match Report::new(&self.engine, &self.trainee, wrap_up, times, self.id) {
            Ok(report) => report,
            Err(_) => return Err(NotOver(Box::new(self))),
        };
        report.self_assessment = Some(assessment).filter(|a| !a.is_empty());
        if let Some(key) = &self.config.org_key {
            settle_store::report::sign::sign(&mut report, key);
        }
        Ok(Concluded { report, persona: Arc::clone(self.engine.persona()), config: self.config })
    }
}

/// A finished call's signed report and where it is to be filed; nothing is on disk yet but
/// the journal, which stays until the report is saved.
#[derive(Debug)]
pub struct Concluded {
    pub report: Report,
    pub persona: Arc<Persona>,
    pub config: SessionConfig,
}

impl SessionConfig {
    /// Files a concluded call: queued for the LRS first (so the LRS gets the call even if the
    /// reports folder fails), then saved, and the journal cleared once saved.
    pub fn file(&self, report: &Report) -> (Queueing, Saving) {
        let queued = self.queue(report);
        (queued, self.save(report))
    }

    /// Puts a call's statements in the LRS outbox, when an LRS is configured.
    pub fn queue(&self, report: &Report) -> Queueing {
        match &self.outbox {
            None => Queueing::Off,
            Some(outbox) => match outbox.enqueue(&Batch::of(report)) {
                Ok(true) => Queueing::Queued,
                Ok(false) => Queueing::AlreadyQueued,
                Err(e) => Queueing::Failed(e),
            },
        }
    }

    /// Saves a finished call's report (again, after a failure) and clears the journal once it
    /// is saved, or at once when no reports folder was given.
    pub fn save(&self, report: &Report) -> Saving {
        let saved = self.store(report);
        if !matches!(saved, Saving::Failed(_)) {
            CallSession::discard(self);
        }
        saved
    }

    /// Saves a report and leaves the journal alone: for a caller that saves on another thread
    /// while a new call may already be journaled, and clears the journal itself
    /// ([`CallSession::discard`]) once it knows no newer call is in it.
    pub fn store(&self, report: &Report) -> Saving {
        match &self.reports {
            None => Saving::Off,
            Some(dir) => match settle_store::report::store::save(dir, report) {
                Ok(path) => Saving::Saved(path),
                Err(e) => Saving::Failed(e),
            },
        }
    }
}
