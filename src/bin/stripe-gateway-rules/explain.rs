//! `explain` (the rule behind a code) and `diagnose` (a Stripe error body).

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use stripe_gateway_rules::codes::{self, CodeInfo};
use stripe_gateway_rules::stripe_error::{
    DECLINE_CODES_AS_OF, DECLINE_CODES_SOURCE, Decline, ERROR_CODES_AS_OF, MAX_BODY_LEN,
    StripeError, classify_code,
};

/// `explain CODE` or `explain --list`: every code of the catalogue (the library's code enums
/// and the tool's own, `ToolCode`), each once, with the families it belongs to. For a code:
/// its rule, what to do (its code enum's `remedy()`, the text the library and the reports
/// give) and its sources by section and title; `--format json`: one document on one line (with
/// `--list`, one per code and line).
pub fn run(code: Option<&str>, list: bool, json: bool) -> ExitCode {
    let mut out = std::io::stdout().lock();
    if list {
        for (code, rows) in codes::by_code() {
            if json {
                // One document per code and line: the document of `explain CODE --format json`.
                let _ = writeln!(out, "{}", code_json(code, &rows));
                continue;
            }
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
        if let Some(stripe) = stripe_rows(code) {
            return print_stripe(code, &stripe, json, &mut out);
        }
        eprintln!(
            "error: unknown code {}; `stripe-gateway-rules explain --list` lists every code",
            stripe_gateway_rules::InputExcerpt::new(code)
        );
        return ExitCode::from(2);
    }
    if json {
        // One JSON document on one line, like the other commands' JSON answers.
        let _ = writeln!(out, "{}", code_json(rows[0].code, &rows));
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

/// `explain CODE --format json`'s document: the code and each of its rows.
fn code_json(code: &str, rows: &[CodeInfo]) -> serde_json::Value {
    serde_json::json!({
        "code": code,
        "rows": rows.iter().map(row_json).collect::<Vec<_>>(),
    })
}

/// One row of `explain --format json`: the catalogue's fields, and the sources by title.
fn row_json(info: &CodeInfo) -> serde_json::Value {
    let sources: Vec<serde_json::Value> = codes::source_refs(info.source)
        .into_iter()
        .map(|s| source_json(&s))
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

/// What `explain` says of one of Stripe's own codes (an error code or a decline code), from
/// the same place as `diagnose`: its family, category, meaning, remedy, customer text and
/// source.
struct StripeRow {
    family: &'static str,
    category: &'static str,
    rule: &'static str,
    remedy: &'static str,
    customer_message: &'static str,
    source: String,
}

/// Stripe's error code and decline code spelled `code`, when the crate classifies it.
fn stripe_rows(code: &str) -> Option<Vec<StripeRow>> {
    let mut rows = Vec::new();
    if classify_code(code).is_some() {
        let d = StripeError::new().with_code(code).diagnose();
        rows.push(StripeRow {
            family: "stripe_error_code",
            category: d.category().as_str(),
            rule: d.meaning(),
            remedy: d.remedy(),
            customer_message: d.customer_message(),
            source: format!(
                "rules §12; Stripe's published error codes (stripe-go error.go, stripe-node's types), read {ERROR_CODES_AS_OF}; https://docs.stripe.com/error-codes"
            ),
        });
    }
    if let Some(decline) = Decline::from_code(code) {
        rows.push(StripeRow {
            family: "stripe_decline_code",
            category: codes::ErrorCategoryCode::CustomerCard.as_str(),
            rule: if decline.hides_reason() {
                "Stripe's decline code: the customer is told only that the card was declined"
            } else {
                "Stripe's decline code: the card issuer's or Stripe's reason for declining"
            },
            remedy: decline.remedy(),
            customer_message: decline.customer_message(),
            source: format!(
                "rules §12; Stripe's decline codes, read {DECLINE_CODES_AS_OF}; {DECLINE_CODES_SOURCE}"
            ),
        });
    }
    (!rows.is_empty()).then_some(rows)
}

fn print_stripe(code: &str, rows: &[StripeRow], json: bool, out: &mut impl Write) -> ExitCode {
    if json {
        let rows: Vec<serde_json::Value> = rows
            .iter()
            .map(|r| {
                serde_json::json!({
                    "family": r.family,
                    "category": r.category,
                    "rule": r.rule,
                    "remedy": r.remedy,
                    "customer_message": r.customer_message,
                    "source": r.source,
                    "sources": sources_json(&r.source),
                })
            })
            .collect();
        let _ = writeln!(out, "{}", serde_json::json!({ "code": code, "rows": rows }));
        return ExitCode::SUCCESS;
    }
    for r in rows {
        let _ = writeln!(out, "{code} ({}, {})", r.family, r.category);
        let _ = writeln!(out, "  rule: {}", r.rule);
        let _ = writeln!(out, "  what to do: {}", r.remedy);
        let _ = writeln!(out, "  tell the customer: {}", r.customer_message);
        let _ = writeln!(out, "  source: {}", r.source);
        for source in codes::source_refs(&r.source) {
            if let Some(title) = source.title {
                let _ = writeln!(
                    out,
                    "    {} ({title}): {}",
                    source.citation, source.document
                );
            }
        }
    }
    ExitCode::SUCCESS
}

fn sources_json(source: &str) -> Vec<serde_json::Value> {
    codes::source_refs(source)
        .into_iter()
        .filter(|s| s.anchor.is_some())
        .map(|s| source_json(&s))
        .collect()
}

fn source_json(s: &codes::SourceRef) -> serde_json::Value {
    serde_json::json!({
        "citation": s.citation,
        "title": s.title,
        "anchor": s.anchor,
        "document": s.document,
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
