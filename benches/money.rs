//! Benchmarks of the money hot paths, with `rusty-money` as a peer for the same
//! decimal-to-minor-units conversion.
//!
//! Run briefly: `cargo bench --bench money -- --warm-up-time 1 --measurement-time 2`.

use std::hint::black_box;

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion, criterion_group, criterion_main};
use rust_decimal::Decimal;
use stripe_gateway_rules::currency::Currency;
use stripe_gateway_rules::minimum::check_minimum;
use stripe_gateway_rules::money::{ExchangeRate, Money};

/// Each currency's row beside its peer in the same group, so one run gives the ratio:
/// `to_minor_units/USD/stripe_gateway_rules` against `to_minor_units/USD/rusty_money`. The
/// peer is what a rusty-money user writes for the same conversion: its checked, exact
/// `try_to_minor_units`, with ISO 4217 exponents (it knows none of Stripe's rules: ISK is
/// zero-decimal there, and no maximum or multiple is checked).
///
/// Both results are consumed as one `i64` (the minor units, or `i64::MIN` for an error).
/// `black_box` of an `Option<i64>` or a `Result` writes it with two stores and reads it back
/// with one 16-byte load, which cannot be forwarded from the stores: `perf annotate` put 88 %
/// of the samples of such a row on that reload, a stall of about 6 ns paid by both sides,
/// which measured the harness rather than the conversion (`benches/README.md`).
fn to_minor_units(c: &mut Criterion) {
    let mut group = c.benchmark_group("to_minor_units");
    let usd = Decimal::new(1234, 2); // 12.34 USD
    let jpy = Decimal::new(500, 0); // 500 JPY
    let kwd = Decimal::new(5120, 3); // 5.120 KWD
    let isk = Decimal::new(500, 0); // 500 ISK
    let ours = [
        ("USD", usd, Currency::USD),
        ("JPY", jpy, Currency::JPY),
        ("KWD", kwd, Currency::KWD),
        ("ISK", isk, Currency::ISK),
    ];
    // The harness's own floor: a Money through `black_box` and back, nothing computed.
    let usd_money = Money::new(usd, Currency::USD);
    group.bench_function("floor: black_box(money)", |b| {
        b.iter(|| black_box(black_box(usd_money).amount().scale()))
    });
    for (name, amount, currency) in ours {
        let m = Money::new(amount, currency);
        assert!(m.to_minor_units().is_ok());
        group.bench_function(format!("{name}/stripe_gateway_rules"), |b| {
            b.iter(|| black_box(black_box(m).to_minor_units().map_or(i64::MIN, |m| m.get())))
        });
        match name {
            "USD" => peer(&mut group, name, amount, rusty_money::iso::USD),
            "JPY" => peer(&mut group, name, amount, rusty_money::iso::JPY),
            "KWD" => peer(&mut group, name, amount, rusty_money::iso::KWD),
            _ => peer(&mut group, name, amount, rusty_money::iso::ISK),
        }
    }
    group.finish();
}

fn peer(
    group: &mut BenchmarkGroup<'_, WallTime>,
    name: &str,
    amount: Decimal,
    currency: &'static rusty_money::iso::Currency,
) {
    assert!(
        rusty_money::Money::from_decimal(amount, currency)
            .try_to_minor_units()
            .is_ok()
    );
    group.bench_function(format!("{name}/rusty_money"), |b| {
        b.iter(|| {
            black_box(
                rusty_money::Money::from_decimal(black_box(amount), currency)
                    .try_to_minor_units()
                    .unwrap_or(i64::MIN),
            )
        })
    });
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
