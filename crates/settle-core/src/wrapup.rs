//! The trainee's wrap-up, as a collector documents a call, and its comparison with what
//! was really agreed.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::call::CallEnd;
use crate::money::Money;
use crate::outcome::{NextStep, Outcome};
use crate::style::ConflictStyle;

/// What the trainee recorded after the call. Empty fields mean "nothing agreed".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrapUp {
    pub outcome: Option<Outcome>,
    pub amount: Option<Money>,
    pub instalments: Option<u32>,
    pub first_due: Option<NaiveDate>,
    /// The call-back day, when one was agreed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call_back: Option<NaiveDate>,
    pub next_step: Option<NextStep>,
    #[serde(default)]
    pub note: String,
}

impl WrapUp {
    /// The wrap-up of a collector who understood the call: exactly the real terms.
    pub fn matching(end: &CallEnd) -> WrapUp {
        let terms = end.terms.as_ref();
        WrapUp {
            outcome: Some(end.outcome),
            amount: agreed_amount(end),
            instalments: terms.and_then(|t| t.instalments),
            first_due: terms.and_then(|t| t.first_due),
            call_back: terms.and_then(|t| t.call_back),
            next_step: Some(end.next_step),
            note: String::new(),
        }
    }
}

/// The trainee's own assessment of the call, written before the debrief and set beside the
/// real result there: the score they expect, where they think their style sat, and one thing
/// they would do differently.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelfAssessment {
    pub expected_score: Option<u32>,
    pub style: Option<ConflictStyle>,
    #[serde(default)]
    pub differently: String,
}

impl SelfAssessment {
    pub fn is_empty(&self) -> bool {
        self.expected_score.is_none() && self.style.is_none() && self.differently.trim().is_empty()
    }
}

/// The amount agreed in the call, if money was agreed.
fn agreed_amount(end: &CallEnd) -> Option<Money> {
    end.terms.as_ref().map(|t| t.amount).filter(|a| a.0 > 0)
}

/// Weights of the wrap-up fields, in points out of 100.
pub const WRAP_UP_OUTCOME: u32 = 40;
pub const WRAP_UP_AMOUNT: u32 = 20;
pub const WRAP_UP_INSTALMENTS: u32 = 15;
pub const WRAP_UP_FIRST_DUE: u32 = 15;
pub const WRAP_UP_NEXT_STEP: u32 = 10;

/// Which recorded fields match the real terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrapUpCheck {
    pub outcome: bool,
    pub amount: bool,
    pub instalments: bool,
    pub first_due: bool,
    pub next_step: bool,
}

impl WrapUpCheck {
    /// Compares field by field. Where the ending agreed no such term, the field is right
    /// when the trainee left it empty.
    pub fn of(wrap_up: &WrapUp, end: &CallEnd) -> WrapUpCheck {
        let terms = end.terms.as_ref();
        WrapUpCheck {
            outcome: wrap_up.outcome == Some(end.outcome),
            amount: wrap_up.amount == agreed_amount(end),
            instalments: wrap_up.instalments == terms.and_then(|t| t.instalments),
            // The date slot: the first due date of a payment, or the day of a call-back.
            first_due: wrap_up.first_due == terms.and_then(|t| t.first_due)
                && wrap_up.call_back == terms.and_then(|t| t.call_back),
            next_step: wrap_up.next_step == Some(end.next_step),
        }
    }

    /// 0-100: the sum of the weights of the right fields.
    pub fn score(&self) -> f64 {
        let parts = [
            (self.outcome, WRAP_UP_OUTCOME),
            (self.amount, WRAP_UP_AMOUNT),
            (self.instalments, WRAP_UP_INSTALMENTS),
            (self.first_due, WRAP_UP_FIRST_DUE),
            (self.next_step, WRAP_UP_NEXT_STEP),
        ];
        f64::from(parts.iter().filter(|(ok, _)| *ok).map(|(_, w)| w).sum::<u32>())
    }
}

/// A wrap-up field's value, typed so that the screen can format it for its language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldValue {
    Outcome(Outcome),
    Amount(Money),
    Count(u32),
    Date(NaiveDate),
    NextStep(NextStep),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WrapUpField {
    Outcome,
    Amount,
    Instalments,
    FirstDue,
    /// Shown only when a call-back was agreed or recorded.
    CallBack,
    NextStep,
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::call::fixtures::plan_end;

    #[test]
    fn counts_each_right_field() {
        let end = plan_end();
        let mut w = WrapUp {
            outcome: Some(Outcome::PaymentPlan),
            amount: Some(Money::from_major(9000)),
            instalments: Some(3),
            first_due: NaiveDate::from_ymd_opt(2026, 12, 1),
            call_back: None,
            next_step: Some(NextStep::SendAgreement),
            note: String::new(),
        };
        assert_eq!(WrapUpCheck::of(&w, &end).score(), 100.0);
        w.first_due = NaiveDate::from_ymd_opt(2026, 12, 2);
        w.next_step = Some(NextStep::SendConfirmation);
        assert_eq!(WrapUpCheck::of(&w, &end).score(), 75.0);
        assert_eq!(WrapUpCheck::of(&WrapUp::default(), &end).score(), 0.0);
    }

    #[test]
    fn empty_terms_are_right_when_nothing_was_agreed() {
        let mut end = plan_end();
        end.outcome = Outcome::DebtorHungUp;
        end.terms = None;
        end.next_step = NextStep::ScheduleCallBack;
        let w = WrapUp { outcome: Some(Outcome::DebtorHungUp), ..WrapUp::default() };
        assert_eq!(WrapUpCheck::of(&w, &end).score(), 90.0);
    }
}

