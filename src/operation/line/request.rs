//! The request fields of a line: statement descriptors, description, metadata and the
//! idempotency key ([rules §13](crate::rules#rules-13)). Read borrowed like the other
//! fields; metadata is kept as the object's own text when its strings have no escape.

use std::hash::Hasher;

use super::scan::{plain_json_string, skip_json_whitespace};
use super::*;
use crate::codes::RequestCode;
use crate::request::{
    FingerprintHasher, IdempotencyLedger, KeyFingerprint, KeyVerdict, RequestError, RequestField,
    StatementDescriptorPrefix,
};

/// The request fields of a line, as read.
#[derive(Default)]
pub(super) struct RequestText<'a> {
    pub(super) statement_descriptor: Option<Cow<'a, str>>,
    pub(super) statement_descriptor_suffix: Option<Cow<'a, str>>,
    pub(super) description: Option<Cow<'a, str>>,
    pub(super) metadata: Option<MetadataText<'a>>,
    pub(super) idempotency_key: Option<Cow<'a, str>>,
}

/// A line's `metadata` as read.
pub(super) enum MetadataText<'a> {
    /// A flat JSON object of strings without escapes: its text, braces included, and what
    /// the fast path learnt while reading it ([`plain_pairs`] reads its pairs again only when
    /// that does not settle the check).
    Plain(&'a str, PlainSummary),
    /// A JSON object of strings, read by the visitor (a string held an escape).
    Pairs(Vec<(Cow<'a, str>, Cow<'a, str>)>),
    /// An object with a value that is not a string: the value's 1-based position.
    NotString(usize),
    /// Not a JSON object.
    NotObject,
}

/// What the fast path learns of plain metadata while reading it, so that neither the check
/// nor the fingerprint reads its pairs again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct PlainSummary {
    /// The sum of its pairs' [`pair_hash`]es (the fingerprint's, in any order of the keys).
    pub(super) pairs_hash: u64,
    /// Whether [`check_metadata`](crate::request::check_metadata) passes it, known without
    /// it: at most [`SEEN_KEYS`] keys, all distinct, each of 1 to 40 bytes without `[` or
    /// `]`, each value of at most 500 bytes, and no sensitive data in any key or value. When
    /// `false`, the check reads the pairs again and says what is wrong.
    pub(super) clean: bool,
}

/// The most keys the fast path compares for duplicates; metadata with more is checked by
/// [`check_metadata`](crate::request::check_metadata).
const SEEN_KEYS: usize = 8;

/// Adds the hash of `text`, when present, as the field numbered `tag`
/// ([`FingerprintHasher::field`]) to `sum`.
#[inline(always)]
fn add_field(sum: &mut u64, tag: u64, text: &Option<Cow<'_, str>>) {
    if let Some(text) = text {
        *sum = sum.wrapping_add(FingerprintHasher::field(tag, text.as_bytes()));
    }
}

/// The hash of one metadata pair, for the fingerprint (summed over the pairs, so that their
/// order does not matter).
#[inline]
fn pair_hash(key: &str, value: &str) -> u64 {
    // Unfinished, like the fields' hashes: the sum is finished once, with them.
    let mut h = FingerprintHasher::default();
    h.write(key.as_bytes());
    h.write(value.as_bytes());
    h.state()
}

/// Whether `key` holds a `[` or a `]`, eight bytes at a time.
#[inline(always)]
fn holds_bracket(key: &str) -> bool {
    use crate::text::{equal_bytes, word_at};
    let bytes = key.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let word = word_at(bytes, at);
        if equal_bytes(word, b'[') | equal_bytes(word, b']') != 0 {
            return true;
        }
        at += 8;
    }
    false
}

/// Whether `key` is none of `seen` (a loop the compiler keeps inline).
#[inline(always)]
fn is_new_key(seen: &[&str], key: &str) -> bool {
    let mut new = true;
    for s in seen {
        new &= *s != key;
    }
    new
}

