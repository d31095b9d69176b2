//! Reading amounts from text: [`parse_amount`] and [`ParseMoneyError`].

use core::fmt;

use rust_decimal::Decimal;

use crate::codes::{CurrencyCode, MoneyCode};
use crate::currency::CurrencyError;
use crate::text::InputExcerpt;

/// Parses a decimal amount as configuration files and operation lines write it: an optional
/// `-`, ASCII digits, optionally `.` and more digits (`"0.50"`, `"-12"`). The grammar of the
/// amount part of [`Money`](super::Money)'s text and serde forms. Never rounds.
///
/// ```
/// use stripe_gateway_rules::money::parse_amount;
/// assert_eq!(parse_amount("0.50")?.to_string(), "0.50");
/// assert!(parse_amount("1e3").is_err());
/// assert!(parse_amount(" 1").is_err());
/// # Ok::<(), stripe_gateway_rules::money::ParseMoneyError>(())
/// ```
///
/// # Errors
///
/// [`ParseMoneyError`]: `money_amount_syntax` for anything but that grammar (`+1`, `1e3`,
/// `1,000`, ` 1`, `.5`), `money_amount_out_of_range` beyond 28 decimals or about 7.9 × 10^28.
pub fn parse_amount(s: &str) -> Result<Decimal, ParseMoneyError> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match digits.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (digits, None),
    };
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int) || !frac.is_none_or(all_digits) {
        return Err(ParseMoneyError::amount(s));
    }
    Decimal::from_str_exact(s).map_err(|_| ParseMoneyError::out_of_range(s))
}

/// Why a string is not [`Money`](super::Money) (its [`FromStr`](core::str::FromStr) form,
/// `"0.50 USD"`) or not an amount ([`parse_amount`]): its [`code`](Self::code), its
/// [`remedy`](Self::remedy), and an excerpt of what was [`found`](Self::found).
///
/// ```
/// use stripe_gateway_rules::Money;
/// use stripe_gateway_rules::codes::MoneyCode;
///
/// let err = "0.50USD".parse::<Money>().unwrap_err();
/// assert_eq!(err.code(), MoneyCode::MoneyFormat);
/// assert_eq!(err.found().as_str(), "0.50USD");
/// assert_eq!(err.remedy(), "write the amount, one space and the currency code, such as 0.50 USD");
/// let err = "0.50 usd ".parse::<Money>().unwrap_err();
/// assert_eq!(err.code(), MoneyCode::CurrencyWhitespace);
/// assert!(err.currency_error().is_some());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseMoneyError(Repr);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Repr {
    /// `money_format`, `money_amount_syntax` or `money_amount_out_of_range`, with the input
    /// (the whole input for `money_format`, else the amount part).
    Own(MoneyCode, InputExcerpt),
    /// `money_amount_syntax` for an input that starts with whitespace: the whole input, whose
    /// message names the whitespace (the amount part before the first space is empty).
    LeadingSpace(InputExcerpt),
    /// The currency part is not a currency code.
    Currency(CurrencyError),
}

impl ParseMoneyError {
    pub(super) fn format(found: &str) -> Self {
        ParseMoneyError(Repr::Own(MoneyCode::MoneyFormat, InputExcerpt::new(found)))
    }

    /// `money_amount_syntax` for an input that starts with whitespace (`" 12.50 EUR"`).
    pub(super) fn leading_space(found: &str) -> Self {
        ParseMoneyError(Repr::LeadingSpace(InputExcerpt::new(found)))
    }

    fn amount(found: &str) -> Self {
        ParseMoneyError(Repr::Own(
            MoneyCode::MoneyAmountSyntax,
            InputExcerpt::new(found),
        ))
    }

    fn out_of_range(found: &str) -> Self {
        ParseMoneyError(Repr::Own(
            MoneyCode::MoneyAmountOutOfRange,
            InputExcerpt::new(found),
        ))
    }

    /// Why the text was refused: `money_format` (no single space between an amount and a
    /// currency code), `money_amount_syntax` (not a plain decimal number),
    /// `money_amount_out_of_range` (beyond 28 decimals or about 7.9 × 10^28), or the currency
    /// part's code (`currency_unknown`…).
    #[must_use]
    pub fn code(&self) -> MoneyCode {
        match &self.0 {
            Repr::Own(code, _) => *code,
            Repr::LeadingSpace(_) => MoneyCode::MoneyAmountSyntax,
            Repr::Currency(e) => match e.code() {
                CurrencyCode::CurrencyEmpty => MoneyCode::CurrencyEmpty,
                CurrencyCode::CurrencyWhitespace => MoneyCode::CurrencyWhitespace,
                CurrencyCode::CurrencyNonAscii => MoneyCode::CurrencyNonAscii,
                CurrencyCode::CurrencyWrongLength => MoneyCode::CurrencyWrongLength,
                CurrencyCode::CurrencyNotALetter => MoneyCode::CurrencyNotALetter,
                CurrencyCode::CurrencyWithdrawn => MoneyCode::CurrencyWithdrawn,
                CurrencyCode::CurrencyUnknown => MoneyCode::CurrencyUnknown,
            },
        }
    }

    /// The beginning of what was refused: the whole input for `money_format`, the amount
    /// part for the amount's codes, the currency part for the currency's.
    #[must_use]
    pub fn found(&self) -> &InputExcerpt {
        match &self.0 {
            Repr::Own(_, found) | Repr::LeadingSpace(found) => found,
            Repr::Currency(e) => e.found(),
        }
    }

    /// The currency part's error, when the currency part is what was refused.
    #[must_use]
    pub fn currency_error(&self) -> Option<&CurrencyError> {
        match &self.0 {
            Repr::Currency(e) => Some(e),
            Repr::Own(..) | Repr::LeadingSpace(_) => None,
        }
    }

    /// What to write instead.
    #[must_use]
    pub fn remedy(&self) -> &'static str {
        match &self.0 {
            Repr::LeadingSpace(_) => {
                "remove the whitespace before the amount: write the amount, one space and the currency code, such as 0.50 USD"
            }
            _ => self.code().remedy(),
        }
    }
}

impl From<CurrencyError> for ParseMoneyError {
    fn from(e: CurrencyError) -> Self {
        ParseMoneyError(Repr::Currency(e))
    }
}

impl std::error::Error for ParseMoneyError {}

impl fmt::Display for ParseMoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Own(MoneyCode::MoneyFormat, found) => write!(
                f,
                "money {found} is not of the form \"<amount> <currency>\": expected e.g. \"0.50 USD\", with one space"
            ),
            Repr::LeadingSpace(found) => write!(
                f,
                "money {found} starts with whitespace: expected the amount first, e.g. \"0.50 USD\""
            ),
            Repr::Own(MoneyCode::MoneyAmountOutOfRange, found) => write!(
                f,
                "amount {found} cannot be represented exactly: expected at most 28 decimal places and an absolute value below 79228162514264337593543950336"
            ),
            Repr::Own(_, found) => write!(
                f,
                "amount {found} is not a decimal number: expected ASCII digits with an optional leading '-' and at most one '.', e.g. \"0.50\""
            ),
            Repr::Currency(e) => fmt::Display::fmt(e, f),
        }
    }
}

// Its code and remedy, and how it becomes a violation (crate::codes).
crate::codes::invalid_value_violations!(ParseMoneyError);
