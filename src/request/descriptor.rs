//! Statement descriptors: the static descriptor, its shortened prefix, and a payment's
//! dynamic suffix ([rules §13](crate::rules#rules-13), [stripe-facts §10.1](crate::rules#facts-10-1)).

use std::fmt;
use std::str::FromStr;

use super::{RequestError, RequestField, sensitive};
use crate::codes::RequestCode;

/// The shortest complete descriptor, static or prefix + `* ` + suffix.
pub const MIN_DESCRIPTOR_CHARS: usize = 5;
/// The longest complete descriptor, static or prefix + `* ` + suffix.
pub const MAX_DESCRIPTOR_CHARS: usize = 22;
/// The shortest prefix ("shortened descriptor").
pub const MIN_PREFIX_CHARS: usize = 2;
/// The longest prefix; also how much of the static descriptor serves as the prefix when the
/// account has none.
pub const MAX_PREFIX_CHARS: usize = 10;
/// What joins the prefix and the suffix.
pub const JOIN: &str = "* ";

/// The characters no descriptor may hold.
pub const FORBIDDEN: [char; 6] = ['<', '>', '\\', '\'', '"', '*'];

/// Whether `c` is a Latin character as the descriptor rule reads it: printable ASCII, or a
/// letter of the Latin-1 Supplement, Latin Extended-A and -B and Latin Extended Additional
/// blocks (accented Latin letters such as `é`, `ß`, `ő`). Other scripts, symbols such as `™`,
/// and control characters are not.
#[must_use]
pub fn is_latin(c: char) -> bool {
    matches!(c, ' '..='~')
        || (matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && c.is_alphabetic())
}

/// Each byte's class for [`check_content`]'s ASCII path: [`PLAIN`] for the ASCII characters a
/// descriptor may hold ([`is_latin`] and not [`FORBIDDEN`]), with [`LETTER`] for an ASCII
/// letter; 0 for any other byte (then each character is checked).
const BYTE_CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0u8;
    while b < 128 {
        let c = b as char;
        let mut forbidden = false;
        let mut i = 0;
        while i < FORBIDDEN.len() {
            forbidden |= FORBIDDEN[i] == c;
            i += 1;
        }
        // `is_latin` on ASCII: printable (a `const` copy of its first arm, checked by a test).
        if matches!(c, ' '..='~') && !forbidden {
            table[b as usize] = PLAIN | if c.is_ascii_alphabetic() { LETTER } else { 0 };
        }
        b += 1;
    }
    table
};
/// [`BYTE_CLASS`]: a character a descriptor may hold.
const PLAIN: u8 = 1;
/// [`BYTE_CLASS`]: an ASCII letter.
const LETTER: u8 = 2;

/// The content rules every part of a descriptor shares: no sensitive data, Latin characters
/// only, none of [`FORBIDDEN`], at least one letter. Returns the length in characters.
fn check_content(text: &str, field: RequestField) -> Result<usize, RequestError> {
    if let Some(code) = sensitive(text) {
        return Err(RequestError::new(code, field));
    }
    // A text of printable ASCII without a forbidden character (the common case) passes
    // every character's check, and its length is its bytes; else each character is checked.
    let bytes = text.as_bytes();
    // One table look-up a byte, without a branch: every byte's class and-ed and or-ed.
    let (all, any) = bytes.iter().fold((PLAIN, 0), |(all, any), &b| {
        let class = BYTE_CLASS[usize::from(b)];
        (all & class, any | class)
    });
    let (chars, letter) = if all == PLAIN {
        (bytes.len(), any & LETTER != 0)
    } else {
        let mut chars = 0;
        let mut letter = false;
        for c in text.chars() {
            chars += 1;
            if FORBIDDEN.contains(&c) {
                return Err(
                    RequestError::new(RequestCode::DescriptorForbiddenCharacter, field)
                        .with_char(c),
                );
            }
            if !is_latin(c) {
                return Err(RequestError::new(RequestCode::DescriptorNotLatin, field).with_char(c));
            }
            letter |= c.is_alphabetic();
        }
        (chars, letter)
    };
    if !letter {
        return Err(RequestError::new(RequestCode::DescriptorNoLetter, field));
    }
    Ok(chars)
}

