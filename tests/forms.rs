//! Issue 18, "one pair of verbs on every form": every form, draft and settings type is judged
//! by `check` (every finding) and `validate` (the validated value, or the same findings); a
//! valid connection's form validates into a connection, not an error; the loader returns
//! the form beside its load report, and nothing found while loading stays in the form.
//!
//! One test per platform over its bundled forms (`examples/configs/`), read as the tool reads
//! them: each valid form is `Ok` through `validate` and error-free through `check`, each
//! invalid one gives the same findings through both (codes, paths, severities, order).

use secrecy::SecretString;
use stripe_gateway_rules::connection::ConnectionSettingsConfig;
use stripe_gateway_rules::profile::Platform;
use stripe_gateway_rules::{Report, Severity, credentials::AuthScheme};
use stripe_gateway_rules::{
    codes::ViolationCode,
    config::{AuthConfig, Form, GatewayDraft, Loaded, ValidatedForm},
};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/configs");

/// What a bundled form is expected to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// Valid, with the payment fields: a payment gateway.
    Gateway,
    /// Valid, without payment fields: a connection.
    Connection,
    /// At least one error.
    Invalid,
}

/// Every bundled form, with what it is. A test below checks that this covers the directory.
const BUNDLED: &[(&str, Platform, Expect)] = &[
    ("billing-run.json", Platform::PortaBilling, Expect::Gateway),
    (
        "cdata-oauth2.json",
        Platform::DataConnector,
        Expect::Connection,
    ),
    (
        "data-connector-oauth2.json",
        Platform::DataConnector,
        Expect::Connection,
    ),
    (
        "data-connector-test-key.json",
        Platform::DataConnector,
        Expect::Connection,
    ),
    ("everything-wrong.json", Platform::Generic, Expect::Invalid),
    (
        "iconduct-connector-test.json",
        Platform::IpaasConnector,
        Expect::Connection,
    ),
    (
        "ipaas-connector-unfinished.json",
        Platform::IpaasConnector,
        Expect::Invalid,
    ),
    (
        "ipaas-connector.json",
        Platform::IpaasConnector,
        Expect::Connection,
    ),
    ("kartra-api-keys.json", Platform::Kartra, Expect::Invalid),
    ("kartra-connect.json", Platform::Kartra, Expect::Connection),
    ("kartra.json", Platform::Kartra, Expect::Connection),
    (
        "konnektive-v1-new.json",
        Platform::Konnektive,
        Expect::Invalid,
    ),
    ("konnektive-v2.json", Platform::Konnektive, Expect::Gateway),
    (
        "portabilling-chf-settlement.json",
        Platform::PortaBilling,
        Expect::Invalid,
    ),
    (
        "portabilling-usd.json",
        Platform::PortaBilling,
        Expect::Gateway,
    ),
];

