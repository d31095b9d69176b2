//! [`Connection`]: one Stripe connection of a platform, and how it is read.

use super::{ConnectionKey, SelectedAccount};
use crate::credentials::AuthScheme;
use crate::credentials::{AccountId, PublishableKey};

/// One Stripe connection of a platform: the connected account's id and name, and the
/// publishable key kept from the API-key era (S2: "The Stripe Account ID and Name are
/// displayed anywhere you would have previously seen the API keys"). It holds no secret.
///
/// A connection from the API-key era may know only its publishable key
/// ([`legacy`](Self::legacy)); every connection knows at least one of the two.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RawConnection"))]
pub struct Connection {
    pub(super) account_id: Option<AccountId>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub(super) account_name: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub(super) publishable_key: Option<PublishableKey>,
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConnection {
    #[serde(default)]
    account_id: Option<AccountId>,
    #[serde(default)]
    account_name: Option<String>,
    #[serde(default)]
    publishable_key: Option<PublishableKey>,
}

#[cfg(feature = "serde")]
impl TryFrom<RawConnection> for Connection {
    type Error = &'static str;

    fn try_from(raw: RawConnection) -> Result<Self, Self::Error> {
        if raw.account_id.is_none() && raw.publishable_key.is_none() {
            return Err(
                "expected a connection with an account_id or a publishable_key, found neither; add the account id (acct_…)",
            );
        }
        Ok(Connection {
            account_id: raw.account_id,
            account_name: raw.account_name,
            publishable_key: raw.publishable_key,
        })
    }
}

impl Connection {
    /// A Connect connection to `account_id`.
    #[must_use]
    pub fn new(account_id: AccountId) -> Self {
        Connection {
            account_id: Some(account_id),
            account_name: None,
            publishable_key: None,
        }
    }

    /// A connection from the API-key era known only by its publishable key: it must be
    /// re-authenticated with [`Connections::reconnect`](super::Connections::reconnect) (S2).
    #[must_use]
    pub fn legacy(publishable_key: PublishableKey) -> Self {
        Connection {
            account_id: None,
            account_name: None,
            publishable_key: Some(publishable_key),
        }
    }

    /// With the account's name.
    #[must_use]
    pub fn with_account_name(mut self, name: impl Into<String>) -> Self {
        self.account_name = Some(name.into());
        self
    }

    /// With the publishable key kept from the API-key era.
    #[must_use]
    pub fn with_publishable_key(mut self, key: PublishableKey) -> Self {
        self.publishable_key = Some(key);
        self
    }

    /// The connected account, once known (legacy connections may not know it).
    #[must_use]
    pub fn account_id(&self) -> Option<&AccountId> {
        self.account_id.as_ref()
    }

    /// The account's name, if known.
    #[must_use]
    pub fn account_name(&self) -> Option<&str> {
        self.account_name.as_deref()
    }

    /// The publishable key kept from the API-key era, if any.
    #[must_use]
    pub fn publishable_key(&self) -> Option<&PublishableKey> {
        self.publishable_key.as_ref()
    }

    /// Whether `key` identifies this connection: its account id, or its publishable key.
    #[must_use]
    pub(crate) fn is_identified_by(&self, key: &ConnectionKey) -> bool {
        match key {
            ConnectionKey::AccountId(id) => self.account_id.as_ref() == Some(id),
            ConnectionKey::PublishableKey(pk) => self.publishable_key.as_ref() == Some(pk),
        }
    }

    /// Whether this connection is to be re-authenticated: it has no account id yet.
    #[must_use]
    pub fn is_legacy(&self) -> bool {
        self.account_id.is_none()
    }

    /// The credentials of this connection as an [`AuthScheme::Connect`], once it has an
    /// account id.
    #[must_use]
    pub fn auth_scheme(&self) -> Option<AuthScheme> {
        self.account_id.as_ref().map(|id| AuthScheme::Connect {
            account_id: id.clone(),
            account_name: self.account_name.clone(),
            publishable_key: self.publishable_key.clone(),
        })
    }

    /// Whether `account` is the account of this connection: the same account id, or, for a
    /// connection that knows only its publishable key, one of the account's publishable keys.
    #[must_use]
    pub(crate) fn matches(&self, account: &SelectedAccount) -> bool {
        match (&self.account_id, &self.publishable_key) {
            (Some(id), _) => *id == account.account_id,
            (None, Some(key)) => account.publishable_keys.contains(key),
            (None, None) => false,
        }
    }
}
