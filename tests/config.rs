//! Gateway configuration validation: rules.md §1–6 and §10; one test per violation code with
//! the smallest change to a valid configuration that triggers it, then several problems at
//! once, the seeds' own examples, and hostile files.

use stripe_gateway_rules::{
    codes::ViolationCode,
    config::{
        AccountConfig, AuthConfig, CurrencyConfig, Form, GatewayConfig, Loaded, ValidatedGateway,
    },
    diagnostics::Report,
    diagnostics::Severity,
};
use stripe_gateway_rules::{
    credentials::Mode, data_protection::DataProtection, version::GatewayVersion,
};

const SK_LIVE: &str = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
const SK_TEST: &str = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
const PK_LIVE: &str = "pk_live_TYooMQauvdEDq54NiTphI7jx";
const PK_TEST: &str = "pk_test_TYooMQauvdEDq54NiTphI7jx";

/// A valid live V2 configuration with nothing to warn about.
fn valid() -> GatewayConfig {
    {
        let mut config = GatewayConfig::default();
        config.name = Some("Stripe USD".into());
        config.version = Some("v2".into());
        config.mode = Some("live".into());
        config.existing = false;
        config.auth = Some(AuthConfig::api_key(SK_LIVE));
        config.publishable_key = Some(PK_LIVE.into());
        config.account = Some(AccountConfig::settling_in("USD"));
        config.data_protection = None;
        config.card_brands = Some(vec!["visa".into()]);
        config.currencies = Some(vec![CurrencyConfig::new("USD", "0.50")]);
        config.return_url = Some("https://shop.example/3ds-return".into());
        config.radar = Some(true);
        config.live_card_tested = true;
        config
    }
}

/// A form built in code, or a file loaded with what the loader found in it: each judged by
/// the profile its `platform` names, through `check`.
trait Judged {
    fn own_report(&self) -> Report;
}

impl Judged for GatewayConfig {
    fn own_report(&self) -> Report {
        self.check(&self.profile())
    }
}

impl Judged for Loaded {
    fn own_report(&self) -> Report {
        self.check(&self.profile())
    }
}

fn report_of(config: &impl Judged) -> Report {
    config.own_report()
}

/// The payment gateway a valid form validates into, under its own profile.
fn gateway(config: &GatewayConfig) -> ValidatedGateway {
    config
        .validate(&config.profile())
        .expect("valid")
        .into_gateway()
        .expect("a payment gateway")
}

/// The (path, code, severity) of every violation, in order.
fn violations(config: &impl Judged) -> Vec<(String, &'static str, Severity)> {
    report_of(config)
        .violations()
        .iter()
        .map(|v| {
            let code = ViolationCode::try_from(v.code()).expect("one of the crate's codes");
            (v.path().to_string(), code.as_str(), v.severity())
        })
        .collect()
}

fn assert_only(config: &GatewayConfig, path: &str, code: &'static str, severity: Severity) {
    assert_eq!(
        violations(config),
        [(path.to_owned(), code, severity)],
        "{}",
        report_of(config)
    );
    assert_eq!(
        config.validate(&config.profile()).is_ok(),
        severity == Severity::Warning
    );
}

#[test]
fn the_base_configuration_is_valid_without_warnings() {
    let gateway = gateway(&valid());
    assert!(gateway.warnings().is_empty());
    assert_eq!(gateway.version(), GatewayVersion::V2);
    assert_eq!(gateway.mode(), Mode::Live);
    assert_eq!(gateway.currencies().len(), 1);
    assert_eq!(gateway.currencies()[0].minimum().to_string(), "0.50 USD");
}

// ---- one test per code -------------------------------------------------------------------

#[test]
fn invalid_secret_key_rules_1() {
    let mut c = valid();
    c.auth = Some(AuthConfig::api_key("sk_live_abc"));
    assert_only(&c, "auth.secret_key", "invalid_secret_key", Severity::Error);
}

