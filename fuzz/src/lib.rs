//! The no-leak property shared by every fuzz target.
//!
//! A *marker secret* is derived from each fuzz input (a hash of it, so the corpus files stay
//! plain inputs): a Stripe secret or restricted key (`sk_live_`, `sk_test_`, `rk_live_`,
//! `rk_test_`) or a webhook secret (`whsec_`) with a body of 24 to 99 ASCII letters and digits,
//! pasted in one of the ways people paste: bare, quoted, after a space, after `Bearer `, in
//! upper case, or with a trailing newline. The targets put it into a field of their input
//! ([`Marker::embed_json`], [`Marker::splice`]) and hand every output the crate produces
//! (`Display`, `Debug`, serde JSON) to [`Marker::assert_clean`], which fails when any
//! 12-character window of the body appears in it, in any letter case.
//!
//! Known findings (bugs reported in `tests/fuzz_findings.rs`, not fixed yet) are skipped so
//! that fuzzing can go on looking for new ones; `FUZZ_STRICT=1` checks them too.

use std::collections::HashSet;
use std::sync::OnceLock;

use serde_json::Value;

/// Length of the windows of the body that must not appear in any output.
pub const WINDOW: usize = 12;

const PREFIXES: [&str; 5] = ["sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_"];
const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/// How the marker was pasted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paste {
    /// As is.
    Bare,
    /// In double quotes.
    Quoted,
    /// After a space.
    LeadingSpace,
    /// After `Bearer `.
    Bearer,
    /// Prefix and body in upper case.
    UpperCase,
    /// With a trailing newline.
    Newline,
}

const PASTES: [Paste; 6] = [
    Paste::Bare,
    Paste::Quoted,
    Paste::LeadingSpace,
    Paste::Bearer,
    Paste::UpperCase,
    Paste::Newline,
];

