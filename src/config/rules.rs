//! The rules of a configuration, on its typed values: each rule one function, named after it,
//! applied when the platform's profile says so ([rules §11](crate::rules#rules-11)). Parsing is in `parse.rs`.

use super::collector::{Collector, path_of};
use super::minimums::currencies;
use super::parse::{Account, Brands, Field, Parsed};
use crate::card_brand::CardBrands;
use crate::codes::ViolationCode;
use crate::credentials::AuthScheme;
use crate::credentials::{Mode, PublishableKey};
use crate::data_protection::DataProtection;
use crate::diagnostics::Violation;
use crate::profile::{Profile, Rule};
use crate::version::GatewayVersion;

/// What the rules decided that building the gateway needs: the mode (the mode switch's, or
/// the keys') and the version (V2 where the form has none or it is unreadable: the only
/// version a new gateway may choose).
pub(super) struct Decided {
    pub(super) mode: Option<Mode>,
    pub(super) version: GatewayVersion,
}

/// Applies every rule of `profile` to the parsed configuration.
pub(super) fn apply(v: &mut Collector, p: &Parsed, profile: &Profile) -> Decided {
    required_fields(v, p, profile);
    if profile.applies(Rule::GatewayVersion)
        && p.version.get().is_some_and(GatewayVersion::is_legacy)
    {
        legacy_version(v, p.existing);
    }
    let auth = p.auth.value();
    key_modes(v, p.mode.get(), auth, p.publishable_key.value());
    if profile.applies(Rule::LiveKeyField) {
        test_key_in_live_field(v, auth);
    }
    restricted_key(v, auth, profile);
    // Without a mode switch (or with an unreadable one), the keys' prefix says the mode.
    let mode = p
        .mode
        .get()
        .or_else(|| auth.and_then(AuthScheme::mode))
        .or_else(|| p.publishable_key.value().map(PublishableKey::mode));
    if profile.applies(Rule::Login) {
        check_login(v, p.login.as_deref());
    }
    if profile.applies(Rule::RawCardData) {
        raw_card_data(
            v,
            profile,
            p.version.get(),
            (p.data_protection.get(), p.data_protection.is_given()),
            p.account.as_ref(),
        );
    }
    super::account_limits::stated(v, p.account.as_ref());
    let brands = card_brands_in_use(p, profile);
    if let Some(listed) = brands.filter(|b| b.listed == 0) {
        no_card_brands(v, listed);
    }
    let brands = brands.map_or_else(CardBrands::new, |b| b.set);
    if profile.applies(Rule::Currencies) {
        let settlement = p.account.as_ref().and_then(|a| a.settlement_currency.get());
        let limits = p.account.as_ref().and_then(|a| a.limits.as_ref());
        currencies(
            v,
            p.currencies.as_deref().unwrap_or(&[]),
            (settlement, limits),
            brands,
        );
    }
    // A new gateway may only be V2, so the V2 rules are decided when the version is missing
    // or unreadable: one round shows everything.
    let version = p.version.get().unwrap_or(GatewayVersion::V2);
    if profile.applies(Rule::ReturnUrl) {
        return_url_required(v, p, version, mode);
        return_url_insecure(v, p, mode);
    }
    if profile.applies(Rule::LiveCardTest) {
        live_card_test(v, mode, p.live_card_tested);
    }
    Decided { mode, version }
}

/// The card brands the rules read: where the profile checks them and the form lists them (or
/// must).
fn card_brands_in_use(p: &Parsed, profile: &Profile) -> Option<Brands> {
    if !profile.applies(Rule::CardBrands) {
        return None;
    }
    match p.card_brands {
        Some(b) => Some(b),
        None if profile.requires("card_brands") => Some(Brands::default()),
        None => None,
    }
}

