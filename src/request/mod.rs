//! Stripe's request rules, checked before the request is sent: statement descriptors,
//! metadata, descriptions, idempotency keys, and sensitive data in any of them
//! ([rules §13](crate::rules#rules-13), [stripe-facts §10](crate::rules#facts-10)).
//!
//! Each value is a type parsed once ([`StatementDescriptor`], [`StatementDescriptorPrefix`],
//! [`StatementDescriptorSuffix`], [`Metadata`], [`Description`], [`IdempotencyKey`]); the
//! billing run's lines borrow their text and go through the same checks. A
//! [`RequestError`] has a [`codes::RequestCode`](crate::codes::RequestCode), names the field, and
//! never repeats the value: a card number or a Stripe secret in metadata, a description or a
//! descriptor is refused (`card_number_in_text`, `secret_in_text`) and never printed back.
//!
//! A billing run is also checked as a whole: [`IdempotencyLedger`] remembers a compact
//! fingerprint per idempotency key and flags a key reused with other parameters (an error on
//! the later line, naming the earlier one) or with the same (a warning: a retry).
//!
//! ```
//! use stripe_gateway_rules::request::{Description, IdempotencyKey, Metadata};
//!
//! let meta = Metadata::new([("order_id", "A-1001"), ("plan", "pro")])?;
//! assert_eq!(meta.len(), 2);
//! assert_eq!("x".repeat(1001).parse::<Description>().unwrap_err().code(), "description_too_long");
//! assert_eq!("".parse::<IdempotencyKey>().unwrap_err().code(), "idempotency_key_empty");
//! # Ok::<(), stripe_gateway_rules::request::RequestError>(())
//! ```

mod descriptor;
mod errors;
mod ledger;
mod sensitive;

pub use descriptor::{
    FORBIDDEN, JOIN, MAX_DESCRIPTOR_CHARS, MAX_PREFIX_CHARS, MIN_DESCRIPTOR_CHARS,
    MIN_PREFIX_CHARS, StatementDescriptor, StatementDescriptorPrefix, StatementDescriptorSuffix,
    is_latin,
};
#[cfg(feature = "serde")]
pub(crate) use descriptor::{check_joined, check_suffix};
pub use errors::{RequestError, RequestField};
pub use ledger::{BYTES_PER_KEY, FingerprintHasher, IdempotencyLedger, KeyFingerprint, KeyVerdict};
#[cfg(feature = "serde")]
pub(crate) use sensitive::MIN_PAN_DIGITS;
pub(crate) use sensitive::sensitive;

use std::fmt;
use std::str::FromStr;

use crate::codes::RequestCode;

/// The most keys metadata holds ([stripe-facts §10.3](crate::rules#facts-10-3)).
pub const MAX_METADATA_KEYS: usize = 50;
/// The longest metadata key, in characters.
pub const MAX_METADATA_KEY_CHARS: usize = 40;
/// The longest metadata value, in characters.
pub const MAX_METADATA_VALUE_CHARS: usize = 500;
/// The longest description of a PaymentIntent, in characters
/// ([stripe-facts §10.4](crate::rules#facts-10-4)).
pub const MAX_DESCRIPTION_CHARS: usize = 1000;
/// The longest idempotency key, in characters ([stripe-facts §10.5](crate::rules#facts-10-5)).
pub const MAX_IDEMPOTENCY_KEY_CHARS: usize = 255;

/// Checks a description's text.
pub(crate) fn check_description(text: &str) -> Result<(), RequestError> {
    let field = RequestField::Description;
    if let Some(code) = sensitive(text) {
        return Err(RequestError::new(code, field));
    }
    if let Some(chars) = over(text, MAX_DESCRIPTION_CHARS) {
        return Err(RequestError::new(RequestCode::DescriptionTooLong, field)
            .with_length(chars, MAX_DESCRIPTION_CHARS));
    }
    Ok(())
}

/// Checks an idempotency key's text.
pub(crate) fn check_idempotency_key(text: &str) -> Result<(), RequestError> {
    let field = RequestField::IdempotencyKey;
    if text.is_empty() {
        return Err(RequestError::new(RequestCode::IdempotencyKeyEmpty, field));
    }
    if let Some(chars) = over(text, MAX_IDEMPOTENCY_KEY_CHARS) {
        return Err(RequestError::new(RequestCode::IdempotencyKeyTooLong, field)
            .with_length(chars, MAX_IDEMPOTENCY_KEY_CHARS));
    }
    Ok(())
}

