//! Every error code of Stripe's published list, classified by who has to act.
//!
//! Source of the list ([`ERROR_CODES_AS_OF`]): the newest published lists, `stripe/stripe-go`
//! `error.go` (the `ErrorCode` constants, generated from Stripe's OpenAPI spec; descriptions
//! at <https://docs.stripe.com/error-codes>) and `stripe/stripe-node`'s generated type of an API
//! error's code, read 2026-12-03; the same list is copied, with its sources, into
//! `tests/data/stripe-error-codes.txt`, which the tests compare with this table. The
//! classification is this crate's reading of each code's description on the error-codes page.
//! A few codes have a remedy and a customer text of their own ([`code_advice`]); the others
//! take their category's.

use crate::codes::ErrorCategoryCode;

/// When the list of error codes ([`known_error_codes`]) was read.
pub const ERROR_CODES_AS_OF: &str = "2026-12-03";

impl ErrorCategoryCode {
    /// What errors of this category mean (the rule of its code in the catalogue).
    #[must_use]
    pub const fn meaning(self) -> &'static str {
        self.info().rule
    }
}

impl ErrorCategoryCode {
    /// What to do about an error of this category when nothing more precise is known,
    /// written for it: the remedy of an [`ErrorDiagnosis`](super::ErrorDiagnosis) that knows no
    /// better (the catalogue's too).
    #[must_use]
    pub const fn remedy(self) -> &'static str {
        match self {
            ErrorCategoryCode::Configuration => {
                "check the gateway's keys, mode and the Stripe account's settings in the Stripe Dashboard, then try again"
            }
            ErrorCategoryCode::Operation => {
                "look at the payment in the Stripe Dashboard and choose the operation its state allows (for example a refund instead of a capture)"
            }
            ErrorCategoryCode::CustomerCard => {
                "ask the customer to use another card or payment method, or to contact their bank"
            }
            ErrorCategoryCode::RetryLater => {
                "retry later with the same idempotency key, waiting longer after each failure"
            }
            ErrorCategoryCode::PlatformBug => {
                "report the error with Stripe's request id to the platform's developers; retrying the same request will fail again"
            }
            ErrorCategoryCode::NotOurs => {
                "handle it in the part of the Stripe account that uses that feature; the gateway's configuration needs no change"
            }
            ErrorCategoryCode::Unknown => {
                "read Stripe's message and https://docs.stripe.com/error-codes"
            }
        }
    }
}

impl ErrorCategoryCode {
    /// A text fit to show the customer (the payer) for errors of this category, when neither
    /// a decline code nor the error's code has its own: nothing of the platform's internals.
    #[must_use]
    pub const fn customer_message(self) -> &'static str {
        match self {
            ErrorCategoryCode::CustomerCard => {
                "Your payment was declined. Please use another card or payment method, or contact your card issuer."
            }
            ErrorCategoryCode::RetryLater => {
                "Your payment could not be processed right now. Please try again in a few minutes."
            }
            ErrorCategoryCode::Operation => {
                "This payment can't be changed in this way. Please contact us if you need help with it."
            }
            ErrorCategoryCode::Configuration
            | ErrorCategoryCode::PlatformBug
            | ErrorCategoryCode::NotOurs
            | ErrorCategoryCode::Unknown => {
                "Your payment could not be processed. Please try again later or contact us."
            }
        }
    }
}

/// Keys, mode, account capabilities and limits, minimums, return URLs.
const CONFIGURATION: &[&str] = &[
    "account_closed",
    "account_invalid",
    "action_blocked",
    "amount_too_small",
    "api_key_expired",
    "application_fees_not_allowed",
    "charge_exceeds_source_limit",
    "charge_exceeds_transaction_limit",
    "livemode_mismatch",
    "not_allowed_on_standard_account",
    "payment_method_configuration_failures",
    "payment_method_not_available",
    "payment_method_unactivated",
    "platform_account_required",
    "platform_api_key_expired",
    "progressive_onboarding_limit_exceeded",
    "request_blocked",
    "secret_key_required",
    "testmode_charges_only",
    "transfers_not_allowed",
    "url_invalid",
];

