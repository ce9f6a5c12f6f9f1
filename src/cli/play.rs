//! `settle play`: a call in the terminal, scripted (`--replies`) or interactive (reply
//! numbers read line by line from standard input, so it can be piped), then the debrief and
//! the saved report.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::str::FromStr;
use std::sync::Arc;

use chrono::NaiveDate;
use clap::Args;

use crate::cli::{Cli, debrief};
use settle_core::call::Mode;
use settle_core::engine::CallEvent;
use settle_core::money::Money;
use settle_core::outcome::{NextStep, Outcome};
use settle_core::persona::Persona;
use settle_core::style::ConflictStyle;
use settle_core::vocabulary::Language;
use settle_core::wrapup::{SelfAssessment, WrapUp};
use settle_i18n::Lang;
use settle_session::{CallSession, NewCall, Queueing, Saving, SessionConfig};
use settle_store::folders::Folders;
use settle_store::library::load_file;

#[derive(Debug, Args)]
pub struct PlayArgs {
    /// Persona id (from the dialogues folder) or path to a persona file.
    pub persona: String,
    /// The language to play in: en or pl [default: the persona's own language].
    #[arg(long, value_parser = crate::cli::parse_language)]
    pub lang: Option<Language>,
    /// Seed for a practice call [default: a fresh one]; assessment always uses the persona's.
    #[arg(long)]
    pub seed: Option<u64>,
    #[arg(long, value_enum, default_value_t = ModeArg::Practice)]
    pub mode: ModeArg,
    /// Replies by their number among those on offer (1-based), `s` for silence: `1,3,s,2`.
    #[arg(long, value_delimiter = ',')]
    pub replies: Option<Vec<Step>>,
    /// Who plays [default: the trainee of the shared settings, else `trainee`].
    #[arg(long)]
    pub trainee: Option<String>,
    /// Reports folder [default: $SETTLE_REPORTS_DIR, else the shared settings' folder, else
    /// `reports` in the data folder].
    #[arg(long, value_name = "DIR")]
    pub reports: Option<PathBuf>,
    /// Do not save a report.
    #[arg(long)]
    pub no_save: bool,
    /// Settle's data folder, shared with the app: the settings (organisation key, reports
    /// folder, learning record store), the journal that lets a killed interactive call resume,
    /// and the LRS outbox [default: the platform data folder].
    #[arg(long, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Start a new call even if an interrupted one is waiting.
    #[arg(long)]
    pub fresh: bool,
    /// Wrap-up: record exactly what was agreed (outcome, terms, next step), so that the score
    /// measures the replies alone; for authors checking their scripted calls.
    #[arg(long, conflicts_with_all = ["outcome", "amount", "instalments", "first_due", "call_back", "next_step"])]
    pub correct_wrap_up: bool,
    /// Wrap-up: the outcome you record (e.g. PaymentPlan).
    #[arg(long, value_parser = parse_outcome)]
    pub outcome: Option<Outcome>,
    /// Wrap-up: the agreed amount.
    #[arg(long, value_parser = parse_money)]
    pub amount: Option<Money>,
    /// Wrap-up: the number of instalments.
    #[arg(long)]
    pub instalments: Option<u32>,
    /// Wrap-up: the first due date, YYYY-MM-DD.
    #[arg(long)]
    pub first_due: Option<NaiveDate>,
    /// Wrap-up: the agreed call-back day, YYYY-MM-DD.
    #[arg(long)]
    pub call_back: Option<NaiveDate>,
    /// Wrap-up: the next step (e.g. SendAgreement).
    #[arg(long, value_parser = parse_next_step)]
    pub next_step: Option<NextStep>,
    /// Self-assessment: the score you expect (0-100), written before the debrief.
    #[arg(long, value_parser = clap::value_parser!(u32).range(0..=100))]
    pub expect_score: Option<u32>,
    /// Self-assessment: where your style sat (Competing, Collaborating, Compromising,
    /// Avoiding, Accommodating).
    #[arg(long, value_parser = parse_style)]
    pub expect_style: Option<ConflictStyle>,
    /// Self-assessment: one thing you would do differently.
    #[arg(long, default_value = "")]
    pub differently: String,
    /// Wrap-up: a free note.
    #[arg(long, default_value = "")]
    pub note: String,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ModeArg {
    Practice,
    Assessment,
}

/// One scripted step: a reply by its number on screen, by its place among the replies on offer
/// counted in the persona file's order (`#2`), or silence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Reply(usize),
    Listed(usize),
    Silence,
}

