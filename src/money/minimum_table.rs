//! Stripe's minimum charge per settlement currency: the data that [`AmountLimits`](super::AmountLimits)
//! falls back on and [`crate::minimum`] checks against (public there, as
//! `crate::minimum::{stripe_minimum, MINIMUMS_AS_OF, MINIMUMS_SOURCE}`).

use rust_decimal::Decimal;

use super::Money;
use crate::currency::{Currency, minor_unit_rule};

/// When the minimum table ([`stripe_minimum`]) was read: the current page, as quoted by a
/// third-party copy fetched 2026-07-10 ([stripe-facts §1.1](crate::rules#facts-1-1), V3).
pub const MINIMUMS_AS_OF: &str = "2026-07-10";

/// Where the minimum table comes from.
pub const MINIMUMS_SOURCE: &str =
    "https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts";

/// Stripe's minimum charge per settlement currency, in minor units of Stripe's exponent
/// (so `(USD, 50)` is 0.50 USD and `(JPY, 50)` is 50 JPY).
///
/// Source: <https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts>, current
/// page (2026, read through a public mirror of `docs.stripe.com/currencies.md`);
/// [stripe-facts §1.1](crate::rules#facts-1-1); `tests/data/stripe-min-amounts.csv`. IDR, COP, RUB (0.50) and KRW (50)
/// look implausibly small and are kept as published.
const MINIMUMS: [(Currency, i64); 31] = [
    (Currency::USD, 50),
    (Currency::AED, 200),
    (Currency::ARS, 50),
    (Currency::AUD, 50),
    (Currency::BRL, 50),
    (Currency::CAD, 50),
    (Currency::CHF, 50),
    (Currency::COP, 50),
    (Currency::CZK, 1500),
    (Currency::DKK, 250),
    (Currency::EUR, 50),
    (Currency::GBP, 30),
    (Currency::HKD, 400),
    (Currency::HUF, 17500),
    (Currency::IDR, 50),
    (Currency::ILS, 50),
    (Currency::INR, 50),
    (Currency::JPY, 50),
    (Currency::KRW, 50),
    (Currency::MXN, 1000),
    (Currency::MYR, 200),
    (Currency::NOK, 300),
    (Currency::NZD, 50),
    (Currency::PHP, 50),
    (Currency::PLN, 200),
    (Currency::RON, 200),
    (Currency::RUB, 50),
    (Currency::SEK, 300),
    (Currency::SGD, 50),
    (Currency::THB, 1000),
    (Currency::ZAR, 50),
];

/// Stripe's minimum charge for accounts settling in `settlement`, or `None` when the current
/// table has no entry for it (31 currencies; see the [module docs](crate::minimum#the-table)).
///
/// The amount has Stripe's exponent as scale: `0.50 USD`, `50 JPY`, `10.00 THB` (published as
/// "10").
///
/// # Examples
///
/// ```
/// use stripe_gateway_rules::currency::Currency;
/// use stripe_gateway_rules::minimum::stripe_minimum;
///
/// assert_eq!(stripe_minimum(Currency::GBP).map(|m| m.to_string()), Some("0.30 GBP".into()));
/// assert_eq!(stripe_minimum(Currency::JPY).map(|m| m.to_string()), Some("50 JPY".into()));
/// assert_eq!(stripe_minimum(Currency::BGN), None); // dropped from the current table
/// ```
pub fn stripe_minimum(settlement: Currency) -> Option<Money> {
    MINIMUMS
        .iter()
        .find(|(c, _)| *c == settlement)
        .map(|&(c, minor)| Money::new(Decimal::new(minor, minor_unit_rule(c).exponent()), c))
}
