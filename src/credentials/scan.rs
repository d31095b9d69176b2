//! The stages every credential goes through: prefix recognition, surface checks, body checks.

use super::errors::CredentialErrorKind;
use super::{
    CredentialError, CredentialSlot, MAX_ID_LEN, MAX_INPUT_LEN, MAX_KEY_BODY_LEN,
    MAX_OPAQUE_SECRET_LEN, MIN_KEY_BODY_LEN, Mode, StripeStringKind, WhitespacePlace,
};

// Scanning: the stages every credential goes through.

/// The prefixes this module recognises, longest first where one is a prefix of another.
/// Sources: [stripe-facts §3.1](crate::rules#facts-3-1), [§3.3](crate::rules#facts-3-3) and `stripe-key-patterns.csv`.
const KEY_PREFIXES: &[(&str, StripeStringKind, Mode)] = &[
    ("sk_test_", StripeStringKind::SecretKey, Mode::Test),
    ("sk_live_", StripeStringKind::SecretKey, Mode::Live),
    ("rk_test_", StripeStringKind::RestrictedKey, Mode::Test),
    ("rk_live_", StripeStringKind::RestrictedKey, Mode::Live),
    ("pk_test_", StripeStringKind::PublishableKey, Mode::Test),
    ("pk_live_", StripeStringKind::PublishableKey, Mode::Live),
];

/// What a string looks like by its prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Recognised {
    /// A key with a documented prefix; the body starts at `prefix.len()`.
    Key {
        kind: StripeStringKind,
        mode: Mode,
        prefix: &'static str,
    },
    /// Another Stripe string kind.
    Other(StripeStringKind),
    /// `sk_`/`rk_`/`pk_` with an undocumented mode; the prefix ends at byte `end`.
    UnknownMode {
        end: usize,
    },
    Unknown,
}

pub(super) fn recognise(s: &str) -> Recognised {
    for &(prefix, kind, mode) in KEY_PREFIXES {
        if s.starts_with(prefix) {
            return Recognised::Key { kind, mode, prefix };
        }
    }
    if s.starts_with("sk_org") {
        return Recognised::Other(StripeStringKind::OrganizationKey);
    }
    if s.starts_with("whsec_") {
        return Recognised::Other(StripeStringKind::WebhookSecret);
    }
    if s.starts_with("acct_") {
        return Recognised::Other(StripeStringKind::AccountId);
    }
    if s.starts_with("ca_") {
        return Recognised::Other(StripeStringKind::ClientId);
    }
    if s.starts_with("ac_") {
        return Recognised::Other(StripeStringKind::AuthorizationCode);
    }
    if s.starts_with("pi_") && s.contains("_secret_") {
        return Recognised::Other(StripeStringKind::PaymentIntentClientSecret);
    }
    if s.starts_with("seti_") && s.contains("_secret_") {
        return Recognised::Other(StripeStringKind::SetupIntentClientSecret);
    }
    if s.starts_with("tok_") {
        return Recognised::Other(StripeStringKind::Token);
    }
    if s.starts_with("pm_") {
        return Recognised::Other(StripeStringKind::PaymentMethod);
    }
    let bytes = s.as_bytes();
    if bytes.len() > 3 && matches!(&bytes[..3], b"sk_" | b"rk_" | b"pk_") {
        // `sk_prod_…`: a key-shaped prefix with a mode Stripe does not document.
        if let Some(second) = s[3..].find('_') {
            let mode = &s[3..3 + second];
            if !mode.is_empty() && mode.len() <= 16 && mode.bytes().all(|b| b.is_ascii_lowercase())
            {
                return Recognised::UnknownMode {
                    end: 3 + second + 1,
                };
            }
        }
    }
    Recognised::Unknown
}

/// The checks every credential shares, before its prefix is looked at: empty, an absurd
/// length (more than 4096 bytes; `max_len` is what the message says fits), `Bearer `, quotes,
/// whitespace, non-ASCII. Nothing is trimmed.
fn check_surface(s: &str, slot: CredentialSlot, max_len: usize) -> Result<(), CredentialError> {
    let err = |kind| Err(CredentialError::new(slot, kind));
    if s.is_empty() {
        return err(CredentialErrorKind::Empty);
    }
    if s.len() > MAX_INPUT_LEN {
        return err(CredentialErrorKind::TooLong {
            len: s.len(),
            max: max_len,
        });
    }
    if s.len() >= 7 && s.as_bytes()[..7].eq_ignore_ascii_case(b"bearer ") {
        return err(CredentialErrorKind::BearerPrefix);
    }
    let is_quote = |c: char| matches!(c, '"' | '\'' | '`' | '“' | '”' | '‘' | '’');
    if s.starts_with(is_quote) || s.ends_with(is_quote) {
        return err(CredentialErrorKind::Quoted);
    }
    if let Some((i, (byte, c))) = s
        .char_indices()
        .enumerate()
        .find(|(_, (_, c))| c.is_whitespace())
    {
        let place = if byte == 0 {
            WhitespacePlace::Start
        } else if s[byte..].chars().all(char::is_whitespace) {
            WhitespacePlace::End
        } else {
            WhitespacePlace::Inside
        };
        return err(CredentialErrorKind::Whitespace {
            place,
            position: i + 1,
            line_break: matches!(c, '\n' | '\r'),
        });
    }
    if let Some((i, c)) = s.chars().enumerate().find(|(_, c)| !c.is_ascii()) {
        return err(CredentialErrorKind::NonAscii {
            character: c,
            position: i + 1,
        });
    }
    if let Some((i, c)) = s.chars().enumerate().find(|(_, c)| c.is_ascii_control()) {
        return err(CredentialErrorKind::InvalidCharacter {
            character: c,
            position: i + 1,
        });
    }
    Ok(())
}

