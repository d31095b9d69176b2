//! Stripe's decline codes (the `decline_code` of a card error), each with what the operator
//! does and what the customer is told, following Stripe's guidance.
//!
//! Source: <https://docs.stripe.com/declines/codes> ("Stripe decline codes": the card table
//! and the table of local payment methods), read 2026-12-03 ([`DECLINE_CODES_AS_OF`]); the
//! table is copied, with Stripe's descriptions and next steps, into
//! `tests/data/stripe-decline-codes.csv`, which the tests compare with this one. The texts
//! here are the crate's, written from Stripe's next steps. Where Stripe says not to tell the
//! customer the reason (`fraudulent`, `lost_card`, `merchant_blacklist`, `stolen_card`: "present
//! it in the same manner as `generic_decline`"), and for the codes that may mean the same
//! (`pickup_card`, `restricted_card`: "it's possible it was reported lost or stolen"; a
//! provider's risk or compliance refusal), the customer is told only that the card was
//! declined ([`Decline::hides_reason`]).

use std::fmt;

/// Where the decline-code table comes from.
pub const DECLINE_CODES_SOURCE: &str = "https://docs.stripe.com/declines/codes";

/// When the decline-code table was read.
pub const DECLINE_CODES_AS_OF: &str = "2026-12-03";

/// Which of Stripe's two tables lists a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum DeclineTable {
    /// "Card decline codes".
    Card,
    /// "LPM decline codes": local payment methods only.
    LocalPaymentMethod,
}

/// What the customer is told when Stripe advises telling them only that the card was
/// declined; also `generic_decline`'s text, as Stripe asks ("present it in the same manner as
/// `generic_decline`").
const DECLINED: &str = "Your card was declined.";
const CONTACT_ISSUER: &str = "Your card was declined. Please contact your card issuer for more information, or use another card.";
const CHECK_CVC: &str = "Your card's security code is incorrect. Please check it and try again.";
const CHECK_NUMBER: &str = "Your card number is incorrect. Please check it and try again.";
const CHECK_EXPIRY: &str =
    "Your card's expiration date is incorrect. Please check it and try again.";
const CHECK_PIN: &str = "The PIN is incorrect. Please try again.";

const UNKNOWN_REASON: &str = "the card issuer declined without a reason: the customer contacts their card issuer or pays with another card; don't retry this card until they have";
const HIDDEN_LOST_OR_STOLEN: &str = "the card can't be used for this payment (it may be reported lost or stolen): don't retry it, and tell the customer only that the card was declined";

#[derive(Debug, PartialEq, Eq, Hash)]
struct Row {
    code: &'static str,
    table: DeclineTable,
    deprecated: bool,
    hides_reason: bool,
    remedy: &'static str,
    customer: &'static str,
}

const fn card(code: &'static str, remedy: &'static str, customer: &'static str) -> Row {
    Row {
        code,
        table: DeclineTable::Card,
        deprecated: false,
        hides_reason: false,
        remedy,
        customer,
    }
}

const fn hidden(code: &'static str, remedy: &'static str) -> Row {
    Row {
        hides_reason: true,
        customer: DECLINED,
        ..card(code, remedy, DECLINED)
    }
}

const fn deprecated(row: Row) -> Row {
    Row {
        deprecated: true,
        ..row
    }
}

const fn lpm(code: &'static str, remedy: &'static str, customer: &'static str) -> Row {
    Row {
        table: DeclineTable::LocalPaymentMethod,
        ..card(code, remedy, customer)
    }
}

