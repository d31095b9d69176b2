//! Card brands: rules.md §10 and stripe-facts §4 and §7.
//!
//! Sources of the values: Stripe's API reference for `card.brand` ("Card brand. Can be
//! `amex`, `cartes_bancaires`, `diners`, `discover`, `eftpos_au`, `jcb`, `link`, `mastercard`,
//! `unionpay`, `visa` or `unknown`", <https://docs.stripe.com/api/payment_methods/object>, the
//! same text in `stripe-node` `src/resources/Charges.ts`, stripe-facts §7) and the card
//! networks of `card.networks.available` that are not brands of that enum: `interac` and
//! `girocard` (Stripe Terminal SDK `CardBrand`: Interac, Girocard; the legacy Card object's
//! brand "Girocard", stripe-facts §7).

use jiff::SignedDuration;
use proptest::prelude::*;
use stripe_gateway_rules::authorization::{
    IN_PERSON_WINDOW, Initiator, NO_WINDOW, Presence, STANDARD_WINDOW, authorization_window,
};
use stripe_gateway_rules::card_brand::{CardBrand, CardBrands};
use stripe_gateway_rules::config::{AccountConfig, AuthConfig, CurrencyConfig, GatewayConfig};
use stripe_gateway_rules::{Currency, ViolationCode};

/// Every value of Stripe's `card.brand` enum (API reference, 2026).
const CARD_BRAND_VALUES: [&str; 11] = [
    "amex",
    "cartes_bancaires",
    "diners",
    "discover",
    "eftpos_au",
    "jcb",
    "link",
    "mastercard",
    "unionpay",
    "visa",
    "unknown",
];

/// The card networks Stripe names besides those (Terminal's card brands, `networks.available`).
const OTHER_NETWORKS: [&str; 3] = ["cartes_bancaires", "interac", "girocard"];

fn brand(s: &str) -> CardBrand {
    s.parse()
        .unwrap_or_else(|e| panic!("{s:?} did not parse: {e}"))
}

/// rules §10, stripe-facts §7: every value of Stripe's `card.brand`, and every other network,
/// parses and prints back as its keyword.
#[test]
fn api_reference_every_card_brand_value_parses_and_prints_back() {
    for value in CARD_BRAND_VALUES {
        let b = brand(value);
        assert_eq!(b.as_str(), value);
        assert_eq!(b.to_string(), value);
    }
    for value in OTHER_NETWORKS {
        assert_eq!(brand(value).as_str(), value);
    }
    // Every brand is one of those, and ALL holds each once.
    let mut keywords: Vec<&str> = CardBrand::ALL.iter().map(|b| b.as_str()).collect();
    keywords.sort_unstable();
    let mut expected: Vec<&str> = CARD_BRAND_VALUES
        .iter()
        .chain(&OTHER_NETWORKS)
        .copied()
        .collect();
    expected.sort_unstable();
    expected.dedup();
    assert_eq!(keywords, expected);
}

/// rules §10: serde writes the keyword and reads through the parser, aliases and hints included.
#[cfg(feature = "serde")]
#[test]
fn api_reference_serde_uses_the_keywords_through_the_parser() {
    for b in CardBrand::ALL {
        let json = serde_json::to_string(&b).unwrap();
        assert_eq!(json, format!("\"{}\"", b.as_str()));
        assert_eq!(serde_json::from_str::<CardBrand>(&json).unwrap(), b);
    }
    // Aliases go through the same parser; capitals get the same hint.
    assert_eq!(
        serde_json::from_str::<CardBrand>("\"american_express\"").unwrap(),
        CardBrand::AmericanExpress
    );
    let e = serde_json::from_str::<CardBrand>("\"Visa\"").unwrap_err();
    assert!(e.to_string().contains("did you mean `visa`?"), "{e}");
}

