//! The fields of the objects inside a configuration (`auth`, `account`, `account.limits` and
//! its lists, `currencies`), each object declared once, as [`GatewayConfig`]'s top level is in
//! `fields.rs`: an "X macro" per object passes its list to the macro named by its caller.
//!
//! From each list come the struct (in this module's parent) and its secret-hiding `Debug`,
//! the field order of reports inside the object and its fields' plain names
//! ([`order`](super::order)), and the loader's table of the object (`config::load::table`), whose rows also give the
//! JSON Schema its descriptions, closed choices and nested objects. Adding a field to an
//! object is one entry here, plus its rule.
//!
//! An entry is `name: type, read R, shown S, example "…", named "…"` (`named`: the field's
//! name in plain words, for messages), with `, required` when the field
//! is required wherever its object is given (`missing_field` whatever the profile). `read`
//! and `shown` are those of `fields.rs`, plus `read secret` (a string kept as a
//! [`SecretString`](secrecy::SecretString)).
//!
//! [`GatewayConfig`]: super::GatewayConfig

/// The `auth` object's fields; calls `$consumer!` with `[$pass]` and the list.
macro_rules! auth_fields {
    ($consumer:ident [$($pass:tt)*]) => {
        $consumer! { [$($pass)*]
            /// How the platform authenticates: `api_key`, `oauth2` or `connect`; which other
            /// fields of `auth` belong depends on it.
            scheme: Option<String>, read keyword(AuthScheme), shown guarded,
                example "\"api_key\"", named "authentication scheme", required;
            /// The secret (`sk_…`) or restricted (`rk_…`) key, for `api_key`. A secret: never
            /// shown.
            secret_key: Option<SecretString>, read secret, shown plain, example "\"sk_test_…\"", named "secret key";
            /// The account to act for (`acct_…`, `api_key` and `oauth2`), or the connected
            /// account (`connect`).
            account_id: Option<String>, read text, shown guarded, example "\"acct_…\"", named "Stripe account id";
            /// The Connect client id (`ca_…`), for `oauth2`.
            client_id: Option<String>, read text, shown guarded, example "\"ca_…\"", named "OAuth client id";
            /// The OAuth client secret, for `oauth2`. A secret: never shown.
            client_secret: Option<SecretString>, read secret, shown plain, example "\"…\"", named "OAuth client secret";
            /// The OAuth refresh token, for `oauth2`. A secret: never shown.
            refresh_token: Option<SecretString>, read secret, shown plain, example "\"…\"", named "OAuth refresh token";
            /// The connected account's name, for `connect`.
            account_name: Option<String>, read text, shown guarded, example "\"Example Shop\"", named "connected account's name";
        }
    };
}

/// The `account` object's fields; calls `$consumer!` with `[$pass]` and the list.
macro_rules! account_fields {
    ($consumer:ident [$($pass:tt)*]) => {
        $consumer! { [$($pass)*]
            /// The currency the account settles in (its payout bank account's currency), an
            /// ISO 4217 code; it decides Stripe's minimum charge
            /// ([stripe-facts §1.1](crate::rules#facts-1-1)).
            settlement_currency: Option<String>, read text, shown guarded, example "\"USD\"", named "settlement currency";
            /// Stripe granted raw card data access (S0's "Handle card information directly"),
            /// needed whenever the platform sends card numbers.
            raw_card_data_access: bool, read flag, shown plain, example "false", named "raw card data access";
            /// The account's country, ISO 3166-1 alpha-2 (optional).
            country: Option<String>, read text, shown guarded, example "\"US\"", named "account's country";
            /// The account's static statement descriptor (Stripe's
            /// `settings.payments.statement_descriptor`): Latin characters, 5 to 22, at least
            /// one letter, none of `<` `>` `\` `'` `"` `*` (optional;
            /// [rules §13](crate::rules#rules-13)).
            statement_descriptor: Option<String>, read text, shown guarded,
                example "\"ACME BILLING\"", named "statement descriptor";
            /// The account's shortened descriptor, the prefix of card payments' descriptors
            /// (Stripe's `settings.card_payments.statement_descriptor_prefix`): 2 to 10
            /// characters (optional; absent, Stripe uses the static descriptor cut to 10;
            /// [rules §13](crate::rules#rules-13)).
            statement_descriptor_prefix: Option<String>, read text, shown guarded,
                example "\"ACME\"", named "statement descriptor prefix";
            /// The account's own amount limits (optional); absent, the API reference's maximum
            /// and Stripe's minimum table apply
            /// ([`AmountLimits::api_reference`](crate::money::AmountLimits::api_reference)).
            limits: Option<LimitsConfig>, read object(LIMITS), shown plain,
                example "{ \"card_networks\": true }", named "account's amount limits";
        }
    };
}

