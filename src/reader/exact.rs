//! Numbers read exactly from their text, never through a float (feature `serde`).

/// The most digits a number written in the file may have once its exponent is applied.
const MAX_NUMBER_DIGITS: usize = 40;

/// A JSON number's text as a plain decimal, exactly: `1e-2` is `0.01`, `1.50` stays `1.50`,
/// `12345678901234567890.12` keeps every digit. `None` when it would have more than
/// [`MAX_NUMBER_DIGITS`] digits.
pub(crate) fn exact_decimal(number: &str) -> Option<String> {
    let number = number.trim();
    let (negative, unsigned) = match number.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, number),
    };
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], unsigned[i + 1..].parse::<i64>().ok()?),
        None => (unsigned, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if int.is_empty() || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let digits = format!("{int}{frac}");
    let point = i64::try_from(int.len()).ok()?.checked_add(exponent)?;
    let len = i64::try_from(digits.len()).ok()?;
    let width = point.max(len).max(0).checked_sub(point.min(0))?;
    if usize::try_from(width).ok()? > MAX_NUMBER_DIGITS {
        return None;
    }
    let mut out = String::with_capacity(MAX_NUMBER_DIGITS + 3);
    if negative {
        out.push('-');
    }
    if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', usize::try_from(-point).ok()?));
        out.push_str(&digits);
    } else if point >= len {
        out.push_str(&digits);
        out.extend(std::iter::repeat_n('0', usize::try_from(point - len).ok()?));
    } else {
        let split = usize::try_from(point).ok()?;
        out.push_str(&digits[..split]);
        out.push('.');
        out.push_str(&digits[split..]);
    }
    // Leading zeros of the integer part (`0012` cannot be JSON, but `0e1` gives `00`).
    let sign = usize::from(negative);
    while out.len() > sign + 1
        && out.as_bytes()[sign] == b'0'
        && out.as_bytes()[sign + 1].is_ascii_digit()
    {
        out.remove(sign);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_exactly_from_their_text() {
        for (json, decimal) in [
            ("0.1", "0.1"),
            ("1e-2", "0.01"),
            ("1E-2", "0.01"),
            ("1.50", "1.50"),
            ("1.5e1", "15"),
            ("1.50e1", "15.0"),
            ("2e2", "200"),
            ("0e1", "0"),
            ("-0.5", "-0.5"),
            ("12345678901234567890.12", "12345678901234567890.12"),
            ("5", "5"),
            ("0.5e0", "0.5"),
            ("1e+2", "100"),
        ] {
            assert_eq!(exact_decimal(json).as_deref(), Some(decimal), "{json}");
        }
        // The property test below compares with this reading; it does read these forms.
        assert_eq!(
            rust_decimal::Decimal::from_scientific("12.5e-3").ok(),
            Some(rust_decimal::Decimal::new(125, 4))
        );
        for absurd in [
            "1e999999999",
            "1e-50",
            "1e99999999999999999999",
            "1e-9223372036854775808",
            "1e9223372036854775807",
            "1".repeat(41).as_str(),
        ] {
            assert_eq!(exact_decimal(absurd), None, "{absurd}");
        }
    }

    proptest::proptest! {
        /// The decimal read from a number's text is the number: the same value as
        /// `rust_decimal`'s own reading of scientific notation.
        #[test]
        fn exact_decimal_is_the_number(
            int in "[0-9]{1,9}",
            frac in "([0-9]{1,9})?",
            exp in -9i32..9,
            upper in proptest::bool::ANY,
        ) {
            use std::str::FromStr;
            let e = if upper { 'E' } else { 'e' };
            let text = if frac.is_empty() {
                format!("{int}{e}{exp}")
            } else {
                format!("{int}.{frac}{e}{exp}")
            };
            let exact = exact_decimal(&text).expect("few digits");
            let ours = rust_decimal::Decimal::from_str(&exact).expect("a plain decimal");
            if let Ok(theirs) = rust_decimal::Decimal::from_scientific(&text) {
                proptest::prop_assert_eq!(ours, theirs, "{} read as {}", text, exact);
            }
        }
    }

    proptest::proptest! {
        /// Any exponent, the extremes of `i64` included: a decimal or `None`, no panic.
        #[test]
        fn exact_decimal_never_panics(
            int in "[0-9]{1,40}",
            frac in "[0-9]{0,40}",
            exp in proptest::num::i64::ANY,
        ) {
            let _ = exact_decimal(&format!("{int}.{frac}e{exp}"));
            let _ = exact_decimal(&format!("-{int}e{exp}"));
        }
    }
}
