//! A platform's Stripe connections: adding one per account, reconnecting the same account
//! (S2; rules.md §9).
//!
//! | rule | source |
//! | --- | --- |
//! | "To link more Stripe payment accounts … create a new integration for each one": several connections, one per account | S2 |
//! | "This Stripe account has already been integrated": an account can't be added twice | S2 |
//! | "An account is ineligible if it is already connected to a different platform": disconnect it there first | S2 "Ineligible accounts" |
//! | "You must connect the same account that was previously used for this integration", matched by account id or by the publishable key kept from the API-key era; else "Stripe account does not match" | S2 |
//!
//! ```
//! use stripe_gateway_rules::{Connection, Connections, SelectedAccount};
//!
//! // An integration from the API-key era: only its publishable key is known.
//! let legacy = Connection::legacy("pk_live_TYooMQauvdEDq54NiTphI7jx".parse()?);
//! let mut connections = Connections::new();
//! connections.insert(legacy.clone())?;
//!
//! // In Stripe's window the user picks an account; its publishable key proves it is the one.
//! let selected = SelectedAccount::new("acct_1R3fqDP6919yCiFv".parse()?)
//!     .with_publishable_key("pk_live_TYooMQauvdEDq54NiTphI7jx".parse()?);
//! let reconnected = connections.reconnect(&legacy, &selected)?;
//! assert_eq!(reconnected.account_id().map(|id| id.as_str()), Some("acct_1R3fqDP6919yCiFv"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use crate::auth::AuthScheme;
use crate::credentials::{AccountId, CredentialError, PublishableKey};

/// What identifies a connection: the connected account's id, or the publishable key kept from
/// the API-key era (S2: a legacy connection may know only its publishable key).
///
/// ```
/// use stripe_gateway_rules::connection::ConnectionKey;
///
/// let by_id: ConnectionKey = "acct_1R3fqDP6919yCiFv".parse()?;
/// let by_key: ConnectionKey = "pk_live_TYooMQauvdEDq54NiTphI7jx".parse()?;
/// assert!(matches!(by_id, ConnectionKey::AccountId(_)));
/// assert!(matches!(by_key, ConnectionKey::PublishableKey(_)));
/// # Ok::<(), stripe_gateway_rules::CredentialError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ConnectionKey {
    /// The connected account's id (`acct_…`).
    AccountId(AccountId),
    /// The publishable key kept from the API-key era (`pk_…`).
    PublishableKey(PublishableKey),
}

impl From<AccountId> for ConnectionKey {
    fn from(id: AccountId) -> Self {
        ConnectionKey::AccountId(id)
    }
}

impl From<PublishableKey> for ConnectionKey {
    fn from(key: PublishableKey) -> Self {
        ConnectionKey::PublishableKey(key)
    }
}

impl FromStr for ConnectionKey {
    type Err = CredentialError;

    /// Parses an account id (`acct_…`) or, for anything starting with `pk_`, a publishable
    /// key.
    ///
    /// # Errors
    ///
    /// The [`CredentialError`] of the publishable-key parser for a value starting with `pk_`,
    /// else of the account-id parser.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.starts_with("pk_") {
            s.parse().map(ConnectionKey::PublishableKey)
        } else {
            s.parse().map(ConnectionKey::AccountId)
        }
    }
}

impl fmt::Display for ConnectionKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConnectionKey::AccountId(id) => write!(f, "{id}"),
            ConnectionKey::PublishableKey(key) => write!(f, "{key}"),
        }
    }
}

/// The state of the account the user selected in Stripe's account picker: a parameter, since
/// this crate does no I/O.
///
/// ```
/// use stripe_gateway_rules::SelectedAccount;
///
/// let account = SelectedAccount::new("acct_1R3fqDP6919yCiFv".parse()?)
///     .with_name("Acme Ltd")
///     .with_publishable_key("pk_test_TYooMQauvdEDq54NiTphI7jx".parse()?)
///     .connected_to_another_platform(false);
/// assert_eq!(account.name(), Some("Acme Ltd"));
/// # Ok::<(), stripe_gateway_rules::CredentialError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectedAccount {
    account_id: AccountId,
    name: Option<String>,
    publishable_keys: Vec<PublishableKey>,
    connected_elsewhere: bool,
}

impl SelectedAccount {
    /// The account with this id, with no name, no publishable key known, and not connected to
    /// another platform.
    #[must_use]
    pub fn new(account_id: AccountId) -> Self {
        SelectedAccount {
            account_id,
            name: None,
            publishable_keys: Vec::new(),
            connected_elsewhere: false,
        }
    }

