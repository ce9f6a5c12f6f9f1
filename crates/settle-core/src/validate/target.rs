//! Validation of a persona's target: outcome points, the style zone, weights, the pass mark,
//! the critical rules (stricter than the defaults, never looser) and the required steps. Part
//! of the one validation pass in `validate`; it only reports problems and builds [`Target`].

use std::collections::BTreeMap;

use super::{At, Validator, is_valid_id};
use crate::diagnostic::Problem;
use crate::format::{PersonaFile, StepSpec};
use crate::persona::Weights;
use crate::persona::{MAX_STEPS, RequiredStep, Target};
use crate::scoring::{DEFAULT_PASS_MARK, default_critical};
use crate::style::StyleZone;
use crate::vocabulary::{Severity, ViolationKind};

impl Validator<'_, '_> {
    pub(super) fn target(&mut self, file: &PersonaFile) -> Target {
        let t = &file.target;
        for (outcome, points) in &t.outcomes {
            if *points > 100 {
                self.error_value(
                    Problem::PointsOutOfRange(*points),
                    &At::Root.key("target").key("outcomes").key(outcome.key()),
                );
            }
        }
        let zone = t.style_zone;
        for (axis, (lo, hi)) in [("empathy", zone.empathy), ("firmness", zone.firmness)] {
            let ok = (-1.0..=1.0).contains(&lo) && (-1.0..=1.0).contains(&hi) && lo <= hi;
            if !ok {
                let problem =
                    Problem::BadStyleZone(format!("{axis} ({lo}, {hi}) is not a range within -1.0..=1.0"));
                self.error_value(problem, &At::Root.key("target").key("style_zone").key(axis));
            }
        }
        let weights = t.weights.map_or_else(Weights::default, |w| Weights {
            outcome: w.outcome,
            style: w.style,
            conduct: w.conduct,
            steps: w.steps.unwrap_or(Weights::default().steps),
            ploys: w.ploys,
            wrap_up: w.wrap_up,
        });
        // Not a sum: six weights near u32::MAX would overflow it.
        if [weights.outcome, weights.style, weights.conduct, weights.steps, weights.ploys, weights.wrap_up]
            .iter()
            .all(|w| *w == 0)
        {
            self.error_value(Problem::WeightsAllZero, &At::Root.key("target").key("weights"));
        }
        let pass_mark = t.pass_mark.unwrap_or(DEFAULT_PASS_MARK);
        if pass_mark > 100 {
            self.error_value(
                Problem::PassMarkOutOfRange(pass_mark),
                &At::Root.key("target").key("pass_mark"),
            );
        }
        if t.turn_budget == 0 {
            self.error_value(Problem::ZeroTurnBudget, &At::Root.key("target").key("turn_budget"));
        }
        if t.reply_time_limit == Some(0) {
            self.error_value(Problem::ZeroTimeLimit, &At::Root.key("target").key("reply_time_limit"));
        }
        Target {
            outcomes: t.outcomes.clone(),
            style_zone: StyleZone { empathy: zone.empathy, firmness: zone.firmness },
            turn_budget: t.turn_budget.max(1),
            weights,
            reply_time_limit: t.reply_time_limit,
            assessment_seed: t.assessment_seed,
            pass_mark,
            critical: self.critical(&t.critical),
            steps: self.steps(&t.steps),
        }
    }

    /// The default critical rules, made stricter where the persona says so; a looser one is
    /// an error (a quality team's critical errors are not the author's to waive).
    fn critical(
        &mut self,
        stricter: &BTreeMap<ViolationKind, Severity>,
    ) -> BTreeMap<ViolationKind, Severity> {
        let mut rules: BTreeMap<_, _> =
            ViolationKind::ALL.iter().map(|k| (*k, default_critical(*k))).collect();
        for (kind, severity) in stricter {
            let default = default_critical(*kind);
            if *severity > default {
                let problem =
                    Problem::CriticalLooser { kind: format!("{kind:?}"), default: format!("{default:?}") };
                self.error_value(problem, &At::Root.key("target").key("critical").key(&format!("{kind:?}")));
            } else {
                rules.insert(*kind, *severity);
            }
        }
        rules
    }

    fn steps(&mut self, specs: &[StepSpec]) -> Vec<RequiredStep> {
        let mut out: Vec<RequiredStep> = Vec::new();
        let target = At::Root.key("target");
        let steps = target.key("steps");
        if specs.len() > MAX_STEPS {
            self.error(Problem::TooManySteps(specs.len()), &steps);
        }
        for (i, spec) in specs.iter().enumerate() {
            let at = steps.index(i);
            if !is_valid_id(&spec.id) {
                self.error_value(Problem::InvalidId(spec.id.clone()), &at.key("id"));
            } else if out.iter().any(|s| s.id == spec.id) {
                self.error_value(Problem::DuplicateStep(spec.id.clone()), &at.key("id"));
            }
            for (field, flag) in [("before", &spec.before), ("applies_if", &spec.applies_if)] {
                if let Some(flag) = flag.as_ref().filter(|f| !self.flags.contains_key(f.as_str())) {
                    self.error_value(Problem::FlagNeverSet(flag.clone()), &at.key(field));
                }
            }
            out.push(RequiredStep {
                id: spec.id.clone(),
                name: spec.name.clone(),
                before: spec.before.clone(),
                applies_if: spec.applies_if.clone(),
                critical: spec.critical,
            });
        }
        out
    }
}
