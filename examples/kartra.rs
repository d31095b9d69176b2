//! Kartra (seed S2, "Connect with Stripe"): the Stripe integrations on Kartra's Integrations
//! page mapped onto the crate's [`Connections`], reconnected, and checked by the crate.
//!
//! ```sh
//! cargo run --example kartra
//! ```
//!
//! Rules shown, checked by the crate (rules.md §9; [`stripe_gateway_rules::connection`]):
//! * several integrations, one per Stripe account: adding an account already integrated is
//!   refused, "This Stripe account has already been integrated" (`already_integrated`);
//! * an account connected to a different platform is ineligible (`account_ineligible`);
//! * integrations created with API keys before July 11, 2024 had to be re-authenticated by
//!   September 16, 2024 ([`LegacyCredentialPolicy::S2_KARTRA_2024`]);
//! * reconnecting must select the same account, matched by the publishable key kept from the
//!   API-key era; another account is refused, "Stripe account does not match"
//!   (`account_mismatch`); once reconnected, the integration holds no API key ("It is no
//!   longer necessary to enter API keys");
//! * "Connect with Stripe" opens Stripe's authorize URL; clicking "Return to Kartra" without
//!   connecting comes back with `access_denied`, "The user denied your request".
//!
//! Kartra's own part is only the tile on its Integrations page (name, Stripe Account ID,
//! publishable key, creation date) and the accounts the user picks in Stripe's window, which
//! the crate takes as parameters.
//!
//! Every step must come out as expected; otherwise the example prints `!! UNEXPECTED` and
//! exits with status 1. Secrets are printed only redacted.

use std::error::Error;
use std::process::ExitCode;

use jiff::civil::{Date, date};
use stripe_gateway_rules::connection::{
    AuthorizeRequest, Connection, ConnectionError, Connections, LegacyCredentialPolicy,
    LegacyStatus, OAuthErrorCode, OAuthScope, SelectedAccount, parse_callback,
};
use stripe_gateway_rules::{Mode, SecretKey};

/// One Stripe tile on Kartra's Integrations page (its "Edit payment gateway" window).
struct StripeTile {
    /// The Stripe account's Name, shown with its id.
    name: &'static str,
    /// The Stripe Account ID, set by "Connect with Stripe"; none on a tile from the API-key
    /// era not yet reconnected.
    stripe_account_id: Option<&'static str>,
    /// "The original publishable key for the Stripe account appears in the bottom right".
    publishable_key: Option<&'static str>,
    /// The secret key of a tile made with API keys, until it is reconnected.
    api_secret_key: Option<&'static str>,
    created: Date,
}

/// The tile as the crate's [`Connection`].
fn to_connection(tile: &StripeTile) -> Result<Connection, Box<dyn Error>> {
    let connection = match (tile.stripe_account_id, tile.publishable_key) {
        (Some(id), key) => {
            let c = Connection::new(id.parse()?);
            match key {
                Some(key) => c.with_publishable_key(key.parse()?),
                None => c,
            }
        }
        (None, Some(key)) => Connection::legacy(key.parse()?),
        (None, None) => {
            return Err("a tile with neither Stripe Account ID nor publishable key".into());
        }
    };
    Ok(connection.with_account_name(tile.name))
}

/// An account in Stripe's account picker: its id, name and publishable keys.
fn account(
    id: &str,
    name: &str,
    publishable_key: &str,
    elsewhere: bool,
) -> Result<SelectedAccount, Box<dyn Error>> {
    Ok(SelectedAccount::new(id.parse()?)
        .with_name(name)
        .with_publishable_key(publishable_key.parse()?)
        .connected_to_another_platform(elsewhere))
}

/// Prints one step's outcome (`accepted` or a code) and whether it is the one expected.
fn step(what: &str, want: &str, got: &str, detail: &str) -> bool {
    let ok = got == want;
    println!("  {what}: {got}: {detail}");
    if !ok {
        println!("!! UNEXPECTED: expected {want}");
    }
    ok
}

/// A further expectation on a step, reported when it does not hold.
fn holds(ok: bool, what: &str) -> bool {
    if !ok {
        println!("!! UNEXPECTED: {what}");
    }
    ok
}

/// What a legacy status asks of the user (S2).
fn describe(status: LegacyStatus) -> String {
    match status {
        LegacyStatus::DueBy(deadline) => format!("red status bubble, reconnect by {deadline}"),
        LegacyStatus::Expired => "checkouts and subscriptions using it stop working".into(),
        LegacyStatus::NotDue => "nothing to do".into(),
        _ => format!("{status:?}"),
    }
}

/// The outcome of adding or reconnecting, as a code and a line to print.
fn outcome(result: Result<&Connection, ConnectionError>) -> (String, String) {
    match result {
        Ok(c) => (
            "accepted".into(),
            format!(
                "{} {:?}",
                c.account_id().map_or("-", |id| id.as_str()),
                c.account_name().unwrap_or("-")
            ),
        ),
        Err(e) => (e.code().into(), e.to_string()),
    }
}

