//! Tokens of the fast RON subset, read straight from bytes: whitespace and comments,
//! identifiers, strings, numbers. Anything outside the subset is an error, never a guess.

use super::{Error, TextError};

type Result<T> = std::result::Result<T, Error>;

/// A string's contents: borrowed from the input when it has no escapes.
pub(super) enum Str<'de> {
    Borrowed(&'de str),
    Owned(String),
}

/// A number as written: `-?digits(.digits)?([eE][+-]?digits)?`.
pub(super) struct Number<'de> {
    /// The whole literal, sign included.
    pub text: &'de str,
    pub negative: bool,
    /// The integer digits' value, when they fit in a `u64`.
    pub magnitude: Option<u64>,
    pub fraction: bool,
    pub exponent: bool,
}

pub(super) struct Lexer<'de> {
    text: &'de str,
    bytes: &'de [u8],
    pub pos: usize,
}

/// Whitespace as every RON writer emits it; `ron` accepts a few more (form feed, U+2028,
/// ...), which are left to it.
const WHITESPACE: [u8; 4] = [b' ', b'\n', b'\t', b'\r'];

/// Byte classes, looked up rather than compared.
const WS: u8 = 1;
const IDENT: u8 = 2;
const END: u8 = 4;
const SLASH: u8 = 8;

const CLASSES: [u8; 256] = {
    let mut classes = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() || c == b'_' {
            classes[b] = IDENT;
        }
        // What may follow an identifier or a number without changing how `ron` reads it
        // (no raw or byte string prefix, no `-`/`.`/`+` of a raw identifier, no number
        // suffix, no Unicode).
        if matches!(c, b',' | b')' | b']' | b'}' | b'(' | b'[' | b'{' | b':') {
            classes[b] = END;
        }
        if c == b'/' {
            classes[b] = END | SLASH;
        }
        b += 1;
    }
    let mut i = 0;
    while i < WHITESPACE.len() {
        classes[WHITESPACE[i] as usize] = WS | END;
        i += 1;
    }
    classes
};

#[inline]
fn is(class: u8, b: u8) -> bool {
    CLASSES[usize::from(b)] & class != 0
}

#[inline]
fn ends_token(b: Option<&u8>) -> bool {
    b.is_none_or(|&b| is(END, b))
}

const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

