//! Reading amounts from text: [`parse_amount`] and [`ParseMoneyError`].

use rust_decimal::Decimal;

use crate::currency::{CurrencyError, InputExcerpt};

/// Parses a decimal amount as configuration files and operation lines write it: an optional
/// `-`, ASCII digits, optionally `.` and more digits (`"0.50"`, `"-12"`). The grammar of the
/// amount part of [`Money`](super::Money)'s text and serde forms. Never rounds.
///
/// ```
/// use stripe_gateway_rules::money::parse_amount;
/// assert_eq!(parse_amount("0.50")?.to_string(), "0.50");
/// assert!(parse_amount("1e3").is_err());
/// assert!(parse_amount(" 1").is_err());
/// # Ok::<(), stripe_gateway_rules::ParseMoneyError>(())
/// ```
///
/// # Errors
///
/// [`ParseMoneyError::Amount`] for anything but that grammar (`+1`, `1e3`, `1,000`, ` 1`,
/// `.5`), [`ParseMoneyError::AmountOutOfRange`] beyond 28 decimals or about 7.9 × 10^28.
pub fn parse_amount(s: &str) -> Result<Decimal, ParseMoneyError> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match digits.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (digits, None),
    };
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int) || !frac.is_none_or(all_digits) {
        return Err(ParseMoneyError::Amount {
            found: InputExcerpt::new(s),
        });
    }
    Decimal::from_str_exact(s).map_err(|_| ParseMoneyError::AmountOutOfRange {
        found: InputExcerpt::new(s),
    })
}

/// Why a string is not [`Money`](super::Money) (its [`FromStr`](core::str::FromStr) form,
/// `"0.50 USD"`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseMoneyError {
    /// No space separates an amount from a currency code.
    #[error(
        "money {found} is not of the form \"<amount> <currency>\": expected e.g. \"0.50 USD\", with one space"
    )]
    Format {
        /// The whole input.
        found: InputExcerpt,
    },
    /// The amount is not a plain decimal number.
    #[error(
        "amount {found} is not a decimal number: expected ASCII digits with an optional leading '-' and at most one '.', e.g. \"0.50\""
    )]
    Amount {
        /// The amount part of the input.
        found: InputExcerpt,
    },
    /// The amount cannot be held exactly by a [`Decimal`].
    #[error(
        "amount {found} cannot be represented exactly: expected at most 28 decimal places and an absolute value below 79228162514264337593543950336"
    )]
    AmountOutOfRange {
        /// The amount part of the input.
        found: InputExcerpt,
    },
    /// The currency part is not a currency code.
    #[error(transparent)]
    Currency(#[from] CurrencyError),
}

impl ParseMoneyError {
    /// A stable, machine-readable snake_case code for this error.
    pub fn code(&self) -> crate::codes::MoneyCode {
        match self {
            Self::Format { .. } => crate::codes::MoneyCode::MoneyFormat,
            Self::Amount { .. } => crate::codes::MoneyCode::MoneyAmountSyntax,
            Self::AmountOutOfRange { .. } => crate::codes::MoneyCode::MoneyAmountOutOfRange,
            Self::Currency(e) => {
                use crate::codes::{CurrencyCode, MoneyCode};
                match e.code() {
                    CurrencyCode::CurrencyEmpty => MoneyCode::CurrencyEmpty,
                    CurrencyCode::CurrencyWhitespace => MoneyCode::CurrencyWhitespace,
                    CurrencyCode::CurrencyNonAscii => MoneyCode::CurrencyNonAscii,
                    CurrencyCode::CurrencyWrongLength => MoneyCode::CurrencyWrongLength,
                    CurrencyCode::CurrencyNotALetter => MoneyCode::CurrencyNotALetter,
                    CurrencyCode::CurrencyWithdrawn => MoneyCode::CurrencyWithdrawn,
                    CurrencyCode::CurrencyUnknown => MoneyCode::CurrencyUnknown,
                }
            }
        }
    }
}
