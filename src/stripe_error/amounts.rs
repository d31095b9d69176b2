//! Amounts and currencies named in Stripe's error messages ("Amount must be at least $0.50
//! usd", "Amount must be no more than 999,999.99", "Amount must convert to at least 50
//! cents."), as structured values ([stripe-facts §1.1](crate::rules#facts-1-1), [§1.2](crate::rules#facts-1-2)).
//!
//! The texts come from third-party reports of Stripe's responses and Stripe may change them
//! at any time ([stripe-facts §3.3](crate::rules#facts-3-3), "Unverified" 7): a text that is not recognised gives no
//! amount, never a wrong one.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::currency::{Currency, parse_currency};
use crate::money::Money;

/// Which limit a message states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum AmountBound {
    /// "must be at least …": Stripe's minimum charge ([stripe-facts §1.1](crate::rules#facts-1-1)).
    AtLeast,
    /// "must convert to at least …": the minimum after conversion into the settlement
    /// currency ([stripe-facts §1.1](crate::rules#facts-1-1)).
    ConvertsToAtLeast,
    /// "must be no more than …": Stripe's maximum ([stripe-facts §1.2](crate::rules#facts-1-2)).
    AtMost,
}

impl AmountBound {
    /// A stable snake_case code: `at_least`, `converts_to_at_least`, `at_most`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            AmountBound::AtLeast => "at_least",
            AmountBound::ConvertsToAtLeast => "converts_to_at_least",
            AmountBound::AtMost => "at_most",
        }
    }
}

/// An amount Stripe's message names: the limit, the value as written (commas removed), the
/// currency when the message names its code, and whether the value is in minor units
/// ("50 cents", "200 fils").
///
/// ```
/// use stripe_gateway_rules::Decimal;
/// use stripe_gateway_rules::Currency;
/// use stripe_gateway_rules::stripe_error::{AmountBound, StripeError};
///
/// let d = StripeError::new()
///     .with_code("amount_too_small")
///     .with_message("Amount must be at least $0.50 usd")
///     .diagnose();
/// let limit = &d.amounts()[0];
/// assert_eq!(limit.bound(), AmountBound::AtLeast);
/// assert_eq!(limit.value(), Decimal::new(50, 2));
/// assert_eq!(limit.currency(), Some(Currency::USD));
/// assert_eq!(limit.to_string(), "at least 0.50 USD");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct MessageAmount {
    bound: AmountBound,
    value: Decimal,
    currency: Option<Currency>,
    minor_units: bool,
}

impl MessageAmount {
    /// The limit stated.
    #[must_use]
    pub fn bound(&self) -> AmountBound {
        self.bound
    }

    /// The value as written, without thousands separators.
    #[must_use]
    pub fn value(&self) -> Decimal {
        self.value
    }

    /// The currency, when the message names its code ("usd"); a symbol alone ("$") names
    /// none, since several currencies share it.
    #[must_use]
    pub fn currency(&self) -> Option<Currency> {
        self.currency
    }

    /// Whether the value counts minor units ("50 cents", "200 fils") of a currency the
    /// message does not name (the account's settlement currency).
    #[must_use]
    pub fn is_minor_units(&self) -> bool {
        self.minor_units
    }

    /// The amount as [`Money`], when the message names the currency and the value is not in
    /// minor units.
    #[must_use]
    pub fn money(&self) -> Option<Money> {
        match (self.currency, self.minor_units) {
            (Some(currency), false) => Some(Money::new(self.value, currency)),
            _ => None,
        }
    }
}

impl fmt::Display for MessageAmount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bound = match self.bound {
            AmountBound::AtLeast => "at least",
            AmountBound::ConvertsToAtLeast => "converted, at least",
            AmountBound::AtMost => "at most",
        };
        write!(f, "{bound} {}", self.value)?;
        if self.minor_units {
            f.write_str(" minor units")?;
        }
        if let Some(currency) = self.currency {
            write!(f, " {}", currency.code())?;
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for MessageAmount {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("MessageAmount", 4)?;
        s.serialize_field("bound", &self.bound)?;
        // A string, whatever rust_decimal's serde features elsewhere in the build.
        s.serialize_field("value", &self.value.to_string())?;
        s.serialize_field("currency", &self.currency.map(|c| c.code()))?;
        s.serialize_field("minor_units", &self.minor_units)?;
        s.end()
    }
}

/// The phrases that introduce a limit, in a lowercased message with single spaces.
const PHRASES: [(&str, AmountBound); 3] = [
    ("must be at least ", AmountBound::AtLeast),
    ("must convert to at least ", AmountBound::ConvertsToAtLeast),
    ("must be no more than ", AmountBound::AtMost),
];

/// Names of minor units in Stripe's messages ("50 cents", "200 fils").
const MINOR_UNIT_WORDS: [&str; 8] = [
    "cent", "cents", "fils", "pence", "penny", "centimes", "sen", "satang",
];

/// Currency symbols that may precede the value; they name no currency by themselves.
const SYMBOLS: [char; 6] = ['$', '€', '£', '¥', '₹', '₩'];

/// Longest number read (digits, commas and one point): far beyond any real amount.
const MAX_NUMBER_LEN: usize = 40;

/// At most this many amounts are read from one message.
const MAX_AMOUNTS: usize = 4;

/// The amounts in `text`, a message already lowercased, with single spaces and cut before
/// anything secret-shaped.
pub(crate) fn amounts_in(text: &str) -> Vec<MessageAmount> {
    let mut found: Vec<(usize, MessageAmount)> = Vec::new();
    for (phrase, bound) in PHRASES {
        for (at, _) in text.match_indices(phrase) {
            if let Some(amount) = amount_at(&text[at + phrase.len()..], bound) {
                found.push((at, amount));
            }
        }
    }
    found.sort_by_key(|(at, _)| *at);
    found
        .into_iter()
        .map(|(_, a)| a)
        .take(MAX_AMOUNTS)
        .collect()
}

/// Reads `[symbol]number[ unit-or-currency]` at the start of `rest`.
fn amount_at(rest: &str, bound: AmountBound) -> Option<MessageAmount> {
    let rest = rest.strip_prefix(SYMBOLS).unwrap_or(rest);
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(rest.len());
    let number = rest[..end].trim_end_matches(['.', ',']);
    if number.is_empty()
        || number.len() > MAX_NUMBER_LEN
        || !number.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let value = Decimal::from_str(&number.replace(',', "")).ok()?;
    // The word after the number (if the number is not at the end of a sentence).
    let after = &rest[number.len()..];
    let word = after
        .strip_prefix(' ')
        .map(|w| {
            let end = w
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(w.len());
            &w[..end]
        })
        .unwrap_or_default();
    let minor_units = MINOR_UNIT_WORDS.contains(&word);
    let currency = if word.len() == 3 && !minor_units {
        parse_currency(word).ok()
    } else {
        None
    };
    Some(MessageAmount {
        bound,
        value,
        currency,
        minor_units,
    })
}
