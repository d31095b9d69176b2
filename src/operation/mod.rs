//! Operations on a validated gateway, checked before they reach Stripe ([rules.md §7](crate::rules#rules-7), [§8](crate::rules#rules-8); S4).
//!
//! [`ValidatedGateway::check`] runs on every payment's path: it does no I/O and never
//! allocates (a counting-allocator test proves it). Time is a parameter: each operation that
//! depends on it carries the moment it happens.
//!
//! Each refusal has a typed, stable code ([`Refusal::code`], a [`RefusalCode`]), a text for
//! the operator and one for the end user ([`Refusal::end_user_message`]); the codes, with
//! their rules and sources, are in the [`codes`](crate::codes) table.
//!
//! [`RefusalCode`]: crate::RefusalCode
//!
//! The email rule is the integration's (PortaBilling's), not Stripe's API's: Stripe creates
//! tokens and customers without an email ([stripe-facts §8](crate::rules#facts-8)).
//!
//! ```
//! use stripe_gateway_rules::Decimal;
//! use stripe_gateway_rules::config::{AccountConfig, AuthConfig, CurrencyConfig, GatewayConfig};
//! use stripe_gateway_rules::operation::{CardSource, Operation, Payment};
//! use stripe_gateway_rules::{Currency, Money};
//!
//! let config = {
//!     let mut config = GatewayConfig::default();
//!     config.name = Some("Stripe USD".into());
//!     config.version = Some("v2".into());
//!     config.mode = Some("test".into());
//!     config.auth = Some(AuthConfig::api_key("sk_test_4eC39HqLyjWDarjtT1zdp7dc"));
//!     config.account = Some({
//!         let mut account = AccountConfig::settling_in("USD");
//!         account.raw_card_data_access = true;
//!         account
//!         });
//!     config.data_protection = Some("token_only".into());
//!     config.card_brands = Some(vec!["visa".into()]);
//!     config.currencies = Some(vec![CurrencyConfig::new("USD", "0.5")]);
//!     config
//! };
//! let gateway = config
//!     .validate(&config.profile())
//!     .expect("valid")
//!     .into_gateway()
//!     .expect("a payment gateway");
//!
//! let small = Money::new(Decimal::new(40, 2), Currency::USD);
//! let err = gateway.check(&Operation::Sale(Payment::new(small, CardSource::Saved))).unwrap_err();
//! assert_eq!(err.code(), "below_minimum");
//! assert_eq!(err.end_user_message().to_string(), "Your payment must be no less than 0.5 USD");
//!
//! let first = Payment::new(Money::new(Decimal::new(1200, 2), Currency::USD), CardSource::New);
//! assert_eq!(gateway.check(&Operation::Sale(first)).unwrap_err().code(), "email_required");
//! let first = first.with_email("ana@shop.example");
//! assert!(gateway.check(&Operation::Sale(first)).is_ok());
//! ```

mod email;
#[cfg(feature = "serde")]
mod line;
mod refusal;

use jiff::Timestamp;

pub use email::is_valid_email;
#[cfg(feature = "serde")]
pub use line::{LineError, LineId, OperationLine};
pub use refusal::{EndUserMessage, Refusal, RefusalParam};

use crate::authorization::Authorization;
use crate::card_brand::CardBrand;
use crate::data_protection::DataProtection;
use crate::gateway::ValidatedGateway;
use crate::money::{ChargeMethod, MinorUnits, Money};

/// Stripe's limit for a customer's email: "This may be up to 512 characters" ([stripe-facts §8](crate::rules#facts-8)).
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
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Payment<'a> {
    amount: Money,
    card: CardSource,
    customer_email: Option<&'a str>,
    brand: Option<CardBrand>,
}

impl std::fmt::Debug for Payment<'_> {
    /// The email is guarded: a secret pasted into it shows only its prefix.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Payment")
            .field("amount", &self.amount)
            .field("card", &self.card)
            .field(
                "customer_email",
                &self.customer_email.map(crate::text::GuardedText),
            )
            .field("brand", &self.brand)
            .finish()
    }
}

