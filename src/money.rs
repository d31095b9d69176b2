//! Money, and the exact conversion to the integer Stripe expects in `amount` fields.
//!
//! Stripe wants amounts as integers in the currency's minor unit, and its minor unit is not
//! always ISO 4217's (see [`crate::currency`] and rules.md §5). A decimal mistake here is a
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
//! # Decimal rules (rules.md §5; stripe-facts §2)
//!
//! | currencies | Stripe exponent | `amount` must be a multiple of | example | source |
//! | --- | --- | --- | --- | --- |
//! | BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF VND VUV XAF XOF XPF | 0 | 1 | 500 JPY → `500` | <https://docs.stripe.com/currencies#zero-decimal> (2022-06 Wayback, ~2023, ≤ 2025-03 copies) |
//! | ISK, UGX | 2 | 100 | 5 ISK → `500`; 5.50 ISK is an error | <https://docs.stripe.com/currencies#special-cases> (current page) |
//! | BHD JOD KWD OMR TND | 3 | 10 | 5.120 KWD → `5120`; 5.124 KWD is an error | <https://web.archive.org/web/20220618095455/https://stripe.com/en-mt/docs/currencies> (absent from current page; enforcement unverified) |
//! | HUF, TWD | 2 (charges) | 1 (charges), 100 (manual payouts) | payout of 10.45 HUF → `1045` is an error | <https://docs.stripe.com/currencies#special-cases> |
//! | every other currency | 2 | 1 | 5.12 USD → `512` | <https://docs.stripe.com/currencies> ("two-decimal unless otherwise specified") |
//!
//! UGX is also on Stripe's zero-decimal list; the special case wins (rules.md §5).
//!
//! # Maximum (stripe-facts §1.2)
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
//! page) and converts with [`Money::to_minor_units_within`]; [`AmountError::TooLarge`] names
//! the limit used ([`LimitSource`]). The bound applies to the absolute value;
//! zero and negative amounts are representable (refunds and zero-amount flows exist) and are
//! rejected only where an operation requires a positive amount (see [`crate::minimum`]).
//!
//! # Example
//!
//! ```
//! use rust_decimal::Decimal;
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
use core::str::FromStr;

use rust_decimal::Decimal;

use crate::currency::{
    Currency, CurrencyError, InputExcerpt, MinorUnitRule, minor_unit_rule, parse_currency,
};

mod limits;

pub use limits::{
    AmountLimit, AmountLimits, CARD_NETWORK_MAXIMUMS_AS_OF, CARD_NETWORK_MAXIMUMS_SOURCE,
    ChargeMethod, LimitSource, MAXIMUMS_AS_OF, MAXIMUMS_SOURCE,
};

// ---------------------------------------------------------------------------------------------
// Maximum
// ---------------------------------------------------------------------------------------------

/// Digits allowed in `amount` for every currency without an exception: "The amount value
/// supports up to eight digits (e.g., a value of 99999999 for a USD charge of $999,999.99)".
/// Sources: <https://docs.stripe.com/currencies> (~2023 and ≤ 2025-03 copies; current page for
/// non-card methods) and the PaymentIntent `amount` API reference (`stripe/stripe-node`
/// `src/resources/PaymentIntents.ts`, 2026-08). stripe-facts §1.2.
const DEFAULT_MAX_DIGITS: u32 = 8;

/// Currencies with more digits on which every version of <https://docs.stripe.com/currencies>
/// agrees (~2023, ≤ 2025-03, current 2026): IDR 12 digits (`999999999999`). stripe-facts §1.2.
/// Card-network bounds (9, 10, 11, 12 digits) differ between versions and are not used.
const MAX_DIGITS_EXCEPTIONS: [(Currency, u32); 1] = [(Currency::IDR, 12)];

