//! Stripe's minimum charge amount, and checking an amount (e.g. a platform's configured
//! minimum payment) against it.
//!
//! # The rule ([rules.md §6](crate::rules#rules-6); [stripe-facts §1.1](crate::rules#facts-1-1))
//!
//! Stripe's minimum "depends on the payout bank account settlement currency": a charge in the
//! settlement currency must meet that currency's minimum, and a charge in any other currency
//! "must meet the equivalent minimum of the settlement currency" after conversion
//! (<https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts>). So the check
//! needs the account's settlement currency, and for other currencies an exchange rate, which
//! the caller supplies ([`ExchangeRate`]); the crate never fetches one.
//!
//! [`check_minimum`] returns a [`MinimumVerdict`]:
//!
//! | amount's currency | rate given | settlement currency in the table | verdict |
//! | --- | --- | --- | --- |
//! | = settlement | — | yes | [`Exact`](MinimumVerdict::Exact), compared with the settlement minimum |
//! | ≠ settlement | yes (amount → settlement) | yes | [`Exact`](MinimumVerdict::Exact), compared after an exact conversion (no rounding) |
//! | ≠ settlement | no | yes, and the amount's currency too | [`Approximate`](MinimumVerdict::Approximate), compared with the amount currency's own entry |
//! | ≠ settlement | no | yes, but not the amount's currency | [`Unknown`](MinimumVerdict::Unknown) |
//! | any | any | no | [`Unknown`](MinimumVerdict::Unknown) |
//!
//! Zero and negative amounts are errors (`amount_not_positive`): "Subscription charges support
//! zero-amount charges … However, any non-zero amount is still subject to the applicable
//! minimum", and a minimum payment of zero is not a minimum. Some payment methods have lower
//! minimums (iDEAL: `amount` as low as `1`); this module models card charges.
//!
//! # The table
//!
//! Source: <https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts>, current
//! page (read 2026 through a public mirror of `docs.stripe.com/currencies.md`), stripe-facts
//! [§1.1](crate::rules#facts-1-1); 31 settlement currencies, values in major units as published:
//!
//! | currency | minimum | currency | minimum | currency | minimum |
//! | --- | --- | --- | --- | --- | --- |
//! | USD | 0.50 | GBP | 0.30 | NOK | 3.00 |
//! | AED | 2.00 | HKD | 4.00 | NZD | 0.50 |
//! | ARS | 0.50 | HUF | 175.00 | PHP | 0.50 |
//! | AUD | 0.50 | IDR | 0.50 | PLN | 2.00 |
//! | BRL | 0.50 | ILS | 0.50 | RON | 2.00 |
//! | CAD | 0.50 | INR | 0.50 | RUB | 0.50 |
//! | CHF | 0.50 | JPY | 50 | SEK | 3.00 |
//! | COP | 0.50 | KRW | 50 | SGD | 0.50 |
//! | CZK | 15.00 | MXN | 10 | THB | 10 |
//! | DKK | 2.50 | MYR | 2.00 | ZAR | 0.50 |
//! | EUR | 0.50 | | | | |
//!
//! **Implausibly small, as published:** IDR 0.50, COP 0.50, RUB 0.50 and KRW 50 are tiny
//! amounts in those currencies (0.50 IDR is a small fraction of a US cent). They are kept as
//! Stripe publishes them and are unverified against live API behaviour.
//!
//! Earlier versions of the page (~2023, ≤ 2025-03) listed 24 currencies, including BGN 1.00,
//! and lacked ARS, COP, IDR, ILS, KRW, PHP, RUB and ZAR; the values they share are identical.
//! BGN is not in the current table, so it has no entry here.
//!
//! # Example
//!
//! ```
//! use stripe_gateway_rules::Decimal;
//! use stripe_gateway_rules::currency::Currency;
//! use stripe_gateway_rules::minimum::{check_minimum, MinimumVerdict};
//! use stripe_gateway_rules::money::{ExchangeRate, Money};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let configured: Money = "0.46 CHF".parse()?;
//!
//! // Settling in CHF: below Stripe's 0.50 CHF.
//! let verdict = check_minimum(configured, Currency::CHF, None)?;
//! assert_eq!(verdict.meets(), Some(false));
//!
//! // Settling in USD at 1 CHF = 1.09 USD: 0.5014 USD >= 0.50 USD.
//! let rate = ExchangeRate::new(Currency::CHF, Currency::USD, Decimal::new(109, 2))?;
//! let verdict = check_minimum(configured, Currency::USD, Some(&rate))?;
//! assert_eq!(verdict.meets(), Some(true));
//! assert_eq!(verdict.to_string(), "0.5014 USD meets Stripe's minimum of 0.50 USD");
//! # Ok(())
//! # }
//! ```

