//! Every code the crate and its command-line tool report, in one catalogue: the violations of
//! a form, the refusals of an operation, the errors of each value parser, with severity, rule
//! and source.
//!
//! Codes are snake_case and stable: a code never changes meaning, and a renamed code is
//! listed in the CHANGELOG with its replacement. Each [`Family`] is an enum of its codes and
//! its own namespace: within a family no two codes are the same, and a code that appears in
//! two families means the same thing in both (`amount_precision` is the money rule, whether
//! [`Money::to_minor_units`] returns it or [`ValidatedGateway::check`] refuses with it).
//!
//! [`Money::to_minor_units`]: crate::Money::to_minor_units
//! [`ValidatedGateway::check`]: crate::ValidatedGateway::check
//!
//! Every error type's `code()` returns its family's enum, and [`catalogue`] walks every
//! family's enum, so the catalogue holds every code the crate can return, by construction.
//! [`by_code`] groups it by code string, each code once with the families it belongs to (what
//! `stripe-gateway-rules explain --list` prints).

use std::fmt;

use crate::diagnostics::Code;

/// One code of the catalogue: its family, how bad it is, the rule behind it and where the
/// rule comes from.
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
    /// section of the rules catalogue ([`source_refs`] names them by title).
    pub source: &'static str,
    /// What to do, written for this code: the remedy the library's errors, the reports and
    /// the tool give for it (its family enum's `remedy()`; a violation's report may name the
    /// field and value besides).
    pub remedy: &'static str,
}

/// Whether two strings are equal, in a `const` context.
const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

macro_rules! families {
    ($( $(#[$doc:meta])* $variant:ident => $codes:ident, $name:literal; )*) => {
        /// The kinds of code, each an enum of its codes and its own namespace.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum Family {
            $( $(#[$doc])* #[doc = concat!("\n\nIts codes: [`", stringify!($codes), "`]; its name: `", $name, "`.")] $variant, )*
        }

        impl Family {
            /// Every family, in the order of the catalogue.
            pub const ALL: &'static [Family] = &[$(Family::$variant,)*];

            /// The family's name, snake_case.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( Family::$variant => $name, )*
                }
            }

            /// The family's rows, in the order of its enum.
            #[must_use]
            pub const fn rows(self) -> &'static [CodeInfo] {
                match self {
                    $( Family::$variant => $codes::ROWS, )*
                }
            }
        }
    };
}

