//! Loading a [`GatewayConfig`] from JSON, field by field (issue 10, "field-level, not
//! file-level").
//!
//! Only a text that cannot be read as a configuration at all fails as a whole, as a
//! [`ConfigFileError`]: not UTF-8, not JSON, a JSON value other than an object at the top, more
//! than [`MAX_CONFIG_LEN`] bytes or nested deeper than [`MAX_CONFIG_DEPTH`]. Every other
//! problem is a [`Violation`] at its path, kept in the configuration
//! ([`GatewayConfig::load_violations`]) and reported by [`GatewayConfig::validate`] in the same
//! report as the rules, in field order:
//!
//! * a value of the wrong JSON type: `wrong_type`, with what to write instead;
//! * a field the format does not have: `unknown_field`, with the closest known name, or the
//!   object it belongs in (`secret_key` at the top level belongs in `auth`);
//! * a field given twice: `duplicate_field` (the last one is used);
//! * an amount or rate written as a JSON number is read exactly as written, from its text,
//!   never through a float (`1e-2` is `0.01`); one with too many digits is `invalid_value`.
//!
//! `null` is read as an absent field. A UTF-8 byte-order mark at the start is skipped.
//!
//! The loader is driven by one table per object of the file ([`Field`] rows: a name, a kind
//! and an example), so a new field is one row. No message passes a parser's own text through
//! (serde's included): messages are built from the error's category, position and path, and
//! every echo of the input goes through [`InputExcerpt`], which cuts at anything secret-shaped.

use std::fmt;

#[cfg(feature = "serde")]
use super::{
    AccountConfig, AuthConfig, BrandMaxConfig, CurrencyConfig, CurrencyMaxConfig, GatewayConfig,
    LimitsConfig, MinimumConfig,
};
use crate::codes::ViolationCode;
use crate::diagnostics::{Path, Report, Violation};
#[cfg(feature = "serde")]
use crate::text::{InputExcerpt, truncated};
#[cfg(feature = "serde")]
use secrecy::SecretString;
#[cfg(feature = "serde")]
use serde_json::value::RawValue;

/// The largest configuration file [`GatewayConfig::from_json`] reads: 1 MiB, far above any
/// real configuration (every presentment currency assigned takes about 20 KiB).
pub const MAX_CONFIG_LEN: usize = 1 << 20;

/// The deepest nesting of lists and objects [`GatewayConfig::from_json`] reads: 64, where a
/// configuration needs 3 (`currencies[0].currency`).
pub const MAX_CONFIG_DEPTH: usize = 64;

// ---- the violations kept in a configuration ------------------------------------------------

/// The problems found while loading a configuration from JSON: values of the wrong JSON type,
/// unknown fields, fields given twice. [`GatewayConfig::from_json`] fills it;
/// [`GatewayConfig::validate`] reports them with every other violation, in field order.
///
/// A configuration built in code has none: leave the field to `..GatewayConfig::default()`.
/// (It is a public field of an opaque type, not a private field, so that struct-update
/// syntax keeps working.)
#[derive(Clone, Default, PartialEq, Eq)]
pub struct LoadViolations(Vec<Violation>);

impl LoadViolations {
    /// The violations, in the order of the file.
    #[must_use]
    pub fn as_slice(&self) -> &[Violation] {
        &self.0
    }

    /// Whether the file had none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// These violations, then those of `found` that they do not already explain: a value of
    /// the wrong type (or a number too long to read) was not read, so what validation says
    /// at or inside its path (`missing_field`, say) is left out.
    pub(super) fn merged_with(&self, found: Report) -> Report {
        let covering: Vec<&Path> = self
            .0
            .iter()
            .filter(|v| {
                *v.code() == ViolationCode::WrongType || *v.code() == ViolationCode::InvalidValue
            })
            .map(Violation::path)
            .collect();
        let mut out: Report = self.0.iter().cloned().collect();
        out.extend(
            found
                .into_iter()
                .filter(|v| !covering.iter().any(|c| starts_with(v.path(), c))),
        );
        out
    }
}

impl<'a> IntoIterator for &'a LoadViolations {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Debug for LoadViolations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Paths and codes only: messages are secret-safe, but short is enough here.
        f.debug_list()
            .entries(self.0.iter().map(|v| format!("{} {}", v.path(), v.code())))
            .finish()
    }
}

fn starts_with(path: &Path, prefix: &Path) -> bool {
    path.segments().starts_with(prefix.segments())
}

// ---- the whole-file error ------------------------------------------------------------------

/// Why a whole file could not be read as a configuration: [`ConfigFileError::kind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ConfigFileErrorKind {
    /// The bytes are not UTF-8 text (`not_utf8`).
    NotUtf8,
    /// The text is not JSON (`not_json`), or is empty.
    NotJson,
    /// The JSON stops before it is complete (`truncated`).
    Truncated,
    /// The JSON is not an object at the top level (`not_an_object`).
    NotAnObject,
    /// Lists and objects nested deeper than [`MAX_CONFIG_DEPTH`] (`too_deep`).
    TooDeep,
    /// More than [`MAX_CONFIG_LEN`] bytes (`too_large`).
    TooLarge,
}

