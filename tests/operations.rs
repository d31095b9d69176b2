//! Operations on a validated gateway: rules.md §7 and §8 (S4), authorization windows from
//! stripe-facts §4, each at its exact boundary.

use jiff::{SignedDuration, Timestamp};
use rust_decimal::Decimal;
use stripe_gateway_rules::authorization::{
    Authorization, EXTENDED_WINDOW, IN_PERSON_WINDOW, Initiator, Presence, STANDARD_WINDOW,
    VISA_EXTENDED_WINDOW, VISA_SHORT_WINDOW, authorization_window,
};
use stripe_gateway_rules::config::{AccountConfig, AuthConfig, CurrencyConfig, GatewayConfig};
use stripe_gateway_rules::operation::{
    Capture, CardSource, OperationLine, Payment, Refund, is_valid_email,
};
use stripe_gateway_rules::{
    Currency, Money, Operation, RefusalCode, ValidatedGateway, card_brand::CardBrand,
};

fn usd(s: &str) -> Money {
    Money::new(s.parse::<Decimal>().unwrap(), Currency::USD)
}

fn money(s: &str, c: Currency) -> Money {
    Money::new(s.parse::<Decimal>().unwrap(), c)
}

fn ts(s: &str) -> Timestamp {
    s.parse().unwrap()
}

/// A token-only USD/JPY/ISK gateway (the three-decimal currencies are not in Stripe's
/// presentment list, so no gateway can assign them; their rules are tested in `money.rs`) with S4's "0.5 USD" minimum.
fn gateway_with(protection: Option<&str>, country: Option<&str>) -> ValidatedGateway {
    {
        let mut config = GatewayConfig::default();
        config.name = Some("Stripe".into());
        config.version = Some("v2".into());
        config.mode = Some("test".into());
        config.auth = Some(AuthConfig::api_key("sk_test_4eC39HqLyjWDarjtT1zdp7dc"));
        config.account = Some({
            let mut account = AccountConfig::settling_in("USD");
            account.raw_card_data_access = true;
            account.country = country.map(Into::into);
            account
        });
        config.data_protection = protection.map(Into::into);
        config.card_brands = Some(vec!["visa".into(), "mastercard".into()]);
        config.currencies = Some(vec![
            CurrencyConfig::new("USD", "0.5"),
            CurrencyConfig::new("JPY", "100").with_rate("0.0067"),
            CurrencyConfig::new("ISK", "100").with_rate("0.0072"),
        ]);
        config
    }
    .validate(&stripe_gateway_rules::Platform::Generic.profile())
    .unwrap_or_else(|r| panic!("{r}"))
    .into_gateway()
    .expect("a payment gateway")
}

fn gateway() -> ValidatedGateway {
    gateway_with(Some("token_only"), None)
}

