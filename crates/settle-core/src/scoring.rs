//! Scoring a finished call against the persona's target, exactly as docs/scoring.md states.
//!
//! Six parts, each 0-100: outcome (points for the ending, less when the call ran over its
//! turn budget), style fit (distance of the style point from the target zone), conduct
//! (violations), required steps (taken in time), ploy handling (countered vs fallen for) and
//! wrap-up accuracy. The total is their weighted mean over the parts that apply, rounded to one
//! decimal. A critical error (a violation at or above the target's critical severity for its
//! kind) or a missed critical step fails the call whatever the total, as on a QA scorecard.

use serde::{Deserialize, Serialize};

use crate::call::{CallEnd, Turn};
use crate::persona::{StepMarks, Target, Weights, step_bit};
use crate::style::{ConflictStyle, Stance, StylePoint};
use crate::vocabulary::{PloyHandling, Severity, ViolationKind};
use crate::wrapup::{WrapUp, WrapUpCheck};

/// The least severity at which a violation of `kind` fails the call, unless the persona makes
/// it stricter: any threat; a major third-party disclosure, false statement, pressure on a
/// debtor in hardship or concession beyond the mandate; a severe case of harassment or abuse.
pub fn default_critical(kind: ViolationKind) -> Severity {
    match kind {
        ViolationKind::Threat => Severity::Minor,
        ViolationKind::ThirdPartyDisclosure
        | ViolationKind::FalseStatement
        | ViolationKind::HardshipMistreatment
        | ViolationKind::ExceedingMandate => Severity::Major,
        ViolationKind::Harassment | ViolationKind::AbusiveLanguage => Severity::Severe,
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
    /// Reports from before critical rules: a severe violation.
    SevereViolation(ViolationKind),
    /// A violation at or above its kind's critical severity.
    CriticalError(ViolationKind, Severity),
    /// A critical required step was not taken (in time).
    MissedCriticalStep,
    BelowPassMark,
}

/// A required step in the debrief: taken at which turn (1-based), or missed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepResult {
    pub id: String,
    pub name: String,
    pub critical: bool,
    /// The turn that took it, if any.
    pub done_at: Option<u32>,
    /// Taken, but only after the event it must come before.
    pub late: bool,
    /// False when the step did not apply to this call (its flag was never set).
    pub applies: bool,
}

/// Where a required step stands at the end of a call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepState {
    NotRequired,
    /// Taken in time, at this turn (1-based).
    Done(u32),
    /// Taken at this turn, after the event it must come before.
    Late(u32),
    Missed,
}

impl StepResult {
    pub fn missed(&self) -> bool {
        self.applies && (self.done_at.is_none() || self.late)
    }

    pub fn state(&self) -> StepState {
        match (self.applies, self.done_at, self.late) {
            (false, _, _) => StepState::NotRequired,
            (true, Some(turn), false) => StepState::Done(turn),
            (true, Some(turn), true) => StepState::Late(turn),
            (true, None, _) => StepState::Missed,
        }
    }
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
    /// `None` when no required step applied (and in reports from before steps).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steps: Option<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub step_results: Vec<StepResult>,
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
    /// Required steps by bit: taken, taken after their event, and made to apply by a flag.
    pub steps_done: u64,
    pub steps_late: u64,
    pub steps_triggered: u64,
}

