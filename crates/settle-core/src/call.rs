//! The record of a call as it happened: turns, how it ended, and the mode and seed it ran
//! with. Produced by the engine, scored by `scoring`, stored in reports.
//!
//! These types are serialised into report files, so they hold ids and text, not indices.

use serde::{Deserialize, Serialize};

use crate::outcome::{NextStep, Outcome, Terms};
use crate::persona::{NodeId, Persona, ReplyIdx, Violation};
use crate::style::Stance;
use crate::vocabulary::{Ploy, PloyHandling};

/// Practice draws a fresh seed for every call; assessment uses the persona's fixed seed so
/// that trainees are compared on the same call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Mode {
    Practice,
    Assessment,
}

impl Mode {
    /// The seed a call in this mode runs with: `fresh` in practice, the persona's in assessment.
    pub fn seed(self, persona: &Persona, fresh: u64) -> u64 {
        match self {
            Mode::Practice => fresh,
            Mode::Assessment => persona.target.assessment_seed,
        }
    }
}

/// What the trainee did on a turn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Choice {
    /// The reply at this index of the node's reply list.
    Reply(ReplyIdx),
    /// The reply timer ran out.
    Silence,
}

/// One exchange: what the debtor said and how the trainee answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Turn {
    pub node: NodeId,
    pub debtor_line: String,
    pub ploy: Option<Ploy>,
    pub choice: Choice,
    /// The reply's text; `None` for silence.
    pub reply: Option<String>,
    pub stance: Stance,
    pub handling: Option<PloyHandling>,
    pub violation: Option<Violation>,
    pub feedback: Option<String>,
    /// Mood values after the turn, in the persona's mood order.
    pub moods_after: Vec<i32>,
    /// The replies on offer, in the order they were shown (empty in reports from before the
    /// order was shuffled).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offered: Vec<ReplyIdx>,
    /// Required steps (by id) the reply took.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<String>,
    /// Flags the reply set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sets: Vec<String>,
}

/// Why the call ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EndReason {
    /// The call reached this ending node.
    Ending(NodeId),
    /// The trainee used up the hard turn limit without reaching an ending.
    TurnLimit,
}

/// How the call ended and what was really agreed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CallEnd {
    pub reason: EndReason,
    pub outcome: Outcome,
    pub terms: Option<Terms>,
    pub next_step: NextStep,
    /// The debtor's last words (empty when the turn limit ended the call).
    pub closing_line: String,
    /// The author's summary of the ending (empty when the turn limit ended the call).
    pub summary: String,
    /// The ending's own outcome points, where the author set them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<u32>,
}

impl CallEnd {
    /// The end when the hard turn limit is reached: the debtor hangs up, call back later.
    pub fn turn_limit() -> CallEnd {
        CallEnd {
            reason: EndReason::TurnLimit,
            outcome: Outcome::DebtorHungUp,
            terms: None,
            next_step: NextStep::ScheduleCallBack,
            closing_line: String::new(),
            summary: String::new(),
            points: None,
        }
    }
}

/// Calls the tests of several modules share.
#[cfg(test)]
pub(crate) mod fixtures {
    use chrono::NaiveDate;

    use super::{CallEnd, EndReason};
    use crate::money::Money;
    use crate::outcome::{NextStep, Outcome, Terms};
    use crate::persona::NodeId;

    /// A payment plan of 9,000 in three instalments from 1 December 2026.
    pub fn plan_end() -> CallEnd {
        CallEnd {
            reason: EndReason::Ending(NodeId("plan".into())),
            outcome: Outcome::PaymentPlan,
            terms: Some(Terms {
                amount: Money::from_major(9000),
                instalments: Some(3),
                first_due: NaiveDate::from_ymd_opt(2026, 12, 1),
                call_back: None,
            }),
            next_step: NextStep::SendAgreement,
            closing_line: String::new(),
            summary: String::new(),
            points: None,
        }
    }
}
