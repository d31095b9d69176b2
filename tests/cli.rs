//! The `stripe-gateway-rules` binary (issue 12), run as a user runs it: every command, exit
//! statuses, `--help`, bad arguments, every format, `NO_COLOR`, no colour and no progress when
//! piped, the `id` echo, `--only-refused`, the summary's counts, 1,000,000 lines in flat
//! memory, and no secret in any output. Also the line-format items of issues 9 and 14.

mod support;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Output, Stdio};

use support::{SECRET_MARKER, path, scratch};

const SECRET: &str = "sk_live_EXAMPLEonlyNotARealKey0042";

fn tool() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_stripe-gateway-rules"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd.env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("CLICOLOR");
    cmd
}

fn run(args: &[&str]) -> Output {
    tool().args(args).output().expect("run the tool")
}

fn run_stdin(args: &[&str], stdin: &str) -> Output {
    let mut child = tool()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the tool");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn assert_no_secret(output: &str) {
    support::assert_no_secret("the tool", output);
}

fn answers(out: &Output) -> Vec<serde_json::Value> {
    out.stdout
        .lines()
        .map(|l| serde_json::from_str(&l.unwrap()).unwrap())
        .collect()
}

/// Every bundled configuration, its exit status, its errors and its warnings, each judged as
/// its own platform's form: a connection form (Kartra, iPaaS, data connector) is valid when
/// its report has no error, though it has no payment fields.
const CONFIGS: [(&str, i32, usize, usize); 15] = [
    ("portabilling-usd.json", 0, 0, 0),
    ("billing-run.json", 0, 0, 0),
    ("portabilling-chf-settlement.json", 1, 4, 1),
    ("konnektive-v2.json", 0, 0, 0),
    ("konnektive-v1-new.json", 1, 1, 2),
    ("kartra.json", 0, 0, 0),
    ("kartra-connect.json", 0, 0, 0),
    ("kartra-api-keys.json", 1, 1, 0),
    ("ipaas-connector.json", 0, 0, 0),
    ("ipaas-connector-unfinished.json", 1, 2, 1),
    ("iconduct-connector-test.json", 0, 0, 0),
    ("data-connector-oauth2.json", 0, 0, 0),
    ("data-connector-test-key.json", 0, 0, 1),
    ("cdata-oauth2.json", 0, 0, 0),
    ("everything-wrong.json", 1, 12, 3),
];

