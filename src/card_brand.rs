//! Card brands: the values of Stripe's `card.brand`, the card networks of
//! `card.networks.available`, which of them a platform can enable, and the currencies some of
//! them refuse ([rules.md §10](crate::rules#rules-10); [stripe-facts §7](crate::rules#facts-7)).
//!
//! | brand | keyword | label | can be enabled | currency restriction |
//! | --- | --- | --- | --- | --- |
//! | Visa | `visa` | Visa | yes | none stated |
//! | Mastercard | `mastercard` | Mastercard | yes | none stated |
//! | American Express | `amex` | American Express | yes | refuses the 26 currencies marked `*` in Stripe's presentment list ([`amex_supports`]) |
//! | Discover | `discover` | Discover | yes | none stated by Stripe today (a 2017 page said USD only; unverified, not enforced) |
//! | Diners Club | `diners` | Diners Club | yes | as Discover |
//! | JCB | `jcb` | JCB | yes | as Discover |
//! | UnionPay | `unionpay` | UnionPay | yes | "UnionPay cards can only be charged in USD and CAD" (presentment list, US view, ≤ 2025-03) |
//! | Cartes Bancaires | `cartes_bancaires` | Cartes Bancaires | yes | none stated; needs configuration at Stripe (not enforced) |
//! | eftpos Australia | `eftpos_au` | eftpos Australia | yes | none stated; Australian accounts (not enforced) |
//! | Interac | `interac` | Interac | yes | CAD only: in person only, and "the Stripe account … and the location … must be in the same country, accepting local currency only" (Terminal regional considerations) |
//! | girocard | `girocard` | girocard | yes | EUR only: in person in Germany only, same Terminal rule |
//! | Link | `link` | Link | **no**: a wallet (payment method), not a card network | none stated |
//! | unknown | `unknown` | unknown brand | **no**: what Stripe reports when it cannot tell the brand | none stated |
//!
//! Keywords are exactly the values of Stripe's API `card.brand` (`amex`, `cartes_bancaires`,
//! `diners`, `discover`, `eftpos_au`, `jcb`, `link`, `mastercard`, `unionpay`, `visa`,
//! `unknown`: "Card brand. Can be `amex`, `cartes_bancaires`, …" in the API reference,
//! `stripe-node` `src/resources/Charges.ts`, [stripe-facts §7](crate::rules#facts-7)) and the networks Stripe adds in
//! `card.networks.available` and Terminal's card brands (`interac`, `girocard`:
//! <https://docs.stripe.com/api/payment_methods/object#payment_method_object-card-networks-available>,
//! Stripe Terminal SDK `CardBrand`). The longer names platforms use (`american_express`,
//! `diners_club`, `china_unionpay`, `eftpos`) are accepted too. Keywords are lowercase: a
//! keyword typed with other capitals (`Visa`, `MasterCard`) is refused with the keyword to
//! use. S4 lets a platform choose Visa, Mastercard, American Express and Discover.
//!
//! ```
//! use stripe_gateway_rules::{card_brand::CardBrand, Currency};
//!
//! let amex: CardBrand = "amex".parse()?;
//! assert_eq!(amex.as_str(), "amex"); // the keyword, for configuration
//! assert_eq!(amex.label(), "American Express"); // for people
//! assert!(amex.supports_currency(Currency::USD));
//! assert!(!amex.supports_currency(Currency::BRL));
//! assert!(!CardBrand::UnionPay.supports_currency(Currency::EUR));
//! assert!(!CardBrand::Link.can_be_enabled());
//!
//! let err = "MasterCard".parse::<CardBrand>().unwrap_err();
//! assert_eq!(err.suggestion(), Some(CardBrand::Mastercard));
//! assert!(err.to_string().ends_with("did you mean `mastercard`?"));
//! # Ok::<(), stripe_gateway_rules::card_brand::CardBrandError>(())
//! ```
//!
//! [`amex_supports`]: crate::currency::amex_supports

use std::fmt;
use std::str::FromStr;

use crate::currency::{Currency, amex_supports};
use crate::text::InputExcerpt;

