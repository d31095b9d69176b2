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
        let limit =
            secret_prefix_len(input).map_or(EXCERPT_CAPACITY, |cut| cut.min(EXCERPT_CAPACITY));
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

/// The first `max` characters of a value for an error message, then `…`; cut before any
/// secret it contains (see [`secret_prefix_len`]), like [`InputExcerpt`] but owned and with a
/// chosen length.
pub(crate) fn truncated(s: &str, max: usize) -> String {
    // The cut is at an ASCII marker, so on a character boundary.
    let cut = secret_prefix_len(s).unwrap_or(s.len());
    let end = s[..cut].char_indices().nth(max).map_or(cut, |(i, _)| i);
    let mut out = s[..end].to_owned();
    if end < s.len() {
        out.push('…');
    }
    out
}

/// The shortest run of ASCII letters or digits, with no separator, taken for a possible
/// secret without a known prefix: an OAuth client secret, a refresh token, a key's body pasted
/// alone or inside a field's name. Whatever its letters: a body of letters only is as secret
/// as a mixed one, and no real field name, keyword or word of a message is such a run (they
/// are cut by `_`, `-`, `.` or spaces), so cutting one loses nothing a reader needs (issue 21).
const SECRET_RUN: usize = 16;

/// Where to cut an input that may contain a secret, if it may: the one rule of every excerpt
/// of input (values, field names, path segments; in the library, the loader, the line scanner
/// and the tool). Just after the first secret marker (`sk_`, `rk_`, `whsec_`, or before
/// `_secret_`), found anywhere and in any case, so a key with a leading space, in quotes,
/// after `Bearer ` or in capitals is cut too; or, failing that, before the first run of 16 or
/// more ASCII letters or digits ([`SECRET_RUN`]), whatever its letters. Keeps a following
/// `live_`/`test_` so the message can still say which kind of key it was. A marker glued to
/// the letters or digits before it (`…pppwhsec_`) is part of their run: when the run reaches
/// 16 with the marker's letters, the cut is before the run, so what is kept never ends with
/// such a run.
pub(crate) fn secret_prefix_len(input: &str) -> Option<usize> {
    let bytes = input.as_bytes();
    // The first marker: every marker holds a `_` at a fixed place (`_secret_` at 0, `sk_` and
    // `rk_` at 2, `whsec_` at 5), so only the `_`s are looked around. A marker starts at
    // most five bytes before its `_`: past the first one found plus five, none starts earlier.
    let at = |i: usize, word: &[u8]| {
        bytes
            .get(i..i + word.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(word))
    };
    // (start, the prefix's length; 0 for `_secret_`)
    let mut first: Option<(usize, usize)> = None;
    for (u, _) in bytes.iter().enumerate().filter(|&(_, &b)| b == b'_') {
        if first.is_some_and(|(start, _)| u > start + 5) {
            break;
        }
        if !may_start_marker(bytes, u) {
            continue;
        }
        let found = if u >= 5 && at(u - 5, b"whsec") {
            Some((u - 5, 6))
        } else if u >= 2 && (at(u - 2, b"sk") || at(u - 2, b"rk")) {
            Some((u - 2, 3))
        } else if at(u, b"_secret_") {
            Some((u, 0))
        } else {
            None
        };
        if let Some(found) = found
            && first.is_none_or(|(start, _)| found.0 < start)
        {
            first = Some(found);
        }
    }
    if first.is_none() && bytes.len() < SECRET_RUN {
        return None;
    }
    // The first run of 16 letters or digits before the marker (or in the whole input), and
    // where the run at the marker starts.
    let end = first.map_or(bytes.len(), |(start, _)| start);
    let mut run_start = 0;
    let mut long_run = None;
    for (i, byte) in bytes[..end].iter().enumerate() {
        if byte.is_ascii_alphanumeric() {
            if long_run.is_none() && i + 1 - run_start >= SECRET_RUN {
                long_run = Some(run_start);
            }
        } else {
            run_start = i + 1;
        }
    }
    let Some((start, prefix)) = first else {
        return long_run;
    };
    if prefix == 0 {
        return Some(long_run.unwrap_or(start));
    }
    // The marker's letters (`sk`, `rk`, `whsec`) continue a run they are glued to: counted
    // with it, a run that reaches 16 through them is cut at its start, like any other, so the
    // letters before the marker are not kept whole (issue 21).
    let letters = prefix - 1;
    if start + letters - run_start >= SECRET_RUN {
        return Some(long_run.unwrap_or(run_start));
    }
    let end = start + prefix;
    let mode = [b"live_", b"test_", b"prod_"]
        .iter()
        .find(|m| at(end, &m[..]))
        .map_or(0, |m| m.len());
    Some(long_run.unwrap_or(end + mode))
}

