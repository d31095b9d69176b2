//! The code catalogue (`codes`) is derived from the code enums: every error value maps to a
//! code its family lists, each code is listed once per family and once by code string, and
//! every code is fit for a program (snake_case) and a UI (a rule and a source) (issues 9, 18).

use std::collections::BTreeSet;

use stripe_gateway_rules::codes::{Family, RefusalCode, ViolationCode, by_code, catalogue};

fn snake_case(code: &str) -> bool {
    code.starts_with(|c: char| c.is_ascii_lowercase())
        && code
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Asserts that `code` is one of `family`'s rows, and is `expected`.
fn listed(family: Family, code: &str, expected: &str) {
    assert_eq!(code, expected);
    assert!(
        family.rows().iter().any(|r| r.code == code),
        "{code} is not listed in the {family} family"
    );
}

#[test]
fn each_family_lists_each_code_once_in_snake_case_with_its_rule() {
    for &family in Family::ALL {
        let mut seen = BTreeSet::new();
        assert!(!family.rows().is_empty(), "{family}");
        for row in family.rows() {
            assert_eq!(row.family, family, "{}", row.code);
            assert!(seen.insert(row.code), "{} twice in {family}", row.code);
            assert!(snake_case(row.code), "{} is not snake_case", row.code);
            assert!(
                !row.rule.is_empty() && !row.source.is_empty() && !row.severity.is_empty(),
                "{}",
                row.code
            );
        }
    }
    assert!(snake_case(Family::OAuthCallback.as_str()));
    // The catalogue is the families' rows, nothing else.
    let total: usize = Family::ALL.iter().map(|f| f.rows().len()).sum();
    assert_eq!(catalogue().count(), total);
}

#[test]
fn by_code_lists_each_code_string_once_with_all_its_families() {
    let grouped = by_code();
    let mut seen = BTreeSet::new();
    for (code, rows) in &grouped {
        assert!(seen.insert(*code), "{code} twice");
        assert!(rows.iter().all(|r| r.code == *code));
        let families: BTreeSet<Family> = rows.iter().map(|r| r.family).collect();
        assert_eq!(families.len(), rows.len(), "{code}: a family twice");
    }
    let all: BTreeSet<&str> = catalogue().map(|c| c.code).collect();
    assert_eq!(seen, all);
    // A code shared by families, listed once: the money rule, the refusal, Stripe's error, and
    // an operation line's amount beyond any decimal (issue 19).
    let (_, rows) = grouped
        .iter()
        .find(|(c, _)| *c == "amount_too_large")
        .unwrap();
    let families: Vec<Family> = rows.iter().map(|r| r.family).collect();
    assert_eq!(
        families,
        [
            Family::Refusal,
            Family::Money,
            Family::Diagnosis,
            Family::OperationLine
        ]
    );
}

#[test]
fn the_codes_missing_from_the_old_table_are_listed() {
    // `cutoff_after_deadline` (a legacy-credential policy) and `invalid_input` (an operation
    // line) were returned by `code()` but missing from the hand-copied table (issue 18).
    let policy = stripe_gateway_rules::connection::LegacyCredentialPolicy::new(
        jiff::civil::date(2025, 3, 2),
        jiff::civil::date(2025, 3, 1),
    )
    .unwrap_err();
    listed(
        Family::LegacyPolicy,
        policy.code().as_str(),
        "cutoff_after_deadline",
    );
    let line = stripe_gateway_rules::operation::OperationLine::parse_bytes(b"{").unwrap_err();
    listed(Family::OperationLine, line.code().as_str(), "invalid_input");
    // The tool's own codes are in the catalogue too.
    for code in ["file_unreadable", "file_not_a_configuration"] {
        listed(Family::Tool, code, code);
    }
}

#[test]
fn value_parsers_errors_map_to_their_familys_codes() {
    use stripe_gateway_rules::api_version::ApiVersion;
    use stripe_gateway_rules::connection::{OAuthState, Timeout};
    use stripe_gateway_rules::{Currency, Money, credentials::SecretKey};

    for (input, code) in [
        ("", "empty"),
        ("Bearer sk_test_4eC39HqLyjWDarjtT1zdp7dc", "bearer_prefix"),
        ("\"sk_test_4eC39HqLyjWDarjtT1zdp7dc\"", "quoted"),
        ("sk_test_4eC39HqLyjWDarjtT1zdp7dc ", "whitespace"),
        (
            "pk_test_4eC39HqLyjWDarjtT1zdp7dc",
            "publishable_key_as_secret",
        ),
        ("whsec_4eC39HqLyjWDarjtT1zdp7dc", "wrong_credential_kind"),
        ("sk_live_", "missing_body"),
        ("sk_prod_4eC39HqLyjWDarjtT1zdp7dc", "unknown_mode"),
        ("hello", "unknown_prefix"),
    ] {
        let e = input.parse::<SecretKey>().unwrap_err();
        listed(Family::Credential, e.code().as_str(), code);
    }
    for (input, code) in [
        ("0.50USD", "money_format"),
        ("1e3 USD", "money_amount_syntax"),
        ("0.50 XYZ", "currency_unknown"),
        ("0.50 US", "currency_wrong_length"),
    ] {
        let e = input.parse::<Money>().unwrap_err();
        listed(Family::Money, e.code().as_str(), code);
    }
    let e = Money::new(rust_decimal::Decimal::new(5, 3), Currency::USD)
        .to_minor_units()
        .unwrap_err();
    listed(Family::Money, e.code().as_str(), "amount_precision");
    for (input, code) in [("", "currency_empty"), ("XYZ", "currency_unknown")] {
        let e = stripe_gateway_rules::currency::parse_currency(input).unwrap_err();
        listed(Family::Currency, e.code().as_str(), code);
    }
    for (input, code) in [
        ("", "empty"),
        ("2024-13-01", "invalid_month"),
        ("2024-09-30", "missing_release"),
        ("yesterday", "shape"),
    ] {
        let e = input.parse::<ApiVersion>().unwrap_err();
        listed(Family::ApiVersion, e.code().as_str(), code);
    }
    for (input, code) in [("", "empty"), ("30s", "not_a_number"), ("0", "zero")] {
        let e = input.parse::<Timeout>().unwrap_err();
        listed(Family::Timeout, e.code().as_str(), code);
    }
    for (input, code) in [("", "state_empty"), ("short", "state_too_short")] {
        let e = input.parse::<OAuthState>().unwrap_err();
        listed(Family::OAuth, e.code().as_str(), code);
    }
}

#[test]
fn stripe_answers_and_files_errors_map_to_their_familys_codes() {
    use stripe_gateway_rules::connection::{OAuthToken, parse_callback};
    use stripe_gateway_rules::stripe_error::StripeError;

    let state = "k3J9xQ2mVb7LwZ4pT8rN".parse().unwrap();
    for (url, code) in [
        (
            "https://b.example.com/cb?error=access_denied",
            "access_denied",
        ),
        ("https://b.example.com/cb?error=whatever", "oauth_error"),
        ("https://b.example.com/cb?code=ac_123", "state_missing"),
    ] {
        let e = parse_callback(&url.parse().unwrap(), &state).unwrap_err();
        listed(Family::OAuthCallback, e.code().as_str(), code);
    }
    for (body, code) in [
        ("", "syntax"),
        ("{\"error\": \"invalid_grant\"}", "oauth_error"),
        ("{}", "missing_field"),
    ] {
        let e = OAuthToken::from_json(body).unwrap_err();
        listed(Family::OAuthToken, e.code().as_str(), code);
    }
    for (body, code) in [("", "empty"), ("[]", "not_an_object"), ("{", "truncated")] {
        let e = StripeError::from_json(body).unwrap_err();
        listed(Family::StripeErrorBody, e.code().as_str(), code);
    }
    let e = stripe_gateway_rules::Form::from_json("[]").unwrap_err();
    listed(Family::ConfigFile, e.code().as_str(), "not_an_object");
    let diagnosis = StripeError::from_json(
        r#"{"error": {"type": "invalid_request_error", "code": "amount_too_small"}}"#,
    )
    .unwrap()
    .diagnose();
    let rule = diagnosis.rule().expect("a rule of the crate");
    listed(Family::Diagnosis, rule.code().as_str(), "amount_too_small");
    // The category `diagnose` prints is a code of the catalogue too.
    listed(
        Family::StripeErrorCategory,
        diagnosis.category().as_str(),
        "configuration",
    );
}

/// rules §5, rules §6: an amount error refuses an operation with the amount error's own code; a bad
/// exchange rate is `invalid_exchange_rate`, never `amount_too_large` (issue 18).
#[test]
fn rules_5_an_amount_errors_refusal_has_the_amount_errors_code() {
    use rust_decimal::Decimal;
    use stripe_gateway_rules::operation::Refusal;
    use stripe_gateway_rules::{Currency, money::ExchangeRate};

    let bad_rate = ExchangeRate::new(Currency::EUR, Currency::USD, Decimal::ZERO).unwrap_err();
    let refusal = Refusal::Amount(bad_rate.clone());
    assert_eq!(refusal.code(), RefusalCode::InvalidExchangeRate);
    assert_eq!(refusal.code().as_str(), bad_rate.code().as_str());
    assert_eq!(refusal.code(), "invalid_exchange_rate");
    assert!(
        Family::Refusal
            .rows()
            .iter()
            .any(|r| r.code == "invalid_exchange_rate")
    );
    // The code string is the money family's, with the same rule.
    let rows: Vec<_> = stripe_gateway_rules::codes::lookup("invalid_exchange_rate").collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].rule, rows[1].rule);
    assert_eq!(rows[0].severity, "refusal");
}

