//! [`Money`]: an exact decimal amount in a currency, and its conversions to Stripe's integer.

use core::fmt;
use core::str::FromStr;

use rust_decimal::Decimal;

use super::maximum::fast_minor_units;
use super::{
    AmountError, AmountLimit, AmountLimits, AmountProblem, ChargeMethod, LimitSource, MinorUnits,
    ParseMoneyError, RoundingMode, max_minor_units, parse_amount,
};
use crate::currency::{Currency, MinorUnitRule, minor_unit_rule, parse_currency};
use crate::print::DecimalText;

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
/// use stripe_gateway_rules::Decimal;
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
    pub(super) amount: Decimal,
    pub(super) currency: Currency,
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
    /// * [`AmountError`] `amount_precision`: the amount has more decimals than
    ///   the currency's Stripe exponent (`1.5 JPY`, `0.001 USD`, `5.1234 KWD`);
    /// * [`AmountError`] `amount_too_large`: the absolute value exceeds
    ///   [`max_minor_units`];
    /// * [`AmountError`] `amount_not_multiple`: representable, but not a
    ///   multiple of the currency's step (`5.124 KWD` → 5124; `5.5 ISK` → 550).
    ///
    /// # Examples
    ///
    /// ```
    /// use stripe_gateway_rules::Decimal;
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
    /// [`AmountError`] `amount_too_large` names it and where it comes from. Never allocates.
    ///
    /// # Errors
    ///
    /// As [`to_minor_units`](Self::to_minor_units), with that maximum.
    ///
    /// # Examples
    ///
    /// ```
    /// use stripe_gateway_rules::Decimal;
    /// use stripe_gateway_rules::money::{AmountLimits, ChargeMethod, LimitSource, Money};
    /// use stripe_gateway_rules::Currency;
    ///
    /// let vnd = Money::new(Decimal::new(103_500_000, 0), Currency::VND);
    /// let card = ChargeMethod::Card(None);
    /// let err = vnd.to_minor_units_within(&AmountLimits::default(), card).unwrap_err();
    /// assert_eq!(err.code(), "amount_too_large");
    /// assert_eq!(err.max().map(|m| m.source()), Some(LimitSource::ApiReference));
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
                return Err(AmountProblem::Precision {
                    amount: *self,
                    rule,
                }
                .into());
            }
            mantissa / divisor
        } else {
            mantissa * 10_i128.pow(exponent - scale)
        };
        let max = limit.max();
        let minor = match i64::try_from(minor) {
            Ok(m) if m.unsigned_abs() <= max.0.unsigned_abs() => m,
            _ => {
                return Err(AmountProblem::TooLarge {
                    amount: *self,
                    max,
                    limit: limit.source(),
                }
                .into());
            }
        };
        if minor % rule.multiple_of() != 0 {
            return Err(AmountProblem::NotMultiple {
                amount: *self,
                rule,
            }
            .into());
        }
        Ok(MinorUnits(minor))
    }

    /// The amount an integer `amount` field stands for: the inverse of
    /// [`to_minor_units`](Self::to_minor_units). The result's scale is Stripe's exponent
    /// (`500` ISK → `5.00 ISK`, `5120` KWD → `5.120 KWD`). Does not allocate.
    ///
    /// # Errors
    ///
    /// * [`AmountError`] `amount_too_large`: the absolute value exceeds
    ///   [`max_minor_units`];
    /// * [`AmountError`] `amount_not_multiple`: not a multiple of the
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
            return Err(AmountProblem::TooLarge {
                amount,
                max,
                limit: LimitSource::ApiReference,
            }
            .into());
        }
        if minor.0 % rule.multiple_of() != 0 {
            return Err(AmountProblem::NotMultiple { amount, rule }.into());
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
    /// ten. For example, 5.124 KWD must be rounded to 5120 or 5130", [stripe-facts §2.3](crate::rules#facts-2-3)).
    /// This is the only place the crate rounds, and only when called.
    ///
    /// # Errors
    ///
    /// [`AmountError`] `amount_too_large` when the rounded amount exceeds
    /// [`max_minor_units`].
    ///
    /// # Examples
    ///
    /// ```
    /// use stripe_gateway_rules::Decimal;
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
            _ => Err(AmountProblem::TooLarge {
                amount: *self,
                max,
                limit: LimitSource::ApiReference,
            }
            .into()),
        }
    }

    /// Whether the amount is greater than zero.
    pub fn is_positive(&self) -> bool {
        self.amount > Decimal::ZERO
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let code = self.currency.code();
        let text = match *code.as_bytes() {
            [a, b, c] => {
                let suffix = [b' ', a, b, c];
                core::str::from_utf8(&suffix)
                    .ok()
                    .and_then(|suffix| DecimalText::with_suffix(self.amount, suffix))
            }
            _ => None,
        };
        match text {
            // In one piece: a writer pays per piece.
            Some(text) => f.write_str(text.as_str()),
            None => write!(f, "{} {}", self.amount, code),
        }
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
        if s.starts_with(char::is_whitespace) {
            return Err(ParseMoneyError::leading_space(s));
        }
        let Some((amount, code)) = s.split_once(' ') else {
            return Err(ParseMoneyError::format(s));
        };
        let amount = parse_amount(amount)?;
        let currency = parse_currency(code)?;
        Ok(Money::new(amount, currency))
    }
}
