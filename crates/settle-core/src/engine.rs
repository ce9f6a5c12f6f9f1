//! The call engine: plays one call of a persona from a seed, one trainee choice at a time.
//!
//! Pure: no I/O, no clock, no global random generator. All randomness comes from a
//! ChaCha8 generator seeded with the call's seed, whose stream is fixed across platforms and
//! versions, so the same persona, seed and choices always give the same call. Methods return
//! events for the caller to show; a call in the wrong state is an [`EngineError`], never a panic.

use std::sync::Arc;

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use thiserror::Error;

use crate::call::{CallEnd, Choice, EndReason, Mode, Turn};
use crate::mood::MoodState;
use crate::persona::{Next, NodeId, NodeIdx, Persona, ReplyIdx};
use crate::style::Stance;
use crate::vocabulary::Ploy;

/// Mixes the turn into the seed of the reply order's stream (the golden ratio's bits).
const SHUFFLE_STREAM: u64 = 0x9E37_79B9_7F4A_7C15;

/// The hard limit on turns: three times the turn budget, at least this many.
pub const MIN_TURN_LIMIT: u32 = 30;

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EngineError {
    #[error("the call is over")]
    CallOver,
    #[error("reply {0} is not on offer")]
    NotOffered(u16),
    #[error("there is no reply number {number}; {offered} are on offer")]
    NoSuchOffer { number: usize, offered: usize },
}

/// Something the caller should show.
#[derive(Debug, Clone, PartialEq)]
pub enum CallEvent {
    /// The debtor speaks (at the start and after each turn that does not end the call).
    DebtorSays { node: NodeId, text: String, ploy: Option<Ploy> },
    /// A weighted random branch was drawn: the effective weights and the index chosen.
    BranchDrawn { weights: Vec<f64>, chosen: usize },
    /// The call is over.
    Ended(CallEnd),
}

/// A reply on offer now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offer<'p> {
    pub reply: ReplyIdx,
    pub text: &'p str,
}

/// One call in progress (or finished).
#[derive(Debug, Clone)]
pub struct CallEngine {
    persona: Arc<Persona>,
    mode: Mode,
    seed: u64,
    rng: ChaCha8Rng,
    node: NodeIdx,
    line: usize,
    moods: MoodState,
    turns: Vec<Turn>,
    end: Option<CallEnd>,
    turn_limit: u32,
}

impl CallEngine {
    /// Starts a call; the events say what the debtor opens with (or how the call ended, if
    /// the start node is an ending).
    pub fn start(persona: Arc<Persona>, mode: Mode, seed: u64) -> (CallEngine, Vec<CallEvent>) {
        let turn_limit = persona.target.turn_budget.saturating_mul(3).max(MIN_TURN_LIMIT);
        let mut engine = CallEngine {
            moods: MoodState::start(&persona),
            node: persona.start,
            persona,
            mode,
            seed,
            rng: ChaCha8Rng::seed_from_u64(seed),
            line: 0,
            turns: Vec::new(),
            end: None,
            turn_limit,
        };
        let mut events = Vec::new();
        engine.enter(engine.node, &mut events);
        (engine, events)
    }

    /// Plays a whole call from recorded choices, stopping early if the call ends.
    pub fn replay(
        persona: Arc<Persona>,
        mode: Mode,
        seed: u64,
        choices: &[Choice],
    ) -> Result<CallEngine, EngineError> {
        let (mut engine, _) = CallEngine::start(persona, mode, seed);
        for choice in choices {
            engine.apply(*choice)?;
        }
        Ok(engine)
    }

