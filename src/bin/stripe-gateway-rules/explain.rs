//! `explain` (the rule behind a code) and `diagnose` (a Stripe error body).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use stripe_gateway_rules::codes::{self, CodeInfo};
use stripe_gateway_rules::diagnosis::{MAX_BODY_LEN, StripeError};

/// `explain CODE` or `explain --list`: every code of the catalogue (the library's code enums
/// and the tool's own, `ToolCode`), each once, with the families it belongs to. For a code:
/// its rule, what to do (its code enum's `remedy()`, the text the library and the reports
/// give) and its sources by section and title; `--format json`: one document on one line.
pub fn run(code: Option<&str>, list: bool, json: bool) -> ExitCode {
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
    if json {
        // One JSON document on one line, like the other commands' JSON answers.
        let doc = serde_json::json!({
            "code": rows[0].code,
            "rows": rows.iter().map(row_json).collect::<Vec<_>>(),
        });
        let _ = writeln!(out, "{doc}");
        return ExitCode::SUCCESS;
    }
    for info in rows {
        if info.severity == info.family.as_str() {
            let _ = writeln!(out, "{} ({})", info.code, info.family);
        } else {
            let _ = writeln!(out, "{} ({}, {})", info.code, info.family, info.severity);
        }
        let _ = writeln!(out, "  rule: {}", info.rule);
        // The remedy the library and the reports give for this code, from its family enum.
        let _ = writeln!(out, "  what to do: {}", info.remedy);
        let _ = writeln!(out, "  source: {}", info.source);
        for source in codes::source_refs(info.source) {
            match source.title {
                Some(title) => {
                    let _ = writeln!(
                        out,
                        "    {} ({title}): {}",
                        source.citation, source.document
                    );
                }
                None => {
                    let _ = writeln!(out, "    {}: {}", source.citation, source.document);
                }
            }
        }
    }
    ExitCode::SUCCESS
}

/// One row of `explain --format json`: the catalogue's fields, and the sources by title.
fn row_json(info: &CodeInfo) -> serde_json::Value {
    let sources: Vec<serde_json::Value> = codes::source_refs(info.source)
        .into_iter()
        .map(|s| {
            serde_json::json!({
                "citation": s.citation,
                "title": s.title,
                "anchor": s.anchor,
                "document": s.document,
            })
        })
        .collect();
    serde_json::json!({
        "family": info.family.as_str(),
        "severity": info.severity,
        "rule": info.rule,
        "remedy": info.remedy,
        "source": info.source,
        "sources": sources,
    })
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
        // One document on one line, like the other commands' JSON answers.
        let _ = serde_json::to_writer(&mut out, &diagnosis);
        let _ = writeln!(out);
    } else {
        let _ = writeln!(out, "{diagnosis}");
        if let Some(code) = diagnosis.code() {
            let known = if diagnosis.is_known_code() {
                ""
            } else {
                " (not in Stripe's published lists)"
            };
            let _ = writeln!(out, "  Stripe's code: {code:?}{known}");
        }
        if let Some(decline) = diagnosis.decline() {
            let _ = writeln!(out, "  decline code: {decline}");
        }
        let _ = writeln!(out, "  tell the customer: {}", diagnosis.customer_message());
    }
    ExitCode::SUCCESS
}
