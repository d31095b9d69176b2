//! A Stripe gateway configuration, as a billing platform stores it, and its validation: either
//! a [`ValidatedGateway`] or a [`Report`] of everything wrong with it (rules.md §1–6, §10).
//!
//! [`GatewayConfig`] is the configuration as the user entered it: strings and flags, exactly
//! the fields of the JSON file below, nothing parsed yet. [`GatewayConfig::validate`] parses
//! and checks every field and collects **every** problem at once, each a [`Violation`] with
//! its path, code, severity, message and remedy. A [`ValidatedGateway`] can only come out of
//! a validation without errors; later checks (operations on every payment) take it.
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
//! let config = GatewayConfig::from_json(json)?;
//! let report = config.validate().unwrap_err();
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
//! [`GatewayConfig::report`] is the one entry point for every platform's form: every finding
//! of its profile. [`GatewayConfig::validate`] also builds the [`ValidatedGateway`] that checks
//! payments, which needs the payment fields (a connection's form, S1–S3, has none). A platform
//! holding typed values builds a [`GatewayDraft`] instead.
//!
//! Amounts and rates are decimal strings. A field with a bad value is a violation at its path,
//! not a failure of the whole file; only a file that is not JSON of this shape (wrong types,
//! unknown fields, bad syntax) fails as a whole, as a [`ConfigFileError`] with the line and
//! column.
//!
//! # Violation codes
//!
//! The codes, their severity, rule and source are in one table with the refusal codes of
//! [`ValidatedGateway::check`], on the [crate page](crate#codes); [`ViolationCode`] names them
//! in code.

mod collector;
mod entry;
mod gateway;
mod minimums;
mod parse;
mod rules;
mod typed;
mod validate;

use std::fmt;

use secrecy::SecretString;

use crate::text::{GuardedOption, GuardedText};

pub use crate::codes::ViolationCode;
pub use crate::diagnostics::{Report, Severity, Violation};
pub use gateway::{CurrencyAssignment, ValidatedGateway};
pub use typed::GatewayDraft;

