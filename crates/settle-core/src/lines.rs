//! Line ids: the stable names of a persona's texts, and the one walk over every text a trainee
//! or trainer reads.
//!
//! A text carries its id Yarn-Spinner style at its very end: `"Good morning. #line:opening.reply1"`.
//! [`take_line_ids`] strips the ids from a parsed file and lists every text with its [`Site`]
//! (where it is) and its id; a string table, the author preview and `settle strings` all work
//! from that list. [`add_missing_ids`] writes ids into a file's text without touching anything
//! else. Every walk over texts goes through [`for_each_text`], so the list, the translation and
//! the write-back always agree on which strings are texts and in which order. Nothing here reads
//! files or decides what a missing translation means.

use std::collections::HashSet;
use std::fmt;

use crate::format::{LineSpec, PersonaFile};
use crate::source::SourceMap;

/// What separates a text from its id.
pub const LINE_TAG: &str = " #line:";

/// A line id as the author (or `settle strings`) wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LineId(pub String);

impl fmt::Display for LineId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Valid line ids: letters, digits, `.`, `_` and `-`.
pub fn is_valid_line_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '_' | '-'))
}

/// The text without its id, and the id when the text ends with a valid ` #line:ID`.
pub fn split_line_id(text: &str) -> (&str, Option<&str>) {
    match text.rfind(LINE_TAG) {
        Some(at) if is_valid_line_id(&text[at + LINE_TAG.len()..]) => {
            (&text[..at], Some(&text[at + LINE_TAG.len()..]))
        }
        _ => (text, None),
    }
}

/// A case-file text, by field and (for lists) 0-based entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CaseText {
    LegalForm,
    RegisterNo,
    Role,
    Phone,
    PreferredHours,
    PaymentNote(usize),
    ContactWho(usize),
    ContactSummary(usize),
    DocumentTitle(usize),
    DocumentSummary(usize),
    Relationship,
    Mandate,
    Goal,
}

/// Where a text is in a persona. Indices are 0-based; people see them counted from 1. `N` is
/// the node name: owned in a [`Site`], borrowed from the file in a [`SiteRef`] while walking.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SiteOf<N> {
    Description,
    Case(CaseText),
    /// A variant of what the debtor says at a node.
    Says {
        node: N,
        n: usize,
    },
    Reply {
        node: N,
        n: usize,
    },
    Feedback {
        node: N,
        n: usize,
    },
    Ending {
        node: N,
    },
    /// The name of a required step, as the debrief shows it.
    Step {
        n: usize,
        id: N,
    },
}

/// A site that owns its names.
pub type Site = SiteOf<String>;
/// A site borrowing its names from the file being walked.
pub type SiteRef<'a> = SiteOf<&'a str>;

impl SiteRef<'_> {
    pub fn to_owned(&self) -> Site {
        match *self {
            SiteOf::Description => Site::Description,
            SiteOf::Case(c) => Site::Case(c),
            SiteOf::Says { node, n } => Site::Says { node: node.to_string(), n },
            SiteOf::Reply { node, n } => Site::Reply { node: node.to_string(), n },
            SiteOf::Feedback { node, n } => Site::Feedback { node: node.to_string(), n },
            SiteOf::Ending { node } => Site::Ending { node: node.to_string() },
            SiteOf::Step { n, id } => Site::Step { n, id: id.to_string() },
        }
    }
}

impl<N: AsRef<str>> SiteOf<N> {
    /// The id `settle strings` gives a text that has none: short, and readable in a table.
    pub fn default_id(&self) -> String {
        match self {
            SiteOf::Description => "description".into(),
            SiteOf::Case(c) => format!("case.{}", c.id_part()),
            SiteOf::Says { node, n } => format!("{}.line{}", node.as_ref(), n + 1),
            SiteOf::Reply { node, n } => format!("{}.reply{}", node.as_ref(), n + 1),
            SiteOf::Feedback { node, n } => format!("{}.reply{}.feedback", node.as_ref(), n + 1),
            SiteOf::Ending { node } => format!("{}.ending", node.as_ref()),
            SiteOf::Step { id, .. } => format!("step.{}", id.as_ref()),
        }
    }

