//! `schema`: the JSON Schema (draft 2020-12) of the configuration file, built with schemars from
//! a schema-only mirror of `stripe_gateway_rules::config::GatewayConfig` (the tests check every
//! bundled configuration validates against it, so the mirror cannot drift unnoticed).
//!
//! The schema describes the file's shape (fields and JSON types); the values' rules (key
//! prefixes, minimums, versions…) are `check-config`'s. `schema --platform P` narrows it to
//! P's form ([`for_platform`]): the fields its profile has, the ones it requires, its auth
//! schemes, and its own labels as titles.

#![allow(dead_code)] // the mirror is read by schemars only

use std::io::Write;
use std::process::ExitCode;

use schemars::JsonSchema;
use serde_json::{Map, Value, json};
use stripe_gateway_rules::profile::{Platform, Profile};

/// A Stripe gateway configuration, as a billing platform stores it. Check its values with
/// `stripe-gateway-rules check-config`.
#[derive(JsonSchema)]
#[schemars(title = "Stripe gateway configuration", deny_unknown_fields)]
struct GatewayConfig {
    /// Whose form this is: `konnektive`, `ipaas_connector`, `kartra`, `data_connector`,
    /// `portabilling` or `generic` (every rule; the default).
    platform: Option<String>,
    /// The gateway's name on the platform.
    name: Option<String>,
    /// The gateway version: `v1` (legacy, only if it exists already) or `v2` (for new
    /// gateways).
    version: Option<String>,
    /// `test` or `live`; every key's mode must match it.
    mode: Option<String>,
    /// The configuration was created before (a V1 gateway may only exist, not be created).
    #[schemars(default)]
    existing: bool,
    /// How the platform authenticates to Stripe.
    auth: Option<AuthConfig>,
    /// The account's publishable key (`pk_test_…` or `pk_live_…`).
    publishable_key: Option<String>,
    /// The Stripe account's facts.
    account: Option<AccountConfig>,
    /// `token_only` or `full_card_except_cvv`, when the platform itself sends card numbers;
    /// absent when Stripe collects them.
    data_protection: Option<String>,
    /// The card brands accepted, by Stripe's API names (`visa`, `mastercard`, `amex`…).
    card_brands: Option<Vec<String>>,
    /// The currencies assigned to the gateway, with their minimum payments.
    currencies: Option<Vec<CurrencyConfig>>,
    /// Where SCA (3-D Secure) redirects return; an https URL, required for a V2 live gateway.
    return_url: Option<String>,
    /// Radar fraud screening on.
    radar: Option<bool>,
    /// A test transaction with a live card was made before going live.
    #[schemars(default)]
    live_card_tested: bool,
    /// PortaBilling's Login: longer than 4 characters (Stripe ignores it).
    login: Option<String>,
    /// The iPaaS connector's "Is Active".
    #[schemars(default)]
    active: bool,
    /// The iPaaS connector's "Is Source": a data source for import.
    #[schemars(default)]
    is_source: bool,
    /// The iPaaS connector's "Is Target": a data target for export.
    #[schemars(default)]
    is_target: bool,
    /// The iPaaS connector's "Timeout", in whole milliseconds (1 to 600000), as a number or a
    /// string.
    timeout_ms: Option<NumberOrText>,
    /// The Stripe API version the connection pins, such as `2026-09-30.endive`.
    api_version: Option<String>,
}

/// A number, or a string holding one.
#[derive(JsonSchema)]
#[schemars(untagged)]
enum NumberOrText {
    /// As a JSON number.
    Number(u64),
    /// As a string.
    Text(String),
}

/// How the platform authenticates. Which fields belong depends on `scheme`: `api_key`
/// (`secret_key`, `account_id`), `oauth2` (`client_id`, `client_secret`, `refresh_token`,
/// `account_id`) or `connect` (`account_id`, `account_name`).
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct AuthConfig {
    /// `api_key`, `oauth2` or `connect`.
    scheme: Option<String>,
    /// The secret (`sk_…`) or restricted (`rk_…`) key, for `api_key`. A secret: never shown.
    secret_key: Option<String>,
    /// The account to act for (`acct_…`, `api_key` and `oauth2`), or the connected account
    /// (`connect`).
    account_id: Option<String>,
    /// The Connect client id (`ca_…`), for `oauth2`.
    client_id: Option<String>,
    /// The OAuth client secret, for `oauth2`. A secret: never shown.
    client_secret: Option<String>,
    /// The OAuth refresh token, for `oauth2`. A secret: never shown.
    refresh_token: Option<String>,
    /// The connected account's name, for `connect`.
    account_name: Option<String>,
}