/// The table, in Stripe's order: the card table, then the codes only the local payment
/// methods' table has.
const ROWS: &[Row] = &[
    card(
        "authentication_required",
        "ask the customer to complete authentication (3D Secure) with the same card: bring them back on session to confirm the payment; if the card issuer declines again after a successful authentication, the customer contacts their card issuer",
        "Your card issuer requires you to confirm this payment. Please complete the verification (3D Secure) with the same card.",
    ),
    card(
        "authentication_not_handled",
        "run the 3D Secure (strong customer authentication) flow before confirming the payment; for an off-session payment, bring the customer on session to authenticate, then charge again",
        "Your card issuer requires you to confirm this payment. Please complete the verification (3D Secure) with the same card.",
    ),
    card(
        "approve_with_id",
        "retry the payment once; if it is declined again, the customer contacts their card issuer",
        "Your card was declined. Please try again; if it is declined again, contact your card issuer.",
    ),
    card("call_issuer", UNKNOWN_REASON, CONTACT_ISSUER),
    card(
        "card_not_supported",
        "the card can't be used for this type of purchase: the customer asks their card issuer to allow it, or pays with another card",
        "Your card does not support this type of purchase. Please use another card or contact your card issuer.",
    ),
    card(
        "card_velocity_exceeded",
        "the card's balance, credit limit or transaction amount limit is reached: the customer contacts their card issuer or pays with another card",
        "Your card has reached a limit set by your card issuer. Please contact your card issuer or use another card.",
    ),
    card(
        "currency_not_supported",
        "the card can't pay in this currency: the customer checks with their card issuer or pays with another card",
        "Your card does not support this currency. Please use another card or contact your card issuer.",
    ),
    card("do_not_honor", UNKNOWN_REASON, CONTACT_ISSUER),
    deprecated(card("do_not_try_again", UNKNOWN_REASON, CONTACT_ISSUER)),
    card(
        "duplicate_transaction",
        "a payment with the same amount and card was made moments ago: look for it in the Stripe Dashboard before charging again",
        "This payment looks like a repeat of one made moments ago. Please check whether it went through before trying again.",
    ),
    card(
        "expired_card",
        "the card has expired: ask the customer for another card",
        "Your card has expired. Please use another card.",
    ),
    hidden(
        "fraudulent",
        "Stripe suspects fraud: don't retry, review the payment in Stripe Radar, and tell the customer only that the card was declined",
    ),
    card(
        "generic_decline",
        "the card issuer, Stripe Radar or Adaptive Acceptance declined without a reason: the customer contacts their card issuer or pays with another card",
        DECLINED,
    ),
    card(
        "incorrect_address",
        "ask the customer to enter their billing address again, as their card issuer has it",
        "The address does not match the one your card issuer has. Please check it and try again.",
    ),
    card(
        "incorrect_cvc",
        "ask the customer to enter the card's security code (CVC) again",
        CHECK_CVC,
    ),
    card(
        "incorrect_number",
        "ask the customer to enter the card number again",
        CHECK_NUMBER,
    ),
    card(
        "incorrect_pin",
        "ask the customer to enter their PIN again on the card reader",
        CHECK_PIN,
    ),
    card(
        "incorrect_zip",
        "ask the customer to enter their billing postal code again",
        "Your postal code is incorrect. Please check it and try again.",
    ),
    card(
        "insufficient_funds",
        "the card has insufficient funds: ask the customer for another card or payment method",
        "Your card has insufficient funds. Please use another card or payment method.",
    ),
    card(
        "invalid_account",
        "the card, or the account it draws on, is invalid: the customer checks with their card issuer that the card works, or pays with another card",
        "Your card was declined. Please contact your card issuer to check that the card works, or use another card.",
    ),
    card(
        "invalid_amount",
        "check the amount; if it is right, the customer asks their card issuer whether they can pay that amount",
        "Your card was declined for this amount. Please contact your card issuer or use another card.",
    ),
    card(
        "invalid_cvc",
        "ask the customer to enter the card's security code (CVC) again",
        CHECK_CVC,
    ),
    card(
        "invalid_expiry_month",
        "ask the customer to enter the card's expiration date again (the month is invalid)",
        CHECK_EXPIRY,
    ),
    card(
        "invalid_expiry_year",
        "ask the customer to enter the card's expiration date again (the year is invalid)",
        CHECK_EXPIRY,
    ),
    card(
        "invalid_number",
        "ask the customer to enter the card number again",
        CHECK_NUMBER,
    ),
    card(
        "invalid_pin",
        "ask the customer to enter their PIN again on the card reader",
        CHECK_PIN,
    ),
    card(
        "issuer_not_available",
        "the card issuer could not be reached: retry the payment; if it fails again, the customer contacts their card issuer",
        "Your card issuer could not be reached. Please try again in a moment.",
    ),
    hidden(
        "lost_card",
        "the card is reported lost: don't retry it, and tell the customer only that the card was declined",
    ),
    hidden(
        "merchant_blacklist",
        "the payment matches a value on the account's block list (Stripe Radar): review the list if this is a mistake, and tell the customer only that the card was declined",
    ),
    card(
        "new_account_information_available",
        "the card or the account it draws on has changed: ask the customer for their new card details, or the customer contacts their card issuer",
        "Your card was declined. Please update your card details or contact your card issuer.",
    ),
    card("no_action_taken", UNKNOWN_REASON, CONTACT_ISSUER),
    card(
        "not_permitted",
        "the card issuer does not permit this payment: the customer contacts their card issuer or pays with another card",
        CONTACT_ISSUER,
    ),
    card(
        "offline_pin_required",
        "ask the customer to insert the card in the reader and enter their PIN",
        "Please insert your card and enter your PIN.",
    ),
    card(
        "online_or_offline_pin_required",
        "prompt for the PIN on the reader without a new transaction if it supports online PIN; otherwise ask the customer to insert the card and enter their PIN",
        "Please enter your PIN.",
    ),
    hidden("pickup_card", HIDDEN_LOST_OR_STOLEN),
    card(
        "pin_try_exceeded",
        "too many wrong PINs were entered: ask the customer for another card or payment method",
        "Too many incorrect PIN attempts. Please use another card or payment method.",
    ),
    card(
        "processing_error",
        "an error occurred while processing the card: retry the payment, and if it fails again, retry later",
        "An error occurred while processing your card. Please try again in a moment.",
    ),
    card(
        "reenter_transaction",
        "the card issuer could not process the payment: retry it; if it fails again, the customer contacts their card issuer",
        "Your payment could not be processed. Please try again; if it fails again, contact your card issuer.",
    ),
    hidden("restricted_card", HIDDEN_LOST_OR_STOLEN),
    card(
        "revocation_of_all_authorizations",
        UNKNOWN_REASON,
        CONTACT_ISSUER,
    ),
    card(
        "revocation_of_authorization",
        UNKNOWN_REASON,
        CONTACT_ISSUER,
    ),
    card("security_violation", UNKNOWN_REASON, CONTACT_ISSUER),
    card("service_not_allowed", UNKNOWN_REASON, CONTACT_ISSUER),
    hidden(
        "stolen_card",
        "the card is reported stolen: don't retry it, and tell the customer only that the card was declined",
    ),
    card("stop_payment_order", UNKNOWN_REASON, CONTACT_ISSUER),
    card(
        "testmode_decline",
        "a Stripe test card number was used for a real payment: the customer pays with a genuine card",
        "This card can't be used for payments. Please use another card.",
    ),
    card("transaction_not_allowed", UNKNOWN_REASON, CONTACT_ISSUER),
    deprecated(card(
        "try_again_later",
        "ask the customer to try again; if the payment is declined again, the customer contacts their card issuer",
        "Your card was declined. Please try again later or contact your card issuer.",
    )),
    card(
        "withdrawal_count_limit_exceeded",
        "the card's balance or credit limit is reached: ask the customer for another card or payment method",
        "Your card has reached its limit. Please use another card or payment method.",
    ),
    lpm(
        "partner_generic_decline",
        "the payment provider declined the payment: ask the customer for another payment method",
        "Your payment was declined by the payment provider. Please use another payment method.",
    ),
    lpm(
        "invalid_customer_account",
        "the customer's account with the payment provider can't be charged: the customer resolves it with the provider, then the payment can be retried",
        "Your account with the payment provider can't be charged. Please resolve it with the provider or use another payment method.",
    ),
    lpm(
        "payment_limit_exceeded",
        "the order exceeds a limit on the customer's account with the payment provider: the customer resolves it with the provider or pays another way",
        "This order exceeds a limit on your account with the payment provider. Please use another payment method.",
    ),
    lpm(
        "invalid_billing_agreement",
        "the customer's billing agreement with the payment provider is invalid and retries won't succeed: ask the customer for a new payment method",
        "Your payment method can no longer be charged. Please add another payment method.",
    ),
    lpm(
        "invalid_business_account",
        "the business's own account with the payment provider is deactivated: reactivate it before retrying; the customer can't fix this",
        "The payment could not be processed. Please use another payment method.",
    ),
    Row {
        hides_reason: true,
        ..lpm(
            "partner_high_risk_customer",
            "the payment provider labeled the customer high risk: ask for another payment method, and tell the customer only that the payment was declined",
            "Your payment was declined. Please use another payment method.",
        )
    },
    Row {
        hides_reason: true,
        ..lpm(
            "compliance_violation",
            "the payment breaks the provider's terms, program rules or the law, and retries won't succeed: don't retry, and tell the customer only that the payment was declined",
            "Your payment was declined. Please use another payment method.",
        )
    },
    lpm(
        "payment_disputed",
        "the payment is disputed: retry only if the dispute is resolved in the business's favour",
        "This payment can't be completed right now. Please use another payment method.",
    ),
    lpm(
        "invalid_authorization",
        "the payment was not authorized or its authorization was revoked, and retries won't succeed: ask the customer to authorize a new payment",
        "Your payment was not authorized. Please try again or use another payment method.",
    ),
    lpm(
        "invalid_payment_information",
        "the payment details are invalid and retries won't succeed: ask the customer to enter them again",
        "Your payment details are invalid. Please check them and try again.",
    ),
    lpm(
        "partner_payment_not_found",
        "the payment provider can't find this payment: check its status in the Stripe Dashboard before retrying",
        "Your payment could not be found. Please try again.",
    ),
    lpm(
        "expired_payment_information",
        "the payment method's details have expired: ask the customer to update them, then retry",
        "Your payment details have expired. Please update them and try again.",
    ),
];

