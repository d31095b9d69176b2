//! What Stripe's errors mean for the configuration, and the remedy ([rules.md §1](crate::rules#rules-1), [§3](crate::rules#rules-3), [§6](crate::rules#rules-6), [§7](crate::rules#rules-7);
//! [stripe-facts §1.1](crate::rules#facts-1-1), [§3.1](crate::rules#facts-3-1), [§4](crate::rules#facts-4), [§5](crate::rules#facts-5)).
//!
//! [`StripeError`] is Stripe's error object, read from the response body with
//! [`StripeError::from_json`] (feature `serde`); [`StripeError::diagnose`] says who has to act
//! ([`ErrorCategoryCode`](crate::codes::ErrorCategoryCode), for every code of Stripe's
//! published list: [`classify_code`]), what the error means and what to do, with the crate's
//! rule when one explains it, and the amounts and currencies Stripe's message names
//! ([`MessageAmount`]). [`diagnose`] takes just the `code` and the `message` and answers only
//! with a rule.
//!
//! ```
//! use stripe_gateway_rules::codes::ErrorCategoryCode;
//! use stripe_gateway_rules::stripe_error::StripeError;
//!
//! let body = r#"{"error": {"type": "invalid_request_error", "code": "amount_too_large",
//!   "message": "Amount must be no more than 999,999.99", "param": "amount"}}"#;
//! let d = StripeError::from_json(body)?.diagnose();
//! assert_eq!(d.category(), ErrorCategoryCode::Operation);
//! assert_eq!(d.amounts()[0].to_string(), "at most 999999.99");
//! # Ok::<(), stripe_gateway_rules::stripe_error::ErrorBodyError>(())
//! ```
//!
//! The rules:
//!
//! | kind | recognised by | field | source |
//! | --- | --- | --- | --- |
//! | [`RawCardDataRefused`](DiagnosisCode::RawCardDataRefused) | text only (Stripe sends no code): "Sending credit card numbers directly to (the) Stripe API is generally unsafe" in all its variants | `account.raw_card_data_access` | [stripe-facts §5](crate::rules#facts-5), S0 |
//! | [`AmountTooSmall`](DiagnosisCode::AmountTooSmall) | `amount_too_small`; "Amount must be at least …", "Amount must convert to at least …" | `currencies[].minimum_payment` | [stripe-facts §1.1](crate::rules#facts-1-1) |
//! | [`LivemodeMismatch`](DiagnosisCode::LivemodeMismatch) | `livemode_mismatch`; text (with `resource_missing`): "a similar object exists in live mode, but a test mode key was used to make this request", or test and live the other way round | `mode` | [stripe-facts §3.1](crate::rules#facts-3-1) |
//! | [`InvalidApiKey`](DiagnosisCode::InvalidApiKey) | text only (no code): "Invalid API Key provided: sk_live_****0042" | `auth.secret_key` | [stripe-facts §3.1](crate::rules#facts-3-1) |
//! | [`ApiKeyMissing`](DiagnosisCode::ApiKeyMissing) | text only: "You did not provide an API key", "No API key provided" | `auth.secret_key` | [stripe-facts §3.1](crate::rules#facts-3-1) |
//! | [`SecretKeyRequired`](DiagnosisCode::SecretKeyRequired) | `secret_key_required` | `auth.secret_key` | [stripe-facts §3.1](crate::rules#facts-3-1) |
//! | [`ApiKeyExpired`](DiagnosisCode::ApiKeyExpired) | `api_key_expired` | `auth.secret_key` | [stripe-facts §3.1](crate::rules#facts-3-1) |
//! | [`PlatformApiKeyExpired`](DiagnosisCode::PlatformApiKeyExpired) | `platform_api_key_expired` | `platform.secret_key` | [stripe-facts §3.1](crate::rules#facts-3-1) |
//! | [`AmountTooLarge`](DiagnosisCode::AmountTooLarge) | `amount_too_large`; "Amount must be no more than …" | — | [stripe-facts §1.2](crate::rules#facts-1-2) |
//! | [`ChargeExpiredForCapture`](DiagnosisCode::ChargeExpiredForCapture) | `charge_expired_for_capture`, `capture_charge_authorization_expired` (the same meaning, in the SDKs' error-code lists) | — | [stripe-facts §4](crate::rules#facts-4) |
//! | [`UncapturedChargeRefund`](DiagnosisCode::UncapturedChargeRefund) | text: "This uncaptured Charge was created by a PaymentIntent … You must cancel the PaymentIntent …" | — | [stripe-facts §4](crate::rules#facts-4) |
//!
//! The stable `code` is preferred. When there is none, or it is not one of the above, the
//! message is matched: case-insensitively, with runs of whitespace treated as one space.
//! **Stripe's message texts are not a stable API**: its backward-compatibility policy allows
//! changing "error messages, and other human-readable strings" at any time (stripe-facts
//! [§3.3](crate::rules#facts-3-3)), and the texts above come from third-party reports of Stripe's responses, not from
//! Stripe's documentation ([stripe-facts §5](crate::rules#facts-5), "Unverified" 7). A text that is not recognised
//! gives `None`, never a wrong diagnosis.
//!
//! ```
//! use stripe_gateway_rules::{stripe_error::diagnose, codes::DiagnosisCode};
//!
//! let d = diagnose(None, Some("Sending credit card numbers directly to the Stripe API is generally unsafe.")).unwrap();
//! assert_eq!(d.code(), DiagnosisCode::RawCardDataRefused);
//! assert_eq!(d.code().field(), Some("account.raw_card_data_access"));
//! assert_eq!(d.code(), "raw_card_data_refused");
//!
//! assert_eq!(diagnose(Some("livemode_mismatch"), None).unwrap().code().field(), Some("mode"));
//! assert!(diagnose(Some("card_declined"), Some("Your card was declined.")).is_none());
//! ```