    /// The account of Stripe's OAuth token response, in one call: its id (`stripe_user_id`)
    /// and publishable key (`stripe_publishable_key`), checked as by
    /// [`OAuthToken::from_json`](crate::connection::OAuthToken::from_json). The tokens are
    /// dropped unread into any output.
    ///
    /// # Errors
    ///
    /// The [`TokenResponseError`](crate::connection::TokenResponseError) of
    /// [`OAuthToken::from_json`](crate::connection::OAuthToken::from_json).
    #[cfg(feature = "serde")]
    pub fn from_oauth_token(
        body: &str,
    ) -> Result<Self, crate::connection::oauth::TokenResponseError> {
        crate::connection::oauth::OAuthToken::from_json(body).map(|t| t.selected_account())
    }

    /// The account's name as Stripe shows it.
    #[must_use]
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// One of the account's publishable keys (an account has a test one and a live one; add
    /// both to match a legacy connection of either mode).
    #[must_use]
    pub fn with_publishable_key(mut self, key: PublishableKey) -> Self {
        if !self.publishable_keys.contains(&key) {
            self.publishable_keys.push(key);
        }
        self
    }

    /// Whether the account is already connected to a different platform, which makes it
    /// ineligible (S2).
    #[must_use]
    pub fn connected_to_another_platform(mut self, yes: bool) -> Self {
        self.connected_elsewhere = yes;
        self
    }

    /// The account id.
    #[must_use]
    pub fn account_id(&self) -> &AccountId {
        &self.account_id
    }

    /// The account's name, if known.
    #[must_use]
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// The account's publishable keys that are known.
    #[must_use]
    pub fn publishable_keys(&self) -> &[PublishableKey] {
        &self.publishable_keys
    }

    /// Whether another platform holds the account.
    #[must_use]
    pub fn is_connected_to_another_platform(&self) -> bool {
        self.connected_elsewhere
    }
}

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
    account_id: Option<AccountId>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    account_name: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    publishable_key: Option<PublishableKey>,
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
    /// re-authenticated with [`Connections::reconnect`] (S2).
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
    pub fn is_identified_by(&self, key: &ConnectionKey) -> bool {
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
    pub fn matches(&self, account: &SelectedAccount) -> bool {
        match (&self.account_id, &self.publishable_key) {
            (Some(id), _) => *id == account.account_id,
            (None, Some(key)) => account.publishable_keys.contains(key),
            (None, None) => false,
        }
    }
}

/// What identified the connection before: shown in [`ConnectionError::AccountMismatch`].
fn identity(connection: &Connection) -> String {
    match (&connection.account_id, &connection.publishable_key) {
        (Some(id), _) => format!("the account {id}"),
        (None, Some(key)) => format!("the account with publishable key {key}"),
        (None, None) => "an unknown account".to_owned(),
    }
}

/// Why a connection could not be added or reconnected (S2).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ConnectionError {
    /// The account selected to reconnect is not the one connected before.
    AccountMismatch {
        /// What identified the connection: `the account acct_…` or `the account with
        /// publishable key pk_…`.
        expected: String,
        /// The account selected.
        selected: AccountId,
    },
    /// The account is already integrated on this platform.
    AlreadyIntegrated {
        /// The account.
        account_id: AccountId,
    },
    /// The account is connected to another platform.
    AccountIneligible {
        /// The account.
        account_id: AccountId,
    },
    /// Two legacy connections with the same publishable key (and no account id yet).
    DuplicateConnection {
        /// What identifies the existing connection.
        existing: String,
    },
    /// The connection to reconnect is not in this set.
    ConnectionNotFound,
}

impl std::error::Error for ConnectionError {}

impl ConnectionError {
    /// A stable snake_case code: `account_mismatch`, `already_integrated`,
    /// `account_ineligible`, `duplicate_connection`, `connection_not_found`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            ConnectionError::AccountMismatch { .. } => "account_mismatch",
            ConnectionError::AlreadyIntegrated { .. } => "already_integrated",
            ConnectionError::AccountIneligible { .. } => "account_ineligible",
            ConnectionError::DuplicateConnection { .. } => "duplicate_connection",
            ConnectionError::ConnectionNotFound => "connection_not_found",
        }
    }
}

impl fmt::Display for ConnectionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConnectionError::AccountMismatch { expected, selected } => write!(
                f,
                "Stripe account does not match: this connection was made with {expected}, and {selected} was selected; \
                 click Connect with Stripe again and select the same account: compare the publishable key shown with this \
                 connection with each account's publishable key in the Stripe Dashboard, Developers > API keys"
            ),
            ConnectionError::AlreadyIntegrated { account_id } => write!(
                f,
                "This Stripe account has already been integrated: {account_id} is already connected to this platform; \
                 click Connect with Stripe again to select a different account, or use the existing connection \
                 (compare the account name and id in Stripe, Settings > Business > Account details)"
            ),
            ConnectionError::AccountIneligible { account_id } => write!(
                f,
                "Stripe account {account_id} is ineligible: it is already connected to a different platform; \
                 disconnect it from that platform, then connect it again (a Stripe account can be connected to \
                 one such platform at a time)"
            ),
            ConnectionError::DuplicateConnection { existing } => write!(
                f,
                "expected one connection per Stripe account, found a second connection to {existing}; keep only one of them"
            ),
            ConnectionError::ConnectionNotFound => f.write_str(
                "expected one of this platform's connections, found a connection it does not hold; reload the connections and try again",
            ),
        }
    }
}

