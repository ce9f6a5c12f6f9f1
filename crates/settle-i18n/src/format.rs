//! Typed values written the way each language writes them: decimals (`82.5`, `82,5`), money
//! (`12,400.00 PLN`, `12 400,00 zł` with a non-breaking space between thousands) and dates
//! (`27 November 2026`, `27 listopada 2026`, month names from the Fluent files).

use chrono::{Datelike, NaiveDate};

use crate::Lang;
use settle_core::money::Money;

impl Lang {
    fn decimal_mark(self) -> &'static str {
        match self {
            Lang::En => ".",
            Lang::Pl => ",",
        }
    }

    /// A number with a fixed count of decimals: `0.25` or `0,25`.
    pub fn number(self, value: f64, decimals: usize) -> String {
        format!("{value:.decimals$}").replace('.', self.decimal_mark())
    }

    /// A number with its sign always written: `+0.50`, `-0,25`.
    pub fn signed(self, value: f64, decimals: usize) -> String {
        format!("{value:+.decimals$}").replace('.', self.decimal_mark())
    }

    /// A score with one decimal: `82.5` or `82,5`.
    pub fn score(self, value: f64) -> String {
        self.number(value, 1)
    }

    /// An amount without its currency: `12,400.00`, `12 400,00` (a non-breaking space between
    /// thousands).
    pub fn amount(self, amount: Money) -> String {
        match self {
            Lang::En => amount.grouped(',', '.'),
            Lang::Pl => amount.grouped('\u{a0}', ','),
        }
    }

    /// An amount with its currency: `12,400.00 PLN`, `12 400,00 zł` (Polish writes PLN as
    /// `zł`; other currencies keep their code).
    pub fn money(self, amount: Money, currency: &str) -> String {
        let currency = match (self, currency) {
            (Lang::Pl, "PLN") => "zł",
            _ => currency,
        };
        format!("{} {currency}", self.amount(amount))
    }

    /// A date in words: `27 November 2026`, `27 listopada 2026`.
    pub fn date(self, date: NaiveDate) -> String {
        let month = match date.month() {
            1 => self.tr("month-january"),
            2 => self.tr("month-february"),
            3 => self.tr("month-march"),
            4 => self.tr("month-april"),
            5 => self.tr("month-may"),
            6 => self.tr("month-june"),
            7 => self.tr("month-july"),
            8 => self.tr("month-august"),
            9 => self.tr("month-september"),
            10 => self.tr("month-october"),
            11 => self.tr("month-november"),
            _ => self.tr("month-december"),
        };
        self.tr_args(
            "date-long",
            &[("day", date.day().into()), ("month", month.into()), ("year", date.year().to_string().into())],
        )
    }

    /// A date in figures, for tables: `2026-11-27`, `27.11.2026`.
    pub fn date_short(self, date: NaiveDate) -> String {
        match self {
            Lang::En => date.format("%Y-%m-%d").to_string(),
            Lang::Pl => date.format("%d.%m.%Y").to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_grouped_with_the_languages_marks_and_polish_writes_zloty() {
        let amount = Money(1_240_000);
        assert_eq!(Lang::En.money(amount, "PLN"), "12,400.00 PLN");
        assert_eq!(Lang::Pl.money(amount, "PLN"), "12\u{a0}400,00 zł");
        assert_eq!(Lang::Pl.money(Money(1_845_050), "EUR"), "18\u{a0}450,50 EUR");
        assert_eq!(Lang::En.money(Money(1_234_567_899), "EUR"), "12,345,678.99 EUR");
        assert_eq!(Lang::Pl.money(Money(5), "PLN"), "0,05 zł");
    }

    #[test]
    fn dates_are_written_in_words_with_polish_genitive_months() {
        let date = NaiveDate::from_ymd_opt(2026, 11, 27).expect("valid");
        assert_eq!(Lang::En.date(date), "27 November 2026");
        assert_eq!(Lang::Pl.date(date), "27 listopada 2026");
        let march = NaiveDate::from_ymd_opt(2026, 3, 4).expect("valid");
        assert_eq!(Lang::En.date(march), "4 March 2026");
        assert_eq!(Lang::Pl.date(march), "4 marca 2026");
        assert_eq!(Lang::En.date_short(march), "2026-03-04");
        assert_eq!(Lang::Pl.date_short(march), "04.03.2026");
        // Every month has its own name in both languages.
        for lang in Lang::ALL {
            let names: std::collections::BTreeSet<String> =
                (1..=12).map(|m| lang.date(NaiveDate::from_ymd_opt(2026, m, 1).expect("valid"))).collect();
            assert_eq!(names.len(), 12, "{lang:?}: {names:?}");
        }
    }

    #[test]
    fn scores_and_signed_numbers_use_the_decimal_mark() {
        assert_eq!(Lang::En.score(82.5), "82.5");
        assert_eq!(Lang::Pl.score(82.5), "82,5");
        assert_eq!(Lang::Pl.score(100.0), "100,0");
        assert_eq!(Lang::En.signed(0.5, 2), "+0.50");
        assert_eq!(Lang::Pl.signed(-0.25, 2), "-0,25");
        assert_eq!(Lang::Pl.number(0.1, 2), "0,10");
    }
}
