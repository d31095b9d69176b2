//! Maximum amounts per account: the default is Stripe's API reference; a platform
//! states its account's limits in an [`AmountLimits`] and every verdict names the limit used.

use core::fmt;

use crate::card_brand::CardBrand;
use crate::currency::Currency;
use crate::money::{MinorUnits, Money, max_minor_units};

/// When the API reference's maximum was read (`stripe/stripe-node` @ 663942164, 2026-08-19).
pub const MAXIMUMS_AS_OF: &str = "2026-08-19";

/// Where the default maximum comes from: the PaymentIntent `amount` API reference ("The amount
/// value supports up to eight digits (e.g., a value of 99999999 for a USD charge of
/// $999,999.99)", `stripe/stripe-node` `src/resources/PaymentIntents.ts`), and IDR's 12
/// digits from every version of <https://docs.stripe.com/currencies>. [stripe-facts §1.2](crate::rules#facts-1-2).
pub const MAXIMUMS_SOURCE: &str = "https://docs.stripe.com/api/payment_intents/create#create_payment_intent-amount (stripe-node src/resources/PaymentIntents.ts); IDR: https://docs.stripe.com/currencies";

/// When the card networks' digits were read: the current currencies page, 2026 (a
/// third-party copy fetched 2026-07-10 quotes the same text). [stripe-facts §1.2](crate::rules#facts-1-2), V3.
pub const CARD_NETWORK_MAXIMUMS_AS_OF: &str = "2026-07-10";

/// Where the card networks' digits come from.
pub const CARD_NETWORK_MAXIMUMS_SOURCE: &str =
    "https://docs.stripe.com/currencies#minimum-and-maximum-charge-amounts";

/// How a charge is paid, as far as its maximum depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum ChargeMethod {
    /// Not known, or not a card: only the API reference's maximum or the account's own
    /// limits apply.
    #[default]
    Unknown,
    /// A card, with its brand when known.
    Card(Option<CardBrand>),
}

/// Where the maximum that applied comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum LimitSource {
    /// Stripe's API reference (8 digits; IDR 12): the default ([`MAXIMUMS_SOURCE`]).
    ApiReference,
    /// The card networks' digits on Stripe's current currencies page, which the account stated
    /// it has ([`AmountLimits::card_networks`]; [`CARD_NETWORK_MAXIMUMS_SOURCE`]).
    CardNetworks,
    /// The account's own maximum for the currency ([`AmountLimits::with_currency_max`]).
    AccountCurrency,
    /// The account's own maximum for the card's brand ([`AmountLimits::with_brand_max`]).
    AccountBrand,
}

impl LimitSource {
    /// The stable snake_case name, as serialized: `api_reference`, `card_networks`,
    /// `account_currency`, `account_brand`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::ApiReference => "api_reference",
            Self::CardNetworks => "card_networks",
            Self::AccountCurrency => "account_currency",
            Self::AccountBrand => "account_brand",
        }
    }
}

impl fmt::Display for LimitSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::ApiReference => "the maximum in Stripe's API reference",
            Self::CardNetworks => "the card networks' maximum on Stripe's currencies page",
            Self::AccountCurrency => "the account's maximum for this currency",
            Self::AccountBrand => "the account's maximum for this card brand",
        })
    }
}

/// A maximum that applies to a charge: the largest absolute `amount` in minor units, and
/// where it comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct AmountLimit {
    max: MinorUnits,
    source: LimitSource,
}

impl AmountLimit {
    /// The largest absolute `amount`, in minor units.
    pub const fn max(&self) -> MinorUnits {
        self.max
    }

    /// Where it comes from.
    pub const fn source(&self) -> LimitSource {
        self.source
    }

    /// The number of digits of [`max`](Self::max) (`99_999_999` → 8).
    pub fn digits(&self) -> u32 {
        self.max
            .get()
            .unsigned_abs()
            .checked_ilog10()
            .map_or(1, |d| d + 1)
    }

    pub(crate) const fn new(max: MinorUnits, source: LimitSource) -> Self {
        Self { max, source }
    }
}