/// A flat JSON object of strings without escapes at `i`: its text (braces included), the
/// index after it, and its [`PlainSummary`]. `None` for anything else.
pub(super) fn plain_object(line: &str, i: usize) -> Option<(&str, usize, PlainSummary)> {
    use crate::request::{MAX_METADATA_KEY_CHARS, MAX_METADATA_VALUE_CHARS};
    let bytes = line.as_bytes();
    if bytes.get(i) != Some(&b'{') {
        return None;
    }
    let mut summary = PlainSummary {
        pairs_hash: 0,
        clean: true,
    };
    let mut j = skip_json_whitespace(bytes, i + 1);
    if bytes.get(j) == Some(&b'}') {
        return Some((&line[i..=j], j + 1, summary));
    }
    let mut seen = [""; SEEN_KEYS];
    let mut count = 0;
    loop {
        let (key, next) = plain_json_string(line, j)?;
        j = skip_json_whitespace(bytes, next);
        if bytes.get(j) != Some(&b':') {
            return None;
        }
        j = skip_json_whitespace(bytes, j + 1);
        let (value, next) = plain_json_string(line, j)?;
        j = skip_json_whitespace(bytes, next);
        summary.pairs_hash = summary.pairs_hash.wrapping_add(pair_hash(key, value));
        // A text too short for a card number's 13 digits is not scanned here: markers are
        // looked for once in the whole object below.
        let sensitive = |text: &str| {
            text.len() >= crate::request::MIN_PAN_DIGITS
                && crate::request::sensitive(text).is_some()
        };
        // Lengths in bytes: a text of at most `max` bytes has at most `max` characters.
        summary.clean &= count < SEEN_KEYS
            && !sensitive(key)
            && !sensitive(value)
            && !key.is_empty()
            && key.len() <= MAX_METADATA_KEY_CHARS
            && value.len() <= MAX_METADATA_VALUE_CHARS
            && !holds_bracket(key)
            && is_new_key(&seen[..count], key);
        if let Some(slot) = seen.get_mut(count) {
            *slot = key;
        }
        count += 1;
        match bytes.get(j)? {
            b',' => j = skip_json_whitespace(bytes, j + 1),
            b'}' => {
                // A marker's letters and `_` never span JSON's quotes: one in the object is
                // in one of its texts, and one in a text is in the object.
                // Two splits at ASCII bytes (inlined, unlike a range's index).
                let (_, text) = line.split_at_checked(j + 1)?.0.split_at_checked(i)?;
                summary.clean &= !crate::text::holds_secret_marker(text);
                return Some((text, j + 1, summary));
            }
            _ => return None,
        }
    }
}

/// The pairs of an object [`plain_object`] accepted, in order.
pub(super) fn plain_pairs(object: &str) -> impl Iterator<Item = (&str, &str)> + Clone {
    let bytes = object.as_bytes();
    let mut j = skip_json_whitespace(bytes, 1);
    std::iter::from_fn(move || {
        let (key, next) = plain_json_string(object, j)?;
        j = skip_json_whitespace(bytes, next);
        j = skip_json_whitespace(bytes, j + 1);
        let (value, next) = plain_json_string(object, j)?;
        j = skip_json_whitespace(bytes, next);
        j = skip_json_whitespace(bytes, j + 1);
        Some((key, value))
    })
}

/// Reads `metadata` in the visitor: an object of strings, `null` (absent), or anything else
/// recorded for its code.
pub(super) struct MetadataSeed;

impl<'de> DeserializeSeed<'de> for MetadataSeed {
    type Value = Option<MetadataText<'de>>;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

/// A metadata value: a string, or `None` for any other JSON value (skipped).
struct MetadataValue<'de>(Option<Cow<'de, str>>);

