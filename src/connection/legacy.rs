//! Legacy credentials that must be re-authenticated by a deadline (S2; [rules.md §9](crate::rules#rules-9)).
//!
//! S2: "If your Stripe connection was created before July 11, 2024, it may need to be
//! reauthenticated … Expiring Stripe connections must be updated by September 16, 2024. If
//! reauthentication is not completed, all checkouts and recurring payment subscriptions using
//! the expired connections will stop working on that date."
//!
//! The policy is data (a cutoff and a deadline) and [`LegacyCredentialPolicy::status`] is a
//! pure function of a connection's creation date and today's date, both parameters.
//! Re-authenticating makes a new connection: pass the date it was re-authenticated as
//! `created`, and it is [`LegacyStatus::NotDue`].
//!
//! ```
//! use stripe_gateway_rules::jiff::civil::date;
//! use stripe_gateway_rules::connection::LegacyCredentialPolicy;
//! use stripe_gateway_rules::connection::LegacyStatus;
//!
//! let policy = LegacyCredentialPolicy::S2_KARTRA_2024;
//! assert_eq!(
//!     policy.status(date(2023, 5, 1), date(2024, 8, 1)),
//!     LegacyStatus::DueBy(date(2024, 9, 16))
//! );
//! assert_eq!(policy.status(date(2023, 5, 1), date(2024, 9, 16)), LegacyStatus::Expired);
//! assert_eq!(policy.status(date(2024, 7, 11), date(2024, 9, 16)), LegacyStatus::NotDue);
//! ```

use jiff::civil::{Date, date};

/// Connections created before a cutoff must be re-authenticated by a deadline (S2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "RawPolicy"))]
pub struct LegacyCredentialPolicy {
    created_before: Date,
    deadline: Date,
}

#[cfg(feature = "serde")]
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPolicy {
    created_before: Date,
    deadline: Date,
}

#[cfg(feature = "serde")]
impl TryFrom<RawPolicy> for LegacyCredentialPolicy {
    type Error = LegacyPolicyError;

    fn try_from(raw: RawPolicy) -> Result<Self, Self::Error> {
        LegacyCredentialPolicy::new(raw.created_before, raw.deadline)
    }
}

/// A policy whose cutoff is after its deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, thiserror::Error)]
#[error(
    "expected the cutoff (created before {created_before}) on or before the deadline ({deadline}), found it after; swap the two dates or correct one"
)]
pub struct LegacyPolicyError {
    created_before: Date,
    deadline: Date,
}

impl LegacyPolicyError {
    /// A stable snake_case code: `cutoff_after_deadline`.
    #[must_use]
    pub fn code(&self) -> crate::codes::LegacyPolicyCode {
        crate::codes::LegacyPolicyCode::CutoffAfterDeadline
    }

    /// What to do instead.
    #[must_use]
    pub fn remedy(&self) -> &'static str {
        self.code().remedy()
    }

    /// The cutoff given (connections created before it are affected).
    #[must_use]
    pub fn created_before(&self) -> Date {
        self.created_before
    }

    /// The deadline given.
    #[must_use]
    pub fn deadline(&self) -> Date {
        self.deadline
    }
}

/// Where a connection stands under a [`LegacyCredentialPolicy`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(
    feature = "serde",
    serde(tag = "status", content = "deadline", rename_all = "snake_case")
)]
#[non_exhaustive]
pub enum LegacyStatus {
    /// Created on or after the cutoff (or re-authenticated since): nothing to do.
    NotDue,
    /// Created before the cutoff: re-authenticate before this date (S2: "a red status
    /// indicator … if an update is needed").
    DueBy(Date),
    /// Created before the cutoff, and the deadline has come: "all checkouts and recurring
    /// payment subscriptions using the expired connections will stop working on that date"
    /// (S2). Re-authenticate now.
    Expired,
}

impl LegacyStatus {
    /// A stable snake_case code: `not_due`, `due`, `expired`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            LegacyStatus::NotDue => "not_due",
            LegacyStatus::DueBy(_) => "due",
            LegacyStatus::Expired => "expired",
        }
    }
}

impl LegacyCredentialPolicy {
    /// S2's policy: connections created before 2024-07-11 must be re-authenticated by
    /// 2024-09-16 (Kartra, "Update an expiring Stripe connection").
    pub const S2_KARTRA_2024: LegacyCredentialPolicy = LegacyCredentialPolicy {
        created_before: date(2024, 7, 11),
        deadline: date(2024, 9, 16),
    };

    /// A policy: connections created before `created_before` must be re-authenticated
    /// before `deadline`.
    ///
    /// ```
    /// use stripe_gateway_rules::jiff::civil::date;
    /// use stripe_gateway_rules::connection::LegacyCredentialPolicy;
    ///
    /// let policy = LegacyCredentialPolicy::new(date(2025, 1, 1), date(2025, 3, 1))?;
    /// assert_eq!(policy.deadline(), date(2025, 3, 1));
    /// assert!(LegacyCredentialPolicy::new(date(2025, 3, 2), date(2025, 3, 1)).is_err());
    /// # Ok::<(), stripe_gateway_rules::connection::LegacyPolicyError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`LegacyPolicyError`] when `created_before` is after `deadline`.
    pub fn new(created_before: Date, deadline: Date) -> Result<Self, LegacyPolicyError> {
        if created_before > deadline {
            return Err(LegacyPolicyError {
                created_before,
                deadline,
            });
        }
        Ok(LegacyCredentialPolicy {
            created_before,
            deadline,
        })
    }

    /// The cutoff: connections created before this date are affected.
    #[must_use]
    pub fn created_before(&self) -> Date {
        self.created_before
    }

    /// The deadline: on this date affected connections stop working.
    #[must_use]
    pub fn deadline(&self) -> Date {
        self.deadline
    }

    /// The status of a connection created (or last re-authenticated) on `created`, on
    /// `today`: [`NotDue`](LegacyStatus::NotDue) when `created` is on or after the cutoff;
    /// otherwise [`DueBy`](LegacyStatus::DueBy) the deadline before it, and
    /// [`Expired`](LegacyStatus::Expired) on and after it.
    #[must_use]
    pub fn status(&self, created: Date, today: Date) -> LegacyStatus {
        if created >= self.created_before {
            LegacyStatus::NotDue
        } else if today < self.deadline {
            LegacyStatus::DueBy(self.deadline)
        } else {
            LegacyStatus::Expired
        }
    }
}

// Its code and remedy, and how it becomes a violation (crate::codes).
crate::codes::invalid_value_violations!(LegacyPolicyError);

impl crate::codes::LegacyPolicyCode {
    /// What to do about an error of this code, written for it: the remedy of
    /// [`LegacyPolicyError`] (the catalogue's too).
    #[must_use]
    pub const fn remedy(self) -> &'static str {
        match self {
            crate::codes::LegacyPolicyCode::CutoffAfterDeadline => {
                "swap the two dates or correct one"
            }
        }
    }
}
