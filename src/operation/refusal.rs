//! Why an operation is refused: a typed code, a text for the operator, a text for the end
//! user, and the values both are made of.

use std::fmt;

use jiff::Timestamp;
use rust_decimal::Decimal;

use crate::card_brand::CardBrand;
use crate::codes::RefusalCode;
use crate::currency::Currency;
use crate::diagnostics::{Path, ToViolation, Violation};
use crate::money::{AmountError, AmountProblem, LimitSource, Money};
use crate::print::{self, Moment};

/// Why [`ValidatedGateway::check`](crate::ValidatedGateway::check) refuses an operation.
///
/// Every refusal has a typed [`code`](Self::code) and two texts: `Display` says what and why
/// for the platform's operator, and [`end_user_message`](Self::end_user_message) is fit to
/// show the end user (PortaBilling shows refusals on its self-care portal: "Your payment must
/// be no less than 0.5 USD"). The values both are made of are [`params`](Self::params), so a
/// platform can word either in its own language. Building, returning and printing one never
/// allocates.
///
/// ```
/// use stripe_gateway_rules::Decimal;
/// use stripe_gateway_rules::operation::Refusal;
/// use stripe_gateway_rules::{Currency, Money, RefusalCode};
///
/// let refusal = Refusal::BelowMinimum {
///     amount: Money::new(Decimal::new(40, 2), Currency::USD),
///     minimum: Money::new(Decimal::new(5, 1), Currency::USD),
/// };
/// assert_eq!(refusal.code(), RefusalCode::BelowMinimum);
/// assert_eq!(refusal.end_user_message().to_string(), "Your payment must be no less than 0.5 USD");
/// let params: Vec<String> = refusal.params().map(|(n, v)| format!("{n}={v}")).collect();
/// assert_eq!(params, ["amount=0.40", "minimum=0.5", "currency=USD"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Refusal {
    /// Void is not available.
    #[error(
        "void is not available with Stripe: an uncaptured authorization lapses by itself when its \
         window ends (7 days online by default, shorter for some cards) and releases the funds"
    )]
    VoidUnsupported,
    /// The amount is below the configured minimum for its currency.
    #[error("the amount {amount} is below this gateway's minimum payment of {minimum}")]
    BelowMinimum {
        /// The amount of the payment.
        amount: Money,
        /// The configured minimum.
        minimum: Money,
    },
    /// The currency is not assigned to the gateway.
    #[error("{} is not assigned to this gateway", currency.code())]
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
        "the authorization expired at {} and cannot be captured at {}: Stripe has released the \
         funds",
        Moment(*expired_at),
        Moment(*at)
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
    /// Token-only mode: creating the token needs the customer's email.
    #[error(
        "a customer email is required: in token-only mode this operation creates the card token, \
         and the gateway needs a valid email for it"
    )]
    EmailRequired,
    /// The customer's email is not a valid address.
    #[error("the customer's email is not a valid email address")]
    InvalidEmail,
    /// A sale or authorization with a card of a brand the gateway does not enable
    /// ([`ValidatedGateway::card_brands`](crate::ValidatedGateway::card_brands)).
    #[error("{} cards are not enabled on this gateway", brand.label())]
    BrandNotEnabled {
        /// The card's brand.
        brand: CardBrand,
    },
    /// A sale or authorization with a card whose brand Stripe does not charge in the
    /// payment's currency ([`CardBrand::supports_currency`], the table the configuration's
    /// `brand_currency_unsupported` reads).
    #[error("{} cards cannot be charged in {} at Stripe", brand.label(), currency.code())]
    BrandCurrencyUnsupported {
        /// The card's brand.
        brand: CardBrand,
        /// The payment's currency.
        currency: Currency,
    },
    /// A capture whose time is before the authorization's.
    #[error(
        "the capture at {} is before the authorization it captures, at {}",
        Moment(*at),
        Moment(*authorized_at)
    )]
    CaptureBeforeAuthorization {
        /// When the authorization was made.
        authorized_at: Timestamp,
        /// When the capture was attempted.
        at: Timestamp,
    },
}

/// One value a refusal's texts are made of (see [`Refusal::params`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RefusalParam {
    /// An amount, in the currency of the refusal's `currency` param.
    Amount(Decimal),
    /// A currency: `Display` prints its code.
    Currency(Currency),
    /// A moment.
    Time(Timestamp),
    /// Where a maximum comes from: `Display` prints its snake_case name
    /// ([`LimitSource::as_str`]).
    Limit(LimitSource),
    /// A card brand: `Display` prints its keyword ([`CardBrand::as_str`]).
    Brand(CardBrand),
}

