//! Strategies for invalid configurations, one mutation per violation code, and for warnings.

use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::Union;
use rust_decimal::Decimal;

use super::credentials::{other_mode, publishable_key_text, secret_key_text};
use super::money::{THREE_DECIMAL, money_of, step};
use super::valid_config::{valid_config, valid_config_in};
use crate::card_brand::CardBrand;
use crate::credentials::Mode;
use crate::currency::{Currency, amex_supports, presentment_currencies};
use crate::minimum::stripe_minimum;
use crate::{
    codes::ViolationCode,
    config::{AccountConfig, AuthConfig, CurrencyConfig, GatewayConfig},
};

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
        1 => {
            // A form without a version is checked as a new V2 gateway, which in live mode
            // also needs a return URL: give one, so that the missing version is the only error.
            c.version = None;
            c.return_url
                .get_or_insert_with(|| "https://shop.example.com/checkout/return".into());
        }
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
