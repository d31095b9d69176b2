//! Stripe's error object, parsed from the response body, and its diagnosis.

use std::fmt;

use super::amounts::{MessageAmount, amounts_in};
use super::category::{category_of_type, code_advice, lookup};
use super::decline::Decline;
use super::{Diagnosis, MAX_MESSAGE_LEN, diagnose, normalise};
use crate::codes::{DiagnosisCode, ErrorCategoryCode};
use crate::text::{GuardedOption, InputExcerpt, secret_prefix_len, truncated};

/// Longest unknown code kept in a diagnosis, in characters (Stripe's longest has 65).
const MAX_CODE_CHARS: usize = 100;

/// Longest value kept of the short fields (`type`, `code`, `decline_code`, `param`,
/// `payment_intent.status`); Stripe's are far shorter.
const MAX_FIELD_LEN: usize = 256;

/// Keeps at most `max` bytes of `s`, cut at a character boundary.
fn capped(s: &str, max: usize) -> String {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].to_owned()
}

/// Stripe's error object: the `error` of an error response's body (`type`, `code`,
/// `decline_code`, `param`, `message`, and the `payment_intent`'s `status`), from
/// <https://docs.stripe.com/api/errors>. Other fields (`doc_url`, `request_log_url`,
/// `charge`…) are not kept, nor anything of the PaymentIntent but its status (so never its
/// client secret).
///
/// Built from the JSON body with [`from_json`](Self::from_json) (feature `serde`), or field
/// by field. `Debug` shows a field that looks like a secret only by its prefix.
///
/// ```
/// use stripe_gateway_rules::codes::ErrorCategoryCode;
/// use stripe_gateway_rules::stripe_error::StripeError;
///
/// let error = StripeError::new()
///     .with_type("invalid_request_error")
///     .with_code("capture_charge_authorization_expired");
/// let d = error.diagnose();
/// assert_eq!(d.category(), ErrorCategoryCode::Operation);
/// assert_eq!(d.code(), Some("capture_charge_authorization_expired"));
/// assert!(d.remedy().starts_with("capture within the authorization window"));
/// ```
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct StripeError {
    error_type: Option<String>,
    code: Option<String>,
    decline_code: Option<String>,
    param: Option<String>,
    message: Option<String>,
    payment_intent_status: Option<String>,
}

impl fmt::Debug for StripeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StripeError")
            .field("type", &GuardedOption(&self.error_type))
            .field("code", &GuardedOption(&self.code))
            .field("decline_code", &GuardedOption(&self.decline_code))
            .field("param", &GuardedOption(&self.param))
            .field("message", &GuardedOption(&self.message))
            .field(
                "payment_intent_status",
                &GuardedOption(&self.payment_intent_status),
            )
            .finish()
    }
}

impl StripeError {
    /// An error with no field set.
    #[must_use]
    pub fn new() -> Self {
        StripeError::default()
    }

    /// With the `type` (`api_error`, `card_error`, `idempotency_error`,
    /// `invalid_request_error`); at most 256 bytes are kept.
    #[must_use]
    pub fn with_type(mut self, error_type: &str) -> Self {
        self.error_type = Some(capped(error_type, MAX_FIELD_LEN));
        self
    }

    /// With the `code`; at most 256 bytes are kept.
    #[must_use]
    pub fn with_code(mut self, code: &str) -> Self {
        self.code = Some(capped(code, MAX_FIELD_LEN));
        self
    }

    /// With the `decline_code` of a card error; at most 256 bytes are kept.
    #[must_use]
    pub fn with_decline_code(mut self, decline_code: &str) -> Self {
        self.decline_code = Some(capped(decline_code, MAX_FIELD_LEN));
        self
    }

    /// With the `param` the error concerns; at most 256 bytes are kept.
    #[must_use]
    pub fn with_param(mut self, param: &str) -> Self {
        self.param = Some(capped(param, MAX_FIELD_LEN));
        self
    }

    /// With the `message`; at most 4096 bytes are kept.
    #[must_use]
    pub fn with_message(mut self, message: &str) -> Self {
        self.message = Some(capped(message, MAX_MESSAGE_LEN));
        self
    }

