//! Property tests of the credentials module (rules.md §1): no parser panics, no secret leaks,
//! public types round-trip through `Display`.

use proptest::prelude::*;
use stripe_gateway_rules::credentials::{ClientSecret, RefreshToken};
use stripe_gateway_rules::{
    credentials::AccountId, credentials::ClientId, credentials::Mode, credentials::PublishableKey,
    credentials::SecretKey,
};

fn key_prefix() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["sk_test_", "sk_live_", "rk_test_", "rk_live_"])
}

/// Bodies long enough (16+) that finding one inside a message can only mean a leak.
fn body() -> impl Strategy<Value = String> {
    "[A-Za-z0-9]{16,247}"
}

/// Ways a pasted key goes wrong; each keeps the secret body inside the input.
fn mangle() -> impl Strategy<Value = (String, String)> {
    (
        key_prefix(),
        body(),
        0usize..10,
        prop::sample::select(vec![
            " ", "\n", "\t", "\"", "'", "-", "_", "ѕ", "é", "\u{a0}", "\0",
        ]),
    )
        .prop_map(|(prefix, body, how, extra)| {
            let input = match how {
                0 => format!("{extra}{prefix}{body}"),
                1 => format!("{prefix}{body}{extra}"),
                2 => format!("{prefix}{}{extra}{}", &body[..8], &body[8..]),
                3 => format!("Bearer {prefix}{body}"),
                4 => format!("pk{}{body}", &prefix[2..]),
                5 => format!("sk_prod_{body}"),
                6 => format!("whsec_{body}"),
                7 => format!("{prefix}{body}{}", "x".repeat(300)),
                8 => format!("\"{prefix}{body}\""),
                _ => format!("sk_org_{body}"),
            };
            (input, body)
        })
}

proptest! {
    /// rules §1: no credential parser panics on any string.
    #[test]
    fn no_parser_panics_on_any_string(s in "\\PC*|.*") {
        let _ = s.parse::<SecretKey>();
        let _ = s.parse::<PublishableKey>();
        let _ = s.parse::<AccountId>();
        let _ = s.parse::<ClientId>();
        let _ = s.parse::<ClientSecret>();
        let _ = s.parse::<RefreshToken>();
        let _ = s.parse::<Mode>();
    }

    /// rules §1: no credential parser panics on key-shaped strings.
    #[test]
    fn no_parser_panics_on_key_shaped_strings(prefix in key_prefix(), rest in "\\PC{0,300}") {
        let s = format!("{prefix}{rest}");
        let _ = s.parse::<SecretKey>();
        let _ = s.parse::<PublishableKey>();
    }

    /// rules §1: a secret key's `Debug` never shows its body, and its redacted form is the prefix
    /// and the last four characters.
    #[test]
    fn debug_and_redacted_never_show_the_body(prefix in key_prefix(), body in body()) {
        let key: SecretKey = format!("{prefix}{body}").parse().unwrap();
        let debug = format!("{key:?}");
        let redacted = key.redacted();
        prop_assert!(!debug.contains(&body));
        prop_assert!(!redacted.contains(&body));
        prop_assert!(!debug.contains(&body[..body.len() - 4]));
        prop_assert_eq!(redacted, format!("{prefix}…{}", &body[body.len() - 4..]));
    }

    /// rules §1: an OAuth client secret or refresh token never shows itself.
    #[test]
    fn opaque_secrets_never_show_themselves(secret in "[!-~]{16,200}") {
        prop_assume!(!secret.starts_with(['"', '\'', '`']) && !secret.ends_with(['"', '\'', '`']));
        if let Ok(s) = secret.parse::<ClientSecret>() {
            let debug = format!("{s:?}");
            prop_assert!(!debug.contains(&secret[..secret.len() - 4]));
        }
        if let Ok(t) = secret.parse::<RefreshToken>() {
            prop_assert!(!t.redacted().contains(&secret[..secret.len() - 4]));
        }
    }

    /// rules §1: no parser's error message contains a mangled key's body.
    #[test]
    fn error_messages_never_contain_the_body((input, body) in mangle()) {
        for message in [
            input.parse::<SecretKey>().err().map(|e| e.to_string()),
            input.parse::<PublishableKey>().err().map(|e| e.to_string()),
            input.parse::<AccountId>().err().map(|e| e.to_string()),
            input.parse::<ClientSecret>().err().map(|e| e.to_string()),
            input.parse::<RefreshToken>().err().map(|e| e.to_string()),
            serde_json::from_value::<SecretKey>(serde_json::Value::String(input.clone()))
                .err()
                .map(|e| e.to_string()),
        ]
        .into_iter()
        .flatten()
        {
            prop_assert!(!message.contains(&body), "{} leaks {}", message, body);
        }
    }

    /// rules §1: a key with whitespace, quotes, a `Bearer ` prefix, a look-alike letter or a wrong
    /// prefix is refused, whatever the reason given.
    #[test]
    fn mangled_keys_are_always_refused((input, _body) in mangle()) {
        prop_assert!(input.parse::<SecretKey>().is_err());
    }

    /// rules §1: publishable keys, account ids, client ids and modes round-trip through `Display`.
    #[test]
    fn public_types_round_trip_through_display(
        mode in prop::sample::select(vec!["test", "live"]),
        body in "[A-Za-z0-9]{10,247}",
        id in "[A-Za-z0-9]{1,200}",
    ) {
        let pk: PublishableKey = format!("pk_{mode}_{body}").parse().unwrap();
        prop_assert_eq!(pk.to_string().parse::<PublishableKey>().unwrap(), pk.clone());
        let json = serde_json::to_string(&pk).unwrap();
        prop_assert_eq!(serde_json::from_str::<PublishableKey>(&json).unwrap(), pk);
        let acct: AccountId = format!("acct_{id}").parse().unwrap();
        prop_assert_eq!(acct.to_string().parse::<AccountId>().unwrap(), acct);
        let ca: ClientId = format!("ca_{id}").parse().unwrap();
        prop_assert_eq!(ca.to_string().parse::<ClientId>().unwrap(), ca);
        let m: Mode = mode.parse().unwrap();
        prop_assert_eq!(m.to_string().parse::<Mode>().unwrap(), m);
    }
}

proptest! {
    /// rules.md §1: an excerpt of any input, as error messages quote it, never panics and
    /// never carries more than a secret's prefix, wherever the secret starts.
    #[test]
    fn input_excerpts_never_panic_and_cut_secrets(
        before in "\\PC{0,40}",
        marker in prop::sample::select(vec!["sk_live_", "RK_TEST_", "whsec_", "Sk_Prod_"]),
        body in "[A-Za-z0-9]{16,40}",
    ) {
        let input = format!("{before}{marker}{body}");
        let excerpt = stripe_gateway_rules::InputExcerpt::new(&input).to_string();
        prop_assert!(!excerpt.contains(&body[..8]), "{} from {}", excerpt, input);
        let _ = stripe_gateway_rules::InputExcerpt::new(&before).to_string();
    }
}
