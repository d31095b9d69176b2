//! Issue 21: a field's *name* is input like any value. Every excerpt of input (a value, an
//! unknown field's name in a message, a path segment) is cut by one rule, which takes a run
//! of 16 or more ASCII letters or digits with no separator for a possible secret, whatever
//! its letters (a real field name never is one). Rule: rules §1, "no secret in any output".
//!
//! The two inputs are the `config_file` fuzz target's findings of issue 21 (shortened), and
//! the issue's minimal form of them.

mod support;

use proptest::prelude::*;
use stripe_gateway_rules::ViolationCode;
use stripe_gateway_rules::config::Form;

/// The issue's minimal form: an unknown field whose name is a key body of letters only.
const MINIMAL: &str = r#"{
  "platform": "portabilling", "name": "Stripe", "login": "admin1", "mode": "test",
  "auth": { "scheme": "api_key", "secret_key": "sk_test_4eC39HqLyjWDarjtT1zdp7dc" },
  "account": { "settlement_currency": "USD" }, "data_protection": "token_only",
  "card_brands": ["visa"], "currencies": [{ "currency": "USD", "minimum_payment": "0.50" }],
  "EXAMPLEonlyNotARealKeyBodyAbCdEfGh": "oops"
}"#;

/// Fuzz finding 1 (shortened): the body of the file's secret key spliced into the name of an
/// unknown field of `auth`.
const FINDING_AUTH: &str = r#"{
  "platform": "portabilling", "name": "Stripe", "login": "admin1", "mode": "live",
  "auth": { "scheme": "api_key", "secret_key": "sk_live_EXAMPLEonlyNotartra",
            "publEXAMPLEonlyNotartraishablublishable_key": "ARealOey0043" },
  "account": { "settlement_currency": "USD" }, "data_protection": "token_only",
  "card_brands": ["visa"], "currencies": [{ "currency": "USD", "minimum_payment": "0.50" }]
}"#;

/// Fuzz finding 2 (shortened): the key's body (letters only up to its `+`) as a field name at
/// the top.
const FINDING_TOP: &str = r#"{
  "platform": "portabilling", "name": "Stripe", "login": "admin1", "mode": "live",
  "auth": { "scheme": "api_key", "secret_key": "sk_live_EzXAMPLEonlyNotAR+alKey0042" },
  "account": { "settlement_currency": "USD" }, "data_protection": "token_only",
  "card_brands": ["visa"], "currencies": [{ "currency": "USD", "minimum_payment": "0.50" }],
  "nameEzXAMPLEonlyNotAR": "x"
}"#;

/// Fuzz finding 3 (the fuzzer's input, whole): a marker glued after letters. The field name
/// `client_ipppppppppppwhsec_pppppppppppwhsec_…` holds a webhook secret whose body is
/// `pppppppppppwhsec`; the excerpt was cut just after the first `whsec_`, which kept
/// `ipppppppppppwhsec`, a run of 17 letters reaching 16 through the marker's own letters, and
/// with it the body.
const FINDING_GLUED: &str = r#"{
  "platform": "data_connector",
  "name": "Sipe via OAutca_Fkyx",
  "auth": {
    "scheme": "oauth2",
    "client_ipppppppppppwhsec_pppppppppppwhsec_pppppppppppppppppppppppppt(ppppppppppppppppmodeppppppppppppppppppppppppd": "ca_FkyHCg7X8mlFv"
  }
}"#;

/// The same shape built by hand in the other places a name or value is excerpted: each
/// marker glued after letters or digits, so that the run before it reaches 16 with the
/// marker's letters, and a secret whose body is that run follows.
const GLUED_TOP: &str = r#"{
  "platform": "portabilling", "name": "Stripe", "login": "admin1", "mode": "test",
  "auth": { "scheme": "api_key", "secret_key": "sk_test_4eC39HqLyjWDarjtT1zdp7dc" },
  "account": { "settlement_currency": "USD" }, "data_protection": "token_only",
  "card_brands": ["visa"], "currencies": [{ "currency": "USD", "minimum_payment": "0.50" }],
  "x0Ab9Cd8Ef7Gh6Isk_live_x0Ab9Cd8Ef7Gh6Isk": "oops"
}"#;