fn code(g: &ValidatedGateway, op: &Operation<'_>) -> Option<&'static str> {
    g.check(op).err().map(|e| e.code().as_str())
}

// ---- refusals, one per code -----------------------------------------------------------------

#[test]
fn void_unsupported_s4() {
    let err = gateway().check(&Operation::Void).unwrap_err();
    assert_eq!(err.code(), "void_unsupported");
    let message = err.to_string();
    assert!(message.contains("lapses by itself"), "{message}");
    assert!(message.contains("7 days"), "{message}");
    assert!(err.remedy().contains("refund"), "{}", err.remedy());
}

/// rules §6 (S4): a payment below the configured minimum is refused with S4's end-user message.
#[test]
fn below_minimum_has_s4s_end_user_message() {
    let err = gateway()
        .check(&Operation::Sale(Payment::new(
            usd("0.49"),
            CardSource::Saved,
        )))
        .unwrap_err();
    assert_eq!(err.code(), "below_minimum");
    assert_eq!(
        err.end_user_message().to_string(),
        "Your payment must be no less than 0.5 USD"
    );
    assert_eq!(
        err.to_string(),
        "the amount 0.49 USD is below this gateway's minimum payment of 0.5 USD"
    );
    // Exactly the minimum is accepted (S4: "no less than").
    let g = gateway();
    assert_eq!(
        code(
            &g,
            &Operation::Sale(Payment::new(usd("0.50"), CardSource::Saved))
        ),
        None
    );
    assert_eq!(
        code(
            &g,
            &Operation::Authorize(Payment::new(usd("0.49"), CardSource::Saved))
        ),
        Some("below_minimum")
    );
}

#[test]
fn currency_not_assigned_s4() {
    let g = gateway();
    let op = Operation::Sale(Payment::new(
        money("10.00", Currency::EUR),
        CardSource::Saved,
    ));
    assert_eq!(code(&g, &op), Some("currency_not_assigned"));
    assert_eq!(
        g.check(&op).unwrap_err().to_string(),
        "EUR is not assigned to this gateway"
    );
    assert_eq!(
        g.check(&op).unwrap_err().remedy(),
        "assign the currency to the gateway with its minimum payment, or charge in an assigned currency"
    );
}

#[test]
fn amount_precision_not_multiple_too_large_not_positive_rules_5() {
    let g = gateway();
    let sale = |m: Money| Operation::Sale(Payment::new(m, CardSource::Saved));
    assert_eq!(code(&g, &sale(usd("1.005"))), Some("amount_precision"));
    assert_eq!(
        code(&g, &sale(money("100.5", Currency::JPY))),
        Some("amount_precision")
    );
    assert_eq!(
        code(&g, &sale(money("150.50", Currency::ISK))),
        Some("amount_not_multiple")
    );
    assert_eq!(code(&g, &sale(usd("999999.99"))), None);
    assert_eq!(code(&g, &sale(usd("1000000.00"))), Some("amount_too_large"));
    assert_eq!(code(&g, &sale(usd("0"))), Some("amount_not_positive"));
    assert_eq!(code(&g, &sale(usd("-5.00"))), Some("amount_not_positive"));
}

#[test]
fn capture_exceeds_authorized_rules_7() {
    let g = gateway();
    let auth = Authorization::new(ts("2026-11-01T10:00:00Z")).brand(CardBrand::Visa);
    let at = ts("2026-11-02T10:00:00Z");
    let op = Operation::Capture(Capture::new(usd("10.01"), usd("10.00"), auth, at));
    assert_eq!(code(&g, &op), Some("capture_exceeds_authorized"));
    let op = Operation::Capture(Capture::new(usd("10.00"), usd("10.00"), auth, at));
    assert_eq!(code(&g, &op), None);
    let op = Operation::Capture(Capture::new(usd("4.00"), usd("10.00"), auth, at));
    assert_eq!(code(&g, &op), None, "partial capture");
    let op = Operation::Capture(Capture::new(
        usd("4.00"),
        money("10", Currency::JPY),
        auth,
        at,
    ));
    assert_eq!(code(&g, &op), Some("currency_mismatch"));
}

#[test]
fn refund_exceeds_captured_rules_7() {
    let g = gateway();
    let refund = |a, c, r| Operation::Refund(Refund::new(usd(a), usd(c), usd(r)));
    assert_eq!(
        code(&g, &refund("5.00", "10.00", "5.00")),
        None,
        "exactly what is left"
    );
    assert_eq!(
        code(&g, &refund("5.01", "10.00", "5.00")),
        Some("refund_exceeds_captured")
    );
    assert_eq!(
        code(&g, &refund("0.01", "10.00", "10.00")),
        Some("refund_exceeds_captured")
    );
    assert_eq!(
        g.check(&refund("6.00", "10.00", "5.00"))
            .unwrap_err()
            .to_string(),
        "cannot refund 6.00 USD: only 5.00 USD of the captured amount is left to refund"
    );
    // A refund below the minimum payment is fine: the minimum is for payments.
    assert_eq!(code(&g, &refund("0.10", "10.00", "0.00")), None);
}

#[test]
fn email_required_and_invalid_email_rules_8_s4() {
    let g = gateway();
    let new = Payment::new(usd("12.00"), CardSource::New);
    assert_eq!(code(&g, &Operation::Sale(new)), Some("email_required"));
    assert_eq!(
        code(&g, &Operation::Sale(new.with_email(""))),
        Some("email_required")
    );
    assert_eq!(
        code(&g, &Operation::Sale(new.with_email("not-an-email"))),
        Some("invalid_email")
    );
    assert_eq!(
        code(&g, &Operation::Sale(new.with_email("a@shop.example"))),
        None
    );
    // Later token payments need none.
    assert_eq!(
        code(
            &g,
            &Operation::Sale(Payment::new(usd("12.00"), CardSource::Saved))
        ),
        None
    );
    // Saving a payment method creates the token too.
    assert_eq!(
        code(
            &g,
            &Operation::SavePaymentMethod {
                customer_email: None
            }
        ),
        Some("email_required")
    );
    assert_eq!(
        code(
            &g,
            &Operation::SavePaymentMethod {
                customer_email: Some("a@shop.example")
            }
        ),
        None
    );
    // Full-card mode and Stripe-collected cards need no email.
    for protection in [Some("full_card_except_cvv"), None] {
        let g = gateway_with(protection, None);
        assert_eq!(code(&g, &Operation::Sale(new)), None);
        assert_eq!(
            code(
                &g,
                &Operation::SavePaymentMethod {
                    customer_email: None
                }
            ),
            None
        );
    }
    assert_eq!(code(&g, &Operation::DeletePaymentMethod), None);
}

/// rules §8: the customer email's syntax is the `email_address` crate's.
#[test]
fn email_syntax_uses_the_email_address_crate_rules() {
    for ok in [
        "a@shop.example",
        "first.last+tag@sub.example.co.uk",
        "x@y.io",
    ] {
        assert!(is_valid_email(ok), "{ok}");
    }
    let long = format!("{}@example.com", "a".repeat(600));
    for bad in [
        "",
        "a",
        "a@",
        "@b.c",
        "a@b",
        "a b@c.d",
        "a@b..c",
        "a@.b.c",
        "a@b.c.",
        long.as_str(),
    ] {
        assert!(!is_valid_email(bad), "{bad}");
    }
}

// ---- authorization windows at their exact boundaries ----------------------------------------

fn capture_code(
    g: &ValidatedGateway,
    auth: Authorization,
    currency: Currency,
    after: SignedDuration,
) -> Option<&'static str> {
    let amount = match currency {
        Currency::JPY => money("1000", currency),
        _ => usd("10.00"),
    };
    let at = auth.authorized_at().checked_add(after).unwrap();
    code(
        g,
        &Operation::Capture(Capture::new(amount, amount, auth, at)),
    )
}

