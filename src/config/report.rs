//! The report of a configuration's violations: where, what, how bad, and what to do.

use std::fmt;

/// How bad a [`Violation`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Severity {
    /// The configuration cannot be used: [`GatewayConfig::validate`](super::GatewayConfig::validate)
    /// returns `Err`.
    Error,
    /// The configuration works, but something deserves attention.
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

macro_rules! violation_codes {
    ($( $(#[$doc:meta])* $variant:ident => $code:literal, )*) => {
        /// What rule a [`Violation`] breaks. Each has a stable snake_case code
        /// ([`as_str`](Self::as_str)); the table in the [module docs](super) gives the rule
        /// and source of each.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum ViolationCode {
            $( $(#[$doc])* $variant, )*
        }

        impl ViolationCode {
            /// Every code, in the order of the documentation table.
            pub const ALL: &'static [ViolationCode] = &[$(ViolationCode::$variant,)*];

            /// The stable snake_case code.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $( ViolationCode::$variant => $code, )*
                }
            }
        }
    };
}

violation_codes! {
    /// The secret key is not a Stripe secret or restricted key.
    InvalidSecretKey => "invalid_secret_key",
    /// A publishable key sits where a secret key belongs.
    PublishableKeyAsSecret => "publishable_key_as_secret",
    /// Another kind of Stripe string (webhook secret, client id, account id…) in a credential
    /// field.
    WrongCredentialKind => "wrong_credential_kind",
    /// A key's mode (test/live) differs from the configuration's `mode`.
    KeyModeMismatch => "key_mode_mismatch",
    /// The secret and publishable keys are of different modes.
    KeyPairModeMismatch => "key_pair_mode_mismatch",
    /// A required field is absent.
    MissingField => "missing_field",
    /// A field's value cannot be parsed or is out of range.
    InvalidValue => "invalid_value",
    /// Gateway V1: an error for a new configuration, a warning for an existing one.
    LegacyVersion => "legacy_version",
    /// The platform sends card numbers to Stripe without raw card data access.
    RawCardDataRequired => "raw_card_data_required",
    /// V2 in live mode without a return URL for SCA redirects.
    ReturnUrlRequired => "return_url_required",
    /// A return URL that is not https in live mode.
    ReturnUrlInsecure => "return_url_insecure",
    /// No card brand is enabled.
    NoCardBrands => "no_card_brands",
    /// An enabled card brand refuses an assigned currency.
    BrandCurrencyUnsupported => "brand_currency_unsupported",
    /// A currency Stripe does not present.
    UnsupportedCurrency => "unsupported_currency",
    /// A currency assigned twice.
    DuplicateCurrency => "duplicate_currency",
    /// A minimum payment that is not positive or finer than the currency allows.
    InvalidMinimum => "invalid_minimum",
    /// A minimum payment below Stripe's minimum charge.
    MinimumBelowStripe => "minimum_below_stripe",
    /// Warning: no exchange rate; the minimum was compared with its own currency's entry.
    MinimumApproximate => "minimum_approximate",
    /// Warning: no exchange rate and no table entry; the minimum cannot be checked.
    MinimumUnverifiable => "minimum_unverifiable",
    /// Warning: live mode before a test transaction with a live card.
    LiveCardTestMissing => "live_card_test_missing",
}

impl fmt::Display for ViolationCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl PartialEq<str> for ViolationCode {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for ViolationCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ViolationCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One thing wrong with a configuration: where (`path`), what rule (`code`), how bad
/// (`severity`), the message (`Display`), and what to do (`remedy`). Never holds a secret.
///
/// With the `serde` feature it serializes as
/// `{"path":…,"code":…,"severity":…,"message":…,"remedy":…}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    path: String,
    code: ViolationCode,
    severity: Severity,
    message: String,
    remedy: Option<String>,
}

impl Violation {
    pub(crate) fn new(
        path: impl Into<String>,
        code: ViolationCode,
        severity: Severity,
        message: impl Into<String>,
        remedy: Option<String>,
    ) -> Self {
        Violation {
            path: path.into(),
            code,
            severity,
            message: message.into(),
            remedy,
        }
    }

    /// The field, in the configuration file's terms: `auth.secret_key`,
    /// `currencies[1].minimum_payment`.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The rule broken.
    #[must_use]
    pub fn code(&self) -> ViolationCode {
        self.code
    }

    /// Error or warning.
    #[must_use]
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// The message alone (also this type's `Display`).
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// What to do about it, where there is something to do.
    #[must_use]
    pub fn remedy(&self) -> Option<&str> {
        self.remedy.as_deref()
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Violation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Violation", 5)?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("severity", &self.severity)?;
        s.serialize_field("message", &self.message)?;
        s.serialize_field("remedy", &self.remedy)?;
        s.end()
    }
}

/// Every violation of a configuration, errors and warnings, in field order.
///
/// `Display` renders it for a person: a summary line, then each violation with its path,
/// code and remedy. With the `serde` feature it serializes as
/// `{"valid":false,"errors":N,"warnings":N,"violations":[…]}`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    violations: Vec<Violation>,
}

impl Report {
    pub(crate) fn new(violations: Vec<Violation>) -> Self {
        Report { violations }
    }

    /// All violations, in field order.
    #[must_use]
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// The errors alone.
    pub fn errors(&self) -> impl Iterator<Item = &Violation> {
        self.with_severity(Severity::Error)
    }

    /// The warnings alone.
    pub fn warnings(&self) -> impl Iterator<Item = &Violation> {
        self.with_severity(Severity::Warning)
    }

    fn with_severity(&self, severity: Severity) -> impl Iterator<Item = &Violation> {
        self.violations
            .iter()
            .filter(move |v| v.severity == severity)
    }

    /// Whether no violation is an error.
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.errors().next().is_none()
    }

    /// Whether the report holds a violation with this code.
    #[must_use]
    pub fn has(&self, code: ViolationCode) -> bool {
        self.violations.iter().any(|v| v.code == code)
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self.errors().count();
        let warnings = self.warnings().count();
        let verdict = if errors == 0 { "valid" } else { "invalid" };
        write!(
            f,
            "{verdict}: {}, {}",
            plural(errors, "error"),
            plural(warnings, "warning")
        )?;
        for severity in [Severity::Error, Severity::Warning] {
            for v in self.with_severity(severity) {
                write!(f, "\n{}[{}] {}: {}", v.severity, v.code, v.path, v.message)?;
                if let Some(remedy) = &v.remedy {
                    write!(f, "\n  remedy: {remedy}")?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Report {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Report", 4)?;
        s.serialize_field("valid", &self.is_valid())?;
        s.serialize_field("errors", &self.errors().count())?;
        s.serialize_field("warnings", &self.warnings().count())?;
        s.serialize_field("violations", &self.violations)?;
        s.end()
    }
}
