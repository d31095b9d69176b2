//! A Stripe gateway configuration, as a billing platform stores it, and its validation: either
//! a [`ValidatedForm`] (a [`ValidatedGateway`], or a connection) or a [`Report`] of everything
//! wrong with it ([rules.md §1](crate::rules#rules-1)–[6](crate::rules#rules-6), [§10](crate::rules#rules-10)).
//!
//! [`GatewayConfig`] is the configuration as the user entered it: strings and flags, exactly
//! the fields of the JSON file below, nothing parsed yet. Every form (this one, a
//! [`GatewayDraft`] of typed values, an [`AuthConfig`], a
//! [`ConnectionSettingsDraft`](crate::connection::ConnectionSettingsDraft)) has the same two
//! verbs: `check` parses and checks every field under a [`Profile`](crate::profile::Profile)
//! and collects **every** finding at once, each a [`Violation`] with its path, code,
//! severity, message and remedy; `validate` gives the same findings as its error, or the
//! validated value. The form's own profile is the one its `platform` names
//! ([`GatewayConfig::profile`]). A [`ValidatedGateway`] can only come out of a validation
//! without errors; later checks (operations on every payment) take it.
//!
//! [`GatewayConfig::from_json`] returns the form beside its load report ([`Loaded`]): what the
//! loader found in the file is never stored in the form, and [`Loaded::check`] and
//! [`Loaded::validate`] merge it with the form's findings.
//!
//! ```
//! use stripe_gateway_rules::config::GatewayConfig;
//!
//! let json = r#"{
//!   "name": "Stripe USD",
//!   "version": "v2",
//!   "mode": "live",
//!   "auth": { "scheme": "api_key", "secret_key": "pk_live_TYooMQauvdEDq54NiTphI7jx" },
//!   "account": { "settlement_currency": "USD", "raw_card_data_access": false },
//!   "card_brands": ["visa", "mastercard"],
//!   "currencies": [{ "currency": "USD", "minimum_payment": "0.40" }],
//!   "return_url": "https://shop.example/3ds-return",
//!   "live_card_tested": true
//! }"#;
//! let loaded = GatewayConfig::from_json(json)?;
//! let report = loaded.validate(&loaded.profile()).unwrap_err();
//! let codes: Vec<_> = report.violations().iter().map(|v| format!("{} {}", v.path(), v.code())).collect();
//! assert_eq!(codes, [
//!     "auth.secret_key publishable_key_as_secret",
//!     "currencies[0].minimum_payment minimum_below_stripe",
//! ]);
//! # Ok::<(), stripe_gateway_rules::config::ConfigFileError>(())
//! ```
//!
//! # The configuration file
//!
//! ```json
//! {
//!   "name": "Stripe USD",
//!   "version": "v2",
//!   "mode": "live",
//!   "existing": false,
//!   "auth": { "scheme": "api_key", "secret_key": "sk_live_...", "account_id": "acct_..." },
//!   "publishable_key": "pk_live_...",
//!   "account": { "settlement_currency": "USD", "raw_card_data_access": true, "country": "US" },
//!   "data_protection": "token_only",
//!   "card_brands": ["visa", "mastercard", "amex", "discover"],
//!   "currencies": [
//!     { "currency": "USD", "minimum_payment": "0.50" },
//!     { "currency": "CHF", "minimum_payment": "0.46", "rate_to_settlement": "1.09" }
//!   ],
//!   "return_url": "https://shop.example/3ds-return",
//!   "radar": true,
//!   "live_card_tested": true
//! }
//! ```
//!
//! | field | required | meaning |
//! | --- | --- | --- |
//! | `platform` | no (`generic`) | whose form this is: `konnektive`, `ipaas_connector`, `kartra`, `data_connector`, `portabilling` or `generic` ([`Platform`](crate::profile::Platform)); its profile decides which fields the form has, which are required and which rules apply. The "required" column is `generic`'s |
//! | `name` | yes | the gateway's name on the platform |
//! | `version` | yes | `v1` or `v2` ([`GatewayVersion`](crate::GatewayVersion)) |
//! | `mode` | yes | `test` or `live` ([`Mode`](crate::Mode)) |
//! | `existing` | no (`false`) | the configuration was created before; a V1 gateway may only exist |
//! | `auth` | yes | `{"scheme":"api_key","secret_key","account_id"?}`, `{"scheme":"oauth2","client_id","client_secret","refresh_token","account_id"?}` or `{"scheme":"connect","account_id","account_name"?}` |
//! | `publishable_key` | no | the account's publishable key (kept from the API-key era for Connect) |
//! | `account.settlement_currency` | yes | the currency the Stripe account settles in (its payout bank account's) |
//! | `account.raw_card_data_access` | no (`false`) | Stripe granted raw card data access ("Handle card information directly", S0) |
//! | `account.country` | no | the account's country, ISO 3166 alpha-2 (`JP` gives JPY authorizations 30 days) |
//! | `account.limits` | no (the API reference's) | the account's own amount limits ([`LimitsConfig`], [`AmountLimits`]): `card_networks` (`true`: card payments have the card networks' 12 digits, American Express 9), `japanese_account` (absent: `country` is `JP`), `currency_max` and `brand_max` (`[{"currency" or "brand", "max_minor_units"}]`, whole minor units), `minimums` (`[{"currency", "minimum"}]`, replacing Stripe's minimum charge for that settlement currency). Stated limits are named in the report (`account_limits_stated`) and used by [`ValidatedGateway::check`] |
//! | `data_protection` | no | `token_only` or `full_card_except_cvv` when the platform itself sends card numbers (S4); absent when Stripe collects them |
//! | `card_brands` | yes | the brands accepted, Stripe's API names |
//! | `currencies` | yes | the currencies assigned, each with its `minimum_payment` and, when it is not the settlement currency, an optional `rate_to_settlement` (1 unit of it in the settlement currency) |
//! | `return_url` | V2 live | where SCA (3DS) redirects return, absolute; https in live mode |
//! | `radar` | no | Radar fraud screening on (informational; V2 does not affect it, S0) |
//! | `live_card_tested` | no (`false`) | a test transaction with a live card was made (S0) |
//! | `login` | `portabilling` | S4's Login: obligatory, longer than 4 characters, never echoed |
//! | `active`, `is_source`, `is_target` | no (`false`) | S1's Is Active, Is Source, Is Target |
//! | `timeout_ms` | no | S1's Timeout, whole milliseconds |
//! | `api_version` | no | S1's API Version, such as `2024-06-20` |
//!
//! [`GatewayConfig::check`] and [`GatewayConfig::validate`] are the entry points for every
//! platform's form, with the same findings. A valid form with the payment fields validates
//! into the [`ValidatedGateway`] that checks payments ([`ValidatedForm::Gateway`]); a
//! connection's form (S1–S3) has none and validates into a [`ValidatedConnection`]
//! ([`ValidatedForm::Connection`]). A platform holding typed values builds a [`GatewayDraft`]
//! instead.
//!
//! Amounts and rates are decimal strings (`"0.50"`): a JSON number there is `wrong_type`,
//! with the remedy to quote it. Whole numbers (`timeout_ms`, `max_minor_units`) may also be
//! JSON numbers, read exactly as written. The file's JSON Schema, and the description of the
//! form it is built from, are in [`schema`].
//!
//! Problems are field-level, not file-level: a bad value, a value of the wrong JSON type
//! (`wrong_type`), an unknown field (`unknown_field`, with the closest known name) or a field
//! given twice (`duplicate_field`) is a violation at its path, and every other problem is
//! still reported. Only a text that is not JSON, not an object at the top, too deep or too
//! large fails as a whole, as a [`ConfigFileError`] with its kind, line and column.
//!
//! Keywords are exact: `"Live"` or `"V2 "` is refused with the keyword to use ("did you mean
//! `live`?"), never silently accepted, so what is stored is what Stripe and the platform
//! document.
//!
//! # Violation codes
//!
//! The codes, their severity, rule and source are in one table with the refusal codes of
//! [`ValidatedGateway::check`], on the [crate page](crate#codes); [`ViolationCode`] names them
//! in code.

