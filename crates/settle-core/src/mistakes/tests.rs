use super::*;

/// The problem recognised in `text` when `ron` reports its error where `at` starts.
fn found(text: &str, at: &str) -> Option<(Problem, String)> {
    let at = text.find(at).expect("the error's place is in the text");
    let found = recognise(text, &ron::Error::ExpectedComma, at)?;
    Some((found.problem, text[found.span].to_string()))
}

fn thousands(written: &str, plain: &str) -> Option<(Problem, String)> {
    let problem = Problem::ThousandsSeparator { written: written.into(), plain: plain.into() };
    Some((problem, written.into()))
}

#[test]
fn amounts_with_thousands_separators() {
    assert_eq!(found("(amount: 8,900.00, x: 1)", "900.00"), thousands("8,900.00", "8900.00"));
    assert_eq!(found("(amount: 8,900)", "900"), thousands("8,900", "8900"));
    assert_eq!(found("(amount: 1,234,567.5)", "234"), thousands("1,234,567.5", "1234567.5"));
    assert_eq!(found("(amount: 8 900.00)", "900"), thousands("8 900.00", "8900.00"));
    assert_eq!(found("(amount: 8\u{a0}900.00)", "900"), thousands("8\u{a0}900.00", "8900.00"));
    assert_eq!(found("(amount: 8.900,00)", "00)"), thousands("8.900,00", "8900.00"));
    assert_eq!(found("(amount: 1.234.567)", ".567"), thousands("1.234.567", "1234567"));
}

#[test]
fn amounts_with_a_decimal_comma() {
    let problem = Problem::DecimalComma { written: "8900,5".into(), plain: "8900.5".into() };
    assert_eq!(found("(amount: 8900,5)", "5)"), Some((problem, "8900,5".into())));
}

#[test]
fn decimals_where_whole_numbers_belong() {
    let stance = |axis: &str, written: &str| {
        let problem = Problem::StanceNotWhole { axis: axis.into(), written: written.into() };
        Some((problem, written.into()))
    };
    assert_eq!(found("(empathy: 0.5, firmness: 2)", ".5"), stance("empathy", "0.5"));
    assert_eq!(found("(empathy: 1, firmness: -1.25)", ".25"), stance("firmness", "-1.25"));
    assert_eq!(found("(firmness:+2.0)", ".0"), stance("firmness", "+2.0"));
    let whole = |key: Option<&str>, written: &str| {
        let problem = Problem::NotWhole { key: key.map(Into::into), written: written.into() };
        Some((problem, written.into()))
    };
    assert_eq!(found("(difficulty: 1.5,)", ".5"), whole(Some("difficulty"), "1.5"));
    assert_eq!(found("{ \"trust\": 2.5 }", ".5"), whole(Some("\"trust\""), "2.5"));
    assert_eq!(found("MoodAtLeast(\"trust\", 50.5)", ".5"), whole(None, "50.5"));
    // Not a decimal number: a version, a word, a decimal point with no digits after it.
    assert_eq!(found("(empathy: 1.2.3)", ".3"), None);
    assert_eq!(found("(empathy: x1.5)", ".5"), None);
    assert_eq!(found("(empathy: 1.)", ".)"), None);
    assert_eq!(found("(empathy: 1.5e3)", ".5"), None);
}

/// The problem recognised when `ron` reports `err` where `at` starts in `text`.
fn found_by(text: &str, err: ron::Error, at: &str) -> Option<(Problem, String)> {
    let at = text.find(at).expect("the error's place is in the text");
    let found = recognise(text, &err, at)?;
    Some((found.problem, text[found.span].to_string()))
}

#[test]
fn next_steps_without_goto() {
    let goto = |target: &str, written: &str| Some((Problem::NextWithoutGoto(target.into()), written.into()));
    let text = "Reply(text: \"a\", next: \"promise\")";
    assert_eq!(found_by(text, ron::Error::ExpectedIdentifier, "\"promise"), goto("promise", "\"promise\""));
    let text = "Reply(text: \"a\", next:promise)";
    let err = ron::Error::NoSuchEnumVariant {
        expected: &["Goto", "Random"],
        found: "promise".into(),
        outer: Some("NextSpec".into()),
    };
    assert_eq!(found_by(text, err.clone(), "promise"), goto("promise", "promise"));
    // A misspelt `Goto` is left to "did you mean".
    let text = "Reply(text: \"a\", next: goto(\"promise\"))";
    let err = ron::Error::NoSuchEnumVariant {
        expected: &["Goto", "Random"],
        found: "goto".into(),
        outer: Some("NextSpec".into()),
    };
    assert_eq!(found_by(text, err, "goto"), None);
    // Another field written as text.
    let text = "Persona(archetype: \"Cooperative\")";
    let found = found_by(text, ron::Error::ExpectedIdentifier, "\"Coop").map(|(p, _)| p.code());
    assert_eq!(found, Some("quoted-name"));
}

