//! Parsing a [`GatewayConfig`] as entered into typed values, each field's own problems
//! (missing parts of the auth object, a value that does not parse) reported at its path. The
//! rules on the typed values are in `rules.rs`.

use std::str::FromStr;

use iso_currency::Country;
use rust_decimal::Decimal;
use url::Url;

use super::collector::{Collector, expose, listed, path_of};
use super::{AccountConfig, AuthConfig, CurrencyConfig};
use crate::card_brand::{CardBrand, CardBrands};
use crate::codes::ViolationCode;
use crate::credentials::AuthScheme;
use crate::credentials::{
    AccountId, ClientId, ClientSecret, Mode, PublishableKey, RefreshToken, SecretKey,
};
use crate::currency::{Currency, parse_currency};
use crate::data_protection::DataProtection;
use crate::diagnostics::Violation;
use crate::input::AnyForm;
use crate::money::{AmountLimits, Money, parse_amount};
use crate::profile::{Profile, Rule};
use crate::text::InputExcerpt;
use crate::version::GatewayVersion;

/// The longest gateway name accepted.
const MAX_NAME_CHARS: usize = 200;

/// A field of a form, parsed: absent, given but not usable (already reported), or its value.
#[derive(Debug, Clone, Default)]
pub(super) enum Field<T> {
    #[default]
    Absent,
    Invalid,
    Valid(T),
}

impl<T> Field<T> {
    /// From whether the field was given and what its parser returned.
    pub(super) fn of(given: bool, value: Option<T>) -> Self {
        match (given, value) {
            (_, Some(v)) => Field::Valid(v),
            (true, None) => Field::Invalid,
            (false, None) => Field::Absent,
        }
    }

    /// From an optional typed value (the typed path: nothing is ever invalid).
    pub(super) fn from_option(value: Option<T>) -> Self {
        Field::of(false, value)
    }

    pub(super) fn value(&self) -> Option<&T> {
        match self {
            Field::Valid(v) => Some(v),
            _ => None,
        }
    }

    pub(super) fn is_absent(&self) -> bool {
        matches!(self, Field::Absent)
    }

    pub(super) fn is_given(&self) -> bool {
        !self.is_absent()
    }
}

impl<T: Copy> Field<T> {
    pub(super) fn get(&self) -> Option<T> {
        self.value().copied()
    }
}

/// The `account` object, parsed.
#[derive(Debug, Clone, Default)]
pub(super) struct Account {
    pub(super) settlement_currency: Field<Currency>,
    pub(super) raw_card_data_access: bool,
    pub(super) country: Option<Country>,
    /// The limits stated in `account.limits`, when given and usable.
    pub(super) limits: Option<AmountLimits>,
    /// The static statement descriptor, when given and valid.
    pub(super) statement_descriptor: Option<crate::request::StatementDescriptor>,
    /// The prefix of card payments' descriptors: the one given, else the static descriptor's
    /// first 10 characters (Stripe's fallback), when valid.
    pub(super) statement_descriptor_prefix: Option<crate::request::StatementDescriptorPrefix>,
}

/// One currency entry, parsed.
#[derive(Debug, Clone, Default)]
pub(super) struct Entry {
    pub(super) currency: Field<Currency>,
    pub(super) minimum: Field<Decimal>,
    pub(super) rate: Field<Decimal>,
}

/// The card brands, parsed: the valid ones, and how many were listed (valid or not).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Brands {
    pub(super) set: CardBrands,
    pub(super) listed: usize,
}

/// A configuration's fields as typed values: what the rules read, from a file or a form
/// ([`parse`]) or from a platform's own typed values ([`GatewayDraft`](super::GatewayDraft)).
#[derive(Debug, Clone, Default)]
pub(super) struct Parsed {
    pub(super) name: Field<String>,
    pub(super) version: Field<GatewayVersion>,
    pub(super) mode: Field<Mode>,
    pub(super) existing: bool,
    pub(super) auth: Field<AuthScheme>,
    pub(super) publishable_key: Field<PublishableKey>,
    pub(super) account: Option<Account>,
    pub(super) data_protection: Field<DataProtection>,
    pub(super) card_brands: Option<Brands>,
    pub(super) currencies: Option<Vec<Entry>>,
    pub(super) return_url: Field<Url>,
    pub(super) radar: bool,
    pub(super) live_card_tested: bool,
    pub(super) login: Option<String>,
}

