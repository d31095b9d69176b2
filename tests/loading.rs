//! Loading a configuration from JSON, field by field: issue 10 ("Field-level, not
//! file-level") and the parts of issue 9 about the loader's messages; rules.md §10 (the
//! platforms' forms) and §1 (no secret in any output).
//!
//! Only a text that is not UTF-8, not JSON, not an object at the top, too deep or too large
//! fails as a whole; every other problem is a violation at its path in `validate`'s report.
#![cfg(feature = "serde")]

use proptest::prelude::*;
use serde_json::{Value, json};
use stripe_gateway_rules::ViolationCode;
use stripe_gateway_rules::{codes::ConfigFileCode, config::Form, diagnostics::Report};

/// A valid live V2 configuration (S4's USD example, rules.md §6).
fn base() -> Value {
    json!({
        "name": "Stripe USD",
        "version": "v2",
        "mode": "live",
        "auth": { "scheme": "api_key", "secret_key": "sk_live_4eC39HqLyjWDarjtT1zdp7dc" },
        "publishable_key": "pk_live_TYooMQauvdEDq54NiTphI7jx",
        "account": { "settlement_currency": "USD" },
        "card_brands": ["visa", "mastercard"],
        "currencies": [{ "currency": "USD", "minimum_payment": "0.50" }],
        "return_url": "https://shop.example/3ds-return",
        "live_card_tested": true
    })
}

/// `base()` with the value at a JSON pointer set (added when absent).
fn with(pointer: &str, value: Value) -> String {
    let mut config = base();
    let (parent, last) = pointer.rsplit_once('/').expect("a JSON pointer");
    match config.pointer_mut(parent).expect("a field of base()") {
        Value::Object(members) => {
            members.insert(last.to_owned(), value);
        }
        Value::Array(items) => items[last.parse::<usize>().unwrap()] = value,
        _ => panic!("{pointer} is not inside an object or list of base()"),
    }
    config.to_string()
}

/// Every finding of the file under its own profile: the load report merged with the form's.
fn report(json: &str) -> Report {
    let loaded = Form::from_json(json).expect("read field by field");
    loaded.check(&loaded.profile())
}

/// (path, code) of every violation, in order.
fn codes(report: &Report) -> Vec<(String, String)> {
    report
        .violations()
        .iter()
        .map(|v| (v.path().to_string(), v.code().to_string()))
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(p, c)| ((*p).to_owned(), (*c).to_owned()))
        .collect()
}

#[test]
fn the_base_configuration_is_valid() {
    assert!(report(&base().to_string()).is_empty());
}

// ---- wrong type at its path, with a remedy (issue 10) ----------------------------------------

/// rules §10: a value of the wrong JSON type is `wrong_type` at its path, with a remedy.
#[test]
fn wrong_type_is_a_violation_at_its_path_with_a_remedy() {
    let r = report(&with("/existing", json!("yes")));
    assert_eq!(codes(&r), pairs(&[("existing", "wrong_type")]));
    let v = &r.violations()[0];
    assert_eq!(
        v.message(),
        "existing is a string, \"yes\", expected true or false such as false"
    );
    assert_eq!(v.remedy(), Some("write true or false, without quotes"));

    let r = report(&with("/live_card_tested", json!("true")));
    assert_eq!(
        r.violations()[0].remedy(),
        Some("write true without quotes")
    );

    let r = report(&with("/currencies/0/minimum_payment", json!(true)));
    assert_eq!(
        codes(&r),
        pairs(&[("currencies[0].minimum_payment", "wrong_type")])
    );
    assert_eq!(
        r.violations()[0].message(),
        "currencies[0].minimum_payment is a boolean (true), expected a decimal string such as \"0.50\""
    );
    assert_eq!(
        r.violations()[0].remedy(),
        Some("write currencies[0].minimum_payment as a decimal string, for example \"0.50\"")
    );

    let r = report(&with("/card_brands", json!("visa")));
    assert_eq!(codes(&r), pairs(&[("card_brands", "wrong_type")]));
    assert_eq!(
        r.violations()[0].message(),
        "card_brands is a string, \"visa\", expected a list of strings such as [\"visa\", \"mastercard\"]"
    );
}

