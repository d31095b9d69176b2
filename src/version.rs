//! Which Stripe gateway a platform creates: V2 (PaymentIntents with Stripe's own 3DS) or the
//! legacy V1 ([rules.md §3](crate::rules#rules-3), from S0 Konnektive).
//!
//! | version | what it is (S0) | rule |
//! | --- | --- | --- |
//! | [`GatewayVersion::V2`] | "includes the use of Stripe SCA (Stripe's native 3DS solution)"; Radar unaffected | live mode needs a return URL for SCA redirects ("your checkout page must support standard Merchant Redirect exceptions") |
//! | [`GatewayVersion::V1`] | "legacy - do not create new" | a new configuration may not choose it; an existing one still validates, with a warning; it needs raw card data access ("Enable the Handle card information directly setting") |
//!
//! ```
//! use stripe_gateway_rules::version::GatewayVersion;
//!
//! let v: GatewayVersion = "v2".parse()?;
//! assert_eq!(v, GatewayVersion::V2);
//! assert!(GatewayVersion::V1.is_legacy());
//! # Ok::<(), stripe_gateway_rules::version::GatewayVersionError>(())
//! ```

/// A Stripe gateway version as billing platforms name them (S0: "StripeV2", "Stripe V1").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum GatewayVersion {
    /// Legacy: card numbers go to Stripe's API from the platform; do not create new ones (S0).
    #[cfg_attr(feature = "serde", serde(rename = "v1"))]
    V1,
    /// PaymentIntents with Stripe's native 3DS (SCA); Radar optional and unaffected (S0).
    #[cfg_attr(feature = "serde", serde(rename = "v2"))]
    V2,
}

impl GatewayVersion {
    /// Whether this version is legacy: it may exist, but no new configuration may choose it
    /// (S0: "Stripe V1 (legacy - do not create new)").
    #[must_use]
    pub const fn is_legacy(self) -> bool {
        matches!(self, GatewayVersion::V1)
    }

    /// Whether a gateway of this version always sends card numbers to Stripe's API itself,
    /// and so always needs raw card data access (S0: V1 step 3).
    #[must_use]
    pub const fn always_sends_card_numbers(self) -> bool {
        matches!(self, GatewayVersion::V1)
    }
}

crate::text::keyword_enum!(GatewayVersion, GatewayVersionError, "a gateway version, `v1` or `v2`", {
    V1 => "v1" | "V1",
    V2 => "v2" | "V2",
});

// Its code and remedy, and how it becomes a violation (crate::codes).
crate::codes::value_codes!(GatewayVersionError => UnknownKeyword);
crate::codes::invalid_value_violations!(GatewayVersionError);