impl fmt::Display for RefusalParam {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RefusalParam::Amount(a) => print::decimal(a, f),
            RefusalParam::Currency(c) => f.write_str(c.code()),
            RefusalParam::Time(t) => fmt::Display::fmt(&Moment(*t), f),
            RefusalParam::Limit(l) => f.write_str(l.as_str()),
            RefusalParam::Brand(b) => f.write_str(b.as_str()),
        }
    }
}

type Param = Option<(&'static str, RefusalParam)>;

fn amount(name: &'static str, money: Money) -> Param {
    Some((name, RefusalParam::Amount(money.amount())))
}

fn currency(name: &'static str, currency: Currency) -> Param {
    Some((name, RefusalParam::Currency(currency)))
}

impl Refusal {
    /// The typed, stable code.
    #[must_use]
    pub fn code(&self) -> RefusalCode {
        match self {
            Refusal::VoidUnsupported => RefusalCode::VoidUnsupported,
            Refusal::BelowMinimum { .. } => RefusalCode::BelowMinimum,
            Refusal::CurrencyNotAssigned { .. } => RefusalCode::CurrencyNotAssigned,
            Refusal::AmountNotPositive { .. } => RefusalCode::AmountNotPositive,
            // An amount error refuses with its own code.
            Refusal::Amount(e) => match e.problem() {
                AmountProblem::Precision { .. } => RefusalCode::AmountPrecision,
                AmountProblem::NotMultiple { .. } => RefusalCode::AmountNotMultiple,
                AmountProblem::TooLarge { .. } => RefusalCode::AmountTooLarge,
                AmountProblem::NotPositive { .. } => RefusalCode::AmountNotPositive,
                AmountProblem::PayoutNotMultiple { .. } => RefusalCode::PayoutAmountNotMultiple,
                AmountProblem::Overflow { .. } => RefusalCode::AmountOverflow,
                AmountProblem::ConversionInexact { .. } => RefusalCode::ConversionInexact,
                AmountProblem::CurrencyMismatch { .. } => RefusalCode::CurrencyMismatch,
                AmountProblem::InvalidExchangeRate { .. } => RefusalCode::InvalidExchangeRate,
                AmountProblem::ExchangeRateMismatch { .. } => RefusalCode::ExchangeRateMismatch,
            },
            Refusal::CurrencyMismatch { .. } => RefusalCode::CurrencyMismatch,
            Refusal::CaptureExceedsAuthorized { .. } => RefusalCode::CaptureExceedsAuthorized,
            Refusal::AuthorizationExpired { .. } => RefusalCode::AuthorizationExpired,
            Refusal::RefundExceedsCaptured { .. } => RefusalCode::RefundExceedsCaptured,
            Refusal::EmailRequired => RefusalCode::EmailRequired,
            Refusal::InvalidEmail => RefusalCode::InvalidEmail,
            Refusal::BrandNotEnabled { .. } => RefusalCode::BrandNotEnabled,
            Refusal::BrandCurrencyUnsupported { .. } => RefusalCode::BrandCurrencyUnsupported,
            Refusal::CaptureBeforeAuthorization { .. } => RefusalCode::CaptureBeforeAuthorization,
        }
    }

    /// What the operator can do about it.
    #[must_use]
    pub fn remedy(&self) -> &'static str {
        self.code().remedy()
    }

    /// A text fit to show the end user, in plain words; no internal detail.
    #[must_use]
    pub fn end_user_message(&self) -> EndUserMessage<'_> {
        EndUserMessage(self)
    }

    /// The values the texts are made of, by name: `amount`, `minimum`, `currency`,
    /// `authorized`, `refundable`, `expected_currency`, `expired_at`, `at`, `authorized_at`,
    /// `brand` (the card brand's keyword), and for
    /// `amount_too_large` the `max` that applied and its `limit_source` (`api_reference`,
    /// `card_networks`, `account_currency`, `account_brand`). Amounts are in the `currency`
    /// param's currency. Names are snake_case identifiers (`a`–`z` and `_`).
    pub fn params(&self) -> impl Iterator<Item = (&'static str, RefusalParam)> {
        let params: [Param; 4] = match self {
            Refusal::VoidUnsupported | Refusal::EmailRequired | Refusal::InvalidEmail => {
                [None, None, None, None]
            }
            Refusal::BelowMinimum { amount: a, minimum } => [
                amount("amount", *a),
                amount("minimum", *minimum),
                currency("currency", a.currency()),
                None,
            ],
            Refusal::CurrencyNotAssigned { currency: c } => {
                [currency("currency", *c), None, None, None]
            }
            Refusal::AmountNotPositive { amount: a } => [
                amount("amount", *a),
                currency("currency", a.currency()),
                None,
                None,
            ],
            Refusal::Amount(e) => match e.problem() {
                AmountProblem::TooLarge {
                    amount: a,
                    max,
                    limit,
                } => [
                    amount("amount", *a),
                    currency("currency", a.currency()),
                    Some((
                        "max",
                        RefusalParam::Amount(Decimal::new(
                            max.get(),
                            crate::currency::minor_unit_rule(a.currency()).exponent(),
                        )),
                    )),
                    Some(("limit_source", RefusalParam::Limit(*limit))),
                ],
                _ => match amount_of(e) {
                    Some(a) => [
                        amount("amount", a),
                        currency("currency", a.currency()),
                        None,
                        None,
                    ],
                    None => [None, None, None, None],
                },
            },
            Refusal::CurrencyMismatch { expected, found } => [
                currency("currency", *found),
                currency("expected_currency", *expected),
                None,
                None,
            ],
            Refusal::CaptureExceedsAuthorized {
                capture,
                authorized,
            } => [
                amount("amount", *capture),
                amount("authorized", *authorized),
                currency("currency", capture.currency()),
                None,
            ],
            Refusal::AuthorizationExpired { expired_at, at } => [
                Some(("expired_at", RefusalParam::Time(*expired_at))),
                Some(("at", RefusalParam::Time(*at))),
                None,
                None,
            ],
            Refusal::RefundExceedsCaptured { refund, refundable } => [
                amount("amount", *refund),
                amount("refundable", *refundable),
                currency("currency", refund.currency()),
                None,
            ],
            Refusal::BrandNotEnabled { brand } => [
                Some(("brand", RefusalParam::Brand(*brand))),
                None,
                None,
                None,
            ],
            Refusal::BrandCurrencyUnsupported { brand, currency: c } => [
                Some(("brand", RefusalParam::Brand(*brand))),
                currency("currency", *c),
                None,
                None,
            ],
            Refusal::CaptureBeforeAuthorization { authorized_at, at } => [
                Some(("authorized_at", RefusalParam::Time(*authorized_at))),
                Some(("at", RefusalParam::Time(*at))),
                None,
                None,
            ],
        };
        params.into_iter().flatten()
    }
}

