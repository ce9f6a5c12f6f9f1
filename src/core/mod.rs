//! The headless core of Settle: everything a screen shows or the command line prints, with no
//! knowledge of egui. Persona format and loading, validation, the call engine, scoring and
//! reports live here; the GUI and CLI only call into it.

pub mod analysis;
pub mod call;
pub mod case_file;
pub mod debrief;
pub mod diagnostic;
pub mod dot;
pub mod engine;
pub mod format;
pub mod fsutil;
pub mod graph;
pub mod journal;
pub mod lines;
pub mod load;
pub mod lrs;
pub mod migrate;
pub mod mistakes;
pub mod money;
pub mod mood;
pub mod outcome;
pub mod persona;
pub mod portrait;
pub mod report;
pub mod ron_fast;
pub mod scoring;
pub mod source;
pub mod strings;
pub mod style;
pub mod surface;
pub mod synthetic;
pub mod timer;
pub mod translate;
pub mod validate;
pub mod watch;
pub mod wrapup;

pub use call::{CallEnd, Choice, EndReason, Mode, Turn};
pub use diagnostic::{Diagnostic, Level, Problem};
pub use engine::{CallEngine, CallEvent, EngineError, Offer};
pub use load::{Library, LoadedFile, load_dir, load_file};
pub use persona::{NodeId, Persona, PersonaId};
pub use scoring::{ScoreCard, score};
pub use wrapup::WrapUp;
