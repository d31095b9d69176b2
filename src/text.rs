//! Excerpts of rejected input, shared by the error types of every module.

use std::fmt;

/// Maximum number of bytes of the offending input kept in an error.
const EXCERPT_CAPACITY: usize = 24;

/// The beginning of an input that was rejected, kept inline (no allocation) for error messages.
///
/// At most 24 bytes are kept, cut at a character boundary; [`is_truncated`](Self::is_truncated)
/// says whether the input was longer. `Display` shows the kept text quoted and escaped like
/// Rust's `{:?}`, followed by `…` and the input's length when truncated.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct InputExcerpt {
    bytes: [u8; EXCERPT_CAPACITY],
    kept: u8,
    original_len: usize,
}

impl InputExcerpt {
    /// Keeps the beginning of `input`. An input that looks like a secret (a Stripe secret or
    /// restricted key, a webhook secret, a client secret…) keeps only its prefix, so a secret
    /// pasted into the wrong field never reaches an error message.
    pub fn new(input: &str) -> Self {
        let limit = secret_prefix_len(input).unwrap_or(EXCERPT_CAPACITY);
        let mut kept = input.len().min(limit);
        while !input.is_char_boundary(kept) {
            kept -= 1;
        }
        let mut bytes = [0u8; EXCERPT_CAPACITY];
        bytes[..kept].copy_from_slice(&input.as_bytes()[..kept]);
        Self {
            bytes,
            // `kept` is at most EXCERPT_CAPACITY (24).
            kept: u8::try_from(kept).unwrap_or(0),
            original_len: input.len(),
        }
    }

    /// The kept beginning of the input.
    pub fn as_str(&self) -> &str {
        // Cut at a char boundary of a `str`, so always valid UTF-8.
        core::str::from_utf8(&self.bytes[..usize::from(self.kept)]).unwrap_or_default()
    }

    /// Whether the input was longer than what is kept.
    pub fn is_truncated(&self) -> bool {
        usize::from(self.kept) < self.original_len
    }

    /// The length of the whole input, in bytes.
    pub fn original_len(&self) -> usize {
        self.original_len
    }
}

impl fmt::Debug for InputExcerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl fmt::Display for InputExcerpt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.as_str())?;
        if self.is_truncated() {
            write!(f, "… ({} bytes)", self.original_len)?;
        }
        Ok(())
    }
}

/// The length of the prefix to keep of an input that looks like a secret, if it does.
pub(crate) fn secret_prefix_len(input: &str) -> Option<usize> {
    let secret_kind =
        crate::credentials::recognise_stripe_string(input).is_some_and(|k| k.is_secret());
    let key_shaped = input.starts_with("sk_") || input.starts_with("rk_");
    if !(secret_kind || key_shaped) {
        return None;
    }
    // Keep up to the last underscore within the first 8 bytes (`sk_live_`, `whsec_`, `pi_`).
    let head = &input.as_bytes()[..input.len().min(8)];
    Some(head.iter().rposition(|&b| b == b'_').map_or(0, |i| i + 1))
}

/// `Debug` for a text field that should hold no secret but might (a key pasted into the wrong
/// field): prints it quoted, or only its prefix and `…` when it looks like a secret.
pub(crate) struct GuardedText<'a>(pub(crate) &'a str);

impl fmt::Debug for GuardedText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match secret_prefix_len(self.0) {
            Some(len) => write!(f, "\"{}…\" (redacted)", &self.0[..len]),
            None => fmt::Debug::fmt(self.0, f),
        }
    }
}

/// [`GuardedText`] for an optional field.
pub(crate) struct GuardedOption<'a>(pub(crate) &'a Option<String>);

impl fmt::Debug for GuardedOption<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            None => f.write_str("None"),
            Some(s) => f.debug_tuple("Some").field(&GuardedText(s)).finish(),
        }
    }
}
