//! Money as an exact count of minor units (grosze, cents), read from and written as a decimal.
//!
//! Amounts in persona files and wrap-ups are written as `18450.00`; floating point never
//! takes part in comparing or adding them.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An amount of money in minor units (1/100 of the currency).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(pub i64);

impl Money {
    pub fn from_major(major: i64) -> Money {
        Money(major * 100)
    }

    /// Parses `1234`, `1234.5`, `1234.50`, `1 234,50` (spaces and a decimal comma allowed).
    pub fn parse(text: &str) -> Option<Money> {
        let cleaned: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
            .map(|c| if c == ',' { '.' } else { c })
            .collect();
        if cleaned.is_empty() || cleaned.starts_with('-') {
            return None;
        }
        let (whole, frac) = match cleaned.split_once('.') {
            Some((w, f)) => (w, f),
            None => (cleaned.as_str(), ""),
        };
        if whole.is_empty() && frac.is_empty() {
            return None;
        }
        if !whole.chars().all(|c| c.is_ascii_digit()) || !frac.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        if frac.len() > 2 {
            return None;
        }
        let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().ok()? };
        let frac_value: i64 = match frac.len() {
            0 => 0,
            1 => frac.parse::<i64>().ok()? * 10,
            _ => frac.parse().ok()?,
        };
        whole.checked_mul(100)?.checked_add(frac_value).map(Money)
    }

    fn from_f64(value: f64) -> Option<Money> {
        if !value.is_finite() || !(0.0..=1e15).contains(&value) {
            return None;
        }
        Some(Money((value * 100.0).round() as i64))
    }

    pub fn as_f64(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// `18450.00`: the form used in files.
    pub fn plain(self) -> String {
        format!("{}.{:02}", self.0 / 100, self.0 % 100)
    }

    /// Digits grouped by thousands with the given separators, e.g. `18,450.00` or `18 450,00`.
    pub fn grouped(self, thousands: char, decimal: char) -> String {
        let whole = (self.0 / 100).to_string();
        let mut out = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                out.push(thousands);
            }
            out.push(c);
        }
        format!("{out}{decimal}{:02}", self.0 % 100)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.grouped(',', '.'))
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.as_f64())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a non-negative amount such as 1250.00")
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Money, E> {
                Money::from_f64(v).ok_or_else(|| E::custom(format!("{v} is not a valid amount")))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Money, E> {
                i64::try_from(v)
                    .ok()
                    .and_then(|v| v.checked_mul(100))
                    .map(Money)
                    .ok_or_else(|| E::custom("amount too large"))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Money, E> {
                if v < 0 {
                    return Err(E::custom("an amount cannot be negative"));
                }
                self.visit_u64(v as u64)
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_written_amounts() {
        assert_eq!(Money::parse("18450"), Some(Money(1_845_000)));
        assert_eq!(Money::parse("18 450,5"), Some(Money(1_845_050)));
        assert_eq!(Money::parse("0.07"), Some(Money(7)));
        assert_eq!(Money::parse("-3"), None);
        assert_eq!(Money::parse("1.234"), None);
        assert_eq!(Money::parse("abc"), None);
        assert_eq!(Money::parse(""), None);
    }

    #[test]
    fn groups_thousands() {
        assert_eq!(Money(1_845_000).to_string(), "18,450.00");
        assert_eq!(Money(123_456_789).grouped(' ', ','), "1 234 567,89");
        assert_eq!(Money(5).plain(), "0.05");
    }

    #[test]
    fn reads_from_ron_as_float_or_integer() {
        let m: Money = ron::from_str("9200.10").unwrap();
        assert_eq!(m, Money(920_010));
        let m: Money = ron::from_str("12").unwrap();
        assert_eq!(m, Money(1200));
        assert!(ron::from_str::<Money>("-1.0").is_err());
    }
}
