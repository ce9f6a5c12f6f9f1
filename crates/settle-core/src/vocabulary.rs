//! The domain's words shared by the persona file, the validated persona, the call's record and
//! the score: kinds of debtor, languages, expressions, ploys, conduct rules and their severity.
//! Plain data with no dependencies inside the core, so that the file schema (`format`) and the
//! runtime model (`persona`, `call`, `scoring`) each depend on it and never on each other.

use serde::{Deserialize, Serialize};

/// The kind of debtor a persona plays; used to group the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Archetype {
    Cooperative,
    Evasive,
    Aggressive,
    LateDisputer,
    SerialPromiser,
    Hardship,
    Gatekeeper,
    SueMe,
}

/// The language a persona's text is written in; written `"en"` or `"pl"` in files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Language {
    En,
    Pl,
}

impl TryFrom<String> for Language {
    type Error = String;
    fn try_from(code: String) -> Result<Self, String> {
        match code.as_str() {
            "en" => Ok(Language::En),
            "pl" => Ok(Language::Pl),
            other => Err(format!("language \"{other}\" is not supported; write \"en\" or \"pl\"")),
        }
    }
}

impl From<Language> for String {
    fn from(language: Language) -> String {
        language.code().to_string()
    }
}

impl Language {
    pub const ALL: [Language; 2] = [Language::En, Language::Pl];

    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Pl => "pl",
        }
    }

    /// The language's English name, for diagnostics (which are in English).
    pub fn name_en(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Pl => "Polish",
        }
    }
}

impl std::fmt::Display for Language {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// What a portrait shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Expression {
    Calm,
    Friendly,
    Relieved,
    Worried,
    Evasive,
    Annoyed,
    Angry,
}

/// The debtor ploys that Settle trains a collector to recognise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Ploy {
    Distraction,
    FalsePromise,
    LateDispute,
    NoInvoice,
    SobStory,
    Stalling,
    Intimidation,
    PassingTheBuck,
    SueMe,
    PartialPaymentTrap,
}

/// Whether a reply counters the node's ploy or falls for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PloyHandling {
    Countered,
    FellFor,
}

/// Conduct rules a collector can break (see DOMAIN.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ViolationKind {
    Threat,
    Harassment,
    FalseStatement,
    ThirdPartyDisclosure,
    AbusiveLanguage,
    HardshipMistreatment,
    /// A write-off, waiver, hold or plan outside what the case file's mandate allows.
    ExceedingMandate,
}

impl ViolationKind {
    pub const ALL: [ViolationKind; 7] = [
        ViolationKind::Threat,
        ViolationKind::Harassment,
        ViolationKind::FalseStatement,
        ViolationKind::ThirdPartyDisclosure,
        ViolationKind::AbusiveLanguage,
        ViolationKind::HardshipMistreatment,
        ViolationKind::ExceedingMandate,
    ];
}

/// How bad a violation is; whether it fails the call is the target's critical rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Severity {
    Minor,
    Major,
    Severe,
}
