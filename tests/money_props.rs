//! Property tests: conversions are lossless, never panic, never overflow silently.
//!
//! Sources: rules.md §5 ("Conversions must be lossless and overflow-free for every input";
//! "No silent rounding"); stripe-facts §1.2, §2.

use proptest::prelude::*;
use rust_decimal::Decimal;
use stripe_gateway_rules::currency::{Currency, parse_currency};
use stripe_gateway_rules::minimum::check_minimum;
use stripe_gateway_rules::money::{ExchangeRate, MinorUnits, Money, RoundingMode, max_minor_units};

const MANTISSA_MAX: i128 = (1 << 96) - 1;

fn all_currencies() -> Vec<Currency> {
    (0u16..1000).filter_map(Currency::from_numeric).collect()
}

fn currency() -> impl Strategy<Value = Currency> {
    prop::sample::select(all_currencies())
}

/// Any `Decimal`: any mantissa a `Decimal` can hold, any scale 0..=28; plus small amounts
/// with few decimals, which hit the accepted values more often.
fn decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (any::<i128>(), 0u32..=28).prop_map(|(m, s)| {
            Decimal::try_from_i128_with_scale(m % (MANTISSA_MAX + 1), s).unwrap()
        }),
        (-1_000_000_000_000_000i128..1_000_000_000_000_000, 0u32..=5)
            .prop_map(|(m, s)| Decimal::try_from_i128_with_scale(m, s).unwrap()),
    ]
}

fn money() -> impl Strategy<Value = Money> {
    (decimal(), currency()).prop_map(|(d, c)| Money::new(d, c))
}

fn rounding_mode() -> impl Strategy<Value = RoundingMode> {
    prop::sample::select(vec![
        RoundingMode::HalfUp,
        RoundingMode::HalfDown,
        RoundingMode::HalfEven,
        RoundingMode::Up,
        RoundingMode::Down,
        RoundingMode::Ceiling,
        RoundingMode::Floor,
    ])
}

/// Every accepted minor-unit amount of a currency: a multiple of its step within the maximum.
fn accepted_minor() -> impl Strategy<Value = (Currency, i64)> {
    currency().prop_flat_map(|c| {
        let step = Money::new(Decimal::ZERO, c).rule().multiple_of();
        let max = max_minor_units(c).get();
        (Just(c), (-max / step)..=(max / step)).prop_map(move |(c, k)| (c, k * step))
    })
}

