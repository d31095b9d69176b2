//! An iPaaS connector's Stripe connection (seed S1, IConduct: Connections > New > Billing >
//! Stripe): the connection work area mapped onto the crate's [`ConnectionSettingsDraft`] and
//! checked by it.
//!
//! ```sh
//! cargo run --example ipaas_connector
//! ```
//!
//! Rules shown, checked by the crate (rules.md §1, §2, §9;
//! [`stripe_gateway_rules::connection::settings`]):
//! * Connection (the name) is required;
//! * Client Secret is a "Mandatory field. Paste here the Secret API key": a secret (`sk_`) or
//!   restricted (`rk_`) key, test or live. A publishable key, a webhook signing secret or an
//!   empty field is refused with an error that names what was pasted and never repeats a
//!   secret;
//! * Timeout is "the length of time (in milliseconds)" to wait: a whole number from 1 to
//!   600000 ([`Timeout`]); left empty, the default applies;
//! * API Version, when set, is a Stripe version ([`ApiVersion`](stripe_gateway_rules::ApiVersion):
//!   `2024-06-20`, `2025-03-31.basil`; from 2024-09-30 on with its release name);
//! * an active connection that is neither Is Source nor Is Target is warned about.
//!
//! IConduct's own fields, which Stripe ignores, checked here as the platform's rules:
//! * Cloud Agent ("IConduct" for cloud systems) is required;
//! * DateTime Format is "Not used in this connector": a value there is flagged;
//! * SQL is passed through unchecked (IConduct tests it once the connection is saved).
//!
//! Every valid form must be accepted and every invalid form refused with exactly the expected
//! codes; otherwise the example prints `!! UNEXPECTED` and exits with status 1. Secrets are
//! printed only redacted.

mod common;

use std::process::ExitCode;

use secrecy::SecretString;
use stripe_gateway_rules::connection::{ConnectionSettings, ConnectionSettingsDraft, Timeout};
use stripe_gateway_rules::diagnostics::{Code, Violation};

/// The Stripe connection work area, field by field as S1 lists them, as typed.
struct StripeConnectionForm {
    /// "Connection": a new connection name, an alias.
    connection: &'static str,
    is_active: bool,
    /// "IConduct" for cloud systems, or a corporate agent.
    cloud_agent: &'static str,
    is_source: bool,
    is_target: bool,
    /// "Timeout": milliseconds.
    timeout: &'static str,
    sql: &'static str,
    /// "Not used in this connector."
    datetime_format: &'static str,
    /// "Mandatory field. Paste here the Secret API key".
    client_secret: &'static str,
    /// "The label shows the current API version for the Stripe provider."
    api_version: &'static str,
}

/// An empty text field is a value not set.
fn typed(text: &str) -> Option<String> {
    (!text.is_empty()).then(|| text.to_owned())
}

/// The Stripe fields of the form, as the crate's draft.
fn to_draft(form: &StripeConnectionForm) -> ConnectionSettingsDraft {
    let mut draft = ConnectionSettingsDraft::default();
    draft.name = Some(form.connection.to_owned());
    draft.active = form.is_active;
    draft.is_source = form.is_source;
    draft.is_target = form.is_target;
    draft.timeout_ms = typed(form.timeout);
    draft.secret_key = typed(form.client_secret).map(SecretString::from);
    draft.api_version = typed(form.api_version);
    draft
}

/// The crate's field path in S1's words.
fn label(path: &str) -> &str {
    match path {
        "cloud_agent" => "Cloud Agent",
        "datetime_format" => "DateTime Format",
        "name" => "Connection",
        "is_source" => "Is Source / Is Target",
        "timeout_ms" => "Timeout",
        "secret_key" => "Client Secret",
        "api_version" => "API Version",
        other => other,
    }
}

/// IConduct's own rules, on the fields Stripe does not have, as violations of the crate's
/// report with IConduct's own codes.
fn platform_checks(form: &StripeConnectionForm) -> Vec<Violation> {
    let code = |c: &str| Code::platform(c).expect("snake_case");
    let mut found = Vec::new();
    if form.cloud_agent.trim().is_empty() {
        found.push(
            Violation::error(
                "cloud_agent",
                code("agent_required"),
                "no Cloud Agent is selected",
            )
            .with_remedy("select a Cloud Agent: \"IConduct\" for cloud systems such as Stripe"),
        );
    }
    if !form.datetime_format.is_empty() {
        found.push(
            Violation::warning(
                "datetime_format",
                code("datetime_format_unused"),
                "the Stripe connector does not use DateTime Format; the value is ignored",
            )
            .with_remedy("leave DateTime Format empty"),
        );
    }
    found
}

/// The connection once every field is valid: the crate's settings and IConduct's own fields.
struct IConductConnection {
    settings: ConnectionSettings,
    cloud_agent: &'static str,
    sql: &'static str,
}

fn summary(c: &IConductConnection) -> String {
    let s = &c.settings;
    let key = s.secret_key();
    let timeout = s
        .timeout()
        .map_or("default".to_owned(), |t| format!("{t} ms"));
    let version = s
        .api_version()
        .map_or("account default".to_owned(), |v| v.to_string());
    let sql = if c.sql.is_empty() {
        String::new()
    } else {
        format!(", SQL {:?}", c.sql)
    };
    format!(
        "{:?} via {}, {}, {} mode, Client Secret {}, timeout {timeout}, API version {version}{sql}",
        s.name(),
        c.cloud_agent,
        if s.is_active() { "active" } else { "inactive" },
        key.mode(),
        key.redacted(),
    )
}

