//! The README's examples, compiled and run as doctests of a crate that depends on
//! `stripe-gateway-rules` alone.
#![doc = include_str!("../../../README.md")]
