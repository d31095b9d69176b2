//! The `account.limits` object: parsed into an [`AmountLimits`], each entry's problems at its
//! path, and the report's note naming the limits stated (issue 11; [stripe-facts §1.2](crate::rules#facts-1-2),
//! <https://docs.stripe.com/currencies>).

use iso_currency::Country;
use rust_decimal::Decimal;

use super::collector::Collector;
use super::parse::Account;
use super::{BrandMaxConfig, LimitsConfig, MinimumConfig};
use crate::card_brand::CardBrand;
use crate::codes::ViolationCode;
use crate::currency::{Currency, parse_currency};
use crate::money::{AmountLimits, MinorUnits, Money, parse_amount};

/// The largest maximum an account may state: 12 digits in minor units, the most Stripe's
/// currencies page allows any payment ("up to 12 digits", [stripe-facts §1.2](crate::rules#facts-1-2)).
const MAX_STATED: i64 = 999_999_999_999;

const BRANDS: &str = "use Stripe's brand keywords, in lowercase: visa, mastercard, amex, discover, diners, jcb, unionpay, cartes_bancaires, eftpos_au, interac, girocard";

/// Parses `account.limits`; `None` when an entry is unusable (already reported). Without
/// `japanese_account`, an account whose `country` is `JP` is Japanese when it states the card
/// networks' digits.
pub(super) fn parse(
    v: &mut Collector,
    c: &LimitsConfig,
    country: Option<Country>,
) -> Option<AmountLimits> {
    let japanese = c
        .japanese_account
        .unwrap_or(c.card_networks && country == Some(Country::JP));
    let mut limits = if c.card_networks {
        AmountLimits::card_networks()
    } else {
        AmountLimits::api_reference()
    }
    .japanese_account(japanese);
    let mut usable = true;
    let mut seen: Vec<Currency> = Vec::new();
    for (i, e) in c.currency_max.iter().flatten().enumerate() {
        let currency = entry_currency(v, "currency_max", i, e.currency.as_deref(), &seen);
        seen.extend(currency);
        let max = max_minor_units(
            v,
            &format!("account.limits.currency_max[{i}].max_minor_units"),
            e.max_minor_units.as_deref(),
        );
        match (currency, max) {
            (Some(currency), Some(max)) => limits = limits.with_currency_max(currency, max),
            _ => usable = false,
        }
    }
    let mut brands: Vec<CardBrand> = Vec::new();
    for (i, e) in c.brand_max.iter().flatten().enumerate() {
        let brand = brand(v, i, e, &brands);
        brands.extend(brand);
        let max = max_minor_units(
            v,
            &format!("account.limits.brand_max[{i}].max_minor_units"),
            e.max_minor_units.as_deref(),
        );
        match (brand, max) {
            (Some(brand), Some(max)) => limits = limits.with_brand_max(brand, max),
            _ => usable = false,
        }
    }
    let mut seen: Vec<Currency> = Vec::new();
    for (i, e) in c.minimums.iter().flatten().enumerate() {
        let currency = entry_currency(v, "minimums", i, e.currency.as_deref(), &seen);
        seen.extend(currency);
        match minimum(v, i, e, currency) {
            Some(m) => limits = limits.with_minimum(m),
            None => usable = false,
        }
    }
    usable.then_some(limits)
}

/// A currency of an entry: required, an ISO 4217 code, given once in its list.
fn entry_currency(
    v: &mut Collector,
    list: &str,
    i: usize,
    text: Option<&str>,
    seen: &[Currency],
) -> Option<Currency> {
    let path = format!("account.limits.{list}[{i}].currency");
    let text = v.required(
        &path,
        text,
        "give the currency's ISO 4217 code, such as USD",
    )?;
    let currency = v.parse_with(
        &path,
        Some(text),
        "use an ISO 4217 code, such as USD",
        parse_currency,
    )?;
    if seen.contains(&currency) {
        v.error(
            &path,
            ViolationCode::InvalidValue,
            format!(
                "currency {} is given more than once in account.limits.{list}",
                currency.code()
            ),
            "keep one entry per currency",
        );
        return None;
    }
    Some(currency)
}