/// stripe-facts §4: each window of the table, captured exactly at its end (accepted) and one
/// second later (`authorization_expired`).
#[test]
fn authorization_windows_at_their_exact_boundaries_facts_4() {
    let g = gateway();
    let g_jp = gateway_with(Some("token_only"), Some("JP"));
    let t0 = ts("2026-11-01T10:00:00Z");
    let base = Authorization::new(t0);
    let cases: Vec<(
        &str,
        &ValidatedGateway,
        Authorization,
        Currency,
        SignedDuration,
    )> = vec![
        (
            "online CIT visa",
            &g,
            base.brand(CardBrand::Visa),
            Currency::USD,
            SignedDuration::from_hours(7 * 24),
        ),
        (
            "online CIT mastercard",
            &g,
            base.brand(CardBrand::Mastercard),
            Currency::USD,
            SignedDuration::from_hours(7 * 24),
        ),
        (
            "online MIT visa 4d18h",
            &g,
            base.brand(CardBrand::Visa).initiator(Initiator::Merchant),
            Currency::USD,
            SignedDuration::from_hours(4 * 24 + 18),
        ),
        (
            "online MIT amex",
            &g,
            base.brand(CardBrand::AmericanExpress)
                .initiator(Initiator::Merchant),
            Currency::USD,
            SignedDuration::from_hours(7 * 24),
        ),
        (
            "in person mastercard",
            &g,
            base.brand(CardBrand::Mastercard)
                .presence(Presence::InPerson),
            Currency::USD,
            SignedDuration::from_hours(2 * 24),
        ),
        (
            "in person discover",
            &g,
            base.brand(CardBrand::Discover).presence(Presence::InPerson),
            Currency::USD,
            SignedDuration::from_hours(2 * 24),
        ),
        (
            "in person visa",
            &g,
            base.brand(CardBrand::Visa).presence(Presence::InPerson),
            Currency::USD,
            SignedDuration::from_hours(4 * 24 + 18),
        ),
        (
            "extended visa",
            &g,
            base.brand(CardBrand::Visa).extended(true),
            Currency::USD,
            SignedDuration::from_hours(29 * 24 + 18),
        ),
        (
            "extended mastercard",
            &g,
            base.brand(CardBrand::Mastercard).extended(true),
            Currency::USD,
            SignedDuration::from_hours(30 * 24),
        ),
        (
            "extended jcb: not offered",
            &g,
            base.brand(CardBrand::Jcb).extended(true),
            Currency::USD,
            SignedDuration::from_hours(7 * 24),
        ),
        (
            "JPY on a Japanese account, jcb",
            &g_jp,
            base.brand(CardBrand::Jcb),
            Currency::JPY,
            SignedDuration::from_hours(30 * 24),
        ),
        (
            "JPY on a Japanese account, visa MIT",
            &g_jp,
            base.brand(CardBrand::Visa).initiator(Initiator::Merchant),
            Currency::JPY,
            SignedDuration::from_hours(30 * 24),
        ),
        (
            "JPY on a Japanese account, amex: standard",
            &g_jp,
            base.brand(CardBrand::AmericanExpress),
            Currency::JPY,
            SignedDuration::from_hours(7 * 24),
        ),
        (
            "JPY elsewhere: standard",
            &g,
            base.brand(CardBrand::Jcb),
            Currency::JPY,
            SignedDuration::from_hours(7 * 24),
        ),
        (
            "USD on a Japanese account: standard",
            &g_jp,
            base.brand(CardBrand::Visa),
            Currency::USD,
            SignedDuration::from_hours(7 * 24),
        ),
        (
            "unknown brand MIT: shortest",
            &g,
            base.initiator(Initiator::Merchant),
            Currency::USD,
            SignedDuration::from_hours(4 * 24 + 18),
        ),
        (
            "unknown brand in person: shortest",
            &g,
            base.presence(Presence::InPerson),
            Currency::USD,
            SignedDuration::from_hours(2 * 24),
        ),
    ];
    for (name, g, auth, currency, window) in cases {
        assert_eq!(
            capture_code(g, auth, currency, window),
            None,
            "{name}: at the end of the window"
        );
        assert_eq!(
            capture_code(g, auth, currency, window + SignedDuration::from_secs(1)),
            Some("authorization_expired"),
            "{name}: one second after"
        );
    }
}

