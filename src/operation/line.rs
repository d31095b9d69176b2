//! The operations line format (JSON Lines), documented on [`OperationLine`].
//!
//! Parsing reads each line with a hand-written serde visitor into borrowed, typed fields:
//! no `serde_json::Value`, no owned string unless a value holds a JSON escape. Errors are
//! built from what the visitor saw (the field, the JSON type found) and the parser's
//! position, never from the parser's own message text, which can quote a value (a secret
//! pasted into the wrong field).

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

use jiff::Timestamp;
use rust_decimal::Decimal;
use serde::de::{self, DeserializeSeed, MapAccess, Visitor};

use super::{Capture, CardSource, Operation, Payment, Refund};
use crate::authorization::{Authorization, Initiator, Presence};
use crate::card_brand::CardBrand;
use crate::currency::{Currency, parse_currency};
use crate::money::{Money, parse_amount};
use crate::text::InputExcerpt;

/// One line of the operations format (JSON Lines, as a billing run's pre-flight reads it:
/// `stripe-gateway-rules check-payments`), parsed but not yet checked. Strings borrow from
/// the line unless they hold a JSON escape.
///
/// Each line is one JSON object; its `op` says what the operation is, and the other fields
/// depend on it:
///
/// ```text
/// {"op":"sale","amount":"12.00","currency":"USD","card":"new","customer_email":"a@shop.example"}
/// {"op":"authorize","amount":"12.00","currency":"USD","card":"saved"}
/// {"op":"capture","amount":"10.00","currency":"USD","authorized_amount":"10.00","authorized_at":"2026-11-01T10:00:00Z","at":"2026-11-07T09:00:00Z","brand":"visa","initiator":"customer","presence":"online","extended":false}
/// {"op":"refund","amount":"5.00","currency":"USD","captured_amount":"10.00","refunded_amount":"0.00"}
/// {"op":"void"}
/// {"op":"save_payment_method","customer_email":"a@shop.example"}
/// {"op":"delete_payment_method"}
/// ```
///
/// | field | ops | required | meaning |
/// | --- | --- | --- | --- |
/// | `op` | all | yes | `sale`, `authorize`, `capture`, `refund`, `void`, `save_payment_method`, `delete_payment_method` |
/// | `amount`, `currency` | sale, authorize, capture, refund | yes | a decimal string (`"12.00"`, exact: never a JSON number) and an ISO 4217 code (any case) |
/// | `card` | sale, authorize | yes | `new` (card details entered now) or `saved` (a stored token) |
/// | `customer_email` | sale, authorize, save_payment_method | no | the customer's email |
/// | `authorized_amount`, `authorized_at`, `at` | capture | yes | what was authorized, when (RFC 3339), and when the capture happens |
/// | `brand` | capture | no | the card brand (Stripe's API name); unknown means the shortest window |
/// | `initiator` | capture | no (`customer`) | `customer` or `merchant` |
/// | `presence` | capture | no (`online`) | `online` or `in_person` |
/// | `extended` | capture | no (`false`) | extended authorization, `true` or `false` |
/// | `capture_before` | capture | no | Stripe's `capture_before` (RFC 3339): overrides the window table |
/// | `captured_amount`, `refunded_amount` | refund | yes, `refunded_amount` defaults to 0 | what was captured and already refunded |
/// | `id` | all | no | the caller's own reference for the line, a string or a number; ignored by the checks (the tool echoes it in its answer) |
///
/// Rules of the format:
///
/// - A field that does not belong to the line's `op` is an error, and so is an unknown or
///   repeated field, so typos are caught. A field set to `null` counts as absent.
/// - Every value is a JSON string except `extended` (a boolean) and `id` (a string or a
///   number).
/// - Errors ([`LineError`], code `invalid_input`) say which field is wrong and what JSON type
///   it had, never its value: a secret pasted into the wrong field is not repeated. Where
///   input is echoed (an unknown field's name, an unknown `op`) it is a short excerpt cut
///   before anything that looks like a secret.
/// - The tool skips blank lines (they still count in line numbers); [`parse`](Self::parse)
///   itself refuses them.
///
/// ```
/// use stripe_gateway_rules::operation::OperationLine;
///
/// let line = OperationLine::parse(r#"{"op":"refund","amount":"5.00","currency":"usd","captured_amount":"10.00"}"#)?;
/// let op = line.operation()?;
/// assert_eq!(op.name(), "refund");
/// assert_eq!(OperationLine::parse("{\"op\":\"void\",\"amount\":\"1\"}")?.operation().unwrap_err().to_string(),
///            "invalid operation: amount does not belong to a void");
/// let err = OperationLine::parse(r#"{"op":"capture","extended":"sk_live_51Hx"}"#).unwrap_err();
/// assert_eq!(err.to_string(), "invalid operation: extended must be true or false, found a string (column 41)");
/// # Ok::<(), stripe_gateway_rules::operation::LineError>(())
/// ```
#[derive(Default)]
pub struct OperationLine<'a> {
    op: Option<Cow<'a, str>>,
    amount: Option<Cow<'a, str>>,
    currency: Option<Cow<'a, str>>,
    card: Option<Cow<'a, str>>,
    customer_email: Option<Cow<'a, str>>,
    authorized_amount: Option<Cow<'a, str>>,
    authorized_at: Option<Cow<'a, str>>,
    at: Option<Cow<'a, str>>,
    brand: Option<Cow<'a, str>>,
    initiator: Option<Cow<'a, str>>,
    presence: Option<Cow<'a, str>>,
    extended: Option<bool>,
    capture_before: Option<Cow<'a, str>>,
    captured_amount: Option<Cow<'a, str>>,
    refunded_amount: Option<Cow<'a, str>>,
    id: Option<LineId<'a>>,
}