/// A card brand: a value of Stripe's `card.brand`, or a card network of
/// `card.networks.available` ([stripe-facts §7](crate::rules#facts-7)). See the [module docs](self) for the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum CardBrand {
    /// Visa (`visa`).
    Visa,
    /// Mastercard (`mastercard`).
    Mastercard,
    /// American Express (`amex`).
    AmericanExpress,
    /// Discover (`discover`).
    Discover,
    /// Diners Club (`diners`).
    DinersClub,
    /// JCB (`jcb`).
    Jcb,
    /// China UnionPay (`unionpay`).
    UnionPay,
    /// Cartes Bancaires (`cartes_bancaires`).
    CartesBancaires,
    /// eftpos Australia (`eftpos_au`).
    Eftpos,
    /// Interac, Canada's debit network (`interac`): in person only, captured when authorized.
    Interac,
    /// girocard, Germany's debit network (`girocard`): in person only.
    Girocard,
    /// Link (`link`): Stripe's wallet. Stripe reports this brand for payments through Link
    /// that no card network carries; it is not a network a platform enables.
    Link,
    /// `unknown`: what Stripe reports when it cannot tell the brand.
    Unknown,
}

/// The keywords, their aliases and the brand of each, in the order they are tried.
const KEYWORDS: [(&str, CardBrand); 17] = [
    ("visa", CardBrand::Visa),
    ("mastercard", CardBrand::Mastercard),
    ("amex", CardBrand::AmericanExpress),
    ("discover", CardBrand::Discover),
    ("diners", CardBrand::DinersClub),
    ("jcb", CardBrand::Jcb),
    ("unionpay", CardBrand::UnionPay),
    ("cartes_bancaires", CardBrand::CartesBancaires),
    ("eftpos_au", CardBrand::Eftpos),
    ("interac", CardBrand::Interac),
    ("girocard", CardBrand::Girocard),
    ("link", CardBrand::Link),
    ("unknown", CardBrand::Unknown),
    ("american_express", CardBrand::AmericanExpress),
    ("diners_club", CardBrand::DinersClub),
    ("china_unionpay", CardBrand::UnionPay),
    ("eftpos", CardBrand::Eftpos),
];

impl CardBrand {
    /// Every keyword [`FromStr`] reads, aliases included, with its brand, in the order they
    /// are tried.
    #[cfg(feature = "serde")]
    pub(crate) fn keywords() -> impl Iterator<Item = (&'static str, CardBrand)> {
        KEYWORDS.into_iter()
    }

    /// Every brand, in declaration order.
    pub const ALL: [CardBrand; 13] = [
        CardBrand::Visa,
        CardBrand::Mastercard,
        CardBrand::AmericanExpress,
        CardBrand::Discover,
        CardBrand::DinersClub,
        CardBrand::Jcb,
        CardBrand::UnionPay,
        CardBrand::CartesBancaires,
        CardBrand::Eftpos,
        CardBrand::Interac,
        CardBrand::Girocard,
        CardBrand::Link,
        CardBrand::Unknown,
    ];

