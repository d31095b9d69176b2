//! Benchmarks of the configuration check and of the per-payment check, each beside a
//! baseline in the same run so the ratio shows.
//!
//! - `validate`: the bundled PortaBilling configuration, and configurations with 1, 33, 66 and
//!   132 presentment currencies assigned (the cost should grow linearly with them).
//! - `check`: `ValidatedGateway::check` on a sale, beside a baseline that only compares the
//!   amount with the minimum (`Decimal >=`), the least any minimum check can do.
//! - `check_payments`: the line pipeline of the library (parse, build the
//!   operation, check) over 10,000 lines in memory, beside parsing the same lines with
//!   serde_json alone (into `serde_json::Value`).
//!
//! Run briefly: `cargo bench --bench gateway -- --warm-up-time 1 --measurement-time 3`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use rust_decimal::Decimal;
use stripe_gateway_rules::config::{AccountConfig, AuthConfig, CurrencyConfig, GatewayConfig};
use stripe_gateway_rules::currency::presentment_currencies;
use stripe_gateway_rules::operation::{CardSource, OperationLine, Payment};
use stripe_gateway_rules::{Currency, Money, Operation};

fn config_with(currencies: usize) -> GatewayConfig {
    let mut list = vec![CurrencyConfig::new("USD", "0.50")];
    list.extend(
        presentment_currencies()
            .iter()
            .filter(|c| **c != Currency::USD)
            .take(currencies.saturating_sub(1))
            .map(|c| CurrencyConfig::new(c.code(), "1000").with_rate("1")),
    );
    GatewayConfig {
        name: Some("Stripe".into()),
        version: Some("v2".into()),
        mode: Some("live".into()),
        auth: Some(AuthConfig::api_key("sk_live_4eC39HqLyjWDarjtT1zdp7dc")),
        publishable_key: Some("pk_live_TYooMQauvdEDq54NiTphI7jx".into()),
        account: Some(AccountConfig::settling_in("USD")),
        card_brands: Some(vec!["visa".into(), "mastercard".into()]),
        currencies: Some(list),
        return_url: Some("https://shop.example/3ds-return".into()),
        live_card_tested: true,
        ..GatewayConfig::default()
    }
}

fn validate(c: &mut Criterion) {
    let realistic =
        GatewayConfig::from_json(include_str!("../examples/configs/portabilling-usd.json"))
            .unwrap();
    assert!(realistic.validate().is_ok());
    let mut group = c.benchmark_group("validate");
    group.bench_function("portabilling-usd.json", |b| {
        b.iter(|| black_box(&realistic).validate())
    });
    for n in [1, 33, 66, 132] {
        let config = config_with(n);
        let gateway = config.validate().expect("valid");
        assert_eq!(gateway.currencies().len(), n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("currencies", n), &config, |b, config| {
            b.iter(|| black_box(config).validate());
        });
    }
    group.finish();
}

fn check(c: &mut Criterion) {
    let gateway = config_with(132).validate().unwrap();
    let sale = Operation::Sale(Payment::new(
        Money::new(Decimal::new(1200, 2), Currency::USD),
        CardSource::Saved,
    ));
    let late = Operation::Sale(Payment::new(
        Money::new(
            Decimal::new(1200, 2),
            *presentment_currencies().last().unwrap(),
        ),
        CardSource::Saved,
    ));
    let minimum = Decimal::new(50, 2);
    let amount = Decimal::new(1200, 2);
    let mut group = c.benchmark_group("check");
    group.bench_function("baseline: amount >= minimum", |b| {
        b.iter(|| black_box(amount) >= black_box(minimum));
    });
    group.bench_function("sale, first currency", |b| {
        b.iter(|| black_box(&gateway).check(black_box(&sale)))
    });
    group.bench_function("sale, 132nd currency", |b| {
        b.iter(|| black_box(&gateway).check(black_box(&late)))
    });
    group.bench_function("void", |b| {
        b.iter(|| black_box(&gateway).check(black_box(&Operation::Void)))
    });
    group.finish();
}

fn check_payments(c: &mut Criterion) {
    let gateway =
        GatewayConfig::from_json(include_str!("../examples/configs/portabilling-usd.json"))
            .unwrap()
            .validate()
            .unwrap();
    let sample: Vec<&str> = include_str!("../examples/operations.jsonl")
        .lines()
        .collect();
    let lines: Vec<&str> = sample.iter().copied().cycle().take(10_000).collect();
    let bytes: usize = lines.iter().map(|l| l.len() + 1).sum();
    let mut group = c.benchmark_group("check_payments");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("serde_json::Value alone", |b| {
        b.iter(|| {
            let mut n = 0;
            for line in &lines {
                if serde_json::from_str::<serde_json::Value>(black_box(line)).is_ok() {
                    n += 1;
                }
            }
            n
        });
    });
    group.bench_function("parse + operation + check", |b| {
        b.iter(|| {
            let mut accepted = 0;
            for line in &lines {
                let Ok(parsed) = OperationLine::parse(black_box(line)) else {
                    continue;
                };
                let Ok(op) = parsed.operation() else { continue };
                if gateway.check(&op).is_ok() {
                    accepted += 1;
                }
            }
            accepted
        });
    });
    group.finish();
}

criterion_group!(benches, validate, check, check_payments);
criterion_main!(benches);
