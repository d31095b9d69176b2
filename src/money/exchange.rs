//! [`ExchangeRate`] and the exact multiplication a conversion needs.

use core::fmt;

use rust_decimal::Decimal;

use super::{AmountError, AmountProblem, Money};
use crate::currency::Currency;

/// A caller-supplied exchange rate: one unit of [`from`](Self::from) is worth
/// [`rate`](Self::rate) units of [`to`](Self::to). The crate never fetches rates.
///
/// `Display`: `1 CHF = 1.09 USD`. With the `serde` feature:
/// `{"from":"CHF","to":"USD","rate":"1.09"}` (rate as a string), deserialized through
/// [`ExchangeRate::new`].
///
/// # Examples
///
/// ```
/// use stripe_gateway_rules::Decimal;
/// use stripe_gateway_rules::money::{ExchangeRate, Money};
/// use stripe_gateway_rules::currency::Currency;
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// // 1 CHF = 1.09 USD
/// let rate = ExchangeRate::new(Currency::CHF, Currency::USD, Decimal::new(109, 2))?;
/// let usd = rate.convert("0.46 CHF".parse()?)?;
/// assert_eq!(usd.to_string(), "0.5014 USD"); // exact: not rounded
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ExchangeRate {
    pub(super) from: Currency,
    pub(super) to: Currency,
    pub(super) rate: Decimal,
}

impl ExchangeRate {
    /// A rate: one `from` is worth `rate` `to`.
    ///
    /// A rate from a currency to itself is accepted only when it is 1 (any scale), so that
    /// code handling "maybe the same currency" can pass one uniformly.
    ///
    /// # Errors
    ///
    /// [`AmountError`] `invalid_exchange_rate` when `rate` is zero or
    /// negative, or when `from == to` and `rate != 1`.
    pub fn new(from: Currency, to: Currency, rate: Decimal) -> Result<Self, AmountError> {
        if rate <= Decimal::ZERO || (from == to && rate != Decimal::ONE) {
            return Err(AmountProblem::InvalidExchangeRate { from, to, rate }.into());
        }
        Ok(Self { from, to, rate })
    }

    /// The currency converted from.
    pub const fn from(&self) -> Currency {
        self.from
    }

    /// The currency converted to.
    pub const fn to(&self) -> Currency {
        self.to
    }

    /// Units of [`to`](Self::to) per unit of [`from`](Self::from); always positive.
    pub const fn rate(&self) -> Decimal {
        self.rate
    }

    /// Converts `amount` (in [`from`](Self::from)) to [`to`](Self::to), exactly: the result
    /// keeps every digit of the product (`0.46 × 1.09 = 0.5014`), and is not rounded to the
    /// target currency's decimals (use [`Money::round_to_stripe`] for that). Does not
    /// allocate.
    ///
    /// # Errors
    ///
    /// * [`AmountError`] `currency_mismatch`: `amount` is not in
    ///   [`from`](Self::from);
    /// * [`AmountError`] `amount_overflow`: the product exceeds [`Decimal`]'s range;
    /// * [`AmountError`] `conversion_inexact`: the exact product needs
    ///   more than 28 decimal places, so it cannot be held without rounding.
    pub fn convert(&self, amount: Money) -> Result<Money, AmountError> {
        if amount.currency != self.from {
            return Err(AmountProblem::CurrencyMismatch {
                expected: self.from,
                found: amount.currency,
            }
            .into());
        }
        match exact_mul(amount.amount, self.rate) {
            Ok(product) => Ok(Money::new(product, self.to)),
            Err(MulError::Overflow) => Err(AmountProblem::Overflow {
                amount,
                rate: *self,
            }
            .into()),
            Err(MulError::Inexact) => Err(AmountProblem::ConversionInexact {
                amount,
                rate: *self,
            }
            .into()),
        }
    }
}

impl fmt::Display for ExchangeRate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "1 {} = {} {}",
            self.from.code(),
            self.rate,
            self.to.code()
        )
    }
}

/// Why an exact product could not be formed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MulError {
    /// The integer part does not fit in a `Decimal`.
    Overflow,
    /// The value fits, but only with more than 28 decimals (or 96 bits of mantissa).
    Inexact,
}

