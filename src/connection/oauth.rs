//! Connect OAuth: the authorize URL and the callback (stripe-facts §6; rules.md §9; S2
//! "Connect with Stripe").
//!
//! | rule | source |
//! | --- | --- |
//! | authorize at `https://connect.stripe.com/oauth/authorize` with `response_type=code` ("the only option at the moment is code") and `client_id` (`ca_…`) | stripe-facts §6 |
//! | `scope` is `read_write` or `read_only` ("read_only can only be specified for extensions") | stripe-facts §6 |
//! | `state` protects against CSRF; this crate requires one of [`MIN_STATE_LEN`] to [`MAX_STATE_LEN`] printable ASCII characters and checks it on the way back | stripe-facts §6; RFC 6749 §10.12 |
//! | `redirect_uri` must match a configured URI and be https in live mode; it is sent exactly as registered (no slash added); this crate also refuses credentials, fragments and whitespace in it | stripe-facts §6; RFC 6749 §3.1.2 |
//! | the success redirect carries `code` (single use, expires in 5 minutes), `scope`, `state` | stripe-facts §6 |
//! | an error carries `error` (`access_denied`, `invalid_scope`, `invalid_redirect_uri`, `invalid_request`, `unsupported_response_type`) and `error_description`; the browser is redirected only for `access_denied` | stripe-facts §6 |
//! | a denied connection shows "The user denied your request"; the remedy is to click Connect with Stripe again | stripe-facts §6, S2 |
//! | the token response names the account (`stripe_user_id`), its mode (`livemode`), `scope`, `token_type` bearer and the deprecated `stripe_publishable_key`, `access_token`, `refresh_token`; [`OAuthToken`] keeps the account, drops the access token and keeps the refresh token as a secret | stripe-facts §6 |
//!
//! Stripe calls OAuth "not recommended for new Connect platforms" (stripe-facts §6); it is
//! still how S2's "Connect with Stripe" works.
//!
//! ```
//! use stripe_gateway_rules::Mode;
//! use stripe_gateway_rules::connection::oauth::{parse_callback, AuthorizeRequest, OAuthScope};
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
//! assert_eq!(authorization.code().expose_secret(), "ac_123456789");
//! assert_eq!(format!("{:?}", authorization.code()), "AuthorizationCode(ac_…)");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use jiff::SignedDuration;
use secrecy::{ExposeSecret, SecretString};
use url::Url;

use crate::connection::registry::SelectedAccount;
use crate::credentials::{AccountId, ClientId, Mode, PublishableKey, RefreshToken};

/// Stripe's authorize endpoint (stripe-facts §6).
pub const AUTHORIZE_URL: &str = "https://connect.stripe.com/oauth/authorize";

/// How long an authorization code can be exchanged: "expires in 5 minutes" (stripe-facts §6).
pub const AUTHORIZATION_CODE_LIFETIME: SignedDuration = SignedDuration::from_mins(5);

/// Shortest `state` accepted: 16 characters, so that a random state is not guessable
/// (RFC 6749 §10.12 asks for a non-guessable value).
pub const MIN_STATE_LEN: usize = 16;

/// Longest `state` accepted: 512 characters keep the authorize URL well under browsers'
/// URL limits.
pub const MAX_STATE_LEN: usize = 512;

/// Longest Stripe `error_description` kept (longer ones are cut, with `…`).
const MAX_DESCRIPTION_LEN: usize = 500;

/// The access a platform asks for (stripe-facts §6).
///
/// ```
/// use stripe_gateway_rules::connection::OAuthScope;
/// assert_eq!("read_write".parse::<OAuthScope>(), Ok(OAuthScope::ReadWrite));
/// assert_eq!(OAuthScope::ReadOnly.as_str(), "read_only");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum OAuthScope {
    /// `read_write`: what a billing platform needs to charge. Since June 2021 a `read_write`
    /// platform can't connect Standard accounts controlled by another platform.
    ReadWrite,
    /// `read_only`: "can only be specified for extensions"; Stripe's default for Standard
    /// accounts.
    ReadOnly,
}

impl OAuthScope {
    /// The value of the `scope` parameter.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            OAuthScope::ReadWrite => "read_write",
            OAuthScope::ReadOnly => "read_only",
        }
    }
}

impl fmt::Display for OAuthScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl FromStr for OAuthScope {
    type Err = OAuthError;

    /// Parses `read_write` or `read_only`.
    ///
    /// # Errors
    ///
    /// [`OAuthError`] with code `scope_unknown` for anything else.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "read_write" => Ok(OAuthScope::ReadWrite),
            "read_only" => Ok(OAuthScope::ReadOnly),
            other => Err(OAuthError::InvalidScope {
                found: crate::text::truncated(other, 40),
            }),
        }
    }
}

/// The `state` sent with the authorize request and expected back: a CSRF token the platform
/// generates per request (stripe-facts §6). [`MIN_STATE_LEN`] to [`MAX_STATE_LEN`] printable
/// ASCII characters, no whitespace. It travels in URLs, so it is not treated as a secret.
///
/// ```
/// use stripe_gateway_rules::connection::OAuthState;
///
/// let state: OAuthState = "k3J9xQ2mVb7LwZ4pT8rN".parse()?;
/// assert_eq!(state.as_str(), "k3J9xQ2mVb7LwZ4pT8rN");
/// assert_eq!("abc".parse::<OAuthState>().unwrap_err().code(), "state_too_short");
/// # Ok::<(), stripe_gateway_rules::connection::OAuthError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct OAuthState(String);

