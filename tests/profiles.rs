//! Platform profiles (rules §11): for each seed platform, its form as its document describes
//! it validates with no finding; each of its own mistakes (from its document) is reported with
//! the right code and path; no other platform's rule fires on it. Then one round shows
//! everything, and a platform's own profile.

use serde_json::{Value, json};
use stripe_gateway_rules::config::{Form, Loaded, ValidatedForm};
use stripe_gateway_rules::diagnostics::{Code, Violation};
use stripe_gateway_rules::profile::{AuthSchemeSet, Platform, Profile, Rule};
use stripe_gateway_rules::{Report, Severity, ViolationCode};

const SK_LIVE: &str = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
const SK_TEST: &str = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
const PK_LIVE: &str = "pk_live_TYooMQauvdEDq54NiTphI7jx";
const PK_TEST: &str = "pk_test_TYooMQauvdEDq54NiTphI7jx";

/// The file, loaded from its JSON with nothing found while loading: judged as read, with the
/// fields of the other kind of form too (`field_not_on_form`).
fn config(form: &Value) -> Loaded {
    let loaded = Form::from_json(&form.to_string()).expect("the form is of the file's shape");
    assert!(loaded.load_report().is_empty(), "{}", loaded.load_report());
    loaded
}

/// Every finding of the file's own profile (the one its `platform` names).
fn report_of(c: &Loaded) -> Report {
    c.check(&c.profile())
}

/// The file validated by its own profile.
fn validated(c: &Loaded) -> Result<ValidatedForm, Report> {
    c.validate(&c.profile())
}

/// (path, code, severity) of every finding of the form's own profile.
fn findings(form: &Value) -> Vec<(String, String, Severity)> {
    let report = report_of(&config(form));
    let found = report
        .violations()
        .iter()
        .map(|v| (v.path().to_string(), v.code().to_string(), v.severity()))
        .collect();
    for v in report.violations() {
        assert!(
            !v.to_string().contains("4eC39HqLyjWDarjtT1zdp7dc"),
            "a secret in {v}"
        );
    }
    found
}

fn error(path: &str, code: ViolationCode) -> (String, String, Severity) {
    (path.to_owned(), code.to_string(), Severity::Error)
}

fn warning(path: &str, code: ViolationCode) -> (String, String, Severity) {
    (path.to_owned(), code.to_string(), Severity::Warning)
}

/// `form` with `changes` merged in; a `null` removes the field.
fn with(form: &Value, changes: &Value) -> Value {
    let mut out = form.clone();
    merge(&mut out, changes);
    out
}

fn merge(into: &mut Value, changes: &Value) {
    if let (Value::Object(into), Value::Object(changes)) = (into, changes) {
        for (k, v) in changes {
            match v {
                Value::Null => {
                    into.remove(k);
                }
                Value::Object(_) if into.get(k).is_some_and(Value::is_object) => {
                    merge(into.get_mut(k).unwrap(), v);
                }
                _ => {
                    into.insert(k.clone(), v.clone());
                }
            }
        }
    }
}

/// The codes no rule of `platform` may report, whatever its form holds.
fn assert_no_foreign_rule(form: &Value, foreign: &[ViolationCode]) {
    let report = report_of(&config(form));
    for code in foreign {
        assert!(!report.has(*code), "{code} fired on {form}:\n{report}");
    }
}

// ---- S4 PortaBilling ---------------------------------------------------------------------------

/// S4's form: Name, Login, Password, Test mode, Payment methods, Data protection, a Minimum
/// payment per currency written "0.5 USD"; the account's facts the platform records.
fn portabilling() -> Value {
    json!({
        "platform": "portabilling",
        "name": "Stripe USD",
        "login": "addonmart",
        "auth": { "scheme": "api_key", "secret_key": SK_LIVE },
        "mode": "live",
        "account": { "settlement_currency": "USD", "raw_card_data_access": true },
        "data_protection": "token_only",
        "card_brands": ["visa", "mastercard", "amex", "discover"],
        "currencies": [
            { "currency": "USD", "minimum_payment": "0.5 USD" },
            { "currency": "CHF", "minimum_payment": "0.46 CHF", "rate_to_settlement": "1.09" }
        ]
    })
}

#[test]
fn s4_portabilling_form_as_documented_validates_with_no_finding() {
    assert_eq!(findings(&portabilling()), []);
    let gateway = validated(&config(&portabilling()))
        .expect("valid")
        .into_gateway()
        .expect("a payment gateway");
    assert_eq!(
        gateway.version(),
        stripe_gateway_rules::version::GatewayVersion::V2
    );
    assert_eq!(gateway.currencies().len(), 2);
}

