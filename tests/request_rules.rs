//! Stripe's request rules (rules §13, issue 20), each at its exact boundary, with its source:
//! statement descriptors (stripe-facts §10.1, docs.stripe.com/get-started/account/statement-descriptors,
//! read 2026-12-03), `statement_descriptor` on card payments (stripe-facts §10.2, Stripe support, since
//! 2024-01-02), metadata (stripe-facts §10.3, docs.stripe.com/api/metadata, read 2026-12-03), descriptions
//! (stripe-facts §10.4, OpenAPI `maxLength`), idempotency keys (stripe-facts §10.5, docs.stripe.com/idempotency, read
//! 2026-12-03).

use stripe_gateway_rules::codes::{Family, RequestCode, catalogue};
use stripe_gateway_rules::config::Form;
use stripe_gateway_rules::diagnostics::{Path, ToViolation};
use stripe_gateway_rules::operation::OperationLine;
use stripe_gateway_rules::request::{
    Description, IdempotencyKey, IdempotencyLedger, Metadata, StatementDescriptor,
    StatementDescriptorPrefix, StatementDescriptorSuffix,
};

fn descriptor_code(text: &str) -> Option<RequestCode> {
    text.parse::<StatementDescriptor>().err().map(|e| e.code())
}

fn prefix_code(text: &str) -> Option<RequestCode> {
    text.parse::<StatementDescriptorPrefix>()
        .err()
        .map(|e| e.code())
}

fn suffix_code(text: &str) -> Option<RequestCode> {
    text.parse::<StatementDescriptorSuffix>()
        .err()
        .map(|e| e.code())
}

/// stripe-facts §10.1: "Contains between 5 and 22 characters, inclusive" (4/5/22/23).
#[test]
fn descriptor_is_5_to_22_characters_statement_descriptors_page() {
    assert_eq!(
        descriptor_code("ACME"),
        Some(RequestCode::DescriptorTooShort)
    );
    assert_eq!(descriptor_code("ACMEX"), None);
    assert_eq!(descriptor_code(&"A".repeat(22)), None);
    assert_eq!(
        descriptor_code(&"A".repeat(23)),
        Some(RequestCode::DescriptorTooLong)
    );
    let err = "A".repeat(23).parse::<StatementDescriptor>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "statement_descriptor is 23 characters; at most 22 are allowed"
    );
    // Characters, not bytes: 22 accented letters are 44 bytes and fit.
    assert_eq!(descriptor_code(&"É".repeat(22)), None);
}

/// stripe-facts §10.1: the prefix ("shortened descriptor") is 2 to 10 characters (1/2/10/11).
#[test]
fn prefix_is_2_to_10_characters_statement_descriptors_page() {
    assert_eq!(prefix_code("A"), Some(RequestCode::PrefixTooShort));
    assert_eq!(prefix_code("AB"), None);
    assert_eq!(prefix_code(&"A".repeat(10)), None);
    assert_eq!(
        prefix_code(&"A".repeat(11)),
        Some(RequestCode::PrefixTooLong)
    );
}

/// stripe-facts §10.1: "Contains only Latin characters" — accented Latin letters are Latin;
/// other scripts and symbols such as ™ are not.
#[test]
fn descriptor_is_latin_only_statement_descriptors_page() {
    for ok in [
        "CAFÉ CRÈME",
        "Straße 12",
        "Łódź Shop",
        "Ångström",
        "Nguyễn Shop",
    ] {
        assert_eq!(descriptor_code(ok), None, "{ok}");
    }
    for bad in [
        "ACME™ SHOP",
        "МАГАЗИН",
        "ΚΑΦΕ SHOP",
        "東京ショップ",
        "SHOP\u{7}X",
        "SHOP ☕",
    ] {
        assert_eq!(
            descriptor_code(bad),
            Some(RequestCode::DescriptorNotLatin),
            "{bad}"
        );
    }
    let err = "ACME™ SHOP".parse::<StatementDescriptor>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "statement_descriptor holds '™' (U+2122), which is not a Latin character"
    );
}

