//! Large, valid persona files generated from a size and a seed, for benchmarks and stress
//! tests (loading, validation, analysis, random play). Not trainer content: the text is
//! short (about 550 bytes a node, where hand-written personas run near 2 KB), so that a
//! benchmark measures the structure, not the volume of prose.
//!
//! The graph moves forward (node `i` leads to `i+1`, a random jump ahead, and a
//! mood-conditioned shortcut), with a loop back every 97 nodes, mood-tilted random branches,
//! a ploy every few nodes, and four endings at the end, so that every node is reachable and
//! every node can reach an ending: it passes validation with no diagnostics.

use std::fmt::Write;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const ENDINGS: [(&str, &str); 4] = [
    ("PaymentPlan", "SendAgreement"),
    ("PromiseToPay", "MonitorPayment"),
    ("EscalatedToLegal", "HandToLegal"),
    ("DebtorHungUp", "ScheduleCallBack"),
];

const PLOYS: [&str; 5] = ["Stalling", "FalsePromise", "Distraction", "SobStory", "Intimidation"];

/// RON text of a persona with `nodes` nodes (at least 8), whose portrait is `portrait`
/// (relative to the assets folder).
pub fn persona_text(nodes: usize, seed: u64, portrait: &str) -> String {
    let nodes = nodes.max(8);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut out = String::with_capacity(nodes * 560);
    let talk = nodes - ENDINGS.len();
    let _ = write!(
        out,
        r#"Persona(
    format: 1,
    id: "synthetic-{nodes}",
    name: "Synthetic Debtor",
    company: "Generated sp. z o.o.",
    archetype: Evasive,
    difficulty: 3,
    language: "en",
    description: "A generated persona of {nodes} nodes for benchmarks.",
    portraits: [Portrait(expression: Calm, image: "{portrait}")],
    case_file: CaseFile(
        call_date: "2026-11-23",
        debtor: Debtor(company: "Generated sp. z o.o.", legal_form: "sp. z o.o.", contact: "Jan Test", role: "Owner", phone: "+48 600 000 000"),
        amount: 10000.00,
        currency: "PLN",
        relationship: "Generated.",
        mandate: "Generated.",
        goal: "Generated.",
    ),
    target: Target(
        outcomes: {{ PaymentPlan: 85, PromiseToPay: 60, EscalatedToLegal: 20, DebtorHungUp: 0 }},
        style_zone: StyleZone(empathy: (0.0, 1.0), firmness: (0.25, 1.0)),
        turn_budget: 20,
        reply_time_limit: 30,
        assessment_seed: {seed},
    ),
    moods: {{ "trust": 50, "anger": 30, "willingness": 40 }},
    start: "n0",
    nodes: {{
"#
    );
    let node = |i: usize| format!("n{}", i.min(nodes - 1));
    for i in 0..talk {
        let jump = node(i + rng.random_range(2..12usize));
        let shortcut = node(i + rng.random_range(3..30usize));
        let back = if i % 97 == 96 { node(i - 5) } else { node(i + 1) };
        let (ploy, handling) = if i % 4 == 0 {
            (format!("ploy: {}, ", PLOYS[i % PLOYS.len()]), "ploy: Countered, ")
        } else {
            (String::new(), "")
        };
        let (e1, f1) = (rng.random_range(-2..=2), rng.random_range(-2..=2));
        let _ = write!(
            out,
            r#"        "n{i}": Node(
            says: ["Debtor line {i}.", (text: "Variant {i}.", weight: 2)],
            {ploy}replies: [
                Reply(text: "Firm ask {i}.", empathy: 1, firmness: 1, effects: {{ "trust": 3 }}, {handling}next: Goto("{next}")),
                Reply(text: "Reply {i}.", empathy: {e1}, firmness: {f1}, sets: ["seen{flag}"], next: Random([Branch(to: "{jump}", weight: 5, tilt: {{ "trust": 0.1 }}), Branch(to: "{back}", weight: 3)])),
                Reply(text: "Shortcut {i}.", empathy: 2, firmness: 0, when: All([MoodAtLeast("trust", 40), NotFlag("seen{flag}")]), next: Goto("{shortcut}")),
            ],
        ),
"#,
            next = node(i + 1),
            flag = i % 16,
        );
    }
    for (k, (outcome, step)) in ENDINGS.iter().enumerate() {
        let _ = writeln!(
            out,
            r#"        "n{}": Node(says: ["Ending {outcome}."], ending: Ending(outcome: {outcome}, next_step: {step}, summary: "Generated ending.")),"#,
            talk + k
        );
    }
    out.push_str("    },\n)\n");
    out
}

/// A 1x1 grey PNG: the portrait generated personas name, for tests and benchmarks.
pub const PORTRAIT_PNG: &[u8] = &[
    137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 31,
    21, 196, 137, 0, 0, 0, 13, 73, 68, 65, 84, 120, 156, 99, 104, 104, 104, 248, 15, 0, 5, 132, 2, 128, 140,
    205, 102, 38, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
];

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::assets::MemoryAssets;
    use crate::load::load_bytes;

    #[test]
    fn a_generated_persona_loads_without_diagnostics() {
        let assets = MemoryAssets::new("assets").with("calm.png", PORTRAIT_PNG);
        let text = persona_text(300, 1, "calm.png");
        let loaded = load_bytes(Path::new("synthetic.ron"), text.as_bytes(), &assets);
        assert!(loaded.diagnostics.is_empty(), "{}", loaded.render());
        assert_eq!(loaded.persona.map(|p| p.nodes.len()), Some(300));
        let decoded =
            crate::portrait::decode_pixels(Path::new("calm.png"), PORTRAIT_PNG).expect("a real PNG");
        assert_eq!((decoded.width, decoded.height), (1, 1));
    }
}
