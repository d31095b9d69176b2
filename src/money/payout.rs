//! The amount rules of manual payouts: [`check_payout`].

use super::{AmountError, AmountProblem, MinorUnits, Money};
use crate::currency::{Currency, minor_unit_rule};

/// Checks the `amount` of a **manual payout** (in minor units).
///
/// HUF and TWD are charged with two decimals, but "when you create a manual payout in HUF, you
/// must provide integer amounts that are evenly divisible by 100" (same for TWD;
/// <https://docs.stripe.com/currencies#special-cases>, [stripe-facts §2.4](crate::rules#facts-2-4)): 10.45 HUF is paid
/// out as `1000`, and `1045` is rejected. Every currency also gets the charge rules of
/// [`Money::from_minor_units`] (multiple and maximum). The maximum used is the charge maximum
/// ([`max_minor_units`](super::max_minor_units)), since Stripe documents no separate payout
/// maximum; the sign is not checked.
///
/// # Errors
///
/// * [`AmountError`] `amount_too_large` and [`AmountError`] `amount_not_multiple` as for
///   [`Money::from_minor_units`];
/// * [`AmountError`] `payout_amount_not_multiple`: a HUF or TWD payout
///   that is not a multiple of 100.
///
/// # Examples
///
/// ```
/// use stripe_gateway_rules::money::{check_payout, MinorUnits};
/// use stripe_gateway_rules::currency::Currency;
///
/// # fn main() -> Result<(), stripe_gateway_rules::money::AmountError> {
/// check_payout(MinorUnits::new(1000), Currency::HUF)?;
/// assert!(check_payout(MinorUnits::new(1045), Currency::HUF).is_err());
/// check_payout(MinorUnits::new(1045), Currency::USD)?;
/// # Ok(())
/// # }
/// ```
pub fn check_payout(amount: MinorUnits, currency: Currency) -> Result<(), AmountError> {
    Money::from_minor_units(amount, currency)?;
    let rule = minor_unit_rule(currency);
    if amount.0 % rule.payout_multiple_of() != 0 {
        return Err(AmountProblem::PayoutNotMultiple {
            amount,
            currency,
            rule,
        }
        .into());
    }
    Ok(())
}