impl fmt::Debug for OAuthState {
    /// Guarded: a state that looks like a secret (a key pasted as the state, or any run of
    /// 16 letters and digits) is shown by its prefix only.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("OAuthState")
            .field(&crate::text::GuardedText(&self.0))
            .finish()
    }
}

impl OAuthState {
    /// The state as given.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Compares without stopping at the first difference, so timing reveals nothing.
    fn matches(&self, other: &str) -> bool {
        let (a, b) = (self.0.as_bytes(), other.as_bytes());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

impl fmt::Display for OAuthState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for OAuthState {
    type Err = OAuthError;

    /// Parses a state.
    ///
    /// # Errors
    ///
    /// [`OAuthError`]: `state_empty`, `state_too_short` (fewer than [`MIN_STATE_LEN`]
    /// characters), `state_too_long` (more than [`MAX_STATE_LEN`]), `state_invalid_character`
    /// (whitespace, control or non-ASCII characters), `state_holds_secret` (a Stripe secret
    /// such as `sk_live_…`: the state travels in the browser's address bar).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.is_empty() {
            return Err(OAuthError::StateEmpty);
        }
        if s.len() > MAX_STATE_LEN {
            return Err(OAuthError::StateTooLong { len: s.len() });
        }
        if let Some((i, c)) = s.chars().enumerate().find(|(_, c)| !c.is_ascii_graphic()) {
            return Err(OAuthError::StateInvalidCharacter {
                character: c,
                position: i + 1,
            });
        }
        if s.len() < MIN_STATE_LEN {
            return Err(OAuthError::StateTooShort { len: s.len() });
        }
        if crate::text::holds_secret_marker(s) {
            return Err(OAuthError::StateHoldsSecret);
        }
        Ok(OAuthState(s.to_owned()))
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for OAuthState {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for OAuthState {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A problem with what the platform sends to Stripe: the state, the scope, the redirect URI.
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum OAuthError {
    /// The state is empty.
    #[error(
        "expected an OAuth state, found an empty value; generate a random value of at least 16 characters for each authorize request"
    )]
    StateEmpty,
    /// The state is shorter than [`MIN_STATE_LEN`].
    #[error(
        "expected an OAuth state of at least 16 characters, found {len}; generate a longer random value, which an attacker can't guess"
    )]
    StateTooShort {
        /// Its length.
        len: usize,
    },
    /// The state is longer than [`MAX_STATE_LEN`].
    #[error(
        "expected an OAuth state of at most 512 characters, found {len}; a random value of 16 to 64 characters is enough"
    )]
    StateTooLong {
        /// Its length in bytes.
        len: usize,
    },
    /// The state contains whitespace, a control or a non-ASCII character.
    #[error(
        "expected an OAuth state of printable ASCII characters, found {character:?} at position {position}; use letters, digits and punctuation only"
    )]
    StateInvalidCharacter {
        /// The character.
        character: char,
        /// Its 1-based character position.
        position: usize,
    },
    /// A scope other than `read_write` and `read_only`.
    #[error("expected the scope read_write or read_only, found {found:?}; use one of those two")]
    InvalidScope {
        /// The value found.
        found: String,
    },
    /// The redirect URI is not an `http` or `https` URL with a host.
    #[error(
        "expected a redirect URI starting with https://, found a {scheme} URL; use the https address of the page that receives Stripe's answer"
    )]
    RedirectUriNotWeb {
        /// Its scheme.
        scheme: String,
    },
    /// An `http` redirect URI in live mode.
    #[error(
        "expected an https redirect URI in live mode, found http://{host}; Stripe requires https for live-mode redirect URIs (http is allowed in test mode only)"
    )]
    RedirectUriNotHttps {
        /// The host, to say which URI (at most 60 characters, cut before anything that looks
        /// like a secret).
        host: String,
    },
    /// The redirect URI is not an absolute URL, or has whitespace or control characters.
    #[error(
        "expected an absolute redirect URI such as https://billing.example.com/stripe/callback, {reason}; copy the URI exactly as registered in the platform's Connect settings"
    )]
    RedirectUriInvalid {
        /// What is wrong.
        reason: RedirectUriProblem,
    },
    /// A user name or password in the redirect URI.
    #[error(
        "expected a redirect URI without credentials, found a user name or password in it; remove them: the URI is visible in the browser"
    )]
    RedirectUriHasCredentials,
    /// A Stripe secret (`sk_live_…`, `rk_…`, `whsec_…`) in the state: it would travel in the
    /// browser's address bar and reach Stripe's logs.
    #[error(
        "expected a random OAuth state, found a Stripe secret in it; generate a random value instead, and roll the secret if it was shared"
    )]
    StateHoldsSecret,
    /// A Stripe secret in the redirect URI: it would travel in the browser's address bar.
    #[error(
        "expected a redirect URI without secrets, found a Stripe secret in it; remove it, and roll the secret if it was shared"
    )]
    RedirectUriHoldsSecret,
    /// A fragment (`#…`) in the redirect URI.
    #[error(
        "expected a redirect URI without a fragment, found #{fragment}; remove it: OAuth redirect URIs never have one"
    )]
    RedirectUriHasFragment {
        /// The fragment (at most 40 characters).
        fragment: String,
    },
}

