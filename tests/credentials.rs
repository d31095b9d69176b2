//! Credentials: rules.md §1 (S1, S3, S4) and stripe-facts §3; shapes checked against
//! `tests/data/stripe-key-patterns.csv`.

use stripe_gateway_rules::credentials::{
    ClientSecret, CredentialSlot, MAX_KEY_BODY_LEN, MIN_KEY_BODY_LEN, RefreshToken,
    StripeStringKind, WhitespacePlace, recognise_stripe_string,
};
use stripe_gateway_rules::{
    credentials::AccountId, credentials::AuthScheme, credentials::ClientId, credentials::Mode,
    credentials::PublishableKey, credentials::SecretKey,
};

/// A 24-character legacy body (the length of Stripe's own documentation samples).
const BODY_24: &str = "4eC39HqLyjWDarjtT1zdp7dc";

/// A 99-character modern body, starting with `51` as modern keys do (gitleaks samples).
fn body_99() -> String {
    let mut s = String::from("51");
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    for i in 0..97 {
        s.push(alphabet[(i * 7 + 3) % alphabet.len()] as char);
    }
    assert_eq!(s.len(), 99);
    s
}

fn secret_err(input: &str) -> stripe_gateway_rules::credentials::CredentialError {
    match input.parse::<SecretKey>() {
        Ok(key) => panic!("{input:?} parsed as {key:?}"),
        Err(e) => e,
    }
}

/// Reads the prefixes of `stripe-key-patterns.csv`, so the accepted prefixes are the ones the
/// reference data documents.
fn csv_prefix(kind: &str) -> String {
    let csv = include_str!("data/stripe-key-patterns.csv");
    let line = csv
        .lines()
        .find(|l| l.starts_with(&format!("{kind},")))
        .unwrap_or_else(|| panic!("{kind} not in stripe-key-patterns.csv"));
    line.split(',').nth(1).unwrap().to_owned()
}

#[test]
fn rules_1_secret_and_restricted_keys_parse_with_kind_and_mode_from_the_csv_prefixes() {
    let cases = [
        ("secret_key_test", false, Mode::Test),
        ("secret_key_live", false, Mode::Live),
        ("restricted_key_test", true, Mode::Test),
        ("restricted_key_live", true, Mode::Live),
    ];
    for (kind, restricted, mode) in cases {
        let prefix = csv_prefix(kind);
        for body in [BODY_24.to_owned(), body_99()] {
            let input = format!("{prefix}{body}");
            let key: SecretKey = input.parse().unwrap();
            assert_eq!(key.mode(), mode, "{kind}");
            assert_eq!(key.is_restricted(), restricted, "{kind}");
            assert_eq!(key.prefix(), prefix);
            assert_eq!(key.expose_secret(), input);
            let last4 = &body[body.len() - 4..];
            assert_eq!(key.redacted(), format!("{prefix}…{last4}"));
            assert_eq!(format!("{key:?}"), format!("SecretKey({prefix}…{last4})"));
        }
    }
}

#[test]
fn rules_1_publishable_keys_parse_with_mode_and_display_whole() {
    for (kind, mode) in [
        ("publishable_key_test", Mode::Test),
        ("publishable_key_live", Mode::Live),
    ] {
        let prefix = csv_prefix(kind);
        for body in [BODY_24.to_owned(), body_99()] {
            let input = format!("{prefix}{body}");
            let key: PublishableKey = input.parse().unwrap();
            assert_eq!(key.mode(), mode);
            assert_eq!(key.to_string(), input);
            assert_eq!(key.to_string().parse::<PublishableKey>().unwrap(), key);
        }
    }
}

#[test]
fn rules_1_key_body_length_bounds() {
    let at = |n: usize| format!("sk_test_{}", "a".repeat(n));
    assert!(at(MIN_KEY_BODY_LEN).parse::<SecretKey>().is_ok());
    assert!(at(MAX_KEY_BODY_LEN).parse::<SecretKey>().is_ok());
    assert_eq!(
        secret_err(&at(MIN_KEY_BODY_LEN - 1)).to_string(),
        "expected a secret key, found 9 characters after the prefix, where Stripe's have at \
         least 10 (usually 24 or 99); the value looks cut off: copy all of it again"
    );
    assert_eq!(
        secret_err(&at(MAX_KEY_BODY_LEN + 1)).code(),
        "body_too_long",
        "a body over the maximum is too long a body (issue 14)"
    );
}