#[test]
fn s4_login_must_be_longer_than_4_characters() {
    let form = with(&portabilling(), &json!({ "login": "test" }));
    assert_eq!(
        findings(&form),
        [error("login", ViolationCode::LoginTooShort)]
    );
    let report = report_of(&config(&form));
    let v = &report.violations()[0];
    assert_eq!(v.param("chars"), Some("4"));
    assert!(
        !v.to_string().contains("test"),
        "the Login is never echoed: {v}"
    );
    let secret_login = with(&portabilling(), &json!({ "login": "hunter2-password" }));
    assert!(!format!("{:?}", config(&secret_login)).contains("hunter2"));

    let form = with(&portabilling(), &json!({ "login": null }));
    assert_eq!(
        findings(&form),
        [error("login", ViolationCode::MissingField)]
    );
    let form = with(&portabilling(), &json!({ "login": "12345" }));
    assert_eq!(findings(&form), []);
}

#[test]
fn s4_password_is_a_secret_key_not_a_publishable_one() {
    let form = with(
        &portabilling(),
        &json!({ "auth": { "secret_key": PK_TEST }, "mode": "test" }),
    );
    assert_eq!(
        findings(&form),
        [error(
            "auth.secret_key",
            ViolationCode::PublishableKeyAsSecret
        )]
    );
}

#[test]
fn s4_test_mode_is_checked_against_the_key_both_ways() {
    let form = with(
        &portabilling(),
        &json!({ "auth": { "secret_key": SK_TEST } }),
    );
    assert_eq!(
        findings(&form),
        [error("auth.secret_key", ViolationCode::KeyModeMismatch)]
    );
    let form = with(&portabilling(), &json!({ "mode": "test" }));
    assert_eq!(
        findings(&form),
        [error("auth.secret_key", ViolationCode::KeyModeMismatch)]
    );
    let form = with(&portabilling(), &json!({ "mode": null }));
    assert_eq!(
        findings(&form),
        [error("mode", ViolationCode::MissingField)]
    );
}

#[test]
fn s4_payment_methods_data_protection_and_minimums() {
    let form = with(&portabilling(), &json!({ "card_brands": [] }));
    assert_eq!(
        findings(&form),
        [error("card_brands", ViolationCode::NoCardBrands)]
    );
    let form = with(&portabilling(), &json!({ "data_protection": null }));
    assert_eq!(
        findings(&form),
        [error("data_protection", ViolationCode::MissingField)]
    );
    // S4: 0.46 CHF passes for a USD account, not for a CHF one (0.50 CHF).
    let form = with(
        &portabilling(),
        &json!({
            "account": { "settlement_currency": "CHF" },
            "currencies": [{ "currency": "CHF", "minimum_payment": "0.46 CHF" }]
        }),
    );
    assert_eq!(
        findings(&form),
        [error(
            "currencies[0].minimum_payment",
            ViolationCode::MinimumBelowStripe
        )]
    );
}

/// rules §11: S4's form has no field for raw card data access, so the rule is a warning that
/// names the setting and the decline it prevents.
#[test]
fn s4_raw_card_data_access_is_a_warning_naming_the_setting_and_the_decline() {
    for protection in ["token_only", "full_card_except_cvv"] {
        let form = with(
            &portabilling(),
            &json!({ "account": { "raw_card_data_access": false }, "data_protection": protection }),
        );
        assert_eq!(
            findings(&form),
            [warning(
                "account.raw_card_data_access",
                ViolationCode::RawCardDataRequired
            )]
        );
        let report = report_of(&config(&form));
        let v = &report.violations()[0];
        assert!(v.message().contains("generally unsafe"), "{v}");
        assert_eq!(
            v.remedy(),
            Some(
                "in the Stripe Dashboard, Settings > Integration, turn on raw card data access for the account (Stripe's \"Handle card information directly\" setting; Stripe may ask for PCI DSS evidence), then record here that the account has it"
            ),
            "{v:?}"
        );
        assert!(validated(&config(&form)).is_ok());
    }
}

#[test]
fn s4_no_konnektive_rule_fires_and_foreign_fields_are_ignored() {
    // Live, no version, no return URL, no live-card test: none of S0's rules apply.
    assert_no_foreign_rule(
        &portabilling(),
        &[
            ViolationCode::ReturnUrlRequired,
            ViolationCode::LiveCardTestMissing,
            ViolationCode::LegacyVersion,
        ],
    );
    let form = with(&portabilling(), &json!({ "version": "v1" }));
    assert_eq!(
        findings(&form),
        [warning("version", ViolationCode::FieldNotOnForm)]
    );
    let form = with(&portabilling(), &json!({ "timeout_ms": "30000" }));
    assert_eq!(
        findings(&form),
        [warning("timeout_ms", ViolationCode::FieldNotOnForm)]
    );
}

// ---- S0 Konnektive -----------------------------------------------------------------------------

/// S0's StripeV2 gateway: merchant keys, SCA redirects, Radar, the live-card test done, and
/// "Handle card information directly" on.
fn konnektive() -> Value {
    json!({
        "platform": "konnektive",
        "name": "StripeV2 main MID",
        "version": "v2",
        "auth": { "scheme": "api_key", "secret_key": SK_LIVE },
        "publishable_key": PK_LIVE,
        "account": { "raw_card_data_access": true },
        "return_url": "https://checkout.example-brand.com/sca-return",
        "radar": true,
        "live_card_tested": true
    })
}

