//! PortaBilling (seed S4, "Configuring Stripe payment processor"): the Create payment system
//! panel and the per-currency assignments, mapped onto [`GatewayConfig`] and validated.
//!
//! ```sh
//! cargo run --example portabilling
//! ```
//!
//! Rules shown (rules.md §1, §4, §5, §6, §10):
//! * Password holds the Stripe API key; a publishable key there is refused (S4 itself says
//!   publishable keys "are used for the test mode": they are not, they cannot authenticate);
//!   the key's mode must agree with the Test mode flag.
//! * Payment methods (VISA, MasterCard, American Express, Discover) become card brands.
//! * Data protection (Token only / Full card info except the CVV) means PortaBilling sends card
//!   numbers to Stripe, so the Stripe account needs raw card data access.
//! * Minimum payment per currency, written "0.5 USD" / "0.46 CHF", must reach Stripe's minimum
//!   for the account's settlement currency: 0.46 CHF passes for a USD account at 1 CHF = 1.09
//!   USD and fails for a CHF account (0.50 CHF).
//!
//! PortaBilling's own rules, checked here because Stripe does not have them:
//! * Login "is obligatory and the input must be longer than 4 characters", though Add-on Mart
//!   ignores it;
//! * Minimum payment is written as an amount and a currency ("0.5 USD"), parsed with the crate's
//!   [`Money`] `FromStr`, and its currency must be the one the assignment is for.
//!
//! Every valid form must validate and every invalid form must be refused with the expected
//! codes; otherwise the example exits with status 1. Secrets are printed only redacted.

mod common;

use std::process::ExitCode;

use common::FormIssue;

use stripe_gateway_rules::config::{AccountConfig, AuthConfig, CurrencyConfig, GatewayConfig};
use stripe_gateway_rules::{AuthScheme, CardBrand, Money, ValidatedGateway};

/// "Payment methods" page: the checkboxes PortaBilling shows for Stripe.
#[derive(Clone, Copy)]
struct PaymentMethods {
    visa: bool,
    master_card: bool,
    american_express: bool,
    discover: bool,
}

/// "Data protection" page: how stored card information is handled.
#[derive(Clone, Copy)]
enum DataProtection {
    /// "Token only": the card goes to Stripe once, on the first payment, to create a token.
    TokenOnly,
    /// "Full card info except the CVV": the card goes to Stripe on every payment.
    FullCardInfoExceptTheCvv,
}

/// Financial > Currency management > a currency > Payment and remittance systems > Add, with
/// "Type of system: Payment system" and "Payment system: Stripe" chosen.
struct CurrencyAssignment {
    /// The currency being edited, as PortaBilling lists it.
    currency: &'static str,
    /// "Minimum payment", as typed: "0.5 USD".
    minimum_payment: &'static str,
}

/// Financial > E-payments > Payment systems > Create payment system, then its Payment methods
/// and Data protection pages: the fields as S4 describes them.
struct PaymentSystemForm {
    name: &'static str,
    payment_processor: &'static str,
    /// "type in any info as it is ignored by Add-on Mart (however, this field is obligatory and
    /// the input must be longer than 4 characters)".
    login: &'static str,
    /// "input the Stripe API key".
    password: &'static str,
    /// "disable this option to use Stripe for live transactions".
    test_mode: bool,
    payment_methods: PaymentMethods,
    data_protection: DataProtection,
    currencies: Vec<CurrencyAssignment>,
}

/// What the platform knows about the Stripe account but the form does not ask: the crate needs
/// it to check minimums and card handling (rules.md §3, §6).
struct StripeAccountFacts {
    settlement_currency: &'static str,
    /// Stripe granted raw card data access (PortaBilling sends card numbers through AMCI).
    raw_card_data_access: bool,
    /// 1 unit of a currency in the settlement currency, where known.
    rates: &'static [(&'static str, &'static str)],
    /// The self-care portal page 3D Secure redirects back to.
    return_url: &'static str,
    live_card_tested: bool,
}

