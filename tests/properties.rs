//! Property suites built on `testing::strategy`: every generated valid configuration
//! validates, every labelled invalid one is refused with its code (and only that error code),
//! every labelled warning appears, a validated gateway accepts the operations generated for
//! it, the public serializable types serialize to their documented JSON and parse back from
//! it, and a report's JSON holds what the report holds.
//!
//! Bounded for CI (`PROPTEST_CASES=256`, 2 cores, debug build): see `benches/README.md`.
#![cfg(feature = "proptest")]

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use stripe_gateway_rules::diagnostics::ToViolation;
use stripe_gateway_rules::profile::Platform;
use stripe_gateway_rules::testing::strategy::{
    INVALID_CODES, WARNING_CODES, account_id, client_id, config_with_warning, invalid_config,
    invalid_config_for, mode, money, operation, publishable_key, secret_key, valid_config,
    validated_gateway,
};
use stripe_gateway_rules::testing::{assert_invalid, assert_valid, assert_violation, report_of};
use stripe_gateway_rules::{Currency, Money, currency::presentment_currencies, money::MinorUnits};
use stripe_gateway_rules::{codes::ViolationCode, config::GatewayConfig, diagnostics::Severity};

/// The error codes of a validation, in order.
fn error_codes(config: &GatewayConfig) -> Vec<ViolationCode> {
    report_of(config)
        .errors()
        .map(|v| ViolationCode::try_from(v.code()).expect("one of the crate's codes"))
        .collect()
}

proptest! {
    #[test]
    fn every_valid_config_validates(config in valid_config()) {
        let gateway = assert_valid(&config).into_gateway().expect("a payment gateway");
        prop_assert_eq!(Some(gateway.mode().as_str()), config.mode.as_deref());
        prop_assert_eq!(gateway.currencies().len(), config.currencies.as_ref().map_or(0, Vec::len));
        prop_assert!(gateway.warnings().iter().all(|w| w.severity() == Severity::Warning));
        prop_assert!(gateway.report().is_valid());
    }

    #[test]
    fn every_invalid_config_yields_its_code_and_no_other_error((config, code) in invalid_config()) {
        let report = assert_invalid(&config);
        prop_assert!(report.has(code), "expected {}, got {}", code, report);
        let codes = error_codes(&config);
        prop_assert!(codes.iter().all(|c| *c == code), "expected only {}, got {}", code, report);
    }

    #[test]
    fn every_labelled_warning_appears_on_a_valid_config((config, code) in config_with_warning()) {
        let form = assert_valid(&config);
        prop_assert!(
            form.warnings().iter().any(|w| w.code() == code),
            "expected the warning {}, got {}", code, form.report()
        );
        prop_assert_eq!(assert_violation(&config, code).severity(), Severity::Warning);
    }

    #[test]
    fn a_gateway_accepts_every_operation_generated_for_it(
        (gateway, op) in validated_gateway().prop_flat_map(|g| (Just(g.clone()), operation(&g)))
    ) {
        prop_assert_eq!(gateway.check(&op), Ok(()), "{:?}", op);
    }

    /// rules §5: generated money converts to minor units Stripe accepts, and back.
    #[test]
    fn generated_money_is_what_stripe_accepts(m in money()) {
        let minor = m.to_minor_units().expect("generated money converts");
        prop_assert!(minor.get() > 0);
        prop_assert_eq!(minor.get() % m.rule().multiple_of(), 0);
        prop_assert_eq!(Money::from_minor_units(minor, m.currency()), Ok(m));
        prop_assert_eq!(m.to_string().parse::<Money>(), Ok(m));
    }

    /// rules §1: generated credentials reparse from their text to themselves.
    #[test]
    fn generated_credentials_round_trip_through_display(
        pk in publishable_key(), acct in account_id(), ca in client_id(), mode in mode(), sk in secret_key()
    ) {
        prop_assert_eq!(pk.to_string().parse(), Ok(pk.clone()));
        prop_assert_eq!(acct.to_string().parse(), Ok(acct.clone()));
        prop_assert_eq!(ca.to_string().parse(), Ok(ca.clone()));
        prop_assert_eq!(mode.to_string().parse::<stripe_gateway_rules::credentials::Mode>().ok(), Some(mode));
        let again: stripe_gateway_rules::credentials::SecretKey = sk.expose_secret().parse().expect("reparses");
        prop_assert_eq!(again.expose_secret(), sk.expose_secret());
        prop_assert_eq!(again.mode(), sk.mode());
        prop_assert_eq!(again.is_restricted(), sk.is_restricted());
    }
}

