//! Bugs found by the fuzz targets' no-leak property (`fuzz/`, see benches/README.md,
//! "Fuzzing"): a secret pasted into a field reaches an output. Each test is the minimal case
//! of one finding, numbered as in the fuzz targets (`assert_clean_known("N", …)`), and is
//! `#[ignore]`d until the fix lands in `src/`; then the `ignore` goes (and the target checks
//! that channel without `FUZZ_STRICT`).

use stripe_gateway_rules::connection::{
    AuthorizeRequest, ConnectionSettings, ConnectionSettingsConfig, OAuthScope, OAuthState,
};
use stripe_gateway_rules::operation::OperationLine;
use stripe_gateway_rules::{credentials::ClientId, credentials::Mode};

/// A key body of lowercase letters and digits (a host keeps it as is).
const BODY: &str = "47rxgjs6lhyfcrl80xa37476e";

fn secrets() -> [String; 3] {
    [
        format!("sk_live_{BODY}"),
        format!("rk_test_{BODY}"),
        format!("whsec_{BODY}"),
    ]
}

/// rules §1: finding 1 (`connection_settings`): `ConnectionSettingsConfig` and `ConnectionSettings`
/// derive `Deserialize`, and serde_json's own message quotes the value it refuses
/// (`invalid type: string "sk_live_…", expected a boolean`) and an unknown field's name
/// whole. `Form::from_json` redacts these messages; the settings have no such
/// reader. A fix: a `from_json` that redacts like `Form::from_json`, or
/// deserializers whose errors never quote the value.
#[test]
fn a_secret_in_the_connection_settings_json_does_not_reach_serde_errors() {
    for secret in secrets() {
        for json in [
            format!(r#"{{"active": "{secret}"}}"#),
            format!(r#"{{"name": "Stripe", "{secret}": 1}}"#),
            format!(r#""{secret}""#),
        ] {
            let e = serde_json::from_str::<ConnectionSettingsConfig>(&json).unwrap_err();
            assert!(!e.to_string().contains(BODY), "{json} -> {e}");
            let e = serde_json::from_str::<ConnectionSettings>(&json).unwrap_err();
            assert!(!e.to_string().contains(BODY), "{json} -> {e}");
        }
    }
}

/// rules §1: finding 2 (`oauth_callback`): `OAuthError::RedirectUriNotHttps` prints the host of an
/// http redirect URI whole (`found http://{host}`), not through `InputExcerpt` or
/// `truncated`; a secret pasted as the host (it parses: `_` is allowed, and a lowercase body
/// stays as it is) is in the message.
#[test]
fn a_secret_in_an_http_redirect_uri_host_does_not_reach_the_live_mode_error() {
    let client_id: ClientId = "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb".parse().unwrap();
    let state: OAuthState = "k3J9xQ2mVb7LwZ4pT8rN".parse().unwrap();
    for secret in secrets() {
        let uri = format!("http://{secret}.example.com/cb");
        let e = AuthorizeRequest::new(client_id.clone(), OAuthScope::ReadWrite, &state, Mode::Live)
            .redirect_uri(&uri)
            .unwrap_err();
        // Refused for holding a secret before its scheme is looked at (finding 3's fix).
        assert_eq!(e.code(), "redirect_uri_holds_secret");
        assert!(!e.to_string().contains(BODY), "{e}");
        assert!(!format!("{e:?}").contains(BODY), "{e:?}");
    }
}

/// rules §1, §9: finding 3 (`oauth_callback`): a secret pasted as the OAuth state, or into the
/// redirect URI (`https://billing.example.com/cb?key=sk_live_…`), is accepted; `OAuthState`'s
/// `Display` and `Debug` and `AuthorizeRequest`'s `Debug` print it, and the authorize URL sends it
/// to the browser and to Stripe. A state or URI that holds a secret is a mistake: a fix refuses it
/// (a new error code), as the credential parsers refuse a secret in a public slot.
#[test]
fn a_secret_is_refused_as_the_oauth_state_and_in_the_redirect_uri() {
    let client_id: ClientId = "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb".parse().unwrap();
    let state: OAuthState = "k3J9xQ2mVb7LwZ4pT8rN".parse().unwrap();
    for secret in secrets() {
        let e = secret.parse::<OAuthState>().unwrap_err();
        assert_eq!(e.code(), "state_holds_secret", "{secret}");
        let uri = format!("https://billing.example.com/cb?key={secret}");
        let e = AuthorizeRequest::new(client_id.clone(), OAuthScope::ReadWrite, &state, Mode::Test)
            .redirect_uri(&uri)
            .unwrap_err();
        assert_eq!(e.code(), "redirect_uri_holds_secret", "{uri}");
        assert!(!format!("{e} {e:?}").contains(BODY), "{e:?}");
    }
}

/// rules §1: finding 4 (`operation_line`): `OperationLine` derives `Debug`, which prints every
/// field of the line whole, a secret pasted into `op`, `amount`, `customer_email`… included. A fix:
/// a `Debug` by hand through the crate's guarded text, as `GatewayConfig`'s.
#[test]
fn a_secret_in_an_operation_line_does_not_reach_its_debug() {
    for secret in secrets() {
        for line in [
            format!(r#"{{"op": "{secret}"}}"#),
            format!(r#"{{"op": "sale", "amount": "{secret}", "currency": "USD", "card": "new"}}"#),
            format!(r#"{{"op": "save_payment_method", "customer_email": "{secret}"}}"#),
        ] {
            let parsed = OperationLine::parse(&line).unwrap();
            assert!(!format!("{parsed:?}").contains(BODY), "{parsed:?}");
        }
    }
}

/// rules §1: finding 5 (`connection_settings`): `ConnectionSettings` derives `Debug`, which prints
/// the connection's name whole; a secret pasted as the name (it is a valid name) is in it.
/// `ConnectionSettingsConfig`'s `Debug` guards the same field. (The same bug as `ValidatedGateway`'s
/// in tests/regressions.rs.)
#[test]
fn a_secret_pasted_as_the_connection_name_does_not_reach_the_settings_debug() {
    for secret in secrets() {
        let mut draft = ConnectionSettingsConfig::default();
        draft.name = Some(format!(" {secret}"));
        draft.secret_key = Some("sk_test_4eC39HqLyjWDarjtT1zdp7dc".into());
        assert!(!format!("{draft:?}").contains(BODY));
        let settings = draft.validate().unwrap();
        assert!(!format!("{settings:?}").contains(BODY), "{settings:?}");
    }
}

/// rules §1: finding 6 (`operation_line`): `OperationLine::parse` puts serde_json's message into
/// the `LineError` unchanged, and it quotes an unknown field's name and a refused value whole
/// (`unknown field `sk_live_…``, `invalid type: string "sk_live_…", expected a boolean`). A fix:
/// the redaction of `ConfigFileError` (`redact_quoted`).
#[test]
fn a_secret_in_an_operation_line_does_not_reach_the_parse_error() {
    for secret in secrets() {
        for line in [
            format!(r#"{{"op": "sale", "{secret}": 1}}"#),
            format!(r#"{{"op": "capture", "extended": "{secret}"}}"#),
        ] {
            let e = OperationLine::parse(&line).unwrap_err();
            assert!(!e.to_string().contains(BODY), "{e}");
            assert!(!format!("{e:?}").contains(BODY), "{e:?}");
        }
    }
}

/// rules §1: finding 7 (`operation_line`): `Operation` (its `Payment`) derives `Debug`, which
/// prints the customer's email whole; `operation()` does not check the email (only `check` does, in
/// token-only mode), so a secret pasted after or as the email is in the operation's `Debug`.
#[test]
fn a_secret_in_the_customer_email_does_not_reach_the_operation_debug() {
    for secret in secrets() {
        let line = format!(
            r#"{{"op": "sale", "amount": "12.00", "currency": "USD", "card": "new", "customer_email": "a@shop.example{secret}"}}"#
        );
        let parsed = OperationLine::parse(&line).unwrap();
        let op = parsed.operation().unwrap();
        assert!(!format!("{op:?}").contains(BODY), "{op:?}");
    }
}

/// rules §1: finding 8 (`operation_line`): a capture's `authorized_at` (and `at`, `capture_before`)
/// that does not parse gives an error ending with jiff's own message, which quotes the
/// unparsed rest of the input whole (`… but unparsed input " sk_live_…:00:00Z" remains`);
/// the crate's excerpt before it is cut correctly.
#[test]
fn a_secret_in_a_capture_time_does_not_reach_the_operation_error() {
    for secret in secrets() {
        let line = format!(
            r#"{{"op": "capture", "amount": "10.00", "currency": "USD", "authorized_amount": "10.00", "authorized_at": "2026-11-01T10 {secret}:00:00Z", "at": "2026-11-07T09:00:00Z", "brand": "visa", "initiator": "customer", "presence": "online", "extended": false}}"#
        );
        let parsed = OperationLine::parse(&line).unwrap();
        let e = parsed.operation().unwrap_err();
        assert!(!e.to_string().contains(BODY), "{e}");
    }
}
