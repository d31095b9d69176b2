//! PortaBilling (seed S4, "Configuring Stripe payment processor"): the Create payment system
//! panel, its Payment methods and Data protection pages, and the per-currency assignments,
//! mapped onto [`GatewayConfig`] with `platform: portabilling` and checked by the crate.
//!
//! ```sh
//! cargo run --example portabilling
//! ```
//!
//! The example only maps the form and prints the crate's report: every rule, PortaBilling's
//! own included (Login longer than 4 characters; "Minimum payment" written "0.5 USD"), is the
//! crate's, under the PortaBilling profile (rules §11). The form has no field for the Stripe
//! account's raw card data access, so that rule is a warning. Secrets are printed only
//! redacted; the example exits 1 when a form does not come out as expected.

mod common;

use std::process::ExitCode;

use stripe_gateway_rules::config::{AccountConfig, AuthConfig, CurrencyConfig, GatewayConfig};
use stripe_gateway_rules::{
    Platform, card_brand::CardBrand, credentials::Mode, data_protection::DataProtection,
};

/// Financial > E-payments > Payment systems > Create payment system, with its Payment
/// methods and Data protection pages.
struct PaymentSystemForm {
    name: &'static str,
    /// "type in any info as it is ignored by Add-on Mart (however, this field is obligatory
    /// and the input must be longer than 4 characters)".
    login: &'static str,
    /// "input the Stripe API key".
    password: &'static str,
    test_mode: bool,
    /// VISA, MasterCard, American Express, Discover checkboxes.
    payment_methods: &'static [CardBrand],
    data_protection: DataProtection,
    /// Currency management > a currency > Payment system: Stripe, "Minimum payment".
    currencies: &'static [(&'static str, &'static str)],
}

/// What the platform records about the Stripe account (not on the form).
struct StripeAccount {
    settlement_currency: &'static str,
    /// "Handle card information directly" is on, as far as the platform knows.
    raw_card_data_access: bool,
    /// 1 unit of a currency in the settlement currency, where known.
    rates: &'static [(&'static str, &'static str)],
}

/// The form, mapped onto the crate's input: no check of its own.
fn to_config(form: &PaymentSystemForm, account: &StripeAccount) -> GatewayConfig {
    let currencies = form
        .currencies
        .iter()
        .map(|(currency, minimum)| {
            let entry = CurrencyConfig::new(currency, minimum);
            match account.rates.iter().find(|(c, _)| c == currency) {
                Some((_, rate)) => entry.with_rate(rate),
                None => entry,
            }
        })
        .collect();
    {
        let mut config = GatewayConfig::default();
        config.platform = Some(Platform::PortaBilling.as_str().into());
        config.name = Some(form.name.into());
        config.login = Some(form.login.into());
        config.auth = Some(AuthConfig::api_key(form.password));
        config.mode = Some(
            if form.test_mode {
                Mode::Test
            } else {
                Mode::Live
            }
            .as_str()
            .into(),
        );
        config.account = Some({
            let mut facts = AccountConfig::settling_in(account.settlement_currency);
            facts.raw_card_data_access = account.raw_card_data_access;
            facts
        });
        config.data_protection = Some(form.data_protection.as_str().into());
        config.card_brands = Some(
            form.payment_methods
                .iter()
                .map(|b| b.as_str().into())
                .collect(),
        );
        config.currencies = Some(currencies);
        config
    }
}

fn check(form: &PaymentSystemForm, account: &StripeAccount, expect: &[&str]) -> bool {
    let profile = Platform::PortaBilling.profile();
    common::outcome(form.name, to_config(form, account), &profile, expect)
}

fn main() -> ExitCode {
    use CardBrand::{AmericanExpress, Discover, Mastercard, Visa};
    let usd = StripeAccount {
        settlement_currency: "USD",
        raw_card_data_access: true,
        rates: &[("CHF", "1.09")],
    };
    let live = PaymentSystemForm {
        name: "Stripe USD",
        login: "addonmart",
        password: "sk_live_EXAMPLEonlyNotARealKey0042",
        test_mode: false,
        payment_methods: &[Visa, Mastercard, AmericanExpress, Discover],
        data_protection: DataProtection::TokenOnly,
        currencies: &[("USD", "0.5 USD"), ("CHF", "0.46 CHF")],
    };
    let sandbox = PaymentSystemForm {
        name: "Stripe sandbox",
        login: "portaone-test",
        password: "sk_test_EXAMPLEonlyNotARealKey0042",
        test_mode: true,
        payment_methods: &[Visa, Mastercard],
        data_protection: DataProtection::FullCardExceptCvv,
        currencies: &[("USD", "0.5 USD")],
    };
    // The mistakes S4 invites: a publishable key as Password (S4 says publishable keys "are
    // used for the test mode"), a 4-character Login, a comma decimal.
    let publishable = PaymentSystemForm {
        name: "Stripe test",
        login: "test",
        password: "pk_test_PUBLISHABLEexampleKey0042",
        currencies: &[("USD", "0,50 USD")],
        ..sandbox
    };
    // A CHF account without raw card data access: 0.46 CHF is below Stripe's 0.50 CHF, "0.5
    // USD" typed on the EUR assignment, a test key with Test mode off.
    let chf = StripeAccount {
        settlement_currency: "CHF",
        raw_card_data_access: false,
        rates: &[],
    };
    let chf_form = PaymentSystemForm {
        name: "Stripe CHF",
        password: "sk_test_EXAMPLEonlyNotARealKey0042",
        test_mode: false,
        currencies: &[("CHF", "0.46 CHF"), ("EUR", "0.5 USD")],
        ..live
    };
    let results = [
        check(&live, &usd, &[]),
        check(&sandbox, &usd, &[]),
        check(
            &publishable,
            &usd,
            &[
                "publishable_key_as_secret",
                "login_too_short",
                "invalid_value",
            ],
        ),
        check(
            &chf_form,
            &chf,
            &[
                "key_mode_mismatch",
                "raw_card_data_required",
                "minimum_below_stripe",
                "invalid_value",
            ],
        ),
    ];
    common::finish("PortaBilling", &results)
}
