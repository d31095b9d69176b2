use super::{Currency, parse_currency};
use core::fmt;
use serde::{Deserializer, Serializer, de};

/// Serializes `currency` as its uppercase code.
///
/// # Errors
///
/// Whatever the serializer returns.
pub fn serialize<S: Serializer>(currency: &Currency, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(currency.code())
}

/// Deserializes a currency from its code, in any ASCII case.
///
/// # Errors
///
/// A deserializer error carrying the [`CurrencyError`](super::CurrencyError) message when the
/// string is not a code, or when the input is not a string.
pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Currency, D::Error> {
    deserializer.deserialize_str(CodeVisitor)
}

struct CodeVisitor;

impl de::Visitor<'_> for CodeVisitor {
    type Value = Currency;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a three-letter ISO 4217 currency code")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Currency, E> {
        parse_currency(v).map_err(E::custom)
    }
}