/// `a × b` without rounding: the 192-bit product of the mantissas is reduced only by dropping
/// trailing zeros. (`Decimal::checked_mul` rounds when the scale would exceed 28.)
fn exact_mul(a: Decimal, b: Decimal) -> Result<Decimal, MulError> {
    let negative = a.is_sign_negative() != b.is_sign_negative();
    let mut product = Wide::mul(a.mantissa().unsigned_abs(), b.mantissa().unsigned_abs());
    let mut scale = a.scale() + b.scale();
    while scale > 28 || !product.fits_96() {
        let mut reduced = product;
        if reduced.div_rem_10() != 0 || scale == 0 {
            // Not representable: too large if even the integer part does not fit.
            let mut integer = product;
            for _ in 0..scale {
                integer.div_rem_10();
            }
            return Err(if integer.fits_96() {
                MulError::Inexact
            } else {
                MulError::Overflow
            });
        }
        product = reduced;
        scale -= 1;
    }
    let magnitude = product.to_u128_lossless();
    // < 2^96, so the cast and the negation are exact.
    let signed = if negative {
        -(magnitude as i128)
    } else {
        magnitude as i128
    };
    Decimal::try_from_i128_with_scale(signed, scale).map_err(|_| MulError::Overflow)
}

/// An unsigned 256-bit integer as four little-endian 64-bit limbs.
#[derive(Debug, Clone, Copy)]
struct Wide([u64; 4]);

impl Wide {
    fn mul(a: u128, b: u128) -> Self {
        let a = [a as u64, (a >> 64) as u64];
        let b = [b as u64, (b >> 64) as u64];
        let mut r = [0u64; 4];
        for (i, &ai) in a.iter().enumerate() {
            let mut carry: u128 = 0;
            for (j, &bj) in b.iter().enumerate() {
                let t = u128::from(ai) * u128::from(bj) + u128::from(r[i + j]) + carry;
                r[i + j] = t as u64;
                carry = t >> 64;
            }
            r[i + 2] = carry as u64;
        }
        Self(r)
    }

    /// Divides by 10 in place, returning the remainder.
    fn div_rem_10(&mut self) -> u64 {
        let mut rem: u128 = 0;
        for limb in self.0.iter_mut().rev() {
            let cur = (rem << 64) | u128::from(*limb);
            *limb = (cur / 10) as u64;
            rem = cur % 10;
        }
        rem as u64
    }

    fn fits_96(&self) -> bool {
        self.0[3] == 0 && self.0[2] == 0 && self.0[1] >> 32 == 0
    }

    fn to_u128_lossless(self) -> u128 {
        (u128::from(self.0[1]) << 64) | u128::from(self.0[0])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str_exact(s).unwrap()
    }

    #[test]
    fn exact_mul_keeps_every_digit() {
        assert_eq!(exact_mul(d("0.46"), d("1.09")), Ok(d("0.5014")));
        assert_eq!(exact_mul(d("-0.46"), d("1.09")), Ok(d("-0.5014")));
        // 1e-14 * 1e-14 = 1e-28: representable.
        assert_eq!(
            exact_mul(d("0.00000000000001"), d("0.00000000000001")),
            Ok(d("0.0000000000000000000000000001"))
        );
        // 1e-15 * 1e-14 = 1e-29: rust_decimal's checked_mul rounds this to 0; we refuse.
        assert_eq!(
            exact_mul(d("0.000000000000001"), d("0.00000000000001")),
            Err(MulError::Inexact)
        );
        assert_eq!(exact_mul(Decimal::MAX, d("2")), Err(MulError::Overflow));
        assert_eq!(exact_mul(Decimal::MAX, d("1.0")), Ok(Decimal::MAX));
        // Trailing zeros beyond scale 28 are dropped, not rounded.
        assert_eq!(
            exact_mul(d("0.10000000000000000000"), d("0.1000000000000000")),
            Ok(d("0.01"))
        );
    }

    #[test]
    fn wide_mul_matches_u128_for_small_values() {
        let w = Wide::mul(u128::from(u64::MAX), u128::from(u64::MAX));
        assert_eq!(
            w.to_u128_lossless(),
            u128::from(u64::MAX) * u128::from(u64::MAX)
        );
        let big = (1u128 << 96) - 1;
        let w = Wide::mul(big, big);
        // (2^96 - 1)^2 = 2^192 - 2^97 + 1
        assert_eq!(w.0, [1, 0xFFFF_FFFE_0000_0000, 0xFFFF_FFFF_FFFF_FFFF, 0]);
    }
}