impl ConfigFileErrorKind {
    /// The stable snake_case code.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            ConfigFileErrorKind::NotUtf8 => "not_utf8",
            ConfigFileErrorKind::NotJson => "not_json",
            ConfigFileErrorKind::Truncated => "truncated",
            ConfigFileErrorKind::NotAnObject => "not_an_object",
            ConfigFileErrorKind::TooDeep => "too_deep",
            ConfigFileErrorKind::TooLarge => "too_large",
        }
    }
}

impl fmt::Display for ConfigFileErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A file that cannot be read as a configuration at all (see [`ConfigFileErrorKind`]), with
/// the line and column where reading stopped. Its message is the crate's own, built from
/// the kind and position: never a parser's text, never a value from the file.
///
/// Serialized (feature `serde`) as `{"code", "line", "column", "message"}`.
///
/// ```
/// use stripe_gateway_rules::config::GatewayConfig;
///
/// let err = GatewayConfig::from_json("{\n  \"name\": \"x\"\n  \"mode\": \"test\"\n}").unwrap_err();
/// assert_eq!((err.line(), err.column()), (3, 3));
/// assert_eq!(err.code(), "not_json");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigFileError {
    kind: ConfigFileErrorKind,
    message: String,
    line: usize,
    column: usize,
}

impl ConfigFileError {
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    fn new(
        kind: ConfigFileErrorKind,
        message: impl Into<String>,
        (line, column): (usize, usize),
    ) -> Self {
        ConfigFileError {
            kind,
            message: message.into(),
            line,
            column,
        }
    }

    /// Why the file could not be read.
    #[must_use]
    pub fn kind(&self) -> ConfigFileErrorKind {
        self.kind
    }

    /// The kind's stable code: `not_json`, `truncated`, `too_large`…
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.kind.as_str()
    }

    /// The 1-based line of the problem (0 when it concerns the whole file).
    #[must_use]
    pub fn line(&self) -> usize {
        self.line
    }

    /// The 1-based column of the problem, in characters (0 when it concerns the whole file).
    #[must_use]
    pub fn column(&self) -> usize {
        self.column
    }

    /// What is wrong, without the position.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// From serde_json's error: its category and position only, never its message text.
    #[cfg(feature = "serde")]
    fn from_json_error(e: &serde_json::Error) -> Self {
        use serde_json::error::Category;
        let (kind, message) = match e.classify() {
            Category::Eof => (
                ConfigFileErrorKind::Truncated,
                "the JSON ends too early: an object, list or string is not closed",
            ),
            Category::Syntax | Category::Data | Category::Io => (
                ConfigFileErrorKind::NotJson,
                "not valid JSON here: look for a missing comma, quote, colon or bracket, a comma before a closing bracket, a comment, or text after the object",
            ),
        };
        ConfigFileError::new(kind, message, (e.line(), e.column()))
    }
}

impl fmt::Display for ConfigFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "not a gateway configuration: {}", self.message)
        } else {
            write!(
                f,
                "not a gateway configuration: line {}, column {}: {}",
                self.line, self.column, self.message
            )
        }
    }
}

impl std::error::Error for ConfigFileError {}

#[cfg(feature = "serde")]
impl serde::Serialize for ConfigFileError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("ConfigFileError", 4)?;
        s.serialize_field("code", self.code())?;
        s.serialize_field("line", &self.line)?;
        s.serialize_field("column", &self.column)?;
        s.serialize_field("message", &self.message)?;
        s.end()
    }
}

// ---- loading -------------------------------------------------------------------------------

/// The JSON reader: the field tables and the walk (feature `serde`).
#[cfg(feature = "serde")]
mod reading {
    use super::*;

    /// The 1-based line and column (in characters) of byte `offset` of `text`.
    fn position(text: &str, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (
            before.matches('\n').count() + 1,
            before[line_start..].chars().count() + 1,
        )
    }

    fn is_json_whitespace(b: u8) -> bool {
        matches!(b, b' ' | b'\t' | b'\n' | b'\r')
    }

