//! The configuration form as the user entered it: [`GatewayConfig`] and the objects inside
//! it, strings and flags exactly as in the [file format](crate::config), nothing parsed yet,
//! with a `Debug` that hides secrets. Its top-level fields are declared once (`fields.rs`).
//!
//! A layer below [`config`](crate::config) (which reads, checks and validates these forms)
//! and [`profile`](crate::profile) (whose platform checks read them), so that neither
//! reaches back into the other; the types are used at their `config` paths.

#[macro_use]
mod fields;

pub(crate) use fields::{FORM_COLUMNS, form_of};

use std::fmt;

use secrecy::SecretString;

#[cfg(doc)]
use crate::money::AmountLimits;
use crate::text::GuardedOption;

/// A cell of the docs' table of fields: where a field is on a platform's form.
macro_rules! form_cell {
    (req) => {
        "**req**"
    };
    (opt) => {
        "opt"
    };
    (no) => {
        "—"
    };
    (form) => {
        "picks the form"
    };
}

/// Defines [`GatewayConfig`] from the declaration of its fields (`fields.rs`).
macro_rules! define_gateway_config {
    ($($(#[doc = $doc:literal])* $name:ident: $ty:ty, read $read:ident $(($($arg:ident),*))?,
        shown $shown:ident, example $example:literal, forms [$($form:ident),*];)*) => {
        /// A Stripe gateway configuration as entered: the fields of the [file format](crate::config), not yet
        /// parsed. Build it in code from [`default()`](Default::default) by setting its public
        /// fields (it is `#[non_exhaustive]`: it will gain fields), or load it with
        /// [`from_json`](Self::from_json); then [`check`](Self::check) or
        /// [`validate`](Self::validate) it under its [`profile`](Self::profile).
        ///
        /// Secret fields are [`SecretString`]s, so `Debug` never shows them, and a secret pasted
        /// into a text field is shown only by its prefix.
        ///
        /// Its fields are declared once (in `input/fields.rs`): the struct, this table, the
        /// loader's table of the top level, each platform's form (which fields it has and
        /// requires), the JSON Schema and `Debug` come from that one list. On a platform's
        /// form, a field is required (**req**), optional (**opt**) or not there (—: reported
        /// as `field_not_on_form` and ignored); `platform` picks the form. The objects' own
        /// fields are described on their types ([`AuthConfig`], [`AccountConfig`],
        /// [`CurrencyConfig`]) and in the JSON Schema (`stripe-gateway-rules schema`,
        /// `config::schema`).
        ///
        /// | field | konnektive | ipaas_connector | kartra | data_connector | portabilling | generic | what it holds |
        /// | --- | --- | --- | --- | --- | --- | --- | --- |
        $(#[doc = concat!("| `", stringify!($name), "` | ", $(form_cell!($form), " | ",)* $($doc, " ",)* "|")])*
        ///
        ///
        /// Its serde `Deserialize` (feature `serde`, from JSON) runs the same loader as
        /// [`from_json`](Self::from_json), to embed a form in a struct of your own: where
        /// `from_json` returns every finding of the file beside the form, `Deserialize`
        /// refuses the form at the first one (a wrong type, an unknown field, a field given
        /// twice), with that finding's message.
        ///
        /// ```
        /// use stripe_gateway_rules::config::{AccountConfig, AuthConfig, CurrencyConfig, GatewayConfig};
        ///
        /// let config = {
        ///     let mut config = GatewayConfig::default();
        ///     config.name = Some("Stripe USD".into());
        ///     config.version = Some("v2".into());
        ///     config.mode = Some("test".into());
        ///     config.auth = Some(AuthConfig::api_key("sk_test_4eC39HqLyjWDarjtT1zdp7dc"));
        ///     config.account = Some(AccountConfig::settling_in("USD"));
        ///     config.card_brands = Some(vec!["visa".into()]);
        ///     config.currencies = Some(vec![CurrencyConfig::new("USD", "0.50")]);
        ///     config
        /// };
        /// let form = config.validate(&config.profile()).expect("valid");
        /// assert_eq!(form.gateway().expect("a payment gateway").name(), "Stripe USD");
        /// ```
        #[derive(Clone, Default)]
        #[non_exhaustive]
        pub struct GatewayConfig {
            $(
                $(#[doc = $doc])*
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
#[non_exhaustive]
pub struct AuthConfig {
    /// `api_key`, `oauth2` or `connect`.
    pub scheme: Option<String>,
    /// The secret or restricted key (`api_key`).
    pub secret_key: Option<SecretString>,
    /// The account to act for (`api_key`, `oauth2`), or the connected account (`connect`).
    pub account_id: Option<String>,
    /// The Connect client id (`oauth2`).
    pub client_id: Option<String>,
    /// The OAuth client secret (`oauth2`).
    pub client_secret: Option<SecretString>,
    /// The OAuth refresh token (`oauth2`).
    pub refresh_token: Option<SecretString>,
    /// The connected account's name (`connect`).
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
#[non_exhaustive]
pub struct AccountConfig {
    /// The currency the account settles in (its payout bank account's currency), which
    /// decides Stripe's minimum charge ([stripe-facts §1.1](crate::rules#facts-1-1)).
    pub settlement_currency: Option<String>,
    /// Stripe granted raw card data access (S0's "Handle card information directly").
    pub raw_card_data_access: bool,
    /// The account's country, ISO 3166-1 alpha-2 (optional).
    pub country: Option<String>,
    /// The account's own amount limits (optional): absent, the API reference's maximum and
    /// Stripe's minimum table apply ([`AmountLimits::api_reference`]).
    pub limits: Option<LimitsConfig>,
    /// The account's static statement descriptor (Stripe's
    /// `settings.payments.statement_descriptor`), optional
    /// ([rules §13](crate::rules#rules-13)).
    pub statement_descriptor: Option<String>,
    /// The account's shortened descriptor, the prefix of card payments' descriptors (Stripe's
    /// `settings.card_payments.statement_descriptor_prefix`), optional: absent, Stripe uses
    /// the static descriptor cut to 10 characters ([rules §13](crate::rules#rules-13)).
    pub statement_descriptor_prefix: Option<String>,
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
#[non_exhaustive]
pub struct LimitsConfig {
    /// Card payments have the card networks' digits of Stripe's currencies page
    /// ([`AmountLimits::card_networks`]).
    pub card_networks: bool,
    /// The account is a Japanese Stripe account ([`AmountLimits::japanese_account`]); absent,
    /// it is when `account.country` is `JP`.
    pub japanese_account: Option<bool>,
    /// The account's maximums per currency.
    pub currency_max: Option<Vec<CurrencyMaxConfig>>,
    /// The account's maximums per card brand.
    pub brand_max: Option<Vec<BrandMaxConfig>>,
    /// The account's replacements for Stripe's minimum charge.
    pub minimums: Option<Vec<MinimumConfig>>,
}

/// One entry of `account.limits.currency_max` ([`AmountLimits::with_currency_max`]).
#[derive(Clone, Default)]
#[non_exhaustive]
pub struct CurrencyMaxConfig {
    /// The ISO 4217 code.
    pub currency: Option<String>,
    /// The largest amount in this currency, a whole number of minor units as a string.
    pub max_minor_units: Option<String>,
}

/// One entry of `account.limits.brand_max` ([`AmountLimits::with_brand_max`]).
#[derive(Clone, Default)]
#[non_exhaustive]
pub struct BrandMaxConfig {
    /// Stripe's name of the brand, such as `amex`.
    pub brand: Option<String>,
    /// The largest amount of a card of this brand, in any currency, a whole number of minor
    /// units as a string.
    pub max_minor_units: Option<String>,
}

/// One entry of `account.limits.minimums` ([`AmountLimits::with_minimum`]).
#[derive(Clone, Default)]
#[non_exhaustive]
pub struct MinimumConfig {
    /// The settlement currency whose minimum charge is replaced.
    pub currency: Option<String>,
    /// The account's minimum charge in it, a decimal string such as `"0.60"`.
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
#[non_exhaustive]
pub struct CurrencyConfig {
    /// The ISO 4217 code, any case.
    pub currency: Option<String>,
    /// The minimum payment in this currency, a decimal string (S4: "0.5 USD", "0.46 CHF").
    pub minimum_payment: Option<String>,
    /// What one unit of this currency is worth in the settlement currency, a decimal string.
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
            .field(
                "statement_descriptor",
                &GuardedOption(&self.statement_descriptor),
            )
            .field(
                "statement_descriptor_prefix",
                &GuardedOption(&self.statement_descriptor_prefix),
            )
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
