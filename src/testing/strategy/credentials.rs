//! Strategies for credentials: modes, keys, ids and OAuth secrets, as values and as text.

use proptest::prelude::*;

use crate::credentials::{
    AccountId, ClientId, ClientSecret, Mode, PublishableKey, RefreshToken, SecretKey,
};

/// Test or live, equally often.
pub fn mode() -> impl Strategy<Value = Mode> {
    prop_oneof![Just(Mode::Test), Just(Mode::Live)]
}

pub(super) fn other_mode(mode: Mode) -> Mode {
    match mode {
        Mode::Test => Mode::Live,
        Mode::Live => Mode::Test,
    }
}

/// A key body: ASCII letters and digits. The lengths Stripe's keys have in practice are the
/// most frequent (24, legacy keys and Stripe's samples; 99, modern keys); the others cover the
/// whole accepted range, 10 to 247 ([`MIN_KEY_BODY_LEN`](crate::credentials::MIN_KEY_BODY_LEN),
/// [`MAX_KEY_BODY_LEN`](crate::credentials::MAX_KEY_BODY_LEN)).
pub(crate) fn key_body() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-z0-9]{24}",
        3 => "[A-Za-z0-9]{99}",
        1 => "[A-Za-z0-9]{10,16}",
        1 => "[A-Za-z0-9]{10,247}",
        1 => "[A-Za-z0-9]{240,247}",
    ]
}

/// A secret as people paste it into the wrong field, and its body as it appears in the
/// pasted text: a secret, restricted or webhook key (`sk_live_`, `sk_test_`, `rk_live_`,
/// `rk_test_`, `whsec_`) with a body of 24 or 99 letters and digits (or 16 to 120), bare,
/// quoted, after a space, after `Bearer `, upper-case, or with a line break after it. For
/// no-leak tests: no output should hold 12 consecutive characters of the body.
///
/// ```
/// use proptest::prelude::*;
/// use stripe_gateway_rules::testing::strategy::pasted_secret;
///
/// proptest!(|((pasted, body) in pasted_secret())| {
///     prop_assert!(pasted.to_lowercase().contains(&body.to_lowercase()));
///     prop_assert!(body.len() >= 16);
/// });
/// ```
pub fn pasted_secret() -> impl Strategy<Value = (String, String)> {
    (
        prop::sample::select(vec![
            "sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_",
        ]),
        prop_oneof!["[A-Za-z0-9]{24}", "[A-Za-z0-9]{99}", "[A-Za-z0-9]{16,120}"],
        0..6u8,
    )
        .prop_map(|(prefix, body, form)| {
            let bare = format!("{prefix}{body}");
            match form {
                0 => (bare, body),
                1 => (format!("\"{bare}\""), body),
                2 => (format!(" {bare}"), body),
                3 => (format!("Bearer {bare}"), body),
                4 => (bare.to_uppercase(), body.to_uppercase()),
                _ => (format!("{bare}\n"), body),
            }
        })
}

/// The text of a secret (`sk_`) or restricted (`rk_`) key of `mode`; three in four are secret
/// keys.
pub(crate) fn secret_key_text(mode: Mode) -> impl Strategy<Value = String> {
    let kind = prop_oneof![3 => Just("sk"), 1 => Just("rk")];
    (kind, key_body()).prop_map(move |(kind, body)| format!("{kind}_{mode}_{body}"))
}

/// A parsed secret or restricted key of `mode`.
pub fn secret_key_in(mode: Mode) -> impl Strategy<Value = SecretKey> {
    secret_key_text(mode).prop_map(|s| s.parse().expect("a generated secret key parses"))
}

/// A parsed secret or restricted key of either mode.
pub fn secret_key() -> impl Strategy<Value = SecretKey> {
    mode().prop_flat_map(secret_key_in)
}

/// The text of a publishable key (`pk_`) of `mode`.
pub(crate) fn publishable_key_text(mode: Mode) -> impl Strategy<Value = String> {
    key_body().prop_map(move |body| format!("pk_{mode}_{body}"))
}

/// A parsed publishable key of `mode`.
pub fn publishable_key_in(mode: Mode) -> impl Strategy<Value = PublishableKey> {
    publishable_key_text(mode).prop_map(|s| s.parse().expect("a generated publishable key parses"))
}

/// A parsed publishable key of either mode.
pub fn publishable_key() -> impl Strategy<Value = PublishableKey> {
    mode().prop_flat_map(publishable_key_in)
}

/// The text of an account id: `acct_` and 16 letters and digits mostly, up to the 255
/// characters Stripe allows.
pub(crate) fn account_id_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "acct_[A-Za-z0-9]{16}",
        1 => "acct_[A-Za-z0-9]{1,250}",
    ]
}

/// A parsed account id.
pub fn account_id() -> impl Strategy<Value = AccountId> {
    account_id_text().prop_map(|s| s.parse().expect("a generated account id parses"))
}

/// The text of a Connect client id: `ca_` and 32 letters and digits mostly, up to 255
/// characters.
pub(crate) fn client_id_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "ca_[A-Za-z0-9]{32}",
        1 => "ca_[A-Za-z0-9]{1,252}",
    ]
}

/// A parsed client id.
pub fn client_id() -> impl Strategy<Value = ClientId> {
    client_id_text().prop_map(|s| s.parse().expect("a generated client id parses"))
}

/// The text of an OAuth client secret (opaque): `cs_` and 16 to 64 letters, digits and
/// underscores.
pub(crate) fn client_secret_text() -> impl Strategy<Value = String> {
    "cs_[A-Za-z0-9_]{16,64}"
}

/// A parsed OAuth client secret.
pub fn client_secret() -> impl Strategy<Value = ClientSecret> {
    client_secret_text().prop_map(|s| s.parse().expect("a generated client secret parses"))
}

/// The text of an OAuth refresh token (opaque): `rt_` and 16 to 64 letters and digits.
pub(crate) fn refresh_token_text() -> impl Strategy<Value = String> {
    "rt_[A-Za-z0-9]{16,64}"
}

/// A parsed OAuth refresh token.
pub fn refresh_token() -> impl Strategy<Value = RefreshToken> {
    refresh_token_text().prop_map(|s| s.parse().expect("a generated refresh token parses"))
}