/// The `id` of a line: the caller's reference, echoed as given.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LineId<'a> {
    /// A string id.
    Text(Cow<'a, str>),
    /// A number id, as written in the line (`42`, `-1`, `1.5`).
    Number(Cow<'a, str>),
}

/// A line that is not a valid operation: its refusal code is always `invalid_input`.
///
/// Its message is written by this crate from what was wrong (the field, the JSON type found,
/// the column), never copied from the JSON parser, and never holds a value from the line
/// beyond a short excerpt cut before anything secret-shaped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    message: String,
    field: Option<&'static str>,
    column: Option<usize>,
}

impl LineError {
    fn new(message: impl Into<String>) -> Self {
        LineError {
            message: message.into(),
            field: None,
            column: None,
        }
    }

    fn field(mut self, field: &'static str) -> Self {
        self.field = Some(field);
        self
    }

    /// `invalid_input`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        "invalid_input"
    }

    /// The field the error is about, when it is about one.
    #[must_use]
    pub fn field_name(&self) -> Option<&'static str> {
        self.field
    }

    /// The 1-based column (in bytes) where the JSON parser stopped, for a line that is not
    /// JSON of the format's shape.
    #[must_use]
    pub fn column(&self) -> Option<usize> {
        self.column
    }
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid operation: {}", self.message)?;
        if let Some(column) = self.column {
            write!(f, " (column {column})")?;
        }
        Ok(())
    }
}

impl std::error::Error for LineError {}

/// The JSON type of a value, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum JsonKind {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

impl JsonKind {
    fn with_article(self) -> &'static str {
        match self {
            JsonKind::Null => "null",
            JsonKind::Bool => "a boolean",
            JsonKind::Number => "a number",
            JsonKind::String => "a string",
            JsonKind::Array => "an array",
            JsonKind::Object => "an object",
        }
    }
}

/// What the visitor found wrong, recorded beside serde's error so the message is ours.
#[derive(Debug, Clone, Copy)]
enum Problem {
    NotObject(JsonKind),
    UnknownField(InputExcerpt),
    Duplicate(&'static str),
    WrongType {
        field: &'static str,
        expected: &'static str,
        found: JsonKind,
    },
    MissingOp,
}

const FIELDS: [&str; 16] = [
    "op",
    "amount",
    "currency",
    "card",
    "customer_email",
    "authorized_amount",
    "authorized_at",
    "at",
    "brand",
    "initiator",
    "presence",
    "extended",
    "capture_before",
    "captured_amount",
    "refunded_amount",
    "id",
];

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotObject(kind) => write!(
                f,
                "expected a JSON object such as {{\"op\":\"void\"}}, found {}",
                kind.with_article()
            ),
            Problem::UnknownField(name) => write!(
                f,
                "unknown field {name}; the fields are {}",
                FIELDS.join(", ")
            ),
            Problem::Duplicate(field) => write!(f, "{field} appears more than once"),
            Problem::WrongType {
                field,
                expected,
                found,
            } => write!(
                f,
                "{field} must be {expected}, found {}",
                found.with_article()
            ),
            Problem::MissingOp => write!(
                f,
                "op is missing; expected sale, authorize, capture, refund, void, save_payment_method or delete_payment_method"
            ),
        }
    }
}

/// Reads one value of a field: a string (borrowed when it has no escape), a boolean, or an id;
/// `null` is absent. Any other JSON type records a [`Problem::WrongType`].
struct ValueSeed<'p, T> {
    field: &'static str,
    problem: &'p Cell<Option<Problem>>,
    kind: std::marker::PhantomData<T>,
}

impl<'p, T> ValueSeed<'p, T> {
    fn new(field: &'static str, problem: &'p Cell<Option<Problem>>) -> Self {
        ValueSeed {
            field,
            problem,
            kind: std::marker::PhantomData,
        }
    }
}

/// The value types a field can hold.
trait FieldValue<'de>: Sized {
    const EXPECTED: &'static str;
    fn from_str(_v: Cow<'de, str>) -> Option<Self> {
        None
    }
    fn from_bool(_v: bool) -> Option<Self> {
        None
    }
    fn from_number(_v: Cow<'de, str>) -> Option<Self> {
        None
    }
}

impl<'de> FieldValue<'de> for Cow<'de, str> {
    const EXPECTED: &'static str = "a string";
    fn from_str(v: Cow<'de, str>) -> Option<Self> {
        Some(v)
    }
}

impl<'de> FieldValue<'de> for bool {
    const EXPECTED: &'static str = "true or false";
    fn from_bool(v: bool) -> Option<Self> {
        Some(v)
    }
}

impl<'de> FieldValue<'de> for LineId<'de> {
    const EXPECTED: &'static str = "a string or a number";
    fn from_str(v: Cow<'de, str>) -> Option<Self> {
        Some(LineId::Text(v))
    }
    fn from_number(v: Cow<'de, str>) -> Option<Self> {
        Some(LineId::Number(v))
    }
}

impl<'de, T: FieldValue<'de>> ValueSeed<'_, T> {
    fn wrong<E: de::Error>(&self, found: JsonKind) -> E {
        self.problem.set(Some(Problem::WrongType {
            field: self.field,
            expected: T::EXPECTED,
            found,
        }));
        E::custom("wrong type")
    }

    fn got<E: de::Error>(&self, value: Option<T>, found: JsonKind) -> Result<Option<T>, E> {
        match value {
            Some(v) => Ok(Some(v)),
            None => Err(self.wrong(found)),
        }
    }
}

