//! `settle report FOLDER`: the managers' view of a reports folder without a window: a summary,
//! or the table as CSV, a trainee's HTML report, or xAPI statements.

use std::path::Path;
use std::process::ExitCode;

use crate::core::report::export::{csv, trainee_html, xapi};
use crate::core::report::index::{ReportIndex, summary};

pub struct Options<'a> {
    pub csv: bool,
    pub html: Option<&'a str>,
    pub xapi: bool,
}

pub fn run(folder: &Path, options: Options<'_>) -> Result<ExitCode, Box<dyn std::error::Error>> {
    if !folder.is_dir() {
        return Err(format!("{} is not a folder", folder.display()).into());
    }
    let cache = crate::core::report::index::cache_file_for(folder, &crate::core::journal::default_data_dir());
    let index = ReportIndex::open_cached(folder, crate::core::report::sign::org_key(""), cache);
    for skipped in &index.skipped {
        eprintln!("skipped {}: {}", skipped.path.display(), skipped.reason);
    }
    let mut rows: Vec<_> = index.rows.iter().collect();
    rows.sort_by_key(|r| r.started_at);
    if options.csv {
        print!("{}", csv(rows.iter().copied())?);
    } else if let Some(trainee) = options.html {
        print!("{}", trainee_html(&index.rows, trainee));
    } else if options.xapi {
        println!("{}", serde_json::to_string_pretty(&xapi(rows.iter().copied()))?);
    } else {
        let s = summary(rows.iter().copied());
        println!(
            "{} call(s), {} passed ({:.0}%), mean score {:.1}; {} file(s) skipped",
            s.calls,
            s.passed,
            s.pass_rate * 100.0,
            s.mean_score,
            index.skipped.len()
        );
        if let Some((reason, n)) = s.top_failure {
            println!("most common failure: {reason:?} ({n})");
        }
        for row in rows.iter().filter(|r| r.signature == crate::core::report::sign::Signature::Mismatch) {
            println!("SIGNATURE MISMATCH (changed after it was saved): {}", row.path.display());
        }
    }
    Ok(ExitCode::SUCCESS)
}