proptest! {
    // rules.md §5: lossless both ways for every representable amount in every currency.
    #[test]
    fn from_to_minor_units_round_trip((c, minor) in accepted_minor()) {
        let m = Money::from_minor_units(MinorUnits::new(minor), c).unwrap();
        prop_assert_eq!(m.to_minor_units().unwrap().get(), minor);
        prop_assert_eq!(m.amount().scale(), m.rule().exponent());
        prop_assert_eq!(Money::from_minor_units(m.to_minor_units().unwrap(), c).unwrap(), m);
    }

    // rules.md §5: money that converts to minor units converts back to itself.
    #[test]
    fn to_from_minor_units_round_trip(m in money()) {
        if let Ok(minor) = m.to_minor_units() {
            prop_assert_eq!(Money::from_minor_units(minor, m.currency()), Ok(m));
        }
    }

    // rules.md §5: overflow-free; if Ok, minor = amount × 10^exponent exactly.
    #[test]
    fn minor_units_are_exact_or_an_error(m in money()) {
        match m.to_minor_units() {
            Ok(minor) => {
                let exponent = m.rule().exponent();
                let scaled = Decimal::new(minor.get(), exponent);
                prop_assert_eq!(scaled, m.amount());
                let factor = Decimal::from(10_i64.pow(exponent));
                prop_assert_eq!(m.amount().checked_mul(factor), Some(Decimal::from(minor.get())));
                prop_assert!(minor.get().unsigned_abs() <= max_minor_units(m.currency()).get().unsigned_abs());
                prop_assert_eq!(minor.get() % m.rule().multiple_of(), 0);
            }
            Err(e) => {
                prop_assert!(["amount_precision", "amount_too_large", "amount_not_multiple"].contains(&e.code().as_str()));
                // Messages never panic and stay lowercase without a trailing period.
                let text = e.to_string();
                prop_assert!(text.starts_with("amount "));
                prop_assert!(!text.ends_with('.'));
            }
        }
    }

    // rules.md §5: no panic for any Decimal and any currency, in any entry point.
    #[test]
    fn nothing_panics(m in money(), mode in rounding_mode(), settlement in currency(), r in decimal()) {
        let _ = m.to_minor_units();
        let _ = m.to_string();
        let _ = check_minimum(m, settlement, None);
        if let Ok(rate) = ExchangeRate::new(m.currency(), settlement, r) {
            let _ = rate.convert(m);
            let _ = check_minimum(m, settlement, Some(&rate));
        }
        match m.round_to_stripe(mode) {
            Ok(rounded) => {
                // What the helper returns is always accepted, and within one step.
                prop_assert!(rounded.to_minor_units().is_ok());
                let step = m.rule().step();
                let diff = (rounded.amount() - m.amount()).abs();
                prop_assert!(diff < step, "{} -> {}", m, rounded);
                let (r, a) = (rounded.amount(), m.amount());
                match mode {
                    RoundingMode::Down => prop_assert!(r.abs() <= a.abs()),
                    RoundingMode::Up => prop_assert!(r.abs() >= a.abs()),
                    RoundingMode::Floor => prop_assert!(r <= a),
                    RoundingMode::Ceiling => prop_assert!(r >= a),
                    _ => prop_assert!(diff * Decimal::TWO <= step),
                }
                // Already-accepted amounts are left alone by every mode.
                if m.to_minor_units().is_ok() {
                    prop_assert_eq!(rounded, m);
                }
            }
            Err(e) => prop_assert_eq!(e.code(), "amount_too_large"),
        }
    }

    // rules.md §5: ExchangeRate::convert is exact: whatever it returns equals rust_decimal's
    // product, and small operands never fail.
    #[test]
    fn convert_is_exact(a in -10_000_000_000i64..10_000_000_000, sa in 0u32..=10,
                        r in 1i64..10_000_000_000, sr in 0u32..=10) {
        let amount = Money::new(Decimal::new(a, sa), Currency::CHF);
        let rate = ExchangeRate::new(Currency::CHF, Currency::USD, Decimal::new(r, sr)).unwrap();
        let converted = rate.convert(amount).unwrap();
        prop_assert_eq!(Some(converted.amount()), amount.amount().checked_mul(rate.rate()));
        prop_assert_eq!(converted.currency(), Currency::USD);
    }

    // rules.md §5: a conversion that succeeds is never rounded.
    #[test]
    fn convert_result_is_never_rounded(m in money(), r in decimal()) {
        if let Ok(rate) = ExchangeRate::new(m.currency(), Currency::USD, r) {
            if let Ok(converted) = rate.convert(m) {
                // rust_decimal rounds when it must; when we succeed it agrees exactly.
                prop_assert_eq!(Some(converted.amount()), m.amount().checked_mul(r));
            }
        }
    }

    // rules.md §5: Display / FromStr round trip, same value and same scale.
    #[test]
    fn display_from_str_round_trip(m in money()) {
        let text = m.to_string();
        let back: Money = text.parse().unwrap();
        prop_assert_eq!(back, m);
        prop_assert_eq!(back.amount().scale(), m.amount().scale());
        prop_assert_eq!(back.to_string(), text);
    }

    // rules.md §5: money's JSON parses back to the same value and scale.
    #[cfg(feature = "serde")]
    #[test]
    fn serde_round_trip(m in money()) {
        let json = serde_json::to_string(&m).unwrap();
        let back: Money = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, m);
        prop_assert_eq!(back.to_string(), m.to_string());
    }

    // rules.md §5: parse_currency never panics, and accepts exactly the codes, in any ASCII case.
    #[test]
    fn parse_currency_never_panics(s in any::<String>()) {
        if let Ok(c) = parse_currency(&s) {
            prop_assert_eq!(c.code(), s.to_ascii_uppercase());
        }
    }

    // rules.md §5: text near a code is a code in any case, or an error that says what was
    // expected.
    #[test]
    fn parse_currency_near_codes(s in "[a-zA-Z ]{0,5}|[A-Z]{3}") {
        match parse_currency(&s) {
            Ok(c) => prop_assert_eq!(c.code(), s.to_ascii_uppercase()),
            Err(e) => {
                let text = e.to_string();
                prop_assert!(text.starts_with(char::is_lowercase));
                prop_assert!(text.contains("expected"));
            }
        }
    }

    // rules.md §5: every code parses in any mix of cases.
    #[test]
    fn every_code_parses_in_any_case(c in currency(), mask in 0u8..8) {
        let mixed: String = c.code().chars().enumerate()
            .map(|(i, ch)| if mask & (1 << i) != 0 { ch.to_ascii_lowercase() } else { ch })
            .collect();
        prop_assert_eq!(parse_currency(&mixed), Ok(c));
    }

    // rules.md §5: money text never panics the parser.
    #[test]
    fn money_from_str_never_panics(s in any::<String>()) {
        let _ = s.parse::<Money>();
    }
}

