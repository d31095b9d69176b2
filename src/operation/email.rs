//! Whether a customer's email is valid: the `email_address` crate's rules, with an exact fast
//! path for ASCII addresses (issue 13: a sale with a new card checks one on every payment).

use super::MAX_EMAIL_LEN;

/// Whether `email` is a valid address for a customer: a valid local part and domain (checked
/// by the `email_address` crate, without allocating), a dotted domain, at most 512 characters.
#[must_use]
pub fn is_valid_email(email: &str) -> bool {
    if email.is_empty() || email.len() > MAX_EMAIL_LEN {
        return false;
    }
    let Some((local, domain)) = email.rsplit_once('@') else {
        return false;
    };
    if !domain.contains('.') || domain.starts_with('.') || domain.ends_with('.') {
        return false;
    }
    match ascii_verdict(local.as_bytes(), domain.as_bytes()) {
        Some(valid) => valid,
        None => {
            email_address::EmailAddress::is_valid_local_part(local)
                && email_address::EmailAddress::is_valid_domain(domain)
        }
    }
}

/// `email_address`'s limits: a local part of at most 64 bytes, a domain of at most 254 and
/// labels of at most 63 (`email_address` 0.2.9, `LOCAL_PART_MAX_LENGTH`, `DOMAIN_MAX_LENGTH`,
/// `SUB_DOMAIN_MAX_LENGTH`).
const LOCAL_MAX: usize = 64;
const DOMAIN_MAX: usize = 254;
const LABEL_MAX: usize = 63;

/// RFC 5322's `atext` in ASCII, as `email_address` reads it: letters, digits and
/// ``!#$%&'*+-/=?^_`{|}~``.
const ATEXT: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    let specials = b"!#$%&'*+-/=?^_`{|}~";
    let mut i = 0;
    while i < specials.len() {
        table[specials[i] as usize] = true;
        i += 1;
    }
    table
};

/// The verdict `email_address` gives on an ASCII local part and domain, computed in one pass
/// over each; `None` for what it reads another way (non-ASCII text, a quoted local part, a
/// domain literal), which the crate itself then decides. A test compares the two.
#[inline]
fn ascii_verdict(local: &[u8], domain: &[u8]) -> Option<bool> {
    if !local.is_ascii() || !domain.is_ascii() {
        return None;
    }
    if local.starts_with(b"\"") && local.ends_with(b"\"") {
        return None;
    }
    if domain.starts_with(b"[") && domain.ends_with(b"]") {
        return None;
    }
    let local_ok =
        !local.is_empty() && local.len() <= LOCAL_MAX && local.split(|&b| b == b'.').all(is_atom);
    let domain_ok = !domain.is_empty()
        && domain.len() <= DOMAIN_MAX
        && domain.split(|&b| b == b'.').all(|label| {
            is_atom(label)
                && label.len() <= LABEL_MAX
                && label.first().is_some_and(u8::is_ascii_alphanumeric)
                && label.last().is_some_and(u8::is_ascii_alphanumeric)
        });
    Some(local_ok && domain_ok)
}

/// A non-empty run of `atext` (ASCII).
#[inline]
fn is_atom(part: &[u8]) -> bool {
    !part.is_empty()
        && part
            .iter()
            .all(|&b| ATEXT.get(usize::from(b)) == Some(&true))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The rule as the crate alone decides it (the code before the fast path).
    fn by_the_crate(email: &str) -> bool {
        if email.is_empty() || email.len() > MAX_EMAIL_LEN {
            return false;
        }
        let Some((local, domain)) = email.rsplit_once('@') else {
            return false;
        };
        domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && email_address::EmailAddress::is_valid_local_part(local)
            && email_address::EmailAddress::is_valid_domain(domain)
    }

    #[test]
    fn edges_agree_with_the_crate() {
        let long_label = "a".repeat(63);
        let longer_label = "a".repeat(64);
        let cases = [
            "a@shop.example".to_owned(),
            "first.last+tag@mail.shop.example".to_owned(),
            "o'brien@shop.example".to_owned(),
            "a..b@shop.example".to_owned(),
            ".a@shop.example".to_owned(),
            "a.@shop.example".to_owned(),
            "a@-shop.example".to_owned(),
            "a@shop-.example".to_owned(),
            "a@shop_x.example".to_owned(),
            "a@_shop.example".to_owned(),
            "\"quoted local\"@shop.example".to_owned(),
            "\"\"@shop.example".to_owned(),
            "a@[192.168.0.1]".to_owned(),
            "a b@shop.example".to_owned(),
            "a@shop example.com".to_owned(),
            "a@b@shop.example".to_owned(),
            "ünï@shop.example".to_owned(),
            "a@münchen.example".to_owned(),
            format!("{}@shop.example", "a".repeat(64)),
            format!("{}@shop.example", "a".repeat(65)),
            format!("a@{long_label}.example"),
            format!("a@{longer_label}.example"),
            format!("a@{}.example", "b".repeat(246)),
            format!("a@{}.example", "b.".repeat(124)),
            "a@sh\u{0}op.example".to_owned(),
            "a@shop.example\n".to_owned(),
            "(comment)a@shop.example".to_owned(),
        ];
        for email in &cases {
            assert_eq!(is_valid_email(email), by_the_crate(email), "{email:?}");
        }
    }

    proptest! {
        #[test]
        fn ascii_addresses_agree_with_the_crate(
            email in r#"[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~"(),:;<>\[\]\\ @-]{0,20}@[a-zA-Z0-9._\[\]"-]{0,20}"#,
        ) {
            prop_assert_eq!(is_valid_email(&email), by_the_crate(&email));
        }

        #[test]
        fn any_text_agrees_with_the_crate(email in any::<String>()) {
            prop_assert_eq!(is_valid_email(&email), by_the_crate(&email));
        }

        #[test]
        fn plausible_addresses_agree_with_the_crate(
            local in "[a-z0-9._+-]{0,70}",
            labels in proptest::collection::vec("[a-z0-9-]{0,66}", 1..5),
        ) {
            let email = format!("{local}@{}", labels.join("."));
            prop_assert_eq!(is_valid_email(&email), by_the_crate(&email));
        }
    }
}