#[test]
fn violation_and_refusal_enums_are_their_families() {
    for code in ViolationCode::ALL {
        assert_eq!(code.info().family, Family::Violation);
    }
    for code in RefusalCode::ALL {
        assert_eq!(code.info().family, Family::Refusal);
        assert_eq!(code.info().severity, "refusal");
    }
}

/// The codes once shared by several meanings now have one each (issue 9).
#[test]
fn renamed_codes_have_one_meaning() {
    let families = |code: &str| -> Vec<&'static str> {
        catalogue()
            .filter(|c| c.code == code)
            .map(|c| c.family.as_str())
            .collect()
    };
    // `invalid_scope` is only Stripe's own OAuth error code now.
    assert_eq!(families("invalid_scope"), ["oauth_callback"]);
    // A scope the crate cannot read is `scope_unknown`, wherever it is read.
    assert_eq!(
        families("scope_unknown"),
        ["oauth", "oauth_callback", "oauth_token"]
    );
    // A required field that is absent or empty is `missing_field` in every form.
    assert!(!catalogue().any(|c| c.code == "required"));
}

#[test]
fn keyword_platform_brand_path_and_code_errors_have_the_value_familys_codes() {
    use stripe_gateway_rules::diagnostics::{Code, Path};
    use stripe_gateway_rules::{
        Platform, card_brand::CardBrand, credentials::Mode, data_protection::DataProtection,
        version::GatewayVersion,
    };

    let e = "prod".parse::<Mode>().unwrap_err();
    listed(Family::Value, e.code().as_str(), "unknown_keyword");
    let e = "v3".parse::<GatewayVersion>().unwrap_err();
    listed(Family::Value, e.code().as_str(), "unknown_keyword");
    let e = "cvv".parse::<DataProtection>().unwrap_err();
    listed(Family::Value, e.code().as_str(), "unknown_keyword");
    let e = "stripe".parse::<Platform>().unwrap_err();
    listed(Family::Value, e.code().as_str(), "unknown_platform");
    let e = "Visa".parse::<CardBrand>().unwrap_err();
    listed(Family::Value, e.code().as_str(), "unknown_card_brand");
    let e = "a[".parse::<Path>().unwrap_err();
    listed(Family::Value, e.code().as_str(), "invalid_path");
    let e = Code::platform("Not Snake").unwrap_err();
    listed(Family::Value, e.code().as_str(), "invalid_code");
}

