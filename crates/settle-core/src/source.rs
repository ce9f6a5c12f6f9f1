//! Where things are in a RON file: a map from a value's path (`nodes.opening.replies.2.empathy`)
//! to its byte range, so that validation problems point at the exact line and column.
//!
//! `ron` gives positions only for syntax errors, so after a file parses this module scans its
//! text once more with a small tokenizer that knows RON's strings, comments and brackets. It
//! never fails: on text it does not understand it simply records less.

use std::collections::HashMap;
use std::ops::Range;

/// Byte ranges of the keys and values of a RON document, by path.
#[derive(Debug, Default, Clone)]
pub struct SourceMap {
    entries: HashMap<String, Entry>,
}

#[derive(Debug, Clone)]
struct Entry {
    key: Option<Range<usize>>,
    value: Range<usize>,
}

impl SourceMap {
    pub fn scan(text: &str) -> SourceMap {
        let tokens = tokenize(text);
        let mut walker = Walker { tokens: &tokens, pos: 0, map: SourceMap::default() };
        walker.value(String::new(), None, 0);
        walker.map
    }

    /// The range of the key naming `path`, or of its value when it has no key; when the path
    /// is not known, the closest known ancestor's.
    pub fn locate(&self, path: &str) -> Option<Range<usize>> {
        let mut path = path;
        loop {
            if let Some(entry) = self.entries.get(path) {
                return Some(entry.key.clone().unwrap_or_else(|| entry.value.clone()));
            }
            path = path.rsplit_once('.')?.0;
        }
    }

    /// The range of the value at exactly `path`, without falling back to an ancestor.
    pub fn exact_value(&self, path: &str) -> Option<Range<usize>> {
        self.entries.get(path).map(|entry| entry.value.clone())
    }

    /// The range of the value at `path` (falling back like [`SourceMap::locate`]).
    pub fn locate_value(&self, path: &str) -> Option<Range<usize>> {
        match self.entries.get(path) {
            Some(entry) => Some(entry.value.clone()),
            None => self.locate(path),
        }
    }
}

/// A token of RON text, as far as finding places needs: strings and comments are whole.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok {
    Open(char),
    Close(char),
    Comma,
    Colon,
    Str(String),
    Word(String),
}

/// The tokens of `text` with their byte ranges; never fails (an unclosed string runs to the end).
pub(crate) fn tokenize(text: &str) -> Vec<(Tok, Range<usize>)> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        match c {
            b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                let mut depth = 0usize;
                while i < bytes.len() {
                    if bytes[i] == b'/' && bytes.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if bytes[i] == b'*' && bytes.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            b'(' | b'[' | b'{' => {
                out.push((Tok::Open(c as char), i..i + 1));
                i += 1;
            }
            b')' | b']' | b'}' => {
                out.push((Tok::Close(c as char), i..i + 1));
                i += 1;
            }
            b',' => {
                out.push((Tok::Comma, i..i + 1));
                i += 1;
            }
            b':' => {
                out.push((Tok::Colon, i..i + 1));
                i += 1;
            }
            b'"' => {
                let start = i;
                i += 1;
                let mut content = String::new();
                while i < bytes.len() && bytes[i] != b'"' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    if let Some(ch) = text.get(i..).and_then(|rest| rest.chars().next()) {
                        content.push(ch);
                        i += ch.len_utf8();
                    } else {
                        i += 1;
                    }
                }
                i = (i + 1).min(bytes.len());
                out.push((Tok::Str(content), start..i));
            }
            b'r' if matches!(bytes.get(i + 1), Some(b'"') | Some(b'#')) => {
                let start = i;
                let mut j = i + 1;
                let mut hashes = 0;
                while bytes.get(j) == Some(&b'#') {
                    hashes += 1;
                    j += 1;
                }
                if bytes.get(j) != Some(&b'"') {
                    // `r#ident`: a raw identifier.
                    i = word_end(bytes, i);
                    out.push((Tok::Word(text[start..i].to_string()), start..i));
                    continue;
                }
                let content_start = j + 1;
                let closing: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
                let end =
                    text[content_start..].find(&closing).map(|k| content_start + k).unwrap_or(bytes.len());
                i = (end + closing.len()).min(bytes.len());
                out.push((Tok::Str(text[content_start..end].to_string()), start..i));
            }
            b'\'' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'\'' {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i = (i + 1).min(bytes.len());
                out.push((Tok::Word(String::new()), start..i));
            }
            _ => {
                let start = i;
                i = word_end(bytes, i).max(i + 1);
                while !text.is_char_boundary(i) {
                    i += 1;
                }
                out.push((Tok::Word(text[start..i].to_string()), start..i));
            }
        }
    }
    out
}

fn word_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len()
        && !matches!(
            bytes[i],
            b' ' | b'\t' | b'\n' | b'\r' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',' | b':' | b'"'
        )
    {
        i += 1;
    }
    i
}

struct Walker<'t> {
    tokens: &'t [(Tok, Range<usize>)],
    pos: usize,
    map: SourceMap,
}

/// Deeper than the loader's recursion limit: past it the scan records nothing more.
const MAX_DEPTH: usize = 256;

fn join(path: &str, segment: &str) -> String {
    if path.is_empty() { segment.to_string() } else { format!("{path}.{segment}") }
}

