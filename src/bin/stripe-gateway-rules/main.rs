//! `stripe-gateway-rules`: the crate's rules as a command-line tool (feature `cli`).
//!
//! Commands: `check-config`, `check-payments`, `explain`, `diagnose`, `schema`; `--help` on
//! each. Secrets appear only redacted, whatever the command and format.

mod check_config;
mod explain;
mod preflight;
#[cfg(test)]
mod preflight_tests;
mod schema;

use std::fs::File;
use std::io::{self, BufReader, BufWriter, IsTerminal, Read};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use stripe_gateway_rules::ValidatedGateway;
use stripe_gateway_rules::config::Form;
use stripe_gateway_rules::profile::Platform;

/// Stripe's integration rules for billing platforms: check gateway configurations and
/// billing runs before anything reaches Stripe.
#[derive(Debug, Parser)]
#[command(name = "stripe-gateway-rules", version, about, long_about = None)]
#[command(
    after_help = "Example:\n  stripe-gateway-rules check-config examples/configs/portabilling-usd.json"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// Output formats of `check-config`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ConfigFormat {
    /// A grouped report with remedies, for people (colour only on a terminal).
    Human,
    /// One JSON document per file, one per line.
    Json,
    /// JUnit XML for CI test reporters: a test suite per file, with a test case for the file
    /// (its warnings as system-out) and a failing test case per error.
    Junit,
}

/// Output formats of `diagnose` and `explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum TextOrJson {
    /// Plain text.
    Text,
    /// One JSON document.
    Json,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check one or more gateway configuration files and report every problem.
    ///
    /// Each file is judged as its platform's form (its "platform" field; every rule without
    /// one), payment gateway or connection alike; --platform judges every file as that
    /// platform's form instead. Exit status: 0 every file valid (warnings allowed), 1 any file
    /// invalid, 2 any file unreadable or not JSON of the documented shape.
    #[command(
        after_help = "Examples:\n  stripe-gateway-rules check-config examples/configs/portabilling-usd.json\n  stripe-gateway-rules check-config --platform kartra examples/configs/kartra.json\n  stripe-gateway-rules check-config --json examples/configs/*.json\n  stripe-gateway-rules check-config --format junit examples/configs/*.json > report.xml"
    )]
    CheckConfig {
        /// The configuration files (JSON).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// The output format.
        #[arg(long, value_enum, default_value_t = ConfigFormat::Human)]
        format: ConfigFormat,
        /// Short for `--format json`.
        #[arg(long, conflicts_with = "format")]
        json: bool,
        /// Judge every file as this platform's form, whatever its "platform" field says.
        #[arg(long, value_name = "PLATFORM", value_parser = platform_parser())]
        platform: Option<Platform>,
    },
    /// Pre-flight a billing run: check every operation of a JSON Lines file against a
    /// configuration, streaming one JSON answer per line.
    ///
    /// Answers: {"line":N,"ok":true} or {"line":N,"ok":false,"code":…,"message":…}; a refusal
    /// also has "end_user_message" and "params", a request-rule error (statement descriptors,
    /// metadata, descriptions, idempotency keys) "field" and "remedy" ("earlier_line" for a
    /// reused idempotency key), and an accepted line with a warning (a retried key)
    /// "warnings"; an input line's "id" is echoed. Blank lines
    /// are skipped (they still count in line numbers). The line format is documented on
    /// `stripe_gateway_rules::operation::OperationLine` and in the README. A summary goes to
    /// standard error at the end. Exit status: 0 every line accepted, 1 any line refused or
    /// invalid, 2 an unreadable or invalid configuration, or an unreadable input.
    #[command(
        after_help = "Examples:\n  stripe-gateway-rules check-payments examples/configs/portabilling-usd.json examples/operations.jsonl\n  cat run.jsonl | stripe-gateway-rules check-payments --only-refused config.json -"
    )]
    CheckPayments {
        /// The gateway configuration (JSON).
        config: PathBuf,
        /// The operations (JSON Lines), or `-` for standard input.
        input: PathBuf,
        /// Answer only the lines that are refused or invalid.
        #[arg(long)]
        only_refused: bool,
        /// Print no summary on standard error.
        #[arg(long)]
        no_summary: bool,
        /// Add the peak resident memory (Linux) to the summary.
        #[arg(long, hide = true)]
        peak_memory: bool,
    },
    /// Explain a code (violation, refusal or parse error): its rule, its source, what to do.
    #[command(
        after_help = "Examples:\n  stripe-gateway-rules explain below_minimum\n  stripe-gateway-rules explain amount_too_small --format json\n  stripe-gateway-rules explain --list"
    )]
    Explain {
        /// The code, as in a report or an answer (`below_minimum`).
        #[arg(required_unless_present = "list")]
        code: Option<String>,
        /// List every code.
        #[arg(long, conflicts_with = "code")]
        list: bool,
        /// The output format for a code: text, or one JSON document on one line (`code`,
        /// and `rows`: `family`, `severity`, `rule`, `remedy`, `source`, `sources`).
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Diagnose a Stripe error response body (JSON): what it means for the configuration and
    /// what to do.
    #[command(
        after_help = "Examples:\n  stripe-gateway-rules diagnose error.json\n  curl … | stripe-gateway-rules diagnose --format json"
    )]
    Diagnose {
        /// The file holding the body, or `-` (the default) for standard input.
        #[arg(default_value = "-")]
        file: PathBuf,
        /// The output format.
        #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
        format: TextOrJson,
    },
    /// Print the JSON Schema (draft 2020-12) of the configuration file, with each field's
    /// description, so an admin UI can build its form from it.
    ///
    /// Without --platform, every field of every platform's form; with it, only that
    /// platform's form: its fields (titled with the form's own labels), its required ones,
    /// and its auth schemes.
    #[command(
        after_help = "Examples:\n  stripe-gateway-rules schema > gateway-config.schema.json\n  stripe-gateway-rules schema --platform portabilling > portabilling.schema.json"
    )]
    Schema {
        /// Only this platform's form.
        #[arg(long, value_name = "PLATFORM", value_parser = platform_parser())]
        platform: Option<Platform>,
    },
}