/// The payment's state or the operation's amount.
const OPERATION: &[&str] = &[
    "amount_too_large",
    "capture_charge_authorization_expired",
    "capture_unauthorized_payment",
    "charge_already_captured",
    "charge_already_refunded",
    "charge_disputed",
    "charge_expired_for_capture",
    "charge_not_refundable",
    "customer_max_payment_methods",
    "customer_session_expired",
    "intent_invalid_state",
    "invalid_charge_amount",
    "missing",
    "payment_intent_action_required",
    "payment_intent_incompatible_payment_method",
    "payment_intent_payment_attempt_expired",
    "payment_intent_unexpected_state",
    "payment_method_bank_account_already_verified",
    "payment_method_currency_mismatch",
    "payment_method_unexpected_state",
    "refund_disputed_payment",
    "resource_already_exists",
    "resource_missing",
    "return_intent_already_processed",
    "setup_intent_setup_attempt_expired",
    "setup_intent_unexpected_state",
    "status_transition_invalid",
    "token_already_used",
    "token_in_use",
];

/// The customer's card, bank account or details.
const CUSTOMER_CARD: &[&str] = &[
    "account_number_invalid",
    "acss_debit_session_incomplete",
    "authentication_required",
    "bank_account_bad_routing_numbers",
    "bank_account_declined",
    "bank_account_restricted",
    "bank_account_unusable",
    "bank_account_unverified",
    "bank_account_verification_failed",
    "billing_invalid_mandate",
    "card_decline_rate_limit_exceeded",
    "card_declined",
    "clearing_code_unsupported",
    "country_code_invalid",
    "debit_not_authorized",
    "email_invalid",
    "expired_card",
    "financial_connections_account_inactive",
    "financial_connections_account_pending_account_numbers",
    "financial_connections_account_unavailable_account_numbers",
    "financial_connections_no_successful_transaction_refresh",
    "gift_card_balance_insufficient",
    "gift_card_inactive",
    "incorrect_address",
    "incorrect_cvc",
    "incorrect_number",
    "incorrect_zip",
    "india_recurring_payment_mandate_canceled",
    "insufficient_funds",
    "invalid_card_type",
    "invalid_cvc",
    "invalid_expiry_month",
    "invalid_expiry_year",
    "invalid_number",
    "no_account",
    "payment_intent_authentication_failure",
    "payment_intent_konbini_rejected_confirmation_number",
    "payment_intent_mandate_invalid",
    "payment_intent_payment_attempt_failed",
    "payment_method_bank_account_blocked",
    "payment_method_customer_decline",
    "payment_method_microdeposit_failed",
    "payment_method_microdeposit_verification_amounts_invalid",
    "payment_method_microdeposit_verification_amounts_mismatch",
    "payment_method_microdeposit_verification_attempts_exceeded",
    "payment_method_microdeposit_verification_descriptor_code_mismatch",
    "payment_method_microdeposit_verification_timeout",
    "payment_method_provider_decline",
    "postal_code_invalid",
    "refer_to_customer",
    "routing_number_invalid",
    "sepa_unsupported_account",
    "setup_attempt_failed",
    "setup_intent_authentication_failure",
    "setup_intent_mandate_invalid",
    "shipping_address_invalid",
    "tax_id_invalid",
    "tax_id_prohibited",
    "token_card_network_invalid",
];

/// Temporary conditions.
const RETRY_LATER: &[&str] = &[
    "idempotency_key_in_use",
    "lock_timeout",
    "payment_intent_rate_limit_exceeded",
    "payment_method_microdeposit_processing_error",
    "payment_method_provider_timeout",
    "processing_error",
    "rate_limit",
];

