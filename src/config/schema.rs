//! The configuration file's form, described, and its JSON Schema (draft 2020-12), both read
//! off the one declaration of the fields and the loader's tables (feature `serde`).
//!
//! [`form`] describes every field of the file format: its name, its doc line, its JSON
//! [`Shape`] (a string, a decimal string, a whole number, a boolean, a list of strings, an
//! object with its own fields, a list of objects) and, for a closed choice, every keyword the
//! checks accept, taken from the keyword types themselves ([`Mode`], [`GatewayVersion`],
//! [`DataProtection`], [`Platform`], [`CardBrand`], the auth schemes of [`AuthSchemeSet`]).
//!
//! [`json_schema`] gives a profile's form as a JSON Schema, for an admin UI to build its form
//! from: only the fields the profile's form has ([`Profile::has_field`]), the ones it
//! requires ([`Profile::requires`]) in `required` and typed without `null`, `auth` narrowed to
//! the profile's schemes and the fields they take, each field titled with the form's own
//! label. [`json_schema_of_every_form`] gives every field of every platform's form.
//!
//! The schema checks the shape; the values' rules (key prefixes, minimums, versions…) are
//! [`GatewayConfig::check`](crate::config::GatewayConfig::check)'s. It agrees with the loader:
//! what the schema refuses (a value of the wrong JSON type, an unknown field, a keyword that
//! is none of the choice's, a number where a decimal string belongs) the loader or the checks
//! refuse too, and every valid configuration validates against its platform's schema.
//!
//! ```
//! use stripe_gateway_rules::config::schema::json_schema;
//! use stripe_gateway_rules::profile::Platform;
//!
//! let schema = json_schema(&Platform::Kartra.profile());
//! assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
//! assert_eq!(schema["required"], serde_json::json!(["platform", "auth"]));
//! assert_eq!(schema["properties"]["mode"]["enum"], serde_json::json!(["test", "live", null]));
//! let auth = &schema["properties"]["auth"];
//! assert_eq!(auth["type"], "object");
//! assert_eq!(auth["required"], serde_json::json!(["scheme"]));
//! assert_eq!(auth["properties"]["scheme"]["enum"], serde_json::json!(["connect"]));
//! assert_eq!(auth["properties"]["account_id"]["title"], "Stripe Account ID");
//! ```

use serde_json::{Map, Value, json};

use super::load::form as described_form;
use super::parse::scheme_fields;
use crate::card_brand::CardBrand;
use crate::credentials::Mode;
use crate::data_protection::DataProtection;
use crate::profile::{AuthSchemeSet, Platform, Profile};
pub use crate::reader::{FormField, Shape};
use crate::version::GatewayVersion;

/// The JSON Schema dialect of every schema here.
const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The title of the schema of every form.
const TITLE: &str = "Stripe gateway configuration";

/// What the schema says of the document as a whole.
const DESCRIPTION: &str = "A Stripe gateway configuration, as a billing platform stores it. \
    This schema checks its shape; check its values with `stripe-gateway-rules check-config` \
    (or `Form::check`).";

/// Every top-level field of the configuration file, in the file format's order, each with
/// its nested fields: the declaration of [`GatewayConfig`](crate::config::GatewayConfig)'s
/// fields and the loader's tables, described.
#[must_use]
pub fn form() -> Vec<FormField> {
    described_form()
}

/// The JSON Schema (draft 2020-12) of every platform's form: every field of the file format,
/// none required, `platform` any platform's keyword.
#[must_use]
pub fn json_schema_of_every_form() -> Value {
    document(TITLE.to_owned(), None)
}

/// The JSON Schema (draft 2020-12) of `profile`'s form: see the [module docs](self).
/// `platform` is the profile's own keyword, required except for `generic` (what a file
/// without one gets); for a profile of a platform the crate does not ship, any platform's
/// keyword, optional.
#[must_use]
pub fn json_schema(profile: &Profile) -> Value {
    document(
        format!("{TITLE}: the {} form", profile.name()),
        Some(profile),
    )
}