/// The amount limits of a Stripe account: maximums (per currency, per card brand, or the card
/// networks' digits) and replacements for Stripe's minimum charge. The default is the API
/// reference's maximum and the minimum table of [`crate::minimum`].
///
/// # Which maximum applies ([stripe-facts §1.2](crate::rules#facts-1-2))
///
/// | limits stated | charge | maximum, in minor units | [`LimitSource`] |
/// | --- | --- | --- | --- |
/// | for the card's brand ([`AmountLimits::with_brand_max`]) | a card of that brand | the stated maximum (the smaller one if the currency has one too) | [`AccountBrand`](LimitSource::AccountBrand) |
/// | for the currency ([`AmountLimits::with_currency_max`]) | any | the stated maximum | [`AccountCurrency`](LimitSource::AccountCurrency) |
/// | the card networks' ([`AmountLimits::card_networks`]) | American Express | 9 digits (`999_999_999`) | [`CardNetworks`](LimitSource::CardNetworks) |
/// | the card networks', on a Japanese account ([`AmountLimits::japanese_account`]) | JCB, Diners Club, Discover | 8 digits (`99_999_999`) | [`CardNetworks`](LimitSource::CardNetworks) |
/// | the card networks' | any other card, or a card of unknown brand | 12 digits (`999_999_999_999`); unknown brand: 9 (8 on a Japanese account), the smallest a card network may impose | [`CardNetworks`](LimitSource::CardNetworks) |
/// | none (the default) | any | 8 digits (`99_999_999`), IDR 12 | [`ApiReference`](LimitSource::ApiReference) |
///
/// The card networks' digits are those of the current <https://docs.stripe.com/currencies>
/// ([`CARD_NETWORK_MAXIMUMS_SOURCE`], as of [`CARD_NETWORK_MAXIMUMS_AS_OF`]): "up to 12 digits
/// for most card payments", 9 for American Express, 8 for "JCB, Diners Club and Discover from
/// Japanese Stripe accounts". The page adds that "card networks can impose charge amount limits
/// that are more restrictive than digit number", and the API reference still says 8 digits,
/// so they apply only when the platform says its account has them.
///
/// Building one may allocate; asking it ([`max_for`](Self::max_for),
/// [`minimum_for`](Self::minimum_for), [`Money::to_minor_units_within`]) never does.
///
/// # Examples
///
/// ```
/// use stripe_gateway_rules::Decimal;
/// use stripe_gateway_rules::money::{AmountLimits, ChargeMethod, LimitSource, Money};
/// use stripe_gateway_rules::{card_brand::CardBrand, Currency};
///
/// let vnd = Money::new(Decimal::new(103_500_000, 0), Currency::VND);
/// let card = ChargeMethod::Card(Some(CardBrand::Visa));
///
/// // By default: 8 digits, the API reference's maximum.
/// let err = vnd.to_minor_units_within(&AmountLimits::default(), card).unwrap_err();
/// assert_eq!(err.code(), "amount_too_large");
///
/// // An account whose cards have the card networks' 12 digits.
/// let limits = AmountLimits::card_networks();
/// assert_eq!(vnd.to_minor_units_within(&limits, card).unwrap().get(), 103_500_000);
/// assert_eq!(limits.max_for(Currency::VND, card).source(), LimitSource::CardNetworks);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AmountLimits {
    card_networks: bool,
    japanese_account: bool,
    currencies: Vec<(Currency, MinorUnits)>,
    brands: Vec<(CardBrand, MinorUnits)>,
    minimums: Vec<Money>,
}

/// `10^digits - 1`.
const fn nines(digits: u32) -> MinorUnits {
    MinorUnits::new(10_i64.pow(digits) - 1)
}

impl AmountLimits {
    /// The API reference's maximum (8 digits; IDR 12) and Stripe's minimum table: the same as
    /// [`Default`].
    pub fn api_reference() -> Self {
        Self::default()
    }

