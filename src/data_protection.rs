//! How a platform handles stored card information ([rules.md §4](crate::rules#rules-4), from S4 PortaBilling's "Data
//! protection" page).
//!
//! | mode | card numbers sent to Stripe by the platform | needs |
//! | --- | --- | --- |
//! | [`DataProtection::TokenOnly`] | once, on the first payment, which creates a token used afterwards | raw card data access; a customer email for that first payment (S4) |
//! | [`DataProtection::FullCardExceptCvv`] | on every payment (number and expiry, never the CVV) | raw card data access |
//!
//! In both modes the platform itself sends card numbers to Stripe's API, which Stripe allows
//! only for accounts with raw card data access ([stripe-facts §5](crate::rules#facts-5)). A gateway whose platform
//! never sees card numbers (Stripe.js, Elements or Checkout collect them, as in S0's V2) has no
//! data protection mode: leave it unset in the configuration.
//!
//! No type in this crate that can be stored holds a CVV, in either mode.
//!
//! ```
//! use stripe_gateway_rules::data_protection::DataProtection;
//!
//! let mode: DataProtection = "token_only".parse()?;
//! assert!(mode.needs_email_to_create_token());
//! assert!(!DataProtection::FullCardExceptCvv.needs_email_to_create_token());
//! # Ok::<(), stripe_gateway_rules::data_protection::DataProtectionError>(())
//! ```

/// Stored card information handling (S4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum DataProtection {
    /// "Token only – during the first payment, all the credit card information is collected
    /// and sent to Stripe once, and a payment token is created. This token is used for all
    /// further transactions" (S4).
    TokenOnly,
    /// "Full card info except the CVV – during every payment, all the credit card information
    /// is sent to Stripe" (S4).
    FullCardExceptCvv,
}

impl DataProtection {
    /// Whether the payment that creates the token needs a valid customer email ([rules.md §8](crate::rules#rules-8),
    /// S4: "In order to use token-based payments in Stripe, it's necessary to set a valid
    /// email for a customer"). This is the integration's rule, not Stripe's API's: Stripe
    /// itself does not require an email to create a token ([stripe-facts §8](crate::rules#facts-8)).
    #[must_use]
    pub const fn needs_email_to_create_token(self) -> bool {
        matches!(self, DataProtection::TokenOnly)
    }
}

crate::text::keyword_enum!(DataProtection, DataProtectionError, "a data protection mode, `token_only` or `full_card_except_cvv`", {
    TokenOnly => "token_only",
    FullCardExceptCvv => "full_card_except_cvv",
});

// Its code and remedy, and how it becomes a violation (crate::codes).
crate::codes::value_codes!(DataProtectionError => UnknownKeyword);
crate::codes::invalid_value_violations!(DataProtectionError);