families! {
    /// What is wrong with a form (gateway configuration, connection settings, auth scheme,
    /// OAuth callback).
    Violation => ViolationCode, "violation";
    /// Why [`ValidatedGateway::check`](crate::ValidatedGateway::check) refuses an operation.
    Refusal => RefusalCode, "refusal";
    /// Why a key or id did not parse.
    Credential => CredentialCode, "credential";
    /// Money that breaks a currency's rules or does not parse.
    Money => MoneyCode, "money";
    /// A currency code that does not parse.
    Currency => CurrencyCode, "currency";
    /// An API version that does not parse.
    ApiVersion => ApiVersionCode, "api_version";
    /// A timeout that does not parse.
    Timeout => TimeoutCode, "timeout";
    /// An authorize request's state, scope or redirect URI refused.
    OAuth => OAuthCode, "oauth";
    /// Stripe's OAuth callback refused (Stripe's own error codes among them).
    OAuthCallback => OAuthCallbackCode, "oauth_callback";
    /// Stripe's OAuth token response refused.
    OAuthToken => OAuthTokenCode, "oauth_token";
    /// A connection refused.
    Connection => ConnectionCode, "connection";
    /// A legacy-credential policy refused.
    LegacyPolicy => LegacyPolicyCode, "legacy_policy";
    /// A Stripe error body that cannot be read.
    StripeErrorBody => ErrorBodyCode, "stripe_error_body";
    /// What a Stripe error means for the configuration.
    Diagnosis => DiagnosisCode, "diagnosis";
    /// Who has to act on a Stripe error.
    StripeErrorCategory => ErrorCategoryCode, "stripe_error_category";
    /// A file that cannot be read as a configuration at all.
    ConfigFile => ConfigFileCode, "config_file";
    /// A line of operations that is not a valid operation.
    OperationLine => OperationLineCode, "operation_line";
    /// A keyword, platform, card brand, report path or platform code that does not parse.
    Value => ValueCode, "value";
    /// A value of a request Stripe would refuse or that must not be sent (statement
    /// descriptors, metadata, descriptions, idempotency keys), and a billing run's reused
    /// idempotency keys.
    Request => RequestCode, "request";
    /// The command-line tool's own codes (feature `cli`).
    Tool => ToolCode, "tool";
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $family:expr, {
            $( $(#[$doc:meta])* $variant:ident => $code:literal, $severity:literal, $rule:literal, $source:literal; )*
        }
    ) => {
        code_enum! { $(#[$meta])* $name, $family, { $( $(#[$doc])* $variant => $code, $severity, $rule, $source; )* } also {} }
    };
    (
        $(#[$meta:meta])*
        $name:ident, $family:expr, {
            $( $(#[$doc:meta])* $variant:ident => $code:literal, $severity:literal, $rule:literal, $source:literal; )*
        } also {
            $( $avariant:ident => $acode:literal as $other:ident :: $ovariant:ident, $aseverity:literal; )*
        }
    ) => {
        $(#[$meta])*
        ///
        /// | code | severity | rule | source |
        /// | --- | --- | --- | --- |
        $( #[doc = concat!("| `", $code, "` | ", $severity, " | ", $rule, " | ", $source, " |")] )*
        $( #[doc = concat!("| `", $acode, "` | ", $aseverity, " | as in [`", stringify!($other), "`] | |")] )*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $(
                $(#[$doc])*
                #[doc = concat!("\n\n`", $code, "`: ", $rule, " (", $source, ").")]
                $variant,
            )*
            $(
                #[doc = concat!("`", $acode, "`, as [`", stringify!($other), "::", stringify!($ovariant), "`].")]
                $avariant,
            )*
        }

        $( const _: () = assert!(str_eq($acode, $other::$ovariant.as_str())); )*

        impl $name {
            /// Every code, in the order of the table.
            pub const ALL: &'static [$name] = &[$($name::$variant,)* $($name::$avariant,)*];

            /// The rows of [`ALL`](Self::ALL).
            const ROWS: &'static [CodeInfo] = &[$($name::$variant.info(),)* $($name::$avariant.info(),)*];

            /// The stable snake_case code.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $code, )*
                    $( $name::$avariant => $acode, )*
                }
            }

            /// The code's row of the catalogue.
            #[must_use]
            pub const fn info(self) -> CodeInfo {
                match self {
                    $( $name::$variant => CodeInfo {
                        code: $code,
                        family: $family,
                        severity: $severity,
                        rule: $rule,
                        source: $source,
                        remedy: $name::$variant.remedy(),
                    }, )*
                    $( $name::$avariant => CodeInfo {
                        family: $family,
                        severity: $aseverity,
                        remedy: $name::$avariant.remedy(),
                        ..$other::$ovariant.info()
                    }, )*
                }
            }

            /// The code spelled `code`, if this family has it.
            #[must_use]
            pub fn from_code(code: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|c| c.as_str() == code)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.pad(self.as_str())
            }
        }

        impl From<$name> for &'static str {
            fn from(code: $name) -> &'static str {
                code.as_str()
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

        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                *self == other.as_str()
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

/// The conversions of a family whose codes are a [`Violation`](crate::diagnostics::Violation)'s
/// (violations, and refusals reported as violations).
macro_rules! violation_codes {
    ($name:ident) => {
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
                Self::from_code(code.as_str()).ok_or(())
            }
        }
    };
}

violation_codes!(ViolationCode);
violation_codes!(RefusalCode);

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
        /// A sale or authorization with a card of a brand the gateway does not enable.
        BrandNotEnabled => "brand_not_enabled", "refusal",
            "a sale or authorization is made with a card of a brand the gateway enables", "rules §10; S4";
        /// A capture whose time is before its authorization's.
        CaptureBeforeAuthorization => "capture_before_authorization", "refusal",
            "a capture comes after the authorization it captures", "rules §7";
    } also {
        BrandCurrencyUnsupported => "brand_currency_unsupported" as ViolationCode::BrandCurrencyUnsupported, "refusal";
        PayoutAmountNotMultiple => "payout_amount_not_multiple" as MoneyCode::PayoutAmountNotMultiple, "refusal";
        AmountOverflow => "amount_overflow" as MoneyCode::AmountOverflow, "refusal";
        ConversionInexact => "conversion_inexact" as MoneyCode::ConversionInexact, "refusal";
        InvalidExchangeRate => "invalid_exchange_rate" as MoneyCode::InvalidExchangeRate, "refusal";
        ExchangeRateMismatch => "exchange_rate_mismatch" as MoneyCode::ExchangeRateMismatch, "refusal";
    }
}

code_enum! {
    /// Why a key or id did not parse: [`CredentialError::code`](crate::credentials::CredentialError::code).
    CredentialCode, Family::Credential, {
        Empty => "empty", "error",
            "a credential is not empty", "rules §1";
        TooLong => "too_long", "error",
            "a credential is at most a few hundred characters", "rules §1";
        BearerPrefix => "bearer_prefix", "error",
            "a key is pasted without `Bearer `", "rules §1";
        Quoted => "quoted", "error",
            "a key is pasted without quotes", "rules §1";
        Whitespace => "whitespace", "error",
            "a key has no spaces or line breaks; nothing is trimmed", "rules §1";
        NonAscii => "non_ascii", "error",
            "a key is ASCII (look-alike letters are refused)", "rules §1";
        InvalidCharacter => "invalid_character", "error",
            "a key's body is letters and digits", "rules §1";
        PublishableKeyAsSecret => "publishable_key_as_secret", "error",
            "a publishable key cannot authenticate API requests", "rules §1; stripe-facts §3.1";
        WrongCredentialKind => "wrong_credential_kind", "error",
            "another Stripe string is not this credential", "rules §1";
        MissingBody => "missing_body", "error",
            "a key has a body after its prefix", "rules §1";
        UnknownMode => "unknown_mode", "error",
            "a key's mode is `test` or `live`", "rules §1; stripe-facts §3";
        UnknownPrefix => "unknown_prefix", "error",
            "a credential starts with its kind's prefix", "rules §1; stripe-facts §3";
        BodyTooShort => "body_too_short", "error",
            "a key's body is as long as Stripe's shortest", "rules §1; stripe-facts §3";
        BodyTooLong => "body_too_long", "error",
            "a key's body is no longer than Stripe's longest", "rules §1; stripe-facts §3";
    }
}

code_enum! {
    /// Money that breaks a currency's rules or does not parse:
    /// [`AmountError::code`](crate::money::AmountError::code) and
    /// [`ParseMoneyError::code`](crate::money::ParseMoneyError::code) (whose currency part reports the
    /// [`CurrencyCode`]s too).
    MoneyCode, Family::Money, {
        AmountPrecision => "amount_precision", "error",
            "an amount is no finer than the currency allows", "rules §5; stripe-facts §2";
        AmountNotMultiple => "amount_not_multiple", "error",
            "ISK and UGX in whole units; three-decimal currencies with the last digit 0", "rules §5; stripe-facts §2.3, §2.4";
        AmountTooLarge => "amount_too_large", "error",
            "at most 8 digits in minor units (IDR 12), or the account's own limit", "rules §5; stripe-facts §1.2";
        AmountNotPositive => "amount_not_positive", "error",
            "the amount is positive where the operation needs it", "rules §5";
        PayoutAmountNotMultiple => "payout_amount_not_multiple", "error",
            "HUF and TWD payouts are multiples of 100", "rules §5; stripe-facts §2.4";
        AmountOverflow => "amount_overflow", "error",
            "a conversion never overflows silently", "rules §5";
        ConversionInexact => "conversion_inexact", "error",
            "a conversion is exact or refused", "rules §5";
        CurrencyMismatch => "currency_mismatch", "error",
            "amounts compared or converted are in the expected currencies", "rules §5";
        InvalidExchangeRate => "invalid_exchange_rate", "error",
            "an exchange rate is positive", "rules §6";
        ExchangeRateMismatch => "exchange_rate_mismatch", "error",
            "a rate converts from the amount's currency", "rules §6";
        MoneyFormat => "money_format", "error",
            "money is written `0.50 USD`", "rules §5, §6";
        MoneyAmountSyntax => "money_amount_syntax", "error",
            "an amount is a decimal number", "rules §5";
        MoneyAmountOutOfRange => "money_amount_out_of_range", "error",
            "an amount fits a 96-bit decimal", "rules §5";
    } also {
        CurrencyEmpty => "currency_empty" as CurrencyCode::CurrencyEmpty, "error";
        CurrencyWhitespace => "currency_whitespace" as CurrencyCode::CurrencyWhitespace, "error";
        CurrencyNonAscii => "currency_non_ascii" as CurrencyCode::CurrencyNonAscii, "error";
        CurrencyWrongLength => "currency_wrong_length" as CurrencyCode::CurrencyWrongLength, "error";
        CurrencyNotALetter => "currency_not_a_letter" as CurrencyCode::CurrencyNotALetter, "error";
        CurrencyWithdrawn => "currency_withdrawn" as CurrencyCode::CurrencyWithdrawn, "error";
        CurrencyUnknown => "currency_unknown" as CurrencyCode::CurrencyUnknown, "error";
    }
}

code_enum! {
    /// Why a currency code did not parse: [`CurrencyError::code`](crate::currency::CurrencyError::code).
    CurrencyCode, Family::Currency, {
        CurrencyEmpty => "currency_empty", "error",
            "a currency code is not empty", "rules §5";
        CurrencyWhitespace => "currency_whitespace", "error",
            "a currency code has no spaces", "rules §5";
        CurrencyNonAscii => "currency_non_ascii", "error",
            "a currency code is ASCII", "rules §5";
        CurrencyWrongLength => "currency_wrong_length", "error",
            "a currency code has three letters", "rules §5";
        CurrencyNotALetter => "currency_not_a_letter", "error",
            "a currency code is letters", "rules §5";
        CurrencyWithdrawn => "currency_withdrawn", "error",
            "a withdrawn ISO code (STD, ANG) cannot be represented", "rules §5";
        CurrencyUnknown => "currency_unknown", "error",
            "a currency code is an ISO 4217 code", "rules §5";
    }
}

code_enum! {
    /// Why an API version did not parse:
    /// [`ApiVersionError::code`](crate::api_version::ApiVersionError::code).
    ApiVersionCode, Family::ApiVersion, {
        Empty => "empty", "error",
            "an API version is not empty", "rules §9";
        TooLong => "too_long", "error",
            "an API version is at most a few dozen characters", "rules §9";
        Whitespace => "whitespace", "error",
            "an API version has no spaces", "rules §9";
        NonAscii => "non_ascii", "error",
            "an API version is ASCII", "rules §9";
        Shape => "shape", "error",
            "an API version is `YYYY-MM-DD` or `YYYY-MM-DD.name`", "rules §9; stripe-facts §9";
        InvalidMonth => "invalid_month", "error",
            "an API version's month exists", "rules §9";
        InvalidDay => "invalid_day", "error",
            "an API version's day exists in its month", "rules §9";
        EmptyRelease => "empty_release", "error",
            "a release name follows the dot", "rules §9; stripe-facts §9";
        InvalidReleaseCharacter => "invalid_release_character", "error",
            "a release name is lowercase letters", "rules §9; stripe-facts §9";
        MissingRelease => "missing_release", "error",
            "a version from 2024-09-30 on names its release", "rules §9; stripe-facts §9";
        ReleaseMismatch => "release_mismatch", "error",
            "a known release name matches the version's date", "rules §9; stripe-facts §9";
    }
}

code_enum! {
    /// Why a timeout did not parse:
    /// [`TimeoutError::code`](crate::connection::TimeoutError::code).
    TimeoutCode, Family::Timeout, {
        Empty => "empty", "error",
            "a timeout is typed", "rules §9; S1";
        NotANumber => "not_a_number", "error",
            "a timeout is a whole number of milliseconds", "rules §9; S1";
        Negative => "negative", "error",
            "a timeout is positive", "rules §9; S1";
        Zero => "zero", "error",
            "a timeout is more than zero", "rules §9; S1";
        TooLarge => "too_large", "error",
            "a timeout is at most 600000 ms (10 minutes)", "rules §9; S1";
    }
}

code_enum! {
    /// Why an authorize request's state, scope or redirect URI was refused:
    /// [`OAuthError::code`](crate::connection::OAuthError::code).
    OAuthCode, Family::OAuth, {
        StateEmpty => "state_empty", "error",
            "an OAuth state is not empty", "rules §9; stripe-facts §6";
        StateTooShort => "state_too_short", "error",
            "an OAuth state has at least 16 characters", "rules §9; stripe-facts §6";
        StateTooLong => "state_too_long", "error",
            "an OAuth state has at most 512 characters", "rules §9";
        StateInvalidCharacter => "state_invalid_character", "error",
            "an OAuth state is printable ASCII", "rules §9";
        ScopeUnknown => "scope_unknown", "error",
            "the scope is `read_write` or `read_only`", "rules §9; stripe-facts §6";
        RedirectUriNotWeb => "redirect_uri_not_web", "error",
            "a redirect URI is an http(s) URL with a host", "rules §9; stripe-facts §6";
        RedirectUriNotHttps => "redirect_uri_not_https", "error",
            "a live-mode redirect URI is https", "rules §9; stripe-facts §6";
        RedirectUriInvalid => "redirect_uri_invalid", "error",
            "a redirect URI is an absolute URL without whitespace", "rules §9; stripe-facts §6";
        RedirectUriHasCredentials => "redirect_uri_has_credentials", "error",
            "a redirect URI has no user name or password", "rules §9";
        RedirectUriHasFragment => "redirect_uri_has_fragment", "error",
            "a redirect URI has no fragment", "rules §9";
        StateHoldsSecret => "state_holds_secret", "error",
            "an OAuth state holds no Stripe secret: it travels in the address bar", "rules §1, §9";
        RedirectUriHoldsSecret => "redirect_uri_holds_secret", "error",
            "a redirect URI holds no Stripe secret: it travels in the address bar", "rules §1, §9";
    }
}

code_enum! {
    /// Why Stripe's OAuth callback was refused (Stripe's own error codes among them):
    /// [`CallbackError::code`](crate::connection::CallbackError::code).
    OAuthCallbackCode, Family::OAuthCallback, {
        AccessDenied => "access_denied", "error",
            "Stripe's error: the user denied the connection", "rules §9; stripe-facts §6";
        InvalidScope => "invalid_scope", "error",
            "Stripe's error: the authorize request's scope was refused", "rules §9; stripe-facts §6";
        InvalidRedirectUri => "invalid_redirect_uri", "error",
            "Stripe's error: the redirect URI is not the registered one", "rules §9; stripe-facts §6";
        InvalidRequest => "invalid_request", "error",
            "Stripe's error: a parameter of the authorize request is missing", "rules §9; stripe-facts §6";
        UnsupportedResponseType => "unsupported_response_type", "error",
            "Stripe's error: the response type is not `code`", "rules §9; stripe-facts §6";
        OauthError => "oauth_error", "error",
            "Stripe's error, another code than the documented ones", "rules §9; stripe-facts §6";
        StateMissing => "state_missing", "error",
            "the callback carries the state sent", "rules §9; stripe-facts §6";
        StateMismatch => "state_mismatch", "error",
            "the callback's state is the one sent", "rules §9; stripe-facts §6";
        CodeMissing => "code_missing", "error",
            "the callback carries an authorization code", "rules §9; stripe-facts §6";
        CodeInvalid => "code_invalid", "error",
            "the authorization code is `ac_…`", "rules §9; stripe-facts §6";
        ScopeUnknown => "scope_unknown", "error",
            "the callback's scope is `read_write` or `read_only`", "rules §9; stripe-facts §6";
        DuplicateParameter => "duplicate_parameter", "error",
            "each callback parameter appears once", "rules §9";
    }
}

code_enum! {
    /// Why Stripe's OAuth token response was refused:
    /// [`TokenResponseError::code`](crate::connection::TokenResponseError::code).
    OAuthTokenCode, Family::OAuthToken, {
        OauthError => "oauth_error", "error",
            "Stripe answered the token request with an error", "rules §9; stripe-facts §6";
        Syntax => "syntax", "error",
            "the token response is JSON", "rules §9";
        MissingField => "missing_field", "error",
            "the token response has `stripe_user_id` and `livemode`", "rules §9; stripe-facts §6";
        WrongType => "wrong_type", "error",
            "each token response field has its JSON type", "rules §9";
        InvalidField => "invalid_field", "error",
            "the account id, publishable key and refresh token parse", "rules §9; rules §1";
        ScopeUnknown => "scope_unknown", "error",
            "the token's scope is `read_write` or `read_only`", "rules §9; stripe-facts §6";
        TokenType => "token_type", "error",
            "the token type is `bearer`", "rules §9; stripe-facts §6";
        ModeMismatch => "mode_mismatch", "error",
            "the publishable key's mode is the token's `livemode`", "rules §9; rules §1";
    }
}

code_enum! {
    /// Why a connection was refused: [`ConnectionError::code`](crate::connection::ConnectionError::code).
    ConnectionCode, Family::Connection, {
        AccountMismatch => "account_mismatch", "error",
            "reconnecting picks the same Stripe account as before", "rules §9; S2";
        AlreadyIntegrated => "already_integrated", "error",
            "an account is connected to this platform once", "rules §9; S2";
        AccountIneligible => "account_ineligible", "error",
            "an account connected to another platform cannot be added", "rules §9; S2";
        DuplicateConnection => "duplicate_connection", "error",
            "one connection per Stripe account", "rules §9; S2";
        ConnectionNotFound => "connection_not_found", "error",
            "the connection looked up exists", "rules §9; S2";
    }
}

code_enum! {
    /// Why a Stripe error body cannot be read:
    /// [`ErrorBodyError::code`](crate::stripe_error::ErrorBodyError::code).
    ErrorBodyCode, Family::StripeErrorBody, {
        Empty => "empty", "error",
            "a Stripe error body is not empty", "rules §12";
        TooLarge => "too_large", "error",
            "a Stripe error body is at most 1 MiB", "rules §12";
        ByteOrderMark => "byte_order_mark", "error",
            "a Stripe error body has no byte-order mark", "rules §12";
        Syntax => "syntax", "error",
            "a Stripe error body is JSON", "rules §12";
        Truncated => "truncated", "error",
            "a Stripe error body is complete", "rules §12";
        NotAnObject => "not_an_object", "error",
            "a Stripe error body is a JSON object", "rules §12";
        NoErrorFields => "no_error_fields", "error",
            "a Stripe error body has Stripe's error fields", "rules §12";
        WrongType => "wrong_type", "error",
            "each error field has its JSON type", "rules §12";
    }
}

code_enum! {
    /// What a Stripe error means for the configuration:
    /// [`Diagnosis::code`](crate::stripe_error::Diagnosis::code), with its meaning, field,
    /// category and remedy.
    DiagnosisCode, Family::Diagnosis, {
        RawCardDataRefused => "raw_card_data_refused", "error",
            "Stripe refused card numbers sent without raw card data access", "rules §3; stripe-facts §5";
        AmountTooSmall => "amount_too_small", "error",
            "a charge below Stripe's minimum", "rules §6; stripe-facts §1.1";
        LivemodeMismatch => "livemode_mismatch", "error",
            "a key of the other mode", "rules §1; stripe-facts §3";
        SecretKeyRequired => "secret_key_required", "error",
            "a publishable key used where a secret key is needed", "rules §1; stripe-facts §3.1";
        ApiKeyExpired => "api_key_expired", "error",
            "an expired or rolled API key", "rules §1; stripe-facts §3";
        PlatformApiKeyExpired => "platform_api_key_expired", "error",
            "the platform's key for a connected account expired", "rules §9; stripe-facts §6";
        ChargeExpiredForCapture => "charge_expired_for_capture", "error",
            "a capture after the authorization window", "rules §7; stripe-facts §4";
        UncapturedChargeRefund => "uncaptured_charge_refund", "error",
            "a refund of an uncaptured payment (cancel it instead)", "rules §7; stripe-facts §4";
        AmountTooLarge => "amount_too_large", "error",
            "an amount above Stripe's maximum", "rules §5; stripe-facts §1.2";
        InvalidApiKey => "invalid_api_key", "error",
            "Stripe refused the API key as not a valid key of any account (mistyped, rolled or deleted)", "rules §1, §12; stripe-facts §3.1";
        ApiKeyMissing => "api_key_missing", "error",
            "the request to Stripe carried no API key", "rules §1, §12; stripe-facts §3.1";
    }
}

code_enum! {
    /// Why a file cannot be read as a configuration at all:
    /// [`ConfigFileError::code`](crate::config::ConfigFileError::code).
    ConfigFileCode, Family::ConfigFile, {
        NotUtf8 => "not_utf8", "error",
            "a configuration file is UTF-8 text", "rules §10";
        NotJson => "not_json", "error",
            "a configuration file is JSON", "rules §10";
        Truncated => "truncated", "error",
            "a configuration file's JSON is complete", "rules §10";
        NotAnObject => "not_an_object", "error",
            "a configuration file is a JSON object at the top level", "rules §10";
        TooDeep => "too_deep", "error",
            "a configuration file nests lists and objects at most 64 deep", "rules §10";
        TooLarge => "too_large", "error",
            "a configuration file is at most 1 MiB", "rules §10";
    }
}

code_enum! {
    /// Who has to act on a Stripe error, and so what a billing platform does with it:
    /// [`ErrorDiagnosis::category`](crate::stripe_error::ErrorDiagnosis::category),
    /// [`classify_code`](crate::stripe_error::classify_code) (a category of Stripe's codes, not
    /// an error of the crate: its severity is the error's).
    ///
    /// ```
    /// use stripe_gateway_rules::codes::ErrorCategoryCode;
    /// use stripe_gateway_rules::stripe_error::classify_code;
    ///
    /// assert_eq!(classify_code("card_declined"), Some(ErrorCategoryCode::CustomerCard));
    /// assert_eq!(classify_code("api_key_expired"), Some(ErrorCategoryCode::Configuration));
    /// assert_eq!(classify_code("lock_timeout"), Some(ErrorCategoryCode::RetryLater));
    /// assert_eq!(classify_code("no_such_code"), None);
    /// ```
    ErrorCategoryCode, Family::StripeErrorCategory, {
        /// The gateway's configuration or the Stripe account's settings: keys, mode, minimums,
        /// account capabilities. The merchant fixes it once; every payment fails until then.
        Configuration => "configuration", "error",
            "the gateway's configuration or the Stripe account's settings are wrong for this request", "rules §12";
        /// The operation does not fit the state of the payment it acts on (already captured,
        /// expired, refunded, disputed…). This payment needs another operation.
        Operation => "operation", "error",
            "the operation does not fit the current state of the payment it acts on", "rules §12";
        /// The customer's card or other payment method, or the customer's details: declined,
        /// wrong number, expired, failed authentication. The customer acts (another card, their
        /// bank).
        CustomerCard => "customer_card", "error",
            "the customer's card, other payment method or details (such as the email address) were refused", "rules §12";
        /// A temporary condition (rate limit, lock, processing error, timeout): retry later with
        /// the same idempotency key.
        RetryLater => "retry_later", "error",
            "a temporary condition at Stripe or the payment network", "rules §12";
        /// A request the platform built wrongly (unknown or missing parameter, wrong type,
        /// unsupported integration): the platform's developers fix it.
        PlatformBug => "platform_bug", "error",
            "the platform sent a request Stripe can't accept as built", "rules §12";
        /// A Stripe feature outside a payment gateway's work (invoices, payouts, Terminal, tax,
        /// Connect onboarding, products…): handle it where that feature is used.
        NotOurs => "not_ours", "error",
            "the error concerns a Stripe feature outside the payment gateway (invoices, payouts, Terminal, tax, Connect onboarding, products)", "rules §12";
        /// Neither the code nor the error's type is known.
        Unknown => "unknown", "error",
            "an error this crate does not know", "rules §12";
    }
}

code_enum! {
    /// Why a legacy-credential policy was refused:
    /// [`LegacyPolicyError::code`](crate::connection::LegacyPolicyError::code).
    LegacyPolicyCode, Family::LegacyPolicy, {
        CutoffAfterDeadline => "cutoff_after_deadline", "error",
            "a legacy-credential policy's cutoff is on or before its deadline", "rules §9; S2";
    }
}

code_enum! {
    /// Why a line of operations is not a valid operation:
    /// [`LineError::code`](crate::operation::LineError::code).
    OperationLineCode, Family::OperationLine, {
        InvalidInput => "invalid_input", "error",
            "each line of a billing run is a JSON object of the operations format (`stripe_gateway_rules::operation::OperationLine`)", "rules §7, §8";
    } also {
        AmountTooLarge => "amount_too_large" as RefusalCode::AmountTooLarge, "refusal";
        AmountNotPositive => "amount_not_positive" as RefusalCode::AmountNotPositive, "refusal";
    }
}

code_enum! {
    /// Why a keyword, a platform, a card brand, a report path or a platform's code did not
    /// parse: the `code()` of [`ModeError`](crate::credentials::ModeError),
    /// [`GatewayVersionError`](crate::version::GatewayVersionError),
    /// [`DataProtectionError`](crate::data_protection::DataProtectionError),
    /// [`InitiatorError`](crate::authorization::InitiatorError),
    /// [`PresenceError`](crate::authorization::PresenceError),
    /// [`PlatformError`](crate::profile::PlatformError),
    /// [`CardBrandError`](crate::card_brand::CardBrandError),
    /// [`PathError`](crate::diagnostics::PathError) and
    /// [`CodeError`](crate::diagnostics::CodeError).
    ValueCode, Family::Value, {
        UnknownKeyword => "unknown_keyword", "error",
            "a keyword field (mode, gateway version, data protection, initiator, presence) holds one of its keywords, in lowercase", "rules §1, §3, §7, §8";
        UnknownPlatform => "unknown_platform", "error",
            "a platform is one the crate has a profile for", "rules §11";
        UnknownCardBrand => "unknown_card_brand", "error",
            "a card brand is one of Stripe's `card.brand` keywords", "rules §10";
        InvalidPath => "invalid_path", "error",
            "a report path is field names joined by `.`, with list positions in `[…]`", "rules §10";
        InvalidCode => "invalid_code", "error",
            "a platform's code is 1 to 64 characters of a-z, 0-9 and _, starting with a letter", "rules §10";
    }
}

code_enum! {
    /// Why a value of a request is refused, or a billing run's idempotency key is flagged:
    /// [`RequestError::code`](crate::request::RequestError::code).
    RequestCode, Family::Request, {
        DescriptorTooShort => "descriptor_too_short", "error",
            "a complete statement descriptor is at least 5 characters", "rules §13; stripe-facts §10.1";
        DescriptorTooLong => "descriptor_too_long", "error",
            "a complete statement descriptor is at most 22 characters", "rules §13; stripe-facts §10.1";
        PrefixTooShort => "prefix_too_short", "error",
            "a statement descriptor prefix is at least 2 characters", "rules §13; stripe-facts §10.1";
        PrefixTooLong => "prefix_too_long", "error",
            "a statement descriptor prefix is at most 10 characters", "rules §13; stripe-facts §10.1";
        SuffixTooLong => "suffix_too_long", "error",
            "the prefix, `* ` and the suffix fit in 22 characters", "rules §13; stripe-facts §10.1";
        SuffixPrefixUnknown => "suffix_prefix_unknown", "warning",
            "a suffix is checked against the account's prefix, when the configuration states it", "rules §11, §13";
        DescriptorNotLatin => "descriptor_not_latin", "error",
            "a statement descriptor holds Latin characters only", "rules §13; stripe-facts §10.1";
        DescriptorForbiddenCharacter => "descriptor_forbidden_character", "error",
            "a statement descriptor holds none of < > \\ ' \" *", "rules §13; stripe-facts §10.1";
        DescriptorNoLetter => "descriptor_no_letter", "error",
            "a statement descriptor, and each of its prefix and suffix, holds a letter", "rules §13; stripe-facts §10.1";
        DescriptorOnCardPayment => "descriptor_on_card_payment", "error",
            "since 2024-01-02 a card payment takes no `statement_descriptor`, only a suffix", "rules §13; stripe-facts §10.2";
        DescriptionTooLong => "description_too_long", "error",
            "a payment's description is at most 1,000 characters", "rules §13; stripe-facts §10.4";
        MetadataTooManyKeys => "metadata_too_many_keys", "error",
            "metadata holds at most 50 keys", "rules §13; stripe-facts §10.3";
        MetadataKeyTooLong => "metadata_key_too_long", "error",
            "a metadata key is at most 40 characters", "rules §13; stripe-facts §10.3";
        MetadataKeyBracket => "metadata_key_bracket", "error",
            "a metadata key holds no `[` or `]`", "rules §13; stripe-facts §10.3";
        MetadataKeyEmpty => "metadata_key_empty", "error",
            "a metadata key is not empty", "rules §13; stripe-facts §10.3";
        MetadataDuplicateKey => "metadata_duplicate_key", "error",
            "a metadata key appears once", "rules §13; stripe-facts §10.3";
        MetadataValueTooLong => "metadata_value_too_long", "error",
            "a metadata value is at most 500 characters", "rules §13; stripe-facts §10.3";
        MetadataValueNotString => "metadata_value_not_string", "error",
            "a metadata value is a string", "rules §13; stripe-facts §10.3";
        MetadataNotObject => "metadata_not_object", "error",
            "metadata is an object of string keys and string values", "rules §13; stripe-facts §10.3";
        CardNumberInText => "card_number_in_text", "error",
            "no card number in metadata, a description or a statement descriptor", "rules §13; stripe-facts §10.3";
        SecretInText => "secret_in_text", "error",
            "no Stripe secret in metadata, a description or a statement descriptor", "rules §13; stripe-facts §10.3, §3";
        IdempotencyKeyEmpty => "idempotency_key_empty", "error",
            "an idempotency key is not empty", "rules §13; stripe-facts §10.5";
        IdempotencyKeyTooLong => "idempotency_key_too_long", "error",
            "an idempotency key is at most 255 characters", "rules §13; stripe-facts §10.5";
        IdempotencyKeyReused => "idempotency_key_reused", "error",
            "an idempotency key is not reused with other parameters", "rules §13; stripe-facts §10.5";
        IdempotencyKeyRetried => "idempotency_key_retried", "warning",
            "an idempotency key reused with the same parameters is a retry", "rules §13; stripe-facts §10.5";
        IdempotencyKeysNotCompared => "idempotency_keys_not_compared", "warning",
            "a run compares at most as many idempotency keys as its bound", "rules §13";
    }
}

impl RequestCode {
    /// What to do about it: [`RequestError::remedy`](crate::request::RequestError::remedy),
    /// and what `explain` prints.
    #[must_use]
    pub const fn remedy(self) -> &'static str {
        match self {
            RequestCode::DescriptorTooShort => {
                "write at least 5 characters, such as the business's name"
            }
            RequestCode::DescriptorTooLong => "shorten it to 22 characters",
            RequestCode::PrefixTooShort => {
                "write at least 2 characters, such as the start of the business's name"
            }
            RequestCode::PrefixTooLong => "shorten the prefix to 10 characters",
            RequestCode::SuffixTooLong => {
                "shorten the suffix so that the prefix, \"* \" and the suffix fit in 22 characters"
            }
            RequestCode::SuffixPrefixUnknown => {
                "record the account's statement_descriptor_prefix (Stripe Dashboard, Settings > Public details) under account in the configuration"
            }
            RequestCode::DescriptorNotLatin => {
                "use Latin letters, digits, spaces and punctuation only (no symbols such as ™, no other scripts)"
            }
            RequestCode::DescriptorForbiddenCharacter => {
                "remove the character; write without < > \\ ' \" *"
            }
            RequestCode::DescriptorNoLetter => {
                "add a letter, such as \"ORDER 1234\" instead of \"1234\""
            }
            RequestCode::DescriptorOnCardPayment => {
                "send the text as statement_descriptor_suffix instead; Stripe adds the account's prefix"
            }
            RequestCode::DescriptionTooLong => "shorten the description to 1,000 characters",
            RequestCode::MetadataTooManyKeys => {
                "send at most 50 keys; keep the rest in your own database under one key holding its id"
            }
            RequestCode::MetadataKeyTooLong => "shorten the key to 40 characters",
            RequestCode::MetadataKeyBracket => "rename the key without [ and ]",
            RequestCode::MetadataKeyEmpty => "give the key a name",
            RequestCode::MetadataDuplicateKey => "send each key once",
            RequestCode::MetadataValueTooLong => {
                "shorten the value to 500 characters, or keep it in your own database and send its id"
            }
            RequestCode::MetadataValueNotString => "send the value as a string, such as \"42\"",
            RequestCode::MetadataNotObject => {
                "send metadata as a JSON object of strings, such as {\"order_id\":\"1234\"}"
            }
            RequestCode::CardNumberInText => {
                "remove the card number: card details never go into metadata, descriptions or descriptors"
            }
            RequestCode::SecretInText => {
                "remove the secret, and roll the key in the Stripe Dashboard if it was ever sent"
            }
            RequestCode::IdempotencyKeyEmpty => "send a key, such as a V4 UUID, or none",
            RequestCode::IdempotencyKeyTooLong => {
                "use a key of at most 255 characters, such as a V4 UUID"
            }
            RequestCode::IdempotencyKeyReused => {
                "give each different request its own key; reuse a key only to retry the same request"
            }
            RequestCode::IdempotencyKeyRetried => {
                "nothing, if this line retries the earlier one; else give it its own key"
            }
            RequestCode::IdempotencyKeysNotCompared => {
                "split the run, or raise its bound of idempotency keys"
            }
        }
    }
}

impl ValueCode {
    /// What to type instead, written for this code (the catalogue's remedy too).
    #[must_use]
    pub const fn remedy(self) -> &'static str {
        match self {
            ValueCode::UnknownKeyword => "type one of the keywords the message lists, in lowercase",
            ValueCode::UnknownPlatform => "use one of the platforms the message lists",
            ValueCode::UnknownCardBrand => {
                "type one of the card brand keywords the message lists, in lowercase"
            }
            ValueCode::InvalidPath => "write field names joined by '.', with list positions in [n]",
            ValueCode::InvalidCode => {
                "use 1 to 64 characters of a-z, 0-9 and _, starting with a letter"
            }
        }
    }
}

/// The [`ValueCode`] and remedy of the errors that are defined where codes are not known.
macro_rules! value_codes {
    ($( $ty:ty => $code:ident ),* $(,)?) => {
        $(
            impl $ty {
                #[doc = concat!("A stable snake_case code: `", stringify!($code), "` ([`ValueCode`](crate::codes::ValueCode)).")]
                #[must_use]
                pub fn code(&self) -> $crate::codes::ValueCode {
                    $crate::codes::ValueCode::$code
                }

                /// What to type instead.
                #[must_use]
                pub fn remedy(&self) -> &'static str {
                    $crate::codes::ValueCode::$code.remedy()
                }
            }
        )*
    };
}

