//! The settings of one Stripe connection in an integration platform (S1; rules.md §9).
//!
//! | field | rule | source |
//! | --- | --- | --- |
//! | `name` | required, non-empty, at most [`MAX_NAME_LEN`] characters, no control characters | S1 "Connection: A new connection name" |
//! | `active` | a flag | S1 "Is Active" |
//! | `is_source`, `is_target` | flags; an active connection with neither is warned about (it takes part in nothing) | S1 "Is Source", "Is Target" |
//! | `timeout_ms` | optional; a whole number of milliseconds from 1 to [`MAX_TIMEOUT_MS`] | S1 "Timeout: The length of time (in milliseconds) …" |
//! | `secret_key` | **mandatory**, a secret or restricted key | S1 "Client Secret: Mandatory field. Paste here the Secret API key" |
//! | `api_version` | optional (the account's default applies without one); a well-formed version; a version Stripe never published is warned about | S1 "API Version"; stripe-facts §9 |
//!
//! [`ConnectionSettingsDraft`] holds what was typed; [`ConnectionSettingsDraft::problems`]
//! reports every problem with its path, severity and stable code, and
//! [`ConnectionSettingsDraft::validate`] turns a draft without errors into
//! [`ConnectionSettings`].
//!
//! ```
//! use stripe_gateway_rules::connection::ConnectionSettingsDraft;
//!
//! let mut draft = ConnectionSettingsDraft::default();
//! draft.name = Some("Stripe (live)".to_owned());
//! draft.active = true;
//! draft.is_source = true;
//! draft.timeout_ms = Some("30000".to_owned());
//! draft.secret_key = Some("sk_live_4eC39HqLyjWDarjtT1zdp7dc".into());
//! draft.api_version = Some("2025-03-31.basil".to_owned());
//! let settings = draft.validate()?;
//! assert_eq!(settings.timeout().map(|t| t.as_millis()), Some(30_000));
//!
//! let problems = ConnectionSettingsDraft::default().problems();
//! let found: Vec<_> = problems.violations().iter().map(|p| format!("{} {}", p.path(), p.code())).collect();
//! assert_eq!(found, ["name missing_field", "secret_key missing_field"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use crate::api_version::ApiVersion;
use crate::codes::ViolationCode;
use crate::credentials::SecretKey;
use crate::diagnostics::{Path, Report, Violation};
use crate::text::{GuardedOption, InputExcerpt};
use secrecy::{ExposeSecret, SecretString};

/// Longest timeout accepted: 600 000 ms (10 minutes). Stripe's own SDKs wait 80 s by default
/// (stripe-node's `timeout` option, 80 000 ms, as quoted in third-party configurations); a
/// request that has not answered in 10 minutes will not, and a longer wait only holds the
/// platform's worker.
pub const MAX_TIMEOUT_MS: u32 = 600_000;

/// Longest connection name accepted, in characters.
pub const MAX_NAME_LEN: usize = 255;

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
/// # Ok::<(), stripe_gateway_rules::connection::settings::TimeoutError>(())
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
            return Err(TimeoutError::new("0", TimeoutErrorKind::Zero));
        }
        match u32::try_from(ms) {
            Ok(ms) if ms <= MAX_TIMEOUT_MS => Ok(Timeout(ms)),
            _ => Err(TimeoutError::new(
                &ms.to_string(),
                TimeoutErrorKind::TooLarge,
            )),
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

/// Why a timeout was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum TimeoutErrorKind {
    /// Nothing was typed.
    Empty,
    /// Not a whole number of milliseconds (`30s`, `1.5`, ` 100`).
    NotANumber,
    /// A negative number.
    Negative,
    /// Zero.
    Zero,
    /// More than [`MAX_TIMEOUT_MS`] (or too large to be a number at all).
    TooLarge,
}

/// A timeout that could not be parsed or is out of range.
///
/// ```
/// use stripe_gateway_rules::connection::Timeout;
///
/// let err = "99999999999999999999999".parse::<Timeout>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "expected a timeout in milliseconds from 1 to 600000, found \"99999999999999999999999\", \
///      more than 600000 (10 minutes)"
/// );
/// assert_eq!(err.remedy(), "use a smaller value, such as 30000");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[error("expected a timeout in milliseconds from 1 to 600000, found {found}{}", describe_timeout(*.kind))]
pub struct TimeoutError {
    found: InputExcerpt,
    kind: TimeoutErrorKind,
}