impl<'de> serde::Deserialize<'de> for MetadataValue<'de> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = MetadataValue<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(MetadataValue(Some(Cow::Borrowed(v))))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(MetadataValue(Some(Cow::Owned(v.to_owned()))))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
                Ok(MetadataValue(None))
            }
            fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
                Ok(MetadataValue(None))
            }
            fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
                Ok(MetadataValue(None))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
                Ok(MetadataValue(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(MetadataValue(None))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut a: A) -> Result<Self::Value, A::Error> {
                while a.next_element::<de::IgnoredAny>()?.is_some() {}
                Ok(MetadataValue(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<Self::Value, A::Error> {
                while a.next_entry::<de::IgnoredAny, de::IgnoredAny>()?.is_some() {}
                Ok(MetadataValue(None))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Visitor<'de> for MetadataSeed {
    type Value = Option<MetadataText<'de>>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of strings")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut pairs = Vec::new();
        let mut not_string = None;
        while let Some((key, MetadataValue(value))) =
            map.next_entry::<Cow<'de, str>, MetadataValue<'de>>()?
        {
            match value {
                Some(v) => pairs.push((key, v)),
                None => {
                    not_string.get_or_insert(pairs.len() + 1);
                    pairs.push((key, Cow::Borrowed("")));
                }
            }
        }
        Ok(Some(match not_string {
            Some(n) => MetadataText::NotString(n),
            None => MetadataText::Pairs(pairs),
        }))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Some(MetadataText::NotObject))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Some(MetadataText::NotObject))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Some(MetadataText::NotObject))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Some(MetadataText::NotObject))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Some(MetadataText::NotObject))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, mut a: A) -> Result<Self::Value, A::Error> {
        while a.next_element::<de::IgnoredAny>()?.is_some() {}
        Ok(Some(MetadataText::NotObject))
    }
}

/// The request fields each `op` takes, as a mask over [`RequestText::present`]'s order:
/// `statement_descriptor` 0, `statement_descriptor_suffix` 1, `description` 2, `metadata` 3,
/// `idempotency_key` 4. As Stripe's API takes them: PaymentIntent create (sale, authorize)
/// and capture, Refund create, SetupIntent create (save a payment method); a void and a
/// detach take an idempotency key only.
fn allowed_request_fields(op: &str) -> u8 {
    match op {
        "sale" | "authorize" => 0b1_1111,
        "capture" => 0b1_1011,
        "refund" => 0b1_1000,
        "save_payment_method" => 0b1_1100,
        _ => 0b1_0000,
    }
}

impl RequestText<'_> {
    fn present(&self) -> u8 {
        [
            self.statement_descriptor.is_some(),
            self.statement_descriptor_suffix.is_some(),
            self.description.is_some(),
            self.metadata.is_some(),
            self.idempotency_key.is_some(),
        ]
        .iter()
        .rev()
        .fold(0, |mask, &present| mask << 1 | u8::from(present))
    }
}