impl<'de, T: FieldValue<'de>> DeserializeSeed<'de> for ValueSeed<'_, T> {
    type Value = Option<T>;

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, T: FieldValue<'de>> Visitor<'de> for ValueSeed<'_, T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTED)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        self.got(T::from_str(Cow::Borrowed(v)), JsonKind::String)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.got(T::from_str(Cow::Owned(v.to_owned())), JsonKind::String)
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        self.got(T::from_bool(v), JsonKind::Bool)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        self.got(T::from_number(Cow::Owned(v.to_string())), JsonKind::Number)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        self.got(T::from_number(Cow::Owned(v.to_string())), JsonKind::Number)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        self.got(T::from_number(Cow::Owned(v.to_string())), JsonKind::Number)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _seq: A) -> Result<Self::Value, A::Error> {
        Err(self.wrong(JsonKind::Array))
    }

    fn visit_map<A: MapAccess<'de>>(self, _map: A) -> Result<Self::Value, A::Error> {
        Err(self.wrong(JsonKind::Object))
    }
}

/// The index in [`FIELDS`] of a field name.
fn field_index(name: &str) -> Option<usize> {
    // A `match` on the names compiles to a switch on length and bytes.
    match name {
        "op" => Some(0),
        "amount" => Some(1),
        "currency" => Some(2),
        "card" => Some(3),
        "customer_email" => Some(4),
        "authorized_amount" => Some(5),
        "authorized_at" => Some(6),
        "at" => Some(7),
        "brand" => Some(8),
        "initiator" => Some(9),
        "presence" => Some(10),
        "extended" => Some(11),
        "capture_before" => Some(12),
        "captured_amount" => Some(13),
        "refunded_amount" => Some(14),
        "id" => Some(15),
        _ => None,
    }
}

/// Reads a key: the index of a known field, or records [`Problem::UnknownField`].
struct KeySeed<'p> {
    problem: &'p Cell<Option<Problem>>,
}

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = usize;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed<'_> {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
        let index = field_index(v);
        debug_assert!(index.is_none_or(|i| FIELDS[i] == v));
        match index {
            Some(i) => Ok(i),
            None => {
                self.problem
                    .set(Some(Problem::UnknownField(InputExcerpt::new(v))));
                Err(E::custom("unknown field"))
            }
        }
    }
}

/// Reads the line's object.
/// Reads the line's object into `line`, in place (the struct is large: moving it through
/// serde's return values would cost more than the parse).
struct LineVisitor<'p, 'l, 'de> {
    problem: &'p Cell<Option<Problem>>,
    line: &'l mut OperationLine<'de>,
}

impl LineVisitor<'_, '_, '_> {
    fn not_object<E: de::Error>(&self, kind: JsonKind) -> E {
        self.problem.set(Some(Problem::NotObject(kind)));
        E::custom("not an object")
    }
}

impl<'de> Visitor<'de> for LineVisitor<'_, '_, 'de> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let line = self.line;
        let mut seen = 0u32;
        let problem = self.problem;
        while let Some(i) = map.next_key_seed(KeySeed { problem })? {
            let field = FIELDS[i];
            if seen & (1 << i) != 0 {
                problem.set(Some(Problem::Duplicate(field)));
                return Err(de::Error::custom("duplicate field"));
            }
            seen |= 1 << i;
            let text =
                |map: &mut A| map.next_value_seed(ValueSeed::<Cow<'de, str>>::new(field, problem));
            match i {
                0 => line.op = text(&mut map)?,
                1 => line.amount = text(&mut map)?,
                2 => line.currency = text(&mut map)?,
                3 => line.card = text(&mut map)?,
                4 => line.customer_email = text(&mut map)?,
                5 => line.authorized_amount = text(&mut map)?,
                6 => line.authorized_at = text(&mut map)?,
                7 => line.at = text(&mut map)?,
                8 => line.brand = text(&mut map)?,
                9 => line.initiator = text(&mut map)?,
                10 => line.presence = text(&mut map)?,
                11 => {
                    line.extended = map.next_value_seed(ValueSeed::<bool>::new(field, problem))?
                }
                12 => line.capture_before = text(&mut map)?,
                13 => line.captured_amount = text(&mut map)?,
                14 => line.refunded_amount = text(&mut map)?,
                _ => {
                    line.id = map.next_value_seed(ValueSeed::<LineId<'de>>::new(field, problem))?
                }
            }
        }
        if line.op.is_none() {
            problem.set(Some(Problem::MissingOp));
            return Err(de::Error::custom("missing op"));
        }
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Err(self.not_object(JsonKind::Null))
    }

    fn visit_bool<E: de::Error>(self, _v: bool) -> Result<Self::Value, E> {
        Err(self.not_object(JsonKind::Bool))
    }

    fn visit_i64<E: de::Error>(self, _v: i64) -> Result<Self::Value, E> {
        Err(self.not_object(JsonKind::Number))
    }

    fn visit_u64<E: de::Error>(self, _v: u64) -> Result<Self::Value, E> {
        Err(self.not_object(JsonKind::Number))
    }

    fn visit_f64<E: de::Error>(self, _v: f64) -> Result<Self::Value, E> {
        Err(self.not_object(JsonKind::Number))
    }

    fn visit_str<E: de::Error>(self, _v: &str) -> Result<Self::Value, E> {
        Err(self.not_object(JsonKind::String))
    }

    fn visit_seq<A: de::SeqAccess<'de>>(self, _seq: A) -> Result<Self::Value, A::Error> {
        Err(self.not_object(JsonKind::Array))
    }
}

/// `Deserialize` through the same visitor: its errors carry this crate's words, not the
/// value that was wrong.
impl<'de: 'a, 'a> serde::Deserialize<'de> for OperationLine<'a> {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let problem = Cell::new(None);
        let mut line = OperationLine::default();
        deserializer
            .deserialize_any(LineVisitor {
                problem: &problem,
                line: &mut line,
            })
            .map_err(|e| match problem.get() {
                Some(p) => de::Error::custom(p),
                None => e,
            })?;
        Ok(line)
    }
}

/// JSON whitespace (RFC 8259): space, tab, line feed, carriage return.
fn skip_json_whitespace(bytes: &[u8], mut i: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(i) {
        i += 1;
    }
    i
}