/// The largest absolute `amount` (in minor units) this crate lets through for `currency`:
/// `999_999_999_999` for IDR, `99_999_999` for every other currency. See the
/// [module docs](self#maximum-stripe-facts-12) for the sources and why larger card-network
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
fn fast_minor_units(amount: Decimal, currency: Currency, max: MinorUnits) -> Option<i64> {
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
fn is_multiple(n: u64, rule: MinorUnitRule) -> bool {
    let (inverse, shift, limit) = match rule.multiple_of() {
        1 => return true,
        10 => (INVERSE_OF_5, 1, u64::MAX / 10),
        100 => (INVERSE_OF_25, 2, u64::MAX / 100),
        m => return n % m.unsigned_abs() == 0,
    };
    n.wrapping_mul(inverse).rotate_right(shift) <= limit
}

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

// ---------------------------------------------------------------------------------------------
// Money
// ---------------------------------------------------------------------------------------------

/// An exact decimal amount in a currency, e.g. `0.50 USD`.
///
/// Any [`Decimal`] can be held (intermediate results such as a converted amount may be finer
/// than Stripe accepts); Stripe's rules are applied by [`to_minor_units`](Self::to_minor_units).
///
/// * `Display` prints the amount with its own scale, a space and the uppercase code
///   (`0.50 USD`, `0.5 USD`, `5.120 KWD`); [`FromStr`] parses the same form, so printing then
///   parsing gives the same value and scale.
/// * Equality is numeric: `0.5 USD == 0.50 USD` (their `Display` differs). `Hash` agrees with
///   it. Amounts in different currencies are never equal; there is no ordering across
///   currencies, hence no `Ord`.
/// * With the `serde` feature: `{"amount":"0.50","currency":"USD"}`, the amount always a
///   string (independent of `rust_decimal`'s serde features). Deserializing accepts the
///   currency code in any case and checks the amount with the [`FromStr`] grammar; it does not
///   apply Stripe's charge rules.
///
/// # Examples
///
/// ```
/// use rust_decimal::Decimal;
/// use stripe_gateway_rules::money::Money;
/// use stripe_gateway_rules::currency::Currency;
///
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let m = Money::new(Decimal::new(50, 2), Currency::USD);
/// assert_eq!(m.to_string(), "0.50 USD");
/// assert_eq!("0.50 usd".parse::<Money>()?, m);
/// assert_eq!(m.to_minor_units()?.get(), 50);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Money {
    amount: Decimal,
    currency: Currency,
}

impl Money {
    /// An amount in a currency. Not checked against Stripe's rules (see
    /// [`to_minor_units`](Self::to_minor_units)).
    pub const fn new(amount: Decimal, currency: Currency) -> Self {
        Self { amount, currency }
    }

    /// The decimal amount, in major units, with the scale it was given.
    pub const fn amount(&self) -> Decimal {
        self.amount
    }

    /// The currency.
    pub const fn currency(&self) -> Currency {
        self.currency
    }

    /// Stripe's minor-unit rule for this amount's currency.
    pub const fn rule(&self) -> MinorUnitRule {
        minor_unit_rule(self.currency)
    }

    /// The integer Stripe expects in an `amount` field. Exact: never rounds, never wraps,
    /// never panics, never allocates.
    ///
    /// Trailing zeros are fine (`1.00 JPY` → `1`); zero and negative amounts are converted
    /// (`-5.00 USD` → `-500`).
    ///
    /// # Errors
    ///
    /// Checked in this order:
    /// * [`AmountError::Precision`] (`amount_precision`): the amount has more decimals than
    ///   the currency's Stripe exponent (`1.5 JPY`, `0.001 USD`, `5.1234 KWD`);
    /// * [`AmountError::TooLarge`] (`amount_too_large`): the absolute value exceeds
    ///   [`max_minor_units`];
    /// * [`AmountError::NotMultiple`] (`amount_not_multiple`): representable, but not a
    ///   multiple of the currency's step (`5.124 KWD` → 5124; `5.5 ISK` → 550).
    ///
    /// # Examples
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// use stripe_gateway_rules::money::Money;
    /// use stripe_gateway_rules::currency::Currency;
    ///
    /// # fn main() -> Result<(), stripe_gateway_rules::money::AmountError> {
    /// assert_eq!(Money::new(Decimal::new(512, 2), Currency::USD).to_minor_units()?.get(), 512);
    /// assert_eq!(Money::new(Decimal::new(500, 0), Currency::JPY).to_minor_units()?.get(), 500);
    /// assert_eq!(Money::new(Decimal::new(5, 0), Currency::ISK).to_minor_units()?.get(), 500);
    /// let err = Money::new(Decimal::new(15, 1), Currency::JPY).to_minor_units().unwrap_err();
    /// assert_eq!(err.code(), "amount_precision");
    /// # Ok(())
    /// # }
    /// ```
    #[inline(always)]
    pub fn to_minor_units(&self) -> Result<MinorUnits, AmountError> {
        let max = max_minor_units(self.currency);
        match fast_minor_units(self.amount, self.currency, max) {
            Some(minor) => Ok(MinorUnits(minor)),
            None => self.minor_units_general(AmountLimit::new(max, LimitSource::ApiReference)),
        }
    }