/// Parses every field the profile's form has (the others were taken out before).
pub(super) fn parse(v: &mut Collector, c: &AnyForm, profile: &Profile) -> Parsed {
    let name = if profile.applies(Rule::ConnectionSettings) {
        // S1's name is checked by the connection settings' own checks.
        Field::of(c.name.is_some(), c.name.clone())
    } else {
        Field::of(c.name.is_some(), parse_name(v, c.name.as_deref()))
    };
    let version = Field::of(
        c.version.is_some(),
        v.parse(
            "version",
            c.version.as_deref(),
            "use v2; v1 is legacy and may only exist, not be created",
        ),
    );
    let mode_remedy = if profile.applies(Rule::ModeField) {
        "use test or live"
    } else {
        "use test or live, or leave it out: the key's prefix says it"
    };
    let mode = Field::of(
        c.mode.is_some(),
        v.parse("mode", c.mode.as_deref(), mode_remedy),
    );
    let publishable_key = Field::of(
        c.publishable_key.is_some(),
        v.parse_credential("publishable_key", c.publishable_key.as_deref()),
    );
    let auth = match &c.auth {
        None => Field::Absent,
        Some(a) => Field::of(
            true,
            parse_auth(v, a, publishable_key.value().cloned(), profile),
        ),
    };
    let protection_remedy = if profile.requires("data_protection") {
        "use token_only or full_card_except_cvv"
    } else {
        "use token_only or full_card_except_cvv, or leave it out when Stripe collects card numbers"
    };
    let data_protection = Field::of(
        c.data_protection.is_some(),
        v.parse(
            "data_protection",
            c.data_protection.as_deref(),
            protection_remedy,
        ),
    );
    let currencies = c.currencies.as_ref().map(|list| {
        list.iter()
            .enumerate()
            .map(|(i, e)| parse_entry(v, i, e))
            .collect()
    });
    Parsed {
        name,
        version,
        mode,
        existing: c.existing,
        auth,
        publishable_key,
        account: c.account.as_ref().map(|a| parse_account(v, a)),
        data_protection,
        card_brands: c.card_brands.as_deref().map(|b| parse_card_brands(v, b)),
        currencies,
        return_url: Field::of(
            c.return_url.is_some(),
            c.return_url.as_deref().and_then(|t| parse_return_url(v, t)),
        ),
        radar: c.radar.unwrap_or(false),
        live_card_tested: c.live_card_tested,
        login: c.login.clone(),
    }
}

fn parse_name(v: &mut Collector, name: Option<&str>) -> Option<String> {
    let name = name?;
    if name.trim().is_empty() {
        let message = format!("the {} is empty", v.name("name"));
        v.error(
            "name",
            ViolationCode::InvalidValue,
            message,
            "give the gateway a name, such as \"Stripe USD\"",
        );
        return None;
    }
    let chars = name.chars().count();
    if chars > MAX_NAME_CHARS {
        v.error(
            "name",
            ViolationCode::InvalidValue,
            format!(
                "the {} has {chars} characters, more than {MAX_NAME_CHARS}",
                v.name("name")
            ),
            "shorten the name",
        );
        return None;
    }
    Some(name.to_owned())
}

/// The fields of `auth` each scheme takes, beside `scheme` itself.
const SCHEME_FIELDS: [(&str, &[&str]); 3] = [
    ("api_key", &["secret_key", "account_id"]),
    (
        "oauth2",
        &["client_id", "client_secret", "refresh_token", "account_id"],
    ),
    ("connect", &["account_id", "account_name"]),
];

/// The fields of `auth` the scheme named `scheme` takes, beside `scheme` itself; `None` for
/// a name that is no scheme.
pub(super) fn scheme_fields(scheme: &str) -> Option<&'static [&'static str]> {
    SCHEME_FIELDS
        .iter()
        .find(|(name, _)| *name == scheme)
        .map(|(_, fields)| *fields)
}

