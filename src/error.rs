//! [`Error`]: any error of the crate, so that `?` composes across its calls.

use std::fmt;

use crate::api_version::ApiVersionError;
use crate::authorization::{InitiatorError, PresenceError};
use crate::card_brand::CardBrandError;
use crate::codes::Family;
use crate::config::ConfigFileError;
use crate::connection::{
    CallbackError, ConnectionError, LegacyPolicyError, OAuthError, TimeoutError, TokenResponseError,
};
use crate::credentials::{CredentialError, ModeError};
use crate::currency::CurrencyError;
use crate::data_protection::DataProtectionError;
use crate::diagnostics::{CodeError, PathError, Report};
use crate::money::{AmountError, ParseMoneyError};
#[cfg(feature = "serde")]
use crate::operation::LineError;
use crate::operation::Refusal;
use crate::profile::PlatformError;
use crate::stripe_error::ErrorBodyError;
use crate::version::GatewayVersionError;

/// Any error the crate returns, so that `?` composes across the crate's calls (as
/// `http::Error` does for `http`'s): every error type of the crate, [`Refusal`] and
/// [`Report`] convert into it with `From`.
///
/// [`code`](Self::code) is the inner error's stable code (for a [`Report`], its first
/// error's), [`family`](Self::family) the code's family, and [`get_ref`](Self::get_ref),
/// [`is`](Self::is) and [`downcast_ref`](Self::downcast_ref) reach the inner error. `Display`
/// is the inner error's message, never with a secret.
///
/// ```
/// use stripe_gateway_rules::config::Form;
/// use stripe_gateway_rules::{Money, credentials::SecretKey};
///
/// fn setup(key: &str, minimum: &str, config: &str) -> Result<(), stripe_gateway_rules::Error> {
///     let _key: SecretKey = key.parse()?; // a CredentialError
///     let _minimum: Money = minimum.parse()?; // a ParseMoneyError
///     let _config = Form::from_json(config)?; // a ConfigFileError
///     Ok(())
/// }
///
/// let key = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";
/// let e = setup("pk_test_4eC39HqLyjWDarjtT1zdp7dc", "0.50 USD", "{}").unwrap_err();
/// assert_eq!(e.code(), "publishable_key_as_secret");
/// assert!(e.is::<stripe_gateway_rules::credentials::CredentialError>());
/// let e = setup(key, "0.50USD", "{}").unwrap_err();
/// assert_eq!(e.code(), "money_format");
/// let e = setup(key, "0.50 USD", "[]").unwrap_err();
/// assert_eq!(e.code(), "not_an_object");
/// assert_eq!(e.family(), Some(stripe_gateway_rules::codes::Family::ConfigFile));
/// let file = e.downcast_ref::<stripe_gateway_rules::config::ConfigFileError>().unwrap();
/// assert_eq!((file.line(), file.column()), (1, 1));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(Box<Inner>);

macro_rules! inner {
    ($( $(#[$cfg:meta])* $variant:ident($ty:ty) => $family:ident ),* $(,)?) => {
        #[derive(Debug, Clone, PartialEq, Eq)]
        enum Inner {
            $( $(#[$cfg])* $variant($ty), )*
            Report(Report),
        }

        $(
            $(#[$cfg])*
            impl From<$ty> for Error {
                fn from(e: $ty) -> Self {
                    Error(Box::new(Inner::$variant(e)))
                }
            }
        )*

        impl Error {
            /// The inner error's stable code: its `code()` as text; for a [`Report`], the code
            /// of its first error (or first violation).
            #[must_use]
            pub fn code(&self) -> &str {
                match &*self.0 {
                    $( $(#[$cfg])* Inner::$variant(e) => e.code().as_str(), )*
                    Inner::Report(r) => r
                        .errors()
                        .chain(r.violations())
                        .next()
                        .map_or(crate::codes::ViolationCode::InvalidValue.as_str(), |v| {
                            v.code().as_str()
                        }),
                }
            }

            /// The family of [`code`](Self::code); `None` for a report whose first error has
            /// a platform's own code.
            #[must_use]
            pub fn family(&self) -> Option<Family> {
                match &*self.0 {
                    $( $(#[$cfg])* Inner::$variant(_) => Some(Family::$family), )*
                    Inner::Report(r) => match r.errors().chain(r.violations()).next() {
                        Some(v) if v.code().is_platform() => None,
                        _ => Some(Family::Violation),
                    },
                }
            }

            /// The inner error.
            #[must_use]
            pub fn get_ref(&self) -> &(dyn std::error::Error + Send + Sync + 'static) {
                match &*self.0 {
                    $( $(#[$cfg])* Inner::$variant(e) => e, )*
                    Inner::Report(r) => r,
                }
            }
        }
    };
}

inner! {
    Credential(CredentialError) => Credential,
    Amount(AmountError) => Money,
    ParseMoney(ParseMoneyError) => Money,
    Currency(CurrencyError) => Currency,
    ApiVersion(ApiVersionError) => ApiVersion,
    Timeout(TimeoutError) => Timeout,
    OAuth(OAuthError) => OAuth,
    Callback(CallbackError) => OAuthCallback,
    TokenResponse(TokenResponseError) => OAuthToken,
    Connection(ConnectionError) => Connection,
    LegacyPolicy(LegacyPolicyError) => LegacyPolicy,
    ErrorBody(ErrorBodyError) => StripeErrorBody,
    ConfigFile(ConfigFileError) => ConfigFile,
    #[cfg(feature = "serde")]
    Line(LineError) => OperationLine,
    Refusal(Refusal) => Refusal,
    Mode(ModeError) => Value,
    GatewayVersion(GatewayVersionError) => Value,
    DataProtection(DataProtectionError) => Value,
    Initiator(InitiatorError) => Value,
    Presence(PresenceError) => Value,
    Platform(PlatformError) => Value,
    CardBrand(CardBrandError) => Value,
    Path(PathError) => Value,
    Code(CodeError) => Value,
}

impl From<Report> for Error {
    fn from(report: Report) -> Self {
        Error(Box::new(Inner::Report(report)))
    }
}

impl Error {
    /// Whether the inner error is a `T`.
    #[must_use]
    pub fn is<T: std::error::Error + 'static>(&self) -> bool {
        self.get_ref().is::<T>()
    }

    /// The inner error, if it is a `T`.
    #[must_use]
    pub fn downcast_ref<T: std::error::Error + 'static>(&self) -> Option<&T> {
        self.get_ref().downcast_ref::<T>()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.get_ref(), f)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.get_ref().source()
    }
}
