//! The fast path: the common shape of a line, read without serde.

use super::*;
use crate::text::word_at;

/// JSON whitespace (RFC 8259): space, tab, line feed, carriage return.
#[inline]
pub(super) fn skip_json_whitespace(bytes: &[u8], mut i: usize) -> usize {
    while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(i) {
        i += 1;
    }
    i
}

/// The index of the first `"`, `\\` or control character (below 0x20) of `bytes` at or
/// after `start`, eight bytes at a time; `None` when there is none. The last word is the
/// last eight bytes of `bytes`, shifted, so no byte is copied and none read twice as a match.
#[inline(always)]
pub(super) fn string_body_end(bytes: &[u8], start: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let stops = |x: u64| {
        // A byte of `x` is zero, below 0x20, or equal to a quote or a backslash: each test
        // sets the high bit of such a byte (and may set it above a byte that matched, never
        // below the first one, so the lowest set bit is exact).
        let quote = x ^ (ONES * u64::from(b'"'));
        let backslash = x ^ (ONES * u64::from(b'\\'));
        (quote.wrapping_sub(ONES) & !quote
            | backslash.wrapping_sub(ONES) & !backslash
            | x.wrapping_sub(ONES * 0x20) & !x)
            & HIGHS
    };
    let mut offset = start;
    while let Some(chunk) = bytes.get(offset..).and_then(<[u8]>::first_chunk::<8>) {
        let found = stops(u64::from_le_bytes(*chunk));
        if found != 0 {
            return Some(offset + (found.trailing_zeros() / 8) as usize);
        }
        offset += 8;
    }
    let rest = bytes.len().checked_sub(offset).filter(|&n| n > 0)?;
    // The bytes past the end read as zeros: their `found` bits are masked off.
    let found = stops(word_at(bytes, offset)) & (u64::MAX >> (8 * (8 - rest)));
    (found != 0).then(|| offset + (found.trailing_zeros() / 8) as usize)
}

/// A JSON string at `i` without escapes or control characters: its text and the index after
/// its closing quote. `None` for anything else.
#[inline(always)]
pub(super) fn plain_json_string(line: &str, i: usize) -> Option<(&str, usize)> {
    let bytes = line.as_bytes();
    if bytes.get(i) != Some(&b'"') {
        return None;
    }
    let start = i + 1;
    let end = string_body_end(bytes, start)?;
    // `end` is at an ASCII byte, so both ends are character boundaries.
    if bytes[end] != b'"' {
        return None;
    }
    // Two splits at ASCII bytes (their boundary checks are inlined, unlike a range's).
    let (_, text) = line.split_at_checked(end)?.0.split_at_checked(start)?;
    Some((text, end + 1))
}

/// The first three bytes of a key as a word (a two-letter name's third byte is its closing
/// quote), the input of [`key_slot`].
const fn key_prefix(word: u64) -> u32 {
    (word & 0xFF_FFFF) as u32
}

/// The slot in [`BY_PREFIX`] of a key whose first three bytes are `prefix`: a multiplicative
/// hash, chosen so that the distinct prefixes of [`FIELDS`] fall in distinct slots (checked
/// when the table is built).
const fn key_slot(prefix: u32) -> usize {
    (prefix.wrapping_mul(0x1BBC_D880) >> 27) as usize
}

/// For each [`key_slot`], the indices in [`FIELDS`] of the names with that slot's prefix
/// (`u8::MAX` for none), built from [`FIELDS`] at compile time: one name for most, two for
/// the prefixes two names share (`aut`, `cap`, `sta`), the later of the two first (a
/// `statement_descriptor_suffix` is the common one, a `statement_descriptor` is refused).
const BY_PREFIX: [[u8; 2]; 32] = {
    let mut table = [[u8::MAX; 2]; 32];
    let mut prefixes = [u32::MAX; 32];
    let mut i = FIELDS.len();
    while i > 0 {
        i -= 1;
        let name = FIELDS[i].as_bytes();
        assert!(name.len() >= 2, "a field name has two bytes or more");
        let third = if name.len() == 2 { b'"' } else { name[2] };
        let prefix = name[0] as u32 | (name[1] as u32) << 8 | (third as u32) << 16;
        let slot = key_slot(prefix);
        assert!(
            prefixes[slot] == u32::MAX || prefixes[slot] == prefix,
            "two prefixes of field names share a slot: change key_slot's multiplier"
        );
        prefixes[slot] = prefix;
        let row = &mut table[slot];
        let k = if row[0] == u8::MAX { 0 } else { 1 };
        assert!(row[k] == u8::MAX, "at most two names per prefix");
        row[k] = i as u8;
    }
    table
};

/// Each field name followed by its closing quote (`op"`), as four little-endian words and
/// the masks of the bytes it covers, so that a key is compared in three word comparisons
/// (four for a name of 24 bytes or more).
const KEY_WORDS: [([u64; 4], [u64; 4]); FIELDS.len()] = {
    let mut table = [([0u64; 4], [0u64; 4]); FIELDS.len()];
    let mut i = 0;
    while i < FIELDS.len() {
        let name = FIELDS[i].as_bytes();
        assert!(
            name.len() < 32,
            "a field name and its quote fit in four words"
        );
        let mut k = 0;
        while k <= name.len() {
            let byte = if k == name.len() { b'"' } else { name[k] };
            table[i].0[k / 8] |= (byte as u64) << (8 * (k % 8));
            table[i].1[k / 8] |= 0xff << (8 * (k % 8));
            k += 1;
        }
        i += 1;
    }
    table
};

