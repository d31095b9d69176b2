//! Credentials a billing platform stores to reach Stripe: API keys, account and client ids,
//! OAuth secrets.
//!
//! # The rules (rules.md §1; stripe-facts §3)
//!
//! | string | prefix | secret? | what it is for |
//! | --- | --- | --- | --- |
//! | [`SecretKey`] | `sk_test_`, `sk_live_` | yes | authenticates API requests (S1 "Client Secret", S3 "Live API Key", S4 "Password") |
//! | [`SecretKey`] (restricted) | `rk_test_`, `rk_live_` | yes | authenticates API requests with limited permissions |
//! | [`PublishableKey`] | `pk_test_`, `pk_live_` | no | identifies an account in browsers and apps; **cannot** authenticate API requests |
//! | [`AccountId`] | `acct_` | no | a Stripe account, e.g. the connected account of a Connect integration |
//! | [`ClientId`] | `ca_` | no | a Connect platform's OAuth client id |
//! | [`ClientSecret`], [`RefreshToken`] | (opaque) | yes | OAuth 2.0 credentials (S3) |
//!
//! The prefix gives the kind and the [`Mode`]. Stripe documents the prefixes only
//! (<https://docs.stripe.com/keys>, <https://docs.stripe.com/api/authentication>); the body is
//! ASCII letters and digits, observed at 24 characters (legacy keys, Stripe's own samples) and
//! 99 (modern keys). This crate accepts bodies of [`MIN_KEY_BODY_LEN`] to [`MAX_KEY_BODY_LEN`]
//! characters, the widest range any scanner uses (trufflehog: 20–247; gitleaks: 10–99).
//! `sk_prod_` appears in one scanner's samples but is not documented by Stripe, so it is
//! rejected with an error that says so.
//!
//! Parsing never trims, never guesses and never panics. A value pasted into the wrong slot
//! (a publishable key where a secret key belongs, a webhook secret, a client id, a
//! PaymentIntent client secret…) gets a [`CredentialError`] that names what was found and
//! what to paste instead; the error never contains the secret.
//!
//! # Secrets stay wrapped
//!
//! [`SecretKey`], [`ClientSecret`] and [`RefreshToken`] keep their value in a
//! [`secrecy::SecretString`]. Their `Debug` and [`redacted`](SecretKey::redacted) forms show
//! only the prefix and the last four characters (`sk_live_…a1b2`), the way Stripe's Dashboard
//! shows keys. They implement neither `Display` nor `Serialize` nor `PartialEq`; reading the
//! secret is one explicit call, [`expose_secret`](SecretKey::expose_secret).
//!
//! ```
//! use stripe_gateway_rules::{Mode, PublishableKey, SecretKey};
//!
//! let key: SecretKey = "sk_live_4eC39HqLyjWDarjtT1zdp7dc".parse()?;
//! assert_eq!(key.mode(), Mode::Live);
//! assert_eq!(format!("{key:?}"), "SecretKey(sk_live_…p7dc)");
//!
//! let err = "pk_live_TYooMQauvdEDq54NiTphI7jx".parse::<SecretKey>().unwrap_err();
//! assert_eq!(err.code(), "publishable_key_as_secret");
//! # Ok::<(), stripe_gateway_rules::CredentialError>(())
//! ```

use std::fmt;
use std::str::FromStr;

use secrecy::{ExposeSecret, SecretString};

/// Shortest key body accepted (characters after the `sk_live_`-style prefix).
///
/// Scanners use 10 (gitleaks, osv-scalibr); Stripe's shortest observed keys have 24.
pub const MIN_KEY_BODY_LEN: usize = 10;

/// Longest key body accepted (trufflehog's bound; Stripe's modern keys have 99).
pub const MAX_KEY_BODY_LEN: usize = 247;

/// Longest identifier accepted, prefix included: "object IDs can contain up to 255
/// characters" (<https://docs.stripe.com/upgrades>).
pub const MAX_ID_LEN: usize = 255;

/// Longest opaque OAuth secret accepted ([`ClientSecret`], [`RefreshToken`]).
pub const MAX_OPAQUE_SECRET_LEN: usize = 1024;

/// Inputs longer than this are refused before they are looked at character by character.
const MAX_INPUT_LEN: usize = 4096;

