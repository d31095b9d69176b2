//! How long a card authorization can be captured: Stripe's authorization windows ([rules.md §7](crate::rules#rules-7);
//! [stripe-facts §4](crate::rules#facts-4)).
//!
//! Source: <https://docs.stripe.com/payments/place-a-hold-on-a-payment-method> and
//! <https://docs.stripe.com/payments/extended-authorization>, read 2026 ([stripe-facts §4](crate::rules#facts-4)).
//!
//! | situation | window |
//! | --- | --- |
//! | online, customer-initiated, any brand | 7 days |
//! | online, merchant-initiated, Visa | 4 days 18 hours ("5 days*": "the exact authorization window is 4 days and 18 hours", since 2024-04-14) |
//! | online, merchant-initiated, other brands | 7 days |
//! | in person (card present), Visa | 4 days 18 hours ("5 days*") |
//! | in person, Mastercard, American Express, Discover and others | 2 days |
//! | extended authorization, Visa | 29 days 18 hours |
//! | extended authorization, Mastercard, American Express, Discover | 30 days |
//! | JPY on a Japanese account: Visa, Mastercard, JCB, Diners Club, Discover | 30 days |
//!
//! A known `capture_before` (Stripe's `payment_method_details.card.capture_before`) overrides
//! the table: it is the authoritative value for one charge. When the brand is unknown, the
//! window is the shortest any brand that can be held could have in that situation, so a
//! capture this crate accepts is never one Stripe refuses for lateness. Extended
//! authorization exists only for Visa, Mastercard, American Express and Discover; for other
//! brands the standard window applies.
//!
//! Every [`CardBrand`] has a window; for the brands Stripe's table does not name:
//!
//! | brand | window | why |
//! | --- | --- | --- |
//! | Diners Club, JCB, UnionPay, Cartes Bancaires, eftpos Australia | 7 days online; 2 days in person; 30 days for JCB and Diners Club in JPY on a Japanese account | the table's "Mastercard, American Express, Discover and others" rows; [stripe-facts §4](crate::rules#facts-4) (Japan) |
//! | girocard | 2 days (in person, its only use), 7 days if ever online | the "others" rows |
//! | Interac | none (zero): nothing is left to capture | "The `interac_present` payment method type no longer supports the `manual` capture_method" (2025-03-31.basil changelog): Stripe captures an Interac payment when the customer authorizes it, the network being single-message |
//! | `link`, `unknown` | as an unknown brand: the shortest of Visa, Mastercard, American Express and Discover | no network is named, so none can be assumed |
//!
//! ```
//! use stripe_gateway_rules::jiff::SignedDuration;
//! use stripe_gateway_rules::authorization::{authorization_window, Initiator, Presence};
//! use stripe_gateway_rules::{card_brand::CardBrand, Currency};
//!
//! let window = authorization_window(Some(CardBrand::Visa), Initiator::Merchant, Presence::Online, false, Currency::USD, None);
//! assert_eq!(window, SignedDuration::from_hours(4 * 24 + 18));
//! ```

use iso_currency::Country;
use jiff::{SignedDuration, Timestamp};

use crate::card_brand::CardBrand;
use crate::currency::Currency;

/// Who started the payment: the customer (CIT) or the merchant (MIT, e.g. a subscription
/// renewal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Initiator {
    /// Customer-initiated.
    Customer,
    /// Merchant-initiated.
    Merchant,
}

/// Whether the card was present: online (card not present) or in person (Terminal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Presence {
    /// Card not present.
    Online,
    /// Card present (in person).
    InPerson,
}

const fn days_hours(days: i64, hours: i64) -> SignedDuration {
    SignedDuration::from_hours(days * 24 + hours)
}

/// 7 days: the default online window of every brand.
pub const STANDARD_WINDOW: SignedDuration = days_hours(7, 0);
/// 4 days 18 hours: Visa's exact "5 days" (merchant-initiated online, and in person).
pub const VISA_SHORT_WINDOW: SignedDuration = days_hours(4, 18);
/// 2 days: in person, brands other than Visa.
pub const IN_PERSON_WINDOW: SignedDuration = days_hours(2, 0);
/// 30 days: extended authorization (Mastercard, American Express, Discover), and JPY on
/// Japanese accounts.
pub const EXTENDED_WINDOW: SignedDuration = days_hours(30, 0);
/// 29 days 18 hours: Visa's exact extended window.
pub const VISA_EXTENDED_WINDOW: SignedDuration = days_hours(29, 18);
/// Zero: Interac payments are captured when authorized, so none is left to capture later
/// ("The `interac_present` payment method type no longer supports the `manual`
/// capture_method", Stripe's 2025-03-31.basil changelog).
pub const NO_WINDOW: SignedDuration = SignedDuration::ZERO;

