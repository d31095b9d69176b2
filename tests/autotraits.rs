//! Every public type is `Send + Sync` (C-SEND-SYNC), and secrets implement none of the traits
//! that could print, serialize or compare them by accident (rules.md §1).

use static_assertions::{assert_impl_all, assert_not_impl_any};
use stripe_gateway_rules::credentials::{
    ClientSecret, CredentialErrorKind, CredentialSlot, ModeError, RefreshToken, StripeStringKind,
    WhitespacePlace,
};
use stripe_gateway_rules::*;

assert_impl_all!(Mode: Send, Sync, Copy, std::fmt::Display, std::str::FromStr);
assert_impl_all!(ModeError: Send, Sync, std::error::Error);
assert_impl_all!(SecretKey: Send, Sync, Clone, std::fmt::Debug);
assert_impl_all!(PublishableKey: Send, Sync, std::fmt::Display, Eq, std::hash::Hash);
assert_impl_all!(AccountId: Send, Sync, std::fmt::Display, Eq, std::hash::Hash);
assert_impl_all!(ClientId: Send, Sync, std::fmt::Display, Eq, std::hash::Hash);
assert_impl_all!(ClientSecret: Send, Sync, Clone, std::fmt::Debug);
assert_impl_all!(RefreshToken: Send, Sync, Clone, std::fmt::Debug);
assert_impl_all!(AuthScheme: Send, Sync, Clone, std::fmt::Debug);
assert_impl_all!(CredentialError: Send, Sync, std::error::Error, Clone, Eq);
assert_impl_all!(CredentialErrorKind: Send, Sync);
assert_impl_all!(CredentialSlot: Send, Sync);
assert_impl_all!(StripeStringKind: Send, Sync);
assert_impl_all!(WhitespacePlace: Send, Sync);

// API versions (rules.md §9).
assert_impl_all!(ApiVersion: Send, Sync, Copy, Ord, std::hash::Hash, std::fmt::Display, std::str::FromStr);
assert_impl_all!(stripe_gateway_rules::api_version::ApiVersionError: Send, Sync, std::error::Error, Clone, Eq);
assert_impl_all!(stripe_gateway_rules::api_version::ApiVersionErrorKind: Send, Sync);
assert_impl_all!(stripe_gateway_rules::api_version::Release: Send, Sync, Copy, Ord);

// Secrets: no Display, no equality, no serialization.
assert_not_impl_any!(SecretKey: std::fmt::Display, PartialEq);
assert_not_impl_any!(ClientSecret: std::fmt::Display, PartialEq);
assert_not_impl_any!(RefreshToken: std::fmt::Display, PartialEq);
assert_not_impl_any!(AuthScheme: std::fmt::Display, PartialEq);
#[cfg(feature = "serde")]
mod no_serialize {
    use super::*;
    assert_not_impl_any!(SecretKey: serde::Serialize);
    assert_not_impl_any!(ClientSecret: serde::Serialize);
    assert_not_impl_any!(RefreshToken: serde::Serialize);
    assert_not_impl_any!(AuthScheme: serde::Serialize);
}

#[test]
fn autotraits_are_asserted_at_compile_time() {
    // The assertions above fail the build, not this test; this test exists so the binary runs.
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<SecretKey>();
}