use std::fmt;

use crate::codes::DiagnosisCode;

mod amounts;
mod body;
mod category;
mod classified;
mod decline;

pub use amounts::{AmountBound, MessageAmount};
pub use body::{ErrorBodyError, JsonKind, MAX_BODY_LEN};
pub use category::{ERROR_CODES_AS_OF, classify_code, known_error_codes};
pub use classified::{ClassifiedBy, ErrorDiagnosis, StripeError};
pub use decline::{DECLINE_CODES_AS_OF, DECLINE_CODES_SOURCE, Decline, DeclineTable};

/// Longest message looked at; longer ones are cut there (every known text is far shorter).
const MAX_MESSAGE_LEN: usize = 4096;

/// What each kind of Stripe error the crate recognises means for the configuration: its
/// meaning, the field it concerns and (below) its remedy.
impl DiagnosisCode {
    /// What the error means.
    #[must_use]
    pub const fn meaning(self) -> &'static str {
        match self {
            DiagnosisCode::RawCardDataRefused => {
                "the Stripe account is not enabled for raw card data APIs, and the platform sent a card number to Stripe itself"
            }
            DiagnosisCode::AmountTooSmall => {
                "the amount is below Stripe's minimum charge for the account's settlement currency (after conversion, for charges in another currency)"
            }
            DiagnosisCode::LivemodeMismatch => {
                "an object created in one mode (test or live) was used with a key of the other mode; objects never cross modes"
            }
            DiagnosisCode::SecretKeyRequired => {
                "a publishable key was used where a secret key is needed; publishable keys cannot authenticate API requests"
            }
            DiagnosisCode::ApiKeyExpired => "the API key has expired",
            DiagnosisCode::PlatformApiKeyExpired => {
                "the platform's API key, used to act for a connected account, has expired"
            }
            DiagnosisCode::ChargeExpiredForCapture => {
                "the authorization expired before the capture: its window (7 days online by default) passed, the funds were released and the payment was canceled"
            }
            DiagnosisCode::UncapturedChargeRefund => {
                "the charge of an uncaptured PaymentIntent can't be refunded; the authorization is reversed by canceling the PaymentIntent"
            }
            DiagnosisCode::AmountTooLarge => {
                "the amount is above Stripe's maximum: 8 digits in the currency's minor unit for most payment methods (999,999.99 USD), more only for some cards and currencies"
            }
            DiagnosisCode::InvalidApiKey => {
                "the API key sent is not a valid key of any Stripe account: it is mistyped, was rolled, or was deleted"
            }
            DiagnosisCode::ApiKeyMissing => "the request to Stripe carried no API key",
        }
    }

    /// The configuration field the error concerns, where one does: `account.raw_card_data_access`,
    /// `currencies[].minimum_payment`, `mode`, `auth.secret_key`, `platform.secret_key`.
    #[must_use]
    pub const fn field(self) -> Option<&'static str> {
        match self {
            DiagnosisCode::RawCardDataRefused => Some("account.raw_card_data_access"),
            DiagnosisCode::AmountTooSmall => Some("currencies[].minimum_payment"),
            DiagnosisCode::LivemodeMismatch => Some("mode"),
            DiagnosisCode::SecretKeyRequired
            | DiagnosisCode::ApiKeyExpired
            | DiagnosisCode::InvalidApiKey
            | DiagnosisCode::ApiKeyMissing => Some("auth.secret_key"),
            DiagnosisCode::PlatformApiKeyExpired => Some("platform.secret_key"),
            DiagnosisCode::ChargeExpiredForCapture
            | DiagnosisCode::UncapturedChargeRefund
            | DiagnosisCode::AmountTooLarge => None,
        }
    }

    /// The kind of one of Stripe's error codes that names it alone.
    fn of_stripe_code(code: &str) -> Option<Self> {
        Some(match code {
            "amount_too_small" => DiagnosisCode::AmountTooSmall,
            "livemode_mismatch" => DiagnosisCode::LivemodeMismatch,
            "secret_key_required" => DiagnosisCode::SecretKeyRequired,
            "api_key_expired" => DiagnosisCode::ApiKeyExpired,
            "platform_api_key_expired" => DiagnosisCode::PlatformApiKeyExpired,
            // Both codes are in Stripe's list (stripe-go `ErrorCode` constants) with the same
            // meaning: the authorization expired before the capture.
            "charge_expired_for_capture" | "capture_charge_authorization_expired" => {
                DiagnosisCode::ChargeExpiredForCapture
            }
            "amount_too_large" => DiagnosisCode::AmountTooLarge,
            _ => return None,
        })
    }
}