#[macro_use]
mod fields;
mod account_limits;
mod collector;
mod entry;
mod form;
mod gateway;
mod load;
mod minimums;
mod parse;
mod rules;
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub mod schema;
mod typed;
mod validate;

use std::fmt;

use secrecy::SecretString;

#[cfg(doc)]
use crate::money::AmountLimits;
use crate::text::GuardedOption;

pub use crate::codes::ViolationCode;
pub use crate::diagnostics::{Report, Severity, Violation};
pub use form::{ValidatedConnection, ValidatedForm};
pub use gateway::{CurrencyAssignment, ValidatedGateway};
#[cfg(feature = "serde")]
pub use load::Loaded;
pub use load::{ConfigFileError, ConfigFileErrorKind, MAX_CONFIG_DEPTH, MAX_CONFIG_LEN};
pub use typed::GatewayDraft;

/// Defines [`GatewayConfig`] from the declaration of its fields (`fields.rs`).
macro_rules! define_gateway_config {
    ($($(#[$doc:meta])* $name:ident: $ty:ty, read $read:ident $(($($arg:ident),*))?,
        shown $shown:ident, example $example:literal;)*) => {
        /// A Stripe gateway configuration as entered: the fields of the [file format](self), not yet
        /// parsed. Build it in code with struct-update syntax, or load it with
        /// [`from_json`](Self::from_json); then [`check`](Self::check) or
        /// [`validate`](Self::validate) it under its [`profile`](Self::profile).
        ///
        /// Secret fields are [`SecretString`]s, so `Debug` never shows them, and a secret pasted
        /// into a text field is shown only by its prefix.
        ///
        /// Its fields are declared once (in `config/fields.rs`): the struct, the loader's
        /// table of the top level, the presence checks of a platform's form and `Debug` come
        /// from that one list.
        ///
        /// Its serde `Deserialize` (feature `serde`) is strict, as serde is: a wrong type or an
        /// unknown field fails the whole input. [`from_json`](Self::from_json) is the field-level
        /// loader, which reports them as violations.
        ///
        /// ```
        /// use stripe_gateway_rules::config::{AccountConfig, AuthConfig, CurrencyConfig, GatewayConfig};
        ///
        /// let config = GatewayConfig {
        ///     name: Some("Stripe USD".into()),
        ///     version: Some("v2".into()),
        ///     mode: Some("test".into()),
        ///     auth: Some(AuthConfig::api_key("sk_test_4eC39HqLyjWDarjtT1zdp7dc")),
        ///     account: Some(AccountConfig::settling_in("USD")),
        ///     card_brands: Some(vec!["visa".into()]),
        ///     currencies: Some(vec![CurrencyConfig::new("USD", "0.50")]),
        ///     ..GatewayConfig::default()
        /// };
        /// let form = config.validate(&config.profile()).expect("valid");
        /// assert_eq!(form.gateway().expect("a payment gateway").name(), "Stripe USD");
        /// ```
        #[derive(Clone, Default)]
        #[cfg_attr(feature = "serde", derive(serde::Deserialize))]
        #[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
        pub struct GatewayConfig {
            $(
                $(#[$doc])*
                #[cfg_attr(feature = "serde", serde(default))]
                pub $name: $ty,
            )*
        }
    };
}

gateway_fields!(define_gateway_config);

/// The `auth` object as entered. Which fields belong depends on `scheme`: `api_key`
/// (`secret_key`, `account_id`), `oauth2` (`client_id`, `client_secret`, `refresh_token`,
/// `account_id`) or `connect` (`account_id`, `account_name`).
#[derive(Clone, Default)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AuthConfig {
    /// `api_key`, `oauth2` or `connect`.
    #[cfg_attr(feature = "serde", serde(default))]
    pub scheme: Option<String>,
    /// The secret or restricted key (`api_key`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub secret_key: Option<SecretString>,
    /// The account to act for (`api_key`, `oauth2`), or the connected account (`connect`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub account_id: Option<String>,
    /// The Connect client id (`oauth2`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub client_id: Option<String>,
    /// The OAuth client secret (`oauth2`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub client_secret: Option<SecretString>,
    /// The OAuth refresh token (`oauth2`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub refresh_token: Option<SecretString>,
    /// The connected account's name (`connect`).
    #[cfg_attr(feature = "serde", serde(default))]
    pub account_name: Option<String>,
}

impl AuthConfig {
    /// An `api_key` scheme with this secret key.
    #[must_use]
    pub fn api_key(secret_key: &str) -> Self {
        AuthConfig {
            scheme: Some("api_key".into()),
            secret_key: Some(SecretString::from(secret_key)),
            ..AuthConfig::default()
        }
    }
}

/// The `account` object: facts about the Stripe account that the platform knows and Stripe
/// does not tell it through this crate.
#[derive(Clone, Default)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AccountConfig {
    /// The currency the account settles in (its payout bank account's currency), which
    /// decides Stripe's minimum charge ([stripe-facts §1.1](crate::rules#facts-1-1)).
    #[cfg_attr(feature = "serde", serde(default))]
    pub settlement_currency: Option<String>,
    /// Stripe granted raw card data access (S0's "Handle card information directly").
    #[cfg_attr(feature = "serde", serde(default))]
    pub raw_card_data_access: bool,
    /// The account's country, ISO 3166-1 alpha-2 (optional).
    #[cfg_attr(feature = "serde", serde(default))]
    pub country: Option<String>,
    /// The account's own amount limits (optional): absent, the API reference's maximum and
    /// Stripe's minimum table apply ([`AmountLimits::api_reference`]).
    #[cfg_attr(feature = "serde", serde(default))]
    pub limits: Option<LimitsConfig>,
}

