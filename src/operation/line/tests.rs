use proptest::prelude::*;

use super::{FIELDS, OperationLine};

/// A secret-looking value: a live secret key with a random body.
fn secret() -> impl Strategy<Value = String> {
    "[A-Za-z0-9]{16,40}".prop_map(|body| format!("sk_live_{body}"))
}

/// A value of any JSON type holding `secret`.
fn wrapped(secret: &str, shape: u8) -> String {
    match shape % 5 {
        0 => format!("\"{secret}\""),
        1 => format!("[\"{secret}\"]"),
        2 => format!("{{\"{secret}\":1}}"),
        3 => format!("\"\\u0073{}\"", &secret[1..]),
        _ => secret.to_owned(),
    }
}

proptest! {
    /// [rules §1](crate::rules#rules-1) (issue 9): whatever field a secret is pasted into, in whatever JSON type, the
    /// line's error never holds the secret's body: the messages are the crate's, never serde's.
    #[test]
    fn no_line_error_holds_a_pasted_secret(
        secret in secret(),
        field in 0..FIELDS.len(),
        shape in any::<u8>(),
        op in prop::sample::select(vec!["sale", "authorize", "capture", "refund", "void"]),
    ) {
        let body = &secret["sk_live_".len()..];
        let value = wrapped(&secret, shape);
        for line in [
            format!("{{\"op\":\"{op}\",\"{}\":{value}}}", FIELDS[field]),
            format!("{{\"op\":\"{op}\",\"{secret}\":true}}"),
            format!("{{\"op\":{value}}}"),
            value.clone(),
        ] {
            let error = match OperationLine::parse(&line) {
                Err(e) => e,
                Ok(parsed) => match parsed.operation() {
                    Err(e) => e,
                    Ok(_) => continue,
                },
            };
            let text = format!("{error} {error:?}");
            prop_assert!(!text.contains(body), "{line}: {text}");
            prop_assert!(!text.contains("invalid type"), "{line}: {text}");
        }
    }
}

/// Issue 13: the allowed-field masks say what the format's table says (the fields each
/// `op` takes besides `op`), in `present()` order.
#[test]
fn allowed_field_masks_match_the_format_table() {
    let table: [(&str, &[&str]); 7] = [
        (
            "sale",
            &["amount", "currency", "card", "customer_email", "brand"],
        ),
        (
            "authorize",
            &["amount", "currency", "card", "customer_email", "brand"],
        ),
        (
            "capture",
            &[
                "amount",
                "currency",
                "authorized_amount",
                "authorized_at",
                "at",
                "brand",
                "initiator",
                "presence",
                "extended",
                "capture_before",
            ],
        ),
        (
            "refund",
            &[
                "amount",
                "currency",
                "brand",
                "captured_amount",
                "refunded_amount",
            ],
        ),
        ("save_payment_method", &["customer_email"]),
        ("void", &[]),
        ("delete_payment_method", &[]),
    ];
    // `present()`'s order: the fields besides `op` (first), up to `id` (the request fields
    // after it have their own mask).
    let id = super::FIELDS.iter().position(|f| *f == "id").unwrap();
    let order = &super::FIELDS[1..id];
    assert_eq!(OperationLine::default().present(), 0);
    for (op, fields) in table {
        let mask = super::convert::allowed_fields(op).unwrap();
        for (i, name) in order.iter().enumerate() {
            assert_eq!(mask & (1 << i) != 0, fields.contains(name), "{op} {name}");
        }
        assert_eq!(mask >> order.len(), 0, "{op}");
    }
    assert_eq!(super::convert::allowed_fields("refunds"), None);
}

