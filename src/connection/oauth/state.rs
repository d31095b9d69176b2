//! What the platform chooses for the authorize request: the scope and the CSRF state.

use std::fmt;
use std::str::FromStr;

use super::authorize::Problem;
use super::{MAX_STATE_LEN, MIN_STATE_LEN, OAuthError};

/// The access a platform asks for ([stripe-facts §6](crate::rules#facts-6)).
///
/// ```
/// use stripe_gateway_rules::connection::OAuthScope;
/// assert_eq!("read_write".parse::<OAuthScope>(), Ok(OAuthScope::ReadWrite));
/// assert_eq!(OAuthScope::ReadOnly.as_str(), "read_only");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum OAuthScope {
    /// `read_write`: what a billing platform needs to charge. Since June 2021 a `read_write`
    /// platform can't connect Standard accounts controlled by another platform.
    ReadWrite,
    /// `read_only`: "can only be specified for extensions"; Stripe's default for Standard
    /// accounts.
    ReadOnly,
}

impl OAuthScope {
    /// The value of the `scope` parameter.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            OAuthScope::ReadWrite => "read_write",
            OAuthScope::ReadOnly => "read_only",
        }
    }
}

impl fmt::Display for OAuthScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for OAuthScope {
    type Err = OAuthError;

    /// Parses `read_write` or `read_only`.
    ///
    /// # Errors
    ///
    /// [`OAuthError`] with code `scope_unknown` for anything else.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "read_write" => Ok(OAuthScope::ReadWrite),
            "read_only" => Ok(OAuthScope::ReadOnly),
            other => Err(OAuthError::new(
                other,
                Problem::InvalidScope {
                    found: crate::text::truncated(other, 40),
                },
            )),
        }
    }
}

/// The `state` sent with the authorize request and expected back: a CSRF token the platform
/// generates per request ([stripe-facts §6](crate::rules#facts-6)). [`MIN_STATE_LEN`] to [`MAX_STATE_LEN`] printable
/// ASCII characters, no whitespace. It travels in URLs, so it is not treated as a secret.
///
/// ```
/// use stripe_gateway_rules::connection::OAuthState;
///
/// let state: OAuthState = "k3J9xQ2mVb7LwZ4pT8rN".parse()?;
/// assert_eq!(state.as_str(), "k3J9xQ2mVb7LwZ4pT8rN");
/// assert_eq!("abc".parse::<OAuthState>().unwrap_err().code(), "state_too_short");
/// # Ok::<(), stripe_gateway_rules::connection::OAuthError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct OAuthState(String);

impl fmt::Debug for OAuthState {
    /// Guarded: a state that looks like a secret (a key pasted as the state, or any run of
    /// 16 letters and digits) is shown by its prefix only.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("OAuthState")
            .field(&crate::text::GuardedText(&self.0))
            .finish()
    }
}

impl OAuthState {
    /// The state as given.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Compares without stopping at the first difference, so timing reveals nothing.
    pub(super) fn matches(&self, other: &str) -> bool {
        let (a, b) = (self.0.as_bytes(), other.as_bytes());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

impl fmt::Display for OAuthState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for OAuthState {
    type Err = OAuthError;

    /// Parses a state.
    ///
    /// # Errors
    ///
    /// [`OAuthError`]: `state_empty`, `state_too_short` (fewer than [`MIN_STATE_LEN`]
    /// characters), `state_too_long` (more than [`MAX_STATE_LEN`]), `state_invalid_character`
    /// (whitespace, control or non-ASCII characters), `state_holds_secret` (a Stripe secret
    /// such as `sk_live_…`: the state travels in the browser's address bar).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.is_empty() {
            return Err(OAuthError::new(s, Problem::StateEmpty));
        }
        if s.len() > MAX_STATE_LEN {
            return Err(OAuthError::new(s, Problem::StateTooLong { len: s.len() }));
        }
        if let Some((i, c)) = s.chars().enumerate().find(|(_, c)| !c.is_ascii_graphic()) {
            return Err(OAuthError::new(
                s,
                Problem::StateInvalidCharacter {
                    character: c,
                    position: i + 1,
                },
            ));
        }
        if s.len() < MIN_STATE_LEN {
            return Err(OAuthError::new(s, Problem::StateTooShort { len: s.len() }));
        }
        if crate::text::holds_secret_marker(s) {
            return Err(OAuthError::new(s, Problem::StateHoldsSecret));
        }
        Ok(OAuthState(s.to_owned()))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for OAuthState {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for OAuthState {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}