/// stripe-facts §10.1: none of `<` `>` `\` `'` `"` `*`, each one.
#[test]
fn each_forbidden_character_is_refused_statement_descriptors_page() {
    for c in ['<', '>', '\\', '\'', '"', '*'] {
        let text = format!("ACME{c}SHOP");
        assert_eq!(
            descriptor_code(&text),
            Some(RequestCode::DescriptorForbiddenCharacter),
            "{text}"
        );
        assert_eq!(
            suffix_code(&format!("ORDER{c}")),
            Some(RequestCode::DescriptorForbiddenCharacter)
        );
        assert_eq!(
            prefix_code(&format!("AB{c}")),
            Some(RequestCode::DescriptorForbiddenCharacter)
        );
    }
    // Other punctuation is fine.
    assert_eq!(descriptor_code("ACME & CO. #12-A"), None);
}

/// stripe-facts §10.1: at least one letter, in the prefix and in the suffix each (the
/// order-number suffix of woocommerce-gateway-stripe PR 2833).
#[test]
fn a_suffix_without_a_letter_is_refused_statement_descriptors_page() {
    assert_eq!(suffix_code("12345"), Some(RequestCode::DescriptorNoLetter));
    assert_eq!(suffix_code("#1245"), Some(RequestCode::DescriptorNoLetter));
    assert_eq!(suffix_code("W #1245"), None);
    assert_eq!(prefix_code("12"), Some(RequestCode::DescriptorNoLetter));
    assert_eq!(
        descriptor_code("12345 678"),
        Some(RequestCode::DescriptorNoLetter)
    );
    assert_eq!(suffix_code(""), Some(RequestCode::DescriptorNoLetter));
}

/// stripe-facts §10.1: the suffix joins the prefix with `* `, and the whole fits in 22
/// (22 accepted, 23 refused).
#[test]
fn prefix_and_suffix_fit_in_22_statement_descriptors_page() {
    let prefix: StatementDescriptorPrefix = "ACMESHOP".parse().unwrap(); // 8
    let fits: StatementDescriptorSuffix = "ORDER 1234AB".parse().unwrap(); // 12: 8 + 2 + 12 = 22
    assert_eq!(fits.fits_after(&prefix).unwrap(), "ACMESHOP* ORDER 1234AB");
    assert_eq!(fits.fits_after(&prefix).unwrap().chars().count(), 22);
    let over: StatementDescriptorSuffix = "ORDER 1234ABC".parse().unwrap(); // 13: 23
    let err = over.fits_after(&prefix).unwrap_err();
    assert_eq!(err.code(), RequestCode::SuffixTooLong);
    assert_eq!(
        err.to_string(),
        "statement_descriptor_suffix is 13 characters; after the account's prefix and \"* \" at most 12 fit in 22"
    );
    // On its own a suffix is at most 18 characters (the shortest prefix, 2, leaves 18).
    assert_eq!(suffix_code(&"A".repeat(18)), None);
    assert_eq!(
        suffix_code(&"A".repeat(19)),
        Some(RequestCode::SuffixTooLong)
    );
}

/// stripe-facts §10.1: without a prefix, Stripe uses the static descriptor cut to 10.
#[test]
fn the_fallback_prefix_is_the_descriptor_cut_to_10_statement_descriptors_page() {
    let d: StatementDescriptor = "ACME BILLING LTD".parse().unwrap();
    assert_eq!(d.fallback_prefix().unwrap().as_str(), "ACME BILLI");
    let d: StatementDescriptor = "2026 123456 SHOP".parse().unwrap();
    assert_eq!(
        d.fallback_prefix().unwrap_err().code(),
        RequestCode::DescriptorNoLetter
    );
}

/// stripe-facts §10.3: at most 50 keys (50/51).
#[test]
fn metadata_holds_at_most_50_keys_api_metadata() {
    let keys: Vec<String> = (0..51).map(|i| format!("key{i}")).collect();
    let pairs = |n: usize| keys[..n].iter().map(|k| (k.as_str(), "v"));
    assert_eq!(Metadata::new(pairs(50)).unwrap().len(), 50);
    assert_eq!(
        Metadata::new(pairs(51)).unwrap_err().code(),
        RequestCode::MetadataTooManyKeys
    );
}

