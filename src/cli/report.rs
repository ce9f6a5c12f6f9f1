//! `settle report FOLDER`: the managers' view of a reports folder without a window: a summary,
//! or the table as CSV, a trainee's HTML report, or xAPI statements, all from the same reports
//! index as the app's dashboard (brought up to date and its signatures checked first); `--send`
//! delivers the folder's calls to a learning record store through the same outbox the app uses.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use settle_lrs::LrsConfig;
use settle_lrs::client::{Http, deliver};
use settle_lrs::outbox::{Batch, Outbox};

use settle_i18n::Lang;
use settle_store::folders::Folders;
use settle_store::report::export::{csv, trainee_html, xapi};
use settle_store::report::index::{Filter, Index, SortBy, default_index_path};
use settle_store::report::sign::Signature;

pub struct Options<'a> {
    pub csv: bool,
    pub html: Option<&'a str>,
    pub xapi: bool,
}

pub fn run(folder: &Path, options: Options<'_>) -> Result<ExitCode, Box<dyn std::error::Error>> {
    if !folder.is_dir() {
        return Err(format!("{} is not a folder", folder.display()).into());
    }
    // The key the app signs with: the summary flags edited reports like the dashboard.
    let folders = Folders::platform();
    let key = crate::cli::settings(&folders).org_key();
    let db = default_index_path(folders.data());
    // Without a usable data folder the index lives in memory for this run only.
    let mut index = Index::open(&db).or_else(|_| Index::open_in_memory())?;
    index.refresh(folder, key.as_deref())?;
    while index.verify(folder, key.as_deref(), 4096)?.checked > 0 {}
    let skipped = index.skipped(folder)?;
    for skipped in &skipped {
        eprintln!("skipped {}: {}", skipped.path.display(), skipped.reason);
    }
    let all = Filter::default();
    if options.csv {
        let rows = index.entries(folder, &all, SortBy::Date, false)?;
        print!("{}", csv(rows.iter().map(|e| &e.row))?);
    } else if let Some(trainee) = options.html {
        let view = index.trainee_view(folder, trainee)?;
        let mine = Filter { trainee: Some(trainee.to_string()), ..Filter::default() };
        let rows = index.entries(folder, &mine, SortBy::Date, false)?;
        // English until the command line has a language flag.
        print!("{}", trainee_html(&view, rows.iter().map(|e| &e.row), Lang::default()));
    } else if options.xapi {
        let rows = index.entries(folder, &all, SortBy::Date, false)?;
        println!("{}", serde_json::to_string_pretty(&xapi(rows.iter().map(|e| &e.row)))?);
    } else {
        let s = index.summary(folder, &all)?;
        println!(
            "{} call(s), {} passed ({:.0}%), mean score {:.1}; {} file(s) skipped",
            s.calls,
            s.passed,
            s.pass_rate * 100.0,
            s.mean_score,
            skipped.len()
        );
        if let Some((reason, n)) = s.top_failure {
            println!("most common failure: {reason:?} ({n})");
        }
        for line in index.lines(folder, &all, SortBy::Date, false)? {
            if line.signature == Signature::Mismatch {
                println!("SIGNATURE MISMATCH (changed after it was saved): {}", line.path.display());
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Where `--send` delivers to; each flag falls back to its environment variable, then to the
/// shared settings.
#[derive(Debug, clap::Args)]
pub struct LrsArgs {
    /// The LRS's xAPI endpoint, e.g. https://lrs.example.com/xAPI/ [env: SETTLE_LRS_ENDPOINT]
    #[arg(long = "lrs", value_name = "URL", requires = "send")]
    pub endpoint: Option<String>,
    /// Basic-auth key [env: SETTLE_LRS_KEY]
    #[arg(long = "lrs-key", value_name = "KEY", requires = "send")]
    pub key: Option<String>,
    /// Basic-auth secret [env: SETTLE_LRS_SECRET]
    #[arg(long = "lrs-secret", value_name = "SECRET", requires = "send")]
    pub secret: Option<String>,
    /// Settle's data folder, which holds the settings and the outbox [default: the platform
    /// data folder, shared with the app].
    #[arg(long, value_name = "DIR", requires = "send")]
    pub data: Option<PathBuf>,
}

/// Queues every readable call of the folder and sends the outbox once. Exits 1 when calls
/// are still waiting (they stay queued for the next `--send` or the app).
pub fn send(folder: &Path, args: &LrsArgs) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let folders = Folders::or_platform(args.data.as_deref());
    let env = LrsConfig::of(&crate::cli::settings(&folders));
    let config = LrsConfig {
        endpoint: args.endpoint.clone().unwrap_or(env.endpoint),
        key: args.key.clone().unwrap_or(env.key),
        secret: args.secret.clone().unwrap_or(env.secret),
    };
    if !config.is_set() {
        return Err(
            "no learning record store: give --lrs URL, set SETTLE_LRS_ENDPOINT or set it in the app".into()
        );
    }
    let set = settle_store::report::store::read_dir(folder)?;
    for skipped in &set.skipped {
        eprintln!("skipped {}: {}", skipped.path.display(), skipped.reason);
    }
    let outbox = Outbox::of(&folders);
    let mut queued = 0;
    for (_, report) in &set.reports {
        queued += usize::from(outbox.enqueue(&Batch::of(report))?);
    }
    let delivery = deliver(&outbox, &config, &Http::default());
    println!(
        "{} call(s) in the folder, {queued} newly queued; {} statement(s) confirmed by {}, {} refused (kept in {})",
        set.reports.len(),
        delivery.sent,
        config.statements_url(),
        delivery.rejected,
        outbox.rejected_dir().display()
    );
    match delivery.error {
        Some(error) => {
            eprintln!("{} call(s) still waiting in {}: {error}", delivery.waiting, outbox.dir().display());
            Ok(ExitCode::from(1))
        }
        None => Ok(ExitCode::SUCCESS),
    }
}
