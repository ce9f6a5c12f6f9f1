//! `settle check`: load personas, print their diagnostics, and a summary.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::Cli;
use settle_core::load::Library;
use settle_store::library::{load_dir, load_file};

pub fn run(cli: &Cli, path: Option<&Path>) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let trainer = cli.trainer_folder();
    let library = match path.or(trainer.as_deref()) {
        None => settle_bundle::library(),
        Some(path) => read(cli, path)?,
    };
    for file in &library.files {
        eprint!("{}", file.render());
    }
    let (errors, warnings) = (library.errors(), library.warnings());
    let tables: usize = library.files.iter().map(|f| f.tables.len()).sum();
    let tables = if tables > 0 { format!(" and {tables} string table(s)") } else { String::new() };
    println!(
        "{} file(s){tables} checked, {} playable: {} error(s), {} warning(s)",
        library.files.len(),
        library.personas().count(),
        errors,
        warnings
    );
    Ok(if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// A folder of persona files, or one file.
fn read(cli: &Cli, path: &Path) -> Result<Library, Box<dyn std::error::Error>> {
    Ok(if path.is_dir() {
        load_dir(path, &cli.assets_dir(path))?
    } else {
        let folder = path.parent().unwrap_or(Path::new("."));
        Library { files: vec![load_file(path, &cli.assets_dir(folder))] }
    })
}

/// `settle list`: the playable personas, one a line, each with the languages it has and
/// where it comes from.
pub fn list(cli: &Cli) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let library = cli.library()?;
    for file in &library.files {
        let Some(persona) = &file.persona else { continue };
        let languages: Vec<&str> = file.languages().iter().map(|l| l.code()).collect();
        println!(
            "{:<24} {:<28} {:<16} difficulty {}  {:<6}  {} {}  {}",
            persona.id.0,
            persona.name,
            format!("{:?}", persona.archetype),
            persona.difficulty,
            languages.join(", "),
            persona.case_file.amount,
            persona.case_file.currency,
            crate::cli::origin_label(&file.origin)
        );
    }
    let broken = library.files.iter().filter(|f| f.persona.is_none()).count();
    if broken > 0 {
        eprintln!("{broken} persona file(s) have errors; run `settle check` to see them");
    }
    Ok(ExitCode::SUCCESS)
}
