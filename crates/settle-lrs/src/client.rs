//! Posting queued statements to the LRS and deciding, from its answer, what happens to each
//! batch: confirmed (removed from the queue), refused for good (set aside), or to be retried.
//!
//! The network sits behind [`Transport`] so that the rules are tested without a server; [`Http`]
//! is the real one (ureq, with timeouts, TLS through rustls).

use std::time::Duration;

use serde_json::Value;
use thiserror::Error;

use crate::LrsConfig;
use crate::outbox::{Outbox, Queued};

/// The xAPI version Settle's statements follow, sent in `X-Experience-API-Version`.
pub const XAPI_VERSION: &str = "1.0.3";

/// What the LRS answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub status: u16,
    pub body: String,
}

/// Sends one POST; `Err` when no answer came (no route, refused connection, timeout).
pub trait Transport: Send {
    fn post(&self, url: &str, authorization: &str, body: &[u8]) -> Result<Answer, String>;
}

/// HTTP(S) through ureq.
pub struct Http {
    agent: ureq::Agent,
}

impl Http {
    pub fn new(timeout: Duration) -> Http {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(timeout))
            .build()
            .into();
        Http { agent }
    }
}

impl Default for Http {
    fn default() -> Self {
        Http::new(Duration::from_secs(15))
    }
}

impl Transport for Http {
    fn post(&self, url: &str, authorization: &str, body: &[u8]) -> Result<Answer, String> {
        let mut response = self
            .agent
            .post(url)
            .header("Authorization", authorization)
            .header("X-Experience-API-Version", XAPI_VERSION)
            .header("Content-Type", "application/json")
            .send(body)
            .map_err(|e| e.to_string())?;
        let status = response.status().as_u16();
        // The answer's text only explains a refusal; a body that cannot be read changes nothing.
        let body = response.body_mut().with_config().limit(64 * 1024).read_to_string().unwrap_or_default();
        Ok(Answer { status, body })
    }
}

/// Why a delivery pass stopped with statements still queued.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DeliveryError {
    #[error("the learning record store cannot be reached: {0}")]
    Unreachable(String),
    #[error("the learning record store refused the key and secret ({status}): {detail}")]
    Unauthorised { status: u16, detail: String },
    #[error("the learning record store failed ({status}): {detail}")]
    Server { status: u16, detail: String },
}

/// The result of one pass over the queue.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Delivery {
    /// Statements the LRS confirmed in this pass (stored now, or already stored before).
    pub sent: usize,
    /// Statements the LRS refused for good in this pass (kept in `rejected/`).
    pub rejected: usize,
    /// Calls still queued after the pass.
    pub waiting: usize,
    /// Why the pass stopped early, if it did.
    pub error: Option<DeliveryError>,
}

/// How the LRS's answer to one POST is taken.
enum Verdict {
    Stored,
    /// The request itself was refused (bad statement, conflicting id): not worth repeating.
    Refused(String),
    /// Stop the pass and try again later.
    Retry(DeliveryError),
}

fn verdict(answer: Result<Answer, String>) -> Verdict {
    let answer = match answer {
        Ok(answer) => answer,
        Err(e) => return Verdict::Retry(DeliveryError::Unreachable(e)),
    };
    let detail = answer.body.chars().take(300).collect::<String>();
    match answer.status {
        200..=299 => Verdict::Stored,
        401 | 403 => Verdict::Retry(DeliveryError::Unauthorised { status: answer.status, detail }),
        // Timeouts, rate limits and redirects the client does not follow are passing states.
        300..=399 | 408 | 429 | 500.. => {
            Verdict::Retry(DeliveryError::Server { status: answer.status, detail })
        }
        status => Verdict::Refused(format!("{status} {detail}")),
    }
}

/// Posts every queued batch, oldest first, until the queue is empty or the LRS cannot take
/// more. A batch goes as one POST; if the LRS refuses it as a whole (one bad or conflicting
/// statement fails the lot), its statements go one by one so that the good ones get through
/// and only the refused ones are set aside.
pub fn deliver(outbox: &Outbox, config: &LrsConfig, transport: &dyn Transport) -> Delivery {
    let url = config.statements_url();
    let auth = config.authorization();
    let post = |body: &Value| -> Result<Answer, String> {
        let bytes = serde_json::to_vec(body).map_err(|e| e.to_string())?;
        transport.post(&url, &auth, &bytes)
    };
    let mut delivery = Delivery::default();
    let pending = outbox.pending();
    let total = pending.len();
    for (n, queued) in pending.iter().enumerate() {
        let outcome = match verdict(post(&Value::Array(queued.batch.statements.clone()))) {
            Verdict::Stored => Ok((queued.batch.statements.len(), 0)),
            Verdict::Retry(error) => Err(error),
            Verdict::Refused(_) => one_by_one(outbox, queued, &post),
        };
        match outcome {
            Ok((sent, rejected)) => {
                delivery.sent += sent;
                delivery.rejected += rejected;
                if let Err(e) = outbox.done(queued) {
                    // Left in the queue it is sent again later, which the LRS answers with 204.
                    delivery.error = Some(DeliveryError::Unreachable(format!("cannot clear the queue: {e}")));
                }
            }
            Err(error) => {
                delivery.error = Some(error);
                delivery.waiting = total - n;
                return delivery;
            }
        }
    }
    delivery.waiting = outbox.len();
    delivery
}

