//! API versions (S1 "API Version"; stripe-facts §9): `ApiVersion::from_str` on any text.
//! Nothing panics; an accepted version prints back exactly as given, parses back to itself,
//! and serializes to the same text; every error has a code.
//!
//! No leak: a marker secret derived from the input (see `fuzz/src/lib.rs`), alone and
//! spliced into the text (where a release name would go, say), goes through the parser; no
//! 12-character window of its body may appear in the error (`Display`, `Debug`, its kind's
//! `Debug`) or the version's `Display`, `Debug` and JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stripe_gateway_rules::api_version::ApiVersion;
use stripe_gateway_rules_fuzz::{Marker, Rng};

fn check(text: &str, m: Option<&Marker>) {
    match text.parse::<ApiVersion>() {
        Ok(version) => {
            assert_eq!(version.to_string(), text);
            assert_eq!(version.to_string().parse::<ApiVersion>(), Ok(version));
            let json = serde_json::to_string(&version).expect("a version serializes");
            assert_eq!(
                serde_json::from_str::<ApiVersion>(&json).ok(),
                Some(version)
            );
            if version.release_name().is_some() {
                assert!(text.contains('.'), "a release name without a dot: {text}");
            }
            if let Some(m) = m {
                m.assert_display_debug("ApiVersion", &version);
                m.assert_json("ApiVersion", &version);
            }
        }
        Err(e) => {
            assert!(!e.code().as_str().is_empty());
            assert!(!e.to_string().is_empty());
            if let Some(m) = m {
                m.assert_display_debug("ApiVersionError", &e);
                m.assert_display_debug("ApiVersionError found", e.found());
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let mut rng = Rng::from_input(data);
    let marker = Marker::new(&mut rng);
    check(&marker.pasted, Some(&marker));
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    check(text, None);
    check(&marker.splice(text, &mut rng), Some(&marker));
    // After a plausible date, where a release name goes.
    check(&format!("2025-05-01.{}", marker.pasted), Some(&marker));
    // Through serde, as a string value.
    let json = serde_json::to_string(&marker.splice(text, &mut rng)).expect("a string serializes");
    if let Err(e) = serde_json::from_str::<ApiVersion>(&json) {
        marker.assert_display_debug("ApiVersion serde error", &e);
    }
});
