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

/// The modules of the core that each module names (`crate::x`), test code left out.
fn core_imports() -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let root = std::path::Path::new("crates/settle-core/src");
    let mut imports: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> =
        Default::default();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("the core's sources").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            let relative = path.strip_prefix(root).expect("inside");
            let module = relative.components().next().expect("a file").as_os_str().to_string_lossy();
            let module = module.trim_end_matches(".rs").to_string();
            if module == "lib" || relative.ends_with("tests.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("UTF-8");
            let code = text.split("#[cfg(test)]").next().unwrap_or_default();
            let named = imports.entry(module.clone()).or_default();
            for (at, _) in code.match_indices("crate::") {
                let rest = &code[at + "crate::".len()..];
                let name: String = rest.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
                if !name.is_empty() && name != module {
                    named.insert(name);
                }
            }
        }
    }
    imports
}

/// The file schema, the validated model, the engine's record and the score each depend on the
/// shared vocabulary, never in a circle: a change to one never has to ripple back.
#[test]
fn the_cores_modules_import_each_other_without_cycles() {
    let imports = core_imports();
    assert!(imports.len() > 20, "the core's modules were found: {imports:?}");
    // Depth-first search for a module reachable from itself.
    fn cycle_from(
        module: &str,
        imports: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|m| m == module) {
            return Some(path[at..].to_vec());
        }
        path.push(module.to_string());
        for next in imports.get(module).into_iter().flatten() {
            if let Some(cycle) = cycle_from(next, imports, path) {
                return Some(cycle);
            }
        }
        path.pop();
        None
    }
    for module in imports.keys() {
        let cycle = cycle_from(module, &imports, &mut Vec::new());
        assert!(cycle.is_none(), "the core's modules import each other in a circle: {cycle:?}");
    }
    let vocabulary = &imports["vocabulary"];
    assert!(vocabulary.is_empty(), "the vocabulary depends on nothing: {vocabulary:?}");
    assert!(!imports["format"].contains("persona"), "the file schema never names the runtime model");
}
