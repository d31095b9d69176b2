//! Helpers for the tests of code that handles gateway configurations: short assertions that a
//! configuration is valid (or breaks a given rule) and, with the `proptest` feature,
//! strategies (`strategy`) that generate valid values of every public type and labelled invalid
//! configurations.
//!
//! # Design
//!
//! The assertions need nothing but the crate, so this module is always compiled: a platform's
//! unit test can call [`assert_valid`] without enabling a feature or pulling `proptest` into
//! its dependency tree. The strategies need `proptest`, so the `strategy` submodule is
//! compiled only with the `proptest` feature (enable it in `[dev-dependencies]`:
//! `stripe-gateway-rules = { version = "…", features = ["proptest"] }`).
//!
//! Every assertion panics with the validation's [`Report`] rendered by its `Display`: every
//! violation with its path, code, message and remedy. A report never contains a secret, so the
//! failure message of a test is safe to keep in CI logs.
//!
//! ```
//! use stripe_gateway_rules::config::{AccountConfig, AuthConfig, CurrencyConfig, GatewayConfig};
//! use stripe_gateway_rules::config::ViolationCode;
//! use stripe_gateway_rules::testing::{assert_valid, assert_violation};
//!
//! let config = GatewayConfig {
//!     name: Some("Stripe USD".into()),
//!     version: Some("v2".into()),
//!     mode: Some("test".into()),
//!     auth: Some(AuthConfig::api_key("sk_test_4eC39HqLyjWDarjtT1zdp7dc")),
//!     account: Some(AccountConfig::settling_in("USD")),
//!     card_brands: Some(vec!["visa".into()]),
//!     currencies: Some(vec![CurrencyConfig::new("USD", "0.50")]),
//!     ..GatewayConfig::default()
//! };
//! let gateway = assert_valid(&config);
//! assert_eq!(gateway.name(), "Stripe USD");
//!
//! let mut below = config.clone();
//! below.currencies = Some(vec![CurrencyConfig::new("USD", "0.30")]);
//! let violation = assert_violation(&below, ViolationCode::MinimumBelowStripe);
//! assert_eq!(violation.path(), "currencies[0].minimum_payment");
//! ```

use crate::config::{GatewayConfig, Report, ValidatedGateway, Violation, ViolationCode};

#[cfg(feature = "proptest")]
#[cfg_attr(docsrs, doc(cfg(feature = "proptest")))]
pub mod strategy;

/// The validation's report, whether the configuration is valid (its warnings) or not (every
/// violation).
///
/// ```
/// use stripe_gateway_rules::config::GatewayConfig;
/// use stripe_gateway_rules::testing::report_of;
///
/// let report = report_of(&GatewayConfig::default());
/// assert!(!report.is_valid());
/// assert!(report.to_string().starts_with("invalid: "));
/// ```
#[must_use]
pub fn report_of(config: &GatewayConfig) -> Report {
    match config.validate() {
        Ok(gateway) => gateway.report(),
        Err(report) => report,
    }
}

/// Asserts that `config` is valid and returns the validated gateway.
///
/// # Panics
///
/// When the configuration is invalid, with the rendered [`Report`] (never a secret) in the
/// message.
///
/// ```should_panic
/// use stripe_gateway_rules::config::GatewayConfig;
/// use stripe_gateway_rules::testing::assert_valid;
///
/// // Panics: "expected a valid gateway configuration, found invalid: 6 errors, 0 warnings …"
/// assert_valid(&GatewayConfig::default());
/// ```
#[track_caller]
pub fn assert_valid(config: &GatewayConfig) -> ValidatedGateway {
    match config.validate() {
        Ok(gateway) => gateway,
        Err(report) => panic!("expected a valid gateway configuration, found {report}"),
    }
}

/// Asserts that `json` is a configuration file ([`GatewayConfig::from_json`]) and that the
/// configuration is valid; returns the validated gateway.
///
/// # Panics
///
/// When the text is not a configuration file (with the [`ConfigFileError`], which never
/// quotes a value of the file), or when the configuration is invalid (with the rendered
/// [`Report`]).
///
/// ```
/// use stripe_gateway_rules::testing::assert_valid_json;
///
/// let gateway = assert_valid_json(r#"{
///   "name": "Stripe EUR", "version": "v2", "mode": "test",
///   "auth": { "scheme": "api_key", "secret_key": "sk_test_4eC39HqLyjWDarjtT1zdp7dc" },
///   "account": { "settlement_currency": "EUR" },
///   "card_brands": ["visa", "mastercard"],
///   "currencies": [{ "currency": "EUR", "minimum_payment": "0.50" }]
/// }"#);
/// assert_eq!(gateway.currencies().len(), 1);
/// ```
///
/// [`ConfigFileError`]: crate::config::ConfigFileError
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
#[track_caller]
pub fn assert_valid_json(json: &str) -> ValidatedGateway {
    match GatewayConfig::from_json(json) {
        Ok(config) => assert_valid(&config),
        Err(e) => {
            panic!("expected a valid gateway configuration, found a file that is not one: {e}")
        }
    }
}

/// Asserts that `config` is invalid and returns its report.
///
/// # Panics
///
/// When the configuration is valid, with the rendered report of its warnings.
///
/// ```
/// use stripe_gateway_rules::config::GatewayConfig;
/// use stripe_gateway_rules::testing::assert_invalid;
///
/// let report = assert_invalid(&GatewayConfig::default());
/// assert!(report.errors().count() > 0);
/// ```
#[track_caller]
pub fn assert_invalid(config: &GatewayConfig) -> Report {
    match config.validate() {
        Ok(gateway) => panic!(
            "expected an invalid gateway configuration, found {}",
            gateway.report()
        ),
        Err(report) => report,
    }
}

/// Asserts that the validation of `config` reports a violation with `code`, and returns the
/// first such violation (to check its [`path`](Violation::path), say).
///
/// Warnings count: `assert_violation(&config, ViolationCode::LiveCardTestMissing)` passes for
/// a valid live configuration without a live-card test. Use [`assert_invalid`] as well when
/// the configuration must also be refused.
///
/// # Panics
///
/// When no violation has `code`, with the rendered report in the message.
///
/// ```
/// use stripe_gateway_rules::config::{GatewayConfig, ViolationCode};
/// use stripe_gateway_rules::testing::assert_violation;
///
/// let v = assert_violation(&GatewayConfig::default(), ViolationCode::NoCardBrands);
/// assert_eq!(v.path(), "card_brands");
/// ```
#[track_caller]
pub fn assert_violation(config: &GatewayConfig, code: ViolationCode) -> Violation {
    let report = report_of(config);
    match report.violations().iter().find(|v| *v.code() == code) {
        Some(v) => v.clone(),
        None => panic!("expected a violation with code {code}, found {report}"),
    }
}