    pub fn persona(&self) -> &Arc<Persona> {
        &self.persona
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    pub fn node(&self) -> NodeIdx {
        self.node
    }

    /// What the debtor is saying now (the closing line once the call is over).
    pub fn debtor_line(&self) -> &str {
        &self.persona.node(self.node).lines[self.line].text
    }

    pub fn ploy(&self) -> Option<Ploy> {
        self.persona.node(self.node).ploy
    }

    pub fn moods(&self) -> &MoodState {
        &self.moods
    }

    pub fn turns(&self) -> &[Turn] {
        &self.turns
    }

    pub fn choices(&self) -> Vec<Choice> {
        self.turns.iter().map(|t| t.choice).collect()
    }

    pub fn is_over(&self) -> bool {
        self.end.is_some()
    }

    pub fn end(&self) -> Option<&CallEnd> {
        self.end.as_ref()
    }

    /// The most turns this call can take before the debtor hangs up.
    pub fn turn_limit(&self) -> u32 {
        self.turn_limit
    }

    /// The replies on offer now, in the order the trainee sees them; empty once the call is
    /// over. The order is shuffled so that a reply's position says nothing about it: drawn from
    /// the call's seed, the turn and the node on a stream of its own, so it replays exactly and
    /// leaves the debtor's draws as they were.
    pub fn offers(&self) -> Vec<Offer<'_>> {
        if self.is_over() {
            return Vec::new();
        }
        let node = self.persona.node(self.node);
        let mut offers: Vec<Offer<'_>> = node
            .replies
            .iter()
            .enumerate()
            .filter(|(_, r)| self.moods.allows(r.when.as_ref()))
            .map(|(i, r)| Offer { reply: ReplyIdx(i as u16), text: &r.text })
            .collect();
        let turn = self.turns.len() as u64;
        let stream =
            self.seed ^ SHUFFLE_STREAM.wrapping_mul(turn + 1) ^ u64::from(self.node.0).rotate_left(32);
        offers.shuffle(&mut ChaCha8Rng::seed_from_u64(stream));
        offers
    }

    /// Chooses the `number`-th reply on offer (1-based, as the trainee sees them).
    pub fn choose_offer(&mut self, number: usize) -> Result<Vec<CallEvent>, EngineError> {
        let offers = self.offers();
        if self.is_over() {
            return Err(EngineError::CallOver);
        }
        let reply = number
            .checked_sub(1)
            .and_then(|i| offers.get(i))
            .map(|o| o.reply)
            .ok_or(EngineError::NoSuchOffer { number, offered: offers.len() })?;
        self.choose(reply)
    }

    /// Chooses the `number`-th reply on offer counted in the node's own order (1-based), as
    /// the persona file lists them and `settle analyze` names them: scripts and tests that
    /// must not depend on the shuffled order use this.
    pub fn choose_listed(&mut self, number: usize) -> Result<Vec<CallEvent>, EngineError> {
        let mut offers: Vec<ReplyIdx> = self.offers().iter().map(|o| o.reply).collect();
        if self.is_over() {
            return Err(EngineError::CallOver);
        }
        offers.sort();
        let reply = number
            .checked_sub(1)
            .and_then(|i| offers.get(i))
            .copied()
            .ok_or(EngineError::NoSuchOffer { number, offered: offers.len() })?;
        self.choose(reply)
    }

    /// Author preview: continues the call from `node` with the given moods, as if it had got
    /// there. The turns so far stay in the record; a call that had ended goes on.
    pub fn jump(&mut self, node: NodeIdx, moods: MoodState) -> Vec<CallEvent> {
        self.end = None;
        self.moods = moods;
        let mut events = Vec::new();
        self.enter(node, &mut events);
        events
    }

    pub fn apply(&mut self, choice: Choice) -> Result<Vec<CallEvent>, EngineError> {
        match choice {
            Choice::Reply(r) => self.choose(r),
            Choice::Silence => self.silence(),
        }
    }

    /// Gives a reply; it must be on offer.
    pub fn choose(&mut self, reply_idx: ReplyIdx) -> Result<Vec<CallEvent>, EngineError> {
        if self.is_over() {
            return Err(EngineError::CallOver);
        }
        let persona = Arc::clone(&self.persona);
        let node = persona.node(self.node);
        let reply = node
            .replies
            .get(usize::from(reply_idx.0))
            .filter(|r| self.moods.allows(r.when.as_ref()))
            .ok_or(EngineError::NotOffered(reply_idx.0))?;
        let offered = self.offers().iter().map(|o| o.reply).collect();
        self.moods.apply(&reply.effects);
        self.moods.set_flags(&reply.sets);
        self.turns.push(Turn {
            node: node.id.clone(),
            debtor_line: node.lines[self.line].text.clone(),
            ploy: node.ploy,
            choice: Choice::Reply(reply_idx),
            reply: Some(reply.text.clone()),
            stance: reply.stance,
            handling: reply.ploy,
            violation: reply.violation,
            feedback: reply.feedback.clone(),
            moods_after: self.moods.values().to_vec(),
            offered,
            steps: reply.steps.clone(),
            sets: reply.sets.iter().map(|f| persona.flags[usize::from(f.0)].clone()).collect(),
        });
        let mut events = Vec::new();
        self.follow(&reply.next, &mut events);
        Ok(events)
    }

