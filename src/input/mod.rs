//! The configuration form as the user entered it: [`GatewayConfig`] and the objects inside
//! it, strings and flags exactly as in the [file format](crate::config), nothing parsed yet,
//! with a `Debug` that hides secrets. Its top-level fields are declared once (`fields.rs`), and
//! so are the fields of each object inside it (`objects.rs`).
//!
//! A layer below [`config`](crate::config) (which reads, checks and validates these forms)
//! and [`profile`](crate::profile) (whose platform checks read them), so that neither
//! reaches back into the other; the types are used at their `config` paths.

#[macro_use]
mod fields;
#[macro_use]
mod objects;
pub(crate) mod order;

pub(crate) use fields::{FORM_COLUMNS, form_of};
#[cfg(feature = "serde")]
pub(crate) use fields::{FormKind, kind_of};

use std::fmt;

use secrecy::SecretString;

#[cfg(doc)]
use crate::money::AmountLimits;

/// A cell of the docs' table of fields: where a field is on a platform's form.
macro_rules! form_cell {
    (req) => {
        "**req**"
    };
    (opt) => {
        "opt"
    };
    (no) => {
        "—"
    };
    (form) => {
        "picks the form"
    };
}

/// The header of a form's docs' table of fields: the columns of the platforms of its kind
/// (`gateway`: konnektive, portabilling, generic; `connection`: ipaas_connector, kartra,
/// data_connector; `all`: every one, in [`FORM_COLUMNS`]' order).
macro_rules! form_table_header {
    (gateway) => {
        "| field | konnektive | portabilling | generic | what it holds |\n| --- | --- | --- | --- | --- |"
    };
    (connection) => {
        "| field | ipaas_connector | kartra | data_connector | what it holds |\n| --- | --- | --- | --- | --- |"
    };
    (all) => {
        "| field | konnektive | ipaas_connector | kartra | data_connector | portabilling | generic | what it holds |\n| --- | --- | --- | --- | --- | --- | --- | --- |"
    };
}

/// A row of a form's docs' table of fields: the field, its cells in the columns of the
/// form's kind ([`form_table_header!`]), its docs.
macro_rules! form_table_row {
    (gateway, $name:ident, [$k:ident, $i:ident, $ka:ident, $d:ident, $p:ident, $g:ident], $($doc:literal),*) => {
        concat!("| `", stringify!($name), "` | ", form_cell!($k), " | ", form_cell!($p), " | ",
            form_cell!($g), " | ", $($doc, " ",)* "|")
    };
    (connection, $name:ident, [$k:ident, $i:ident, $ka:ident, $d:ident, $p:ident, $g:ident], $($doc:literal),*) => {
        concat!("| `", stringify!($name), "` | ", form_cell!($i), " | ", form_cell!($ka), " | ",
            form_cell!($d), " | ", $($doc, " ",)* "|")
    };
    (all, $name:ident, [$($form:ident),*], $($doc:literal),*) => {
        concat!("| `", stringify!($name), "` | ", $(form_cell!($form), " | ",)* $($doc, " ",)* "|")
    };
}