/// rules §10: `wrong_type` is the one finding at its path: validation adds nothing there.
#[test]
fn wrong_type_replaces_what_validation_would_say_at_the_same_path() {
    // A required field of the wrong type is not also "missing".
    let r = report(&with("/mode", json!(1)));
    assert_eq!(codes(&r), pairs(&[("mode", "wrong_type")]));
    // A list element of the wrong type keeps the indexes of the others.
    let r = report(&with("/card_brands", json!(["visa", 3, "Visa"])));
    assert_eq!(
        codes(&r),
        pairs(&[
            ("card_brands[1]", "wrong_type"),
            ("card_brands[2]", "invalid_value")
        ])
    );
    let r = report(&with(
        "/currencies",
        json!(["USD", { "currency": "EUR", "minimum_payment": 0.4 }]),
    ));
    let got = codes(&r);
    assert_eq!(got[0], ("currencies[0]".into(), "wrong_type".into()));
    assert!(
        got.iter()
            .any(|(p, _)| p.starts_with("currencies[1].minimum_payment")),
        "{r}"
    );
    assert!(
        !got.iter()
            .any(|(p, c)| p.starts_with("currencies[0].") && c != "wrong_type")
    );
    // An object of the wrong type.
    let r = report(&with("/auth", json!("sk_test_4eC39HqLyjWDarjtT1zdp7dc")));
    assert_eq!(codes(&r), pairs(&[("auth", "wrong_type")]));
    // null is an absent field.
    let r = report(&with("/return_url", Value::Null));
    assert_eq!(codes(&r), pairs(&[("return_url", "return_url_required")]));
}

// ---- unknown field, with the closest name; every other problem still reported ----------------

/// rules §10: an unknown field is `unknown_field` with the closest known name, and other problems
/// are still reported. Issue 19: the field it meant is not also `missing_field`: one error
/// says it all.
#[test]
fn unknown_field_with_suggestion_and_other_problems_still_reported() {
    let mut config = base();
    let top = config.as_object_mut().unwrap();
    let name = top.remove("name").unwrap();
    top.insert("nmae".into(), name);
    top.insert("version".into(), json!("v3"));
    top.insert("colour".into(), json!("blue"));
    config["currencies"][0] = json!({ "currency": "USD", "minimum_paymnet": "0.50" });
    let r = report(&config.to_string());
    assert_eq!(
        codes(&r),
        pairs(&[
            ("version", "invalid_value"),
            ("currencies[0].minimum_paymnet", "unknown_field"),
            ("colour", "unknown_field"),
            ("nmae", "unknown_field"),
        ])
    );
    // The same violations are the load report beside the form, in the order of the file
    // (`json!` writes its keys sorted).
    let loaded = Form::from_json(&config.to_string()).unwrap();
    let kept: Vec<String> = loaded
        .load_report()
        .violations()
        .iter()
        .map(|v| v.path().to_string())
        .collect();
    assert_eq!(kept, ["colour", "currencies[0].minimum_paymnet", "nmae"]);
    let nmae = r.violations().iter().find(|v| v.path() == "nmae").unwrap();
    assert_eq!(
        nmae.message(),
        "unknown field \"nmae\" in the configuration; did you mean `name`?"
    );
    assert_eq!(nmae.param("did_you_mean"), Some("name"));
    assert_eq!(nmae.remedy(), Some("rename it to name, or remove it"));
    let paymnet = r
        .violations()
        .iter()
        .find(|v| v.path() == "currencies[0].minimum_paymnet")
        .unwrap();
    assert!(
        paymnet
            .message()
            .ends_with("in currencies[0]; did you mean `minimum_payment`?"),
        "{}",
        paymnet.message()
    );
    let colour = r
        .violations()
        .iter()
        .find(|v| v.path() == "colour")
        .unwrap();
    assert_eq!(colour.param("did_you_mean"), None);
    assert!(
        colour
            .remedy()
            .unwrap()
            .starts_with("remove it; the configuration takes platform, name, login, version, mode"),
        "{colour:?}"
    );
}

