//! [`Timeout`]: how long the platform waits for Stripe, and why a timeout is refused.

use std::fmt;
use std::str::FromStr;

use super::MAX_TIMEOUT_MS;
use crate::codes::TimeoutCode;
use crate::text::InputExcerpt;

/// How long the platform waits for Stripe before giving up (S1 "Timeout"), in whole
/// milliseconds from 1 to [`MAX_TIMEOUT_MS`].
///
/// ```
/// use stripe_gateway_rules::connection::Timeout;
///
/// let t: Timeout = "30000".parse()?;
/// assert_eq!(t.as_millis(), 30_000);
/// assert_eq!("0".parse::<Timeout>().unwrap_err().code(), "zero");
/// assert_eq!("-5".parse::<Timeout>().unwrap_err().code(), "negative");
/// # Ok::<(), stripe_gateway_rules::connection::TimeoutError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Timeout(u32);

impl Timeout {
    /// A timeout of `ms` milliseconds.
    ///
    /// # Errors
    ///
    /// [`TimeoutError`] when `ms` is 0 or more than [`MAX_TIMEOUT_MS`].
    pub fn from_millis(ms: u64) -> Result<Self, TimeoutError> {
        if ms == 0 {
            return Err(TimeoutError::new("0", TimeoutCode::Zero));
        }
        match u32::try_from(ms) {
            Ok(ms) if ms <= MAX_TIMEOUT_MS => Ok(Timeout(ms)),
            _ => Err(TimeoutError::new(&ms.to_string(), TimeoutCode::TooLarge)),
        }
    }

    /// The timeout in milliseconds.
    #[must_use]
    pub fn as_millis(&self) -> u32 {
        self.0
    }

    /// The timeout as a [`std::time::Duration`].
    #[must_use]
    pub fn as_duration(&self) -> std::time::Duration {
        std::time::Duration::from_millis(u64::from(self.0))
    }
}

impl fmt::Display for Timeout {
    /// The number of milliseconds, as typed in S1's field.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A timeout that could not be parsed or is out of range: its [`code`](Self::code), its
/// [`remedy`](Self::remedy), and an excerpt of what was [`found`](Self::found).
///
/// ```
/// use stripe_gateway_rules::connection::Timeout;
///
/// let err = "9999999".parse::<Timeout>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "expected a timeout in milliseconds from 1 to 600000, found \"9999999\", \
///      more than 600000 (10 minutes)"
/// );
/// assert_eq!(err.remedy(), "use a smaller value, such as 30000");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[error("expected a timeout in milliseconds from 1 to 600000, found {found}{}", describe_timeout(*.code))]
pub struct TimeoutError {
    found: InputExcerpt,
    code: TimeoutCode,
}

fn describe_timeout(code: TimeoutCode) -> &'static str {
    match code {
        TimeoutCode::Empty => "",
        TimeoutCode::NotANumber => ", which is not a whole number",
        TimeoutCode::Negative => ", a negative number",
        TimeoutCode::Zero => ", which would time out at once",
        TimeoutCode::TooLarge => ", more than 600000 (10 minutes)",
    }
}

impl TimeoutError {
    fn new(found: &str, code: TimeoutCode) -> Self {
        TimeoutError {
            found: InputExcerpt::new(found),
            code,
        }
    }

    /// The beginning of what was typed, cut before anything secret-shaped.
    #[must_use]
    pub fn found(&self) -> &InputExcerpt {
        &self.found
    }

    /// What to type instead.
    #[must_use]
    pub fn remedy(&self) -> &'static str {
        self.code.remedy()
    }

    /// Why the timeout was refused: `empty`, `not_a_number`, `negative`, `zero`,
    /// `too_large`.
    #[must_use]
    pub fn code(&self) -> TimeoutCode {
        self.code
    }
}

impl crate::diagnostics::ToViolation for TimeoutError {
    /// `invalid_value` at `path`: this error's message and [`remedy`](Self::remedy), and its
    /// code as the `reason` param.
    fn to_violation(&self, path: crate::diagnostics::Path) -> crate::diagnostics::Violation {
        crate::codes::invalid_value(path, self, Some(self.code().as_str()))
            .with_remedy(self.remedy())
    }
}

impl FromStr for Timeout {
    type Err = TimeoutError;

    /// Parses a whole number of milliseconds, ASCII digits only (no sign, no spaces, no
    /// unit).
    ///
    /// # Errors
    ///
    /// [`TimeoutError`]: `empty`; `negative` (`-5`); `not_a_number` (`30s`, `1.5`, `+5`,
    /// ` 100`, `1e3`); `zero` (`0`, `000`); `too_large` (more than [`MAX_TIMEOUT_MS`],
    /// however many digits).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = |code| Err(TimeoutError::new(s, code));
        if s.is_empty() {
            return err(TimeoutCode::Empty);
        }
        if let Some(rest) = s.strip_prefix('-') {
            if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
                return if rest.bytes().all(|b| b == b'0') {
                    err(TimeoutCode::Zero)
                } else {
                    err(TimeoutCode::Negative)
                };
            }
            return err(TimeoutCode::NotANumber);
        }
        if !s.bytes().all(|b| b.is_ascii_digit()) {
            return err(TimeoutCode::NotANumber);
        }
        let digits = s.trim_start_matches('0');
        if digits.is_empty() {
            return err(TimeoutCode::Zero);
        }
        match digits.parse::<u64>() {
            Ok(ms) if ms <= u64::from(MAX_TIMEOUT_MS) => Ok(Timeout(ms as u32)),
            _ => err(TimeoutCode::TooLarge),
        }
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Timeout {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u32(self.0)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Timeout {
    /// From a number (`30000`) or a string as typed in a form (`"30000"`), through
    /// [`Timeout`]'s parser; a value of another type is refused by its kind, never quoted.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::{Error, Unexpected, Visitor};
        struct Millis;
        impl Visitor<'_> for Millis {
            type Value = Timeout;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("timeout_ms: a number of milliseconds")
            }
            fn visit_str<E: Error>(self, v: &str) -> Result<Timeout, E> {
                v.parse().map_err(E::custom)
            }
            fn visit_u64<E: Error>(self, v: u64) -> Result<Timeout, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_i64<E: Error>(self, v: i64) -> Result<Timeout, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_f64<E: Error>(self, v: f64) -> Result<Timeout, E> {
                self.visit_str(&v.to_string())
            }
            fn visit_bool<E: Error>(self, v: bool) -> Result<Timeout, E> {
                Err(E::invalid_type(Unexpected::Bool(v), &self))
            }
            fn visit_unit<E: Error>(self) -> Result<Timeout, E> {
                Err(E::custom(
                    "timeout_ms: expected a number of milliseconds, found null",
                ))
            }
        }
        deserializer.deserialize_any(Millis)
    }
}

impl TimeoutCode {
    /// What to do about an error of this code, written for it: the remedy of
    /// [`TimeoutError`] (the catalogue's too).
    #[must_use]
    pub const fn remedy(self) -> &'static str {
        match self {
            TimeoutCode::Empty => "type a number of milliseconds, such as 30000",
            TimeoutCode::NotANumber => "type digits only, in milliseconds (30000 for 30 seconds)",
            TimeoutCode::Negative | TimeoutCode::Zero => "type a positive number, such as 30000",
            TimeoutCode::TooLarge => "use a smaller value, such as 30000",
        }
    }
}