fn describe_timeout(kind: TimeoutErrorKind) -> &'static str {
    match kind {
        TimeoutErrorKind::Empty => "",
        TimeoutErrorKind::NotANumber => ", which is not a whole number",
        TimeoutErrorKind::Negative => ", a negative number",
        TimeoutErrorKind::Zero => ", which would time out at once",
        TimeoutErrorKind::TooLarge => ", more than 600000 (10 minutes)",
    }
}

impl TimeoutError {
    fn new(found: &str, kind: TimeoutErrorKind) -> Self {
        TimeoutError {
            found: InputExcerpt::new(found),
            kind,
        }
    }

    /// Why the timeout was refused.
    #[must_use]
    pub fn kind(&self) -> TimeoutErrorKind {
        self.kind
    }

    /// What to type instead.
    #[must_use]
    pub fn remedy(&self) -> &'static str {
        match self.kind {
            TimeoutErrorKind::Empty => "type a number of milliseconds, such as 30000",
            TimeoutErrorKind::NotANumber => {
                "type digits only, in milliseconds (30000 for 30 seconds)"
            }
            TimeoutErrorKind::Negative | TimeoutErrorKind::Zero => {
                "type a positive number, such as 30000"
            }
            TimeoutErrorKind::TooLarge => "use a smaller value, such as 30000",
        }
    }

    /// A stable snake_case code: `empty`, `not_a_number`, `negative`, `zero`, `too_large`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self.kind {
            TimeoutErrorKind::Empty => "empty",
            TimeoutErrorKind::NotANumber => "not_a_number",
            TimeoutErrorKind::Negative => "negative",
            TimeoutErrorKind::Zero => "zero",
            TimeoutErrorKind::TooLarge => "too_large",
        }
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
        let err = |kind| Err(TimeoutError::new(s, kind));
        if s.is_empty() {
            return err(TimeoutErrorKind::Empty);
        }
        if let Some(rest) = s.strip_prefix('-') {
            if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit()) {
                return if rest.bytes().all(|b| b == b'0') {
                    err(TimeoutErrorKind::Zero)
                } else {
                    err(TimeoutErrorKind::Negative)
                };
            }
            return err(TimeoutErrorKind::NotANumber);
        }
        if !s.bytes().all(|b| b.is_ascii_digit()) {
            return err(TimeoutErrorKind::NotANumber);
        }
        let digits = s.trim_start_matches('0');
        if digits.is_empty() {
            return err(TimeoutErrorKind::Zero);
        }
        match digits.parse::<u64>() {
            Ok(ms) if ms <= u64::from(MAX_TIMEOUT_MS) => Ok(Timeout(ms as u32)),
            _ => err(TimeoutErrorKind::TooLarge),
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
    /// From a number (`30000`) or a string as typed in a form (`"30000"`).
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let input = <crate::serde_input::Input as serde::Deserialize>::deserialize(deserializer)?;
        match input.number_or_text::<D::Error>("timeout_ms")? {
            Some(text) => text.parse().map_err(serde::de::Error::custom),
            None => Err(serde::de::Error::custom(
                "timeout_ms: expected a number of milliseconds, found null",
            )),
        }
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for ConnectionSettingsDraft {
    /// Reads the draft's fields, each of its JSON type (`timeout_ms` a number or a string);
    /// an error names the field and the kind of value found, never the value or an unknown
    /// field's name.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use crate::serde_input::{Input, Key, unknown_field};
        const FIELDS: [&str; 7] = [
            "name",
            "active",
            "is_source",
            "is_target",
            "timeout_ms",
            "secret_key",
            "api_version",
        ];
        struct Fields;
        impl<'de> serde::de::Visitor<'de> for Fields {
            type Value = ConnectionSettingsDraft;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("the connection settings, an object")
            }
            crate::serde_input::refuse_all_but_objects!("the connection settings");
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Self::Value, A::Error> {
                let mut d = ConnectionSettingsDraft::default();
                while let Some(Key(key)) = map.next_key()? {
                    let value: Input = map.next_value()?;
                    match key.as_str() {
                        "name" => d.name = value.text("name")?,
                        "active" => d.active = value.flag("active")?,
                        "is_source" => d.is_source = value.flag("is_source")?,
                        "is_target" => d.is_target = value.flag("is_target")?,
                        "timeout_ms" => d.timeout_ms = value.number_or_text("timeout_ms")?,
                        "secret_key" => {
                            d.secret_key = value.text("secret_key")?.map(SecretString::from);
                        }
                        "api_version" => d.api_version = value.text("api_version")?,
                        _ => return Err(unknown_field("the connection settings", &FIELDS)),
                    }
                }
                Ok(d)
            }
        }
        deserializer.deserialize_any(Fields)
    }
}

