//! Problems found in persona files, with where they are and how to fix them.
//!
//! Every problem is a typed [`Problem`]; a [`Diagnostic`] places it in a file (path, byte range,
//! 1-based line and column) and gives it a level and a hint. [`Diagnostic::render`] draws the
//! offending source line with a caret through `codespan-reporting`, for the command line and
//! the app's authoring panel alike. Nothing here decides *whether* something is a problem.

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use codespan_reporting::diagnostic::{Diagnostic as Report, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term;
use thiserror::Error;

use crate::source::line_col;

/// Whether a problem stops the persona from being played.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Warning,
    Error,
}

/// Everything that can be wrong with a persona file.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum Problem {
    #[error("cannot read the file: {0}")]
    Unreadable(String),
    #[error("the file is {size} bytes, more than the limit of {limit} bytes")]
    TooLarge { size: u64, limit: u64 },
    #[error("the file is not valid UTF-8 text")]
    NotUtf8,
    #[error("{0}")]
    Syntax(String),
    #[error("amounts are written without thousands separators")]
    ThousandsSeparator { written: String, plain: String },
    #[error("amounts are written with a decimal point, not a comma")]
    DecimalComma { written: String, plain: String },
    #[error("{axis} is a whole number from -2 to 2")]
    StanceNotWhole { axis: String, written: String },
    #[error("a whole number is needed here, not {written}")]
    NotWhole { key: Option<String>, written: String },
    #[error("the next step is written `Goto(\"node\")`, or `Random([...])` to branch at random")]
    NextWithoutGoto(String),
    #[error("{owner} has one next step")]
    NextList { owner: &'static str, targets: Vec<String> },
    #[error("a comma is missing {}", before.as_ref().map_or("between these two items".to_string(), |b| format!("before `{b}`")))]
    MissingComma {
        /// The key after the missing comma, as written; `None` between two items of a list.
        before: Option<String>,
        /// The line with the comma put in, when it is short enough to quote.
        fixed: Option<String>,
    },
    #[error("this text has no closing quote on its line")]
    UnclosedText,
    #[error("text is written in double quotes")]
    UnquotedText {
        /// The value in double quotes.
        fix: String,
        /// The text's first and last words, where the quotes go.
        first: String,
        last: String,
    },
    #[error("this text has no opening quote")]
    UnopenedText {
        /// The value with both quotes.
        fix: String,
        /// The text's first word, where the quote goes.
        first: String,
    },
    #[error("`{name}` is written without quotes")]
    QuotedName { name: String, fix: String },
    #[error("a list is written in square brackets, even with one item")]
    NotAList { fix: String },
    #[error("there is one comma too many here")]
    ExtraComma,
    #[error("format version {found} is not supported (this Settle reads version {supported})")]
    UnsupportedFormat { found: u32, supported: u32 },
    #[error("`{0}` is written twice")]
    DuplicateKey(String),
    #[error("persona id `{id}` is already used by {other}")]
    DuplicatePersonaId { id: String, other: String },
    #[error("`{0}` is not a valid id")]
    InvalidId(String),
    #[error("difficulty {0} is outside 1-5")]
    DifficultyOutOfRange(u8),
    #[error("the start node `{start}` does not exist")]
    UnknownStart { start: String, suggestion: Option<String> },
    #[error("node `{target}` does not exist")]
    UnknownTarget { target: String, suggestion: Option<String> },
    #[error("mood `{name}` is not declared in `moods`")]
    UnknownMood { name: String, suggestion: Option<String> },
    #[error("flag `{0}` is tested but no reply sets it")]
    FlagNeverSet(String),
    #[error("mood `{name}` starts at {value}, outside 0-100")]
    MoodOutOfRange { name: String, value: i32 },
    #[error("{axis} {value} is outside -2..=2")]
    StanceOutOfRange { axis: &'static str, value: i32 },
    #[error("node `{0}` has no replies and is not an ending")]
    DeadEnd(String),
    #[error("ending `{0}` offers replies, but a call ends there")]
    EndingWithReplies(String),
    #[error("every reply of node `{0}` has a condition; if none holds the trainee cannot answer")]
    NoUnconditionalReply(String),
    #[error("node `{0}` has no debtor line")]
    NoLines(String),
    #[error("all weights are zero")]
    AllWeightsZero,
    #[error("the tilt {value} on `{mood}` is outside -{max}..={max}", max = crate::mood::MAX_TILT)]
    TiltOutOfRange { mood: String, value: String },
    #[error("node `{0}` cannot be reached from the start")]
    Unreachable(String),
    #[error("ending `{0}` cannot be reached from the start")]
    EndingUnreachable(String),
    #[error("from node `{0}` no ending can be reached: the call could go round forever")]
    NoExit(String),
    #[error("target outcome {0} has points but no ending has that outcome")]
    TargetOutcomeMissing(String),
    #[error("no ending reaches any outcome that the target gives points for")]
    NoScoringEnding,
    #[error("outcome points {0} are above 100")]
    PointsOutOfRange(u32),
    #[error("the style zone {0}")]
    BadStyleZone(String),
    #[error("the score weights are all zero")]
    WeightsAllZero,
    #[error("the pass mark {0} is above 100")]
    PassMarkOutOfRange(u32),
    #[error("the turn budget must be at least 1")]
    ZeroTurnBudget,
    #[error("the reply time limit must be at least 1 second")]
    ZeroTimeLimit,
    #[error("this reply handles a ploy, but node `{0}` has no ploy")]
    PloyHandlingWithoutPloy(String),
    #[error("portrait `{0}` is outside the assets folder")]
    PortraitOutsideAssets(String),
    #[error("portrait `{image}` is not in the folder {folder}{}", missing_folder(folder, assets, missing.as_deref()))]
    PortraitMissing {
        image: String,
        /// Where the image was looked for: the assets folder joined with the folder written.
        folder: String,
        assets: String,
        /// The first folder on the way to `folder` that does not exist, if one does not.
        missing: Option<String>,
        /// An image that exists and differs by case or a typo.
        suggestion: Option<String>,
    },
    #[error("portrait `{image}` cannot be used: {reason}")]
    PortraitUnusable { image: String, reason: String },
    #[error("no portrait without a condition: some moods would show no face")]
    NoDefaultPortrait,
    #[error("line id `{0}` is used by another text too")]
    LineIdDuplicate(String),
    #[error("this text has no line id, so it cannot be translated")]
    LineIdMissing { table: String },
    #[error("line `{id}` has no {language} translation; the call shows the {source_language} text")]
    TranslationMissing { id: String, language: String, source_language: String, in_table: bool },
    #[error("the {source_language} text of line `{id}` changed since it was translated")]
    TranslationStale { id: String, source_language: String, now: String },
    #[error("line `{id}` is not in the persona any more")]
    TranslationOrphan { id: String, suggestion: Option<String> },
    #[error("the table cannot be read: {0}")]
    TableUnreadable(String),
    #[error("the table's language `{found}` {why}")]
    TableLanguage { found: String, why: String },
    #[error("{kind} is critical from {default} on; a persona may make it stricter, never looser")]
    CriticalLooser { kind: String, default: String },
    #[error("{0} required steps; at most 64 can be tracked")]
    TooManySteps(usize),
    #[error("step `{0}` is declared twice")]
    DuplicateStep(String),
    #[error("step `{step}` is not declared in `target.steps`")]
    UnknownStep { step: String, suggestion: Option<String> },
    #[error("no reply takes step `{0}`, so every call misses it")]
    StepNeverTaken(String),
    #[error("at {percent}% of the decision points the best reply is also the {}: a trainee can pick it without reading", if *longest { "longest" } else { "shortest" })]
    AnswerByForm { longest: bool, percent: u32 },
}

impl Problem {
    /// A short stable name, shown in brackets and used by tests.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Unreadable(_) => "unreadable",
            Problem::TooLarge { .. } => "too-large",
            Problem::NotUtf8 => "not-utf8",
            Problem::Syntax(_) => "syntax",
            Problem::ThousandsSeparator { .. } => "thousands-separator",
            Problem::DecimalComma { .. } => "decimal-comma",
            Problem::StanceNotWhole { .. } => "stance-not-whole",
            Problem::NotWhole { .. } => "not-whole",
            Problem::NextWithoutGoto(_) => "next-without-goto",
            Problem::NextList { .. } => "next-list",
            Problem::MissingComma { .. } => "missing-comma",
            Problem::UnclosedText => "unclosed-text",
            Problem::UnquotedText { .. } => "unquoted-text",
            Problem::UnopenedText { .. } => "unopened-text",
            Problem::QuotedName { .. } => "quoted-name",
            Problem::NotAList { .. } => "not-a-list",
            Problem::ExtraComma => "extra-comma",
            Problem::UnsupportedFormat { .. } => "unsupported-format",
            Problem::DuplicateKey(_) => "duplicate-key",
            Problem::DuplicatePersonaId { .. } => "duplicate-persona",
            Problem::InvalidId(_) => "invalid-id",
            Problem::DifficultyOutOfRange(_) => "difficulty",
            Problem::UnknownStart { .. } => "unknown-start",
            Problem::UnknownTarget { .. } => "unknown-target",
            Problem::UnknownMood { .. } => "unknown-mood",
            Problem::FlagNeverSet(_) => "flag-never-set",
            Problem::MoodOutOfRange { .. } => "mood-range",
            Problem::StanceOutOfRange { .. } => "stance-range",
            Problem::TiltOutOfRange { .. } => "tilt-range",
            Problem::DeadEnd(_) => "dead-end",
            Problem::EndingWithReplies(_) => "ending-with-replies",
            Problem::NoUnconditionalReply(_) => "no-unconditional-reply",
            Problem::NoLines(_) => "no-lines",
            Problem::AllWeightsZero => "zero-weights",
            Problem::Unreachable(_) => "unreachable",
            Problem::EndingUnreachable(_) => "ending-unreachable",
            Problem::NoExit(_) => "no-exit",
            Problem::TargetOutcomeMissing(_) => "target-outcome-missing",
            Problem::NoScoringEnding => "no-scoring-ending",
            Problem::PointsOutOfRange(_) => "points-range",
            Problem::BadStyleZone(_) => "style-zone",
            Problem::WeightsAllZero => "weights-zero",
            Problem::PassMarkOutOfRange(_) => "pass-mark",
            Problem::ZeroTurnBudget => "turn-budget",
            Problem::ZeroTimeLimit => "time-limit",
            Problem::PloyHandlingWithoutPloy(_) => "ploy-handling-without-ploy",
            Problem::PortraitOutsideAssets(_) => "portrait-outside-assets",
            Problem::PortraitMissing { .. } => "portrait-missing",
            Problem::PortraitUnusable { .. } => "portrait-unusable",
            Problem::NoDefaultPortrait => "no-default-portrait",
            Problem::LineIdDuplicate(_) => "line-id-duplicate",
            Problem::LineIdMissing { .. } => "line-id-missing",
            Problem::TranslationMissing { .. } => "translation-missing",
            Problem::TranslationStale { .. } => "translation-stale",
            Problem::TranslationOrphan { .. } => "translation-orphan",
            Problem::TableUnreadable(_) => "table-unreadable",
            Problem::TableLanguage { .. } => "table-language",
            Problem::CriticalLooser { .. } => "critical-looser",
            Problem::TooManySteps(_) => "too-many-steps",
            Problem::DuplicateStep(_) => "duplicate-step",
            Problem::UnknownStep { .. } => "unknown-step",
            Problem::StepNeverTaken(_) => "step-never-taken",
            Problem::AnswerByForm { .. } => "answer-by-form",
        }
    }

    /// What the trainer can do about it, where that is clear.
    pub fn hint(&self) -> Option<String> {
        let text = match self {
            Problem::Unreadable(_) => "check the file's permissions",
            Problem::TooLarge { .. } => {
                "split the persona or shorten its text; see docs/authoring.md, Limits"
            }
            Problem::NotUtf8 => "save the file as UTF-8 (Polish letters need it)",
            Problem::ThousandsSeparator { written, plain } | Problem::DecimalComma { written, plain } => {
                return Some(format!("write `{plain}` instead of `{written}`"));
            }
            Problem::StanceNotWhole { axis, written } => {
                let written = written.parse::<f64>().unwrap_or(0.0).clamp(-2.0, 2.0);
                return Some(nearest_whole(written, &format!("{axis}: ")));
            }
            Problem::NotWhole { key, written } => {
                let key = key.as_ref().map(|k| format!("{k}: ")).unwrap_or_default();
                return Some(nearest_whole(written.parse().unwrap_or(0.0), &key));
            }
            Problem::MissingComma { fixed: Some(fixed), .. } => return Some(format!("write `{fixed}`")),
            Problem::MissingComma { fixed: None, .. } => "put a comma where the caret points",
            Problem::UnclosedText => {
                "end the text with `\"` on this line; a line break inside text is written `\\n`"
            }
            Problem::UnquotedText { fix, .. } | Problem::UnopenedText { fix, .. }
                if fix.chars().count() <= MAX_QUOTED =>
            {
                return Some(format!("write `{fix}`"));
            }
            Problem::UnquotedText { first, last, .. } => {
                return Some(format!("put a `\"` before `{first}` and another after `{last}`"));
            }
            Problem::QuotedName { fix, .. } | Problem::NotAList { fix } => {
                return Some(format!("write `{fix}`"));
            }
            Problem::UnopenedText { first, .. } => return Some(format!("put a `\"` before `{first}`")),
            Problem::ExtraComma => "remove one of the two commas",
            Problem::NextWithoutGoto(target) => return Some(format!("write `next: Goto({target:?})`")),
            Problem::NextList { targets, .. } => {
                if let [target] = targets.as_slice() {
                    return Some(format!("write `next: Goto({target:?})`"));
                }
                let placeholders = ["a".to_string(), "b".to_string()];
                let targets = if targets.is_empty() { &placeholders[..] } else { targets };
                let branches: Vec<String> =
                    targets.iter().map(|t| format!("Branch(to: {t:?}, weight: 1)")).collect();
                return Some(format!("to branch at random, write `next: Random([{}])`", branches.join(", ")));
            }
            Problem::UnsupportedFormat { .. } => "write `format: 1`",
            Problem::DuplicateKey(_) => {
                "give each node its own id; the later one would silently replace the earlier"
            }
            Problem::DuplicatePersonaId { .. } => "persona ids must be unique across all files; rename one",
            Problem::InvalidId(_) => "ids use letters, digits, `_` and `-` only",
            Problem::DifficultyOutOfRange(_) => "use 1 (easiest) to 5 (hardest)",
            Problem::UnknownTarget { suggestion: Some(s), .. }
            | Problem::UnknownStart { suggestion: Some(s), .. }
            | Problem::UnknownMood { suggestion: Some(s), .. }
            | Problem::UnknownStep { suggestion: Some(s), .. } => {
                return Some(format!("did you mean `{s}`?"));
            }
            Problem::UnknownTarget { .. } | Problem::UnknownStart { .. } => {
                "add a node with that id, or correct the spelling"
            }
            Problem::UnknownMood { .. } => "declare it in `moods: { ... }` with a start value",
            Problem::FlagNeverSet(_) => {
                "add `sets: [\"...\"]` to the reply that should set it, or correct the spelling"
            }
            Problem::MoodOutOfRange { .. } => "moods run from 0 to 100",
            Problem::StanceOutOfRange { .. } => "empathy and firmness run from -2 to +2",
            Problem::TiltOutOfRange { .. } => {
                "a tilt multiplies a mood of 0-100; 0.1 to 2 moves a branch well (see docs/authoring.md)"
            }
            Problem::DeadEnd(_) => "add replies, or make it an ending with `ending: Ending(...)`",
            Problem::EndingWithReplies(_) => "remove the replies or the `ending`",
            Problem::NoUnconditionalReply(_) => "leave at least one reply without `when`",
            Problem::NoLines(_) => "add at least one line to `says: [...]`",
            Problem::AllWeightsZero => "give at least one entry a weight above zero",
            Problem::Unreachable(_) | Problem::EndingUnreachable(_) => {
                "point a reply's `next` at it, or delete it"
            }
            Problem::NoExit(_) => "give one of the nodes on this loop a reply that leads towards an ending",
            Problem::TargetOutcomeMissing(_) => {
                "add an ending with this outcome, or drop it from `target.outcomes`"
            }
            Problem::NoScoringEnding => "add an ending whose outcome is listed in `target.outcomes`",
            Problem::PointsOutOfRange(_) => "outcome points run from 0 to 100",
            Problem::BadStyleZone(_) => "write each axis as (low, high) with -1.0 <= low <= high <= 1.0",
            Problem::WeightsAllZero => {
                "give at least one score part a weight, or drop `weights` for the defaults"
            }
            Problem::PassMarkOutOfRange(_) => "the pass mark is a score from 0 to 100",
            Problem::ZeroTurnBudget => "set `turn_budget` to the number of replies a good call needs",
            Problem::ZeroTimeLimit => "drop `reply_time_limit` for no limit",
            Problem::PloyHandlingWithoutPloy(_) => "tag the node with `ploy: ...` or drop the reply's `ploy`",
            Problem::PortraitOutsideAssets(_) => {
                "use a relative path inside assets/, such as \"portraits/name/calm.png\""
            }
            Problem::PortraitMissing { suggestion: Some(s), .. } => {
                return Some(format!("did you mean `{s}`?"));
            }
            Problem::PortraitMissing { image, assets, missing, .. } => {
                let file = image.rsplit(['/', '\\']).next().unwrap_or(image);
                let put = match missing {
                    None => format!("put `{file}` in that folder"),
                    Some(missing) if missing == assets => {
                        return Some(format!(
                            "create the assets folder beside the folder of persona files, with the image at `{image}` inside it"
                        ));
                    }
                    Some(_) => format!("put `{file}` in that folder (create it first)"),
                };
                return Some(format!(
                    "{put}, or correct the path: it starts from the assets folder {assets}"
                ));
            }
            Problem::PortraitUnusable { .. } => {
                let max = crate::assets::MAX_PORTRAIT_SIDE;
                return Some(format!(
                    "portraits are PNG images of at most {max}x{max} pixels (512x512 is plenty)"
                ));
            }
            Problem::NoDefaultPortrait => "add a portrait without `when` as the last entry",
            Problem::LineIdDuplicate(id) => {
                return Some(format!(
                    "give one of the texts another id, such as `{id}-2`; ids must be unique in a persona"
                ));
            }
            Problem::LineIdMissing { table } => {
                return Some(format!(
                    "run `settle strings {table}`: it writes an id into every text that has none"
                ));
            }
            Problem::TranslationMissing { in_table: true, .. } => {
                "fill in the `translation` cell of this row"
            }
            Problem::TranslationMissing { in_table: false, .. } => {
                "run `settle strings` on the persona to add a row for it to the table, then translate the row"
            }
            Problem::TranslationStale { now, .. } => {
                return Some(format!(
                    "the text now reads \"{now}\"; update the translation, then empty this row's `lock` cell"
                ));
            }
            Problem::TranslationOrphan { suggestion: Some(s), .. } => {
                return Some(format!("was the line renamed to `{s}`? Otherwise delete the row"));
            }
            Problem::TranslationOrphan { suggestion: None, .. } => {
                "delete the row, or run `settle strings --prune` to drop every such row"
            }
            Problem::CriticalLooser { .. } => {
                "drop the entry, or give it the default severity or a lower one"
            }
            Problem::TooManySteps(_) => "keep the steps a quality scorecard would list; merge the small ones",
            Problem::DuplicateStep(_) => "give each step its own id",
            Problem::UnknownStep { .. } => {
                "declare it in `target.steps: [Step(id: ..., name: ...)]`, or correct the spelling"
            }
            Problem::StepNeverTaken(_) => "add the step's id to `steps: [...]` of the reply that takes it",
            Problem::AnswerByForm { .. } => {
                "make wrong replies as long and polished as right ones, and some right ones short; `settle analyze` shows the share"
            }
            Problem::TableUnreadable(_) => {
                "save the table as CSV (UTF-8) with the header id,where,source,translation,lock"
            }
            Problem::TableLanguage { .. } => {
                "name the table PERSONA.LANG.strings.csv with LANG `en` or `pl`, other than the persona's own language"
            }
            Problem::Syntax(_) => return None,
        };
        Some(text.to_string())
    }
}