    /// The card networks' digits of Stripe's current currencies page for card charges: 12
    /// digits, American Express 9 (and JCB, Diners Club, Discover 8 on a Japanese account, see
    /// [`japanese_account`](Self::japanese_account)). Other charges keep the API reference's
    /// maximum.
    pub fn card_networks() -> Self {
        Self {
            card_networks: true,
            ..Self::default()
        }
    }

    /// Whether the account is a Japanese Stripe account: with the card networks' digits, JCB,
    /// Diners Club and Discover are then limited to 8 digits.
    #[must_use]
    pub fn japanese_account(mut self, japanese: bool) -> Self {
        self.japanese_account = japanese;
        self
    }

    /// The account's maximum for `currency` (absolute value, in minor units), replacing any
    /// earlier one for it. It applies to every charge in the currency, card or not.
    #[must_use]
    pub fn with_currency_max(mut self, currency: Currency, max: MinorUnits) -> Self {
        self.currencies.retain(|(c, _)| *c != currency);
        self.currencies.push((currency, abs(max)));
        self
    }

    /// The account's maximum for card charges of `brand` (absolute value, in minor units, in
    /// any currency), replacing any earlier one for it.
    #[must_use]
    pub fn with_brand_max(mut self, brand: CardBrand, max: MinorUnits) -> Self {
        self.brands.retain(|(b, _)| *b != brand);
        self.brands.push((brand, abs(max)));
        self
    }

    /// Replaces Stripe's minimum charge for accounts settling in `minimum`'s currency (what
    /// [`stripe_minimum`](crate::minimum::stripe_minimum) gives), e.g. for an account whose
    /// agreement with Stripe says otherwise.
    #[must_use]
    pub fn with_minimum(mut self, minimum: Money) -> Self {
        self.minimums.retain(|m| m.currency() != minimum.currency());
        self.minimums.push(minimum);
        self
    }

    /// Whether the card networks' digits apply to card charges.
    pub fn uses_card_networks(&self) -> bool {
        self.card_networks
    }

    /// Whether the account is stated to be a Japanese Stripe account
    /// ([`japanese_account`](Self::japanese_account)).
    pub fn is_japanese_account(&self) -> bool {
        self.japanese_account
    }

    /// The account's maximums per currency, in minor units, in the order stated.
    pub fn currency_maximums(&self) -> &[(Currency, MinorUnits)] {
        &self.currencies
    }

    /// The account's maximums per card brand, in minor units, in the order stated.
    pub fn brand_maximums(&self) -> &[(CardBrand, MinorUnits)] {
        &self.brands
    }

    /// The account's replacements for Stripe's minimum charge, in the order stated.
    pub fn minimums(&self) -> &[Money] {
        &self.minimums
    }

    /// Whether these are the defaults ([`api_reference`](Self::api_reference)): nothing
    /// stated.
    pub fn is_default(&self) -> bool {
        !self.card_networks
            && !self.japanese_account
            && self.currencies.is_empty()
            && self.brands.is_empty()
            && self.minimums.is_empty()
    }

