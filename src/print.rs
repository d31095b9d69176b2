//! Printing amounts and moments on the hot paths (issue 13): the same text as
//! `rust_decimal`'s and `jiff`'s `Display`, written into a stack buffer without their general
//! formatters. Each fast path declines (`None`) to the crate's own `Display` for anything
//! unusual; tests compare the two on every shape of input.

use core::fmt;

use jiff::Timestamp;
use jiff::tz::Offset;
use rust_decimal::Decimal;

/// Room for any amount a fast path prints: a sign, 20 digits of a 64-bit mantissa, a point and
/// up to 28 leading zeros of the fraction; then a space and a currency code.
const DECIMAL_CAP: usize = 1 + 1 + 28 + 20 + SUFFIX_CAP;
const SUFFIX_CAP: usize = 4;

/// A decimal's text, as `Decimal`'s `Display` prints it with no flags (`12.00`, `-0.5`, `7`),
/// optionally followed by a short suffix (` USD`), so that a caller writes it in one piece.
pub(crate) struct DecimalText {
    buf: [u8; DECIMAL_CAP],
    start: usize,
}

impl DecimalText {
    /// `None` when the mantissa needs more than 64 bits (the general formatter then prints).
    #[inline]
    pub(crate) fn new(amount: Decimal) -> Option<Self> {
        Self::with_suffix(amount, "")
    }

    /// The text followed by `suffix` (at most four bytes, else `None`): `12.00 USD`.
    #[inline]
    pub(crate) fn with_suffix(amount: Decimal, suffix: &str) -> Option<Self> {
        let d = amount.unpack();
        if d.hi != 0 || suffix.len() > SUFFIX_CAP {
            return None;
        }
        let mut n = (u64::from(d.mid) << 32) | u64::from(d.lo);
        let scale = d.scale as usize;
        let mut buf = [b'0'; DECIMAL_CAP];
        let mut i = DECIMAL_CAP - suffix.len();
        buf[i..].copy_from_slice(suffix.as_bytes());
        let mut written = 0;
        // Digits from the right; the point after `scale` of them; at least one digit before
        // the point (`0.05`).
        while n != 0 || written <= scale {
            if written == scale && scale != 0 {
                i -= 1;
                buf[i] = b'.';
            }
            i -= 1;
            buf[i] = b'0' + (n % 10) as u8;
            n /= 10;
            written += 1;
        }
        // Negative zero keeps its sign, as `rust_decimal` prints it (`-0.000`).
        if d.negative {
            i -= 1;
            buf[i] = b'-';
        }
        Some(DecimalText { buf, start: i })
    }

    /// The text.
    #[inline]
    pub(crate) fn as_str(&self) -> &str {
        // ASCII digits, `.` and `-`, then the suffix, a `&str`: whole characters.
        core::str::from_utf8(&self.buf[self.start..]).unwrap_or("")
    }
}

/// Prints `amount` as `Decimal`'s `Display` does, honouring `f`'s flags.
#[inline]
pub(crate) fn decimal(amount: &Decimal, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let plain = f.width().is_none() && f.precision().is_none() && !f.sign_plus();
    match DecimalText::new(*amount) {
        Some(text) if plain => f.write_str(text.as_str()),
        _ => fmt::Display::fmt(amount, f),
    }
}

/// A moment as `jiff`'s `Display` prints it (RFC 3339 in UTC, `2026-11-08T10:00:00Z`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Moment(pub(crate) Timestamp);

