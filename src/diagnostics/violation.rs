use std::borrow::Cow;
use std::fmt;

use super::{Code, Path, Severity};

/// One thing wrong: where ([`path`](Self::path)), what rule ([`code`](Self::code)), how bad
/// ([`severity`](Self::severity)), what is wrong ([`message`](Self::message), also `Display`),
/// what to do ([`remedy`](Self::remedy)), and the values the message is made of
/// ([`params`](Self::params): amount, currency, minimum, field…), so a platform can word it
/// in its own language.
///
/// With the `serde` feature it serializes as
/// `{"path":…,"code":…,"severity":…,"message":…,"remedy":…,"params":{…}}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    path: Path,
    code: Code,
    severity: Severity,
    message: String,
    remedy: Option<String>,
    params: Vec<(Cow<'static, str>, String)>,
}

impl Violation {
    /// A violation with this severity.
    #[must_use]
    pub fn new(
        severity: Severity,
        path: impl Into<Path>,
        code: impl Into<Code>,
        message: impl Into<String>,
    ) -> Self {
        Violation {
            path: path.into(),
            code: code.into(),
            severity,
            message: message.into(),
            remedy: None,
            params: Vec::new(),
        }
    }

    /// An error: what was checked cannot be used as it is.
    #[must_use]
    pub fn error(path: impl Into<Path>, code: impl Into<Code>, message: impl Into<String>) -> Self {
        Violation::new(Severity::Error, path, code, message)
    }

    /// A warning: it works, but deserves attention.
    #[must_use]
    pub fn warning(
        path: impl Into<Path>,
        code: impl Into<Code>,
        message: impl Into<String>,
    ) -> Self {
        Violation::new(Severity::Warning, path, code, message)
    }

    /// With what to do about it.
    #[must_use]
    pub fn with_remedy(mut self, remedy: impl Into<String>) -> Self {
        self.remedy = Some(remedy.into());
        self
    }

    /// With one of the values the message is made of, by name (a later value of the same
    /// name replaces the earlier).
    #[must_use]
    pub fn with_param(mut self, name: impl Into<Cow<'static, str>>, value: impl ToString) -> Self {
        let name = name.into();
        let value = value.to_string();
        match self.params.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => self.params.push((name, value)),
        }
        self
    }

    /// The same violation at another path (a nested form's violation placed in its parent).
    #[must_use]
    pub fn at(mut self, path: Path) -> Self {
        self.path = path;
        self
    }

    /// Where: `auth.secret_key`, `currencies[1].minimum_payment`; empty for the whole input.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The rule broken.
    #[must_use]
    pub fn code(&self) -> &Code {
        &self.code
    }

    /// Error or warning.
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// Whether this is an error.
    #[must_use]
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// What is wrong, in plain words (also this type's `Display`).
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// What to do about it, where there is something to do.
    #[must_use]
    pub fn remedy(&self) -> Option<&str> {
        self.remedy.as_deref()
    }

    /// The values the message is made of, in the order they were added: `("minimum", "0.50")`,
    /// `("currency", "USD")`.
    pub fn params(&self) -> impl Iterator<Item = (&str, &str)> {
        self.params.iter().map(|(n, v)| (n.as_ref(), v.as_str()))
    }

    /// One value the message is made of, by name.
    #[must_use]
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// A violation is an error where one answers a question alone: "is this valid form a
/// payment gateway?" ([`ValidatedForm::into_gateway`](crate::config::ValidatedForm::into_gateway)).
impl std::error::Error for Violation {}

#[cfg(feature = "serde")]
impl serde::Serialize for Violation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeStruct};
        struct Params<'a>(&'a [(Cow<'static, str>, String)]);
        impl serde::Serialize for Params<'_> {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(self.0.len()))?;
                for (name, value) in self.0 {
                    map.serialize_entry(name.as_ref(), value)?;
                }
                map.end()
            }
        }
        let mut s = serializer.serialize_struct("Violation", 6)?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("severity", &self.severity)?;
        s.serialize_field("message", &self.message)?;
        s.serialize_field("remedy", &self.remedy)?;
        s.serialize_field("params", &Params(&self.params))?;
        s.end()
    }
}
