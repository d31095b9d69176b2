//! Stripe's answer to the token request: [`OAuthToken`] and [`TokenResponseError`].

use std::fmt;

#[cfg(feature = "serde")]
use super::MAX_DESCRIPTION_LEN;
use super::{OAuthErrorCode, OAuthScope};
use crate::codes::OAuthTokenCode;
use crate::connection::registry::SelectedAccount;
use crate::credentials::{AccountId, Mode, PublishableKey, RefreshToken};

/// Stripe's answer to the token request (`POST https://connect.stripe.com/oauth/token`,
/// [stripe-facts §6](crate::rules#facts-6); <https://docs.stripe.com/connect/oauth-reference>): the connected account
/// (`stripe_user_id`), its mode (`livemode`), the `scope`, and the deprecated
/// `stripe_publishable_key`, `access_token` and `refresh_token`.
///
/// The access token is dropped: it is a secret key of the connected account, and Stripe
/// recommends acting with the platform's own key and the account id instead (it calls the
/// field deprecated). The refresh token is kept in a [`RefreshToken`], redacted in `Debug`.
/// No `Serialize`, no `PartialEq`.
///
/// ```
/// use stripe_gateway_rules::credentials::Mode;
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
    /// [`Connections::add`]: crate::connection::Connections::add
    /// [`Connections::reconnect`]: crate::connection::Connections::reconnect
    #[must_use]
    pub fn selected_account(&self) -> SelectedAccount {
        let account = SelectedAccount::new(self.account_id.clone());
        match &self.publishable_key {
            Some(key) => account.with_publishable_key(key.clone()),
            None => account,
        }
    }
}

/// What is wrong with a token response ([stripe-facts §6](crate::rules#facts-6)), with what the
/// message needs: the inside of a [`TokenResponseError`]. Messages never quote the tokens.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[cfg_attr(not(feature = "serde"), allow(dead_code))]
enum TokenProblem {
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
        found: crate::stripe_error::JsonKind,
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

/// Why a token response gave no account ([stripe-facts §6](crate::rules#facts-6)):
/// its [`code`](Self::code), its [`remedy`](Self::remedy), and what was found through
/// accessors. Messages never quote the tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenResponseError(TokenProblem);

impl std::error::Error for TokenResponseError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        std::error::Error::source(&self.0)
    }
}

impl fmt::Display for TokenResponseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl TokenResponseError {
    /// Why the response was refused: `oauth_error` (Stripe's code is
    /// [`stripe_code`](Self::stripe_code)), `syntax`, `missing_field`, `wrong_type`,
    /// `invalid_field`, `scope_unknown`, `token_type`, `mode_mismatch`.
    #[must_use]
    pub fn code(&self) -> OAuthTokenCode {
        match self.0 {
            TokenProblem::Stripe { .. } => OAuthTokenCode::OauthError,
            TokenProblem::Syntax { .. } => OAuthTokenCode::Syntax,
            TokenProblem::MissingField { .. } => OAuthTokenCode::MissingField,
            TokenProblem::WrongType { .. } => OAuthTokenCode::WrongType,
            TokenProblem::InvalidField { .. } => OAuthTokenCode::InvalidField,
            TokenProblem::InvalidScope { .. } => OAuthTokenCode::ScopeUnknown,
            TokenProblem::TokenType { .. } => OAuthTokenCode::TokenType,
            TokenProblem::ModeMismatch { .. } => OAuthTokenCode::ModeMismatch,
        }
    }