/// The `account.limits` object: the amount limits the platform states its Stripe account
/// has, read into an [`AmountLimits`] ([stripe-facts §1.2](crate::rules#facts-1-2), <https://docs.stripe.com/currencies>).
/// Maximums are whole numbers of minor units, as Stripe states them in digits; minimums are
/// amounts in their currency.
///
/// ```json
/// "limits": {
///   "card_networks": true,
///   "japanese_account": false,
///   "currency_max": [{ "currency": "VND", "max_minor_units": "999999999999" }],
///   "brand_max": [{ "brand": "amex", "max_minor_units": "999999999" }],
///   "minimums": [{ "currency": "USD", "minimum": "0.60" }]
/// }
/// ```
#[derive(Clone, Default)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct LimitsConfig {
    /// Card payments have the card networks' digits of Stripe's currencies page
    /// ([`AmountLimits::card_networks`]).
    #[cfg_attr(feature = "serde", serde(default))]
    pub card_networks: bool,
    /// The account is a Japanese Stripe account ([`AmountLimits::japanese_account`]); absent,
    /// it is when `account.country` is `JP`.
    #[cfg_attr(feature = "serde", serde(default))]
    pub japanese_account: Option<bool>,
    /// The account's maximums per currency.
    #[cfg_attr(feature = "serde", serde(default))]
    pub currency_max: Option<Vec<CurrencyMaxConfig>>,
    /// The account's maximums per card brand.
    #[cfg_attr(feature = "serde", serde(default))]
    pub brand_max: Option<Vec<BrandMaxConfig>>,
    /// The account's replacements for Stripe's minimum charge.
    #[cfg_attr(feature = "serde", serde(default))]
    pub minimums: Option<Vec<MinimumConfig>>,
}

