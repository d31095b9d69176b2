//! Connect OAuth: the authorize URL and the callback ([stripe-facts §6](crate::rules#facts-6); [rules.md §9](crate::rules#rules-9); S2
//! "Connect with Stripe").
//!
//! | rule | source |
//! | --- | --- |
//! | authorize at `https://connect.stripe.com/oauth/authorize` with `response_type=code` ("the only option at the moment is code") and `client_id` (`ca_…`) | [stripe-facts §6](crate::rules#facts-6) |
//! | `scope` is `read_write` or `read_only` ("read_only can only be specified for extensions") | [stripe-facts §6](crate::rules#facts-6) |
//! | `state` protects against CSRF; this crate requires one of [`MIN_STATE_LEN`] to [`MAX_STATE_LEN`] printable ASCII characters and checks it on the way back | [stripe-facts §6](crate::rules#facts-6); RFC 6749 §10.12 |
//! | `redirect_uri` must match a configured URI and be https in live mode; it is sent exactly as registered (no slash added); this crate also refuses credentials, fragments and whitespace in it | [stripe-facts §6](crate::rules#facts-6); RFC 6749 §3.1.2 |
//! | the success redirect carries `code` (single use, expires in 5 minutes), `scope`, `state` | [stripe-facts §6](crate::rules#facts-6) |
//! | an error carries `error` (`access_denied`, `invalid_scope`, `invalid_redirect_uri`, `invalid_request`, `unsupported_response_type`) and `error_description`; the browser is redirected only for `access_denied` | [stripe-facts §6](crate::rules#facts-6) |
//! | a denied connection shows "The user denied your request"; the remedy is to click Connect with Stripe again | [stripe-facts §6](crate::rules#facts-6), S2 |
//! | the token response names the account (`stripe_user_id`), its mode (`livemode`), `scope`, `token_type` bearer and the deprecated `stripe_publishable_key`, `access_token`, `refresh_token`; [`OAuthToken`] keeps the account, drops the access token and keeps the refresh token as a secret | [stripe-facts §6](crate::rules#facts-6) |
//!
//! Stripe calls OAuth "not recommended for new Connect platforms" ([stripe-facts §6](crate::rules#facts-6)); it is
//! still how S2's "Connect with Stripe" works.
//!
//! ```
//! use stripe_gateway_rules::credentials::Mode;
//! use stripe_gateway_rules::connection::{parse_callback, AuthorizeRequest, OAuthScope};
//!
//! let state = "k3J9xQ2mVb7LwZ4pT8rN".parse()?;
//! let url = AuthorizeRequest::new(
//!     "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb".parse()?,
//!     OAuthScope::ReadWrite,
//!     &state,
//!     Mode::Live,
//! )
//! .redirect_uri("https://billing.example.com/stripe/callback")?
//! .url();
//! assert_eq!(url.host_str(), Some("connect.stripe.com"));
//!
//! let back = "https://billing.example.com/stripe/callback?scope=read_write&code=ac_123456789&state=k3J9xQ2mVb7LwZ4pT8rN".parse()?;
//! let authorization = parse_callback(&back, &state)?;
//! assert_eq!(authorization.authorization_code().expose_secret(), "ac_123456789");
//! assert_eq!(format!("{:?}", authorization.authorization_code()), "AuthorizationCode(ac_…)");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use jiff::SignedDuration;

mod authorize;
mod callback;
mod state;
mod token;

pub use authorize::{AuthorizeRequest, OAuthError};
pub use callback::{AuthorizationCode, CallbackError, OAuthErrorCode, OAuthGrant, parse_callback};
pub use state::{OAuthScope, OAuthState};
pub use token::{OAuthToken, TokenResponseError};

/// Stripe's authorize endpoint ([stripe-facts §6](crate::rules#facts-6)).
pub const AUTHORIZE_URL: &str = "https://connect.stripe.com/oauth/authorize";

/// How long an authorization code can be exchanged: "expires in 5 minutes" ([stripe-facts §6](crate::rules#facts-6)).
pub const AUTHORIZATION_CODE_LIFETIME: SignedDuration = SignedDuration::from_mins(5);

/// Shortest `state` accepted: 16 characters, so that a random state is not guessable
/// (RFC 6749 §10.12 asks for a non-guessable value).
pub const MIN_STATE_LEN: usize = 16;

/// Longest `state` accepted: 512 characters keep the authorize URL well under browsers'
/// URL limits.
pub const MAX_STATE_LEN: usize = 512;

/// Longest Stripe `error_description` kept (longer ones are cut, with `…`).
const MAX_DESCRIPTION_LEN: usize = 500;
