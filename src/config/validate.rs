//! The validation of a [`GatewayConfig`]: parse every field, check every rule, collect every
//! violation, in field order.

use std::str::FromStr;

use iso_currency::Country;
use secrecy::{ExposeSecret, SecretString};
use url::Url;

use super::gateway::{CurrencyAssignment, CurrencyIndex, ValidatedGateway};
use super::{AccountConfig, AuthConfig, CurrencyConfig, GatewayConfig};
use crate::auth::AuthScheme;
use crate::card_brand::{CardBrand, CardBrands};
use crate::codes::ViolationCode;
use crate::connection::ConnectionSettingsDraft;
use crate::credentials::{
    AccountId, ClientId, ClientSecret, CredentialError, Mode, PublishableKey, RefreshToken,
    SecretKey,
};
use crate::currency::{Currency, CurrencySet, is_presentment_currency, parse_currency};
use crate::data_protection::DataProtection;
use crate::diagnostics::{Path, Report, Severity, Violation};
use crate::minimum::{MinimumVerdict, check_minimum, stripe_minimum};
use crate::money::{ExchangeRate, Money, RoundingMode, parse_amount};
use crate::profile::{Platform, Profile, Rule};
use crate::text::InputExcerpt;
use crate::version::GatewayVersion;

/// The longest gateway name accepted.
const MAX_NAME_CHARS: usize = 200;

/// The configuration file's field names in the order of the file, for sorting violations.
const FIELD_ORDER: &[&str] = &[
    "platform",
    "name",
    "login",
    "version",
    "mode",
    "existing",
    "auth",
    "scheme",
    "secret_key",
    "account_id",
    "client_id",
    "client_secret",
    "refresh_token",
    "account_name",
    "publishable_key",
    "account",
    "settlement_currency",
    "raw_card_data_access",
    "country",
    "data_protection",
    "card_brands",
    "currencies",
    "currency",
    "minimum_payment",
    "rate_to_settlement",
    "return_url",
    "radar",
    "live_card_tested",
    "active",
    "is_source",
    "is_target",
    "timeout_ms",
    "api_version",
];

/// The smallest minimum payment in `currency` that reaches Stripe's minimum `stripe` (in the
/// settlement currency), converted at `rate` where there is one: rounded up to what the
/// currency allows. `None` when it cannot be computed exactly.
fn smallest_passing_minimum(
    currency: Currency,
    stripe: Money,
    rate: Option<&ExchangeRate>,
) -> Option<Money> {
    let needed = match rate {
        None if stripe.currency() == currency => stripe.amount(),
        None => return None,
        Some(rate) => stripe.amount().checked_div(rate.rate())?,
    };
    Money::new(needed, currency)
        .round_to_stripe(RoundingMode::Up)
        .ok()
}

/// The path of a field, from its printed form (every path here is written by this module).
fn path_of(path: &str) -> Path {
    path.parse().unwrap_or_default()
}

#[derive(Default)]
struct Collector {
    found: Report,
    /// The secret and publishable keys look swapped: their errors say so.
    swapped_keys: bool,
}

impl Collector {
    fn push(
        &mut self,
        path: impl AsRef<str>,
        (code, severity): (ViolationCode, Severity),
        message: impl Into<String>,
        remedy: impl Into<String>,
    ) {
        self.found.push(
            Violation::new(severity, path_of(path.as_ref()), code, message).with_remedy(remedy),
        );
    }

    fn error(
        &mut self,
        path: impl AsRef<str>,
        code: ViolationCode,
        message: impl Into<String>,
        remedy: impl Into<String>,
    ) {
        self.push(path, (code, Severity::Error), message, remedy);
    }

    fn warning(
        &mut self,
        path: impl AsRef<str>,
        code: ViolationCode,
        message: impl Into<String>,
        remedy: impl Into<String>,
    ) {
        self.push(path, (code, Severity::Warning), message, remedy);
    }

    fn missing(&mut self, path: &str, remedy: &str) {
        self.error(
            path,
            ViolationCode::MissingField,
            format!("{path} is required"),
            remedy,
        );
    }