#[test]
fn s0_konnektive_form_as_documented_validates_with_no_finding() {
    assert_eq!(findings(&konnektive()), []);
    // Currencies are optional, and checked when given.
    let form = with(
        &konnektive(),
        &json!({
            "account": { "settlement_currency": "USD" },
            "card_brands": ["visa"],
            "currencies": [{ "currency": "USD", "minimum_payment": "1.00" }]
        }),
    );
    assert_eq!(findings(&form), []);
    assert!(validated(&config(&form)).is_ok());
}

#[test]
fn s0_v1_is_legacy_do_not_create_new() {
    let form = with(&konnektive(), &json!({ "version": "v1" }));
    assert_eq!(
        findings(&form),
        [error("version", ViolationCode::LegacyVersion)]
    );
    let form = with(&konnektive(), &json!({ "version": "v1", "existing": true }));
    assert_eq!(
        findings(&form),
        [warning("version", ViolationCode::LegacyVersion)]
    );
}

/// S0: "If you process a live transaction and receive a decline with this message: "Sending
/// credit card numbers directly to Stripe API is generally unsafe", you will need to enable
/// the Handle card information directly setting": on V2 too.
#[test]
fn s0_v2_needs_raw_card_data_access_too() {
    let form = with(&konnektive(), &json!({ "account": null }));
    assert_eq!(
        findings(&form),
        [warning(
            "account.raw_card_data_access",
            ViolationCode::RawCardDataRequired
        )]
    );
}

#[test]
fn s0_sca_return_url_and_live_card_test() {
    let form = with(&konnektive(), &json!({ "return_url": null }));
    assert_eq!(
        findings(&form),
        [error("return_url", ViolationCode::ReturnUrlRequired)]
    );
    let form = with(
        &konnektive(),
        &json!({ "return_url": "http://checkout.example-brand.com/sca-return" }),
    );
    assert_eq!(
        findings(&form),
        [error("return_url", ViolationCode::ReturnUrlInsecure)]
    );
    let form = with(&konnektive(), &json!({ "live_card_tested": null }));
    assert_eq!(
        findings(&form),
        [warning(
            "live_card_tested",
            ViolationCode::LiveCardTestMissing
        )]
    );
}

/// S0 has no mode switch: the key's prefix says the mode; an explicit mode is still checked.
#[test]
fn s0_mode_comes_from_the_keys_and_the_pair_shares_it() {
    let test = with(
        &konnektive(),
        &json!({ "auth": { "secret_key": SK_TEST }, "publishable_key": PK_TEST, "live_card_tested": null }),
    );
    // A test gateway: no live-card test, no return URL needed.
    let test = with(&test, &json!({ "return_url": null }));
    assert_eq!(findings(&test), []);
    let form = with(&konnektive(), &json!({ "publishable_key": PK_TEST }));
    assert_eq!(
        findings(&form),
        [error("publishable_key", ViolationCode::KeyPairModeMismatch)]
    );
    let form = with(&konnektive(), &json!({ "mode": "test" }));
    let found = findings(&form);
    assert!(
        found.contains(&error("auth.secret_key", ViolationCode::KeyModeMismatch)),
        "{found:?}"
    );
}

#[test]
fn s0_no_portabilling_rule_fires() {
    assert_no_foreign_rule(
        &konnektive(),
        &[ViolationCode::LoginTooShort, ViolationCode::MissingField],
    );
    let form = with(&konnektive(), &json!({ "login": "abc" }));
    assert_eq!(
        findings(&form),
        [warning("login", ViolationCode::FieldNotOnForm)]
    );
}

// ---- S1 iPaaS connector ------------------------------------------------------------------------

fn ipaas() -> Value {
    json!({
        "platform": "ipaas_connector",
        "name": "Stripe billing import",
        "active": true,
        "is_source": true,
        "timeout_ms": "30000",
        "auth": { "scheme": "api_key", "secret_key": SK_LIVE },
        "api_version": "2024-06-20"
    })
}

#[test]
fn s1_connection_form_as_documented_validates_with_no_finding() {
    assert_eq!(findings(&ipaas()), []);
    // No payment fields on a connection: it validates into a connection, not a gateway.
    let form = validated(&config(&ipaas())).expect("a valid connection");
    let connection = form.connection().expect("a connection");
    assert_eq!(connection.name(), Some("Stripe billing import"));
    let settings = connection.settings().expect("S1's settings");
    assert_eq!(settings.timeout().map(|t| t.as_millis()), Some(30_000));
    assert!(settings.is_active() && settings.is_source());
    let not_a_gateway = form.into_gateway().unwrap_err();
    assert_eq!(*not_a_gateway.code(), ViolationCode::PaymentFieldsMissing);
}

