//! The field tables: one row per field of each object of the file format (feature `serde`).

use crate::card_brand::CardBrand;
use crate::config::collector::plain_name;
use crate::config::schema::Keywords;
use crate::config::{
    AccountConfig, AuthConfig, BrandMaxConfig, CurrencyConfig, CurrencyMaxConfig, GatewayConfig,
    LimitsConfig, MinimumConfig,
};
use crate::credentials::Mode;
use crate::data_protection::DataProtection;
use crate::profile::{AuthSchemeSet, Platform};
use crate::reader::{Field, Kind, Loader, described, field};
use crate::version::GatewayVersion;

/// How a top-level field is read (the `read` of its declaration, `input/fields.rs`).
macro_rules! read_kind {
    (text, $f:ident) => {
        Kind::Text(|c: &mut GatewayConfig, v| c.$f = Some(v))
    };
    (decimal, $f:ident) => {
        Kind::Decimal(|c: &mut GatewayConfig, v| c.$f = Some(v))
    };
    (whole, $f:ident) => {
        Kind::Whole(|c: &mut GatewayConfig, v| c.$f = Some(v))
    };
    (keyword($choice:ident), $f:ident) => {
        Kind::Text(|c: &mut GatewayConfig, v| c.$f = Some(v))
    };
    (keywords($choice:ident), $f:ident) => {
        Kind::Texts(|c: &mut GatewayConfig, v| c.$f = Some(v))
    };
    (flag, $f:ident) => {
        Kind::Flag(|c: &mut GatewayConfig, v| c.$f = v)
    };
    (opt_flag, $f:ident) => {
        Kind::Flag(|c: &mut GatewayConfig, v| c.$f = Some(v))
    };
    (texts, $f:ident) => {
        Kind::Texts(|c: &mut GatewayConfig, v| c.$f = Some(v))
    };
    (object($table:ident), $f:ident) => {
        Kind::Object(|c: &mut GatewayConfig, l, p, raw| c.$f = Some(l.members(p, raw, $table)))
    };
    (objects($table:ident, $example:ident), $f:ident) => {
        Kind::Objects(|c: &mut GatewayConfig, l, p, raw| {
            c.$f = Some(l.list(p, raw, $table, $example))
        })
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

/// The top level of the file, in the file format's order: one row per declared field, its
/// doc line the declaration's doc comment.
macro_rules! gateway_table {
    ($($(#[doc = $doc:literal])* $name:ident: $ty:ty, read $read:ident $(($($arg:ident),*))?,
        shown $shown:ident, example $example:literal, forms [$($form:ident),*];)*) => {
        pub(super) const GATEWAY: &[Field<GatewayConfig>] = &[
            $(described!(
                field(stringify!($name), read_kind!($read $(($($arg),*))?, $name), $example)
                    .about(concat!($($doc, "\n"),*)),
                $read $(($($arg),*))?
            ),)*
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
        )
        .about("How the platform authenticates; which other fields of `auth` belong depends on it.")
        .always_required()
        .choosing(|| AuthSchemeSet::ALL.names()),
        field(
            "secret_key",
            Kind::Secret(|$c: &mut $T, v| $auth.secret_key = Some(v)),
            "\"sk_test_…\"",
        )
        .about("The secret (`sk_…`) or restricted (`rk_…`) key, for `api_key`. A secret: never shown."),
        field(
            "account_id",
            Kind::Text(|$c: &mut $T, v| $auth.account_id = Some(v)),
            "\"acct_…\"",
        )
        .about(
            "The account to act for (`acct_…`, `api_key` and `oauth2`), or the connected account \
             (`connect`).",
        ),
        field(
            "client_id",
            Kind::Text(|$c: &mut $T, v| $auth.client_id = Some(v)),
            "\"ca_…\"",
        )
        .about("The Connect client id (`ca_…`), for `oauth2`."),
        field(
            "client_secret",
            Kind::Secret(|$c: &mut $T, v| $auth.client_secret = Some(v)),
            "\"…\"",
        )
        .about("The OAuth client secret, for `oauth2`. A secret: never shown."),
        field(
            "refresh_token",
            Kind::Secret(|$c: &mut $T, v| $auth.refresh_token = Some(v)),
            "\"…\"",
        )
        .about("The OAuth refresh token, for `oauth2`. A secret: never shown."),
        field(
            "account_name",
            Kind::Text(|$c: &mut $T, v| $auth.account_name = Some(v)),
            "\"Example Shop\"",
        )
        .about("The connected account's name, for `connect`."),
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
    .about("The account's publishable key (`pk_test_…` or `pk_live_…`), kept by a Connect scheme.")
);

/// A good `auth` object, for messages.
pub(super) const AUTH_EXAMPLE: &str = "{ \"scheme\": \"api_key\", \"secret_key\": \"sk_test_…\" }";

/// The `account` object.
pub(super) const ACCOUNT: &[Field<AccountConfig>] = &[
    field(
        "settlement_currency",
        Kind::Text(|c: &mut AccountConfig, v| c.settlement_currency = Some(v)),
        "\"USD\"",
    )
    .about(
        "The currency the account settles in (its payout bank account's currency), an ISO 4217 \
         code; it decides Stripe's minimum charge.",
    ),
    field(
        "raw_card_data_access",
        Kind::Flag(|c: &mut AccountConfig, v| c.raw_card_data_access = v),
        "false",
    )
    .about(
        "Stripe granted raw card data access (needed whenever the platform sends card numbers).",
    ),
    field(
        "country",
        Kind::Text(|c: &mut AccountConfig, v| c.country = Some(v)),
        "\"US\"",
    )
    .about("The account's country, ISO 3166-1 alpha-2 (optional)."),
    field(
        "statement_descriptor",
        Kind::Text(|c: &mut AccountConfig, v| c.statement_descriptor = Some(v)),
        "\"ACME BILLING\"",
    )
    .about(
        "The account's static statement descriptor (Stripe's settings.payments.statement_descriptor): \
         Latin characters, 5 to 22, at least one letter, none of < > \\ ' \" * (optional).",
    ),
    field(
        "statement_descriptor_prefix",
        Kind::Text(|c: &mut AccountConfig, v| c.statement_descriptor_prefix = Some(v)),
        "\"ACME\"",
    )
    .about(
        "The account's shortened descriptor, prefix of card payments' descriptors (Stripe's \
         settings.card_payments.statement_descriptor_prefix): 2 to 10 characters (optional; \
         absent, Stripe uses the static descriptor cut to 10).",
    ),
    field(
        "limits",
        Kind::Object(|c: &mut AccountConfig, l, p, raw| c.limits = Some(l.members(p, raw, LIMITS))),
        "{ \"card_networks\": true }",
    )
    .about(
        "The account's own amount limits (optional); absent, the API reference's maximum and \
         Stripe's minimum table apply.",
    )
    .nesting(|| described(LIMITS)),
];

/// The `account.limits` object.
pub(super) const LIMITS: &[Field<LimitsConfig>] = &[
    field(
        "card_networks",
        Kind::Flag(|c: &mut LimitsConfig, v| c.card_networks = v),
        "true",
    )
    .about(
        "Card payments have the card networks' digits of Stripe's currencies page (12 digits in \
         minor units, American Express 9).",
    ),
    field(
        "japanese_account",
        Kind::Flag(|c: &mut LimitsConfig, v| c.japanese_account = Some(v)),
        "false",
    )
    .about(
        "A Japanese Stripe account (JCB, Diners Club and Discover then 8 digits); absent, it is \
         when `account.country` is `JP`.",
    ),
    field(
        "currency_max",
        Kind::Objects(|c: &mut LimitsConfig, l, p, raw| {
            c.currency_max = Some(l.list(p, raw, CURRENCY_MAX, CURRENCY_MAX_EXAMPLE))
        }),
        "[{ \"currency\": \"VND\", \"max_minor_units\": \"999999999999\" }]",
    )
    .about("The account's maximums per currency.")
    .nesting(|| described(CURRENCY_MAX)),
    field(
        "brand_max",
        Kind::Objects(|c: &mut LimitsConfig, l, p, raw| {
            c.brand_max = Some(l.list(p, raw, BRAND_MAX, BRAND_MAX_EXAMPLE))
        }),
        "[{ \"brand\": \"amex\", \"max_minor_units\": \"999999999\" }]",
    )
    .about("The account's maximums per card brand, in any currency.")
    .nesting(|| described(BRAND_MAX)),
    field(
        "minimums",
        Kind::Objects(|c: &mut LimitsConfig, l, p, raw| {
            c.minimums = Some(l.list(p, raw, MINIMUM, MINIMUM_EXAMPLE))
        }),
        "[{ \"currency\": \"USD\", \"minimum\": \"0.60\" }]",
    )
    .about("The account's replacements for Stripe's minimum charge, per settlement currency.")
    .nesting(|| described(MINIMUM)),
];

const CURRENCY_MAX_EXAMPLE: &str =
    "{ \"currency\": \"VND\", \"max_minor_units\": \"999999999999\" }";
const BRAND_MAX_EXAMPLE: &str = "{ \"brand\": \"amex\", \"max_minor_units\": \"999999999\" }";
const MINIMUM_EXAMPLE: &str = "{ \"currency\": \"USD\", \"minimum\": \"0.60\" }";

/// One entry of `account.limits.currency_max`.
pub(super) const CURRENCY_MAX: &[Field<CurrencyMaxConfig>] = &[
    field(
        "currency",
        Kind::Text(|c: &mut CurrencyMaxConfig, v| c.currency = Some(v)),
        "\"VND\"",
    )
    .about("The ISO 4217 code.")
    .always_required(),
    field(
        "max_minor_units",
        Kind::Whole(|c: &mut CurrencyMaxConfig, v| c.max_minor_units = Some(v)),
        "\"999999999999\"",
    )
    .about(
        "The largest amount, a whole number of minor units (`\"999999999999\"`), at most 12 digits.",
    )
    .always_required(),
];

/// One entry of `account.limits.brand_max`.
pub(super) const BRAND_MAX: &[Field<BrandMaxConfig>] = &[
    field(
        "brand",
        Kind::Text(|c: &mut BrandMaxConfig, v| c.brand = Some(v)),
        "\"amex\"",
    )
    .about("Stripe's brand keyword, such as `amex`.")
    .always_required()
    .choosing(<CardBrand as Keywords>::keywords),
    field(
        "max_minor_units",
        Kind::Whole(|c: &mut BrandMaxConfig, v| c.max_minor_units = Some(v)),
        "\"999999999\"",
    )
    .about(
        "The largest amount, a whole number of minor units (`\"999999999\"`), at most 12 digits.",
    )
    .always_required(),
];

/// One entry of `account.limits.minimums`.
pub(super) const MINIMUM: &[Field<MinimumConfig>] = &[
    field(
        "currency",
        Kind::Text(|c: &mut MinimumConfig, v| c.currency = Some(v)),
        "\"USD\"",
    )
    .about("The settlement currency's ISO 4217 code.")
    .always_required(),
    field(
        "minimum",
        Kind::Decimal(|c: &mut MinimumConfig, v| c.minimum = Some(v)),
        "\"0.60\"",
    )
    .about("The minimum charge, a decimal string (`\"0.60\"`).")
    .always_required(),
];

/// One entry of `currencies`.
pub(super) const CURRENCY: &[Field<CurrencyConfig>] = &[
    field(
        "currency",
        Kind::Text(|c: &mut CurrencyConfig, v| c.currency = Some(v)),
        "\"USD\"",
    )
    .about("The ISO 4217 code, any case."),
    field(
        "minimum_payment",
        Kind::Decimal(|c: &mut CurrencyConfig, v| c.minimum_payment = Some(v)),
        "\"0.50\"",
    )
    .about(
        "The minimum payment in this currency, a decimal string (`\"0.50\"`); at least Stripe's \
         minimum for the settlement currency after conversion.",
    ),
    field(
        "rate_to_settlement",
        Kind::Decimal(|c: &mut CurrencyConfig, v| c.rate_to_settlement = Some(v)),
        "\"1.09\"",
    )
    .about(
        "What one unit of this currency is worth in the settlement currency, a decimal string \
         (`\"1.09\"`).",
    ),
];

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
