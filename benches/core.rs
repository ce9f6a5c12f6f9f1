//! Core benchmarks: loading and validating a large persona, and playing random calls.
//! Figures go to docs/performance.md.

use std::hint::black_box;
use std::path::Path;
use std::sync::Arc;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::de::IgnoredAny;
use settle_core::Persona;
use settle_core::analysis::{Bounds, analyze};
use settle_core::assets::MemoryAssets;
use settle_core::call::Mode;
use settle_core::engine::CallEngine;
use settle_core::format::PersonaFile;
use settle_core::load::load_bytes;
use settle_core::scoring::score;
use settle_core::synthetic::persona_text;
use settle_core::wrapup::WrapUp;
use settle_store::library::load_dir;

// The allocator the binary uses (src/main.rs), so the figures are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn load_large(c: &mut Criterion) {
    let assets = MemoryAssets::new("assets").with("calm.png", settle_core::synthetic::PORTRAIT_PNG);
    let text = persona_text(10_000, 1, "calm.png");
    let mut group = c.benchmark_group("load");
    group.sample_size(20);
    // Freeing the persona is not part of loading it (it happens on the next reload), so the
    // loaded file is dropped outside the timed loop.
    group.bench_function("load_validate_10k_nodes", |b| {
        b.iter_with_large_drop(|| {
            let loaded = load_bytes(Path::new("synthetic.ron"), black_box(text.as_bytes()), &assets);
            assert!(loaded.persona.is_some());
            loaded
        })
    });
    // `ron` alone: syntax only (`IgnoredAny`), then into the file structs.
    let reading = settle_core::load::reading();
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.bench_function("parse_ignored_any_10k_nodes", |b| {
        b.iter(|| reading.from_str::<IgnoredAny>(black_box(&text)).expect("parses"))
    });
    group.bench_function("parse_persona_file_10k_nodes", |b| {
        b.iter(|| reading.from_str::<PersonaFile>(black_box(&text)).expect("parses"))
    });
    group.finish();
}

/// Plays one call with random offers (and an occasional silence) to its end, and scores it.
fn random_call(persona: &Arc<Persona>, seed: u64) -> f64 {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let (mut engine, _) = CallEngine::start(Arc::clone(persona), Mode::Practice, seed);
    while !engine.is_over() {
        let offers = engine.offers().len();
        let _ = engine.choose_listed(rng.random_range(1..=offers));
    }
    let end = engine.end().expect("over");
    score(&persona.target, engine.turns(), end, &WrapUp::default()).total
}

fn play(c: &mut Criterion) {
    let library = load_dir(Path::new("dialogues"), Path::new("assets")).expect("dialogues");
    let mut personas: Vec<Arc<Persona>> = library.personas().cloned().collect();
    if personas.is_empty() {
        let test = load_dir(Path::new("tests/data/good"), Path::new("tests/data/assets")).expect("good");
        personas = test.personas().cloned().collect();
    }
    let mut group = c.benchmark_group("play");
    group.sample_size(10);
    group.bench_function("10k_random_calls_all_personas", |b| {
        b.iter_batched(
            || (),
            |()| {
                let mut total = 0.0;
                for seed in 0..10_000u64 {
                    let persona = &personas[seed as usize % personas.len()];
                    total += random_call(persona, seed);
                }
                total
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
    let mut group = c.benchmark_group("call");
    for persona in &personas {
        let mut seed = 0u64;
        group.bench_function(persona.id.0.as_str(), |b| {
            b.iter(|| {
                seed += 1;
                random_call(persona, seed)
            })
        });
    }
    group.finish();
}

fn analysis_large(c: &mut Criterion) {
    let assets = MemoryAssets::new("assets").with("calm.png", settle_core::synthetic::PORTRAIT_PNG);
    let text = persona_text(10_000, 1, "calm.png");
    let persona = load_bytes(Path::new("synthetic.ron"), text.as_bytes(), &assets).persona.expect("valid");
    let mut group = c.benchmark_group("analysis");
    group.sample_size(10);
    group.bench_function("analyze_10k_nodes", |b| b.iter(|| analyze(black_box(&persona), Bounds::default())));
    group.finish();
}

criterion_group!(benches, load_large, play, analysis_large);
criterion_main!(benches);