use core::fmt;

use crate::currency::Currency;
use crate::money::{AmountError, AmountLimits, AmountProblem, ExchangeRate, Money};

pub use crate::money::minimum_table::{MINIMUMS_AS_OF, MINIMUMS_SOURCE, stripe_minimum};

/// The outcome of [`check_minimum`]. Built to be matched by a configuration check and shown by
/// a UI (its `Display` is a lowercase sentence).
///
/// With the `serde` feature it serializes as
/// `{"verdict":"exact","meets":true,"minimum":{…},"compared":{…}}`,
/// `{"verdict":"approximate",…}` or `{"verdict":"unknown"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(tag = "verdict", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum MinimumVerdict {
    /// Compared in the settlement currency (after conversion if needed).
    Exact {
        /// Whether `compared >= minimum`.
        meets: bool,
        /// Stripe's minimum for the settlement currency.
        minimum: Money,
        /// The amount in the settlement currency (converted exactly, not rounded).
        compared: Money,
    },
    /// No rate: compared with the amount currency's own table entry. Stripe will actually
    /// compare the converted amount with the settlement currency's minimum, so treat this as a
    /// warning, not a guarantee.
    Approximate {
        /// Whether the amount is at least `minimum`.
        meets: bool,
        /// Stripe's table entry for the amount's own currency.
        minimum: Money,
        /// The amount compared, in its own currency.
        compared: Money,
        /// The account's settlement currency, in which Stripe really compares.
        #[cfg_attr(
            feature = "serde",
            serde(serialize_with = "crate::currency::serde_code::serialize")
        )]
        settlement: Currency,
    },
    /// Nothing to compare with: the settlement currency has no table entry, or no rate was
    /// given and the amount's currency has no entry either.
    Unknown,
}

impl MinimumVerdict {
    /// `Some(meets)` when something was compared, `None` for [`Unknown`](Self::Unknown).
    pub fn meets(&self) -> Option<bool> {
        match *self {
            Self::Exact { meets, .. } | Self::Approximate { meets, .. } => Some(meets),
            Self::Unknown => None,
        }
    }

    /// The minimum compared with, if any.
    pub fn minimum(&self) -> Option<Money> {
        match *self {
            Self::Exact { minimum, .. } | Self::Approximate { minimum, .. } => Some(minimum),
            Self::Unknown => None,
        }
    }

    /// Whether the verdict is [`Exact`](Self::Exact).
    pub fn is_exact(&self) -> bool {
        matches!(self, Self::Exact { .. })
    }

    /// Whether the amount is known to be below the minimum (exactly or approximately): the
    /// case a configuration check reports.
    pub fn is_below(&self) -> bool {
        self.meets() == Some(false)
    }
}

impl fmt::Display for MinimumVerdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Exact {
                meets: true,
                minimum,
                compared,
            } => write!(f, "{compared} meets Stripe's minimum of {minimum}"),
            Self::Exact {
                meets: false,
                minimum,
                compared,
            } => write!(f, "{compared} is below Stripe's minimum of {minimum}"),
            Self::Approximate {
                meets,
                minimum,
                compared,
                settlement,
            } => write!(
                f,
                "{compared} {} {minimum}, Stripe's minimum for charges settled in {}; but the account settles in {}, and Stripe compares the amount converted to {} with its {} minimum, so this is approximate (no exchange rate was given)",
                if *meets { "reaches" } else { "is below" },
                minimum.currency().code(),
                settlement.code(),
                settlement.code(),
                settlement.code()
            ),
            Self::Unknown => f.write_str(
                "stripe's minimum cannot be checked: no minimum is known for this settlement currency, or no exchange rate was given",
            ),
        }
    }
}