impl OAuthError {
    /// A stable snake_case code: `state_empty`, `state_too_short`, `state_too_long`,
    /// `state_invalid_character`, `scope_unknown`, `redirect_uri_invalid`, `redirect_uri_not_web`,
    /// `redirect_uri_not_https`, `redirect_uri_has_credentials`, `redirect_uri_has_fragment`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            OAuthError::StateEmpty => "state_empty",
            OAuthError::StateTooShort { .. } => "state_too_short",
            OAuthError::StateTooLong { .. } => "state_too_long",
            OAuthError::StateInvalidCharacter { .. } => "state_invalid_character",
            OAuthError::InvalidScope { .. } => "scope_unknown",
            OAuthError::RedirectUriNotWeb { .. } => "redirect_uri_not_web",
            OAuthError::RedirectUriNotHttps { .. } => "redirect_uri_not_https",
            OAuthError::RedirectUriInvalid { .. } => "redirect_uri_invalid",
            OAuthError::RedirectUriHasCredentials => "redirect_uri_has_credentials",
            OAuthError::StateHoldsSecret => "state_holds_secret",
            OAuthError::RedirectUriHoldsSecret => "redirect_uri_holds_secret",
            OAuthError::RedirectUriHasFragment { .. } => "redirect_uri_has_fragment",
        }
    }
}

impl OAuthError {
    /// This error as a [`Violation`](crate::diagnostics::Violation) at `path` (the field that
    /// holds the state, scope or redirect URI): `invalid_value`, with this error's own code as
    /// the `reason` param.
    #[must_use]
    pub fn to_violation(&self, path: crate::diagnostics::Path) -> crate::diagnostics::Violation {
        crate::diagnostics::Violation::error(
            path,
            crate::codes::ViolationCode::InvalidValue,
            self.to_string(),
        )
        .with_param("reason", self.code())
    }
}

/// What is wrong with a redirect URI that is not an absolute URL (in
/// [`OAuthError::RedirectUriInvalid`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RedirectUriProblem {
    /// A space, tab, newline or other control character, which would be sent as part of the
    /// URI.
    Whitespace {
        /// The character.
        character: char,
        /// Its 1-based character position.
        position: usize,
    },
    /// Not an absolute URL (no scheme, or not a URL at all).
    NotAbsoluteUrl {
        /// The beginning of the value (secret-safe).
        found: crate::text::InputExcerpt,
    },
}

impl fmt::Display for RedirectUriProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RedirectUriProblem::Whitespace {
                character,
                position,
            } => write!(f, "found {character:?} at position {position}"),
            RedirectUriProblem::NotAbsoluteUrl { found } => write!(f, "found {found}"),
        }
    }
}

/// The authorize request: the URL the platform's "Connect with Stripe" button opens
/// (stripe-facts §6).
///
/// Built with [`new`](Self::new) and, optionally, [`redirect_uri`](Self::redirect_uri), which
/// checks the URI against the mode; [`url`](Self::url) gives the URL.
///
/// ```
/// use stripe_gateway_rules::Mode;
/// use stripe_gateway_rules::connection::{AuthorizeRequest, OAuthScope};
///
/// let state = "k3J9xQ2mVb7LwZ4pT8rN".parse()?;
/// let request = AuthorizeRequest::new(
///     "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb".parse()?,
///     OAuthScope::ReadWrite,
///     &state,
///     Mode::Test,
/// );
/// assert_eq!(
///     request.url().as_str(),
///     "https://connect.stripe.com/oauth/authorize?response_type=code\
///      &client_id=ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb&scope=read_write&state=k3J9xQ2mVb7LwZ4pT8rN"
/// );
///
/// // Live mode needs https.
/// let live = AuthorizeRequest::new(
///     "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb".parse()?,
///     OAuthScope::ReadWrite,
///     &state,
///     Mode::Live,
/// );
/// let err = live.redirect_uri("http://billing.example.com/cb").unwrap_err();
/// assert_eq!(err.code(), "redirect_uri_not_https");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorizeRequest {
    client_id: ClientId,
    scope: OAuthScope,
    state: OAuthState,
    mode: Mode,
    /// Checked: http(s), a host, no credentials, no fragment; kept as text so that `Debug`
    /// never goes through `Url`'s (which prints passwords).
    redirect_uri: Option<String>,
}

impl AuthorizeRequest {
    /// A request for `client_id` with `scope` and `state`, in `mode` (which decides whether
    /// an http redirect URI is allowed). Without a redirect URI, Stripe uses the first one
    /// configured for the platform.
    #[must_use]
    pub fn new(client_id: ClientId, scope: OAuthScope, state: &OAuthState, mode: Mode) -> Self {
        AuthorizeRequest {
            client_id,
            scope,
            state: state.clone(),
            mode,
            redirect_uri: None,
        }
    }