    /// [`to_minor_units`](Self::to_minor_units) with an account's own maximums: the maximum
    /// is [`AmountLimits::max_for`] this amount's currency and `method`, and a
    /// [`AmountError::TooLarge`] names it and where it comes from. Never allocates.
    ///
    /// # Errors
    ///
    /// As [`to_minor_units`](Self::to_minor_units), with that maximum.
    ///
    /// # Examples
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// use stripe_gateway_rules::money::{AmountError, AmountLimits, ChargeMethod, LimitSource, Money};
    /// use stripe_gateway_rules::Currency;
    ///
    /// let vnd = Money::new(Decimal::new(103_500_000, 0), Currency::VND);
    /// let card = ChargeMethod::Card(None);
    /// let err = vnd.to_minor_units_within(&AmountLimits::default(), card).unwrap_err();
    /// assert!(matches!(err, AmountError::TooLarge { limit: LimitSource::ApiReference, .. }));
    /// let limits = AmountLimits::card_networks();
    /// assert_eq!(vnd.to_minor_units_within(&limits, card).unwrap().get(), 103_500_000);
    /// ```
    #[inline(always)]
    pub fn to_minor_units_within(
        &self,
        limits: &AmountLimits,
        method: ChargeMethod,
    ) -> Result<MinorUnits, AmountError> {
        let limit = limits.max_for(self.currency, method);
        match fast_minor_units(self.amount, self.currency, limit.max()) {
            Some(minor) => Ok(MinorUnits(minor)),
            None => self.minor_units_general(limit),
        }
    }

    /// The general conversion behind [`to_minor_units`](Self::to_minor_units): any mantissa
    /// and scale, every error in its order. Taken when the fast path cannot decide.
    #[cold]
    #[inline(never)]
    fn minor_units_general(&self, limit: AmountLimit) -> Result<MinorUnits, AmountError> {
        let rule = self.rule();
        let exponent = rule.exponent();
        let scale = self.amount.scale();
        // |mantissa| < 2^96; scale <= 28, exponent <= 3: every step below fits in i128.
        let mantissa = self.amount.mantissa();
        let minor = if scale > exponent {
            let divisor = 10_i128.pow(scale - exponent);
            if mantissa % divisor != 0 {
                return Err(AmountError::Precision {
                    amount: *self,
                    rule,
                });
            }
            mantissa / divisor
        } else {
            mantissa * 10_i128.pow(exponent - scale)
        };
        let max = limit.max();
        let minor = match i64::try_from(minor) {
            Ok(m) if m.unsigned_abs() <= max.0.unsigned_abs() => m,
            _ => {
                return Err(AmountError::TooLarge {
                    amount: *self,
                    max,
                    limit: limit.source(),
                });
            }
        };
        if minor % rule.multiple_of() != 0 {
            return Err(AmountError::NotMultiple {
                amount: *self,
                rule,
            });
        }
        Ok(MinorUnits(minor))
    }

    /// The amount an integer `amount` field stands for: the inverse of
    /// [`to_minor_units`](Self::to_minor_units). The result's scale is Stripe's exponent
    /// (`500` ISK → `5.00 ISK`, `5120` KWD → `5.120 KWD`). Does not allocate.
    ///
    /// # Errors
    ///
    /// * [`AmountError::TooLarge`] (`amount_too_large`): the absolute value exceeds
    ///   [`max_minor_units`];
    /// * [`AmountError::NotMultiple`] (`amount_not_multiple`): not a multiple of the
    ///   currency's step (`501` ISK, `5125` KWD).
    ///
    /// # Examples
    ///
    /// ```
    /// use stripe_gateway_rules::money::{Money, MinorUnits};
    /// use stripe_gateway_rules::currency::Currency;
    ///
    /// # fn main() -> Result<(), stripe_gateway_rules::money::AmountError> {
    /// let m = Money::from_minor_units(MinorUnits::new(500), Currency::ISK)?;
    /// assert_eq!(m.to_string(), "5.00 ISK");
    /// assert!(Money::from_minor_units(MinorUnits::new(501), Currency::ISK).is_err());
    /// # Ok(())
    /// # }
    /// ```
    pub fn from_minor_units(minor: MinorUnits, currency: Currency) -> Result<Money, AmountError> {
        let rule = minor_unit_rule(currency);
        let amount = Money::new(Decimal::new(minor.0, rule.exponent()), currency);
        let max = max_minor_units(currency);
        if minor.0.unsigned_abs() > max.0.unsigned_abs() {
            return Err(AmountError::TooLarge {
                amount,
                max,
                limit: LimitSource::ApiReference,
            });
        }
        if minor.0 % rule.multiple_of() != 0 {
            return Err(AmountError::NotMultiple { amount, rule });
        }
        Ok(amount)
    }

