//! Card brands Stripe accepts, and the currencies some of them refuse (rules.md §10;
//! stripe-facts §7).
//!
//! | brand | config name | currency restriction |
//! | --- | --- | --- |
//! | Visa | `visa` | none stated |
//! | Mastercard | `mastercard` | none stated |
//! | American Express | `amex` | refuses the 26 currencies marked `*` in Stripe's presentment list ([`amex_supports`]) |
//! | Discover | `discover` | none stated by Stripe today (a 2017 page said USD only; unverified, not enforced) |
//! | Diners Club | `diners` | as Discover |
//! | JCB | `jcb` | as Discover |
//! | UnionPay | `unionpay` | "UnionPay cards can only be charged in USD and CAD" (presentment list, US view, ≤ 2025-03) |
//! | Cartes Bancaires | `cartes_bancaires` | none stated; needs configuration at Stripe |
//! | eftpos Australia | `eftpos_au` | none stated; Australian accounts |
//!
//! Config names are the values of Stripe's API `card.brand` enum (`stripe-node`
//! `Charges.ts`); the longer names platforms use (`american_express`, `diners_club`, `eftpos`)
//! are accepted too. S4 lets a platform choose Visa, Mastercard, American Express and Discover.
//!
//! ```
//! use stripe_gateway_rules::{CardBrand, Currency};
//!
//! let amex: CardBrand = "amex".parse()?;
//! assert!(amex.supports_currency(Currency::USD));
//! assert!(!amex.supports_currency(Currency::BRL));
//! assert!(!CardBrand::UnionPay.supports_currency(Currency::EUR));
//! # Ok::<(), stripe_gateway_rules::card_brand::CardBrandError>(())
//! ```
//!
//! [`amex_supports`]: crate::currency::amex_supports

use crate::currency::{Currency, amex_supports};

/// A card brand (network) Stripe accepts (stripe-facts §7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum CardBrand {
    /// Visa.
    #[cfg_attr(feature = "serde", serde(rename = "visa"))]
    Visa,
    /// Mastercard.
    #[cfg_attr(feature = "serde", serde(rename = "mastercard"))]
    Mastercard,
    /// American Express.
    #[cfg_attr(feature = "serde", serde(rename = "amex"))]
    AmericanExpress,
    /// Discover.
    #[cfg_attr(feature = "serde", serde(rename = "discover"))]
    Discover,
    /// Diners Club.
    #[cfg_attr(feature = "serde", serde(rename = "diners"))]
    DinersClub,
    /// JCB.
    #[cfg_attr(feature = "serde", serde(rename = "jcb"))]
    Jcb,
    /// China UnionPay.
    #[cfg_attr(feature = "serde", serde(rename = "unionpay"))]
    UnionPay,
    /// Cartes Bancaires.
    #[cfg_attr(feature = "serde", serde(rename = "cartes_bancaires"))]
    CartesBancaires,
    /// eftpos Australia.
    #[cfg_attr(feature = "serde", serde(rename = "eftpos_au"))]
    Eftpos,
}

impl CardBrand {
    /// Every brand, in declaration order.
    pub const ALL: [CardBrand; 9] = [
        CardBrand::Visa,
        CardBrand::Mastercard,
        CardBrand::AmericanExpress,
        CardBrand::Discover,
        CardBrand::DinersClub,
        CardBrand::Jcb,
        CardBrand::UnionPay,
        CardBrand::CartesBancaires,
        CardBrand::Eftpos,
    ];

    /// The brand's name for people: `American Express`, `UnionPay`…
    #[must_use]
    pub const fn name(self) -> &'static str {
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
        }
    }

    /// Whether Stripe lets this brand be charged in `currency`. Only the restrictions Stripe
    /// states are enforced: American Express refuses the currencies marked `*` in the
    /// presentment list; UnionPay can only be charged in USD and CAD (stripe-facts §7). The
    /// limits once stated for Discover, Diners Club and JCB are no longer on Stripe's pages
    /// and are not enforced.
    #[must_use]
    pub fn supports_currency(self, currency: Currency) -> bool {
        match self {
            CardBrand::AmericanExpress => amex_supports(currency),
            CardBrand::UnionPay => matches!(currency, Currency::USD | Currency::CAD),
            _ => true,
        }
    }

    const fn bit(self) -> u16 {
        1 << self as u16
    }
}

crate::text::keyword_enum!(CardBrand, CardBrandError, "a card brand (visa, mastercard, amex, discover, diners, jcb, unionpay, cartes_bancaires, eftpos_au; also american_express, diners_club, china_unionpay, eftpos)", {
    Visa => "visa",
    Mastercard => "mastercard",
    AmericanExpress => "amex" | "american_express",
    Discover => "discover",
    DinersClub => "diners" | "diners_club",
    Jcb => "jcb",
    UnionPay => "unionpay" | "china_unionpay",
    CartesBancaires => "cartes_bancaires",
    Eftpos => "eftpos_au" | "eftpos",
});

/// A set of card brands, stored as bits: copying and checking it never allocates.
///
/// ```
/// use stripe_gateway_rules::card_brand::{CardBrand, CardBrands};
///
/// let brands: CardBrands = [CardBrand::Visa, CardBrand::Mastercard].into_iter().collect();
/// assert!(brands.contains(CardBrand::Visa));
/// assert!(!brands.contains(CardBrand::AmericanExpress));
/// assert_eq!(brands.len(), 2);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
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
