//! Amount limits per account (issue 11): the default maximum is the API reference's; an
//! account states its own, and every refusal names the limit it used.
//!
//! Sources: stripe-facts §1.2. The API reference: "The amount value supports up to eight
//! digits" (PaymentIntent `amount`, stripe-node `src/resources/PaymentIntents.ts`,
//! 2026-08). The current <https://docs.stripe.com/currencies>: card payments "up to 12
//! digits", American Express 9, "JCB, Diners Club and Discover from Japanese Stripe accounts"
//! 8; stripe-facts §1.1 for the minimum table an account can replace.

use rust_decimal::Decimal;
use stripe_gateway_rules::minimum::stripe_minimum;
use stripe_gateway_rules::money::{
    AmountLimits, CARD_NETWORK_MAXIMUMS_AS_OF, CARD_NETWORK_MAXIMUMS_SOURCE, ChargeMethod,
    LimitSource, MAXIMUMS_AS_OF, MAXIMUMS_SOURCE, MinorUnits, Money,
};
use stripe_gateway_rules::{Currency, card_brand::CardBrand};

fn vnd(amount: i64) -> Money {
    Money::new(Decimal::new(amount, 0), Currency::VND)
}

const VISA: ChargeMethod = ChargeMethod::Card(Some(CardBrand::Visa));

/// stripe-facts §1.2: 103,500,000 VND is 9 digits in minor units (VND is zero-decimal), over
/// the API reference's 8; the current page allows 12 for cards.
#[test]
fn a_9_digit_vnd_card_payment_is_refused_by_default_and_accepted_with_card_network_limits() {
    let payment = vnd(103_500_000);

    let err = payment
        .to_minor_units_within(&AmountLimits::default(), VISA)
        .unwrap_err();
    assert_eq!(err.amount(), Some(payment));
    let max = err.max().expect("amount_too_large names its maximum");
    assert_eq!(
        (max.max(), max.source()),
        (MinorUnits::new(99_999_999), LimitSource::ApiReference)
    );
    assert_eq!(err.code(), "amount_too_large");
    assert_eq!(
        err.to_string(),
        "amount 103500000 VND is too large for Stripe: VND amounts are limited to 8 digits in minor units (absolute value at most 99999999 VND) by the maximum in Stripe's API reference; if the account allows more, state its limits"
    );
    // The plain conversion is the default's.
    assert_eq!(payment.to_minor_units(), Err(err));

    let limits = AmountLimits::card_networks();
    assert_eq!(
        payment.to_minor_units_within(&limits, VISA),
        Ok(MinorUnits::new(103_500_000))
    );
    let used = limits.max_for(Currency::VND, VISA);
    assert_eq!(
        (used.max(), used.digits(), used.source()),
        (
            MinorUnits::new(999_999_999_999),
            12,
            LimitSource::CardNetworks
        )
    );
    // 13 digits: refused, naming the card networks' limit.
    let err = vnd(1_000_000_000_000)
        .to_minor_units_within(&limits, VISA)
        .unwrap_err();
    assert_eq!(
        err.max().map(|m| m.source()),
        Some(LimitSource::CardNetworks),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .ends_with("limited to 12 digits in minor units (absolute value at most 999999999999 VND) by the card networks' maximum on Stripe's currencies page"),
        "{err}"
    );
}