#[test]
fn s1_client_secret_is_mandatory() {
    let form = with(&ipaas(), &json!({ "auth": null }));
    assert_eq!(
        findings(&form),
        [error("auth", ViolationCode::MissingField)]
    );
    let form = with(&ipaas(), &json!({ "auth": { "secret_key": null } }));
    assert_eq!(
        findings(&form),
        [error("auth.secret_key", ViolationCode::MissingField)]
    );
    let form = with(&ipaas(), &json!({ "auth": { "secret_key": PK_LIVE } }));
    assert_eq!(
        findings(&form),
        [error(
            "auth.secret_key",
            ViolationCode::PublishableKeyAsSecret
        )]
    );
}

#[test]
fn s1_name_roles_timeout_and_api_version_through_the_connection_settings_checks() {
    let form = with(&ipaas(), &json!({ "name": null }));
    assert_eq!(
        findings(&form),
        [error("name", ViolationCode::MissingField)]
    );
    let form = with(&ipaas(), &json!({ "is_source": false }));
    assert_eq!(
        findings(&form),
        [warning("is_source", ViolationCode::NoRole)]
    );
    let form = with(&ipaas(), &json!({ "timeout_ms": "30s" }));
    assert_eq!(
        findings(&form),
        [error("timeout_ms", ViolationCode::InvalidValue)]
    );
    let form = with(&ipaas(), &json!({ "api_version": "2024-13-45" }));
    assert_eq!(
        findings(&form),
        [error("api_version", ViolationCode::InvalidValue)]
    );
}

#[test]
fn s1_no_gateway_rule_fires() {
    // Live key, no version, no currencies, no return URL, no live-card test.
    assert_no_foreign_rule(
        &ipaas(),
        &[
            ViolationCode::MissingField,
            ViolationCode::ReturnUrlRequired,
            ViolationCode::LiveCardTestMissing,
            ViolationCode::RawCardDataRequired,
        ],
    );
}

// ---- S2 Kartra ---------------------------------------------------------------------------------

fn kartra() -> Value {
    json!({
        "platform": "kartra",
        "existing": true,
        "auth": { "scheme": "connect", "account_id": "acct_1R3fqDP6919yCiFv", "account_name": "Acme Coaching LLC" },
        "publishable_key": PK_LIVE
    })
}

#[test]
fn s2_connect_integration_as_documented_validates_with_no_finding() {
    assert_eq!(findings(&kartra()), []);
    let form = with(
        &kartra(),
        &json!({ "publishable_key": null, "existing": null }),
    );
    assert_eq!(findings(&form), []);
}

/// S2: "It is no longer necessary to enter API keys"; "The Stripe Account ID and Name are
/// displayed anywhere you would have previously seen the API keys".
#[test]
fn s2_no_api_key_and_account_id_and_name_required() {
    let form = with(
        &kartra(),
        &json!({ "auth": { "scheme": "api_key", "secret_key": SK_LIVE, "account_id": null, "account_name": null } }),
    );
    assert_eq!(
        findings(&form),
        [error("auth.scheme", ViolationCode::InvalidValue)]
    );
    let form = with(&kartra(), &json!({ "auth": { "account_name": null } }));
    assert_eq!(
        findings(&form),
        [error("auth.account_name", ViolationCode::MissingField)]
    );
    let form = with(&kartra(), &json!({ "auth": { "account_id": null } }));
    assert_eq!(
        findings(&form),
        [error("auth.account_id", ViolationCode::MissingField)]
    );
    // The kept publishable key is a publishable key.
    let form = with(&kartra(), &json!({ "publishable_key": SK_LIVE }));
    assert_eq!(
        findings(&form),
        [error("publishable_key", ViolationCode::WrongCredentialKind)]
    );
}

#[test]
fn s2_no_other_platform_rule_fires() {
    assert_no_foreign_rule(
        &kartra(),
        &[
            ViolationCode::ReturnUrlRequired,
            ViolationCode::LiveCardTestMissing,
            ViolationCode::NoCardBrands,
            ViolationCode::LegacyVersion,
        ],
    );
}

// ---- S3 data connector -------------------------------------------------------------------------

fn data_connector() -> Value {
    json!({
        "platform": "data_connector",
        "name": "Stripe via OAuth",
        "auth": {
            "scheme": "oauth2",
            "client_id": "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb",
            "client_secret": "EXAMPLEonlyClientSecret0042",
            "refresh_token": "rt_EXAMPLEonlyRefreshToken0042"
        }
    })
}

#[test]
fn s3_both_auth_schemes_as_documented_validate_with_no_finding() {
    assert_eq!(findings(&data_connector()), []);
    let api_key = with(
        &data_connector(),
        &json!({ "auth": { "scheme": "api_key", "secret_key": SK_LIVE, "client_id": null, "client_secret": null, "refresh_token": null } }),
    );
    assert_eq!(findings(&api_key), []);
}

