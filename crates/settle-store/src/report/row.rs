//! The summary row of a report: what the managers' index, the dashboard, the CSV and the
//! learning record store need from one call, as a record the store owns. A report file written
//! by this version starts with its row (`{"row":{...},"report":{...}}`), so the index reads
//! only the head of each file; a row is always derived from its report ([`Row::of`]) and
//! never edited on its own.
//!
//! This module must never read files or depend on how the index keeps rows: it is the row's
//! shape and its own plausibility, nothing more.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::report::{CallId, Report};
use settle_core::call::{Choice, Mode};
use settle_core::outcome::Outcome;
use settle_core::persona::{NodeId, PersonaId, ReplyIdx};
use settle_core::scoring::FailReason;
use settle_core::style::{ConflictStyle, StylePoint};
use settle_core::vocabulary::{Language, Ploy, PloyHandling, Severity, ViolationKind};

/// What the table, the aggregations and the exports need from one report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// The report format this row was written with (the same as its report's).
    pub format: u32,
    pub id: CallId,
    pub trainee: String,
    /// The persona the call counts for ([`crate::report::PersonaRef::counted_id`]).
    pub persona: PersonaId,
    pub persona_name: String,
    /// The language the call was played in.
    pub language: Language,
    pub mode: Mode,
    pub seed: u64,
    pub started_at: DateTime<Utc>,
    pub ended_at: DateTime<Utc>,
    pub duration_ms: u64,
    pub outcome: Outcome,
    pub total: f64,
    pub pass_mark: u32,
    pub passed: bool,
    pub fail_reason: Option<FailReason>,
    pub style_point: StylePoint,
    pub style: ConflictStyle,
    pub turns: u32,
    /// The score the trainee expected before the debrief, if they said.
    pub expected_score: Option<u32>,
    pub violations: Vec<(ViolationKind, Severity)>,
    pub ploys_fallen_for: Vec<Ploy>,
    /// Turns that cost points: a violation or a ploy fallen for, with the node and reply.
    pub costly: Vec<(NodeId, ReplyIdx)>,
}

impl Row {
    /// The row of a report.
    pub fn of(r: &Report) -> Row {
        Row {
            format: r.format,
            id: r.id,
            trainee: r.trainee.clone(),
            persona: r.persona.counted_id(),
            persona_name: r.persona.name.clone(),
            language: r.persona.language,
            mode: r.mode,
            seed: r.seed,
            started_at: r.started_at,
            ended_at: r.ended_at,
            duration_ms: r.duration_ms,
            outcome: r.end.outcome,
            total: r.score.total,
            pass_mark: r.score.pass_mark,
            passed: r.score.passed,
            fail_reason: r.score.fail_reason,
            style_point: r.score.style_point,
            style: r.score.style,
            turns: r.score.turns,
            expected_score: r.self_assessment.as_ref().and_then(|a| a.expected_score),
            violations: r.score.violations.clone(),
            ploys_fallen_for: r
                .turns
                .iter()
                .filter(|t| t.handling == Some(PloyHandling::FellFor))
                .filter_map(|t| t.ploy)
                .collect(),
            costly: r
                .turns
                .iter()
                .filter(|t| t.violation.is_some() || t.handling == Some(PloyHandling::FellFor))
                .filter_map(|t| match t.choice {
                    Choice::Reply(reply) => Some((t.node.clone(), reply)),
                    Choice::Silence => None,
                })
                .collect(),
        }
    }

    /// Why this row cannot be what Settle wrote, judged from the row alone (the index reads
    /// only rows until the signature pass reads the whole report).
    pub fn implausibility(&self) -> Option<String> {
        if !(0.0..=100.0).contains(&self.total) {
            return Some(format!("the total score {} is outside 0-100", self.total));
        }
        if !(self.style_point.empathy.is_finite() && self.style_point.firmness.is_finite()) {
            return Some("the style point is not a number".into());
        }
        if self.passed != self.fail_reason.is_none() {
            return Some("`passed` contradicts the failure reason".into());
        }
        if self.passed && self.total < f64::from(self.pass_mark) {
            return Some(format!("passed with {} below the pass mark {}", self.total, self.pass_mark));
        }
        if self.ended_at < self.started_at {
            return Some("the call ends before it starts".into());
        }
        None
    }
}