    /// Sets the redirect URI, exactly as it is registered in the platform's Connect
    /// settings: Stripe compares the two strings exactly (stripe-facts §6: the
    /// `redirect_uri` "must match" a configured one), so the string is sent unchanged.
    /// `https://sub2.example.com` and `https://sub2.example.com/` are two different URIs
    /// here, although a parsed [`Url`] would write both as the second. Stripe checks that the
    /// URI is registered; this crate can't.
    ///
    /// ```
    /// use stripe_gateway_rules::Mode;
    /// use stripe_gateway_rules::connection::{AuthorizeRequest, OAuthScope};
    ///
    /// let state = "k3J9xQ2mVb7LwZ4pT8rN".parse()?;
    /// let url = AuthorizeRequest::new("ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb".parse()?, OAuthScope::ReadWrite, &state, Mode::Live)
    ///     .redirect_uri("https://sub2.example.com")?
    ///     .url();
    /// let sent = url.query_pairs().find(|(k, _)| k == "redirect_uri").map(|(_, v)| v.into_owned());
    /// assert_eq!(sent.as_deref(), Some("https://sub2.example.com")); // no slash added
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`OAuthError`]: `redirect_uri_invalid` (not an absolute URL, or with whitespace or
    /// control characters, which Stripe would not match), `redirect_uri_not_web` (not http or
    /// https, or no host), `redirect_uri_not_https` (http in live mode),
    /// `redirect_uri_has_credentials` (a user name or password), `redirect_uri_has_fragment`,
    /// `redirect_uri_holds_secret` (a Stripe secret anywhere in it).
    pub fn redirect_uri(mut self, registered: &str) -> Result<Self, OAuthError> {
        if crate::text::holds_secret_marker(registered) {
            return Err(OAuthError::RedirectUriHoldsSecret);
        }
        // `Url::parse` silently trims leading and trailing spaces and removes tabs and
        // newlines; the string is sent as given, so refuse them instead.
        if let Some((position, character)) = registered
            .chars()
            .enumerate()
            .find(|(_, c)| c.is_whitespace() || c.is_control())
        {
            return Err(OAuthError::RedirectUriInvalid {
                reason: RedirectUriProblem::Whitespace {
                    character,
                    position: position + 1,
                },
            });
        }
        let uri = Url::parse(registered).map_err(|_| OAuthError::RedirectUriInvalid {
            reason: RedirectUriProblem::NotAbsoluteUrl {
                found: crate::text::InputExcerpt::new(registered),
            },
        })?;
        match uri.scheme() {
            "https" => {}
            "http" if self.mode == Mode::Test => {}
            "http" => {
                return Err(OAuthError::RedirectUriNotHttps {
                    host: crate::text::truncated(uri.host_str().unwrap_or_default(), 60),
                });
            }
            other => {
                return Err(OAuthError::RedirectUriNotWeb {
                    scheme: crate::text::truncated(other, 20),
                });
            }
        }
        if !uri.has_host() || uri.host_str() == Some("") {
            return Err(OAuthError::RedirectUriNotWeb {
                scheme: "host-less".to_owned(),
            });
        }
        if !uri.username().is_empty() || uri.password().is_some() {
            return Err(OAuthError::RedirectUriHasCredentials);
        }
        if let Some(fragment) = uri.fragment() {
            return Err(OAuthError::RedirectUriHasFragment {
                fragment: crate::text::truncated(fragment, 40),
            });
        }
        self.redirect_uri = Some(registered.to_owned());
        Ok(self)
    }

    /// The redirect URI exactly as given to [`redirect_uri`](Self::redirect_uri), if any.
    #[must_use]
    pub fn registered_redirect_uri(&self) -> Option<&str> {
        self.redirect_uri.as_deref()
    }

    /// The authorize URL: `https://connect.stripe.com/oauth/authorize?response_type=code&
    /// client_id=…&scope=…&state=…[&redirect_uri=…]`.
    #[must_use]
    pub fn url(&self) -> Url {
        // AUTHORIZE_URL is a valid absolute URL; parsing it can't fail.
        let mut url = Url::parse(AUTHORIZE_URL).unwrap_or_else(|_| unreachable!());
        {
            let mut query = url.query_pairs_mut();
            query
                .append_pair("response_type", "code")
                .append_pair("client_id", self.client_id.as_str())
                .append_pair("scope", self.scope.as_str())
                .append_pair("state", self.state.as_str());
            if let Some(uri) = &self.redirect_uri {
                query.append_pair("redirect_uri", uri);
            }
        }
        url
    }
}

/// The single-use authorization code of a successful callback (`ac_…`; stripe-facts §6,
/// §3.3): it "can only be used once and expires in 5 minutes", and consuming it twice revokes
/// the connection. Treated as a secret: `Debug` shows `AuthorizationCode(ac_…)`; no
/// `Display`, `Serialize` or `PartialEq`.
#[derive(Clone)]
pub struct AuthorizationCode(SecretString);

impl AuthorizationCode {
    /// The code, to exchange at `https://connect.stripe.com/oauth/token`. The one way to read
    /// it.
    #[must_use]
    pub fn expose_secret(&self) -> &str {
        self.0.expose_secret()
    }
}

impl fmt::Debug for AuthorizationCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AuthorizationCode(ac_…)")
    }
}

/// What a successful callback grants: the code to exchange and the scope Stripe reported.
#[derive(Debug, Clone)]
pub struct OAuthGrant {
    code: AuthorizationCode,
    scope: Option<OAuthScope>,
}

impl OAuthGrant {
    /// The authorization code (exchange it within [`AUTHORIZATION_CODE_LIFETIME`], once).
    #[must_use]
    pub fn code(&self) -> &AuthorizationCode {
        &self.code
    }

    /// The scope in the callback, when Stripe sent one.
    #[must_use]
    pub fn scope(&self) -> Option<OAuthScope> {
        self.scope
    }

    /// The code, consuming the authorization.
    #[must_use]
    pub fn into_code(self) -> AuthorizationCode {
        self.code
    }
}

/// An error code Stripe's authorize endpoint returns (stripe-facts §6).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OAuthErrorCode {
    /// `access_denied`: "User denied authorization." The only error for which Stripe
    /// redirects the browser.
    AccessDenied,
    /// `invalid_scope`: "Invalid `scope` parameter provided."
    InvalidScope,
    /// `invalid_redirect_uri`: "Provided `redirect_uri` parameter is an invalid URL or isn't
    /// allowed by your application settings."
    InvalidRedirectUri,
    /// `invalid_request`: "Missing `response_type` parameter."
    InvalidRequest,
    /// `unsupported_response_type`: "Currently the only supported `response_type` is code."
    UnsupportedResponseType,
    /// Any other code (at most 64 characters kept).
    Other(String),
}

