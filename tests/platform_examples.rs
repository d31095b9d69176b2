//! Runs each platform example (`examples/{portabilling,konnektive,kartra,ipaas_connector,
//! data_connector}.rs`): each must exit 0 (its valid forms validate, its invalid forms are
//! refused as it expects) and must never print a secret.
//!
//! `cargo test` builds the examples into `target/debug/examples/`; when a binary is not there
//! (another target directory layout, say), the example is run with `cargo run`.

use std::path::PathBuf;
use std::process::{Command, Output};

/// Every secret value in the examples (secret and restricted keys, webhook secrets, OAuth
/// client secrets and refresh tokens) has a body containing this marker; no public value
/// (publishable keys, account and client ids) does. Redacted forms keep only the last four
/// characters, so the marker must never be printed.
const SECRET_MARKER: &str = "EXAMPLEonly";

/// The bodies of the secrets, named one by one for a precise failure message.
const SECRET_BODIES: [&str; 4] = [
    "EXAMPLEonlyNotARealKey",
    "EXAMPLEonlyNotARealSecret",
    "EXAMPLEonlyClientSecret",
    "EXAMPLEonlyRefreshToken",
];

fn example_binary(name: &str) -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?.parent()?;
    let path = dir
        .join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    path.is_file().then_some(path)
}

fn run_example(name: &str) -> Output {
    match example_binary(name) {
        Some(path) => Command::new(&path)
            .output()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", path.display())),
        None => Command::new(env!("CARGO"))
            .args(["run", "--quiet", "--example", name])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap_or_else(|e| panic!("cannot run cargo run --example {name}: {e}")),
    }
}

fn check_example(name: &str) {
    let output = run_example(name);
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "example {name} exited with {}\n--- stdout\n{stdout}\n--- stderr\n{stderr}",
        output.status
    );
    assert!(
        stdout.contains("came out as expected"),
        "example {name} printed no verdict:\n{stdout}"
    );
    for (stream, text) in [("stdout", &stdout), ("stderr", &stderr)] {
        for body in SECRET_BODIES {
            assert!(
                !text.contains(body),
                "example {name} printed the secret body {body:?} on {stream}"
            );
        }
        assert!(
            !text.contains(SECRET_MARKER),
            "example {name} printed a secret (marker {SECRET_MARKER:?}) on {stream}"
        );
    }
}

#[test]
fn portabilling_example_passes_without_printing_secrets() {
    check_example("portabilling");
}

#[test]
fn konnektive_example_passes_without_printing_secrets() {
    check_example("konnektive");
}

#[test]
fn kartra_example_passes_without_printing_secrets() {
    check_example("kartra");
}

#[test]
fn ipaas_connector_example_passes_without_printing_secrets() {
    check_example("ipaas_connector");
}

#[test]
fn data_connector_example_passes_without_printing_secrets() {
    check_example("data_connector");
}
