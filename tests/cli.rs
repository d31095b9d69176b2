//! The two command-line examples, run as a user runs them: `check_config` (the crate's main
//! job, issue 4) and `check_payments` (the billing-run pre-flight, issue 5). Exit statuses,
//! output shapes, hostile files, no secret in any output, and flat memory over 1,000,000 lines.

mod support;

use std::io::{BufRead, BufReader, Write};
use std::process::{Output, Stdio};

use support::{example, path, scratch};

fn run_check_config(args: &[&str]) -> Output {
    example("check_config")
        .args(args)
        .output()
        .expect("run check_config")
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

fn assert_no_secret(output: &str) {
    support::assert_no_secret("an example", output);
}

#[test]
fn check_config_exit_status_per_bundled_config() {
    let cases = [
        ("portabilling-usd.json", 0),
        ("portabilling-chf-settlement.json", 1),
        ("konnektive-v2.json", 0),
        ("konnektive-v1-new.json", 1),
        ("kartra-connect.json", 0),
        ("iconduct-connector-test.json", 0),
        ("cdata-oauth2.json", 0),
        ("everything-wrong.json", 1),
    ];
    for (file, status) in cases {
        let file = path(&format!("examples/configs/{file}"));
        let file = file.to_str().unwrap();
        for json in [false, true] {
            let args: Vec<&str> = if json {
                vec![file, "--json"]
            } else {
                vec![file]
            };
            let out = run_check_config(&args);
            assert_eq!(
                out.status.code(),
                Some(status),
                "{file} json={json}\n{}",
                text(&out)
            );
            assert_no_secret(&text(&out));
            if json {
                let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
                assert_eq!(report["valid"], status == 0, "{file}");
                assert!(report["violations"].is_array());
            }
        }
    }
}

#[test]
fn check_config_human_output_groups_errors_then_warnings_with_remedies() {
    let out = run_check_config(&[path("examples/configs/everything-wrong.json")
        .to_str()
        .unwrap()]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("invalid: 12 errors, 3 warnings"),
        "{stdout}"
    );
    let first_warning = stdout.find("\nwarning[").unwrap();
    let last_error = stdout.rfind("\nerror[").unwrap();
    assert!(last_error < first_warning, "errors come first:\n{stdout}");
    assert!(stdout.contains("  remedy: "), "{stdout}");
    let out = run_check_config(&[path("examples/configs/portabilling-usd.json")
        .to_str()
        .unwrap()]);
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("api_key sk_live_…0042"),
        "secrets only redacted: {stdout}"
    );
}