    /// Rounds to the nearest amount Stripe accepts for a charge, in the direction `mode`
    /// says. The result has Stripe's exponent as scale and always passes
    /// [`to_minor_units`](Self::to_minor_units).
    ///
    /// The step is the currency's smallest accepted amount ([`MinorUnitRule::step`]): `0.01`
    /// for two-decimal currencies, `1` for zero-decimal ones, `1.00` for ISK and UGX, `0.010`
    /// for the three-decimal currencies ("Your integration must round amounts to the nearest
    /// ten. For example, 5.124 KWD must be rounded to 5120 or 5130", stripe-facts §2.3).
    /// This is the only place the crate rounds, and only when called.
    ///
    /// # Errors
    ///
    /// [`AmountError::TooLarge`] (`amount_too_large`) when the rounded amount exceeds
    /// [`max_minor_units`].
    ///
    /// # Examples
    ///
    /// ```
    /// use rust_decimal::Decimal;
    /// use stripe_gateway_rules::money::{Money, RoundingMode};
    /// use stripe_gateway_rules::currency::Currency;
    ///
    /// # fn main() -> Result<(), stripe_gateway_rules::money::AmountError> {
    /// let kwd = Money::new(Decimal::new(5124, 3), Currency::KWD);
    /// assert_eq!(kwd.round_to_stripe(RoundingMode::HalfUp)?.to_string(), "5.120 KWD");
    /// assert_eq!(kwd.round_to_stripe(RoundingMode::Up)?.to_string(), "5.130 KWD");
    /// let isk = Money::new(Decimal::new(55, 1), Currency::ISK);
    /// assert_eq!(isk.round_to_stripe(RoundingMode::HalfEven)?.to_string(), "6.00 ISK");
    /// # Ok(())
    /// # }
    /// ```
    pub fn round_to_stripe(&self, mode: RoundingMode) -> Result<Money, AmountError> {
        let rule = self.rule();
        let exponent = rule.exponent();
        let scale = self.amount.scale();
        let step = i128::from(rule.multiple_of());
        // The amount counted in steps is numerator / denominator. |mantissa| < 2^96 and
        // 10^28 * 100 < 2^127, so nothing here overflows.
        let (numerator, denominator) = if scale >= exponent {
            (self.amount.mantissa(), 10_i128.pow(scale - exponent) * step)
        } else {
            (self.amount.mantissa() * 10_i128.pow(exponent - scale), step)
        };
        let steps = mode.divide(numerator, denominator);
        let minor = steps * step;
        let max = max_minor_units(self.currency);
        match i64::try_from(minor) {
            Ok(m) if m.unsigned_abs() <= max.0.unsigned_abs() => {
                Ok(Money::new(Decimal::new(m, exponent), self.currency))
            }
            _ => Err(AmountError::TooLarge {
                amount: *self,
                max,
                limit: LimitSource::ApiReference,
            }),
        }
    }

    /// Whether the amount is greater than zero.
    pub fn is_positive(&self) -> bool {
        self.amount > Decimal::ZERO
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.currency.code())
    }
}

/// Parses `<amount> <code>`: an optional `-`, ASCII digits, optionally `.` and more digits,
/// exactly one space, then a currency code in any ASCII case (`"0.50 USD"`, `"-12 jpy"`).
///
/// No `+`, exponent, thousands separator or extra whitespace. The amount must be exactly
/// representable by [`Decimal`] (at most 28 decimals, absolute value below about 7.9 × 10^28);
/// it is never rounded. Stripe's charge rules are not applied (use
/// [`Money::to_minor_units`]).
impl FromStr for Money {
    type Err = ParseMoneyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let Some((amount, code)) = s.split_once(' ') else {
            return Err(ParseMoneyError::Format {
                found: InputExcerpt::new(s),
            });
        };
        let amount = parse_amount(amount)?;
        let currency = parse_currency(code)?;
        Ok(Money::new(amount, currency))
    }
}

