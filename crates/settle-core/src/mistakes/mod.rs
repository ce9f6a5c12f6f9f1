//! Recognising a trainer's mistake behind a `ron` syntax error.
//!
//! `ron` says where reading stopped and what it expected there ("Expected comma"). That is
//! true, but it names a symptom, often a few characters after the mistake. [`recognise`] reads
//! the text around that place again and, for mistakes trainers commonly make (`8,900.00` for an
//! amount, `empathy: 0.5`, `next: "promise"`, a forgotten comma or quote, text without quotes,
//! a fixed name in quotes...), returns the [`Problem`] that names the mistake and the span of
//! what was written, so that the diagnostic can show the fix.
//!
//! Each recogniser matches its mistake exactly or returns `None`, and then `ron`'s own message
//! stands: a wrong guess misleads a trainer more than a generic message does. Nothing here
//! reads a whole file or decides whether a file is valid.

use std::ops::Range;

use crate::diagnostic::Problem;
use crate::source::{Tok, tokenize};

type Token = (Tok, Range<usize>);

/// A mistake recognised at a syntax error: what it is, and where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Recognised {
    pub problem: Problem,
    pub span: Range<usize>,
}

/// The mistake behind a syntax error that `ron` reported at byte offset `at` of `text`, when it
/// is one this module knows.
pub fn recognise(text: &str, err: &ron::Error, at: usize) -> Option<Recognised> {
    let at = floor_char_boundary(text, at.min(text.len()));
    if let Some(found) = amount(text, at).or_else(|| whole_number(text, at)) {
        return Some(found);
    }
    let tokens = tokenize(text);
    next_step(text, &tokens, err, at)
        .or_else(|| unclosed_text(text, &tokens, err, at))
        .or_else(|| unquoted_text(text, &tokens, err, at))
        .or_else(|| missing_comma(text, &tokens, err, at))
        .or_else(|| quoted_name(text, &tokens, err, at))
        .or_else(|| not_a_list(text, &tokens, err, at))
        .or_else(|| extra_comma(text, &tokens, err, at))
}

/// An amount written with thousands separators (`8,900.00`, `8 900.00`, `8.900,00`) or a
/// decimal comma (`8900,00`), where `at` falls inside it.
fn amount(text: &str, at: usize) -> Option<Recognised> {
    let is_amount_char = |c: char| c.is_ascii_digit() || matches!(c, ',' | '.') || is_group_space(c);
    let back = text[..at].char_indices().rev().take_while(|(_, c)| is_amount_char(*c)).last();
    let start = skip_spaces(text, back.map_or(at, |(i, _)| i));
    if key_before(text, start) != Some("amount") {
        return None;
    }
    // Digit groups and the separators between them; a separator counts only between digits.
    let mut groups = Vec::new();
    let mut separators = Vec::new();
    let mut end = start;
    loop {
        let digits = text[end..].bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            break;
        }
        groups.push(&text[end..end + digits]);
        end += digits;
        let mut rest = text[end..].chars();
        match (rest.next(), rest.next()) {
            (Some(sep), Some(digit))
                if (matches!(sep, ',' | '.') || is_group_space(sep)) && digit.is_ascii_digit() =>
            {
                separators.push(sep);
                end += sep.len_utf8();
            }
            _ => break,
        }
    }
    if separators.is_empty() || !(start < at && at < end) || !ends_value(text, end) {
        return None;
    }
    let (whole, decimal) = match groups.last().map(|g| g.len()) {
        Some(1 | 2) => (&groups[..groups.len() - 1], separators.pop()),
        Some(3) => (&groups[..], None),
        _ => return None,
    };
    if decimal.is_some_and(|d| d != ',' && d != '.') {
        return None;
    }
    if let Some(&thousands) = separators.first() {
        let grouped = separators.iter().all(|s| *s == thousands)
            && Some(thousands) != decimal
            && (1..=3).contains(&whole[0].len())
            && whole[1..].iter().all(|g| g.len() == 3);
        if !grouped {
            return None;
        }
    } else if decimal != Some(',') {
        return None;
    }
    let mut plain: String = whole.concat();
    if decimal.is_some() {
        plain = format!("{plain}.{}", groups[groups.len() - 1]);
    }
    let written = text[start..end].to_string();
    let problem = if separators.is_empty() {
        Problem::DecimalComma { written, plain }
    } else {
        Problem::ThousandsSeparator { written, plain }
    };
    Some(Recognised { problem, span: start..end })
}