/// A platform's Stripe connections: several, at most one per Stripe account (S2).
///
/// A value type: methods change it only when they succeed, and do no I/O.
///
/// ```
/// use stripe_gateway_rules::{Connections, SelectedAccount};
///
/// let mut connections = Connections::new();
/// connections.add(&SelectedAccount::new("acct_1R3fqDP6919yCiFv".parse()?))?;
/// connections.add(&SelectedAccount::new("acct_ON3nXtRQkhmUIQ".parse()?))?;
/// assert_eq!(connections.len(), 2);
///
/// let elsewhere = SelectedAccount::new("acct_1Nv0FGQ9RKHgCVdK".parse()?)
///     .connected_to_another_platform(true);
/// assert_eq!(connections.add(&elsewhere).unwrap_err().code(), "account_ineligible");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(try_from = "Vec<Connection>", into = "Vec<Connection>")
)]
pub struct Connections {
    connections: Vec<Connection>,
}

impl Connections {
    /// No connections.
    #[must_use]
    pub fn new() -> Self {
        Connections::default()
    }

    /// The connections, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = &Connection> {
        self.connections.iter()
    }

    /// How many connections there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.connections.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.connections.is_empty()
    }

    /// The connection to `account_id`, if any.
    #[must_use]
    pub fn get(&self, account_id: &AccountId) -> Option<&Connection> {
        self.connections
            .iter()
            .find(|c| c.account_id.as_ref() == Some(account_id))
    }

    /// The connection identified by `key`: by account id, or by the publishable key kept from
    /// the API-key era (S2).
    #[must_use]
    pub fn find(&self, key: &ConnectionKey) -> Option<&Connection> {
        self.connections.iter().find(|c| c.is_identified_by(key))
    }

    /// Removes the connection identified by `key` (account id or publishable key) and returns
    /// it, if it was here.
    pub fn remove_by(&mut self, key: &ConnectionKey) -> Option<Connection> {
        let index = self
            .connections
            .iter()
            .position(|c| c.is_identified_by(key))?;
        Some(self.connections.remove(index))
    }

    /// Re-authenticates the connection identified by `key` (account id or publishable key)
    /// with the account selected in Stripe's window: [`reconnect`](Self::reconnect) without
    /// holding the connection first.
    ///
    /// ```
    /// use stripe_gateway_rules::{Connection, Connections, SelectedAccount};
    /// use stripe_gateway_rules::connection::{ConnectionKey, OAuthToken};
    ///
    /// let mut connections = Connections::new();
    /// connections.insert(Connection::legacy("pk_live_TYooMQauvdEDq54NiTphI7jx".parse()?))?;
    ///
    /// // Stripe's token response names the account and its publishable key.
    /// let selected = SelectedAccount::from_oauth_token(r#"{"livemode": true, "scope": "read_write",
    ///   "stripe_publishable_key": "pk_live_TYooMQauvdEDq54NiTphI7jx",
    ///   "stripe_user_id": "acct_1R3fqDP6919yCiFv", "token_type": "bearer"}"#)?;
    /// let key: ConnectionKey = "pk_live_TYooMQauvdEDq54NiTphI7jx".parse()?;
    /// let done = connections.reconnect_by(&key, &selected)?;
    /// assert_eq!(done.account_id().map(|id| id.as_str()), Some("acct_1R3fqDP6919yCiFv"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`ConnectionError::ConnectionNotFound`] when no connection has `key`; otherwise the
    /// errors of [`reconnect`](Self::reconnect).
    pub fn reconnect_by(
        &mut self,
        key: &ConnectionKey,
        account: &SelectedAccount,
    ) -> Result<&Connection, ConnectionError> {
        let previous = self
            .find(key)
            .cloned()
            .ok_or(ConnectionError::ConnectionNotFound)?;
        self.reconnect(&previous, account)
    }

    /// The connection other than `except` (an index) that holds `account`, if any.
    fn holder(&self, account: &SelectedAccount, except: Option<usize>) -> Option<usize> {
        self.connections
            .iter()
            .enumerate()
            .find(|(i, c)| Some(*i) != except && c.matches(account))
            .map(|(i, _)| i)
    }

    /// Adds a connection made with "Connect with Stripe" to the selected account (S2
    /// "Create a new Stripe connection").
    ///
    /// # Errors
    ///
    /// [`ConnectionError::AccountIneligible`] when another platform holds the account;
    /// [`ConnectionError::AlreadyIntegrated`] when a connection of this platform already has
    /// it (by account id, or by publishable key for a legacy connection, which should be
    /// [reconnected](Self::reconnect) instead).
    pub fn add(&mut self, account: &SelectedAccount) -> Result<&Connection, ConnectionError> {
        if account.connected_elsewhere {
            return Err(ConnectionError::AccountIneligible {
                account_id: account.account_id.clone(),
            });
        }
        if self.holder(account, None).is_some() {
            return Err(ConnectionError::AlreadyIntegrated {
                account_id: account.account_id.clone(),
            });
        }
        let mut connection = Connection::new(account.account_id.clone());
        connection.account_name = account.name.clone();
        self.connections.push(connection);
        Ok(&self.connections[self.connections.len() - 1])
    }

    /// Adds an existing connection (loaded from storage, or a legacy one).
    ///
    /// # Errors
    ///
    /// [`ConnectionError::AlreadyIntegrated`] when a connection with the same account id or
    /// the same publishable key is already here; [`ConnectionError::DuplicateConnection`]
    /// when the clash is a publishable key and neither connection has an account id.
    pub fn insert(&mut self, connection: Connection) -> Result<(), ConnectionError> {
        let clash = self.connections.iter().find(|c| {
            (c.account_id.is_some() && c.account_id == connection.account_id)
                || (c.publishable_key.is_some() && c.publishable_key == connection.publishable_key)
        });
        if let Some(existing) = clash {
            let account_id = connection
                .account_id
                .clone()
                .or_else(|| existing.account_id.clone());
            return Err(match account_id {
                Some(account_id) => ConnectionError::AlreadyIntegrated { account_id },
                None => ConnectionError::DuplicateConnection {
                    existing: identity(existing),
                },
            });
        }
        self.connections.push(connection);
        Ok(())
    }

    /// Re-authenticates `previous` with the account selected in Stripe's window (S2 "Update an
    /// expiring Stripe connection"). On success the connection gets the account's id and name
    /// and keeps its publishable key.
    ///
    /// # Errors
    ///
    /// [`ConnectionError::ConnectionNotFound`] when `previous` is not in this set;
    /// [`ConnectionError::AccountIneligible`] when another platform holds the account;
    /// [`ConnectionError::AccountMismatch`] ("Stripe account does not match") when the account
    /// is not the one connected before; [`ConnectionError::AlreadyIntegrated`] when another
    /// connection of this platform has the account.
    pub fn reconnect(
        &mut self,
        previous: &Connection,
        account: &SelectedAccount,
    ) -> Result<&Connection, ConnectionError> {
        let index = self
            .connections
            .iter()
            .position(|c| c == previous)
            .ok_or(ConnectionError::ConnectionNotFound)?;
        if account.connected_elsewhere {
            return Err(ConnectionError::AccountIneligible {
                account_id: account.account_id.clone(),
            });
        }
        if !previous.matches(account) {
            return Err(ConnectionError::AccountMismatch {
                expected: identity(previous),
                selected: account.account_id.clone(),
            });
        }
        if self.holder(account, Some(index)).is_some() {
            return Err(ConnectionError::AlreadyIntegrated {
                account_id: account.account_id.clone(),
            });
        }
        let connection = &mut self.connections[index];
        connection.account_id = Some(account.account_id.clone());
        if account.name.is_some() {
            connection.account_name = account.name.clone();
        }
        Ok(&self.connections[index])
    }

    /// Removes the connection to `account_id` (after a disconnection). Returns it, if it was
    /// here.
    pub fn remove(&mut self, account_id: &AccountId) -> Option<Connection> {
        let index = self
            .connections
            .iter()
            .position(|c| c.account_id.as_ref() == Some(account_id))?;
        Some(self.connections.remove(index))
    }
}

impl TryFrom<Vec<Connection>> for Connections {
    type Error = ConnectionError;

    /// Builds the set, refusing two connections to the same account.
    fn try_from(list: Vec<Connection>) -> Result<Self, Self::Error> {
        let mut connections = Connections::new();
        for connection in list {
            connections.insert(connection)?;
        }
        Ok(connections)
    }
}

impl From<Connections> for Vec<Connection> {
    fn from(connections: Connections) -> Self {
        connections.connections
    }
}

impl<'a> IntoIterator for &'a Connections {
    type Item = &'a Connection;
    type IntoIter = std::slice::Iter<'a, Connection>;

    fn into_iter(self) -> Self::IntoIter {
        self.connections.iter()
    }
}
