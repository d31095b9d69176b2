//! What Stripe's errors mean for the configuration: stripe-facts §1.1, §3.1, §4, §5; S0.

use proptest::prelude::*;
use stripe_gateway_rules::diagnosis::MatchedBy;
use stripe_gateway_rules::{DiagnosisKind, diagnose};

/// stripe-facts §5, wording 1: live mode, 2017–2023.
const RAW_LIVE: &str = "Sending credit card numbers directly to the Stripe API is generally unsafe. To continue processing use Stripe.js, the Stripe mobile bindings, or Stripe Elements. For more information, see https://dashboard.stripe.com/account/integration/settings.";
/// stripe-facts §5, wording 2: with the "If you are qualified…" suffix.
const RAW_QUALIFIED: &str = "Sending credit card numbers directly to the Stripe API is generally unsafe. To continue processing use Stripe.js, the Stripe mobile bindings, or Stripe Elements. For more information, see https://dashboard.stripe.com/account/integration/settings. If you are qualified to handle card data directly, see https://support.stripe.com/questions/enabling-access-to-raw-card-data-apis.";
/// stripe-facts §5, wording 3: test mode, 2024–.
const RAW_TEST: &str = "Sending credit card numbers directly to the Stripe API is generally unsafe. We suggest you use test tokens that map to the test card you are using, see https://stripe.com/docs/testing. To enable raw card data APIs in test mode, see https://support.stripe.com/questions/enabling-access-to-raw-card-data-apis.";
/// stripe-facts §5: the "To enable testing raw card data APIs" variant.
const RAW_TESTING: &str = "Sending credit card numbers directly to the Stripe API is generally unsafe. We suggest you use test tokens that map to the test card you are using, see https://stripe.com/docs/testing. To enable testing raw card data APIs, see https://support.stripe.com/questions/enabling-access-to-raw-card-data-apis.";
/// S0 (Konnektive): shortened, without "the".
const RAW_S0: &str = "Sending credit card numbers directly to Stripe API is generally unsafe";
/// stripe-facts §4: refund of an uncaptured PaymentIntent's charge.
const UNCAPTURED: &str = "This uncaptured Charge was created by a PaymentIntent (pi_3MtwBwLkdIwHu7ix28a3tqPa). You must cancel the PaymentIntent to reverse the authorization instead of refunding the Charge directly.";

#[test]
fn facts_5_every_raw_card_data_wording_is_recognised_without_a_code() {
    for text in [RAW_LIVE, RAW_QUALIFIED, RAW_TEST, RAW_TESTING, RAW_S0] {
        let d = diagnose(None, Some(text)).unwrap_or_else(|| panic!("{text}"));
        assert_eq!(d.kind(), DiagnosisKind::RawCardDataRefused);
        assert_eq!(d.matched_by(), MatchedBy::Message);
        assert_eq!(d.field(), Some("account.raw_card_data_access"));
        assert_eq!(d.code(), "raw_card_data_refused");
        for needle in [
            "PCI DSS",
            "SAQ D",
            "AOC",
            "Stripe.js",
            "Elements",
            "Handle card information directly",
            "support",
        ] {
            assert!(d.remedy().contains(needle), "{needle}");
        }
        // Stripe sends no code for it, but an unrelated one must not hide the text.
        assert_eq!(
            diagnose(Some("parameter_unknown"), Some(text)).map(|d| d.kind()),
            Some(DiagnosisKind::RawCardDataRefused)
        );
    }
}

#[test]
fn facts_5_text_matching_ignores_case_and_whitespace() {
    let shouting =
        "SENDING   CREDIT card numbers\n directly TO the\tstripe API is GENERALLY unsafe.";
    assert_eq!(
        diagnose(None, Some(shouting)).map(|d| d.kind()),
        Some(DiagnosisKind::RawCardDataRefused)
    );
    let refund = UNCAPTURED.replace(' ', "  ").to_uppercase();
    assert_eq!(
        diagnose(None, Some(&refund)).map(|d| d.kind()),
        Some(DiagnosisKind::UncapturedChargeRefund)
    );
}

