//! The whole-file error: a text that cannot be read as a configuration at all.

use std::fmt;

use crate::codes::ConfigFileCode;

#[cfg(doc)]
use super::{MAX_CONFIG_DEPTH, MAX_CONFIG_LEN};

/// A file that cannot be read as a configuration at all (its [`code`](Self::code): not UTF-8,
/// not JSON, truncated, not an object at the top, nested deeper than [`MAX_CONFIG_DEPTH`] or
/// longer than [`MAX_CONFIG_LEN`] bytes), with the line and column where reading stopped. Its
/// message is the crate's own, built from the code and position: never a parser's text, never a value from the file.
///
/// Serialized (feature `serde`) as `{"code", "line", "column", "message"}`.
///
/// ```
/// use stripe_gateway_rules::config::Form;
///
/// let err = Form::from_json("{\n  \"name\": \"x\"\n  \"mode\": \"test\"\n}").unwrap_err();
/// assert_eq!((err.line(), err.column()), (3, 3));
/// assert_eq!(err.code(), "not_json");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigFileError {
    code: ConfigFileCode,
    message: String,
    line: usize,
    column: usize,
}

impl ConfigFileError {
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(super) fn new(
        code: ConfigFileCode,
        message: impl Into<String>,
        (line, column): (usize, usize),
    ) -> Self {
        ConfigFileError {
            code,
            message: message.into(),
            line,
            column,
        }
    }

    /// Why the file could not be read: its stable code (`not_json`, `truncated`,
    /// `too_large`…).
    #[must_use]
    pub fn code(&self) -> ConfigFileCode {
        self.code
    }

    /// What to do about it.
    #[must_use]
    pub fn remedy(&self) -> &'static str {
        self.code().remedy()
    }

    /// The 1-based line of the problem (0 when it concerns the whole file).
    #[must_use]
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based column of the problem, in characters (0 when it concerns the whole file).
    #[must_use]
    pub fn column(&self) -> usize {
        self.column
    }

    /// What is wrong, without the position.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// From serde_json's error: its category and position only, never its message text.
    #[cfg(feature = "serde")]
    pub(super) fn from_json_error(e: &serde_json::Error) -> Self {
        use serde_json::error::Category;
        let (kind, message) = match e.classify() {
            Category::Eof => (
                ConfigFileCode::Truncated,
                "the JSON ends too early: an object, list or string is not closed",
            ),
            Category::Syntax | Category::Data | Category::Io => (
                ConfigFileCode::NotJson,
                "not valid JSON here: look for a missing comma, quote, colon or bracket, a comma before a closing bracket, a comment, or text after the object",
            ),
        };
        ConfigFileError::new(kind, message, (e.line(), e.column()))
    }
}

impl fmt::Display for ConfigFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "not a gateway configuration: {}", self.message)
        } else {
            write!(
                f,
                "not a gateway configuration: line {}, column {}: {}",
                self.line, self.column, self.message
            )
        }
    }
}

impl std::error::Error for ConfigFileError {}

#[cfg(feature = "serde")]
impl serde::Serialize for ConfigFileError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("ConfigFileError", 4)?;
        s.serialize_field("code", self.code().as_str())?;
        s.serialize_field("line", &self.line)?;
        s.serialize_field("column", &self.column)?;
        s.serialize_field("message", &self.message)?;
        s.end()
    }
}

// Its code and remedy, and how it becomes a violation (crate::codes).
crate::codes::invalid_value_violations!(ConfigFileError);

impl ConfigFileCode {
    /// What to do about an error of this code, written for it: the remedy of
    /// [`ConfigFileError`] (the catalogue's too).
    #[must_use]
    pub const fn remedy(self) -> &'static str {
        match self {
            ConfigFileCode::NotUtf8 => "save the file as UTF-8 text",
            ConfigFileCode::NotJson => {
                "correct the JSON at the line and column given: a missing comma, quote, colon or bracket"
            }
            ConfigFileCode::Truncated => "complete the JSON: close every object, list and string",
            ConfigFileCode::NotAnObject => {
                "write the configuration as one JSON object, {\"name\": …}"
            }
            ConfigFileCode::TooDeep => "nest lists and objects at most 64 deep",
            ConfigFileCode::TooLarge => "keep the file under 1 MiB",
        }
    }
}