proptest! {
    /// Issue 13: the plain-amount fast path gives exactly `parse_amount`'s decimal
    /// (mantissa, scale and sign: the 16 bytes of its representation) wherever it answers,
    /// and answers for every plain `digits[.digits]` of at most 19 characters.
    #[test]
    fn plain_amount_is_parse_amount(text in "-?[0-9]{0,20}(\\.[0-9]{0,20})?|[0-9.+e -]{0,6}") {
        let fast = super::convert::plain_amount(&text);
        let slow = crate::money::parse_amount(&text);
        if let Some(fast) = fast {
            prop_assert_eq!(Ok(fast.serialize()), slow.map(|d| d.serialize()), "{}", text);
        } else {
            let plain = !text.is_empty()
                && text.len() <= 19
                && text.bytes().filter(|&b| b == b'.').count() <= 1
                && text.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                && !text.starts_with('.')
                && !text.ends_with('.');
            prop_assert!(!plain, "{} has the plain form but took the slow path", text);
        }
    }

    /// Issue 13: the `YYYY-MM-DDTHH:MM:SSZ` fast path gives exactly jiff's instant
    /// wherever it answers, including invalid dates (which it leaves to jiff), and it
    /// answers for every valid time of that form from 1000 to 9998.
    #[test]
    fn plain_utc_time_is_jiffs(
        year in prop_oneof![0i64..10_000, 1968i64..2104],
        month in 0i64..14,
        day in 0i64..33,
        hour in 0i64..25,
        minute in 0i64..61,
        second in 0i64..61,
        suffix in prop::sample::select(vec!["Z", "z", "+00:00", "Z ", ""]),
    ) {
        let text = format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}{suffix}");
        let slow = text.parse::<jiff::Timestamp>().ok();
        match super::convert::plain_utc_time(&text) {
            Some(fast) => prop_assert_eq!(Some(fast), slow, "{}", text),
            None => prop_assert!(
                slow.is_none() || suffix != "Z" || !(1000..=9998).contains(&year) || second == 60,
                "{} is valid and plain but took the slow path", text
            ),
        }
    }
}

/// Every field of a parsed line, for comparing two parses.
fn fields<'a>(l: &'a OperationLine<'_>) -> (Vec<Option<&'a str>>, Option<bool>, String) {
    let texts = [
        &l.op,
        &l.amount,
        &l.currency,
        &l.card,
        &l.customer_email,
        &l.authorized_amount,
        &l.authorized_at,
        &l.at,
        &l.brand,
        &l.initiator,
        &l.presence,
        &l.capture_before,
        &l.captured_amount,
        &l.refunded_amount,
    ];
    let id = match &l.id {
        None => "none".to_owned(),
        Some(super::LineId::Text(t)) => format!("text {t}"),
        Some(super::LineId::Number(n)) => format!("number {n}"),
    };
    // Issue 20: the request fields, read alike on both paths (metadata as its pairs).
    let r = &l.request;
    let metadata = match &r.metadata {
        None => "none".to_owned(),
        Some(super::request::MetadataText::Plain(text, _)) => {
            format!(
                "{:?}",
                super::request::plain_pairs(text).collect::<Vec<_>>()
            )
        }
        Some(super::request::MetadataText::Pairs(pairs)) => format!(
            "{:?}",
            pairs
                .iter()
                .map(|(k, v)| (k.as_ref(), v.as_ref()))
                .collect::<Vec<_>>()
        ),
        Some(super::request::MetadataText::NotString(n)) => format!("not a string {n}"),
        Some(super::request::MetadataText::NotObject) => "not an object".to_owned(),
    };
    // And what the request checks and the run-level fingerprint make of them (the fast path
    // settles plain metadata's check and hash while reading it).
    let prefix: crate::request::StatementDescriptorPrefix = "ACME".parse().unwrap();
    let request = format!(
        "{id} {:?} {:?} {:?} {:?} {metadata} {:?} {:?} {:?}",
        r.statement_descriptor,
        r.statement_descriptor_suffix,
        r.description,
        r.idempotency_key,
        l.check_request(None).map_err(|e| (e.code(), e.to_string())),
        l.check_request(Some(&prefix)).map_err(|e| e.to_string()),
        l.fingerprint(),
    );
    (
        texts.iter().map(|t| t.as_deref()).collect(),
        l.extended,
        request,
    )
}

/// The serde visitor alone (what `parse` does when the fast path declines).
fn parse_with_serde(line: &str) -> Result<OperationLine<'_>, String> {
    OperationLine::parse_with_visitor(line).map_err(|e| e.to_string())
}

