//! Sending finished calls to a firm's learning record store (LRS) as xAPI 1.0.3 statements.
//!
//! A finished call becomes one batch of statements (the call's `passed`/`failed` statement and
//! one `answered` statement per reply), queued on disk in the [`outbox`] before any network is
//! touched. [`client::deliver`] posts the queue to the LRS's `statements` resource with Basic
//! auth and the `X-Experience-API-Version` header, and removes a batch only once the LRS has
//! answered 200 or 204; [`courier::Courier`] does that on a background thread and retries with
//! back-off while the LRS is unreachable.
//!
//! Nothing is lost or stored twice: a batch stays on disk until the LRS confirms it, and every
//! statement carries a stable id (derived from the call id) and its own timestamp, so a
//! re-sent statement is identical and the LRS answers it as already stored (204) instead of
//! storing a second copy. A statement the LRS refuses outright is moved aside, not dropped.

pub mod client;
pub mod courier;
pub mod outbox;

use serde_json::Value;

use settle_store::report::Report;
use settle_store::report::export::{xapi_answered, xapi_statement};
use settle_store::report::row::Row;

/// The environment variables that override the app's LRS settings (and feed the command line).
pub const ENDPOINT_ENV: &str = "SETTLE_LRS_ENDPOINT";
pub const KEY_ENV: &str = "SETTLE_LRS_KEY";
pub const SECRET_ENV: &str = "SETTLE_LRS_SECRET";

/// Where and as whom to send statements.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LrsConfig {
    /// The LRS's xAPI endpoint, e.g. `https://lrs.example.com/xAPI/`; `statements` is
    /// appended.
    pub endpoint: String,
    /// Basic-auth user (the LRS's "key").
    pub key: String,
    /// Basic-auth password (the LRS's "secret").
    pub secret: String,
}

impl LrsConfig {
    /// Each value from its environment variable when set, else from the given settings.
    pub fn from_env_or(endpoint: &str, key: &str, secret: &str) -> LrsConfig {
        let pick = |env: &str, setting: &str| {
            std::env::var(env).ok().filter(|v| !v.trim().is_empty()).unwrap_or_else(|| setting.to_string())
        };
        LrsConfig {
            endpoint: pick(ENDPOINT_ENV, endpoint).trim().to_string(),
            key: pick(KEY_ENV, key),
            secret: pick(SECRET_ENV, secret),
        }
    }

    /// The LRS of the shared settings, each value overridden by its environment variable.
    pub fn of(settings: &settle_store::settings::Settings) -> LrsConfig {
        LrsConfig::from_env_or(&settings.lrs_endpoint, &settings.lrs_key, &settings.lrs_secret)
    }

    /// An endpoint is set; without one nothing is queued or sent.
    pub fn is_set(&self) -> bool {
        !self.endpoint.trim().is_empty()
    }

    /// The `statements` resource under the endpoint.
    pub fn statements_url(&self) -> String {
        let base = self.endpoint.trim();
        let base = base.strip_suffix("/statements").unwrap_or(base);
        format!("{}/statements", base.trim_end_matches('/'))
    }

    /// The `Authorization` header's value: Basic with key and secret.
    pub fn authorization(&self) -> String {
        use base64::Engine as _;
        let pair = format!("{}:{}", self.key, self.secret);
        format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(pair))
    }
}

/// Every statement a finished call sends: the call itself first, then one per reply.
pub fn statements(report: &Report) -> Vec<Value> {
    let row = Row::of(report);
    let mut all = vec![xapi_statement(&row)];
    all.extend(xapi_answered(report));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_and_credentials_become_url_and_header() {
        let config = LrsConfig {
            endpoint: " http://127.0.0.1:8100/xAPI/ ".into(),
            key: "settle".into(),
            secret: "s3cret".into(),
        };
        assert_eq!(config.statements_url(), "http://127.0.0.1:8100/xAPI/statements");
        let same = LrsConfig { endpoint: "http://h/xAPI/statements".into(), ..config.clone() };
        assert_eq!(same.statements_url(), "http://h/xAPI/statements");
        // base64("settle:s3cret")
        assert_eq!(config.authorization(), "Basic c2V0dGxlOnMzY3JldA==");
        assert!(config.is_set());
        assert!(!LrsConfig::default().is_set());
    }
}