/// stripe-facts §1.2: "9 digits for American Express"; "JCB, Diners Club and Discover from
/// Japanese Stripe accounts" 8.
#[test]
fn card_network_digits_depend_on_the_brand_and_the_account() {
    let limits = AmountLimits::card_networks();
    let digits = |limits: &AmountLimits, brand| {
        limits
            .max_for(Currency::JPY, ChargeMethod::Card(brand))
            .digits()
    };
    assert_eq!(digits(&limits, Some(CardBrand::AmericanExpress)), 9);
    assert_eq!(digits(&limits, Some(CardBrand::Jcb)), 12);
    assert_eq!(digits(&limits, Some(CardBrand::Mastercard)), 12);
    // The brand unknown: the smallest a card network may impose.
    assert_eq!(digits(&limits, None), 9);

    let japanese = AmountLimits::card_networks().japanese_account(true);
    for brand in [CardBrand::Jcb, CardBrand::DinersClub, CardBrand::Discover] {
        assert_eq!(digits(&japanese, Some(brand)), 8, "{brand:?}");
    }
    assert_eq!(digits(&japanese, Some(CardBrand::Visa)), 12);
    assert_eq!(digits(&japanese, None), 8);

    // Not a card (or not known to be one): the API reference's maximum.
    let other = limits.max_for(Currency::VND, ChargeMethod::Unknown);
    assert_eq!(
        (other.digits(), other.source()),
        (8, LimitSource::ApiReference)
    );
    // IDR keeps its 12 digits whatever the brand: the networks' digits never lower it.
    let idr = limits.max_for(
        Currency::IDR,
        ChargeMethod::Card(Some(CardBrand::AmericanExpress)),
    );
    assert_eq!(
        (idr.digits(), idr.source()),
        (12, LimitSource::ApiReference)
    );
}

/// rules §5: an account's own limits: per currency and per brand, the smaller of both when both
/// apply.
#[test]
fn an_accounts_own_limits_come_first_and_are_named() {
    let limits = AmountLimits::card_networks()
        .with_currency_max(Currency::VND, MinorUnits::new(500_000_000))
        .with_brand_max(CardBrand::AmericanExpress, MinorUnits::new(200_000_000));

    let visa = limits.max_for(Currency::VND, VISA);
    assert_eq!(
        (visa.max().get(), visa.source()),
        (500_000_000, LimitSource::AccountCurrency)
    );
    let amex = ChargeMethod::Card(Some(CardBrand::AmericanExpress));
    let by_brand = limits.max_for(Currency::VND, amex);
    assert_eq!(
        (by_brand.max().get(), by_brand.source()),
        (200_000_000, LimitSource::AccountBrand)
    );
    // USD has no currency limit of its own: the brand's.
    assert_eq!(
        limits.max_for(Currency::USD, amex).source(),
        LimitSource::AccountBrand
    );

    let err = vnd(600_000_000)
        .to_minor_units_within(&limits, VISA)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "amount 600000000 VND is too large for Stripe: VND amounts are limited to 500000000 in minor units (absolute value at most 500000000 VND) by the account's maximum for this currency"
    );
    assert!(
        vnd(400_000_000)
            .to_minor_units_within(&limits, VISA)
            .is_ok()
    );
    let err = vnd(300_000_000)
        .to_minor_units_within(&limits, amex)
        .unwrap_err();
    assert_eq!(err.code(), "amount_too_large");
    assert_eq!(
        err.max().map(|m| m.source()),
        Some(LimitSource::AccountBrand)
    );

    // A later statement for the same currency replaces the earlier one; a negative maximum
    // is read as its absolute value.
    let limits = limits.with_currency_max(Currency::VND, MinorUnits::new(-9));
    assert_eq!(limits.max_for(Currency::VND, VISA).max().get(), 9);
    // Never a panic, even for i64::MIN.
    let limits =
        AmountLimits::default().with_currency_max(Currency::VND, MinorUnits::new(i64::MIN));
    assert_eq!(limits.max_for(Currency::VND, VISA).max().get(), i64::MAX);
    assert!(vnd(i64::MAX).to_minor_units_within(&limits, VISA).is_ok());
}

/// rules §5: the other rules do not move with the limits: decimals and multiples stay Stripe's.
#[test]
fn limits_change_only_the_maximum() {
    let limits = AmountLimits::card_networks();
    let jpy = Money::new(Decimal::new(15, 1), Currency::JPY);
    assert_eq!(
        jpy.to_minor_units_within(&limits, VISA).unwrap_err().code(),
        "amount_precision"
    );
    let isk = Money::new(Decimal::new(55, 1), Currency::ISK);
    assert_eq!(
        isk.to_minor_units_within(&limits, VISA).unwrap_err().code(),
        "amount_not_multiple"
    );
    let usd = Money::new(Decimal::new(-123_456_789_012, 2), Currency::USD);
    assert_eq!(
        usd.to_minor_units_within(&limits, VISA),
        Ok(MinorUnits::new(-123_456_789_012))
    );
}

