//! [`RoundingMode`]: how an amount is brought to a step Stripe accepts.

/// How [`Money::round_to_stripe`](super::Money::round_to_stripe) resolves an amount between two
/// accepted steps.
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
    pub(super) fn divide(self, numerator: i128, denominator: i128) -> i128 {
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
