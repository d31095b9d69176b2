//! Shared by the tests: running the example programs, reading the CSV copies of `tests/data`.
#![allow(dead_code)] // each test binary uses part of it

use std::path::PathBuf;
use std::process::Command;

/// Every secret in the bundled configurations and the examples (secret and restricted keys,
/// webhook secrets, OAuth client secrets and refresh tokens) has a body containing this
/// marker, and no public value (publishable keys, account and client ids) does. Redacted forms
/// keep only the last four characters, so the marker must never be printed.
pub const SECRET_MARKER: &str = "EXAMPLEonly";

/// Fails when `output` contains a secret's body.
pub fn assert_no_secret(what: &str, output: &str) {
    assert!(
        !output.contains(SECRET_MARKER),
        "{what} printed a secret (marker {SECRET_MARKER:?}):\n{output}"
    );
}

/// A command running the example `name`: its binary when `cargo test` built it next to the
/// test binaries (`target/<profile>/examples/`), else `cargo run --example`.
pub fn example(name: &str) -> Command {
    let built = std::env::current_exe()
        .ok()
        .and_then(|exe| {
            let file = format!("{name}{}", std::env::consts::EXE_SUFFIX);
            Some(exe.parent()?.parent()?.join("examples").join(file))
        })
        .filter(|path| path.exists());
    match built {
        Some(path) => Command::new(path),
        None => {
            let mut cmd = Command::new(env!("CARGO"));
            cmd.args(["run", "--quiet", "--all-features", "--example", name, "--"]);
            cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
            cmd
        }
    }
}

/// A path inside the crate.
pub fn path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// A fresh scratch file path for this test process.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sgr-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir.join(name)
}

/// Splits one CSV record into fields: commas separate, double quotes enclose fields that
/// contain commas, `""` inside quotes is a literal quote (RFC 4180; no multi-line fields in
/// these files).
pub fn split_csv_line(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut in_quotes = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, in_quotes) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => in_quotes = false,
            ('"', false) if field.is_empty() => in_quotes = true,
            (',', false) => fields.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    assert!(!in_quotes, "unterminated quote in CSV line {line:?}");
    fields.push(field);
    fields
}