    /// A required text field: reports `missing_field` when absent.
    fn required<'a>(
        &mut self,
        path: &str,
        value: Option<&'a str>,
        remedy: &str,
    ) -> Option<&'a str> {
        if value.is_none() {
            self.missing(path, remedy);
        }
        value
    }

    /// Parses a present value with its `FromStr`; a failure is `invalid_value` with the
    /// parser's own message (which names what was found: these fields are not secret).
    fn parse<T>(&mut self, path: &str, value: Option<&str>, remedy: &str) -> Option<T>
    where
        T: FromStr,
        T::Err: std::fmt::Display,
    {
        self.parse_with(path, value, remedy, str::parse)
    }

    /// A required field parsed with `parser`: `missing_field` when absent, `invalid_value`
    /// when it does not parse. `remedies` are (when missing, when invalid).
    fn required_with<T, E: std::fmt::Display>(
        &mut self,
        path: &str,
        value: Option<&str>,
        (missing, invalid): (&str, &str),
        parser: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<T> {
        let value = self.required(path, value, missing);
        self.parse_with(path, value, invalid, parser)
    }

    /// Parses a present value with `parser`; a failure is `invalid_value` with the parser's
    /// own message.
    fn parse_with<T, E: std::fmt::Display>(
        &mut self,
        path: &str,
        value: Option<&str>,
        remedy: &str,
        parser: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<T> {
        match parser(value?) {
            Ok(v) => Some(v),
            Err(e) => {
                self.error(path, ViolationCode::InvalidValue, e.to_string(), remedy);
                None
            }
        }
    }

    /// Reports a credential that did not parse, with the code its error calls for.
    fn credential(&mut self, path: &str, err: &CredentialError) {
        let mut found = err.to_violation(path_of(path));
        if self.swapped_keys && matches!(path, "auth.secret_key" | "publishable_key") {
            found = found
                .with_remedy("the secret and publishable keys look swapped: put the secret key (sk_…) in auth.secret_key and the publishable key (pk_…) in publishable_key")
                .with_param("swapped", true);
        }
        self.found.push(found);
    }

    /// A required credential field: `missing_field` when absent, else parsed.
    fn required_credential<T>(&mut self, path: &str, value: Option<&str>, remedy: &str) -> Option<T>
    where
        T: FromStr<Err = CredentialError>,
    {
        let value = self.required(path, value, remedy);
        self.parse_credential(path, value)
    }

    fn parse_credential<T>(&mut self, path: &str, value: Option<&str>) -> Option<T>
    where
        T: FromStr<Err = CredentialError>,
    {
        match value?.parse() {
            Ok(v) => Some(v),
            Err(e) => {
                self.credential(path, &e);
                None
            }
        }
    }

    fn finish(mut self) -> Report {
        self.found.sort_in_field_order(FIELD_ORDER);
        self.found
    }
}

fn expose(secret: Option<&SecretString>) -> Option<&str> {
    secret.map(ExposeSecret::expose_secret)
}

pub(super) fn validate(c: &GatewayConfig, profile: &Profile) -> Result<ValidatedGateway, Report> {
    match check(c, profile) {
        (report, Some(gateway)) if report.is_valid() => Ok(gateway),
        (mut report, None) if report.is_valid() => {
            report.push(
                Violation::error(
                    Path::default(),
                    ViolationCode::PaymentFieldsMissing,
                    format!(
                        "this {} form is valid, but it has no settlement currency or no assigned currencies, so it cannot take payments",
                        profile.name()
                    ),
                )
                .with_remedy(
                    "check a connection's form with report(); give account.settlement_currency and currencies to take payments",
                ),
            );
            Err(report)
        }
        (report, _) => Err(report),
    }
}

/// The fields of the file a profile may lack, with whether the configuration has them.
fn present_fields(c: &GatewayConfig) -> [(&'static str, bool); 19] {
    [
        ("name", c.name.is_some()),
        ("version", c.version.is_some()),
        ("mode", c.mode.is_some()),
        ("existing", c.existing),
        ("auth", c.auth.is_some()),
        ("publishable_key", c.publishable_key.is_some()),
        ("account", c.account.is_some()),
        ("data_protection", c.data_protection.is_some()),
        ("card_brands", c.card_brands.is_some()),
        ("currencies", c.currencies.is_some()),
        ("return_url", c.return_url.is_some()),
        ("radar", c.radar.is_some()),
        ("live_card_tested", c.live_card_tested),
        ("login", c.login.is_some()),
        ("active", c.active),
        ("is_source", c.is_source),
        ("is_target", c.is_target),
        ("timeout_ms", c.timeout_ms.is_some()),
        ("api_version", c.api_version.is_some()),
    ]
}

/// A field a profile requires that no rule below asks for by itself (a platform that
/// requires the publishable key or the return URL, say).
fn required_elsewhere(v: &mut Collector, c: &GatewayConfig, profile: &Profile) {
    let fields = [
        ("publishable_key", c.publishable_key.is_some()),
        ("return_url", c.return_url.is_some()),
        ("timeout_ms", c.timeout_ms.is_some()),
        ("api_version", c.api_version.is_some()),
    ];
    for (field, present) in fields {
        if profile.requires(field) && !present {
            v.missing(
                field,
                &format!("fill in {field}: the {} form requires it", profile.name()),
            );
        }
    }
}

/// rules §11: a field the platform's form does not have is reported and ignored, so no
/// other platform's rule fires on it.
fn without_foreign_fields(
    v: &mut Collector,
    c: &GatewayConfig,
    profile: &Profile,
) -> GatewayConfig {
    let mut kept = c.clone();
    for (field, present) in present_fields(c) {
        if !present || profile.has_field(field) {
            continue;
        }
        v.warning(
            field,
            ViolationCode::FieldNotOnForm,
            format!(
                "{field} is not a field of the {} form, so it is ignored",
                profile.name()
            ),
            format!("remove {field}, or set platform to the form it belongs to"),
        );
        match field {
            "name" => kept.name = None,
            "version" => kept.version = None,
            "mode" => kept.mode = None,
            "existing" => kept.existing = false,
            "auth" => kept.auth = None,
            "publishable_key" => kept.publishable_key = None,
            "account" => kept.account = None,
            "data_protection" => kept.data_protection = None,
            "card_brands" => kept.card_brands = None,
            "currencies" => kept.currencies = None,
            "return_url" => kept.return_url = None,
            "radar" => kept.radar = None,
            "live_card_tested" => kept.live_card_tested = false,
            "login" => kept.login = None,
            "active" => kept.active = false,
            "is_source" => kept.is_source = false,
            "is_target" => kept.is_target = false,
            "timeout_ms" => kept.timeout_ms = None,
            _ => kept.api_version = None,
        }
    }
    kept
}

/// Parses every field the profile's form has, applies the profile's rules and the
/// platform's own checks, and returns the report with the validated gateway when the form
/// has every field a payment gateway needs and no error.
pub(super) fn check(c: &GatewayConfig, profile: &Profile) -> (Report, Option<ValidatedGateway>) {
    let mut v = Collector::default();
    if let Some(platform) = c.platform.as_deref() {
        v.parse::<Platform>(
            "platform",
            Some(platform),
            "use konnektive, ipaas_connector, kartra, data_connector or portabilling, or leave it out for every rule",
        );
    }
    let kept = without_foreign_fields(&mut v, c, profile);
    let c = &kept;
    required_elsewhere(&mut v, c, profile);
    v.swapped_keys = keys_look_swapped(c);

    let name = if profile.applies(Rule::ConnectionSettings) {
        c.name.clone()
    } else {
        check_name(&mut v, c.name.as_deref(), profile.requires("name"))
    };

    let version = check_version(&mut v, c, profile);

    let explicit_mode: Option<Mode> = if profile.requires("mode") {
        v.required_with(
            "mode",
            c.mode.as_deref(),
            ("set mode to test or live", "use test or live"),
            str::parse,
        )
    } else {
        v.parse(
            "mode",
            c.mode.as_deref(),
            "use test or live, or leave it out: the key's prefix says it",
        )
    };

    let publishable_key: Option<PublishableKey> =
        v.parse_credential("publishable_key", c.publishable_key.as_deref());

    let auth = match &c.auth {
        None if profile.requires("auth") => {
            v.missing(
                "auth",
                "add an auth object: {\"scheme\":\"api_key\",\"secret_key\":\"sk_…\"}",
            );
            None
        }
        None => None,
        Some(auth) => check_auth(&mut v, auth, publishable_key.clone(), profile),
    };

    check_key_modes(
        &mut v,
        explicit_mode,
        auth.as_ref(),
        publishable_key.as_ref(),
    );
    if profile.applies(Rule::LiveKeyField) {
        test_key_in_live_field(&mut v, auth.as_ref());
    }
    restricted_key(&mut v, auth.as_ref(), profile);
    // Without a mode switch (or with an unreadable one), the keys' prefix says the mode.
    let mode = explicit_mode
        .or_else(|| auth.as_ref().and_then(AuthScheme::mode))
        .or_else(|| publishable_key.as_ref().map(PublishableKey::mode));

    if profile.applies(Rule::Login) {
        check_login(&mut v, c.login.as_deref());
    }
    if profile.applies(Rule::ConnectionSettings) {
        connection_settings(&mut v, c);
    }

    let needs_account = profile.requires("account")
        || (c.currencies.is_some() && profile.applies(Rule::Currencies));
    let account = check_account(&mut v, c.account.as_ref(), needs_account);

    let data_protection: Option<DataProtection> = if profile.requires("data_protection") {
        v.required_with(
            "data_protection",
            c.data_protection.as_deref(),
            (
                "choose token_only or full_card_except_cvv",
                "use token_only or full_card_except_cvv",
            ),
            str::parse,
        )
    } else {
        v.parse(
            "data_protection",
            c.data_protection.as_deref(),
            "use token_only or full_card_except_cvv, or leave it out when Stripe collects card numbers",
        )
    };

    if profile.applies(Rule::RawCardData) {
        raw_card_data(
            &mut v,
            profile,
            version,
            (data_protection, c.data_protection.is_some()),
            account.as_ref(),
        );
    }

    let card_brands = if profile.applies(Rule::CardBrands)
        && (profile.requires("card_brands") || c.card_brands.is_some())
    {
        check_card_brands(&mut v, c.card_brands.as_deref())
    } else {
        CardBrands::new()
    };

    let settlement = account.as_ref().and_then(|a| a.settlement_currency);
    let currencies = if profile.applies(Rule::Currencies)
        && (profile.requires("currencies") || c.currencies.is_some())
    {
        check_currencies(&mut v, c.currencies.as_deref(), settlement, card_brands)
    } else {
        None
    };

    // A new gateway may only be V2, so the V2 rules are decided when the version is missing
    // or unreadable: one round shows everything.
    let effective_version = version.unwrap_or(GatewayVersion::V2);
    let return_url = if profile.applies(Rule::ReturnUrl) {
        check_return_url(&mut v, c.return_url.as_deref(), effective_version, mode)
    } else {
        None
    };

    if profile.applies(Rule::LiveCardTest) && mode == Some(Mode::Live) && !c.live_card_tested {
        v.warning(
            "live_card_tested",
            ViolationCode::LiveCardTestMissing,
            "the gateway is in live mode, but no test transaction with a live card was recorded",
            "before going live, make a test transaction with a live card, then set live_card_tested to true",
        );
    }

    for own in profile.checks() {
        own(c, &mut v.found);
    }
    let report = v.finish();
    if !report.is_valid() {
        return (report, None);
    }
    let (Some(name), Some(mode), Some(auth), Some(account), Some(settlement), Some(currencies)) =
        (name, mode, auth, account, settlement, currencies)
    else {
        return (report, None);
    };
    let warnings = report.violations().to_vec();
    let gateway = ValidatedGateway {
        name,
        version: effective_version,
        mode,
        existing: c.existing,
        auth,
        publishable_key,
        settlement_currency: settlement,
        raw_card_data_access: account.raw_card_data_access,
        country: account.country,
        data_protection,
        card_brands,
        index: CurrencyIndex::new(&currencies),
        currencies,
        return_url,
        radar: c.radar.unwrap_or(false),
        live_card_tested: c.live_card_tested,
        warnings,
    };
    (report, Some(gateway))
}

/// The version, where the form has one; V1 is legacy (rules §3, S0).
fn check_version(
    v: &mut Collector,
    c: &GatewayConfig,
    profile: &Profile,
) -> Option<GatewayVersion> {
    let remedies = (
        "set version to v2 (Stripe V2: PaymentIntents with Stripe's native 3DS)",
        "use v2; v1 is legacy and may only exist, not be created",
    );
    let version: Option<GatewayVersion> = if profile.requires("version") {
        v.required_with("version", c.version.as_deref(), remedies, str::parse)
    } else {
        v.parse("version", c.version.as_deref(), remedies.1)
    };
    if profile.applies(Rule::GatewayVersion) && version.is_some_and(GatewayVersion::is_legacy) {
        legacy_version(v, c.existing);
    }
    version
}

fn check_name(v: &mut Collector, name: Option<&str>, required: bool) -> Option<String> {
    let remedy = "give the gateway a name, such as \"Stripe USD\"";
    let name = if required {
        v.required("name", name, remedy)?
    } else {
        name?
    };
    if name.trim().is_empty() {
        v.error("name", ViolationCode::InvalidValue, "name is empty", remedy);
        return None;
    }
    let chars = name.chars().count();
    if chars > MAX_NAME_CHARS {
        v.error(
            "name",
            ViolationCode::InvalidValue,
            format!("name has {chars} characters, more than {MAX_NAME_CHARS}"),
            "shorten the name",
        );
        return None;
    }
    Some(name.to_owned())
}

/// The shortest Login S4 accepts: "the input must be longer than 4 characters".
const MIN_LOGIN_CHARS: usize = 5;

/// S4: "Login – type in any info as it is ignored by Add-on Mart (however, this field is
/// obligatory and the input must be longer than 4 characters)". The Login is never echoed:
/// users type anything into it, a password included.
fn check_login(v: &mut Collector, login: Option<&str>) {
    let remedy = "type any text of 5 characters or more, such as \"addonmart\": Add-on Mart ignores it, but PortaBilling requires it";
    match login {
        None => v.missing("login", remedy),
        Some(l) if l.trim().is_empty() => v.error(
            "login",
            ViolationCode::MissingField,
            "login is empty; PortaBilling requires it, though Add-on Mart ignores it",
            remedy,
        ),
        Some(l) => {
            let chars = l.chars().count();
            if chars < MIN_LOGIN_CHARS {
                v.found.push(
                    Violation::error(
                        path_of("login"),
                        ViolationCode::LoginTooShort,
                        format!("login has {chars} characters; PortaBilling requires more than 4"),
                    )
                    .with_remedy(remedy)
                    .with_param("chars", chars)
                    .with_param("min_chars", MIN_LOGIN_CHARS),
                );
            }
        }
    }
}

/// S1's connection settings, checked by [`ConnectionSettingsDraft`] itself; its findings
/// about the key are left to the auth object's checks (the same parser), and its
/// `secret_key` path is the file's `auth.secret_key`.
fn connection_settings(v: &mut Collector, c: &GatewayConfig) {
    let mut draft = ConnectionSettingsDraft::default();
    draft.name.clone_from(&c.name);
    draft.active = c.active;
    draft.is_source = c.is_source;
    draft.is_target = c.is_target;
    draft.timeout_ms.clone_from(&c.timeout_ms);
    draft.api_version.clone_from(&c.api_version);
    draft.secret_key = c.auth.as_ref().and_then(|a| a.secret_key.clone());
    for found in draft.problems().violations() {
        if found.path().last_field() != Some("secret_key") {
            v.found.push(found.clone());
        }
    }
}

/// S3's "Live API Key": a test key there works, against test data only.
fn test_key_in_live_field(v: &mut Collector, auth: Option<&AuthScheme>) {
    if let Some(AuthScheme::ApiKey { secret_key, .. }) = auth {
        if secret_key.mode() == Mode::Test {
            v.warning(
                "auth.secret_key",
                ViolationCode::KeyModeMismatch,
                format!(
                    "the Live API Key is a test key ({}…): the connection sees only test data",
                    secret_key.prefix()
                ),
                "paste the live secret key (sk_live_…) to read live data; keep the test key only for trying the connection",
            );
        }
    }
}

/// Issue 14: a restricted key (`rk_`) works only with the permissions it was given.
fn restricted_key(v: &mut Collector, auth: Option<&AuthScheme>, profile: &Profile) {
    if let Some(AuthScheme::ApiKey { secret_key, .. }) = auth {
        if secret_key.is_restricted() {
            v.found.push(
                Violation::warning(
                    path_of("auth.secret_key"),
                    ViolationCode::RestrictedKey,
                    format!(
                        "a restricted key ({}…) works only with the permissions it was given; a request it does not allow fails",
                        secret_key.prefix()
                    ),
                )
                .with_remedy(format!(
                    "make sure the key allows {}, or use the secret key (sk_…)",
                    profile.permissions()
                ))
                .with_param("permissions", profile.permissions()),
            );
        }
    }
}

/// Issue 14: a publishable key in the secret slot and a secret key in the publishable slot.
fn keys_look_swapped(c: &GatewayConfig) -> bool {
    let secret = c
        .auth
        .as_ref()
        .and_then(|a| a.secret_key.as_ref())
        .map(ExposeSecret::expose_secret);
    let publishable = c.publishable_key.as_deref();
    matches!((secret, publishable), (Some(s), Some(p))
        if s.starts_with("pk_") && (p.starts_with("sk_") || p.starts_with("rk_")))
}

/// rules.md §3, S0: "Stripe V1 (legacy - do not create new)".
fn legacy_version(v: &mut Collector, existing: bool) {
    if existing {
        v.warning(
            "version",
            ViolationCode::LegacyVersion,
            "v1 is Stripe's legacy gateway; this existing configuration still works",
            "plan a move to v2 (PaymentIntents with Stripe's native 3DS); v1 needs raw card data access",
        );
    } else {
        v.error(
            "version",
            ViolationCode::LegacyVersion,
            "v1 is Stripe's legacy gateway and a new configuration may not choose it",
            "create a v2 gateway: Stripe V1 is legacy and no new V1 gateway may be created",
        );
    }
}

/// The fields each scheme takes, to report the ones that do not belong.
fn check_auth(
    v: &mut Collector,
    a: &AuthConfig,
    publishable_key: Option<PublishableKey>,
    profile: &Profile,
) -> Option<AuthScheme> {
    let offered = profile.auth_schemes().names().join(", ");
    let scheme = v.required(
        "auth.scheme",
        a.scheme.as_deref(),
        &format!("set auth.scheme to one of {offered}"),
    )?;
    if matches!(scheme, "api_key" | "oauth2" | "connect") && !profile.auth_schemes().allows(scheme)
    {
        let message = if profile.applies(Rule::Connect) {
            format!(
                "the {} form connects through Stripe Connect and keeps no API key or OAuth secret",
                profile.name()
            )
        } else {
            format!("the {} form has no {scheme} scheme", profile.name())
        };
        v.error(
            "auth.scheme",
            ViolationCode::InvalidValue,
            message,
            format!("use {offered}"),
        );
        return None;
    }
    let present: [(&str, bool); 6] = [
        ("secret_key", a.secret_key.is_some()),
        ("account_id", a.account_id.is_some()),
        ("client_id", a.client_id.is_some()),
        ("client_secret", a.client_secret.is_some()),
        ("refresh_token", a.refresh_token.is_some()),
        ("account_name", a.account_name.is_some()),
    ];
    let allowed: &[&str] = match scheme {
        "api_key" => &["secret_key", "account_id"],
        "oauth2" => &["client_id", "client_secret", "refresh_token", "account_id"],
        "connect" => &["account_id", "account_name"],
        other => {
            v.error(
                "auth.scheme",
                ViolationCode::InvalidValue,
                format!("expected an auth scheme, api_key, oauth2 or connect, found {}", InputExcerpt::new(other)),
                "use api_key (a secret key), oauth2 (client id, client secret, refresh token) or connect (a connected account)",
            );
            return None;
        }
    };
    for (name, is_present) in present {
        if is_present && !allowed.contains(&name) {
            v.error(
                format!("auth.{name}"),
                ViolationCode::InvalidValue,
                format!("auth.{name} does not belong to the {scheme} scheme"),
                format!(
                    "remove it, or change auth.scheme (the {scheme} scheme takes {})",
                    allowed.join(", ")
                ),
            );
        }
    }
    // Outer `None`: an account id was given but is invalid (already reported).
    let account_id: Option<Option<AccountId>> = match a.account_id.as_deref() {
        None => Some(None),
        text => v.parse_credential("auth.account_id", text).map(Some),
    };
    match scheme {
        "api_key" => {
            let secret_key: Option<SecretKey> = v.required_credential(
                "auth.secret_key",
                expose(a.secret_key.as_ref()),
                "paste the secret key (sk_live_… or sk_test_…) from Developers > API keys",
            );
            Some(AuthScheme::ApiKey {
                secret_key: secret_key?,
                account_id: account_id?,
            })
        }
        "oauth2" => {
            let client_id: Option<ClientId> = v.required_credential(
                "auth.client_id",
                a.client_id.as_deref(),
                "paste the client id (ca_…)",
            );
            let client_secret: Option<ClientSecret> = v.required_credential(
                "auth.client_secret",
                expose(a.client_secret.as_ref()),
                "paste the OAuth client secret",
            );
            let refresh_token: Option<RefreshToken> = v.required_credential(
                "auth.refresh_token",
                expose(a.refresh_token.as_ref()),
                "paste the OAuth refresh token",
            );
            Some(AuthScheme::OAuth2 {
                client_id: client_id?,
                client_secret: client_secret?,
                refresh_token: refresh_token?,
                account_id: account_id?,
            })
        }
        _ => {
            if a.account_id.is_none() {
                v.missing(
                    "auth.account_id",
                    "paste the connected account's id (acct_…)",
                );
            }
            if profile.applies(Rule::Connect) && a.account_name.is_none() {
                v.missing(
                    "auth.account_name",
                    "give the connected account's name as Stripe shows it: it identifies the integration where the keys used to be",
                );
            }
            let account_name = match a.account_name.as_deref() {
                Some(n) if n.trim().is_empty() => {
                    v.error(
                        "auth.account_name",
                        ViolationCode::InvalidValue,
                        "auth.account_name is empty",
                        "give the account's name as Stripe shows it, or leave it out",
                    );
                    return None;
                }
                n => n.map(str::to_owned),
            };
            Some(AuthScheme::Connect {
                account_id: account_id??,
                account_name,
                publishable_key,
            })
        }
    }
}

/// rules.md §1: a key's mode must be the configuration's; the key pair must share a mode.
fn check_key_modes(
    v: &mut Collector,
    mode: Option<Mode>,
    auth: Option<&AuthScheme>,
    publishable: Option<&PublishableKey>,
) {
    let secret = match auth {
        Some(AuthScheme::ApiKey { secret_key, .. }) => Some(secret_key),
        _ => None,
    };
    if let (Some(mode), Some(secret)) = (mode, secret) {
        if secret.mode() != mode {
            v.error(
                "auth.secret_key",
                ViolationCode::KeyModeMismatch,
                format!(
                    "the secret key is a {} key ({}…), but mode is {mode}",
                    secret.mode(),
                    secret.prefix()
                ),
                format!(
                    "use the {mode} secret key, or set mode to {}",
                    secret.mode()
                ),
            );
        }
    }
    let Some(pk) = publishable else { return };
    match (mode, secret) {
        (Some(mode), secret) if pk.mode() != mode => {
            if let Some(secret) = secret.filter(|s| s.mode() == mode) {
                v.error(
                    "publishable_key",
                    ViolationCode::KeyPairModeMismatch,
                    format!("the publishable key is a {} key, but the secret key ({}…) and mode are {mode}", pk.mode(), secret.prefix()),
                    format!("use the {mode} publishable key (pk_{mode}_…) of the same account"),
                );
            } else {
                v.error(
                    "publishable_key",
                    ViolationCode::KeyModeMismatch,
                    format!(
                        "the publishable key is a {} key, but mode is {mode}",
                        pk.mode()
                    ),
                    format!(
                        "use the {mode} publishable key (pk_{mode}_…), or set mode to {}",
                        pk.mode()
                    ),
                );
            }
        }
        (None, Some(secret)) if secret.mode() != pk.mode() => {
            v.error(
                "publishable_key",
                ViolationCode::KeyPairModeMismatch,
                format!(
                    "the publishable key is a {} key, but the secret key ({}…) is {}",
                    pk.mode(),
                    secret.prefix(),
                    secret.mode()
                ),
                "use a secret key and a publishable key of the same mode and account",
            );
        }
        _ => {}
    }
}

struct Account {
    settlement_currency: Option<Currency>,
    raw_card_data_access: bool,
    country: Option<Country>,
}

fn check_account(
    v: &mut Collector,
    account: Option<&AccountConfig>,
    required: bool,
) -> Option<Account> {
    let Some(a) = account else {
        if required {
            v.missing(
                "account",
                "add an account object: {\"settlement_currency\":\"USD\"}",
            );
        }
        return None;
    };
    let remedies = (
        "set the currency the Stripe account settles in (its payout bank account's), such as USD",
        "use the ISO 4217 code of the payout bank account's currency, such as USD",
    );
    let settlement_currency = if required {
        v.required_with(
            "account.settlement_currency",
            a.settlement_currency.as_deref(),
            remedies,
            parse_currency,
        )
    } else {
        v.parse_with(
            "account.settlement_currency",
            a.settlement_currency.as_deref(),
            remedies.1,
            parse_currency,
        )
    };
    let country = match a.country.as_deref() {
        None => None,
        Some(code) => match Country::from_str(code) {
            Ok(c) if c != Country::Unspecified => Some(c),
            _ => {
                v.error(
                    "account.country",
                    ViolationCode::InvalidValue,
                    format!(
                        "expected an ISO 3166 alpha-2 country code, such as US or JP, found {}",
                        InputExcerpt::new(code)
                    ),
                    "use the account's two-letter country code in capitals, or leave it out",
                );
                None
            }
        },
    };
    Some(Account {
        settlement_currency,
        raw_card_data_access: a.raw_card_data_access,
        country,
    })
}

/// rules.md §3, S0, stripe-facts §5: raw card data access is required whenever the platform
/// itself sends card numbers to Stripe: V1 always; V2 when the platform handles cards (any
/// data protection mode: token-only sends them on the first payment, full-card on every one).
fn raw_card_data(
    v: &mut Collector,
    profile: &Profile,
    version: Option<GatewayVersion>,
    (protection, protection_given): (Option<DataProtection>, bool),
    account: Option<&Account>,
) {
    if account.is_some_and(|a| a.raw_card_data_access) {
        return;
    }
    // Where the form records the account's settings, an absent account was reported already.
    if profile.account_settings_on_form() && account.is_none() {
        return;
    }
    let why = if version.is_some_and(GatewayVersion::always_sends_card_numbers) {
        "a v1 gateway sends card numbers to Stripe's API"
    } else if let Some(p) = protection {
        match p {
            DataProtection::TokenOnly => {
                "with token_only data protection the platform sends the card number to Stripe on the first payment, to create the token"
            }
            _ => {
                "with full_card_except_cvv data protection the platform sends the card number to Stripe on every payment"
            }
        }
    } else if protection_given {
        // An invalid data_protection was reported already; it still means cards pass through.
        "the platform sends card numbers to Stripe (data_protection is set)"
    } else if profile.applies(Rule::SendsCardNumbers) {
        "the platform sends card numbers to Stripe's API on every gateway version"
    } else {
        return;
    };
    let decline = "Sending credit card numbers directly to the Stripe API is generally unsafe";
    if profile.account_settings_on_form() {
        v.error(
            "account.raw_card_data_access",
            ViolationCode::RawCardDataRequired,
            format!("{why}, which Stripe refuses without raw card data access (\"{decline}\")"),
            "ask Stripe support to enable raw card data access with PCI DSS evidence (SAQ D or an AOC) and turn on the account's \"Handle card information directly\" setting, then set account.raw_card_data_access to true",
        );
    } else {
        // rules §11: the form has no field for the account's setting; the crate cannot know it.
        v.found.push(
            Violation::warning(
                path_of("account.raw_card_data_access"),
                ViolationCode::RawCardDataRequired,
                format!("{why}: unless the Stripe account has raw card data access, Stripe declines the payments with \"{decline}\""),
            )
            .with_remedy("in the Stripe Dashboard, Settings > Integration, turn on \"Handle card information directly\" (Stripe may ask for PCI DSS evidence), then record it as account.raw_card_data_access: true")
            .with_param("setting", "Handle card information directly")
            .with_param("decline", decline),
        );
    }
}

fn check_card_brands(v: &mut Collector, brands: Option<&[String]>) -> CardBrands {
    let mut set = CardBrands::new();
    let list = brands.unwrap_or(&[]);
    if list.is_empty() {
        v.error(
            "card_brands",
            ViolationCode::NoCardBrands,
            "no card brand is enabled, so no card payment can be taken",
            "enable the brands you accept, such as [\"visa\", \"mastercard\", \"amex\", \"discover\"]",
        );
    }
    for (i, text) in list.iter().enumerate() {
        let brand: Option<CardBrand> = v.parse(
            &format!("card_brands[{i}]"),
            Some(text),
            "use Stripe's brand keywords, in lowercase: visa, mastercard, amex, discover, diners, jcb, unionpay, cartes_bancaires, eftpos_au, interac, girocard",
        );
        match brand {
            Some(brand) if !brand.can_be_enabled() => v.error(
                format!("card_brands[{i}]"),
                ViolationCode::InvalidValue,
                match brand {
                    CardBrand::Link => "\"link\" cannot be enabled: Link is Stripe's wallet, a payment method, not a card network; Stripe reports it as a card's brand only for Link payments no card network carries",
                    _ => "\"unknown\" cannot be enabled: it is what Stripe reports when it cannot tell a card's brand, not a card network",
                },
                match brand {
                    CardBrand::Link => "remove \"link\" from card_brands and enable the card networks you accept; turn Link on as a payment method in the Stripe Dashboard",
                    _ => "remove \"unknown\" from card_brands and enable the card networks you accept, such as \"visa\" and \"mastercard\"",
                },
            ),
            Some(brand) => {
                set.insert(brand);
            }
            None => {}
        }
    }
    set
}

/// Returns the assignments when every currency entry is valid, `None` otherwise.
fn check_currencies(
    v: &mut Collector,
    list: Option<&[CurrencyConfig]>,
    settlement: Option<Currency>,
    brands: CardBrands,
) -> Option<Vec<CurrencyAssignment>> {
    let Some(list) = list.filter(|l| !l.is_empty()) else {
        v.missing(
            "currencies",
            "assign at least one currency with its minimum payment: [{\"currency\":\"USD\",\"minimum_payment\":\"0.50\"}]",
        );
        return None;
    };
    let mut out = Vec::with_capacity(list.len());
    let mut all_ok = true;
    let mut seen = CurrencySet::default();
    for (i, entry) in list.iter().enumerate() {
        let (currency, assignment) = check_currency(v, i, entry, settlement, brands, &seen);
        if let Some(c) = currency {
            seen.insert(c);
        }
        match assignment {
            Some(a) => out.push(a),
            None => all_ok = false,
        }
    }
    all_ok.then_some(out)
}

/// Checks one entry; returns its currency when it parsed, and its assignment when the whole
/// entry is valid.
fn check_currency(
    v: &mut Collector,
    i: usize,
    entry: &CurrencyConfig,
    settlement: Option<Currency>,
    brands: CardBrands,
    seen: &CurrencySet,
) -> (Option<Currency>, Option<CurrencyAssignment>) {
    let (currency, currency_ok) = parse_entry_currency(v, i, entry, brands, seen);
    let assignment = check_entry_minimum(v, i, entry, currency, settlement);
    (currency, assignment.filter(|_| currency_ok))
}

/// Parses an entry's currency and checks it (presentment, duplicates, brands); returns it and
/// whether it passed.
fn parse_entry_currency(
    v: &mut Collector,
    i: usize,
    entry: &CurrencyConfig,
    brands: CardBrands,
    seen: &CurrencySet,
) -> (Option<Currency>, bool) {
    let path = |name: &str| format!("currencies[{i}].{name}");

    let currency = v.required_with(
        &path("currency"),
        entry.currency.as_deref(),
        (
            "give the ISO 4217 code, such as USD",
            "use an ISO 4217 code, such as USD",
        ),
        parse_currency,
    );
    let mut ok = currency.is_some();
    if let Some(c) = currency {
        if !is_presentment_currency(c) {
            v.error(path("currency"), ViolationCode::UnsupportedCurrency, format!("{} is not one of Stripe's presentment currencies", c.code()), "remove it: Stripe cannot charge in it (docs.stripe.com/currencies#presentment-currencies)");
            ok = false;
        }
        if seen.contains(c) {
            v.error(
                path("currency"),
                ViolationCode::DuplicateCurrency,
                format!("{} is assigned more than once", c.code()),
                "keep one entry per currency",
            );
            ok = false;
        }
        let brands = if is_presentment_currency(c) {
            brands
        } else {
            CardBrands::new()
        };
        for brand in brands.iter().filter(|b| !b.supports_currency(c)) {
            v.error(
                path("currency"),
                ViolationCode::BrandCurrencyUnsupported,
                format!(
                    "{} cards cannot be charged in {} at Stripe",
                    brand.label(),
                    c.code()
                ),
                format!(
                    "remove \"{}\" from card_brands or remove {}",
                    brand.as_str(),
                    c.code()
                ),
            );
        }
    }
    (currency, ok)
}

fn check_entry_minimum(
    v: &mut Collector,
    i: usize,
    entry: &CurrencyConfig,
    currency: Option<Currency>,
    settlement: Option<Currency>,
) -> Option<CurrencyAssignment> {
    let path = |name: &str| format!("currencies[{i}].{name}");
    let mut ok = currency.is_some();
    let minimum = match entry.minimum_payment.as_deref() {
        None => {
            v.missing(
                &path("minimum_payment"),
                "set the smallest payment accepted in this currency, such as \"0.50\"",
            );
            None
        }
        Some(text) => minimum_amount(v, &path("minimum_payment"), text, currency),
    };

    let rate = v.parse_with(
        &path("rate_to_settlement"),
        entry.rate_to_settlement.as_deref(),
        "write the rate as a decimal string, such as \"1.09\"",
        parse_amount,
    );
    if entry.rate_to_settlement.is_some() && rate.is_none() {
        ok = false;
    }

    let (Some(currency), Some(amount)) = (currency, minimum) else {
        return None;
    };
    let minimum = Money::new(amount, currency);
    if amount <= rust_decimal::Decimal::ZERO {
        v.error(
            path("minimum_payment"),
            ViolationCode::InvalidMinimum,
            format!("minimum payment {minimum} is not positive"),
            "set a positive minimum, at least Stripe's minimum charge",
        );
        return None;
    }
    if let Err(e) = minimum.to_minor_units() {
        v.error(
            path("minimum_payment"),
            ViolationCode::InvalidMinimum,
            e.to_string(),
            format!(
                "give the minimum in whole units Stripe accepts for {}",
                currency.code()
            ),
        );
        return None;
    }

    let settlement = settlement?;
    let rate = match rate {
        None => None,
        Some(r) => match ExchangeRate::new(currency, settlement, r) {
            Ok(rate) => Some(rate),
            Err(e) => {
                v.error(path("rate_to_settlement"), ViolationCode::InvalidValue, e.to_string(), "give what one unit of this currency is worth in the settlement currency, a positive decimal (1 when it is the settlement currency)");
                return None;
            }
        },
    };
    let rate = rate.filter(|_| currency != settlement);
    match check_minimum(minimum, settlement, rate.as_ref()) {
        Ok(MinimumVerdict::Exact {
            meets: false,
            minimum: stripe,
            compared,
        }) => {
            let message = if compared.currency() == currency {
                format!(
                    "minimum payment {minimum} is below Stripe's minimum charge of {stripe} for an account that settles in {}",
                    settlement.code()
                )
            } else {
                format!(
                    "minimum payment {minimum} converts to {compared}, below Stripe's minimum charge of {stripe} for an account that settles in {}",
                    settlement.code()
                )
            };
            let smallest = smallest_passing_minimum(currency, stripe, rate.as_ref());
            let remedy = match smallest {
                Some(m) if currency == settlement => {
                    format!("raise the minimum payment to {} or more", m.amount())
                }
                Some(m) => format!(
                    "raise the minimum payment to {} or more, which converts to at least {stripe} at this rate",
                    m.amount()
                ),
                None => format!(
                    "raise the minimum payment so it reaches {stripe} in the settlement currency"
                ),
            };
            let mut violation = Violation::error(
                path_of(&path("minimum_payment")),
                ViolationCode::MinimumBelowStripe,
                message,
            )
            .with_remedy(remedy)
            .with_param("minimum", minimum.amount())
            .with_param("currency", currency.code())
            .with_param("stripe_minimum", stripe.amount())
            .with_param("settlement_currency", settlement.code());
            if let Some(m) = smallest {
                violation = violation.with_param("smallest_passing_minimum", m.amount());
            }
            v.found.push(violation);
            ok = false;
        }
        Ok(MinimumVerdict::Approximate {
            meets,
            minimum: own,
        }) => {
            let compared = if meets { "reaches" } else { "is below" };
            v.warning(
                path("minimum_payment"),
                ViolationCode::MinimumApproximate,
                format!(
                    "minimum payment {minimum} {compared} Stripe's minimum for {} ({own}), but the account settles in {}: Stripe's real minimum is its {} minimum after conversion, which needs a rate to check",
                    currency.code(),
                    settlement.code(),
                    settlement.code()
                ),
                format!("give rate_to_settlement (1 {} in {}) for an exact check", currency.code(), settlement.code()),
            );
        }
        Ok(MinimumVerdict::Unknown) if stripe_minimum(settlement).is_none() => {
            v.warning(
                path("minimum_payment"),
                ViolationCode::MinimumUnverifiable,
                format!("minimum payment {minimum} cannot be checked: Stripe publishes no minimum charge for accounts that settle in {}", settlement.code()),
                "check the minimum charge with Stripe for this settlement currency",
            );
        }
        Ok(MinimumVerdict::Unknown) => {
            v.warning(
                path("minimum_payment"),
                ViolationCode::MinimumUnverifiable,
                format!("minimum payment {minimum} cannot be checked: Stripe publishes no minimum for {} to compare it with, and no rate to {} was given", currency.code(), settlement.code()),
                format!("give rate_to_settlement (1 {} in {}) to check it against Stripe's minimum", currency.code(), settlement.code()),
            );
        }
        Ok(_) => {}
        Err(e) => {
            v.error(
                path("minimum_payment"),
                ViolationCode::InvalidMinimum,
                e.to_string(),
                "set a positive minimum that Stripe can charge",
            );
            ok = false;
        }
    }
    ok.then_some(CurrencyAssignment {
        minimum,
        rate_to_settlement: rate,
    })
}

/// A minimum payment's amount: a decimal string, or (issue 14) the amount with its currency
/// as S4 writes it, "0.50 USD", when it names the entry's own currency.
fn minimum_amount(
    v: &mut Collector,
    path: &str,
    text: &str,
    currency: Option<Currency>,
) -> Option<rust_decimal::Decimal> {
    let not_decimal = match parse_amount(text) {
        Ok(amount) => return Some(amount),
        Err(e) => e,
    };
    match text.parse::<Money>() {
        Ok(m) if currency.is_none_or(|c| c == m.currency()) => Some(m.amount()),
        Ok(m) => {
            let entry = currency.map_or("", |c| c.code());
            v.found.push(
                Violation::error(
                    path_of(path),
                    ViolationCode::InvalidValue,
                    format!(
                        "the minimum payment is written in {}, but this entry assigns {entry}",
                        m.currency().code()
                    ),
                )
                .with_remedy(format!(
                    "drop the currency and write the amount in {entry} alone, such as \"0.50\": the currency comes from the entry"
                ))
                .with_param("written_currency", m.currency().code())
                .with_param("currency", entry),
            );
            None
        }
        Err(_) => {
            v.error(
                path,
                ViolationCode::InvalidValue,
                not_decimal.to_string(),
                "write the amount as a decimal string, such as \"0.50\"; the currency comes from the entry",
            );
            None
        }
    }
}

/// rules.md §3, S0: V2 in live mode needs a return URL for SCA redirects, absolute, https.
fn check_return_url(
    v: &mut Collector,
    text: Option<&str>,
    version: GatewayVersion,
    mode: Option<Mode>,
) -> Option<Url> {
    let Some(text) = text else {
        if version == GatewayVersion::V2 && mode == Some(Mode::Live) {
            v.error(
                "return_url",
                ViolationCode::ReturnUrlRequired,
                "a v2 gateway in live mode needs a return URL: 3D Secure (SCA) redirects the customer away and back",
                "set return_url to the https page of your checkout that SCA redirects return to: the checkout must support redirects for 3D Secure",
            );
        }
        return None;
    };
    let invalid = |v: &mut Collector, message: String| {
        v.error(
            "return_url",
            ViolationCode::InvalidValue,
            message,
            "give an absolute https URL, such as https://shop.example/3ds-return",
        );
        None
    };
    let url = match Url::parse(text) {
        Ok(url) => url,
        Err(e) => return invalid(v, format!("return_url is not an absolute URL ({e})")),
    };
    if !matches!(url.scheme(), "https" | "http") {
        return invalid(
            v,
            format!(
                "return_url has the scheme {}; a browser redirect needs https",
                InputExcerpt::new(url.scheme())
            ),
        );
    }
    if !url.username().is_empty() || url.password().is_some() {
        return invalid(
            v,
            "return_url carries a user name or password, which a redirect URL must not".into(),
        );
    }
    if mode == Some(Mode::Live) && url.scheme() != "https" {
        v.error(
            "return_url",
            ViolationCode::ReturnUrlInsecure,
            "return_url uses http in live mode; customers would return from 3D Secure over an unencrypted connection",
            "use https",
        );
        return None;
    }
    Some(url)
}
