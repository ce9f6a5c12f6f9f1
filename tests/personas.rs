//! The bundled personas, played to each of their endings by scripted replies, with the exact
//! score a correct wrap-up earns. Reply numbers are positions among the replies on offer
//! (1-based); `s` is silence, as on the command line.

use std::sync::Arc;

use settle_core::Persona;
use settle_core::call::{Choice, EndReason, Mode};
use settle_core::engine::CallEngine;
use settle_core::scoring::score;
use settle_core::vocabulary::Language;
use settle_core::wrapup::WrapUp;
use settle_store::library::load_dir;

use crate::common::bundled;

/// One scripted call from `tests/data/calls/<persona>.calls`.
#[derive(Debug, Clone)]
struct ScriptedCall {
    persona: String,
    line: usize,
    mode: Mode,
    seed: u64,
    replies: String,
    ending: String,
    total: f64,
    passed: bool,
    /// `textbook`, or `breach: ...`, or empty.
    tag: String,
}

/// Every scripted call of every bundled persona. A line reads
/// `mode seed replies -> ending total passed|failed [textbook | breach: why]`.
fn scripted_calls() -> Vec<ScriptedCall> {
    let mut calls = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir("tests/data/calls")
        .expect("tests/data/calls")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "calls"))
        .collect();
    files.sort();
    for path in files {
        let persona = path.file_stem().and_then(|s| s.to_str()).expect("a name").to_string();
        let text = std::fs::read_to_string(&path).expect("readable");
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let where_ = format!("{}:{}", path.display(), i + 1);
            let bad =
                |_| -> ! { panic!("{where_}: not `mode seed replies -> ending total passed|failed [tag]`") };
            let (call, result) = line.split_once(" -> ").unwrap_or_else(|| bad(()));
            let call: Vec<&str> = call.split_whitespace().collect();
            let result: Vec<&str> = result.splitn(4, ' ').collect();
            let ([mode, seed, replies], [ending, total, verdict, rest @ ..]) =
                (call.as_slice(), result.as_slice())
            else {
                bad(())
            };
            calls.push(ScriptedCall {
                persona: persona.clone(),
                line: i + 1,
                mode: if *mode == "assessment" { Mode::Assessment } else { Mode::Practice },
                seed: seed.parse().unwrap_or_else(|_| bad(())),
                replies: replies.to_string(),
                ending: ending.to_string(),
                total: total.parse().unwrap_or_else(|_| bad(())),
                passed: *verdict == "passed",
                tag: rest.first().map(|t| t.trim().to_string()).unwrap_or_default(),
            });
        }
    }
    calls
}

fn play(persona: &Arc<Persona>, mode: Mode, seed: u64, replies: &str) -> CallEngine {
    let seed = mode.seed(persona, seed);
    let (mut engine, _) = CallEngine::start(Arc::clone(persona), mode, seed);
    for step in replies.split(',') {
        let result = match step {
            "s" => engine.apply(Choice::Silence),
            n => engine.choose_listed(n.trim_start_matches('#').parse().expect("#N")),
        };
        result.unwrap_or_else(|e| panic!("{}: step {step} of {replies}: {e}", persona.id));
    }
    engine
}