    /// What to do instead.
    #[must_use]
    pub fn remedy(&self) -> &'static str {
        match &self.0 {
            TokenProblem::Stripe { code, .. } => code.remedy(),
            TokenProblem::InvalidField { source, .. } => source.remedy(),
            TokenProblem::InvalidScope { .. }
            | TokenProblem::ModeMismatch { .. }
            | TokenProblem::Syntax { .. }
            | TokenProblem::MissingField { .. }
            | TokenProblem::WrongType { .. }
            | TokenProblem::TokenType { .. } => self.code().remedy(),
        }
    }

    /// Stripe's error code, for `oauth_error`.
    #[must_use]
    pub fn stripe_code(&self) -> Option<&OAuthErrorCode> {
        match &self.0 {
            TokenProblem::Stripe { code, .. } => Some(code),
            _ => None,
        }
    }

    /// Stripe's `error_description` (at most 500 characters, cut before anything
    /// secret-shaped), for `oauth_error`.
    #[must_use]
    pub fn description(&self) -> Option<&str> {
        match &self.0 {
            TokenProblem::Stripe { description, .. } => description.as_deref(),
            _ => None,
        }
    }

    /// The 1-based line and column where reading stopped, for `syntax` (0 and 0 for an
    /// empty or oversized body).
    #[must_use]
    pub fn position(&self) -> Option<(usize, usize)> {
        match self.0 {
            TokenProblem::Syntax { line, column } => Some((line, column)),
            _ => None,
        }
    }

    /// The field concerned (`body` for the whole body), for `missing_field`, `wrong_type`
    /// and `invalid_field`.
    #[must_use]
    pub fn field(&self) -> Option<&'static str> {
        match self.0 {
            TokenProblem::MissingField { field }
            | TokenProblem::WrongType { field, .. }
            | TokenProblem::InvalidField { field, .. } => Some(field),
            _ => None,
        }
    }

    /// Why the field did not parse, for `invalid_field` (never quoting a secret).
    #[must_use]
    pub fn credential_error(&self) -> Option<&crate::credentials::CredentialError> {
        match &self.0 {
            TokenProblem::InvalidField { source, .. } => Some(source),
            _ => None,
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
        Self::read(body).map_err(TokenResponseError)
    }

    fn read(body: &str) -> Result<Self, TokenProblem> {
        use crate::stripe_error::JsonKind;
        use serde_json::Value;

        if body.is_empty() || body.len() > crate::stripe_error::MAX_BODY_LEN {
            return Err(TokenProblem::Syntax { line: 0, column: 0 });
        }
        let value: Value = serde_json::from_str(body).map_err(|e| TokenProblem::Syntax {
            line: e.line(),
            column: e.column(),
        })?;
        let Value::Object(map) = value else {
            return Err(TokenProblem::WrongType {
                field: "body",
                expected: "an object",
                found: JsonKind::of(&value),
            });
        };
        let string = |field: &'static str| -> Result<Option<&str>, TokenProblem> {
            match map.get(field) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.as_str())),
                Some(other) => Err(TokenProblem::WrongType {
                    field,
                    expected: "a string",
                    found: JsonKind::of(other),
                }),
            }
        };
        if let Some(error) = string("error")? {
            return Err(TokenProblem::Stripe {
                code: OAuthErrorCode::from_code(error),
                description: string("error_description")?
                    .map(|d| crate::text::truncated(d, MAX_DESCRIPTION_LEN)),
            });
        }
        let account_id = string("stripe_user_id")?
            .ok_or(TokenProblem::MissingField {
                field: "stripe_user_id",
            })?
            .parse::<AccountId>()
            .map_err(|source| TokenProblem::InvalidField {
                field: "stripe_user_id",
                source,
            })?;
        let mode = match map.get("livemode") {
            Some(Value::Bool(true)) => Mode::Live,
            Some(Value::Bool(false)) => Mode::Test,
            None | Some(Value::Null) => {
                return Err(TokenProblem::MissingField { field: "livemode" });
            }
            Some(other) => {
                return Err(TokenProblem::WrongType {
                    field: "livemode",
                    expected: "a boolean",
                    found: JsonKind::of(other),
                });
            }
        };
        let scope = match string("scope")? {
            None => None,
            Some(s) => Some(s.parse().map_err(|_| TokenProblem::InvalidScope {
                found: crate::text::truncated(s, 40),
            })?),
        };
        if let Some(t) = string("token_type")? {
            if t != "bearer" {
                return Err(TokenProblem::TokenType {
                    found: crate::text::truncated(t, 40),
                });
            }
        }
        let publishable_key =
            match string("stripe_publishable_key")? {
                None => None,
                Some(k) => Some(k.parse::<PublishableKey>().map_err(|source| {
                    TokenProblem::InvalidField {
                        field: "stripe_publishable_key",
                        source,
                    }
                })?),
            };
        if let Some(key) = &publishable_key {
            if key.mode() != mode {
                return Err(TokenProblem::ModeMismatch {
                    livemode: mode == Mode::Live,
                    key_mode: key.mode(),
                });
            }
        }
        let refresh_token =
            match string("refresh_token")? {
                None => None,
                Some(t) => Some(t.parse::<RefreshToken>().map_err(|source| {
                    TokenProblem::InvalidField {
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

// Its code and remedy, and how it becomes a violation (crate::codes).
crate::codes::invalid_value_violations!(TokenResponseError);

impl OAuthTokenCode {
    /// What to do about an error of this code, written for it: the remedy of
    /// [`TokenResponseError`] (the catalogue's too; for Stripe's own error and an invalid
    /// field, the error's remedy is the one for Stripe's code or the field).
    #[must_use]
    pub const fn remedy(self) -> &'static str {
        match self {
            OAuthTokenCode::OauthError => {
                "read Stripe's error description and https://docs.stripe.com/connect/oauth-reference"
            }
            OAuthTokenCode::InvalidField => {
                "check the field the message names: the account id, publishable key or refresh token Stripe returned"
            }
            OAuthTokenCode::ScopeUnknown => "request the scope read_write or read_only",
            OAuthTokenCode::ModeMismatch => {
                "exchange the code with a secret key of the code's mode"
            }
            OAuthTokenCode::Syntax
            | OAuthTokenCode::MissingField
            | OAuthTokenCode::WrongType
            | OAuthTokenCode::TokenType => "pass Stripe's token response body unchanged",
        }
    }
}