#[test]
fn rules_1_ids_parse_and_round_trip() {
    for id in ["acct_1R3fqDP6919yCiFv", "acct_ON3nXtRQkhmUIQ"] {
        let parsed: AccountId = id.parse().unwrap();
        assert_eq!(parsed.to_string(), id);
    }
    let client: ClientId = "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb".parse().unwrap();
    assert_eq!(client.as_str(), "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb");
    let long = format!("acct_{}", "a".repeat(250));
    assert!(
        long.parse::<AccountId>().is_ok(),
        "ids may be 255 characters"
    );
    assert_eq!(
        format!("acct_{}", "a".repeat(251))
            .parse::<AccountId>()
            .unwrap_err()
            .code(),
        "too_long"
    );
}

/// Every bad input of the issue, with its message pinned: what was found and what to paste.
#[test]
fn rules_1_bad_secret_keys_get_typed_errors_with_pinned_messages() {
    let live = format!("sk_live_{BODY_24}");
    let cases: Vec<(String, &str, String)> = vec![
        (
            String::new(),
            "empty",
            "expected a secret key, found an empty value; paste the secret key (sk_test_… or \
             sk_live_…) or a restricted key (rk_test_… or rk_live_…) from the Stripe Dashboard, \
             Developers > API keys"
                .into(),
        ),
        (
            format!("pk_live_{BODY_24}"),
            "publishable_key_as_secret",
            "expected a secret key, found a publishable key (pk_live_…); publishable keys only \
             identify an account and cannot authenticate API requests; paste the secret key \
             (sk_test_… or sk_live_…) or a restricted key (rk_test_… or rk_live_…) from the \
             Stripe Dashboard, Developers > API keys"
                .into(),
        ),
        (
            format!("whsec_{}", "a".repeat(32)),
            "wrong_credential_kind",
            "expected a secret key, found a webhook signing secret (whsec_…), which verifies \
             webhook events and is not an API key; paste the secret key (sk_test_… or \
             sk_live_…) or a restricted key (rk_test_… or rk_live_…) from the Stripe Dashboard, \
             Developers > API keys"
                .into(),
        ),
        (
            format!("{live} "),
            "whitespace",
            "expected a secret key, found whitespace at the end (position 33); remove it: \
             Stripe credentials never contain whitespace"
                .into(),
        ),
        (
            format!(" {live}"),
            "whitespace",
            "expected a secret key, found whitespace at the start (position 1); remove it: \
             Stripe credentials never contain whitespace"
                .into(),
        ),
        (
            "sk_live_4eC39Hq\nLyjWDarjtT1zdp7dc".to_string(),
            "whitespace",
            "expected a secret key, found a line break inside the value (position 16); remove \
             it: Stripe credentials never contain whitespace"
                .into(),
        ),
        (
            format!("\"{live}\""),
            "quoted",
            "expected a secret key, found a value wrapped in quotes; remove the quotes".into(),
        ),
        (
            format!("Bearer {live}"),
            "bearer_prefix",
            "expected a secret key, found an HTTP Authorization header value (\"Bearer …\"); \
             remove \"Bearer \" and keep only what follows it"
                .into(),
        ),
        (
            format!("\u{0455}k_live_{BODY_24}"),
            "non_ascii",
            "expected a secret key, found the non-ASCII character 'ѕ' (U+0455) at position 1; it \
             is probably a look-alike letter: type the value again or copy it from the Stripe \
             Dashboard"
                .into(),
        ),
        (
            "sk_live_".into(),
            "missing_body",
            "expected a secret key, found only the prefix sk_live_ with nothing after it; the \
             value looks cut off: copy all of it again"
                .into(),
        ),
        (
            format!("sk_prod_{BODY_24}"),
            "unknown_mode",
            "expected a secret key, found the prefix sk_prod_, whose mode Stripe does not \
             document (only test and live exist); paste the secret key (sk_test_… or sk_live_…) \
             or a restricted key (rk_test_… or rk_live_…) from the Stripe Dashboard, Developers \
             > API keys"
                .into(),
        ),
        (
            "hunter2hunter2hunter2".into(),
            "unknown_prefix",
            "expected a secret key, found a value with none of the prefixes sk_test_, sk_live_, \
             rk_test_, rk_live_; paste the secret key (sk_test_… or sk_live_…) or a restricted \
             key (rk_test_… or rk_live_…) from the Stripe Dashboard, Developers > API keys"
                .into(),
        ),
        (
            "sk_live_4eC39HqLyj-WDarjtT1zdp7dc".into(),
            "invalid_character",
            "expected a secret key, found the character '-' at position 19, where only ASCII \
             letters and digits belong; paste the secret key (sk_test_… or sk_live_…) or a \
             restricted key (rk_test_… or rk_live_…) from the Stripe Dashboard, Developers > \
             API keys"
                .into(),
        ),
        (
            "sk_live_4eC39HqLyj_WDarjtT1zdp7dc".into(),
            "invalid_character",
            "expected a secret key, found the character '_' at position 19, where only ASCII \
             letters and digits belong; paste the secret key (sk_test_… or sk_live_…) or a \
             restricted key (rk_test_… or rk_live_…) from the Stripe Dashboard, Developers > \
             API keys"
                .into(),
        ),
        (
            "x".repeat(1_000_000),
            "too_long",
            "expected a secret key, found 1000000 characters where at most 255 fit; paste the \
             secret key (sk_test_… or sk_live_…) or a restricted key (rk_test_… or rk_live_…) \
             from the Stripe Dashboard, Developers > API keys"
                .into(),
        ),
    ];
    for (input, code, message) in cases {
        let err = secret_err(&input);
        assert_eq!(
            err.code(),
            code,
            "code for {:?}",
            &input[..input.len().min(40)]
        );
        assert_eq!(
            err.to_string(),
            message,
            "message for {:?}",
            &input[..input.len().min(40)]
        );
        assert_eq!(err.expected(), CredentialSlot::SecretKey);
    }
}