pub(crate) use value_codes;

// The diagnostics model sits below the codes, so its errors get their codes here; every
// other module gives its own errors theirs, beside their definitions.
value_codes! {
    crate::diagnostics::PathError => InvalidPath,
    crate::diagnostics::CodeError => InvalidCode,
}

code_enum! {
    /// The command-line tool's own codes (`stripe-gateway-rules check-config`, feature `cli`).
    ToolCode, Family::Tool, {
        FileUnreadable => "file_unreadable", "error",
            "a configuration file can be read, is UTF-8 text and at most 1 MiB", "the command-line tool";
        FileNotAConfiguration => "file_not_a_configuration", "error",
            "a configuration file is a JSON object of the documented shape (`stripe-gateway-rules schema`)", "rules §10";
    }
}

impl OperationLineCode {
    /// What to do about a line of this code, written for it: the remedy of
    /// `operation::LineError` (feature `serde`) and of `check-payments`' answers (the
    /// catalogue's too).
    #[must_use]
    pub const fn remedy(self) -> &'static str {
        match self {
            OperationLineCode::InvalidInput => {
                "correct the line as its message says: the field, and the JSON type or value expected"
            }
            OperationLineCode::AmountTooLarge => RefusalCode::AmountTooLarge.remedy(),
            OperationLineCode::AmountNotPositive => RefusalCode::AmountNotPositive.remedy(),
        }
    }
}