/// Checks metadata given as its pairs, in order: the number of keys, each key and value, no
/// key twice, no sensitive data. No allocation (the keys seen are kept on the stack and
/// compared pairwise: at most 50).
///
/// `whole` is the object's JSON text when every key and value appears in it as written (no
/// escapes): when it holds no sensitive data, neither does any pair (JSON's quotes, colons and
/// commas break every marker and every run of digits), and the pairs are not scanned one by
/// one.
pub(crate) fn check_metadata<'k, I>(pairs: I, whole: Option<&str>) -> Result<(), RequestError>
where
    I: IntoIterator<Item = (&'k str, &'k str)>,
{
    let field = RequestField::Metadata;
    let scan = whole.is_none_or(|text| sensitive(text).is_some());
    let sensitive = |text: &str| if scan { sensitive(text) } else { None };
    let mut seen = [""; MAX_METADATA_KEYS];
    let mut count = 0;
    for (i, (key, value)) in pairs.into_iter().enumerate() {
        let n = i + 1;
        count = n;
        if n > MAX_METADATA_KEYS {
            continue;
        }
        if let Some(code) = sensitive(key) {
            return Err(RequestError::new(code, field).with_key(n));
        }
        if key.is_empty() {
            return Err(RequestError::new(RequestCode::MetadataKeyEmpty, field).with_key(n));
        }
        if key.bytes().any(|b| b == b'[' || b == b']') {
            return Err(RequestError::new(RequestCode::MetadataKeyBracket, field).with_key(n));
        }
        if let Some(chars) = over(key, MAX_METADATA_KEY_CHARS) {
            return Err(RequestError::new(RequestCode::MetadataKeyTooLong, field)
                .with_key(n)
                .with_length(chars, MAX_METADATA_KEY_CHARS));
        }
        if seen[..i].contains(&key) {
            return Err(RequestError::new(RequestCode::MetadataDuplicateKey, field).with_key(n));
        }
        seen[i] = key;
        if let Some(code) = sensitive(value) {
            return Err(RequestError::new(code, field).with_value(n));
        }
        if let Some(chars) = over(value, MAX_METADATA_VALUE_CHARS) {
            return Err(RequestError::new(RequestCode::MetadataValueTooLong, field)
                .with_value(n)
                .with_length(chars, MAX_METADATA_VALUE_CHARS));
        }
    }
    if count > MAX_METADATA_KEYS {
        return Err(RequestError::new(RequestCode::MetadataTooManyKeys, field)
            .with_length(count, MAX_METADATA_KEYS));
    }
    Ok(())
}

/// The length of `text` in characters when it is over `max`; characters are counted only
/// when its bytes could be too many (a character is at least one byte).
fn over(text: &str, max: usize) -> Option<usize> {
    if text.len() <= max {
        return None;
    }
    let chars = text.chars().count();
    (chars > max).then_some(chars)
}

/// A payment's description (`description`): at most 1,000 characters, no card number or
/// Stripe secret ([rules §13](crate::rules#rules-13), [stripe-facts §10.4](crate::rules#facts-10-4)).
/// Customers may see it (Stripe's email receipts).
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Description(String);

/// An idempotency key (Stripe's `Idempotency-Key` header): 1 to 255 characters
/// ([rules §13](crate::rules#rules-13), [stripe-facts §10.5](crate::rules#facts-10-5)). Its
/// `Debug` shows its length only: a key is not a secret, but nothing is gained by printing it.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct IdempotencyKey(String);

macro_rules! text_type {
    ($name:ident, $check:path) => {
        impl $name {
            /// The text, as Stripe receives it.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl FromStr for $name {
            type Err = RequestError;

            fn from_str(s: &str) -> Result<Self, RequestError> {
                $check(s)?;
                Ok($name(s.to_owned()))
            }
        }

        impl TryFrom<&str> for $name {
            type Error = RequestError;

            fn try_from(s: &str) -> Result<Self, RequestError> {
                s.parse()
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
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

text_type!(Description, check_description);
text_type!(IdempotencyKey, check_idempotency_key);

impl fmt::Debug for Description {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Description").field(&self.0).finish()
    }
}

impl fmt::Debug for IdempotencyKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IdempotencyKey({} characters)", self.0.chars().count())
    }
}

/// Metadata of a request (`metadata`): at most 50 keys, each key 1 to 40 characters without
/// `[` or `]` and sent once, each value a string of at most 500 characters, no card number or
/// Stripe secret in either ([rules §13](crate::rules#rules-13),
/// [stripe-facts §10.3](crate::rules#facts-10-3)). Keeps the pairs in their order.
///
/// ```
/// use stripe_gateway_rules::request::Metadata;
///
/// let keys: Vec<(String, String)> = (0..51).map(|i| (format!("k{i}"), "v".into())).collect();
/// let err = Metadata::new(keys.iter().map(|(k, v)| (k.as_str(), v.as_str()))).unwrap_err();
/// assert_eq!(err.code(), "metadata_too_many_keys");
/// assert_eq!(err.to_string(), "metadata has 51 keys; at most 50 are allowed");
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Default)]
pub struct Metadata(Vec<(String, String)>);