fn splat(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

/// The high bit of each byte of the result is set exactly where `word`'s byte is zero (no
/// carries between bytes, unlike the shorter test that is exact only up to the first zero).
#[inline(always)]
fn zero_bytes(word: u64) -> u64 {
    const LOW_SEVEN: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    !(((word & LOW_SEVEN) + LOW_SEVEN) | word) & HIGH_BITS
}

fn hex(b: Option<&u8>) -> Option<u32> {
    b.and_then(|&b| char::from(b).to_digit(16))
}

impl<'de> Lexer<'de> {
    pub fn new(text: &'de str) -> Lexer<'de> {
        Lexer { text, bytes: text.as_bytes(), pos: 0 }
    }

    #[cold]
    pub fn error(&self, what: &'static str) -> Error {
        TextError::Expected { at: self.pos, what }.into()
    }

    #[inline(always)]
    pub fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    #[inline]
    pub fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    #[inline]
    pub fn starts_with(&self, s: &[u8]) -> bool {
        self.bytes.get(self.pos..).is_some_and(|rest| rest.starts_with(s))
    }

    /// Consumes `b` if it is next.
    #[inline(always)]
    pub fn eat(&mut self, b: u8) -> bool {
        if self.peek() == Some(b) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    pub fn expect(&mut self, b: u8, what: &'static str) -> Result<()> {
        if self.eat(b) { Ok(()) } else { Err(self.error(what)) }
    }

    /// Skips whitespace, `// line` comments and nested `/* block */` comments.
    #[inline(always)]
    pub fn skip_ws(&mut self) -> Result<()> {
        match self.peek() {
            // The most common case by far: one space, as after a comma or a colon.
            Some(b' ') if !self.bytes.get(self.pos + 1).is_some_and(|&b| is(WS | SLASH, b)) => {
                self.pos += 1;
                Ok(())
            }
            Some(b) if is(WS | SLASH, b) => self.skip_ws_and_comments(),
            _ => Ok(()),
        }
    }

    fn skip_ws_and_comments(&mut self) -> Result<()> {
        loop {
            self.skip_whitespace_words();
            match self.peek() {
                // Only the last few bytes of the text come here one at a time.
                Some(b) if is(WS, b) => self.pos += 1,
                Some(b'/') => self.comment()?,
                _ => return Ok(()),
            }
        }
    }

    /// Whitespace eight bytes at a time: a newline and its indentation are most of it.
    #[inline]
    fn skip_whitespace_words(&mut self) {
        while let Some(word) = self.word(self.pos) {
            let blank = WHITESPACE.iter().fold(0, |found, &c| found | zero_bytes(word ^ splat(c)));
            let other = !blank & HIGH_BITS;
            if other != 0 {
                self.pos += (other.trailing_zeros() / 8) as usize;
                return;
            }
            self.pos += 8;
        }
    }

    /// The eight bytes from `at`, little-endian, when there are eight.
    #[inline(always)]
    fn word(&self, at: usize) -> Option<u64> {
        let chunk: [u8; 8] = self.bytes.get(at..at.checked_add(8)?)?.try_into().ok()?;
        Some(u64::from_le_bytes(chunk))
    }

    fn comment(&mut self) -> Result<()> {
        match self.bytes.get(self.pos + 1) {
            Some(b'/') => {
                let rest = self.bytes.get(self.pos..).unwrap_or_default();
                self.pos += rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
                Ok(())
            }
            Some(b'*') => {
                self.pos += 2;
                let mut level = 1usize;
                while level > 0 {
                    let rest = self.bytes.get(self.pos..).unwrap_or_default();
                    let Some(at) = rest.iter().position(|&b| b == b'/' || b == b'*') else {
                        return Err(self.error("unclosed block comment"));
                    };
                    self.pos += at;
                    if self.starts_with(b"/*") {
                        level += 1;
                        self.pos += 2;
                    } else if self.starts_with(b"*/") {
                        level -= 1;
                        self.pos += 2;
                    } else {
                        self.pos += 1;
                    }
                }
                Ok(())
            }
            _ => Err(self.error("a lone `/`")),
        }
    }

    /// An ASCII identifier, or `None` when none starts here. An identifier followed by
    /// anything `ron` might read as part of it (`r#`, `b"`, Unicode, `-`) is an error.
    #[inline]
    pub fn ident(&mut self) -> Result<Option<&'de str>> {
        let start = self.pos;
        match self.peek() {
            Some(b) if b.is_ascii_alphabetic() || b == b'_' => {}
            _ => return Ok(None),
        }
        let mut end = start + 1;
        while self.bytes.get(end).is_some_and(|&b| is(IDENT, b)) {
            end += 1;
        }
        if !ends_token(self.bytes.get(end)) {
            return Err(TextError::Expected { at: end, what: "an identifier outside the fast subset" }.into());
        }
        let ident = self.text.get(start..end).ok_or_else(|| self.error("identifier"))?;
        self.pos = end;
        Ok(Some(ident))
    }

    /// The identifier here, without consuming it.
    pub fn peek_ident(&mut self) -> Result<Option<&'de str>> {
        let start = self.pos;
        let ident = self.ident();
        self.pos = start;
        ident
    }

    /// A `"..."` string starting here.
    #[inline]
    pub fn string(&mut self) -> Result<Str<'de>> {
        self.expect(b'"', "a string")?;
        let start = self.pos;
        self.skip_to_quote_or_backslash()?;
        if self.eat(b'"') {
            let s = self.text.get(start..self.pos - 1).ok_or_else(|| self.error("string"))?;
            return Ok(Str::Borrowed(s));
        }
        let mut out = String::with_capacity(self.pos - start + 16);
        let mut from = start;
        loop {
            out.push_str(self.text.get(from..self.pos).ok_or_else(|| self.error("string"))?);
            if self.eat(b'"') {
                return Ok(Str::Owned(out));
            }
            // At a backslash.
            self.pos += 1;
            self.escape(&mut out)?;
            from = self.pos;
            self.skip_to_quote_or_backslash()?;
        }
    }

    /// Moves to the next `"` or `\`, found with SIMD: most of a report is text.
    #[inline]
    fn skip_to_quote_or_backslash(&mut self) -> Result<()> {
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        match memchr::memchr2(b'"', b'\\', rest) {
            Some(found) => {
                self.pos += found;
                Ok(())
            }
            None => Err(self.error("an unclosed string")),
        }
    }

    /// One escape after its backslash, exactly as `ron` reads it; `\x` above 0x7F (a byte
    /// of a multi-byte character) is left to `ron`.
    fn escape(&mut self, out: &mut String) -> Result<()> {
        let Some(&b) = self.bytes.get(self.pos) else { return Err(self.error("an escape")) };
        self.pos += 1;
        let c = match b {
            b'\n' | b'\r' => {
                if b == b'\r' && !self.eat(b'\n') {
                    return Err(self.error("an escape"));
                }
                while self.bytes.get(self.pos).is_some_and(|&b| is(WS, b)) {
                    self.pos += 1;
                }
                return Ok(());
            }
            b'"' => '"',
            b'\\' => '\\',
            b'\'' => '\'',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'0' => '\0',
            b'x' => {
                let (hi, lo) = (hex(self.bytes.get(self.pos)), hex(self.bytes.get(self.pos + 1)));
                self.pos += 2;
                match (hi, lo) {
                    (Some(hi), Some(lo)) if hi < 8 => char::from((hi * 16 + lo) as u8),
                    _ => return Err(self.error("a \\x escape")),
                }
            }
            b'u' => {
                self.expect(b'{', "a \\u{...} escape")?;
                let mut value = 0u32;
                let mut digits = 0;
                while digits < 6 && self.peek() != Some(b'}') {
                    let digit = hex(self.bytes.get(self.pos)).ok_or_else(|| self.error("a hex digit"))?;
                    value = value * 16 + digit;
                    digits += 1;
                    self.pos += 1;
                }
                if digits == 0 {
                    return Err(self.error("a \\u{...} escape"));
                }
                self.expect(b'}', "a \\u{...} escape")?;
                char::from_u32(value).ok_or_else(|| self.error("a Unicode scalar value"))?
            }
            _ => return Err(self.error("an escape")),
        };
        out.push(c);
        Ok(())
    }

    /// A number starting here, followed by something that ends it.
    #[inline]
    pub fn number(&mut self) -> Result<Number<'de>> {
        let start = self.pos;
        let negative = self.eat(b'-');
        let digits_start = self.pos;
        let mut magnitude = Some(0u64);
        while let Some(&b) = self.bytes.get(self.pos).filter(|b| b.is_ascii_digit()) {
            magnitude =
                magnitude.and_then(|m| m.checked_mul(10)).and_then(|m| m.checked_add(u64::from(b - b'0')));
            self.pos += 1;
        }
        if self.pos == digits_start {
            return Err(self.error("a number"));
        }
        let fraction = self.peek() == Some(b'.');
        if fraction {
            self.pos += 1;
            self.digits()?;
        }
        let exponent = matches!(self.peek(), Some(b'e' | b'E'));
        if exponent {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            self.digits()?;
        }
        if !ends_token(self.bytes.get(self.pos)) {
            return Err(self.error("a number outside the fast subset"));
        }
        let text = self.text.get(start..self.pos).ok_or_else(|| self.error("number"))?;
        Ok(Number { text, negative, magnitude, fraction, exponent })
    }

    fn digits(&mut self) -> Result<()> {
        let start = self.pos;
        while self.bytes.get(self.pos).is_some_and(u8::is_ascii_digit) {
            self.pos += 1;
        }
        if self.pos == start { Err(self.error("digits")) } else { Ok(()) }
    }
}