impl OAuthErrorCode {
    /// Recognises Stripe's code.
    #[must_use]
    pub fn from_code(code: &str) -> Self {
        match code {
            "access_denied" => OAuthErrorCode::AccessDenied,
            "invalid_scope" => OAuthErrorCode::InvalidScope,
            "invalid_redirect_uri" => OAuthErrorCode::InvalidRedirectUri,
            "invalid_request" => OAuthErrorCode::InvalidRequest,
            "unsupported_response_type" => OAuthErrorCode::UnsupportedResponseType,
            other => OAuthErrorCode::Other(crate::text::truncated(other, 64)),
        }
    }

    /// The code as Stripe sends it.
    #[must_use]
    pub fn as_str(&self) -> &str {
        match self {
            OAuthErrorCode::AccessDenied => "access_denied",
            OAuthErrorCode::InvalidScope => "invalid_scope",
            OAuthErrorCode::InvalidRedirectUri => "invalid_redirect_uri",
            OAuthErrorCode::InvalidRequest => "invalid_request",
            OAuthErrorCode::UnsupportedResponseType => "unsupported_response_type",
            OAuthErrorCode::Other(code) => code,
        }
    }

    fn remedy(&self) -> &'static str {
        match self {
            OAuthErrorCode::AccessDenied => {
                "click Connect with Stripe again and finish connecting in Stripe's window"
            }
            OAuthErrorCode::InvalidScope => {
                "request the scope read_write or read_only (read_only is only for extensions)"
            }
            OAuthErrorCode::InvalidRedirectUri => {
                "use a redirect_uri that exactly matches one configured in the platform's Connect settings in the Stripe Dashboard (https in live mode)"
            }
            OAuthErrorCode::InvalidRequest => "send response_type=code with the authorize request",
            OAuthErrorCode::UnsupportedResponseType => {
                "send response_type=code, the only response type Stripe supports"
            }
            OAuthErrorCode::Other(_) => {
                "read Stripe's error description and https://docs.stripe.com/connect/oauth-reference"
            }
        }
    }
}

impl fmt::Display for OAuthErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// Why a callback gave no authorization code.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CallbackError {
    /// Stripe answered with an `error` (and usually an `error_description`).
    Stripe {
        /// Stripe's error code.
        code: OAuthErrorCode,
        /// Stripe's `error_description`, such as "The user denied your request".
        description: Option<String>,
    },
    /// The callback has no `state`, while one was sent: it may not answer this request.
    StateMissing,
    /// The callback's `state` is not the one sent: a forged or stale callback (CSRF).
    StateMismatch,
    /// No `code` (or an empty one) in a callback without an `error`.
    CodeMissing,
    /// A `code` that is not an authorization code (`ac_` and letters and digits).
    CodeInvalid,
    /// A `scope` other than `read_write` and `read_only`.
    ScopeInvalid {
        /// The scope found (at most 40 characters).
        found: String,
    },
    /// A parameter given more than once, which makes the callback ambiguous.
    DuplicateParameter {
        /// The parameter's name.
        name: &'static str,
    },
}

impl std::error::Error for CallbackError {}

impl CallbackError {
    /// A stable snake_case code: Stripe's own code for the five documented ones
    /// (`access_denied`, `invalid_scope`, `invalid_redirect_uri`, `invalid_request`,
    /// `unsupported_response_type`), `oauth_error` for another Stripe code, and
    /// `state_missing`, `state_mismatch`, `code_missing`, `code_invalid`, `scope_unknown`,
    /// `duplicate_parameter`. (`invalid_scope` here is always Stripe's: the authorize request
    /// asked for a scope Stripe refused; `scope_unknown` is a scope this crate cannot read.)
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            CallbackError::Stripe { code, .. } => match code {
                OAuthErrorCode::AccessDenied => "access_denied",
                OAuthErrorCode::InvalidScope => "invalid_scope",
                OAuthErrorCode::InvalidRedirectUri => "invalid_redirect_uri",
                OAuthErrorCode::InvalidRequest => "invalid_request",
                OAuthErrorCode::UnsupportedResponseType => "unsupported_response_type",
                OAuthErrorCode::Other(_) => "oauth_error",
            },
            CallbackError::StateMissing => "state_missing",
            CallbackError::StateMismatch => "state_mismatch",
            CallbackError::CodeMissing => "code_missing",
            CallbackError::CodeInvalid => "code_invalid",
            CallbackError::ScopeInvalid { .. } => "scope_unknown",
            CallbackError::DuplicateParameter { .. } => "duplicate_parameter",
        }
    }

    /// Stripe's error code, for errors Stripe returned.
    #[must_use]
    pub fn stripe_code(&self) -> Option<&OAuthErrorCode> {
        match self {
            CallbackError::Stripe { code, .. } => Some(code),
            _ => None,
        }
    }

    /// Stripe's `error_description`, for errors Stripe returned with one.
    #[must_use]
    pub fn description(&self) -> Option<&str> {
        match self {
            CallbackError::Stripe { description, .. } => description.as_deref(),
            _ => None,
        }
    }
}