/// The connection settings as typed in S1's form, before validation. Every field is optional
/// here so that [`problems`](Self::problems) can report all that is missing at once.
///
/// With the `serde` feature it deserializes from an object with these field names;
/// `timeout_ms` may be a number or a string; `secret_key` goes through
/// [`SecretKey`]'s own parser (a malformed key fails deserialization with an error that
/// never contains the key). It implements no `Serialize`: it holds a secret.
#[derive(Clone, Default)]
#[non_exhaustive]
pub struct ConnectionSettingsDraft {
    /// S1 "Connection": the connection's name.
    pub name: Option<String>,
    /// S1 "Is Active".
    pub active: bool,
    /// S1 "Is Source": a data source for import.
    pub is_source: bool,
    /// S1 "Is Target": a data target for export.
    pub is_target: bool,
    /// S1 "Timeout", in milliseconds, as typed.
    pub timeout_ms: Option<String>,
    /// S1 "Client Secret": the secret (or restricted) API key, as pasted. Mandatory. Kept in a
    /// [`SecretString`] so `Debug` never shows it; parsed by [`validate`](Self::validate), so
    /// a bad key is a problem at `secret_key`, not a failure of the whole draft.
    pub secret_key: Option<SecretString>,
    /// S1 "API Version", as typed.
    pub api_version: Option<String>,
}

impl fmt::Debug for ConnectionSettingsDraft {
    /// The text fields are guarded: a secret pasted into one shows only its prefix.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConnectionSettingsDraft")
            .field("name", &GuardedOption(&self.name))
            .field("active", &self.active)
            .field("is_source", &self.is_source)
            .field("is_target", &self.is_target)
            .field("timeout_ms", &GuardedOption(&self.timeout_ms))
            .field(
                "secret_key",
                &self.secret_key.as_ref().map(|_| "[redacted]"),
            )
            .field("api_version", &GuardedOption(&self.api_version))
            .finish()
    }
}

impl fmt::Debug for ConnectionSettings {
    /// The name is guarded (a secret pasted as the name shows only its prefix); the key is
    /// redacted by its own type.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConnectionSettings")
            .field("name", &crate::text::GuardedText(&self.name))
            .field("active", &self.active)
            .field("is_source", &self.is_source)
            .field("is_target", &self.is_target)
            .field("timeout", &self.timeout)
            .field("secret_key", &self.secret_key)
            .field("api_version", &self.api_version)
            .finish()
    }
}

/// A required field that is missing or empty.
fn missing(field: &'static str, message: &str) -> Violation {
    let remedy = match field {
        "name" => "type a name that tells this connection apart",
        _ => {
            "paste the secret key (sk_test_… or sk_live_…) or a restricted key (rk_…) from the Stripe Dashboard, Developers > API keys"
        }
    };
    Violation::error(field, ViolationCode::MissingField, message).with_remedy(remedy)
}

impl ConnectionSettingsDraft {
    /// Every problem, errors and warnings, in field order.
    #[must_use]
    pub fn problems(&self) -> Report {
        self.check().1
    }

    /// The settings, when there is no error.
    ///
    /// # Errors
    ///
    /// The [`Report`] of every problem (see [`problems`](Self::problems)) when at least one
    /// is an error.
    pub fn validate(&self) -> Result<ConnectionSettings, Report> {
        match self.check() {
            (Some(settings), report) if report.is_valid() => Ok(settings),
            (_, report) => Err(report),
        }
    }