/// rules.md §1: "Other Stripe strings pasted in the wrong place … get an error that names what
/// they are."
#[test]
fn rules_1_other_stripe_strings_in_the_secret_key_slot_are_named() {
    let cases = [
        (
            format!("whsec_{}", "a".repeat(32)),
            StripeStringKind::WebhookSecret,
        ),
        (
            format!("whsec_{}", "0f".repeat(32)),
            StripeStringKind::WebhookSecret,
        ),
        (
            "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb".into(),
            StripeStringKind::ClientId,
        ),
        ("acct_1R3fqDP6919yCiFv".into(), StripeStringKind::AccountId),
        (
            format!("sk_org_{BODY_24}"),
            StripeStringKind::OrganizationKey,
        ),
        (
            format!("sk_org{BODY_24}"),
            StripeStringKind::OrganizationKey,
        ),
        (
            "pi_3MtwBwLkdIwHu7ix28a3tqPa_secret_YrKJUKribcBjcG8HVhfZluoGH".into(),
            StripeStringKind::PaymentIntentClientSecret,
        ),
        (
            "tok_1N3T00LkdIwHu7ixt44h1F8k".into(),
            StripeStringKind::Token,
        ),
        (
            "pm_1NO6mA2eZvKYlo2CV6b4eVUP".into(),
            StripeStringKind::PaymentMethod,
        ),
        ("ac_123456789".into(), StripeStringKind::AuthorizationCode),
    ];
    for (input, found) in cases {
        let err = secret_err(&input);
        assert_eq!(err.code(), "wrong_credential_kind", "{input}");
        assert_eq!(err.found_kind(), Some(found), "{input}");
        assert_eq!(recognise_stripe_string(&input), Some(found));
        if found.is_secret() {
            let body = &input[input.len() - 12..];
            assert!(!err.to_string().contains(body), "{err} leaks {input}");
        }
    }
}