fn load(file: &str) -> Loaded {
    let text = std::fs::read_to_string(format!("{DIR}/{file}")).unwrap();
    Form::from_json(&text).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// (path, code, severity) of every finding, in order.
fn findings(report: &Report) -> Vec<(String, String, Severity)> {
    report
        .violations()
        .iter()
        .map(|v| (v.path().to_string(), v.code().to_string(), v.severity()))
        .collect()
}

/// `check` and `validate` agree on `file`, and it is what `BUNDLED` says.
fn assert_one_verdict(file: &str, expect: Expect) {
    let loaded = load(file);
    let profile = loaded.profile();
    let checked = loaded.check(&profile);
    match (loaded.validate(&profile), expect) {
        (Ok(form), Expect::Gateway | Expect::Connection) => {
            assert!(checked.is_valid(), "{file}: {checked}");
            assert_eq!(findings(&form.report()), findings(&checked), "{file}");
            assert_eq!(form.report(), checked, "{file}");
            match (&form, expect) {
                (ValidatedForm::Gateway(g), Expect::Gateway) => {
                    assert!(!g.currencies().is_empty(), "{file}");
                }
                (ValidatedForm::Connection(c), Expect::Connection) => {
                    assert!(c.auth().is_some(), "{file}");
                    let not_a_gateway = form.into_gateway().unwrap_err();
                    assert_eq!(
                        *not_a_gateway.code(),
                        ViolationCode::PaymentFieldsMissing,
                        "{file}"
                    );
                }
                (form, _) => panic!("{file}: expected {expect:?}, got {form:?}"),
            }
        }
        (Err(refused), Expect::Invalid) => {
            assert!(!refused.is_valid(), "{file}");
            assert_eq!(findings(&refused), findings(&checked), "{file}");
            assert_eq!(refused, checked, "{file}");
        }
        (got, _) => panic!("{file}: expected {expect:?}, got {got:?}"),
    }
    // The form is of the kind its platform's form is: a payment gateway's or a connection's.
    match expect {
        Expect::Gateway => assert!(loaded.form().gateway().is_some(), "{file}"),
        Expect::Connection => assert!(loaded.form().connection().is_some(), "{file}"),
        Expect::Invalid => {}
    }
    // A clean file's form alone gives the same verdict as the file.
    if loaded.load_report().is_empty() {
        assert_eq!(loaded.form().check(&profile), checked, "{file}");
    }
}

/// The bundled forms of `platform`: each names it in its `platform` field (none: generic).
fn assert_platform(platform: Platform) {
    let mut seen = 0;
    for &(file, of, expect) in BUNDLED.iter().filter(|(_, p, _)| *p == platform) {
        let loaded = load(file);
        let named = loaded.form().platform().unwrap_or("generic");
        assert_eq!(named, of.as_str(), "{file}");
        assert_one_verdict(file, expect);
        seen += 1;
    }
    assert!(seen > 0, "no bundled form of {platform}");
}

#[test]
fn issue_18_every_bundled_form_is_a_case() {
    let mut files: Vec<String> = std::fs::read_dir(DIR)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    files.sort();
    let listed: Vec<String> = BUNDLED.iter().map(|(f, _, _)| (*f).to_owned()).collect();
    assert_eq!(files, listed);
}

#[test]
fn issue_18_s0_konnektive_forms_give_one_verdict_through_check_and_validate() {
    assert_platform(Platform::Konnektive);
}

#[test]
fn issue_18_s1_ipaas_connector_forms_give_one_verdict_through_check_and_validate() {
    assert_platform(Platform::IpaasConnector);
}

#[test]
fn issue_18_s2_kartra_forms_give_one_verdict_through_check_and_validate() {
    assert_platform(Platform::Kartra);
}

#[test]
fn issue_18_s3_data_connector_forms_give_one_verdict_through_check_and_validate() {
    assert_platform(Platform::DataConnector);
}

#[test]
fn issue_18_s4_portabilling_forms_give_one_verdict_through_check_and_validate() {
    assert_platform(Platform::PortaBilling);
}

#[test]
fn issue_18_generic_forms_give_one_verdict_through_check_and_validate() {
    assert_platform(Platform::Generic);
}

/// The bug of issue 18: `validate()` of the bundled, valid Kartra Connect form was an error.
#[test]
fn issue_18_the_valid_kartra_connect_form_validates_into_a_connection() {
    let loaded = load("kartra-connect.json");
    let form = loaded
        .validate(&loaded.profile())
        .expect("a valid connection validates");
    let connection = form.connection().expect("a connection");
    assert_eq!(connection.name(), Some("Stripe (Acme Coaching)"));
    assert!(matches!(
        connection.auth(),
        Some(AuthScheme::Connect { .. })
    ));
    assert!(form.warnings().is_empty());
}

/// The loader's findings are beside the form, never in it: a form taken out of its file and
/// edited is judged as it is now.
#[test]
fn issue_18_a_form_edited_after_loading_carries_no_stale_load_finding() {
    let loaded = Form::from_json(
        r#"{ "platform": "kartra", "nmae": "Stripe", "existing": "yes",
             "auth": { "scheme": "connect", "account_id": "acct_1R3fqDP6919yCiFv", "account_name": "Acme Coaching LLC" } }"#,
    )
    .unwrap();
    let at: Vec<(String, String, Severity)> = findings(loaded.load_report());
    assert_eq!(
        at,
        [
            ("nmae".into(), "unknown_field".into(), Severity::Error),
            ("existing".into(), "wrong_type".into(), Severity::Error),
        ]
    );
    // The check merges them in field order (an unknown field after the known ones).
    let mut in_field_order = at.clone();
    in_field_order.reverse();
    assert_eq!(findings(&loaded.check(&loaded.profile())), in_field_order);
    assert!(loaded.validate(&loaded.profile()).is_err());

    let (form, load_report) = loaded.into_parts();
    assert_eq!(findings(&load_report), at);
    let Form::Connection(mut form) = form else {
        panic!("Kartra's form is a connection's: {form:?}")
    };
    form.existing = true;
    form.name = Some("Stripe".into());
    let report = form.check(&form.profile());
    assert!(report.is_empty(), "{report}");
    assert!(matches!(
        form.validate(&form.profile()),
        Ok(ValidatedForm::Connection(_))
    ));
}

/// A typed draft has the same pair of verbs: the same findings either way, and a valid
/// connection's draft is a connection.
#[test]
fn issue_18_a_gateway_draft_gives_one_verdict_through_check_and_validate() {
    let key = "sk_live_4eC39HqLyjWDarjtT1zdp7dc".parse().unwrap();
    let data = GatewayDraft::new("Stripe reporting", AuthScheme::api_key(key));
    let profile = Platform::DataConnector.profile();
    let form = data.validate(&profile).expect("valid");
    assert_eq!(form.report(), data.check(&profile));
    assert!(matches!(form, ValidatedForm::Connection(_)));

    let generic = Platform::Generic.profile();
    let refused = data.validate(&generic).unwrap_err();
    assert_eq!(refused, data.check(&generic));
    assert!(refused.has(ViolationCode::MissingField));
}

