//! The field tables: one row per field of each object of the file format (feature `serde`).

use crate::card_brand::CardBrand;
use crate::config::collector::plain_name;
use crate::config::schema::Keywords;
use crate::config::{
    AccountConfig, AuthConfig, BrandMaxConfig, CurrencyConfig, CurrencyMaxConfig, LimitsConfig,
    MinimumConfig,
};
use crate::credentials::AuthScheme;
use crate::credentials::Mode;
use crate::data_protection::DataProtection;
use crate::input::AnyForm;
use crate::profile::Platform;
use crate::reader::{Field, Kind, Loader, described, field};
use crate::version::GatewayVersion;

/// How a field of `$T` is read (the `read` of its declaration, `input/fields.rs` and
/// `input/objects.rs`): what the row's function sets in `$acc`, the object being read (`|c|
/// c`, or a part of it).
macro_rules! object_kind {
    ($T:ty, |$c:ident| $acc:expr, text, $f:ident) => {
        Kind::Text(|$c: &mut $T, v| $acc.$f = Some(v))
    };
    ($T:ty, |$c:ident| $acc:expr, secret, $f:ident) => {
        Kind::Secret(|$c: &mut $T, v| $acc.$f = Some(v))
    };
    ($T:ty, |$c:ident| $acc:expr, decimal, $f:ident) => {
        Kind::Decimal(|$c: &mut $T, v| $acc.$f = Some(v))
    };
    ($T:ty, |$c:ident| $acc:expr, whole, $f:ident) => {
        Kind::Whole(|$c: &mut $T, v| $acc.$f = Some(v))
    };
    ($T:ty, |$c:ident| $acc:expr, keyword($choice:ident), $f:ident) => {
        Kind::Text(|$c: &mut $T, v| $acc.$f = Some(v))
    };
    ($T:ty, |$c:ident| $acc:expr, keywords($choice:ident), $f:ident) => {
        Kind::Texts(|$c: &mut $T, v| $acc.$f = Some(v))
    };
    ($T:ty, |$c:ident| $acc:expr, flag, $f:ident) => {
        Kind::Flag(|$c: &mut $T, v| $acc.$f = v)
    };
    ($T:ty, |$c:ident| $acc:expr, opt_flag, $f:ident) => {
        Kind::Flag(|$c: &mut $T, v| $acc.$f = Some(v))
    };
    ($T:ty, |$c:ident| $acc:expr, texts, $f:ident) => {
        Kind::Texts(|$c: &mut $T, v| $acc.$f = Some(v))
    };
    ($T:ty, |$c:ident| $acc:expr, object($table:ident), $f:ident) => {
        Kind::Object(|$c: &mut $T, l, p, raw| $acc.$f = Some(l.members(p, raw, $table)))
    };
    ($T:ty, |$c:ident| $acc:expr, objects($table:ident, $example:ident), $f:ident) => {
        Kind::Objects(|$c: &mut $T, l, p, raw| $acc.$f = Some(l.list(p, raw, $table, $example)))
    };
}

/// A row required wherever its object is given (the `, required` of its declaration).
macro_rules! required {
    ($row:expr, required) => {
        $row.always_required()
    };
    ($row:expr) => {
        $row
    };
}

