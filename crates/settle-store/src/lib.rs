//! Settle's files: persona folders read into a library, reports (saved atomically, read back,
//! exported), the call in progress (journal), durable writes and folder watching. Everything
//! that touches the disk for the core lives here; the core never does.

pub mod debrief;
pub mod fsutil;
pub mod journal;
pub mod library;
pub mod report;
pub mod watch;