/// Test or live: every Stripe request is one or the other, decided by the key it uses, and
/// objects never cross modes (Stripe error `livemode_mismatch`; rules.md §1).
///
/// Sandboxes use test-mode keys (`sk_test_`, `pk_test_`), so they are [`Mode::Test`]. The
/// enum is deliberately exhaustive (unlike this crate's other enums): every Stripe request is
/// one of exactly these two, so code may match on it without a wildcard.
///
/// ```
/// use stripe_gateway_rules::Mode;
/// assert_eq!("live".parse::<Mode>()?, Mode::Live);
/// assert_eq!(Mode::Test.to_string(), "test");
/// # Ok::<(), stripe_gateway_rules::credentials::ModeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Mode {
    /// Test mode (and sandboxes): `sk_test_`, `rk_test_`, `pk_test_` keys; no real money moves.
    Test,
    /// Live mode: `sk_live_`, `rk_live_`, `pk_live_` keys; real payments.
    Live,
}

crate::text::keyword_enum!(Mode, ModeError, "a mode, `test` or `live`", {
    Test => "test",
    Live => "live",
});

/// The slot a credential was meant for: what the caller expected to parse.
///
/// It words the first half of every [`CredentialError`] ("expected a secret key, …") and
/// chooses its remedy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CredentialSlot {
    /// A secret or restricted API key ([`SecretKey`]).
    SecretKey,
    /// A publishable key ([`PublishableKey`]).
    PublishableKey,
    /// An account id ([`AccountId`]).
    AccountId,
    /// A Connect client id ([`ClientId`]).
    ClientId,
    /// An OAuth client secret ([`ClientSecret`]).
    ClientSecret,
    /// An OAuth refresh token ([`RefreshToken`]).
    RefreshToken,
}

impl CredentialSlot {
    fn article_name(self) -> &'static str {
        match self {
            CredentialSlot::SecretKey => "a secret key",
            CredentialSlot::PublishableKey => "a publishable key",
            CredentialSlot::AccountId => "an account id",
            CredentialSlot::ClientId => "a Connect client id",
            CredentialSlot::ClientSecret => "an OAuth client secret",
            CredentialSlot::RefreshToken => "an OAuth refresh token",
        }
    }

    fn paste_hint(self) -> &'static str {
        match self {
            CredentialSlot::SecretKey => {
                "paste the secret key (sk_test_… or sk_live_…) or a restricted key (rk_test_… or rk_live_…) from the Stripe Dashboard, Developers > API keys"
            }
            CredentialSlot::PublishableKey => {
                "paste the publishable key (pk_test_… or pk_live_…) from the Stripe Dashboard, Developers > API keys"
            }
            CredentialSlot::AccountId => {
                "paste the account id (acct_…) from the Stripe Dashboard, Settings > Business > Account details"
            }
            CredentialSlot::ClientId => {
                "paste the client id (ca_…) from the Stripe Dashboard, Connect settings"
            }
            CredentialSlot::ClientSecret => {
                "paste the client secret your OAuth application was given when it was registered"
            }
            CredentialSlot::RefreshToken => {
                "paste the refresh token returned with the OAuth access token"
            }
        }
    }

    /// Whether this slot holds a secret.
    #[must_use]
    pub fn holds_secret(self) -> bool {
        matches!(
            self,
            CredentialSlot::SecretKey | CredentialSlot::ClientSecret | CredentialSlot::RefreshToken
        )
    }
}

impl fmt::Display for CredentialSlot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.article_name())
    }
}

/// A kind of Stripe string, recognised by its prefix: what a [`CredentialError`] says was
/// found in the wrong slot.
///
/// Prefixes from stripe-facts §3 and `tests/data/stripe-key-patterns.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StripeStringKind {
    /// `sk_test_…`, `sk_live_…`.
    SecretKey,
    /// `rk_test_…`, `rk_live_…`.
    RestrictedKey,
    /// `pk_test_…`, `pk_live_…`.
    PublishableKey,
    /// `sk_org…`: organization API keys, which need `Stripe-Context` headers.
    OrganizationKey,
    /// `whsec_…`: webhook signing secrets ("aren't API keys").
    WebhookSecret,
    /// `ca_…`: Connect client ids.
    ClientId,
    /// `acct_…`: account ids.
    AccountId,
    /// `pi_…_secret_…`: a PaymentIntent's client secret.
    PaymentIntentClientSecret,
    /// `seti_…_secret_…`: a SetupIntent's client secret.
    SetupIntentClientSecret,
    /// `tok_…`: a card token.
    Token,
    /// `pm_…`: a PaymentMethod id.
    PaymentMethod,
    /// `ac_…`: a single-use OAuth authorization code.
    AuthorizationCode,
}