impl FromStr for Step {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim() {
            "s" | "S" => Ok(Step::Silence),
            listed if listed.starts_with('#') => listed[1..]
                .parse::<usize>()
                .ok()
                .filter(|n| *n > 0)
                .map(Step::Listed)
                .ok_or_else(|| format!("`{listed}` is not a reply's place in the file (#1, #2, ...)")),
            n => n
                .parse::<usize>()
                .ok()
                .filter(|n| *n > 0)
                .map(Step::Reply)
                .ok_or_else(|| format!("`{n}` is neither a reply number (1, 2, ...) nor `s` for silence")),
        }
    }
}

fn parse_outcome(s: &str) -> Result<Outcome, String> {
    Outcome::from_key(s).ok_or_else(|| {
        let all: Vec<_> = Outcome::ALL.iter().map(|o| o.key()).collect();
        format!("one of {}", all.join(", "))
    })
}

fn parse_style(s: &str) -> Result<ConflictStyle, String> {
    ConflictStyle::ALL.into_iter().find(|c| format!("{c:?}").eq_ignore_ascii_case(s)).ok_or_else(|| {
        let all: Vec<_> = ConflictStyle::ALL.iter().map(|c| format!("{c:?}")).collect();
        format!("one of {}", all.join(", "))
    })
}

fn parse_next_step(s: &str) -> Result<NextStep, String> {
    NextStep::from_key(s).ok_or_else(|| {
        let all: Vec<_> = NextStep::ALL.iter().map(|o| o.key()).collect();
        format!("one of {}", all.join(", "))
    })
}

fn parse_money(s: &str) -> Result<Money, String> {
    Money::parse(s).ok_or_else(|| format!("`{s}` is not an amount such as 1250.00"))
}

/// Finds the persona by id in the dialogues folder, or loads it from a file path, in
/// `language` (default: the persona's own language).
pub fn find_persona(cli: &Cli, name: &str, language: Option<Language>) -> Result<Arc<Persona>, String> {
    let path = Path::new(name);
    let loaded = if path.extension().is_some_and(|e| e == "ron") && path.is_file() {
        let folder = path.parent().unwrap_or(Path::new("."));
        let loaded = load_file(path, &cli.assets_dir(folder));
        eprint!("{}", loaded.render());
        loaded
    } else {
        let library = cli.library().map_err(|e| e.to_string())?;
        let found = library
            .file_of(name)
            .or_else(|| library.files.iter().find(|f| f.path.file_stem().is_some_and(|s| s == name)));
        match found {
            Some(file) => file.clone(),
            None => {
                let ids: Vec<_> = library.personas().map(|p| p.id.0.as_str()).collect();
                return Err(format!(
                    "no persona `{name}` in {}; known: {}",
                    cli.library_name(),
                    ids.join(", ")
                ));
            }
        }
    };
    let Some(own) = loaded.persona.clone() else {
        eprint!("{}", loaded.render());
        return Err(format!("{name} has errors; it cannot be played"));
    };
    // An old twin's id (`x-pl`) still means the persona in Polish.
    let twin = settle_core::persona::merged_id(name).is_some_and(|base| base == own.id.0);
    let language = language.or(twin.then_some(Language::Pl));
    match language {
        None => Ok(own),
        Some(language) => loaded.in_language(language).cloned().ok_or_else(|| {
            let has: Vec<_> = loaded.languages().iter().map(|l| l.code()).collect();
            format!("{name} has no {} text; it has {}", language.name_en(), has.join(", "))
        }),
    }
}

