//! Every public type is `Send + Sync` (C-SEND-SYNC), and secrets implement none of the traits
//! that could print, serialize or compare them by accident (rules.md §1).

use static_assertions::{assert_impl_all, assert_not_impl_any};
use stripe_gateway_rules::api_version::ApiVersion;
use stripe_gateway_rules::card_brand::CardBrand;
use stripe_gateway_rules::codes::DiagnosisCode;
use stripe_gateway_rules::connection::Connection;
use stripe_gateway_rules::connection::ConnectionError;
use stripe_gateway_rules::connection::ConnectionSettings;
use stripe_gateway_rules::connection::Connections;
use stripe_gateway_rules::connection::LegacyCredentialPolicy;
use stripe_gateway_rules::connection::SelectedAccount;
use stripe_gateway_rules::credentials::AccountId;
use stripe_gateway_rules::credentials::AuthScheme;
use stripe_gateway_rules::credentials::ClientId;
use stripe_gateway_rules::credentials::CredentialError;
use stripe_gateway_rules::credentials::Mode;
use stripe_gateway_rules::credentials::PublishableKey;
use stripe_gateway_rules::credentials::SecretKey;
use stripe_gateway_rules::credentials::{
    ClientSecret, CredentialSlot, ModeError, RefreshToken, StripeStringKind, WhitespacePlace,
};
use stripe_gateway_rules::currency::CurrencyError;
use stripe_gateway_rules::currency::MinorUnitRule;
use stripe_gateway_rules::data_protection::DataProtection;
use stripe_gateway_rules::minimum::MinimumVerdict;
use stripe_gateway_rules::money::AmountError;
use stripe_gateway_rules::money::ExchangeRate;
use stripe_gateway_rules::money::MinorUnits;
use stripe_gateway_rules::money::ParseMoneyError;
use stripe_gateway_rules::money::RoundingMode;
use stripe_gateway_rules::stripe_error::Diagnosis;
use stripe_gateway_rules::version::GatewayVersion;
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
assert_impl_all!(CredentialSlot: Send, Sync);
assert_impl_all!(StripeStringKind: Send, Sync);
assert_impl_all!(WhitespacePlace: Send, Sync);

// API versions (rules.md §9).
assert_impl_all!(ApiVersion: Send, Sync, Copy, Ord, std::hash::Hash, std::fmt::Display, std::str::FromStr);
assert_impl_all!(stripe_gateway_rules::api_version::ApiVersionError: Send, Sync, std::error::Error, Clone, Eq);
assert_impl_all!(stripe_gateway_rules::api_version::Release: Send, Sync, Copy, Ord);

// Connections (rules.md §9).
mod connection_types {
    use super::*;
    use stripe_gateway_rules::connection::{
        AuthorizationCode, AuthorizeRequest, CallbackError, ConnectionSettingsConfig,
        LegacyPolicyError, LegacyStatus, OAuthError, OAuthErrorCode, OAuthGrant, OAuthScope,
        OAuthState, Timeout, TimeoutError,
    };
    assert_impl_all!(Connection: Send, Sync, Clone, Eq, std::hash::Hash);
    assert_impl_all!(Connections: Send, Sync, Clone, Eq, Default);
    assert_impl_all!(SelectedAccount: Send, Sync, Clone, Eq);
    assert_impl_all!(ConnectionError: Send, Sync, std::error::Error, Clone, Eq);
    assert_impl_all!(LegacyCredentialPolicy: Send, Sync, Copy, Eq);
    assert_impl_all!(LegacyStatus: Send, Sync, Copy, Eq);
    assert_impl_all!(LegacyPolicyError: Send, Sync, std::error::Error);
    assert_impl_all!(AuthorizeRequest: Send, Sync, Clone, std::fmt::Debug);
    assert_impl_all!(OAuthScope: Send, Sync, Copy, std::fmt::Display, std::str::FromStr);
    assert_impl_all!(OAuthState: Send, Sync, Clone, Eq, std::fmt::Display, std::str::FromStr);
    assert_impl_all!(OAuthError: Send, Sync, std::error::Error, Clone, Eq);
    assert_impl_all!(OAuthErrorCode: Send, Sync, Clone, Eq);
    assert_impl_all!(CallbackError: Send, Sync, std::error::Error, Clone, Eq);
    assert_impl_all!(OAuthGrant: Send, Sync, Clone, std::fmt::Debug);
    assert_impl_all!(AuthorizationCode: Send, Sync, Clone, std::fmt::Debug);
    assert_impl_all!(ConnectionSettings: Send, Sync, Clone, std::fmt::Debug);
    assert_impl_all!(ConnectionSettingsConfig: Send, Sync, Clone, Default, std::fmt::Debug);
    assert_impl_all!(
        stripe_gateway_rules::diagnostics::Violation: Send,
        Sync,
        Clone,
        Eq,
        std::fmt::Display
    );
    assert_impl_all!(
        stripe_gateway_rules::diagnostics::Report: Send,
        Sync,
        std::error::Error,
        Extend<stripe_gateway_rules::diagnostics::Violation>,
        IntoIterator
    );
    assert_impl_all!(stripe_gateway_rules::diagnostics::Path: Send, Sync, Clone, Eq);
    assert_impl_all!(stripe_gateway_rules::diagnostics::Code: Send, Sync, Clone, Eq);
    assert_impl_all!(stripe_gateway_rules::operation::Refusal: Send, Sync, std::error::Error);
    assert_impl_all!(stripe_gateway_rules::api_version::Channel: Send, Sync, Copy);
    assert_impl_all!(Severity: Send, Sync, Copy);
    assert_impl_all!(Timeout: Send, Sync, Copy, Ord, std::fmt::Display, std::str::FromStr);
    assert_impl_all!(TimeoutError: Send, Sync, std::error::Error, Clone, Eq);

