//! An operations line: `OperationLine::parse`, `operation()`, then `check` against a fixed
//! valid gateway (token-only, several currencies). Nothing panics; every refusal has a code
//! and a message.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use stripe_gateway_rules::config::{GatewayConfig, ValidatedGateway};
use stripe_gateway_rules::operation::OperationLine;

const GATEWAY: &str = r#"{
  "name": "Stripe fuzz", "version": "v2", "mode": "test",
  "auth": { "scheme": "api_key", "secret_key": "sk_test_4eC39HqLyjWDarjtT1zdp7dc" },
  "account": { "settlement_currency": "USD", "raw_card_data_access": true, "country": "JP" },
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
        GatewayConfig::from_json(GATEWAY)
            .expect("the fixed gateway parses")
            .validate()
            .expect("the fixed gateway is valid")
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(line) = std::str::from_utf8(data) else {
        return;
    };
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
            if let Err(e) = gateway().check(&op) {
                assert!(!e.code().is_empty());
                assert!(!e.to_string().is_empty());
            }
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