impl DiagnosisCode {
    /// What to do about a Stripe error of this meaning, written for it: the remedy of
    /// [`Diagnosis`], [`ErrorDiagnosis`] and the tool's `diagnose` (the catalogue's too).
    #[must_use]
    pub const fn remedy(self) -> &'static str {
        match self {
            DiagnosisCode::RawCardDataRefused => {
                "ask Stripe support to enable raw card data access (https://support.stripe.com/questions/enabling-access-to-raw-card-data-apis) with PCI DSS evidence, a current SAQ D or an AOC, and turn on the account's \"Handle card information directly\" setting; or collect cards with Stripe.js, Elements or Checkout so that card numbers never reach the platform"
            }
            DiagnosisCode::AmountTooSmall => {
                "raise the currency's minimum payment to at least Stripe's minimum for the settlement currency (0.50 USD, 0.30 GBP, 50 JPY…)"
            }
            DiagnosisCode::LivemodeMismatch => {
                "use keys of one mode throughout: test keys with test objects, live keys with live objects, and recreate objects in the mode of the keys"
            }
            DiagnosisCode::SecretKeyRequired => {
                "paste the secret key (sk_test_… or sk_live_…) or a restricted key from the Stripe Dashboard, Developers > API keys, where the publishable key is"
            }
            DiagnosisCode::ApiKeyExpired => {
                "create or roll a key in the Stripe Dashboard, Developers > API keys, and paste the new secret key"
            }
            DiagnosisCode::PlatformApiKeyExpired => {
                "the platform must replace its own expired secret key (Stripe Dashboard, Developers > API keys); the connected account's settings need no change"
            }
            DiagnosisCode::ChargeExpiredForCapture => {
                "capture within the authorization window next time, or authorize again; nothing remains to void"
            }
            DiagnosisCode::UncapturedChargeRefund => {
                "cancel the PaymentIntent instead of refunding its charge"
            }
            DiagnosisCode::AmountTooLarge => {
                "split the payment into smaller ones; check amounts with Money::to_minor_units before sending them, which refuses amounts over 8 digits"
            }
            DiagnosisCode::InvalidApiKey => {
                "copy the account's current secret key (or restricted key) from the Stripe Dashboard, Developers > API keys, and paste it in the gateway's settings in place of the wrong or revoked one; check that it is the key of the right account and mode"
            }
            DiagnosisCode::ApiKeyMissing => {
                "enter the account's secret key (or restricted key) from the Stripe Dashboard, Developers > API keys, in the gateway's settings"
            }
        }
    }
}

/// How a diagnosis was reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum MatchedBy {
    /// Stripe's error code, which is stable.
    Code,
    /// The message text, which Stripe may change at any time.
    Message,
}

/// What a Stripe error means for the configuration: its [`code`](Self::code) (which has the
/// meaning, the remedy and the field it concerns) and what recognised it. Serialized, the
/// code is its `kind`.
///
/// ```
/// use stripe_gateway_rules::stripe_error::diagnose;
/// use stripe_gateway_rules::stripe_error::MatchedBy;
///
/// let d = diagnose(Some("amount_too_small"), Some("Amount must be at least $0.50 usd")).unwrap();
/// assert_eq!(d.matched_by(), MatchedBy::Code);
/// assert_eq!(d.code().field(), Some("currencies[].minimum_payment"));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Diagnosis {
    kind: DiagnosisCode,
    matched_by: MatchedBy,
}

impl Diagnosis {
    /// What the error means: its stable code, with its meaning, remedy and field.
    #[must_use]
    pub fn code(&self) -> DiagnosisCode {
        self.kind
    }