/// Whether `input` holds a Stripe secret by its marker (`sk_`, `rk_`, `whsec_`, `_secret_`, in
/// any case): for values that are sent on (an OAuth state, a redirect URI), which must not
/// carry one. A long random run alone is not taken for a secret here.
pub(crate) fn holds_secret_marker(input: &str) -> bool {
    // Every marker holds a `_` at a fixed place (`sk_`/`rk_` at 2, `whsec_` at 5, `_secret_`
    // at 0): only the `_`s of the input are looked around, found eight bytes at a time, so a
    // text without one costs a single pass over its words.
    let bytes = input.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let mut underscores = equal_bytes(word_at(bytes, at), b'_');
        while underscores != 0 {
            let u = at + (underscores.trailing_zeros() / 8) as usize;
            if secret_marker_at_underscore(bytes, u) {
                return true;
            }
            underscores &= underscores - 1;
        }
        at += 8;
    }
    false
}

/// Whether the `_` at `u` in `bytes` belongs to a Stripe secret's marker
/// ([`holds_secret_marker`]'s): `sk_live_`, `sk_test_`, `rk_live_`, `rk_test_` (its first
/// `_`), `whsec_` or `_secret_`, in any case.
#[inline]
pub(crate) fn secret_marker_at_underscore(bytes: &[u8], u: usize) -> bool {
    may_start_marker(bytes, u) && marker_around(bytes, u)
}

/// Whether the `_` at `u` in `bytes` may be a marker's: a marker has a `k` or a `c` just
/// before its `_` (`sk_`, `rk_`, `whsec_`), or an `s` just after it (`_secret_`), in any case
/// (`| 0x20` lowers an ASCII capital, and only `K`/`k` give `k`). Most `_`s have neither, so
/// both marker searches ([`secret_prefix_len`], [`secret_marker_at_underscore`]) look no
/// further at them.
#[inline(always)]
fn may_start_marker(bytes: &[u8], u: usize) -> bool {
    let before = u
        .checked_sub(1)
        .and_then(|i| bytes.get(i))
        .map_or(0, |b| b | 0x20);
    let after = bytes.get(u + 1).map_or(0, |b| b | 0x20);
    before == b'k' || before == b'c' || after == b's'
}

#[inline(never)]
fn marker_around(bytes: &[u8], u: usize) -> bool {
    let at = |i: usize, word: &[u8]| {
        bytes
            .get(i..i + word.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(word))
    };
    (u >= 2
        && (at(u - 2, b"sk") || at(u - 2, b"rk"))
        && (at(u + 1, b"live_") || at(u + 1, b"test_")))
        || (u >= 5 && at(u - 5, b"whsec"))
        || at(u + 1, b"secret_")
}

const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte of a word.
pub(crate) const HIGHS: u64 = ONES * 0x80;
const LOWS: u64 = ONES * 0x7F;

/// The eight bytes of `bytes` at `at` as a little-endian word, zeros past its end. Near the
/// end the word is the last eight bytes shifted down: nothing is copied.
#[inline(always)]
pub(crate) fn word_at(bytes: &[u8], at: usize) -> u64 {
    if let Some(chunk) = bytes.get(at..).and_then(<[u8]>::first_chunk::<8>) {
        return u64::from_le_bytes(*chunk);
    }
    let rest = bytes.len().saturating_sub(at);
    match bytes.last_chunk::<8>() {
        Some(_) if rest == 0 => 0,
        Some(last) => u64::from_le_bytes(*last) >> (8 * (8 - rest)),
        None => short_word(bytes.get(at..).unwrap_or_default()),
    }
}

/// The bytes of `bytes` (fewer than eight) as a little-endian word, zeros above: two
/// overlapping loads of four (or two) bytes, whose shared bytes are the same.
#[inline(always)]
pub(crate) fn short_word(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    if let (Some(first), Some(last)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        u64::from(u32::from_le_bytes(*first))
            | u64::from(u32::from_le_bytes(*last)) << (8 * (n - 4))
    } else if let (Some(first), Some(last)) = (bytes.first_chunk::<2>(), bytes.last_chunk::<2>()) {
        u64::from(u16::from_le_bytes(*first))
            | u64::from(u16::from_le_bytes(*last)) << (8 * (n - 2))
    } else {
        bytes.first().map_or(0, |&b| u64::from(b))
    }
}

