//! The background sender: a thread that delivers the outbox whenever a call is queued, and
//! retries with growing pauses (5 s doubling to 5 min) while the LRS is unreachable, so a
//! trainee never waits on the network. The app reads its [`CourierStatus`] to show what is
//! waiting and why.

use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::Duration;

use chrono::{DateTime, Utc};

use crate::LrsConfig;
use crate::client::{DeliveryError, Transport, deliver};
use crate::outbox::Outbox;

const FIRST_RETRY: Duration = Duration::from_secs(5);
const LAST_RETRY: Duration = Duration::from_secs(300);
/// Even with nothing to do the outbox is looked at now and then: another Settle (the command
/// line, a second window) may have queued calls in it.
const IDLE_LOOK: Duration = Duration::from_secs(60);

/// What the courier last saw, for the settings panel.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CourierStatus {
    /// An endpoint is configured.
    pub configured: bool,
    /// Calls queued and not yet confirmed.
    pub waiting: usize,
    /// Statements confirmed since the app started.
    pub sent: usize,
    /// Statements the LRS refused for good, kept aside (all time).
    pub rejected: usize,
    /// Why the last pass stopped early.
    pub error: Option<DeliveryError>,
    pub last_attempt: Option<DateTime<Utc>>,
    /// When the outbox was last looked at (with or without an endpoint).
    pub last_look: Option<DateTime<Utc>>,
    /// The pause before the next try, while something is waiting.
    pub retry_in: Option<Duration>,
}

enum Message {
    Wake,
    Configure(LrsConfig),
    Stop,
}

/// A handle on the sending thread; dropping it stops the thread after its current pass.
pub struct Courier {
    to_thread: Sender<Message>,
    status: Arc<Mutex<CourierStatus>>,
}

impl Courier {
    /// Starts the thread. `changed` is called after every pass (the app asks for a repaint).
    pub fn spawn(
        outbox: Outbox,
        config: LrsConfig,
        transport: Box<dyn Transport>,
        changed: impl Fn() + Send + 'static,
    ) -> Courier {
        let (to_thread, inbox) = mpsc::channel();
        let status = Arc::new(Mutex::new(CourierStatus::default()));
        let shared = Arc::clone(&status);
        let spawned = thread::Builder::new().name("settle-lrs".into()).spawn(move || {
            let mut config = config;
            let mut pause = FIRST_RETRY;
            loop {
                let mut now = CourierStatus { configured: config.is_set(), ..Default::default() };
                let mut retry = None;
                if config.is_set() {
                    let delivery = deliver(&outbox, &config, transport.as_ref());
                    now.sent = delivery.sent;
                    now.error = delivery.error;
                    now.last_attempt = Some(Utc::now());
                    if now.error.is_some() && delivery.waiting > 0 {
                        retry = Some(pause);
                        pause = (pause * 2).min(LAST_RETRY);
                    } else {
                        pause = FIRST_RETRY;
                    }
                }
                now.waiting = outbox.len();
                now.rejected = outbox.rejected();
                now.retry_in = retry;
                now.last_look = Some(Utc::now());
                {
                    let mut status = shared.lock().unwrap_or_else(PoisonError::into_inner);
                    now.sent += status.sent;
                    *status = now;
                }
                changed();
                match inbox.recv_timeout(retry.unwrap_or(IDLE_LOOK)) {
                    Ok(Message::Wake) | Err(RecvTimeoutError::Timeout) => {}
                    Ok(Message::Configure(new)) => {
                        config = new;
                        pause = FIRST_RETRY;
                    }
                    Ok(Message::Stop) | Err(RecvTimeoutError::Disconnected) => break,
                }
            }
        });
        if let Err(e) = spawned {
            let mut status = status.lock().unwrap_or_else(PoisonError::into_inner);
            status.error = Some(DeliveryError::Unreachable(format!("cannot start the sending thread: {e}")));
        }
        Courier { to_thread, status }
    }

    /// Try now (a call was queued, or the user asked).
    pub fn wake(&self) {
        let _ = self.to_thread.send(Message::Wake);
    }

    /// New settings; the next pass uses them at once.
    pub fn configure(&self, config: LrsConfig) {
        let _ = self.to_thread.send(Message::Configure(config));
    }

    pub fn status(&self) -> CourierStatus {
        self.status.lock().unwrap_or_else(PoisonError::into_inner).clone()
    }
}

impl Drop for Courier {
    fn drop(&mut self) {
        let _ = self.to_thread.send(Message::Stop);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Instant;

    use super::*;
    use crate::client::Answer;
    use crate::outbox::Batch;
    use settle_store::report::CallId;

    struct Switch(Arc<AtomicBool>);

    impl Transport for Switch {
        fn post(&self, _: &str, _: &str, _: &[u8]) -> Result<Answer, String> {
            if self.0.load(Ordering::SeqCst) {
                Ok(Answer { status: 200, body: "[]".into() })
            } else {
                Err("connection refused".into())
            }
        }
    }

    fn wait_for(courier: &Courier, what: impl Fn(&CourierStatus) -> bool) -> CourierStatus {
        let start = Instant::now();
        loop {
            let status = courier.status();
            if what(&status) || start.elapsed() > Duration::from_secs(10) {
                return status;
            }
            thread::sleep(Duration::from_millis(10));
        }
    }

    #[test]
    fn waits_while_down_then_delivers_when_woken() {
        let dir = tempfile::tempdir().expect("temp dir");
        let outbox = Outbox::new(dir.path());
        let batch = Batch {
            call: CallId(uuid::Uuid::from_u128(1)),
            started_at: Utc::now(),
            statements: vec![serde_json::json!({"id": "a"})],
        };
        outbox.enqueue(&batch).expect("queue");
        let up = Arc::new(AtomicBool::new(false));
        let config = LrsConfig { endpoint: "http://lrs".into(), ..LrsConfig::default() };
        let courier = Courier::spawn(outbox.clone(), config, Box::new(Switch(Arc::clone(&up))), || {});
        let down = wait_for(&courier, |s| s.last_attempt.is_some());
        assert_eq!(down.waiting, 1);
        assert_eq!(down.retry_in, Some(FIRST_RETRY));
        assert!(matches!(down.error, Some(DeliveryError::Unreachable(_))), "{down:?}");

        up.store(true, Ordering::SeqCst);
        courier.wake();
        let done = wait_for(&courier, |s| s.waiting == 0);
        assert_eq!((done.waiting, done.sent, done.error.clone(), done.retry_in), (0, 1, None, None));
        assert!(outbox.is_empty());
    }

    #[test]
    fn without_an_endpoint_nothing_is_sent() {
        let dir = tempfile::tempdir().expect("temp dir");
        let up = Arc::new(AtomicBool::new(true));
        let courier =
            Courier::spawn(Outbox::new(dir.path()), LrsConfig::default(), Box::new(Switch(up)), || {});
        let status = wait_for(&courier, |s| s.last_look.is_some());
        assert!(!status.configured);
        assert_eq!(status.last_attempt, None);
    }
}
