//! A billing run's idempotency keys, checked as a whole, in bounded memory
//! ([rules §13](crate::rules#rules-13), [stripe-facts §10.5](crate::rules#facts-10-5)).

use std::hash::{Hash, Hasher};

/// The most memory the ledger holds per key it remembers, at any moment, growth included:
/// 64 bytes, so 16,384 keys per MiB (10 million keys: at most 640 MB, about 430 MB between
/// growths), plus 16 KiB for the first table.
///
/// Each key takes one 16-byte slot (a 64-bit hash of the key, 32 bits of the parameters'
/// hash, the line number as 32 bits) of an open-addressing table kept at most three quarters
/// full; the table doubles when full, and while it doubles the old and the new table are both
/// held: 3 × 16 bytes for every 0.75 key.
pub const BYTES_PER_KEY: usize = 64;

/// The bytes of the first table (1,024 slots), allocated with the first key.
const FIRST_SLOTS: usize = 1024;

/// The hasher of [`KeyFingerprint`]s: eight bytes at a time, each word mixed by a 64 × 64 →
/// 128-bit multiplication folded to 64 bits (the mixing of wyhash), and a final avalanche
/// (MurmurHash3's `fmix64`). Fast on the pre-flight's path (a few nanoseconds for a key),
/// deterministic across runs and platforms, and not meant to resist chosen inputs: a run's
/// keys are the platform's own.
#[derive(Debug, Clone, Copy)]
pub struct FingerprintHasher(u64);

impl Default for FingerprintHasher {
    fn default() -> Self {
        FingerprintHasher(0x243F_6A88_85A3_08D3)
    }
}

impl FingerprintHasher {
    /// The hash of `bytes` as the field numbered `tag`, alone and unfinished: a request's
    /// fields are hashed apart (so that their hashes are computed side by side, not one after
    /// the other) and their sum is hashed and finished once.
    #[cfg(feature = "serde")]
    #[inline]
    pub(crate) fn field(tag: u64, bytes: &[u8]) -> u64 {
        let mut h = FingerprintHasher(mix(
            FingerprintHasher::default().0 ^ tag,
            0xA076_1D64_78BD_642F,
        ));
        h.write(bytes);
        h.0
    }

    /// The state after the bytes written, unfinished: for hashes that are summed and then
    /// finished once, as [`field`](Self::field)'s are.
    #[cfg(feature = "serde")]
    #[inline]
    pub(crate) fn state(&self) -> u64 {
        self.0
    }
}

/// The mixing step: the high and low halves of the 128-bit product, folded.
#[inline]
fn mix(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ ((product >> 64) as u64)
}

impl Hasher for FingerprintHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut h = self.0 ^ (bytes.len() as u64).wrapping_mul(K);
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            h = mix(h ^ word, K);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The last bytes as a word, zeros above: the text's last eight bytes shifted down
            // when it has eight (no copy: a copy then a load of the same bytes stalls).
            let last = match bytes.last_chunk::<8>() {
                Some(tail) => u64::from_le_bytes(*tail) >> (8 * (8 - rest.len())),
                None => crate::text::short_word(rest),
            };
            h = mix(h ^ last ^ 0xFF, K);
        }
        self.0 = h;
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.0 = mix(self.0 ^ u64::from(i) ^ 0x100, 0x9E37_79B9_7F4A_7C15);
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.0 = mix(self.0 ^ i, 0xA076_1D64_78BD_642F);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // fmix64.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
        h ^= h >> 33;
        h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
        h ^ (h >> 33)
    }
}

/// What the ledger remembers of one request: a 64-bit hash of its idempotency key and a
/// 64-bit hash of its parameters (every field the request sends, the key itself excepted).
///
/// Two different keys with the same 64-bit hash are taken for one key: for 10 million keys
/// the odds of any such pair are about 3 in a million. Two different parameter sets with the
/// same 32 bits kept are taken for a retry: about 1 in 4 billion per reused key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeyFingerprint {
    key: u64,
    params: u64,
}