/// Every error of the crate says what to do: a `remedy()` beside its code (issue 18).
#[test]
fn errors_without_variants_say_what_to_do() {
    use stripe_gateway_rules::{Platform, card_brand::CardBrand, credentials::Mode};
    assert_eq!(
        "prod".parse::<Mode>().unwrap_err().remedy(),
        "type one of the keywords the message lists, in lowercase"
    );
    let platform = "stripe".parse::<Platform>().unwrap_err();
    assert_eq!(platform.found().as_str(), "stripe");
    assert_eq!(
        platform.remedy(),
        "use one of the platforms the message lists"
    );
    assert!(!"Visa".parse::<CardBrand>().unwrap_err().remedy().is_empty());
    let policy = stripe_gateway_rules::connection::LegacyCredentialPolicy::new(
        jiff::civil::date(2025, 3, 2),
        jiff::civil::date(2025, 3, 1),
    )
    .unwrap_err();
    assert_eq!(policy.remedy(), "swap the two dates or correct one");
    assert_eq!(policy.created_before(), jiff::civil::date(2025, 3, 2));
    let file = stripe_gateway_rules::Form::from_json("[]").unwrap_err();
    assert_eq!(
        file.remedy(),
        "write the configuration as one JSON object, {\"name\": …}"
    );
    let line = stripe_gateway_rules::operation::OperationLine::parse_bytes(b"{").unwrap_err();
    assert!(line.remedy().starts_with("correct the line"));
}