fn run() -> Result<bool, Box<dyn Error>> {
    let mut results = Vec::new();

    // The page: a tile from the API-key era, known by its publishable key, and one made with
    // Connect with Stripe.
    let legacy_tile = StripeTile {
        name: "Acme Coaching LLC",
        stripe_account_id: None,
        publishable_key: Some("pk_live_PUBLISHABLEexampleKey0042"),
        api_secret_key: Some("sk_live_EXAMPLEonlyNotARealKey0042"),
        created: date(2024, 3, 2),
    };
    let connect_tile = StripeTile {
        name: "Acme Coaching US",
        stripe_account_id: Some("acct_1PbGvRKx5NqWtY2c"),
        publishable_key: None,
        api_secret_key: None,
        created: date(2024, 7, 11),
    };
    let legacy = to_connection(&legacy_tile)?;
    let mut page = Connections::try_from(vec![legacy.clone(), to_connection(&connect_tile)?])?;

    // The accounts of one Stripe profile, as Stripe's window lists them.
    let llc = account(
        "acct_1R3fqDP6919yCiFv",
        "Acme Coaching LLC",
        "pk_live_PUBLISHABLEexampleKey0042",
        false,
    )?;
    let eu = account(
        "acct_1Q8mZtL2c4VbN7xR",
        "Acme Coaching EU",
        "pk_live_PUBLISHABLEexampleKeyEU01",
        false,
    )?;
    let elsewhere = account(
        "acct_1Nv0FGQ9RKHgCVdK",
        "Acme Old Shop",
        "pk_live_PUBLISHABLEexampleKeyOS01",
        true,
    )?;

    println!("== Add integrations (Connect with Stripe, one per account)");
    let (got, detail) = outcome(page.add(&eu));
    results.push(step("add Acme Coaching EU", "accepted", &got, &detail));
    let (got, detail) = outcome(page.add(&eu));
    results.push(step(
        "add Acme Coaching EU again",
        "already_integrated",
        &got,
        &detail,
    ));
    results.push(holds(
        detail.starts_with("This Stripe account has already been integrated"),
        "S2's message \"This Stripe account has already been integrated\"",
    ));
    let (got, detail) = outcome(page.add(&elsewhere));
    results.push(step(
        "add Acme Old Shop",
        "account_ineligible",
        &got,
        &detail,
    ));
    println!("  => {} integrations", page.len());
    results.push(holds(page.len() == 3, "3 integrations"));
    println!();

    println!("== Expiring API-key integrations (created before 2024-07-11, due 2024-09-16)");
    let policy = LegacyCredentialPolicy::S2_KARTRA_2024;
    let dates = [
        (&legacy_tile, date(2024, 8, 1), "due"),
        (&legacy_tile, date(2024, 9, 16), "expired"),
        (&connect_tile, date(2024, 9, 16), "not_due"),
    ];
    for (tile, today, want) in dates {
        let status = policy.status(tile.created, today);
        let what = format!("{}, created {}, on {today}", tile.name, tile.created);
        results.push(step(&what, want, status.code(), &describe(status)));
    }
    println!();

    println!(
        "== Reconnect Acme Coaching LLC (kept publishable key {})",
        { legacy.publishable_key().map_or("-", |k| k.as_str()) }
    );
    let state = "k3J9xQ2mVb7LwZ4pT8rN".parse()?;
    let authorize = AuthorizeRequest::new(
        "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhIwXb".parse()?,
        OAuthScope::ReadWrite,
        &state,
        Mode::Live,
    )
    .redirect_uri("https://app.example-kartra.com/integrations/stripe/callback")?;
    println!("  Connect with Stripe opens {}", authorize.url());
    let denied = "https://app.example-kartra.com/integrations/stripe/callback\
                  ?error=access_denied&error_description=The%20user%20denied%20your%20request";
    let (got, detail) = match parse_callback(&denied.parse()?, &state) {
        Ok(_) => ("granted".to_owned(), String::new()),
        Err(e) => {
            results.push(holds(
                e.stripe_code() == Some(&OAuthErrorCode::AccessDenied)
                    && e.description() == Some("The user denied your request"),
                "Stripe's access_denied, \"The user denied your request\"",
            ));
            (e.code().to_owned(), e.to_string())
        }
    };
    results.push(step("Return to Kartra", "access_denied", &got, &detail));
    let (got, detail) = outcome(page.reconnect(&legacy, &eu));
    results.push(step(
        "select Acme Coaching EU",
        "account_mismatch",
        &got,
        &detail,
    ));
    results.push(holds(
        detail.starts_with("Stripe account does not match"),
        "S2's message \"Stripe account does not match\"",
    ));
    let (got, detail) = outcome(page.reconnect(&legacy, &llc));
    results.push(step("select Acme Coaching LLC", "accepted", &got, &detail));

    let reconnected = page
        .get(llc.account_id())
        .ok_or("the reconnected integration is not on the page")?;
    let holds_secret = reconnected
        .auth_scheme()
        .is_none_or(|auth| auth.holds_secret());
    let old_key: Option<SecretKey> = legacy_tile.api_secret_key.map(str::parse).transpose()?;
    // Reconnecting makes a new connection: its date is the one the policy looks at.
    let status = policy.status(date(2024, 9, 2), date(2024, 9, 16));
    println!(
        "  => reconnected on 2024-09-02: API keys {} no longer needed (holds a secret: {holds_secret}); \
         on 2024-09-16: {}",
        old_key.map_or("-".to_owned(), |k| k.redacted()),
        status.code()
    );
    results.push(holds(
        !holds_secret
            && !reconnected.is_legacy()
            && page.len() == 3
            && status == LegacyStatus::NotDue,
        "the reconnected integration has its account id, no secret and nothing due; still 3 integrations",
    ));
    println!();

    Ok(results.iter().all(|ok| *ok))
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => {
            println!("Kartra: every step came out as expected");
            ExitCode::SUCCESS
        }
        Ok(false) => {
            println!("Kartra: some step did not come out as expected");
            ExitCode::FAILURE
        }
        Err(e) => {
            println!("!! UNEXPECTED: {e}");
            ExitCode::FAILURE
        }
    }
}
