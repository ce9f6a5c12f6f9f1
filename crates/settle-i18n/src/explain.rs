//! The six parts of a score card in words, one sentence each from the card's numbers, and
//! where the call ended on the style map: what the app's debrief and the command line's
//! debrief both show.

use crate::Lang;
use settle_core::outcome::Outcome;
use settle_core::scoring::ScoreCard;
use settle_core::style::StylePoint;

/// One part of the score: its name, its score (`None`: not scored), its weight and why.
#[derive(Debug, Clone, PartialEq)]
pub struct ScorePart {
    pub name: &'static str,
    pub score: Option<f64>,
    pub weight: u32,
    pub why: String,
}

/// Outcome, style fit, conduct, required steps, ploy handling and wrap-up, in the language
/// asked for.
pub fn score_parts(lang: Lang, s: &ScoreCard, outcome: Outcome) -> [ScorePart; 6] {
    let w = s.weights;
    let outcome = lang.tr_args(
        "explain-outcome",
        &[
            ("outcome", lang.outcome(outcome).into()),
            ("points", s.outcome_points.into()),
            ("turns", s.turns.into()),
            ("budget", s.turn_budget.into()),
        ],
    );
    let style = if s.style_distance == 0.0 {
        lang.tr_args("explain-style-inside", &[("style", lang.style(s.style).into())])
    } else {
        lang.tr_args(
            "explain-style-distance",
            &[("style", lang.style(s.style).into()), ("distance", lang.number(s.style_distance, 2).into())],
        )
    };
    let conduct = if s.violations.is_empty() {
        lang.tr("explain-no-violations").to_string()
    } else {
        s.violations
            .iter()
            .map(|(k, sev)| format!("{} ({})", lang.violation(*k), lang.severity(*sev)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let applying: Vec<_> = s.step_results.iter().filter(|r| r.applies).collect();
    let steps = if applying.is_empty() {
        lang.tr("explain-no-steps").to_string()
    } else {
        let missed = applying.iter().filter(|r| r.missed()).count();
        lang.tr_args(
            "explain-steps",
            &[("taken", (applying.len() - missed).into()), ("of", applying.len().into())],
        )
    };
    let ploys = if s.ploys_met == 0 {
        lang.tr("explain-no-ploys").to_string()
    } else {
        lang.tr_args(
            "explain-ploys",
            &[
                ("met", s.ploys_met.into()),
                ("countered", s.ploys_countered.into()),
                ("fallen", s.ploys_fallen_for.into()),
            ],
        )
    };
    let c = s.wrap_up_check;
    let right =
        [c.outcome, c.amount, c.instalments, c.first_due, c.next_step].iter().filter(|ok| **ok).count();
    let wrap_up = lang.tr_args("explain-wrap-up", &[("right", right.into())]);
    let part = |name, score, weight, why| ScorePart { name, score, weight, why };
    [
        part(lang.tr("part-outcome"), Some(s.outcome), w.outcome, outcome),
        part(lang.tr("part-style"), Some(s.style_fit), w.style, style),
        part(lang.tr("part-conduct"), Some(s.conduct), w.conduct, conduct),
        part(lang.tr("part-steps"), s.steps, w.steps, steps),
        part(lang.tr("part-ploys"), s.ploys, w.ploys, ploys),
        part(lang.tr("part-wrap-up"), Some(s.wrap_up), w.wrap_up, wrap_up),
    ]
}

/// Where a call ended on the style map: `Style map: Collaborating, empathy +0.50, firmness +0.25`.
pub fn style_description(lang: Lang, end: StylePoint) -> String {
    lang.tr_args(
        "style-map-description",
        &[
            ("style", lang.style(end.style()).into()),
            ("empathy", lang.signed(end.empathy, 2).into()),
            ("firmness", lang.signed(end.firmness, 2).into()),
        ],
    )
}