/// The conversion as a reference model, in plain `i128` arithmetic (the general algorithm,
/// without the fast path of issue 13): the error codes in their documented order.
fn reference_minor_units(m: Money) -> Result<i64, &'static str> {
    let exponent = m.rule().exponent();
    let (mantissa, scale) = (m.amount().mantissa(), m.amount().scale());
    let minor = if scale > exponent {
        let divisor = 10_i128.pow(scale - exponent);
        if mantissa % divisor != 0 {
            return Err("amount_precision");
        }
        mantissa / divisor
    } else {
        mantissa * 10_i128.pow(exponent - scale)
    };
    if minor.unsigned_abs() > max_minor_units(m.currency()).get().unsigned_abs() as u128 {
        return Err("amount_too_large");
    }
    if minor % i128::from(m.rule().multiple_of()) != 0 {
        return Err("amount_not_multiple");
    }
    Ok(minor as i64)
}

/// Amounts around the fast path's edges: mantissas near 2^64 and near the maximum, scales
/// a few places either side of every exponent, the currencies of each rule.
fn edge_money() -> impl Strategy<Value = Money> {
    let currency = prop::sample::select(vec![
        Currency::USD,
        Currency::JPY,
        Currency::KWD,
        Currency::ISK,
        Currency::UGX,
        Currency::IDR,
        Currency::HUF,
        Currency::VND,
    ]);
    let near = |c: i128| c - 2_000..c + 2_000;
    let mantissa = prop_oneof![
        -100_000_000_000_000i128..100_000_000_000_000,
        near(1 << 64),
        near(-(1 << 64)),
        near(99_999_999),
        near(999_999_999_999),
        near(99_999_999_000),
        near(999_999_999_999_000),
        (0u32..=15).prop_map(|k| 10_i128.pow(k)),
    ];
    (mantissa, 0u32..=8, currency)
        .prop_map(|(m, s, c)| Money::new(Decimal::try_from_i128_with_scale(m, s).unwrap(), c))
}

proptest! {
    // rules.md §5 (issue 13): the fast path changes no result. Every conversion, accepted or
    // refused, is the reference model's, with the same error code.
    #[test]
    fn to_minor_units_is_the_reference_model(m in prop_oneof![money(), edge_money()]) {
        let got = m.to_minor_units().map(MinorUnits::get).map_err(|e| e.code().as_str());
        prop_assert_eq!(got, reference_minor_units(m), "{}", m);
    }
}
