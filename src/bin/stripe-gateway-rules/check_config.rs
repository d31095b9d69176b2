//! `check-config`: one report per configuration file, for people, as JSON or as JUnit XML.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anstyle::{AnsiColor, Style};
use stripe_gateway_rules::codes::ToolCode;
use stripe_gateway_rules::config::{Form, MAX_CONFIG_LEN, ValidatedForm, ValidatedGateway};
use stripe_gateway_rules::profile::Platform;
use stripe_gateway_rules::{Report, Severity, Violation, credentials::AuthScheme};

use crate::ConfigFormat;

/// What checking one file gave.
enum Outcome {
    /// The file was read and judged by its platform's profile.
    Checked {
        /// The profile's name (`kartra`…).
        platform: String,
        /// Every finding of the profile.
        report: Report,
        /// What the form sets up: a payment gateway, or a connection.
        setup: Option<Setup>,
    },
    /// The file could not be checked at all.
    FileError {
        code: &'static str,
        message: String,
        /// The line and column where reading stopped; `None` when the problem is the whole
        /// file (it cannot be read, it is too large).
        at: Option<(usize, usize)>,
    },
}

/// What a valid form sets up, for the human summary.
enum Setup {
    /// A payment gateway (Konnektive, PortaBilling, generic).
    Gateway(Box<ValidatedGateway>),
    /// A connection (Kartra, an iPaaS or data connector): its auth scheme.
    Connection(AuthScheme),
}

