//! What a form without errors validates into: a payment gateway, or a connection.

use std::fmt;

use super::ValidatedGateway;
use crate::codes::ViolationCode;
use crate::connection::ConnectionSettings;
use crate::credentials::AuthScheme;
use crate::credentials::{Mode, PublishableKey};
use crate::diagnostics::Path;
use crate::diagnostics::{Report, Violation};

#[cfg(doc)]
use super::{GatewayConfig, GatewayDraft};

/// A form that passed `validate` ([`GatewayConfig::validate`], [`GatewayDraft::validate`]):
/// no error, every field parsed, every rule of its profile holds. What it sets up depends on
/// the fields it has:
///
/// * a form with the payment fields (the account's settlement currency and at least one
///   assigned currency: Konnektive, PortaBilling, a generic gateway) is a
///   [`Gateway`](Self::Gateway), the [`ValidatedGateway`] that checks payments;
/// * a form without them (Kartra's Connect, an iPaaS or data connector's connection) is a
///   [`Connection`](Self::Connection): valid, with nothing to fix, but it takes no payments.
///
/// Either way it keeps the warnings of its validation: [`report`](Self::report) is the
/// report [`GatewayConfig::check`] gives for the same form and profile.
///
/// ```
/// use stripe_gateway_rules::config::{AuthConfig, GatewayConfig, ValidatedForm};
///
/// // Kartra's form (S2): a connected account, no key, no payment fields.
/// let config = {
///     let mut config = GatewayConfig::default();
///     config.platform = Some("kartra".into());
///     config.auth = Some(AuthConfig::connect("acct_1R3fqDP6919yCiFv", "Acme Coaching LLC"));
///     config
/// };
/// let form = config.validate(&config.profile()).expect("a valid connection");
/// assert!(matches!(form, ValidatedForm::Connection(_)));
/// assert!(form.gateway().is_none());
/// assert_eq!(form.into_gateway().unwrap_err().code().as_str(), "payment_fields_missing");
/// ```
#[derive(Clone, Debug)]
pub enum ValidatedForm {
    /// A payment gateway: the form has the payment fields.
    Gateway(Box<ValidatedGateway>),
    /// A connection: the form has no payment fields.
    Connection(Box<ValidatedConnection>),
}

impl ValidatedForm {
    /// The payment gateway, when the form is one.
    #[must_use]
    pub fn gateway(&self) -> Option<&ValidatedGateway> {
        match self {
            ValidatedForm::Gateway(g) => Some(g.as_ref()),
            ValidatedForm::Connection(_) => None,
        }
    }

    /// The connection, when the form is one.
    #[must_use]
    pub fn connection(&self) -> Option<&ValidatedConnection> {
        match self {
            ValidatedForm::Gateway(_) => None,
            ValidatedForm::Connection(c) => Some(c.as_ref()),
        }
    }

    /// The payment gateway, for the checks that take one (operations on every payment).
    ///
    /// # Errors
    ///
    /// A connection cannot take payments: an error [`Violation`] with the code
    /// `payment_fields_missing` at the root, saying which fields a gateway would need. It is
    /// not a finding of the form (the form is valid), only the answer to "is it a gateway?".
    pub fn into_gateway(self) -> Result<ValidatedGateway, Box<Violation>> {
        match self {
            ValidatedForm::Gateway(g) => Ok(*g),
            ValidatedForm::Connection(c) => Err(Box::new(Violation::error(
                Path::default(),
                ViolationCode::PaymentFieldsMissing,
                format!(
                    "this {} form is valid as a connection, but it has no settlement currency or no assigned currencies, so it cannot take payments",
                    c.profile
                ),
            )
            .with_remedy(
                "nothing to fix for a connection; to take payments through it, give the account's settlement currency and the currencies it charges in, each with its minimum payment",
            ))),
        }
    }

    /// The warnings of the validation, in field order.
    #[must_use]
    pub fn warnings(&self) -> &[Violation] {
        match self {
            ValidatedForm::Gateway(g) => g.warnings(),
            ValidatedForm::Connection(c) => c.warnings(),
        }
    }

    /// The validation's report: valid, with the warnings; the same as `check`'s.
    #[must_use]
    pub fn report(&self) -> Report {
        self.warnings().iter().cloned().collect()
    }
}

/// A valid form without payment fields: the credentials and settings of a connection
/// (Kartra's Connect, S2; an iPaaS connector, S1; a data connector, S3). Built only by
/// `validate` ([`ValidatedForm::Connection`]).
///
/// Its `Debug` shows secrets only redacted, and a secret pasted as the name only by its
/// prefix.
#[derive(Clone)]
pub struct ValidatedConnection {
    pub(super) profile: String,
    pub(super) name: Option<String>,
    pub(super) mode: Option<Mode>,
    pub(super) auth: Option<AuthScheme>,
    pub(super) publishable_key: Option<PublishableKey>,
    pub(super) settings: Option<ConnectionSettings>,
    pub(super) warnings: Vec<Violation>,
}

impl ValidatedConnection {
    /// The connection's name, when the form has one (Kartra's has none).
    #[must_use]
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// Test or live: the form's mode, or its keys' when it has no mode field; `None` when
    /// neither says (a Connect integration without a publishable key).
    #[must_use]
    pub fn mode(&self) -> Option<Mode> {
        self.mode
    }

    /// The credentials, when the form has them.
    #[must_use]
    pub fn auth(&self) -> Option<&AuthScheme> {
        self.auth.as_ref()
    }

    /// The publishable key, when the form has one (Kartra keeps it to find the account).
    #[must_use]
    pub fn publishable_key(&self) -> Option<&PublishableKey> {
        self.publishable_key.as_ref()
    }

    /// S1's connection settings (roles, timeout, API version), for a profile that applies
    /// [`Rule::ConnectionSettings`](crate::profile::Rule::ConnectionSettings).
    #[must_use]
    pub fn settings(&self) -> Option<&ConnectionSettings> {
        self.settings.as_ref()
    }

    /// The warnings of the validation, in field order.
    #[must_use]
    pub fn warnings(&self) -> &[Violation] {
        &self.warnings
    }

    /// The validation's report: valid, with the warnings.
    #[must_use]
    pub fn report(&self) -> Report {
        self.warnings.iter().cloned().collect()
    }
}

impl fmt::Debug for ValidatedConnection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ValidatedConnection")
            .field("profile", &self.profile)
            .field("name", &crate::text::GuardedOption(&self.name))
            .field("mode", &self.mode)
            .field("auth", &self.auth)
            .field("publishable_key", &self.publishable_key)
            .field("settings", &self.settings)
            .field("warnings", &self.warnings)
            .finish()
    }
}