impl CallbackError {
    /// This error as a [`Violation`](crate::diagnostics::Violation) of the callback, for a
    /// report: `oauth_denied` when Stripe answered with an error (Stripe's code is the
    /// `stripe_code` param), `oauth_state_mismatch` when the state is missing or another, and
    /// `invalid_value` for a malformed callback (this error's code is the `reason` param). The
    /// path is the callback parameter concerned (`error`, `state`, `code`, `scope`).
    #[must_use]
    pub fn to_violation(&self) -> crate::diagnostics::Violation {
        use crate::codes::ViolationCode;
        use crate::diagnostics::Violation;
        let (path, code) = match self {
            CallbackError::Stripe { .. } => ("error", ViolationCode::OauthDenied),
            CallbackError::StateMissing | CallbackError::StateMismatch => {
                ("state", ViolationCode::OauthStateMismatch)
            }
            CallbackError::CodeMissing | CallbackError::CodeInvalid => {
                ("code", ViolationCode::InvalidValue)
            }
            CallbackError::ScopeInvalid { .. } => ("scope", ViolationCode::InvalidValue),
            CallbackError::DuplicateParameter { name } => (*name, ViolationCode::InvalidValue),
        };
        let v = Violation::error(path, code, self.to_string()).with_param("reason", self.code());
        match self.stripe_code() {
            Some(stripe) => v.with_param("stripe_code", stripe.as_str()),
            None => v,
        }
    }
}

impl fmt::Display for CallbackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallbackError::Stripe { code, description } => {
                write!(f, "Stripe refused the connection with {code}")?;
                if let Some(description) = description {
                    write!(f, " ({description:?})")?;
                }
                write!(f, "; {}", code.remedy())
            }
            CallbackError::StateMissing => f.write_str(
                "expected the OAuth state sent with the authorize request, found no state in the callback; start again from Connect with Stripe",
            ),
            CallbackError::StateMismatch => f.write_str(
                "expected the OAuth state sent with the authorize request, found a different one: the callback does not answer this request; start again from Connect with Stripe",
            ),
            CallbackError::CodeMissing => f.write_str(
                "expected an authorization code in the callback, found none; start again from Connect with Stripe",
            ),
            CallbackError::CodeInvalid => f.write_str(
                "expected an authorization code (ac_…) in the callback, found a value of another shape; start again from Connect with Stripe",
            ),
            CallbackError::ScopeInvalid { found } => write!(
                f,
                "expected the scope read_write or read_only in the callback, found {found:?}; check the scope the authorize request asked for"
            ),
            CallbackError::DuplicateParameter { name } => write!(
                f,
                "expected one {name} parameter in the callback, found several; start again from Connect with Stripe"
            ),
        }
    }
}

/// Reads Stripe's redirect to the platform after the authorize page (stripe-facts §6).
///
/// * With an `error` parameter: [`CallbackError::Stripe`] with Stripe's code and
///   description, such as `access_denied` and "The user denied your request". The error is
///   reported whether or not the redirect carries a state, since it grants nothing; a state
///   that is present and different is [`CallbackError::StateMismatch`].
/// * Otherwise the `state` must equal `expected_state`, and `code` must be an authorization
///   code (`ac_…`); `scope`, when present, must be `read_write` or `read_only`.
///
/// The code in the result is single-use and expires in 5 minutes
/// ([`AUTHORIZATION_CODE_LIFETIME`]).
///
/// ```
/// use stripe_gateway_rules::connection::{parse_callback, CallbackError, OAuthErrorCode};
///
/// let state = "k3J9xQ2mVb7LwZ4pT8rN".parse()?;
/// let denied = "https://billing.example.com/cb?error=access_denied&error_description=The%20user%20denied%20your%20request".parse()?;
/// let err = parse_callback(&denied, &state).unwrap_err();
/// assert_eq!(err.stripe_code(), Some(&OAuthErrorCode::AccessDenied));
/// assert_eq!(err.description(), Some("The user denied your request"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// A [`CallbackError`]: Stripe's error; `state_missing` or `state_mismatch`; `code_missing`
/// or `code_invalid`; `scope_unknown`; `duplicate_parameter` when `code`, `state`, `scope`,
/// `error` or `error_description` appears more than once.
pub fn parse_callback(
    redirect: &Url,
    expected_state: &OAuthState,
) -> Result<OAuthGrant, CallbackError> {
    const NAMES: [&str; 5] = ["code", "state", "scope", "error", "error_description"];
    let mut values: [Option<String>; 5] = Default::default();
    for (key, value) in redirect.query_pairs() {
        if let Some(i) = NAMES.iter().position(|n| *n == key) {
            if values[i].is_some() {
                return Err(CallbackError::DuplicateParameter { name: NAMES[i] });
            }
            values[i] = Some(value.into_owned());
        }
    }
    let [code, state, scope, error, description] = values;

    let state_ok = state.as_deref().map(|s| expected_state.matches(s));
    if let Some(error) = error {
        if state_ok == Some(false) {
            return Err(CallbackError::StateMismatch);
        }
        return Err(CallbackError::Stripe {
            code: OAuthErrorCode::from_code(&error),
            description: description.map(|d| crate::text::truncated(&d, MAX_DESCRIPTION_LEN)),
        });
    }
    match state_ok {
        None => return Err(CallbackError::StateMissing),
        Some(false) => return Err(CallbackError::StateMismatch),
        Some(true) => {}
    }
    let code = match code {
        None => return Err(CallbackError::CodeMissing),
        Some(c) if c.is_empty() => return Err(CallbackError::CodeMissing),
        Some(c) => SecretString::from(c),
    };
    let body = code
        .expose_secret()
        .strip_prefix("ac_")
        .ok_or(CallbackError::CodeInvalid)?;
    if body.is_empty() || body.len() > 252 || !body.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(CallbackError::CodeInvalid);
    }
    let scope = match scope {
        None => None,
        Some(s) => Some(s.parse().map_err(|_| CallbackError::ScopeInvalid {
            found: crate::text::truncated(&s, 40),
        })?),
    };
    Ok(OAuthGrant {
        code: AuthorizationCode(code),
        scope,
    })
}

