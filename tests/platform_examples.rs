//! Runs each platform example (`examples/{portabilling,konnektive,kartra,ipaas_connector,
//! data_connector,own_platform}.rs`): each must exit 0 (its valid forms validate, its invalid
//! forms are refused as it expects) and must never print a secret. No example checks anything
//! itself: none defines an issue list of its own, every finding is the crate's report.
//!
//! `cargo test` builds the examples into `target/debug/examples/`; when a binary is not there
//! (another target directory layout, say), the example is run with `cargo run`.

mod support;

fn check_example(name: &str) {
    let output = support::example(name).output().expect("run the example");
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
    support::assert_no_secret(&format!("example {name}, stdout"), &stdout);
    support::assert_no_secret(&format!("example {name}, stderr"), &stderr);
}

/// rules §10, §11 (S4): the PortaBilling example passes and prints no secret.
#[test]
fn portabilling_example_passes_without_printing_secrets() {
    check_example("portabilling");
}

/// rules §10, §11 (S0): the Konnektive example passes and prints no secret.
#[test]
fn konnektive_example_passes_without_printing_secrets() {
    check_example("konnektive");
}

/// rules §10, §11 (S2): the Kartra example passes and prints no secret.
#[test]
fn kartra_example_passes_without_printing_secrets() {
    check_example("kartra");
}

/// rules §10, §11 (S1): the iPaaS connector example passes and prints no secret.
#[test]
fn ipaas_connector_example_passes_without_printing_secrets() {
    check_example("ipaas_connector");
}

/// rules §10, §11 (S3): the data connector example passes and prints no secret.
#[test]
fn data_connector_example_passes_without_printing_secrets() {
    check_example("data_connector");
}

/// rules §11 (issue 10): a platform not in the seeds declares its profile and adds its own checks,
/// with the public API only.
#[test]
fn own_platform_example_passes_without_printing_secrets() {
    check_example("own_platform");
}

/// Issue 10: "none keeps checks of its own": no hand-written issue list remains in examples/.
#[test]
fn no_example_keeps_a_hand_written_issue_list() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    for name in [
        "portabilling.rs",
        "konnektive.rs",
        "kartra.rs",
        "ipaas_connector.rs",
        "data_connector.rs",
        "common/mod.rs",
    ] {
        let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
        for sign in ["FormIssue", "issues.push", "struct Issue", "Vec<Violation>"] {
            assert!(
                !text.contains(sign),
                "examples/{name} keeps its own checks ({sign})"
            );
        }
    }
}