impl Metadata {
    /// Metadata of these pairs, in order.
    ///
    /// # Errors
    ///
    /// A [`RequestError`] at `metadata` for the first pair that breaks a rule (by its
    /// position, never its text), or for more than 50 keys.
    pub fn new<'k>(
        pairs: impl IntoIterator<Item = (&'k str, &'k str)>,
    ) -> Result<Self, RequestError> {
        let pairs: Vec<(&str, &str)> = pairs.into_iter().collect();
        check_metadata(pairs.iter().copied(), None)?;
        Ok(Metadata(
            pairs
                .into_iter()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
        ))
    }

    /// The pairs, in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// How many keys.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether it has no key.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Metadata {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Metadata {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.iter())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Metadata {
    /// From a JSON object of strings, through [`Metadata::new`]: a value that is not a string
    /// is `metadata_value_not_string`, anything but an object `metadata_not_object`.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{self, MapAccess, Visitor};
        use std::borrow::Cow;

        /// Records the request rule's error, so that it is the one reported.
        struct Pairs<'c>(&'c std::cell::Cell<Option<RequestError>>);

        /// A value that must be a string; else the error's code.
        struct Text<'de>(Result<Cow<'de, str>, RequestCode>);

        impl<'de> serde::Deserialize<'de> for Text<'de> {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = Text<'de>;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("a string")
                    }
                    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Text<'de>, E> {
                        Ok(Text(Ok(Cow::Borrowed(v))))
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<Text<'de>, E> {
                        Ok(Text(Ok(Cow::Owned(v.to_owned()))))
                    }
                    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Text<'de>, E> {
                        Ok(Text(Err(RequestCode::MetadataValueNotString)))
                    }
                    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Text<'de>, E> {
                        Ok(Text(Err(RequestCode::MetadataValueNotString)))
                    }
                    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Text<'de>, E> {
                        Ok(Text(Err(RequestCode::MetadataValueNotString)))
                    }
                    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Text<'de>, E> {
                        Ok(Text(Err(RequestCode::MetadataValueNotString)))
                    }
                    fn visit_unit<E: de::Error>(self) -> Result<Text<'de>, E> {
                        Ok(Text(Err(RequestCode::MetadataValueNotString)))
                    }
                    fn visit_seq<A: de::SeqAccess<'de>>(
                        self,
                        mut a: A,
                    ) -> Result<Text<'de>, A::Error> {
                        while a.next_element::<de::IgnoredAny>()?.is_some() {}
                        Ok(Text(Err(RequestCode::MetadataValueNotString)))
                    }
                    fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Text<'de>, A::Error> {
                        while a.next_entry::<de::IgnoredAny, de::IgnoredAny>()?.is_some() {}
                        Ok(Text(Err(RequestCode::MetadataValueNotString)))
                    }
                }
                d.deserialize_any(V)
            }
        }

        impl<'de> Visitor<'de> for Pairs<'_> {
            type Value = Metadata;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of string keys and string values")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Metadata, A::Error> {
                let mut pairs: Vec<(Cow<'de, str>, Cow<'de, str>)> = Vec::new();
                let mut not_string = None;
                while let Some((key, Text(value))) = map.next_entry::<Cow<'de, str>, Text<'de>>()? {
                    match value {
                        Ok(v) => pairs.push((key, v)),
                        Err(_) => {
                            not_string.get_or_insert(pairs.len() + 1);
                            pairs.push((key, Cow::Borrowed("")));
                        }
                    }
                }
                let result = match not_string {
                    Some(n) => Err(RequestError::new(
                        RequestCode::MetadataValueNotString,
                        RequestField::Metadata,
                    )
                    .with_value(n)),
                    None => Metadata::new(pairs.iter().map(|(k, v)| (k.as_ref(), v.as_ref()))),
                };
                result.map_err(|e| {
                    self.0.set(Some(e));
                    de::Error::custom("metadata")
                })
            }
        }

        let recorded = std::cell::Cell::new(None);
        d.deserialize_map(Pairs(&recorded)).map_err(|_| {
            // The parser's own message could quote a value: the crate's words only.
            de::Error::custom(recorded.take().unwrap_or_else(|| {
                RequestError::new(RequestCode::MetadataNotObject, RequestField::Metadata)
            }))
        })
    }
}