#[test]
fn a_list_of_next_steps() {
    let list = |owner: &'static str, targets: &[&str], written: &str| {
        let targets = targets.iter().map(|t| t.to_string()).collect();
        Some((Problem::NextList { owner, targets }, written.into()))
    };
    let text = "Reply(text: \"a\", next: [Goto(\"a\"), Goto(\"b\")], feedback: \"\")";
    let written = "[Goto(\"a\"), Goto(\"b\")]";
    assert_eq!(found_by(text, ron::Error::ExpectedIdentifier, "["), list("a reply", &["a", "b"], written));
    let text = "Silence(next: [\"a\"])";
    assert_eq!(found_by(text, ron::Error::ExpectedIdentifier, "["), list("a `Silence`", &["a"], "[\"a\"]"));
    // Never closed: no guess.
    let text = "Reply(next: [Goto(\"a\"), Goto(\"b\")";
    assert_eq!(found_by(text, ron::Error::ExpectedIdentifier, "["), None);
    let text = "Reply(next: [Goto(\"a\"), Goto(\"b\")), text: \"\")";
    assert_eq!(found_by(text, ron::Error::ExpectedIdentifier, "["), None);
}

#[test]
fn a_missing_comma_is_placed_where_it_belongs() {
    let comma = |before: Option<&str>, fixed: Option<&str>| {
        let problem = Problem::MissingComma { before: before.map(Into::into), fixed: fixed.map(Into::into) };
        Some((problem, String::new()))
    };
    let text = "Persona(\n    difficulty: 1 // easy\n    language: \"en\",\n)";
    assert_eq!(found(text, "language"), comma(Some("language"), Some("difficulty: 1, // easy")));
    let at = text.find("language").unwrap();
    let span = recognise(text, &ron::Error::ExpectedComma, at).map(|f| f.span);
    let gap = text.find(" // easy").unwrap();
    assert_eq!(span, Some(gap..gap));
    let text = "{ \"trust\": 60 \"anger\": 5 }";
    assert_eq!(found_at(text, "\"anger"), comma(Some("\"anger\""), Some("{ \"trust\": 60, \"anger\": 5 }")));
    let text = "[Reply(text: \"a\")\n  Reply(text: \"b\")]";
    assert_eq!(found_at(text, "Reply(text: \"b"), comma(None, Some("[Reply(text: \"a\"),")));
    let long = format!("(text: \"{}\" next: x)", "a".repeat(60));
    assert_eq!(found_at(&long, "next"), comma(Some("next"), None));
    // Words in a list are text without quotes, not two items; a word after an amount is not
    // a field.
    let words = found_at("says: [Nowak speaking.]", "speaking").map(|(p, _)| p.code());
    assert_eq!(words, Some("unquoted-text"));
    assert_eq!(found_at("(amount: 1200.00 PLN)", "PLN"), None);
}

/// Like `found`, for problems that have an empty span (where something is missing).
fn found_at(text: &str, at: &str) -> Option<(Problem, String)> {
    found(text, at).map(|(problem, _)| (problem, String::new()))
}

#[test]
fn a_text_without_its_closing_quote() {
    let unclosed = |written: &str| Some((Problem::UnclosedText, written.to_string()));
    // `ron` reads on to the next quote, on a later line, and stops at what follows it.
    let text = "Persona(\n    name: \"Jan Nowak,\n    company: \"Nowak Trade\",\n)";
    assert_eq!(found(text, "Nowak Trade"), unclosed("\""));
    assert_eq!(
        recognise(text, &ron::Error::ExpectedComma, text.find("Nowak Trade").unwrap()).unwrap().span,
        19..20
    );
    // `ron` reaches the end of the file and reports the opening quote.
    let text = "Persona(\n    name: \"Jan Nowak,\n)";
    let at = text.find('"').unwrap();
    let found = recognise(text, &ron::Error::ExpectedStringEnd, at).map(|f| f.problem);
    assert_eq!(found, Some(Problem::UnclosedText));
}

