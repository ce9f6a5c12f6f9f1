//! The checks the fuzz targets run on every input, shared word for word with the regression
//! tests: `fuzz/fuzz_targets/*.rs` include this file by path, and `fuzz_regressions` runs
//! every saved input under `tests/data/fuzz/<target>/` through the same function.
//!
//! Each check feeds bytes to one entry point of the core and asserts what must hold for any
//! input: no panic, diagnostics that point inside the file, calls that end within the turn
//! limit with moods in range and a score in 0-100, replays that reproduce, reports that read
//! back as written. A failed assertion is a bug to fix in the core, never here. This file uses
//! only `settle`, `chrono` and `uuid`, the crates both users depend on, and never the test
//! helpers in `common`.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use chrono::DateTime;
use settle_core::call::{Choice, Mode};
use settle_core::dot::to_dot;
use settle_core::engine::{CallEngine, CallEvent, EngineError};
use settle_core::load::{Library, load_bytes};
use settle_core::mood::{MOOD_MAX, MOOD_MIN, MoodState};
use settle_core::persona::{NodeIdx, Persona, ReplyIdx};
use settle_core::scoring::{ScoreCard, score};
use settle_core::wrapup::WrapUp;
use settle_i18n::Lang;
use settle_store::debrief::{best_scores, mood_series, style_path, wrap_up_rows};
use settle_store::journal::Journal;
use settle_store::library::{FolderAssets, load_dir};
use settle_store::report::export::{csv, trainee_html, xapi, xapi_answered};
use settle_store::report::index::{Filter, Index, SortBy};
use settle_store::report::replay::{Verdict, replay};
use settle_store::report::row::Row;
use settle_store::report::sign::{Signature, check, check_text, sign, verify_file};
use settle_store::report::store::{decode, encode, encode_ron, is_json};
use settle_store::report::{CallId, CallTimes, RON_REPORT_FORMAT, Report};
use uuid::Uuid;

/// The signing key the checks sign and verify reports with.
const KEY: &[u8] = b"key";
/// Calls on a fuzzed persona are finished only when its turn limit is at most this, so that a
/// persona with a huge turn budget cannot make one input run for minutes.
const FINISH_LIMIT: u32 = 200;

/// The repository's root (the one with `dialogues/` and `assets/`): the crate root for the
/// tests, its parent for the fuzz crate in `fuzz/`.
fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .find(|dir| dir.join("dialogues").is_dir() && dir.join("assets").is_dir())
        .expect("the repository root is an ancestor of the crate")
}

/// Every persona the checks play: the bundled ones and the test-only good ones, loaded once.
fn personas() -> &'static [Arc<Persona>] {
    static PERSONAS: OnceLock<Vec<Arc<Persona>>> = OnceLock::new();
    PERSONAS.get_or_init(|| {
        let root = repo_root();
        let load = |dir: &str, assets: &str| -> Library {
            let library = load_dir(&root.join(dir), &root.join(assets)).expect("the folder is readable");
            for file in &library.files {
                assert!(file.diagnostics.is_empty(), "{}", file.render());
            }
            library
        };
        let bundled = load("dialogues", "assets");
        let good = load("tests/data/good", "tests/data/assets");
        let all: Vec<Arc<Persona>> = bundled.personas().chain(good.personas()).cloned().collect();
        assert!(!all.is_empty(), "no persona to play");
        all
    })
}

/// Bytes read from the front, zero once they run out.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        let (first, rest) = self.0.split_first().map_or((0, &[][..]), |(b, r)| (*b, r));
        self.0 = rest;
        first
    }

    fn u64(&mut self) -> u64 {
        (0..8).fold(0, |acc, _| (acc << 8) | u64::from(self.byte()))
    }
}

// --- persona_load -------------------------------------------------------------------------------

