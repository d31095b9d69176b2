//! The billing-run pre-flight of `stripe-gateway-rules check-payments` (issue 13): the very
//! code of the binary (`src/bin/stripe-gateway-rules/preflight.rs`: read each line, parse it
//! into borrowed typed fields, build the operation, check it, write the answer into a reused
//! buffer) over 10,000 lines in memory, beside parsing the same lines into
//! `serde_json::Value`, in the same group. Results and the ratio: `benches/README.md`.

use std::hint::black_box;
use std::io;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use stripe_gateway_rules::config::Form;

#[allow(dead_code)] // the bench uses `run` only
#[path = "../src/bin/stripe-gateway-rules/preflight.rs"]
mod preflight;

/// 10,000 lines cycling through `sample`, each ended by `\n`.
fn lines_of(sample: &[&str]) -> String {
    sample
        .iter()
        .cycle()
        .take(10_000)
        .flat_map(|l| [*l, "\n"])
        .collect()
}

/// 10,000 accepted lines with every request field a payment takes, each with its own
/// idempotency key: sales (a third with a brand) and refunds with metadata.
fn request_lines() -> String {
    let mut out = String::new();
    for i in 0..10_000u32 {
        let n = 10_000 + i;
        let line = if i % 5 == 4 {
            format!(
                r#"{{"id":"in_{n}-refund","op":"refund","amount":"5.00","currency":"USD","captured_amount":"29.00","metadata":{{"invoice_id":"in_{n}","reason":"goodwill"}},"idempotency_key":"in_{n}-refund"}}"#
            )
        } else {
            format!(
                r#"{{"id":"in_{n}","op":"sale","amount":"29.00","currency":"USD","card":"saved","statement_descriptor_suffix":"INV {n}","description":"Pro plan, November 2026","metadata":{{"invoice_id":"in_{n}","customer_id":"cus_{n}","plan":"pro","period":"2026-11"}},"idempotency_key":"in_{n}-charge"}}"#
            )
        };
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn preflight(c: &mut Criterion) {
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
    // The example file: 7 of its 12 lines accepted, 4 refused by a rule, 1 not JSON. And the
    // same file's accepted lines alone (a billing run where everything passes: the common case).
    let accepted: Vec<&str> = [0, 1, 2, 3, 5, 6].iter().map(|&i| sample[i]).collect();
    // Issue 20: accepted lines with the request fields (a suffix checked against the account's
    // prefix, a description, metadata of four keys, an idempotency key, distinct on every
    // line so that the run-level check records 10,000 keys and flags none).
    let billing = Form::from_json(include_str!("../examples/configs/billing-run.json")).unwrap();
    let billing_gateway = billing
        .validate(&billing.profile())
        .unwrap()
        .into_gateway()
        .unwrap();
    for (name, input, gateway) in [
        ("example file", lines_of(&sample), &gateway),
        ("accepted lines", lines_of(&accepted), &gateway),
        (
            "accepted lines with request fields",
            request_lines(),
            &billing_gateway,
        ),
    ] {
        if name.contains("request fields") {
            let mut sink = io::sink();
            let summary = preflight::run(
                gateway,
                input.as_bytes(),
                &mut sink,
                Default::default(),
                |_| {},
            )
            .unwrap();
            assert_eq!((summary.accepted, summary.warned), (10_000, 0), "{summary}");
        }
        let mut group = c.benchmark_group(format!("preflight/{name}"));
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_function("serde_json::Value alone", |b| {
            b.iter(|| {
                let mut n = 0;
                for line in black_box(&input).lines() {
                    if serde_json::from_str::<serde_json::Value>(line).is_ok() {
                        n += 1;
                    }
                }
                n
            });
        });
        // The tool's own output buffer (64 KiB over stdout), over a sink: every answer is
        // written and copied as the tool does, without the system calls.
        group.bench_function("serde_json::Value from bytes", |b| {
            b.iter(|| {
                let mut n = 0;
                for line in black_box(input.as_bytes()).split(|&b| b == b'\n') {
                    if serde_json::from_slice::<serde_json::Value>(line).is_ok() {
                        n += 1;
                    }
                }
                n
            });
        });
        let mut out = io::BufWriter::with_capacity(64 * 1024, io::sink());
        group.bench_function("check-payments pre-flight", |b| {
            b.iter(|| {
                let summary = preflight::run(
                    gateway,
                    black_box(input.as_bytes()),
                    &mut out,
                    preflight::Options::default(),
                    |_| {},
                )
                .unwrap();
                summary.accepted
            });
        });
        group.finish();
    }
}

criterion_group!(benches, preflight);
criterion_main!(benches);
