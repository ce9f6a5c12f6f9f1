//! Measures the managers' report index on a generated folder: writes N copies of a real report
//! (distinct ids, trainees and dates), then times a cold `ReportIndex::open`, an incremental
//! refresh with nothing new, and reports the process's peak memory.
//!
//! `cargo run --release --example index_reports -- 100000 [FOLDER] [signed]`: with a FOLDER that
//! already holds the reports (from an earlier run), they are not written again; `signed` signs
//! every report with an organisation key and opens the folder with it, as a firm would.

use std::path::Path;
use std::sync::Arc;
use std::time::Instant;

use chrono::{Duration, TimeZone, Utc};
use settle_core::call::Mode;
use settle_core::engine::CallEngine;
use settle_core::wrapup::WrapUp;
use settle_store::library::load_dir;
use settle_store::report::index::ReportIndex;
use settle_store::report::sign::Signature;
use settle_store::report::store::encode;
use settle_store::report::{CallId, CallTimes, Report};

// The allocator the binary uses (src/main.rs), so the figures are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let count: usize = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(100_000);
    let library = load_dir(Path::new("dialogues"), Path::new("assets")).expect("dialogues");
    let persona = Arc::clone(library.find("tomasz-partner").expect("bundled"));
    let (mut engine, _) = CallEngine::start(Arc::clone(&persona), Mode::Practice, 1);
    while !engine.is_over() {
        engine.choose_listed(1).expect("offered");
    }
    let start = Utc.with_ymd_and_hms(2026, 1, 1, 9, 0, 0).single().expect("valid");
    let wrap_up = WrapUp::matching(engine.end().expect("over"));
    let key = (std::env::args().nth(3).as_deref() == Some("signed")).then(|| b"bench-org-key".to_vec());
    let temp = tempfile::tempdir().expect("tempdir");
    let kept = std::env::args().nth(2).map(std::path::PathBuf::from);
    let dir = kept.as_deref().unwrap_or(temp.path());
    std::fs::create_dir_all(dir).expect("folder");
    let existing = std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0);
    let t = Instant::now();
    let mut bytes = 0;
    let already = if existing >= count { count } else { 0 };
    for i in already..count {
        let at = start + Duration::minutes(i as i64);
        let times = CallTimes { started_at: at, ended_at: at + Duration::minutes(4) };
        let trainee = format!("Trainee {:03}", i % 250);
        let mut report = Report::new(&engine, &trainee, wrap_up.clone(), times, CallId::new()).expect("over");
        if let Some(key) = &key {
            settle_store::report::sign::sign(&mut report, key);
        }
        let text = encode(&report).expect("encodes");
        bytes += text.len();
        std::fs::write(dir.join(format!("{i:06}.ron")), text).expect("write");
    }
    println!(
        "wrote {} reports ({} MB) in {:.1} s",
        count - already,
        bytes / 1_000_000,
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let mut index = ReportIndex::open(dir, key.clone());
    println!("cold open: {} rows in {:.2} s", index.rows.len(), t.elapsed().as_secs_f64());
    let valid = index.rows.iter().filter(|r| r.signature == Signature::Valid).count();
    println!("signatures valid: {valid}");
    let t = Instant::now();
    let added = index.refresh();
    println!("refresh with nothing new: {added} read in {:.3} s", t.elapsed().as_secs_f64());
    let cache = dir.with_extension("cache.json");
    let t = Instant::now();
    let first = ReportIndex::open_cached(dir, key.clone(), cache.clone());
    println!(
        "first open with a row cache: {} rows, {} parsed, {:.2} s",
        first.rows.len(),
        first.parsed_last,
        t.elapsed().as_secs_f64()
    );
    drop(first);
    let t = Instant::now();
    let warm = ReportIndex::open_cached(dir, key.clone(), cache.clone());
    println!(
        "next open from the cache: {} rows, {} parsed, {:.2} s",
        warm.rows.len(),
        warm.parsed_last,
        t.elapsed().as_secs_f64()
    );
    let _ = std::fs::remove_file(cache);
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak = status.lines().find(|l| l.starts_with("VmHWM")).unwrap_or("VmHWM: ?");
    println!("peak memory {peak}");
}