pub fn run(cli: &Cli, args: &PlayArgs) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let persona = find_persona(cli, &args.persona, args.lang)?;
    // The terminal speaks the language the call is held in.
    let lang = Lang::from(persona.language);
    let mode = match args.mode {
        ModeArg::Practice => Mode::Practice,
        ModeArg::Assessment => Mode::Assessment,
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let folders = Folders::or_platform(args.data.as_deref());
    let settings = crate::cli::settings(&folders);
    let mut config = SessionConfig::decide(&folders, &settings, args.reports.as_deref());
    // An interactive call is journaled after every reply; scripted ones replay anyway.
    if args.replies.is_some() {
        config.journal = None;
    }
    if args.no_save {
        config.reports = None;
    }
    let waiting = match args.fresh {
        false => CallSession::waiting(&config)?
            .filter(|j| j.persona == persona.id && j.language.is_none_or(|l| l == persona.language)),
        true => None,
    };
    let mut session = match waiting {
        Some(journal) => {
            let session = CallSession::resume_on(&journal, Some(&persona), config)?;
            writeln!(
                out,
                "Resuming the interrupted call with {} ({} replies so far; --fresh starts a new one).",
                persona.name,
                journal.choices.len()
            )?;
            for turn in session.engine().turns() {
                writeln!(
                    out,
                    "{}: {}\n> {}",
                    lang.tr("play-debtor"),
                    turn.debtor_line,
                    turn.reply.as_deref().unwrap_or(lang.tr("play-silence"))
                )?;
            }
            if !session.is_over() {
                writeln!(out, "\n{}: {}", lang.tr("play-debtor"), session.engine().debtor_line())?;
            }
            session
        }
        None => {
            let trainee = args.trainee.clone().unwrap_or_else(|| match settings.trainee.trim() {
                "" => "trainee".to_string(),
                named => named.to_string(),
            });
            let call = NewCall { persona: Arc::clone(&persona), mode, seed: args.seed, trainee };
            let started = CallSession::start(call, config);
            let call = [
                ("persona", (&persona.name).into()),
                ("company", (&persona.company).into()),
                ("mode", lang.mode(mode).into()),
                ("seed", started.session.engine().seed().to_string().into()),
            ];
            writeln!(out, "{}", lang.tr_args("play-call-with", &call))?;
            show(&mut out, &started.events, lang)?;
            started.journaled?;
            started.session
        }
    };
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut scripted = args.replies.as_deref().map(|r| r.iter());
    while !session.is_over() {
        for (i, offer) in session.engine().offers().iter().enumerate() {
            writeln!(out, "  {}. {}", i + 1, offer.text)?;
        }
        let step = match scripted.as_mut() {
            Some(steps) => match steps.next() {
                Some(step) => *step,
                None => {
                    writeln!(out, "{}", lang.tr("play-script-ran-out"))?;
                    return Ok(ExitCode::FAILURE);
                }
            },
            None => match ask_step(&mut out, &mut input, lang)? {
                Some(step) => step,
                None => {
                    writeln!(out, "{}", lang.tr("play-abandoned"))?;
                    return Ok(ExitCode::FAILURE);
                }
            },
        };
        let result = match step {
            Step::Reply(n) => session.choose_offer(n),
            Step::Listed(n) => session.choose_listed(n),
            Step::Silence => session.silence(),
        };
        match result {
            Ok(turned) => {
                // Journaled before the next prompt: a reply the trainee saw accepted is never lost.
                turned.journaled?;
                if let Some(turn) = session.engine().turns().last() {
                    writeln!(out, "> {}", turn.reply.as_deref().unwrap_or(lang.tr("play-silence")))?;
                }
                show(&mut out, &turned.events, lang)?;
            }
            Err(e) if scripted.is_some() => return Err(e.into()),
            Err(e) => writeln!(out, "{e}")?,
        }
    }
    // A script longer than the call is a wrong script: the author meant another route.
    if let Some(left) = scripted.as_mut().map(|steps| steps.count()).filter(|n| *n > 0) {
        let turns = session.engine().turns().len();
        return Err(format!("the call ended after {turns} replies, and the script has {left} more").into());
    }
    let interactive = scripted.is_none() && args_wrap_up_empty(args) && !args.correct_wrap_up;
    let wrap_up = if let (true, Some(end)) = (args.correct_wrap_up, session.engine().end()) {
        WrapUp { note: args.note.clone(), ..WrapUp::matching(end) }
    } else if scripted.is_some() || !args_wrap_up_empty(args) {
        WrapUp {
            outcome: args.outcome,
            amount: args.amount,
            instalments: args.instalments,
            first_due: args.first_due,
            call_back: args.call_back,
            next_step: args.next_step,
            note: args.note.clone(),
        }
    } else {
        ask_wrap_up(&mut out, &mut input, lang)?
    };
    let assessment = match interactive {
        true => ask_self_assessment(&mut out, &mut input, lang)?,
        false => SelfAssessment {
            expected_score: args.expect_score,
            style: args.expect_style,
            differently: args.differently.clone(),
        },
    };
    let config = session.config().clone();
    let finished = session.finish(wrap_up, assessment)?;
    let report = finished.report;
    write!(out, "{}", debrief::render(&report, report.persona.language.into()))?;
    match finished.queued {
        Queueing::Off | Queueing::AlreadyQueued => {}
        Queueing::Queued => {
            let folder = config.outbox.as_ref().map(|o| o.dir().display().to_string()).unwrap_or_default();
            writeln!(out, "{}", lang.tr_args("play-queued", &[("folder", folder.into())]))?;
        }
        Queueing::Failed(e) => {
            writeln!(out, "{}", lang.tr_args("play-not-queued", &[("error", e.to_string().into())]))?;
        }
    }
    // The report stays in memory while the person frees space or fixes the folder; the
    // journal is cleared only once it is saved, so giving up loses nothing either.
    let mut saved = finished.saved;
    loop {
        match saved {
            Saving::Off => break,
            Saving::Saved(path) => {
                writeln!(
                    out,
                    "{}",
                    lang.tr_args("play-saved", &[("path", path.display().to_string().into())])
                )?;
                break;
            }
            Saving::Failed(e) if config.journal.is_some() => {
                writeln!(out, "{}", lang.tr_args("play-not-saved", &[("error", e.to_string().into())]))?;
                write!(out, "{} ", lang.tr("play-retry-save"))?;
                out.flush()?;
                let mut answer = String::new();
                if input.read_line(&mut answer)? == 0 || answer.trim().eq_ignore_ascii_case("q") {
                    writeln!(out)?;
                    return Err(
                        format!("{e}; the call is kept and `settle play {}` saves it", args.persona).into()
                    );
                }
                saved = config.save(&report);
            }
            Saving::Failed(e) => return Err(e.into()),
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn args_wrap_up_empty(args: &PlayArgs) -> bool {
    args.outcome.is_none()
        && args.amount.is_none()
        && args.instalments.is_none()
        && args.first_due.is_none()
        && args.call_back.is_none()
        && args.next_step.is_none()
        && args.note.is_empty()
}

fn show(out: &mut impl Write, events: &[CallEvent], lang: Lang) -> io::Result<()> {
    for event in events {
        match event {
            CallEvent::DebtorSays { text, .. } => writeln!(out, "\n{}: {text}", lang.tr("play-debtor"))?,
            CallEvent::Ended(end) => {
                if !end.closing_line.is_empty() {
                    writeln!(out, "\n{}: {}", lang.tr("play-debtor"), end.closing_line)?;
                }
                let outcome = [("outcome", lang.outcome(end.outcome).into())];
                writeln!(out, "\n— {} —", lang.tr_args("play-call-over", &outcome))?;
            }
            CallEvent::BranchDrawn { .. } => {}
        }
    }
    Ok(())
}

/// Reads a reply number or `s`; `None` at end of input or `q`.
fn ask_step(out: &mut impl Write, input: &mut impl BufRead, lang: Lang) -> io::Result<Option<Step>> {
    loop {
        write!(out, "{} ", lang.tr("play-your-reply"))?;
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 || line.trim() == "q" {
            return Ok(None);
        }
        match line.parse::<Step>() {
            Ok(step) => return Ok(Some(step)),
            Err(e) => writeln!(out, "{e}")?,
        }
    }
}

fn ask<T>(
    out: &mut impl Write,
    input: &mut impl BufRead,
    (question, lang): (&str, Lang),
    parse: impl Fn(&str) -> Result<T, String>,
) -> io::Result<Option<T>> {
    loop {
        write!(out, "{question} {} ", lang.tr("play-empty-for-none"))?;
        out.flush()?;
        let mut line = String::new();
        if input.read_line(&mut line)? == 0 || line.trim().is_empty() {
            return Ok(None);
        }
        match parse(line.trim()) {
            Ok(value) => return Ok(Some(value)),
            Err(e) => writeln!(out, "{e}")?,
        }
    }
}

fn ask_wrap_up(out: &mut impl Write, input: &mut impl BufRead, lang: Lang) -> io::Result<WrapUp> {
    writeln!(out, "\n{}", lang.tr("play-wrap-up"))?;
    let date = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| e.to_string());
    let outcome = ask(out, input, (lang.tr("play-ask-outcome"), lang), parse_outcome)?;
    let amount = ask(out, input, (lang.tr("play-ask-amount"), lang), parse_money)?;
    let instalments = ask(out, input, (lang.tr("play-ask-instalments"), lang), |s| {
        s.parse::<u32>().map_err(|e| e.to_string())
    })?;
    let first_due = ask(out, input, (lang.tr("play-ask-first-due"), lang), date)?;
    // Asked only for a call-back, so that the answers to the other questions keep their order.
    let call_back = match outcome {
        Some(Outcome::CallBackAgreed) => ask(out, input, (lang.tr("play-ask-call-back"), lang), date)?,
        _ => None,
    };
    Ok(WrapUp {
        outcome,
        amount,
        instalments,
        first_due,
        call_back,
        next_step: ask(out, input, (lang.tr("play-ask-next-step"), lang), parse_next_step)?,
        note: ask(out, input, (lang.tr("play-ask-note"), lang), |s| Ok(s.to_string()))?.unwrap_or_default(),
    })
}

fn ask_self_assessment(
    out: &mut impl Write,
    input: &mut impl BufRead,
    lang: Lang,
) -> io::Result<SelfAssessment> {
    writeln!(out, "\n{}", lang.tr("play-self-assessment"))?;
    let score = |s: &str| s.parse::<u32>().ok().filter(|n| *n <= 100).ok_or_else(|| "0-100".to_string());
    Ok(SelfAssessment {
        expected_score: ask(out, input, (lang.tr("play-ask-expected-score"), lang), score)?,
        style: ask(out, input, (lang.tr("play-ask-style"), lang), parse_style)?,
        differently: ask(out, input, (lang.tr("play-ask-differently"), lang), |s| Ok(s.to_string()))?
            .unwrap_or_default(),
    })
}
