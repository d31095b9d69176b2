//! Every credential parser on any text: no panic; a value that parses prints back as given
//! (public kinds) or redacted (secret kinds); an error never repeats the body of a secret.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stripe_gateway_rules::credentials::{
    ClientSecret, RefreshToken, StripeStringKind, recognise_stripe_string,
};
use stripe_gateway_rules::{AccountId, ClientId, Mode, PublishableKey, SecretKey};

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

fn check_error(s: &str, e: &stripe_gateway_rules::CredentialError) {
    assert!(!e.code().is_empty());
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

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
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