    /// With the status of the PaymentIntent in the error (`payment_intent.status`); at most
    /// 256 bytes are kept.
    #[must_use]
    pub fn with_payment_intent_status(mut self, status: &str) -> Self {
        self.payment_intent_status = Some(capped(status, MAX_FIELD_LEN));
        self
    }

    /// The `type`, if any.
    #[must_use]
    pub fn error_type(&self) -> Option<&str> {
        self.error_type.as_deref()
    }

    /// The `code`, if any.
    #[must_use]
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The `decline_code`, if any.
    #[must_use]
    pub fn decline_code(&self) -> Option<&str> {
        self.decline_code.as_deref()
    }

    /// The `param`, if any.
    #[must_use]
    pub fn param(&self) -> Option<&str> {
        self.param.as_deref()
    }

    /// The `message`, if any.
    #[must_use]
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The `payment_intent.status`, if any.
    #[must_use]
    pub fn payment_intent_status(&self) -> Option<&str> {
        self.payment_intent_status.as_deref()
    }

    /// What the error means and what to do, decided from the whole body: its
    /// [`ErrorCategoryCode`] (from the code when it is one of Stripe's published codes, unless
    /// the message names a rule of the crate, as for `resource_missing` with "a similar
    /// object exists in live mode, but a test mode key was used"; else from a recognised
    /// message, such as "Invalid API Key provided: …"; else from the `type`), the crate's
    /// rule that explains it when there is one (as in [`diagnose`]:
    /// `capture_charge_authorization_expired` is `charge_expired_for_capture`), the
    /// [`Decline`] of a card error's `decline_code`, the remedy and the customer's text
    /// written for the most precise of these, and the amounts the message names.
    ///
    /// ```
    /// use stripe_gateway_rules::codes::ErrorCategoryCode;
    /// use stripe_gateway_rules::stripe_error::StripeError;
    ///
    /// let d = StripeError::new()
    ///     .with_type("card_error")
    ///     .with_code("card_declined")
    ///     .with_decline_code("stolen_card")
    ///     .diagnose();
    /// assert_eq!(d.category(), ErrorCategoryCode::CustomerCard);
    /// assert!(d.remedy().contains("don't retry"));
    /// assert_eq!(d.customer_message(), "Your card was declined.");
    /// ```
    #[must_use]
    pub fn diagnose(&self) -> ErrorDiagnosis {
        let known = self.code.as_deref().and_then(lookup);
        let by_code = known.and_then(|(code, _)| diagnose(Some(code), None));
        let by_text = if by_code.is_none() {
            diagnose(None, self.message.as_deref())
        } else {
            None
        };
        let rule = by_code.or(by_text);
        let (category, classified_by) = match (known, by_text) {
            (_, Some(text)) => (text.code().category(), ClassifiedBy::Message),
            (Some((_, category)), None) => (category, ClassifiedBy::Code),
            (None, None) => match self.error_type.as_deref().and_then(category_of_type) {
                Some(category) => (category, ClassifiedBy::Type),
                None if self.decline_code.is_some() => {
                    (ErrorCategoryCode::CustomerCard, ClassifiedBy::Type)
                }
                None => (ErrorCategoryCode::Unknown, ClassifiedBy::Nothing),
            },
        };
        let amounts = self
            .message
            .as_deref()
            .map(|m| {
                let safe = &m[..secret_prefix_len(m).unwrap_or(m.len())];
                amounts_in(&normalise(safe))
            })
            .unwrap_or_default();
        let code = self.code.as_deref().map(|code| match known {
            Some((known, _)) => known.to_owned(),
            None => truncated(code, MAX_CODE_CHARS),
        });
        let api_key = match rule.map(|r| r.code()) {
            Some(DiagnosisCode::InvalidApiKey) => self.message.as_deref().and_then(key_named),
            _ => None,
        };
        ErrorDiagnosis {
            category,
            classified_by,
            code,
            code_known: known.is_some(),
            rule,
            decline: self.decline_code.as_deref().and_then(Decline::from_code),
            code_decline: known.and_then(|(code, _)| Decline::from_code(code)),
            advice: known.and_then(|(code, _)| code_advice(code)),
            amounts,
            param: self.param.as_deref().map(InputExcerpt::new),
            decline_code: self.decline_code.as_deref().map(InputExcerpt::new),
            payment_intent_status: self.payment_intent_status.as_deref().map(InputExcerpt::new),
            api_key,
        }
    }
}