/// A restricted key's marker glued in a field of a list entry (a nested path).
const GLUED_NESTED: &str = r#"{
  "platform": "portabilling", "name": "Stripe", "login": "admin1", "mode": "test",
  "auth": { "scheme": "api_key", "secret_key": "sk_test_4eC39HqLyjWDarjtT1zdp7dc" },
  "account": { "settlement_currency": "USD" }, "data_protection": "token_only",
  "card_brands": ["visa"],
  "currencies": [{ "currency": "USD", "minimum_payment": "0.50",
                   "amountQrStUvWxYZrk_test_amountQrStUvWxYZrk": 1 }]
}"#;

/// Markers glued in values: the mode, and an entry of a list.
const GLUED_VALUES: &str = r#"{
  "platform": "portabilling", "name": "Stripe", "login": "admin1",
  "mode": "testtesttesttWHSEC_testtesttesttWHSEC",
  "auth": { "scheme": "api_key", "secret_key": "sk_test_4eC39HqLyjWDarjtT1zdp7dc" },
  "account": { "settlement_currency": "USD" }, "data_protection": "token_only",
  "card_brands": ["visa", "visamastercardsk_test_visamastercardsk"],
  "currencies": [{ "currency": "USD", "minimum_payment": "0.50" }]
}"#;

/// Each input with the secret body that must never be printed.
const CASES: [(&str, &str); 3] = [
    (MINIMAL, "EXAMPLEonlyNotARealKeyBodyAbCdEfGh"),
    (FINDING_AUTH, "EXAMPLEonlyNotartra"),
    (FINDING_TOP, "EzXAMPLEonlyNotAR"),
];

/// The glued-marker inputs, each with the secret body that must never be printed and the
/// code reported for it.
const GLUED_CASES: [(&str, &str, ViolationCode); 5] = [
    (
        FINDING_GLUED,
        "pppppppppppwhsec",
        ViolationCode::UnknownField,
    ),
    (GLUED_TOP, "x0Ab9Cd8Ef7Gh6Isk", ViolationCode::UnknownField),
    (
        GLUED_NESTED,
        "amountQrStUvWxYZrk",
        ViolationCode::UnknownField,
    ),
    (
        GLUED_VALUES,
        "testtesttesttWHSEC",
        ViolationCode::InvalidValue,
    ),
    (
        GLUED_VALUES,
        "visamastercardsk",
        ViolationCode::InvalidValue,
    ),
];

/// Whether any 12 characters of `body` in a row, in any letter case, appear in `output`.
fn leaks(output: &str, body: &str) -> Option<String> {
    let output = output.to_ascii_lowercase();
    let body = body.to_ascii_lowercase();
    let chars: Vec<char> = body.chars().collect();
    chars
        .windows(12)
        .map(|w| w.iter().collect::<String>())
        .find(|w| output.contains(w.as_str()))
}

fn every_library_output(json: &str) -> Vec<String> {
    let loaded = Form::from_json(json).expect("a JSON object of the format");
    let report = loaded.check(&loaded.profile());
    let mut outputs = vec![
        format!("{:?}", loaded.form()),
        format!("{loaded:?}"),
        format!("{report}"),
        format!("{report:?}"),
        format!("{report:#?}"),
        serde_json::to_string(&report).unwrap(),
    ];
    for v in report.violations() {
        outputs.push(v.path().to_string());
        outputs.push(v.to_string());
        outputs.push(v.remedy().unwrap_or_default().to_owned());
    }
    outputs
}

/// rules §1: an unknown field named like a key body is reported without the body.
#[test]
fn an_unknown_field_named_like_a_key_body_is_reported_without_the_body() {
    for (json, body) in CASES {
        let loaded = Form::from_json(json).unwrap();
        let report = loaded.check(&loaded.profile());
        assert!(
            report.has(ViolationCode::UnknownField),
            "the unknown field is still reported: {report}"
        );
        for output in every_library_output(json) {
            assert_eq!(leaks(&output, body), None, "{output}");
        }
    }
}