/// rules §10: a field of another object is `unknown_field` with the object it belongs in.
#[test]
fn unknown_field_of_another_object_says_where_it_belongs() {
    let mut config = base();
    let top = config.as_object_mut().unwrap();
    top.insert("settlement_currency".into(), json!("USD"));
    top.insert("minimum_payment".into(), json!("0.50"));
    config["auth"]["mode"] = json!("live");
    let r = report(&config.to_string());
    // In the file format's field order (names it knows rank by their place in it).
    let said: Vec<(String, &str, Option<&str>)> = r
        .with_code(ViolationCode::UnknownField)
        .map(|v| (v.path().to_string(), v.message(), v.param("belongs_in")))
        .collect();
    assert_eq!(
        said,
        [
            (
                "auth.mode".to_owned(),
                "unknown field \"mode\" in auth; it belongs in the top level of the configuration",
                Some("the top level of the configuration")
            ),
            (
                "settlement_currency".to_owned(),
                "unknown field \"settlement_currency\" in the configuration; it belongs in account",
                Some("account")
            ),
            (
                "minimum_payment".to_owned(),
                "unknown field \"minimum_payment\" in the configuration; it belongs in each entry of currencies",
                Some("each entry of currencies")
            ),
        ]
    );
    let moved = r.with_code(ViolationCode::UnknownField).next().unwrap();
    assert_eq!(
        moved.remedy(),
        Some("move it into the top level of the configuration")
    );
}

/// rules §10: a repeated field is `duplicate_field`, and the last value is used.
#[test]
fn duplicate_field_is_a_violation_and_the_last_one_is_used() {
    let json = r#"{"name": "a", "name": "Stripe USD", "version": "v2"}"#;
    let loaded = Form::from_json(json).unwrap();
    assert_eq!(
        loaded.form().gateway().unwrap().name.as_deref(),
        Some("Stripe USD")
    );
    let r = loaded.validate(&loaded.profile()).unwrap_err();
    let dup: Vec<_> = r.with_code(ViolationCode::DuplicateField).collect();
    assert_eq!(dup.len(), 1);
    assert_eq!(dup[0].path(), "name");
    assert_eq!(
        dup[0].message(),
        "name is given more than once; the last one is used"
    );
}

// ---- BOM ------------------------------------------------------------------------------------

/// rules §10: a byte order mark before the object is accepted.
#[test]
fn bom_accepted() {
    let json = format!("\u{feff}{}", base());
    assert!(report(&json).is_empty());
    let loaded = Form::from_json_slice(json.as_bytes()).unwrap();
    assert!(loaded.validate(&loaded.profile()).is_ok());
    // Positions are counted after the mark, as an editor shows them.
    let err = Form::from_json("\u{feff}{\"name\" 1}").unwrap_err();
    assert_eq!((err.line(), err.column()), (1, 9));
}

// ---- keywords with other capitals: refused with the keyword to use (decision, text.rs) ------

/// rules §10: a keyword typed with capitals is refused, and the message names the keyword.
#[test]
fn capitals_refused_with_the_keyword() {
    let cases = [
        (
            "/mode",
            "Live",
            "mode",
            "expected a mode, `test` or `live`, found \"Live\"; did you mean `live`?",
        ),
        (
            "/mode",
            " test",
            "mode",
            "expected a mode, `test` or `live`, found \" test\"; did you mean `test`?",
        ),
        (
            "/card_brands/1",
            "MasterCard",
            "card_brands[1]",
            "did you mean `mastercard`?",
        ),
        (
            "/card_brands/0",
            "Visa",
            "card_brands[0]",
            "did you mean `visa`?",
        ),
        (
            "/version",
            "v2 ",
            "version",
            "expected a gateway version, `v1` or `v2`, found \"v2 \"; did you mean `v2`?",
        ),
    ];
    for (pointer, typed, path, message) in cases {
        let r = report(&with(pointer, json!(typed)));
        let v = &r.violations()[0];
        assert_eq!(v.path(), path, "{typed}: {r}");
        assert_eq!(v.code(), "invalid_value", "{typed}");
        assert!(v.message().ends_with(message), "{typed}: {}", v.message());
    }
    let mut config = base();
    config["data_protection"] = json!("Token-Only");
    config["account"]["raw_card_data_access"] = json!(true);
    let r = report(&config.to_string());
    let v = r
        .violations()
        .iter()
        .find(|v| v.path() == "data_protection")
        .unwrap();
    assert!(
        v.message().ends_with("did you mean `token_only`?"),
        "{}",
        v.message()
    );
    // Other words get no suggestion.
    let r = report(&with("/mode", json!("production")));
    assert!(!r.violations()[0].message().contains("did you mean"));
}

// ---- numbers: an amount or rate must be quoted, a whole number is read exactly --------------

