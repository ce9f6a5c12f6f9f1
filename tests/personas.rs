//! The bundled personas, played to each of their endings by scripted replies, with the exact
//! score a correct wrap-up earns. Reply numbers are positions among the replies on offer
//! (1-based); `s` is silence, as on the command line.

use std::sync::Arc;

use settle::core::Persona;
use settle::core::call::{Choice, EndReason, Mode};
use settle::core::engine::CallEngine;
use settle::core::format::Language;
use settle::core::load::load_dir;
use settle::core::scoring::score;
use settle::core::wrapup::WrapUp;

use crate::common::bundled;

/// (persona, mode, seed, replies, ending node, total, passed)
type Path = (&'static str, Mode, u64, &'static str, &'static str, f64, bool);

const PATHS: &[Path] = &[
    // Tomasz: cooperative partner with a cash-flow gap.
    ("tomasz-partner", Mode::Practice, 1, "1,1,1,1,1,s,1,1,1,1,s,1,1,1", "end_plan", 100.0, true),
    ("tomasz-partner", Mode::Practice, 1, "1,1,1,1,1,s,1,1,1,3,1", "end_two_step", 100.0, true),
    ("tomasz-partner", Mode::Practice, 1, "1,1,1,1,1,s,1,1,1,1,s,4", "end_promise", 73.0, false),
    ("tomasz-partner", Mode::Practice, 1, "1,1,1,1,1,s,1,3", "end_hopeful", 68.0, false),
    ("tomasz-partner", Mode::Practice, 1, "1,1,1,1,1,s,3,1,1,4,2", "end_goodwill", 68.0, false),
    ("tomasz-partner", Mode::Practice, 1, "1,1,1,1,1,2,3", "end_settled", 54.0, false),
    ("tomasz-partner", Mode::Practice, 1, "1,1,1,4,2", "end_dispute", 55.3, false),
    ("tomasz-partner", Mode::Practice, 11, "1,1,3,3,3,3,4,2", "end_legal", 40.5, false),
    ("tomasz-partner", Mode::Practice, 1, "1,1,1,1,4,3,4,3", "end_hung_up", 27.2, false),
    ("tomasz-partner", Mode::Practice, 2, "3,2", "end_hung_up", 12.2, false),
    ("tomasz-partner", Mode::Practice, 1, "1,1,2,3", "end_brushoff", 40.8, false),
    // Katarzyna: evasive, stalls and passes the buck.
    ("katarzyna-evasive", Mode::Practice, 1, "2,2,5,2,4,4,5,s,3,4", "end_ptp_full", 100.0, true),
    ("katarzyna-evasive", Mode::Assessment, 0, "2,2,5,3,4,5,s,3,4", "end_ptp_full", 100.0, true),
    ("katarzyna-evasive", Mode::Practice, 28, "2,2,2,5,2,3,5,s,3,3,4", "end_ptp_full", 100.0, true),
    ("katarzyna-evasive", Mode::Practice, 2, "2,2,5,2,5,s,3,2", "end_ptp_monday", 95.9, true),
    ("katarzyna-evasive", Mode::Practice, 5, "2,2,5,2,5,s,3,3", "end_plan", 94.0, true),
    ("katarzyna-evasive", Mode::Practice, 4, "2,2,5,2,3,4,5,s,3,3", "end_plan3", 94.0, true),
    ("katarzyna-evasive", Mode::Practice, 1, "2,2,5,4,2,4,3,2,1", "end_partial", 67.1, false),
    ("katarzyna-evasive", Mode::Practice, 1, "2,2,1,2,5,1,5,1", "end_partial_plan", 67.6, false),
    ("katarzyna-evasive", Mode::Practice, 1, "2,1,1", "end_open_promise", 35.0, false),
    ("katarzyna-evasive", Mode::Practice, 1, "2,2,5,1", "end_passed_on", 57.0, false),
    ("katarzyna-evasive", Mode::Practice, 3, "2,2,5,1", "end_resend", 55.8, false),
    ("katarzyna-evasive", Mode::Practice, 1, "2,3,2,4,3", "end_legal", 60.3, false),
    ("katarzyna-evasive", Mode::Practice, 38, "2,2,4,3,2,4,2,6,s,3,3,3", "end_legal", 70.0, true),
    ("katarzyna-evasive", Mode::Practice, 1, "2,2,5,5", "end_hung_up_threat", 37.5, false),
    ("katarzyna-evasive", Mode::Practice, 5, "3,2", "end_hung_up_disclosed", 26.7, false),
    ("katarzyna-evasive", Mode::Practice, 2, "2,2,5,2,s", "end_hung_up_pressed", 60.0, false),
    ("katarzyna-evasive", Mode::Practice, 1, "s", "end_hung_up_silent", 33.3, false),
    // Robert: aggressive, intimidates, disputes late, says "sue me".
    ("robert-aggressive", Mode::Practice, 1, "2,2,3,3,4,3,3,3,3,2,2", "end_paid_now", 100.0, true),
    ("robert-aggressive", Mode::Practice, 5, "2,2,2,2,2,3,4,3,3,3,2,3,3,3", "end_promise_full", 98.3, true),
    ("robert-aggressive", Mode::Practice, 2, "2,2,2,3,3,4,3,3,3,3,3,2", "end_plan", 91.3, true),
    ("robert-aggressive", Mode::Practice, 16, "2,2,2,2,3,4,3,3,2", "end_legal", 77.3, true),
    ("robert-aggressive", Mode::Practice, 4, "2,2,2,3,3,4,3,3,2,3", "end_polite_close", 77.3, true),
    ("robert-aggressive", Mode::Practice, 1, "2,2,3,3,4,5", "end_legal", 73.5, false),
    ("robert-aggressive", Mode::Practice, 1, "2,2,3,3,3,4", "end_polite_close", 72.4, false),
    ("robert-aggressive", Mode::Practice, 1, "2,2,3,3,4,3,3,3,s,1", "end_plan_loose", 71.3, false),
    ("robert-aggressive", Mode::Practice, 7, "2,2,2,3,4,2", "end_resend", 64.8, false),
    ("robert-aggressive", Mode::Practice, 1, "2,2,3,3,5", "end_dispute", 58.6, false),
    ("robert-aggressive", Mode::Practice, 1, "2,2,1,2", "end_trap", 45.0, false),
    ("robert-aggressive", Mode::Practice, 1, "2,2,3,3,4,4", "end_arrest", 43.1, false),
    ("robert-aggressive", Mode::Practice, 1, "3,1", "end_no_contact", 35.3, false),
    ("robert-aggressive", Mode::Practice, 1, "2,1,1", "end_brushed_off", 32.3, false),
    ("robert-aggressive", Mode::Practice, 1, "2,2,2", "end_hung_up", 30.0, false),
    ("robert-aggressive", Mode::Assessment, 0, "2,2,2,3,3,4,3,3,4,4,3", "end_promise_full", 98.3, true),
    // Grzegorz: "take me to court", cold and legalistic.
    ("grzegorz-sue-me", Mode::Practice, 7, "1,1,1,s,2,2,2,5,2,2,1", "end_paid_now", 100.0, true),
    ("grzegorz-sue-me", Mode::Practice, 10, "1,1,1,s,2,2,2,1,4,2,1", "end_paid_now", 100.0, true),
    ("grzegorz-sue-me", Mode::Practice, 1, "1,1,1,s,2,2,1,4,2", "end_promise_full", 96.5, true),
    ("grzegorz-sue-me", Mode::Assessment, 0, "1,2,1,1,s,2,2,2,1,4,2", "end_promise_full", 96.5, true),
    ("grzegorz-sue-me", Mode::Practice, 3, "1,1,1,s,2,2,1,5,2,3,2", "end_settlement", 94.8, true),
    ("grzegorz-sue-me", Mode::Practice, 2, "1,2,1,1,s,2,2,1,5,2,1", "end_plan_loose", 71.6, false),
    ("grzegorz-sue-me", Mode::Practice, 1, "1,1,1,s,2,2,1,1,2", "end_trap", 65.7, false),
    ("grzegorz-sue-me", Mode::Practice, 6, "1,2,1,1,s,2,2,1,5,1", "end_discount", 67.8, false),
    ("grzegorz-sue-me", Mode::Practice, 7, "1,1,1,s,2,1", "end_dispute", 51.5, false),
    ("grzegorz-sue-me", Mode::Practice, 1, "1,1,1,s,1,1", "end_lawyer", 44.2, false),
    ("grzegorz-sue-me", Mode::Practice, 2, "1,1,1", "end_put_off", 35.8, false),
    ("grzegorz-sue-me", Mode::Practice, 3, "1,1,1,s,2,2,1,3,2", "end_legal", 77.3, true),
    ("grzegorz-sue-me", Mode::Practice, 1, "1,1,1,s,2,5", "end_legal_quick", 68.8, false),
    ("grzegorz-sue-me", Mode::Practice, 2, "1,2,1,1,s,2,2,1,2", "end_hung_up", 42.0, false),
    ("grzegorz-sue-me", Mode::Practice, 1, "1,s", "end_hung_up", 45.9, false),
    ("grzegorz-sue-me", Mode::Practice, 1, "1,1,1,s,2,4", "end_false_threat", 41.3, false),
    ("grzegorz-sue-me", Mode::Practice, 1, "3", "end_wrong_party", 35.3, false),
    // Marta: the serial promiser.
    ("marta-serial-promiser", Mode::Practice, 7, "2,1,3,2,4,s,2,1", "end_paid_full", 100.0, true),
    ("marta-serial-promiser", Mode::Assessment, 0, "2,1,1,3,2,4,s,2,1", "end_paid_full", 100.0, true),
    ("marta-serial-promiser", Mode::Practice, 1, "2,1,3,2,3,4,1,1", "end_plan_proof", 96.0, true),
    ("marta-serial-promiser", Mode::Practice, 1, "1,1,3,2,2,4,s,4,1,1", "end_plan_proof", 88.0, false),
    ("marta-serial-promiser", Mode::Practice, 1, "1,1,3,2,4,3,1,1", "end_partial", 52.0, false),
    ("marta-serial-promiser", Mode::Practice, 4, "2,1,3,2,3,4,3,1,2,1", "end_plan", 96.0, true),
    ("marta-serial-promiser", Mode::Practice, 3, "2,2,2,3,3,2,1,3,1", "end_plan", 96.0, true),
    ("marta-serial-promiser", Mode::Practice, 84, "2,2,2,3,3,2,3", "end_final_demand", 78.0, true),
    ("marta-serial-promiser", Mode::Practice, 1, "2,1,3,2,3,1", "end_partial", 65.5, false),
    ("marta-serial-promiser", Mode::Practice, 1, "2,1,3,2,3,4,2,1", "end_plan_verbal", 62.0, false),
    ("marta-serial-promiser", Mode::Practice, 1, "2,1,4,4,4", "end_final_demand", 69.7, false),
    ("marta-serial-promiser", Mode::Practice, 1, "2,1,3,5,1", "end_promise_open", 53.0, false),
    ("marta-serial-promiser", Mode::Practice, 1, "2,1,3,1", "end_callback", 55.0, false),
    ("marta-serial-promiser", Mode::Practice, 1, "2,1,1", "end_promise_friday", 47.3, false),
    ("marta-serial-promiser", Mode::Practice, 1, "2,1,4,s", "end_hung_up", 47.5, false),
    ("marta-serial-promiser", Mode::Practice, 1, "2,1,5,5", "end_hung_up_threat", 32.5, false),
    ("marta-serial-promiser", Mode::Practice, 5, "2,3", "end_disclosed", 33.3, false),
    ("marta-serial-promiser", Mode::Practice, 5, "2,4", "end_message_left", 42.2, false),
    // Jan: real hardship after a heart attack.
    ("jan-hardship", Mode::Practice, 1, "2,3,2,3,2,4,2,2,2,3,2,3,2,2,2", "end_plan", 100.0, true),
    ("jan-hardship", Mode::Practice, 2, "2,3,2,3,2,4,2,2,2,3,2,2,3,2,2,2", "end_plan", 100.0, true),
    ("jan-hardship", Mode::Practice, 1, "2,3,2,3,2,3,s,2,4,3,2,3,2,2,2", "end_plan", 100.0, true),
    ("jan-hardship", Mode::Assessment, 0, "2,3,2,3,2,4,2,2,2,4,3,2,3,2,2,2", "end_plan", 100.0, true),
    ("jan-hardship", Mode::Practice, 1, "2,3,2,1,4,2", "end_pause", 76.0, true),
    ("jan-hardship", Mode::Practice, 1, "2,3,2,3,2,4,2,1", "end_son_promise", 66.0, false),
    ("jan-hardship", Mode::Practice, 1, "2,3,2,3,2,5", "end_goodwill", 73.3, false),
    ("jan-hardship", Mode::Practice, 1, "2,3,2,3,2,4,4", "end_goodwill", 73.3, false),
    ("jan-hardship", Mode::Practice, 1, "2,3,2,3,2,4,2,2,2,3,4", "end_written_off", 68.0, false),
    ("jan-hardship", Mode::Practice, 1, "2,3,2,3,4,1", "end_statement", 60.4, false),
    ("jan-hardship", Mode::Practice, 1, "2,2", "end_brushoff", 48.9, false),
    ("jan-hardship", Mode::Practice, 1, "2,3,2,1,2", "end_brushoff", 49.0, false),
    ("jan-hardship", Mode::Practice, 1, "2,3,2,3,2,4,2,2,2,3,3,1", "end_legal", 45.5, false),
    ("jan-hardship", Mode::Practice, 1, "2,3,2,3,2,4,3,3", "end_hung_up", 27.4, false),
    ("jan-hardship", Mode::Practice, 2, "4,1", "end_hung_up", 11.1, false),
    ("jan-hardship", Mode::Practice, 1, "2,3,2,3,2,4,3,2", "end_too_unwell", 46.1, false),
    ("jan-hardship", Mode::Practice, 2, "2,3,2,3,2,4,3,2,3,2,2,3,2,2,2", "end_plan", 92.0, false),
    // Paweł: the late disputer (warped oak), a sole trader.
    ("pawel-late-dispute", Mode::Practice, 7, "2,2,4,2,3,4,2,2", "end_paid_now", 100.0, true),
    ("pawel-late-dispute", Mode::Practice, 13, "2,2,3,4,2,2,3,4,2,2", "end_paid_now", 100.0, true),
    ("pawel-late-dispute", Mode::Practice, 1, "2,2,3,4,2,3,4,3", "end_promise_full", 98.3, true),
    ("pawel-late-dispute", Mode::Practice, 7, "2,2,4,2,3,4,1", "end_paid_unconfirmed", 98.3, true),
    ("pawel-late-dispute", Mode::Practice, 2, "2,2,4,3,2,4,2,2", "end_plan", 93.0, true),
    ("pawel-late-dispute", Mode::Practice, 1, "2,2,3,4,2,3,2,s,3,s,2,2", "end_plan", 90.9, true),
    ("pawel-late-dispute", Mode::Assessment, 0, "2,2,4,2,2,4,2,2", "end_plan", 93.0, true),
    ("pawel-late-dispute", Mode::Practice, 5, "2,2,2,2,4,2,2,3,4", "end_legal", 75.5, true),
    ("pawel-late-dispute", Mode::Practice, 1, "2,2,3,4,2,3,2,5", "end_legal", 71.8, false),
    ("pawel-late-dispute", Mode::Practice, 1, "2,2,3,4,2,3,3,1", "end_plan_loose", 71.3, false),
    ("pawel-late-dispute", Mode::Practice, 1, "2,2,3,4,2,3,1", "end_trap", 70.8, false),
    ("pawel-late-dispute", Mode::Practice, 1, "2,2,3,1,1", "end_trap", 56.8, false),
    ("pawel-late-dispute", Mode::Practice, 1, "2,2,3,4,2,1", "end_resend", 64.8, false),
    ("pawel-late-dispute", Mode::Practice, 1, "2,2,3,5", "end_dispute", 55.8, false),
    ("pawel-late-dispute", Mode::Practice, 1, "2,2,3,4,2,3,2,4", "end_fraud_threat", 41.3, false),
    ("pawel-late-dispute", Mode::Practice, 1, "1,1,2,4,3,2,3,4,3", "end_promise_full", 78.3, false),
    ("pawel-late-dispute", Mode::Practice, 1, "2,2,3,3,2", "end_hung_up", 49.3, false),
    ("pawel-late-dispute", Mode::Practice, 1, "1,1,3", "end_hung_up", 35.3, false),
    ("pawel-late-dispute", Mode::Practice, 1, "3,1", "end_no_contact", 35.3, false),
    ("pawel-late-dispute", Mode::Practice, 1, "2,1,1", "end_brushed_off", 32.3, false),
    // Agnieszka: the gatekeeper; the debtor is Krzysztof Zając.
    ("agnieszka-gatekeeper", Mode::Practice, 1, "1,1,1,1,1,1,2,2,s,2,1", "end_paid_now", 100.0, true),
    ("agnieszka-gatekeeper", Mode::Assessment, 0, "1,2,2,1,1,2,2,s,2,1", "end_paid_now", 100.0, true),
    ("agnieszka-gatekeeper", Mode::Practice, 1, "1,1,1,1,1,1,2,2,s,1,1", "end_promise", 98.0, true),
    ("agnieszka-gatekeeper", Mode::Practice, 3, "1,1,2,1,1,1,2,2,s,2,1", "end_plan", 92.0, true),
    ("agnieszka-gatekeeper", Mode::Practice, 7, "1,1,1,1", "end_callback", 76.0, true),
    ("agnieszka-gatekeeper", Mode::Practice, 3, "1,1,3,2", "end_callback", 76.0, true),
    ("agnieszka-gatekeeper", Mode::Practice, 75, "1,1,2,1,1,1,2,2,s,2,1", "end_final_demand", 76.0, true),
    ("agnieszka-gatekeeper", Mode::Practice, 1, "1,1,1,1,1,1,2,2,2,4,2", "end_final_demand", 72.8, false),
    ("agnieszka-gatekeeper", Mode::Practice, 1, "1,1,1,1,1,1,2,2,2,1", "end_partial", 65.5, false),
    ("agnieszka-gatekeeper", Mode::Practice, 1, "1,1,1,1,1,1,1", "end_open", 60.3, false),
    ("agnieszka-gatekeeper", Mode::Practice, 1, "1,1,3", "end_no_contact", 66.2, false),
    ("agnieszka-gatekeeper", Mode::Practice, 3, "1,1,1", "end_no_contact", 66.2, false),
    // The warmest player's trap: a message "about his account" left with her, then "call back sometime".
    ("agnieszka-gatekeeper", Mode::Practice, 1, "1,4,1,3", "end_no_contact", 58.3, false),
    ("agnieszka-gatekeeper", Mode::Practice, 2, "1,1,1", "end_emailed", 42.8, false),
    ("agnieszka-gatekeeper", Mode::Practice, 1, "3,1,1", "end_disclosed", 23.5, false),
    ("agnieszka-gatekeeper", Mode::Practice, 1, "1,1,2,1,1", "end_disclosed", 27.5, false),
    ("agnieszka-gatekeeper", Mode::Practice, 1, "1,1,1,1,1,1,2,5,3", "end_hung_up", 31.7, false),
    ("agnieszka-gatekeeper", Mode::Practice, 1, "s", "end_silent", 42.0, false),
];

fn play(persona: &Arc<Persona>, mode: Mode, seed: u64, replies: &str) -> CallEngine {
    let seed = mode.seed(persona, seed);
    let (mut engine, _) = CallEngine::start(Arc::clone(persona), mode, seed);
    for step in replies.split(',') {
        let result = match step {
            "s" => engine.apply(Choice::Silence),
            n => engine.choose_listed(n.parse().expect("a number")),
        };
        result.unwrap_or_else(|e| panic!("{}: step {step} of {replies}: {e}", persona.id));
    }
    engine
}

#[test]
fn every_ending_is_reached_with_its_exact_score() {
    let personas = bundled();
    let mut failures = Vec::new();
    for &(id, mode, seed, replies, ending, total, passed) in PATHS {
        // The persona plays the same in every language.
        let variants: Vec<_> = personas.iter().filter(|p| p.id.0 == id).collect();
        assert!(!variants.is_empty(), "{id} is bundled");
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
                    "{} seed {seed} [{replies}]: expected {ending} {total} {passed}, got {reached} {} {}",
                    persona.id, card.total, card.passed
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
        let covered: Vec<&str> = PATHS.iter().filter(|p| p.0 == persona.id.0).map(|p| p.4).collect();
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
            settle::core::persona::Next::Random(branches) => branches.iter().any(|b| !b.tilt.is_empty()),
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
    use settle::core::analysis::{NaivePlayer, simulate};
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