/// Parses a decimal amount as configuration files and operation lines write it: an optional
/// `-`, ASCII digits, optionally `.` and more digits (`"0.50"`, `"-12"`). The grammar of the
/// amount part of [`Money`]'s text and serde forms. Never rounds.
///
/// ```
/// use stripe_gateway_rules::money::parse_amount;
/// assert_eq!(parse_amount("0.50")?.to_string(), "0.50");
/// assert!(parse_amount("1e3").is_err());
/// assert!(parse_amount(" 1").is_err());
/// # Ok::<(), stripe_gateway_rules::ParseMoneyError>(())
/// ```
///
/// # Errors
///
/// [`ParseMoneyError::Amount`] for anything but that grammar (`+1`, `1e3`, `1,000`, ` 1`,
/// `.5`), [`ParseMoneyError::AmountOutOfRange`] beyond 28 decimals or about 7.9 × 10^28.
pub fn parse_amount(s: &str) -> Result<Decimal, ParseMoneyError> {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = match digits.split_once('.') {
        Some((int, frac)) => (int, Some(frac)),
        None => (digits, None),
    };
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(int) || !frac.is_none_or(all_digits) {
        return Err(ParseMoneyError::Amount {
            found: InputExcerpt::new(s),
        });
    }
    Decimal::from_str_exact(s).map_err(|_| ParseMoneyError::AmountOutOfRange {
        found: InputExcerpt::new(s),
    })
}

/// Why a string is not [`Money`] (its [`FromStr`] form, `"0.50 USD"`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseMoneyError {
    /// No space separates an amount from a currency code.
    #[error(
        "money {found} is not of the form \"<amount> <currency>\": expected e.g. \"0.50 USD\", with one space"
    )]
    Format {
        /// The whole input.
        found: InputExcerpt,
    },
    /// The amount is not a plain decimal number.
    #[error(
        "amount {found} is not a decimal number: expected ASCII digits with an optional leading '-' and at most one '.', e.g. \"0.50\""
    )]
    Amount {
        /// The amount part of the input.
        found: InputExcerpt,
    },
    /// The amount cannot be held exactly by a [`Decimal`].
    #[error(
        "amount {found} cannot be represented exactly: expected at most 28 decimal places and an absolute value below 79228162514264337593543950336"
    )]
    AmountOutOfRange {
        /// The amount part of the input.
        found: InputExcerpt,
    },
    /// The currency part is not a currency code.
    #[error(transparent)]
    Currency(#[from] CurrencyError),
}

