//! How the index keeps the core's enums in its columns: each as its position in the core's own
//! list (`Language::ALL`, `Outcome::ALL`, ...), so that SQL sorts them in the order the core
//! declares them, and back. Shared by the writer (`db`), the queries (`query`) and the answer
//! built in memory (`memory`), which must sort exactly as the queries do.
//!
//! Nothing here touches the database or files: these are pure mappings.

use crate::report::sign::Signature;
use settle_core::call::Mode;
use settle_core::outcome::Outcome;
use settle_core::scoring::FailReason;
use settle_core::style::ConflictStyle;
use settle_core::vocabulary::{Language, ViolationKind};

fn position<T: PartialEq>(all: &[T], value: &T) -> i64 {
    all.iter().position(|v| v == value).map_or(-1, |i| i as i64)
}

pub(super) fn language_code(l: Language) -> i64 {
    position(&Language::ALL, &l)
}
pub(super) fn mode_code(m: Mode) -> i64 {
    match m {
        Mode::Practice => 0,
        Mode::Assessment => 1,
    }
}
pub(super) fn outcome_code(o: Outcome) -> i64 {
    position(&Outcome::ALL, &o)
}
pub(super) fn style_code(s: ConflictStyle) -> i64 {
    position(&ConflictStyle::ALL, &s)
}
pub(super) fn violation_code(v: ViolationKind) -> i64 {
    position(&ViolationKind::ALL, &v)
}

/// Failure reasons grouped as managers count them: a critical error by its kind (its position,
/// 0-99), a missed critical step (100), below the pass mark (101). The order is
/// [`super::FailureKind`]'s.
pub(super) fn failure_code(reason: FailReason) -> i64 {
    match reason {
        FailReason::SevereViolation(kind) | FailReason::CriticalError(kind, _) => violation_code(kind),
        FailReason::MissedCriticalStep => 100,
        FailReason::BelowPassMark => 101,
    }
}

pub(super) fn failure_of(code: i64) -> Option<super::FailureKind> {
    use super::FailureKind;
    match code {
        100 => Some(FailureKind::MissedCriticalStep),
        101 => Some(FailureKind::BelowPassMark),
        n => ViolationKind::ALL.get(usize::try_from(n).ok()?).map(|k| FailureKind::CriticalError(*k)),
    }
}

pub(super) fn signature_code(s: Signature) -> i64 {
    match s {
        Signature::Pending => 0,
        Signature::Valid => 1,
        Signature::Mismatch => 2,
        Signature::Unsigned => 3,
        Signature::Unchecked => 4,
    }
}

pub(super) fn signature_of(code: i64) -> Signature {
    match code {
        1 => Signature::Valid,
        2 => Signature::Mismatch,
        3 => Signature::Unsigned,
        4 => Signature::Unchecked,
        _ => Signature::Pending,
    }
}

/// An enum back from its position; `None` for a position this version does not know.
pub(super) fn nth<T: Copy>(all: &[T], code: i64) -> Option<T> {
    all.get(usize::try_from(code).ok()?).copied()
}
