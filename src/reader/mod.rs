//! The field-level reader of JSON objects (feature `serde`): the one way the crate reads a
//! form from JSON. A form is declared as a table of its fields ([`Field`] rows: a name, a
//! [`Kind`] and an example), and the [`Loader`] walks an object against it, keeping every
//! problem as a [`Violation`] at its path instead of failing the whole input:
//!
//! * a value of the wrong JSON type: `wrong_type`, with what to write instead;
//! * a field the object does not have: `unknown_field`, with the closest known name;
//! * a field given twice: `duplicate_field` (the last one is used);
//! * a number read exactly from its text, never through a float; one with too many digits
//!   is `invalid_value`.
//!
//! `config::load` reads the configuration file with it (and its tables); the connection
//! settings and the `auth` object read through it too, and their serde `Deserialize` impls
//! refuse with the loader's first finding ([`deserialize_object`], [`refusal`]). No message
//! passes a parser's own text through (serde's included): messages are built from the
//! value's JSON type, the field's path and example, and every echo of the input goes through
//! [`InputExcerpt`], which cuts at anything secret-shaped.

mod describe;
mod exact;
mod names;

use std::borrow::Cow;
use std::fmt;

use secrecy::SecretString;
use serde_json::value::RawValue;

use crate::codes::ViolationCode;
use crate::diagnostics::{Path, Violation};
use crate::text::InputExcerpt;
pub(crate) use describe::described;
pub use describe::{FormField, Shape};
pub(crate) use names::{closest, path_segment};

// ---- the field tables ----------------------------------------------------------------------

/// How a field's JSON value is read, and where it goes.
pub(crate) enum Kind<T> {
    /// A string.
    Text(fn(&mut T, String)),
    /// A string kept as a secret.
    Secret(fn(&mut T, SecretString)),
    /// A decimal: a string (a JSON number is refused: it was likely written through a float).
    Decimal(fn(&mut T, String)),
    /// A whole number: a string, or a JSON number read exactly from its text.
    Whole(fn(&mut T, String)),
    /// `true` or `false`.
    Flag(fn(&mut T, bool)),
    /// A list of strings.
    Texts(fn(&mut T, Vec<String>)),
    /// An object, read with its own table by the function.
    Object(fn(&mut T, &mut Loader, &Path, &RawValue)),
    /// A list of objects, read with their own table by the function.
    Objects(fn(&mut T, &mut Loader, &Path, &RawValue)),
}

/// One row of a field table: the field's name in the JSON, how it is read, and an example
/// of a good value for messages; for the form's description ([`described`]), its doc line,
/// the keywords of a closed choice, and the fields of an object.
pub(crate) struct Field<T> {
    pub(crate) name: &'static str,
    pub(crate) kind: Kind<T>,
    pub(crate) example: &'static str,
    pub(crate) doc: &'static str,
    pub(crate) choices: Option<fn() -> Vec<&'static str>>,
    pub(crate) nested: Option<fn() -> Vec<FormField>>,
    pub(crate) required: bool,
}

/// A row of a field table.
pub(crate) const fn field<T>(name: &'static str, kind: Kind<T>, example: &'static str) -> Field<T> {
    Field {
        name,
        kind,
        example,
        doc: "",
        choices: None,
        nested: None,
        required: false,
    }
}

impl<T> Field<T> {
    /// The field's doc line, for the form's description.
    pub(crate) const fn about(self, doc: &'static str) -> Self {
        Field { doc, ..self }
    }

    /// The keywords a closed choice accepts (the field's, or each item's of a list).
    pub(crate) const fn choosing(self, choices: fn() -> Vec<&'static str>) -> Self {
        Field {
            choices: Some(choices),
            ..self
        }
    }

    /// The field is required wherever its object is given: the checks report it missing
    /// (`missing_field`) whatever the profile.
    pub(crate) const fn always_required(self) -> Self {
        Field {
            required: true,
            ..self
        }
    }

    /// The fields of an object, or of each object of a list, described.
    pub(crate) const fn nesting(self, nested: fn() -> Vec<FormField>) -> Self {
        Field {
            nested: Some(nested),
            ..self
        }
    }
}

impl<T> Kind<T> {
    /// What the field takes, for messages.
    fn expected(&self) -> &'static str {
        match self {
            Kind::Text(_) | Kind::Secret(_) => "a string",
            Kind::Decimal(_) => "a decimal string",
            Kind::Whole(_) => "a whole number",
            Kind::Flag(_) => "true or false",
            Kind::Texts(_) => "a list of strings",
            Kind::Object(_) => "an object",
            Kind::Objects(_) => "a list of objects",
        }
    }
}

// ---- serde's door --------------------------------------------------------------------------

