//! Issue 9: a secret pasted into any field of any input type never reaches an output.
//!
//! Each input type the crate parses (connection settings draft, auth scheme, OAuth callback
//! URL and redirect URI, API version, timeout, money, every credential slot) gets a secret
//! pasted into each of its fields, in the forms people paste them (bare, quoted, after a space,
//! after `Bearer `, upper-case, with a line break; bodies of 24 and 99 characters), and no
//! output channel (Display, Debug, the report's JSON) may hold 12 consecutive characters of
//! the secret's body. The gateway configuration's own fields are covered by
//! `tests/properties_safety.rs`, the operation lines and the tool by the CLI's tests.
#![cfg(all(feature = "serde", feature = "proptest"))]

use proptest::prelude::*;
use secrecy::SecretString;
use stripe_gateway_rules::config::{AuthConfig, ConnectionConfig, Form};
use stripe_gateway_rules::connection::{
    AuthorizeRequest, ConnectionSettingsConfig, OAuthScope, OAuthState, Timeout, parse_callback,
};
use stripe_gateway_rules::credentials::{ClientSecret, RefreshToken};
use stripe_gateway_rules::diagnostics::ToViolation;
use stripe_gateway_rules::testing::strategy::pasted_secret;
use stripe_gateway_rules::{
    Money, api_version::ApiVersion, credentials::AccountId, credentials::AuthScheme,
    credentials::ClientId, credentials::Mode, credentials::PublishableKey, credentials::SecretKey,
};

fn assert_no_leak(what: &str, outputs: &[String], body: &str) -> Result<(), TestCaseError> {
    for text in outputs {
        for window in body.as_bytes().windows(12) {
            let window = std::str::from_utf8(window).expect("ASCII");
            prop_assert!(
                !text.contains(window),
                "{what}: {window:?} of the secret in:\n{text}"
            );
        }
    }
    Ok(())
}

/// Display and Debug of a result.
fn shown<T: std::fmt::Debug, E: std::fmt::Display + std::fmt::Debug>(
    r: &Result<T, E>,
) -> Vec<String> {
    match r {
        Ok(v) => vec![format!("{v:?}")],
        Err(e) => vec![e.to_string(), format!("{e:?}")],
    }
}

const STATE: &str = "k3J9xQ2mVb7LwZ4pT8rN";

