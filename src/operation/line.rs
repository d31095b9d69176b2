//! The operations line format: one JSON object per line, as a billing run's pre-flight reads
//! them (`examples/check_payments.rs`).
//!
//! ```text
//! {"op":"sale","amount":"12.00","currency":"USD","card":"new","customer_email":"a@shop.example"}
//! {"op":"authorize","amount":"12.00","currency":"USD","card":"saved"}
//! {"op":"capture","amount":"10.00","currency":"USD","authorized_amount":"10.00","authorized_at":"2026-11-01T10:00:00Z","at":"2026-11-07T09:00:00Z","brand":"visa","initiator":"customer","presence":"online","extended":false}
//! {"op":"refund","amount":"5.00","currency":"USD","captured_amount":"10.00","refunded_amount":"0.00"}
//! {"op":"void"}
//! {"op":"save_payment_method","customer_email":"a@shop.example"}
//! {"op":"delete_payment_method"}
//! ```
//!
//! | field | ops | required | meaning |
//! | --- | --- | --- | --- |
//! | `op` | all | yes | `sale`, `authorize`, `capture`, `refund`, `void`, `save_payment_method`, `delete_payment_method` |
//! | `amount`, `currency` | sale, authorize, capture, refund | yes | a decimal string and an ISO 4217 code (any case) |
//! | `card` | sale, authorize | yes | `new` (card details entered now) or `saved` (a stored token) |
//! | `customer_email` | sale, authorize, save_payment_method | no | the customer's email |
//! | `authorized_amount`, `authorized_at`, `at` | capture | yes | what was authorized, when (RFC 3339), and when the capture happens |
//! | `brand` | capture | no | the card brand (Stripe's API name); unknown means the shortest window |
//! | `initiator` | capture | no (`customer`) | `customer` or `merchant` |
//! | `presence` | capture | no (`online`) | `online` or `in_person` |
//! | `extended` | capture | no (`false`) | extended authorization |
//! | `capture_before` | capture | no | Stripe's `capture_before` (RFC 3339): overrides the window table |
//! | `captured_amount`, `refunded_amount` | refund | yes, `refunded_amount` defaults to 0 | what was captured and already refunded |
//!
//! A field that does not belong to the line's `op` is an error, so typos are caught.
//!
//! ```
//! use stripe_gateway_rules::operation::OperationLine;
//!
//! let line = OperationLine::parse(r#"{"op":"refund","amount":"5.00","currency":"usd","captured_amount":"10.00"}"#)?;
//! let op = line.operation()?;
//! assert_eq!(op.name(), "refund");
//! assert_eq!(OperationLine::parse("{\"op\":\"void\",\"amount\":\"1\"}")?.operation().unwrap_err().to_string(),
//!            "invalid operation: amount does not belong to a void");
//! # Ok::<(), stripe_gateway_rules::operation::LineError>(())
//! ```

use std::borrow::Cow;
use std::fmt;

use jiff::Timestamp;

use super::{Capture, CardSource, Operation, Payment, Refund};
use crate::authorization::{Authorization, Initiator, Presence};
use crate::card_brand::CardBrand;
use crate::currency::{Currency, parse_currency};
use crate::money::{Money, parse_amount};

/// One line of the operations format, parsed as JSON but not yet checked. Strings borrow from
/// the line where they can.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OperationLine<'a> {
    #[serde(borrow)]
    op: Cow<'a, str>,
    #[serde(borrow, default)]
    amount: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    currency: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    card: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    customer_email: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    authorized_amount: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    authorized_at: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    at: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    brand: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    initiator: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    presence: Option<Cow<'a, str>>,
    #[serde(default)]
    extended: Option<bool>,
    #[serde(borrow, default)]
    capture_before: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    captured_amount: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    refunded_amount: Option<Cow<'a, str>>,
}

/// A line that is not a valid operation: its refusal code is always `invalid_input`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    message: String,
}

impl LineError {
    fn new(message: impl Into<String>) -> Self {
        LineError {
            message: message.into(),
        }
    }

    /// `invalid_input`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        "invalid_input"
    }
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid operation: {}", self.message)
    }
}

impl std::error::Error for LineError {}

