//! Kartra (seed S2, "Connect with Stripe"): the Stripe integrations on Kartra's Integrations
//! page, each mapped onto a [`GatewayConfig`] with the `connect` auth scheme and validated.
//!
//! ```sh
//! cargo run --example kartra
//! ```
//!
//! Rules shown (rules.md §1, §2, §9):
//! * A "Connect with Stripe" integration holds no merchant API key: "It is no longer necessary
//!   to enter API keys or configure a webhook". It is identified by the Stripe Account ID and
//!   Name, shown "anywhere you would have previously seen the API keys".
//! * The Publishable key kept from the API-key era identifies the account to reconnect; it is
//!   not secret, and its mode is the integration's.
//!
//! Kartra's own rules, checked here because Stripe does not have them:
//! * Several integrations are fine ("You can add more than one"), one per Stripe account: a
//!   second integration of the same account id is refused, "This Stripe account has already
//!   been integrated";
//! * an integration still holding API keys is a legacy connection that must be reconnected
//!   with Connect with Stripe (those created before July 11, 2024 had to be updated by
//!   September 16, 2024).
//!
//! Kartra's integration screen has no mode, currency or card settings; the crate's
//! configuration needs them, so each integration is given its Stripe account's facts.
//!
//! Every valid page must validate and every invalid page must be refused with the expected
//! codes; otherwise the example exits with status 1. Secrets are never printed.

use std::process::ExitCode;

use stripe_gateway_rules::config::{AccountConfig, AuthConfig, CurrencyConfig, GatewayConfig};
use stripe_gateway_rules::{
    AuthScheme, Mode, PublishableKey, Report, Severity, ValidatedGateway, parse_currency,
    stripe_minimum,
};

/// One Stripe tile on Integrations (its "Edit payment gateway" window).
struct StripeIntegration {
    /// The Stripe Account ID, set by "Connect with Stripe" (`acct_…`).
    stripe_account_id: &'static str,
    /// The Stripe account's Name, shown with its id.
    name: &'static str,
    /// "The original publishable key for the Stripe account appears in the bottom right":
    /// only on integrations first made with API keys.
    publishable_key: Option<&'static str>,
    /// The secret key of an integration made with API keys before July 11, 2024, not yet
    /// reconnected.
    legacy_secret_key: Option<&'static str>,
}

/// What Kartra's screen does not show but the crate's configuration needs.
struct StripeAccountFacts {
    settlement_currency: &'static str,
    /// The checkout page 3D Secure redirects back to.
    checkout_return_url: &'static str,
}

struct PageIssue {
    field: String,
    code: &'static str,
    message: String,
}

/// The integration's mode: its publishable key's, else live (Kartra connects live accounts).
fn mode_of(i: &StripeIntegration) -> Mode {
    i.publishable_key
        .and_then(|k| k.parse::<PublishableKey>().ok())
        .map_or(Mode::Live, |k| k.mode())
}

fn to_gateway_config(i: &StripeIntegration, facts: &StripeAccountFacts) -> GatewayConfig {
    let mut auth = AuthConfig {
        scheme: Some("connect".into()),
        account_id: Some(i.stripe_account_id.into()),
        account_name: Some(i.name.into()),
        ..AuthConfig::default()
    };
    if let Some(key) = i.legacy_secret_key {
        // Kept to show that the connect scheme has no place for one.
        auth.secret_key = Some(key.into());
    }
    let minimum = parse_currency(facts.settlement_currency)
        .ok()
        .and_then(stripe_minimum)
        .map_or_else(|| "0.50".to_owned(), |m| m.amount().to_string());
    GatewayConfig {
        name: Some(format!("Stripe ({})", i.name)),
        version: Some("v2".into()),
        mode: Some(mode_of(i).as_str().into()),
        // Reconnected integrations keep their billing configuration: they exist already.
        existing: i.publishable_key.is_some(),
        auth: Some(auth),
        publishable_key: i.publishable_key.map(Into::into),
        account: Some(AccountConfig::settling_in(facts.settlement_currency)),
        // Stripe's checkout takes the cards; Kartra has no brand settings.
        card_brands: Some(vec![
            "visa".into(),
            "mastercard".into(),
            "amex".into(),
            "discover".into(),
        ]),
        currencies: Some(vec![CurrencyConfig::new(
            facts.settlement_currency,
            &minimum,
        )]),
        return_url: Some(facts.checkout_return_url.into()),
        live_card_tested: true,
        ..GatewayConfig::default()
    }
}

/// Kartra's own rules over the whole Integrations page.
fn kartra_checks(integrations: &[StripeIntegration]) -> Vec<PageIssue> {
    let mut issues = Vec::new();
    for (n, i) in integrations.iter().enumerate() {
        let tile = format!("integration {} ({})", n + 1, i.stripe_account_id);
        if integrations[..n]
            .iter()
            .any(|earlier| earlier.stripe_account_id == i.stripe_account_id)
        {
            issues.push(PageIssue {
                field: tile.clone(),
                code: "already_integrated",
                message: "This Stripe account has already been integrated: one integration per Stripe account".into(),
            });
        }
        if i.legacy_secret_key.is_some() {
            issues.push(PageIssue {
                field: tile,
                code: "reconnect_required",
                message: "this integration still uses API keys: click Connect with Stripe and select the same account (legacy connections had to be updated by September 16, 2024)".into(),
            });
        }
    }
    issues
}

