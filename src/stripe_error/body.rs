//! Reading Stripe's JSON error body (the reading needs the feature `serde`).

use std::fmt;

use crate::codes::ErrorBodyCode;

#[cfg(feature = "serde")]
use serde_json::{Map, Value};

#[cfg(feature = "serde")]
use super::classified::StripeError;

/// Largest body read: 1 MiB, far more than any Stripe error.
pub const MAX_BODY_LEN: usize = 1 << 20;

/// The kind of a JSON value, to say what was found instead of what was expected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum JsonKind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Boolean,
    /// A number.
    Number,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

#[cfg(feature = "serde")]
impl JsonKind {
    pub(crate) fn of(value: &Value) -> Self {
        match value {
            Value::Null => JsonKind::Null,
            Value::Bool(_) => JsonKind::Boolean,
            Value::Number(_) => JsonKind::Number,
            Value::String(_) => JsonKind::String,
            Value::Array(_) => JsonKind::Array,
            Value::Object(_) => JsonKind::Object,
        }
    }
}

impl fmt::Display for JsonKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            JsonKind::Null => "null",
            JsonKind::Boolean => "a boolean",
            JsonKind::Number => "a number",
            JsonKind::String => "a string",
            JsonKind::Array => "an array",
            JsonKind::Object => "an object",
        })
    }
}

/// What is wrong with a body, with what the message needs: the inside of an
/// [`ErrorBodyError`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[cfg_attr(not(feature = "serde"), allow(dead_code))]
enum BodyProblem {
    /// The body is empty.
    #[error(
        "expected Stripe's JSON error body, found an empty body; pass the HTTP response body unchanged"
    )]
    Empty,
    /// The body is larger than [`MAX_BODY_LEN`].
    #[error(
        "expected Stripe's JSON error body of at most 1 MiB, found {len} bytes; pass the body of one error response"
    )]
    TooLarge {
        /// Its length in bytes.
        len: usize,
    },
    /// The body starts with a byte order mark.
    #[error(
        "expected Stripe's JSON error body, found a byte order mark (U+FEFF) before it; remove it, Stripe never sends one"
    )]
    ByteOrderMark,
    /// Not JSON.
    #[error(
        "expected Stripe's JSON error body, found invalid JSON at line {line}, column {column}; pass the HTTP response body unchanged"
    )]
    Syntax {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// JSON cut short.
    #[error(
        "expected Stripe's JSON error body, found its end too early at line {line}, column {column}: the body is cut short; pass the whole body"
    )]
    Truncated {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// JSON, but not an object.
    #[error(
        "expected Stripe's JSON error body, an object, found {found}; pass the body of an error response"
    )]
    NotAnObject {
        /// What was found.
        found: JsonKind,
    },
    /// An object without any field of Stripe's error object.
    #[error(
        "expected Stripe's error object, with an \"error\" field or its type, code and message, found an object with none of them; pass the body of an error response"
    )]
    NoErrorFields,
    /// A field of the wrong JSON type.
    #[error("expected {field} to be {expected}, found {found}; pass Stripe's body unchanged")]
    WrongType {
        /// The field, such as `error.code`.
        field: &'static str,
        /// What it should be.
        expected: &'static str,
        /// What it is.
        found: JsonKind,
    },
}

/// Why a body is not Stripe's error object: its [`code`](Self::code), its
/// [`remedy`](Self::remedy), and where the reading stopped ([`position`](Self::position)),
/// which field ([`field`](Self::field)) and what JSON was found there
/// ([`found`](Self::found)). Messages never quote the body.
///
/// ```
/// use stripe_gateway_rules::codes::ErrorBodyCode;
/// use stripe_gateway_rules::stripe_error::{JsonKind, StripeError};
///
/// let err = StripeError::from_json(r#"{"error": {"code": 42}}"#).unwrap_err();
/// assert_eq!(err.code(), ErrorBodyCode::WrongType);
/// assert_eq!((err.field(), err.found()), (Some("error.code"), Some(JsonKind::Number)));
/// assert_eq!(err.remedy(), "pass the HTTP response body of Stripe's error unchanged");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ErrorBodyError(BodyProblem);

impl From<BodyProblem> for ErrorBodyError {
    fn from(problem: BodyProblem) -> Self {
        ErrorBodyError(problem)
    }
}

impl std::error::Error for ErrorBodyError {}

