//! From a parsed line to an [`Operation`]: the fields each `op` takes, and their values.

use super::*;

/// The fields each `op` takes besides `op`, as a mask over [`OperationLine::present`]'s order
/// (bit i: its i-th field).
pub(super) fn allowed_fields(op: &str) -> Option<u16> {
    // Bits in `present()` order: amount 0, currency 1, card 2, customer_email 3,
    // authorized_amount 4, authorized_at 5, at 6, brand 7, initiator 8, presence 9,
    // extended 10, capture_before 11, captured_amount 12, refunded_amount 13.
    Some(match op {
        "sale" | "authorize" => 0b0000_0000_1000_1111,
        "capture" => 0b0000_1111_1111_0011,
        "refund" => 0b0011_0000_1000_0011,
        "save_payment_method" => 0b0000_0000_0000_1000,
        "void" | "delete_payment_method" => 0,
        _ => return None,
    })
}

impl<'a> OperationLine<'a> {
    /// The operation this line describes, borrowing the customer's email from it.
    ///
    /// # Errors
    ///
    /// A [`LineError`] for an unknown `op`, a field that does not belong to the `op`, a
    /// missing required field, or a value that does not parse (amount, currency, time, card,
    /// brand, initiator, presence).
    pub fn operation(&self) -> Result<Operation<'_>, LineError> {
        let op = self.op.as_deref().unwrap_or_default();
        let allowed = allowed_fields(op).ok_or_else(|| {
            LineError::new(format!(
                "unknown op {}; expected sale, authorize, capture, refund, void, save_payment_method or delete_payment_method",
                InputExcerpt::new(op)
            ))
            .field("op")
        })?;
        let mask = self.present();
        if mask & !allowed != 0 {
            // The first present field the op does not take, in `present()` order.
            let name = FIELDS[(mask & !allowed).trailing_zeros() as usize + 1];
            let article = if op.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            return Err(
                LineError::new(format!("{name} does not belong to {article} {op}")).field(name),
            );
        }
        if let Some(name) = self.foreign_request_field(op) {
            return Err(LineError::new(format!(
                "{name} does not belong to {} {op}",
                if op.starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "an"
                } else {
                    "a"
                }
            ))
            .field(name));
        }
        let email = self.customer_email.as_deref();
        // The currency is parsed once, when the first amount needs it (amounts are checked
        // first, so a line without either says the amount is missing).
        let currency = std::cell::OnceCell::new();
        let money = |name, field| self.money(name, field, &currency);
        Ok(match op {
            "sale" | "authorize" => {
                let mut payment = Payment::new(money("amount", &self.amount)?, self.card()?);
                payment.customer_email = email;
                if let Some(brand) = self.card_brand()? {
                    payment = payment.with_brand(brand);
                }
                if op == "sale" {
                    Operation::Sale(payment)
                } else {
                    Operation::Authorize(payment)
                }
            }
            "capture" => {
                let mut auth =
                    Authorization::new(time("authorized_at", self.authorized_at.as_deref())?)
                        .initiator(keyword(
                            "initiator",
                            self.initiator.as_deref(),
                            Initiator::Customer,
                        )?)
                        .presence(keyword(
                            "presence",
                            self.presence.as_deref(),
                            Presence::Online,
                        )?)
                        .extended(self.extended.unwrap_or(false));
                if let Some(brand) = self.card_brand()? {
                    auth = auth.brand(brand);
                }
                if let Some(t) = self.capture_before.as_deref() {
                    auth = auth.capture_before(time("capture_before", Some(t))?);
                }
                Operation::Capture(Capture::new(
                    money("amount", &self.amount)?,
                    money("authorized_amount", &self.authorized_amount)?,
                    auth,
                    time("at", self.at.as_deref())?,
                ))
            }
            "refund" => {
                let captured = money("captured_amount", &self.captured_amount)?;
                let refunded = match self.refunded_amount {
                    Some(_) => money("refunded_amount", &self.refunded_amount)?,
                    None => Money::new(rust_decimal::Decimal::ZERO, captured.currency()),
                };
                let refund = Refund::new(money("amount", &self.amount)?, captured, refunded);
                Operation::Refund(match self.card_brand()? {
                    Some(brand) => refund.with_brand(brand),
                    None => refund,
                })
            }
            "void" => Operation::Void,
            "save_payment_method" => Operation::SavePaymentMethod {
                customer_email: email,
            },
            _ => Operation::DeletePaymentMethod,
        })
    }

    fn currency(&self) -> Result<Currency, LineError> {
        let code = self.currency.as_deref().ok_or_else(|| {
            LineError::new(format!("currency is required for {}", self.op_name())).field("currency")
        })?;
        parse_currency(code).map_err(|e| LineError::new(format!("currency: {e}")).field("currency"))
    }

    fn op_name(&self) -> &str {
        self.op.as_deref().unwrap_or_default()
    }

    /// The amount field `name` (its text `field`) in the line's currency.
    fn money(
        &self,
        name: &'static str,
        field: &Option<Cow<'a, str>>,
        currency: &std::cell::OnceCell<Currency>,
    ) -> Result<Money, LineError> {
        let text = field.as_deref().ok_or_else(|| {
            LineError::new(format!("{name} is required for {}", self.op_name())).field(name)
        })?;
        let amount = match plain_amount(text) {
            Some(amount) => amount,
            None => parse_amount(text).map_err(|e| amount_error(name, text, &e))?,
        };
        let currency = match currency.get() {
            Some(c) => *c,
            None => {
                let parsed = self.currency()?;
                let _ = currency.set(parsed);
                parsed
            }
        };
        Ok(Money::new(amount, currency))
    }

    /// The `brand` field, when there is one.
    fn card_brand(&self) -> Result<Option<CardBrand>, LineError> {
        self.brand
            .as_deref()
            .map(|text| keyword("brand", Some(text), CardBrand::Visa))
            .transpose()
    }

    fn card(&self) -> Result<CardSource, LineError> {
        match self.card.as_deref() {
            Some("new") => Ok(CardSource::New),
            Some("saved") => Ok(CardSource::Saved),
            Some(other) => Err(LineError::new(format!(
                "card: expected new or saved, found {}",
                InputExcerpt::new(other)
            ))
            .field("card")),
            None => Err(
                LineError::new(format!("card is required for {}", self.op_name())).field("card"),
            ),
        }
    }
}