/// The high bit of each byte of `x` that equals `b`, exactly (no carry crosses a byte).
#[inline(always)]
pub(crate) fn equal_bytes(x: u64, b: u8) -> u64 {
    let y = x ^ (ONES * u64::from(b));
    !(((y & LOWS) + LOWS) | y) & HIGHS
}

/// The high bit of each byte of `x` between `low` and `high` (both ASCII), exactly.
#[inline(always)]
pub(crate) fn bytes_in_range(x: u64, low: u8, high: u8) -> u64 {
    let seven = x & LOWS;
    // No carry: `seven` is at most 0x7F per byte, and so is each added constant.
    let at_least_low = seven + ONES * (0x80 - u64::from(low));
    let past_high = seven + ONES * (0x80 - u64::from(high) - 1);
    at_least_low & !past_high & !x & HIGHS
}

/// How many bytes of a mask of high bits are set (a multiplication sums the bytes: no
/// `popcnt` on the baseline x86-64 target).
#[inline(always)]
pub(crate) fn count_bytes(mask: u64) -> u64 {
    ((mask >> 7).wrapping_mul(ONES)) >> 56
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

/// Implements, for an enum of keywords: `KEYWORDS` (every keyword read, aliases included),
/// `as_str` (the canonical keyword), `Display` (padded),
/// `FromStr` accepting the keyword and its aliases, and the parse error type, whose message is
/// `expected <what>, found "<input excerpt>"`, followed by `; did you mean `<keyword>`?` when
/// the input is a keyword or alias typed with other capitals, surrounding spaces, or spaces
/// or hyphens for underscores (`"Live"`, `"Token-Only"`).
///
/// Decision (issue 10): such near misses are refused with the keyword to use, never silently
/// accepted, so a configuration holds the keyword Stripe and the platforms document and two
/// spellings of one setting cannot both be stored. Aliases are only the spellings a source
/// itself uses (`V2` for the gateway version).
///
/// ```text
/// keyword_enum!(Mode, ModeError, "a mode, `test` or `live`", {
///     Test => "test",
///     Live => "live" | "LIVE",
/// });
/// ```
macro_rules! keyword_enum {
    (
        $ty:ident, $err:ident, $what:literal,
        { $( $variant:ident => $name:literal $( | $alias:literal )* ),+ $(,)? }
    ) => {
        impl $ty {
            #[doc = concat!("Every keyword [`FromStr`](::std::str::FromStr) reads as ", $what, ": each value's keyword followed by its aliases, in declaration order.")]
            pub const KEYWORDS: &'static [&'static str] = &[$( $name $(, $alias)* ),+];

            #[doc = concat!("The keyword in configuration files and operation lines: ", $what, ".")]
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $ty::$variant => $name, )+
                }
            }
        }

        impl ::std::fmt::Display for $ty {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.pad(self.as_str())
            }
        }

        #[doc = concat!("The error of parsing a [`", stringify!($ty), "`]: expected ", $what, ", with the keyword to use when the input is one typed with other capitals, spaces or hyphens.")]
        #[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
        #[error("expected {}, found {found}{}", $what, $crate::text::did_you_mean(self.suggestion.map($ty::as_str)))]
        pub struct $err {
            found: $crate::text::InputExcerpt,
            suggestion: Option<$ty>,
        }

        impl $err {
            /// The beginning of the refused input.
            #[must_use]
            pub fn found(&self) -> &$crate::text::InputExcerpt {
                &self.found
            }

            /// The value the input was meant to be, when it is a keyword typed with other
            /// capitals, surrounding spaces, or spaces or hyphens for underscores.
            #[must_use]
            pub fn suggestion(&self) -> Option<$ty> {
                self.suggestion
            }
        }

        impl ::std::str::FromStr for $ty {
            type Err = $err;

            #[doc = concat!("Parses ", $what, ", exactly: no trimming, no other case.")]
            ///
            /// # Errors
            ///
            #[doc = concat!("[`", stringify!($err), "`] for anything else, with the keyword to use for a near miss.")]
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $( $name $( | $alias )* => Ok($ty::$variant), )+
                    other => Err($err {
                        found: $crate::text::InputExcerpt::new(other),
                        suggestion: [$( ($ty::$variant, &[$name $(, $alias)*][..]) ),+]
                            .into_iter()
                            .find(|(_, words)| words.iter().any(|w| $crate::text::same_keyword(other, w)))
                            .map(|(v, _)| v),
                    }),
                }
            }
        }
    };
}