/// The amount an [`AmountError`] is about, when it is about one.
fn amount_of(e: &AmountError) -> Option<Money> {
    match e.problem() {
        AmountProblem::Precision { amount, .. }
        | AmountProblem::NotMultiple { amount, .. }
        | AmountProblem::TooLarge { amount, .. }
        | AmountProblem::NotPositive { amount }
        | AmountProblem::Overflow { amount, .. }
        | AmountProblem::ConversionInexact { amount, .. } => Some(*amount),
        _ => None,
    }
}

/// The end user's text of a [`Refusal`] (see [`Refusal::end_user_message`]).
#[derive(Debug, Clone, Copy)]
pub struct EndUserMessage<'a>(&'a Refusal);

impl fmt::Display for EndUserMessage<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Refusal::VoidUnsupported => f.write_str(
                "This payment cannot be cancelled. An authorization that is not charged is released automatically.",
            ),
            // S4's wording, exactly.
            Refusal::BelowMinimum { minimum, .. } => {
                write!(f, "Your payment must be no less than {minimum}")
            }
            Refusal::CurrencyNotAssigned { currency } => write!(
                f,
                "Payments in {} are not accepted. Please pay in another currency.",
                currency.code()
            ),
            Refusal::AmountNotPositive { .. } => {
                f.write_str("The payment amount must be greater than zero.")
            }
            Refusal::Amount(e) => match (e.problem(), amount_of(e)) {
                (AmountProblem::TooLarge { .. }, _) => {
                    f.write_str("The payment amount is more than can be charged at once.")
                }
                (_, Some(a)) => write!(
                    f,
                    "The amount {a} cannot be charged in {}. Please enter a rounded amount.",
                    a.currency().code()
                ),
                (_, None) => f.write_str("This amount cannot be charged."),
            },
            Refusal::CurrencyMismatch { expected, .. } => write!(
                f,
                "The amount must be in {}, the currency of the original payment.",
                expected.code()
            ),
            Refusal::CaptureExceedsAuthorized { authorized, .. } => write!(
                f,
                "The amount to charge is more than the {authorized} that was authorized."
            ),
            Refusal::AuthorizationExpired { .. } => f.write_str(
                "The authorization of this payment has expired. Please make the payment again.",
            ),
            Refusal::RefundExceedsCaptured { refundable, .. } => write!(
                f,
                "The refund is more than the {refundable} that is left to refund."
            ),
            Refusal::EmailRequired => f.write_str(
                "Please add your email address before paying with a new card.",
            ),
            Refusal::InvalidEmail => f.write_str(
                "Please correct your email address before paying with a new card.",
            ),
            Refusal::BrandNotEnabled { brand } => write!(
                f,
                "{} cards are not accepted. Please pay with another card.",
                brand.label()
            ),
            Refusal::BrandCurrencyUnsupported { brand, currency } => write!(
                f,
                "{} cards cannot be used to pay in {}. Please pay with another card.",
                brand.label(),
                currency.code()
            ),
            Refusal::CaptureBeforeAuthorization { .. } => f.write_str(
                "This payment cannot be charged: it has not been authorized yet.",
            ),
        }
    }
}