/// The end of the `portrait-missing` message: which folder on the way does not exist.
fn missing_folder(folder: &str, assets: &str, missing: Option<&str>) -> String {
    match missing {
        None => String::new(),
        Some(missing) if missing == folder => ", which does not exist".to_string(),
        Some(missing) if missing == assets => format!(": the assets folder {assets} does not exist"),
        Some(missing) => format!(": the folder {missing} does not exist"),
    }
}

/// Values longer than this are not quoted whole in a hint.
const MAX_QUOTED: usize = 60;

/// "write `empathy: 1` (the nearest whole number)", or both neighbours when `value` lies halfway.
fn nearest_whole(value: f64, prefix: &str) -> String {
    let (low, high) = (value.floor() as i64, value.ceil() as i64);
    if low != high && value - value.floor() == 0.5 {
        format!("write `{prefix}{low}` or `{prefix}{high}`, the nearest whole numbers")
    } else {
        format!("write `{prefix}{}`, the nearest whole number", value.round() as i64)
    }
}

/// A problem placed in a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub level: Level,
    pub problem: Problem,
    pub file: PathBuf,
    /// Byte range in the file, when the problem has a place.
    pub span: Option<Range<usize>>,
    /// 1-based; 1:1 when the problem has no place.
    pub line: usize,
    pub column: usize,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn new(level: Level, problem: Problem, file: &Path, text: &str, span: Option<Range<usize>>) -> Self {
        let (line, column) = span.as_ref().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
        let hint = problem.hint();
        Diagnostic { level, problem, file: file.to_path_buf(), span, line, column, hint }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.level == Level::Error
    }

    /// `file:line:column`, the form editors and terminals link.
    pub fn location(&self) -> String {
        format!("{}:{}:{}", self.file.display(), self.line, self.column)
    }

    /// The full rendering: headline, location, the source line with a caret, and the hint.
    /// `text` is the file's content (empty when it could not be read).
    pub fn render(&self, text: &str) -> String {
        let name = self.file.display().to_string();
        let file = SimpleFile::new(name, text);
        let base = match self.level {
            Level::Error => Report::error(),
            Level::Warning => Report::warning(),
        };
        let mut report = base.with_code(self.problem.code()).with_message(self.problem.to_string());
        if let Some(span) = &self.span {
            let start = span.start.min(text.len());
            let end = span.end.clamp(start, text.len());
            report = report.with_labels(vec![Label::primary((), start..end)]);
        }
        let mut notes = Vec::new();
        if self.span.is_none() {
            notes.push(format!("in {}", self.location()));
        }
        if let Some(hint) = &self.hint {
            notes.push(format!("hint: {hint}"));
        }
        report = report.with_notes(notes);
        let config = term::Config::default();
        term::emit_into_string(&config, &file, &report).unwrap_or_else(|_| format!("{self}\n"))
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
        };
        write!(f, "{}: {level}[{}]: {}", self.location(), self.problem.code(), self.problem)?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        // Optimal string alignment: a swap of neighbours (`fromat`) counts as one edit.
        .map(|c| (strsim::osa_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c.to_string())
}

#[cfg(test)]
mod tests;
