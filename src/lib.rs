//! Stripe's integration rules for billing platforms, written down as pure Rust types: checked,
//! sourced and fast.
//!
//! Billing platforms (PortaBilling, Konnektive, Kartra, integration connectors) each document
//! how to configure Stripe, and each document carries rules: which gateway version to create,
//! which keys go where, test versus live, raw card data access, token-only versus full-card
//! data protection, a minimum payment per currency, no void, a customer email before the first
//! tokenized payment, reconnecting the same account. This crate models them as domain types
//! and validation functions with no I/O (no network, clock, files, environment or printing:
//! time, exchange rates and account state are parameters), so any system can embed it.
//!
//! ```
//! use stripe_gateway_rules::Decimal;
//! use stripe_gateway_rules::config::GatewayConfig;
//! use stripe_gateway_rules::operation::{CardSource, Payment};
//! use stripe_gateway_rules::{Currency, Money, Operation, ViolationCode};
//!
//! // A platform's configuration, as its user entered it.
//! let json = r#"{
//!   "name": "Stripe USD", "version": "v2", "mode": "test",
//!   "auth": { "scheme": "api_key", "secret_key": "sk_test_4eC39HqLyjWDarjtT1zdp7dc" },
//!   "account": { "settlement_currency": "USD" },
//!   "card_brands": ["visa", "mastercard"],
//!   "currencies": [{ "currency": "USD", "minimum_payment": "0.5" }]
//! }"#;
//! let loaded = GatewayConfig::from_json(json)?;
//! // Judged by the profile its `platform` names (none here: every rule): a payment gateway.
//! let form = loaded.validate(&loaded.profile()).expect("valid");
//! let gateway = form.into_gateway().expect("a payment gateway");
//!
//! // Every payment is checked before it reaches Stripe, without allocating.
//! let small = Money::new(Decimal::new(40, 2), Currency::USD);
//! let refusal = gateway.check(&Operation::Sale(Payment::new(small, CardSource::Saved))).unwrap_err();
//! assert_eq!(refusal.end_user_message().to_string(), "Your payment must be no less than 0.5 USD");
//!
//! // A configuration with mistakes gets one report of all of them, never with a secret.
//! let wrong = json.replace("sk_test_", "pk_test_").replace("\"0.5\"", "\"0.40\"");
//! let loaded = GatewayConfig::from_json(&wrong)?;
//! let report = loaded.check(&loaded.profile());
//! assert!(report.has(ViolationCode::PublishableKeyAsSecret));
//! assert!(report.has(ViolationCode::MinimumBelowStripe));
//! # Ok::<(), stripe_gateway_rules::config::ConfigFileError>(())
//! ```
//!
//! # The rules
//!
//! Sources: S0 Konnektive, S1 an iPaaS connector, S2 Kartra, S3 a data connector, S4
//! PortaBilling (the platforms' own documents), and Stripe's documentation, cited in each
//! item's docs ("[stripe-facts §n](crate::rules#stripe-facts)" is the project's sourced summary of it).
//!
//! | rule | source | enforced by |
//! | --- | --- | --- |
//! | keys: `sk_`/`rk_` secret and restricted, `pk_` publishable, the prefix gives test or live; a publishable key can't authenticate | S1, S3, S4; [stripe-facts §3](crate::rules#facts-3) | [`SecretKey`], [`PublishableKey`], [`credentials`] |
//! | other Stripe strings in a key slot are named; no trimming; no secret in any output | [rules §1](crate::rules#rules-1) | [`CredentialError`], [`InputExcerpt`] |
//! | a key's mode is the configuration's; a key pair shares a mode | S4; [rules §1](crate::rules#rules-1) | [`GatewayConfig::validate`] |
//! | auth schemes: API key, OAuth2 (client id, secret, refresh token), Connect (no secret) | S2, S3 | [`AuthScheme`] |
//! | V2 for new gateways; V1 legacy only if it exists | S0 | [`GatewayVersion`], [`GatewayConfig::validate`] |
//! | raw card data access whenever the platform sends card numbers (V1; any data protection mode) | S0, S4; [stripe-facts §5](crate::rules#facts-5) | [`GatewayConfig::validate`], [`diagnose`] |
//! | V2 live needs an https return URL for SCA redirects | S0 | [`GatewayConfig::validate`] |
//! | a test transaction with a live card before going live | S0 | [`GatewayConfig::validate`] |
//! | token only or full card except the CVV; no stored type holds a CVV | S4 | [`DataProtection`] |
//! | amounts in Stripe's minor units: zero-decimal, ISK/UGX ×100, three-decimal last digit 0, HUF/TWD payouts ×100; 8 digits at most (IDR 12); never rounded silently | [stripe-facts §1.2](crate::rules#facts-1-2), [§2](crate::rules#facts-2) | [`Money::to_minor_units`], [`Money::round_to_stripe`], [`check_payout`], [`minor_unit_rule`] |
//! | presentment currencies; American Express and UnionPay refuse some | [stripe-facts §7](crate::rules#facts-7) | [`is_presentment_currency`], [`CardBrand::supports_currency`] |
//! | a minimum payment per currency reaches Stripe's minimum for the settlement currency, after conversion | S4; [stripe-facts §1.1](crate::rules#facts-1-1) | [`stripe_minimum`], [`check_minimum`], [`GatewayConfig::validate`] |
//! | below the minimum, "Your payment must be no less than 0.5 USD" | S4 | [`ValidatedGateway::check`] |
//! | no void: authorizations lapse after their window; refund a captured payment | S4; [stripe-facts §4](crate::rules#facts-4) | [`ValidatedGateway::check`] |
//! | authorization windows (7 days; Visa MIT 4 d 18 h; in person 2 days; extended 30; JPY in Japan 30); `capture_before` overrides | [stripe-facts §4](crate::rules#facts-4) | [`authorization`] |
//! | refunds at most what was captured and not refunded | [rules §7](crate::rules#rules-7) | [`ValidatedGateway::check`] |
//! | token-only mode: the first payment (and saving a card) needs a valid customer email | S4 (the platform's rule, not Stripe's) | [`ValidatedGateway::check`] |
//! | Connect OAuth URL and callback; reconnect the same account; one connection per account; ineligible accounts | S2; [stripe-facts §6](crate::rules#facts-6) | [`connection`] |
//! | legacy API-key connections re-authenticated by a deadline | S2 | [`LegacyCredentialPolicy`] |
//! | connection settings: timeout in milliseconds, mandatory secret key, API version | S1 | [`ConnectionSettings`], [`ApiVersion`] |
//! | what Stripe's errors mean for the configuration | [stripe-facts §1](crate::rules#facts-1), [§3](crate::rules#facts-3)–[§5](crate::rules#facts-5) | [`diagnose`] |
//! | whose rule applies where: each platform's form by its own profile; a platform's own profile and checks | [rules §11](crate::rules#rules-11) | [`Platform`], [`Profile`], [`GatewayConfig::check`] |
//!
//! Every form has the same two verbs, each taking the [`Profile`] to judge it by:
//! `check` (every finding, errors and warnings) and `validate` (the validated form, or the
//! same findings as its error). A valid form is a payment gateway or, without payment
//! fields, a connection ([`ValidatedForm`](config::ValidatedForm)). Loading and validating
//! compose with `?`: a file of the wrong shape is a
//! [`ConfigFileError`](config::ConfigFileError), a configuration with errors is its
//! [`Report`], a valid connection asked for a gateway is a `payment_fields_missing`
//! [`Violation`], and all are [`std::error::Error`]s.
//!
//! ```
//! use std::error::Error;
//! use stripe_gateway_rules::{GatewayConfig, ValidatedGateway};
//!
//! fn load(json: &str) -> Result<ValidatedGateway, Box<dyn Error>> {
//!     let loaded = GatewayConfig::from_json(json)?;
//!     Ok(loaded.validate(&loaded.profile())?.into_gateway()?)
//! }
//! # let json = include_str!("../examples/configs/konnektive-v2.json");
//! assert!(load(json).is_ok());
//! assert!(load(&json.replace("\"v2\"", "\"v9\"")).is_err());
//! ```
//!
//! # Codes
//!
//! Every violation, refusal and parse error has a stable snake_case code, never reused for
//! another meaning; the [`codes`] module lists every one with its severity, rule and source,
//! and [`diagnostics`] is the one report model they are all reported through.
//!
//! # Features
//!
//! | feature | default | what it adds |
//! | --- | --- | --- |
//! | `serde` | yes | loading configurations and operation lines from JSON; `Deserialize` for every parsed type (through the same parsers), `Serialize` for every public non-secret type |
//! | `proptest` | no | `testing::strategy` (see [`testing`]): strategies for property tests of code that handles gateways (the assertions of [`testing`] need no feature) |
//!
//! # Versioning and minimum supported Rust version
//!
//! Semantic Versioning. Every public enum that may grow is `#[non_exhaustive]`; codes are
//! stable. Rust 1.85 (edition 2024); raising it is a minor-version change, recorded in the
//! CHANGELOG (`CHANGELOG.md` in the package).
#![forbid(unsafe_code)]
#![deny(missing_docs, missing_debug_implementations)]
#![cfg_attr(docsrs, feature(doc_cfg))]

