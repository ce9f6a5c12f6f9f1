//! Tamper evidence: a report carries an HMAC-SHA256 of its own content under the
//! organisation's key, so that a trainee cannot quietly edit a score. The key comes from the
//! `SETTLE_ORG_KEY` environment variable or the settings file shared by the app and the command
//! line (`crate::settings`); without a key reports are saved unsigned and shown as such.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

use crate::report::Report;
use crate::report::store::encode;

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

/// [`check`] for a report read from `text`, without encoding the report again when the file
/// is as Settle wrote it: the signed content is then the file itself with the signature
/// written as `None`, so only a hash of the text is needed. Any other text (reformatted,
/// edited) falls back to the full check, so the answer is always [`check`]'s.
pub fn check_text(report: &Report, text: &str, key: Option<&[u8]>) -> Signature {
    let Some(signature) = &report.signature else { return Signature::Unsigned };
    let Some(key) = key else { return Signature::Unchecked };
    let written = format!("signature: Some(\"{signature}\")");
    if let (Some(at), Some(bytes)) = (text.rfind(&written), hex(signature))
        && let Ok(mut mac) = <Hmac<Sha256> as KeyInit>::new_from_slice(key)
    {
        mac.update(&text.as_bytes()[..at]);
        mac.update(b"signature: None");
        mac.update(&text.as_bytes()[at + written.len()..]);
        if mac.verify_slice(&bytes).is_ok() {
            return Signature::Valid;
        }
    }
    check(report, Some(key))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::store::{decode, encode};

    fn signed_report_text(key: &[u8]) -> String {
        use crate::report::{CallId, CallTimes};
        use settle_core::call::Mode;
        use settle_core::engine::CallEngine;
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let assets = &root.join("tests/data/assets");
        let loaded = crate::library::load_file(&root.join("tests/data/good/minimal.ron"), assets);
        let persona = loaded.persona.expect("the minimal test persona loads");
        let (mut engine, _) = CallEngine::start(persona, Mode::Practice, 3);
        while !engine.is_over() {
            engine.choose_listed(1).expect("offered");
        }
        let at = chrono::DateTime::UNIX_EPOCH;
        let times = CallTimes { started_at: at, ended_at: at };
        let mut report =
            Report::new(&engine, "Anna", Default::default(), times, CallId::new()).expect("over");
        sign(&mut report, key);
        encode(&report).expect("encodes")
    }

    #[test]
    fn the_text_check_agrees_with_the_full_check() {
        let text = signed_report_text(b"k");
        let report = decode(text.as_bytes()).expect("decodes");
        assert_eq!(check_text(&report, &text, Some(b"k")), Signature::Valid);
        assert_eq!(check_text(&report, &text, Some(b"other")), Signature::Mismatch);
        assert_eq!(check_text(&report, &text, None), Signature::Unchecked);
        // Reformatted but equal content: the fast path misses, the full check still says valid.
        let spaced = text.replace("\n", "\n ");
        let same = decode(spaced.as_bytes()).expect("still decodes");
        assert_eq!(check_text(&same, &spaced, Some(b"k")), Signature::Valid);
        // Another trainee's name written in: the text differs and so does the content.
        let forged = text.replacen("\"Anna\"", "\"Anne\"", 1);
        assert_ne!(forged, text);
        let forged_report = decode(forged.as_bytes()).expect("still decodes");
        assert_eq!(check_text(&forged_report, &forged, Some(b"k")), Signature::Mismatch);
    }
}
