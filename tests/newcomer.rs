//! Issue 14: what a newcomer tripped over, one test per item, each named after it. (The other
//! items are tested beside their concept: `tests/minimum.rs`
//! `approximate_verdict_says_what_was_compared_and_the_settlement_currency`,
//! `tests/credentials.rs` `a_key_body_longer_than_stripes_longest_is_body_too_long`,
//! `tests/profiles.rs` for the minimum written with its currency, swapped keys and restricted
//! keys, `tests/card_brand.rs` `card_brands_debug_lists_the_brands`, `tests/cli.rs`
//! `issue_14_blank_lines_are_skipped_and_still_counted`.)
#![cfg(feature = "serde")]

use stripe_gateway_rules::Form;
use stripe_gateway_rules::operation::OperationLine;

#[test]
fn validated_gateways_debug_shows_the_brands_not_a_count() {
    let json = r#"{
      "name": "Stripe USD", "version": "v2", "mode": "test",
      "auth": { "scheme": "api_key", "secret_key": "sk_test_4eC39HqLyjWDarjtT1zdp7dc" },
      "account": { "settlement_currency": "USD" },
      "card_brands": ["visa", "mastercard", "amex"],
      "currencies": [{ "currency": "USD", "minimum_payment": "0.50" }]
    }"#;
    let gateway = Form::from_json(json)
        .unwrap()
        .validate(&stripe_gateway_rules::Platform::Generic.profile())
        .unwrap()
        .into_gateway()
        .unwrap();
    let debug = format!("{gateway:?}");
    assert!(debug.contains("{visa, mastercard, amex}"), "{debug}");
    assert!(!debug.contains("CardBrands("), "{debug}");
}

#[test]
fn every_line_error_is_worded_for_an_operator() {
    for line in ["null", "[]", "42", "\"sale\"", "{\"op\": 1}", "{", ""] {
        let err = OperationLine::parse(line).unwrap_err().to_string();
        for rust in [
            "OperationLine",
            "struct",
            "enum",
            "Option<",
            "invalid type:",
        ] {
            assert!(!err.contains(rust), "{line:?}: {err}");
        }
    }
}
