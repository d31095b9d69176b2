//! The minimum-charge check, every branch of the verdict.
//!
//! Sources: rules.md §6; stripe-facts §1.1 (minimum per settlement currency; converted charges
//! must meet the settlement currency's minimum).

use rust_decimal::Decimal;
use stripe_gateway_rules::currency::Currency;
use stripe_gateway_rules::minimum::{MinimumVerdict, check_minimum, stripe_minimum};
use stripe_gateway_rules::money::{ExchangeRate, MinorUnits, Money};

fn money(s: &str) -> Money {
    s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn rate(from: Currency, to: Currency, r: &str) -> ExchangeRate {
    ExchangeRate::new(from, to, Decimal::from_str_exact(r).unwrap()).unwrap()
}

// rules.md §6 example: settling in USD at 1 CHF = 1.09 USD, 0.46 CHF is fine.
#[test]
fn chf_amount_settled_in_usd_with_rate_meets_rules_md_6() {
    let r = rate(Currency::CHF, Currency::USD, "1.09");
    let verdict = check_minimum(money("0.46 CHF"), Currency::USD, Some(&r)).unwrap();
    assert_eq!(
        verdict,
        MinimumVerdict::Exact {
            meets: true,
            minimum: money("0.50 USD"),
            compared: money("0.5014 USD"),
        }
    );
    assert_eq!(verdict.meets(), Some(true));
    assert!(verdict.is_exact());
    assert!(!verdict.is_below());
    // The comparison is exact: 0.5014 is kept, not rounded to 0.50.
    match verdict {
        MinimumVerdict::Exact { compared, .. } => assert_eq!(compared.to_string(), "0.5014 USD"),
        other => panic!("{other:?}"),
    }
}

// rules.md §6 example: settling in CHF, 0.46 CHF is below Stripe's 0.50 CHF.
#[test]
fn chf_amount_settled_in_chf_is_below_rules_md_6() {
    let verdict = check_minimum(money("0.46 CHF"), Currency::CHF, None).unwrap();
    assert_eq!(
        verdict,
        MinimumVerdict::Exact {
            meets: false,
            minimum: money("0.50 CHF"),
            compared: money("0.46 CHF"),
        }
    );
    assert!(verdict.is_below());
    assert_eq!(verdict.minimum(), Some(money("0.50 CHF")));
    assert_eq!(
        verdict.to_string(),
        "0.46 CHF is below Stripe's minimum of 0.50 CHF"
    );
}

// Boundaries: exactly the minimum meets it; one minor unit below does not (stripe-facts §1.1).
#[test]
fn boundaries_for_every_table_entry_stripe_facts_1_1() {
    for c in (0u16..1000).filter_map(Currency::from_numeric) {
        let Some(minimum) = stripe_minimum(c) else {
            continue;
        };
        let at = check_minimum(minimum, c, None).unwrap();
        assert_eq!(at.meets(), Some(true), "{minimum}: exactly the minimum");
        let minor = minimum.to_minor_units().unwrap().get();
        let step = minimum.rule().multiple_of();
        let below = Money::from_minor_units(MinorUnits::new(minor - step), c).unwrap();
        let verdict = check_minimum(below, c, None).unwrap();
        assert_eq!(verdict.meets(), Some(false), "{below}: one unit below");
        // Also when converted: a rate of exactly 1 from another currency.
        let other = if c == Currency::USD {
            Currency::EUR
        } else {
            Currency::USD
        };
        let r = rate(other, c, "1");
        let same_value = Money::new(minimum.amount(), other);
        assert_eq!(
            check_minimum(same_value, c, Some(&r)).unwrap().meets(),
            Some(true)
        );
        let just_below = Money::new(below.amount(), other);
        assert_eq!(
            check_minimum(just_below, c, Some(&r)).unwrap().meets(),
            Some(false)
        );
    }
}

/// rules §6, stripe-facts §1.1: a converted amount is compared exactly at the boundary, never
/// rounded.
#[test]
fn converted_boundary_is_exact_not_rounded() {
    // 0.4587155963 CHF × 1.09 = 0.49999999997 USD: below, though it rounds to 0.50.
    let r = rate(Currency::CHF, Currency::USD, "1.09");
    let verdict = check_minimum(money("0.4587155963 CHF"), Currency::USD, Some(&r)).unwrap();
    assert_eq!(verdict.meets(), Some(false));
    // 0.46 CHF at 1.0869565217 = 0.499999999982: below.
    let r = rate(Currency::CHF, Currency::USD, "1.0869565217");
    assert_eq!(
        check_minimum(money("0.46 CHF"), Currency::USD, Some(&r))
            .unwrap()
            .meets(),
        Some(false)
    );
}

// No rate: compare with the amount currency's own entry and say it is approximate (rules.md §6).
#[test]
fn no_rate_with_own_entry_is_approximate_rules_md_6() {
    let verdict = check_minimum(money("0.46 CHF"), Currency::USD, None).unwrap();
    assert_eq!(
        verdict,
        MinimumVerdict::Approximate {
            meets: false,
            minimum: money("0.50 CHF"),
            compared: money("0.46 CHF"),
            settlement: Currency::USD,
        }
    );
    assert_eq!(verdict.meets(), Some(false));
    assert!(!verdict.is_exact());
    assert!(verdict.to_string().contains("approximate"));
    let verdict = check_minimum(money("0.30 GBP"), Currency::EUR, None).unwrap();
    assert_eq!(
        verdict,
        MinimumVerdict::Approximate {
            meets: true,
            minimum: money("0.30 GBP"),
            compared: money("0.30 GBP"),
            settlement: Currency::EUR,
        }
    );
}

/// rules §6 (issue 14): `check_minimum(0.46 CHF, settlement USD, no rate)` answered "…0.50 CHF for
/// charges settled in CHF", naming the amount's currency as the settlement currency. The verdict
/// says what was compared with what, and that the account settles in USD.
#[test]
fn approximate_verdict_says_what_was_compared_and_the_settlement_currency() {
    let verdict = check_minimum(money("0.46 CHF"), Currency::USD, None).unwrap();
    assert_eq!(
        verdict.to_string(),
        "0.46 CHF is below 0.50 CHF, Stripe's minimum for charges settled in CHF; but the \
         account settles in USD, and Stripe compares the amount converted to USD with its USD \
         minimum, so this is approximate (no exchange rate was given)"
    );
}

// No rate and no entry for the amount's currency: unknown (rules.md §6 "cannot check").
#[test]
fn no_rate_without_own_entry_is_unknown_rules_md_6() {
    let verdict = check_minimum(money("100 KES"), Currency::USD, None).unwrap();
    assert_eq!(verdict, MinimumVerdict::Unknown);
    assert_eq!(verdict.meets(), None);
    assert_eq!(verdict.minimum(), None);
    assert!(!verdict.is_below());
}

// rules §6: settlement currency without an entry: unknown, even in the same currency or with a
// rate.
#[test]
fn settlement_without_entry_is_unknown() {
    assert_eq!(
        check_minimum(money("100 KES"), Currency::KES, None).unwrap(),
        MinimumVerdict::Unknown
    );
    let r = rate(Currency::USD, Currency::KES, "129.5");
    assert_eq!(
        check_minimum(money("10 USD"), Currency::KES, Some(&r)).unwrap(),
        MinimumVerdict::Unknown
    );
    // BGN: in the older tables, not in the current one (stripe-facts §1.1).
    assert_eq!(
        check_minimum(money("1.00 BGN"), Currency::BGN, None).unwrap(),
        MinimumVerdict::Unknown
    );
}

// Zero or negative: amount_not_positive (rules.md §5, §6).
#[test]
fn zero_and_negative_are_errors() {
    for input in ["0 USD", "0.00 USD", "-0.50 USD", "-1 JPY"] {
        let m = money(input);
        let err = check_minimum(m, m.currency(), None).unwrap_err();
        assert_eq!(err.code(), "amount_not_positive", "{input}");
        assert_eq!(err.amount(), Some(m));
    }
    assert_eq!(
        check_minimum(money("0.00 USD"), Currency::USD, None)
            .unwrap_err()
            .to_string(),
        "amount 0.00 USD must be greater than zero"
    );
}

// rules §6: a rate for other currencies than amount → settlement is an error.
#[test]
fn rate_for_other_currencies_is_an_error() {
    let chf_usd = rate(Currency::CHF, Currency::USD, "1.09");
    // Wrong source currency.
    let err = check_minimum(money("1 EUR"), Currency::USD, Some(&chf_usd)).unwrap_err();
    assert_eq!(err.code(), "exchange_rate_mismatch");
    assert_eq!(
        err.to_string(),
        "exchange rate 1 CHF = 1.09 USD cannot be used here: expected a rate from EUR to USD"
    );
    // Wrong target currency.
    let err = check_minimum(money("1 CHF"), Currency::EUR, Some(&chf_usd)).unwrap_err();
    assert_eq!(err.code(), "exchange_rate_mismatch");
    // Same currency as settlement with a stray foreign rate.
    let err = check_minimum(money("1 CHF"), Currency::CHF, Some(&chf_usd)).unwrap_err();
    assert_eq!(err.code(), "exchange_rate_mismatch");
    // Same currency with an identity rate: fine.
    let identity = rate(Currency::CHF, Currency::CHF, "1");
    assert_eq!(
        check_minimum(money("0.50 CHF"), Currency::CHF, Some(&identity))
            .unwrap()
            .meets(),
        Some(true)
    );
}

/// rules §5: a conversion that overflows is `amount_overflow`, not a verdict.
#[test]
fn conversion_overflow_is_an_error_not_a_verdict() {
    let r = rate(Currency::CHF, Currency::USD, "1.09");
    let err = check_minimum(
        Money::new(Decimal::MAX, Currency::CHF),
        Currency::USD,
        Some(&r),
    )
    .unwrap_err();
    assert_eq!(err.code(), "amount_overflow");
}

/// stripe-facts §1.1: the table's values, with Stripe's exponent as their scale.
#[test]
fn stripe_minimum_values_and_scale() {
    assert_eq!(stripe_minimum(Currency::USD), Some(money("0.50 USD")));
    assert_eq!(stripe_minimum(Currency::JPY).unwrap().to_string(), "50 JPY");
    assert_eq!(
        stripe_minimum(Currency::THB).unwrap().to_string(),
        "10.00 THB"
    );
    assert_eq!(
        stripe_minimum(Currency::HUF).unwrap().to_string(),
        "175.00 HUF"
    );
    // stripe-facts §1.1: implausibly small as published, kept as published.
    assert_eq!(stripe_minimum(Currency::IDR), Some(money("0.50 IDR")));
    assert_eq!(stripe_minimum(Currency::KRW), Some(money("50 KRW")));
}

#[cfg(feature = "serde")]
#[test]
fn verdict_serializes_for_a_ui() {
    let v = check_minimum(money("0.46 CHF"), Currency::CHF, None).unwrap();
    assert_eq!(
        serde_json::to_string(&v).unwrap(),
        r#"{"verdict":"exact","meets":false,"minimum":{"amount":"0.50","currency":"CHF"},"compared":{"amount":"0.46","currency":"CHF"}}"#
    );
    assert_eq!(
        serde_json::to_string(&MinimumVerdict::Unknown).unwrap(),
        r#"{"verdict":"unknown"}"#
    );
}