/// The wrap-up form as typed: text fields not yet parsed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WrapUpDraft {
    pub outcome: Option<Outcome>,
    pub amount: String,
    pub instalments: String,
    pub first_due: String,
    pub call_back: String,
    /// The self-assessment: the score the trainee expects, their style, one thing to change.
    pub expected_score: String,
    pub expected_style: Option<ConflictStyle>,
    pub differently: String,
    pub next_step: Option<NextStep>,
    pub note: String,
}

/// A wrap-up field that could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum DraftError {
    #[error("the amount is not a number such as 1250.00")]
    Amount,
    #[error("the number of instalments is not a whole number from 1 to 120")]
    Instalments,
    #[error("the first due date is not a date such as 2026-12-01 or 01.12.2026")]
    FirstDue,
    #[error("the call-back day is not a date such as 2026-12-01 or 01.12.2026")]
    CallBack,
    #[error("the expected score is not a whole number from 0 to 100")]
    ExpectedScore,
}

impl WrapUpDraft {
    /// Reads the form; empty fields mean "nothing agreed". Every unreadable field is listed.
    pub fn parse(&self) -> Result<WrapUp, Vec<DraftError>> {
        let mut errors = Vec::new();
        let amount = optional(&self.amount, Money::parse, DraftError::Amount, &mut errors);
        let instalments = optional(
            &self.instalments,
            |s| s.parse::<u32>().ok().filter(|n| (1..=120).contains(n)),
            DraftError::Instalments,
            &mut errors,
        );
        let first_due = optional(&self.first_due, parse_date, DraftError::FirstDue, &mut errors);
        let call_back = optional(&self.call_back, parse_date, DraftError::CallBack, &mut errors);
        if !errors.is_empty() {
            return Err(errors);
        }
        Ok(WrapUp {
            outcome: self.outcome,
            amount,
            instalments,
            first_due,
            call_back,
            next_step: self.next_step,
            note: self.note.trim().to_string(),
        })
    }
}

impl WrapUpDraft {
    /// Reads the self-assessment part of the form.
    pub fn self_assessment(&self) -> Result<SelfAssessment, DraftError> {
        let mut errors = Vec::new();
        let score = |s: &str| s.parse::<u32>().ok().filter(|n| *n <= 100);
        let expected_score = optional(&self.expected_score, score, DraftError::ExpectedScore, &mut errors);
        match errors.pop() {
            Some(error) => Err(error),
            None => Ok(SelfAssessment {
                expected_score,
                style: self.expected_style,
                differently: self.differently.trim().to_string(),
            }),
        }
    }
}

fn optional<T>(
    text: &str,
    parse: impl Fn(&str) -> Option<T>,
    error: DraftError,
    errors: &mut Vec<DraftError>,
) -> Option<T> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let value = parse(text);
    if value.is_none() {
        errors.push(error);
    }
    value
}

/// `2026-12-01` or the Polish `01.12.2026`.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").or_else(|_| NaiveDate::parse_from_str(text, "%d.%m.%Y")).ok()
}

#[cfg(test)]
mod draft_tests {
    use super::*;

    #[test]
    fn reads_a_typed_form_and_lists_every_bad_field() {
        let draft = WrapUpDraft {
            outcome: Some(Outcome::PaymentPlan),
            amount: "38 280,00".into(),
            instalments: "4".into(),
            first_due: "27.11.2026".into(),
            call_back: String::new(),
            expected_score: "80".into(),
            expected_style: Some(ConflictStyle::Collaborating),
            differently: " ask for the reason sooner ".into(),
            next_step: Some(NextStep::SendAgreement),
            note: "  signed today ".into(),
        };
        let w = draft.parse().expect("valid");
        assert_eq!(w.amount, Some(Money(3_828_000)));
        assert_eq!(w.first_due, NaiveDate::from_ymd_opt(2026, 11, 27));
        assert_eq!(w.note, "signed today");
        let mine = draft.self_assessment().expect("valid");
        assert_eq!(mine.expected_score, Some(80));
        assert_eq!(mine.differently, "ask for the reason sooner");
        assert_eq!(
            WrapUpDraft { expected_score: "120".into(), ..draft.clone() }.self_assessment(),
            Err(DraftError::ExpectedScore)
        );
        let bad =
            WrapUpDraft { amount: "lots".into(), instalments: "0".into(), first_due: "soon".into(), ..draft };
        assert_eq!(bad.parse(), Err(vec![DraftError::Amount, DraftError::Instalments, DraftError::FirstDue]));
        assert_eq!(WrapUpDraft::default().parse(), Ok(WrapUp::default()));
    }
}
