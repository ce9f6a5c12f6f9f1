//! Settle's own words in English and Polish: the [`Lang`] a person chose, its messages from
//! the Fluent files `assets/i18n/<lang>.ftl` (embedded in the binary), the names of the core's
//! enums, and numbers, money and dates written the way each language writes them.
//!
//! The app, the command line and the HTML export all speak through here, so this module must
//! never depend on egui. Looking a message up never panics: a message missing from a language
//! falls back to English, and one missing from both shows its id (the tests in `tests.rs` fail
//! on either). Both catalogues are built once, on first use; a plain message is then one hash
//! lookup, and only messages with variables are formatted on each call.

mod explain;
mod format;
mod names;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use serde::{Deserialize, Serialize};

pub use explain::{ScorePart, score_parts, style_description};

use settle_core::vocabulary::Language;

/// A language of the interface. Saved in the app's settings as `En` or `Pl`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Pl,
}

/// A value a message is formatted with: a count, which also picks the plural form, or a text
/// already written for the language (a name, an amount, a score, a date).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    Count(i64),
    Text(Cow<'a, str>),
}

macro_rules! count_from {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(n: $t) -> Self {
                Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
    )*};
}
count_from!(u8, u16, u32, u64, usize, i8, i16, i32, i64);

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(Cow::Borrowed(text))
    }
}

impl From<String> for Arg<'_> {
    fn from(text: String) -> Self {
        Arg::Text(Cow::Owned(text))
    }
}

impl<'a> From<Cow<'a, str>> for Arg<'a> {
    fn from(text: Cow<'a, str>) -> Self {
        Arg::Text(text)
    }
}

impl<'a> Arg<'a> {
    fn fluent(&self) -> FluentValue<'a> {
        match self {
            Arg::Count(n) => FluentValue::from(*n),
            Arg::Text(text) => FluentValue::String(text.clone()),
        }
    }
}

impl From<Language> for Lang {
    fn from(language: Language) -> Lang {
        match language {
            Language::En => Lang::En,
            Language::Pl => Lang::Pl,
        }
    }
}

impl From<Lang> for Language {
    fn from(lang: Lang) -> Language {
        match lang {
            Lang::En => Language::En,
            Lang::Pl => Language::Pl,
        }
    }
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Pl];

    /// The language's code, as in `<html lang>`: `en`, `pl`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Pl => "pl",
        }
    }

    /// The language's name in itself: `English`, `Polski`.
    pub fn name(self) -> &'static str {
        self.tr("language-name")
    }

    /// A message without variables, `"briefing-start"`, or one of its attributes,
    /// `"mode-practice.hint"`. Formatted once when the catalogue is built: this is a lookup.
    /// Missing in this language: the English text; in both: the id itself.
    pub fn tr(self, id: &'static str) -> &'static str {
        catalog(self).plain.get(id).or_else(|| catalog(Lang::En).plain.get(id)).map_or(id, String::as_str)
    }

    /// A message (or `id.attribute`) formatted with its variables:
    /// `lang.tr_args("dashboard-skipped", &[("count", n.into())])`. Falls back like [`Lang::tr`].
    pub fn tr_args(self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let found = [self, Lang::En].into_iter().find_map(|lang| {
            let bundle = &catalog(lang).bundle;
            Some((bundle, pattern(bundle, id)?))
        });
        let Some((bundle, pattern)) = found else { return id.to_string() };
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, value.fluent());
        }
        let mut errors = Vec::new();
        bundle.format_pattern(pattern, Some(&fluent_args), &mut errors).into_owned()
    }
}

/// One language's messages: the Fluent bundle, and every message and attribute that needs no
/// variable already formatted (`id` or `id.attribute`).
struct Catalog {
    bundle: FluentBundle<FluentResource>,
    plain: HashMap<String, String>,
}

/// The Fluent source of a language's messages.
fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("../../../assets/i18n/en.ftl"),
        Lang::Pl => include_str!("../../../assets/i18n/pl.ftl"),
    }
}

fn catalog(lang: Lang) -> &'static Catalog {
    static CATALOGS: LazyLock<[Catalog; 2]> = LazyLock::new(|| Lang::ALL.map(Catalog::new));
    match lang {
        Lang::En => &CATALOGS[0],
        Lang::Pl => &CATALOGS[1],
    }
}

impl Catalog {
    fn new(lang: Lang) -> Catalog {
        // A syntax error loses only the entries it is in; the tests insist there are none.
        let resource =
            FluentResource::try_new(source(lang).to_string()).unwrap_or_else(|(partial, _)| partial);
        let keys = message_keys(&resource);
        let locale = match lang {
            Lang::En => "en-GB",
            Lang::Pl => "pl-PL",
        };
        let mut bundle = FluentBundle::new_concurrent(vec![locale.parse().unwrap_or_default()]);
        bundle.set_use_isolating(false);
        // Duplicate ids keep their first entry; the tests insist there are none.
        let _ = bundle.add_resource(resource);
        let mut plain = HashMap::with_capacity(keys.len());
        for key in keys {
            if let Some(text) = format_plain(&bundle, &key) {
                plain.insert(key, text);
            }
        }
        Catalog { bundle, plain }
    }
}

/// Every message id of a resource, and `id.attribute` for each of its attributes.
fn message_keys(resource: &FluentResource) -> Vec<String> {
    let mut keys = Vec::new();
    for entry in resource.entries() {
        if let ast::Entry::Message(message) = entry {
            let id = message.id.name;
            if message.value.is_some() {
                keys.push(id.to_string());
            }
            keys.extend(message.attributes.iter().map(|a| format!("{id}.{}", a.id.name)));
        }
    }
    keys
}

/// The text of a message, `id`, or of one of its attributes, `id.attribute`.
fn pattern<'b>(bundle: &'b FluentBundle<FluentResource>, key: &str) -> Option<&'b ast::Pattern<&'b str>> {
    let (id, attribute) = match key.split_once('.') {
        Some((id, attribute)) => (id, Some(attribute)),
        None => (key, None),
    };
    let message = bundle.get_message(id)?;
    match attribute {
        Some(name) => Some(message.get_attribute(name)?.value()),
        None => message.value(),
    }
}

/// A message or attribute formatted without variables; `None` when it needs some.
fn format_plain(bundle: &FluentBundle<FluentResource>, key: &str) -> Option<String> {
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern(bundle, key)?, None, &mut errors);
    errors.is_empty().then(|| text.into_owned())
}
