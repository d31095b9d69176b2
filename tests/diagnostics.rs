//! The one report model (issue 9): every check reports through `diagnostics`, a platform adds
//! its own checks to the same report, reports compose with `?`, and texts are fit for a UI.

mod support;

use std::error::Error;

use secrecy::SecretString;
use stripe_gateway_rules::ViolationCode;
use stripe_gateway_rules::config::{AccountConfig, CurrencyConfig, Form, GatewayConfig};
use stripe_gateway_rules::connection::{ConnectionSettingsConfig, Timeout};
use stripe_gateway_rules::diagnostics::{Code, Path, Report, Severity, Violation};

const SECRET: &str = "sk_live_51Habc4eC39HqLyjWDarjtT1zdp7dcXYZ0123456789";
const BODY: &str = "51Habc4eC39HqLyjWDarjtT1zdp7dcXYZ0123456789";

fn no_body(what: &str, text: &str) {
    for window in BODY.as_bytes().windows(12) {
        let window = std::str::from_utf8(window).unwrap();
        assert!(
            !text.contains(window),
            "{what} shows {window:?} of the secret:\n{text}"
        );
    }
}

fn konnektive_usd() -> GatewayConfig {
    let loaded = Form::from_json(include_str!("../examples/configs/konnektive-v2.json")).unwrap();
    loaded
        .form()
        .gateway()
        .expect("Konnektive's is a payment gateway's form")
        .clone()
}

#[test]
fn loading_and_validating_compose_with_the_question_mark() {
    fn gateway_name(json: &str) -> Result<String, Box<dyn Error>> {
        let loaded = Form::from_json(json)?;
        let gateway = loaded.validate(&loaded.profile())?.into_gateway()?;
        Ok(gateway.name().to_owned())
    }
    let json = include_str!("../examples/configs/konnektive-v2.json");
    assert!(gateway_name(json).is_ok());
    let broken = json.replace("\"v2\"", "\"v9\"");
    let err = gateway_name(&broken).unwrap_err();
    let report = err
        .downcast_ref::<Report>()
        .expect("the report is the error");
    assert!(report.has(ViolationCode::InvalidValue));
    assert!(
        gateway_name("{")
            .unwrap_err()
            .to_string()
            .contains("line 1")
    );
}

#[test]
fn a_platform_adds_its_own_violations_to_the_crates_report() {
    let mut config = konnektive_usd();
    config.name = None;
    let mut report = config.validate(&config.profile()).unwrap_err();
    let crate_errors = report.errors().count();
    let login = Code::platform("login_too_short").unwrap();
    report.push(
        Violation::error("login", login.clone(), "the login is 3 characters long")
            .with_remedy("enter a login longer than 4 characters")
            .with_param("min_chars", 5),
    );
    report.extend([Violation::warning(
        Path::field("campaigns").index(2).then("descriptor"),
        Code::platform("descriptor_long").unwrap(),
        "the descriptor will be cut at 22 characters",
    )]);
    assert_eq!(report.errors().count(), crate_errors + 1);
    assert!(report.has(login.clone()));
    assert!(report.has(ViolationCode::MissingField));
    // A platform's code never equals the crate's, even when spelled the same.
    let lookalike = Code::platform("missing_field").unwrap();
    assert!(lookalike.is_platform());
    assert_ne!(lookalike, Code::from(ViolationCode::MissingField));
    // Ordered by the platform's field order, nested paths printed as in the file.
    report.sort_in_field_order(&["login", "name", "campaigns"]);
    let paths: Vec<String> = report
        .violations()
        .iter()
        .map(|v| v.path().to_string())
        .collect();
    assert_eq!(paths[0], "login");
    assert!(paths.contains(&"campaigns[2].descriptor".to_owned()));
    let text = report.to_string();
    assert!(
        text.contains("error[login_too_short] login: the login is 3 characters long"),
        "{text}"
    );
    assert!(
        text.contains("warning[descriptor_long] campaigns[2].descriptor"),
        "{text}"
    );
    for (name, value) in report.with_code(login).next().unwrap().params() {
        assert_eq!((name, value), ("min_chars", "5"));
    }
}

#[test]
fn platform_codes_are_snake_case_ascii() {
    for bad in [
        "",
        "Login",
        "login-short",
        "1abc",
        "é",
        "sk_live_",
        &"a".repeat(65),
    ] {
        let ok = Code::platform(bad).is_ok();
        // `sk_live_` is well-formed snake_case; the others are not.
        assert_eq!(ok, bad == "sk_live_", "{bad:?}");
    }
    let err = Code::platform("Login Too Short").unwrap_err().to_string();
    assert!(!err.contains("Login"), "{err}");
}

#[test]
fn a_remedy_shared_by_one_fields_violations_is_rendered_once() {
    let mut report = Report::new();
    for message in ["first problem", "second problem"] {
        report.push(
            Violation::error("login", Code::platform("bad_login").unwrap(), message)
                .with_remedy("enter the login the platform gave you"),
        );
    }
    let text = report.to_string();
    assert_eq!(text.matches("remedy: enter the login").count(), 1, "{text}");
    assert_eq!(text.matches("problem").count(), 2, "{text}");
}

