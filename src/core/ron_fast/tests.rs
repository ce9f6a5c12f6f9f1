//! The fast reader against `ron`: whenever it accepts, `ron` must accept with the same value.

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use serde::Deserialize;
use serde::de::IgnoredAny;

use super::{Options, from_str};
use crate::core::call::Mode;
use crate::core::engine::CallEngine;
use crate::core::format::{ConditionSpec, LineSpec, PersonaFile, PortraitSpec};
use crate::core::load::load_bytes;
use crate::core::money::Money;
use crate::core::report::store::encode;
use crate::core::report::{CallId, CallTimes, Report};
use crate::core::synthetic::persona_text;
use crate::core::wrapup::WrapUp;

const PERSONA: Options = crate::core::load::READING;
const REPORT: Options = crate::core::report::store::READING;

/// Reads `text` both ways; panics if the fast reader accepts what `ron` refuses or reads a
/// different value. Returns whether the fast reader accepted.
fn agree<T: for<'a> Deserialize<'a> + Debug>(text: &str, options: Options) -> bool {
    let fast = from_str::<T>(text, options);
    if let Ok(fast) = &fast {
        match options.ron().from_str::<T>(text) {
            Ok(ron) => assert_eq!(format!("{fast:?}"), format!("{ron:?}"), "different values for:\n{text}"),
            Err(e) => panic!("fast accepted what ron refuses ({e}):\n{text}"),
        }
    }
    fast.is_ok()
}

/// Asserts that the fast reader (as persona files are read) accepts every text of `accepted`,
/// with `ron`'s values (see [`agree`]), and refuses every text of `refused`.
fn reads<T: for<'a> Deserialize<'a> + Debug>(accepted: &[&str], refused: &[&str]) {
    for text in accepted {
        assert!(agree::<T>(text, PERSONA), "{text}");
    }
    for text in refused {
        assert!(!agree::<T>(text, PERSONA), "{text}");
    }
}

fn ron_files(dir: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "ron"));
    paths.sort();
    paths
}

#[test]
fn every_persona_file_reads_as_ron_reads_it() {
    let mut accepted = 0;
    for dir in ["dialogues", "tests/data/good", "tests/data/bad"] {
        for path in ron_files(dir) {
            let Ok(text) = fs::read_to_string(&path) else { continue };
            let ok = agree::<PersonaFile>(&text, PERSONA);
            assert!(agree::<IgnoredAny>(&text, PERSONA) || dir.ends_with("bad"), "{}", path.display());
            assert!(ok || dir.ends_with("bad"), "the fast reader refused {}", path.display());
            accepted += usize::from(ok);
        }
    }
    assert!(accepted >= 10, "only {accepted} files read");
}

#[test]
fn generated_personas_read_as_ron_reads_them() {
    for (nodes, seed) in [(8, 1), (40, 2), (300, 3)] {
        let text = persona_text(nodes, seed, "calm.png");
        assert!(agree::<PersonaFile>(&text, PERSONA), "{nodes} nodes");
        assert!(agree::<IgnoredAny>(&text, PERSONA));
    }
}

/// A call played to its end on a bundled persona, with text that needs escapes.
fn played_report() -> Report {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("dialogues/tomasz-partner.ron");
    let text = fs::read_to_string(&path).expect("a bundled persona");
    let file: PersonaFile = from_str(&text, PERSONA).expect("fast reader");
    let assets = tempfile::tempdir().expect("tempdir");
    for portrait in &file.portraits {
        let image = assets.path().join(&portrait.image);
        fs::create_dir_all(image.parent().expect("a folder")).expect("mkdir");
        fs::write(image, crate::core::synthetic::PORTRAIT_PNG).expect("write");
    }
    let loaded = load_bytes(&path, text.as_bytes(), assets.path());
    let persona = loaded.persona.expect("a playable persona");
    let (mut engine, _) = CallEngine::start(persona, Mode::Practice, 7);
    let mut turn = 0;
    while !engine.is_over() {
        turn += 1;
        let result = if turn % 5 == 0 { engine.silence() } else { engine.choose_listed(turn % 2 + 1) };
        if result.is_err() {
            engine.choose_listed(1).expect("an offer");
        }
    }
    let end = engine.end().expect("over").clone();
    let mut wrap_up = WrapUp::matching(&end);
    wrap_up.amount = Some(Money(920_010));
    wrap_up.note = "Zofia \"Zosia\" Łuczak's note:\n\ttab, back\\slash, e\u{301}, \u{7f}".into();
    let times = CallTimes {
        started_at: Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).single().expect("valid"),
        ended_at: Utc.with_ymd_and_hms(2026, 11, 23, 10, 3, 30).single().expect("valid"),
    };
    Report::new(&engine, "Anna O'Neill \"AO\"", wrap_up, times, CallId::new()).expect("call over")
}

