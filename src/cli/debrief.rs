//! The debrief as terminal text: total and pass/fail, each score part, the style, the
//! wrap-up against the real terms, and the turns with stance, ploy, violation and feedback.
//! Its words are the app's (`settle_i18n`), in the language asked for.

use std::fmt::Write;

use settle_core::call::EndReason;
use settle_core::scoring::FailReason;
use settle_i18n::{Lang, score_parts, style_description};
use settle_store::report::Report;

pub fn render(report: &Report, lang: Lang) -> String {
    let s = &report.score;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "\n{}",
        lang.tr_args("cli-debrief-title", &[("persona", (&report.persona.name).into())])
    );
    let ending = match &report.end.reason {
        EndReason::Ending(node) => node.0.as_str(),
        EndReason::TurnLimit => lang.tr("cli-turn-limit"),
    };
    let outcome = lang.outcome(report.end.outcome);
    let _ = writeln!(
        out,
        "{}",
        lang.tr_args("cli-ending", &[("node", ending.into()), ("outcome", outcome.into())])
    );
    let verdict = if s.passed { lang.tr("passed-verdict") } else { lang.tr("failed-verdict") };
    let total =
        [("score", lang.score(s.total).into()), ("mark", s.pass_mark.into()), ("verdict", verdict.into())];
    let _ = writeln!(out, "{}", lang.tr_args("cli-total", &total));
    match s.fail_reason {
        Some(FailReason::SevereViolation(kind)) => {
            let violation = [("violation", lang.violation(kind).into())];
            let _ = writeln!(out, "{}", lang.tr_args("cli-failed-severe", &violation));
        }
        Some(reason @ (FailReason::CriticalError(..) | FailReason::MissedCriticalStep)) => {
            let _ = writeln!(out, "{}", lang.fail_reason(reason));
        }
        Some(FailReason::BelowPassMark) => {
            let _ = writeln!(out, "{}", lang.tr("cli-below-pass-mark"));
        }
        None => {}
    }
    let parts = score_parts(lang, &report.score, report.end.outcome);
    let width = parts.iter().map(|p| p.name.chars().count()).max().unwrap_or(0);
    for part in &parts {
        let score = part.score.map_or_else(|| lang.tr("cli-not-scored").to_string(), |v| lang.score(v));
        let weight = lang.tr_args("weight", &[("weight", format!("{:>2}", part.weight).into())]);
        let _ = writeln!(out, "  {:<width$}  {score:>5}  ({weight})  {}", part.name, part.why);
    }
    let _ = writeln!(out, "  {}", style_description(lang, s.style_point));
    let c = s.wrap_up_check;
    let mark = |ok: bool| if ok { lang.tr("debrief-right") } else { lang.tr("debrief-wrong") };
    let fields = [
        ("outcome", mark(c.outcome).into()),
        ("amount", mark(c.amount).into()),
        ("instalments", mark(c.instalments).into()),
        ("first_due", mark(c.first_due).into()),
        ("next_step", mark(c.next_step).into()),
    ];
    let _ = writeln!(out, "  {}", lang.tr_args("cli-wrap-up-fields", &fields));
    let terms = report.end.terms.as_ref();
    let instalments = match terms.and_then(|t| t.instalments) {
        Some(n) => lang.tr_args("cli-instalments", &[("count", n.into())]),
        None => lang.tr("cli-no-instalments").to_string(),
    };
    let real = [
        (
            "amount",
            terms
                .map(|t| t.amount)
                .filter(|a| a.0 > 0)
                .map_or_else(|| lang.tr("cli-no-amount").to_string(), |a| lang.amount(a))
                .into(),
        ),
        ("instalments", instalments.into()),
        (
            "first_due",
            terms
                .and_then(|t| t.first_due)
                .map_or_else(|| lang.tr("cli-no-date").to_string(), |d| lang.date(d))
                .into(),
        ),
        ("next_step", lang.next_step(report.end.next_step).into()),
    ];
    let _ = writeln!(out, "  {}", lang.tr_args("cli-real-terms", &real));
    if let Some(day) = terms.and_then(|t| t.call_back) {
        let _ = writeln!(out, "  {}", lang.tr_args("cli-call-back", &[("date", lang.date(day).into())]));
    }
    steps_and_self_assessment(&mut out, report, lang);
    let _ = writeln!(out, "\n{}", lang.tr("cli-turns"));
    for (i, t) in report.turns.iter().enumerate() {
        let _ = writeln!(
            out,
            "{:>3}. {}",
            i + 1,
            lang.tr_args("cli-debtor", &[("line", (&t.debtor_line).into())])
        );
        let reply = t.reply.as_deref().unwrap_or(lang.tr("silence"));
        let you = [("stance", t.stance.to_string().into()), ("reply", reply.into())];
        let _ = writeln!(out, "     {}", lang.tr_args("cli-you", &you));
        if let Some(ploy) = t.ploy {
            let ploy = [("ploy", lang.ploy(ploy).into()), ("handling", lang.handling(t.handling).into())];
            let _ = writeln!(out, "     {}", lang.tr_args("cli-ploy", &ploy));
        }
        if let Some(v) = t.violation {
            let violation = [
                ("violation", lang.violation(v.kind).into()),
                ("severity", lang.severity(v.severity).into()),
            ];
            let _ = writeln!(out, "     {}", lang.tr_args("cli-violation", &violation));
        }
        if let Some(f) = &t.feedback {
            let _ = writeln!(out, "     {}", lang.tr_args("trainer-feedback", &[("feedback", f.into())]));
        }
    }
    if !report.end.summary.is_empty() {
        let _ = writeln!(out, "\n{}", report.end.summary);
    }
    out
}

