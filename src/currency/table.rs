//! The code table: every code `iso_currency` knows, packed and sorted, and the withdrawn
//! codes Stripe still lists.

use super::Currency;

/// Three ASCII letters, uppercased, packed big-endian into a `u32`: packed codes sort as the
/// codes do.
#[inline(always)]
pub(super) const fn pack_upper(a: u8, b: u8, c: u8) -> u32 {
    ((a & !0x20) as u32) << 16 | ((b & !0x20) as u32) << 8 | (c & !0x20) as u32
}

/// A code's text (three uppercase ASCII letters) packed as [`pack_upper`] does, at compile time.
pub(super) const fn pack_code(code: &str) -> u32 {
    let b = code.as_bytes();
    assert!(b.len() == 3, "a currency code has three letters");
    pack_upper(b[0], b[1], b[2])
}

/// Builds the code table: each code's packed text beside its [`Currency`], sorted by code.
macro_rules! code_table {
    ($($code:ident),* $(,)?) => {
        /// Every code `iso_currency` 0.7.1 knows (`Currency::from_code`), packed
        /// ([`pack_upper`]) and sorted, indexed by [`CODE_INDEX`]; [`CODE_CURRENCIES`] holds the
        /// currency at the same index. Generated from `iso_currency`'s `isodata.tsv`; a test
        /// checks it against `Currency::from_code` for all 17,576 three-letter codes, and the
        /// order is checked at compile time.
        pub(super) const CODE_KEYS: [u32; CODE_COUNT] = [$(pack_code(stringify!($code))),*];
        /// The currencies of [`CODE_KEYS`], index for index.
        pub(super) const CODE_CURRENCIES: [Currency; CODE_COUNT] = [$(Currency::$code),*];
    };
}

/// How many codes `iso_currency` 0.7.1 has.
pub(super) const CODE_COUNT: usize = 183;

code_table![
    AED, AFN, ALL, AMD, AOA, ARS, AUD, AWG, AZN, BAM, BBD, BDT, BGN, BHD, BIF, BMD, BND, BOB, BOV,
    BRL, BSD, BTN, BWP, BYN, BZD, CAD, CDF, CHE, CHF, CHW, CLF, CLP, CNY, COP, COU, CRC, CUC, CUP,
    CVE, CZK, DJF, DKK, DOP, DZD, EGP, ERN, ETB, EUR, FJD, FKP, GBP, GEL, GHS, GIP, GMD, GNF, GTQ,
    GYD, HKD, HNL, HRK, HTG, HUF, IDR, ILS, INR, IQD, IRR, ISK, JMD, JOD, JPY, KES, KGS, KHR, KMF,
    KPW, KRW, KWD, KYD, KZT, LAK, LBP, LKR, LRD, LSL, LYD, MAD, MDL, MGA, MKD, MMK, MNT, MOP, MRU,
    MUR, MVR, MWK, MXN, MXV, MYR, MZN, NAD, NGN, NIO, NOK, NPR, NZD, OMR, PAB, PEN, PGK, PHP, PKR,
    PLN, PYG, QAR, RON, RSD, RUB, RWF, SAR, SBD, SCR, SDG, SEK, SGD, SHP, SLE, SLL, SOS, SRD, SSP,
    STN, SVC, SYP, SZL, THB, TJS, TMT, TND, TOP, TRY, TTD, TWD, TZS, UAH, UGX, USD, USN, UYI, UYU,
    UYW, UZS, VED, VES, VND, VUV, WST, XAD, XAF, XAG, XAU, XBA, XBB, XBC, XBD, XCD, XCG, XDR, XOF,
    XPD, XPF, XPT, XSU, XTS, XUA, XXX, YER, ZAR, ZMW, ZWG, ZWL,
];

// The table must be strictly increasing: each code once.
const _: () = {
    let mut i = 1;
    while i < CODE_KEYS.len() {
        assert!(CODE_KEYS[i - 1] < CODE_KEYS[i], "code table out of order");
        i += 1;
    }
};

/// The position of three uppercase ASCII letters packed by [`pack_upper`] among all
/// 17,576 such codes (`AAA` = 0, `ZZZ` = 17,575).
#[inline(always)]
pub(super) const fn letters_index(packed: u32) -> usize {
    let [_, a, b, c] = packed.to_be_bytes();
    (a - b'A') as usize * 26 * 26 + (b - b'A') as usize * 26 + (c - b'A') as usize
}

/// For each of the 17,576 three-letter codes, its index in [`CODE_KEYS`] plus one, or 0 when
/// `iso_currency` has no such code: a lookup is one read (17.2 KiB, built at compile time).
pub(super) static CODE_INDEX: [u8; 26 * 26 * 26] = {
    assert!(
        CODE_COUNT < u8::MAX as usize,
        "the code index holds positions in a u8"
    );
    let mut index = [0u8; 26 * 26 * 26];
    let mut i = 0;
    while i < CODE_KEYS.len() {
        index[letters_index(CODE_KEYS[i])] = (i + 1) as u8;
        i += 1;
    }
    index
};

/// A withdrawn ISO 4217 code that Stripe's presentment list still shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct WithdrawnCode {
    pub(super) code: &'static str,
    pub(super) successor: &'static str,
    pub(super) withdrawn: &'static str,
}

/// Codes on Stripe's presentment list (copy committed 2025-03-10, `tanisss46/firecrawl` @
/// `6d05c479`) that `iso_currency` 0.7.1 cannot represent because ISO 4217 withdrew them.
/// Sources for the replacements: ISO 4217 amendments (STD → STN on 2018-01-01; ANG → XCG on
/// 2025-03-31), as summarised in `tests/data/stripe-presentment-currencies.md`.
pub(super) const WITHDRAWN_PRESENTMENT_CODES: [WithdrawnCode; 2] = [
    WithdrawnCode {
        code: "ANG",
        successor: "XCG",
        withdrawn: "2025-03-31",
    },
    WithdrawnCode {
        code: "STD",
        successor: "STN",
        withdrawn: "2018",
    },
];
