//! One call from start to saved report, the same for the app and the command line: a
//! [`CallSession`] starts a call (or resumes an interrupted one from its journal), passes each
//! choice to the core's `CallEngine` and journals the call after every turn, and finishes it:
//! the report is built from the wrap-up and self-assessment, signed with the organisation's key,
//! queued for the learning record store, saved atomically, and the journal cleared once saved.
//! [`SessionConfig`] decides, once, from the shared settings and data folders, where all of that
//! goes.
//!
//! What happened is returned as values ([`Started`], [`Turned`], [`Finished`]) with typed
//! errors for the caller to word and show. This crate must never draw (no egui/eframe), print,
//! read the environment other than through the settings' own overrides, or decide how a call
//! goes or is scored: the engine and the scoring do that. It never sends anything over the
//! network either; the app's courier (or `settle report --send`) delivers the outbox.

mod config;
mod session;

#[cfg(test)]
mod tests;

pub use config::{Clock, SessionConfig, SystemClock};
pub use session::{CallSession, Concluded, Finished, NewCall, NotOver, Queueing, Saving, Started, Turned};
