//! Building a configuration from typed values: for a platform that already holds a [`Mode`],
//! a [`GatewayVersion`], [`CardBrand`]s, [`Money`] minimums, a [`SecretKey`] in an
//! [`AuthScheme`]… and would otherwise turn them back into strings.

use iso_currency::Country;
use url::Url;

#[cfg(doc)]
use super::ValidatedGateway;
use super::parse::{Account, Brands, Entry, Field, Parsed};
use super::{Form, GatewayConfig, ValidatedForm};
use crate::card_brand::{CardBrand, CardBrands};
use crate::credentials::AuthScheme;
use crate::credentials::{Mode, PublishableKey};
use crate::currency::Currency;
use crate::data_protection::DataProtection;
use crate::diagnostics::Report;
use crate::money::{AmountLimits, ExchangeRate, Money};
use crate::profile::Profile;
use crate::request::{StatementDescriptor, StatementDescriptorPrefix};
use crate::version::GatewayVersion;

#[cfg(doc)]
use crate::credentials::SecretKey;

/// A gateway configuration from typed values, checked by the same rules as a
/// [`GatewayConfig`] under a [`Profile`]. Every value already parsed, so only the rules can
/// fail: a missing required field, a key of the wrong mode, a minimum below Stripe's…
///
/// ```
/// use stripe_gateway_rules::Decimal;
/// use stripe_gateway_rules::config::GatewayDraft;
/// use stripe_gateway_rules::{credentials::AuthScheme, card_brand::CardBrand, Currency, data_protection::DataProtection, credentials::Mode, Money, Platform};
///
/// let mut draft = GatewayDraft::new("Stripe USD", AuthScheme::api_key("sk_live_4eC39HqLyjWDarjtT1zdp7dc".parse()?));
/// draft.mode = Some(Mode::Live);
/// draft.login = Some("addonmart".into());
/// draft.settlement_currency = Some(Currency::USD);
/// draft.raw_card_data_access = true;
/// draft.data_protection = Some(DataProtection::TokenOnly);
/// draft.card_brands = vec![CardBrand::Visa, CardBrand::Mastercard];
/// draft.minimums = vec![(Money::new(Decimal::new(50, 2), Currency::USD), None)];
/// let portabilling = Platform::PortaBilling.profile();
/// let form = draft.validate(&portabilling).expect("valid");
/// assert_eq!(form.gateway().expect("a payment gateway").mode(), Mode::Live);
///
/// draft.minimums = vec![(Money::new(Decimal::new(40, 2), Currency::USD), None)];
/// let report = draft.check(&portabilling);
/// assert!(report.has(stripe_gateway_rules::ViolationCode::MinimumBelowStripe));
/// # Ok::<(), stripe_gateway_rules::credentials::CredentialError>(())
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct GatewayDraft {
    /// The gateway's name.
    pub name: Option<String>,
    /// V1 or V2 (V2 where the form has no version).
    pub version: Option<GatewayVersion>,
    /// Test or live; without it, the keys' prefix says it.
    pub mode: Option<Mode>,
    /// The configuration was created before (a V1 gateway may only exist).
    pub existing: bool,
    /// The credentials, built with [`AuthScheme::api_key`], [`AuthScheme::oauth2`] or
    /// [`AuthScheme::connect`].
    pub auth: Option<AuthScheme>,
    /// The account's publishable key.
    pub publishable_key: Option<PublishableKey>,
    /// The currency the Stripe account settles in.
    pub settlement_currency: Option<Currency>,
    /// Stripe granted raw card data access.
    pub raw_card_data_access: bool,
    /// The account's country.
    pub country: Option<Country>,
    /// Token only or full card except the CVV, when the platform sends card numbers.
    pub data_protection: Option<DataProtection>,
    /// The card brands accepted.
    pub card_brands: Vec<CardBrand>,
    /// The currencies assigned: each minimum payment, with the rate of its currency to the
    /// settlement currency where it differs.
    pub minimums: Vec<(Money, Option<ExchangeRate>)>,
    /// Where SCA redirects return.
    pub return_url: Option<Url>,
    /// Radar fraud screening on.
    pub radar: bool,
    /// A test transaction with a live card was made.
    pub live_card_tested: bool,
    /// S4's Login.
    pub login: Option<String>,
    /// The account's own amount limits; the default is the API reference's maximum and
    /// Stripe's minimum table. Stated limits are named in the report and used by
    /// [`ValidatedGateway::check`].
    pub limits: AmountLimits,
    /// The account's static statement descriptor (Stripe's `settings.payments.statement_descriptor`).
    pub statement_descriptor: Option<StatementDescriptor>,
    /// The account's prefix of card payments' descriptors (Stripe's
    /// `settings.card_payments.statement_descriptor_prefix`); without it, Stripe uses the static
    /// descriptor cut to 10 characters ([`StatementDescriptor::fallback_prefix`]).
    pub statement_descriptor_prefix: Option<StatementDescriptorPrefix>,
}

