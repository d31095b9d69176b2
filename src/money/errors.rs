//! [`AmountError`]: why an amount is not accepted, and its wording.

use core::fmt;

use rust_decimal::Decimal;

use super::{AmountLimit, ExchangeRate, LimitSource, MinorUnits, Money};
use crate::currency::{Currency, MinorUnitRule, minor_unit_rule};

/// Why an amount is not accepted, or an amount operation failed.
///
/// Every variant carries the values involved; [`code`](Self::code) gives a stable snake_case
/// code for programs, `Display` a lowercase message for people, e.g.
/// `amount 5.124 KWD is not accepted by Stripe: KWD amounts must end in 0 in the third decimal (multiples of 0.010)`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AmountError {
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

impl AmountError {
    /// A stable, machine-readable snake_case code for this error:
    ///
    /// | variant | code |
    /// | --- | --- |
    /// | [`Precision`](Self::Precision) | `amount_precision` |
    /// | [`NotMultiple`](Self::NotMultiple) | `amount_not_multiple` |
    /// | [`TooLarge`](Self::TooLarge) | `amount_too_large` |
    /// | [`NotPositive`](Self::NotPositive) | `amount_not_positive` |
    /// | [`PayoutNotMultiple`](Self::PayoutNotMultiple) | `payout_amount_not_multiple` |
    /// | [`Overflow`](Self::Overflow) | `amount_overflow` |
    /// | [`ConversionInexact`](Self::ConversionInexact) | `conversion_inexact` |
    /// | [`CurrencyMismatch`](Self::CurrencyMismatch) | `currency_mismatch` |
    /// | [`InvalidExchangeRate`](Self::InvalidExchangeRate) | `invalid_exchange_rate` |
    /// | [`ExchangeRateMismatch`](Self::ExchangeRateMismatch) | `exchange_rate_mismatch` |
    pub fn code(&self) -> crate::codes::MoneyCode {
        match self {
            Self::Precision { .. } => crate::codes::MoneyCode::AmountPrecision,
            Self::NotMultiple { .. } => crate::codes::MoneyCode::AmountNotMultiple,
            Self::TooLarge { .. } => crate::codes::MoneyCode::AmountTooLarge,
            Self::NotPositive { .. } => crate::codes::MoneyCode::AmountNotPositive,
            Self::PayoutNotMultiple { .. } => crate::codes::MoneyCode::PayoutAmountNotMultiple,
            Self::Overflow { .. } => crate::codes::MoneyCode::AmountOverflow,
            Self::ConversionInexact { .. } => crate::codes::MoneyCode::ConversionInexact,
            Self::CurrencyMismatch { .. } => crate::codes::MoneyCode::CurrencyMismatch,
            Self::InvalidExchangeRate { .. } => crate::codes::MoneyCode::InvalidExchangeRate,
            Self::ExchangeRateMismatch { .. } => crate::codes::MoneyCode::ExchangeRateMismatch,
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
