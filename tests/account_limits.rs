//! Account limits in the gateway configuration (issue 11, "Account limits and table
//! overrides"): the default maximum stays the API reference's; a configuration states the
//! account's limits in `account.limits` (the card networks' digits, per currency, per brand,
//! replaced minimums), the validated gateway keeps them, `check` converts within them, and
//! the report and every refusal name the limit used.
//!
//! Sources: stripe-facts §1.2 and <https://docs.stripe.com/currencies> (card payments "up to
//! 12 digits", American Express 9; the API reference's PaymentIntent `amount`: "up to eight
//! digits"); stripe-facts §1.1 (the minimum table an account can replace); rules §5, §6.

use jiff::Timestamp;
use proptest::prelude::*;
use rust_decimal::Decimal;
use stripe_gateway_rules::authorization::Authorization;
use stripe_gateway_rules::diagnostics::ToViolation;
use stripe_gateway_rules::money::{AmountLimits, LimitSource, MinorUnits};
use stripe_gateway_rules::operation::{Capture, CardSource, Payment, Refund};
use stripe_gateway_rules::{
    Currency, Money, Operation, Platform, Severity, ValidatedGateway, card_brand::CardBrand,
    credentials::AuthScheme,
};
use stripe_gateway_rules::{
    codes::ViolationCode,
    config::{Form, GatewayDraft},
    diagnostics::Report,
};

/// A test-mode gateway settling in USD, with USD and VND assigned (VND at a rate that makes
/// its 20,000 minimum 0.80 USD), and `limits` as the `account.limits` member (`None`: none).
fn config_json(limits: Option<&str>, usd_minimum: &str) -> String {
    let limits = limits.map_or(String::new(), |l| format!(r#", "limits": {l}"#));
    format!(
        r#"{{
  "name": "Stripe VND",
  "version": "v2",
  "mode": "test",
  "auth": {{ "scheme": "api_key", "secret_key": "sk_test_4eC39HqLyjWDarjtT1zdp7dc" }},
  "account": {{ "settlement_currency": "USD"{limits} }},
  "card_brands": ["visa", "mastercard", "amex"],
  "currencies": [
    {{ "currency": "USD", "minimum_payment": "{usd_minimum}" }},
    {{ "currency": "VND", "minimum_payment": "20000", "rate_to_settlement": "0.00004" }}
  ]
}}"#
    )
}

fn gateway(limits: Option<&str>) -> ValidatedGateway {
    validated(&config_json(limits, "0.50")).expect("valid")
}

/// The file validated by its own profile, with what the loader found in it: the payment
/// gateway, or the report.
fn validated(json: &str) -> Result<ValidatedGateway, Report> {
    let loaded = Form::from_json(json).expect("a configuration");
    loaded
        .validate(&loaded.profile())
        .map(|form| form.into_gateway().expect("a payment gateway"))
}

fn vnd(amount: i64) -> Money {
    Money::new(Decimal::new(amount, 0), Currency::VND)
}

fn sale(amount: Money) -> Operation<'static> {
    Operation::Sale(Payment::new(amount, CardSource::Saved))
}

fn param(refusal: &stripe_gateway_rules::operation::Refusal, name: &str) -> String {
    refusal
        .params()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.to_string())
        .unwrap_or_else(|| panic!("no param {name}"))
}

fn codes_at(report: &stripe_gateway_rules::Report) -> Vec<String> {
    report
        .violations()
        .iter()
        .map(|v| format!("{} {}", v.path(), v.code()))
        .collect()
}

/// stripe-facts §1.2: 103,500,000 VND is 9 digits in minor units (VND is zero-decimal), over
/// the API reference's 8; refused by default, and the refusal names the limit used.
#[test]
fn a_9_digit_vnd_card_payment_is_refused_by_default_naming_the_api_reference() {
    let gateway = gateway(None);
    assert!(gateway.limits().is_default());
    assert!(!gateway.report().has(ViolationCode::AccountLimitsStated));

    let refusal = gateway.check(&sale(vnd(103_500_000))).unwrap_err();
    assert_eq!(refusal.code().as_str(), "amount_too_large");
    assert_eq!(param(&refusal, "max"), "99999999");
    assert_eq!(param(&refusal, "limit_source"), "api_reference");
    let message = refusal.to_string();
    assert!(
        message.contains("the maximum in Stripe's API reference"),
        "{message}"
    );
    let violation = refusal.to_violation("amount".into());
    assert_eq!(violation.param("limit_source"), Some("api_reference"));
}

