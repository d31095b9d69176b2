//! Stripe's integration rules for billing platforms, as pure Rust types.
#![forbid(unsafe_code)]
#![deny(missing_docs, missing_debug_implementations)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod credentials;
pub mod currency;
pub mod minimum;
pub mod money;

pub use currency::{
    Currency, CurrencyError, MinorUnitRule, amex_supports, is_presentment_currency,
    minor_unit_rule, parse_currency, presentment_currencies,
};
pub use minimum::{MinimumVerdict, check_minimum, stripe_minimum};
pub use money::{
    AmountError, ExchangeRate, MinorUnits, Money, ParseMoneyError, RoundingMode, check_payout,
    max_minor_units,
};
