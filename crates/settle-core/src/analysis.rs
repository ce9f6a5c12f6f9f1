//! Analysis of a persona for its author: which endings the trainee can reach and by which
//! shortest replies, the best and worst reachable score, whether the target outcome can be
//! reached inside the target style zone, replies that can never be offered, and how naive
//! players fare over many seeds.
//!
//! It explores *states* (node, moods, flags), not paths: each state is visited once, so the
//! work is bounded by the number of distinct states, not the (exponential) number of paths.
//! The score search carries a tally (turns, stance sums, ploy and violation counts) in its
//! state, which makes its space larger; both searches stop at documented bounds ([`Bounds`])
//! and say whether they finished. Every random branch that can carry weight is a possible
//! successor; silence is explored where a node has a silence transition. Scores assume a
//! correct wrap-up, so they measure the replies.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::sync::Arc;

use crate::call::{CallEnd, Choice, EndReason, Mode};
use crate::engine::CallEngine;
use crate::mood::MoodState;
use crate::outcome::Outcome;
use crate::persona::{Next, NodeId, NodeIdx, Persona, ReplyIdx};
use crate::scoring::{Tally, score_tally};
use crate::style::Stance;
use crate::wrapup::WrapUp;

/// How far the analysis may go.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    /// Distinct (node, moods, flags) states the reachability search may visit.
    pub max_states: usize,
    /// Distinct states (with their score tally) the score search may visit.
    pub max_score_states: usize,
    /// Seeds each naive player is simulated over.
    pub seeds: u64,
    /// Assessment calls each surface strategy plays.
    pub surface_seeds: u64,
}

impl Default for Bounds {
    fn default() -> Self {
        Bounds { max_states: 200_000, max_score_states: 150_000, seeds: 1_000, surface_seeds: 200 }
    }
}

impl Bounds {
    /// Hand-written personas (up to 500 nodes) get a score search four times deeper: their
    /// good calls run 10-16 replies, past what the default reaches; large generated graphs
    /// keep the default so that the analysis stays under a second.
    pub fn for_persona(persona: &Persona) -> Bounds {
        let base = Bounds::default();
        if persona.nodes.len() <= 500 { Bounds { max_score_states: 600_000, ..base } } else { base }
    }
}