/// rules §1: a secret marker glued after letters or digits (the fuzz finding
/// `pppppppppppwhsec…`, and the same in a nested path, a value and a list entry) lets no body
/// through the loader or the report (`Display`, `Debug`, JSON, each violation).
#[test]
fn a_marker_glued_after_letters_is_reported_without_the_body() {
    for (json, body, code) in GLUED_CASES {
        let loaded = Form::from_json(json).unwrap();
        let report = loaded.check(&loaded.profile());
        assert!(report.has(code), "{code:?} is still reported: {report}");
        for output in every_library_output(json) {
            assert_eq!(leaks(&output, body), None, "{output}");
        }
    }
}

/// rules §1: the glued run is cut before it, and what stands before it is kept: the path
/// still says which object the field was in, and the message how long the name was.
#[test]
fn a_name_cut_before_a_glued_marker_keeps_what_stands_before_it() {
    let loaded = Form::from_json(FINDING_GLUED).unwrap();
    let report = loaded.check(&loaded.profile());
    let unknown = report
        .with_code(ViolationCode::UnknownField)
        .next()
        .expect("unknown field in auth");
    assert!(
        unknown.path().to_string().starts_with("auth.client_"),
        "{}",
        unknown.path()
    );
    assert!(unknown.to_string().contains("(114 bytes)"), "{unknown}");
}

/// rules §1: a cut field name still says how long it was and where it was.
#[test]
fn a_cut_field_name_still_says_how_long_it_was_and_where_it_was() {
    let loaded = Form::from_json(FINDING_AUTH).unwrap();
    let report = loaded.check(&loaded.profile());
    let unknown = report
        .with_code(ViolationCode::UnknownField)
        .next()
        .expect("unknown field in auth");
    // The path still says which object the field was in.
    assert!(
        unknown.path().to_string().starts_with("auth."),
        "{}",
        unknown.path()
    );
    // The message still says how long the name was.
    assert!(unknown.to_string().contains("(43 bytes)"), "{unknown}");
}

/// rules §1: a cut field name still names the closest known field.
#[test]
fn a_cut_field_name_still_names_the_closest_field() {
    // A misspelled name beside a body: the suggestion is worked out from the whole name and
    // names a field of the format, which is never secret.
    let json = MINIMAL.replace(
        "\"EXAMPLEonlyNotARealKeyBodyAbCdEfGh\": \"oops\"",
        "\"radarr\": true",
    );
    let loaded = Form::from_json(&json).unwrap();
    let report = loaded.check(&loaded.profile());
    let unknown = report
        .with_code(ViolationCode::UnknownField)
        .next()
        .unwrap();
    assert!(
        unknown.to_string().contains("did you mean `radar`"),
        "{unknown}"
    );
}

