//! The error a refused credential gets: [`CredentialError`], its kinds and its wording.

use std::fmt;

use super::{CredentialSlot, Mode, StripeStringKind};

/// Where whitespace was found in a credential.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WhitespacePlace {
    /// Before the first non-whitespace character.
    Start,
    /// Between other characters.
    Inside,
    /// After the last non-whitespace character.
    End,
}

/// Why a credential was refused, with what the message needs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum CredentialErrorKind {
    /// The input is empty.
    Empty,
    /// The input is longer than any Stripe credential.
    TooLong {
        /// Its length in bytes.
        len: usize,
        /// The most this slot accepts.
        max: usize,
    },
    /// The input starts with `Bearer ` (an HTTP header value was pasted).
    BearerPrefix,
    /// The input is wrapped in quotes.
    Quoted,
    /// Whitespace (a space, tab or line break) at the start, inside or at the end.
    Whitespace {
        /// Where it is.
        place: WhitespacePlace,
        /// Its 1-based character position.
        position: usize,
        /// Whether it is a line break (`\n` or `\r`).
        line_break: bool,
    },
    /// A non-ASCII character, such as a Cyrillic `ѕ` that looks like `s`.
    NonAscii {
        /// The character (never part of a valid secret, so safe to show).
        character: char,
        /// Its 1-based character position.
        position: usize,
    },
    /// An ASCII character that is not a letter or digit in the body.
    InvalidCharacter {
        /// The character (never part of a valid secret, so safe to show).
        character: char,
        /// Its 1-based character position.
        position: usize,
    },
    /// A publishable key where a secret key belongs.
    PublishableKeyAsSecret {
        /// The publishable key's mode.
        mode: Mode,
    },
    /// Another kind of Stripe string in this slot.
    WrongKind {
        /// What was found.
        found: StripeStringKind,
    },
    /// The input is only a prefix, such as `sk_live_`.
    MissingBody {
        /// The prefix found.
        prefix: &'static str,
    },
    /// A key prefix with a mode Stripe does not document, such as `sk_prod_`.
    UnknownMode {
        /// The prefix found, up to its second underscore (at most 24 characters).
        prefix: String,
    },
    /// None of the prefixes this slot accepts.
    UnknownPrefix,
    /// The body is shorter than any Stripe key's.
    BodyTooShort {
        /// Its length.
        len: usize,
        /// The least accepted.
        min: usize,
    },
    /// The body is longer than any Stripe key's.
    BodyTooLong {
        /// Its length.
        len: usize,
        /// The most accepted.
        max: usize,
    },
}

/// A credential that could not be parsed: what was expected, what was found, and what to
/// paste instead. It never contains the secret.
///
/// The message reads `expected <slot>, found <problem>; <remedy>`; [`code`](Self::code) is a
/// stable snake_case name for programs and [`remedy`](Self::remedy) the second half alone.
/// Unlike the other value parsers' errors it keeps no excerpt of the input, which may be a
/// secret: [`found_kind`](Self::found_kind), [`position`](Self::position),
/// [`character`](Self::character) and [`mode`](Self::mode) say what was found instead.
///
/// ```
/// use stripe_gateway_rules::credentials::SecretKey;
///
/// let err = "sk_live_4eC39HqLyjWDarjtT1zdp7dc\n".parse::<SecretKey>().unwrap_err();
/// assert_eq!(err.code(), "whitespace");
/// assert_eq!(
///     err.to_string(),
///     "expected a secret key, found a line break at the end (position 33); \
///      remove it: Stripe credentials never contain whitespace"
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CredentialError {
    slot: CredentialSlot,
    kind: CredentialErrorKind,
}

impl std::error::Error for CredentialError {}

impl CredentialError {
    pub(super) fn new(slot: CredentialSlot, kind: CredentialErrorKind) -> Self {
        CredentialError { slot, kind }
    }

    /// What the caller expected.
    #[must_use]
    pub fn expected(&self) -> CredentialSlot {
        self.slot
    }

    /// The kind of Stripe string found, for `wrong_credential_kind` (a webhook secret, a
    /// client id…).
    #[must_use]
    pub fn found_kind(&self) -> Option<StripeStringKind> {
        match self.kind {
            CredentialErrorKind::WrongKind { found } => Some(found),
            _ => None,
        }
    }

    /// The 1-based character position at fault, for `whitespace`, `non_ascii` and
    /// `invalid_character`.
    #[must_use]
    pub fn position(&self) -> Option<usize> {
        match self.kind {
            CredentialErrorKind::Whitespace { position, .. }
            | CredentialErrorKind::NonAscii { position, .. }
            | CredentialErrorKind::InvalidCharacter { position, .. } => Some(position),
            _ => None,
        }
    }

