//! Sensitive data in a text that is sent on and shown to people (metadata, a description, a
//! statement descriptor): a card number or a Stripe secret is refused
//! ([rules §13](crate::rules#rules-13), [stripe-facts §10.3](crate::rules#facts-10-3)).

use crate::codes::RequestCode;
use crate::text::{HIGHS, bytes_in_range, count_bytes, equal_bytes, word_at};

/// The most digits of a card number (ISO/IEC 7812: up to 19).
const MAX_PAN_DIGITS: usize = 19;
/// The fewest digits of a card number this check takes for one (13: the shortest Visa).
pub(crate) const MIN_PAN_DIGITS: usize = 13;

/// Whether `digits` (values 0 to 9) pass the Luhn check.
fn luhn(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            let d = u32::from(d);
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    sum % 10 == 0
}

/// Whether `text` holds a card number: a run of 13 to 19 digits, each pair of digits
/// directly adjacent or separated by one space or one dash, that passes the Luhn check. A run
/// is taken whole: its digits are counted from the first to the last (a run of 20 or more
/// digits, such as a long order number, is not a card number). No allocation.
#[must_use]
pub(crate) fn holds_card_number(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut digits = [0u8; MAX_PAN_DIGITS];
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        // A run starts here; a digit just before a separator before it would have joined it.
        let mut count = 0usize;
        let mut j = i;
        loop {
            if count < MAX_PAN_DIGITS {
                digits[count] = bytes[j] - b'0';
            }
            count += 1;
            j += 1;
            match (bytes.get(j), bytes.get(j + 1)) {
                (Some(d), _) if d.is_ascii_digit() => {}
                (Some(b' ' | b'-'), Some(d)) if d.is_ascii_digit() => j += 1,
                _ => break,
            }
        }
        if (MIN_PAN_DIGITS..=MAX_PAN_DIGITS).contains(&count) && luhn(&digits[..count]) {
            return true;
        }
        i = j;
    }
    false
}

/// The sensitive data `text` holds, if any: a card number or a Stripe secret (the crate's one
/// secret scanner, `sk_live_`, `sk_test_`, `rk_live_`, `rk_test_`, `whsec_`, `_secret_` in any
/// case).
///
/// One pass, eight bytes at a time, looks for both: each `_` is looked around for a secret's
/// marker (every marker holds one), and the digits are counted in each stretch of digits,
/// spaces and dashes (a card number lies in one such stretch, so a text where every stretch
/// has fewer than 13 digits holds none). Only a stretch of 13 digits or more sends the text
/// to [`holds_card_number`]. Most texts have neither. A text shorter than 13 bytes is only
/// looked at around its `_`s.
#[must_use]
pub(crate) fn sensitive(text: &str) -> Option<RequestCode> {
    let bytes = text.as_bytes();
    if bytes.len() < MIN_PAN_DIGITS {
        // Too short for a card number's digits: only a marker can be there.
        return crate::text::holds_secret_marker(text).then_some(RequestCode::SecretInText);
    }
    // Digits in the current stretch, and whether a stretch reached 13 digits.
    let mut run = 0u64;
    let mut long_stretch = false;
    let mut at = 0;
    while at < bytes.len() {
        let word = word_at(bytes, at);
        let (digits, underscores, breaks) = classes(word);
        let mut u = underscores;
        while u != 0 {
            let i = at + (u.trailing_zeros() / 8) as usize;
            if crate::text::secret_marker_at_underscore(bytes, i) {
                return Some(RequestCode::SecretInText);
            }
            u &= u - 1;
        }
        if breaks == 0 {
            run += count_bytes(digits);
        } else {
            // The digits before the word's first break end the current stretch; those after
            // its last break start the next one (a stretch inside the word is too short).
            let before_first = (breaks & breaks.wrapping_neg()) - 1;
            run += count_bytes(digits & before_first);
            long_stretch |= run >= MIN_PAN_DIGITS as u64;
            let last = 63 - breaks.leading_zeros();
            run = count_bytes(digits.checked_shr(last + 1).unwrap_or(0));
        }
        at += 8;
    }
    long_stretch |= run >= MIN_PAN_DIGITS as u64;
    (long_stretch && holds_card_number(text)).then_some(RequestCode::CardNumberInText)
}

/// The high bit of each byte of `x` that is an ASCII digit, of each that is a `_`, and of
/// each that breaks a stretch of digits (anything but a digit, a space or a dash; a zero byte
/// past the text's end is one).
#[inline(always)]
fn classes(x: u64) -> (u64, u64, u64) {
    let digits = bytes_in_range(x, b'0', b'9');
    let separators = equal_bytes(x, b' ') | equal_bytes(x, b'-');
    (digits, equal_bytes(x, b'_'), HIGHS & !(digits | separators))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Stripe's test card numbers pass the Luhn check (rules §13; stripe-facts §10.3).
    #[test]
    fn card_numbers_with_and_without_separators_are_found() {
        for text in [
            "4242424242424242",
            "card 4242 4242 4242 4242 used",
            "4242-4242-4242-4242",
            "378282246310005",
            "4222222222222",
            "6011111111111117",
        ] {
            assert!(holds_card_number(text), "{text}");
        }
    }

    #[test]
    fn numbers_that_are_not_card_numbers_pass() {
        for text in [
            "4242424242424241",     // fails Luhn
            "424242424242",         // 12 digits
            "42424242424242424242", // 20 digits
            "order 2026-11-30 12",
            "4242  4242 4242 4242", // two spaces split the run
            "",
        ] {
            assert!(!holds_card_number(text), "{text}");
        }
    }

    proptest::proptest! {
        /// The one-pass scan finds what the two scanners find on their own (rules §13):
        /// texts of digits, separators, markers' letters and other characters.
        #[test]
        fn one_pass_scan_agrees_with_each_scanner(
            text in "([0-9]{1,6}|[ -]|_|sk|rk|live|test|whsec|secret|[a-zA-Z\"é:,]){0,24}"
        ) {
            let expected = if crate::text::holds_secret_marker(&text) {
                Some(RequestCode::SecretInText)
            } else if holds_card_number(&text) {
                Some(RequestCode::CardNumberInText)
            } else {
                None
            };
            proptest::prop_assert_eq!(sensitive(&text), expected);
        }
    }

    #[test]
    fn card_numbers_found_across_words_and_at_the_edges() {
        for (text, found) in [
            ("4242424242424242", Some(RequestCode::CardNumberInText)),
            ("x4242 4242 4242 4242", Some(RequestCode::CardNumberInText)),
            (
                "\"4242-4242-4242-4242\"",
                Some(RequestCode::CardNumberInText),
            ),
            ("abcdefg4222222222222", Some(RequestCode::CardNumberInText)),
            (
                "4222222222222 and sk_live_x",
                Some(RequestCode::SecretInText),
            ),
            ("1234567:123456", None),
            ("42424242424242424242", None),
            ("abcdefghsk_test_", Some(RequestCode::SecretInText)),
            ("whsec_", Some(RequestCode::SecretInText)),
        ] {
            assert_eq!(sensitive(text), found, "{text}");
        }
    }

    #[test]
    fn secrets_and_cards_are_told_apart() {
        assert_eq!(
            sensitive("key sk_live_abc"),
            Some(RequestCode::SecretInText)
        );
        assert_eq!(
            sensitive("4242424242424242"),
            Some(RequestCode::CardNumberInText)
        );
        assert_eq!(sensitive("order 1234"), None);
    }
}