impl<'a> OperationLine<'a> {
    /// The first request field present that `op` does not take, if any.
    pub(super) fn foreign_request_field(&self, op: &str) -> Option<&'static str> {
        let extra = self.request.present() & !allowed_request_fields(op);
        (extra != 0).then(|| FIELDS[16 + extra.trailing_zeros() as usize])
    }

    /// Checks the line's request fields by Stripe's rules ([rules §13](crate::rules#rules-13)):
    /// `statement_descriptor` on a card payment (every payment of the format is one),
    /// the suffix (against `prefix`, the account's, when known), the description, the
    /// metadata and the idempotency key. Call it on a line whose
    /// [`operation`](Self::operation) is `Ok` (which checks which fields each `op` takes).
    /// No allocation.
    ///
    /// ```
    /// use stripe_gateway_rules::operation::OperationLine;
    ///
    /// let line = OperationLine::parse(r#"{"op":"sale","amount":"12.00","currency":"usd","card":"saved","statement_descriptor":"ACME"}"#).unwrap();
    /// assert_eq!(line.check_request(None).unwrap_err().code(), "descriptor_on_card_payment");
    /// let line = OperationLine::parse(r#"{"op":"sale","amount":"12.00","currency":"usd","card":"saved","metadata":{"plan":"pro","k":"4242 4242 4242 4242"}}"#).unwrap();
    /// let err = line.check_request(None).unwrap_err();
    /// assert_eq!((err.code().as_str(), err.to_string().as_str()), ("card_number_in_text", "metadata value 2 holds a card number"));
    /// ```
    ///
    /// # Errors
    ///
    /// The first [`RequestError`] found, field by field in the table's order.
    pub fn check_request(
        &self,
        prefix: Option<&StatementDescriptorPrefix>,
    ) -> Result<(), RequestError> {
        let r = &self.request;
        if r.statement_descriptor.is_some() {
            return Err(RequestError::new(
                RequestCode::DescriptorOnCardPayment,
                RequestField::StatementDescriptor,
            ));
        }
        if let Some(suffix) = &r.statement_descriptor_suffix {
            let chars = crate::request::check_suffix(suffix)?;
            if let Some(prefix) = prefix {
                crate::request::check_joined(prefix, chars)?;
            }
        }
        if let Some(description) = &r.description {
            crate::request::check_description(description)?;
        }
        match &r.metadata {
            None => {}
            // Read clean by the fast path: the check would pass.
            Some(MetadataText::Plain(_, PlainSummary { clean: true, .. })) => {}
            Some(MetadataText::Plain(text, _)) => {
                crate::request::check_metadata(plain_pairs(text), Some(text))?;
            }
            Some(MetadataText::Pairs(pairs)) => crate::request::check_metadata(
                pairs.iter().map(|(k, v)| (k.as_ref(), v.as_ref())),
                None,
            )?,
            Some(MetadataText::NotString(n)) => {
                return Err(RequestError::new(
                    RequestCode::MetadataValueNotString,
                    RequestField::Metadata,
                )
                .with_value(*n));
            }
            Some(MetadataText::NotObject) => {
                return Err(RequestError::new(
                    RequestCode::MetadataNotObject,
                    RequestField::Metadata,
                ));
            }
        }
        if let Some(key) = &r.idempotency_key {
            crate::request::check_idempotency_key(key)?;
        }
        Ok(())
    }

    /// Whether the line has a `statement_descriptor_suffix`.
    #[must_use]
    pub fn has_statement_descriptor_suffix(&self) -> bool {
        self.request.statement_descriptor_suffix.is_some()
    }

    /// The line's idempotency key, when it has one.
    #[must_use]
    pub fn idempotency_key(&self) -> Option<&str> {
        self.request.idempotency_key.as_deref()
    }

    /// The [`KeyFingerprint`] of the line's request, when it has an idempotency key: the
    /// key's hash, and a hash of every other field but `id` (metadata in any order of its
    /// keys; [`FingerprintHasher`]), so that two lines with the same key and the same request are told from two
    /// with the same key and different requests.
    #[must_use]
    pub fn fingerprint(&self) -> Option<KeyFingerprint> {
        let key = self.request.idempotency_key.as_deref()?;
        // Each present field hashed with its position in the format (absent fields add
        // nothing: the positions keep two lines with different fields apart), apart, and
        // summed (`FingerprintHasher::field`). Written out field by field, not looped over an
        // array of them: each tag is then a constant, its seed folded at compile time, and an
        // absent field costs one test (the array and its loop cost about 130 instructions a
        // line).
        let r = &self.request;
        let mut sum = 0u64;
        add_field(&mut sum, 0, &self.op);
        add_field(&mut sum, 1, &self.amount);
        add_field(&mut sum, 2, &self.currency);
        add_field(&mut sum, 3, &self.card);
        add_field(&mut sum, 4, &self.customer_email);
        add_field(&mut sum, 5, &self.authorized_amount);
        add_field(&mut sum, 6, &self.authorized_at);
        add_field(&mut sum, 7, &self.at);
        add_field(&mut sum, 8, &self.brand);
        add_field(&mut sum, 9, &self.initiator);
        add_field(&mut sum, 10, &self.presence);
        add_field(&mut sum, 11, &self.capture_before);
        add_field(&mut sum, 12, &self.captured_amount);
        add_field(&mut sum, 13, &self.refunded_amount);
        add_field(&mut sum, 14, &r.statement_descriptor);
        add_field(&mut sum, 15, &r.statement_descriptor_suffix);
        add_field(&mut sum, 16, &r.description);
        if let Some(extended) = self.extended {
            sum = sum.wrapping_add(FingerprintHasher::field(0x80 | u64::from(extended), b""));
        }
        // Metadata in any order: the sum of each pair's own hash.
        let metadata = match &self.request.metadata {
            None => None,
            Some(MetadataText::Plain(_, summary)) => Some(summary.pairs_hash),
            Some(MetadataText::Pairs(pairs)) => Some(
                pairs
                    .iter()
                    .map(|(k, v)| pair_hash(k, v))
                    .fold(0u64, u64::wrapping_add),
            ),
            Some(MetadataText::NotString(_) | MetadataText::NotObject) => Some(u64::MAX),
        };
        if let Some(m) = metadata {
            sum = sum.wrapping_add(FingerprintHasher::field(0xFF, &m.to_le_bytes()));
        }
        let mut h = FingerprintHasher::default();
        h.write_u64(sum);
        Some(KeyFingerprint::new(key, h.finish()))
    }

    /// Records the line (number `line_no`) in a run's `ledger` when it has an idempotency
    /// key: `Ok(None)` for a new key, a warning for a retry (`idempotency_key_retried`) or
    /// for a key past the ledger's bound (`idempotency_keys_not_compared`, on the first such
    /// line only), an error for a key reused with other parameters (`idempotency_key_reused`),
    /// naming the earlier line ([rules §13](crate::rules#rules-13)).
    ///
    /// ```
    /// use stripe_gateway_rules::operation::OperationLine;
    /// use stripe_gateway_rules::request::IdempotencyLedger;
    ///
    /// let mut ledger = IdempotencyLedger::new(1000);
    /// let a = OperationLine::parse(r#"{"op":"void","idempotency_key":"k1"}"#).unwrap();
    /// let b = OperationLine::parse(r#"{"op":"refund","amount":"1.00","currency":"usd","captured_amount":"5.00","idempotency_key":"k1"}"#).unwrap();
    /// assert_eq!(a.record_key(&mut ledger, 1), Ok(None));
    /// let warning = a.record_key(&mut ledger, 2).unwrap().unwrap();
    /// assert_eq!(warning.code(), "idempotency_key_retried");
    /// let err = b.record_key(&mut ledger, 3).unwrap_err();
    /// assert_eq!(err.to_string(), "idempotency_key was used on line 1 with other parameters; Stripe refuses the later request");
    /// ```
    ///
    /// # Errors
    ///
    /// `idempotency_key_reused`, with the earlier line's number.
    pub fn record_key(
        &self,
        ledger: &mut IdempotencyLedger,
        line_no: u64,
    ) -> Result<Option<RequestError>, RequestError> {
        let Some(fingerprint) = self.fingerprint() else {
            return Ok(None);
        };
        let field = RequestField::IdempotencyKey;
        match ledger.record(fingerprint, line_no) {
            KeyVerdict::Reused { first_line } => {
                Err(RequestError::new(RequestCode::IdempotencyKeyReused, field)
                    .with_line(first_line))
            }
            KeyVerdict::Retry { first_line } => Ok(Some(
                RequestError::new(RequestCode::IdempotencyKeyRetried, field).with_line(first_line),
            )),
            KeyVerdict::NotCompared { first: true } => Ok(Some(
                RequestError::new(RequestCode::IdempotencyKeysNotCompared, field)
                    .with_length(0, ledger.len()),
            )),
            _ => Ok(None),
        }
    }
}