/// The fields each scheme takes, to report the ones that do not belong.
pub(super) fn parse_auth(
    v: &mut Collector,
    a: &AuthConfig,
    publishable_key: Option<PublishableKey>,
    profile: &Profile,
) -> Option<AuthScheme> {
    let offered = profile.auth_schemes().names().join(", ");
    let scheme = v.required(
        "auth.scheme",
        a.scheme.as_deref(),
        &format!("choose the {}: {offered}", v.name("auth.scheme")),
    )?;
    if matches!(scheme, "api_key" | "oauth2" | "connect") && !profile.auth_schemes().allows(scheme)
    {
        let message = if profile.applies(Rule::Connect) {
            format!(
                "the {} form connects through Stripe Connect and keeps no API key or OAuth secret",
                profile.name()
            )
        } else {
            format!("the {} form has no {scheme} scheme", profile.name())
        };
        v.error(
            "auth.scheme",
            ViolationCode::InvalidValue,
            message,
            format!("use {offered}"),
        );
        return None;
    }
    let present: [(&str, bool); 6] = [
        ("secret_key", a.secret_key.is_some()),
        ("account_id", a.account_id.is_some()),
        ("client_id", a.client_id.is_some()),
        ("client_secret", a.client_secret.is_some()),
        ("refresh_token", a.refresh_token.is_some()),
        ("account_name", a.account_name.is_some()),
    ];
    let allowed: &[&str] = match scheme_fields(scheme) {
        Some(fields) => fields,
        None => {
            let other = scheme;
            v.error(
                "auth.scheme",
                ViolationCode::InvalidValue,
                format!("expected an auth scheme, api_key, oauth2 or connect, found {}", InputExcerpt::new(other)),
                "use api_key (a secret key), oauth2 (client id, client secret, refresh token) or connect (a connected account)",
            );
            return None;
        }
    };
    for (name, is_present) in present {
        if is_present && !allowed.contains(&name) {
            let takes: Vec<_> = allowed
                .iter()
                .map(|f| format!("the {}", v.name(&format!("auth.{f}"))))
                .collect();
            v.error(
                format!("auth.{name}"),
                ViolationCode::InvalidValue,
                format!(
                    "the {} does not belong to the {scheme} scheme",
                    v.name(&format!("auth.{name}"))
                ),
                format!(
                    "remove it, or choose another {} (the {scheme} scheme takes {})",
                    v.name("auth.scheme"),
                    listed(&takes)
                ),
            );
        }
    }
    // Outer `None`: an account id was given but is invalid (already reported).
    let account_id: Option<Option<AccountId>> = match a.account_id.as_deref() {
        None => Some(None),
        text => v.parse_credential("auth.account_id", text).map(Some),
    };
    match scheme {
        "api_key" => {
            let secret_key: Option<SecretKey> = v.required_credential(
                "auth.secret_key",
                expose(a.secret_key.as_ref()),
                "paste the secret key (sk_live_… or sk_test_…) from Developers > API keys",
            );
            Some(AuthScheme::ApiKey {
                secret_key: secret_key?,
                account_id: account_id?,
            })
        }
        "oauth2" => {
            let client_id: Option<ClientId> = v.required_credential(
                "auth.client_id",
                a.client_id.as_deref(),
                "paste the client id (ca_…)",
            );
            let client_secret: Option<ClientSecret> = v.required_credential(
                "auth.client_secret",
                expose(a.client_secret.as_ref()),
                "paste the OAuth client secret",
            );
            let refresh_token: Option<RefreshToken> = v.required_credential(
                "auth.refresh_token",
                expose(a.refresh_token.as_ref()),
                "paste the OAuth refresh token",
            );
            Some(AuthScheme::OAuth2 {
                client_id: client_id?,
                client_secret: client_secret?,
                refresh_token: refresh_token?,
                account_id: account_id?,
            })
        }
        _ => {
            if a.account_id.is_none() {
                v.missing(
                    "auth.account_id",
                    "paste the connected account's id (acct_…)",
                );
            }
            if profile.applies(Rule::Connect) && a.account_name.is_none() {
                v.missing(
                    "auth.account_name",
                    "give the connected account's name as Stripe shows it: it identifies the integration where the keys used to be",
                );
            }
            let account_name = match a.account_name.as_deref() {
                Some(n) if n.trim().is_empty() => {
                    let message = format!("the {} is empty", v.name("auth.account_name"));
                    v.error(
                        "auth.account_name",
                        ViolationCode::InvalidValue,
                        message,
                        "give the account's name as Stripe shows it, or leave it out",
                    );
                    return None;
                }
                n => n.map(str::to_owned),
            };
            Some(AuthScheme::Connect {
                account_id: account_id??,
                account_name,
                publishable_key,
            })
        }
    }
}