    // The authorization code and everything holding a secret key: no Display, no equality.
    assert_not_impl_any!(AuthorizationCode: std::fmt::Display, PartialEq);
    assert_not_impl_any!(OAuthGrant: std::fmt::Display, PartialEq);
    assert_not_impl_any!(ConnectionSettings: std::fmt::Display, PartialEq);
    assert_not_impl_any!(ConnectionSettingsConfig: std::fmt::Display, PartialEq);
    #[cfg(feature = "serde")]
    assert_not_impl_any!(AuthorizationCode: serde::Serialize);
    #[cfg(feature = "serde")]
    assert_not_impl_any!(OAuthGrant: serde::Serialize);
    #[cfg(feature = "serde")]
    assert_not_impl_any!(ConnectionSettings: serde::Serialize);
    #[cfg(feature = "serde")]
    assert_not_impl_any!(ConnectionSettingsConfig: serde::Serialize);
}

// Diagnosis of Stripe errors.
assert_impl_all!(Diagnosis: Send, Sync, Copy, Eq, std::fmt::Display);
assert_impl_all!(DiagnosisCode: Send, Sync, Copy, Eq, std::hash::Hash, std::fmt::Display);
assert_impl_all!(stripe_gateway_rules::stripe_error::MatchedBy: Send, Sync, Copy, Eq);

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

mod money_and_configuration {
    use super::*;
    use static_assertions::assert_impl_all;
    use stripe_gateway_rules::api_version::{ApiVersionError, Release};
    use stripe_gateway_rules::authorization::{Authorization, Initiator, Presence};
    use stripe_gateway_rules::card_brand::{CardBrandError, CardBrands};
    use stripe_gateway_rules::config::{
        AccountConfig, AuthConfig, ConfigFileError, CurrencyAssignment, CurrencyConfig,
    };
    use stripe_gateway_rules::data_protection::DataProtectionError;
    use stripe_gateway_rules::operation::{
        Capture, CardSource, LineError, OperationLine, Payment, Refund,
    };
    use stripe_gateway_rules::stripe_error::MatchedBy;
    use stripe_gateway_rules::version::GatewayVersionError;