/// Stripe's answer to the token request (`POST https://connect.stripe.com/oauth/token`,
/// stripe-facts §6; <https://docs.stripe.com/connect/oauth-reference>): the connected account
/// (`stripe_user_id`), its mode (`livemode`), the `scope`, and the deprecated
/// `stripe_publishable_key`, `access_token` and `refresh_token`.
///
/// The access token is dropped: it is a secret key of the connected account, and Stripe
/// recommends acting with the platform's own key and the account id instead (it calls the
/// field deprecated). The refresh token is kept in a [`RefreshToken`], redacted in `Debug`.
/// No `Serialize`, no `PartialEq`.
///
/// ```
/// use stripe_gateway_rules::Mode;
/// use stripe_gateway_rules::connection::OAuthToken;
///
/// let token = OAuthToken::from_json(r#"{
///   "access_token": "sk_test_4eC39HqLyjWDarjtT1zdp7dcAbCdEf",
///   "livemode": false,
///   "refresh_token": "rt_9kSdf8Lx2Qw3ErTy5UiOp7AsDfGh",
///   "scope": "read_write",
///   "stripe_publishable_key": "pk_test_TYooMQauvdEDq54NiTphI7jx",
///   "stripe_user_id": "acct_1R3fqDP6919yCiFv",
///   "token_type": "bearer"
/// }"#)?;
/// assert_eq!(token.account_id().as_str(), "acct_1R3fqDP6919yCiFv");
/// assert_eq!(token.mode(), Mode::Test);
/// assert!(!format!("{token:?}").contains("4eC39HqLyj"));
/// # Ok::<(), stripe_gateway_rules::connection::TokenResponseError>(())
/// ```
#[derive(Clone)]
pub struct OAuthToken {
    account_id: AccountId,
    mode: Mode,
    scope: Option<OAuthScope>,
    publishable_key: Option<PublishableKey>,
    refresh_token: Option<RefreshToken>,
}

impl fmt::Debug for OAuthToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuthToken")
            .field("account_id", &self.account_id)
            .field("mode", &self.mode)
            .field("scope", &self.scope)
            .field("publishable_key", &self.publishable_key)
            .field("refresh_token", &self.refresh_token)
            .finish_non_exhaustive()
    }
}

impl OAuthToken {
    /// The connected account (`stripe_user_id`).
    #[must_use]
    pub fn account_id(&self) -> &AccountId {
        &self.account_id
    }

    /// Test or live (`livemode`).
    #[must_use]
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The scope granted, when Stripe sent one.
    #[must_use]
    pub fn scope(&self) -> Option<OAuthScope> {
        self.scope
    }

    /// The account's publishable key (`stripe_publishable_key`), when Stripe sent one: what
    /// matches a connection kept from the API-key era (S2).
    #[must_use]
    pub fn publishable_key(&self) -> Option<&PublishableKey> {
        self.publishable_key.as_ref()
    }

    /// The refresh token, when Stripe sent one.
    #[must_use]
    pub fn refresh_token(&self) -> Option<&RefreshToken> {
        self.refresh_token.as_ref()
    }

    /// The account as selected in Stripe's window, for [`Connections::add`] and
    /// [`Connections::reconnect`]: its id and, when known, its publishable key.
    ///
    /// [`Connections::add`]: crate::Connections::add
    /// [`Connections::reconnect`]: crate::Connections::reconnect
    #[must_use]
    pub fn selected_account(&self) -> SelectedAccount {
        let account = SelectedAccount::new(self.account_id.clone());
        match &self.publishable_key {
            Some(key) => account.with_publishable_key(key.clone()),
            None => account,
        }
    }
}

/// Why a token response gave no account (stripe-facts §6). Messages never quote the tokens.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TokenResponseError {
    /// Stripe answered with an error (`invalid_grant`, `invalid_request`…).
    #[error("Stripe refused the token request with {code}{}; {}", description.as_ref().map(|d| format!(" ({d:?})")).unwrap_or_default(), code.remedy())]
    Stripe {
        /// Stripe's error code.
        code: OAuthErrorCode,
        /// Stripe's `error_description` (at most 500 characters, cut before anything
        /// secret-shaped).
        description: Option<String>,
    },
    /// Not JSON, or empty, or larger than 1 MiB.
    #[error(
        "expected Stripe's JSON token response, found invalid JSON at line {line}, column {column}; pass the HTTP response body unchanged"
    )]
    Syntax {
        /// 1-based line (0 for an empty or oversized body).
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// A required field is absent or null.
    #[error("expected {field} in Stripe's token response, found none; pass the body unchanged")]
    MissingField {
        /// The field.
        field: &'static str,
    },
    /// A field of the wrong JSON type, or the body is not an object.
    #[error("expected {field} to be {expected}, found {found}; pass Stripe's body unchanged")]
    WrongType {
        /// The field (`body` for the whole body).
        field: &'static str,
        /// What it should be.
        expected: &'static str,
        /// What it is.
        found: crate::diagnosis::JsonKind,
    },
    /// `stripe_user_id`, `stripe_publishable_key` or `refresh_token` does not parse.
    #[error("expected a valid {field} in Stripe's token response: {source}")]
    InvalidField {
        /// The field.
        field: &'static str,
        /// Why (never quoting a secret).
        source: crate::credentials::CredentialError,
    },
    /// A `scope` other than `read_write` and `read_only`.
    #[error(
        "expected the scope read_write or read_only in Stripe's token response, found {found:?}"
    )]
    InvalidScope {
        /// The scope (at most 40 characters).
        found: String,
    },
    /// A `token_type` other than `bearer`.
    #[error("expected token_type bearer, found {found:?}; Stripe's token type is always bearer")]
    TokenType {
        /// The type (at most 40 characters).
        found: String,
    },
    /// `livemode` disagrees with the publishable key's mode.
    #[error(
        "expected the publishable key's mode ({key_mode}) to be the token's (livemode {livemode}), found them different; exchange the code with a secret key of the code's mode"
    )]
    ModeMismatch {
        /// `livemode`.
        livemode: bool,
        /// The publishable key's mode.
        key_mode: Mode,
    },
}