/// The keyword is for configuration, the label for people: they are different methods, and
/// a label given where a keyword belongs is refused with the keyword to use.
#[test]
fn rules_10_keyword_and_label_are_distinct_and_a_label_gets_the_keyword() {
    assert_eq!(CardBrand::AmericanExpress.as_str(), "amex");
    assert_eq!(CardBrand::AmericanExpress.label(), "American Express");
    assert_eq!(CardBrand::Eftpos.label(), "eftpos Australia");
    for b in CardBrand::ALL {
        match b.label().parse::<CardBrand>() {
            // girocard styles its name in lowercase: label and keyword coincide.
            Ok(parsed) => assert_eq!((parsed, b.label()), (b, b.as_str())),
            Err(e) => assert_eq!(e.suggestion(), Some(b), "{}", b.label()),
        }
    }
}

/// Keywords are exact: other capitals are refused, and the message names the keyword.
#[test]
fn rules_10_capitals_are_refused_with_the_keyword_to_use() {
    let cases = [
        ("Visa", CardBrand::Visa),
        ("VISA", CardBrand::Visa),
        ("MasterCard", CardBrand::Mastercard),
        ("AMEX", CardBrand::AmericanExpress),
        ("American Express", CardBrand::AmericanExpress),
        ("american-express", CardBrand::AmericanExpress),
        ("Diners Club", CardBrand::DinersClub),
        ("UnionPay", CardBrand::UnionPay),
        ("Cartes Bancaires", CardBrand::CartesBancaires),
        ("EFTPOS_AU", CardBrand::Eftpos),
        ("Interac", CardBrand::Interac),
        (" visa", CardBrand::Visa),
        ("visa\n", CardBrand::Visa),
    ];
    for (input, expected) in cases {
        let e = input.parse::<CardBrand>().unwrap_err();
        assert_eq!(e.suggestion(), Some(expected), "{input:?}");
        let message = e.to_string();
        assert!(
            message.ends_with(&format!("did you mean `{}`?", expected.as_str())),
            "{message}"
        );
        assert!(
            message.starts_with("expected a card brand keyword ("),
            "{message}"
        );
    }
    let e = "MasterCard".parse::<CardBrand>().unwrap_err();
    assert_eq!(
        e.to_string(),
        "expected a card brand keyword (visa, mastercard, amex, discover, diners, jcb, unionpay, \
         cartes_bancaires, eftpos_au, interac, girocard, link, unknown), found \"MasterCard\"; \
         did you mean `mastercard`?"
    );
}

#[test]
fn rules_10_other_values_get_no_guess_and_no_secret_is_echoed() {
    for input in [
        "",
        "maestro",
        "visa_electron",
        "vi sa",
        "ｖｉｓａ",
        "visa\u{feff}",
    ] {
        let e = input.parse::<CardBrand>().unwrap_err();
        assert_eq!(e.suggestion(), None, "{input:?}");
        assert!(!e.to_string().contains("did you mean"), "{e}");
    }
    let secret = "sk_live_4eC39HqLyjWDarjtT1zdp7dc";
    let e = secret.parse::<CardBrand>().unwrap_err();
    assert!(!e.to_string().contains("4eC39"), "{e}");
    assert!(!format!("{e:?}").contains("4eC39"), "{e:?}");
    let huge = "visa".repeat(100_000);
    let e = huge.parse::<CardBrand>().unwrap_err();
    assert!(e.to_string().len() < 400);
}

/// rules §10: link is a wallet and `unknown` is Stripe's "cannot tell": neither is a network to
/// enable.
#[test]
fn api_reference_link_and_unknown_cannot_be_enabled_every_network_can() {
    for b in CardBrand::ALL {
        let expected = !matches!(b, CardBrand::Link | CardBrand::Unknown);
        assert_eq!(b.can_be_enabled(), expected, "{b}");
    }
}