/// The window during which an authorization can be captured, from Stripe's table (see the
/// [module docs](self)). `brand` is `None` when unknown (and [`CardBrand::Link`] and
/// [`CardBrand::Unknown`] count as unknown): the shortest window of any brand applies.
/// Interac has none ([`NO_WINDOW`]). `country` is the Stripe account's country (Japan changes JPY windows).
#[must_use]
pub fn authorization_window(
    brand: Option<CardBrand>,
    initiator: Initiator,
    presence: Presence,
    extended: bool,
    currency: Currency,
    country: Option<Country>,
) -> SignedDuration {
    let brand = match brand {
        // No network named: the shortest window any brand that can be held has in this
        // situation (Interac cannot be held at all, and is always named).
        None | Some(CardBrand::Link | CardBrand::Unknown) => {
            return [
                CardBrand::Visa,
                CardBrand::Mastercard,
                CardBrand::AmericanExpress,
                CardBrand::Discover,
            ]
            .into_iter()
            .map(|b| {
                authorization_window(Some(b), initiator, presence, extended, currency, country)
            })
            .min()
            .unwrap_or(VISA_SHORT_WINDOW);
        }
        // Single-message network: captured when authorized (2025-03-31.basil changelog).
        Some(CardBrand::Interac) => return NO_WINDOW,
        Some(brand) => brand,
    };
    let japan_jpy = country == Some(Country::JP) && currency == Currency::JPY;
    if japan_jpy
        && matches!(
            brand,
            CardBrand::Visa
                | CardBrand::Mastercard
                | CardBrand::Jcb
                | CardBrand::DinersClub
                | CardBrand::Discover
        )
    {
        return EXTENDED_WINDOW;
    }
    if extended {
        match brand {
            CardBrand::Visa => return VISA_EXTENDED_WINDOW,
            CardBrand::Mastercard | CardBrand::AmericanExpress | CardBrand::Discover => {
                return EXTENDED_WINDOW;
            }
            _ => {}
        }
    }
    match (presence, initiator, brand) {
        (Presence::InPerson, _, CardBrand::Visa) => VISA_SHORT_WINDOW,
        (Presence::InPerson, _, _) => IN_PERSON_WINDOW,
        (Presence::Online, Initiator::Merchant, CardBrand::Visa) => VISA_SHORT_WINDOW,
        (Presence::Online, _, _) => STANDARD_WINDOW,
    }
}

/// An authorization to capture: when it was made and what decides its window.
///
/// ```
/// use stripe_gateway_rules::authorization::{Authorization, Initiator, Presence};
/// use stripe_gateway_rules::{card_brand::CardBrand, Currency};
///
/// let auth = Authorization::new("2026-11-01T10:00:00Z".parse()?)
///     .brand(CardBrand::Visa)
///     .initiator(Initiator::Merchant);
/// assert_eq!(auth.expires_at(Currency::USD, None).to_string(), "2026-11-06T04:00:00Z");
/// # Ok::<(), stripe_gateway_rules::jiff::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Authorization {
    authorized_at: Timestamp,
    brand: Option<CardBrand>,
    initiator: Initiator,
    presence: Presence,
    extended: bool,
    capture_before: Option<Timestamp>,
}

impl Authorization {
    /// An authorization made at `authorized_at`: customer-initiated, online, not extended,
    /// brand unknown (so the shortest window applies until [`brand`](Self::brand) is given).
    #[must_use]
    pub fn new(authorized_at: Timestamp) -> Self {
        Authorization {
            authorized_at,
            brand: None,
            initiator: Initiator::Customer,
            presence: Presence::Online,
            extended: false,
            capture_before: None,
        }
    }

    /// The card's brand.
    #[must_use]
    pub fn brand(mut self, brand: CardBrand) -> Self {
        self.brand = Some(brand);
        self
    }

    /// Who initiated the payment.
    #[must_use]
    pub fn initiator(mut self, initiator: Initiator) -> Self {
        self.initiator = initiator;
        self
    }

    /// Online or in person.
    #[must_use]
    pub fn presence(mut self, presence: Presence) -> Self {
        self.presence = presence;
        self
    }

    /// Whether extended authorization was granted.
    #[must_use]
    pub fn extended(mut self, extended: bool) -> Self {
        self.extended = extended;
        self
    }

    /// Stripe's `capture_before` for this charge, which overrides the table.
    #[must_use]
    pub fn capture_before(mut self, capture_before: Timestamp) -> Self {
        self.capture_before = Some(capture_before);
        self
    }

    /// The card's brand, if given with [`brand`](Self::brand).
    #[must_use]
    pub fn card_brand(&self) -> Option<CardBrand> {
        self.brand
    }

    /// When the authorization was made.
    #[must_use]
    pub fn authorized_at(&self) -> Timestamp {
        self.authorized_at
    }

    /// The last moment a capture is accepted: `capture_before` when known, else
    /// `authorized_at` plus the [`authorization_window`]. Saturates at the largest timestamp.
    #[must_use]
    pub fn expires_at(&self, currency: Currency, country: Option<Country>) -> Timestamp {
        if let Some(t) = self.capture_before {
            return t;
        }
        let window = authorization_window(
            self.brand,
            self.initiator,
            self.presence,
            self.extended,
            currency,
            country,
        );
        self.authorized_at
            .checked_add(window)
            .unwrap_or(Timestamp::MAX)
    }
}

crate::text::keyword_enum!(Initiator, InitiatorError, "an initiator, `customer` or `merchant`", {
    Customer => "customer",
    Merchant => "merchant",
});

crate::text::keyword_enum!(Presence, PresenceError, "a presence, `online` or `in_person`", {
    Online => "online",
    InPerson => "in_person",
});

// Its code and remedy, and how it becomes a violation (crate::codes).
crate::codes::value_codes!(InitiatorError => UnknownKeyword, PresenceError => UnknownKeyword);
crate::codes::invalid_value_violations!(InitiatorError, PresenceError);
