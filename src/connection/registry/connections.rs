//! [`Connections`]: the set of a platform's connections, at most one per account.

use super::errors::ConnectionProblem;
use super::{Connection, ConnectionError, ConnectionKey, SelectedAccount};

/// What identified the connection before: shown in an `account_mismatch` [`ConnectionError`].
fn identity(connection: &Connection) -> String {
    match (&connection.account_id, &connection.publishable_key) {
        (Some(id), _) => format!("the account {id}"),
        (None, Some(key)) => format!("the account with publishable key {key}"),
        (None, None) => "an unknown account".to_owned(),
    }
}

/// A platform's Stripe connections: several, at most one per Stripe account (S2).
///
/// A value type: methods change it only when they succeed, and do no I/O.
///
/// ```
/// use stripe_gateway_rules::{connection::Connections, connection::SelectedAccount};
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

    /// The connection identified by `key`: by account id, or by the publishable key kept from
    /// the API-key era (S2).
    #[must_use]
    pub fn find(&self, key: &ConnectionKey) -> Option<&Connection> {
        self.connections.iter().find(|c| c.is_identified_by(key))
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
    /// `account_ineligible` when another platform holds the account;
    /// `already_integrated` when a connection of this platform already has
    /// it (by account id, or by publishable key for a legacy connection, which should be
    /// [reconnected](Self::reconnect) instead).
    pub fn add(&mut self, account: &SelectedAccount) -> Result<&Connection, ConnectionError> {
        if account.connected_elsewhere {
            return Err(ConnectionProblem::AccountIneligible {
                account_id: account.account_id.clone(),
            }
            .into());
        }
        if self.holder(account, None).is_some() {
            return Err(ConnectionProblem::AlreadyIntegrated {
                account_id: account.account_id.clone(),
            }
            .into());
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
    /// `already_integrated` when a connection with the same account id or
    /// the same publishable key is already here; `duplicate_connection`
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
                Some(account_id) => ConnectionProblem::AlreadyIntegrated { account_id },
                None => ConnectionProblem::DuplicateConnection {
                    existing: identity(existing),
                },
            }
            .into());
        }
        self.connections.push(connection);
        Ok(())
    }

    /// Re-authenticates the connection identified by `key` (its account id, or the publishable
    /// key kept from the API-key era) with the account selected in Stripe's window (S2 "Update
    /// an expiring Stripe connection"). On success the connection gets the account's id and
    /// name and keeps its publishable key.
    ///
    /// ```
    /// use stripe_gateway_rules::connection::{Connection, ConnectionKey, Connections, OAuthToken};
    ///
    /// let mut connections = Connections::new();
    /// connections.insert(Connection::legacy("pk_live_TYooMQauvdEDq54NiTphI7jx".parse()?))?;
    ///
    /// // Stripe's token response names the account and its publishable key.
    /// let token = OAuthToken::from_json(r#"{"livemode": true, "scope": "read_write",
    ///   "stripe_publishable_key": "pk_live_TYooMQauvdEDq54NiTphI7jx",
    ///   "stripe_user_id": "acct_1R3fqDP6919yCiFv", "token_type": "bearer"}"#)?;
    /// let selected = token.selected_account();
    /// let key: ConnectionKey = "pk_live_TYooMQauvdEDq54NiTphI7jx".parse()?;
    /// let done = connections.reconnect(&key, &selected)?;
    /// assert_eq!(done.account_id().map(|id| id.as_str()), Some("acct_1R3fqDP6919yCiFv"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// `connection_not_found` when no connection has `key`;
    /// `account_ineligible` when another platform holds the account;
    /// `account_mismatch` ("Stripe account does not match") when the account
    /// is not the one connected before; `already_integrated` when another
    /// connection of this platform has the account.
    pub fn reconnect(
        &mut self,
        key: &ConnectionKey,
        account: &SelectedAccount,
    ) -> Result<&Connection, ConnectionError> {
        let index = self
            .connections
            .iter()
            .position(|c| c.is_identified_by(key))
            .ok_or(ConnectionError::from(ConnectionProblem::ConnectionNotFound))?;
        let previous = &self.connections[index];
        if account.connected_elsewhere {
            return Err(ConnectionProblem::AccountIneligible {
                account_id: account.account_id.clone(),
            }
            .into());
        }
        if !previous.matches(account) {
            return Err(ConnectionProblem::AccountMismatch {
                expected: identity(previous),
                selected: account.account_id.clone(),
            }
            .into());
        }
        if self.holder(account, Some(index)).is_some() {
            return Err(ConnectionProblem::AlreadyIntegrated {
                account_id: account.account_id.clone(),
            }
            .into());
        }
        let connection = &mut self.connections[index];
        connection.account_id = Some(account.account_id.clone());
        if account.name.is_some() {
            connection.account_name = account.name.clone();
        }
        Ok(&self.connections[index])
    }

    /// Removes the connection identified by `key` (its account id, after a disconnection, or
    /// its kept publishable key) and returns it, if it was here.
    pub fn remove(&mut self, key: &ConnectionKey) -> Option<Connection> {
        let index = self
            .connections
            .iter()
            .position(|c| c.is_identified_by(key))?;
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
