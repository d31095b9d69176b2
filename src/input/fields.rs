//! The top-level fields of the configuration file, declared once ([`gateway_fields!`]).
//!
//! Each field is one entry: its docs, its Rust type, how the loader reads it from JSON
//! (`read`), how `Debug` shows it (`shown`), an example of a good value for messages, its
//! name in plain words for messages (`named`), and where it is on each platform's form
//! (`forms`). From that one list come both kinds of form,
//! [`GatewayConfig`] (a payment gateway's: Konnektive, PortaBilling, generic) and
//! [`ConnectionConfig`] (a connection's: an iPaaS connector, Kartra, a data connector), each
//! with the fields some platform of its kind has ([`select_fields!`]), its docs' table of
//! fields and its `Debug` that hides secrets; the file as read, with every field of either
//! kind ([`AnyForm`]), which the loader fills from its table of the top level
//! (`load::table::GATEWAY`) and validation judges; which fields a form has entered (the
//! presence checks of a profile's form) and clearing a field the form does not have; each
//! platform's form (which fields it has and requires: [`form_of`]); the field order of
//! reports and the fields' plain names ([`order`](super::order)); and the form's
//! description and JSON Schema ([`schema`](super::schema): the doc comment is the field's
//! description, the `read` its JSON shape and closed choice). Adding a top-level field is one
//! entry here, plus its rule.
//!
//! The list is an "X macro": [`gateway_fields!`] passes it to the macro named by its caller,
//! which generates one thing from it.
//!
//! | `read` | JSON value | field type |
//! | --- | --- | --- |
//! | `text` | a string | `Option<String>` |
//! | `keyword(E)` | a string, one of `E`'s keywords (a closed choice) | `Option<String>` |
//! | `decimal` | a decimal string (a JSON number is refused: quote it) | `Option<String>` |
//! | `whole` | a string, or a whole JSON number read exactly from its text | `Option<String>` |
//! | `flag` | `true` or `false` | `bool` |
//! | `opt_flag` | `true` or `false` | `Option<bool>` |
//! | `texts` | a list of strings | `Option<Vec<String>>` |
//! | `keywords(E)` | a list of strings, each one of `E`'s keywords | `Option<Vec<String>>` |
//! | `object(TABLE)` | an object, read with its own table | `Option<_>` |
//! | `objects(TABLE, EXAMPLE)` | a list of objects, each read with the table | `Option<Vec<_>>` |
//!
//! | `forms` | on each platform's form ([`FORM_COLUMNS`]' order) |
//! | --- | --- |
//! | `req` | required: `missing_field` when absent |
//! | `opt` | on the form, optional |
//! | `no` | not on the form: `field_not_on_form` when entered, and ignored |
//! | `form` | `platform` only: picks the form |
//!
//! | `shown` | `Debug` shows |
//! | --- | --- |
//! | `plain` | the value's own `Debug` (flags, and objects with their own guarded `Debug`) |
//! | `guarded` | a text, only the prefix of one that starts like a secret |
//! | `guarded_list` | each text of a list, guarded |
//! | `redacted` | `[redacted]` when set: the text may be a password |

use std::fmt;

use super::{AnyForm, ConnectionConfig, GatewayConfig};
use crate::text::{GuardedOption, GuardedText};