/// PortaBilling's own checks, which Stripe does not make.
fn portabilling_checks(form: &PaymentSystemForm) -> Vec<FormIssue> {
    let mut issues = Vec::new();
    // Never echo the Login: users type anything into it, a password included.
    let login_chars = form.login.chars().count();
    if form.login.trim().is_empty() {
        issues.push(FormIssue {
            field: "Login".into(),
            code: "login_required",
            message: "Login is obligatory, though Add-on Mart ignores it".into(),
        });
    } else if login_chars <= 4 {
        issues.push(FormIssue {
            field: "Login".into(),
            code: "login_too_short",
            message: format!("Login has {login_chars} characters; it must be longer than 4"),
        });
    }
    if form.payment_processor != "Stripe" {
        issues.push(FormIssue {
            field: "Payment processor".into(),
            code: "not_stripe",
            message: format!(
                "Payment processor is {:?}, not Stripe",
                form.payment_processor
            ),
        });
    }
    for a in &form.currencies {
        let field = format!("{} > Minimum payment", a.currency);
        match a.minimum_payment.parse::<Money>() {
            Err(e) => issues.push(FormIssue {
                field,
                code: "minimum_payment_format",
                message: format!("write it as \"0.5 USD\": {e}"),
            }),
            Ok(m) if !m.currency().code().eq_ignore_ascii_case(a.currency) => {
                issues.push(FormIssue {
                    field,
                    code: "minimum_payment_currency",
                    message: format!(
                        "{m} is in {}, but this assignment is for {}",
                        m.currency().code(),
                        a.currency
                    ),
                });
            }
            Ok(_) => {}
        }
    }
    issues
}

/// The form, mapped onto the crate's input type.
fn to_gateway_config(form: &PaymentSystemForm, facts: &StripeAccountFacts) -> GatewayConfig {
    let m = form.payment_methods;
    let brands = [
        (m.visa, CardBrand::Visa),
        (m.master_card, CardBrand::Mastercard),
        (m.american_express, CardBrand::AmericanExpress),
        (m.discover, CardBrand::Discover),
    ];
    let currencies = form
        .currencies
        .iter()
        .map(|a| {
            // "0.5 USD" → "0.5". An unparsable one goes to the crate as its amount part, as
            // typed ("0,50"), so the crate's report says what is wrong with the amount too.
            let minimum = a.minimum_payment.parse::<Money>().map_or_else(
                |_| a.minimum_payment.split(' ').next().unwrap_or("").to_owned(),
                |m| m.amount().to_string(),
            );
            let mut c = CurrencyConfig::new(a.currency, &minimum);
            if let Some((_, rate)) = facts.rates.iter().find(|(code, _)| *code == a.currency) {
                c = c.with_rate(rate);
            }
            c
        })
        .collect();
    let data_protection = match form.data_protection {
        DataProtection::TokenOnly => "token_only",
        DataProtection::FullCardInfoExceptTheCvv => "full_card_except_cvv",
    };
    GatewayConfig {
        name: Some(form.name.into()),
        // Add-on Mart talks to Stripe through PaymentIntents: the V2 gateway.
        version: Some("v2".into()),
        mode: Some(if form.test_mode { "test" } else { "live" }.into()),
        auth: Some(AuthConfig::api_key(form.password)),
        account: Some(AccountConfig {
            raw_card_data_access: facts.raw_card_data_access,
            ..AccountConfig::settling_in(facts.settlement_currency)
        }),
        data_protection: Some(data_protection.into()),
        card_brands: Some(
            brands
                .iter()
                .filter(|(on, _)| *on)
                .map(|(_, b)| b.as_str().into())
                .collect(),
        ),
        currencies: Some(currencies),
        return_url: Some(facts.return_url.into()),
        live_card_tested: facts.live_card_tested,
        ..GatewayConfig::default()
    }
}

/// The crate's path in the PortaBilling form's words.
fn label(path: &str, form: &PaymentSystemForm) -> String {
    if let Some(rest) = path.strip_prefix("currencies[") {
        let (index, field) = rest.split_once("].").unwrap_or((rest, ""));
        let currency = index
            .parse::<usize>()
            .ok()
            .and_then(|i| form.currencies.get(i))
            .map_or("?", |a| a.currency);
        let field = match field {
            "minimum_payment" => "Minimum payment",
            "currency" => "currency",
            other => other,
        };
        return format!("{currency} > {field}");
    }
    let name = match path {
        "name" => "Name",
        "mode" => "Test mode",
        "auth.secret_key" | "auth" => "Password",
        "data_protection" => "Data protection",
        p if p.starts_with("card_brands") => "Payment methods",
        p if p.starts_with("account") => "(Stripe account)",
        "return_url" => "(self-care return URL)",
        "live_card_tested" => "(go-live checklist)",
        other => other,
    };
    format!("{name} ({path})")
}

fn summary(g: &ValidatedGateway) -> String {
    let key = match g.auth() {
        AuthScheme::ApiKey { secret_key, .. } => secret_key.redacted(),
        other => other.name().to_owned(),
    };
    let currencies: Vec<String> = g
        .currencies()
        .iter()
        .map(|a| format!("{} from {}", a.currency().code(), a.minimum()))
        .collect();
    format!(
        "{} mode, Password {key}, settles in {}, {} card brands, {}, minimums: {}",
        g.mode(),
        g.settlement_currency().code(),
        g.card_brands().len(),
        g.data_protection().map_or("-", |p| p.as_str()),
        currencies.join(", ")
    )
}

