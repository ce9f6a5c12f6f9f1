//! The style plane: a reply's stance, a call's style point, the target zone, and the
//! Thomas-Kilmann conflict style a point falls in.
//!
//! Axes: firmness (assertiveness) across, empathy (cooperativeness) up, both in [-1, 1] once
//! a call's stances are averaged and halved. Formulas are in docs/scoring.md.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The empathy and firmness a reply carries, each -2..=2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Stance {
    pub empathy: i8,
    pub firmness: i8,
}

impl Stance {
    /// The stance of saying nothing before the reply timer runs out: no empathy shown, and
    /// hesitation reads as vague.
    pub const SILENCE: Stance = Stance { empathy: 0, firmness: -1 };
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "E{:+} F{:+}", self.empathy, self.firmness)
    }
}

/// A point on the style plane, each axis in [-1, 1].
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct StylePoint {
    pub empathy: f64,
    pub firmness: f64,
}

impl StylePoint {
    /// The mean of each axis over the stances, divided by 2; the origin for no stances.
    pub fn of(stances: impl IntoIterator<Item = Stance>) -> StylePoint {
        let (mut e, mut f, mut n) = (0i64, 0i64, 0i64);
        for s in stances {
            e += i64::from(s.empathy);
            f += i64::from(s.firmness);
            n += 1;
        }
        if n == 0 {
            return StylePoint::default();
        }
        StylePoint { empathy: e as f64 / n as f64 / 2.0, firmness: f as f64 / n as f64 / 2.0 }
    }

    /// The style point after each turn: the path the debrief draws.
    pub fn path(stances: &[Stance]) -> Vec<StylePoint> {
        (1..=stances.len()).map(|i| StylePoint::of(stances[..i].iter().copied())).collect()
    }

    pub fn style(self) -> ConflictStyle {
        ConflictStyle::of(self)
    }
}

/// The target rectangle on the style plane.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct StyleZone {
    pub empathy: (f64, f64),
    pub firmness: (f64, f64),
}

impl StyleZone {
    pub fn contains(&self, p: StylePoint) -> bool {
        self.distance(p) == 0.0
    }

    /// Euclidean distance from the point to the nearest point of the zone; 0 inside.
    pub fn distance(&self, p: StylePoint) -> f64 {
        let gap = |v: f64, (lo, hi): (f64, f64)| {
            if v < lo {
                lo - v
            } else if v > hi {
                v - hi
            } else {
                0.0
            }
        };
        let de = gap(p.empathy, self.empathy);
        let df = gap(p.firmness, self.firmness);
        (de * de + df * df).sqrt()
    }

    pub fn centre(&self) -> StylePoint {
        StylePoint {
            empathy: (self.empathy.0 + self.empathy.1) / 2.0,
            firmness: (self.firmness.0 + self.firmness.1) / 2.0,
        }
    }
}

/// The Thomas-Kilmann conflict modes, placed on the two axes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ConflictStyle {
    Competing,
    Collaborating,
    Compromising,
    Avoiding,
    Accommodating,
}

/// Half-width of the middle square where a style counts as compromising.
pub const COMPROMISE_RADIUS: f64 = 0.25;

impl ConflictStyle {
    pub const ALL: [ConflictStyle; 5] = [
        ConflictStyle::Competing,
        ConflictStyle::Collaborating,
        ConflictStyle::Compromising,
        ConflictStyle::Avoiding,
        ConflictStyle::Accommodating,
    ];

    /// Middle square (both |axes| <= 0.25) is compromising; elsewhere the quadrant decides,
    /// with an axis at exactly zero counting as not high.
    pub fn of(p: StylePoint) -> ConflictStyle {
        if p.empathy.abs() <= COMPROMISE_RADIUS && p.firmness.abs() <= COMPROMISE_RADIUS {
            return ConflictStyle::Compromising;
        }
        match (p.firmness > 0.0, p.empathy > 0.0) {
            (true, true) => ConflictStyle::Collaborating,
            (true, false) => ConflictStyle::Competing,
            (false, true) => ConflictStyle::Accommodating,
            (false, false) => ConflictStyle::Avoiding,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            ConflictStyle::Competing => "competing",
            ConflictStyle::Collaborating => "collaborating",
            ConflictStyle::Compromising => "compromising",
            ConflictStyle::Avoiding => "avoiding",
            ConflictStyle::Accommodating => "accommodating",
        }
    }
}

impl fmt::Display for ConflictStyle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(empathy: i8, firmness: i8) -> Stance {
        Stance { empathy, firmness }
    }

    #[test]
    fn style_point_is_half_the_mean() {
        let p = StylePoint::of([s(2, 1), s(1, 2), s(0, 0), s(1, 1)]);
        assert_eq!(p, StylePoint { empathy: 0.5, firmness: 0.5 });
        assert_eq!(StylePoint::of([]), StylePoint::default());
        let path = StylePoint::path(&[s(2, -2), s(0, 2)]);
        assert_eq!(path[0], StylePoint { empathy: 1.0, firmness: -1.0 });
        assert_eq!(path[1], StylePoint { empathy: 0.5, firmness: 0.0 });
    }

    #[test]
    fn names_the_five_styles() {
        let at = |e, f| ConflictStyle::of(StylePoint { empathy: e, firmness: f });
        assert_eq!(at(0.5, 0.5), ConflictStyle::Collaborating);
        assert_eq!(at(-0.5, 0.5), ConflictStyle::Competing);
        assert_eq!(at(0.5, -0.5), ConflictStyle::Accommodating);
        assert_eq!(at(-0.5, -0.5), ConflictStyle::Avoiding);
        assert_eq!(at(0.25, -0.25), ConflictStyle::Compromising);
        assert_eq!(at(0.0, 0.5), ConflictStyle::Competing);
    }

    #[test]
    fn distance_to_zone() {
        let zone = StyleZone { empathy: (0.25, 1.0), firmness: (0.25, 1.0) };
        assert_eq!(zone.distance(StylePoint { empathy: 0.5, firmness: 0.5 }), 0.0);
        assert_eq!(zone.distance(StylePoint { empathy: 0.5, firmness: -0.25 }), 0.5);
        let d = zone.distance(StylePoint { empathy: -0.05, firmness: -0.15 });
        assert!((d - 0.5).abs() < 1e-12, "{d}");
    }
}