/// Sends a batch's statements singly; `Err` leaves the whole batch queued (statements that
/// went through are confirmed again, harmlessly, on the next pass).
fn one_by_one(
    outbox: &Outbox,
    queued: &Queued,
    post: &dyn Fn(&Value) -> Result<Answer, String>,
) -> Result<(usize, usize), DeliveryError> {
    let (mut sent, mut refused) = (0, Vec::new());
    for (index, statement) in queued.batch.statements.iter().enumerate() {
        match verdict(post(statement)) {
            Verdict::Stored => sent += 1,
            Verdict::Refused(reason) => refused.push((index, statement, reason)),
            Verdict::Retry(error) => return Err(error),
        }
    }
    for (index, statement, reason) in &refused {
        outbox
            .reject(queued, *index, statement, reason)
            .map_err(|e| DeliveryError::Unreachable(format!("cannot keep a refused statement: {e}")))?;
    }
    Ok((sent, refused.len()))
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use super::*;
    use crate::outbox::Batch;
    use serde_json::json;
    use settle_store::report::CallId;

    /// A scripted LRS: keeps statements by id like a real one and can be switched off.
    #[derive(Default)]
    struct FakeLrs {
        stored: Mutex<Vec<Value>>,
        down: Mutex<bool>,
        posts: Mutex<usize>,
    }

    impl FakeLrs {
        fn store(&self, statement: &Value) -> u16 {
            let mut stored = self.stored.lock().expect("lock");
            if statement.get("bad").is_some() {
                return 400;
            }
            match stored.iter().find(|s| s["id"] == statement["id"]) {
                Some(same) if same == statement => 204,
                Some(_) => 409,
                None => {
                    stored.push(statement.clone());
                    200
                }
            }
        }
    }

    impl Transport for &FakeLrs {
        fn post(&self, _url: &str, auth: &str, body: &[u8]) -> Result<Answer, String> {
            *self.posts.lock().expect("lock") += 1;
            if *self.down.lock().expect("lock") {
                return Err("connection refused".into());
            }
            if auth != config().authorization() {
                return Ok(Answer { status: 401, body: "bad credentials".into() });
            }
            let value: Value = serde_json::from_slice(body).map_err(|e| e.to_string())?;
            let statements = match value {
                Value::Array(all) => all,
                one => vec![one],
            };
            // A batch is all or nothing, as in the xAPI spec.
            if statements.iter().any(|s| s.get("bad").is_some()) {
                return Ok(Answer { status: 400, body: "invalid statement".into() });
            }
            let mut status = 200;
            for s in &statements {
                status = status.max(self.store(s));
            }
            Ok(Answer { status, body: String::new() })
        }
    }

    fn config() -> LrsConfig {
        LrsConfig { endpoint: "http://lrs/xAPI".into(), key: "k".into(), secret: "s".into() }
    }

    fn batch(n: u128, statements: Vec<Value>) -> Batch {
        let started_at = format!("2026-11-23T10:{n:02}:00Z").parse().expect("time");
        Batch { call: CallId(uuid::Uuid::from_u128(n)), started_at, statements }
    }

    #[test]
    fn queue_survives_an_outage_and_nothing_is_stored_twice() {
        let dir = tempfile::tempdir().expect("temp dir");
        let outbox = Outbox::new(dir.path());
        let lrs = FakeLrs::default();
        outbox.enqueue(&batch(1, vec![json!({"id": "a"}), json!({"id": "b"})])).expect("queue");
        *lrs.down.lock().expect("lock") = true;
        let first = deliver(&outbox, &config(), &&lrs);
        assert_eq!((first.sent, first.waiting), (0, 1));
        assert!(matches!(first.error, Some(DeliveryError::Unreachable(_))));

        *lrs.down.lock().expect("lock") = false;
        outbox.enqueue(&batch(2, vec![json!({"id": "c"})])).expect("queue");
        let second = deliver(&outbox, &config(), &&lrs);
        assert_eq!(second, Delivery { sent: 3, rejected: 0, waiting: 0, error: None });

        // The answer was lost and the batch is queued again: confirmed, not stored twice.
        outbox.enqueue(&batch(1, vec![json!({"id": "a"}), json!({"id": "b"})])).expect("queue");
        let again = deliver(&outbox, &config(), &&lrs);
        assert_eq!((again.sent, again.waiting), (2, 0));
        assert_eq!(lrs.stored.lock().expect("lock").len(), 3);
    }

    #[test]
    fn wrong_credentials_keep_everything_queued() {
        let dir = tempfile::tempdir().expect("temp dir");
        let outbox = Outbox::new(dir.path());
        let lrs = FakeLrs::default();
        outbox.enqueue(&batch(1, vec![json!({"id": "a"})])).expect("queue");
        outbox.enqueue(&batch(2, vec![json!({"id": "b"})])).expect("queue");
        let wrong = LrsConfig { secret: "nope".into(), ..config() };
        let delivery = deliver(&outbox, &wrong, &&lrs);
        assert_eq!(delivery.waiting, 2);
        assert!(matches!(delivery.error, Some(DeliveryError::Unauthorised { status: 401, .. })));
        assert_eq!(*lrs.posts.lock().expect("lock"), 1, "the pass stops at the first refusal");
    }

    #[test]
    fn one_bad_statement_does_not_hold_back_the_others() {
        let dir = tempfile::tempdir().expect("temp dir");
        let outbox = Outbox::new(dir.path());
        let lrs = FakeLrs::default();
        outbox.enqueue(&batch(1, vec![json!({"id": "a"}), json!({"id": "x", "bad": 1})])).expect("queue");
        outbox.enqueue(&batch(2, vec![json!({"id": "c"})])).expect("queue");
        let delivery = deliver(&outbox, &config(), &&lrs);
        assert_eq!(delivery, Delivery { sent: 2, rejected: 1, waiting: 0, error: None });
        assert_eq!(outbox.rejected(), 1);
        let refused = std::fs::read_to_string(
            outbox.rejected_dir().join(format!("{}-1.json", uuid::Uuid::from_u128(1).simple())),
        )
        .expect("kept");
        assert!(refused.contains("\"bad\""));
    }
}