/// S1's settings and an `auth` object alone: the same pair of verbs, the same findings.
#[test]
fn issue_18_connection_settings_and_auth_give_one_verdict_through_check_and_validate() {
    let mut draft = ConnectionSettingsConfig::default();
    assert_eq!(draft.validate().unwrap_err(), draft.check());
    draft.name = Some("Stripe".into());
    draft.active = true;
    draft.secret_key = Some(SecretString::from("sk_test_4eC39HqLyjWDarjtT1zdp7dc"));
    assert!(draft.validate().is_ok());
    let warnings = draft.check();
    assert!(warnings.is_valid() && !warnings.is_empty(), "{warnings}");

    let generic = Platform::Generic.profile();
    let publishable = AuthConfig::api_key("pk_test_TYooMQauvdEDq54NiTphI7jx");
    assert_eq!(
        publishable.validate(&generic).unwrap_err(),
        publishable.check(&generic)
    );
    // The profile decides which schemes the form offers: Kartra's only Connect.
    let api_key = AuthConfig::api_key("sk_test_4eC39HqLyjWDarjtT1zdp7dc");
    assert!(api_key.validate(&generic).is_ok());
    assert!(api_key.check(&generic).is_empty());
    let kartra = Platform::Kartra.profile();
    assert_eq!(
        api_key.validate(&kartra).unwrap_err(),
        api_key.check(&kartra)
    );
}

/// Issue 18, forms by kind: the file's `platform` picks the kind of form it is read as, a
/// field of the other kind is not in the form (the file's check reports it as
/// `field_not_on_form`, rules §11), and serde reads each kind only from a file of that kind.
#[test]
fn issue_18_the_platform_picks_the_kind_of_form_and_the_other_kinds_fields_stay_out() {
    let kartra = r#"{ "platform": "kartra", "currencies": [{ "currency": "USD", "minimum_payment": "0.50" }],
        "auth": { "scheme": "connect", "account_id": "acct_1R3fqDP6919yCiFv", "account_name": "Acme Coaching LLC" } }"#;
    let loaded = Form::from_json(kartra).unwrap();
    assert!(loaded.load_report().is_empty(), "{}", loaded.load_report());
    let Form::Connection(form) = loaded.form() else {
        panic!("Kartra's is a connection's form: {:?}", loaded.form())
    };
    assert!(form.auth.is_some());
    // The file as read: the currencies Kartra's form does not have are reported and ignored.
    let file = loaded.check(&loaded.profile());
    assert_eq!(
        findings(&file),
        [(
            "currencies".to_owned(),
            "field_not_on_form".to_owned(),
            Severity::Warning
        )]
    );
    // The form alone has no such field to report.
    assert!(form.check(&form.profile()).is_empty());

    // No platform: the generic form, a payment gateway's; S1's fields are not on it.
    let generic = Form::from_json(r#"{ "name": "Stripe", "timeout_ms": 30000 }"#).unwrap();
    assert!(generic.form().gateway().is_some());
    assert!(
        generic
            .check(&generic.profile())
            .violations()
            .iter()
            .any(|v| v.path() == "timeout_ms" && *v.code() == ViolationCode::FieldNotOnForm)
    );

    // serde: each kind from a file of its kind, and `Form` from either.
    let refused = serde_json::from_str::<stripe_gateway_rules::GatewayConfig>(kartra)
        .unwrap_err()
        .to_string();
    assert_eq!(
        refused,
        "not a payment gateway's form: its platform's form is a connection's"
    );
    let read: stripe_gateway_rules::config::ConnectionConfig =
        serde_json::from_str(kartra).unwrap();
    assert_eq!(read.platform.as_deref(), Some("kartra"));
    let either: Form = serde_json::from_str(kartra).unwrap();
    assert!(either.connection().is_some());
}

/// Issue 18: a platform's own check gets the form of its kind.
#[test]
fn issue_18_a_platforms_own_check_reads_the_form_of_its_kind() {
    use std::sync::{Arc, Mutex};
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    let profile =
        Platform::Kartra
            .profile()
            .with_check(move |form: &Form, _report: &mut Report| {
                log.lock().unwrap().push(form.connection().is_some());
            });
    let mut form = stripe_gateway_rules::config::ConnectionConfig::default();
    form.platform = Some("kartra".into());
    form.auth = Some(AuthConfig::connect(
        "acct_1R3fqDP6919yCiFv",
        "Acme Coaching LLC",
    ));
    assert!(form.check(&profile).is_empty());
    assert!(form.validate(&profile).is_ok());
    assert_eq!(*seen.lock().unwrap(), [true, true]);
}