impl ToolCode {
    /// What to do, written for this code (the catalogue's remedy and the tool's).
    #[must_use]
    pub const fn remedy(self) -> &'static str {
        match self {
            ToolCode::FileUnreadable => "check the path and the file's permissions and encoding",
            ToolCode::FileNotAConfiguration => {
                "correct the file at the line and column given: the JSON syntax, a field's type, or an unknown field"
            }
        }
    }
}

impl ViolationCode {
    /// What to do, written for this code: the catalogue's remedy; a report's violation
    /// carries the remedy for its field and value, which may name them.
    #[must_use]
    pub const fn remedy(self) -> &'static str {
        match self {
            ViolationCode::InvalidSecretKey => {
                "paste the Stripe account's secret key (sk_test_… or sk_live_…) or a restricted key (rk_…) from the Stripe Dashboard, Developers > API keys"
            }
            ViolationCode::PublishableKeyAsSecret => {
                "paste the secret key (sk_…) where the publishable key (pk_…) is; the publishable key goes in its own field"
            }
            ViolationCode::WrongCredentialKind => {
                "paste the credential the field asks for; the message names what was pasted instead"
            }
            ViolationCode::KeyModeMismatch => {
                "use keys of the configuration's mode (sk_live_… in live mode, sk_test_… in test mode), or change the mode"
            }
            ViolationCode::KeyPairModeMismatch => {
                "use the publishable key of the same account and mode as the secret key"
            }
            ViolationCode::MissingField => "fill in the field the report names",
            ViolationCode::InvalidValue => {
                "correct the value as the report's message says: the value's own rule is in its `reason`"
            }
            ViolationCode::WrongType => {
                "write the value with the JSON type the field takes (`stripe-gateway-rules schema` gives each field's)"
            }
            ViolationCode::UnknownField => {
                "remove the field or correct its name; the report suggests the nearest field"
            }
            ViolationCode::DuplicateField => "keep one of the fields given twice",
            ViolationCode::LegacyVersion => {
                "create a v2 gateway: Stripe V1 is legacy; an existing V1 gateway still works but should move to v2"
            }
            ViolationCode::RawCardDataRequired => {
                "turn on raw card data access for the Stripe account (Stripe's \"Handle card information directly\" setting; Stripe may ask for PCI DSS evidence), or collect cards with Stripe.js, Elements or Checkout"
            }
            ViolationCode::ReturnUrlRequired => {
                "give the https page of your checkout that 3D Secure (SCA) redirects return to"
            }
            ViolationCode::ReturnUrlInsecure => "use https",
            ViolationCode::NoCardBrands => {
                "enable the brands you accept, such as visa, mastercard, amex and discover"
            }
            ViolationCode::BrandCurrencyUnsupported => {
                "remove the currency from the brand's payments, or disable the brand for it (UnionPay takes only USD and CAD; American Express refuses some currencies)"
            }
            ViolationCode::UnsupportedCurrency => "remove the currency: Stripe does not present it",
            ViolationCode::DuplicateCurrency => "keep one entry for the currency",
            ViolationCode::InvalidMinimum => {
                "give a positive minimum, as a decimal string no finer than the currency allows (\"0.50\")"
            }
            ViolationCode::MinimumBelowStripe => {
                "raise the minimum payment to at least Stripe's minimum for the settlement currency, after conversion"
            }
            ViolationCode::MinimumApproximate => {
                "pass the exchange rate to the settlement currency to check the minimum exactly"
            }
            ViolationCode::MinimumUnverifiable => {
                "pass the exchange rate to the settlement currency, so the minimum can be checked"
            }
            ViolationCode::AccountLimitsStated => {
                "nothing, if the account's limits are the ones Stripe granted; otherwise correct or remove them"
            }
            ViolationCode::LiveCardTestMissing => {
                "before going live, make a test transaction with a live card, then record the live card test as done"
            }
            ViolationCode::NoRole => "tick Is Source, Is Target or both",
            ViolationCode::UnknownApiVersion => {
                "use a version Stripe has published, as the Stripe Dashboard shows it (Developers > API version)"
            }
            ViolationCode::OauthDenied => {
                "click Connect with Stripe again and finish connecting in Stripe's window"
            }
            ViolationCode::OauthStateMismatch => "start again from Connect with Stripe",
            ViolationCode::LoginTooShort => {
                "type any text of 5 characters or more, such as \"addonmart\": Add-on Mart ignores it, but PortaBilling requires it"
            }
            ViolationCode::FieldNotOnForm => {
                "remove the field: the platform's form does not have it, so it is ignored"
            }
            ViolationCode::RestrictedKey => {
                "make sure the restricted key allows what the platform's operations need, or use the secret key (sk_…)"
            }
            ViolationCode::PaymentFieldsMissing => {
                "give the account's settlement currency and the currencies the gateway takes, or use the configuration as a connection"
            }
        }
    }
}

