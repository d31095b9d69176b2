//! Connections and their lifecycle: rules.md §9 (S1, S2) and stripe-facts §6.

use jiff::civil::date;
use stripe_gateway_rules::Severity;
use stripe_gateway_rules::connection::AUTHORIZATION_CODE_LIFETIME;
use stripe_gateway_rules::connection::{
    AuthorizeRequest, CallbackError, ConnectionSettingsConfig, LegacyStatus, OAuthErrorCode,
    OAuthScope, OAuthState, Timeout, parse_callback,
};
use stripe_gateway_rules::diagnostics::ToViolation;
use stripe_gateway_rules::{
    connection::Connection, connection::ConnectionSettings, connection::Connections,
    connection::LegacyCredentialPolicy, connection::SelectedAccount, credentials::Mode,
};
use url::Url;

const CLIENT_ID: &str = "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb";
const STATE: &str = "k3J9xQ2mVb7LwZ4pT8rN";
const ACCT_A: &str = "acct_1R3fqDP6919yCiFv";
const ACCT_B: &str = "acct_ON3nXtRQkhmUIQ";
const PK_A: &str = "pk_live_TYooMQauvdEDq54NiTphI7jx";
const PK_B: &str = "pk_live_51HxYzAbCdEfGhIjKlMnOpQr";

fn state() -> OAuthState {
    STATE.parse().unwrap()
}

fn url(s: &str) -> Url {
    Url::parse(s).unwrap()
}

fn request(mode: Mode) -> AuthorizeRequest {
    AuthorizeRequest::new(
        CLIENT_ID.parse().unwrap(),
        OAuthScope::ReadWrite,
        &state(),
        mode,
    )
}

fn callback(query: &str) -> Result<stripe_gateway_rules::connection::OAuthGrant, CallbackError> {
    parse_callback(
        &url(&format!(
            "https://billing.example.com/stripe/callback?{query}"
        )),
        &state(),
    )
}

// ---------------------------------------------------------------------------------------------
// OAuth authorize URL (stripe-facts §6)

#[test]
fn facts_6_authorize_url_has_response_type_client_id_scope_state_and_redirect_uri() {
    let u = request(Mode::Live)
        .redirect_uri("https://billing.example.com/stripe/callback")
        .unwrap()
        .url();
    assert_eq!(
        u.as_str(),
        "https://connect.stripe.com/oauth/authorize?response_type=code\
         &client_id=ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb&scope=read_write&state=k3J9xQ2mVb7LwZ4pT8rN\
         &redirect_uri=https%3A%2F%2Fbilling.example.com%2Fstripe%2Fcallback"
    );
    let read_only = AuthorizeRequest::new(
        CLIENT_ID.parse().unwrap(),
        OAuthScope::ReadOnly,
        &state(),
        Mode::Test,
    )
    .url();
    assert!(read_only.as_str().contains("scope=read_only"));
    assert!(!read_only.as_str().contains("redirect_uri"));
}

#[test]
fn facts_6_http_redirect_uri_is_refused_in_live_mode_and_allowed_in_test_mode() {
    let http = "http://localhost:3000/callback";
    let e = request(Mode::Live).redirect_uri(http).unwrap_err();
    assert_eq!(e.code(), "redirect_uri_not_https");
    assert_eq!(
        e.to_string(),
        "expected an https redirect URI in live mode, found http://localhost; Stripe requires https \
         for live-mode redirect URIs (http is allowed in test mode only)"
    );
    let ok = request(Mode::Test).redirect_uri(http).unwrap().url();
    assert!(
        ok.as_str()
            .ends_with("redirect_uri=http%3A%2F%2Flocalhost%3A3000%2Fcallback")
    );
}

#[test]
fn facts_6_redirect_uri_without_credentials_fragment_or_other_scheme() {
    let e = request(Mode::Test)
        .redirect_uri("https://user:hunter2@billing.example.com/cb")
        .unwrap_err();
    assert_eq!(e.code(), "redirect_uri_has_credentials");
    assert!(!e.to_string().contains("hunter2"));
    let e = request(Mode::Test)
        .redirect_uri("https://billing.example.com/cb#x")
        .unwrap_err();
    assert_eq!(e.code(), "redirect_uri_has_fragment");
    let e = request(Mode::Test)
        .redirect_uri("ftp://billing.example.com/cb")
        .unwrap_err();
    assert_eq!(e.code(), "redirect_uri_not_web");
    let e = request(Mode::Test)
        .redirect_uri("mailto:a@example.com")
        .unwrap_err();
    assert_eq!(e.code(), "redirect_uri_not_web");
}

/// The `redirect_uri` the authorize URL carries, decoded.
fn sent_redirect_uri(request: &AuthorizeRequest) -> Option<String> {
    request
        .url()
        .query_pairs()
        .find(|(k, _)| k == "redirect_uri")
        .map(|(_, v)| v.into_owned())
}

/// stripe-facts §6: the `redirect_uri` "must exactly match" a configured one, so it is sent
/// byte for byte as registered: `https://sub2.example.com` without the slash a parsed `Url`
/// adds, and `https://sub2.example.com/` with it (issue 11).
#[test]
fn facts_6_redirect_uri_round_trips_exactly_as_registered() {
    for registered in [
        "https://sub2.example.com",
        "https://sub2.example.com/",
        "https://SUB2.example.com:443/Stripe/Callback?x=1&y=%20",
        "https://billing.example.com/stripe/callback/",
    ] {
        let request = request(Mode::Live).redirect_uri(registered).unwrap();
        assert_eq!(request.registered_redirect_uri(), Some(registered));
        assert_eq!(sent_redirect_uri(&request).as_deref(), Some(registered));
    }
    let bare = request(Mode::Live)
        .redirect_uri("https://sub2.example.com")
        .unwrap()
        .url();
    assert!(
        bare.as_str()
            .ends_with("&redirect_uri=https%3A%2F%2Fsub2.example.com"),
        "{bare}"
    );
}