pub(crate) use keyword_enum;

/// `; did you mean `keyword`?`, or nothing.
pub(crate) fn did_you_mean(keyword: Option<&str>) -> String {
    keyword.map_or_else(String::new, |k| format!("; did you mean `{k}`?"))
}

/// Whether `input` is `keyword` typed with other capitals, surrounding spaces, or spaces or
/// hyphens for underscores. Allocation-free.
pub(crate) fn same_keyword(input: &str, keyword: &str) -> bool {
    let input = input.trim();
    input.len() == keyword.len()
        && input.bytes().zip(keyword.bytes()).all(|(i, k)| {
            let i = match i {
                b' ' | b'-' => b'_',
                other => other.to_ascii_lowercase(),
            };
            i == k.to_ascii_lowercase()
        })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// The markers looked for everywhere, as the scanner's doc lists them.
    fn by_every_position(input: &str) -> bool {
        let lower = input.to_ascii_lowercase();
        [
            "sk_live_", "sk_test_", "rk_live_", "rk_test_", "whsec_", "_secret_",
        ]
        .iter()
        .any(|m| lower.contains(m))
    }

    /// The cut as first written: every marker tried at every position.
    fn secret_prefix_len_at_every_position(input: &str) -> Option<usize> {
        const PREFIXES: [&str; 3] = ["sk_", "rk_", "whsec_"];
        const MODES: [&str; 3] = ["live_", "test_", "prod_"];
        let bytes = input.as_bytes();
        let at = |i: usize, word: &str| {
            bytes
                .get(i..i + word.len())
                .is_some_and(|b| b.eq_ignore_ascii_case(word.as_bytes()))
        };
        let mut run_start = 0;
        let mut long_run = None;
        for (i, &byte) in bytes.iter().enumerate() {
            if at(i, "_secret_") {
                return Some(long_run.unwrap_or(i));
            }
            if let Some(p) = PREFIXES.iter().find(|p| at(i, p)) {
                // The marker's letters (`sk`, `rk`, `whsec`) continue a run they are glued to:
                // counted with it, a run that reaches 16 through them is cut at its start, like
                // any other, so the letters before the marker are not kept whole (issue 21).
                let letters = p.len() - 1;
                if i + letters - run_start >= super::SECRET_RUN {
                    return Some(long_run.unwrap_or(run_start));
                }
                let end = i + p.len();
                let mode = MODES.iter().find(|m| at(end, m)).map_or(0, |m| m.len());
                return Some(long_run.unwrap_or(end + mode));
            }
            if byte.is_ascii_alphanumeric() {
                if long_run.is_none() && i + 1 - run_start >= super::SECRET_RUN {
                    long_run = Some(run_start);
                }
            } else {
                run_start = i + 1;
            }
        }
        long_run
    }

    proptest! {
        /// The cut found around the `_`s is the cut found by trying every marker at every
        /// position (issue 21's rule).
        #[test]
        fn secret_prefix_len_is_the_search_at_every_position(
            input in "(sk|rk|whsec|_secret_|live_|test_|prod_|[sSkKwW_ é.-]|[a-z0-9]{1,9}){0,12}"
        ) {
            prop_assert_eq!(
                super::secret_prefix_len(&input),
                secret_prefix_len_at_every_position(&input)
            );
        }
    }

    proptest! {
        /// Issue 20: the scanner that looks around each `_` finds exactly the markers a
        /// search at every position finds.
        #[test]
        fn holds_secret_marker_finds_every_marker(input in "[sSkKrRwWhHeEcCtTlLiIvV_ é0-9]{0,40}") {
            prop_assert_eq!(super::holds_secret_marker(&input), by_every_position(&input));
        }
    }

    #[test]
    fn holds_secret_marker_at_the_edges() {
        for (text, found) in [
            ("sk_live_", true),
            ("xSK_TEST_y", true),
            ("whsec_", true),
            ("pi_1_secret_2", true),
            ("_secret", false),
            ("sk_prod_abc", false),
            ("k_live_", false),
            ("", false),
        ] {
            assert_eq!(super::holds_secret_marker(text), found, "{text}");
        }
    }
}