/// One step of a path: at `node`, the trainee chose `choice`; `branch` names the node a
/// random draw must pick for the path to go on (when the reply leads to a random branch).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub node: NodeId,
    pub choice: Choice,
    pub branch: Option<NodeId>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EndingReach {
    pub node: NodeId,
    pub outcome: Outcome,
    /// The shortest path found, or `None` when the ending was not reached.
    pub path: Option<Vec<Step>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScoredPath {
    pub total: f64,
    /// A call can score high and still fail (a critical error, a missed critical step).
    pub passed: bool,
    pub ending: NodeId,
    pub steps: Vec<Step>,
}

/// The naive players simulated over many seeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NaivePlayer {
    /// Always the reply on offer with the most empathy (then the most firmness).
    AllEmpathic,
    /// Always the reply on offer with the most firmness (then the most empathy).
    AllFirm,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NaiveShares {
    pub player: NaivePlayer,
    /// Share of seeds (0-1) ending at each ending node, and at the turn limit.
    pub endings: BTreeMap<String, f64>,
    pub mean_score: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub states: usize,
    /// False when the reachability search stopped at its bound.
    pub states_complete: bool,
    pub endings: Vec<EndingReach>,
    pub best: Option<ScoredPath>,
    pub worst: Option<ScoredPath>,
    pub score_states: usize,
    pub score_complete: bool,
    /// The outcome with the most points, and whether some explored path reaches it with its
    /// style point inside the target zone.
    pub target_outcome: Option<Outcome>,
    pub target_in_zone: bool,
    /// Nodes no explored state reaches (with conditions taken into account).
    pub unreached_nodes: Vec<NodeId>,
    /// Replies whose condition held in no explored state at their node.
    pub never_offered: Vec<(NodeId, ReplyIdx)>,
    pub naive: Vec<NaiveShares>,
    /// Players who ignore what replies say, over `Bounds::surface_seeds` assessment calls.
    pub surface: Vec<crate::surface::StrategyResult>,
    /// How often the best reply is also the longest or the shortest.
    pub form_tells: crate::surface::FormTells,
}

type State = (NodeIdx, MoodState);

/// A successor of a state: what was chosen, and where it led.
struct Move {
    choice: Choice,
    stance: Stance,
    ploy_met: bool,
    handling: Option<crate::vocabulary::PloyHandling>,
    violation: Option<(crate::vocabulary::ViolationKind, crate::vocabulary::Severity)>,
    marks: crate::persona::StepMarks,
    to: NodeIdx,
    branch: bool,
    moods: MoodState,
}

/// Every move open at a state; `offered` collects the replies whose condition held.
fn moves(persona: &Persona, (node, moods): &State, mut offered: impl FnMut(ReplyIdx)) -> Vec<Move> {
    let n = persona.node(*node);
    let mut out = Vec::new();
    let mut follow = |choice: Choice, next: &Next, after: MoodState, r: Option<&crate::persona::Reply>| {
        let (stance, handling, violation, marks) = match r {
            Some(r) => (r.stance, r.ploy, r.violation.map(|v| (v.kind, v.severity)), r.marks),
            None => (Stance::SILENCE, None, None, Default::default()),
        };
        let mut push = |to: NodeIdx, branch: bool| {
            out.push(Move {
                choice,
                stance,
                ploy_met: n.ploy.is_some(),
                handling,
                violation,
                marks,
                to,
                branch,
                moods: after.clone(),
            })
        };
        match next {
            Next::Goto(to) => push(*to, false),
            Next::Random(branches) => {
                let weights: Vec<f64> = branches.iter().map(|b| after.branch_weight(b)).collect();
                let any = weights.iter().any(|w| *w > 0.0);
                for (b, w) in branches.iter().zip(&weights) {
                    if *w > 0.0 || !any {
                        push(b.to, branches.len() > 1);
                    }
                }
            }
        }
    };
    for (i, reply) in n.replies.iter().enumerate() {
        if !moods.allows(reply.when.as_ref()) {
            continue;
        }
        offered(ReplyIdx(i as u16));
        let mut after = moods.clone();
        after.apply(&reply.effects);
        after.set_flags(&reply.sets);
        follow(Choice::Reply(ReplyIdx(i as u16)), &reply.next, after, Some(reply));
    }
    if let Some(silence) = &n.silence {
        let mut after = moods.clone();
        after.apply(&silence.effects);
        follow(Choice::Silence, &silence.next, after, None);
    }
    out
}

fn end_of(persona: &Persona, node: NodeIdx) -> Option<CallEnd> {
    let n = persona.node(node);
    n.ending.as_ref().map(|e| CallEnd {
        reason: EndReason::Ending(n.id.clone()),
        outcome: e.outcome,
        terms: e.terms.clone(),
        next_step: e.next_step,
        closing_line: String::new(),
        summary: String::new(),
        points: e.points,
    })
}

/// Walks parent links back to the start.
fn path<K>(arena: &[(K, Option<(usize, Step)>)], mut at: usize) -> Vec<Step> {
    let mut steps = Vec::new();
    while let Some((parent, step)) = &arena[at].1 {
        steps.push(step.clone());
        at = *parent;
    }
    steps.reverse();
    steps
}

pub fn analyze(persona: &Arc<Persona>, bounds: Bounds) -> Analysis {
    let turn_limit = persona.target.turn_budget.saturating_mul(3).max(crate::engine::MIN_TURN_LIMIT);

    // Reachability over (node, moods, flags), breadth first: the first visit is the shortest.
    let start: State = (persona.start, MoodState::start(persona));
    let mut arena: Vec<(State, Option<(usize, Step)>)> = vec![(start.clone(), None)];
    let mut seen: HashMap<State, usize> = HashMap::from([(start, 0)]);
    let mut depth = vec![0u32];
    let mut queue = VecDeque::from([0usize]);
    let mut offered: HashSet<(NodeIdx, ReplyIdx)> = HashSet::new();
    let mut visited = vec![false; persona.nodes.len()];
    let mut first_at_ending: HashMap<NodeIdx, usize> = HashMap::new();
    let mut states_complete = true;
    while let Some(at) = queue.pop_front() {
        let state = arena[at].0.clone();
        visited[state.0.get()] = true;
        if persona.node(state.0).ending.is_some() {
            first_at_ending.entry(state.0).or_insert(at);
            continue;
        }
        if depth[at] >= turn_limit {
            continue;
        }
        for m in moves(persona, &state, |r| {
            offered.insert((state.0, r));
        }) {
            let next: State = (m.to, m.moods);
            if seen.contains_key(&next) {
                continue;
            }
            if arena.len() >= bounds.max_states {
                states_complete = false;
                break;
            }
            let step = Step {
                node: persona.node(state.0).id.clone(),
                choice: m.choice,
                branch: m.branch.then(|| persona.node(m.to).id.clone()),
            };
            seen.insert(next.clone(), arena.len());
            arena.push((next, Some((at, step))));
            depth.push(depth[at] + 1);
            queue.push_back(arena.len() - 1);
        }
    }
    let endings = persona
        .endings()
        .map(|(idx, e)| EndingReach {
            node: persona.node(idx).id.clone(),
            outcome: e.outcome,
            path: first_at_ending.get(&idx).map(|at| path(&arena, *at)),
        })
        .collect();
    let unreached_nodes =
        persona.nodes.iter().enumerate().filter(|(i, _)| !visited[*i]).map(|(_, n)| n.id.clone()).collect();
    let never_offered = if states_complete {
        persona
            .nodes
            .iter()
            .enumerate()
            .filter(|(i, _)| visited[*i])
            .flat_map(|(i, n)| {
                let idx = NodeIdx(i as u32);
                (0..n.replies.len())
                    .map(move |r| (idx, ReplyIdx(r as u16)))
                    .filter(|key| !offered.contains(key))
                    .map(|(_, r)| (n.id.clone(), r))
                    .collect::<Vec<_>>()
            })
            .collect()
    } else {
        Vec::new()
    };
    let states = arena.len();

    let scores = score_search(persona, bounds, turn_limit);
    let naive =
        [NaivePlayer::AllEmpathic, NaivePlayer::AllFirm].map(|p| simulate(persona, p, bounds.seeds)).to_vec();
    Analysis {
        states,
        states_complete,
        endings,
        best: scores.best,
        worst: scores.worst,
        score_states: scores.states,
        score_complete: scores.complete,
        target_outcome: scores.target_outcome,
        target_in_zone: scores.target_in_zone,
        unreached_nodes,
        never_offered,
        naive,
        surface: crate::surface::play_all(persona, bounds.surface_seeds),
        form_tells: crate::surface::form_tells(&persona.nodes, &persona.target),
    }
}

struct ScoreSearch {
    best: Option<ScoredPath>,
    worst: Option<ScoredPath>,
    states: usize,
    complete: bool,
    target_outcome: Option<Outcome>,
    target_in_zone: bool,
}

/// Breadth-first over (node, moods, flags, tally), scoring every ending reached.
fn score_search(persona: &Arc<Persona>, bounds: Bounds, turn_limit: u32) -> ScoreSearch {
    type Key = (NodeIdx, MoodState, Tally);
    let target_outcome = persona.target.outcomes.iter().max_by_key(|(_, p)| **p).map(|(o, _)| *o);
    let start: Key = (persona.start, MoodState::start(persona), Tally::default());
    let mut arena: Vec<(Key, Option<(usize, Step)>)> = vec![(start.clone(), None)];
    let mut seen: HashSet<Key> = HashSet::from([start]);
    let mut queue = VecDeque::from([0usize]);
    let mut result = ScoreSearch {
        best: None,
        worst: None,
        states: 0,
        complete: true,
        target_outcome,
        target_in_zone: false,
    };
    let mut consider = |arena: &[(Key, Option<(usize, Step)>)], at: usize, end: &CallEnd, tally: &Tally| {
        let card = score_tally(&persona.target, tally, end, &WrapUp::matching(end));
        if Some(end.outcome) == target_outcome && card.style_distance == 0.0 {
            result.target_in_zone = true;
        }
        let ending = match &end.reason {
            EndReason::Ending(id) => id.clone(),
            EndReason::TurnLimit => NodeId("(turn limit)".into()),
        };
        // The best call is the best one that passes; a high total with a critical error is not.
        let better = result.best.as_ref().is_none_or(|b| (card.passed, card.total) > (b.passed, b.total));
        let worse = result.worst.as_ref().is_none_or(|w| card.total < w.total);
        if better || worse {
            let scored =
                ScoredPath { total: card.total, passed: card.passed, ending, steps: path(arena, at) };
            if better {
                result.best = Some(scored.clone());
            }
            if worse {
                result.worst = Some(scored);
            }
        }
    };
    while let Some(at) = queue.pop_front() {
        let (node, moods, tally) = arena[at].0.clone();
        if let Some(end) = end_of(persona, node) {
            consider(&arena, at, &end, &tally);
            continue;
        }
        if tally.turns >= turn_limit {
            let end = CallEnd::turn_limit();
            consider(&arena, at, &end, &tally);
            continue;
        }
        for m in moves(persona, &(node, moods), |_| {}) {
            let mut next_tally = tally.clone();
            next_tally.add(m.stance, m.ploy_met, m.handling, m.violation, m.marks);
            let key: Key = (m.to, m.moods, next_tally);
            if seen.contains(&key) {
                continue;
            }
            if arena.len() >= bounds.max_score_states {
                result.complete = false;
                queue.clear();
                break;
            }
            let step = Step {
                node: persona.node(node).id.clone(),
                choice: m.choice,
                branch: m.branch.then(|| persona.node(m.to).id.clone()),
            };
            seen.insert(key.clone());
            arena.push((key, Some((at, step))));
            queue.push_back(arena.len() - 1);
        }
    }
    result.states = arena.len();
    result
}

/// A path as `NODE#N` steps (reply N as the node lists it; `#silence`), `-> X` where a random
/// branch must go to X.
pub fn describe(steps: &[Step]) -> String {
    steps
        .iter()
        .map(|s| {
            let choice = match s.choice {
                Choice::Reply(r) => format!("{}#{}", s.node, r.0 + 1),
                Choice::Silence => format!("{}#silence", s.node),
            };
            match &s.branch {
                Some(b) => format!("{choice} -> {b}"),
                None => choice,
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Plays `seeds` calls as a naive player and counts where they end.
pub fn simulate(persona: &Arc<Persona>, player: NaivePlayer, seeds: u64) -> NaiveShares {
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let mut total_score = 0.0;
    for seed in 0..seeds {
        let (mut engine, _) = CallEngine::start(Arc::clone(persona), Mode::Practice, seed);
        while !engine.is_over() {
            let pick = engine
                .offers()
                .iter()
                .map(|o| o.reply)
                .max_by_key(|r| {
                    let s = persona.node(engine.node()).replies[usize::from(r.0)].stance;
                    match player {
                        NaivePlayer::AllEmpathic => (s.empathy, s.firmness),
                        NaivePlayer::AllFirm => (s.firmness, s.empathy),
                    }
                })
                .expect("validated personas always offer a reply");
            if engine.choose(pick).is_err() {
                break;
            }
        }
        if let Some(end) = engine.end() {
            let key = match &end.reason {
                EndReason::Ending(id) => id.0.clone(),
                EndReason::TurnLimit => "(turn limit)".into(),
            };
            *counts.entry(key).or_default() += 1;
            total_score +=
                crate::scoring::score(&persona.target, engine.turns(), end, &WrapUp::matching(end)).total;
        }
    }
    let n = seeds.max(1) as f64;
    NaiveShares {
        player,
        endings: counts.into_iter().map(|(k, c)| (k, c as f64 / n)).collect(),
        mean_score: total_score / n,
    }
}