impl KeyFingerprint {
    /// The fingerprint of a request with idempotency key `key` and parameters hashed to
    /// `params` (hash them with [`std::hash::Hash`] into a [`FingerprintHasher`], in a fixed
    /// order, so that the same parameters give the same hash).
    #[must_use]
    pub fn new(key: &str, params: u64) -> Self {
        let mut h = FingerprintHasher::default();
        key.hash(&mut h);
        KeyFingerprint {
            key: h.finish(),
            params,
        }
    }
}

/// What the ledger says of a request's idempotency key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyVerdict {
    /// A key not seen before in the run: remembered.
    New,
    /// The key of an earlier line, with the same parameters: a retry, which Stripe answers
    /// with the first response (a warning).
    Retry {
        /// The earlier line's number.
        first_line: u64,
    },
    /// The key of an earlier line, with other parameters: Stripe refuses the request (an
    /// error).
    Reused {
        /// The earlier line's number.
        first_line: u64,
    },
    /// A new key, not remembered: the ledger holds as many keys as its bound. A later reuse
    /// of it goes unnoticed.
    NotCompared {
        /// Whether it is the first key not remembered in this run (so that a tool warns
        /// once).
        first: bool,
    },
}

/// One slot: `key == 0` is empty (a key hash of 0 is stored as 1).
#[derive(Clone, Copy, Default)]
struct Slot {
    key: u64,
    params: u32,
    line: u32,
}

/// A billing run's idempotency keys: each key's [`KeyFingerprint`] and the line that first
/// used it, in at most [`BYTES_PER_KEY`] bytes per key, up to a bound of keys chosen when it
/// is made. Past the bound, new keys are not remembered ([`KeyVerdict::NotCompared`]); the
/// keys already remembered are still compared.
///
/// Keys are compared within the run only: Stripe may prune a key after 24 hours, and a
/// key used in an earlier run is not known here.
///
/// ```
/// use stripe_gateway_rules::request::{IdempotencyLedger, KeyFingerprint, KeyVerdict};
///
/// let mut ledger = IdempotencyLedger::new(1_000);
/// assert_eq!(ledger.record(KeyFingerprint::new("order-1", 7), 1), KeyVerdict::New);
/// assert_eq!(ledger.record(KeyFingerprint::new("order-1", 7), 2), KeyVerdict::Retry { first_line: 1 });
/// assert_eq!(ledger.record(KeyFingerprint::new("order-1", 8), 3), KeyVerdict::Reused { first_line: 1 });
/// ```
#[derive(Debug, Clone)]
pub struct IdempotencyLedger {
    slots: Vec<Slot>,
    len: usize,
    max_keys: usize,
    not_compared: u64,
}

impl std::fmt::Debug for Slot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Slot")
    }
}

impl IdempotencyLedger {
    /// The bound the command-line tool uses: 2,097,152 keys, at most 128 MiB.
    pub const DEFAULT_MAX_KEYS: usize = 1 << 21;

    /// An empty ledger that remembers at most `max_keys` keys. Nothing is allocated until
    /// the first key.
    #[must_use]
    pub fn new(max_keys: usize) -> Self {
        IdempotencyLedger {
            slots: Vec::new(),
            len: 0,
            max_keys,
            not_compared: 0,
        }
    }

    /// How many keys it remembers.
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether it remembers no key.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// How many new keys were not remembered, past the bound.
    #[must_use]
    pub fn keys_not_compared(&self) -> u64 {
        self.not_compared
    }

    /// The bytes its table holds now.
    #[must_use]
    pub fn bytes(&self) -> usize {
        self.slots.capacity() * size_of::<Slot>()
    }