/// The fields each `op` takes besides `op`.
fn allowed_fields(op: &str) -> Option<&'static [&'static str]> {
    Some(match op {
        "sale" | "authorize" => &["amount", "currency", "card", "customer_email"],
        "capture" => &[
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
        "refund" => &["amount", "currency", "captured_amount", "refunded_amount"],
        "save_payment_method" => &["customer_email"],
        "void" | "delete_payment_method" => &[],
        _ => return None,
    })
}

impl<'a> OperationLine<'a> {
    /// Parses one line as JSON of the line format's shape.
    ///
    /// # Errors
    ///
    /// A [`LineError`] when the line is not a JSON object of that shape: bad syntax, a value
    /// of the wrong JSON type, an unknown field, no `op`.
    pub fn parse(line: &'a str) -> Result<Self, LineError> {
        serde_json::from_str(line).map_err(|e| {
            let full = e.to_string();
            let message = full
                .rfind(" at line ")
                .map_or(full.as_str(), |i| &full[..i]);
            LineError::new(format!("{message} (column {})", e.column()))
        })
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
        let op = self.op.as_ref();
        let allowed = allowed_fields(op).ok_or_else(|| {
            LineError::new(format!(
                "unknown op {}; expected sale, authorize, capture, refund, void, save_payment_method or delete_payment_method",
                crate::text::InputExcerpt::new(op)
            ))
        })?;
        if let Some((name, _)) = self
            .present()
            .into_iter()
            .find(|(name, present)| *present && !allowed.contains(name))
        {
            let article = if op.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            return Err(LineError::new(format!(
                "{name} does not belong to {article} {op}"
            )));
        }
        let email = self.customer_email.as_deref();
        Ok(match op {
            "sale" | "authorize" => {
                let mut payment = Payment::new(self.money("amount")?, self.card()?);
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
                    self.money("amount")?,
                    self.money("authorized_amount")?,
                    auth,
                    time("at", self.at.as_deref())?,
                ))
            }
            "refund" => {
                let captured = self.money("captured_amount")?;
                let refunded = match self.refunded_amount {
                    Some(_) => self.money("refunded_amount")?,
                    None => Money::new(rust_decimal::Decimal::ZERO, captured.currency()),
                };
                Operation::Refund(Refund::new(self.money("amount")?, captured, refunded))
            }
            "void" => Operation::Void,
            "save_payment_method" => Operation::SavePaymentMethod {
                customer_email: email,
            },
            _ => Operation::DeletePaymentMethod,
        })
    }

    fn currency(&self) -> Result<Currency, LineError> {
        let code = self
            .currency
            .as_deref()
            .ok_or_else(|| LineError::new(format!("currency is required for {}", self.op)))?;
        parse_currency(code).map_err(|e| LineError::new(format!("currency: {e}")))
    }

    /// The amount field `name` in the line's currency.
    fn money(&self, name: &str) -> Result<Money, LineError> {
        let field = match name {
            "amount" => &self.amount,
            "authorized_amount" => &self.authorized_amount,
            "captured_amount" => &self.captured_amount,
            _ => &self.refunded_amount,
        };
        let text = field
            .as_deref()
            .ok_or_else(|| LineError::new(format!("{name} is required for {}", self.op)))?;
        let amount = parse_amount(text).map_err(|e| LineError::new(format!("{name}: {e}")))?;
        Ok(Money::new(amount, self.currency()?))
    }

    fn card(&self) -> Result<CardSource, LineError> {
        match self.card.as_deref() {
            Some("new") => Ok(CardSource::New),
            Some("saved") => Ok(CardSource::Saved),
            Some(other) => Err(LineError::new(format!(
                "card: expected new or saved, found {}",
                crate::text::InputExcerpt::new(other)
            ))),
            None => Err(LineError::new(format!("card is required for {}", self.op))),
        }
    }
}

fn time(name: &str, text: Option<&str>) -> Result<Timestamp, LineError> {
    let text = text.ok_or_else(|| LineError::new(format!("{name} is required for capture")))?;
    text.parse().map_err(|e| {
        LineError::new(format!(
            "{name}: expected an RFC 3339 time such as 2026-11-01T10:00:00Z, found {} ({e})",
            crate::text::InputExcerpt::new(text)
        ))
    })
}

/// Parses an optional keyword field, `default` when absent.
fn keyword<T>(name: &str, text: Option<&str>, default: T) -> Result<T, LineError>
where
    T: std::str::FromStr,
    T::Err: fmt::Display,
{
    text.map_or(Ok(default), |t| {
        t.parse()
            .map_err(|e| LineError::new(format!("{name}: {e}")))
    })
}