    /// The keyword, for configuration files and operation lines: Stripe's `card.brand` value
    /// (`amex`, `mastercard`, `eftpos_au`…). What `Display` and `Serialize` print and
    /// `FromStr` reads. For people, use [`label`](Self::label).
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            CardBrand::Visa => "visa",
            CardBrand::Mastercard => "mastercard",
            CardBrand::AmericanExpress => "amex",
            CardBrand::Discover => "discover",
            CardBrand::DinersClub => "diners",
            CardBrand::Jcb => "jcb",
            CardBrand::UnionPay => "unionpay",
            CardBrand::CartesBancaires => "cartes_bancaires",
            CardBrand::Eftpos => "eftpos_au",
            CardBrand::Interac => "interac",
            CardBrand::Girocard => "girocard",
            CardBrand::Link => "link",
            CardBrand::Unknown => "unknown",
        }
    }

    /// The brand's name for people, in messages: `American Express`, `UnionPay`… Never a
    /// keyword: configuration takes [`as_str`](Self::as_str).
    #[must_use]
    pub const fn label(self) -> &'static str {
        match self {
            CardBrand::Visa => "Visa",
            CardBrand::Mastercard => "Mastercard",
            CardBrand::AmericanExpress => "American Express",
            CardBrand::Discover => "Discover",
            CardBrand::DinersClub => "Diners Club",
            CardBrand::Jcb => "JCB",
            CardBrand::UnionPay => "UnionPay",
            CardBrand::CartesBancaires => "Cartes Bancaires",
            CardBrand::Eftpos => "eftpos Australia",
            CardBrand::Interac => "Interac",
            CardBrand::Girocard => "girocard",
            CardBrand::Link => "Link",
            CardBrand::Unknown => "unknown brand",
        }
    }

    /// Whether a platform can enable this brand in a gateway configuration: every card
    /// network can; `link` cannot (Link is Stripe's wallet, a payment method: its card
    /// payments carry the brand of the card's network), nor can `unknown` (what Stripe
    /// reports when it cannot tell the brand). Sources: [stripe-facts §7](crate::rules#facts-7) ("Link-saved non-card
    /// methods can show brand `link`"), Stripe's `card.brand` enum.
    ///
    /// ```
    /// use stripe_gateway_rules::card_brand::CardBrand;
    ///
    /// assert!(CardBrand::Visa.can_be_enabled());
    /// assert!(!CardBrand::Link.can_be_enabled());
    /// assert!(!CardBrand::Unknown.can_be_enabled());
    /// ```
    #[must_use]
    pub const fn can_be_enabled(self) -> bool {
        !matches!(self, CardBrand::Link | CardBrand::Unknown)
    }

    /// Whether Stripe lets this brand be charged in `currency`. Only the restrictions Stripe
    /// states are enforced ([stripe-facts §7](crate::rules#facts-7)):
    ///
    /// - American Express refuses the currencies marked `*` in the presentment list;
    /// - UnionPay can only be charged in USD and CAD;
    /// - Interac (Canada) and girocard (Germany) are in-person networks, and Terminal accepts
    ///   only the local currency of the account's country ("must be in the same country,
    ///   accepting local currency only", <https://docs.stripe.com/terminal/payments/regional>):
    ///   CAD and EUR.
    ///
    /// The limits once stated for Discover, Diners Club and JCB are no longer on Stripe's
    /// pages and are not enforced. For Cartes Bancaires, eftpos Australia, Link and
    /// `unknown` the sources state no currency limit: every currency is accepted here (Link
    /// and `unknown` cannot be enabled anyway, see [`can_be_enabled`](Self::can_be_enabled)).
    #[must_use]
    pub fn supports_currency(self, currency: Currency) -> bool {
        match self {
            CardBrand::AmericanExpress => amex_supports(currency),
            CardBrand::UnionPay => matches!(currency, Currency::USD | Currency::CAD),
            CardBrand::Interac => currency == Currency::CAD,
            CardBrand::Girocard => currency == Currency::EUR,
            CardBrand::Visa
            | CardBrand::Mastercard
            | CardBrand::Discover
            | CardBrand::DinersClub
            | CardBrand::Jcb
            | CardBrand::CartesBancaires
            | CardBrand::Eftpos
            | CardBrand::Link
            | CardBrand::Unknown => true,
        }
    }

    const fn bit(self) -> u16 {
        1 << self as u16
    }

    /// The brand whose keyword, alias or label `input` is once capitals, spaces, hyphens
    /// and surrounding whitespace are set aside (`Visa`, `MasterCard`, `American Express`).
    fn near_miss(input: &str) -> Option<CardBrand> {
        let input = input.trim();
        if input.len() > 32 {
            return None;
        }
        let same = |word: &str| {
            word.len() == input.len()
                && word.bytes().zip(input.bytes()).all(|(w, i)| {
                    let i = match i {
                        b' ' | b'-' => b'_',
                        other => other.to_ascii_lowercase(),
                    };
                    let w = match w {
                        b' ' => b'_',
                        other => other.to_ascii_lowercase(),
                    };
                    w == i
                })
        };
        KEYWORDS
            .iter()
            .find(|(word, _)| same(word))
            .map(|(_, brand)| *brand)
            .or_else(|| CardBrand::ALL.into_iter().find(|b| same(b.label())))
    }
}