/// The length of `bytes` up to its first `"`, `\\` or control character (below 0x20), eight
/// bytes at a time; `None` when there is none.
fn string_body_len(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // A byte of `x` is zero, below 0x20, or equal to a quote or a backslash: each test
        // sets the high bit of such a byte (and may set it above a byte that matched, never
        // below the first one, so the lowest set bit is exact).
        let quote = x ^ (ONES * u64::from(b'"'));
        let backslash = x ^ (ONES * u64::from(b'\\'));
        let found = (quote.wrapping_sub(ONES) & !quote
            | backslash.wrapping_sub(ONES) & !backslash
            | x.wrapping_sub(ONES * 0x20) & !x)
            & HIGHS;
        if found != 0 {
            return Some(offset + (found.trailing_zeros() / 8) as usize);
        }
        offset += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .map(|p| offset + p)
}

/// A JSON string at `i` without escapes or control characters: its text and the index after
/// its closing quote. `None` for anything else.
fn plain_json_string(line: &str, i: usize) -> Option<(&str, usize)> {
    let bytes = line.as_bytes();
    if bytes.get(i) != Some(&b'"') {
        return None;
    }
    let start = i + 1;
    let end = start + string_body_len(bytes.get(start..)?)?;
    // `end` is at an ASCII byte, so both ends are character boundaries.
    (bytes[end] == b'"').then(|| (&line[start..end], end + 1))
}

impl<'a> OperationLine<'a> {
    /// The common shape of a line, read without serde: one flat object of known, distinct
    /// fields with an `op`, string values without escapes (and `extended` as `true` or
    /// `false`). `None` for anything else (`null`, numbers, escapes, any error), which the
    /// serde visitor then reads, so results and errors are those of the visitor (a property
    /// test compares the two). `parsed` starts empty and is partly filled when it declines.
    fn parse_plain(line: &'a str, parsed: &mut Self) -> Option<()> {
        let bytes = line.as_bytes();
        let mut i = skip_json_whitespace(bytes, 0);
        if bytes.get(i) != Some(&b'{') {
            return None;
        }
        i = skip_json_whitespace(bytes, i + 1);
        let mut seen = 0u32;
        loop {
            let (key, next) = plain_json_string(line, i)?;
            let index = field_index(key)?;
            if seen & (1 << index) != 0 {
                return None;
            }
            seen |= 1 << index;
            i = skip_json_whitespace(bytes, next);
            if bytes.get(i) != Some(&b':') {
                return None;
            }
            i = skip_json_whitespace(bytes, i + 1);
            if index == 11 {
                let rest = bytes.get(i..)?;
                let (value, len) = if rest.starts_with(b"true") {
                    (true, 4)
                } else if rest.starts_with(b"false") {
                    (false, 5)
                } else {
                    return None;
                };
                parsed.extended = Some(value);
                i += len;
            } else {
                let (value, next) = plain_json_string(line, i)?;
                parsed.set_text(index, Cow::Borrowed(value));
                i = next;
            }
            i = skip_json_whitespace(bytes, i);
            match bytes.get(i)? {
                b',' => i = skip_json_whitespace(bytes, i + 1),
                b'}' => break,
                _ => return None,
            }
        }
        (skip_json_whitespace(bytes, i + 1) == bytes.len() && parsed.op.is_some()).then_some(())
    }

    /// Sets the text field at `index` in [`FIELDS`] (not `extended`, 11).
    fn set_text(&mut self, index: usize, value: Cow<'a, str>) {
        let slot = match index {
            0 => &mut self.op,
            1 => &mut self.amount,
            2 => &mut self.currency,
            3 => &mut self.card,
            4 => &mut self.customer_email,
            5 => &mut self.authorized_amount,
            6 => &mut self.authorized_at,
            7 => &mut self.at,
            8 => &mut self.brand,
            9 => &mut self.initiator,
            10 => &mut self.presence,
            12 => &mut self.capture_before,
            13 => &mut self.captured_amount,
            14 => &mut self.refunded_amount,
            _ => {
                self.id = Some(LineId::Text(value));
                return;
            }
        };
        *slot = Some(value);
    }
}

/// The fields each `op` takes besides `op`, as a mask over [`OperationLine::present`]'s order
/// (bit i: its i-th field).
fn allowed_fields(op: &str) -> Option<u16> {
    // Bits in `present()` order: amount 0, currency 1, card 2, customer_email 3,
    // authorized_amount 4, authorized_at 5, at 6, brand 7, initiator 8, presence 9,
    // extended 10, capture_before 11, captured_amount 12, refunded_amount 13.
    Some(match op {
        "sale" | "authorize" => 0b0000_0000_0000_1111,
        "capture" => 0b0000_1111_1111_0011,
        "refund" => 0b0011_0000_0000_0011,
        "save_payment_method" => 0b0000_0000_0000_1000,
        "void" | "delete_payment_method" => 0,
        _ => return None,
    })
}

impl<'a> OperationLine<'a> {
    /// Parses one line as JSON of the line format's shape.
    ///
    /// # Errors
    ///
    /// A [`LineError`] when the line is not a JSON object of that shape: blank, bad syntax, a
    /// value of the wrong JSON type, an unknown or repeated field, no `op`. Its message is
    /// this crate's own (see [`LineError`]).
    pub fn parse(line: &'a str) -> Result<Self, LineError> {
        // Filled in place: the struct is large, and moving it costs more than the fast path.
        let mut parsed = OperationLine::default();
        match Self::parse_plain(line, &mut parsed) {
            Some(()) => Ok(parsed),
            None => Self::parse_with_visitor(line),
        }
    }

