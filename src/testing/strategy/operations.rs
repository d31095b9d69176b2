//! Strategies for operations: accepted by a gateway, or anything a line could say.

use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;

use super::money::{card_brand, max_steps, money, money_of, step, steps_between};
use crate::authorization::{Authorization, Initiator, Presence};
use crate::card_brand::CardBrand;
use crate::config::ValidatedGateway;
use crate::currency::Currency;
use crate::data_protection::DataProtection;
use crate::money::{MinorUnits, Money};
use crate::operation::{Capture, CardSource, Operation, Payment, Refund};

/// Valid customer emails, `'static` so the operations that borrow them are too.
const EMAILS: [&str; 4] = [
    "ana@shop.example",
    "b.smith+billing@example.com",
    "ops@sub.example.org",
    "x@y.co",
];

/// Emails of every kind: valid ones, and ones a customer record might hold by mistake.
const ANY_EMAILS: [&str; 8] = [
    "ana@shop.example",
    "b.smith+billing@example.com",
    "",
    "no-at-sign",
    "a@b",
    "two@@example.com",
    "ünï@exämple.com",
    " ana@shop.example",
];

/// A moment between 2020 and 2030.
fn timestamp() -> impl Strategy<Value = jiff::Timestamp> {
    (1_577_836_800_i64..1_893_456_000).prop_map(|s| {
        jiff::Timestamp::from_second(s).expect("a second between 2020 and 2030 is a timestamp")
    })
}

fn initiator() -> impl Strategy<Value = Initiator> {
    prop_oneof![Just(Initiator::Customer), Just(Initiator::Merchant)]
}

fn presence() -> impl Strategy<Value = Presence> {
    prop_oneof![Just(Presence::Online), Just(Presence::InPerson)]
}

/// An operation that `gateway` accepts ([`ValidatedGateway::check`] returns `Ok`), of every
/// kind but `void` (which Stripe gateways never accept):
///
/// * sales and authorizations in an assigned currency, at or above its minimum, with a new or
///   saved card; with a valid email whenever the gateway needs one (token-only mode, new card);
/// * captures of at most the authorized amount, within a day of the authorization (inside
///   every authorization window);
/// * refunds of at most what was captured and not yet refunded;
/// * saving a payment method (with a valid email in token-only mode) and deleting one.
///
/// Amounts respect the currency's precision, multiple and maximum.
pub fn operation(gateway: &ValidatedGateway) -> impl Strategy<Value = Operation<'static>> + use<> {
    let assigned: Vec<(Currency, i64)> = gateway
        .currencies()
        .iter()
        .map(|a| {
            let currency = a.currency();
            let minimum = a.minimum().to_minor_units().map_or(1, MinorUnits::get);
            (currency, minimum)
        })
        .collect();
    let token_only = gateway.data_protection() == Some(DataProtection::TokenOnly);
    select(assigned)
        .prop_flat_map(move |(currency, minimum)| accepted_operation(currency, minimum, token_only))
}

fn accepted_operation(
    currency: Currency,
    minimum: i64,
    token_only: bool,
) -> BoxedStrategy<Operation<'static>> {
    let st = step(currency);
    let max = max_steps(currency);
    let lo = ((minimum + st - 1) / st).max(1);
    let email = || select(&EMAILS[..]);
    let payment = (
        steps_between(currency, lo, max),
        any::<bool>(),
        option::of(email()),
        any::<bool>(),
    )
        .prop_map(move |(k, new, email, sale)| {
            let card = if new {
                CardSource::New
            } else {
                CardSource::Saved
            };
            let email = if new && token_only {
                Some(email.unwrap_or(EMAILS[0]))
            } else {
                email
            };
            let mut p = Payment::new(money_of(k * st, currency), card);
            if let Some(e) = email {
                p = p.with_email(e);
            }
            if sale {
                Operation::Sale(p)
            } else {
                Operation::Authorize(p)
            }
        });
    let capture = (
        steps_between(currency, 1, max),
        any::<prop::sample::Index>(),
        timestamp(),
        0_i64..=86_400,
        (
            // Interac payments are captured when authorized: none is left to capture.
            option::of(
                card_brand().prop_filter("Interac has no capture window", |b| {
                    *b != CardBrand::Interac
                }),
            ),
            initiator(),
            presence(),
            any::<bool>(),
        ),
    )
        .prop_map(
            move |(authorized, i, at, after, (brand, initiator, presence, extended))| {
                let amount = 1 + i.index(usize::try_from(authorized).unwrap_or(usize::MAX)) as i64;
                let mut auth = Authorization::new(at)
                    .initiator(initiator)
                    .presence(presence)
                    .extended(extended);
                if let Some(brand) = brand {
                    auth = auth.brand(brand);
                }
                let when = at
                    .checked_add(jiff::SignedDuration::from_secs(after))
                    .unwrap_or(at);
                Operation::Capture(Capture::new(
                    money_of(amount * st, currency),
                    money_of(authorized * st, currency),
                    auth,
                    when,
                ))
            },
        );
    let refund = (
        steps_between(currency, 1, max),
        any::<prop::sample::Index>(),
        any::<prop::sample::Index>(),
    )
        .prop_map(move |(captured, r, a)| {
            let captured_len = usize::try_from(captured).unwrap_or(usize::MAX);
            let refunded = r.index(captured_len) as i64;
            let left = usize::try_from(captured - refunded).unwrap_or(usize::MAX);
            let amount = 1 + a.index(left) as i64;
            Operation::Refund(Refund::new(
                money_of(amount * st, currency),
                money_of(captured * st, currency),
                money_of(refunded * st, currency),
            ))
        });
    let save = (option::of(email())).prop_map(move |email| Operation::SavePaymentMethod {
        customer_email: if token_only {
            Some(email.unwrap_or(EMAILS[1]))
        } else {
            email
        },
    });
    prop_oneof![
        3 => payment,
        2 => capture,
        2 => refund,
        1 => save,
        1 => Just(Operation::DeletePaymentMethod),
    ]
    .boxed()
}

