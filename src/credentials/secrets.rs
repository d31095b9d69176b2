//! The secret credentials, kept wrapped: [`SecretKey`], [`ClientSecret`], [`RefreshToken`].

use std::fmt;
use std::str::FromStr;

use secrecy::{ExposeSecret, SecretString};

use super::scan::{parse_key, parse_opaque_secret, redact};
use super::{CredentialError, CredentialSlot, Mode, StripeStringKind};

// ---------------------------------------------------------------------------------------------
// Secret key

/// A secret (`sk_…`) or restricted (`rk_…`) API key: the credential that authenticates API
/// requests ([rules.md §1](crate::rules#rules-1); S1 "Client Secret", S3 "Live API Key", S4 "Password").
///
/// Built only by parsing ([`FromStr`], or `Deserialize` with the `serde` feature, which goes
/// through the same parser). The key stays in a [`SecretString`]: `Debug` and
/// [`redacted`](Self::redacted) show `sk_live_…a1b2`; there is no `Display`, `Serialize` or
/// `PartialEq`.
///
/// ```
/// use stripe_gateway_rules::{credentials::Mode, credentials::SecretKey};
///
/// let key: SecretKey = "rk_test_51HxYzAbCdEfGhIjKlMnOpQr".parse()?;
/// assert!(key.is_restricted());
/// assert_eq!(key.mode(), Mode::Test);
/// assert_eq!(key.redacted(), "rk_test_…OpQr");
/// assert_eq!(key.expose_secret(), "rk_test_51HxYzAbCdEfGhIjKlMnOpQr");
/// # Ok::<(), stripe_gateway_rules::credentials::CredentialError>(())
/// ```
#[derive(Clone)]
pub struct SecretKey {
    secret: SecretString,
    restricted: bool,
    mode: Mode,
    prefix: &'static str,
}

impl SecretKey {
    /// Test or live, from the prefix.
    #[must_use]
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Whether this is a restricted key (`rk_…`), whose permissions the account owner chose.
    #[must_use]
    pub fn is_restricted(&self) -> bool {
        self.restricted
    }

    /// The key's prefix, such as `sk_live_`: not secret.
    #[must_use]
    pub fn prefix(&self) -> &'static str {
        self.prefix
    }

    /// The prefix and the last four characters, `sk_live_…a1b2`: safe to log and display.
    #[must_use]
    pub fn redacted(&self) -> String {
        redact(self.prefix, self.secret.expose_secret())
    }

    /// The whole key, to put in an `Authorization` header. This is the one way to read it.
    #[must_use]
    pub fn expose_secret(&self) -> &str {
        self.secret.expose_secret()
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecretKey({})", self.redacted())
    }
}

impl FromStr for SecretKey {
    type Err = CredentialError;

    /// Parses a secret or restricted key.
    ///
    /// # Errors
    ///
    /// A [`CredentialError`] for: an empty value; whitespace or line breaks anywhere
    /// (`" sk_live_…"`, `"sk_live_…\n"`); quotes; a `Bearer ` prefix; non-ASCII look-alikes
    /// (`ѕk_live_…` with a Cyrillic `ѕ`); a publishable key (`pk_live_…`, code
    /// `publishable_key_as_secret`); another Stripe string (`whsec_…`, `ca_…`, `acct_…`,
    /// `sk_org…`, `pi_…_secret_…`, `tok_…`, `pm_…`, code `wrong_credential_kind`); a prefix
    /// alone (`sk_live_`); an undocumented mode (`sk_prod_…`); an unknown prefix; a body that
    /// is not ASCII letters and digits or not 10 to 247 characters long.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (kind, mode, prefix) = parse_key(
            s,
            CredentialSlot::SecretKey,
            &[StripeStringKind::SecretKey, StripeStringKind::RestrictedKey],
        )?;
        Ok(SecretKey {
            secret: SecretString::from(s),
            restricted: kind == StripeStringKind::RestrictedKey,
            mode,
            prefix,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Opaque OAuth secrets

macro_rules! opaque_secret {
    ($ty:ident, $slot:expr, $name:literal) => {
        impl $ty {
            /// `…` and the last four characters (when the secret has at least 16): safe to log.
            #[must_use]
            pub fn redacted(&self) -> String {
                redact("", self.0.expose_secret())
            }

            /// The whole secret. This is the one way to read it.
            #[must_use]
            pub fn expose_secret(&self) -> &str {
                self.0.expose_secret()
            }
        }

        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($name, "({})"), self.redacted())
            }
        }

        impl FromStr for $ty {
            type Err = CredentialError;

            /// Parses the secret: printable ASCII, no whitespace, at most
            /// [`MAX_OPAQUE_SECRET_LEN`](super::MAX_OPAQUE_SECRET_LEN) characters.
            ///
            /// # Errors
            ///
            /// A [`CredentialError`] for an empty value, whitespace or line breaks, quotes, a
            /// `Bearer ` prefix, non-ASCII characters, an absurd length, or a public Stripe
            /// string in this slot (a publishable key, a client or account id, a token…).
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                parse_opaque_secret(s, $slot)?;
                Ok($ty(SecretString::from(s)))
            }
        }
    };
}

/// An OAuth client secret (S3's "Client Secret" under OAuth2): opaque, kept in a
/// [`SecretString`], redacted in `Debug`.
///
/// ```
/// use stripe_gateway_rules::credentials::ClientSecret;
///
/// let secret: ClientSecret = "cs_9f8e7d6c5b4a39281706f5e4".parse()?;
/// assert_eq!(format!("{secret:?}"), "ClientSecret(…f5e4)");
/// # Ok::<(), stripe_gateway_rules::credentials::CredentialError>(())
/// ```
#[derive(Clone)]
pub struct ClientSecret(SecretString);

opaque_secret!(ClientSecret, CredentialSlot::ClientSecret, "ClientSecret");

/// An OAuth refresh token (S3's "Refresh Token"): opaque (Stripe does not document its
/// format; `rt_…` appears in third-party fixtures only), kept in a [`SecretString`].
///
/// ```
/// use stripe_gateway_rules::credentials::RefreshToken;
///
/// let token: RefreshToken = "rt_H5m2LqTnR8vWx3Yz0aBcDeFgHiJk".parse()?;
/// assert_eq!(token.redacted(), "…HiJk");
/// # Ok::<(), stripe_gateway_rules::credentials::CredentialError>(())
/// ```
#[derive(Clone)]
pub struct RefreshToken(SecretString);

opaque_secret!(RefreshToken, CredentialSlot::RefreshToken, "RefreshToken");

#[cfg(feature = "serde")]
mod serde_impls {
    use super::{ClientSecret, RefreshToken, SecretKey};
    use secrecy::{ExposeSecret, SecretString};

    /// Deserializes a secret through its parser without ever formatting the input into the
    /// error (serde's own string errors would).
    macro_rules! deserialize_secret {
        ($ty:ty) => {
            impl<'de> serde::Deserialize<'de> for $ty {
                fn deserialize<D: serde::Deserializer<'de>>(
                    deserializer: D,
                ) -> Result<Self, D::Error> {
                    let raw = SecretString::deserialize(deserializer)?;
                    raw.expose_secret()
                        .parse()
                        .map_err(serde::de::Error::custom)
                }
            }
        };
    }

    deserialize_secret!(SecretKey);
    deserialize_secret!(ClientSecret);
    deserialize_secret!(RefreshToken);
}