#[cfg(feature = "cli")]
fn tool(args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_stripe-gateway-rules"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("run the tool");
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// rules §1: `check-config` prints no body of a field name, in any format.
#[cfg(feature = "cli")]
#[test]
fn check_config_prints_no_body_of_a_field_name_in_any_format() {
    for (i, (json, body)) in CASES.iter().enumerate() {
        let file = support::scratch(&format!("field_name_excerpts_{i}.json"));
        std::fs::write(&file, json).unwrap();
        let file = file.to_str().unwrap();
        for format in ["human", "json", "junit"] {
            let output = tool(&["check-config", "--format", format, file]);
            assert!(output.contains("unknown_field"), "{format}: {output}");
            assert_eq!(leaks(&output, body), None, "{format}: {output}");
        }
    }
}

/// rules §1: `check-config` prints no body of a marker glued after letters, in any format.
#[cfg(feature = "cli")]
#[test]
fn check_config_prints_no_body_after_a_glued_marker_in_any_format() {
    for (i, (json, body, code)) in GLUED_CASES.iter().enumerate() {
        let file = support::scratch(&format!("field_name_excerpts_glued_{i}.json"));
        std::fs::write(&file, json).unwrap();
        let file = file.to_str().unwrap();
        for format in ["human", "json", "junit"] {
            let output = tool(&["check-config", "--format", format, file]);
            assert!(output.contains(code.as_str()), "{format}: {output}");
            assert_eq!(leaks(&output, body), None, "{format}: {output}");
        }
    }
}

/// The secret markers of the excerpt rule, as a key or a webhook secret begins.
const MARKERS: [&str; 7] = [
    "sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_", "sk_", "rk_",
];

/// `json` (the issue's minimal form) with `text` put at `place`: 0, the name of a field at the
/// top; 1, of a field of `auth`; 2, of a field of a currency (a list entry); 3, the mode's
/// value; 4, an entry of the card brands; 5, the gateway's name.
fn put(text: &str, place: u8) -> String {
    let (from, to) = match place {
        0 => (
            "\"EXAMPLEonlyNotARealKeyBodyAbCdEfGh\"",
            format!("\"{text}\""),
        ),
        1 => ("\"secret_key\":", format!("\"{text}\": 1, \"secret_key\":")),
        2 => (
            "\"minimum_payment\":",
            format!("\"{text}\": 1, \"minimum_payment\":"),
        ),
        3 => ("\"mode\": \"test\"", format!("\"mode\": \"{text}\"")),
        4 => ("[\"visa\"]", format!("[\"visa\", \"{text}\"]")),
        _ => ("\"name\": \"Stripe\"", format!("\"name\": \"{text}\"")),
    };
    MINIMAL.replace(from, &to)
}

/// A marker in lower or upper case.
fn cased(marker: &str, upper: bool) -> String {
    if upper {
        marker.to_ascii_uppercase()
    } else {
        marker.to_owned()
    }
}

proptest! {
    /// rules §1 (issue 21's property): a field name built from any secret body of 16 to 99 letters
    /// (no digits), with or without its prefix, at any position of the name, never appears 12
    /// characters at a time in any output of the loader and the report.
    #[test]
    fn a_letters_only_body_in_a_field_name_never_reaches_an_output(
        body in "[A-Za-z]{16,99}",
        prefix in prop::sample::select(vec!["", "sk_live_", "sk_test_", "rk_live_", "whsec_"]),
        before in "[a-z_]{0,12}",
        after in "[a-z_]{0,12}",
        in_auth in any::<bool>(),
    ) {
        let name = format!("{before}{prefix}{body}{after}");
        let json = if in_auth {
            MINIMAL.replace(
                "\"secret_key\":",
                &format!("\"{name}\": 1, \"secret_key\":"),
            )
        } else {
            MINIMAL.replace("EXAMPLEonlyNotARealKeyBodyAbCdEfGh", &name)
        };
        for output in every_library_output(&json) {
            prop_assert_eq!(leaks(&output, &body), None, "{}", output);
        }
    }

    /// rules §1 (the open fuzz finding of issue 21): any secret marker, in either case, glued
    /// after any run of letters or digits, at any position of a field name or a value (at the
    /// top, in `auth`, in a list entry), never lets 12 characters of its body in a row into any
    /// output of the loader and the report.
    #[test]
    fn a_marker_glued_after_any_run_never_lets_its_body_through(
        run in "[A-Za-z0-9]{1,40}",
        marker in prop::sample::select(MARKERS.to_vec()),
        upper in any::<bool>(),
        body in "[A-Za-z0-9]{16,99}",
        before in "[a-z_.]{0,12}",
        after in "[a-z_]{0,12}",
        place in 0u8..6,
    ) {
        let text = format!("{before}{run}{}{body}{after}", cased(marker, upper));
        for output in every_library_output(&put(&text, place)) {
            prop_assert_eq!(leaks(&output, &body), None, "{}", output);
        }
    }

    /// rules §1 (the fuzzer's shape): when the run a marker is glued to reaches 16 letters or
    /// digits with the marker's own letters, that run is the body of a secret as much as what
    /// follows the marker (`…pppwhsec_pppwhsec`), and no 12 characters of it in a row reach
    /// an output.
    #[test]
    fn a_run_reaching_16_through_a_glued_marker_never_reaches_an_output(
        (marker, run) in prop::sample::select(MARKERS.to_vec()).prop_flat_map(|marker| {
            let letters = marker.find('_').unwrap();
            (Just(marker), proptest::string::string_regex(
                &format!("[A-Za-z0-9]{{{},40}}", 16 - letters),
            ).unwrap())
        }),
        upper in any::<bool>(),
        before in "[a-z_.]{0,12}",
        place in 0u8..6,
    ) {
        let marker = cased(marker, upper);
        let letters = &marker[..marker.find('_').unwrap()];
        let glued = format!("{run}{letters}");
        let text = format!("{before}{run}{marker}{glued}{marker}{run}");
        for output in every_library_output(&put(&text, place)) {
            prop_assert_eq!(leaks(&output, &glued), None, "{}", output);
        }
    }
}