/// `invalid_value` at `path`, with the error's message and its own code as the `reason`
/// param: how a value parser's error becomes a [`Violation`](crate::diagnostics::Violation).
pub(crate) fn invalid_value(
    path: crate::diagnostics::Path,
    message: impl fmt::Display,
    reason: Option<&'static str>,
) -> crate::diagnostics::Violation {
    let v = crate::diagnostics::Violation::error(
        path,
        ViolationCode::InvalidValue,
        message.to_string(),
    );
    match reason {
        Some(reason) => v.with_param("reason", reason),
        None => v,
    }
}

/// The errors that are `invalid_value` at their path, with their code as the `reason` param.
macro_rules! invalid_value_violations {
    ($( $ty:ty ),* $(,)?) => {
        $(
            impl crate::diagnostics::ToViolation for $ty {
                /// `invalid_value` at `path`: this error's message, and its code as the
                /// `reason` param.
                fn to_violation(
                    &self,
                    path: crate::diagnostics::Path,
                ) -> crate::diagnostics::Violation {
                    $crate::codes::invalid_value(path, self, Some(self.code().as_str()))
                }
            }
        )*
    };
}

pub(crate) use invalid_value_violations;

invalid_value_violations! {
    crate::diagnostics::PathError,
    crate::diagnostics::CodeError,
}