#[test]
fn rules_1_whitespace_is_located_never_trimmed() {
    let live = format!("sk_live_{BODY_24}");
    let place = |input: &str| {
        let e = secret_err(input);
        let (place, line_break) = e.whitespace().unwrap_or_else(|| panic!("{e:?}"));
        (place, e.position().unwrap(), line_break)
    };
    assert_eq!(
        place(&format!("{live}\n")),
        (WhitespacePlace::End, 33, true)
    );
    assert_eq!(
        place(&format!("{live}\r\n")),
        (WhitespacePlace::End, 33, true)
    );
    assert_eq!(
        place(&format!("\t{live}")),
        (WhitespacePlace::Start, 1, false)
    );
    assert_eq!(
        place("sk_live_4eC39 HqLyjWDarjtT1zdp7dc"),
        (WhitespacePlace::Inside, 14, false)
    );
    // A non-breaking space is whitespace too, not a "non-ASCII character".
    assert_eq!(
        place(&format!("{live}\u{a0}")),
        (WhitespacePlace::End, 33, false)
    );
}

#[test]
fn rules_1_quotes_of_every_kind_are_refused() {
    let live = format!("sk_live_{BODY_24}");
    for wrapped in [
        format!("'{live}'"),
        format!("`{live}`"),
        format!("“{live}”"),
        format!("{live}\""),
    ] {
        assert_eq!(secret_err(&wrapped).code(), "quoted", "{wrapped}");
    }
    assert_eq!(
        secret_err(&format!("bearer {live}")).code(),
        "bearer_prefix"
    );
    assert_eq!(
        secret_err(&format!("BEARER {live}")).code(),
        "bearer_prefix"
    );
}

#[test]
fn rules_1_publishable_key_slot_refuses_secret_keys_without_repeating_them() {
    let secret = format!("sk_live_{BODY_24}");
    let err = secret.parse::<PublishableKey>().unwrap_err();
    assert_eq!(err.code(), "wrong_credential_kind");
    assert_eq!(
        err.to_string(),
        "expected a publishable key, found a secret key (sk_…); paste the publishable key \
         (pk_test_… or pk_live_…) from the Stripe Dashboard, Developers > API keys"
    );
    assert!(!err.to_string().contains(BODY_24));
    assert_eq!(
        format!("pk_prod_{BODY_24}")
            .parse::<PublishableKey>()
            .unwrap_err()
            .code(),
        "unknown_mode"
    );
}

#[test]
fn rules_1_id_slots_name_what_was_pasted() {
    let err = format!("sk_live_{BODY_24}")
        .parse::<AccountId>()
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "expected an account id, found a secret key (sk_…); paste the account id (acct_…) \
         from the Stripe Dashboard, Settings > Business > Account details"
    );
    assert_eq!(
        "acct_".parse::<AccountId>().unwrap_err().code(),
        "missing_body"
    );
    assert_eq!(
        "acct-123".parse::<AccountId>().unwrap_err().code(),
        "unknown_prefix"
    );
    assert_eq!(
        "acct_1R3fqDP6919yCiFv"
            .parse::<ClientId>()
            .unwrap_err()
            .to_string(),
        "expected a Connect client id, found an account id (acct_…); paste the client id \
         (ca_…) from the Stripe Dashboard, Connect settings"
    );
}

#[test]
fn rules_1_oauth_secrets_are_opaque_but_refuse_public_ids_and_whitespace() {
    let secret: ClientSecret = "cs_9f8e7d6c5b4a39281706f5e4".parse().unwrap();
    assert_eq!(secret.expose_secret(), "cs_9f8e7d6c5b4a39281706f5e4");
    assert_eq!(format!("{secret:?}"), "ClientSecret(…f5e4)");
    let short: RefreshToken = "rt_abc".parse().unwrap();
    assert_eq!(
        short.redacted(),
        "…",
        "a short secret shows nothing of itself"
    );
    assert_eq!(
        "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb"
            .parse::<ClientSecret>()
            .unwrap_err()
            .code(),
        "wrong_credential_kind"
    );
    assert_eq!(
        format!("pk_test_{BODY_24}")
            .parse::<RefreshToken>()
            .unwrap_err()
            .code(),
        "publishable_key_as_secret"
    );
    assert_eq!(
        "rt_abc def".parse::<RefreshToken>().unwrap_err().code(),
        "whitespace"
    );
    assert_eq!("".parse::<ClientSecret>().unwrap_err().code(), "empty");
    assert_eq!(
        "a".repeat(1025).parse::<ClientSecret>().unwrap_err().code(),
        "too_long"
    );
}

