//! Benchmarks of the configuration check and of the per-payment check, each beside a
//! baseline in the same run so the ratio shows.
//!
//! - `validate`: the bundled PortaBilling configuration, and configurations with 1, 33, 66 and
//!   132 presentment currencies assigned (the cost should grow linearly with them).
//! - `check`: `ValidatedGateway::check` on each operation kind (sale, authorize, capture,
//!   refund, void) and on a sale in the 1st, 33rd and 132nd assigned currency, beside a
//!   baseline that only compares the amount with the minimum (`Decimal >=`), the least any
//!   decimal minimum check can do.
//! - `check_payments`: the line pipeline of the library (parse, build the
//!   operation, check) over 10,000 lines in memory, beside parsing the same lines with
//!   serde_json alone (into `serde_json::Value`).
//!
//! Run briefly: `cargo bench --bench gateway -- --warm-up-time 1 --measurement-time 3`.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use jiff::Timestamp;
use rust_decimal::Decimal;
use stripe_gateway_rules::authorization::Authorization;
use stripe_gateway_rules::config::{
    AccountConfig, AuthConfig, CurrencyConfig, Form, GatewayConfig, ValidatedGateway,
};
use stripe_gateway_rules::currency::presentment_currencies;
use stripe_gateway_rules::operation::{Capture, CardSource, OperationLine, Payment, Refund};
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
    {
        let mut config = GatewayConfig::default();
        config.name = Some("Stripe".into());
        config.version = Some("v2".into());
        config.mode = Some("live".into());
        config.auth = Some(AuthConfig::api_key("sk_live_4eC39HqLyjWDarjtT1zdp7dc"));
        config.publishable_key = Some("pk_live_TYooMQauvdEDq54NiTphI7jx".into());
        config.account = Some(AccountConfig::settling_in("USD"));
        config.card_brands = Some(vec!["visa".into(), "mastercard".into()]);
        config.currencies = Some(list);
        config.return_url = Some("https://shop.example/3ds-return".into());
        config.live_card_tested = true;
        config
    }
}

/// The payment gateway of a valid form, under its own profile.
fn gateway_of(config: &GatewayConfig) -> ValidatedGateway {
    config
        .validate(&config.profile())
        .expect("valid")
        .into_gateway()
        .expect("a payment gateway")
}

fn validate(c: &mut Criterion) {
    let realistic =
        Form::from_json(include_str!("../examples/configs/portabilling-usd.json")).unwrap();
    let portabilling = realistic.profile();
    assert!(realistic.validate(&portabilling).is_ok());
    let mut group = c.benchmark_group("validate");
    group.bench_function("portabilling-usd.json", |b| {
        b.iter(|| black_box(&realistic).validate(&portabilling))
    });
    for n in [1, 33, 66, 132] {
        let config = config_with(n);
        let generic = config.profile();
        let gateway = gateway_of(&config);
        assert_eq!(gateway.currencies().len(), n);
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(BenchmarkId::new("currencies", n), &config, |b, config| {
            b.iter(|| black_box(config).validate(&generic));
        });
    }
    group.finish();
}

/// `check` on each operation kind, and a sale in the 1st, 33rd and 132nd assigned currency,
/// beside the baseline in the same group (the ratio is the figure that counts on a shared
/// machine). Every row is an accepted operation except void, which is always refused.
fn check(c: &mut Criterion) {
    let gateway = gateway_of(&config_with(132));
    let nth = |n: usize| gateway.currencies()[n - 1].currency();
    let (first, thirty_third, last) = (nth(1), nth(33), nth(132));
    assert_eq!(first, Currency::USD);
    let payment = |currency: Currency| {
        let cents = if currency == Currency::USD {
            1200
        } else {
            120_000
        };
        Payment::new(
            Money::new(Decimal::new(cents, 2), currency),
            CardSource::Saved,
        )
    };
    let usd = |cents: i64| Money::new(Decimal::new(cents, 2), Currency::USD);
    let t0: Timestamp = "2026-11-01T10:00:00Z".parse().unwrap();
    let capture = Operation::Capture(Capture::new(
        usd(1000),
        usd(1200),
        Authorization::new(t0),
        t0,
    ));
    let refund = Operation::Refund(Refund::new(usd(500), usd(1200), usd(200)));
    let cases = [
        ("sale, 1st currency", Operation::Sale(payment(first))),
        (
            "sale, 33rd currency",
            Operation::Sale(payment(thirty_third)),
        ),
        ("sale, 132nd currency", Operation::Sale(payment(last))),
        (
            "authorize, 1st currency",
            Operation::Authorize(payment(first)),
        ),
        ("capture, 1st currency", capture),
        ("refund, 1st currency", refund),
    ];
    for (name, op) in &cases {
        assert!(gateway.check(op).is_ok(), "{name}");
    }
    let minimum = Decimal::new(50, 2);
    let amount = Decimal::new(1200, 2);
    let mut group = c.benchmark_group("check");
    group.bench_function("baseline: amount >= minimum", |b| {
        b.iter(|| black_box(amount) >= black_box(minimum));
    });
    for (name, op) in &cases {
        group.bench_function(*name, |b| {
            b.iter(|| black_box(&gateway).check(black_box(op)).is_ok())
        });
    }
    group.bench_function("void", |b| {
        b.iter(|| {
            black_box(&gateway)
                .check(black_box(&Operation::Void))
                .is_ok()
        })
    });
    group.finish();
}

fn check_payments(c: &mut Criterion) {
    let loaded =
        Form::from_json(include_str!("../examples/configs/portabilling-usd.json")).unwrap();
    let gateway = loaded
        .validate(&loaded.profile())
        .unwrap()
        .into_gateway()
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
