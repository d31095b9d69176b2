//! The rules of the currency entries: each currency presentable, assigned once and taken by
//! every enabled brand; each minimum payment positive, no finer than its currency allows, and
//! reaching Stripe's minimum charge ([rules §5](crate::rules#rules-5), [§6](crate::rules#rules-6), [§10](crate::rules#rules-10)).

use rust_decimal::Decimal;

use super::collector::{Collector, path_of};
use super::parse::Entry;
use crate::card_brand::CardBrands;
use crate::codes::ViolationCode;
use crate::currency::{Currency, CurrencySet, is_presentment_currency};
use crate::diagnostics::Violation;
use crate::minimum::{MinimumVerdict, check_minimum, check_minimum_within, stripe_minimum};
use crate::money::{AmountLimits, ExchangeRate, Money, RoundingMode};

/// The currency entries: each currency presentable, assigned once, taken by every enabled
/// brand; each minimum valid and reaching Stripe's.
pub(super) fn currencies(
    v: &mut Collector,
    entries: &[Entry],
    (settlement, limits): (Option<Currency>, Option<&AmountLimits>),
    brands: CardBrands,
) {
    let mut seen = CurrencySet::default();
    for (i, entry) in entries.iter().enumerate() {
        if let Some(c) = entry.currency.get() {
            presentment_currency(v, i, c);
            duplicate_currency(v, i, c, &seen);
            brand_currency(v, i, c, brands);
            seen.insert(c);
        }
        if let (Some(c), Some(amount)) = (entry.currency.get(), entry.minimum.get()) {
            minimum_payment(v, i, (c, amount), entry.rate.get(), (settlement, limits));
        }
    }
}

/// [rules §5](crate::rules#rules-5): a currency Stripe presents.
fn presentment_currency(v: &mut Collector, i: usize, c: Currency) {
    if !is_presentment_currency(c) {
        v.error(
            format!("currencies[{i}].currency"),
            ViolationCode::UnsupportedCurrency,
            format!("{} is not one of Stripe's presentment currencies", c.code()),
            "remove it: Stripe cannot charge in it",
        );
    }
}

/// [rules §6](crate::rules#rules-6), S4: a currency is assigned once.
fn duplicate_currency(v: &mut Collector, i: usize, c: Currency, seen: &CurrencySet) {
    if seen.contains(c) {
        v.error(
            format!("currencies[{i}].currency"),
            ViolationCode::DuplicateCurrency,
            format!("{} is assigned more than once", c.code()),
            "keep one entry per currency",
        );
    }
}

/// [rules §10](crate::rules#rules-10), [stripe-facts §7](crate::rules#facts-7): every enabled brand takes the currency.
fn brand_currency(v: &mut Collector, i: usize, c: Currency, brands: CardBrands) {
    if !is_presentment_currency(c) {
        return;
    }
    for brand in brands.iter().filter(|b| !b.supports_currency(c)) {
        v.error(
            format!("currencies[{i}].currency"),
            ViolationCode::BrandCurrencyUnsupported,
            format!(
                "{} cards cannot be charged in {} at Stripe",
                brand.label(),
                c.code()
            ),
            format!(
                "remove {} from the {}, or remove {}",
                brand.label(),
                v.name("card_brands"),
                c.code()
            ),
        );
    }
}