fn document(title: String, profile: Option<&Profile>) -> Value {
    let own_platform = profile.and_then(|p| p.name().parse::<Platform>().ok());
    let mut properties = Map::new();
    let mut required = Vec::new();
    for mut field in form() {
        let name = field.name;
        let needed = if name == "platform" {
            own_platform.is_some_and(|p| p != Platform::Generic)
        } else {
            match profile {
                Some(profile) if !profile.has_field(name) => continue,
                Some(profile) => profile.requires(name),
                None => false,
            }
        };
        if name == "platform"
            && let Some(platform) = own_platform
        {
            field.choices = Some(vec![platform.as_str()]);
        }
        properties.insert(name.to_owned(), property(&field, name, needed, profile));
        if needed {
            required.push(name);
        }
    }
    json!({
        "$schema": DIALECT,
        "title": title,
        "description": DESCRIPTION,
        "type": "object",
        "additionalProperties": false,
        "properties": properties,
        "required": required,
    })
}

/// The schema of one field at `path`; `null` is allowed (read as absent) unless `required`.
fn property(field: &FormField, path: &str, required: bool, profile: Option<&Profile>) -> Value {
    let mut choices = field.choices.clone();
    let mut out = match &field.shape {
        Shape::Text | Shape::Decimal => json!({ "type": "string" }),
        Shape::Secret => json!({ "type": "string", "writeOnly": true }),
        Shape::Whole => json!({ "type": ["string", "integer"] }),
        Shape::Flag => json!({ "type": "boolean" }),
        Shape::Texts => {
            let mut item = json!({ "type": "string" });
            if let Some(choices) = choices.take() {
                item["enum"] = json!(choices);
            }
            json!({ "type": "array", "items": item })
        }
        Shape::Object(fields) => object(fields, path, profile),
        Shape::Objects(fields) => json!({ "type": "array", "items": object(fields, "", None) }),
    };
    if path == "auth.scheme"
        && let Some(profile) = profile
    {
        choices = Some(profile.auth_schemes().names());
    }
    if let Some(choices) = choices {
        out["enum"] = json!(choices);
    }
    if !required {
        nullable(&mut out);
    }
    let label = profile.and_then(|p| p.own_label(path));
    match label {
        Some(label) => {
            out["title"] = json!(label);
            out["description"] = json!(format!("{label}. {}", field.doc));
        }
        None => out["description"] = json!(field.doc),
    }
    out
}

/// An object's schema: its fields (at `path`, under `profile`; `auth` narrowed to the
/// profile's schemes), those always required in `required`, no other.
fn object(fields: &[FormField], path: &str, profile: Option<&Profile>) -> Value {
    let schemes = match profile {
        Some(profile) if path == "auth" => profile.auth_schemes(),
        _ => AuthSchemeSet::ALL,
    };
    let taken: Vec<&str> = schemes
        .names()
        .into_iter()
        .filter_map(scheme_fields)
        .flatten()
        .copied()
        .collect();
    let mut properties = Map::new();
    let mut required = Vec::new();
    for field in fields {
        if path == "auth" && field.name != "scheme" && !taken.contains(&field.name) {
            continue;
        }
        let inner = if path.is_empty() {
            String::new()
        } else {
            format!("{path}.{}", field.name)
        };
        properties.insert(
            field.name.to_owned(),
            property(field, &inner, field.required, profile),
        );
        if field.required {
            required.push(field.name);
        }
    }
    json!({
        "type": "object",
        "additionalProperties": false,
        "properties": properties,
        "required": required,
    })
}

/// Allows `null` (read as an absent field), in the type and in the `enum` if there is one.
fn nullable(property: &mut Value) {
    let types = match property["type"].take() {
        Value::Array(mut types) => {
            types.push(json!("null"));
            types
        }
        one => vec![one, json!("null")],
    };
    property["type"] = Value::Array(types);
    if let Some(choices) = property.get_mut("enum").and_then(Value::as_array_mut) {
        choices.push(Value::Null);
    }
}

/// A closed choice of the file format: every keyword the checks accept for it.
pub(crate) trait Keywords {
    fn keywords() -> Vec<&'static str>;
}

/// The auth schemes, by the names `auth.scheme` takes.
impl Keywords for crate::credentials::AuthScheme {
    fn keywords() -> Vec<&'static str> {
        AuthSchemeSet::ALL.names()
    }
}

impl Keywords for Mode {
    fn keywords() -> Vec<&'static str> {
        Mode::KEYWORDS.to_vec()
    }
}

impl Keywords for GatewayVersion {
    fn keywords() -> Vec<&'static str> {
        GatewayVersion::KEYWORDS.to_vec()
    }
}

impl Keywords for DataProtection {
    fn keywords() -> Vec<&'static str> {
        DataProtection::KEYWORDS.to_vec()
    }
}

