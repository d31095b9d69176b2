//! A data connector (seed S3, "Stripe Connection"): the connection properties, mapped onto
//! [`ConnectionConfig`] with `platform: data_connector` and checked by the crate.
//!
//! ```sh
//! cargo run --example data_connector
//! ```
//!
//! The example only maps the form and prints the crate's report. Under the data connector
//! profile (rules §11) the crate checks the Connection Name and the Auth Scheme choice:
//! OAuth2 needs its Client ID, Client Secret and Refresh Token ("Account ID" optional: "By
//! default, the provider will use the authenticated account"); API Key needs the Live API Key,
//! and a test key there is a warning. Secrets are printed only redacted; the example exits 1
//! when a form does not come out as expected.

mod common;

use std::process::ExitCode;

use stripe_gateway_rules::Platform;
use stripe_gateway_rules::config::{AuthConfig, ConnectionConfig};

/// "Auth Scheme: The type of authentication to use when connecting to Stripe."
#[derive(Clone, Copy)]
enum AuthSchemeChoice {
    OAuth2,
    ApiKey,
}

/// The connection properties, as typed (an empty box is an absent value).
struct StripeConnectionForm {
    connection_name: &'static str,
    auth_scheme: AuthSchemeChoice,
    client_id: &'static str,
    client_secret: &'static str,
    refresh_token: &'static str,
    account_id: &'static str,
    live_api_key: &'static str,
}

fn typed(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_owned())
}

/// The form, mapped onto the crate's input: no check of its own.
fn to_config(form: &StripeConnectionForm) -> ConnectionConfig {
    let mut auth = match form.auth_scheme {
        AuthSchemeChoice::OAuth2 => {
            let mut auth =
                AuthConfig::oauth2(form.client_id, form.client_secret, form.refresh_token);
            // An empty box is a missing value, for the crate to report.
            auth.client_id = typed(form.client_id);
            if form.client_secret.is_empty() {
                auth.client_secret = None;
            }
            if form.refresh_token.is_empty() {
                auth.refresh_token = None;
            }
            auth
        }
        AuthSchemeChoice::ApiKey => AuthConfig::api_key(form.live_api_key),
    };
    auth.account_id = typed(form.account_id);
    {
        let mut config = ConnectionConfig::default();
        config.platform = Some(Platform::DataConnector.as_str().into());
        config.name = typed(form.connection_name);
        config.auth = Some(auth);
        config
    }
}

fn check(form: &StripeConnectionForm, expect: &[&str]) -> bool {
    let profile = Platform::DataConnector.profile();
    common::outcome(form.connection_name, to_config(form), &profile, expect)
}

fn main() -> ExitCode {
    let oauth = StripeConnectionForm {
        connection_name: "Stripe via OAuth",
        auth_scheme: AuthSchemeChoice::OAuth2,
        client_id: "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb",
        client_secret: "EXAMPLEonlyClientSecret0042",
        refresh_token: "rt_EXAMPLEonlyRefreshToken0042",
        account_id: "",
        live_api_key: "",
    };
    let api_key = StripeConnectionForm {
        connection_name: "Stripe reporting",
        auth_scheme: AuthSchemeChoice::ApiKey,
        live_api_key: "sk_live_EXAMPLEonlyNotARealKey0042",
        account_id: "acct_1R3fqDP6919yCiFv",
        ..oauth
    };
    // A test key in "Live API Key": it works, on test data only.
    let test_key = StripeConnectionForm {
        connection_name: "Stripe reporting (test)",
        live_api_key: "sk_test_EXAMPLEonlyNotARealKey0042",
        ..api_key
    };
    // OAuth2 without its refresh token, and the client id pasted as Account ID.
    let half_oauth = StripeConnectionForm {
        connection_name: "Stripe via OAuth (unfinished)",
        refresh_token: "",
        account_id: "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb",
        ..oauth
    };
    let results = [
        check(&oauth, &[]),
        check(&api_key, &[]),
        check(&test_key, &[]),
        check(&half_oauth, &["missing_field", "wrong_credential_kind"]),
    ];
    common::finish("Data connector", &results)
}