/// The rules catalogue's text (`RULES.md`, the doc module [`crate::rules`]), whose headings
/// give the sources' titles.
const CATALOGUE_TEXT: &str = include_str!("../RULES.md");

/// One source a code's rule cites ([`CodeInfo::source`]), by section and by title.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct SourceRef {
    /// The citation as the catalogue writes it: `rules §6`, `stripe-facts §1.1`, `S4`.
    pub citation: String,
    /// The section's title, from the catalogue's heading: `Minimum payments`, `Minimums`,
    /// `PortaBilling, "Configuring Stripe payment processor"`; `None` for a range of
    /// sections or a source outside the catalogue.
    pub title: Option<&'static str>,
    /// The section's anchor in the catalogue (`rules-6`, `facts-1-1`, `s4`), if it has one.
    pub anchor: Option<String>,
    /// Where the section is, for a reader of an installed binary: the catalogue is
    /// `stripe_gateway_rules::rules` in the API docs and `RULES.md` in the package.
    pub document: &'static str,
}

/// The title of the catalogue's section with this anchor: its heading without the section's
/// number (`F1.1 `, `S4 — `…) in front.
fn section_title(anchor: &str) -> Option<&'static str> {
    let tag = format!("<a id=\"{anchor}\"></a>");
    let at = CATALOGUE_TEXT.find(&tag)? + tag.len();
    let heading = CATALOGUE_TEXT[at..]
        .lines()
        .find(|l| !l.trim().is_empty())?;
    let heading = heading.trim_start_matches('#').trim();
    let title = match heading.split_once(" — ") {
        Some((_, title)) if heading.starts_with('S') => title,
        _ => heading.split_once(' ').map_or(heading, |(_, title)| title),
    };
    Some(title.trim())
}