/// Judges a file by its platform's profile (or the `--platform` one) with what the loader
/// found in it: the report of [`Loaded::validate`](stripe_gateway_rules::config::Loaded::validate),
/// and what a valid form sets up (a payment gateway, or a connection).
fn check(path: &Path, platform: Option<Platform>) -> Outcome {
    let text = match crate::read_text(path, MAX_CONFIG_LEN as u64) {
        Ok(text) => text,
        Err(message) => {
            return Outcome::FileError {
                code: ToolCode::FileUnreadable.as_str(),
                message,
                at: None,
            };
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    match Form::from_json(text) {
        Err(e) => Outcome::FileError {
            code: ToolCode::FileNotAConfiguration.as_str(),
            message: e.message().to_owned(),
            at: (e.line() > 0).then(|| (e.line(), e.column())),
        },
        Ok(loaded) => {
            let profile = platform.map_or_else(|| loaded.profile(), Platform::profile);
            let (report, setup) = match loaded.validate(&profile) {
                Ok(form) => {
                    let report = form.report();
                    let setup = match form {
                        ValidatedForm::Gateway(gateway) => Some(Setup::Gateway(gateway)),
                        ValidatedForm::Connection(connection) => {
                            connection.auth().cloned().map(Setup::Connection)
                        }
                    };
                    (report, setup)
                }
                Err(report) => (report, None),
            };
            Outcome::Checked {
                platform: profile.name().to_owned(),
                report,
                setup,
            }
        }
    }
}

/// Checks every file and prints in `format`; the exit status of the worst file.
/// `platform` overrides each file's own profile.
pub fn run(files: &[PathBuf], format: ConfigFormat, platform: Option<Platform>) -> ExitCode {
    let outcomes: Vec<(String, Outcome)> = files
        .iter()
        .map(|f| (f.display().to_string(), check(f, platform)))
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
            Outcome::FileError { message, at, .. } => {
                let at = at_text(*at);
                writeln!(
                    out,
                    "{file}: {ERROR}cannot be checked{ERROR:#}: {message}{at}"
                )?;
            }
            Outcome::Checked {
                platform,
                report,
                setup,
            } => {
                let errors = report.errors().count();
                let warnings = report.warnings().count();
                let (style, verdict) = if errors == 0 {
                    (VALID, "valid")
                } else {
                    (ERROR, "invalid")
                };
                writeln!(
                    out,
                    "{file}: {style}{verdict}{style:#}: {}, {} ({platform} form)",
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
                match setup {
                    Some(Setup::Gateway(g)) => writeln!(out, "{DIM}{}{DIM:#}", summary(g))?,
                    Some(Setup::Connection(auth)) => {
                        writeln!(out, "{DIM}connection: {}{DIM:#}", auth_summary(auth))?;
                    }
                    None => {}
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

/// ` (line L, column C)`, or nothing for a problem of the whole file.
fn at_text(at: Option<(usize, usize)>) -> String {
    at.map_or_else(String::new, |(line, column)| {
        format!(" (line {line}, column {column})")
    })
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
    let auth = auth_summary(g.auth());
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

/// The auth scheme in a few words, secrets redacted.
fn auth_summary(auth: &AuthScheme) -> String {
    match auth {
        AuthScheme::ApiKey { secret_key, .. } => format!("api_key {}", secret_key.redacted()),
        AuthScheme::OAuth2 { client_id, .. } => format!("oauth2 client {client_id}"),
        AuthScheme::Connect { account_id, .. } => format!("connect {account_id}"),
        _ => auth.name().to_owned(),
    }
}

/// The JSON document of one file: the report's shape with `file` added, or a `file_error`.
fn document(file: &str, outcome: &Outcome) -> serde_json::Value {
    match outcome {
        Outcome::Checked {
            platform, report, ..
        } => {
            let mut doc = serde_json::to_value(report).unwrap_or_default();
            if let Some(map) = doc.as_object_mut() {
                map.insert("file".into(), file.into());
                map.insert("platform".into(), platform.as_str().into());
            }
            doc
        }
        Outcome::FileError { code, message, at } => {
            let mut file_error = serde_json::json!({ "code": code, "message": message });
            if let (Some((line, column)), Some(map)) = (at, file_error.as_object_mut()) {
                map.insert("line".into(), (*line).into());
                map.insert("column".into(), (*column).into());
            }
            serde_json::json!({
                "file": file,
                "valid": false,
                "errors": 0,
                "warnings": 0,
                "violations": [],
                "file_error": file_error,
            })
        }
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

/// JUnit XML that GitLab, Jenkins and GitHub reporters read: the JUnit schema allows one
/// `<failure>` per test case (quick-junit's reruns would be Surefire's `<rerunFailure>`, which
/// those reporters do not count), so each file is a test suite holding a test case for the
/// file itself (an error when it cannot be checked; its verdict and warnings as system-out)
/// and one failing test case per error, named `FILE: path [code]`. The failures are then the
/// errors, one each, and the errors the files that could not be checked.
fn junit(outcomes: &[(String, Outcome)]) -> std::io::Result<()> {
    use quick_junit::{NonSuccessKind, Report as JUnit, TestCase, TestCaseStatus, TestSuite};
    let mut report = JUnit::new("stripe-gateway-rules");
    for (file, outcome) in outcomes {
        let mut suite = TestSuite::new(file.as_str());
        match outcome {
            Outcome::FileError { code, message, at } => {
                let mut status = TestCaseStatus::non_success(NonSuccessKind::Error);
                status.set_type(*code);
                status.set_message(format!("cannot be checked: {message}{}", at_text(*at)));
                let mut case = TestCase::new(file.as_str(), status);
                case.set_classname("check-config");
                suite.add_test_case(case);
            }
            Outcome::Checked {
                platform, report, ..
            } => {
                // Jenkins reads a classname as package.class: the tool, then the form.
                let classname = format!("check-config.{platform}");
                let errors = report.errors().count();
                let warnings: Vec<String> = report.warnings().map(line_of).collect();
                let verdict = if errors == 0 { "valid" } else { "invalid" };
                let mut out = format!(
                    "{verdict}: {}, {} ({platform} form)",
                    plural(errors, "error"),
                    plural(warnings.len(), "warning")
                );
                for w in &warnings {
                    out.push('\n');
                    out.push_str(w);
                }
                let mut case = TestCase::new(file.as_str(), TestCaseStatus::success());
                case.set_classname(classname.as_str());
                case.set_system_out(out);
                suite.add_test_case(case);
                for v in report.errors() {
                    let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
                    status.set_type(v.code().as_str());
                    status.set_message(v.message());
                    status.set_description(line_of(v));
                    let name = if v.path().is_root() {
                        format!("{file} [{}]", v.code())
                    } else {
                        format!("{file}: {} [{}]", v.path(), v.code())
                    };
                    let mut case = TestCase::new(name, status);
                    case.set_classname(classname.as_str());
                    suite.add_test_case(case);
                }
            }
        }
        report.add_test_suite(suite);
    }
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
