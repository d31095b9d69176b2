//! Stripe's decimal rules: the minor unit of each currency.

use super::*;

/// How Stripe expects amounts of one currency in minor units.
///
/// An `amount` sent to Stripe is `major × 10^exponent()`, and must be a multiple of
/// [`multiple_of`](Self::multiple_of); manual payouts must also be a multiple of
/// [`payout_multiple_of`](Self::payout_multiple_of). Get one with [`minor_unit_rule`].
///
/// | currency | exponent | multiple_of | payout_multiple_of |
/// | --- | --- | --- | --- |
/// | USD (and every other two-decimal currency) | 2 | 1 | 1 |
/// | JPY (and the other zero-decimal currencies) | 0 | 1 | 1 |
/// | ISK, UGX | 2 | 100 | 100 |
/// | BHD JOD KWD OMR TND | 3 | 10 | 10 |
/// | HUF, TWD | 2 | 1 | 100 |
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MinorUnitRule {
    exponent: u8,
    multiple_of: u8,
    payout_multiple_of: u8,
}

impl MinorUnitRule {
    const TWO_DECIMAL: Self = Self::new(2, 1, 1);
    const ZERO_DECIMAL: Self = Self::new(0, 1, 1);
    const WHOLE_UNITS_AS_TWO_DECIMAL: Self = Self::new(2, 100, 100);
    const THREE_DECIMAL_LAST_DIGIT_ZERO: Self = Self::new(3, 10, 10);
    const TWO_DECIMAL_WHOLE_UNIT_PAYOUTS: Self = Self::new(2, 1, 100);

    const fn new(exponent: u8, multiple_of: u8, payout_multiple_of: u8) -> Self {
        Self {
            exponent,
            multiple_of,
            payout_multiple_of,
        }
    }

    /// Number of decimal places Stripe's minor unit has: `amount = major × 10^exponent`.
    ///
    /// 0, 2 or 3. This is Stripe's exponent, not ISO 4217's (MGA: 0 here, 2 in ISO; ISK and
    /// UGX: 2 here, 0 in ISO).
    pub const fn exponent(self) -> u32 {
        self.exponent as u32
    }

    /// Every charge `amount` (in minor units) must be a multiple of this: 1, 10 (three-decimal
    /// currencies, last digit 0) or 100 (ISK, UGX: whole units only).
    pub const fn multiple_of(self) -> i64 {
        self.multiple_of as i64
    }

    /// Every manual payout `amount` (in minor units) must be a multiple of this: 100 for HUF
    /// and TWD, otherwise [`multiple_of`](Self::multiple_of).
    pub const fn payout_multiple_of(self) -> i64 {
        self.payout_multiple_of as i64
    }

    /// Whether Stripe treats the currency as zero-decimal (exponent 0).
    pub const fn is_zero_decimal(self) -> bool {
        self.exponent == 0
    }

    /// The smallest accepted charge step in major units, with the rule's exponent as scale:
    /// `0.01` (USD), `1` (JPY), `1.00` (ISK), `0.010` (KWD).
    pub fn step(self) -> rust_decimal::Decimal {
        rust_decimal::Decimal::new(self.multiple_of(), self.exponent())
    }
}

/// When the decimal rules ([`minor_unit_rule`]) were read: the copy of
/// <https://docs.stripe.com/currencies> crawled on or before 2025-03-13 (`tanisss46/firecrawl`
/// @ f50cca8e), the latest that lists the zero-decimal currencies and the special cases; the
/// three-decimal rule is from the 2022-06-18 Wayback snapshot (see the [module docs](crate::currency)).
pub const DECIMALS_AS_OF: &str = "2025-03-13";

/// Where the decimal rules come from.
pub const DECIMALS_SOURCE: &str = "https://docs.stripe.com/currencies#zero-decimal";

/// Stripe's zero-decimal currencies, without UGX (which follows the special case below).
/// Source: <https://docs.stripe.com/currencies#zero-decimal>, list as in the Wayback snapshot
/// of 2022-06-18 (<https://web.archive.org/web/20220618095455/https://stripe.com/en-mt/docs/currencies>)
/// and the ~2023 and ≤ 2025-03 page versions ([stripe-facts §2.2](crate::rules#facts-2-2)). MGA is zero-decimal at Stripe
/// although ISO 4217 gives it 2 digits.
const ZERO_DECIMAL: [Currency; 15] = [
    Currency::BIF,
    Currency::CLP,
    Currency::DJF,
    Currency::GNF,
    Currency::JPY,
    Currency::KMF,
    Currency::KRW,
    Currency::MGA,
    Currency::PYG,
    Currency::RWF,
    Currency::VND,
    Currency::VUV,
    Currency::XAF,
    Currency::XOF,
    Currency::XPF,
];

