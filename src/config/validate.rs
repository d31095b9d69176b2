//! The validation of a [`GatewayConfig`]: take out the fields the platform's form does not
//! have, parse the others into typed values (`parse.rs`), apply the profile's rules to them
//! (`rules.rs`) and the platform's own checks, and collect every violation in field order.

use secrecy::ExposeSecret;

use super::collector::{Collector, plain_name};
use super::form::{ValidatedConnection, ValidatedForm};
use super::parse::{Parsed, parse};
use super::rules::{Decided, apply};
use super::{AuthConfig, Form};
use crate::codes::ViolationCode;
use crate::connection::{ConnectionSettings, ConnectionSettingsConfig};
use crate::diagnostics::{Path, Report, Violation};
use crate::gateway::{CurrencyAssignment, CurrencyIndex, ValidatedGateway};
use crate::input::AnyForm;
use crate::money::{ExchangeRate, Money};
use crate::profile::{Platform, Profile, Rule};

/// A field a profile requires that no rule below asks for by itself (a platform that
/// requires the publishable key or the return URL, say).
fn required_elsewhere(v: &mut Collector, c: &AnyForm, profile: &Profile) {
    let fields = [
        ("publishable_key", c.publishable_key.is_some()),
        ("return_url", c.return_url.is_some()),
        ("timeout_ms", c.timeout_ms.is_some()),
        ("api_version", c.api_version.is_some()),
    ];
    for (field, present) in fields {
        if profile.requires(field) && !present {
            let remedy = format!(
                "fill in the {}: the {} form requires it",
                v.name(field),
                profile.name()
            );
            v.missing(field, &remedy);
        }
    }
}

/// [rules §11](crate::rules#rules-11): a field the platform's form does not have is reported and ignored, so no
/// other platform's rule fires on it.
fn without_foreign_fields(v: &mut Collector, c: &AnyForm, profile: &Profile) -> AnyForm {
    let mut kept = c.clone();
    // Every top-level field but `platform`, which names the form and is on none.
    for (field, present) in c.entered_fields().filter(|(f, _)| *f != "platform") {
        if !present || profile.has_field(field) {
            continue;
        }
        let name = plain_name(field);
        v.warning(
            field,
            ViolationCode::FieldNotOnForm,
            format!(
                "the {} form has no {name}, so it is ignored",
                profile.name()
            ),
            format!("remove the {name}, or choose the platform whose form has it"),
        );
        kept.clear_field(field);
    }
    kept
}

/// Parses every field the profile's form has, applies the profile's rules and the
/// platform's own checks, merges what the loader found in the file (`loaded`, empty for a
/// form built in code), and returns the report with the validated form when there is no
/// error.
pub(super) fn check(
    c: &AnyForm,
    form: &Form,
    profile: &Profile,
    loaded: &Report,
) -> (Report, Option<ValidatedForm>) {
    let mut v = Collector::for_profile(profile);
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
    let parsed = parse(&mut v, c, profile);
    let settings = if profile.applies(Rule::ConnectionSettings) {
        connection_settings(&mut v, c)
    } else {
        None
    };
    let decided = apply(&mut v, &parsed, profile);
    for own in profile.checks() {
        own(form, &mut v.found);
    }
    v.found = merged(loaded, std::mem::take(&mut v.found));
    label_fields(&mut v, profile);
    finish(v, parsed, &decided, settings, profile)
}

/// The loader's findings, then those of `found` that they do not already explain: a value
/// of the wrong type (or a number too long to read) was not read, so what validation says at
/// or inside its path (`missing_field`, say) is left out; and a misspelt field's
/// `unknown_field` names the field it meant (`did_you_mean`), so that field's
/// `missing_field` is left out too: one error, with the name to write.
fn merged(loaded: &Report, found: Report) -> Report {
    if loaded.is_empty() {
        return found;
    }
    let covering: Vec<&Path> = loaded
        .violations()
        .iter()
        .filter(|v| {
            *v.code() == ViolationCode::WrongType || *v.code() == ViolationCode::InvalidValue
        })
        .map(Violation::path)
        .collect();
    let meant: Vec<Path> = loaded
        .violations()
        .iter()
        .filter(|v| *v.code() == ViolationCode::UnknownField)
        .filter_map(|v| Some(sibling(v.path(), v.param("did_you_mean")?)))
        .collect();
    let mut out = loaded.clone();
    out.extend(found.into_iter().filter(|v| {
        let explained = *v.code() == ViolationCode::MissingField && meant.contains(v.path());
        !explained
            && !covering
                .iter()
                .any(|c| v.path().segments().starts_with(c.segments()))
    }));
    out
}

/// The path of the field `name` beside the last segment of `path`: `auth.secret_key` for
/// `auth.secretkey`.
fn sibling(path: &Path, name: &str) -> Path {
    let parent = path
        .segments()
        .split_last()
        .map_or(&[][..], |(_, rest)| rest);
    parent
        .iter()
        .fold(Path::root(), |p, segment| match segment {
            crate::diagnostics::Segment::Field(f) => p.then(f.clone()),
            crate::diagnostics::Segment::Index(i) => p.index(*i),
        })
        .then(name.to_owned())
}

/// An `auth` object checked on its own (see [`AuthConfig::check`]) under `profile`'s
/// schemes: the report's paths are relative to the object (`secret_key`, not
/// `auth.secret_key`).
pub(super) fn check_auth(
    a: &AuthConfig,
    profile: &Profile,
) -> (Report, Option<crate::credentials::AuthScheme>) {
    let mut v = Collector::for_profile(profile);
    let scheme = super::parse::parse_auth(&mut v, a, None, profile);
    let report: Report = v
        .finish()
        .into_iter()
        .map(|violation| {
            let inner = violation
                .path()
                .relative_to(&Path::field("auth"))
                .unwrap_or_default();
            violation.at(inner)
        })
        .collect();
    let scheme = if report.is_valid() { scheme } else { None };
    (report, scheme)
}