/// stripe-facts §6: an exact match can't survive silent trimming, so whitespace and relative
/// URIs are refused with a typed error.
#[test]
fn facts_6_redirect_uri_must_be_absolute_without_whitespace() {
    for (uri, position) in [
        (" https://sub2.example.com", 1),
        ("https://sub2.example.com ", 25),
        ("https://sub2.example.com/\n", 26),
        ("https://sub2.example.com/\t/cb", 26),
    ] {
        let e = request(Mode::Test).redirect_uri(uri).unwrap_err();
        assert_eq!(e.code(), "redirect_uri_invalid", "{uri:?}");
        assert!(
            e.to_string().contains(&format!("at position {position}")),
            "{e}"
        );
    }
    for uri in ["", "/stripe/callback", "sub2.example.com", "https://"] {
        let e = request(Mode::Test).redirect_uri(uri).unwrap_err();
        assert!(
            matches!(
                e.code().as_str(),
                "redirect_uri_invalid" | "redirect_uri_not_web"
            ),
            "{uri:?}: {}",
            e.code()
        );
    }
    let e = request(Mode::Test)
        .redirect_uri("/stripe/callback")
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "expected an absolute redirect URI such as https://billing.example.com/stripe/callback, \
         found \"/stripe/callback\"; copy the URI exactly as registered in the platform's Connect settings"
    );
    let secret = format!("sk_live_{}", "a1B2".repeat(8));
    let e = request(Mode::Test).redirect_uri(&secret).unwrap_err();
    assert!(!e.to_string().contains("a1B2a1B2a1B2"), "{e}");
}

#[test]
fn facts_6_state_is_required_non_empty_and_of_reasonable_length() {
    let code = |s: &str| s.parse::<OAuthState>().unwrap_err().code();
    assert_eq!(code(""), "state_empty");
    assert_eq!(code("short"), "state_too_short");
    assert_eq!(code(&"x".repeat(513)), "state_too_long");
    assert_eq!(code("k3J9xQ2mVb7L wZ4pT8rN"), "state_invalid_character");
    assert_eq!(code("k3J9xQ2mVb7LwZ4pT8rNé"), "state_invalid_character");
    assert!("x".repeat(16).parse::<OAuthState>().is_ok());
    assert!("x".repeat(512).parse::<OAuthState>().is_ok());
    assert_eq!(
        "read_everything".parse::<OAuthScope>().unwrap_err().code(),
        "scope_unknown"
    );
}

// ---------------------------------------------------------------------------------------------
// OAuth callback (stripe-facts §6, S2)

#[test]
fn facts_6_success_gives_the_code_and_scope_and_never_shows_the_code() {
    let auth = callback(&format!(
        "scope=read_write&code=ac_Hk3J9xQ2mVb7LwZ4pT8rNs5Yd6Fg1Jh2&state={STATE}"
    ))
    .unwrap();
    assert_eq!(
        auth.authorization_code().expose_secret(),
        "ac_Hk3J9xQ2mVb7LwZ4pT8rNs5Yd6Fg1Jh2"
    );
    assert_eq!(auth.scope(), Some(OAuthScope::ReadWrite));
    for shown in [
        format!("{auth:?}"),
        format!("{:?}", auth.authorization_code()),
    ] {
        assert!(!shown.contains("Hk3J9xQ2"), "{shown}");
    }
    assert_eq!(
        format!("{:?}", auth.authorization_code()),
        "AuthorizationCode(ac_…)"
    );
    assert_eq!(AUTHORIZATION_CODE_LIFETIME.as_secs(), 300);
}

#[test]
fn facts_6_the_exact_denied_redirect_gives_access_denied_with_stripes_description() {
    let denied = url(
        "https://billing.example.com/stripe/callback?error=access_denied&error_description=The%20user%20denied%20your%20request",
    );
    let e = parse_callback(&denied, &state()).unwrap_err();
    assert_eq!(e.code(), "access_denied");
    assert_eq!(e.stripe_code(), Some(&OAuthErrorCode::AccessDenied));
    assert_eq!(e.description(), Some("The user denied your request"));
    // S2: "Click Connect with Stripe again to restart the update."
    assert_eq!(
        e.to_string(),
        "Stripe refused the connection with access_denied (\"The user denied your request\"); \
         click Connect with Stripe again and finish connecting in Stripe's window"
    );
}

#[test]
fn facts_6_each_stripe_error_code_is_typed() {
    let cases = [
        ("access_denied", OAuthErrorCode::AccessDenied),
        ("invalid_scope", OAuthErrorCode::InvalidScope),
        ("invalid_redirect_uri", OAuthErrorCode::InvalidRedirectUri),
        ("invalid_request", OAuthErrorCode::InvalidRequest),
        (
            "unsupported_response_type",
            OAuthErrorCode::UnsupportedResponseType,
        ),
        (
            "server_error",
            OAuthErrorCode::Other("server_error".to_owned()),
        ),
    ];
    for (code, expected) in cases {
        let e = callback(&format!("error={code}&state={STATE}")).unwrap_err();
        assert_eq!(e.stripe_code(), Some(&expected), "{code}");
        assert_eq!(e.description(), None);
        let stable = if code == "server_error" {
            "oauth_error"
        } else {
            code
        };
        assert_eq!(e.code(), stable);
        assert!(
            e.to_string()
                .starts_with(&format!("Stripe refused the connection with {code}; "))
        );
    }
}