    /// [`parse`](Self::parse) through the serde visitor, for every shape of line.
    fn parse_with_visitor(line: &'a str) -> Result<Self, LineError> {
        if line.trim_ascii().is_empty() {
            return Err(LineError::new("the line is blank; expected a JSON object"));
        }
        let problem = Cell::new(None);
        let mut de = serde_json::Deserializer::from_str(line);
        let mut parsed = OperationLine::default();
        de::Deserializer::deserialize_any(
            &mut de,
            LineVisitor {
                problem: &problem,
                line: &mut parsed,
            },
        )
        .and_then(|()| de.end())
        .map_err(|e| line_error(&e, problem.get()))?;
        Ok(parsed)
    }

    /// The line's `id`, the caller's own reference, when it has one.
    #[must_use]
    pub fn id(&self) -> Option<&LineId<'a>> {
        self.id.as_ref()
    }

    fn present(&self) -> [(&'static str, bool); 14] {
        [
            ("amount", self.amount.is_some()),
            ("currency", self.currency.is_some()),
            ("card", self.card.is_some()),
            ("customer_email", self.customer_email.is_some()),
            ("authorized_amount", self.authorized_amount.is_some()),
            ("authorized_at", self.authorized_at.is_some()),
            ("at", self.at.is_some()),
            ("brand", self.brand.is_some()),
            ("initiator", self.initiator.is_some()),
            ("presence", self.presence.is_some()),
            ("extended", self.extended.is_some()),
            ("capture_before", self.capture_before.is_some()),
            ("captured_amount", self.captured_amount.is_some()),
            ("refunded_amount", self.refunded_amount.is_some()),
        ]
    }

    /// The operation this line describes, borrowing the customer's email from it.
    ///
    /// # Errors
    ///
    /// A [`LineError`] for an unknown `op`, a field that does not belong to the `op`, a
    /// missing required field, or a value that does not parse (amount, currency, time, card,
    /// brand, initiator, presence).
    pub fn operation(&self) -> Result<Operation<'_>, LineError> {
        let op = self.op.as_deref().unwrap_or_default();
        let allowed = allowed_fields(op).ok_or_else(|| {
            LineError::new(format!(
                "unknown op {}; expected sale, authorize, capture, refund, void, save_payment_method or delete_payment_method",
                InputExcerpt::new(op)
            ))
            .field("op")
        })?;
        let present = self.present();
        let mut mask = 0u16;
        for (i, (_, is_present)) in present.iter().enumerate() {
            mask |= u16::from(*is_present) << i;
        }
        if mask & !allowed != 0 {
            // The first present field the op does not take, in `present()` order.
            let name = present[(mask & !allowed).trailing_zeros() as usize].0;
            let article = if op.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            return Err(
                LineError::new(format!("{name} does not belong to {article} {op}")).field(name),
            );
        }
        let email = self.customer_email.as_deref();
        // The currency is parsed once, when the first amount needs it (amounts are checked
        // first, so a line without either says the amount is missing).
        let currency = std::cell::OnceCell::new();
        let money = |name| self.money(name, &currency);
        Ok(match op {
            "sale" | "authorize" => {
                let mut payment = Payment::new(money("amount")?, self.card()?);
                payment.customer_email = email;
                if op == "sale" {
                    Operation::Sale(payment)
                } else {
                    Operation::Authorize(payment)
                }
            }
            "capture" => {
                let mut auth =
                    Authorization::new(time("authorized_at", self.authorized_at.as_deref())?)
                        .initiator(keyword(
                            "initiator",
                            self.initiator.as_deref(),
                            Initiator::Customer,
                        )?)
                        .presence(keyword(
                            "presence",
                            self.presence.as_deref(),
                            Presence::Online,
                        )?)
                        .extended(self.extended.unwrap_or(false));
                if self.brand.is_some() {
                    auth = auth.brand(keyword("brand", self.brand.as_deref(), CardBrand::Visa)?);
                }
                if let Some(t) = self.capture_before.as_deref() {
                    auth = auth.capture_before(time("capture_before", Some(t))?);
                }
                Operation::Capture(Capture::new(
                    money("amount")?,
                    money("authorized_amount")?,
                    auth,
                    time("at", self.at.as_deref())?,
                ))
            }
            "refund" => {
                let captured = money("captured_amount")?;
                let refunded = match self.refunded_amount {
                    Some(_) => money("refunded_amount")?,
                    None => Money::new(rust_decimal::Decimal::ZERO, captured.currency()),
                };
                Operation::Refund(Refund::new(money("amount")?, captured, refunded))
            }
            "void" => Operation::Void,
            "save_payment_method" => Operation::SavePaymentMethod {
                customer_email: email,
            },
            _ => Operation::DeletePaymentMethod,
        })
    }

    fn currency(&self) -> Result<Currency, LineError> {
        let code = self.currency.as_deref().ok_or_else(|| {
            LineError::new(format!("currency is required for {}", self.op_name())).field("currency")
        })?;
        parse_currency(code).map_err(|e| LineError::new(format!("currency: {e}")).field("currency"))
    }

    fn op_name(&self) -> &str {
        self.op.as_deref().unwrap_or_default()
    }

    /// The amount field `name` in the line's currency.
    fn money(
        &self,
        name: &'static str,
        currency: &std::cell::OnceCell<Currency>,
    ) -> Result<Money, LineError> {
        let field = match name {
            "amount" => &self.amount,
            "authorized_amount" => &self.authorized_amount,
            "captured_amount" => &self.captured_amount,
            _ => &self.refunded_amount,
        };
        let text = field.as_deref().ok_or_else(|| {
            LineError::new(format!("{name} is required for {}", self.op_name())).field(name)
        })?;
        let amount = match plain_amount(text) {
            Some(amount) => amount,
            None => parse_amount(text)
                .map_err(|e| LineError::new(format!("{name}: {e}")).field(name))?,
        };
        let currency = match currency.get() {
            Some(c) => *c,
            None => {
                let parsed = self.currency()?;
                let _ = currency.set(parsed);
                parsed
            }
        };
        Ok(Money::new(amount, currency))
    }

    fn card(&self) -> Result<CardSource, LineError> {
        match self.card.as_deref() {
            Some("new") => Ok(CardSource::New),
            Some("saved") => Ok(CardSource::Saved),
            Some(other) => Err(LineError::new(format!(
                "card: expected new or saved, found {}",
                InputExcerpt::new(other)
            ))
            .field("card")),
            None => Err(
                LineError::new(format!("card is required for {}", self.op_name())).field("card"),
            ),
        }
    }
}

