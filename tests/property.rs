//! Random play on every persona: never panics, always ends within the turn limit, replays
//! identically, and scores within 0-100.

use std::sync::Arc;

use proptest::prelude::*;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use settle_core::call::{Choice, Mode};
use settle_core::engine::CallEngine;
use settle_core::mood::{MOOD_MAX, MOOD_MIN};
use settle_core::persona::Persona;
use settle_core::scoring::score;
use settle_core::wrapup::WrapUp;
use settle_store::report::{CallId, CallTimes, Report};

use crate::common::all_personas;

/// Plays a call, picking the offer `picks[i] % offers` (or silence when the pick is 0 and
/// `silences` is on), and checks every invariant.
fn check_call(persona: &Arc<Persona>, seed: u64, mut pick: impl FnMut(usize) -> Option<usize>) {
    let (mut engine, _) = CallEngine::start(Arc::clone(persona), Mode::Practice, seed);
    let limit = engine.turn_limit() as usize;
    while !engine.is_over() {
        let offers = engine.offers().len();
        assert!(offers > 0, "{}: no reply on offer at {:?}", persona.id, engine.node());
        match pick(offers) {
            Some(n) => engine.choose_listed(n + 1),
            None => engine.apply(Choice::Silence),
        }
        .expect("an offered choice is accepted");
        assert!(engine.turns().len() <= limit, "{}: ran past the turn limit", persona.id);
        let values = engine.moods().values();
        assert!(values.iter().all(|v| (MOOD_MIN..=MOOD_MAX).contains(v)), "{values:?}");
    }
    let replayed = CallEngine::replay(Arc::clone(persona), Mode::Practice, seed, &engine.choices())
        .expect("recorded choices replay");
    assert_eq!(engine.turns(), replayed.turns());
    assert_eq!(engine.end(), replayed.end());
    let end = engine.end().expect("over");
    let card = score(&persona.target, engine.turns(), end, &WrapUp::default());
    assert!((0.0..=100.0).contains(&card.total), "{}", card.total);
    for part in [card.outcome, card.style_fit, card.conduct, card.wrap_up] {
        assert!((0.0..=100.0).contains(&part), "{part}");
    }
    // Whatever a real call produces passes the reader's check for forged reports.
    let at = chrono::DateTime::UNIX_EPOCH;
    let times = CallTimes { started_at: at, ended_at: at };
    let report = Report::new(&engine, "Anna", WrapUp::default(), times, CallId::new()).expect("over");
    assert_eq!(report.implausibility(), None);
}

#[test]
fn random_play_over_many_seeds() {
    for persona in all_personas() {
        for seed in 0..500u64 {
            let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x005e_771e);
            check_call(&persona, seed, |offers| {
                if rng.random_ratio(1, 12) { None } else { Some(rng.random_range(0..offers)) }
            });
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_reply_sequence_is_safe(seed in any::<u64>(), picks in prop::collection::vec(0usize..16, 0..200)) {
        for persona in all_personas() {
            let mut picks = picks.iter().copied().cycle();
            check_call(&persona, seed, |offers| match picks.next() {
                Some(0) => None,
                Some(p) => Some(p % offers),
                None => Some(0),
            });
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any text as a string table: reading never panics, every cell place it reports lies in
    /// the text, and a table written from what was read reads back the same.
    #[test]
    fn any_text_as_a_string_table_reads_safely_and_round_trips(text in "(?s).{0,400}") {
        use settle_core::strings::{parse, write};
        let with_header = format!("id,where,source,translation,lock\n{text}");
        for input in [text.as_str(), with_header.as_str()] {
            if let Ok(rows) = parse(input) {
                for row in &rows {
                    for at in [row.at.row, row.at.id, row.at.translation, row.at.lock] {
                        prop_assert!(at <= input.len());
                    }
                }
                let again = parse(&write(&rows)).expect("a written table reads");
                let cells = |rows: &[settle_core::strings::TableRow]| -> Vec<(String, String, String, String)> {
                    rows.iter().map(|r| (r.id.clone(), r.source.clone(), r.translation.clone(), r.lock.clone())).collect()
                };
                prop_assert_eq!(cells(&again), cells(&rows));
            }
        }
    }
}
