//! Strategies for valid gateway configurations and the gateways they validate into.

use proptest::option;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use rust_decimal::{Decimal, RoundingStrategy};
use secrecy::SecretString;

use super::credentials::{
    account_id_text, client_id_text, client_secret_text, mode, publishable_key_text,
    refresh_token_text, secret_key_text,
};
use super::money::{
    max_steps, money_of, presentment_currency, step, steps_between, stripe_minimum_minor,
};
use crate::card_brand::CardBrand;
use crate::config::{AccountConfig, AuthConfig, CurrencyConfig, GatewayConfig, ValidatedGateway};
use crate::credentials::Mode;
use crate::currency::{Currency, presentment_currencies};
use crate::data_protection::DataProtection;
use crate::minimum::stripe_minimum;

/// A valid `auth` object for a gateway in `mode`: `api_key` (a secret or restricted key of
/// that mode, sometimes an account id) half the time, else `oauth2` or `connect`.
pub fn auth_config(mode: Mode) -> impl Strategy<Value = AuthConfig> {
    prop_oneof![
        2 => (secret_key_text(mode), option::of(account_id_text())).prop_map(|(key, account)| {
            AuthConfig {
                account_id: account,
                ..AuthConfig::api_key(&key)
            }
        }),
        1 => (
            client_id_text(),
            client_secret_text(),
            refresh_token_text(),
            option::of(account_id_text()),
        )
            .prop_map(|(id, secret, token, account)| AuthConfig {
                scheme: Some("oauth2".into()),
                client_id: Some(id),
                client_secret: Some(SecretString::from(secret)),
                refresh_token: Some(SecretString::from(token)),
                account_id: account,
                ..AuthConfig::default()
            }),
        1 => (account_id_text(), option::of("[A-Z][a-z]{2,12}( [A-Z][a-z]{2,12})?"))
            .prop_map(|(account, name)| AuthConfig {
                scheme: Some("connect".into()),
                account_id: Some(account),
                account_name: name,
                ..AuthConfig::default()
            }),
    ]
}

/// A gateway name: `Stripe ` followed by up to 24 printable characters.
fn gateway_name() -> impl Strategy<Value = String> {
    "[A-Za-z0-9 ._-]{0,24}".prop_map(|s| format!("Stripe {s}"))
}

/// A settlement currency: one with a minimum in Stripe's table three times in four (so the
/// minimums are checked exactly), else any presentment currency.
fn settlement_currency() -> impl Strategy<Value = Currency> {
    let in_table: Vec<Currency> = presentment_currencies()
        .iter()
        .copied()
        .filter(|c| stripe_minimum(*c).is_some())
        .collect();
    prop_oneof![3 => select(in_table), 1 => presentment_currency()]
}

/// The code as a configuration might write it: upper case mostly, sometimes lower case.
fn code_text(currency: Currency) -> impl Strategy<Value = String> {
    prop_oneof![
        4 => Just(currency.code().to_owned()),
        1 => Just(currency.code().to_ascii_lowercase()),
    ]
}

/// A valid currency entry for `currency` in an account settling in `settlement`: its minimum
/// reaches Stripe's after conversion when a rate is given, and in the settlement currency
/// itself; entries in other currencies have a rate or not (no rate gives a warning, never an
/// error).
fn currency_entry(currency: Currency, settlement: Currency) -> BoxedStrategy<CurrencyConfig> {
    let step = step(currency);
    let max = max_steps(currency);
    if currency == settlement {
        let lo = stripe_minimum_minor(settlement).map_or(1, |m| (m + step - 1) / step);
        let rate = prop_oneof![
            6 => Just(None),
            1 => Just(Some("1".to_owned())),
            1 => Just(Some("1.00".to_owned())),
        ];
        return (code_text(currency), steps_between(currency, lo, max), rate)
            .prop_map(move |(code, k, rate)| CurrencyConfig {
                currency: Some(code),
                minimum_payment: Some(money_of(k * step, currency).amount().to_string()),
                rate_to_settlement: rate,
            })
            .boxed();
    }
    let stripe = stripe_minimum(settlement).map(|m| m.amount());
    (
        code_text(currency),
        steps_between(currency, 1, max),
        any::<bool>(),
        0_i64..=1_000_000,
    )
        .prop_map(move |(code, k, with_rate, extra)| {
            let minimum = money_of(k * step, currency).amount();
            let extra = Decimal::new(extra, 4);
            let rate = match (with_rate, stripe) {
                (false, _) => None,
                // No minimum to reach: any positive rate.
                (true, None) => Some(extra + Decimal::new(1, 4)),
                (true, Some(stripe)) => Some(rate_reaching(minimum, stripe) + extra),
            };
            CurrencyConfig {
                currency: Some(code),
                minimum_payment: Some(minimum.to_string()),
                rate_to_settlement: rate.map(|r| r.normalize().to_string()),
            }
        })
        .boxed()
}