/// Requests built wrongly.
const PLATFORM_BUG: &[&str] = &[
    "alipay_upgrade_required",
    "balance_invalid_parameter",
    "bitcoin_upgrade_required",
    "cardholder_phone_number_required",
    "charge_invalid_parameter",
    "intent_verification_method_missing",
    "invalid_characters",
    "invalid_mandate_reference_prefix_format",
    "invalid_source_usage",
    "parameter_invalid_empty",
    "parameter_invalid_integer",
    "parameter_invalid_string_blank",
    "parameter_invalid_string_empty",
    "parameter_missing",
    "parameter_unknown",
    "parameters_exclusive",
    "payment_intent_invalid_parameter",
    "payment_method_billing_details_address_missing",
    "payment_method_invalid_parameter",
    "payment_method_invalid_parameter_testmode",
    "payment_method_unsupported_type",
    "setup_intent_invalid_parameter",
    "setup_intent_mobile_wallet_unsupported",
    "tls_version_unsupported",
];

/// Features outside the gateway.
const NOT_OURS: &[&str] = &[
    "account_country_invalid_address",
    "account_error_country_change_requires_additional_steps",
    "account_information_mismatch",
    "account_token_required_for_v2_account",
    "approval_required",
    "balance_insufficient",
    "bank_account_exists",
    "billing_policy_remote_function_response_invalid",
    "billing_policy_remote_function_timeout",
    "billing_policy_remote_function_unexpected_status_code",
    "billing_policy_remote_function_unreachable",
    "country_unsupported",
    "coupon_expired",
    "customer_max_subscriptions",
    "customer_tax_location_invalid",
    "forwarding_api_inactive",
    "forwarding_api_invalid_parameter",
    "forwarding_api_retryable_upstream_error",
    "forwarding_api_upstream_connection_error",
    "forwarding_api_upstream_connection_timeout",
    "forwarding_api_upstream_error",
    "gift_card_code_exists",
    "instant_payouts_config_disabled",
    "instant_payouts_currency_disabled",
    "instant_payouts_limit_exceeded",
    "instant_payouts_unsupported",
    "invalid_tax_location",
    "invoice_no_customer_line_items",
    "invoice_no_payment_method_types",
    "invoice_no_subscription_line_items",
    "invoice_not_editable",
    "invoice_on_behalf_of_not_editable",
    "invoice_payment_intent_requires_action",
    "invoice_upcoming_none",
    "out_of_inventory",
    "ownership_declaration_not_allowed",
    "payout_reconciliation_not_ready",
    "payouts_limit_exceeded",
    "payouts_not_allowed",
    "product_inactive",
    "sensitive_data_access_expired",
    "service_period_coupon_with_metered_tiered_item_unsupported",
    "shipping_calculation_failed",
    "siret_invalid",
    "sku_inactive",
    "state_unsupported",
    "storer_capability_missing",
    "storer_capability_not_active",
    "stripe_tax_inactive",
    "taxes_calculation_failed",
    "terminal_location_country_unsupported",
    "terminal_reader_busy",
    "terminal_reader_hardware_fault",
    "terminal_reader_invalid_location_for_activation",
    "terminal_reader_invalid_location_for_payment",
    "terminal_reader_offline",
    "terminal_reader_timeout",
    "transfer_source_balance_parameters_mismatch",
];

const GROUPS: [(&[&str], ErrorCategoryCode); 6] = [
    (CONFIGURATION, ErrorCategoryCode::Configuration),
    (OPERATION, ErrorCategoryCode::Operation),
    (CUSTOMER_CARD, ErrorCategoryCode::CustomerCard),
    (RETRY_LATER, ErrorCategoryCode::RetryLater),
    (PLATFORM_BUG, ErrorCategoryCode::PlatformBug),
    (NOT_OURS, ErrorCategoryCode::NotOurs),
];

/// The code as the table spells it (a `'static` string) and its category, for a code of
/// Stripe's list. Exact: no trimming, no other case.
pub(crate) fn lookup(code: &str) -> Option<(&'static str, ErrorCategoryCode)> {
    GROUPS
        .iter()
        .find_map(|(codes, category)| codes.iter().find(|c| **c == code).map(|c| (*c, *category)))
}

