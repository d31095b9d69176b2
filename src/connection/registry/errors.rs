//! [`ConnectionError`]: why a connection could not be added or reconnected.

use std::fmt;

use crate::credentials::AccountId;

/// What went wrong, with what the message needs: the inside of a [`ConnectionError`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum ConnectionProblem {
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

/// Why a connection could not be added or reconnected (S2): its [`code`](Self::code), its
/// [`remedy`](Self::remedy) and the [`account_id`](Self::account_id) concerned.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ConnectionError(ConnectionProblem);

impl From<ConnectionProblem> for ConnectionError {
    fn from(problem: ConnectionProblem) -> Self {
        ConnectionError(problem)
    }
}

impl std::error::Error for ConnectionError {}

impl ConnectionError {
    /// The account concerned: the one selected (`account_mismatch`), already integrated
    /// (`already_integrated`) or connected elsewhere (`account_ineligible`).
    #[must_use]
    pub fn account_id(&self) -> Option<&AccountId> {
        match &self.0 {
            ConnectionProblem::AccountMismatch { selected, .. } => Some(selected),
            ConnectionProblem::AlreadyIntegrated { account_id }
            | ConnectionProblem::AccountIneligible { account_id } => Some(account_id),
            _ => None,
        }
    }

    /// What to do about it.
    #[must_use]
    pub fn remedy(&self) -> &'static str {
        self.code().remedy()
    }

    /// A stable snake_case code: `account_mismatch`, `already_integrated`,
    /// `account_ineligible`, `duplicate_connection`, `connection_not_found`.
    #[must_use]
    pub fn code(&self) -> crate::codes::ConnectionCode {
        match self.0 {
            ConnectionProblem::AccountMismatch { .. } => {
                crate::codes::ConnectionCode::AccountMismatch
            }
            ConnectionProblem::AlreadyIntegrated { .. } => {
                crate::codes::ConnectionCode::AlreadyIntegrated
            }
            ConnectionProblem::AccountIneligible { .. } => {
                crate::codes::ConnectionCode::AccountIneligible
            }
            ConnectionProblem::DuplicateConnection { .. } => {
                crate::codes::ConnectionCode::DuplicateConnection
            }
            ConnectionProblem::ConnectionNotFound => {
                crate::codes::ConnectionCode::ConnectionNotFound
            }
        }
    }
}

impl fmt::Display for ConnectionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            ConnectionProblem::AccountMismatch { expected, selected } => write!(
                f,
                "Stripe account does not match: this connection was made with {expected}, and {selected} was selected; \
                 click Connect with Stripe again and select the same account: compare the publishable key shown with this \
                 connection with each account's publishable key in the Stripe Dashboard, Developers > API keys"
            ),
            ConnectionProblem::AlreadyIntegrated { account_id } => write!(
                f,
                "This Stripe account has already been integrated: {account_id} is already connected to this platform; \
                 click Connect with Stripe again to select a different account, or use the existing connection \
                 (compare the account name and id in Stripe, Settings > Business > Account details)"
            ),
            ConnectionProblem::AccountIneligible { account_id } => write!(
                f,
                "Stripe account {account_id} is ineligible: it is already connected to a different platform; \
                 disconnect it from that platform, then connect it again (a Stripe account can be connected to \
                 one such platform at a time)"
            ),
            ConnectionProblem::DuplicateConnection { existing } => write!(
                f,
                "expected one connection per Stripe account, found a second connection to {existing}; keep only one of them"
            ),
            ConnectionProblem::ConnectionNotFound => f.write_str(
                "expected one of this platform's connections, found a connection it does not hold; reload the connections and try again",
            ),
        }
    }
}

// Its code and remedy, and how it becomes a violation (crate::codes).
crate::codes::invalid_value_violations!(ConnectionError);

impl crate::codes::ConnectionCode {
    /// What to do about an error of this code, written for it: the remedy of
    /// [`ConnectionError`] (the catalogue's too).
    #[must_use]
    pub const fn remedy(self) -> &'static str {
        use crate::codes::ConnectionCode as C;
        match self {
            C::AccountMismatch => {
                "click Connect with Stripe again and select the account connected before"
            }
            C::AlreadyIntegrated => "select a different account, or use the existing connection",
            C::AccountIneligible => {
                "disconnect the account from the other platform, then connect it again"
            }
            C::DuplicateConnection => "keep only one of the connections",
            C::ConnectionNotFound => "reload the connections and try again",
        }
    }
}