impl StripeStringKind {
    fn describe(self) -> &'static str {
        match self {
            StripeStringKind::SecretKey => "a secret key (sk_…)",
            StripeStringKind::RestrictedKey => "a restricted key (rk_…)",
            StripeStringKind::PublishableKey => "a publishable key (pk_…)",
            StripeStringKind::OrganizationKey => {
                "an organization API key (sk_org…), which needs Stripe-Context headers and acts for no single account"
            }
            StripeStringKind::WebhookSecret => {
                "a webhook signing secret (whsec_…), which verifies webhook events and is not an API key"
            }
            StripeStringKind::ClientId => "a Connect client id (ca_…)",
            StripeStringKind::AccountId => "an account id (acct_…)",
            StripeStringKind::PaymentIntentClientSecret => {
                "a PaymentIntent client secret (pi_…_secret_…), which belongs to one payment in a browser"
            }
            StripeStringKind::SetupIntentClientSecret => {
                "a SetupIntent client secret (seti_…_secret_…), which belongs to one setup in a browser"
            }
            StripeStringKind::Token => "a card token (tok_…)",
            StripeStringKind::PaymentMethod => "a payment method id (pm_…)",
            StripeStringKind::AuthorizationCode => {
                "an OAuth authorization code (ac_…), which is used once and expires in 5 minutes"
            }
        }
    }

    /// Whether strings of this kind are secrets that must never be shown or logged.
    #[must_use]
    pub fn is_secret(self) -> bool {
        matches!(
            self,
            StripeStringKind::SecretKey
                | StripeStringKind::RestrictedKey
                | StripeStringKind::OrganizationKey
                | StripeStringKind::WebhookSecret
                | StripeStringKind::PaymentIntentClientSecret
                | StripeStringKind::SetupIntentClientSecret
                | StripeStringKind::AuthorizationCode
        )
    }
}

impl fmt::Display for StripeStringKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

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

/// Why a credential was refused. See [`CredentialError`] for the message of each.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CredentialErrorKind {
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
///
/// ```
/// use stripe_gateway_rules::SecretKey;
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
    fn new(slot: CredentialSlot, kind: CredentialErrorKind) -> Self {
        CredentialError { slot, kind }
    }

    /// What the caller expected.
    #[must_use]
    pub fn expected(&self) -> CredentialSlot {
        self.slot
    }

    /// Why the credential was refused.
    #[must_use]
    pub fn kind(&self) -> &CredentialErrorKind {
        &self.kind
    }

    /// A stable snake_case code: `empty`, `too_long`, `bearer_prefix`, `quoted`,
    /// `whitespace`, `non_ascii`, `invalid_character`, `publishable_key_as_secret`,
    /// `wrong_credential_kind`, `missing_body`, `unknown_mode`, `unknown_prefix`,
    /// `body_too_short`, `body_too_long`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self.kind {
            CredentialErrorKind::Empty => "empty",
            CredentialErrorKind::TooLong { .. } => "too_long",
            CredentialErrorKind::BearerPrefix => "bearer_prefix",
            CredentialErrorKind::Quoted => "quoted",
            CredentialErrorKind::Whitespace { .. } => "whitespace",
            CredentialErrorKind::NonAscii { .. } => "non_ascii",
            CredentialErrorKind::InvalidCharacter { .. } => "invalid_character",
            CredentialErrorKind::PublishableKeyAsSecret { .. } => "publishable_key_as_secret",
            CredentialErrorKind::WrongKind { .. } => "wrong_credential_kind",
            CredentialErrorKind::MissingBody { .. } => "missing_body",
            CredentialErrorKind::UnknownMode { .. } => "unknown_mode",
            CredentialErrorKind::UnknownPrefix => "unknown_prefix",
            CredentialErrorKind::BodyTooShort { .. } => "body_too_short",
            CredentialErrorKind::BodyTooLong { .. } => "body_too_long",
        }
    }

    /// What to do about it, in a few words a person can follow.
    #[must_use]
    pub fn remedy(&self) -> &'static str {
        match &self.kind {
            CredentialErrorKind::Whitespace { .. } => {
                "remove it: Stripe credentials never contain whitespace"
            }
            CredentialErrorKind::Quoted => "remove the quotes",
            CredentialErrorKind::BearerPrefix => "remove \"Bearer \" and keep only what follows it",
            CredentialErrorKind::NonAscii { .. } => {
                "it is probably a look-alike letter: type the value again or copy it from the Stripe Dashboard"
            }
            CredentialErrorKind::MissingBody { .. } | CredentialErrorKind::BodyTooShort { .. } => {
                "the value looks cut off: copy all of it again"
            }
            _ => self.slot.paste_hint(),
        }
    }

    /// The problem alone, without the remedy: `expected a secret key, found …`.
    #[must_use]
    pub fn problem(&self) -> impl fmt::Display + '_ {
        Problem(self)
    }

    /// This error as a [`Violation`](crate::diagnostics::Violation) at `path`, for a report:
    /// `publishable_key_as_secret` and `wrong_credential_kind` keep their codes; any other
    /// problem is `invalid_secret_key` in a secret-key slot and `invalid_value` elsewhere. The
    /// message is [`problem`](Self::problem), the remedy [`remedy`](Self::remedy), and the
    /// error's own code is the `reason` param.
    #[must_use]
    pub fn to_violation(&self, path: crate::diagnostics::Path) -> crate::diagnostics::Violation {
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

// ---------------------------------------------------------------------------------------------
// Scanning: the stages every credential goes through.

/// The prefixes this module recognises, longest first where one is a prefix of another.
/// Sources: stripe-facts §3.1, §3.3 and `stripe-key-patterns.csv`.
const KEY_PREFIXES: &[(&str, StripeStringKind, Mode)] = &[
    ("sk_test_", StripeStringKind::SecretKey, Mode::Test),
    ("sk_live_", StripeStringKind::SecretKey, Mode::Live),
    ("rk_test_", StripeStringKind::RestrictedKey, Mode::Test),
    ("rk_live_", StripeStringKind::RestrictedKey, Mode::Live),
    ("pk_test_", StripeStringKind::PublishableKey, Mode::Test),
    ("pk_live_", StripeStringKind::PublishableKey, Mode::Live),
];

/// What a string looks like by its prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Recognised {
    /// A key with a documented prefix; the body starts at `prefix.len()`.
    Key {
        kind: StripeStringKind,
        mode: Mode,
        prefix: &'static str,
    },
    /// Another Stripe string kind.
    Other(StripeStringKind),
    /// `sk_`/`rk_`/`pk_` with an undocumented mode; the prefix ends at byte `end`.
    UnknownMode {
        end: usize,
    },
    Unknown,
}

