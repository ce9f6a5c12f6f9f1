//! Reports: the permanent record of one finished call, saved as one JSON file per call (older
//! versions wrote RON, which is still read).
//!
//! A [`Report`] holds everything needed to show the debrief again and to replay the call:
//! trainee, persona id and content hash, seed, mode, times, every turn, the ending, the
//! wrap-up and all score parts. The file format is versioned ([`REPORT_FORMAT`]); a file starts
//! with the call's summary [`row::Row`] so that the `index` reads only its head; `store` writes
//! and reads the files, `sign` makes edits evident, `replay` checks that one still reproduces.

pub mod export;
pub mod index;
pub mod replay;
pub mod row;
pub mod sign;
pub mod store;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use uuid::Uuid;

use settle_core::call::{CallEnd, Mode, Turn};
use settle_core::engine::CallEngine;
use settle_core::persona::{ContentHash, PersonaId};
use settle_core::scoring::{ScoreCard, score};
use settle_core::vocabulary::Language;
use settle_core::wrapup::{SelfAssessment, WrapUp};

/// The report file format version this build writes: JSON, the summary row first.
pub const REPORT_FORMAT: u32 = 2;
/// The format of the RON reports earlier versions wrote; still read, counted and verified.
pub const RON_REPORT_FORMAT: u32 = 1;

/// A call's unique id; also its xAPI registration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CallId(pub Uuid);

impl CallId {
    pub fn new() -> CallId {
        CallId(Uuid::new_v4())
    }
}

impl Default for CallId {
    fn default() -> Self {
        CallId::new()
    }
}

/// A fresh seed for a practice call, from the operating system's randomness. The engine
/// itself never draws one: the seed is chosen here, at the edge, and recorded.
pub fn fresh_seed() -> u64 {
    Uuid::new_v4().as_u64_pair().0
}

/// Which persona a report was made on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonaRef {
    pub id: PersonaId,
    pub name: String,
    pub language: Language,
    /// SHA-256 of the persona file when the call was made.
    pub hash: ContentHash,
}

impl PersonaRef {
    /// The persona the call counts for. A report made on an old Polish twin file (`x-pl`, in
    /// Polish) is about persona `x`, which now holds every language. The report itself keeps
    /// the id it was signed with.
    pub fn counted_id(&self) -> PersonaId {
        match settle_core::persona::merged_id(&self.id.0) {
            Some(base) if self.language == Language::Pl => PersonaId(base.to_string()),
            _ => self.id.clone(),
        }
    }
}

/// One finished call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub format: u32,
    pub id: CallId,
    pub trainee: String,
    pub persona: PersonaRef,
    pub mode: Mode,
    pub seed: u64,
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    pub duration_ms: u64,
    /// Mood names, in the order of each turn's `moods_after`.
    pub moods: Vec<String>,
    /// Mood values when the call started, in the same order.
    pub mood_start: Vec<i32>,
    pub turns: Vec<Turn>,
    pub end: CallEnd,
    pub wrap_up: WrapUp,
    pub score: ScoreCard,
    /// The trainee's own assessment, written before the debrief.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub self_assessment: Option<SelfAssessment>,
    /// HMAC-SHA256 of the report without this field, under the organisation's key.
    #[serde(default)]
    pub signature: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReportError {
    #[error("the call is not over yet")]
    CallNotOver,
}

/// The times a call took place, measured by the caller (the engine has no clock).
#[derive(Debug, Clone, Copy)]
pub struct CallTimes {
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
}

impl Report {
    /// Scores a finished call and records it.
    pub fn new(
        engine: &CallEngine,
        trainee: &str,
        wrap_up: WrapUp,
        times: CallTimes,
        id: CallId,
    ) -> Result<Report, ReportError> {
        let end = engine.end().ok_or(ReportError::CallNotOver)?.clone();
        let persona = engine.persona();
        let card = score(&persona.target, engine.turns(), &end, &wrap_up);
        let duration_ms = (times.ended_at - times.started_at).num_milliseconds().max(0) as u64;
        Ok(Report {
            format: REPORT_FORMAT,
            id,
            trainee: trainee.trim().to_string(),
            persona: PersonaRef {
                id: persona.id.clone(),
                name: persona.name.clone(),
                language: persona.language,
                hash: persona.source.hash.clone(),
            },
            mode: engine.mode(),
            seed: engine.seed(),
            started_at: times.started_at,
            ended_at: times.ended_at,
            duration_ms,
            moods: persona.moods.iter().map(|m| m.name.clone()).collect(),
            mood_start: persona.moods.iter().map(|m| m.start).collect(),
            turns: engine.turns().to_vec(),
            end,
            wrap_up,
            score: card,
            self_assessment: None,
            signature: None,
        })
    }

    /// Why this report cannot be what Settle wrote, if it cannot: a score out of range, a
    /// verdict that contradicts the score, turns that do not add up. Catches hand-edited or
    /// forged files that still parse (a signature catches subtler edits, where there is a key).
    pub fn implausibility(&self) -> Option<String> {
        let s = &self.score;
        let parts = [("total", s.total), ("outcome", s.outcome), ("style fit", s.style_fit)]
            .into_iter()
            .chain([("conduct", s.conduct), ("wrap-up", s.wrap_up)])
            .chain(s.ploys.map(|p| ("ploys", p)));
        for (name, value) in parts {
            if !(0.0..=100.0).contains(&value) {
                return Some(format!("the {name} score {value} is outside 0-100"));
            }
        }
        // JSON has no NaN or infinity: a report holding one could be read but not written.
        let others = [s.style_point.empathy, s.style_point.firmness, s.style_distance, s.efficiency];
        if others.into_iter().chain(s.steps).any(|v| !v.is_finite()) {
            return Some("a score part is not a number".into());
        }
        if s.passed != s.fail_reason.is_none() {
            return Some("`passed` contradicts the failure reason".into());
        }
        if s.passed && s.total < f64::from(s.pass_mark) {
            return Some(format!("passed with {} below the pass mark {}", s.total, s.pass_mark));
        }
        if s.turns as usize != self.turns.len() {
            return Some(format!("the score counts {} turns but {} are recorded", s.turns, self.turns.len()));
        }
        if self.ended_at < self.started_at {
            return Some("the call ends before it starts".into());
        }
        if self.mood_start.len() != self.moods.len()
            || self.turns.iter().any(|t| t.moods_after.len() != self.moods.len())
        {
            return Some("mood values do not match the mood names".into());
        }
        let stances = self.turns.iter().map(|t| t.stance);
        // A range test, not `abs()`, which overflows on a stance of -128 (a fuzz regression).
        let outside = |v: i8| !(-2..=2).contains(&v);
        if let Some(stance) = stances.into_iter().find(|st| outside(st.empathy) || outside(st.firmness)) {
            return Some(format!("a stance of ({}, {}) is outside -2..2", stance.empathy, stance.firmness));
        }
        None
    }

    pub fn choices(&self) -> Vec<settle_core::call::Choice> {
        self.turns.iter().map(|t| t.choice).collect()
    }
}
