//! The debrief as terminal text: total and pass/fail, each score part, the style, the
//! wrap-up against the real terms, and the turns with stance, ploy, violation and feedback.

use std::fmt::Write;

use crate::core::report::Report;
use crate::core::scoring::FailReason;

pub fn render(report: &Report) -> String {
    let s = &report.score;
    let mut out = String::new();
    let verdict = if s.passed { "PASSED" } else { "FAILED" };
    let _ = writeln!(out, "\n=== Debrief: {} ===", report.persona.name);
    let ending = match &report.end.reason {
        crate::core::call::EndReason::Ending(node) => node.0.as_str(),
        crate::core::call::EndReason::TurnLimit => "(turn limit)",
    };
    let _ = writeln!(out, "Ending: {ending} ({})", report.end.outcome.key());
    let _ = writeln!(out, "Total {:.1} / 100 (pass mark {}): {verdict}", s.total, s.pass_mark);
    match s.fail_reason {
        Some(FailReason::SevereViolation(kind)) => {
            let _ = writeln!(out, "Failed by a severe conduct violation: {kind:?}");
        }
        Some(FailReason::BelowPassMark) => {
            let _ = writeln!(out, "Below the pass mark.");
        }
        None => {}
    }
    let w = s.weights;
    let _ = writeln!(
        out,
        "  Outcome   {:>5.1}  (weight {:>2})  {} = {} points, {} turns of {} budgeted",
        s.outcome,
        w.outcome,
        report.end.outcome.key(),
        s.outcome_points,
        s.turns,
        s.turn_budget
    );
    let _ = writeln!(
        out,
        "  Style     {:>5.1}  (weight {:>2})  {} at empathy {:+.2}, firmness {:+.2}; {:.2} from the target zone",
        s.style_fit, w.style, s.style, s.style_point.empathy, s.style_point.firmness, s.style_distance
    );
    let _ = writeln!(
        out,
        "  Conduct   {:>5.1}  (weight {:>2})  {} violation(s)",
        s.conduct,
        w.conduct,
        s.violations.len()
    );
    match s.ploys {
        Some(p) => {
            let _ = writeln!(
                out,
                "  Ploys     {p:>5.1}  (weight {:>2})  {} met, {} countered, {} fallen for",
                w.ploys, s.ploys_met, s.ploys_countered, s.ploys_fallen_for
            );
        }
        None => {
            let _ = writeln!(out, "  Ploys       n/a  (no ploy met)");
        }
    }
    let c = s.wrap_up_check;
    let mark = |ok: bool| if ok { "ok" } else { "wrong" };
    let _ = writeln!(
        out,
        "  Wrap-up   {:>5.1}  (weight {:>2})  outcome {}, amount {}, instalments {}, first due {}, next step {}",
        s.wrap_up,
        w.wrap_up,
        mark(c.outcome),
        mark(c.amount),
        mark(c.instalments),
        mark(c.first_due),
        mark(c.next_step)
    );
    let terms = report.end.terms.as_ref();
    let _ = writeln!(
        out,
        "  Real terms: amount {}, {} instalment(s), first due {}, next step {}",
        terms.map_or("none".to_string(), |t| t.amount.to_string()),
        terms.and_then(|t| t.instalments).map_or("no".into(), |n| n.to_string()),
        terms.and_then(|t| t.first_due).map_or("-".into(), |d| d.to_string()),
        report.end.next_step.key()
    );
    let _ = writeln!(out, "\nTurns:");
    for (i, t) in report.turns.iter().enumerate() {
        let _ = writeln!(out, "{:>3}. Debtor: {}", i + 1, t.debtor_line);
        let _ = writeln!(out, "     You ({}): {}", t.stance, t.reply.as_deref().unwrap_or("(silence)"));
        if let Some(ploy) = t.ploy {
            let handled = t.handling.map_or("not addressed".to_string(), |h| format!("{h:?}"));
            let _ = writeln!(out, "     Ploy {ploy:?}: {handled}");
        }
        if let Some(v) = t.violation {
            let _ = writeln!(out, "     Violation: {:?} ({:?})", v.kind, v.severity);
        }
        if let Some(f) = &t.feedback {
            let _ = writeln!(out, "     Trainer: {f}");
        }
    }
    if !report.end.summary.is_empty() {
        let _ = writeln!(out, "\n{}", report.end.summary);
    }
    out
}