/// Facts about the Stripe account that the platform knows.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct AccountConfig {
    /// The currency the account settles in (its payout bank account's currency), an ISO 4217
    /// code; it decides Stripe's minimum charge.
    settlement_currency: Option<String>,
    /// Stripe granted raw card data access (needed whenever the platform sends card numbers).
    #[schemars(default)]
    raw_card_data_access: bool,
    /// The account's country, ISO 3166-1 alpha-2 (optional).
    country: Option<String>,
    /// The account's own amount limits (optional); absent, the API reference's maximum and
    /// Stripe's minimum table apply.
    limits: Option<LimitsConfig>,
}

/// The amount limits the platform states its Stripe account has.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct LimitsConfig {
    /// Card payments have the card networks' digits of Stripe's currencies page (12 digits in
    /// minor units, American Express 9).
    #[schemars(default)]
    card_networks: bool,
    /// A Japanese Stripe account (JCB, Diners Club and Discover then 8 digits); absent, it is
    /// when `account.country` is `JP`.
    japanese_account: Option<bool>,
    /// The account's maximums per currency.
    currency_max: Option<Vec<CurrencyMaxConfig>>,
    /// The account's maximums per card brand, in any currency.
    brand_max: Option<Vec<BrandMaxConfig>>,
    /// The account's replacements for Stripe's minimum charge, per settlement currency.
    minimums: Option<Vec<MinimumConfig>>,
}

/// An account's maximum for one currency.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct CurrencyMaxConfig {
    /// The ISO 4217 code.
    currency: Option<String>,
    /// The largest amount, a whole number of minor units (`"999999999999"`), at most 12 digits.
    max_minor_units: Option<NumberOrText>,
}

/// An account's maximum for one card brand.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct BrandMaxConfig {
    /// Stripe's brand keyword, such as `amex`.
    brand: Option<String>,
    /// The largest amount, a whole number of minor units (`"999999999"`), at most 12 digits.
    max_minor_units: Option<NumberOrText>,
}

/// An account's minimum charge for one settlement currency.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct MinimumConfig {
    /// The settlement currency's ISO 4217 code.
    currency: Option<String>,
    /// The minimum charge, a decimal string (`"0.60"`).
    minimum: Option<NumberOrText>,
}

/// One currency assigned to the gateway.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields)]
struct CurrencyConfig {
    /// The ISO 4217 code, any case.
    currency: Option<String>,
    /// The minimum payment in this currency, a decimal string (`"0.50"`); at least Stripe's
    /// minimum for the settlement currency after conversion.
    minimum_payment: Option<String>,
    /// What one unit of this currency is worth in the settlement currency, a decimal string.
    rate_to_settlement: Option<String>,
}

/// The schema of every platform's form, as a JSON value.
pub fn schema() -> Value {
    let schema = schemars::generate::SchemaSettings::draft2020_12()
        .into_generator()
        .into_root_schema_for::<GatewayConfig>();
    let mut schema = serde_json::to_value(&schema).unwrap_or_default();
    let names: Vec<&str> = Platform::ALL.iter().map(|p| p.as_str()).collect();
    if let Some(platform) = schema.pointer_mut("/properties/platform") {
        platform["enum"] = json!(names);
    }
    schema
}

/// The fields of `auth` each scheme uses (the [`AuthConfig`] mirror's description).
const AUTH_FIELDS: [(&str, &[&str]); 3] = [
    ("api_key", &["secret_key", "account_id"]),
    (
        "oauth2",
        &["client_id", "client_secret", "refresh_token", "account_id"],
    ),
    ("connect", &["account_id", "account_name"]),
];

