//! The form's description, read off the field tables (feature `serde`): what
//! [`crate::config::schema`] builds the JSON Schema from.

use super::table::{Field, GATEWAY, Kind};
use crate::config::schema::{FormField, Shape};

/// The fields of an object of the file format, described from its table, in its order.
pub(super) fn described<T>(fields: &[Field<T>]) -> Vec<FormField> {
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

/// Every top-level field of the file format, described.
pub(in crate::config) fn form() -> Vec<FormField> {
    described(GATEWAY)
}

#[cfg(test)]
mod tests {
    use super::super::table::{ACCOUNT, AUTH, BRAND_MAX, CURRENCY, CURRENCY_MAX, LIMITS, MINIMUM};
    use super::*;

    /// Every row of every table has a doc line, and every object row the fields of its
    /// object: the form's description misses nothing the loader reads.
    #[test]
    fn every_row_is_documented_and_every_object_row_nests_its_fields() {
        fn rows<T>(fields: &[Field<T>]) -> Vec<(&'static str, bool, bool)> {
            fields
                .iter()
                .map(|f| {
                    let object = matches!(f.kind, Kind::Object(_) | Kind::Objects(_));
                    (
                        f.name,
                        !f.doc.trim().is_empty(),
                        object == f.nested.is_some(),
                    )
                })
                .collect()
        }
        let all = [
            rows(GATEWAY),
            rows(AUTH),
            rows(ACCOUNT),
            rows(LIMITS),
            rows(CURRENCY_MAX),
            rows(BRAND_MAX),
            rows(MINIMUM),
            rows(CURRENCY),
        ];
        for (name, documented, nests) in all.into_iter().flatten() {
            assert!(documented, "{name} has no doc line");
            assert!(
                nests,
                "{name}: an object row without its fields, or the reverse"
            );
        }
    }
}
