//! [`proptest`](mod@proptest) strategies: valid values of every public type a platform handles, whole valid
//! configurations, operations a validated gateway accepts, and invalid configurations
//! labelled with the [`ViolationCode`] they produce.
//!
//! Every strategy is a plain function returning `impl Strategy` (or a [`BoxedStrategy`] where
//! the shape depends on an argument), so they compose with `prop_map`, `prop_flat_map` and
//! tuples like any other strategy.
//!
//! | strategy | generates |
//! | --- | --- |
//! | [`mode`] | test or live |
//! | [`key_body`] | a key body: ASCII letters and digits, 10–247 long, mostly 24 or 99 |
//! | [`secret_key_text`], [`secret_key_in`], [`secret_key`] | secret (`sk_`) and restricted (`rk_`) keys |
//! | [`publishable_key_text`], [`publishable_key_in`], [`publishable_key`] | publishable keys |
//! | [`account_id_text`], [`account_id`], [`client_id_text`], [`client_id`] | `acct_…`, `ca_…` |
//! | [`client_secret_text`], [`client_secret`], [`refresh_token_text`], [`refresh_token`] | OAuth secrets |
//! | [`presentment_currency`], [`currency`] | Stripe's presentment currencies (and the three-decimal ones) |
//! | [`minor_units_in`], [`money_in`], [`money`] | positive amounts Stripe accepts: right precision, multiple and maximum |
//! | [`card_brand`] | any card brand |
//! | [`auth_config`] | a valid `auth` object of any scheme |
//! | [`valid_config`], [`valid_config_in`], [`validated_gateway`] | whole valid configurations |
//! | [`operation`] | an operation of every kind that a given gateway accepts |
//! | [`any_operation`] | a well-formed operation of any kind, accepted or not |
//! | [`invalid_config`], [`invalid_config_for`] | an invalid configuration and the error code it produces |
//! | [`config_with_warning`] | a valid configuration and the warning code it produces |
//!
//! ```
//! use proptest::prelude::*;
//! use stripe_gateway_rules::testing::strategy::{invalid_config, operation, valid_config};
//!
//! proptest! {
//!     #![proptest_config(ProptestConfig::with_cases(16))]
//!     // In a test file each of these takes `#[test]`; here they are called below.
//!     fn every_valid_config_validates(config in valid_config()) {
//!         prop_assert!(config.validate().is_ok());
//!     }
//!
//!     fn every_invalid_config_is_refused_for_its_reason((config, code) in invalid_config()) {
//!         let report = config.validate().unwrap_err();
//!         prop_assert!(report.has(code), "expected {code}, got {report}");
//!     }
//!
//!     fn the_gateway_accepts_what_it_should(
//!         (gateway, op) in valid_config()
//!             .prop_map(|c| c.validate().expect("valid"))
//!             .prop_flat_map(|g| (Just(g.clone()), operation(&g)))
//!     ) {
//!         prop_assert_eq!(gateway.check(&op), Ok(()));
//!     }
//! }
//! # every_valid_config_validates();
//! # every_invalid_config_is_refused_for_its_reason();
//! # the_gateway_accepts_what_it_should();
//! ```

use proptest::option;
use proptest::prelude::*;
use proptest::sample::{select, subsequence};
use proptest::strategy::{BoxedStrategy, Union};
use rust_decimal::{Decimal, RoundingStrategy};
use secrecy::SecretString;

use crate::authorization::{Authorization, Initiator, Presence};
use crate::card_brand::CardBrand;
use crate::config::{
    AccountConfig, AuthConfig, CurrencyConfig, GatewayConfig, ValidatedGateway, ViolationCode,
};
use crate::credentials::{
    AccountId, ClientId, ClientSecret, Mode, PublishableKey, RefreshToken, SecretKey,
};
use crate::currency::{Currency, amex_supports, minor_unit_rule, presentment_currencies};
use crate::data_protection::DataProtection;
use crate::minimum::stripe_minimum;
use crate::money::{MinorUnits, Money, max_minor_units};
use crate::operation::{Capture, CardSource, Operation, Payment, Refund};

// ---------------------------------------------------------------------------------------------
// Credentials
// ---------------------------------------------------------------------------------------------

/// Test or live, equally often.
pub fn mode() -> impl Strategy<Value = Mode> {
    prop_oneof![Just(Mode::Test), Just(Mode::Live)]
}

fn other_mode(mode: Mode) -> Mode {
    match mode {
        Mode::Test => Mode::Live,
        Mode::Live => Mode::Test,
    }
}

/// A key body: ASCII letters and digits. The lengths Stripe's keys have in practice are the
/// most frequent (24, legacy keys and Stripe's samples; 99, modern keys); the others cover the
/// whole accepted range, 10 to 247 ([`MIN_KEY_BODY_LEN`](crate::credentials::MIN_KEY_BODY_LEN),
/// [`MAX_KEY_BODY_LEN`](crate::credentials::MAX_KEY_BODY_LEN)).
pub fn key_body() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-z0-9]{24}",
        3 => "[A-Za-z0-9]{99}",
        1 => "[A-Za-z0-9]{10,16}",
        1 => "[A-Za-z0-9]{10,247}",
        1 => "[A-Za-z0-9]{240,247}",
    ]
}

