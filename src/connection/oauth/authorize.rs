//! The authorize request and its error: the URL the "Connect with Stripe" button opens.

use std::fmt;

use url::Url;

use super::{AUTHORIZE_URL, OAuthScope, OAuthState};
use crate::codes::OAuthCode;
use crate::credentials::{ClientId, Mode};
use crate::text::InputExcerpt;

/// What is wrong with a state, a scope or a redirect URI, with what the message needs: the
/// inside of an [`OAuthError`].
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
pub(super) enum Problem {
    /// The state is empty.
    #[error(
        "expected an OAuth state, found an empty value; generate a random value of at least 16 characters for each authorize request"
    )]
    StateEmpty,
    /// The state is shorter than [`MIN_STATE_LEN`](super::MIN_STATE_LEN).
    #[error(
        "expected an OAuth state of at least 16 characters, found {len}; generate a longer random value, which an attacker can't guess"
    )]
    StateTooShort {
        /// Its length.
        len: usize,
    },
    /// The state is longer than [`MAX_STATE_LEN`](super::MAX_STATE_LEN).
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

/// A problem with what the platform sends to Stripe (the state, the scope, the redirect URI):
/// its [`code`](Self::code), its [`remedy`](Self::remedy), and an excerpt of what was
/// [`found`](Self::found) (cut before anything secret-shaped).
///
/// ```
/// use stripe_gateway_rules::codes::OAuthCode;
/// use stripe_gateway_rules::connection::OAuthState;
///
/// let err = "k3J9 xQ2mVb7LwZ4pT8rN".parse::<OAuthState>().unwrap_err();
/// assert_eq!(err.code(), OAuthCode::StateInvalidCharacter);
/// assert_eq!(err.position(), Some(5));
/// assert_eq!(err.remedy(), "use letters, digits and punctuation only");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OAuthError {
    problem: Problem,
    found: InputExcerpt,
}

impl OAuthError {
    pub(super) fn new(found: &str, problem: Problem) -> Self {
        OAuthError {
            problem,
            found: InputExcerpt::new(found),
        }
    }

    /// Why the value was refused: `state_empty`, `state_too_short`, `state_too_long`,
    /// `state_invalid_character`, `state_holds_secret`, `scope_unknown`,
    /// `redirect_uri_invalid`, `redirect_uri_not_web`, `redirect_uri_not_https`,
    /// `redirect_uri_has_credentials`, `redirect_uri_has_fragment`,
    /// `redirect_uri_holds_secret`.
    #[must_use]
    pub fn code(&self) -> OAuthCode {
        match self.problem {
            Problem::StateEmpty => OAuthCode::StateEmpty,
            Problem::StateTooShort { .. } => OAuthCode::StateTooShort,
            Problem::StateTooLong { .. } => OAuthCode::StateTooLong,
            Problem::StateInvalidCharacter { .. } => OAuthCode::StateInvalidCharacter,
            Problem::InvalidScope { .. } => OAuthCode::ScopeUnknown,
            Problem::RedirectUriNotWeb { .. } => OAuthCode::RedirectUriNotWeb,
            Problem::RedirectUriNotHttps { .. } => OAuthCode::RedirectUriNotHttps,
            Problem::RedirectUriInvalid { .. } => OAuthCode::RedirectUriInvalid,
            Problem::RedirectUriHasCredentials => OAuthCode::RedirectUriHasCredentials,
            Problem::StateHoldsSecret => OAuthCode::StateHoldsSecret,
            Problem::RedirectUriHoldsSecret => OAuthCode::RedirectUriHoldsSecret,
            Problem::RedirectUriHasFragment { .. } => OAuthCode::RedirectUriHasFragment,
        }
    }

    /// The beginning of the value refused (the state, the scope or the redirect URI), cut
    /// before anything secret-shaped.
    #[must_use]
    pub fn found(&self) -> &InputExcerpt {
        &self.found
    }

    /// The 1-based character position at fault, for `state_invalid_character` and a
    /// `redirect_uri_invalid` with whitespace or a control character.
    #[must_use]
    pub fn position(&self) -> Option<usize> {
        match self.problem {
            Problem::StateInvalidCharacter { position, .. }
            | Problem::RedirectUriInvalid {
                reason: RedirectUriProblem::Whitespace { position, .. },
            } => Some(position),
            _ => None,
        }
    }

    /// What to do instead.
    #[must_use]
    pub fn remedy(&self) -> &'static str {
        self.code().remedy()
    }
}

impl std::error::Error for OAuthError {}

impl fmt::Display for OAuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.problem, f)
    }
}

