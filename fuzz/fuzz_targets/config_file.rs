//! A configuration file: `GatewayConfig::from_json`, then `validate`. Nothing panics, and no
//! secret-looking body in the input (`sk_`/`rk_` test or live keys, `whsec_`, 16+ letters and
//! digits) appears in the file error or in the report (its `Display` and JSON, every
//! violation's path, message and remedy).
//!
//! Seeds: `fuzz/seed.sh` copies `examples/configs/*.json` into `fuzz/corpus/config_file/`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stripe_gateway_rules::config::GatewayConfig;

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

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let bodies = secret_bodies(json);
    let config = match GatewayConfig::from_json(json) {
        Ok(config) => config,
        Err(e) => {
            assert_clean(&e.to_string(), &bodies);
            return;
        }
    };
    let report = match config.validate() {
        Ok(gateway) => {
            assert!(gateway.report().is_valid());
            gateway.report()
        }
        Err(report) => {
            assert!(!report.is_valid());
            report
        }
    };
    assert_clean(&report.to_string(), &bodies);
    assert_clean(
        &serde_json::to_string(&report).expect("a report serializes"),
        &bodies,
    );
    for v in report.violations() {
        assert_clean(v.path(), &bodies);
        assert_clean(v.message(), &bodies);
        assert_clean(v.remedy().unwrap_or_default(), &bodies);
    }
});