    /// The maximum for a charge in `currency` paid by `method`, and where it comes from.
    /// Never allocates.
    ///
    /// # Examples
    ///
    /// ```
    /// use stripe_gateway_rules::money::{AmountLimits, ChargeMethod, LimitSource, MinorUnits};
    /// use stripe_gateway_rules::{card_brand::CardBrand, Currency};
    ///
    /// let limits = AmountLimits::card_networks();
    /// let amex = limits.max_for(Currency::USD, ChargeMethod::Card(Some(CardBrand::AmericanExpress)));
    /// assert_eq!((amex.max().get(), amex.digits()), (999_999_999, 9));
    /// let default = AmountLimits::default().max_for(Currency::USD, ChargeMethod::Unknown);
    /// assert_eq!((default.max(), default.source()), (MinorUnits::new(99_999_999), LimitSource::ApiReference));
    /// ```
    pub fn max_for(&self, currency: Currency, method: ChargeMethod) -> AmountLimit {
        let brand = match method {
            ChargeMethod::Card(brand) => brand,
            ChargeMethod::Unknown => None,
        };
        let by_brand = brand.and_then(|b| {
            self.brands
                .iter()
                .find(|(x, _)| *x == b)
                .map(|&(_, max)| AmountLimit::new(max, LimitSource::AccountBrand))
        });
        let by_currency = self
            .currencies
            .iter()
            .find(|(c, _)| *c == currency)
            .map(|&(_, max)| AmountLimit::new(max, LimitSource::AccountCurrency));
        match (by_brand, by_currency) {
            (Some(b), Some(c)) => return if c.max < b.max { c } else { b },
            (Some(limit), None) | (None, Some(limit)) => return limit,
            (None, None) => {}
        }
        let default = AmountLimit::new(max_minor_units(currency), LimitSource::ApiReference);
        if !self.card_networks || method == ChargeMethod::Unknown {
            return default;
        }
        let japanese_8 = |brand| {
            self.japanese_account
                && matches!(
                    brand,
                    CardBrand::Jcb | CardBrand::DinersClub | CardBrand::Discover
                )
        };
        // `link` and `unknown` do not name the card's network: as no brand.
        let network = brand.filter(|b| !matches!(b, CardBrand::Link | CardBrand::Unknown));
        let digits = match network {
            Some(b) if japanese_8(b) => 8,
            Some(CardBrand::AmericanExpress) => 9,
            Some(_) => 12,
            // The network decides; unknown, take the smallest a network may impose.
            None if self.japanese_account => 8,
            None => 9,
        };
        let networks = AmountLimit::new(nines(digits), LimitSource::CardNetworks);
        // The networks' digits never lower the API reference's maximum (IDR keeps 12).
        if networks.max < default.max {
            default
        } else {
            networks
        }
    }

    /// Stripe's minimum charge for accounts settling in `settlement`: the account's
    /// replacement ([`with_minimum`](Self::with_minimum)) if stated, otherwise
    /// [`stripe_minimum`](crate::minimum::stripe_minimum). Never allocates.
    pub fn minimum_for(&self, settlement: Currency) -> Option<Money> {
        self.minimums
            .iter()
            .find(|m| m.currency() == settlement)
            .copied()
            .or_else(|| super::minimum_table::stripe_minimum(settlement))
    }
}

impl fmt::Display for AmountLimits {
    /// The limits in plain words, as a report names them: `the API reference's maximum (8
    /// digits in minor units, IDR 12)` by default, otherwise each stated limit, joined by `; `.
    ///
    /// ```
    /// use stripe_gateway_rules::money::{AmountLimits, MinorUnits};
    /// use stripe_gateway_rules::{card_brand::CardBrand, Currency};
    ///
    /// let limits = AmountLimits::card_networks()
    ///     .with_brand_max(CardBrand::AmericanExpress, MinorUnits::new(500_000_000));
    /// assert_eq!(
    ///     limits.to_string(),
    ///     "the card networks' digits for card payments (12 digits in minor units, American Express 9); American Express cards at most 500000000 minor units"
    /// );
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_default() {
            return f.write_str("the API reference's maximum (8 digits in minor units, IDR 12)");
        }
        let mut sep = "";
        if self.card_networks {
            f.write_str("the card networks' digits for card payments (12 digits in minor units, American Express 9")?;
            if self.japanese_account {
                f.write_str(", JCB, Diners Club and Discover 8 on this Japanese account")?;
            }
            f.write_str(")")?;
            sep = "; ";
        } else if self.japanese_account {
            f.write_str("a Japanese account")?;
            sep = "; ";
        }
        for (currency, max) in &self.currencies {
            write!(f, "{sep}{} at most {max} minor units", currency.code())?;
            sep = "; ";
        }
        for (brand, max) in &self.brands {
            write!(f, "{sep}{} cards at most {max} minor units", brand.label())?;
            sep = "; ";
        }
        for minimum in &self.minimums {
            write!(
                f,
                "{sep}a minimum charge of {minimum} for an account that settles in {}",
                minimum.currency().code()
            )?;
            sep = "; ";
        }
        Ok(())
    }
}

fn abs(max: MinorUnits) -> MinorUnits {
    MinorUnits::new(max.get().checked_abs().unwrap_or(i64::MAX))
}
