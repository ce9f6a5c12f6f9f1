//! Tamper evidence: a report carries an HMAC-SHA256 of its own content under the
//! organisation's key, so that a trainee cannot quietly edit a score. The key comes from the
//! `SETTLE_ORG_KEY` environment variable or the settings file shared by the app and the command
//! line (`crate::settings`); without a key reports are saved unsigned and shown as such.
//!
//! What is signed depends on the report's format: a JSON report (format 2) signs its canonical
//! serde_json serialization with `signature: null`; an old RON report (format 1) signed its
//! pretty RON text with `signature: None`, and is still checked that way. The summary row in
//! front of a JSON report is not signed: [`verify_file`] checks that it is the report's own.
//! Nothing here may ever sign a report as valid that a key holder did not sign.

use hmac::{Hmac, KeyInit, Mac};
use serde::Deserialize;
use sha2::Sha256;

use crate::report::row::Row;
use crate::report::store::{SkipReason, as_text, decode_text, encode_ron, is_json};
use crate::report::{REPORT_FORMAT, RON_REPORT_FORMAT, Report};

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
    /// Not checked yet: the reports index shows rows before it reads whole files.
    Pending,
}

/// The bytes a signature covers: the report without its signature, as its format writes it.
fn signed_bytes(report: &Report) -> Option<Vec<u8>> {
    let mut unsigned = report.clone();
    unsigned.signature = None;
    if report.format == RON_REPORT_FORMAT {
        encode_ron(&unsigned).ok().map(String::into_bytes)
    } else {
        serde_json::to_vec(&unsigned).ok()
    }
}

fn mac(report: &Report, key: &[u8]) -> Option<Hmac<Sha256>> {
    let bytes = signed_bytes(report)?;
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key).ok()?;
    mac.update(&bytes);
    Some(mac)
}

/// Signs the report in place (hex HMAC-SHA256 of its content without the signature).
pub fn sign(report: &mut Report, key: &[u8]) {
    report.signature = mac(report, key).map(|m| {
        let bytes = m.finalize().into_bytes();
        hex::encode(bytes)
    });
}

pub fn check(report: &Report, key: Option<&[u8]>) -> Signature {
    let Some(signature) = &report.signature else { return Signature::Unsigned };
    let Some(key) = key else { return Signature::Unchecked };
    let Some(bytes) = hex::decode(signature).ok() else { return Signature::Mismatch };
    match mac(report, key).map(|m| m.verify_slice(&bytes)) {
        Some(Ok(())) => Signature::Valid,
        _ => Signature::Mismatch,
    }
}

/// [`check`] for a report read from `text` (an old RON file, or the report part of a JSON
/// file), without encoding the report again when the text is as Settle wrote it: the signed
/// content is then the text itself with the signature written as none, so only a hash of the
/// text is needed. Any other text (reformatted, edited) falls back to the full check, so the
/// answer is always [`check`]'s.
pub fn check_text(report: &Report, text: &str, key: Option<&[u8]>) -> Signature {
    let Some(signature) = &report.signature else { return Signature::Unsigned };
    let Some(key) = key else { return Signature::Unchecked };
    let (written, none) = if report.format == RON_REPORT_FORMAT {
        (format!("signature: Some(\"{signature}\")"), "signature: None")
    } else {
        (format!("\"signature\":\"{signature}\""), "\"signature\":null")
    };
    if let (Some(at), Some(bytes)) = (text.rfind(&written), hex::decode(signature).ok())
        && let Ok(mut mac) = <Hmac<Sha256> as KeyInit>::new_from_slice(key)
    {
        mac.update(&text.as_bytes()[..at]);
        mac.update(none.as_bytes());
        mac.update(&text.as_bytes()[at + written.len()..]);
        if mac.verify_slice(&bytes).is_ok() {
            return Signature::Valid;
        }
    }
    check(report, Some(key))
}

/// A whole report file checked: decoded and plausible, its row (if it has one up front) the
/// report's own, and its signature. A row that disagrees with its report was edited after
/// saving, and says [`Signature::Mismatch`] whatever the signature.
pub fn verify_file(bytes: &[u8], key: Option<&[u8]>) -> Result<(Row, Signature), SkipReason> {
    if !is_json(bytes) {
        let text = as_text(bytes)?;
        let report = decode_text(text)?;
        return Ok((Row::of(&report), check_text(&report, text, key)));
    }
    /// The report part kept as text, so that its signature is checked on the bytes written.
    #[derive(Deserialize)]
    struct Raw<'a> {
        row: Row,
        #[serde(borrow)]
        report: &'a serde_json::value::RawValue,
    }
    let parsed = serde_json::from_slice::<Raw<'_>>(bytes)
        .ok()
        .and_then(|raw| Some((serde_json::from_str::<Report>(raw.report.get()).ok()?, raw)));
    let Some((report, raw)) = parsed else {
        // Damage and versions are named as a full read names them.
        return crate::report::store::decode_json(bytes).map(|(row, _)| (row, Signature::Mismatch));
    };
    let format = raw.row.format.max(report.format);
    if format != REPORT_FORMAT {
        return Err(SkipReason::UnsupportedFormat(format));
    }
    if let Some(why) = raw.row.implausibility().or_else(|| report.implausibility()) {
        return Err(SkipReason::Implausible(why));
    }
    if Row::of(&report) != raw.row {
        return Ok((raw.row, Signature::Mismatch));
    }
    let signature = check_text(&report, raw.report.get(), key);
    Ok((raw.row, signature))
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

    fn signed_report(key: &[u8]) -> Report {
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
        report
    }

    /// An old RON report, signed as format 1 signed it.
    fn signed_ron_text(key: &[u8]) -> String {
        let mut report = signed_report(key);
        report.format = RON_REPORT_FORMAT;
        sign(&mut report, key);
        encode_ron(&report).expect("encodes")
    }

    #[test]
    fn a_json_report_verifies_and_an_edit_anywhere_is_found() {
        let text = encode(&signed_report(b"k")).expect("encodes");
        let verdict = |text: &str, key: &[u8]| verify_file(text.as_bytes(), Some(key)).map(|(_, s)| s);
        assert_eq!(verdict(&text, b"k"), Ok(Signature::Valid));
        assert_eq!(verdict(&text, b"other"), Ok(Signature::Mismatch));
        // Another trainee's name in the row only, or in the report only: both are edits.
        let in_row = text.replacen("\"trainee\":\"Anna\"", "\"trainee\":\"Anne\"", 1);
        assert_ne!(in_row, text);
        assert_eq!(verdict(&in_row, b"k"), Ok(Signature::Mismatch));
        let at = text.rfind("\"trainee\":\"Anna\"").expect("in the report");
        let in_report = format!("{}\"trainee\":\"Anne\"{}", &text[..at], &text[at + 16..]);
        assert_eq!(verdict(&in_report, b"k"), Ok(Signature::Mismatch));
        // Unsigned, and consistent: unsigned.
        let mut plain = signed_report(b"k");
        plain.signature = None;
        let plain = encode(&plain).expect("encodes");
        assert_eq!(verdict(&plain, b"k"), Ok(Signature::Unsigned));
    }

    #[test]
    fn the_text_check_agrees_with_the_full_check() {
        let text = signed_ron_text(b"k");
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