impl fmt::Display for Moment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plain = f.width().is_none() && f.precision().is_none();
        match whole_second_text(self.0) {
            Some(buf) if plain => f.write_str(core::str::from_utf8(&buf).unwrap_or("")),
            _ => fmt::Display::fmt(&self.0, f),
        }
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ` for a whole second in the years 0000 to 9999; `None` otherwise
/// (fractions of a second and other years print through `jiff`).
#[inline]
fn whole_second_text(t: Timestamp) -> Option<[u8; 20]> {
    if t.subsec_nanosecond() != 0 {
        return None;
    }
    let dt = Offset::UTC.to_datetime(t);
    let year = u16::try_from(dt.year()).ok()?;
    let mut buf = *b"0000-00-00T00:00:00Z";
    let two = |buf: &mut [u8; 20], at: usize, n: i8| {
        let n = n.unsigned_abs();
        buf[at] = b'0' + n / 10;
        buf[at + 1] = b'0' + n % 10;
    };
    buf[0] = b'0' + (year / 1000) as u8;
    buf[1] = b'0' + (year / 100 % 10) as u8;
    buf[2] = b'0' + (year / 10 % 10) as u8;
    buf[3] = b'0' + (year % 10) as u8;
    two(&mut buf, 5, dt.month());
    two(&mut buf, 8, dt.day());
    two(&mut buf, 11, dt.hour());
    two(&mut buf, 14, dt.minute());
    two(&mut buf, 17, dt.second());
    Some(buf)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The printed text through `Display` of a wrapper that calls `decimal`.
    fn via_fast(d: Decimal) -> String {
        struct Fast(Decimal);
        impl fmt::Display for Fast {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                decimal(&self.0, f)
            }
        }
        format!("{}|{:>12}|{:.1}|{:+}", Fast(d), Fast(d), Fast(d), Fast(d))
    }

    fn via_decimal(d: Decimal) -> String {
        format!("{d}|{d:>12}|{d:.1}|{d:+}")
    }

    #[test]
    fn decimal_edges_print_as_rust_decimal_does() {
        let mut cases = vec![
            Decimal::ZERO,
            Decimal::new(0, 2),
            Decimal::new(-0, 2),
            Decimal::new(5, 2),
            Decimal::new(-5, 2),
            Decimal::new(1200, 2),
            Decimal::new(7, 0),
            Decimal::new(i64::MAX, 0),
            Decimal::new(i64::MIN + 1, 28),
            Decimal::new(1, 28),
            Decimal::MAX,
            Decimal::MIN,
            Decimal::from_i128_with_scale(u64::MAX.into(), 0),
            Decimal::from_i128_with_scale(u64::MAX.into(), 28),
            Decimal::from_i128_with_scale(-i128::from(u64::MAX), 10),
        ];
        // Negative zero with a scale: the flag set on a zero mantissa.
        let mut negative_zero = Decimal::new(0, 3);
        negative_zero.set_sign_negative(true);
        cases.push(negative_zero);
        for d in cases {
            assert_eq!(via_fast(d), via_decimal(d), "{d:?}");
        }
    }

    proptest! {
        #[test]
        fn any_decimal_prints_as_rust_decimal_does(
            lo in any::<u32>(), mid in any::<u32>(), hi in prop_oneof![Just(0_u32), any::<u32>()],
            negative in any::<bool>(), scale in 0_u32..=28,
        ) {
            let d = Decimal::from_parts(lo, mid, hi, negative, scale);
            prop_assert_eq!(via_fast(d), via_decimal(d));
        }

        #[test]
        fn any_moment_prints_as_jiff_does(
            second in Timestamp::MIN.as_second()..=Timestamp::MAX.as_second(),
            nanos in prop_oneof![Just(0_i32), 0_i32..1_000_000_000],
        ) {
            let Ok(t) = Timestamp::new(second, nanos) else { return Ok(()) };
            prop_assert_eq!(Moment(t).to_string(), t.to_string());
            prop_assert_eq!(format!("{:>30}", Moment(t)), format!("{t:>30}"));
        }
    }

    #[test]
    fn moments_at_the_edges_print_as_jiff_does() {
        let seconds = [
            0,
            -1,
            86_399,
            86_400,
            951_782_400,     // 2000-02-29
            1_798_761_599,   // 2026-12-31T23:59:59Z
            -62_167_219_200, // 0000-01-01
            -62_167_219_201,
            253_402_207_199, // 9999-12-30T22:59:59Z, near jiff's largest moment
            Timestamp::MIN.as_second(),
            Timestamp::MAX.as_second(),
        ];
        for s in seconds {
            let t = Timestamp::from_second(s).unwrap();
            assert_eq!(Moment(t).to_string(), t.to_string(), "{s}");
        }
    }
}