proptest! {
    /// Issue 18, rules §1: a secret in any field of a connection's form (each of its own
    /// fields, and the `auth` object's) reaches no output: the form's `Debug`, its check and
    /// validation under each connection platform's profile, and the same form read from JSON.
    #[test]
    fn connection_form(
        (secret, body) in pasted_secret(),
        field in 0..9usize,
        platform in prop::sample::select(vec!["ipaas_connector", "kartra", "data_connector"]),
    ) {
        let mut form = ConnectionConfig::default();
        form.platform = Some(platform.into());
        form.name = Some("Stripe".into());
        form.auth = Some(AuthConfig::api_key("sk_test_4eC39HqLyjWDarjtT1zdp7dc"));
        let auth = form.auth.as_mut().expect("set above");
        let (key, at_top) = match field {
            0 => { form.name = Some(secret.clone()); ("name", true) }
            1 => { form.mode = Some(secret.clone()); ("mode", true) }
            2 => { form.timeout_ms = Some(secret.clone()); ("timeout_ms", true) }
            3 => { form.api_version = Some(secret.clone()); ("api_version", true) }
            4 => { form.publishable_key = Some(secret.clone()); ("publishable_key", true) }
            5 => { auth.secret_key = Some(SecretString::from(secret.clone())); ("secret_key", false) }
            6 => { auth.account_id = Some(secret.clone()); ("account_id", false) }
            7 => { auth.account_name = Some(secret.clone()); ("account_name", false) }
            _ => { auth.client_id = Some(secret.clone()); ("client_id", false) }
        };
        let profile = form.profile();
        let report = form.check(&profile);
        let mut out = vec![
            format!("{form:?}"),
            report.to_string(),
            format!("{report:?}"),
            serde_json::to_string(&report).unwrap(),
        ];
        out.extend(shown(&form.validate(&profile)));
        assert_no_leak("connection form", &out, &body)?;
        // The same form from JSON: the loaded file and serde's `Deserialize`.
        let mut auth = serde_json::json!({ "scheme": "api_key", "secret_key": "sk_test_4eC39HqLyjWDarjtT1zdp7dc" });
        let mut json = serde_json::json!({ "platform": platform, "name": "Stripe" });
        if at_top { json[key] = secret.clone().into(); } else { auth[key] = secret.clone().into(); }
        json["auth"] = auth;
        let text = json.to_string();
        let loaded = Form::from_json(&text).expect("an object");
        let report = loaded.check(&loaded.profile());
        let mut out = vec![format!("{loaded:?}"), report.to_string(), serde_json::to_string(&report).unwrap()];
        out.extend(shown(&serde_json::from_str::<ConnectionConfig>(&text)));
        assert_no_leak("connection form from JSON", &out, &body)?;
    }

    /// rules §1: a secret in any field of a connection settings draft reaches no output.
    #[test]
    fn connection_settings_draft(
        (secret, body) in pasted_secret(),
        field in 0..4usize,
    ) {
        let mut draft = ConnectionSettingsConfig::default();
        draft.name = Some("Stripe".into());
        draft.secret_key = Some(SecretString::from("sk_test_4eC39HqLyjWDarjtT1zdp7dc"));
        match field {
            0 => draft.name = Some(secret.clone()),
            1 => draft.timeout_ms = Some(secret.clone()),
            2 => draft.api_version = Some(secret.clone()),
            _ => draft.secret_key = Some(SecretString::from(secret.clone())),
        }
        let report = draft.check();
        let mut out = vec![
            format!("{draft:?}"),
            report.to_string(),
            format!("{report:?}"),
            serde_json::to_string(&report).unwrap(),
        ];
        out.extend(shown(&draft.validate()));
        assert_no_leak("settings draft", &out, &body)?;
        // The same draft from JSON.
        let key = ["name", "timeout_ms", "api_version", "secret_key"][field];
        let json = serde_json::json!({ "name": "Stripe", key: secret }).to_string();
        let parsed = serde_json::from_str::<ConnectionSettingsConfig>(&json);
        assert_no_leak("settings draft from JSON", &shown(&parsed), &body)?;
    }

    /// rules §1: a secret in any field of an `auth` object, in each scheme, reaches no output.
    #[test]
    fn auth_scheme(
        (secret, body) in pasted_secret(),
        scheme in prop::sample::select(vec!["api_key", "oauth2", "connect"]),
        field in prop::sample::select(vec![
            "scheme", "secret_key", "account_id", "client_id", "client_secret", "refresh_token",
            "account_name",
        ]),
    ) {
        let mut object = serde_json::json!({ "scheme": scheme });
        object[field] = serde_json::Value::String(secret.clone());
        let parsed = serde_json::from_value::<AuthScheme>(object);
        assert_no_leak("auth scheme", &shown(&parsed), &body)?;
    }

    /// rules §1: a secret in any parameter of an OAuth callback URL reaches no output.
    #[test]
    fn oauth_callback_url(
        (secret, body) in pasted_secret(),
        field in prop::sample::select(vec!["code", "state", "scope", "error", "error_description"]),
    ) {
        let encoded: String = url::form_urlencoded::byte_serialize(secret.as_bytes()).collect();
        let query = match field {
            "state" => format!("code=ac_123&state={encoded}"),
            "error" | "error_description" => format!("{field}={encoded}&state={STATE}"),
            _ => format!("{field}={encoded}&code=ac_123&state={STATE}"),
        };
        let url = url::Url::parse(&format!("https://billing.example.com/cb?{query}")).unwrap();
        let state: OAuthState = STATE.parse().unwrap();
        let result = parse_callback(&url, &state);
        let mut out = shown(&result);
        if let Err(e) = &result {
            let v = e.to_violation(stripe_gateway_rules::diagnostics::Path::root());
            out.push(v.to_string());
            out.push(serde_json::to_string(&v).unwrap());
        }
        assert_no_leak("OAuth callback", &out, &body)?;
    }

    /// rules §1: a secret as or in a redirect URI, an OAuth state or a scope reaches no output.
    #[test]
    fn oauth_redirect_uri_and_state(
        (secret, body) in pasted_secret(),
    ) {
        let client: ClientId = "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb".parse().unwrap();
        let state: OAuthState = STATE.parse().unwrap();
        let request = AuthorizeRequest::new(client, OAuthScope::ReadWrite, &state, Mode::Live);
        for uri in [
            secret.clone(),
            format!("https://{secret}"),
            format!("http://billing.example.com/{secret}"),
            format!("https://billing.example.com/cb#{secret}"),
            format!("ftp://{secret}"),
        ] {
            let result = request.clone().redirect_uri(&uri).map(|_| ());
            assert_no_leak("redirect URI", &shown(&result), &body)?;
        }
        assert_no_leak("OAuth state", &shown(&secret.parse::<OAuthState>()), &body)?;
        assert_no_leak("OAuth scope", &shown(&secret.parse::<OAuthScope>()), &body)?;
    }

    /// rules §1: a secret as or in an API version, a timeout or money text reaches no output.
    #[test]
    fn api_version_timeout_and_money((secret, body) in pasted_secret()) {
        assert_no_leak("API version", &shown(&secret.parse::<ApiVersion>()), &body)?;
        assert_no_leak("API version", &shown(&format!("2025-03-31.{secret}").parse::<ApiVersion>()), &body)?;
        assert_no_leak("timeout", &shown(&secret.parse::<Timeout>()), &body)?;
        for text in [secret.clone(), format!("0.50 {secret}"), format!("{secret} USD")] {
            assert_no_leak("money", &shown(&text.parse::<Money>()), &body)?;
        }
    }

    /// rules §1: a secret in any credential slot reaches no output, its violation included.
    #[test]
    fn every_credential_slot((secret, body) in pasted_secret()) {
        let mut out = Vec::new();
        out.extend(shown(&secret.parse::<SecretKey>()));
        out.extend(shown(&secret.parse::<PublishableKey>()));
        out.extend(shown(&secret.parse::<AccountId>()));
        out.extend(shown(&secret.parse::<ClientId>()));
        out.extend(shown(&secret.parse::<ClientSecret>()));
        out.extend(shown(&secret.parse::<RefreshToken>()));
        if let Err(e) = secret.parse::<SecretKey>() {
            let v = e.to_violation(stripe_gateway_rules::diagnostics::Path::field("secret_key"));
            out.push(v.to_string());
            out.push(serde_json::to_string(&v).unwrap());
        }
        assert_no_leak("credentials", &out, &body)?;
    }
}