/// Each code's own mutation, run on its own, so a code the union draws rarely is still
/// checked every run.
#[test]
fn each_invalid_code_has_a_mutation_that_yields_it_alone() {
    let mut runner = TestRunner::new(Config {
        cases: 12,
        failure_persistence: None,
        ..Config::default()
    });
    for &code in INVALID_CODES {
        let strategy = invalid_config_for(code).expect("a mutation");
        runner
            .run(&strategy, |config| {
                let codes = error_codes(&config);
                prop_assert!(
                    !codes.is_empty() && codes.iter().all(|c| *c == code),
                    "{}: {}",
                    code,
                    report_of(&config)
                );
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{code}: {e}"));
    }
    for &code in WARNING_CODES {
        assert!(code == ViolationCode::LegacyVersion || invalid_config_for(code).is_none());
    }
}

/// Every error code of the documented table is covered by a labelled mutation.
#[test]
fn the_invalid_codes_are_every_error_code() {
    let warning_only = [
        ViolationCode::MinimumApproximate,
        ViolationCode::MinimumUnverifiable,
        ViolationCode::LiveCardTestMissing,
        ViolationCode::FieldNotOnForm,
        ViolationCode::RestrictedKey,
        ViolationCode::AccountLimitsStated,
    ];
    // Codes of the other forms (connection settings, OAuth callbacks) and of the platform
    // profiles (tests/profiles.rs).
    let other_forms = [
        ViolationCode::NoRole,
        ViolationCode::UnknownApiVersion,
        ViolationCode::OauthDenied,
        ViolationCode::OauthStateMismatch,
        ViolationCode::LoginTooShort,
        ViolationCode::PaymentFieldsMissing,
    ];
    // Codes only the JSON loader reports (issue 10): a configuration built in code cannot
    // have them; tests/loading.rs covers them.
    let file_only = [
        ViolationCode::WrongType,
        ViolationCode::UnknownField,
        ViolationCode::DuplicateField,
    ];
    let errors: Vec<_> = ViolationCode::ALL
        .iter()
        .filter(|c| !warning_only.contains(c) && !other_forms.contains(c) && !file_only.contains(c))
        .copied()
        .collect();
    assert_eq!(errors, INVALID_CODES);
}

/// rules §5: `currency()` reaches every presentment currency and the three-decimal ones; `money()`
/// respects each one's rule (run over the whole list, not sampled).
#[test]
fn money_in_every_currency_respects_its_rule() {
    let mut runner = TestRunner::new(Config {
        cases: 4,
        failure_persistence: None,
        ..Config::default()
    });
    let mut all: Vec<Currency> = presentment_currencies().to_vec();
    all.extend([
        Currency::BHD,
        Currency::JOD,
        Currency::KWD,
        Currency::OMR,
        Currency::TND,
    ]);
    // `currency()` draws each of them (a fixed seed: the same draws every run).
    let mut draws = TestRunner::deterministic();
    let currency = stripe_gateway_rules::testing::strategy::currency();
    let mut unseen = all.clone();
    for _ in 0..20_000 {
        let tree = currency.new_tree(&mut draws).expect("a currency");
        let drawn = proptest::strategy::ValueTree::current(&tree);
        unseen.retain(|c| *c != drawn);
    }
    assert!(unseen.is_empty(), "never drawn: {unseen:?}");
    for c in all {
        runner
            .run(&stripe_gateway_rules::testing::strategy::money_in(c), |m| {
                let minor: MinorUnits = m.to_minor_units().expect("valid");
                prop_assert_eq!(m.amount().scale(), m.rule().exponent());
                prop_assert_eq!(minor.get() % m.rule().multiple_of(), 0);
                prop_assert!(minor <= stripe_gateway_rules::money::max_minor_units(c));
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{}: {e}", c.code()));
    }
}

#[cfg(feature = "serde")]
mod serde_round_trips {
    use super::*;
    use serde::Serialize;
    use serde::de::DeserializeOwned;
    use serde_json::json;
    use stripe_gateway_rules::api_version::KNOWN_API_VERSIONS;
    use stripe_gateway_rules::authorization::{Initiator, Presence};
    use stripe_gateway_rules::operation::CardSource;
    use stripe_gateway_rules::testing::strategy::currency;
    use stripe_gateway_rules::{
        api_version::ApiVersion, data_protection::DataProtection, money::ExchangeRate,
        version::GatewayVersion,
    };

    /// `value` serializes to `expected` (its documented form, built by the caller from the
    /// value's accessors, not through `Serialize`), and `expected` parses back to `value`.
    fn round_trip<T>(value: &T, expected: serde_json::Value) -> Result<(), TestCaseError>
    where
        T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
    {
        prop_assert_eq!(
            serde_json::to_value(value).expect("serializes"),
            expected.clone()
        );
        let json = expected.to_string();
        let back: T = serde_json::from_str(&json)
            .map_err(|e| TestCaseError::fail(format!("{json} does not parse back: {e}")))?;
        prop_assert_eq!(&back, value, "{}", json);
        Ok(())
    }

    fn rate() -> impl Strategy<Value = ExchangeRate> {
        (currency(), currency(), 1_i64..100_000_000, 0_u32..=8).prop_map(|(from, to, m, s)| {
            let rate = if from == to {
                rust_decimal::Decimal::ONE
            } else {
                rust_decimal::Decimal::new(m, s)
            };
            ExchangeRate::new(from, to, rate).expect("positive")
        })
    }

    proptest! {
        #[test]
        fn public_types_round_trip_through_json(
            pk in publishable_key(),
            acct in account_id(),
            ca in client_id(),
            mode in mode(),
            m in money(),
            r in rate(),
            version in prop::sample::select(KNOWN_API_VERSIONS),
            brand in stripe_gateway_rules::testing::strategy::card_brand(),
            flags in (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()),
        ) {
            // Credentials and identifiers as strings, as given.
            round_trip(&pk, json!(pk.as_str()))?;
            round_trip(&acct, json!(acct.as_str()))?;
            round_trip(&ca, json!(ca.as_str()))?;
            round_trip(&mode, json!(mode.as_str()))?;
            // Money as `{"amount": "<decimal text>", "currency": "<uppercase code>"}`, minor
            // units as an integer, a rate as `{"from", "to", "rate"}` with the rate as text.
            round_trip(&m, json!({"amount": m.amount().to_string(), "currency": m.currency().code()}))?;
            let minor = m.to_minor_units().expect("valid");
            round_trip(&minor, json!(minor.get()))?;
            round_trip(&r, json!({"from": r.from().code(), "to": r.to().code(), "rate": r.rate().to_string()}))?;
            let text = version;
            let version: ApiVersion = version.parse().expect("a known version parses");
            round_trip(&version, json!(text))?;
            round_trip(&brand, json!(brand.as_str()))?;
            // The keywords of the file and line formats.
            let (v1, token, new, merchant, in_person) = flags;
            round_trip(&if v1 { GatewayVersion::V1 } else { GatewayVersion::V2 }, json!(if v1 { "v1" } else { "v2" }))?;
            round_trip(
                &if token { DataProtection::TokenOnly } else { DataProtection::FullCardExceptCvv },
                json!(if token { "token_only" } else { "full_card_except_cvv" }),
            )?;
            round_trip(&if new { CardSource::New } else { CardSource::Saved }, json!(if new { "new" } else { "saved" }))?;
            round_trip(
                &if merchant { Initiator::Merchant } else { Initiator::Customer },
                json!(if merchant { "merchant" } else { "customer" }),
            )?;
            round_trip(
                &if in_person { Presence::InPerson } else { Presence::Online },
                json!(if in_person { "in_person" } else { "online" }),
            )?;
        }

        /// The report's JSON says what the report says, and nothing else: it equals the
        /// documented object (`{"valid", "errors", "warnings", "violations": [{"path", "code",
        /// "severity", "message", "remedy", "params"}]}`) built here from the report's
        /// accessors, the path as printed.
        #[test]
        fn the_report_json_parses_back_to_the_report(
            config in prop_oneof![
                valid_config(),
                invalid_config().prop_map(|(c, _)| c),
                config_with_warning().prop_map(|(c, _)| c),
            ]
        ) {
            let report = report_of(&config);
            let json = serde_json::to_string(&report).expect("serializes");
            let value: serde_json::Value = serde_json::from_str(&json).expect("parses back");
            let violations: Vec<serde_json::Value> = report
                .violations()
                .iter()
                .map(|v| {
                    let params: serde_json::Map<String, serde_json::Value> =
                        v.params().map(|(n, p)| (n.to_owned(), json!(p))).collect();
                    json!({
                        "path": v.path().to_string(),
                        "code": v.code().as_str(),
                        "severity": v.severity().as_str(),
                        "message": v.message(),
                        "remedy": v.remedy(),
                        "params": params,
                    })
                })
                .collect();
            let expected = json!({
                "valid": report.is_valid(),
                "errors": report.errors().count(),
                "warnings": report.warnings().count(),
                "violations": violations,
            });
            prop_assert_eq!(value, expected);
        }
    }
}

/// The configuration file's field names (README, "The configuration file"): a path joins
/// them with dots and brackets (`auth.secret_key`, `currencies[0].minimum_payment`).
const FILE_FIELDS: &[&str] = &[
    "platform",
    "name",
    "login",
    "version",
    "mode",
    "existing",
    "auth",
    "scheme",
    "account",
    "country",
    "currencies",
    "currency",
    "radar",
    "active",
];

/// The file format's snake_case field names, which no message or remedy names at all: a UI
/// shows the platform's own label or plain words instead.
const SNAKE_CASE_FIELDS: &[&str] = &[
    "secret_key",
    "settlement_currency",
    "minimum_payment",
    "rate_to_settlement",
    "raw_card_data_access",
    "live_card_tested",
    "return_url",
    "card_brands",
    "data_protection",
    "publishable_key",
    "client_secret",
    "refresh_token",
    "account_id",
    "client_id",
    "account_name",
    "timeout_ms",
    "api_version",
    "is_source",
    "is_target",
];

fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Issue 9: no field path in a text: no snake_case field name of the file format, no field
/// name joined to another by a dot or followed by an index, no index in brackets.
fn assert_no_field_path(text: &str) -> Result<(), TestCaseError> {
    for field in SNAKE_CASE_FIELDS {
        prop_assert!(!text.contains(field), "field name {field:?} in {text:?}");
    }
    for field in FILE_FIELDS {
        for (i, _) in text.match_indices(field) {
            let before = text[..i].chars().next_back();
            let rest = &text[i + field.len()..];
            let mut after = rest.chars();
            let next = after.next();
            if before.is_some_and(is_word) || next.is_some_and(is_word) {
                continue; // part of a longer word
            }
            let dotted_before = before == Some('.')
                && text[..i - 1]
                    .chars()
                    .next_back()
                    .is_some_and(|c| is_word(c) || c == ']');
            let dotted_after =
                next == Some('.') && after.next().is_some_and(|c| c.is_ascii_lowercase());
            prop_assert!(
                !dotted_before && !dotted_after && next != Some('['),
                "field path with {field:?} in {text:?}"
            );
        }
    }
    let indexed = text.match_indices('[').any(|(i, _)| {
        let digits: String = text[i + 1..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        !digits.is_empty() && text[i + 1 + digits.len()..].starts_with(']')
    });
    prop_assert!(!indexed, "an index in brackets in {text:?}");
    Ok(())
}

/// Issue 9: a message or remedy is fit for a platform's UI: no source tag (`(S0)`, `S4's`,
/// `rules §3`, `rules.md`, `stripe-facts`), which belong in the docs, and no field path
/// (the path is the violation's own field; the platform's label is its `field_label`).
fn assert_fit_for_ui(text: &str) -> Result<(), TestCaseError> {
    assert_no_field_path(text)?;
    let tags = ["\u{a7}", "rules.md", "stripe-facts", "rules "];
    for tag in tags {
        prop_assert!(!text.contains(tag), "source tag {tag:?} in {text:?}");
    }
    for platform in ["S0", "S1", "S2", "S3", "S4"] {
        let bounded = text.match_indices(platform).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + platform.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        });
        prop_assert!(!bounded, "platform tag {platform} in {text:?}");
    }
    Ok(())
}

proptest! {
    #[test]
    fn every_violation_message_and_remedy_is_fit_for_a_ui(
        (config, _) in prop_oneof![invalid_config(), config_with_warning()]
    ) {
        for v in &report_of(&config) {
            assert_fit_for_ui(v.message())?;
            if let Some(remedy) = v.remedy() {
                assert_fit_for_ui(remedy)?;
            }
        }
    }

    /// The same configurations on each platform's form: its labels, its missing fields and
    /// the fields it does not have.
    #[test]
    fn every_platform_forms_message_and_remedy_is_fit_for_a_ui(
        (config, _) in prop_oneof![invalid_config(), config_with_warning()],
        platform in prop::sample::select(Platform::ALL),
        emptied in prop::sample::subsequence(vec!["name", "auth", "account", "currencies", "card_brands", "mode", "version", "login"], 0..=3),
    ) {
        let mut config = config;
        config.platform = Some(platform.as_str().to_owned());
        for field in emptied {
            match field {
                "name" => config.name = None,
                "auth" => config.auth = None,
                "account" => config.account = None,
                "currencies" => config.currencies = None,
                "card_brands" => config.card_brands = None,
                "mode" => config.mode = None,
                "version" => config.version = None,
                _ => config.login = None,
            }
        }
        for v in &report_of(&config) {
            assert_fit_for_ui(v.message())?;
            if let Some(remedy) = v.remedy() {
                assert_fit_for_ui(remedy)?;
            }
        }
    }

    #[test]
    fn every_refusal_has_an_end_user_text_fit_for_a_ui(
        (gateway, op) in validated_gateway().prop_flat_map(|g| {
            let ops = stripe_gateway_rules::testing::strategy::any_operation();
            (Just(g), ops)
        })
    ) {
        if let Err(refusal) = gateway.check(&op) {
            let end_user = refusal.end_user_message().to_string();
            prop_assert!(!end_user.trim().is_empty());
            assert_fit_for_ui(&end_user)?;
            assert_fit_for_ui(&refusal.to_string())?;
            assert_fit_for_ui(refusal.remedy())?;
            let v = refusal.to_violation(stripe_gateway_rules::diagnostics::Path::root());
            prop_assert_eq!(v.code().as_str(), refusal.code().as_str());
            prop_assert_eq!(v.param("end_user_message"), Some(end_user.as_str()));
            // Param names are snake_case identifiers: the tool writes them into JSON as they
            // are, without escaping.
            for (name, _) in refusal.params() {
                prop_assert!(
                    !name.is_empty() && name.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                    "{}", name
                );
            }
        }
    }
}

// ---- issue 19: the doors agree -----------------------------------------------------------------

/// Issue 19, rules §10, stripe-facts §7: the configuration's report and the operation
/// check agree on card brands and currencies. For a generated valid gateway, a brand `b` a
/// platform can enable and a currency `c` (assigned, any presentment currency, or one Stripe
/// does not present), the configuration door is the report of the same form enabling `b`
/// too and assigning `c` too; the operation door is `check` of a sale of `c`'s minimum (or
/// one unit when unassigned) with a saved card of brand `b`:
///
/// * a brand or currency the report rejects (`brand_currency_unsupported`,
///   `unsupported_currency`) is refused by `check` (`brand_not_enabled`,
///   `brand_currency_unsupported` or `currency_not_assigned`);
/// * one it accepts is never refused as `brand_currency_unsupported`;
/// * an enabled brand in an assigned currency is accepted; a brand not enabled is
///   `brand_not_enabled`, a currency not assigned `currency_not_assigned`.
#[test]
fn the_configuration_report_and_the_operation_check_agree_on_brands_and_currencies() {
    use stripe_gateway_rules::config::CurrencyConfig;
    use stripe_gateway_rules::operation::{CardSource, Operation, Payment};
    use stripe_gateway_rules::testing::strategy::card_brand;
    use stripe_gateway_rules::{RefusalCode, card_brand::CardBrand};

    let cases = (
        valid_config(),
        card_brand().prop_filter("a brand a platform can enable", |b| b.can_be_enabled()),
        prop_oneof![
            2 => Just(None),
            2 => proptest::sample::select(presentment_currencies().to_vec()).prop_map(Some),
            1 => Just(Some(Currency::KWD)),
        ],
        any::<proptest::sample::Index>(),
    );
    proptest!(|((config, brand, other, pick) in cases)| {
        let gateway = assert_valid(&config).into_gateway().expect("a payment gateway");
        let assigned: Vec<Currency> = gateway.currencies().iter().map(|a| a.currency()).collect();
        let currency = other.unwrap_or_else(|| *pick.get(&assigned));
        let enabled: Vec<CardBrand> = gateway.card_brands().iter().collect();

        // The configuration door: the same form, enabling `brand` and assigning `currency` too.
        let mut wider = config.clone();
        let mut brands = config.card_brands.clone().unwrap_or_default();
        if !enabled.contains(&brand) {
            brands.push(brand.as_str().to_owned());
        }
        wider.card_brands = Some(brands);
        if !assigned.contains(&currency) {
            wider.currencies.get_or_insert_with(Vec::new).push(CurrencyConfig::new(currency.code(), "1000"));
        }
        let report = wider.check(&config.profile());
        let rejected = report.errors().any(|v| {
            *v.code() == ViolationCode::BrandCurrencyUnsupported
                || *v.code() == ViolationCode::UnsupportedCurrency
        });

        // The operation door.
        let amount = gateway
            .currency(currency)
            .map_or(Money::new(1.into(), currency), |a| a.minimum());
        let sale = Operation::Sale(Payment::new(amount, CardSource::Saved).with_brand(brand));
        let verdict = gateway.check(&sale).err().map(|r| r.code());
        let brand_or_currency = [
            RefusalCode::BrandNotEnabled,
            RefusalCode::BrandCurrencyUnsupported,
            RefusalCode::CurrencyNotAssigned,
        ];
        if rejected {
            prop_assert!(
                verdict.is_some_and(|c| brand_or_currency.contains(&c)),
                "{brand} {}: the report rejects ({report}), check says {verdict:?}", currency.code()
            );
        } else {
            prop_assert_ne!(verdict, Some(RefusalCode::BrandCurrencyUnsupported), "{} {}", brand, currency.code());
        }
        let expected = if !assigned.contains(&currency) {
            Some(RefusalCode::CurrencyNotAssigned)
        } else if !enabled.contains(&brand) {
            Some(RefusalCode::BrandNotEnabled)
        } else {
            None
        };
        prop_assert_eq!(verdict, expected, "{} {}", brand, currency.code());
    });
}