/// A decimal number where a whole number belongs (`empathy: 0.5`): `ron` reads the whole part
/// and stops at the decimal point, at `at`.
fn whole_number(text: &str, at: usize) -> Option<Recognised> {
    let bytes = text.as_bytes();
    if bytes.get(at) != Some(&b'.') || !bytes.get(at + 1).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let mut start = at - bytes[..at].iter().rev().take_while(|b| b.is_ascii_digit()).count();
    if start == at {
        return None;
    }
    if start > 0 && matches!(bytes[start - 1], b'-' | b'+') {
        start -= 1;
    }
    if start > 0
        && !matches!(bytes[start - 1], b':' | b'(' | b'[' | b',')
        && !bytes[start - 1].is_ascii_whitespace()
    {
        return None;
    }
    let end = at + 1 + bytes[at + 1..].iter().take_while(|b| b.is_ascii_digit()).count();
    if !ends_value(text, end) {
        return None;
    }
    let written = text[start..end].to_string();
    let problem = match key_before(text, start) {
        Some(axis @ ("empathy" | "firmness")) => Problem::StanceNotWhole { axis: axis.to_string(), written },
        key => Problem::NotWhole { key: key.map(str::to_string), written },
    };
    Some(Recognised { problem, span: start..end })
}

/// A next step written without `Goto(...)` (`next: "promise"`, `next: promise`), or as a list
/// of steps (`next: [Goto("a"), Goto("b")]`).
fn next_step(text: &str, tokens: &[Token], err: &ron::Error, at: usize) -> Option<Recognised> {
    let value = skip_spaces(text, at);
    if key_before(text, value) != Some("next") {
        return None;
    }
    let i = tokens.partition_point(|(_, r)| r.start < value);
    let (token, range) = tokens.get(i).filter(|(_, r)| r.start == value)?;
    let problem = match (token, err) {
        (Tok::Str(target), ron::Error::ExpectedIdentifier) => Problem::NextWithoutGoto(target.clone()),
        (Tok::Word(word), ron::Error::NoSuchEnumVariant { found, .. })
            if word == found && !matches!(tokens.get(i + 1), Some((Tok::Open(_), _))) =>
        {
            Problem::NextWithoutGoto(word.clone())
        }
        (Tok::Open('['), ron::Error::ExpectedIdentifier) => {
            let close = closing(tokens, i).filter(|c| tokens[*c].0 == Tok::Close(']'))?;
            let targets = tokens[i + 1..close]
                .iter()
                .filter_map(|(t, _)| match t {
                    Tok::Str(s) => Some(s.clone()),
                    _ => None,
                })
                .collect();
            let owner = match enclosing_name(tokens, i) {
                Some("Silence") => "a `Silence`",
                _ => "a reply",
            };
            let span = range.start..tokens[close].1.end;
            return Some(Recognised { problem: Problem::NextList { owner, targets }, span });
        }
        _ => return None,
    };
    Some(Recognised { problem, span: range.clone() })
}

