use std::fmt;

/// The longest platform code accepted, in bytes.
const MAX_PLATFORM_CODE_LEN: usize = 64;

/// What rule a [`Violation`](super::Violation) breaks: a stable snake_case code.
///
/// Either one of the crate's codes (a closed, stable set, built from the crate's code enums
/// such as [`ViolationCode`](crate::codes::ViolationCode)) or a platform's own
/// ([`Code::platform`]). The two never compare equal, even when spelled the same.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Code(Repr);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Repr {
    Crate(&'static str),
    Platform(Box<str>),
}

impl Code {
    /// One of the crate's own codes. Only the crate's code enums build these.
    pub(crate) const fn of_crate(code: &'static str) -> Self {
        Code(Repr::Crate(code))
    }

    /// A platform's own code: 1 to 64 characters of `a`–`z`, `0`–`9` and `_`, starting with a
    /// letter.
    ///
    /// # Errors
    ///
    /// [`CodeError`] for anything else (the message never repeats the input).
    pub fn platform(code: &str) -> Result<Self, CodeError> {
        let well_formed = !code.is_empty()
            && code.len() <= MAX_PLATFORM_CODE_LEN
            && code.as_bytes()[0].is_ascii_lowercase()
            && code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if well_formed {
            Ok(Code(Repr::Platform(code.into())))
        } else {
            Err(CodeError { len: code.len() })
        }
    }

    /// The code as written: `minimum_below_stripe`, or the platform's own.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Crate(code) => code,
            Repr::Platform(code) => code,
        }
    }

    /// Whether a platform defined this code (not the crate).
    #[must_use]
    pub fn is_platform(&self) -> bool {
        matches!(self.0, Repr::Platform(_))
    }
}

impl PartialEq<str> for Code {
    /// Whether the code is spelled `other` (a crate's or a platform's code alike).
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A platform code that is not snake_case ASCII of 1 to 64 characters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "a violation code is 1 to 64 characters of a-z, 0-9 and _, starting with a letter (found {len} bytes of something else)"
)]
pub struct CodeError {
    len: usize,
}