fn recognise(s: &str) -> Recognised {
    for &(prefix, kind, mode) in KEY_PREFIXES {
        if s.starts_with(prefix) {
            return Recognised::Key { kind, mode, prefix };
        }
    }
    if s.starts_with("sk_org") {
        return Recognised::Other(StripeStringKind::OrganizationKey);
    }
    if s.starts_with("whsec_") {
        return Recognised::Other(StripeStringKind::WebhookSecret);
    }
    if s.starts_with("acct_") {
        return Recognised::Other(StripeStringKind::AccountId);
    }
    if s.starts_with("ca_") {
        return Recognised::Other(StripeStringKind::ClientId);
    }
    if s.starts_with("ac_") {
        return Recognised::Other(StripeStringKind::AuthorizationCode);
    }
    if s.starts_with("pi_") && s.contains("_secret_") {
        return Recognised::Other(StripeStringKind::PaymentIntentClientSecret);
    }
    if s.starts_with("seti_") && s.contains("_secret_") {
        return Recognised::Other(StripeStringKind::SetupIntentClientSecret);
    }
    if s.starts_with("tok_") {
        return Recognised::Other(StripeStringKind::Token);
    }
    if s.starts_with("pm_") {
        return Recognised::Other(StripeStringKind::PaymentMethod);
    }
    let bytes = s.as_bytes();
    if bytes.len() > 3 && matches!(&bytes[..3], b"sk_" | b"rk_" | b"pk_") {
        // `sk_prod_…`: a key-shaped prefix with a mode Stripe does not document.
        if let Some(second) = s[3..].find('_') {
            let mode = &s[3..3 + second];
            if !mode.is_empty() && mode.len() <= 16 && mode.bytes().all(|b| b.is_ascii_lowercase())
            {
                return Recognised::UnknownMode {
                    end: 3 + second + 1,
                };
            }
        }
    }
    Recognised::Unknown
}

