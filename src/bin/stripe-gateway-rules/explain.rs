//! `explain` (the rule behind a code) and `diagnose` (a Stripe error body).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use stripe_gateway_rules::codes::{self, CodeInfo, Family, RequestCode, ToolCode};
use stripe_gateway_rules::diagnosis::{ErrorCategory, MAX_BODY_LEN, StripeError};

/// `explain CODE` or `explain --list`: every code of the catalogue (the library's code enums
/// and the tool's own, [`ToolCode`]), each once, with the families it belongs to.
pub fn run(code: Option<&str>, list: bool) -> ExitCode {
    let mut out = std::io::stdout().lock();
    if list {
        for (code, rows) in codes::by_code() {
            let families: Vec<&str> = rows.iter().map(|r| r.family.as_str()).collect();
            let mut rules: Vec<&str> = Vec::new();
            for row in &rows {
                if !rules.contains(&row.rule) {
                    rules.push(row.rule);
                }
            }
            let _ = writeln!(
                out,
                "{code:<36} {:<10} {}",
                families.join(","),
                rules.join(" | ")
            );
        }
        return ExitCode::SUCCESS;
    }
    let code = code.unwrap_or_default();
    let rows: Vec<CodeInfo> = codes::lookup(code).collect();
    if rows.is_empty() {
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
    ExitCode::SUCCESS
}

fn what_to_do(info: &CodeInfo) -> String {
    match info.family {
        Family::Refusal => format!(
            "change the operation so that {} (each answer's message says what was wrong)",
            info.rule
        ),
        Family::Violation => format!(
            "correct the configuration so that {} (the report's remedy says how, field by field)",
            info.rule
        ),
        Family::Request => RequestCode::from_code(info.code)
            .map_or_else(String::new, |c| c.remedy().to_owned()),
        Family::OperationLine => "correct the line as its message says: the field, and the JSON type or value expected".to_owned(),
        Family::StripeErrorCategory => ErrorCategory::ALL
            .iter()
            .find(|c| c.code() == info.code)
            .map_or_else(String::new, |c| c.remedy().to_owned()),
        Family::Tool => match ToolCode::from_code(info.code) {
            Some(ToolCode::FileUnreadable) => {
                "check the path and the file's permissions and encoding".to_owned()
            }
            _ => "correct the file at the line and column given: the JSON syntax, a field's type, or an unknown field".to_owned(),
        },
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