/// [`check_surface`], then the whole value's length: for credentials without a body of their
/// own (ids, opaque secrets).
fn check_surface_and_length(
    s: &str,
    slot: CredentialSlot,
    max_len: usize,
) -> Result<(), CredentialError> {
    check_surface(s, slot, max_len)?;
    if s.len() > max_len {
        return Err(CredentialError::new(
            slot,
            CredentialErrorKind::TooLong {
                len: s.len(),
                max: max_len,
            },
        ));
    }
    Ok(())
}

/// Checks a body (the part after the prefix, starting at byte `start` of `s`): ASCII letters
/// and digits, `min..=max` long.
fn check_body(
    s: &str,
    start: usize,
    slot: CredentialSlot,
    min: usize,
    max: usize,
) -> Result<(), CredentialError> {
    let body = &s[start..];
    if let Some((i, c)) = body
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphanumeric())
    {
        return Err(CredentialError::new(
            slot,
            CredentialErrorKind::InvalidCharacter {
                character: c,
                position: start + i + 1,
            },
        ));
    }
    let len = body.len();
    if len < min {
        return Err(CredentialError::new(
            slot,
            CredentialErrorKind::BodyTooShort { len, min },
        ));
    }
    if len > max {
        return Err(CredentialError::new(
            slot,
            CredentialErrorKind::BodyTooLong { len, max },
        ));
    }
    Ok(())
}

/// Parses a key-shaped credential (`sk_`, `rk_`, `pk_`) for `slot`, accepting the kinds in
/// `accept`. Returns the kind, mode and prefix.
pub(super) fn parse_key(
    s: &str,
    slot: CredentialSlot,
    accept: &[StripeStringKind],
) -> Result<(StripeStringKind, Mode, &'static str), CredentialError> {
    // No overall length check: the body's own says what is too long (`body_too_long`).
    check_surface(s, slot, MAX_KEY_BODY_LEN + 8)?;
    let err = |kind| Err(CredentialError::new(slot, kind));
    match recognise(s) {
        Recognised::Key { kind, mode, prefix } if accept.contains(&kind) => {
            if s.len() == prefix.len() {
                return err(CredentialErrorKind::MissingBody { prefix });
            }
            check_body(s, prefix.len(), slot, MIN_KEY_BODY_LEN, MAX_KEY_BODY_LEN)?;
            Ok((kind, mode, prefix))
        }
        Recognised::Key {
            kind: StripeStringKind::PublishableKey,
            mode,
            ..
        } if slot == CredentialSlot::SecretKey => {
            err(CredentialErrorKind::PublishableKeyAsSecret { mode })
        }
        Recognised::Key { kind, .. } | Recognised::Other(kind) => {
            err(CredentialErrorKind::WrongKind { found: kind })
        }
        Recognised::UnknownMode { end } => err(CredentialErrorKind::UnknownMode {
            prefix: s[..end].to_owned(),
        }),
        Recognised::Unknown => err(CredentialErrorKind::UnknownPrefix),
    }
}

/// Parses an identifier with a fixed prefix (`acct_`, `ca_`).
pub(super) fn parse_id(
    s: &str,
    slot: CredentialSlot,
    prefix: &'static str,
    own_kind: StripeStringKind,
) -> Result<(), CredentialError> {
    check_surface_and_length(s, slot, MAX_ID_LEN)?;
    match recognise(s) {
        Recognised::Other(kind) if kind == own_kind => {
            if s.len() == prefix.len() {
                return Err(CredentialError::new(
                    slot,
                    CredentialErrorKind::MissingBody { prefix },
                ));
            }
            check_body(s, prefix.len(), slot, 1, MAX_ID_LEN - prefix.len())
        }
        Recognised::Key { kind, .. } | Recognised::Other(kind) => Err(CredentialError::new(
            slot,
            CredentialErrorKind::WrongKind { found: kind },
        )),
        Recognised::UnknownMode { .. } | Recognised::Unknown => Err(CredentialError::new(
            slot,
            CredentialErrorKind::UnknownPrefix,
        )),
    }
}

/// Parses an opaque OAuth secret: printable ASCII without whitespace, not another known kind
/// of Stripe string that is public (a publishable key, a client or account id).
pub(super) fn parse_opaque_secret(s: &str, slot: CredentialSlot) -> Result<(), CredentialError> {
    check_surface_and_length(s, slot, MAX_OPAQUE_SECRET_LEN)?;
    match recognise(s) {
        Recognised::Key {
            kind: StripeStringKind::PublishableKey,
            mode,
            ..
        } => Err(CredentialError::new(
            slot,
            CredentialErrorKind::PublishableKeyAsSecret { mode },
        )),
        Recognised::Other(
            found @ (StripeStringKind::ClientId
            | StripeStringKind::AccountId
            | StripeStringKind::WebhookSecret
            | StripeStringKind::PaymentIntentClientSecret
            | StripeStringKind::SetupIntentClientSecret
            | StripeStringKind::Token
            | StripeStringKind::PaymentMethod),
        ) => Err(CredentialError::new(
            slot,
            CredentialErrorKind::WrongKind { found },
        )),
        _ => Ok(()),
    }
}

/// `prefix…last4`: how Stripe's Dashboard shows a key. The last four are shown only when the
/// secret is long enough that they reveal little (at least 16 characters).
pub(super) fn redact(prefix: &str, secret: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + 8);
    out.push_str(prefix);
    out.push('…');
    if secret.len() >= 16 && secret.is_ascii() {
        out.push_str(&secret[secret.len() - 4..]);
    }
    out
}