fn parse_account(v: &mut Collector, a: &AccountConfig) -> Account {
    let settlement_currency = v.parse_with(
        "account.settlement_currency",
        a.settlement_currency.as_deref(),
        "use the ISO 4217 code of the payout bank account's currency, such as USD",
        parse_currency,
    );
    let country = match a.country.as_deref() {
        None => None,
        Some(code) => match Country::from_str(code) {
            Ok(c) if c != Country::Unspecified => Some(c),
            _ => {
                v.error(
                    "account.country",
                    ViolationCode::InvalidValue,
                    format!(
                        "expected an ISO 3166 alpha-2 country code, such as US or JP, found {}",
                        InputExcerpt::new(code)
                    ),
                    "use the account's two-letter country code in capitals, or leave it out",
                );
                None
            }
        },
    };
    let (statement_descriptor, statement_descriptor_prefix) = parse_descriptors(v, a);
    Account {
        statement_descriptor,
        statement_descriptor_prefix,
        settlement_currency: Field::of(a.settlement_currency.is_some(), settlement_currency),
        raw_card_data_access: a.raw_card_data_access,
        country,
        limits: a
            .limits
            .as_ref()
            .and_then(|l| super::account_limits::parse(v, l, country)),
    }
}

/// [rules §13](crate::rules#rules-13): the account's statement descriptor and prefix, each by
/// its own rules; without a prefix, the static descriptor's first 10 characters serve as the
/// prefix, and a warning says when those are not a valid prefix.
fn parse_descriptors(
    v: &mut Collector,
    a: &AccountConfig,
) -> (
    Option<crate::request::StatementDescriptor>,
    Option<crate::request::StatementDescriptorPrefix>,
) {
    use crate::diagnostics::ToViolation;
    use crate::request::{RequestError, StatementDescriptor, StatementDescriptorPrefix};
    // Where the platform's form has no field for the account's settings (every shipped
    // platform but `generic`), a bad descriptor is the Stripe account's own setting, which the
    // platform cannot change: a warning naming the Dashboard setting, as for raw card data
    // access ([rules §11](crate::rules#rules-11)).
    let on_form = v
        .profile
        .as_ref()
        .is_none_or(crate::profile::Profile::account_settings_on_form);
    let refused = |v: &mut Collector, e: &RequestError| {
        let found = e.to_violation(crate::diagnostics::Path::field("account"));
        let found = if on_form || !found.is_error() {
            found
        } else {
            Violation::warning(
                found.path().clone(),
                ViolationCode::InvalidValue,
                format!(
                    "{}; the {} form has no field for it, so it is the Stripe account's own setting",
                    found.message(),
                    v.profile.as_ref().map_or("platform's", |p| p.name())
                ),
            )
            .with_remedy(format!(
                "in the Stripe Dashboard, Settings > Business > Public details, correct the statement descriptor and its shortened form: {}",
                e.remedy()
            ))
            .with_param("reason", e.code().as_str())
            .with_param("setting", "Statement descriptor")
        };
        v.found.push(found);
    };
    let descriptor = a.statement_descriptor.as_deref().and_then(|text| {
        text.parse::<StatementDescriptor>()
            .map_err(|e| refused(v, &e))
            .ok()
    });
    let prefix = match a.statement_descriptor_prefix.as_deref() {
        Some(text) => text
            .parse::<StatementDescriptorPrefix>()
            .map_err(|e| refused(v, &e))
            .ok(),
        None => descriptor.as_ref().and_then(|d| match d.fallback_prefix() {
            Ok(prefix) => Some(prefix),
            Err(e) => {
                v.found.push(
                    Violation::warning(
                        path_of("account.statement_descriptor_prefix"),
                        ViolationCode::InvalidValue,
                        format!(
                            "no statement_descriptor_prefix is set, so Stripe uses the first 10 characters of statement_descriptor as the prefix of card payments' descriptors, and those are not a valid prefix ({e})"
                        ),
                    )
                    .with_remedy("set statement_descriptor_prefix: 2 to 10 Latin characters with at least one letter")
                    .with_param("reason", e.code().as_str()),
                );
                None
            }
        }),
    };
    (descriptor, prefix)
}

