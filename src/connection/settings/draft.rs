//! [`ConnectionSettingsConfig`]: the settings as typed, and the checks that validate them.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};

use super::{ConnectionSettings, MAX_NAME_LEN, Timeout};
use crate::api_version::ApiVersion;
use crate::codes::ViolationCode;
use crate::credentials::SecretKey;
use crate::diagnostics::{Path, Report, ToViolation, Violation};
use crate::text::GuardedOption;

/// The draft's fields, as the field-level reader reads them ([`crate::reader`]).
#[cfg(feature = "serde")]
const FIELDS: &[crate::reader::Field<ConnectionSettingsConfig>] = {
    use crate::reader::{Kind, field};
    &[
        field("name", Kind::Text(|d, v| d.name = Some(v)), "\"Stripe\""),
        field("active", Kind::Flag(|d, v| d.active = v), "true"),
        field("is_source", Kind::Flag(|d, v| d.is_source = v), "true"),
        field("is_target", Kind::Flag(|d, v| d.is_target = v), "true"),
        field(
            "timeout_ms",
            Kind::Whole(|d, v| d.timeout_ms = Some(v)),
            "30000",
        ),
        field(
            "secret_key",
            Kind::Secret(|d, v| d.secret_key = Some(v)),
            "\"sk_test_…\"",
        ),
        field(
            "api_version",
            Kind::Text(|d, v| d.api_version = Some(v)),
            "\"2024-06-20\"",
        ),
    ]
};

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for ConnectionSettingsConfig {
    /// Reads the draft's fields from JSON with the crate's field-level reader, each of its
    /// JSON type (`timeout_ms` a number or a string, a number read exactly from its text). A
    /// value of the wrong type, an unknown field or a field given twice refuses the draft
    /// with that finding's message, which names the field and never quotes a secret; the
    /// values themselves are judged by [`check`](ConnectionSettingsConfig::check).
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        crate::reader::deserialize_object(
            deserializer,
            "the connection settings",
            FIELDS,
            "{ \"name\": \"Stripe\", \"secret_key\": \"sk_test_…\" }",
        )
    }
}

/// The connection settings as typed in S1's form, before validation. Every field is optional
/// here so that [`check`](Self::check) can report all that is missing at once.
///
/// With the `serde` feature it deserializes from a JSON object with these field names,
/// through the same field-level reader as the configuration file; `timeout_ms` may be a
/// number or a string. A malformed key is a problem at `secret_key` found by
/// [`check`](Self::check) (through [`SecretKey`]'s parser), never quoted. It implements no
/// `Serialize`: it holds a secret.
#[derive(Clone, Default)]
#[non_exhaustive]
pub struct ConnectionSettingsConfig {
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

impl fmt::Debug for ConnectionSettingsConfig {
    /// The text fields are guarded: a secret pasted into one shows only its prefix.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConnectionSettingsConfig")
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

impl ConnectionSettingsConfig {
    /// Every finding, errors and warnings, in field order: the same as
    /// [`validate`](Self::validate)'s. S1's settings are one platform's (the iPaaS
    /// connector's), so no profile is chosen.
    #[must_use]
    pub fn check(&self) -> Report {
        self.checked().1
    }

    /// The settings, when there is no error.
    ///
    /// # Errors
    ///
    /// The [`Report`] of every finding (see [`check`](Self::check)) when at least one is an
    /// error.
    pub fn validate(&self) -> Result<ConnectionSettings, Report> {
        match self.checked() {
            (Some(settings), report) if report.is_valid() => Ok(settings),
            (_, report) => Err(report),
        }
    }

    /// The settings when every field parsed, and the report of every finding.
    pub(crate) fn checked(&self) -> (Option<ConnectionSettings>, Report) {
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
                .with_remedy(ViolationCode::NoRole.remedy()),
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