/// The `account.limits` object's fields; calls `$consumer!` with `[$pass]` and the list.
macro_rules! limits_fields {
    ($consumer:ident [$($pass:tt)*]) => {
        $consumer! { [$($pass)*]
            /// Card payments have the card networks' digits of Stripe's currencies page (12
            /// digits in minor units, American Express 9;
            /// [`AmountLimits::card_networks`](crate::money::AmountLimits::card_networks)).
            card_networks: bool, read flag, shown plain, example "true", named "card networks' limits";
            /// A Japanese Stripe account (JCB, Diners Club and Discover then 8 digits); absent,
            /// it is when `account.country` is `JP`.
            japanese_account: Option<bool>, read opt_flag, shown plain, example "false", named "Japanese account flag";
            /// The account's maximums per currency.
            currency_max: Option<Vec<CurrencyMaxConfig>>,
                read objects(CURRENCY_MAX, CURRENCY_MAX_EXAMPLE), shown plain,
                example "[{ \"currency\": \"VND\", \"max_minor_units\": \"999999999999\" }]", named "maximums per currency";
            /// The account's maximums per card brand, in any currency.
            brand_max: Option<Vec<BrandMaxConfig>>, read objects(BRAND_MAX, BRAND_MAX_EXAMPLE),
                shown plain, example "[{ \"brand\": \"amex\", \"max_minor_units\": \"999999999\" }]", named "maximums per card brand";
            /// The account's replacements for Stripe's minimum charge, per settlement currency.
            minimums: Option<Vec<MinimumConfig>>, read objects(MINIMUM, MINIMUM_EXAMPLE),
                shown plain, example "[{ \"currency\": \"USD\", \"minimum\": \"0.60\" }]", named "minimum charges";
        }
    };
}

/// An entry of `account.limits.currency_max`; calls `$consumer!` with `[$pass]` and the list.
macro_rules! currency_max_fields {
    ($consumer:ident [$($pass:tt)*]) => {
        $consumer! { [$($pass)*]
            /// The ISO 4217 code.
            currency: Option<String>, read text, shown guarded, example "\"VND\"", named "currency", required;
            /// The largest amount in this currency, a whole number of minor units
            /// (`"999999999999"`), at most 12 digits.
            max_minor_units: Option<String>, read whole, shown guarded,
                example "\"999999999999\"", named "maximum in minor units", required;
        }
    };
}

/// An entry of `account.limits.brand_max`; calls `$consumer!` with `[$pass]` and the list.
macro_rules! brand_max_fields {
    ($consumer:ident [$($pass:tt)*]) => {
        $consumer! { [$($pass)*]
            /// Stripe's brand keyword, such as `amex`.
            brand: Option<String>, read keyword(CardBrand), shown guarded, example "\"amex\"", named "card brand",
                required;
            /// The largest amount of a card of this brand, in any currency, a whole number of
            /// minor units (`"999999999"`), at most 12 digits.
            max_minor_units: Option<String>, read whole, shown guarded,
                example "\"999999999\"", named "maximum in minor units", required;
        }
    };
}

/// An entry of `account.limits.minimums`; calls `$consumer!` with `[$pass]` and the list.
macro_rules! minimum_fields {
    ($consumer:ident [$($pass:tt)*]) => {
        $consumer! { [$($pass)*]
            /// The settlement currency whose minimum charge is replaced, its ISO 4217 code.
            currency: Option<String>, read text, shown guarded, example "\"USD\"", named "currency", required;
            /// The account's minimum charge in it, a decimal string (`"0.60"`).
            minimum: Option<String>, read decimal, shown guarded, example "\"0.60\"", named "minimum charge", required;
        }
    };
}

/// An entry of `currencies`; calls `$consumer!` with `[$pass]` and the list.
macro_rules! currency_fields {
    ($consumer:ident [$($pass:tt)*]) => {
        $consumer! { [$($pass)*]
            /// The ISO 4217 code, any case.
            currency: Option<String>, read text, shown guarded, example "\"USD\"", named "currency";
            /// The minimum payment in this currency, a decimal string (`"0.50"`; S4: "0.5
            /// USD", "0.46 CHF"); at least Stripe's minimum for the settlement currency after
            /// conversion.
            minimum_payment: Option<String>, read decimal, shown guarded, example "\"0.50\"", named "minimum payment";
            /// What one unit of this currency is worth in the settlement currency, a decimal
            /// string (`"1.09"`).
            rate_to_settlement: Option<String>, read decimal, shown guarded,
                example "\"1.09\"", named "exchange rate to the settlement currency";
        }
    };
}