#[test]
fn a_played_report_reads_as_ron_reads_it() {
    let report = played_report();
    let text = encode(&report).expect("encodes");
    assert!(text.contains("\\'") && text.contains("\\u{301}"), "{text}");
    assert!(agree::<Report>(&text, REPORT));
    assert_eq!(from_str::<Report>(&text, REPORT), Ok(report));
    assert!(agree::<IgnoredAny>(&text, REPORT));
    #[derive(Debug, Deserialize)]
    #[serde(rename = "Report")]
    #[allow(dead_code)]
    struct Version {
        format: u32,
    }
    assert!(agree::<Version>(&text, REPORT));
}

/// Small edits of a valid text: deleted, inserted or replaced bytes and tokens.
fn mutate(text: &str, edits: &[(u8, usize, usize)]) -> String {
    const TOKENS: &[&str] = &[
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ",",
        ":",
        "\"",
        "\\",
        "'",
        "/",
        "*",
        "//",
        "/*",
        "*/",
        "#",
        "-",
        "+",
        ".",
        "_",
        "e",
        "0",
        "9",
        " ",
        "\n",
        "r",
        "b",
        "Some(",
        "None",
        "Some",
        "true",
        "r#",
        "\\u{41}",
        "\\x41",
        "\\n",
        "0x1",
        "1e3",
        "inf",
        "NaN",
        "é",
        "\u{a0}",
        "Node",
        "Reply",
        "Flag(\"a\")",
        "All([",
        "(text: \"t\", weight: 2)",
        "99999999999999999999",
    ];
    let mut out = text.to_string();
    for &(kind, at, token) in edits {
        let mut at = at % (out.len() + 1);
        while !out.is_char_boundary(at) {
            at -= 1;
        }
        let token = TOKENS[token % TOKENS.len()];
        let next = out[at..].chars().next().map_or(0, char::len_utf8);
        match kind % 3 {
            0 => out.replace_range(at..at + next, ""),
            1 => out.insert_str(at, token),
            _ => out.replace_range(at..at + next, token),
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn a_mutated_persona_is_read_as_ron_reads_it_or_refused(
        edits in prop::collection::vec((any::<u8>(), any::<usize>(), any::<usize>()), 1..4),
    ) {
        let text = include_str!("../../../tests/data/good/minimal.ron");
        agree::<PersonaFile>(&mutate(text, &edits), PERSONA);
    }
}

#[test]
fn mutated_reports_are_read_as_ron_reads_them_or_refused() {
    let text = encode(&played_report()).expect("encodes");
    let config = ProptestConfig { failure_persistence: None, ..ProptestConfig::with_cases(300) };
    let mut runner = proptest::test_runner::TestRunner::new(config);
    let edits = prop::collection::vec((any::<u8>(), any::<usize>(), any::<usize>()), 1..3);
    let result = runner.run(&edits, |edits| {
        agree::<Report>(&mutate(&text, &edits), REPORT);
        Ok(())
    });
    assert!(result.is_ok(), "{result:?}");
}

#[test]
fn escapes_read_as_ron_reads_them() {
    let accepted = [
        r#""plain""#,
        r#""a \"quote\" and a \\ backslash""#,
        r#""\n\r\t\0 and \' too""#,
        r#""\x41\x7f\x00""#,
        r#""\u{41}\u{1F600}\u{301}\u{10FFFF}\u{0}""#,
        "\"joined \\\n      across lines\"",
        "\"joined \\\r\n   with CRLF\"",
        "\"raw\nnewline and é ł\"",
        "\"\"",
    ];
    for text in accepted {
        assert!(agree::<String>(text, PERSONA), "{text}");
    }
    let refused = [
        r#""\x80""#,
        r#""\xC3\xA9""#,
        r#""\q""#,
        r#""\u{D800}""#,
        r#""\u{}""#,
        r#""\u{1234567}""#,
        r#""\u{110000}""#,
        r#""\u41""#,
        "\"\\\r\"",
        r#""unclosed"#,
        r##"r#"raw"#"##,
        r#"r"raw""#,
        r#"b"bytes""#,
        "'c'",
    ];
    for text in refused {
        assert!(!agree::<String>(text, PERSONA), "{text}");
    }
    // A string without escapes is borrowed from the text.
    assert_eq!(from_str::<&str>(r#""borrowed""#, PERSONA), Ok("borrowed"));
}

#[test]
fn numbers_read_as_ron_reads_them() {
    reads::<i32>(
        &["5", "-5", "007", "-2147483648", "2147483647", "-0", " 12 "],
        &["+5", "0x10", "0b1", "1_000", "5i32", "5u8", "2147483648", "1.0", "1e3", "- 5", "5x", "", "'a'"],
    );
    assert!(!agree::<u8>("256", PERSONA));
    assert!(!agree::<u8>("-0", PERSONA), "ron reads -0 as 0; left to it");
    assert!(agree::<u64>("18446744073709551615", PERSONA));
    assert!(!agree::<u64>("18446744073709551616", PERSONA));
    for text in [
        "1.5",
        "-0.0",
        "1",
        "1e5",
        "1.5E-3",
        "2.5e+2",
        "0.30000000000000004",
        "123456789012345678901234567890",
    ] {
        assert!(agree::<f64>(text, PERSONA), "{text}");
        assert!(agree::<f32>(text, PERSONA), "{text}");
    }
    for text in ["inf", "-inf", "NaN", "1.", ".5", "1_0.0", "1.5f64", "1e", "+1.0", "1.0.0"] {
        assert!(!agree::<f64>(text, PERSONA), "{text}");
    }
    // `Money` asks for any number: floats narrow to f32 when exact, integers to the smallest type.
    reads::<Money>(
        &["10000.00", "9200.10", "12", "0", "70000", "5000000000", "0.07"],
        &["-1.0", "-3", "1e3", "1.5..2", "inf", "Some(1.0)", "\"12\""],
    );
}

#[test]
fn implicit_some_and_explicit_options_read_as_ron_reads_them() {
    let portrait = |when: &str| format!("Portrait(expression: Calm, image: \"x.png\"{when})");
    for when in [
        "",
        ", when: Flag(\"a\")",
        ", when: Some(Flag(\"a\"))",
        ", when: Some( Flag(\"a\") , )",
        ", when: None",
        ", when: Some(MoodAtLeast(\"trust\", -3))",
    ] {
        assert!(agree::<PortraitSpec>(&portrait(when), PERSONA), "{when}");
    }
    assert!(!agree::<PortraitSpec>(&portrait(", when: Some Flag(\"a\")"), PERSONA));
    assert!(!agree::<PortraitSpec>(&portrait(", when: Some(Flag(\"a\"), Flag(\"b\"))"), PERSONA));
    // Without the extension a bare value is no option.
    let bare = portrait(", when: Flag(\"a\")");
    assert!(!agree::<PortraitSpec>(&bare, REPORT));
    assert!(agree::<PortraitSpec>(&portrait(", when: Some(Flag(\"a\"))"), REPORT));
    assert!(agree::<Option<u32>>("Some(3)", REPORT));
    assert!(agree::<Option<u32>>("3", PERSONA));
    assert!(agree::<Option<Option<u32>>>("Some(None)", PERSONA));
}

#[test]
fn untagged_debtor_lines_read_as_ron_reads_them() {
    let lines = r#"["plain", (text: "weighted", weight: 2), ( text : "spaced" , weight : 0 , ), (weight: 70000, text: "x\"y"), "esc\u{41}"]"#;
    assert!(agree::<Vec<LineSpec>>(lines, PERSONA));
    for refused in [
        r#"[(text: "no weight")]"#,
        r#"[("tuple", 2)]"#,
        r#"[Weighted(text: "named", weight: 2)]"#,
        r#"[(text: "x", weight: -1)]"#,
        r#"[(text: "x", weight: 2.5)]"#,
        r#"[(text: "x", weight: 2, extra: 1)]"#,
        r#"[(text: "x" weight: 2)]"#,
        r#"[Plain]"#,
        r#"[()]"#,
        r#"[true]"#,
    ] {
        agree::<Vec<LineSpec>>(refused, PERSONA);
    }
    assert!(!agree::<Vec<LineSpec>>(r#"[Weighted(text: "named", weight: 2)]"#, PERSONA));
}

/// Conditions nested `depth` deep inside a portrait's `when`, itself wrapped in `outer`.
fn nested(depth: usize, (open, close): (&str, &str), (outer_open, outer_close): (&str, &str)) -> String {
    format!(
        "Portrait(expression: Calm, image: \"x.png\", when: {outer_open}{}Flag(\"x\"){}{outer_close})",
        open.repeat(depth),
        close.repeat(depth)
    )
}

#[test]
fn the_nesting_limit_is_where_ron_puts_it() {
    let chains = [("Not(", ")"), ("All([", "])"), ("Any([Flag(\"y\"), ", "])")];
    for chain in chains {
        for outer in [("", ""), ("Some(", ")"), ("Some(Not(", "))")] {
            let mut seen = (false, false);
            for depth in 0..40 {
                let text = nested(depth, chain, outer);
                let fast = agree::<PortraitSpec>(&text, PERSONA);
                let ron = PERSONA.ron().from_str::<PortraitSpec>(&text).is_ok();
                assert_eq!(fast, ron, "depth {depth}: {text}");
                seen = (seen.0 || fast, seen.1 || !fast);
            }
            assert_eq!(seen, (true, true), "{chain:?} in {outer:?}: the limit lies within the depths tried");
        }
    }
    for depth in [20, 31, 32, 33, 40] {
        let text = format!("{}1{}", "[".repeat(depth), "]".repeat(depth));
        let fast = agree::<IgnoredAny>(&text, PERSONA);
        assert_eq!(fast, PERSONA.ron().from_str::<IgnoredAny>(&text).is_ok(), "{depth}");
    }
}

#[test]
fn comments_read_as_ron_reads_them() {
    reads::<PortraitSpec>(
        &[
            "/* a /* nested */ comment */ Portrait( // a line\n expression: Calm, /* */ image: \"x\" /*,*/ , )",
            "Portrait(expression: Calm, image: \"x\") // no newline at the end",
            "// only\n(expression/**/: Calm, image: \"//not a comment\")\n/***/",
            "(expression: Calm, image: \"x\") /* / * */",
        ],
        &[
            "Portrait(expression: Calm, image: \"x\") /* unclosed",
            "Portrait(expression: Calm, image: \"x\") /* /* */",
            "Portrait(expression: Calm, image: \"x\") /",
            "Portrait(expression: Calm, image: \"x\") / x",
        ],
    );
}

#[test]
fn struct_names_are_checked_as_ron_checks_them() {
    let named_or_not = [
        "Portrait(expression: Calm, image: \"x\")",
        "Portrait (expression: Calm, image: \"x\")",
        "(expression: Calm, image: \"x\")",
    ];
    let refused = [
        "Portait(expression: Calm, image: \"x\")",
        "Node(expression: Calm, image: \"x\")",
        "PortraitSpec(expression: Calm, image: \"x\")",
        "r#Portrait(expression: Calm, image: \"x\")",
        "Portrait(expression: Calm, image: \"x\", extra: 1)",
        "Portrait(expression: Calm, image: \"x\", image: \"y\")",
        "Portrait(expression: Calm)",
        "Portrait(r#expression: Calm, image: \"x\")",
        "Portrait(expression: Calm(), image: \"x\")",
        "Portrait(expression: Sad, image: \"x\")",
        "Portrait(expression: Calm, image: \"x\") Portrait",
        "Portrait(expression: Calm, image: \"x\"))",
        "#![enable(implicit_some)] Portrait(expression: Calm, image: \"x\")",
        "Portrait(expressión: Calm, image: \"x\")",
        "Portrait{expression: Calm, image: \"x\"}",
    ];
    reads::<PortraitSpec>(&named_or_not, &refused);
}

#[test]
fn enums_maps_and_tuples_read_as_ron_reads_them() {
    reads::<ConditionSpec>(
        &[
            "MoodAtLeast(\"trust\", 40)",
            "MoodAtLeast ( \"trust\" , 40 , )",
            "Not(Flag(\"a\"),)",
            "Any([Flag(\"a\"), NotFlag(\"b\"),])",
            "All([])",
        ],
        &[
            "MoodAtLeast(\"trust\")",
            "MoodAtLeast(\"trust\", 40, 1)",
            "Flag",
            "Flag()",
            "\"Flag\"",
            "Flagg(\"a\")",
        ],
    );
    assert!(agree::<BTreeMap<String, i32>>("{ \"a\": 1, \"b\": -2, }", PERSONA));
    assert!(agree::<BTreeMap<String, i32>>("{}", PERSONA));
    assert!(!agree::<BTreeMap<String, i32>>("{ a: 1 }", PERSONA));
    assert!(!agree::<BTreeMap<String, i32>>("{ \"a\" 1 }", PERSONA));
    assert!(!agree::<BTreeMap<String, i32>>("{ \"a\": 1 \"b\": 2 }", PERSONA));
    assert!(agree::<(f64, f64)>("(0.25, -1.0)", PERSONA));
    assert!(agree::<(f64, f64)>("( 0.25 , -1.0 , )", PERSONA));
    assert!(!agree::<(f64, f64)>("(0.25, -1.0, 2.0)", PERSONA));
    assert!(!agree::<(f64, f64)>("Pair(0.25, -1.0)", PERSONA));
    assert!(agree::<Vec<bool>>("[true, false]", PERSONA));
    assert!(!agree::<Vec<bool>>("[true false]", PERSONA));
    assert!(!agree::<Vec<bool>>("[truefalse]", PERSONA));
}

#[test]
fn ignored_values_read_as_ron_reads_them() {
    reads::<IgnoredAny>(
        &[
            "Anything(a: [1, -2.5, \"s\"], b: Some(None), c: Unit, d: (1, 2), e: {\"k\": V(1)}, f: ())",
            "Named (x: true) ",
            "(  )",
            "Foo()",
        ],
        &["(a: 1, 2)", "(1, a: 2)", "Some 1", "inf", "(a b)", "1e5", "'c'", "b\"x\""],
    );
}

#[test]
fn whitespace_runs_end_exactly_at_the_first_other_byte() {
    // Runs of every length, eight bytes at a time and the rest one by one, ended by every
    // byte: a byte that is not whitespace must never be taken for it (control bytes included).
    for run in 0..20 {
        // `/` starts a comment, read elsewhere.
        for end in (0..=u8::MAX).filter(|&b| b != b'/') {
            let pattern = [b' ', b'\n', b'\t', b'\r'];
            let mut bytes: Vec<u8> = (0..run).map(|i| pattern[i % 4]).collect();
            bytes.push(end);
            bytes.extend_from_slice(b"        ");
            let Ok(text) = std::str::from_utf8(&bytes) else { continue };
            let mut lexer = super::lexer::Lexer::new(text);
            lexer.skip_ws().expect("plain whitespace skips");
            let expected = if matches!(end, b' ' | b'\n' | b'\t' | b'\r') { bytes.len() } else { run };
            assert_eq!(lexer.pos, expected, "run {run}, ended by {end:#04x}");
        }
    }
}