/// The required steps, each taken (at which turn), late, missed or not required; and the
/// trainee's own assessment beside the result.
fn steps_and_self_assessment(out: &mut String, report: &Report, lang: Lang) {
    let s = &report.score;
    if !s.step_results.is_empty() {
        let _ = writeln!(out, "\n{}", lang.tr("debrief-steps"));
        for r in &s.step_results {
            let state = lang.step_state(r.state());
            let critical =
                if r.critical { format!(" {}", lang.tr("debrief-step-critical")) } else { String::new() };
            let mark = if r.missed() { "x" } else { "+" };
            let _ = writeln!(out, "  {mark} {}: {state}{critical}", r.name);
        }
    }
    if let Some(mine) = &report.self_assessment {
        let _ = writeln!(out, "\n{}", lang.tr("debrief-self"));
        let expected = mine.expected_score.map_or("-".to_string(), |v| v.to_string());
        let style = mine.style.map_or("-", |st| lang.style(st));
        let _ = writeln!(out, "  {}: {expected} / {}", lang.tr("debrief-self-score"), lang.score(s.total));
        let _ = writeln!(out, "  {}: {style} / {}", lang.tr("debrief-self-style"), lang.style(s.style));
        if !mine.differently.is_empty() {
            let _ = writeln!(out, "  {}: {}", lang.tr("debrief-self-differently"), mine.differently);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use settle_core::call::Mode;
    use settle_core::engine::CallEngine;
    use settle_core::wrapup::WrapUp;
    use settle_store::report::{CallId, CallTimes};

    /// The minimal test persona's threat: a critical error, so the call fails.
    fn threatened_call() -> Report {
        let assets = std::path::Path::new("tests/data/assets");
        let loaded =
            settle_store::library::load_file(std::path::Path::new("tests/data/good/minimal.ron"), assets);
        let persona = loaded.persona.expect("the minimal test persona loads");
        let (mut engine, _) = CallEngine::start(persona, Mode::Practice, 1);
        engine.choose(settle_core::persona::ReplyIdx(1)).expect("offered");
        let wrap_up = WrapUp::matching(engine.end().expect("over"));
        let at = chrono::DateTime::UNIX_EPOCH;
        Report::new(&engine, "Anna", wrap_up, CallTimes { started_at: at, ended_at: at }, CallId::new())
            .expect("over")
    }

    #[test]
    fn the_debrief_speaks_the_language_asked_for() {
        let report = threatened_call();
        let en = render(&report, Lang::En);
        let pl = render(&report, Lang::Pl);
        for line in [
            "=== Debrief: Jan Nowak ===",
            "Ending: hung_up (Debtor hung up)",
            "Total 23.8 / 100 (pass mark 70): FAILED",
            "Critical error: Threat (major)",
            "  Outcome           0.0  (weight 35)  Debtor hung up = 0 points; 1 turn of 2 planned",
            "  Conduct          60.0  (weight 15)  Threat (major)",
            "  Required steps    n/a  (weight 10)  No required step in this call: not scored",
            "  Ploy handling     n/a  (weight 10)  No ploy met: not scored",
            "  Style map: Competing, empathy -1.00, firmness +1.00",
            "  Real terms: amount none, no instalments, first due -, next step Schedule a call-back",
            "     You (E-2 F+2): Pay up or else.",
            "     Violation: Threat (major)",
        ] {
            assert!(en.contains(line), "{line:?} missing in:\n{en}");
        }
        for line in [
            "=== Omówienie: Jan Nowak ===",
            "Wynik 23,8 / 100 (próg zaliczenia 70): NIEZALICZONE",
            "Błąd krytyczny: Groźba (poważne)",
            "  Rezultat              0,0  (waga 35)  Dłużnik się rozłączył = 0 punktów; 1 z 2 planowanych tur",
            "  Reakcja na wybiegi   b.d.  (waga 10)  Brak wybiegów: nie oceniano",
            "     Naruszenie: Groźba (poważne)",
        ] {
            assert!(pl.contains(line), "{line:?} missing in:\n{pl}");
        }
    }
}