/// The table `$TABLE` of an object of type `$T` from the declaration of its fields
/// (`input/objects.rs`), each row's doc line the declaration's doc comment, and `$extra` rows
/// after them.
macro_rules! object_table {
    ([$TABLE:ident, $T:ty, |$c:ident| $acc:expr $(, $extra:expr)*]
     $($(#[doc = $doc:literal])* $name:ident: $ty:ty, read $read:ident $(($($arg:ident),*))?,
        shown $shown:ident, example $example:literal, named $plain:literal $(, $required:ident)?;)*) => {
        pub(super) const $TABLE: &[Field<$T>] = &[
            $(required!(
                described!(
                    field(
                        stringify!($name),
                        object_kind!($T, |$c| $acc, $read $(($($arg),*))?, $name),
                        $example
                    )
                    .about(concat!($($doc, "\n"),*)),
                    $read $(($($arg),*))?
                )
                $(, $required)?
            ),)*
            $($extra,)*
        ];
    };
}

/// What the form's description adds to a top-level row, from the `read` of its
/// declaration: the keywords of a closed choice, the fields of an object.
macro_rules! described {
    ($row:expr, keyword($choice:ident)) => {
        $row.choosing(<$choice as Keywords>::keywords)
    };
    ($row:expr, keywords($choice:ident)) => {
        $row.choosing(<$choice as Keywords>::keywords)
    };
    ($row:expr, object($table:ident)) => {
        $row.nesting(|| described(&$table))
    };
    ($row:expr, objects($table:ident, $example:ident)) => {
        $row.nesting(|| described(&$table))
    };
    ($row:expr, $read:ident) => {
        $row
    };
}

/// The top level of the file, in the file format's order: one row per declared field of
/// either kind of form, its doc line the declaration's doc comment.
macro_rules! gateway_table {
    ($($(#[doc = $doc:literal])* $name:ident: $ty:ty, read $read:ident $(($($arg:ident),*))?,
        shown $shown:ident, example $example:literal, named $plain:literal, forms [$($form:ident),*];)*) => {
        pub(super) const GATEWAY: &[Field<AnyForm>] = &[
            $(described!(
                field(stringify!($name), object_kind!(AnyForm, |c| c, $read $(($($arg),*))?, $name), $example)
                    .about(concat!($($doc, "\n"),*)),
                $read $(($($arg),*))?
            ),)*
        ];
    };
}

gateway_fields!(gateway_table);

auth_fields!(object_table [AUTH, AuthConfig, |c| c]);

/// An `auth` object read on its own into an `AuthScheme`: its fields, and the publishable key
/// a Connect scheme keeps.
#[derive(Default)]
pub(super) struct AuthSchemeInput {
    pub(super) auth: AuthConfig,
    pub(super) publishable_key: Option<String>,
}

// The `auth` object read on its own (`AuthScheme`'s `Deserialize`).
auth_fields!(object_table [
    AUTH_SCHEME,
    AuthSchemeInput,
    |c| c.auth,
    field(
        "publishable_key",
        Kind::Text(|c: &mut AuthSchemeInput, v| c.publishable_key = Some(v)),
        "\"pk_test_…\""
    )
    .about("The account's publishable key (`pk_test_…` or `pk_live_…`), kept by a Connect scheme.")
]);

/// A good `auth` object, for messages.
pub(super) const AUTH_EXAMPLE: &str = "{ \"scheme\": \"api_key\", \"secret_key\": \"sk_test_…\" }";

account_fields!(object_table [ACCOUNT, AccountConfig, |c| c]);
limits_fields!(object_table [LIMITS, LimitsConfig, |c| c]);
currency_max_fields!(object_table [CURRENCY_MAX, CurrencyMaxConfig, |c| c]);
brand_max_fields!(object_table [BRAND_MAX, BrandMaxConfig, |c| c]);
minimum_fields!(object_table [MINIMUM, MinimumConfig, |c| c]);
currency_fields!(object_table [CURRENCY, CurrencyConfig, |c| c]);

const CURRENCY_MAX_EXAMPLE: &str =
    "{ \"currency\": \"VND\", \"max_minor_units\": \"999999999999\" }";
const BRAND_MAX_EXAMPLE: &str = "{ \"brand\": \"amex\", \"max_minor_units\": \"999999999\" }";
const MINIMUM_EXAMPLE: &str = "{ \"currency\": \"USD\", \"minimum\": \"0.60\" }";
const CURRENCY_EXAMPLE: &str = "{ \"currency\": \"USD\", \"minimum_payment\": \"0.50\" }";

/// Every top-level field of the file format, described (`config::schema` reads it).
pub(in crate::config) fn form() -> Vec<crate::reader::FormField> {
    described(GATEWAY)
}

/// The loader of the configuration file: unknown fields say which other object has them,
/// remedies name fields in the form's words.
pub(super) fn config_loader() -> Loader {
    Loader::new("the configuration", belongs_in).naming(plain_name)
}

/// The object of the file format that has a field named `name`, if one has.
pub(super) fn belongs_in(name: &str) -> Option<&'static str> {
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

#[cfg(test)]
mod tests {
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
            rows(AUTH_SCHEME),
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