/// Any bytes as a persona file: loading never panics, every diagnostic renders and points
/// inside the text, a persona comes back exactly when there is no error, and a loaded persona
/// plays a short call whose choices come from the file's hash.
pub fn persona_load(data: &[u8]) {
    let assets = repo_root().join("assets");
    let loaded = load_bytes(Path::new("fuzz.ron"), data, &FolderAssets::new(&assets));
    let text = &loaded.text;
    for d in &loaded.diagnostics {
        if let Some(span) = &d.span {
            assert!(span.start <= span.end && span.end <= text.len(), "{d}: span {span:?} outside the text");
            assert!(
                text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
                "{d}: span {span:?} splits a character"
            );
        }
        assert!(d.line >= 1 && d.column >= 1, "{d}: lines and columns are 1-based");
        assert!(!d.to_string().is_empty());
    }
    let rendered = loaded.render();
    assert_eq!(rendered.is_empty(), loaded.diagnostics.is_empty());
    assert_eq!(
        loaded.persona.is_some(),
        loaded.errors() == 0,
        "a persona exactly when there is no error:\n{rendered}"
    );
    let Some(persona) = &loaded.persona else { return };
    assert!(!to_dot(persona).is_empty());
    // The hash is a stable, well-mixed stream of choices derived from the file.
    let hash = persona.source.hash.0.as_bytes();
    let mut bytes = Bytes(hash);
    let mode = if bytes.byte() & 1 == 0 { Mode::Practice } else { Mode::Assessment };
    let seed = mode.seed(persona, bytes.u64());
    let finish = persona.target.turn_budget.saturating_mul(3) <= FINISH_LIMIT;
    let engine = play(persona, mode, seed, bytes.0, finish);
    if engine.is_over() {
        check_finished(persona, &engine, hash);
    }
}

// --- report_decode ------------------------------------------------------------------------------

/// Any bytes as a report file: reading never panics, and a report that reads also re-encodes
/// to a file that reads back the same, and goes through everything the dashboard, the debrief
/// and the exports derive from a report.
pub fn report_decode(data: &[u8]) {
    let Ok(report) = decode(data) else { return };
    assert_eq!(report.implausibility(), None, "the reader refuses implausible reports");
    if is_json(data) {
        let (row, signature) = verify_file(data, Some(KEY)).expect("a report that reads verifies");
        if row == Row::of(&report) {
            assert_eq!(signature, check(&report, Some(KEY)), "the file's verdict is the report's");
        } else {
            assert_eq!(signature, Signature::Mismatch, "a row not the report's is an edit");
        }
    } else {
        let read = std::str::from_utf8(data).expect("a report that was read is text");
        assert_eq!(check_text(&report, read, Some(KEY)), check(&report, Some(KEY)), "check_text is check");
    }
    // Written again the way its format writes (old RON reports are never turned into JSON).
    let write = |r: &Report| if r.format == RON_REPORT_FORMAT { encode_ron(r) } else { encode(r) };
    let text = write(&report).expect("a report that was read can be written");
    let again = decode(text.as_bytes()).expect("a written report reads back");
    assert_eq!(write(&again).expect("encodes"), text, "a report changed on the way through its file");
    derived(&report);
    let persona = personas().iter().find(|p| p.id == report.persona.id);
    let verdict = replay(&report, persona);
    assert_eq!(persona.is_none(), verdict == Verdict::PersonaMissing, "{verdict:?}");
}

