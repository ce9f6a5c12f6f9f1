//! What the debrief shows, computed from a report: the style path, the mood curves, the
//! wrap-up against the real terms, and a trainee's best scores. The screen only lays these
//! out and words them in the trainee's language.

use std::collections::BTreeMap;

use crate::report::Report;
use settle_core::persona::PersonaId;
use settle_core::style::{Stance, StylePoint};
use settle_core::wrapup::{FieldValue, WrapUpField};

/// The style point after each turn.
pub fn style_path(report: &Report) -> Vec<StylePoint> {
    let stances: Vec<Stance> = report.turns.iter().map(|t| t.stance).collect();
    StylePoint::path(&stances)
}

/// One mood's value at the start and after every turn.
#[derive(Debug, Clone, PartialEq)]
pub struct MoodSeries {
    pub name: String,
    pub values: Vec<i32>,
}

pub fn mood_series(report: &Report) -> Vec<MoodSeries> {
    report
        .moods
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let start = report.mood_start.get(i).copied();
            let after = report.turns.iter().filter_map(|t| t.moods_after.get(i).copied());
            MoodSeries { name: name.clone(), values: start.into_iter().chain(after).collect() }
        })
        .collect()
}

/// One line of the wrap-up comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrapUpRow {
    pub field: WrapUpField,
    pub recorded: Option<FieldValue>,
    pub real: Option<FieldValue>,
    pub right: bool,
}

pub fn wrap_up_rows(report: &Report) -> Vec<WrapUpRow> {
    let w = &report.wrap_up;
    let terms = report.end.terms.as_ref();
    let check = report.score.wrap_up_check;
    let mut rows = vec![
        WrapUpRow {
            field: WrapUpField::Outcome,
            recorded: w.outcome.map(FieldValue::Outcome),
            real: Some(FieldValue::Outcome(report.end.outcome)),
            right: check.outcome,
        },
        WrapUpRow {
            field: WrapUpField::Amount,
            recorded: w.amount.map(FieldValue::Amount),
            // A call-back agrees no money: its terms carry a zero amount.
            real: terms.map(|t| t.amount).filter(|a| a.0 > 0).map(FieldValue::Amount),
            right: check.amount,
        },
        WrapUpRow {
            field: WrapUpField::Instalments,
            recorded: w.instalments.map(FieldValue::Count),
            real: terms.and_then(|t| t.instalments).map(FieldValue::Count),
            right: check.instalments,
        },
        WrapUpRow {
            field: WrapUpField::FirstDue,
            recorded: w.first_due.map(FieldValue::Date),
            real: terms.and_then(|t| t.first_due).map(FieldValue::Date),
            right: check.first_due,
        },
    ];
    let call_back = terms.and_then(|t| t.call_back);
    if call_back.is_some() || w.call_back.is_some() {
        // The date slot of the check covers both dates: right only when both are.
        rows.push(WrapUpRow {
            field: WrapUpField::CallBack,
            recorded: w.call_back.map(FieldValue::Date),
            real: call_back.map(FieldValue::Date),
            right: check.first_due,
        });
    }
    rows.push(WrapUpRow {
        field: WrapUpField::NextStep,
        recorded: w.next_step.map(FieldValue::NextStep),
        real: Some(FieldValue::NextStep(report.end.next_step)),
        right: check.next_step,
    });
    rows
}

/// A trainee's best total per persona (names compared without case or surrounding spaces).
pub fn best_scores<'r>(
    reports: impl IntoIterator<Item = &'r Report>,
    trainee: &str,
) -> BTreeMap<PersonaId, f64> {
    let trainee = trainee.trim().to_lowercase();
    let mut best: BTreeMap<PersonaId, f64> = BTreeMap::new();
    for report in reports {
        if report.trainee.trim().to_lowercase() != trainee {
            continue;
        }
        let entry = best.entry(report.persona.counted_id()).or_insert(report.score.total);
        *entry = entry.max(report.score.total);
    }
    best
}
