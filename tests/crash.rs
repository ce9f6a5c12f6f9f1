//! Crash safety of an interactive call: the real binary is killed with SIGKILL again and
//! again, at a reply's acknowledgement and in the middle of handling one, and every restart
//! resumes the call with no acknowledged reply lost.

use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use settle_core::call::Choice;
use settle_store::journal::{JOURNAL_FILE, Journal};

fn start(data: &Path, reports: &Path) -> Child {
    Command::new(env!("CARGO_BIN_EXE_settle"))
        .args(["--dialogues", "tests/data/good", "--assets", "tests/data/assets", "play", "branching"])
        .args(["--seed", "5", "--trainee", "Anna"])
        .arg("--data")
        .arg(data)
        .arg("--reports")
        .arg(reports)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("settle starts")
}

/// Reads the child's output until `count` reply prompts have appeared in total.
fn wait_for_prompts(stdout: &mut ChildStdout, seen: &mut String, count: usize) {
    let start = Instant::now();
    let mut buf = [0u8; 4096];
    while seen.matches("Your reply (number").count() < count {
        assert!(start.elapsed() < Duration::from_secs(30), "no prompt; output so far:\n{seen}");
        let n = stdout.read(&mut buf).expect("read");
        assert!(n > 0, "the call ended early; output:\n{seen}");
        seen.push_str(&String::from_utf8_lossy(&buf[..n]));
    }
}

fn journal_choices(data: &Path) -> Vec<Choice> {
    Journal::load(&data.join(JOURNAL_FILE)).expect("a readable journal").expect("a journal").choices
}

#[test]
fn a_call_killed_again_and_again_loses_no_acknowledged_reply() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (data, reports) = (dir.path().join("data"), dir.path().join("reports"));
    let mut acknowledged = 0usize;
    for round in 0..12 {
        let mut child = start(&data, &reports);
        let mut stdout = child.stdout.take().expect("stdout");
        let mut stdin = child.stdin.take().expect("stdin");
        let mut seen = String::new();
        wait_for_prompts(&mut stdout, &mut seen, 1);
        if round > 0 {
            assert!(seen.contains("Resuming the interrupted call"), "{seen}");
        }
        // Silence keeps the branching persona's call going (it loops at `stall`).
        stdin.write_all(b"s\n").expect("write");
        stdin.flush().expect("flush");
        if round % 2 == 0 {
            // Killed once the reply was acknowledged: it must be in the journal.
            wait_for_prompts(&mut stdout, &mut seen, 2);
            child.kill().expect("SIGKILL");
            let _ = child.wait();
            acknowledged += 1;
            assert_eq!(journal_choices(&data).len(), acknowledged, "round {round}");
        } else {
            // Killed at once, perhaps mid-write: the journal is whole, with or without it.
            child.kill().expect("SIGKILL");
            let _ = child.wait();
            let count = journal_choices(&data).len();
            assert!(count == acknowledged || count == acknowledged + 1, "round {round}: {count}");
            acknowledged = count;
        }
        assert!(journal_choices(&data).iter().all(|c| *c == Choice::Silence));
    }
    // The last run finishes the call: reply 1 at `stall` hands it to legal; then the wrap-up.
    let mut child = start(&data, &reports);
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(b"1\nEscalatedToLegal\n\n\n\nHandToLegal\ndone\n").expect("write");
    drop(stdin);
    let out = child.wait_with_output().expect("finishes");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{text}");
    assert!(text.contains("Report saved:"), "{text}");
    assert!(!data.join(JOURNAL_FILE).exists(), "the journal is cleared once the report is saved");
    let saved: Vec<_> = std::fs::read_dir(&reports).expect("reports").collect();
    assert_eq!(saved.len(), 1);
    let report =
        settle_store::report::store::read(&saved[0].as_ref().expect("entry").path()).expect("readable");
    assert_eq!(report.turns.len(), acknowledged + 1);
}
