//! The hot paths allocate nothing: a counting global allocator in its own test binary.
//!
//! Source: the crate's design (rules.md §5 "conversions must be lossless and overflow-free";
//! `to_minor_units`, `from_minor_units` and `check_minimum` allocate nothing), and issue 5:
//! `ValidatedGateway::check` is on every payment's path and must not allocate. Error paths
//! included.

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

/// Issue 11: `ApiVersion::is_known` is asked on every configuration check and must not
/// allocate (it compares against the table from a stack buffer), for known, unknown, preview
/// and not-yet-known versions alike.
#[test]
fn api_version_is_known_allocates_nothing() {
    use stripe_gateway_rules::api_version::ApiVersion;
    let versions: Vec<ApiVersion> = [
        "2024-06-20",
        "2026-09-30.endive",
        "2025-04-30.preview",
        "2025-06-15.private",
        "2021-01-01",
        "2027-03-31.fig",
        "2025-03-01.dashboard",
    ]
    .iter()
    .map(|s| s.parse().expect("well formed"))
    .collect();
    let mut known = 0;
    let n = allocations_during(|| {
        for v in &versions {
            known += usize::from(black_box(v).is_known());
        }
    });
    assert_eq!(n, 0);
    assert_eq!(known, 4);
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

/// Issue 11: asking an account's limits allocates nothing (building them may).
#[test]
fn limits_allocate_nothing_when_asked() {
    use stripe_gateway_rules::card_brand::CardBrand;
    use stripe_gateway_rules::money::{AmountLimits, ChargeMethod};
    let limits = AmountLimits::card_networks()
        .japanese_account(true)
        .with_currency_max(Currency::VND, MinorUnits::new(500_000_000))
        .with_brand_max(CardBrand::AmericanExpress, MinorUnits::new(200_000_000))
        .with_minimum(Money::new(Decimal::new(100, 2), Currency::BGN));
    let vnd = Money::new(Decimal::new(600_000_000, 0), Currency::VND);
    let n = allocations_during(|| {
        for method in [
            ChargeMethod::Unknown,
            ChargeMethod::Card(None),
            ChargeMethod::Card(Some(CardBrand::AmericanExpress)),
            ChargeMethod::Card(Some(CardBrand::Jcb)),
        ] {
            let _ = black_box(black_box(vnd).to_minor_units_within(&limits, method));
            let _ = black_box(limits.max_for(Currency::USD, method));
        }
        let _ = black_box(limits.minimum_for(Currency::BGN));
        let bgn = Money::new(Decimal::new(80, 2), Currency::BGN);
        let _ = black_box(stripe_gateway_rules::minimum::check_minimum_within(
            black_box(bgn),
            Currency::BGN,
            None,
            &limits,
        ));
        let _ = black_box(limits.minimum_for(Currency::USD));
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

mod check {
    use super::allocations_during;
    use std::fmt::Write as _;
    use std::hint::black_box;

    use jiff::Timestamp;
    use rust_decimal::Decimal;
    use stripe_gateway_rules::authorization::{Authorization, Initiator};
    use stripe_gateway_rules::config::{
        AccountConfig, AuthConfig, CurrencyConfig, Form, GatewayConfig,
    };
    use stripe_gateway_rules::operation::{Capture, CardSource, Payment, Refund};
    use stripe_gateway_rules::{Currency, Money, Operation, card_brand::CardBrand};

    /// A `fmt::Write` into a fixed buffer: writing never allocates.
    struct FixedText {
        buf: [u8; 4096],
        len: usize,
    }

    impl Default for FixedText {
        fn default() -> Self {
            FixedText {
                buf: [0; 4096],
                len: 0,
            }
        }
    }

    impl std::fmt::Write for FixedText {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            let end = self.len + s.len();
            self.buf
                .get_mut(self.len..end)
                .ok_or(std::fmt::Error)?
                .copy_from_slice(s.as_bytes());
            self.len = end;
            Ok(())
        }
    }

    fn usd(cents: i64) -> Money {
        Money::new(Decimal::new(cents, 2), Currency::USD)
    }

    /// Every operation kind, accepted and refused, checked on a token-only gateway built
    /// before counting starts: `check` allocates nothing on any path.
    #[test]
    fn check_allocates_nothing_on_any_path() {
        let gateway = {
            let mut config = GatewayConfig::default();
            config.name = Some("Stripe".into());
            config.version = Some("v2".into());
            config.mode = Some("test".into());
            config.auth = Some(AuthConfig::api_key("sk_test_4eC39HqLyjWDarjtT1zdp7dc"));
            config.account = Some({
                let mut account = AccountConfig::settling_in("USD");
                account.raw_card_data_access = true;
                account
            });
            config.data_protection = Some("token_only".into());
            config.card_brands = Some(vec!["visa".into()]);
            config.currencies = Some(vec![
                CurrencyConfig::new("USD", "0.50"),
                CurrencyConfig::new("ISK", "100").with_rate("0.0072"),
            ]);
            config
        }
        .validate(&stripe_gateway_rules::Platform::Generic.profile())
        .unwrap()
        .into_gateway()
        .expect("a payment gateway");
        let t0: Timestamp = "2026-11-01T10:00:00Z".parse().unwrap();
        let later: Timestamp = "2026-11-20T10:00:00Z".parse().unwrap();
        let auth = Authorization::new(t0)
            .brand(CardBrand::Visa)
            .initiator(Initiator::Merchant);
        let new = Payment::new(usd(1200), CardSource::New);
        let ops = [
            Operation::Sale(new.with_email("ana@shop.example")),
            Operation::Sale(new),                            // email_required
            Operation::Sale(new.with_email("not an email")), // invalid_email
            Operation::Authorize(Payment::new(usd(10), CardSource::Saved)), // below_minimum
            Operation::Sale(Payment::new(
                Money::new(Decimal::new(5, 0), Currency::EUR),
                CardSource::Saved,
            )),
            Operation::Sale(Payment::new(usd(-100), CardSource::Saved)),
            Operation::Sale(Payment::new(
                Money::new(Decimal::new(1005, 3), Currency::USD),
                CardSource::Saved,
            )),
            Operation::Sale(Payment::new(
                Money::new(Decimal::new(15050, 2), Currency::ISK),
                CardSource::Saved,
            )),
            Operation::Sale(Payment::new(
                Money::new(Decimal::MAX, Currency::USD),
                CardSource::Saved,
            )),
            Operation::Sale(Payment::new(usd(100_000_000), CardSource::Saved)), // too large, 64-bit mantissa
            Operation::Capture(Capture::new(usd(1000), usd(1000), auth, t0)),
            Operation::Capture(Capture::new(usd(1000), usd(1000), auth, later)), // expired
            Operation::Capture(Capture::new(usd(1001), usd(1000), auth, t0)),
            Operation::Capture(Capture::new(
                usd(1000),
                Money::new(Decimal::new(1000, 0), Currency::ISK),
                auth,
                t0,
            )), // currency_mismatch
            Operation::Refund(Refund::new(usd(500), usd(1000), usd(0))),
            Operation::Refund(Refund::new(usd(501), usd(1000), usd(500))),
            Operation::Refund(Refund::new(
                usd(500),
                Money::new(Decimal::new(1000, 0), Currency::ISK),
                usd(0),
            )), // currency_mismatch
            Operation::Void,
            Operation::SavePaymentMethod {
                customer_email: Some("ana@shop.example"),
            },
            Operation::SavePaymentMethod {
                customer_email: None,
            },
            Operation::DeletePaymentMethod,
        ];
        // Codes are &'static str: collecting them into a fixed array allocates nothing.
        let mut codes = [""; 32];
        let mut refused = 0;
        // Every refusal's texts and params are also printed, into a fixed buffer: printing
        // allocates nothing either (amounts, codes and moments included).
        let mut text = FixedText::default();
        let n = allocations_during(|| {
            for op in &ops {
                if let Err(e) = black_box(&gateway).check(black_box(op)) {
                    codes[refused] = e.code().as_str();
                    refused += 1;
                    text.len = 0;
                    write!(text, "{e} {}", e.end_user_message()).unwrap();
                    for (name, value) in e.params() {
                        write!(text, " {name}={value}").unwrap();
                    }
                    black_box(&text);
                }
            }
        });
        assert_eq!(n, 0, "check or printing a refusal allocated");
        // Every refusal code of `check` (the crate page's table) was produced, so every
        // refusal path was counted.
        let every_code = [
            "void_unsupported",
            "currency_not_assigned",
            "amount_not_positive",
            "amount_precision",
            "amount_not_multiple",
            "amount_too_large",
            "below_minimum",
            "currency_mismatch",
            "capture_exceeds_authorized",
            "authorization_expired",
            "refund_exceeds_captured",
            "email_required",
            "invalid_email",
        ];
        for code in every_code {
            assert!(
                codes[..refused].contains(&code),
                "no operation refused with {code}"
            );
        }
        assert_eq!(refused, 16, "every refusing operation was refused");
    }

    /// Issue 11: with the account's limits stated (card networks, a currency and a brand
    /// maximum, a replaced minimum), `check` converts within them and still allocates nothing,
    /// accepted or refused, brand known or not.
    #[test]
    fn check_with_stated_limits_allocates_nothing() {
        let json = r#"{
          "name": "Stripe", "version": "v2", "mode": "test",
          "auth": { "scheme": "api_key", "secret_key": "sk_test_4eC39HqLyjWDarjtT1zdp7dc" },
          "account": { "settlement_currency": "USD", "limits": {
            "card_networks": true,
            "currency_max": [{ "currency": "EUR", "max_minor_units": "100000" }],
            "brand_max": [{ "brand": "amex", "max_minor_units": "500000000" }],
            "minimums": [{ "currency": "USD", "minimum": "0.40" }]
          } },
          "card_brands": ["visa", "amex"],
          "currencies": [
            { "currency": "USD", "minimum_payment": "0.40" },
            { "currency": "EUR", "minimum_payment": "1", "rate_to_settlement": "1.1" }
          ]
        }"#;
        let gateway = Form::from_json(json)
            .unwrap()
            .validate(&stripe_gateway_rules::Platform::Generic.profile())
            .unwrap()
            .into_gateway()
            .unwrap();
        let t0: Timestamp = "2026-11-01T10:00:00Z".parse().unwrap();
        let big = usd(500_000_000_000); // 12 digits
        let amex = Authorization::new(t0).brand(CardBrand::AmericanExpress);
        let eur = Money::new(Decimal::new(2000, 0), Currency::EUR);
        let ops = [
            Operation::Sale(Payment::new(usd(40), CardSource::Saved)),
            Operation::Sale(Payment::new(big, CardSource::Saved).with_brand(CardBrand::Visa)),
            Operation::Sale(Payment::new(big, CardSource::Saved)), // too large: unknown brand
            Operation::Sale(Payment::new(eur, CardSource::Saved)), // too large: EUR maximum
            Operation::Capture(Capture::new(big, big, amex, t0)),  // too large: amex maximum
            Operation::Refund(Refund::new(big, big, usd(0)).with_brand(CardBrand::Visa)),
        ];
        let mut refused = 0;
        let n = allocations_during(|| {
            for op in &ops {
                if black_box(&gateway).check(black_box(op)).is_err() {
                    refused += 1;
                }
            }
        });
        assert_eq!(n, 0, "check allocated");
        assert_eq!(refused, 3);
    }
}

/// Issue 13: an accepted operation line is parsed into borrowed fields and turned into its
/// operation without allocating (no `serde_json::Value`, no owned string): every documented
/// line of the format, with an `id`.
#[test]
fn operation_lines_parse_and_build_without_allocating() {
    use stripe_gateway_rules::operation::OperationLine;
    let lines = [
        r#"{"op":"sale","amount":"12.00","currency":"USD","card":"new","customer_email":"a@shop.example","id":"inv-1"}"#,
        r#"{"op":"authorize","amount":"12.00","currency":"USD","card":"saved","id":"run 7/2"}"#,
        r#"{"op":"capture","amount":"10.00","currency":"USD","authorized_amount":"10.00","authorized_at":"2026-11-01T10:00:00Z","at":"2026-11-07T09:00:00Z","brand":"visa","initiator":"customer","presence":"online","extended":false}"#,
        r#"{"op":"refund","amount":"5.00","currency":"USD","captured_amount":"10.00","refunded_amount":"0.00"}"#,
        r#"{"op":"void"}"#,
        r#"{"op":"save_payment_method","customer_email":"a@shop.example"}"#,
        r#"{"op":"delete_payment_method","amount":null}"#,
    ];
    let mut built = 0;
    let n = allocations_during(|| {
        for line in lines {
            let parsed = OperationLine::parse(black_box(line)).expect("parses");
            if black_box(parsed.operation()).is_ok() {
                built += 1;
            }
        }
    });
    assert_eq!(built, lines.len());
    assert_eq!(n, 0, "parsing accepted lines allocated");
}

/// rules §13 (issue 20): parsing a line with every request field (a metadata object of plain
/// strings kept as its text), checking them against the account's prefix, and recording its
/// idempotency key in a ledger that has room allocate nothing; only the ledger's table, once,
/// when it grows.
#[cfg(feature = "serde")]
#[test]
fn request_fields_parse_check_and_record_allocate_nothing() {
    use stripe_gateway_rules::operation::OperationLine;
    use stripe_gateway_rules::request::{IdempotencyLedger, StatementDescriptorPrefix};
    let prefix: StatementDescriptorPrefix = "ACMEBILL".parse().unwrap();
    let mut ledger = IdempotencyLedger::new(1000);
    let first = r#"{"op":"sale","amount":"29.00","currency":"USD","card":"saved","statement_descriptor_suffix":"INV 10001","description":"Pro plan","metadata":{"invoice_id":"in_10001","plan":"pro"},"idempotency_key":"in_10001-charge"}"#;
    // The first key allocates the ledger's first table.
    let parsed = OperationLine::parse(first).unwrap();
    assert_eq!(parsed.record_key(&mut ledger, 1), Ok(None));
    let second = first.replace("10001", "10002");
    let n = allocations_during(|| {
        let parsed = OperationLine::parse(black_box(&second)).unwrap();
        assert!(parsed.operation().is_ok());
        assert!(parsed.check_request(Some(&prefix)).is_ok());
        assert_eq!(parsed.record_key(&mut ledger, 2), Ok(None));
    });
    assert_eq!(n, 0);
}
