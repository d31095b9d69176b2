//! Stripe's presentment currencies, and those American Express does not support.

use super::*;

/// When the presentment list ([`presentment_currencies`], [`amex_supports`]) was read: the
/// copy committed 2025-03-10 (`tanisss46/firecrawl` @ `6d05c479`).
pub const PRESENTMENT_AS_OF: &str = "2025-03-10";

/// Where the presentment list comes from.
pub const PRESENTMENT_SOURCE: &str = "https://docs.stripe.com/currencies#presentment-currencies";

/// Stripe's supported presentment currencies, in the page's order (USD first, then A to Z).
///
/// Source: <https://docs.stripe.com/currencies#presentment-currencies> as rendered in
/// `tanisss46/firecrawl` @ `6d05c4790767` `docs/docs_stripe_com/docs_stripe_com_currencies.md`
/// (committed 2025-03-10; identical to a ~2023 Netherlands-view copy). 134 codes; `ANG` and
/// `STD` are left out because ISO 4217 withdrew them and `iso_currency` 0.7.1 lacks them.
const PRESENTMENT: [Currency; 132] = {
    use Currency::*;
    [
        USD, AED, AFN, ALL, AMD, /* ANG */ AOA, ARS, AUD, AWG, AZN, BAM, BBD, BDT, BGN, BIF,
        BMD, BND, BOB, BRL, BSD, BWP, BYN, BZD, CAD, CDF, CHF, CLP, CNY, COP, CRC, CVE, CZK, DJF,
        DKK, DOP, DZD, EGP, ETB, EUR, FJD, FKP, GBP, GEL, GIP, GMD, GNF, GTQ, GYD, HKD, HNL, HTG,
        HUF, IDR, ILS, INR, ISK, JMD, JPY, KES, KGS, KHR, KMF, KRW, KYD, KZT, LAK, LBP, LKR, LRD,
        LSL, MAD, MDL, MGA, MKD, MMK, MNT, MOP, MUR, MVR, MWK, MXN, MYR, MZN, NAD, NGN, NIO, NOK,
        NPR, NZD, PAB, PEN, PGK, PHP, PKR, PLN, PYG, QAR, RON, RSD, RUB, RWF, SAR, SBD, SCR, SEK,
        SGD, SHP, SLE, SOS, SRD, /* STD */ SZL, THB, TJS, TOP, TRY, TTD, TWD, TZS, UAH, UGX,
        UYU, UZS, VND, VUV, WST, XAF, XCD, XOF, XPF, YER, ZAR, ZMW,
    ]
};

/// Presentment currencies marked `*`: "Currencies marked with `*` are not supported by
/// American Express". Same source and copy as the presentment list (2025-03-10); the 26
/// asterisked codes minus `STD`, which is not representable.
const AMEX_UNSUPPORTED: [Currency; 25] = {
    use Currency::*;
    [
        AFN, AOA, ARS, BOB, BRL, CLP, COP, CRC, CVE, DJF, FKP, GNF, GTQ, HNL, LAK, MUR, NIO, PAB,
        PEN, PYG, SHP, SRD, /* STD */ UYU, XOF, XPF,
    ]
};

/// A set of currencies as a bitset over the enum's discriminants: built at compile time for
/// the tables, and used at run time where a set must not allocate.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct CurrencySet([u64; 4]);

impl CurrencySet {
    /// Adds `currency`; returns whether it was new (`false` also for a discriminant outside
    /// the bitset's range, which `iso_currency` does not have: a test guards it).
    pub(crate) fn insert(&mut self, currency: Currency) -> bool {
        let d = currency as usize;
        if d >= 256 || self.contains(currency) {
            return false;
        }
        self.0[d / 64] |= 1 << (d % 64);
        true
    }

    const fn of(list: &[Currency]) -> Self {
        let mut bits = [0u64; 4];
        let mut i = 0;
        while i < list.len() {
            let d = list[i] as usize;
            assert!(d < 256, "Currency discriminant out of the bitset's range");
            bits[d / 64] |= 1 << (d % 64);
            i += 1;
        }
        Self(bits)
    }

    pub(crate) const fn contains(&self, currency: Currency) -> bool {
        let d = currency as usize;
        d < 256 && self.0[d / 64] & (1 << (d % 64)) != 0
    }
}

const PRESENTMENT_SET: CurrencySet = CurrencySet::of(&PRESENTMENT);
const AMEX_UNSUPPORTED_SET: CurrencySet = CurrencySet::of(&AMEX_UNSUPPORTED);

/// Stripe's presentment currencies (132 of the 134 listed; see the [module docs](crate::currency)), in
/// the page's order: USD first, then alphabetical.
///
/// # Examples
///
/// ```
/// use stripe_gateway_rules::currency::{presentment_currencies, Currency};
///
/// assert_eq!(presentment_currencies().len(), 132);
/// assert_eq!(presentment_currencies()[0], Currency::USD);
/// ```
pub const fn presentment_currencies() -> &'static [Currency] {
    &PRESENTMENT
}

/// Whether Stripe lists `currency` as a presentment currency (copy of 2025-03-10).
///
/// The three-decimal currencies (BHD, JOD, KWD, OMR, TND) are not on that list; a third-party
/// note reports they appear for accounts in the UAE ([stripe-facts §2.3](crate::rules#facts-2-3), unverified).
pub const fn is_presentment_currency(currency: Currency) -> bool {
    PRESENTMENT_SET.contains(currency)
}

/// Whether American Express cards can be charged in `currency`: a presentment currency not
/// marked with `*` on <https://docs.stripe.com/currencies#presentment-currencies> (copy of
/// 2025-03-10). False for currencies outside the presentment list.
pub const fn amex_supports(currency: Currency) -> bool {
    is_presentment_currency(currency) && !AMEX_UNSUPPORTED_SET.contains(currency)
}