/// stripe-facts §1.1: an account can replace Stripe's minimum for its settlement currency.
#[test]
fn an_account_can_replace_a_minimum() {
    let limits = AmountLimits::default();
    assert_eq!(
        limits.minimum_for(Currency::USD),
        stripe_minimum(Currency::USD)
    );
    assert_eq!(limits.minimum_for(Currency::BGN), None);
    let bgn = Money::new(Decimal::new(100, 2), Currency::BGN);
    let limits = limits.with_minimum(bgn);
    assert_eq!(limits.minimum_for(Currency::BGN), Some(bgn));
    assert_eq!(
        limits.minimum_for(Currency::USD),
        stripe_minimum(Currency::USD)
    );
}

/// rules §5: every table has a public date and source.
#[test]
fn tables_name_their_date_and_source() {
    use stripe_gateway_rules::currency::{
        DECIMALS_AS_OF, DECIMALS_SOURCE, PRESENTMENT_AS_OF, PRESENTMENT_SOURCE,
    };
    use stripe_gateway_rules::minimum::{MINIMUMS_AS_OF, MINIMUMS_SOURCE};
    for (as_of, source) in [
        (MAXIMUMS_AS_OF, MAXIMUMS_SOURCE),
        (CARD_NETWORK_MAXIMUMS_AS_OF, CARD_NETWORK_MAXIMUMS_SOURCE),
        (MINIMUMS_AS_OF, MINIMUMS_SOURCE),
        (DECIMALS_AS_OF, DECIMALS_SOURCE),
        (PRESENTMENT_AS_OF, PRESENTMENT_SOURCE),
    ] {
        assert!(
            as_of.len() == 10 && as_of.as_bytes()[4] == b'-' && as_of.as_bytes()[7] == b'-',
            "{as_of}"
        );
        assert!(source.starts_with("https://"), "{source}");
    }
}

/// stripe-facts §1.1: the minimum check uses the account's replacement when stated, and the
/// verdict carries the minimum it used.
#[test]
fn the_minimum_check_uses_the_accounts_minimum() {
    use stripe_gateway_rules::minimum::{check_minimum, check_minimum_within};
    let usd = |cents| Money::new(Decimal::new(cents, 2), Currency::USD);
    let limits = AmountLimits::default().with_minimum(usd(100));
    let by_table = check_minimum(usd(60), Currency::USD, None).unwrap();
    assert_eq!(
        (by_table.meets(), by_table.minimum()),
        (Some(true), Some(usd(50)))
    );
    let by_account = check_minimum_within(usd(60), Currency::USD, None, &limits).unwrap();
    assert_eq!(
        (by_account.meets(), by_account.minimum()),
        (Some(false), Some(usd(100)))
    );
    assert_eq!(
        by_account.to_string(),
        "0.60 USD is below Stripe's minimum of 1.00 USD"
    );
    // Without replacements, the same verdicts as the table's.
    let default = AmountLimits::default();
    for currency in [Currency::USD, Currency::EUR, Currency::BGN] {
        let amount = Money::new(Decimal::new(49, 2), currency);
        assert_eq!(
            check_minimum_within(amount, Currency::USD, None, &default),
            check_minimum(amount, Currency::USD, None)
        );
    }
}

/// rules §10, stripe-facts §1.2: `link` and `unknown` name no card network: with the card networks'
/// digits they get the unknown brand's 9 digits (8 on a Japanese account), not a known network's
/// 12.
#[test]
fn link_and_unknown_brands_get_the_unknown_networks_limit() {
    use stripe_gateway_rules::card_brand::CardBrand;
    use stripe_gateway_rules::money::{AmountLimits, ChargeMethod};
    let limits = AmountLimits::card_networks();
    for brand in [CardBrand::Link, CardBrand::Unknown] {
        let limit = limits.max_for(
            stripe_gateway_rules::Currency::USD,
            ChargeMethod::Card(Some(brand)),
        );
        assert_eq!(limit.digits(), 9, "{brand:?}");
    }
    let japanese = AmountLimits::card_networks().japanese_account(true);
    let limit = japanese.max_for(
        stripe_gateway_rules::Currency::USD,
        ChargeMethod::Card(Some(CardBrand::Unknown)),
    );
    assert_eq!(limit.digits(), 8);
}
