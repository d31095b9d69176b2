//! A configuration file: `Form::from_json`, then the loaded file's `check` and
//! `validate`, which give the same findings. Nothing panics, and no
//! secret-looking body in the input (`sk_`/`rk_` test or live keys, `whsec_`, 16+ letters and
//! digits) appears in the file error or in the report (its `Display` and JSON, every
//! violation's path, message and remedy).
//!
//! No leak, for every field: a marker secret derived from the input (see `fuzz/src/lib.rs`)
//! is put into the configuration (a key or a value of the parsed JSON, or spliced into the
//! text when it is not JSON), and no 12-character window of its body may appear in the file
//! error (`Display`, `Debug`), the configuration's `Debug`, the report (`Display`, `Debug`,
//! JSON) or the validated form's `Debug`.
//!
//! Seeds: `fuzz/seed.sh` copies `examples/configs/*.json` into `fuzz/corpus/config_file/`
//! (`billing-run.json` among them: the account's `statement_descriptor` and
//! `statement_descriptor_prefix`, issue 20, whose errors name the field, never the value).
#![no_main]

use libfuzzer_sys::fuzz_target;
use stripe_gateway_rules::config::Form;
use stripe_gateway_rules_fuzz::{Marker, Rng};

const PREFIXES: [&str; 5] = ["sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_"];

/// The bodies of the secret-looking strings in `s`: the letters and digits after a secret
/// prefix, when there are 16 or more.
fn secret_bodies(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for prefix in PREFIXES {
        for (i, _) in s.match_indices(prefix) {
            let rest = &s[i + prefix.len()..];
            let len = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
            if len >= 16 {
                out.push(&rest[..len]);
            }
        }
    }
    out
}

fn assert_clean(text: &str, bodies: &[&str]) {
    for body in bodies {
        assert!(
            !text.contains(body),
            "secret body {body:?} leaked into: {text}"
        );
    }
}

/// `Form::from_json` and `validate` on `json`, which holds the marker.
fn check_no_leak(json: &str, m: &Marker) {
    let loaded = match Form::from_json(json) {
        Ok(loaded) => loaded,
        Err(e) => {
            m.assert_display_debug("ConfigFileError", &e);
            return;
        }
    };
    m.assert_debug("Loaded", &loaded);
    // The form of the kind the file's platform picks, alone: its `Debug` and its report.
    m.assert_debug("Form", loaded.form());
    let alone = loaded.form().check(&loaded.profile());
    m.assert_display_debug("the form's report", &alone);
    m.assert_json("the form's report", &alone);
    match loaded.validate(&loaded.profile()) {
        Ok(form) => {
            m.assert_debug("ValidatedForm", &form);
            let report = form.report();
            m.assert_display_debug("report", &report);
            m.assert_json("report", &report);
        }
        Err(report) => {
            m.assert_display_debug("report", &report);
            m.assert_json("report", &report);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let mut rng = Rng::from_input(data);
    let marker = Marker::new(&mut rng);
    check_no_leak(&marker.embed_json_text(json, &mut rng), &marker);
    let bodies = secret_bodies(json);
    let loaded = match Form::from_json(json) {
        Ok(loaded) => loaded,
        Err(e) => {
            assert_clean(&e.to_string(), &bodies);
            return;
        }
    };
    let profile = loaded.profile();
    let report = loaded.check(&profile);
    match loaded.validate(&profile) {
        Ok(form) => {
            assert!(report.is_valid());
            assert_eq!(form.report(), report, "validate and check disagree");
        }
        Err(refused) => {
            assert!(!report.is_valid());
            assert_eq!(refused, report, "validate and check disagree");
        }
    }
    assert_clean(&report.to_string(), &bodies);
    assert_clean(
        &serde_json::to_string(&report).expect("a report serializes"),
        &bodies,
    );
    for v in report.violations() {
        assert_clean(&v.path().to_string(), &bodies);
        assert_clean(v.message(), &bodies);
        assert_clean(v.remedy().unwrap_or_default(), &bodies);
    }
});