    fn check(&self) -> (Option<ConnectionSettings>, Report) {
        let mut problems = Report::new();

        let name = match self.name.as_deref() {
            None => {
                problems.push(missing("name", "the connection's name is missing"));
                None
            }
            Some(name) if name.trim().is_empty() => {
                problems.push(missing("name", "the connection's name is empty"));
                None
            }
            Some(name) if name.chars().count() > MAX_NAME_LEN => {
                problems.push(
                    Violation::error(
                        "name",
                        ViolationCode::InvalidValue,
                        format!(
                            "the connection's name is {} characters long, more than {MAX_NAME_LEN}",
                            name.chars().count()
                        ),
                    )
                    .with_remedy("shorten the name")
                    .with_param("max_chars", MAX_NAME_LEN),
                );
                None
            }
            Some(name) => match name.chars().enumerate().find(|(_, c)| c.is_control()) {
                Some((i, c)) => {
                    problems.push(
                        Violation::error(
                            "name",
                            ViolationCode::InvalidValue,
                            format!(
                                "the connection's name has a control character ({c:?}) at position {}",
                                i + 1
                            ),
                        )
                        .with_remedy("remove the control character")
                        .with_param("position", i + 1),
                    );
                    None
                }
                None => Some(name.to_owned()),
            },
        };

        if self.active && !self.is_source && !self.is_target {
            problems.push(
                Violation::warning(
                    "is_source",
                    ViolationCode::NoRole,
                    "the connection is active but is neither a source nor a target, so it takes part in nothing",
                )
                .with_remedy("tick Is Source, Is Target or both"),
            );
        }

        let timeout = match self.timeout_ms.as_deref().map(str::parse::<Timeout>) {
            None => Some(None),
            Some(Ok(t)) => Some(Some(t)),
            Some(Err(e)) => {
                problems.push(
                    Violation::error("timeout_ms", ViolationCode::InvalidValue, e.to_string())
                        .with_remedy(e.remedy())
                        .with_param("reason", e.code()),
                );
                None
            }
        };

        let secret_key = match self
            .secret_key
            .as_ref()
            .map(|s| s.expose_secret().parse::<SecretKey>())
        {
            None => {
                problems.push(missing(
                    "secret_key",
                    "the secret API key (Client Secret) is missing; it is mandatory",
                ));
                None
            }
            Some(Ok(key)) => Some(key),
            Some(Err(e)) => {
                problems.push(e.to_violation(Path::field("secret_key")));
                None
            }
        };

        let api_version = match self.api_version.as_deref().map(str::parse::<ApiVersion>) {
            None => Some(None),
            Some(Ok(v)) => {
                if !v.is_known() {
                    problems.push(
                        Violation::warning(
                            "api_version",
                            ViolationCode::UnknownApiVersion,
                            format!("API version {v} is not one this crate knows Stripe has published"),
                        )
                        .with_remedy(
                            "check it in the Stripe Dashboard, Developers > API version; a version newer than this crate works",
                        )
                        .with_param("api_version", v),
                    );
                }
                Some(Some(v))
            }
            Some(Err(e)) => {
                problems.push(
                    Violation::error("api_version", ViolationCode::InvalidValue, e.to_string())
                        .with_remedy("type a version as Stripe writes it, such as 2026-09-30.endive or 2024-06-20")
                        .with_param("reason", e.code()),
                );
                None
            }
        };

        let settings = match (name, timeout, secret_key, api_version) {
            (Some(name), Some(timeout), Some(secret_key), Some(api_version)) => {
                Some(ConnectionSettings {
                    name,
                    active: self.active,
                    is_source: self.is_source,
                    is_target: self.is_target,
                    timeout,
                    secret_key,
                    api_version,
                })
            }
            _ => None,
        };
        (settings, problems)
    }
}

/// Valid settings of one Stripe connection (S1). Built by
/// [`ConnectionSettingsDraft::validate`], or deserialized (through the draft, so with the
/// same checks). Holds the secret key: `Debug` redacts it, and there is no `Serialize`.
///
/// ```
/// use stripe_gateway_rules::ConnectionSettings;
///
/// let json = r#"{"name": "Stripe", "active": true, "is_target": true,
///                "timeout_ms": 30000, "secret_key": "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
///                "api_version": "2024-06-20"}"#;
/// let settings: ConnectionSettings = serde_json::from_str(json)?;
/// assert_eq!(settings.name(), "Stripe");
/// assert!(format!("{settings:?}").contains("sk_test_…p7dc"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ConnectionSettingsDraft"))]
pub struct ConnectionSettings {
    name: String,
    active: bool,
    is_source: bool,
    is_target: bool,
    timeout: Option<Timeout>,
    secret_key: SecretKey,
    api_version: Option<ApiVersion>,
}

impl TryFrom<ConnectionSettingsDraft> for ConnectionSettings {
    type Error = Report;

    fn try_from(draft: ConnectionSettingsDraft) -> Result<Self, Self::Error> {
        draft.validate()
    }
}

impl ConnectionSettings {
    /// The connection's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether the connection is active.
    #[must_use]
    pub fn is_active(&self) -> bool {
        self.active
    }

    /// Whether it is a data source.
    #[must_use]
    pub fn is_source(&self) -> bool {
        self.is_source
    }

    /// Whether it is a data target.
    #[must_use]
    pub fn is_target(&self) -> bool {
        self.is_target
    }

    /// The timeout, when one was set.
    #[must_use]
    pub fn timeout(&self) -> Option<Timeout> {
        self.timeout
    }

    /// The secret key.
    #[must_use]
    pub fn secret_key(&self) -> &SecretKey {
        &self.secret_key
    }

    /// The API version, when one was set (otherwise the account's default applies:
    /// stripe-facts §9).
    #[must_use]
    pub fn api_version(&self) -> Option<ApiVersion> {
        self.api_version
    }
}
