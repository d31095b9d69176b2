//! The hot paths allocate nothing: a counting global allocator in its own test binary.
//!
//! Source: the crate's design (rules.md §5 "conversions must be lossless and overflow-free";
//! the brief: `to_minor_units`, `from_minor_units` and `check_minimum` allocate nothing),
//! including their error paths.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;

use rust_decimal::Decimal;
use stripe_gateway_rules::currency::{Currency, parse_currency};
use stripe_gateway_rules::minimum::check_minimum;
use stripe_gateway_rules::money::{ExchangeRate, MinorUnits, Money, RoundingMode, check_payout};

struct Counting;

thread_local! {
    // Counts per thread, so the test harness's other threads do not disturb the count.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded to the system allocator unchanged; the counter is a
// thread-local `Cell` with a const initializer, which itself never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn counter_sees_allocations() {
    assert!(allocations_during(|| drop(black_box(vec![1u8; 16]))) >= 1);
}

#[test]
fn to_minor_units_allocates_nothing() {
    let cases = [
        Money::new(Decimal::new(512, 2), Currency::USD),
        Money::new(Decimal::new(500, 0), Currency::JPY),
        Money::new(Decimal::new(5120, 3), Currency::KWD),
        Money::new(Decimal::new(5124, 3), Currency::KWD), // amount_not_multiple
        Money::new(Decimal::new(15, 1), Currency::JPY),   // amount_precision
        Money::new(Decimal::MAX, Currency::USD),          // amount_too_large
        Money::new(Decimal::new(55, 1), Currency::ISK),
    ];
    let n = allocations_during(|| {
        for m in cases {
            let _ = black_box(black_box(m).to_minor_units());
        }
    });
    assert_eq!(n, 0);
}

#[test]
fn from_minor_units_allocates_nothing() {
    let cases = [
        (512, Currency::USD),
        (500, Currency::ISK),
        (501, Currency::ISK),
        (5125, Currency::KWD),
        (i64::MIN, Currency::USD),
        (999_999_999_999, Currency::IDR),
    ];
    let n = allocations_during(|| {
        for (minor, c) in cases {
            let _ = black_box(Money::from_minor_units(
                MinorUnits::new(black_box(minor)),
                c,
            ));
            let _ = black_box(check_payout(MinorUnits::new(black_box(minor)), c));
        }
    });
    assert_eq!(n, 0);
}

#[test]
fn check_minimum_allocates_nothing() {
    let rate = ExchangeRate::new(Currency::CHF, Currency::USD, Decimal::new(109, 2)).unwrap();
    let tiny = ExchangeRate::new(Currency::CHF, Currency::USD, Decimal::new(1, 28)).unwrap();
    let chf = Money::new(Decimal::new(46, 2), Currency::CHF);
    let n = allocations_during(|| {
        let _ = black_box(check_minimum(black_box(chf), Currency::USD, Some(&rate)));
        let _ = black_box(check_minimum(black_box(chf), Currency::CHF, None));
        let _ = black_box(check_minimum(black_box(chf), Currency::USD, None));
        let _ = black_box(check_minimum(black_box(chf), Currency::KES, None));
        let _ = black_box(check_minimum(black_box(chf), Currency::EUR, Some(&rate))); // mismatch
        let _ = black_box(check_minimum(black_box(chf), Currency::USD, Some(&tiny))); // inexact
        let _ = black_box(check_minimum(
            Money::new(Decimal::ZERO, Currency::CHF),
            Currency::CHF,
            None,
        ));
        let _ = black_box(check_minimum(
            Money::new(Decimal::MAX, Currency::CHF),
            Currency::USD,
            Some(&rate),
        ));
    });
    assert_eq!(n, 0);
}

#[test]
fn parse_currency_and_rounding_allocate_nothing() {
    let huge = "x".repeat(10_000);
    let m = Money::new(Decimal::new(5124, 3), Currency::KWD);
    let n = allocations_during(|| {
        for s in ["usd", "USD", " usd", "uѕd", "", "STD", "abc", huge.as_str()] {
            let _ = black_box(parse_currency(black_box(s)));
        }
        let _ = black_box(black_box(m).round_to_stripe(RoundingMode::HalfEven));
    });
    assert_eq!(n, 0);
}