    /// Whether the code or the message was recognised.
    #[must_use]
    pub fn matched_by(&self) -> MatchedBy {
        self.matched_by
    }
}

impl fmt::Display for Diagnosis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}; {}", self.kind.meaning(), self.kind.remedy())
    }
}

/// Phrases that identify a message, lowercase with single spaces, each with its kind. A
/// message is recognised when it contains every phrase of an entry.
///
/// Sources (third-party reports of Stripe responses, [stripe-facts §5](crate::rules#facts-5) and [§4](crate::rules#facts-4), [§1.1](crate::rules#facts-1-1)):
/// * raw card data, five wordings: live 2017–2023 (ingenesis/shopp #3819,
///   Junaid433/Stripe-Checker-Python #2); the same with "If you are qualified to handle card
///   data directly…" (flutter-stripe #1452); test mode 2024– (flutter-stripe #1638,
///   hyperswitch #4379); "To enable testing raw card data APIs"; S0's shortened
///   "Sending credit card numbers directly to Stripe API is generally unsafe" (no "the").
///   All share the two phrases below.
/// * uncaptured refund: a third-party recorded response (wording unverified).
/// * minimum amount: third-party fixtures ("Amount must be at least $0.50 usd", "Amount must
///   convert to at least 50 cents.").
/// * maximum amount: "Amount must be no more than 999,999.99" (issue 11's report of Stripe's
///   answer; wording unverified).
/// * test/live mismatch: "No such customer: 'cus_…'; a similar object exists in live mode,
///   but a test mode key was used to make this request." (and test/live the other way round),
///   with the code `resource_missing` (issue 19's report of Stripe's answer).
/// * invalid key: "Invalid API Key provided: sk_live_****0042", an invalid request error
///   without a code (issue 19's report; Stripe's keys page: "If a request doesn't include a
///   valid key, Stripe returns an invalid request error", https://docs.stripe.com/keys).
/// * missing key: "You did not provide an API key…" and the client libraries' "No API key
///   provided" (third-party reports; wording unverified).
const TEXT_PATTERNS: &[(&[&str], DiagnosisCode)] = &[
    (
        &[
            "sending credit card numbers directly to",
            "stripe api is generally unsafe",
        ],
        DiagnosisCode::RawCardDataRefused,
    ),
    (
        &[
            "this uncaptured charge was created by a paymentintent",
            "you must cancel the paymentintent",
        ],
        DiagnosisCode::UncapturedChargeRefund,
    ),
    (&["amount must be at least"], DiagnosisCode::AmountTooSmall),
    (
        &["amount must convert to at least"],
        DiagnosisCode::AmountTooSmall,
    ),
    (
        &["amount must be no more than"],
        DiagnosisCode::AmountTooLarge,
    ),
    (
        &[
            "a similar object exists in",
            "mode key was used to make this request",
        ],
        DiagnosisCode::LivemodeMismatch,
    ),
    (&["invalid api key provided"], DiagnosisCode::InvalidApiKey),
    (
        &["you did not provide an api key"],
        DiagnosisCode::ApiKeyMissing,
    ),
    (&["no api key provided"], DiagnosisCode::ApiKeyMissing),
];

/// Lowercases and collapses every run of whitespace into one space.
fn normalise(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(MAX_MESSAGE_LEN));
    let mut space = false;
    for c in message.chars().take(MAX_MESSAGE_LEN) {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// Says what a Stripe error means for the configuration: from its `code` when Stripe sent a
/// known one, else from its `message` (case-insensitive, whitespace-tolerant; message texts
/// are not a stable API). `None` when neither is recognised.
///
/// ```
/// use stripe_gateway_rules::{stripe_error::diagnose, codes::DiagnosisCode};
///
/// let refund = diagnose(
///     Some("charge_already_captured_or_whatever"),
///     Some("This uncaptured Charge was created by a PaymentIntent (pi_123). You must cancel the PaymentIntent to reverse the authorization instead of refunding the Charge directly."),
/// );
/// assert_eq!(refund.map(|d| d.code()), Some(DiagnosisCode::UncapturedChargeRefund));
/// assert_eq!(diagnose(None, None), None);
/// ```
#[must_use]
pub fn diagnose(code: Option<&str>, message: Option<&str>) -> Option<Diagnosis> {
    if let Some(kind) = code.and_then(DiagnosisCode::of_stripe_code) {
        return Some(Diagnosis {
            kind,
            matched_by: MatchedBy::Code,
        });
    }
    let text = normalise(message?);
    TEXT_PATTERNS
        .iter()
        .find(|(phrases, _)| phrases.iter().all(|p| text.contains(p)))
        .map(|(_, kind)| Diagnosis {
            kind: *kind,
            matched_by: MatchedBy::Message,
        })
}
