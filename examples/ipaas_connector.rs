//! An iPaaS connector's Stripe connection (seed S1, IConduct: Connections > New > Billing >
//! Stripe): the connection work area, checked with the crate's credential types.
//!
//! ```sh
//! cargo run --example ipaas_connector
//! ```
//!
//! Rules shown (rules.md §1, §2, §9):
//! * Client Secret is a "Mandatory field. Paste here the Secret API key": a secret (`sk_`) or
//!   restricted (`rk_`) key, test or live ("separate keys for testing and for running live
//!   transactions"). A publishable key, a webhook signing secret or an empty field is refused
//!   with the crate's error, which names what was pasted and never repeats a secret.
//! * The key becomes an [`AuthScheme::ApiKey`] acting for the key's own account.
//!
//! The connector's own rules, checked here because Stripe does not have them:
//! * Timeout is "the length of time (in milliseconds)" to wait: a positive whole number;
//!   0, negatives, non-numbers ("30s", "1.5") and values beyond a 32-bit count are refused;
//! * Connection (the name) and Cloud Agent are required; DateTime Format is "Not used in this
//!   connector" and a value there is flagged; a connection that is neither Is Source nor
//!   Is Target moves no data; API Version, a read-only label, should look like a Stripe version
//!   (`2024-06-20`, `2025-03-31.basil`).
//!
//! This platform has no gateway settings (currencies, card brands, mode), so the example uses
//! the credential types directly, not [`GatewayConfig`](stripe_gateway_rules::GatewayConfig).
//!
//! Every valid form must be accepted and every invalid form refused with the expected codes;
//! otherwise the example exits with status 1. Secrets are printed only redacted.

use std::process::ExitCode;
use std::time::Duration;

use stripe_gateway_rules::{AuthScheme, InputExcerpt, SecretKey, Severity};

/// The Stripe connection work area, field by field as S1 lists them.
struct StripeConnectionForm {
    /// "Connection": a new connection name, an alias.
    connection: &'static str,
    is_active: bool,
    /// "IConduct" for cloud systems, or a corporate agent.
    cloud_agent: &'static str,
    is_source: bool,
    is_target: bool,
    /// "Timeout": milliseconds, as typed.
    timeout: &'static str,
    sql: &'static str,
    /// "Not used in this connector."
    datetime_format: &'static str,
    /// "Mandatory field. Paste here the Secret API key".
    client_secret: &'static str,
    /// "The label shows the current API version for the Stripe provider."
    api_version: &'static str,
}

/// The connection, once every field is valid.
struct Connection {
    name: &'static str,
    active: bool,
    agent: &'static str,
    timeout: Duration,
    auth: AuthScheme,
    sql: &'static str,
}

/// One problem, from the crate (a credential) or from the connector's own rules.
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
            from: "IConduct",
            severity,
            field,
            code,
            message,
            remedy: None,
        }
    }
}

/// The Timeout field: a positive whole number of milliseconds that fits in 32 bits.
fn parse_timeout(text: &str) -> Result<Duration, (&'static str, String)> {
    if text.is_empty() {
        return Err(("timeout_missing", "Timeout is empty".into()));
    }
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if text.strip_prefix('-').is_some_and(digits) {
        return Err((
            "timeout_negative",
            format!("Timeout {text} ms is negative; it must be a positive number of milliseconds"),
        ));
    }
    if !digits(text) {
        return Err((
            "timeout_not_a_number",
            format!(
                "expected a whole number of milliseconds, such as 30000, found {}",
                InputExcerpt::new(text)
            ),
        ));
    }
    match text.parse::<u32>() {
        Ok(0) => Err((
            "timeout_zero",
            "Timeout 0 ms would time out every request".into(),
        )),
        Ok(ms) => Ok(Duration::from_millis(u64::from(ms))),
        Err(_) => Err((
            "timeout_too_large",
            format!(
                "Timeout {} is more than {} ms (about 49 days)",
                InputExcerpt::new(text),
                u32::MAX
            ),
        )),
    }
}

/// A Stripe API version label: `YYYY-MM-DD`, optionally `.name` (lowercase letters).
fn looks_like_api_version(label: &str) -> bool {
    let (date, name) = label.split_once('.').unwrap_or((label, "x"));
    let b = date.as_bytes();
    let shape = b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        });
    let month = date.get(5..7).and_then(|m| m.parse::<u8>().ok());
    let day = date.get(8..10).and_then(|d| d.parse::<u8>().ok());
    shape
        && matches!(month, Some(1..=12))
        && matches!(day, Some(1..=31))
        && !name.is_empty()
        && name.bytes().all(|c| c.is_ascii_lowercase())
}

