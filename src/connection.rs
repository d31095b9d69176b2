//! Connections to Stripe and their lifecycle: Connect OAuth, reconnecting, legacy
//! credentials, connection settings ([rules.md §9](crate::rules#rules-9)).
//!
//! # The rules
//!
//! | rule | where | source |
//! | --- | --- | --- |
//! | the authorize URL is `https://connect.stripe.com/oauth/authorize` with `response_type=code`, `client_id`, `scope` (`read_write`/`read_only`), `state` and an optional `redirect_uri` (https in live mode) | [`AuthorizeRequest`] | [stripe-facts §6](crate::rules#facts-6) |
//! | the callback carries a single-use `code` (`ac_…`, expires in 5 minutes), or an `error` such as `access_denied` ("The user denied your request") | [`parse_callback`] | [stripe-facts §6](crate::rules#facts-6), S2 |
//! | the callback's `state` must be the one sent (CSRF) | [`parse_callback`] | [stripe-facts §6](crate::rules#facts-6) |
//! | reconnecting must select the account connected before, matched by account id or by the publishable key kept from the API-key era; else "Stripe account does not match" | [`Connections::reconnect`] | S2 |
//! | Stripe's token response becomes the selected account; a connection is found, removed or reconnected by its account id or by its kept publishable key | [`OAuthToken`], [`Connections::find`], [`Connections::reconnect`] | [stripe-facts §6](crate::rules#facts-6); S2 |
//! | an account already integrated on this platform can't be added again | [`Connections::add`] | S2 |
//! | an account connected to another platform is ineligible | [`Connections::add`], [`Connections::reconnect`] | S2 |
//! | several connections per platform, one per Stripe account | [`Connections`] | S2 |
//! | API-key connections created before 2024-07-11 had to be re-authenticated by 2024-09-16 | [`LegacyCredentialPolicy`] | S2 |
//! | a connection has a name, an active flag, source and target roles, a timeout in milliseconds, the mandatory secret key and the API version | [`ConnectionSettings`] | S1 |
//!
//! Everything here is pure: the state of the Stripe account selected in Stripe's window, the
//! redirect URL and today's date are parameters.
//!
//! ```
//! use stripe_gateway_rules::{connection::Connections, connection::SelectedAccount};
//!
//! let mut connections = Connections::new();
//! let account = SelectedAccount::new("acct_1R3fqDP6919yCiFv".parse()?);
//! connections.add(&account)?;
//!
//! // The same account can't be integrated twice (S2).
//! let err = connections.add(&account).unwrap_err();
//! assert_eq!(err.code(), "already_integrated");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// One path per item: the submodules are private, and everything they define for users is
// re-exported here.
mod legacy;
mod oauth;
mod registry;
mod settings;

pub use legacy::{LegacyCredentialPolicy, LegacyPolicyError, LegacyStatus};
pub use oauth::{AUTHORIZATION_CODE_LIFETIME, AUTHORIZE_URL, MAX_STATE_LEN, MIN_STATE_LEN};
pub use oauth::{
    AuthorizationCode, AuthorizeRequest, CallbackError, OAuthError, OAuthErrorCode, OAuthGrant,
    OAuthScope, OAuthState, OAuthToken, TokenResponseError, parse_callback,
};
pub use registry::{Connection, ConnectionError, ConnectionKey, Connections, SelectedAccount};
pub use settings::{
    ConnectionSettings, ConnectionSettingsConfig, MAX_NAME_LEN, MAX_TIMEOUT_MS, Timeout,
    TimeoutError,
};
