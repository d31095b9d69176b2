//! `check-config`: one report per configuration file, for people, as JSON or as JUnit XML.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anstyle::{AnsiColor, Style};
use stripe_gateway_rules::config::{GatewayConfig, MAX_CONFIG_LEN, ValidatedGateway};
use stripe_gateway_rules::{AuthScheme, Report, Severity, Violation};

use crate::ConfigFormat;

/// What checking one file gave.
enum Outcome {
    /// The file was read and validated.
    Checked {
        report: Report,
        gateway: Option<Box<ValidatedGateway>>,
    },
    /// The file could not be checked at all.
    FileError {
        code: &'static str,
        message: String,
        line: usize,
        column: usize,
    },
}

fn check(path: &Path) -> Outcome {
    let text = match crate::read_text(path, MAX_CONFIG_LEN as u64) {
        Ok(text) => text,
        Err(message) => {
            return Outcome::FileError {
                code: "file_unreadable",
                message,
                line: 0,
                column: 0,
            };
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    match GatewayConfig::from_json(text) {
        Err(e) => Outcome::FileError {
            code: "file_not_a_configuration",
            message: e.message().to_owned(),
            line: e.line(),
            column: e.column(),
        },
        Ok(config) => match config.validate() {
            Ok(gateway) => Outcome::Checked {
                report: gateway.report(),
                gateway: Some(Box::new(gateway)),
            },
            Err(report) => Outcome::Checked {
                report,
                gateway: None,
            },
        },
    }
}

/// Checks every file and prints in `format`; the exit status of the worst file.
pub fn run(files: &[PathBuf], format: ConfigFormat) -> ExitCode {
    let outcomes: Vec<(String, Outcome)> = files
        .iter()
        .map(|f| (f.display().to_string(), check(f)))
        .collect();
    let status = outcomes
        .iter()
        .map(|(_, o)| match o {
            Outcome::FileError { .. } => 2,
            Outcome::Checked { report, .. } => u8::from(!report.is_valid()),
        })
        .max()
        .unwrap_or(0);
    let written = match format {
        ConfigFormat::Human => human(&outcomes),
        ConfigFormat::Json => json(&outcomes),
        ConfigFormat::Junit => junit(&outcomes),
    };
    if let Err(e) = written {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write the report: {}", crate::io_reason(&e));
            return ExitCode::from(2);
        }
    }
    ExitCode::from(status)
}

const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const VALID: Style = AnsiColor::Green.on_default().bold();
const DIM: Style = Style::new().dimmed();

fn human(outcomes: &[(String, Outcome)]) -> std::io::Result<()> {
    // anstream strips the styles unless stdout is a terminal, and honours NO_COLOR.
    let mut out = anstream::stdout().lock();
    for (file, outcome) in outcomes {
        match outcome {
            Outcome::FileError {
                message,
                line,
                column,
                ..
            } => {
                let at = if *line > 0 {
                    format!(" (line {line}, column {column})")
                } else {
                    String::new()
                };
                writeln!(
                    out,
                    "{file}: {ERROR}cannot be checked{ERROR:#}: {message}{at}"
                )?;
            }
            Outcome::Checked { report, gateway } => {
                let errors = report.errors().count();
                let warnings = report.warnings().count();
                let (style, verdict) = if errors == 0 {
                    (VALID, "valid")
                } else {
                    (ERROR, "invalid")
                };
                writeln!(
                    out,
                    "{file}: {style}{verdict}{style:#}: {}, {}",
                    plural(errors, "error"),
                    plural(warnings, "warning")
                )?;
                for severity in [Severity::Error, Severity::Warning] {
                    for v in report
                        .violations()
                        .iter()
                        .filter(|v| v.severity() == severity)
                    {
                        violation(&mut out, v)?;
                    }
                }
                if let Some(g) = gateway {
                    writeln!(out, "{DIM}{}{DIM:#}", summary(g))?;
                }
            }
        }
    }
    out.flush()
}

fn violation(out: &mut impl Write, v: &Violation) -> std::io::Result<()> {
    let style = if v.is_error() { ERROR } else { WARNING };
    write!(out, "{style}{}[{}]{style:#} ", v.severity(), v.code())?;
    if !v.path().is_root() {
        write!(out, "{}: ", v.path())?;
    }
    writeln!(out, "{}", v.message())?;
    if let Some(remedy) = v.remedy() {
        writeln!(out, "  remedy: {remedy}")?;
    }
    Ok(())
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// One line on the validated gateway, secrets redacted.
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

/// The JSON document of one file: the report's shape with `file` added, or a `file_error`.
fn document(file: &str, outcome: &Outcome) -> serde_json::Value {
    match outcome {
        Outcome::Checked { report, .. } => {
            let mut doc = serde_json::to_value(report).unwrap_or_default();
            if let Some(map) = doc.as_object_mut() {
                map.insert("file".into(), file.into());
            }
            doc
        }
        Outcome::FileError {
            code,
            message,
            line,
            column,
        } => serde_json::json!({
            "file": file,
            "valid": false,
            "errors": 0,
            "warnings": 0,
            "violations": [],
            "file_error": {
                "code": code,
                "message": message,
                "line": line,
                "column": column,
            },
        }),
    }
}

fn json(outcomes: &[(String, Outcome)]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    for (file, outcome) in outcomes {
        serde_json::to_writer(&mut out, &document(file, outcome))?;
        out.write_all(b"\n")?;
    }
    out.flush()
}

fn junit(outcomes: &[(String, Outcome)]) -> std::io::Result<()> {
    use quick_junit::{NonSuccessKind, Report as JUnit, TestCase, TestCaseStatus, TestSuite};
    let mut suite = TestSuite::new("check-config");
    for (file, outcome) in outcomes {
        let (status, out) = match outcome {
            Outcome::FileError {
                code,
                message,
                line,
                column,
            } => {
                let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
                status.set_type(*code);
                status.set_message(format!(
                    "cannot be checked: {message} (line {line}, column {column})"
                ));
                (status, String::new())
            }
            Outcome::Checked { report, .. } => {
                let warnings: Vec<String> = report.warnings().map(line_of).collect();
                let errors: Vec<String> = report.errors().map(line_of).collect();
                let status = if errors.is_empty() {
                    TestCaseStatus::success()
                } else {
                    let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
                    status.set_type("invalid_configuration");
                    status.set_message(format!(
                        "invalid: {}, {}",
                        plural(errors.len(), "error"),
                        plural(warnings.len(), "warning")
                    ));
                    status.set_description(errors.join("\n"));
                    status
                };
                (status, warnings.join("\n"))
            }
        };
        let mut case = TestCase::new(file.as_str(), status);
        case.set_classname("check-config");
        if !out.is_empty() {
            case.set_system_out(out);
        }
        suite.add_test_case(case);
    }
    let mut report = JUnit::new("stripe-gateway-rules");
    report.add_test_suite(suite);
    let xml = report
        .to_string()
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    let mut out = std::io::stdout().lock();
    out.write_all(xml.as_bytes())?;
    out.flush()
}

/// A violation on one line: `error[code] path: message (remedy: …)`.
fn line_of(v: &Violation) -> String {
    let mut s = format!("{}[{}] ", v.severity(), v.code());
    if !v.path().is_root() {
        s.push_str(&format!("{}: ", v.path()));
    }
    s.push_str(v.message());
    if let Some(remedy) = v.remedy() {
        s.push_str(&format!(" (remedy: {remedy})"));
    }
    s
}