/// The checks every credential shares, before its prefix is looked at: empty, an absurd
/// length (more than 4096 bytes; `max_len` is what the message says fits), `Bearer `, quotes,
/// whitespace, non-ASCII. Nothing is trimmed.
fn check_surface(s: &str, slot: CredentialSlot, max_len: usize) -> Result<(), CredentialError> {
    let err = |kind| Err(CredentialError::new(slot, kind));
    if s.is_empty() {
        return err(CredentialErrorKind::Empty);
    }
    if s.len() > MAX_INPUT_LEN {
        return err(CredentialErrorKind::TooLong {
            len: s.len(),
            max: max_len,
        });
    }
    if s.len() >= 7 && s.as_bytes()[..7].eq_ignore_ascii_case(b"bearer ") {
        return err(CredentialErrorKind::BearerPrefix);
    }
    let is_quote = |c: char| matches!(c, '"' | '\'' | '`' | '“' | '”' | '‘' | '’');
    if s.starts_with(is_quote) || s.ends_with(is_quote) {
        return err(CredentialErrorKind::Quoted);
    }
    if let Some((i, (byte, c))) = s
        .char_indices()
        .enumerate()
        .find(|(_, (_, c))| c.is_whitespace())
    {
        let place = if byte == 0 {
            WhitespacePlace::Start
        } else if s[byte..].chars().all(char::is_whitespace) {
            WhitespacePlace::End
        } else {
            WhitespacePlace::Inside
        };
        return err(CredentialErrorKind::Whitespace {
            place,
            position: i + 1,
            line_break: matches!(c, '\n' | '\r'),
        });
    }
    if let Some((i, c)) = s.chars().enumerate().find(|(_, c)| !c.is_ascii()) {
        return err(CredentialErrorKind::NonAscii {
            character: c,
            position: i + 1,
        });
    }
    if let Some((i, c)) = s.chars().enumerate().find(|(_, c)| c.is_ascii_control()) {
        return err(CredentialErrorKind::InvalidCharacter {
            character: c,
            position: i + 1,
        });
    }
    Ok(())
}

/// [`check_surface`], then the whole value's length: for credentials without a body of their
/// own (ids, opaque secrets).
fn check_surface_and_length(
    s: &str,
    slot: CredentialSlot,
    max_len: usize,
) -> Result<(), CredentialError> {
    check_surface(s, slot, max_len)?;
    if s.len() > max_len {
        return Err(CredentialError::new(
            slot,
            CredentialErrorKind::TooLong {
                len: s.len(),
                max: max_len,
            },
        ));
    }
    Ok(())
}

/// Checks a body (the part after the prefix, starting at byte `start` of `s`): ASCII letters
/// and digits, `min..=max` long.
fn check_body(
    s: &str,
    start: usize,
    slot: CredentialSlot,
    min: usize,
    max: usize,
) -> Result<(), CredentialError> {
    let body = &s[start..];
    if let Some((i, c)) = body
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphanumeric())
    {
        return Err(CredentialError::new(
            slot,
            CredentialErrorKind::InvalidCharacter {
                character: c,
                position: start + i + 1,
            },
        ));
    }
    let len = body.len();
    if len < min {
        return Err(CredentialError::new(
            slot,
            CredentialErrorKind::BodyTooShort { len, min },
        ));
    }
    if len > max {
        return Err(CredentialError::new(
            slot,
            CredentialErrorKind::BodyTooLong { len, max },
        ));
    }
    Ok(())
}

/// Parses a key-shaped credential (`sk_`, `rk_`, `pk_`) for `slot`, accepting the kinds in
/// `accept`. Returns the kind, mode and prefix.
fn parse_key(
    s: &str,
    slot: CredentialSlot,
    accept: &[StripeStringKind],
) -> Result<(StripeStringKind, Mode, &'static str), CredentialError> {
    // No overall length check: the body's own says what is too long (`body_too_long`).
    check_surface(s, slot, MAX_KEY_BODY_LEN + 8)?;
    let err = |kind| Err(CredentialError::new(slot, kind));
    match recognise(s) {
        Recognised::Key { kind, mode, prefix } if accept.contains(&kind) => {
            if s.len() == prefix.len() {
                return err(CredentialErrorKind::MissingBody { prefix });
            }
            check_body(s, prefix.len(), slot, MIN_KEY_BODY_LEN, MAX_KEY_BODY_LEN)?;
            Ok((kind, mode, prefix))
        }
        Recognised::Key {
            kind: StripeStringKind::PublishableKey,
            mode,
            ..
        } if slot == CredentialSlot::SecretKey => {
            err(CredentialErrorKind::PublishableKeyAsSecret { mode })
        }
        Recognised::Key { kind, .. } | Recognised::Other(kind) => {
            err(CredentialErrorKind::WrongKind { found: kind })
        }
        Recognised::UnknownMode { end } => err(CredentialErrorKind::UnknownMode {
            prefix: s[..end].to_owned(),
        }),
        Recognised::Unknown => err(CredentialErrorKind::UnknownPrefix),
    }
}