    /// The reply timer ran out. With a `silence` transition on the node the call follows
    /// it; without one the debtor speaks again from the same node. Either way the turn counts,
    /// with the stance [`Stance::SILENCE`].
    pub fn silence(&mut self) -> Result<Vec<CallEvent>, EngineError> {
        if self.is_over() {
            return Err(EngineError::CallOver);
        }
        let persona = Arc::clone(&self.persona);
        let node = persona.node(self.node);
        let offered = self.offers().iter().map(|o| o.reply).collect();
        if let Some(silence) = &node.silence {
            self.moods.apply(&silence.effects);
        }
        self.turns.push(Turn {
            node: node.id.clone(),
            debtor_line: node.lines[self.line].text.clone(),
            ploy: node.ploy,
            choice: Choice::Silence,
            reply: None,
            stance: Stance::SILENCE,
            handling: None,
            violation: None,
            feedback: None,
            moods_after: self.moods.values().to_vec(),
            offered,
            steps: Vec::new(),
            sets: Vec::new(),
        });
        let mut events = Vec::new();
        match &node.silence {
            Some(silence) => self.follow(&silence.next, &mut events),
            None => self.enter(self.node, &mut events),
        }
        Ok(events)
    }

    fn follow(&mut self, next: &Next, events: &mut Vec<CallEvent>) {
        let to = match next {
            Next::Goto(to) => *to,
            Next::Random(branches) => {
                let weights: Vec<f64> = branches.iter().map(|b| self.moods.branch_weight(b)).collect();
                let chosen = self.draw(&weights);
                events.push(CallEvent::BranchDrawn { weights, chosen });
                branches[chosen].to
            }
        };
        self.enter(to, events);
    }

    /// Index drawn with probability proportional to its weight; all equal when every weight
    /// is zero.
    fn draw(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().sum();
        if weights.len() <= 1 {
            return 0;
        }
        if total <= 0.0 {
            return self.rng.random_range(0..weights.len());
        }
        let mut at = self.rng.random::<f64>() * total;
        for (i, w) in weights.iter().enumerate() {
            if at < *w {
                return i;
            }
            at -= w;
        }
        weights.iter().rposition(|w| *w > 0.0).unwrap_or(0)
    }

    fn enter(&mut self, to: NodeIdx, events: &mut Vec<CallEvent>) {
        self.node = to;
        let persona = Arc::clone(&self.persona);
        let node = persona.node(to);
        self.line = if node.lines.len() > 1 {
            let weights: Vec<f64> = node.lines.iter().map(|l| f64::from(l.weight)).collect();
            self.draw(&weights)
        } else {
            0
        };
        let text = node.lines[self.line].text.clone();
        if let Some(ending) = &node.ending {
            let end = CallEnd {
                reason: EndReason::Ending(node.id.clone()),
                outcome: ending.outcome,
                terms: ending.terms.clone(),
                next_step: ending.next_step,
                closing_line: text,
                summary: ending.summary.clone(),
                points: ending.points,
            };
            self.end = Some(end.clone());
            events.push(CallEvent::Ended(end));
            return;
        }
        if self.turns.len() >= self.turn_limit as usize {
            let end = CallEnd::turn_limit();
            self.end = Some(end.clone());
            events.push(CallEvent::Ended(end));
            return;
        }
        events.push(CallEvent::DebtorSays { node: node.id.clone(), text, ploy: node.ploy });
    }
}