#[test]
fn facts_6_state_mismatch_and_missing_state_are_refused() {
    let e = callback("code=ac_123456789&state=AAAAAAAAAAAAAAAAAAAA").unwrap_err();
    assert_eq!(e.code(), "state_mismatch");
    let e = callback("code=ac_123456789").unwrap_err();
    assert_eq!(e.code(), "state_missing");
    // An error redirect with a different state is not an answer to this request.
    let e = callback("error=access_denied&state=AAAAAAAAAAAAAAAAAAAA").unwrap_err();
    assert_eq!(e.code(), "state_mismatch");
    let e = callback(&format!("code=ac_1&state={STATE}&state={STATE}")).unwrap_err();
    assert_eq!(e.code(), "duplicate_parameter");
}

#[test]
fn facts_6_missing_or_malformed_code_is_refused_without_echoing_it() {
    assert_eq!(
        callback(&format!("state={STATE}")).unwrap_err().code(),
        "code_missing"
    );
    assert_eq!(
        callback(&format!("code=&state={STATE}"))
            .unwrap_err()
            .code(),
        "code_missing"
    );
    let e = callback(&format!("code=sk_live_SECRETSECRETSECRET&state={STATE}")).unwrap_err();
    assert_eq!(e.code(), "code_invalid");
    assert!(!e.to_string().contains("SECRET"));
    assert!(!format!("{e:?}").contains("SECRET"));
    assert_eq!(
        callback(&format!("code=ac_1&scope=admin&state={STATE}"))
            .unwrap_err()
            .code(),
        "scope_unknown"
    );
    assert_eq!(
        callback(&format!("code=ac_1&state={STATE}"))
            .unwrap()
            .scope(),
        None
    );
}

// ---------------------------------------------------------------------------------------------
// Reconnecting and the set of connections (S2)

fn selected(id: &str) -> SelectedAccount {
    SelectedAccount::new(id.parse().unwrap())
}

/// The key of a connection: an account id or a publishable key.
fn key(s: &str) -> stripe_gateway_rules::connection::ConnectionKey {
    s.parse().unwrap()
}

#[test]
fn s2_reconnect_matches_by_account_id() {
    let previous = Connection::new(ACCT_A.parse().unwrap());
    let mut connections = Connections::new();
    connections.insert(previous.clone()).unwrap();
    let done = connections
        .reconnect(&key(ACCT_A), &selected(ACCT_A).with_name("Acme Ltd"))
        .unwrap();
    assert_eq!(done.account_name(), Some("Acme Ltd"));
    assert_eq!(connections.len(), 1);
}

#[test]
fn s2_reconnect_matches_a_legacy_connection_by_publishable_key() {
    let legacy = Connection::legacy(PK_A.parse().unwrap());
    assert!(legacy.is_legacy());
    let mut connections = Connections::new();
    connections.insert(legacy.clone()).unwrap();
    let account = selected(ACCT_A)
        .with_publishable_key("pk_test_TYooMQauvdEDq54NiTphI7jx".parse().unwrap())
        .with_publishable_key(PK_A.parse().unwrap());
    let done = connections.reconnect(&key(PK_A), &account).unwrap().clone();
    assert_eq!(done.account_id().unwrap().as_str(), ACCT_A);
    assert_eq!(done.publishable_key().unwrap().as_str(), PK_A); // kept
    assert!(!done.is_legacy());
    assert!(done.auth_scheme().is_some());
    assert_eq!(connections.find(&key(ACCT_A)), Some(&done));
}

#[test]
fn s2_reconnecting_another_account_is_stripe_account_does_not_match() {
    let legacy = Connection::legacy(PK_A.parse().unwrap());
    let mut connections = Connections::new();
    connections.insert(legacy.clone()).unwrap();
    let wrong = selected(ACCT_B).with_publishable_key(PK_B.parse().unwrap());
    let e = connections.reconnect(&key(PK_A), &wrong).unwrap_err();
    assert_eq!(e.code(), "account_mismatch");
    assert_eq!(
        e.to_string(),
        "Stripe account does not match: this connection was made with the account with publishable key \
         pk_live_TYooMQauvdEDq54NiTphI7jx, and acct_ON3nXtRQkhmUIQ was selected; click Connect with Stripe \
         again and select the same account: compare the publishable key shown with this connection with \
         each account's publishable key in the Stripe Dashboard, Developers > API keys"
    );
    // Nothing changed.
    assert!(connections.iter().next().unwrap().is_legacy());

    let by_id = Connection::new(ACCT_A.parse().unwrap());
    let mut connections = Connections::new();
    connections.insert(by_id.clone()).unwrap();
    let e = connections
        .reconnect(&key(ACCT_A), &selected(ACCT_B))
        .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("Stripe account does not match: this connection was made with the account acct_1R3fqDP6919yCiFv")
    );
}

#[test]
fn s2_an_account_already_integrated_cannot_be_added_again() {
    let mut connections = Connections::new();
    connections.add(&selected(ACCT_A)).unwrap();
    let e = connections.add(&selected(ACCT_A)).unwrap_err();
    assert_eq!(e.code(), "already_integrated");
    assert!(
        e.to_string()
            .starts_with("This Stripe account has already been integrated: acct_1R3fqDP6919yCiFv")
    );
    // A legacy connection with the account's publishable key also holds it.
    let mut connections = Connections::new();
    connections
        .insert(Connection::legacy(PK_A.parse().unwrap()))
        .unwrap();
    let e = connections
        .add(&selected(ACCT_A).with_publishable_key(PK_A.parse().unwrap()))
        .unwrap_err();
    assert_eq!(e.code(), "already_integrated");
    // Reconnecting one connection to an account another connection holds.
    let mut connections = Connections::new();
    connections.add(&selected(ACCT_A)).unwrap();
    let legacy = Connection::legacy(PK_B.parse().unwrap());
    connections.insert(legacy.clone()).unwrap();
    let e = connections
        .reconnect(
            &key(PK_B),
            &selected(ACCT_A).with_publishable_key(PK_B.parse().unwrap()),
        )
        .unwrap_err();
    assert_eq!(e.code(), "already_integrated");
    assert_eq!(e.account_id().map(|a| a.as_str()), Some(ACCT_A));
    assert_eq!(
        e.remedy(),
        "select a different account, or use the existing connection"
    );
}