#[test]
fn text_without_quotes_and_names_with_them() {
    // The fix and what it replaces; another problem by its code.
    let fixed = |found: Option<(Problem, String)>| {
        found.map(|(problem, written)| match problem {
            Problem::UnquotedText { fix, .. } => (fix, written),
            other => (other.code().to_string(), written),
        })
    };
    let unquoted = |fix: &str, written: &str| Some((fix.to_string(), written.to_string()));
    let expected_string = |text: &str, at: &str| fixed(found_by(text, ron::Error::ExpectedString, at));
    assert_eq!(
        expected_string("(name: Jan Nowak, x: 1)", " Jan"),
        unquoted("name: \"Jan Nowak\"", "Jan Nowak")
    );
    assert_eq!(
        expected_string("(d: 2026-11-23 // due\n)", " 2026"),
        unquoted("d: \"2026-11-23\"", "2026-11-23")
    );
    assert_eq!(expected_string("(next: Goto(promise))", "promise"), unquoted("Goto(\"promise\")", "promise"));
    assert_eq!(expected_string("(moods: { trust: 60 })", " trust"), unquoted("\"trust\"", "trust"));
    let text = "(says: [Nowak speaking.])";
    assert_eq!(fixed(found(text, "speaking")), unquoted("\"Nowak speaking.\"", "Nowak speaking."));
    // A record where text belongs, a colon that may be part of the text, a quote further on.
    assert_eq!(expected_string("(text: Line(\"a\"))", " Line"), None);
    assert_eq!(expected_string("(name: Note: call back)", " Note"), None);
    assert_eq!(expected_string("(name: Jan \"Johnny\" Nowak)", " Jan"), None);
    // Commas inside text without quotes: where the text ends is not clear.
    assert_eq!(expected_string("(name: Jan, the owner, x: 1)", " Jan"), None);
    let text = "(name: Jan Nowak, company: \"Nowak Trade\")";
    assert_eq!(expected_string(text, " Jan"), unquoted("name: \"Jan Nowak\"", "Jan Nowak"));
    // A field after a map whose `}` is missing is not a mood name without quotes.
    let text = "(effects: { \"trust\": 5,\n feedback: \"Good.\")";
    assert_eq!(expected_string(text, "\n feedback"), None);

    // Only the opening quote is missing.
    let unopened = |fix: &str, first: &str, written: &str| {
        Some((Problem::UnopenedText { fix: fix.into(), first: first.into() }, written.into()))
    };
    let text = "(text: Yes, the racks!\", next: Goto(\"a\"))";
    let expected = unopened("text: \"Yes, the racks!\"", "Yes,", "Yes, the racks!");
    assert_eq!(found_by(text, ron::Error::ExpectedString, " Yes"), expected);

    // In single quotes; alone on its line, commas and colons and all.
    let text = "(summary: 'You'll be paid.', x: 1)";
    assert_eq!(expected_string(text, " 'You"), unquoted("summary: \"You'll be paid.\"", "'You'll be paid.'"));
    let text = "(\n    text: Fine, 50,000 on Friday: the rest in the first quarter.,\n    x: 1)";
    let written = "Fine, 50,000 on Friday: the rest in the first quarter.";
    let expected = unquoted(&format!("text: \"{written}\""), written);
    assert_eq!(expected_string(text, " Fine"), expected);
    let found = recognise(text, &ron::Error::ExpectedString, text.find(" Fine").unwrap());
    let hint = found.and_then(|f| f.problem.hint());
    assert_eq!(hint.as_deref(), Some("put a `\"` before `Fine,` and another after `quarter.`"));
    // Not alone on its line: where the text ends is not clear.
    assert_eq!(expected_string("(a: 1, text: Fine, 50,000 on Friday.,\n)", " Fine"), None);

    let quoted = |name: &str, fix: &str, written: &str| {
        Some((Problem::QuotedName { name: name.into(), fix: fix.into() }, written.into()))
    };
    let expected_name = |text: &str, at: &str| found_by(text, ron::Error::ExpectedIdentifier, at);
    let text = "(archetype: \"Cooperative\")";
    assert_eq!(
        expected_name(text, "\"Coop"),
        quoted("Cooperative", "archetype: Cooperative", "\"Cooperative\"")
    );
    let text = "{ \"PromiseToPay\": 100 }";
    assert_eq!(expected_name(text, "\"Prom"), quoted("PromiseToPay", "PromiseToPay", "\"PromiseToPay\""));
    assert_eq!(expected_name("(archetype: \"very cooperative\")", "\"very"), None);
    // A node id after a record whose `)` is missing.
    let text = "{ \"a\": Node(says: [\"x\"], silence: Silence(next: Goto(\"b\")),\n \"b\": Node(says: []) }";
    assert_eq!(expected_name(text, "\"b\": Node"), None);
}

