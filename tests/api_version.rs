//! API versions: rules.md §9 (S1 "API Version") and stripe-facts §9.

use jiff::civil::date;
use proptest::prelude::*;
use stripe_gateway_rules::ApiVersion;
use stripe_gateway_rules::api_version::{KNOWN_API_VERSIONS, Release};

/// The list of stripe-facts §9, copied verbatim (126 values, whitespace-separated).
const FACTS_LIST: &str = "
2011-01-01 2011-06-21 2011-06-28 2011-08-01 2011-09-15 2011-11-17 2012-02-23 2012-03-25
2012-06-18 2012-06-28 2012-07-09 2012-09-24 2012-10-26 2012-11-07 2013-02-11 2013-02-13
2013-07-05 2013-08-12 2013-08-13 2013-10-29 2013-12-03 2014-01-31 2014-03-13 2014-03-28
2014-05-19 2014-06-13 2014-06-17 2014-07-22 2014-07-26 2014-08-04 2014-08-20 2014-09-08
2014-10-07 2014-11-05 2014-11-20 2014-12-08 2014-12-17 2014-12-22 2015-01-11 2015-01-26
2015-02-10 2015-02-16 2015-02-18 2015-03-24 2015-04-07 2015-06-15 2015-07-07 2015-07-13
2015-07-28 2015-08-07 2015-08-19 2015-09-03 2015-09-08 2015-09-23 2015-10-01 2015-10-12
2015-10-16 2016-02-03 2016-02-19 2016-02-22 2016-02-23 2016-02-29 2016-03-07 2016-06-15
2016-07-06 2016-10-19 2017-01-27 2017-02-14 2017-04-06 2017-05-25 2017-06-05 2017-08-15
2017-12-14 2018-01-23 2018-02-05 2018-02-06 2018-02-28 2018-05-21 2018-07-27 2018-08-23
2018-09-06 2018-09-24 2018-10-31 2018-11-08 2019-02-11 2019-02-19 2019-03-14 2019-05-16
2019-08-14 2019-09-09 2019-10-08 2019-10-17 2019-11-05 2019-12-03 2020-03-02 2020-08-27
2022-08-01 2022-11-15 2023-08-16 2023-10-16 2024-04-10 2024-06-20 2024-09-30.acacia
2024-10-28.acacia 2024-11-20.acacia 2024-12-18.acacia 2025-01-27.acacia 2025-02-24.acacia
2025-03-01.dashboard 2025-03-31.basil 2025-04-30.basil 2025-05-28.basil 2025-06-30.basil
2025-07-30.basil 2025-08-27.basil 2025-09-30.clover 2025-10-29.clover 2025-11-17.clover
2025-12-15.clover 2026-01-28.clover 2026-02-25.clover 2026-03-25.dahlia 2026-04-22.dahlia
2026-05-27.dahlia 2026-06-24.dahlia 2026-07-29.dahlia
";

fn v(s: &str) -> ApiVersion {
    s.parse()
        .unwrap_or_else(|e| panic!("{s:?} did not parse: {e}"))
}

fn err(s: &str) -> stripe_gateway_rules::api_version::ApiVersionError {
    match s.parse::<ApiVersion>() {
        Ok(v) => panic!("{s:?} parsed as {v}"),
        Err(e) => e,
    }
}