/// One entry of `account.limits.currency_max` ([`AmountLimits::with_currency_max`]).
#[derive(Clone, Default)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct CurrencyMaxConfig {
    /// The ISO 4217 code.
    #[cfg_attr(feature = "serde", serde(default))]
    pub currency: Option<String>,
    /// The largest amount in this currency, a whole number of minor units as a string.
    #[cfg_attr(feature = "serde", serde(default))]
    pub max_minor_units: Option<String>,
}

/// One entry of `account.limits.brand_max` ([`AmountLimits::with_brand_max`]).
#[derive(Clone, Default)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct BrandMaxConfig {
    /// Stripe's name of the brand, such as `amex`.
    #[cfg_attr(feature = "serde", serde(default))]
    pub brand: Option<String>,
    /// The largest amount of a card of this brand, in any currency, a whole number of minor
    /// units as a string.
    #[cfg_attr(feature = "serde", serde(default))]
    pub max_minor_units: Option<String>,
}

/// One entry of `account.limits.minimums` ([`AmountLimits::with_minimum`]).
#[derive(Clone, Default)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct MinimumConfig {
    /// The settlement currency whose minimum charge is replaced.
    #[cfg_attr(feature = "serde", serde(default))]
    pub currency: Option<String>,
    /// The account's minimum charge in it, a decimal string such as `"0.60"`.
    #[cfg_attr(feature = "serde", serde(default))]
    pub minimum: Option<String>,
}