/// The declaration of the top-level fields, in the file format's order; calls `$consumer!`
/// with `$args` and then the list.
///
/// `forms` says, for each platform's form in the order of [`FORM_COLUMNS`], whether the form
/// requires the field (`req`), has it (`opt`) or not (`no`); `form` marks `platform`, which
/// picks the form and is on none. A field no connection's form has is a field of
/// [`GatewayConfig`] only; one no payment gateway's form has, of [`ConnectionConfig`] only.
macro_rules! gateway_fields {
    ($consumer:ident $($args:tt)*) => {
        $consumer! {
            $($args)*
            /// Whose form this is: `konnektive`, `ipaas_connector`, `kartra`, `data_connector`,
            /// `portabilling` or `generic` ([`Platform`](crate::profile::Platform)); absent means
            /// `generic`, every rule.
            platform: Option<String>, read keyword(Platform), shown guarded, example "\"portabilling\"", named "platform",
                forms [form, form, form, form, form, form];
            /// The gateway's or connection's name on the platform.
            name: Option<String>, read text, shown guarded, example "\"Stripe USD\"", named "gateway name",
                forms [req, req, opt, req, req, req];
            /// S4's Login: obligatory, longer than 4 characters, ignored by Add-on Mart. Never
            /// echoed (users type anything into it, a password included).
            login: Option<String>, read text, shown redacted, example "\"billing-admin\"", named "login",
                forms [no, no, no, no, req, no];
            /// The gateway version: `v1` (legacy, only if it exists already) or `v2` (for new
            /// gateways).
            version: Option<String>, read keyword(GatewayVersion), shown guarded, example "\"v2\"", named "gateway version",
                forms [req, no, no, no, no, req];
            /// `test` or `live`; every key's mode must match it.
            mode: Option<String>, read keyword(Mode), shown guarded, example "\"test\"", named "mode",
                forms [opt, opt, opt, opt, req, req];
            /// The configuration was created before (a V1 gateway may only exist, not be created).
            existing: bool, read flag, shown plain, example "false", named "existing gateway flag",
                forms [opt, no, opt, no, no, opt];
            /// How the platform authenticates to Stripe.
            auth: Option<AuthConfig>, read object(AUTH), shown plain,
                example "{ \"scheme\": \"api_key\", \"secret_key\": \"sk_test_…\" }", named "Stripe authentication",
                forms [req, req, req, req, req, req];
            /// The account's publishable key (`pk_test_…` or `pk_live_…`).
            publishable_key: Option<String>, read text, shown guarded, example "\"pk_test_…\"", named "publishable key",
                forms [opt, no, opt, no, no, opt];
            /// The Stripe account's facts.
            account: Option<AccountConfig>, read object(ACCOUNT), shown plain,
                example "{ \"settlement_currency\": \"USD\" }", named "Stripe account information",
                forms [opt, no, no, no, req, req];
            /// `token_only` or `full_card_except_cvv`, when the platform itself sends card
            /// numbers; absent when Stripe collects them.
            data_protection: Option<String>, read keyword(DataProtection), shown guarded, example "\"token_only\"", named "data protection",
                forms [no, no, no, no, req, opt];
            /// The card brands accepted, by Stripe's API names (`visa`, `mastercard`, `amex`…).
            card_brands: Option<Vec<String>>, read keywords(CardBrand), shown guarded_list,
                example "[\"visa\", \"mastercard\"]", named "list of card brands",
                forms [opt, no, no, no, req, req];
            /// The currencies assigned, with their minimum payments.
            currencies: Option<Vec<CurrencyConfig>>, read objects(CURRENCY, CURRENCY_EXAMPLE),
                shown plain, example "[{ \"currency\": \"USD\", \"minimum_payment\": \"0.50\" }]", named "list of currencies",
                forms [opt, no, no, no, req, req];
            /// Where SCA (3-D Secure) redirects return; an https URL, required for a V2 live
            /// gateway.
            return_url: Option<String>, read text, shown guarded,
                example "\"https://shop.example/3ds-return\"", named "return URL",
                forms [opt, no, no, no, no, opt];
            /// Radar fraud screening on.
            radar: Option<bool>, read opt_flag, shown plain, example "true", named "Radar setting",
                forms [opt, no, no, no, no, opt];
            /// A test transaction with a live card was made before going live.
            live_card_tested: bool, read flag, shown plain, example "true", named "live card test",
                forms [opt, no, no, no, no, opt];
            /// S1's "Is Active": the connection takes part in interface executions.
            active: bool, read flag, shown plain, example "true", named "active flag",
                forms [no, opt, no, no, no, no];
            /// S1's "Is Source": a data source for import.
            is_source: bool, read flag, shown plain, example "true", named "source role",
                forms [no, opt, no, no, no, no];
            /// S1's "Is Target": a data target for export.
            is_target: bool, read flag, shown plain, example "false", named "target role",
                forms [no, opt, no, no, no, no];
            /// S1's "Timeout", whole milliseconds, as a string or a number.
            timeout_ms: Option<String>, read whole, shown guarded, example "30000", named "timeout",
                forms [no, opt, no, no, no, no];
            /// S1's "API Version": the Stripe API version the connection pins, such as
            /// `2024-06-20`.
            api_version: Option<String>, read text, shown guarded, example "\"2026-09-30.endive\"", named "API version",
                forms [no, opt, no, no, no, no];
        }
    };
}