/// The smallest rate with six decimals at which `minimum` converts to at least `stripe`.
fn rate_reaching(minimum: Decimal, stripe: Decimal) -> Decimal {
    let tick = Decimal::new(1, 6);
    let mut rate = (stripe / minimum)
        .round_dp_with_strategy(6, RoundingStrategy::AwayFromZero)
        .max(tick);
    while minimum * rate < stripe {
        rate += tick;
    }
    rate
}

/// The brands a platform can enable that can be charged in every one of `currencies` (Visa
/// and Mastercard always can).
fn brands_supporting(currencies: &[Currency]) -> Vec<CardBrand> {
    CardBrand::ALL
        .into_iter()
        .filter(|b| b.can_be_enabled())
        .filter(|b| currencies.iter().all(|c| b.supports_currency(*c)))
        .collect()
}

/// The parts of a valid configuration that do not depend on each other.
#[derive(Debug, Clone)]
struct Shape {
    mode: Mode,
    name: String,
    v1: bool,
    existing: bool,
    auth: AuthConfig,
    publishable_key: Option<String>,
    settlement: Currency,
    raw_card_data_access: bool,
    data_protection: u8,
    country: Option<&'static str>,
    currencies: Vec<Currency>,
    return_url: (bool, bool, String),
    radar: Option<bool>,
    live_card_tested: bool,
}

fn shape(mode: Mode) -> impl Strategy<Value = Shape> {
    let countries: &'static [&'static str] = &["US", "JP", "GB", "DE", "CH", "FR", "CA", "AU"];
    (
        (gateway_name(), prop::bool::weighted(0.1), any::<bool>()),
        auth_config(mode),
        option::of(publishable_key_text(mode)),
        settlement_currency(),
        (any::<bool>(), 0_u8..3, option::of(select(countries))),
        (
            any::<bool>(),
            subsequence(presentment_currencies().to_vec(), 0..=3),
        ),
        (
            prop::bool::weighted(0.8),
            prop::bool::weighted(0.8),
            "[a-z0-9-]{0,16}",
        ),
        option::of(any::<bool>()),
        any::<bool>(),
    )
        .prop_map(
            move |(
                (name, v1, existing),
                auth,
                publishable_key,
                settlement,
                (raw_card_data_access, data_protection, country),
                (with_settlement, others),
                return_url,
                radar,
                live_card_tested,
            )| {
                let mut currencies: Vec<Currency> =
                    others.into_iter().filter(|c| *c != settlement).collect();
                if with_settlement || currencies.is_empty() {
                    currencies.insert(0, settlement);
                }
                Shape {
                    mode,
                    name,
                    v1,
                    existing,
                    auth,
                    publishable_key,
                    settlement,
                    raw_card_data_access,
                    data_protection,
                    country,
                    currencies,
                    return_url,
                    radar,
                    live_card_tested,
                }
            },
        )
}

/// A valid configuration in either mode. See [`valid_config_in`].
pub fn valid_config() -> impl Strategy<Value = GatewayConfig> {
    mode().prop_flat_map(valid_config_in)
}