impl fmt::Display for ErrorBodyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl ErrorBodyError {
    /// Why the body was refused: `empty`, `too_large`, `byte_order_mark`, `syntax`,
    /// `truncated`, `not_an_object`, `no_error_fields`, `wrong_type`.
    #[must_use]
    pub fn code(&self) -> ErrorBodyCode {
        match self.0 {
            BodyProblem::Empty => ErrorBodyCode::Empty,
            BodyProblem::TooLarge { .. } => ErrorBodyCode::TooLarge,
            BodyProblem::ByteOrderMark => ErrorBodyCode::ByteOrderMark,
            BodyProblem::Syntax { .. } => ErrorBodyCode::Syntax,
            BodyProblem::Truncated { .. } => ErrorBodyCode::Truncated,
            BodyProblem::NotAnObject { .. } => ErrorBodyCode::NotAnObject,
            BodyProblem::NoErrorFields => ErrorBodyCode::NoErrorFields,
            BodyProblem::WrongType { .. } => ErrorBodyCode::WrongType,
        }
    }

    /// What to do instead.
    #[must_use]
    pub fn remedy(&self) -> &'static str {
        self.code().remedy()
    }

    /// The 1-based line and column where reading stopped, for `syntax` and `truncated`.
    #[must_use]
    pub fn position(&self) -> Option<(usize, usize)> {
        match self.0 {
            BodyProblem::Syntax { line, column } | BodyProblem::Truncated { line, column } => {
                Some((line, column))
            }
            _ => None,
        }
    }

    /// The field of the wrong type (such as `error.code`), for `wrong_type`.
    #[must_use]
    pub fn field(&self) -> Option<&'static str> {
        match self.0 {
            BodyProblem::WrongType { field, .. } => Some(field),
            _ => None,
        }
    }

    /// The JSON found where an object or a field's type was expected, for `not_an_object`
    /// and `wrong_type`.
    #[must_use]
    pub fn found(&self) -> Option<JsonKind> {
        match self.0 {
            BodyProblem::NotAnObject { found } | BodyProblem::WrongType { found, .. } => {
                Some(found)
            }
            _ => None,
        }
    }
}

impl ErrorBodyCode {
    /// What to do about a body refused with this code, written for it: the remedy of
    /// [`ErrorBodyError`] (the catalogue's too).
    #[must_use]
    pub const fn remedy(self) -> &'static str {
        match self {
            ErrorBodyCode::TooLarge => "pass the body of one error response",
            ErrorBodyCode::ByteOrderMark => "remove the byte order mark: Stripe never sends one",
            ErrorBodyCode::Truncated => "pass the whole body",
            ErrorBodyCode::NotAnObject | ErrorBodyCode::NoErrorFields => {
                "pass the body of an error response"
            }
            ErrorBodyCode::Empty | ErrorBodyCode::Syntax | ErrorBodyCode::WrongType => {
                "pass the HTTP response body of Stripe's error unchanged"
            }
        }
    }
}

#[cfg(feature = "serde")]
/// The string fields read, each with its name in a bare object and inside `error`.
const STRING_FIELDS: [(&str, &str, &str); 5] = [
    ("type", "type", "error.type"),
    ("code", "code", "error.code"),
    ("decline_code", "decline_code", "error.decline_code"),
    ("param", "param", "error.param"),
    ("message", "message", "error.message"),
];

#[cfg(feature = "serde")]
/// A field of the error object Stripe may send (a bare object needs one of them).
const ERROR_FIELDS: [&str; 7] = [
    "type",
    "code",
    "decline_code",
    "param",
    "message",
    "doc_url",
    "payment_intent",
];

