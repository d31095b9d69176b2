//! Why a string is not a currency code.

use crate::text::InputExcerpt;
use core::fmt;

use super::table::WithdrawnCode;
use crate::codes::CurrencyCode;

/// Why a string is not a currency code ([`parse_currency`](crate::currency::parse_currency)): its [`code`](Self::code), its
/// [`remedy`](Self::remedy), and an excerpt of what was [`found`](Self::found).
///
/// Messages are lowercase, say what was found and what is expected, and end with what to do.
///
/// ```
/// use stripe_gateway_rules::codes::CurrencyCode;
/// use stripe_gateway_rules::currency::parse_currency;
///
/// let err = parse_currency("usd ").unwrap_err();
/// assert_eq!(err.code(), CurrencyCode::CurrencyWhitespace);
/// assert_eq!(err.found().as_str(), "usd ");
/// assert_eq!(err.position(), Some((3, ' ')));
/// assert_eq!(err.remedy(), "remove the whitespace: a currency code is never trimmed");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrencyError {
    code: CurrencyCode,
    found: InputExcerpt,
    detail: Detail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detail {
    None,
    /// The byte offset and the character that is whitespace, not ASCII, or not a letter.
    At(usize, char),
    Withdrawn(&'static WithdrawnCode),
}

impl CurrencyError {
    pub(super) fn new(code: CurrencyCode, found: &str) -> Self {
        CurrencyError {
            code,
            found: InputExcerpt::new(found),
            detail: Detail::None,
        }
    }

    pub(super) fn at(code: CurrencyCode, found: &str, index: usize, character: char) -> Self {
        CurrencyError {
            detail: Detail::At(index, character),
            ..CurrencyError::new(code, found)
        }
    }

    pub(super) fn withdrawn(found: &str, withdrawn: &'static WithdrawnCode) -> Self {
        CurrencyError {
            detail: Detail::Withdrawn(withdrawn),
            ..CurrencyError::new(CurrencyCode::CurrencyWithdrawn, found)
        }
    }

    /// Why the code was refused: `currency_empty`, `currency_whitespace`,
    /// `currency_non_ascii`, `currency_wrong_length`, `currency_not_a_letter`,
    /// `currency_withdrawn` (`STD`, `ANG`: withdrawn ISO codes that Stripe's presentment list,
    /// 2025-03 copy, still shows), `currency_unknown`.
    #[must_use]
    pub fn code(&self) -> CurrencyCode {
        self.code
    }

    /// The beginning of the input (never a secret).
    #[must_use]
    pub fn found(&self) -> &InputExcerpt {
        &self.found
    }

    /// The byte offset and the character at fault, for `currency_whitespace`,
    /// `currency_non_ascii` and `currency_not_a_letter`.
    #[must_use]
    pub fn position(&self) -> Option<(usize, char)> {
        match self.detail {
            Detail::At(index, character) => Some((index, character)),
            _ => None,
        }
    }

    /// The code ISO 4217 replaced a withdrawn code with (`STN` for `STD`, `XCG` for `ANG`),
    /// for `currency_withdrawn`; never mapped automatically.
    #[must_use]
    pub fn successor(&self) -> Option<&'static str> {
        match self.detail {
            Detail::Withdrawn(w) => Some(w.successor),
            _ => None,
        }
    }

    /// What to type instead.
    #[must_use]
    pub fn remedy(&self) -> &'static str {
        self.code.remedy()
    }
}

impl std::error::Error for CurrencyError {}

impl fmt::Display for CurrencyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let found = &self.found;
        let (index, character) = match self.detail {
            Detail::At(index, character) => (index, character),
            _ => (0, ' '),
        };
        match self.code {
            CurrencyCode::CurrencyEmpty => f.write_str(
                "currency code is empty: expected a three-letter ISO 4217 code such as \"usd\"",
            ),
            CurrencyCode::CurrencyWhitespace => write!(
                f,
                "currency code {found} contains whitespace {character:?} at byte {index}: expected three ASCII letters such as \"usd\" (input is not trimmed; remove the whitespace)"
            ),
            CurrencyCode::CurrencyNonAscii => write!(
                f,
                "currency code {found} contains the non-ASCII character {character:?} (U+{:04X}) at byte {index}: expected three ASCII letters such as \"usd\" (look-alike letters from other scripts are not accepted)",
                u32::from(character)
            ),
            CurrencyCode::CurrencyWrongLength => write!(
                f,
                "currency code {found} has {} characters: expected exactly three ASCII letters such as \"usd\"",
                found.original_len()
            ),
            CurrencyCode::CurrencyNotALetter => write!(
                f,
                "currency code {found} contains {character:?} at byte {index}: expected three ASCII letters such as \"usd\""
            ),
            CurrencyCode::CurrencyWithdrawn => match self.detail {
                Detail::Withdrawn(WithdrawnCode {
                    code,
                    successor,
                    withdrawn,
                }) => write!(
                    f,
                    "currency code {code:?} was withdrawn from ISO 4217 (replaced by {successor:?}, {withdrawn}) and cannot be represented, although Stripe's presentment list (2025-03 copy) still shows it: expected a current ISO 4217 code; check with Stripe whether {successor:?} is accepted for your account"
                ),
                _ => write!(f, "currency code {found} was withdrawn from ISO 4217"),
            },
            CurrencyCode::CurrencyUnknown => write!(
                f,
                "unknown currency code {found}: expected an ISO 4217 code such as \"usd\""
            ),
        }
    }
}

// Its code and remedy, and how it becomes a violation (crate::codes).
crate::codes::invalid_value_violations!(CurrencyError);

impl CurrencyCode {
    /// What to do about an error of this code, written for it: the remedy of
    /// [`CurrencyError`] (the catalogue's too).
    #[must_use]
    pub const fn remedy(self) -> &'static str {
        match self {
            CurrencyCode::CurrencyWhitespace => {
                "remove the whitespace: a currency code is never trimmed"
            }
            CurrencyCode::CurrencyNonAscii => {
                "type the code again in ASCII letters: look-alike letters from other scripts are not accepted"
            }
            CurrencyCode::CurrencyWithdrawn => {
                "use the current ISO 4217 code, and check with Stripe whether it is accepted for your account"
            }
            CurrencyCode::CurrencyEmpty
            | CurrencyCode::CurrencyWrongLength
            | CurrencyCode::CurrencyNotALetter
            | CurrencyCode::CurrencyUnknown => "use a three-letter ISO 4217 code such as usd",
        }
    }
}