/// stripe-facts §10.3: keys at most 40 characters (40/41), without `[` or `]`; values at most
/// 500 characters (500/501).
#[test]
fn metadata_keys_and_values_have_limits_api_metadata() {
    let k40 = "k".repeat(40);
    let k41 = "k".repeat(41);
    let v500 = "v".repeat(500);
    let v501 = "v".repeat(501);
    assert!(Metadata::new([(k40.as_str(), v500.as_str())]).is_ok());
    let err = Metadata::new([("a", "b"), (k41.as_str(), "v")]).unwrap_err();
    assert_eq!(err.code(), RequestCode::MetadataKeyTooLong);
    assert_eq!(
        err.to_string(),
        "metadata key 2 is 41 characters; at most 40 are allowed"
    );
    let err = Metadata::new([("a", v501.as_str())]).unwrap_err();
    assert_eq!(err.code(), RequestCode::MetadataValueTooLong);
    assert_eq!(
        err.to_string(),
        "metadata value 1 is 501 characters; at most 500 are allowed"
    );
    for key in ["items[0]", "a]", "[b"] {
        assert_eq!(
            Metadata::new([(key, "v")]).unwrap_err().code(),
            RequestCode::MetadataKeyBracket
        );
    }
    assert_eq!(
        Metadata::new([("a", "1"), ("a", "2")]).unwrap_err().code(),
        RequestCode::MetadataDuplicateKey
    );
    assert_eq!(
        Metadata::new([("", "1")]).unwrap_err().code(),
        RequestCode::MetadataKeyEmpty
    );
}

