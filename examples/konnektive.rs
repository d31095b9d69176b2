//! Konnektive CRM (seed S0, "how to add Stripe to your Konnektive instance"): a Stripe gateway
//! on Gateways > Gateway List, mapped onto [`GatewayConfig`] with `platform: konnektive` and
//! checked by the crate.
//!
//! ```sh
//! cargo run --example konnektive
//! ```
//!
//! The example only maps the form and prints the crate's report. Under the Konnektive profile
//! (rules §11) the crate checks the gateway dropdown (StripeV2, or "Stripe V1 (legacy - do
//! not create new)"), the merchant keys (the key's prefix gives the mode: Konnektive has no
//! test/live switch), raw card data access ("Handle card information directly": a warning,
//! since the form has no field for it, naming the decline S0 quotes), the SCA return URL and
//! the test transaction with a live card before going live. Secrets are printed only
//! redacted; the example exits 1 when a form does not come out as expected.

mod common;

use std::process::ExitCode;

use stripe_gateway_rules::config::{AccountConfig, AuthConfig, GatewayConfig};
use stripe_gateway_rules::{Platform, version::GatewayVersion};

/// Gateway List > "+" > a Stripe gateway: the dropdown, "Enter Merchant Information", and the
/// go-live checklist S0 describes.
struct KonnektiveGateway {
    gateway_alias: &'static str,
    /// "StripeV2" or "Stripe V1 (legacy - do not create new)".
    gateway: GatewayVersion,
    /// Already on the Gateway List, as opposed to being created now.
    existing: bool,
    publishable_key: &'static str,
    secret_key: &'static str,
    /// Stripe Dashboard > Settings > Integration > "Handle card information directly", as the
    /// merchant reports it.
    handle_card_information_directly: bool,
    radar: bool,
    /// The checkout page that "support[s] standard Merchant Redirect exceptions" for SCA.
    sca_return_url: Option<&'static str>,
    /// "perform a test transaction with a live card" done.
    live_card_test_transaction: bool,
}

/// The form, mapped onto the crate's input: no check of its own.
fn to_config(form: &KonnektiveGateway) -> GatewayConfig {
    {
        let mut config = GatewayConfig::default();
        config.platform = Some(Platform::Konnektive.as_str().into());
        config.name = Some(form.gateway_alias.into());
        config.version = Some(form.gateway.as_str().into());
        config.existing = form.existing;
        config.auth = Some(AuthConfig::api_key(form.secret_key));
        config.publishable_key = Some(form.publishable_key.into());
        config.account = Some({
            let mut account = AccountConfig::default();
            account.raw_card_data_access = form.handle_card_information_directly;
            account
        });
        config.return_url = form.sca_return_url.map(Into::into);
        config.radar = Some(form.radar);
        config.live_card_tested = form.live_card_test_transaction;
        config
    }
}

fn check(form: &KonnektiveGateway, expect: &[&str]) -> bool {
    let profile = Platform::Konnektive.profile();
    common::outcome(form.gateway_alias, to_config(form), &profile, expect)
}

fn main() -> ExitCode {
    let v2 = KonnektiveGateway {
        gateway_alias: "StripeV2 main MID",
        gateway: GatewayVersion::V2,
        existing: false,
        publishable_key: "pk_live_EXAMPLEonlyNotARealKey0042",
        secret_key: "sk_live_EXAMPLEonlyNotARealKey0042",
        handle_card_information_directly: true,
        radar: true,
        sca_return_url: Some("https://checkout.example-brand.com/sca-return"),
        live_card_test_transaction: true,
    };
    // An existing V1 gateway still works: a warning to plan the move to V2.
    let existing_v1 = KonnektiveGateway {
        gateway_alias: "Stripe V1 (2019)",
        gateway: GatewayVersion::V1,
        existing: true,
        sca_return_url: None,
        ..v2
    };
    // A new V1 gateway, not yet live-tested, and the setting not turned on.
    let new_v1 = KonnektiveGateway {
        gateway_alias: "Stripe V1",
        existing: false,
        handle_card_information_directly: false,
        live_card_test_transaction: false,
        ..existing_v1
    };
    // A V2 gateway going live without an https SCA return page, with a test publishable key.
    let no_sca = KonnektiveGateway {
        gateway_alias: "StripeV2 second MID",
        publishable_key: "pk_test_EXAMPLEonlyNotARealKey0042",
        sca_return_url: Some("http://checkout.example-brand.com/sca-return"),
        ..v2
    };
    let results = [
        check(&v2, &[]),
        check(&existing_v1, &[]),
        check(
            &new_v1,
            &[
                "legacy_version",
                "raw_card_data_required",
                "live_card_test_missing",
            ],
        ),
        check(&no_sca, &["key_pair_mode_mismatch", "return_url_insecure"]),
    ];
    common::finish("Konnektive", &results)
}