impl Tally {
    pub fn add(
        &mut self,
        stance: Stance,
        ploy_met: bool,
        handling: Option<PloyHandling>,
        violation: Option<(ViolationKind, Severity)>,
        marks: StepMarks,
    ) {
        self.turns += 1;
        // An event before its step makes the step late, also when one reply does both.
        self.steps_late |= marks.due & !self.steps_done;
        self.steps_done |= marks.done;
        self.steps_triggered |= marks.triggered;
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

    pub fn of(turns: &[Turn], target: &Target) -> Tally {
        let mut tally = Tally::default();
        for t in turns {
            let marks = StepMarks::of(target, &t.steps, &t.sets);
            tally.add(
                t.stance,
                t.ploy.is_some(),
                t.handling,
                t.violation.map(|v| (v.kind, v.severity)),
                marks,
            );
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
    let mut card = score_tally(target, &Tally::of(turns, target), end, wrap_up);
    card.step_results = step_results(target, turns);
    card
}

/// Each required step with the turn that took it, for the debrief and the report.
pub fn step_results(target: &Target, turns: &[Turn]) -> Vec<StepResult> {
    target
        .steps
        .iter()
        .map(|step| {
            let done_at = turns.iter().position(|t| t.steps.contains(&step.id));
            let event_at = step.before.as_ref().and_then(|f| turns.iter().position(|t| t.sets.contains(f)));
            let applies = step.applies_if.as_ref().is_none_or(|f| turns.iter().any(|t| t.sets.contains(f)));
            StepResult {
                id: step.id.clone(),
                name: step.name.clone(),
                critical: step.critical,
                done_at: done_at.map(|i| i as u32 + 1),
                late: matches!((done_at, event_at), (Some(d), Some(e)) if e <= d),
                applies,
            }
        })
        .collect()
}

/// Scores a call from its tally.
pub fn score_tally(target: &Target, tally: &Tally, end: &CallEnd, wrap_up: &WrapUp) -> ScoreCard {
    let style_point = tally.style_point();
    let style_distance = target.style_zone.distance(style_point);
    let style_fit = (100.0 * (1.0 - style_distance / STYLE_FALLOFF)).max(0.0);

    let outcome_points = end.points.unwrap_or_else(|| target.points(end.outcome));
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

    // Steps without an `applies_if` always apply; the others once their flag was set.
    let always: u64 = target
        .steps
        .iter()
        .enumerate()
        .filter(|(_, s)| s.applies_if.is_none())
        .map(|(i, _)| step_bit(i))
        .sum();
    let applies = always | tally.steps_triggered;
    let in_time = tally.steps_done & !tally.steps_late & applies;
    let steps =
        (applies != 0).then(|| 100.0 * f64::from(in_time.count_ones()) / f64::from(applies.count_ones()));
    let critical_steps: u64 =
        target.steps.iter().enumerate().filter(|(_, s)| s.critical).map(|(i, _)| step_bit(i)).sum();
    let missed_critical = critical_steps & applies & !in_time != 0;

    let wrap_up_check = WrapUpCheck::of(wrap_up, end);
    let wrap_up_score = wrap_up_check.score();

    let w = target.weights;
    let parts = [
        (Some(outcome), w.outcome),
        (Some(style_fit), w.style),
        (Some(conduct), w.conduct),
        (steps, w.steps),
        (ploys, w.ploys),
        (Some(wrap_up_score), w.wrap_up),
    ];
    let (sum, weight) = parts
        .iter()
        .filter_map(|(s, w)| s.map(|s| (s * f64::from(*w), f64::from(*w))))
        .fold((0.0, 0.0), |(a, b), (s, w)| (a + s, b + w));
    let total = if weight > 0.0 { round1(sum / weight) } else { 0.0 };

    let critical = violations.iter().find(|(k, s)| target.is_critical(*k, *s));
    let fail_reason = match critical {
        Some((kind, severity)) => Some(FailReason::CriticalError(*kind, *severity)),
        None if missed_critical => Some(FailReason::MissedCriticalStep),
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
        steps,
        step_results: Vec::new(),
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
    use crate::call::Choice;
    use crate::money::Money;
    use crate::outcome::{NextStep, Outcome};
    use crate::persona::{NodeId, ReplyIdx, RequiredStep, Violation};
    use crate::style::{Stance, StyleZone};
    use crate::vocabulary::Ploy;

    fn target() -> Target {
        Target {
            outcomes: BTreeMap::from([(Outcome::PaidInFull, 100), (Outcome::PaymentPlan, 80)]),
            style_zone: StyleZone { empathy: (0.25, 1.0), firmness: (0.25, 1.0) },
            turn_budget: 4,
            weights: Weights::default(),
            reply_time_limit: None,
            assessment_seed: 1,
            pass_mark: 70,
            critical: ViolationKind::ALL.iter().map(|k| (*k, default_critical(*k))).collect(),
            steps: Vec::new(),
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
            offered: vec![],
            steps: vec![],
            sets: vec![],
        }
    }

    use crate::call::fixtures::plan_end;

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
            call_back: None,
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
        // No required steps: that part drops out.
        // (35×76 + 20×95 + 15×85 + 10×66.67 + 10×85) / 90 = 81.685 → 81.7
        assert_eq!(card.steps, None);
        assert_eq!(card.total, 81.7);
        assert!(card.passed);
    }

    #[test]
    fn no_ploys_drops_the_part_and_renormalises() {
        let turns = vec![turn(1, 1, None, None), turn(1, 1, None, None)];
        let wrap_up = WrapUp::default();
        let card = score(&target(), &turns, &plan_end(), &wrap_up);
        assert_eq!(card.ploys, None);
        // (35×80 + 20×100 + 15×100 + 10×0) / 80 = 78.75 → 78.8
        assert_eq!(card.total, 78.8);
    }

    #[test]
    fn severe_violation_fails_whatever_the_total() {
        let mut turns = vec![turn(2, 2, None, None)];
        turns[0].violation = Some(Violation { kind: ViolationKind::Threat, severity: Severity::Severe });
        let card = score(&target(), &turns, &plan_end(), &WrapUp::default());
        assert_eq!(card.conduct, 0.0);
        assert!(!card.passed);
        assert_eq!(
            card.fail_reason,
            Some(FailReason::CriticalError(ViolationKind::Threat, Severity::Severe))
        );
    }

    fn with_violation(kind: ViolationKind, severity: Severity) -> Vec<Turn> {
        let mut turns = vec![turn(1, 1, None, None), turn(1, 1, None, None)];
        turns[0].violation = Some(Violation { kind, severity });
        turns
    }

    #[test]
    fn a_major_disclosure_fails_the_call_and_a_minor_rudeness_only_costs_points() {
        let wrap_up = WrapUp::matching(&plan_end());
        let card = score(
            &target(),
            &with_violation(ViolationKind::ThirdPartyDisclosure, Severity::Major),
            &plan_end(),
            &wrap_up,
        );
        assert_eq!(
            card.fail_reason,
            Some(FailReason::CriticalError(ViolationKind::ThirdPartyDisclosure, Severity::Major))
        );
        assert!(card.total > 70.0, "failed whatever the total: {}", card.total);
        let card = score(
            &target(),
            &with_violation(ViolationKind::AbusiveLanguage, Severity::Minor),
            &plan_end(),
            &wrap_up,
        );
        assert_eq!((card.passed, card.conduct), (true, 85.0));
        // A persona may make a kind stricter.
        let mut strict = target();
        strict.critical.insert(ViolationKind::AbusiveLanguage, Severity::Minor);
        let card = score(
            &strict,
            &with_violation(ViolationKind::AbusiveLanguage, Severity::Minor),
            &plan_end(),
            &wrap_up,
        );
        assert!(!card.passed);
    }

    fn step(id: &str, before: Option<&str>, applies_if: Option<&str>, critical: bool) -> RequiredStep {
        RequiredStep {
            id: id.into(),
            name: id.into(),
            before: before.map(Into::into),
            applies_if: applies_if.map(Into::into),
            critical,
        }
    }

    #[test]
    fn required_steps_count_in_time_and_a_missed_critical_step_fails() {
        let mut t = target();
        t.steps = vec![
            step("verify", Some("debt_named"), None, true),
            step("repeat_back", None, Some("agreed"), false),
            step("condolences", None, Some("death_mentioned"), true),
        ];
        let mut turns = vec![turn(1, 1, None, None), turn(1, 1, None, None), turn(1, 1, None, None)];
        turns[0].steps = vec!["verify".into()];
        turns[1].sets = vec!["debt_named".into(), "agreed".into()];
        let wrap_up = WrapUp::matching(&plan_end());
        let card = score(&t, &turns, &plan_end(), &wrap_up);
        // Condolences never applied; verify was in time; the repeat-back was missed.
        assert_eq!(card.steps, Some(50.0));
        assert!(card.passed, "{:?}", card.fail_reason);
        let results: Vec<_> =
            card.step_results.iter().map(|r| (r.id.as_str(), r.done_at, r.missed())).collect();
        assert_eq!(
            results,
            [("verify", Some(1), false), ("repeat_back", None, true), ("condolences", None, false)]
        );
        // The debt named before the right party was verified: verification is late, and critical.
        turns[0].steps.clear();
        turns[0].sets = vec!["debt_named".into()];
        turns[2].steps = vec!["verify".into()];
        let card = score(&t, &turns, &plan_end(), &wrap_up);
        assert_eq!(card.fail_reason, Some(FailReason::MissedCriticalStep));
        assert!(card.step_results[0].late);
    }

    #[test]
    fn an_endings_own_points_replace_its_outcomes() {
        let mut end = plan_end();
        end.points = Some(40);
        let turns = vec![turn(1, 1, None, None)];
        let card = score(&target(), &turns, &end, &WrapUp::matching(&end));
        assert_eq!((card.outcome_points, card.outcome), (40, 40.0));
    }

    #[test]
    fn running_far_over_budget_keeps_half_the_outcome() {
        let turns: Vec<Turn> = (0..40).map(|_| turn(1, 1, None, None)).collect();
        let card = score(&target(), &turns, &plan_end(), &WrapUp::default());
        assert_eq!(card.efficiency, 0.5);
        assert_eq!(card.outcome, 40.0);
    }
}
