//! Every credential parser on any text: no panic; a value that parses prints back as given
//! (public kinds) or redacted (secret kinds); an error never repeats the body of a secret.
//!
//! No leak: a marker secret derived from the input (see `fuzz/src/lib.rs`), pasted alone
//! and spliced into the input, goes through every parser; no 12-character window of its
//! body is in any result's or error's `Display` or `Debug`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stripe_gateway_rules::credentials::{
    ClientSecret, RefreshToken, StripeStringKind, recognise_stripe_string,
};
use stripe_gateway_rules::{credentials::AccountId, credentials::ClientId, credentials::Mode, credentials::PublishableKey, credentials::SecretKey};
use stripe_gateway_rules_fuzz::{Marker, Rng};

/// The part of `s` after its secret prefix, when `s` looks like a secret with a body long
/// enough (16+) that finding it elsewhere can only be a leak.
///
/// The prefix ends at the last `_` of the first 21 bytes: errors name an undocumented mode on
/// purpose (`sk_prod_`: `sk_`, up to 16 lowercase letters, `_`), so that part is not body.
fn secret_body(s: &str) -> Option<&str> {
    let secret = recognise_stripe_string(s).is_some_and(StripeStringKind::is_secret)
        || s.starts_with("sk_")
        || s.starts_with("rk_");
    let start = s.as_bytes().iter().take(21).rposition(|&b| b == b'_')? + 1;
    let body = &s[start..];
    (secret && body.len() >= 16).then_some(body)
}

fn check_error(s: &str, e: &stripe_gateway_rules::credentials::CredentialError) {
    assert!(!e.code().as_str().is_empty());
    if let Some(body) = secret_body(s) {
        assert!(
            !e.to_string().contains(body),
            "error repeats the secret: {e}"
        );
        assert!(
            !format!("{e:?}").contains(body),
            "error Debug repeats the secret: {e:?}"
        );
    }
}

/// Every parser on `text`, which holds the marker: nothing it returns shows the body.
fn check_no_leak(text: &str, m: &Marker) {
    match text.parse::<SecretKey>() {
        Ok(key) => {
            m.assert_debug("SecretKey", &key);
            m.assert_clean("SecretKey::redacted", &key.redacted());
        }
        Err(e) => m.assert_display_debug("SecretKey error", &e),
    }
    match text.parse::<PublishableKey>() {
        Ok(key) => m.assert_display_debug("PublishableKey", &key),
        Err(e) => m.assert_display_debug("PublishableKey error", &e),
    }
    match text.parse::<AccountId>() {
        Ok(id) => m.assert_display_debug("AccountId", &id),
        Err(e) => m.assert_display_debug("AccountId error", &e),
    }
    match text.parse::<ClientId>() {
        Ok(id) => m.assert_display_debug("ClientId", &id),
        Err(e) => m.assert_display_debug("ClientId error", &e),
    }
    match text.parse::<ClientSecret>() {
        Ok(v) => m.assert_debug("ClientSecret", &v),
        Err(e) => m.assert_display_debug("ClientSecret error", &e),
    }
    match text.parse::<RefreshToken>() {
        Ok(v) => m.assert_debug("RefreshToken", &v),
        Err(e) => m.assert_display_debug("RefreshToken error", &e),
    }
    if let Err(e) = text.parse::<Mode>() {
        m.assert_display_debug("Mode error", &e);
    }
    if let Some(kind) = recognise_stripe_string(text) {
        m.assert_debug("StripeStringKind", &kind);
    }
}

fuzz_target!(|data: &[u8]| {
    let mut rng = Rng::from_input(data);
    let marker = Marker::new(&mut rng);
    check_no_leak(&marker.pasted, &marker);
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    check_no_leak(&marker.splice(s, &mut rng), &marker);
    match s.parse::<SecretKey>() {
        Ok(key) => {
            assert_eq!(key.expose_secret(), s);
            assert!(s.starts_with(key.prefix()));
            let body = &s[key.prefix().len()..];
            assert!((10..=247).contains(&body.len()));
            if body.len() >= 16 {
                assert!(!format!("{key:?}").contains(body));
                assert!(!key.redacted().contains(body));
            }
            assert_eq!(key.prefix().contains("live"), key.mode() == Mode::Live);
        }
        Err(e) => check_error(s, &e),
    }
    match s.parse::<PublishableKey>() {
        Ok(key) => {
            assert_eq!(key.to_string(), s);
            assert_eq!(key.as_str().parse::<PublishableKey>().as_ref(), Ok(&key));
        }
        Err(e) => check_error(s, &e),
    }
    match s.parse::<AccountId>() {
        Ok(id) => assert_eq!(id.as_str(), s),
        Err(e) => check_error(s, &e),
    }
    match s.parse::<ClientId>() {
        Ok(id) => assert_eq!(id.as_str(), s),
        Err(e) => check_error(s, &e),
    }
    for parsed in [
        s.parse::<ClientSecret>()
            .map(|v| (v.expose_secret() == s, format!("{v:?}"))),
        s.parse::<RefreshToken>()
            .map(|v| (v.expose_secret() == s, format!("{v:?}"))),
    ] {
        match parsed {
            Ok((same, debug)) => {
                assert!(same);
                if s.len() >= 16 {
                    assert!(!debug.contains(s));
                }
            }
            Err(e) => check_error(s, &e),
        }
    }
    if let Ok(mode) = s.parse::<Mode>() {
        assert_eq!(mode.as_str(), s);
    }
});
