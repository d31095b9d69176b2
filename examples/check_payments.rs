//! A pre-flight for a billing run: check every operation of a JSON Lines file against a
//! gateway configuration before anything is sent to Stripe.
//!
//! ```sh
//! cargo run --example check_payments -- examples/configs/portabilling-usd.json examples/operations.jsonl
//! ```
//!
//! Writes one JSON line per input line, in order: `{"line":N,"ok":true}` or
//! `{"line":N,"ok":false,"code":"...","message":"..."}`. A line that is not a valid operation
//! gets `"code":"invalid_input"` and the run goes on: every line gets exactly one answer.
//! The line format is documented in `stripe_gateway_rules::operation::OperationLine`.
//!
//! Exit status: 0 all accepted, 1 any refused, 2 unreadable configuration or operations file
//! (or a configuration that does not validate). The operations file may be `-` for standard
//! input. It streams: one line in memory at a time, each at most 64 KiB (a longer line is
//! answered `invalid_input` and skipped without being stored), so memory stays flat for any
//! file size. `--stats` prints the number of lines and the peak resident memory (Linux) to
//! standard error at the end.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::process::ExitCode;

use stripe_gateway_rules::ValidatedGateway;
use stripe_gateway_rules::config::GatewayConfig;
use stripe_gateway_rules::operation::OperationLine;

/// The longest line read; longer lines are refused without being stored.
const MAX_LINE: usize = 64 * 1024;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let stats = args.iter().any(|a| a == "--stats");
    let files: Vec<&String> = args.iter().filter(|a| a.as_str() != "--stats").collect();
    let [config_path, ops_path] = files[..] else {
        eprintln!("usage: check_payments CONFIG.json OPERATIONS.jsonl|- [--stats]");
        return ExitCode::from(2);
    };

    let gateway = match load_gateway(config_path) {
        Ok(g) => g,
        Err(message) => {
            eprintln!("{config_path}: {message}");
            return ExitCode::from(2);
        }
    };
    let input: Box<dyn BufRead> = if ops_path == "-" {
        Box::new(io::stdin().lock())
    } else {
        match File::open(ops_path) {
            Ok(f) => Box::new(BufReader::with_capacity(64 * 1024, f)),
            Err(e) => {
                eprintln!("{ops_path}: cannot read the file: {e}");
                return ExitCode::from(2);
            }
        }
    };
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(64 * 1024, stdout.lock());
    match run(&gateway, input, &mut out) {
        Ok(summary) => {
            if stats {
                eprintln!(
                    "lines: {}, refused: {}, peak memory: {}",
                    summary.lines,
                    summary.refused,
                    peak_memory().unwrap_or_else(|| "unknown".into())
                );
            }
            if summary.refused == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(e) => {
            eprintln!("{ops_path}: {e}");
            ExitCode::from(2)
        }
    }
}

fn load_gateway(path: &str) -> Result<ValidatedGateway, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read the file: {e}"))?;
    let config = GatewayConfig::from_json(&text).map_err(|e| e.to_string())?;
    config
        .validate()
        .map_err(|report| format!("the configuration is not valid: {report}"))
}

struct Summary {
    lines: u64,
    refused: u64,
}

#[derive(serde::Serialize)]
struct Answer<'a> {
    line: u64,
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'a str>,
}

fn run(
    gateway: &ValidatedGateway,
    mut input: Box<dyn BufRead>,
    out: &mut impl Write,
) -> io::Result<Summary> {
    let mut buf = Vec::with_capacity(4096);
    let mut summary = Summary {
        lines: 0,
        refused: 0,
    };
    let mut message = String::new();
    while let Some(too_long) = read_line_capped(&mut input, &mut buf)? {
        summary.lines += 1;
        message.clear();
        let refusal: Option<&str> = if too_long {
            message.push_str("invalid operation: the line is longer than 65536 bytes");
            Some("invalid_input")
        } else {
            match std::str::from_utf8(&buf) {
                Err(e) => {
                    message.push_str(&format!(
                        "invalid operation: not UTF-8 (invalid byte at column {})",
                        e.valid_up_to() + 1
                    ));
                    Some("invalid_input")
                }
                Ok(text) => check_line(gateway, text, &mut message),
            }
        };
        let answer = Answer {
            line: summary.lines,
            ok: refusal.is_none(),
            code: refusal,
            message: refusal.map(|_| message.as_str()),
        };
        if refusal.is_some() {
            summary.refused += 1;
        }
        serde_json::to_writer(&mut *out, &answer)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(summary)
}

/// Checks one line; on refusal writes the message and returns the code.
fn check_line(
    gateway: &ValidatedGateway,
    text: &str,
    message: &mut String,
) -> Option<&'static str> {
    use std::fmt::Write as _;
    let text = text.strip_suffix('\r').unwrap_or(text);
    let line = match OperationLine::parse(text) {
        Ok(line) => line,
        Err(e) => {
            let _ = write!(message, "{e}");
            return Some(e.code());
        }
    };
    let op = match line.operation() {
        Ok(op) => op,
        Err(e) => {
            let _ = write!(message, "{e}");
            return Some(e.code());
        }
    };
    match gateway.check(&op) {
        Ok(()) => None,
        Err(e) => {
            let _ = write!(message, "{e}");
            Some(e.code().as_str())
        }
    }
}

/// Reads one line (without its `\n`) into `buf`, keeping at most [`MAX_LINE`] bytes; the rest
/// of a longer line is skipped. Returns `None` at the end of input, else whether the line was
/// too long. A final line without `\n` counts; an empty input has no lines.
fn read_line_capped(input: &mut impl BufRead, buf: &mut Vec<u8>) -> io::Result<Option<bool>> {
    buf.clear();
    let mut too_long = false;
    let mut read_any = false;
    loop {
        let chunk = input.fill_buf()?;
        if chunk.is_empty() {
            return Ok(read_any.then_some(too_long));
        }
        read_any = true;
        let (part, done) = match chunk.iter().position(|&b| b == b'\n') {
            Some(i) => (&chunk[..i], Some(i + 1)),
            None => (chunk, None),
        };
        if !too_long {
            if buf.len() + part.len() > MAX_LINE {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(part);
            }
        }
        let used = done.unwrap_or(chunk.len());
        input.consume(used);
        if done.is_some() {
            return Ok(Some(too_long));
        }
    }
}

/// Peak resident memory, from Linux's `/proc/self/status` (`VmHWM`).
fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    Some(line["VmHWM:".len()..].trim().to_owned())
}
