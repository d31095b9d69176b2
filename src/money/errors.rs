//! [`AmountError`]: why an amount is not accepted, and its wording.

use core::fmt;

use rust_decimal::Decimal;

use super::{AmountLimit, ExchangeRate, LimitSource, MinorUnits, Money};
use crate::codes::MoneyCode;
use crate::currency::{Currency, MinorUnitRule, minor_unit_rule};

/// What is wrong with an amount, with the values involved: the inside of an [`AmountError`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum AmountProblem {
    /// The amount has more decimal places than the currency's Stripe exponent.
    #[error(fmt = fmt_precision)]
    Precision {
        /// The amount as given.
        amount: Money,
        /// The currency's rule.
        rule: MinorUnitRule,
    },
    /// The amount is representable in minor units but not a multiple of the currency's step
    /// (three-decimal currencies: last digit 0; ISK and UGX: whole units).
    #[error(fmt = fmt_not_multiple)]
    NotMultiple {
        /// The amount as given (or as read from minor units).
        amount: Money,
        /// The currency's rule.
        rule: MinorUnitRule,
    },
    /// The absolute value exceeds the maximum that applied: by default
    /// [`max_minor_units`](super::max_minor_units), or an account's
    /// ([`AmountLimits`](super::AmountLimits)).
    #[error(fmt = fmt_too_large)]
    TooLarge {
        /// The amount as given (or as read from minor units).
        amount: Money,
        /// The largest absolute value allowed, in minor units.
        max: MinorUnits,
        /// Where that maximum comes from.
        limit: LimitSource,
    },
    /// The operation needs an amount greater than zero.
    #[error("amount {amount} must be greater than zero")]
    NotPositive {
        /// The amount as given.
        amount: Money,
    },
    /// A HUF or TWD manual payout that is not a multiple of 100 minor units.
    #[error(
        "payout amount {amount} {} is not accepted by Stripe: manual {} payouts must be whole units (multiples of {} minor units)",
        currency.code(), currency.code(), rule.payout_multiple_of()
    )]
    PayoutNotMultiple {
        /// The payout amount in minor units.
        amount: MinorUnits,
        /// Its currency.
        currency: Currency,
        /// The currency's rule.
        rule: MinorUnitRule,
    },
    /// A conversion's result exceeds [`Decimal`]'s range.
    #[error("converting {amount} at {rate} overflows the decimal range")]
    Overflow {
        /// The amount converted.
        amount: Money,
        /// The rate used.
        rate: ExchangeRate,
    },
    /// A conversion's exact result needs more than 28 decimal places.
    #[error(
        "converting {amount} at {rate} cannot be done exactly: the result needs more than 28 decimal places; round the amount or the rate first"
    )]
    ConversionInexact {
        /// The amount converted.
        amount: Money,
        /// The rate used.
        rate: ExchangeRate,
    },
    /// The amount is not in the currency the operation expects.
    #[error("amount is in {}, expected {}", found.code(), expected.code())]
    CurrencyMismatch {
        /// The currency expected.
        expected: Currency,
        /// The amount's currency.
        found: Currency,
    },
    /// An exchange rate that is zero, negative, or not 1 between a currency and itself.
    #[error(fmt = fmt_invalid_rate)]
    InvalidExchangeRate {
        /// The currency converted from.
        from: Currency,
        /// The currency converted to.
        to: Currency,
        /// The rejected rate.
        rate: Decimal,
    },
    /// An exchange rate between other currencies than the operation needs.
    #[error(
        "exchange rate {rate} cannot be used here: expected a rate from {} to {}",
        expected_from.code(), expected_to.code()
    )]
    ExchangeRateMismatch {
        /// The rate supplied.
        rate: ExchangeRate,
        /// The currency the rate should convert from.
        expected_from: Currency,
        /// The currency the rate should convert to.
        expected_to: Currency,
    },
}

/// Why an amount is not accepted, or an amount operation failed: its [`code`](Self::code),
/// its [`remedy`](Self::remedy), and the values involved through accessors
/// ([`amount`](Self::amount), [`rule`](Self::rule), [`max`](Self::max)…). `Display` is a
/// lowercase message for people, e.g. `amount 5.124 KWD is not accepted by Stripe: KWD
/// amounts must end in 0 in the third decimal (multiples of 0.010)`.
///
/// ```
/// use stripe_gateway_rules::Money;
/// use stripe_gateway_rules::codes::MoneyCode;
///
/// let amount: Money = "5.124 KWD".parse()?;
/// let err = amount.to_minor_units().unwrap_err();
/// assert_eq!(err.code(), MoneyCode::AmountNotMultiple);
/// assert_eq!(err.amount(), Some(amount));
/// assert_eq!(err.rule().map(|r| r.multiple_of()), Some(10));
/// assert_eq!(err.remedy(), "round the amount to what the currency allows");
/// # Ok::<(), stripe_gateway_rules::money::ParseMoneyError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmountError(AmountProblem);

impl From<AmountProblem> for AmountError {
    fn from(problem: AmountProblem) -> Self {
        AmountError(problem)
    }
}

