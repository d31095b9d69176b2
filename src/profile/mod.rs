//! Platform profiles: which fields a platform's form has and which rules apply to it
//! ([rules §11](crate::rules#rules-11)).
//!
//! Every billing platform's Stripe form is different: PortaBilling (S4) asks for a Login, a
//! Password (the API key), a Test mode flag, payment methods, data protection and a minimum
//! payment per currency; Konnektive (S0) for a gateway version and merchant keys; Kartra (S2)
//! holds no key at all. A [`Profile`] says which fields a form has, which are required and
//! which rules apply, so that a form is checked against its own platform's rules and no
//! other's. The crate ships one per seed platform ([`Platform`]) and
//! [`Platform::Generic`], which applies every rule and is what a configuration without a
//! `"platform"` gets.
//!
//! ```
//! use stripe_gateway_rules::config::Form;
//! use stripe_gateway_rules::ViolationCode;
//!
//! // PortaBilling's form: no version, no return URL, no live-card test.
//! let loaded = Form::from_json(r#"{
//!   "platform": "portabilling",
//!   "name": "Stripe USD",
//!   "login": "addonmart",
//!   "auth": { "scheme": "api_key", "secret_key": "sk_live_4eC39HqLyjWDarjtT1zdp7dc" },
//!   "mode": "live",
//!   "account": { "settlement_currency": "USD", "raw_card_data_access": true },
//!   "data_protection": "token_only",
//!   "card_brands": ["visa", "mastercard"],
//!   "currencies": [{ "currency": "USD", "minimum_payment": "0.50" }]
//! }"#)?;
//! let Form::Gateway(config) = loaded.into_form() else {
//!     panic!("PortaBilling's is a payment gateway's form")
//! };
//! let portabilling = config.profile();
//! let report = config.check(&portabilling);
//! assert!(report.is_empty(), "{report}");
//!
//! // The same form with a 4-character Login: PortaBilling's own rule.
//! let mut short = config.clone();
//! short.login = Some("test".into());
//! assert!(short.check(&portabilling).has(ViolationCode::LoginTooShort));
//! # Ok::<(), stripe_gateway_rules::config::ConfigFileError>(())
//! ```
//!
//! A platform that is not in the seeds builds its own [`Profile`] with [`Profile::new`],
//! choosing the shared [`Rule`]s, the fields its form has and requires, labels for its
//! fields, and its own checks, which report into the same [`Report`] with
//! [`Code::platform`](crate::diagnostics::Code::platform) codes.
//!
//! Profiles sit below [`config`](crate::config): a platform's own check reads the form as
//! entered ([`Form`], whose type lives below both),
//! and `config` judges forms under a profile; this module never reaches into `config`.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

mod platform;

pub use platform::{Platform, PlatformError};

use crate::diagnostics::Report;
use crate::input::Form;