/// The catalogue's remedy of `code` in `family`.
fn remedy_of(family: Family, code: &str) -> &'static str {
    stripe_gateway_rules::codes::lookup(code)
        .find(|row| row.family == family)
        .unwrap_or_else(|| panic!("{code} is not a {family} code"))
        .remedy
}

/// Issue 19 (rules §12): what `explain` says to do is the remedy the library's errors give,
/// from one place: each family enum's `remedy()`, which the errors return and the catalogue
/// reads.
#[test]
fn explain_remedy_is_the_remedy_the_errors_give() {
    use stripe_gateway_rules::api_version::ApiVersion;
    use stripe_gateway_rules::connection::{OAuthState, OAuthToken, Timeout, parse_callback};
    use stripe_gateway_rules::stripe_error::StripeError;
    use stripe_gateway_rules::{Currency, Money, credentials::SecretKey};

    for input in [
        "Bearer sk_test_4eC39HqLyjWDarjtT1zdp7dc",
        "\"sk_test_4eC39HqLyjWDarjtT1zdp7dc\"",
        "sk_test_4eC39HqLyjWDarjtT1zdp7dc ",
        "sk_live_",
    ] {
        let e = input.parse::<SecretKey>().unwrap_err();
        assert_eq!(
            e.remedy(),
            remedy_of(Family::Credential, e.code().as_str()),
            "{input}"
        );
    }
    for input in ["0.50USD", "1e3 USD", "0.50 XYZ", "0.50 US"] {
        let e = input.parse::<Money>().unwrap_err();
        assert_eq!(
            e.remedy(),
            remedy_of(Family::Money, e.code().as_str()),
            "{input}"
        );
    }
    let e = Money::new(rust_decimal::Decimal::new(5, 3), Currency::USD)
        .to_minor_units()
        .unwrap_err();
    assert_eq!(e.remedy(), remedy_of(Family::Money, "amount_precision"));
    for input in ["", "XYZ", "usd "] {
        let e = stripe_gateway_rules::currency::parse_currency(input).unwrap_err();
        assert_eq!(e.remedy(), remedy_of(Family::Currency, e.code().as_str()));
    }
    for input in ["", "2024-13-01", "2024-09-30", "yesterday"] {
        let e = input.parse::<ApiVersion>().unwrap_err();
        assert_eq!(e.remedy(), remedy_of(Family::ApiVersion, e.code().as_str()));
    }
    for input in ["", "30s", "0"] {
        let e = input.parse::<Timeout>().unwrap_err();
        assert_eq!(e.remedy(), remedy_of(Family::Timeout, e.code().as_str()));
    }
    for input in ["", "short"] {
        let e = input.parse::<OAuthState>().unwrap_err();
        assert_eq!(e.remedy(), remedy_of(Family::OAuth, e.code().as_str()));
    }
    let state = "k3J9xQ2mVb7LwZ4pT8rN".parse().unwrap();
    for url in [
        "https://b.example.com/cb?error=access_denied",
        "https://b.example.com/cb?error=whatever",
        "https://b.example.com/cb?code=ac_123",
    ] {
        let e = parse_callback(&url.parse().unwrap(), &state).unwrap_err();
        assert_eq!(
            e.remedy(),
            remedy_of(Family::OAuthCallback, e.code().as_str())
        );
    }
    for body in ["", "{}"] {
        let e = OAuthToken::from_json(body).unwrap_err();
        assert_eq!(e.remedy(), remedy_of(Family::OAuthToken, e.code().as_str()));
    }
    for body in ["", "[]", "{"] {
        let e = StripeError::from_json(body).unwrap_err();
        assert_eq!(
            e.remedy(),
            remedy_of(Family::StripeErrorBody, e.code().as_str())
        );
    }
    let e = stripe_gateway_rules::Form::from_json("[]").unwrap_err();
    assert_eq!(e.remedy(), remedy_of(Family::ConfigFile, "not_an_object"));
    let d = StripeError::new().with_code("amount_too_small").diagnose();
    let rule = d.rule().unwrap();
    assert_eq!(
        rule.code().remedy(),
        remedy_of(Family::Diagnosis, rule.code().as_str())
    );
    assert_eq!(d.remedy(), rule.code().remedy());
    let d = StripeError::new().with_code("lock_timeout").diagnose();
    assert_eq!(
        d.remedy(),
        remedy_of(Family::StripeErrorCategory, d.category().as_str())
    );
    // Every code of the catalogue has a remedy of its own, not its rule glued to a phrase.
    for row in stripe_gateway_rules::codes::catalogue() {
        assert!(!row.remedy.is_empty(), "{}", row.code);
        for glue in [
            "correct the value so that",
            "change the operation so that",
            "correct the configuration so that",
        ] {
            assert!(
                !row.remedy.starts_with(glue),
                "{}: {}",
                row.code,
                row.remedy
            );
        }
    }
}