/// A field name of the format at `i`, quotes included and without escapes: its index in
/// [`FIELDS`] and the index after its closing quote. Compares the one or two names with the
/// same first three bytes, a word at a time, instead of scanning the key first. `None` for anything
/// else (the visitor then reads the line, and reports an unknown name).
#[inline]
pub(super) fn known_key(bytes: &[u8], i: usize) -> Option<(usize, usize)> {
    if bytes.get(i) != Some(&b'"') {
        return None;
    }
    // One bounds check for the three words, except near the end of the line.
    let words = match bytes.get(i + 1..).and_then(<[u8]>::first_chunk::<24>) {
        Some(chunk) => {
            let word = |k: usize| {
                let mut w = [0u8; 8];
                w.copy_from_slice(&chunk[k..k + 8]);
                u64::from_le_bytes(w)
            };
            [word(0), word(8), word(16)]
        }
        None => [
            word_at(bytes, i + 1),
            word_at(bytes, i + 9),
            word_at(bytes, i + 17),
        ],
    };
    for &index in &BY_PREFIX[key_slot(key_prefix(words[0]))] {
        // `u8::MAX` ends a row: no name left to compare.
        let (name, mask) = KEY_WORDS.get(usize::from(index))?;
        if words[0] & mask[0] == name[0]
            && words[1] & mask[1] == name[1]
            && words[2] & mask[2] == name[2]
        {
            let len = FIELDS[usize::from(index)].len();
            // The rest of a long name and its quote (`statement_descriptor_suffix`); past
            // the line's end the word reads zeros, which no name holds.
            if len >= 24 && word_at(bytes, i + 1 + 24) & mask[3] != name[3] {
                continue;
            }
            return Some((usize::from(index), i + 1 + len + 1));
        }
    }
    None
}

impl<'a> OperationLine<'a> {
    /// The common shape of a line, read without serde: one flat object of known, distinct
    /// fields with an `op`, string values without escapes (and `extended` as `true` or
    /// `false`). `None` for anything else (`null`, numbers, escapes, any error), which the
    /// serde visitor then reads, so results and errors are those of the visitor (a property
    /// test compares the two). `parsed` starts empty and is partly filled when it declines.
    pub(super) fn parse_plain(line: &'a str, parsed: &mut Self) -> Option<()> {
        let bytes = line.as_bytes();
        let mut i = skip_json_whitespace(bytes, 0);
        if bytes.get(i) != Some(&b'{') {
            return None;
        }
        i = skip_json_whitespace(bytes, i + 1);
        let mut seen = 0u32;
        loop {
            let (index, next) = known_key(bytes, i)?;
            if seen & (1 << index) != 0 {
                return None;
            }
            seen |= 1 << index;
            i = skip_json_whitespace(bytes, next);
            if bytes.get(i) != Some(&b':') {
                return None;
            }
            i = skip_json_whitespace(bytes, i + 1);
            if index == 11 {
                let rest = bytes.get(i..)?;
                let (value, len) = if rest.starts_with(b"true") {
                    (true, 4)
                } else if rest.starts_with(b"false") {
                    (false, 5)
                } else {
                    return None;
                };
                parsed.extended = Some(value);
                i += len;
            } else if index == 19 {
                let (value, next, summary) = super::request::plain_object(line, i)?;
                // Into the slot known empty (`seen`): no drop of an old value.
                parsed
                    .request
                    .metadata
                    .get_or_insert(super::request::MetadataText::Plain(value, summary));
                i = next;
            } else {
                let (value, next) = plain_json_string(line, i)?;
                parsed.set_text(index, value);
                i = next;
            }
            i = skip_json_whitespace(bytes, i);
            match bytes.get(i)? {
                b',' => i = skip_json_whitespace(bytes, i + 1),
                b'}' => break,
                _ => return None,
            }
        }
        (skip_json_whitespace(bytes, i + 1) == bytes.len() && parsed.op.is_some()).then_some(())
    }

    /// Sets the text field at `index` in [`FIELDS`] (not `extended`, 11) to a borrowed text.
    /// Takes the `&str` itself (two registers), not a `Cow` built by the caller: reading back
    /// a `Cow` just written costs a stalled load on every field.
    #[inline(always)]
    fn set_text(&mut self, index: usize, value: &'a str) {
        let value = Cow::Borrowed(value);
        let slot = match index {
            0 => &mut self.op,
            1 => &mut self.amount,
            2 => &mut self.currency,
            3 => &mut self.card,
            4 => &mut self.customer_email,
            5 => &mut self.authorized_amount,
            6 => &mut self.authorized_at,
            7 => &mut self.at,
            8 => &mut self.brand,
            9 => &mut self.initiator,
            10 => &mut self.presence,
            12 => &mut self.capture_before,
            13 => &mut self.captured_amount,
            14 => &mut self.refunded_amount,
            15 => {
                self.id = Some(LineId::Text(value));
                return;
            }
            16 => &mut self.request.statement_descriptor,
            17 => &mut self.request.statement_descriptor_suffix,
            18 => &mut self.request.description,
            _ => &mut self.request.idempotency_key,
        };
        *slot = Some(value);
    }
}
