//! The tree of the file format's fields, from their declarations (`fields.rs`,
//! `objects.rs`): each object's fields in the order they are declared, each with its name in
//! plain words and, for an object field, the fields inside it. A report lists its findings in
//! this order ([`cmp`]), as the file and the form show the fields, and messages name a field
//! in its plain words ([`plain_name`]).

use std::cmp::Ordering;

use crate::diagnostics::{Path, Segment};

/// A field of the file format, with the fields of the object (or of each entry of the list of
/// objects) it holds: none for a value.
pub(crate) struct FieldNode {
    name: &'static str,
    plain: &'static str,
    inner: &'static [FieldNode],
}

/// The fields inside a field, from the `read` of its declaration.
macro_rules! inner_fields {
    (object($table:ident)) => {
        $table
    };
    (objects($table:ident, $example:ident)) => {
        $table
    };
    ($read:ident $(($($arg:ident),*))?) => {
        &[]
    };
}

/// The order of an object's fields (`[NAME]` and the declaration of its fields), or of the
/// top level's.
macro_rules! field_order {
    ([$NAME:ident] $($(#[doc = $doc:literal])* $name:ident: $ty:ty, read $read:ident $(($($arg:ident),*))?,
        shown $shown:ident, example $example:literal, named $plain:literal, forms [$($form:ident),*];)*) => {
        const $NAME: &[FieldNode] = &[$(FieldNode {
            name: stringify!($name),
            plain: $plain,
            inner: inner_fields!($read $(($($arg),*))?),
        }),*];
    };
    ([$NAME:ident] $($(#[doc = $doc:literal])* $name:ident: $ty:ty, read $read:ident $(($($arg:ident),*))?,
        shown $shown:ident, example $example:literal, named $plain:literal $(, $required:ident)?;)*) => {
        const $NAME: &[FieldNode] = &[$(FieldNode {
            name: stringify!($name),
            plain: $plain,
            inner: inner_fields!($read $(($($arg),*))?),
        }),*];
    };
}

// Named as the loader's tables, which the declarations' `read` names.
gateway_fields!(field_order[TOP]);
auth_fields!(field_order[AUTH]);
account_fields!(field_order[ACCOUNT]);
limits_fields!(field_order[LIMITS]);
currency_max_fields!(field_order[CURRENCY_MAX]);
brand_max_fields!(field_order[BRAND_MAX]);
minimum_fields!(field_order[MINIMUM]);
currency_fields!(field_order[CURRENCY]);

/// Where `name` is declared first in the whole file format (each object's fields after its
/// field), if anywhere.
fn declared_at(name: &str) -> Option<usize> {
    fn walk(fields: &[FieldNode], name: &str, seen: &mut usize) -> Option<usize> {
        for f in fields {
            if f.name == name {
                return Some(*seen);
            }
            *seen += 1;
            if let Some(at) = walk(f.inner, name, seen) {
                return Some(at);
            }
        }
        None
    }
    walk(TOP, name, &mut 0)
}

/// The first field named `name` in `fields` or inside them (each object's fields after its
/// field).
fn find(fields: &'static [FieldNode], name: &str) -> Option<&'static FieldNode> {
    fields.iter().find_map(|f| {
        if f.name == name {
            Some(f)
        } else {
            find(f.inner, name)
        }
    })
}

/// The plain words for the field at `path` (its fields' names joined by dots, without list
/// positions: `auth.secret_key`) or, when no field is at that path, for the first field of
/// that name in the file format (`secret_key`); `None` for a name the format does not have.
pub(crate) fn plain_name(path: &str) -> Option<&'static str> {
    let mut within: &'static [FieldNode] = TOP;
    let mut at = None;
    for name in path.split('.') {
        at = within.iter().find(|f| f.name == name);
        match at {
            Some(f) => within = f.inner,
            None => break,
        }
    }
    at.or_else(|| find(TOP, path)).map(|f| f.plain)
}

/// Each segment of `path` ranked in its object: a field by its position among the object's
/// fields; a name the object does not declare after them, by where the file format declares
/// it (a field put in the wrong object sorts near the object it belongs in), then in the
/// file's order; an index by its number, after every field.
fn ranks(path: &Path) -> impl Iterator<Item = (u8, usize, usize)> {
    let mut within: &[FieldNode] = TOP;
    path.segments().iter().map(move |segment| match segment {
        Segment::Field(name) => match within.iter().position(|f| f.name == name.as_ref()) {
            Some(at) => {
                let rank = (0, at, 0);
                within = within[at].inner;
                rank
            }
            None => {
                let rank = (0, within.len(), declared_at(name).unwrap_or(usize::MAX));
                within = &[];
                rank
            }
        },
        Segment::Index(i) => (1, *i, 0),
    })
}

/// Compares two paths of the file format in the field order of reports: the fields of each
/// object in their declared order, a list's entries by position, a path before the paths
/// inside it. Sorting is stable: paths that compare equal (two unknown names, say) keep their
/// order.
pub(crate) fn cmp(a: &Path, b: &Path) -> Ordering {
    ranks(a).cmp(ranks(b))
}

/// Every field name of the file format, each object's after its field, in the field order of
/// reports (a name in two objects, once).
#[cfg(test)]
pub(crate) fn all_names() -> Vec<&'static str> {
    fn walk(fields: &'static [FieldNode], out: &mut Vec<&'static str>) {
        for f in fields {
            if !out.contains(&f.name) {
                out.push(f.name);
            }
            walk(f.inner, out);
        }
    }
    let mut out = Vec::new();
    walk(TOP, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The order of reports is the declared order, object by object: `limits` comes after
    /// the account's descriptor settings, its entries by position, and within an entry of
    /// `brand_max` the brand before the maximum (as declared), though `max_minor_units` is
    /// also declared in `currency_max`, where the currency comes first. Names the top level
    /// does not have come after its fields: one the format declares elsewhere first, then the
    /// others in their order.
    #[test]
    fn paths_sort_by_each_objects_declared_order() {
        let p = |s: &str| s.parse::<Path>().unwrap();
        let mut paths = [
            p("unknown"),
            p("account.limits.brand_max[0].max_minor_units"),
            p("account.limits.brand_max[0].brand"),
            p("account.limits.currency_max[1].currency"),
            p("account.limits.currency_max[0].max_minor_units"),
            p("account.limits"),
            p("account.statement_descriptor"),
            p("currencies[1].currency"),
            p("currencies[0].minimum_payment"),
            p("login"),
            p("colour"),
            p("minimum_payment"),
            p("name"),
        ];
        paths.sort_by(cmp);
        let printed: Vec<String> = paths.iter().map(ToString::to_string).collect();
        assert_eq!(
            printed,
            [
                "name",
                "login",
                "account.statement_descriptor",
                "account.limits",
                "account.limits.currency_max[0].max_minor_units",
                "account.limits.currency_max[1].currency",
                "account.limits.brand_max[0].brand",
                "account.limits.brand_max[0].max_minor_units",
                "currencies[0].minimum_payment",
                "currencies[1].currency",
                "minimum_payment",
                "unknown",
                "colour",
            ]
        );
    }
}
