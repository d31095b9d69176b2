//! Benchmarks of the money hot paths, with `rusty-money` as a peer for the same
//! decimal-to-minor-units conversion.
//!
//! Run briefly: `cargo bench --bench money -- --warm-up-time 1 --measurement-time 2`.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use rust_decimal::Decimal;
use stripe_gateway_rules::currency::Currency;
use stripe_gateway_rules::minimum::check_minimum;
use stripe_gateway_rules::money::{ExchangeRate, Money};

fn to_minor_units(c: &mut Criterion) {
    let mut group = c.benchmark_group("to_minor_units");
    let cases = [
        ("USD", Decimal::new(1234, 2), Currency::USD),
        ("JPY", Decimal::new(500, 0), Currency::JPY),
        ("KWD", Decimal::new(5120, 3), Currency::KWD),
    ];
    for (name, amount, currency) in cases {
        let m = Money::new(amount, currency);
        group.bench_function(format!("stripe_gateway_rules/{name}"), |b| {
            b.iter(|| black_box(black_box(m).to_minor_units()))
        });
    }
    // The peer: what a rusty-money user writes for the same conversion (its checked, exact
    // `try_to_minor_units`, with ISO 4217 exponents; it knows nothing of Stripe's rules).
    let usd = Decimal::new(1234, 2);
    group.bench_function("rusty_money/USD", |b| {
        b.iter(|| {
            black_box(
                rusty_money::Money::from_decimal(black_box(usd), rusty_money::iso::USD)
                    .try_to_minor_units(),
            )
        })
    });
    let jpy = Decimal::new(500, 0);
    group.bench_function("rusty_money/JPY", |b| {
        b.iter(|| {
            black_box(
                rusty_money::Money::from_decimal(black_box(jpy), rusty_money::iso::JPY)
                    .try_to_minor_units(),
            )
        })
    });
    let kwd = Decimal::new(5120, 3);
    group.bench_function("rusty_money/KWD", |b| {
        b.iter(|| {
            black_box(
                rusty_money::Money::from_decimal(black_box(kwd), rusty_money::iso::KWD)
                    .try_to_minor_units(),
            )
        })
    });
    group.finish();
}

fn check_minimum_bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("check_minimum");
    let chf = Money::new(Decimal::new(46, 2), Currency::CHF);
    let rate =
        ExchangeRate::new(Currency::CHF, Currency::USD, Decimal::new(109, 2)).expect("valid rate");
    group.bench_function("same_currency", |b| {
        b.iter(|| black_box(check_minimum(black_box(chf), Currency::CHF, None)))
    });
    group.bench_function("with_rate", |b| {
        b.iter(|| black_box(check_minimum(black_box(chf), Currency::USD, Some(&rate))))
    });
    group.bench_function("without_rate", |b| {
        b.iter(|| black_box(check_minimum(black_box(chf), Currency::USD, None)))
    });
    group.finish();
}

criterion_group!(benches, to_minor_units, check_minimum_bench);
criterion_main!(benches);
