//! Stripe's error bodies (stripe-facts §1, §3–§5): `StripeError::from_json`, the same error
//! built field by field, `StripeError::diagnose()`, and `stripe_error::diagnose(code, message)`.
//! Nothing panics; a known code is classified by its code or message, never by nothing.
//!
//! No leak: a marker secret derived from the input (see `fuzz/src/lib.rs`) is put into the
//! body (a key or a value of the parsed JSON, or spliced into the text) and into one field of
//! a `StripeError` built with its `with_*` methods, and given as the `code` or the `message`
//! of `diagnose`; no 12-character window of its body may appear in the body error
//! (`Display`, `Debug`), the `StripeError`'s `Debug`, or the diagnoses (`Display`, `Debug`,
//! JSON, each amount's `Display`).
//!
//! Seeds: `fuzz/seed.sh`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stripe_gateway_rules::codes::ErrorCategoryCode;
use stripe_gateway_rules::stripe_error::{ClassifiedBy, StripeError, diagnose};
use stripe_gateway_rules_fuzz::{Marker, Rng};

fn check_error(error: &StripeError, m: &Marker) {
    m.assert_debug("StripeError", error);
    let d = error.diagnose();
    if d.classified_by() == ClassifiedBy::Nothing {
        assert_eq!(d.category(), ErrorCategoryCode::Unknown);
    }
    m.assert_display_debug("ErrorDiagnosis", &d);
    m.assert_json("ErrorDiagnosis", &d);
    for amount in d.amounts() {
        m.assert_display_debug("MessageAmount", amount);
    }
    if let Some(rule) = d.rule() {
        m.assert_display_debug("Diagnosis", rule);
    }
}

fn check_diagnose(code: Option<&str>, message: Option<&str>, m: &Marker) {
    if let Some(d) = diagnose(code, message) {
        m.assert_display_debug("diagnose()", &d);
        m.assert_json("diagnose()", &d);
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut rng = Rng::from_input(data);
    let marker = Marker::new(&mut rng);

    // The body.
    let body = marker.embed_json_text(text, &mut rng);
    match StripeError::from_json(&body) {
        Ok(error) => check_error(&error, &marker),
        Err(e) => {
            assert!(!e.code().as_str().is_empty());
            marker.assert_display_debug("ErrorBodyError", &e);
        }
    }
    // The fuzzed body as is: no panic, and an error has a code.
    match StripeError::from_json(text) {
        Ok(error) => {
            let _ = error.diagnose();
        }
        Err(e) => assert!(!e.code().as_str().is_empty()),
    }

    // Field by field: the text in every field, the marker in one (after the text or alone).
    let mut values: Vec<String> = vec![text.to_owned(); 6];
    let target = rng.below(values.len());
    values[target] = if rng.below(2) == 0 {
        marker.splice(text, &mut rng)
    } else {
        marker.pasted.clone()
    };
    let error = StripeError::new()
        .with_type(&values[0])
        .with_code(&values[1])
        .with_decline_code(&values[2])
        .with_param(&values[3])
        .with_message(&values[4])
        .with_payment_intent_status(&values[5]);
    check_error(&error, &marker);

    // `diagnose(code, message)`.
    let spliced = marker.splice(text, &mut rng);
    check_diagnose(Some(&spliced), Some(text), &marker);
    check_diagnose(Some(text), Some(&spliced), &marker);
    check_diagnose(None, Some(&spliced), &marker);
});
