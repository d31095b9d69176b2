//! Serde for money and exchange rates: text forms read through the parsers.

use super::{ExchangeRate, Money, parse_amount};
use crate::currency::Currency;
use crate::currency::{parse_currency, serde_code};
use rust_decimal::Decimal;
use serde::de::Error as _;
use serde::ser::SerializeStruct as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::Cow;

/// A decimal as a string, independent of `rust_decimal`'s serde features.
struct DecimalStr<'a>(&'a Decimal);

impl Serialize for DecimalStr<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}

/// A currency as its code.
struct Code(Currency);

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde_code::serialize(&self.0, serializer)
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Money", 2)?;
        s.serialize_field("amount", &DecimalStr(&self.amount))?;
        s.serialize_field("currency", &Code(self.currency))?;
        s.end()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MoneyRepr<'a> {
    #[serde(borrow)]
    amount: Cow<'a, str>,
    #[serde(borrow)]
    currency: Cow<'a, str>,
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let repr = MoneyRepr::deserialize(deserializer)?;
        let amount = parse_amount(&repr.amount).map_err(D::Error::custom)?;
        let currency = parse_currency(&repr.currency).map_err(D::Error::custom)?;
        Ok(Money::new(amount, currency))
    }
}

impl Serialize for ExchangeRate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("ExchangeRate", 3)?;
        s.serialize_field("from", &Code(self.from))?;
        s.serialize_field("to", &Code(self.to))?;
        s.serialize_field("rate", &DecimalStr(&self.rate))?;
        s.end()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RateRepr<'a> {
    #[serde(borrow)]
    from: Cow<'a, str>,
    #[serde(borrow)]
    to: Cow<'a, str>,
    #[serde(borrow)]
    rate: Cow<'a, str>,
}

impl<'de> Deserialize<'de> for ExchangeRate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let repr = RateRepr::deserialize(deserializer)?;
        let from = parse_currency(&repr.from).map_err(D::Error::custom)?;
        let to = parse_currency(&repr.to).map_err(D::Error::custom)?;
        let rate = parse_amount(&repr.rate).map_err(D::Error::custom)?;
        ExchangeRate::new(from, to, rate).map_err(D::Error::custom)
    }
}
