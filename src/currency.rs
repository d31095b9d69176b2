//! Currencies as Stripe sees them: codes, decimal rules and the presentment list.
//!
//! Stripe expects every `amount` as an integer in the currency's *minor unit*
//! ("All API requests expect `amount` values in the currency's minor unit",
//! <https://docs.stripe.com/currencies>), and Stripe's number of decimals is **not always ISO
//! 4217's**. This module holds Stripe's rule for each currency as `const` data
//! ([`minor_unit_rule`]); [`crate::money`] applies it.
//!
//! # Parsing codes
//!
//! [`parse_currency`] accepts a three-letter ISO 4217 code in any ASCII case (`usd`, `USD`,
//! `Usd`; Stripe itself wants lowercase on the wire) and rejects everything else with a
//! [`CurrencyError`] that says what was found and what was expected. It never trims and never
//! allocates.
//!
//! [`Currency`] is re-exported from [`iso_currency`]. Beware: its `Display` prints the
//! currency's *name* ("Euro"); format codes with [`Currency::code`].
//!
//! # Decimal rules (rules.md §5; stripe-facts §2)
//!
//! "Currencies are two-decimal currencies unless otherwise specified"
//! (<https://docs.stripe.com/currencies>). The exceptions:
//!
//! | currencies | Stripe exponent | `amount` must be a multiple of | source |
//! | --- | --- | --- | --- |
//! | BIF CLP DJF GNF JPY KMF KRW MGA PYG RWF VND VUV XAF XOF XPF (zero-decimal; MGA is 2 in ISO 4217) | 0 | 1 | <https://docs.stripe.com/currencies#zero-decimal> (list as in the 2022-06-18 Wayback snapshot and the ~2023 and ≤ 2025-03 page versions) |
//! | ISK, UGX (whole units sent as two-decimal values) | 2 | 100 | <https://docs.stripe.com/currencies#special-cases> (current page and ≤ 2025-03 copy) |
//! | BHD JOD KWD OMR TND (three-decimal, last digit 0) | 3 | 10 | <https://web.archive.org/web/20220618095455/https://stripe.com/en-mt/docs/currencies> (section absent from the 2025 and current pages; enforcement today unverified, kept as the conservative reading) |
//! | HUF, TWD (charges two-decimal; **manual payouts** whole units) | 2 | 1 (charges), 100 (payouts) | <https://docs.stripe.com/currencies#special-cases> |
//! | every other currency | 2 | 1 | <https://docs.stripe.com/currencies> ("two-decimal unless otherwise specified"); ISO 4217's exponent is never used |
//!
//! **UGX** appears both in Stripe's zero-decimal list and in its special-cases table. Stripe
//! does not resolve the conflict; this crate follows the more specific special-case rule
//! (exponent 2, multiple of 100), as decided in rules.md §5. 5 UGX is therefore sent as `500`.
//!
//! # Presentment currencies (stripe-facts §7; `tests/data/stripe-presentment-currencies.md`)
//!
//! [`presentment_currencies`] is the list of the "Supported presentment currencies" section of
//! <https://docs.stripe.com/currencies>, as rendered in the copy committed 2025-03-10
//! (`tanisss46/firecrawl` @ `6d05c479`): 134 codes, of which **132 are representable** here.
//! `STD` (São Tomé dobra, replaced by `STN` in 2018) and `ANG` (Netherlands Antillean guilder,
//! replaced by `XCG` on 2025-03-31) are withdrawn ISO 4217 codes that [`iso_currency`] 0.7.1
//! does not have; [`parse_currency`] reports them with
//! [`CurrencyError::WithdrawnCode`] instead of silently mapping them to their successors (which
//! are not on Stripe's list as copied). [`amex_supports`] is false for the 26 currencies
//! marked with an asterisk ("not supported by American Express"), 25 of them representable.
//!
//! ```
//! use stripe_gateway_rules::currency::{parse_currency, minor_unit_rule, Currency};
//!
//! # fn main() -> Result<(), stripe_gateway_rules::currency::CurrencyError> {
//! let kwd = parse_currency("kwd")?;
//! assert_eq!(kwd, Currency::KWD);
//! assert_eq!(kwd.code(), "KWD"); // not `kwd.to_string()`, which is "Kuwaiti dinar"
//! let rule = minor_unit_rule(kwd);
//! assert_eq!((rule.exponent(), rule.multiple_of()), (3, 10));
//! assert_eq!(minor_unit_rule(Currency::UGX).exponent(), 2); // the special case wins
//! # Ok(())
//! # }
//! ```

pub use crate::text::InputExcerpt;

