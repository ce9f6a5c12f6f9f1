//! `settle analyze` and `settle graph`: what a persona's author needs to know about its graph.

use std::process::ExitCode;

use crate::cli::Cli;
use crate::cli::play::find_persona;
use settle_core::analysis::{Bounds, NaivePlayer, analyze, describe};
use settle_core::dot::to_dot;

pub fn run(cli: &Cli, name: &str) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let persona = find_persona(cli, name, None)?;
    let a = analyze(&persona, Bounds::for_persona(&persona));
    println!("Analysis of {} ({} nodes)", persona.id, persona.nodes.len());
    let finished = |complete: bool| if complete { "complete" } else { "stopped at its bound" };
    println!(
        "States explored: {} ({}); with score tallies: {} ({})",
        a.states,
        finished(a.states_complete),
        a.score_states,
        finished(a.score_complete)
    );
    println!(
        "\nEndings (shortest path; NODE#N is reply N as the node lists it, →X a random branch that must go to X):"
    );
    for e in &a.endings {
        match &e.path {
            Some(p) => {
                println!("  {:<24} {:<18} {} step(s): {}", e.node.0, e.outcome.key(), p.len(), describe(p))
            }
            None => println!("  {:<24} {:<18} NOT REACHED", e.node.0, e.outcome.key()),
        }
    }
    for (label, scored) in [("Best", &a.best), ("Worst", &a.worst)] {
        if let Some(s) = scored {
            println!(
                "\n{label} reachable score (correct wrap-up): {:.1} at {}, {}\n  {}",
                s.total,
                s.ending,
                if s.passed { "passed" } else { "failed" },
                describe(&s.steps)
            );
        }
    }
    if let Some(target) = a.target_outcome {
        let verdict = if a.target_in_zone { "yes" } else { "no (within the explored states)" };
        println!("\nTarget outcome {} reachable inside the target style zone: {verdict}", target.key());
    }
    if !a.unreached_nodes.is_empty() {
        let ids: Vec<_> = a.unreached_nodes.iter().map(|n| n.0.as_str()).collect();
        println!("\nNodes no state reaches: {}", ids.join(", "));
    }
    if !a.never_offered.is_empty() {
        let list: Vec<_> = a.never_offered.iter().map(|(n, r)| format!("{n}#{}", r.0 + 1)).collect();
        println!("\nReplies never offered: {}", list.join(", "));
    }
    for naive in &a.naive {
        let who = match naive.player {
            NaivePlayer::AllEmpathic => "all-empathic",
            NaivePlayer::AllFirm => "all-firm",
        };
        println!(
            "\nA naive {who} player over {} seeds (mean score {:.1}):",
            Bounds::default().seeds,
            naive.mean_score
        );
        for (ending, share) in &naive.endings {
            println!("  {ending:<24} {:>5.1}%", share * 100.0);
        }
    }
    print_surface(&persona, &a, Bounds::for_persona(&persona).surface_seeds);
    Ok(ExitCode::SUCCESS)
}

/// Players who ignore what replies say, and how often the form tells the answer.
fn print_surface(persona: &settle_core::Persona, a: &settle_core::analysis::Analysis, seeds: u64) {
    use settle_core::surface::FORM_TELL_LIMIT;
    println!(
        "\nPlayers who ignore what a reply says ({seeds} assessment calls each, perfect wrap-up; pass mark {}):",
        persona.target.pass_mark
    );
    for r in &a.surface {
        let verdict = if r.passed == 0 { "fails" } else { "PASSES SOMETIMES" };
        println!(
            "  {:<22} mean {:>5.1}  best {:>5.1}  passed {:>5.1}%  {verdict}",
            r.strategy.key(),
            r.mean,
            r.best,
            r.pass_rate() * 100.0
        );
    }
    let tells = a.form_tells;
    let flag = |share: f64| if share > FORM_TELL_LIMIT { "  (gives the answer away)" } else { "" };
    println!(
        "\nAt {} decision points the best reply is the longest at {:.0}%{} and the shortest at {:.0}%{}",
        tells.decision_points,
        tells.longest_share() * 100.0,
        flag(tells.longest_share()),
        tells.shortest_share() * 100.0,
        flag(tells.shortest_share())
    );
}

pub fn graph(cli: &Cli, name: &str) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let persona = find_persona(cli, name, None)?;
    print!("{}", to_dot(&persona));
    Ok(ExitCode::SUCCESS)
}
