//! Every code the crate reports, in one table: the violations of a form, the refusals of an
//! operation, and the parse errors of each value, with severity, rule and source.
//!
//! Codes are snake_case and stable: a code never changes meaning, and a renamed code is
//! listed in the CHANGELOG with its replacement. Each [`Family`] is its own namespace: within
//! a family no two codes are the same, and a code that appears in two families means the same
//! thing in both (`amount_precision` is the money rule, whether [`Money::to_minor_units`]
//! returns it or [`ValidatedGateway::check`] refuses with it).
//!
//! [`Money::to_minor_units`]: crate::Money::to_minor_units
//! [`ValidatedGateway::check`]: crate::ValidatedGateway::check
//!
//! The tables: [`ViolationCode`], [`RefusalCode`], and [`PARSE_CODES`] for the parse errors of
//! each value type; [`catalogue`] walks all of them.

use std::fmt;

use crate::diagnostics::Code;

/// The kinds of code, each its own namespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Family {
    /// [`ViolationCode`]: what is wrong with a form (gateway configuration, connection
    /// settings, auth scheme, OAuth callback).
    Violation,
    /// [`RefusalCode`]: why [`ValidatedGateway::check`](crate::ValidatedGateway::check)
    /// refuses an operation.
    Refusal,
    /// [`CredentialError::code`](crate::CredentialError::code): why a key or id did not parse.
    Credential,
    /// [`AmountError::code`](crate::AmountError::code) and
    /// [`ParseMoneyError::code`](crate::ParseMoneyError::code): money that breaks a currency's
    /// rules or does not parse.
    Money,
    /// [`CurrencyError::code`](crate::CurrencyError::code): a currency code that does not parse.
    Currency,
    /// [`ApiVersionError::code`](crate::api_version::ApiVersionError::code): an API version that
    /// does not parse.
    ApiVersion,
    /// [`TimeoutError::code`](crate::connection::TimeoutError::code): a timeout that does not
    /// parse.
    Timeout,
    /// [`OAuthError::code`](crate::connection::OAuthError::code): an authorize request's
    /// state, scope or redirect URI refused.
    OAuth,
    /// [`CallbackError::code`](crate::connection::CallbackError::code): Stripe's OAuth callback
    /// refused (Stripe's own error codes among them).
    OAuthCallback,
    /// [`TokenResponseError::code`](crate::connection::TokenResponseError::code): Stripe's OAuth
    /// token response refused.
    OAuthToken,
    /// [`ConnectionError::code`](crate::ConnectionError::code): a connection refused.
    Connection,
    /// [`ErrorBodyError::code`](crate::diagnosis::ErrorBodyError::code): a Stripe error body
    /// that cannot be read.
    StripeErrorBody,
    /// [`DiagnosisKind::code`](crate::DiagnosisKind::code): what a Stripe error means for the
    /// configuration.
    Diagnosis,
    /// [`ConfigFileError::code`](crate::config::ConfigFileError::code): a file that cannot be
    /// read as a configuration at all.
    ConfigFile,
}

impl Family {
    /// The family's name: `violation`, `refusal`, `credential`, `money`, `currency`,
    /// `api_version`, `timeout`, `oauth`, `oauth_callback`, `oauth_token`, `connection`,
    /// `stripe_error_body`, `diagnosis`, `config_file`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Family::Violation => "violation",
            Family::Refusal => "refusal",
            Family::Credential => "credential",
            Family::Money => "money",
            Family::Currency => "currency",
            Family::ApiVersion => "api_version",
            Family::Timeout => "timeout",
            Family::OAuth => "oauth",
            Family::OAuthCallback => "oauth_callback",
            Family::OAuthToken => "oauth_token",
            Family::Connection => "connection",
            Family::StripeErrorBody => "stripe_error_body",
            Family::Diagnosis => "diagnosis",
            Family::ConfigFile => "config_file",
        }
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// One code of the table: its family, how bad it is, the rule behind it and where the rule
/// comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct CodeInfo {
    /// The code.
    pub code: &'static str,
    /// Its namespace.
    pub family: Family,
    /// `error`, `warning`, `error or warning`, or `refusal`.
    pub severity: &'static str,
    /// The rule, in one sentence.
    pub rule: &'static str,
    /// Where the rule comes from: the platforms' documents (S0–S4) and Stripe's pages, by
    /// section of the rules catalogue.
    pub source: &'static str,
}

macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $family:expr, {
            $( $(#[$doc:meta])* $variant:ident => $code:literal, $severity:literal, $rule:literal, $source:literal; )*
        }
    ) => {
        $(#[$meta])*
        ///
        /// | code | severity | rule | source |
        /// | --- | --- | --- | --- |
        $( #[doc = concat!("| `", $code, "` | ", $severity, " | ", $rule, " | ", $source, " |")] )*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$doc])* $variant, )*
        }

        impl $name {
            /// Every code, in the order of the table.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The stable snake_case code.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $code, )*
                }
            }

            /// The code's row of the table.
            #[must_use]
            pub const fn info(self) -> CodeInfo {
                match self {
                    $( $name::$variant => CodeInfo {
                        code: $code,
                        family: $family,
                        severity: $severity,
                        rule: $rule,
                        source: $source,
                    }, )*
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl From<$name> for Code {
            fn from(code: $name) -> Code {
                Code::of_crate(code.as_str())
            }
        }

        impl PartialEq<$name> for Code {
            fn eq(&self, other: &$name) -> bool {
                !self.is_platform() && self.as_str() == other.as_str()
            }
        }

        impl PartialEq<$name> for &Code {
            fn eq(&self, other: &$name) -> bool {
                **self == *other
            }
        }

        impl TryFrom<&Code> for $name {
            type Error = ();

            /// The crate's code behind a [`Code`]; `Err(())` for a platform's code or another
            /// family's.
            fn try_from(code: &Code) -> Result<Self, ()> {
                if code.is_platform() {
                    return Err(());
                }
                Self::ALL.iter().copied().find(|c| c.as_str() == code.as_str()).ok_or(())
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }

        #[cfg(feature = "serde")]
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

code_enum! {
    /// What rule a [`Violation`](crate::diagnostics::Violation) of one of the crate's forms
    /// breaks.
    ViolationCode, Family::Violation, {
        /// The secret key is not a Stripe secret or restricted key.
        InvalidSecretKey => "invalid_secret_key", "error",
            "the secret key is a Stripe secret (`sk_`) or restricted (`rk_`) key", "rules §1; S1, S3, S4";
        /// A publishable key sits where a secret key belongs.
        PublishableKeyAsSecret => "publishable_key_as_secret", "error",
            "a publishable key cannot authenticate API requests", "rules §1; stripe-facts §3.1";
        /// Another kind of Stripe string in a credential field.
        WrongCredentialKind => "wrong_credential_kind", "error",
            "another Stripe string (`whsec_`, `ca_`, `acct_`, `sk_org`, `pi_…_secret_…`, `tok_`, `pm_`, a secret key in the publishable slot) is not this credential", "rules §1";
        /// A key's mode (test/live) differs from the configuration's mode.
        KeyModeMismatch => "key_mode_mismatch", "error or warning",
            "a key's mode is the configuration's `mode`; a test key in a form's live key field (S3 \"Live API Key\") is a warning", "rules §1; S3, S4";
        /// The secret and publishable keys are of different modes.
        KeyPairModeMismatch => "key_pair_mode_mismatch", "error",
            "the publishable key's mode is the secret key's", "rules §1";
        /// A required field is absent or empty.
        MissingField => "missing_field", "error",
            "a required field is present and not empty", "S1 (\"Mandatory field\"), S3, S4";
        /// A field's value cannot be parsed or is out of range.
        InvalidValue => "invalid_value", "error",
            "a value parses and is in range", "rules §1–§10";
        /// A value of the wrong JSON type in a configuration file (a number where a string
        /// belongs, a string where `true` or `false` belongs).
        WrongType => "wrong_type", "error",
            "each field of a configuration file has its JSON type", "rules §10";
        /// A field the configuration file format does not have (a misspelt name, say).
        UnknownField => "unknown_field", "error",
            "a configuration file has only the format's fields", "rules §10";
        /// A field given twice in the same object of a configuration file.
        DuplicateField => "duplicate_field", "error",
            "a field is given once in its object", "rules §10";
        /// Gateway V1: an error for a new configuration, a warning for an existing one.
        LegacyVersion => "legacy_version", "error or warning",
            "\"Stripe V1 (legacy - do not create new)\": error for a new gateway, warning for an existing one", "rules §3; S0";
        /// The platform sends card numbers to Stripe without raw card data access.
        RawCardDataRequired => "raw_card_data_required", "error or warning",
            "V1, or a platform that sends card numbers (any `data_protection`), needs raw card data access; a warning where the form has no field for the account setting", "rules §3, §11; S0, S4; stripe-facts §5";
        /// V2 in live mode without a return URL for SCA redirects.
        ReturnUrlRequired => "return_url_required", "error",
            "V2 in live mode needs a return URL for SCA redirects", "rules §3; S0";
        /// A return URL that is not https in live mode.
        ReturnUrlInsecure => "return_url_insecure", "error",
            "the return URL is https in live mode", "rules §3";
        /// No card brand is enabled.
        NoCardBrands => "no_card_brands", "error",
            "at least one card brand is enabled", "rules §10; S4";
        /// An enabled card brand refuses an assigned currency.
        BrandCurrencyUnsupported => "brand_currency_unsupported", "error",
            "American Express refuses some currencies; UnionPay takes only USD and CAD", "rules §10; stripe-facts §7";
        /// A currency Stripe does not present.
        UnsupportedCurrency => "unsupported_currency", "error",
            "a currency is one of Stripe's presentment currencies", "rules §5";
        /// A currency assigned twice.
        DuplicateCurrency => "duplicate_currency", "error",
            "a currency is assigned once", "rules §6; S4";
        /// A minimum payment that is not positive or finer than the currency allows.
        InvalidMinimum => "invalid_minimum", "error",
            "a minimum payment is positive and no finer than the currency allows", "rules §5, §6";
        /// A minimum payment below Stripe's minimum charge.
        MinimumBelowStripe => "minimum_below_stripe", "error",
            "a minimum payment reaches Stripe's minimum for the settlement currency, after conversion", "rules §6; stripe-facts §1.1; S4";
        /// No exchange rate: the minimum was compared with its own currency's entry.
        MinimumApproximate => "minimum_approximate", "warning",
            "without a rate, a minimum is compared with its own currency's entry, approximately", "rules §6";
        /// No exchange rate and no table entry: the minimum cannot be checked.
        MinimumUnverifiable => "minimum_unverifiable", "warning",
            "without a rate or a table entry, a minimum cannot be checked", "rules §6";
        /// The account states its own amount limits (`account.limits`): the report names
        /// them, and the checks use them.
        AccountLimitsStated => "account_limits_stated", "warning",
            "the account's own amount limits replace the API reference's maximum or Stripe's minimum only where stated, and the report names them", "rules §5, §6; stripe-facts §1.1, §1.2";
        /// Live mode before a test transaction with a live card.
        LiveCardTestMissing => "live_card_test_missing", "warning",
            "a test transaction with a live card comes before live mode", "rules §3; S0";
        /// An active connection that is neither a source nor a target.
        NoRole => "no_role", "warning",
            "an active connection is a source, a target or both", "rules §9; S1";
        /// An API version well formed but not in the crate's table of published versions.
        UnknownApiVersion => "unknown_api_version", "warning",
            "an API version is one Stripe has published", "rules §9; stripe-facts §9";
        /// The OAuth callback carries an error from Stripe (the user denied access…).
        OauthDenied => "oauth_denied", "error",
            "Stripe's OAuth callback carries a code, not an error", "rules §9; stripe-facts §6";
        /// The OAuth callback's `state` is missing or is not the one sent.
        OauthStateMismatch => "oauth_state_mismatch", "error",
            "the OAuth callback's `state` is the one sent with the authorize URL", "rules §9; stripe-facts §6";
        /// PortaBilling's Login has 4 characters or fewer.
        LoginTooShort => "login_too_short", "error",
            "the Login is obligatory and longer than 4 characters, though Add-on Mart ignores it", "rules §11; S4";
        /// A field the platform's form does not have: ignored.
        FieldNotOnForm => "field_not_on_form", "warning",
            "a configuration carries only the fields of its platform's form; others are ignored", "rules §11";
        /// A restricted key: it works only with the permissions it was given.
        RestrictedKey => "restricted_key", "warning",
            "a restricted key (`rk_`) must allow what the platform's operations need", "rules §1; stripe-facts §3";
        /// A configuration without the fields a payment gateway needs was asked to become one.
        PaymentFieldsMissing => "payment_fields_missing", "error",
            "a gateway that takes payments has an account's settlement currency and assigned currencies", "rules §11";
    }
}

code_enum! {
    /// Why [`ValidatedGateway::check`](crate::ValidatedGateway::check) refuses an operation.
    RefusalCode, Family::Refusal, {
        /// Void is not available.
        VoidUnsupported => "void_unsupported", "refusal",
            "no void: an authorization lapses by itself after its window; a captured payment is reversed by a refund", "rules §7; S4";
        /// The currency is not assigned to the gateway.
        CurrencyNotAssigned => "currency_not_assigned", "refusal",
            "the currency is assigned to the gateway", "rules §6; S4";
        /// The amount is zero or negative.
        AmountNotPositive => "amount_not_positive", "refusal",
            "payments, captures and refunds are positive", "rules §5";
        /// The amount is finer than the currency allows.
        AmountPrecision => "amount_precision", "refusal",
            "an amount is no finer than the currency allows (JPY has no decimals)", "rules §5; stripe-facts §2";
        /// The amount is not a multiple Stripe accepts.
        AmountNotMultiple => "amount_not_multiple", "refusal",
            "ISK and UGX in whole units; BHD, JOD, KWD, OMR, TND with the last digit 0", "rules §5; stripe-facts §2.3, §2.4";
        /// The amount is above the maximum.
        AmountTooLarge => "amount_too_large", "refusal",
            "at most 8 digits in minor units (IDR 12), or the account's own limit", "rules §5; stripe-facts §1.2";
        /// Below the configured minimum; the end user's text is S4's.
        BelowMinimum => "below_minimum", "refusal",
            "a sale or authorization reaches the currency's configured minimum", "rules §6; S4";
        /// A capture or refund in another currency than the original payment.
        CurrencyMismatch => "currency_mismatch", "refusal",
            "a capture or refund is in the currency of what it captures or refunds", "rules §7";
        /// A capture of more than was authorized.
        CaptureExceedsAuthorized => "capture_exceeds_authorized", "refusal",
            "a capture is at most the authorized amount", "rules §7; stripe-facts §4";
        /// A capture after the authorization window.
        AuthorizationExpired => "authorization_expired", "refusal",
            "a capture is no later than the authorization window (or `capture_before`)", "rules §7; stripe-facts §4";
        /// A refund of more than what is left to refund.
        RefundExceedsCaptured => "refund_exceeds_captured", "refusal",
            "a refund is at most what was captured and not yet refunded", "rules §7";
        /// Token-only mode: creating the token needs the customer's email.
        EmailRequired => "email_required", "refusal",
            "token-only mode: the payment with a new card creates the token and needs the customer's email; so does saving a payment method", "rules §8; S4";
        /// The customer's email is not a valid address.
        InvalidEmail => "invalid_email", "refusal",
            "the customer's email is a valid address", "rules §8; S4";
    }
}

/// Every code the crate reports with its row: violations, refusals and parse errors.
///
/// ```
/// use stripe_gateway_rules::codes::{Family, catalogue};
///
/// let row = catalogue().find(|c| c.code == "below_minimum").unwrap();
/// assert_eq!(row.family, Family::Refusal);
/// ```
pub fn catalogue() -> impl Iterator<Item = CodeInfo> {
    ViolationCode::ALL
        .iter()
        .map(|c| c.info())
        .chain(RefusalCode::ALL.iter().map(|c| c.info()))
        .chain(PARSE_CODES.iter().copied())
}

/// The rows of `code` in every family it belongs to (most codes belong to one).
pub fn lookup(code: &str) -> impl Iterator<Item = CodeInfo> + '_ {
    catalogue().filter(move |c| c.code == code)
}

macro_rules! parse_codes {
    ($( $family:ident $code:literal, $rule:literal, $source:literal; )*) => {
        /// The parse-error codes of the value types, each an error of its [`Family`].
        ///
        /// | code | family | rule | source |
        /// | --- | --- | --- | --- |
        $( #[doc = concat!("| `", $code, "` | ", stringify!($family), " | ", $rule, " | ", $source, " |")] )*
        pub const PARSE_CODES: &[CodeInfo] = &[
            $( CodeInfo {
                code: $code,
                family: Family::$family,
                severity: "error",
                rule: $rule,
                source: $source,
            }, )*
        ];
    };
}

parse_codes! {
    Credential "empty", "a credential is not empty", "rules §1";
    Credential "too_long", "a credential is at most a few hundred characters", "rules §1";
    Credential "bearer_prefix", "a key is pasted without `Bearer `", "rules §1";
    Credential "quoted", "a key is pasted without quotes", "rules §1";
    Credential "whitespace", "a key has no spaces or line breaks; nothing is trimmed", "rules §1";
    Credential "non_ascii", "a key is ASCII (look-alike letters are refused)", "rules §1";
    Credential "invalid_character", "a key's body is letters and digits", "rules §1";
    Credential "publishable_key_as_secret", "a publishable key cannot authenticate API requests", "rules §1; stripe-facts §3.1";
    Credential "wrong_credential_kind", "another Stripe string is not this credential", "rules §1";
    Credential "missing_body", "a key has a body after its prefix", "rules §1";
    Credential "unknown_mode", "a key's mode is `test` or `live`", "rules §1; stripe-facts §3";
    Credential "unknown_prefix", "a credential starts with its kind's prefix", "rules §1; stripe-facts §3";
    Credential "body_too_short", "a key's body is as long as Stripe's shortest", "rules §1; stripe-facts §3";
    Credential "body_too_long", "a key's body is no longer than Stripe's longest", "rules §1; stripe-facts §3";
    Money "amount_precision", "an amount is no finer than the currency allows", "rules §5; stripe-facts §2";
    Money "amount_not_multiple", "ISK and UGX in whole units; three-decimal currencies with the last digit 0", "rules §5; stripe-facts §2.3, §2.4";
    Money "amount_too_large", "at most 8 digits in minor units (IDR 12), or the account's own limit", "rules §5; stripe-facts §1.2";
    Money "amount_not_positive", "the amount is positive where the operation needs it", "rules §5";
    Money "payout_amount_not_multiple", "HUF and TWD payouts are multiples of 100", "rules §5; stripe-facts §2.4";
    Money "amount_overflow", "a conversion never overflows silently", "rules §5";
    Money "conversion_inexact", "a conversion is exact or refused", "rules §5";
    Money "currency_mismatch", "amounts compared or converted are in the expected currencies", "rules §5";
    Money "invalid_exchange_rate", "an exchange rate is positive", "rules §6";
    Money "exchange_rate_mismatch", "a rate converts from the amount's currency", "rules §6";
    Money "money_format", "money is written `0.50 USD`", "rules §5, §6";
    Money "money_amount_syntax", "an amount is a decimal number", "rules §5";
    Money "money_amount_out_of_range", "an amount fits a 96-bit decimal", "rules §5";
    Currency "currency_empty", "a currency code is not empty", "rules §5";
    Currency "currency_whitespace", "a currency code has no spaces", "rules §5";
    Currency "currency_non_ascii", "a currency code is ASCII", "rules §5";
    Currency "currency_wrong_length", "a currency code has three letters", "rules §5";
    Currency "currency_not_a_letter", "a currency code is letters", "rules §5";
    Currency "currency_withdrawn", "a withdrawn ISO code (STD, ANG) cannot be represented", "rules §5";
    Currency "currency_unknown", "a currency code is an ISO 4217 code", "rules §5";
    ApiVersion "empty", "an API version is not empty", "rules §9";
    ApiVersion "too_long", "an API version is at most a few dozen characters", "rules §9";
    ApiVersion "whitespace", "an API version has no spaces", "rules §9";
    ApiVersion "non_ascii", "an API version is ASCII", "rules §9";
    ApiVersion "shape", "an API version is `YYYY-MM-DD` or `YYYY-MM-DD.name`", "rules §9; stripe-facts §9";
    ApiVersion "invalid_month", "an API version's month exists", "rules §9";
    ApiVersion "invalid_day", "an API version's day exists in its month", "rules §9";
    ApiVersion "empty_release", "a release name follows the dot", "rules §9; stripe-facts §9";
    ApiVersion "invalid_release_character", "a release name is lowercase letters", "rules §9; stripe-facts §9";
    ApiVersion "missing_release", "a version from 2024-09-30 on names its release", "rules §9; stripe-facts §9";
    ApiVersion "release_mismatch", "a known release name matches the version's date", "rules §9; stripe-facts §9";
    Timeout "empty", "a timeout is typed", "rules §9; S1";
    Timeout "not_a_number", "a timeout is a whole number of milliseconds", "rules §9; S1";
    Timeout "negative", "a timeout is positive", "rules §9; S1";
    Timeout "zero", "a timeout is more than zero", "rules §9; S1";
    Timeout "too_large", "a timeout is at most 600000 ms (10 minutes)", "rules §9; S1";
    OAuth "state_empty", "an OAuth state is not empty", "rules §9; stripe-facts §6";
    OAuth "state_too_short", "an OAuth state has at least 16 characters", "rules §9; stripe-facts §6";
    OAuth "state_too_long", "an OAuth state has at most 512 characters", "rules §9";
    OAuth "state_invalid_character", "an OAuth state is printable ASCII", "rules §9";
    OAuth "scope_unknown", "the scope is `read_write` or `read_only`", "rules §9; stripe-facts §6";
    OAuth "redirect_uri_not_web", "a redirect URI is an http(s) URL with a host", "rules §9; stripe-facts §6";
    OAuth "redirect_uri_not_https", "a live-mode redirect URI is https", "rules §9; stripe-facts §6";
    OAuth "redirect_uri_invalid", "a redirect URI is an absolute URL without whitespace", "rules §9; stripe-facts §6";
    OAuth "redirect_uri_has_credentials", "a redirect URI has no user name or password", "rules §9";
    OAuth "redirect_uri_has_fragment", "a redirect URI has no fragment", "rules §9";
    OAuth "state_holds_secret", "an OAuth state holds no Stripe secret: it travels in the address bar", "rules §1, §9";
    OAuth "redirect_uri_holds_secret", "a redirect URI holds no Stripe secret: it travels in the address bar", "rules §1, §9";
    OAuthCallback "access_denied", "Stripe's error: the user denied the connection", "rules §9; stripe-facts §6";
    OAuthCallback "invalid_scope", "Stripe's error: the authorize request's scope was refused", "rules §9; stripe-facts §6";
    OAuthCallback "invalid_redirect_uri", "Stripe's error: the redirect URI is not the registered one", "rules §9; stripe-facts §6";
    OAuthCallback "invalid_request", "Stripe's error: a parameter of the authorize request is missing", "rules §9; stripe-facts §6";
    OAuthCallback "unsupported_response_type", "Stripe's error: the response type is not `code`", "rules §9; stripe-facts §6";
    OAuthCallback "oauth_error", "Stripe's error, another code than the documented ones", "rules §9; stripe-facts §6";
    OAuthCallback "state_missing", "the callback carries the state sent", "rules §9; stripe-facts §6";
    OAuthCallback "state_mismatch", "the callback's state is the one sent", "rules §9; stripe-facts §6";
    OAuthCallback "code_missing", "the callback carries an authorization code", "rules §9; stripe-facts §6";
    OAuthCallback "code_invalid", "the authorization code is `ac_…`", "rules §9; stripe-facts §6";
    OAuthCallback "scope_unknown", "the callback's scope is `read_write` or `read_only`", "rules §9; stripe-facts §6";
    OAuthCallback "duplicate_parameter", "each callback parameter appears once", "rules §9";
    OAuthToken "oauth_error", "Stripe answered the token request with an error", "rules §9; stripe-facts §6";
    OAuthToken "syntax", "the token response is JSON", "rules §9";
    OAuthToken "missing_field", "the token response has `stripe_user_id` and `livemode`", "rules §9; stripe-facts §6";
    OAuthToken "wrong_type", "each token response field has its JSON type", "rules §9";
    OAuthToken "invalid_field", "the account id, publishable key and refresh token parse", "rules §9; rules §1";
    OAuthToken "scope_unknown", "the token's scope is `read_write` or `read_only`", "rules §9; stripe-facts §6";
    OAuthToken "token_type", "the token type is `bearer`", "rules §9; stripe-facts §6";
    OAuthToken "mode_mismatch", "the publishable key's mode is the token's `livemode`", "rules §9; rules §1";
    Connection "account_mismatch", "reconnecting picks the same Stripe account as before", "rules §9; S2";
    Connection "already_integrated", "an account is connected to this platform once", "rules §9; S2";
    Connection "account_ineligible", "an account connected to another platform cannot be added", "rules §9; S2";
    Connection "duplicate_connection", "one connection per Stripe account", "rules §9; S2";
    Connection "connection_not_found", "the connection looked up exists", "rules §9; S2";
    StripeErrorBody "empty", "a Stripe error body is not empty", "rules §12";
    StripeErrorBody "too_large", "a Stripe error body is at most 1 MiB", "rules §12";
    StripeErrorBody "byte_order_mark", "a Stripe error body has no byte-order mark", "rules §12";
    StripeErrorBody "syntax", "a Stripe error body is JSON", "rules §12";
    StripeErrorBody "truncated", "a Stripe error body is complete", "rules §12";
    StripeErrorBody "not_an_object", "a Stripe error body is a JSON object", "rules §12";
    StripeErrorBody "no_error_fields", "a Stripe error body has Stripe's error fields", "rules §12";
    StripeErrorBody "wrong_type", "each error field has its JSON type", "rules §12";
    Diagnosis "raw_card_data_refused", "Stripe refused card numbers sent without raw card data access", "rules §3; stripe-facts §5";
    Diagnosis "amount_too_small", "a charge below Stripe's minimum", "rules §6; stripe-facts §1.1";
    Diagnosis "livemode_mismatch", "a key of the other mode", "rules §1; stripe-facts §3";
    Diagnosis "secret_key_required", "a publishable key used where a secret key is needed", "rules §1; stripe-facts §3.1";
    Diagnosis "api_key_expired", "an expired or rolled API key", "rules §1; stripe-facts §3";
    Diagnosis "platform_api_key_expired", "the platform's key for a connected account expired", "rules §9; stripe-facts §6";
    Diagnosis "charge_expired_for_capture", "a capture after the authorization window", "rules §7; stripe-facts §4";
    Diagnosis "uncaptured_charge_refund", "a refund of an uncaptured payment (cancel it instead)", "rules §7; stripe-facts §4";
    Diagnosis "amount_too_large", "an amount above Stripe's maximum", "rules §5; stripe-facts §1.2";
    ConfigFile "not_utf8", "a configuration file is UTF-8 text", "rules §10";
    ConfigFile "not_json", "a configuration file is JSON", "rules §10";
    ConfigFile "truncated", "a configuration file's JSON is complete", "rules §10";
    ConfigFile "not_an_object", "a configuration file is a JSON object at the top level", "rules §10";
    ConfigFile "too_deep", "a configuration file nests lists and objects at most 64 deep", "rules §10";
    ConfigFile "too_large", "a configuration file is at most 1 MiB", "rules §10";
}
