//! Showing Stripe refusals to end users in their own language.
//!
//! PortaBilling shows a gateway's refusals to end users on its self-care portal. The crate
//! gives each refusal a typed code and the values its texts are made of, so a platform words
//! the end user's text in any language from the code and the params alone, without parsing
//! the English text. This example words them in German and Spanish, and falls back to the
//! crate's English end-user text for a code it has no translation for.
//!
//! Run: `cargo run --example translate_refusals`

use std::process::ExitCode;

use rust_decimal::Decimal;
use stripe_gateway_rules::config::{AccountConfig, AuthConfig, CurrencyConfig, GatewayConfig};
use stripe_gateway_rules::operation::{CardSource, Payment, Refund, Refusal};
use stripe_gateway_rules::{Currency, Money, Operation, RefusalCode};

/// The end user's text in `language` ("de" or "es"), from the refusal's code and params.
fn translate(refusal: &Refusal, language: &str) -> String {
    let param = |name: &str| {
        refusal
            .params()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.to_string())
            .unwrap_or_default()
    };
    // Both languages write a decimal comma.
    let amount = |name: &str| param(name).replace('.', ",");
    let (minimum, currency, refundable) =
        (amount("minimum"), param("currency"), amount("refundable"));
    match (refusal.code(), language) {
        (RefusalCode::BelowMinimum, "de") => {
            format!("Ihre Zahlung muss mindestens {minimum} {currency} betragen")
        }
        (RefusalCode::BelowMinimum, "es") => {
            format!("Su pago debe ser de al menos {minimum} {currency}")
        }
        (RefusalCode::CurrencyNotAssigned, "de") => {
            format!(
                "Zahlungen in {currency} werden nicht angenommen. Bitte zahlen Sie in einer anderen Währung."
            )
        }
        (RefusalCode::CurrencyNotAssigned, "es") => {
            format!("No se aceptan pagos en {currency}. Por favor, pague en otra moneda.")
        }
        (RefusalCode::RefundExceedsCaptured, "de") => {
            format!(
                "Die Erstattung übersteigt den noch erstattbaren Betrag von {refundable} {currency}."
            )
        }
        (RefusalCode::RefundExceedsCaptured, "es") => {
            format!("El reembolso supera los {refundable} {currency} que quedan por reembolsar.")
        }
        (RefusalCode::EmailRequired, "de") => {
            "Bitte geben Sie Ihre E-Mail-Adresse an, bevor Sie mit einer neuen Karte zahlen."
                .to_owned()
        }
        (RefusalCode::EmailRequired, "es") => {
            "Por favor, indique su correo electrónico antes de pagar con una tarjeta nueva."
                .to_owned()
        }
        // No translation: the crate's English text for end users.
        _ => refusal.end_user_message().to_string(),
    }
}

fn money(amount: i64, scale: u32, currency: Currency) -> Money {
    Money::new(Decimal::new(amount, scale), currency)
}

fn main() -> ExitCode {
    let config = {
        let mut config = GatewayConfig::default();
        config.name = Some("Stripe USD".into());
        config.version = Some("v2".into());
        config.mode = Some("test".into());
        config.auth = Some(AuthConfig::api_key("sk_test_4eC39HqLyjWDarjtT1zdp7dc"));
        config.account = Some({
            let mut account = AccountConfig::settling_in("USD");
            account.raw_card_data_access = true;
            account
        });
        config.data_protection = Some("token_only".into());
        config.card_brands = Some(vec!["visa".into(), "mastercard".into()]);
        config.currencies = Some(vec![CurrencyConfig::new("USD", "0.50")]);
        config
    };
    let gateway = match config.validate(&config.profile()) {
        Ok(form) => form
            .into_gateway()
            .expect("the form has the payment fields"),
        Err(report) => {
            eprintln!("{report}");
            return ExitCode::FAILURE;
        }
    };

    let operations = [
        Operation::Sale(Payment::new(money(40, 2, Currency::USD), CardSource::Saved)),
        Operation::Sale(Payment::new(
            money(1000, 2, Currency::EUR),
            CardSource::Saved,
        )),
        Operation::Refund(Refund::new(
            money(1500, 2, Currency::USD),
            money(1200, 2, Currency::USD),
            money(200, 2, Currency::USD),
        )),
        Operation::Sale(Payment::new(money(1200, 2, Currency::USD), CardSource::New)),
        Operation::Void,
    ];
    let mut refused = 0;
    for op in &operations {
        let Err(refusal) = gateway.check(op) else {
            continue;
        };
        refused += 1;
        println!("[{}] operator: {refusal}", refusal.code());
        println!("  en: {}", refusal.end_user_message());
        println!("  de: {}", translate(&refusal, "de"));
        println!("  es: {}", translate(&refusal, "es"));
    }
    if refused == operations.len() {
        println!("every refusal came out as expected");
        ExitCode::SUCCESS
    } else {
        println!(
            "!! {} of {} operations were refused",
            refused,
            operations.len()
        );
        ExitCode::FAILURE
    }
}