/// The category of one of Stripe's error codes (the `error.code` field), or `None` for a code
/// that is not in Stripe's published list. Codes are exact: no trimming, no other case.
#[must_use]
pub fn classify_code(code: &str) -> Option<ErrorCategoryCode> {
    lookup(code).map(|(_, category)| category)
}

/// Every error code this crate classifies: Stripe's published lists (198 codes, read
/// 2026-12-03 from the SDKs' generated constants and types).
pub fn known_error_codes() -> impl Iterator<Item = &'static str> {
    GROUPS.iter().flat_map(|(codes, _)| codes.iter().copied())
}

/// The remedy and the customer text of the error codes that have their own, rather than
/// their category's: `(code, remedy, customer text)`. Codes that are also decline codes
/// (`authentication_required`, `expired_card`, `incorrect_cvc`…) take the decline code's
/// ([`Decline`](super::Decline)).
const CODE_ADVICE: &[(&str, &str, &str)] = &[
    (
        "email_invalid",
        "correct the customer's email address on their record: Stripe refused it as not a valid address",
        "The email address is not valid. Please check it and try again.",
    ),
    (
        "charge_exceeds_transaction_limit",
        "the payment is above the Stripe account's transaction volume limit: ask Stripe support to raise the limit, or split the payment",
        "Your payment could not be processed. Please try again later or contact us.",
    ),
    (
        "charge_exceeds_source_limit",
        "the payment is above the Stripe account's limit for this payment method: ask Stripe support to raise the limit, or split the payment",
        "Your payment could not be processed. Please try again later or contact us.",
    ),
    (
        "payment_intent_rate_limit_exceeded",
        "too many requests were made on this PaymentIntent in a short time: wait, then retry with the same idempotency key, waiting longer after each failure",
        "Your payment could not be processed right now. Please try again in a few minutes.",
    ),
    (
        "card_decline_rate_limit_exceeded",
        "this card was declined too many times in a short time: stop retrying it for 24 hours, and ask the customer for another card",
        "Your card was declined too many times. Please use another card or try again tomorrow.",
    ),
    (
        "request_blocked",
        "Stripe blocked this request: retrying will not help; contact Stripe support with the request id",
        "Your payment could not be processed. Please contact us.",
    ),
    (
        "india_recurring_payment_mandate_canceled",
        "the customer canceled the e-mandate for recurring payments with this card (cards issued in India): stop charging it off session and ask the customer to set up the payment again on session",
        "Your recurring payment authorization for this card was canceled. Please set up the payment again.",
    ),
    (
        "testmode_charges_only",
        "the Stripe account can't take live payments yet: activate it in the Stripe Dashboard, or use test keys until it is",
        "Your payment could not be processed. Please try again later or contact us.",
    ),
];

/// The remedy and the customer text of one of Stripe's error codes that has its own (see
/// `CODE_ADVICE`): `(remedy, customer text)`.
#[must_use]
pub(crate) fn code_advice(code: &str) -> Option<(&'static str, &'static str)> {
    CODE_ADVICE
        .iter()
        .find(|(c, _, _)| *c == code)
        .map(|(_, remedy, customer)| (*remedy, *customer))
}

/// The category of an error without a known code, from its `type` (Stripe's four current
/// types, and the older `authentication_error`, `rate_limit_error`, `api_connection_error`).
pub(crate) fn category_of_type(error_type: &str) -> Option<ErrorCategoryCode> {
    Some(match error_type {
        "card_error" => ErrorCategoryCode::CustomerCard,
        "api_error" | "rate_limit_error" | "api_connection_error" => ErrorCategoryCode::RetryLater,
        "idempotency_error" | "invalid_request_error" => ErrorCategoryCode::PlatformBug,
        "authentication_error" => ErrorCategoryCode::Configuration,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_code_is_in_two_categories() {
        let mut all: Vec<&str> = known_error_codes().collect();
        let n = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), n);
        assert_eq!(n, 198);
    }

    #[test]
    fn every_code_with_its_own_advice_is_a_published_code() {
        for (code, _, _) in CODE_ADVICE {
            assert!(lookup(code).is_some(), "{code}");
        }
    }
}
