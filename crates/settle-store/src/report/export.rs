//! Exports for managers: the filtered table as CSV (with spreadsheet formula injection
//! neutralised), a printable self-contained HTML report per trainee (in the language asked
//! for, in the app's words from `settle_i18n`; every text escaped, charts as inline SVG), and
//! xAPI 1.0.3 statements (one per call, and one per reply when a whole report is at hand, all
//! with stable ids) that a learning record store can ingest. CSV and xAPI are for machines and
//! stay language-neutral.

use std::fmt::Write as _;

use serde_json::{Value, json};
use uuid::Uuid;

use crate::report::Report;
use crate::report::index::TraineeView;
use crate::report::row::Row;
use settle_core::call::Choice;
use settle_core::style::StylePoint;
use settle_core::vocabulary::{Language, PloyHandling};
use settle_i18n::Lang;

/// The IRI base of Settle's activities, verbs' extensions and accounts in xAPI statements.
/// `.invalid` is reserved: no real host answers it, so the ids can never collide with one.
pub const XAPI_BASE: &str = "https://settle.invalid";

/// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return
/// first) gets a leading apostrophe, so that it shows as text.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}

/// The table as CSV, one line per call, with a header.
pub fn csv<'r>(rows: impl IntoIterator<Item = &'r Row>) -> Result<String, csv::Error> {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record([
        "started_at",
        "trainee",
        "persona",
        "persona_name",
        "language",
        "mode",
        "outcome",
        "score",
        "expected_score",
        "passed",
        "style",
        "empathy",
        "firmness",
        "turns",
        "duration_s",
        "violations",
        "seed",
        "call_id",
    ])?;
    for r in rows {
        let violations: Vec<String> = r.violations.iter().map(|(k, s)| format!("{k:?}/{s:?}")).collect();
        out.write_record([
            r.started_at.to_rfc3339(),
            neutralise(&r.trainee),
            neutralise(&r.persona.0),
            neutralise(&r.persona_name),
            r.language.code().to_string(),
            format!("{:?}", r.mode),
            r.outcome.key().to_string(),
            format!("{:.1}", r.total),
            r.expected_score.map(|v| v.to_string()).unwrap_or_default(),
            r.passed.to_string(),
            r.style.name().to_string(),
            format!("{:.3}", r.style_point.empathy),
            format!("{:.3}", r.style_point.firmness),
            r.turns.to_string(),
            format!("{:.1}", r.duration_ms as f64 / 1000.0),
            violations.join(" "),
            r.seed.to_string(),
            r.id.0.to_string(),
        ])?;
    }
    let bytes = out.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Text made safe for HTML element content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn style_svg(points: &[StylePoint], label: &str) -> String {
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"260\" height=\"260\" viewBox=\"-1.1 -1.1 2.2 2.2\" role=\"img\" aria-label=\"{}\">\
         <rect x=\"-1\" y=\"-1\" width=\"2\" height=\"2\" fill=\"#f4f6f7\" stroke=\"#999\" stroke-width=\"0.01\"/>\
         <line x1=\"-1\" y1=\"0\" x2=\"1\" y2=\"0\" stroke=\"#999\" stroke-width=\"0.01\"/>\
         <line x1=\"0\" y1=\"-1\" x2=\"0\" y2=\"1\" stroke=\"#999\" stroke-width=\"0.01\"/>",
        escape(label)
    );
    for p in points {
        let _ = write!(
            svg,
            "<circle cx=\"{:.3}\" cy=\"{:.3}\" r=\"0.03\" fill=\"#1f6f8b\"/>",
            p.firmness, -p.empathy
        );
    }
    svg.push_str("</svg>");
    svg
}

fn scores_svg(series: &[(f64, f64)], label: &str) -> String {
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"360\" height=\"120\" viewBox=\"0 0 360 120\" role=\"img\" aria-label=\"{}\">\
         <rect width=\"360\" height=\"120\" fill=\"#f4f6f7\"/>",
        escape(label)
    );
    let n = series.len().max(2) as f64 - 1.0;
    let points: Vec<String> = series
        .iter()
        .enumerate()
        .map(|(i, (_, score))| format!("{:.1},{:.1}", 10.0 + 340.0 * i as f64 / n, 110.0 - score))
        .collect();
    let _ = write!(
        svg,
        "<polyline fill=\"none\" stroke=\"#1f6f8b\" stroke-width=\"2\" points=\"{}\"/>",
        points.join(" ")
    );
    svg.push_str("</svg>");
    svg
}

/// A section's title, then a table opened with its header row; every text escaped.
fn table_head(title: &str, columns: &[&str]) -> String {
    let cells: String = columns.iter().map(|c| format!("<th>{}</th>", escape(c))).collect();
    format!("<h2>{}</h2><table><tr>{cells}</tr>", escape(title))
}

