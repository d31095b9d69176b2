//! The validated gateway: what a configuration becomes when it has no errors.
//!
//! Its own layer, between the two that use it: [`config`](crate::config) builds a
//! [`ValidatedGateway`] (and re-exports it at `config::ValidatedGateway`), and
//! [`operation`](crate::operation) checks every payment with it
//! ([`ValidatedGateway::check`]); it imports neither, so the checks of operations do not
//! depend on how a configuration is read or validated.

use iso_currency::Country;
use url::Url;

use crate::card_brand::CardBrands;
use crate::credentials::AuthScheme;
use crate::credentials::{Mode, PublishableKey};
use crate::currency::Currency;
use crate::data_protection::DataProtection;
use crate::diagnostics::{Report, Violation};
use crate::money::{AmountLimits, ExchangeRate, MinorUnits, Money};
use crate::version::GatewayVersion;

/// A currency assigned to a validated gateway, with its minimum payment (S4) and the rate to
/// the settlement currency when one was given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CurrencyAssignment {
    pub(crate) minimum: Money,
    pub(crate) rate_to_settlement: Option<ExchangeRate>,
}

impl CurrencyAssignment {
    /// The currency.
    #[must_use]
    pub fn currency(&self) -> Currency {
        self.minimum.currency()
    }

    /// The smallest payment the platform accepts in this currency (S4 "Minimum payment").
    #[must_use]
    pub fn minimum(&self) -> Money {
        self.minimum
    }

    /// The rate from this currency to the settlement currency, if given.
    #[must_use]
    pub fn rate_to_settlement(&self) -> Option<&ExchangeRate> {
        self.rate_to_settlement.as_ref()
    }
}

/// A gateway configuration that passed [`GatewayConfig::validate`](crate::config::GatewayConfig::validate)
/// with the payment fields ([`ValidatedForm::Gateway`](crate::config::ValidatedForm::Gateway)):
/// every field parsed, every rule holds. It can't be built any other way, so the checks that
/// take it (operations on every payment) never see an invalid configuration.
///
/// It keeps the warnings of its validation ([`warnings`](Self::warnings)). Its `Debug` shows
/// secrets only redacted, and a secret pasted as the name only by its prefix.
#[derive(Clone)]
pub struct ValidatedGateway {
    pub(crate) name: String,
    pub(crate) version: GatewayVersion,
    pub(crate) mode: Mode,
    pub(crate) existing: bool,
    pub(crate) auth: AuthScheme,
    pub(crate) publishable_key: Option<PublishableKey>,
    pub(crate) settlement_currency: Currency,
    pub(crate) raw_card_data_access: bool,
    pub(crate) country: Option<Country>,
    pub(crate) data_protection: Option<DataProtection>,
    pub(crate) card_brands: CardBrands,
    pub(crate) currencies: Vec<CurrencyAssignment>,
    pub(crate) index: CurrencyIndex,
    pub(crate) return_url: Option<Url>,
    pub(crate) radar: bool,
    pub(crate) live_card_tested: bool,
    pub(crate) warnings: Vec<Violation>,
    /// The account's limits (the API reference's when none were stated).
    pub(crate) limits: AmountLimits,
    /// Whether limits were stated: without them, [`check`](Self::check) keeps the fast
    /// default conversion.
    pub(crate) limits_stated: bool,
    /// The account's static statement descriptor, when the configuration states it.
    pub(crate) statement_descriptor: Option<crate::request::StatementDescriptor>,
    /// The prefix of card payments' descriptors: stated, or Stripe's fallback (the static
    /// descriptor cut to 10 characters).
    pub(crate) statement_descriptor_prefix: Option<crate::request::StatementDescriptorPrefix>,
}

impl ValidatedGateway {
    /// The account's static statement descriptor, when the configuration states it
    /// (`account.statement_descriptor`, [rules §13](crate::rules#rules-13)).
    #[must_use]
    pub fn statement_descriptor(&self) -> Option<&crate::request::StatementDescriptor> {
        self.statement_descriptor.as_ref()
    }

    /// The prefix of the account's card payments' descriptors, against which a payment's
    /// `statement_descriptor_suffix` is checked: `account.statement_descriptor_prefix`, else
    /// Stripe's fallback, `account.statement_descriptor` cut to 10 characters
    /// ([rules §13](crate::rules#rules-13)). `None` when the configuration states neither.
    #[must_use]
    pub fn statement_descriptor_prefix(
        &self,
    ) -> Option<&crate::request::StatementDescriptorPrefix> {
        self.statement_descriptor_prefix.as_ref()
    }

    /// The gateway's name.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// V1 or V2.
    #[must_use]
    pub fn version(&self) -> GatewayVersion {
        self.version
    }

    /// Test or live.
    #[must_use]
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// Whether the configuration existed before this validation.
    #[must_use]
    pub fn existing(&self) -> bool {
        self.existing
    }

    /// The credentials.
    #[must_use]
    pub fn auth(&self) -> &AuthScheme {
        &self.auth
    }

    /// The publishable key, if configured.
    #[must_use]
    pub fn publishable_key(&self) -> Option<&PublishableKey> {
        self.publishable_key.as_ref()
    }

    /// The currency the Stripe account settles in.
    #[must_use]
    pub fn settlement_currency(&self) -> Currency {
        self.settlement_currency
    }