#[test]
fn check_config_hostile_files_exit_2_and_never_panic() {
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
        let out = run_check_config(&[file.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{name}: {}", text(&out));
        assert!(!text(&out).contains("panicked"), "{name}: {}", text(&out));
        assert_no_secret(&text(&out));
        let out = run_check_config(&[file.to_str().unwrap(), "--json"]);
        assert_eq!(out.status.code(), Some(2), "{name} --json");
        let value: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(value["file_error"].is_string(), "{name}");
        assert!(value["error"]["code"].is_string(), "{name}");
        assert!(value["error"]["line"].is_u64(), "{name}");
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
        let out = run_check_config(&[file.to_str().unwrap(), "--json"]);
        assert_eq!(out.status.code(), Some(1), "{name}: {}", text(&out));
        assert_no_secret(&text(&out));
        assert!(text(&out).contains(code), "{name}: {}", text(&out));
    }
    let out = run_check_config(&["/nonexistent/config.json"]);
    assert_eq!(out.status.code(), Some(2));
    let out = run_check_config(&[]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn check_config_reports_bad_values_as_violations_with_secrets_redacted() {
    let file = scratch("secret-in-wrong-field.json");
    std::fs::write(
        &file,
        r#"{"name":"x","version":"sk_live_EXAMPLEonlyNotARealKey0042","mode":"live",
            "auth":{"scheme":"api_key","secret_key":"sk_live_EXAMPLEonlyNotARealKey0042"},
            "publishable_key":"sk_live_EXAMPLEonlyNotARealKey0042",
            "account":{"settlement_currency":"sk_live_EXAMPLEonlyNotARealKey0042"},
            "card_brands":["sk_live_EXAMPLEonlyNotARealKey0042"],
            "currencies":[{"currency":"USD","minimum_payment":"sk_live_EXAMPLEonlyNotARealKey0042"}]}"#,
    )
    .unwrap();
    for args in [
        vec![file.to_str().unwrap()],
        vec![file.to_str().unwrap(), "--json"],
    ] {
        let out = run_check_config(&args);
        assert_eq!(out.status.code(), Some(1), "{}", text(&out));
        assert_no_secret(&text(&out));
    }
}

fn run_check_payments(config: &str, ops: &str) -> Output {
    example("check_payments")
        .args([path(config).to_str().unwrap(), ops])
        .output()
        .expect("run check_payments")
}

#[test]
fn check_payments_answers_every_line_once_in_order() {
    let out = run_check_payments(
        "examples/configs/portabilling-usd.json",
        path("examples/operations.jsonl").to_str().unwrap(),
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let answers: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(&l.unwrap()).unwrap())
        .collect();
    let input_lines = std::fs::read_to_string(path("examples/operations.jsonl"))
        .unwrap()
        .lines()
        .count();
    assert_eq!(answers.len(), input_lines);
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
}

#[test]
fn check_payments_exit_statuses() {
    let all_ok = scratch("ok.jsonl");
    std::fs::write(&all_ok, "{\"op\":\"delete_payment_method\"}\n{\"op\":\"authorize\",\"amount\":\"1.00\",\"currency\":\"USD\",\"card\":\"saved\"}").unwrap();
    let out = run_check_payments(
        "examples/configs/portabilling-usd.json",
        all_ok.to_str().unwrap(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(
        out.stdout.lines().count(),
        2,
        "a last line without newline counts"
    );

    let out = run_check_payments(
        "examples/configs/portabilling-usd.json",
        "/nonexistent.jsonl",
    );
    assert_eq!(out.status.code(), Some(2));
    let out = run_check_payments(
        "examples/configs/everything-wrong.json",
        all_ok.to_str().unwrap(),
    );
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
    let out = run_check_payments(
        "examples/configs/portabilling-usd.json",
        odd.to_str().unwrap(),
    );
    let codes: Vec<String> = out
        .stdout
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(&l.unwrap()).unwrap();
            v["code"].as_str().unwrap_or("ok").to_owned()
        })
        .collect();
    assert_eq!(
        codes,
        [
            "void_unsupported",
            "invalid_input",
            "invalid_input",
            "invalid_input",
            "ok"
        ]
    );
}

/// Issue 5: a 1,000,000-line run answers every line exactly once, and its peak memory is the
/// same as a 1,000-line run's (streaming: memory stays flat for any file size). The lines go
/// through standard input from a writer thread, so no large file is written.
#[test]
fn check_payments_streams_a_million_lines_in_flat_memory() {
    fn run(lines: u64) -> (u64, u64) {
        let mut child = example("check_payments")
            .args([
                path("examples/configs/portabilling-usd.json")
                    .to_str()
                    .unwrap(),
                "-",
                "--stats",
            ])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn check_payments");
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
            // Cheap checks per line: the line number in order, and a verdict.
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
        assert_eq!(
            ok,
            lines.div_ceil(4) + lines / 4 + u64::from(lines % 4 > 2),
            "accepted lines"
        );
        let stderr = String::from_utf8(output.stderr).unwrap();
        let kb: u64 = stderr
            .split("peak memory: ")
            .nth(1)
            .and_then(|s| s.trim().strip_suffix(" kB"))
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("no peak memory in {stderr:?}"));
        (lines, kb)
    }
    let (_, small) = run(1_000);
    let (_, large) = run(1_000_000);
    assert!(
        large <= small + 2048,
        "peak memory grew from {small} kB (1,000 lines) to {large} kB (1,000,000 lines)"
    );
}