#[test]
fn publishable_key_as_secret_rules_1() {
    let mut c = valid();
    c.auth = Some(AuthConfig::api_key(PK_LIVE));
    assert_only(
        &c,
        "auth.secret_key",
        "publishable_key_as_secret",
        Severity::Error,
    );
    let report = report_of(&c);
    let v = &report.violations()[0];
    assert!(
        v.message()
            .starts_with("expected a secret key, found a publishable key")
    );
    assert!(v.remedy().unwrap().contains("sk_live_"));
}

#[test]
fn wrong_credential_kind_rules_1() {
    let mut c = valid();
    c.auth = Some(AuthConfig::api_key(
        "whsec_abcdefghijklmnopqrstuvwxyz012345",
    ));
    assert_only(
        &c,
        "auth.secret_key",
        "wrong_credential_kind",
        Severity::Error,
    );
    let mut c = valid();
    c.publishable_key = Some(SK_LIVE.into());
    assert_only(
        &c,
        "publishable_key",
        "wrong_credential_kind",
        Severity::Error,
    );
}

#[test]
fn key_mode_mismatch_rules_1_s4() {
    let mut c = valid();
    c.auth = Some(AuthConfig::api_key(SK_TEST));
    assert_only(&c, "auth.secret_key", "key_mode_mismatch", Severity::Error);
    // Both directions: live keys in a test configuration.
    let mut c = valid();
    c.mode = Some("test".into());
    c.publishable_key = None;
    assert_only(&c, "auth.secret_key", "key_mode_mismatch", Severity::Error);
    // Both keys of the wrong mode: each is reported.
    let mut c = valid();
    c.auth = Some(AuthConfig::api_key(SK_TEST));
    c.publishable_key = Some(PK_TEST.into());
    assert_eq!(
        violations(&c),
        [
            (
                "auth.secret_key".to_owned(),
                "key_mode_mismatch",
                Severity::Error
            ),
            (
                "publishable_key".to_owned(),
                "key_mode_mismatch",
                Severity::Error
            ),
        ]
    );
}

#[test]
fn key_pair_mode_mismatch_rules_1() {
    let mut c = valid();
    c.publishable_key = Some(PK_TEST.into());
    assert_only(
        &c,
        "publishable_key",
        "key_pair_mode_mismatch",
        Severity::Error,
    );
    assert_eq!(
        report_of(&c).violations()[0].message(),
        "the publishable key is a test key, but the secret key (sk_live_…) and the gateway are in live mode"
    );
}

#[test]
fn missing_field_s1_s3_s4() {
    let mut c = valid();
    c.name = None;
    assert_only(&c, "name", "missing_field", Severity::Error);
    let mut c = valid();
    c.auth = Some({
        let mut auth = AuthConfig::default();
        auth.scheme = Some("oauth2".into());
        auth.client_id = Some("ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb".into());
        auth
    });
    c.publishable_key = None;
    assert_eq!(
        violations(&c),
        [
            (
                "auth.client_secret".to_owned(),
                "missing_field",
                Severity::Error
            ),
            (
                "auth.refresh_token".to_owned(),
                "missing_field",
                Severity::Error
            ),
        ]
    );
    // Issue 9: the texts name the field in plain words, never by its path.
    let report = report_of(&c);
    let v = &report.violations()[0];
    assert_eq!(v.message(), "the OAuth client secret is missing");
    assert_eq!(v.remedy(), Some("paste the OAuth client secret"));
}

#[test]
fn invalid_value_rules_3() {
    let mut c = valid();
    c.version = Some("v3".into());
    assert_only(&c, "version", "invalid_value", Severity::Error);
    assert_eq!(
        report_of(&c).violations()[0].message(),
        "expected a gateway version, `v1` or `v2`, found \"v3\""
    );
}

#[test]
fn legacy_version_is_an_error_when_new_and_a_warning_when_existing_rules_3_s0() {
    let mut c = valid();
    c.version = Some("v1".into());
    c.account = Some({
        let mut account = AccountConfig::settling_in("USD");
        account.raw_card_data_access = true;
        account
    });
    assert_only(&c, "version", "legacy_version", Severity::Error);
    c.existing = true;
    assert_only(&c, "version", "legacy_version", Severity::Warning);
}

