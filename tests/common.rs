//! Helpers shared by the integration tests.

use std::path::Path;
use std::sync::Arc;

use settle_core::Persona;
use settle_store::library::{load_dir, load_file};

/// A persona from tests/data/good, which must load cleanly.
pub fn good(name: &str) -> Arc<Persona> {
    let path = Path::new("tests/data/good").join(format!("{name}.ron"));
    let loaded = load_file(&path, Path::new("tests/data/assets"));
    assert!(loaded.diagnostics.is_empty(), "{}", loaded.render());
    loaded.persona.expect("a clean file gives a persona")
}

/// Every bundled persona, which must all load cleanly.
pub fn bundled() -> Vec<Arc<Persona>> {
    let library = load_dir(Path::new("dialogues"), Path::new("assets")).expect("dialogues/ is readable");
    for file in &library.files {
        assert_eq!(file.errors() + file.warnings(), 0, "{}", file.render());
    }
    // Every persona in every language it has: the tests play them all.
    library
        .files
        .iter()
        .flat_map(|f| f.languages().into_iter().filter_map(|l| f.in_language(l).cloned()))
        .collect()
}

/// Every persona the tests know: bundled and test-only.
pub fn all_personas() -> Vec<Arc<Persona>> {
    let mut all = bundled();
    all.push(good("minimal"));
    all.push(good("branching"));
    all
}
