//! Property tests: `ValidatedGateway::check` decides money-moving operations exactly as the
//! rules say, whatever the amount's scale or size (issue 13: its integer fast paths change no
//! verdict). The reference model below compares the decimals, as the rules are written.
//!
//! Sources: rules.md §5 (exact amounts), §6 (the configured minimum, S4), §7 (captures at
//! most what was authorized, refunds at most what is left); stripe-facts §1.2, §2.

use std::sync::LazyLock;

use jiff::Timestamp;
use proptest::prelude::*;
use rust_decimal::Decimal;
use stripe_gateway_rules::authorization::Authorization;
use stripe_gateway_rules::config::{AccountConfig, AuthConfig, CurrencyConfig, GatewayConfig};
use stripe_gateway_rules::operation::{Capture, CardSource, Payment, Refund};
use stripe_gateway_rules::{Currency, Money, Operation, ValidatedGateway};

static GATEWAY: LazyLock<ValidatedGateway> = LazyLock::new(|| {
    {
        let mut config = GatewayConfig::default();
        config.name = Some("Stripe".into());
        config.version = Some("v2".into());
        config.mode = Some("test".into());
        config.auth = Some(AuthConfig::api_key("sk_test_4eC39HqLyjWDarjtT1zdp7dc"));
        config.account = Some(AccountConfig::settling_in("USD"));
        config.card_brands = Some(vec!["visa".into()]);
        config.currencies = Some(vec![
            CurrencyConfig::new("USD", "0.50"),
            CurrencyConfig::new("JPY", "100").with_rate("0.0067"),
            CurrencyConfig::new("ISK", "100").with_rate("0.0072"),
            CurrencyConfig::new("IDR", "8000.5").with_rate("0.000063"),
        ]);
        config
    }
    .validate(&stripe_gateway_rules::Platform::Generic.profile())
    .expect("valid")
    .into_gateway()
    .expect("a payment gateway")
});

fn gateway() -> &'static ValidatedGateway {
    &GATEWAY
}

/// The amount rules in their order, with the decimals: not assigned, not positive, then the
/// conversion's own refusal (its code comes from `to_minor_units`, whose exactness
/// `money_props` proves against its own reference model).
fn reference_amount(gw: &ValidatedGateway, m: Money) -> Result<Money, String> {
    let Some(assignment) = gw.currency(m.currency()) else {
        return Err("currency_not_assigned".into());
    };
    if m.amount() <= Decimal::ZERO {
        return Err("amount_not_positive".into());
    }
    m.to_minor_units().map_err(|e| e.code().to_string())?;
    Ok(assignment.minimum())
}

fn reference_sale(gw: &ValidatedGateway, m: Money) -> Result<(), String> {
    let minimum = reference_amount(gw, m)?;
    if m.amount() < minimum.amount() {
        return Err(format!("below_minimum {minimum}"));
    }
    Ok(())
}

fn reference_capture(gw: &ValidatedGateway, m: Money, authorized: Money) -> Result<(), String> {
    reference_amount(gw, m)?;
    if m.amount() > authorized.amount() {
        return Err("capture_exceeds_authorized".into());
    }
    Ok(())
}

fn reference_refund(
    gw: &ValidatedGateway,
    m: Money,
    captured: Money,
    refunded: Money,
) -> Result<(), String> {
    reference_amount(gw, m)?;
    let left = (captured.amount() - refunded.amount()).max(Decimal::ZERO);
    if m.amount() > left {
        return Err(format!("refund_exceeds_captured {left}"));
    }
    Ok(())
}

fn code(result: Result<(), stripe_gateway_rules::Refusal>) -> Result<(), String> {
    result.map_err(|e| match e {
        stripe_gateway_rules::Refusal::BelowMinimum { minimum, .. } => {
            format!("below_minimum {minimum}")
        }
        stripe_gateway_rules::Refusal::RefundExceedsCaptured { refundable, .. } => {
            format!("refund_exceeds_captured {}", refundable.amount())
        }
        other => other.code().to_string(),
    })
}

/// Amounts near the minimums and maxima, at scales around each exponent, in assigned and
/// unassigned currencies; the configured minimums themselves (0.50 USD, 100 JPY or ISK,
/// 8000.5 IDR) at several scales, and a step either side of them.
fn money(currency: Currency) -> impl Strategy<Value = Money> {
    let mantissa = prop_oneof![
        -2_000i64..200_000,
        99_999_000i64..100_001_000,
        999_999_999_000i64..1_000_000_001_000,
        any::<i64>(),
    ];
    let near_minimum = (
        prop::sample::select(vec![(50i64, 2u32), (100, 0), (80005, 1)]),
        0u32..=3,
        -2i64..=2,
    )
        .prop_map(|((m, s), k, delta)| (m * 10_i64.pow(k) + delta, s + k));
    prop_oneof![(mantissa, 0u32..=6), near_minimum]
        .prop_map(move |(m, s)| Money::new(Decimal::new(m, s), currency))
}

fn currency() -> impl Strategy<Value = Currency> {
    prop::sample::select(vec![
        Currency::USD,
        Currency::JPY,
        Currency::ISK,
        Currency::IDR,
        Currency::EUR,
    ])
}

proptest! {
    /// rules §5, §6 (S4): a sale and an authorization get the reference model's verdict.
    #[test]
    fn sale_and_authorize_follow_the_reference(m in currency().prop_flat_map(money)) {
        let gw = gateway();
        let expected = reference_sale(gw, m);
        let sale = Operation::Sale(Payment::new(m, CardSource::Saved));
        let authorize = Operation::Authorize(Payment::new(m, CardSource::Saved));
        prop_assert_eq!(code(gw.check(&sale)), expected.clone(), "{}", m);
        prop_assert_eq!(code(gw.check(&authorize)), expected, "{}", m);
    }

    /// rules §5, §7: a capture gets the reference model's verdict.
    #[test]
    fn capture_follows_the_reference(
        (m, authorized) in currency().prop_flat_map(|c| (money(c), money(c))),
    ) {
        let gw = gateway();
        let t0: Timestamp = "2026-11-01T10:00:00Z".parse().unwrap();
        let op = Operation::Capture(Capture::new(m, authorized, Authorization::new(t0), t0));
        prop_assert_eq!(code(gw.check(&op)), reference_capture(gw, m, authorized), "{} of {}", m, authorized);
    }

    /// rules §5, §7: a refund gets the reference model's verdict.
    #[test]
    fn refund_follows_the_reference(
        (m, captured, refunded) in currency().prop_flat_map(|c| (money(c), money(c), money(c))),
    ) {
        let gw = gateway();
        let op = Operation::Refund(Refund::new(m, captured, refunded));
        prop_assert_eq!(
            code(gw.check(&op)),
            reference_refund(gw, m, captured, refunded),
            "{} of {} - {}", m, captured, refunded
        );
    }
}
