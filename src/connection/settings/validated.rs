//! [`ConnectionSettings`]: the valid settings of one connection.

use std::fmt;

use super::{ConnectionSettingsConfig, Timeout};
use crate::api_version::ApiVersion;
use crate::credentials::SecretKey;
use crate::diagnostics::Report;

/// Valid settings of one Stripe connection (S1). Built by
/// [`ConnectionSettingsConfig::validate`], or deserialized (through the draft, so with the
/// same checks). Holds the secret key: `Debug` redacts it, and there is no `Serialize`.
///
/// ```
/// use stripe_gateway_rules::connection::ConnectionSettings;
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
#[cfg_attr(feature = "serde", serde(try_from = "ConnectionSettingsConfig"))]
pub struct ConnectionSettings {
    pub(super) name: String,
    pub(super) active: bool,
    pub(super) is_source: bool,
    pub(super) is_target: bool,
    pub(super) timeout: Option<Timeout>,
    pub(super) secret_key: SecretKey,
    pub(super) api_version: Option<ApiVersion>,
}

impl TryFrom<ConnectionSettingsConfig> for ConnectionSettings {
    type Error = Report;

    fn try_from(draft: ConnectionSettingsConfig) -> Result<Self, Self::Error> {
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
    /// [stripe-facts §9](crate::rules#facts-9)).
    #[must_use]
    pub fn api_version(&self) -> Option<ApiVersion> {
        self.api_version
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