/// The error of an amount field that does not parse: the rule's code for an amount beyond
/// what any decimal holds ([rules §5](crate::rules#rules-5)): `amount_not_positive` for a
/// negative one, `amount_too_large` for one of 20 or more digits before the point (beyond
/// every maximum: minor units are 64-bit), never the decimal library's bound; `invalid_input`
/// for anything else.
fn amount_error(name: &'static str, text: &str, e: &crate::money::ParseMoneyError) -> LineError {
    use crate::codes::{MoneyCode, OperationLineCode};
    if e.code() == MoneyCode::MoneyAmountOutOfRange {
        let shown = InputExcerpt::new(text);
        if text.starts_with('-') {
            return LineError::new(format!("{name} {shown} is not positive"))
                .with_code(OperationLineCode::AmountNotPositive)
                .field(name);
        }
        let whole = text.split('.').next().unwrap_or_default();
        let digits = whole.trim_start_matches('0').len();
        if digits >= 20 {
            return LineError::new(format!(
                "{name} {shown} is more than any amount Stripe charges: at most 8 digits in minor units (12 for IDR), or the account's own limit"
            ))
            .with_code(OperationLineCode::AmountTooLarge)
            .field(name);
        }
    }
    LineError::new(format!("{name}: {e}")).field(name)
}

fn time(name: &'static str, text: Option<&str>) -> Result<Timestamp, LineError> {
    let text =
        text.ok_or_else(|| LineError::new(format!("{name} is required for capture")).field(name))?;
    if let Some(time) = plain_utc_time(text) {
        return Ok(time);
    }
    text.parse().map_err(|_| {
        LineError::new(format!(
            "{name}: expected an RFC 3339 time such as 2026-11-01T10:00:00Z, found {}",
            InputExcerpt::new(text)
        ))
        .field(name)
    })
}

/// [`parse_amount`]'s answer for the common plain form, without its general parser: at most
/// 19 ASCII digits with at most one inner `.` (`123.45`, `500`). `None` for anything else
/// (a sign, more digits, any other character), which `parse_amount` then reads, so results
/// and errors are the same. The mantissa and scale are those `Decimal::from_str_exact` gives
/// (a test compares the two on every shape).
pub(super) fn plain_amount(text: &str) -> Option<Decimal> {
    let bytes = text.as_bytes();
    if bytes.is_empty() || bytes.len() > 19 {
        return None;
    }
    let mut mantissa = 0u64;
    // Where the `.` is (`bytes.len()` for none); its place is checked once, after the loop.
    let mut point = bytes.len();
    for (i, &b) in bytes.iter().enumerate() {
        let digit = b.wrapping_sub(b'0');
        if digit < 10 {
            mantissa = mantissa * 10 + u64::from(digit);
        } else if b == b'.' && point == bytes.len() {
            point = i;
        } else {
            return None;
        }
    }
    // The `.` inside: not first, not last.
    if point == 0 || point + 1 == bytes.len() {
        return None;
    }
    // At most 19 digits: below 10^19 < 2^64, so no overflow above; the scale is at most 17.
    let scale = u32::try_from(bytes.len().saturating_sub(point + 1)).ok()?;
    Some(Decimal::from_parts(
        mantissa as u32,
        (mantissa >> 32) as u32,
        0,
        false,
        scale,
    ))
}

/// The common form of an RFC 3339 time, `YYYY-MM-DDTHH:MM:SSZ` (uppercase `T` and `Z`, years
/// 1000 to 9998, seconds below 60), read without jiff's general parser. `None` for anything
/// else (another form, or a date that does not exist), which jiff then reads, so results and
/// errors are the same (a test compares the two).
pub(super) fn plain_utc_time(text: &str) -> Option<Timestamp> {
    let b: &[u8; 20] = text.as_bytes().try_into().ok()?;
    if b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    if b[19] != b'Z' {
        return None;
    }
    let number = |from: usize, to: usize| -> Option<i64> {
        b[from..to].iter().try_fold(0i64, |n, &d| {
            d.is_ascii_digit().then(|| n * 10 + i64::from(d - b'0'))
        })
    };
    let (year, month, day) = (number(0, 4)?, number(5, 7)?, number(8, 10)?);
    let (hour, minute, second) = (number(11, 13)?, number(14, 16)?, number(17, 19)?);
    if !(1000..=9998).contains(&year) || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if day < 1 || day > days_in_month {
        return None;
    }
    // Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    Timestamp::from_second(days * 86_400 + hour * 3_600 + minute * 60 + second).ok()
}

/// Parses an optional keyword field, `default` when absent.
fn keyword<T>(name: &'static str, text: Option<&str>, default: T) -> Result<T, LineError>
where
    T: std::str::FromStr,
    T::Err: fmt::Display,
{
    text.map_or(Ok(default), |t| {
        t.parse()
            .map_err(|e| LineError::new(format!("{name}: {e}")).field(name))
    })
}
