//! Credentials a billing platform stores to reach Stripe: API keys, account and client ids,
//! OAuth secrets.
//!
//! # The rules ([rules.md §1](crate::rules#rules-1); [stripe-facts §3](crate::rules#facts-3))
//!
//! | string | prefix | secret? | what it is for |
//! | --- | --- | --- | --- |
//! | [`SecretKey`] | `sk_test_`, `sk_live_` | yes | authenticates API requests (S1 "Client Secret", S3 "Live API Key", S4 "Password") |
//! | [`SecretKey`] (restricted) | `rk_test_`, `rk_live_` | yes | authenticates API requests with limited permissions |
//! | [`PublishableKey`] | `pk_test_`, `pk_live_` | no | identifies an account in browsers and apps; **cannot** authenticate API requests |
//! | [`AccountId`] | `acct_` | no | a Stripe account, e.g. the connected account of a Connect integration |
//! | [`ClientId`] | `ca_` | no | a Connect platform's OAuth client id |
//! | [`ClientSecret`], [`RefreshToken`] | (opaque) | yes | OAuth 2.0 credentials (S3) |
//!
//! The prefix gives the kind and the [`Mode`]. Stripe documents the prefixes only
//! (<https://docs.stripe.com/keys>, <https://docs.stripe.com/api/authentication>); the body is
//! ASCII letters and digits, observed at 24 characters (legacy keys, Stripe's own samples) and
//! 99 (modern keys). This crate accepts bodies of [`MIN_KEY_BODY_LEN`] to [`MAX_KEY_BODY_LEN`]
//! characters, the widest range any scanner uses (trufflehog: 20–247; gitleaks: 10–99).
//! `sk_prod_` appears in one scanner's samples but is not documented by Stripe, so it is
//! rejected with an error that says so.
//!
//! Parsing never trims, never guesses and never panics. A value pasted into the wrong slot
//! (a publishable key where a secret key belongs, a webhook secret, a client id, a
//! PaymentIntent client secret…) gets a [`CredentialError`] that names what was found and
//! what to paste instead; the error never contains the secret.
//!
//! # Secrets stay wrapped
//!
//! [`SecretKey`], [`ClientSecret`] and [`RefreshToken`] keep their value in a
//! [`secrecy::SecretString`]. Their `Debug` and [`redacted`](SecretKey::redacted) forms show
//! only the prefix and the last four characters (`sk_live_…a1b2`), the way Stripe's Dashboard
//! shows keys. They implement neither `Display` nor `Serialize` nor `PartialEq`; reading the
//! secret is one explicit call, [`expose_secret`](SecretKey::expose_secret).
//!
//! ```
//! use stripe_gateway_rules::{credentials::Mode, credentials::PublishableKey, credentials::SecretKey};
//!
//! let key: SecretKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dc".parse()?;
//! assert_eq!(key.mode(), Mode::Live);
//! assert_eq!(format!("{key:?}"), "SecretKey(sk_live_…p7dc)");
//!
//! let err = "pk_live_TYooMQauvdEDq54NiTphI7jx".parse::<SecretKey>().unwrap_err();
//! assert_eq!(err.code(), "publishable_key_as_secret");
//! # Ok::<(), stripe_gateway_rules::credentials::CredentialError>(())
//! ```

use std::fmt;

mod errors;
mod public;
mod scan;
mod scheme;
mod secrets;

pub use errors::{CredentialError, WhitespacePlace};
pub use public::{AccountId, ClientId, PublishableKey};
pub use scheme::AuthScheme;
pub use secrets::{ClientSecret, RefreshToken, SecretKey};

use scan::{Recognised, recognise};

/// Shortest key body accepted (characters after the `sk_live_`-style prefix).
///
/// Scanners use 10 (gitleaks, osv-scalibr); Stripe's shortest observed keys have 24.
pub const MIN_KEY_BODY_LEN: usize = 10;

/// Longest key body accepted (trufflehog's bound; Stripe's modern keys have 99).
pub const MAX_KEY_BODY_LEN: usize = 247;