/// The fields the profile requires, and the parts a present field requires (the settlement
/// currency of an account that decides minimums, each currency entry's currency and
/// minimum).
fn required_fields(v: &mut Collector, p: &Parsed, profile: &Profile) {
    if profile.requires("name") && !profile.applies(Rule::ConnectionSettings) && p.name.is_absent()
    {
        v.missing("name", "give the gateway a name, such as \"Stripe USD\"");
    }
    if profile.requires("version") && p.version.is_absent() {
        v.missing(
            "version",
            "choose v2 (Stripe V2: PaymentIntents with Stripe's native 3DS)",
        );
    }
    if profile.requires("mode") && p.mode.is_absent() {
        v.missing("mode", "choose test or live");
    }
    if profile.requires("auth") && p.auth.is_absent() {
        let schemes = profile.auth_schemes();
        let remedy = if schemes.allows("api_key") {
            let mut remedy = "paste the Stripe account's secret key (sk_live_… or sk_test_…) from Developers > API keys".to_owned();
            if let Some(label) = profile.own_label("auth.secret_key") {
                remedy = format!("{remedy} into the {label} field");
            }
            remedy
        } else if schemes.allows("oauth2") {
            "fill in the OAuth client id (ca_…), client secret and refresh token".to_owned()
        } else {
            "connect the Stripe account and give its account id (acct_…)".to_owned()
        };
        v.missing("auth", &remedy);
    }
    let minimums_checked = profile.applies(Rule::Currencies)
        && (profile.requires("currencies") || p.currencies.is_some());
    match &p.account {
        None if profile.requires("account") || minimums_checked => v.missing(
            "account",
            "give the currency the Stripe account settles in (its payout bank account's), such as USD",
        ),
        Some(a)
            if (profile.requires("account") || minimums_checked)
                && a.settlement_currency.is_absent() =>
        {
            v.missing(
                "account.settlement_currency",
                "set the currency the Stripe account settles in (its payout bank account's), such as USD",
            );
        }
        _ => {}
    }
    if profile.requires("data_protection") && p.data_protection.is_absent() {
        v.missing(
            "data_protection",
            "choose token_only or full_card_except_cvv",
        );
    }
    if minimums_checked {
        match p.currencies.as_deref() {
            None | Some([]) => v.missing(
                "currencies",
                "assign at least one currency with its minimum payment, such as USD with a minimum of 0.50",
            ),
            Some(entries) => {
                for (i, e) in entries.iter().enumerate() {
                    if e.currency.is_absent() {
                        v.missing(
                            &format!("currencies[{i}].currency"),
                            "give the ISO 4217 code, such as USD",
                        );
                    }
                    if e.minimum.is_absent() {
                        v.missing(
                            &format!("currencies[{i}].minimum_payment"),
                            "set the smallest payment accepted in this currency, such as \"0.50\"",
                        );
                    }
                }
            }
        }
    }
}

/// [rules.md §3](crate::rules#rules-3), S0: "Stripe V1 (legacy - do not create new)".
fn legacy_version(v: &mut Collector, existing: bool) {
    if existing {
        v.warning(
            "version",
            ViolationCode::LegacyVersion,
            "v1 is Stripe's legacy gateway; this existing configuration still works",
            "plan a move to v2 (PaymentIntents with Stripe's native 3DS); v1 needs raw card data access",
        );
    } else {
        v.error(
            "version",
            ViolationCode::LegacyVersion,
            "v1 is Stripe's legacy gateway and a new configuration may not choose it",
            "create a v2 gateway: Stripe V1 is legacy and no new V1 gateway may be created",
        );
    }
}

/// [rules §1](crate::rules#rules-1): a key's mode must be the configuration's; the key pair must share a mode.
fn key_modes(
    v: &mut Collector,
    mode: Option<Mode>,
    auth: Option<&AuthScheme>,
    publishable: Option<&PublishableKey>,
) {
    let secret = match auth {
        Some(AuthScheme::ApiKey { secret_key, .. }) => Some(secret_key),
        _ => None,
    };
    if let (Some(mode), Some(secret)) = (mode, secret) {
        if secret.mode() != mode {
            v.error(
                "auth.secret_key",
                ViolationCode::KeyModeMismatch,
                format!(
                    "the {} is a {} key ({}…), but the gateway is in {mode} mode",
                    v.name("auth.secret_key"),
                    secret.mode(),
                    secret.prefix()
                ),
                format!(
                    "use the {mode} secret key, or switch the gateway to {} mode",
                    secret.mode()
                ),
            );
        }
    }
    let Some(pk) = publishable else { return };
    match (mode, secret) {
        (Some(mode), secret) if pk.mode() != mode => {
            if let Some(secret) = secret.filter(|s| s.mode() == mode) {
                v.error(
                    "publishable_key",
                    ViolationCode::KeyPairModeMismatch,
                    format!("the {} is a {} key, but the secret key ({}…) and the gateway are in {mode} mode", v.name("publishable_key"), pk.mode(), secret.prefix()),
                    format!("use the {mode} publishable key (pk_{mode}_…) of the same account"),
                );
            } else {
                v.error(
                    "publishable_key",
                    ViolationCode::KeyModeMismatch,
                    format!(
                        "the {} is a {} key, but the gateway is in {mode} mode",
                        v.name("publishable_key"),
                        pk.mode()
                    ),
                    format!(
                        "use the {mode} publishable key (pk_{mode}_…), or switch the gateway to {} mode",
                        pk.mode()
                    ),
                );
            }
        }
        (None, Some(secret)) if secret.mode() != pk.mode() => {
            v.error(
                "publishable_key",
                ViolationCode::KeyPairModeMismatch,
                format!(
                    "the {} is a {} key, but the secret key ({}…) is {}",
                    v.name("publishable_key"),
                    pk.mode(),
                    secret.prefix(),
                    secret.mode()
                ),
                "use a secret key and a publishable key of the same mode and account",
            );
        }
        _ => {}
    }
}

