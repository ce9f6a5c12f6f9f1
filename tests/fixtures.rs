//! Deliberately broken persona files: each yields exactly one precise diagnostic, written in
//! `tests/data/bad/NAME.expected` as `file:line:column: level[code]: message (hint: ...)`.
//! Run with `UPDATE_EXPECT=1` to rewrite the expectations after a deliberate change.

use std::fs;
use std::path::Path;

use settle_store::library::{load_dir, load_file};

#[test]
fn every_broken_file_yields_its_one_expected_diagnostic() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut checked = 0;
    let mut failures = Vec::new();
    let mut paths: Vec<_> = fs::read_dir("tests/data/bad")
        .expect("tests/data/bad exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    paths.sort();
    for path in paths {
        let loaded = load_file(&path, Path::new("tests/data/assets"));
        assert!(loaded.persona.is_none() || loaded.errors() == 0, "{}", path.display());
        let lines: Vec<String> = loaded.diagnostics.iter().map(|d| d.to_string()).collect();
        let got = lines.join("\n") + "\n";
        let expected_path = path.with_extension("expected");
        if update {
            fs::write(&expected_path, &got).expect("write expectation");
        }
        let expected = fs::read_to_string(&expected_path).unwrap_or_default();
        if lines.len() != 1 || got != expected {
            failures.push(format!("{}:\n  expected: {expected}  got:      {got}", path.display()));
        }
        // The rendering shows the offending source line and never panics.
        let rendered = loaded.render();
        assert!(rendered.contains(&path.display().to_string()), "{rendered}");
        checked += 1;
    }
    assert!(checked >= 25, "only {checked} broken files");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_broken_file_does_not_stop_the_others_loading() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::copy("tests/data/good/minimal.ron", dir.path().join("a_good.ron")).expect("copy");
    fs::copy("tests/data/bad/missing_comma.ron", dir.path().join("b_bad.ron")).expect("copy");
    fs::write(dir.path().join("c_empty.ron"), "").expect("write");
    let library = load_dir(dir.path(), Path::new("tests/data/assets")).expect("load");
    assert_eq!(library.files.len(), 3);
    assert_eq!(library.personas().count(), 1);
    assert_eq!(library.find("minimal").map(|p| p.name.as_str()), Some("Jan Nowak"));
    assert_eq!(library.errors(), 2);
}

#[test]
fn a_persona_id_used_twice_is_an_error_in_the_second_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::copy("tests/data/good/minimal.ron", dir.path().join("a.ron")).expect("copy");
    fs::copy("tests/data/good/minimal.ron", dir.path().join("b.ron")).expect("copy");
    let library = load_dir(dir.path(), Path::new("tests/data/assets")).expect("load");
    assert_eq!(library.personas().count(), 1);
    let second = &library.files[1];
    assert_eq!(second.diagnostics.len(), 1);
    let d = &second.diagnostics[0];
    assert_eq!(d.problem.code(), "duplicate-persona");
    assert_eq!((d.line, d.column), (4, 9));
    assert!(d.to_string().contains("a.ron"), "{d}");
}

#[test]
fn an_oversized_file_is_refused_unread() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("huge.ron");
    let file = fs::File::create(&path).expect("create");
    file.set_len(settle_core::load::MAX_FILE_BYTES + 1).expect("sparse file");
    let loaded = load_file(&path, Path::new("tests/data/assets"));
    assert_eq!(loaded.diagnostics.len(), 1);
    assert_eq!(loaded.diagnostics[0].problem.code(), "too-large");
    assert!(loaded.text.is_empty());
}

#[test]
fn a_portrait_link_leading_out_of_assets_is_refused() {
    let assets = tempfile::tempdir().expect("tempdir");
    let dir = assets.path().join("portraits/minimal");
    fs::create_dir_all(&dir).expect("mkdir");
    std::os::unix::fs::symlink("/etc/hostname", dir.join("calm.png")).expect("symlink");
    let loaded = load_file(Path::new("tests/data/good/minimal.ron"), assets.path());
    let codes: Vec<_> = loaded.diagnostics.iter().map(|d| d.problem.code()).collect();
    assert_eq!(codes, ["portrait-outside-assets"]);
}

#[test]
fn the_minimal_persona_in_the_authoring_guide_loads_cleanly() {
    let guide = fs::read_to_string("docs/authoring.md").expect("docs/authoring.md exists");
    let start = guide.find("```ron\n").expect("a ron block") + "```ron\n".len();
    let end = start + guide[start..].find("```").expect("closed block");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("first-persona.ron");
    fs::write(&path, &guide[start..end]).expect("write");
    let loaded = load_file(&path, Path::new("assets"));
    assert!(loaded.diagnostics.is_empty(), "{}", loaded.render());
    assert!(loaded.persona.is_some());
}

/// A persona of `points` decision nodes where the right reply is `right` and the wrong ones
/// (threats) are `wrong`.
fn decisions(points: usize, right: &str, wrong: &[&str]) -> String {
    let base = fs::read_to_string("tests/data/good/minimal.ron").expect("minimal");
    let mut nodes = String::new();
    for i in 0..points {
        let next = if i + 1 == points { "promise".to_string() } else { format!("d{}", i + 1) };
        nodes.push_str(&format!(
            r#""d{i}": Node(says: ["Well?"], replies: [
                Reply(text: "{right}", empathy: 1, firmness: 1, next: Goto("{next}")),
                {threats}
            ]),
            "#,
            threats = wrong
                .iter()
                .map(|w| format!(
                    r#"Reply(text: "{w}", empathy: -2, firmness: 2, violation: Violation(kind: Threat, severity: Major), next: Goto("hung_up")),"#
                ))
                .collect::<String>()
        ));
    }
    // The opening stays reachable (so no other warning): its promise path leads into d0.
    base.replace("nodes: {", &format!("nodes: {{\n{nodes}")).replacen(
        "next: Goto(\"promise\")",
        "next: Goto(\"d0\")",
        1,
    )
}

#[test]
fn a_persona_whose_best_replies_are_the_longest_is_warned_of_giving_the_answer_away() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tells.ron");
    let long = "I understand, and to be precise: the invoice was due on 15 October; can you pay today?";
    fs::write(&path, decisions(12, long, &["Pay now.", "Or else."])).expect("write");
    let loaded = load_file(&path, Path::new("tests/data/assets"));
    let codes: Vec<_> = loaded.diagnostics.iter().map(|d| d.problem.code()).collect();
    assert!(codes.contains(&"answer-by-form"), "{}", loaded.render());
    assert!(loaded.render().contains("the best reply is also the longest"), "{}", loaded.render());
    // Right replies neither the longest nor the shortest: a wrong one is longer, another shorter.
    let tempting =
        "I understand, and to be precise: pay today, or our people will visit you at home tonight.";
    fs::write(&path, decisions(12, "When exactly can you pay the full amount?", &[tempting, "Pay now."]))
        .expect("write");
    let loaded = load_file(&path, Path::new("tests/data/assets"));
    assert!(loaded.diagnostics.iter().all(|d| d.problem.code() != "answer-by-form"), "{}", loaded.render());
}
