//! Players who ignore what a reply says, and whether a persona gives its answers away by form.
//!
//! The score must mean skill: a player who always picks the longest reply, the warmest, the
//! one with most figures, or the first offered must fail. [`play_strategy`] plays such a
//! player over many seeds with a perfect wrap-up, so that only the replies are measured, and
//! [`form_tells`] counts the decision points where the best reply is also the longest (or the
//! shortest). Both serve `settle analyze`, `settle check`, the app's analysis tab and the
//! tests; nothing here knows how the figures are shown.

use std::sync::Arc;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::call::Mode;
use crate::engine::{CallEngine, Offer};
use crate::persona::{Node, Persona, Reply, Target};
use crate::scoring::score;
use crate::wrapup::WrapUp;

/// A way of choosing that reads only a reply's form, never its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Strategy {
    Longest,
    Shortest,
    FirstOffered,
    LastOffered,
    MostFigures,
    Warmest,
    Firmest,
    Random,
}

impl Strategy {
    pub const ALL: [Strategy; 8] = [
        Strategy::Longest,
        Strategy::Shortest,
        Strategy::FirstOffered,
        Strategy::LastOffered,
        Strategy::MostFigures,
        Strategy::Warmest,
        Strategy::Firmest,
        Strategy::Random,
    ];

    /// A short English name for the command line and the analysis tab's table.
    pub fn key(self) -> &'static str {
        match self {
            Strategy::Longest => "always longest",
            Strategy::Shortest => "always shortest",
            Strategy::FirstOffered => "always first offered",
            Strategy::LastOffered => "always last offered",
            Strategy::MostFigures => "always most figures",
            Strategy::Warmest => "always warmest",
            Strategy::Firmest => "always firmest",
            Strategy::Random => "random",
        }
    }

    /// The position (0-based) among `offers` this player takes; ties go to the earlier offer.
    fn pick(self, node: &[Reply], offers: &[Offer<'_>], rng: &mut ChaCha8Rng) -> usize {
        let best_by = |key: &dyn Fn(&Offer<'_>) -> i64| {
            let mut best = 0;
            for (i, offer) in offers.iter().enumerate() {
                if key(offer) > key(&offers[best]) {
                    best = i;
                }
            }
            best
        };
        let reply = |o: &Offer<'_>| &node[usize::from(o.reply.0)];
        match self {
            Strategy::Longest => best_by(&|o| o.text.chars().count() as i64),
            Strategy::Shortest => best_by(&|o| -(o.text.chars().count() as i64)),
            Strategy::FirstOffered => 0,
            Strategy::LastOffered => offers.len() - 1,
            Strategy::MostFigures => best_by(&|o| figures(o.text) as i64),
            Strategy::Warmest => best_by(&|o| i64::from(reply(o).stance.empathy)),
            Strategy::Firmest => best_by(&|o| i64::from(reply(o).stance.firmness)),
            Strategy::Random => rng.random_range(0..offers.len()),
        }
    }
}

/// Numbers written in a text (`38,280`, `27`, `8%` count one each).
pub fn figures(text: &str) -> usize {
    let mut count = 0;
    let mut in_number = false;
    let mut previous = ' ';
    for c in text.chars() {
        let digit = c.is_ascii_digit();
        // `38,280` and `12 400,00` are one figure: a separator between digits continues it.
        if digit && !in_number {
            count += 1;
        }
        in_number =
            digit || (in_number && matches!(c, ',' | '.' | '\u{a0}' | ' ') && previous.is_ascii_digit());
        previous = c;
    }
    count
}

/// How a strategy fared over many calls.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StrategyResult {
    pub strategy: Strategy,
    pub calls: u32,
    pub passed: u32,
    pub mean: f64,
    pub best: f64,
}

impl StrategyResult {
    pub fn pass_rate(&self) -> f64 {
        if self.calls == 0 { 0.0 } else { f64::from(self.passed) / f64::from(self.calls) }
    }
}

/// Plays `strategy` in assessment mode on seeds `0..seeds`, each call wrapped up perfectly.
pub fn play_strategy(persona: &Arc<Persona>, strategy: Strategy, seeds: u64) -> StrategyResult {
    let mut result = StrategyResult { strategy, calls: 0, passed: 0, mean: 0.0, best: 0.0 };
    let mut sum = 0.0;
    for seed in 0..seeds {
        let (mut engine, _) = CallEngine::start(Arc::clone(persona), Mode::Assessment, seed);
        // The random player's own choices come from a stream apart from the call's.
        let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5EED_0FC4_01CE);
        while !engine.is_over() {
            let node = &persona.node(engine.node()).replies;
            let offers = engine.offers();
            let choice = if offers.is_empty() {
                None
            } else {
                Some(offers[strategy.pick(node, &offers, &mut rng)].reply)
            };
            let step = match choice {
                Some(reply) => engine.choose(reply),
                None => engine.silence(),
            };
            if step.is_err() {
                break;
            }
        }
        let Some(end) = engine.end() else { continue };
        let card = score(&persona.target, engine.turns(), end, &WrapUp::matching(end));
        result.calls += 1;
        result.passed += u32::from(card.passed);
        sum += card.total;
        result.best = result.best.max(card.total);
    }
    if result.calls > 0 {
        result.mean = sum / f64::from(result.calls);
    }
    result
}

