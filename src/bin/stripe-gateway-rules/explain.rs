//! `explain` (the rule behind a code) and `diagnose` (a Stripe error body).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use stripe_gateway_rules::codes::{self, CodeInfo};
use stripe_gateway_rules::diagnosis::{MAX_BODY_LEN, StripeError};

/// The tool's own codes, beside the library's table: `(code, kind, rule, what to do)`.
const TOOL_CODES: &[(&str, &str, &str, &str)] = &[
    (
        "invalid_input",
        "check-payments",
        "each line of a billing run is a JSON object of the operations format (`stripe_gateway_rules::operation::OperationLine`)",
        "correct the line as its message says: the field, and the JSON type or value expected",
    ),
    (
        "file_unreadable",
        "check-config",
        "a configuration file can be read, is UTF-8 text and at most 1 MiB",
        "check the path and the file's permissions and encoding",
    ),
    (
        "file_not_a_configuration",
        "check-config",
        "a configuration file is a JSON object of the documented shape (`stripe-gateway-rules schema`)",
        "correct the file at the line and column given: the JSON syntax, a field's type, or an unknown field",
    ),
];

/// `explain CODE` or `explain --list`.
pub fn run(code: Option<&str>, list: bool) -> ExitCode {
    let mut out = std::io::stdout().lock();
    if list {
        for info in codes::catalogue() {
            let _ = writeln!(out, "{:<36} {:<10} {}", info.code, info.family, info.rule);
        }
        for (code, kind, rule, _) in TOOL_CODES {
            let _ = writeln!(out, "{code:<36} {kind:<10} {rule}");
        }
        return ExitCode::SUCCESS;
    }
    let code = code.unwrap_or_default();
    let rows: Vec<CodeInfo> = codes::lookup(code).collect();
    let tool = TOOL_CODES.iter().find(|(c, ..)| *c == code);
    if rows.is_empty() && tool.is_none() {
        eprintln!(
            "error: unknown code {}; `stripe-gateway-rules explain --list` lists every code",
            stripe_gateway_rules::InputExcerpt::new(code)
        );
        return ExitCode::from(2);
    }
    for info in rows {
        if info.severity == info.family.as_str() {
            let _ = writeln!(out, "{} ({})", info.code, info.family);
        } else {
            let _ = writeln!(out, "{} ({}, {})", info.code, info.family, info.severity);
        }
        let _ = writeln!(out, "  rule: {}", info.rule);
        let _ = writeln!(out, "  source: {}", info.source);
        let _ = writeln!(out, "  what to do: {}", what_to_do(&info));
    }
    if let Some((code, kind, rule, remedy)) = tool {
        let _ = writeln!(out, "{code} ({kind})");
        let _ = writeln!(out, "  rule: {rule}");
        let _ = writeln!(out, "  source: this tool");
        let _ = writeln!(out, "  what to do: {remedy}");
    }
    ExitCode::SUCCESS
}

fn what_to_do(info: &CodeInfo) -> String {
    use stripe_gateway_rules::codes::Family;
    match info.family {
        Family::Refusal => format!(
            "change the operation so that {} (each answer's message says what was wrong)",
            info.rule
        ),
        Family::Violation => format!(
            "correct the configuration so that {} (the report's remedy says how, field by field)",
            info.rule
        ),
        _ => format!("correct the value so that {}", info.rule),
    }
}

/// `diagnose [FILE|-]`.
pub fn diagnose(file: &Path, json: bool) -> ExitCode {
    let body = match crate::read_text(file, MAX_BODY_LEN as u64) {
        Ok(body) => body,
        Err(message) => {
            eprintln!("error: {}: {message}", file.display());
            return ExitCode::from(2);
        }
    };
    let error = match StripeError::from_json(&body) {
        Ok(error) => error,
        Err(e) => {
            eprintln!("error: {}: not a Stripe error body: {e}", file.display());
            return ExitCode::from(2);
        }
    };
    let diagnosis = error.diagnose();
    let mut out = std::io::stdout().lock();
    if json {
        let _ = serde_json::to_writer_pretty(&mut out, &diagnosis);
        let _ = writeln!(out);
    } else {
        let _ = writeln!(out, "{diagnosis}");
    }
    ExitCode::SUCCESS
}
