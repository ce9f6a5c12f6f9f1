//! The persona file format: serde structs that mirror a `dialogues/*.ron` file one to one.
//!
//! These types are the compatibility boundary with trainers' files. They hold names as
//! strings, exactly as written; nothing here is checked beyond what serde enforces. The
//! validator (`validate`) turns a [`PersonaFile`] into the richer [`crate::Persona`] the
//! engine runs on. Never give these types behaviour the engine depends on.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::case_file::CaseFile;
use crate::outcome::{NextStep, Outcome};
use crate::vocabulary::{Archetype, Expression, Language, Ploy, PloyHandling, Severity, ViolationKind};

/// The file format version this build reads. A file names it in `format:`.
pub const PERSONA_FORMAT: u32 = 1;

/// One persona file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Persona")]
pub struct PersonaFile {
    pub format: u32,
    pub id: String,
    pub name: String,
    pub company: String,
    pub archetype: Archetype,
    pub difficulty: u8,
    pub language: Language,
    pub description: String,
    #[serde(default)]
    pub portraits: Vec<PortraitSpec>,
    pub case_file: CaseFile,
    pub target: TargetSpec,
    /// Mood variables and their start values, 0-100.
    #[serde(deserialize_with = "unique_map")]
    pub moods: BTreeMap<String, i32>,
    pub start: String,
    #[serde(deserialize_with = "unique_map")]
    pub nodes: BTreeMap<String, NodeSpec>,
}

/// The debtor's face in a given mood, chosen by the first entry whose `when` holds.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Portrait")]
pub struct PortraitSpec {
    pub expression: Expression,
    /// Path relative to the `assets/` folder.
    pub image: String,
    #[serde(default)]
    pub when: Option<ConditionSpec>,
}

/// What the persona's author wants from the call.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Target")]
pub struct TargetSpec {
    /// Points (0-100) for each outcome; outcomes not listed give 0.
    #[serde(deserialize_with = "unique_map")]
    pub outcomes: BTreeMap<Outcome, u32>,
    pub style_zone: StyleZoneSpec,
    pub turn_budget: u32,
    #[serde(default)]
    pub weights: Option<WeightsSpec>,
    /// Seconds the trainee has for each reply; silence when it runs out.
    #[serde(default)]
    pub reply_time_limit: Option<u32>,
    pub assessment_seed: u64,
    #[serde(default)]
    pub pass_mark: Option<u32>,
    /// Critical errors made stricter than the default: a violation of this kind at this
    /// severity or worse fails the call. A persona may lower a threshold, never raise it.
    #[serde(default, deserialize_with = "unique_map")]
    pub critical: BTreeMap<ViolationKind, Severity>,
    /// Steps a skilled collector must take in this call.
    #[serde(default)]
    pub steps: Vec<StepSpec>,
}

/// A required step (an omission check on a quality scorecard): done by a reply that lists it
/// in `steps`, optionally before a flag is set (the event it must come before).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Step")]
pub struct StepSpec {
    pub id: String,
    /// What the step is, as the debrief names it.
    pub name: String,
    /// The step must be done before any reply sets this flag.
    #[serde(default)]
    pub before: Option<String>,
    /// The step is required only once a reply has set this flag (condolences once a death is
    /// mentioned, repeat-back once terms are agreed).
    #[serde(default)]
    pub applies_if: Option<String>,
    /// Missing it fails the call.
    #[serde(default)]
    pub critical: bool,
}

/// A rectangle on the style plane, each bound in -1.0..=1.0.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "StyleZone")]
pub struct StyleZoneSpec {
    pub empathy: (f64, f64),
    pub firmness: (f64, f64),
}

/// Relative weights of the score parts.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Weights")]
pub struct WeightsSpec {
    pub outcome: u32,
    pub style: u32,
    pub conduct: u32,
    /// Required steps; the default weight when not written.
    #[serde(default)]
    pub steps: Option<u32>,
    pub ploys: u32,
    pub wrap_up: u32,
}

/// One point of the conversation: the debtor speaks, the trainee answers (or the call ends).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Node")]
pub struct NodeSpec {
    /// What the debtor says; one variant is drawn by weight.
    pub says: Vec<LineSpec>,
    #[serde(default)]
    pub ploy: Option<Ploy>,
    #[serde(default)]
    pub replies: Vec<ReplySpec>,
    /// What happens when the reply timer runs out; default: the debtor repeats the node.
    #[serde(default)]
    pub silence: Option<SilenceSpec>,
    #[serde(default)]
    pub ending: Option<EndingSpec>,
}