/// Parses an identifier with a fixed prefix (`acct_`, `ca_`).
fn parse_id(
    s: &str,
    slot: CredentialSlot,
    prefix: &'static str,
    own_kind: StripeStringKind,
) -> Result<(), CredentialError> {
    check_surface_and_length(s, slot, MAX_ID_LEN)?;
    match recognise(s) {
        Recognised::Other(kind) if kind == own_kind => {
            if s.len() == prefix.len() {
                return Err(CredentialError::new(
                    slot,
                    CredentialErrorKind::MissingBody { prefix },
                ));
            }
            check_body(s, prefix.len(), slot, 1, MAX_ID_LEN - prefix.len())
        }
        Recognised::Key { kind, .. } | Recognised::Other(kind) => Err(CredentialError::new(
            slot,
            CredentialErrorKind::WrongKind { found: kind },
        )),
        Recognised::UnknownMode { .. } | Recognised::Unknown => Err(CredentialError::new(
            slot,
            CredentialErrorKind::UnknownPrefix,
        )),
    }
}

/// Parses an opaque OAuth secret: printable ASCII without whitespace, not another known kind
/// of Stripe string that is public (a publishable key, a client or account id).
fn parse_opaque_secret(s: &str, slot: CredentialSlot) -> Result<(), CredentialError> {
    check_surface_and_length(s, slot, MAX_OPAQUE_SECRET_LEN)?;
    match recognise(s) {
        Recognised::Key {
            kind: StripeStringKind::PublishableKey,
            mode,
            ..
        } => Err(CredentialError::new(
            slot,
            CredentialErrorKind::PublishableKeyAsSecret { mode },
        )),
        Recognised::Other(
            found @ (StripeStringKind::ClientId
            | StripeStringKind::AccountId
            | StripeStringKind::WebhookSecret
            | StripeStringKind::PaymentIntentClientSecret
            | StripeStringKind::SetupIntentClientSecret
            | StripeStringKind::Token
            | StripeStringKind::PaymentMethod),
        ) => Err(CredentialError::new(
            slot,
            CredentialErrorKind::WrongKind { found },
        )),
        _ => Ok(()),
    }
}

