//! A fast serde deserializer for the subset of RON that Settle and trainers write: structs
//! with or without their names, enums, `Some`/`None` (and implicit `Some`), tuples, lists,
//! maps, `"strings"` with the common escapes, plain decimal numbers, `//` and `/* */`
//! comments.
//!
//! It exists for speed: `ron` parses at about 45 MB/s, which made a 10,000-node persona take
//! 150 ms to read and a cold index of 100,000 reports 20 s. This reader works on bytes,
//! borrows every string without escapes and allocates nothing per token.
//!
//! `ron` stays the authority. This reader never explains an error: on anything outside its
//! subset, or anything wrong, it returns [`Error`] and the caller parses the same text with
//! `ron`, which gives the diagnostic (line, column, message). So it must never accept what
//! `ron` (with the same options) would refuse, and must give the same value whenever it
//! accepts: it mirrors `ron` 0.12's reading call for call, counts nesting where `ron` does,
//! and refuses whatever is unusual (raw and byte strings, chars, `#![enable(...)]`,
//! hexadecimal or `_`-separated numbers, `inf`/`NaN`, Unicode identifiers, ...).

mod de;
mod lexer;
#[cfg(test)]
mod tests;

use serde::Deserialize;
use thiserror::Error;

/// Why the fast reader gave up; the caller then asks `ron`, which explains.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum Error {
    /// The type refused the value (serde's `custom`: a missing field, a date out of range,
    /// ...). No message is kept: serde raises and drops one for every debtor line written
    /// `(text: ..., weight: ...)` while it tries the untagged variants, and `ron` gives the
    /// message when the error is real.
    #[error("the value does not fit the type being read")]
    Type,
    /// Boxed, so that every result on the hot path stays two registers wide.
    #[error(transparent)]
    Text(Box<TextError>),
}

/// The text is malformed, or outside the subset.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum TextError {
    #[error("at byte {at}: expected {what}")]
    Expected { at: usize, what: &'static str },
    #[error("nesting deeper than the limit")]
    TooDeep,
    #[error("text after the value at byte {0}")]
    TrailingCharacters(usize),
}

impl From<TextError> for Error {
    #[cold]
    fn from(error: TextError) -> Error {
        Error::Text(Box::new(error))
    }
}

impl serde::de::Error for Error {
    #[cold]
    fn custom<T: std::fmt::Display>(_msg: T) -> Self {
        Error::Type
    }
}

/// The `ron::Options` to mirror.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// `ron`'s `IMPLICIT_SOME` extension: a bare value where an option is expected is `Some`.
    pub implicit_some: bool,
    /// `ron`'s recursion limit.
    pub recursion_limit: usize,
}

impl Options {
    /// The `ron` options this reader mirrors, for reading the same text again with `ron`.
    pub fn ron(self) -> ron::Options {
        let ron = ron::Options::default().with_recursion_limit(self.recursion_limit);
        if self.implicit_some {
            ron.with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        } else {
            ron
        }
    }
}

/// Reads `T` with this reader and, when it gives up, with `ron`, which is the authority and
/// explains any error (line, column, message).
pub fn from_str_or_ron<'de, T: Deserialize<'de>>(
    text: &'de str,
    options: Options,
) -> Result<T, ron::error::SpannedError> {
    from_str(text, options).or_else(|_| options.ron().from_str(text))
}

/// Reads a value of type `T` from the whole of `text`.
pub fn from_str<'de, T: Deserialize<'de>>(text: &'de str, options: Options) -> Result<T, Error> {
    let mut de = de::Deserializer::new(text, options);
    de.lex.skip_ws()?;
    let value = T::deserialize(&mut de)?;
    de.lex.skip_ws()?;
    if !de.lex.at_end() {
        return Err(TextError::TrailingCharacters(de.lex.pos).into());
    }
    Ok(value)
}
