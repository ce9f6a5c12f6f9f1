//! Scoring a finished call against the persona's target, exactly as docs/scoring.md states.
//!
//! Five parts, each 0-100: outcome (points for the ending, less when the call ran over its
//! turn budget), style fit (distance of the style point from the target zone), conduct
//! (violations), ploy handling (countered vs fallen for) and wrap-up accuracy. The total is
//! their weighted mean over the parts that apply, rounded to one decimal. A severe violation
//! fails the call whatever the total.

use serde::{Deserialize, Serialize};

use crate::core::call::{CallEnd, Turn};
use crate::core::format::{PloyHandling, Severity, ViolationKind};
use crate::core::persona::Target;
use crate::core::style::{ConflictStyle, Stance, StylePoint};
use crate::core::wrapup::{WrapUp, WrapUpCheck};

/// Relative weights of the five score parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Weights {
    pub outcome: u32,
    pub style: u32,
    pub conduct: u32,
    pub ploys: u32,
    pub wrap_up: u32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights { outcome: 35, style: 25, conduct: 20, ploys: 10, wrap_up: 10 }
    }
}

/// Default pass mark when a persona sets none.
pub const DEFAULT_PASS_MARK: u32 = 70;
/// Style fit falls linearly from 100 at the zone's edge to 0 at this distance.
pub const STYLE_FALLOFF: f64 = 1.0;
/// Outcome points lost per turn over the budget, as a fraction.
pub const OVER_BUDGET_STEP: f64 = 0.05;
/// Outcome points are never cut below this fraction for running over the budget.
pub const OVER_BUDGET_FLOOR: f64 = 0.5;

/// Conduct points a violation costs.
pub fn violation_penalty(severity: Severity) -> f64 {
    match severity {
        Severity::Minor => 15.0,
        Severity::Major => 40.0,
        Severity::Severe => 100.0,
    }
}

/// Why a call failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FailReason {
    SevereViolation(ViolationKind),
    BelowPassMark,
}

/// Every part of a call's score, and the total.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScoreCard {
    pub style_point: StylePoint,
    pub style: ConflictStyle,
    /// Distance from the style point to the target zone; 0 inside.
    pub style_distance: f64,
    pub outcome_points: u32,
    pub turns: u32,
    pub turn_budget: u32,
    /// The fraction of the outcome points kept after running over the turn budget.
    pub efficiency: f64,
    pub outcome: f64,
    pub style_fit: f64,
    pub conduct: f64,
    /// Each violation committed, in call order.
    pub violations: Vec<(ViolationKind, Severity)>,
    /// `None` when the call met no ploy: the part does not apply and its weight is dropped.
    pub ploys: Option<f64>,
    pub ploys_met: u32,
    pub ploys_countered: u32,
    pub ploys_fallen_for: u32,
    pub wrap_up: f64,
    pub wrap_up_check: WrapUpCheck,
    pub weights: Weights,
    pub total: f64,
    pub pass_mark: u32,
    pub passed: bool,
    pub fail_reason: Option<FailReason>,
}

/// What scoring needs from the turns, gathered in one pass; the analysis keeps one per
/// explored state instead of whole transcripts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Tally {
    pub turns: u32,
    pub empathy_sum: i32,
    pub firmness_sum: i32,
    pub ploys_met: u32,
    pub countered: u32,
    pub fallen_for: u32,
    pub violations: Vec<(ViolationKind, Severity)>,
}

impl Tally {
    pub fn add(
        &mut self,
        stance: Stance,
        ploy_met: bool,
        handling: Option<PloyHandling>,
        violation: Option<(ViolationKind, Severity)>,
    ) {
        self.turns += 1;
        self.empathy_sum += i32::from(stance.empathy);
        self.firmness_sum += i32::from(stance.firmness);
        if ploy_met {
            self.ploys_met += 1;
            match handling {
                Some(PloyHandling::Countered) => self.countered += 1,
                Some(PloyHandling::FellFor) => self.fallen_for += 1,
                None => {}
            }
        }
        self.violations.extend(violation);
    }

    pub fn of(turns: &[Turn]) -> Tally {
        let mut tally = Tally::default();
        for t in turns {
            tally.add(t.stance, t.ploy.is_some(), t.handling, t.violation.map(|v| (v.kind, v.severity)));
        }
        tally
    }

