//! The callback: reading the redirect Stripe sends back, [`parse_callback`] and its error.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};
use url::Url;

use super::{MAX_DESCRIPTION_LEN, OAuthScope, OAuthState};

/// The single-use authorization code of a successful callback (`ac_…`; [stripe-facts §6](crate::rules#facts-6),
/// [§3.3](crate::rules#facts-3-3)): it "can only be used once and expires in 5 minutes", and consuming it twice revokes
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
    /// The authorization code (exchange it within
    /// [`AUTHORIZATION_CODE_LIFETIME`](super::AUTHORIZATION_CODE_LIFETIME), once).
    #[must_use]
    pub fn authorization_code(&self) -> &AuthorizationCode {
        &self.code
    }

    /// The scope in the callback, when Stripe sent one.
    #[must_use]
    pub fn scope(&self) -> Option<OAuthScope> {
        self.scope
    }
}

/// An error code Stripe's authorize endpoint returns ([stripe-facts §6](crate::rules#facts-6)).
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

    pub(super) fn remedy(&self) -> &'static str {
        use crate::codes::OAuthCallbackCode as C;
        match self {
            OAuthErrorCode::AccessDenied => C::AccessDenied.remedy(),
            OAuthErrorCode::InvalidScope => C::InvalidScope.remedy(),
            OAuthErrorCode::InvalidRedirectUri => C::InvalidRedirectUri.remedy(),
            OAuthErrorCode::InvalidRequest => C::InvalidRequest.remedy(),
            OAuthErrorCode::UnsupportedResponseType => C::UnsupportedResponseType.remedy(),
            OAuthErrorCode::Other(_) => C::OauthError.remedy(),
        }
    }
}

impl fmt::Display for OAuthErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// What is wrong with a callback: the inside of a [`CallbackError`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum CallbackProblem {
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

/// Why a callback gave no authorization code: its [`code`](Self::code), its
/// [`remedy`](Self::remedy), Stripe's own code and description when Stripe refused, and the
/// callback [`parameter`](Self::parameter) concerned.
///
/// ```
/// use stripe_gateway_rules::codes::OAuthCallbackCode;
/// use stripe_gateway_rules::connection::parse_callback;
///
/// let state = "k3J9xQ2mVb7LwZ4pT8rN".parse()?;
/// let forged = "https://billing.example.com/cb?code=ac_123&state=another-state-1234".parse()?;
/// let err = parse_callback(&forged, &state).unwrap_err();
/// assert_eq!((err.code(), err.parameter()), (OAuthCallbackCode::StateMismatch, "state"));
/// assert_eq!(err.remedy(), "start again from Connect with Stripe");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CallbackError(CallbackProblem);

impl From<CallbackProblem> for CallbackError {
    fn from(problem: CallbackProblem) -> Self {
        CallbackError(problem)
    }
}

impl std::error::Error for CallbackError {}

