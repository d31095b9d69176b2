//! A platform's Stripe connections: adding one per account, reconnecting the same account
//! (S2; [rules.md §9](crate::rules#rules-9)).
//!
//! | rule | source |
//! | --- | --- |
//! | "To link more Stripe payment accounts … create a new integration for each one": several connections, one per account | S2 |
//! | "This Stripe account has already been integrated": an account can't be added twice | S2 |
//! | "An account is ineligible if it is already connected to a different platform": disconnect it there first | S2 "Ineligible accounts" |
//! | "You must connect the same account that was previously used for this integration", matched by account id or by the publishable key kept from the API-key era; else "Stripe account does not match" | S2 |
//!
//! ```
//! use stripe_gateway_rules::connection::{Connection, ConnectionKey, Connections, SelectedAccount};
//!
//! // An integration from the API-key era: only its publishable key is known.
//! let legacy = Connection::legacy("pk_live_TYooMQauvdEDq54NiTphI7jx".parse()?);
//! let mut connections = Connections::new();
//! connections.insert(legacy.clone())?;
//!
//! // In Stripe's window the user picks an account; its publishable key proves it is the one.
//! let selected = SelectedAccount::new("acct_1R3fqDP6919yCiFv".parse()?)
//!     .with_publishable_key("pk_live_TYooMQauvdEDq54NiTphI7jx".parse()?);
//! let key = ConnectionKey::from(legacy.publishable_key().cloned().unwrap());
//! let reconnected = connections.reconnect(&key, &selected)?;
//! assert_eq!(reconnected.account_id().map(|id| id.as_str()), Some("acct_1R3fqDP6919yCiFv"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;
use std::str::FromStr;

use crate::credentials::{AccountId, CredentialError, PublishableKey};

mod connection;
mod connections;
mod errors;

pub use connection::Connection;
pub use connections::Connections;
pub use errors::ConnectionError;

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
/// # Ok::<(), stripe_gateway_rules::credentials::CredentialError>(())
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
/// use stripe_gateway_rules::connection::SelectedAccount;
///
/// let account = SelectedAccount::new("acct_1R3fqDP6919yCiFv".parse()?)
///     .with_name("Acme Ltd")
///     .with_publishable_key("pk_test_TYooMQauvdEDq54NiTphI7jx".parse()?)
///     .connected_to_another_platform(false);
/// assert_eq!(account.name(), Some("Acme Ltd"));
/// # Ok::<(), stripe_gateway_rules::credentials::CredentialError>(())
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