impl Keywords for Platform {
    fn keywords() -> Vec<&'static str> {
        Platform::ALL.iter().map(|p| p.as_str()).collect()
    }
}

/// The brands a configuration may enable (`link` and `unknown` are refused,
/// [`CardBrand::can_be_enabled`]), each keyword then its aliases.
impl Keywords for CardBrand {
    fn keywords() -> Vec<&'static str> {
        let mut keywords: Vec<(&str, CardBrand)> = CardBrand::keywords()
            .filter(|(_, brand)| brand.can_be_enabled())
            .collect();
        // Stable: a brand's own keyword stays before its aliases.
        keywords.sort_by_key(|(keyword, brand)| (*brand, *keyword != brand.as_str()));
        keywords.into_iter().map(|(keyword, _)| keyword).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names of the declared top-level fields, in order, from the declaration itself.
    macro_rules! declared_names {
        ($($(#[$doc:meta])* $name:ident: $ty:ty, read $read:ident $(($($arg:ident),*))?,
            shown $shown:ident, example $example:literal, named $plain:literal, forms [$($form:ident),*];)*) => {
            [$(stringify!($name)),*]
        };
    }

    fn keys(object: &Value) -> Vec<&str> {
        let mut keys: Vec<&str> = object
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        keys
    }

    fn sorted<'a>(names: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
        let mut names: Vec<&str> = names.into_iter().collect();
        names.sort_unstable();
        names
    }

    /// The form and every schema list exactly the declared fields (`gateway_fields!`): the
    /// form in the declaration's order, the schema of every form all of them, a platform's
    /// schema those its profile has and `platform`; each object its table's fields.
    #[test]
    fn the_schema_lists_exactly_the_declared_fields() {
        let declared = gateway_fields!(declared_names);
        let form = form();
        let names: Vec<&str> = form.iter().map(FormField::name).collect();
        assert_eq!(names, declared);
        let every = json_schema_of_every_form();
        assert_eq!(keys(&every["properties"]), sorted(declared));
        for field in &form {
            assert!(!field.doc().is_empty(), "{}", field.name());
            let property = &every["properties"][field.name()];
            assert_eq!(property["description"], field.doc(), "{}", field.name());
            match field.shape() {
                Shape::Object(fields) => assert_eq!(
                    keys(&property["properties"]),
                    sorted(fields.iter().map(FormField::name))
                ),
                Shape::Objects(fields) => assert_eq!(
                    keys(&property["items"]["properties"]),
                    sorted(fields.iter().map(FormField::name))
                ),
                _ => {}
            }
        }
        for platform in Platform::ALL {
            let profile = platform.profile();
            let schema = json_schema(&profile);
            let on_form = declared
                .into_iter()
                .filter(|f| *f == "platform" || profile.has_field(f));
            assert_eq!(keys(&schema["properties"]), sorted(on_form), "{platform}");
        }
    }

    /// Each closed choice lists its keyword type's own keywords: every keyword the parser
    /// reads, and the auth schemes of the profile.
    #[test]
    fn closed_choices_come_from_the_keyword_types() {
        let form = form();
        let choices = |name: &str| {
            form.iter()
                .find(|f| f.name() == name)
                .and_then(FormField::choices)
                .map(<[&str]>::to_vec)
        };
        assert_eq!(choices("mode").unwrap(), Mode::KEYWORDS);
        assert_eq!(choices("version").unwrap(), GatewayVersion::KEYWORDS);
        assert_eq!(
            choices("data_protection").unwrap(),
            DataProtection::KEYWORDS
        );
        for keyword in choices("platform").unwrap() {
            assert_eq!(
                keyword.parse::<Platform>().map(Platform::as_str),
                Ok(keyword)
            );
        }
        let brands = choices("card_brands").unwrap();
        for brand in CardBrand::ALL {
            assert_eq!(
                brands.contains(&brand.as_str()),
                brand.can_be_enabled(),
                "{brand}"
            );
        }
        for keyword in &brands {
            assert!(
                keyword
                    .parse::<CardBrand>()
                    .is_ok_and(CardBrand::can_be_enabled)
            );
        }
        let data = json_schema(&Platform::DataConnector.profile());
        assert_eq!(
            data["properties"]["auth"]["properties"]["scheme"]["enum"],
            json!(["api_key", "oauth2"])
        );
        let every = json_schema_of_every_form();
        assert_eq!(
            every["properties"]["auth"]["properties"]["scheme"]["enum"],
            json!(AuthSchemeSet::ALL.names())
        );
    }
}