/// A Stripe gateway configuration as entered: the fields of the [file format](self), not yet
/// parsed. Build it in code with struct-update syntax, or load it with
/// [`from_json`](Self::from_json); then [`validate`](Self::validate) it.
///
/// Secret fields are [`SecretString`]s, so `Debug` never shows them.
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
/// let gateway = config.validate().expect("valid");
/// assert_eq!(gateway.name(), "Stripe USD");
/// ```
#[derive(Clone, Default)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct GatewayConfig {
    /// Whose form this is: `konnektive`, `ipaas_connector`, `kartra`, `data_connector`,
    /// `portabilling` or `generic` ([`Platform`](crate::profile::Platform)); absent means
    /// `generic`, every rule.
    #[cfg_attr(feature = "serde", serde(default))]
    pub platform: Option<String>,
    /// The gateway's name on the platform.
    #[cfg_attr(feature = "serde", serde(default))]
    pub name: Option<String>,
    /// `v1` or `v2`.
    #[cfg_attr(feature = "serde", serde(default))]
    pub version: Option<String>,
    /// `test` or `live`.
    #[cfg_attr(feature = "serde", serde(default))]
    pub mode: Option<String>,
    /// The configuration was created before (a V1 gateway may only exist, not be created).
    #[cfg_attr(feature = "serde", serde(default))]
    pub existing: bool,
    /// How the platform authenticates.
    #[cfg_attr(feature = "serde", serde(default))]
    pub auth: Option<AuthConfig>,
    /// The account's publishable key.
    #[cfg_attr(feature = "serde", serde(default))]
    pub publishable_key: Option<String>,
    /// The Stripe account's facts.
    #[cfg_attr(feature = "serde", serde(default))]
    pub account: Option<AccountConfig>,
    /// `token_only` or `full_card_except_cvv`, when the platform sends card numbers.
    #[cfg_attr(feature = "serde", serde(default))]
    pub data_protection: Option<String>,
    /// The card brands accepted.
    #[cfg_attr(feature = "serde", serde(default))]
    pub card_brands: Option<Vec<String>>,
    /// The currencies assigned, with their minimum payments.
    #[cfg_attr(feature = "serde", serde(default))]
    pub currencies: Option<Vec<CurrencyConfig>>,
    /// Where SCA redirects return.
    #[cfg_attr(feature = "serde", serde(default))]
    pub return_url: Option<String>,
    /// Radar fraud screening on.
    #[cfg_attr(feature = "serde", serde(default))]
    pub radar: Option<bool>,
    /// A test transaction with a live card was made.
    #[cfg_attr(feature = "serde", serde(default))]
    pub live_card_tested: bool,
    /// S4's Login: obligatory, longer than 4 characters, ignored by Add-on Mart. Never
    /// echoed (users type anything into it, a password included).
    #[cfg_attr(feature = "serde", serde(default))]
    pub login: Option<String>,
    /// S1's "Is Active": the connection takes part in interface executions.
    #[cfg_attr(feature = "serde", serde(default))]
    pub active: bool,
    /// S1's "Is Source": a data source for import.
    #[cfg_attr(feature = "serde", serde(default))]
    pub is_source: bool,
    /// S1's "Is Target": a data target for export.
    #[cfg_attr(feature = "serde", serde(default))]
    pub is_target: bool,
    /// S1's "Timeout", whole milliseconds, as typed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub timeout_ms: Option<String>,
    /// S1's "API Version", such as `2024-06-20`.
    #[cfg_attr(feature = "serde", serde(default))]
    pub api_version: Option<String>,
}

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
    /// decides Stripe's minimum charge (stripe-facts §1.1).
    #[cfg_attr(feature = "serde", serde(default))]
    pub settlement_currency: Option<String>,
    /// Stripe granted raw card data access (S0's "Handle card information directly").
    #[cfg_attr(feature = "serde", serde(default))]
    pub raw_card_data_access: bool,
    /// The account's country, ISO 3166-1 alpha-2 (optional).
    #[cfg_attr(feature = "serde", serde(default))]
    pub country: Option<String>,
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
    /// Loads a configuration from the JSON [file format](self).
    ///
    /// # Errors
    ///
    /// A [`ConfigFileError`] with the line and column when the text is not JSON of the
    /// documented shape: bad syntax, a value of the wrong JSON type, an unknown field, or more
    /// than [`MAX_CONFIG_LEN`] bytes. A bad value of the right type (`"version": "v3"`) is not
    /// an error here: it becomes a [`Violation`] of [`validate`](Self::validate).
    #[cfg(feature = "serde")]
    pub fn from_json(json: &str) -> Result<Self, ConfigFileError> {
        if json.len() > MAX_CONFIG_LEN {
            return Err(ConfigFileError {
                message: format!(
                    "the file has {} bytes, more than the {MAX_CONFIG_LEN} a configuration may have",
                    json.len()
                ),
                line: 0,
                column: 0,
            });
        }
        let start = json.trim_start();
        if !start.is_empty() && !start.starts_with('{') {
            let offset = json.len() - start.len();
            let line = json[..offset].matches('\n').count() + 1;
            let column = offset - json[..offset].rfind('\n').map_or(0, |i| i + 1) + 1;
            return Err(ConfigFileError {
                message: "expected a JSON object ({ … }) at the top level".into(),
                line,
                column,
            });
        }
        serde_json::from_str(json).map_err(|e| ConfigFileError::from_json_error(&e))
    }
}

/// The largest configuration file [`GatewayConfig::from_json`] reads: 1 MiB, far above any
/// real configuration (every presentment currency assigned takes about 20 KiB).
pub const MAX_CONFIG_LEN: usize = 1 << 20;

/// A configuration file that is not JSON of the documented shape. Its message never contains
/// a value from the file (a secret could be one), only field names and JSON types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigFileError {
    message: String,
    line: usize,
    column: usize,
}

impl ConfigFileError {
    /// The 1-based line of the problem (0 when it concerns the whole file).
    #[must_use]
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based column of the problem (0 when it concerns the whole file).
    #[must_use]
    pub fn column(&self) -> usize {
        self.column
    }