// The layers, each importing only the ones below it (`python3 scripts/module-graph.py`
// lists the imports and fails on a cycle):
//
// 1. values and their parsers: `text`, `print`, `diagnostics`, `codes`, `currency`,
//    `card_brand`, `money`, `minimum`, `credentials`, `api_version`, `version`,
//    `data_protection`, `authorization`, `diagnosis`;
// 2. typed credentials and forms as entered: `auth` (`AuthScheme`), `input` (`GatewayConfig`
//    and its objects), `reader` (the field-level JSON reader);
// 3. what forms are judged by and validate into: `profile` (reads `input`), `gateway`
//    (`ValidatedGateway`), `connection`;
// 4. `config` (reads, checks and validates forms into `gateway`'s and `connection`'s types;
//    `AuthScheme`'s `Deserialize` lives here) and `operation` (checks operations with a
//    `ValidatedGateway`), neither importing the other;
// 5. `testing`, and the tool (`src/bin`).
//
// `input` comes first: its field list (`gateway_fields!`) is a macro that `config` uses, and
// textual order makes it visible there.
#[macro_use]
mod input;

pub mod api_version;
pub mod auth;
pub mod authorization;
pub mod card_brand;
pub mod codes;
pub mod config;
pub mod connection;
pub mod credentials;
pub mod currency;
pub mod data_protection;
pub mod diagnosis;
pub mod diagnostics;
mod error;
mod gateway;
pub mod minimum;
pub mod money;
pub mod operation;
mod print;
pub mod profile;
#[cfg(feature = "serde")]
mod reader;
pub mod request;
pub mod rules;
pub mod testing;
mod text;
pub mod version;

