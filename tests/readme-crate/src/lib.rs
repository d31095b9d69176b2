//! The README's and the crate page's examples, compiled and run as doctests of a crate that
//! depends on `stripe-gateway-rules` alone.
#![doc = include_str!("../../../README.md")]

/// The crate page (`src/lib.md`, the API docs' front page).
#[doc = include_str!("../../../src/lib.md")]
pub mod crate_page {}
