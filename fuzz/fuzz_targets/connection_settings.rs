//! Connection settings (S1): `ConnectionSettingsConfig` and `ConnectionSettings` from JSON
//! through serde, and a draft built field by field; `check()` and `validate()`. Nothing
//! panics; `validate()` succeeds exactly when `check()` has no error.
//!
//! No leak: a marker secret derived from the input (see `fuzz/src/lib.rs`) is put into the
//! JSON (a key or a value, or spliced into the text) or into one text field of the draft
//! (`name`, `timeout_ms`, `secret_key`, `api_version`; replacing it or after what was typed),
//! and no 12-character window of its body may appear in the deserialization error
//! (`Display`, `Debug`), the draft's or the settings' `Debug`, or the report (`Display`,
//! `Debug`, JSON).
//!
//! Input: JSON for the serde path; the same text split at newlines (name, timeout, secret
//! key, API version) for the field-by-field path. Seeds: `fuzz/seed.sh`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stripe_gateway_rules::connection::{ConnectionSettings, ConnectionSettingsConfig};
use stripe_gateway_rules_fuzz::{Marker, Rng};

/// `check()` and `validate()` of `draft`, which holds the marker somewhere.
fn check_draft(draft: &ConnectionSettingsConfig, m: &Marker) {
    m.assert_debug("ConnectionSettingsConfig", draft);
    let problems = draft.check();
    m.assert_display_debug("check()", &problems);
    m.assert_json("check()", &problems);
    for v in problems.violations() {
        m.assert_display_debug("check() violation", v);
    }
    match draft.validate() {
        Ok(settings) => {
            assert!(
                problems.is_valid(),
                "validate() accepted a draft with errors"
            );
            // Known finding 5: the derived `Debug` prints the name whole.
            m.assert_clean_known("5", "ConnectionSettings (Debug)", &format!("{settings:?}"));
            m.assert_debug("ConnectionSettings::secret_key", settings.secret_key());
            m.assert_clean(
                "ConnectionSettings::secret_key().redacted()",
                &settings.secret_key().redacted(),
            );
        }
        Err(report) => {
            assert!(!report.is_valid());
            assert!(
                !problems.is_valid(),
                "validate() refused a draft without errors"
            );
            m.assert_display_debug("validate() report", &report);
            m.assert_json("validate() report", &report);
        }
    }
}

/// The serde path on `json`, which holds the marker. serde_json's own messages quote the
/// values they refuse (`invalid type: string "…", expected a boolean`) and unknown field
/// names: a known finding (tests/fuzz_findings.rs, finding 1), skipped unless FUZZ_STRICT.
fn check_json(json: &str, m: &Marker) {
    match serde_json::from_str::<ConnectionSettingsConfig>(json) {
        Ok(draft) => check_draft(&draft, m),
        Err(e) => {
            m.assert_clean_known(
                "1",
                "ConnectionSettingsConfig serde error (Display)",
                &e.to_string(),
            );
            m.assert_clean_known(
                "1",
                "ConnectionSettingsConfig serde error (Debug)",
                &format!("{e:?}"),
            );
        }
    }
    match serde_json::from_str::<ConnectionSettings>(json) {
        Ok(settings) => m.assert_clean_known(
            "5",
            "ConnectionSettings (serde, Debug)",
            &format!("{settings:?}"),
        ),
        Err(e) => {
            m.assert_clean_known(
                "1",
                "ConnectionSettings serde error (Display)",
                &e.to_string(),
            );
            m.assert_clean_known(
                "1",
                "ConnectionSettings serde error (Debug)",
                &format!("{e:?}"),
            );
        }
    }
}

/// A draft built field by field from the lines of `text`, the marker in one field.
fn check_fields(text: &str, m: &Marker, rng: &mut Rng) {
    let mut lines = text.split('\n');
    let mut fields: [Option<String>; 4] = Default::default();
    for field in &mut fields {
        *field = lines.next().map(str::to_owned);
    }
    let target = rng.below(fields.len());
    fields[target] = Some(match (fields[target].take(), rng.below(2)) {
        (Some(typed), 0) => format!("{typed}{}", m.pasted),
        _ => m.pasted.clone(),
    });
    let [name, timeout_ms, secret_key, api_version] = fields;
    let mut draft = ConnectionSettingsConfig::default();
    draft.name = name;
    draft.timeout_ms = timeout_ms;
    draft.secret_key = secret_key.map(Into::into);
    draft.api_version = api_version;
    draft.active = rng.below(2) == 0;
    draft.is_source = rng.below(2) == 0;
    draft.is_target = rng.below(2) == 0;
    check_draft(&draft, m);
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut rng = Rng::from_input(data);
    let marker = Marker::new(&mut rng);
    check_json(&marker.embed_json_text(text, &mut rng), &marker);
    check_fields(text, &marker, &mut rng);
});