impl Walker<'_> {
    fn peek(&self, ahead: usize) -> Option<&Tok> {
        self.tokens.get(self.pos + ahead).map(|(t, _)| t)
    }

    fn span(&self) -> Range<usize> {
        self.tokens.get(self.pos).map(|(_, r)| r.clone()).unwrap_or(0..0)
    }

    fn prev_end(&self) -> usize {
        self.pos.checked_sub(1).and_then(|p| self.tokens.get(p)).map(|(_, r)| r.end).unwrap_or(0)
    }

    /// Reads one value and records its range under `path`.
    fn value(&mut self, path: String, key: Option<Range<usize>>, depth: usize) {
        let start = self.span().start;
        if depth > MAX_DEPTH {
            self.pos = self.tokens.len();
            return;
        }
        match self.peek(0).cloned() {
            None => return,
            Some(Tok::Word(word)) if self.peek(1) == Some(&Tok::Open('(')) => {
                self.pos += 2;
                if word == "Some" {
                    // Transparent: `Some(x)` is recorded as `x` itself.
                    self.value(path.clone(), key.clone(), depth + 1);
                    self.skip_to_close(')');
                } else {
                    self.fields(&path, ')', depth);
                }
            }
            Some(Tok::Open('(')) => {
                self.pos += 1;
                self.fields(&path, ')', depth);
            }
            Some(Tok::Open('{')) => {
                self.pos += 1;
                self.fields(&path, '}', depth);
            }
            Some(Tok::Open('[')) => {
                self.pos += 1;
                self.fields(&path, ']', depth);
            }
            Some(Tok::Close(_)) | Some(Tok::Comma) | Some(Tok::Colon) => return,
            Some(_) => self.pos += 1,
        }
        let value = start..self.prev_end().max(start);
        self.map.entries.entry(path).or_insert(Entry { key, value });
    }

    /// Reads the inside of a struct, tuple, map or list up to `close`. `name: value` entries
    /// are recorded under their name, positional ones under their index.
    fn fields(&mut self, path: &str, close: char, depth: usize) {
        let mut index = 0usize;
        loop {
            match self.peek(0) {
                None => return,
                Some(Tok::Close(_)) => {
                    self.pos += 1;
                    return;
                }
                Some(Tok::Comma) => {
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            let keyed = close != ']'
                && matches!(self.peek(0), Some(Tok::Word(_)) | Some(Tok::Str(_)))
                && self.peek(1) == Some(&Tok::Colon);
            if keyed {
                let key_span = self.span();
                let name = match self.peek(0) {
                    Some(Tok::Word(w)) | Some(Tok::Str(w)) => w.clone(),
                    _ => String::new(),
                };
                self.pos += 2;
                let child = join(path, &name);
                self.value(child, Some(key_span), depth + 1);
            } else {
                let child = join(path, &index.to_string());
                self.value(child, None, depth + 1);
                index += 1;
                if self.peek(0) == Some(&Tok::Colon) {
                    // A map key that is not a plain word or string: skip to its value.
                    self.pos += 1;
                    let child = join(path, &index.to_string());
                    self.value(child, None, depth + 1);
                }
            }
            if !matches!(self.peek(0), Some(Tok::Comma) | Some(Tok::Close(_)) | None) {
                // Unexpected token: step over it so the scan always advances.
                self.pos += 1;
            }
        }
    }

    fn skip_to_close(&mut self, close: char) {
        while let Some(tok) = self.peek(0) {
            let done = *tok == Tok::Close(close);
            self.pos += 1;
            if done {
                return;
            }
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// Byte offset of a 1-based line and column (in characters).
pub fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let within: usize = l.chars().take(col.saturating_sub(1)).map(char::len_utf8).sum();
            return offset + within;
        }
        offset += l.len();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = r##"// a persona
Persona(
    id: "x",
    moods: {"trust": 50},
    nodes: {
        "opening": Node(
            says: ["Hello /* not a comment */", r#"raw "quoted""#],
            replies: [
                Reply(text: "a", empathy: 1, next: Goto("b")),
                Reply(text: "b", empathy: 5, when: Some(Flag("f")), next: Goto("b")),
            ],
        ),
        "opening": Node(says: []),
    },
)"##;

    fn text_at(range: Range<usize>) -> &'static str {
        &TEXT[range]
    }

    #[test]
    fn finds_fields_map_keys_and_list_items() {
        let map = SourceMap::scan(TEXT);
        assert_eq!(text_at(map.locate("id").unwrap()), "id");
        assert_eq!(text_at(map.locate_value("id").unwrap()), "\"x\"");
        assert_eq!(text_at(map.locate("nodes.opening").unwrap()), "\"opening\"");
        let empathy = map.locate_value("nodes.opening.replies.1.empathy").unwrap();
        assert_eq!(text_at(empathy.clone()), "5");
        assert_eq!(line_col(TEXT, empathy.start), (10, 43));
        assert_eq!(text_at(map.locate("nodes.opening.replies.1.when").unwrap()), "when");
        assert_eq!(text_at(map.locate_value("nodes.opening.replies.1.when").unwrap()), "Flag(\"f\")");
    }

    #[test]
    fn falls_back_to_the_nearest_known_ancestor() {
        let map = SourceMap::scan(TEXT);
        let r = map.locate("nodes.opening.replies.0.effects.trust").unwrap();
        assert_eq!(text_at(r), "Reply(text: \"a\", empathy: 1, next: Goto(\"b\"))");
        assert!(map.locate("nowhere").is_none());
    }

    #[test]
    fn never_panics_on_broken_text() {
        for text in ["(", "\"unterminated", "r#\"x", "{a: [1, (b: }", "/* open", "'x", "é:é"] {
            let _ = SourceMap::scan(text);
        }
    }

    #[test]
    fn line_col_and_offset_are_inverse() {
        let text = "ab\nżółw: 1\n";
        let off = text.find(':').unwrap();
        assert_eq!(line_col(text, off), (2, 5));
        assert_eq!(offset_of(text, 2, 5), off);
    }
}