/// The schema of `platform`'s form: only the fields its profile has
/// ([`Profile::has_field`]), the ones it requires ([`Profile::requires`]) in `required`,
/// `auth` narrowed to the profile's schemes, each field titled with the form's own label
/// ([`Profile::label`]) where it has one. `platform` itself is the platform's keyword,
/// required except for `generic` (what a file without one gets).
pub fn for_platform(platform: Platform) -> Value {
    let profile = platform.profile();
    let full = schema();
    let mut defs = full.get("$defs").cloned().unwrap_or_default();
    let mut properties = Map::new();
    let mut required = Vec::new();
    if let Some(all) = full.get("properties").and_then(Value::as_object) {
        for (name, field) in all {
            if name == "platform" {
                let mut field = field.clone();
                field["enum"] = json!([platform.as_str()]);
                properties.insert(name.clone(), field);
                if platform != Platform::Generic {
                    required.push(name.clone());
                }
                continue;
            }
            if !profile.has_field(name) {
                continue;
            }
            let mut field = field.clone();
            if name == "auth" || name == "account" {
                inline_object(&mut field, &defs);
            }
            if name == "auth" {
                narrow_auth(&mut field, &profile);
            }
            label(&mut field, name, None, &profile);
            if let Some(inner) = object_properties(&mut field) {
                for (sub, sub_field) in inner.iter_mut() {
                    label(sub_field, &format!("{name}.{sub}"), Some(name), &profile);
                }
            }
            properties.insert(name.clone(), field);
            if profile.requires(name) {
                required.push(name.clone());
            }
        }
    }
    // Inlined above, so referenced nowhere.
    if let Some(defs) = defs.as_object_mut() {
        defs.remove("AuthConfig");
        defs.remove("AccountConfig");
    }
    json!({
        "$schema": full["$schema"],
        "title": format!("Stripe gateway configuration: the {} form", profile.name()),
        "description": full["description"],
        "type": "object",
        "additionalProperties": false,
        "properties": properties,
        "required": required,
        "$defs": defs,
    })
}

/// Replaces the `$ref` of an optional object field (`anyOf: [{$ref}, {type: null}]`) by a
/// copy of its definition, so the platform's narrowing and labels apply to this form only.
fn inline_object(field: &mut Value, defs: &Value) {
    let Some(choices) = field.get_mut("anyOf").and_then(Value::as_array_mut) else {
        return;
    };
    for choice in choices {
        let Some(name) = choice
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|r| r.strip_prefix("#/$defs/"))
        else {
            continue;
        };
        if let Some(def) = defs.get(name) {
            *choice = def.clone();
        }
    }
}

/// The properties of an inlined object field.
fn object_properties(field: &mut Value) -> Option<&mut Map<String, Value>> {
    field
        .get_mut("anyOf")?
        .as_array_mut()?
        .iter_mut()
        .find_map(|choice| choice.get_mut("properties")?.as_object_mut())
}

/// `auth` with only the schemes the profile offers and the fields they use.
fn narrow_auth(field: &mut Value, profile: &Profile) {
    let schemes = profile.auth_schemes().names();
    let used: Vec<&str> = AUTH_FIELDS
        .iter()
        .filter(|(scheme, _)| schemes.contains(scheme))
        .flat_map(|(_, fields)| fields.iter().copied())
        .collect();
    if let Some(properties) = object_properties(field) {
        properties.retain(|name, _| name == "scheme" || used.contains(&name.as_str()));
        if let Some(scheme) = properties.get_mut("scheme") {
            scheme["enum"] = json!(schemes);
            scheme["description"] = json!(format!("{}.", schemes.join(" or ")));
        }
    }
}

/// Titles a field with the form's label for `path` (and starts its description with it);
/// a nested field takes only a label of its own, not its parent's.
fn label(field: &mut Value, path: &str, parent: Option<&str>, profile: &Profile) {
    let Some(own) = profile.label(path) else {
        return;
    };
    if parent.is_some_and(|p| profile.label(p) == Some(own)) {
        return;
    }
    let description = field
        .get("description")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    field["title"] = json!(own);
    field["description"] = json!(format!("{own}. {description}").trim_end().to_owned());
}

/// `schema [--platform P]`.
pub fn run(platform: Option<Platform>) -> ExitCode {
    let schema = platform.map_or_else(schema, for_platform);
    let mut out = std::io::stdout().lock();
    if serde_json::to_writer_pretty(&mut out, &schema).is_err() || writeln!(out).is_err() {
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}
