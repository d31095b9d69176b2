//! Strategies for currencies, amounts and card brands.

use proptest::prelude::*;
use proptest::sample::select;

use crate::card_brand::CardBrand;
use crate::currency::{Currency, minor_unit_rule, presentment_currencies};
use crate::minimum::stripe_minimum;
use crate::money::{MinorUnits, Money, max_minor_units};

/// The three-decimal currencies (last digit 0), which Stripe's presentment list omits.
pub(super) const THREE_DECIMAL: [Currency; 5] = [
    Currency::BHD,
    Currency::JOD,
    Currency::KWD,
    Currency::OMR,
    Currency::TND,
];

/// One of Stripe's presentment currencies ([`presentment_currencies`]), uniformly.
pub fn presentment_currency() -> impl Strategy<Value = Currency> {
    select(presentment_currencies())
}

/// A currency Stripe charges in under this crate's rules: a presentment currency, or one of
/// the three-decimal currencies (BHD, JOD, KWD, OMR, TND), which have their own rule (last
/// digit 0) and are reported for some accounts (see [`crate::currency`]).
pub fn currency() -> impl Strategy<Value = Currency> {
    prop_oneof![
        9 => presentment_currency(),
        1 => select(&THREE_DECIMAL[..]),
    ]
}

/// A positive amount in minor units that Stripe accepts for `currency`: a multiple of the
/// currency's step ([`MinorUnitRule::multiple_of`](crate::currency::MinorUnitRule::multiple_of):
/// ×100 for ISK and UGX, ×10 for the three-decimal currencies), at most
/// [`max_minor_units`]. Small amounts are the most frequent; the maximum is reachable.
pub fn minor_units_in(currency: Currency) -> impl Strategy<Value = MinorUnits> {
    steps_between(currency, 1, max_steps(currency))
        .prop_map(move |k| MinorUnits::new(k * step(currency)))
}

/// A positive amount in `currency` that Stripe accepts (built with
/// [`Money::from_minor_units`], so its scale is Stripe's exponent: `5.00 ISK`, `5.120 KWD`,
/// `500 JPY`).
pub fn money_in(currency: Currency) -> impl Strategy<Value = Money> {
    minor_units_in(currency).prop_map(move |m| money_of(m.get(), currency))
}

/// A positive amount Stripe accepts, in any [`currency`].
pub fn money() -> impl Strategy<Value = Money> {
    currency().prop_flat_map(money_in)
}

pub(super) fn step(currency: Currency) -> i64 {
    minor_unit_rule(currency).multiple_of()
}

pub(super) fn max_steps(currency: Currency) -> i64 {
    max_minor_units(currency).get() / step(currency)
}

pub(super) fn money_of(minor: i64, currency: Currency) -> Money {
    Money::from_minor_units(MinorUnits::new(minor), currency)
        .expect("generated minor units respect the currency's rule")
}

/// A count of steps in `lo..=hi`, mostly near `lo`, sometimes anywhere, sometimes `hi`.
pub(super) fn steps_between(currency: Currency, lo: i64, hi: i64) -> BoxedStrategy<i64> {
    let _ = currency;
    let hi = hi.max(lo);
    prop_oneof![
        6 => lo..=hi.min(lo.saturating_add(2_000)),
        3 => lo..=hi,
        1 => Just(hi),
    ]
    .boxed()
}

/// The minor units of Stripe's minimum charge for `settlement`, when it has one.
pub(super) fn stripe_minimum_minor(settlement: Currency) -> Option<i64> {
    stripe_minimum(settlement).and_then(|m| m.to_minor_units().ok().map(MinorUnits::get))
}

/// Any card brand.
pub fn card_brand() -> impl Strategy<Value = CardBrand> {
    select(&CardBrand::ALL[..])
}