/// "Represent it as a two-decimal value, where the decimal amount is always `00`".
/// Source: <https://docs.stripe.com/currencies#special-cases> (current page, and the copy
/// crawled on or before 2025-03-13), [stripe-facts §2.4](crate::rules#facts-2-4). UGX is also in Stripe's zero-decimal
/// list; the special case wins ([rules.md §5](crate::rules#rules-5)).
const WHOLE_UNITS_AS_TWO_DECIMAL: [Currency; 2] = [Currency::ISK, Currency::UGX];

/// "These API calls require the least-significant (last) digit to be 0."
/// Source: <https://web.archive.org/web/20220618095455/https://stripe.com/en-mt/docs/currencies>
/// (2022-06-18) and the ~2023 page, [stripe-facts §2.3](crate::rules#facts-2-3). The section is absent from the 2025 and
/// current pages; still enforced here as the conservative reading.
const THREE_DECIMAL_LAST_DIGIT_ZERO: [Currency; 5] = [
    Currency::BHD,
    Currency::JOD,
    Currency::KWD,
    Currency::OMR,
    Currency::TND,
];

/// Charged with two decimals; manual payouts must be multiples of 100.
/// Source: <https://docs.stripe.com/currencies#special-cases> (current page and ≤ 2025-03 copy),
/// [stripe-facts §2.4](crate::rules#facts-2-4).
const TWO_DECIMAL_WHOLE_UNIT_PAYOUTS: [Currency; 2] = [Currency::HUF, Currency::TWD];

/// Stripe's minor-unit rule of every currency, indexed by the enum's discriminant: built at
/// compile time from the four lists above, so [`minor_unit_rule`] is one table read instead of
/// a search of the lists (issue 13). Filled in order of precedence, the most specific last:
/// every currency two-decimal, then the zero-decimal list, HUF/TWD, the three-decimal list,
/// and the whole-unit special case, which so overrides UGX's zero-decimal entry ([rules.md §5](crate::rules#rules-5)).
/// `iso_currency` has fewer than 256 variants (`tests/currency_tables.rs` guards it).
const RULES: [MinorUnitRule; 256] = {
    let mut table = [MinorUnitRule::TWO_DECIMAL; 256];
    set_rule(&mut table, &ZERO_DECIMAL, MinorUnitRule::ZERO_DECIMAL);
    set_rule(
        &mut table,
        &TWO_DECIMAL_WHOLE_UNIT_PAYOUTS,
        MinorUnitRule::TWO_DECIMAL_WHOLE_UNIT_PAYOUTS,
    );
    set_rule(
        &mut table,
        &THREE_DECIMAL_LAST_DIGIT_ZERO,
        MinorUnitRule::THREE_DECIMAL_LAST_DIGIT_ZERO,
    );
    set_rule(
        &mut table,
        &WHOLE_UNITS_AS_TWO_DECIMAL,
        MinorUnitRule::WHOLE_UNITS_AS_TWO_DECIMAL,
    );
    table
};

const fn set_rule(table: &mut [MinorUnitRule; 256], list: &[Currency], rule: MinorUnitRule) {
    let mut i = 0;
    while i < list.len() {
        let d = list[i] as usize;
        assert!(
            d < 256,
            "Currency discriminant out of the rule table's range"
        );
        table[d] = rule;
        i += 1;
    }
}

/// Stripe's minor-unit rule for `currency`.
///
/// Special cases win over the zero-decimal list, so UGX gets exponent 2 and multiple 100
/// although Stripe also lists it as zero-decimal ([rules.md §5](crate::rules#rules-5); [stripe-facts §2.4](crate::rules#facts-2-4)).
/// Every currency not in the tables is two-decimal, whatever its ISO 4217 exponent
/// ("Currencies are two-decimal currencies unless otherwise specified",
/// <https://docs.stripe.com/currencies>). See the [module docs](crate::currency) for the table.
/// Constant time: one read of a table built at compile time.
///
/// # Examples
///
/// ```
/// use stripe_gateway_rules::currency::{minor_unit_rule, Currency};
///
/// assert_eq!(minor_unit_rule(Currency::USD).exponent(), 2);
/// assert_eq!(minor_unit_rule(Currency::JPY).exponent(), 0);
/// assert_eq!(minor_unit_rule(Currency::ISK).multiple_of(), 100);
/// assert_eq!(minor_unit_rule(Currency::HUF).payout_multiple_of(), 100);
/// ```
#[inline(always)]
pub const fn minor_unit_rule(currency: Currency) -> MinorUnitRule {
    let d = currency as usize;
    if d < RULES.len() {
        RULES[d]
    } else {
        // No such discriminant in iso_currency 0.7 (the table build and a test guard it).
        MinorUnitRule::TWO_DECIMAL
    }
}
