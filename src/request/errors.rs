//! The one error of the request rules.

use std::fmt;

use crate::codes::RequestCode;

/// The field of a request a [`RequestError`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RequestField {
    /// `statement_descriptor` (a payment's, or the account's `settings.payments`).
    StatementDescriptor,
    /// `statement_descriptor_prefix` (the account's `settings.card_payments`).
    StatementDescriptorPrefix,
    /// `statement_descriptor_suffix`.
    StatementDescriptorSuffix,
    /// `description`.
    Description,
    /// `metadata`.
    Metadata,
    /// `idempotency_key` (Stripe's `Idempotency-Key` header).
    IdempotencyKey,
}

impl RequestField {
    /// The field's name, as in Stripe's API and the crate's file formats.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            RequestField::StatementDescriptor => "statement_descriptor",
            RequestField::StatementDescriptorPrefix => "statement_descriptor_prefix",
            RequestField::StatementDescriptorSuffix => "statement_descriptor_suffix",
            RequestField::Description => "description",
            RequestField::Metadata => "metadata",
            RequestField::IdempotencyKey => "idempotency_key",
        }
    }
}

impl fmt::Display for RequestField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// What the message says besides the code: lengths, the character, the key's position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
struct Detail {
    /// The length found and the limit, in characters (keys: count and limit).
    length: Option<(usize, usize)>,
    /// The offending character (a forbidden or non-Latin one: never part of a secret's
    /// value, which is refused before its characters are looked at).
    character: Option<char>,
    /// The 1-based position of the metadata pair the error is about (never the key itself:
    /// it could hold a secret), and whether it is about the key (else its value).
    pair: Option<(usize, bool)>,
    /// The earlier line, for a reused idempotency key.
    line: Option<u64>,
}

/// A value of a request that Stripe would refuse, or that must not be sent (sensitive data):
/// its [`code`](Self::code), the [`field`](Self::field), and a message that never repeats the
/// value (only lengths, a forbidden character, a metadata key's position).
///
/// ```
/// use stripe_gateway_rules::request::Metadata;
///
/// let err = Metadata::new([("note", "card 4242 4242 4242 4242")]).unwrap_err();
/// assert_eq!(err.code(), "card_number_in_text");
/// assert_eq!(err.to_string(), "metadata value 1 holds a card number");
/// assert!(!err.to_string().contains("4242"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RequestError {
    code: RequestCode,
    field: RequestField,
    detail: Detail,
}

impl RequestError {
    pub(crate) fn new(code: RequestCode, field: RequestField) -> Self {
        RequestError {
            code,
            field,
            detail: Detail::default(),
        }
    }

    pub(crate) fn with_length(mut self, found: usize, limit: usize) -> Self {
        self.detail.length = Some((found, limit));
        self
    }

    pub(crate) fn with_char(mut self, c: char) -> Self {
        self.detail.character = Some(c);
        self
    }

    pub(crate) fn with_key(mut self, position: usize) -> Self {
        self.detail.pair = Some((position, true));
        self
    }

    pub(crate) fn with_value(mut self, position: usize) -> Self {
        self.detail.pair = Some((position, false));
        self
    }

    #[cfg(feature = "serde")]
    pub(crate) fn with_line(mut self, line: u64) -> Self {
        self.detail.line = Some(line);
        self
    }

    /// The warning that a suffix was checked on its own, since the configuration states
    /// neither the account's prefix nor its static descriptor (`suffix_prefix_unknown`).
    #[must_use]
    pub fn prefix_unknown() -> Self {
        RequestError::new(
            RequestCode::SuffixPrefixUnknown,
            RequestField::StatementDescriptorSuffix,
        )
    }

    /// Why the value is refused.
    #[must_use]
    pub fn code(&self) -> RequestCode {
        self.code
    }

    /// The field it is about.
    #[must_use]
    pub fn field(&self) -> RequestField {
        self.field
    }

    /// The earlier line of the run with the same idempotency key, for
    /// `idempotency_key_reused` and `idempotency_key_retried`.
    #[must_use]
    pub fn earlier_line(&self) -> Option<u64> {
        self.detail.line
    }

    /// Whether this is a warning (a retry of the same request), not an error.
    #[must_use]
    pub fn is_warning(&self) -> bool {
        matches!(
            self.code,
            RequestCode::IdempotencyKeyRetried
                | RequestCode::IdempotencyKeysNotCompared
                | RequestCode::SuffixPrefixUnknown
        )
    }

