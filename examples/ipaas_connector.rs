//! An iPaaS connector (seed S1, "To configure the Stripe connector"): the Stripe connection's
//! work area, mapped onto [`ConnectionConfig`] with `platform: ipaas_connector` and checked by
//! the crate.
//!
//! ```sh
//! cargo run --example ipaas_connector
//! ```
//!
//! The example only maps the form and prints the crate's report. Under the iPaaS connector
//! profile (rules §11) the crate checks the connection settings with the same checks as
//! [`ConnectionSettingsConfig`](stripe_gateway_rules::connection::ConnectionSettingsConfig):
//! Connection (the name), Is Active with Is Source / Is Target, Timeout in milliseconds, the
//! mandatory Client Secret, and the API Version. Cloud Agent, SQL and DateTime Format ("Not
//! used in this connector") are the platform's and not mapped. Secrets are printed only
//! redacted; the example exits 1 when a form does not come out as expected.

mod common;

use std::process::ExitCode;

use stripe_gateway_rules::Platform;
use stripe_gateway_rules::config::{AuthConfig, ConnectionConfig};

/// The Stripe connection's work area, as typed.
struct StripeConnectionForm {
    connection: &'static str,
    is_active: bool,
    is_source: bool,
    is_target: bool,
    /// "The length of time (in milliseconds)".
    timeout: &'static str,
    /// "Mandatory field. Paste here the Secret API key".
    client_secret: &'static str,
    api_version: &'static str,
}

/// An empty text box is an absent value.
fn typed(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_owned())
}

/// The form, mapped onto the crate's input: no check of its own.
fn to_config(form: &StripeConnectionForm) -> ConnectionConfig {
    {
        let mut config = ConnectionConfig::default();
        config.platform = Some(Platform::IpaasConnector.as_str().into());
        config.name = typed(form.connection);
        config.active = form.is_active;
        config.is_source = form.is_source;
        config.is_target = form.is_target;
        config.timeout_ms = typed(form.timeout);
        config.auth = Some(AuthConfig::api_key(form.client_secret))
            .filter(|_| !form.client_secret.is_empty());
        config.api_version = typed(form.api_version);
        config
    }
}

fn check(form: &StripeConnectionForm, expect: &[&str]) -> bool {
    let profile = Platform::IpaasConnector.profile();
    common::outcome(form.connection, to_config(form), &profile, expect)
}

fn main() -> ExitCode {
    let import = StripeConnectionForm {
        connection: "Stripe billing import",
        is_active: true,
        is_source: true,
        is_target: false,
        timeout: "30000",
        client_secret: "sk_live_EXAMPLEonlyNotARealKey0042",
        api_version: "2024-06-20",
    };
    // A restricted key for an export: a warning naming the permissions a connector needs.
    let export = StripeConnectionForm {
        connection: "Stripe invoices export",
        is_source: false,
        is_target: true,
        client_secret: "rk_live_EXAMPLEonlyNotARealKey0042",
        api_version: "",
        ..import
    };
    // Seconds typed as "30s", no Client Secret, active with no role.
    let unfinished = StripeConnectionForm {
        connection: "Stripe (draft)",
        is_source: false,
        timeout: "30s",
        client_secret: "",
        ..import
    };
    // The publishable key pasted as Client Secret, a timeout of 0.
    let publishable = StripeConnectionForm {
        connection: "Stripe test",
        timeout: "0",
        client_secret: "pk_test_PUBLISHABLEexampleKey0042",
        ..import
    };
    let results = [
        check(&import, &[]),
        check(&export, &[]),
        check(&unfinished, &["invalid_value", "missing_field", "no_role"]),
        check(
            &publishable,
            &["invalid_value", "publishable_key_as_secret"],
        ),
    ];
    common::finish("iPaaS connector", &results)
}
