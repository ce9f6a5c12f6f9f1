//! The crate boundaries ARCHITECTURE.md promises, checked by Cargo: the core builds alone, and
//! nothing it depends on draws windows, touches files or the network, reads the clock or
//! opens a database.

use std::process::Command;

fn cargo(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO")).args(args).output().expect("cargo runs");
    assert!(out.status.success(), "cargo {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn the_core_builds_without_the_apps_dependencies() {
    let tree =
        cargo(&["tree", "--offline", "-p", "settle-core", "-e", "normal,features", "--prefix", "none"]);
    let crates: Vec<&str> = tree.lines().filter_map(|l| l.split_whitespace().next()).collect();
    assert!(crates.contains(&"ron") && crates.contains(&"rand_chacha"), "{tree}");
    let forbidden = [
        "egui",
        "eframe",
        "winit",
        "glow",
        "notify",
        "ureq",
        "rusqlite",
        "directories",
        "tempfile",
        "rfd",
        "fluent-bundle",
        "include_dir",
        "settle-store",
        "settle-lrs",
        "settle-app",
        "rayon",
    ];
    for name in forbidden {
        assert!(!crates.contains(&name), "settle-core depends on {name}:\n{tree}");
    }
    assert!(
        !tree.contains("chrono feature \"clock\""),
        "the core may use dates but never read the clock:\n{tree}"
    );
    // And it compiles on its own, with only those features.
    cargo(&["check", "--offline", "--quiet", "-p", "settle-core"]);
}

#[test]
fn only_the_app_and_the_binary_draw_windows() {
    for library in ["settle-core", "settle-i18n", "settle-store", "settle-lrs", "settle-bundle"] {
        let tree = cargo(&["tree", "--offline", "-p", library, "-e", "normal", "--prefix", "none"]);
        assert!(
            !tree.lines().any(|l| l.starts_with("egui ") || l.starts_with("eframe ")),
            "{library} draws:\n{tree}"
        );
    }
}
