//! A form described from its field table (feature `serde`): each field's name, doc line, JSON
//! [`Shape`], closed choice and nested fields, for `config::schema` to build the JSON Schema
//! from. The types are public at `config::schema`.

use super::{Field, Kind};

/// A field's JSON shape, as the loader reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Shape {
    /// A string.
    Text,
    /// A string holding a secret: never shown back (`writeOnly` in the schema).
    Secret,
    /// A decimal string such as `"0.50"`; a JSON number is refused (quote it).
    Decimal,
    /// A whole number, as a string or a JSON number read exactly from its text.
    Whole,
    /// `true` or `false`.
    Flag,
    /// A list of strings.
    Texts,
    /// An object with its own fields.
    Object(Vec<FormField>),
    /// A list of objects, each with these fields.
    Objects(Vec<FormField>),
}

/// One field of the configuration file, described: see [`config::schema`](crate::config::schema).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormField {
    pub(crate) name: &'static str,
    pub(crate) doc: String,
    pub(crate) shape: Shape,
    pub(crate) choices: Option<Vec<&'static str>>,
    pub(crate) required: bool,
}

impl FormField {
    pub(crate) fn new(
        name: &'static str,
        doc: &str,
        shape: Shape,
        choices: Option<Vec<&'static str>>,
        required: bool,
    ) -> FormField {
        FormField {
            name,
            doc: plain_doc(doc),
            shape,
            choices,
            required,
        }
    }

    /// The field's name in the file.
    #[must_use]
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// What the field holds, in a sentence or two (its declaration's doc comment, without
    /// link targets).
    #[must_use]
    pub fn doc(&self) -> &str {
        &self.doc
    }

    /// The field's JSON shape.
    #[must_use]
    pub fn shape(&self) -> &Shape {
        &self.shape
    }

    /// For a closed choice, every keyword the checks accept (of each item, for a list):
    /// each value's keyword, then its aliases.
    #[must_use]
    pub fn choices(&self) -> Option<&[&'static str]> {
        self.choices.as_deref()
    }

    /// Whether a field of an object is required wherever the object is given, whatever the
    /// profile (`auth.scheme`, say). Which top-level fields are required is the profile's
    /// ([`Profile::requires`](crate::profile::Profile::requires)).
    #[must_use]
    pub fn required(&self) -> bool {
        self.required
    }

    /// The fields of an object, or of each object of a list; empty for any other shape.
    #[must_use]
    pub fn fields(&self) -> &[FormField] {
        match &self.shape {
            Shape::Object(fields) | Shape::Objects(fields) => fields,
            _ => &[],
        }
    }
}

/// The fields of an object, described from its table, in its order.
pub(crate) fn described<T>(fields: &[Field<T>]) -> Vec<FormField> {
    fields
        .iter()
        .map(|f| {
            let nested = || f.nested.map(|n| n()).unwrap_or_default();
            let shape = match f.kind {
                Kind::Text(_) => Shape::Text,
                Kind::Secret(_) => Shape::Secret,
                Kind::Decimal(_) => Shape::Decimal,
                Kind::Whole(_) => Shape::Whole,
                Kind::Flag(_) => Shape::Flag,
                Kind::Texts(_) => Shape::Texts,
                Kind::Object(_) => Shape::Object(nested()),
                Kind::Objects(_) => Shape::Objects(nested()),
            };
            FormField::new(f.name, f.doc, shape, f.choices.map(|c| c()), f.required)
        })
        .collect()
}

/// A doc comment as one line of plain text: lines joined, `[text](target)` links reduced to
/// their text.
fn plain_doc(doc: &str) -> String {
    let joined = doc.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = String::with_capacity(joined.len());
    let mut rest = joined.as_str();
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|i| open + i) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|i| close + i) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_links_are_reduced_to_their_text() {
        assert_eq!(
            plain_doc(" Whose form: `kartra` ([`Platform`](crate::profile::Platform));\n absent."),
            "Whose form: `kartra` (`Platform`); absent."
        );
        assert_eq!(plain_doc("a [b] c"), "a [b] c");
    }
}