#[test]
fn facts_9_the_const_list_is_the_126_versions_of_the_facts_sheet_sorted() {
    let facts: Vec<&str> = FACTS_LIST.split_whitespace().collect();
    assert_eq!(facts.len(), 126);
    assert_eq!(KNOWN_API_VERSIONS, facts.as_slice());
    let parsed: Vec<ApiVersion> = KNOWN_API_VERSIONS.iter().map(|s| v(s)).collect();
    assert!(
        parsed.windows(2).all(|w| w[0] < w[1]),
        "sorted, no duplicates"
    );
    assert!(KNOWN_API_VERSIONS.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn facts_9_every_listed_version_parses_is_known_and_round_trips() {
    for s in KNOWN_API_VERSIONS {
        let version = v(s);
        assert!(version.is_known(), "{s}");
        assert_eq!(version.to_string(), *s);
        assert_eq!(v(&version.to_string()), version);
    }
}

#[test]
fn facts_9_release_names_follow_the_dates_of_each_major_release() {
    let cases = [
        ("2024-06-20", None),
        ("2024-09-30.acacia", Some(Release::Acacia)),
        ("2025-02-24.acacia", Some(Release::Acacia)),
        ("2025-03-31.basil", Some(Release::Basil)),
        ("2025-08-27.basil", Some(Release::Basil)),
        ("2025-09-30.clover", Some(Release::Clover)),
        ("2026-02-25.clover", Some(Release::Clover)),
        ("2026-03-25.dahlia", Some(Release::Dahlia)),
        ("2026-07-29.dahlia", Some(Release::Dahlia)),
        ("2025-03-01.dashboard", None),
    ];
    for (s, release) in cases {
        assert_eq!(v(s).release(), release, "{s}");
    }
    assert!(v("2025-03-01.dashboard").is_dashboard());
    assert_eq!(v("2025-03-31.basil").date(), date(2025, 3, 31));
    // Day before and day of each release's start.
    assert_eq!(Release::for_date(date(2024, 9, 29)), None);
    assert_eq!(Release::for_date(date(2024, 9, 30)), Some(Release::Acacia));
    assert_eq!(Release::for_date(date(2025, 3, 30)), Some(Release::Acacia));
    assert_eq!(Release::for_date(date(2025, 9, 29)), Some(Release::Basil));
    assert_eq!(Release::for_date(date(2026, 3, 24)), Some(Release::Clover));
    assert_eq!(Release::for_date(date(2030, 1, 1)), Some(Release::Dahlia));
    assert_eq!(Release::Basil.first_date(), date(2025, 3, 31));
}

#[test]
fn rules_9_versions_are_ordered_by_date() {
    assert!(v("2024-06-20") < v("2024-09-30.acacia"));
    assert!(v("2025-02-24.acacia") < v("2025-03-01.dashboard"));
    assert!(v("2025-03-01.dashboard") < v("2025-03-31.basil"));
    assert!(v("2011-01-01") < v("2026-07-29.dahlia"));
    let mut shuffled = [v("2026-03-25.dahlia"), v("2011-01-01"), v("2024-06-20")];
    shuffled.sort();
    let names: Vec<String> = shuffled.iter().map(ToString::to_string).collect();
    assert_eq!(names, ["2011-01-01", "2024-06-20", "2026-03-25.dahlia"]);
}

#[test]
fn facts_9_well_formed_but_unpublished_versions_parse_and_are_not_known() {
    assert!(!v("2021-01-01").is_known());
    assert!(!v("2025-03-15.acacia").is_known()); // between releases: still acacia
    assert!(!v("2027-01-01.dahlia").is_known());
}

#[test]
fn facts_9_bad_inputs_are_refused_with_pinned_messages() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "2024-13-01",
            "invalid_month",
            "expected an API version, found \"2024-13-01\" whose month 13 does not exist; use a real date",
        ),
        (
            "2023-02-29",
            "invalid_day",
            "expected an API version, found \"2023-02-29\" whose day 29 does not exist in 2023-02; use a real date",
        ),
        (
            "2024-06-20.",
            "empty_release",
            "expected an API version, found \"2024-06-20.\" with a dot and no release name after it; remove the dot or add the release name",
        ),
        (
            "2025-03-31.",
            "empty_release",
            "expected an API version, found \"2025-03-31.\" with a dot and no release name after it; remove the dot or add the release name (2025-03-31.basil)",
        ),
        (
            "2024-06-20.Basil",
            "invalid_release_character",
            "expected an API version, found \"2024-06-20.Basil\" with 'B' at position 12, where release names have only lowercase letters; write the name in lowercase",
        ),
        (
            "2025-03-31.acacia",
            "release_mismatch",
            "expected an API version, found \"2025-03-31.acacia\" whose release name acacia does not match its date; versions from 2025-03-31 on are basil: write 2025-03-31.basil",
        ),
        (
            "2024-06-20.basil",
            "release_mismatch",
            "expected an API version, found \"2024-06-20.basil\" with the release name basil on a date before 2024-09-30, when versions had none; write 2024-06-20",
        ),
        (
            "2025-03-31",
            "missing_release",
            "expected an API version, found \"2025-03-31\" without its release name; versions from 2024-09-30 on carry one: write 2025-03-31.basil",
        ),
        (
            "2025-04-01.dashboard",
            "release_mismatch",
            "expected an API version, found \"2025-04-01.dashboard\" whose release name dashboard does not match its date; versions from 2025-03-31 on are basil: write 2025-04-01.basil",
        ),
        (
            " 2024-06-20",
            "whitespace",
            "expected an API version, found \" 2024-06-20\" with whitespace at position 1; remove it: versions never contain whitespace",
        ),
        (
            "",
            "empty",
            "expected an API version, found \"\" (an empty value); write it as YYYY-MM-DD (2024-06-20) or YYYY-MM-DD.release (2025-03-31.basil), as in the Stripe Dashboard, Developers > API version",
        ),
        (
            "２０２４-06-20",
            "non_ascii",
            "expected an API version, found \"２０２４-06-20\" with the non-ASCII character '２' (U+FF12) at position 1; type it again with ASCII digits and letters",
        ),
        (
            "2024/06/20",
            "shape",
            "expected an API version, found \"2024/06/20\" of the wrong shape; write it as YYYY-MM-DD (2024-06-20) or YYYY-MM-DD.release (2025-03-31.basil), as in the Stripe Dashboard, Developers > API version",
        ),
        (
            "2024-6-20",
            "shape",
            "expected an API version, found \"2024-6-20\" of the wrong shape; write it as YYYY-MM-DD (2024-06-20) or YYYY-MM-DD.release (2025-03-31.basil), as in the Stripe Dashboard, Developers > API version",
        ),
    ];
    for (input, code, message) in cases {
        let e = err(input);
        assert_eq!(e.code(), *code, "{input:?}");
        assert_eq!(e.to_string(), *message, "{input:?}");
    }
}