/// The sources a rule cites ([`CodeInfo::source`]: `rules §6; stripe-facts §1.1; S4`), each
/// by section and by title, so a reader without the repository knows what and where they
/// are.
///
/// ```
/// use stripe_gateway_rules::codes::{RefusalCode, source_refs};
///
/// let refs = source_refs(RefusalCode::BelowMinimum.info().source);
/// assert_eq!(refs[0].citation, "rules §6");
/// assert_eq!(refs[0].title, Some("Minimum payments"));
/// assert_eq!(refs[1].citation, "S4");
/// assert_eq!(refs[1].title, Some("PortaBilling, \"Configuring Stripe payment processor\""));
/// ```
#[must_use]
pub fn source_refs(source: &str) -> Vec<SourceRef> {
    const CATALOGUE: &str = "the crate's rules catalogue (`stripe_gateway_rules::rules` in the API docs, RULES.md in the package)";
    const FACTS: &str = "Stripe's facts, in the crate's rules catalogue (`stripe_gateway_rules::rules` in the API docs, RULES.md in the package)";
    const OTHER: &str =
        "this crate's own rule (the command-line tool's `--help`, and the API docs)";
    const PLATFORM: &str = "a platform's document, summarised under Sources in the crate's rules catalogue (`stripe_gateway_rules::rules` in the API docs, RULES.md in the package)";
    // The section sign.
    const SECTION: char = '\u{a7}';
    let mut refs = Vec::new();
    for group in source.split(';') {
        let mut prefix = "";
        for part in group.split(',') {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            let (kind, section) = if let Some(rest) = part.strip_prefix("rules ") {
                prefix = "rules";
                ("rules", rest)
            } else if let Some(rest) = part.strip_prefix("stripe-facts ") {
                prefix = "stripe-facts";
                ("stripe-facts", rest)
            } else if part.starts_with(SECTION) && !prefix.is_empty() {
                (prefix, part)
            } else {
                ("", part)
            };
            let (citation, anchor, document) = match kind {
                "rules" | "stripe-facts" => {
                    let number = section.trim_start_matches(SECTION);
                    let range = number.contains(['–', '-', ' ']);
                    let anchor = (!range).then(|| {
                        let head = if kind == "rules" { "rules" } else { "facts" };
                        format!("{head}-{}", number.replace('.', "-"))
                    });
                    let document = if kind == "rules" { CATALOGUE } else { FACTS };
                    (format!("{kind} {section}"), anchor, document)
                }
                _ => {
                    let platform = part.split_whitespace().next().unwrap_or(part);
                    let is_seed = platform.len() == 2
                        && platform.starts_with('S')
                        && platform[1..].chars().all(|c| c.is_ascii_digit());
                    if is_seed {
                        (
                            part.to_owned(),
                            Some(platform.to_ascii_lowercase()),
                            PLATFORM,
                        )
                    } else {
                        (part.to_owned(), None, OTHER)
                    }
                }
            };
            let title = anchor.as_deref().and_then(section_title);
            refs.push(SourceRef {
                citation,
                title,
                anchor,
                document,
            });
        }
    }
    refs
}

