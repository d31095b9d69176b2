//! Stripe's integration rules for billing platforms, as pure Rust types.
#![forbid(unsafe_code)]
#![deny(missing_docs, missing_debug_implementations)]
#![cfg_attr(docsrs, feature(doc_cfg))]

pub mod credentials;
pub mod currency;
pub mod minimum;
pub mod money;