#[test]
fn every_bundled_configuration_is_in_the_table() {
    let mut files: Vec<String> = std::fs::read_dir(path("examples/configs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    let mut listed: Vec<&str> = CONFIGS.iter().map(|c| c.0).collect();
    listed.sort_unstable();
    assert_eq!(files, listed);
}

#[test]
fn check_config_exit_status_per_bundled_config_in_every_format() {
    for (file, status, errors, warnings) in CONFIGS {
        let file = format!("examples/configs/{file}");
        for format in ["human", "json", "junit"] {
            let out = run(&["check-config", "--format", format, &file]);
            assert_eq!(
                out.status.code(),
                Some(status),
                "{file} {format}\n{}",
                text(&out)
            );
            assert_no_secret(&text(&out));
            if format == "json" {
                let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
                assert_eq!(doc["valid"], status == 0, "{file}");
                assert_eq!(doc["errors"], errors, "{file}");
                assert_eq!(doc["warnings"], warnings, "{file}");
                assert_eq!(doc["file"], file.as_str());
                assert!(doc["violations"].is_array());
            }
        }
    }
    let out = run(&[
        "check-config",
        "--json",
        "examples/configs/everything-wrong.json",
    ]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let v = &doc["violations"][0];
    for field in ["path", "code", "severity", "message", "remedy"] {
        assert!(v.get(field).is_some(), "{field} in {v}");
    }
}

#[test]
fn check_config_many_files_one_document_each_and_the_worst_status() {
    let out = run(&[
        "check-config",
        "--json",
        "examples/configs/portabilling-usd.json",
        "examples/configs/everything-wrong.json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let docs = answers(&out);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["valid"], true);
    assert_eq!(docs[1]["valid"], false);
    let out = run(&[
        "check-config",
        "examples/configs/portabilling-usd.json",
        "/nonexistent/config.json",
        "examples/configs/everything-wrong.json",
    ]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
    assert!(stdout(&out).contains(
        "/nonexistent/config.json: cannot be checked: cannot read the file: no such file"
    ));
}

#[test]
fn check_config_human_output_groups_errors_then_warnings_with_remedies() {
    let out = run(&["check-config", "examples/configs/everything-wrong.json"]);
    let s = stdout(&out);
    assert!(s.contains("invalid: 12 errors, 3 warnings"), "{s}");
    let first_warning = s.find("\nwarning[").unwrap();
    let last_error = s.rfind("\nerror[").unwrap();
    assert!(last_error < first_warning, "errors come first:\n{s}");
    assert!(s.contains("  remedy: "), "{s}");
    let out = run(&["check-config", "examples/configs/portabilling-usd.json"]);
    assert!(
        stdout(&out).contains("api_key sk_live_…0042"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn check_config_colour_only_when_forced_and_never_with_no_color() {
    let file = "examples/configs/everything-wrong.json";
    let piped = run(&["check-config", file]);
    assert!(!stdout(&piped).contains('\u{1b}'), "no colour when piped");
    let forced = tool()
        .args(["check-config", file])
        .env("CLICOLOR_FORCE", "1")
        .output()
        .unwrap();
    assert!(
        stdout(&forced).contains("\u{1b}["),
        "colour when forced (as on a terminal)"
    );
    let no_color = tool()
        .args(["check-config", file])
        .env("CLICOLOR_FORCE", "1")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!stdout(&no_color).contains('\u{1b}'), "NO_COLOR wins");
    assert_eq!(stdout(&no_color), stdout(&piped));
}

#[test]
fn check_config_hostile_files_exit_2_with_a_structured_file_error() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("not-utf8.json", b"{\"name\": \"\xff\xfe\"}".to_vec()),
        ("not-json.json", b"name = stripe".to_vec()),
        ("array.json", b"[1, 2]".to_vec()),
        (
            "deep.json",
            format!("{{\"name\": {}{}}}", "[".repeat(50_000), "]".repeat(50_000)).into_bytes(),
        ),
        (
            "huge.json",
            format!("{{\"name\": \"{}\"}}", "a".repeat(3 << 20)).into_bytes(),
        ),
        (
            "secret-not-json.json",
            b"{\"existing\": sk_live_EXAMPLEonlyNotARealKey0042}".to_vec(),
        ),
        ("empty.json", Vec::new()),
    ];
    for (name, bytes) in cases {
        let file = scratch(name);
        std::fs::write(&file, bytes).unwrap();
        let file = file.to_str().unwrap();
        for format in ["human", "json", "junit"] {
            let out = run(&["check-config", "--format", format, file]);
            assert_eq!(
                out.status.code(),
                Some(2),
                "{name} {format}: {}",
                text(&out)
            );
            assert!(!text(&out).contains("panicked"), "{name}: {}", text(&out));
            assert_no_secret(&text(&out));
            if format == "json" {
                let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
                assert_eq!(doc["valid"], false);
                assert!(doc["file_error"]["message"].is_string(), "{name}: {doc}");
                // A real position, or none for a problem of the whole file (issue 19: never
                // `"line":0,"column":0`).
                let line = &doc["file_error"]["line"];
                assert!(line.is_null() || line.as_u64() >= Some(1), "{name}: {doc}");
                assert_eq!(
                    line.is_null(),
                    doc["file_error"]["column"].is_null(),
                    "{name}: {doc}"
                );
            }
        }
    }
    // Issue 10: a wrong JSON type or an unknown field is a violation (exit 1), not a file error.
    for (name, bytes, code) in [
        (
            "wrong-type.json",
            &b"{\"card_brands\": \"visa\"}"[..],
            "wrong_type",
        ),
        (
            "unknown-field.json",
            &b"{\"nmae\": \"x\"}"[..],
            "unknown_field",
        ),
        (
            "secret-in-wrong-type.json",
            &b"{\"existing\": \"sk_live_EXAMPLEonlyNotARealKey0042\"}"[..],
            "wrong_type",
        ),
    ] {
        let file = scratch(name);
        std::fs::write(&file, bytes).unwrap();
        let out = run(&["check-config", "--json", file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", text(&out));
        assert_no_secret(&text(&out));
        assert!(text(&out).contains(code), "{name}: {}", text(&out));
    }
    let file = scratch("not-json-at.json");
    std::fs::write(&file, "{\n  \"name\": \"x\",\n  \"radar\": yes\n}").unwrap();
    let out = run(&["check-config", "--json", file.to_str().unwrap()]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["file_error"]["line"], 3, "{doc}");
}

/// rules §1: secrets pasted into every field of a configuration are never printed, in any format.
#[test]
fn check_config_secrets_in_every_field_never_printed() {
    let fields = [
        "name",
        "version",
        "mode",
        "publishable_key",
        "data_protection",
        "return_url",
    ];
    let mut config = serde_json::json!({
        "auth": {"scheme": SECRET, "secret_key": SECRET, "account_id": SECRET, "client_id": SECRET,
                 "client_secret": SECRET, "refresh_token": SECRET, "account_name": SECRET},
        "account": {"settlement_currency": SECRET, "country": SECRET},
        "card_brands": [SECRET],
        "currencies": [{"currency": SECRET, "minimum_payment": SECRET, "rate_to_settlement": SECRET}],
    });
    for f in fields {
        config[f] = SECRET.into();
    }
    let file = scratch("secrets-everywhere.json");
    std::fs::write(&file, config.to_string()).unwrap();
    for format in ["human", "json", "junit"] {
        let out = run(&["check-config", "--format", format, file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        assert_no_secret(&text(&out));
    }
}

/// The JUnit report, read back by a JUnit parser. The JUnit schema allows one `<failure>` per
/// test case, so each file is a suite: a test case for the file (its warnings as
/// system-out) and one failing test case per error, named `FILE: path [code]`.
#[test]
fn check_config_junit_is_read_back_with_the_right_counts() {
    let files: Vec<String> = CONFIGS
        .iter()
        .map(|c| format!("examples/configs/{}", c.0))
        .collect();
    let mut args = vec!["check-config", "--format", "junit"];
    args.extend(files.iter().map(String::as_str));
    let out = run(&args);
    assert_eq!(out.status.code(), Some(1));
    let report = junit_parser::from_reader(BufReader::new(&out.stdout[..])).unwrap();
    let errors: usize = CONFIGS.iter().map(|c| c.2).sum();
    assert_eq!(report.tests, (CONFIGS.len() + errors) as u64);
    assert_eq!(report.failures, errors as u64);
    assert_eq!(report.errors, 0);
    assert_eq!(report.suites.len(), CONFIGS.len());
    for ((name, _, errors, warnings), suite) in CONFIGS.iter().zip(&report.suites) {
        let file = format!("examples/configs/{name}");
        assert_eq!(suite.name, file);
        assert_eq!(suite.cases.len(), 1 + errors, "{file}");
        assert_eq!(suite.failures, *errors as u64, "{file}");
        let case = &suite.cases[0];
        assert_eq!(case.original_name, file);
        let platform = bundled(name)["platform"]
            .as_str()
            .unwrap_or("generic")
            .to_owned();
        for c in &suite.cases {
            let classname = format!("check-config.{platform}");
            assert_eq!(c.classname.as_deref(), Some(classname.as_str()));
        }
        assert!(case.status.is_success(), "{file}");
        let system_out = case.system_out.as_deref().unwrap_or("");
        assert_eq!(
            system_out.matches("warning[").count(),
            *warnings,
            "{file}: {system_out}"
        );
        for failing in &suite.cases[1..] {
            assert!(failing.status.is_failure(), "{}", failing.name);
            assert!(
                failing.original_name.starts_with(&format!("{file}: ")),
                "{}",
                failing.original_name
            );
            let failure = failing.status.failure_as_ref();
            assert!(
                failing
                    .original_name
                    .ends_with(&format!("[{}]", failure.failure_type)),
                "{}: {}",
                failing.name,
                failure.failure_type
            );
            assert!(failure.text.starts_with("error["), "{}", failure.text);
        }
    }
    let wrong = report
        .suites
        .iter()
        .find(|s| s.name.ends_with("everything-wrong.json"))
        .unwrap();
    assert!(
        wrong.cases.iter().any(|c| c.original_name
            == "examples/configs/everything-wrong.json: return_url [return_url_insecure]"),
        "{:?}",
        wrong
            .cases
            .iter()
            .map(|c| &c.original_name)
            .collect::<Vec<_>>()
    );
    let unreadable = run(&[
        "check-config",
        "--format",
        "junit",
        "/nonexistent/config.json",
    ]);
    let report = junit_parser::from_reader(BufReader::new(&unreadable.stdout[..])).unwrap();
    assert_eq!((report.tests, report.errors, report.failures), (1, 1, 0));
}

// ---- platforms ---------------------------------------------------------------------------------

/// Issues 12 and 18: a valid connection form is valid; it has no payment fields, and that is
/// no finding (`payment_fields_missing` is only what asking it for a gateway answers).
#[test]
fn check_config_judges_a_connection_form_by_its_report() {
    for file in [
        "kartra.json",
        "ipaas-connector.json",
        "data-connector-oauth2.json",
    ] {
        let out = run(&[
            "check-config",
            "--json",
            &format!("examples/configs/{file}"),
        ]);
        assert_eq!(out.status.code(), Some(0), "{file}: {}", text(&out));
        assert!(!text(&out).contains("payment_fields_missing"), "{file}");
        let out = run(&["check-config", &format!("examples/configs/{file}")]);
        let s = stdout(&out);
        assert!(s.contains("valid: 0 errors, 0 warnings"), "{s}");
        assert!(s.contains("connection: "), "{s}");
    }
}

/// Issue 12: `--platform` overrides the file's profile; the report says which form it judged.
#[test]
fn check_config_platform_overrides_the_file_s_profile() {
    let usd = "examples/configs/portabilling-usd.json";
    let out = run(&["check-config", "--json", usd]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(answers(&out)[0]["platform"], "portabilling");
    let out = run(&["check-config", "--json", "--platform", "kartra", usd]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let doc = &answers(&out)[0];
    assert_eq!(doc["platform"], "kartra");
    let codes: Vec<&str> = doc["violations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["code"].as_str().unwrap())
        .collect();
    assert!(codes.contains(&"field_not_on_form"), "{codes:?}");

    // A Kartra form without its "platform" is a generic form, invalid; judged as Kartra's,
    // valid.
    let text_of = std::fs::read_to_string(path("examples/configs/kartra.json")).unwrap();
    let mut form: serde_json::Value = serde_json::from_str(&text_of).unwrap();
    form.as_object_mut().unwrap().remove("platform");
    let file = scratch("kartra-without-platform.json");
    std::fs::write(&file, form.to_string()).unwrap();
    let file = file.to_str().unwrap();
    let out = run(&["check-config", file]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(stdout(&out).contains("(generic form)"), "{}", text(&out));
    for format in ["human", "json", "junit"] {
        let out = run(&[
            "check-config",
            "--platform",
            "kartra",
            "--format",
            format,
            file,
        ]);
        assert_eq!(out.status.code(), Some(0), "{format}: {}", text(&out));
    }
}

#[test]
fn check_config_bad_platform_exits_2_listing_the_valid_ones() {
    // Issue 19: `Kartra` is now accepted (any case); see
    // `check_config_platform_flag_in_any_case_issue_19`.
    for bad in ["stripe", "", " kartra", "kartra\u{feff}", SECRET] {
        let out = run(&[
            "check-config",
            "--platform",
            bad,
            "examples/configs/kartra.json",
        ]);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains(
                "possible values: konnektive, ipaas_connector, kartra, data_connector, portabilling, generic"
            ),
            "{bad:?}: {err}"
        );
        assert!(out.stdout.is_empty(), "{bad:?}");
        assert_no_secret(&err);
    }
}

fn check_payments(args: &[&str]) -> Output {
    let mut all = vec!["check-payments", "examples/configs/portabilling-usd.json"];
    all.extend(args);
    run(&all)
}

#[test]
fn check_payments_answers_every_line_once_in_order() {
    let out = check_payments(&["examples/operations.jsonl"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let answers = answers(&out);
    let codes: Vec<&str> = answers
        .iter()
        .map(|a| a["code"].as_str().unwrap_or("ok"))
        .collect();
    assert_eq!(
        codes,
        [
            "ok",
            "ok",
            "ok",
            "ok",
            "void_unsupported",
            "ok",
            "ok",
            "below_minimum",
            "email_required",
            "currency_not_assigned",
            "authorization_expired",
            "invalid_input",
        ]
    );
    for (i, a) in answers.iter().enumerate() {
        assert_eq!(a["line"], i + 1);
        assert_eq!(a["ok"], a.get("code").is_none());
    }
    assert_eq!(
        answers[7]["message"],
        "the amount 0.40 USD is below this gateway's minimum payment of 0.50 USD"
    );
    assert_eq!(
        answers[7]["end_user_message"],
        "Your payment must be no less than 0.50 USD"
    );
    assert_eq!(answers[7]["params"]["minimum"], "0.50");
    assert_eq!(answers[7]["params"]["currency"], "USD");
}

#[test]
fn check_payments_exit_statuses() {
    let all_ok = scratch("ok.jsonl");
    std::fs::write(&all_ok, "{\"op\":\"delete_payment_method\"}\n{\"op\":\"authorize\",\"amount\":\"1.00\",\"currency\":\"USD\",\"card\":\"saved\"}").unwrap();
    let out = check_payments(&[all_ok.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        out.stdout.lines().count(),
        2,
        "a last line without newline counts"
    );
    let out = check_payments(&["/nonexistent.jsonl"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out).contains("cannot read the file: no such file"),
        "{}",
        text(&out)
    );
    let out = run(&[
        "check-payments",
        "examples/configs/everything-wrong.json",
        all_ok.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "an invalid configuration cannot check payments"
    );
    assert_no_secret(&text(&out));

    // Non-UTF-8 and over-long lines are answered, and the run goes on.
    let odd = scratch("odd.jsonl");
    let mut bytes = b"{\"op\":\"void\"}\n\xff\xfe\n".to_vec();
    bytes.extend(std::iter::repeat_n(b'x', 200_000));
    bytes.extend(b"\n\n{\"op\":\"delete_payment_method\"}\n");
    std::fs::write(&odd, bytes).unwrap();
    let out = check_payments(&[odd.to_str().unwrap()]);
    let got: Vec<(u64, String)> = answers(&out)
        .iter()
        .map(|v| {
            (
                v["line"].as_u64().unwrap(),
                v["code"].as_str().unwrap_or("ok").to_owned(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (1, "void_unsupported".to_owned()),
            (2, "invalid_input".to_owned()),
            (3, "invalid_input".to_owned()),
            (5, "ok".to_owned())
        ]
    );
}

/// Issue 14: a blank line is skipped (no answer) but counted in line numbers.
#[test]
fn issue_14_blank_lines_are_skipped_and_still_counted() {
    let out = run_stdin(
        &[
            "check-payments",
            "examples/configs/portabilling-usd.json",
            "-",
        ],
        "{\"op\":\"delete_payment_method\"}\n\n   \r\n\t\n{\"op\":\"delete_payment_method\"}\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let lines: Vec<u64> = answers(&out)
        .iter()
        .map(|a| a["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [1, 5]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("lines read: 5 (3 blank), accepted: 2"));
}

/// A byte order mark before the first line and Windows line ends are read as the line itself.
#[test]
fn check_payments_reads_a_bom_and_crlf_line_ends() {
    let out = run_stdin(
        &[
            "check-payments",
            "examples/configs/portabilling-usd.json",
            "-",
        ],
        "\u{feff}{\"op\":\"delete_payment_method\"}\r\n{\"op\":\"delete_payment_method\"}\r\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(answers(&out).len(), 2);
}

/// Issue 14: every line error is worded for an operator: no Rust type name, no serde jargon.
#[test]
fn issue_14_line_errors_are_worded_for_an_operator() {
    let cases = [
        (
            "null",
            "expected a JSON object such as {\"op\":\"void\"}, found null",
        ),
        (
            "[1]",
            "expected a JSON object such as {\"op\":\"void\"}, found an array",
        ),
        ("\"sale\"", "found a string"),
        ("{}", "op is missing"),
        ("{\"op\":1}", "op must be a string, found a number"),
        (
            "{\"op\":\"sale\",\"amonut\":\"1\"}",
            "unknown field \"amonut\"",
        ),
        (
            "{\"op\":\"void\",\"op\":\"void\"}",
            "op appears more than once",
        ),
        ("{\"op\":\"void\"} x", "the line is not valid JSON"),
        (
            "{\"op\":\"void\"",
            "the line ends before its JSON object does",
        ),
    ];
    let input: String = cases.iter().map(|(l, _)| format!("{l}\n")).collect();
    let out = run_stdin(
        &[
            "check-payments",
            "examples/configs/portabilling-usd.json",
            "-",
        ],
        &input,
    );
    let answers = answers(&out);
    assert_eq!(answers.len(), cases.len());
    for ((line, expected), answer) in cases.iter().zip(&answers) {
        let message = answer["message"].as_str().unwrap();
        assert_eq!(answer["code"], "invalid_input", "{line}");
        assert!(message.contains(expected), "{line}: {message}");
        for jargon in [
            "struct",
            "OperationLine",
            "invalid type",
            "expected `",
            "serde",
        ] {
            assert!(!message.contains(jargon), "{line}: {message}");
        }
    }
}

/// rules §1 (issue 9): `"extended":"sk_live_…"` was answered with serde's own text, which quoted
/// the secret. Secrets pasted into every field of a line are never printed.
#[test]
fn issue_9_secrets_in_every_field_of_a_line_never_printed() {
    let mut input = format!(
        "{{\"op\":\"capture\",\"amount\":\"10.00\",\"currency\":\"USD\",\"extended\":\"{SECRET}\"}}\n"
    );
    let fields: Vec<&str> = stripe_gateway_rules::operation::OperationLine::FIELDS
        .iter()
        .copied()
        .filter(|f| *f != "extended")
        .collect();
    for (op, fields) in [
        ("sale", &fields[..]),
        ("capture", &fields[..]),
        ("refund", &fields[..]),
    ] {
        for f in fields {
            input.push_str(&format!("{{\"op\":\"{op}\",\"{f}\":\"{SECRET}\"}}\n"));
            input.push_str(&format!("{{\"op\":\"{op}\",\"{f}\":[\"{SECRET}\"]}}\n"));
            input.push_str(&format!(
                "{{\"op\":\"{op}\",\"{f}\":\"\\u0073k_live_{}\"}}\n",
                &SECRET[8..]
            ));
        }
        input.push_str(&format!("{{\"op\":\"{op}\",\"{SECRET}\":1}}\n"));
        input.push_str(&format!("{{\"op\":\"{op}\",\"extended\":{SECRET}}}\n"));
    }
    input.push_str(&format!("{SECRET}\n\"{SECRET}\"\n"));
    let out = run_stdin(
        &[
            "check-payments",
            "examples/configs/portabilling-usd.json",
            "-",
        ],
        &input,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("extended must be true or false, found a string"),
        "{}",
        text(&out)
    );
    assert!(!text(&out).contains(&SECRET[8..]), "{}", text(&out));
    assert!(!text(&out).contains(SECRET_MARKER));
}

#[test]
fn check_payments_echoes_the_id_and_only_refused_skips_the_accepted() {
    let input = "{\"op\":\"delete_payment_method\",\"id\":\"run-7/a\"}\n{\"op\":\"void\",\"id\":42}\n{\"op\":\"void\"}\n{\"op\":\"sale\",\"amount\":\"0.10\",\"currency\":\"USD\",\"card\":\"saved\",\"id\":\"inv \\\"9\\\"\"}\n";
    let out = run_stdin(
        &[
            "check-payments",
            "examples/configs/portabilling-usd.json",
            "-",
        ],
        input,
    );
    let a = answers(&out);
    assert_eq!(a[0]["id"], "run-7/a");
    assert_eq!(a[0]["ok"], true);
    assert_eq!(a[1]["id"], 42);
    assert!(a[2].get("id").is_none());
    assert_eq!(a[3]["id"], "inv \"9\"");
    let out = run_stdin(
        &[
            "check-payments",
            "--only-refused",
            "examples/configs/portabilling-usd.json",
            "-",
        ],
        input,
    );
    let lines: Vec<u64> = answers(&out)
        .iter()
        .map(|a| a["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [2, 3, 4]);
    assert_eq!(out.status.code(), Some(1));
}

/// The summary on standard error counts a generated file exactly; nothing else is printed there
/// when it is piped (no progress line).
#[test]
fn check_payments_summary_counts_a_generated_file_and_no_progress_when_piped() {
    let file = scratch("generated.jsonl");
    let mut text_in = String::new();
    for i in 0..1000 {
        text_in.push_str(match i % 5 {
            0 => "{\"op\":\"authorize\",\"amount\":\"12.00\",\"currency\":\"USD\",\"card\":\"saved\"}\n",
            1 => "{\"op\":\"sale\",\"amount\":\"0.10\",\"currency\":\"USD\",\"card\":\"saved\"}\n",
            2 => "{\"op\":\"void\"}\n",
            3 => "not json\n",
            _ => "\n",
        });
    }
    std::fs::write(&file, text_in).unwrap();
    let out = check_payments(&[file.to_str().unwrap()]);
    let stderr = String::from_utf8(out.stderr.clone()).unwrap();
    assert_eq!(
        stderr,
        "lines read: 1000 (200 blank), accepted: 200, refused: 400 (below_minimum: 200, void_unsupported: 200), invalid lines: 200\n"
    );
    assert!(
        !stderr.contains('\r') && !stderr.contains('\u{1b}'),
        "no progress when piped"
    );
    assert_eq!(out.stdout.lines().count(), 800);
    let out = check_payments(&["--no-summary", file.to_str().unwrap()]);
    assert!(out.stderr.is_empty());
}

/// A 1,000,000-line run answers every line exactly once, and its peak memory is the same as a
/// 1,000-line run's (streaming). The lines go through standard input from a writer thread.
#[test]
fn check_payments_streams_a_million_lines_in_flat_memory() {
    fn run(lines: u64) -> u64 {
        let mut child = tool()
            .args([
                "check-payments",
                "--peak-memory",
                "examples/configs/portabilling-usd.json",
                "-",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut stdin = child.stdin.take().unwrap();
        let writer = std::thread::spawn(move || {
            let mut w = std::io::BufWriter::new(&mut stdin);
            for i in 0..lines {
                let line = match i % 4 {
                    0 => {
                        "{\"op\":\"authorize\",\"amount\":\"12.00\",\"currency\":\"USD\",\"card\":\"saved\"}\n"
                    }
                    1 => {
                        "{\"op\":\"sale\",\"amount\":\"0.10\",\"currency\":\"USD\",\"card\":\"saved\"}\n"
                    }
                    2 => {
                        "{\"op\":\"refund\",\"amount\":\"5.00\",\"currency\":\"USD\",\"captured_amount\":\"10.00\"}\n"
                    }
                    _ => "not json\n",
                };
                w.write_all(line.as_bytes()).unwrap();
            }
            w.flush().unwrap();
        });
        let stdout = BufReader::new(child.stdout.take().unwrap());
        let mut expected_line = 1u64;
        let mut ok = 0u64;
        for answer in stdout.lines() {
            let answer = answer.unwrap();
            let prefix = format!("{{\"line\":{expected_line},\"ok\":");
            assert!(
                answer.starts_with(&prefix),
                "line {expected_line}: {answer}"
            );
            if answer[prefix.len()..].starts_with("true") {
                ok += 1;
            }
            expected_line += 1;
        }
        writer.join().unwrap();
        let output = child.wait_with_output().unwrap();
        assert_eq!(output.status.code(), Some(1));
        assert_eq!(expected_line - 1, lines, "every line answered exactly once");
        assert_eq!(ok, lines.div_ceil(4) + lines / 4 + u64::from(lines % 4 > 2));
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(
            stderr.contains(&format!("lines read: {lines} (0 blank)")),
            "{stderr}"
        );
        stderr
            .split("peak memory: ")
            .nth(1)
            .and_then(|s| s.trim().strip_suffix(" kB"))
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no peak memory in {stderr:?}"))
    }
    let small = run(1_000);
    let large = run(1_000_000);
    assert!(
        large <= small + 2048,
        "peak memory grew from {small} kB (1,000 lines) to {large} kB (1,000,000 lines)"
    );
}

#[test]
fn explain_every_code_of_the_table_and_list_them_all() {
    let out = run(&["explain", "--list"]);
    assert_eq!(out.status.code(), Some(0));
    let listed = stdout(&out);
    // Every code the library or the tool can print, from the code enums: each appears
    // exactly once in `explain --list`, with every family it belongs to (issue 18).
    let expected: BTreeSet<&str> = stripe_gateway_rules::codes::catalogue()
        .map(|c| c.code)
        .collect();
    let mut seen = BTreeSet::new();
    for line in listed.lines() {
        let mut words = line.split_whitespace();
        let code = words.next().expect("a code");
        assert!(seen.insert(code), "{code} listed twice");
        let families: BTreeSet<&str> = words.next().expect("families").split(',').collect();
        let of_code: BTreeSet<&str> = stripe_gateway_rules::codes::lookup(code)
            .map(|c| c.family.as_str())
            .collect();
        assert_eq!(families, of_code, "{line}");
    }
    assert_eq!(seen, expected);
    for code in [
        "invalid_input",
        "file_unreadable",
        "file_not_a_configuration",
        "cutoff_after_deadline",
        "invalid_exchange_rate",
    ] {
        assert!(seen.contains(code), "{code}");
    }
    for info in stripe_gateway_rules::codes::catalogue() {
        let out = run(&["explain", info.code]);
        assert_eq!(out.status.code(), Some(0), "{}", info.code);
        let s = stdout(&out);
        assert!(s.contains(info.rule) && s.contains(info.source), "{s}");
        assert!(s.contains("what to do: "), "{s}");
    }
    let out = run(&["explain", SECRET]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out).contains("unknown code"));
    assert_no_secret(&text(&out));
}

/// Issue 19: `explain` knows Stripe's own codes too, from the same place as `diagnose`: an
/// error code or a decline code gets its remedy and the customer's text.
#[test]
fn explain_stripe_error_and_decline_codes_as_diagnose_does() {
    let s = stdout(&run(&["explain", "stolen_card"]));
    assert!(
        s.contains("stolen_card (stripe_decline_code, customer_card)"),
        "{s}"
    );
    assert!(
        s.contains("tell the customer: Your card was declined.\n"),
        "{s}"
    );
    assert!(s.contains("https://docs.stripe.com/declines/codes"), "{s}");
    let s = stdout(&run(&["explain", "email_invalid"]));
    assert!(
        s.contains("what to do: correct the customer's email address"),
        "{s}"
    );
    let out = run(&["explain", "authentication_required", "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let families: Vec<&str> = doc["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["family"].as_str().unwrap())
        .collect();
    assert_eq!(families, ["stripe_error_code", "stripe_decline_code"]);
    assert!(
        doc["rows"][0]["remedy"]
            .as_str()
            .unwrap()
            .contains("3D Secure"),
        "{doc}"
    );
    assert_eq!(
        run(&["explain", "no_such_code_anywhere"]).status.code(),
        Some(2)
    );
}

#[test]
fn diagnose_a_stripe_error_body_as_text_and_json() {
    let body = r#"{"error":{"type":"invalid_request_error","code":"amount_too_small","message":"Amount must be at least $0.50 usd","param":"amount"}}"#;
    let out = run_stdin(&["diagnose"], body);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(stdout(&out).contains("minimum"), "{}", stdout(&out));
    let file = scratch("error.json");
    std::fs::write(&file, body).unwrap();
    let out = run(&["diagnose", "--format", "json", file.to_str().unwrap()]);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(doc.is_object(), "{doc}");
    let secret_body = format!(
        r#"{{"error":{{"type":"invalid_request_error","code":"{SECRET}","message":"Invalid API Key provided: {SECRET}","param":"{SECRET}"}}}}"#
    );
    for format in ["text", "json"] {
        let out = run_stdin(&["diagnose", "--format", format], &secret_body);
        assert_no_secret(&text(&out));
    }
    let out = run_stdin(&["diagnose"], "not json");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out).contains("not a Stripe error body"),
        "{}",
        text(&out)
    );
}

/// Issue 19: `diagnose --format json` prints one JSON document on one line, like the other
/// commands, and keeps an unknown code as sent (never `"code": null`); the text says what to
/// tell the customer.
#[test]
fn diagnose_json_is_one_line_and_keeps_an_unknown_code() {
    let body = r#"{"error":{"type":"invalid_request_error","code":"brand_new_code_2027","message":"Something new."}}"#;
    let out = run_stdin(&["diagnose", "--format", "json"], body);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let s = stdout(&out);
    assert_eq!(s.lines().count(), 1, "{s}");
    let doc: serde_json::Value = serde_json::from_str(&s).unwrap();
    assert_eq!(doc["code"], "brand_new_code_2027");
    assert_eq!(doc["code_known"], false);
    let out = run_stdin(&["diagnose"], body);
    assert!(
        stdout(&out).contains("brand_new_code_2027"),
        "{}",
        stdout(&out)
    );

    // The issue's bodies, through the tool.
    let stolen = r#"{"error":{"code":"card_declined","decline_code":"stolen_card","message":"Your card was declined.","type":"card_error"}}"#;
    let doc: serde_json::Value =
        serde_json::from_slice(&run_stdin(&["diagnose", "--format", "json"], stolen).stdout)
            .unwrap();
    assert_eq!(doc["customer_message"], "Your card was declined.");
    assert_eq!(doc["decline_code"], "stolen_card");
    let text_out = stdout(&run_stdin(&["diagnose"], stolen));
    assert!(
        text_out.contains("tell the customer: Your card was declined."),
        "{text_out}"
    );
    let key = r#"{"error":{"message":"Invalid API Key provided: sk_live_****0042","type":"invalid_request_error"}}"#;
    let doc: serde_json::Value =
        serde_json::from_slice(&run_stdin(&["diagnose", "--format", "json"], key).stdout).unwrap();
    assert_eq!(doc["category"], "configuration");
    assert_eq!(doc["rule"], "invalid_api_key");
    assert!(!doc.to_string().contains("0042"), "{doc}");
}

#[test]
fn schema_accepts_every_valid_bundled_configuration_and_refuses_shape_errors() {
    let out = run(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert!(schema["properties"]["currencies"]["description"].is_string());
    let validator = jsonschema::draft202012::new(&schema).expect("a valid schema");
    // Every valid bundled configuration validates; one the schema refuses, `check-config`
    // refuses too.
    for (file, status, _, _) in CONFIGS {
        let valid = validator.is_valid(&bundled(file));
        assert!(valid || status == 1, "{file}");
    }
    for bad in [
        r#"{"name": 1}"#,
        r#"{"nmae": "x"}"#,
        r#"{"card_brands": "visa"}"#,
        r#"{"auth": {"scheme": "api_key", "secrt_key": "x"}}"#,
        r#"{"currencies": [{"currency": "USD", "minimum": "0.5"}]}"#,
        r#"{"existing": "yes"}"#,
        r#"[]"#,
    ] {
        let value: serde_json::Value = serde_json::from_str(bad).unwrap();
        assert!(!validator.is_valid(&value), "{bad}");
    }
}

fn schema_of(platform: &str) -> serde_json::Value {
    let out = run(&["schema", "--platform", platform]);
    assert_eq!(out.status.code(), Some(0), "{platform}: {}", text(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn bundled(file: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(path(&format!("examples/configs/{file}"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Issue 12: `schema --platform P` is P's form: only its profile's fields, its required ones,
/// the form's labels; every valid bundled configuration validates against its own platform's
/// schema, and a field of another platform's form or a wrong JSON type fails it.
#[test]
fn schema_per_platform_has_only_the_form_s_fields_and_validates_its_files() {
    use stripe_gateway_rules::profile::Platform;
    let full = run(&["schema"]);
    let full: serde_json::Value = serde_json::from_slice(&full.stdout).unwrap();
    let every_field: Vec<&String> = full["properties"].as_object().unwrap().keys().collect();
    for platform in Platform::ALL {
        let name = platform.as_str();
        let profile = platform.profile();
        let schema = schema_of(name);
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        let properties = schema["properties"].as_object().unwrap();
        for field in &every_field {
            let on_form = field.as_str() == "platform" || profile.has_field(field);
            assert_eq!(properties.contains_key(*field), on_form, "{name}: {field}");
        }
        let mut required: Vec<&str> = schema["required"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f.as_str().unwrap())
            .collect();
        required.sort_unstable();
        let mut expected: Vec<&str> = every_field
            .iter()
            .map(|f| f.as_str())
            .filter(|f| profile.requires(f))
            .collect();
        if *platform != Platform::Generic {
            expected.push("platform");
        }
        expected.sort_unstable();
        assert_eq!(required, expected, "{name}");
        for (field, property) in properties {
            assert!(property["description"].is_string(), "{name}: {field}");
            if let Some(label) = profile.label(field) {
                assert_eq!(property["title"], label, "{name}: {field}");
            }
        }
        let validator = jsonschema::draft202012::new(&schema).expect("a valid schema");

        // Every valid bundled configuration of the platform validates against its schema.
        let own: Vec<&str> = CONFIGS
            .iter()
            .filter(|c| c.1 == 0)
            .map(|c| c.0)
            .filter(|f| bundled(f)["platform"].as_str().unwrap_or("generic") == name)
            .collect();
        for file in &own {
            let config = bundled(file);
            assert!(validator.is_valid(&config), "{name}: {file}");
            let out = run(&["check-config", &format!("examples/configs/{file}")]);
            assert_eq!(out.status.code(), Some(0), "{file}");
        }
        let Some(sample) = own.first().map(|f| bundled(f)) else {
            continue;
        };
        // A field of another platform's form fails it.
        let foreign = every_field
            .iter()
            .find(|f| f.as_str() != "platform" && !profile.has_field(f))
            .expect("a field of another form");
        let mut with_foreign = sample.clone();
        with_foreign[foreign.as_str()] = serde_json::json!("x");
        assert!(!validator.is_valid(&with_foreign), "{name}: {foreign}");
        // A wrong JSON type fails it.
        for (field, wrong) in [
            ("auth", serde_json::json!("sk_live")),
            ("name", serde_json::json!(1)),
            ("platform", serde_json::json!(["kartra"])),
        ] {
            if !properties.contains_key(field) {
                continue;
            }
            let mut bad = sample.clone();
            bad[field] = wrong;
            assert!(!validator.is_valid(&bad), "{name}: {field} {}", bad[field]);
        }
        // Another platform's keyword fails it.
        let mut other = sample.clone();
        other["platform"] = serde_json::json!(if name == "kartra" {
            "konnektive"
        } else {
            "kartra"
        });
        assert!(!validator.is_valid(&other), "{name}");
    }
}

/// The valid forms of `platform` for the shape tests: its valid bundled configurations, or
/// for `generic` (which has none) PortaBilling's made generic.
fn valid_forms_of(platform: &str) -> Vec<(String, serde_json::Value)> {
    if platform == "generic" {
        let mut usd = bundled("portabilling-usd.json");
        let top = usd.as_object_mut().unwrap();
        top.remove("platform");
        top.remove("login");
        top.insert("version".into(), "v2".into());
        top.insert("return_url".into(), "https://example.com/return".into());
        return vec![("portabilling-usd.json, made generic".into(), usd)];
    }
    CONFIGS
        .iter()
        .filter(|c| c.1 == 0)
        .map(|c| (c.0.to_owned(), bundled(c.0)))
        .filter(|(_, form)| form["platform"].as_str().unwrap_or("generic") == platform)
        .collect()
}

/// Issue 19, "schema can't drive an admin form": for each platform, every valid form
/// validates against `schema --platform`, and each shape mutation of it (a wrong JSON type,
/// a keyword that is none of a closed choice's, an unknown field, a number where a decimal
/// string belongs) is refused by the schema and by the loader and checks, with the code at
/// the path.
#[test]
fn schema_and_loader_refuse_the_same_shape_mutations_on_every_platform() {
    use serde_json::json;
    use stripe_gateway_rules::config::Form;
    use stripe_gateway_rules::profile::Platform;
    for platform in Platform::ALL {
        let name = platform.as_str();
        let profile = platform.profile();
        let validator = jsonschema::draft202012::new(&schema_of(name)).expect("a valid schema");
        let forms = valid_forms_of(name);
        assert!(!forms.is_empty(), "{name}");
        for (file, form) in forms {
            assert!(validator.is_valid(&form), "{name}: {file}");
            let loaded = Form::from_json(&form.to_string()).unwrap();
            let report = loaded.check(&profile);
            assert!(report.is_valid(), "{name}: {file}: {report}");

            // (pointer to set, value, path of the finding, its code)
            let mut mutations = vec![
                ("/platform", json!("nowhere"), "platform", "invalid_value"),
                ("/colour", json!("blue"), "colour", "unknown_field"),
                (
                    "/auth/colour",
                    json!("blue"),
                    "auth.colour",
                    "unknown_field",
                ),
                (
                    "/auth/scheme",
                    json!("password"),
                    "auth.scheme",
                    "invalid_value",
                ),
                ("/auth", json!("sk_test_x"), "auth", "wrong_type"),
            ];
            let on_form = [
                ("/name", json!(1), "name", "wrong_type"),
                ("/existing", json!("yes"), "existing", "wrong_type"),
                ("/mode", json!("production"), "mode", "invalid_value"),
                ("/version", json!("v3"), "version", "invalid_value"),
                (
                    "/data_protection",
                    json!("tokens"),
                    "data_protection",
                    "invalid_value",
                ),
                (
                    "/card_brands",
                    json!(["visa", "maestro"]),
                    "card_brands[1]",
                    "invalid_value",
                ),
                ("/card_brands", json!("visa"), "card_brands", "wrong_type"),
                ("/timeout_ms", json!(true), "timeout_ms", "wrong_type"),
            ];
            mutations.extend(
                on_form
                    .into_iter()
                    .filter(|(pointer, ..)| profile.has_field(&pointer[1..])),
            );
            if form.pointer("/currencies/0").is_some() {
                mutations.push((
                    "/currencies/0/minimum_payment",
                    json!(0.5),
                    "currencies[0].minimum_payment",
                    "wrong_type",
                ));
                mutations.push((
                    "/currencies/0/rate_to_settlement",
                    json!(1.09),
                    "currencies[0].rate_to_settlement",
                    "wrong_type",
                ));
            }
            if form.pointer("/account").is_some() {
                mutations.push((
                    "/account/limits",
                    json!({ "minimums": [{ "currency": "USD", "minimum": 0.6 }] }),
                    "account.limits.minimums[0].minimum",
                    "wrong_type",
                ));
            }
            for (pointer, value, at, code) in mutations {
                let mut bad = form.clone();
                let (parent, field) = pointer.rsplit_once('/').unwrap();
                let target = if parent.is_empty() {
                    &mut bad
                } else {
                    bad.pointer_mut(parent).unwrap()
                };
                target[field] = value.clone();
                let what = format!("{name}: {file} with {pointer} = {value}");
                assert!(!validator.is_valid(&bad), "the schema accepts {what}");
                let loaded = Form::from_json(&bad.to_string()).unwrap();
                let report = loaded.check(&profile);
                let found: Vec<String> = report
                    .errors()
                    .map(|v| format!("{} {}", v.path(), v.code()))
                    .collect();
                assert!(
                    found.contains(&format!("{at} {code}")),
                    "the loader accepts {what}: {found:?}"
                );
            }
        }
    }
}

#[test]
fn schema_per_platform_carries_the_form_s_labels_and_auth_schemes() {
    let portabilling = schema_of("portabilling");
    let secret_key = &portabilling["properties"]["auth"]["properties"]["secret_key"];
    assert_eq!(secret_key["title"], "Password");
    assert!(
        secret_key["description"]
            .as_str()
            .unwrap()
            .starts_with("Password. ")
    );
    assert_eq!(portabilling["properties"]["login"]["title"], "Login");
    assert_eq!(portabilling["properties"]["mode"]["title"], "Test mode");
    let validator = jsonschema::draft202012::new(&portabilling).unwrap();
    let mut no_login = bundled("portabilling-usd.json");
    no_login.as_object_mut().unwrap().remove("login");
    assert!(!validator.is_valid(&no_login), "login is required");

    let kartra = schema_of("kartra");
    let auth = &kartra["properties"]["auth"];
    assert_eq!(
        auth["properties"]["scheme"]["enum"],
        serde_json::json!(["connect"])
    );
    assert_eq!(
        auth["properties"]["account_id"]["title"],
        "Stripe Account ID"
    );
    let validator = jsonschema::draft202012::new(&kartra).unwrap();
    assert!(
        !validator.is_valid(&bundled("kartra-api-keys.json")),
        "an API key on Kartra's form"
    );

    let data = schema_of("data_connector");
    let scheme = &data["properties"]["auth"]["properties"]["scheme"];
    assert_eq!(scheme["enum"], serde_json::json!(["api_key", "oauth2"]));
    assert_eq!(scheme["title"], "Auth Scheme");

    // The generic schema: "platform" optional, so a file without one validates.
    let generic = schema_of("generic");
    let validator = jsonschema::draft202012::new(&generic).unwrap();
    let mut usd = bundled("portabilling-usd.json");
    let usd = usd.as_object_mut().unwrap();
    usd.remove("platform");
    usd.remove("login");
    usd.insert("version".into(), "v2".into());
    usd.insert("return_url".into(), "https://example.com/return".into());
    assert!(validator.is_valid(&serde_json::Value::Object(usd.clone())));
}

#[test]
fn schema_bad_platform_exits_2_listing_the_valid_ones() {
    let out = run(&["schema", "--platform", "porta"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(
        text(&out).contains(
            "possible values: konnektive, ipaas_connector, kartra, data_connector, portabilling, generic"
        ),
        "{}",
        text(&out)
    );
}

#[test]
fn help_of_check_config_and_schema_shows_platform_with_an_example() {
    for (cmd, example) in [
        ("check-config", "check-config --platform kartra"),
        ("schema", "schema --platform portabilling"),
    ] {
        let out = run(&[cmd, "--help"]);
        let s = stdout(&out);
        assert!(s.contains("--platform <PLATFORM>"), "{cmd}: {s}");
        assert!(s.contains("ipaas_connector"), "{cmd}: {s}");
        assert!(s.contains(example), "{cmd}: {s}");
    }
}

#[test]
fn help_on_every_command_has_an_example_and_version_prints() {
    for cmd in [
        vec!["--help"],
        vec!["check-config", "--help"],
        vec!["check-payments", "--help"],
        vec!["explain", "--help"],
        vec!["diagnose", "--help"],
        vec!["schema", "--help"],
    ] {
        let out = run(&cmd);
        assert_eq!(out.status.code(), Some(0), "{cmd:?}");
        assert!(
            stdout(&out).contains("Example"),
            "{cmd:?}: {}",
            stdout(&out)
        );
    }
    let out = run(&["--version"]);
    assert_eq!(
        stdout(&out).trim(),
        format!("stripe-gateway-rules {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn bad_arguments_say_what_was_expected_and_exit_2() {
    for (args, expected) in [
        (vec![], "Usage"),
        (vec!["check-config"], "required"),
        (
            vec!["check-config", "--format", "xml", "x.json"],
            "possible values: human, json, junit",
        ),
        (vec!["check-payments", "only-one.json"], "required"),
        (vec!["explain"], "required"),
        (vec!["frobnicate"], "unrecognized subcommand"),
        (
            vec!["check-config", "--format", SECRET, "x.json"],
            "possible values",
        ),
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out).contains(expected), "{args:?}: {}", text(&out));
    }
}

/// On a terminal (`script` gives the tool a pseudo-terminal) and with a file as input, a
/// progress bar is drawn on standard error; piped, none is (the summary test above). Skipped
/// where util-linux's `script` is missing.
#[test]
fn check_payments_draws_progress_on_a_terminal_for_a_file() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("skipped: no `script` to provide a terminal");
        return;
    }
    let file = scratch("progress.jsonl");
    let line =
        "{\"op\":\"authorize\",\"amount\":\"12.00\",\"currency\":\"USD\",\"card\":\"saved\"}\n";
    std::fs::write(&file, line.repeat(200_000)).unwrap();
    let command = format!(
        "{} check-payments examples/configs/portabilling-usd.json {} > /dev/null",
        env!("CARGO_BIN_EXE_stripe-gateway-rules"),
        file.display()
    );
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let terminal = String::from_utf8_lossy(&out.stdout);
    assert!(terminal.contains("MiB/"), "no progress bar: {terminal:?}");
    assert!(
        terminal.contains("lines read: 200000 (0 blank), accepted: 200000"),
        "{terminal:?}"
    );
}

// ---- issue 19: every door gives the rule's answer ---------------------------------------------

/// Issue 19, rules §10 (S4's four brands): check-payments applies the gateway's enabled
/// brands; rules §7: a capture before its authorization; rules §5: an amount beyond any
/// decimal is `amount_too_large` (negative: `amount_not_positive`), counted with the refusals.
#[test]
fn check_payments_applies_every_rule_the_configuration_states() {
    let input = [
        r#"{"op":"sale","amount":"12.00","currency":"USD","card":"saved","brand":"jcb","id":1}"#,
        r#"{"op":"authorize","amount":"12.00","currency":"USD","card":"saved","brand":"unionpay","id":2}"#,
        r#"{"op":"sale","amount":"12.00","currency":"USD","card":"saved","brand":"visa","id":3}"#,
        r#"{"op":"capture","amount":"5.00","currency":"USD","authorized_amount":"10.00","authorized_at":"2026-11-07T10:00:00Z","at":"2026-11-01T10:00:00Z","id":4}"#,
        r#"{"op":"sale","amount":"100000000000000000000000000000000","currency":"USD","card":"saved","id":5}"#,
        r#"{"op":"sale","amount":"-100000000000000000000000000000000","currency":"USD","card":"saved","id":6}"#,
    ]
    .join("\n");
    let out = run_stdin(
        &[
            "check-payments",
            "examples/configs/portabilling-usd.json",
            "-",
        ],
        &input,
    );
    let a = answers(&out);
    let codes: Vec<&str> = a
        .iter()
        .map(|a| a["code"].as_str().unwrap_or("ok"))
        .collect();
    assert_eq!(
        codes,
        [
            "brand_not_enabled",
            "brand_not_enabled",
            "ok",
            "capture_before_authorization",
            "amount_too_large",
            "amount_not_positive"
        ],
        "{}",
        stdout(&out)
    );
    assert_eq!(a[0]["params"]["brand"], "jcb");
    assert_eq!(a[0]["message"], "JCB cards are not enabled on this gateway");
    assert!(!stdout(&out).contains("79228162514264337593543950336"));
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("invalid lines: 0"), "{summary}");
    assert!(summary.contains("amount_too_large: 1"), "{summary}");
    assert_eq!(out.status.code(), Some(1));
}

/// Issue 19, rules §5: check-payments applies the account's limits per brand stated in the
/// configuration.
#[test]
fn check_payments_applies_the_account_limits_per_brand() {
    let config = std::fs::read_to_string("examples/configs/portabilling-usd.json")
        .unwrap()
        .replace(
            r#""raw_card_data_access": true }"#,
            r#""raw_card_data_access": true, "limits": { "brand_max": [{ "brand": "amex", "max_minor_units": "100000" }] } }"#,
        );
    let file = scratch("limits-per-brand.json");
    std::fs::write(&file, config).unwrap();
    let input = [
        r#"{"op":"sale","amount":"1500.00","currency":"USD","card":"saved","brand":"amex"}"#,
        r#"{"op":"sale","amount":"1500.00","currency":"USD","card":"saved","brand":"visa"}"#,
    ]
    .join("\n");
    let out = run_stdin(&["check-payments", file.to_str().unwrap(), "-"], &input);
    let a = answers(&out);
    assert_eq!(a[0]["code"], "amount_too_large", "{}", stdout(&out));
    assert_eq!(a[0]["params"]["limit_source"], "account_brand");
    assert_eq!(a[1]["ok"], true, "{}", stdout(&out));
}

/// Issue 19: every answer echoes the line's id, whatever else is wrong with the line and
/// wherever the id is; a secret-shaped id is cut by the crate's excerpt rule.
#[test]
fn check_payments_echoes_the_id_of_every_broken_line() {
    let lines = [
        (r#"{"id":"a1","op":"sale","amount":12}"#, "a1"),
        (r#"{"op":"sale","amount":12,"id":"a2"}"#, "a2"),
        (r#"{"op":"sale","amonut":"12","id":"a3"}"#, "a3"),
        (r#"{"id":"a4","op":"void","op":"void"}"#, "a4"),
        (r#"{"op":"capture","extended":"true","id":"a5"}"#, "a5"),
        (
            r#"{"id":"a6","op":"sale","amount":"12.00","currency":"USD","card":"saved","brand":"jcb"}"#,
            "a6",
        ),
        (r#"{"id":"a7","op":"sale" "amount":"1"}"#, "a7"),
        (r#"{"op":"teleport","id":"a8"}"#, "a8"),
    ];
    let mut input: Vec<String> = lines.iter().map(|(l, _)| (*l).to_owned()).collect();
    input.push(format!(r#"{{"op":"sale","amount":1,"id":"x-{SECRET}"}}"#));
    input.push(r#"{"op":"sale","amount":1,"id":42}"#.to_owned());
    let out = run_stdin(
        &[
            "check-payments",
            "examples/configs/portabilling-usd.json",
            "-",
        ],
        &input.join("\n"),
    );
    let a = answers(&out);
    for (answer, (line, id)) in a.iter().zip(lines) {
        assert_eq!(answer["id"], id, "{line}: {answer}");
        assert_eq!(answer["ok"], false, "{line}: {answer}");
    }
    assert_eq!(a[8]["id"], "x-sk_live_…");
    assert_eq!(a[9]["id"], 42);
    assert_no_secret(&text(&out));
    assert!(
        a[2]["message"]
            .as_str()
            .unwrap()
            .contains("did you mean `amount`?"),
        "{}",
        a[2]
    );
}

/// Issue 19: `check-payments run.jsonl config.json` is recognised and named, with the remedy.
#[test]
fn check_payments_names_swapped_arguments() {
    let out = run(&[
        "check-payments",
        "examples/operations.jsonl",
        "examples/configs/portabilling-usd.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("this is a file of operations (JSON Lines), not a gateway configuration: the arguments are swapped"),
        "{err}"
    );
    assert!(
        err.contains(
            "check-payments examples/configs/portabilling-usd.json examples/operations.jsonl"
        ),
        "{err}"
    );
    // A configuration that is only invalid is not taken for swapped arguments.
    let file = scratch("not-a-config.json");
    std::fs::write(&file, "{\"nmae\": \"x\"}").unwrap();
    let out = run(&[
        "check-payments",
        file.to_str().unwrap(),
        "examples/operations.jsonl",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&out.stderr).contains("swapped"));
}

/// Issue 19: `--platform PortaBilling` is accepted in any case, as the platform writes it.
#[test]
fn check_config_platform_flag_in_any_case_issue_19() {
    for platform in ["PortaBilling", "PORTABILLING", "portabilling"] {
        let out = run(&[
            "check-config",
            "--platform",
            platform,
            "--json",
            "examples/configs/portabilling-usd.json",
        ]);
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(
            doc["platform"],
            "portabilling",
            "{platform}: {}",
            text(&out)
        );
    }
    let out = run(&["schema", "--platform", "Kartra"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
}

/// Issue 19: an unreadable file in `--format json` has no `"line":0,"column":0`: its
/// `file_error` has no position; a file that is not JSON keeps its real one.
#[test]
fn check_config_unreadable_file_has_no_zero_position() {
    let out = run(&["check-config", "--json", "no/such/file.json"]);
    assert_eq!(out.status.code(), Some(2));
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["file_error"]["code"], "file_unreadable");
    assert!(doc["file_error"].get("line").is_none(), "{doc}");
    assert!(doc["file_error"].get("column").is_none(), "{doc}");
    let out = run(&["check-config", "--format", "junit", "no/such/file.json"]);
    assert!(!stdout(&out).contains("line 0"), "{}", stdout(&out));
}

/// Every line of `examples/billing-run.jsonl` (rules §13, issue 20) that is not plainly
/// accepted, with its code, in order: the README's answers.
const BILLING_RUN: [(u64, &str); 137] = [
    (3, "below_minimum"),
    (5, "invalid_input"),
    (7, "idempotency_key_retried"),
    (10, "idempotency_key_reused"),
    (12, "descriptor_no_letter"),
    (14, "suffix_too_long"),
    (17, "descriptor_on_card_payment"),
    (19, "descriptor_not_latin"),
    (21, "metadata_too_many_keys"),
    (23, "metadata_value_too_long"),
    (25, "card_number_in_text"),
    (28, "metadata_key_bracket"),
    (30, "secret_in_text"),
    (32, "descriptor_forbidden_character"),
    (34, "below_minimum"),
    (37, "idempotency_key_retried"),
    (41, "idempotency_key_reused"),
    (43, "descriptor_no_letter"),
    (45, "suffix_too_long"),
    (47, "descriptor_on_card_payment"),
    (49, "descriptor_not_latin"),
    (52, "metadata_too_many_keys"),
    (54, "invalid_input"),
    (55, "metadata_value_too_long"),
    (57, "card_number_in_text"),
    (59, "metadata_key_bracket"),
    (61, "secret_in_text"),
    (64, "descriptor_forbidden_character"),
    (66, "below_minimum"),
    (69, "idempotency_key_retried"),
    (72, "idempotency_key_reused"),
    (74, "descriptor_no_letter"),
    (77, "suffix_too_long"),
    (79, "descriptor_on_card_payment"),
    (81, "descriptor_not_latin"),
    (83, "metadata_too_many_keys"),
    (85, "metadata_value_too_long"),
    (88, "card_number_in_text"),
    (90, "metadata_key_bracket"),
    (92, "secret_in_text"),
    (94, "descriptor_forbidden_character"),
    (96, "below_minimum"),
    (100, "idempotency_key_retried"),
    (102, "invalid_input"),
    (104, "idempotency_key_reused"),
    (106, "descriptor_no_letter"),
    (108, "suffix_too_long"),
    (110, "descriptor_on_card_payment"),
    (113, "descriptor_not_latin"),
    (115, "metadata_too_many_keys"),
    (117, "metadata_value_too_long"),
    (119, "card_number_in_text"),
    (121, "metadata_key_bracket"),
    (124, "secret_in_text"),
    (126, "descriptor_forbidden_character"),
    (128, "below_minimum"),
    (131, "idempotency_key_retried"),
    (134, "idempotency_key_reused"),
    (137, "descriptor_no_letter"),
    (139, "suffix_too_long"),
    (141, "descriptor_on_card_payment"),
    (143, "descriptor_not_latin"),
    (145, "metadata_too_many_keys"),
    (148, "metadata_value_too_long"),
    (150, "invalid_input"),
    (151, "card_number_in_text"),
    (153, "metadata_key_bracket"),
    (155, "secret_in_text"),
    (157, "descriptor_forbidden_character"),
    (160, "below_minimum"),
    (163, "idempotency_key_retried"),
    (166, "idempotency_key_reused"),
    (168, "descriptor_no_letter"),
    (170, "suffix_too_long"),
    (173, "descriptor_on_card_payment"),
    (175, "descriptor_not_latin"),
    (177, "metadata_too_many_keys"),
    (179, "metadata_value_too_long"),
    (181, "card_number_in_text"),
    (184, "metadata_key_bracket"),
    (186, "secret_in_text"),
    (188, "descriptor_forbidden_character"),
    (190, "below_minimum"),
    (193, "idempotency_key_retried"),
    (197, "idempotency_key_reused"),
    (199, "invalid_input"),
    (200, "descriptor_no_letter"),
    (202, "suffix_too_long"),
    (204, "descriptor_on_card_payment"),
    (206, "descriptor_not_latin"),
    (209, "metadata_too_many_keys"),
    (211, "metadata_value_too_long"),
    (213, "card_number_in_text"),
    (215, "metadata_key_bracket"),
    (217, "secret_in_text"),
    (220, "descriptor_forbidden_character"),
    (222, "below_minimum"),
    (225, "idempotency_key_retried"),
    (228, "idempotency_key_reused"),
    (230, "descriptor_no_letter"),
    (233, "suffix_too_long"),
    (235, "descriptor_on_card_payment"),
    (237, "descriptor_not_latin"),
    (239, "metadata_too_many_keys"),
    (241, "metadata_value_too_long"),
    (244, "card_number_in_text"),
    (246, "invalid_input"),
    (247, "metadata_key_bracket"),
    (249, "secret_in_text"),
    (251, "descriptor_forbidden_character"),
    (253, "below_minimum"),
    (257, "idempotency_key_retried"),
    (260, "idempotency_key_reused"),
    (262, "descriptor_no_letter"),
    (264, "suffix_too_long"),
    (266, "descriptor_on_card_payment"),
    (269, "descriptor_not_latin"),
    (271, "metadata_too_many_keys"),
    (273, "metadata_value_too_long"),
    (275, "card_number_in_text"),
    (277, "metadata_key_bracket"),
    (280, "secret_in_text"),
    (282, "descriptor_forbidden_character"),
    (284, "below_minimum"),
    (287, "idempotency_key_retried"),
    (290, "idempotency_key_reused"),
    (293, "descriptor_no_letter"),
    (295, "invalid_input"),
    (296, "suffix_too_long"),
    (298, "descriptor_on_card_payment"),
    (300, "descriptor_not_latin"),
    (302, "metadata_too_many_keys"),
    (305, "metadata_value_too_long"),
    (307, "card_number_in_text"),
    (309, "metadata_key_bracket"),
    (311, "secret_in_text"),
    (313, "descriptor_forbidden_character"),
];

/// rules §13 (issue 20): the realistic billing run of the README, answered line by line:
/// request rules (descriptors, metadata, descriptions, idempotency keys), sensitive data
/// never printed back, and the run checked as a whole (a reused key names the earlier line).
#[test]
fn check_payments_answers_the_billing_run_example() {
    let out = run(&[
        "check-payments",
        "examples/configs/billing-run.json",
        "examples/billing-run.jsonl",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let answers = answers(&out);
    assert_eq!(answers.len(), 313);
    let flagged: Vec<(u64, String)> = answers
        .iter()
        .filter_map(|a| {
            let code = a["code"]
                .as_str()
                .or_else(|| a["warnings"][0]["code"].as_str())?;
            Some((a["line"].as_u64().unwrap(), code.to_owned()))
        })
        .collect();
    let expected: Vec<(u64, String)> = BILLING_RUN
        .iter()
        .map(|(n, c)| (*n, (*c).to_owned()))
        .collect();
    assert_eq!(flagged, expected);
    let printed = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        !printed.contains("4242") && !printed.contains("EXAMPLEonly"),
        "a value was printed back"
    );
    // A reused key names the earlier line; a retry is accepted with a warning.
    let reused = answers
        .iter()
        .find(|a| a["code"] == "idempotency_key_reused")
        .unwrap();
    assert_eq!(
        reused["earlier_line"].as_u64().unwrap() + 1,
        reused["line"].as_u64().unwrap()
    );
    let retried = answers
        .iter()
        .find(|a| a["warnings"][0]["code"] == "idempotency_key_retried")
        .unwrap();
    assert_eq!(retried["ok"], true);
    let summary = String::from_utf8(out.stderr).unwrap();
    assert!(summary.contains("accepted: 186"), "{summary}");
    assert!(summary.contains("accepted with a warning: 10"), "{summary}");
    // `explain` prints the remedy the answer gives.
    let remedy = reused["remedy"].as_str().unwrap();
    let out = run(&["explain", "idempotency_key_reused"]);
    assert!(
        stdout(&out).contains(&format!("what to do: {remedy}")),
        "{}",
        stdout(&out)
    );
}

/// Issue 19: `explain --list --format json` gives, one line per code, the same document as
/// `explain CODE --format json`, every code of the catalogue once.
#[test]
fn explain_list_as_json_is_every_codes_document_one_per_line() {
    let out = run(&["explain", "--list", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let mut seen = BTreeSet::new();
    for line in stdout(&out).lines() {
        let doc: serde_json::Value = serde_json::from_str(line).expect("one document per line");
        let code = doc["code"].as_str().expect("a code").to_owned();
        let single = run(&["explain", &code, "--format", "json"]);
        let single: serde_json::Value = serde_json::from_slice(&single.stdout).unwrap();
        assert_eq!(doc, single, "{code}");
        assert!(seen.insert(code), "{line}");
    }
    let expected: BTreeSet<String> = stripe_gateway_rules::codes::catalogue()
        .map(|c| c.code.to_owned())
        .collect();
    assert_eq!(seen, expected);
}