/// The fields of one kind of form, from the declaration: calls `$consumer!` with `[$head]`
/// and the fields kept, in the same shape. `gateway` keeps the fields that a payment
/// gateway's form has (a `forms` cell other than `no` in the konnektive, portabilling or
/// generic column), `connection` those that a connection's form has (ipaas_connector, kartra,
/// data_connector): the kinds of [`FORM_COLUMNS`].
macro_rules! select_fields {
    // Every field sorted: the kept ones go to the consumer.
    ($kind:ident => $consumer:ident [$($head:tt)*] [$($kept:tt)*]) => {
        $consumer! { [$($head)*] $($kept)* }
    };
    // On no connection's form: kept for a gateway's, left out of a connection's.
    ($kind:ident => $consumer:ident [$($head:tt)*] [$($kept:tt)*]
     $(#[doc = $doc:literal])* $name:ident: $ty:ty, read $read:ident $(($($arg:ident),*))?,
        shown $shown:ident, example $example:literal, named $plain:literal, forms [$k:ident, no, no, no, $p:ident, $g:ident];
     $($rest:tt)*) => {
        select_fields! { @$kind gateway => $consumer [$($head)*] [$($kept)*]
            [$(#[doc = $doc])* $name: $ty, read $read $(($($arg),*))?,
                shown $shown, example $example, named $plain, forms [$k, no, no, no, $p, $g];]
            $($rest)* }
    };
    // On no gateway's form: kept for a connection's, left out of a gateway's.
    ($kind:ident => $consumer:ident [$($head:tt)*] [$($kept:tt)*]
     $(#[doc = $doc:literal])* $name:ident: $ty:ty, read $read:ident $(($($arg:ident),*))?,
        shown $shown:ident, example $example:literal, named $plain:literal, forms [no, $i:ident, $ka:ident, $d:ident, no, no];
     $($rest:tt)*) => {
        select_fields! { @$kind connection => $consumer [$($head)*] [$($kept)*]
            [$(#[doc = $doc])* $name: $ty, read $read $(($($arg),*))?,
                shown $shown, example $example, named $plain, forms [no, $i, $ka, $d, no, no];]
            $($rest)* }
    };
    // On forms of both kinds: kept.
    ($kind:ident => $consumer:ident [$($head:tt)*] [$($kept:tt)*]
     $(#[doc = $doc:literal])* $name:ident: $ty:ty, read $read:ident $(($($arg:ident),*))?,
        shown $shown:ident, example $example:literal, named $plain:literal, forms [$($form:ident),*];
     $($rest:tt)*) => {
        select_fields! { $kind => $consumer [$($head)*]
            [$($kept)* $(#[doc = $doc])* $name: $ty, read $read $(($($arg),*))?,
                shown $shown, example $example, named $plain, forms [$($form),*];]
            $($rest)* }
    };
    // A field of one kind, for the form of that kind (kept) or of the other (left out).
    (@gateway gateway => $consumer:ident [$($head:tt)*] [$($kept:tt)*] [$($field:tt)*] $($rest:tt)*) => {
        select_fields! { gateway => $consumer [$($head)*] [$($kept)* $($field)*] $($rest)* }
    };
    (@connection connection => $consumer:ident [$($head:tt)*] [$($kept:tt)*] [$($field:tt)*] $($rest:tt)*) => {
        select_fields! { connection => $consumer [$($head)*] [$($kept)* $($field)*] $($rest)* }
    };
    (@$kind:ident $other:ident => $consumer:ident [$($head:tt)*] [$($kept:tt)*] [$($field:tt)*] $($rest:tt)*) => {
        select_fields! { $kind => $consumer [$($head)*] [$($kept)*] $($rest)* }
    };
}

/// A field's value as entered: whether it was, and clearing it.
trait Entered {
    fn is_entered(&self) -> bool;
    fn clear(&mut self);
}

impl<T> Entered for Option<T> {
    fn is_entered(&self) -> bool {
        self.is_some()
    }

    fn clear(&mut self) {
        *self = None;
    }
}

/// A flag is entered when it is set (`false` is the default, as absent).
impl Entered for bool {
    fn is_entered(&self) -> bool {
        *self
    }

    fn clear(&mut self) {
        *self = false;
    }
}

/// How `Debug` shows a field (the `shown` of its declaration).
pub(in crate::input) mod shown {
    use super::{GuardedOption, GuardedText};

    pub(in crate::input) fn plain<T>(value: &T) -> &T {
        value
    }

    pub(in crate::input) fn guarded(value: &Option<String>) -> GuardedOption<'_> {
        GuardedOption(value)
    }

    pub(in crate::input) fn guarded_list(
        value: &Option<Vec<String>>,
    ) -> Option<Vec<GuardedText<'_>>> {
        value
            .as_ref()
            .map(|list| list.iter().map(|s| GuardedText(s)).collect())
    }

    pub(in crate::input) fn redacted(value: &Option<String>) -> Option<&'static str> {
        value.as_ref().map(|_| "[redacted]")
    }
}

macro_rules! entered_fields {
    ($($(#[$doc:meta])* $name:ident: $ty:ty, read $read:ident $(($($arg:ident),*))?,
        shown $shown:ident, example $example:literal, named $plain:literal, forms [$($form:ident),*];)*) => {
        impl AnyForm {
            /// Every top-level field, in the file format's order, with whether it was entered.
            pub(crate) fn entered_fields(&self) -> impl Iterator<Item = (&'static str, bool)> {
                [$((stringify!($name), Entered::is_entered(&self.$name))),*].into_iter()
            }

            /// Clears the top-level field `field` (as if it were absent); another name does
            /// nothing.
            pub(crate) fn clear_field(&mut self, field: &str) {
                match field {
                    $(stringify!($name) => Entered::clear(&mut self.$name),)*
                    _ => {}
                }
            }
        }
    };
}

gateway_fields!(entered_fields);

/// The platforms whose forms the `forms` of each declaration describes, in its order (the
/// columns of the docs' tables of fields), with the kind of each one's form. The kinds are
/// those [`select_fields!`] sorts the columns by.
pub(crate) const FORM_COLUMNS: [(&str, FormKind); 6] = [
    ("konnektive", FormKind::Gateway),
    ("ipaas_connector", FormKind::Connection),
    ("kartra", FormKind::Connection),
    ("data_connector", FormKind::Connection),
    ("portabilling", FormKind::Gateway),
    ("generic", FormKind::Gateway),
];

// `select_fields!` and the docs' tables of fields (`input/mod.rs`) read the columns by their
// position: a payment gateway's form in the first, fifth and sixth, a connection's in the
// others.
const _: () = assert!(matches!(
    FORM_COLUMNS,
    [
        (_, FormKind::Gateway),
        (_, FormKind::Connection),
        (_, FormKind::Connection),
        (_, FormKind::Connection),
        (_, FormKind::Gateway),
        (_, FormKind::Gateway),
    ]
));

/// The two kinds of form: a payment gateway's ([`GatewayConfig`]) and a connection's
/// ([`ConnectionConfig`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FormKind {
    /// A payment gateway's form.
    Gateway,
    /// A connection's form.
    Connection,
}

/// The kind of `platform`'s form (a keyword of [`FORM_COLUMNS`]); a payment gateway's for
/// another keyword, as the generic form is.
#[cfg(feature = "serde")]
pub(crate) fn kind_of(platform: &str) -> FormKind {
    FORM_COLUMNS
        .iter()
        .find(|(p, _)| *p == platform)
        .map_or(FormKind::Gateway, |(_, kind)| *kind)
}

/// Whether a platform's form has a top-level field (a cell of the `forms` of a declaration).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OnForm {
    /// Required: `missing_field` when absent.
    Required,
    /// On the form, optional.
    Optional,
    /// Not on the form.
    Absent,
}

macro_rules! on_form {
    (req) => {
        OnForm::Required
    };
    (opt) => {
        OnForm::Optional
    };
    (no) => {
        OnForm::Absent
    };
    // `platform` picks the form and is on none.
    (form) => {
        OnForm::Absent
    };
}

macro_rules! forms_table {
    ($($(#[$doc:meta])* $name:ident: $ty:ty, read $read:ident $(($($arg:ident),*))?,
        shown $shown:ident, example $example:literal, named $plain:literal, forms [$($form:ident),*];)*) => {
        /// Every top-level field with where it is on each platform's form (columns in
        /// [`FORM_COLUMNS`]' order).
        const FORMS: &[(&str, [OnForm; 6])] = &[$((stringify!($name), [$(on_form!($form)),*])),*];
    };
}

gateway_fields!(forms_table);

/// The top-level fields of `platform`'s form (a keyword of [`FORM_COLUMNS`]), in the file
/// format's order, each with whether the form requires it; empty for another keyword.
pub(crate) fn form_of(platform: &str) -> impl Iterator<Item = (&'static str, bool)> {
    let column = FORM_COLUMNS.iter().position(|(p, _)| *p == platform);
    FORMS
        .iter()
        .filter_map(move |(field, cells)| match cells[column?] {
            OnForm::Required => Some((*field, true)),
            OnForm::Optional => Some((*field, false)),
            OnForm::Absent => None,
        })
}

// A secret pasted into a text field (a secret key in `publishable_key`, say) is shown only by
// its prefix. Secret fields are `SecretString`s, redacted by `secrecy`.
macro_rules! debug_fields {
    ([$Form:ident] $($(#[$doc:meta])* $name:ident: $ty:ty, read $read:ident $(($($arg:ident),*))?,
        shown $shown:ident, example $example:literal, named $plain:literal, forms [$($form:ident),*];)*) => {
        impl fmt::Debug for $Form {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($Form))
                    $(.field(stringify!($name), &shown::$shown(&self.$name)))*
                    .finish()
            }
        }
    };
}

gateway_fields!(select_fields gateway => debug_fields [GatewayConfig] []);
gateway_fields!(select_fields connection => debug_fields [ConnectionConfig] []);
gateway_fields!(debug_fields[AnyForm]);

/// A form of one kind into the file as read ([`AnyForm`], the other kind's fields absent), and
/// the file into the form of that kind (the other kind's fields left out).
macro_rules! any_form_conversions {
    ([$Form:ident] $($(#[$doc:meta])* $name:ident: $ty:ty, read $read:ident $(($($arg:ident),*))?,
        shown $shown:ident, example $example:literal, named $plain:literal, forms [$($form:ident),*];)*) => {
        impl From<$Form> for AnyForm {
            fn from(form: $Form) -> AnyForm {
                AnyForm {
                    $($name: form.$name,)*
                    ..AnyForm::default()
                }
            }
        }

        impl From<AnyForm> for $Form {
            fn from(any: AnyForm) -> $Form {
                $Form {
                    $($name: any.$name,)*
                }
            }
        }
    };
}

gateway_fields!(select_fields gateway => any_form_conversions [GatewayConfig] []);
gateway_fields!(select_fields connection => any_form_conversions [ConnectionConfig] []);