pub use iso_currency::Currency;

// ---------------------------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------------------------

/// Parses a three-letter ISO 4217 currency code, in any ASCII case.
///
/// The input must be exactly three ASCII letters: no surrounding or inner whitespace (the
/// input is never trimmed), no look-alike letters from other scripts. The function does not
/// allocate.
///
/// This parses any code [`iso_currency`] knows, including ones Stripe does not present; use
/// [`is_presentment_currency`] to ask about Stripe.
///
/// # Errors
///
/// A [`CurrencyError`]: [`Empty`](CurrencyError::Empty),
/// [`Whitespace`](CurrencyError::Whitespace), [`NonAscii`](CurrencyError::NonAscii),
/// [`WrongLength`](CurrencyError::WrongLength), [`NotALetter`](CurrencyError::NotALetter),
/// [`WithdrawnCode`](CurrencyError::WithdrawnCode) (for `STD` and `ANG`, which Stripe's
/// presentment list still shows) or [`Unknown`](CurrencyError::Unknown), checked in that
/// order.
///
/// # Examples
///
/// ```
/// use stripe_gateway_rules::currency::{parse_currency, Currency};
///
/// # fn main() -> Result<(), stripe_gateway_rules::currency::CurrencyError> {
/// assert_eq!(parse_currency("usd")?, Currency::USD);
/// assert_eq!(parse_currency("Usd")?, Currency::USD);
/// let err = parse_currency(" usd").unwrap_err();
/// assert_eq!(err.code(), "currency_whitespace");
/// # Ok(())
/// # }
/// ```
pub fn parse_currency(code: &str) -> Result<Currency, CurrencyError> {
    // Fast path: three ASCII letters, the common case, with none of the errors checked
    // before the lookup possible.
    if let &[a, b, c] = code.as_bytes()
        && is_ascii_letter(a)
        && is_ascii_letter(b)
        && is_ascii_letter(c)
    {
        return lookup(pack_upper(a, b, c), code);
    }
    if code.is_empty() {
        return Err(CurrencyError::Empty);
    }
    if let Some((index, character)) = code.char_indices().find(|(_, c)| c.is_whitespace()) {
        return Err(CurrencyError::Whitespace {
            found: InputExcerpt::new(code),
            index,
            character,
        });
    }
    if let Some((index, character)) = code.char_indices().find(|(_, c)| !c.is_ascii()) {
        return Err(CurrencyError::NonAscii {
            found: InputExcerpt::new(code),
            index,
            character,
        });
    }
    // From here on the input is ASCII: bytes are characters.
    if code.len() != 3 {
        return Err(CurrencyError::WrongLength {
            found: InputExcerpt::new(code),
            length: code.len(),
        });
    }
    let bytes = code.as_bytes();
    if let Some(index) = bytes.iter().position(|&byte| !is_ascii_letter(byte)) {
        return Err(CurrencyError::NotALetter {
            found: InputExcerpt::new(code),
            index,
            character: char::from(bytes[index]),
        });
    }
    // Three ASCII letters: the fast path above took them; kept for completeness.
    lookup(pack_upper(bytes[0], bytes[1], bytes[2]), code)
}

/// Whether `byte` is an ASCII letter, either case.
#[inline(always)]
const fn is_ascii_letter(byte: u8) -> bool {
    (byte | 0x20).wrapping_sub(b'a') < 26
}

/// Three ASCII letters, uppercased, packed big-endian into a `u32`: packed codes sort as the
/// codes do.
#[inline(always)]
const fn pack_upper(a: u8, b: u8, c: u8) -> u32 {
    ((a & !0x20) as u32) << 16 | ((b & !0x20) as u32) << 8 | (c & !0x20) as u32
}

/// A code's text (three uppercase ASCII letters) packed as [`pack_upper`] does, at compile time.
const fn pack_code(code: &str) -> u32 {
    let b = code.as_bytes();
    assert!(b.len() == 3, "a currency code has three letters");
    pack_upper(b[0], b[1], b[2])
}

/// The currency of a packed uppercase code, or the error for it; `code` is the input, for
/// the error.
#[inline]
fn lookup(packed: u32, code: &str) -> Result<Currency, CurrencyError> {
    match CODE_KEYS.binary_search(&packed) {
        Ok(i) => Ok(CODE_CURRENCIES[i]),
        Err(_) => match WITHDRAWN_PRESENTMENT_CODES
            .iter()
            .find(|w| pack_code(w.code) == packed)
        {
            Some(withdrawn) => Err(CurrencyError::WithdrawnCode {
                code: withdrawn.code,
                successor: withdrawn.successor,
                withdrawn: withdrawn.withdrawn,
            }),
            None => Err(CurrencyError::Unknown {
                found: InputExcerpt::new(code),
            }),
        },
    }
}