/// S3's "Live API Key": a test key there works, against test data only.
fn test_key_in_live_field(v: &mut Collector, auth: Option<&AuthScheme>) {
    if let Some(AuthScheme::ApiKey { secret_key, .. }) = auth {
        if secret_key.mode() == Mode::Test {
            v.warning(
                "auth.secret_key",
                ViolationCode::KeyModeMismatch,
                format!(
                    "the {} is a test key ({}…): the connection sees only test data",
                    v.name("auth.secret_key"),
                    secret_key.prefix()
                ),
                "paste the live secret key (sk_live_…) to read live data; keep the test key only for trying the connection",
            );
        }
    }
}

/// Issue 14: a restricted key (`rk_`) works only with the permissions it was given.
fn restricted_key(v: &mut Collector, auth: Option<&AuthScheme>, profile: &Profile) {
    if let Some(AuthScheme::ApiKey { secret_key, .. }) = auth {
        if secret_key.is_restricted() {
            v.found.push(
                Violation::warning(
                    path_of("auth.secret_key"),
                    ViolationCode::RestrictedKey,
                    format!(
                        "a restricted key ({}…) works only with the permissions it was given; a request it does not allow fails",
                        secret_key.prefix()
                    ),
                )
                .with_remedy(format!(
                    "make sure the key allows {}, or use the secret key (sk_…)",
                    profile.permissions()
                ))
                .with_param("permissions", profile.permissions()),
            );
        }
    }
}

/// The shortest Login S4 accepts: "the input must be longer than 4 characters".
const MIN_LOGIN_CHARS: usize = 5;

/// S4: "Login – type in any info as it is ignored by Add-on Mart (however, this field is
/// obligatory and the input must be longer than 4 characters)". The Login is never echoed:
/// users type anything into it, a password included.
fn check_login(v: &mut Collector, login: Option<&str>) {
    let remedy = ViolationCode::LoginTooShort.remedy();
    match login {
        None => v.missing("login", remedy),
        Some(l) if l.trim().is_empty() => {
            let message = format!(
                "the {} is empty; PortaBilling requires it, though Add-on Mart ignores it",
                v.name("login")
            );
            v.error("login", ViolationCode::MissingField, message, remedy);
        }
        Some(l) => {
            let chars = l.chars().count();
            if chars < MIN_LOGIN_CHARS {
                v.found.push(
                    Violation::error(
                        path_of("login"),
                        ViolationCode::LoginTooShort,
                        format!(
                            "the {} has {chars} characters; PortaBilling requires more than 4",
                            v.name("login")
                        ),
                    )
                    .with_remedy(remedy)
                    .with_param("chars", chars)
                    .with_param("min_chars", MIN_LOGIN_CHARS),
                );
            }
        }
    }
}

