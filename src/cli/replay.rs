//! `settle replay REPORT`: checks that a saved report reproduces on the current persona.

use std::path::Path;
use std::process::ExitCode;

use crate::cli::Cli;
use settle_store::report::replay::{Difference, Verdict, replay};
use settle_store::report::store::read;

pub fn run(cli: &Cli, path: &Path) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let report = read(path).map_err(|reason| format!("{}: {reason}", path.display()))?;
    let library = cli.library()?;
    let persona = library.find_preferring(&report.persona.id.0, report.persona.language);
    let verdict = replay(&report, persona);
    let name = &report.persona.id;
    let ok = match &verdict {
        Verdict::Reproduced => {
            println!(
                "Reproduced: {name}, seed {}, {} turns, score {:.1}",
                report.seed,
                report.turns.len(),
                report.score.total
            );
            true
        }
        Verdict::PersonaMissing => {
            println!("Persona `{name}` is not in {}", cli.library_name());
            false
        }
        Verdict::PersonaChanged { recorded, current, reproduces } => {
            println!(
                "Persona `{name}` changed since this call (hash {} → {}).",
                short(&recorded.0),
                short(&current.0)
            );
            if *reproduces {
                println!("The call still plays the same on the new file.");
            } else {
                println!("The call no longer plays the same on the new file.");
            }
            false
        }
        Verdict::Differs(d) => {
            let what = match d {
                Difference::ChoiceRejected { turn, reason } => format!("turn {turn}: {reason}"),
                Difference::Turn(t) => format!("turn {t} differs"),
                Difference::TurnCount { recorded, replayed } => {
                    format!("{recorded} turns recorded, {replayed} replayed")
                }
                Difference::Ending => "the ending differs".into(),
                Difference::Score { recorded, replayed } => {
                    format!("score {recorded} recorded, {replayed} replayed")
                }
            };
            println!("Does not reproduce: {what}");
            false
        }
    };
    Ok(if ok { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}

fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}