fn parse_card_brands(v: &mut Collector, list: &[String]) -> Brands {
    let mut set = CardBrands::new();
    for (i, text) in list.iter().enumerate() {
        let brand: Option<CardBrand> = v.parse(
            &format!("card_brands[{i}]"),
            Some(text),
            "use Stripe's brand keywords, in lowercase: visa, mastercard, amex, discover, diners, jcb, unionpay, cartes_bancaires, eftpos_au, interac, girocard",
        );
        match brand {
            Some(brand) if !brand.can_be_enabled() => v.error(
                format!("card_brands[{i}]"),
                ViolationCode::InvalidValue,
                match brand {
                    CardBrand::Link => "\"link\" cannot be enabled: Link is Stripe's wallet, a payment method, not a card network; Stripe reports it as a card's brand only for Link payments no card network carries",
                    _ => "\"unknown\" cannot be enabled: it is what Stripe reports when it cannot tell a card's brand, not a card network",
                },
                match brand {
                    CardBrand::Link => format!("remove \"link\" from the {} and enable the card networks you accept; turn Link on as a payment method in the Stripe Dashboard", v.name("card_brands")),
                    _ => format!("remove \"unknown\" from the {} and enable the card networks you accept, such as \"visa\" and \"mastercard\"", v.name("card_brands")),
                },
            ),
            Some(brand) => {
                set.insert(brand);
            }
            None => {}
        }
    }
    Brands {
        set,
        listed: list.len(),
    }
}

fn parse_entry(v: &mut Collector, i: usize, entry: &CurrencyConfig) -> Entry {
    let path = |name: &str| format!("currencies[{i}].{name}");
    let currency = v.parse_with(
        &path("currency"),
        entry.currency.as_deref(),
        "use an ISO 4217 code, such as USD",
        parse_currency,
    );
    let minimum = entry
        .minimum_payment
        .as_deref()
        .and_then(|text| minimum_amount(v, &path("minimum_payment"), text, currency));
    let rate = v.parse_with(
        &path("rate_to_settlement"),
        entry.rate_to_settlement.as_deref(),
        "write the rate as a decimal string, such as \"1.09\"",
        parse_amount,
    );
    Entry {
        currency: Field::of(entry.currency.is_some(), currency),
        minimum: Field::of(entry.minimum_payment.is_some(), minimum),
        rate: Field::of(entry.rate_to_settlement.is_some(), rate),
    }
}

/// A minimum payment's amount: a decimal string, or (issue 14) the amount with its currency
/// as S4 writes it, "0.50 USD", when it names the entry's own currency.
fn minimum_amount(
    v: &mut Collector,
    path: &str,
    text: &str,
    currency: Option<Currency>,
) -> Option<Decimal> {
    let not_decimal = match parse_amount(text) {
        Ok(amount) => return Some(amount),
        Err(e) => e,
    };
    match text.parse::<Money>() {
        Ok(m) if currency.is_none_or(|c| c == m.currency()) => Some(m.amount()),
        Ok(m) => {
            let entry = currency.map_or("", |c| c.code());
            v.found.push(
                Violation::error(
                    path_of(path),
                    ViolationCode::InvalidValue,
                    format!(
                        "the minimum payment is written in {}, but this entry assigns {entry}",
                        m.currency().code()
                    ),
                )
                .with_remedy(format!(
                    "drop the currency and write the amount in {entry} alone, such as \"0.50\": the currency comes from the entry"
                ))
                .with_param("written_currency", m.currency().code())
                .with_param("currency", entry),
            );
            None
        }
        Err(_) => {
            v.error(
                path,
                ViolationCode::InvalidValue,
                not_decimal.to_string(),
                "write the amount as a decimal string, such as \"0.50\"; the currency comes from the entry",
            );
            None
        }
    }
}

/// A return URL: absolute, http or https, without credentials (whether it must be https is a
/// rule: live mode).
fn parse_return_url(v: &mut Collector, text: &str) -> Option<Url> {
    let field = v.name("return_url");
    let invalid = |v: &mut Collector, message: String| {
        v.error(
            "return_url",
            ViolationCode::InvalidValue,
            message,
            "give an absolute https URL, such as https://shop.example/3ds-return",
        );
        None
    };
    let url = match Url::parse(text) {
        Ok(url) => url,
        Err(e) => return invalid(v, format!("the {field} is not an absolute URL ({e})")),
    };
    if !matches!(url.scheme(), "https" | "http") {
        return invalid(
            v,
            format!(
                "the {field} has the scheme {}; a browser redirect needs https",
                InputExcerpt::new(url.scheme())
            ),
        );
    }
    if !url.username().is_empty() || url.password().is_some() {
        return invalid(
            v,
            format!("the {field} carries a user name or password, which a redirect URL must not"),
        );
    }
    Some(url)
}
