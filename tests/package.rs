//! The Debian package (`cargo deb`, metadata in Cargo.toml): its manual page matches the
//! command line, and the package, unpacked into a temporary root, runs from any folder with an
//! empty home: the whole bundled library is inside the program.
//!
//! Needs cargo-deb, dpkg-deb, desktop-file-validate and appstreamcli (installed by .ci/setup).
//! Packages the binary of this test run, or the release build in `SETTLE_SMOKE_BIN` (CI).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The manual pages as the command line describes itself: `settle.1` and one per command
/// (`settle-play.1`, ...), written into `dir`.
fn manual_pages(dir: &Path) -> Vec<(String, String)> {
    let command = <settle::cli::Cli as clap::CommandFactory>::command();
    clap_mangen::generate_to(command, dir).expect("the pages render");
    let mut pages: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("pages written")
        .flatten()
        .map(|e| {
            let text = std::fs::read_to_string(e.path()).expect("roff is UTF-8");
            (e.file_name().to_string_lossy().into_owned(), text)
        })
        .collect();
    pages.sort();
    pages
}

#[test]
fn the_manual_pages_match_the_command_line() {
    let committed_dir = Path::new("packaging/man");
    let fresh_dir = tempfile::tempdir().expect("tempdir");
    let fresh = manual_pages(fresh_dir.path());
    if std::env::var_os("SETTLE_BLESS").is_some() {
        for (name, text) in &fresh {
            std::fs::write(committed_dir.join(name), text).expect("write a manual page");
        }
    }
    let mut committed: Vec<(String, String)> = std::fs::read_dir(committed_dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| {
                    (
                        e.file_name().to_string_lossy().into_owned(),
                        std::fs::read_to_string(e.path()).unwrap_or_default(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    committed.sort();
    let names = |pages: &[(String, String)]| pages.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert!(names(&fresh).contains(&"settle-play.1".to_string()), "{:?}", names(&fresh));
    assert!(
        committed == fresh,
        "packaging/man is out of date with the command line ({:?} against {:?}): run `SETTLE_BLESS=1 cargo test manual_pages`",
        names(&committed),
        names(&fresh)
    );
}

fn run(command: &mut Command) -> Output {
    let shown = format!("{command:?}");
    let out = command.output().unwrap_or_else(|e| panic!("{shown} does not start ({e}); run .ci/setup"));
    assert!(
        out.status.success(),
        "{shown} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Builds the package from the binary this test run uses, into `dir`.
fn build_package(dir: &Path) -> PathBuf {
    let (profile, binary) = match std::env::var_os("SETTLE_SMOKE_BIN") {
        Some(binary) => ("release", PathBuf::from(binary)),
        None => ("dev", PathBuf::from(env!("CARGO_BIN_EXE_settle"))),
    };
    assert!(binary.is_file(), "{} is not built", binary.display());
    let deb = dir.join("settle.deb");
    run(Command::new(env!("CARGO"))
        .args(["deb", "--no-build", "--no-strip", "--fast", "--quiet", "--profile", profile, "--output"])
        .arg(&deb));
    deb
}

#[test]
fn the_package_runs_from_any_folder_with_an_empty_home() {
    let work = tempfile::tempdir().expect("tempdir");
    let deb = build_package(work.path());
    let root = work.path().join("root");
    run(Command::new("dpkg-deb").arg("-x").arg(&deb).arg(&root));
    let fields = run(Command::new("dpkg-deb").args(["-f"]).arg(&deb).args(["Package", "Depends"]));
    let fields = String::from_utf8_lossy(&fields.stdout);
    assert!(fields.contains("Package: settle") && fields.contains("libegl1"), "{fields}");

    // What a desktop needs to show it: the entry, the icon at the usual sizes, the metainfo.
    let share = root.join("usr/share");
    run(Command::new("desktop-file-validate").arg(share.join("applications/org.settle.Settle.desktop")));
    run(Command::new("appstreamcli")
        .args(["validate", "--no-net"])
        .arg(share.join("metainfo/org.settle.Settle.metainfo.xml")));
    for size in [16, 32, 48, 64, 128, 256] {
        let icon = share.join(format!("icons/hicolor/{size}x{size}/apps/org.settle.Settle.png"));
        let picture = image::open(&icon).unwrap_or_else(|e| panic!("{}: {e}", icon.display()));
        assert_eq!((picture.width(), picture.height()), (size, size));
    }
    for doc in [
        "man/man1/settle.1.gz",
        "man/man1/settle-play.1.gz",
        "doc/settle/LICENSE-MIT",
        "doc/settle/LICENSE-APACHE",
        "doc/settle/copyright",
    ] {
        assert!(share.join(doc).is_file(), "{doc} is installed");
    }

    // Started from an empty folder with an empty home: no source tree, no settings.
    let home = work.path().join("home");
    let elsewhere = work.path().join("elsewhere");
    std::fs::create_dir_all(&home).expect("mkdir");
    std::fs::create_dir_all(&elsewhere).expect("mkdir");
    let settle = || {
        let mut command = Command::new(root.join("usr/bin/settle"));
        command.current_dir(&elsewhere).env_clear().env("HOME", &home).env("PATH", "/usr/bin:/bin");
        command
    };
    let listed = run(settle().arg("list"));
    let listed = String::from_utf8_lossy(&listed.stdout);
    let bundled = std::fs::read_dir("dialogues").expect("dialogues").flatten();
    let ids: Vec<String> = bundled
        .filter_map(|e| e.path().file_name()?.to_str()?.strip_suffix(".ron").map(str::to_string))
        .collect();
    assert_eq!(ids.len(), 8);
    for id in &ids {
        assert!(listed.contains(id.as_str()), "`settle list` shows {id}:\n{listed}");
    }
    assert!(listed.contains("bundled"), "`settle list` says where personas come from:\n{listed}");

    // The textbook call of tests/data/calls/jan-hardship.calls.
    let textbook = "#1,#2,#3,#2,#2,#1,#3,#2,#3,#2,#2,#2";
    let played = run(settle()
        .args(["play", "jan-hardship", "--mode", "assessment", "--replies", textbook])
        .args(["--correct-wrap-up", "--expect-score", "100"]));
    let played = String::from_utf8_lossy(&played.stdout);
    assert!(
        played.contains("Total 100.0 / 100"),
        "`settle play` plays a bundled persona to its score:\n{played}"
    );
}