fn check_length(
    chars: usize,
    (min, max): (usize, usize),
    (short, long): (RequestCode, RequestCode),
    field: RequestField,
) -> Result<(), RequestError> {
    if chars < min {
        return Err(RequestError::new(short, field).with_length(chars, min));
    }
    if chars > max {
        return Err(RequestError::new(long, field).with_length(chars, max));
    }
    Ok(())
}

/// Checks a complete static descriptor (Stripe's `statement_descriptor`).
pub(crate) fn check_descriptor(text: &str, field: RequestField) -> Result<(), RequestError> {
    let chars = check_content(text, field)?;
    check_length(
        chars,
        (MIN_DESCRIPTOR_CHARS, MAX_DESCRIPTOR_CHARS),
        (
            RequestCode::DescriptorTooShort,
            RequestCode::DescriptorTooLong,
        ),
        field,
    )
}

/// Checks a prefix (Stripe's `statement_descriptor_prefix`).
pub(crate) fn check_prefix(text: &str, field: RequestField) -> Result<(), RequestError> {
    let chars = check_content(text, field)?;
    check_length(
        chars,
        (MIN_PREFIX_CHARS, MAX_PREFIX_CHARS),
        (RequestCode::PrefixTooShort, RequestCode::PrefixTooLong),
        field,
    )
}

/// Checks a suffix on its own (the shortest prefix leaves it at most 18 characters); its
/// length in characters.
pub(crate) fn check_suffix(text: &str) -> Result<usize, RequestError> {
    let field = RequestField::StatementDescriptorSuffix;
    let chars = check_content(text, field)?;
    let max = MAX_DESCRIPTOR_CHARS - JOIN.len() - MIN_PREFIX_CHARS;
    if chars > max {
        return Err(RequestError::new(RequestCode::SuffixTooLong, field).with_length(chars, max));
    }
    Ok(chars)
}

/// Checks a suffix of `suffix_chars` characters against the account's prefix: prefix + `* ` +
/// suffix fits in 22 characters.
pub(crate) fn check_joined(
    prefix: &StatementDescriptorPrefix,
    suffix_chars: usize,
) -> Result<(), RequestError> {
    let max = MAX_DESCRIPTOR_CHARS - JOIN.len() - prefix.chars;
    if suffix_chars > max {
        return Err(RequestError::new(
            RequestCode::SuffixTooLong,
            RequestField::StatementDescriptorSuffix,
        )
        .with_length(suffix_chars, max));
    }
    Ok(())
}

