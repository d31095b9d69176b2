//! The walk: a JSON text read object by object with the field tables, each problem kept
//! as a violation at its path (feature `serde`).

use super::errors::{ConfigFileError, ConfigFileErrorKind};
use super::exact::exact_decimal;
use super::names::{closest, path_segment};
use super::table::*;
use super::*;
use crate::codes::ViolationCode;
use crate::config::GatewayConfig;
use crate::config::collector::plain_name;
use crate::diagnostics::{Path, Violation};
use crate::text::InputExcerpt;
use secrecy::SecretString;
use serde_json::value::RawValue;
use std::fmt;

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

/// [`GatewayConfig::from_json_slice`]: UTF-8 first.
pub(in crate::config) fn from_slice(bytes: &[u8]) -> Result<Loaded, ConfigFileError> {
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
pub(in crate::config) fn from_json(json: &str) -> Result<Loaded, ConfigFileError> {
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
    let form: GatewayConfig = loader.members(&Path::root(), raw, GATEWAY);
    Ok(Loaded {
        form,
        report: loader.found.into_iter().collect(),
    })
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
            Kind::Whole(_) => "a whole number",
            Kind::Flag(_) => "true or false",
            Kind::Texts(_) => "a list of strings",
            Kind::Object(_) => "an object",
            Kind::Objects(_) => "a list of objects",
        }
    }
}

/// Walks the JSON against the field tables and collects the violations.
#[derive(Default)]
pub(super) struct Loader {
    found: Vec<Violation>,
}

impl Loader {
    /// Reads an object with its table; every member is checked, every problem kept.
    pub(super) fn members<T: Default>(
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
    pub(super) fn list<T: Default>(
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
                    plain_name(field.name),
                    field.example
                )),
            ),
            (Kind::Whole(set), JsonType::Number) => match exact_decimal(raw.get()) {
                Some(text) => set(out, text),
                None => self.found.push(
                    Violation::error(
                        at.clone(),
                        ViolationCode::InvalidValue,
                        format!("{at} is a number with too many digits to read exactly"),
                    )
                    .with_remedy(format!(
                        "write the {} as a whole number such as {}",
                        plain_name(field.name),
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

/// A JSON string's value (the text was read as JSON already).
fn string(raw: &RawValue) -> String {
    serde_json::from_str(raw.get()).unwrap_or_default()
}