/// A secret as people paste it into the wrong field, and its body as it appears in the
/// pasted text: a secret, restricted or webhook key (`sk_live_`, `sk_test_`, `rk_live_`,
/// `rk_test_`, `whsec_`) with a body of 24 or 99 letters and digits (or 16 to 120), bare,
/// quoted, after a space, after `Bearer `, upper-case, or with a line break after it. For
/// no-leak tests: no output should hold 12 consecutive characters of the body.
///
/// ```
/// use proptest::prelude::*;
/// use stripe_gateway_rules::testing::strategy::pasted_secret;
///
/// proptest!(|((pasted, body) in pasted_secret())| {
///     prop_assert!(pasted.to_lowercase().contains(&body.to_lowercase()));
///     prop_assert!(body.len() >= 16);
/// });
/// ```
pub fn pasted_secret() -> impl Strategy<Value = (String, String)> {
    (
        prop::sample::select(vec![
            "sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_",
        ]),
        prop_oneof!["[A-Za-z0-9]{24}", "[A-Za-z0-9]{99}", "[A-Za-z0-9]{16,120}"],
        0..6u8,
    )
        .prop_map(|(prefix, body, form)| {
            let bare = format!("{prefix}{body}");
            match form {
                0 => (bare, body),
                1 => (format!("\"{bare}\""), body),
                2 => (format!(" {bare}"), body),
                3 => (format!("Bearer {bare}"), body),
                4 => (bare.to_uppercase(), body.to_uppercase()),
                _ => (format!("{bare}\n"), body),
            }
        })
}

/// The text of a secret (`sk_`) or restricted (`rk_`) key of `mode`; three in four are secret
/// keys.
pub fn secret_key_text(mode: Mode) -> impl Strategy<Value = String> {
    let kind = prop_oneof![3 => Just("sk"), 1 => Just("rk")];
    (kind, key_body()).prop_map(move |(kind, body)| format!("{kind}_{mode}_{body}"))
}

/// A parsed secret or restricted key of `mode`.
pub fn secret_key_in(mode: Mode) -> impl Strategy<Value = SecretKey> {
    secret_key_text(mode).prop_map(|s| s.parse().expect("a generated secret key parses"))
}

/// A parsed secret or restricted key of either mode.
pub fn secret_key() -> impl Strategy<Value = SecretKey> {
    mode().prop_flat_map(secret_key_in)
}

/// The text of a publishable key (`pk_`) of `mode`.
pub fn publishable_key_text(mode: Mode) -> impl Strategy<Value = String> {
    key_body().prop_map(move |body| format!("pk_{mode}_{body}"))
}

/// A parsed publishable key of `mode`.
pub fn publishable_key_in(mode: Mode) -> impl Strategy<Value = PublishableKey> {
    publishable_key_text(mode).prop_map(|s| s.parse().expect("a generated publishable key parses"))
}

/// A parsed publishable key of either mode.
pub fn publishable_key() -> impl Strategy<Value = PublishableKey> {
    mode().prop_flat_map(publishable_key_in)
}

/// The text of an account id: `acct_` and 16 letters and digits mostly, up to the 255
/// characters Stripe allows.
pub fn account_id_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "acct_[A-Za-z0-9]{16}",
        1 => "acct_[A-Za-z0-9]{1,250}",
    ]
}

/// A parsed account id.
pub fn account_id() -> impl Strategy<Value = AccountId> {
    account_id_text().prop_map(|s| s.parse().expect("a generated account id parses"))
}

/// The text of a Connect client id: `ca_` and 32 letters and digits mostly, up to 255
/// characters.
pub fn client_id_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "ca_[A-Za-z0-9]{32}",
        1 => "ca_[A-Za-z0-9]{1,252}",
    ]
}

/// A parsed client id.
pub fn client_id() -> impl Strategy<Value = ClientId> {
    client_id_text().prop_map(|s| s.parse().expect("a generated client id parses"))
}

/// The text of an OAuth client secret (opaque): `cs_` and 16 to 64 letters, digits and
/// underscores.
pub fn client_secret_text() -> impl Strategy<Value = String> {
    "cs_[A-Za-z0-9_]{16,64}"
}

/// A parsed OAuth client secret.
pub fn client_secret() -> impl Strategy<Value = ClientSecret> {
    client_secret_text().prop_map(|s| s.parse().expect("a generated client secret parses"))
}

/// The text of an OAuth refresh token (opaque): `rt_` and 16 to 64 letters and digits.
pub fn refresh_token_text() -> impl Strategy<Value = String> {
    "rt_[A-Za-z0-9]{16,64}"
}

/// A parsed OAuth refresh token.
pub fn refresh_token() -> impl Strategy<Value = RefreshToken> {
    refresh_token_text().prop_map(|s| s.parse().expect("a generated refresh token parses"))
}

