//! Money, and the exact conversion to the integer Stripe expects in `amount` fields.
//!
//! Stripe wants amounts as integers in the currency's minor unit, and its minor unit is not
//! always ISO 4217's (see [`crate::currency`] and [rules.md §5](crate::rules#rules-5)). A decimal mistake here is a
//! 100× over-charge, so every conversion in this module is **exact**: nothing is rounded unless
//! the caller asks for it with [`Money::round_to_stripe`], nothing overflows silently, and
//! nothing allocates.
//!
//! | operation | what it does |
//! | --- | --- |
//! | [`Money::to_minor_units`] | `5.12 USD` → `512`; error if the amount is finer than Stripe allows, breaks a multiple rule, or is too large |
//! | [`Money::from_minor_units`] | `500` ISK → `5.00 ISK`; the inverse, with the same checks |
//! | [`Money::round_to_stripe`] | `5.124 KWD` → `5.120` or `5.130`, with an explicit [`RoundingMode`] |
//! | [`check_payout`] | HUF and TWD manual payouts must be whole units (multiples of 100) |
//! | [`ExchangeRate::convert`] | `0.46 CHF` at `1 CHF = 1.09 USD` → `0.5014 USD`, exact (no rounding) |
//!
//! # Decimal rules ([rules.md §5](crate::rules#rules-5); [stripe-facts §2](crate::rules#facts-2))
//!
//! | currencies | Stripe exponent | `amount` must be a multiple of | example | source |
//! | --- | --- | --- | --- | --- |
//! | BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF VND VUV XAF XOF XPF | 0 | 1 | 500 JPY → `500` | <https://docs.stripe.com/currencies#zero-decimal> (2022-06 Wayback, ~2023, ≤ 2025-03 copies) |
//! | ISK, UGX | 2 | 100 | 5 ISK → `500`; 5.50 ISK is an error | <https://docs.stripe.com/currencies#special-cases> (current page) |
//! | BHD JOD KWD OMR TND | 3 | 10 | 5.120 KWD → `5120`; 5.124 KWD is an error | <https://web.archive.org/web/20220618095455/https://stripe.com/en-mt/docs/currencies> (absent from current page; enforcement unverified) |
//! | HUF, TWD | 2 (charges) | 1 (charges), 100 (manual payouts) | payout of 10.45 HUF → `1045` is an error | <https://docs.stripe.com/currencies#special-cases> |
//! | every other currency | 2 | 1 | 5.12 USD → `512` | <https://docs.stripe.com/currencies> ("two-decimal unless otherwise specified") |
//!
//! UGX is also on Stripe's zero-decimal list; the special case wins ([rules.md §5](crate::rules#rules-5)).
//!
//! # Maximum ([stripe-facts §1.2](crate::rules#facts-1-2))
//!
//! | currencies | maximum \|amount\| in minor units | source |
//! | --- | --- | --- |
//! | IDR | 999 999 999 999 (12 digits) | <https://docs.stripe.com/currencies> — every version (~2023, ≤ 2025-03, current) agrees |
//! | every other currency | 99 999 999 (8 digits; 999 999.99 USD) | <https://docs.stripe.com/currencies> ~2023 and ≤ 2025-03 ("up to eight digits for all other currencies"); current page for non-card methods; API reference for PaymentIntent `amount` (stripe-node, 2026-08) |
//!
//! Larger bounds exist for some card payments (12 digits on the current page, 9 for American
//! Express; 10 for COP and JPY and 11 for LBP on the ≤ 2025-03 page; 10 for COP and 9 for INR
//! on the current page for non-card methods). The versions disagree with each other and with
//! the API reference, and depend on the payment method, so they are **not** the default: this
//! crate takes the bound no current source contradicts ([`MAXIMUMS_SOURCE`], as of
//! [`MAXIMUMS_AS_OF`]). An account that has larger (or smaller) limits states them in an
//! [`AmountLimits`] (per currency, per card brand, or the card networks' digits of the current
//! page) and converts with [`Money::to_minor_units_within`]; an [`AmountError`]
//! `amount_too_large` names the limit used ([`LimitSource`]). The bound applies to the
//! absolute value; zero and negative amounts are representable (refunds and zero-amount flows exist) and are
//! rejected only where an operation requires a positive amount (see [`crate::minimum`]).
//!
//! # Example
//!
//! ```
//! use stripe_gateway_rules::Decimal;
//! use stripe_gateway_rules::money::{Money, MinorUnits, RoundingMode};
//! use stripe_gateway_rules::currency::Currency;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let price: Money = "0.50 USD".parse()?;
//! assert_eq!(price.to_minor_units()?, MinorUnits::new(50));
//!
//! let fee = Money::new(Decimal::new(5124, 3), Currency::KWD); // 5.124 KWD
//! let err = fee.to_minor_units().unwrap_err();
//! assert_eq!(err.code(), "amount_not_multiple");
//! let rounded = fee.round_to_stripe(RoundingMode::HalfEven)?;
//! assert_eq!(rounded.to_string(), "5.120 KWD");
//! assert_eq!(rounded.to_minor_units()?.get(), 5120);
//! # Ok(())
//! # }
//! ```

use core::fmt;
mod amount;
mod errors;
mod exchange;
mod limits;
mod maximum;
pub(crate) mod minimum_table;
mod parse;
mod payout;
mod rounding;
#[cfg(feature = "serde")]
mod serde_impls;

pub use amount::Money;
pub use errors::AmountError;
pub(crate) use errors::AmountProblem;
pub use exchange::ExchangeRate;
pub use limits::{
    AmountLimit, AmountLimits, CARD_NETWORK_MAXIMUMS_AS_OF, CARD_NETWORK_MAXIMUMS_SOURCE,
    ChargeMethod, LimitSource, MAXIMUMS_AS_OF, MAXIMUMS_SOURCE,
};
pub use maximum::max_minor_units;
pub use parse::{ParseMoneyError, parse_amount};
pub use payout::check_payout;
pub use rounding::RoundingMode;

// ---------------------------------------------------------------------------------------------
// MinorUnits
// ---------------------------------------------------------------------------------------------

/// The integer Stripe expects in `amount` fields: the amount in the currency's minor unit
/// (`512` for 5.12 USD, `500` for 500 JPY or for 5 ISK).
///
/// A plain integer with no currency attached; get a checked one from
/// [`Money::to_minor_units`]. Serializes as a JSON integer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(transparent))]
pub struct MinorUnits(i64);

impl MinorUnits {
    /// Wraps an integer amount in minor units.
    pub const fn new(minor_units: i64) -> Self {
        Self(minor_units)
    }

    /// The integer.
    pub const fn get(self) -> i64 {
        self.0
    }
}

impl From<MinorUnits> for i64 {
    fn from(value: MinorUnits) -> Self {
        value.0
    }
}

impl From<i64> for MinorUnits {
    fn from(value: i64) -> Self {
        Self(value)
    }
}

impl fmt::Display for MinorUnits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}