/// A valid live V2 configuration (as in tests/config.rs), with `brands` enabled.
fn config(brands: &[&str]) -> GatewayConfig {
    {
        let mut config = GatewayConfig::default();
        config.name = Some("Stripe USD".into());
        config.version = Some("v2".into());
        config.mode = Some("live".into());
        config.existing = false;
        config.auth = Some(AuthConfig::api_key("sk_live_4eC39HqLyjWDarjtT1zdp7dc"));
        config.publishable_key = Some("pk_live_TYooMQauvdEDq54NiTphI7jx".into());
        config.account = Some(AccountConfig::settling_in("USD"));
        config.data_protection = None;
        config.card_brands = Some(brands.iter().map(|b| (*b).to_owned()).collect());
        config.currencies = Some(vec![CurrencyConfig::new("USD", "0.50")]);
        config.return_url = Some("https://shop.example/3ds-return".into());
        config.radar = Some(true);
        config.live_card_tested = true;
        config
    }
}

#[test]
fn rules_10_a_configuration_refuses_link_and_unknown_and_says_why() {
    let c = config(&["visa", "link", "unknown"]);
    let report = c.validate(&c.profile()).unwrap_err();
    let found: Vec<(String, ViolationCode)> = report
        .violations()
        .iter()
        .map(|v| (v.path().to_string(), v.code().try_into().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            ("card_brands[1]".to_owned(), ViolationCode::InvalidValue),
            ("card_brands[2]".to_owned(), ViolationCode::InvalidValue),
        ]
    );
    let link = &report.violations()[0];
    assert!(link.message().contains("Link is Stripe's wallet"), "{link}");
    assert!(link.message().contains("not a card network"), "{link}");
    assert!(
        link.remedy()
            .unwrap_or_default()
            .contains("remove \"link\""),
        "{link:?}"
    );
    let unknown = &report.violations()[1];
    assert!(
        unknown
            .message()
            .contains("when it cannot tell a card's brand"),
        "{unknown}"
    );
    assert!(
        unknown
            .remedy()
            .unwrap_or_default()
            .contains("remove \"unknown\"")
    );
    // Messages say what is wrong in plain words: lowercase start, no source tags.
    for v in report.violations() {
        assert!(
            !v.message().contains('\u{a7}') && !v.message().contains("(S"),
            "{v}"
        );
    }
    // Every other brand is accepted (with a currency it supports).
    let mut ok = config(&["visa", "mastercard", "amex", "discover", "diners", "jcb"]);
    ok.currencies = Some(vec![CurrencyConfig::new("USD", "0.50")]);
    let gateway = ok
        .validate(&ok.profile())
        .expect("valid")
        .into_gateway()
        .expect("a payment gateway");
    assert_eq!(gateway.card_brands().len(), 6);
}

#[test]
fn rules_10_a_configuration_with_capitals_gets_the_keyword() {
    let c = config(&["Visa", "MasterCard"]);
    let report = c.validate(&c.profile()).unwrap_err();
    let messages: Vec<&str> = report.violations().iter().map(|v| v.message()).collect();
    assert_eq!(messages.len(), 2, "{report}");
    assert!(
        messages[0].ends_with("did you mean `visa`?"),
        "{}",
        messages[0]
    );
    assert!(
        messages[1].ends_with("did you mean `mastercard`?"),
        "{}",
        messages[1]
    );
    assert!(
        report
            .violations()
            .iter()
            .all(|v| v.code() == ViolationCode::InvalidValue)
    );
}

#[test]
fn card_brands_debug_lists_the_brands() {
    let brands: CardBrands = [CardBrand::Mastercard, CardBrand::Visa]
        .into_iter()
        .collect();
    assert_eq!(format!("{brands:?}"), "{visa, mastercard}");
    assert_eq!(format!("{:?}", CardBrands::new()), "{}");
    let all: CardBrands = CardBrand::ALL.into_iter().collect();
    assert_eq!(all.len(), 13);
    assert_eq!(
        format!("{all:?}"),
        "{visa, mastercard, amex, discover, diners, jcb, unionpay, cartes_bancaires, eftpos_au, \
         interac, girocard, link, unknown}"
    );
}

