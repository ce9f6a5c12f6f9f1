//! Frame cost of the two heaviest screens, built headless (no window, no GPU): the call with
//! a 100-turn transcript, and the debrief of that call. Each iteration runs one egui pass at
//! 1280x800 and tessellates it, as a real frame would. Figures go to docs/performance.md.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::Utc;
use criterion::{Criterion, criterion_group, criterion_main};
use settle_app::{AppConfig, CallState, DebriefState, Route, Settings, SettleApp};
use settle_core::call::Mode;
use settle_core::engine::CallEngine;
use settle_core::load::load_bytes;
use settle_core::synthetic::persona_text;
use settle_core::wrapup::WrapUp;
use settle_session::{CallSession, NewCall, SessionConfig, SystemClock};
use settle_store::library::FolderAssets;
use settle_store::report::{CallId, CallTimes, Report};

// The allocator the binary uses (src/main.rs), so the figures are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn raw_input(time: f64) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 800.0))),
        time: Some(time),
        ..Default::default()
    }
}

/// A call 100 turns long on a generated persona (its turn limit raised to let it run).
fn long_call() -> CallEngine {
    let text = persona_text(400, 3, "portraits/tomasz-partner/calm.png")
        .replace("turn_budget: 20", "turn_budget: 40");
    let loaded =
        load_bytes(Path::new("synthetic.ron"), text.as_bytes(), &FolderAssets::new(Path::new("assets")));
    let persona = loaded.persona.expect("the generated persona is valid");
    let (mut engine, _) = CallEngine::start(Arc::clone(&persona), Mode::Practice, 1);
    for _ in 0..100 {
        engine.choose_listed(1).expect("the first offer always exists");
    }
    assert_eq!(engine.turns().len(), 100);
    engine
}

/// The same call as a session (replayed from its choices), journaled in the bench's folder.
fn long_session(engine: &CallEngine, folder: &Path) -> CallSession {
    let call = NewCall {
        persona: Arc::clone(engine.persona()),
        mode: engine.mode(),
        seed: Some(engine.seed()),
        trainee: "Bench".into(),
    };
    let config = SessionConfig {
        journal: None,
        reports: Some(folder.join("reports")),
        org_key: None,
        outbox: None,
        clock: Arc::new(SystemClock),
    };
    let mut session = CallSession::start(call, config).session;
    for choice in engine.choices() {
        session.apply(choice).expect("the same choices replay");
    }
    session
}

fn frame_cost(c: &mut Criterion, name: &str, app: &mut SettleApp, ctx: &egui::Context) {
    let mut time = 0.0;
    // Warm up: fonts, textures and layout caches are built once, as in the running app.
    for _ in 0..3 {
        time += 1.0 / 60.0;
        let mut out = ctx.run_ui(raw_input(time), |ui| app.frame(ui));
        out.textures_delta.clear();
    }
    c.bench_function(name, |b| {
        b.iter(|| {
            time += 1.0 / 60.0;
            let mut out = ctx.run_ui(raw_input(time), |ui| app.frame(ui));
            out.textures_delta.clear();
            black_box(ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point))
        })
    });
}

fn frames(c: &mut Criterion) {
    let folder = tempfile::tempdir().expect("tempdir");
    let config = AppConfig {
        dialogues: None,
        assets: PathBuf::from("assets"),
        bundled: true,
        reports_flag: Some(folder.path().join("reports")),
        data_dir: folder.path().join("data"),
    };
    let ctx = egui::Context::default();
    let settings = Settings { trainee: "Bench".into(), ..Settings::default() };
    let mut app = SettleApp::with_settings(&ctx, config, settings);

    let engine = long_call();
    app.route = Route::Call(Box::new(CallState {
        session: long_session(&engine, folder.path()),
        clock_start: None,
        timer: None,
        case_open: true,
    }));
    frame_cost(c, "frame/call_100_turns", &mut app, &ctx);

    // The debrief needs a finished call: the same 100 turns, then the turn limit ends it.
    let mut finished = engine;
    while !finished.is_over() {
        let _ = finished.choose_listed(1);
    }
    let times = CallTimes { started_at: Utc::now(), ended_at: Utc::now() };
    let report = Report::new(&finished, "Bench", WrapUp::default(), times, CallId::new()).expect("over");
    let persona = Arc::clone(finished.persona());
    app.route = Route::Debrief(Box::new(DebriefState {
        report,
        persona,
        saved: Ok(PathBuf::from("report.ron")),
        from_reports: false,
    }));
    frame_cost(c, "frame/debrief_120_turns", &mut app, &ctx);
}

criterion_group!(benches, frames);
criterion_main!(benches);
