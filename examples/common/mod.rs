//! What the platform examples share: printing the crate's report in the platform's own field
//! names beside the platform's own checks, and checking that a form came out as expected.
//! (A module, not an example: Cargo builds only `examples/*.rs` and `examples/*/main.rs`.)

#![allow(dead_code)] // each example uses part of it

use std::process::ExitCode;

use stripe_gateway_rules::{Report, Severity, ValidatedGateway};

/// One finding of the platform's own checks, which Stripe does not make.
pub struct FormIssue {
    /// The platform's field name.
    pub field: String,
    /// A stable code.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
}

/// Prints the crate's report (paths shown with `label`) and the platform's own issues,
/// then whether the form was accepted, and returns whether that is what `expect` says: empty
/// means accepted; otherwise refused with at least these codes (the crate's or the
/// platform's).
pub fn outcome(
    platform: &str,
    result: &Result<ValidatedGateway, Report>,
    issues: &[FormIssue],
    label: impl Fn(&str) -> String,
    summary: impl Fn(&ValidatedGateway) -> String,
    expect: &[&str],
) -> bool {
    let report = match result {
        Ok(g) => g.report(),
        Err(r) => r.clone(),
    };
    println!(
        "crate report: {} error(s), {} warning(s)",
        report.errors().count(),
        report.warnings().count()
    );
    for v in report.violations() {
        println!(
            "  {:<7} [{}] {}: {}",
            v.severity(),
            v.code(),
            label(&v.path().to_string()),
            v.message()
        );
        if let (Severity::Error, Some(remedy)) = (v.severity(), v.remedy()) {
            println!("          remedy: {remedy}");
        }
    }
    println!("{platform}'s own checks: {} error(s)", issues.len());
    for i in issues {
        println!("  error   [{}] {}: {}", i.code, i.field, i.message);
    }
    let accepted = result.is_ok() && issues.is_empty();
    let codes: Vec<&str> = report
        .violations()
        .iter()
        .map(|v| v.code().as_str())
        .chain(issues.iter().map(|i| i.code))
        .collect();
    let missing: Vec<&&str> = expect.iter().filter(|c| !codes.contains(c)).collect();
    let ok = if expect.is_empty() {
        accepted
    } else {
        !accepted && missing.is_empty()
    };
    match (result, accepted) {
        (Ok(g), true) => println!("=> accepted: {}", summary(g)),
        _ => println!("=> refused"),
    }
    if !ok {
        let want = if expect.is_empty() {
            "valid"
        } else {
            "invalid"
        };
        println!("!! UNEXPECTED: expected {want}; codes expected but not found: {missing:?}");
    }
    println!();
    ok
}

/// The example's verdict: exit 0 when every form came out as expected (the phrase
/// `tests/platform_examples.rs` looks for), 1 otherwise.
pub fn finish(platform: &str, results: &[bool]) -> ExitCode {
    if results.iter().all(|ok| *ok) {
        println!("{platform}: every form came out as expected");
        ExitCode::SUCCESS
    } else {
        println!("{platform}: some form did not come out as expected");
        ExitCode::FAILURE
    }
}