impl GatewayDraft {
    /// A draft with a name and credentials, nothing else.
    #[must_use]
    pub fn new(name: impl Into<String>, auth: AuthScheme) -> Self {
        GatewayDraft {
            name: Some(name.into()),
            auth: Some(auth),
            ..GatewayDraft::default()
        }
    }

    /// The same draft with the account's own amount limits ([`limits`](Self::limits)).
    ///
    /// ```
    /// use stripe_gateway_rules::config::GatewayDraft;
    /// use stripe_gateway_rules::money::AmountLimits;
    /// use stripe_gateway_rules::credentials::AuthScheme;
    ///
    /// let draft = GatewayDraft::new("Stripe VND", AuthScheme::api_key("sk_test_4eC39HqLyjWDarjtT1zdp7dc".parse()?))
    ///     .with_limits(AmountLimits::card_networks());
    /// assert!(draft.limits.uses_card_networks());
    /// # Ok::<(), stripe_gateway_rules::credentials::CredentialError>(())
    /// ```
    #[must_use]
    pub fn with_limits(mut self, limits: AmountLimits) -> Self {
        self.limits = limits;
        self
    }

    /// Every finding of `profile`'s rules (and its own checks, which see an empty
    /// [`GatewayConfig`]: they read the platform's own values), errors and warnings, in field
    /// order: the same findings as [`validate`](Self::validate).
    #[must_use]
    pub fn check(&self, profile: &Profile) -> Report {
        super::validate::check_parsed(
            self.parsed(),
            profile,
            &Form::Gateway(GatewayConfig::default()),
        )
        .0
    }

    /// The validated form (a [`ValidatedForm::Gateway`] when the draft has a settlement
    /// currency and minimums, a [`ValidatedForm::Connection`] otherwise), or the report of
    /// every finding: the same findings as [`check`](Self::check).
    ///
    /// # Errors
    ///
    /// A [`Report`] when any finding is an error; it lists the warnings too.
    pub fn validate(&self, profile: &Profile) -> Result<ValidatedForm, Report> {
        match super::validate::check_parsed(
            self.parsed(),
            profile,
            &Form::Gateway(GatewayConfig::default()),
        ) {
            (_, Some(form)) => Ok(form),
            (report, None) => Err(report),
        }
    }

    fn parsed(&self) -> Parsed {
        let mut brands = CardBrands::new();
        for b in &self.card_brands {
            brands.insert(*b);
        }
        let currencies = (!self.minimums.is_empty()).then(|| {
            self.minimums
                .iter()
                .map(|(minimum, rate)| Entry {
                    currency: Field::Valid(minimum.currency()),
                    minimum: Field::Valid(minimum.amount()),
                    rate: Field::from_option(rate.as_ref().map(ExchangeRate::rate)),
                })
                .collect()
        });
        let account = (self.settlement_currency.is_some()
            || self.raw_card_data_access
            || self.statement_descriptor.is_some()
            || self.statement_descriptor_prefix.is_some())
        .then(|| Account {
            settlement_currency: Field::from_option(self.settlement_currency),
            raw_card_data_access: self.raw_card_data_access,
            country: self.country,
            limits: Some(self.limits.clone()),
            statement_descriptor: self.statement_descriptor.clone(),
            // Stripe's fallback, as for a form: the static descriptor cut to 10 characters.
            statement_descriptor_prefix: self.statement_descriptor_prefix.clone().or_else(|| {
                self.statement_descriptor
                    .as_ref()
                    .and_then(|d| d.fallback_prefix().ok())
            }),
        });
        Parsed {
            name: Field::from_option(self.name.clone()),
            version: Field::from_option(self.version),
            mode: Field::from_option(self.mode),
            existing: self.existing,
            auth: Field::from_option(self.auth.clone()),
            publishable_key: Field::from_option(self.publishable_key.clone()),
            account,
            data_protection: Field::from_option(self.data_protection),
            card_brands: (!self.card_brands.is_empty()).then_some(Brands {
                set: brands,
                listed: self.card_brands.len(),
            }),
            currencies,
            return_url: Field::from_option(self.return_url.clone()),
            radar: self.radar,
            live_card_tested: self.live_card_tested,
            login: self.login.clone(),
        }
    }
}
