//! The table of every code (`codes`) agrees with the error types that return the codes, and
//! every text the crate writes for a code is fit for a UI (issue 9).

use std::collections::BTreeSet;

use stripe_gateway_rules::codes::{Family, PARSE_CODES, RefusalCode, ViolationCode, catalogue};

/// The codes an error type's `fn code(&self) -> &'static str` returns, read from its source:
/// every `=> "…"` arm of the function's body.
fn codes_in_source(source: &str, type_name: &str) -> BTreeSet<String> {
    let impl_at = source
        .find(&format!("\nimpl {type_name} {{"))
        .unwrap_or_else(|| panic!("no `impl {type_name}` block"));
    let body_at = impl_at
        + [
            "fn code(&self) -> &'static str {",
            "fn code(self) -> &'static str {",
        ]
        .iter()
        .filter_map(|signature| source[impl_at..].find(signature))
        .min()
        .unwrap_or_else(|| panic!("{type_name} has no fn code"));
    let end = body_at + source[body_at..].find("\n    }\n").expect("end of fn code");
    source[body_at..end]
        .split("=> \"")
        .skip(1)
        .map(|rest| rest[..rest.find('"').expect("closing quote")].to_owned())
        .collect()
}

fn family_codes(family: Family) -> BTreeSet<String> {
    PARSE_CODES
        .iter()
        .filter(|c| c.family == family)
        .map(|c| c.code.to_owned())
        .collect()
}

#[test]
fn the_table_and_every_error_types_codes_agree() {
    let cases: &[(Family, &str, &str)] = &[
        (
            Family::Credential,
            include_str!("../src/credentials/errors.rs"),
            "CredentialError",
        ),
        (
            Family::Currency,
            include_str!("../src/currency/errors.rs"),
            "CurrencyError",
        ),
        (
            Family::ApiVersion,
            include_str!("../src/api_version/errors.rs"),
            "ApiVersionError",
        ),
        (
            Family::Timeout,
            include_str!("../src/connection/settings/timeout.rs"),
            "TimeoutError",
        ),
        (
            Family::OAuth,
            include_str!("../src/connection/oauth/authorize.rs"),
            "OAuthError",
        ),
        (
            Family::OAuthCallback,
            include_str!("../src/connection/oauth/callback.rs"),
            "CallbackError",
        ),
        (
            Family::OAuthToken,
            include_str!("../src/connection/oauth/token.rs"),
            "TokenResponseError",
        ),
        (
            Family::Connection,
            include_str!("../src/connection/registry/errors.rs"),
            "ConnectionError",
        ),
        (
            Family::StripeErrorBody,
            include_str!("../src/diagnosis/body.rs"),
            "ErrorBodyError",
        ),
        (
            Family::Diagnosis,
            include_str!("../src/diagnosis.rs"),
            "DiagnosisKind",
        ),
    ];
    for &(family, source, type_name) in cases {
        assert_eq!(
            codes_in_source(source, type_name),
            family_codes(family),
            "{type_name}'s codes and the `{family}` rows of codes::PARSE_CODES differ"
        );
    }
    let money: BTreeSet<String> =
        codes_in_source(include_str!("../src/money/errors.rs"), "AmountError")
            .union(&codes_in_source(
                include_str!("../src/money/parse.rs"),
                "ParseMoneyError",
            ))
            .cloned()
            .collect();
    assert_eq!(money, family_codes(Family::Money));
}

#[test]
fn no_code_means_two_things_within_a_family() {
    let mut seen = BTreeSet::new();
    for row in catalogue() {
        assert!(
            seen.insert((row.family.as_str(), row.code)),
            "{} appears twice in the {} family",
            row.code,
            row.family
        );
        assert!(
            !row.rule.is_empty() && !row.source.is_empty(),
            "{}",
            row.code
        );
        assert!(
            row.code
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "{} is not snake_case",
            row.code
        );
    }
    // The enums are in the table with their own family.
    for code in ViolationCode::ALL {
        assert_eq!(code.info().family, Family::Violation);
    }
    for code in RefusalCode::ALL {
        assert_eq!(code.info().family, Family::Refusal);
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