#[test]
fn facts_9_huge_inputs_are_refused_without_being_echoed_whole() {
    let huge = "2024-06-20".repeat(100_000);
    let e = err(&huge);
    assert_eq!(e.code(), "too_long");
    assert!(e.to_string().len() < 400, "{}", e.to_string().len());
    assert!(e.to_string().contains("1000000 characters"));
}

#[test]
fn facts_9_other_shapes_are_refused() {
    for input in [
        "2024-06-20-",
        "2024-06-2",
        "20240620",
        "2024-06-20.basil.x",
        "2024-06-20.b4sil",
        "v2024-06-20",
        "2024-00-10",
        "2024-01-00",
        "2024-06-20\n",
        "2024-06-20.basil ",
    ] {
        assert!(input.parse::<ApiVersion>().is_err(), "{input:?}");
    }
}

#[cfg(feature = "serde")]
#[test]
fn rules_9_serde_goes_through_the_parser() {
    let version: ApiVersion = serde_json::from_str("\"2025-03-31.basil\"").unwrap();
    assert_eq!(version, v("2025-03-31.basil"));
    assert_eq!(
        serde_json::to_string(&version).unwrap(),
        "\"2025-03-31.basil\""
    );
    let e = serde_json::from_str::<ApiVersion>("\"2025-03-31.acacia\"").unwrap_err();
    assert!(e.to_string().contains("write 2025-03-31.basil"), "{e}");
    assert!(serde_json::from_str::<ApiVersion>("20240620").is_err());
}

proptest! {
    #[test]
    fn facts_9_parsing_never_panics(s in "\\PC{0,80}") {
        let _ = s.parse::<ApiVersion>();
    }

    #[test]
    fn facts_9_near_misses_never_panic(s in "[0-9]{4}-[0-9]{2}-[0-9]{2}(\\.[a-zA-Z]{0,10})?") {
        if let Ok(version) = s.parse::<ApiVersion>() {
            prop_assert_eq!(version.to_string(), s);
        }
    }

    #[test]
    fn facts_9_every_real_date_round_trips(days in 0i32..(365 * 30)) {
        let day = date(2011, 1, 1).checked_add(jiff::Span::new().days(days)).unwrap();
        let text = match Release::for_date(day) {
            None => day.to_string(),
            Some(r) => format!("{day}.{r}"),
        };
        let version: ApiVersion = text.parse().unwrap();
        prop_assert_eq!(version.to_string(), text.clone());
        prop_assert_eq!(version.date(), day);
        prop_assert_eq!(text.parse::<ApiVersion>().unwrap(), version);
    }
}
