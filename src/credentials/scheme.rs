//! How a platform authenticates to Stripe: an API key, OAuth 2.0, or Stripe Connect
//! ([rules.md §2](crate::rules#rules-2)).
//!
//! | scheme | source | what the platform holds |
//! | --- | --- | --- |
//! | [`AuthScheme::ApiKey`] | S1, S3 ("API Key", "Live API Key"), S4 ("Password") | a secret or restricted key; optionally the account to act for |
//! | [`AuthScheme::OAuth2`] | S3 ("OAuth2") | a client id, a client secret and a refresh token; optionally the account to act for |
//! | [`AuthScheme::Connect`] | S2 ("Connect with Stripe") | no merchant secret at all: the connected account's id and name, and the publishable key kept from a migrated API-key connection |
//!
//! ```
//! use stripe_gateway_rules::{credentials::AuthScheme, credentials::Mode};
//!
//! let auth = AuthScheme::ApiKey {
//!     secret_key: "sk_live_4eC39HqLyjWDarjtT1zdp7dc".parse()?,
//!     account_id: None,
//! };
//! assert_eq!(auth.mode(), Some(Mode::Live));
//! assert!(auth.holds_secret());
//! # Ok::<(), stripe_gateway_rules::credentials::CredentialError>(())
//! ```

use crate::credentials::{
    AccountId, ClientId, ClientSecret, Mode, PublishableKey, RefreshToken, SecretKey,
};

/// The credentials of one Stripe connection. Each field is already a parsed, valid value;
/// secrets stay wrapped (see [`credentials`](crate::credentials)).
///
/// With the `serde` feature it deserializes from the configuration file's `auth` object,
/// tagged by `scheme` (`api_key`, `oauth2`, `connect`), through the same checks as
/// [`AuthConfig::validate`](crate::config::AuthConfig::validate): a failure is the report of
/// every problem, and never repeats what was typed (a secret pasted as the scheme, say). It
/// does not implement `Serialize`: it holds secrets.
#[derive(Clone)]
#[non_exhaustive]
pub enum AuthScheme {
    /// A secret or restricted API key. `account_id` acts for another account (the
    /// `Stripe-Account` header); by default the key's own account (S3: "By default, the
    /// provider will use the authenticated account").
    ApiKey {
        /// The key (`sk_…` or `rk_…`).
        secret_key: SecretKey,
        /// The account to act for, if not the key's own.
        account_id: Option<AccountId>,
    },
    /// OAuth 2.0 (S3): all three of client id, client secret and refresh token are required.
    /// Stripe marks OAuth access and refresh tokens deprecated and recommends the
    /// `Stripe-Account` header with the platform's key for new integrations (stripe-facts
    /// [§3.3](crate::rules#facts-3-3)).
    OAuth2 {
        /// The Connect client id (`ca_…`).
        client_id: ClientId,
        /// The OAuth client secret.
        client_secret: ClientSecret,
        /// The OAuth refresh token.
        refresh_token: RefreshToken,
        /// The account to act for; by default the authenticated account.
        account_id: Option<AccountId>,
    },
    /// Stripe Connect (S2): the platform holds no merchant API key; the connection is named
    /// by the connected account. No webhook configuration is needed.
    Connect {
        /// The connected account (`acct_…`).
        account_id: AccountId,
        /// The account's name as Stripe shows it (S2 shows it where the keys used to be).
        account_name: Option<String>,
        /// The publishable key kept from the API-key connection this one replaced (S2 uses it
        /// to find the account to reconnect).
        publishable_key: Option<PublishableKey>,
    },
}

impl AuthScheme {
    /// An API key: a secret or restricted key, acting for its own account.
    #[must_use]
    pub fn api_key(secret_key: SecretKey) -> Self {
        AuthScheme::ApiKey {
            secret_key,
            account_id: None,
        }
    }