/// Validates one form; returns whether the outcome is the expected one.
fn check(form: &PaymentSystemForm, facts: &StripeAccountFacts, expect: &[&str]) -> bool {
    let want = if expect.is_empty() {
        "valid"
    } else {
        "invalid"
    };
    println!("== Payment system {:?} ({want} form)", form.name);
    let result = to_gateway_config(form, facts).validate();
    common::outcome(
        "PortaBilling",
        &result,
        &portabilling_checks(form),
        |path| label(path, form),
        summary,
        expect,
    )
}

fn main() -> ExitCode {
    let all_brands = PaymentMethods {
        visa: true,
        master_card: true,
        american_express: true,
        discover: true,
    };

    // Valid: a live payment system for a USD-settling account, assigned to USD and CHF.
    let usd_account = StripeAccountFacts {
        settlement_currency: "USD",
        raw_card_data_access: true,
        rates: &[("CHF", "1.09")],
        return_url: "https://selfcare.example-telco.com/payments/3ds-return",
        live_card_tested: true,
    };
    let live = PaymentSystemForm {
        name: "Stripe USD",
        payment_processor: "Stripe",
        login: "addonmart",
        password: "sk_live_EXAMPLEonlyNotARealKey0042",
        test_mode: false,
        payment_methods: all_brands,
        data_protection: DataProtection::TokenOnly,
        currencies: vec![
            CurrencyAssignment {
                currency: "USD",
                minimum_payment: "0.5 USD",
            },
            CurrencyAssignment {
                currency: "CHF",
                minimum_payment: "0.46 CHF",
            },
        ],
    };

    // Valid: the test-mode twin, full card info, Visa and MasterCard only.
    let sandbox_account = StripeAccountFacts {
        rates: &[],
        live_card_tested: false,
        ..usd_account
    };
    let test = PaymentSystemForm {
        name: "Stripe sandbox",
        login: "portaone-test",
        password: "sk_test_EXAMPLEonlyNotARealKey0042",
        test_mode: true,
        payment_methods: PaymentMethods {
            american_express: false,
            discover: false,
            ..all_brands
        },
        data_protection: DataProtection::FullCardInfoExceptTheCvv,
        currencies: vec![CurrencyAssignment {
            currency: "USD",
            minimum_payment: "0.5 USD",
        }],
        ..live
    };

    // Invalid: the mistakes S4 invites. A publishable key as Password (S4 says publishable
    // keys are "used for the test mode"), a 4-character Login, a comma decimal.
    let publishable_as_password = PaymentSystemForm {
        name: "Stripe test",
        login: "test",
        password: "pk_test_PUBLISHABLEexampleKey0042",
        test_mode: true,
        payment_methods: all_brands,
        data_protection: DataProtection::TokenOnly,
        currencies: vec![CurrencyAssignment {
            currency: "USD",
            minimum_payment: "0,50 USD",
        }],
        payment_processor: "Stripe",
    };

    // Invalid: a CHF-settling account without raw card data access. "0.46 CHF" is below
    // Stripe's 0.50 CHF; "0.5 USD" typed on the EUR assignment; a test key with Test mode off.
    let chf_account = StripeAccountFacts {
        settlement_currency: "CHF",
        raw_card_data_access: false,
        rates: &[],
        return_url: "https://selfcare.example-telco.ch/payments/3ds-return",
        live_card_tested: true,
    };
    let chf = PaymentSystemForm {
        name: "Stripe CHF",
        login: "addonmart",
        password: "sk_test_EXAMPLEonlyNotARealKey0042",
        test_mode: false,
        payment_methods: all_brands,
        data_protection: DataProtection::FullCardInfoExceptTheCvv,
        currencies: vec![
            CurrencyAssignment {
                currency: "CHF",
                minimum_payment: "0.46 CHF",
            },
            CurrencyAssignment {
                currency: "EUR",
                minimum_payment: "0.5 USD",
            },
        ],
        payment_processor: "Stripe",
    };

    let results = [
        check(&live, &usd_account, &[]),
        check(&test, &sandbox_account, &[]),
        check(
            &publishable_as_password,
            &sandbox_account,
            &[
                "publishable_key_as_secret",
                "login_too_short",
                "minimum_payment_format",
            ],
        ),
        check(
            &chf,
            &chf_account,
            &[
                "key_mode_mismatch",
                "raw_card_data_required",
                "minimum_below_stripe",
                "minimum_payment_currency",
            ],
        ),
    ];
    common::finish("PortaBilling", &results)
}
