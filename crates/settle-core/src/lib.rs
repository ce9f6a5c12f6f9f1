//! The headless core of Settle: the persona format and its validation, the call engine, scoring
//! and the author's analysis. It knows nothing of egui, files, the clock or the network:
//! bytes come in from the edges (`settle-store` reads folders, the binary bundles a library),
//! portraits are looked up through [`assets::Assets`], and times are given to it.

pub mod analysis;
pub mod assets;
pub mod call;
pub mod case_file;
pub mod diagnostic;
pub mod dot;
pub mod engine;
pub mod format;
pub mod graph;
pub mod lines;
pub mod load;
pub mod migrate;
pub mod mistakes;
pub mod money;
pub mod mood;
pub mod outcome;
pub mod persona;
pub mod portrait;
pub mod scoring;
pub mod source;
pub mod strings;
pub mod style;
pub mod surface;
pub mod synthetic;
pub mod timer;
pub mod translate;
pub mod validate;
pub mod vocabulary;
pub mod wrapup;

pub use call::{CallEnd, Choice, EndReason, Mode, Turn};
pub use diagnostic::{Diagnostic, Level, Problem};
pub use engine::{CallEngine, CallEvent, EngineError, Offer};
pub use load::{Library, LoadedFile};
pub use persona::{NodeId, Persona, PersonaId};
pub use scoring::{ScoreCard, score};
pub use wrapup::WrapUp;