impl TokenResponseError {
    /// A stable snake_case code: `oauth_error` (Stripe's code is in the error), `syntax`,
    /// `missing_field`, `wrong_type`, `invalid_field`, `scope_unknown`, `token_type`,
    /// `mode_mismatch`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            TokenResponseError::Stripe { .. } => "oauth_error",
            TokenResponseError::Syntax { .. } => "syntax",
            TokenResponseError::MissingField { .. } => "missing_field",
            TokenResponseError::WrongType { .. } => "wrong_type",
            TokenResponseError::InvalidField { .. } => "invalid_field",
            TokenResponseError::InvalidScope { .. } => "scope_unknown",
            TokenResponseError::TokenType { .. } => "token_type",
            TokenResponseError::ModeMismatch { .. } => "mode_mismatch",
        }
    }
}

#[cfg(feature = "serde")]
impl OAuthToken {
    /// Reads Stripe's token response: `stripe_user_id` and `livemode` are required;
    /// `scope`, `stripe_publishable_key`, `refresh_token`, `token_type` (always `bearer`) are
    /// checked when present; `access_token` is dropped unread. An error body
    /// (`{"error": "invalid_grant", "error_description": …}`) is Stripe's error.
    ///
    /// # Errors
    ///
    /// [`TokenResponseError`]: Stripe's error; `syntax` (not JSON, empty, over 1 MiB);
    /// `missing_field`; `wrong_type`; `invalid_field` (an account id, publishable key or
    /// refresh token that does not parse); `scope_unknown`; `token_type`; `mode_mismatch`
    /// (the publishable key's mode is not `livemode`'s).
    pub fn from_json(body: &str) -> Result<Self, TokenResponseError> {
        use crate::diagnosis::JsonKind;
        use serde_json::Value;

        if body.is_empty() || body.len() > crate::diagnosis::MAX_BODY_LEN {
            return Err(TokenResponseError::Syntax { line: 0, column: 0 });
        }
        let value: Value = serde_json::from_str(body).map_err(|e| TokenResponseError::Syntax {
            line: e.line(),
            column: e.column(),
        })?;
        let Value::Object(map) = value else {
            return Err(TokenResponseError::WrongType {
                field: "body",
                expected: "an object",
                found: JsonKind::of(&value),
            });
        };
        let string = |field: &'static str| -> Result<Option<&str>, TokenResponseError> {
            match map.get(field) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.as_str())),
                Some(other) => Err(TokenResponseError::WrongType {
                    field,
                    expected: "a string",
                    found: JsonKind::of(other),
                }),
            }
        };
        if let Some(error) = string("error")? {
            return Err(TokenResponseError::Stripe {
                code: OAuthErrorCode::from_code(error),
                description: string("error_description")?
                    .map(|d| crate::text::truncated(d, MAX_DESCRIPTION_LEN)),
            });
        }
        let account_id = string("stripe_user_id")?
            .ok_or(TokenResponseError::MissingField {
                field: "stripe_user_id",
            })?
            .parse::<AccountId>()
            .map_err(|source| TokenResponseError::InvalidField {
                field: "stripe_user_id",
                source,
            })?;
        let mode = match map.get("livemode") {
            Some(Value::Bool(true)) => Mode::Live,
            Some(Value::Bool(false)) => Mode::Test,
            None | Some(Value::Null) => {
                return Err(TokenResponseError::MissingField { field: "livemode" });
            }
            Some(other) => {
                return Err(TokenResponseError::WrongType {
                    field: "livemode",
                    expected: "a boolean",
                    found: JsonKind::of(other),
                });
            }
        };
        let scope = match string("scope")? {
            None => None,
            Some(s) => Some(s.parse().map_err(|_| TokenResponseError::InvalidScope {
                found: crate::text::truncated(s, 40),
            })?),
        };
        if let Some(t) = string("token_type")? {
            if t != "bearer" {
                return Err(TokenResponseError::TokenType {
                    found: crate::text::truncated(t, 40),
                });
            }
        }
        let publishable_key = match string("stripe_publishable_key")? {
            None => None,
            Some(k) => Some(k.parse::<PublishableKey>().map_err(|source| {
                TokenResponseError::InvalidField {
                    field: "stripe_publishable_key",
                    source,
                }
            })?),
        };
        if let Some(key) = &publishable_key {
            if key.mode() != mode {
                return Err(TokenResponseError::ModeMismatch {
                    livemode: mode == Mode::Live,
                    key_mode: key.mode(),
                });
            }
        }
        let refresh_token = match string("refresh_token")? {
            None => None,
            Some(t) => Some(t.parse::<RefreshToken>().map_err(|source| {
                TokenResponseError::InvalidField {
                    field: "refresh_token",
                    source,
                }
            })?),
        };
        // `access_token` is only checked for its type, then dropped.
        string("access_token")?;
        Ok(OAuthToken {
            account_id,
            mode,
            scope,
            publishable_key,
            refresh_token,
        })
    }
}