#[test]
fn raw_card_data_required_rules_3_s0_s4() {
    // V2 with a data protection mode: the platform sends card numbers.
    for mode in ["token_only", "full_card_except_cvv"] {
        let mut c = valid();
        c.data_protection = Some(mode.into());
        assert_only(
            &c,
            "account.raw_card_data_access",
            "raw_card_data_required",
            Severity::Error,
        );
    }
    // V1 always (existing, so only the legacy warning besides).
    let mut c = valid();
    c.version = Some("v1".into());
    c.existing = true;
    assert_eq!(
        violations(&c),
        [
            ("version".to_owned(), "legacy_version", Severity::Warning),
            (
                "account.raw_card_data_access".to_owned(),
                "raw_card_data_required",
                Severity::Error
            ),
        ]
    );
    // V2 without data protection: Stripe collects the cards, no access needed (S0).
    assert!(valid().validate(&valid().profile()).is_ok());
}

#[test]
fn return_url_required_rules_3_s0() {
    let mut c = valid();
    c.return_url = None;
    assert_only(&c, "return_url", "return_url_required", Severity::Error);
    // Not in test mode.
    c.mode = Some("test".into());
    c.auth = Some(AuthConfig::api_key(SK_TEST));
    c.publishable_key = Some(PK_TEST.into());
    assert_eq!(violations(&c), []);
}

#[test]
fn return_url_insecure_rules_3() {
    let mut c = valid();
    c.return_url = Some("http://shop.example/3ds-return".into());
    assert_only(&c, "return_url", "return_url_insecure", Severity::Error);
    for bad in [
        "/3ds-return",
        "ftp://shop.example/x",
        "https://user:pw@shop.example/x",
        "",
    ] {
        c.return_url = Some(bad.into());
        assert_only(&c, "return_url", "invalid_value", Severity::Error);
        let message = report_of(&c).violations()[0].message().to_owned();
        assert!(!message.contains("pw@"), "{message}");
    }
}

#[test]
fn no_card_brands_rules_10_s4() {
    let mut c = valid();
    c.card_brands = Some(vec![]);
    assert_only(&c, "card_brands", "no_card_brands", Severity::Error);
    c.card_brands = None;
    assert_only(&c, "card_brands", "no_card_brands", Severity::Error);
    c.card_brands = Some(vec!["visa".into(), "maestro".into()]);
    assert_only(&c, "card_brands[1]", "invalid_value", Severity::Error);
}

#[test]
fn brand_currency_unsupported_rules_10_facts_7() {
    let mut c = valid();
    c.card_brands = Some(vec!["visa".into(), "amex".into()]);
    c.currencies = Some(vec![
        CurrencyConfig::new("USD", "0.50"),
        CurrencyConfig::new("BRL", "2.75").with_rate("0.19"),
    ]);
    assert_only(
        &c,
        "currencies[1].currency",
        "brand_currency_unsupported",
        Severity::Error,
    );
    assert_eq!(
        report_of(&c).violations()[0].message(),
        "American Express cards cannot be charged in BRL at Stripe"
    );
    // UnionPay: USD and CAD only.
    c.card_brands = Some(vec!["unionpay".into()]);
    c.currencies = Some(vec![
        CurrencyConfig::new("USD", "0.50"),
        CurrencyConfig::new("EUR", "0.50").with_rate("1.08"),
    ]);
    assert_only(
        &c,
        "currencies[1].currency",
        "brand_currency_unsupported",
        Severity::Error,
    );
}

#[test]
fn unsupported_currency_rules_5() {
    let mut c = valid();
    c.currencies = Some(vec![
        CurrencyConfig::new("USD", "0.50"),
        CurrencyConfig::new("CUP", "20.00").with_rate("0.04"),
    ]);
    assert_only(
        &c,
        "currencies[1].currency",
        "unsupported_currency",
        Severity::Error,
    );
    c.currencies = Some(vec![CurrencyConfig::new("ZZZ", "1.00")]);
    assert_only(
        &c,
        "currencies[0].currency",
        "invalid_value",
        Severity::Error,
    );
}