/// The key an "Invalid API Key provided: sk_live_****0042" message names, as an excerpt:
/// only its kind and mode (`sk_live_`) are kept, never its characters (Stripe masks them;
/// the excerpt cuts them whatever they are).
fn key_named(message: &str) -> Option<InputExcerpt> {
    let lower = message.to_ascii_lowercase();
    let at = lower.find("provided:")? + "provided:".len();
    let key = message[at..].split_whitespace().next()?;
    let key = key.trim_end_matches(['.', ',', ';']);
    (!key.is_empty()).then(|| InputExcerpt::new(key))
}

impl DiagnosisCode {
    /// The category of errors of this kind.
    #[must_use]
    pub const fn category(self) -> ErrorCategoryCode {
        match self {
            DiagnosisCode::RawCardDataRefused
            | DiagnosisCode::AmountTooSmall
            | DiagnosisCode::LivemodeMismatch
            | DiagnosisCode::SecretKeyRequired
            | DiagnosisCode::ApiKeyExpired
            | DiagnosisCode::PlatformApiKeyExpired
            | DiagnosisCode::InvalidApiKey
            | DiagnosisCode::ApiKeyMissing => ErrorCategoryCode::Configuration,
            DiagnosisCode::AmountTooLarge
            | DiagnosisCode::ChargeExpiredForCapture
            | DiagnosisCode::UncapturedChargeRefund => ErrorCategoryCode::Operation,
        }
    }
}

/// What decided an [`ErrorDiagnosis`]'s category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ClassifiedBy {
    /// The code, one of Stripe's published list (stable).
    Code,
    /// The message, recognised as one of the crate's rules (Stripe may change it).
    Message,
    /// The error's `type` (or a `decline_code`), the code being absent or unknown.
    Type,
    /// Nothing known: the category is [`ErrorCategoryCode::Unknown`].
    Nothing,
}

/// What a Stripe error means: who acts ([`category`](Self::category)), the crate's rule that
/// explains it, if any, the meaning and the remedy, and the amounts named in the message.
///
/// It holds nothing of the error's text but Stripe's code (as sent, cut before anything that
/// looks like a secret) and [`InputExcerpt`]s of the `param`, `decline_code`, PaymentIntent
/// status and the kind of an invalid key, so its `Debug`, `Display` and serialized forms
/// never carry a secret pasted into the error.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ErrorDiagnosis {
    category: ErrorCategoryCode,
    classified_by: ClassifiedBy,
    code: Option<String>,
    code_known: bool,
    rule: Option<Diagnosis>,
    decline: Option<Decline>,
    code_decline: Option<Decline>,
    advice: Option<(&'static str, &'static str)>,
    api_key: Option<InputExcerpt>,
    amounts: Vec<MessageAmount>,
    param: Option<InputExcerpt>,
    decline_code: Option<InputExcerpt>,
    payment_intent_status: Option<InputExcerpt>,
}

impl ErrorDiagnosis {
    /// Who has to act.
    #[must_use]
    pub fn category(&self) -> ErrorCategoryCode {
        self.category
    }

    /// What decided the category.
    #[must_use]
    pub fn classified_by(&self) -> ClassifiedBy {
        self.classified_by
    }

    /// Stripe's code as sent, whether or not it is one of Stripe's published codes
    /// ([`is_known_code`](Self::is_known_code)); an unknown code is kept up to 100
    /// characters, cut before anything that looks like a secret.
    #[must_use]
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// Whether the code is one of Stripe's published codes ([`known_error_codes`](super::known_error_codes)).
    #[must_use]
    pub fn is_known_code(&self) -> bool {
        self.code_known
    }

    /// The card error's decline code, when Stripe's decline-code table has it.
    #[must_use]
    pub fn decline(&self) -> Option<Decline> {
        self.decline
    }

    /// For an invalid API key, the kind and mode of the key the message names (`sk_live_`),
    /// never its characters.
    #[must_use]
    pub fn api_key(&self) -> Option<&InputExcerpt> {
        self.api_key.as_ref()
    }

