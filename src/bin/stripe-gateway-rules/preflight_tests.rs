//! Tests of the pre-flight's answer writer.

use crate::preflight::{json_str, json_string};

/// Issue 13: the answer's strings are JSON strings whatever they hold, wherever the byte
/// to escape sits (in a first block, the overlapping last one, or a short text), as
/// `serde_json` writes them.
#[test]
fn json_strings_are_escaped_wherever_the_byte_sits() {
    let specials = ['"', '\\', '\n', '\r', '\t', '\u{0}', '\u{1f}'];
    for len in 0..40 {
        for at in 0..=len {
            for special in specials {
                let mut text: String = "abcdefghijklmnopqrstuvwxyz0123456789ABCD"[..len].into();
                if at < len {
                    text.replace_range(at..=at, &special.to_string());
                }
                let mut out = Vec::new();
                json_string(&mut out, format_args!("{text}"));
                let expected = serde_json::to_string(&text).unwrap();
                assert_eq!(String::from_utf8(out).unwrap(), expected, "{text:?}");
                // The writer of texts already at hand (an echoed id) writes the same.
                let mut out = Vec::new();
                json_str(&mut out, &text);
                assert_eq!(String::from_utf8(out).unwrap(), expected, "{text:?}");
            }
        }
    }
    let mut out = Vec::new();
    json_string(&mut out, format_args!("é \u{7f} ünïcode"));
    assert_eq!(
        out,
        serde_json::to_string("é \u{7f} ünïcode")
            .unwrap()
            .as_bytes()
    );
}
