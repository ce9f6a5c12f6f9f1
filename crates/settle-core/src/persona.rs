//! The validated persona the engine runs on: names resolved to indices, ranges checked,
//! graph proven to have exits.
//!
//! A [`Persona`] exists only when its file passed validation without errors, so the engine
//! can index without checks that could fail. Built by `validate`, never by hand outside tests.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::case_file::CaseFile;
use crate::lines::Site;
use crate::outcome::{NextStep, Outcome, Terms};
use crate::style::{Stance, StyleZone};
use crate::vocabulary::{Archetype, Expression, Language, Ploy, PloyHandling, Severity, ViolationKind};

/// A persona's id, unique across the library.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PersonaId(pub String);

impl fmt::Display for PersonaId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A node's id as the author wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct NodeId(pub String);

impl fmt::Display for NodeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A node's position in [`Persona::nodes`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeIdx(pub u32);

impl NodeIdx {
    pub fn get(self) -> usize {
        self.0 as usize
    }
}

/// A mood variable's position in [`Persona::moods`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MoodIdx(pub u16);

/// A flag's position in [`Persona::flags`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FlagIdx(pub u16);

/// A reply's position within its node's reply list (not among those on offer).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ReplyIdx(pub u16);

/// SHA-256 of a persona file's bytes, in hex: tells whether a report was made on this file.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ContentHash(pub String);

impl ContentHash {
    pub fn of(bytes: &[u8]) -> ContentHash {
        use sha2::{Digest, Sha256};
        let digest = Sha256::digest(bytes);
        ContentHash(hex::encode(digest))
    }
}

#[derive(Debug, Clone)]
pub struct Persona {
    pub id: PersonaId,
    pub name: String,
    pub company: String,
    pub archetype: Archetype,
    pub difficulty: u8,
    pub language: Language,
    pub description: String,
    pub portraits: Vec<Portrait>,
    pub case_file: CaseFile,
    pub target: Target,
    pub moods: Vec<MoodVar>,
    pub flags: Vec<String>,
    pub start: NodeIdx,
    pub nodes: Vec<Node>,
    pub source: PersonaSource,
    /// In a translated persona, the texts that have no translation and show the source text.
    pub untranslated: HashSet<Site>,
}

/// Where a persona came from.
#[derive(Debug, Clone)]
pub struct PersonaSource {
    pub path: PathBuf,
    pub hash: ContentHash,
}

#[derive(Debug, Clone)]
pub struct Portrait {
    pub expression: Expression,
    /// As written, relative to `assets/`.
    pub image: String,
    /// Resolved on disk.
    pub path: PathBuf,
    pub when: Option<Condition>,
}

#[derive(Debug, Clone)]
pub struct Target {
    pub outcomes: BTreeMap<Outcome, u32>,
    pub style_zone: StyleZone,
    pub turn_budget: u32,
    pub weights: Weights,
    pub reply_time_limit: Option<u32>,
    pub assessment_seed: u64,
    pub pass_mark: u32,
    /// For each violation kind, the least severity that fails the call (the documented
    /// default, made stricter where the persona says so).
    pub critical: BTreeMap<ViolationKind, Severity>,
    pub steps: Vec<RequiredStep>,
}

impl Target {
    pub fn points(&self, outcome: Outcome) -> u32 {
        self.outcomes.get(&outcome).copied().unwrap_or(0)
    }

    /// Whether a violation fails the call.
    pub fn is_critical(&self, kind: ViolationKind, severity: Severity) -> bool {
        self.critical.get(&kind).is_some_and(|least| severity >= *least)
    }

    /// The bit of a required step by id (steps are at most [`MAX_STEPS`]).
    pub fn step_bit(&self, id: &str) -> u64 {
        self.steps.iter().position(|s| s.id == id).map_or(0, step_bit)
    }
}

/// A persona declares at most this many required steps (they are tracked as bits).
pub const MAX_STEPS: usize = 64;

/// The bit of the `i`-th required step; none past [`MAX_STEPS`] (validation refuses such a
/// persona, but the bit is computed before it is refused).
pub fn step_bit(i: usize) -> u64 {
    u32::try_from(i).ok().and_then(|i| 1u64.checked_shl(i)).unwrap_or(0)
}

/// A step a skilled collector must take (see `format::StepSpec`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequiredStep {
    pub id: String,
    pub name: String,
    /// The flag (by name) that must not be set before the step is taken.
    pub before: Option<String>,
    /// The flag (by name) that makes the step required; always required without one.
    pub applies_if: Option<String>,
    pub critical: bool,
}

#[derive(Debug, Clone)]
pub struct MoodVar {
    pub name: String,
    pub start: i32,
}

#[derive(Debug, Clone)]
pub struct Node {
    pub id: NodeId,
    pub lines: Vec<Line>,
    pub ploy: Option<Ploy>,
    pub replies: Vec<Reply>,
    pub silence: Option<Silence>,
    pub ending: Option<Ending>,
}