/// A printable, self-contained HTML report of one trainee's calls, in the language asked for:
/// the trainee's picture from the index, and their calls (each row of `rows` that is theirs
/// is listed, in time order).
pub fn trainee_html<'r>(view: &TraineeView, rows: impl IntoIterator<Item = &'r Row>, lang: Lang) -> String {
    let trainee = view.trainee.as_str();
    let s = &view.summary;
    let mut html = String::new();
    let summary = lang.tr_args(
        "html-summary",
        &[
            ("calls", s.calls.into()),
            ("passed", s.passed.into()),
            ("rate", format!("{:.0}", s.pass_rate * 100.0).into()),
            ("mean", lang.score(s.mean_score).into()),
        ],
    );
    let _ = write!(
        html,
        "<!DOCTYPE html><html lang=\"{code}\"><head><meta charset=\"utf-8\"><title>Settle: {name}</title>\
         <style>body{{font-family:sans-serif;margin:2em;color:#222}}table{{border-collapse:collapse}}\
         td,th{{border:1px solid #ccc;padding:4px 8px;text-align:left}}h2{{margin-top:1.5em}}\
         @media print{{body{{margin:0}}}}</style></head><body>\
         <h1>{heading}</h1><p>{summary}</p>",
        code = lang.code(),
        name = escape(&view.trainee),
        heading = escape(&lang.tr_args("html-heading", &[("trainee", (&view.trainee).into())])),
        summary = escape(&summary),
    );
    html.push_str(&table_head(
        lang.tr("html-best-last"),
        &[
            lang.tr("column-persona"),
            lang.tr("html-best"),
            lang.tr("html-last"),
            lang.tr("html-scores-over-time"),
        ],
    ));
    for (persona, (best, last)) in &view.best_and_last {
        let series: Vec<(f64, f64)> = view
            .scores_over_time
            .get(persona)
            .map_or_else(Vec::new, |v| v.iter().map(|(t, s)| (t.timestamp() as f64, *s)).collect());
        let _ = write!(
            html,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&persona.0),
            lang.score(*best),
            lang.score(*last),
            scores_svg(&series, lang.tr("html-scores-over-time"))
        );
    }
    let _ = write!(
        html,
        "</table><h2>{}</h2><p>{}</p>",
        escape(lang.tr("html-style")),
        escape(lang.tr("html-style-axes"))
    );
    let points: Vec<StylePoint> = view.style_points.iter().map(|(_, p)| *p).collect();
    html.push_str(&style_svg(&points, lang.tr("html-style-map")));
    let _ = write!(html, "<h2>{}</h2><ul>", escape(lang.tr("html-violations")));
    for (kind, n) in &view.violations {
        let _ = write!(html, "<li>{} × {n}</li>", escape(lang.violation(*kind)));
    }
    let _ = write!(html, "</ul><h2>{}</h2><ul>", escape(lang.tr("dashboard-ploys-fallen")));
    for (ploy, n) in &view.ploys_fallen_for {
        let _ = write!(html, "<li>{} × {n}</li>", escape(lang.ploy(*ploy)));
    }
    html.push_str("</ul>");
    html.push_str(&table_head(
        lang.tr("dashboard-calls"),
        &[
            lang.tr("column-date"),
            lang.tr("column-persona"),
            lang.tr("column-outcome"),
            lang.tr("column-score"),
            lang.tr("column-result"),
        ],
    ));
    let key = crate::report::index::trainee_key(trainee);
    let mut mine: Vec<&Row> =
        rows.into_iter().filter(|r| crate::report::index::trainee_key(&r.trainee) == key).collect();
    mine.sort_by_key(|r| r.started_at);
    for r in mine {
        let _ = write!(
            html,
            "<tr><td>{} {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            lang.date_short(r.started_at.date_naive()),
            r.started_at.format("%H:%M"),
            escape(&r.persona_name),
            escape(lang.outcome(r.outcome)),
            lang.score(r.total),
            escape(if r.passed { lang.tr("result-passed") } else { lang.tr("result-failed") })
        );
    }
    html.push_str("</table></body></html>\n");
    html
}

/// ISO 8601 duration such as `PT3M30.5S`.
fn duration(ms: u64) -> String {
    let (minutes, seconds) = (ms / 60_000, (ms % 60_000) as f64 / 1000.0);
    if minutes > 0 { format!("PT{minutes}M{seconds}S") } else { format!("PT{seconds}S") }
}

/// `start` plus `ms` milliseconds, as an xAPI timestamp. Reports are read from files that may
/// have been edited, where the sum need not exist (a duration past `i64::MAX` milliseconds, a
/// start near chrono's last date): then the start itself is the timestamp, where `+` would
/// panic (regression inputs in tests/data/fuzz/report_decode).
fn timestamp_after(start: chrono::DateTime<chrono::Utc>, ms: u64) -> String {
    i64::try_from(ms)
        .ok()
        .and_then(chrono::TimeDelta::try_milliseconds)
        .and_then(|d| start.checked_add_signed(d))
        .unwrap_or(start)
        .to_rfc3339()
}