#[test]
fn duplicate_currency_s4() {
    let mut c = valid();
    c.currencies = Some(vec![
        CurrencyConfig::new("USD", "0.50"),
        CurrencyConfig::new("usd", "1.00"),
    ]);
    assert_only(
        &c,
        "currencies[1].currency",
        "duplicate_currency",
        Severity::Error,
    );
}

#[test]
fn invalid_minimum_rules_5_6() {
    for bad in ["0", "-1.00", "0.505"] {
        let mut c = valid();
        c.currencies = Some(vec![CurrencyConfig::new("USD", bad)]);
        assert_only(
            &c,
            "currencies[0].minimum_payment",
            "invalid_minimum",
            Severity::Error,
        );
    }
    // Finer than the currency allows: JPY has no decimals, KWD's last digit must be 0.
    let mut c = valid();
    c.currencies = Some(vec![
        CurrencyConfig::new("USD", "0.50"),
        CurrencyConfig::new("JPY", "50.5").with_rate("0.0067"),
    ]);
    assert_only(
        &c,
        "currencies[1].minimum_payment",
        "invalid_minimum",
        Severity::Error,
    );
    c.currencies = Some(vec![CurrencyConfig::new("USD", "abc")]);
    assert_only(
        &c,
        "currencies[0].minimum_payment",
        "invalid_value",
        Severity::Error,
    );
}

#[test]
fn minimum_below_stripe_rules_6_facts_1_1() {
    let mut c = valid();
    c.currencies = Some(vec![CurrencyConfig::new("USD", "0.49")]);
    assert_only(
        &c,
        "currencies[0].minimum_payment",
        "minimum_below_stripe",
        Severity::Error,
    );
    assert_eq!(
        report_of(&c).violations()[0].message(),
        "minimum payment 0.49 USD is below Stripe's minimum charge of 0.50 USD for an account \
         that settles in USD"
    );
}

#[test]
fn minimum_approximate_rules_6() {
    let mut c = valid();
    c.currencies = Some(vec![
        CurrencyConfig::new("USD", "0.50"),
        CurrencyConfig::new("CHF", "0.50"),
    ]);
    assert_only(
        &c,
        "currencies[1].minimum_payment",
        "minimum_approximate",
        Severity::Warning,
    );
}

#[test]
fn minimum_unverifiable_rules_6() {
    let mut c = valid();
    c.currencies = Some(vec![
        CurrencyConfig::new("USD", "0.50"),
        CurrencyConfig::new("ISK", "100"),
    ]);
    assert_only(
        &c,
        "currencies[1].minimum_payment",
        "minimum_unverifiable",
        Severity::Warning,
    );
}

#[test]
fn live_card_test_missing_s0() {
    let mut c = valid();
    c.live_card_tested = false;
    assert_only(
        &c,
        "live_card_tested",
        "live_card_test_missing",
        Severity::Warning,
    );
}

// ---- several problems at once -------------------------------------------------------------

/// rules §10: every problem of a file is reported at once, at its path, in the form's field order.
#[test]
fn every_problem_is_reported_at_once_in_field_order() {
    let json = include_str!("../examples/configs/everything-wrong.json");
    let config = Form::from_json(json).unwrap();
    let got: Vec<(String, &str)> = violations(&config)
        .into_iter()
        .map(|(path, code, _)| (path, code))
        .collect();
    let expected: Vec<(&str, &str)> = vec![
        ("name", "invalid_value"),
        ("version", "invalid_value"),
        ("auth.secret_key", "publishable_key_as_secret"),
        ("publishable_key", "key_mode_mismatch"),
        ("account.raw_card_data_access", "raw_card_data_required"),
        ("card_brands[2]", "invalid_value"),
        ("currencies[0].minimum_payment", "invalid_minimum"),
        ("currencies[1].currency", "brand_currency_unsupported"),
        ("currencies[1].minimum_payment", "minimum_approximate"),
        ("currencies[2].currency", "duplicate_currency"),
        ("currencies[3].currency", "unsupported_currency"),
        ("currencies[3].minimum_payment", "minimum_unverifiable"),
        ("currencies[4].minimum_payment", "invalid_minimum"),
        ("return_url", "return_url_insecure"),
        ("live_card_tested", "live_card_test_missing"),
    ];
    let expected: Vec<(String, &str)> = expected
        .into_iter()
        .map(|(p, c)| (p.to_owned(), c))
        .collect();
    assert_eq!(got, expected, "{}", report_of(&config));
}