#[test]
fn s3_auth_scheme_choice_and_its_fields() {
    let form = with(
        &data_connector(),
        &json!({ "auth": { "refresh_token": null } }),
    );
    assert_eq!(
        findings(&form),
        [error("auth.refresh_token", ViolationCode::MissingField)]
    );
    let form = with(
        &data_connector(),
        &json!({ "auth": { "scheme": "connect", "client_id": null, "client_secret": null, "refresh_token": null, "account_id": "acct_1R3fqDP6919yCiFv" } }),
    );
    assert_eq!(
        findings(&form),
        [error("auth.scheme", ViolationCode::InvalidValue)]
    );
    let form = with(&data_connector(), &json!({ "name": null }));
    assert_eq!(
        findings(&form),
        [error("name", ViolationCode::MissingField)]
    );
}

/// S3: "Live API Key: The live API key will authenticate API requests": a test key there is
/// a warning (rules §11).
#[test]
fn s3_a_test_key_in_the_live_api_key_is_a_warning() {
    let form = json!({
        "platform": "data_connector",
        "name": "Stripe reporting",
        "auth": { "scheme": "api_key", "secret_key": SK_TEST }
    });
    assert_eq!(
        findings(&form),
        [warning("auth.secret_key", ViolationCode::KeyModeMismatch)]
    );
}

// ---- every platform ----------------------------------------------------------------------------

/// rules §11: each platform's bundled valid file has no finding and names its platform.
#[test]
fn the_bundled_valid_platform_files_have_no_finding_and_name_their_platform() {
    for (file, platform) in [
        ("portabilling-usd.json", Platform::PortaBilling),
        ("konnektive-v2.json", Platform::Konnektive),
        ("ipaas-connector.json", Platform::IpaasConnector),
        ("kartra.json", Platform::Kartra),
        ("data-connector-oauth2.json", Platform::DataConnector),
    ] {
        let path = format!("{}/examples/configs/{file}", env!("CARGO_MANIFEST_DIR"));
        let c = Form::from_json(&std::fs::read_to_string(path).unwrap()).unwrap();
        assert_eq!(c.form().platform(), Some(platform.as_str()));
        assert!(report_of(&c).is_empty(), "{file}: {}", report_of(&c));
    }
}

/// rules §11: a file without a platform gets every rule (`generic`).
#[test]
fn a_file_without_a_platform_keeps_every_rule() {
    let mut form = portabilling();
    form.as_object_mut().unwrap().remove("platform");
    form.as_object_mut().unwrap().remove("login");
    let found = findings(&form);
    assert_eq!(
        found,
        [
            error("version", ViolationCode::MissingField),
            error("return_url", ViolationCode::ReturnUrlRequired),
            warning("live_card_tested", ViolationCode::LiveCardTestMissing),
        ]
    );
}

/// rules §11: an unknown platform is `invalid_value`, and every rule applies.
#[test]
fn an_unknown_platform_is_reported_and_every_rule_applies() {
    let form = with(&portabilling(), &json!({ "platform": "PortaBilling" }));
    let found = findings(&form);
    assert_eq!(found[0], error("platform", ViolationCode::InvalidValue));
    assert!(found.contains(&error("version", ViolationCode::MissingField)));
}

/// rules §10 (issue 10): "the missing `version` hid the return-URL error, so it took two rounds".
#[test]
fn one_round_shows_everything() {
    let form = json!({
        "name": "Stripe USD",
        "mode": "live",
        "auth": { "scheme": "api_key", "secret_key": SK_LIVE },
        "account": { "settlement_currency": "USD" },
        "card_brands": ["visa"],
        "currencies": [{ "currency": "USD", "minimum_payment": "0.50" }],
        "return_url": "http://shop.example/3ds-return",
        "live_card_tested": true
    });
    assert_eq!(
        findings(&form),
        [
            error("version", ViolationCode::MissingField),
            error("return_url", ViolationCode::ReturnUrlInsecure),
        ]
    );
    let without_url = with(&form, &json!({ "return_url": null }));
    assert_eq!(
        findings(&without_url),
        [
            error("version", ViolationCode::MissingField),
            error("return_url", ViolationCode::ReturnUrlRequired),
        ]
    );
    // A mode that does not parse leaves the keys to say it: the live rules still run.
    let bad_mode = with(
        &without_url,
        &json!({ "mode": "production", "version": "v2" }),
    );
    assert_eq!(
        findings(&bad_mode),
        [
            error("mode", ViolationCode::InvalidValue),
            error("return_url", ViolationCode::ReturnUrlRequired),
        ]
    );
}

/// rules §11: every platform parses from its keyword and has its profile.
#[test]
fn every_platform_parses_from_its_keyword_and_has_a_profile() {
    for p in Platform::ALL {
        assert_eq!(p.as_str().parse::<Platform>(), Ok(*p));
        assert_eq!(p.profile().name(), p.as_str());
    }
    let err = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
        .parse::<Platform>()
        .unwrap_err();
    assert!(
        !err.to_string().contains("4eC39HqLyjWDarjtT1zdp7dc"),
        "{err}"
    );
    assert!(Platform::PortaBilling.profile().applies(Rule::Login));
    assert!(!Platform::Generic.profile().applies(Rule::Login));
    assert_eq!(
        Platform::PortaBilling.profile().label("auth.secret_key"),
        Some("Password")
    );
    assert_eq!(
        Platform::PortaBilling
            .profile()
            .label("currencies[1].minimum_payment"),
        Some("Currency management")
    );
}

