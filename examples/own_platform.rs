//! A platform that is not in the seeds declares its own profile, with the public API only:
//! "HostDesk", a web-hosting control panel whose billing module takes card payments for
//! invoices through Stripe.
//!
//! ```sh
//! cargo run --example own_platform
//! ```
//!
//! HostDesk's Stripe settings page has a Display name, a Secret key and a Publishable key
//! (its checkout collects cards with Stripe's own payment form, so the panel never sends card
//! numbers: no raw card data rule), the Accepted cards, the invoice currencies with a minimum
//! invoice payment each, and a Statement descriptor. Its profile:
//!
//! * shared rules: a name, the key pair's mode, card brands and currencies with their
//!   minimums (the crate's, rules §11); no mode switch, so the keys' prefix gives the mode;
//! * required fields: name, the secret key, the publishable key (the checkout page needs it),
//!   the account's settlement currency, the cards and the currencies;
//! * its own check, into the same report with its own code: the statement descriptor,
//!   which Stripe requires to be 5 to 22 Latin characters with at least one letter and none
//!   of `<`, `>`, `\`, `'`, `"`, `*` (Stripe's "Statement descriptors" page).
//!
//! The example exits 1 when a form does not come out as expected.

mod common;

use std::process::ExitCode;

use stripe_gateway_rules::config::{AccountConfig, AuthConfig, CurrencyConfig, GatewayConfig};
use stripe_gateway_rules::diagnostics::{Code, Violation};
use stripe_gateway_rules::profile::{AuthSchemeSet, Profile, Rule};
use stripe_gateway_rules::{Form, Report, card_brand::CardBrand};

/// HostDesk's Stripe settings page.
struct HostDeskStripeSettings {
    display_name: &'static str,
    secret_key: &'static str,
    publishable_key: Option<&'static str>,
    accepted_cards: &'static [CardBrand],
    /// The Stripe account's payout currency, as the panel's owner told the setup wizard.
    payout_currency: &'static str,
    /// Invoice currency and "Minimum invoice payment".
    invoice_currencies: &'static [(&'static str, &'static str)],
    statement_descriptor: &'static str,
}

/// Stripe's statement descriptor requirements; HostDesk's own check, with its own code.
fn statement_descriptor(descriptor: &str, report: &mut Report) {
    let chars = descriptor.chars().count();
    let problem = if !(5..=22).contains(&chars) {
        Some(format!(
            "the statement descriptor has {chars} characters; Stripe takes 5 to 22"
        ))
    } else if !descriptor.chars().any(|c| c.is_ascii_alphabetic()) {
        Some("the statement descriptor has no letter; Stripe requires at least one".to_owned())
    } else if descriptor
        .chars()
        .any(|c| matches!(c, '<' | '>' | '\\' | '\'' | '"' | '*') || !c.is_ascii())
    {
        Some("the statement descriptor has a character Stripe refuses (< > \\ ' \" * or a non-Latin one)".to_owned())
    } else {
        None
    };
    if let Some(message) = problem {
        let code = Code::platform("statement_descriptor_invalid").expect("a well-formed code");
        report.push(
            Violation::error("statement_descriptor", code, message)
                .with_remedy("write your business name as customers know it, 5 to 22 Latin letters, digits and spaces, such as \"HOSTDESK WEB\"")
                .with_param("chars", chars),
        );
    }
}

/// HostDesk's profile: the shared rules it takes, its fields and labels, and its own check.
fn hostdesk_profile(settings: &HostDeskStripeSettings) -> Profile {
    let descriptor = settings.statement_descriptor.to_owned();
    Profile::new("hostdesk")
        .with_rules(&[
            Rule::Name,
            Rule::KeyPairMode,
            Rule::CardBrands,
            Rule::Currencies,
        ])
        .requiring(&[
            "name",
            "auth",
            "publishable_key",
            "account",
            "card_brands",
            "currencies",
        ])
        .with_auth_schemes(AuthSchemeSet::API_KEY)
        .labelled("name", "Display name")
        .labelled("auth.secret_key", "Secret key")
        .labelled("publishable_key", "Publishable key")
        .labelled("card_brands", "Accepted cards")
        .labelled("currencies", "Invoice currencies")
        .needing_permissions("payment intents, refunds, customers and payment methods")
        .with_check(move |_form: &Form, report: &mut Report| {
            statement_descriptor(&descriptor, report);
        })
}

/// The settings page, mapped onto the crate's input.
fn to_config(settings: &HostDeskStripeSettings) -> GatewayConfig {
    {
        let mut config = GatewayConfig::default();
        config.name = Some(settings.display_name.into());
        config.auth = Some(AuthConfig::api_key(settings.secret_key));
        config.publishable_key = settings.publishable_key.map(Into::into);
        config.account = Some(AccountConfig::settling_in(settings.payout_currency));
        config.card_brands = Some(
            settings
                .accepted_cards
                .iter()
                .map(|b| b.as_str().into())
                .collect(),
        );
        config.currencies = Some(
            settings
                .invoice_currencies
                .iter()
                .map(|(currency, minimum)| CurrencyConfig::new(currency, minimum))
                .collect(),
        );
        config
    }
}

fn check(settings: &HostDeskStripeSettings, expect: &[&str]) -> bool {
    let config = to_config(settings);
    let profile = hostdesk_profile(settings);
    let ok = common::outcome(settings.display_name, config.clone(), &profile, expect);
    // A valid form also builds the gateway that checks every invoice payment.
    if expect.is_empty() {
        return ok
            && config
                .validate(&profile)
                .is_ok_and(|form| form.gateway().is_some());
    }
    ok
}

fn main() -> ExitCode {
    use CardBrand::{AmericanExpress, Mastercard, Visa};
    let live = HostDeskStripeSettings {
        display_name: "Cards (Stripe)",
        secret_key: "sk_live_EXAMPLEonlyNotARealKey0042",
        publishable_key: Some("pk_live_EXAMPLEonlyNotARealKey0042"),
        accepted_cards: &[Visa, Mastercard, AmericanExpress],
        payout_currency: "EUR",
        invoice_currencies: &[("EUR", "0.50")],
        statement_descriptor: "HOSTDESK WEB",
    };
    // No publishable key, a descriptor with a quote, a EUR minimum below Stripe's 0.50 EUR.
    let unfinished = HostDeskStripeSettings {
        display_name: "Cards (Stripe, new)",
        publishable_key: None,
        invoice_currencies: &[("EUR", "0.30")],
        statement_descriptor: "Bob's hosting",
        ..live
    };
    // A test publishable key with a live secret key, a 3-character descriptor.
    let mixed = HostDeskStripeSettings {
        display_name: "Cards (Stripe, mixed)",
        publishable_key: Some("pk_test_EXAMPLEonlyNotARealKey0042"),
        statement_descriptor: "HD1",
        ..live
    };
    let results = [
        check(&live, &[]),
        check(
            &unfinished,
            &[
                "missing_field",
                "statement_descriptor_invalid",
                "minimum_below_stripe",
            ],
        ),
        check(
            &mixed,
            &["key_pair_mode_mismatch", "statement_descriptor_invalid"],
        ),
    ];
    common::finish("HostDesk", &results)
}
