//! Operations on a validated gateway, checked before they reach Stripe (rules.md §7, §8; S4).
//!
//! [`ValidatedGateway::check`] runs on every payment's path: it does no I/O and never
//! allocates (a counting-allocator test proves it). Time is a parameter: each operation that
//! depends on it carries the moment it happens.
//!
//! Each refusal has a stable code ([`OperationError::code`]); the codes, with their rules and
//! sources, are in one table with the configuration's violation codes on the
//! [crate page](crate#codes).
//!
//! The email rule is the integration's (PortaBilling's), not Stripe's API's: Stripe creates
//! tokens and customers without an email (stripe-facts §8).
//!
//! ```
//! use rust_decimal::Decimal;
//! use stripe_gateway_rules::config::{AccountConfig, AuthConfig, CurrencyConfig, GatewayConfig};
//! use stripe_gateway_rules::operation::{CardSource, Operation, Payment};
//! use stripe_gateway_rules::{Currency, Money};
//!
//! let gateway = GatewayConfig {
//!     name: Some("Stripe USD".into()),
//!     version: Some("v2".into()),
//!     mode: Some("test".into()),
//!     auth: Some(AuthConfig::api_key("sk_test_4eC39HqLyjWDarjtT1zdp7dc")),
//!     account: Some(AccountConfig { raw_card_data_access: true, ..AccountConfig::settling_in("USD") }),
//!     data_protection: Some("token_only".into()),
//!     card_brands: Some(vec!["visa".into()]),
//!     currencies: Some(vec![CurrencyConfig::new("USD", "0.5")]),
//!     ..GatewayConfig::default()
//! }
//! .validate()
//! .expect("valid");
//!
//! let small = Money::new(Decimal::new(40, 2), Currency::USD);
//! let err = gateway.check(&Operation::Sale(Payment::new(small, CardSource::Saved))).unwrap_err();
//! assert_eq!(err.code(), "below_minimum");
//! assert_eq!(err.to_string(), "Your payment must be no less than 0.5 USD");
//!
//! let first = Payment::new(Money::new(Decimal::new(1200, 2), Currency::USD), CardSource::New);
//! assert_eq!(gateway.check(&Operation::Sale(first)).unwrap_err().code(), "email_required");
//! let first = first.with_email("ana@shop.example");
//! assert!(gateway.check(&Operation::Sale(first)).is_ok());
//! ```

#[cfg(feature = "serde")]
mod line;

use jiff::Timestamp;

#[cfg(feature = "serde")]
pub use line::{LineError, OperationLine};

use crate::authorization::Authorization;
use crate::config::ValidatedGateway;
use crate::currency::Currency;
use crate::data_protection::DataProtection;
use crate::money::{AmountError, MinorUnits, Money};

/// Stripe's limit for a customer's email: "This may be up to 512 characters" (stripe-facts §8).
pub const MAX_EMAIL_LEN: usize = 512;

/// Where the card of a payment comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum CardSource {
    /// Card details entered now: in token-only mode this payment creates the token.
    New,
    /// A stored token.
    Saved,
}

/// A sale or an authorization: an amount, a card, and the customer's email if known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Payment<'a> {
    amount: Money,
    card: CardSource,
    customer_email: Option<&'a str>,
}

impl<'a> Payment<'a> {
    /// A payment of `amount` with a new or saved card, no email.
    #[must_use]
    pub fn new(amount: Money, card: CardSource) -> Self {
        Payment {
            amount,
            card,
            customer_email: None,
        }
    }

    /// The same payment with the customer's email.
    #[must_use]
    pub fn with_email(mut self, email: &'a str) -> Self {
        self.customer_email = Some(email);
        self
    }

    /// The amount.
    #[must_use]
    pub fn amount(&self) -> Money {
        self.amount
    }

    /// New card or saved token.
    #[must_use]
    pub fn card(&self) -> CardSource {
        self.card
    }

    /// The customer's email, if given.
    #[must_use]
    pub fn customer_email(&self) -> Option<&'a str> {
        self.customer_email
    }
}