/// An amount of any shape: Stripe-valid ones, zero, negatives, too fine, too large, any
/// currency (not only presentment ones).
fn any_money() -> impl Strategy<Value = Money> {
    let amount = prop_oneof![
        4 => (any::<i64>(), 0_u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
        1 => Just(Decimal::ZERO),
        1 => Just(Decimal::MAX),
        1 => Just(Decimal::MIN),
    ];
    prop_oneof![
        2 => money(),
        1 => (amount, select(&ALL_SAMPLE_CURRENCIES[..])).prop_map(|(a, c)| Money::new(a, c)),
    ]
}

/// Currencies of every rule, presentment or not.
const ALL_SAMPLE_CURRENCIES: [Currency; 12] = [
    Currency::USD,
    Currency::EUR,
    Currency::JPY,
    Currency::KRW,
    Currency::ISK,
    Currency::UGX,
    Currency::HUF,
    Currency::TWD,
    Currency::KWD,
    Currency::BHD,
    Currency::IDR,
    Currency::MGA,
];

/// A well-formed operation of any kind, `void` included, that a gateway may accept or refuse:
/// amounts of any shape and currency (zero, negative, too fine, too large), captures and
/// refunds in mismatched currencies or beyond what they capture or refund, captures at any
/// time, emails valid or not. For tests that a check never panics and always answers.
pub fn any_operation() -> impl Strategy<Value = Operation<'static>> {
    let email = || option::of(select(&ANY_EMAILS[..]));
    let card = prop_oneof![Just(CardSource::New), Just(CardSource::Saved)];
    let payment = (any_money(), card, email(), any::<bool>()).prop_map(|(m, card, email, sale)| {
        let mut p = Payment::new(m, card);
        if let Some(e) = email {
            p = p.with_email(e);
        }
        if sale {
            Operation::Sale(p)
        } else {
            Operation::Authorize(p)
        }
    });
    let capture = (
        any_money(),
        any_money(),
        timestamp(),
        timestamp(),
        (
            option::of(card_brand()),
            initiator(),
            presence(),
            any::<bool>(),
            option::of(timestamp()),
        ),
    )
        .prop_map(
            |(amount, authorized, at, when, (brand, initiator, presence, extended, before))| {
                let mut auth = Authorization::new(at)
                    .initiator(initiator)
                    .presence(presence)
                    .extended(extended);
                if let Some(brand) = brand {
                    auth = auth.brand(brand);
                }
                if let Some(before) = before {
                    auth = auth.capture_before(before);
                }
                Operation::Capture(Capture::new(amount, authorized, auth, when))
            },
        );
    let refund = (any_money(), any_money(), any_money())
        .prop_map(|(a, c, r)| Operation::Refund(Refund::new(a, c, r)));
    prop_oneof![
        3 => payment,
        2 => capture,
        2 => refund,
        1 => Just(Operation::Void),
        1 => email().prop_map(|customer_email| Operation::SavePaymentMethod { customer_email }),
        1 => Just(Operation::DeletePaymentMethod),
    ]
}