/// `--platform`: one of the profiles the crate ships, by its keyword in any case
/// (`PortaBilling`, as the platform writes its name; the file's `"platform"` stays exact).
/// Anything else exits 2
/// with the list of valid ones; the value is quoted through the crate's excerpt (which cuts
/// at anything secret-shaped), never as typed.
fn platform_parser() -> PlatformParser {
    PlatformParser
}

/// The value parser of `--platform` (see [`platform_parser`]).
#[derive(Debug, Clone, Copy)]
struct PlatformParser;

impl clap::builder::TypedValueParser for PlatformParser {
    type Value = Platform;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        _arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Platform, clap::Error> {
        let text = value.to_string_lossy();
        if let Some(platform) = Platform::ALL
            .iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(&text))
        {
            return Ok(*platform);
        }
        text.parse::<Platform>().map_err(|e| {
            let valid: Vec<&str> = Platform::ALL.iter().map(|p| p.as_str()).collect();
            clap::Error::raw(
                clap::error::ErrorKind::InvalidValue,
                format!(
                    "invalid --platform: {e}\n  [possible values: {}]\n",
                    valid.join(", ")
                ),
            )
            .with_cmd(cmd)
        })
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            Platform::ALL
                .iter()
                .map(|p| clap::builder::PossibleValue::new(p.as_str())),
        ))
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::CheckConfig {
            files,
            format,
            json,
            platform,
        } => {
            let format = if json { ConfigFormat::Json } else { format };
            check_config::run(&files, format, platform)
        }
        Command::CheckPayments {
            config,
            input,
            only_refused,
            no_summary,
            peak_memory,
        } => check_payments(&config, &input, only_refused, !no_summary, peak_memory),
        Command::Explain { code, list, format } => {
            explain::run(code.as_deref(), list, format == TextOrJson::Json)
        }
        Command::Diagnose { file, format } => explain::diagnose(&file, format == TextOrJson::Json),
        Command::Schema { platform } => schema::run(platform),
    }
}

/// Reads a whole file (or standard input for `-`) as UTF-8 text, with a message for people.
fn read_text(path: &std::path::Path, limit: u64) -> Result<String, String> {
    let mut bytes = Vec::new();
    let read = if path.as_os_str() == "-" {
        io::stdin().lock().take(limit + 1).read_to_end(&mut bytes)
    } else {
        File::open(path).and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
    };
    read.map_err(|e| format!("cannot read the file: {}", io_reason(&e)))?;
    if bytes.len() as u64 > limit {
        return Err(format!("the file is larger than {limit} bytes"));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// An I/O error in plain words (lowercase, no OS error number).
fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "it is a directory".into(),
        _ => {
            let text = e.to_string();
            let text = text.split(" (os error").next().unwrap_or(&text);
            let mut chars = text.chars();
            chars.next().map_or_else(String::new, |c| {
                c.to_lowercase().chain(chars).collect::<String>()
            })
        }
    }
}