/// Gives each violation the form's own label for its field (`Password` for
/// `auth.secret_key` on PortaBilling), as the param `field_label`, so a platform can word the
/// message in its own terms (the crate's own messages already name a labelled field by its
/// label: "the Password is missing").
fn label_fields(v: &mut Collector, profile: &Profile) {
    let found = std::mem::take(&mut v.found);
    v.found = found
        .into_iter()
        .map(|violation| {
            let path = violation.path().to_string();
            match profile.label(&path) {
                Some(label) => violation.with_param("field_label", label.to_owned()),
                None => violation,
            }
        })
        .collect();
}

/// Checks typed values (a [`GatewayDraft`](super::GatewayDraft)) with the same rules.
pub(super) fn check_parsed(
    parsed: Parsed,
    profile: &Profile,
    own: &Form,
) -> (Report, Option<ValidatedForm>) {
    let mut v = Collector::for_profile(profile);
    let decided = apply(&mut v, &parsed, profile);
    for check in profile.checks() {
        check(own, &mut v.found);
    }
    label_fields(&mut v, profile);
    finish(v, parsed, &decided, None, profile)
}

/// The report, and the validated form when there is no error: a gateway when the form has
/// what payments need, a connection otherwise.
fn finish(
    v: Collector,
    p: Parsed,
    decided: &Decided,
    settings: Option<ConnectionSettings>,
    profile: &Profile,
) -> (Report, Option<ValidatedForm>) {
    let report = v.finish();
    if !report.is_valid() {
        return (report, None);
    }
    let warnings = report.violations().to_vec();
    let form = match build(&p, decided, &warnings) {
        Some(gateway) => ValidatedForm::Gateway(Box::new(gateway)),
        None => ValidatedForm::Connection(Box::new(ValidatedConnection {
            profile: profile.name().to_owned(),
            name: p.name.value().cloned(),
            mode: decided.mode,
            auth: p.auth.value().cloned(),
            publishable_key: p.publishable_key.value().cloned(),
            settings,
            warnings,
        })),
    };
    (report, Some(form))
}

/// The validated gateway from values every rule accepted; `None` when a payment field is
/// absent (a connection's form).
fn build(p: &Parsed, decided: &Decided, warnings: &[Violation]) -> Option<ValidatedGateway> {
    let name = p.name.value()?.clone();
    let mode = decided.mode?;
    let auth = p.auth.value()?.clone();
    let account = p.account.as_ref()?;
    let settlement = account.settlement_currency.get()?;
    let mut currencies = Vec::new();
    for entry in p.currencies.as_deref()? {
        let (currency, amount) = (entry.currency.get()?, entry.minimum.get()?);
        let rate = match entry.rate.get() {
            Some(r) if currency != settlement => {
                Some(ExchangeRate::new(currency, settlement, r).ok()?)
            }
            _ => None,
        };
        currencies.push(CurrencyAssignment {
            minimum: Money::new(amount, currency),
            rate_to_settlement: rate,
        });
    }
    if currencies.is_empty() {
        return None;
    }
    let limits = account.limits.clone().unwrap_or_default();
    Some(ValidatedGateway {
        name,
        version: decided.version,
        mode,
        existing: p.existing,
        auth,
        publishable_key: p.publishable_key.value().cloned(),
        settlement_currency: settlement,
        raw_card_data_access: account.raw_card_data_access,
        country: account.country,
        data_protection: p.data_protection.get(),
        card_brands: p.card_brands.map(|b| b.set).unwrap_or_default(),
        index: CurrencyIndex::new(&currencies),
        currencies,
        return_url: p.return_url.value().cloned(),
        radar: p.radar,
        live_card_tested: p.live_card_tested,
        warnings: warnings.to_vec(),
        limits_stated: !limits.is_default(),
        limits,
        statement_descriptor: account.statement_descriptor.clone(),
        statement_descriptor_prefix: account.statement_descriptor_prefix.clone(),
    })
}

/// S1's connection settings, checked by [`ConnectionSettingsConfig`] itself; its findings
/// about the key are left to the auth object's checks (the same parser), and its
/// `secret_key` path is the file's `auth.secret_key`. The settings, when they are valid.
fn connection_settings(v: &mut Collector, c: &AnyForm) -> Option<ConnectionSettings> {
    let mut draft = ConnectionSettingsConfig::default();
    draft.name.clone_from(&c.name);
    draft.active = c.active;
    draft.is_source = c.is_source;
    draft.is_target = c.is_target;
    draft.timeout_ms.clone_from(&c.timeout_ms);
    draft.api_version.clone_from(&c.api_version);
    draft.secret_key = c.auth.as_ref().and_then(|a| a.secret_key.clone());
    let (settings, report) = draft.checked();
    for found in report.violations() {
        if found.path().last_field() != Some("secret_key") {
            v.found.push(found.clone());
        }
    }
    settings
}

/// Issue 14: a publishable key in the secret slot and a secret key in the publishable slot.
fn keys_look_swapped(c: &AnyForm) -> bool {
    let secret = c
        .auth
        .as_ref()
        .and_then(|a| a.secret_key.as_ref())
        .map(ExposeSecret::expose_secret);
    let publishable = c.publishable_key.as_deref();
    matches!((secret, publishable), (Some(s), Some(p))
        if s.starts_with("pk_") && (p.starts_with("sk_") || p.starts_with("rk_")))
}