// ---- the seeds' own examples ----------------------------------------------------------------

/// S4: "Minimum payment – set “0.5 USD” (or equivalent in other currency you use, e.g., 0.46
/// CHF)"; rules.md §6: valid settling in USD at 1 CHF = 1.09 USD, below Stripe's 0.50 CHF when
/// settling in CHF.
#[test]
fn s4_portabilling_minimums_depend_on_the_settlement_currency() {
    let mut c = valid();
    c.currencies = Some(vec![
        CurrencyConfig::new("USD", "0.50"),
        CurrencyConfig::new("CHF", "0.46").with_rate("1.09"),
    ]);
    assert_eq!(violations(&c), []);

    c.account = Some(AccountConfig::settling_in("CHF"));
    c.currencies = Some(vec![CurrencyConfig::new("CHF", "0.46")]);
    assert_only(
        &c,
        "currencies[0].minimum_payment",
        "minimum_below_stripe",
        Severity::Error,
    );
}

/// rules §11: each bundled configuration gives the findings its platform's profile makes apply.
#[test]
fn the_bundled_configurations_validate_as_documented() {
    // Each platform's files carry only its form's fields (rules §11); the one without a
    // platform keeps the generic meaning (every rule).
    let cases: [(&str, &[&str]); 15] = [
        ("portabilling-usd.json", &[]),
        ("billing-run.json", &[]),
        (
            "portabilling-chf-settlement.json",
            &[
                "login_too_short",
                "key_mode_mismatch",
                "raw_card_data_required",
                "minimum_below_stripe",
                "invalid_value",
            ],
        ),
        ("konnektive-v2.json", &[]),
        (
            "konnektive-v1-new.json",
            &[
                "legacy_version",
                "raw_card_data_required",
                "live_card_test_missing",
            ],
        ),
        ("kartra.json", &[]),
        ("kartra-api-keys.json", &["invalid_value"]),
        ("ipaas-connector.json", &[]),
        (
            "ipaas-connector-unfinished.json",
            &["missing_field", "no_role", "invalid_value"],
        ),
        ("data-connector-oauth2.json", &[]),
        ("data-connector-test-key.json", &["key_mode_mismatch"]),
        ("kartra-connect.json", &[]),
        ("iconduct-connector-test.json", &[]),
        ("cdata-oauth2.json", &[]),
        (
            "everything-wrong.json",
            &[
                "invalid_value",
                "invalid_value",
                "publishable_key_as_secret",
                "key_mode_mismatch",
                "raw_card_data_required",
                "invalid_value",
                "invalid_minimum",
                "brand_currency_unsupported",
                "minimum_approximate",
                "duplicate_currency",
                "unsupported_currency",
                "minimum_unverifiable",
                "invalid_minimum",
                "return_url_insecure",
                "live_card_test_missing",
            ],
        ),
    ];
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/configs");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    files.sort();
    let mut listed: Vec<String> = cases.iter().map(|(f, _)| (*f).to_owned()).collect();
    listed.sort();
    assert_eq!(files, listed, "every bundled configuration is a test case");
    for (file, codes) in cases {
        let text = std::fs::read_to_string(format!("{dir}/{file}")).unwrap();
        let config = Form::from_json(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
        let got: Vec<&str> = report_of(&config)
            .violations()
            .iter()
            .map(|v| ViolationCode::try_from(v.code()).map_or("?", ViolationCode::as_str))
            .collect();
        assert_eq!(got, codes, "{file}: {}", report_of(&config));
    }
}

// ---- the file format -------------------------------------------------------------------------

/// rules §10 (issue 10): "field-level, not file-level": a value of the wrong JSON type, an unknown
/// field or a field given twice is a violation at its path (tests/loading.rs has the details); only
/// a text that is not a JSON object fails the file, with line and column.
#[test]
fn a_bad_value_or_shape_is_a_violation_but_bad_syntax_fails_the_file_with_line_and_column() {
    let config = Form::from_json("{\n  \"name\": \"x\",\n  \"existing\": \"yes\"\n}").unwrap();
    assert!(
        violations(&config).contains(&("existing".into(), "wrong_type", Severity::Error)),
        "{}",
        report_of(&config)
    );
    let config = Form::from_json(r#"{"nmae": "x"}"#).unwrap();
    assert!(violations(&config).contains(&("nmae".into(), "unknown_field", Severity::Error)));
    let config = Form::from_json(r#"{"name": "x", "name": "y"}"#).unwrap();
    assert!(violations(&config).contains(&("name".into(), "duplicate_field", Severity::Error)));
    let err = Form::from_json("{\n  \"name\": \"x\" \"mode\": 1\n}").unwrap_err();
    assert_eq!((err.line(), err.column()), (2, 15));
    assert_eq!(
        err.to_string(),
        "not a gateway configuration: line 2, column 15: not valid JSON here: look for a missing comma, quote, colon or bracket, a comma before a closing bracket, a comment, or text after the object"
    );
    let err = Form::from_json("{\"name\": ").unwrap_err();
    assert_eq!(err.line(), 1);
    assert_eq!(Form::from_json("[]").unwrap_err().code(), "not_an_object");
    assert_eq!(Form::from_json("").unwrap_err().code(), "not_json");
}

/// rules §10, §1: a file that cannot be a configuration fails with its code, and no error repeats
/// a secret in it.
#[test]
fn hostile_files_fail_cleanly_and_never_echo_a_secret() {
    // A secret in a field of the wrong type, and as an unknown field name: violations
    // (issue 10) that never repeat it.
    for json in [
        format!(r#"{{"existing": "{SK_LIVE}"}}"#),
        format!(r#"{{"{SK_LIVE}": 1}}"#),
    ] {
        let report = report_of(&Form::from_json(&json).unwrap());
        let shown = format!("{report} {report:?}");
        assert!(!shown.contains("4eC39HqLyjWDarjtT1zdp7dc"), "{shown}");
    }
    // A secret in a file that is not JSON.
    let err = Form::from_json(&format!(r#"{{"existing": {SK_LIVE}}}"#)).unwrap_err();
    assert!(
        !err.to_string().contains("4eC39HqLyjWDarjtT1zdp7dc"),
        "{err}"
    );
    // Deep nesting: serde_json's recursion limit, not a stack overflow.
    let deep = format!(
        "{{\"name\": {}{}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    assert_eq!(Form::from_json(&deep).unwrap_err().code(), "too_deep");
    // Huge.
    let huge = format!("{{\"name\": \"{}\"}}", "a".repeat(2 << 20));
    let err = Form::from_json(&huge).unwrap_err();
    assert!(err.to_string().contains("more than the 1048576"), "{err}");
    // A huge but allowed name is a violation with a short message.
    let c = {
        let mut config = valid();
        config.name = Some("n".repeat(100_000));
        config
    };
    let report = report_of(&c);
    let v = &report.violations()[0];
    assert!(v.message().len() < 100, "{}", v.message());
}

/// rules §1: a report's JSON never holds a secret.
#[cfg(feature = "serde")]
#[test]
fn reports_serialize_without_secrets() {
    let mut c = valid();
    c.publishable_key = Some(SK_LIVE.into());
    c.auth = Some(AuthConfig::api_key("sk_live_4eC39HqLyjWDarjtT1zdp7d c"));
    let report = c.validate(&c.profile()).unwrap_err();
    let json = serde_json::to_string(&report).unwrap();
    assert!(!json.contains("4eC39HqLyjWDarjtT1zdp7"), "{json}");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["valid"], false);
    assert_eq!(value["violations"][0]["path"], "auth.secret_key");
    assert_eq!(value["violations"][0]["code"], "invalid_secret_key");
    assert_eq!(value["violations"][0]["severity"], "error");
    assert!(value["violations"][0]["remedy"].is_string());
    let debug = format!("{c:?} {report:?} {:?}", gateway(&valid()));
    assert!(!debug.contains("4eC39HqLyjWDarjtT1zdp7"), "{debug}");
}

#[test]
fn validated_gateway_exposes_parsed_values() {
    let mut c = valid();
    c.data_protection = Some("token_only".into());
    c.account = Some({
        let mut account = AccountConfig::settling_in("USD");
        account.raw_card_data_access = true;
        account.country = Some("JP".into());
        account
    });
    let g = gateway(&c);
    assert_eq!(g.data_protection(), Some(DataProtection::TokenOnly));
    assert!(g.raw_card_data_access());
    assert_eq!(g.country().map(|c| c.to_string()), Some("JP".into()));
    assert_eq!(
        g.return_url().unwrap().as_str(),
        "https://shop.example/3ds-return"
    );
    assert!(g.currency(stripe_gateway_rules::Currency::USD).is_some());
    assert!(g.currency(stripe_gateway_rules::Currency::EUR).is_none());
    c.account = Some({
        let mut account = AccountConfig::settling_in("USD");
        account.raw_card_data_access = true;
        account.country = Some("XX".into());
        account
    });
    assert_only(&c, "account.country", "invalid_value", Severity::Error);
}

/// rules.md §1: no secret in any output, even when a key is pasted into the wrong field with
/// a leading space, in quotes, after `Bearer `, in capitals or after `key=`.
#[test]
fn secrets_pasted_into_text_fields_never_reach_messages_or_debug() {
    let body = "4eC39HqLyjWDarjtT1zdp7dc";
    for pasted in [
        format!("sk_live_{body}"),
        format!(" sk_live_{body}"),
        format!("\"sk_live_{body}\""),
        format!("Bearer sk_live_{body}"),
        format!("SK_LIVE_{body}"),
        format!("key=rk_test_{body}"),
        format!("whsec_{body}"),
        format!("pi_3MtwBwLkdIwHu7ix28a3tqPa_secret_{body}"),
    ] {
        let c = {
            let mut config = valid();
            config.name = Some(pasted.clone());
            config.version = Some(pasted.clone());
            config.mode = Some(pasted.clone());
            config.publishable_key = Some(pasted.clone());
            config.account = Some({
                let mut account = AccountConfig::default();
                account.settlement_currency = Some(pasted.clone());
                account.raw_card_data_access = false;
                account.country = Some(pasted.clone());
                account.limits = None;
                account.statement_descriptor = Some(pasted.clone());
                account.statement_descriptor_prefix = Some(pasted.clone());
                account
            });
            config.data_protection = Some(pasted.clone());
            config.card_brands = Some(vec![pasted.clone()]);
            config.currencies = Some(vec![
                CurrencyConfig::new(&pasted, &pasted).with_rate(&pasted),
            ]);
            config.return_url = Some(pasted.clone());
            config
        };
        let report = report_of(&c);
        let mut outputs = vec![report.to_string(), format!("{c:?}"), format!("{report:?}")];
        #[cfg(feature = "serde")]
        outputs.push(serde_json::to_string(&report).unwrap());
        for v in report.violations() {
            outputs.push(v.remedy().unwrap_or_default().to_owned());
        }
        for out in outputs {
            // Any 8 characters of the body would be a leak.
            for window in body.as_bytes().windows(8) {
                let window = std::str::from_utf8(window).unwrap();
                assert!(
                    !out.contains(window),
                    "{pasted:?} leaked {window:?} in:\n{out}"
                );
            }
        }
    }
}

// ---- issue 14 ---------------------------------------------------------------------------------

/// Issue 14: S4 writes a minimum as "0.5 USD" (and `Money` parses exactly that form). The
/// currency comes from the entry: the same currency is accepted, another is refused with a
/// message that says so.
#[test]
fn a_minimum_written_with_its_currency_is_accepted_or_told_to_drop_it_s4() {
    let mut c = valid();
    c.currencies = Some(vec![CurrencyConfig::new("USD", "0.50 USD")]);
    assert_eq!(violations(&c), []);
    let gateway = gateway(&c);
    assert_eq!(gateway.currencies()[0].minimum().to_string(), "0.50 USD");

    c.currencies = Some(vec![CurrencyConfig::new("USD", "0.50 EUR")]);
    assert_only(
        &c,
        "currencies[0].minimum_payment",
        "invalid_value",
        Severity::Error,
    );
    let report = report_of(&c);
    let v = &report.violations()[0];
    assert!(!v.message().contains("not a decimal"), "{v}");
    assert!(
        v.message().contains("EUR") && v.message().contains("USD"),
        "{v}"
    );
    assert!(
        v.remedy()
            .unwrap()
            .contains("the currency comes from the entry"),
        "{v:?}"
    );

    c.currencies = Some(vec![CurrencyConfig::new("USD", "0,50 USD")]);
    let report = report_of(&c);
    let v = &report.violations()[0];
    assert_eq!(v.code(), &ViolationCode::InvalidValue);
    assert!(
        v.remedy()
            .unwrap()
            .contains("currency comes from the entry")
    );
}

/// Issue 14: a publishable key in the secret slot and a secret key in the publishable slot
/// are one mistake, and both errors say the keys look swapped.
#[test]
fn swapped_secret_and_publishable_keys_are_named_as_swapped_rules_1() {
    let mut c = valid();
    c.auth = Some(AuthConfig::api_key(PK_LIVE));
    c.publishable_key = Some(SK_LIVE.into());
    let report = report_of(&c);
    let at: Vec<(String, &str)> = report
        .violations()
        .iter()
        .map(|v| (v.path().to_string(), v.code().as_str()))
        .collect();
    assert_eq!(
        at,
        [
            ("auth.secret_key".to_owned(), "publishable_key_as_secret"),
            ("publishable_key".to_owned(), "wrong_credential_kind"),
        ]
    );
    for v in report.violations() {
        assert!(v.remedy().unwrap().contains("look swapped"), "{v:?}");
        assert_eq!(v.param("swapped"), Some("true"));
        assert!(!v.to_string().contains("4eC39HqLyjWDarjtT1zdp7dc"));
    }
    // One key wrong alone is not called swapped.
    c.publishable_key = Some(PK_LIVE.into());
    assert!(
        report_of(&c)
            .violations()
            .iter()
            .all(|v| !v.remedy().unwrap_or("").contains("swapped"))
    );
}

/// Issue 14: a restricted key works only with the permissions it was given: a warning naming
/// what the platform's operations need.
#[test]
fn restricted_key_is_a_warning_naming_the_permissions_needed_rules_1() {
    let mut c = valid();
    c.auth = Some(AuthConfig::api_key("rk_live_4eC39HqLyjWDarjtT1zdp7dc"));
    assert_only(&c, "auth.secret_key", "restricted_key", Severity::Warning);
    let report = report_of(&c);
    let remedy = report.violations()[0].remedy().unwrap();
    assert!(
        remedy.contains("charges, refunds, customers and payment methods"),
        "{remedy}"
    );
    // A connector needs other permissions: its profile names them.
    c.platform = Some("ipaas_connector".into());
    let report = report_of(&c);
    let v = report
        .with_code(ViolationCode::RestrictedKey)
        .next()
        .expect("the warning");
    assert!(v.remedy().unwrap().contains("Connect reads"), "{v:?}");
}