#[test]
fn facts_1_3_4_each_code_is_diagnosed_with_its_field() {
    let cases = [
        (
            "amount_too_small",
            DiagnosisKind::AmountTooSmall,
            Some("currencies[].minimum_payment"),
        ),
        (
            "livemode_mismatch",
            DiagnosisKind::LivemodeMismatch,
            Some("mode"),
        ),
        (
            "secret_key_required",
            DiagnosisKind::SecretKeyRequired,
            Some("auth.secret_key"),
        ),
        (
            "api_key_expired",
            DiagnosisKind::ApiKeyExpired,
            Some("auth.secret_key"),
        ),
        (
            "platform_api_key_expired",
            DiagnosisKind::PlatformApiKeyExpired,
            Some("platform.secret_key"),
        ),
        (
            "charge_expired_for_capture",
            DiagnosisKind::ChargeExpiredForCapture,
            None,
        ),
    ];
    for (code, kind, field) in cases {
        let d = diagnose(Some(code), None).unwrap();
        assert_eq!(d.kind(), kind);
        assert_eq!(d.code(), code);
        assert_eq!(d.field(), field);
        assert_eq!(d.matched_by(), MatchedBy::Code);
        assert!(!d.meaning().is_empty() && !d.remedy().is_empty());
        assert!(!d.meaning().ends_with('.') && !d.remedy().ends_with('.'));
    }
}

#[test]
fn facts_4_uncaptured_charge_refund_is_recognised_by_its_text() {
    let d = diagnose(None, Some(UNCAPTURED)).unwrap();
    assert_eq!(d.kind(), DiagnosisKind::UncapturedChargeRefund);
    assert!(d.remedy().contains("cancel the PaymentIntent"));
    assert_eq!(d.field(), None);
}

#[test]
fn facts_1_1_minimum_amount_texts_are_recognised_without_a_code() {
    for text in [
        "Amount must be at least $0.50 usd",
        "Amount must convert to at least 50 cents.",
        "Amount must convert to at least 200 fils. AED 0.50 converts to approximately AED 0.50.",
    ] {
        assert_eq!(
            diagnose(None, Some(text)).map(|d| d.kind()),
            Some(DiagnosisKind::AmountTooSmall),
            "{text}"
        );
    }
}

#[test]
fn facts_3_3_the_code_wins_over_the_text() {
    let d = diagnose(Some("livemode_mismatch"), Some(RAW_LIVE)).unwrap();
    assert_eq!(d.kind(), DiagnosisKind::LivemodeMismatch);
    assert_eq!(d.matched_by(), MatchedBy::Code);
}

#[test]
fn facts_5_unknown_input_gives_none() {
    assert_eq!(diagnose(None, None), None);
    assert_eq!(diagnose(Some(""), Some("")), None);
    assert_eq!(
        diagnose(Some("card_declined"), Some("Your card was declined.")),
        None
    );
    assert_eq!(diagnose(Some("AMOUNT_TOO_SMALL"), None), None); // codes are exact
    assert_eq!(
        diagnose(None, Some("Sending credit card numbers is fine")),
        None
    );
    assert_eq!(diagnose(None, Some("Stripe API is generally unsafe")), None);
}

#[test]
fn facts_5_a_diagnosis_displays_its_meaning_and_remedy() {
    let d = diagnose(Some("secret_key_required"), None).unwrap();
    assert_eq!(d.to_string(), format!("{}; {}", d.meaning(), d.remedy()));
    assert!(d.to_string().starts_with("a publishable key was used"));
}

proptest! {
    #[test]
    fn facts_5_diagnose_never_panics(code in proptest::option::of("\\PC{0,40}"), message in proptest::option::of("\\PC{0,400}")) {
        let _ = diagnose(code.as_deref(), message.as_deref());
    }

    #[test]
    fn facts_5_known_text_is_found_inside_any_surrounding_text(before in "\\PC{0,100}", after in "\\PC{0,100}") {
        let text = format!("{before} {RAW_S0} {after}");
        prop_assert_eq!(diagnose(None, Some(&text)).map(|d| d.kind()), Some(DiagnosisKind::RawCardDataRefused));
    }
}

#[test]
fn facts_5_huge_messages_are_handled() {
    let huge = "x".repeat(1_000_000);
    assert_eq!(diagnose(None, Some(&huge)), None);
    let late = format!("{huge}{RAW_S0}");
    assert_eq!(diagnose(None, Some(&late)), None); // only the first 4096 characters are read
}
