//! Measures the managers' reports index on a generated folder: writes N copies of a real report
//! (distinct ids, trainees and dates, JSON with the row first), then opens the folder the way
//! the dashboard does (`IndexService` on a thread of its own) and times when the table's rows
//! are available, when every signature is checked, and the process's peak memory.
//!
//! `cargo run --release --example index_reports -- 100000 FOLDER [signed] [fresh|reuse]`: a
//! FOLDER that already holds the reports (from an earlier run) is not written again; `signed`
//! signs every report with an organisation key and opens the folder with it, as a firm would;
//! `fresh` (the default) starts from no index (a first open), `reuse` keeps the index that
//! `FOLDER.index.sqlite3` holds from an earlier run (reopening, nothing changed).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::{Duration as Minutes, TimeZone, Utc};
use rayon::prelude::*;
use settle_core::call::Mode;
use settle_core::engine::CallEngine;
use settle_core::wrapup::WrapUp;
use settle_store::library::load_dir;
use settle_store::report::index::{IndexService, Query};
use settle_store::report::sign::Signature;
use settle_store::report::store::encode;
use settle_store::report::{CallId, CallTimes, Report};

// The allocator the binary uses (src/main.rs), so the figures are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let count: usize = args.get(1).and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let key = args.iter().any(|a| a == "signed").then(|| b"bench-org-key".to_vec());
    let reuse = args.iter().any(|a| a == "reuse");
    let temp = tempfile::tempdir().expect("tempdir");
    let dir = args.get(2).map_or_else(|| temp.path().join("reports"), PathBuf::from);
    write_reports(&dir, count, key.as_deref());
    let db = dir.with_extension("index.sqlite3");
    if !reuse {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
    }
    let t = Instant::now();
    let service = IndexService::spawn(db, dir.clone(), key, Query::default(), || {});
    let mut first_rows = None;
    let mut refreshed_rows = None;
    while !service.settled() {
        if let Some(snapshot) = service.latest() {
            if first_rows.is_none() && !snapshot.lines.is_empty() {
                first_rows = Some((t.elapsed(), snapshot.lines.len(), snapshot.pending));
            }
            if refreshed_rows.is_none() && snapshot.refreshed {
                refreshed_rows = Some((t.elapsed(), snapshot.lines.len(), snapshot.pending));
            }
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let settled = t.elapsed();
    let last = service.latest().expect("an answer");
    if refreshed_rows.is_none() && last.refreshed {
        refreshed_rows = Some((settled, last.lines.len(), last.pending));
    }
    let show = |what: &str, at: Option<(Duration, usize, usize)>| match at {
        Some((at, rows, pending)) => {
            println!("{what}: {rows} rows at {:.3} s ({pending} signatures pending)", at.as_secs_f64())
        }
        None => println!("{what}: none"),
    };
    show("first rows shown", first_rows);
    show("rows after reading the folder", refreshed_rows);
    let valid = last.lines.iter().filter(|l| l.signature == Signature::Valid).count();
    println!(
        "settled (every signature checked): {:.3} s, {} rows, {valid} valid, {} pending",
        settled.as_secs_f64(),
        last.lines.len(),
        last.pending
    );
    drop(service);
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak = status.lines().find(|l| l.starts_with("VmHWM")).unwrap_or("VmHWM: ?");
    println!("peak memory {peak}");
}

/// Writes `count` reports into `dir` unless it already holds that many.
fn write_reports(dir: &Path, count: usize, key: Option<&[u8]>) {
    std::fs::create_dir_all(dir).expect("folder");
    let existing = std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0);
    if existing >= count {
        return;
    }
    let library = load_dir(Path::new("dialogues"), Path::new("assets")).expect("dialogues");
    let persona = Arc::clone(library.find("tomasz-partner").expect("bundled"));
    let (mut engine, _) = CallEngine::start(Arc::clone(&persona), Mode::Practice, 1);
    while !engine.is_over() {
        engine.choose_listed(1).expect("offered");
    }
    let start = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).single().expect("valid");
    let wrap_up = WrapUp::matching(engine.end().expect("over"));
    let t = Instant::now();
    let bytes: usize = (0..count)
        .into_par_iter()
        .map(|i| {
            let at = start + Minutes::minutes(i as i64);
            let times = CallTimes { started_at: at, ended_at: at + Minutes::minutes(4) };
            let trainee = format!("Trainee {:03}", i % 250);
            let mut report =
                Report::new(&engine, &trainee, wrap_up.clone(), times, CallId::new()).expect("over");
            if let Some(key) = key {
                settle_store::report::sign::sign(&mut report, key);
            }
            let text = encode(&report).expect("encodes");
            std::fs::write(dir.join(format!("{i:06}.json")), &text).expect("write");
            text.len()
        })
        .sum();
    println!("wrote {count} reports ({} MB) in {:.1} s", bytes / 1_000_000, t.elapsed().as_secs_f64());
}