/// stripe-facts §1.2: <https://docs.stripe.com/currencies>: "up to 12 digits for most card
/// payments". With the card networks' digits stated, the same payment is accepted, and the report
/// says which limits the checks use.
#[test]
fn the_same_payment_is_accepted_when_the_configuration_states_the_card_networks_digits() {
    let gateway = gateway(Some(r#"{ "card_networks": true }"#));
    assert!(gateway.limits().uses_card_networks());
    assert_eq!(gateway.check(&sale(vnd(103_500_000))), Ok(()));
    let visa = Payment::new(vnd(999_999_999_999), CardSource::Saved).with_brand(CardBrand::Visa);
    assert_eq!(gateway.check(&Operation::Sale(visa)), Ok(()));

    let report = gateway.report();
    let stated: Vec<_> = report
        .with_code(ViolationCode::AccountLimitsStated)
        .collect();
    assert_eq!(stated.len(), 1);
    assert_eq!(stated[0].path(), "account.limits");
    assert_eq!(stated[0].severity(), Severity::Warning);
    assert_eq!(
        stated[0].message(),
        "the checks use the account's stated limits: the card networks' digits for card payments (12 digits in minor units, American Express 9)"
    );
}

/// stripe-facts §1.2: the page: "9 digits for American Express". A 10-digit amex sale is refused
/// with the card networks' maximum named; an unknown brand gets 9 digits, the smallest a network
/// imposes.
#[test]
fn american_express_keeps_9_digits_and_the_refusal_names_the_card_networks() {
    let gateway = gateway(Some(r#"{ "card_networks": true }"#));
    let amex =
        Payment::new(vnd(1_035_000_000), CardSource::Saved).with_brand(CardBrand::AmericanExpress);
    let refusal = gateway.check(&Operation::Sale(amex)).unwrap_err();
    assert_eq!(refusal.code().as_str(), "amount_too_large");
    assert_eq!(param(&refusal, "max"), "999999999");
    assert_eq!(param(&refusal, "limit_source"), "card_networks");
    assert!(
        refusal
            .to_string()
            .contains("by the card networks' maximum on Stripe's currencies page")
    );
    // Brand unknown: 9 digits.
    let refusal = gateway.check(&sale(vnd(1_035_000_000))).unwrap_err();
    assert_eq!(param(&refusal, "limit_source"), "card_networks");
}

/// rules §5, stripe-facts §1.2: a capture knows its card's brand from the authorization; a refund
/// from `with_brand`.
#[test]
fn a_capture_uses_the_authorizations_brand_and_a_refund_its_own() {
    let gateway = gateway(Some(r#"{ "card_networks": true }"#));
    let at: Timestamp = "2026-11-01T12:00:00Z".parse().unwrap();
    let amount = vnd(50_000_000_000);
    let capture = |auth: Authorization| Operation::Capture(Capture::new(amount, amount, auth, at));
    let visa = Authorization::new(at).brand(CardBrand::Visa);
    assert_eq!(gateway.check(&capture(visa)), Ok(()));
    let amex = Authorization::new(at).brand(CardBrand::AmericanExpress);
    let refusal = gateway.check(&capture(amex)).unwrap_err();
    assert_eq!(param(&refusal, "limit_source"), "card_networks");

    let refund = Refund::new(amount, amount, vnd(0));
    let refusal = gateway.check(&Operation::Refund(refund)).unwrap_err();
    assert_eq!(refusal.code().as_str(), "amount_too_large");
    assert_eq!(param(&refusal, "limit_source"), "card_networks");
    let refund = refund.with_brand(CardBrand::Mastercard);
    assert_eq!(gateway.check(&Operation::Refund(refund)), Ok(()));
}

/// rules §5: an account's own maximum per currency and per brand, stated in the file, read exactly
/// (a JSON number too), and named by the refusal.
#[test]
fn stated_currency_and_brand_maximums_are_used_and_named() {
    let gateway = gateway(Some(
        r#"{
          "currency_max": [{ "currency": "VND", "max_minor_units": 500000000 }],
          "brand_max": [{ "brand": "amex", "max_minor_units": "200000000" }]
        }"#,
    ));
    assert_eq!(
        gateway.limits().currency_maximums(),
        [(Currency::VND, MinorUnits::new(500_000_000))]
    );
    assert_eq!(gateway.check(&sale(vnd(400_000_000))), Ok(()));
    let refusal = gateway.check(&sale(vnd(600_000_000))).unwrap_err();
    assert_eq!(param(&refusal, "limit_source"), "account_currency");
    assert_eq!(param(&refusal, "max"), "500000000");
    let amex =
        Payment::new(vnd(300_000_000), CardSource::Saved).with_brand(CardBrand::AmericanExpress);
    let refusal = gateway.check(&Operation::Sale(amex)).unwrap_err();
    assert_eq!(param(&refusal, "limit_source"), "account_brand");
    assert!(
        refusal
            .to_string()
            .contains("the account's maximum for this card brand")
    );
    let stated = gateway.report();
    let note = stated
        .with_code(ViolationCode::AccountLimitsStated)
        .next()
        .unwrap();
    assert_eq!(
        note.message(),
        "the checks use the account's stated limits: VND at most 500000000 minor units; American Express cards at most 200000000 minor units"
    );
}

/// stripe-facts §1.1: Stripe's minimum for a USD account is 0.50 USD. An account that states
/// 0.40 may configure a 0.40 minimum payment (validation uses the replaced minimum), and
/// `check` accepts 0.40 and refuses 0.39.
#[test]
fn a_replaced_lower_minimum_is_used_by_validation_and_by_check() {
    let default = validated(&config_json(None, "0.40")).unwrap_err();
    assert!(default.has(ViolationCode::MinimumBelowStripe));

    let limits = r#"{ "minimums": [{ "currency": "USD", "minimum": "0.40" }] }"#;
    let gateway =
        validated(&config_json(Some(limits), "0.40")).expect("valid with the account's minimum");
    let usd = |cents| Money::new(Decimal::new(cents, 2), Currency::USD);
    assert_eq!(gateway.check(&sale(usd(40))), Ok(())); // 0.40 USD
    let refusal = gateway.check(&sale(usd(39))).unwrap_err();
    assert_eq!(refusal.code().as_str(), "below_minimum");
    assert_eq!(param(&refusal, "minimum"), "0.40");
    assert_eq!(gateway.limits().minimum_for(Currency::USD), Some(usd(40)));
    let note = gateway.report();
    let note = note
        .with_code(ViolationCode::AccountLimitsStated)
        .next()
        .unwrap();
    assert!(
        note.message()
            .contains("a minimum charge of 0.40 USD for an account that settles in USD"),
        "{}",
        note.message()
    );
}

/// rules §6, stripe-facts §1.1: a replaced higher minimum: the 0.50 USD the table allows is now
/// below the account's.
#[test]
fn a_replaced_higher_minimum_refuses_a_lower_minimum_payment() {
    let limits = r#"{ "minimums": [{ "currency": "USD", "minimum": "0.60" }] }"#;
    let report = validated(&config_json(Some(limits), "0.50")).unwrap_err();
    let below = report
        .with_code(ViolationCode::MinimumBelowStripe)
        .next()
        .expect("minimum_below_stripe");
    assert_eq!(below.path(), "currencies[0].minimum_payment");
    assert_eq!(below.param("stripe_minimum"), Some("0.60"));
    assert_eq!(below.param("minimum_stated_by_account"), Some("true"));
}

/// rules §5, §10: bad limits are violations at their paths, every one reported, nothing panics.
#[test]
fn bad_limits_are_violations_at_their_paths() {
    let limits = r#"{
      "card_networks": "yes",
      "currency_max": [
        { "currency": "XYZ", "max_minor_units": "1000" },
        { "currency": "VND", "max_minor_units": "0" },
        { "currency": "USD", "max_minor_units": "1.5" },
        { "currency": "EUR", "max_minor_units": "9999999999999" },
        { "max_minor_units": "1000" },
        { "currency": "VND", "max_minor_units": "1000" }
      ],
      "brand_max": [
        { "brand": "visaa", "max_minor_units": "1000" },
        { "brand": "unknown", "max_minor_units": "1000" },
        "amex"
      ],
      "minimums": [{ "currency": "USD", "minimum": "-1" }, { "currency": "JPY", "minimum": "0.5" }],
      "cardnetworks": true
    }"#;
    let report = validated(&config_json(Some(limits), "0.50")).unwrap_err();
    let found = codes_at(&report);
    for expected in [
        "account.limits.card_networks wrong_type",
        "account.limits.currency_max[0].currency invalid_value",
        "account.limits.currency_max[1].max_minor_units invalid_value",
        "account.limits.currency_max[2].max_minor_units invalid_value",
        "account.limits.currency_max[3].max_minor_units invalid_value",
        "account.limits.currency_max[4].currency missing_field",
        "account.limits.currency_max[5].currency invalid_value",
        "account.limits.brand_max[0].brand invalid_value",
        "account.limits.brand_max[1].brand invalid_value",
        "account.limits.brand_max[2] wrong_type",
        "account.limits.minimums[0].minimum invalid_value",
        "account.limits.minimums[1].minimum invalid_value",
        "account.limits.cardnetworks unknown_field",
    ] {
        assert!(
            found.iter().any(|f| f == expected),
            "{expected} not in {found:#?}"
        );
    }
    let message = |path: &str| {
        report
            .violations()
            .iter()
            .find(|v| v.path() == path)
            .map(|v| v.message().to_owned())
            .unwrap()
    };
    assert_eq!(
        message("account.limits.currency_max[1].max_minor_units"),
        "the maximum 0 is not positive"
    );
    assert_eq!(
        message("account.limits.currency_max[2].max_minor_units"),
        "the maximum 1.5 is not a whole number of minor units"
    );
    assert_eq!(
        message("account.limits.currency_max[5].currency"),
        "currency VND is given more than once in account.limits.currency_max"
    );
    assert_eq!(
        message("account.limits.minimums[0].minimum"),
        "the minimum charge -1 USD is not positive"
    );
    let unknown = report
        .with_code(ViolationCode::UnknownField)
        .next()
        .unwrap();
    assert_eq!(unknown.param("did_you_mean"), Some("card_networks"));
    // Every finding has a remedy and says what is wrong in lowercase.
    for v in report.violations() {
        assert!(v.remedy().is_some(), "{}", v.path());
        assert!(
            !v.message().starts_with(char::is_uppercase),
            "{}",
            v.message()
        );
    }
}

/// rules §1: a secret pasted into a limits field is never echoed whole.
#[test]
fn a_secret_in_a_limits_field_is_not_echoed() {
    let secret = "sk_live_4eC39HqLyjWDarjtT1zdp7dcXYZ";
    let limits = format!(
        r#"{{ "currency_max": [{{ "currency": "{secret}", "max_minor_units": "{secret}" }}], "brand_max": [{{ "brand": "{secret}", "max_minor_units": "1" }}] }}"#
    );
    let config = Form::from_json(&config_json(Some(&limits), "0.50")).unwrap();
    let report = config.validate(&config.profile()).unwrap_err();
    assert!(report.violations().len() >= 3);
    let shown = format!("{report} {report:?} {config:?}");
    assert!(!shown.contains("4eC39HqLyjWDarjtT1zdp7dc"), "{shown}");
}

/// rules §5: code users state the limits on a [`GatewayDraft`]; the validated gateway keeps them.
#[test]
fn a_typed_draft_states_limits_in_code() {
    let mut draft = GatewayDraft::new(
        "Stripe VND",
        AuthScheme::api_key("sk_test_4eC39HqLyjWDarjtT1zdp7dc".parse().unwrap()),
    )
    .with_limits(AmountLimits::card_networks());
    draft.version = Some(stripe_gateway_rules::version::GatewayVersion::V2);
    draft.mode = Some(stripe_gateway_rules::credentials::Mode::Test);
    draft.settlement_currency = Some(Currency::VND);
    draft.card_brands = vec![CardBrand::Visa];
    draft.minimums = vec![(vnd(20_000), None)];
    let gateway = draft
        .validate(&Platform::Generic.profile())
        .expect("valid")
        .into_gateway()
        .expect("a payment gateway");
    assert_eq!(gateway.limits(), &AmountLimits::card_networks());
    assert!(gateway.report().has(ViolationCode::AccountLimitsStated));
    assert_eq!(gateway.check(&sale(vnd(103_500_000))), Ok(()));
    assert_eq!(
        gateway
            .limits()
            .max_for(
                Currency::VND,
                stripe_gateway_rules::money::ChargeMethod::Unknown
            )
            .source(),
        LimitSource::ApiReference
    );
}

/// stripe-facts §1.2: `japanese_account` follows `account.country` unless stated: JCB keeps 8
/// digits on a Japanese account (the page: "JCB, Diners Club and Discover from Japanese Stripe
/// accounts").
#[test]
fn a_japanese_account_follows_the_country_unless_stated() {
    let json = config_json(Some(r#"{ "card_networks": true }"#), "0.50").replace(
        r#""settlement_currency": "USD""#,
        r#""settlement_currency": "USD", "country": "JP""#,
    );
    let gateway = validated(&json).unwrap();
    assert!(gateway.limits().is_japanese_account());
    let json = config_json(
        Some(r#"{ "card_networks": true, "japanese_account": false }"#),
        "0.50",
    )
    .replace(
        r#""settlement_currency": "USD""#,
        r#""settlement_currency": "USD", "country": "JP""#,
    );
    let gateway = validated(&json).unwrap();
    assert!(!gateway.limits().is_japanese_account());
}

proptest! {
    /// rules §5, §10: any text in any limits field: no panic, and every problem is at a path inside
    /// `account.limits` (the rest of the configuration is valid).
    #[test]
    fn any_text_in_limits_fields_is_a_violation_inside_account_limits(
        text in "\\PC{0,40}",
        field in 0usize..5,
    ) {
        let quoted = serde_json::to_string(&text).unwrap();
        let limits = match field {
            0 => format!(r#"{{ "currency_max": [{{ "currency": {quoted}, "max_minor_units": "1000" }}] }}"#),
            1 => format!(r#"{{ "currency_max": [{{ "currency": "VND", "max_minor_units": {quoted} }}] }}"#),
            2 => format!(r#"{{ "brand_max": [{{ "brand": {quoted}, "max_minor_units": "1000" }}] }}"#),
            3 => format!(r#"{{ "minimums": [{{ "currency": "USD", "minimum": {quoted} }}] }}"#),
            _ => format!(r#"{{ "minimums": [{{ "currency": {quoted}, "minimum": "0.50" }}] }}"#),
        };
        let loaded = Form::from_json(&config_json(Some(&limits), "0.50")).unwrap();
        let report = loaded.check(&loaded.profile());
        for v in report.errors() {
            // A replaced minimum above the configured 0.50 USD is rightly a
            // `minimum_below_stripe` of that currency's minimum payment.
            let replaced_minimum_applies = field == 3 && v.code() == "minimum_below_stripe";
            prop_assert!(
                replaced_minimum_applies || v.path().to_string().starts_with("account.limits."),
                "{} {}", v.path(), v.code()
            );
        }
    }
}

/// rules §5, §7: the line format's `brand` on a sale, an authorization and a refund: the account's
/// limit for that brand applies, as with `Payment::with_brand` (a line without it is a card of
/// unknown brand); a brand that is not Stripe's is refused at its field, and `brand` on a void does
/// not belong.
#[test]
fn a_lines_brand_applies_the_accounts_brand_limit() {
    use stripe_gateway_rules::operation::OperationLine;
    let gateway = gateway(Some(
        r#"{ "brand_max": [{ "brand": "amex", "max_minor_units": "50000000" }] }"#,
    ));
    let check = |line: &str| {
        let parsed = OperationLine::parse(line).expect("a line");
        let op = parsed.operation().expect("an operation");
        gateway.check(&op)
    };
    for op in ["sale", "authorize"] {
        let amex = format!(
            r#"{{"op":"{op}","amount":"60000000","currency":"VND","card":"saved","brand":"amex"}}"#
        );
        let refusal = check(&amex).unwrap_err();
        assert_eq!(param(&refusal, "limit_source"), "account_brand", "{op}");
        let visa = amex.replace("amex", "visa");
        assert_eq!(check(&visa), Ok(()), "{op}");
    }
    let refund = r#"{"op":"refund","amount":"60000000","currency":"VND","captured_amount":"60000000","brand":"amex"}"#;
    assert_eq!(
        param(&check(refund).unwrap_err(), "limit_source"),
        "account_brand"
    );
    assert_eq!(check(&refund.replace("amex", "visa")), Ok(()));

    let bad = OperationLine::parse(
        r#"{"op":"sale","amount":"1.00","currency":"USD","card":"saved","brand":"visaa"}"#,
    )
    .unwrap()
    .operation()
    .unwrap_err();
    assert_eq!(bad.field_name(), Some("brand"));
    let void = OperationLine::parse(r#"{"op":"void","brand":"visa"}"#)
        .unwrap()
        .operation()
        .unwrap_err();
    assert_eq!(
        void.to_string(),
        "invalid operation: brand does not belong to a void"
    );
}
