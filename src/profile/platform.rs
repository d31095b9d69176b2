//! The platforms the crate ships a profile for, and their profiles (the table of [rules §11](crate::rules#rules-11)).

use std::fmt;
use std::str::FromStr;

use super::{AuthSchemeSet, Profile};

/// The platforms the crate ships a profile for: the five seed platforms and `generic`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Platform {
    /// Every rule: what a configuration without a `"platform"` gets (the crate's behaviour
    /// before profiles).
    Generic,
    /// S0, Konnektive: a Stripe V2 (or legacy V1) gateway with merchant keys.
    Konnektive,
    /// S1, an iPaaS connector: a connection with a mandatory Client Secret, roles, a
    /// timeout in milliseconds and an API version.
    IpaasConnector,
    /// S2, Kartra: a Stripe Connect integration, no API key.
    Kartra,
    /// S3, a data connector: a connection authenticated by API key or OAuth2.
    DataConnector,
    /// S4, PortaBilling: a payment system with Login, Password, Test mode, payment
    /// methods, data protection and a minimum payment per currency.
    PortaBilling,
}

impl Platform {
    /// Every platform, in the order of the rules catalogue's table.
    pub const ALL: &'static [Platform] = &[
        Platform::Konnektive,
        Platform::IpaasConnector,
        Platform::Kartra,
        Platform::DataConnector,
        Platform::PortaBilling,
        Platform::Generic,
    ];

    /// The keyword of the configuration file's `"platform"`: `konnektive`,
    /// `ipaas_connector`, `kartra`, `data_connector`, `portabilling` or `generic`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Platform::Generic => "generic",
            Platform::Konnektive => "konnektive",
            Platform::IpaasConnector => "ipaas_connector",
            Platform::Kartra => "kartra",
            Platform::DataConnector => "data_connector",
            Platform::PortaBilling => "portabilling",
        }
    }

    /// The platform's profile.
    #[must_use]
    pub fn profile(self) -> Profile {
        let api_key = AuthSchemeSet::API_KEY;
        let profile = match self {
            Platform::Generic => Profile::new("generic")
                .with_account_settings_on_form(),
            // S0: "Select StripeV2", "Enter Merchant Information", "Handle card information
            // directly", "perform a test transaction with a live card", SCA redirects.
            Platform::Konnektive => Profile::new("konnektive")
                .with_auth_schemes(api_key)
                .labelled("name", "Gateway name")
                .labelled("auth.secret_key", "Secret key")
                .labelled("publishable_key", "Publishable key")
                .labelled("version", "Gateway")
                .labelled("account.raw_card_data_access", "Handle card information directly")
                .needing_permissions("charges, refunds, customers and payment methods"),
            // S1: Connection, Is Active, Is Source, Is Target, Timeout, Client Secret, API
            // Version.
            Platform::IpaasConnector => Profile::new("ipaas_connector")
                .with_auth_schemes(api_key)
                .labelled("name", "Connection")
                .labelled("active", "Is Active")
                .labelled("is_source", "Is Source")
                .labelled("is_target", "Is Target")
                .labelled("timeout_ms", "Timeout")
                .labelled("auth.secret_key", "Client Secret")
                .labelled("api_version", "API Version")
                .needing_permissions(
                    "read access to the objects the connection imports and write access to those it exports, and Connect reads when it reads connected accounts",
                ),
            // S2: "Connect with Stripe"; the Stripe Account ID and Name shown; the
            // publishable key kept to find the account to reconnect.
            Platform::Kartra => Profile::new("kartra")
                .with_auth_schemes(AuthSchemeSet::CONNECT)
                .labelled("auth.account_id", "Stripe Account ID")
                .labelled("auth.account_name", "Name")
                .labelled("publishable_key", "Publishable key")
                .needing_permissions("Connect access to the connected account"),
            // S3: Connection Name, Auth Scheme (OAuth2 or API Key), Live API Key, Account ID.
            Platform::DataConnector => Profile::new("data_connector")
                .with_auth_schemes(AuthSchemeSet::API_KEY.or(AuthSchemeSet::OAUTH2))
                .labelled("name", "Connection Name")
                .labelled("auth.scheme", "Auth Scheme")
                .labelled("auth.secret_key", "Live API Key")
                .labelled("auth.account_id", "Account ID")
                .labelled("auth.client_id", "Client ID")
                .labelled("auth.client_secret", "Client Secret")
                .labelled("auth.refresh_token", "Refresh Token")
                .needing_permissions(
                    "read access to the objects the connector queries, and Connect reads when it reads connected accounts",
                ),
            // S4: Name, Login, Password, Test mode, Payment methods, Data protection, and a
            // Minimum payment per currency.
            Platform::PortaBilling => Profile::new("portabilling")
                .with_auth_schemes(api_key)
                .labelled("name", "Name")
                .labelled("login", "Login")
                .labelled("auth.secret_key", "Password")
                .labelled("mode", "Test mode")
                .labelled("card_brands", "Payment methods")
                .labelled("data_protection", "Data protection")
                .labelled("currencies", "Currency management")
                .needing_permissions("charges, refunds, customers and payment methods"),
        };
        // Which rules apply: the columns of `Rule`'s declaration; which fields the form has
        // and requires: the `forms` of the fields' declaration.
        let profile = profile.with_rules(&super::rules_of(self.as_str()));
        crate::input::form_of(self.as_str()).fold(profile, |profile, (field, required)| {
            if required {
                profile.requiring(&[field])
            } else {
                profile.with_fields(&[field])
            }
        })
    }
}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for Platform {
    type Err = PlatformError;

    /// One of the keywords of [`as_str`](Self::as_str), exactly.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Platform::ALL
            .iter()
            .copied()
            .find(|p| p.as_str() == s)
            .ok_or_else(|| PlatformError {
                found: crate::text::InputExcerpt::new(s),
            })
    }
}

/// A `"platform"` that names no profile the crate ships.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "expected a platform, konnektive, ipaas_connector, kartra, data_connector, portabilling or generic, found {found}"
)]
pub struct PlatformError {
    found: crate::text::InputExcerpt,
}

impl PlatformError {
    /// The beginning of the refused input.
    #[must_use]
    pub fn found(&self) -> &crate::text::InputExcerpt {
        &self.found
    }
}

// Its code and remedy, and how it becomes a violation (crate::codes).
crate::codes::value_codes!(PlatformError => UnknownPlatform);
crate::codes::invalid_value_violations!(PlatformError);