    /// Where the text is, for a translator: `opening / reply 2 / feedback`.
    pub fn describe(&self) -> String {
        match self {
            SiteOf::Description => "description".into(),
            SiteOf::Case(c) => format!("case file / {}", c.describe()),
            SiteOf::Says { node, n } => format!("{} / debtor line {}", node.as_ref(), n + 1),
            SiteOf::Reply { node, n } => format!("{} / reply {}", node.as_ref(), n + 1),
            SiteOf::Feedback { node, n } => format!("{} / reply {} / feedback", node.as_ref(), n + 1),
            SiteOf::Ending { node } => format!("{} / ending summary", node.as_ref()),
            SiteOf::Step { id, .. } => format!("required step {}", id.as_ref()),
        }
    }

    /// The path of the text's value in the file, as [`SourceMap`] names it. `weighted` says
    /// whether a debtor line is written `(text: .., weight: ..)`.
    pub fn source_path(&self, weighted: bool) -> String {
        match self {
            SiteOf::Description => "description".into(),
            SiteOf::Case(c) => format!("case_file.{}", c.source_path()),
            SiteOf::Says { node, n } if weighted => format!("nodes.{}.says.{n}.text", node.as_ref()),
            SiteOf::Says { node, n } => format!("nodes.{}.says.{n}", node.as_ref()),
            SiteOf::Reply { node, n } => format!("nodes.{}.replies.{n}.text", node.as_ref()),
            SiteOf::Feedback { node, n } => format!("nodes.{}.replies.{n}.feedback", node.as_ref()),
            SiteOf::Ending { node } => format!("nodes.{}.ending.summary", node.as_ref()),
            SiteOf::Step { n, .. } => format!("target.steps.{n}.name"),
        }
    }
}

impl CaseText {
    fn id_part(self) -> String {
        match self {
            CaseText::LegalForm => "legal_form".into(),
            CaseText::RegisterNo => "register_no".into(),
            CaseText::Role => "role".into(),
            CaseText::Phone => "phone".into(),
            CaseText::PreferredHours => "preferred_hours".into(),
            CaseText::PaymentNote(i) => format!("payment{}.note", i + 1),
            CaseText::ContactWho(i) => format!("contact{}.who", i + 1),
            CaseText::ContactSummary(i) => format!("contact{}.summary", i + 1),
            CaseText::DocumentTitle(i) => format!("document{}.title", i + 1),
            CaseText::DocumentSummary(i) => format!("document{}.summary", i + 1),
            CaseText::Relationship => "relationship".into(),
            CaseText::Mandate => "mandate".into(),
            CaseText::Goal => "goal".into(),
        }
    }

    fn describe(self) -> String {
        match self {
            CaseText::LegalForm => "legal form".into(),
            CaseText::RegisterNo => "register number".into(),
            CaseText::Role => "contact's role".into(),
            CaseText::Phone => "phone".into(),
            CaseText::PreferredHours => "preferred hours".into(),
            CaseText::PaymentNote(i) => format!("payment {} / note", i + 1),
            CaseText::ContactWho(i) => format!("contact {} / who", i + 1),
            CaseText::ContactSummary(i) => format!("contact {} / summary", i + 1),
            CaseText::DocumentTitle(i) => format!("document {} / title", i + 1),
            CaseText::DocumentSummary(i) => format!("document {} / summary", i + 1),
            CaseText::Relationship => "relationship".into(),
            CaseText::Mandate => "mandate".into(),
            CaseText::Goal => "goal".into(),
        }
    }

    fn source_path(self) -> String {
        match self {
            CaseText::LegalForm => "debtor.legal_form".into(),
            CaseText::RegisterNo => "debtor.register_no".into(),
            CaseText::Role => "debtor.role".into(),
            CaseText::Phone => "debtor.phone".into(),
            CaseText::PreferredHours => "debtor.preferred_hours".into(),
            CaseText::PaymentNote(i) => format!("payments.{i}.note"),
            CaseText::ContactWho(i) => format!("contacts.{i}.who"),
            CaseText::ContactSummary(i) => format!("contacts.{i}.summary"),
            CaseText::DocumentTitle(i) => format!("documents.{i}.title"),
            CaseText::DocumentSummary(i) => format!("documents.{i}.summary"),
            CaseText::Relationship => "relationship".into(),
            CaseText::Mandate => "mandate".into(),
            CaseText::Goal => "goal".into(),
        }
    }
}