/// [rules.md §3](crate::rules#rules-3), S0, [stripe-facts §5](crate::rules#facts-5): raw card data access is required whenever the platform
/// itself sends card numbers to Stripe: V1 always; V2 when the platform handles cards (any
/// data protection mode: token-only sends them on the first payment, full-card on every one).
fn raw_card_data(
    v: &mut Collector,
    profile: &Profile,
    version: Option<GatewayVersion>,
    (protection, protection_given): (Option<DataProtection>, bool),
    account: Option<&Account>,
) {
    if account.is_some_and(|a| a.raw_card_data_access) {
        return;
    }
    // Where the form records the account's settings, an absent account was reported already.
    if profile.account_settings_on_form() && account.is_none() {
        return;
    }
    let why = if version.is_some_and(GatewayVersion::always_sends_card_numbers) {
        "a v1 gateway sends card numbers to Stripe's API"
    } else if let Some(p) = protection {
        match p {
            DataProtection::TokenOnly => {
                "with token_only data protection the platform sends the card number to Stripe on the first payment, to create the token"
            }
            _ => {
                "with full_card_except_cvv data protection the platform sends the card number to Stripe on every payment"
            }
        }
    } else if protection_given {
        // An invalid data_protection was reported already; it still means cards pass through.
        "the platform sends card numbers to Stripe (a data protection mode is set)"
    } else if profile.applies(Rule::SendsCardNumbers) {
        "the platform sends card numbers to Stripe's API on every gateway version"
    } else {
        return;
    };
    let decline = "Sending credit card numbers directly to the Stripe API is generally unsafe";
    if profile.account_settings_on_form() {
        v.error(
            "account.raw_card_data_access",
            ViolationCode::RawCardDataRequired,
            format!("{why}, which Stripe refuses without raw card data access (\"{decline}\")"),
            "ask Stripe support to enable raw card data access with PCI DSS evidence (SAQ D or an AOC), turn on raw card data access for the account (Stripe's \"Handle card information directly\" setting), then record here that the account has it",
        );
    } else {
        // rules §11: the form has no field for the account's setting; the crate cannot know it.
        v.found.push(
            Violation::warning(
                path_of("account.raw_card_data_access"),
                ViolationCode::RawCardDataRequired,
                format!("{why}: unless the Stripe account has raw card data access, Stripe declines the payments with \"{decline}\""),
            )
            .with_remedy("in the Stripe Dashboard, Settings > Integration, turn on raw card data access for the account (Stripe's \"Handle card information directly\" setting; Stripe may ask for PCI DSS evidence), then record here that the account has it")
            .with_param("setting", "Handle card information directly")
            .with_param("decline", decline),
        );
    }
}

/// [rules §10](crate::rules#rules-10): at least one card brand.
fn no_card_brands(v: &mut Collector, _brands: Brands) {
    v.error(
        "card_brands",
        ViolationCode::NoCardBrands,
        "no card brand is enabled, so no card payment can be taken",
        ViolationCode::NoCardBrands.remedy(),
    );
}

/// [rules §3](crate::rules#rules-3), S0: V2 in live mode needs a return URL for SCA redirects.
fn return_url_required(v: &mut Collector, p: &Parsed, version: GatewayVersion, mode: Option<Mode>) {
    if p.return_url.is_absent() && version == GatewayVersion::V2 && mode == Some(Mode::Live) {
        v.error(
            "return_url",
            ViolationCode::ReturnUrlRequired,
            "a v2 gateway in live mode needs a return URL: 3D Secure (SCA) redirects the customer away and back",
            format!("give the {}: the https page of your checkout that SCA redirects return to; the checkout must support redirects for 3D Secure", v.name("return_url")),
        );
    }
}

/// [rules §3](crate::rules#rules-3): the return URL is https in live mode.
fn return_url_insecure(v: &mut Collector, p: &Parsed, mode: Option<Mode>) {
    if let Field::Valid(url) = &p.return_url {
        if mode == Some(Mode::Live) && url.scheme() != "https" {
            v.error(
                "return_url",
                ViolationCode::ReturnUrlInsecure,
                format!("the {} uses http in live mode; customers would return from 3D Secure over an unencrypted connection", v.name("return_url")),
                ViolationCode::ReturnUrlInsecure.remedy(),
            );
        }
    }
}

/// [rules §3](crate::rules#rules-3), S0: "Before going live with this gateway, be sure to perform a test transaction
/// with a live card."
fn live_card_test(v: &mut Collector, mode: Option<Mode>, tested: bool) {
    if mode == Some(Mode::Live) && !tested {
        v.warning(
            "live_card_tested",
            ViolationCode::LiveCardTestMissing,
            "the gateway is in live mode, but no test transaction with a live card was recorded",
            ViolationCode::LiveCardTestMissing.remedy(),
        );
    }
}