/// The outputs of a line's request check: its parse, its check, the error's Display, Debug,
/// remedy and violation.
fn request_outputs(line: &str) -> Vec<String> {
    use stripe_gateway_rules::diagnostics::Path;
    use stripe_gateway_rules::operation::OperationLine;
    let mut out = Vec::new();
    match OperationLine::parse(line) {
        Err(e) => out.extend([e.to_string(), format!("{e:?}")]),
        Ok(parsed) => {
            out.push(format!("{parsed:?}"));
            if let Err(e) = parsed.operation() {
                out.extend([e.to_string(), format!("{e:?}")]);
            }
            if let Err(e) = parsed.check_request(None) {
                out.extend([
                    e.to_string(),
                    format!("{e:?}"),
                    e.remedy().to_owned(),
                    format!("{:?}", e.to_violation(Path::field("line"))),
                ]);
            }
        }
    }
    out
}

proptest! {
    /// rules §13 (issue 20): a secret or a card number pasted into a statement descriptor, a
    /// suffix, a description, a metadata key or value, or an idempotency key reaches no
    /// output: it is refused by its code and never printed back, and `Debug` of a line shows
    /// these fields' lengths only.
    #[test]
    fn request_fields_of_a_line((secret, body) in pasted_secret(), card in prop::sample::select(vec![
        "4242424242424242", "4242 4242 4242 4242", "5555-5555-5555-4444", "378282246310005",
    ])) {
        use stripe_gateway_rules::codes::RequestCode;
        use stripe_gateway_rules::request::{Description, Metadata, StatementDescriptor, StatementDescriptorSuffix};
        let json = serde_json::to_string(&secret).unwrap();
        let sale = r#"{"op":"sale","amount":"12.00","currency":"usd","card":"saved","#;
        for field in ["statement_descriptor", "statement_descriptor_suffix", "description", "idempotency_key"] {
            assert_no_leak(field, &request_outputs(&format!("{sale}\"{field}\":{json}}}")), &body)?;
        }
        assert_no_leak("metadata value", &request_outputs(&format!("{sale}\"metadata\":{{\"k\":{json}}}}}")), &body)?;
        assert_no_leak("metadata key", &request_outputs(&format!("{sale}\"metadata\":{{{json}:\"v\"}}}}")), &body)?;
        for text in [secret.clone(), format!("ACME {secret}")] {
            assert_no_leak("descriptor", &shown(&text.parse::<StatementDescriptor>()), &body)?;
            assert_no_leak("suffix", &shown(&text.parse::<StatementDescriptorSuffix>()), &body)?;
            assert_no_leak("description", &shown(&text.parse::<Description>()), &body)?;
            assert_no_leak("metadata", &shown(&Metadata::new([("k", text.as_str())])), &body)?;
        }
        // A card number: refused by its code wherever it is pasted, never printed back.
        let digits: String = card.chars().filter(char::is_ascii_digit).collect();
        let card_json = serde_json::to_string(&format!("paid {card}")).unwrap();
        for field in ["statement_descriptor_suffix", "description"] {
            let outputs = request_outputs(&format!("{sale}\"{field}\":{card_json}}}"));
            prop_assert!(outputs.iter().all(|o| !o.contains(card) && !o.contains(&digits[4..12])), "{:?}", outputs);
        }
        let err = Metadata::new([("pan", card)]).unwrap_err();
        prop_assert_eq!(err.code(), RequestCode::CardNumberInText);
        let shown_err = format!("{err} {err:?}");
        prop_assert!(!shown_err.contains(&digits[4..12]), "{}", shown_err);
    }
}
