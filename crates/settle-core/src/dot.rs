//! The persona's graph as Graphviz DOT: nodes as boxes coloured by kind (ending, ploy,
//! normal), replies as arrows labelled with their number and stance, random branches dashed.

use std::fmt::Write;

use crate::persona::{Next, Persona};

/// DOT-quoted string: backslashes and quotes escaped, line breaks kept as `\n`.
fn quote(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(max).collect::<String>())
    }
}

pub fn to_dot(persona: &Persona) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph {} {{", quote(&persona.id.0));
    let _ = writeln!(out, "  rankdir=LR;");
    let _ =
        writeln!(out, "  node [shape=box, style=\"rounded,filled\", fontname=\"Noto Sans\", fontsize=10];");
    let _ = writeln!(out, "  edge [fontname=\"Noto Sans\", fontsize=8];");
    for (i, node) in persona.nodes.iter().enumerate() {
        let (fill, kind) = match (&node.ending, node.ploy) {
            (Some(e), _) if persona.target.points(e.outcome) > 0 => ("#c8e6c9", e.outcome.key().to_string()),
            (Some(e), _) => ("#ffcdd2", e.outcome.key().to_string()),
            (None, Some(p)) => ("#ffe0b2", format!("{p:?}")),
            (None, None) => ("#ffffff", String::new()),
        };
        let first = node.lines.first().map(|l| short(&l.text, 60)).unwrap_or_default();
        let label = if kind.is_empty() {
            format!("{}\n{first}", node.id)
        } else {
            format!("{} [{kind}]\n{first}", node.id)
        };
        let start = if persona.start.get() == i { ", penwidth=3" } else { "" };
        let _ =
            writeln!(out, "  {} [label={}, fillcolor=\"{fill}\"{start}];", quote(&node.id.0), quote(&label));
    }
    for node in &persona.nodes {
        for (r, reply) in node.replies.iter().enumerate() {
            let label = format!("{} {}", r + 1, reply.stance);
            let color = if reply.violation.is_some() { "#c62828" } else { "#455a64" };
            edges(&mut out, persona, &node.id.0, &reply.next, &label, color);
        }
        if let Some(silence) = &node.silence {
            edges(&mut out, persona, &node.id.0, &silence.next, "silence", "#9e9e9e");
        }
    }
    out.push_str("}\n");
    out
}

fn edges(out: &mut String, persona: &Persona, from: &str, next: &Next, label: &str, color: &str) {
    match next {
        Next::Goto(to) => {
            let _ = writeln!(
                out,
                "  {} -> {} [label={}, color=\"{color}\"];",
                quote(from),
                quote(&persona.node(*to).id.0),
                quote(label)
            );
        }
        Next::Random(branches) => {
            for b in branches {
                let _ = writeln!(
                    out,
                    "  {} -> {} [label={}, color=\"{color}\", style=dashed];",
                    quote(from),
                    quote(&persona.node(b.to).id.0),
                    quote(&format!("{label} (w{})", b.weight))
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_hostile_text() {
        assert_eq!(quote("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c\\nd\"");
    }
}