fn time(name: &'static str, text: Option<&str>) -> Result<Timestamp, LineError> {
    let text =
        text.ok_or_else(|| LineError::new(format!("{name} is required for capture")).field(name))?;
    if let Some(time) = plain_utc_time(text) {
        return Ok(time);
    }
    text.parse().map_err(|_| {
        LineError::new(format!(
            "{name}: expected an RFC 3339 time such as 2026-11-01T10:00:00Z, found {}",
            InputExcerpt::new(text)
        ))
        .field(name)
    })
}

/// [`parse_amount`]'s answer for the common plain form, without its general parser: at most
/// 19 ASCII digits with at most one inner `.` (`123.45`, `500`). `None` for anything else
/// (a sign, more digits, any other character), which `parse_amount` then reads, so results
/// and errors are the same. The mantissa and scale are those `Decimal::from_str_exact` gives
/// (a test compares the two on every shape).
fn plain_amount(text: &str) -> Option<Decimal> {
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes.len() > 19 {
        return None;
    }
    let mut mantissa = 0u64;
    let mut scale = None;
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'0'..=b'9' => mantissa = mantissa * 10 + u64::from(b - b'0'),
            b'.' if scale.is_none() && i > 0 && i + 1 < bytes.len() => {
                scale = Some(bytes.len() - 1 - i);
            }
            _ => return None,
        }
    }
    // At most 19 digits: below 10^19 < 2^64, so no overflow above; the scale is at most 17.
    let scale = u32::try_from(scale.unwrap_or(0)).ok()?;
    Some(Decimal::from_parts(
        mantissa as u32,
        (mantissa >> 32) as u32,
        0,
        false,
        scale,
    ))
}

/// The common form of an RFC 3339 time, `YYYY-MM-DDTHH:MM:SSZ` (uppercase `T` and `Z`, years
/// 1000 to 9998, seconds below 60), read without jiff's general parser. `None` for anything
/// else (another form, or a date that does not exist), which jiff then reads, so results and
/// errors are the same (a test compares the two).
fn plain_utc_time(text: &str) -> Option<Timestamp> {
    let b: &[u8; 20] = text.as_bytes().try_into().ok()?;
    if b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    if b[19] != b'Z' {
        return None;
    }
    let number = |from: usize, to: usize| -> Option<i64> {
        b[from..to].iter().try_fold(0i64, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + i64::from(d - b'0'))
        })
    };
    let (year, month, day) = (number(0, 4)?, number(5, 7)?, number(8, 10)?);
    let (hour, minute, second) = (number(11, 13)?, number(14, 16)?, number(17, 19)?);
    if !(1000..=9998).contains(&year) || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day < 1 || day > days_in_month {
        return None;
    }
    // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    Timestamp::from_second(days * 86_400 + hour * 3_600 + minute * 60 + second).ok()
}

/// Parses an optional keyword field, `default` when absent.
fn keyword<T>(name: &'static str, text: Option<&str>, default: T) -> Result<T, LineError>
where
    T: std::str::FromStr,
    T::Err: fmt::Display,
{
    text.map_or(Ok(default), |t| {
        t.parse()
            .map_err(|e| LineError::new(format!("{name}: {e}")).field(name))
    })
}

/// A parse error in this crate's words: what the visitor recorded, else the parser's error
/// category; the column always.
fn line_error(e: &serde_json::Error, problem: Option<Problem>) -> LineError {
    use serde_json::error::Category;
    let (message, field) = match problem {
        Some(p) => {
            let field = match p {
                Problem::Duplicate(f) | Problem::WrongType { field: f, .. } => Some(f),
                Problem::MissingOp => Some("op"),
                Problem::NotObject(_) | Problem::UnknownField(_) => None,
            };
            (p.to_string(), field)
        }
        None => (
            match e.classify() {
                Category::Eof => "the line ends before its JSON object does",
                Category::Syntax => "the line is not valid JSON",
                _ => "the line is not a JSON object of the operations format",
            }
            .to_owned(),
            None,
        ),
    };
    LineError {
        message,
        field,
        column: Some(e.column()),
    }
}

/// `Debug` for a text field of a line: guarded, so a secret pasted into it shows only its
/// prefix.
struct Guarded<'b>(&'b Option<Cow<'b, str>>);

impl std::fmt::Debug for Guarded<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0 {
            None => f.write_str("None"),
            Some(text) => f
                .debug_tuple("Some")
                .field(&crate::text::GuardedText(text))
                .finish(),
        }
    }
}

impl std::fmt::Debug for OperationLine<'_> {
    /// Every text field guarded: a line is input, and may hold a secret.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OperationLine")
            .field("op", &Guarded(&self.op))
            .field("amount", &Guarded(&self.amount))
            .field("currency", &Guarded(&self.currency))
            .field("card", &Guarded(&self.card))
            .field("customer_email", &Guarded(&self.customer_email))
            .field("authorized_amount", &Guarded(&self.authorized_amount))
            .field("authorized_at", &Guarded(&self.authorized_at))
            .field("at", &Guarded(&self.at))
            .field("brand", &Guarded(&self.brand))
            .field("initiator", &Guarded(&self.initiator))
            .field("presence", &Guarded(&self.presence))
            .field("extended", &self.extended)
            .field("capture_before", &Guarded(&self.capture_before))
            .field("captured_amount", &Guarded(&self.captured_amount))
            .field("refunded_amount", &Guarded(&self.refunded_amount))
            .field("id", &self.id)
            .finish()
    }
}

