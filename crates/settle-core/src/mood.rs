//! The debtor's state during a call: mood values (0-100) and flags, and the conditions
//! that test them.

use crate::persona::{Condition, FlagIdx, MoodIdx, Persona};

/// A branch's tilt on a mood may run from -MAX_TILT to MAX_TILT: with moods of 0-100 that
/// still moves a weight by up to 10,000, far more than any persona needs.
pub const MAX_TILT: f64 = 100.0;

pub const MOOD_MIN: i32 = 0;
pub const MOOD_MAX: i32 = 100;

/// Mood values and flags at one moment of a call.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct MoodState {
    values: Vec<i32>,
    flags: Vec<bool>,
}

impl MoodState {
    pub fn start(persona: &Persona) -> MoodState {
        MoodState {
            values: persona.moods.iter().map(|m| m.start).collect(),
            flags: vec![false; persona.flags.len()],
        }
    }

    /// A state with the given values (clamped) and no flags; for author preview and tests.
    pub fn with_values(values: Vec<i32>, flag_count: usize) -> MoodState {
        MoodState {
            values: values.into_iter().map(|v| v.clamp(MOOD_MIN, MOOD_MAX)).collect(),
            flags: vec![false; flag_count],
        }
    }

    /// Sets one mood (clamped to 0-100); for author preview.
    pub fn set_value(&mut self, mood: MoodIdx, value: i32) {
        self.values[mood.0 as usize] = value.clamp(MOOD_MIN, MOOD_MAX);
    }

    pub fn value(&self, mood: MoodIdx) -> i32 {
        self.values[mood.0 as usize]
    }

    pub fn values(&self) -> &[i32] {
        &self.values
    }

    pub fn flag(&self, flag: FlagIdx) -> bool {
        self.flags[flag.0 as usize]
    }

    pub fn flags(&self) -> &[bool] {
        &self.flags
    }

    /// Adds each delta, keeping every mood within 0-100.
    pub fn apply(&mut self, effects: &[(MoodIdx, i32)]) {
        for &(mood, delta) in effects {
            let v = &mut self.values[mood.0 as usize];
            *v = v.saturating_add(delta).clamp(MOOD_MIN, MOOD_MAX);
        }
    }

    pub fn set_flags(&mut self, flags: &[FlagIdx]) {
        for f in flags {
            self.flags[f.0 as usize] = true;
        }
    }

    pub fn holds(&self, condition: &Condition) -> bool {
        match condition {
            Condition::MoodAtLeast(m, v) => self.value(*m) >= *v,
            Condition::MoodBelow(m, v) => self.value(*m) < *v,
            Condition::Flag(f) => self.flag(*f),
            Condition::NotFlag(f) => !self.flag(*f),
            Condition::All(cs) => cs.iter().all(|c| self.holds(c)),
            Condition::Any(cs) => cs.iter().any(|c| self.holds(c)),
            Condition::Not(c) => !self.holds(c),
        }
    }

    /// A random branch's effective weight now: `weight + Σ tilt × mood`, never below zero.
    pub fn branch_weight(&self, branch: &crate::persona::Branch) -> f64 {
        let tilt: f64 = branch.tilt.iter().map(|(m, t)| t * f64::from(self.value(*m))).sum();
        (f64::from(branch.weight) + tilt).max(0.0)
    }

    /// Holds when there is no condition.
    pub fn allows(&self, condition: Option<&Condition>) -> bool {
        condition.is_none_or(|c| self.holds(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moods_stay_in_range_and_conditions_read_them() {
        let mut s = MoodState::with_values(vec![50, 90], 1);
        s.apply(&[(MoodIdx(0), -70), (MoodIdx(1), 30)]);
        assert_eq!(s.values(), &[0, 100]);
        assert!(s.holds(&Condition::MoodAtLeast(MoodIdx(1), 100)));
        assert!(!s.holds(&Condition::MoodBelow(MoodIdx(0), 0)));
        assert!(s.holds(&Condition::NotFlag(FlagIdx(0))));
        s.set_flags(&[FlagIdx(0)]);
        let both = Condition::All(vec![Condition::Flag(FlagIdx(0)), Condition::MoodBelow(MoodIdx(0), 1)]);
        assert!(s.holds(&both));
        assert!(!s.holds(&Condition::Not(Box::new(both))));
        assert!(s.allows(None));
    }
}
