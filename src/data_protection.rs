//! How a platform handles stored card information (rules.md §4, from S4 PortaBilling's "Data
//! protection" page).
//!
//! | mode | card numbers sent to Stripe by the platform | needs |
//! | --- | --- | --- |
//! | [`DataProtection::TokenOnly`] | once, on the first payment, which creates a token used afterwards | raw card data access; a customer email for that first payment (S4) |
//! | [`DataProtection::FullCardExceptCvv`] | on every payment (number and expiry, never the CVV) | raw card data access |
//!
//! In both modes the platform itself sends card numbers to Stripe's API, which Stripe allows
//! only for accounts with raw card data access (stripe-facts §5). A gateway whose platform
//! never sees card numbers (Stripe.js, Elements or Checkout collect them, as in S0's V2) has no
//! data protection mode: leave it unset in the configuration.
//!
//! No type in this crate that can be stored holds a CVV, in either mode.
//!
//! ```
//! use stripe_gateway_rules::DataProtection;
//!
//! let mode: DataProtection = "token_only".parse()?;
//! assert!(mode.needs_email_to_create_token());
//! assert!(!DataProtection::FullCardExceptCvv.needs_email_to_create_token());
//! # Ok::<(), stripe_gateway_rules::data_protection::DataProtectionError>(())
//! ```

use std::fmt;
use std::str::FromStr;

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
    /// The name in configuration files: `token_only` or `full_card_except_cvv`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            DataProtection::TokenOnly => "token_only",
            DataProtection::FullCardExceptCvv => "full_card_except_cvv",
        }
    }

    /// Whether the payment that creates the token needs a valid customer email (rules.md §8,
    /// S4: "In order to use token-based payments in Stripe, it's necessary to set a valid
    /// email for a customer"). This is the integration's rule, not Stripe's API's: Stripe
    /// itself does not require an email to create a token (stripe-facts §8).
    #[must_use]
    pub const fn needs_email_to_create_token(self) -> bool {
        matches!(self, DataProtection::TokenOnly)
    }
}

impl fmt::Display for DataProtection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The error of parsing a [`DataProtection`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected a data protection mode, `token_only` or `full_card_except_cvv`, found {found}")]
pub struct DataProtectionError {
    found: crate::text::InputExcerpt,
}

impl FromStr for DataProtection {
    type Err = DataProtectionError;

    /// Parses `token_only` or `full_card_except_cvv`.
    ///
    /// # Errors
    ///
    /// [`DataProtectionError`] for anything else (`full_card`, `Token only`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "token_only" => Ok(DataProtection::TokenOnly),
            "full_card_except_cvv" => Ok(DataProtection::FullCardExceptCvv),
            other => Err(DataProtectionError {
                found: crate::text::InputExcerpt::new(other),
            }),
        }
    }
}