    /// The character at fault, for `non_ascii` and `invalid_character` (never part of a valid
    /// secret, so safe to show).
    #[must_use]
    pub fn character(&self) -> Option<char> {
        match self.kind {
            CredentialErrorKind::NonAscii { character, .. }
            | CredentialErrorKind::InvalidCharacter { character, .. } => Some(character),
            _ => None,
        }
    }

    /// Where the whitespace is and whether it is a line break (`\n` or `\r`), for
    /// `whitespace`.
    #[must_use]
    pub fn whitespace(&self) -> Option<(WhitespacePlace, bool)> {
        match self.kind {
            CredentialErrorKind::Whitespace {
                place, line_break, ..
            } => Some((place, line_break)),
            _ => None,
        }
    }

    /// The publishable key's mode, for `publishable_key_as_secret`.
    #[must_use]
    pub fn mode(&self) -> Option<Mode> {
        match self.kind {
            CredentialErrorKind::PublishableKeyAsSecret { mode } => Some(mode),
            _ => None,
        }
    }

    /// A stable snake_case code: `empty`, `too_long`, `bearer_prefix`, `quoted`,
    /// `whitespace`, `non_ascii`, `invalid_character`, `publishable_key_as_secret`,
    /// `wrong_credential_kind`, `missing_body`, `unknown_mode`, `unknown_prefix`,
    /// `body_too_short`, `body_too_long`.
    #[must_use]
    pub fn code(&self) -> crate::codes::CredentialCode {
        match self.kind {
            CredentialErrorKind::Empty => crate::codes::CredentialCode::Empty,
            CredentialErrorKind::TooLong { .. } => crate::codes::CredentialCode::TooLong,
            CredentialErrorKind::BearerPrefix => crate::codes::CredentialCode::BearerPrefix,
            CredentialErrorKind::Quoted => crate::codes::CredentialCode::Quoted,
            CredentialErrorKind::Whitespace { .. } => crate::codes::CredentialCode::Whitespace,
            CredentialErrorKind::NonAscii { .. } => crate::codes::CredentialCode::NonAscii,
            CredentialErrorKind::InvalidCharacter { .. } => {
                crate::codes::CredentialCode::InvalidCharacter
            }
            CredentialErrorKind::PublishableKeyAsSecret { .. } => {
                crate::codes::CredentialCode::PublishableKeyAsSecret
            }
            CredentialErrorKind::WrongKind { .. } => {
                crate::codes::CredentialCode::WrongCredentialKind
            }
            CredentialErrorKind::MissingBody { .. } => crate::codes::CredentialCode::MissingBody,
            CredentialErrorKind::UnknownMode { .. } => crate::codes::CredentialCode::UnknownMode,
            CredentialErrorKind::UnknownPrefix => crate::codes::CredentialCode::UnknownPrefix,
            CredentialErrorKind::BodyTooShort { .. } => crate::codes::CredentialCode::BodyTooShort,
            CredentialErrorKind::BodyTooLong { .. } => crate::codes::CredentialCode::BodyTooLong,
        }
    }

    /// What to do about it, in a few words a person can follow.
    #[must_use]
    pub fn remedy(&self) -> &'static str {
        match &self.kind {
            CredentialErrorKind::Whitespace { .. }
            | CredentialErrorKind::Quoted
            | CredentialErrorKind::BearerPrefix
            | CredentialErrorKind::NonAscii { .. }
            | CredentialErrorKind::MissingBody { .. }
            | CredentialErrorKind::BodyTooShort { .. } => self.code().remedy(),
            // Where to find the credential this field expects.
            _ => self.slot.paste_hint(),
        }
    }

    /// The problem alone, without the remedy: `expected a secret key, found …`.
    #[must_use]
    pub fn problem(&self) -> impl fmt::Display + '_ {
        Problem(self)
    }
}

struct Problem<'a>(&'a CredentialError);

