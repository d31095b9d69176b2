//! Stripe's error object, parsed from the response body, and its diagnosis.

use std::fmt;

use super::amounts::{MessageAmount, amounts_in};
use super::category::{ErrorCategory, category_of_type, lookup};
use super::{Diagnosis, DiagnosisKind, MAX_MESSAGE_LEN, diagnose, normalise};
use crate::text::{GuardedOption, InputExcerpt, secret_prefix_len};

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
/// use stripe_gateway_rules::stripe_error::{ErrorCategory, StripeError};
///
/// let error = StripeError::new()
///     .with_type("invalid_request_error")
///     .with_code("capture_charge_authorization_expired");
/// let d = error.diagnose();
/// assert_eq!(d.category(), ErrorCategory::Operation);
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

    /// What the error means and what to do: its [`ErrorCategory`] (from the code when it is
    /// one of Stripe's published codes, else from a recognised message, else from the
    /// `type`), the crate's rule that explains it when there is one (as in [`diagnose`]:
    /// `capture_charge_authorization_expired` is `charge_expired_for_capture`), and the
    /// amounts the message names.
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
            (_, Some(text)) => (text.kind().category(), ClassifiedBy::Message),
            (Some((_, category)), None) => (category, ClassifiedBy::Code),
            (None, None) => match self.error_type.as_deref().and_then(category_of_type) {
                Some(category) => (category, ClassifiedBy::Type),
                None if self.decline_code.is_some() => {
                    (ErrorCategory::CustomerCard, ClassifiedBy::Type)
                }
                None => (ErrorCategory::Unknown, ClassifiedBy::Nothing),
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
        ErrorDiagnosis {
            category,
            classified_by,
            code: known.map(|(code, _)| code),
            rule,
            amounts,
            param: self.param.as_deref().map(InputExcerpt::new),
            decline_code: self.decline_code.as_deref().map(InputExcerpt::new),
            payment_intent_status: self.payment_intent_status.as_deref().map(InputExcerpt::new),
        }
    }
}

impl DiagnosisKind {
    /// The category of errors of this kind.
    #[must_use]
    pub const fn category(self) -> ErrorCategory {
        match self {
            DiagnosisKind::RawCardDataRefused
            | DiagnosisKind::AmountTooSmall
            | DiagnosisKind::LivemodeMismatch
            | DiagnosisKind::SecretKeyRequired
            | DiagnosisKind::ApiKeyExpired
            | DiagnosisKind::PlatformApiKeyExpired => ErrorCategory::Configuration,
            DiagnosisKind::AmountTooLarge
            | DiagnosisKind::ChargeExpiredForCapture
            | DiagnosisKind::UncapturedChargeRefund => ErrorCategory::Operation,
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
    /// Nothing known: the category is [`ErrorCategory::Unknown`].
    Nothing,
}

/// What a Stripe error means: who acts ([`category`](Self::category)), the crate's rule that
/// explains it, if any, the meaning and the remedy, and the amounts named in the message.
///
/// It holds nothing of the error's text but Stripe's code (when it is a known one) and
/// [`InputExcerpt`]s of the `param`, `decline_code` and PaymentIntent status, so its `Debug`,
/// `Display` and serialized forms never carry a secret pasted into the error.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ErrorDiagnosis {
    category: ErrorCategory,
    classified_by: ClassifiedBy,
    code: Option<&'static str>,
    rule: Option<Diagnosis>,
    amounts: Vec<MessageAmount>,
    param: Option<InputExcerpt>,
    decline_code: Option<InputExcerpt>,
    payment_intent_status: Option<InputExcerpt>,
}

impl ErrorDiagnosis {
    /// Who has to act.
    #[must_use]
    pub fn category(&self) -> ErrorCategory {
        self.category
    }

    /// What decided the category.
    #[must_use]
    pub fn classified_by(&self) -> ClassifiedBy {
        self.classified_by
    }

    /// Stripe's code, when it is one of Stripe's published codes.
    #[must_use]
    pub fn code(&self) -> Option<&'static str> {
        self.code
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
            .map_or(self.category.meaning(), |rule| rule.meaning())
    }

    /// What to do: the rule's remedy, else the category's.
    #[must_use]
    pub fn remedy(&self) -> &'static str {
        self.rule
            .map_or(self.category.remedy(), |rule| rule.remedy())
    }

    /// The configuration field concerned, when the rule names one.
    #[must_use]
    pub fn field(&self) -> Option<&'static str> {
        self.rule.and_then(|rule| rule.field())
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
        let mut s = serializer.serialize_struct("ErrorDiagnosis", 11)?;
        s.serialize_field("category", &self.category)?;
        s.serialize_field("classified_by", &self.classified_by)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("rule", &self.rule.map(|r| r.code()))?;
        s.serialize_field("field", &self.field())?;
        s.serialize_field("meaning", self.meaning())?;
        s.serialize_field("remedy", self.remedy())?;
        s.serialize_field("amounts", &self.amounts)?;
        s.serialize_field("param", &excerpt(&self.param))?;
        s.serialize_field("decline_code", &excerpt(&self.decline_code))?;
        s.serialize_field(
            "payment_intent_status",
            &excerpt(&self.payment_intent_status),
        )?;
        s.end()
    }
}