/// Every code with its row, family by family: violations, refusals, the value parsers'
/// errors and the tool's codes. Derived from the code enums: every code any `code()` of the
/// crate returns is here.
///
/// ```
/// use stripe_gateway_rules::codes::{Family, catalogue};
///
/// let row = catalogue().find(|c| c.code == "below_minimum").unwrap();
/// assert_eq!(row.family, Family::Refusal);
/// ```
pub fn catalogue() -> impl Iterator<Item = CodeInfo> {
    Family::ALL.iter().flat_map(|f| f.rows().iter().copied())
}

/// The rows of `code` in every family it belongs to (most codes belong to one).
pub fn lookup(code: &str) -> impl Iterator<Item = CodeInfo> + '_ {
    catalogue().filter(move |c| c.code == code)
}

/// The catalogue by code string: each code once, in the order it first appears, with its rows
/// in every family it belongs to (`amount_too_large` is a money error, a refusal, a
/// diagnosis and an operation line's answer).
///
/// ```
/// use stripe_gateway_rules::codes::{Family, by_code};
///
/// let (code, rows) = by_code().into_iter().find(|(c, _)| *c == "amount_too_large").unwrap();
/// let families: Vec<Family> = rows.iter().map(|r| r.family).collect();
/// assert_eq!(
///     families,
///     [Family::Refusal, Family::Money, Family::Diagnosis, Family::OperationLine]
/// );
/// # let _ = code;
/// ```
#[must_use]
pub fn by_code() -> Vec<(&'static str, Vec<CodeInfo>)> {
    let mut grouped: Vec<(&'static str, Vec<CodeInfo>)> = Vec::new();
    for row in catalogue() {
        match grouped.iter_mut().find(|(code, _)| *code == row.code) {
            Some((_, rows)) => rows.push(row),
            None => grouped.push((row.code, vec![row])),
        }
    }
    grouped
}