/// `prefix…last4`: how Stripe's Dashboard shows a key. The last four are shown only when the
/// secret is long enough that they reveal little (at least 16 characters).
fn redact(prefix: &str, secret: &str) -> String {
    let mut out = String::with_capacity(prefix.len() + 8);
    out.push_str(prefix);
    out.push('…');
    if secret.len() >= 16 && secret.is_ascii() {
        out.push_str(&secret[secret.len() - 4..]);
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Secret key

/// A secret (`sk_…`) or restricted (`rk_…`) API key: the credential that authenticates API
/// requests (rules.md §1; S1 "Client Secret", S3 "Live API Key", S4 "Password").
///
/// Built only by parsing ([`FromStr`], or `Deserialize` with the `serde` feature, which goes
/// through the same parser). The key stays in a [`SecretString`]: `Debug` and
/// [`redacted`](Self::redacted) show `sk_live_…a1b2`; there is no `Display`, `Serialize` or
/// `PartialEq`.
///
/// ```
/// use stripe_gateway_rules::{Mode, SecretKey};
///
/// let key: SecretKey = "rk_test_51HxYzAbCdEfGhIjKlMnOpQr".parse()?;
/// assert!(key.is_restricted());
/// assert_eq!(key.mode(), Mode::Test);
/// assert_eq!(key.redacted(), "rk_test_…OpQr");
/// assert_eq!(key.expose_secret(), "rk_test_51HxYzAbCdEfGhIjKlMnOpQr");
/// # Ok::<(), stripe_gateway_rules::CredentialError>(())
/// ```
#[derive(Clone)]
pub struct SecretKey {
    secret: SecretString,
    restricted: bool,
    mode: Mode,
    prefix: &'static str,
}

impl SecretKey {
    /// Test or live, from the prefix.
    #[must_use]
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Whether this is a restricted key (`rk_…`), whose permissions the account owner chose.
    #[must_use]
    pub fn is_restricted(&self) -> bool {
        self.restricted
    }

    /// The key's prefix, such as `sk_live_`: not secret.
    #[must_use]
    pub fn prefix(&self) -> &'static str {
        self.prefix
    }

    /// The prefix and the last four characters, `sk_live_…a1b2`: safe to log and display.
    #[must_use]
    pub fn redacted(&self) -> String {
        redact(self.prefix, self.secret.expose_secret())
    }

    /// The whole key, to put in an `Authorization` header. This is the one way to read it.
    #[must_use]
    pub fn expose_secret(&self) -> &str {
        self.secret.expose_secret()
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecretKey({})", self.redacted())
    }
}

impl FromStr for SecretKey {
    type Err = CredentialError;

    /// Parses a secret or restricted key.
    ///
    /// # Errors
    ///
    /// A [`CredentialError`] for: an empty value; whitespace or line breaks anywhere
    /// (`" sk_live_…"`, `"sk_live_…\n"`); quotes; a `Bearer ` prefix; non-ASCII look-alikes
    /// (`ѕk_live_…` with a Cyrillic `ѕ`); a publishable key (`pk_live_…`, code
    /// `publishable_key_as_secret`); another Stripe string (`whsec_…`, `ca_…`, `acct_…`,
    /// `sk_org…`, `pi_…_secret_…`, `tok_…`, `pm_…`, code `wrong_credential_kind`); a prefix
    /// alone (`sk_live_`); an undocumented mode (`sk_prod_…`); an unknown prefix; a body that
    /// is not ASCII letters and digits or not 10 to 247 characters long.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (kind, mode, prefix) = parse_key(
            s,
            CredentialSlot::SecretKey,
            &[StripeStringKind::SecretKey, StripeStringKind::RestrictedKey],
        )?;
        Ok(SecretKey {
            secret: SecretString::from(s),
            restricted: kind == StripeStringKind::RestrictedKey,
            mode,
            prefix,
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Publishable key and identifiers: public strings

/// Implements `as_str`, `Display`, `AsRef<str>` and serde (through `FromStr`) for a public
/// string newtype.
macro_rules! public_string {
    ($ty:ident) => {
        impl $ty {
            /// The value as given.
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl TryFrom<&str> for $ty {
            type Error = CredentialError;

            fn try_from(s: &str) -> Result<Self, Self::Error> {
                s.parse()
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

/// A publishable key (`pk_test_…`, `pk_live_…`): identifies an account to Stripe.js and
/// mobile SDKs. It is not a secret (rules.md §1): `Display` prints it whole, and platforms
/// show it to tell accounts apart (S2 matches a reconnected account by it).
///
/// ```
/// use stripe_gateway_rules::{Mode, PublishableKey};
///
/// let key: PublishableKey = "pk_test_TYooMQauvdEDq54NiTphI7jx".parse()?;
/// assert_eq!(key.mode(), Mode::Test);
/// assert_eq!(key.to_string(), "pk_test_TYooMQauvdEDq54NiTphI7jx");
/// # Ok::<(), stripe_gateway_rules::CredentialError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PublishableKey(String, Mode);

impl PublishableKey {
    /// Test or live, from the prefix.
    #[must_use]
    pub fn mode(&self) -> Mode {
        self.1
    }
}

impl FromStr for PublishableKey {
    type Err = CredentialError;

    /// Parses a publishable key.
    ///
    /// # Errors
    ///
    /// A [`CredentialError`] for the same surface problems as [`SecretKey`] (empty,
    /// whitespace, quotes, non-ASCII, bad body), and `wrong_credential_kind` for a secret or
    /// restricted key or any other Stripe string. The message of a secret key in this slot
    /// never repeats the key.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (_, mode, _) = parse_key(
            s,
            CredentialSlot::PublishableKey,
            &[StripeStringKind::PublishableKey],
        )?;
        Ok(PublishableKey(s.to_owned(), mode))
    }
}

public_string!(PublishableKey);

/// A Stripe account id (`acct_…`), such as a connected account (rules.md §2; S2, S3).
///
/// Ids are opaque and up to 255 characters ("object IDs can contain up to 255 characters",
/// <https://docs.stripe.com/upgrades>); only the prefix and the character set are checked.
///
/// ```
/// use stripe_gateway_rules::AccountId;
///
/// let id: AccountId = "acct_1R3fqDP6919yCiFv".parse()?;
/// assert_eq!(id.to_string(), "acct_1R3fqDP6919yCiFv");
/// assert!("ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb".parse::<AccountId>().is_err());
/// # Ok::<(), stripe_gateway_rules::CredentialError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AccountId(String);

impl FromStr for AccountId {
    type Err = CredentialError;

    /// Parses an account id.
    ///
    /// # Errors
    ///
    /// A [`CredentialError`] for surface problems (empty, whitespace, quotes, non-ASCII), a
    /// missing `acct_` prefix, another Stripe string (`wrong_credential_kind`), or a body that
    /// is not ASCII letters and digits.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_id(
            s,
            CredentialSlot::AccountId,
            "acct_",
            StripeStringKind::AccountId,
        )?;
        Ok(AccountId(s.to_owned()))
    }
}

public_string!(AccountId);

/// A Connect platform's OAuth client id (`ca_…`; stripe-facts §3.3). "Each `client_id` is
/// either a live or test ID", but the id itself does not say which.
///
/// ```
/// use stripe_gateway_rules::ClientId;
///
/// let id: ClientId = "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb".parse()?;
/// assert_eq!(id.as_str(), "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb");
/// # Ok::<(), stripe_gateway_rules::CredentialError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClientId(String);

impl FromStr for ClientId {
    type Err = CredentialError;

    /// Parses a client id.
    ///
    /// # Errors
    ///
    /// As [`AccountId`], with the prefix `ca_`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_id(
            s,
            CredentialSlot::ClientId,
            "ca_",
            StripeStringKind::ClientId,
        )?;
        Ok(ClientId(s.to_owned()))
    }
}

public_string!(ClientId);

// ---------------------------------------------------------------------------------------------
// Opaque OAuth secrets

macro_rules! opaque_secret {
    ($ty:ident, $slot:expr, $name:literal) => {
        impl $ty {
            /// `…` and the last four characters (when the secret has at least 16): safe to log.
            #[must_use]
            pub fn redacted(&self) -> String {
                redact("", self.0.expose_secret())
            }

            /// The whole secret. This is the one way to read it.
            #[must_use]
            pub fn expose_secret(&self) -> &str {
                self.0.expose_secret()
            }
        }

        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!($name, "({})"), self.redacted())
            }
        }

        impl FromStr for $ty {
            type Err = CredentialError;

            /// Parses the secret: printable ASCII, no whitespace, at most
            /// [`MAX_OPAQUE_SECRET_LEN`] characters.
            ///
            /// # Errors
            ///
            /// A [`CredentialError`] for an empty value, whitespace or line breaks, quotes, a
            /// `Bearer ` prefix, non-ASCII characters, an absurd length, or a public Stripe
            /// string in this slot (a publishable key, a client or account id, a token…).
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                parse_opaque_secret(s, $slot)?;
                Ok($ty(SecretString::from(s)))
            }
        }
    };
}