#[test]
fn one_text_for_a_list_and_a_comma_too_many() {
    let text = "(says: \"Nowak speaking.\", replies: [])";
    let fix = "says: [\"Nowak speaking.\"]".to_string();
    let expected = Some((Problem::NotAList { fix }, "\"Nowak speaking.\"".to_string()));
    assert_eq!(found_by(text, ron::Error::ExpectedArray, " \"Nowak"), expected);
    assert_eq!(found_by("(says: \"a\" \"b\")", ron::Error::ExpectedArray, " \"a"), None);
    let text = "(says: \"a\", \"b\"], x: 1)";
    assert_eq!(found_by(text, ron::Error::ExpectedArray, " \"a"), None);
    let text = "(says: \"a\"], x: 1)";
    let expected = Some((Problem::NotAList { fix: "says: [\"a\"]".into() }, "\"a\"".into()));
    assert_eq!(found_by(text, ron::Error::ExpectedArray, " \"a"), expected);
    let expected = Some((Problem::ExtraComma, ",".to_string()));
    assert_eq!(found_by("(format: 1,, id: \"x\")", ron::Error::ExpectedIdentifier, ", id"), expected);
    // A comma alone on its line rather follows a bracket that is missing.
    let text = "(a: (b: 1,\n ,\n c: 2)";
    assert_eq!(found_by(text, ron::Error::ExpectedIdentifier, ",\n c"), None);
}

#[test]
fn never_panics_whatever_the_place() {
    let texts = [
        "(amount: 8,900.00, empathy: 0.5, next: [Goto(\"a\"), \"b\"], name: \"Jan\n",
        "{ \"żółw\": 1 \"b\": 2.5 } r#\"x\"# ' \u{a0}9 ,, : ] ) -",
        "",
    ];
    let errors = [
        ron::Error::ExpectedComma,
        ron::Error::ExpectedIdentifier,
        ron::Error::ExpectedString,
        ron::Error::ExpectedStringEnd,
        ron::Error::ExpectedArray,
        ron::Error::SuggestRawIdentifier("x".into()),
        ron::Error::NoSuchEnumVariant { expected: &["Goto"], found: "a".into(), outer: None },
    ];
    for text in texts {
        for at in 0..=text.len() + 1 {
            for err in &errors {
                if let Some(found) = recognise(text, err, at) {
                    assert!(found.span.start <= found.span.end && found.span.end <= text.len());
                    assert!(text.is_char_boundary(found.span.start) && text.is_char_boundary(found.span.end));
                }
            }
        }
    }
}

#[test]
fn other_numbers_and_other_mistakes_are_left_alone() {
    // Not an amount.
    assert_eq!(found("(weight: 8,900)", "900"), None);
    // Not thousands: groups of the wrong size, mixed separators, a word after the number.
    assert_eq!(found("(amount: 89,00,00)", "00,00"), None);
    assert_eq!(found("(amount: 8,900 000.00)", "900 "), None);
    assert_eq!(found("(amount: 8,900.00x)", "900"), None);
    assert_eq!(found("(amount: 1200.00 PLN)", "PLN"), None);
    // The error lies after the amount, which is well written.
    let missing_comma =
        Problem::MissingComma { before: Some("name".into()), fixed: Some("(amount: 1200.00,".into()) };
    assert_eq!(found("(amount: 1200.00\n name: 1)", "name"), Some((missing_comma, String::new())));
}
