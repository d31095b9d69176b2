//! Amounts: `parse_amount` and `Money`'s `FromStr` on any text; on success the exact
//! conversion to Stripe's minor units and back, and every rounding mode; and any integer of
//! minor units in any currency through `from_minor_units` and back.
//!
//! No leak: the text with a marker secret spliced in (see `fuzz/src/lib.rs`), and the marker
//! alone, go through `parse_amount`, `Money::from_str` and `parse_currency`; no error's
//! `Display` or `Debug` holds a 12-character window of its body.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stripe_gateway_rules::money::{MinorUnits, Money, RoundingMode, max_minor_units, parse_amount};
use stripe_gateway_rules::{Currency, currency::parse_currency};
use stripe_gateway_rules_fuzz::{Marker, Rng};

const MODES: [RoundingMode; 7] = [
    RoundingMode::HalfUp,
    RoundingMode::HalfDown,
    RoundingMode::HalfEven,
    RoundingMode::Up,
    RoundingMode::Down,
    RoundingMode::Ceiling,
    RoundingMode::Floor,
];

/// The conversions of a parsed amount: exact, reversible, rounding only when asked.
fn check_money(money: Money) {
    let step = money.rule().step();
    match money.to_minor_units() {
        Ok(minor) => {
            assert!(
                minor.get().unsigned_abs()
                    <= max_minor_units(money.currency()).get().unsigned_abs()
            );
            assert_eq!(minor.get() % money.rule().multiple_of(), 0);
            let back =
                Money::from_minor_units(minor, money.currency()).expect("the inverse accepts it");
            assert_eq!(
                back.amount(),
                money.amount(),
                "{money} -> {minor} -> {back}"
            );
            assert_eq!(back.amount().scale(), money.rule().exponent());
        }
        Err(e) => assert!(!e.code().as_str().is_empty()),
    }
    for mode in MODES {
        if let Ok(rounded) = money.round_to_stripe(mode) {
            assert!(
                rounded.to_minor_units().is_ok(),
                "{money} rounded {mode:?} to {rounded}"
            );
            let diff = (rounded.amount() - money.amount()).abs();
            assert!(
                diff < step,
                "{money} rounded {mode:?} to {rounded}, more than a step away"
            );
            if money.to_minor_units().is_ok() {
                assert_eq!(
                    rounded.amount(),
                    money.amount(),
                    "an accepted amount is not rounded"
                );
            }
        }
    }
}

/// The amount parsers on `text`, which holds the marker.
fn check_no_leak(text: &str, m: &Marker) {
    match parse_amount(text) {
        Ok(amount) => m.assert_display_debug("parse_amount", &amount),
        Err(e) => m.assert_display_debug("parse_amount error", &e),
    }
    match text.parse::<Money>() {
        Ok(money) => m.assert_display_debug("Money", &money),
        Err(e) => m.assert_display_debug("Money error", &e),
    }
    match parse_currency(text) {
        Ok(currency) => m.assert_debug("Currency", &currency),
        Err(e) => m.assert_display_debug("parse_currency error", &e),
    }
}

fuzz_target!(|data: &[u8]| {
    // Any integer of minor units, in a currency picked by two bytes.
    if data.len() >= 10 {
        let minor = i64::from_le_bytes(data[..8].try_into().expect("8 bytes"));
        let numeric = u16::from_le_bytes([data[8], data[9]]) % 1000;
        if let Some(currency) = Currency::from_numeric(numeric)
            && let Ok(money) = Money::from_minor_units(MinorUnits::new(minor), currency)
        {
            assert_eq!(money.to_minor_units(), Ok(MinorUnits::new(minor)));
        }
    }
    let mut rng = Rng::from_input(data);
    let marker = Marker::new(&mut rng);
    check_no_leak(&marker.pasted, &marker);
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    check_no_leak(&marker.splice(s, &mut rng), &marker);
    if let Ok(amount) = parse_amount(s) {
        for code in ["USD", "JPY", "ISK", "KWD", "HUF", "IDR", "MGA"] {
            check_money(Money::new(amount, parse_currency(code).expect("a code")));
        }
    }
    match s.parse::<Money>() {
        Ok(money) => {
            assert_eq!(money.to_string().parse::<Money>(), Ok(money));
            check_money(money);
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
