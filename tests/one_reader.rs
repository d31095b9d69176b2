//! One reader per input (issue 18): serde's `Deserialize` of the forms runs the field-level
//! loader of `Form::from_json`, so the same JSON gives the same verdict through
//! both doors: a value of the wrong JSON type, an unknown field or a field given twice is
//! refused by serde with the loader's first finding, and a secret pasted anywhere is never
//! echoed (rules.md §1, §10).
#![cfg(feature = "serde")]

use serde_json::{Value, json};
use stripe_gateway_rules::config::{Form, GatewayConfig};
use stripe_gateway_rules::connection::{ConnectionSettings, ConnectionSettingsConfig};
use stripe_gateway_rules::{ViolationCode, credentials::AuthScheme};

const BODY: &str = "4eC39HqLyjWDarjtT1zdp7dc";

/// A valid live V2 configuration (S4's USD example, rules.md §6).
fn base() -> Value {
    json!({
        "name": "Stripe USD",
        "version": "v2",
        "mode": "live",
        "auth": { "scheme": "api_key", "secret_key": format!("sk_live_{BODY}") },
        "account": { "settlement_currency": "USD" },
        "card_brands": ["visa", "mastercard"],
        "currencies": [{ "currency": "USD", "minimum_payment": "0.50" }],
        "return_url": "https://shop.example/3ds-return",
        "live_card_tested": true
    })
}

/// `base()`'s text with `edit` spliced in before its closing brace (so that duplicates and
/// unknown names survive, which a `Value` would not keep).
fn spliced(edit: &str) -> String {
    let text = base().to_string();
    format!("{}, {edit}}}", &text[..text.len() - 1])
}

/// The first finding of `from_json`'s load report and serde's refusal of the same text.
fn both(json: &str) -> (stripe_gateway_rules::diagnostics::Code, String, String) {
    let loaded = Form::from_json(json).expect("a readable file");
    let first = loaded
        .load_report()
        .violations()
        .first()
        .expect("a load finding")
        .clone();
    let refused = serde_json::from_str::<GatewayConfig>(json)
        .expect_err("serde refuses what the loader finds")
        .to_string();
    (first.code().clone(), first.message().to_owned(), refused)
}

#[test]
fn a_clean_file_reads_the_same_form_through_from_json_and_serde() {
    let json = base().to_string();
    let loaded = Form::from_json(&json).unwrap();
    assert!(loaded.load_report().is_empty());
    let form: GatewayConfig = serde_json::from_str(&json).unwrap();
    assert_eq!(
        format!("{form:?}"),
        format!("{:?}", loaded.form().gateway().unwrap())
    );
    assert_eq!(
        form.check(&form.profile()).to_string(),
        loaded.check(&loaded.profile()).to_string()
    );
    // From a `serde_json::Value` too, embedded in a struct of the user's own.
    #[derive(serde::Deserialize)]
    struct Shop {
        gateway: GatewayConfig,
    }
    let shop: Shop = serde_json::from_value(json!({ "gateway": base() })).unwrap();
    assert_eq!(format!("{:?}", shop.gateway), format!("{form:?}"));
}