impl std::fmt::Debug for LineId<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LineId::Text(text) => f
                .debug_tuple("Text")
                .field(&crate::text::GuardedText(text))
                .finish(),
            LineId::Number(n) => f.debug_tuple("Number").field(n).finish(),
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::{FIELDS, OperationLine};

    /// A secret-looking value: a live secret key with a random body.
    fn secret() -> impl Strategy<Value = String> {
        "[A-Za-z0-9]{16,40}".prop_map(|body| format!("sk_live_{body}"))
    }

    /// A value of any JSON type holding `secret`.
    fn wrapped(secret: &str, shape: u8) -> String {
        match shape % 5 {
            0 => format!("\"{secret}\""),
            1 => format!("[\"{secret}\"]"),
            2 => format!("{{\"{secret}\":1}}"),
            3 => format!("\"\\u0073{}\"", &secret[1..]),
            _ => secret.to_owned(),
        }
    }

    proptest! {
        /// Issue 9: whatever field a secret is pasted into, in whatever JSON type, the line's
        /// error never holds the secret's body: the messages are the crate's, never serde's.
        #[test]
        fn no_line_error_holds_a_pasted_secret(
            secret in secret(),
            field in 0..FIELDS.len(),
            shape in any::<u8>(),
            op in prop::sample::select(vec!["sale", "authorize", "capture", "refund", "void"]),
        ) {
            let body = &secret["sk_live_".len()..];
            let value = wrapped(&secret, shape);
            for line in [
                format!("{{\"op\":\"{op}\",\"{}\":{value}}}", FIELDS[field]),
                format!("{{\"op\":\"{op}\",\"{secret}\":true}}"),
                format!("{{\"op\":{value}}}"),
                value.clone(),
            ] {
                let error = match OperationLine::parse(&line) {
                    Err(e) => e,
                    Ok(parsed) => match parsed.operation() {
                        Err(e) => e,
                        Ok(_) => continue,
                    },
                };
                let text = format!("{error} {error:?}");
                prop_assert!(!text.contains(body), "{line}: {text}");
                prop_assert!(!text.contains("invalid type"), "{line}: {text}");
            }
        }
    }

    /// Issue 13: the allowed-field masks say what the format's table says (the fields each
    /// `op` takes besides `op`), in `present()` order.
    #[test]
    fn allowed_field_masks_match_the_format_table() {
        let table: [(&str, &[&str]); 7] = [
            ("sale", &["amount", "currency", "card", "customer_email"]),
            (
                "authorize",
                &["amount", "currency", "card", "customer_email"],
            ),
            (
                "capture",
                &[
                    "amount",
                    "currency",
                    "authorized_amount",
                    "authorized_at",
                    "at",
                    "brand",
                    "initiator",
                    "presence",
                    "extended",
                    "capture_before",
                ],
            ),
            (
                "refund",
                &["amount", "currency", "captured_amount", "refunded_amount"],
            ),
            ("save_payment_method", &["customer_email"]),
            ("void", &[]),
            ("delete_payment_method", &[]),
        ];
        let order = OperationLine::default().present().map(|(name, _)| name);
        for (op, fields) in table {
            let mask = super::allowed_fields(op).unwrap();
            for (i, name) in order.iter().enumerate() {
                assert_eq!(mask & (1 << i) != 0, fields.contains(name), "{op} {name}");
            }
            assert_eq!(mask >> order.len(), 0, "{op}");
        }
        assert_eq!(super::allowed_fields("refunds"), None);
    }

    proptest! {
        /// Issue 13: the plain-amount fast path gives exactly `parse_amount`'s decimal
        /// (mantissa, scale and sign: the 16 bytes of its representation) wherever it answers,
        /// and answers for every plain `digits[.digits]` of at most 19 characters.
        #[test]
        fn plain_amount_is_parse_amount(text in "-?[0-9]{0,20}(\\.[0-9]{0,20})?|[0-9.+e -]{0,6}") {
            let fast = super::plain_amount(&text);
            let slow = crate::money::parse_amount(&text);
            if let Some(fast) = fast {
                prop_assert_eq!(Ok(fast.serialize()), slow.map(|d| d.serialize()), "{}", text);
            } else {
                let plain = !text.is_empty()
                    && text.len() <= 19
                    && text.bytes().filter(|&b| b == b'.').count() <= 1
                    && text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                    && !text.starts_with('.')
                    && !text.ends_with('.');
                prop_assert!(!plain, "{} has the plain form but took the slow path", text);
            }
        }

        /// Issue 13: the `YYYY-MM-DDTHH:MM:SSZ` fast path gives exactly jiff's instant
        /// wherever it answers, including invalid dates (which it leaves to jiff), and it
        /// answers for every valid time of that form from 1000 to 9998.
        #[test]
        fn plain_utc_time_is_jiffs(
            year in prop_oneof![0i64..10_000, 1968i64..2104],
            month in 0i64..14,
            day in 0i64..33,
            hour in 0i64..25,
            minute in 0i64..61,
            second in 0i64..61,
            suffix in prop::sample::select(vec!["Z", "z", "+00:00", "Z ", ""]),
        ) {
            let text = format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{suffix}");
            let slow = text.parse::<jiff::Timestamp>().ok();
            match super::plain_utc_time(&text) {
                Some(fast) => prop_assert_eq!(Some(fast), slow, "{}", text),
                None => prop_assert!(
                    slow.is_none() || suffix != "Z" || !(1000..=9998).contains(&year) || second == 60,
                    "{} is valid and plain but took the slow path", text
                ),
            }
        }
    }

    /// Every field of a parsed line, for comparing two parses.
    fn fields<'a>(l: &'a OperationLine<'_>) -> (Vec<Option<&'a str>>, Option<bool>, String) {
        let texts = [
            &l.op,
            &l.amount,
            &l.currency,
            &l.card,
            &l.customer_email,
            &l.authorized_amount,
            &l.authorized_at,
            &l.at,
            &l.brand,
            &l.initiator,
            &l.presence,
            &l.capture_before,
            &l.captured_amount,
            &l.refunded_amount,
        ];
        let id = match &l.id {
            None => "none".to_owned(),
            Some(super::LineId::Text(t)) => format!("text {t}"),
            Some(super::LineId::Number(n)) => format!("number {n}"),
        };
        (texts.iter().map(|t| t.as_deref()).collect(), l.extended, id)
    }

    /// The serde visitor alone (what `parse` does when the fast path declines).
    fn parse_with_serde(line: &str) -> Result<OperationLine<'_>, String> {
        OperationLine::parse_with_visitor(line).map_err(|e| e.to_string())
    }

    /// A line built from pieces that are mostly of the plain shape, with whitespace, escapes,
    /// other JSON types, duplicates, unknown fields and cut-offs mixed in.
    fn line_strategy() -> impl Strategy<Value = String> {
        let key = prop_oneof![
            8 => prop::sample::select(FIELDS.to_vec()).prop_map(str::to_owned),
            1 => Just("opp".to_owned()),
            1 => Just("o\\u0070".to_owned()),
        ];
        let value = prop_oneof![
            6 => "[a-z0-9 .:@_-]{0,12}".prop_map(|v| format!("\"{v}\"")),
            1 => Just("\"a\\\"b\"".to_owned()),
            1 => Just("\"x\ty\"".to_owned()),
            1 => Just("\"caf\u{e9}\"".to_owned()),
            1 => prop::sample::select(vec!["true", "false", "null", "12", "-1.50", "[]", "{}", "tru"])
                .prop_map(str::to_owned),
        ];
        let ws = prop::sample::select(vec!["", "", "", " ", "\t", "\r\n", "\u{a0}"]);
        let member = (key, ws.clone(), value, ws.clone())
            .prop_map(|(k, w1, v, w2)| format!("\"{k}\"{w1}:{w2}{v}"));
        (
            ws.clone(),
            prop::sample::select(vec!["sale", "capture", "void", "refund"]),
            prop::collection::vec(member, 0..6),
            ws,
            prop::sample::select(vec!["", "", "", "x", ",", "}", "{"]),
            any::<prop::sample::Index>(),
            any::<bool>(),
        )
            .prop_map(|(w, op, members, w2, tail, cut, do_cut)| {
                let mut line = format!("{w}{{\"op\":\"{op}\"");
                for m in members {
                    line.push(',');
                    line.push_str(&m);
                }
                line.push_str(&format!("}}{w2}{tail}"));
                if do_cut {
                    let mut at = cut.index(line.len() + 1);
                    while !line.is_char_boundary(at) {
                        at -= 1;
                    }
                    line.truncate(at);
                }
                line
            })
    }

    proptest! {
        /// Issue 13: the serde-free fast path, where it answers, gives exactly the fields the
        /// serde visitor gives; where it declines, `parse` is the visitor. Either way `parse`
        /// and the visitor agree, results and errors.
        #[test]
        fn plain_parse_is_the_serde_visitors(line in line_strategy()) {
            let serde = parse_with_serde(&line);
            let mut fast = OperationLine::default();
            if OperationLine::parse_plain(&line, &mut fast).is_some() {
                let serde = serde.as_ref();
                prop_assert!(serde.is_ok(), "{}: fast path accepted, serde: {:?}", line, serde.err());
                prop_assert_eq!(fields(&fast), fields(serde.unwrap()), "{}", line);
            }
            match (OperationLine::parse(&line), &serde) {
                (Ok(a), Ok(b)) => prop_assert_eq!(fields(&a), fields(b)),
                (Err(a), Err(b)) => prop_assert_eq!(&a.to_string(), b),
                (a, b) => prop_assert!(false, "{}: parse {:?}, serde {:?}", line, a.map(|l| format!("{:?}", fields(&l))), b.as_ref().map(|l| format!("{:?}", fields(l)))),
            }
        }
    }

    proptest! {
        /// Issue 13: the eight-bytes-at-a-time scan stops where a byte-by-byte scan does, at
        /// the first quote, backslash or control character, for any bytes (UTF-8 included).
        #[test]
        fn string_body_len_is_the_first_stop(
            bytes in prop::collection::vec(
                prop_oneof![
                    4 => 0x20u8..0x7f,
                    1 => Just(b'"'),
                    1 => Just(b'\\'),
                    1 => 0u8..0x20,
                    1 => 0x7fu8..=0xff,
                ],
                0..40,
            ),
        ) {
            let expected = bytes.iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20);
            prop_assert_eq!(super::string_body_len(&bytes), expected, "{:?}", bytes);
        }
    }

    /// Issue 13: the example file's lines all take the fast path (none is refused by it).
    #[test]
    fn the_documented_lines_take_the_fast_path() {
        for line in include_str!("../../examples/operations.jsonl").lines() {
            if parse_with_serde(line).is_ok() {
                let mut fast = OperationLine::default();
                assert!(
                    OperationLine::parse_plain(line, &mut fast).is_some(),
                    "{line}"
                );
                assert_eq!(fields(&fast), fields(&parse_with_serde(line).unwrap()));
            }
        }
    }

    /// Issue 14: a JSON `null` line names no Rust type.
    #[test]
    fn a_null_line_is_worded_for_an_operator() {
        let e = OperationLine::parse("null").unwrap_err();
        assert_eq!(
            e.to_string(),
            "invalid operation: expected a JSON object such as {\"op\":\"void\"}, found null (column 4)"
        );
    }
}