impl ParseMoneyError {
    /// A stable, machine-readable snake_case code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Format { .. } => "money_format",
            Self::Amount { .. } => "money_amount_syntax",
            Self::AmountOutOfRange { .. } => "money_amount_out_of_range",
            Self::Currency(e) => e.code(),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Rounding
// ---------------------------------------------------------------------------------------------

/// How [`Money::round_to_stripe`] resolves an amount between two accepted steps.
///
/// The names follow Java's `java.math.RoundingMode`: "up" and "down" mean away from and
/// toward zero; `Floor` and `Ceiling` go toward negative and positive infinity.
///
/// | mode | 5.124 KWD | 5.125 KWD | 5.135 KWD | -5.125 KWD |
/// | --- | --- | --- | --- | --- |
/// | `HalfUp` | 5.120 | 5.130 | 5.140 | -5.130 |
/// | `HalfDown` | 5.120 | 5.120 | 5.130 | -5.120 |
/// | `HalfEven` | 5.120 | 5.120 | 5.140 | -5.120 |
/// | `Up` | 5.130 | 5.130 | 5.140 | -5.130 |
/// | `Down` | 5.120 | 5.120 | 5.130 | -5.120 |
/// | `Ceiling` | 5.130 | 5.130 | 5.140 | -5.120 |
/// | `Floor` | 5.120 | 5.120 | 5.130 | -5.130 |
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RoundingMode {
    /// To the nearest step; ties away from zero (commercial rounding).
    HalfUp,
    /// To the nearest step; ties toward zero.
    HalfDown,
    /// To the nearest step; ties to the even step (banker's rounding).
    HalfEven,
    /// Away from zero.
    Up,
    /// Toward zero (truncation).
    Down,
    /// Toward positive infinity.
    Ceiling,
    /// Toward negative infinity.
    Floor,
}

impl RoundingMode {
    /// `numerator / denominator` (denominator > 0) rounded to an integer by this mode.
    fn divide(self, numerator: i128, denominator: i128) -> i128 {
        let quotient = numerator / denominator; // truncates toward zero
        let remainder = numerator % denominator; // same sign as numerator
        if remainder == 0 {
            return quotient;
        }
        let away = if numerator < 0 { -1 } else { 1 };
        // |remainder| < denominator <= 10^30, so doubling cannot overflow.
        let twice = remainder.abs() * 2;
        let round_away = match self {
            Self::Up => true,
            Self::Down => false,
            Self::Ceiling => numerator > 0,
            Self::Floor => numerator < 0,
            Self::HalfUp => twice >= denominator,
            Self::HalfDown => twice > denominator,
            Self::HalfEven => twice > denominator || (twice == denominator && quotient % 2 != 0),
        };
        if round_away {
            quotient + away
        } else {
            quotient
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Payouts
// ---------------------------------------------------------------------------------------------

/// Checks the `amount` of a **manual payout** (in minor units).
///
/// HUF and TWD are charged with two decimals, but "when you create a manual payout in HUF, you
/// must provide integer amounts that are evenly divisible by 100" (same for TWD;
/// <https://docs.stripe.com/currencies#special-cases>, stripe-facts §2.4): 10.45 HUF is paid
/// out as `1000`, and `1045` is rejected. Every currency also gets the charge rules of
/// [`Money::from_minor_units`] (multiple and maximum). The maximum used is the charge maximum
/// ([`max_minor_units`]), since Stripe documents no separate payout maximum; the sign is not
/// checked.
///
/// # Errors
///
/// * [`AmountError::TooLarge`] and [`AmountError::NotMultiple`] as for
///   [`Money::from_minor_units`];
/// * [`AmountError::PayoutNotMultiple`] (`payout_amount_not_multiple`): a HUF or TWD payout
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
        return Err(AmountError::PayoutNotMultiple {
            amount,
            currency,
            rule,
        });
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Exchange rates
// ---------------------------------------------------------------------------------------------

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
/// use rust_decimal::Decimal;
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
    from: Currency,
    to: Currency,
    rate: Decimal,
}

impl ExchangeRate {
    /// A rate: one `from` is worth `rate` `to`.
    ///
    /// A rate from a currency to itself is accepted only when it is 1 (any scale), so that
    /// code handling "maybe the same currency" can pass one uniformly.
    ///
    /// # Errors
    ///
    /// [`AmountError::InvalidExchangeRate`] (`invalid_exchange_rate`) when `rate` is zero or
    /// negative, or when `from == to` and `rate != 1`.
    pub fn new(from: Currency, to: Currency, rate: Decimal) -> Result<Self, AmountError> {
        if rate <= Decimal::ZERO || (from == to && rate != Decimal::ONE) {
            return Err(AmountError::InvalidExchangeRate { from, to, rate });
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
    /// * [`AmountError::CurrencyMismatch`] (`currency_mismatch`): `amount` is not in
    ///   [`from`](Self::from);
    /// * [`AmountError::Overflow`] (`amount_overflow`): the product exceeds [`Decimal`]'s range;
    /// * [`AmountError::ConversionInexact`] (`conversion_inexact`): the exact product needs
    ///   more than 28 decimal places, so it cannot be held without rounding.
    pub fn convert(&self, amount: Money) -> Result<Money, AmountError> {
        if amount.currency != self.from {
            return Err(AmountError::CurrencyMismatch {
                expected: self.from,
                found: amount.currency,
            });
        }
        match exact_mul(amount.amount, self.rate) {
            Ok(product) => Ok(Money::new(product, self.to)),
            Err(MulError::Overflow) => Err(AmountError::Overflow {
                amount,
                rate: *self,
            }),
            Err(MulError::Inexact) => Err(AmountError::ConversionInexact {
                amount,
                rate: *self,
            }),
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

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

/// Why an amount is not accepted, or an amount operation failed.
///
/// Every variant carries the values involved; [`code`](Self::code) gives a stable snake_case
/// code for programs, `Display` a lowercase message for people, e.g.
/// `amount 5.124 KWD is not accepted by Stripe: KWD amounts must end in 0 in the third decimal (multiples of 0.010)`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AmountError {
    /// The amount has more decimal places than the currency's Stripe exponent.
    #[error(fmt = fmt_precision)]
    Precision {
        /// The amount as given.
        amount: Money,
        /// The currency's rule.
        rule: MinorUnitRule,
    },
    /// The amount is representable in minor units but not a multiple of the currency's step
    /// (three-decimal currencies: last digit 0; ISK and UGX: whole units).
    #[error(fmt = fmt_not_multiple)]
    NotMultiple {
        /// The amount as given (or as read from minor units).
        amount: Money,
        /// The currency's rule.
        rule: MinorUnitRule,
    },
    /// The absolute value exceeds the maximum that applied: by default [`max_minor_units`],
    /// or an account's ([`AmountLimits`]).
    #[error(fmt = fmt_too_large)]
    TooLarge {
        /// The amount as given (or as read from minor units).
        amount: Money,
        /// The largest absolute value allowed, in minor units.
        max: MinorUnits,
        /// Where that maximum comes from.
        limit: LimitSource,
    },
    /// The operation needs an amount greater than zero.
    #[error("amount {amount} must be greater than zero")]
    NotPositive {
        /// The amount as given.
        amount: Money,
    },
    /// A HUF or TWD manual payout that is not a multiple of 100 minor units.
    #[error(
        "payout amount {amount} {} is not accepted by Stripe: manual {} payouts must be whole units (multiples of {} minor units)",
        currency.code(), currency.code(), rule.payout_multiple_of()
    )]
    PayoutNotMultiple {
        /// The payout amount in minor units.
        amount: MinorUnits,
        /// Its currency.
        currency: Currency,
        /// The currency's rule.
        rule: MinorUnitRule,
    },
    /// A conversion's result exceeds [`Decimal`]'s range.
    #[error("converting {amount} at {rate} overflows the decimal range")]
    Overflow {
        /// The amount converted.
        amount: Money,
        /// The rate used.
        rate: ExchangeRate,
    },
    /// A conversion's exact result needs more than 28 decimal places.
    #[error(
        "converting {amount} at {rate} cannot be done exactly: the result needs more than 28 decimal places; round the amount or the rate first"
    )]
    ConversionInexact {
        /// The amount converted.
        amount: Money,
        /// The rate used.
        rate: ExchangeRate,
    },
    /// The amount is not in the currency the operation expects.
    #[error("amount is in {}, expected {}", found.code(), expected.code())]
    CurrencyMismatch {
        /// The currency expected.
        expected: Currency,
        /// The amount's currency.
        found: Currency,
    },
    /// An exchange rate that is zero, negative, or not 1 between a currency and itself.
    #[error(fmt = fmt_invalid_rate)]
    InvalidExchangeRate {
        /// The currency converted from.
        from: Currency,
        /// The currency converted to.
        to: Currency,
        /// The rejected rate.
        rate: Decimal,
    },
    /// An exchange rate between other currencies than the operation needs.
    #[error(
        "exchange rate {rate} cannot be used here: expected a rate from {} to {}",
        expected_from.code(), expected_to.code()
    )]
    ExchangeRateMismatch {
        /// The rate supplied.
        rate: ExchangeRate,
        /// The currency the rate should convert from.
        expected_from: Currency,
        /// The currency the rate should convert to.
        expected_to: Currency,
    },
}

impl AmountError {
    /// A stable, machine-readable snake_case code for this error:
    ///
    /// | variant | code |
    /// | --- | --- |
    /// | [`Precision`](Self::Precision) | `amount_precision` |
    /// | [`NotMultiple`](Self::NotMultiple) | `amount_not_multiple` |
    /// | [`TooLarge`](Self::TooLarge) | `amount_too_large` |
    /// | [`NotPositive`](Self::NotPositive) | `amount_not_positive` |
    /// | [`PayoutNotMultiple`](Self::PayoutNotMultiple) | `payout_amount_not_multiple` |
    /// | [`Overflow`](Self::Overflow) | `amount_overflow` |
    /// | [`ConversionInexact`](Self::ConversionInexact) | `conversion_inexact` |
    /// | [`CurrencyMismatch`](Self::CurrencyMismatch) | `currency_mismatch` |
    /// | [`InvalidExchangeRate`](Self::InvalidExchangeRate) | `invalid_exchange_rate` |
    /// | [`ExchangeRateMismatch`](Self::ExchangeRateMismatch) | `exchange_rate_mismatch` |
    pub fn code(&self) -> &'static str {
        match self {
            Self::Precision { .. } => "amount_precision",
            Self::NotMultiple { .. } => "amount_not_multiple",
            Self::TooLarge { .. } => "amount_too_large",
            Self::NotPositive { .. } => "amount_not_positive",
            Self::PayoutNotMultiple { .. } => "payout_amount_not_multiple",
            Self::Overflow { .. } => "amount_overflow",
            Self::ConversionInexact { .. } => "conversion_inexact",
            Self::CurrencyMismatch { .. } => "currency_mismatch",
            Self::InvalidExchangeRate { .. } => "invalid_exchange_rate",
            Self::ExchangeRateMismatch { .. } => "exchange_rate_mismatch",
        }
    }
}