impl ToViolation for Refusal {
    /// This refusal as a [`Violation`] (an error at `path`), for a report: the operator's
    /// message, the remedy, the params, and the end user's text as the `end_user_message`
    /// param.
    fn to_violation(&self, path: Path) -> Violation {
        let mut v =
            Violation::error(path, self.code(), self.to_string()).with_remedy(self.remedy());
        for (name, value) in self.params() {
            v = v.with_param(name, value);
        }
        v.with_param("end_user_message", self.end_user_message())
    }
}

impl RefusalCode {
    /// What the operator does about a refusal of this code, written for it: the remedy of
    /// [`Refusal`] and of `check-payments`' answers (the catalogue's too).
    #[must_use]
    pub const fn remedy(self) -> &'static str {
        match self {
            RefusalCode::VoidUnsupported => {
                "let an uncaptured authorization lapse, or reverse a captured payment with a refund"
            }
            RefusalCode::BrandNotEnabled => {
                "ask the customer for a card of a brand the gateway enables, or enable the brand in the gateway's card brands"
            }
            RefusalCode::BrandCurrencyUnsupported => {
                "charge the card in a currency its brand takes (UnionPay: USD or CAD; American Express: not the currencies marked * on Stripe's presentment list), or ask the customer for another card"
            }
            RefusalCode::CaptureBeforeAuthorization => {
                "correct the capture's `at` or the authorization's `authorized_at`: a capture comes after its authorization"
            }
            RefusalCode::BelowMinimum => "charge at least the minimum payment",
            RefusalCode::CurrencyNotAssigned => {
                "assign the currency to the gateway with its minimum payment, or charge in an assigned currency"
            }
            RefusalCode::AmountNotPositive => "send a positive amount",
            RefusalCode::AmountPrecision | RefusalCode::AmountNotMultiple => {
                "round the amount to what the currency allows before sending it"
            }
            RefusalCode::AmountTooLarge => {
                "split the payment, or ask Stripe to raise the account's limit"
            }
            RefusalCode::PayoutAmountNotMultiple => {
                "send the payout in whole units (a multiple of 100 minor units)"
            }
            RefusalCode::AmountOverflow | RefusalCode::ConversionInexact => {
                "round the amount or the exchange rate before converting"
            }
            RefusalCode::InvalidExchangeRate | RefusalCode::ExchangeRateMismatch => {
                "pass a positive exchange rate from the amount's currency to the account's currency"
            }
            RefusalCode::CurrencyMismatch => "use the currency of the original payment",
            RefusalCode::CaptureExceedsAuthorized => {
                "capture at most the authorized amount, or authorize the larger amount again"
            }
            RefusalCode::AuthorizationExpired => "authorize the payment again, then capture it",
            RefusalCode::RefundExceedsCaptured => "refund at most what is left to refund",
            RefusalCode::EmailRequired => "set the customer's email first",
            RefusalCode::InvalidEmail => "correct the email on the customer's record",
        }
    }
}