    /// What is wrong, without the position.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    #[cfg(feature = "serde")]
    fn from_json_error(e: &serde_json::Error) -> Self {
        let full = e.to_string();
        // serde_json appends " at line L column C"; keep the message before it.
        let message = match full.rfind(" at line ") {
            Some(i) => &full[..i],
            None => &full,
        };
        ConfigFileError {
            message: redact_quoted(message),
            line: e.line(),
            column: e.column(),
        }
    }
}

impl fmt::Display for ConfigFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "not a gateway configuration: {}", self.message)
        } else {
            write!(
                f,
                "not a gateway configuration: line {}, column {}: {}",
                self.line, self.column, self.message
            )
        }
    }
}

impl std::error::Error for ConfigFileError {}

/// Makes a serde message safe to show: the contents of every double-quoted string
/// (`invalid type: string "sk_live_…", expected a boolean`) become `…`; so does an unknown
/// field's name unless it looks like a field name (`[a-z_]{1,32}`), taken whole up to serde's
/// `, expected` or `, there are no fields` so a backtick inside it cannot shift the pairing;
/// and, last, anything from a secret marker on is cut. No value from the file, a secret
/// perhaps, reaches the message.
#[cfg(feature = "serde")]
fn redact_quoted(message: &str) -> String {
    const UNKNOWN: &str = "unknown field `";
    if let Some(name_and_rest) = message.strip_prefix(UNKNOWN) {
        let end = [", expected", ", there are no fields"]
            .iter()
            .filter_map(|tail| name_and_rest.rfind(&format!("`{tail}")))
            .max()
            .unwrap_or(name_and_rest.len());
        let name = &name_and_rest[..end];
        let shown = if name.len() <= 32 && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
        {
            name
        } else {
            "…"
        };
        let tail = name_and_rest.get(end + 1..).unwrap_or_default();
        return format!("{UNKNOWN}{shown}`{}", redact_pairs(tail));
    }
    redact_pairs(message)
}

#[cfg(feature = "serde")]
fn redact_pairs(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(start) = rest.find(['"', '`']) {
        let quote = rest[start..].chars().next().unwrap_or('"');
        out.push_str(&rest[..=start]);
        let after = &rest[start + 1..];
        let Some(len) = after.find(quote) else {
            out.push('…');
            rest = "";
            break;
        };
        let inner = &after[..len];
        let keep = quote == '`'
            && inner.len() <= 32
            && inner.bytes().all(|b| b.is_ascii_lowercase() || b == b'_');
        if keep {
            out.push_str(inner);
        } else {
            out.push('…');
        }
        out.push(quote);
        rest = &after[len + 1..];
    }
    out.push_str(rest);
    if let Some(cut) = crate::text::secret_prefix_len(&out) {
        out.truncate(cut);
        out.push('…');
    }
    out
}

// Debug by hand: a secret pasted into a text field (a secret key in `publishable_key`, say)
// is shown only by its prefix. Secret fields are `SecretString`s, redacted by `secrecy`.

impl fmt::Debug for GatewayConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let brands: Option<Vec<GuardedText<'_>>> = self
            .card_brands
            .as_ref()
            .map(|b| b.iter().map(|s| GuardedText(s)).collect());
        f.debug_struct("GatewayConfig")
            .field("platform", &GuardedOption(&self.platform))
            .field("name", &GuardedOption(&self.name))
            .field("version", &GuardedOption(&self.version))
            .field("mode", &GuardedOption(&self.mode))
            .field("existing", &self.existing)
            .field("auth", &self.auth)
            .field("publishable_key", &GuardedOption(&self.publishable_key))
            .field("account", &self.account)
            .field("data_protection", &GuardedOption(&self.data_protection))
            .field("card_brands", &brands)
            .field("currencies", &self.currencies)
            .field("return_url", &GuardedOption(&self.return_url))
            .field("radar", &self.radar)
            .field("live_card_tested", &self.live_card_tested)
            .field("login", &self.login.as_ref().map(|_| "[redacted]"))
            .field("active", &self.active)
            .field("is_source", &self.is_source)
            .field("is_target", &self.is_target)
            .field("timeout_ms", &GuardedOption(&self.timeout_ms))
            .field("api_version", &GuardedOption(&self.api_version))
            .finish()
    }
}

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
