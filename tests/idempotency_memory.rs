//! rules §13 (issue 20): a billing run's idempotency keys take at most
//! `request::BYTES_PER_KEY` bytes each, at every moment, growth included: 10 million keys in
//! at most 640 MB. Measured here with a counting allocator over 1,000,000 distinct keys (the
//! same per-key bound; the peak of live bytes is what the bound limits), and past the
//! ledger's bound of keys, nothing more is held.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use stripe_gateway_rules::request::{BYTES_PER_KEY, IdempotencyLedger, KeyFingerprint, KeyVerdict};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let live = LIVE.fetch_add(layout.size(), Ordering::SeqCst) + layout.size();
        PEAK.fetch_max(live, Ordering::SeqCst);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::SeqCst);
        // SAFETY: forwarded unchanged to the system allocator.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// The first table: 1,024 slots of 16 bytes.
const FIRST_TABLE: usize = 16 * 1024;

/// One test in this binary: the counters are global.
#[test]
fn distinct_keys_stay_under_the_documented_bound_and_past_the_bound_nothing_grows() {
    const KEYS: usize = 1_000_000;
    // Keys are hashed from a reused buffer: the only allocations are the ledger's.
    let mut key = String::with_capacity(32);
    let mut ledger = IdempotencyLedger::new(KEYS);
    let before = LIVE.load(Ordering::SeqCst);
    PEAK.store(before, Ordering::SeqCst);
    for i in 0..KEYS {
        key.clear();
        use std::fmt::Write as _;
        let _ = write!(key, "invoice-{i}");
        assert_eq!(
            ledger.record(KeyFingerprint::new(&key, i as u64), i as u64 + 1),
            KeyVerdict::New
        );
        if i % 4096 == 0 {
            let peak = PEAK.load(Ordering::SeqCst) - before;
            assert!(
                peak <= (i + 1) * BYTES_PER_KEY + FIRST_TABLE,
                "{peak} bytes for {} keys",
                i + 1
            );
        }
    }
    let peak = PEAK.load(Ordering::SeqCst) - before;
    assert!(
        peak <= KEYS * BYTES_PER_KEY + FIRST_TABLE,
        "{peak} bytes for {KEYS} keys"
    );
    eprintln!(
        "{KEYS} keys: peak {peak} bytes ({:.1} per key), held {} bytes ({:.1} per key)",
        peak as f64 / KEYS as f64,
        ledger.bytes(),
        ledger.bytes() as f64 / KEYS as f64
    );
    // Past the bound: new keys are not remembered, and nothing more is allocated.
    let held = LIVE.load(Ordering::SeqCst);
    for i in 0..10_000u64 {
        key.clear();
        use std::fmt::Write as _;
        let _ = write!(key, "late-{i}");
        let verdict = ledger.record(KeyFingerprint::new(&key, i), KEYS as u64 + i + 1);
        assert_eq!(verdict, KeyVerdict::NotCompared { first: i == 0 });
    }
    assert_eq!(LIVE.load(Ordering::SeqCst), held);
    assert_eq!(ledger.keys_not_compared(), 10_000);
    // The keys remembered are still compared.
    assert_eq!(
        ledger.record(KeyFingerprint::new("invoice-7", 8), 2_000_000),
        KeyVerdict::Reused { first_line: 8 }
    );
}