    /// Where lists and objects first nest deeper than [`MAX_CONFIG_DEPTH`], if they do.
    fn too_deep_at(text: &str) -> Option<usize> {
        let mut depth = 0usize;
        let mut in_string = false;
        let mut escaped = false;
        for (i, b) in text.bytes().enumerate() {
            if in_string {
                match b {
                    _ if escaped => escaped = false,
                    b'\\' => escaped = true,
                    b'"' => in_string = false,
                    _ => {}
                }
                continue;
            }
            match b {
                b'"' => in_string = true,
                b'[' | b'{' => {
                    depth += 1;
                    if depth > MAX_CONFIG_DEPTH {
                        return Some(i);
                    }
                }
                b']' | b'}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        None
    }

    // ---- the field tables ----------------------------------------------------------------------

    /// How a field's JSON value is read, and where it goes.
    enum Kind<T> {
        /// A string.
        Text(fn(&mut T, String)),
        /// A string kept as a secret.
        Secret(fn(&mut T, SecretString)),
        /// A decimal: a string, or a JSON number read exactly from its text.
        Decimal(fn(&mut T, String)),
        /// `true` or `false`.
        Flag(fn(&mut T, bool)),
        /// A list of strings.
        Texts(fn(&mut T, Vec<String>)),
        /// An object, read with its own table by the function.
        Object(fn(&mut T, &mut Loader, &Path, &RawValue)),
        /// A list of objects, read with their own table by the function.
        Objects(fn(&mut T, &mut Loader, &Path, &RawValue)),
    }

    /// One row of a field table: the field's name in the file, how it is read, and an example
    /// of a good value for messages.
    struct Field<T> {
        name: &'static str,
        kind: Kind<T>,
        example: &'static str,
    }

    const fn field<T>(name: &'static str, kind: Kind<T>, example: &'static str) -> Field<T> {
        Field {
            name,
            kind,
            example,
        }
    }

    /// The top level of the file, in the file format's order.
    const GATEWAY: &[Field<GatewayConfig>] = &[
        field(
            "platform",
            Kind::Text(|c, v| c.platform = Some(v)),
            "\"portabilling\"",
        ),
        field(
            "name",
            Kind::Text(|c, v| c.name = Some(v)),
            "\"Stripe USD\"",
        ),
        field("version", Kind::Text(|c, v| c.version = Some(v)), "\"v2\""),
        field("mode", Kind::Text(|c, v| c.mode = Some(v)), "\"test\""),
        field("existing", Kind::Flag(|c, v| c.existing = v), "false"),
        field(
            "auth",
            Kind::Object(|c, l, p, raw| c.auth = Some(l.members(p, raw, AUTH))),
            "{ \"scheme\": \"api_key\", \"secret_key\": \"sk_test_…\" }",
        ),
        field(
            "publishable_key",
            Kind::Text(|c, v| c.publishable_key = Some(v)),
            "\"pk_test_…\"",
        ),
        field(
            "account",
            Kind::Object(|c, l, p, raw| c.account = Some(l.members(p, raw, ACCOUNT))),
            "{ \"settlement_currency\": \"USD\" }",
        ),
        field(
            "data_protection",
            Kind::Text(|c, v| c.data_protection = Some(v)),
            "\"token_only\"",
        ),
        field(
            "card_brands",
            Kind::Texts(|c, v| c.card_brands = Some(v)),
            "[\"visa\", \"mastercard\"]",
        ),
        field(
            "currencies",
            Kind::Objects(|c, l, p, raw| {
                c.currencies = Some(l.list(p, raw, CURRENCY, CURRENCY_EXAMPLE))
            }),
            "[{ \"currency\": \"USD\", \"minimum_payment\": \"0.50\" }]",
        ),
        field(
            "return_url",
            Kind::Text(|c, v| c.return_url = Some(v)),
            "\"https://shop.example/3ds-return\"",
        ),
        field("radar", Kind::Flag(|c, v| c.radar = Some(v)), "true"),
        field(
            "live_card_tested",
            Kind::Flag(|c, v| c.live_card_tested = v),
            "true",
        ),
        field(
            "login",
            Kind::Text(|c, v| c.login = Some(v)),
            "\"billing-admin\"",
        ),
        field("active", Kind::Flag(|c, v| c.active = v), "true"),
        field("is_source", Kind::Flag(|c, v| c.is_source = v), "true"),
        field("is_target", Kind::Flag(|c, v| c.is_target = v), "false"),
        field(
            "timeout_ms",
            Kind::Decimal(|c, v| c.timeout_ms = Some(v)),
            "30000",
        ),
        field(
            "api_version",
            Kind::Text(|c, v| c.api_version = Some(v)),
            "\"2026-09-30.endive\"",
        ),
    ];

    /// The `auth` object.
    const AUTH: &[Field<AuthConfig>] = &[
        field(
            "scheme",
            Kind::Text(|c, v| c.scheme = Some(v)),
            "\"api_key\"",
        ),
        field(
            "secret_key",
            Kind::Secret(|c, v| c.secret_key = Some(v)),
            "\"sk_test_…\"",
        ),
        field(
            "account_id",
            Kind::Text(|c, v| c.account_id = Some(v)),
            "\"acct_…\"",
        ),
        field(
            "client_id",
            Kind::Text(|c, v| c.client_id = Some(v)),
            "\"ca_…\"",
        ),
        field(
            "client_secret",
            Kind::Secret(|c, v| c.client_secret = Some(v)),
            "\"…\"",
        ),
        field(
            "refresh_token",
            Kind::Secret(|c, v| c.refresh_token = Some(v)),
            "\"…\"",
        ),
        field(
            "account_name",
            Kind::Text(|c, v| c.account_name = Some(v)),
            "\"Example Shop\"",
        ),
    ];

    /// The `account` object.
    const ACCOUNT: &[Field<AccountConfig>] = &[
        field(
            "settlement_currency",
            Kind::Text(|c, v| c.settlement_currency = Some(v)),
            "\"USD\"",
        ),
        field(
            "raw_card_data_access",
            Kind::Flag(|c, v| c.raw_card_data_access = v),
            "false",
        ),
        field("country", Kind::Text(|c, v| c.country = Some(v)), "\"US\""),
        field(
            "limits",
            Kind::Object(|c, l, p, raw| c.limits = Some(l.members(p, raw, LIMITS))),
            "{ \"card_networks\": true }",
        ),
    ];

    /// The `account.limits` object.
    const LIMITS: &[Field<LimitsConfig>] = &[
        field(
            "card_networks",
            Kind::Flag(|c, v| c.card_networks = v),
            "true",
        ),
        field(
            "japanese_account",
            Kind::Flag(|c, v| c.japanese_account = Some(v)),
            "false",
        ),
        field(
            "currency_max",
            Kind::Objects(|c, l, p, raw| {
                c.currency_max = Some(l.list(p, raw, CURRENCY_MAX, CURRENCY_MAX_EXAMPLE))
            }),
            "[{ \"currency\": \"VND\", \"max_minor_units\": \"999999999999\" }]",
        ),
        field(
            "brand_max",
            Kind::Objects(|c, l, p, raw| {
                c.brand_max = Some(l.list(p, raw, BRAND_MAX, BRAND_MAX_EXAMPLE))
            }),
            "[{ \"brand\": \"amex\", \"max_minor_units\": \"999999999\" }]",
        ),
        field(
            "minimums",
            Kind::Objects(|c, l, p, raw| {
                c.minimums = Some(l.list(p, raw, MINIMUM, MINIMUM_EXAMPLE))
            }),
            "[{ \"currency\": \"USD\", \"minimum\": \"0.60\" }]",
        ),
    ];

    const CURRENCY_MAX_EXAMPLE: &str =
        "{ \"currency\": \"VND\", \"max_minor_units\": \"999999999999\" }";
    const BRAND_MAX_EXAMPLE: &str = "{ \"brand\": \"amex\", \"max_minor_units\": \"999999999\" }";
    const MINIMUM_EXAMPLE: &str = "{ \"currency\": \"USD\", \"minimum\": \"0.60\" }";

    /// One entry of `account.limits.currency_max`.
    const CURRENCY_MAX: &[Field<CurrencyMaxConfig>] = &[
        field(
            "currency",
            Kind::Text(|c, v| c.currency = Some(v)),
            "\"VND\"",
        ),
        field(
            "max_minor_units",
            Kind::Decimal(|c, v| c.max_minor_units = Some(v)),
            "\"999999999999\"",
        ),
    ];

    /// One entry of `account.limits.brand_max`.
    const BRAND_MAX: &[Field<BrandMaxConfig>] = &[
        field("brand", Kind::Text(|c, v| c.brand = Some(v)), "\"amex\""),
        field(
            "max_minor_units",
            Kind::Decimal(|c, v| c.max_minor_units = Some(v)),
            "\"999999999\"",
        ),
    ];

    /// One entry of `account.limits.minimums`.
    const MINIMUM: &[Field<MinimumConfig>] = &[
        field(
            "currency",
            Kind::Text(|c, v| c.currency = Some(v)),
            "\"USD\"",
        ),
        field(
            "minimum",
            Kind::Decimal(|c, v| c.minimum = Some(v)),
            "\"0.60\"",
        ),
    ];

    /// One entry of `currencies`.
    const CURRENCY: &[Field<CurrencyConfig>] = &[
        field(
            "currency",
            Kind::Text(|c, v| c.currency = Some(v)),
            "\"USD\"",
        ),
        field(
            "minimum_payment",
            Kind::Decimal(|c, v| c.minimum_payment = Some(v)),
            "\"0.50\"",
        ),
        field(
            "rate_to_settlement",
            Kind::Decimal(|c, v| c.rate_to_settlement = Some(v)),
            "\"1.09\"",
        ),
    ];

    const CURRENCY_EXAMPLE: &str = "{ \"currency\": \"USD\", \"minimum_payment\": \"0.50\" }";

    /// [`GatewayConfig::from_json_slice`]: UTF-8 first.
    pub(in crate::config) fn from_slice(bytes: &[u8]) -> Result<GatewayConfig, ConfigFileError> {
        match std::str::from_utf8(bytes) {
            Ok(text) => from_json(text),
            Err(e) => {
                let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
                Err(ConfigFileError::new(
                    ConfigFileErrorKind::NotUtf8,
                    "not UTF-8 text: save the file as UTF-8",
                    position(valid, valid.len()),
                ))
            }
        }
    }

    /// [`GatewayConfig::from_json`].
    pub(in crate::config) fn from_json(json: &str) -> Result<GatewayConfig, ConfigFileError> {
        if json.len() > MAX_CONFIG_LEN {
            return Err(ConfigFileError::new(
                ConfigFileErrorKind::TooLarge,
                format!(
                    "the file has {} bytes, more than the {MAX_CONFIG_LEN} a configuration may have",
                    json.len()
                ),
                (0, 0),
            ));
        }
        // A byte-order mark is invisible in an editor: positions are counted after it.
        let text = json.strip_prefix('\u{feff}').unwrap_or(json);
        let start = text
            .bytes()
            .position(|b| !is_json_whitespace(b))
            .unwrap_or(text.len());
        match text.as_bytes().get(start) {
            None => {
                return Err(ConfigFileError::new(
                    ConfigFileErrorKind::NotJson,
                    "the file is empty: expected a JSON object ({ … })",
                    position(text, start),
                ));
            }
            Some(b'{') => {}
            Some(_) => {
                return Err(ConfigFileError::new(
                    ConfigFileErrorKind::NotAnObject,
                    "expected a JSON object ({ … }) at the top level",
                    position(text, start),
                ));
            }
        }
        if let Some(at) = too_deep_at(text) {
            return Err(ConfigFileError::new(
                ConfigFileErrorKind::TooDeep,
                format!(
                    "lists and objects are nested more than {MAX_CONFIG_DEPTH} deep; a configuration needs 3"
                ),
                position(text, at),
            ));
        }
        let raw: &RawValue =
            serde_json::from_str(text).map_err(|e| ConfigFileError::from_json_error(&e))?;
        let mut loader = Loader::default();
        let mut config: GatewayConfig = loader.members(&Path::root(), raw, GATEWAY);
        config.load_violations = LoadViolations(loader.found);
        Ok(config)
    }

    /// An object's members in the order of the file, values unparsed.
    struct Members<'a>(Vec<(String, &'a RawValue)>);