/// A line built from pieces that are mostly of the plain shape, with whitespace, escapes,
/// other JSON types, duplicates, unknown fields and cut-offs mixed in.
fn line_strategy() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        8 => prop::sample::select(FIELDS.to_vec()).prop_map(str::to_owned),
        1 => Just("opp".to_owned()),
        1 => Just("o\\u0070".to_owned()),
    ];
    let value = prop_oneof![
        6 => "[a-z0-9 .:@_-]{0,12}".prop_map(|v| format!("\"{v}\"")),
        1 => Just("\"a\\\"b\"".to_owned()),
        1 => Just("\"x\ty\"".to_owned()),
        1 => Just("\"caf\u{e9}\"".to_owned()),
        1 => prop::sample::select(vec!["true", "false", "null", "12", "-1.50", "[]", "{}", "tru"])
            .prop_map(str::to_owned),
        // Issue 20: metadata objects, plain, with escapes, with other types, cut short.
        2 => prop::sample::select(vec![
            "{\"a\":\"b\"}",
            "{ \"order_id\" : \"A-1\" , \"plan\":\"pro\" }",
            "{\"a\":\"b\\u0041\"}",
            "{\"a\":1}",
            "{\"a\":{\"b\":\"c\"}}",
            "{\"a\":\"b\",}",
            "{\"a\"}",
            "{\"a\":\"b\"",
            "{\"a\":\"b\",\"c\":\"d\"}",
            "{\"c\":\"d\",\"a\":\"b\"}",
            "{\"a\":\"b\",\"a\":\"c\"}",
            "{\"k\":\"4242 4242 4242 4242\"}",
            "{\"4242424242424242\":\"v\"}",
            "{\"k\":\"pi_1_secret_2\"}",
            "{\"[k]\":\"v\"}",
            "{\"\":\"v\"}",
            "{\"k\":\"\"}",
            "{\"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk\":\"v\"}",
            "{\"kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkké\":\"v\"}",
            "{\"1\":\"a\",\"2\":\"a\",\"3\":\"a\",\"4\":\"a\",\"5\":\"a\",\"6\":\"a\",\"7\":\"a\",\"8\":\"a\",\"9\":\"a\",\"1\":\"b\"}",
            "{\"1\":\"a\",\"2\":\"a\",\"3\":\"a\",\"4\":\"a\",\"5\":\"a\",\"6\":\"a\",\"7\":\"a\",\"8\":\"a\"}",
        ])
        .prop_map(str::to_owned),
    ];
    let ws = prop::sample::select(vec!["", "", "", " ", "\t", "\r\n", "\u{a0}"]);
    let member = (key, ws.clone(), value, ws.clone())
        .prop_map(|(k, w1, v, w2)| format!("\"{k}\"{w1}:{w2}{v}"));
    (
        ws.clone(),
        prop::sample::select(vec!["sale", "capture", "void", "refund"]),
        prop::collection::vec(member, 0..6),
        ws,
        prop::sample::select(vec!["", "", "", "x", ",", "}", "{"]),
        any::<prop::sample::Index>(),
        any::<bool>(),
    )
        .prop_map(|(w, op, members, w2, tail, cut, do_cut)| {
            let mut line = format!("{w}{{\"op\":\"{op}\"");
            for m in members {
                line.push(',');
                line.push_str(&m);
            }
            line.push_str(&format!("}}{w2}{tail}"));
            if do_cut {
                let mut at = cut.index(line.len() + 1);
                while !line.is_char_boundary(at) {
                    at -= 1;
                }
                line.truncate(at);
            }
            line
        })
}

proptest! {
    /// Issue 13: the serde-free fast path, where it answers, gives exactly the fields the
    /// serde visitor gives; where it declines, `parse` is the visitor. Either way `parse`
    /// and the visitor agree, results and errors.
    #[test]
    fn plain_parse_is_the_serde_visitors(line in line_strategy()) {
        let serde = parse_with_serde(&line);
        let mut fast = OperationLine::default();
        if OperationLine::parse_plain(&line, &mut fast).is_some() {
            let serde = serde.as_ref();
            prop_assert!(serde.is_ok(), "{}: fast path accepted, serde: {:?}", line, serde.err());
            prop_assert_eq!(fields(&fast), fields(serde.unwrap()), "{}", line);
        }
        match (OperationLine::parse(&line), &serde) {
            (Ok(a), Ok(b)) => prop_assert_eq!(fields(&a), fields(b)),
            (Err(a), Err(b)) => prop_assert_eq!(&a.to_string(), b),
            (a, b) => prop_assert!(false, "{}: parse {:?}, serde {:?}", line, a.map(|l| format!("{:?}", fields(&l))), b.as_ref().map(|l| format!("{:?}", fields(l)))),
        }
    }
}