#[test]
fn s2_an_account_connected_to_another_platform_is_ineligible() {
    let mut connections = Connections::new();
    let elsewhere = selected(ACCT_A).connected_to_another_platform(true);
    let e = connections.add(&elsewhere).unwrap_err();
    assert_eq!(e.code(), "account_ineligible");
    assert!(e.to_string().contains("disconnect it from that platform"));
    assert!(connections.is_empty());
    let legacy = Connection::legacy(PK_A.parse().unwrap());
    connections.insert(legacy.clone()).unwrap();
    let e = connections
        .reconnect(
            &key(PK_A),
            &elsewhere.with_publishable_key(PK_A.parse().unwrap()),
        )
        .unwrap_err();
    assert_eq!(e.code(), "account_ineligible");
}

#[test]
fn s2_several_connections_one_per_account() {
    let mut connections = Connections::new();
    connections.add(&selected(ACCT_A)).unwrap();
    connections.add(&selected(ACCT_B)).unwrap();
    assert_eq!(connections.len(), 2);
    let e = connections
        .insert(Connection::new(ACCT_B.parse().unwrap()))
        .unwrap_err();
    assert_eq!(e.code(), "already_integrated");
    let e = Connections::try_from(vec![
        Connection::legacy(PK_A.parse().unwrap()),
        Connection::legacy(PK_A.parse().unwrap()),
    ])
    .unwrap_err();
    assert_eq!(e.code(), "duplicate_connection");
    assert!(connections.remove(&key(ACCT_A)).is_some());
    assert_eq!(connections.len(), 1);
    let e = connections
        .reconnect(&key(ACCT_A), &selected(ACCT_A))
        .unwrap_err();
    assert_eq!(e.code(), "connection_not_found");
}

