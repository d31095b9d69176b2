//! Connect OAuth (stripe-facts §6): `parse_callback` on Stripe's redirect to the platform,
//! `AuthorizeRequest::redirect_uri`, `OAuthState` and `OAuthScope` parsing, and
//! `OAuthToken::from_json` on the token response. Nothing panics; a callback only grants a
//! code when its state is the one sent; a redirect URI that is accepted is kept unchanged.
//!
//! No leak: a marker secret derived from the input (see `fuzz/src/lib.rs`) is put into the
//! callback's query (as the value of `code`, `state`, `scope`, `error` or
//! `error_description`, or spliced into the query), into the redirect URI, the state, the
//! scope and the token response (a key or a value of the JSON, or spliced into it); no
//! 12-character window of its body may appear in any error (`Display`, `Debug`) or any
//! result's `Debug`. The authorize URL itself (`AuthorizeRequest::url`) is what the platform
//! sends to Stripe, so it is not an output checked here.
//!
//! Input: the text is a callback query string, a redirect URI, a state and a token response
//! at once. Seeds: `fuzz/seed.sh`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use stripe_gateway_rules::connection::{
    AuthorizeRequest, OAuthScope, OAuthState, OAuthToken, parse_callback,
};
use stripe_gateway_rules::{credentials::ClientId, credentials::Mode};
use stripe_gateway_rules_fuzz::{Marker, Rng};
use url::Url;

const STATE: &str = "k3J9xQ2mVb7LwZ4pT8rN";
const CLIENT_ID: &str = "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb";
const PARAMS: [&str; 5] = ["code", "state", "scope", "error", "error_description"];

/// `parse_callback` on `https://billing.example.com/cb?<query>`.
fn check_callback(query: &str, m: &Marker) {
    let Ok(url) = Url::parse(&format!("https://billing.example.com/cb?{query}")) else {
        return;
    };
    let expected: OAuthState = STATE.parse().expect("the fixed state parses");
    match parse_callback(&url, &expected) {
        Ok(grant) => {
            let state_sent = url.query_pairs().any(|(k, v)| k == "state" && v == STATE);
            assert!(state_sent, "a grant without the state sent: {url}");
            assert!(grant.authorization_code().expose_secret().starts_with("ac_"));
            m.assert_debug("OAuthGrant", &grant);
        }
        Err(e) => {
            assert!(!e.code().as_str().is_empty());
            m.assert_display_debug("CallbackError", &e);
        }
    }
}

/// `AuthorizeRequest::redirect_uri(uri)` in both modes.
fn check_redirect_uri(uri: &str, m: &Marker) {
    let client_id: ClientId = CLIENT_ID.parse().expect("the fixed client id parses");
    let state: OAuthState = STATE.parse().expect("the fixed state parses");
    for mode in [Mode::Test, Mode::Live] {
        let request = AuthorizeRequest::new(client_id.clone(), OAuthScope::ReadWrite, &state, mode);
        match request.redirect_uri(uri) {
            Ok(request) => {
                assert_eq!(request.registered_redirect_uri(), Some(uri));
                m.assert_clean_known("3", "AuthorizeRequest (Debug)", &format!("{request:?}"));
            }
            Err(e) => {
                assert!(!e.code().as_str().is_empty());
                if e.code() == "redirect_uri_not_https" {
                    m.assert_clean_known("2", "OAuthError (Display)", &e.to_string());
                    m.assert_clean_known("2", "OAuthError (Debug)", &format!("{e:?}"));
                } else {
                    m.assert_display_debug("OAuthError (redirect_uri)", &e);
                }
            }
        }
    }
}

fn check_state_and_scope(text: &str, m: &Marker) {
    match text.parse::<OAuthState>() {
        Ok(state) => {
            m.assert_clean_known("3", "OAuthState (Display)", &state.to_string());
            m.assert_clean_known("3", "OAuthState (Debug)", &format!("{state:?}"));
        }
        Err(e) => m.assert_display_debug("OAuthError (state)", &e),
    }
    match text.parse::<OAuthScope>() {
        Ok(scope) => m.assert_display_debug("OAuthScope", &scope),
        Err(e) => m.assert_display_debug("OAuthError (scope)", &e),
    }
}

fn check_token(json: &str, m: &Marker) {
    match OAuthToken::from_json(json) {
        Ok(token) => {
            m.assert_debug("OAuthToken", &token);
            m.assert_debug("OAuthToken::selected_account", &token.selected_account());
        }
        Err(e) => {
            assert!(!e.code().as_str().is_empty());
            m.assert_display_debug("TokenResponseError", &e);
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let mut rng = Rng::from_input(data);
    let marker = Marker::new(&mut rng);

    // The callback: the marker as one parameter's value (percent-encoded as a browser
    // would), next to the fuzzed query, or spliced raw into it.
    let query = if rng.below(3) == 0 {
        marker.splice(text, &mut rng)
    } else {
        let name = PARAMS[rng.below(PARAMS.len())];
        let value: String =
            url::form_urlencoded::byte_serialize(marker.pasted.as_bytes()).collect();
        match rng.below(3) {
            0 => format!("{name}={value}&{text}"),
            1 => format!("{text}&{name}={value}"),
            _ => format!("state={STATE}&{name}={value}"),
        }
    };
    check_callback(&query, &marker);
    check_callback(text, &marker);

    // The redirect URI, the state and the scope: the marker spliced into the text, alone, or
    // in a URI's query, path or host.
    let uri = match rng.below(4) {
        0 => marker.splice(text, &mut rng),
        1 => format!("https://billing.example.com/cb?key={}", marker.pasted),
        2 => format!("http://{}.example.com/cb", marker.pasted.trim()),
        _ => format!("https://billing.example.com/{}", marker.pasted.trim()),
    };
    check_redirect_uri(&uri, &marker);
    check_state_and_scope(&marker.splice(text, &mut rng), &marker);
    check_state_and_scope(&marker.pasted, &marker);

    // The token response.
    check_token(&marker.embed_json_text(text, &mut rng), &marker);
});