impl fmt::Display for CardBrand {
    /// The keyword ([`as_str`](Self::as_str)).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// The error of parsing a [`CardBrand`]: the input is not a keyword. When it is a keyword
/// typed with other capitals, spaces or hyphens (`Visa`, `MasterCard`, `American Express`),
/// the message names the keyword to use.
///
/// ```
/// use stripe_gateway_rules::card_brand::CardBrand;
///
/// let err = "Visa".parse::<CardBrand>().unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "expected a card brand keyword (visa, mastercard, amex, discover, diners, jcb, unionpay, \
///      cartes_bancaires, eftpos_au, interac, girocard, link, unknown), found \"Visa\"; \
///      did you mean `visa`?"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("expected a card brand keyword ({KEYWORD_LIST}), found {found}{}", suggest(*.suggestion))]
pub struct CardBrandError {
    found: InputExcerpt,
    suggestion: Option<CardBrand>,
}

/// The keywords, for messages.
const KEYWORD_LIST: &str = "visa, mastercard, amex, discover, diners, jcb, unionpay, cartes_bancaires, eftpos_au, interac, girocard, link, unknown";

fn suggest(suggestion: Option<CardBrand>) -> String {
    suggestion.map_or_else(String::new, |b| format!("; did you mean `{}`?", b.as_str()))
}

impl CardBrandError {
    /// The beginning of the refused input.
    #[must_use]
    pub fn found(&self) -> &InputExcerpt {
        &self.found
    }

    /// The brand the input was meant to be, when it is a keyword, alias or label typed with
    /// other capitals, spaces or hyphens (`MasterCard` → [`CardBrand::Mastercard`]).
    #[must_use]
    pub fn suggestion(&self) -> Option<CardBrand> {
        self.suggestion
    }
}

impl FromStr for CardBrand {
    type Err = CardBrandError;

    /// Parses a keyword (`visa`, `amex`, `eftpos_au`, `link`…) or an alias
    /// (`american_express`, `diners_club`, `china_unionpay`, `eftpos`), exactly: no trimming,
    /// no other case.
    ///
    /// # Errors
    ///
    /// [`CardBrandError`] for anything else, with the keyword to use when the input is one
    /// typed with other capitals, spaces or hyphens.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        KEYWORDS
            .iter()
            .find(|(word, _)| *word == s)
            .map(|(_, brand)| *brand)
            .ok_or_else(|| CardBrandError {
                found: InputExcerpt::new(s),
                suggestion: CardBrand::near_miss(s),
            })
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for CardBrand {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for CardBrand {
    /// Through [`FromStr`]: the same keywords and aliases, the same errors.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// A set of card brands, stored as bits: copying and checking it never allocates. `Debug`
/// lists the keywords: `{visa, mastercard}`.
///
/// ```
/// use stripe_gateway_rules::card_brand::{CardBrand, CardBrands};
///
/// let brands: CardBrands = [CardBrand::Visa, CardBrand::Mastercard].into_iter().collect();
/// assert!(brands.contains(CardBrand::Visa));
/// assert!(!brands.contains(CardBrand::AmericanExpress));
/// assert_eq!(brands.len(), 2);
/// assert_eq!(format!("{brands:?}"), "{visa, mastercard}");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct CardBrands(u16);

impl CardBrands {
    /// The empty set.
    #[must_use]
    pub const fn new() -> Self {
        CardBrands(0)
    }

    /// Adds a brand; returns whether it was new.
    pub fn insert(&mut self, brand: CardBrand) -> bool {
        let new = !self.contains(brand);
        self.0 |= brand.bit();
        new
    }

    /// Whether the set holds `brand`.
    #[must_use]
    pub const fn contains(self, brand: CardBrand) -> bool {
        self.0 & brand.bit() != 0
    }

    /// Whether the set is empty.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// How many brands the set holds.
    #[must_use]
    pub const fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// The brands, in [`CardBrand::ALL`] order.
    pub fn iter(self) -> impl Iterator<Item = CardBrand> {
        CardBrand::ALL
            .into_iter()
            .filter(move |b| self.contains(*b))
    }
}

impl fmt::Debug for CardBrands {
    /// The keywords, in [`CardBrand::ALL`] order: `{visa, mastercard}`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter().map(Keyword)).finish()
    }
}

/// Debug-prints a brand as its bare keyword (`visa`), for [`CardBrands`]' `Debug`.
struct Keyword(CardBrand);

impl fmt::Debug for Keyword {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0.as_str())
    }
}

impl FromIterator<CardBrand> for CardBrands {
    fn from_iter<I: IntoIterator<Item = CardBrand>>(iter: I) -> Self {
        let mut set = CardBrands::new();
        for brand in iter {
            set.insert(brand);
        }
        set
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for CardBrands {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

// Its code and remedy, and how it becomes a violation (crate::codes).
crate::codes::value_codes!(CardBrandError => UnknownCardBrand);
crate::codes::invalid_value_violations!(CardBrandError);