/// One of Stripe's decline codes, with what the operator does ([`remedy`](Self::remedy))
/// and what the customer is told ([`customer_message`](Self::customer_message)).
///
/// ```
/// use stripe_gateway_rules::stripe_error::Decline;
///
/// let stolen = Decline::from_code("stolen_card").unwrap();
/// assert!(stolen.hides_reason());
/// assert_eq!(stolen.customer_message(), "Your card was declined.");
/// let funds = Decline::from_code("insufficient_funds").unwrap();
/// assert_eq!(funds.customer_message(), "Your card has insufficient funds. Please use another card or payment method.");
/// assert_eq!(Decline::from_code("no_such_decline"), None);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Decline(&'static Row);

impl Decline {
    /// The decline code spelled `code` (exact: no trimming, no other case), if Stripe's table
    /// has it.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        ROWS.iter().find(|r| r.code == code).map(Decline)
    }

    /// Every decline code of Stripe's tables, in their order (61 codes).
    pub fn all() -> impl Iterator<Item = Decline> {
        ROWS.iter().map(Decline)
    }

    /// The code, as Stripe sends it.
    #[must_use]
    pub fn code(self) -> &'static str {
        self.0.code
    }

    /// The table that lists it.
    #[must_use]
    pub fn table(self) -> DeclineTable {
        self.0.table
    }

    /// Whether Stripe marks it deprecated (`do_not_try_again`, `try_again_later`).
    #[must_use]
    pub fn is_deprecated(self) -> bool {
        self.0.deprecated
    }

    /// Whether the customer is told only that the card (or payment) was declined, never why:
    /// the reason may reveal that the card was flagged as lost, stolen or fraudulent.
    #[must_use]
    pub fn hides_reason(self) -> bool {
        self.0.hides_reason
    }

    /// What the operator does, for this code.
    #[must_use]
    pub fn remedy(self) -> &'static str {
        self.0.remedy
    }

    /// A text fit to show the customer, for this code (for the codes that
    /// [hide the reason](Self::hides_reason), only that the card was declined).
    #[must_use]
    pub fn customer_message(self) -> &'static str {
        self.0.customer
    }
}

impl fmt::Debug for Decline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Decline").field(&self.0.code).finish()
    }
}

impl fmt::Display for Decline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.0.code)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Decline {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0.code)
    }
}
