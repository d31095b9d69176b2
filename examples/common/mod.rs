//! What the platform examples share: printing the crate's report in the platform's own field
//! labels, and checking that a form came out as expected. No example checks anything itself:
//! every finding comes from the crate's report.
//! (A module, not an example: Cargo builds only `examples/*.rs` and `examples/*/main.rs`.)

#![allow(dead_code)] // each example uses part of it

use std::process::ExitCode;

use stripe_gateway_rules::Form;
use stripe_gateway_rules::{Profile, Report, Severity};

/// Prints the report of `config` under `profile`, each path with the form's own label, and
/// returns whether it is what `expect` says: empty means no error (warnings allowed);
/// otherwise refused with at least these codes (the crate's or the platform's).
pub fn outcome(title: &str, config: impl Into<Form>, profile: &Profile, expect: &[&str]) -> bool {
    let want = if expect.is_empty() {
        "valid"
    } else {
        "invalid"
    };
    println!("== {title} ({want} form, {} profile)", profile.name());
    let report = config.into().check(profile);
    print_report(&report, profile);
    let codes: Vec<&str> = report
        .violations()
        .iter()
        .map(|v| v.code().as_str())
        .collect();
    let missing: Vec<&&str> = expect.iter().filter(|c| !codes.contains(c)).collect();
    let ok = if expect.is_empty() {
        report.is_valid()
    } else {
        !report.is_valid() && missing.is_empty()
    };
    println!(
        "=> {}",
        if report.is_valid() {
            "accepted"
        } else {
            "refused"
        }
    );
    if !ok {
        println!("!! UNEXPECTED: expected {want}; codes expected but not found: {missing:?}");
    }
    println!();
    ok
}

/// The report, one finding a line, with the form's label beside the crate's path.
pub fn print_report(report: &Report, profile: &Profile) {
    println!(
        "{} error(s), {} warning(s)",
        report.errors().count(),
        report.warnings().count()
    );
    for v in report.violations() {
        let path = v.path().to_string();
        let field = match profile.label(&path) {
            Some(label) => format!("{label} ({path})"),
            None => path,
        };
        println!(
            "  {:<7} [{}] {field}: {}",
            v.severity(),
            v.code(),
            v.message()
        );
        if let (Severity::Error, Some(remedy)) = (v.severity(), v.remedy()) {
            println!("          remedy: {remedy}");
        }
    }
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
