//! The largest amount Stripe accepts per currency, and the conversion's fast path.

use rust_decimal::Decimal;

use super::MinorUnits;
use crate::currency::{Currency, MinorUnitRule, minor_unit_rule};

/// Digits allowed in `amount` for every currency without an exception: "The amount value
/// supports up to eight digits (e.g., a value of 99999999 for a USD charge of $999,999.99)".
/// Sources: <https://docs.stripe.com/currencies> (~2023 and ≤ 2025-03 copies; current page for
/// non-card methods) and the PaymentIntent `amount` API reference (`stripe/stripe-node`
/// `src/resources/PaymentIntents.ts`, 2026-08). [stripe-facts §1.2](crate::rules#facts-1-2).
const DEFAULT_MAX_DIGITS: u32 = 8;

/// Currencies with more digits on which every version of <https://docs.stripe.com/currencies>
/// agrees (~2023, ≤ 2025-03, current 2026): IDR 12 digits (`999999999999`). [stripe-facts §1.2](crate::rules#facts-1-2).
/// Card-network bounds (9, 10, 11, 12 digits) differ between versions and are not used.
const MAX_DIGITS_EXCEPTIONS: [(Currency, u32); 1] = [(Currency::IDR, 12)];

/// The largest absolute `amount` (in minor units) this crate lets through for `currency`:
/// `999_999_999_999` for IDR, `99_999_999` for every other currency. See the
/// [module docs](super#maximum-stripe-facts-12) for the sources and why larger card-network
/// bounds are not used.
///
/// # Examples
///
/// ```
/// use stripe_gateway_rules::money::max_minor_units;
/// use stripe_gateway_rules::currency::Currency;
///
/// assert_eq!(max_minor_units(Currency::USD).get(), 99_999_999);
/// assert_eq!(max_minor_units(Currency::IDR).get(), 999_999_999_999);
/// ```
#[inline(always)]
pub fn max_minor_units(currency: Currency) -> MinorUnits {
    const DEFAULT: i64 = 10_i64.pow(DEFAULT_MAX_DIGITS) - 1;
    const EXCEPTION: (Currency, i64) = (
        MAX_DIGITS_EXCEPTIONS[0].0,
        10_i64.pow(MAX_DIGITS_EXCEPTIONS[0].1) - 1,
    );
    // Two constants and a comparison: no power computed at run time.
    MinorUnits(if currency == EXCEPTION.0 {
        EXCEPTION.1
    } else {
        DEFAULT
    })
}

/// The conversion's fast path (issue 13): a mantissa that fits in 64 bits, a scale at most
/// three places from the currency's exponent, and an amount Stripe accepts. `None` whenever
/// any of that does not hold (including every error), and the exact general path decides.
/// No division by a run-time value: scaling uses constant factors and divisors (which
/// compile to multiplications), the multiple rule a multiplicative test ([`is_multiple`]).
#[inline(always)]
pub(super) fn fast_minor_units(
    amount: Decimal,
    currency: Currency,
    max: MinorUnits,
) -> Option<i64> {
    let d = amount.unpack();
    if d.hi != 0 {
        return None;
    }
    let mantissa = (u64::from(d.mid) << 32) | u64::from(d.lo);
    let rule = minor_unit_rule(currency);
    let exponent = rule.exponent();
    // `steps`: whether the scaling alone makes a multiple of the step (1, 10 or 100).
    let (minor, steps) = if d.scale == exponent {
        (mantissa, false)
    } else if d.scale < exponent {
        // exponent <= 3: a factor of 10, 100 or 1000.
        match exponent - d.scale {
            1 => (mantissa.checked_mul(10)?, rule.multiple_of() <= 10),
            2 => (mantissa.checked_mul(100)?, true),
            _ => (mantissa.checked_mul(1000)?, true),
        }
    } else {
        let (rest, minor) = match d.scale - exponent {
            1 => (mantissa % 10, mantissa / 10),
            2 => (mantissa % 100, mantissa / 100),
            3 => (mantissa % 1000, mantissa / 1000),
            _ => return None,
        };
        if rest != 0 {
            return None;
        }
        (minor, false)
    };
    if minor > max.0.unsigned_abs() || !(steps || is_multiple(minor, rule)) {
        return None;
    }
    // minor <= max <= i64::MAX: the cast and the negation are exact.
    let minor = minor as i64;
    Some(if d.negative { -minor } else { minor })
}

/// `5⁻¹` and `25⁻¹` modulo 2^64 (`5 × 0xCCCC_CCCC_CCCC_CCCD = 4·2^64 + 1`).
const INVERSE_OF_5: u64 = 0xCCCC_CCCC_CCCC_CCCD;
const INVERSE_OF_25: u64 = 0x8F5C_28F5_C28F_5C29;
const _: () = assert!(5_u64.wrapping_mul(INVERSE_OF_5) == 1);
const _: () = assert!(25_u64.wrapping_mul(INVERSE_OF_25) == 1);

/// Whether `n` is a multiple of the rule's step (1, 10 or 100) without a division: for
/// `d = 2^k × q` with `q` odd, `n % d == 0` exactly when `(n × q⁻¹ mod 2^64)` rotated right
/// by `k` is at most `(2^64 − 1) / d` (Granlund and Montgomery, "Division by invariant
/// integers using multiplication", 1994, section 9). Other steps (none today) divide.
#[inline(always)]
pub(super) fn is_multiple(n: u64, rule: MinorUnitRule) -> bool {
    let (inverse, shift, limit) = match rule.multiple_of() {
        1 => return true,
        10 => (INVERSE_OF_5, 1, u64::MAX / 10),
        100 => (INVERSE_OF_25, 2, u64::MAX / 100),
        m => return n % m.unsigned_abs() == 0,
    };
    n.wrapping_mul(inverse).rotate_right(shift) <= limit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_multiple_agrees_with_the_remainder() {
        let rules = [
            minor_unit_rule(Currency::USD),
            minor_unit_rule(Currency::KWD),
            minor_unit_rule(Currency::ISK),
        ];
        let edges = [
            0,
            1,
            9,
            10,
            11,
            99,
            100,
            101,
            1000,
            999_999_999_999,
            u64::MAX,
        ];
        let near = edges
            .iter()
            .flat_map(|&e| [e.saturating_sub(1), e, e.saturating_add(1)]);
        let spread = (0..200_000_u64).map(|i| i.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        for n in (0..10_000).chain(near).chain(spread) {
            for rule in rules {
                let m = rule.multiple_of().unsigned_abs();
                assert_eq!(is_multiple(n, rule), n % m == 0, "{n} % {m}");
            }
        }
    }
}