/// A small deterministic generator (splitmix64), seeded from the fuzz input.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// Seeded with an FNV-1a hash of `data`.
    #[must_use]
    pub fn from_input(data: &[u8]) -> Self {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for &b in data {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        Rng(h)
    }

    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number below `n` (`n` > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// A secret derived from the fuzz input, and how it was pasted.
#[derive(Debug, Clone)]
pub struct Marker {
    /// The secret as pasted into a field (decorations included).
    pub pasted: String,
    /// How it was pasted.
    pub paste: Paste,
    /// The body, lowercase (outputs are compared case-insensitively).
    body: Vec<u8>,
    windows: HashSet<[u8; WINDOW]>,
}

impl Marker {
    /// A marker for this input: prefix, body length (24 to 99), body and paste style are
    /// drawn from `rng`.
    pub fn new(rng: &mut Rng) -> Self {
        let prefix = PREFIXES[rng.below(PREFIXES.len())];
        let len = 24 + rng.below(76);
        let body: String = (0..len)
            .map(|_| char::from(ALNUM[rng.below(ALNUM.len())]))
            .collect();
        let paste = PASTES[rng.below(PASTES.len())];
        let key = format!("{prefix}{body}");
        let pasted = match paste {
            Paste::Bare => key,
            Paste::Quoted => format!("\"{key}\""),
            Paste::LeadingSpace => format!(" {key}"),
            Paste::Bearer => format!("Bearer {key}"),
            Paste::UpperCase => key.to_ascii_uppercase(),
            Paste::Newline => format!("{key}\n"),
        };
        let body = body.to_ascii_lowercase().into_bytes();
        let windows = body
            .windows(WINDOW)
            .map(|w| w.try_into().expect("a window of WINDOW bytes"))
            .collect();
        Marker {
            pasted,
            paste,
            body,
            windows,
        }
    }

    /// The marker's body, lowercase.
    #[must_use]
    pub fn body(&self) -> &str {
        std::str::from_utf8(&self.body).unwrap_or_default()
    }

    /// Whether `text` holds a 12-character window of the body, in any letter case.
    #[must_use]
    pub fn leaks_into(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if !bytes[i].is_ascii_alphanumeric() {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if i - start >= WINDOW {
                for w in bytes[start..i].windows(WINDOW) {
                    let mut lower = [0u8; WINDOW];
                    for (l, b) in lower.iter_mut().zip(w) {
                        *l = b.to_ascii_lowercase();
                    }
                    if self.windows.contains(&lower) {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// Fails when `text`, the output `channel`, holds a window of the body.
    pub fn assert_clean(&self, channel: &str, text: &str) {
        assert!(
            !self.leaks_into(text),
            "the secret {:?} (pasted {:?}) leaked into {channel}: {text}",
            self.pasted,
            self.paste
        );
    }

    /// [`assert_clean`](Self::assert_clean) for a channel with a known finding: checked only
    /// with `FUZZ_STRICT=1`.
    pub fn assert_clean_known(&self, finding: &str, channel: &str, text: &str) {
        if strict() {
            self.assert_clean(&format!("{channel} (known finding {finding})"), text);
        }
    }

    /// `Display` and `Debug` of `value`.
    pub fn assert_display_debug<T: std::fmt::Display + std::fmt::Debug>(
        &self,
        channel: &str,
        value: &T,
    ) {
        self.assert_clean(&format!("{channel} (Display)"), &value.to_string());
        self.assert_clean(&format!("{channel} (Debug)"), &format!("{value:?}"));
        self.assert_clean(
            &format!("{channel} (Debug, pretty)"),
            &format!("{value:#?}"),
        );
    }

    /// `Debug` of `value`.
    pub fn assert_debug<T: std::fmt::Debug>(&self, channel: &str, value: &T) {
        self.assert_clean(&format!("{channel} (Debug)"), &format!("{value:?}"));
        self.assert_clean(
            &format!("{channel} (Debug, pretty)"),
            &format!("{value:#?}"),
        );
    }

    /// serde JSON of `value`.
    pub fn assert_json<T: serde::Serialize>(&self, channel: &str, value: &T) {
        let json = serde_json::to_string(value).expect("serializes");
        self.assert_clean(&format!("{channel} (JSON)"), &json);
    }

    /// `text` with the marker inserted at a character boundary chosen by `rng`.
    pub fn splice(&self, text: &str, rng: &mut Rng) -> String {
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let at = boundaries[rng.below(boundaries.len())];
        let mut out = String::with_capacity(text.len() + self.pasted.len());
        out.push_str(&text[..at]);
        out.push_str(&self.pasted);
        out.push_str(&text[at..]);
        out
    }

    /// Puts the marker into `value` at a place chosen by `rng`: a key of an object, or a
    /// leaf (replaced by the marker, or, for a string, followed by it). Returns `false` when
    /// `value` has no place (an empty object or array).
    pub fn embed_json(&self, value: &mut Value, rng: &mut Rng) -> bool {
        let places = count_places(value);
        if places == 0 {
            return false;
        }
        let mut n = rng.below(places);
        let append = rng.below(3) == 0;
        replace_nth(value, &mut n, &self.pasted, append)
    }

    /// `json` with the marker embedded: into the parsed JSON value when `json` parses (and
    /// has a place), else spliced into the text.
    pub fn embed_json_text(&self, json: &str, rng: &mut Rng) -> String {
        if rng.below(4) != 0
            && let Ok(mut value) = serde_json::from_str::<Value>(json)
            && self.embed_json(&mut value, rng)
        {
            return value.to_string();
        }
        self.splice(json, rng)
    }
}

fn count_places(value: &Value) -> usize {
    match value {
        Value::Object(map) => map.values().map(|v| 1 + count_places(v)).sum(),
        Value::Array(items) => items.iter().map(count_places).sum(),
        _ => 1,
    }
}

fn replace_nth(value: &mut Value, n: &mut usize, pasted: &str, append: bool) -> bool {
    match value {
        Value::Object(map) => {
            let keys: Vec<String> = map.keys().cloned().collect();
            for key in keys {
                if *n == 0 {
                    let v = map.remove(&key).unwrap_or(Value::Null);
                    let new_key = if append {
                        format!("{key}{pasted}")
                    } else {
                        pasted.to_owned()
                    };
                    map.insert(new_key, v);
                    return true;
                }
                *n -= 1;
                if let Some(v) = map.get_mut(&key)
                    && replace_nth(v, n, pasted, append)
                {
                    return true;
                }
            }
            false
        }
        Value::Array(items) => items
            .iter_mut()
            .any(|item| replace_nth(item, n, pasted, append)),
        leaf => {
            if *n > 0 {
                *n -= 1;
                return false;
            }
            *leaf = match leaf {
                Value::String(s) if append => Value::String(format!("{s}{pasted}")),
                _ => Value::String(pasted.to_owned()),
            };
            true
        }
    }
}

/// Whether `FUZZ_STRICT` is set: known findings are checked too.
pub fn strict() -> bool {
    static STRICT: OnceLock<bool> = OnceLock::new();
    *STRICT.get_or_init(|| std::env::var_os("FUZZ_STRICT").is_some_and(|v| v != "0"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_of_the_body_is_found_in_any_case() {
        let mut rng = Rng::from_input(b"seed");
        let m = Marker::new(&mut rng);
        let w = &m.body()[3..3 + WINDOW];
        assert!(m.leaks_into(&format!("xx {} yy", w.to_ascii_uppercase())));
        assert!(!m.leaks_into(&format!("xx {} yy", &w[..WINDOW - 1])));
        assert!(m.leaks_into(&m.pasted));
    }

    #[test]
    fn embedding_puts_the_marker_in_the_json() {
        for seed in 0u32..200 {
            let mut rng = Rng::from_input(&seed.to_le_bytes());
            let m = Marker::new(&mut rng);
            let out = m.embed_json_text(r#"{"a": 1, "b": {"c": [true, "x"]}}"#, &mut rng);
            assert!(m.leaks_into(&out), "{out}");
        }
    }
}