    pub fn style_point(&self) -> StylePoint {
        if self.turns == 0 {
            return StylePoint::default();
        }
        let n = f64::from(self.turns);
        StylePoint {
            empathy: f64::from(self.empathy_sum) / n / 2.0,
            firmness: f64::from(self.firmness_sum) / n / 2.0,
        }
    }
}

/// Scores a finished call.
pub fn score(target: &Target, turns: &[Turn], end: &CallEnd, wrap_up: &WrapUp) -> ScoreCard {
    score_tally(target, &Tally::of(turns), end, wrap_up)
}

/// Scores a call from its tally.
pub fn score_tally(target: &Target, tally: &Tally, end: &CallEnd, wrap_up: &WrapUp) -> ScoreCard {
    let style_point = tally.style_point();
    let style_distance = target.style_zone.distance(style_point);
    let style_fit = (100.0 * (1.0 - style_distance / STYLE_FALLOFF)).max(0.0);

    let outcome_points = target.points(end.outcome);
    let turn_count = tally.turns;
    let over = turn_count.saturating_sub(target.turn_budget);
    let efficiency = (1.0 - OVER_BUDGET_STEP * f64::from(over)).max(OVER_BUDGET_FLOOR);
    let outcome = f64::from(outcome_points) * efficiency;

    let violations = tally.violations.clone();
    let conduct = (100.0 - violations.iter().map(|(_, s)| violation_penalty(*s)).sum::<f64>()).max(0.0);

    let (ploys_met, countered, fallen_for) = (tally.ploys_met, tally.countered, tally.fallen_for);
    let ploys = (ploys_met > 0).then(|| {
        let neither = ploys_met - countered - fallen_for;
        100.0 * (f64::from(countered) + 0.5 * f64::from(neither)) / f64::from(ploys_met)
    });

    let wrap_up_check = WrapUpCheck::of(wrap_up, end);
    let wrap_up_score = wrap_up_check.score();

    let w = target.weights;
    let parts = [
        (Some(outcome), w.outcome),
        (Some(style_fit), w.style),
        (Some(conduct), w.conduct),
        (ploys, w.ploys),
        (Some(wrap_up_score), w.wrap_up),
    ];
    let (sum, weight) = parts
        .iter()
        .filter_map(|(s, w)| s.map(|s| (s * f64::from(*w), f64::from(*w))))
        .fold((0.0, 0.0), |(a, b), (s, w)| (a + s, b + w));
    let total = if weight > 0.0 { round1(sum / weight) } else { 0.0 };

    let severe = violations.iter().find(|(_, s)| *s == Severity::Severe).map(|(k, _)| *k);
    let fail_reason = match severe {
        Some(kind) => Some(FailReason::SevereViolation(kind)),
        None if total < f64::from(target.pass_mark) => Some(FailReason::BelowPassMark),
        None => None,
    };

    ScoreCard {
        style_point,
        style: style_point.style(),
        style_distance,
        outcome_points,
        turns: turn_count,
        turn_budget: target.turn_budget,
        efficiency,
        outcome,
        style_fit,
        conduct,
        violations,
        ploys,
        ploys_met,
        ploys_countered: countered,
        ploys_fallen_for: fallen_for,
        wrap_up: wrap_up_score,
        wrap_up_check,
        weights: w,
        total,
        pass_mark: target.pass_mark,
        passed: fail_reason.is_none(),
        fail_reason,
    }
}

