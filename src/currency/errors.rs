//! Why a string is not a currency code.

use super::*;

/// Why a string is not a currency code ([`parse_currency`]).
///
/// Messages are lowercase, say what was found and what is expected; [`code`](Self::code) gives
/// a stable machine-readable code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CurrencyError {
    /// The input is empty.
    #[error("currency code is empty: expected a three-letter ISO 4217 code such as \"usd\"")]
    Empty,
    /// The input contains whitespace (it is never trimmed).
    #[error(
        "currency code {found} contains whitespace {character:?} at byte {index}: expected three ASCII letters such as \"usd\" (input is not trimmed; remove the whitespace)"
    )]
    Whitespace {
        /// The input.
        found: InputExcerpt,
        /// Byte offset of the first whitespace character.
        index: usize,
        /// The whitespace character.
        character: char,
    },
    /// The input contains a non-ASCII character, e.g. a Cyrillic look-alike of a Latin letter.
    #[error(
        "currency code {found} contains the non-ASCII character {character:?} (U+{:04X}) at byte {index}: expected three ASCII letters such as \"usd\" (look-alike letters from other scripts are not accepted)",
        u32::from(*character)
    )]
    NonAscii {
        /// The input.
        found: InputExcerpt,
        /// Byte offset of the first non-ASCII character.
        index: usize,
        /// The non-ASCII character.
        character: char,
    },
    /// The input is not three characters long.
    #[error(
        "currency code {found} has {length} characters: expected exactly three ASCII letters such as \"usd\""
    )]
    WrongLength {
        /// The input.
        found: InputExcerpt,
        /// Its length in characters (all ASCII at this point).
        length: usize,
    },
    /// The input is three ASCII characters, but not all letters.
    #[error(
        "currency code {found} contains {character:?} at byte {index}: expected three ASCII letters such as \"usd\""
    )]
    NotALetter {
        /// The input.
        found: InputExcerpt,
        /// Byte offset of the first character that is not a letter.
        index: usize,
        /// That character.
        character: char,
    },
    /// A withdrawn ISO 4217 code that Stripe's presentment list (2025-03 copy) still shows
    /// (`STD`, `ANG`) but that this crate cannot represent.
    #[error(
        "currency code {code:?} was withdrawn from ISO 4217 (replaced by {successor:?}, {withdrawn}) and cannot be represented, although Stripe's presentment list (2025-03 copy) still shows it: expected a current ISO 4217 code; check with Stripe whether {successor:?} is accepted for your account"
    )]
    WithdrawnCode {
        /// The withdrawn code, uppercase.
        code: &'static str,
        /// The code ISO 4217 replaced it with (not mapped automatically).
        successor: &'static str,
        /// When it was withdrawn.
        withdrawn: &'static str,
    },
    /// Three ASCII letters that are not an ISO 4217 code.
    #[error("unknown currency code {found}: expected an ISO 4217 code such as \"usd\"")]
    Unknown {
        /// The input.
        found: InputExcerpt,
    },
}

impl CurrencyError {
    /// A stable, machine-readable snake_case code for this error.
    pub fn code(&self) -> crate::codes::CurrencyCode {
        match self {
            Self::Empty => crate::codes::CurrencyCode::CurrencyEmpty,
            Self::Whitespace { .. } => crate::codes::CurrencyCode::CurrencyWhitespace,
            Self::NonAscii { .. } => crate::codes::CurrencyCode::CurrencyNonAscii,
            Self::WrongLength { .. } => crate::codes::CurrencyCode::CurrencyWrongLength,
            Self::NotALetter { .. } => crate::codes::CurrencyCode::CurrencyNotALetter,
            Self::WithdrawnCode { .. } => crate::codes::CurrencyCode::CurrencyWithdrawn,
            Self::Unknown { .. } => crate::codes::CurrencyCode::CurrencyUnknown,
        }
    }
}