/// Builds the code table: each code's packed text beside its [`Currency`], sorted by code.
macro_rules! code_table {
    ($($code:ident),* $(,)?) => {
        /// Every code `iso_currency` 0.7.1 knows (`Currency::from_code`), packed
        /// ([`pack_upper`]) and sorted, for a binary search; [`CODE_CURRENCIES`] holds the
        /// currency at the same index. Generated from `iso_currency`'s `isodata.tsv`; a test
        /// checks it against `Currency::from_code` for all 17,576 three-letter codes, and the
        /// order is checked at compile time.
        const CODE_KEYS: [u32; CODE_COUNT] = [$(pack_code(stringify!($code))),*];
        /// The currencies of [`CODE_KEYS`], index for index.
        const CODE_CURRENCIES: [Currency; CODE_COUNT] = [$(Currency::$code),*];
    };
}

/// How many codes `iso_currency` 0.7.1 has.
const CODE_COUNT: usize = 183;

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

// The table must be strictly increasing for the binary search.
const _: () = {
    let mut i = 1;
    while i < CODE_KEYS.len() {
        assert!(CODE_KEYS[i - 1] < CODE_KEYS[i], "code table out of order");
        i += 1;
    }
};

/// A withdrawn ISO 4217 code that Stripe's presentment list still shows.
#[derive(Debug, Clone, Copy)]
struct WithdrawnCode {
    code: &'static str,
    successor: &'static str,
    withdrawn: &'static str,
}

/// Codes on Stripe's presentment list (copy committed 2025-03-10, `tanisss46/firecrawl` @
/// `6d05c479`) that `iso_currency` 0.7.1 cannot represent because ISO 4217 withdrew them.
/// Sources for the replacements: ISO 4217 amendments (STD → STN on 2018-01-01; ANG → XCG on
/// 2025-03-31), as summarised in `tests/data/stripe-presentment-currencies.md`.
const WITHDRAWN_PRESENTMENT_CODES: [WithdrawnCode; 2] = [
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

/// Why a string is not a currency code ([`parse_currency`]).
///
/// Messages are lowercase, say what was found and what is expected; [`code`](Self::code) gives
/// a stable machine-readable code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CurrencyError {
    /// The input is empty.
    #[error("currency code is empty: expected a three-letter ISO 4217 code such as \"usd\"")]
    Empty,
    /// The input contains whitespace (it is never trimmed).
    #[error(
        "currency code {found} contains whitespace {character:?} at byte {index}: expected three ASCII letters such as \"usd\" (input is not trimmed; remove the whitespace)"
    )]
    Whitespace {
        /// The input.
        found: InputExcerpt,
        /// Byte offset of the first whitespace character.
        index: usize,
        /// The whitespace character.
        character: char,
    },
    /// The input contains a non-ASCII character, e.g. a Cyrillic look-alike of a Latin letter.
    #[error(
        "currency code {found} contains the non-ASCII character {character:?} (U+{:04X}) at byte {index}: expected three ASCII letters such as \"usd\" (look-alike letters from other scripts are not accepted)",
        u32::from(*character)
    )]
    NonAscii {
        /// The input.
        found: InputExcerpt,
        /// Byte offset of the first non-ASCII character.
        index: usize,
        /// The non-ASCII character.
        character: char,
    },
    /// The input is not three characters long.
    #[error(
        "currency code {found} has {length} characters: expected exactly three ASCII letters such as \"usd\""
    )]
    WrongLength {
        /// The input.
        found: InputExcerpt,
        /// Its length in characters (all ASCII at this point).
        length: usize,
    },
    /// The input is three ASCII characters, but not all letters.
    #[error(
        "currency code {found} contains {character:?} at byte {index}: expected three ASCII letters such as \"usd\""
    )]
    NotALetter {
        /// The input.
        found: InputExcerpt,
        /// Byte offset of the first character that is not a letter.
        index: usize,
        /// That character.
        character: char,
    },
    /// A withdrawn ISO 4217 code that Stripe's presentment list (2025-03 copy) still shows
    /// (`STD`, `ANG`) but that this crate cannot represent.
    #[error(
        "currency code {code:?} was withdrawn from ISO 4217 (replaced by {successor:?}, {withdrawn}) and cannot be represented, although Stripe's presentment list (2025-03 copy) still shows it: expected a current ISO 4217 code; check with Stripe whether {successor:?} is accepted for your account"
    )]
    WithdrawnCode {
        /// The withdrawn code, uppercase.
        code: &'static str,
        /// The code ISO 4217 replaced it with (not mapped automatically).
        successor: &'static str,
        /// When it was withdrawn.
        withdrawn: &'static str,
    },
    /// Three ASCII letters that are not an ISO 4217 code.
    #[error("unknown currency code {found}: expected an ISO 4217 code such as \"usd\"")]
    Unknown {
        /// The input.
        found: InputExcerpt,
    },
}