pub use api_version::ApiVersion;
pub use auth::AuthScheme;
pub use card_brand::CardBrand;
pub use codes::{RefusalCode, ViolationCode};
pub use config::{GatewayConfig, ValidatedGateway};
pub use connection::{
    Connection, ConnectionError, ConnectionSettings, Connections, LegacyCredentialPolicy,
    SelectedAccount,
};
pub use credentials::{AccountId, ClientId, CredentialError, Mode, PublishableKey, SecretKey};
pub use currency::{
    Currency, CurrencyError, MinorUnitRule, amex_supports, is_presentment_currency,
    minor_unit_rule, parse_currency, presentment_currencies,
};
pub use data_protection::DataProtection;
pub use diagnosis::{Diagnosis, DiagnosisKind, diagnose};
pub use diagnostics::{Report, Severity, Violation};
pub use error::Error;
pub use minimum::{MinimumVerdict, check_minimum, stripe_minimum};
pub use money::{
    AmountError, ExchangeRate, MinorUnits, Money, ParseMoneyError, RoundingMode, check_payout,
    max_minor_units,
};
pub use operation::{Operation, Refusal};
pub use profile::{Platform, Profile};
pub use text::InputExcerpt;
pub use version::GatewayVersion;

// Types of the crate's dependencies that its API takes or returns, re-exported so that a user
// names them through this crate alone, at the versions it was built with.

/// A country, ISO 3166 alpha-2, as an account's country is given (iso_currency's).
pub use iso_currency::Country;
/// Time: [`jiff::Timestamp`] for the moments of authorizations and operations,
/// [`jiff::civil::Date`] for API versions and deadlines (the whole jiff crate, at the version
/// this crate was built with).
pub use jiff;
/// An exact decimal amount, as [`Money::new`] and exchange rates take it (rust_decimal's).
pub use rust_decimal::Decimal;
/// The wrapper of every secret a form holds (secrecy's): `Debug` shows `[REDACTED]`, and
/// [`ExposeSecret::expose_secret`] is the one way to read it.
pub use secrecy::{ExposeSecret, SecretString};

/// The README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
