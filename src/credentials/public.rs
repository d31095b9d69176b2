//! The public credential strings: [`PublishableKey`], [`AccountId`], [`ClientId`].

use std::fmt;
use std::str::FromStr;

use super::scan::{parse_id, parse_key};
use super::{CredentialError, CredentialSlot, Mode, StripeStringKind};

// ---------------------------------------------------------------------------------------------
// Publishable key and identifiers: public strings

/// Implements `as_str`, `Display`, `AsRef<str>` and serde (through `FromStr`) for a public
/// string newtype.
macro_rules! public_string {
    ($ty:ident) => {
        impl $ty {
            /// The value as given.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<&str> for $ty {
            type Error = CredentialError;

            fn try_from(s: &str) -> Result<Self, Self::Error> {
                s.parse()
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

/// A publishable key (`pk_test_…`, `pk_live_…`): identifies an account to Stripe.js and
/// mobile SDKs. It is not a secret ([rules.md §1](crate::rules#rules-1)): `Display` prints it whole, and platforms
/// show it to tell accounts apart (S2 matches a reconnected account by it).
///
/// ```
/// use stripe_gateway_rules::{credentials::Mode, credentials::PublishableKey};
///
/// let key: PublishableKey = "pk_test_TYooMQauvdEDq54NiTphI7jx".parse()?;
/// assert_eq!(key.mode(), Mode::Test);
/// assert_eq!(key.to_string(), "pk_test_TYooMQauvdEDq54NiTphI7jx");
/// # Ok::<(), stripe_gateway_rules::credentials::CredentialError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PublishableKey(String, Mode);

impl PublishableKey {
    /// Test or live, from the prefix.
    #[must_use]
    pub fn mode(&self) -> Mode {
        self.1
    }
}

impl FromStr for PublishableKey {
    type Err = CredentialError;

    /// Parses a publishable key.
    ///
    /// # Errors
    ///
    /// A [`CredentialError`] for the same surface problems as [`SecretKey`](super::SecretKey)
    /// (empty, whitespace, quotes, non-ASCII, bad body), and `wrong_credential_kind` for a secret or
    /// restricted key or any other Stripe string. The message of a secret key in this slot
    /// never repeats the key.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (_, mode, _) = parse_key(
            s,
            CredentialSlot::PublishableKey,
            &[StripeStringKind::PublishableKey],
        )?;
        Ok(PublishableKey(s.to_owned(), mode))
    }
}

public_string!(PublishableKey);

/// A Stripe account id (`acct_…`), such as a connected account ([rules.md §2](crate::rules#rules-2); S2, S3).
///
/// Ids are opaque and up to 255 characters ("object IDs can contain up to 255 characters",
/// <https://docs.stripe.com/upgrades>); only the prefix and the character set are checked.
///
/// ```
/// use stripe_gateway_rules::credentials::AccountId;
///
/// let id: AccountId = "acct_1R3fqDP6919yCiFv".parse()?;
/// assert_eq!(id.to_string(), "acct_1R3fqDP6919yCiFv");
/// assert!("ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb".parse::<AccountId>().is_err());
/// # Ok::<(), stripe_gateway_rules::credentials::CredentialError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AccountId(String);

impl FromStr for AccountId {
    type Err = CredentialError;

    /// Parses an account id.
    ///
    /// # Errors
    ///
    /// A [`CredentialError`] for surface problems (empty, whitespace, quotes, non-ASCII), a
    /// missing `acct_` prefix, another Stripe string (`wrong_credential_kind`), or a body that
    /// is not ASCII letters and digits.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_id(
            s,
            CredentialSlot::AccountId,
            "acct_",
            StripeStringKind::AccountId,
        )?;
        Ok(AccountId(s.to_owned()))
    }
}

public_string!(AccountId);

/// A Connect platform's OAuth client id (`ca_…`; [stripe-facts §3.3](crate::rules#facts-3-3)). "Each `client_id` is
/// either a live or test ID", but the id itself does not say which.
///
/// ```
/// use stripe_gateway_rules::credentials::ClientId;
///
/// let id: ClientId = "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb".parse()?;
/// assert_eq!(id.as_str(), "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb");
/// # Ok::<(), stripe_gateway_rules::credentials::CredentialError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClientId(String);

impl FromStr for ClientId {
    type Err = CredentialError;

    /// Parses a client id.
    ///
    /// # Errors
    ///
    /// As [`AccountId`], with the prefix `ca_`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_id(
            s,
            CredentialSlot::ClientId,
            "ca_",
            StripeStringKind::ClientId,
        )?;
        Ok(ClientId(s.to_owned()))
    }
}

public_string!(ClientId);