#[test]
fn a_load_finding_is_serdes_refusal_with_the_same_message() {
    for (edit, code) in [
        (r#""existing": "yes""#, ViolationCode::WrongType),
        (r#""nmae": "Stripe""#, ViolationCode::UnknownField),
        (r#""name": "Stripe EUR""#, ViolationCode::DuplicateField),
        (r#""secret_key": "x""#, ViolationCode::UnknownField),
    ] {
        let json = spliced(edit);
        let (found, message, refused) = both(&json);
        assert_eq!(found, code, "{edit}");
        assert!(
            refused.starts_with(&message),
            "{edit}: {refused} / {message}"
        );
    }
    // Nested: the path of the finding is the same.
    let mut config = base();
    config["currencies"][0]["minimum_payment"] = json!(true);
    let (found, message, refused) = both(&config.to_string());
    assert_eq!(found, ViolationCode::WrongType);
    assert!(
        message.starts_with("currencies[0].minimum_payment is a boolean"),
        "{message}"
    );
    assert!(refused.starts_with(&message), "{refused}");
}

#[test]
fn several_findings_refuse_with_the_first_and_count_the_others() {
    let json = spliced(r#""existing": "yes", "radar": 1, "nmae": "x""#);
    let (_, message, refused) = both(&json);
    assert!(
        refused.starts_with(&format!("{message} (and 2 more problems)")),
        "{refused}"
    );
}

#[test]
fn a_secret_in_a_wrong_typed_or_unknown_field_is_never_echoed_by_either_door() {
    let secret = format!("sk_live_{BODY}");
    for edit in [
        format!(r#""existing": "{secret}""#),
        format!(r#""card_brands": ["visa", {{"k": "{secret}"}}]"#),
        format!(r#""{secret}": 1"#),
    ] {
        let json = spliced(&edit);
        let (_, message, refused) = both(&json);
        assert!(!message.contains(BODY), "{message}");
        assert!(!refused.contains(BODY), "{refused}");
    }
    // In the auth object, read on its own as an `AuthScheme`.
    for auth in [
        json!({ "scheme": "api_key", "secret_key": [secret] }),
        json!({ "scheme": "api_key", "account_id": secret }),
        json!({ "scheme": secret }),
    ] {
        let refused = match serde_json::from_value::<AuthScheme>(auth.clone()) {
            Ok(_) => panic!("{auth} is refused"),
            Err(e) => e.to_string(),
        };
        assert!(!refused.contains(BODY), "{refused}");
    }
}

#[test]
fn an_auth_object_gets_the_same_verdict_as_in_a_configuration() {
    // Wrong type: the same finding, at `auth.secret_key` in the file and `secret_key` alone.
    let auth = json!({ "scheme": "api_key", "secret_key": 42 });
    let mut config = base();
    config["auth"] = auth.clone();
    let (found, message, _) = both(&config.to_string());
    assert_eq!(found, ViolationCode::WrongType);
    let refused = serde_json::from_value::<AuthScheme>(auth)
        .expect_err("refused")
        .to_string();
    let alone = message.strip_prefix("auth.").expect("at auth.secret_key");
    assert!(refused.starts_with(alone), "{refused} / {message}");

    // Duplicate and unknown fields are refused, as the loader finds them.
    let e = serde_json::from_str::<AuthScheme>(&format!(
        r#"{{"scheme":"api_key","secret_key":"sk_live_{BODY}","scheme":"api_key"}}"#
    ))
    .expect_err("refused")
    .to_string();
    assert!(e.starts_with("scheme is given more than once"), "{e}");
    let e = serde_json::from_str::<AuthScheme>(r#"{"scheme":"api_key","secret_kye":"x"}"#)
        .expect_err("refused")
        .to_string();
    assert!(
        e.starts_with(
            "unknown field \"secret_kye\" in the auth object; did you mean `secret_key`?"
        ),
        "{e}"
    );

    // Valid: the same scheme as the configuration's `auth` validates into.
    let mut config = base();
    let connect = json!({ "scheme": "connect", "account_id": "acct_1R3fqDP6919yCiFv" });
    config["auth"] = connect.clone();
    let loaded = Form::from_json(&config.to_string()).unwrap();
    let from_file = loaded
        .form()
        .gateway()
        .unwrap()
        .auth
        .as_ref()
        .unwrap()
        .validate(&loaded.profile())
        .unwrap();
    let alone: AuthScheme = serde_json::from_value(connect).unwrap();
    assert_eq!(alone.name(), from_file.name());
    assert_eq!(alone.name(), "connect");
}

#[test]
fn the_connection_settings_are_read_field_by_field_by_the_same_reader() {
    // Wrong type: refused with the field's path and what to write, the value never quoted.
    let e = serde_json::from_str::<ConnectionSettingsConfig>(&format!(
        r#"{{"active": "sk_live_{BODY}"}}"#
    ))
    .unwrap_err()
    .to_string();
    assert!(e.starts_with("active is a string, "), "{e}");
    assert!(!e.contains(BODY), "{e}");
    // A field given twice, as in a configuration file.
    let e = serde_json::from_str::<ConnectionSettingsConfig>(r#"{"name": "a", "name": "b"}"#)
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("name is given more than once"), "{e}");
    // Not an object at all.
    let e = serde_json::from_str::<ConnectionSettings>(&format!(r#""sk_live_{BODY}""#))
        .unwrap_err()
        .to_string();
    assert!(e.starts_with("the value is a string, "), "{e}");
    assert!(!e.contains(BODY), "{e}");
    // A timeout as a number is read exactly from its text, as an amount in a configuration.
    let draft: ConnectionSettingsConfig =
        serde_json::from_str(r#"{"name": "Stripe", "timeout_ms": 3e4}"#).unwrap();
    assert_eq!(draft.timeout_ms.as_deref(), Some("30000"));
}
