//! Settle's files: the data folders (decided once, `folders`), the settings shared by the app
//! and the command line, persona folders read into a library, reports (saved atomically, read
//! back, exported), the call in progress (journal), durable writes and folder watching. Everything
//! that touches the disk for the core lives here; the core never does.

pub mod debrief;
pub mod folders;
pub mod fsutil;
pub mod journal;
pub mod library;
pub mod report;
pub mod settings;
pub mod watch;