/// A stated maximum: a whole number of minor units, positive, at most 12 digits.
fn max_minor_units(v: &mut Collector, path: &str, text: Option<&str>) -> Option<MinorUnits> {
    let remedy = "write the maximum as a whole number of minor units, such as \"999999999999\" for 12 digits";
    let text = v.required(path, text, remedy)?;
    let amount = v.parse_with(path, Some(text), remedy, parse_amount)?;
    let whole = amount.normalize();
    let problem = if whole.scale() != 0 {
        Some(format!(
            "the maximum {amount} is not a whole number of minor units"
        ))
    } else if whole <= Decimal::ZERO {
        Some(format!("the maximum {amount} is not positive"))
    } else if whole > Decimal::from(MAX_STATED) {
        Some(format!(
            "the maximum {amount} has more than 12 digits in minor units, more than Stripe allows any payment"
        ))
    } else {
        None
    };
    if let Some(message) = problem {
        v.error(path, ViolationCode::InvalidValue, message, remedy);
        return None;
    }
    i64::try_from(whole.mantissa()).ok().map(MinorUnits::new)
}

/// A brand of `brand_max`: required, a card network, given once.
fn brand(v: &mut Collector, i: usize, e: &BrandMaxConfig, seen: &[CardBrand]) -> Option<CardBrand> {
    let path = format!("account.limits.brand_max[{i}].brand");
    let brand = v
        .required(&path, e.brand.as_deref(), BRANDS)
        .and_then(|text| v.parse::<CardBrand>(&path, Some(text), BRANDS));
    match brand {
        Some(b) if !b.can_be_enabled() => {
            v.error(
                &path,
                ViolationCode::InvalidValue,
                format!(
                    "\"{}\" is not a card network, so it has no maximum of its own",
                    b.as_str()
                ),
                BRANDS,
            );
            None
        }
        Some(b) if seen.contains(&b) => {
            v.error(
                &path,
                ViolationCode::InvalidValue,
                format!(
                    "\"{}\" is given more than once in account.limits.brand_max",
                    b.as_str()
                ),
                "keep one entry per brand",
            );
            None
        }
        other => other,
    }
}

/// A minimum of `minimums`: a positive amount Stripe can charge in the entry's currency.
fn minimum(
    v: &mut Collector,
    i: usize,
    e: &MinimumConfig,
    currency: Option<Currency>,
) -> Option<Money> {
    let path = format!("account.limits.minimums[{i}].minimum");
    let remedy = "write the account's minimum charge as a decimal string, such as \"0.60\"; the currency comes from the entry";
    let amount = v
        .required(&path, e.minimum.as_deref(), remedy)
        .and_then(|text| v.parse_with(&path, Some(text), remedy, parse_amount));
    let (currency, amount) = (currency?, amount?);
    let minimum = Money::new(amount, currency);
    if amount <= Decimal::ZERO {
        v.error(
            &path,
            ViolationCode::InvalidValue,
            format!("the minimum charge {minimum} is not positive"),
            remedy,
        );
        return None;
    }
    if let Err(e) = minimum.to_minor_units() {
        v.error(
            &path,
            ViolationCode::InvalidValue,
            e.to_string(),
            format!(
                "give the minimum in amounts Stripe accepts for {}",
                currency.code()
            ),
        );
        return None;
    }
    Some(minimum)
}

/// The report's note: the account states its own limits, named in plain words, so the
/// operator sees which limits the checks use.
pub(super) fn stated(v: &mut Collector, account: Option<&Account>) {
    let Some(limits) = account.and_then(|a| a.limits.as_ref()) else {
        return;
    };
    if limits.is_default() {
        return;
    }
    v.warning(
        "account.limits",
        ViolationCode::AccountLimitsStated,
        format!("the checks use the account's stated limits: {limits}"),
        "nothing to fix if the Stripe account has these limits; otherwise correct account.limits, or remove it for the API reference's maximum and Stripe's minimum table",
    );
}