// ---------------------------------------------------------------------------------------------
// Currencies and money
// ---------------------------------------------------------------------------------------------

/// The three-decimal currencies (last digit 0), which Stripe's presentment list omits.
const THREE_DECIMAL: [Currency; 5] = [
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

fn step(currency: Currency) -> i64 {
    minor_unit_rule(currency).multiple_of()
}

fn max_steps(currency: Currency) -> i64 {
    max_minor_units(currency).get() / step(currency)
}

fn money_of(minor: i64, currency: Currency) -> Money {
    Money::from_minor_units(MinorUnits::new(minor), currency)
        .expect("generated minor units respect the currency's rule")
}

/// A count of steps in `lo..=hi`, mostly near `lo`, sometimes anywhere, sometimes `hi`.
fn steps_between(currency: Currency, lo: i64, hi: i64) -> BoxedStrategy<i64> {
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
fn stripe_minimum_minor(settlement: Currency) -> Option<i64> {
    stripe_minimum(settlement).and_then(|m| m.to_minor_units().ok().map(MinorUnits::get))
}

/// Any card brand.
pub fn card_brand() -> impl Strategy<Value = CardBrand> {
    select(&CardBrand::ALL[..])
}

// ---------------------------------------------------------------------------------------------
// Configurations
// ---------------------------------------------------------------------------------------------

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
    valid_config().prop_map(|c| c.validate().expect("a generated valid config validates"))
}

// ---------------------------------------------------------------------------------------------
// Invalid configurations
// ---------------------------------------------------------------------------------------------

/// The error codes [`invalid_config`] produces, one mutation family each: every
/// [`ViolationCode`] of severity error (`legacy_version` as the error of a new v1 gateway).
/// The warning-only codes are produced by [`config_with_warning`].
pub const INVALID_CODES: &[ViolationCode] = &[
    ViolationCode::InvalidSecretKey,
    ViolationCode::PublishableKeyAsSecret,
    ViolationCode::WrongCredentialKind,
    ViolationCode::KeyModeMismatch,
    ViolationCode::KeyPairModeMismatch,
    ViolationCode::MissingField,
    ViolationCode::InvalidValue,
    ViolationCode::LegacyVersion,
    ViolationCode::RawCardDataRequired,
    ViolationCode::ReturnUrlRequired,
    ViolationCode::ReturnUrlInsecure,
    ViolationCode::NoCardBrands,
    ViolationCode::BrandCurrencyUnsupported,
    ViolationCode::UnsupportedCurrency,
    ViolationCode::DuplicateCurrency,
    ViolationCode::InvalidMinimum,
    ViolationCode::MinimumBelowStripe,
];

/// The warning codes [`config_with_warning`] produces.
pub const WARNING_CODES: &[ViolationCode] = &[
    ViolationCode::LegacyVersion,
    ViolationCode::MinimumApproximate,
    ViolationCode::MinimumUnverifiable,
    ViolationCode::LiveCardTestMissing,
];

/// An invalid configuration and the error code its validation must report: a
/// [`valid_config`] with one labelled mutation, for every code of [`INVALID_CODES`] equally
/// often. See [`invalid_config_for`] for the mutations.
pub fn invalid_config() -> impl Strategy<Value = (GatewayConfig, ViolationCode)> {
    Union::new(INVALID_CODES.iter().map(|&code| {
        invalid_config_for(code)
            .expect("every invalid code has a mutation")
            .prop_map(move |c| (c, code))
            .boxed()
    }))
}

fn mode_of(config: &GatewayConfig) -> Mode {
    config
        .mode
        .as_deref()
        .and_then(|m| m.parse().ok())
        .unwrap_or(Mode::Test)
}

/// Mutates a valid configuration with a value drawn from `extra(mode)`.
fn mutate<T, S>(
    extra: impl Fn(Mode) -> S + 'static,
    apply: impl Fn(&mut GatewayConfig, T) + 'static,
) -> BoxedStrategy<GatewayConfig>
where
    T: std::fmt::Debug + Clone + 'static,
    S: Strategy<Value = T> + 'static,
{
    mutate_from(valid_config(), extra, apply)
}

/// [`mutate`], from configurations of `base`.
fn mutate_from<T, S>(
    base: impl Strategy<Value = GatewayConfig> + 'static,
    extra: impl Fn(Mode) -> S + 'static,
    apply: impl Fn(&mut GatewayConfig, T) + 'static,
) -> BoxedStrategy<GatewayConfig>
where
    T: std::fmt::Debug + Clone + 'static,
    S: Strategy<Value = T> + 'static,
{
    let apply = std::rc::Rc::new(apply);
    base.prop_flat_map(move |c| {
        let apply = apply.clone();
        (Just(c.clone()), extra(mode_of(&c))).prop_map(move |(mut c, t)| {
            apply(&mut c, t);
            c
        })
    })
    .boxed()
}

/// Values another kind of Stripe string takes, for a secret key's slot.
fn other_stripe_string() -> impl Strategy<Value = String> {
    (
        select(&["whsec_", "acct_", "ca_", "sk_org_", "tok_", "pm_"][..]),
        "[A-Za-z0-9]{16,64}",
    )
        .prop_map(|(prefix, body)| format!("{prefix}{body}"))
}

/// A secret key of `mode` gone wrong in a way that is not another kind of Stripe string: cut
/// short, too long, a bad character, whitespace, quotes, `Bearer `, an undocumented mode, an
/// unknown prefix.
fn bad_secret_key_text(mode: Mode) -> impl Strategy<Value = String> {
    (0_u8..9, "[A-Za-z0-9]{16,64}", "[A-Za-z0-9]{1,9}").prop_map(
        move |(how, body, short)| match how {
            0 => format!("sk_{mode}_{short}"),
            1 => format!("sk_{mode}_{body}{}", "x".repeat(247)),
            2 => format!("sk_{mode}_{}-{}", &body[..8], &body[8..]),
            3 => format!("sk_{mode}_{body}\n"),
            4 => format!(" sk_{mode}_{body}"),
            5 => format!("\"sk_{mode}_{body}\""),
            6 => format!("Bearer sk_{mode}_{body}"),
            7 => format!("sk_prod_{body}"),
            _ => format!("key_{body}"),
        },
    )
}

/// The currencies with a minimum in Stripe's table.
fn table_currencies() -> Vec<Currency> {
    presentment_currencies()
        .iter()
        .copied()
        .filter(|c| stripe_minimum(*c).is_some())
        .collect()
}

/// An entry for `currency` with a minimum far above any of Stripe's minimums, and no rate.
fn generous_entry(currency: Currency) -> CurrencyConfig {
    let minimum = money_of(100_000 * step(currency), currency);
    CurrencyConfig::new(currency.code(), &minimum.amount().to_string())
}

fn entry_currency(entry: &CurrencyConfig) -> Option<Currency> {
    entry
        .currency
        .as_deref()
        .and_then(|c| crate::currency::parse_currency(c).ok())
}

/// Keeps the brands that accept `currency`, or Visa alone when none does.
fn keep_brands_for(config: &mut GatewayConfig, currency: Currency) {
    let mut brands: Vec<String> = config
        .card_brands
        .take()
        .unwrap_or_default()
        .into_iter()
        .filter(|b| {
            b.parse::<CardBrand>()
                .is_ok_and(|b| b.supports_currency(currency))
        })
        .collect();
    if brands.is_empty() {
        brands.push(CardBrand::Visa.as_str().to_owned());
    }
    config.card_brands = Some(brands);
}

fn account_mut(config: &mut GatewayConfig) -> &mut AccountConfig {
    config.account.get_or_insert_with(AccountConfig::default)
}

fn entries_mut(config: &mut GatewayConfig) -> &mut Vec<CurrencyConfig> {
    config.currencies.get_or_insert_with(Vec::new)
}

/// Invalid configurations whose validation reports `code` (an error), or `None` when `code`
/// is not one of [`INVALID_CODES`] (the warning-only codes: see [`config_with_warning`]).
///
/// Each is a [`valid_config`] with one mutation. The mutation is chosen so that `code` is the
/// only error code reported, except where noted:
///
/// | code | mutation |
/// | --- | --- |
/// | `invalid_secret_key` | `auth` becomes `api_key` with a broken secret key: cut short, too long, a `-` inside, a line break, a leading space, quoted, `Bearer `, `sk_prod_`, an unknown prefix |
/// | `publishable_key_as_secret` | `auth` becomes `api_key` with a publishable key of the mode |
/// | `wrong_credential_kind` | a secret key in `publishable_key`, or `whsec_`/`acct_`/`ca_`/`sk_org_`/`tok_`/`pm_` in `auth.secret_key` |
/// | `key_mode_mismatch` | `auth` becomes `api_key` with a secret key of the other mode |
/// | `key_pair_mode_mismatch` | a secret key of the mode and a publishable key of the other |
/// | `missing_field` | one required field removed: `name`, `version`, `mode`, `auth`, `auth.scheme`, `auth.secret_key`, `account`, `account.settlement_currency`, `currencies`, `currencies[0].currency`, `currencies[0].minimum_payment` |
/// | `invalid_value` | one bad value: version `v3`, mode `Live`, a blank name, data protection `full_card` (with raw card data access), country `12`, a return URL that is not a URL, brand `maestro` added, currency `US`, rate `1,09`, an account id with a `-`, a field of another auth scheme |
/// | `legacy_version` | version `v1`, not existing (raw card data access granted) |
/// | `raw_card_data_required` | a data protection mode without raw card data access |
/// | `return_url_required` | a live v2 configuration without `return_url` |
/// | `return_url_insecure` | a live configuration with an `http://` return URL |
/// | `no_card_brands` | `card_brands` absent or empty |
/// | `brand_currency_unsupported` | `amex` with an asterisked currency added, or `unionpay` with a currency other than USD and CAD; other assigned currencies the added brand refuses give the same code again |
/// | `unsupported_currency` | a currency outside the presentment list added (BHD, JOD, KWD, OMR, TND) |
/// | `duplicate_currency` | an entry repeated (its code sometimes in lower case) |
/// | `invalid_minimum` | a minimum of `0`, negated, one decimal finer than the currency allows, or beyond the maximum |
/// | `minimum_below_stripe` | the account settles in a currency of Stripe's table, and the only entry is its smallest step in that currency, or 0.01 USD (EUR) at a rate of 0.01 |
///
/// Other codes may come along only as warnings (for example `minimum_approximate` for an
/// added currency without a rate).
pub fn invalid_config_for(code: ViolationCode) -> Option<BoxedStrategy<GatewayConfig>> {
    use ViolationCode as V;
    let api_key = |c: &mut GatewayConfig, key: &str| c.auth = Some(AuthConfig::api_key(key));
    Some(match code {
        V::InvalidSecretKey => mutate(bad_secret_key_text, move |c, key: String| api_key(c, &key)),
        V::PublishableKeyAsSecret => {
            mutate(publishable_key_text, move |c, key: String| api_key(c, &key))
        }
        V::WrongCredentialKind => mutate(
            |mode| {
                prop_oneof![
                    secret_key_text(mode).prop_map(|k| (true, k)),
                    other_stripe_string().prop_map(|k| (false, k)),
                ]
            },
            move |c, (in_publishable, text): (bool, String)| {
                if in_publishable {
                    c.publishable_key = Some(text);
                } else {
                    api_key(c, &text);
                }
            },
        ),
        V::KeyModeMismatch => mutate(
            |mode| secret_key_text(other_mode(mode)),
            move |c, key: String| api_key(c, &key),
        ),
        V::KeyPairModeMismatch => mutate(
            |mode| {
                (
                    secret_key_text(mode),
                    publishable_key_text(other_mode(mode)),
                )
            },
            move |c, (secret, publishable): (String, String)| {
                api_key(c, &secret);
                c.publishable_key = Some(publishable);
            },
        ),
        V::MissingField => mutate(|_| 0_u8..11, missing_field),
        V::InvalidValue => mutate(|_| 0_u8..11, invalid_value),
        V::LegacyVersion => mutate(
            |_| Just(()),
            |c, ()| {
                c.version = Some("v1".into());
                c.existing = false;
                account_mut(c).raw_card_data_access = true;
            },
        ),
        V::RawCardDataRequired => mutate(
            |_| select(&["token_only", "full_card_except_cvv"][..]),
            |c, protection: &str| {
                c.data_protection = Some(protection.into());
                account_mut(c).raw_card_data_access = false;
            },
        ),
        V::ReturnUrlRequired => mutate_from(
            valid_config_in(Mode::Live),
            |_| Just(()),
            |c, ()| {
                c.version = Some("v2".into());
                c.return_url = None;
            },
        ),
        V::ReturnUrlInsecure => mutate_from(
            valid_config_in(Mode::Live),
            |_| "[a-z0-9-]{0,16}",
            |c, path: String| c.return_url = Some(format!("http://shop.example/{path}")),
        ),
        V::NoCardBrands => mutate(
            |_| any::<bool>(),
            |c, absent: bool| c.card_brands = if absent { None } else { Some(Vec::new()) },
        ),
        V::BrandCurrencyUnsupported => {
            let asterisked: Vec<Currency> = presentment_currencies()
                .iter()
                .copied()
                .filter(|c| !amex_supports(*c))
                .collect();
            let not_unionpay: Vec<Currency> = presentment_currencies()
                .iter()
                .copied()
                .filter(|c| !CardBrand::UnionPay.supports_currency(*c))
                .collect();
            mutate(
                move |_| {
                    prop_oneof![
                        select(asterisked.clone()).prop_map(|c| (CardBrand::AmericanExpress, c)),
                        select(not_unionpay.clone()).prop_map(|c| (CardBrand::UnionPay, c)),
                    ]
                },
                |c, (brand, currency): (CardBrand, Currency)| {
                    let brands = c.card_brands.get_or_insert_with(Vec::new);
                    if !brands.iter().any(|b| b.parse() == Ok(brand)) {
                        brands.push(brand.as_str().into());
                    }
                    let entries = entries_mut(c);
                    entries.retain(|e| entry_currency(e) != Some(currency));
                    entries.push(generous_entry(currency));
                },
            )
        }
        V::UnsupportedCurrency => mutate(
            |_| select(&THREE_DECIMAL[..]),
            |c, currency: Currency| entries_mut(c).push(generous_entry(currency)),
        ),
        V::DuplicateCurrency => mutate(
            |_| (any::<prop::sample::Index>(), any::<bool>()),
            |c, (i, lower): (prop::sample::Index, bool)| {
                let entries = entries_mut(c);
                if entries.is_empty() {
                    entries.push(CurrencyConfig::new("USD", "10.00"));
                }
                let mut copy = entries[i.index(entries.len())].clone();
                if lower {
                    copy.currency = copy.currency.map(|code| code.to_ascii_lowercase());
                }
                entries.push(copy);
            },
        ),
        V::InvalidMinimum => mutate(
            |_| (any::<prop::sample::Index>(), 0_u8..4),
            |c, (i, how): (prop::sample::Index, u8)| {
                let entries = entries_mut(c);
                if entries.is_empty() {
                    entries.push(CurrencyConfig::new("USD", "10.00"));
                }
                let i = i.index(entries.len());
                let entry = &mut entries[i];
                let current = entry
                    .minimum_payment
                    .as_deref()
                    .and_then(|m| crate::money::parse_amount(m).ok())
                    .unwrap_or(Decimal::ONE);
                let minimum = match how {
                    0 => "0".to_owned(),
                    1 => format!("-{current}"),
                    // One decimal more than Stripe's exponent, ending in 1.
                    2 => Decimal::try_from_i128_with_scale(
                        current.mantissa() * 10 + 1,
                        current.scale() + 1,
                    )
                    .map_or_else(|_| "0.0001".to_owned(), |d| d.to_string()),
                    _ => "100000000000000".to_owned(),
                };
                entry.minimum_payment = Some(minimum);
            },
        ),
        V::MinimumBelowStripe => {
            let table = table_currencies();
            mutate(
                move |_| (select(table.clone()), any::<bool>()),
                |c, (settlement, via_rate): (Currency, bool)| {
                    account_mut(c).settlement_currency = Some(settlement.code().into());
                    let entry = if via_rate {
                        let other = if settlement == Currency::USD {
                            Currency::EUR
                        } else {
                            Currency::USD
                        };
                        CurrencyConfig::new(other.code(), "0.01").with_rate("0.01")
                    } else {
                        let smallest = money_of(step(settlement), settlement);
                        CurrencyConfig::new(settlement.code(), &smallest.amount().to_string())
                    };
                    if let Some(currency) = entry_currency(&entry) {
                        keep_brands_for(c, currency);
                    }
                    c.currencies = Some(vec![entry]);
                },
            )
        }
        _ => return None,
    })
}

fn missing_field(c: &mut GatewayConfig, which: u8) {
    match which {
        0 => c.name = None,
        1 => c.version = None,
        2 => c.mode = None,
        3 => c.auth = None,
        4 => c.auth.get_or_insert_with(AuthConfig::default).scheme = None,
        5 => {
            c.auth = Some(AuthConfig {
                scheme: Some("api_key".into()),
                ..AuthConfig::default()
            });
        }
        6 => c.account = None,
        7 => account_mut(c).settlement_currency = None,
        8 => c.currencies = None,
        9 => {
            if let Some(e) = entries_mut(c).first_mut() {
                e.currency = None;
            }
        }
        _ => {
            if let Some(e) = entries_mut(c).first_mut() {
                e.minimum_payment = None;
            }
        }
    }
}

fn invalid_value(c: &mut GatewayConfig, which: u8) {
    match which {
        0 => c.version = Some("v3".into()),
        1 => c.mode = Some("Live".into()),
        2 => c.name = Some("   ".into()),
        3 => {
            c.data_protection = Some("full_card".into());
            account_mut(c).raw_card_data_access = true;
        }
        4 => account_mut(c).country = Some("12".into()),
        5 => c.return_url = Some("not a url".into()),
        6 => c
            .card_brands
            .get_or_insert_with(Vec::new)
            .push("maestro".into()),
        7 => {
            if let Some(e) = entries_mut(c).first_mut() {
                e.currency = Some("US".into());
            }
        }
        8 => {
            if let Some(e) = entries_mut(c).first_mut() {
                e.rate_to_settlement = Some("1,09".into());
            }
        }
        9 => c.auth.get_or_insert_with(AuthConfig::default).account_id = Some("acct_12-34".into()),
        _ => {
            let auth = c.auth.get_or_insert_with(AuthConfig::default);
            if auth.scheme.as_deref() == Some("connect") {
                auth.client_id = Some("ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb".into());
            } else {
                auth.account_name = Some("Shop".into());
            }
        }
    }
}

/// A valid configuration and the warning its validation reports, for every code of
/// [`WARNING_CODES`] equally often:
///
/// | code | configuration |
/// | --- | --- |
/// | `legacy_version` | an existing v1 gateway with raw card data access |
/// | `minimum_approximate` | an account settling in a currency of Stripe's table, and an entry in another currency of the table without a rate |
/// | `minimum_unverifiable` | an account settling in a presentment currency outside Stripe's table |
/// | `live_card_test_missing` | a live gateway without a test with a live card |
pub fn config_with_warning() -> impl Strategy<Value = (GatewayConfig, ViolationCode)> {
    let table = table_currencies();
    let outside: Vec<Currency> = presentment_currencies()
        .iter()
        .copied()
        .filter(|c| stripe_minimum(*c).is_none())
        .collect();
    let legacy = mutate(
        |_| Just(()),
        |c, ()| {
            c.version = Some("v1".into());
            c.existing = true;
            account_mut(c).raw_card_data_access = true;
        },
    )
    .prop_map(|c| (c, ViolationCode::LegacyVersion));
    let approximate = mutate(
        move |_| {
            (select(table.clone()), select(table.clone())).prop_filter("distinct", |(a, b)| a != b)
        },
        |c, (settlement, other): (Currency, Currency)| {
            account_mut(c).settlement_currency = Some(settlement.code().into());
            c.card_brands = Some(vec![CardBrand::Visa.as_str().into()]);
            c.currencies = Some(vec![generous_entry(other)]);
        },
    )
    .prop_map(|c| (c, ViolationCode::MinimumApproximate));
    let unverifiable = mutate(
        move |_| select(outside.clone()),
        |c, settlement: Currency| {
            account_mut(c).settlement_currency = Some(settlement.code().into());
            c.card_brands = Some(vec![CardBrand::Visa.as_str().into()]);
            c.currencies = Some(vec![generous_entry(settlement)]);
        },
    )
    .prop_map(|c| (c, ViolationCode::MinimumUnverifiable));
    let live_card = mutate_from(
        valid_config_in(Mode::Live),
        |_| Just(()),
        |c, ()| c.live_card_tested = false,
    )
    .prop_map(|c| (c, ViolationCode::LiveCardTestMissing));
    prop_oneof![legacy, approximate, unverifiable, live_card]
}

// ---------------------------------------------------------------------------------------------
// Operations
// ---------------------------------------------------------------------------------------------

/// Valid customer emails, `'static` so the operations that borrow them are too.
const EMAILS: [&str; 4] = [
    "ana@shop.example",
    "b.smith+billing@example.com",
    "ops@sub.example.org",
    "x@y.co",
];

/// Emails of every kind: valid ones, and ones a customer record might hold by mistake.
const ANY_EMAILS: [&str; 8] = [
    "ana@shop.example",
    "b.smith+billing@example.com",
    "",
    "no-at-sign",
    "a@b",
    "two@@example.com",
    "ünï@exämple.com",
    " ana@shop.example",
];

/// A moment between 2020 and 2030.
fn timestamp() -> impl Strategy<Value = jiff::Timestamp> {
    (1_577_836_800_i64..1_893_456_000).prop_map(|s| {
        jiff::Timestamp::from_second(s).expect("a second between 2020 and 2030 is a timestamp")
    })
}

fn initiator() -> impl Strategy<Value = Initiator> {
    prop_oneof![Just(Initiator::Customer), Just(Initiator::Merchant)]
}

fn presence() -> impl Strategy<Value = Presence> {
    prop_oneof![Just(Presence::Online), Just(Presence::InPerson)]
}

/// An operation that `gateway` accepts ([`ValidatedGateway::check`] returns `Ok`), of every
/// kind but `void` (which Stripe gateways never accept):
///
/// * sales and authorizations in an assigned currency, at or above its minimum, with a new or
///   saved card; with a valid email whenever the gateway needs one (token-only mode, new card);
/// * captures of at most the authorized amount, within a day of the authorization (inside
///   every authorization window);
/// * refunds of at most what was captured and not yet refunded;
/// * saving a payment method (with a valid email in token-only mode) and deleting one.
///
/// Amounts respect the currency's precision, multiple and maximum.
pub fn operation(gateway: &ValidatedGateway) -> impl Strategy<Value = Operation<'static>> + use<> {
    let assigned: Vec<(Currency, i64)> = gateway
        .currencies()
        .iter()
        .map(|a| {
            let currency = a.currency();
            let minimum = a.minimum().to_minor_units().map_or(1, MinorUnits::get);
            (currency, minimum)
        })
        .collect();
    let token_only = gateway.data_protection() == Some(DataProtection::TokenOnly);
    select(assigned)
        .prop_flat_map(move |(currency, minimum)| accepted_operation(currency, minimum, token_only))
}

