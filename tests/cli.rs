//! The `settle` binary end to end: check, play (scripted and piped), replay.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn settle(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_settle")).args(args).output().expect("settle runs")
}

fn text(out: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

#[test]
fn check_passes_on_the_bundled_dialogues() {
    let out = settle(&["check", "dialogues"]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains(": 0 error(s), 0 warning(s)"), "{}", text(&out));
}

#[test]
fn check_fails_with_located_diagnostics_on_broken_files() {
    let out = settle(&["check", "tests/data/bad", "--assets", "tests/data/assets"]);
    assert_eq!(out.status.code(), Some(1));
    let all = text(&out);
    assert!(all.contains("tests/data/bad/unknown_target.ron:"), "{all}");
    assert!(all.contains("= hint: did you mean `end_promise`?"), "{all}");
    assert!(all.contains("error[stance-range]: firmness 3 is outside -2..=2"), "{all}");
}

#[test]
fn scripted_play_saves_a_report_that_replays() {
    let dir = tempfile::tempdir().expect("tempdir");
    let reports = dir.path().to_str().expect("utf-8");
    let out = settle(&[
        "--dialogues",
        "tests/data/good",
        "--assets",
        "tests/data/assets",
        "play",
        "minimal",
        "--seed",
        "5",
        "--replies",
        "#1,#1",
        "--trainee",
        "Anna",
        "--reports",
        reports,
        "--outcome",
        "PromiseToPay",
        "--amount",
        "1200",
        "--first-due",
        "2026-11-27",
        "--next-step",
        "MonitorPayment",
    ]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("Total 100.0 / 100 (pass mark 70): PASSED"), "{}", text(&out));
    let saved: Vec<_> =
        std::fs::read_dir(dir.path()).expect("list").map(|e| e.expect("entry").path()).collect();
    assert_eq!(saved.len(), 1);
    let path = saved[0].to_str().expect("utf-8");
    let out = settle(&["--dialogues", "tests/data/good", "--assets", "tests/data/assets", "replay", path]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("Reproduced: minimal, seed 5, 2 turns, score 100.0"), "{}", text(&out));
}

#[test]
fn the_environment_variable_chooses_the_reports_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_settle"))
        .args(["--dialogues", "tests/data/good", "--assets", "tests/data/assets"])
        .args(["play", "minimal", "--seed", "1", "--replies", "#2"])
        .env("SETTLE_REPORTS_DIR", dir.path())
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(std::fs::read_dir(dir.path()).expect("list").count(), 1);
}

#[test]
fn interactive_play_reads_replies_and_wrap_up_from_a_pipe() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut child = Command::new(env!("CARGO_BIN_EXE_settle"))
        .args(["--dialogues", "tests/data/good", "--assets", "tests/data/assets", "play", "minimal"])
        .args([
            "--reports",
            dir.path().to_str().expect("utf-8"),
            "--data",
            dir.path().to_str().expect("utf-8"),
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawns");
    // A wrong number is refused and asked again; `#1` is the first reply as the file lists it,
    // wherever the shuffled order shows it; then the wrap-up, field by field.
    let input = "7\n#1\n1\nPromiseToPay\n1200\n\n2026-11-27\nMonitorPayment\nCalled on Monday\n";
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write");
    let out = child.wait_with_output().expect("finishes");
    let all = text(&out);
    assert!(out.status.success(), "{all}");
    assert!(all.contains("there is no reply number 7; 2 are on offer"), "{all}");
    assert!(all.contains("Total 100.0 / 100"), "{all}");
}

#[test]
fn running_out_of_input_abandons_the_call_without_a_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_settle"))
        .args(["--dialogues", "tests/data/good", "--assets", "tests/data/assets", "play", "minimal"])
        .args([
            "--reports",
            dir.path().to_str().expect("utf-8"),
            "--data",
            dir.path().to_str().expect("utf-8"),
        ])
        .stdin(Stdio::null())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    // No report; the journal stays so that the call can be resumed.
    let names: Vec<_> =
        std::fs::read_dir(dir.path()).expect("list").map(|e| e.expect("entry").file_name()).collect();
    assert_eq!(names, ["current-call.ron"]);
}