/// Defines a form from the declaration of its fields (`fields.rs`): `[kind docs vis Name]`
/// and the fields, with the docs' table of where each field is on the form of each platform
/// of its kind.
macro_rules! define_form {
    ([$kind:ident $(#[$meta:meta])* $vis:vis $Name:ident]
     $($(#[doc = $doc:literal])* $name:ident: $ty:ty, read $read:ident $(($($arg:ident),*))?,
        shown $shown:ident, example $example:literal, named $plain:literal, forms [$($form:ident),*];)*) => {
        $(#[$meta])*
        ///
        /// Its fields are declared once, with the other kind of form's (in `input/fields.rs`):
        /// the struct, this table, the loader's table of the top level, each platform's form
        /// (which fields it has and requires), the JSON Schema and `Debug` come from that one
        /// list. On a platform's form, a field is required (**req**), optional (**opt**) or
        /// not there (—: reported as `field_not_on_form` and ignored); `platform` picks the
        /// form. The objects' own fields are described on their types ([`AuthConfig`],
        /// [`AccountConfig`], [`CurrencyConfig`]) and in the JSON Schema
        /// (`stripe-gateway-rules schema`, `config::schema`).
        ///
        #[doc = form_table_header!($kind)]
        $(#[doc = form_table_row!($kind, $name, [$($form),*], $($doc),*)])*
        #[derive(Clone, Default)]
        #[non_exhaustive]
        $vis struct $Name {
            $(
                $(#[doc = $doc])*
                pub $name: $ty,
            )*
        }
    };
}

gateway_fields!(select_fields gateway => define_form [gateway
    /// A payment gateway's form as entered (Konnektive's, PortaBilling's, the generic one): the
    /// fields of the [file format](crate::config) that a payment gateway's form has, not yet
    /// parsed. Build it in code from [`default()`](Default::default) by setting its public
    /// fields (it is `#[non_exhaustive]`: it will gain fields), or load a file with
    /// [`Form::from_json`]; then [`check`](Self::check) or [`validate`](Self::validate) it
    /// under its [`profile`](Self::profile). A connection's form is a [`ConnectionConfig`].
    ///
    /// Secret fields are [`SecretString`]s, so `Debug` never shows them, and a secret pasted
    /// into a text field is shown only by its prefix.
    ///
    /// ```
    /// use stripe_gateway_rules::config::{AccountConfig, AuthConfig, CurrencyConfig, GatewayConfig};
    ///
    /// let config = {
    ///     let mut config = GatewayConfig::default();
    ///     config.name = Some("Stripe USD".into());
    ///     config.version = Some("v2".into());
    ///     config.mode = Some("test".into());
    ///     config.auth = Some(AuthConfig::api_key("sk_test_4eC39HqLyjWDarjtT1zdp7dc"));
    ///     config.account = Some(AccountConfig::settling_in("USD"));
    ///     config.card_brands = Some(vec!["visa".into()]);
    ///     config.currencies = Some(vec![CurrencyConfig::new("USD", "0.50")]);
    ///     config
    /// };
    /// let form = config.validate(&config.profile()).expect("valid");
    /// assert_eq!(form.gateway().expect("a payment gateway").name(), "Stripe USD");
    /// ```
    pub GatewayConfig
] []);

gateway_fields!(select_fields connection => define_form [connection
    /// A connection's form as entered (an iPaaS connector's, S1; Kartra's Connect, S2; a data
    /// connector's, S3): the fields of the [file format](crate::config) that a connection's
    /// form has, not yet parsed. A connection authenticates to Stripe and takes no payments:
    /// it has no currencies, card brands or account. Build it in code from
    /// [`default()`](Default::default) by setting its public fields (it is
    /// `#[non_exhaustive]`), or load a file with [`Form::from_json`]; then
    /// [`check`](Self::check) or [`validate`](Self::validate) it under its
    /// [`profile`](Self::profile). A payment gateway's form is a [`GatewayConfig`].
    ///
    /// Secret fields are [`SecretString`]s, so `Debug` never shows them, and a secret pasted
    /// into a text field is shown only by its prefix.
    ///
    /// ```
    /// use stripe_gateway_rules::config::{AuthConfig, ConnectionConfig};
    ///
    /// // Kartra's form (S2): a connected account, no key.
    /// let mut config = ConnectionConfig::default();
    /// config.platform = Some("kartra".into());
    /// config.auth = Some(AuthConfig::connect("acct_1R3fqDP6919yCiFv", "Acme Coaching LLC"));
    /// let form = config.validate(&config.profile()).expect("valid");
    /// assert!(form.connection().is_some());
    /// ```
    pub ConnectionConfig
] []);

gateway_fields!(define_form [all
    /// The configuration file as read, with every top-level field of either kind of form:
    /// what the loader fills and validation judges (a profile's form decides which fields
    /// count). Each public form converts into it, and it into each public form.
    pub(crate) AnyForm
]);

/// A configuration form of either kind, as a file holds one: its `platform` field picks the
/// kind ([`Form::from_json`]). A payment gateway's form ([`GatewayConfig`]: Konnektive,
/// PortaBilling, generic, or no `platform`) or a connection's ([`ConnectionConfig`]: an iPaaS
/// connector, Kartra, a data connector). [`check`](Self::check) and
/// [`validate`](Self::validate) judge it as its own type's verbs do.
///
/// ```
/// use stripe_gateway_rules::Form;
///
/// let loaded = Form::from_json(r#"{ "platform": "kartra",
///   "auth": { "scheme": "connect", "account_id": "acct_1R3fqDP6919yCiFv", "account_name": "Acme Coaching LLC" } }"#)?;
/// let form = loaded.into_form();
/// assert!(form.connection().is_some());
/// assert!(form.validate(&form.profile()).is_ok());
/// # Ok::<(), stripe_gateway_rules::config::ConfigFileError>(())
/// ```
// Not boxed: a form is built once per file and edited by its user, who takes the form of
// one kind out by a plain pattern (`let Form::Gateway(mut form) = …`).
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug)]
pub enum Form {
    /// A payment gateway's form.
    Gateway(GatewayConfig),
    /// A connection's form.
    Connection(ConnectionConfig),
}

impl Form {
    /// The payment gateway's form, when it is one.
    #[must_use]
    pub fn gateway(&self) -> Option<&GatewayConfig> {
        match self {
            Form::Gateway(g) => Some(g),
            Form::Connection(_) => None,
        }
    }

    /// The connection's form, when it is one.
    #[must_use]
    pub fn connection(&self) -> Option<&ConnectionConfig> {
        match self {
            Form::Gateway(_) => None,
            Form::Connection(c) => Some(c),
        }
    }

    /// The `platform` field, as entered.
    #[must_use]
    pub fn platform(&self) -> Option<&str> {
        match self {
            Form::Gateway(g) => g.platform.as_deref(),
            Form::Connection(c) => c.platform.as_deref(),
        }
    }

    /// The file's fields as read, for validation.
    pub(crate) fn to_any(&self) -> AnyForm {
        match self {
            Form::Gateway(g) => g.clone().into(),
            Form::Connection(c) => c.clone().into(),
        }
    }

    /// The form of the kind that `any`'s `platform` picks (a payment gateway's when it names
    /// none the crate knows), without the other kind's fields.
    #[cfg(feature = "serde")]
    pub(crate) fn of_kind(any: AnyForm, kind: FormKind) -> Form {
        match kind {
            FormKind::Gateway => Form::Gateway(any.into()),
            FormKind::Connection => Form::Connection(any.into()),
        }
    }
}

impl From<GatewayConfig> for Form {
    fn from(form: GatewayConfig) -> Form {
        Form::Gateway(form)
    }
}

impl From<ConnectionConfig> for Form {
    fn from(form: ConnectionConfig) -> Form {
        Form::Connection(form)
    }
}

/// Defines an object of the configuration and its secret-hiding `Debug` from the declaration
/// of its fields (`objects.rs`): `[docs Name]` and the list.
macro_rules! define_object {
    ([$(#[$meta:meta])* $Name:ident]
     $($(#[doc = $doc:literal])* $name:ident: $ty:ty, read $read:ident $(($($arg:ident),*))?,
        shown $shown:ident, example $example:literal, named $plain:literal $(, $required:ident)?;)*) => {
        $(#[$meta])*
        #[derive(Clone, Default)]
        #[non_exhaustive]
        pub struct $Name {
            $(
                $(#[doc = $doc])*
                pub $name: $ty,
            )*
        }

        // A secret pasted into a text field is shown only by its prefix; secret fields are
        // `SecretString`s, redacted by `secrecy`.
        impl fmt::Debug for $Name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($Name))
                    $(.field(stringify!($name), &fields::shown::$shown(&self.$name)))*
                    .finish()
            }
        }
    };
}

auth_fields!(
    define_object[/// The `auth` object as entered. Which fields belong depends on `scheme`: `api_key`
    /// (`secret_key`, `account_id`), `oauth2` (`client_id`, `client_secret`, `refresh_token`,
    /// `account_id`) or `connect` (`account_id`, `account_name`).
    AuthConfig]
);

impl AuthConfig {
    /// An `api_key` scheme with this secret key.
    #[must_use]
    pub fn api_key(secret_key: &str) -> Self {
        AuthConfig {
            scheme: Some("api_key".into()),
            secret_key: Some(SecretString::from(secret_key)),
            ..AuthConfig::default()
        }
    }
}

account_fields!(
    define_object[/// The `account` object: facts about the Stripe account that the platform knows and Stripe
    /// does not tell it through this crate.
    AccountConfig]
);

limits_fields!(
    define_object[/// The `account.limits` object: the amount limits the platform states its Stripe account
    /// has, read into an [`AmountLimits`] ([stripe-facts §1.2](crate::rules#facts-1-2), <https://docs.stripe.com/currencies>).
    /// Maximums are whole numbers of minor units, as Stripe states them in digits; minimums are
    /// amounts in their currency.
    ///
    /// ```json
    /// "limits": {
    ///   "card_networks": true,
    ///   "japanese_account": false,
    ///   "currency_max": [{ "currency": "VND", "max_minor_units": "999999999999" }],
    ///   "brand_max": [{ "brand": "amex", "max_minor_units": "999999999" }],
    ///   "minimums": [{ "currency": "USD", "minimum": "0.60" }]
    /// }
    /// ```
    LimitsConfig]
);

currency_max_fields!(
    define_object[/// One entry of `account.limits.currency_max` ([`AmountLimits::with_currency_max`]).
    CurrencyMaxConfig]
);

brand_max_fields!(
    define_object[/// One entry of `account.limits.brand_max` ([`AmountLimits::with_brand_max`]).
    BrandMaxConfig]
);

minimum_fields!(
    define_object[/// One entry of `account.limits.minimums` ([`AmountLimits::with_minimum`]).
    MinimumConfig]
);

impl AccountConfig {
    /// An account settling in `currency`, without raw card data access.
    #[must_use]
    pub fn settling_in(currency: &str) -> Self {
        AccountConfig {
            settlement_currency: Some(currency.into()),
            ..AccountConfig::default()
        }
    }
}

currency_fields!(
    define_object[/// One currency assigned to the gateway (S4 "Assign Stripe as a payment system for a
    /// particular currency").
    CurrencyConfig]
);

impl CurrencyConfig {
    /// A currency with its minimum payment and no rate.
    #[must_use]
    pub fn new(currency: &str, minimum_payment: &str) -> Self {
        CurrencyConfig {
            currency: Some(currency.into()),
            minimum_payment: Some(minimum_payment.into()),
            rate_to_settlement: None,
        }
    }

    /// The same, with a rate to the settlement currency.
    #[must_use]
    pub fn with_rate(mut self, rate_to_settlement: &str) -> Self {
        self.rate_to_settlement = Some(rate_to_settlement.into());
        self
    }
}