/// Calls `f` on every text of a persona file, in file order within each part: description,
/// case file, required steps, then nodes by name. `weighted` tells a debtor line written with a weight.
pub fn for_each_text(file: &mut PersonaFile, mut f: impl FnMut(SiteRef<'_>, bool, &mut String)) {
    f(SiteRef::Description, false, &mut file.description);
    let case = &mut file.case_file;
    let mut case_text = |c: CaseText, text: &mut String| f(SiteRef::Case(c), false, text);
    let debtor = &mut case.debtor;
    case_text(CaseText::LegalForm, &mut debtor.legal_form);
    if let Some(text) = debtor.register_no.as_mut() {
        case_text(CaseText::RegisterNo, text);
    }
    case_text(CaseText::Role, &mut debtor.role);
    case_text(CaseText::Phone, &mut debtor.phone);
    if let Some(text) = debtor.preferred_hours.as_mut() {
        case_text(CaseText::PreferredHours, text);
    }
    for (i, payment) in case.payments.iter_mut().enumerate() {
        case_text(CaseText::PaymentNote(i), &mut payment.note);
    }
    for (i, contact) in case.contacts.iter_mut().enumerate() {
        case_text(CaseText::ContactWho(i), &mut contact.who);
        case_text(CaseText::ContactSummary(i), &mut contact.summary);
    }
    for (i, document) in case.documents.iter_mut().enumerate() {
        case_text(CaseText::DocumentTitle(i), &mut document.title);
        case_text(CaseText::DocumentSummary(i), &mut document.summary);
    }
    case_text(CaseText::Relationship, &mut case.relationship);
    case_text(CaseText::Mandate, &mut case.mandate);
    case_text(CaseText::Goal, &mut case.goal);
    for (n, step) in file.target.steps.iter_mut().enumerate() {
        let id = step.id.as_str();
        f(SiteRef::Step { n, id }, false, &mut step.name);
    }
    for (name, node) in file.nodes.iter_mut() {
        for (n, line) in node.says.iter_mut().enumerate() {
            let site = SiteRef::Says { node: name, n };
            match line {
                LineSpec::Plain(text) => f(site, false, text),
                LineSpec::Weighted { text, .. } => f(site, true, text),
            }
        }
        for (n, reply) in node.replies.iter_mut().enumerate() {
            f(SiteRef::Reply { node: name, n }, false, &mut reply.text);
            if let Some(feedback) = reply.feedback.as_mut() {
                f(SiteRef::Feedback { node: name, n }, false, feedback);
            }
        }
        if let Some(ending) = node.ending.as_mut() {
            f(SiteRef::Ending { node: name }, false, &mut ending.summary);
        }
    }
}

/// One text of a persona, its id stripped.
#[derive(Debug, Clone, PartialEq)]
pub struct TextLine {
    pub site: Site,
    pub id: Option<LineId>,
    pub text: String,
    /// Written `(text: .., weight: ..)`, which moves its place in the file.
    pub weighted: bool,
}

impl TextLine {
    /// The [`SourceMap`] path of the text's value.
    pub fn source_path(&self) -> String {
        self.site.source_path(self.weighted)
    }
}

/// Strips every ` #line:ID` from a parsed file and returns every text in walk order.
pub fn take_line_ids(file: &mut PersonaFile) -> Vec<TextLine> {
    take(file, true)
}

/// Strips every ` #line:ID` and lists only the texts that had one, without their words: all
/// that loading a persona without string tables needs (to find ids used twice), at no cost
/// for a file without ids.
pub fn strip_line_ids(file: &mut PersonaFile) -> Vec<TextLine> {
    take(file, false)
}

fn take(file: &mut PersonaFile, every_text: bool) -> Vec<TextLine> {
    let mut lines = Vec::new();
    for_each_text(file, |site, weighted, text| {
        let (plain, id) = split_line_id(text);
        if id.is_none() && !every_text {
            return;
        }
        let id = id.map(|id| LineId(id.to_string()));
        let plain_len = plain.len();
        text.truncate(plain_len);
        let words = if every_text { text.clone() } else { String::new() };
        lines.push(TextLine { site: site.to_owned(), id, text: words, weighted });
    });
    lines
}

/// The ids written twice, each with the position (in `lines`) of every use after the first.
pub fn duplicate_ids(lines: &[TextLine]) -> Vec<(LineId, usize)> {
    let mut seen = HashSet::new();
    lines
        .iter()
        .enumerate()
        .filter_map(|(i, line)| line.id.as_ref().map(|id| (i, id)))
        .filter(|(_, id)| !seen.insert(*id))
        .map(|(i, id)| (id.clone(), i))
        .collect()
}

/// Ids for texts that have none: the site's default id, made unique with `-2`, `-3`, ...
pub fn missing_ids(lines: &[TextLine]) -> Vec<(usize, LineId)> {
    let mut taken: HashSet<String> =
        lines.iter().filter_map(|l| l.id.as_ref().map(|id| id.0.clone())).collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate().filter(|(_, l)| l.id.is_none()) {
        let base = line.site.default_id();
        let mut id = base.clone();
        let mut n = 2;
        while taken.contains(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        taken.insert(id.clone());
        out.push((i, LineId(id)));
    }
    out
}

/// Why ids could not be written into a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WriteBackError {
    #[error("the text at {0} could not be found in the file")]
    NotFound(String),
}

/// The file's text with ` #line:ID` appended inside every string literal that `ids` names;
/// comments, layout and every other byte stay as they were.
pub fn write_ids(text: &str, lines: &[TextLine], ids: &[(usize, LineId)]) -> Result<String, WriteBackError> {
    if ids.is_empty() {
        return Ok(text.to_string());
    }
    let map = SourceMap::scan(text);
    let mut inserts = Vec::with_capacity(ids.len());
    for (i, id) in ids {
        let line = &lines[*i];
        let path = line.source_path();
        let not_found = || WriteBackError::NotFound(line.site.describe());
        let range = map.exact_value(&path).ok_or_else(not_found)?;
        // The closing quote: `"` for a plain string, `"#..` for a raw one.
        let quote = text[range.clone()].rfind('"').filter(|&q| q > 0).ok_or_else(not_found)?;
        inserts.push((range.start + quote, format!("{LINE_TAG}{id}")));
    }
    inserts.sort_by_key(|(at, _)| *at);
    let mut out = String::with_capacity(text.len() + inserts.iter().map(|(_, s)| s.len()).sum::<usize>());
    let mut from = 0;
    for (at, insert) in inserts {
        out.push_str(&text[from..at]);
        out.push_str(&insert);
        from = at;
    }
    out.push_str(&text[from..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_only_a_trailing_valid_id() {
        assert_eq!(split_line_id("Hello. #line:opening.reply1"), ("Hello.", Some("opening.reply1")));
        assert_eq!(split_line_id("Hello."), ("Hello.", None));
        assert_eq!(split_line_id("Call #line:two words"), ("Call #line:two words", None));
        assert_eq!(split_line_id("Hi #line:"), ("Hi #line:", None));
        assert_eq!(split_line_id("Room #4 #line:a_b-c"), ("Room #4", Some("a_b-c")));
    }

    #[test]
    fn default_ids_and_places_read_well() {
        let site = Site::Feedback { node: "opening".into(), n: 1 };
        assert_eq!(site.default_id(), "opening.reply2.feedback");
        assert_eq!(site.describe(), "opening / reply 2 / feedback");
        assert_eq!(site.source_path(false), "nodes.opening.replies.1.feedback");
        let case = Site::Case(CaseText::PaymentNote(2));
        assert_eq!(case.default_id(), "case.payment3.note");
        assert_eq!(case.source_path(false), "case_file.payments.2.note");
    }

    #[test]
    fn missing_ids_avoid_ids_already_taken() {
        let line = |node: &str, n, id: Option<&str>| TextLine {
            site: Site::Reply { node: node.into(), n },
            id: id.map(|i| LineId(i.into())),
            text: String::new(),
            weighted: false,
        };
        let lines = [line("a", 0, Some("a.reply2")), line("a", 1, None), line("a", 2, None)];
        let ids = missing_ids(&lines);
        assert_eq!(ids, vec![(1, LineId("a.reply2-2".into())), (2, LineId("a.reply3".into()))]);
    }
}
