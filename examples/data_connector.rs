//! A data connector's "Stripe connection" (seed S3, CData-style: Connection Name, Auth Scheme
//! OAuth2 or API Key), checked with the crate's credential types and mapped onto an
//! [`AuthScheme`].
//!
//! ```sh
//! cargo run --example data_connector
//! ```
//!
//! Rules shown (rules.md §1, §2):
//! * Auth Scheme OAuth2 takes a Client ID (`ca_…`), a Client Secret and a Refresh Token, and
//!   needs all three; API Key takes the "Live API Key", a secret (`sk_`) or restricted (`rk_`)
//!   key, never a publishable one.
//! * Account ID (`acct_…`) is optional under both schemes: "By default, the provider will use
//!   the authenticated account".
//!
//! The connector's own rules, checked here because Stripe does not have them:
//! * Connection Name is required, "the name that will display on the list of available
//!   connections";
//! * OAuth2 lists three required fields: each one left empty is reported by name;
//! * the key field is called "Live API Key": a test-mode key there is flagged (it works, on
//!   test data only);
//! * a field of the other scheme that was filled in is ignored, and flagged.
//!
//! S3 itself is inconsistent (API Key "via the OAuthAccessToken property", "If Private App Token
//! is selected"); the example follows its field names. This connector has no gateway settings
//! (currencies, card brands), so it uses the credential types directly, not
//! [`GatewayConfig`](stripe_gateway_rules::GatewayConfig).
//!
//! Every valid form must be accepted and every invalid form refused with the expected codes;
//! otherwise the example exits with status 1. Secrets are printed only redacted.

mod common;

use std::process::ExitCode;
use std::str::FromStr;

use stripe_gateway_rules::credentials::{ClientSecret, RefreshToken};
use stripe_gateway_rules::{
    AccountId, AuthScheme, ClientId, CredentialError, Mode, SecretKey, Severity,
};

/// The "Auth Scheme" dropdown.
#[derive(Clone, Copy)]
enum AuthSchemeChoice {
    /// "OAuth2: Set to this to perform the OAuth 2.0 authentication."
    OAuth2,
    /// "API Key".
    ApiKey,
}

/// The connection properties, as S3 lists them; an empty string is a field left blank.
struct StripeConnectionForm {
    connection_name: &'static str,
    auth_scheme: AuthSchemeChoice,
    /// OAuth2: "The client Id assigned when you register your application".
    client_id: &'static str,
    /// OAuth2: "The client secret assigned when you register your application".
    client_secret: &'static str,
    /// OAuth2: "The OAuth refresh token for the corresponding OAuth access token."
    refresh_token: &'static str,
    /// Both schemes: "The ID of the account that you want to use."
    account_id: &'static str,
    /// API Key: "The live API key will authenticate API requests."
    live_api_key: &'static str,
}

struct Issue {
    from: &'static str,
    severity: Severity,
    field: &'static str,
    code: &'static str,
    message: String,
    remedy: Option<&'static str>,
}

impl Issue {
    fn connector(
        severity: Severity,
        field: &'static str,
        code: &'static str,
        message: String,
    ) -> Self {
        Issue {
            from: "connector",
            severity,
            field,
            code,
            message,
            remedy: None,
        }
    }

    fn credential(field: &'static str, e: &CredentialError) -> Self {
        Issue {
            from: "crate",
            severity: Severity::Error,
            field,
            code: e.code(),
            message: e.problem().to_string(),
            remedy: Some(e.remedy()),
        }
    }
}