    assert_impl_all!(Money: Copy, Eq, std::hash::Hash, Send, Sync, std::str::FromStr, std::fmt::Display);
    assert_impl_all!(MinorUnits: Copy, Ord, std::fmt::Display, Send, Sync);
    assert_impl_all!(AmountError: std::error::Error, Clone, Eq, Send, Sync);
    assert_impl_all!(ParseMoneyError: std::error::Error, Clone, Eq, Send, Sync);
    assert_impl_all!(CurrencyError: std::error::Error, Clone, Eq, Send, Sync);
    assert_impl_all!(ExchangeRate: Copy, Eq, Send, Sync);
    assert_impl_all!(RoundingMode: Copy, Send, Sync);
    assert_impl_all!(MinorUnitRule: Copy, Send, Sync);
    assert_impl_all!(MinimumVerdict: Clone, Send, Sync);
    assert_impl_all!(InputExcerpt: Copy, Eq, Send, Sync, std::fmt::Display);
    assert_impl_all!(GatewayConfig: Clone, Default, Send, Sync, std::fmt::Debug);
    assert_impl_all!(AuthConfig: Clone, Default, Send, Sync);
    assert_impl_all!(AccountConfig: Clone, Default, Send, Sync);
    assert_impl_all!(CurrencyConfig: Clone, Default, Send, Sync);
    assert_impl_all!(ConfigFileError: std::error::Error, Clone, Eq, Send, Sync);
    assert_impl_all!(ValidatedGateway: Clone, Send, Sync, std::fmt::Debug);
    assert_impl_all!(CurrencyAssignment: Clone, Eq, Send, Sync);
    assert_impl_all!(Report: Clone, Eq, Send, Sync, std::fmt::Display);
    assert_impl_all!(Violation: Clone, Eq, Send, Sync, std::fmt::Display);
    assert_impl_all!(ViolationCode: Copy, Eq, std::hash::Hash, Send, Sync, std::fmt::Display);
    assert_impl_all!(GatewayVersion: Copy, Eq, Send, Sync, std::str::FromStr, std::fmt::Display);
    assert_impl_all!(GatewayVersionError: std::error::Error, Send, Sync);
    assert_impl_all!(DataProtection: Copy, Eq, Send, Sync, std::str::FromStr, std::fmt::Display);
    assert_impl_all!(DataProtectionError: std::error::Error, Send, Sync);
    assert_impl_all!(CardBrand: Copy, Eq, Send, Sync, std::str::FromStr, std::fmt::Display);
    assert_impl_all!(CardBrandError: std::error::Error, Send, Sync);
    assert_impl_all!(CardBrands: Copy, Eq, Send, Sync, Default);
    assert_impl_all!(Operation<'static>: Copy, Eq, Send, Sync);
    assert_impl_all!(Refusal: std::error::Error, Clone, Eq, Send, Sync);
    assert_impl_all!(Payment<'static>: Copy, Send, Sync);
    assert_impl_all!(Capture: Copy, Send, Sync);
    assert_impl_all!(Refund: Copy, Send, Sync);
    assert_impl_all!(CardSource: Copy, Send, Sync);
    assert_impl_all!(OperationLine<'static>: Send, Sync);
    assert_impl_all!(LineError: std::error::Error, Clone, Eq, Send, Sync);
    assert_impl_all!(Authorization: Copy, Eq, Send, Sync);
    assert_impl_all!(Initiator: Copy, Eq, Send, Sync);
    assert_impl_all!(Presence: Copy, Eq, Send, Sync);
    assert_impl_all!(ApiVersionError: std::error::Error, Send, Sync);
    assert_impl_all!(Release: Copy, Send, Sync);
    assert_impl_all!(MatchedBy: Send, Sync);
}

// Every error type and `Refusal` becomes a `Violation` at a path through one trait (issue 18).
mod every_error_to_violation {
    use super::*;
    use stripe_gateway_rules::diagnostics::ToViolation;
    assert_impl_all!(CredentialError: ToViolation);
    assert_impl_all!(credentials::ModeError: ToViolation);
    assert_impl_all!(money::AmountError: ToViolation);
    assert_impl_all!(money::ParseMoneyError: ToViolation);
    assert_impl_all!(currency::CurrencyError: ToViolation);
    assert_impl_all!(api_version::ApiVersionError: ToViolation);
    assert_impl_all!(connection::TimeoutError: ToViolation);
    assert_impl_all!(connection::OAuthError: ToViolation);
    assert_impl_all!(connection::CallbackError: ToViolation);
    assert_impl_all!(connection::TokenResponseError: ToViolation);
    assert_impl_all!(connection::ConnectionError: ToViolation);
    assert_impl_all!(connection::LegacyPolicyError: ToViolation);
    assert_impl_all!(stripe_error::ErrorBodyError: ToViolation);
    assert_impl_all!(config::ConfigFileError: ToViolation);
    assert_impl_all!(operation::LineError: ToViolation);
    assert_impl_all!(operation::Refusal: ToViolation);
    assert_impl_all!(profile::PlatformError: ToViolation);
    assert_impl_all!(card_brand::CardBrandError: ToViolation);
    assert_impl_all!(version::GatewayVersionError: ToViolation);
    assert_impl_all!(authorization::InitiatorError: ToViolation);
    assert_impl_all!(authorization::PresenceError: ToViolation);
    assert_impl_all!(data_protection::DataProtectionError: ToViolation);
    assert_impl_all!(diagnostics::PathError: ToViolation);
    assert_impl_all!(diagnostics::CodeError: ToViolation);
}

// The umbrella error (issue 18).
assert_impl_all!(stripe_gateway_rules::Error: Send, Sync, std::error::Error, Clone, Eq, From<CredentialError>, From<Report>, From<Refusal>);