/// What is wrong with a redirect URI that is not an absolute URL.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum RedirectUriProblem {
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
        found: InputExcerpt,
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
/// ([stripe-facts §6](crate::rules#facts-6)).
///
/// Built with [`new`](Self::new) and, optionally, [`redirect_uri`](Self::redirect_uri), which
/// checks the URI against the mode; [`url`](Self::url) gives the URL.
///
/// ```
/// use stripe_gateway_rules::credentials::Mode;
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
    /// settings: Stripe compares the two strings exactly ([stripe-facts §6](crate::rules#facts-6): the
    /// `redirect_uri` "must match" a configured one), so the string is sent unchanged.
    /// `https://sub2.example.com` and `https://sub2.example.com/` are two different URIs
    /// here, although a parsed [`Url`] would write both as the second. Stripe checks that the
    /// URI is registered; this crate can't.
    ///
    /// ```
    /// use stripe_gateway_rules::credentials::Mode;
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
            return Err(OAuthError::new(registered, Problem::RedirectUriHoldsSecret));
        }
        // `Url::parse` silently trims leading and trailing spaces and removes tabs and
        // newlines; the string is sent as given, so refuse them instead.
        if let Some((position, character)) = registered
            .chars()
            .enumerate()
            .find(|(_, c)| c.is_whitespace() || c.is_control())
        {
            return Err(OAuthError::new(
                registered,
                Problem::RedirectUriInvalid {
                    reason: RedirectUriProblem::Whitespace {
                        character,
                        position: position + 1,
                    },
                },
            ));
        }
        let err = |problem| Err(OAuthError::new(registered, problem));
        let Ok(uri) = Url::parse(registered) else {
            return err(Problem::RedirectUriInvalid {
                reason: RedirectUriProblem::NotAbsoluteUrl {
                    found: InputExcerpt::new(registered),
                },
            });
        };
        match uri.scheme() {
            "https" => {}
            "http" if self.mode == Mode::Test => {}
            "http" => {
                return err(Problem::RedirectUriNotHttps {
                    host: crate::text::truncated(uri.host_str().unwrap_or_default(), 60),
                });
            }
            other => {
                return err(Problem::RedirectUriNotWeb {
                    scheme: crate::text::truncated(other, 20),
                });
            }
        }
        if !uri.has_host() || uri.host_str() == Some("") {
            return err(Problem::RedirectUriNotWeb {
                scheme: "host-less".to_owned(),
            });
        }
        if !uri.username().is_empty() || uri.password().is_some() {
            return err(Problem::RedirectUriHasCredentials);
        }
        if let Some(fragment) = uri.fragment() {
            return err(Problem::RedirectUriHasFragment {
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

impl crate::diagnostics::ToViolation for OAuthError {
    /// This error as a [`Violation`](crate::diagnostics::Violation) at `path` (the field that
    /// holds the state, scope or redirect URI): `invalid_value`, with this error's own code as
    /// the `reason` param.
    fn to_violation(&self, path: crate::diagnostics::Path) -> crate::diagnostics::Violation {
        crate::diagnostics::Violation::error(
            path,
            crate::codes::ViolationCode::InvalidValue,
            self.to_string(),
        )
        .with_param("reason", self.code())
    }
}

impl OAuthCode {
    /// What to do about an error of this code, written for it: the remedy of [`OAuthError`]
    /// (the catalogue's too).
    #[must_use]
    pub const fn remedy(self) -> &'static str {
        match self {
            OAuthCode::StateEmpty | OAuthCode::StateTooShort => {
                "generate a random value of at least 16 characters for each authorize request"
            }
            OAuthCode::StateTooLong => "use a random value of 16 to 64 characters",
            OAuthCode::StateInvalidCharacter => "use letters, digits and punctuation only",
            OAuthCode::ScopeUnknown => "use read_write or read_only",
            OAuthCode::RedirectUriNotWeb => {
                "use the https address of the page that receives Stripe's answer"
            }
            OAuthCode::RedirectUriNotHttps => {
                "use an https redirect URI: Stripe requires https in live mode"
            }
            OAuthCode::RedirectUriInvalid => {
                "copy the URI exactly as registered in the platform's Connect settings"
            }
            OAuthCode::RedirectUriHasCredentials => {
                "remove the user name and password: the URI is visible in the browser"
            }
            OAuthCode::StateHoldsSecret => {
                "generate a random value instead, and roll the secret if it was shared"
            }
            OAuthCode::RedirectUriHoldsSecret => "remove the secret, and roll it if it was shared",
            OAuthCode::RedirectUriHasFragment => {
                "remove the fragment: OAuth redirect URIs never have one"
            }
        }
    }
}