#[test]
fn unknown_persona_names_the_known_ones() {
    let out = settle(&["--dialogues", "tests/data/good", "--assets", "tests/data/assets", "play", "nobody"]);
    assert_eq!(out.status.code(), Some(2));
    // The folder's personas beside the bundled ones.
    let said = text(&out);
    assert!(said.contains("known: ") && said.contains("branching, minimal"), "{said}");
    assert!(said.contains("jan-hardship"), "{said}");
}

/// Every hostile file the hardening issue names, side by side with a good persona in one
/// folder: each gets its own clear, located error, nothing panics, and the good one still loads.
#[test]
fn check_survives_a_folder_of_hostile_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let copy = |from: &str, to: &str| std::fs::copy(from, dir.path().join(to)).expect("copy");
    copy("tests/data/good/minimal.ron", "good.ron");
    copy("tests/data/bad/deep_nesting.ron", "nested.ron");
    copy("tests/data/bad/not_utf8.ron", "latin2.ron");
    copy("tests/data/bad/portrait_outside_assets.ron", "passwd.ron");
    copy("tests/data/bad/portrait_absolute.ron", "absolute.ron");
    // A 74-byte PNG whose header claims 60000x60000 pixels.
    copy("tests/data/bad/portrait_bomb.ron", "bomb.ron");
    // 100 MB (sparse: the check must refuse it from its size, without reading it).
    let huge = std::fs::File::create(dir.path().join("huge.ron")).expect("create");
    huge.set_len(100 * 1024 * 1024).expect("100 MB");
    let folder = dir.path().to_str().expect("utf-8");
    let out = settle(&["check", folder, "--assets", "tests/data/assets"]);
    let all = text(&out);
    assert_eq!(out.status.code(), Some(1), "{all}");
    assert!(all.contains("7 file(s) checked, 1 playable: 6 error(s)"), "{all}");
    for expected in [
        "error[too-large]: the file is 104857600 bytes, more than the limit of 16777216 bytes",
        "huge.ron:1:1",
        "error[syntax]: nesting deeper than 64 levels",
        "nested.ron:55:131",
        "error[not-utf8]: the file is not valid UTF-8 text",
        "latin2.ron:5:20",
        "error[portrait-outside-assets]: portrait `../../etc/passwd` is outside the assets folder",
        "passwd.ron:12:43",
        "error[portrait-outside-assets]: portrait `/etc/passwd` is outside the assets folder",
        "absolute.ron:12:43",
        "error[portrait-unusable]: portrait `portraits/bomb/calm.png` cannot be used: 60000x60000 pixels",
        "bomb.ron:12:43",
    ] {
        assert!(all.contains(expected), "missing {expected:?} in:\n{all}");
    }
    assert!(!all.contains("panicked"), "{all}");
}

#[test]
fn a_correct_wrap_up_records_the_real_terms_so_the_replies_alone_are_scored() {
    let out = settle(&[
        "--dialogues",
        "tests/data/good",
        "--assets",
        "tests/data/assets",
        "play",
        "minimal",
        "--seed",
        "3",
        "--replies",
        "#1,#1",
        "--correct-wrap-up",
        "--no-save",
    ]);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("Total 100.0 / 100 (pass mark 70): PASSED"), "{}", text(&out));
}

/// `settle list` says where each persona comes from: the bundled library, or the folder given
/// with `--dialogues` laid over it.
#[test]
fn list_names_where_each_persona_comes_from() {
    let out = settle(&["--dialogues", "tests/data/good", "--assets", "tests/data/assets", "list"]);
    assert!(out.status.success(), "{}", text(&out));
    let listed = String::from_utf8_lossy(&out.stdout);
    let line = |id: &str| listed.lines().find(|l| l.starts_with(id)).unwrap_or_default().to_string();
    assert!(line("jan-hardship").ends_with("bundled"), "{listed}");
    assert!(line("minimal ").ends_with("folder tests/data/good"), "{listed}");
    assert_eq!(listed.lines().count(), 10, "eight bundled and two of the folder's:\n{listed}");
}

