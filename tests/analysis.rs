//! The analysis on small personas whose answers are known by hand, and the DOT export.

use std::path::Path;
use std::process::Command;

use settle_core::analysis::{Bounds, NaivePlayer, analyze};
use settle_core::call::Choice;
use settle_core::load::load_bytes;
use settle_core::outcome::Outcome;
use settle_core::persona::ReplyIdx;
use settle_store::library::FolderAssets;

use crate::common::good;

fn bounds() -> Bounds {
    Bounds { seeds: 200, ..Bounds::default() }
}

#[test]
fn minimal_endings_paths_and_scores() {
    let a = analyze(&good("minimal"), bounds());
    assert!(a.states_complete && a.score_complete);
    let promise = a.endings.iter().find(|e| e.node.0 == "end_promise").expect("listed");
    let path = promise.path.as_ref().expect("reached");
    let choices: Vec<_> = path.iter().map(|s| (s.node.0.as_str(), s.choice)).collect();
    assert_eq!(choices, [("opening", Choice::Reply(ReplyIdx(0))), ("promise", Choice::Reply(ReplyIdx(0)))]);
    let hung_up = a.endings.iter().find(|e| e.node.0 == "hung_up").expect("listed");
    assert_eq!(hung_up.path.as_ref().map(Vec::len), Some(1));
    // Best: the promise in two turns inside the zone. Worst: the threat, worked out in
    // tests/engine.rs as 23.8.
    assert_eq!(a.best.as_ref().map(|b| (b.total, b.ending.0.as_str())), Some((100.0, "end_promise")));
    assert_eq!(a.worst.as_ref().map(|w| (w.total, w.ending.0.as_str())), Some((23.8, "hung_up")));
    assert_eq!(a.target_outcome, Some(Outcome::PromiseToPay));
    assert!(a.target_in_zone);
    assert!(a.never_offered.is_empty());
    for naive in &a.naive {
        // Both naive players pick reply 1 at the opening (most empathy; firmness ties, then empathy).
        assert_eq!(naive.endings.get("end_promise"), Some(&1.0), "{:?}", naive.player);
    }
}

#[test]
fn random_branches_and_flags_are_explored() {
    let a = analyze(&good("branching"), bounds());
    assert!(a.states_complete);
    let plan = a.endings.iter().find(|e| e.node.0 == "plan").expect("listed");
    let path = plan.path.as_ref().expect("reached");
    // Straight from the opening's first reply, when the random draw goes to the plan.
    assert_eq!(path.len(), 1);
    assert_eq!(path[0].branch.as_ref().map(|b| b.0.as_str()), Some("plan"));
    assert!(a.never_offered.is_empty(), "{:?}", a.never_offered);
    let firm = a.naive.iter().find(|n| n.player == NaivePlayer::AllFirm).expect("simulated");
    let total: f64 = firm.endings.values().sum();
    assert!((total - 1.0).abs() < 1e-9);
}

#[test]
fn a_reply_whose_condition_never_holds_is_reported() {
    let text = std::fs::read_to_string("tests/data/good/minimal.ron").expect("read");
    // Trust starts at 60 and only rises by 10 on the way to `promise`: 95 is never reached.
    let text = text.replace(
        "text: \"Thank you. So 1,200",
        "text: \"Only with high trust.\", empathy: 2, firmness: 0, when: MoodAtLeast(\"trust\", 95), next: Goto(\"end_promise\")),\n                Reply(text: \"Thank you. So 1,200",
    );
    let loaded =
        load_bytes(Path::new("x.ron"), text.as_bytes(), &FolderAssets::new(Path::new("tests/data/assets")));
    let rendered = loaded.render();
    let persona = loaded.persona.unwrap_or_else(|| panic!("{rendered}"));
    let a = analyze(&persona, bounds());
    let never: Vec<_> = a.never_offered.iter().map(|(n, r)| (n.0.as_str(), r.0)).collect();
    assert_eq!(never, [("promise", 0)]);
}

#[test]
fn the_graph_is_valid_dot() {
    let out = Command::new(env!("CARGO_BIN_EXE_settle"))
        .args(["--dialogues", "tests/data/good", "--assets", "tests/data/assets", "graph", "branching"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let dot = String::from_utf8(out.stdout).expect("utf-8");
    assert!(dot.starts_with("digraph \"branching\" {"), "{dot}");
    assert!(dot.contains("\"opening\" -> \"plan\""), "{dot}");
    assert!(dot.contains("style=dashed"), "random branches are dashed");
    // Graphviz itself must accept it (.ci/setup installs it).
    let mut child = Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("Graphviz `dot` is installed (run .ci/setup)");
    std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), dot.as_bytes()).expect("write");
    let result = child.wait_with_output().expect("dot finishes");
    assert!(result.status.success(), "{}", String::from_utf8_lossy(&result.stderr));
    assert!(String::from_utf8_lossy(&result.stdout).contains("<svg"));
}