#[test]
fn rules_1_mode_parses_lowercase_only() {
    assert_eq!("test".parse::<Mode>().unwrap(), Mode::Test);
    assert_eq!("live".parse::<Mode>().unwrap(), Mode::Live);
    assert_eq!(
        "Live".parse::<Mode>().unwrap_err().to_string(),
        "expected a mode, `test` or `live`, found \"Live\"; did you mean `live`?"
    );
    assert_eq!(
        "Live".parse::<Mode>().unwrap_err().suggestion(),
        Some(Mode::Live)
    );
    let e = "prod".parse::<Mode>().unwrap_err();
    assert_eq!(
        e.to_string(),
        "expected a mode, `test` or `live`, found \"prod\""
    );
    assert_eq!(e.suggestion(), None);
}

#[test]
fn rules_2_auth_schemes_report_mode_account_and_secrecy() {
    let api = AuthScheme::ApiKey {
        secret_key: format!("rk_test_{BODY_24}").parse().unwrap(),
        account_id: Some("acct_1R3fqDP6919yCiFv".parse().unwrap()),
    };
    assert_eq!(api.name(), "api_key");
    assert_eq!(api.mode(), Some(Mode::Test));
    assert_eq!(api.account_id().unwrap().as_str(), "acct_1R3fqDP6919yCiFv");
    assert!(api.holds_secret());
    assert!(!format!("{api:?}").contains(BODY_24));

    let oauth = AuthScheme::OAuth2 {
        client_id: "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb".parse().unwrap(),
        client_secret: "cs_9f8e7d6c5b4a39281706f5e4".parse().unwrap(),
        refresh_token: "rt_H5m2LqTnR8vWx3Yz0aBcDeFgHiJk".parse().unwrap(),
        account_id: None,
    };
    assert_eq!(oauth.mode(), None);
    assert_eq!(oauth.account_id(), None);
    let debug = format!("{oauth:?}");
    assert!(!debug.contains("cs_9f8e7d6c5b4a3928"), "{debug}");
    assert!(!debug.contains("rt_H5m2LqTnR8vWx3Yz"), "{debug}");

    let connect = AuthScheme::Connect {
        account_id: "acct_1R3fqDP6919yCiFv".parse().unwrap(),
        account_name: Some("Acme".into()),
        publishable_key: Some(format!("pk_live_{BODY_24}").parse().unwrap()),
    };
    assert!(!connect.holds_secret());
    assert_eq!(connect.mode(), Some(Mode::Live));
}

#[cfg(feature = "serde")]
mod serde_tests {
    use super::*;