#[cfg(feature = "serde")]
#[test]
fn the_report_serializes_params_beside_path_code_message_and_remedy() {
    let mut config = konnektive_usd();
    config.account = Some(AccountConfig::settling_in("CHF"));
    config.currencies = Some(vec![CurrencyConfig::new("CHF", "0.46")]);
    let report = config.validate(&config.profile()).unwrap_err();
    let json = serde_json::to_value(&report).unwrap();
    let v = json["violations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["code"] == "minimum_below_stripe")
        .expect("minimum_below_stripe");
    assert_eq!(v["path"], "currencies[0].minimum_payment");
    assert_eq!(v["severity"], "error");
    assert_eq!(v["params"]["minimum"], "0.46");
    assert_eq!(v["params"]["currency"], "CHF");
    assert_eq!(v["params"]["stripe_minimum"], "0.50");
    assert_eq!(v["params"]["smallest_passing_minimum"], "0.50");
}

/// rules §6, S4: "0.46 CHF" settling in CHF is below Stripe's 0.50 CHF; the remedy names the
/// smallest minimum that passes.
#[test]
fn minimum_below_stripe_names_the_smallest_minimum_that_passes() {
    let mut config = konnektive_usd();
    config.account = Some(AccountConfig::settling_in("CHF"));
    config.currencies = Some(vec![CurrencyConfig::new("CHF", "0.46")]);
    let report = config.validate(&config.profile()).unwrap_err();
    let v = report
        .with_code(ViolationCode::MinimumBelowStripe)
        .next()
        .unwrap();
    assert_eq!(
        v.remedy(),
        Some("raise the minimum payment to 0.50 or more")
    );

    // Settling in USD at 1 CHF = 1.09 USD, 0.40 CHF converts to 0.436 USD: 0.46 CHF is the
    // smallest minimum that reaches 0.50 USD (0.4587… rounded up to the centime).
    config.account = Some(AccountConfig::settling_in("USD"));
    config.currencies = Some(vec![CurrencyConfig::new("CHF", "0.40").with_rate("1.09")]);
    let report = config.validate(&config.profile()).unwrap_err();
    let v = report
        .with_code(ViolationCode::MinimumBelowStripe)
        .next()
        .unwrap();
    assert_eq!(
        v.remedy(),
        Some(
            "raise the minimum payment to 0.46 or more, which converts to at least 0.50 USD at this rate"
        )
    );
    assert_eq!(v.param("smallest_passing_minimum"), Some("0.46"));
    config.currencies = Some(vec![CurrencyConfig::new("CHF", "0.46").with_rate("1.09")]);
    assert!(config.validate(&config.profile()).is_ok());
}

/// rules §1 (issue 9, leak 2): `Timeout`'s error kept the first 40 characters of what was typed.
#[test]
fn regression_a_secret_typed_as_a_timeout_is_not_quoted() {
    for typed in [
        SECRET.to_owned(),
        format!(" {SECRET}"),
        format!("\"{SECRET}\""),
        format!("Bearer {SECRET}"),
        SECRET.to_uppercase(),
    ] {
        let err = typed.parse::<Timeout>().unwrap_err();
        no_body("TimeoutError Display", &err.to_string());
        no_body("TimeoutError Debug", &format!("{err:?}"));
        let mut draft = ConnectionSettingsConfig::default();
        draft.timeout_ms = Some(typed.clone());
        no_body("settings report", &draft.check().to_string());
    }
}

/// rules §1 (issue 9, leak 3): `ConnectionSettingsConfig` derived `Debug` over its text fields.
#[test]
fn regression_the_settings_drafts_debug_is_guarded() {
    let mut draft = ConnectionSettingsConfig::default();
    draft.name = Some(SECRET.to_owned());
    draft.timeout_ms = Some(format!("Bearer {SECRET}"));
    draft.api_version = Some(format!("\"{SECRET}\""));
    draft.secret_key = Some(SecretString::from(SECRET));
    let debug = format!("{draft:?}");
    no_body("draft Debug", &debug);
    assert!(debug.contains("ConnectionSettingsConfig"), "{debug}");
}

#[test]
fn warnings_and_errors_keep_their_severity_in_every_form() {
    let mut draft = ConnectionSettingsConfig::default();
    draft.name = Some("Stripe".into());
    draft.active = true;
    draft.secret_key = Some(SecretString::from("sk_test_4eC39HqLyjWDarjtT1zdp7dc"));
    let report = draft.check();
    assert!(report.is_valid());
    assert_eq!(report.violations()[0].severity(), Severity::Warning);
    assert!(draft.validate().is_ok());
}

#[test]
fn the_translation_example_words_refusals_from_params_alone() {
    let output = support::example("translate_refusals").output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{stdout}");
    assert!(
        stdout.contains("de: Ihre Zahlung muss mindestens 0,50 USD betragen"),
        "{stdout}"
    );
    assert!(
        stdout.contains("es: Su pago debe ser de al menos 0,50 USD"),
        "{stdout}"
    );
    assert!(
        stdout.contains("en: Your payment must be no less than 0.50 USD"),
        "{stdout}"
    );
}

/// Every error becomes a violation at a path through one trait, `ToViolation` (issue 18): a
/// value parser's error is `invalid_value` with its own code as the `reason` param, a
/// credential keeps its own rule, a refusal keeps its code, a callback names its parameter.
#[test]
fn every_error_becomes_a_violation_at_its_path_through_one_trait() {
    use stripe_gateway_rules::diagnostics::ToViolation;
    use stripe_gateway_rules::{Money, credentials::SecretKey};

    fn at(e: &dyn ToViolation, field: &'static str) -> Violation {
        e.to_violation(Path::field(field))
    }
    let timeout = "30s".parse::<Timeout>().unwrap_err();
    let money = "1e3 USD".parse::<Money>().unwrap_err();
    let version = "2024-13-01"
        .parse::<stripe_gateway_rules::api_version::ApiVersion>()
        .unwrap_err();
    let brand = "Visa"
        .parse::<stripe_gateway_rules::card_brand::CardBrand>()
        .unwrap_err();
    for (v, path, reason) in [
        (
            at(&timeout, "timeout_ms"),
            "timeout_ms",
            Some("not_a_number"),
        ),
        (
            at(&money, "minimum_payment"),
            "minimum_payment",
            Some("money_amount_syntax"),
        ),
        (
            at(&version, "api_version"),
            "api_version",
            Some("invalid_month"),
        ),
        (
            at(&brand, "card_brands"),
            "card_brands",
            Some("unknown_card_brand"),
        ),
    ] {
        assert_eq!(*v.code(), ViolationCode::InvalidValue, "{v}");
        assert_eq!(v.path().to_string(), path);
        assert_eq!(v.param("reason"), reason, "{v}");
        assert_eq!(v.severity(), Severity::Error);
    }
    assert_eq!(at(&timeout, "timeout_ms").remedy(), Some(timeout.remedy()));
    // A publishable key in the secret key's field keeps its own rule.
    let key = "pk_test_4eC39HqLyjWDarjtT1zdp7dc"
        .parse::<SecretKey>()
        .unwrap_err();
    let v = at(&key, "secret_key");
    assert_eq!(*v.code(), ViolationCode::PublishableKeyAsSecret);
    assert_eq!(v.param("reason"), Some("publishable_key_as_secret"));
}

/// The umbrella `Error` (issue 18): every error of the crate converts into it, so `?` composes
/// across calls; its code is the inner error's, and the inner error is reachable.
#[test]
fn the_crates_error_composes_every_error_with_the_question_mark() {
    use stripe_gateway_rules::codes::Family;
    use stripe_gateway_rules::operation::Refusal;
    use stripe_gateway_rules::{Money, credentials::CredentialError, credentials::SecretKey};

    fn key_then_money(key: &str, money: &str) -> Result<Money, stripe_gateway_rules::Error> {
        let _key: SecretKey = key.parse()?;
        Ok(money.parse()?)
    }
    let e = key_then_money(&format!("{SECRET} "), "1 USD").unwrap_err();
    assert_eq!(e.code(), "whitespace");
    assert_eq!(e.family(), Some(Family::Credential));
    assert!(e.is::<CredentialError>());
    assert_eq!(
        e.downcast_ref::<CredentialError>()
            .map(|c| c.code().as_str()),
        Some("whitespace")
    );
    no_body("umbrella error", &e.to_string());
    no_body("umbrella error", &format!("{e:?}"));
    let e = key_then_money("sk_test_4eC39HqLyjWDarjtT1zdp7dc", "1 XYZ").unwrap_err();
    assert_eq!(
        (e.code(), e.family()),
        ("currency_unknown", Some(Family::Money))
    );

    let from_report = |report: Report| -> Result<(), stripe_gateway_rules::Error> { Err(report)? };
    let report: Report = [
        Violation::warning("name", ViolationCode::NoRole, "a warning"),
        Violation::error("mode", ViolationCode::InvalidValue, "an error"),
    ]
    .into_iter()
    .collect();
    let e = from_report(report.clone()).unwrap_err();
    assert_eq!(
        (e.code(), e.family()),
        ("invalid_value", Some(Family::Violation))
    );
    assert_eq!(e.downcast_ref::<Report>(), Some(&report));
    let platform: Report = [Violation::error(
        "login",
        Code::platform("login_short").unwrap(),
        "short",
    )]
    .into_iter()
    .collect();
    let e = from_report(platform).unwrap_err();
    assert_eq!((e.code(), e.family()), ("login_short", None));

    let e = stripe_gateway_rules::Error::from(Refusal::VoidUnsupported);
    assert_eq!(
        (e.code(), e.family()),
        ("void_unsupported", Some(Family::Refusal))
    );
    assert_eq!(e.to_string(), Refusal::VoidUnsupported.to_string());
}