/// A metadata object of plain strings made to break each metadata rule now and then: keys
/// repeated, empty, with brackets, at and past 40 characters (and bytes), values at and past
/// 500, card numbers and secrets, more keys than the fast path compares.
fn metadata_strategy() -> impl Strategy<Value = String> {
    let text = prop_oneof![
        6 => "[a-c_ 0-9-]{0,6}",
        1 => Just(String::new()),
        1 => Just("[k]".to_owned()),
        1 => Just("4242 4242 4242 4242".to_owned()),
        1 => Just("4242".to_owned()),
        1 => Just("sk_live_x".to_owned()),
        1 => Just("k".repeat(40)),
        1 => Just("k".repeat(41)),
        1 => Just(format!("{}é", "k".repeat(39))),
        1 => Just("v".repeat(500)),
        1 => Just("v".repeat(501)),
        1 => Just(format!("{}é", "v".repeat(499))),
    ];
    let ws = prop::sample::select(vec!["", "", " "]);
    prop::collection::vec((text.clone(), ws, text), 0..11).prop_map(|pairs| {
        let pairs: Vec<String> = pairs
            .iter()
            .map(|(k, w, v)| format!("\"{k}\"{w}:{w}\"{v}\""))
            .collect();
        format!("{{{}}}", pairs.join(","))
    })
}

proptest! {
    /// Issue 20: plain metadata, whose check and hash the fast path settles while reading
    /// it, gets the serde visitor's answers from `check_request` and the same fingerprint.
    #[test]
    fn plain_metadata_is_checked_as_the_serde_visitors(
        metadata in metadata_strategy(),
        op in prop::sample::select(vec!["sale", "refund"]),
    ) {
        let line = format!(
            "{{\"op\":\"{op}\",\"metadata\":{metadata},\"idempotency_key\":\"k1\"}}"
        );
        let mut fast = OperationLine::default();
        prop_assert!(OperationLine::parse_plain(&line, &mut fast).is_some(), "{}", line);
        let serde = parse_with_serde(&line).unwrap();
        prop_assert_eq!(fields(&fast), fields(&serde), "{}", line);
    }
}

proptest! {
    /// Issue 13: the eight-bytes-at-a-time scan stops where a byte-by-byte scan does, at
    /// the first quote, backslash or control character, for any bytes (UTF-8 included).
    #[test]
    fn string_body_end_is_the_first_stop(
        bytes in prop::collection::vec(
            prop_oneof![
                4 => 0x20u8..0x7f,
                1 => Just(b'"'),
                1 => Just(b'\\'),
                1 => 0u8..0x20,
                1 => 0x7fu8..=0xff,
            ],
            0..40,
        ),
    ) {
        let stop = |b: u8| b == b'"' || b == b'\\' || b < 0x20;
        let expected = bytes.iter().position(|&b| stop(b));
        prop_assert_eq!(super::scan::string_body_end(&bytes, 0), expected, "{:?}", bytes);
        // From any start: the same scan over the rest.
        for start in 0..=bytes.len() {
            let expected = bytes[start..]
                .iter()
                .position(|&b| stop(b))
                .map(|p| start + p);
            prop_assert_eq!(super::scan::string_body_end(&bytes, start), expected, "{:?} from {}", bytes, start);
        }
    }
}

proptest! {
    /// Issue 13: a line read as bytes parses as its text does; bytes that are not UTF-8 are
    /// an error at the first invalid byte, never a panic.
    #[test]
    fn parse_bytes_is_parse_of_the_text(
        line in prop_oneof![
            line_strategy().prop_map(String::into_bytes),
            prop::collection::vec(any::<u8>(), 0..60),
            line_strategy().prop_flat_map(|l| {
                let len = l.len();
                (Just(l.into_bytes()), 0..=len, 0x80u8..=0xff)
            }).prop_map(|(mut b, at, byte)| { b.insert(at, byte); b }),
        ],
    ) {
        let result = OperationLine::parse_bytes(&line);
        match std::str::from_utf8(&line) {
            Ok(text) => match (result, OperationLine::parse(text)) {
                (Ok(a), Ok(b)) => prop_assert_eq!(fields(&a), fields(&b)),
                (Err(a), Err(b)) => prop_assert_eq!(a, b),
                (a, b) => prop_assert!(false, "{:?}: {:?} / {:?}", text, a.is_ok(), b.is_ok()),
            },
            Err(e) => {
                let err = result.expect_err("not UTF-8 is an error");
                prop_assert_eq!(err.column(), Some(e.valid_up_to() + 1));
                prop_assert!(err.to_string().contains("not UTF-8"));
            }
        }
    }
}