#[derive(Debug, Clone)]
pub struct Line {
    pub text: String,
    pub weight: u32,
}

#[derive(Debug, Clone)]
pub struct Reply {
    pub text: String,
    pub stance: Stance,
    pub effects: Vec<(MoodIdx, i32)>,
    pub sets: Vec<FlagIdx>,
    pub when: Option<Condition>,
    pub violation: Option<Violation>,
    pub ploy: Option<PloyHandling>,
    pub feedback: Option<String>,
    pub next: Next,
    /// Required steps (by id) this reply takes.
    pub steps: Vec<String>,
    /// What the reply does to the required steps, as bits (from `steps` and `sets`).
    pub marks: StepMarks,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Violation {
    pub kind: ViolationKind,
    pub severity: Severity,
}

#[derive(Debug, Clone)]
pub enum Next {
    Goto(NodeIdx),
    Random(Vec<Branch>),
}

impl Next {
    /// Every node this can lead to.
    pub fn targets(&self) -> impl Iterator<Item = NodeIdx> + '_ {
        let (single, many) = match self {
            Next::Goto(to) => (Some(*to), &[][..]),
            Next::Random(branches) => (None, branches.as_slice()),
        };
        single.into_iter().chain(many.iter().map(|b| b.to))
    }
}

#[derive(Debug, Clone)]
pub struct Branch {
    pub to: NodeIdx,
    pub weight: u32,
    pub tilt: Vec<(MoodIdx, f64)>,
}

#[derive(Debug, Clone)]
pub struct Silence {
    pub effects: Vec<(MoodIdx, i32)>,
    pub next: Next,
}

#[derive(Debug, Clone)]
pub struct Ending {
    pub outcome: Outcome,
    pub terms: Option<Terms>,
    pub next_step: NextStep,
    pub summary: String,
    /// Outcome points; `None` takes the target's points for the outcome.
    pub points: Option<u32>,
}

/// A condition with names resolved.
#[derive(Debug, Clone, PartialEq)]
pub enum Condition {
    MoodAtLeast(MoodIdx, i32),
    MoodBelow(MoodIdx, i32),
    Flag(FlagIdx),
    NotFlag(FlagIdx),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

impl Persona {
    pub fn node(&self, idx: NodeIdx) -> &Node {
        &self.nodes[idx.get()]
    }

    pub fn node_index(&self, id: &str) -> Option<NodeIdx> {
        self.nodes.iter().position(|n| n.id.0 == id).map(|i| NodeIdx(i as u32))
    }

    pub fn mood_index(&self, name: &str) -> Option<MoodIdx> {
        self.moods.iter().position(|m| m.name == name).map(|i| MoodIdx(i as u16))
    }

    pub fn endings(&self) -> impl Iterator<Item = (NodeIdx, &Ending)> {
        self.nodes.iter().enumerate().filter_map(|(i, n)| n.ending.as_ref().map(|e| (NodeIdx(i as u32), e)))
    }

    /// The best points any outcome gives.
    pub fn best_points(&self) -> u32 {
        self.target.outcomes.values().copied().max().unwrap_or(0)
    }
}

/// The id a persona has now for an id of an old Polish twin file (`x-pl` → `x`), from before
/// one persona held every language. Reports made on a twin count for the merged persona.
pub fn merged_id(id: &str) -> Option<&str> {
    id.strip_suffix("-pl").filter(|base| !base.is_empty())
}

/// What one turn did to the required steps, as bits of the target's steps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StepMarks {
    /// Steps the reply takes.
    pub done: u64,
    /// Steps whose `before` event the reply sets.
    pub due: u64,
    /// Steps whose `applies_if` flag the reply sets.
    pub triggered: u64,
}

impl StepMarks {
    /// The marks of a reply that takes `steps` and sets `flags` (by name).
    pub fn of<'a>(
        target: &Target,
        steps: impl IntoIterator<Item = &'a String>,
        flags: &[String],
    ) -> StepMarks {
        let mut marks = StepMarks::default();
        for step in steps {
            marks.done |= target.step_bit(step);
        }
        for (i, step) in target.steps.iter().enumerate() {
            let set = |flag: &Option<String>| flag.as_ref().is_some_and(|f| flags.contains(f));
            if set(&step.before) {
                marks.due |= step_bit(i);
            }
            if set(&step.applies_if) {
                marks.triggered |= step_bit(i);
            }
        }
        marks
    }
}

/// Relative weights of the six score parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Weights {
    pub outcome: u32,
    pub style: u32,
    pub conduct: u32,
    /// Zero in reports from before required steps.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub steps: u32,
    pub ploys: u32,
    pub wrap_up: u32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights { outcome: 35, style: 20, conduct: 15, steps: 10, ploys: 10, wrap_up: 10 }
    }
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}
