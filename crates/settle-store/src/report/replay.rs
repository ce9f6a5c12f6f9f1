//! Replaying a report: re-running its persona, seed and choices must reproduce its turns,
//! ending and score exactly; a changed persona file is detected by its content hash.

use std::sync::Arc;

use crate::report::Report;
use settle_core::engine::CallEngine;
use settle_core::persona::{ContentHash, Persona};
use settle_core::scoring::score;

/// What replaying a report found.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Same turns, same ending, same score.
    Reproduced,
    /// No persona with the report's id is loaded.
    PersonaMissing,
    /// The persona file changed since the call; `reproduces` says whether the call still
    /// plays the same on the new file.
    PersonaChanged { recorded: ContentHash, current: ContentHash, reproduces: bool },
    /// The replay differs from the record.
    Differs(Difference),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Difference {
    /// A recorded choice could not be made (not on offer, or the call was already over).
    ChoiceRejected {
        turn: usize,
        reason: String,
    },
    /// The first turn that differs (1-based).
    Turn(usize),
    TurnCount {
        recorded: usize,
        replayed: usize,
    },
    Ending,
    Score {
        recorded: f64,
        replayed: f64,
    },
}

/// Replays `report` on `persona` (the loaded persona with the report's id, if any).
pub fn replay(report: &Report, persona: Option<&Arc<Persona>>) -> Verdict {
    let Some(persona) = persona else {
        return Verdict::PersonaMissing;
    };
    let difference = compare(report, persona);
    if persona.source.hash != report.persona.hash {
        return Verdict::PersonaChanged {
            recorded: report.persona.hash.clone(),
            current: persona.source.hash.clone(),
            reproduces: difference.is_none(),
        };
    }
    match difference {
        None => Verdict::Reproduced,
        Some(d) => Verdict::Differs(d),
    }
}

fn compare(report: &Report, persona: &Arc<Persona>) -> Option<Difference> {
    let (mut engine, _) = CallEngine::start(Arc::clone(persona), report.mode, report.seed);
    for (i, choice) in report.choices().into_iter().enumerate() {
        if let Err(e) = engine.apply(choice) {
            return Some(Difference::ChoiceRejected { turn: i + 1, reason: e.to_string() });
        }
    }
    let replayed = engine.turns();
    if let Some(i) = replayed.iter().zip(&report.turns).position(|(a, b)| a != b) {
        return Some(Difference::Turn(i + 1));
    }
    if replayed.len() != report.turns.len() {
        return Some(Difference::TurnCount { recorded: report.turns.len(), replayed: replayed.len() });
    }
    let Some(end) = engine.end() else {
        return Some(Difference::Ending);
    };
    if *end != report.end {
        return Some(Difference::Ending);
    }
    let card = score(&persona.target, replayed, end, &report.wrap_up);
    if card != report.score {
        return Some(Difference::Score { recorded: report.score.total, replayed: card.total });
    }
    None
}