macro_rules! descriptor_type {
    ($(#[$doc:meta])* $name:ident, $check:expr) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, Hash)]
        pub struct $name {
            text: String,
            chars: usize,
        }

        impl $name {
            /// The text, as Stripe receives it.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.text
            }

            /// Its length in characters.
            #[must_use]
            pub fn chars(&self) -> usize {
                self.chars
            }
        }

        impl FromStr for $name {
            type Err = RequestError;

            fn from_str(s: &str) -> Result<Self, RequestError> {
                let check: fn(&str) -> Result<(), RequestError> = $check;
                check(s)?;
                Ok($name {
                    text: s.to_owned(),
                    chars: s.chars().count(),
                })
            }
        }

        impl TryFrom<&str> for $name {
            type Error = RequestError;

            fn try_from(s: &str) -> Result<Self, RequestError> {
                s.parse()
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($name)).field(&self.text).finish()
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(&self.text)
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.text)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

descriptor_type! {
    /// A complete static statement descriptor (the account's
    /// `settings.payments.statement_descriptor`, or a payment's `statement_descriptor` where
    /// Stripe takes one): Latin characters only, 5 to 22 characters, at least one letter, none
    /// of `<` `>` `\` `'` `"` `*`, and no card number or Stripe secret
    /// ([rules §13](crate::rules#rules-13), [stripe-facts §10.1](crate::rules#facts-10-1)).
    ///
    /// ```
    /// use stripe_gateway_rules::request::StatementDescriptor;
    ///
    /// let d: StatementDescriptor = "ACME BILLING".parse()?;
    /// assert_eq!(d.fallback_prefix()?.as_str(), "ACME BILLI");
    /// let err = "ACME™".parse::<StatementDescriptor>().unwrap_err();
    /// assert_eq!(err.code(), "descriptor_not_latin");
    /// assert_eq!(err.to_string(), "statement_descriptor holds '™' (U+2122), which is not a Latin character");
    /// # Ok::<(), stripe_gateway_rules::request::RequestError>(())
    /// ```
    StatementDescriptor,
    |s| check_descriptor(s, RequestField::StatementDescriptor)
}

descriptor_type! {
    /// The account's shortened descriptor, the prefix of every card payment's descriptor
    /// (`settings.card_payments.statement_descriptor_prefix`): the content rules of
    /// [`StatementDescriptor`], 2 to 10 characters
    /// ([rules §13](crate::rules#rules-13), [stripe-facts §10.1](crate::rules#facts-10-1)).
    StatementDescriptorPrefix,
    |s| check_prefix(s, RequestField::StatementDescriptorPrefix)
}

descriptor_type! {
    /// A payment's dynamic suffix (`statement_descriptor_suffix`): the content rules of
    /// [`StatementDescriptor`] (a suffix of digits only, such as an order number, is refused:
    /// it needs a letter), and at most 18 characters on its own, the most the shortest prefix
    /// leaves. Against the account's prefix it must also fit:
    /// [`fits_after`](Self::fits_after) ([rules §13](crate::rules#rules-13),
    /// [stripe-facts §10.1](crate::rules#facts-10-1)).
    ///
    /// ```
    /// use stripe_gateway_rules::request::{StatementDescriptorPrefix, StatementDescriptorSuffix};
    ///
    /// let prefix: StatementDescriptorPrefix = "ACMESHOP".parse()?;
    /// let suffix: StatementDescriptorSuffix = "ORDER 12345".parse()?;
    /// assert_eq!(suffix.fits_after(&prefix)?, "ACMESHOP* ORDER 12345");
    /// assert_eq!("12345".parse::<StatementDescriptorSuffix>().unwrap_err().code(), "descriptor_no_letter");
    /// # Ok::<(), stripe_gateway_rules::request::RequestError>(())
    /// ```
    StatementDescriptorSuffix,
    |s| check_suffix(s).map(|_| ())
}

impl StatementDescriptor {
    /// The prefix Stripe uses when the account has none: this descriptor cut to 10
    /// characters ([stripe-facts §10.1](crate::rules#facts-10-1)).
    ///
    /// # Errors
    ///
    /// A [`RequestError`] at `statement_descriptor` when the first 10 characters are not a
    /// valid prefix (no letter among them, such as `2026 SHOP…`).
    pub fn fallback_prefix(&self) -> Result<StatementDescriptorPrefix, RequestError> {
        let end = self
            .text
            .char_indices()
            .nth(MAX_PREFIX_CHARS)
            .map_or(self.text.len(), |(i, _)| i);
        let cut = &self.text[..end];
        check_prefix(cut, RequestField::StatementDescriptor)?;
        Ok(StatementDescriptorPrefix {
            text: cut.to_owned(),
            chars: cut.chars().count(),
        })
    }
}

impl StatementDescriptorSuffix {
    /// The complete descriptor a customer sees: `prefix` + `* ` + this suffix.
    ///
    /// # Errors
    ///
    /// A [`RequestError`] (`suffix_too_long`) when the whole is over 22 characters.
    pub fn fits_after(&self, prefix: &StatementDescriptorPrefix) -> Result<String, RequestError> {
        check_joined(prefix, self.chars)?;
        Ok(format!("{}{JOIN}{}", prefix.text, self.text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ASCII fast path's table is the character rules of a descriptor on every ASCII
    /// character (rules §13): Latin, and none of the forbidden ones; its letters are the
    /// ASCII letters; no other byte is plain.
    #[test]
    fn plain_ascii_table_is_the_character_rules() {
        for b in 0..=255u8 {
            let c = char::from(b);
            let class = BYTE_CLASS[usize::from(b)];
            assert_eq!(
                class & PLAIN != 0,
                b.is_ascii() && is_latin(c) && !FORBIDDEN.contains(&c),
                "{b:#x}"
            );
            assert_eq!(class & LETTER != 0, b.is_ascii_alphabetic(), "{b:#x}");
        }
    }
}
