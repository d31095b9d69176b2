//! Konnektive CRM (seed S0, "how to add Stripe to your Konnektive instance"): a gateway on
//! Gateways > Gateway List, mapped onto [`GatewayConfig`] and validated.
//!
//! ```sh
//! cargo run --example konnektive
//! ```
//!
//! Rules shown (rules.md §1, §3):
//! * The gateway dropdown: "StripeV2" (Stripe SCA, Stripe's native 3DS) or "Stripe V1 (legacy -
//!   do not create new)": a new V1 gateway is refused, an existing one still validates with a
//!   warning.
//! * V1 needs the "Handle card information directly" setting in Stripe's backend (raw card data
//!   access); V2 does not, and does not affect Radar, which stays optional.
//! * V2 SCA needs a checkout that supports Merchant Redirects: a return URL, https when live.
//! * The Merchant Information keys: a secret (or restricted) key, never a publishable one; the
//!   key pair shares a mode.
//!
//! Konnektive's own rule, checked here as a go-live gate (the crate only warns,
//! `live_card_test_missing`): "Before going live with this gateway, be sure to perform a test
//! transaction with a live card" (mapped to `live_card_tested`).
//!
//! S0 does not list the Merchant Information fields; the ones below (alias, key pair, currency,
//! card types) are what any Stripe gateway needs. Konnektive has no test/live switch: the key's
//! prefix decides the mode.
//!
//! Every valid form must validate and every invalid form must be refused with the expected
//! codes; otherwise the example exits with status 1. Secrets are printed only redacted.

mod common;

use std::process::ExitCode;

use common::FormIssue;

use stripe_gateway_rules::config::{AccountConfig, AuthConfig, CurrencyConfig, GatewayConfig};
use stripe_gateway_rules::{
    AuthScheme, CardBrand, Mode, SecretKey, ValidatedGateway, parse_currency, stripe_minimum,
};

/// The gateway dropdown on Gateway List > "+" (the Stripe entries).
#[derive(Clone, Copy)]
enum GatewayType {
    /// "StripeV2".
    StripeV2,
    /// "Stripe V1 (legacy - do not create new)".
    StripeV1Legacy,
}

impl GatewayType {
    fn label(self) -> &'static str {
        match self {
            GatewayType::StripeV2 => "StripeV2",
            GatewayType::StripeV1Legacy => "Stripe V1 (legacy - do not create new)",
        }
    }
}

/// "1. Enter Merchant Information".
struct MerchantInformation {
    gateway_alias: &'static str,
    publishable_key: &'static str,
    secret_key: &'static str,
    /// The merchant account's currency: the Stripe account's settlement currency.
    currency: &'static str,
    card_types: &'static [CardBrand],
}

/// A Stripe gateway in Konnektive, with the checklist items S0 asks for.
struct KonnektiveGateway {
    gateway_type: GatewayType,
    /// Already on the Gateway List (saved before), as opposed to being created now.
    existing: bool,
    merchant: MerchantInformation,
    /// Stripe Dashboard > Settings > Integration > "Handle card information directly".
    handle_card_information_directly: bool,
    /// "you can optionally enable Radar".
    radar: bool,
    /// The checkout page that "support[s] standard Merchant Redirect exceptions" for SCA.
    sca_redirect_url: Option<&'static str>,
    /// "perform a test transaction with a live card" done.
    live_card_test_transaction: bool,
}

/// Konnektive has no test/live switch: the key's prefix decides (rules.md §1). A key that does
/// not parse is reported by the crate; the gateway is then taken as meant for live traffic.
fn mode_of(secret_key: &str) -> Mode {
    secret_key
        .parse::<SecretKey>()
        .map_or(Mode::Live, |k| k.mode())
}

/// Konnektive's own go-live gate, stricter than Stripe.
fn konnektive_checks(form: &KonnektiveGateway) -> Vec<FormIssue> {
    let mut issues = Vec::new();
    if mode_of(form.merchant.secret_key) == Mode::Live && !form.live_card_test_transaction {
        issues.push(FormIssue {
            field: "Go-live checklist".into(),
            code: "live_card_test_required",
            message: "before going live with this gateway, perform a test transaction with a live card (S0)".into(),
        });
    }
    issues
}

fn to_gateway_config(form: &KonnektiveGateway) -> GatewayConfig {
    let m = &form.merchant;
    // Konnektive has no minimum payment setting: use Stripe's own minimum for the currency.
    let minimum = parse_currency(m.currency)
        .ok()
        .and_then(stripe_minimum)
        .map_or_else(|| "0.50".to_owned(), |min| min.amount().to_string());
    GatewayConfig {
        name: Some(m.gateway_alias.into()),
        version: Some(
            match form.gateway_type {
                GatewayType::StripeV2 => "v2",
                GatewayType::StripeV1Legacy => "v1",
            }
            .into(),
        ),
        mode: Some(mode_of(m.secret_key).as_str().into()),
        existing: form.existing,
        auth: Some(AuthConfig::api_key(m.secret_key)),
        publishable_key: Some(m.publishable_key.into()),
        account: Some(AccountConfig {
            raw_card_data_access: form.handle_card_information_directly,
            ..AccountConfig::settling_in(m.currency)
        }),
        card_brands: Some(m.card_types.iter().map(|b| b.as_str().into()).collect()),
        currencies: Some(vec![CurrencyConfig::new(m.currency, &minimum)]),
        return_url: form.sca_redirect_url.map(Into::into),
        radar: Some(form.radar),
        live_card_tested: form.live_card_test_transaction,
        ..GatewayConfig::default()
    }
}