/// Everything computed from a report for the screens and exports; none of it may panic.
fn derived(report: &Report) {
    let signature = check(report, Some(KEY));
    assert!(report.signature.is_some() || signature == Signature::Unsigned);
    let mut signed = report.clone();
    sign(&mut signed, KEY);
    assert_eq!(check(&signed, Some(KEY)), Signature::Valid, "a report just signed checks");
    if signed.format != RON_REPORT_FORMAT {
        let written = encode(&signed).expect("a signed report encodes");
        let verdict = verify_file(written.as_bytes(), Some(KEY)).map(|(_, s)| s);
        assert_eq!(verdict, Ok(Signature::Valid), "its file checks");
    }

    // Two calls of the row in an index, as the dashboard and the exports see them.
    let row = Row::of(report);
    let rows = [row.clone(), row.clone()];
    let mut index = Index::open_in_memory().expect("an index in memory");
    let folder = Path::new("/fuzz");
    for name in ["a.json", "b.json"] {
        index.record(folder, name, Ok(&row), signature).expect("recorded");
    }
    csv(&rows).expect("rows export as CSV");
    let view = index.trainee_view(folder, &row.trainee).expect("a trainee's picture");
    assert_eq!(view.summary.calls, 2);
    for lang in Lang::ALL {
        assert!(trainee_html(&view, &rows, lang).ends_with("</html>\n"));
    }
    let statements = xapi(&rows);
    assert_eq!(statements.as_array().map(Vec::len), Some(rows.len()));
    let _ = statements.to_string();
    assert_eq!(xapi_answered(report).len(), report.turns.len());
    let s = index.summary(folder, &Filter::default()).expect("a summary");
    assert_eq!((s.calls, s.passed), (2, 2 * usize::from(report.score.passed)));
    let view = index.persona_view(folder, &row.persona).expect("a persona's picture");
    assert_eq!(view.histogram.iter().sum::<usize>(), 2);
    assert_eq!(index.trainees(folder).expect("trainees").len(), 1);
    let lines = index.lines(folder, &Filter::default(), SortBy::Date, true).expect("lines");
    assert!(lines.iter().all(|l| l.signature == signature));
    let filter = Filter {
        trainee: Some(row.trainee.clone()),
        persona: Some(row.persona.clone()),
        language: Some(row.language),
        mode: Some(row.mode),
        passed: Some(row.passed),
        from: Some(row.started_at),
        to: Some(row.started_at),
        text: row.trainee.clone(),
    };
    let matching = index.lines(folder, &filter, SortBy::Score, false).expect("lines");
    assert_eq!(matching.len(), 2, "a row matches a filter made of its own fields");

    assert_eq!(style_path(report).len(), report.turns.len());
    assert_eq!(mood_series(report).len(), report.moods.len());
    let call_back = report.end.terms.as_ref().and_then(|t| t.call_back).or(report.wrap_up.call_back);
    assert_eq!(wrap_up_rows(report).len(), 5 + usize::from(call_back.is_some()));
    let best = best_scores([report], &report.trainee);
    assert_eq!(best.len(), 1);
    for amount in report.end.terms.iter().map(|t| t.amount).chain(report.wrap_up.amount) {
        let _ = (amount.plain(), amount.grouped(' ', ','), amount.to_string());
    }
}

// --- call_engine --------------------------------------------------------------------------------

/// Any bytes as a call: the first byte picks a persona, the next one the mode, the next eight
/// the seed; the rest are the trainee's actions (see [`act`]). When they run out the call is
/// finished with the first reply on offer. Every invariant of [`play`] and
/// [`check_finished`] must hold.
pub fn call_engine(data: &[u8]) {
    let all = personas();
    let mut bytes = Bytes(data);
    let persona = &all[usize::from(bytes.byte()) % all.len()];
    let mode = if bytes.byte() & 1 == 0 { Mode::Practice } else { Mode::Assessment };
    let seed = mode.seed(persona, bytes.u64());
    let engine = play(persona, mode, seed, bytes.0, true);
    check_finished(persona, &engine, data);
}

/// Plays a call on `persona`, one action per byte, checking after every step; with `finish`,
/// goes on with the first reply on offer until the call ends, which it must do within the
/// turn limit.
fn play(persona: &Arc<Persona>, mode: Mode, seed: u64, actions: &[u8], finish: bool) -> CallEngine {
    let (mut engine, events) = CallEngine::start(Arc::clone(persona), mode, seed);
    check_events(&engine, &events);
    let limit = engine.turn_limit() as usize;
    for &action in actions {
        if engine.is_over() {
            break;
        }
        act(&mut engine, action);
    }
    if finish {
        for _ in 0..=limit {
            if engine.is_over() {
                break;
            }
            act(&mut engine, 0);
        }
        assert!(engine.is_over(), "{}: still going after the turn limit of {limit}", persona.id);
    }
    engine
}

