//! The field tables: one row per field of each object of the file format (feature `serde`).

use crate::config::{
    AccountConfig, AuthConfig, BrandMaxConfig, CurrencyConfig, CurrencyMaxConfig, GatewayConfig,
    LimitsConfig, MinimumConfig,
};
use crate::reader::{Field, Kind, Loader, field};

/// How a top-level field is read (the `read` of its declaration, `input/fields.rs`).
macro_rules! read_kind {
    (text, $f:ident) => {
        Kind::Text(|c, v| c.$f = Some(v))
    };
    (decimal, $f:ident) => {
        Kind::Decimal(|c, v| c.$f = Some(v))
    };
    (flag, $f:ident) => {
        Kind::Flag(|c, v| c.$f = v)
    };
    (opt_flag, $f:ident) => {
        Kind::Flag(|c, v| c.$f = Some(v))
    };
    (texts, $f:ident) => {
        Kind::Texts(|c, v| c.$f = Some(v))
    };
    (object($table:ident), $f:ident) => {
        Kind::Object(|c, l, p, raw| c.$f = Some(l.members(p, raw, $table)))
    };
    (objects($table:ident, $example:ident), $f:ident) => {
        Kind::Objects(|c, l, p, raw| c.$f = Some(l.list(p, raw, $table, $example)))
    };
}