fn accepted_operation(
    currency: Currency,
    minimum: i64,
    token_only: bool,
) -> BoxedStrategy<Operation<'static>> {
    let st = step(currency);
    let max = max_steps(currency);
    let lo = ((minimum + st - 1) / st).max(1);
    let email = || select(&EMAILS[..]);
    let payment = (
        steps_between(currency, lo, max),
        any::<bool>(),
        option::of(email()),
        any::<bool>(),
    )
        .prop_map(move |(k, new, email, sale)| {
            let card = if new {
                CardSource::New
            } else {
                CardSource::Saved
            };
            let email = if new && token_only {
                Some(email.unwrap_or(EMAILS[0]))
            } else {
                email
            };
            let mut p = Payment::new(money_of(k * st, currency), card);
            if let Some(e) = email {
                p = p.with_email(e);
            }
            if sale {
                Operation::Sale(p)
            } else {
                Operation::Authorize(p)
            }
        });
    let capture = (
        steps_between(currency, 1, max),
        any::<prop::sample::Index>(),
        timestamp(),
        0_i64..=86_400,
        (
            // Interac payments are captured when authorized: none is left to capture.
            option::of(
                card_brand().prop_filter("Interac has no capture window", |b| {
                    *b != CardBrand::Interac
                }),
            ),
            initiator(),
            presence(),
            any::<bool>(),
        ),
    )
        .prop_map(
            move |(authorized, i, at, after, (brand, initiator, presence, extended))| {
                let amount = 1 + i.index(usize::try_from(authorized).unwrap_or(usize::MAX)) as i64;
                let mut auth = Authorization::new(at)
                    .initiator(initiator)
                    .presence(presence)
                    .extended(extended);
                if let Some(brand) = brand {
                    auth = auth.brand(brand);
                }
                let when = at
                    .checked_add(jiff::SignedDuration::from_secs(after))
                    .unwrap_or(at);
                Operation::Capture(Capture::new(
                    money_of(amount * st, currency),
                    money_of(authorized * st, currency),
                    auth,
                    when,
                ))
            },
        );
    let refund = (
        steps_between(currency, 1, max),
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
    )
        .prop_map(move |(captured, r, a)| {
            let captured_len = usize::try_from(captured).unwrap_or(usize::MAX);
            let refunded = r.index(captured_len) as i64;
            let left = usize::try_from(captured - refunded).unwrap_or(usize::MAX);
            let amount = 1 + a.index(left) as i64;
            Operation::Refund(Refund::new(
                money_of(amount * st, currency),
                money_of(captured * st, currency),
                money_of(refunded * st, currency),
            ))
        });
    let save = (option::of(email())).prop_map(move |email| Operation::SavePaymentMethod {
        customer_email: if token_only {
            Some(email.unwrap_or(EMAILS[1]))
        } else {
            email
        },
    });
    prop_oneof![
        3 => payment,
        2 => capture,
        2 => refund,
        1 => save,
        1 => Just(Operation::DeletePaymentMethod),
    ]
    .boxed()
}