/// The crate's path in Konnektive's words.
fn label(path: &str) -> String {
    let name = match path {
        "name" => "Merchant Information > alias",
        "version" => "Gateway",
        "auth.secret_key" | "auth" | "mode" => "Merchant Information > secret key",
        "publishable_key" => "Merchant Information > publishable key",
        "account.raw_card_data_access" => "Stripe > Handle card information directly",
        "return_url" => "Checkout > SCA Merchant Redirect",
        "live_card_tested" => "Go-live checklist",
        p if p.starts_with("card_brands") => "Merchant Information > card types",
        p if p.starts_with("currencies") || p.starts_with("account") => {
            "Merchant Information > currency"
        }
        other => other,
    };
    format!("{name} ({path})")
}

fn summary(g: &ValidatedGateway) -> String {
    let key = match g.auth() {
        AuthScheme::ApiKey { secret_key, .. } => secret_key.redacted(),
        other => other.name().to_owned(),
    };
    format!(
        "{} {}, key {key}, settles in {}, raw card data {}, Radar {}",
        g.version(),
        g.mode(),
        g.settlement_currency().code(),
        if g.raw_card_data_access() {
            "on"
        } else {
            "off"
        },
        if g.radar() { "on" } else { "off" },
    )
}

fn check(form: &KonnektiveGateway, expect: &[&str]) -> bool {
    let want = if expect.is_empty() {
        "valid"
    } else {
        "invalid"
    };
    let state = if form.existing { "existing" } else { "new" };
    println!(
        "== {state} gateway {:?}, {} ({want} form)",
        form.merchant.gateway_alias,
        form.gateway_type.label()
    );
    let result = to_gateway_config(form).validate();
    common::outcome(
        "Konnektive",
        &result,
        &konnektive_checks(form),
        label,
        summary,
        expect,
    )
}

const ALL_CARDS: &[CardBrand] = &[
    CardBrand::Visa,
    CardBrand::Mastercard,
    CardBrand::AmericanExpress,
    CardBrand::Discover,
];

fn main() -> ExitCode {
    // Valid: a new StripeV2 gateway, live, SCA redirects supported, tested with a live card.
    let v2 = KonnektiveGateway {
        gateway_type: GatewayType::StripeV2,
        existing: false,
        merchant: MerchantInformation {
            gateway_alias: "StripeV2 main MID",
            publishable_key: "pk_live_PUBLISHABLEexampleKey0042",
            secret_key: "rk_live_EXAMPLEonlyNotARealKey0042",
            currency: "USD",
            card_types: ALL_CARDS,
        },
        handle_card_information_directly: false,
        radar: true,
        sca_redirect_url: Some("https://checkout.example-brand.com/sca-return"),
        live_card_test_transaction: true,
    };

    // Valid, with a warning: an existing V1 gateway keeps working, with "Handle card
    // information directly" enabled as V1 requires.
    let v1_existing = KonnektiveGateway {
        gateway_type: GatewayType::StripeV1Legacy,
        existing: true,
        merchant: MerchantInformation {
            gateway_alias: "Stripe V1 (2019 MID)",
            secret_key: "sk_live_EXAMPLEonlyNotARealKey0042",
            ..v2.merchant
        },
        handle_card_information_directly: true,
        radar: false,
        sca_redirect_url: None,
        live_card_test_transaction: true,
    };

    // Invalid: a new V1 gateway ("do not create new"), without "Handle card information
    // directly", about to go live without the live-card test.
    let v1_new = KonnektiveGateway {
        existing: false,
        handle_card_information_directly: false,
        live_card_test_transaction: false,
        merchant: MerchantInformation {
            gateway_alias: "Stripe V1",
            ..v1_existing.merchant
        },
        ..v1_existing
    };

    // Invalid: StripeV2 with the publishable key pasted as the secret key, a checkout that
    // does not support SCA redirects, and a test-mode publishable key.
    let v2_wrong_keys = KonnektiveGateway {
        merchant: MerchantInformation {
            gateway_alias: "StripeV2 new brand",
            publishable_key: "pk_test_PUBLISHABLEexampleKey0042",
            secret_key: "pk_live_PUBLISHABLEexampleKey0042",
            ..v2.merchant
        },
        sca_redirect_url: None,
        ..v2
    };

    let results = [
        check(&v2, &[]),
        check(&v1_existing, &[]),
        check(
            &v1_new,
            &[
                "legacy_version",
                "raw_card_data_required",
                "live_card_test_required",
            ],
        ),
        check(
            &v2_wrong_keys,
            &[
                "publishable_key_as_secret",
                "key_mode_mismatch",
                "return_url_required",
            ],
        ),
    ];
    common::finish("Konnektive", &results)
}
