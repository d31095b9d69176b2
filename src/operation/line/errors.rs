//! The line error, and the problems the visitor records for its message.

use super::*;

/// A line that is not a valid operation: its code is `invalid_input`, or, for an amount
/// beyond what any decimal holds (`"100000000000000000000000000000000"`), the rule's own:
/// `amount_too_large`, or `amount_not_positive` for a negative one.
///
/// Its message is written by this crate from what was wrong (the field, the JSON type found,
/// the column), never copied from the JSON parser, and never holds a value from the line
/// beyond a short excerpt cut before anything secret-shaped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineError {
    code: crate::codes::OperationLineCode,
    message: String,
    field: Option<&'static str>,
    column: Option<usize>,
}

impl LineError {
    pub(super) fn new(message: impl Into<String>) -> Self {
        LineError {
            code: crate::codes::OperationLineCode::InvalidInput,
            message: message.into(),
            field: None,
            column: None,
        }
    }

    pub(super) fn with_code(mut self, code: crate::codes::OperationLineCode) -> Self {
        self.code = code;
        self
    }

    pub(super) fn at_column(mut self, column: usize) -> Self {
        self.column = Some(column);
        self
    }

    pub(super) fn field(mut self, field: &'static str) -> Self {
        self.field = Some(field);
        self
    }

    /// `invalid_input`; `amount_too_large` or `amount_not_positive` for an amount beyond what
    /// any decimal holds (the refusal's code: the same rule).
    #[must_use]
    pub fn code(&self) -> crate::codes::OperationLineCode {
        self.code
    }

    /// What to do about it.
    #[must_use]
    pub fn remedy(&self) -> &'static str {
        self.code().remedy()
    }

    /// The field the error is about, when it is about one.
    #[must_use]
    pub fn field_name(&self) -> Option<&'static str> {
        self.field
    }

    /// The 1-based column (in bytes) where the JSON parser stopped, for a line that is not
    /// JSON of the format's shape, or of the first byte that is not UTF-8.
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

impl crate::diagnostics::ToViolation for LineError {
    /// `invalid_value` at `path` (followed by the field, when the error is about one): this
    /// error's message, and its code as the `reason` param.
    fn to_violation(&self, path: crate::diagnostics::Path) -> crate::diagnostics::Violation {
        let path = match self.field {
            Some(field) => path.then(field),
            None => path,
        };
        crate::codes::invalid_value(path, self, Some(self.code().as_str()))
    }
}

/// The JSON type of a value, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum JsonKind {
    Null,
    Bool,
    Number,
    String,
    Array,
    Object,
}

impl JsonKind {
    pub(super) fn with_article(self) -> &'static str {
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
pub(super) enum Problem {
    NotObject(JsonKind),
    /// The name, and the closest field name when it looks misspelt ([`crate::reader::closest`],
    /// the configuration loader's helper).
    UnknownField(InputExcerpt, Option<&'static str>),
    Duplicate(&'static str),
    WrongType {
        field: &'static str,
        expected: &'static str,
        found: JsonKind,
    },
    MissingOp,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::NotObject(kind) => write!(
                f,
                "expected a JSON object such as {{\"op\":\"void\"}}, found {}",
                kind.with_article()
            ),
            Problem::UnknownField(name, Some(known)) => {
                write!(f, "unknown field {name}; did you mean `{known}`?")
            }
            Problem::UnknownField(name, None) => write!(
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

/// A parse error in this crate's words: what the visitor recorded, else the parser's error
/// category; the column always.
pub(super) fn line_error(e: &serde_json::Error, problem: Option<Problem>) -> LineError {
    use serde_json::error::Category;
    let (message, field) = match problem {
        Some(p) => {
            let field = match p {
                Problem::Duplicate(f) | Problem::WrongType { field: f, .. } => Some(f),
                Problem::MissingOp => Some("op"),
                Problem::NotObject(_) | Problem::UnknownField(..) => None,
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
        code: crate::codes::OperationLineCode::InvalidInput,
        message,
        field,
        column: Some(e.column()),
    }
}