/// stripe-facts §10.3: strings only, through serde as through a line.
#[test]
fn metadata_values_are_strings_api_metadata() {
    let err = serde_json::from_str::<Metadata>(r#"{"a":"1","b":2}"#).unwrap_err();
    assert!(
        err.to_string().contains("metadata value 2 is not a string"),
        "{err}"
    );
    let err = serde_json::from_str::<Metadata>(r#"["sk_live_abc"]"#).unwrap_err();
    assert!(
        err.to_string().starts_with("metadata is not an object"),
        "{err}"
    );
    assert!(!err.to_string().contains("sk_live"));
    let line = OperationLine::parse(r#"{"op":"refund","amount":"1.00","currency":"usd","captured_amount":"2.00","metadata":{"a":true}}"#).unwrap();
    assert_eq!(
        line.check_request(None).unwrap_err().code(),
        RequestCode::MetadataValueNotString
    );
    let line = OperationLine::parse(r#"{"op":"refund","amount":"1.00","currency":"usd","captured_amount":"2.00","metadata":"x"}"#).unwrap();
    assert_eq!(
        line.check_request(None).unwrap_err().code(),
        RequestCode::MetadataNotObject
    );
}

/// stripe-facts §10.4: a description is at most 1,000 characters (1,000/1,001).
#[test]
fn description_is_at_most_1000_characters_openapi() {
    assert!("d".repeat(1000).parse::<Description>().is_ok());
    let err = "d".repeat(1001).parse::<Description>().unwrap_err();
    assert_eq!(err.code(), RequestCode::DescriptionTooLong);
}

/// stripe-facts §10.5: "Idempotency keys are up to 255 characters long" (255/256).
#[test]
fn idempotency_keys_are_at_most_255_characters_idempotency_page() {
    assert!("k".repeat(255).parse::<IdempotencyKey>().is_ok());
    assert_eq!(
        "k".repeat(256)
            .parse::<IdempotencyKey>()
            .unwrap_err()
            .code(),
        RequestCode::IdempotencyKeyTooLong
    );
    // 255 two-byte characters are 510 bytes and still 255 characters.
    assert!("é".repeat(255).parse::<IdempotencyKey>().is_ok());
    assert!(!format!("{:?}", "order-1".parse::<IdempotencyKey>().unwrap()).contains("order-1"));
}

/// stripe-facts §10.3 (never card details or other sensitive data): a card number or a
/// Stripe secret in metadata, a description or a descriptor is refused and not printed back.
#[test]
fn sensitive_data_is_refused_and_never_printed_back_api_metadata() {
    let card = "4242 4242 4242 4242";
    let secret = "sk_live_51Hx0000000000000000000000";
    for (text, code) in [
        (card, RequestCode::CardNumberInText),
        (secret, RequestCode::SecretInText),
    ] {
        let errors = [
            format!("ACME {text}")
                .parse::<StatementDescriptor>()
                .unwrap_err(),
            format!("paid with {text}")
                .parse::<Description>()
                .unwrap_err(),
            Metadata::new([("note", text)]).unwrap_err(),
            Metadata::new([(text, "v")]).unwrap_err(),
        ];
        for e in errors {
            assert_eq!(e.code(), code);
            let shown = format!("{e} {e:?} {}", e.to_violation(Path::field("x")));
            assert!(
                !shown.contains("4242") && !shown.contains("51Hx"),
                "{shown}"
            );
        }
    }
    // Separators: dashes, and no separator at all.
    assert_eq!(
        "4242-4242-4242-4242"
            .parse::<Description>()
            .unwrap_err()
            .code(),
        RequestCode::CardNumberInText
    );
    // A number failing the Luhn check is not a card number.
    assert!("order 4242424242424241".parse::<Description>().is_ok());
}

/// stripe-facts §10.2: since 2024-01-02, `statement_descriptor` on a card PaymentIntent is
/// refused; the remedy is the suffix. Fields Stripe does not take on an op do not belong.
#[test]
fn statement_descriptor_on_a_card_payment_is_refused_support_article() {
    for op in [
        r#"{"op":"sale","amount":"12.00","currency":"usd","card":"saved","statement_descriptor":"ACME SHOP"}"#,
        r#"{"op":"capture","amount":"10.00","currency":"USD","authorized_amount":"10.00","authorized_at":"2026-11-01T10:00:00Z","at":"2026-11-02T09:00:00Z","statement_descriptor":"ACME SHOP"}"#,
    ] {
        let line = OperationLine::parse(op).unwrap();
        assert!(line.operation().is_ok());
        let err = line.check_request(None).unwrap_err();
        assert_eq!(err.code(), RequestCode::DescriptorOnCardPayment);
        assert!(err.remedy().contains("statement_descriptor_suffix"));
    }
    let refund = OperationLine::parse(r#"{"op":"refund","amount":"1.00","currency":"usd","captured_amount":"2.00","statement_descriptor_suffix":"REFUND"}"#).unwrap();
    let err = refund.operation().unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid operation: statement_descriptor_suffix does not belong to a refund"
    );
    let void = OperationLine::parse(r#"{"op":"void","metadata":{"a":"b"}}"#).unwrap();
    assert_eq!(void.operation().unwrap_err().field_name(), Some("metadata"));
    let void = OperationLine::parse(r#"{"op":"void","idempotency_key":"k"}"#).unwrap();
    assert!(void.operation().is_ok());
}

/// The fast path and the serde visitor read the request fields alike (escapes take the
/// visitor), and the suffix is checked against the account's prefix.
#[test]
fn lines_with_request_fields_parse_and_check_on_both_paths() {
    let gateway_json = r#"{"name":"Stripe","version":"v2","mode":"test","auth":{"scheme":"api_key","secret_key":"sk_test_4eC39HqLyjWDarjtT1zdp7dc"},"account":{"settlement_currency":"USD","raw_card_data_access":true,"statement_descriptor":"ACME BILLING"},"data_protection":"token_only","card_brands":["visa"],"currencies":[{"currency":"USD","minimum_payment":"0.5"}]}"#;
    let loaded = Form::from_json(gateway_json).unwrap();
    let gateway = loaded
        .validate(&loaded.profile())
        .unwrap()
        .into_gateway()
        .unwrap();
    let prefix = gateway.statement_descriptor_prefix().unwrap();
    assert_eq!(prefix.as_str(), "ACME BILLI");
    for (line, expected) in [
        (
            r#"{"op":"sale","amount":"12.00","currency":"usd","card":"saved","statement_descriptor_suffix":"ORDER 1234","metadata":{"order_id":"A-1","plan":"pro"},"description":"Pro plan","idempotency_key":"k-1"}"#,
            None,
        ),
        (
            r#"{"op":"sale","amount":"12.00","currency":"usd","card":"saved","statement_descriptor_suffix":"ORDER 12345","metadata":{}}"#,
            Some(RequestCode::SuffixTooLong),
        ),
        (
            r#"{"op":"sale","amount":"12.00","currency":"usd","card":"saved","metadata":{"order\u005fid":"A-1","n":"4242\u00204242 4242 4242"}}"#,
            Some(RequestCode::CardNumberInText),
        ),
        (
            r#"{ "op" : "sale" , "amount":"12.00","currency":"usd","card":"saved","metadata" : { "a" : "b" } }"#,
            None,
        ),
    ] {
        let parsed = OperationLine::parse(line).unwrap();
        assert!(parsed.operation().is_ok(), "{line}");
        assert_eq!(
            parsed.check_request(Some(prefix)).err().map(|e| e.code()),
            expected,
            "{line}"
        );
    }
    // A descriptor's rules reach the configuration's account at its path.
    let bad = gateway_json.replace("ACME BILLING", "ACME™");
    let loaded = Form::from_json(&bad).unwrap();
    let report = loaded.check(&loaded.profile());
    let v = report
        .errors()
        .find(|v| *v.path() == "account.statement_descriptor")
        .unwrap();
    assert_eq!(v.param("reason"), Some("descriptor_not_latin"));
}

/// stripe-facts §10.5: "The idempotency layer compares incoming parameters to those of the
/// original request and errors if they're not the same": the later line is refused, naming
/// the earlier one; the same parameters (metadata in any order) are a retry.
#[test]
fn a_reused_idempotency_key_is_refused_on_the_later_line_idempotency_page() {
    let mut ledger = IdempotencyLedger::new(100);
    let first = OperationLine::parse(r#"{"op":"sale","amount":"12.00","currency":"usd","card":"saved","metadata":{"a":"1","b":"2"},"idempotency_key":"inv-7","id":"x1"}"#).unwrap();
    let retry = OperationLine::parse(r#"{"id":"x2","op":"sale","amount":"12.00","currency":"usd","card":"saved","metadata":{"b":"2","a":"1"},"idempotency_key":"inv-7"}"#).unwrap();
    let other = OperationLine::parse(r#"{"op":"sale","amount":"13.00","currency":"usd","card":"saved","metadata":{"a":"1","b":"2"},"idempotency_key":"inv-7"}"#).unwrap();
    assert_eq!(first.record_key(&mut ledger, 4), Ok(None));
    let warning = retry.record_key(&mut ledger, 9).unwrap().unwrap();
    assert_eq!(
        (warning.code(), warning.earlier_line()),
        (RequestCode::IdempotencyKeyRetried, Some(4))
    );
    assert!(warning.is_warning());
    let err = other.record_key(&mut ledger, 12).unwrap_err();
    assert_eq!(
        (err.code(), err.earlier_line()),
        (RequestCode::IdempotencyKeyReused, Some(4))
    );
    assert_eq!(ledger.len(), 1);
}

/// Every request code is in the catalogue, in its family, with a remedy, by construction.
#[test]
fn request_codes_are_in_the_catalogue() {
    for code in RequestCode::ALL {
        let row = catalogue().find(|r| r.code == code.as_str() && r.family == Family::Request);
        assert!(row.is_some(), "{code}");
    }
}

/// stripe-facts §10.3: metadata read as written (no escapes) is scanned as a whole first; a
/// card number or a secret in any pair is still found at its position, and digits split
/// across pairs are not taken for a card number.
#[test]
fn metadata_scanned_whole_finds_each_pair_api_metadata() {
    let line = |metadata: &str| {
        format!(
            r#"{{"op":"refund","amount":"1.00","currency":"usd","captured_amount":"2.00","metadata":{metadata}}}"#
        )
    };
    for (metadata, expected) in [
        (
            r#"{"a":"1","b":"2","c":"4242-4242-4242-4242"}"#,
            Some("metadata value 3 holds a card number"),
        ),
        (
            r#"{"a":"1","whsec_x":"2"}"#,
            Some("metadata key 2 holds a Stripe secret"),
        ),
        (r#"{"a":"4242424242","b":"424242"}"#, None),
        (r#"{"sk":"_live_x"}"#, None),
    ] {
        let text = line(metadata);
        let parsed = OperationLine::parse(&text).unwrap();
        let got = parsed.check_request(None).err().map(|e| e.to_string());
        assert_eq!(got.as_deref(), expected, "{metadata}");
    }
}

/// rules §11 and §13 (issue 20): where the platform's form has no field for the account's
/// settings (PortaBilling, Konnektive), a bad statement descriptor is the Stripe account's own
/// setting: a warning naming the Dashboard setting, as for raw card data access; on a form
/// that has the account's settings (`generic`) it is an error.
#[test]
fn a_bad_account_descriptor_is_a_warning_where_the_form_has_no_such_field() {
    let portabilling = include_str!("../examples/configs/billing-run.json");
    let descriptor = "\"statement_descriptor\": \"ACME BILLING\"";
    assert!(
        portabilling.contains(descriptor),
        "the example states a descriptor"
    );
    let bad = portabilling.replacen(descriptor, "\"statement_descriptor\": \"ACME*BILLING\"", 1);
    let loaded = Form::from_json(&bad).unwrap();
    let report = loaded.check(&loaded.profile());
    let v = report
        .violations()
        .iter()
        .find(|v| *v.path() == "account.statement_descriptor")
        .unwrap_or_else(|| panic!("{report}"));
    assert_eq!(
        v.severity(),
        stripe_gateway_rules::Severity::Warning,
        "{report}"
    );
    assert_eq!(v.param("setting"), Some("Statement descriptor"));
    assert!(
        v.message()
            .contains("the portabilling form has no field for it"),
        "{v}"
    );
    assert!(
        v.remedy().unwrap().starts_with("in the Stripe Dashboard"),
        "{v}"
    );
    assert!(report.is_valid(), "{report}");
    // The same descriptor on the generic form, which has the account's settings: an error.
    let generic = bad.replacen(
        "\"platform\": \"portabilling\"",
        "\"platform\": \"generic\"",
        1,
    );
    let loaded = Form::from_json(&generic).unwrap();
    let report = loaded.check(&loaded.profile());
    assert!(
        report
            .errors()
            .any(|v| *v.path() == "account.statement_descriptor"),
        "{report}"
    );
}

/// stripe-facts §10.1 (issue 20): a platform holding typed values gives the account's
/// descriptor settings to a `GatewayDraft`; without a prefix, Stripe's fallback (the static
/// descriptor cut to 10 characters) is the validated gateway's prefix, as for a form.
#[test]
fn a_draft_carries_the_account_descriptor_with_stripes_fallback() {
    use stripe_gateway_rules::config::GatewayDraft;
    use stripe_gateway_rules::credentials::AuthScheme;
    use stripe_gateway_rules::{Currency, Decimal, Money, Platform};
    let mut draft = GatewayDraft::new(
        "Stripe USD",
        AuthScheme::api_key("sk_test_4eC39HqLyjWDarjtT1zdp7dc".parse().unwrap()),
    );
    draft.version = Some(stripe_gateway_rules::version::GatewayVersion::V2);
    draft.mode = Some(stripe_gateway_rules::credentials::Mode::Test);
    draft.settlement_currency = Some(Currency::USD);
    draft.card_brands = vec![stripe_gateway_rules::card_brand::CardBrand::Visa];
    draft.minimums = vec![(Money::new(Decimal::new(50, 2), Currency::USD), None)];
    draft.statement_descriptor = Some("ACME BILLING SERVICES".parse().unwrap());
    let generic = Platform::Generic.profile();
    let form = draft.validate(&generic).unwrap_or_else(|r| panic!("{r}"));
    let gateway = form.gateway().expect("a payment gateway");
    assert_eq!(
        gateway
            .statement_descriptor_prefix()
            .map(ToString::to_string),
        Some("ACME BILLI".to_owned())
    );
    draft.statement_descriptor_prefix = Some("ACME".parse().unwrap());
    let form = draft.validate(&generic).unwrap_or_else(|r| panic!("{r}"));
    assert_eq!(
        form.gateway()
            .and_then(|g| g.statement_descriptor_prefix())
            .map(ToString::to_string),
        Some("ACME".to_owned())
    );
}