/// Checks one form; `expect` lists every code it must produce, in order (crate, then
/// IConduct), and it must be accepted exactly when none of them is an error.
fn check(form: &StripeConnectionForm, expect: &[&str], valid: bool) -> bool {
    let want = if valid { "valid" } else { "invalid" };
    println!("== Connection {:?} ({want} form)", form.connection);
    let draft = to_draft(form);
    let mut report = draft.problems();
    report.extend(platform_checks(form));
    for v in &report {
        println!(
            "  {:<7} [{}] {}: {}",
            v.severity().as_str(),
            v.code(),
            label(&v.path().to_string()),
            v.message()
        );
    }
    let platform_ok = report.is_valid();
    let connection = match draft.validate() {
        Ok(settings) if platform_ok => Some(IConductConnection {
            settings,
            cloud_agent: form.cloud_agent,
            sql: form.sql,
        }),
        _ => None,
    };
    match &connection {
        Some(c) => println!("=> accepted: {}", summary(c)),
        None => println!("=> refused"),
    }
    let codes: Vec<&str> = report
        .violations()
        .iter()
        .map(|v| v.code().as_str())
        .collect();
    let ok = connection.is_some() == valid && codes == expect;
    if !ok {
        println!("!! UNEXPECTED: expected {want} with codes {expect:?}, found {codes:?}");
    }
    println!();
    ok
}

fn main() -> ExitCode {
    // Valid: a live import connection.
    let live = StripeConnectionForm {
        connection: "Stripe billing (live)",
        is_active: true,
        cloud_agent: "IConduct",
        is_source: true,
        is_target: false,
        timeout: "30000",
        sql: "SELECT Id, Amount, Currency, Created FROM Charges",
        datetime_format: "",
        client_secret: "sk_live_EXAMPLEonlyNotARealKey0042",
        api_version: "2025-03-31.basil",
    };
    // Valid: a test connection with a restricted key, not yet active, no Timeout (the
    // default) and a version Stripe never published (a warning).
    let test = StripeConnectionForm {
        connection: "Stripe sandbox",
        is_active: false,
        is_target: true,
        timeout: "",
        sql: "",
        client_secret: "rk_test_EXAMPLEonlyNotARealKey0042",
        api_version: "2021-01-01",
        ..live
    };
    // Invalid: the publishable key in Client Secret, "30s" as Timeout, a version dated after
    // 2024-09-30 without its release name, a DateTime Format.
    let publishable = StripeConnectionForm {
        connection: "Stripe import",
        timeout: "30s",
        datetime_format: "yyyy-MM-dd HH:mm:ss",
        client_secret: "pk_live_PUBLISHABLEexampleKey0042",
        api_version: "2024-10-28",
        ..live
    };
    // Invalid: no name, no Cloud Agent, Client Secret left empty, Timeout 0, active but
    // neither source nor target.
    let empty = StripeConnectionForm {
        connection: " ",
        cloud_agent: "",
        is_source: false,
        is_target: false,
        timeout: "0",
        client_secret: "",
        ..live
    };
    // Invalid: a webhook signing secret taken for the "Client Secret", Timeout -1.
    let webhook = StripeConnectionForm {
        connection: "Stripe events",
        timeout: "-1",
        client_secret: "whsec_EXAMPLEonlyNotARealSecret0042",
        ..live
    };

    let mut results = vec![
        check(&live, &[], true),
        check(&test, &["unknown_api_version"], true),
        check(
            &publishable,
            &[
                "invalid_value",
                "publishable_key_as_secret",
                "invalid_value",
                "datetime_format_unused",
            ],
            false,
        ),
        check(
            &empty,
            &[
                "missing_field",
                "no_role",
                "invalid_value",
                "missing_field",
                "agent_required",
            ],
            false,
        ),
        check(&webhook, &["invalid_value", "wrong_credential_kind"], false),
    ];

    // The crate's Timeout rule on its own, value by value.
    println!("== Timeout (milliseconds), as typed, by the crate's Timeout");
    let cases: [(&str, Result<u32, &str>); 8] = [
        ("30000", Ok(30_000)),
        ("1", Ok(1)),
        ("600000", Ok(600_000)),
        ("600001", Err("too_large")),
        ("-500", Err("negative")),
        ("1.5", Err("not_a_number")),
        ("", Err("empty")),
        ("99999999999", Err("too_large")),
    ];
    for (text, expected) in cases {
        let got = text.parse::<Timeout>();
        let (shown, ok) = match &got {
            Ok(t) => (format!("{t} ms"), expected == Ok(t.as_millis())),
            Err(e) => (e.code().to_owned(), expected == Err(e.code())),
        };
        let verdict = if ok { "->" } else { "!! UNEXPECTED" };
        println!("  {:<14} {verdict} {shown}", format!("{text:?}"));
        results.push(ok);
    }
    println!();

    common::finish("iPaaS connector", &results)
}