/// stripe-facts §7 and Terminal's "local currency only": each brand's currencies.
#[test]
fn facts_7_every_brand_has_a_currency_rule() {
    for b in CardBrand::ALL {
        // USD and EUR are presentment currencies every brand but the in-person-only local
        // networks accept, except UnionPay (USD and CAD only).
        let usd = b.supports_currency(Currency::USD);
        let eur = b.supports_currency(Currency::EUR);
        match b {
            CardBrand::Interac => assert_eq!((usd, eur), (false, false)),
            CardBrand::Girocard => assert_eq!((usd, eur), (false, true)),
            CardBrand::UnionPay => assert_eq!((usd, eur), (true, false)),
            _ => assert_eq!((usd, eur), (true, true), "{b}"),
        }
    }
    assert!(CardBrand::Interac.supports_currency(Currency::CAD));
    assert!(!CardBrand::Girocard.supports_currency(Currency::CAD));
    assert!(!CardBrand::AmericanExpress.supports_currency(Currency::BRL));
    // No limit stated for these (documented in card_brand's module docs).
    for b in [
        CardBrand::CartesBancaires,
        CardBrand::Eftpos,
        CardBrand::Jcb,
    ] {
        assert!(b.supports_currency(Currency::AUD) && b.supports_currency(Currency::JPY));
    }
}

/// stripe-facts §4, and the 2025-03-31.basil changelog for Interac: every brand has a
/// window; Link and `unknown` name no network and get the unknown brand's.
#[test]
fn facts_4_every_brand_has_an_authorization_window() {
    let window = |b: Option<CardBrand>, p: Presence| {
        authorization_window(b, Initiator::Customer, p, false, Currency::USD, None)
    };
    for b in CardBrand::ALL {
        let online = window(Some(b), Presence::Online);
        let in_person = window(Some(b), Presence::InPerson);
        match b {
            CardBrand::Interac => {
                assert_eq!((online, in_person), (NO_WINDOW, NO_WINDOW));
            }
            CardBrand::Link | CardBrand::Unknown => {
                assert_eq!(online, window(None, Presence::Online));
                assert_eq!(in_person, window(None, Presence::InPerson));
            }
            CardBrand::Visa => {
                assert_eq!(online, STANDARD_WINDOW);
                assert_eq!(in_person, SignedDuration::from_hours(4 * 24 + 18));
            }
            _ => assert_eq!(
                (online, in_person),
                (STANDARD_WINDOW, IN_PERSON_WINDOW),
                "{b}"
            ),
        }
    }
}

proptest! {
    /// No panic on any input; a refusal names a keyword only when the input is one typed
    /// differently.
    #[test]
    fn rules_10_parsing_never_panics(s in "\\PC{0,40}") {
        match s.parse::<CardBrand>() {
            Ok(b) => prop_assert_eq!(b.as_str().parse::<CardBrand>().unwrap(), b),
            Err(e) => {
                if let Some(b) = e.suggestion() {
                    // The suggestion is the keyword, an alias or the label of the brand the
                    // input spells once case, spaces, hyphens and surrounding whitespace are
                    // set aside.
                    let normal = |t: &str| t.trim().replace([' ', '-'], "_").to_ascii_lowercase();
                    let spelled = normal(&s);
                    prop_assert!(
                        spelled.parse::<CardBrand>().ok() == Some(b) || spelled == normal(b.label()),
                        "{:?} suggested {}", s, b
                    );
                }
            }
        }
    }

    /// Any change of case of a keyword parses only when it is the keyword itself, and is
    /// otherwise refused with that keyword.
    #[test]
    fn rules_10_any_other_case_gets_the_keyword(
        b in proptest::sample::select(&CardBrand::ALL[..]),
        flips in proptest::collection::vec(any::<bool>(), 16),
    ) {
        let typed: String = b
            .as_str()
            .chars()
            .zip(flips.iter().cycle())
            .map(|(c, up)| if *up { c.to_ascii_uppercase() } else { c })
            .collect();
        match typed.parse::<CardBrand>() {
            Ok(parsed) => {
                prop_assert_eq!(parsed, b);
                prop_assert_eq!(typed.as_str(), b.as_str());
            }
            Err(e) => prop_assert_eq!(e.suggestion(), Some(b)),
        }
    }
}