    /// A text fit to show the customer (the payer): the decline code's, else the error
    /// code's own, else the category's. It never says that a card was flagged as lost,
    /// stolen or fraudulent ([`Decline::hides_reason`]).
    #[must_use]
    pub fn customer_message(&self) -> &'static str {
        if let Some(decline) = self.decline {
            return decline.customer_message();
        }
        if let Some((_, customer)) = self.advice {
            return customer;
        }
        if let Some(decline) = self.code_decline {
            return decline.customer_message();
        }
        self.category.customer_message()
    }

    /// The crate's rule that explains the error, when there is one.
    #[must_use]
    pub fn rule(&self) -> Option<&Diagnosis> {
        self.rule.as_ref()
    }

    /// What the error means: the rule's meaning, else the category's.
    #[must_use]
    pub fn meaning(&self) -> &'static str {
        self.rule
            .map_or(self.category.meaning(), |rule| rule.code().meaning())
    }

    /// What to do, written for the most precise of: the crate's rule, the decline code, the
    /// error code (its own remedy, or the decline code of the same name, as for
    /// `authentication_required` and `expired_card`), the category.
    #[must_use]
    pub fn remedy(&self) -> &'static str {
        if let Some(rule) = self.rule {
            return rule.code().remedy();
        }
        if let Some(decline) = self.decline {
            return decline.remedy();
        }
        if let Some((remedy, _)) = self.advice {
            return remedy;
        }
        if let Some(decline) = self.code_decline {
            return decline.remedy();
        }
        self.category.remedy()
    }

    /// The configuration field concerned, when the rule names one.
    #[must_use]
    pub fn field(&self) -> Option<&'static str> {
        self.rule.and_then(|rule| rule.code().field())
    }

    /// The amounts and currencies the message names (Stripe's limits), in message order.
    #[must_use]
    pub fn amounts(&self) -> &[MessageAmount] {
        &self.amounts
    }

    /// The beginning of the `param` the error concerns.
    #[must_use]
    pub fn param(&self) -> Option<&InputExcerpt> {
        self.param.as_ref()
    }

    /// The beginning of the `decline_code` of a card error.
    #[must_use]
    pub fn decline_code(&self) -> Option<&InputExcerpt> {
        self.decline_code.as_ref()
    }

    /// The beginning of the status of the PaymentIntent in the error.
    #[must_use]
    pub fn payment_intent_status(&self) -> Option<&InputExcerpt> {
        self.payment_intent_status.as_ref()
    }
}

impl fmt::Display for ErrorDiagnosis {
    /// `<category>: <meaning>; <remedy>`, then Stripe's limits from the message, if any.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}; {}",
            self.category,
            self.meaning(),
            self.remedy()
        )?;
        for (i, amount) in self.amounts.iter().enumerate() {
            let lead = if i == 0 { " (Stripe's limit: " } else { ", " };
            write!(f, "{lead}{amount}")?;
        }
        if !self.amounts.is_empty() {
            f.write_str(")")?;
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ErrorDiagnosis {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let excerpt = |e: &Option<InputExcerpt>| e.as_ref().map(|e| e.as_str().to_owned());
        let mut s = serializer.serialize_struct("ErrorDiagnosis", 16)?;
        s.serialize_field("category", &self.category)?;
        s.serialize_field("classified_by", &self.classified_by)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("code_known", &self.code_known)?;
        s.serialize_field("rule", &self.rule.map(|r| r.code()))?;
        s.serialize_field("field", &self.field())?;
        s.serialize_field("meaning", self.meaning())?;
        s.serialize_field("remedy", self.remedy())?;
        s.serialize_field("amounts", &self.amounts)?;
        s.serialize_field("param", &excerpt(&self.param))?;
        // A decline code of Stripe's table whole; another as an excerpt.
        let decline_code = match self.decline {
            Some(decline) => Some(decline.code().to_owned()),
            None => excerpt(&self.decline_code),
        };
        s.serialize_field("decline_code", &decline_code)?;
        s.serialize_field("decline_known", &self.decline.is_some())?;
        s.serialize_field(
            "decline_reason_hidden",
            &self.decline.is_some_and(Decline::hides_reason),
        )?;
        s.serialize_field("customer_message", self.customer_message())?;
        s.serialize_field("api_key", &excerpt(&self.api_key))?;
        s.serialize_field(
            "payment_intent_status",
            &excerpt(&self.payment_intent_status),
        )?;
        s.end()
    }
}