#[cfg(feature = "serde")]
#[test]
fn s2_connections_round_trip_through_serde_and_refuse_duplicates() {
    let mut connections = Connections::new();
    connections
        .add(&selected(ACCT_A).with_name("Acme"))
        .unwrap();
    connections
        .insert(Connection::legacy(PK_B.parse().unwrap()))
        .unwrap();
    let json = serde_json::to_string(&connections).unwrap();
    let back: Connections = serde_json::from_str(&json).unwrap();
    assert_eq!(back, connections);
    let dup = format!(r#"[{{"account_id":"{ACCT_A}"}},{{"account_id":"{ACCT_A}"}}]"#);
    let e = serde_json::from_str::<Connections>(&dup).unwrap_err();
    assert!(e.to_string().contains("has already been integrated"), "{e}");
    let e = serde_json::from_str::<Connection>("{}").unwrap_err();
    assert!(
        e.to_string()
            .contains("with an account_id or a publishable_key, found neither"),
        "{e}"
    );
}

// ---------------------------------------------------------------------------------------------
// Legacy credential policy (S2)

#[test]
fn s2_legacy_policy_boundaries_of_the_cutoff_and_the_deadline() {
    let p = LegacyCredentialPolicy::S2_KARTRA_2024;
    assert_eq!(p.created_before(), date(2024, 7, 11));
    assert_eq!(p.deadline(), date(2024, 9, 16));
    let due = LegacyStatus::DueBy(date(2024, 9, 16));
    let today = date(2024, 8, 1);
    // Cutoff: the day before is affected; the day of and after are not.
    assert_eq!(p.status(date(2024, 7, 10), today), due);
    assert_eq!(p.status(date(2024, 7, 11), today), LegacyStatus::NotDue);
    assert_eq!(p.status(date(2024, 7, 12), today), LegacyStatus::NotDue);
    // Deadline: due the day before; expired the day of ("stop working on that date") and after.
    let old = date(2023, 1, 1);
    assert_eq!(p.status(old, date(2024, 9, 15)), due);
    assert_eq!(p.status(old, date(2024, 9, 16)), LegacyStatus::Expired);
    assert_eq!(p.status(old, date(2024, 9, 17)), LegacyStatus::Expired);
    assert_eq!(p.status(old, date(2024, 9, 17)).code(), "expired");
    // Re-authenticated on the deadline's eve: a new connection, not due.
    assert_eq!(
        p.status(date(2024, 9, 15), date(2024, 9, 17)),
        LegacyStatus::NotDue
    );
}

#[test]
fn s2_legacy_policy_needs_the_cutoff_on_or_before_the_deadline() {
    let e = LegacyCredentialPolicy::new(date(2024, 9, 17), date(2024, 9, 16)).unwrap_err();
    assert_eq!(e.code(), "cutoff_after_deadline");
    assert_eq!(
        e.to_string(),
        "expected the cutoff (created before 2024-09-17) on or before the deadline (2024-09-16), \
         found it after; swap the two dates or correct one"
    );
    assert!(LegacyCredentialPolicy::new(date(2024, 9, 16), date(2024, 9, 16)).is_ok());
    assert_eq!(
        LegacyCredentialPolicy::new(date(2024, 7, 11), date(2024, 9, 16)).unwrap(),
        LegacyCredentialPolicy::S2_KARTRA_2024
    );
}

// ---------------------------------------------------------------------------------------------
// Connection settings (S1)

fn full_draft() -> ConnectionSettingsConfig {
    let mut d = ConnectionSettingsConfig::default();
    d.name = Some("Stripe (live)".to_owned());
    d.active = true;
    d.is_source = true;
    d.timeout_ms = Some("30000".to_owned());
    d.secret_key = Some("sk_live_4eC39HqLyjWDarjtT1zdp7dc".into());
    d.api_version = Some("2025-03-31.basil".to_owned());
    d
}

#[test]
fn s1_valid_settings() {
    let s = full_draft().validate().unwrap();
    assert_eq!(s.name(), "Stripe (live)");
    assert!(s.is_active() && s.is_source() && !s.is_target());
    assert_eq!(s.timeout().unwrap().as_millis(), 30_000);
    assert_eq!(s.secret_key().mode(), Mode::Live);
    assert_eq!(s.api_version().unwrap().to_string(), "2025-03-31.basil");
    assert!(!format!("{s:?}").contains("4eC39HqLyjWDarjtT1zd"));
}

#[test]
fn s1_every_problem_is_reported_with_its_path_and_code() {
    let mut d = ConnectionSettingsConfig::default();
    d.name = Some("   ".to_owned());
    d.active = true;
    d.timeout_ms = Some("-5".to_owned());
    d.api_version = Some("2025-03-31.acacia".to_owned());
    let problems = d.check();
    let found: Vec<_> = problems
        .violations()
        .iter()
        .map(|p| {
            (
                p.path().to_string(),
                p.code().to_string(),
                p.param("reason").map(str::to_owned),
                p.severity(),
            )
        })
        .collect();
    let row = |path: &str, code: &str, reason: Option<&str>, severity| {
        (
            path.to_owned(),
            code.to_owned(),
            reason.map(str::to_owned),
            severity,
        )
    };
    assert_eq!(
        found,
        [
            row("name", "missing_field", None, Severity::Error),
            row("is_source", "no_role", None, Severity::Warning),
            row(
                "timeout_ms",
                "invalid_value",
                Some("negative"),
                Severity::Error
            ),
            row("secret_key", "missing_field", None, Severity::Error),
            row(
                "api_version",
                "invalid_value",
                Some("release_mismatch"),
                Severity::Error
            ),
        ]
    );
    let e = d.validate().unwrap_err();
    assert_eq!(e, problems);
    assert!(
        e.to_string()
            .starts_with("invalid: 4 errors, 1 warning\nerror[missing_field] name: the connection's name is empty"),
        "{e}"
    );

    let mut d = full_draft();
    let reason = |d: &ConnectionSettingsConfig| {
        let v = d.check().violations()[0].clone();
        (v.code().to_string(), v.message().to_owned())
    };
    d.name = Some("a\u{7}b".to_owned());
    let (code, message) = reason(&d);
    assert_eq!(code, "invalid_value");
    assert!(message.contains("control character"), "{message}");
    d.name = Some("x".repeat(256));
    let (code, message) = reason(&d);
    assert_eq!(code, "invalid_value");
    assert!(message.contains("more than 255"), "{message}");
}

#[test]
fn s1_warnings_do_not_block_validation() {
    let mut d = full_draft();
    d.api_version = Some("2021-01-01".to_owned());
    d.is_source = false;
    let codes: Vec<_> = d
        .check()
        .violations()
        .iter()
        .map(|p| p.code().to_string())
        .collect();
    assert_eq!(codes, ["no_role", "unknown_api_version"]);
    assert!(d.validate().is_ok());
    d.timeout_ms = None;
    d.api_version = None;
    let s = d.validate().unwrap();
    assert_eq!((s.timeout(), s.api_version()), (None, None));
}

/// S1 "Timeout": a refused timeout is one opaque error, its code, its remedy and a safe
/// excerpt of what was typed (issue 18).
#[test]
fn s1_a_refused_timeout_has_a_code_a_remedy_and_an_excerpt() {
    use stripe_gateway_rules::codes::TimeoutCode;
    let e = "30 seconds".parse::<Timeout>().unwrap_err();
    assert_eq!(e.code(), TimeoutCode::NotANumber);
    assert_eq!(e.found().as_str(), "30 seconds");
    assert_eq!(
        e.remedy(),
        "type digits only, in milliseconds (30000 for 30 seconds)"
    );
    let pasted = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
        .parse::<Timeout>()
        .unwrap_err();
    assert_eq!(pasted.found().as_str(), "sk_live_");
    assert!(!pasted.to_string().contains("4eC39"));
}

#[test]
fn s1_timeout_parsing_edge_cases() {
    let code = |s: &str| s.parse::<Timeout>().unwrap_err().code();
    assert_eq!(code("0"), "zero");
    assert_eq!(code("0000"), "zero");
    assert_eq!(code("-0"), "zero");
    assert_eq!(code("-5"), "negative");
    assert_eq!(code("-99999999999999999999999"), "negative");
    assert_eq!(code("99999999999999999999999"), "too_large");
    assert_eq!(code("18446744073709551616"), "too_large"); // u64::MAX + 1
    assert_eq!(code("600001"), "too_large");
    assert_eq!(code(""), "empty");
    for s in [
        "30s", "1.5", "+5", " 100", "100 ", "1e3", "abc", "-", "٣٠", "-x",
    ] {
        assert_eq!(code(s), "not_a_number", "{s:?}");
    }
    assert_eq!("1".parse::<Timeout>().unwrap().as_millis(), 1);
    assert_eq!("600000".parse::<Timeout>().unwrap().as_millis(), 600_000);
    assert_eq!("000042".parse::<Timeout>().unwrap().as_millis(), 42);
    assert_eq!(Timeout::from_millis(0).unwrap_err().code(), "zero");
    assert_eq!(
        Timeout::from_millis(u64::MAX).unwrap_err().code(),
        "too_large"
    );
    assert_eq!(
        Timeout::from_millis(1500).unwrap().as_duration(),
        std::time::Duration::from_millis(1500)
    );
    assert_eq!(
        "-5".parse::<Timeout>().unwrap_err().to_string(),
        "expected a timeout in milliseconds from 1 to 600000, found \"-5\", a negative number"
    );
}

#[cfg(feature = "serde")]
#[test]
fn s1_settings_deserialize_through_the_same_checks() {
    let json = r#"{"name":"Stripe","active":true,"is_source":true,"is_target":true,
        "timeout_ms":"45000","secret_key":"sk_test_4eC39HqLyjWDarjtT1zdp7dc","api_version":"2024-06-20"}"#;
    let s: ConnectionSettings = serde_json::from_str(json).unwrap();
    assert_eq!(s.timeout().unwrap().as_millis(), 45_000);

    for (timeout, code) in [
        ("0", "zero"),
        ("-1", "negative"),
        ("1.5", "not_a_number"),
        ("1e30", "too_large"), // a JSON float, written out in full: a huge number
        ("\"ten\"", "not_a_number"),
        ("99999999999999999999", "too_large"),
    ] {
        let json = format!(r#"{{"timeout_ms":{timeout}}}"#);
        let draft: ConnectionSettingsConfig = serde_json::from_str(&json).unwrap();
        let problem = draft
            .check()
            .into_iter()
            .find(|p| p.path() == "timeout_ms")
            .unwrap();
        assert_eq!(problem.code(), "invalid_value", "{timeout}");
        assert_eq!(problem.param("reason"), Some(code), "{timeout}");
    }

    // Every missing field at once, as a serde error.
    let e = serde_json::from_str::<ConnectionSettings>("{}").unwrap_err();
    let text = e.to_string();
    assert!(text.contains("error[missing_field] name"), "{text}");
    assert!(text.contains("error[missing_field] secret_key"), "{text}");

    // A malformed key is a problem at `secret_key`, with the key parser's own code, never echoed.
    let mut d = ConnectionSettingsConfig::default();
    d.name = Some("x".into());
    d.secret_key = Some("pk_live_TYooMQauvdEDq54NiTphI7jx".into());
    let problem = d
        .check()
        .into_iter()
        .find(|p| p.path() == "secret_key")
        .unwrap();
    assert_eq!(problem.code(), "publishable_key_as_secret");
    d.secret_key = Some("sk_live_4eC39HqLyjWDarjtT1zdp7dc\n".into());
    let problem = d
        .check()
        .into_iter()
        .find(|p| p.path() == "secret_key")
        .unwrap();
    assert_eq!(problem.code(), "invalid_secret_key");
    assert_eq!(problem.param("reason"), Some("whitespace"));
    assert!(!format!("{problem} {d:?}").contains("4eC39HqLyjWDarjtT1zd"));
    let json = r#"{"name":"x","secret_key":"pk_live_TYooMQauvdEDq54NiTphI7jx"}"#;
    let e = serde_json::from_str::<ConnectionSettings>(json).unwrap_err();
    assert!(e.to_string().contains("publishable key"), "{e}");
    let json = r#"{"name":"x","secret_key":"sk_live_4eC39HqLyjWDarjtT1zdp7dc "}"#;
    let e = serde_json::from_str::<ConnectionSettings>(json).unwrap_err();
    assert!(!e.to_string().contains("4eC39HqLyjWDarjtT1zd"), "{e}");
    let e = serde_json::from_str::<ConnectionSettingsConfig>(r#"{"password":"x"}"#).unwrap_err();
    assert!(
        e.to_string()
            .starts_with("unknown field \"password\" in the connection settings"),
        "{e}"
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// stripe-facts §6: any query string gives a typed result, and a code never leaks.
        #[test]
        fn facts_6_callback_parsing_never_panics(query in "\\PC{0,200}") {
            let mut u = url("https://billing.example.com/cb");
            u.set_query(Some(&query));
            if let Err(e) = parse_callback(&u, &state()) {
                let _ = (e.code(), e.to_string());
            }
        }

        /// S1: any typed timeout gives a value in range or a typed error.
        #[test]
        fn s1_timeout_parsing_never_panics(s in "\\PC{0,40}") {
            if let Ok(t) = s.parse::<Timeout>() {
                prop_assert!((1..=600_000).contains(&t.as_millis()));
            }
        }

        #[test]
        fn s1_timeouts_in_range_round_trip(ms in 1u32..=600_000) {
            let t: Timeout = ms.to_string().parse().unwrap();
            prop_assert_eq!(t.to_string(), ms.to_string());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Connections by account id or publishable key, and Stripe's token response (issue 10)

mod by_key {
    use stripe_gateway_rules::connection::{ConnectionKey, OAuthScope, OAuthToken};
    use stripe_gateway_rules::{
        connection::Connection, connection::Connections, credentials::Mode,
    };

    use super::{ACCT_A, ACCT_B, PK_A, PK_B, key};

    /// A token response with every field of Stripe's OAuth reference
    /// (https://docs.stripe.com/connect/oauth-reference, "POST /oauth/token" response:
    /// access_token, livemode, refresh_token, scope, stripe_publishable_key, stripe_user_id,
    /// token_type).
    fn token_body(account: &str, pk: &str, livemode: bool) -> String {
        format!(
            r#"{{
  "access_token": "sk_live_AcCe55T0k3nB0dyAcCe55T0k3nB0dy",
  "livemode": {livemode},
  "refresh_token": "rt_R3fR35hT0k3nB0dyR3fR35hT0k3n",
  "scope": "read_write",
  "stripe_publishable_key": "{pk}",
  "stripe_user_id": "{account}",
  "token_type": "bearer"
}}"#
        )
    }

    fn legacy_and_connected() -> Connections {
        let mut connections = Connections::new();
        connections
            .insert(Connection::legacy(PK_A.parse().unwrap()))
            .unwrap();
        connections
            .insert(
                Connection::new(ACCT_B.parse().unwrap())
                    .with_account_name("Acme Coaching LLC")
                    .with_publishable_key(PK_B.parse().unwrap()),
            )
            .unwrap();
        connections
    }

    /// S2: "compare the Publishable key shown in Kartra with the Publishable key for each of
    /// your Stripe accounts"; "The Stripe Account ID and Name are displayed anywhere you would
    /// have previously seen the API keys as an identifier for the integration".
    #[test]
    fn s2_look_up_a_connection_by_account_id_or_publishable_key() {
        let connections = legacy_and_connected();
        assert!(connections.find(&key(PK_A)).unwrap().is_legacy());
        let b = connections.find(&key(ACCT_B)).unwrap();
        assert_eq!(b.account_name(), Some("Acme Coaching LLC"));
        assert_eq!(connections.find(&key(PK_B)), Some(b));
        assert_eq!(connections.find(&key(ACCT_A)), None); // the legacy one has no id yet
        assert_eq!(
            connections.find(&key("pk_test_TYooMQauvdEDq54NiTphI7jx")),
            None
        );
        assert!(matches!(key(ACCT_A), ConnectionKey::AccountId(_)));
        let e = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
            .parse::<ConnectionKey>()
            .unwrap_err();
        assert_eq!(e.code(), "wrong_credential_kind");
        assert_eq!(
            "pk_live_".parse::<ConnectionKey>().unwrap_err().code(),
            "missing_body"
        );
    }

    #[test]
    fn s2_remove_a_connection_by_account_id_or_publishable_key() {
        let mut connections = legacy_and_connected();
        let removed = connections.remove(&key(PK_A)).unwrap();
        assert_eq!(removed.publishable_key().map(|k| k.as_str()), Some(PK_A));
        assert_eq!(connections.remove(&key(PK_A)), None);
        assert_eq!(connections.len(), 1);
        assert!(connections.remove(&key(ACCT_B)).is_some());
        assert!(connections.is_empty());
    }

    /// S2: "you must click Connect with Stripe and select the same account that was
    /// previously linked using API keys. If the selected account does not match, you will see
    /// this error" ("Connection failed: Stripe account does not match").
    #[test]
    fn s2_reconnect_by_publishable_key_with_stripe_s_token_response() {
        let mut connections = legacy_and_connected();
        let selected = OAuthToken::from_json(&token_body(ACCT_A, PK_A, true))
            .unwrap()
            .selected_account();
        let done = connections.reconnect(&key(PK_A), &selected).unwrap();
        assert_eq!(done.account_id().map(|id| id.as_str()), Some(ACCT_A));
        assert_eq!(done.publishable_key().map(|k| k.as_str()), Some(PK_A));
        // Now found by its account id too.
        assert!(connections.find(&key(ACCT_A)).is_some());

        // Another account, whose publishable key is not the kept one: no match.
        let mut connections = legacy_and_connected();
        let other = OAuthToken::from_json(&token_body(
            "acct_1Nv0FGQ9RKHgCVdK",
            "pk_live_51OtherAccountKeyAbCdEfGhIj",
            true,
        ))
        .unwrap()
        .selected_account();
        let e = connections.reconnect(&key(PK_A), &other).unwrap_err();
        assert_eq!(e.code(), "account_mismatch");
        assert!(e.to_string().starts_with("Stripe account does not match"));
        // By account id: the same account again is fine; an unknown key is not found.
        let again = OAuthToken::from_json(&token_body(ACCT_B, PK_B, true))
            .unwrap()
            .selected_account();
        assert!(connections.reconnect(&key(ACCT_B), &again).is_ok());
        assert_eq!(
            connections
                .reconnect(&key("acct_1Nv0FGQ9RKHgCVdK"), &again)
                .unwrap_err()
                .code(),
            "connection_not_found"
        );
    }

    /// stripe-facts §6: Stripe's OAuth reference: the token response's fields; tokens are secrets.
    #[test]
    fn oauth_reference_token_response_becomes_the_selected_account() {
        let body = token_body(ACCT_A, "pk_test_TYooMQauvdEDq54NiTphI7jx", false);
        let token = OAuthToken::from_json(&body).unwrap();
        assert_eq!(token.account_id().as_str(), ACCT_A);
        assert_eq!(token.mode(), Mode::Test);
        assert_eq!(token.scope(), Some(OAuthScope::ReadWrite));
        assert!(token.refresh_token().is_some());
        let selected = token.selected_account();
        assert_eq!(selected.account_id().as_str(), ACCT_A);
        assert_eq!(selected.publishable_keys().len(), 1);
        for out in [format!("{token:?}"), format!("{selected:?}")] {
            assert!(!out.contains("AcCe55T0k3n"), "{out}");
            assert!(!out.contains("R3fR35hT0k3n"), "{out}");
        }
        // Only the required fields.
        let minimal = OAuthToken::from_json(&format!(
            r#"{{"livemode": true, "stripe_user_id": "{ACCT_A}"}}"#
        ))
        .unwrap();
        assert!(minimal.publishable_key().is_none() && minimal.refresh_token().is_none());
        assert!(minimal.selected_account().publishable_keys().is_empty());
    }

    /// rules §9, stripe-facts §6: a token response that is Stripe's error, lacks a field or has
    /// one of the wrong type is a typed error with its code.
    #[test]
    fn oauth_reference_bad_token_responses_are_typed_errors() {
        let err = |s: &str| OAuthToken::from_json(s).unwrap_err();
        let e = err(
            r#"{"error": "invalid_grant", "error_description": "Authorization code does not exist: ac_123456789"}"#,
        );
        assert_eq!(e.code(), "oauth_error");
        assert!(e.to_string().contains("invalid_grant"), "{e}");
        assert_eq!(err(r#"{"livemode": true}"#).code(), "missing_field");
        assert_eq!(
            err(&format!(
                r#"{{"livemode": "yes", "stripe_user_id": "{ACCT_A}"}}"#
            ))
            .code(),
            "wrong_type"
        );
        assert_eq!(
            err(r#"{"livemode": true, "stripe_user_id": "cus_123"}"#).code(),
            "invalid_field"
        );
        assert_eq!(
            err(&token_body(ACCT_A, PK_A, false)).code(),
            "mode_mismatch"
        );
        let wrong_type = token_body(ACCT_A, PK_A, true).replace("\"bearer\"", "\"mac\"");
        assert_eq!(err(&wrong_type).code(), "token_type");
        assert_eq!(err("").code(), "syntax");
        assert_eq!(err("[]").code(), "wrong_type");
        assert_eq!(err("{\"livemode\": tru").code(), "syntax");
        // A secret where the account id goes is never quoted.
        let secret = "sk_live_S3cr3tB0dyS3cr3tB0dyS3cr3t";
        let e = err(&format!(
            r#"{{"livemode": true, "stripe_user_id": "{secret}"}}"#
        ));
        assert!(!e.to_string().contains("S3cr3tB0dy"), "{e}");
        assert!(!format!("{e:?}").contains("S3cr3tB0dy"));
        let e = err(&format!(
            r#"{{"error": "x", "error_description": "{secret}"}}"#
        ));
        assert!(!e.to_string().contains("S3cr3tB0dy"), "{e}");
    }
}

/// rules §9 (issue 9): OAuth callbacks report through the crate's one report model, with one
/// meaning per code (`invalid_scope` is Stripe's; a scope the crate cannot read is
/// `scope_unknown`).
#[test]
fn oauth_callback_errors_become_violations_of_the_report() {
    use stripe_gateway_rules::ViolationCode;
    use stripe_gateway_rules::diagnostics::{Path, Report};
    let denied = callback(&format!(
        "error=access_denied&error_description=The+user+denied+your+request&state={STATE}"
    ))
    .unwrap_err()
    .to_violation(Path::root());
    assert_eq!(*denied.code(), ViolationCode::OauthDenied);
    assert_eq!(denied.param("stripe_code"), Some("access_denied"));
    assert_eq!(denied.path().to_string(), "error");
    let forged = callback("code=ac_1&state=someone-elses-state-123")
        .unwrap_err()
        .to_violation(Path::root());
    assert_eq!(*forged.code(), ViolationCode::OauthStateMismatch);
    assert_eq!(forged.path().to_string(), "state");
    let scope = callback(&format!("code=ac_1&scope=admin&state={STATE}"))
        .unwrap_err()
        .to_violation(Path::root());
    assert_eq!(*scope.code(), ViolationCode::InvalidValue);
    assert_eq!(scope.param("reason"), Some("scope_unknown"));
    let report: Report = [denied, forged, scope].into_iter().collect();
    assert_eq!(report.errors().count(), 3);
}

/// stripe-facts §6: a refused state, scope or redirect URI is one opaque error, its code, its
/// remedy and an excerpt of what was found, cut before a secret (issue 18).
#[test]
fn facts_6_a_refused_authorize_value_has_a_code_a_remedy_and_a_safe_excerpt() {
    use stripe_gateway_rules::codes::OAuthCode;
    let e = "admin".parse::<OAuthScope>().unwrap_err();
    assert_eq!(
        (e.code(), e.found().as_str()),
        (OAuthCode::ScopeUnknown, "admin")
    );
    assert_eq!(e.remedy(), "use read_write or read_only");
    let e = AuthorizeRequest::new(
        "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb".parse().unwrap(),
        OAuthScope::ReadWrite,
        &state(),
        Mode::Live,
    )
    .redirect_uri("https://billing.example.com/cb?key=sk_live_4eC39HqLyjWDarjtT1zdp7dc")
    .unwrap_err();
    assert_eq!(e.code(), OAuthCode::RedirectUriHoldsSecret);
    assert!(!e.found().as_str().contains("4eC39"));
    assert!(!format!("{e:?}").contains("4eC39"));
}

/// stripe-facts §6: a refused token response is one opaque error, its code, its remedy and
/// what was found, never a token (issue 18).
#[test]
fn facts_6_a_refused_token_response_has_a_code_a_remedy_and_accessors() {
    use stripe_gateway_rules::codes::OAuthTokenCode;
    use stripe_gateway_rules::connection::OAuthToken;
    let e = OAuthToken::from_json(r#"{"error": "invalid_grant", "error_description": "expired"}"#)
        .unwrap_err();
    assert_eq!(e.code(), OAuthTokenCode::OauthError);
    assert_eq!(e.stripe_code().map(|c| c.as_str()), Some("invalid_grant"));
    assert_eq!(e.description(), Some("expired"));
    let e =
        OAuthToken::from_json(r#"{"stripe_user_id": "acct_1", "livemode": "yes"}"#).unwrap_err();
    assert_eq!(
        (e.code(), e.field()),
        (OAuthTokenCode::WrongType, Some("livemode"))
    );
    assert_eq!(e.remedy(), "pass Stripe's token response body unchanged");
    let e = OAuthToken::from_json("{\n}x").unwrap_err();
    assert_eq!(
        (e.code(), e.position()),
        (OAuthTokenCode::Syntax, Some((2, 2)))
    );
}