/// The statement of one call. Its id is derived from the call id, so a re-send is the same
/// statement (an LRS answers it as already stored instead of storing it twice).
pub fn xapi_statement(r: &Row) -> Value {
    let verb = if r.passed { "passed" } else { "failed" };
    let id = Uuid::new_v5(&r.id.0, b"settle:call");
    let ext = |name: &str| format!("{XAPI_BASE}/xapi/extensions/{name}");
    let violations: Vec<String> = r.violations.iter().map(|(k, s)| format!("{k:?}/{s:?}")).collect();
    json!({
        "id": id.to_string(),
        "actor": actor(&r.trainee),
        "verb": {
            "id": format!("http://adlnet.gov/expapi/verbs/{verb}"),
            "display": { "en-US": verb },
        },
        "object": {
            "objectType": "Activity",
            "id": format!("{XAPI_BASE}/personas/{}", r.persona.0),
            "definition": {
                "name": { "en-US": r.persona_name },
                "type": "http://adlnet.gov/expapi/activities/simulation",
            },
        },
        "result": {
            "score": { "scaled": r.total / 100.0, "raw": r.total, "min": 0, "max": 100 },
            "success": r.passed,
            "completion": true,
            "duration": duration(r.duration_ms),
            "extensions": {
                ext("empathy"): r.style_point.empathy,
                ext("firmness"): r.style_point.firmness,
                ext("ending"): r.outcome.key(),
                ext("violations"): violations,
            },
        },
        "context": {
            "registration": r.id.0.to_string(),
            "extensions": { ext("mode"): format!("{:?}", r.mode), ext("seed"): r.seed.to_string() },
        },
        "timestamp": timestamp_after(r.started_at, r.duration_ms),
        "version": "1.0.3",
    })
}

/// One `answered` statement per turn of a call: the debtor's line as the question, the reply
/// (or silence) as the response, with its stance, ploy handling and any violation. Ids derive
/// from the call id and the turn number, so re-sending is harmless. Turns carry no clock time
/// of their own, so each is stamped with the call's start plus its turn number in
/// milliseconds: stable across re-sends, and in call order.
pub fn xapi_answered(report: &Report) -> Vec<Value> {
    let ext = |name: &str| format!("{XAPI_BASE}/xapi/extensions/{name}");
    let persona = format!("{XAPI_BASE}/personas/{}", report.persona.id.0);
    let language = match report.persona.language {
        Language::En => "en-US",
        Language::Pl => "pl-PL",
    };
    report
        .turns
        .iter()
        .enumerate()
        .map(|(n, turn)| {
            let response = match (&turn.choice, &turn.reply) {
                (Choice::Reply(_), Some(text)) => text.clone(),
                _ => "(silence)".to_string(),
            };
            let handled = turn.handling.map(|h| format!("{h:?}"));
            let violation = turn.violation.as_ref().map(|v| format!("{:?}/{:?}", v.kind, v.severity));
            let success = turn.violation.is_none() && turn.handling != Some(PloyHandling::FellFor);
            json!({
                "id": Uuid::new_v5(&report.id.0, format!("settle:turn:{n}").as_bytes()).to_string(),
                "actor": actor(&report.trainee),
                "verb": {
                    "id": "http://adlnet.gov/expapi/verbs/answered",
                    "display": { "en-US": "answered" },
                },
                "object": {
                    "objectType": "Activity",
                    "id": format!("{persona}/nodes/{}", turn.node.0),
                    "definition": {
                        "name": { language: turn.node.0 },
                        "description": { language: turn.debtor_line },
                        "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                        "interactionType": "other",
                    },
                },
                "result": {
                    "response": response,
                    "success": success,
                    "extensions": {
                        ext("empathy"): turn.stance.empathy,
                        ext("firmness"): turn.stance.firmness,
                        ext("ploy"): turn.ploy.map(|p| format!("{p:?}")),
                        ext("handling"): handled,
                        ext("violation"): violation,
                    },
                },
                "context": {
                    "registration": report.id.0.to_string(),
                    "contextActivities": { "parent": [{ "objectType": "Activity", "id": persona }] },
                    "extensions": { ext("turn"): n + 1 },
                },
                "timestamp": timestamp_after(report.started_at, n as u64 + 1),
                "version": "1.0.3",
            })
        })
        .collect()
}

/// A trainee as an xAPI agent, identified by an account on Settle's trainee list.
fn actor(trainee: &str) -> Value {
    json!({
        "objectType": "Agent",
        "name": trainee,
        "account": { "homePage": format!("{XAPI_BASE}/trainees"), "name": trainee },
    })
}

pub fn xapi<'r>(rows: impl IntoIterator<Item = &'r Row>) -> Value {
    Value::Array(rows.into_iter().map(xapi_statement).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_and_markup_are_defused() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+48 600"), "'+48 600");
        assert_eq!(neutralise("-2+3"), "'-2+3");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("Anna"), "Anna");
        assert_eq!(
            escape("<script>alert('x')</script> & \""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;"
        );
        assert_eq!(duration(210_500), "PT3M30.5S");
        assert_eq!(duration(4_000), "PT4S");
    }
}