#[test]
fn capture_before_overrides_the_table_facts_4() {
    let g = gateway();
    let t0 = ts("2026-11-01T10:00:00Z");
    let auth = Authorization::new(t0)
        .brand(CardBrand::Visa)
        .capture_before(ts("2026-11-03T00:00:00Z"));
    assert_eq!(
        capture_code(&g, auth, Currency::USD, SignedDuration::from_hours(38)),
        None
    );
    assert_eq!(
        capture_code(
            &g,
            auth,
            Currency::USD,
            SignedDuration::from_hours(38) + SignedDuration::from_secs(1)
        ),
        Some("authorization_expired")
    );
    // Later than the table says, too: capture_before is authoritative.
    let auth = Authorization::new(t0).capture_before(ts("2026-11-20T00:00:00Z"));
    assert_eq!(
        capture_code(&g, auth, Currency::USD, SignedDuration::from_hours(10 * 24)),
        None
    );
}

#[test]
fn authorization_window_table_constants_facts_4() {
    assert_eq!(STANDARD_WINDOW, SignedDuration::from_hours(168));
    assert_eq!(VISA_SHORT_WINDOW, SignedDuration::from_hours(114));
    assert_eq!(IN_PERSON_WINDOW, SignedDuration::from_hours(48));
    assert_eq!(EXTENDED_WINDOW, SignedDuration::from_hours(720));
    assert_eq!(VISA_EXTENDED_WINDOW, SignedDuration::from_hours(714));
    assert_eq!(
        authorization_window(
            Some(CardBrand::Visa),
            Initiator::Customer,
            Presence::Online,
            false,
            Currency::EUR,
            None
        ),
        STANDARD_WINDOW
    );
    let expired = gateway()
        .check(&Operation::Capture(Capture::new(
            usd("1.00"),
            usd("1.00"),
            Authorization::new(ts("2026-11-01T10:00:00Z")).brand(CardBrand::Visa),
            ts("2026-11-09T10:00:00Z"),
        )))
        .unwrap_err();
    assert_eq!(
        expired.to_string(),
        "the authorization expired at 2026-11-08T10:00:00Z and cannot be captured at \
         2026-11-09T10:00:00Z: Stripe has released the funds"
    );
}

/// rules §7: authorization windows at the edges of time give a verdict, never a panic.
#[test]
fn timestamps_at_the_edge_of_time_never_panic() {
    let g = gateway();
    let auth = Authorization::new(Timestamp::MAX).brand(CardBrand::Visa);
    assert_eq!(
        code(
            &g,
            &Operation::Capture(Capture::new(usd("1.00"), usd("1.00"), auth, Timestamp::MAX))
        ),
        None
    );
    let auth = Authorization::new(Timestamp::MIN);
    assert_eq!(
        code(
            &g,
            &Operation::Capture(Capture::new(usd("1.00"), usd("1.00"), auth, Timestamp::MAX))
        ),
        Some("authorization_expired")
    );
}