// ---- a platform's own profile ------------------------------------------------------------------

/// rules §11: a platform not in the seeds declares its profile and adds its own checks to the same
/// report.
#[test]
fn a_platform_declares_its_profile_and_adds_its_own_checks_to_the_same_report() {
    let profile = Profile::new("hosting_panel")
        .with_rules(&[
            Rule::Name,
            Rule::CardBrands,
            Rule::Currencies,
            Rule::KeyPairMode,
        ])
        .with_fields(&["publishable_key"])
        .requiring(&["name", "auth", "account", "card_brands", "currencies"])
        .with_auth_schemes(AuthSchemeSet::API_KEY)
        .with_check(|form: &Form, report: &mut Report| {
            if form.gateway().is_some_and(|g| g.publishable_key.is_none()) {
                report.push(
                    Violation::error(
                        "publishable_key",
                        Code::platform("publishable_key_required").unwrap(),
                        "the payment form needs the publishable key",
                    )
                    .with_remedy("paste the publishable key (pk_…)"),
                );
            }
        });
    let form = json!({
        "name": "Stripe",
        "auth": { "scheme": "api_key", "secret_key": SK_LIVE },
        "account": { "settlement_currency": "EUR" },
        "card_brands": ["visa"],
        "currencies": [{ "currency": "EUR", "minimum_payment": "0.40" }],
        "version": "v2"
    });
    let report = config(&form).check(&profile);
    let found: Vec<(String, &str, Severity)> = report
        .violations()
        .iter()
        .map(|v| (v.path().to_string(), v.code().as_str(), v.severity()))
        .collect();
    assert_eq!(
        found,
        [
            ("version".to_owned(), "field_not_on_form", Severity::Warning),
            (
                "publishable_key".to_owned(),
                "publishable_key_required",
                Severity::Error
            ),
            (
                "currencies[0].minimum_payment".to_owned(),
                "minimum_below_stripe",
                Severity::Error
            ),
        ]
    );
    assert!(report.violations()[1].code().is_platform());
    let fixed = with(
        &form,
        &json!({ "publishable_key": PK_LIVE, "version": null, "currencies": [{ "currency": "EUR", "minimum_payment": "0.50" }] }),
    );
    let gateway = config(&fixed)
        .validate(&profile)
        .expect("valid")
        .into_gateway()
        .expect("a payment gateway");
    assert_eq!(
        gateway.mode(),
        stripe_gateway_rules::credentials::Mode::Live
    );
}

// ---- typed building ----------------------------------------------------------------------------

/// rules §10 (issue 10): a platform that holds typed values builds a configuration from them,
/// checked by the same rules; every auth scheme has a constructor.
#[test]
fn a_configuration_built_from_typed_values_is_checked_by_the_same_rules() {
    use rust_decimal::Decimal;
    use stripe_gateway_rules::config::GatewayDraft;
    use stripe_gateway_rules::{
        Currency, Money, card_brand::CardBrand, credentials::AuthScheme, credentials::Mode,
        version::GatewayVersion,
    };

    let key = SK_LIVE.parse().unwrap();
    let mut draft = GatewayDraft::new("StripeV2 main MID", AuthScheme::api_key(key));
    draft.version = Some(GatewayVersion::V2);
    draft.publishable_key = Some(PK_LIVE.parse().unwrap());
    draft.raw_card_data_access = true;
    draft.return_url = Some(
        "https://checkout.example-brand.com/sca-return"
            .parse()
            .unwrap(),
    );
    draft.live_card_tested = true;
    draft.settlement_currency = Some(Currency::USD);
    draft.card_brands = vec![CardBrand::Visa];
    draft.minimums = vec![(Money::new(Decimal::new(100, 2), Currency::USD), None)];
    let konnektive = Platform::Konnektive.profile();
    assert!(
        draft.check(&konnektive).is_empty(),
        "{}",
        draft.check(&konnektive)
    );
    let gateway = draft.validate(&konnektive).unwrap().into_gateway().unwrap();
    assert_eq!(gateway.mode(), Mode::Live);

    // The same rules as the strings-as-entered path: one round shows everything.
    draft.version = None;
    draft.return_url = None;
    let mut generic = draft.clone();
    generic.mode = Some(Mode::Test);
    let codes: Vec<String> = generic
        .check(&Platform::Generic.profile())
        .violations()
        .iter()
        .map(|v| format!("{} {}", v.path(), v.code()))
        .collect();
    assert_eq!(
        codes,
        [
            "version missing_field",
            "auth.secret_key key_mode_mismatch",
            "publishable_key key_mode_mismatch"
        ]
    );

    let connect = AuthScheme::connect("acct_1R3fqDP6919yCiFv".parse().unwrap())
        .with_account_name("Acme Coaching LLC")
        .with_publishable_key(PK_LIVE.parse().unwrap());
    let mut kartra = GatewayDraft::default();
    kartra.auth = Some(connect);
    assert!(kartra.check(&Platform::Kartra.profile()).is_empty());
    let oauth = AuthScheme::oauth2(
        "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb".parse().unwrap(),
        "EXAMPLEonlyClientSecret0042".parse().unwrap(),
        "rt_EXAMPLEonlyRefreshToken0042".parse().unwrap(),
    )
    .with_account_id("acct_1R3fqDP6919yCiFv".parse().unwrap());
    let data = GatewayDraft::new("Stripe via OAuth", oauth);
    assert!(data.check(&Platform::DataConnector.profile()).is_empty());
    // A connection's draft validates into a connection, which takes no payments.
    let form = data
        .validate(&Platform::DataConnector.profile())
        .expect("a valid connection");
    assert_eq!(
        form.connection().and_then(|c| c.name()),
        Some("Stripe via OAuth")
    );
    assert_eq!(
        *form.into_gateway().unwrap_err().code(),
        ViolationCode::PaymentFieldsMissing
    );
}

