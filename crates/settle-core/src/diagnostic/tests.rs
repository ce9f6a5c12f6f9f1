use super::*;

#[test]
fn renders_location_caret_and_hint() {
    let text = "Persona(\n    difficulty: 9,\n)\n";
    let span = text.find('9').map(|s| s..s + 1);
    let d = Diagnostic::new(Level::Error, Problem::DifficultyOutOfRange(9), Path::new("d/x.ron"), text, span);
    assert_eq!(d.location(), "d/x.ron:2:17");
    let out = d.render(text);
    assert!(out.contains("error[difficulty]: difficulty 9 is outside 1-5"), "{out}");
    assert!(out.contains("d/x.ron:2:17"), "{out}");
    assert!(out.contains("difficulty: 9,"), "{out}");
    assert!(out.contains('^'), "{out}");
    assert!(out.contains("hint: use 1 (easiest) to 5 (hardest)"), "{out}");
}

#[test]
fn a_decimal_stance_gets_the_nearest_whole_number() {
    let hint = |written: &str| {
        let problem = Problem::StanceNotWhole { axis: "empathy".into(), written: written.into() };
        problem.hint().expect("a hint")
    };
    assert_eq!(hint("0.5"), "write `empathy: 0` or `empathy: 1`, the nearest whole numbers");
    assert_eq!(hint("-0.5"), "write `empathy: -1` or `empathy: 0`, the nearest whole numbers");
    assert_eq!(hint("1.2"), "write `empathy: 1`, the nearest whole number");
    assert_eq!(hint("-1.75"), "write `empathy: -2`, the nearest whole number");
    assert_eq!(hint("2.0"), "write `empathy: 2`, the nearest whole number");
    assert_eq!(hint("3.5"), "write `empathy: 2`, the nearest whole number");
    let problem = Problem::NotWhole { key: None, written: "50.5".into() };
    assert_eq!(problem.hint().as_deref(), Some("write `50` or `51`, the nearest whole numbers"));
}

#[test]
fn a_missing_portrait_names_the_folder_that_is_missing() {
    let missing = |missing: Option<&str>| Problem::PortraitMissing {
        image: "portraits/jan/calm.png".into(),
        folder: "/a/assets/portraits/jan".into(),
        assets: "/a/assets".into(),
        missing: missing.map(Into::into),
        suggestion: None,
    };
    let no_assets = missing(Some("/a/assets"));
    assert_eq!(
        no_assets.to_string(),
        "portrait `portraits/jan/calm.png` is not in the folder /a/assets/portraits/jan: \
         the assets folder /a/assets does not exist"
    );
    assert_eq!(
        no_assets.hint().as_deref(),
        Some(
            "create the assets folder beside the folder of persona files, \
             with the image at `portraits/jan/calm.png` inside it"
        )
    );
    assert_eq!(
        missing(Some("/a/assets/portraits")).to_string(),
        "portrait `portraits/jan/calm.png` is not in the folder /a/assets/portraits/jan: \
         the folder /a/assets/portraits does not exist"
    );
}

#[test]
fn suggests_near_misses_only() {
    assert_eq!(suggest("trsut", ["trust", "anger"]), Some("trust".into()));
    assert_eq!(suggest("offer_plan", ["offer_plans", "close"]), Some("offer_plans".into()));
    assert_eq!(suggest("zzz", ["trust", "anger"]), None);
}