/// Longest identifier accepted, prefix included: "object IDs can contain up to 255
/// characters" (<https://docs.stripe.com/upgrades>).
pub const MAX_ID_LEN: usize = 255;

/// Longest opaque OAuth secret accepted ([`ClientSecret`], [`RefreshToken`]).
pub const MAX_OPAQUE_SECRET_LEN: usize = 1024;

/// Inputs longer than this are refused before they are looked at character by character.
const MAX_INPUT_LEN: usize = 4096;

/// Test or live: every Stripe request is one or the other, decided by the key it uses, and
/// objects never cross modes (Stripe error `livemode_mismatch`; [rules.md §1](crate::rules#rules-1)).
///
/// Sandboxes use test-mode keys (`sk_test_`, `pk_test_`), so they are [`Mode::Test`]. The
/// enum is deliberately exhaustive (unlike this crate's other enums): every Stripe request is
/// one of exactly these two, so code may match on it without a wildcard.
///
/// ```
/// use stripe_gateway_rules::credentials::Mode;
/// assert_eq!("live".parse::<Mode>()?, Mode::Live);
/// assert_eq!(Mode::Test.to_string(), "test");
/// # Ok::<(), stripe_gateway_rules::credentials::ModeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Mode {
    /// Test mode (and sandboxes): `sk_test_`, `rk_test_`, `pk_test_` keys; no real money moves.
    Test,
    /// Live mode: `sk_live_`, `rk_live_`, `pk_live_` keys; real payments.
    Live,
}

crate::text::keyword_enum!(Mode, ModeError, "a mode, `test` or `live`", {
    Test => "test",
    Live => "live",
});

/// The slot a credential was meant for: what the caller expected to parse.
///
/// It words the first half of every [`CredentialError`] ("expected a secret key, …") and
/// chooses its remedy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CredentialSlot {
    /// A secret or restricted API key ([`SecretKey`]).
    SecretKey,
    /// A publishable key ([`PublishableKey`]).
    PublishableKey,
    /// An account id ([`AccountId`]).
    AccountId,
    /// A Connect client id ([`ClientId`]).
    ClientId,
    /// An OAuth client secret ([`ClientSecret`]).
    ClientSecret,
    /// An OAuth refresh token ([`RefreshToken`]).
    RefreshToken,
}

impl CredentialSlot {
    fn article_name(self) -> &'static str {
        match self {
            CredentialSlot::SecretKey => "a secret key",
            CredentialSlot::PublishableKey => "a publishable key",
            CredentialSlot::AccountId => "an account id",
            CredentialSlot::ClientId => "a Connect client id",
            CredentialSlot::ClientSecret => "an OAuth client secret",
            CredentialSlot::RefreshToken => "an OAuth refresh token",
        }
    }

    fn paste_hint(self) -> &'static str {
        match self {
            CredentialSlot::SecretKey => {
                "paste the secret key (sk_test_… or sk_live_…) or a restricted key (rk_test_… or rk_live_…) from the Stripe Dashboard, Developers > API keys"
            }
            CredentialSlot::PublishableKey => {
                "paste the publishable key (pk_test_… or pk_live_…) from the Stripe Dashboard, Developers > API keys"
            }
            CredentialSlot::AccountId => {
                "paste the account id (acct_…) from the Stripe Dashboard, Settings > Business > Account details"
            }
            CredentialSlot::ClientId => {
                "paste the client id (ca_…) from the Stripe Dashboard, Connect settings"
            }
            CredentialSlot::ClientSecret => {
                "paste the client secret your OAuth application was given when it was registered"
            }
            CredentialSlot::RefreshToken => {
                "paste the refresh token returned with the OAuth access token"
            }
        }
    }

    /// Whether this slot holds a secret.
    #[must_use]
    pub fn holds_secret(self) -> bool {
        matches!(
            self,
            CredentialSlot::SecretKey | CredentialSlot::ClientSecret | CredentialSlot::RefreshToken
        )
    }
}

impl fmt::Display for CredentialSlot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.article_name())
    }
}