/// A capture of an authorization, at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Capture {
    amount: Money,
    authorized: Money,
    authorization: Authorization,
    at: Timestamp,
}

impl Capture {
    /// Capture `amount` of an authorization of `authorized`, at `at`.
    #[must_use]
    pub fn new(
        amount: Money,
        authorized: Money,
        authorization: Authorization,
        at: Timestamp,
    ) -> Self {
        Capture {
            amount,
            authorized,
            authorization,
            at,
        }
    }

    /// The amount to capture.
    #[must_use]
    pub fn amount(&self) -> Money {
        self.amount
    }

    /// The amount authorized.
    #[must_use]
    pub fn authorized(&self) -> Money {
        self.authorized
    }

    /// The authorization.
    #[must_use]
    pub fn authorization(&self) -> &Authorization {
        &self.authorization
    }

    /// When the capture happens.
    #[must_use]
    pub fn at(&self) -> Timestamp {
        self.at
    }
}

/// A refund of a captured payment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refund {
    amount: Money,
    captured: Money,
    refunded: Money,
}

impl Refund {
    /// Refund `amount` of a payment that captured `captured` and has had `refunded` refunded.
    #[must_use]
    pub fn new(amount: Money, captured: Money, refunded: Money) -> Self {
        Refund {
            amount,
            captured,
            refunded,
        }
    }

    /// The amount to refund.
    #[must_use]
    pub fn amount(&self) -> Money {
        self.amount
    }

    /// What was captured.
    #[must_use]
    pub fn captured(&self) -> Money {
        self.captured
    }

    /// What was refunded before.
    #[must_use]
    pub fn refunded(&self) -> Money {
        self.refunded
    }
}

/// An operation a billing platform asks of the gateway (S4: "all the standard payment
/// processor functions are available … Add/Save/Delete the payment method (card)").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Operation<'a> {
    /// Authorize and capture at once.
    Sale(Payment<'a>),
    /// Authorize only; capture later.
    Authorize(Payment<'a>),
    /// Capture an authorization.
    Capture(Capture),
    /// Refund a captured payment.
    Refund(Refund),
    /// Void an authorization: always refused (S4).
    Void,
    /// Save a payment method (card) for later payments.
    SavePaymentMethod {
        /// The customer's email, if known.
        customer_email: Option<&'a str>,
    },
    /// Delete a saved payment method.
    DeletePaymentMethod,
}

impl Operation<'_> {
    /// The operation's name in the line format: `sale`, `authorize`, `capture`, `refund`,
    /// `void`, `save_payment_method`, `delete_payment_method`.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            Operation::Sale(_) => "sale",
            Operation::Authorize(_) => "authorize",
            Operation::Capture(_) => "capture",
            Operation::Refund(_) => "refund",
            Operation::Void => "void",
            Operation::SavePaymentMethod { .. } => "save_payment_method",
            Operation::DeletePaymentMethod => "delete_payment_method",
        }
    }
}