fn load_gateway(path: &std::path::Path) -> Result<ValidatedGateway, String> {
    let text = read_text(path, stripe_gateway_rules::config::MAX_CONFIG_LEN as u64)?;
    let loaded = Form::from_json(&text).map_err(|e| e.to_string())?;
    let form = loaded.validate(&loaded.profile()).map_err(|report| {
        format!("the configuration is not valid, so no payment can be checked against it: {report}")
    })?;
    form.into_gateway().map_err(|not_a_gateway| {
        let remedy = not_a_gateway.remedy().unwrap_or_default();
        format!(
            "no payment can be checked against this configuration: {not_a_gateway} ({}; {remedy})",
            not_a_gateway.code()
        )
    })
}

fn check_payments(
    config: &std::path::Path,
    input: &std::path::Path,
    only_refused: bool,
    summary: bool,
    peak_memory: bool,
) -> ExitCode {
    let gateway = match load_gateway(config) {
        Ok(g) => g,
        Err(_) if holds_operations(config) => {
            eprintln!(
                "error: {}: this is a file of operations (JSON Lines), not a gateway configuration: the arguments are swapped\n  remedy: give the configuration first, then the operations: stripe-gateway-rules check-payments {} {}",
                config.display(),
                input.display(),
                config.display()
            );
            return ExitCode::from(2);
        }
        Err(message) => {
            eprintln!("error: {}: {message}", config.display());
            return ExitCode::from(2);
        }
    };
    let stdin = input.as_os_str() == "-";
    let (reader, size): (Box<dyn io::BufRead>, Option<u64>) = if stdin {
        (Box::new(io::stdin().lock()), None)
    } else {
        match File::open(input) {
            Ok(f) => {
                let size = f.metadata().ok().map(|m| m.len());
                (Box::new(BufReader::with_capacity(64 * 1024, f)), size)
            }
            Err(e) => {
                eprintln!(
                    "error: {}: cannot read the file: {}",
                    input.display(),
                    io_reason(&e)
                );
                return ExitCode::from(2);
            }
        }
    };
    let bar = (!stdin && io::stderr().is_terminal()).then(|| {
        let bar =
            indicatif::ProgressBar::with_draw_target(size, indicatif::ProgressDrawTarget::stderr());
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{bar:30} {bytes}/{total_bytes} {bytes_per_sec} {msg}",
        ) {
            bar.set_style(style);
        }
        bar
    });
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(64 * 1024, stdout.lock());
    let result = preflight::run(
        &gateway,
        reader,
        &mut out,
        preflight::Options {
            only_refused,
            ..preflight::Options::default()
        },
        |bytes| {
            if let Some(bar) = &bar {
                bar.set_position(bytes);
            }
        },
    );
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    match result {
        Ok(s) => {
            if summary {
                if peak_memory {
                    let peak = peak_memory_kb().unwrap_or_else(|| "unknown".into());
                    eprintln!("{s}, peak memory: {peak}");
                } else {
                    eprintln!("{s}");
                }
            }
            if s.refused() == 0 && s.invalid == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}: {}", input.display(), io_reason(&e));
            ExitCode::from(2)
        }
    }
}

/// Whether the file at `path` starts like a file of operations: its first non-blank line (of
/// the first 64 KiB) is an operation line. What `check-payments` checks when the file given as
/// the configuration is not one, to name swapped arguments.
fn holds_operations(path: &std::path::Path) -> bool {
    if path.as_os_str() == "-" {
        return false;
    }
    let mut head = Vec::new();
    let Ok(file) = File::open(path) else {
        return false;
    };
    if file
        .take(preflight::MAX_LINE as u64)
        .read_to_end(&mut head)
        .is_err()
    {
        return false;
    }
    let head = head.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&head);
    head.split(|&b| b == b'\n')
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line))
        .find(|line| !line.trim_ascii().is_empty())
        .is_some_and(|line| {
            stripe_gateway_rules::operation::OperationLine::parse_bytes(line).is_ok()
        })
}

/// Peak resident memory, from Linux's `/proc/self/status` (`VmHWM`).
fn peak_memory_kb() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    Some(line["VmHWM:".len()..].trim().to_owned())
}
