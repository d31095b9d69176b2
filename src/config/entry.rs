//! The entry points of a [`GatewayConfig`]: its profile, its report, its validation; and the
//! constructors of every auth scheme as entered.

use secrecy::SecretString;

use super::{AuthConfig, GatewayConfig, Report, ValidatedGateway, validate};
use crate::profile::{Platform, Profile};

impl GatewayConfig {
    /// Checks every field and every rule of the configuration's platform profile (its
    /// `platform`, [`Platform::Generic`] without one), and
    /// returns the validated gateway (with its warnings) or the report of every violation.
    ///
    /// A [`ValidatedGateway`] takes payments, so it needs the account's settlement currency
    /// and the assigned currencies: a connector's form (S1–S3) has neither, and is checked
    /// with [`report`](Self::report) instead.
    ///
    /// # Errors
    ///
    /// A [`Report`] when any violation is an error; it lists the warnings too.
    pub fn validate(&self) -> Result<ValidatedGateway, Report> {
        self.validate_as(&self.profile())
    }

    /// [`validate`](Self::validate) under another profile: a platform's own
    /// ([`Profile::new`]), whose checks report into the same
    /// report. The configuration's `platform` field is then only checked to be well formed.
    ///
    /// # Errors
    ///
    /// A [`Report`] when any violation is an error; it lists the warnings too.
    pub fn validate_as(&self, profile: &Profile) -> Result<ValidatedGateway, Report> {
        validate::validate(self, profile)
    }

    /// Every finding of the configuration's platform profile, errors and warnings, in field
    /// order: the one entry point for every platform's form, payment gateway or connection.
    /// An empty report means the form is valid with nothing to say.
    #[must_use]
    pub fn report(&self) -> Report {
        self.report_as(&self.profile())
    }

    /// [`report`](Self::report) under another profile (a platform's own, say).
    #[must_use]
    pub fn report_as(&self, profile: &Profile) -> Report {
        validate::check(self, profile).0
    }

    /// The profile the configuration's `platform` names: [`Platform::Generic`] when it has
    /// none, or names none the crate knows (reported at `platform`).
    ///
    /// [`Platform::Generic`]: crate::profile::Platform::Generic
    #[must_use]
    pub fn profile(&self) -> Profile {
        self.platform
            .as_deref()
            .and_then(|p| p.parse::<Platform>().ok())
            .unwrap_or(Platform::Generic)
            .profile()
    }
}

impl AuthConfig {
    /// An `oauth2` scheme (S3) with its client id, client secret and refresh token.
    #[must_use]
    pub fn oauth2(client_id: &str, client_secret: &str, refresh_token: &str) -> Self {
        AuthConfig {
            scheme: Some("oauth2".into()),
            client_id: Some(client_id.into()),
            client_secret: Some(SecretString::from(client_secret)),
            refresh_token: Some(SecretString::from(refresh_token)),
            ..AuthConfig::default()
        }
    }

    /// A `connect` scheme (S2) for this connected account, with its name as Stripe shows it.
    #[must_use]
    pub fn connect(account_id: &str, account_name: &str) -> Self {
        AuthConfig {
            scheme: Some("connect".into()),
            account_id: Some(account_id.into()),
            account_name: Some(account_name.into()),
            ..AuthConfig::default()
        }
    }

    /// The same, acting for (or, with `connect`, naming) this account (`acct_…`).
    #[must_use]
    pub fn with_account_id(mut self, account_id: &str) -> Self {
        self.account_id = Some(account_id.into());
        self
    }
}
