//! Where a session keeps the call and how it files it, decided once from the shared settings
//! and data folders, and the clock it stamps the call's times with.

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Utc};

use settle_lrs::LrsConfig;
use settle_lrs::outbox::Outbox;
use settle_store::folders::Folders;
use settle_store::settings::Settings;

/// The time a call starts and ends; given to the session so that tests can fix it.
pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;
}

/// The wall clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// Any closure is a clock (`move || fixed`).
impl<F: Fn() -> DateTime<Utc> + Send + Sync> Clock for F {
    fn now(&self) -> DateTime<Utc> {
        self()
    }
}

/// Where a call is journaled, saved and queued, and with what key it is signed.
#[derive(Clone)]
pub struct SessionConfig {
    /// The journal of the call in progress; `None` keeps none (a scripted call replays anyway).
    pub journal: Option<PathBuf>,
    /// The reports folder; `None` saves no report (`settle play --no-save`).
    pub reports: Option<PathBuf>,
    /// The organisation's signing key; `None` saves reports unsigned.
    pub org_key: Option<Vec<u8>>,
    /// The LRS outbox, only when an LRS is configured: without one nothing is queued.
    pub outbox: Option<Outbox>,
    pub clock: Arc<dyn Clock>,
}

impl SessionConfig {
    /// Everything from the data folders and the settings, with the environment's overrides
    /// (`SETTLE_ORG_KEY`, `SETTLE_REPORTS_DIR`, `SETTLE_LRS_*`) and the `--reports` flag, if
    /// any, ahead of them; the wall clock.
    pub fn decide(folders: &Folders, settings: &Settings, reports_flag: Option<&Path>) -> SessionConfig {
        SessionConfig {
            journal: Some(folders.journal()),
            reports: Some(settings.reports_dir(folders, reports_flag)),
            org_key: settings.org_key(),
            outbox: LrsConfig::of(settings).is_set().then(|| Outbox::of(folders)),
            clock: Arc::new(SystemClock),
        }
    }

    pub fn with_clock(self, clock: impl Clock + 'static) -> SessionConfig {
        SessionConfig { clock: Arc::new(clock), ..self }
    }
}

/// Everything but the key, which must not reach a log.
impl fmt::Debug for SessionConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SessionConfig")
            .field("journal", &self.journal)
            .field("reports", &self.reports)
            .field("signed", &self.org_key.is_some())
            .field("outbox", &self.outbox.as_ref().map(Outbox::dir))
            .finish_non_exhaustive()
    }
}
