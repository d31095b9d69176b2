//! Parsing a currency code: three ASCII letters, in any case, without allocating.

use super::table::{
    CODE_CURRENCIES, CODE_INDEX, WITHDRAWN_PRESENTMENT_CODES, letters_index, pack_code, pack_upper,
};
use super::*;
use crate::codes::CurrencyCode;

/// Parses a three-letter ISO 4217 currency code, in any ASCII case.
///
/// The input must be exactly three ASCII letters: no surrounding or inner whitespace (the
/// input is never trimmed), no look-alike letters from other scripts. The function does not
/// allocate.
///
/// This parses any code [`iso_currency`] knows, including ones Stripe does not present; use
/// [`is_presentment_currency`] to ask about Stripe.
///
/// # Errors
///
/// A [`CurrencyError`]: `currency_empty`, `currency_whitespace`, `currency_non_ascii`,
/// `currency_wrong_length`, `currency_not_a_letter`, `currency_withdrawn` (for `STD` and
/// `ANG`, which Stripe's presentment list still shows) or `currency_unknown`, checked in that
/// order.
///
/// # Examples
///
/// ```
/// use stripe_gateway_rules::currency::{parse_currency, Currency};
///
/// # fn main() -> Result<(), stripe_gateway_rules::currency::CurrencyError> {
/// assert_eq!(parse_currency("usd")?, Currency::USD);
/// assert_eq!(parse_currency("Usd")?, Currency::USD);
/// let err = parse_currency(" usd").unwrap_err();
/// assert_eq!(err.code(), "currency_whitespace");
/// # Ok(())
/// # }
/// ```
pub fn parse_currency(code: &str) -> Result<Currency, CurrencyError> {
    // Fast path: three ASCII letters, the common case, with none of the errors checked
    // before the lookup possible.
    if let &[a, b, c] = code.as_bytes()
        && is_ascii_letter(a)
        && is_ascii_letter(b)
        && is_ascii_letter(c)
    {
        return lookup(pack_upper(a, b, c), code);
    }
    if code.is_empty() {
        return Err(CurrencyError::new(CurrencyCode::CurrencyEmpty, code));
    }
    if let Some((index, character)) = code.char_indices().find(|(_, c)| c.is_whitespace()) {
        return Err(CurrencyError::at(
            CurrencyCode::CurrencyWhitespace,
            code,
            index,
            character,
        ));
    }
    if let Some((index, character)) = code.char_indices().find(|(_, c)| !c.is_ascii()) {
        return Err(CurrencyError::at(
            CurrencyCode::CurrencyNonAscii,
            code,
            index,
            character,
        ));
    }
    // From here on the input is ASCII: bytes are characters.
    if code.len() != 3 {
        return Err(CurrencyError::new(CurrencyCode::CurrencyWrongLength, code));
    }
    let bytes = code.as_bytes();
    if let Some(index) = bytes.iter().position(|&byte| !is_ascii_letter(byte)) {
        return Err(CurrencyError::at(
            CurrencyCode::CurrencyNotALetter,
            code,
            index,
            char::from(bytes[index]),
        ));
    }
    // Three ASCII letters: the fast path above took them; kept for completeness.
    lookup(pack_upper(bytes[0], bytes[1], bytes[2]), code)
}

/// Whether `byte` is an ASCII letter, either case.
#[inline(always)]
const fn is_ascii_letter(byte: u8) -> bool {
    (byte | 0x20).wrapping_sub(b'a') < 26
}

/// The currency of a packed uppercase code (one read of the code index), or the error for
/// it; `code` is the input, for the error.
#[inline]
fn lookup(packed: u32, code: &str) -> Result<Currency, CurrencyError> {
    match CODE_INDEX[letters_index(packed)] {
        0 => match WITHDRAWN_PRESENTMENT_CODES
            .iter()
            .find(|w| pack_code(w.code) == packed)
        {
            Some(withdrawn) => Err(CurrencyError::withdrawn(code, withdrawn)),
            None => Err(CurrencyError::new(CurrencyCode::CurrencyUnknown, code)),
        },
        i => Ok(CODE_CURRENCIES[usize::from(i) - 1]),
    }
}