impl CurrencyError {
    /// A stable, machine-readable snake_case code for this error.
    pub fn code(&self) -> &'static str {
        match self {
            Self::Empty => "currency_empty",
            Self::Whitespace { .. } => "currency_whitespace",
            Self::NonAscii { .. } => "currency_non_ascii",
            Self::WrongLength { .. } => "currency_wrong_length",
            Self::NotALetter { .. } => "currency_not_a_letter",
            Self::WithdrawnCode { .. } => "currency_withdrawn",
            Self::Unknown { .. } => "currency_unknown",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Decimal rules
// ---------------------------------------------------------------------------------------------

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
/// three-decimal rule is from the 2022-06-18 Wayback snapshot (see the [module docs](self)).
pub const DECIMALS_AS_OF: &str = "2025-03-13";

/// Where the decimal rules come from.
pub const DECIMALS_SOURCE: &str = "https://docs.stripe.com/currencies#zero-decimal";

/// Stripe's zero-decimal currencies, without UGX (which follows the special case below).
/// Source: <https://docs.stripe.com/currencies#zero-decimal>, list as in the Wayback snapshot
/// of 2022-06-18 (<https://web.archive.org/web/20220618095455/https://stripe.com/en-mt/docs/currencies>)
/// and the ~2023 and ≤ 2025-03 page versions (stripe-facts §2.2). MGA is zero-decimal at Stripe
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
/// crawled on or before 2025-03-13), stripe-facts §2.4. UGX is also in Stripe's zero-decimal
/// list; the special case wins (rules.md §5).
const WHOLE_UNITS_AS_TWO_DECIMAL: [Currency; 2] = [Currency::ISK, Currency::UGX];

/// "These API calls require the least-significant (last) digit to be 0."
/// Source: <https://web.archive.org/web/20220618095455/https://stripe.com/en-mt/docs/currencies>
/// (2022-06-18) and the ~2023 page, stripe-facts §2.3. The section is absent from the 2025 and
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
/// stripe-facts §2.4.
const TWO_DECIMAL_WHOLE_UNIT_PAYOUTS: [Currency; 2] = [Currency::HUF, Currency::TWD];

/// Stripe's minor-unit rule of every currency, indexed by the enum's discriminant: built at
/// compile time from the four lists above, so [`minor_unit_rule`] is one table read instead of
/// a search of the lists (issue 13). Filled in order of precedence, the most specific last:
/// every currency two-decimal, then the zero-decimal list, HUF/TWD, the three-decimal list,
/// and the whole-unit special case, which so overrides UGX's zero-decimal entry (rules.md §5).
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
/// although Stripe also lists it as zero-decimal (rules.md §5; stripe-facts §2.4).
/// Every currency not in the tables is two-decimal, whatever its ISO 4217 exponent
/// ("Currencies are two-decimal currencies unless otherwise specified",
/// <https://docs.stripe.com/currencies>). See the [module docs](self) for the table.
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

// ---------------------------------------------------------------------------------------------
// Presentment currencies
// ---------------------------------------------------------------------------------------------

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

/// Stripe's presentment currencies (132 of the 134 listed; see the [module docs](self)), in
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
/// note reports they appear for accounts in the UAE (stripe-facts §2.3, unverified).
pub const fn is_presentment_currency(currency: Currency) -> bool {
    PRESENTMENT_SET.contains(currency)
}

/// Whether American Express cards can be charged in `currency`: a presentment currency not
/// marked with `*` on <https://docs.stripe.com/currencies#presentment-currencies> (copy of
/// 2025-03-10). False for currencies outside the presentment list.
pub const fn amex_supports(currency: Currency) -> bool {
    is_presentment_currency(currency) && !AMEX_UNSUPPORTED_SET.contains(currency)
}

// ---------------------------------------------------------------------------------------------
// serde
// ---------------------------------------------------------------------------------------------

/// (De)serializes a [`Currency`] as its uppercase ISO 4217 code, for
/// `#[serde(with = "stripe_gateway_rules::currency::serde_code")]`.
///
/// `iso_currency`'s own serde support is not enabled by this crate. Deserializing goes through
/// [`parse_currency`], so `"usd"` and `"USD"` are both accepted.
///
/// ```
/// use stripe_gateway_rules::currency::Currency;
///
/// #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
/// struct Account {
///     #[serde(with = "stripe_gateway_rules::currency::serde_code")]
///     settlement: Currency,
/// }
///
/// # fn main() -> Result<(), serde_json::Error> {
/// let json = serde_json::to_string(&Account { settlement: Currency::CHF })?;
/// assert_eq!(json, r#"{"settlement":"CHF"}"#);
/// let back: Account = serde_json::from_str(r#"{"settlement":"chf"}"#)?;
/// assert_eq!(back.settlement, Currency::CHF);
/// # Ok(())
/// # }
/// ```
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
pub mod serde_code {
    use super::{Currency, parse_currency};
    use core::fmt;
    use serde::{Deserializer, Serializer, de};

    /// Serializes `currency` as its uppercase code.
    ///
    /// # Errors
    ///
    /// Whatever the serializer returns.
    pub fn serialize<S: Serializer>(currency: &Currency, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(currency.code())
    }

    /// Deserializes a currency from its code, in any ASCII case.
    ///
    /// # Errors
    ///
    /// A deserializer error carrying the [`CurrencyError`](super::CurrencyError) message when the
    /// string is not a code, or when the input is not a string.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Currency, D::Error> {
        deserializer.deserialize_str(CodeVisitor)
    }

    struct CodeVisitor;

    impl de::Visitor<'_> for CodeVisitor {
        type Value = Currency;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a three-letter ISO 4217 currency code")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<Currency, E> {
            parse_currency(v).map_err(E::custom)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Currency, CurrencyError, parse_currency};