fn fmt_precision(amount: &Money, rule: &MinorUnitRule, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let code = amount.currency.code();
    write!(f, "amount {amount} is not accepted by Stripe: ")?;
    match rule.exponent() {
        0 => write!(f, "{code} is a zero-decimal currency (no decimal places)"),
        1 => write!(f, "{code} amounts have at most 1 decimal place"),
        n => write!(f, "{code} amounts have at most {n} decimal places"),
    }
}

fn fmt_not_multiple(
    amount: &Money,
    rule: &MinorUnitRule,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    let code = amount.currency.code();
    let step = rule.step();
    write!(f, "amount {amount} is not accepted by Stripe: ")?;
    if 10_i64.pow(rule.exponent()) == rule.multiple_of() {
        write!(
            f,
            "{code} amounts must be whole units (multiples of {step})"
        )
    } else {
        let place = match rule.exponent() {
            1 => "first",
            2 => "second",
            _ => "third",
        };
        write!(
            f,
            "{code} amounts must end in 0 in the {place} decimal (multiples of {step})"
        )
    }
}

fn fmt_too_large(
    amount: &Money,
    max: &MinorUnits,
    limit: &LimitSource,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    let code = amount.currency.code();
    let max_major = Decimal::new(max.0, minor_unit_rule(amount.currency).exponent());
    write!(f, "amount {amount} is too large for Stripe: ")?;
    let digits = AmountLimit::new(*max, *limit).digits();
    if max.0.checked_add(1) == 10_i64.checked_pow(digits) {
        write!(
            f,
            "{code} amounts are limited to {digits} digits in minor units"
        )?;
    } else {
        write!(f, "{code} amounts are limited to {max} in minor units")?;
    }
    write!(f, " (absolute value at most {max_major} {code}) by {limit}")?;
    if *limit == LimitSource::ApiReference {
        f.write_str("; if the account allows more, state its limits")?;
    }
    Ok(())
}