/// rules §10 and issue 19 ("the loader and the schema disagree"): an amount or rate written as
/// a JSON number is refused at its path (`wrong_type`) with the remedy to quote it, never read
/// through a float; the schema types it as a string too.
#[test]
fn json_number_amounts_are_refused_with_the_remedy_to_quote_them() {
    for number in [
        "0.5",
        "1e-2",
        "0.30000000000000004",
        "12345678901234567890.12",
        "1e400",
    ] {
        let json = base().to_string().replace("\"0.50\"", number);
        let r = report(&json);
        assert_eq!(
            codes(&r),
            pairs(&[("currencies[0].minimum_payment", "wrong_type")]),
            "{number}"
        );
        assert_eq!(
            r.violations()[0].message(),
            "currencies[0].minimum_payment is a number, expected a decimal string such as \"0.50\""
        );
        assert_eq!(
            r.violations()[0].remedy(),
            Some("write the minimum payment as a quoted decimal string such as \"0.50\"")
        );
        // Not read: the form holds no minimum.
        let loaded = Form::from_json(&json).unwrap();
        let form = loaded.form().gateway().unwrap();
        assert_eq!(form.currencies.as_ref().unwrap()[0].minimum_payment, None);
    }
    let json = r#"{"currencies": [{"currency": "USD", "minimum_payment": "0.50", "rate_to_settlement": 1.09}]}"#;
    let r = report(json);
    let rate = r
        .violations()
        .iter()
        .find(|v| *v.path() == "currencies[0].rate_to_settlement")
        .expect("the rate is refused");
    assert_eq!(rate.code().to_string(), "wrong_type");
    assert_eq!(
        rate.remedy(),
        Some(
            "write the exchange rate to the settlement currency as a quoted decimal string such as \"1.09\""
        )
    );
    // A number where text belongs is a wrong type, not a conversion.
    let r = report(&with("/currencies/0/currency", json!(840)));
    assert_eq!(
        codes(&r),
        pairs(&[("currencies[0].currency", "wrong_type")])
    );
}