impl CallbackError {
    /// The callback parameter concerned: `error` when Stripe refused, else `state`, `code`,
    /// `scope` or the parameter given twice.
    #[must_use]
    pub fn parameter(&self) -> &'static str {
        match self.0 {
            CallbackProblem::Stripe { .. } => "error",
            CallbackProblem::StateMissing | CallbackProblem::StateMismatch => "state",
            CallbackProblem::CodeMissing | CallbackProblem::CodeInvalid => "code",
            CallbackProblem::ScopeInvalid { .. } => "scope",
            CallbackProblem::DuplicateParameter { name } => name,
        }
    }

    /// What to do instead.
    #[must_use]
    pub fn remedy(&self) -> &'static str {
        self.code().remedy()
    }

    /// A stable snake_case code: Stripe's own code for the five documented ones
    /// (`access_denied`, `invalid_scope`, `invalid_redirect_uri`, `invalid_request`,
    /// `unsupported_response_type`), `oauth_error` for another Stripe code, and
    /// `state_missing`, `state_mismatch`, `code_missing`, `code_invalid`, `scope_unknown`,
    /// `duplicate_parameter`. (`invalid_scope` here is always Stripe's: the authorize request
    /// asked for a scope Stripe refused; `scope_unknown` is a scope this crate cannot read.)
    #[must_use]
    pub fn code(&self) -> crate::codes::OAuthCallbackCode {
        match &self.0 {
            CallbackProblem::Stripe { code, .. } => match code {
                OAuthErrorCode::AccessDenied => crate::codes::OAuthCallbackCode::AccessDenied,
                OAuthErrorCode::InvalidScope => crate::codes::OAuthCallbackCode::InvalidScope,
                OAuthErrorCode::InvalidRedirectUri => {
                    crate::codes::OAuthCallbackCode::InvalidRedirectUri
                }
                OAuthErrorCode::InvalidRequest => crate::codes::OAuthCallbackCode::InvalidRequest,
                OAuthErrorCode::UnsupportedResponseType => {
                    crate::codes::OAuthCallbackCode::UnsupportedResponseType
                }
                OAuthErrorCode::Other(_) => crate::codes::OAuthCallbackCode::OauthError,
            },
            CallbackProblem::StateMissing => crate::codes::OAuthCallbackCode::StateMissing,
            CallbackProblem::StateMismatch => crate::codes::OAuthCallbackCode::StateMismatch,
            CallbackProblem::CodeMissing => crate::codes::OAuthCallbackCode::CodeMissing,
            CallbackProblem::CodeInvalid => crate::codes::OAuthCallbackCode::CodeInvalid,
            CallbackProblem::ScopeInvalid { .. } => crate::codes::OAuthCallbackCode::ScopeUnknown,
            CallbackProblem::DuplicateParameter { .. } => {
                crate::codes::OAuthCallbackCode::DuplicateParameter
            }
        }
    }

    /// Stripe's error code, for errors Stripe returned.
    #[must_use]
    pub fn stripe_code(&self) -> Option<&OAuthErrorCode> {
        match &self.0 {
            CallbackProblem::Stripe { code, .. } => Some(code),
            _ => None,
        }
    }

    /// Stripe's `error_description`, for errors Stripe returned with one.
    #[must_use]
    pub fn description(&self) -> Option<&str> {
        match &self.0 {
            CallbackProblem::Stripe { description, .. } => description.as_deref(),
            _ => None,
        }
    }
}

impl fmt::Display for CallbackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            CallbackProblem::Stripe { code, description } => {
                write!(f, "Stripe refused the connection with {code}")?;
                if let Some(description) = description {
                    write!(f, " ({description:?})")?;
                }
                write!(f, "; {}", code.remedy())
            }
            CallbackProblem::StateMissing => f.write_str(
                "expected the OAuth state sent with the authorize request, found no state in the callback; start again from Connect with Stripe",
            ),
            CallbackProblem::StateMismatch => f.write_str(
                "expected the OAuth state sent with the authorize request, found a different one: the callback does not answer this request; start again from Connect with Stripe",
            ),
            CallbackProblem::CodeMissing => f.write_str(
                "expected an authorization code in the callback, found none; start again from Connect with Stripe",
            ),
            CallbackProblem::CodeInvalid => f.write_str(
                "expected an authorization code (ac_…) in the callback, found a value of another shape; start again from Connect with Stripe",
            ),
            CallbackProblem::ScopeInvalid { found } => write!(
                f,
                "expected the scope read_write or read_only in the callback, found {found:?}; check the scope the authorize request asked for"
            ),
            CallbackProblem::DuplicateParameter { name } => write!(
                f,
                "expected one {name} parameter in the callback, found several; start again from Connect with Stripe"
            ),
        }
    }
}