#[test]
fn every_ending_is_reached_with_its_exact_score() {
    let personas = bundled();
    let mut failures = Vec::new();
    for call in scripted_calls() {
        let ScriptedCall { mode, seed, ref replies, ref ending, total, passed, .. } = call;
        // The persona plays the same in every language.
        let variants: Vec<_> = personas.iter().filter(|p| p.id.0 == call.persona).collect();
        assert!(!variants.is_empty(), "{} is bundled", call.persona);
        for persona in variants {
            let engine = play(persona, mode, seed, replies);
            let Some(end) = engine.end() else {
                failures.push(format!("{} {replies}: the call did not end", persona.id));
                continue;
            };
            let card = score(&persona.target, engine.turns(), end, &WrapUp::matching(end));
            let reached = match &end.reason {
                EndReason::Ending(node) => node.0.as_str(),
                EndReason::TurnLimit => "(turn limit)",
            };
            if reached != ending || card.total != total || card.passed != passed {
                failures.push(format!(
                    "tests/data/calls/{}.calls:{} ({}): expected {ending} {total:.1} {passed}, got {reached} {:.1} {}",
                    persona.id,
                    call.line,
                    persona.language,
                    card.total,
                    card.passed
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_ending_of_every_persona_is_covered() {
    let personas = bundled();
    assert!(personas.len() >= 3);
    for persona in &personas {
        let calls = scripted_calls();
        let covered: Vec<&str> =
            calls.iter().filter(|c| c.persona == persona.id.0).map(|c| c.ending.as_str()).collect();
        for node in persona.nodes.iter().filter(|n| n.ending.is_some()) {
            assert!(
                covered.contains(&node.id.0.as_str()),
                "{}: ending {} has no scripted path",
                persona.id,
                node.id
            );
        }
    }
}

#[test]
fn every_persona_is_fully_translated_into_polish_on_its_own_graph() {
    let library = load_dir(std::path::Path::new("dialogues"), std::path::Path::new("assets"))
        .expect("dialogues/ is readable");
    for file in &library.files {
        let en = file.in_language(Language::En).expect("English");
        let pl = file.in_language(Language::Pl).expect("Polish");
        assert_eq!(file.languages(), [Language::En, Language::Pl], "{}", en.id);
        assert_eq!((&en.id, pl.language), (&pl.id, Language::Pl));
        assert!(pl.untranslated.is_empty(), "{}: {} untranslated", en.id, pl.untranslated.len());
        let first = &pl.nodes[pl.start.get()];
        assert_ne!(
            first.lines[0].text,
            en.nodes[en.start.get()].lines[0].text,
            "{}: the texts differ",
            en.id
        );
        assert!(!first.lines[0].text.contains("#line:"), "{}: ids never reach the call", en.id);
    }
}

#[test]
fn no_two_bundled_graphs_share_a_skeleton() {
    let library = load_dir(std::path::Path::new("dialogues"), std::path::Path::new("assets"))
        .expect("dialogues/ is readable");
    // A graph's skeleton: per node that is not an ending, its name and its replies' stances and
    // targets (endings are named by convention, `end_plan`, in every persona).
    let skeleton = |p: &Persona| -> Vec<String> {
        p.nodes
            .iter()
            .filter(|n| !n.replies.is_empty())
            .map(|n| {
                let replies: Vec<String> = n
                    .replies
                    .iter()
                    .map(|r| format!("{:?}{:?}", r.stance, r.next.targets().collect::<Vec<_>>()))
                    .collect();
                format!("{}:{}", n.id, replies.join(";"))
            })
            .collect()
    };
    let skeletons: Vec<(String, Vec<String>)> =
        library.personas().map(|p| (p.id.0.clone(), skeleton(p))).collect();
    assert_eq!(skeletons.len(), 8, "eight graphs");
    for (i, (a, sa)) in skeletons.iter().enumerate() {
        for (b, sb) in &skeletons[i + 1..] {
            let shared = sa.iter().filter(|n| sb.contains(n)).count();
            assert!(shared * 4 < sa.len().min(sb.len()), "{a} and {b} share {shared} of their nodes' shapes");
        }
    }
}

#[test]
fn each_persona_has_the_size_and_variety_the_library_needs() {
    for persona in bundled() {
        let endings = persona.endings().count();
        assert!(persona.nodes.len() >= 30, "{}: {} nodes", persona.id, persona.nodes.len());
        assert!(endings >= 5, "{}: {endings} endings", persona.id);
        let ploys: std::collections::BTreeSet<_> = persona.nodes.iter().filter_map(|n| n.ploy).collect();
        assert!(ploys.len() >= 3, "{}: {} ploy kinds", persona.id, ploys.len());
        let tilted = persona.nodes.iter().flat_map(|n| &n.replies).any(|r| match &r.next {
            settle_core::persona::Next::Random(branches) => branches.iter().any(|b| !b.tilt.is_empty()),
            _ => false,
        });
        assert!(tilted, "{}: no mood-dependent random branch", persona.id);
        let replies: Vec<_> = persona.nodes.iter().flat_map(|n| &n.replies).collect();
        let with_feedback = replies.iter().filter(|r| r.feedback.is_some()).count();
        assert!(
            with_feedback * 10 >= replies.len() * 8,
            "{}: feedback on {with_feedback} of {} replies",
            persona.id,
            replies.len()
        );
        let stances: Vec<_> = persona.nodes.iter().flat_map(|n| &n.replies).map(|r| r.stance).collect();
        for v in -2..=2 {
            assert!(stances.iter().any(|s| s.empathy == v), "{}: no empathy {v}", persona.id);
            assert!(stances.iter().any(|s| s.firmness == v), "{}: no firmness {v}", persona.id);
        }
        assert!(persona.nodes.iter().any(|n| n.ploy.is_some()), "{}: no ploy", persona.id);
    }
}

#[test]
fn the_library_has_eight_personas_in_english_and_polish_across_all_difficulties() {
    let personas = bundled();
    let english: Vec<_> = personas.iter().filter(|p| p.language == Language::En).collect();
    assert!(english.len() >= 8, "{} English personas", english.len());
    for en in &english {
        let polish = personas.iter().any(|p| p.id == en.id && p.language == Language::Pl);
        assert!(polish, "{} has no Polish", en.id);
    }
    let difficulties: std::collections::BTreeSet<u8> = english.iter().map(|p| p.difficulty).collect();
    assert_eq!(difficulties, (1..=5).collect());
    let archetypes: std::collections::BTreeSet<_> = english.iter().map(|p| p.archetype).collect();
    assert_eq!(archetypes.len(), 8, "one persona per archetype");
}

#[test]
fn naive_players_do_not_pass_any_persona() {
    use settle_core::analysis::{NaivePlayer, simulate};
    for persona in bundled() {
        for player in [NaivePlayer::AllEmpathic, NaivePlayer::AllFirm] {
            let shares = simulate(&persona, player, 200);
            assert!(
                shares.mean_score < f64::from(persona.target.pass_mark),
                "{}: a naive {player:?} player averages {:.1}, at or above the pass mark {}",
                persona.id,
                shares.mean_score,
                persona.target.pass_mark
            );
        }
    }
}

/// The margin a persona's textbook call must pass by: a skilled call is not a near miss.
const TEXTBOOK_MARGIN: f64 = 10.0;

#[test]
fn textbook_calls_pass_with_a_margin_and_breaches_fail() {
    let personas = bundled();
    for call in scripted_calls() {
        let persona = personas.iter().find(|p| p.id.0 == call.persona).expect("bundled");
        let mark = f64::from(persona.target.pass_mark);
        let at = format!("tests/data/calls/{}.calls:{}", call.persona, call.line);
        if call.tag == "textbook" {
            assert!(
                call.passed && call.total >= mark + TEXTBOOK_MARGIN,
                "{at}: the textbook call passes by {TEXTBOOK_MARGIN}"
            );
            // Skilled play reaches the target inside the style zone.
            let engine = play(persona, call.mode, call.seed, &call.replies);
            let end = engine.end().expect("the textbook call ends");
            let card = score(&persona.target, engine.turns(), end, &WrapUp::matching(end));
            let point = card.style_point;
            assert_eq!(
                card.style_distance, 0.0,
                "{at}: the textbook call's style {point:?} is inside the zone"
            );
        }
        if call.tag.starts_with("breach") {
            assert!(!call.passed, "{at}: a call with a breach fails ({})", call.tag);
        }
    }
}

/// Assessment calls each surface strategy plays per persona and language in the test.
const SURFACE_SEEDS: u64 = 100;

#[test]
fn no_player_who_ignores_what_replies_say_passes_any_persona_in_either_language() {
    use settle_core::surface::{Strategy, play_strategy};
    let mut passing = Vec::new();
    for persona in bundled() {
        for strategy in Strategy::ALL {
            let r = play_strategy(&persona, strategy, SURFACE_SEEDS);
            // A random player may be lucky now and then; every other strategy never passes.
            let allowed = if strategy == Strategy::Random { 0.02 } else { 0.0 };
            if r.pass_rate() > allowed {
                passing.push(format!(
                    "{} ({}): {} passed {:.1}% (mean {:.1})",
                    persona.id,
                    persona.language,
                    strategy.key(),
                    r.pass_rate() * 100.0,
                    r.mean
                ));
            }
        }
    }
    assert!(passing.is_empty(), "{}", passing.join("\n"));
}

#[test]
fn every_persona_has_a_textbook_call_and_fails_its_breaches() {
    let calls = scripted_calls();
    for persona in bundled() {
        let mine: Vec<_> = calls.iter().filter(|c| c.persona == persona.id.0).collect();
        assert_eq!(
            mine.iter().filter(|c| c.tag == "textbook").count(),
            1,
            "{}: one textbook call",
            persona.id
        );
        assert!(mine.iter().any(|c| c.tag.starts_with("breach")), "{}: breach calls", persona.id);
    }
}

#[test]
fn invoice_numbers_are_unique_across_the_library_and_follow_issue_dates() {
    let mut invoices: Vec<(chrono::NaiveDate, String, String)> = bundled()
        .iter()
        .filter(|p| p.language == Language::En)
        .flat_map(|p| p.case_file.invoices.iter().map(|i| (i.issued, i.number.clone(), p.id.0.clone())))
        .collect();
    invoices.sort();
    let mut seen = std::collections::HashSet::new();
    for (issued, number, persona) in &invoices {
        assert!(seen.insert(number.clone()), "{number} ({persona}) is used twice");
        let month = format!("FV/{}/", issued.format("%Y/%m"));
        assert!(number.starts_with(&month), "{number} ({persona}) was issued on {issued}");
    }
    for pair in invoices.windows(2) {
        let ((d1, n1, p1), (d2, n2, p2)) = (&pair[0], &pair[1]);
        if d1.format("%Y%m").to_string() == d2.format("%Y%m").to_string() {
            assert!(n1 < n2, "{n1} ({p1}, {d1}) and {n2} ({p2}, {d2}) are out of date order");
        }
    }
}