/// Why the gateway refuses an operation. Each has a stable [`code`](Self::code); the message
/// of `below_minimum` is for the end user (S4's wording), the others for the platform.
/// Building and returning one never allocates.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum OperationError {
    /// Void is not available (S4).
    #[error(
        "void is not available with Stripe: an uncaptured authorization lapses by itself when its \
         window ends (7 days online by default, shorter for some cards) and releases the funds; \
         reverse a captured payment with a refund"
    )]
    VoidUnsupported,
    /// The amount is below the configured minimum for its currency (S4).
    #[error("Your payment must be no less than {minimum}")]
    BelowMinimum {
        /// The configured minimum.
        minimum: Money,
    },
    /// The currency is not assigned to the gateway.
    #[error("{} is not assigned to this gateway; assign it with its minimum payment, or charge in an assigned currency", currency.code())]
    CurrencyNotAssigned {
        /// The currency.
        currency: Currency,
    },
    /// The amount is zero or negative.
    #[error("the amount {amount} is not positive")]
    AmountNotPositive {
        /// The amount.
        amount: Money,
    },
    /// The amount breaks the currency's rules: too fine, not a multiple Stripe accepts, or too
    /// large.
    #[error(transparent)]
    Amount(AmountError),
    /// A capture or refund in another currency than what it captures or refunds.
    #[error("the amount is in {}, but the original payment is in {}", found.code(), expected.code())]
    CurrencyMismatch {
        /// The original payment's currency.
        expected: Currency,
        /// The operation's currency.
        found: Currency,
    },
    /// A capture of more than was authorized.
    #[error("cannot capture {capture}: only {authorized} was authorized")]
    CaptureExceedsAuthorized {
        /// The capture.
        capture: Money,
        /// What was authorized.
        authorized: Money,
    },
    /// A capture after the authorization window.
    #[error(
        "the authorization expired at {expired_at} and cannot be captured at {at}; Stripe released \
         the funds: authorize the payment again"
    )]
    AuthorizationExpired {
        /// The last moment a capture was accepted.
        expired_at: Timestamp,
        /// When the capture was attempted.
        at: Timestamp,
    },
    /// A refund of more than what is left to refund.
    #[error("cannot refund {refund}: only {refundable} of the captured amount is left to refund")]
    RefundExceedsCaptured {
        /// The refund.
        refund: Money,
        /// Captured minus already refunded.
        refundable: Money,
    },
    /// Token-only mode: creating the token needs the customer's email (S4).
    #[error(
        "a customer email is required: in token-only mode this operation creates the card token, \
         and the gateway needs a valid email for it (set the customer's email first)"
    )]
    EmailRequired,
    /// The customer's email is not a valid address.
    #[error(
        "the customer's email is not a valid email address; correct it on the customer's record"
    )]
    InvalidEmail,
}

impl OperationError {
    /// The stable snake_case code of the refusal (see the [module docs](self)).
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            OperationError::VoidUnsupported => "void_unsupported",
            OperationError::BelowMinimum { .. } => "below_minimum",
            OperationError::CurrencyNotAssigned { .. } => "currency_not_assigned",
            OperationError::AmountNotPositive { .. } => "amount_not_positive",
            OperationError::Amount(e) => e.code(),
            OperationError::CurrencyMismatch { .. } => "currency_mismatch",
            OperationError::CaptureExceedsAuthorized { .. } => "capture_exceeds_authorized",
            OperationError::AuthorizationExpired { .. } => "authorization_expired",
            OperationError::RefundExceedsCaptured { .. } => "refund_exceeds_captured",
            OperationError::EmailRequired => "email_required",
            OperationError::InvalidEmail => "invalid_email",
        }
    }
}

/// Whether `email` is a valid address for a customer: a valid local part and domain (checked
/// by the `email_address` crate, without allocating), a dotted domain, at most 512 characters.
#[must_use]
pub fn is_valid_email(email: &str) -> bool {
    if email.is_empty() || email.len() > MAX_EMAIL_LEN {
        return false;
    }
    let Some((local, domain)) = email.rsplit_once('@') else {
        return false;
    };
    domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && email_address::EmailAddress::is_valid_local_part(local)
        && email_address::EmailAddress::is_valid_domain(domain)
}

impl ValidatedGateway {
    /// Checks an operation against this gateway's rules before it is sent to Stripe.
    ///
    /// Never allocates, never does I/O: it is meant for every payment's path.
    ///
    /// # Errors
    ///
    /// An [`OperationError`] naming the first rule the operation breaks (see the
    /// [`operation`](crate::operation) module for the table of codes).
    pub fn check(&self, op: &Operation<'_>) -> Result<(), OperationError> {
        match op {
            Operation::Void => Err(OperationError::VoidUnsupported),
            Operation::Sale(p) | Operation::Authorize(p) => self.check_payment(p),
            Operation::Capture(c) => self.check_capture(c),
            Operation::Refund(r) => self.check_refund(r),
            Operation::SavePaymentMethod { customer_email } => {
                self.check_token_email(*customer_email)
            }
            Operation::DeletePaymentMethod => Ok(()),
        }
    }

