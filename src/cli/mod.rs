//! The command line: `settle check`, `settle play`, `settle replay`, over the same core the
//! app uses. Parsing arguments and printing for people happen here; decisions do not.

mod analyze;
mod check;
mod debrief;
mod play;
mod replay;
mod report;
mod strings;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use settle_core::load::{Library, Origin};
use settle_core::vocabulary::Language;
use settle_store::library::{LoadError, default_assets_dir, with_folder};

#[derive(Debug, Parser)]
#[command(name = "settle", version, about = "Training simulator for debt-collection negotiation calls")]
pub struct Cli {
    /// A trainer's folder of persona files, laid over the library built into Settle: its
    /// personas are added, and one with a bundled persona's id replaces it [default: the
    /// trainer's folder in the settings, else the `dialogues` folder in the data folder].
    #[arg(long, global = true, value_name = "DIR")]
    pub dialogues: Option<PathBuf>,
    /// Folder of portraits and other assets for the trainer's personas [default: `assets`
    /// beside the dialogues folder].
    #[arg(long, global = true, value_name = "DIR")]
    pub assets: Option<PathBuf>,
    /// Reports folder for the app [default: $SETTLE_REPORTS_DIR, else the shared settings'
    /// folder, else `reports` in the platform data folder].
    #[arg(long, value_name = "DIR")]
    pub reports: Option<PathBuf>,
    /// Close the app once its first frame is drawn (for measuring start-up).
    #[arg(long, hide = true)]
    pub exit_after_first_frame: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate persona files and print every problem; exits non-zero on errors.
    Check {
        /// A persona file or a folder of them [default: the trainer's folder, else the bundled
        /// library].
        path: Option<PathBuf>,
    },
    /// List the playable personas.
    List,
    /// Play a call in the terminal, print the debrief and save the report.
    Play(play::PlayArgs),
    /// What a persona's graph allows: endings and their shortest paths, best and worst score,
    /// the target inside the style zone, replies never offered, naive players' endings.
    Analyze {
        /// Persona id or file.
        persona: String,
    },
    /// Write the persona's graph as Graphviz DOT to standard output.
    Graph {
        /// Persona id or file.
        persona: String,
    },
    /// Summarise a folder of reports, or export it: the table as CSV, one trainee's printable
    /// HTML report, or xAPI 1.0.3 statements (JSON); or send its calls to a learning record
    /// store.
    Report {
        /// The reports folder.
        folder: PathBuf,
        #[arg(long, conflicts_with_all = ["html", "xapi"])]
        csv: bool,
        /// The trainee whose HTML report to write.
        #[arg(long, value_name = "TRAINEE", conflicts_with = "xapi")]
        html: Option<String>,
        #[arg(long, conflicts_with = "send")]
        xapi: bool,
        /// Queue every call of the folder for the learning record store and send the queue
        /// (statements the LRS already holds are confirmed, not stored twice).
        #[arg(long, conflicts_with_all = ["csv", "html"])]
        send: bool,
        #[command(flatten)]
        lrs: report::LrsArgs,
    },
    /// Write the missing line ids into a persona and write or refresh its string table for a
    /// language (keeping every translation); list what is missing or stale.
    Strings {
        /// The persona file (its source-language graph).
        file: PathBuf,
        /// The table's language.
        #[arg(long, value_parser = parse_language)]
        lang: Language,
        /// Drop rows whose line is no longer in the persona.
        #[arg(long)]
        prune: bool,
    },
    /// Turn old pairs of persona files (`x.ron` and its Polish twin `x-pl.ron`) into one graph
    /// with line ids and a Polish string table; the twin is kept as `x-pl.ron.old`.
    Migrate {
        /// A folder (every pair in it), or the persona file and its twin.
        #[arg(required = true, num_args = 1..=2)]
        paths: Vec<PathBuf>,
    },
    /// Check that a saved report reproduces on the current persona file.
    Replay {
        /// The report file.
        report: PathBuf,
    },
}

/// A language code as typed: `en` or `pl`.
pub fn parse_language(code: &str) -> Result<Language, String> {
    Language::try_from(code.to_ascii_lowercase())
}

/// The settings shared with the app; a damaged file is reported and the defaults used.
fn settings(folders: &settle_store::folders::Folders) -> settle_store::settings::Settings {
    let (settings, problem) = settle_store::settings::load_or_default(&folders.settings());
    if let Some(problem) = problem {
        eprintln!("warning: {problem}");
    }
    settings
}

impl Cli {
    fn assets_dir(&self, dialogues: &std::path::Path) -> PathBuf {
        self.assets.clone().unwrap_or_else(|| default_assets_dir(dialogues))
    }

    /// The trainer's folder: `--dialogues`, else the settings' folder, else `dialogues` in the
    /// data folder if it exists.
    pub fn trainer_folder(&self) -> Option<PathBuf> {
        let folders = settle_store::folders::Folders::platform();
        let (settings, _) = settle_store::settings::load_or_default(&folders.settings());
        folders.trainer_dialogues(self.dialogues.as_deref(), &settings.dialogues_dir)
    }

    /// The library as messages name it.
    pub fn library_name(&self) -> String {
        match self.trainer_folder() {
            Some(dir) => format!("the bundled library or {}", dir.display()),
            None => "the bundled library".to_string(),
        }
    }

    /// The bundled library with the trainer's folder over it. A folder named with
    /// `--dialogues` that cannot be read is an error; the data folder's is only a warning.
    pub fn library(&self) -> Result<Library, LoadError> {
        let folder = self.trainer_folder();
        let with_assets = folder.as_deref().map(|dir| (dir, self.assets_dir(dir)));
        let (library, problem) = with_folder(
            settle_bundle::library(),
            with_assets.as_ref().map(|(dir, assets)| (*dir, assets.as_path())),
        );
        match problem {
            Some(e) if self.dialogues.is_some() => Err(e),
            Some(e) => {
                eprintln!("warning: {e}");
                Ok(library)
            }
            None => Ok(library),
        }
    }
}

/// Where a persona comes from, as `settle list` prints it.
pub fn origin_label(origin: &Origin) -> String {
    match origin {
        Origin::Bundled => "bundled".to_string(),
        Origin::Folder { dir, replaces_bundled: false } => format!("folder {}", dir.display()),
        Origin::Folder { dir, replaces_bundled: true } => {
            format!("folder {} (replaces bundled)", dir.display())
        }
    }
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> ExitCode {
    let result = match &cli.command {
        Some(Command::Check { path }) => check::run(&cli, path.as_deref()),
        Some(Command::List) => check::list(&cli),
        Some(Command::Play(args)) => play::run(&cli, args),
        Some(Command::Replay { report }) => replay::run(&cli, report),
        Some(Command::Analyze { persona }) => analyze::run(&cli, persona),
        Some(Command::Report { folder, csv, html, xapi, send, lrs }) => match send {
            true => report::send(folder, lrs),
            false => report::run(folder, report::Options { csv: *csv, html: html.as_deref(), xapi: *xapi }),
        },
        Some(Command::Graph { persona }) => analyze::graph(&cli, persona),
        Some(Command::Strings { file, lang, prune }) => strings::run(file, *lang, *prune),
        Some(Command::Migrate { paths }) => strings::migrate(paths),
        None => {
            let config =
                settle_app::AppConfig::new(cli.trainer_folder(), cli.assets.clone(), cli.reports.clone());
            settle_app::run(config, cli.exit_after_first_frame)
                .map(|()| ExitCode::SUCCESS)
                .map_err(|e| e.to_string().into())
        }
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
