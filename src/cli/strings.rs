//! `settle strings` and `settle migrate`: the files a translation lives in. `strings` writes the
//! missing line ids into a persona and writes or refreshes one language's table; `migrate`
//! turns an old pair of files into one graph and a table. Reading and writing happen here; what
//! a table holds is decided in `core::strings` and `core::migrate`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use settle_core::lines::{missing_ids, take_line_ids, write_ids};
use settle_core::load::parse;
use settle_core::migrate::migrate_pair;
use settle_core::strings::{self, TableRow};
use settle_core::translate::table_path;
use settle_core::vocabulary::Language;
use settle_store::fsutil;

type Outcome = Result<ExitCode, Box<dyn std::error::Error>>;

fn read(path: &Path) -> Result<String, String> {
    fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    fsutil::replace(path, text.as_bytes()).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// `settle strings FILE --lang pl [--prune]`.
pub fn run(file: &Path, language: Language, prune: bool) -> Outcome {
    let text = read(file)?;
    let (parsed, diagnostics) = parse(file, &text);
    let Some(mut parsed) = parsed else {
        for d in &diagnostics {
            eprint!("{}", d.render(&text));
        }
        return Err(format!("{} cannot be read; fix it first (`settle check`)", file.display()).into());
    };
    if parsed.language == language {
        return Err(format!(
            "{} is written in {}; a table is for another language",
            file.display(),
            language.name_en()
        )
        .into());
    }
    let lines = take_line_ids(&mut parsed);
    let new_ids = missing_ids(&lines);
    let lines = if new_ids.is_empty() {
        lines
    } else {
        let with_ids = write_ids(&text, &lines, &new_ids)?;
        let (reparsed, _) = parse(file, &with_ids);
        let mut reparsed = reparsed.ok_or("the ids could not be written without breaking the file")?;
        write(file, &with_ids)?;
        println!("{}: {} line id(s) added", file.display(), new_ids.len());
        take_line_ids(&mut reparsed)
    };
    let path = table_path(file, language);
    let old: Vec<TableRow> = match path.exists() {
        true => strings::parse(&read(&path)?).map_err(|e| format!("{}: {e}", path.display()))?,
        false => Vec::new(),
    };
    let rows = strings::refresh(&lines, &old, prune);
    write(&path, &strings::write(&rows))?;
    let cmp = strings::compare(&lines, &rows);
    let orphans = cmp.orphans.len();
    let translated = rows.len() - orphans - cmp.untranslated.len();
    println!(
        "{}: {} line(s), {} translated, {} missing, {} stale{}",
        path.display(),
        rows.len() - orphans,
        translated,
        cmp.untranslated.len(),
        cmp.stale.len(),
        if orphans > 0 {
            format!(", {orphans} no longer in the persona (kept; --prune drops them)")
        } else {
            String::new()
        }
    );
    for (label, list) in [("missing", &cmp.untranslated), ("stale", &cmp.stale)] {
        for &r in list {
            println!("  {label:<8} {:<32} {}", rows[r].id, rows[r].place);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `settle migrate SOURCE TWIN` or `settle migrate DIR`.
pub fn migrate(paths: &[PathBuf]) -> Outcome {
    let pairs = match paths {
        [dir] if dir.is_dir() => pairs_in(dir)?,
        [source, twin] => vec![(source.clone(), twin.clone())],
        _ => return Err("give a folder, or the persona file and its other-language twin".into()),
    };
    if pairs.is_empty() {
        println!("no old pairs (x.ron with x-pl.ron) found");
    }
    for (source, twin) in &pairs {
        migrate_one(source, twin)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Old pairs in a folder: `x.ron` beside `x-pl.ron`.
fn pairs_in(dir: &Path) -> Result<Vec<(PathBuf, PathBuf)>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut twins: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.file_name().is_some_and(|n| n.to_string_lossy().ends_with("-pl.ron")))
        .collect();
    twins.sort();
    Ok(twins
        .into_iter()
        .filter_map(|twin| {
            let name = twin.file_name()?.to_string_lossy().replace("-pl.ron", ".ron");
            let source = twin.with_file_name(name);
            source.is_file().then_some((source, twin))
        })
        .collect())
}

fn migrate_one(source: &Path, twin: &Path) -> Result<(), String> {
    let (source_text, twin_text) = (read(source)?, read(twin)?);
    let migrated = migrate_pair((source, &source_text), (twin, &twin_text))
        .map_err(|e| format!("{} + {}: {e}", source.display(), twin.display()))?;
    let table = table_path(source, migrated.language);
    if table.exists() {
        return Err(format!("{} exists already; move it away to migrate again", table.display()));
    }
    let old = twin.with_extension("ron.old");
    write(&table, &strings::write(&migrated.rows))?;
    write(source, &migrated.graph)?;
    fs::rename(twin, &old).map_err(|e| format!("cannot rename {}: {e}", twin.display()))?;
    println!(
        "{}: one graph with line ids; {} texts in {}; {} kept as {}",
        source.display(),
        migrated.rows.len(),
        table.display(),
        twin.display(),
        old.display()
    );
    Ok(())
}
