//! The rules catalogue: every rule the crate enforces, its sources (the platforms' documents
//! S0–S4 and Stripe's documentation, each with its as-of date), the decisions where sources
//! disagree, and Stripe's facts. Every section citation in these docs links to a section of
//! this page, so it resolves on docs.rs and in an offline `cargo doc`, at the version you read.
//! The same text is `RULES.md` in the package.
//!
//! ---
//!
#![doc = include_str!("../RULES.md")]
