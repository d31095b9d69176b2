//! The verbs of a [`Form`] (and of each kind of form, [`GatewayConfig`] and
//! [`ConnectionConfig`]) and of an [`AuthConfig`]: `check` (every finding) and
//! `validate` (the validated value, or the same findings); the form's profile; and the
//! constructors of every auth scheme as entered.

use secrecy::SecretString;

use super::{AuthConfig, ConnectionConfig, Form, GatewayConfig, ValidatedForm, validate};
use crate::diagnostics::Report;
use crate::profile::{Platform, Profile};

impl Form {
    /// Every finding of `profile`'s rules and checks, errors and warnings, in field order:
    /// the same findings as [`validate`](Self::validate). An empty report means the form is
    /// valid with nothing to say. The form's own profile is [`profile`](Self::profile) (the
    /// one its `platform` field names); another profile (a platform's own,
    /// [`Profile::new`]) judges the form as that platform's, and the `platform` field is
    /// then only checked to be well formed.
    ///
    /// A form loaded from JSON is checked with what the loader found in the file by
    /// [`Loaded::check`](super::Loaded::check).
    #[must_use]
    pub fn check(&self, profile: &Profile) -> Report {
        validate::check(&self.to_any(), self, profile, &Report::new()).0
    }

    /// The validated form, or the report of every finding when one is an error: the same
    /// findings as [`check`](Self::check).
    ///
    /// A valid form with the payment fields is a [`ValidatedForm::Gateway`], the
    /// [`ValidatedGateway`](super::ValidatedGateway) that checks payments; one without them
    /// (a connection's form: Kartra, an iPaaS or data connector) is a
    /// [`ValidatedForm::Connection`].
    ///
    /// # Errors
    ///
    /// A [`Report`] when any finding is an error; it lists the warnings too.
    pub fn validate(&self, profile: &Profile) -> Result<ValidatedForm, Report> {
        match validate::check(&self.to_any(), self, profile, &Report::new()) {
            (_, Some(form)) => Ok(form),
            (report, None) => Err(report),
        }
    }

    /// The profile the form's `platform` names: [`Platform::Generic`] when it has none, or
    /// names none the crate knows (reported at `platform`).
    ///
    /// [`Platform::Generic`]: crate::profile::Platform::Generic
    #[must_use]
    pub fn profile(&self) -> Profile {
        profile_named(self.platform())
    }
}

/// The profile of the platform `platform` names; the generic one for none, or another name.
fn profile_named(platform: Option<&str>) -> Profile {
    platform
        .and_then(|p| p.parse::<Platform>().ok())
        .unwrap_or(Platform::Generic)
        .profile()
}

/// The verbs of a form of one kind: those of [`Form`], on the form taken as one.
macro_rules! form_verbs {
    ($Form:ident) => {
        impl $Form {
            /// Every finding of `profile`'s rules and checks, errors and warnings, in field
            /// order: [`Form::check`].
            #[must_use]
            pub fn check(&self, profile: &Profile) -> Report {
                Form::from(self.clone()).check(profile)
            }

            /// The validated form, or the report of every finding when one is an error:
            /// [`Form::validate`].
            ///
            /// # Errors
            ///
            /// A [`Report`] when any finding is an error; it lists the warnings too.
            pub fn validate(&self, profile: &Profile) -> Result<ValidatedForm, Report> {
                Form::from(self.clone()).validate(profile)
            }

            /// The profile the form's `platform` names: [`Form::profile`].
            #[must_use]
            pub fn profile(&self) -> Profile {
                profile_named(self.platform.as_deref())
            }
        }
    };
}

form_verbs!(GatewayConfig);
form_verbs!(ConnectionConfig);

impl AuthConfig {
    /// Every finding about this `auth` object on its own, as a form's check finds it inside
    /// a configuration (without the configuration's mode and publishable key): the scheme
    /// (one `profile` offers), its required fields, every credential through its parser.
    /// Paths are relative to the object (`secret_key`).
    ///
    /// ```
    /// use stripe_gateway_rules::config::AuthConfig;
    /// use stripe_gateway_rules::profile::Platform;
    ///
    /// let auth = AuthConfig::api_key("pk_test_TYooMQauvdEDq54NiTphI7jx");
    /// let report = auth.check(&Platform::Generic.profile());
    /// assert_eq!(report.violations()[0].code().as_str(), "publishable_key_as_secret");
    /// assert_eq!(report.violations()[0].path().to_string(), "secret_key");
    /// ```
    #[must_use]
    pub fn check(&self, profile: &Profile) -> Report {
        validate::check_auth(self, profile).0
    }

    /// The auth scheme, or the report of every finding when one is an error: the same
    /// findings as [`check`](Self::check).
    ///
    /// # Errors
    ///
    /// The [`Report`] when any finding is an error.
    pub fn validate(&self, profile: &Profile) -> Result<crate::credentials::AuthScheme, Report> {
        match validate::check_auth(self, profile) {
            (_, Some(scheme)) => Ok(scheme),
            (report, None) => Err(report),
        }
    }

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
