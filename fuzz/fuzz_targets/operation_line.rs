//! An operations line: `OperationLine::parse`, `operation()`, then `check` against a fixed
//! valid gateway (token-only, several currencies, a statement descriptor prefix), and the
//! request fields (issue 20): `check_request` against the gateway's prefix, and `record_key`
//! twice in a fresh ledger (a line with a key is then a retry). Nothing panics; every refusal
//! and request error has a code and a message. Seeds: `examples/operations.jsonl` and
//! `examples/billing-run.jsonl` (descriptors, metadata, descriptions, idempotency keys).
//!
//! No leak: a marker secret derived from the input (see `fuzz/src/lib.rs`) is put into the
//! line (a key or a value of the parsed JSON, or spliced into the text), and no 12-character
//! window of its body may appear in the `LineError` (`Display`, `Debug`), the parsed line's
//! or the operation's `Debug`, or the refusal (`Display`, `Debug`, end-user message).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use stripe_gateway_rules::config::{Form, ValidatedGateway};
use stripe_gateway_rules::diagnostics::ToViolation;
use stripe_gateway_rules::operation::OperationLine;
use stripe_gateway_rules::request::IdempotencyLedger;
use stripe_gateway_rules_fuzz::{Marker, Rng};

const GATEWAY: &str = r#"{
  "name": "Stripe fuzz", "version": "v2", "mode": "test",
  "auth": { "scheme": "api_key", "secret_key": "sk_test_4eC39HqLyjWDarjtT1zdp7dc" },
  "account": { "settlement_currency": "USD", "raw_card_data_access": true, "country": "JP",
               "statement_descriptor": "ACME BILLING", "statement_descriptor_prefix": "ACMEBILL" },
  "data_protection": "token_only",
  "card_brands": ["visa", "mastercard", "amex"],
  "currencies": [
    { "currency": "USD", "minimum_payment": "0.50" },
    { "currency": "JPY", "minimum_payment": "100" },
    { "currency": "ISK", "minimum_payment": "100.00", "rate_to_settlement": "0.0072" }
  ]
}"#;

fn gateway() -> &'static ValidatedGateway {
    static GATEWAY_ONCE: OnceLock<ValidatedGateway> = OnceLock::new();
    GATEWAY_ONCE.get_or_init(|| {
        let loaded = Form::from_json(GATEWAY).expect("the fixed gateway parses");
        loaded
            .validate(&loaded.profile())
            .expect("the fixed gateway is valid")
            .into_gateway()
            .expect("the fixed gateway has the payment fields")
    })
}

/// Parse, `operation()` and `check` on `line`, which holds the marker.
fn check_no_leak(line: &str, m: &Marker) {
    let parsed = match OperationLine::parse(line) {
        Ok(parsed) => parsed,
        Err(e) => {
            // Known finding 6: the message is serde_json's, which quotes refused values and
            // unknown field names.
            m.assert_clean_known("6", "LineError (parse, Display)", &e.to_string());
            m.assert_clean_known("6", "LineError (parse, Debug)", &format!("{e:?}"));
            return;
        }
    };
    // Known finding 4 (tests/fuzz_findings.rs): the derived `Debug` prints every field whole.
    m.assert_clean_known("4", "OperationLine (Debug)", &format!("{parsed:?}"));
    match parsed.operation() {
        Ok(op) => {
            // Known finding 7: the derived `Debug` prints the customer's email whole.
            m.assert_clean_known("7", "Operation (Debug)", &format!("{op:?}"));
            if let Err(e) = parsed.check_request(gateway().statement_descriptor_prefix()) {
                m.assert_display_debug("RequestError", &e);
                m.assert_display_debug("RequestError violation", &e.to_violation("line".into()));
            }
            if let Err(refusal) = gateway().check(&op) {
                m.assert_display_debug("Refusal", &refusal);
                m.assert_clean(
                    "Refusal::end_user_message",
                    &refusal.end_user_message().to_string(),
                );
                m.assert_display_debug("Refusal violation", &refusal.to_violation("line".into()));
            }
        }
        // Known finding 8: a time's error ends with jiff's own message, which quotes the
        // unparsed rest of the input ("… but unparsed input \"…\" remains").
        Err(e) if e.to_string().contains("unparsed input") => {
            m.assert_clean_known("8", "LineError (operation, Display)", &e.to_string());
        }
        Err(e) => m.assert_display_debug("LineError (operation)", &e),
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(line) = std::str::from_utf8(data) else {
        return;
    };
    let mut rng = Rng::from_input(data);
    let marker = Marker::new(&mut rng);
    check_no_leak(&marker.embed_json_text(line, &mut rng), &marker);
    let parsed = match OperationLine::parse(line) {
        Ok(parsed) => parsed,
        Err(e) => {
            assert_eq!(e.code(), "invalid_input");
            return;
        }
    };
    match parsed.operation() {
        Ok(op) => {
            assert!(!op.name().is_empty());
            if let Err(e) = parsed.check_request(gateway().statement_descriptor_prefix()) {
                assert!(!e.code().as_str().is_empty());
                assert!(!e.to_string().is_empty());
            }
            let mut ledger = IdempotencyLedger::new(4);
            let first = parsed.record_key(&mut ledger, 1);
            let again = parsed.record_key(&mut ledger, 2);
            match parsed.idempotency_key() {
                None => assert!(first == Ok(None) && again == Ok(None)),
                Some(_) => {
                    assert_eq!(first, Ok(None));
                    let warning = again.expect("the same line is a retry").expect("a warning");
                    assert_eq!(warning.code(), "idempotency_key_retried");
                    assert_eq!(warning.earlier_line(), Some(1));
                }
            }
            if let Err(e) = gateway().check(&op) {
                assert!(!e.code().as_str().is_empty());
                assert!(!e.to_string().is_empty());
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