fn check_form(form: &StripeConnectionForm) -> (Option<Connection>, Vec<Issue>) {
    let mut issues = Vec::new();
    if form.connection.trim().is_empty() {
        issues.push(Issue::connector(
            Severity::Error,
            "Connection",
            "missing_field",
            "Connection (the connection name) is required".into(),
        ));
    }
    if form.cloud_agent.trim().is_empty() {
        issues.push(Issue::connector(
            Severity::Error,
            "Cloud Agent",
            "missing_field",
            "select a Cloud Agent: \"IConduct\" for cloud systems such as Stripe".into(),
        ));
    }
    let timeout = match parse_timeout(form.timeout) {
        Ok(t) => Some(t),
        Err((code, message)) => {
            issues.push(Issue::connector(Severity::Error, "Timeout", code, message));
            None
        }
    };
    let secret_key = if form.client_secret.is_empty() {
        issues.push(Issue::connector(
            Severity::Error,
            "Client Secret",
            "missing_field",
            "Client Secret is a mandatory field: paste the secret API key".into(),
        ));
        None
    } else {
        match form.client_secret.parse::<SecretKey>() {
            Ok(key) => Some(key),
            Err(e) => {
                issues.push(Issue {
                    from: "crate",
                    severity: Severity::Error,
                    field: "Client Secret",
                    code: e.code(),
                    message: e.problem().to_string(),
                    remedy: Some(e.remedy()),
                });
                None
            }
        }
    };
    if !form.datetime_format.is_empty() {
        issues.push(Issue::connector(
            Severity::Warning,
            "DateTime Format",
            "datetime_format_unused",
            "DateTime Format is not used by the Stripe connector; the value is ignored".into(),
        ));
    }
    if !form.is_source && !form.is_target {
        issues.push(Issue::connector(
            Severity::Warning,
            "Is Source / Is Target",
            "no_direction",
            "neither Is Source nor Is Target: no interface can import from or export to it".into(),
        ));
    }
    if !looks_like_api_version(form.api_version) {
        issues.push(Issue::connector(
            Severity::Warning,
            "API Version",
            "api_version_format",
            format!(
                "expected a Stripe API version such as 2025-03-31.basil, found {}",
                InputExcerpt::new(form.api_version)
            ),
        ));
    }
    let has_error = issues.iter().any(|i| i.severity == Severity::Error);
    let connection = match (timeout, secret_key, has_error) {
        (Some(timeout), Some(secret_key), false) => Some(Connection {
            name: form.connection,
            active: form.is_active,
            agent: form.cloud_agent,
            timeout,
            sql: form.sql,
            // The key's own account: this connector has no account field.
            auth: AuthScheme::ApiKey {
                secret_key,
                account_id: None,
            },
        }),
        _ => None,
    };
    (connection, issues)
}

fn summary(c: &Connection) -> String {
    let key = match &c.auth {
        AuthScheme::ApiKey { secret_key, .. } => secret_key.redacted(),
        other => other.name().to_owned(),
    };
    let sql = if c.sql.is_empty() {
        String::new()
    } else {
        format!(", SQL {:?}", c.sql)
    };
    format!(
        "{:?} via {}, {}, {} mode, Client Secret {key}, timeout {:?}{sql}",
        c.name,
        c.agent,
        if c.active { "active" } else { "inactive" },
        c.auth.mode().map_or("unknown", |m| m.as_str()),
        c.timeout
    )
}

fn check(form: &StripeConnectionForm, expect: &[&str]) -> bool {
    let want = if expect.is_empty() {
        "valid"
    } else {
        "invalid"
    };
    println!("== Connection {:?} ({want} form)", form.connection);
    let (connection, issues) = check_form(form);
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
    let ok = match &connection {
        Some(c) => {
            println!("=> accepted: {}", summary(c));
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
    // Valid: a test connection with a restricted key, both source and target, not yet active.
    let test = StripeConnectionForm {
        connection: "Stripe sandbox",
        is_active: false,
        is_target: true,
        timeout: "120000",
        sql: "",
        client_secret: "rk_test_EXAMPLEonlyNotARealKey0042",
        api_version: "2024-06-20",
        ..live
    };
    // Invalid: the publishable key in Client Secret, "30s" as Timeout, a DateTime Format.
    let publishable = StripeConnectionForm {
        connection: "Stripe import",
        timeout: "30s",
        datetime_format: "yyyy-MM-dd HH:mm:ss",
        client_secret: "pk_live_PUBLISHABLEexampleKey0042",
        ..live
    };
    // Invalid: Client Secret left empty, Timeout 0, neither source nor target.
    let empty = StripeConnectionForm {
        connection: "Stripe export",
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
        check(&live, &[]),
        check(&test, &[]),
        check(
            &publishable,
            &[
                "publishable_key_as_secret",
                "timeout_not_a_number",
                "datetime_format_unused",
            ],
        ),
        check(&empty, &["missing_field", "timeout_zero", "no_direction"]),
        check(&webhook, &["wrong_credential_kind", "timeout_negative"]),
    ];

    // The Timeout rule on its own, value by value.
    println!("== Timeout (milliseconds), as typed");
    let cases: [(&str, Result<u64, &str>); 9] = [
        ("30000", Ok(30_000)),
        ("1", Ok(1)),
        ("4294967295", Ok(4_294_967_295)),
        ("0", Err("timeout_zero")),
        ("-500", Err("timeout_negative")),
        ("30s", Err("timeout_not_a_number")),
        ("1.5", Err("timeout_not_a_number")),
        ("", Err("timeout_missing")),
        ("99999999999", Err("timeout_too_large")),
    ];
    for (text, expected) in cases {
        let got = parse_timeout(text);
        let (shown, ok) = match (&got, expected) {
            (Ok(d), Ok(ms)) => (format!("{d:?}"), d.as_millis() == u128::from(ms)),
            (Err((code, _)), Err(want)) => ((*code).to_owned(), *code == want),
            (Ok(d), _) => (format!("{d:?}"), false),
            (Err((code, _)), _) => ((*code).to_owned(), false),
        };
        println!(
            "  {:<14} {} {shown}",
            format!("{text:?}"),
            if ok { "->" } else { "!! UNEXPECTED" }
        );
        results.push(ok);
    }
    println!();

    if results.iter().all(|ok| *ok) {
        println!("iPaaS connector: every form came out as expected");
        ExitCode::SUCCESS
    } else {
        println!("iPaaS connector: some form did not come out as expected");
        ExitCode::FAILURE
    }
}