/// The top level of the file, in the file format's order: one row per declared field.
macro_rules! gateway_table {
    ($($(#[$doc:meta])* $name:ident: $ty:ty, read $read:ident $(($($arg:ident),*))?,
        shown $shown:ident, example $example:literal;)*) => {
        pub(super) const GATEWAY: &[Field<GatewayConfig>] = &[
            $(field(stringify!($name), read_kind!($read $(($($arg),*))?, $name), $example),)*
        ];
    };
}

gateway_fields!(gateway_table);

/// The rows of the `auth` object, for a table of `$T` whose `AuthConfig` is `$auth` (the
/// `auth` table itself, and the `AuthScheme` reader's, which adds `publishable_key`).
macro_rules! auth_rows {
    ($T:ty, |$c:ident| $auth:expr $(, $extra:expr)*) => {
        &[
            field(
                "scheme",
                Kind::Text(|$c: &mut $T, v| $auth.scheme = Some(v)),
                "\"api_key\"",
            ),
            field(
                "secret_key",
                Kind::Secret(|$c: &mut $T, v| $auth.secret_key = Some(v)),
                "\"sk_test_…\"",
            ),
            field(
                "account_id",
                Kind::Text(|$c: &mut $T, v| $auth.account_id = Some(v)),
                "\"acct_…\"",
            ),
            field(
                "client_id",
                Kind::Text(|$c: &mut $T, v| $auth.client_id = Some(v)),
                "\"ca_…\"",
            ),
            field(
                "client_secret",
                Kind::Secret(|$c: &mut $T, v| $auth.client_secret = Some(v)),
                "\"…\"",
            ),
            field(
                "refresh_token",
                Kind::Secret(|$c: &mut $T, v| $auth.refresh_token = Some(v)),
                "\"…\"",
            ),
            field(
                "account_name",
                Kind::Text(|$c: &mut $T, v| $auth.account_name = Some(v)),
                "\"Example Shop\"",
            ),
            $($extra,)*
        ]
    };
}

/// The `auth` object.
pub(super) const AUTH: &[Field<AuthConfig>] = auth_rows!(AuthConfig, |c| c);

/// An `auth` object read on its own into an `AuthScheme`: its fields, and the publishable key
/// a Connect scheme keeps.
#[derive(Default)]
pub(super) struct AuthSchemeInput {
    pub(super) auth: AuthConfig,
    pub(super) publishable_key: Option<String>,
}

/// The `auth` object read on its own (`AuthScheme`'s `Deserialize`).
pub(super) const AUTH_SCHEME: &[Field<AuthSchemeInput>] = auth_rows!(
    AuthSchemeInput,
    |c| c.auth,
    field(
        "publishable_key",
        Kind::Text(|c: &mut AuthSchemeInput, v| c.publishable_key = Some(v)),
        "\"pk_test_…\""
    )
);

/// A good `auth` object, for messages.
pub(super) const AUTH_EXAMPLE: &str = "{ \"scheme\": \"api_key\", \"secret_key\": \"sk_test_…\" }";

/// The `account` object.
pub(super) const ACCOUNT: &[Field<AccountConfig>] = &[
    field(
        "settlement_currency",
        Kind::Text(|c, v| c.settlement_currency = Some(v)),
        "\"USD\"",
    ),
    field(
        "raw_card_data_access",
        Kind::Flag(|c, v| c.raw_card_data_access = v),
        "false",
    ),
    field("country", Kind::Text(|c, v| c.country = Some(v)), "\"US\""),
    field(
        "limits",
        Kind::Object(|c, l, p, raw| c.limits = Some(l.members(p, raw, LIMITS))),
        "{ \"card_networks\": true }",
    ),
];

/// The `account.limits` object.
pub(super) const LIMITS: &[Field<LimitsConfig>] = &[
    field(
        "card_networks",
        Kind::Flag(|c, v| c.card_networks = v),
        "true",
    ),
    field(
        "japanese_account",
        Kind::Flag(|c, v| c.japanese_account = Some(v)),
        "false",
    ),
    field(
        "currency_max",
        Kind::Objects(|c, l, p, raw| {
            c.currency_max = Some(l.list(p, raw, CURRENCY_MAX, CURRENCY_MAX_EXAMPLE))
        }),
        "[{ \"currency\": \"VND\", \"max_minor_units\": \"999999999999\" }]",
    ),
    field(
        "brand_max",
        Kind::Objects(|c, l, p, raw| {
            c.brand_max = Some(l.list(p, raw, BRAND_MAX, BRAND_MAX_EXAMPLE))
        }),
        "[{ \"brand\": \"amex\", \"max_minor_units\": \"999999999\" }]",
    ),
    field(
        "minimums",
        Kind::Objects(|c, l, p, raw| c.minimums = Some(l.list(p, raw, MINIMUM, MINIMUM_EXAMPLE))),
        "[{ \"currency\": \"USD\", \"minimum\": \"0.60\" }]",
    ),
];

const CURRENCY_MAX_EXAMPLE: &str =
    "{ \"currency\": \"VND\", \"max_minor_units\": \"999999999999\" }";
const BRAND_MAX_EXAMPLE: &str = "{ \"brand\": \"amex\", \"max_minor_units\": \"999999999\" }";
const MINIMUM_EXAMPLE: &str = "{ \"currency\": \"USD\", \"minimum\": \"0.60\" }";

/// One entry of `account.limits.currency_max`.
pub(super) const CURRENCY_MAX: &[Field<CurrencyMaxConfig>] = &[
    field(
        "currency",
        Kind::Text(|c, v| c.currency = Some(v)),
        "\"VND\"",
    ),
    field(
        "max_minor_units",
        Kind::Decimal(|c, v| c.max_minor_units = Some(v)),
        "\"999999999999\"",
    ),
];

/// One entry of `account.limits.brand_max`.
pub(super) const BRAND_MAX: &[Field<BrandMaxConfig>] = &[
    field("brand", Kind::Text(|c, v| c.brand = Some(v)), "\"amex\""),
    field(
        "max_minor_units",
        Kind::Decimal(|c, v| c.max_minor_units = Some(v)),
        "\"999999999\"",
    ),
];

/// One entry of `account.limits.minimums`.
pub(super) const MINIMUM: &[Field<MinimumConfig>] = &[
    field(
        "currency",
        Kind::Text(|c, v| c.currency = Some(v)),
        "\"USD\"",
    ),
    field(
        "minimum",
        Kind::Decimal(|c, v| c.minimum = Some(v)),
        "\"0.60\"",
    ),
];

/// One entry of `currencies`.
pub(super) const CURRENCY: &[Field<CurrencyConfig>] = &[
    field(
        "currency",
        Kind::Text(|c, v| c.currency = Some(v)),
        "\"USD\"",
    ),
    field(
        "minimum_payment",
        Kind::Decimal(|c, v| c.minimum_payment = Some(v)),
        "\"0.50\"",
    ),
    field(
        "rate_to_settlement",
        Kind::Decimal(|c, v| c.rate_to_settlement = Some(v)),
        "\"1.09\"",
    ),
];

const CURRENCY_EXAMPLE: &str = "{ \"currency\": \"USD\", \"minimum_payment\": \"0.50\" }";

/// The loader of the configuration file: unknown fields say which other object has them.
pub(super) fn config_loader() -> Loader {
    Loader::new("the configuration", belongs_in)
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
    use crate::config::collector::FIELD_ORDER;

    /// The validation sorts violations by `FIELD_ORDER`: every field the file format has is
    /// in it, so no violation falls to the end of the report for want of a rank.
    #[test]
    fn every_field_of_the_file_format_has_a_rank_in_field_order() {
        let names = GATEWAY
            .iter()
            .map(|f| f.name)
            .chain(AUTH.iter().map(|f| f.name))
            .chain(ACCOUNT.iter().map(|f| f.name))
            .chain(LIMITS.iter().map(|f| f.name))
            .chain(CURRENCY_MAX.iter().map(|f| f.name))
            .chain(BRAND_MAX.iter().map(|f| f.name))
            .chain(MINIMUM.iter().map(|f| f.name))
            .chain(CURRENCY.iter().map(|f| f.name));
        for name in names {
            assert!(FIELD_ORDER.contains(&name), "{name} is not in FIELD_ORDER");
        }
    }
}