/// rules §10: a whole number (`timeout_ms`, `max_minor_units`) written as a JSON number is read
/// exactly from its text, never through a float, or refused at its path when it has too many
/// digits to read.
#[test]
fn json_number_whole_numbers_exact_or_refused_at_path() {
    let timeout = |json: &str| {
        let loaded = Form::from_json(json).unwrap();
        loaded.form().connection().unwrap().timeout_ms.clone()
    };
    for (number, text) in [
        ("30000", "30000"),
        ("3e4", "30000"),
        ("2E1", "20"),
        ("12345678901234567890", "12345678901234567890"),
        ("1.5", "1.5"),
    ] {
        let json = format!(r#"{{"platform": "ipaas_connector", "timeout_ms": {number}}}"#);
        assert_eq!(timeout(&json).as_deref(), Some(text), "{number}");
    }
    let json = r#"{"platform": "ipaas_connector", "timeout_ms": 1e400}"#;
    let loaded = Form::from_json(json).unwrap();
    let r = loaded.load_report();
    assert_eq!(codes(r), pairs(&[("timeout_ms", "invalid_value")]));
    assert_eq!(
        r.violations()[0].message(),
        "timeout_ms is a number with too many digits to read exactly"
    );
    assert_eq!(
        r.violations()[0].remedy(),
        Some("write the timeout as a whole number such as 30000")
    );
}

// ---- the whole-file errors ------------------------------------------------------------------

/// rules §10: a whole-file error has its line and column, in its JSON too.
#[test]
fn whole_file_error_line_column_serialized() {
    let err = Form::from_json("{\n  \"name\": \"x\"\n  \"mode\": \"test\"\n}").unwrap_err();
    assert_eq!(err.code(), ConfigFileCode::NotJson);
    let value = serde_json::to_value(&err).unwrap();
    assert_eq!(
        value,
        json!({
            "code": "not_json",
            "line": 3,
            "column": 3,
            "message": err.message(),
        })
    );
    assert!(
        err.to_string()
            .starts_with("not a gateway configuration: line 3, column 3: not valid JSON here"),
        "{err}"
    );
}

/// rules §10: only a file that cannot be a configuration fails as a whole.
#[test]
fn whole_file_errors_are_only_for_unreadable_files() {
    let kind = |json: &str| Form::from_json(json).unwrap_err().code();
    assert_eq!(kind(""), ConfigFileCode::NotJson);
    assert_eq!(kind("name = stripe"), ConfigFileCode::NotAnObject);
    assert_eq!(kind("  [1, 2]"), ConfigFileCode::NotAnObject);
    assert_eq!(kind("{\"name\": "), ConfigFileCode::Truncated);
    assert_eq!(kind("{} {}"), ConfigFileCode::NotJson);
    assert_eq!(kind("{\"a\": 1,}"), ConfigFileCode::NotJson);
    let deep = format!("{{\"name\": {}{}}}", "[".repeat(100), "]".repeat(100));
    let err = Form::from_json(&deep).unwrap_err();
    assert_eq!(
        (err.code(), err.line(), err.column()),
        (ConfigFileCode::TooDeep, 1, 73)
    );
    let huge = format!("{{\"name\": \"{}\"}}", "a".repeat(2 << 20));
    let err = Form::from_json(&huge).unwrap_err();
    assert_eq!(
        (err.code().as_str(), err.line(), err.column()),
        ("too_large", 0, 0)
    );
    let err = Form::from_json_slice(b"{\n \"name\": \"\xff\"}").unwrap_err();
    assert_eq!(
        (err.code().as_str(), err.line(), err.column()),
        ("not_utf8", 2, 11)
    );
    let err = Form::from_json("  \n  7").unwrap_err();
    assert_eq!(
        (err.code().as_str(), err.line(), err.column()),
        ("not_an_object", 2, 3)
    );
    // Nesting inside an unknown field, under the limit, is only an unknown field.
    let nested = format!("{{\"extra\": {}{}}}", "[".repeat(60), "]".repeat(60));
    let r = report(&nested);
    assert!(r.has(ViolationCode::UnknownField));
}

// ---- secrets never echoed (issue 9) ---------------------------------------------------------

/// Every way a secret is pasted: bare, quoted, after a space, after `Bearer `, upper-case.
fn pasted(secret: &str) -> Vec<String> {
    vec![
        secret.to_owned(),
        format!("\"{secret}\""),
        format!(" {secret}"),
        format!("Bearer {secret}"),
        secret.to_uppercase(),
    ]
}

/// Every field of the format, by JSON pointer (objects and lists included: a secret there is
/// a value of the wrong type).
const POINTERS: &[&str] = &[
    "/name",
    "/version",
    "/mode",
    "/existing",
    "/auth",
    "/auth/scheme",
    "/auth/secret_key",
    "/auth/account_id",
    "/auth/client_id",
    "/auth/client_secret",
    "/auth/refresh_token",
    "/auth/account_name",
    "/publishable_key",
    "/account",
    "/account/settlement_currency",
    "/account/raw_card_data_access",
    "/account/country",
    "/data_protection",
    "/card_brands",
    "/card_brands/0",
    "/currencies",
    "/currencies/0",
    "/currencies/0/currency",
    "/currencies/0/minimum_payment",
    "/currencies/0/rate_to_settlement",
    "/return_url",
    "/radar",
    "/live_card_tested",
];

/// Every output of loading and validating `json`.
fn outputs(json: &str) -> Vec<String> {
    match Form::from_json(json) {
        Err(e) => vec![
            e.to_string(),
            format!("{e:?}"),
            serde_json::to_string(&e).unwrap(),
        ],
        Ok(loaded) => {
            let mut out = vec![format!("{loaded:?}")];
            let report = match loaded.validate(&loaded.profile()) {
                Ok(form) => {
                    out.push(format!("{form:?}"));
                    form.report()
                }
                Err(report) => report,
            };
            out.push(report.to_string());
            out.push(format!("{report:?}"));
            out.push(serde_json::to_string(&report).unwrap());
            for v in report.violations() {
                out.push(v.path().to_string());
                out.push(v.message().to_owned());
                out.extend(v.remedy().map(str::to_owned));
                out.extend(v.params().map(|(_, value)| value.to_owned()));
            }
            out
        }
    }
}

fn leaks(outputs: &[String], body: &str) -> Option<String> {
    let lower: Vec<String> = outputs.iter().map(|o| o.to_lowercase()).collect();
    let body = body.to_lowercase();
    (0..=body.len().saturating_sub(12))
        .map(|i| &body[i..i + 12])
        .find_map(|window| lower.iter().find(|o| o.contains(window)).cloned())
}

fn secret() -> impl Strategy<Value = (String, String)> {
    (
        prop::sample::select(vec!["sk_live_", "rk_live_"]),
        "[A-Za-z0-9]{24,99}",
    )
        .prop_map(|(prefix, body)| (format!("{prefix}{body}"), body))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// rules §1: a secret pasted into any field never appears in the report.
    #[test]
    fn secrets_pasted_into_any_field_never_appear(
        (secret, body) in secret(),
        how in 0usize..5,
        pointer in prop::sample::select(POINTERS),
    ) {
        let value = pasted(&secret).swap_remove(how);
        let json = with(pointer, Value::String(value));
        if let Some(leak) = leaks(&outputs(&json), &body) {
            prop_assert!(false, "{pointer}: {leak}");
        }
    }

    /// rules §1: a secret as an unknown field's name never appears in the report.
    #[test]
    fn secrets_as_unknown_field_names_never_appear(
        (secret, body) in secret(),
        how in 0usize..5,
        inside in prop::sample::select(vec!["", "/auth", "/account", "/currencies/0"]),
    ) {
        let name = pasted(&secret).swap_remove(how);
        let mut config = base();
        let object = config.pointer_mut(inside).unwrap().as_object_mut().unwrap();
        object.insert(name, json!(1));
        let json = config.to_string();
        if let Some(leak) = leaks(&outputs(&json), &body) {
            prop_assert!(false, "{inside}: {leak}");
        }
    }

    /// rules §1: a secret in a file that cannot be read never appears in its error.
    #[test]
    fn secrets_in_unreadable_files_never_appear((secret, body) in secret(), how in 0usize..5) {
        let value = pasted(&secret).swap_remove(how);
        for json in [
            format!("{{\"name\": {value}}}"),
            format!("{{{value}: 1}}"),
            value.clone(),
            format!("{{\"name\": \"{value}\""),
        ] {
            if let Some(leak) = leaks(&outputs(&json), &body) {
                prop_assert!(false, "{json}: {leak}");
            }
        }
    }
}

// ---- no panic on arbitrary JSON -------------------------------------------------------------

/// Field names of the format and others, so generated files reach every branch.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "name",
            "version",
            "mode",
            "existing",
            "auth",
            "scheme",
            "secret_key",
            "account",
            "settlement_currency",
            "raw_card_data_access",
            "card_brands",
            "currencies",
            "currency",
            "minimum_payment",
            "rate_to_settlement",
            "return_url",
            "radar",
            "live_card_tested",
            "data_protection",
            "publishable_key",
        ])
        .prop_map(str::to_owned),
        "\\PC{0,12}",
    ]
}

fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "\\PC{0,16}".prop_map(Value::String),
        prop::sample::select(vec!["v2", "live", "USD", "0.50", "visa", "api_key"])
            .prop_map(|s| Value::String(s.to_owned())),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key(), inner), 0..6)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn proptest_no_panic_on_arbitrary_json(value in any_json(), number in "-?[0-9]{1,30}(\\.[0-9]{1,30})?([eE][+-]?[0-9]{1,6})?") {
        let text = value.to_string();
        let _ = outputs(&text);
        let json = format!(r#"{{"currencies": [{{"currency": "USD", "minimum_payment": {number}}}]}}"#);
        let _ = outputs(&json);
        // An object at the top is never a whole-file error.
        if value.is_object() {
            prop_assert!(Form::from_json(&text).is_ok());
        }
    }
}

/// Whether the keyword at `at` is refused as a value (not one of the choice's keywords, or a
/// brand no configuration may enable); a rule about the chosen value (`legacy_version` for
/// `v1`) is no refusal of the keyword.
fn refused(report: &Report, at: &str) -> bool {
    report.errors().any(|v| {
        *v.path() == at
            && (*v.code() == ViolationCode::InvalidValue || *v.code() == ViolationCode::WrongType)
    })
}

/// Issue 19, "schema can't drive an admin form": every keyword a closed choice of the form's
/// description lists (the `enum`s of the JSON Schema) is accepted by the checks at its path.
#[test]
fn every_keyword_of_a_closed_choice_is_accepted_by_the_checks() {
    use stripe_gateway_rules::config::schema::form;
    let mut checked = 0;
    for field in form() {
        let Some(choices) = field.choices() else {
            continue;
        };
        for keyword in choices {
            let name = field.name();
            let (value, at) = match name {
                "card_brands" => (json!([keyword]), "card_brands[0]"),
                _ => (json!(keyword), name),
            };
            let r = report(&with(&format!("/{name}"), value));
            assert!(!refused(&r, at), "{at} = {keyword}: {r}");
            checked += 1;
        }
    }
    let scheme = form()
        .into_iter()
        .find(|f| f.name() == "auth")
        .and_then(|auth| auth.fields().iter().find(|f| f.name() == "scheme").cloned())
        .expect("auth.scheme");
    for keyword in scheme.choices().unwrap() {
        let r = report(&with("/auth/scheme", json!(keyword)));
        assert!(!refused(&r, "auth.scheme"), "auth.scheme = {keyword}: {r}");
        checked += 1;
    }
    assert!(checked > 20, "{checked}");
}

