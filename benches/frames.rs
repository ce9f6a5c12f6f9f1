//! Frame cost of the two heaviest screens, built headless (no window, no GPU): the call with
//! a 100-turn transcript, and the debrief of that call; and the frames of finishing a call:
//! the one that submits the wrap-up (the report built and signed, its saving handed to a
//! thread) and the ones that return to the library. Each iteration runs one egui pass at
//! 1280x800 (logic, drawing, intents) and tessellates it, as a real frame would. Figures go to
//! docs/performance.md.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Utc;
use criterion::{Criterion, criterion_group, criterion_main};
use settle_app::{
    AppConfig, CallState, DebriefState, Intent, Route, SaveState, Settings, SettleApp, WrapUpState,
};
use settle_core::call::Mode;
use settle_core::engine::CallEngine;
use settle_core::load::load_bytes;
use settle_core::synthetic::persona_text;
use settle_core::wrapup::{WrapUp, WrapUpDraft};
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
        journal: Some(folder.join("current-call.ron")),
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

/// One frame (logic, drawing, the given intents, tessellation); how long it took.
fn one_frame(app: &mut SettleApp, ctx: &egui::Context, time: &mut f64, intents: Vec<Intent>) -> Duration {
    *time += 1.0 / 60.0;
    let mut intents = Some(intents);
    let start = Instant::now();
    let mut out = ctx.run_ui(raw_input(*time), |ui| app.frame_with(ui, intents.take().unwrap_or_default()));
    out.textures_delta.clear();
    black_box(ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point));
    start.elapsed()
}

fn frame_cost(c: &mut Criterion, name: &str, app: &mut SettleApp, ctx: &egui::Context) {
    let mut time = 0.0;
    // Warm up: fonts, textures and layout caches are built once, as in the running app.
    for _ in 0..3 {
        one_frame(app, ctx, &mut time, Vec::new());
    }
    c.bench_function(name, |b| b.iter(|| one_frame(app, ctx, &mut time, Vec::new())));
}

/// The wrap-up of the long call, over and ready to submit.
fn wrap_up(app: &mut SettleApp, engine: &CallEngine, folder: &Path) {
    let mut session = long_session(engine, folder);
    while !session.is_over() {
        let _ = session.choose_listed(1);
    }
    let state = WrapUpState { session, draft: WrapUpDraft::default(), errors: Vec::new() };
    app.state.wrap_up = Some(Box::new(state));
    app.state.route = Route::WrapUp;
}

/// Finishing a call, frame by frame: the frame that submits the wrap-up, the frames while the
/// report is saved on its thread, the frame that takes the answer (the best scores read
/// again), the frame that goes back to the library and the library's first frame. Criterion
/// times the submitting frame and the return; the worst single frame of whole sequences is
/// printed, since a mean hides one slow frame.
fn finishing(
    c: &mut Criterion,
    app: &mut SettleApp,
    ctx: &egui::Context,
    engine: &CallEngine,
    folder: &Path,
) {
    let mut time = 1000.0;
    c.bench_function("frame/submit_wrap_up", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                wrap_up(app, engine, folder);
                one_frame(app, ctx, &mut time, Vec::new());
                total += one_frame(app, ctx, &mut time, vec![Intent::SubmitWrapUp]);
                // Saving is not this frame's work: let it finish before the next one.
                let _ = app.work.saves.wait();
            }
            total
        })
    });
    c.bench_function("frame/back_to_library", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                app.state.route = Route::Debrief;
                one_frame(app, ctx, &mut time, Vec::new());
                total += one_frame(app, ctx, &mut time, vec![Intent::BackToLibrary]);
                total += one_frame(app, ctx, &mut time, Vec::new());
            }
            total
        })
    });
    let mut worst = Vec::new();
    for _ in 0..30 {
        wrap_up(app, engine, folder);
        one_frame(app, ctx, &mut time, Vec::new());
        let mut frames = vec![one_frame(app, ctx, &mut time, vec![Intent::SubmitWrapUp])];
        let deadline = Instant::now() + Duration::from_secs(10);
        while app.state.debrief.as_ref().is_some_and(|d| d.saved == SaveState::Saving) {
            assert!(Instant::now() < deadline, "the report was not saved within 10 s");
            std::thread::sleep(Duration::from_millis(1));
            frames.push(one_frame(app, ctx, &mut time, Vec::new()));
        }
        assert!(matches!(app.state.debrief.as_ref().map(|d| &d.saved), Some(SaveState::Saved(_))));
        frames.push(one_frame(app, ctx, &mut time, vec![Intent::BackToLibrary]));
        frames.push(one_frame(app, ctx, &mut time, Vec::new()));
        worst.push(frames.into_iter().max().unwrap_or_default());
    }
    worst.sort();
    eprintln!(
        "finishing a call, worst frame of each of {} sequences: median {:.2?}, max {:.2?}",
        worst.len(),
        worst[worst.len() / 2],
        worst[worst.len() - 1]
    );
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
    app.state.call = Some(Box::new(CallState {
        session: long_session(&engine, folder.path()),
        clock_start: None,
        timer: None,
        case_open: true,
    }));
    app.state.route = Route::Call;
    frame_cost(c, "frame/call_100_turns", &mut app, &ctx);
    app.state.call = None;

    // The debrief needs a finished call: the same 100 turns, then the turn limit ends it.
    let mut finished = long_call();
    while !finished.is_over() {
        let _ = finished.choose_listed(1);
    }
    let times = CallTimes { started_at: Utc::now(), ended_at: Utc::now() };
    let report = Report::new(&finished, "Bench", WrapUp::default(), times, CallId::new()).expect("over");
    let persona = Arc::clone(finished.persona());
    app.state.debrief = Some(Box::new(DebriefState {
        report,
        persona,
        saved: SaveState::Saved(PathBuf::from("report.ron")),
        from_reports: false,
    }));
    app.state.route = Route::Debrief;
    frame_cost(c, "frame/debrief_120_turns", &mut app, &ctx);

    finishing(c, &mut app, &ctx, &engine, folder.path());
}

criterion_group!(benches, frames);
criterion_main!(benches);