/// An amount of any shape: Stripe-valid ones, zero, negatives, too fine, too large, any
/// currency (not only presentment ones).
fn any_money() -> impl Strategy<Value = Money> {
    let amount = prop_oneof![
        4 => (any::<i64>(), 0_u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
        1 => Just(Decimal::ZERO),
        1 => Just(Decimal::MAX),
        1 => Just(Decimal::MIN),
    ];
    prop_oneof![
        2 => money(),
        1 => (amount, select(&ALL_SAMPLE_CURRENCIES[..])).prop_map(|(a, c)| Money::new(a, c)),
    ]
}

/// Currencies of every rule, presentment or not.
const ALL_SAMPLE_CURRENCIES: [Currency; 12] = [
    Currency::USD,
    Currency::EUR,
    Currency::JPY,
    Currency::KRW,
    Currency::ISK,
    Currency::UGX,
    Currency::HUF,
    Currency::TWD,
    Currency::KWD,
    Currency::BHD,
    Currency::IDR,
    Currency::MGA,
];

/// A well-formed operation of any kind, `void` included, that a gateway may accept or refuse:
/// amounts of any shape and currency (zero, negative, too fine, too large), captures and
/// refunds in mismatched currencies or beyond what they capture or refund, captures at any
/// time, emails valid or not. For tests that a check never panics and always answers.
pub fn any_operation() -> impl Strategy<Value = Operation<'static>> {
    let email = || option::of(select(&ANY_EMAILS[..]));
    let card = prop_oneof![Just(CardSource::New), Just(CardSource::Saved)];
    let payment = (any_money(), card, email(), any::<bool>()).prop_map(|(m, card, email, sale)| {
        let mut p = Payment::new(m, card);
        if let Some(e) = email {
            p = p.with_email(e);
        }
        if sale {
            Operation::Sale(p)
        } else {
            Operation::Authorize(p)
        }
    });
    let capture = (
        any_money(),
        any_money(),
        timestamp(),
        timestamp(),
        (
            option::of(card_brand()),
            initiator(),
            presence(),
            any::<bool>(),
            option::of(timestamp()),
        ),
    )
        .prop_map(
            |(amount, authorized, at, when, (brand, initiator, presence, extended, before))| {
                let mut auth = Authorization::new(at)
                    .initiator(initiator)
                    .presence(presence)
                    .extended(extended);
                if let Some(brand) = brand {
                    auth = auth.brand(brand);
                }
                if let Some(before) = before {
                    auth = auth.capture_before(before);
                }
                Operation::Capture(Capture::new(amount, authorized, auth, when))
            },
        );
    let refund = (any_money(), any_money(), any_money())
        .prop_map(|(a, c, r)| Operation::Refund(Refund::new(a, c, r)));
    prop_oneof![
        3 => payment,
        2 => capture,
        2 => refund,
        1 => Just(Operation::Void),
        1 => email().prop_map(|customer_email| Operation::SavePaymentMethod { customer_email }),
        1 => Just(Operation::DeletePaymentMethod),
    ]
}