/// [rules §5](crate::rules#rules-5), [§6](crate::rules#rules-6), [stripe-facts §1.1](crate::rules#facts-1-1): a minimum payment is positive, no finer than its
/// currency allows, and reaches Stripe's minimum charge for the settlement currency after
/// conversion.
fn minimum_payment(
    v: &mut Collector,
    i: usize,
    (currency, amount): (Currency, Decimal),
    rate: Option<Decimal>,
    (settlement, limits): (Option<Currency>, Option<&AmountLimits>),
) {
    let path = |name: &str| format!("currencies[{i}].{name}");
    let minimum = Money::new(amount, currency);
    if amount <= rust_decimal::Decimal::ZERO {
        v.error(
            path("minimum_payment"),
            ViolationCode::InvalidMinimum,
            format!("minimum payment {minimum} is not positive"),
            "set a positive minimum, at least Stripe's minimum charge",
        );
        return;
    }
    if let Err(e) = minimum.to_minor_units() {
        v.error(
            path("minimum_payment"),
            ViolationCode::InvalidMinimum,
            e.to_string(),
            format!(
                "give the minimum in whole units Stripe accepts for {}",
                currency.code()
            ),
        );
        return;
    }

    let Some(settlement) = settlement else { return };
    let rate = match rate {
        None => None,
        Some(r) => match ExchangeRate::new(currency, settlement, r) {
            Ok(rate) => Some(rate),
            Err(e) => {
                v.error(path("rate_to_settlement"), ViolationCode::InvalidValue, e.to_string(), "give what one unit of this currency is worth in the settlement currency, a positive decimal (1 when it is the settlement currency)");
                return;
            }
        },
    };
    let rate = rate.filter(|_| currency != settlement);
    let checked = match limits {
        Some(limits) => check_minimum_within(minimum, settlement, rate.as_ref(), limits),
        None => check_minimum(minimum, settlement, rate.as_ref()),
    };
    match checked {
        Ok(MinimumVerdict::Exact {
            meets: false,
            minimum: stripe,
            compared,
        }) => {
            let message = if compared.currency() == currency {
                format!(
                    "minimum payment {minimum} is below Stripe's minimum charge of {stripe} for an account that settles in {}",
                    settlement.code()
                )
            } else {
                format!(
                    "minimum payment {minimum} converts to {compared}, below Stripe's minimum charge of {stripe} for an account that settles in {}",
                    settlement.code()
                )
            };
            let smallest = smallest_passing_minimum(currency, stripe, rate.as_ref());
            let remedy = match smallest {
                Some(m) if currency == settlement => {
                    format!("raise the minimum payment to {} or more", m.amount())
                }
                Some(m) => format!(
                    "raise the minimum payment to {} or more, which converts to at least {stripe} at this rate",
                    m.amount()
                ),
                None => format!(
                    "raise the minimum payment so it reaches {stripe} in the settlement currency"
                ),
            };
            let mut violation = Violation::error(
                path_of(&path("minimum_payment")),
                ViolationCode::MinimumBelowStripe,
                message,
            )
            .with_remedy(remedy)
            .with_param("minimum", minimum.amount())
            .with_param("currency", currency.code())
            .with_param("stripe_minimum", stripe.amount())
            .with_param("settlement_currency", settlement.code());
            if let Some(m) = smallest {
                violation = violation.with_param("smallest_passing_minimum", m.amount());
            }
            if limits.is_some_and(|l| l.minimums().contains(&stripe)) {
                // The minimum compared with is the account's own (account.limits.minimums).
                violation = violation.with_param("minimum_stated_by_account", true);
            }
            v.found.push(violation);
        }
        Ok(MinimumVerdict::Approximate {
            meets,
            minimum: own,
            ..
        }) => {
            let compared = if meets { "reaches" } else { "is below" };
            v.warning(
                path("minimum_payment"),
                ViolationCode::MinimumApproximate,
                format!(
                    "minimum payment {minimum} {compared} Stripe's minimum for {} ({own}), but the account settles in {}: Stripe's real minimum is its {} minimum after conversion, which needs a rate to check",
                    currency.code(),
                    settlement.code(),
                    settlement.code()
                ),
                format!("give the exchange rate (what 1 {} is worth in {}) for an exact check", currency.code(), settlement.code()),
            );
        }
        Ok(MinimumVerdict::Unknown)
            if limits
                .map_or_else(|| stripe_minimum(settlement), |l| l.minimum_for(settlement))
                .is_none() =>
        {
            v.warning(
                path("minimum_payment"),
                ViolationCode::MinimumUnverifiable,
                format!("minimum payment {minimum} cannot be checked: Stripe publishes no minimum charge for accounts that settle in {}", settlement.code()),
                "check the minimum charge with Stripe for this settlement currency",
            );
        }
        Ok(MinimumVerdict::Unknown) => {
            v.warning(
                path("minimum_payment"),
                ViolationCode::MinimumUnverifiable,
                format!("minimum payment {minimum} cannot be checked: Stripe publishes no minimum for {} to compare it with, and no rate to {} was given", currency.code(), settlement.code()),
                format!("give the exchange rate (what 1 {} is worth in {}) to check it against Stripe's minimum", currency.code(), settlement.code()),
            );
        }
        Ok(_) => {}
        Err(e) => {
            v.error(
                path("minimum_payment"),
                ViolationCode::InvalidMinimum,
                e.to_string(),
                "set a positive minimum that Stripe can charge",
            );
        }
    }
}

/// The smallest minimum payment in `currency` that reaches Stripe's minimum `stripe` (in the
/// settlement currency), converted at `rate` where there is one: rounded up to what the
/// currency allows. `None` when it cannot be computed exactly.
fn smallest_passing_minimum(
    currency: Currency,
    stripe: Money,
    rate: Option<&ExchangeRate>,
) -> Option<Money> {
    let needed = match rate {
        None if stripe.currency() == currency => stripe.amount(),
        None => return None,
        Some(rate) => stripe.amount().checked_div(rate.rate())?,
    };
    Money::new(needed, currency)
        .round_to_stripe(RoundingMode::Up)
        .ok()
}