    /// OAuth 2.0 (S3): client id, client secret and refresh token, acting for the
    /// authenticated account.
    #[must_use]
    pub fn oauth2(
        client_id: ClientId,
        client_secret: ClientSecret,
        refresh_token: RefreshToken,
    ) -> Self {
        AuthScheme::OAuth2 {
            client_id,
            client_secret,
            refresh_token,
            account_id: None,
        }
    }

    /// Stripe Connect (S2): the connected account, without a name or a kept publishable key
    /// yet.
    #[must_use]
    pub fn connect(account_id: AccountId) -> Self {
        AuthScheme::Connect {
            account_id,
            account_name: None,
            publishable_key: None,
        }
    }

    /// The same, acting for `account` (API key, OAuth2), or connected to it (Connect).
    #[must_use]
    pub fn with_account_id(mut self, account: AccountId) -> Self {
        match &mut self {
            AuthScheme::ApiKey { account_id, .. } | AuthScheme::OAuth2 { account_id, .. } => {
                *account_id = Some(account);
            }
            AuthScheme::Connect { account_id, .. } => *account_id = account,
        }
        self
    }

    /// The same, with the connected account's name (Connect; other schemes unchanged).
    #[must_use]
    pub fn with_account_name(mut self, name: impl Into<String>) -> Self {
        if let AuthScheme::Connect { account_name, .. } = &mut self {
            *account_name = Some(name.into());
        }
        self
    }

    /// The same, with the publishable key kept from the API-key era (Connect; other schemes
    /// unchanged).
    #[must_use]
    pub fn with_publishable_key(mut self, key: PublishableKey) -> Self {
        if let AuthScheme::Connect {
            publishable_key, ..
        } = &mut self
        {
            *publishable_key = Some(key);
        }
        self
    }

    /// The scheme's name in configuration files: `api_key`, `oauth2` or `connect`.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            AuthScheme::ApiKey { .. } => "api_key",
            AuthScheme::OAuth2 { .. } => "oauth2",
            AuthScheme::Connect { .. } => "connect",
        }
    }

    /// The mode the credentials decide, where they do: an API key's prefix says test or live;
    /// OAuth client ids and account ids do not.
    #[must_use]
    pub fn mode(&self) -> Option<Mode> {
        match self {
            AuthScheme::ApiKey { secret_key, .. } => Some(secret_key.mode()),
            AuthScheme::Connect {
                publishable_key: Some(key),
                ..
            } => Some(key.mode()),
            AuthScheme::OAuth2 { .. } | AuthScheme::Connect { .. } => None,
        }
    }

    /// The account these credentials act for, when it is named.
    #[must_use]
    pub fn account_id(&self) -> Option<&AccountId> {
        match self {
            AuthScheme::ApiKey { account_id, .. } | AuthScheme::OAuth2 { account_id, .. } => {
                account_id.as_ref()
            }
            AuthScheme::Connect { account_id, .. } => Some(account_id),
        }
    }

    /// Whether the platform stores a secret for this scheme (`Connect` holds none).
    #[must_use]
    pub fn holds_secret(&self) -> bool {
        !matches!(self, AuthScheme::Connect { .. })
    }
}

/// By hand: secrets are redacted by their own types, and a secret pasted as a Connect account
/// name is shown only by its prefix.
impl std::fmt::Debug for AuthScheme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AuthScheme::ApiKey {
                secret_key,
                account_id,
            } => f
                .debug_struct("ApiKey")
                .field("secret_key", secret_key)
                .field("account_id", account_id)
                .finish(),
            AuthScheme::OAuth2 {
                client_id,
                client_secret,
                refresh_token,
                account_id,
            } => f
                .debug_struct("OAuth2")
                .field("client_id", client_id)
                .field("client_secret", client_secret)
                .field("refresh_token", refresh_token)
                .field("account_id", account_id)
                .finish(),
            AuthScheme::Connect {
                account_id,
                account_name,
                publishable_key,
            } => f
                .debug_struct("Connect")
                .field("account_id", account_id)
                .field("account_name", &crate::text::GuardedOption(account_name))
                .field("publishable_key", publishable_key)
                .finish(),
        }
    }
}
