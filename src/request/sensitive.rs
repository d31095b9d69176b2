//! Sensitive data in a text that is sent on and shown to people (metadata, a description, a
//! statement descriptor): a card number or a Stripe secret is refused
//! ([rules §13](crate::rules#rules-13), [stripe-facts §10.3](crate::rules#facts-10-3)).

use crate::codes::RequestCode;

/// The most digits of a card number (ISO/IEC 7812: up to 19).
const MAX_PAN_DIGITS: usize = 19;
/// The fewest digits of a card number this check takes for one (13: the shortest Visa).
const MIN_PAN_DIGITS: usize = 13;

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
#[must_use]
pub(crate) fn sensitive(text: &str) -> Option<RequestCode> {
    // One pass without an early exit (so it vectorizes) counts what each scanner needs: a
    // secret marker holds a `_`, a card number 13 digits; most texts have neither.
    let (underscores, digits) = text.as_bytes().iter().fold((0usize, 0usize), |(u, d), &b| {
        (
            u + usize::from(b == b'_'),
            d + usize::from(b.is_ascii_digit()),
        )
    });
    if underscores > 0 && crate::text::holds_secret_marker(text) {
        Some(RequestCode::SecretInText)
    } else if digits >= MIN_PAN_DIGITS && holds_card_number(text) {
        Some(RequestCode::CardNumberInText)
    } else {
        None
    }
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