/// Declares [`Rule`] and, for each rule, on which platform's profile it applies (columns in
/// the order of `input::FORM_COLUMNS`: konnektive, ipaas_connector, kartra, data_connector,
/// portabilling, generic). From this one list come the enum, [`Rule::ALL`], each shipped
/// platform's rules and the table in `Rule`'s docs.
macro_rules! declare_rules {
    ($($(#[doc = $doc:literal])* $name:ident: [$($on:ident),*];)*) => {
        /// A rule shared between platforms, which a [`Profile`] applies or not (the rows of the
        /// table of [rules §11](crate::rules#rules-11)).
        ///
        /// Parsing is not a rule: every field a form has is parsed, and a key is always checked
        /// for its kind and mode against the others.
        ///
        /// Where each rule applies among the shipped platforms' profiles
        /// ([`Platform::profile`]):
        ///
        /// | rule | konnektive | ipaas_connector | kartra | data_connector | portabilling | generic | what it checks |
        /// | --- | --- | --- | --- | --- | --- | --- | --- |
        $(#[doc = concat!("| `", stringify!($name), "` | ", $(rule_cell!($on), " | ",)* $($doc, " ",)* "|")])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Rule {
            $($(#[doc = $doc])* $name,)*
        }

        impl Rule {
            /// Every rule, in the order of the table above.
            pub const ALL: &'static [Rule] = &[$(Rule::$name),*];
        }

        /// Each rule with whether each shipped platform's profile applies it.
        const RULE_COLUMNS: &[(Rule, [bool; 6])] = &[$((Rule::$name, [$(rule_on!($on)),*])),*];
    };
}

macro_rules! rule_cell {
    (yes) => {
        "yes"
    };
    (no) => {
        "—"
    };
}

macro_rules! rule_on {
    (yes) => {
        true
    };
    (no) => {
        false
    };
}

declare_rules! {
    /// A name is required, not empty, at most 200 characters.
    Name: [yes, no, no, yes, yes, yes];
    /// `version` is `v1` or `v2`; V1 is legacy, not for new gateways (S0).
    GatewayVersion: [yes, no, no, no, no, yes];
    /// The form has a mode switch (`mode` is required), checked against the keys both ways
    /// (S4 "Test mode"); without it the mode comes from the keys' prefix.
    ModeField: [no, no, no, no, yes, yes];
    /// The secret and publishable keys share a mode.
    KeyPairMode: [yes, no, no, no, no, yes];
    /// Raw card data access whenever the platform sends card numbers (S0, S4).
    RawCardData: [yes, no, no, no, yes, yes];
    /// The platform sends card numbers to Stripe whatever its data protection (S0's decline
    /// text); with [`Rule::RawCardData`], raw card data access is needed on V2 too.
    SendsCardNumbers: [yes, no, no, no, no, no];
    /// V2 in live mode needs an https return URL for SCA redirects (S0).
    ReturnUrl: [yes, no, no, no, no, yes];
    /// A test transaction with a live card before live mode (S0), a warning.
    LiveCardTest: [yes, no, no, no, no, yes];
    /// At least one card brand; each brand takes each assigned currency.
    CardBrands: [yes, no, no, no, yes, yes];
    /// The currencies assigned and their minimum payments.
    Currencies: [yes, no, no, no, yes, yes];
    /// `data_protection` is token-only or full card except the CVV (S4).
    DataProtection: [no, no, no, no, yes, yes];
    /// S4's Login: obligatory and longer than 4 characters.
    Login: [no, no, no, no, yes, no];
    /// S1's connection settings: name, roles, timeout in milliseconds, mandatory client
    /// secret, API version.
    ConnectionSettings: [no, yes, no, no, no, no];
    /// S2's Connect integration: account id and name, the kept publishable key, no API key.
    Connect: [no, no, yes, no, no, no];
    /// S3's "Live API Key": a test key there is a warning.
    LiveKeyField: [no, no, no, yes, no, no];
}

/// The rules the shipped `platform`'s profile applies (a keyword of `input::FORM_COLUMNS`).
fn rules_of(platform: &str) -> Vec<Rule> {
    let Some(column) = crate::input::FORM_COLUMNS
        .iter()
        .position(|(p, _)| *p == platform)
    else {
        return Vec::new();
    };
    RULE_COLUMNS
        .iter()
        .filter(|(_, on)| on[column])
        .map(|(rule, _)| *rule)
        .collect()
}

impl Rule {
    const fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// Which auth schemes a form offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AuthSchemeSet(u8);

impl AuthSchemeSet {
    /// `api_key`: a secret or restricted key.
    pub const API_KEY: AuthSchemeSet = AuthSchemeSet(1);
    /// `oauth2`: client id, client secret and refresh token.
    pub const OAUTH2: AuthSchemeSet = AuthSchemeSet(2);
    /// `connect`: a connected account, no key.
    pub const CONNECT: AuthSchemeSet = AuthSchemeSet(4);
    /// Every scheme.
    pub const ALL: AuthSchemeSet = AuthSchemeSet(7);

    /// Both sets.
    #[must_use]
    pub const fn or(self, other: AuthSchemeSet) -> AuthSchemeSet {
        AuthSchemeSet(self.0 | other.0)
    }

    /// Whether the scheme named `name` (`api_key`, `oauth2`, `connect`) is in the set.
    #[must_use]
    pub fn allows(self, name: &str) -> bool {
        let bit = match name {
            "api_key" => 1,
            "oauth2" => 2,
            "connect" => 4,
            _ => return false,
        };
        self.0 & bit != 0
    }

    /// The names in the set, in the order `api_key`, `oauth2`, `connect`.
    #[must_use]
    pub fn names(self) -> Vec<&'static str> {
        ["api_key", "oauth2", "connect"]
            .into_iter()
            .filter(|n| self.allows(n))
            .collect()
    }
}

/// A platform's own check: it reads the configuration and pushes its findings, with
/// [`Code::platform`](crate::diagnostics::Code::platform) codes, into the report.
pub type PlatformCheck = Arc<dyn Fn(&Form, &mut Report) + Send + Sync>;

/// Which fields a platform's form has and requires, which [`Rule`]s apply to it, its
/// fields' labels, and its own checks.
///
/// ```
/// use stripe_gateway_rules::config::Form;
/// use stripe_gateway_rules::diagnostics::{Code, Violation};
/// use stripe_gateway_rules::profile::{AuthSchemeSet, Profile, Rule};
///
/// // A platform whose form has a name, a secret key and the currencies it charges in.
/// let profile = Profile::new("my_platform")
///     .with_rules(&[Rule::Name, Rule::CardBrands, Rule::Currencies])
///     .with_fields(&["name", "auth", "account", "card_brands", "currencies"])
///     .requiring(&["name", "auth", "account", "card_brands", "currencies"])
///     .with_auth_schemes(AuthSchemeSet::API_KEY)
///     .labelled("auth.secret_key", "Stripe secret key")
///     .with_check(|form: &Form, report: &mut stripe_gateway_rules::Report| {
///         let name = form.gateway().and_then(|g| g.name.as_deref());
///         if name.is_some_and(|n| !n.starts_with("Stripe")) {
///             report.push(
///                 Violation::warning("name", Code::platform("name_convention").unwrap(), "the name does not start with Stripe")
///                     .with_remedy("start the name with Stripe, so the payment page shows it"),
///             );
///         }
///     });
/// let loaded = Form::from_json(r#"{
///   "name": "Cards",
///   "auth": { "scheme": "api_key", "secret_key": "sk_test_4eC39HqLyjWDarjtT1zdp7dc" },
///   "account": { "settlement_currency": "EUR" },
///   "card_brands": ["visa"],
///   "currencies": [{ "currency": "EUR", "minimum_payment": "0.50" }]
/// }"#)?;
/// let report = loaded.check(&profile);
/// let codes: Vec<_> = report.violations().iter().map(|v| v.code().as_str()).collect();
/// assert_eq!(codes, ["name_convention"]);
/// # Ok::<(), stripe_gateway_rules::config::ConfigFileError>(())
/// ```
#[derive(Clone)]
pub struct Profile {
    name: Cow<'static, str>,
    rules: u32,
    fields: Vec<Cow<'static, str>>,
    required: Vec<Cow<'static, str>>,
    auth_schemes: AuthSchemeSet,
    account_settings_on_form: bool,
    labels: Vec<(Cow<'static, str>, Cow<'static, str>)>,
    permissions: Cow<'static, str>,
    checks: Vec<PlatformCheck>,
}

impl Profile {
    /// A profile named `name` with no rule, no field, every auth scheme, and no check of its
    /// own: add them with the builder methods below.
    #[must_use]
    pub fn new(name: impl Into<Cow<'static, str>>) -> Self {
        Profile {
            name: name.into(),
            rules: 0,
            fields: Vec::new(),
            required: Vec::new(),
            auth_schemes: AuthSchemeSet::ALL,
            account_settings_on_form: false,
            labels: Vec::new(),
            permissions: Cow::Borrowed("charges, refunds, customers and payment methods"),
            checks: Vec::new(),
        }
    }

    /// With these shared rules applied.
    #[must_use]
    pub fn with_rules(mut self, rules: &[Rule]) -> Self {
        for rule in rules {
            self.rules |= rule.bit();
        }
        self
    }

    /// With these top-level fields of the [file format](crate::config) on the form (`name`,
    /// `auth`, `currencies`…). A field the form does not have is reported as a warning and
    /// ignored.
    #[must_use]
    pub fn with_fields(mut self, fields: &[&'static str]) -> Self {
        self.fields.extend(fields.iter().map(|f| Cow::Borrowed(*f)));
        self
    }

    /// With these top-level fields required (`missing_field` when absent); they are on the
    /// form too.
    #[must_use]
    pub fn requiring(mut self, fields: &[&'static str]) -> Self {
        for f in fields {
            if !self.has_field(f) {
                self.fields.push(Cow::Borrowed(*f));
            }
            self.required.push(Cow::Borrowed(*f));
        }
        self
    }

    /// With only these auth schemes offered (every one by default).
    #[must_use]
    pub fn with_auth_schemes(mut self, schemes: AuthSchemeSet) -> Self {
        self.auth_schemes = schemes;
        self
    }

    /// The form records the Stripe account's settings (raw card data access): a rule that
    /// depends on one is an error when the setting is off. Without this, such a rule is a
    /// warning naming the setting, since the crate cannot know the account's state.
    #[must_use]
    pub fn with_account_settings_on_form(mut self) -> Self {
        self.account_settings_on_form = true;
        self
    }

    /// With the form's own label for a field's path (`auth.secret_key` → `Password`). Every
    /// violation at that path (or below it) carries the label as its `field_label` param, and
    /// the crate's messages and remedies name the field by it ("the Password is missing").
    #[must_use]
    pub fn labelled(
        mut self,
        path: impl Into<Cow<'static, str>>,
        label: impl Into<Cow<'static, str>>,
    ) -> Self {
        self.labels.push((path.into(), label.into()));
        self
    }

    /// What the platform's operations need a restricted key to allow, named in the warning
    /// about a restricted key (`charges, refunds, customers and payment methods` by default).
    #[must_use]
    pub fn needing_permissions(mut self, permissions: impl Into<Cow<'static, str>>) -> Self {
        self.permissions = permissions.into();
        self
    }

    /// With a check of the platform's own, run after the crate's rules into the same report.
    #[must_use]
    pub fn with_check(
        mut self,
        check: impl Fn(&Form, &mut Report) + Send + Sync + 'static,
    ) -> Self {
        self.checks.push(Arc::new(check));
        self
    }

    /// The profile's name (`portabilling`, or a platform's own).
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether the rule applies.
    #[must_use]
    pub fn applies(&self, rule: Rule) -> bool {
        self.rules & rule.bit() != 0
    }

    /// Whether the form has this top-level field.
    #[must_use]
    pub fn has_field(&self, field: &str) -> bool {
        self.fields.iter().any(|f| f == field)
    }

    /// Whether the form requires this top-level field.
    #[must_use]
    pub fn requires(&self, field: &str) -> bool {
        self.required.iter().any(|f| f == field)
    }

    /// The auth schemes the form offers.
    #[must_use]
    pub fn auth_schemes(&self) -> AuthSchemeSet {
        self.auth_schemes
    }

    /// Whether the form records the Stripe account's settings (see
    /// [`with_account_settings_on_form`](Self::with_account_settings_on_form)).
    #[must_use]
    pub fn account_settings_on_form(&self) -> bool {
        self.account_settings_on_form
    }

    /// The form's label for a path, if it has one: the path itself, or the nearest field
    /// above it (`currencies[1].minimum_payment` takes `currencies`'s label).
    #[must_use]
    pub fn label(&self, path: &str) -> Option<&str> {
        let mut p = path;
        loop {
            if let Some((_, label)) = self.labels.iter().find(|(k, _)| k == p) {
                return Some(label);
            }
            let cut = p.rfind(['.', '['])?;
            p = &p[..cut];
        }
    }

    /// The form's label for exactly this path, not inherited from a field above it: what a
    /// message names the field by.
    pub(crate) fn own_label(&self, path: &str) -> Option<&str> {
        self.labels
            .iter()
            .find(|(k, _)| k == path)
            .map(|(_, label)| label.as_ref())
    }

    /// What a restricted key needs to allow for this platform.
    #[must_use]
    pub fn permissions(&self) -> &str {
        &self.permissions
    }

    /// The platform's own checks, in the order added.
    #[must_use]
    pub fn checks(&self) -> &[PlatformCheck] {
        &self.checks
    }
}

impl fmt::Debug for Profile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Profile")
            .field("name", &self.name)
            .field("rules", &format_args!("{:#x}", self.rules))
            .field("fields", &self.fields)
            .field("required", &self.required)
            .field("auth_schemes", &self.auth_schemes)
            .field("account_settings_on_form", &self.account_settings_on_form)
            .field("labels", &self.labels)
            .field("checks", &self.checks.len())
            .finish()
    }
}

impl From<Platform> for Profile {
    fn from(platform: Platform) -> Self {
        platform.profile()
    }
}

#[cfg(test)]
mod form_tests {
    use super::*;
    use crate::input::{FORM_COLUMNS, form_of};

    /// rules §11: the `forms` columns are the shipped platforms, each once: every platform's
    /// form comes from the declaration.
    #[test]
    fn the_form_columns_are_the_shipped_platforms() {
        let shipped: Vec<&str> = Platform::ALL.iter().map(|p| p.as_str()).collect();
        let mut columns: Vec<&str> = FORM_COLUMNS.iter().map(|(p, _)| *p).collect();
        columns.sort_unstable();
        let mut expected = shipped.clone();
        expected.sort_unstable();
        assert_eq!(columns, expected);
        for platform in shipped {
            assert!(
                form_of(platform).any(|(field, _)| field == "auth"),
                "{platform}'s form has no auth"
            );
        }
        assert_eq!(form_of("another").count(), 0);
    }
}