/// An OAuth client secret (S3's "Client Secret" under OAuth2): opaque, kept in a
/// [`SecretString`], redacted in `Debug`.
///
/// ```
/// use stripe_gateway_rules::credentials::ClientSecret;
///
/// let secret: ClientSecret = "cs_9f8e7d6c5b4a39281706f5e4".parse()?;
/// assert_eq!(format!("{secret:?}"), "ClientSecret(…f5e4)");
/// # Ok::<(), stripe_gateway_rules::CredentialError>(())
/// ```
#[derive(Clone)]
pub struct ClientSecret(SecretString);

opaque_secret!(ClientSecret, CredentialSlot::ClientSecret, "ClientSecret");

/// An OAuth refresh token (S3's "Refresh Token"): opaque (Stripe does not document its
/// format; `rt_…` appears in third-party fixtures only), kept in a [`SecretString`].
///
/// ```
/// use stripe_gateway_rules::credentials::RefreshToken;
///
/// let token: RefreshToken = "rt_H5m2LqTnR8vWx3Yz0aBcDeFgHiJk".parse()?;
/// assert_eq!(token.redacted(), "…HiJk");
/// # Ok::<(), stripe_gateway_rules::CredentialError>(())
/// ```
#[derive(Clone)]
pub struct RefreshToken(SecretString);

opaque_secret!(RefreshToken, CredentialSlot::RefreshToken, "RefreshToken");

#[cfg(feature = "serde")]
mod serde_impls {
    use super::{ClientSecret, RefreshToken, SecretKey};
    use secrecy::{ExposeSecret, SecretString};

    /// Deserializes a secret through its parser without ever formatting the input into the
    /// error (serde's own string errors would).
    macro_rules! deserialize_secret {
        ($ty:ty) => {
            impl<'de> serde::Deserialize<'de> for $ty {
                fn deserialize<D: serde::Deserializer<'de>>(
                    deserializer: D,
                ) -> Result<Self, D::Error> {
                    let raw = SecretString::deserialize(deserializer)?;
                    raw.expose_secret()
                        .parse()
                        .map_err(serde::de::Error::custom)
                }
            }
        };
    }

    deserialize_secret!(SecretKey);
    deserialize_secret!(ClientSecret);
    deserialize_secret!(RefreshToken);
}

/// Recognises what kind of Stripe string `s` is by its prefix, if any. Useful to tell a user
/// what they pasted; it checks the prefix only.
///
/// ```
/// use stripe_gateway_rules::credentials::{recognise_stripe_string, StripeStringKind};
///
/// assert_eq!(recognise_stripe_string("whsec_abc"), Some(StripeStringKind::WebhookSecret));
/// assert_eq!(recognise_stripe_string("hello"), None);
/// ```
#[must_use]
pub fn recognise_stripe_string(s: &str) -> Option<StripeStringKind> {
    match recognise(s) {
        Recognised::Key { kind, .. } | Recognised::Other(kind) => Some(kind),
        Recognised::UnknownMode { .. } | Recognised::Unknown => None,
    }
}
