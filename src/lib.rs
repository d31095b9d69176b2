//! Stripe's integration rules for billing platforms, written down as pure Rust types: checked,
//! sourced and fast.
//!
//! Billing platforms each document how to configure Stripe, and each document carries rules:
//! which keys go where, test versus live, which auth scheme, which currencies and minimums.
//! This crate models those rules as domain types and validation functions with no I/O (no
//! network, clock, files or environment: time, exchange rates and account state are
//! parameters), so any system can embed it.
//!
//! ```
//! use stripe_gateway_rules::{AuthScheme, Mode, SecretKey};
//!
//! // Parsing is validation: a key that parses is a real Stripe key shape, with its mode.
//! let key: SecretKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dc".parse()?;
//! assert_eq!(key.mode(), Mode::Live);
//! assert_eq!(format!("{key:?}"), "SecretKey(sk_live_…p7dc)"); // never the secret
//!
//! // The most common mistake gets an error that says what to paste instead.
//! let err = "pk_live_TYooMQauvdEDq54NiTphI7jx".parse::<SecretKey>().unwrap_err();
//! assert!(err.to_string().starts_with("expected a secret key, found a publishable key"));
//!
//! let auth = AuthScheme::ApiKey { secret_key: key, account_id: None };
//! assert_eq!(auth.mode(), Some(Mode::Live));
//! # Ok::<(), stripe_gateway_rules::CredentialError>(())
//! ```
//!
//! # Features
//!
//! | feature | default | what it adds |
//! | --- | --- | --- |
//! | `serde` | yes | `Deserialize` for every parsed type (through the same parsers), `Serialize` for every public non-secret type |
//! | `proptest` | no | [`testing::strategy`]: strategies for property tests of code that handles gateways (the assertions of [`testing`] need no feature) |
//!
//! # Minimum supported Rust version
//!
//! Rust 1.85 (edition 2024). Raising it is a minor-version change, made only for a reason
//! recorded in the [CHANGELOG](https://github.com/stripe-gateway-rules/stripe-gateway-rules/blob/main/CHANGELOG.md).
#![forbid(unsafe_code)]
#![deny(missing_docs, missing_debug_implementations)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod api_version;
pub mod auth;
pub mod authorization;
pub mod card_brand;
pub mod config;
pub mod connection;
pub mod credentials;
pub mod currency;
pub mod data_protection;
pub mod diagnosis;
pub mod minimum;
pub mod money;
pub mod operation;
pub mod testing;
mod text;
pub mod version;

pub use api_version::ApiVersion;
pub use auth::AuthScheme;
pub use card_brand::CardBrand;
pub use config::{GatewayConfig, Report, Severity, ValidatedGateway, Violation, ViolationCode};
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
pub use minimum::{MinimumVerdict, check_minimum, stripe_minimum};
pub use money::{
    AmountError, ExchangeRate, MinorUnits, Money, ParseMoneyError, RoundingMode, check_payout,
    max_minor_units,
};
pub use operation::{Operation, OperationError};
pub use text::InputExcerpt;
pub use version::GatewayVersion;

/// The README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