    /// Records the request of line `line` (1-based; lines past `u32::MAX` are remembered as
    /// `u32::MAX`) and says what its key is.
    pub fn record(&mut self, fingerprint: KeyFingerprint, line: u64) -> KeyVerdict {
        let key = fingerprint.key.max(1);
        let params = (fingerprint.params ^ (fingerprint.params >> 32)) as u32;
        if let Some(slot) = self.find(key) {
            let first_line = u64::from(slot.line);
            return if slot.params == params {
                KeyVerdict::Retry { first_line }
            } else {
                KeyVerdict::Reused { first_line }
            };
        }
        if self.len >= self.max_keys {
            self.not_compared += 1;
            return KeyVerdict::NotCompared {
                first: self.not_compared == 1,
            };
        }
        if (self.len + 1) * 4 > self.slots.len() * 3 {
            self.grow();
        }
        let slot = Slot {
            key,
            params,
            line: u32::try_from(line).unwrap_or(u32::MAX),
        };
        Self::insert(&mut self.slots, slot);
        self.len += 1;
        KeyVerdict::New
    }

    fn find(&self, key: u64) -> Option<Slot> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = (key as usize) & mask;
        loop {
            let slot = self.slots[i];
            if slot.key == key {
                return Some(slot);
            }
            if slot.key == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    fn insert(slots: &mut [Slot], slot: Slot) {
        let mask = slots.len() - 1;
        let mut i = (slot.key as usize) & mask;
        while slots[i].key != 0 {
            i = (i + 1) & mask;
        }
        slots[i] = slot;
    }

    #[cold]
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(FIRST_SLOTS);
        let mut slots = vec![Slot::default(); size];
        for &slot in self.slots.iter().filter(|s| s.key != 0) {
            Self::insert(&mut slots, slot);
        }
        self.slots = slots;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hasher tells apart texts that differ in one byte, in their length, or in where
    /// one field ends and the next begins.
    #[test]
    fn fingerprint_hasher_separates_close_texts() {
        let hash = |parts: &[&str]| {
            let mut h = FingerprintHasher::default();
            for p in parts {
                p.hash(&mut h);
            }
            h.finish()
        };
        let mut seen = std::collections::HashSet::new();
        for parts in [
            &["order-1"][..],
            &["order-2"],
            &["order-1", ""],
            &["order-", "1"],
            &["order-1\0"],
            &["Order-1"],
            &["order-10000000000"],
            &["order-10000000001"],
            &[""],
            &[],
        ] {
            assert!(seen.insert(hash(parts)), "{parts:?}");
        }
        let mut keys = std::collections::HashSet::new();
        for i in 0..200_000u32 {
            assert!(keys.insert(hash(&[&format!("in_{i}-charge")])));
        }
    }

    /// A slot is 16 bytes: the bound of [`BYTES_PER_KEY`] rests on it.
    #[test]
    fn a_slot_is_sixteen_bytes() {
        assert_eq!(size_of::<Slot>(), 16);
    }

    #[test]
    fn past_the_bound_new_keys_are_not_compared_and_old_ones_still_are() {
        let mut ledger = IdempotencyLedger::new(3);
        for (i, key) in ["a", "b", "c"].iter().enumerate() {
            assert_eq!(
                ledger.record(KeyFingerprint::new(key, 1), i as u64 + 1),
                KeyVerdict::New
            );
        }
        assert_eq!(
            ledger.record(KeyFingerprint::new("d", 1), 4),
            KeyVerdict::NotCompared { first: true }
        );
        assert_eq!(
            ledger.record(KeyFingerprint::new("d", 2), 5),
            KeyVerdict::NotCompared { first: false }
        );
        assert_eq!(
            ledger.record(KeyFingerprint::new("b", 2), 6),
            KeyVerdict::Reused { first_line: 2 }
        );
        assert_eq!(ledger.keys_not_compared(), 2);
        assert_eq!(ledger.len(), 3);
    }

    #[test]
    fn many_keys_stay_within_the_bound_per_key() {
        let mut ledger = IdempotencyLedger::new(usize::MAX);
        for i in 0..100_000u64 {
            let key = i.to_string();
            assert_eq!(
                ledger.record(KeyFingerprint::new(&key, i), i + 1),
                KeyVerdict::New
            );
            assert!(ledger.bytes() <= ledger.len() * BYTES_PER_KEY * 2 / 3 + FIRST_SLOTS * 16);
        }
        assert_eq!(
            ledger.record(KeyFingerprint::new("99999", 99_999), 100_001),
            KeyVerdict::Retry {
                first_line: 100_000
            }
        );
    }
}