    impl<'de: 'a, 'a> serde::Deserialize<'de> for Members<'a> {
        fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            struct Visit<'a>(std::marker::PhantomData<&'a ()>);
            impl<'de: 'a, 'a> serde::de::Visitor<'de> for Visit<'a> {
                type Value = Members<'a>;
                fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                    f.write_str("an object")
                }
                fn visit_map<M: serde::de::MapAccess<'de>>(
                    self,
                    mut map: M,
                ) -> Result<Members<'a>, M::Error> {
                    let mut members = Vec::new();
                    while let Some(name) = map.next_key::<String>()? {
                        let value: &'de RawValue = map.next_value()?;
                        members.push((name, value));
                    }
                    Ok(Members(members))
                }
            }
            deserializer.deserialize_map(Visit(std::marker::PhantomData))
        }
    }

    /// A JSON value's type, from its first character.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum JsonType {
        Null,
        Bool,
        Number,
        String,
        List,
        Object,
    }

    impl JsonType {
        fn of(raw: &RawValue) -> JsonType {
            match raw.get().trim_start().as_bytes().first() {
                Some(b'n') => JsonType::Null,
                Some(b't' | b'f') => JsonType::Bool,
                Some(b'"') => JsonType::String,
                Some(b'[') => JsonType::List,
                Some(b'{') => JsonType::Object,
                _ => JsonType::Number,
            }
        }

        /// As a message says what was found.
        fn described(self) -> &'static str {
            match self {
                JsonType::Null => "null",
                JsonType::Bool => "a boolean",
                JsonType::Number => "a number",
                JsonType::String => "a string",
                JsonType::List => "a list",
                JsonType::Object => "an object",
            }
        }
    }

    impl<T> Kind<T> {
        /// What the field takes, for messages.
        fn expected(&self) -> &'static str {
            match self {
                Kind::Text(_) | Kind::Secret(_) => "a string",
                Kind::Decimal(_) => "a decimal string",
                Kind::Flag(_) => "true or false",
                Kind::Texts(_) => "a list of strings",
                Kind::Object(_) => "an object",
                Kind::Objects(_) => "a list of objects",
            }
        }
    }

    /// Walks the JSON against the field tables and collects the violations.
    #[derive(Default)]
    struct Loader {
        found: Vec<Violation>,
    }

    impl Loader {
        /// Reads an object with its table; every member is checked, every problem kept.
        fn members<T: Default>(&mut self, path: &Path, raw: &RawValue, fields: &[Field<T>]) -> T {
            let mut out = T::default();
            // The text was read as JSON already and is an object: this cannot fail.
            let Ok(Members(members)) = serde_json::from_str::<Members<'_>>(raw.get()) else {
                return out;
            };
            let mut seen: Vec<&str> = Vec::with_capacity(members.len());
            for (name, value) in &members {
                let Some(field) = fields.iter().find(|f| f.name == name) else {
                    self.unknown(path, name, fields);
                    continue;
                };
                let at = path.clone().then(field.name);
                if seen.contains(&field.name) {
                    self.found.push(
                        Violation::error(
                            at.clone(),
                            ViolationCode::DuplicateField,
                            format!("{at} is given more than once; the last one is used"),
                        )
                        .with_remedy(format!("keep one {} field", field.name)),
                    );
                } else {
                    seen.push(field.name);
                }
                self.field(&mut out, field, &at, value);
            }
            out
        }

        /// Reads a list of objects with their table; an element that is not an object is a
        /// `wrong_type` at its index and an empty entry, so the indexes of the others hold.
        fn list<T: Default>(
            &mut self,
            path: &Path,
            raw: &RawValue,
            fields: &[Field<T>],
            example: &str,
        ) -> Vec<T> {
            let Ok(items) = serde_json::from_str::<Vec<&RawValue>>(raw.get()) else {
                return Vec::new();
            };
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.into_iter().enumerate() {
                let at = path.clone().index(i);
                match JsonType::of(item) {
                    JsonType::Object => out.push(self.members(&at, item, fields)),
                    found => {
                        self.wrong_type(&at, found, item, "an object", example);
                        out.push(T::default());
                    }
                }
            }
            out
        }

        fn field<T>(&mut self, out: &mut T, field: &Field<T>, at: &Path, raw: &RawValue) {
            let found = JsonType::of(raw);
            if found == JsonType::Null {
                return;
            }
            let expected = field.kind.expected();
            let wrong = |this: &mut Self| this.wrong_type(at, found, raw, expected, field.example);
            match (&field.kind, found) {
                (Kind::Text(set), JsonType::String) => set(out, string(raw)),
                (Kind::Secret(set), JsonType::String) => set(out, SecretString::from(string(raw))),
                (Kind::Decimal(set), JsonType::String) => set(out, string(raw)),
                (Kind::Decimal(set), JsonType::Number) => match exact_decimal(raw.get()) {
                    Some(text) => set(out, text),
                    None => self.found.push(
                        Violation::error(
                            at.clone(),
                            ViolationCode::InvalidValue,
                            format!("{at} is a number with too many digits to read exactly"),
                        )
                        .with_remedy(format!(
                            "write {at} as a decimal string, for example {}",
                            field.example
                        )),
                    ),
                },
                (Kind::Flag(set), JsonType::Bool) => set(out, raw.get().trim() == "true"),
                (Kind::Texts(set), JsonType::List) => {
                    let items =
                        serde_json::from_str::<Vec<&RawValue>>(raw.get()).unwrap_or_default();
                    let mut texts = Vec::with_capacity(items.len());
                    for (i, item) in items.into_iter().enumerate() {
                        match JsonType::of(item) {
                            JsonType::String => texts.push(string(item)),
                            other => {
                                let example = field.example.trim_start_matches('[');
                                let example = example.split(',').next().unwrap_or(example);
                                self.wrong_type(
                                    &at.clone().index(i),
                                    other,
                                    item,
                                    "a string",
                                    example,
                                );
                                texts.push(String::new());
                            }
                        }
                    }
                    set(out, texts);
                }
                (Kind::Object(read), JsonType::Object) | (Kind::Objects(read), JsonType::List) => {
                    read(out, self, at, raw);
                }
                _ => wrong(self),
            }
        }

        fn wrong_type(
            &mut self,
            at: &Path,
            found: JsonType,
            raw: &RawValue,
            expected: &str,
            example: &str,
        ) {
            // A string is quoted through the secret-safe excerpt; other values by type only.
            let shown = match found {
                JsonType::String => {
                    format!("{}, {}", found.described(), InputExcerpt::new(&string(raw)))
                }
                JsonType::Bool => format!("{} ({})", found.described(), raw.get().trim()),
                _ => found.described().to_owned(),
            };
            let remedy = match (expected, found) {
                ("true or false", JsonType::String) => {
                    match string(raw).trim().to_ascii_lowercase().as_str() {
                        word @ ("true" | "false") => format!("write {word} without quotes"),
                        _ => "write true or false, without quotes".to_owned(),
                    }
                }
                _ => format!("write {at} as {expected}, for example {example}"),
            };
            let name = if at.is_root() {
                "the value".to_owned()
            } else {
                at.to_string()
            };
            self.found.push(
                Violation::error(
                    at.clone(),
                    ViolationCode::WrongType,
                    format!("{name} is {shown}, expected {expected} such as {example}"),
                )
                .with_remedy(remedy),
            );
        }

        fn unknown<T>(&mut self, path: &Path, name: &str, fields: &[Field<T>]) {
            let closest = closest(name, fields.iter().map(|f| f.name));
            // Not a misspelling here, but a field of another object: say where it goes.
            let elsewhere = if closest.is_none() {
                belongs_in(name)
            } else {
                None
            };
            let at = path.clone().then(path_segment(name));
            let within = if path.is_root() {
                "the configuration".to_owned()
            } else {
                path.to_string()
            };
            let shown = InputExcerpt::new(name);
            let known: Vec<&str> = fields.iter().map(|f| f.name).collect();
            let (message, remedy) = match (closest, elsewhere) {
                (Some(known), _) => (
                    format!("unknown field {shown} in {within}; did you mean `{known}`?"),
                    format!("rename it to {known}, or remove it"),
                ),
                (None, Some(place)) => (
                    format!("unknown field {shown} in {within}; it belongs in {place}"),
                    format!("move it into {place}"),
                ),
                (None, None) => (
                    format!("unknown field {shown} in {within}"),
                    format!("remove it; {within} takes {}", known.join(", ")),
                ),
            };
            let mut violation =
                Violation::error(at, ViolationCode::UnknownField, message).with_remedy(remedy);
            if let Some(known) = closest {
                violation = violation.with_param("did_you_mean", known);
            }
            if let Some(place) = elsewhere {
                violation = violation.with_param("belongs_in", place);
            }
            self.found.push(violation);
        }
    }

    /// The object of the file format that has a field named `name`, if one has.
    fn belongs_in(name: &str) -> Option<&'static str> {
        fn has<T>(fields: &[Field<T>], name: &str) -> bool {
            fields.iter().any(|f| f.name == name)
        }
        if has(GATEWAY, name) {
            Some("the top level of the configuration")
        } else if has(AUTH, name) {
            Some("auth")
        } else if has(ACCOUNT, name) {
            Some("account")
        } else if has(CURRENCY, name) {
            Some("each entry of currencies")
        } else if has(LIMITS, name) {
            Some("account.limits")
        } else {
            None
        }
    }

    /// A JSON string's value (the text was read as JSON already).
    fn string(raw: &RawValue) -> String {
        serde_json::from_str(raw.get()).unwrap_or_default()
    }

    /// An unknown field's name as a path segment: short, cut before anything secret-shaped, and
    /// without the characters that would make the path read as another one.
    fn path_segment(name: &str) -> String {
        let cut = truncated(name, 32);
        let cleaned: String = cut
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || matches!(c, '_' | '-' | '…') {
                    c
                } else {
                    '?'
                }
            })
            .collect();
        if cleaned.is_empty() {
            "?".to_owned()
        } else {
            cleaned
        }
    }

    /// The known name closest to `name`: the same but for capitals, spaces or hyphens, or a
    /// few edits away (two, or a third of its length).
    fn closest<'a>(name: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
        if name.len() > 64 {
            return None;
        }
        let folded: Vec<u8> = name
            .trim()
            .bytes()
            .map(|b| match b {
                b' ' | b'-' => b'_',
                other => other.to_ascii_lowercase(),
            })
            .collect();
        let limit = 2.max(folded.len() / 3);
        known
            .map(|k| (edit_distance(&folded, k.as_bytes()), k))
            .filter(|(d, _)| *d <= limit)
            .min_by_key(|(d, _)| *d)
            .map(|(_, k)| k)
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
    /// neighbours (`nmae` → `name` is 1).
    fn edit_distance(a: &[u8], b: &[u8]) -> usize {
        let width = b.len() + 1;
        let mut d = vec![0usize; (a.len() + 1) * width];
        for i in 0..=a.len() {
            d[i * width] = i;
        }
        for (j, cell) in d.iter_mut().enumerate().take(width) {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (d[(i - 1) * width + j] + 1)
                    .min(d[i * width + j - 1] + 1)
                    .min(d[(i - 1) * width + j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(d[(i - 2) * width + j - 2] + 1);
                }
                d[i * width + j] = best;
            }
        }
        d[a.len() * width + b.len()]
    }

    /// The most digits a number written in the file may have once its exponent is applied.
    const MAX_NUMBER_DIGITS: usize = 40;

    /// A JSON number's text as a plain decimal, exactly: `1e-2` is `0.01`, `1.50` stays `1.50`,
    /// `12345678901234567890.12` keeps every digit. `None` when it would have more than
    /// [`MAX_NUMBER_DIGITS`] digits.
    fn exact_decimal(number: &str) -> Option<String> {
        let number = number.trim();
        let (negative, unsigned) = match number.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, number),
        };
        let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
            Some(i) => (&unsigned[..i], unsigned[i + 1..].parse::<i64>().ok()?),
            None => (unsigned, 0),
        };
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        if int.is_empty() || !int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let digits = format!("{int}{frac}");
        let point = i64::try_from(int.len()).ok()?.checked_add(exponent)?;
        let len = i64::try_from(digits.len()).ok()?;
        let width = point.max(len).max(0).checked_sub(point.min(0))?;
        if usize::try_from(width).ok()? > MAX_NUMBER_DIGITS {
            return None;
        }
        let mut out = String::with_capacity(MAX_NUMBER_DIGITS + 3);
        if negative {
            out.push('-');
        }
        if point <= 0 {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', usize::try_from(-point).ok()?));
            out.push_str(&digits);
        } else if point >= len {
            out.push_str(&digits);
            out.extend(std::iter::repeat_n('0', usize::try_from(point - len).ok()?));
        } else {
            let split = usize::try_from(point).ok()?;
            out.push_str(&digits[..split]);
            out.push('.');
            out.push_str(&digits[split..]);
        }
        // Leading zeros of the integer part (`0012` cannot be JSON, but `0e1` gives `00`).
        let sign = usize::from(negative);
        while out.len() > sign + 1
            && out.as_bytes()[sign] == b'0'
            && out.as_bytes()[sign + 1].is_ascii_digit()
        {
            out.remove(sign);
        }
        Some(out)
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn numbers_are_read_exactly_from_their_text() {
            for (json, decimal) in [
                ("0.1", "0.1"),
                ("1e-2", "0.01"),
                ("1E-2", "0.01"),
                ("1.50", "1.50"),
                ("1.5e1", "15"),
                ("1.50e1", "15.0"),
                ("2e2", "200"),
                ("0e1", "0"),
                ("-0.5", "-0.5"),
                ("12345678901234567890.12", "12345678901234567890.12"),
                ("5", "5"),
                ("0.5e0", "0.5"),
                ("1e+2", "100"),
            ] {
                assert_eq!(exact_decimal(json).as_deref(), Some(decimal), "{json}");
            }
            // The property test below compares with this reading; it does read these forms.
            assert_eq!(
                rust_decimal::Decimal::from_scientific("12.5e-3").ok(),
                Some(rust_decimal::Decimal::new(125, 4))
            );
            for absurd in [
                "1e999999999",
                "1e-50",
                "1e99999999999999999999",
                "1e-9223372036854775808",
                "1e9223372036854775807",
                "1".repeat(41).as_str(),
            ] {
                assert_eq!(exact_decimal(absurd), None, "{absurd}");
            }
        }

        proptest::proptest! {
            /// The decimal read from a number's text is the number: the same value as
            /// `rust_decimal`'s own reading of scientific notation.
            #[test]
            fn exact_decimal_is_the_number(
                int in "[0-9]{1,9}",
                frac in "([0-9]{1,9})?",
                exp in -9i32..9,
                upper in proptest::bool::ANY,
            ) {
                use std::str::FromStr;
                let e = if upper { 'E' } else { 'e' };
                let text = if frac.is_empty() {
                    format!("{int}{e}{exp}")
                } else {
                    format!("{int}.{frac}{e}{exp}")
                };
                let exact = exact_decimal(&text).expect("few digits");
                let ours = rust_decimal::Decimal::from_str(&exact).expect("a plain decimal");
                if let Ok(theirs) = rust_decimal::Decimal::from_scientific(&text) {
                    proptest::prop_assert_eq!(ours, theirs, "{} read as {}", text, exact);
                }
            }
        }

        proptest::proptest! {
            /// Any exponent, the extremes of `i64` included: a decimal or `None`, no panic.
            #[test]
            fn exact_decimal_never_panics(
                int in "[0-9]{1,40}",
                frac in "[0-9]{0,40}",
                exp in proptest::num::i64::ANY,
            ) {
                let _ = exact_decimal(&format!("{int}.{frac}e{exp}"));
                let _ = exact_decimal(&format!("-{int}e{exp}"));
            }
        }

        #[test]
        fn the_closest_name_is_a_few_edits_away() {
            let names = ["name", "minimum_payment", "currency"];
            assert_eq!(closest("nmae", names.into_iter()), Some("name"));
            assert_eq!(
                closest("minimumPayment", names.into_iter()),
                Some("minimum_payment")
            );
            assert_eq!(
                closest("Minimum-Payment", names.into_iter()),
                Some("minimum_payment")
            );
            assert_eq!(closest("colour", names.into_iter()), None);
        }

        #[test]
        fn unknown_names_become_plain_path_segments() {
            assert_eq!(path_segment("nmae"), "nmae");
            assert_eq!(path_segment("a.b[0]"), "a?b?0?");
            assert_eq!(path_segment(""), "?");
            assert_eq!(
                path_segment("sk_live_4eC39HqLyjWDarjtT1zdp7dc"),
                "sk_live_…"
            );
        }
    }
}

#[cfg(feature = "serde")]
pub(super) use reading::{from_json, from_slice};