/// Rounds half away from zero to one decimal.
fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use chrono::NaiveDate;

    use super::*;
    use crate::core::call::{Choice, EndReason};
    use crate::core::format::Ploy;
    use crate::core::money::Money;
    use crate::core::outcome::{NextStep, Outcome, Terms};
    use crate::core::persona::{NodeId, ReplyIdx, Violation};
    use crate::core::style::{Stance, StyleZone};

    fn target() -> Target {
        Target {
            outcomes: BTreeMap::from([(Outcome::PaidInFull, 100), (Outcome::PaymentPlan, 80)]),
            style_zone: StyleZone { empathy: (0.25, 1.0), firmness: (0.25, 1.0) },
            turn_budget: 4,
            weights: Weights::default(),
            reply_time_limit: None,
            assessment_seed: 1,
            pass_mark: 70,
        }
    }

    fn turn(empathy: i8, firmness: i8, ploy: Option<Ploy>, handling: Option<PloyHandling>) -> Turn {
        Turn {
            node: NodeId("n".into()),
            debtor_line: String::new(),
            ploy,
            choice: Choice::Reply(ReplyIdx(0)),
            reply: Some(String::new()),
            stance: Stance { empathy, firmness },
            handling,
            violation: None,
            feedback: None,
            moods_after: vec![],
        }
    }

    fn plan_end() -> CallEnd {
        CallEnd {
            reason: EndReason::Ending(NodeId("plan".into())),
            outcome: Outcome::PaymentPlan,
            terms: Some(Terms {
                amount: Money::from_major(9000),
                instalments: Some(3),
                first_due: NaiveDate::from_ymd_opt(2026, 12, 1),
            }),
            next_step: NextStep::SendAgreement,
            closing_line: String::new(),
            summary: String::new(),
        }
    }

    /// The worked example of docs/scoring.md.
    #[test]
    fn worked_example() {
        let mut turns = vec![
            turn(2, 1, None, None),
            turn(1, 0, Some(Ploy::SobStory), Some(PloyHandling::Countered)),
            turn(0, -2, Some(Ploy::Stalling), Some(PloyHandling::Countered)),
            turn(1, 1, Some(Ploy::FalsePromise), Some(PloyHandling::FellFor)),
            turn(0, 2, None, None),
        ];
        turns[4].violation =
            Some(Violation { kind: ViolationKind::AbusiveLanguage, severity: Severity::Minor });
        let wrap_up = WrapUp {
            outcome: Some(Outcome::PaymentPlan),
            amount: Some(Money::from_major(9000)),
            instalments: Some(3),
            first_due: NaiveDate::from_ymd_opt(2026, 12, 5),
            next_step: Some(NextStep::SendAgreement),
            note: String::new(),
        };
        let card = score(&target(), &turns, &plan_end(), &wrap_up);
        // Style point: empathy (2+1+0+1+0)/5/2 = 0.4, firmness (1+0-2+1+2)/5/2 = 0.2.
        assert_eq!(card.style_point, StylePoint { empathy: 0.4, firmness: 0.2 });
        assert_eq!(card.style, ConflictStyle::Collaborating);
        // 0.05 below the zone's firmness floor: fit 95.
        assert!((card.style_fit - 95.0).abs() < 1e-9);
        // 5 turns, budget 4: 80 × 0.95 = 76.
        assert!((card.outcome - 76.0).abs() < 1e-9);
        assert_eq!(card.conduct, 85.0);
        // Countered twice, fell for once: 100 × 2 / 3.
        assert!((card.ploys.unwrap() - 200.0 / 3.0).abs() < 1e-9);
        assert_eq!(card.wrap_up, 85.0);
        // (35×76 + 25×95 + 20×85 + 10×66.67 + 10×85) / 100 = 82.517 → 82.5
        assert_eq!(card.total, 82.5);
        assert!(card.passed);
    }

    #[test]
    fn no_ploys_drops_the_part_and_renormalises() {
        let turns = vec![turn(1, 1, None, None), turn(1, 1, None, None)];
        let wrap_up = WrapUp::default();
        let card = score(&target(), &turns, &plan_end(), &wrap_up);
        assert_eq!(card.ploys, None);
        // (35×80 + 25×100 + 20×100 + 10×0) / 90 = 81.111 → 81.1
        assert_eq!(card.total, 81.1);
    }

    #[test]
    fn severe_violation_fails_whatever_the_total() {
        let mut turns = vec![turn(2, 2, None, None)];
        turns[0].violation = Some(Violation { kind: ViolationKind::Threat, severity: Severity::Severe });
        let card = score(&target(), &turns, &plan_end(), &WrapUp::default());
        assert_eq!(card.conduct, 0.0);
        assert!(!card.passed);
        assert_eq!(card.fail_reason, Some(FailReason::SevereViolation(ViolationKind::Threat)));
    }

    #[test]
    fn running_far_over_budget_keeps_half_the_outcome() {
        let turns: Vec<Turn> = (0..40).map(|_| turn(1, 1, None, None)).collect();
        let card = score(&target(), &turns, &plan_end(), &WrapUp::default());
        assert_eq!(card.efficiency, 0.5);
        assert_eq!(card.outcome, 40.0);
    }
}