// ---- the line format ---------------------------------------------------------------------------

/// rules §7: the operation-line examples parse and get their documented verdicts.
#[test]
fn the_issue_line_examples_parse_and_check() {
    let g = gateway();
    let lines = [
        (
            r#"{"op":"sale","amount":"12.00","currency":"USD","card":"new","customer_email":"a@shop.example"}"#,
            None,
        ),
        (
            r#"{"op":"authorize","amount":"12.00","currency":"USD","card":"saved"}"#,
            None,
        ),
        (
            r#"{"op":"capture","amount":"10.00","currency":"USD","authorized_amount":"10.00","authorized_at":"2026-11-01T10:00:00Z","at":"2026-11-07T09:00:00Z","brand":"visa","initiator":"customer","presence":"online","extended":false}"#,
            None,
        ),
        (
            r#"{"op":"refund","amount":"5.00","currency":"USD","captured_amount":"10.00","refunded_amount":"0.00"}"#,
            None,
        ),
        (r#"{"op":"void"}"#, Some("void_unsupported")),
        (
            r#"{"op":"save_payment_method","customer_email":"a@shop.example"}"#,
            None,
        ),
        (r#"{"op":"delete_payment_method"}"#, None),
        (
            r#"{"op":"capture","amount":"10.00","currency":"USD","authorized_amount":"10.00","authorized_at":"2026-11-01T10:00:00Z","at":"2026-11-07T09:00:00Z","brand":"visa","initiator":"merchant"}"#,
            Some("authorization_expired"),
        ),
        (
            r#"{"op":"capture","amount":"10.00","currency":"usd","authorized_amount":"10.00","authorized_at":"2026-11-01T10:00:00Z","at":"2026-11-02T09:00:00Z","capture_before":"2026-11-02T08:00:00Z"}"#,
            Some("authorization_expired"),
        ),
    ];
    for (line, expected) in lines {
        let parsed = OperationLine::parse(line).unwrap_or_else(|e| panic!("{line}: {e}"));
        let op = parsed.operation().unwrap_or_else(|e| panic!("{line}: {e}"));
        assert_eq!(code(&g, &op), expected, "{line}");
    }
}

/// rules §7: a line that is not an operation is `invalid_input` with its reason.
#[test]
fn bad_lines_are_invalid_input_with_a_reason() {
    let cases = [
        ("", "the line is blank; expected a JSON object"),
        ("not json", "the line is not valid JSON (column 2)"),
        (r#"{"op":"refund"}"#, "amount is required for refund"),
        (
            r#"{"op":"sale","amount":"12","currency":"USD"}"#,
            "card is required for sale",
        ),
        (
            r#"{"op":"sale","amount":"1e3","currency":"USD","card":"new"}"#,
            "amount: amount \"1e3\" is not a decimal number",
        ),
        (
            r#"{"op":"sale","amount":"12","currency":"XYZ","card":"new"}"#,
            "currency: ",
        ),
        (
            r#"{"op":"sale","amount":"12","currency":"USD","card":"old"}"#,
            "card: expected new or saved, found \"old\"",
        ),
        (r#"{"op":"refund_all"}"#, "unknown op \"refund_all\""),
        (
            r#"{"op":"void","amount":"1"}"#,
            "amount does not belong to a void",
        ),
        (r#"{"op":"sale","amonut":"1"}"#, "unknown field \"amonut\""),
        (
            r#"{"op":"capture","amount":"1","currency":"USD","authorized_amount":"1","authorized_at":"yesterday","at":"2026-11-01T10:00:00Z"}"#,
            "authorized_at: expected an RFC 3339 time",
        ),
        (
            r#"{"op":"capture","amount":"1","currency":"USD","authorized_amount":"1","authorized_at":"2026-11-01T10:00:00Z","at":"2026-11-01T10:00:00Z","initiator":"bank"}"#,
            "initiator: expected an initiator, `customer` or `merchant`, found \"bank\"",
        ),
    ];
    for (line, expected) in cases {
        let err = match OperationLine::parse(line) {
            Err(e) => e,
            Ok(parsed) => parsed
                .operation()
                .err()
                .unwrap_or_else(|| panic!("{line} parsed")),
        };
        assert_eq!(err.code(), "invalid_input");
        assert!(err.to_string().contains(expected), "{line}: {err}");
    }
}

// ---- issue 19: every door gives the rule's answer ---------------------------------------------

/// A test-mode gateway settling in USD with `brands` or, for `None`, no brand list at all (a
/// Konnektive form, where card brands are checked only if given), and `currencies` assigned.
fn gateway_of(brands: Option<&[&str]>, currencies: Vec<CurrencyConfig>) -> ValidatedGateway {
    let platform = match brands {
        Some(_) => stripe_gateway_rules::Platform::Generic,
        None => stripe_gateway_rules::Platform::Konnektive,
    };
    {
        let mut config = GatewayConfig::default();
        config.name = Some("Stripe".into());
        config.version = Some("v2".into());
        config.mode = Some("test".into());
        config.auth = Some(AuthConfig::api_key("sk_test_4eC39HqLyjWDarjtT1zdp7dc"));
        config.account = Some(AccountConfig::settling_in("USD"));
        config.card_brands = brands.map(|b| b.iter().map(|s| (*s).to_owned()).collect());
        config.currencies = Some(currencies);
        config
    }
    .validate(&platform.profile())
    .unwrap_or_else(|r| panic!("{r}"))
    .into_gateway()
    .expect("a payment gateway")
}

fn branded_sale(amount: Money, brand: CardBrand) -> Operation<'static> {
    Operation::Sale(Payment::new(amount, CardSource::Saved).with_brand(brand))
}

/// Issue 19, rules §10 (S4: Visa, Mastercard, American Express, Discover): a sale or an
/// authorization with a card of a brand the gateway does not enable is refused,
/// `brand_not_enabled`, naming the brand; an enabled brand, `link` and `unknown` (never
/// enabled: not networks) are not refused for it.
#[test]
fn brand_not_enabled_jcb_and_unionpay_on_an_s4_gateway_rules_10() {
    let g = gateway_of(
        Some(&["visa", "mastercard", "amex", "discover"]),
        vec![CurrencyConfig::new("USD", "0.5")],
    );
    for brand in [CardBrand::Jcb, CardBrand::UnionPay] {
        let refusal = g.check(&branded_sale(usd("12.00"), brand)).unwrap_err();
        assert_eq!(refusal.code(), RefusalCode::BrandNotEnabled, "{brand}");
        assert_eq!(
            refusal.to_string(),
            format!("{} cards are not enabled on this gateway", brand.label())
        );
        let params: Vec<String> = refusal.params().map(|(n, v)| format!("{n}={v}")).collect();
        assert_eq!(params, [format!("brand={brand}")]);
        assert!(
            refusal
                .end_user_message()
                .to_string()
                .contains("Please pay with another card")
        );
        let authorize =
            Operation::Authorize(Payment::new(usd("12.00"), CardSource::New).with_brand(brand));
        assert_eq!(code(&g, &authorize), Some("brand_not_enabled"));
    }
    for brand in [
        CardBrand::Visa,
        CardBrand::Mastercard,
        CardBrand::AmericanExpress,
        CardBrand::Discover,
        CardBrand::Link,
        CardBrand::Unknown,
    ] {
        assert_eq!(
            code(&g, &branded_sale(usd("12.00"), brand)),
            None,
            "{brand}"
        );
    }
    // A refund to a card of a brand no longer enabled still goes through.
    let refund = Refund::new(usd("1.00"), usd("12.00"), usd("0")).with_brand(CardBrand::Jcb);
    assert_eq!(code(&g, &Operation::Refund(refund)), None);
}

/// Issue 19, rules §10, stripe-facts §7: on a gateway whose form lists no brands (Konnektive's
/// form has them only if given, rules §11), a payment
/// with a card whose brand Stripe does not charge in its currency is refused,
/// `brand_currency_unsupported`, with the very message the configuration's report gives for
/// that brand and currency (one table, `CardBrand::supports_currency`): UnionPay only in USD
/// and CAD; American Express not in the currencies marked `*`.
#[test]
fn brand_currency_unsupported_unionpay_and_amex_same_message_as_the_configuration_facts_7() {
    let currencies = || {
        vec![
            CurrencyConfig::new("USD", "0.5"),
            CurrencyConfig::new("EUR", "1.00").with_rate("1.08"),
            CurrencyConfig::new("BRL", "5.00").with_rate("0.18"),
        ]
    };
    let g = gateway_of(None, currencies());
    for (brand, currency, amount) in [
        (CardBrand::UnionPay, Currency::EUR, "12.00"),
        (CardBrand::AmericanExpress, Currency::BRL, "60.00"),
    ] {
        let refusal = g
            .check(&branded_sale(money(amount, currency), brand))
            .unwrap_err();
        assert_eq!(refusal.code(), RefusalCode::BrandCurrencyUnsupported);
        assert_eq!(refusal.code().as_str(), "brand_currency_unsupported");
        // The configuration's report for the same brand and currency says the same.
        let report = {
            let mut config = GatewayConfig::default();
            config.name = Some("Stripe".into());
            config.version = Some("v2".into());
            config.mode = Some("test".into());
            config.auth = Some(AuthConfig::api_key("sk_test_4eC39HqLyjWDarjtT1zdp7dc"));
            config.account = Some(AccountConfig::settling_in("USD"));
            config.card_brands = Some(vec![brand.as_str().to_owned()]);
            config.currencies = Some(currencies());
            config
        }
        .check(&stripe_gateway_rules::Platform::Generic.profile());
        let violation = report
            .violations()
            .iter()
            .find(|v| *v.code() == "brand_currency_unsupported")
            .unwrap_or_else(|| panic!("{report}"));
        assert_eq!(violation.message(), refusal.to_string());
        let params: Vec<String> = refusal.params().map(|(n, v)| format!("{n}={v}")).collect();
        assert_eq!(
            params,
            [
                format!("brand={brand}"),
                format!("currency={}", currency.code())
            ]
        );
    }
    assert_eq!(
        code(&g, &branded_sale(usd("12.00"), CardBrand::UnionPay)),
        None
    );
    assert_eq!(
        code(
            &g,
            &branded_sale(money("12.00", Currency::EUR), CardBrand::AmericanExpress)
        ),
        None
    );
}

/// Issue 19, rules §7: a capture whose `at` is before its `authorized_at` is refused,
/// `capture_before_authorization`; at the same moment it is accepted.
#[test]
fn capture_before_authorization_rules_7() {
    let g = gateway();
    let auth = Authorization::new(ts("2026-11-01T10:00:00Z"));
    let before = Capture::new(usd("5.00"), usd("10.00"), auth, ts("2026-11-01T09:59:59Z"));
    let refusal = g.check(&Operation::Capture(before)).unwrap_err();
    assert_eq!(refusal.code(), RefusalCode::CaptureBeforeAuthorization);
    assert_eq!(
        refusal.to_string(),
        "the capture at 2026-11-01T09:59:59Z is before the authorization it captures, at 2026-11-01T10:00:00Z"
    );
    let params: Vec<String> = refusal.params().map(|(n, v)| format!("{n}={v}")).collect();
    assert_eq!(
        params,
        [
            "authorized_at=2026-11-01T10:00:00Z",
            "at=2026-11-01T09:59:59Z"
        ]
    );
    let same = Capture::new(usd("5.00"), usd("10.00"), auth, ts("2026-11-01T10:00:00Z"));
    assert_eq!(code(&g, &Operation::Capture(same)), None);
    let line = r#"{"op":"capture","amount":"5.00","currency":"USD","authorized_amount":"10.00","authorized_at":"2026-11-07T10:00:00Z","at":"2026-11-01T10:00:00Z"}"#;
    let op = OperationLine::parse(line).unwrap();
    assert_eq!(
        code(&g, &op.operation().unwrap()),
        Some("capture_before_authorization")
    );
}

/// Issue 19, rules §5: an amount too large for any decimal is the rule's
/// `amount_too_large` (a negative one `amount_not_positive`), never `invalid_input` with the
/// decimal library's bound.
#[test]
fn amount_beyond_any_decimal_is_amount_too_large_or_not_positive_rules_5() {
    let line = |amount: &str, field: &str| {
        let mut fields = vec![("amount", "12.00"), ("captured_amount", "12.00")];
        for f in &mut fields {
            if f.0 == field {
                f.1 = amount;
            }
        }
        format!(
            r#"{{"op":"refund","currency":"USD","amount":"{}","captured_amount":"{}"}}"#,
            fields[0].1, fields[1].1
        )
    };
    for (amount, expected) in [
        ("100000000000000000000000000000000", "amount_too_large"),
        ("100000000000000000000000000000000.5", "amount_too_large"),
        ("-100000000000000000000000000000000", "amount_not_positive"),
    ] {
        for field in ["amount", "captured_amount"] {
            let text = line(amount, field);
            let err = OperationLine::parse(&text)
                .unwrap()
                .operation()
                .unwrap_err();
            assert_eq!(err.code(), expected, "{text}");
            assert_eq!(err.field_name(), Some(field));
            let message = err.to_string();
            assert!(
                !message.contains("79228162514264337593543950336"),
                "{message}"
            );
            assert!(
                message.starts_with(&format!("invalid operation: {field} \"")),
                "{message}"
            );
            assert_eq!(
                err.remedy(),
                if expected == "amount_too_large" {
                    "split the payment, or ask Stripe to raise the account's limit"
                } else {
                    "send a positive amount"
                }
            );
        }
    }
    // Too many decimals is not about size: still `invalid_input`.
    let err = OperationLine::parse(&line("0.00000000000000000000000000001", "amount"))
        .unwrap()
        .operation()
        .unwrap_err();
    assert_eq!(err.code(), "invalid_input");
}

/// Issue 19: a misspelt field of a line gets "did you mean", with the helper the
/// configuration loader uses; a name like no field still gets the list.
#[test]
fn misspelled_line_fields_get_did_you_mean() {
    for (line, meant) in [
        (r#"{"op":"sale","amonut":"1"}"#, "amount"),
        (r#"{"op":"sale","Currency":"USD"}"#, "currency"),
        (
            r#"{"op":"sale","customer-email":"a@b.co"}"#,
            "customer_email",
        ),
        (
            r#"{"op":"capture","authorised_at":"2026-11-01T10:00:00Z"}"#,
            "authorized_at",
        ),
    ] {
        let err = OperationLine::parse(line).unwrap_err();
        assert_eq!(err.code(), "invalid_input");
        assert!(
            err.to_string()
                .contains(&format!("did you mean `{meant}`?")),
            "{line}: {err}"
        );
    }
    let err = OperationLine::parse(r#"{"op":"sale","colour":"red"}"#).unwrap_err();
    assert!(
        err.to_string().contains("the fields are op, amount"),
        "{err}"
    );
    assert!(!err.to_string().contains("did you mean"), "{err}");
}

/// Issue 19: the line's id is found in a line the strict parse refuses, whatever is wrong
/// with it and wherever the id is; ids are shown through the crate's excerpt rule.
#[test]
fn line_ids_are_found_in_broken_lines_and_shown_without_secrets() {
    use stripe_gateway_rules::operation::LineId;
    let cases = [
        r#"{"id":"inv-9","op":"sale","amount":12}"#,
        r#"{"op":"sale","amount":12,"id":"inv-9"}"#,
        r#"{"op":"sale","colour":"red","id":"inv-9"}"#,
        r#"{"id":"inv-9","op":"void","op":"void"}"#,
        r#"{"op":"capture","extended":"true","id":"inv-9"}"#,
        r#"{"id":"inv-9","op":"sale","amount":{"a":[1,"}"]},"x":"#,
        r#" { "meta" : [ {"id":"inner"} ] , "id" : "inv-9" , "op" : 1 } "#,
        r#"{"id":"inv\u002d9","op":null}"#,
        r#"{"id":"inv-9","id":"inv-9","op":"void"}"#,
    ];
    for line in cases {
        assert!(OperationLine::parse(line).is_err(), "{line}");
        let id = OperationLine::scan_id(line.as_bytes());
        assert_eq!(
            id.map(|i| i.to_string()).as_deref(),
            Some("inv-9"),
            "{line}"
        );
    }
    assert!(matches!(
        OperationLine::scan_id(br#"{"op":"x","id":-1.5}"#),
        Some(LineId::Number(n)) if n == "-1.5"
    ));
    for line in [
        r#"{"op":"void"}"#,
        r#"{"op":"void","id":true}"#,
        r#"{"op":"void","id":["a"]}"#,
        r#"{"id":"a","id":"b"}"#,
        r#"{"op":"void" "id":"a"}"#,
        r#"["id","a"]"#,
        "",
    ] {
        assert!(OperationLine::scan_id(line.as_bytes()).is_none(), "{line}");
    }
    // Display: whole, or cut before anything secret-shaped.
    let id = |line: &'static str| OperationLine::parse(line).unwrap().id().unwrap().clone();
    assert_eq!(id(r#"{"op":"void","id":"run 7/a"}"#).to_string(), "run 7/a");
    assert_eq!(id(r#"{"op":"void","id":42}"#).to_string(), "42");
    let secret = id(r#"{"op":"void","id":"x-sk_live_4eC39HqLyjWDarjtT1zdp7dc"}"#);
    assert_eq!(secret.to_string(), "x-sk_live_…");
    assert!(secret.is_truncated());
    assert!(!id(r#"{"op":"void","id":"inv-9"}"#).is_truncated());
}
