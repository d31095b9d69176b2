//! Every row of the reference CSVs in `tests/data/` checked against the crate's `const` tables,
//! and the other way round (the crate has no entry the CSVs lack).
//!
//! Sources: `tests/data/README.md` (copies of `shared/reference/`, 2026-11-23); rules.md §5,
//! §6; stripe-facts §1.1, §2, §7.

mod support;

use std::collections::BTreeSet;
use std::path::Path;
use support::split_csv_line;

use rust_decimal::Decimal;
use stripe_gateway_rules::codes::CurrencyCode;
use stripe_gateway_rules::currency::{
    Currency, amex_supports, is_presentment_currency, minor_unit_rule, parse_currency,
    presentment_currencies,
};
use stripe_gateway_rules::minimum::stripe_minimum;

#[test]
fn csv_splitter_handles_quotes_and_commas() {
    assert_eq!(split_csv_line("a,b,c"), ["a", "b", "c"]);
    assert_eq!(split_csv_line(r#"a,"b, c",d"#), ["a", "b, c", "d"]);
    assert_eq!(split_csv_line(r#""say ""hi""",x"#), [r#"say "hi""#, "x"]);
    assert_eq!(split_csv_line("a,,"), ["a", "", ""]);
}

/// The records of a CSV in `tests/data/`, header checked and removed.
fn read_csv(name: &str, header: &[&str]) -> Vec<Vec<String>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let head = split_csv_line(lines.next().expect("header"));
    assert_eq!(head, header, "{name}: header");
    lines
        .map(|l| {
            let fields = split_csv_line(l);
            assert_eq!(fields.len(), header.len(), "{name}: field count in {l:?}");
            fields
        })
        .collect()
}

/// Every currency `iso_currency` knows.
fn all_currencies() -> Vec<Currency> {
    (0u16..1000).filter_map(Currency::from_numeric).collect()
}

fn currency(code: &str) -> Currency {
    parse_currency(code).unwrap_or_else(|e| panic!("{code}: {e}"))
}

// ---------------------------------------------------------------------------------------------
// Minimums — rules.md §6; stripe-facts §1.1; tests/data/stripe-min-amounts.csv
// ---------------------------------------------------------------------------------------------

/// stripe-facts §1.1: every row of the minimums CSV is the crate's minimum, exactly.
#[test]
fn minimums_every_csv_row_matches_exactly() {
    let rows = read_csv(
        "stripe-min-amounts.csv",
        &["currency", "minimum_major_units", "source"],
    );
    assert_eq!(rows.len(), 31, "stripe-facts §1.1: 31 currencies");
    for row in &rows {
        let c = currency(&row[0]);
        let expected = Decimal::from_str_exact(&row[1]).unwrap();
        let minimum = stripe_minimum(c).unwrap_or_else(|| panic!("{}: no minimum", row[0]));
        assert_eq!(minimum.currency(), c);
        assert_eq!(minimum.amount(), expected, "{}: minimum", row[0]);
        // Scale is Stripe's exponent, and the minimum itself is a valid Stripe amount.
        assert_eq!(minimum.amount().scale(), minor_unit_rule(c).exponent());
        minimum.to_minor_units().unwrap();
    }
}

/// stripe-facts §1.1: the crate has no minimum the CSV lacks.
#[test]
fn minimums_crate_has_no_entry_the_csv_lacks() {
    let rows = read_csv(
        "stripe-min-amounts.csv",
        &["currency", "minimum_major_units", "source"],
    );
    let listed: BTreeSet<Currency> = rows.iter().map(|r| currency(&r[0])).collect();
    for c in all_currencies() {
        assert_eq!(
            stripe_minimum(c).is_some(),
            listed.contains(&c),
            "{}: table entry vs CSV",
            c.code()
        );
    }
    // stripe-facts §1.1: BGN was in the ~2023 and ≤ 2025-03 tables, not in the current one.
    assert_eq!(stripe_minimum(Currency::BGN), None);
}

// ---------------------------------------------------------------------------------------------
// Decimals — rules.md §5; stripe-facts §2.2–2.4; tests/data/stripe-currency-decimals.csv
// ---------------------------------------------------------------------------------------------

/// (exponent, multiple_of, payout_multiple_of) as the CSV's rule text says.
fn expected_rule(code: &str, text: &str) -> (u32, i64, i64) {
    if text.starts_with("0 (zero-decimal") {
        (0, 1, 1)
    } else if text.starts_with("2-decimal representation; amount must be a multiple of 100") {
        // ISK; UGX too — the CSV records the conflict and rules.md §5 decides for the
        // special case.
        (2, 100, 100)
    } else if text.starts_with("2 for charges; manual payouts") {
        (2, 1, 100)
    } else if text.starts_with("3; last digit must be 0") {
        (3, 10, 10)
    } else {
        panic!("{code}: unrecognised rule text {text:?}")
    }
}

/// rules §5, stripe-facts §2: every row of the decimals CSV is the crate's rule for its currency.
#[test]
fn decimals_every_csv_row_matches() {
    let rows = read_csv(
        "stripe-currency-decimals.csv",
        &["currency", "stripe_decimals_or_rule", "source"],
    );
    let mut seen = 0;
    for row in &rows {
        if row[0] == "*" {
            // "Currencies are two-decimal currencies unless otherwise specified".
            assert!(row[1].starts_with("2 (default"), "{row:?}");
            continue;
        }
        let c = currency(&row[0]);
        let rule = minor_unit_rule(c);
        let got = (
            rule.exponent(),
            rule.multiple_of(),
            rule.payout_multiple_of(),
        );
        assert_eq!(got, expected_rule(&row[0], &row[1]), "{}", row[0]);
        seen += 1;
    }
    // 15 zero-decimal + UGX + ISK + HUF + TWD + 5 three-decimal.
    assert_eq!(seen, 24);
}

/// rules §5, stripe-facts §2: the crate has no decimal special case the CSV lacks.
#[test]
fn decimals_crate_has_no_special_case_the_csv_lacks() {
    let rows = read_csv(
        "stripe-currency-decimals.csv",
        &["currency", "stripe_decimals_or_rule", "source"],
    );
    let listed: BTreeSet<Currency> = rows
        .iter()
        .filter(|r| r[0] != "*")
        .map(|r| currency(&r[0]))
        .collect();
    for c in all_currencies() {
        if listed.contains(&c) {
            continue;
        }
        let rule = minor_unit_rule(c);
        assert_eq!(
            (
                rule.exponent(),
                rule.multiple_of(),
                rule.payout_multiple_of()
            ),
            (2, 1, 1),
            "{}: not in the CSV, so two-decimal (never ISO's exponent {:?})",
            c.code(),
            c.exponent()
        );
    }
}

/// rules §5, stripe-facts §2: Stripe's exponent is used, not ISO 4217's, where they differ.
#[test]
fn decimals_stripe_exponent_is_not_iso_exponent() {
    // stripe-facts §2.2: MGA is zero-decimal at Stripe, ISO says 2.
    assert_eq!(Currency::MGA.exponent(), Some(2));
    assert_eq!(minor_unit_rule(Currency::MGA).exponent(), 0);
    // stripe-facts §2.4: ISK and UGX are ISO 0, Stripe 2 (×100).
    for c in [Currency::ISK, Currency::UGX] {
        assert_eq!(c.exponent(), Some(0));
        assert_eq!(minor_unit_rule(c).exponent(), 2);
    }
    // Currencies with no ISO exponent (e.g. XAU, gold) still get Stripe's default of 2.
    assert_eq!(Currency::XAU.exponent(), None);
    assert_eq!(minor_unit_rule(Currency::XAU).exponent(), 2);
}

// ---------------------------------------------------------------------------------------------
// Presentment list — stripe-facts §7; tests/data/stripe-presentment-currencies.{csv,md}
// ---------------------------------------------------------------------------------------------

fn presentment_rows() -> Vec<Vec<String>> {
    read_csv(
        "stripe-presentment-currencies.csv",
        &[
            "currency",
            "amex_supported",
            "stripe_zero_decimal",
            "source",
        ],
    )
}

fn yes_no(s: &str) -> bool {
    match s {
        "yes" => true,
        "no" => false,
        other => panic!("expected yes/no, found {other:?}"),
    }
}

/// stripe-facts §7: every currency of the presentment CSV is on the crate's list, with its
/// American Express flag.
#[test]
fn presentment_every_csv_row_is_present_with_exact_amex_flag() {
    let rows = presentment_rows();
    assert_eq!(rows.len(), 134);
    let mut representable = 0;
    let mut withdrawn = Vec::new();
    for row in &rows {
        match parse_currency(&row[0]) {
            Ok(c) => {
                representable += 1;
                assert!(is_presentment_currency(c), "{}", row[0]);
                assert_eq!(amex_supports(c), yes_no(&row[1]), "{}: amex", row[0]);
            }
            Err(e) if e.code() == CurrencyCode::CurrencyWithdrawn => {
                withdrawn.push(e.found().as_str().to_owned());
            }
            Err(e) => panic!("{}: {e}", row[0]),
        }
    }
    assert_eq!(representable, 132);
    // The documented gap: iso_currency 0.7.1 lacks the withdrawn STD and ANG.
    assert_eq!(withdrawn, ["ANG", "STD"]);
}

/// stripe-facts §7: 26 currencies are marked as not supported by American Express, 25 of them
/// representable.
#[test]
fn presentment_amex_unsupported_count_is_26_in_csv_25_representable() {
    let rows = presentment_rows();
    let unsupported: Vec<&str> = rows
        .iter()
        .filter(|r| !yes_no(&r[1]))
        .map(|r| r[0].as_str())
        .collect();
    assert_eq!(unsupported.len(), 26);
    let representable = presentment_currencies()
        .iter()
        .filter(|c| !amex_supports(**c))
        .count();
    assert_eq!(representable, 25);
}

/// rules §5, stripe-facts §2, §7: the list's zero-decimal flag agrees with the exponent, except
/// for UGX (its special case wins).
#[test]
fn presentment_zero_decimal_flag_consistent_with_exponent_except_ugx() {
    // rules.md §5: UGX is flagged zero-decimal on the list, but the special case (exponent 2,
    // ×100) wins; that is the one documented exception.
    for row in presentment_rows() {
        let Ok(c) = parse_currency(&row[0]) else {
            continue;
        };
        let flagged = yes_no(&row[2]);
        if c == Currency::UGX {
            assert!(flagged);
            assert!(!minor_unit_rule(c).is_zero_decimal());
            continue;
        }
        assert_eq!(
            minor_unit_rule(c).is_zero_decimal(),
            flagged,
            "{}: zero-decimal flag",
            row[0]
        );
    }
}

/// stripe-facts §7: the crate's list has no currency the CSV lacks, and keeps the page's order.
#[test]
fn presentment_crate_has_no_entry_the_csv_lacks_and_keeps_page_order() {
    let rows = presentment_rows();
    let csv_order: Vec<Currency> = rows
        .iter()
        .filter_map(|r| parse_currency(&r[0]).ok())
        .collect();
    assert_eq!(presentment_currencies(), csv_order.as_slice());
    let listed: BTreeSet<Currency> = csv_order.into_iter().collect();
    for c in all_currencies() {
        assert_eq!(
            is_presentment_currency(c),
            listed.contains(&c),
            "{}",
            c.code()
        );
        if !listed.contains(&c) {
            assert!(!amex_supports(c), "{}: amex outside the list", c.code());
        }
    }
    // stripe-facts §2.3: the three-decimal currencies are not on the list as copied.
    for c in [
        Currency::BHD,
        Currency::JOD,
        Currency::KWD,
        Currency::OMR,
        Currency::TND,
    ] {
        assert!(!is_presentment_currency(c));
    }
}

#[test]
fn every_currency_fits_the_presentment_bitset() {
    // The presentment and Amex sets are compile-time bitsets over `Currency`'s discriminants
    // (256 bits); a future iso_currency with more variants must fail here, not silently.
    let all = all_currencies();
    assert!(all.len() > 150);
    for c in all {
        assert!((c as usize) < 256, "{}", c.code());
    }
}