/// One trainee action from a byte. With `offered` replies on offer, `byte % (offered + 1)`
/// picks one of them, or silence for the extra value; the rest of the byte picks the entry
/// point (`choose_offer`, `choose` or `apply` for a reply; `silence` or `apply` for silence).
/// Before acting, choices that are not on offer are tried and must be refused harmlessly.
fn act(engine: &mut CallEngine, action: u8) {
    let offered: Vec<ReplyIdx> = engine.offers().iter().map(|o| o.reply).collect();
    let id = &engine.persona().id;
    assert!(!offered.is_empty(), "{id}: no reply on offer at {:?}", engine.node());
    refusals(engine, &offered);
    let (n, action) = (offered.len(), usize::from(action));
    let (pick, how) = (action % (n + 1), action / (n + 1));
    let before = engine.turns().len();
    let result = match offered.get(pick) {
        None if how % 2 == 0 => engine.silence(),
        None => engine.apply(Choice::Silence),
        Some(_) if how % 3 == 0 => engine.choose_listed(pick + 1),
        Some(&reply) if how % 3 == 1 => engine.choose(reply),
        Some(&reply) => engine.apply(Choice::Reply(reply)),
    };
    let events = result.expect("a choice on offer is accepted");
    assert_eq!(engine.turns().len(), before + 1, "every choice is one turn");
    check_events(engine, &events);
}

/// Choices not on offer are refused with an error and change nothing.
fn refusals(engine: &mut CallEngine, offered: &[ReplyIdx]) {
    let (node, moods, turns) = (engine.node(), engine.moods().clone(), engine.turns().len());
    let n = offered.len();
    for number in [0, n + 1] {
        assert_eq!(
            engine.choose_listed(number),
            Err(EngineError::NoSuchOffer { number, offered: n }),
            "offer {number} of {n}"
        );
    }
    let replies = engine.persona().node(node).replies.len();
    let hidden = (0..=replies)
        .filter_map(|i| u16::try_from(i).ok().map(ReplyIdx))
        .find(|r| !offered.contains(r))
        .expect("the index past the last reply is never on offer");
    assert_eq!(engine.choose(hidden), Err(EngineError::NotOffered(hidden.0)));
    assert_eq!(engine.apply(Choice::Reply(hidden)), Err(EngineError::NotOffered(hidden.0)));
    assert_eq!((engine.node(), engine.moods(), engine.turns().len()), (node, &moods, turns));
}

/// What must hold after every step: moods in range, turns within the limit, and events that
/// match the engine's state.
fn check_events(engine: &CallEngine, events: &[CallEvent]) {
    let id = &engine.persona().id;
    let values = engine.moods().values();
    assert!(values.iter().all(|v| (MOOD_MIN..=MOOD_MAX).contains(v)), "{id}: moods {values:?}");
    assert_eq!(values.len(), engine.persona().moods.len());
    assert!(engine.turns().len() <= engine.turn_limit() as usize, "{id}: past the turn limit");
    for event in events {
        if let CallEvent::BranchDrawn { weights, chosen } = event {
            assert!(*chosen < weights.len(), "{id}: branch {chosen} of {}", weights.len());
            assert!(weights.iter().all(|w| w.is_finite() && *w >= 0.0), "{id}: weights {weights:?}");
        }
    }
    match (events.last(), engine.end()) {
        (Some(CallEvent::Ended(ended)), Some(end)) => assert_eq!(ended, end),
        (Some(CallEvent::DebtorSays { node, text, .. }), None) => {
            assert_eq!(*node, engine.persona().node(engine.node()).id);
            assert_eq!(text, engine.debtor_line());
        }
        (last, end) => panic!("{id}: last event {last:?} with the call's end {end:?}"),
    }
}