fn fmt_invalid_rate(
    from: &Currency,
    to: &Currency,
    rate: &Decimal,
    f: &mut fmt::Formatter<'_>,
) -> fmt::Result {
    let (from, to) = (from.code(), to.code());
    if *rate <= Decimal::ZERO {
        write!(
            f,
            "exchange rate {rate} from {from} to {to} is not accepted: expected a rate greater than zero"
        )
    } else {
        write!(
            f,
            "exchange rate {rate} from {from} to {to} is not accepted: a rate between a currency and itself must be 1"
        )
    }
}

// ---------------------------------------------------------------------------------------------
// serde
// ---------------------------------------------------------------------------------------------

#[cfg(feature = "serde")]
mod serde_impls {
    use super::{ExchangeRate, Money, parse_amount};
    use crate::currency::Currency;
    use crate::currency::{parse_currency, serde_code};
    use rust_decimal::Decimal;
    use serde::de::Error as _;
    use serde::ser::SerializeStruct as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::borrow::Cow;

    /// A decimal as a string, independent of `rust_decimal`'s serde features.
    struct DecimalStr<'a>(&'a Decimal);

    impl Serialize for DecimalStr<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.collect_str(self.0)
        }
    }

    /// A currency as its code.
    struct Code(Currency);

    impl Serialize for Code {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serde_code::serialize(&self.0, serializer)
        }
    }

    impl Serialize for Money {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut s = serializer.serialize_struct("Money", 2)?;
            s.serialize_field("amount", &DecimalStr(&self.amount))?;
            s.serialize_field("currency", &Code(self.currency))?;
            s.end()
        }
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct MoneyRepr<'a> {
        #[serde(borrow)]
        amount: Cow<'a, str>,
        #[serde(borrow)]
        currency: Cow<'a, str>,
    }

    impl<'de> Deserialize<'de> for Money {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let repr = MoneyRepr::deserialize(deserializer)?;
            let amount = parse_amount(&repr.amount).map_err(D::Error::custom)?;
            let currency = parse_currency(&repr.currency).map_err(D::Error::custom)?;
            Ok(Money::new(amount, currency))
        }
    }

    impl Serialize for ExchangeRate {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut s = serializer.serialize_struct("ExchangeRate", 3)?;
            s.serialize_field("from", &Code(self.from))?;
            s.serialize_field("to", &Code(self.to))?;
            s.serialize_field("rate", &DecimalStr(&self.rate))?;
            s.end()
        }
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RateRepr<'a> {
        #[serde(borrow)]
        from: Cow<'a, str>,
        #[serde(borrow)]
        to: Cow<'a, str>,
        #[serde(borrow)]
        rate: Cow<'a, str>,
    }

    impl<'de> Deserialize<'de> for ExchangeRate {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let repr = RateRepr::deserialize(deserializer)?;
            let from = parse_currency(&repr.from).map_err(D::Error::custom)?;
            let to = parse_currency(&repr.to).map_err(D::Error::custom)?;
            let rate = parse_amount(&repr.rate).map_err(D::Error::custom)?;
            ExchangeRate::new(from, to, rate).map_err(D::Error::custom)
        }
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