    #[test]
    fn rules_1_deserializing_goes_through_the_parsers() {
        let key: SecretKey = serde_json::from_str(&format!("\"sk_test_{BODY_24}\"")).unwrap();
        assert_eq!(key.mode(), Mode::Test);
        let err = serde_json::from_str::<SecretKey>(&format!("\"pk_test_{BODY_24}\""))
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("expected a secret key, found a publishable key"),
            "{err}"
        );
        assert!(!err.contains(BODY_24), "{err}");
        let err = serde_json::from_str::<PublishableKey>(&format!("\"sk_live_{BODY_24}\""))
            .unwrap_err()
            .to_string();
        assert!(!err.contains(BODY_24), "{err}");
        let pk: PublishableKey = serde_json::from_str(&format!("\"pk_live_{BODY_24}\"")).unwrap();
        assert_eq!(
            serde_json::to_string(&pk).unwrap(),
            format!("\"pk_live_{BODY_24}\"")
        );
        assert_eq!(serde_json::to_string(&Mode::Live).unwrap(), "\"live\"");
    }

    #[test]
    fn rules_2_auth_scheme_deserializes_by_scheme_tag() {
        let auth: AuthScheme = serde_json::from_str(&format!(
            r#"{{"scheme":"api_key","secret_key":"sk_live_{BODY_24}","account_id":"acct_1R3fqDP6919yCiFv"}}"#
        ))
        .unwrap();
        assert_eq!(auth.name(), "api_key");
        let auth: AuthScheme = serde_json::from_str(
            r#"{"scheme":"oauth2","client_id":"ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb","client_secret":"cs_9f8e7d6c5b4a39281706f5e4","refresh_token":"rt_H5m2LqTnR8vWx3Yz0aBcDeFgHiJk"}"#,
        )
        .unwrap();
        assert_eq!(auth.name(), "oauth2");
        let err = serde_json::from_str::<AuthScheme>(r#"{"scheme":"oauth2","client_id":"ca_x"}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("error[missing_field] client_secret"), "{err}");
        let err = serde_json::from_str::<AuthScheme>(
            r#"{"scheme":"oauth2","client_id":"ca_x","client_secret":"cs_verysecretvalue123","refresh_token":"rt_x y"}"#,
        )
        .unwrap_err()
        .to_string();
        assert!(!err.contains("cs_verysecretvalue123"), "{err}");
    }
}

/// rules §1 (issue 14): a key whose body is longer than Stripe's longest got the overall `too_long`
/// error about the whole input's length, so `body_too_long` could never be returned.
#[test]
fn a_key_body_longer_than_stripes_longest_is_body_too_long() {
    use stripe_gateway_rules::credentials::MAX_KEY_BODY_LEN;
    for prefix in ["sk_live_", "rk_test_", "pk_live_"] {
        let key = format!("{prefix}{}", "a1".repeat(MAX_KEY_BODY_LEN / 2 + 1));
        let err = if prefix.starts_with("pk_") {
            key.parse::<stripe_gateway_rules::credentials::PublishableKey>()
                .unwrap_err()
        } else {
            key.parse::<stripe_gateway_rules::credentials::SecretKey>()
                .unwrap_err()
        };
        assert_eq!(err.code(), "body_too_long", "{prefix}: {err}");
    }
    // An absurd input is still refused as a whole, before anything else is looked at.
    let huge = format!("sk_live_{}", "a".repeat(10_000));
    assert_eq!(
        huge.parse::<stripe_gateway_rules::credentials::SecretKey>()
            .unwrap_err()
            .code(),
        "too_long"
    );
}

/// rules §1: a refused credential is one opaque error; what was found is told by accessors,
/// never by an excerpt of a value that may be a secret (issue 18).
#[test]
fn rules_1_a_refused_credential_says_what_was_found_without_an_excerpt() {
    use stripe_gateway_rules::codes::CredentialCode;
    let e = secret_err("pk_live_4eC39HqLyjWDarjtT1zdp7dc");
    assert_eq!(e.code(), CredentialCode::PublishableKeyAsSecret);
    assert_eq!(e.mode(), Some(Mode::Live));
    assert_eq!(
        (e.position(), e.character(), e.found_kind()),
        (None, None, None)
    );
    let e = secret_err("sk_live_4eC39HqLyjWDarjtT1zdp7d\u{0441}");
    assert_eq!(e.code(), CredentialCode::NonAscii);
    assert_eq!((e.position(), e.character()), (Some(32), Some('\u{0441}')));
    assert_eq!(
        e.remedy(),
        "it is probably a look-alike letter: type the value again or copy it from the Stripe Dashboard"
    );
    assert!(!format!("{e:?}").contains("4eC39"));
}

/// Issue 19: `Debug` of `Mode` prints like a normal enum, `Display` the keyword.
#[test]
fn mode_debug_prints_the_variant_issue_19() {
    assert_eq!(format!("{:?}", Mode::Test), "Test");
    assert_eq!(format!("{:?}", Mode::Live), "Live");
    assert_eq!(format!("{:?}", Some(Mode::Test)), "Some(Test)");
    assert_eq!(Mode::Test.to_string(), "test");
}
