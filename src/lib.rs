#![doc = include_str!("lib.md")]
#![forbid(unsafe_code)]
#![deny(missing_docs, missing_debug_implementations)]
#![cfg_attr(docsrs, feature(doc_cfg))]

// The layers, each importing only the ones below it (`python3 scripts/module-graph.py`
// lists the imports and fails on a cycle):
//
// 1. values and their parsers: `text`, `print`, `diagnostics`, `codes`, `currency`,
//    `card_brand`, `money`, `minimum`, `credentials`, `api_version`, `version`,
//    `data_protection`, `authorization`, `stripe_error`;
// 2. forms as entered: `input` (`GatewayConfig` and its objects), `reader` (the field-level
//    JSON reader);
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
pub mod authorization;
pub mod card_brand;
pub mod codes;
pub mod config;
pub mod connection;
pub mod credentials;
pub mod currency;
pub mod data_protection;
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
pub mod stripe_error;
pub mod testing;
mod text;
pub mod version;

// The path of a user's job: load a form, check or validate it under its profile, check
// operations with the validated gateway, read the report. Everything else is at its module.
pub use codes::{RefusalCode, ViolationCode};
pub use config::{Form, GatewayConfig, ValidatedGateway};
pub use currency::Currency;
pub use diagnostics::{Report, Severity, Violation};
pub use error::Error;
pub use money::Money;
pub use operation::{Operation, Refusal};
pub use profile::{Platform, Profile};
pub use text::InputExcerpt;

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