/// Checks `amount` (a charge, or a platform's configured minimum payment) against Stripe's
/// minimum for an account settling in `settlement`.
///
/// `rate`, when given, must convert from `amount`'s currency to `settlement`; it is used only
/// when the two differ (a rate `X → X` of 1 is accepted and changes nothing). The comparison
/// is exact: the converted amount is not rounded (`0.46 CHF × 1.09 = 0.5014 USD ≥ 0.50 USD`).
/// The amount itself is not checked against the currency's decimal rules (use
/// [`Money::to_minor_units`] for that). Does not allocate. See the
/// [module docs](self#the-rule-rulesmd-6-stripe-facts-11) for the table of branches.
///
/// # Errors
///
/// * [`AmountError`] `amount_not_positive`: `amount` is zero or negative;
/// * [`AmountError`] `exchange_rate_mismatch`: `rate` is not from
///   `amount`'s currency to `settlement`;
/// * [`AmountError`] `amount_overflow`, [`AmountError`] `conversion_inexact`: from
///   [`ExchangeRate::convert`].
///
/// # Examples
///
/// ```
/// use stripe_gateway_rules::currency::Currency;
/// use stripe_gateway_rules::minimum::{check_minimum, MinimumVerdict};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let verdict = check_minimum("0.50 USD".parse()?, Currency::USD, None)?;
/// assert_eq!(verdict.meets(), Some(true)); // exactly the minimum meets it
/// let verdict = check_minimum("0.49 EUR".parse()?, Currency::USD, None)?;
/// assert!(matches!(verdict, MinimumVerdict::Approximate { meets: false, .. }));
/// # Ok(())
/// # }
/// ```
pub fn check_minimum(
    amount: Money,
    settlement: Currency,
    rate: Option<&ExchangeRate>,
) -> Result<MinimumVerdict, AmountError> {
    check_minimum_with(amount, settlement, rate, stripe_minimum)
}

/// [`check_minimum`] for an account whose minimums differ from Stripe's table: each minimum
/// is [`AmountLimits::minimum_for`] (the account's replacement, or the table's entry). The
/// verdict's `minimum` is the one used. Does not allocate.
///
/// # Errors
///
/// As [`check_minimum`].
///
/// # Examples
///
/// ```
/// use stripe_gateway_rules::currency::Currency;
/// use stripe_gateway_rules::minimum::check_minimum_within;
/// use stripe_gateway_rules::money::{AmountLimits, Money};
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let limits = AmountLimits::default().with_minimum("1.00 BGN".parse()?);
/// let verdict = check_minimum_within("0.80 BGN".parse()?, Currency::BGN, None, &limits)?;
/// assert_eq!(verdict.meets(), Some(false));
/// assert_eq!(verdict.minimum(), Some("1.00 BGN".parse::<Money>()?));
/// # Ok(())
/// # }
/// ```
pub fn check_minimum_within(
    amount: Money,
    settlement: Currency,
    rate: Option<&ExchangeRate>,
    limits: &AmountLimits,
) -> Result<MinimumVerdict, AmountError> {
    check_minimum_with(amount, settlement, rate, |c| limits.minimum_for(c))
}

fn check_minimum_with(
    amount: Money,
    settlement: Currency,
    rate: Option<&ExchangeRate>,
    minimum_for: impl Fn(Currency) -> Option<Money>,
) -> Result<MinimumVerdict, AmountError> {
    if !amount.is_positive() {
        return Err(AmountProblem::NotPositive { amount }.into());
    }
    if let Some(rate) = rate {
        if rate.from() != amount.currency() || rate.to() != settlement {
            return Err(AmountProblem::ExchangeRateMismatch {
                rate: *rate,
                expected_from: amount.currency(),
                expected_to: settlement,
            }
            .into());
        }
    }
    let Some(minimum) = minimum_for(settlement) else {
        return Ok(MinimumVerdict::Unknown);
    };
    let compared = if amount.currency() == settlement {
        amount
    } else if let Some(rate) = rate {
        rate.convert(amount)?
    } else {
        return Ok(match minimum_for(amount.currency()) {
            Some(own) => MinimumVerdict::Approximate {
                meets: amount.amount() >= own.amount(),
                minimum: own,
                compared: amount,
                settlement,
            },
            None => MinimumVerdict::Unknown,
        });
    };
    Ok(MinimumVerdict::Exact {
        meets: compared.amount() >= minimum.amount(),
        minimum,
        compared,
    })
}