impl<'a> Payment<'a> {
    /// A payment of `amount` with a new or saved card, no email.
    #[must_use]
    pub fn new(amount: Money, card: CardSource) -> Self {
        Payment {
            amount,
            card,
            customer_email: None,
            brand: None,
        }
    }

    /// The same payment with the card's brand, when known: the account's limits for that
    /// brand then apply ([`AmountLimits::max_for`](crate::money::AmountLimits::max_for));
    /// without it, the maximum is the one for a card of unknown brand.
    #[must_use]
    pub fn with_brand(mut self, brand: CardBrand) -> Self {
        self.brand = Some(brand);
        self
    }

    /// The card's brand, if given.
    #[must_use]
    pub fn brand(&self) -> Option<CardBrand> {
        self.brand
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
    brand: Option<CardBrand>,
}

impl Refund {
    /// Refund `amount` of a payment that captured `captured` and has had `refunded` refunded.
    #[must_use]
    pub fn new(amount: Money, captured: Money, refunded: Money) -> Self {
        Refund {
            amount,
            captured,
            refunded,
            brand: None,
        }
    }

    /// The same refund with the brand of the card refunded to, when known (see
    /// [`Payment::with_brand`]).
    #[must_use]
    pub fn with_brand(mut self, brand: CardBrand) -> Self {
        self.brand = Some(brand);
        self
    }