/// Issue 19: every source a code cites resolves to a section of the catalogue with its
/// title (a rules section, a stripe-facts section, S0–S4), or is named as the crate's own.
#[test]
fn explain_every_source_has_its_title() {
    use stripe_gateway_rules::codes::source_refs;
    for row in stripe_gateway_rules::codes::catalogue() {
        let refs = source_refs(row.source);
        assert!(!refs.is_empty(), "{}", row.code);
        for r in refs {
            assert!(!r.document.is_empty(), "{}: {r:?}", row.code);
            if r.anchor.is_some() {
                assert!(
                    r.title.is_some_and(|t| !t.is_empty()),
                    "{}: {r:?}",
                    row.code
                );
            }
        }
    }
    let refs = source_refs("rules §7; stripe-facts §2.3, §2.4; S4");
    let cited: Vec<(&str, Option<&str>)> = refs
        .iter()
        .map(|r| (r.citation.as_str(), r.title))
        .collect();
    assert_eq!(
        cited,
        [
            ("rules §7", Some("Operations")),
            ("stripe-facts §2.3", Some("Three-decimal currencies")),
            ("stripe-facts §2.4", Some("Special cases")),
            (
                "S4",
                Some("PortaBilling, \"Configuring Stripe payment processor\"")
            ),
        ]
    );
}