impl AccountConfig {
    /// An account settling in `currency`, without raw card data access.
    #[must_use]
    pub fn settling_in(currency: &str) -> Self {
        AccountConfig {
            settlement_currency: Some(currency.into()),
            ..AccountConfig::default()
        }
    }
}

/// One currency assigned to the gateway (S4 "Assign Stripe as a payment system for a
/// particular currency").
#[derive(Clone, Default)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[non_exhaustive]
pub struct CurrencyConfig {
    /// The ISO 4217 code, any case.
    #[cfg_attr(feature = "serde", serde(default))]
    pub currency: Option<String>,
    /// The minimum payment in this currency, a decimal string (S4: "0.5 USD", "0.46 CHF").
    #[cfg_attr(feature = "serde", serde(default))]
    pub minimum_payment: Option<String>,
    /// What one unit of this currency is worth in the settlement currency, a decimal string.
    #[cfg_attr(feature = "serde", serde(default))]
    pub rate_to_settlement: Option<String>,
}

impl CurrencyConfig {
    /// A currency with its minimum payment and no rate.
    #[must_use]
    pub fn new(currency: &str, minimum_payment: &str) -> Self {
        CurrencyConfig {
            currency: Some(currency.into()),
            minimum_payment: Some(minimum_payment.into()),
            rate_to_settlement: None,
        }
    }

    /// The same, with a rate to the settlement currency.
    #[must_use]
    pub fn with_rate(mut self, rate_to_settlement: &str) -> Self {
        self.rate_to_settlement = Some(rate_to_settlement.into());
        self
    }
}