impl fmt::Display for Problem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let slot = self.0.slot;
        write!(f, "expected {slot}, found ")?;
        match &self.0.kind {
            CredentialErrorKind::Empty => f.write_str("an empty value"),
            CredentialErrorKind::TooLong { len, max } => {
                write!(f, "{len} characters where at most {max} fit")
            }
            CredentialErrorKind::BearerPrefix => {
                f.write_str("an HTTP Authorization header value (\"Bearer …\")")
            }
            CredentialErrorKind::Quoted => f.write_str("a value wrapped in quotes"),
            CredentialErrorKind::Whitespace {
                place,
                position,
                line_break,
            } => {
                let what = if *line_break {
                    "a line break"
                } else {
                    "whitespace"
                };
                let place = match place {
                    WhitespacePlace::Start => "at the start",
                    WhitespacePlace::Inside => "inside the value",
                    WhitespacePlace::End => "at the end",
                };
                write!(f, "{what} {place} (position {position})")
            }
            CredentialErrorKind::NonAscii {
                character,
                position,
            } => write!(
                f,
                "the non-ASCII character '{character}' (U+{:04X}) at position {position}",
                u32::from(*character)
            ),
            CredentialErrorKind::InvalidCharacter {
                character,
                position,
            } => write!(
                f,
                "the character {character:?} at position {position}, where only ASCII letters and digits belong"
            ),
            CredentialErrorKind::PublishableKeyAsSecret { mode } => write!(
                f,
                "a publishable key (pk_{mode}_…); publishable keys only identify an account and cannot authenticate API requests"
            ),
            CredentialErrorKind::WrongKind { found } => f.write_str(found.describe()),
            CredentialErrorKind::MissingBody { prefix } => {
                write!(f, "only the prefix {prefix} with nothing after it")
            }
            CredentialErrorKind::UnknownMode { prefix } => write!(
                f,
                "the prefix {prefix}, whose mode Stripe does not document (only test and live exist)"
            ),
            CredentialErrorKind::UnknownPrefix => match slot {
                CredentialSlot::SecretKey => f.write_str(
                    "a value with none of the prefixes sk_test_, sk_live_, rk_test_, rk_live_",
                ),
                CredentialSlot::PublishableKey => {
                    f.write_str("a value with neither of the prefixes pk_test_, pk_live_")
                }
                CredentialSlot::AccountId => f.write_str("a value without the prefix acct_"),
                CredentialSlot::ClientId => f.write_str("a value without the prefix ca_"),
                CredentialSlot::ClientSecret | CredentialSlot::RefreshToken => {
                    f.write_str("an unrecognised value")
                }
            },
            CredentialErrorKind::BodyTooShort { len, min } => write!(
                f,
                "{len} characters after the prefix, where Stripe's have at least {min} (usually 24 or 99)"
            ),
            CredentialErrorKind::BodyTooLong { len, max } => write!(
                f,
                "{len} characters after the prefix, where Stripe's have at most {max}"
            ),
        }
    }
}

impl fmt::Display for CredentialError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}; {}", self.problem(), self.remedy())
    }
}

impl crate::diagnostics::ToViolation for CredentialError {
    /// This error as a [`Violation`](crate::diagnostics::Violation) at `path`, for a report:
    /// `publishable_key_as_secret` and `wrong_credential_kind` keep their codes; any other
    /// problem is `invalid_secret_key` in a secret-key slot and `invalid_value` elsewhere. The
    /// message is [`problem`](Self::problem), the remedy [`remedy`](Self::remedy), and the
    /// error's own code is the `reason` param.
    fn to_violation(&self, path: crate::diagnostics::Path) -> crate::diagnostics::Violation {
        use crate::codes::ViolationCode;
        let code = match &self.kind {
            CredentialErrorKind::PublishableKeyAsSecret { .. } => {
                ViolationCode::PublishableKeyAsSecret
            }
            CredentialErrorKind::WrongKind { .. } => ViolationCode::WrongCredentialKind,
            _ if self.slot == CredentialSlot::SecretKey => ViolationCode::InvalidSecretKey,
            _ => ViolationCode::InvalidValue,
        };
        crate::diagnostics::Violation::error(path, code, self.problem().to_string())
            .with_remedy(self.remedy())
            .with_param("reason", self.code())
    }
}

impl crate::codes::CredentialCode {
    /// What to do about an error of this code, written for it: the remedy of
    /// [`CredentialError`] (the catalogue's too; for a wrong or missing value, the error's
    /// remedy names where to find the credential its field expects).
    #[must_use]
    pub const fn remedy(self) -> &'static str {
        use crate::codes::CredentialCode as C;
        match self {
            C::Whitespace => "remove it: Stripe credentials never contain whitespace",
            C::Quoted => "remove the quotes",
            C::BearerPrefix => "remove \"Bearer \" and keep only what follows it",
            C::NonAscii => {
                "it is probably a look-alike letter: type the value again or copy it from the Stripe Dashboard"
            }
            C::MissingBody | C::BodyTooShort => "the value looks cut off: copy all of it again",
            C::Empty => {
                "paste the credential the field expects, from the Stripe Dashboard (API keys are under Developers > API keys)"
            }
            C::TooLong | C::BodyTooLong => {
                "copy the credential again, alone: something else was pasted with it"
            }
            C::InvalidCharacter => {
                "copy the value again from the Stripe Dashboard: a key's body is letters and digits only"
            }
            C::PublishableKeyAsSecret => {
                "paste the secret key (sk_test_… or sk_live_…) or a restricted key (rk_test_… or rk_live_…) from the Stripe Dashboard, Developers > API keys, in place of the publishable key"
            }
            C::WrongCredentialKind | C::UnknownPrefix => {
                "paste the credential the field expects, with its prefix, from the Stripe Dashboard (the message names the kind found)"
            }
            C::UnknownMode => {
                "paste a key of test or live mode as the Stripe Dashboard shows it (…_test_… or …_live_…)"
            }
        }
    }
}