#[cfg(feature = "serde")]
impl StripeError {
    /// Reads Stripe's JSON error body: `{"error": {"type", "code", "decline_code",
    /// "param", "message", "payment_intent": {"status", …}, …}}`, or the bare inner object.
    /// Fields may be absent or `null`; other fields are ignored.
    ///
    /// ```
    /// use stripe_gateway_rules::codes::ErrorCategoryCode;
    /// use stripe_gateway_rules::stripe_error::StripeError;
    ///
    /// let body = r#"{"error": {"code": "amount_too_small", "message": "Amount must be at least $0.50 usd",
    ///                "param": "amount", "type": "invalid_request_error"}}"#;
    /// let d = StripeError::from_json(body)?.diagnose();
    /// assert_eq!(d.category(), ErrorCategoryCode::Configuration);
    /// assert_eq!(d.field(), Some("currencies[].minimum_payment"));
    /// assert_eq!(d.amounts()[0].to_string(), "at least 0.50 USD");
    ///
    /// let err = StripeError::from_json(r#"{"error": {"code": 402}}"#).unwrap_err();
    /// assert_eq!(err.to_string(), "expected error.code to be a string or null, found a number; pass Stripe's body unchanged");
    /// # Ok::<(), stripe_gateway_rules::stripe_error::ErrorBodyError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ErrorBodyError`]: `empty`, `too_large` (over [`MAX_BODY_LEN`]), `byte_order_mark`,
    /// `syntax` and `truncated` (with line and column), `not_an_object`, `no_error_fields`,
    /// `wrong_type` (a field of another JSON type, such as a number for `error.code`).
    pub fn from_json(body: &str) -> Result<Self, ErrorBodyError> {
        if body.is_empty() {
            return Err(BodyProblem::Empty.into());
        }
        if body.len() > MAX_BODY_LEN {
            return Err(BodyProblem::TooLarge { len: body.len() }.into());
        }
        if body.starts_with('\u{feff}') {
            return Err(BodyProblem::ByteOrderMark.into());
        }
        let value: Value = serde_json::from_str(body).map_err(|e| {
            // Built from the error's category and position only: serde_json's own text may
            // quote the input.
            let (line, column) = (e.line(), e.column());
            match e.classify() {
                serde_json::error::Category::Eof => BodyProblem::Truncated { line, column },
                _ => BodyProblem::Syntax { line, column },
            }
        })?;
        let Value::Object(top) = value else {
            return Err(BodyProblem::NotAnObject {
                found: JsonKind::of(&value),
            }
            .into());
        };
        let (object, nested) = match top.get("error") {
            Some(Value::Object(inner)) => (inner, true),
            Some(other) => {
                return Err(BodyProblem::WrongType {
                    field: "error",
                    expected: "an object",
                    found: JsonKind::of(other),
                }
                .into());
            }
            None if ERROR_FIELDS.iter().any(|f| top.contains_key(*f)) => (&top, false),
            None => return Err(BodyProblem::NoErrorFields.into()),
        };
        read_object(object, nested)
    }
}

#[cfg(feature = "serde")]
fn read_object(object: &Map<String, Value>, nested: bool) -> Result<StripeError, ErrorBodyError> {
    let mut fields: [Option<&str>; 5] = [None; 5];
    for (slot, (name, bare, inner)) in fields.iter_mut().zip(STRING_FIELDS) {
        *slot = match object.get(name) {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.as_str()),
            Some(other) => {
                return Err(BodyProblem::WrongType {
                    field: if nested { inner } else { bare },
                    expected: "a string or null",
                    found: JsonKind::of(other),
                }
                .into());
            }
        };
    }
    let status = match object.get("payment_intent") {
        None | Some(Value::Null) => None,
        Some(Value::Object(pi)) => match pi.get("status") {
            None | Some(Value::Null) => None,
            Some(Value::String(s)) => Some(s.as_str()),
            Some(other) => {
                return Err(BodyProblem::WrongType {
                    field: if nested {
                        "error.payment_intent.status"
                    } else {
                        "payment_intent.status"
                    },
                    expected: "a string or null",
                    found: JsonKind::of(other),
                }
                .into());
            }
        },
        Some(other) => {
            return Err(BodyProblem::WrongType {
                field: if nested {
                    "error.payment_intent"
                } else {
                    "payment_intent"
                },
                expected: "an object or null",
                found: JsonKind::of(other),
            }
            .into());
        }
    };
    let [error_type, code, decline_code, param, message] = fields;
    let mut error = StripeError::new();
    if let Some(v) = error_type {
        error = error.with_type(v);
    }
    if let Some(v) = code {
        error = error.with_code(v);
    }
    if let Some(v) = decline_code {
        error = error.with_decline_code(v);
    }
    if let Some(v) = param {
        error = error.with_param(v);
    }
    if let Some(v) = message {
        error = error.with_message(v);
    }
    if let Some(v) = status {
        error = error.with_payment_intent_status(v);
    }
    Ok(error)
}

// Its code and remedy, and how it becomes a violation (crate::codes).
crate::codes::invalid_value_violations!(ErrorBodyError);