/// `settle play` with a data folder of its own and none of the environment's overrides, so that
/// only what the test puts in the folder counts.
fn play_in(data: &std::path::Path, reports: &std::path::Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_settle"));
    command
        .args(["--dialogues", "tests/data/good", "--assets", "tests/data/assets"])
        .args(["play", "minimal", "--seed", "5", "--replies", "#1,#1", "--trainee", "Anna"])
        .arg("--data")
        .arg(data)
        .arg("--reports")
        .arg(reports);
    for variable in ["SETTLE_ORG_KEY", "SETTLE_LRS_ENDPOINT", "SETTLE_LRS_KEY", "SETTLE_LRS_SECRET"] {
        command.env_remove(variable);
    }
    command
}

/// The one report in a folder.
fn only_report(reports: &std::path::Path) -> settle_store::report::Report {
    let saved: Vec<_> = std::fs::read_dir(reports).expect("list").map(|e| e.expect("entry").path()).collect();
    assert_eq!(saved.len(), 1, "{saved:?}");
    settle_store::report::store::read(&saved[0]).expect("a readable report")
}

/// Nothing listens on the port: the command line only queues, it never sends.
fn unreachable_endpoint() -> String {
    let port = std::net::TcpListener::bind("127.0.0.1:0").expect("port").local_addr().expect("addr").port();
    format!("http://127.0.0.1:{port}/xAPI/")
}

#[test]
fn a_call_played_on_the_command_line_is_queued_for_the_lrs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (data, reports) = (dir.path().join("data"), dir.path().join("reports"));
    let out =
        play_in(&data, &reports).env("SETTLE_LRS_ENDPOINT", unreachable_endpoint()).output().expect("runs");
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("Queued for the learning record store"), "{}", text(&out));
    let report = only_report(&reports);
    let queued = settle_lrs::outbox::Outbox::new(data.join("lrs-outbox")).pending();
    assert_eq!(queued.len(), 1, "the finished call waits in the outbox");
    assert_eq!(queued[0].batch.call, report.id);
    assert_eq!(queued[0].batch.statements, settle_lrs::statements(&report));
    assert_eq!(queued[0].batch.statements.len(), 1 + report.turns.len(), "the call and each reply");

    // Without an LRS nothing is queued.
    let quiet = tempfile::tempdir().expect("tempdir");
    let out = play_in(&quiet.path().join("data"), &quiet.path().join("reports")).output().expect("runs");
    assert!(out.status.success(), "{}", text(&out));
    assert!(!quiet.path().join("data/lrs-outbox").exists());
}

#[test]
fn the_command_line_signs_and_queues_with_the_settings_the_app_saved() {
    use settle_store::report::sign::{Signature, check};
    use settle_store::settings::{Settings, save};
    let dir = tempfile::tempdir().expect("tempdir");
    let (data, reports) = (dir.path().join("data"), dir.path().join("reports"));
    let settings = Settings {
        org_key: "north-branch".into(),
        lrs_endpoint: unreachable_endpoint(),
        ..Settings::default()
    };
    save(&settle_store::folders::Folders::at(&data).settings(), &settings).expect("settings written");
    let out = play_in(&data, &reports).output().expect("runs");
    assert!(out.status.success(), "{}", text(&out));
    let report = only_report(&reports);
    assert_eq!(check(&report, Some(b"north-branch")), Signature::Valid);
    assert_eq!(check(&report, Some(b"south-branch")), Signature::Mismatch);
    assert_eq!(settle_lrs::outbox::Outbox::new(data.join("lrs-outbox")).len(), 1);

    // A damaged settings file is named, and the call is still played and saved (unsigned).
    std::fs::write(data.join("settings.json"), "{ not json").expect("write");
    let out = play_in(&data, &reports).output().expect("runs");
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("are damaged"), "{}", text(&out));
}