proptest! {
    /// Issue 13: a word read near the end of a line is its bytes, zeros past the end.
    #[test]
    fn word_at_reads_the_bytes_then_zeros(bytes in prop::collection::vec(any::<u8>(), 0..20), at in 0usize..24) {
        let mut padded = [0u8; 8];
        for (k, slot) in padded.iter_mut().enumerate() {
            *slot = bytes.get(at + k).copied().unwrap_or(0);
        }
        prop_assert_eq!(crate::text::word_at(&bytes, at), u64::from_le_bytes(padded));
    }
}

/// Issue 13: the example file's lines all take the fast path (none is refused by it).
#[test]
fn the_documented_lines_take_the_fast_path() {
    for line in include_str!("../../../examples/operations.jsonl").lines() {
        if parse_with_serde(line).is_ok() {
            let mut fast = OperationLine::default();
            assert!(
                OperationLine::parse_plain(line, &mut fast).is_some(),
                "{line}"
            );
            assert_eq!(fields(&fast), fields(&parse_with_serde(line).unwrap()));
        }
    }
}

/// Issue 14: a JSON `null` line names no Rust type.
#[test]
fn a_null_line_is_worded_for_an_operator() {
    let e = OperationLine::parse("null").unwrap_err();
    assert_eq!(
        e.to_string(),
        "invalid operation: expected a JSON object such as {\"op\":\"void\"}, found null (column 4)"
    );
}

/// Issue 20: lines with every request field (a long key, a metadata object of plain strings)
/// take the fast path.
#[test]
fn lines_with_request_fields_take_the_fast_path() {
    for line in [
        r#"{"id":"in_10001","op":"sale","amount":"29.00","currency":"USD","card":"saved","statement_descriptor_suffix":"INV 10001","description":"Pro plan, November 2026","metadata":{"invoice_id":"in_10001","customer_id":"cus_10001","plan":"pro","period":"2026-11"},"idempotency_key":"in_10001-charge"}"#,
        r#"{"id":"in_10001-refund","op":"refund","amount":"5.00","currency":"USD","captured_amount":"29.00","metadata":{"invoice_id":"in_10001","reason":"goodwill"},"idempotency_key":"in_10001-refund"}"#,
        r#"{"op":"sale","statement_descriptor":"ACME SHOP","metadata":{}}"#,
    ] {
        let mut fast = OperationLine::default();
        assert!(
            OperationLine::parse_plain(line, &mut fast).is_some(),
            "{line}"
        );
        assert_eq!(fields(&fast), fields(&parse_with_serde(line).unwrap()));
    }
}

/// Issue 20: the fast path's key lookup (one slot per name's first three bytes) finds every
/// field name, followed by anything, and nothing else: no name cut short, made longer or
/// with a byte changed (each name's neighbours in its slot included).
#[test]
fn the_key_lookup_finds_each_field_name_and_no_near_miss() {
    use super::scan::known_key;
    for (index, name) in FIELDS.iter().enumerate() {
        for tail in ["", ":", " : \"x\"", ":\"a long value to fill the words\""] {
            let key = format!("\"{name}\"{tail}");
            assert_eq!(
                known_key(key.as_bytes(), 0),
                Some((index, name.len() + 2)),
                "{key}"
            );
            let shifted = format!("  {key}");
            assert_eq!(
                known_key(shifted.as_bytes(), 2),
                Some((index, name.len() + 4))
            );
            let mut near = vec![
                format!("\"{name}x\"{tail}"),
                format!("\"{}\"{tail}", &name[..name.len() - 1]),
            ];
            for at in 0..name.len() {
                let mut changed = name.as_bytes().to_vec();
                changed[at] ^= 0x20;
                near.push(format!("\"{}\"{tail}", String::from_utf8(changed).unwrap()));
            }
            for miss in near {
                if !FIELDS.iter().any(|f| miss.starts_with(&format!("\"{f}\""))) {
                    assert_eq!(known_key(miss.as_bytes(), 0), None, "{miss}");
                }
            }
        }
        // Cut off before its closing quote, at the end of the line.
        assert_eq!(known_key(format!("\"{name}").as_bytes(), 0), None, "{name}");
    }
}