    /// The card's brand, if given.
    #[must_use]
    pub fn brand(&self) -> Option<CardBrand> {
        self.brand
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
#[derive(Clone, Copy, PartialEq, Eq)]
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

impl std::fmt::Debug for Operation<'_> {
    /// As derived, with the customer's email guarded (see [`Payment`]'s `Debug`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Operation::Sale(p) => f.debug_tuple("Sale").field(p).finish(),
            Operation::Authorize(p) => f.debug_tuple("Authorize").field(p).finish(),
            Operation::Capture(c) => f.debug_tuple("Capture").field(c).finish(),
            Operation::Refund(r) => f.debug_tuple("Refund").field(r).finish(),
            Operation::Void => f.write_str("Void"),
            Operation::SavePaymentMethod { customer_email } => f
                .debug_struct("SavePaymentMethod")
                .field(
                    "customer_email",
                    &customer_email.map(crate::text::GuardedText),
                )
                .finish(),
            Operation::DeletePaymentMethod => f.write_str("DeletePaymentMethod"),
        }
    }
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

impl ValidatedGateway {
    /// Checks an operation against this gateway's rules before it is sent to Stripe.
    ///
    /// Never allocates, never does I/O: it is meant for every payment's path.
    ///
    /// # Errors
    ///
    /// An [`Refusal`] naming the first rule the operation breaks (see the
    /// [`operation`](crate::operation) module for the table of codes).
    pub fn check(&self, op: &Operation<'_>) -> Result<(), Refusal> {
        match op {
            Operation::Void => Err(Refusal::VoidUnsupported),
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
    /// representable in Stripe's minor units, within the account's stated limits for a card
    /// of `brand` (the default conversion when none are stated). Returns the assignment's configured minimum (in
    /// minor units when exact) and the amount in minor units, so that the callers compare
    /// integers. One conversion decides both positivity and representability; the refusal
    /// order stays: not assigned, not positive, then the amount's own error.
    #[inline]
    fn check_amount(
        &self,
        amount: Money,
        brand: Option<CardBrand>,
    ) -> Result<(Money, Option<MinorUnits>, MinorUnits), Refusal> {
        let Some((assignment, minimum_minor)) = self.assignment(amount.currency()) else {
            return Err(Refusal::CurrencyNotAssigned {
                currency: amount.currency(),
            });
        };
        let converted = match self.stated_limits() {
            None => amount.to_minor_units(),
            Some(limits) => amount.to_minor_units_within(limits, ChargeMethod::Card(brand)),
        };
        match converted {
            Ok(minor) if minor.get() > 0 => Ok((assignment.minimum(), minimum_minor, minor)),
            Ok(_) => Err(Refusal::AmountNotPositive { amount }),
            Err(_) if !amount.is_positive() => Err(Refusal::AmountNotPositive { amount }),
            Err(e) => Err(Refusal::Amount(e)),
        }
    }

    fn check_payment(&self, p: &Payment<'_>) -> Result<(), Refusal> {
        let (minimum, minimum_minor, minor) = self.check_amount(p.amount, p.brand)?;
        if let Some(brand) = p.brand {
            self.check_brand(brand, p.amount.currency())?;
        }
        let below = match minimum_minor {
            // Same currency, both exact: the integers order like the decimals.
            Some(min) => minor < min,
            None => p.amount.amount() < minimum.amount(),
        };
        if below {
            return Err(Refusal::BelowMinimum {
                amount: p.amount,
                minimum,
            });
        }
        if p.card == CardSource::New {
            self.check_token_email(p.customer_email)?;
        }
        Ok(())
    }

    /// [rules.md §10](crate::rules#rules-10), [stripe-facts §7](crate::rules#facts-7), S4: a new
    /// charge's card is of a brand the gateway enables (when its configuration lists brands),
    /// and Stripe charges that brand in the payment's currency ([`CardBrand::supports_currency`],
    /// the table the configuration's `brand_currency_unsupported` reads). `link` and
    /// `unknown` cannot be enabled (they are not networks a platform chooses), so they are
    /// never refused as not enabled.
    #[inline]
    fn check_brand(
        &self,
        brand: CardBrand,
        currency: crate::currency::Currency,
    ) -> Result<(), Refusal> {
        let brands = self.card_brands();
        if brand.can_be_enabled() && !brands.is_empty() && !brands.contains(brand) {
            return Err(Refusal::BrandNotEnabled { brand });
        }
        if !brand.supports_currency(currency) {
            return Err(Refusal::BrandCurrencyUnsupported { brand, currency });
        }
        Ok(())
    }

    /// [rules.md §8](crate::rules#rules-8), S4: in token-only mode, creating the token needs a valid email.
    fn check_token_email(&self, email: Option<&str>) -> Result<(), Refusal> {
        if self.data_protection() != Some(DataProtection::TokenOnly) {
            return Ok(());
        }
        match email {
            None | Some("") => Err(Refusal::EmailRequired),
            Some(e) if !is_valid_email(e) => Err(Refusal::InvalidEmail),
            Some(_) => Ok(()),
        }
    }

    fn check_capture(&self, c: &Capture) -> Result<(), Refusal> {
        let (_, _, minor) = self.check_amount(c.amount, c.authorization.card_brand())?;
        same_currency(c.authorized, c.amount)?;
        let authorized_at = c.authorization.authorized_at();
        if c.at < authorized_at {
            return Err(Refusal::CaptureBeforeAuthorization {
                authorized_at,
                at: c.at,
            });
        }
        let exceeds = match c.authorized.to_minor_units() {
            Ok(authorized) => minor > authorized,
            Err(_) => c.amount.amount() > c.authorized.amount(),
        };
        if exceeds {
            return Err(Refusal::CaptureExceedsAuthorized {
                capture: c.amount,
                authorized: c.authorized,
            });
        }
        let expired_at = c
            .authorization
            .expires_at(c.amount.currency(), self.country());
        if c.at > expired_at {
            return Err(Refusal::AuthorizationExpired {
                expired_at,
                at: c.at,
            });
        }
        Ok(())
    }

    fn check_refund(&self, r: &Refund) -> Result<(), Refusal> {
        let (_, _, minor) = self.check_amount(r.amount, r.brand)?;
        same_currency(r.captured, r.amount)?;
        same_currency(r.captured, r.refunded)?;
        // Fast decision in minor units (|each| <= 10^12: the difference cannot overflow);
        // the decimals only when an amount has no exact minor-unit form, or to report.
        let exceeds = match (r.captured.to_minor_units(), r.refunded.to_minor_units()) {
            (Ok(captured), Ok(refunded)) => minor.get() > (captured.get() - refunded.get()).max(0),
            _ => r.amount.amount() > refundable(r),
        };
        if exceeds {
            return Err(Refusal::RefundExceedsCaptured {
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

fn same_currency(original: Money, found: Money) -> Result<(), Refusal> {
    if original.currency() == found.currency() {
        Ok(())
    } else {
        Err(Refusal::CurrencyMismatch {
            expected: original.currency(),
            found: found.currency(),
        })
    }
}