/// A debtor line: plain text, or text with a weight.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum LineSpec {
    Plain(String),
    Weighted { text: String, weight: u32 },
}

impl LineSpec {
    pub fn text(&self) -> &str {
        match self {
            LineSpec::Plain(text) | LineSpec::Weighted { text, .. } => text,
        }
    }

    pub fn weight(&self) -> u32 {
        match self {
            LineSpec::Plain(_) => 1,
            LineSpec::Weighted { weight, .. } => *weight,
        }
    }
}

/// One reply on offer to the trainee.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Reply")]
pub struct ReplySpec {
    pub text: String,
    pub empathy: i32,
    pub firmness: i32,
    /// Mood changes, by mood variable name.
    #[serde(default, deserialize_with = "unique_map")]
    pub effects: BTreeMap<String, i32>,
    /// Flags this reply sets, for later conditions.
    #[serde(default)]
    pub sets: Vec<String>,
    /// Required steps (by id) this reply takes.
    #[serde(default)]
    pub steps: Vec<String>,
    /// The reply is offered only when this holds.
    #[serde(default)]
    pub when: Option<ConditionSpec>,
    #[serde(default)]
    pub violation: Option<ViolationSpec>,
    /// How this reply handles the node's ploy.
    #[serde(default)]
    pub ploy: Option<PloyHandling>,
    #[serde(default)]
    pub feedback: Option<String>,
    pub next: NextSpec,
}

/// Where the call goes after a reply.
#[derive(Debug, Clone, Deserialize)]
pub enum NextSpec {
    Goto(String),
    Random(Vec<BranchSpec>),
}

/// One weighted random branch. Effective weight: `weight + Σ tilt[mood] × mood value`,
/// never below zero.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Branch")]
pub struct BranchSpec {
    pub to: String,
    pub weight: u32,
    #[serde(default, deserialize_with = "unique_map")]
    pub tilt: BTreeMap<String, f64>,
}

/// A condition on moods and flags.
#[derive(Debug, Clone, Deserialize)]
pub enum ConditionSpec {
    /// The mood is at least the value.
    MoodAtLeast(String, i32),
    /// The mood is below the value.
    MoodBelow(String, i32),
    Flag(String),
    NotFlag(String),
    All(Vec<ConditionSpec>),
    Any(Vec<ConditionSpec>),
    Not(Box<ConditionSpec>),
}

/// A conduct violation that a reply commits.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Violation")]
pub struct ViolationSpec {
    pub kind: ViolationKind,
    pub severity: Severity,
}

/// The transition taken when the reply timer runs out.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Silence")]
pub struct SilenceSpec {
    #[serde(default, deserialize_with = "unique_map")]
    pub effects: BTreeMap<String, i32>,
    pub next: NextSpec,
}

/// The end of a call.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Ending")]
pub struct EndingSpec {
    pub outcome: Outcome,
    #[serde(default)]
    pub terms: Option<crate::outcome::Terms>,
    pub next_step: NextStep,
    /// What happened, for the debrief.
    pub summary: String,
    /// Outcome points (0-100) for this ending [default: the target's points for its outcome].
    #[serde(default)]
    pub points: Option<u32>,
}

/// Reads a map, refusing a key written twice: serde would otherwise keep the last silently,
/// and a trainer would lose a node without a word.
fn unique_map<'de, D, K, V>(deserializer: D) -> Result<BTreeMap<K, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    K: Deserialize<'de> + Ord + std::fmt::Debug,
    V: Deserialize<'de>,
{
    struct Visitor<K, V>(std::marker::PhantomData<(K, V)>);
    impl<'de, K, V> serde::de::Visitor<'de> for Visitor<K, V>
    where
        K: Deserialize<'de> + Ord + std::fmt::Debug,
        V: Deserialize<'de>,
    {
        type Value = BTreeMap<K, V>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a map in `{ ... }`")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some(key) = map.next_key::<K>()? {
                if out.contains_key(&key) {
                    return Err(serde::de::Error::custom(format!("{key:?} is written twice in this map")));
                }
                let value = map.next_value()?;
                out.insert(key, value);
            }
            Ok(out)
        }
    }
    deserializer.deserialize_map(Visitor(std::marker::PhantomData))
}