/// A valid configuration in `mode`: every one validates (possibly with warnings).
///
/// * version `v2` (new or existing), or one in ten `v1` existing with raw card data access;
/// * a valid `auth` of any scheme ([`auth_config`]), keys of `mode`; a publishable key of
///   `mode` or none;
/// * a settlement currency (mostly one with a minimum in Stripe's table), raw card data
///   access or not, a data protection mode only with raw card data access, a country or none;
/// * one to four distinct presentment currencies, the settlement currency often among them,
///   each with a minimum that Stripe accepts (precision, multiple, maximum) and that reaches
///   Stripe's minimum: in the settlement currency directly, in others through a rate when one
///   is given (entries without a rate give the `minimum_approximate` or
///   `minimum_unverifiable` warning, not an error); currency codes in upper or lower case;
/// * card brands: a non-empty subset of the brands that accept every assigned currency;
/// * a return URL: https in live mode (always present for v2 live), http or https in test
///   mode, sometimes absent where allowed.
pub fn valid_config_in(mode: Mode) -> impl Strategy<Value = GatewayConfig> {
    shape(mode).prop_flat_map(|shape| {
        let entries: Vec<BoxedStrategy<CurrencyConfig>> = shape
            .currencies
            .iter()
            .map(|c| currency_entry(*c, shape.settlement))
            .collect();
        let allowed = brands_supporting(&shape.currencies);
        let n = allowed.len();
        let brands = subsequence(allowed, 1..=n).prop_shuffle();
        (Just(shape), entries, brands)
            .prop_map(|(shape, entries, brands)| build(shape, entries, &brands))
    })
}

fn build(shape: Shape, currencies: Vec<CurrencyConfig>, brands: &[CardBrand]) -> GatewayConfig {
    let Shape {
        mode,
        name,
        v1,
        existing,
        auth,
        publishable_key,
        settlement,
        raw_card_data_access,
        data_protection,
        country,
        currencies: _,
        return_url: (url_present, https, path),
        radar,
        live_card_tested,
    } = shape;
    // A v1 gateway may only exist, and always needs raw card data access.
    let raw_card_data_access = raw_card_data_access || v1;
    let data_protection = match (raw_card_data_access, data_protection) {
        (true, 1) => Some(DataProtection::TokenOnly.as_str().to_owned()),
        (true, 2) => Some(DataProtection::FullCardExceptCvv.as_str().to_owned()),
        _ => None,
    };
    let required = !v1 && mode == Mode::Live;
    let return_url = (url_present || required).then(|| {
        let scheme = if https || mode == Mode::Live {
            "https"
        } else {
            "http"
        };
        format!("{scheme}://shop.example/{path}")
    });
    // The account's descriptor settings (rules §13), varied by the generated name: none, a
    // static descriptor alone (Stripe's fallback prefix), or a descriptor and its prefix.
    let (statement_descriptor, statement_descriptor_prefix) = match name.len() % 3 {
        0 => (None, None),
        1 => (Some("ACME BILLING".to_owned()), None),
        _ => (
            Some("EXAMPLE SHOP ONLINE".to_owned()),
            Some("EXSHOP".to_owned()),
        ),
    };
    GatewayConfig {
        name: Some(name),
        version: Some(if v1 { "v1" } else { "v2" }.to_owned()),
        mode: Some(mode.as_str().to_owned()),
        existing: existing || v1,
        auth: Some(auth),
        publishable_key,
        account: Some(AccountConfig {
            settlement_currency: Some(settlement.code().to_owned()),
            raw_card_data_access,
            country: country.map(str::to_owned),
            limits: None,
            statement_descriptor,
            statement_descriptor_prefix,
        }),
        data_protection,
        card_brands: Some(brands.iter().map(|b| b.as_str().to_owned()).collect()),
        currencies: Some(currencies),
        return_url,
        radar,
        live_card_tested,
        ..GatewayConfig::default()
    }
}

/// A validated gateway, from [`valid_config`].
pub fn validated_gateway() -> impl Strategy<Value = ValidatedGateway> {
    valid_config().prop_map(|c| {
        c.validate(&c.profile())
            .expect("a generated valid config validates")
            .into_gateway()
            .expect("a generated valid config is a payment gateway")
    })
}