/// What must hold once a call is over: it refuses further choices, replays identically,
/// scores within 0-100, survives a report's round trip and a journal's resume; an author's
/// jump from its end (moods and node from `bytes`) plays on within the same rules.
fn check_finished(persona: &Arc<Persona>, engine: &CallEngine, bytes: &[u8]) {
    let id = &persona.id;
    let end = engine.end().expect("the call is over").clone();
    assert!(engine.offers().is_empty());
    let mut over = engine.clone();
    assert_eq!(over.choose_listed(1), Err(EngineError::CallOver));
    assert_eq!(over.choose(ReplyIdx(0)), Err(EngineError::CallOver));
    assert_eq!(over.silence(), Err(EngineError::CallOver));

    let (mode, seed, choices) = (engine.mode(), engine.seed(), engine.choices());
    let replayed =
        CallEngine::replay(Arc::clone(persona), mode, seed, &choices).expect("recorded choices replay");
    assert_eq!(replayed.turns(), engine.turns(), "{id}: seed {seed} replays differently");
    assert_eq!(replayed.end(), Some(&end));
    assert_eq!(replayed.moods(), engine.moods());
    let one_more = [choices.as_slice(), &[Choice::Silence]].concat();
    let refused = CallEngine::replay(Arc::clone(persona), mode, seed, &one_more).err();
    assert_eq!(refused, Some(EngineError::CallOver), "{id}: a choice after the end");

    for wrap_up in [WrapUp::default(), WrapUp::matching(&end)] {
        let card = score(&persona.target, engine.turns(), &end, &wrap_up);
        check_card(&card, engine.turns().len());
    }
    let card = score(&persona.target, engine.turns(), &end, &WrapUp::matching(&end));
    assert_eq!(card.wrap_up, 100.0, "{id}: the matching wrap-up is all right");

    let mut bytes = Bytes(bytes);
    let started_at = DateTime::from_timestamp(1_790_000_000, 0).expect("a date in 2026");
    let ended_at = started_at + chrono::Duration::milliseconds(i64::from(bytes.byte()) * 1000);
    let times = CallTimes { started_at, ended_at };
    let call_id = CallId(Uuid::from_u64_pair(seed, bytes.u64()));
    let mut report = Report::new(engine, " Fuzz Trainee ", WrapUp::matching(&end), times, call_id)
        .expect("a finished call makes a report");
    assert_eq!(report.implausibility(), None, "{id}: a real call's report is plausible");
    sign(&mut report, KEY);
    let text = encode(&report).expect("a report encodes");
    let read = decode(text.as_bytes()).expect("a report that was written reads back");
    assert_eq!(read, report, "{id}: the report changed on the way through its file");
    assert_eq!(verify_file(text.as_bytes(), Some(KEY)).map(|(_, s)| s), Ok(Signature::Valid));
    assert_eq!(replay(&read, Some(persona)), Verdict::Reproduced, "{id}: the report does not replay");

    let journal = Journal::of(engine, call_id, "Fuzz Trainee", started_at);
    let resumed = journal.resume(Some(persona)).expect("a journal of this call resumes");
    assert_eq!(resumed.turns(), engine.turns());

    // Author preview: jump anywhere with any moods (clamped), then play on.
    let mut preview = engine.clone();
    let node = NodeIdx(u32::from(bytes.byte()) % persona.nodes.len() as u32);
    let values = persona.moods.iter().map(|_| i32::from(bytes.byte()) - 64).collect();
    let events = preview.jump(node, MoodState::with_values(values, persona.flags.len()));
    check_events(&preview, &events);
    for _ in 0..8 {
        if preview.is_over() {
            break;
        }
        act(&mut preview, bytes.byte());
    }
}

/// Every part of a score card within 0-100, and the pass consistent with its reason.
fn check_card(card: &ScoreCard, turns: usize) {
    let parts = [card.total, card.outcome, card.style_fit, card.conduct, card.wrap_up];
    for part in parts.into_iter().chain(card.ploys) {
        assert!((0.0..=100.0).contains(&part), "a score part {part} outside 0-100: {card:?}");
    }
    assert!((0.0..=1.0).contains(&card.efficiency), "{card:?}");
    assert_eq!(card.turns as usize, turns);
    assert_eq!(card.passed, card.fail_reason.is_none());
    assert!(card.ploys_countered + card.ploys_fallen_for <= card.ploys_met, "{card:?}");
}
