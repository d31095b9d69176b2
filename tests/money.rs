//! Conversions between decimal amounts and Stripe's minor units, rounding, payouts, exchange
//! rates and currency parsing.
//!
//! Sources: rules.md §5; stripe-facts §1.2 (maximum), §2.1–2.4 (decimal rules).

use rust_decimal::Decimal;
use stripe_gateway_rules::codes::CurrencyCode;
use stripe_gateway_rules::currency::{Currency, parse_currency};
use stripe_gateway_rules::money::{
    ExchangeRate, LimitSource, MinorUnits, Money, RoundingMode, check_payout, max_minor_units,
};

fn d(s: &str) -> Decimal {
    Decimal::from_str_exact(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn money(s: &str) -> Money {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

/// What a conversion should give: the minor units, or the error code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    Minor(i64),
    Err(&'static str),
}
use Expect::{Err as E, Minor as M};

/// Decimal → minor units, and back for the accepted ones, for every kind of currency.
/// (input, expected, rule and source)
const TO_MINOR: &[(&str, Expect, &str)] = &[
    // Two-decimal default — stripe-facts §2.1 ("two-decimal unless otherwise specified")
    ("5.12 USD", M(512), "default two-decimal"),
    ("0.01 USD", M(1), "smallest unit"),
    ("0.001 USD", E("amount_precision"), "one digit too fine"),
    ("0.010 USD", M(1), "trailing zero is not extra precision"),
    (
        "999999.99 USD",
        M(99_999_999),
        "largest allowed, stripe-facts §1.2 (8 digits)",
    ),
    (
        "1000000.00 USD",
        E("amount_too_large"),
        "one past the largest",
    ),
    (
        "-999999.99 USD",
        M(-99_999_999),
        "maximum applies to the absolute value",
    ),
    (
        "-1000000 USD",
        E("amount_too_large"),
        "negative one past the largest",
    ),
    ("0 USD", M(0), "zero is representable"),
    ("-5.00 USD", M(-500), "negative is representable (refunds)"),
    (
        "79228162514264337593543950335 USD",
        E("amount_too_large"),
        "Decimal::MAX, no overflow",
    ),
    (
        "0.0000000000000000000000000001 USD",
        E("amount_precision"),
        "scale 28",
    ),
    ("12.3 EUR", M(1230), "scale below the exponent"),
    (
        "1.23 XAU",
        M(123),
        "no ISO exponent: still Stripe's default 2",
    ),
    // Zero-decimal — stripe-facts §2.2
    ("500 JPY", M(500), "zero-decimal"),
    ("1 JPY", M(1), "smallest unit"),
    ("1.5 JPY", E("amount_precision"), "one digit too fine"),
    ("1.00 JPY", M(1), "trailing zeros allowed"),
    ("99999999 JPY", M(99_999_999), "largest allowed"),
    ("100000000 JPY", E("amount_too_large"), "one past"),
    ("-99999999 KRW", M(-99_999_999), "negative largest"),
    ("500 MGA", M(500), "MGA zero-decimal at Stripe (ISO: 2)"),
    (
        "0.5 MGA",
        E("amount_precision"),
        "MGA has no decimals at Stripe",
    ),
    ("7 XOF", M(7), "zero-decimal"),
    // ISK and UGX: exponent 2, multiple of 100 — stripe-facts §2.4
    ("5 ISK", M(500), "whole ISK sent x100"),
    ("5.00 ISK", M(500), "whole ISK with decimals"),
    (
        "5.5 ISK",
        E("amount_not_multiple"),
        "fractional ISK: 550 not a multiple of 100",
    ),
    ("5.01 ISK", E("amount_not_multiple"), "smallest fraction"),
    (
        "5.001 ISK",
        E("amount_precision"),
        "finer than the exponent",
    ),
    ("1 ISK", M(100), "smallest unit"),
    (
        "999999 ISK",
        M(99_999_900),
        "largest allowed (multiple of 100 under 8 digits)",
    ),
    ("1000000 ISK", E("amount_too_large"), "one past"),
    (
        "5 UGX",
        M(500),
        "UGX: special case wins over zero-decimal list",
    ),
    ("5.50 UGX", E("amount_not_multiple"), "fractional UGX"),
    ("-3 UGX", M(-300), "negative whole UGX"),
    // Three-decimal, last digit 0 — stripe-facts §2.3
    ("5.120 KWD", M(5120), "three-decimal"),
    ("5.12 KWD", M(5120), "three-decimal given with two"),
    ("5.124 KWD", E("amount_not_multiple"), "last digit not 0"),
    (
        "5.1245 KWD",
        E("amount_precision"),
        "finer than three decimals",
    ),
    ("0.010 BHD", M(10), "smallest unit"),
    ("0.001 JOD", E("amount_not_multiple"), "one thousandth"),
    ("99999.99 OMR", M(99_999_990), "largest allowed"),
    (
        "99999.999 TND",
        E("amount_not_multiple"),
        "8 digits but last digit not 0",
    ),
    ("100000 TND", E("amount_too_large"), "one past"),
    // HUF, TWD: charges two-decimal — stripe-facts §2.4
    ("10.45 HUF", M(1045), "charges may have decimals"),
    ("800.45 TWD", M(80045), "charges may have decimals"),
    ("0.001 HUF", E("amount_precision"), "but not three"),
    // IDR: 12 digits — stripe-facts §1.2
    (
        "9999999999.99 IDR",
        M(999_999_999_999),
        "IDR largest allowed (12 digits)",
    ),
    ("10000000000.00 IDR", E("amount_too_large"), "IDR one past"),
    (
        "1000000.00 IDR",
        M(100_000_000),
        "IDR above the 8-digit default",
    ),
    // INR, COP: larger card bounds exist but are not used — stripe-facts §1.2
    (
        "1000000.00 INR",
        E("amount_too_large"),
        "INR 9-digit bound not used",
    ),
    (
        "1000000.00 COP",
        E("amount_too_large"),
        "COP 10-digit bound not used",
    ),
];

#[test]
fn to_minor_units_table_rules_md_5_stripe_facts_2() {
    for &(input, expected, why) in TO_MINOR {
        let m = money(input);
        let got = match m.to_minor_units() {
            Ok(minor) => M(minor.get()),
            Err(e) => E(e.code().as_str()),
        };
        assert_eq!(got, expected, "{input}: {why}");
        // Both directions: accepted minor units read back as the same amount.
        if let M(minor) = expected {
            let back = Money::from_minor_units(MinorUnits::new(minor), m.currency()).unwrap();
            assert_eq!(back, m, "{input}: back from {minor}");
            assert_eq!(back.to_minor_units().unwrap().get(), minor);
        }
    }
}

/// Minor units → decimal: (minor, currency, expected Display or error code, rule)
const FROM_MINOR: &[(i64, &str, Result<&str, &str>, &str)] = &[
    (512, "USD", Ok("5.12 USD"), "two-decimal"),
    (1, "USD", Ok("0.01 USD"), "smallest unit"),
    (0, "USD", Ok("0.00 USD"), "zero, scale = exponent"),
    (-500, "USD", Ok("-5.00 USD"), "negative"),
    (99_999_999, "USD", Ok("999999.99 USD"), "largest"),
    (100_000_000, "USD", Err("amount_too_large"), "one past"),
    (
        -100_000_000,
        "USD",
        Err("amount_too_large"),
        "negative one past",
    ),
    (i64::MAX, "USD", Err("amount_too_large"), "no overflow"),
    (
        i64::MIN,
        "USD",
        Err("amount_too_large"),
        "no overflow on i64::MIN",
    ),
    (500, "JPY", Ok("500 JPY"), "zero-decimal"),
    (500, "ISK", Ok("5.00 ISK"), "ISK scale 2"),
    (501, "ISK", Err("amount_not_multiple"), "ISK not x100"),
    (99_999_900, "ISK", Ok("999999.00 ISK"), "ISK largest"),
    (500, "UGX", Ok("5.00 UGX"), "UGX scale 2"),
    (550, "UGX", Err("amount_not_multiple"), "UGX not x100"),
    (5120, "KWD", Ok("5.120 KWD"), "three-decimal"),
    (5125, "KWD", Err("amount_not_multiple"), "last digit not 0"),
    (10, "TND", Ok("0.010 TND"), "smallest unit"),
    (1045, "HUF", Ok("10.45 HUF"), "HUF charges two-decimal"),
    (
        999_999_999_999,
        "IDR",
        Ok("9999999999.99 IDR"),
        "IDR 12 digits",
    ),
    (
        1_000_000_000_000,
        "IDR",
        Err("amount_too_large"),
        "IDR one past",
    ),
];

#[test]
fn from_minor_units_table_rules_md_5_stripe_facts_2() {
    for &(minor, code, expected, why) in FROM_MINOR {
        let c = parse_currency(code).unwrap();
        let got = Money::from_minor_units(MinorUnits::new(minor), c);
        match (got, expected) {
            (Ok(m), Ok(text)) => {
                assert_eq!(m.to_string(), text, "{minor} {code}: {why}");
                assert_eq!(m.amount().scale(), m.rule().exponent());
            }
            (Err(e), Err(err_code)) => assert_eq!(e.code(), err_code, "{minor} {code}: {why}"),
            (got, _) => panic!("{minor} {code}: {why}: got {got:?}"),
        }
    }
}

#[test]
fn max_minor_units_stripe_facts_1_2() {
    assert_eq!(max_minor_units(Currency::USD), MinorUnits::new(99_999_999));
    assert_eq!(max_minor_units(Currency::JPY), MinorUnits::new(99_999_999));
    assert_eq!(max_minor_units(Currency::INR), MinorUnits::new(99_999_999));
    assert_eq!(
        max_minor_units(Currency::IDR),
        MinorUnits::new(999_999_999_999)
    );
}

#[test]
fn error_messages_are_pinned() {
    let msg = |s: &str| money(s).to_minor_units().unwrap_err().to_string();
    // The example of the brief; rules.md §5 (three-decimal).
    assert_eq!(
        msg("5.124 KWD"),
        "amount 5.124 KWD is not accepted by Stripe: KWD amounts must end in 0 in the third decimal (multiples of 0.010)"
    );
    assert_eq!(
        msg("5.5 ISK"),
        "amount 5.5 ISK is not accepted by Stripe: ISK amounts must be whole units (multiples of 1.00)"
    );
    assert_eq!(
        msg("1.5 JPY"),
        "amount 1.5 JPY is not accepted by Stripe: JPY is a zero-decimal currency (no decimal places)"
    );
    assert_eq!(
        msg("0.001 USD"),
        "amount 0.001 USD is not accepted by Stripe: USD amounts have at most 2 decimal places"
    );
    assert_eq!(
        msg("1000000.00 USD"),
        "amount 1000000.00 USD is too large for Stripe: USD amounts are limited to 8 digits in minor units (absolute value at most 999999.99 USD) by the maximum in Stripe's API reference; if the account allows more, state its limits"
    );
    assert_eq!(
        check_payout(MinorUnits::new(1045), Currency::HUF)
            .unwrap_err()
            .to_string(),
        "payout amount 1045 HUF is not accepted by Stripe: manual HUF payouts must be whole units (multiples of 100 minor units)"
    );
    let rate = ExchangeRate::new(Currency::CHF, Currency::USD, d("1.09")).unwrap();
    assert_eq!(
        rate.convert(money("1 EUR")).unwrap_err().to_string(),
        "amount is in EUR, expected CHF"
    );
    assert_eq!(
        ExchangeRate::new(Currency::CHF, Currency::USD, d("0"))
            .unwrap_err()
            .to_string(),
        "exchange rate 0 from CHF to USD is not accepted: expected a rate greater than zero"
    );
    // Messages are lowercase at the start and have no trailing period.
    for (input, _, _) in TO_MINOR {
        if let Err(e) = money(input).to_minor_units() {
            let text = e.to_string();
            assert!(text.starts_with(char::is_lowercase), "{text}");
            assert!(!text.ends_with('.'), "{text}");
        }
    }
}

#[test]
fn error_carries_structured_fields() {
    let err = money("5.124 KWD").to_minor_units().unwrap_err();
    assert_eq!(err.code(), "amount_not_multiple");
    assert_eq!(err.amount(), Some(money("5.124 KWD")));
    let rule = err.rule().expect("the currency's rule");
    assert_eq!((rule.exponent(), rule.multiple_of()), (3, 10));
    let err = money("1000000 USD").to_minor_units().unwrap_err();
    assert_eq!(err.code(), "amount_too_large");
    assert_eq!(err.amount(), Some(money("1000000 USD")));
    let max = err.max().expect("the maximum that applied");
    assert_eq!(
        (max.max(), max.source()),
        (MinorUnits::new(99_999_999), LimitSource::ApiReference)
    );
}

// ---------------------------------------------------------------------------------------------
// Rounding helper — stripe-facts §2.3 ("5.124 KWD must be rounded to 5120 or 5130"), §2.4
// ---------------------------------------------------------------------------------------------

/// rules §5, stripe-facts §2: `round_to_stripe` rounds to the currency's rule in each
/// `RoundingMode`, only when asked.
#[test]
fn round_to_stripe_modes() {
    use RoundingMode::*;
    let cases: &[(&str, RoundingMode, &str)] = &[
        ("5.124 KWD", HalfUp, "5.120 KWD"),
        ("5.124 KWD", Up, "5.130 KWD"),
        ("5.125 KWD", HalfUp, "5.130 KWD"),
        ("5.125 KWD", HalfDown, "5.120 KWD"),
        ("5.125 KWD", HalfEven, "5.120 KWD"),
        ("5.135 KWD", HalfEven, "5.140 KWD"),
        ("5.135 KWD", Down, "5.130 KWD"),
        ("-5.125 KWD", HalfUp, "-5.130 KWD"),
        ("-5.125 KWD", HalfEven, "-5.120 KWD"),
        ("-5.125 KWD", Ceiling, "-5.120 KWD"),
        ("-5.125 KWD", Floor, "-5.130 KWD"),
        ("5.121 KWD", Ceiling, "5.130 KWD"),
        ("5.129 KWD", Floor, "5.120 KWD"),
        ("5.12 KWD", Up, "5.120 KWD"),
        ("5.5 ISK", HalfEven, "6.00 ISK"),
        ("4.5 ISK", HalfEven, "4.00 ISK"),
        ("4.5 ISK", HalfUp, "5.00 ISK"),
        ("4.49 UGX", HalfUp, "4.00 UGX"),
        ("1.005 USD", HalfUp, "1.01 USD"),
        ("1.005 USD", HalfEven, "1.00 USD"),
        ("-1.005 USD", Down, "-1.00 USD"),
        ("1.5 JPY", HalfEven, "2 JPY"),
        ("2.5 JPY", HalfEven, "2 JPY"),
        ("0.4 JPY", Up, "1 JPY"),
        ("-0.4 JPY", HalfUp, "0 JPY"),
        ("5 USD", HalfUp, "5.00 USD"),
        ("0.0000000000000000000000000001 USD", Up, "0.01 USD"),
        ("0.0000000000000000000000000001 USD", Down, "0.00 USD"),
        ("999999.994 USD", HalfUp, "999999.99 USD"),
    ];
    for &(input, mode, expected) in cases {
        let rounded = money(input).round_to_stripe(mode).unwrap();
        assert_eq!(rounded.to_string(), expected, "{input} {mode:?}");
        rounded.to_minor_units().unwrap();
    }
    // Rounding past the maximum is an error, not a wrap.
    let err = money("999999.995 USD").round_to_stripe(HalfUp).unwrap_err();
    assert_eq!(err.code(), "amount_too_large");
    let err = money("79228162514264337593543950335 ISK")
        .round_to_stripe(Up)
        .unwrap_err();
    assert_eq!(err.code(), "amount_too_large");
}

/// rules §5: an amount finer than the currency allows is an error, never rounded.
#[test]
fn to_minor_units_never_rounds_silently() {
    // rules.md §5: "No silent rounding".
    assert_eq!(
        money("5.124 KWD").to_minor_units().unwrap_err().code(),
        "amount_not_multiple"
    );
    assert_eq!(
        money("19.999 USD").to_minor_units().unwrap_err().code(),
        "amount_precision"
    );
}

// ---------------------------------------------------------------------------------------------
// Payouts — stripe-facts §2.4 (HUF, TWD manual payouts multiples of 100)
// ---------------------------------------------------------------------------------------------

#[test]
fn payout_rule_huf_twd_stripe_facts_2_4() {
    let ok = |minor, c| check_payout(MinorUnits::new(minor), c);
    // Stripe's examples: balance HUF 10.45 → pay out 1000; 1045 rejected. TWD 800.45 → 80000.
    assert!(ok(1000, Currency::HUF).is_ok());
    assert_eq!(
        ok(1045, Currency::HUF).unwrap_err().code(),
        "payout_amount_not_multiple"
    );
    assert!(ok(80000, Currency::TWD).is_ok());
    assert_eq!(
        ok(80045, Currency::TWD).unwrap_err().code(),
        "payout_amount_not_multiple"
    );
    // Other currencies: the charge rules.
    assert!(ok(1045, Currency::USD).is_ok());
    assert_eq!(
        ok(501, Currency::ISK).unwrap_err().code(),
        "amount_not_multiple"
    );
    assert_eq!(
        ok(5125, Currency::KWD).unwrap_err().code(),
        "amount_not_multiple"
    );
    assert_eq!(
        ok(100_000_000, Currency::HUF).unwrap_err().code(),
        "amount_too_large"
    );
    // Charges in HUF are still two-decimal.
    assert_eq!(money("10.45 HUF").to_minor_units().unwrap().get(), 1045);
}

// ---------------------------------------------------------------------------------------------
// Exchange rates — rules.md §6 (caller-supplied rate)
// ---------------------------------------------------------------------------------------------

/// rules §5: a conversion is exact.
#[test]
fn exchange_rate_convert_exact() {
    // 1 CHF = 1.09 USD.
    let rate = ExchangeRate::new(Currency::CHF, Currency::USD, d("1.09")).unwrap();
    assert_eq!(rate.from(), Currency::CHF);
    assert_eq!(rate.to(), Currency::USD);
    assert_eq!(rate.rate(), d("1.09"));
    assert_eq!(rate.to_string(), "1 CHF = 1.09 USD");
    let usd = rate.convert(money("0.46 CHF")).unwrap();
    assert_eq!(usd.to_string(), "0.5014 USD");
    assert_eq!(usd.currency(), Currency::USD);
    // Not rounded to USD's decimals: Stripe would refuse 0.5014 USD as an amount.
    assert_eq!(usd.to_minor_units().unwrap_err().code(), "amount_precision");
    // Negative amounts convert too.
    assert_eq!(
        rate.convert(money("-2 CHF")).unwrap().to_string(),
        "-2.18 USD"
    );
}

/// rules §5: a rate that is not positive, or used for other currencies, is an error with its code.
#[test]
fn exchange_rate_errors() {
    let new = |from, to, r: &str| ExchangeRate::new(from, to, d(r));
    assert_eq!(
        new(Currency::CHF, Currency::USD, "0").unwrap_err().code(),
        "invalid_exchange_rate"
    );
    assert_eq!(
        new(Currency::CHF, Currency::USD, "-1.09")
            .unwrap_err()
            .code(),
        "invalid_exchange_rate"
    );
    assert_eq!(
        new(Currency::USD, Currency::USD, "1.5")
            .unwrap_err()
            .to_string(),
        "exchange rate 1.5 from USD to USD is not accepted: a rate between a currency and itself must be 1"
    );
    // A rate of 1 between a currency and itself is fine, at any scale.
    let same = new(Currency::USD, Currency::USD, "1.000").unwrap();
    assert_eq!(same.convert(money("0.50 USD")).unwrap(), money("0.50 USD"));

    let rate = new(Currency::CHF, Currency::USD, "1.09").unwrap();
    let err = rate.convert(money("1 EUR")).unwrap_err();
    assert_eq!(err.code(), "currency_mismatch");
    assert_eq!(err.currencies(), Some((Currency::CHF, Currency::EUR)));
    // Overflow is an error, never a wrap or a panic.
    let huge = Money::new(Decimal::MAX, Currency::CHF);
    assert_eq!(rate.convert(huge).unwrap_err().code(), "amount_overflow");
    // A product needing more than 28 decimals is refused, not rounded.
    let tiny = new(
        Currency::CHF,
        Currency::USD,
        "0.0000000000000000000000000001",
    )
    .unwrap();
    assert_eq!(
        tiny.convert(money("0.5 CHF")).unwrap_err().code(),
        "conversion_inexact"
    );
}

// ---------------------------------------------------------------------------------------------
// Display / FromStr
// ---------------------------------------------------------------------------------------------

#[test]
fn money_display_uses_code_and_own_scale() {
    assert_eq!(money("0.50 USD").to_string(), "0.50 USD");
    assert_eq!(money("0.5 usd").to_string(), "0.5 USD");
    assert_eq!(money("0.5 USD"), money("0.50 USD")); // numeric equality
    assert_ne!(money("0.5 USD"), money("0.5 EUR"));
    // Currency's own Display prints the name: never used for codes.
    assert_eq!(Currency::EUR.to_string(), "Euro");
    assert_eq!(money("1 EUR").to_string(), "1 EUR");
}

/// rules §5: malformed money text is refused with its code.
#[test]
fn money_from_str_rejects_malformed() {
    let code = |s: &str| s.parse::<Money>().unwrap_err().code();
    assert_eq!(code("0.50USD"), "money_format");
    assert_eq!(code("0.50  USD"), "currency_whitespace");
    assert_eq!(code(" 0.50 USD"), "money_amount_syntax");
    assert_eq!(code("0.50 USD "), "currency_whitespace");
    assert_eq!(code("+0.50 USD"), "money_amount_syntax");
    assert_eq!(code("1e5 USD"), "money_amount_syntax");
    assert_eq!(code("1,000.00 USD"), "money_amount_syntax");
    assert_eq!(code("1_000 USD"), "money_amount_syntax");
    assert_eq!(code(".5 USD"), "money_amount_syntax");
    assert_eq!(code("5. USD"), "money_amount_syntax");
    assert_eq!(code("- USD"), "money_amount_syntax");
    assert_eq!(code("0.50 XYZ"), "currency_unknown");
    // 29 decimals would need rounding: refused.
    assert_eq!(
        code("0.00000000000000000000000000001 USD"),
        "money_amount_out_of_range"
    );
    assert_eq!(
        code("79228162514264337593543950336 USD"),
        "money_amount_out_of_range"
    );
    assert_eq!(
        "0.50USD".parse::<Money>().unwrap_err().to_string(),
        "money \"0.50USD\" is not of the form \"<amount> <currency>\": expected e.g. \"0.50 USD\", with one space"
    );
}

// ---------------------------------------------------------------------------------------------
// parse_currency — rules.md §5 (codes); style.md (errors say what was found and expected)
// ---------------------------------------------------------------------------------------------

/// rules §5: a currency code is three ASCII letters in any case, never trimmed; anything else is
/// refused with its code.
#[test]
fn parse_currency_cases() {
    assert_eq!(parse_currency("usd"), Ok(Currency::USD));
    assert_eq!(parse_currency("USD"), Ok(Currency::USD));
    assert_eq!(parse_currency("Usd"), Ok(Currency::USD));
    assert_eq!(parse_currency("xof"), Ok(Currency::XOF));

    let err = |s: &str| parse_currency(s).unwrap_err();
    assert_eq!(err("").code(), CurrencyCode::CurrencyEmpty);
    assert_eq!(
        err("").remedy(),
        "use a three-letter ISO 4217 code such as usd"
    );
    assert_eq!(err("u5d").position(), Some((1, '5')));
    assert_eq!(err("uѕd").found().as_str(), "uѕd");
    assert_eq!(
        err("").to_string(),
        "currency code is empty: expected a three-letter ISO 4217 code such as \"usd\""
    );
    assert_eq!(err(" usd").code(), "currency_whitespace");
    assert_eq!(err("usd\n").code(), "currency_whitespace");
    assert_eq!(
        err("usd ").to_string(),
        "currency code \"usd \" contains whitespace ' ' at byte 3: expected three ASCII letters such as \"usd\" (input is not trimmed; remove the whitespace)"
    );
    // Cyrillic 'ѕ' (U+0455) looks like Latin 's'.
    assert_eq!(
        err("uѕd").to_string(),
        "currency code \"uѕd\" contains the non-ASCII character 'ѕ' (U+0455) at byte 1: expected three ASCII letters such as \"usd\" (look-alike letters from other scripts are not accepted)"
    );
    assert_eq!(err("ЕUR").code(), "currency_non_ascii"); // Cyrillic Е
    assert_eq!(err("us").code(), "currency_wrong_length");
    assert_eq!(
        err("usdx").to_string(),
        "currency code \"usdx\" has 4 characters: expected exactly three ASCII letters such as \"usd\""
    );
    assert_eq!(err("u5d").code(), "currency_not_a_letter");
    assert_eq!(err("abc").code(), "currency_unknown");
    assert_eq!(
        err("abc").to_string(),
        "unknown currency code \"abc\": expected an ISO 4217 code such as \"usd\""
    );
}

/// stripe-facts §7: STD and ANG, withdrawn but still on Stripe's list, are refused as withdrawn,
/// not mapped to their successors.
#[test]
fn parse_currency_withdrawn_std_ang_not_mapped() {
    // tests/data/stripe-presentment-currencies.md: Stripe's list (2025-03 copy) has STD and
    // ANG; ISO 4217 replaced them by STN (2018) and XCG (2025-03-31); iso_currency 0.7.1 lacks
    // them. They get their own error and are never mapped to the successor.
    for (input, successor) in [
        ("STD", "STN"),
        ("std", "STN"),
        ("ANG", "XCG"),
        ("ang", "XCG"),
    ] {
        let e = parse_currency(input).unwrap_err();
        assert_eq!(e.code(), CurrencyCode::CurrencyWithdrawn);
        assert_eq!(e.successor(), Some(successor));
        assert_eq!(e.found().as_str(), input);
        assert!(
            e.to_string()
                .contains(&format!("{:?}", input.to_ascii_uppercase()))
        );
    }
    assert_eq!(
        parse_currency("STD").unwrap_err().code(),
        "currency_withdrawn"
    );
    assert_eq!(
        parse_currency("STD").unwrap_err().to_string(),
        "currency code \"STD\" was withdrawn from ISO 4217 (replaced by \"STN\", 2018) and cannot be represented, although Stripe's presentment list (2025-03 copy) still shows it: expected a current ISO 4217 code; check with Stripe whether \"STN\" is accepted for your account"
    );
    // The successors themselves parse (they are ISO codes), they are just not on Stripe's list.
    assert_eq!(parse_currency("stn"), Ok(Currency::STN));
    assert_eq!(parse_currency("xcg"), Ok(Currency::XCG));
}

#[test]
fn parse_currency_huge_input_is_truncated_in_the_message() {
    let huge = "A".repeat(1_000_000);
    let err = parse_currency(&huge).unwrap_err();
    assert_eq!(err.code(), "currency_wrong_length");
    let text = err.to_string();
    assert!(text.len() < 200, "{text}");
    // A run of 16 or more letters or digits may be a secret, whatever its letters (issue 21):
    // none of it is quoted.
    assert_eq!(
        text,
        "currency code \"\"… (1000000 bytes) has 1000000 characters: expected exactly three ASCII letters such as \"usd\""
    );
    // Mixed letters and digits alike.
    let text = parse_currency(&"A1".repeat(100)).unwrap_err().to_string();
    assert!(
        text.starts_with("currency code \"\"… (200 bytes)"),
        "{text}"
    );
    // Truncation respects character boundaries.
    let multibyte = "é".repeat(100);
    let text = parse_currency(&multibyte).unwrap_err().to_string();
    assert!(
        text.contains(&format!("\"{}\"… (200 bytes)", "é".repeat(12))),
        "{text}"
    );
}

// ---------------------------------------------------------------------------------------------
// Traits — style.md (static_assertions for trait guarantees)
// ---------------------------------------------------------------------------------------------

static_assertions::assert_not_impl_any!(Money: PartialOrd);

#[test]
fn minor_units_basics() {
    let m = MinorUnits::new(512);
    assert_eq!(m.get(), 512);
    assert_eq!(i64::from(m), 512);
    assert_eq!(m.to_string(), "512");
    assert!(MinorUnits::new(-1) < MinorUnits::new(0));
}

#[cfg(feature = "serde")]
#[test]
fn serde_wire_format() {
    // Amount always a string; currency as the uppercase code.
    let m = money("0.50 USD");
    assert_eq!(
        serde_json::to_string(&m).unwrap(),
        r#"{"amount":"0.50","currency":"USD"}"#
    );
    let back: Money = serde_json::from_str(r#"{"amount":"0.50","currency":"usd"}"#).unwrap();
    assert_eq!(back, m);
    assert_eq!(back.to_string(), "0.50 USD");
    // Validation on the way in.
    for (bad, why) in [
        (
            r#"{"amount":0.5,"currency":"USD"}"#,
            "expected a string".to_owned(),
        ),
        (
            r#"{"amount":"1e3","currency":"USD"}"#,
            stripe_gateway_rules::money::parse_amount("1e3")
                .unwrap_err()
                .to_string(),
        ),
        (
            r#"{"amount":"0.50","currency":" USD"}"#,
            parse_currency(" USD").unwrap_err().to_string(),
        ),
        (
            r#"{"amount":"0.50","currency":"STD"}"#,
            parse_currency("STD").unwrap_err().to_string(),
        ),
        (
            r#"{"amount":"0.50","currency":"USD","extra":1}"#,
            "unknown field `extra`".to_owned(),
        ),
        (
            r#"{"amount":"0.50"}"#,
            "missing field `currency`".to_owned(),
        ),
    ] {
        let e = serde_json::from_str::<Money>(bad).unwrap_err().to_string();
        assert!(e.contains(&why), "{bad}: {e}");
    }
    let err = serde_json::from_str::<Money>(r#"{"amount":"0.50","currency":"uѕd"}"#)
        .unwrap_err()
        .to_string();
    assert!(err.contains("non-ASCII character"), "{err}");

    assert_eq!(serde_json::to_string(&MinorUnits::new(512)).unwrap(), "512");
    assert_eq!(
        serde_json::from_str::<MinorUnits>("-7").unwrap(),
        MinorUnits::new(-7)
    );

    let rate = ExchangeRate::new(Currency::CHF, Currency::USD, d("1.09")).unwrap();
    let json = serde_json::to_string(&rate).unwrap();
    assert_eq!(json, r#"{"from":"CHF","to":"USD","rate":"1.09"}"#);
    assert_eq!(serde_json::from_str::<ExchangeRate>(&json).unwrap(), rate);
    let e = serde_json::from_str::<ExchangeRate>(r#"{"from":"CHF","to":"USD","rate":"0"}"#)
        .unwrap_err()
        .to_string();
    let why = ExchangeRate::new(Currency::CHF, Currency::USD, Decimal::ZERO).unwrap_err();
    assert!(e.starts_with(&why.to_string()), "{e}");

    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct Settings {
        #[serde(with = "stripe_gateway_rules::currency::serde_code")]
        settlement: Currency,
    }
    let s = Settings {
        settlement: Currency::EUR,
    };
    assert_eq!(
        serde_json::to_string(&s).unwrap(),
        r#"{"settlement":"EUR"}"#
    );
    assert_eq!(
        serde_json::from_str::<Settings>(r#"{"settlement":"eur"}"#).unwrap(),
        s
    );
    let e = serde_json::from_str::<Settings>(r#"{"settlement":"Euro"}"#).unwrap_err();
    let why = parse_currency("Euro").unwrap_err().to_string();
    assert!(e.to_string().starts_with(&why), "{e}");
}

#[test]
fn hash_agrees_with_numeric_equality() {
    use std::hash::{BuildHasher, RandomState};
    let state = RandomState::new();
    let pairs = [
        ("0.5 USD", "0.50 USD"),
        ("5 ISK", "5.000 ISK"),
        ("0 USD", "-0.00 USD"),
    ];
    for (a, b) in pairs {
        assert_eq!(money(a), money(b), "{a} == {b}");
        assert_eq!(
            state.hash_one(money(a)),
            state.hash_one(money(b)),
            "{a} / {b}"
        );
    }
}

/// rules §5: money text that does not parse is one opaque error, its code, its remedy and an
/// excerpt of the part refused (issue 18).
#[test]
fn rules_5_refused_money_text_has_a_code_a_remedy_and_the_part_refused() {
    use stripe_gateway_rules::codes::MoneyCode;
    let e = "1e3 USD".parse::<Money>().unwrap_err();
    assert_eq!(
        (e.code(), e.found().as_str()),
        (MoneyCode::MoneyAmountSyntax, "1e3")
    );
    assert!(e.currency_error().is_none());
    let e = "1 XYZ".parse::<Money>().unwrap_err();
    assert_eq!(
        (e.code(), e.found().as_str()),
        (MoneyCode::CurrencyUnknown, "XYZ")
    );
    assert_eq!(e.remedy(), "use a three-letter ISO 4217 code such as usd");
    assert_eq!(e.to_string(), e.currency_error().unwrap().to_string());
    let e =
        stripe_gateway_rules::money::parse_amount("1.00000000000000000000000000001").unwrap_err();
    assert_eq!(e.code(), MoneyCode::MoneyAmountOutOfRange);
    assert_eq!(
        e.remedy(),
        "write at most 28 decimal places and a smaller amount"
    );
}

/// Issue 19, rules §5: money text with whitespace before the amount gets an error that names
/// the whitespace and shows the whole input, not an empty amount.
#[test]
fn money_with_leading_whitespace_names_it_issue_19() {
    for input in [" 12.50 EUR", "\t12.50 EUR", "  12.50 EUR"] {
        let err = input.parse::<Money>().unwrap_err();
        assert_eq!(err.code(), "money_amount_syntax", "{input:?}");
        assert_eq!(err.found().as_str(), input);
        let message = err.to_string();
        assert!(message.contains("starts with whitespace"), "{message}");
        assert!(!message.contains("amount \"\""), "{message}");
        assert!(
            err.remedy()
                .starts_with("remove the whitespace before the amount")
        );
    }
    assert_eq!(
        " 12.50 EUR".parse::<Money>().unwrap_err().to_string(),
        "money \" 12.50 EUR\" starts with whitespace: expected the amount first, e.g. \"0.50 USD\""
    );
}
