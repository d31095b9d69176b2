//! A Stripe gateway configuration, as a billing platform stores it, and its validation: either
//! a [`ValidatedForm`] (a [`ValidatedGateway`], or a connection) or a [`Report`](crate::diagnostics::Report) of everything
//! wrong with it ([rules.md §1](crate::rules#rules-1)–[6](crate::rules#rules-6), [§10](crate::rules#rules-10)).
//!
//! A configuration comes in two kinds of form, each as the user entered it (strings and
//! flags, exactly the fields of the JSON file below, nothing parsed yet): a payment gateway's,
//! [`GatewayConfig`] (Konnektive, PortaBilling, generic), and a connection's,
//! [`ConnectionConfig`] (an iPaaS connector, Kartra, a data connector). A file holds either;
//! its `platform` field picks which, and [`Form`] is the one it holds. Every form (these, a
//! [`GatewayDraft`] of typed values, an [`AuthConfig`], a
//! [`ConnectionSettingsConfig`](crate::connection::ConnectionSettingsConfig)) has the same two
//! verbs: `check` parses and checks every field under a [`Profile`](crate::profile::Profile)
//! and collects **every** finding at once, each a [`Violation`](crate::diagnostics::Violation) with its path, code,
//! severity, message and remedy; `validate` gives the same findings as its error, or the
//! validated value. The form's own profile is the one its `platform` names
//! ([`Form::profile`]). A [`ValidatedGateway`] can only come out of a validation
//! without errors; later checks (operations on every payment) take it.
//!
//! [`Form::from_json`] returns the form beside its load report ([`Loaded`]): what the
//! loader found in the file is never stored in the form, and [`Loaded::check`] and
//! [`Loaded::validate`] merge it with the form's findings.
//!
//! ```
//! use stripe_gateway_rules::config::Form;
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
//! let loaded = Form::from_json(json)?;
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
//! Every top-level field, what it holds and on which platform's form it is (required or
//! optional), is in the tables on [`GatewayConfig`] and [`ConnectionConfig`], generated from
//! the fields' one declaration;
//! the objects' fields are on [`AuthConfig`], [`AccountConfig`] (with its [`LimitsConfig`])
//! and [`CurrencyConfig`]. The JSON Schema (`stripe-gateway-rules schema`, [`schema`]) gives
//! every field, nested ones included, with its closed choices.
//!
//! `check` and `validate` ([`Form::check`], [`Form::validate`], and the same on each kind of
//! form) are the entry points for every platform's form, with the same findings. A valid form with the payment fields validates
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
//! # Layers
//!
//! This module reads, checks and validates forms; it is above what it uses and nothing
//! below reaches back: the form types as entered are declared below it (and re-exported
//! here), [`Profile`](crate::profile::Profile)s and the [`ValidatedGateway`] it builds live
//! in their own modules, which [`operation`](crate::operation) uses without this one.
//!
//! # Violation codes
//!
//! The codes, their severity, rule and source are in one table with the refusal codes of
//! [`ValidatedGateway::check`], on the [crate page](crate#codes); [`ViolationCode`](crate::codes::ViolationCode) names them
//! in code.

mod account_limits;
mod collector;
mod entry;
mod form;
mod load;
mod minimums;
mod parse;
mod rules;
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub mod schema;
mod typed;
mod validate;

#[cfg(doc)]
use crate::money::AmountLimits;

pub use crate::gateway::{CurrencyAssignment, ValidatedGateway};
pub use crate::input::{
    AccountConfig, AuthConfig, BrandMaxConfig, ConnectionConfig, CurrencyConfig, CurrencyMaxConfig,
    Form, GatewayConfig, LimitsConfig, MinimumConfig,
};
pub use form::{ValidatedConnection, ValidatedForm};
#[cfg(feature = "serde")]
pub use load::Loaded;
pub use load::{ConfigFileError, MAX_CONFIG_DEPTH, MAX_CONFIG_LEN};
pub use typed::GatewayDraft;

impl Form {
    /// Loads a configuration from the JSON [file format](self), field by field, as the form
    /// of the kind its `platform` field picks ([`Loaded::form`]): a value of
    /// the wrong JSON type, an unknown field (with the closest known name) or a field given
    /// twice is a [`Violation`](crate::diagnostics::Violation) at its path, in the load report returned beside the form
    /// ([`Loaded`]), which [`Loaded::check`] and [`Loaded::validate`] merge with every other
    /// finding. An amount or rate written as a JSON number is read exactly as written (`1e-2`
    /// is `0.01`), never through a float; `null` is an absent field; a UTF-8 byte-order mark
    /// is skipped.
    ///
    /// ```
    /// use stripe_gateway_rules::{Form, codes::ViolationCode};
    ///
    /// let loaded = Form::from_json(r#"{ "nmae": "Stripe USD", "existing": "yes" }"#)?;
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
    /// A [`ConfigFileError`] with its [code](ConfigFileError::code), line and column only when
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
    /// [`NotUtf8`](crate::codes::ConfigFileCode::NotUtf8) at the first byte that is not UTF-8.
    #[cfg(feature = "serde")]
    pub fn from_json_slice(bytes: &[u8]) -> Result<Loaded, ConfigFileError> {
        load::from_slice(bytes)
    }
}
