//! Kartra (seed S2, "Stripe integration"): a Stripe integration tile, made with "Connect with
//! Stripe", mapped onto [`ConnectionConfig`] with `platform: kartra` and checked by the crate.
//!
//! ```sh
//! cargo run --example kartra
//! ```
//!
//! The example only maps the tile and prints the crate's report. Under the Kartra profile
//! (rules §11) the crate checks the Connect integration: the Stripe Account ID and Name
//! ("displayed anywhere you would have previously seen the API keys"), the publishable key
//! kept from the API-key era (it gives the mode), and no API key ("It is no longer necessary
//! to enter API keys"). The OAuth flow itself and reconnecting the same account are in
//! [`stripe_gateway_rules::connection`]. Secrets are printed only redacted; the example exits
//! 1 when a tile does not come out as expected.

mod common;

use std::process::ExitCode;

use stripe_gateway_rules::Platform;
use stripe_gateway_rules::config::{AuthConfig, ConnectionConfig};

/// A Stripe integration tile on Kartra's Integrations page.
struct StripeTile {
    /// The Stripe account's Name, shown with its id.
    name: Option<&'static str>,
    /// The Stripe Account ID, set by "Connect with Stripe".
    stripe_account_id: &'static str,
    /// "The original publishable key for the Stripe account appears in the bottom right".
    publishable_key: Option<&'static str>,
    /// A secret key left from the API-key era, if the tile still holds one.
    api_secret_key: Option<&'static str>,
    /// Made before this update (reconnected).
    existing: bool,
}

/// The tile, mapped onto the crate's input: no check of its own.
fn to_config(tile: &StripeTile) -> ConnectionConfig {
    let mut auth = match tile.api_secret_key {
        Some(key) => AuthConfig::api_key(key).with_account_id(tile.stripe_account_id),
        None => AuthConfig::connect(tile.stripe_account_id, ""),
    };
    auth.account_name = tile.name.map(Into::into);
    {
        let mut config = ConnectionConfig::default();
        config.platform = Some(Platform::Kartra.as_str().into());
        config.existing = tile.existing;
        config.auth = Some(auth);
        config.publishable_key = tile.publishable_key.map(Into::into);
        config
    }
}

fn check(title: &str, tile: &StripeTile, expect: &[&str]) -> bool {
    let profile = Platform::Kartra.profile();
    common::outcome(title, to_config(tile), &profile, expect)
}

fn main() -> ExitCode {
    let reconnected = StripeTile {
        name: Some("Acme Coaching LLC"),
        stripe_account_id: "acct_1R3fqDP6919yCiFv",
        publishable_key: Some("pk_live_EXAMPLEonlyNotARealKey0042"),
        api_secret_key: None,
        existing: true,
    };
    let new = StripeTile {
        name: Some("Acme Workshops"),
        stripe_account_id: "acct_1Nv0FGQ9RKHgCVdK",
        publishable_key: None,
        existing: false,
        ..reconnected
    };
    // A tile still on API keys, with the secret key where the publishable one goes.
    let api_keys = StripeTile {
        name: None,
        api_secret_key: Some("sk_live_EXAMPLEonlyNotARealKey0042"),
        publishable_key: Some("sk_live_EXAMPLEonlyNotARealKey0042"),
        ..reconnected
    };
    // "Connect with Stripe" came back without the account's name.
    let nameless = StripeTile { name: None, ..new };
    let results = [
        check("Acme Coaching (reconnected)", &reconnected, &[]),
        check("Acme Workshops (new)", &new, &[]),
        check(
            "API-key tile",
            &api_keys,
            &["invalid_value", "wrong_credential_kind"],
        ),
        check("tile without a name", &nameless, &["missing_field"]),
    ];
    common::finish("Kartra", &results)
}
