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
//! Every helper judges a configuration by the profile its `platform` names
//! ([`Form::profile`]) through the form's own verbs, [`Form::check`] and
//! [`Form::validate`], so a helper's verdict is the form's. Every assertion panics
//! with the [`Report`] rendered by its `Display`: every violation with its path, code,
//! message and remedy. A report never contains a secret, so the
//! failure message of a test is safe to keep in CI logs.
//!
//! ```
//! use stripe_gateway_rules::config::{AccountConfig, AuthConfig, CurrencyConfig, GatewayConfig};
//! use stripe_gateway_rules::codes::ViolationCode;
//! use stripe_gateway_rules::testing::{assert_valid, assert_violation};
//!
//! let config = {
//!     let mut config = GatewayConfig::default();
//!     config.name = Some("Stripe USD".into());
//!     config.version = Some("v2".into());
//!     config.mode = Some("test".into());
//!     config.auth = Some(AuthConfig::api_key("sk_test_4eC39HqLyjWDarjtT1zdp7dc"));
//!     config.account = Some(AccountConfig::settling_in("USD"));
//!     config.card_brands = Some(vec!["visa".into()]);
//!     config.currencies = Some(vec![CurrencyConfig::new("USD", "0.50")]);
//!     config
//! };
//! let form = assert_valid(&config);
//! assert_eq!(form.gateway().expect("a payment gateway").name(), "Stripe USD");
//!
//! let mut below = config.clone();
//! below.currencies = Some(vec![CurrencyConfig::new("USD", "0.30")]);
//! let violation = assert_violation(&below, ViolationCode::MinimumBelowStripe);
//! assert_eq!(violation.path(), "currencies[0].minimum_payment");
//! ```

use crate::{
    codes::ViolationCode,
    config::{Form, ValidatedForm},
    diagnostics::Report,
    diagnostics::Violation,
};

#[cfg(feature = "proptest")]
#[cfg_attr(docsrs, doc(cfg(feature = "proptest")))]
pub mod strategy;

/// Every finding of the configuration (a [`Form`], or a form of one kind:
/// [`GatewayConfig`](crate::config::GatewayConfig), [`ConnectionConfig`](crate::config::ConnectionConfig)) under its own profile, valid (its warnings) or not:
/// [`Form::check`].
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
pub fn report_of(config: &(impl Clone + Into<Form>)) -> Report {
    let form: Form = config.clone().into();
    form.check(&form.profile())
}

/// Asserts that `config` is valid under its own profile and returns the validated form (a
/// gateway, or a connection for a form without payment fields).
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
pub fn assert_valid(config: &(impl Clone + Into<Form>)) -> ValidatedForm {
    let form: Form = config.clone().into();
    match form.validate(&form.profile()) {
        Ok(form) => form,
        Err(report) => panic!("expected a valid gateway configuration, found {report}"),
    }
}

/// Asserts that `json` is a configuration file ([`Form::from_json`]) and that the
/// file is valid under the form's own profile, load findings included
/// ([`Loaded::validate`](crate::config::Loaded::validate)); returns the validated form.
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
/// let form = assert_valid_json(r#"{
///   "name": "Stripe EUR", "version": "v2", "mode": "test",
///   "auth": { "scheme": "api_key", "secret_key": "sk_test_4eC39HqLyjWDarjtT1zdp7dc" },
///   "account": { "settlement_currency": "EUR" },
///   "card_brands": ["visa", "mastercard"],
///   "currencies": [{ "currency": "EUR", "minimum_payment": "0.50" }]
/// }"#);
/// assert_eq!(form.gateway().expect("a payment gateway").currencies().len(), 1);
/// ```
///
/// [`ConfigFileError`]: crate::config::ConfigFileError
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
#[track_caller]
pub fn assert_valid_json(json: &str) -> ValidatedForm {
    match Form::from_json(json) {
        Ok(loaded) => match loaded.validate(&loaded.profile()) {
            Ok(form) => form,
            Err(report) => panic!("expected a valid gateway configuration, found {report}"),
        },
        Err(e) => {
            panic!("expected a valid gateway configuration, found a file that is not one: {e}")
        }
    }
}

/// Asserts that `config` is invalid under its own profile and returns its report.
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
pub fn assert_invalid(config: &(impl Clone + Into<Form>)) -> Report {
    let form: Form = config.clone().into();
    match form.validate(&form.profile()) {
        Ok(form) => panic!(
            "expected an invalid gateway configuration, found {}",
            form.report()
        ),
        Err(report) => report,
    }
}

/// Asserts that the check of `config` ([`report_of`]) reports a violation with `code`, and
/// returns the first such violation (to check its [`path`](Violation::path), say).
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
/// use stripe_gateway_rules::{config::{GatewayConfig}, codes::ViolationCode};
/// use stripe_gateway_rules::testing::assert_violation;
///
/// let v = assert_violation(&GatewayConfig::default(), ViolationCode::NoCardBrands);
/// assert_eq!(v.path(), "card_brands");
/// ```
#[track_caller]
pub fn assert_violation(config: &(impl Clone + Into<Form>), code: ViolationCode) -> Violation {
    let report = report_of(config);
    match report.violations().iter().find(|v| *v.code() == code) {
        Some(v) => v.clone(),
        None => panic!("expected a violation with code {code}, found {report}"),
    }
}