/// Reads Stripe's redirect to the platform after the authorize page ([stripe-facts §6](crate::rules#facts-6)).
///
/// * With an `error` parameter: a [`CallbackError`] with Stripe's code and
///   description, such as `access_denied` and "The user denied your request". The error is
///   reported whether or not the redirect carries a state, since it grants nothing; a state
///   that is present and different is `state_mismatch`.
/// * Otherwise the `state` must equal `expected_state`, and `code` must be an authorization
///   code (`ac_…`); `scope`, when present, must be `read_write` or `read_only`.
///
/// The code in the result is single-use and expires in 5 minutes
/// ([`AUTHORIZATION_CODE_LIFETIME`](super::AUTHORIZATION_CODE_LIFETIME)).
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
                return Err(CallbackProblem::DuplicateParameter { name: NAMES[i] }.into());
            }
            values[i] = Some(value.into_owned());
        }
    }
    let [code, state, scope, error, description] = values;

    let state_ok = state.as_deref().map(|s| expected_state.matches(s));
    if let Some(error) = error {
        if state_ok == Some(false) {
            return Err(CallbackProblem::StateMismatch.into());
        }
        return Err(CallbackProblem::Stripe {
            code: OAuthErrorCode::from_code(&error),
            description: description.map(|d| crate::text::truncated(&d, MAX_DESCRIPTION_LEN)),
        }
        .into());
    }
    match state_ok {
        None => return Err(CallbackProblem::StateMissing.into()),
        Some(false) => return Err(CallbackProblem::StateMismatch.into()),
        Some(true) => {}
    }
    let code = match code {
        None => return Err(CallbackProblem::CodeMissing.into()),
        Some(c) if c.is_empty() => return Err(CallbackProblem::CodeMissing.into()),
        Some(c) => SecretString::from(c),
    };
    let body = code
        .expose_secret()
        .strip_prefix("ac_")
        .ok_or(CallbackError(CallbackProblem::CodeInvalid))?;
    if body.is_empty() || body.len() > 252 || !body.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(CallbackProblem::CodeInvalid.into());
    }
    let scope = match scope {
        None => None,
        Some(s) => Some(s.parse().map_err(|_| {
            CallbackError(CallbackProblem::ScopeInvalid {
                found: crate::text::truncated(&s, 40),
            })
        })?),
    };
    Ok(OAuthGrant {
        code: AuthorizationCode(code),
        scope,
    })
}

impl crate::diagnostics::ToViolation for CallbackError {
    /// This error as a [`Violation`](crate::diagnostics::Violation) of the callback, for a
    /// report: `oauth_denied` when Stripe answered with an error (Stripe's code is the
    /// `stripe_code` param), `oauth_state_mismatch` when the state is missing or another, and
    /// `invalid_value` for a malformed callback (this error's code is the `reason` param). The
    /// violation's path is the callback parameter concerned (`error`, `state`, `code`,
    /// `scope`) below `path` (the root for a callback reported alone).
    fn to_violation(&self, path: crate::diagnostics::Path) -> crate::diagnostics::Violation {
        use crate::codes::ViolationCode;
        use crate::diagnostics::Violation;
        let code = match self.0 {
            CallbackProblem::Stripe { .. } => ViolationCode::OauthDenied,
            CallbackProblem::StateMissing | CallbackProblem::StateMismatch => {
                ViolationCode::OauthStateMismatch
            }
            _ => ViolationCode::InvalidValue,
        };
        let param = self.parameter();
        let v = Violation::error(path.then(param), code, self.to_string())
            .with_param("reason", self.code());
        match self.stripe_code() {
            Some(stripe) => v.with_param("stripe_code", stripe.as_str()),
            None => v,
        }
    }
}

impl crate::codes::OAuthCallbackCode {
    /// What to do about an error of this code, written for it: the remedy of
    /// [`CallbackError`] (the catalogue's too).
    #[must_use]
    pub const fn remedy(self) -> &'static str {
        use crate::codes::OAuthCallbackCode as C;
        match self {
            C::AccessDenied => {
                "click Connect with Stripe again and finish connecting in Stripe's window"
            }
            C::InvalidScope => {
                "request the scope read_write or read_only (read_only is only for extensions)"
            }
            C::InvalidRedirectUri => {
                "use a redirect_uri that exactly matches one configured in the platform's Connect settings in the Stripe Dashboard (https in live mode)"
            }
            C::InvalidRequest => "send response_type=code with the authorize request",
            C::UnsupportedResponseType => {
                "send response_type=code, the only response type Stripe supports"
            }
            C::OauthError => {
                "read Stripe's error description and https://docs.stripe.com/connect/oauth-reference"
            }
            C::ScopeUnknown => "check the scope the authorize request asked for",
            C::StateMissing
            | C::StateMismatch
            | C::CodeMissing
            | C::CodeInvalid
            | C::DuplicateParameter => "start again from Connect with Stripe",
        }
    }
}