    /// Whether Stripe granted the account raw card data access.
    #[must_use]
    pub fn raw_card_data_access(&self) -> bool {
        self.raw_card_data_access
    }

    /// The account's country, if configured.
    #[must_use]
    pub fn country(&self) -> Option<Country> {
        self.country
    }

    /// The data protection mode, when the platform sends card numbers itself.
    #[must_use]
    pub fn data_protection(&self) -> Option<DataProtection> {
        self.data_protection
    }

    /// The card brands accepted.
    #[must_use]
    pub fn card_brands(&self) -> CardBrands {
        self.card_brands
    }

    /// The currencies assigned, in configuration order.
    #[must_use]
    pub fn currencies(&self) -> &[CurrencyAssignment] {
        &self.currencies
    }

    /// The assignment of `currency`, if it is assigned. Constant time, never allocates.
    #[must_use]
    pub fn currency(&self, currency: Currency) -> Option<&CurrencyAssignment> {
        self.currencies.get(self.index.get(currency)?)
    }

    /// Where SCA redirects return, if configured.
    #[must_use]
    pub fn return_url(&self) -> Option<&Url> {
        self.return_url.as_ref()
    }

    /// Whether Radar is on.
    #[must_use]
    pub fn radar(&self) -> bool {
        self.radar
    }

    /// Whether a test transaction with a live card was made.
    #[must_use]
    pub fn live_card_tested(&self) -> bool {
        self.live_card_tested
    }

    /// The account's amount limits: those stated in `account.limits` (or
    /// [`GatewayDraft::limits`](crate::config::GatewayDraft::limits)), otherwise the API reference's
    /// maximum and Stripe's minimum table ([`AmountLimits::api_reference`]).
    /// [`check`](Self::check) converts amounts within them.
    #[must_use]
    pub fn limits(&self) -> &AmountLimits {
        &self.limits
    }

    /// The limits to convert amounts within, when the account stated any. One flag read.
    #[inline]
    pub(crate) fn stated_limits(&self) -> Option<&AmountLimits> {
        if self.limits_stated {
            Some(&self.limits)
        } else {
            None
        }
    }

    /// The warnings of the validation that produced this gateway.
    #[must_use]
    pub fn warnings(&self) -> &[Violation] {
        &self.warnings
    }

    /// The validation's report: valid, with the warnings. Renders and serializes like the
    /// report of an invalid configuration, so a UI can treat both alike.
    #[must_use]
    pub fn report(&self) -> Report {
        self.warnings.iter().cloned().collect()
    }
}

/// Where each currency's assignment sits in the list: one byte per currency discriminant
/// (`iso_currency` has fewer than 256; a test in `currency` guards it), `u8::MAX` for none.
/// Beside it, each assignment's minimum payment in minor units, computed once here so that
/// [`ValidatedGateway::check`] compares integers instead of decimals (issue 13); `None` when
/// the minimum has no exact minor-unit form (validation refuses such a minimum, so only as a
/// guard: the check then compares the decimals).
#[derive(Clone)]
pub(crate) struct CurrencyIndex {
    slots: [u8; 256],
    minimums: Box<[Option<MinorUnits>]>,
}

impl CurrencyIndex {
    pub(crate) fn new(currencies: &[CurrencyAssignment]) -> Self {
        let mut slots = [u8::MAX; 256];
        for (i, a) in currencies.iter().enumerate() {
            if let (Some(slot), Ok(i)) = (slots.get_mut(a.currency() as usize), u8::try_from(i)) {
                *slot = i;
            }
        }
        let minimums = currencies
            .iter()
            .map(|a| a.minimum.to_minor_units().ok())
            .collect();
        CurrencyIndex { slots, minimums }
    }

    #[inline]
    fn get(&self, currency: Currency) -> Option<usize> {
        match self.slots.get(currency as usize) {
            Some(&i) if i != u8::MAX => Some(usize::from(i)),
            _ => None,
        }
    }
}

impl ValidatedGateway {
    /// The assignment of `currency` and its minimum in minor units (when exact): the lookup of
    /// the per-payment check. One table read, never allocates.
    #[inline]
    pub(crate) fn assignment(
        &self,
        currency: Currency,
    ) -> Option<(&CurrencyAssignment, Option<MinorUnits>)> {
        let i = self.index.get(currency)?;
        let assignment = self.currencies.get(i)?;
        Some((assignment, self.index.minimums.get(i).copied().flatten()))
    }
}

impl std::fmt::Debug for CurrencyIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CurrencyIndex")
    }
}

impl std::fmt::Debug for ValidatedGateway {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ValidatedGateway")
            .field("name", &crate::text::GuardedText(&self.name))
            .field("version", &self.version)
            .field("mode", &self.mode)
            .field("existing", &self.existing)
            .field("auth", &self.auth)
            .field("publishable_key", &self.publishable_key)
            .field("settlement_currency", &self.settlement_currency)
            .field("raw_card_data_access", &self.raw_card_data_access)
            .field("country", &self.country)
            .field("data_protection", &self.data_protection)
            .field("card_brands", &self.card_brands)
            .field("currencies", &self.currencies)
            .field(
                "return_url",
                &self
                    .return_url
                    .as_ref()
                    .map(|url| crate::text::GuardedText(url.as_str())),
            )
            .field("radar", &self.radar)
            .field("live_card_tested", &self.live_card_tested)
            .field("warnings", &self.warnings)
            .field("limits", &self.limits)
            .finish()
    }
}
