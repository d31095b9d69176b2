//! The operations line format (JSON Lines), documented on [`OperationLine`].
//!
//! Parsing reads each line with a hand-written serde visitor into borrowed, typed fields:
//! no `serde_json::Value`, no owned string unless a value holds a JSON escape. Errors are
//! built from what the visitor saw (the field, the JSON type found) and the parser's
//! position, never from the parser's own message text, which can quote a value (a secret
//! pasted into the wrong field).

mod convert;
mod debug;
mod errors;
mod id;
mod request;
mod scan;
#[cfg(test)]
mod tests;
mod visitor;

pub use errors::LineError;
use errors::line_error;
use visitor::LineVisitor;

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
/// | `brand` | sale, authorize, capture, refund | no | the card's brand (Stripe's API name): the account's limits for that brand apply; for a capture, unknown means the shortest window |
/// | `initiator` | capture | no (`customer`) | `customer` or `merchant` |
/// | `presence` | capture | no (`online`) | `online` or `in_person` |
/// | `extended` | capture | no (`false`) | extended authorization, `true` or `false` |
/// | `capture_before` | capture | no | Stripe's `capture_before` (RFC 3339): overrides the window table |
/// | `captured_amount`, `refunded_amount` | refund | yes, `refunded_amount` defaults to 0 | what was captured and already refunded |
/// | `id` | all | no | the caller's own reference for the line, a string or a number; ignored by the checks (the tool echoes it in its answer) |
/// | `statement_descriptor` | sale, authorize, capture | no | refused on a card payment since 2024-01-02 (`descriptor_on_card_payment`): send `statement_descriptor_suffix` |
/// | `statement_descriptor_suffix` | sale, authorize, capture | no | the payment's dynamic suffix: a letter, Latin characters, none of `<>\'"*`, and the account's prefix + `* ` + suffix in 22 characters |
/// | `description` | sale, authorize, save_payment_method | no | at most 1,000 characters |
/// | `metadata` | sale, authorize, capture, refund, save_payment_method | no | a JSON object of strings: at most 50 keys, keys of 1 to 40 characters without `[` `]`, values of at most 500 |
/// | `idempotency_key` | all | no | Stripe's `Idempotency-Key`, 1 to 255 characters; in a run, a key reused with other parameters is refused on the later line |
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
///   before anything that looks like a secret; a misspelt field gets "did you mean". An
///   amount beyond what any decimal holds is `amount_too_large` (`amount_not_positive` when
///   negative), the rule's code.
/// - A line that does not parse may still have an `id`: [`scan_id`](Self::scan_id) finds it.
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
    request: request::RequestText<'a>,
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

const FIELDS: [&str; 21] = [
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
    "statement_descriptor",
    "statement_descriptor_suffix",
    "description",
    "metadata",
    "idempotency_key",
];

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
        "statement_descriptor" => Some(16),
        "statement_descriptor_suffix" => Some(17),
        "description" => Some(18),
        "metadata" => Some(19),
        "idempotency_key" => Some(20),
        _ => None,
    }
}

impl OperationLine<'_> {
    /// Every field name of the line format, in the order of the table above.
    pub const FIELDS: &'static [&'static str] = &FIELDS;
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
        // Filled in place: the struct is large (about 540 bytes), and each move of it is a
        // copy. One value returned on both paths, so that it is built where the caller wants
        // it.
        let mut result = Ok(OperationLine::default());
        if let Ok(parsed) = &mut result
            && Self::parse_plain(line, parsed).is_none()
        {
            result = Self::parse_with_visitor(line);
        }
        result
    }

    /// [`parse`](Self::parse) of a line as read from a byte stream: the same results, and a
    /// [`LineError`] for bytes that are not UTF-8, at the column of the first invalid byte.
    ///
    /// ```
    /// use stripe_gateway_rules::operation::OperationLine;
    ///
    /// let line = OperationLine::parse_bytes(br#"{"op":"void"}"#)?;
    /// assert_eq!(line.operation()?.name(), "void");
    /// let err = OperationLine::parse_bytes(b"{\"op\":\"v\xffid\"}").unwrap_err();
    /// assert_eq!(err.to_string(), "invalid operation: the line is not UTF-8 text (column 9)");
    /// # Ok::<(), stripe_gateway_rules::operation::LineError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`parse`](Self::parse), and for bytes that are not UTF-8.
    pub fn parse_bytes(line: &'a [u8]) -> Result<Self, LineError> {
        match core::str::from_utf8(line) {
            Ok(text) => Self::parse(text),
            Err(e) => {
                Err(LineError::new("the line is not UTF-8 text").at_column(e.valid_up_to() + 1))
            }
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

    /// The fields present besides `op` and `id`, as a mask: bit i is `FIELDS[i + 1]`
    /// (`amount` 0, `currency` 1, … `refunded_amount` 13).
    fn present(&self) -> u16 {
        [
            self.amount.is_some(),
            self.currency.is_some(),
            self.card.is_some(),
            self.customer_email.is_some(),
            self.authorized_amount.is_some(),
            self.authorized_at.is_some(),
            self.at.is_some(),
            self.brand.is_some(),
            self.initiator.is_some(),
            self.presence.is_some(),
            self.extended.is_some(),
            self.capture_before.is_some(),
            self.captured_amount.is_some(),
            self.refunded_amount.is_some(),
        ]
        .iter()
        .rev()
        .fold(0, |mask, &present| mask << 1 | u16::from(present))
    }
}