    /// The letters of a code in the case pattern `mask` (bit i set: letter i lowercase).
    fn cased(code: [u8; 3], mask: u8) -> String {
        code.iter()
            .enumerate()
            .map(|(i, &b)| {
                char::from(if mask & (1 << i) != 0 {
                    b.to_ascii_lowercase()
                } else {
                    b
                })
            })
            .collect()
    }

    /// Issue 13: the packed code table gives exactly `iso_currency`'s answer
    /// (`Currency::from_code`) for every one of the 17,576 three-letter codes, in all eight
    /// case patterns; `ANG` and `STD` (withdrawn, on Stripe's presentment list) keep their own
    /// error, and every other miss is `Unknown` quoting the input.
    #[test]
    fn code_table_matches_iso_currency_for_every_three_letter_code() {
        let mut found = 0;
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                for c in b'A'..=b'Z' {
                    let upper = [a, b, c];
                    let text = std::str::from_utf8(&upper).unwrap();
                    let expected = Currency::from_code(text);
                    found += usize::from(expected.is_some());
                    for mask in 0..8 {
                        let input = cased(upper, mask);
                        let got = parse_currency(&input);
                        match (expected, text) {
                            (Some(currency), _) => assert_eq!(got, Ok(currency), "{input}"),
                            (None, "ANG" | "STD") => assert_eq!(
                                got.map_err(|e| e.code()),
                                Err("currency_withdrawn"),
                                "{input}"
                            ),
                            (None, _) => assert_eq!(
                                got,
                                Err(CurrencyError::Unknown {
                                    found: crate::text::InputExcerpt::new(&input)
                                }),
                                "{input}"
                            ),
                        }
                    }
                }
            }
        }
        assert_eq!(found, super::CODE_COUNT);
        assert_eq!(super::CODE_KEYS.len(), super::CODE_COUNT);
    }

    /// Issue 13: three ASCII bytes that are not all letters are refused as before: the first
    /// byte that is not a letter is named (whitespace first), for every ASCII byte in every
    /// position, including the bytes next to the letters (`@`, `[`, `` ` ``, `{`).
    #[test]
    fn three_ascii_bytes_with_a_non_letter_name_it() {
        for byte in 0u8..128 {
            if byte.is_ascii_alphabetic() {
                continue;
            }
            for position in 0..3 {
                let mut code = *b"usd";
                code[position] = byte;
                let input = std::str::from_utf8(&code).unwrap();
                let err = parse_currency(input).unwrap_err();
                if char::from(byte).is_whitespace() {
                    assert_eq!(err.code(), "currency_whitespace", "{input:?}");
                } else {
                    assert_eq!(
                        err,
                        CurrencyError::NotALetter {
                            found: crate::text::InputExcerpt::new(input),
                            index: position,
                            character: char::from(byte),
                        },
                        "{input:?}"
                    );
                }
            }
        }
    }
}
