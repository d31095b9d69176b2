//! [`proptest`](mod@proptest) strategies: valid values of every public type a platform handles, whole valid
//! configurations, operations a validated gateway accepts, and invalid configurations
//! labelled with the [`ViolationCode`] they produce.
//!
//! Every strategy is a plain function returning `impl Strategy` (or a [`BoxedStrategy`] where
//! the shape depends on an argument), so they compose with `prop_map`, `prop_flat_map` and
//! tuples like any other strategy. The credentials' strategies give parsed values; their text
//! is one `prop_map` away (`secret_key().prop_map(|k| k.expose_secret().to_owned())`).
//!
//! | strategy | generates |
//! | --- | --- |
//! | [`mode`] | test or live |
//! | [`secret_key_in`], [`secret_key`] | secret (`sk_`) and restricted (`rk_`) keys, with key bodies of 10 to 247 letters and digits, mostly 24 or 99 |
//! | [`publishable_key_in`], [`publishable_key`] | publishable keys |
//! | [`account_id`], [`client_id`] | `acct_…`, `ca_…` |
//! | [`client_secret`], [`refresh_token`] | OAuth secrets |
//! | [`presentment_currency`], [`currency`] | Stripe's presentment currencies (and the three-decimal ones) |
//! | [`minor_units_in`], [`money_in`], [`money`] | positive amounts Stripe accepts: right precision, multiple and maximum |
//! | [`card_brand`] | any card brand |
//! | [`auth_config`] | a valid `auth` object of any scheme |
//! | [`valid_config`], [`valid_config_in`], [`validated_gateway`] | whole valid configurations |
//! | [`operation`] | an operation of every kind that a given gateway accepts |
//! | [`any_operation`] | a well-formed operation of any kind, accepted or not |
//! | [`invalid_config`], [`invalid_config_for`] | an invalid configuration and the error code it produces |
//! | [`config_with_warning`] | a valid configuration and the warning code it produces |
//!
//! ```
//! use proptest::prelude::*;
//! use stripe_gateway_rules::testing::strategy::{invalid_config, operation, valid_config};
//!
//! proptest! {
//!     #![proptest_config(ProptestConfig::with_cases(16))]
//!     // In a test file each of these takes `#[test]`; here they are called below.
//!     fn every_valid_config_validates(config in valid_config()) {
//!         prop_assert!(config.validate(&config.profile()).is_ok());
//!     }
//!
//!     fn every_invalid_config_is_refused_for_its_reason((config, code) in invalid_config()) {
//!         let report = config.validate(&config.profile()).unwrap_err();
//!         prop_assert!(report.has(code), "expected {code}, got {report}");
//!     }
//!
//!     fn the_gateway_accepts_what_it_should(
//!         (gateway, op) in valid_config()
//!             .prop_map(|c| c.validate(&c.profile()).expect("valid").into_gateway().expect("a gateway"))
//!             .prop_flat_map(|g| (Just(g.clone()), operation(&g)))
//!     ) {
//!         prop_assert_eq!(gateway.check(&op), Ok(()));
//!     }
//! }
//! # every_valid_config_validates();
//! # every_invalid_config_is_refused_for_its_reason();
//! # the_gateway_accepts_what_it_should();
//! ```
//!
//! [`ViolationCode`]: crate::codes::ViolationCode
//! [`BoxedStrategy`]: proptest::strategy::BoxedStrategy

mod credentials;
mod invalid_config;
mod money;
mod operations;
mod valid_config;

pub use credentials::{
    account_id, client_id, client_secret, mode, pasted_secret, publishable_key, publishable_key_in,
    refresh_token, secret_key, secret_key_in,
};
pub use invalid_config::{
    INVALID_CODES, WARNING_CODES, config_with_warning, invalid_config, invalid_config_for,
};
pub use money::{card_brand, currency, minor_units_in, money, money_in, presentment_currency};
pub use operations::{any_operation, operation};
pub use valid_config::{auth_config, valid_config, valid_config_in, validated_gateway};