/// The crate's path in Kartra's words.
fn label(path: &str) -> String {
    let name = match path {
        "auth.account_id" => "Stripe Account ID",
        "auth.account_name" | "name" => "Name",
        "auth.secret_key" => "API keys (legacy)",
        "publishable_key" | "mode" => "Publishable key",
        other => other,
    };
    format!("{name} ({path})")
}

fn print_report(report: &Report) {
    for v in report.violations() {
        println!(
            "    {:<7} [{}] {}: {}",
            v.severity().as_str(),
            v.code(),
            label(v.path()),
            v.message()
        );
        if v.severity() == Severity::Error {
            if let Some(remedy) = v.remedy() {
                println!("            remedy: {remedy}");
            }
        }
    }
}

fn summary(g: &ValidatedGateway) -> String {
    match g.auth() {
        AuthScheme::Connect {
            account_id,
            account_name,
            publishable_key,
        } => format!(
            "connect {account_id} {:?}, {}{}, holds a secret: {}",
            account_name.as_deref().unwrap_or("-"),
            g.mode(),
            publishable_key
                .as_ref()
                .map_or(String::new(), |k| format!(", kept publishable key {k}")),
            g.auth().holds_secret()
        ),
        other => other.name().to_owned(),
    }
}

fn check(
    page: &str,
    integrations: &[StripeIntegration],
    facts: &StripeAccountFacts,
    expect: &[&str],
) -> bool {
    let want = if expect.is_empty() {
        "valid"
    } else {
        "invalid"
    };
    println!("== Integrations page: {page} ({want})");
    let mut codes: Vec<&str> = Vec::new();
    let mut all_valid = true;
    for (n, i) in integrations.iter().enumerate() {
        let result = to_gateway_config(i, facts).validate();
        let report = match &result {
            Ok(g) => g.report(),
            Err(r) => r.clone(),
        };
        match &result {
            Ok(g) => println!("  integration {}: crate accepts: {}", n + 1, summary(g)),
            Err(r) => {
                all_valid = false;
                println!(
                    "  integration {}: crate refuses: {} error(s)",
                    n + 1,
                    r.errors().count()
                );
            }
        }
        print_report(&report);
        codes.extend(report.violations().iter().map(|v| v.code().as_str()));
    }
    let issues = kartra_checks(integrations);
    println!("  Kartra's own checks: {} error(s)", issues.len());
    for i in &issues {
        println!("    error   [{}] {}: {}", i.code, i.field, i.message);
    }
    codes.extend(issues.iter().map(|i| i.code));
    let accepted = all_valid && issues.is_empty();
    let missing: Vec<&&str> = expect.iter().filter(|c| !codes.contains(c)).collect();
    let ok = if expect.is_empty() {
        accepted
    } else {
        !accepted && missing.is_empty()
    };
    println!("=> {}", if accepted { "accepted" } else { "refused" });
    if !ok {
        println!("!! UNEXPECTED: expected {want}; codes expected but not found: {missing:?}");
    }
    println!();
    ok
}

fn main() -> ExitCode {
    let facts = StripeAccountFacts {
        settlement_currency: "USD",
        checkout_return_url: "https://checkout.example-kartra.com/stripe/return",
    };

    // Valid: two accounts of one Stripe profile, one reconnected from the API-key era (its
    // publishable key kept), one created with Connect with Stripe.
    let two_accounts = [
        StripeIntegration {
            stripe_account_id: "acct_1R3fqDP6919yCiFv",
            name: "Acme Coaching LLC",
            publishable_key: Some("pk_live_PUBLISHABLEexampleKey0042"),
            legacy_secret_key: None,
        },
        StripeIntegration {
            stripe_account_id: "acct_1Q8mZtL2c4VbN7xR",
            name: "Acme Coaching EU",
            publishable_key: None,
            legacy_secret_key: None,
        },
    ];

    // Invalid: the same account added a second time under another name.
    let same_account_twice = [
        StripeIntegration {
            stripe_account_id: "acct_1R3fqDP6919yCiFv",
            name: "Acme Coaching LLC",
            publishable_key: None,
            legacy_secret_key: None,
        },
        StripeIntegration {
            stripe_account_id: "acct_1R3fqDP6919yCiFv",
            name: "Acme Coaching (webinars)",
            publishable_key: None,
            legacy_secret_key: None,
        },
    ];

    // Invalid: an integration from before July 11, 2024 that still holds its API keys, and one
    // migrated by hand whose Stripe Account ID is a client id (ca_…) from Connect settings.
    let not_reconnected = [
        StripeIntegration {
            stripe_account_id: "acct_1R3fqDP6919yCiFv",
            name: "Acme Coaching LLC",
            publishable_key: Some("pk_live_PUBLISHABLEexampleKey0042"),
            legacy_secret_key: Some("sk_live_EXAMPLEonlyNotARealKey0042"),
        },
        StripeIntegration {
            stripe_account_id: "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb",
            name: "Acme Coaching EU",
            publishable_key: None,
            legacy_secret_key: None,
        },
    ];

    let results = [
        check("two Stripe accounts", &two_accounts, &facts, &[]),
        check(
            "one account integrated twice",
            &same_account_twice,
            &facts,
            &["already_integrated"],
        ),
        check(
            "an API-key integration not reconnected",
            &not_reconnected,
            &facts,
            &[
                "invalid_value",
                "reconnect_required",
                "wrong_credential_kind",
            ],
        ),
    ];
    if results.iter().all(|ok| *ok) {
        println!("Kartra: every page came out as expected");
        ExitCode::SUCCESS
    } else {
        println!("Kartra: some page did not come out as expected");
        ExitCode::FAILURE
    }
}