/// Reads a `T` from a deserializer holding one JSON object, with its table: what serde's
/// `Deserialize` of a form does. `root` names the object in messages (`the connection
/// settings`), `example` is a good object. Refused with the loader's first finding
/// ([`refusal`]), never with serde's text, which quotes the values it refuses.
///
/// The value is read as JSON text ([`RawValue`]), so this reads from `serde_json` (a string,
/// a reader or a `serde_json::Value`) only.
pub(crate) fn deserialize_object<'de, D, T>(
    deserializer: D,
    root: &'static str,
    fields: &[Field<T>],
    example: &str,
) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Default,
{
    let raw = <Box<RawValue> as serde::Deserialize>::deserialize(deserializer)?;
    let mut loader = Loader::new(root, |_| None);
    let at = Path::root();
    let value = match JsonType::of(&raw) {
        JsonType::Object => loader.members(&at, &raw, fields),
        found => {
            loader.wrong_type(&at, found, &raw, "an object", example);
            T::default()
        }
    };
    match refusal(&loader.found) {
        Some(message) => Err(serde::de::Error::custom(message)),
        None => Ok(value),
    }
}

/// The refusal of serde's `Deserialize` for what the loader found: the first error's message
/// (which names its path), and how many more there are. `None` when there is no error.
pub(crate) fn refusal<'a>(found: impl IntoIterator<Item = &'a Violation>) -> Option<String> {
    let mut errors = found.into_iter().filter(|v| v.is_error());
    let first = errors.next()?;
    Some(match errors.count() {
        0 => first.message().to_owned(),
        1 => format!("{} (and 1 more problem)", first.message()),
        more => format!("{} (and {more} more problems)", first.message()),
    })
}

// ---- the walk ------------------------------------------------------------------------------

/// An object's members in the order of the JSON, values unparsed.
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
pub(crate) enum JsonType {
    Null,
    Bool,
    Number,
    String,
    List,
    Object,
}

impl JsonType {
    /// The type of a JSON value (already read as JSON).
    pub(crate) fn of(raw: &RawValue) -> JsonType {
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

/// Walks JSON against the field tables and collects the violations.
pub(crate) struct Loader {
    found: Vec<Violation>,
    /// What the top-level object is called in messages (`the configuration`).
    root: &'static str,
    /// The object another table has an unknown field in, if any (`auth` for `secret_key` at
    /// the top level of the configuration).
    belongs_in: fn(&str) -> Option<&'static str>,
    /// A field's name as a remedy says it (`minimum_payment` → `minimum payment`).
    plain: fn(&str) -> Cow<'static, str>,
}

impl Loader {
    /// A loader for an object called `root` in messages; `belongs_in` says which other
    /// object of the same input has a field this one does not.
    pub(crate) fn new(root: &'static str, belongs_in: fn(&str) -> Option<&'static str>) -> Self {
        Loader {
            found: Vec::new(),
            root,
            belongs_in,
            plain: |name| Cow::Owned(name.to_owned()),
        }
    }

    /// Names fields in remedies with `plain` (a form's own words for its fields).
    pub(crate) fn naming(self, plain: fn(&str) -> Cow<'static, str>) -> Self {
        Loader { plain, ..self }
    }

    /// Every finding, in the order of the input.
    pub(crate) fn into_found(self) -> Vec<Violation> {
        self.found
    }

    /// Reads an object with its table; every member is checked, every problem kept.
    pub(crate) fn members<T: Default>(
        &mut self,
        path: &Path,
        raw: &RawValue,
        fields: &[Field<T>],
    ) -> T {
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
    pub(crate) fn list<T: Default>(
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
            (Kind::Decimal(set) | Kind::Whole(set), JsonType::String) => set(out, string(raw)),
            // A number where a decimal string belongs: likely written through a float
            // (`0.30000000000000004`), so not read; the remedy says to quote it.
            (Kind::Decimal(_), JsonType::Number) => self.found.push(
                Violation::error(
                    at.clone(),
                    ViolationCode::WrongType,
                    format!(
                        "{at} is a number, expected a decimal string such as {}",
                        field.example
                    ),
                )
                .with_remedy(format!(
                    "write the {} as a quoted decimal string such as {}",
                    (self.plain)(field.name),
                    field.example
                )),
            ),
            (Kind::Whole(set), JsonType::Number) => match exact::exact_decimal(raw.get()) {
                Some(text) => set(out, text),
                None => self.found.push(
                    Violation::error(
                        at.clone(),
                        ViolationCode::InvalidValue,
                        format!("{at} is a number with too many digits to read exactly"),
                    )
                    .with_remedy(format!(
                        "write the {} as a whole number such as {}",
                        (self.plain)(field.name),
                        field.example
                    )),
                ),
            },
            (Kind::Flag(set), JsonType::Bool) => set(out, raw.get().trim() == "true"),
            (Kind::Texts(set), JsonType::List) => {
                let items = serde_json::from_str::<Vec<&RawValue>>(raw.get()).unwrap_or_default();
                let mut texts = Vec::with_capacity(items.len());
                for (i, item) in items.into_iter().enumerate() {
                    match JsonType::of(item) {
                        JsonType::String => texts.push(string(item)),
                        other => {
                            let example = field.example.trim_start_matches('[');
                            let example = example.split(',').next().unwrap_or(example);
                            self.wrong_type(&at.clone().index(i), other, item, "a string", example);
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
            (self.belongs_in)(name)
        } else {
            None
        };
        let at = path.clone().then(path_segment(name));
        let within = if path.is_root() {
            self.root.to_owned()
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

/// A JSON string's value (the text was read as JSON already).
fn string(raw: &RawValue) -> String {
    serde_json::from_str(raw.get()).unwrap_or_default()
}
