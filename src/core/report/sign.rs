//! Tamper evidence: a report carries an HMAC-SHA256 of its own content under the
//! organisation's key, so that a trainee cannot quietly edit a score. The key comes from the
//! `SETTLE_ORG_KEY` environment variable or the app's settings; without a key reports are
//! saved unsigned and shown as such.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::core::report::Report;
use crate::core::report::store::encode;

/// The environment variable holding the organisation's signing key.
pub const ORG_KEY_ENV: &str = "SETTLE_ORG_KEY";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Signature {
    /// Signed, and the content matches under the key.
    Valid,
    /// Signed, but the content or the key does not match: the report was changed.
    Mismatch,
    /// Not signed.
    Unsigned,
    /// Signed, but there is no key here to check it with.
    Unchecked,
}

fn mac(report: &Report, key: &[u8]) -> Option<Hmac<Sha256>> {
    let mut unsigned = report.clone();
    unsigned.signature = None;
    let text = encode(&unsigned).ok()?;
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).ok()?;
    mac.update(text.as_bytes());
    Some(mac)
}

/// Signs the report in place (hex HMAC-SHA256 of its content without the signature).
pub fn sign(report: &mut Report, key: &[u8]) {
    report.signature = mac(report, key).map(|m| {
        let bytes = m.finalize().into_bytes();
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    });
}

pub fn check(report: &Report, key: Option<&[u8]>) -> Signature {
    let Some(signature) = &report.signature else { return Signature::Unsigned };
    let Some(key) = key else { return Signature::Unchecked };
    let Some(bytes) = hex(signature) else { return Signature::Mismatch };
    match mac(report, key).map(|m| m.verify_slice(&bytes)) {
        Some(Ok(())) => Signature::Valid,
        _ => Signature::Mismatch,
    }
}

fn hex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len()).step_by(2).map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok()).collect()
}

/// The key from the environment, else from a setting; empty means none.
pub fn org_key(setting: &str) -> Option<Vec<u8>> {
    std::env::var(ORG_KEY_ENV)
        .ok()
        .filter(|k| !k.is_empty())
        .or_else(|| (!setting.is_empty()).then(|| setting.to_string()))
        .map(String::into_bytes)
}