/// A profile's labels name each field in the platform's own terms (S4 "Password").
#[test]
fn violations_carry_the_forms_own_field_label() {
    let form = with(
        &portabilling(),
        &json!({ "auth": { "secret_key": PK_LIVE } }),
    );
    let report = report_of(&config(&form));
    assert_eq!(
        report.violations()[0].param("field_label"),
        Some("Password")
    );
    let form = with(&portabilling(), &json!({ "auth": { "secret_key": null } }));
    let report = report_of(&config(&form));
    assert_eq!(report.violations()[0].message(), "the Password is missing");
    let form = with(&ipaas(), &json!({ "timeout_ms": "30s" }));
    let report = report_of(&config(&form));
    assert_eq!(report.violations()[0].param("field_label"), Some("Timeout"));
}

/// Issue 9: messages and remedies name a field by the form's label where it has one, else in
/// plain words; never by its path, which is the violation's own field.
#[test]
fn messages_and_remedies_name_fields_by_label_or_in_plain_words() {
    // S3 labels the OAuth fields: a field of the other scheme is named by its label, and so
    // are the fields the scheme takes.
    let form = with(
        &data_connector(),
        &json!({ "auth": { "secret_key": SK_LIVE } }),
    );
    let report = report_of(&config(&form));
    let v = &report.violations()[0];
    assert_eq!(v.path().to_string(), "auth.secret_key");
    assert_eq!(
        v.message(),
        "the Live API Key does not belong to the oauth2 scheme"
    );
    assert_eq!(
        v.remedy(),
        Some(
            "remove it, or choose another Auth Scheme (the oauth2 scheme takes the Client ID, the Client Secret, the Refresh Token and the Account ID)"
        )
    );
    // The generic form has no labels: plain words.
    let form = json!({
        "name": "Stripe USD",
        "version": "v2",
        "mode": "test",
        "auth": { "scheme": "api_key" },
        "account": { "settlement_currency": "USD" },
        "card_brands": ["visa"],
        "currencies": [{ "currency": "USD" }]
    });
    let report = report_of(&config(&form));
    let texts: Vec<_> = report
        .violations()
        .iter()
        .map(|v| (v.path().to_string(), v.message().to_owned()))
        .collect();
    assert_eq!(
        texts,
        [
            (
                "auth.secret_key".to_owned(),
                "the secret key is missing".to_owned()
            ),
            (
                "currencies[0].minimum_payment".to_owned(),
                "the minimum payment of currency entry 1 is missing".to_owned()
            ),
        ]
    );
    // A field the form does not have.
    let form = with(
        &kartra(),
        &json!({ "return_url": "https://shop.example/back" }),
    );
    let report = report_of(&config(&form));
    let v = &report.violations()[0];
    assert_eq!(v.code().as_str(), "field_not_on_form");
    assert_eq!(
        v.message(),
        "the kartra form has no return URL, so it is ignored"
    );
    assert_eq!(
        v.remedy(),
        Some("remove the return URL, or choose the platform whose form has it")
    );
}

// ---- hostile input -----------------------------------------------------------------------------

mod hostile {
    use super::*;
    use proptest::prelude::*;

    /// Text a user may type: empty, whitespace, BOM, non-ASCII, look-alikes, huge, and
    /// secret-shaped.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just(" \t\n".to_owned()),
            Just("\u{feff}portabilling".to_owned()),
            Just("ＰortaBilling".to_owned()),
            Just("sk_live_4eC39HqLyjWDarjtT1zdp7dc".to_owned()),
            Just("99999999999999999999999".to_owned()),
            "[a-z_]{0,20}",
            "\\PC{0,40}",
            "x{5000}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