/// A kind of Stripe string, recognised by its prefix: what a [`CredentialError`] says was
/// found in the wrong slot.
///
/// Prefixes from [stripe-facts §3](crate::rules#facts-3) and `tests/data/stripe-key-patterns.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StripeStringKind {
    /// `sk_test_…`, `sk_live_…`.
    SecretKey,
    /// `rk_test_…`, `rk_live_…`.
    RestrictedKey,
    /// `pk_test_…`, `pk_live_…`.
    PublishableKey,
    /// `sk_org…`: organization API keys, which need `Stripe-Context` headers.
    OrganizationKey,
    /// `whsec_…`: webhook signing secrets ("aren't API keys").
    WebhookSecret,
    /// `ca_…`: Connect client ids.
    ClientId,
    /// `acct_…`: account ids.
    AccountId,
    /// `pi_…_secret_…`: a PaymentIntent's client secret.
    PaymentIntentClientSecret,
    /// `seti_…_secret_…`: a SetupIntent's client secret.
    SetupIntentClientSecret,
    /// `tok_…`: a card token.
    Token,
    /// `pm_…`: a PaymentMethod id.
    PaymentMethod,
    /// `ac_…`: a single-use OAuth authorization code.
    AuthorizationCode,
}

impl StripeStringKind {
    fn describe(self) -> &'static str {
        match self {
            StripeStringKind::SecretKey => "a secret key (sk_…)",
            StripeStringKind::RestrictedKey => "a restricted key (rk_…)",
            StripeStringKind::PublishableKey => "a publishable key (pk_…)",
            StripeStringKind::OrganizationKey => {
                "an organization API key (sk_org…), which needs Stripe-Context headers and acts for no single account"
            }
            StripeStringKind::WebhookSecret => {
                "a webhook signing secret (whsec_…), which verifies webhook events and is not an API key"
            }
            StripeStringKind::ClientId => "a Connect client id (ca_…)",
            StripeStringKind::AccountId => "an account id (acct_…)",
            StripeStringKind::PaymentIntentClientSecret => {
                "a PaymentIntent client secret (pi_…_secret_…), which belongs to one payment in a browser"
            }
            StripeStringKind::SetupIntentClientSecret => {
                "a SetupIntent client secret (seti_…_secret_…), which belongs to one setup in a browser"
            }
            StripeStringKind::Token => "a card token (tok_…)",
            StripeStringKind::PaymentMethod => "a payment method id (pm_…)",
            StripeStringKind::AuthorizationCode => {
                "an OAuth authorization code (ac_…), which is used once and expires in 5 minutes"
            }
        }
    }

    /// Whether strings of this kind are secrets that must never be shown or logged.
    #[must_use]
    pub fn is_secret(self) -> bool {
        matches!(
            self,
            StripeStringKind::SecretKey
                | StripeStringKind::RestrictedKey
                | StripeStringKind::OrganizationKey
                | StripeStringKind::WebhookSecret
                | StripeStringKind::PaymentIntentClientSecret
                | StripeStringKind::SetupIntentClientSecret
                | StripeStringKind::AuthorizationCode
        )
    }
}

impl fmt::Display for StripeStringKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// Recognises what kind of Stripe string `s` is by its prefix, if any. Useful to tell a user
/// what they pasted; it checks the prefix only.
///
/// ```
/// use stripe_gateway_rules::credentials::{recognise_stripe_string, StripeStringKind};
///
/// assert_eq!(recognise_stripe_string("whsec_abc"), Some(StripeStringKind::WebhookSecret));
/// assert_eq!(recognise_stripe_string("hello"), None);
/// ```
#[must_use]
pub fn recognise_stripe_string(s: &str) -> Option<StripeStringKind> {
    match recognise(s) {
        Recognised::Key { kind, .. } | Recognised::Other(kind) => Some(kind),
        Recognised::UnknownMode { .. } | Recognised::Unknown => None,
    }
}

// Its code and remedy, and how it becomes a violation (crate::codes).
crate::codes::value_codes!(ModeError => UnknownKeyword);
crate::codes::invalid_value_violations!(ModeError);
