//! Saving on a full disk and into a read-only folder, for real: the binary runs in a private
//! mount namespace (`unshare`, no root needed) over a tiny tmpfs. The save fails with a clear
//! error, leaves no file behind (neither partial nor temporary), keeps the call, and saves it
//! once there is room again.

use std::path::Path;
use std::process::Command;

/// Runs `script` with `sh` in a new user and mount namespace, where it may mount a tmpfs.
/// Returns its standard output.
fn in_namespace(script: &str, vars: &[(&str, &Path)]) -> String {
    let out = Command::new("unshare")
        .args(["--user", "--map-root-user", "--mount", "sh", "-c", script])
        .envs(vars.iter().map(|(k, v)| (*k, v.as_os_str())))
        .env("SETTLE", env!("CARGO_BIN_EXE_settle"))
        .output()
        .expect("unshare (util-linux) runs");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "the namespace script failed ({}):\n{stdout}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// Plays the test persona `minimal` interactively (two replies, an empty wrap-up) and prints
/// its exit code, then the reports folder's entries, hidden ones included.
const PLAY: &str = r#"
play() {
  printf "$1" | "$SETTLE" --dialogues tests/data/good --assets tests/data/assets play minimal \
    --trainee Anna --data "$DATA" --reports "$MNT/reports" 2>&1
  echo "exit=$?"
  echo "entries=[$(ls -A "$MNT/reports" | tr '\n' ' ')]"
}
"#;

/// Runs `body` (after the `play` function) over a fresh mount point `$MNT` and data folder
/// `$DATA`; returns its output and the temporary folder holding both (`data/` inside it).
fn play_over_tmpfs(body: &str) -> (String, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mnt, data) = (dir.path().join("mnt"), dir.path().join("data"));
    std::fs::create_dir_all(&mnt).expect("mount point");
    let out = in_namespace(&format!("set -u\n{PLAY}\n{body}"), &[("MNT", &mnt), ("DATA", &data)]);
    (out, dir)
}

#[test]
fn a_full_disk_gives_a_clear_error_leaves_no_partial_file_and_loses_nothing() {
    let (out, _dir) = play_over_tmpfs(
        r#"mount -t tmpfs -o size=256k tmpfs "$MNT" && mkdir "$MNT/reports" || exit 1
dd if=/dev/zero of="$MNT/filler" bs=1k 2>/dev/null
echo "--- full"
play '1\n1\n\n\n\n\n\n\n'
rm "$MNT/filler"
echo "--- room again"
play '\n\n\n\n\n\n\n'
"#,
    );
    let (full, again) = out.split_once("--- room again").expect("both runs");
    assert!(full.contains("The report could not be saved: cannot write a report into"), "{full}");
    assert!(full.contains("No space left on device"), "{full}");
    assert!(full.contains("the call is kept and `settle play minimal` saves it"), "{full}");
    assert!(full.contains("exit=2"), "{full}");
    assert!(full.contains("entries=[]"), "no partial or temporary file: {full}");
    assert!(again.contains("Resuming the interrupted call"), "{again}");
    assert!(again.contains("Report saved:"), "{again}");
    assert!(again.contains("exit=0"), "{again}");
    let saved = again.split("entries=[").nth(1).expect("entries listed");
    assert!(saved.contains("-anna-minimal-"), "{again}");
    assert_eq!(saved.matches(".json").count(), 1, "{again}");
}

#[test]
fn a_read_only_folder_gives_a_clear_error_and_keeps_the_call() {
    let (out, dir) = play_over_tmpfs(
        r#"mount -t tmpfs -o size=256k tmpfs "$MNT" && mkdir "$MNT/reports" && mount -o remount,ro "$MNT" || exit 1
play '1\n1\n\n\n\n\n\n\n'
"#,
    );
    assert!(out.contains("The report could not be saved"), "{out}");
    assert!(out.contains("Read-only file system"), "{out}");
    assert!(out.contains("entries=[]"), "{out}");
    let journal = dir.path().join("data").join(settle_store::journal::JOURNAL_FILE);
    assert!(journal.exists(), "the call is kept for the next run");
}