impl std::error::Error for AmountError {}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl AmountError {
    /// What is wrong, with the values involved.
    pub(crate) fn problem(&self) -> &AmountProblem {
        &self.0
    }

    /// The stable code: `amount_precision` (finer than the currency allows),
    /// `amount_not_multiple` (not a multiple of the currency's step), `amount_too_large`
    /// (above the maximum that applied), `amount_not_positive`, `payout_amount_not_multiple`
    /// (a HUF or TWD manual payout), `amount_overflow` and `conversion_inexact` (a
    /// conversion), `currency_mismatch`, `invalid_exchange_rate`, `exchange_rate_mismatch`.
    #[must_use]
    pub fn code(&self) -> MoneyCode {
        match self.0 {
            AmountProblem::Precision { .. } => MoneyCode::AmountPrecision,
            AmountProblem::NotMultiple { .. } => MoneyCode::AmountNotMultiple,
            AmountProblem::TooLarge { .. } => MoneyCode::AmountTooLarge,
            AmountProblem::NotPositive { .. } => MoneyCode::AmountNotPositive,
            AmountProblem::PayoutNotMultiple { .. } => MoneyCode::PayoutAmountNotMultiple,
            AmountProblem::Overflow { .. } => MoneyCode::AmountOverflow,
            AmountProblem::ConversionInexact { .. } => MoneyCode::ConversionInexact,
            AmountProblem::CurrencyMismatch { .. } => MoneyCode::CurrencyMismatch,
            AmountProblem::InvalidExchangeRate { .. } => MoneyCode::InvalidExchangeRate,
            AmountProblem::ExchangeRateMismatch { .. } => MoneyCode::ExchangeRateMismatch,
        }
    }

    /// What to do about it.
    #[must_use]
    pub fn remedy(&self) -> &'static str {
        self.code().remedy()
    }

    /// The amount concerned: for `amount_precision`, `amount_not_multiple`,
    /// `amount_too_large`, `amount_not_positive`, `amount_overflow`, `conversion_inexact`.
    #[must_use]
    pub fn amount(&self) -> Option<Money> {
        match self.0 {
            AmountProblem::Precision { amount, .. }
            | AmountProblem::NotMultiple { amount, .. }
            | AmountProblem::TooLarge { amount, .. }
            | AmountProblem::NotPositive { amount }
            | AmountProblem::Overflow { amount, .. }
            | AmountProblem::ConversionInexact { amount, .. } => Some(amount),
            _ => None,
        }
    }

    /// The currency's minor-unit rule: for `amount_precision`, `amount_not_multiple` and
    /// `payout_amount_not_multiple`.
    #[must_use]
    pub fn rule(&self) -> Option<MinorUnitRule> {
        match self.0 {
            AmountProblem::Precision { rule, .. }
            | AmountProblem::NotMultiple { rule, .. }
            | AmountProblem::PayoutNotMultiple { rule, .. } => Some(rule),
            _ => None,
        }
    }

    /// The maximum that applied, in minor units, and where it comes from: for
    /// `amount_too_large`.
    #[must_use]
    pub fn max(&self) -> Option<AmountLimit> {
        match self.0 {
            AmountProblem::TooLarge { max, limit, .. } => Some(AmountLimit::new(max, limit)),
            _ => None,
        }
    }

    /// The payout amount and its currency: for `payout_amount_not_multiple`.
    #[must_use]
    pub fn payout(&self) -> Option<(MinorUnits, Currency)> {
        match self.0 {
            AmountProblem::PayoutNotMultiple {
                amount, currency, ..
            } => Some((amount, currency)),
            _ => None,
        }
    }

    /// The exchange rate used or supplied: for `amount_overflow`, `conversion_inexact` and
    /// `exchange_rate_mismatch`.
    #[must_use]
    pub fn rate(&self) -> Option<ExchangeRate> {
        match self.0 {
            AmountProblem::Overflow { rate, .. }
            | AmountProblem::ConversionInexact { rate, .. }
            | AmountProblem::ExchangeRateMismatch { rate, .. } => Some(rate),
            _ => None,
        }
    }

    /// The currencies involved, expected first: for `currency_mismatch` (expected, found),
    /// `invalid_exchange_rate` (from, to, with [`refused_rate`](Self::refused_rate)) and
    /// `exchange_rate_mismatch` (the rate's expected from and to).
    #[must_use]
    pub fn currencies(&self) -> Option<(Currency, Currency)> {
        match self.0 {
            AmountProblem::CurrencyMismatch { expected, found } => Some((expected, found)),
            AmountProblem::InvalidExchangeRate { from, to, .. } => Some((from, to)),
            AmountProblem::ExchangeRateMismatch {
                expected_from,
                expected_to,
                ..
            } => Some((expected_from, expected_to)),
            _ => None,
        }
    }

    /// The rate refused: for `invalid_exchange_rate`.
    #[must_use]
    pub fn refused_rate(&self) -> Option<Decimal> {
        match self.0 {
            AmountProblem::InvalidExchangeRate { rate, .. } => Some(rate),
            _ => None,
        }
    }
}