    /// What to do about it.
    #[must_use]
    pub fn remedy(&self) -> &'static str {
        self.code.remedy()
    }
}

impl fmt::Display for RequestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let field = self.field.as_str();
        match self.detail.pair {
            Some((k, true)) => write!(f, "metadata key {k}")?,
            Some((k, false)) => write!(f, "metadata value {k}")?,
            None => f.write_str(field)?,
        }
        let (found, limit) = self.detail.length.unwrap_or_default();
        let c = self.detail.character.unwrap_or('?');
        match self.code {
            RequestCode::DescriptorTooShort | RequestCode::PrefixTooShort => write!(
                f,
                " is {found} characters; at least {limit} are needed"
            ),
            RequestCode::DescriptorTooLong
            | RequestCode::PrefixTooLong
            | RequestCode::DescriptionTooLong
            | RequestCode::MetadataKeyTooLong
            | RequestCode::MetadataValueTooLong
            | RequestCode::IdempotencyKeyTooLong => {
                write!(f, " is {found} characters; at most {limit} are allowed")
            }
            RequestCode::SuffixTooLong => write!(
                f,
                " is {found} characters; after the account's prefix and \"* \" at most {limit} fit in 22"
            ),
            RequestCode::SuffixPrefixUnknown => f.write_str(
                " is checked on its own: the configuration states neither account.statement_descriptor_prefix nor account.statement_descriptor, so a suffix too long for the account's prefix is not caught",
            ),
            RequestCode::DescriptorNotLatin => write!(
                f,
                " holds '{c}' (U+{:04X}), which is not a Latin character",
                u32::from(c)
            ),
            RequestCode::DescriptorForbiddenCharacter => {
                write!(f, " holds '{c}', which no statement descriptor may hold")
            }
            RequestCode::DescriptorNoLetter => f.write_str(" has no letter; it needs at least one"),
            RequestCode::DescriptorOnCardPayment => f.write_str(
                " is refused on a card payment (since 2024-01-02); the account's prefix and a statement_descriptor_suffix make the descriptor",
            ),
            RequestCode::MetadataTooManyKeys => {
                write!(f, " has {found} keys; at most {limit} are allowed")
            }
            RequestCode::MetadataKeyBracket => f.write_str(" holds '[' or ']'"),
            RequestCode::MetadataKeyEmpty => f.write_str(" is empty"),
            RequestCode::MetadataDuplicateKey => {
                f.write_str(" repeats an earlier key; each key is sent once")
            }
            RequestCode::MetadataValueNotString => f.write_str(" is not a string"),
            RequestCode::MetadataNotObject => {
                f.write_str(" is not an object of string keys and string values")
            }
            RequestCode::IdempotencyKeyEmpty => f.write_str(" is empty"),
            RequestCode::CardNumberInText => f.write_str(" holds a card number"),
            RequestCode::SecretInText => f.write_str(" holds a Stripe secret"),
            RequestCode::IdempotencyKeyReused => write!(
                f,
                " was used on line {} with other parameters; Stripe refuses the later request",
                self.detail.line.unwrap_or_default()
            ),
            RequestCode::IdempotencyKeyRetried => write!(
                f,
                " was used on line {} with the same parameters: a retry, answered with the first response",
                self.detail.line.unwrap_or_default()
            ),
            RequestCode::IdempotencyKeysNotCompared => write!(
                f,
                " is not compared: the run already holds {limit} keys, the most it remembers"
            ),
        }
    }
}

impl std::error::Error for RequestError {}

impl crate::diagnostics::ToViolation for RequestError {
    /// `invalid_value` at `path` followed by the field, with this error's message and remedy,
    /// and its code as the `reason` param; a warning for a retried key.
    fn to_violation(&self, path: crate::diagnostics::Path) -> crate::diagnostics::Violation {
        let path = path.then(self.field.as_str());
        let v = if self.is_warning() {
            crate::diagnostics::Violation::warning(
                path,
                crate::codes::ViolationCode::InvalidValue,
                self.to_string(),
            )
            .with_param("reason", self.code.as_str())
        } else {
            crate::codes::invalid_value(path, self, Some(self.code.as_str()))
        };
        v.with_remedy(self.remedy())
    }
}