/// The index of the token that closes the bracket opened at `open`.
fn closing(tokens: &[Token], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (i, (token, _)) in tokens.iter().enumerate().skip(open) {
        match token {
            Tok::Open(_) => depth += 1,
            Tok::Close(_) => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

/// The index of the bracket that encloses token `at`.
fn enclosing(tokens: &[Token], at: usize) -> Option<usize> {
    let mut depth = 0usize;
    for i in (0..at).rev() {
        match &tokens[i].0 {
            Tok::Close(_) => depth += 1,
            Tok::Open(_) if depth > 0 => depth -= 1,
            Tok::Open(_) => return Some(i),
            _ => {}
        }
    }
    None
}

/// The name written before the bracket that encloses token `at`: `Reply` in `Reply(... at ...)`.
fn enclosing_name(tokens: &[Token], at: usize) -> Option<&str> {
    match tokens.get(enclosing(tokens, at)?.checked_sub(1)?) {
        Some((Tok::Word(name), _)) => Some(name),
        _ => None,
    }
}

/// A text whose closing quote is missing. `ron` either reaches the end of the file inside it
/// (and reports its opening quote), or reads on to the next quote, so that the text "ends" on a
/// later line and what follows it makes no sense.
fn unclosed_text(text: &str, tokens: &[Token], err: &ron::Error, at: usize) -> Option<Recognised> {
    let i = tokens.partition_point(|(_, r)| r.start < skip_spaces(text, at));
    let opening = match err {
        ron::Error::ExpectedStringEnd if text[at..].starts_with('"') => at,
        ron::Error::ExpectedComma => match tokens.get(i.checked_sub(1)?) {
            Some((Tok::Str(_), r)) if text[r.clone()].starts_with('"') && text[r.clone()].contains('\n') => {
                r.start
            }
            _ => return None,
        },
        _ => return None,
    };
    Some(Recognised { problem: Problem::UnclosedText, span: opening..opening + 1 })
}

/// Text written without its double quotes: `name: Jan Nowak`, `Goto(promise)`,
/// `{ trust: 60 }`, a debtor line `[Nowak speaking.]`; or without its opening quote only:
/// `text: Yes, the racks!",`.
fn unquoted_text(text: &str, tokens: &[Token], err: &ron::Error, at: usize) -> Option<Recognised> {
    let i = tokens.partition_point(|(_, r)| r.start < skip_spaces(text, at));
    let start = match err {
        ron::Error::ExpectedString => match tokens.get(i) {
            Some((Tok::Word(_), r)) if r.start == skip_spaces(text, at) => r.start,
            _ => return None,
        },
        // In a list, `ron` reads the first word as a line and stops at the second.
        ron::Error::ExpectedComma => {
            let first = i.checked_sub(1)?;
            let in_list = matches!(enclosing(tokens, i).map(|o| &tokens[o].0), Some(Tok::Open('[')));
            match (tokens.get(first.checked_sub(1)?), &tokens[first], tokens.get(i)) {
                (Some((Tok::Open('[') | Tok::Comma, _)), (Tok::Word(_), r), Some((Tok::Word(_), _)))
                    if in_list =>
                {
                    r.start
                }
                _ => return None,
            }
        }
        _ => return None,
    };
    let line = text[start..].lines().next().unwrap_or("");
    let key = key_before(text, start);
    let in_map = matches!(enclosing(tokens, i).map(|o| &tokens[o].0), Some(Tok::Open('{')));
    // The closing quote is there and the value ends after it: only the opening one is missing.
    if let Some(quote) = line.find('"')
        && ends_cleanly(&line[quote + 1..])
        && !line[..quote].contains('\\')
        && !in_map
    {
        let written = &line[..quote];
        let fix = format!("{}\"{written}\"", key.map(|k| format!("{k}: ")).unwrap_or_default());
        let first = written.split_whitespace().next().unwrap_or(written).to_string();
        let problem = Problem::UnopenedText { fix, first };
        return Some(Recognised { problem, span: start..start + quote });
    }
    let unquoted = |written: &str, span: Range<usize>| {
        let fix = format!("{}\"{written}\"", key.map(|k| format!("{k}: ")).unwrap_or_default());
        let first = written.split_whitespace().next().unwrap_or(written).to_string();
        let last = written.split_whitespace().last().unwrap_or(written).to_string();
        Some(Recognised { problem: Problem::UnquotedText { fix, first, last }, span })
    };
    // In single quotes: `summary: 'Paid on Friday.',`.
    if let Some(inner) = line.strip_prefix('\'') {
        let close = inner.rfind('\'')?;
        let written = &inner[..close];
        if written.is_empty() || written.contains(['"', '\\']) || !ends_cleanly(&inner[close + 1..]) {
            return None;
        }
        return unquoted(written, start..start + close + 2);
    }
    // A word or a few, up to a comma followed by the next field, a closing bracket or the end of
    // the line.
    let end = line.find([',', ')', ']', '}', ':', '(', '[', '{', '"']).unwrap_or(line.len());
    let end = line[..end].find("//").unwrap_or(end);
    let written = line[..end].trim_end();
    let after = line[end..].trim_start();
    let clear_end = match after.chars().next() {
        None | Some(')' | ']' | '}' | '/' | ',') => ends_cleanly(after),
        // A map key (`{ trust: 60 }`), the first of its map: after an entry, a word and a colon
        // are rather a field after a map whose `}` is missing.
        Some(':') => in_map && matches!(tokens.get(i.wrapping_sub(1)), Some((Tok::Open('{'), _))),
        _ => false,
    };
    if !written.is_empty() && !written.contains('\\') && clear_end {
        let call = tokens.get(i.wrapping_sub(2)..i);
        if let (None, Some([(Tok::Word(name), _), (Tok::Open('('), _)])) = (key, call)
            && after.starts_with(')')
            && *err == ron::Error::ExpectedString
        {
            let fix = format!("{name}(\"{written}\")");
            let problem = Problem::UnquotedText { fix, first: written.into(), last: written.into() };
            return Some(Recognised { problem, span: start..start + written.len() });
        }
        return unquoted(written, start..start + written.len());
    }
    // A field alone on its line whose text (commas, colons and all) runs to the comma that ends
    // the line: `text: Fine, 50,000 on Friday.,`.
    let field_alone = key.is_some_and(|key| {
        let line_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
        text[line_start..start].trim().strip_suffix(':').map(str::trim_end) == Some(key)
    });
    let written = line.trim_end().strip_suffix(',').map(str::trim_end).unwrap_or_default();
    if !field_alone || written.is_empty() || written.contains(['"', '\\']) {
        return None;
    }
    unquoted(written, start..start + written.len())
}

/// Whether a value can end where `after` starts: at the end of the line, a comment or a closing
/// bracket, or at a comma followed by one of those or by the next field. After a comma anything
/// else may be more of a text that lacks its quotes.
fn ends_cleanly(after: &str) -> bool {
    let after = after.trim_start();
    let closes = |rest: &str| rest.is_empty() || rest.starts_with("//") || rest.starts_with([')', ']', '}']);
    match after.strip_prefix(',') {
        None => closes(after),
        Some(next) => {
            let next = next.trim_start();
            let is_key =
                |c: usize| next[..c].trim_end().chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '_');
            closes(next) || next.find(':').is_some_and(|c| c > 0 && is_key(c))
        }
    }
}

/// A fixed name written in quotes, where a name without quotes belongs:
/// `archetype: "Cooperative"`.
fn quoted_name(text: &str, tokens: &[Token], err: &ron::Error, at: usize) -> Option<Recognised> {
    if *err != ron::Error::ExpectedIdentifier {
        return None;
    }
    let value = skip_spaces(text, at);
    let i = tokens.partition_point(|(_, r)| r.start < value);
    let (Tok::Str(name), range) = tokens.get(i).filter(|(_, r)| r.start == value)? else {
        return None;
    };
    let is_name = name.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if !is_name {
        return None;
    }
    // After a key, or as the first key of a map; elsewhere the text may be a key after a record
    // whose `)` is missing.
    let fix = match key_before(text, value) {
        Some(key) => format!("{key}: {name}"),
        None if matches!(tokens.get(i.wrapping_sub(1)), Some((Tok::Open('{'), _))) => name.clone(),
        None => return None,
    };
    Some(Recognised { problem: Problem::QuotedName { name: name.clone(), fix }, span: range.clone() })
}

/// One text where a list belongs: `says: "Nowak speaking."`.
fn not_a_list(text: &str, tokens: &[Token], err: &ron::Error, at: usize) -> Option<Recognised> {
    if *err != ron::Error::ExpectedArray {
        return None;
    }
    let value = skip_spaces(text, at);
    let i = tokens.partition_point(|(_, r)| r.start < value);
    let (Tok::Str(_), range) = tokens.get(i).filter(|(_, r)| r.start == value)? else {
        return None;
    };
    // One text, then the end of the value; more texts after a comma are a list whose `[` is
    // missing, and then `ron`'s message stands.
    let one = matches!(
        (tokens.get(i + 1), tokens.get(i + 2), tokens.get(i + 3)),
        (None | Some((Tok::Close(_), _)), _, _)
            | (Some((Tok::Comma, _)), None | Some((Tok::Close(_), _)), _)
            | (Some((Tok::Comma, _)), Some((Tok::Word(_), _)), Some((Tok::Colon, _)))
    );
    if !one {
        return None;
    }
    let item = &text[range.clone()];
    let item = if item.chars().count() > MAX_QUOTED_LINE / 2 { "\"...\"" } else { item };
    let fix = match key_before(text, value) {
        Some(key) => format!("{key}: [{item}]"),
        None => format!("[{item}]"),
    };
    Some(Recognised { problem: Problem::NotAList { fix }, span: range.clone() })
}

/// Two commas in a row: `format: 1,,`.
fn extra_comma(text: &str, tokens: &[Token], err: &ron::Error, at: usize) -> Option<Recognised> {
    if !matches!(err, ron::Error::ExpectedIdentifier | ron::Error::ExpectedComma) {
        return None;
    }
    let i = tokens.partition_point(|(_, r)| r.start < skip_spaces(text, at));
    match (tokens.get(i.checked_sub(1)?), tokens.get(i)) {
        // On one line: a comma alone on its line rather follows a missing bracket.
        (Some((Tok::Comma, first)), Some((Tok::Comma, r)))
            if r.start == skip_spaces(text, at) && !text[first.end..r.start].contains('\n') =>
        {
            Some(Recognised { problem: Problem::ExtraComma, span: r.clone() })
        }
        _ => None,
    }
}

/// A comma missing between two fields, map entries or list items: `ron` reports the second one.
/// The diagnostic points where the comma belongs, just after the first.
fn missing_comma(text: &str, tokens: &[Token], err: &ron::Error, at: usize) -> Option<Recognised> {
    if *err != ron::Error::ExpectedComma {
        return None;
    }
    let i = tokens.partition_point(|(_, r)| r.start < at);
    let (next, next_range) = tokens.get(i).filter(|(_, r)| r.start == skip_spaces(text, at))?;
    let (previous, previous_range) = tokens.get(i.checked_sub(1)?)?;
    let single_line_text = |r: &Range<usize>| !text[r.clone()].contains('\n');
    let ends_value = match previous {
        Tok::Str(_) => single_line_text(previous_range),
        Tok::Word(_) | Tok::Close(_) => true,
        _ => false,
    };
    if !ends_value {
        return None;
    }
    let before = match (next, tokens.get(i + 1)) {
        (Tok::Word(_) | Tok::Str(_), Some((Tok::Colon, _))) => Some(text[next_range.clone()].to_string()),
        // A list item: text, or a record; never a bare word, which is rather text without quotes.
        (Tok::Str(_) | Tok::Open(_), _) | (Tok::Word(_), Some((Tok::Open(_), _)))
            if !matches!(previous, Tok::Word(_))
                && matches!(enclosing(tokens, i).map(|o| &tokens[o].0), Some(Tok::Open('['))) =>
        {
            None
        }
        _ => return None,
    };
    let gap = previous_range.end;
    let line_start = text[..gap].rfind('\n').map_or(0, |n| n + 1);
    let line_end = text[gap..].find('\n').map_or(text.len(), |n| gap + n);
    let (head, tail) = (text[line_start..gap].trim_start(), text[gap..line_end].trim_end());
    let fixed = format!("{head},{tail}");
    let fixed = (fixed.chars().count() <= MAX_QUOTED_LINE).then_some(fixed);
    Some(Recognised { problem: Problem::MissingComma { before, fixed }, span: gap..gap })
}

/// Lines longer than this are not quoted whole in a hint.
const MAX_QUOTED_LINE: usize = 60;

/// Spaces people put between groups of digits: a plain space, and the no-break spaces that word
/// processors and spreadsheets use.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// Whether a value can end at `at`: end of text, white space, a separator, a closing bracket or a
/// comment.
fn ends_value(text: &str, at: usize) -> bool {
    match text[at..].chars().next() {
        None => true,
        Some(c) => c.is_whitespace() || matches!(c, ',' | ')' | ']' | '}' | '/'),
    }
}

/// `at` moved forward over white space.
fn skip_spaces(text: &str, at: usize) -> usize {
    at + text[at..].len() - text[at..].trim_start().len()
}

/// The key written just before the value that starts at `value`: `empathy` in `empathy: 0.5`,
/// `"trust"` (with its quotes) in `"trust": 2.5`.
fn key_before(text: &str, value: usize) -> Option<&str> {
    let before = text[..value].trim_end().strip_suffix(':')?.trim_end_matches([' ', '\t']);
    if let Some(inner) = before.strip_suffix('"') {
        let open = inner.rfind('"')?;
        return (!inner[open..].contains('\n')).then(|| &before[open..]);
    }
    let key = before.trim_end_matches(|c: char| c.is_ascii_alphanumeric() || c == '_');
    let key = &before[key.len()..];
    (!key.is_empty()).then_some(key)
}

fn floor_char_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests;