fn fmt_precision(amount: &Money, rule: &MinorUnitRule, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let code = amount.currency.code();
    write!(f, "amount {amount} is not accepted by Stripe: ")?;
    match rule.exponent() {
        0 => write!(f, "{code} is a zero-decimal currency (no decimal places)"),
        1 => write!(f, "{code} amounts have at most 1 decimal place"),
        n => write!(f, "{code} amounts have at most {n} decimal places"),
    }
}

fn fmt_not_multiple(
    amount: &Money,
    rule: &MinorUnitRule,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    let code = amount.currency.code();
    let step = rule.step();
    write!(f, "amount {amount} is not accepted by Stripe: ")?;
    if 10_i64.pow(rule.exponent()) == rule.multiple_of() {
        write!(
            f,
            "{code} amounts must be whole units (multiples of {step})"
        )
    } else {
        let place = match rule.exponent() {
            1 => "first",
            2 => "second",
            _ => "third",
        };
        write!(
            f,
            "{code} amounts must end in 0 in the {place} decimal (multiples of {step})"
        )
    }
}

fn fmt_too_large(
    amount: &Money,
    max: &MinorUnits,
    limit: &LimitSource,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    let code = amount.currency.code();
    let max_major = Decimal::new(max.0, minor_unit_rule(amount.currency).exponent());
    write!(f, "amount {amount} is too large for Stripe: ")?;
    let digits = AmountLimit::new(*max, *limit).digits();
    if max.0.checked_add(1) == 10_i64.checked_pow(digits) {
        write!(
            f,
            "{code} amounts are limited to {digits} digits in minor units"
        )?;
    } else {
        write!(f, "{code} amounts are limited to {max} in minor units")?;
    }
    write!(f, " (absolute value at most {max_major} {code}) by {limit}")?;
    if *limit == LimitSource::ApiReference {
        f.write_str("; if the account allows more, state its limits")?;
    }
    Ok(())
}

fn fmt_invalid_rate(
    from: &Currency,
    to: &Currency,
    rate: &Decimal,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    let (from, to) = (from.code(), to.code());
    if *rate <= Decimal::ZERO {
        write!(
            f,
            "exchange rate {rate} from {from} to {to} is not accepted: expected a rate greater than zero"
        )
    } else {
        write!(
            f,
            "exchange rate {rate} from {from} to {to} is not accepted: a rate between a currency and itself must be 1"
        )
    }
}

// Its code and remedy, and how it becomes a violation (crate::codes).
crate::codes::invalid_value_violations!(AmountError);

impl MoneyCode {
    /// What to do about an error of this code, written for it: the remedy of
    /// [`AmountError`] and [`ParseMoneyError`](crate::money::ParseMoneyError) (the catalogue's too).
    #[must_use]
    pub const fn remedy(self) -> &'static str {
        match self {
            MoneyCode::AmountPrecision | MoneyCode::AmountNotMultiple => {
                "round the amount to what the currency allows"
            }
            MoneyCode::AmountTooLarge => {
                "split the amount, or state the account's own limits if it allows more"
            }
            MoneyCode::AmountNotPositive => "use an amount greater than zero",
            MoneyCode::PayoutAmountNotMultiple => {
                "pay out whole units (a multiple of 100 minor units)"
            }
            MoneyCode::AmountOverflow | MoneyCode::ConversionInexact => {
                "round the amount or the exchange rate before converting"
            }
            MoneyCode::CurrencyMismatch => "use an amount in the expected currency",
            MoneyCode::InvalidExchangeRate => {
                "use a rate greater than zero, and 1 between a currency and itself"
            }
            MoneyCode::ExchangeRateMismatch => {
                "use a rate from the amount's currency to the currency needed"
            }
            MoneyCode::MoneyFormat => {
                "write the amount, one space and the currency code, such as 0.50 USD"
            }
            MoneyCode::MoneyAmountOutOfRange => {
                "write at most 28 decimal places and a smaller amount"
            }
            MoneyCode::MoneyAmountSyntax => {
                "write the amount in ASCII digits with an optional leading '-' and at most one '.', such as 0.50"
            }
            MoneyCode::CurrencyEmpty => crate::codes::CurrencyCode::CurrencyEmpty.remedy(),
            MoneyCode::CurrencyWhitespace => {
                crate::codes::CurrencyCode::CurrencyWhitespace.remedy()
            }
            MoneyCode::CurrencyNonAscii => crate::codes::CurrencyCode::CurrencyNonAscii.remedy(),
            MoneyCode::CurrencyWrongLength => {
                crate::codes::CurrencyCode::CurrencyWrongLength.remedy()
            }
            MoneyCode::CurrencyNotALetter => {
                crate::codes::CurrencyCode::CurrencyNotALetter.remedy()
            }
            MoneyCode::CurrencyWithdrawn => crate::codes::CurrencyCode::CurrencyWithdrawn.remedy(),
            MoneyCode::CurrencyUnknown => crate::codes::CurrencyCode::CurrencyUnknown.remedy(),
        }
    }
}