        /// rules §1, §11: whatever is typed into the new fields, every platform's report is a typed
        /// answer, never a panic, and never repeats a secret or the Login.
        #[test]
        fn any_text_in_any_platforms_fields_gives_a_report_without_secrets(
            platform in prop::sample::select(Platform::ALL.to_vec()),
            stated in text(),
            login in text(),
            timeout in text(),
            api_version in text(),
            name in text(),
        ) {
            let form = json!({
                "platform": stated,
                "name": name,
                "login": format!("sk_live_4eC39HqLyjWDarjtT1zdp7dc{login}"),
                "timeout_ms": timeout,
                "api_version": api_version,
                "auth": { "scheme": "api_key", "secret_key": "rk_live_4eC39HqLyjWDarjtT1zdp7dc" },
            });
            let c = config(&form);
            for report in [report_of(&c), c.check(&platform.profile())] {
                for v in report.violations() {
                    let shown = format!("{v} {:?} {:?}", v.remedy(), v.params().collect::<Vec<_>>());
                    prop_assert!(!shown.contains("4eC39HqLyjWDarjtT1zdp7dc"), "{}", shown);
                }
                #[cfg(feature = "serde")]
                prop_assert!(!serde_json::to_string(&report).unwrap().contains("4eC39HqLyjWDarjtT1zdp7dc"));
            }
        }
    }
}

/// rules §11 (S0–S4): each shipped platform's profile applies exactly the rules its document
/// makes apply, and its form has and requires exactly the fields its document shows.
#[test]
fn rules_11_each_platform_applies_its_documents_rules_and_has_its_documents_fields() {
    use Rule as R;
    /// A platform, its rules, its required fields and its optional fields.
    type Form = (
        Platform,
        &'static [Rule],
        &'static [&'static str],
        &'static [&'static str],
    );
    let expected: [Form; 6] = [
        (
            Platform::Konnektive,
            &[
                R::Name,
                R::GatewayVersion,
                R::KeyPairMode,
                R::RawCardData,
                R::SendsCardNumbers,
                R::ReturnUrl,
                R::LiveCardTest,
                R::CardBrands,
                R::Currencies,
            ],
            &["name", "version", "auth"],
            &[
                "mode",
                "existing",
                "publishable_key",
                "account",
                "card_brands",
                "currencies",
                "return_url",
                "radar",
                "live_card_tested",
            ],
        ),
        (
            Platform::IpaasConnector,
            &[R::ConnectionSettings],
            &["name", "auth"],
            &[
                "mode",
                "active",
                "is_source",
                "is_target",
                "timeout_ms",
                "api_version",
            ],
        ),
        (
            Platform::Kartra,
            &[R::Connect],
            &["auth"],
            &["name", "mode", "existing", "publishable_key"],
        ),
        (
            Platform::DataConnector,
            &[R::Name, R::LiveKeyField],
            &["name", "auth"],
            &["mode"],
        ),
        (
            Platform::PortaBilling,
            &[
                R::Name,
                R::ModeField,
                R::RawCardData,
                R::CardBrands,
                R::Currencies,
                R::DataProtection,
                R::Login,
            ],
            &[
                "name",
                "mode",
                "auth",
                "account",
                "data_protection",
                "card_brands",
                "currencies",
                "login",
            ],
            &[],
        ),
        (
            Platform::Generic,
            &[
                R::Name,
                R::GatewayVersion,
                R::ModeField,
                R::KeyPairMode,
                R::RawCardData,
                R::ReturnUrl,
                R::LiveCardTest,
                R::CardBrands,
                R::Currencies,
                R::DataProtection,
            ],
            &[
                "name",
                "version",
                "mode",
                "auth",
                "account",
                "card_brands",
                "currencies",
            ],
            &[
                "existing",
                "publishable_key",
                "data_protection",
                "return_url",
                "radar",
                "live_card_tested",
            ],
        ),
    ];
    let every_field = [
        "platform",
        "name",
        "version",
        "mode",
        "existing",
        "auth",
        "publishable_key",
        "account",
        "data_protection",
        "card_brands",
        "currencies",
        "return_url",
        "radar",
        "live_card_tested",
        "login",
        "active",
        "is_source",
        "is_target",
        "timeout_ms",
        "api_version",
    ];
    for (platform, rules, required, optional) in expected {
        let profile = platform.profile();
        let applied: Vec<Rule> = Rule::ALL
            .iter()
            .copied()
            .filter(|r| profile.applies(*r))
            .collect();
        let mut want = rules.to_vec();
        want.sort_by_key(|r| Rule::ALL.iter().position(|a| a == r));
        assert_eq!(applied, want, "{platform}'s rules");
        for field in every_field {
            assert_eq!(
                profile.requires(field),
                required.contains(&field),
                "{platform} requires {field}"
            );
            assert_eq!(
                profile.has_field(field),
                required.contains(&field) || optional.contains(&field),
                "{platform} has {field}"
            );
        }
    }
}
