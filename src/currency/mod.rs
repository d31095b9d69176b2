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
//! # Decimal rules ([rules.md §5](crate::rules#rules-5); [stripe-facts §2](crate::rules#facts-2))
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
//! (exponent 2, multiple of 100), as decided in [rules.md §5](crate::rules#rules-5). 5 UGX is therefore sent as `500`.
//!
//! # Presentment currencies ([stripe-facts §7](crate::rules#facts-7); `tests/data/stripe-presentment-currencies.md`)
//!
//! [`presentment_currencies`] is the list of the "Supported presentment currencies" section of
//! <https://docs.stripe.com/currencies>, as rendered in the copy committed 2025-03-10
//! (`tanisss46/firecrawl` @ `6d05c479`): 134 codes, of which **132 are representable** here.
//! `STD` (São Tomé dobra, replaced by `STN` in 2018) and `ANG` (Netherlands Antillean guilder,
//! replaced by `XCG` on 2025-03-31) are withdrawn ISO 4217 codes that [`iso_currency`] 0.7.1
//! does not have; [`parse_currency`] reports them with
//! a [`CurrencyError`] (`currency_withdrawn`) instead of silently mapping them to their successors (which
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

mod errors;
mod parse;
mod presentment;
mod rules;
mod table;
#[cfg(test)]
mod tests;

pub use errors::CurrencyError;
pub use parse::parse_currency;
pub(crate) use presentment::CurrencySet;
pub use presentment::{
    PRESENTMENT_AS_OF, PRESENTMENT_SOURCE, amex_supports, is_presentment_currency,
    presentment_currencies,
};
pub use rules::{DECIMALS_AS_OF, DECIMALS_SOURCE, MinorUnitRule, minor_unit_rule};

pub use iso_currency::Currency;

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
pub mod serde_code;