/// A field the chosen scheme requires: reported by name when blank, else parsed by the crate.
fn required<T>(issues: &mut Vec<Issue>, field: &'static str, scheme: &str, text: &str) -> Option<T>
where
    T: FromStr<Err = CredentialError>,
{
    if text.is_empty() {
        issues.push(Issue::connector(
            Severity::Error,
            field,
            "required_for_scheme",
            format!("{scheme} needs {field}"),
        ));
        return None;
    }
    text.parse()
        .map_err(|e| issues.push(Issue::credential(field, &e)))
        .ok()
}

fn check_form(form: &StripeConnectionForm) -> (Option<AuthScheme>, Vec<Issue>) {
    let mut issues = Vec::new();
    if form.connection_name.trim().is_empty() {
        issues.push(Issue::connector(
            Severity::Error,
            "Connection Name",
            "missing_field",
            "Connection Name is required: it is shown in the list of available connections".into(),
        ));
    }
    // Blank: "By default, the provider will use the authenticated account". A bad one is an
    // error, so no connection comes out below.
    let account_id: Option<AccountId> = if form.account_id.is_empty() {
        None
    } else {
        form.account_id
            .parse()
            .map_err(|e| issues.push(Issue::credential("Account ID", &e)))
            .ok()
    };
    let (auth, ignored): (Option<AuthScheme>, &[(&str, &str)]) = match form.auth_scheme {
        AuthSchemeChoice::OAuth2 => {
            let scheme = "Auth Scheme OAuth2";
            let client_id: Option<ClientId> =
                required(&mut issues, "Client ID", scheme, form.client_id);
            let client_secret: Option<ClientSecret> =
                required(&mut issues, "Client Secret", scheme, form.client_secret);
            let refresh_token: Option<RefreshToken> =
                required(&mut issues, "Refresh Token", scheme, form.refresh_token);
            let auth = match (client_id, client_secret, refresh_token) {
                (Some(client_id), Some(client_secret), Some(refresh_token)) => {
                    Some(AuthScheme::OAuth2 {
                        client_id,
                        client_secret,
                        refresh_token,
                        account_id,
                    })
                }
                _ => None,
            };
            (auth, &[("Live API Key", form.live_api_key)])
        }
        AuthSchemeChoice::ApiKey => {
            let key: Option<SecretKey> = required(
                &mut issues,
                "Live API Key",
                "Auth Scheme API Key",
                form.live_api_key,
            );
            if let Some(k) = key.as_ref().filter(|k| k.mode() == Mode::Test) {
                issues.push(Issue::connector(
                    Severity::Warning,
                    "Live API Key",
                    "test_key_in_live_field",
                    format!(
                        "Live API Key holds a test-mode key ({}): the connection will see test data only",
                        k.redacted()
                    ),
                ));
            }
            let auth = key.map(|secret_key| AuthScheme::ApiKey {
                secret_key,
                account_id,
            });
            (
                auth,
                &[
                    ("Client ID", form.client_id),
                    ("Client Secret", form.client_secret),
                    ("Refresh Token", form.refresh_token),
                ],
            )
        }
    };
    for (field, value) in ignored {
        if !value.is_empty() {
            // Name the field only: the value may be a secret.
            issues.push(Issue::connector(
                Severity::Warning,
                field,
                "ignored_field",
                format!("{field} is not used by this Auth Scheme and is ignored"),
            ));
        }
    }
    let has_error = issues.iter().any(|i| i.severity == Severity::Error);
    (auth.filter(|_| !has_error), issues)
}

fn summary(auth: &AuthScheme) -> String {
    let credentials = match auth {
        AuthScheme::OAuth2 {
            client_id,
            client_secret,
            refresh_token,
            ..
        } => format!(
            "Client ID {client_id}, Client Secret {}, Refresh Token {}",
            client_secret.redacted(),
            refresh_token.redacted()
        ),
        AuthScheme::ApiKey { secret_key, .. } => {
            format!("Live API Key {}", secret_key.redacted())
        }
        other => other.name().to_owned(),
    };
    let account = auth
        .account_id()
        .map_or("the authenticated account (S3 default)".to_owned(), |id| {
            id.to_string()
        });
    format!("{} with {credentials}; acts for {account}", auth.name())
}

fn check(form: &StripeConnectionForm, expect: &[&str]) -> bool {
    let want = if expect.is_empty() {
        "valid"
    } else {
        "invalid"
    };
    let scheme = match form.auth_scheme {
        AuthSchemeChoice::OAuth2 => "OAuth2",
        AuthSchemeChoice::ApiKey => "API Key",
    };
    println!(
        "== Connection {:?}, Auth Scheme {scheme} ({want} form)",
        form.connection_name
    );
    let (auth, issues) = check_form(form);
    for i in &issues {
        println!(
            "  {:<7} [{}] {} ({}): {}",
            i.severity.as_str(),
            i.code,
            i.field,
            i.from,
            i.message
        );
        if let Some(remedy) = i.remedy {
            println!("          remedy: {remedy}");
        }
    }
    let codes: Vec<&str> = issues.iter().map(|i| i.code).collect();
    let missing: Vec<&&str> = expect.iter().filter(|c| !codes.contains(c)).collect();
    let ok = match &auth {
        Some(a) => {
            println!("=> accepted: {}", summary(a));
            expect.is_empty()
        }
        None => {
            println!("=> refused");
            !expect.is_empty() && missing.is_empty()
        }
    };
    if !ok {
        println!("!! UNEXPECTED: expected {want}; codes expected but not found: {missing:?}");
    }
    println!();
    ok
}

fn main() -> ExitCode {
    let blank = StripeConnectionForm {
        connection_name: "",
        auth_scheme: AuthSchemeChoice::OAuth2,
        client_id: "",
        client_secret: "",
        refresh_token: "",
        account_id: "",
        live_api_key: "",
    };
    // Valid: OAuth2 with all three credentials, no Account ID (the authenticated account).
    let oauth2 = StripeConnectionForm {
        connection_name: "Stripe (OAuth)",
        client_id: "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb",
        client_secret: "EXAMPLEonlyClientSecret0042",
        refresh_token: "rt_EXAMPLEonlyRefreshToken0042",
        ..blank
    };
    // Valid: API Key, acting for a named account.
    let api_key = StripeConnectionForm {
        connection_name: "Stripe live reporting",
        auth_scheme: AuthSchemeChoice::ApiKey,
        account_id: "acct_1R3fqDP6919yCiFv",
        live_api_key: "sk_live_EXAMPLEonlyNotARealKey0042",
        ..blank
    };
    // Valid, with a warning: a restricted test key in the "Live API Key" field.
    let test_key = StripeConnectionForm {
        connection_name: "Stripe staging",
        account_id: "",
        live_api_key: "rk_test_EXAMPLEonlyNotARealKey0042",
        ..api_key
    };
    // Invalid: OAuth2 with the account id pasted as Client ID and no Refresh Token.
    let oauth2_incomplete = StripeConnectionForm {
        connection_name: "Stripe (OAuth) EU",
        client_id: "acct_1R3fqDP6919yCiFv",
        refresh_token: "",
        ..oauth2
    };
    // Invalid: API Key with the publishable key, no connection name, and a Client Secret left
    // over from trying OAuth2.
    let publishable = StripeConnectionForm {
        connection_name: " ",
        live_api_key: "pk_live_PUBLISHABLEexampleKey0042",
        client_secret: "EXAMPLEonlyClientSecret0042",
        ..api_key
    };
    // Invalid: an Account ID without its acct_ prefix.
    let bare_account = StripeConnectionForm {
        connection_name: "Stripe subsidiary",
        account_id: "1R3fqDP6919yCiFv",
        ..api_key
    };

    let results = [
        check(&oauth2, &[]),
        check(&api_key, &[]),
        check(&test_key, &[]),
        check(
            &oauth2_incomplete,
            &["wrong_credential_kind", "required_for_scheme"],
        ),
        check(
            &publishable,
            &[
                "missing_field",
                "publishable_key_as_secret",
                "ignored_field",
            ],
        ),
        check(&bare_account, &["unknown_prefix"]),
    ];
    common::finish("Data connector", &results)
}