/// Every strategy on a persona.
pub fn play_all(persona: &Arc<Persona>, seeds: u64) -> Vec<StrategyResult> {
    Strategy::ALL.iter().map(|s| play_strategy(persona, *s, seeds)).collect()
}

/// How often the form of a reply tells the answer: at decision points (nodes offering three or
/// more replies without conditions, whose replies are not all as good), the share where a best
/// reply is also the longest, or the shortest. Between two replies one is always the longer, so
/// two-reply nodes say nothing about the author's habit and are left out.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct FormTells {
    pub decision_points: u32,
    pub best_is_longest: u32,
    pub best_is_shortest: u32,
}

impl FormTells {
    pub fn longest_share(&self) -> f64 {
        share(self.best_is_longest, self.decision_points)
    }

    pub fn shortest_share(&self) -> f64 {
        share(self.best_is_shortest, self.decision_points)
    }
}

fn share(n: u32, of: u32) -> f64 {
    if of == 0 { 0.0 } else { f64::from(n) / f64::from(of) }
}

/// More than this share of decision points with the best reply longest (or shortest) gives
/// the answer away.
pub const FORM_TELL_LIMIT: f64 = 1.0 / 3.0;

/// Below this many decision points a share says little (a two-turn practice persona).
pub const FORM_TELL_MIN_POINTS: u32 = 10;

impl FormTells {
    /// The share of decision points where the form tells the answer, when it gives the answer
    /// away: the best reply is the longest (`true`) or the shortest (`false`) too often.
    pub fn gives_away(&self) -> Option<(bool, f64)> {
        if self.decision_points < FORM_TELL_MIN_POINTS {
            return None;
        }
        let (longest, shortest) = (self.longest_share(), self.shortest_share());
        match (longest > FORM_TELL_LIMIT, shortest > FORM_TELL_LIMIT) {
            (true, _) if longest >= shortest => Some((true, longest)),
            (_, true) => Some((false, shortest)),
            (true, false) => Some((true, longest)),
            (false, false) => None,
        }
    }
}

/// A reply's merit as a quality team sees it, without playing on: no violation, the ploy
/// countered, required steps taken, the stance near the target zone.
fn merit(target: &Target, reply: &Reply) -> (bool, bool, i32, u32, i64) {
    use crate::vocabulary::PloyHandling;
    let clean = reply.violation.is_none();
    let not_fooled = reply.ploy != Some(PloyHandling::FellFor);
    let handling = match reply.ploy {
        Some(PloyHandling::Countered) => 1,
        Some(PloyHandling::FellFor) => -1,
        None => 0,
    };
    let steps = reply.marks.done.count_ones();
    let point = crate::style::StylePoint {
        empathy: f64::from(reply.stance.empathy) / 2.0,
        firmness: f64::from(reply.stance.firmness) / 2.0,
    };
    let near = -(target.style_zone.distance(point) * 1000.0) as i64;
    (clean && not_fooled, clean, handling, steps, near)
}

/// Counts the decision points where a best reply is the longest or the shortest one.
pub fn form_tells(nodes: &[Node], target: &Target) -> FormTells {
    let mut tells = FormTells::default();
    for node in nodes {
        let open: Vec<&Reply> = node.replies.iter().filter(|r| r.when.is_none()).collect();
        if open.len() < 3 {
            continue;
        }
        let merits: Vec<_> = open.iter().map(|r| merit(target, r)).collect();
        let Some(top) = merits.iter().max() else { continue };
        // A node where every reply is as good teaches nothing by its choice.
        if merits.iter().all(|m| m == top) {
            continue;
        }
        tells.decision_points += 1;
        let lengths: Vec<usize> = open.iter().map(|r| r.text.chars().count()).collect();
        let (longest, shortest) = (lengths.iter().max(), lengths.iter().min());
        let is_best = |i: usize| merits[i] == *top;
        if (0..open.len()).any(|i| Some(&lengths[i]) == longest && is_best(i)) {
            tells.best_is_longest += 1;
        }
        if (0..open.len()).any(|i| Some(&lengths[i]) == shortest && is_best(i)) {
            tells.best_is_shortest += 1;
        }
    }
    tells
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_figures_as_people_write_them() {
        assert_eq!(figures("38,280 PLN by 27 November"), 2);
        assert_eq!(figures("12 400,00 zł i 3 raty"), 2);
        assert_eq!(figures("no numbers here"), 0);
        assert_eq!(figures("FV/2026/08/114"), 3);
    }
}