    /// The amount rules every money-moving operation shares: assigned currency, positive,
    /// representable in Stripe's minor units. Returns the assignment's configured minimum (in
    /// minor units when exact) and the amount in minor units, so that the callers compare
    /// integers. One conversion decides both positivity and representability; the refusal
    /// order stays: not assigned, not positive, then the amount's own error.
    #[inline]
    fn check_amount(
        &self,
        amount: Money,
    ) -> Result<(Money, Option<MinorUnits>, MinorUnits), OperationError> {
        let Some((assignment, minimum_minor)) = self.assignment(amount.currency()) else {
            return Err(OperationError::CurrencyNotAssigned {
                currency: amount.currency(),
            });
        };
        match amount.to_minor_units() {
            Ok(minor) if minor.get() > 0 => Ok((assignment.minimum(), minimum_minor, minor)),
            Ok(_) => Err(OperationError::AmountNotPositive { amount }),
            Err(_) if !amount.is_positive() => Err(OperationError::AmountNotPositive { amount }),
            Err(e) => Err(OperationError::Amount(e)),
        }
    }

    fn check_payment(&self, p: &Payment<'_>) -> Result<(), OperationError> {
        let (minimum, minimum_minor, minor) = self.check_amount(p.amount)?;
        let below = match minimum_minor {
            // Same currency, both exact: the integers order like the decimals.
            Some(min) => minor < min,
            None => p.amount.amount() < minimum.amount(),
        };
        if below {
            return Err(OperationError::BelowMinimum { minimum });
        }
        if p.card == CardSource::New {
            self.check_token_email(p.customer_email)?;
        }
        Ok(())
    }

    /// rules.md §8, S4: in token-only mode, creating the token needs a valid email.
    fn check_token_email(&self, email: Option<&str>) -> Result<(), OperationError> {
        if self.data_protection() != Some(DataProtection::TokenOnly) {
            return Ok(());
        }
        match email {
            None | Some("") => Err(OperationError::EmailRequired),
            Some(e) if !is_valid_email(e) => Err(OperationError::InvalidEmail),
            Some(_) => Ok(()),
        }
    }

    fn check_capture(&self, c: &Capture) -> Result<(), OperationError> {
        let (_, _, minor) = self.check_amount(c.amount)?;
        same_currency(c.authorized, c.amount)?;
        let exceeds = match c.authorized.to_minor_units() {
            Ok(authorized) => minor > authorized,
            Err(_) => c.amount.amount() > c.authorized.amount(),
        };
        if exceeds {
            return Err(OperationError::CaptureExceedsAuthorized {
                capture: c.amount,
                authorized: c.authorized,
            });
        }
        let expired_at = c
            .authorization
            .expires_at(c.amount.currency(), self.country());
        if c.at > expired_at {
            return Err(OperationError::AuthorizationExpired {
                expired_at,
                at: c.at,
            });
        }
        Ok(())
    }

    fn check_refund(&self, r: &Refund) -> Result<(), OperationError> {
        let (_, _, minor) = self.check_amount(r.amount)?;
        same_currency(r.captured, r.amount)?;
        same_currency(r.captured, r.refunded)?;
        // Fast decision in minor units (|each| <= 10^12: the difference cannot overflow);
        // the decimals only when an amount has no exact minor-unit form, or to report.
        let exceeds = match (r.captured.to_minor_units(), r.refunded.to_minor_units()) {
            (Ok(captured), Ok(refunded)) => minor.get() > (captured.get() - refunded.get()).max(0),
            _ => r.amount.amount() > refundable(r),
        };
        if exceeds {
            return Err(OperationError::RefundExceedsCaptured {
                refund: r.amount,
                refundable: Money::new(refundable(r), r.captured.currency()),
            });
        }
        Ok(())
    }
}

/// What is left to refund: captured minus refunded, at least zero.
fn refundable(r: &Refund) -> rust_decimal::Decimal {
    r.captured
        .amount()
        .checked_sub(r.refunded.amount())
        .unwrap_or_default()
        .max(rust_decimal::Decimal::ZERO)
}

fn same_currency(original: Money, found: Money) -> Result<(), OperationError> {
    if original.currency() == found.currency() {
        Ok(())
    } else {
        Err(OperationError::CurrencyMismatch {
            expected: original.currency(),
            found: found.currency(),
        })
    }
}
