//! The crate's main job: check a Stripe gateway configuration file and report every problem.
//!
//! ```sh
//! cargo run --example check_config -- examples/configs/portabilling-usd.json
//! cargo run --example check_config -- examples/configs/everything-wrong.json --json
//! ```
//!
//! Exit status: 0 valid (warnings allowed), 1 invalid (values of the wrong JSON type and
//! unknown fields included), 2 the file could not be read or is not a JSON object (with
//! `error`: `code`, `line`, `column`, `message` in `--json` output). Secrets appear only redacted.

use std::process::ExitCode;

use stripe_gateway_rules::AuthScheme;
use stripe_gateway_rules::config::{GatewayConfig, Report, ValidatedGateway};

fn usage() -> ExitCode {
    eprintln!("usage: check_config FILE [--json]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut file = None;
    let mut json = false;
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--json" => json = true,
            _ if file.is_none() && !arg.starts_with("--") => file = Some(arg),
            _ => return usage(),
        }
    }
    let Some(file) = file else { return usage() };

    let bytes = match std::fs::read(&file) {
        Ok(bytes) => bytes,
        Err(e) => return fail(&file, &format!("cannot read the file: {e}"), json),
    };
    // Not UTF-8, not JSON, not an object, too deep or too large: the only whole-file errors;
    // wrong types and unknown fields are violations in the report (issue 10).
    let config = match GatewayConfig::from_json_slice(&bytes) {
        Ok(config) => config,
        Err(e) => {
            if json {
                let out =
                    serde_json::json!({ "valid": false, "file_error": e.to_string(), "error": e });
                println!("{out}");
                return ExitCode::from(2);
            }
            return fail(&file, &e.to_string(), json);
        }
    };
    match config.validate() {
        Ok(gateway) => {
            let report = gateway.report();
            if json {
                print_json(&report);
            } else {
                println!("{file}: {report}");
                println!("{}", summary(&gateway));
            }
            ExitCode::SUCCESS
        }
        Err(report) => {
            if json {
                print_json(&report);
            } else {
                println!("{file}: {report}");
            }
            ExitCode::from(1)
        }
    }
}

/// The file could not be checked at all: exit status 2.
fn fail(file: &str, message: &str, json: bool) -> ExitCode {
    if json {
        let out = serde_json::json!({ "valid": false, "file_error": message });
        println!("{out}");
    } else {
        eprintln!("{file}: {message}");
    }
    ExitCode::from(2)
}

fn print_json(report: &Report) {
    match serde_json::to_string_pretty(report) {
        Ok(text) => println!("{text}"),
        Err(e) => eprintln!("cannot render the report: {e}"),
    }
}

/// One paragraph on the validated gateway, secrets redacted.
fn summary(g: &ValidatedGateway) -> String {
    let auth = match g.auth() {
        AuthScheme::ApiKey { secret_key, .. } => format!("api_key {}", secret_key.redacted()),
        AuthScheme::OAuth2 { client_id, .. } => format!("oauth2 client {client_id}"),
        AuthScheme::Connect { account_id, .. } => format!("connect {account_id}"),
        _ => g.auth().name().to_owned(),
    };
    let currencies: Vec<String> = g
        .currencies()
        .iter()
        .map(|a| format!("{} (minimum {})", a.currency().code(), a.minimum()))
        .collect();
    format!(
        "gateway {:?}: {} {}, {auth}, settles in {}, accepts {}",
        g.name(),
        g.version(),
        g.mode(),
        g.settlement_currency().code(),
        currencies.join(", ")
    )
}