impl GatewayConfig {
    /// Loads a configuration from the JSON [file format](self), field by field: a value of
    /// the wrong JSON type, an unknown field (with the closest known name) or a field given
    /// twice is a [`Violation`] at its path, in the load report returned beside the form
    /// ([`Loaded`]), which [`Loaded::check`] and [`Loaded::validate`] merge with every other
    /// finding. An amount or rate written as a JSON number is read exactly as written (`1e-2`
    /// is `0.01`), never through a float; `null` is an absent field; a UTF-8 byte-order mark
    /// is skipped.
    ///
    /// ```
    /// use stripe_gateway_rules::config::{GatewayConfig, ViolationCode};
    ///
    /// let loaded = GatewayConfig::from_json(r#"{ "nmae": "Stripe USD", "existing": "yes" }"#)?;
    /// let report = loaded.validate(&loaded.profile()).unwrap_err();
    /// let unknown = report.with_code(ViolationCode::UnknownField).next().unwrap();
    /// assert_eq!(unknown.message(), "unknown field \"nmae\" in the configuration; did you mean `name`?");
    /// let wrong = report.with_code(ViolationCode::WrongType).next().unwrap();
    /// assert_eq!(wrong.path(), "existing");
    /// assert_eq!(wrong.remedy(), Some("write true or false, without quotes"));
    /// # Ok::<(), stripe_gateway_rules::config::ConfigFileError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// A [`ConfigFileError`] with its [kind](ConfigFileError::kind), line and column only when
    /// the text cannot be read as a configuration at all: not JSON, not an object at the top,
    /// nested deeper than [`MAX_CONFIG_DEPTH`] or longer than [`MAX_CONFIG_LEN`] bytes.
    #[cfg(feature = "serde")]
    pub fn from_json(json: &str) -> Result<Loaded, ConfigFileError> {
        load::from_json(json)
    }

    /// [`from_json`](Self::from_json) for the bytes of a file.
    ///
    /// # Errors
    ///
    /// As [`from_json`](Self::from_json), and a [`ConfigFileError`] of kind
    /// [`NotUtf8`](ConfigFileErrorKind::NotUtf8) at the first byte that is not UTF-8.
    #[cfg(feature = "serde")]
    pub fn from_json_slice(bytes: &[u8]) -> Result<Loaded, ConfigFileError> {
        load::from_slice(bytes)
    }
}

// Debug by hand: a secret pasted into a text field is shown only by its prefix. Secret
// fields are `SecretString`s, redacted by `secrecy`. `GatewayConfig`'s comes from the
// declaration of its fields (`fields.rs`).

impl fmt::Debug for AuthConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthConfig")
            .field("scheme", &GuardedOption(&self.scheme))
            .field("secret_key", &self.secret_key)
            .field("account_id", &GuardedOption(&self.account_id))
            .field("client_id", &GuardedOption(&self.client_id))
            .field("client_secret", &self.client_secret)
            .field("refresh_token", &self.refresh_token)
            .field("account_name", &GuardedOption(&self.account_name))
            .finish()
    }
}

impl fmt::Debug for AccountConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccountConfig")
            .field(
                "settlement_currency",
                &GuardedOption(&self.settlement_currency),
            )
            .field("raw_card_data_access", &self.raw_card_data_access)
            .field("country", &GuardedOption(&self.country))
            .field("limits", &self.limits)
            .finish()
    }
}

impl fmt::Debug for LimitsConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("LimitsConfig")
            .field("card_networks", &self.card_networks)
            .field("japanese_account", &self.japanese_account)
            .field("currency_max", &self.currency_max)
            .field("brand_max", &self.brand_max)
            .field("minimums", &self.minimums)
            .finish()
    }
}

impl fmt::Debug for CurrencyMaxConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CurrencyMaxConfig")
            .field("currency", &GuardedOption(&self.currency))
            .field("max_minor_units", &GuardedOption(&self.max_minor_units))
            .finish()
    }
}

impl fmt::Debug for BrandMaxConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BrandMaxConfig")
            .field("brand", &GuardedOption(&self.brand))
            .field("max_minor_units", &GuardedOption(&self.max_minor_units))
            .finish()
    }
}

impl fmt::Debug for MinimumConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MinimumConfig")
            .field("currency", &GuardedOption(&self.currency))
            .field("minimum", &GuardedOption(&self.minimum))
            .finish()
    }
}

impl fmt::Debug for CurrencyConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CurrencyConfig")
            .field("currency", &GuardedOption(&self.currency))
            .field("minimum_payment", &GuardedOption(&self.minimum_payment))
            .field(
                "rate_to_settlement",
                &GuardedOption(&self.rate_to_settlement),
            )
            .finish()
    }
}