/// Issue 19: a field the form's description marks required wherever its object is given (the
/// schema's nested `required`, typed without `null`) is reported missing by the checks when
/// it is absent, so the schema refuses no object the checks accept for that reason.
#[test]
fn every_field_required_in_its_object_is_reported_missing_by_the_checks() {
    use stripe_gateway_rules::config::schema::{FormField, Shape, form};
    fn walk(fields: &[FormField], pointer: &str, path: &str, out: &mut Vec<(String, String)>) {
        for field in fields {
            let (pointer, path) = (
                format!("{pointer}/{}", field.name()),
                if path.is_empty() {
                    field.name().to_owned()
                } else {
                    format!("{path}.{}", field.name())
                },
            );
            if field.required() {
                out.push((pointer.clone(), path.clone()));
            }
            match field.shape() {
                Shape::Object(inner) => walk(inner, &pointer, &path, out),
                Shape::Objects(inner) => {
                    walk(inner, &format!("{pointer}/0"), &format!("{path}[0]"), out)
                }
                _ => {}
            }
        }
    }
    let mut required = Vec::new();
    walk(&form(), "", "", &mut required);
    assert!(required.len() >= 7, "{required:?}");
    let mut full = base();
    full["account"]["limits"] = json!({
        "currency_max": [{ "currency": "VND", "max_minor_units": "999999999999" }],
        "brand_max": [{ "brand": "amex", "max_minor_units": "999999999" }],
        "minimums": [{ "currency": "USD", "minimum": "0.40" }],
    });
    assert!(
        report(&full.to_string()).is_valid(),
        "{}",
        report(&full.to_string())
    );
    for (pointer, path) in required {
        let (parent, name) = pointer.rsplit_once('/').unwrap();
        let mut config = full.clone();
        let object = config.pointer_mut(parent).and_then(Value::as_object_mut);
        let removed = object.and_then(|o| o.remove(name));
        assert!(
            removed.is_some(),
            "{pointer} is not in the test's configuration"
        );
        let r = report(&config.to_string());
        assert!(
            r.errors()
                .any(|v| *v.path() == *path && *v.code() == ViolationCode::MissingField),
            "{path} absent: {r}"
        );
    }
}

/// Issue 19, rules §10: a misspelt field is one error, its `unknown_field` with "did you
/// mean", not also `missing_field` for the field it meant, at the top level and inside an
/// object; a field that is missing without a misspelling is still `missing_field`.
#[test]
fn a_misspelt_field_is_one_error_not_also_missing_field() {
    let mut config = base();
    let top = config.as_object_mut().unwrap();
    let name = top.remove("name").unwrap();
    top.insert("Name".into(), name);
    config["auth"] =
        json!({ "scheme": "api_key", "secretkey": "sk_live_4eC39HqLyjWDarjtT1zdp7dc" });
    let r = report(&config.to_string());
    assert_eq!(
        codes(&r),
        pairs(&[
            ("auth.secretkey", "unknown_field"),
            ("Name", "unknown_field")
        ])
    );
    let meant: Vec<Option<&str>> = r
        .violations()
        .iter()
        .map(|v| v.param("did_you_mean"))
        .collect();
    assert_eq!(meant, [Some("secret_key"), Some("name")]);
    // Without a misspelling, the missing field is still reported.
    let mut config = base();
    config.as_object_mut().unwrap().remove("name");
    config["colour"] = json!("blue");
    assert_eq!(
        codes(&report(&config.to_string())),
        pairs(&[("name", "missing_field"), ("colour", "unknown_field")])
    );
}
